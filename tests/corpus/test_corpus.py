"""Every corpus document: no crash, valid JSON, locations that point at the quote, identical reruns."""

import json
import subprocess
import sys
from pathlib import Path

import jsonschema

ROOT = Path(__file__).resolve().parents[2]
SCHEMA = json.loads((ROOT / "schemas" / "report.schema.json").read_text(encoding="utf-8"))


def check_json(path: Path) -> tuple[int, str]:
    out = subprocess.run([sys.executable, "-m", "narrcheck", "check", str(path), "--format", "json", "--all"],
                         capture_output=True, text=True)
    return out.returncode, out.stdout


def test_corpus_documents(corpus_files):
    for path in corpus_files:
        code, text = check_json(path)
        assert code in (0, 1), path
        report = json.loads(text)
        jsonschema.validate(report, SCHEMA)
        lines = path.read_text(encoding="utf-8-sig").split("\n")
        for f in report["findings"]:
            loc = f["evidence"][0]["location"]
            line = lines[loc["line"] - 1]
            quote = f["evidence"][0]["quote"]
            # the quote starts on the located line (a quote may run on over a table cell's lines)
            assert quote.split("\n")[0][:8] in line or quote[:8] in line, (path.name, loc, quote[:30])
        assert check_json(path)[1] == text, f"{path.name}: a second run differs"


def test_corpus_known_errors_are_found(corpus_files):
    """Regression: errors the hand-labelled answers name, one per pattern family."""
    by_name = {p.name[:3]: p for p in corpus_files}
    expected = {
        "001": [(1035, "NC101", "mismatch", "19.74"), (1024, "NC106", "mismatch", "1603345.54"),
                (84, "NC106", "mismatch", "1573.66"), (529, "NC107", "truncation", "5.46"),
                (143, "NC107", "unit_error", "54.39")],
        "002": [(23, "NC107", "truncation", "3.05"), (25, "NC107", "truncation", "43.03")],
        "004": [(95, "NC101", "mismatch", "0.78"), (110, "NC101", "mismatch", "0.33"),
                (112, "NC104", "mismatch", "100")],
    }
    for doc, wanted in expected.items():
        if doc not in by_name:
            continue
        findings = json.loads(check_json(by_name[doc])[1])["findings"]
        got = {(f["evidence"][0]["location"]["line"], f["rule"], f["verdict"], f["claimed"]) for f in findings}
        for item in wanted:
            assert item in got, (doc, item)
