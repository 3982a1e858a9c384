"""The operand a narrative claim leaves unsaid, taken from the table row the narrative restates.

A narrative often states a row of the document's own table and its rate, leaving the other operand in the table
(教育支出14562.80万元，比上年增长6.73% beside `205 教育支出 14350.00 14562.80 101.48 13690.42 6.37`, columns
调整预算数 | 决算数 | 完成% | 上年决算数 | 增长%; 农林水支出8856.14万元，完成调整预算的97.11%). The row is the one whose
keyed cell (cells.py: its label, its column's year and measure) restates the narrative figure: same key, no other
place or budget, and the same amount. The base is then that row's cell of the same name and measure a year
before (a change against last year, or one that names no basis), or of the budget the completion names (年初,
调整; one said only as 预算 where the row holds one budget).

Abstain rather than guess: no such row, two rows of that key and amount, or two cells of the base in the row,
leave the claim open (a change) or its base unbound (a completion).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from narrcheck.extract.identity import QuantityKey, measures_in, period_forms, prior_period
from narrcheck.extract.rules import budget_kinds
from narrcheck.extract.statements import Statement, Statements, row_code
from narrcheck.lexicon import words
from narrcheck.model.claims import ChangeClaim, Claim, Figure, RatioClaim
from narrcheck.numbers.normalize import normalize

_TAILS = words("accounts.level_name_tails")
_Row = tuple[str, tuple[str, ...]]  # a table row: its quote and section


def _at(fig: Figure) -> tuple[int | None, int | None]:
    return fig.location.line, fig.location.column


def _own(key: QuantityKey) -> QuantityKey:
    """A key by its row's own name, as a line and a table both write it (机关事业单位职业年金缴费 of
    行政事业单位养老支出·机关事业单位职业年金缴费; 住房公积金 for 住房公积金支出: lexicon accounts.level_name_tails).
    """
    name = key.subject.rsplit("·", 1)[-1]
    name = next((name[:-len(t)] for t in _TAILS if name.endswith(t) and len(name) > len(t)), name)
    return QuantityKey(name, key.period, key.measure)


def _row_of(st: Statement, cells: dict[QuantityKey, list[Statement]]) -> tuple[_Row, str] | None:
    """The one table row whose cell of `st`'s key, or of its row's own name, restates it (same amount, no other
    place or budget), and the subject its cells are keyed by.
    """
    key = st.key
    # the row its code names (2010301行政运行支出…: statements.py's `row`), else its name
    coded = [] if st.row is None else cells.get(QuantityKey(row_code(st.row).subject, key.period, key.measure), [])
    named = coded or list({id(c): c for k in (key.base, _own(key)) for c in cells.get(k, [])}.values())
    rows = {(c.quote, c.section): c.key.subject for c in named
            if c.figure.location.line != st.figure.location.line and key.span in ("", c.key.span)
            and not any(x and y and x != y for x, y in ((key.entity, c.key.entity), (key.fund, c.key.fund)))
            and st.figure.agrees_with(c.figure, c.figure.unit)}
    return rows.popitem() if len(rows) == 1 else None


def _cell(row: _Row, keys: Sequence[QuantityKey], cells: dict[QuantityKey, list[Statement]]) -> Figure | None:
    """The one cell of the row under one of `keys`, or None (none, or several)."""
    found = {id(c): c.figure for k in keys for own in (k, _own(k)) for c in cells.get(own, ())
             if (c.quote, c.section) == row}
    return next(iter(found.values())) if len(found) == 1 else None


def _budget_keys(words: str, subject: str) -> list[QuantityKey]:
    """The keys of the budget a completion's words name (…，完成调整预算的97.11%): one kind (年初 / 调整) names its
    measure; a bare 预算 may be either, the row's only budget.
    """
    measures = measures_in(words) - {""}  # (完成, 为: words of the actual)
    if len(measures) != 1:
        return []
    measure = measures.pop()
    kinds = budget_kinds(words)
    if measure != "预算" or kinds:
        return [QuantityKey(subject, "", measure)] if len(kinds) <= 1 else []
    return [QuantityKey(subject, "", m) for m in ("预算", "年初预算")]


def table_operands(claims: Sequence[Claim], open_changes: Sequence[ChangeClaim],
                   stated: Statements) -> list[Claim]:
    """`claims` with each completion's unsaid budget bound, and the open changes whose base the tables give."""
    if not stated.cells:
        return list(claims)
    cells: dict[QuantityKey, list[Statement]] = defaultdict(list)
    for cell in stated.cells:
        cells[cell.key.base].append(cell)
        if _own(cell.key) != cell.key.base:
            cells[_own(cell.key)].append(cell)
    said = {_at(st.figure): st for st in stated.items}
    prior_words = period_forms(prior_period())

    def row(fig: Figure | None) -> tuple[_Row, str] | None:
        st = said.get(_at(fig)) if fig is not None else None
        if st is None or st.key.period or st.key.measure:
            return None
        return _row_of(st, cells)

    out: list[Claim] = []
    for claim in claims:
        if isinstance(claim, RatioClaim) and claim.denominator is None and claim.numerator is not None \
                and claim.expression is None and not claim.operands and not claim.deviation \
                and not claim.complement and claim.elapsed_months is None and (named := row(claim.numerator)):
            r, subject = named
            text = normalize(claim.quote).text
            start = text.find(claim.numerator.text) + len(claim.numerator.text)
            end = text.find(claim.percent.text, start)
            budget = _cell(r, _budget_keys(text[start:end], subject), cells) if end > start else None
            if budget is not None:
                claim = claim.model_copy(update={"denominator": budget})
        out.append(claim)
    rates = {_at(c.rate) for c in claims if isinstance(c, ChangeClaim) and c.rate is not None}
    for change in open_changes:
        if change.rate is None or _at(change.rate) in rates:
            continue  # (the rate is another claim's: 增长10%，增加9.09万元)
        if change.basis and not any(w in change.basis for w in prior_words):
            continue  # a change against something else than last year (比年初预算, 比2019年)
        named = row(change.current)
        if named is None:
            continue
        r, subject = named
        prior = _cell(r, [QuantityKey(subject, prior_period(), "")], cells)
        if prior is not None:
            out.append(change.model_copy(update={"prior": prior}))
    return out
