"""Markdown: a summary and a findings table per document, for pasting into review notes."""

from __future__ import annotations

from narrcheck.model.findings import Finding, Report
from narrcheck.reporters import labels
from narrcheck.reporters.registry import register


def cell(text: str | None) -> str:
    """Text safe inside a Markdown table cell."""
    return (text or "").replace("\\", "\\\\").replace("|", "\\|").replace("\n", "<br>")


def finding_row(f: Finding, lang: str) -> list[str]:
    gap = f.gap.absolute if f.gap else ""
    where = labels.place(f.evidence[0].location, lang)
    return [where, " / ".join(f.section[-2:]), f.rule, f.verdict + (" ✓" if f.waived else ""), f.severity.value,
            f.claimed or "", f.expected or "", gap, f"`{f.formula}`" if f.formula else "",
            f"{f.diagnosis.code}: {f.diagnosis.message}" if f.diagnosis else "", f.evidence[0].quote,
            f.waived or "", f"`{f.fingerprint}`"]


@register("md")
def render_markdown(reports: list[Report], lang: str) -> str:
    w = labels.words(lang)
    out = [f"# {w['title']}", ""]
    for report in reports:
        s = report.summary
        out += [f"## {cell(report.document.path)}", "",
                f"{w['format']} {report.document.format} · sha256 `{report.document.sha256[:12]}` · "
                f"narrcheck {report.narrcheck}", "",
                f"{s.claims} {w['claims']}, {w['checked']} {s.checked}"
                + (f"; {w['waived']} {s.waived}" if s.waived else ""), "",
                f"| {w['verdict']} | {w['count']} |", "|---|---:|",
                *(f"| {k} | {v} |" for k, v in s.by_verdict.items()), ""]
        if not report.findings:
            out += [w["none"], ""]
            continue
        head = [w["location"], w["section_col"], w["rule"], w["verdict"], w["severity"], w["claimed"],
                w["expected"], w["gap"], w["formula"], w["diagnosis"], w["quote"], w["waived"], w["fingerprint"]]
        out += [f"### {w['findings']}", "", "| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
        out += ["| " + " | ".join(cell(c) if not c.startswith("`") else c.replace("|", "\\|") for c in
                                  finding_row(f, lang)) + " |" for f in report.findings]
        out.append("")
        for stale in s.stale_waivers:
            out.append(f"- stale waiver: `{stale}`")
    return "\n".join(out).rstrip() + "\n"
