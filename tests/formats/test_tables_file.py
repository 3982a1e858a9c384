"""--tables: the narrative against the official 财决 tables published beside it (examples/附表.xlsx, and the
same workbook as tests/fixtures/附表.xls; both written by scripts/make_fixtures.py, which lists the planted
disagreements).
"""

from __future__ import annotations

import json
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from convert import EXAMPLE, as_docx, as_pdf, write_pdf

from narrcheck.errors import InputError
from narrcheck.readers import read_document
from narrcheck.tables.accounts import read_accounts

ROOT = Path(__file__).resolve().parents[2]
XLSX = ROOT / "examples" / "附表.xlsx"
XLS = ROOT / "tests" / "fixtures" / "附表.xls"
# (claimed in the narrative, in the table): the five planted in the 附表 and the narrative's own 606.00
PLANTED = {("420.00", "418.60"), ("220.00", "221.40"), ("510.00", "512.00"), ("35.00", "33.50"),
           ("3.10", "3.01"), ("606.00", "600.00")}


def pairs(narrative: Path, tables: Path) -> set[tuple[str, str]]:
    out = run("check", str(narrative), "--format", "json", "--select", "NC202", "--tables", str(tables))
    return {(f["claimed"], f["expected"]) for f in json.loads(out.stdout)["findings"] if "附表中" in f["message"]}


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "narrcheck", *args], capture_output=True, text=True, cwd=ROOT)


def against_tables(*tables: Path) -> list[dict]:
    args = [a for t in tables for a in ("--tables", str(t))]
    out = run("check", str(EXAMPLE), "--format", "json", "--select", "NC202", *args)
    assert out.returncode == 1, out.stderr
    return [f for f in json.loads(out.stdout)["findings"] if len(f["evidence"]) == 2 and "path" in f["evidence"][1]]


def cell_text(path: Path, sheet: int, line: int, col: int) -> str:
    value = openpyxl.load_workbook(path).worksheets[sheet].cell(line, col + 1).value
    return f"{Decimal(repr(value)):.2f}"


def test_every_planted_disagreement_is_found_with_both_places():
    found = against_tables(XLSX)
    assert {(f["claimed"], f["expected"]) for f in found} == PLANTED
    lines = EXAMPLE.read_text(encoding="utf-8").split("\n")
    for f in found:
        text, table = f["evidence"]
        assert f["claimed"] in lines[text["location"]["line"] - 1]  # the narrative's place
        where = table["location"]
        assert table["path"] == str(XLSX)
        shown = cell_text(XLSX, where["table"], where["line"], where["col"])  # the table's cell holds the figure
        divisor = Decimal(10000) if "/10000" in f["formula"] else Decimal(1)
        assert (Decimal(shown) / divisor).quantize(Decimal("0.01")) == Decimal(f["expected"]), f
    assert {f["rule"] for f in found} == {"NC202"} and all(f["verdict"] == "mismatch" for f in found)


def test_the_legacy_xls_gives_the_same_findings():
    def key(findings):
        return sorted((f["claimed"], f["expected"], f["formula"], f["evidence"][1]["location"]["table"],
                       f["evidence"][1]["location"]["row"], f["evidence"][1]["location"]["col"]) for f in findings)

    assert key(against_tables(XLS)) == key(against_tables(XLSX))


def test_several_table_files_are_read_together(tmp_path):
    book = openpyxl.load_workbook(XLSX)
    book.remove(book["三公经费"])
    book.save(tmp_path / "a.xlsx")
    book = openpyxl.load_workbook(XLSX)
    for name in [n for n in book.sheetnames if n != "三公经费"]:
        book.remove(book[name])
    book.save(tmp_path / "b.xlsx")
    found = against_tables(tmp_path / "a.xlsx", tmp_path / "b.xlsx")
    assert {(f["claimed"], f["expected"]) for f in found} == PLANTED
    paths = {f["claimed"]: Path(f["evidence"][1]["path"]).name for f in found}
    assert paths["3.10"] == "b.xlsx" and paths["420.00"] == "a.xlsx"


def test_a_statement_outside_the_tables_sections_is_only_reported_when_every_table_agrees(tmp_path):
    # 2070109 is 432.00 in the 财政拨款 table and 472.00 in the 支出决算表; the sentence stands under the 财政拨款
    # heading, so it is weighed against that table alone and holds
    out = run("check", str(EXAMPLE), "--format", "json", "--select", "NC202", "--all", "--tables", str(XLSX))
    coded = [f for f in json.loads(out.stdout)["findings"] if "2070109" in f["message"]]
    assert [(f["verdict"], f["expected"]) for f in coded] == [("ok", "432.00")]


def test_table_layouts_are_typed_by_their_words():
    facts = read_accounts(read_document(XLSX))
    by = {(f.title, f.code, f.subject, "/".join(f.column)): f.figure for f in facts}
    # two halves of the 总表, 行次 skipped
    assert by["收入支出决算总表", "", "本年支出合计", "支出/金额"].value == "640.00"
    assert not any("行次" in f.column for f in facts)
    # 科目编码 column; 栏次 row is numbering, not figures
    assert by["支出决算表", "2080505", "机关事业单位基本养老保险缴费支出", "本年支出合计"].value == "35.00"
    # 类 | 款 | 项 columns make the code
    key = ("一般公共预算财政拨款支出决算表", "2080505", "机关事业单位基本养老保险缴费支出", "本年支出/小计")
    assert by[key].value == "33.50"
    # three header rows, money in 元, the subject from the column on a nameless row
    car = by["财政拨款“三公”经费支出决算表", "", "公务用车购置及运行费", "决算数/公务用车购置及运行费/小计"]
    assert (car.value, car.unit) == ("53900.00", "元")


def test_bad_table_files_stop_the_run_with_the_cause(tmp_path):
    junk = tmp_path / "附表.xls"
    junk.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    out = run("check", str(EXAMPLE), "--tables", str(junk))
    assert out.returncode == 2 and str(junk) in out.stderr and "not a readable .xls" in out.stderr
    assert "Traceback" not in out.stderr
    prose = tmp_path / "说明二.txt"
    prose.write_text("2024年本年支出合计100.00万元。\n", encoding="utf-8")
    out = run("check", str(EXAMPLE), "--tables", str(prose))
    assert out.returncode == 2 and str(prose) in out.stderr and "no table with figures" in out.stderr
    with pytest.raises(InputError, match="no such file"):
        read_document(tmp_path / "missing.xls")


def test_xls_numbers_keep_the_places_their_format_shows():
    doc = read_document(XLS)
    assert doc.format == "xls"
    row = next(r for r in doc.blocks[1].rows if r[0].text == "合计")
    assert [c.text for c in row][2:] == ["640.00", "418.60", "221.40"]


def test_official_tables_inside_the_checked_document_are_used_too(tmp_path):
    rows = [["单位：万元"], ["项目", "本年支出合计", "基本支出", "项目支出"], ["合计", "640.00", "418.60", "221.40"],
            ["207文化旅游体育与传媒支出", "552.00", "330.60", "221.40"]]
    table = "\n\n".join("\n".join(f"\t{cell}" for cell in row) for row in rows)  # the text export: a cell a line
    doc = tmp_path / "说明与附表.txt"
    doc.write_text(f"{EXAMPLE.read_text(encoding='utf-8')}\n\n支出决算表\n{table}\n\n\n", encoding="utf-8")
    out = run("check", str(doc), "--format", "json", "--select", "NC202")
    found = [f for f in json.loads(out.stdout)["findings"] if "附表中" in f["message"]]
    assert {(f["claimed"], f["expected"]) for f in found} == {("420.00", "418.60"), ("220.00", "221.40")}
    lines = doc.read_text(encoding="utf-8").split("\n")
    for f in found:  # both places are in the one document: no path, and the second is the table's cell
        text, cell = f["evidence"]
        assert "path" not in cell and f["expected"] in lines[cell["location"]["line"] - 1]
        assert f["claimed"] in lines[text["location"]["line"] - 1]


def test_a_word_or_pdf_narrative_meets_its_tables_the_same_way(tmp_path):
    assert pairs(as_docx(EXAMPLE, tmp_path / "说明.docx"), XLS) == PLANTED
    assert pairs(as_pdf(EXAMPLE, tmp_path / "说明.pdf"), XLS) == PLANTED


def test_the_tables_as_a_pdf_meet_the_narrative_the_same_way(tmp_path):
    # write_pdf sets each sheet as a ruled table, its title row spanning it
    pdf = write_pdf(read_document(XLSX), tmp_path / "附表.pdf", header="示例县文化馆2024年度决算附表")
    assert pairs(EXAMPLE, pdf) == PLANTED
