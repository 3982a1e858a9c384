from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from decimal import Decimal
from itertools import combinations

from narrcheck import i18n
from narrcheck.checks import diagnosis
from narrcheck.checks.base import Context, Rule, show, sum_formula
from narrcheck.checks.consistency._accounts import disagreements, evidence
from narrcheck.checks.consistency._common import DEFAULT_UNIT as _UNIT
from narrcheck.checks.consistency._common import agree
from narrcheck.checks.diagnosis import Terms
from narrcheck.checks.registry import register
from narrcheck.extract.statements import Statements
from narrcheck.lexicon import entry
from narrcheck.model.claims import (
    BudgetLineClaim,
    Figure,
    ProjectFigureClaim,
    ProjectSetClaim,
    RatioClaim,
    interval_sum,
)
from narrcheck.model.findings import Evidence, Finding
from narrcheck.model.location import Location
from narrcheck.numbers import Interval, Verdict, parse_number
from narrcheck.numbers.interval import truncate
from narrcheck.tables.accounts import Accounts
from narrcheck.tables.model import BudgetRecord, BudgetTable, Fact, ScoreTable
from narrcheck.tables.understand import HEADER_WORD

# the indicator rows that report each rate a narrative states of a project (资金到位率, 预算执行率)
RATE_WORDS: dict[str, tuple[str, ...]] = {m: tuple(ws) for m, ws in entry("indicators.rates").items()}
# the unit money is usually stated in: a budget printed without a unit is in it

_FULL = Terms("sum", {}, scale=diagnosis.ceiling())  # a completion rate's ceiling, 100%


@register
class TextVsTable(Rule):
    """A project's figure in the narrative agrees with its table: the budget it states is the table's 年初预算
    or 调整后预算数, and a 资金到位率 / 预算执行率 it states is the one the table reports.

    A summary of the project tables (该类项目总数N个，涉及预算总金额X万元，执行总体进度为Y%) is checked when N is the
    number of project tables: X = Σ 调整后预算数, Y = Σ 执行数 / Σ 调整后预算数.
    When a rate differs, the side whose own arithmetic holds (665.97/739.76 = 90.02%) is taken as right and
    the other is reported.
    With the official 财决 tables given (--tables 附表.xls), every named or coded amount of the narrative
    (基本支出420.00万元; 2080505…35.00万元) equals the table figure it restates, preferring the table its section
    is about; the finding quotes both places.
    Fails: “2024年该项目预算110.4万元” while the table has 年初预算 90.00, 调整后预算 110.58 (110.40 is its
    执行数); 资金到位率 90.02% in the narrative, 完成值 100 in the table.
    Passes: “本项目资金预算申报18.05万元” and the table's 调整后预算数 18.05.
    """

    id = "NC202"
    name = "text-vs-table"
    claim_kind = "project_figure"
    claim_kinds = ("project_figure", "project_set", "budget_line", "accounts")

    def check(self, claim: ProjectFigureClaim | ProjectSetClaim | BudgetLineClaim | Accounts,
              ctx: Context) -> Iterator[Finding]:
        if isinstance(claim, Accounts):
            yield from self._accounts(claim, ctx)
            return
        if isinstance(claim, ProjectSetClaim):
            yield from self._project_set(claim, ctx)
            return
        if isinstance(claim, BudgetLineClaim):
            yield from self._budget_line(claim, ctx)
            return
        table: ScoreTable | None = ctx.score_table(claim.table)
        if table is None:
            return
        if claim.measure == "budget":
            yield from self._budget(claim, table, ctx)
        elif claim.measure == "indicator_result":
            yield from self._result(claim, table, ctx)
        elif claim.measure == "executed":
            return  # read for the sums over projects; the table's own 执行数 is NC305's
        elif claim.measure == "indicator_count":
            rows = [i for i in table.indicators if i.weight is not None or i.score is not None]
            if rows:
                ev = [Evidence(quote=claim.quote, location=claim.location),
                      Evidence(quote=rows[0].label, location=rows[0].weight.location if rows[0].weight
                               else rows[0].score.location)]  # type: ignore[union-attr]
                found = self.judge(ctx, claim.figure, Interval.exact(Decimal(len(rows))), f"len({len(rows)} rows)",
                                   ev, claim.section, about=table.describe())
                if found.verdict == Verdict.MISMATCH.value and found.diagnosis is None \
                        and len(claim.listed) == claim.figure.decimal:  # the count of the text's own list
                    found = found.model_copy(update={"diagnosis": diagnosis.make(
                        "listed", f"len([{', '.join(claim.listed)}])", ctx.lang, printed=claim.figure.value,
                        rows=str(len(rows)))})
                yield found
        else:
            yield from self._rate(claim, table, ctx)

    def _budget(self, claim: ProjectFigureClaim, table: ScoreTable, ctx: Context) -> Iterator[Finding]:
        ex = table.execution
        budgets = [f for f in (ex.adjusted, ex.initial) if f is not None] if ex else []
        if not budgets:
            return
        unit = budgets[0].figure.unit or _UNIT
        fig = claim.figure
        match = next((b for b in budgets if agree(fig, b.figure, unit)), None)
        ev = [Evidence(quote=claim.quote, location=claim.location),
              *(Evidence(quote=b.figure.text, location=b.location) for b in budgets)]
        if match is not None:
            yield self.judge(ctx, fig, match.figure.interval(fig.unit), match.figure.value, ev, claim.section,
                             about=table.describe())
            return
        executed = ex.executed if ex and ex.executed and agree(fig, ex.executed.figure, unit) else None
        values = list(dict.fromkeys(b.figure.value for b in budgets))  # 年初 and 调整后 are often equal
        detail = i18n.detail("budget-is-executed" if executed else "budget-differs", ctx.lang,
                             claimed=fig.text, budgets="、".join(values))
        finding = self.verdict_finding(ctx, Verdict.MISMATCH, detail, ev, claim.section, claimed=fig.value,
                                       expected=values[0], formula=f"{fig.value} ∈ {{" + ", ".join(values) + "}",
                                       about=table.describe(), template="stated-elsewhere")
        if executed is not None:
            why = diagnosis.diagnose(Terms("sum", {}, columns=(executed.figure.value,)), fig.decimal,
                                     fig.quantity.decimals, ctx.lang)
            finding = finding.model_copy(update={"diagnosis": why})
        yield finding

    def _result(self, claim: ProjectFigureClaim, table: ScoreTable, ctx: Context) -> Iterator[Finding]:
        """The narrative's figure for an indicator is the table's 完成值 (50余 reads 50 to 59, 90%以上 at least 90)."""
        row = next((i for i in table.indicators if i.label == claim.row and i.actual_location), None)
        if row is None:
            return
        try:
            actual = parse_number(row.actual.rstrip("%％"), claim.figure.unit)
        except ValueError:
            return
        fig = claim.figure
        value = actual.value
        if claim.approx == "more":
            step = Decimal(10) ** max(len(fig.value.split(".")[0]) - 1, 0)
            holds = fig.decimal <= value < fig.decimal + step
        elif claim.approx == "above":
            holds = value >= fig.decimal
        else:
            holds = fig.interval().lo <= value <= fig.interval().hi
        ev = [Evidence(quote=claim.quote, location=claim.location),
              Evidence(quote=row.actual, location=row.actual_location)]  # type: ignore[arg-type]
        formula = f"{row.label} {HEADER_WORD['actual']} {row.actual}"  # the column's usual name
        if holds:
            yield self.verdict_finding(ctx, Verdict.OK, i18n.detail("result-agrees", ctx.lang, row=row.label,
                                                                    actual=row.actual),
                                       ev, claim.section, claimed=fig.value, expected=actual.digits(),
                                       formula=formula, about=table.describe(), template="ok-words")
            return
        detail = i18n.detail("result-differs", ctx.lang, row=row.label, actual=row.actual, text=fig.text)
        yield self.verdict_finding(ctx, Verdict.MISMATCH, detail, ev, claim.section, claimed=fig.value,
                                   expected=actual.digits(), formula=formula, about=table.describe(),
                                   template="stated-elsewhere")

    def _accounts(self, item: Accounts, ctx: Context) -> Iterator[Finding]:
        """Each keyed money statement against the official table figure it restates (see _accounts)."""
        stated: Statements = item.statements  # type: ignore[assignment]
        for st, fact, _ in disagreements(stated.items, item.facts, stated.year):
            fig = st.figure
            yield self.judge(ctx, fig, fact.figure.interval(fig.unit), show(fact.figure, fig.unit),
                             evidence(st, fact), st.section, about=fact.describe(), wording="accounts")

    def _budget_line(self, claim: BudgetLineClaim, ctx: Context) -> Iterator[Finding]:
        """Compared with the budget table's record of the line the words name, when the executed amounts agree
        (they then speak of the same scope): the budget and the balance must agree too.
        """
        by_label = ctx.memo("nc202_budget_records", lambda: _budget_records(ctx.budget_tables))
        # the records, in table order, whose label ends the words'
        named = sorted(found for n in range(len(claim.label)) for found in by_label.get(claim.label[n:], ()))
        for _, record in named:
            executed = record.measures["executed"]
            if not agree(claim.executed, executed.figure, claim.executed.unit):
                continue
            ev_of = {m: [Evidence(quote=claim.quote, location=claim.location),
                         Evidence(quote=f.figure.text, location=f.location)]
                     for m, f in record.measures.items()}
            for measure, stated in (("budget", claim.budget), ("balance", claim.balance)):
                fact = record.measures.get(measure)
                if stated is None or fact is None:
                    continue
                shown = _in(fact, stated.unit)
                # the balance as the sentence's own figures give it, where they are the table's, rounded or cut
                budget = record.measures.get("budget")
                rounded = {"rounded": f"{claim.budget.value}-{claim.executed.value}"} \
                    if measure == "balance" and claim.budget is not None and budget is not None \
                    and claim.budget.unit == claim.executed.unit and _shortened(claim.budget, budget.figure) \
                    else {}
                yield self.judge(ctx, stated, fact.figure.interval(stated.unit), shown, ev_of[measure],
                                 claim.section, about=fact.figure.subject, terms=Terms("sum", rounded))
            return

    def _project_set(self, claim: ProjectSetClaim, ctx: Context) -> Iterator[Finding]:
        """Checked only when the stated number of projects is the number of project tables, each with a
        budget: then the total is Σ 调整后预算数 and the progress Σ 执行数 / Σ 调整后预算数.
        """
        projects = [t for t in ctx.score_tables if not t.department and t.execution is not None]
        if int(claim.count.decimal) != len(projects) or not projects:
            yield from self._partition(claim, ctx)
            return
        budgets = [t.execution.adjusted for t in projects]
        executed = [t.execution.executed for t in projects]
        if any(b is None for b in budgets) or any(e is None for e in executed):
            return
        unit = claim.budget.unit if claim.budget else _UNIT
        budget_sum = _sum(budgets, unit)
        ev = [Evidence(quote=claim.quote, location=claim.location),
              *(Evidence(quote=b.figure.text, location=b.location) for b in budgets[:1])]
        if claim.budget is not None:
            yield self.judge(ctx, claim.budget, budget_sum, sum_formula(b.figure.value for b in budgets), ev,
                             claim.section, about=i18n.detail("project-budgets", ctx.lang, n=str(len(projects))),
                             terms=Terms("sum", {}, columns=(sum_formula(e.figure.value for e in executed),)))
        if claim.progress is not None and not budget_sum.contains_zero():
            progress = (_sum(executed, unit) / budget_sum).scale(Decimal(100))
            formula = (f"({'+'.join(e.figure.value for e in executed)})"
                       f"/({'+'.join(b.figure.value for b in budgets)})*100")
            yield self.judge(ctx, claim.progress, progress, formula, ev, claim.section,
                             about=i18n.detail("project-progress", ctx.lang, n=str(len(projects))), terms=_FULL)

    def _partition(self, claim: ProjectSetClaim, ctx: Context) -> Iterator[Finding]:
        """Two classes of projects in one sentence (4个常年项目…873.62万元；2个一次性项目…98.13万元) whose counts
        cover every project table: when exactly one choice of projects gives the other class its stated total,
        this class is the rest, and its total is their budgets' sum (each project's budget as its narrative
        states it).
        """
        siblings = [c for c in ctx.memo("nc202_project_sets", lambda: _project_sets(ctx.claims)) if c is not claim
                    and c.section == claim.section and c.location.page == claim.location.page
                    and abs((c.location.line or 0) - (claim.location.line or 0)) <= 2  # one sentence, wrapped
                    and c.budget is not None]
        budgets = _narrative(ctx, "budget")
        if len(siblings) != 1 or claim.budget is None or not budgets \
                or int(claim.count.decimal) + int(siblings[0].count.decimal) != len(budgets):
            return
        other = siblings[0]
        unit = claim.budget.unit
        fits = [group for group in combinations(budgets, int(other.count.decimal))
                if _sum([f for _, f in group], unit).meets_printed(other.budget.decimal,  # type: ignore[union-attr]
                                                                  other.budget.quantity.decimals)]  # type: ignore[union-attr]
        if len(fits) != 1:
            return
        rest = [(t, f) for t, f in budgets if (t, f) not in fits[0]]
        ev = [Evidence(quote=claim.quote, location=claim.location),
              *(Evidence(quote=f.figure.text, location=f.location) for _, f in rest)]
        about = i18n.detail("project-class", ctx.lang, n=str(len(rest)),
                            others="、".join(t.describe() for t, _ in fits[0]), total=other.budget.text)  # type: ignore[union-attr]
        spent = dict((t.index, f) for t, f in _narrative(ctx, "executed"))
        columns = (sum_formula(spent[t.index].figure.value for t, _ in rest),) \
            if all(t.index in spent for t, _ in rest) else ()
        yield self.judge(ctx, claim.budget, _sum([f for _, f in rest], unit),
                         sum_formula(f.figure.value for _, f in rest), ev, claim.section, about=about,
                         terms=Terms("sum", {}, columns=columns))
        if claim.progress is None or any(t.index not in spent for t, _ in rest):
            return
        done = [spent[t.index] for t, _ in rest]
        whole = _sum([f for _, f in rest], unit)
        if whole.contains_zero():
            return
        formula = f"({'+'.join(f.figure.value for f in done)})/({'+'.join(f.figure.value for _, f in rest)})*100"
        about = i18n.detail("project-class-progress", ctx.lang, n=str(len(rest)))
        yield self.judge(ctx, claim.progress, (_sum(done, unit) / whole).scale(Decimal(100)), formula, ev,
                         claim.section, about=about, terms=_FULL)

    def _rate(self, claim: ProjectFigureClaim, table: ScoreTable, ctx: Context) -> Iterator[Finding]:
        stated = _table_rate(table, claim.measure)
        if stated is None:
            return
        text_fig, table_fig = claim.figure, stated.figure
        if agree(text_fig, table_fig, "%"):
            yield self.judge(ctx, text_fig, table_fig.interval(), table_fig.value,
                             [Evidence(quote=claim.quote, location=claim.location),
                              Evidence(quote=table_fig.text, location=stated.location)],
                             claim.section, about=table.describe())
            return
        text_right = _supported(text_fig, ctx)
        wrong, right = (table_fig, text_fig) if text_right else (text_fig, table_fig)
        detail = i18n.detail("rate-differs", ctx.lang, row=stated.row, table=table_fig.text, text=text_fig.text)
        ev = [Evidence(quote=table_fig.text, location=stated.location),
              Evidence(quote=claim.quote, location=claim.location)]
        if not text_right:
            ev.reverse()
        finding = self.verdict_finding(ctx, Verdict.MISMATCH, detail, ev, claim.section, claimed=wrong.value,
                                       expected=right.value, formula=f"{table_fig.value} = {text_fig.value}",
                                       about=table.describe(), template="stated-elsewhere")
        why = diagnosis.diagnose(_FULL, wrong.decimal, wrong.quantity.decimals, ctx.lang)
        yield finding.model_copy(update={"diagnosis": why})


def _narrative(ctx: Context, measure: str) -> list[tuple[ScoreTable, Fact]]:
    """Each project table with the budget (or execution) its narrative states, the first one bound to it;
    empty when any project table has none.
    """
    first = ctx.memo("nc202_project_figures", lambda: _project_figures(ctx.claims))
    out = []
    for table in (t for t in ctx.score_tables if not t.department):
        stated = first.get((measure, table.index))
        if stated is None:
            return []
        out.append((table, Fact(figure=stated, row=table.describe(), column=measure, table=table.index,
                                title=table.title)))
    return out


def _project_figures(claims: Sequence[object]) -> dict[tuple[str, int | None], Figure]:
    """(measure, table) -> the figure of the first project claim stating that measure of that table."""
    out: dict[tuple[str, int | None], Figure] = {}
    for c in claims:
        if isinstance(c, ProjectFigureClaim):
            out.setdefault((c.measure, c.table), c.figure)
    return out


def _budget_records(tables: Sequence[BudgetTable]) -> dict[str, list[tuple[int, BudgetRecord]]]:
    """The budget tables' records a budget line can name (not a total, with an executed amount, a label of two
    characters or more), by label, each with its place in table order.
    """
    out: dict[str, list[tuple[int, BudgetRecord]]] = defaultdict(list)
    records = (r for t in tables for r in t.records)
    for n, record in enumerate(records):
        if not record.is_total and "executed" in record.measures and len(record.label) >= 2:
            out[record.label].append((n, record))
    return out


def _project_sets(claims: Sequence[object]) -> list[ProjectSetClaim]:
    return [c for c in claims if isinstance(c, ProjectSetClaim)]


def _ratios_at(claims: Sequence[object]) -> dict[Location, list[RatioClaim]]:
    """The ratio claims by the place of their percent, in document order."""
    out: dict[Location, list[RatioClaim]] = defaultdict(list)
    for c in claims:
        if isinstance(c, RatioClaim):
            out[c.percent.location].append(c)
    return out


def _in(fact: Fact, unit: str) -> str:
    """A table figure written in another unit: 69542.85百元 → 69542.85/100."""
    fig = fact.figure
    factor = fig.quantity.scale_to(unit)
    if factor == 1:
        return fig.value
    return f"{fig.value}*{factor.normalize():f}" if factor >= 1 else f"{fig.value}/{(1 / factor).normalize():f}"


def _sum(facts: Sequence[Fact | None], unit: str) -> Interval:
    return interval_sum((f.figure for f in facts if f is not None), unit)


def _table_rate(table: ScoreTable, measure: str) -> Fact | None:
    """The table's statement of the rate: an indicator row of that name, else the execution row's 执行率."""
    words = RATE_WORDS[measure]
    for row in table.indicators:
        if row.actual_location is not None and any(w in row.label for w in words):
            try:
                q = parse_number(row.actual.rstrip("%％"), "%")
            except ValueError:
                return None
            fig = Figure(value=q.digits(), unit="%", text=row.actual, subject=row.label,
                         location=row.actual_location)
            return Fact(figure=fig, row=row.label, column="actual", table=table.index, title=table.title)
    if measure == "execution_rate" and table.execution is not None and table.execution.rate is not None:
        return table.execution.rate
    return None


def _supported(fig: Figure, ctx: Context) -> bool:
    """A ratio claim at this figure whose numerator / denominator gives it."""
    for claim in ctx.memo("nc202_ratios_at", lambda: _ratios_at(ctx.claims)).get(fig.location, ()):
        if claim.numerator is not None and claim.denominator is not None \
                and not claim.denominator.interval().contains_zero():
            value = claim.numerator.interval() / claim.denominator.interval()
            computed = value.scale(parse_number("100").value) if claim.as_percent else value
            return computed.meets_printed(fig.decimal, fig.quantity.decimals)
    return False


def _shortened(printed: Figure, exact: Figure) -> bool:
    """`printed` is `exact` rounded or cut to the printed decimals (in the printed figure's unit)."""
    value = exact.quantity.in_unit(printed.unit)
    return agree(printed, exact, printed.unit) or truncate(value, printed.quantity.decimals) == printed.decimal
