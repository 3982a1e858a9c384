"""The year and the publishing body a document's opening states (for the archive report)."""

from narrcheck.extract.rules import text_units
from narrcheck.extract.statements import publisher, report_year
from narrcheck.readers import read_document
from narrcheck.structure import structure


def opening(write_doc, text: str):
    return text_units(structure(read_document(write_doc(text))))


def test_the_body_named_in_the_title_is_the_publisher(write_doc):
    units = opening(write_doc, "2024年度\n示例县文化馆部门决算\n第一部分 部门概况\n")
    assert (publisher(units), report_year(units)) == ("示例县文化馆", "2024")
    assert publisher(opening(write_doc, "渠县人民政府办公室\n2024年部门预算绩效评价报告\n")) == "渠县人民政府办公室"
    assert publisher(opening(write_doc, "某市财政局2023年度部门整体支出绩效自评报告\n正文。\n")) == "某市财政局"


def test_no_publisher_is_guessed_from_body_text(write_doc):
    units = opening(write_doc,
                    "部门概况\n一、部门职责\n1、贯彻执行党的路线、方针、政策，根据区委、市总工会的部署开展工作。\n")
    assert publisher(units) == ""
