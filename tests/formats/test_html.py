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


def test_a_br_between_a_figure_and_its_unit_breaks_no_sentence(tmp_path):
    """A page laid out by hand puts a <br> where its line ended, even between 86.20 and 万元 or 9.5 and %: the
    figure keeps its unit and the change is checked (here its rate is wrong); a <br> after a figure that ends a
    sentence's clause and opens a heading still starts a new paragraph.
    """
    page = tmp_path / "p.html"
    page.write_text("<html><body><p>本年培训费支出96.80万元，比上年减少8.60<br>万元，下降9.5<br>%。</p>"
                    "<p>合计2<br>二、会议费</p><p>慰问困难职工12<br>元旦前走访</p></body></html>", encoding="utf-8")
    texts = [b.text for b in read_document(page).blocks]
    assert texts[0] == "本年培训费支出96.80万元，比上年减少8.60万元，下降9.5%。"
    assert texts[1:] == ["合计2", "二、会议费", "慰问困难职工12", "元旦前走访"]
    rate = [f for f in check_file(page).findings if f.rule == "NC101"]
    assert [(f.verdict, f.claimed, f.expected) for f in rate] == [("mismatch", "9.5", "8.2")]


def test_header_cells_spanning_rows_keep_the_columns_below_in_place(tmp_path):
    """A 三公 table whose headers merge rows and columns (rowspan, colspan), under a narrative that misstates one
    figure (our own figures): every cell stands in its column, so the narrative is checked against the table.
    """
    page = tmp_path / "sangong.html"
    group = ("<th rowspan='2'>合计</th><th rowspan='2'>因公出国（境）费</th><th colspan='3'>公务用车购置及运行费</th>"
             "<th rowspan='2'>公务接待费</th>")
    head = ("<tr><th colspan='6'>预算数</th><th colspan='6'>决算数</th></tr>"
            f"<tr>{group}{group}</tr>"
            + "<tr>" + "<th>小计</th><th>公务用车购置费</th><th>公务用车运行费</th>" * 2 + "</tr>")
    cells = ["50000.00", "0.00", "36000.00", "0.00", "36000.00", "14000.00",
             "41000.00", "0.00", "32000.00", "0.00", "32000.00", "9000.00"]
    body = "<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>"
    page.write_text("<html><body><p>六、财政拨款“三公”经费支出决算情况说明</p>\n"
                    "<p>2024年度“三公”经费财政拨款支出决算为4.10万元。公务接待费支出0.80万元。</p>\n<p>附表</p>\n"
                    "<p>2024年度财政拨款“三公”经费支出决算表</p>\n<p>单位：元</p>\n"
                    f"<table>{head}{body}</table></body></html>", encoding="utf-8")
    rows = next(b.rows for b in read_document(page).blocks if b.kind == "table")
    assert [c.text for c in rows[2]][:6] == ["", "", "小计", "公务用车购置费", "公务用车运行费", ""]  # in place
    assert len({len(r) for r in rows}) == 1
    found = {(f.rule, f.verdict, f.claimed, f.expected) for f in check_file(page, show_all=True).findings}
    assert ("NC202", "mismatch", "0.80", "0.90") in found and ("NC202", "ok", "4.10", "4.10") in found


def test_label_cells_spanning_rows_stand_for_each_row_they_cover(tmp_path):
    """A 绩效自评表 whose first-level labels span their rows (our own figures): each covered row keeps its own
    line, so a category's weight is weighed against its own rows, as in the Word file.
    """
    page = tmp_path / "score.html"
    rows = [("部门管理（50分）", 3, "资金管理", "20", "19"), (None, 0, "预算执行", "10", "10"),
            (None, 0, "资产管理", "20", "18"), ("部门绩效（50分）", 2, "履职效果", "30", "28"),
            (None, 0, "满意度", "20", "19")]
    body = "\n".join("<tr>" + (f"<td rowspan='{n}'>{label}</td>" if label else "")
                     + f"<td>{name}</td><td>{weight}</td><td>{score}</td></tr>"
                     for label, n, name, weight, score in rows)
    page.write_text("<html><body>\n<p>2024年度部门整体支出绩效自评表</p>\n<table>\n"
                    "<tr><th>一级指标</th><th>三级指标</th><th>分值</th><th>得分</th></tr>\n"
                    f"{body}\n<tr><td>合计</td><td></td><td>100</td><td>94</td></tr>\n</table>\n</body></html>",
                    encoding="utf-8")
    found = {(f.rule, f.verdict, f.claimed) for f in check_file(page, show_all=True).findings}
    assert {("NC303", "ok", "50"), ("NC303", "ok", "100"), ("NC301", "ok", "94")} <= found
    assert not [f for f in found if f[1] != "ok"]


def _row(cells, tag="td"):
    return "<tr>" + "".join(f"<{tag}>{c}</{tag}>" for c in cells) + "</tr>"


FUNDS_TABLE = [("项目资金（万元）", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"),
               ("年度资金总额", "36.00", "40.00", "38.00", "10", "95.00%", "9.5")]
INDICATOR_TABLE = [("一级指标", "二级指标", "三级指标", "分值", "得分"),
                   ("产出指标", "数量指标", "培训场次", "50", "49"),
                   ("效益指标", "社会效益指标", "技能提升", "40", "36"),
                   ("合计", "", "", "100", "{total}")]


def test_a_funds_table_apart_joins_the_indicator_table_after_it(tmp_path):
    """The 预算执行 block as one <table> and the indicators as the next: the 合计 takes in the funds' weight and
    score (10 + 50 + 40, 9.5 + 49 + 36), as one table would; a wrong 合计 score is still found.
    """
    for total, verdict in (("94.5", "ok"), ("95.5", "mismatch")):
        page = tmp_path / f"p{total}.html"
        tables = ["<table>" + "".join(_row(r) for r in rows) + "</table>" for rows in (FUNDS_TABLE, INDICATOR_TABLE)]
        page.write_text("<html><body><p>职业技能培训项目支出绩效自评表</p>" + "\n".join(tables).format(total=total)
                        + "</body></html>", encoding="utf-8")
        found = {(f.rule, f.claimed): (f.verdict, f.expected) for f in check_file(page, show_all=True).findings}
        assert found[("NC303", "100")] == ("ok", "100")
        assert found[("NC301", total)] == (verdict, "94.5")


def test_an_unlabelled_numbering_row_is_no_row_of_figures(tmp_path):
    """The 三公 table prints its column numbers 1 2 … 12 under the header with no label cell: they are no amounts
    (a zero item, left blank, is not read as 8).
    """
    cells = lambda *texts: "<tr>" + "".join(f"<td>{t}</td>" for t in texts) + "</tr>"  # noqa: E731
    half = ("<td rowspan='2'>合计</td><td rowspan='2'>因公出国（境）费</td><td colspan='3'>公务用车购置及运行费</td>"
            "<td rowspan='2'>公务接待费</td>")
    page = tmp_path / "sg.html"
    page.write_text(
        "<html><body><p>七、财政拨款“三公”经费支出决算情况说明</p><p>1.因公出国（境）经费支出0万元。</p>"
        "<p>2.公务接待费支出1.35万元。</p><table>"
        "<tr><td colspan='12'>财政拨款“三公”经费支出决算表</td></tr><tr><td colspan='12'>单位：万元</td></tr>"
        "<tr><td colspan='6'>预算数</td><td colspan='6'>决算数</td></tr>"
        f"<tr>{half}{half}</tr>" + "<tr>" + "<td>小计</td><td>公务用车购置费</td><td>公务用车运行费</td>" * 2 + "</tr>"
        + cells(*range(1, 13)) + cells("8.00", "", "6.50", "", "6.50", "1.50", "7.25", "", "5.90", "", "5.90", "1.35")
        + "</table></body></html>", encoding="utf-8")
    report = check_file(page, show_all=True)
    assert not [f for f in report.findings if f.verdict not in ("ok", "unverifiable")], report.findings
