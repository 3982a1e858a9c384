"""The PDF reader: the example typeset as a PDF gives the same findings, with page locations."""

from __future__ import annotations

import re
import shutil
import subprocess

import pdfplumber
import pytest
from convert import EXAMPLE, as_docx, as_pdf, verdicts
from reportlab.lib.pdfencrypt import StandardEncryption
from reportlab.pdfgen import canvas

from narrcheck.api import check_file
from narrcheck.errors import InputError
from narrcheck.model.document import Document
from narrcheck.readers import read_document


@pytest.fixture(scope="module")
def example_pdf(tmp_path_factory):
    return as_pdf(EXAMPLE, tmp_path_factory.mktemp("pdf") / "说明.pdf")


def test_the_example_as_a_pdf_gives_the_same_findings_on_the_right_pages(example_pdf):
    report = check_file(example_pdf, show_all=True)
    assert report.document.format == "pdf"
    assert verdicts(report) == verdicts(check_file(EXAMPLE, show_all=True))
    with pdfplumber.open(example_pdf) as pdf:
        pages = [re.sub(r"\s", "", p.extract_text()) for p in pdf.pages]
    assert len(pages) > 1
    for finding in report.findings:  # the page named holds the quote (or, for a cell, the cell's text)
        ev = finding.evidence[0]
        assert ev.location.page is not None, finding.rule
        assert re.sub(r"\s", "", ev.quote)[:6] in pages[ev.location.page - 1], (finding.rule, ev)


def _shifted(source, target):
    """`source` with every page's media box moved off the origin (as some producers write it)."""
    import pypdfium2

    pdf = pypdfium2.PdfDocument(str(source))
    for page in pdf:
        left, bottom, right, top = page.get_mediabox()
        page.set_mediabox(left + 30, bottom + 20, right + 30, top + 20)
    pdf.save(str(target))
    pdf.close()
    return target


def test_characters_read_the_short_way_are_the_dicts_pdfplumber_builds(example_pdf, tmp_path):
    from narrcheck.readers.pdf import _fast_chars

    for path in (example_pdf, _shifted(example_pdf, tmp_path / "shifted.pdf")):
        with pdfplumber.open(path) as ours, pdfplumber.open(path) as theirs:
            assert ours.pages[0].mediabox[0] == (30 if path.name == "shifted.pdf" else 0)
            for mine, own in zip(ours.pages, theirs.pages, strict=True):
                _fast_chars(mine)
                assert mine.objects.keys() == own.objects.keys()
                assert mine.chars, path
                for kind in own.objects:  # same objects, same keys in the same order, same values
                    assert [list(o.items()) for o in mine.objects[kind]] == \
                           [list(o.items()) for o in own.objects[kind]], (path, mine.page_number, kind)


def _texts(doc: Document) -> list[str]:
    return [b.text for b in doc.blocks if b.kind != "table"]


def test_running_headers_and_page_numbers_are_not_text(example_pdf):
    texts = _texts(read_document(example_pdf))
    assert not any("示例县文化馆2024年度部门决算" == t or re.fullmatch(r"-\s*\d+\s*-", t) for t in texts)
    assert texts[0] == "2024年度" and "示例县文化馆部门决算" in texts  # the title on page 1 is kept


def test_wrapped_lines_join_into_one_paragraph_and_lines_are_numbered_through_the_file(example_pdf):
    doc = read_document(example_pdf)
    para = next(b for b in doc.blocks if b.text.startswith("2024年一般公共预算财政拨款支出600.00万元"))
    assert "文化旅游体育与传媒支出510.00万元，占85.00%" in para.text  # the number wrapped onto the next line
    assert len(para.textmap.lines) == 2 and para.textmap.lines[1] == para.textmap.lines[0] + 1
    firsts = [b.textmap.lines[0] for b in doc.blocks]
    assert firsts == sorted(firsts) and len(set(firsts)) == len(firsts)


def _one_page(path, encrypt=None, draw=None):
    pdf = canvas.Canvas(str(path), encrypt=encrypt)
    (draw or (lambda c: c.drawString(72, 700, "Total 100.00")))(pdf)
    pdf.save()
    return path


def test_encrypted_scanned_and_damaged_pdfs_are_refused_with_the_cause(tmp_path, example_pdf):
    locked = _one_page(tmp_path / "locked.pdf", StandardEncryption("secret"))
    with pytest.raises(InputError, match="encrypted"):
        read_document(locked)
    scanned = _one_page(tmp_path / "scan.pdf", draw=lambda c: c.rect(50, 50, 400, 600, fill=1))
    with pytest.raises(InputError, match="no text layer.*OCR"):
        read_document(scanned)
    cut = tmp_path / "cut.pdf"
    cut.write_bytes(example_pdf.read_bytes()[:4000])
    with pytest.raises(InputError, match="damaged or truncated") as err:
        read_document(cut)
    assert str(cut) in str(err.value)


def test_a_pdf_only_protected_against_copying_is_read(tmp_path):
    path = _one_page(tmp_path / "owner.pdf", StandardEncryption("", ownerPassword="owner", canCopy=0))
    assert _texts(read_document(path)) == ["Total 100.00"]


def test_a_pdf_named_docx_is_read_as_pdf(tmp_path, example_pdf):
    wrong = tmp_path / "说明.docx"
    wrong.write_bytes(example_pdf.read_bytes())
    assert read_document(wrong).format == "pdf"


SOFFICE = shutil.which("soffice")


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed here (.ci/run installs it)")
def test_a_pdf_exported_by_libreoffice_gives_the_same_findings(tmp_path):
    """Word-like output: ragged CJK lines with punctuation hung in the margin, numbers that wrap whole, no
    first-line indent, table rows split across pages, a running header and page numbers in the footer.
    """
    source = as_docx(EXAMPLE, tmp_path / "说明.docx", header="示例县文化馆2024年度部门决算公开")
    subprocess.run([SOFFICE, f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(source)],
                   capture_output=True, timeout=300, check=True)
    report = check_file(tmp_path / "说明.pdf", show_all=True)
    assert report.document.format == "pdf"
    texts = [b.text for b in read_document(tmp_path / "说明.pdf").blocks if b.kind != "table"]
    assert not any("部门决算公开" in t or re.fullmatch(r"-\s*\d+\s*-", t) for t in texts)  # header, footer gone
    assert verdicts(report) == verdicts(check_file(EXAMPLE, show_all=True))


def test_a_pdf_that_fails_again_when_closed_keeps_what_was_read(example_pdf, monkeypatch):
    def close_fails(self):
        raise ValueError("damaged cross-reference table")

    monkeypatch.setattr(pdfplumber.pdf.PDF, "close", close_fails)
    document = read_document(example_pdf)
    assert isinstance(document, Document) and document.blocks


def _unruled_score_table(c) -> None:
    """A 绩效自评 table typeset in columns without rules, under a narrative line (our own figures)."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    c.setFont("STSong-Light", 10)
    c.drawString(72, 760, "经自评，本中心2024年度部门整体支出绩效自评得分93.5分，评价等级为优。")
    c.drawString(72, 730, "2024年度部门整体支出绩效自评表")  # (set apart: a title of its own)
    rows = [("一级指标", "三级指标", "分值", "得分"), ("预算执行（20分）", "预算执行率", "10", "9.5"),
            ("", "结转结余控制", "10", "9"), ("产出（50分）", "服务人次完成率", "50", "47"),
            ("效益（30分）", "群众满意度", "30", "28"), ("合计", "", "100", "93.5")]
    for n, row in enumerate(rows):
        for x, text in zip((72, 200, 330, 400), row, strict=True):
            if text:
                c.drawString(x, 715 - 18 * n, text)


def test_a_table_typeset_in_columns_without_rules_is_read_row_by_row(tmp_path):
    path = _one_page(tmp_path / "unruled.pdf", draw=_unruled_score_table)
    texts = _texts(read_document(path))
    assert "预算执行（20分）\t预算执行率\t10\t9.5" in texts  # one row per line, its cells apart
    assert texts[0].startswith("经自评") and texts[0].endswith("评价等级为优。")  # running text stays whole
    found = {(f.rule, f.verdict, f.claimed) for f in check_file(path, show_all=True).findings}
    assert {("NC301", "ok", "93.5"), ("NC302", "ok", "93.5"), ("NC303", "ok", "100")} <= found
