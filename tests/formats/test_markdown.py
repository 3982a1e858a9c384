"""Markdown (.md) read as text: emphasis around a table's title or cells is read as the words inside it."""

from __future__ import annotations

import pytest

from narrcheck.api import check_file

TABLE = ("| 一级指标 | 二级指标 | 三级指标 | 分值 | 得分 |\n|---|---|---|---|---|\n"
         "| 产出指标 | 数量指标 | 巡检泵站数 | 60 | 56 |\n| 效益指标 | 社会效益指标 | 排涝保障 | 40 | 38 |\n"
         "| {total} | | | 100 | 94 |\n")


@pytest.mark.parametrize("title", ["**城区排涝泵站巡检项目支出绩效自评表**", "__城区排涝泵站巡检项目支出绩效自评表__",
                                   "### 城区排涝泵站巡检项目支出绩效自评表", "城区排涝泵站巡检项目支出绩效自评表"])
@pytest.mark.parametrize("total", ["合计", "**合计**"])
def test_an_emphasised_title_names_the_table_like_the_plain_one(tmp_path, title, total):
    doc = tmp_path / "report.md"
    text = f"经自评，城区排涝泵站巡检项目自评得分96分。\n\n{title}\n\n{TABLE.format(total=total)}"
    doc.write_text(text, encoding="utf-8")
    report = check_file(doc, show_all=True, show_unverifiable=True)
    claims = [f for f in report.findings if f.rule == "NC302"]
    assert [(f.verdict, f.claimed, f.expected) for f in claims] == [("mismatch", "96", "94")]
    assert "城区排涝泵站巡检项目支出绩效自评表" in claims[0].message
    assert "**" not in claims[0].message and "__" not in claims[0].message
