"""Write docs/report.png, the README's picture of the HTML report for the bundled example.

Needs Debian's chromium (and a CJK font, e.g. fonts-wqy-microhei) and playwright: python scripts/readme_screenshot.py
"""

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]
with tempfile.TemporaryDirectory() as tmp:
    page_file = Path(tmp) / "report.html"
    subprocess.run([sys.executable, "-m", "narrcheck", "check", "examples/说明.txt", "--format", "html", "-o",
                    str(page_file)], cwd=ROOT, check=False)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=shutil.which("chromium"),
                                    args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        page = browser.new_page(viewport={"width": 1400, "height": 820})
        page.goto(page_file.as_uri())
        page.select_option("select[data-filter=severity]", "error")
        page.screenshot(path=str(ROOT / "docs" / "report.png"))
        browser.close()
print("wrote docs/report.png")
