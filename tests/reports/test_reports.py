"""The reviewer's reports: Markdown against a golden file, the workbook opened with openpyxl, the HTML page's
text escaped and marked (its look and behaviour are checked in Chromium by test_html_browser.py).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import openpyxl
from lxml import html as lxml_html

from narrcheck.api import check_file
from narrcheck.reporters import get_reporter

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = "examples/说明.txt"  # relative, as a user types it: the golden file shows this path
GOLDEN = Path(__file__).parent / "golden" / "example.md"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "narrcheck", *args], capture_output=True, text=True, cwd=ROOT)


def test_markdown_matches_the_golden_file():
    """Regenerate after an intended change: NARRCHECK_REGENERATE=1 pytest tests/reports."""
    out = run("check", EXAMPLE, "--format", "md")
    assert out.returncode == 1, out.stderr
    if os.environ.get("NARRCHECK_REGENERATE"):
        GOLDEN.write_text(out.stdout, encoding="utf-8")
    assert out.stdout == GOLDEN.read_text(encoding="utf-8")


def test_markdown_cells_cannot_break_the_table():
    md = get_reporter("md")
    report = check_file(ROOT / EXAMPLE)
    bad = report.findings[0].model_copy(update={"message": "a|b", "evidence": [
        report.findings[0].evidence[0].model_copy(update={"quote": "x | y\nz"})]})
    text = md([report.model_copy(update={"findings": [bad]})], "zh")
    row = next(line for line in text.splitlines() if "x \\| y<br>z" in line)
    assert row.count(" | ") == 12  # thirteen columns, the quote's pipe escaped


def test_the_workbook_has_one_row_per_finding_with_filters_and_a_frozen_header(tmp_path):
    target = tmp_path / "findings.xlsx"
    out = run("check", EXAMPLE, "--format", "xlsx", "-o", str(target))
    assert out.returncode == 1 and out.stdout == ""
    report = check_file(ROOT / EXAMPLE)
    sheet = openpyxl.load_workbook(target).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:4] == ("文件", "章节", "位置", "规则")
    assert len(rows) == len(report.findings) + 1
    first, f = rows[1], report.findings[0]
    assert first[3:10] == (f.rule, f.name, f.verdict, f.severity.value, f.claimed, f.expected, f.gap.absolute)
    assert first[11] == f.formula and first[13] == f.evidence[0].quote and first[15] == f.fingerprint
    assert rows[0][12] == "诊断"
    diagnosed = [(r[3], r[12]) for r in rows[1:] if r[12]]
    assert ("NC109", next(f"figure_typo: {g.diagnosis.message}" for g in report.findings if g.rule == "NC109")) \
        in diagnosed
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref == f"A1:P{len(rows)}"
    assert run("check", EXAMPLE, "--format", "xlsx").returncode == 2  # a workbook needs -o


def test_the_page_escapes_the_document_and_marks_every_checked_claim(tmp_path):
    hostile = tmp_path / "说明.txt"
    hostile.write_text((ROOT / EXAMPLE).read_text(encoding="utf-8").replace(
        "主要变动原因是免费开放经费增加。", "主要变动原因是<script>alert(1)</script><img src=x onerror=alert(2)>。"),
        encoding="utf-8")
    page = tmp_path / "r.html"
    assert run("check", str(hostile), "--format", "html", "-o", str(page)).returncode == 1
    text = page.read_text(encoding="utf-8")
    assert "<script>alert(1)" not in text and "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    tree = lxml_html.fromstring(text)
    assert len(tree.xpath("//script")) == 1 and not tree.xpath("//img") and not tree.xpath("//*[@src]")
    assert "default-src 'none'" in tree.xpath("//meta[@http-equiv='Content-Security-Policy']/@content")[0]
    report = check_file(hostile, show_all=True)
    findings = tree.xpath("//div[contains(@class, 'finding ')]")
    assert len(findings) == len(report.findings)  # the page lists the claims that hold too
    marked = {fid for m in tree.xpath("//*[@data-f]") for fid in m.get("data-f").split()}
    assert len(marked) >= 0.9 * len(findings)  # nearly every finding is marked where it sits in the text
    for link in tree.xpath("//a[@data-jump]"):  # every link leads to a mark of the text
        assert tree.xpath(f"//*[@id='{link.get('data-jump')}']"), link.get("data-jump")
    first = report.findings[0]
    mark = tree.xpath("//mark[contains(@class, 'sev-error')]")[0]
    assert first.evidence[0].quote.startswith(mark.text_content()[:6])


def test_the_page_shows_each_diagnosis_under_its_formula(tmp_path):
    page = tmp_path / "r.html"
    assert run("check", EXAMPLE, "--format", "html", "-o", str(page)).returncode == 1
    tree = lxml_html.fromstring(page.read_text(encoding="utf-8"))
    report = check_file(ROOT / EXAMPLE, show_all=True)  # the page lists every claim
    shown = tree.xpath("//div[@data-diagnosis]")
    assert len(shown) == sum(1 for f in report.findings if f.diagnosis)
    for div in shown:  # right after the formula line of its finding
        formula = div.getprevious()
        assert formula is not None and formula.get("class") == "nums" and formula.xpath("code")
    assert "figure_typo" in {d.get("data-diagnosis") for d in shown}


def test_the_workbook_drops_what_a_worksheet_cannot_hold(tmp_path):
    doc = tmp_path / "控制符.txt"
    doc.write_text("本年支出合计10.00万元，其中：基本支出6.00万元\x01，项目支出5.00万元\ufffe。\n", encoding="utf-8")
    target = tmp_path / "f.xlsx"
    assert run("check", str(doc), "--format", "xlsx", "-o", str(target)).returncode == 1
    rows = list(openpyxl.load_workbook(target).active.iter_rows(values_only=True))
    quote = rows[1][13]
    assert quote.startswith("本年支出合计10.00万元") and "\x01" not in quote and "\ufffe" not in quote


def test_every_reporter_is_found_where_the_registry_says_it_lives():
    """The registry imports a reporter's module only when it is asked for; its table of homes and the
    reporters' own registrations must agree.
    """
    from importlib import import_module

    from narrcheck.reporters import registry

    for subject, name in registry.HOMES:
        assert callable(registry.get_reporter(name, subject))
    for module in set(registry.HOMES.values()):
        import_module(f"narrcheck.reporters.{module}")
    assert set(registry._REPORTERS) == set(registry.HOMES)


def test_plain_and_coloured_text_say_the_same(tmp_path):
    """Colour (rich, on a terminal) only adds styles: without its escape codes it is the plain text."""
    import re

    from narrcheck.reporters import get_reporter

    doc = tmp_path / "说明[b].txt"  # a name rich would read as markup, were it not escaped
    doc.write_text("办公费支出12.00万元，较上年减少3.00万元，下降25.00%。\n", encoding="utf-8")
    reports = [check_file(doc)]
    plain, coloured = (get_reporter("text")(reports, "zh", color) for color in (False, True))
    assert "\x1b[" in coloured and "NC101 mismatch" in plain and "说明[b].txt" in plain
    assert re.sub(r"\x1b\[[0-9;]*m", "", coloured) == plain
