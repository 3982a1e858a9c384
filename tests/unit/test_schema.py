from pathlib import Path

from narrcheck.schemas import schemas

ROOT = Path(__file__).resolve().parents[2]


def test_checked_in_schemas_are_current():
    for name, text in schemas().items():
        on_disk = (ROOT / "schemas" / name).read_text(encoding="utf-8")
        assert on_disk == text, f"schemas/{name} is stale: run `python scripts/gen_schemas.py`"
