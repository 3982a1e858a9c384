"""The flagged-claims report across an archive, in md, html and xlsx: counts by rule, verdict, diagnosis, year and
document; the largest gaps first, each linked to its document and place.
"""

from __future__ import annotations

import io
from pathlib import Path

from narrcheck.checks.diagnosis import catalogue
from narrcheck.model.archive import ArchiveReport, Count, FlaggedClaim
from narrcheck.reporters import labels
from narrcheck.reporters.markdown_reporter import cell
from narrcheck.reporters.registry import register

EXTRA = {
    "zh": {"archive_title": "narrcheck 存档核对报告", "database": "结果库", "documents": "文件",
           "checked_docs": "已核对", "failed": "无法读取", "by_rule": "按规则", "by_verdict": "按结论",
           "by_year": "按年度", "by_document": "按文件", "by_publisher": "按单位", "by_diagnosis": "按诊断",
           "no_diagnosis": "（无诊断）",
           "worst": "偏差最大的陈述", "publisher": "单位", "year": "年度", "status": "状态", "errors": "错误",
           "warnings": "警告", "infos": "提示", "docs_with": "涉及文件", "error_text": "原因", "filters": "筛选条件",
           "unknown": "（未注明）"},
    "en": {"archive_title": "narrcheck archive report", "database": "database", "documents": "documents",
           "checked_docs": "checked", "failed": "unreadable", "by_rule": "by rule", "by_verdict": "by verdict",
           "by_year": "by year", "by_document": "by document", "by_publisher": "by publisher",
           "by_diagnosis": "by diagnosis", "no_diagnosis": "(no diagnosis)",
           "worst": "largest gaps", "publisher": "publisher",
           "year": "year", "status": "status", "errors": "errors", "warnings": "warnings", "infos": "infos",
           "docs_with": "documents", "error_text": "cause", "filters": "filters", "unknown": "(not stated)"},
}


def _words(lang: str) -> dict[str, str]:
    return {**labels.words(lang), **EXTRA.get(lang, EXTRA["zh"])}


def link(claim: FlaggedClaim | str) -> str:
    """A link a browser opens: the document's file URI (the place is written beside it)."""
    path = claim if isinstance(claim, str) else claim.path
    return Path(path).as_uri() if Path(path).is_absolute() else path


def _count_rows(counts: list[Count], w: dict[str, str], unknown: str = "unknown") -> list[list[str]]:
    return [[c.key or w[unknown], c.label, str(c.documents), str(c.error), str(c.warning), str(c.info)]
            for c in counts]


def _tables(report: ArchiveReport, lang: str) -> dict[str, tuple[list[str], list[list[str]]]]:
    """Every table of the report as (header, rows) of plain strings, shared by the three formats."""
    w = _words(lang)
    counts = [w["docs_with"], w["errors"], w["warnings"], w["infos"]]
    return {
        "by_rule": ([w["rule"], w["name"], *counts], _count_rows(report.by_rule, w)),
        "by_verdict": ([w["verdict"], "", *counts], _count_rows(report.by_verdict, w)),
        "by_diagnosis": ([w["diagnosis"], "", *counts],
                         [[*row[:1], catalogue().get(row[0], {}).get("about", ""), *row[2:]]
                          for row in _count_rows(report.by_diagnosis, w, "no_diagnosis")]),
        "by_year": ([w["year"], "", *counts], _count_rows(report.by_year, w)),
        "by_publisher": ([w["publisher"], "", *counts], _count_rows(report.by_publisher, w)),
        "by_document": ([w["document"], w["publisher"], w["year"], w["status"], w["errors"], w["warnings"],
                         w["infos"], w["error_text"]],
                        [[d.path, d.publisher, d.year, d.status, str(d.findings.error), str(d.findings.warning),
                          str(d.findings.info), d.error or ""] for d in report.by_document]),
        "worst": ([w["document"], w["location"], w["rule"], w["verdict"], w["claimed"], w["expected"], w["gap"],
                   w["relative"], w["formula"], w["quote"]],
                  [[c.path, labels.place(f.evidence[0].location, lang), f.rule, f.verdict, f.claimed or "",
                    f.expected or "", f.gap.absolute if f.gap else "", f.gap.relative or "" if f.gap else "",
                    f.formula or "", f.evidence[0].quote] for c in report.worst for f in (c.finding,)]),
    }


@register("md", subject="archive")
def archive_markdown(report: ArchiveReport, lang: str) -> str:
    w = _words(lang)
    out = [f"# {w['archive_title']}", "",
           f"{w['database']} `{report.database}` · narrcheck {', '.join(report.versions) or '-'} · "
           f"{w['documents']} {report.documents}, {w['checked_docs']} {report.checked}, {w['failed']} {report.failed}"]
    if report.filters:
        out.append(f"{w['filters']}: " + ", ".join(f"{k}={v}" for k, v in report.filters.items()))
    for key, (head, rows) in _tables(report, lang).items():
        out += ["", f"## {w[key]}", "", "| " + " | ".join(cell(h) for h in head) + " |", "|" + "---|" * len(head)]
        for i, row in enumerate(rows):
            cells = [cell(c) for c in row]
            if key == "worst":
                cells[0] = f"[{cell(row[0])}]({link(report.worst[i]).replace(' ', '%20')})"
            out.append("| " + " | ".join(cells) + " |")
    return "\n".join(out) + "\n"


@register("html", subject="archive")
def archive_html(report: ArchiveReport, lang: str) -> str:
    links = [link(c) for c in report.worst]
    return labels.template("archive.html.j2").render(r=report, tables=_tables(report, lang), w=_words(lang),
                                                     links=links, lang=lang)


@register("xlsx", subject="archive")
def archive_xlsx(report: ArchiveReport, lang: str) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    w = _words(lang)
    book = Workbook()
    book.remove(book.active)
    for key, (head, rows) in _tables(report, lang).items():
        sheet = book.create_sheet(w[key][:31])
        sheet.append(head)
        for c in sheet[1]:
            c.font = Font(bold=True)
        for i, row in enumerate(rows):
            sheet.append(labels.workbook_row(row))
            if key == "worst":
                sheet.cell(sheet.max_row, 1).hyperlink = link(report.worst[i])
        sheet.freeze_panes = "A2"
        sheet.auto_filter.ref = f"A1:{get_column_letter(len(head))}{max(sheet.max_row, 1)}"
        for i in range(1, len(head) + 1):
            sheet.column_dimensions[get_column_letter(i)].width = 40 if i in (1, len(head)) else 14
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
