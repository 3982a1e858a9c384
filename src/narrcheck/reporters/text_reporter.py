"""Terminal output: findings grouped by section, coloured by severity, a summary line per document.

The same lines either way: coloured through rich on a terminal, plain text otherwise (rich is imported only for
colour, since importing it costs more than rendering a report).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from narrcheck.model.findings import Report
from narrcheck.reporters import labels
from narrcheck.reporters.registry import register

STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}

@dataclass
class _Lines:
    """Where the lines go: `styled` marks a run of text with a rich style (or leaves it as it is, for plain
    text), `escape` protects text that is not markup.
    """

    styled: Callable[[str, str], str] = lambda style, text: text
    escape: Callable[[str], str] = lambda text: text
    lines: list[str] = field(default_factory=list)

    def print(self, line: str, style: str = "") -> None:
        self.lines.append(self.styled(style, line) if style else line)


def render_report(report: Report, lang: str, console: _Lines) -> None:
    words, esc, styled = labels.words(lang), console.escape, console.styled
    console.print(styled("bold", esc(report.document.path)))
    current: list[str] | None = None
    for f in report.findings:
        if f.section != current:
            current = f.section
            console.print("  " + styled("bold blue", esc(" / ".join(f.section) or words["section"])))
        loc = f.evidence[0].location
        where = f"{report.document.path}:{loc.line}:{loc.column}" if loc.line else report.document.path
        if loc.page is not None:
            where += f" ({words['page'].format(loc.page)})"
        style = "dim" if f.waived else STYLE.get(f.severity.value, "")
        level = f" ({words['warning']})" if f.severity.value == "warning" else ""  # seen without colour too
        head = styled(style, f"{f.rule} {f.verdict}{level}")
        console.print(f"    {head} {esc(where)}  {esc(f.message)} {styled('dim', '#' + f.fingerprint)}")
        if f.waived:
            console.print(f"      {words['waived']}: {esc(f.waived)}", style="dim")
        console.print(f"      “{esc(f.evidence[0].quote)}”", style="dim")
        for ev in f.evidence[1:]:  # a quote from another file (a --tables workbook) is shown with its place
            if ev.path:
                where = labels.place(ev.location, lang)
                console.print(f"      ↳ {esc(ev.path)} {where}: {esc(ev.quote)}", style="dim")
        if f.formula:
            result = f"  {words['claimed']} {esc(f.claimed)}" if f.claimed else ""
            if f.expected:
                result += f" → {words['expected']} {esc(f.expected)}"
            console.print(f"      {words['formula']}: {esc(f.formula)}{result}")
        if f.diagnosis:  # (NC109's message is its diagnosis: the code alone then)
            why = "" if f.diagnosis.message == f.message else f": {esc(f.diagnosis.message)}"
            console.print(f"      {words['diagnosis']} {esc(f'[{f.diagnosis.code}]')}{why}")
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
        console.print(f"  LLM {esc(u.model or '-')}: {words['llm_calls']} {u.calls} "
                      f"({words['llm_cached']} {u.cache_hits}), tokens {u.tokens_in}+{u.tokens_out}; "
                      f"{words['llm_claims']} {u.proposed} → {words['llm_grounded']} {u.grounded}, "
                      f"{words['llm_dropped']} {dropped}, {words['llm_added']} {u.added}; "
                      f"{words['llm_sent']} {u.sent_chars}/{u.document_chars or 1:d} "
                      f"({u.sent_chars / (u.document_chars or 1):.0%})")
        for warning in u.warnings:
            console.print(f"  LLM: {esc(warning)}", style="yellow")


@register("text")
def render_text(reports: list[Report], lang: str, color: bool = False) -> str:
    lines = _rich_lines() if color else _Lines()
    for report in reports:
        render_report(report, lang, lines)
    if not color:
        return "".join(line + "\n" for line in lines.lines)
    from io import StringIO

    from rich.console import Console

    buffer = StringIO()
    console = Console(file=buffer, force_terminal=True, width=120, highlight=False, soft_wrap=True, emoji=False)
    for line in lines.lines:
        console.print(line)
    return buffer.getvalue()


def _rich_lines() -> _Lines:
    from rich.markup import escape

    return _Lines(styled=lambda style, text: f"[{style}]{text}[/{style}]", escape=escape)
