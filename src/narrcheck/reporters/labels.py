"""The words every reporter prints, in Chinese and English, and how a location is written for a person."""

from __future__ import annotations

import re
from functools import cache
from importlib.resources import files
from typing import Any

from narrcheck.model.location import Location

WORDS: dict[str, dict[str, str]] = {
    "zh": {"claims": "项陈述与表格", "checked": "可核对", "none": "未发现问题", "section": "（无章节）",
           "claimed": "文中", "expected": "应为", "formula": "算式", "results": "核对结果",
           "llm_calls": "调用", "llm_cached": "缓存命中", "llm_claims": "提出", "llm_grounded": "有据",
           "llm_dropped": "舍弃", "llm_added": "新增", "llm_sent": "送出文本占全文", "page": "第{}页",
           "cell": "第{table}张表第{line}行第{col}列", "waived": "已说明（豁免）",
           "title": "narrcheck 核对报告", "document": "文件", "location": "位置", "rule": "规则",
           "name": "名称", "verdict": "结论", "severity": "级别", "gap": "差额", "relative": "相对差",
           "quote": "引文", "fingerprint": "指纹", "findings": "发现", "count": "数量", "line": "第{}行",
           "line_col": "第{line}行第{col}列", "all": "全部", "filter": "筛选", "sort": "排序",
           "by_line": "按位置", "by_severity": "按级别", "by_rule": "按规则", "by_gap": "按差额",
           "text": "原文", "section_col": "章节", "version": "版本", "format": "格式", "other_file": "另见",
           "diagnosis": "诊断", "warning": "警告"},
    "en": {"claims": "claims and tables", "checked": "checkable", "none": "no problems found",
           "section": "(no section)", "claimed": "claimed", "expected": "expected", "formula": "formula",
           "results": "results", "llm_calls": "calls", "llm_cached": "cached", "llm_claims": "proposed",
           "llm_grounded": "grounded", "llm_dropped": "dropped", "llm_added": "added",
           "llm_sent": "of the text sent", "page": "page {}",
           "cell": "sheet {table} row {line} column {col}", "waived": "waived",
           "title": "narrcheck report", "document": "document", "location": "location", "rule": "rule",
           "name": "name", "verdict": "verdict", "severity": "severity", "gap": "gap", "relative": "relative gap",
           "quote": "quote", "fingerprint": "fingerprint", "findings": "findings", "count": "count",
           "line": "line {}", "line_col": "line {line}, column {col}", "all": "all", "filter": "filter",
           "sort": "sort", "by_line": "by location", "by_severity": "by severity", "by_rule": "by rule",
           "by_gap": "by gap", "text": "text", "section_col": "section", "version": "version", "format": "format",
           "other_file": "see also", "diagnosis": "diagnosis", "warning": "warning"},
}

SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}
# what a workbook cannot hold (XML 1.0 forbids these code points): dropped from every cell
_NOT_IN_WORKBOOK = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def workbook_row(values: list[Any]) -> list[Any]:
    """A row as a workbook can hold it: text without the control characters XML forbids."""
    return [_NOT_IN_WORKBOOK.sub("", v) if isinstance(v, str) else v for v in values]


def words(lang: str) -> dict[str, str]:
    return WORDS.get(lang, WORDS["zh"])


def place(location: Location, lang: str) -> str:
    """Where a finding sits, as a person looks for it: page, line and column, or a table cell."""
    w = words(lang)
    parts = []
    if location.page is not None:
        parts.append(w["page"].format(location.page))
    if location.table is not None and location.row is not None and location.col is not None:
        parts.append(w["cell"].format(table=location.table + 1, line=location.row + 1, col=location.col + 1))
    elif location.line is not None:
        parts.append(w["line_col"].format(line=location.line, col=location.column or 1))
    return " ".join(parts)


@cache
def template(name: str) -> Any:
    """A page template of reporters/templates, compiled once, with every value HTML-escaped (autoescape)."""
    from jinja2 import Environment, select_autoescape

    env = Environment(autoescape=select_autoescape(default=True, default_for_string=True), trim_blocks=True,
                      lstrip_blocks=True)
    return env.from_string(files("narrcheck").joinpath(f"reporters/templates/{name}").read_text(encoding="utf-8"))
