"""Regenerate schemas/ from the pydantic models (never edit those files by hand)."""

from pathlib import Path

from narrcheck.schemas import schemas

out = Path(__file__).resolve().parents[1] / "schemas"
for name, text in schemas().items():
    (out / name).write_text(text, encoding="utf-8")
    print("wrote", out / name)
