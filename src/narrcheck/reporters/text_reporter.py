"""Terminal output: findings grouped by section, coloured by severity, a summary line per document."""

from __future__ import annotations

from io import StringIO

from rich.console import Console
from rich.markup import escape

from narrcheck.model.findings import Report
from narrcheck.reporters import labels
from narrcheck.reporters.registry import register

STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}

def render_report(report: Report, lang: str, console: Console) -> None:
    words = labels.words(lang)
    console.print(f"[bold]{escape(report.document.path)}[/bold]")
    current: list[str] | None = None
    for f in report.findings:
        if f.section != current:
            current = f.section
            console.print(f"  [bold blue]{escape(' / '.join(f.section) or words['section'])}[/bold blue]")
        loc = f.evidence[0].location
        where = f"{report.document.path}:{loc.line}:{loc.column}" if loc.line else report.document.path
        if loc.page is not None:
            where += f" ({words['page'].format(loc.page)})"
        style = "dim" if f.waived else STYLE.get(f.severity.value, "")
        level = f" ({words[f.severity.value]})" if f.severity.value != "error" else ""  # seen without colour too
        console.print(f"    [{style}]{f.rule} {f.verdict}{level}[/{style}] {escape(where)}  {escape(f.message)} "
                      f"[dim]#{f.fingerprint}[/dim]")
        if f.waived:
            console.print(f"      {words['waived']}: {escape(f.waived)}", style="dim")
        console.print(f"      “{escape(f.evidence[0].quote)}”", style="dim")
        for ev in f.evidence[1:]:  # a quote from another file (a --tables workbook) is shown with its place
            if ev.path:
                where = labels.place(ev.location, lang)
                console.print(f"      ↳ {escape(ev.path)} {where}: {escape(ev.quote)}", style="dim")
        if f.formula:
            result = f"  {words['claimed']} {escape(f.claimed)}" if f.claimed else ""
            if f.expected:
                result += f" → {words['expected']} {escape(f.expected)}"
            console.print(f"      {words['formula']}: {escape(f.formula)}{result}")
        if f.diagnosis:  # (NC109's message is its diagnosis: the code alone then)
            why = "" if f.diagnosis.message == f.message else f": {escape(f.diagnosis.message)}"
            console.print(f"      {words['diagnosis']} {escape(f'[{f.diagnosis.code}]')}{why}")
    s = report.summary
    counts = ", ".join(f"{k} {v}" for k, v in s.by_verdict.items()) or "-"
    tail = "" if report.findings else f" — {words['none']}"
    if s.waived:
        tail += f"; {words['waived']} {s.waived}"
    console.print(f"  {s.claims} {words['claims']}, {words['checked']} {s.checked}; {words['results']}: "
                  f"{counts}{tail}")
    if s.llm is not None:
        u = s.llm
        dropped = sum(u.dropped.values())
        console.print(f"  LLM {escape(u.model or '-')}: {words['llm_calls']} {u.calls} "
                      f"({words['llm_cached']} {u.cache_hits}), tokens {u.tokens_in}+{u.tokens_out}; "
                      f"{words['llm_claims']} {u.proposed} → {words['llm_grounded']} {u.grounded}, "
                      f"{words['llm_dropped']} {dropped}, {words['llm_added']} {u.added}; "
                      f"{words['llm_sent']} {u.sent_chars}/{u.document_chars or 1:d} "
                      f"({u.sent_chars / (u.document_chars or 1):.0%})")
        for warning in u.warnings:
            console.print(f"  [yellow]LLM: {escape(warning)}[/yellow]")


@register("text")
def render_text(reports: list[Report], lang: str, color: bool = False) -> str:
    buffer = StringIO()
    console = Console(file=buffer, force_terminal=color, width=120, highlight=False, soft_wrap=True)
    for report in reports:
        render_report(report, lang, console)
    return buffer.getvalue()
