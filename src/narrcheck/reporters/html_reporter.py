"""One self-contained HTML page: the document's text with every checked claim marked by verdict, and a side list
of findings that can be filtered and sorted. No network: styles and script are inline, and a Content Security
Policy forbids loading anything. Document text is escaped by the template engine (autoescape).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from narrcheck.model.document import Document
from narrcheck.model.findings import Finding, Report
from narrcheck.model.location import Location
from narrcheck.reporters import labels
from narrcheck.reporters.registry import register

RANK = {"error": 0, "warning": 1, "info": 2}


@dataclass
class Piece:
    text: str
    marks: list[str] = field(default_factory=list)  # ids of the findings that cover this piece
    severity: str = ""  # the worst of theirs
    verdict: str = ""
    first: str = ""  # the mark id a finding links to, when this piece starts one


@dataclass
class Passage:
    kind: str
    pieces: list[Piece] = field(default_factory=list)
    rows: list[list[Piece]] = field(default_factory=list)


class _Locator:
    """Finds where a location sits in the Document: (block index, offset) or (block index, row, col)."""

    def __init__(self, document: Document) -> None:
        self.blocks = document.blocks
        self.lines: dict[tuple[int | None, int], list[tuple[int, int]]] = {}
        for b, block in enumerate(document.blocks):
            if block.kind == "table":
                continue
            tm = block.textmap
            for i, line in enumerate(tm.lines):
                page = tm.pages[i] if tm.pages else None
                self.lines.setdefault((page, line), []).append((b, i))

    def span(self, loc: Location, quote: str) -> tuple[int, int, int] | None:
        """(block, start, end) of the quote at `loc` in a paragraph."""
        for b, i in self.lines.get((loc.page, loc.line or 0), []):
            block = self.blocks[b]
            tm = block.textmap
            start = tm.starts[i] + (loc.column or 1) - tm.columns[i]
            found = block.text.find(quote[:8], max(start - 2, 0)) if quote else -1
            if found == -1:
                found = block.text.find(quote[:8]) if quote else -1
            if found != -1:
                return b, found, min(found + len(quote), len(block.text))
            return b, max(start, 0), max(start, 0)
        return None

    def cell(self, loc: Location) -> tuple[int, int, int] | None:
        for b, block in enumerate(self.blocks):
            if block.kind != "table" or block.table != loc.table:
                continue
            for r, row in enumerate(block.rows):
                for c, cell in enumerate(row):
                    if cell.row == loc.row and cell.col == loc.col:
                        return b, r, c
        return None


def _worst(findings: Iterable[Finding]) -> Finding:
    """The finding a mark is coloured by: the most severe, a failing one before one that holds."""
    return min(findings, key=lambda f: (RANK[f.severity.value], f.verdict == "ok"))


def _split(b: int, text: str, marks: list[tuple[int, int, str, Finding]]) -> list[Piece]:
    """The text cut at every mark boundary, each piece knowing the findings over it."""
    cuts = sorted({0, len(text), *(s for s, _, _, _ in marks), *(e for _, e, _, _ in marks)})
    pieces = []
    for a, z in zip(cuts, cuts[1:], strict=False):
        if a >= z:
            continue
        over = [(fid, f) for s, e, fid, f in marks if s <= a and z <= e and s < e]
        piece = Piece(text[a:z], [fid for fid, _ in over])
        if over:
            worst = _worst(f for _, f in over)
            piece.severity, piece.verdict = worst.severity.value, worst.verdict
            piece.first = f"m{b}-{a}" if any(s == a for s, _, _, _ in marks) else ""
        pieces.append(piece)
    return pieces


def _passages(document: Document, findings: list[tuple[str, Finding]]) -> tuple[list[Passage], dict[str, str]]:
    """The document's blocks as passages with the findings marked; and each finding's mark id."""
    locate = _Locator(document)
    spans: dict[int, list[tuple[int, int, str, Finding]]] = {}
    cells: dict[tuple[int, int, int], list[tuple[str, Finding]]] = {}
    anchor: dict[str, str] = {}
    for fid, f in findings:
        ev = f.evidence[0]
        loc = ev.location
        if ev.path:
            continue
        if loc.table is not None and loc.row is not None:
            where = locate.cell(loc)
            if where is not None:
                cells.setdefault(where, []).append((fid, f))
                anchor[fid] = f"c{where[0]}-{where[1]}-{where[2]}"
            continue
        found = locate.span(loc, ev.quote)
        if found is not None:
            b, start, end = found
            spans.setdefault(b, []).append((start, max(end, start + 1), fid, f))
            anchor[fid] = f"m{b}-{start}"
    out = []
    for b, block in enumerate(document.blocks):
        if block.kind == "table":
            out.append(Passage("table", rows=[[_cell_piece(b, r, c, cell.text, cells)
                                               for c, cell in enumerate(row)] for r, row in enumerate(block.rows)]))
        else:
            out.append(Passage(block.kind, pieces=_split(b, block.text, spans.get(b, []))))
    return out, anchor


def _cell_piece(b: int, r: int, c: int, text: str, cells: dict[tuple[int, int, int], list[tuple[str, Finding]]]
                ) -> Piece:
    over = cells.get((b, r, c), [])
    piece = Piece(text, [fid for fid, _ in over], first=f"c{b}-{r}-{c}" if over else "")
    if over:
        worst = _worst(f for _, f in over)
        piece.severity, piece.verdict = worst.severity.value, worst.verdict
    return piece


def _gap_key(f: Finding) -> str:
    try:
        return f"{abs(float(f.gap.relative)):.6f}" if f.gap and f.gap.relative else "0"
    except ValueError:
        return "0"


def _document_view(n: int, report: Report, lang: str) -> dict[str, Any]:
    findings = [(f"d{n}f{i}", f) for i, f in enumerate(report.findings)]
    passages, anchor = _passages(report.source, findings) if isinstance(report.source, Document) else ([], {})
    items = []
    for i, (fid, f) in enumerate(findings):
        others = [{"path": ev.path or "", "place": labels.place(ev.location, lang),
                   "quote": ev.quote} for ev in f.evidence[1:]]
        items.append({"id": fid, "order": i, "f": f, "place": labels.place(f.evidence[0].location, lang),
                      "anchor": anchor.get(fid, ""), "section": " / ".join(f.section), "gap_key": _gap_key(f),
                      "rank": RANK[f.severity.value], "others": others})
    rules = sorted({f.rule for _, f in findings})
    sections = sorted({" / ".join(f.section) for _, f in findings if f.section})
    return {"n": n, "report": report, "passages": passages, "entries": items, "rules": rules, "sections": sections}


@register("html")
def render_html(reports: list[Report], lang: str) -> str:
    docs = [_document_view(n, r, lang) for n, r in enumerate(reports)]
    return labels.template("report.html.j2").render(docs=docs, w=labels.words(lang), lang=lang)
