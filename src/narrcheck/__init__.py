"""narrcheck: proves or disproves the numbers in the narrative of Chinese budget disclosures."""

__version__ = "0.1.0"
