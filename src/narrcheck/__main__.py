from narrcheck.cli import main

main()
