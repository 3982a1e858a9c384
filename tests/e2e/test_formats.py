"""One document in four formats: `narrcheck check` finds the same things in each; only locations differ."""

import json
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "formats"))
from convert import EXAMPLE, as_docx, as_html, as_pdf  # noqa: E402


def findings(path: Path) -> tuple[str, list[tuple[str, str, str, str, str]], list[dict]]:
    out = subprocess.run([sys.executable, "-m", "narrcheck", "check", str(path), "--format", "json", "--all"],
                         capture_output=True, text=True)
    assert out.returncode == 1, out.stderr  # the example has errors in every format
    report = json.loads(out.stdout)
    same = sorted((f["rule"], f["verdict"], f["claimed"] or "", f["expected"] or "", f["formula"] or "")
                  for f in report["findings"])
    return report["document"]["format"], same, [f["evidence"][0]["location"] for f in report["findings"]]


def test_text_docx_pdf_and_html_give_the_same_findings(tmp_path):
    page = tmp_path / "说明.html"
    page.write_text(as_html(EXAMPLE), encoding="utf-8")
    paths = [EXAMPLE, as_docx(EXAMPLE, tmp_path / "说明.docx"), as_pdf(EXAMPLE, tmp_path / "说明.pdf"), page]
    results = [findings(p) for p in paths]
    assert [fmt for fmt, _, _ in results] == ["text", "docx", "pdf", "html"]
    text = results[0][1]
    assert len(text) > 50
    for fmt, same, _ in results[1:]:
        assert same == text, fmt
    pdf_locations = results[2][2]
    assert all(loc["page"] for loc in pdf_locations) and not any(loc["page"] for loc in results[0][2])
