"""The HTML reader: the same document as a web page gives the same findings as its text export."""

from __future__ import annotations

from convert import EXAMPLE, as_html, verdicts

from narrcheck.api import check_file
from narrcheck.readers import read_document


def test_the_example_as_a_web_page_gives_the_same_findings(tmp_path):
    page = tmp_path / "说明.html"
    page.write_text(as_html(EXAMPLE), encoding="utf-8")
    text_report = check_file(EXAMPLE, show_all=True)
    html_report = check_file(page, show_all=True)
    assert html_report.document.format == "html"
    assert verdicts(html_report) == verdicts(text_report)
    lines = page.read_text(encoding="utf-8").split("\n")
    for finding in html_report.findings:  # every location is a line of the page that holds the quote's start
        loc = finding.evidence[0].location
        assert finding.evidence[0].quote[:4] in lines[loc.line - 1], (finding.rule, loc)


def test_scripts_styles_and_merged_cells(tmp_path):
    page = tmp_path / "p.html"
    page.write_text("<html><body><script>支出99.99万元</script><p>本年支出合计100.00万元，其中：基本支出60.00万元，"
                    "项目支出40.00万元。</p><table><tr><td colspan='2'>项目</td><td>金额</td></tr>"
                    "<tr><td>基本</td><td>支出</td><td>60.00</td></tr></table></body></html>", encoding="utf-8")
    doc = read_document(page)
    assert [b.kind for b in doc.blocks] == ["paragraph", "table"]
    assert "99.99" not in doc.blocks[0].text
    assert [c.text for c in doc.blocks[1].rows[0]] == ["项目", "", "金额"]


def test_an_html_file_named_txt_is_read_as_html(tmp_path):
    page = tmp_path / "wrongly_named.txt"
    page.write_text("<!DOCTYPE html><html><body><p>本年支出合计100.00万元。</p></body></html>", encoding="utf-8")
    assert read_document(page).format == "html"


def test_a_sentence_broken_in_the_source_or_after_a_comma_stays_one(tmp_path):
    """The source's own line breaks fold into a space, as a browser shows them; a <br> after a comma joins its
    lines; a <br> after a full stop still starts a new paragraph.
    """
    page = tmp_path / "p.html"
    page.write_text("<html><body><p>本年机关运行经费支出56.00万元，比上年减少4.00万元，\n下降7.14%。<br>"
                    "二、政府采购情况</p><p>本年政府采购支出30.00万元，<br>比上年增加3.00万元，增长11.11%。</p>"
                    "<pre>第一行\n第二行</pre></body></html>", encoding="utf-8")
    texts = [b.text for b in read_document(page).blocks]
    assert texts[0].replace(" ", "") == "本年机关运行经费支出56.00万元，比上年减少4.00万元，下降7.14%。"
    assert texts[1] == "二、政府采购情况"
    assert texts[2] == "本年政府采购支出30.00万元，比上年增加3.00万元，增长11.11%。"
    assert texts[3:] == ["第一行", "第二行"]
