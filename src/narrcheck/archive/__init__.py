"""The archive: scanning many disclosures into SQLite, and the flagged-claims report across them."""
