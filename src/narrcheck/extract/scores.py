"""Score and grade claims of the narrative, each bound to the score table it speaks of.

Binding, first that applies: a table whose project the claim's clause names as its subject (“法治政府工作经费项目
绩效自评得分为100分”; not a name in brackets or after 参照/与/较); the table the sentence stands in (评价结论 cells);
the department table when the clause says 部门整体; the table whose project was named most recently before the claim
(a report's title, its 项目概况).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from decimal import Decimal
from difflib import SequenceMatcher
from functools import lru_cache
from typing import Any, Literal, NamedTuple

from narrcheck.extract import patterns as P
from narrcheck.extract.rules import Unit, bracket_depth
from narrcheck.extract.spans import CLAUSE, PART, SENTENCE, start_of
from narrcheck.lexicon import alt, file_alt, file_words, words
from narrcheck.model.claims import (
    DEDUCTIONS,
    FULL_MARK,
    OWN_FULL_MARK,
    SCORE_LEFT,
    BudgetLineClaim,
    Claim,
    Figure,
    GradeClaim,
    PartsSumClaim,
    ProjectFigureClaim,
    ProjectSetClaim,
    ScoreClaim,
)
from narrcheck.model.location import Location
from narrcheck.numbers import normalize_digits, parse_number
from narrcheck.structure.sections import MAX_TITLE, without_marker
from narrcheck.tables.model import Category, ScoreTable, name_keys, project_named
from narrcheck.tables.vocab import WEIGHT_MARK


def _alt(path: str) -> str:
    return file_alt("score_headers.toml", path)


Grade = Literal["优", "良", "中", "差"]
GRADE_OF: dict[str, Grade] = {w: grade for grade in ("优", "良", "中", "差")  # type: ignore[misc]
                              for w in file_words("score_headers.toml", f"grades.{grade}")}
_GRADE_WORD = "(?:" + "|".join(map(re.escape, sorted(GRADE_OF, key=len, reverse=True))) + ")"
NUM = r"(?P<num>\d{1,3}(?:\.\d+)?)"
# (a score that bounds a grade's band, 综合得分90分（含）以上为优, is no claim)
SCORE = re.compile(rf"{_alt('narrative.score_by')}?{_alt('narrative.score_scope')}?(?P<name>{_alt('narrative.score')})"
                   rf"(?:为|是|：|:)?\s*{NUM}\s*分(?![值类])"
                   rf"(?!\s*{_alt('bands.included')}?\s*{_alt('bands.bounds')})")
WEIGHT_TOTAL = re.compile(rf"(?:分值总分|总分值|满分)(?:为|是|共)?\s*{NUM}\s*分")
# a full mark in a scoring rule (按满分10分计算): the rule's, no claim on the table
_RULE_BEFORE = re.compile(rf"{_alt('narrative.rule_before')}\s*$")
_RULE_AFTER = file_words("score_headers.toml", "narrative.rule_after")
# a grade word ends where its phrase does (评价结果为差异… states no grade)
GRADE = re.compile(rf"{_alt('narrative.grade')}(?:为|是|：|:)?\s*[“\"]?(?P<word>{_GRADE_WORD})"
                   r"(?:(?![\u4e00-\u9fff])|(?=[等级档次]))")
DEPARTMENT = re.compile(_alt("narrative.department"))
# a score's clause compared with the period before (较上年自评得分…), and a weight in brackets after a score
_COMPARED_WITH_BEFORE = re.compile(f"(?:{alt('compare.openers')})(?:{alt('compare.periods')})")
_WEIGHT_AFTER_SCORE = re.compile(r"分\s*[（(]\s*$")
# a project named in quotes: “大型会议费”项目
QUOTED_PROJECT = re.compile(r"[“\"](?P<name>[^”\"]{2,30})[”\"]\s*项目")
# how many paragraphs back a project's name may stand from a claim about it
LOOKBACK = 80
# the table a text names, and whether several compete (then: None); per unit, one dict per document and tables
Naming = tuple[ScoreTable | None, bool]
Seen = dict[int, Naming]


# the bands a document states for its grades (90分（含）以上为优、80分（含）至90分为良、…、60分以下为差): one clause per
# grade, said to be (为) a range of scores, its lowest score the grade's floor (data/score_headers.toml [bands])
_BAND_CLAUSE = re.compile(rf"[^，,、；;。]*?{_alt('bands.is')}[“\"]?(?P<word>{_GRADE_WORD})[”\"」]?"
                          r"(?=[，,、；;。）)]|$)")
# (a floor may stand without its 分 before the range's top, its inclusion marked there: 80（含）-90分为良)
_BAND_FIGURE = re.compile(rf"(\d{{1,3}}(?:\.\d+)?)\s*(?:分|(?=\s*{_alt('bands.included')}?\s*[-－—~～至到]\s*"
                          rf"\d{{1,3}}(?:\.\d+)?\s*分))\s*({_alt('bands.included')})?")
# or a grade word with its band in brackets after it (优（90-100分）、良（80（含）-90分）、差（60分以下）): the
# brackets hold scores, 分 and the words that bound a band, nothing else (优（95分） is a result, 优良（AQI≤50）
# no band)
_BAND_BRACKET = re.compile(rf"(?P<word>{_GRADE_WORD})\s*[（(]"
                           r"(?P<band>(?:[^（）()，,、；;。]|[（(][^（）()]{1,4}[）)])+)[）)]")
_BAND_WORD = re.compile(rf"\d{{1,3}}(?:\.\d+)?|分|\s|{_alt('bands.included')}|{_alt('bands.bounds')}"
                        rf"|{_alt('bands.below')}|{_alt('bands.floor')}")
_BRACKETED_FIGURE = re.compile(rf"(\d{{1,3}}(?:\.\d+)?)\s*分?\s*({_alt('bands.included')})?")
_BELOW = re.compile(rf"(?<!{_alt('bands.below_not_after')}){_alt('bands.below')}")
_BOUND = re.compile(rf"{_alt('bands.bounds')}|{_alt('bands.included')}|{_alt('bands.floor')}")
_UPWARD: tuple[Grade, ...] = ("差", "中", "良", "优")

Bands = tuple[tuple[Grade, Decimal], ...]
Gaps = tuple[tuple[Decimal, Decimal], ...]


def _band_texts(text: str) -> Iterator[tuple[str, str, list[tuple[str, str]]]]:
    """(grade word, the words stating its band, (figure, included mark) of each score) of every band stated."""
    for clause in _BAND_CLAUSE.finditer(text):
        yield clause.group("word"), clause.group(), _BAND_FIGURE.findall(clause.group())
    for m in _BAND_BRACKET.finditer(text):
        band = m.group("band")
        if not _BAND_WORD.sub("", band) and any(ch.isdigit() for ch in band):
            yield m.group("word"), band, _BRACKETED_FIGURE.findall(band)


def stated_bands(units: list[Unit]) -> tuple[Bands | None, Gaps]:
    """The grade bands the document states, highest first (优 ≥ 90, 良 ≥ 80, 中 ≥ 60), or None when it states none
    or states them in a way not read for certain: a floor said to be excluded (80分至90分（含）), two words of one
    grade (中等 and 及格 in a scheme of five), no floor for 优, floors not falling grade by grade, a band reaching
    into the one above it (80-95分为良 under 90-100分为优).

    With them, the gaps between the bands as printed: a band whose top stands below the next one's floor
    (良（80-89分） under 优（90-100分）) leaves the scores between (89, 90) in no band.
    """
    for unit in units:
        if "分" not in unit.text or len({g for w, g in GRADE_OF.items() if w in unit.text}) < 2:
            continue
        floors: dict[Grade, Decimal] = {}
        tops: dict[Grade, Decimal] = {}
        said: dict[Grade, str] = {}
        for word, text, figures in _band_texts(unit.text):
            grade = GRADE_OF[word]
            if not figures or _BELOW.search(text):
                continue
            values = [Decimal(f) for f, _ in figures]
            if len(figures) == 2:
                tops.setdefault(grade, max(values))
            if grade == "差":
                continue
            if not _BOUND.search(text):
                return None, ()  # (甲项目95分为优、乙项目85分为良: results listed, no bands stated)
            if len(figures) == 2 and figures[1][1] or said.setdefault(grade, word) != word:
                return None, ()
            floors.setdefault(grade, min(values))
        ordered = [(g, floors[g]) for g in ("优", "良", "中") if g in floors]
        if len(ordered) >= 2:
            values = [f for _, f in ordered]
            steps = values == sorted(values, reverse=True) and len(set(values)) == len(values)
            plausible = "优" in floors and all(Decimal(50) <= f <= Decimal(100) for f in values)  # (a 100-point score)
            if not (steps and plausible):
                return None, ()
            gaps = []
            for n, grade in enumerate(_UPWARD[:-1]):
                above = next((floors[g] for g in _UPWARD[n + 1:] if g in floors), None)
                top = tops.get(grade)
                if top is None or above is None or top == above:
                    continue
                if top > above:
                    return None, ()
                gaps.append((top, above))
            return tuple(ordered), tuple(gaps)
    return None, ()


# one tier of a scoring rule over a rate (95%（含）以上得10分, 90%（含）至95%得8分, 不低于90%的计8分): a clause with a
# percent, a word bounding it, and a score it awards at its end
_RATE_TIER = re.compile(rf"^(?=[^%％]*\d\s*[%％])(?=.*(?:{_alt('bands.bounds')}|{_alt('bands.included')}"
                        rf"|{_alt('bands.below')}|{_alt('bands.floor')})).*{_alt('bands.award')}\s*{NUM}\s*分$")
_TIER_PART = re.compile(r"[^，,；;。、]+")


def states_execution_rule(units: list[Unit], tables: Sequence[ScoreTable], seen: Seen | None = None) -> frozenset[int]:
    """The score tables whose execution score the document rules in tiers over the execution rate (预算执行率95%（含）
    以上得10分，90%（含）至95%得8分…): a part of a sentence (up to ；/。) that names the rate before two or more tiers
    awarding different scores (tiers of another indicator after 执行率按比例计分； are not); of the document's only
    table, else of the table that part is bound to (`_bind`), else, bound to none, of every table.
    """
    seen = {} if seen is None else seen
    names = file_words("score_headers.toml", "levels.execution") + file_words("score_headers.toml", "roles.rate")
    out: set[int] = set()
    for unit in units:
        if "分" not in unit.text or not any(n in unit.text for n in names):
            continue
        for part in re.finditer(rf"[^{re.escape(PART)}]+", unit.text):
            tiers = [(m.group("num"), part.start() + t.end()) for t in _TIER_PART.finditer(part.group())
                     if (m := _RATE_TIER.search(t.group().strip()))]
            named = [part.start() + part.group().find(n) for n in names if n in part.group()]
            if len({num for num, _ in tiers}) < 2 or not named or min(named) > tiers[0][1]:
                continue
            table = tables[0] if len(tables) == 1 else _bind(
                part.group(), unit.table, tables, units, unit.order, seen, earlier=unit.text[:part.start()])[0]
            # (tiers bound to no one project are the document's own rule: every table's score follows it)
            out.update([table.index] if table is not None else [t.index for t in tables])
    return frozenset(out)


_SCORE_PATTERNS: tuple[tuple[re.Pattern[str], Literal["score", "weight_total"]], ...] = (
    (SCORE, "score"), (WEIGHT_TOTAL, "weight_total"))


def score_claims(units: list[Unit], tables: Sequence[ScoreTable],
                 seen: Seen | None = None, year: str = "") -> list[Claim]:
    """Every score, point-total and grade claim, with the table each score claim is bound to (`seen`: see
    `_bind`; one per document and `tables`).
    """
    seen = {} if seen is None else seen
    out: list[Claim] = []
    for unit in units:
        if "分" not in unit.text and "等级" not in unit.text:
            continue
        raw, text, locate, section, order, table_no = (unit.raw, unit.text, unit.locate, unit.section,
                                                       unit.order, unit.table)
        for pattern, measure in _SCORE_PATTERNS:
            for m in pattern.finditer(text):
                if measure == "score" and WEIGHT_TOTAL.search(text, max(0, m.start() - 4), m.end()):
                    continue
                if measure == "weight_total" and (_RULE_BEFORE.search(text, max(0, m.start() - 4), m.start())
                                                  or text.startswith(_RULE_AFTER, m.end())
                                                  or _after_formula(text, m.start())):
                    continue
                clause = _clause(text, m.start())
                category = None
                at = m.start()
                if measure == "score" and m.start("name") > at and _category_words(text, m.start("name"), tables):
                    at = m.start("name")  # (部门绩效得分29分: a category whose name ends with a word of 绩效得分)
                named = measure == "score" and bool(_category_words(text, at, tables)) and _of_the_year(text, at, year)
                if not named and not _of_the_whole(text, m.start(), year, tables):
                    continue
                table, how = _bind(clause, table_no, tables, units, order, seen, earlier=text[:m.start() - len(clause)])
                if named and table is not None:
                    # (产出指标得分56分 / 部门决策得分19分（满分20分）: one of the bound table's categories)
                    category = _named_category(text, at, table, Decimal(m.group("num")))
                if category is None and named and not _of_the_whole(text, m.start(), year, tables):
                    continue
                out.append(ScoreClaim(score=_figure(m, raw, locate), measure="category" if category else measure,
                                      category=category or "", subject=clause[-40:],
                                      table=table.index if table else None, binding=how,
                                      **_kwargs(raw, m, locate, section)))
        graded = 0  # where the last grade ended: a grade is of a score after it
        for g in GRADE.finditer(text):
            start = max(start_of(text, g.start(), SENTENCE), graded)
            graded = g.end()
            # (较上年提高2.75分: a score that is a change is no score a grade is of)
            scores = [m for m in re.finditer(rf"{NUM}\s*分", text[start:g.start()])
                      if not P.DIRECTION_AT_END.search(text, max(0, start + m.start() - 4), start + m.start())]
            if not scores:
                continue
            # the grade is of the score before a list of its parts (得分96.50分，其中：…满意度指标得分10.00分，评价
            # 等级为优), unless the list ended (；) before the grade: else of the last score before it
            listed = P.LIST_MARKER.search(text, start + scores[0].end(), g.start())
            if listed is not None and re.search("[；;]", text[listed.end():g.start()]):
                listed = None
            m = [x for x in scores if listed is None or start + x.end() <= listed.start()][-1]
            num = m.group("num")
            pos = start + m.start("num")
            q = parse_number(num)
            fig = Figure(value=q.digits(), text=raw[pos:pos + len(num)] + "分", subject="得分",
                         location=locate(pos))
            word = g.group("word")
            out.append(GradeClaim(score=fig, word=word, grade=GRADE_OF[word],
                                  quote=raw[start:g.end()].strip("，,。 "), location=locate(pos), section=section))
    return out


# a score listed by name in a sentence (产出指标得分48.3分（满分50分）, 项目决策满分20分，得分20分, 自评总分93分): the
# score after 得分 (or a total's 总分), its full mark in brackets after it, else before it in its clause or closing
# the clause before (see _mark_before)
_SCORE_TOTAL = "|".join(f"(?<={re.escape(w)})总分"
                        for w in file_words("score_headers.toml", "narrative.score_total_leads"))
_LISTED = re.compile(rf"(?:得分|{_SCORE_TOTAL})(?:为|是|：|:)?\s*{NUM}\s*分(?![值类率])"
                     rf"(?!\s*{_alt('bands.included')}?\s*{_alt('bands.bounds')})"
                     rf"(?:\s*[（(]\s*{_alt('roles.weight')}?(?:为)?\s*(?P<mark>\d{{1,3}}(?:\.\d+)?)\s*分\s*[)）])?")
_MARK_BEFORE = re.compile(rf"(?:{_alt('roles.weight')}(?:为|是)?\s*|[（(]\s*)(?P<mark>\d{{1,3}}(?:\.\d+)?)\s*分"
                          rf"\s*[)）]?\s*[，,]?\s*$")
_TOTAL_WORDS = file_words("score_headers.toml", "narrative.totals")
_NUMBER = re.compile(NUM)
_CLOSING_WORDS = file_words("score_headers.toml", "narrative.closing")


def _names_total(name: str) -> bool:
    """The words before a score's 得分 name a total (自评, 综合, 最终…, or 乙项目: another whole), not a part."""
    return any(w in name for w in _TOTAL_WORDS) \
        or name.strip(" ，,：:").endswith(file_words("score_headers.toml", "narrative.total_ends"))


def _mark_before(text: str, start: int, pos: int) -> tuple[str, int] | None:
    """The full mark stated before the score at `pos` (产出指标（50分）得分…, 产出指标分值50分，得分…), not before
    `start`, in words that take no points off.
    """
    m = _MARK_BEFORE.search(text, start, pos)
    if m is None or any(w in text[start:pos] for w in file_words("score_headers.toml", "narrative.deduct")):
        return None  # (扣除未完成指标分值3分，得分47分: points taken off, no full mark)
    return m.group("mark"), m.start("mark")


class _Listed(NamedTuple):
    """A score listed by name in a sentence (see _LISTED)."""

    match: re.Match[str]
    name: str  # the words naming it
    part: bool  # may be a part of a list: named without a total's words, of the year
    mark: tuple[str, int] | None  # its own full mark as printed, and where
    named: int  # where its name starts
    current: bool  # of the year, not an average or several projects' (may total a list)


def score_sum_claims(units: list[Unit], tables: Sequence[ScoreTable], year: str = "") -> list[Claim]:
    """A score and the scores listed as its parts in the narrative, each a PartsSumClaim of unit 分: after it and a
    list opener (自评得分96分，其中：产出指标得分…; or a sentence opening with 其中 right after the sentence that ends
    with it), or before it in its sentence (…满意度指标得分10分，综合得分100分) or the sentence it opens. A part is
    a score named without a total's words (score_headers.toml narrative.totals); a list ends at a score that is
    no part, or where a second list opens (a nested list: no claim). The list is the whole (`exhaustive`) where a
    closing word names the total after it (合计得分97分) or every part states its full mark and these add to the
    whole's (满分100分 stated in the sentence, else 100).
    """
    out: list[Claim] = []
    for unit in units:
        if unit.table is not None or ("得分" not in unit.text and "总分" not in unit.text) \
                or _in_flat_table(unit, tables):
            continue
        text = unit.text
        items: list[_Listed] = []
        previous_end = 0
        for m in _LISTED.finditer(text):
            clause = start_of(text, m.start(), CLAUSE)
            named = max(clause, previous_end)
            name = text[named:m.start()]
            mark = (m.group("mark"), m.start("mark")) if m.group("mark") else _mark_before(text, named, m.start())
            if not name.strip(" ，,：:") and clause > previous_end:  # (…满分20分，得分20分: the clause before names it)
                named = max(start_of(text, clause - 1, CLAUSE), previous_end)
                name = text[named:clause]
                if mark is None:
                    mark = _mark_before(text, named, m.start())
            several = any(w in name for w in file_words("score_headers.toml", "levels.several"))
            whole = several or _names_total(name)
            current = not several and _of_the_year(text, m.start(), year)
            items.append(_Listed(m, name, not whole and current, mark, named, current))
            previous_end = m.end()
        for m, _, part, mark, _, _ in items:
            full = _NUMBER.match(text, mark[1]) if part and mark is not None else None
            if full is not None:  # (产出指标得分48分（满分50分）: the score within its own full mark)
                out.append(_deduction_claim(unit, full, OWN_FULL_MARK, [(m, "得分")], False))
        used: set[int] = set()
        for i, (m, name, part, mark, _, current) in enumerate(items):
            if not current:
                continue  # (较上年得分90分，其中…; 平均得分94分，其中…: no total of the parts listed)
            listed = _parts_after(text, items, i) if i not in used else None
            if listed:
                out.extend(_score_sum(unit, m, mark, [items[j] for j in listed], closing=False))
                used.update(listed)
                continue
            bare = _bare_parts_after(text, items, i) if i not in used else []
            if bare:  # (自评得分91.5分，其中预算执行9.5分、产出指标46分…: the parts named without 得分)
                out.extend(_score_sum(unit, m, mark, bare, closing=False))
                continue
            if part:
                continue
            before = [j for j in _parts_before(text, items, i) if j not in used]
            if len(before) >= 2:
                out.extend(_score_sum(unit, m, mark, [items[j] for j in before],
                                      closing=any(w in name for w in _CLOSING_WORDS)))
                used.update(before)
    return out


# points taken off (产出指标扣1分, 共扣2分) and a full mark before a score (满分30分，…实际得分27分)
_DEDUCTION = re.compile(rf"(?P<closing>{_alt('narrative.deduct_closing')})?{_alt('narrative.deduct')}了?\s*{NUM}\s*分"
                        r"(?![值类率])")
_FULL_MARK = re.compile(rf"(?:{_alt('roles.weight')}|总分值?)(?:为|是|共)?\s*{NUM}\s*分")


def deduction_claims(units: list[Unit], tables: Sequence[ScoreTable]) -> list[Claim]:
    """Points taken off, as PartsSumClaims of unit 分, per sentence: deductions closed by their total (…扣1分，…扣1分，
    共扣2分: the deductions add to it), and a full mark, the score after it and the points taken off it (满分30分，
    …实际得分27分，扣3分 / 总分100分，…得分94分，其中产出指标扣3分… / …共扣2分): score and deductions add to the full
    mark, the list after 其中 possibly partial; with no full mark stated, a total score (自评得分98分) and the points
    taken off all (共扣2分) make 100. A sentence with a scoring rule's words (发现一处扣1分，扣完为止) or bonus points
    is left alone.
    """
    out: list[Claim] = []
    rules = file_words("score_headers.toml", "narrative.deduct_rules")
    for unit in units:
        text = unit.text
        if unit.table is not None or not any(w in text for w in file_words("score_headers.toml", "narrative.deduct")) \
                or _in_flat_table(unit, tables):
            continue
        for sentence in re.finditer(r"[^。]+", text):
            lo, hi = sentence.span()
            if any(w in sentence.group() for w in rules):
                continue
            taken = list(_DEDUCTION.finditer(text, lo, hi))
            closing = [d for d in taken if d.group("closing")]
            single = [d for d in taken if not d.group("closing")]
            parts = [d for d in single if d.end() <= closing[0].start()] if len(closing) == 1 else []
            if len(parts) >= 2 and not P.LIST_MARKER.search(text, parts[0].end(), closing[0].start()):
                # (…扣2分，其中数量指标扣1分…，共扣2分: a list inside the list)
                out.append(_deduction_claim(unit, closing[0], DEDUCTIONS, [(d, "扣分") for d in parts], True))
            scores = list(_LISTED.finditer(text, lo, hi))
            if len(scores) != 1 or len(closing) > 1:
                continue
            score = scores[0]
            full = [f for f in _FULL_MARK.finditer(text, lo, score.start()) if f.end() <= score.start()]
            after = [d for d in single if d.start() >= score.end()]
            adjacent = after and not text[score.end():after[0].start()].strip(" ，,")
            listed = after and P.LIST_MARKER.search(text, score.end(), after[0].start())
            if closing:
                off, whole = [closing[0]], True
            elif adjacent and len(after) == 1:
                off, whole = after, True
            elif listed and not any(d.start() < score.start() for d in single):
                off, whole = after, False
            else:
                continue
            own = text[start_of(text, score.start(), CLAUSE):score.start()]
            if full and _owns(text, full[-1].start(), own) and Decimal(score.group("num")) <= Decimal(
                    full[-1].group("num")):
                out.append(_deduction_claim(unit, full[-1], FULL_MARK, [(score, "得分"), *((d, "扣分") for d in off)],
                                            whole))
            elif closing and _names_total(own):
                out.append(_deduction_claim(unit, score, SCORE_LEFT, [(None, "满分"), (closing[0], "扣分")], True,
                                            off=True))
    return out


def _owns(text: str, pos: int, own: str) -> bool:
    """The full mark at `pos` may be that of the score named `own` (the words before 得分 in its clause): a score
    named with a category (产出指标得分48分) takes only a full mark whose clause names that category too (本项目
    满分100分 is not 产出指标's).
    """
    named = [w for w in (*file_words("score_headers.toml", "levels.categories"),
                         *file_words("score_headers.toml", "levels.execution")) if w in own]
    return all(w in text[start_of(text, pos, CLAUSE):pos] for w in named)


def _points(unit: Unit, m: re.Match[str], subject: str = "得分", sign: str = "") -> Figure:
    """The score or points the match's `num` group prints, in 分, named `subject` (negative with sign "-")."""
    return Figure(value=sign + parse_number(m.group("num")).digits(), unit="分",
                  text=unit.raw[m.start("num"):m.end("num")] + "分", subject=subject,
                  location=unit.locate(m.start("num")))


def _deduction_claim(unit: Unit, total: re.Match[str], subject: str,
                     parts: list[tuple[re.Match[str] | None, str]], exhaustive: bool, off: bool = False) -> Claim:
    """A PartsSumClaim of points: `total` named `subject`, each part with its name (with `off`, the 扣分 parts are
    counted off the full mark, negative, and the total is the score left; a part without a match is the full mark
    of 100).
    """
    def figure(m: re.Match[str] | None, name: str, sign: str = "") -> Figure:
        if m is None:
            return Figure(value="100", unit="分", text="100分", subject=name, location=unit.locate(total.start("num")))
        return _points(unit, m, name, sign)
    figs = tuple(figure(m, name, "-" if off and name == "扣分" else "") for m, name in parts)
    spans = [m.span() for m, _ in parts if m is not None] + [total.span()]
    start = start_of(unit.text, min(s for s, _ in spans), SENTENCE)
    return PartsSumClaim(total=figure(total, subject), parts=figs, exhaustive=exhaustive,
                         quote=unit.raw[start:max(e for _, e in spans)].strip(),
                         location=unit.locate(total.start("num")), section=unit.section)


def _parts_after(text: str, items: list[_Listed], i: int) -> list[int]:
    """The parts a list opener after item `i` lists (in its sentence, or opening the next one when the item is its
    sentence's last), up to the first item that is no part; none where a second list opens among them or before them
    in the opener's part of the sentence (up to ；).
    """
    m = items[i].match
    nxt = items[i + 1].match.start() if i + 1 < len(items) else len(text)
    opener = P.LIST_MARKER.search(text, m.end(), nxt)
    if opener is None:
        return []
    stop = start_of(text, opener.start(), SENTENCE)
    if stop > m.start() and (text[stop:opener.start()].strip() or _SENTENCE_STOPS.search(text, m.end(), stop - 1)):
        return []  # (the opener is neither in the item's sentence nor opening the next one)
    end = text.find("。", opener.end())
    end = len(text) if end < 0 else end
    out = []
    for j in range(i + 1, len(items)):
        if items[j].match.start() > end or not items[j].part:
            break
        out.append(j)
    hi = items[out[-1]].match.end() if out else end
    if any(o.start() != opener.start() for o in P.LIST_MARKER.finditer(text, start_of(text, opener.start(), PART), hi)):
        return []  # (…其中产出指标得分48分，其中数量指标…: a list inside the list, or two lists: which is which?)
    return out if len(out) >= 2 else []


# a part of a score listed by its indicator's name without 得分 (产出指标46分, 数量指标18分, 预算执行9.5分), its own
# full mark in brackets after it at most; read only in the list a score opens (see _bare_parts_after)
_BARE_NAMES = sorted({lead + c + t for c in file_words("score_headers.toml", "levels.categories")
                      for t in file_words("score_headers.toml", "levels.category_tails")
                      for lead in file_words("score_headers.toml", "levels.category_leads")}
                     | set(file_words("score_headers.toml", "levels.execution")), key=len, reverse=True)
_BARE_PART = re.compile(rf"(?P<name>{'|'.join(map(re.escape, _BARE_NAMES))}|[^，,、；;：:。\d（()）]{{1,8}}指标)"
                        rf"(?:为|：|:)?\s*{NUM}\s*分(?![值类率])(?:\s*[（(][^（()）]{{0,12}}[)）])?")
_BARE_SEPARATOR = re.compile(r"\s*[，,、；;]?\s*(?:以及|及|和)?\s*")


def _bare_parts_after(text: str, items: list[_Listed], i: int) -> list[_Listed]:
    """The parts a list opener right after score `i` names without 得分 (自评得分91.5分，其中预算执行9.5分、产出指标
    46分、效益指标28分、满意度指标9分): indicators' names (a category, the execution item, or any name ending in 指标)
    each with its points, one right after another up to the end of the sentence, two at least; none where a weight
    word names one (满分, 分值: a full mark, no score) or a score with 得分 stands among them.
    """
    m = items[i].match
    opener = P.LIST_MARKER.match(text, m.end() + len(text[m.end():]) - len(text[m.end():].lstrip(" ，,。")))
    if opener is None:
        return []
    end = text.find("。", opener.end())
    end = len(text) if end < 0 else end
    if any(opener.end() <= x.match.start() < end for x in items):
        return []
    out: list[_Listed] = []
    pos = opener.end()
    while (part := _BARE_PART.match(text, pos)) is not None and part.end() <= end:
        if any(w in part.group("name") for w in file_words("score_headers.toml", "roles.weight")):
            return []
        out.append(_Listed(part, part.group("name"), True, None, part.start(), True))
        pos = _BARE_SEPARATOR.match(text, part.end()).end()  # type: ignore[union-attr]
    return out if len(out) >= 2 and not text[pos:end].strip(" ，,；;") else []


def _parts_before(text: str, items: list[_Listed], i: int) -> list[int]:
    """The parts listed right before item `i` in its sentence, or closing the sentence before when the item opens its
    own with no figure before it.
    """
    m = items[i].match
    start = start_of(text, m.start(), SENTENCE)
    if not any(ch.isdigit() for ch in text[start:m.start()]) and start > 0:
        start = start_of(text, start - 1, SENTENCE)
    out: list[int] = []
    for j in range(i - 1, -1, -1):
        if items[j].match.start() < start or not items[j].part:
            break
        out.insert(0, j)
    if out and P.LIST_MARKER.search(text, items[out[0]].match.end(), m.start()):
        return []
    return out


def _score_sum(unit: Unit, total: re.Match[str], mark: tuple[str, int] | None, parts: list[_Listed],
               closing: bool) -> list[Claim]:
    marks = [Decimal(p.mark[0]) for p in parts if p.mark]
    # (the whole's full mark stated before the parts: 本项目满分100分，…; a part's 满分10分 is its own)
    first = min(total.start(), parts[0].match.start())
    stated = WEIGHT_TOTAL.search(unit.text, start_of(unit.text, first, SENTENCE), parts[0].named)
    whole = Decimal(mark[0]) if mark is not None else Decimal(stated.group("num")) if stated else Decimal(100)
    exhaustive = closing or (len(marks) == len(parts) and sum(marks, Decimal(0)) == whole)
    start = start_of(unit.text, first, SENTENCE)
    end = max(total.end(), parts[-1][0].end())
    return [PartsSumClaim(total=_points(unit, total), parts=tuple(_points(unit, p.match) for p in parts),
                          exhaustive=exhaustive, quote=unit.raw[start:end].strip(),
                          location=unit.locate(total.start("num")), section=unit.section)]


# a project's own budget: 该项目预算110.4万元, 本项目资金预算申报739.76万元, …经费项目预算18.05万元
PROJECT_BUDGET = re.compile(r"(?:(?:该|本)项目[^，。；;\d]{0,8}?|项目)(?:年初)?预算(?:申报|数|资金|总额|金额)?"
                            r"(?:为|共|是|共计)?\s*(?P<num>\d+(?:\.\d+)?)\s*(?P<unit>万元|元)")
PROJECT_RATE = re.compile(r"(?P<name>资金到位率|预算执行率)(?:为|达到?|是)?\s*(?P<num>\d+(?:\.\d+)?)\s*[%％]")
# what a project spent: 本项目实际支出资金665.97万元
PROJECT_EXECUTED = re.compile(r"(?:该|本)项目[^，。；;\d]{0,6}?(?:实际支出|支出|执行)(?:资金|数|金额)?"
                              r"(?:为|共|是|共计)?\s*(?P<num>\d+(?:\.\d+)?)\s*(?P<unit>万元|元)")
Measure = Literal["budget", "executed", "funds_rate", "execution_rate", "indicator_count", "indicator_result"]
RATE_MEASURE: dict[str, Measure] = {"资金到位率": "funds_rate", "预算执行率": "execution_rate"}
# how many indicators the project's table has: 本项目共设置9个三级指标
INDICATOR_COUNT = re.compile(r"设置了?(?P<num>\d+)(?P<unit>个)(?:三级)?(?:绩效)?指标")
# a summary of a set of projects: 该类项目总数10个，涉及预算总金额253.44万元，1-12月预算执行总体进度为99.93%
PROJECT_SET = re.compile(r"(?:项目总数|实施了?)(?P<n>\d+)个[^，。；;]{0,8}?，涉及预算总金额"
                         r"(?P<amt>\d+(?:\.\d+)?)(?P<unit>万元|元)(?:，[^，。；;]{0,12}?执行总体进度为(?P<pct>\d+(?:\.\d+)?)[%％])?")


# the list a count of indicators announces, to the end of its sentence: 。具体如下：数量指标：审查次数≥50次，…。
TARGET_LIST = re.compile(rf"[。，,]?\s*{alt('indicators.list_leads')}[：:](?P<list>[^。\n]+)")
_CATEGORY = re.compile(r"^[^：:，；,;]{1,10}指标[：:]")  # 数量指标：… opens a category of the list
_COMPARISON = re.compile(r"[≥≤=＝<>＜＞]")
_TARGET_SEP = re.compile(r"[，；;]|,(?!\d{3})")  # (not the comma of 1,000)


def listed_targets(text: str) -> tuple[str, ...]:
    """The targets listed right after a count of indicators, by name; empty when what follows is not such a
    list throughout: every item (split at ，；, outside brackets) must name one target with one comparison
    (保洁河道长度≥12公里) or open with its category (效益指标：…), and have a name.
    """
    m = TARGET_LIST.match(text)
    if m is None:
        return ()
    items = [i.strip() for i in _split_outside_brackets(m.group("list")) if i.strip()]
    names = []
    for item in items:
        comparisons = len(_COMPARISON.findall(item))
        if comparisons > 1 or not (comparisons or _CATEGORY.match(item)):
            return ()  # two targets in one item, or words that are no target (the sentence went on)
        names.append(_COMPARISON.split(_CATEGORY.sub("", item), maxsplit=1)[0].strip())
    return tuple(names) if names and all(names) else ()


def _split_outside_brackets(text: str) -> list[str]:
    """`text` split at its separators, never inside brackets."""
    out, start = [], 0
    for m in _TARGET_SEP.finditer(text):
        if bracket_depth(text, 0, m.start()) == 0:
            out.append(text[start:m.start()])
            start = m.end()
    return [*out, text[start:]]


_PROJECT_PATTERNS: tuple[tuple[re.Pattern[str], Measure | None], ...] = (
    (PROJECT_BUDGET, "budget"), (PROJECT_EXECUTED, "executed"), (PROJECT_RATE, None),
    (INDICATOR_COUNT, "indicator_count"))


def project_claims(units: list[Unit], tables: Sequence[ScoreTable],
                   seen: Seen | None = None) -> list[Claim]:
    """A project's budget and rates as its narrative states them, bound to the project's score table."""
    seen = {} if seen is None else seen
    out: list[Claim] = []
    for unit in units:
        if unit.table is not None or ("预算" not in unit.text and "率" not in unit.text and "指标" not in unit.text):
            continue
        if _in_flat_table(unit, tables):
            continue
        for m in PROJECT_SET.finditer(unit.text):
            out.append(ProjectSetClaim(count=_group_figure(unit, m, "n", "个"),
                                       budget=_group_figure(unit, m, "amt", m.group("unit")),
                                       progress=_group_figure(unit, m, "pct", "%") if m.group("pct") else None,
                                       **_kwargs(unit.raw, m, unit.locate, unit.section)))
        for pattern, fixed in _PROJECT_PATTERNS:
            for m in pattern.finditer(unit.text):
                name = m.groupdict().get("name")
                measure = RATE_MEASURE[name] if name else fixed
                if measure is None:
                    continue
                clause = _clause(unit.text, m.start())
                table, how = _bind(clause, None, tables, units, unit.order, seen,
                                   earlier=unit.text[:m.start() - len(clause)])
                if table is None or table.department:
                    continue
                q = parse_number(m.group("num"), m.groupdict().get("unit") or "%")
                subject = name or {"indicator_count": "指标个数", "executed": "项目支出"}.get(measure, "项目预算")
                fig = Figure(value=q.digits(), unit=q.unit, text=unit.raw[m.start("num"):m.end()], subject=subject,
                             location=unit.locate(m.start("num")))
                listed = listed_targets(unit.text[m.end():]) if measure == "indicator_count" else ()
                out.append(ProjectFigureClaim(figure=fig, measure=measure, table=table.index, binding=how,
                                              listed=listed, **_kwargs(unit.raw, m, unit.locate, unit.section)))
    return out


# 基本支出675.02万元，占预算数695.42万元的97.07%，尚有20.40万元未实现支出
BUDGET_LINE = re.compile(r"(?P<exe>\d+(?:\.\d+)?)万元，占预算数?(?P<bud>\d+(?:\.\d+)?)万元的\d+(?:\.\d+)?[%％]"
                         r"(?:，尚有(?P<bal>\d+(?:\.\d+)?)万元未(?:实现)?支出)?")


# after an indicator's name: the result the narrative reports (完成相关会议调研次数50余次, 社会满意度90%以上)
RESULT_AFTER = re.compile(r"(?:达到?|为|完成|共|计|累计)?\s*(?P<num>\d+(?:\.\d+)?)\s*(?P<more>余)?\s*"
                          r"(?P<unit>[%％]|人次|次|个|人|场|件|户|份|项|处|套|台|部|天|家|篇|期)?(?P<above>以上)?")


def indicator_result_claims(units: list[Unit], tables: Sequence[ScoreTable],
                            seen: Seen | None = None) -> list[Claim]:
    """A project's indicator result as the narrative restates it, bound to the project's table."""
    rows = {(i.label, t.index) for t in tables if not t.department for i in t.indicators
            if len(i.label) >= 4 and i.actual_location is not None
            and not any(rate in i.label for rate in RATE_MEASURE)}  # rates are project_claims' own
    labels = sorted({label for label, _ in rows}, key=len, reverse=True)
    if not labels:
        return []
    pattern = re.compile("|".join(re.escape(label) for label in labels))
    seen = {} if seen is None else seen
    out: list[Claim] = []
    for unit in units:
        if unit.table is not None or _in_flat_table(unit, tables):
            continue
        for m in pattern.finditer(unit.text):
            r = RESULT_AFTER.match(unit.text, m.end())
            if r is None or not r.group("num") or not (r.group("unit") or r.group("more") or r.group("above")):
                continue
            clause = _clause(unit.text, m.start())
            table, how = _bind(clause, None, tables, units, unit.order, seen,
                               earlier=unit.text[:m.start() - len(clause)])
            if table is None or (m.group(0), table.index) not in rows:
                continue
            q = parse_number(r.group("num"), "%" if r.group("unit") in ("%", "％") else (r.group("unit") or ""))
            fig = Figure(value=q.digits(), unit=q.unit, text=unit.raw[r.start("num"):r.end()], subject=m.group(0),
                         location=unit.locate(r.start("num")))
            approx: Literal["", "more", "above"] = ("more" if r.group("more") else
                                                    "above" if r.group("above") else "")
            out.append(ProjectFigureClaim(figure=fig, measure="indicator_result", table=table.index, binding=how,
                                          row=m.group(0), approx=approx,
                                          **_kwargs(unit.raw, r, unit.locate, unit.section)))
    return out


def budget_line_claims(units: list[Unit]) -> list[Claim]:
    """Every “X万元，占预算数Y万元的Z%（，尚有W万元未实现支出）” with the words that name its line."""
    out: list[Claim] = []
    for unit in units:
        if unit.table is not None or "占预算" not in unit.text:
            continue
        for m in BUDGET_LINE.finditer(unit.text):
            i = start_of(unit.text, m.start(), CLAUSE)
            out.append(BudgetLineClaim(label=unit.text[i:m.start()], executed=_group_figure(unit, m, "exe", "万元"),
                                       budget=_group_figure(unit, m, "bud", "万元"),
                                       balance=_group_figure(unit, m, "bal", "万元") if m.group("bal") else None,
                                       **_kwargs(unit.raw, m, unit.locate, unit.section)))
    return out


def _in_flat_table(unit: Unit, tables: Sequence[ScoreTable]) -> bool:
    """A paragraph that is part of a table flattened into the text: the table's cells, not its narrative."""
    return any(t.extent is not None for t in tables) and any(t.holds(unit.locate(0)) for t in tables)


def _group_figure(unit: Unit, m: re.Match[str], group: str, unit_word: str) -> Figure:
    q = parse_number(m.group(group), unit_word)
    return Figure(value=q.digits(), unit=q.unit, text=unit.raw[m.start(group):m.end(group)] + unit_word,
                  subject=group, location=unit.locate(m.start(group)))


# what may open a category's name in its clause (其中投入指标…, 2024年度产出指标…)
_CLAUSE_LEAD = re.compile(r"^(?:其中[：:，,]?|\d{4}\s*年度?)+")
# the words SCORE reads before a score's name (自评得分, 综合得分): a score so named is a total
_TOTAL_PREFIXES = (*file_words("score_headers.toml", "narrative.score_by"),
                   *file_words("score_headers.toml", "narrative.score_scope"))
_CATEGORY_NAMES = tuple(lead + c + t for c in (*file_words("score_headers.toml", "levels.categories"),
                                                *file_words("score_headers.toml", "levels.execution"))
                        for t in file_words("score_headers.toml", "levels.category_tails")
                        for lead in file_words("score_headers.toml", "levels.category_leads"))
# what names the indicators beside 预算执行 as one block (绩效指标得分88分): a part of the table
_BLOCKS = file_words("score_headers.toml", "levels.blocks")
# a score's own full mark right after it (19分（满分20分）): below the 100 of a whole table, it is a part's
_OWN_FULL_MARK = re.compile(r"\D*?\d+(?:\.\d+)?\s*分\s*[（(]\s*满分\s*(?P<num>\d+(?:\.\d+)?)\s*分")


# before a score in its sentence: a score and then a list opener (得分97.5分，其中…), a list opener that opens the
# sentence (…得分97.1分。其中：…), a weight stated just before it (分值10分，得分…), or words naming one item
# (…，该项得分…): the score is a part's
_PART_OF_SCORE = re.compile(rf"(?:\d\s*分[^。；;]*?|^\s*){alt('lists.openers')}[^。；;]*$"
                            rf"|{_alt('roles.weight')}\s*\d+(?:\.\d+)?\s*分[，,]?\s*$"
                            rf"|(?:^|[，,：:])\s*{_alt('narrative.item')}\s*$")
# an indicator's result (a rate or a count) in the clause just before (预算执行率95.00%，得分…; 完成培训312人次，
# 得分…): a part's score where it fits in some row's weight (_fits_a_row)
_AFTER_RESULT = re.compile(rf"\d\s*(?:[%％]|{alt('units.count')}){alt('approximate.after')}?\s*[，,]\s*$")


def _of_the_whole(text: str, pos: int, year: str, tables: Sequence[ScoreTable] = ()) -> bool:
    """The score at `pos` may be the project's total of the report's year: not named right before it as a part of
    the table (产出指标得分…, 预算执行得分…, 投入类指标得分…, the indicators' block 绩效指标得分…: score_headers.toml
    levels) nor as an average of several (平均自评得分) or as another measurement's (满意度测评得分) or after a list
    opener, a weight or an indicator's result (其中…得分, 分值10分，得分…, 执行率95%，得分… where it fits in a row's
    weight, 该项得分…), not a part's weight in brackets after its score (48.5分（满分50分）), not the period before's
    (较上年自评得分…, 上年自评得分…) and not of an earlier year only.
    """
    own = text[start_of(text, pos, CLAUSE):pos].strip()
    if own.endswith(file_words("score_headers.toml", "levels.first") + file_words("score_headers.toml",
                                                                                   "levels.execution")) \
            or _WEIGHT_AFTER_SCORE.search(text, max(0, pos - 6), pos):
        return False
    full = _OWN_FULL_MARK.match(text, pos)
    if full is not None and Decimal(full.group("num")) < 100:
        return False
    bare = _CLAUSE_LEAD.sub("", own)
    if bare in _CATEGORY_NAMES or own.endswith(file_words("score_headers.toml", "roles.weight")):
        return False  # 投入类指标得分14分: a category's score; 各项指标分值合计100分: weights
    if own.endswith(_BLOCKS) and SCORE.match(text, pos) and not text.startswith(_TOTAL_PREFIXES, pos):
        return False  # 绩效指标得分88分, 各项绩效指标得分…: the block of indicators beside 预算执行, a part (not 各项
        # 指标满分110分: the table's full mark)
    if any(w in own for w in file_words("score_headers.toml", "levels.several")
           + file_words("score_headers.toml", "narrative.other_measures")):
        return False  # (平均自评得分…: several projects'; 满意度测评得分…: another measurement's)
    said = text[start_of(text, pos, SENTENCE):pos]
    if text.startswith(file_words("score_headers.toml", "narrative.sum_words"), pos) \
            and ("得分" not in said or any(w in said for w in file_words("score_headers.toml", "roles.weight"))):
        return False
    if not text.startswith(_TOTAL_PREFIXES, pos) and (_PART_OF_SCORE.search(said) or _AFTER_RESULT.search(said)
                                                       and _fits_a_row(text, pos, tables)):
        return False  # 自评得分97.5分，其中绩效指标得分88分 / 分值10分，得分9.5分: a part's score
    return _of_the_year(text, pos, year)


def _fits_a_row(text: str, pos: int, tables: Sequence[ScoreTable]) -> bool:
    """The score at `pos` is no more than some row's weight of the tables (without tables: may be): above every
    one (完成率100%，得分90.50分 beside rows of 10 to 50) it is no indicator's score.
    """
    score = SCORE.match(text, pos)
    weights = [w.figure.decimal for t in tables for w in t.weights]
    return not (score and weights) or Decimal(score.group("num")) <= max(weights)


def _of_the_year(text: str, pos: int, year: str) -> bool:
    """The score at `pos` is of the report's year: not the period before's (较上年自评得分…, 上年自评得分…) and not
    of an earlier year only.
    """
    own = text[start_of(text, pos, CLAUSE):pos].strip()
    if own.startswith(words("compare.periods")) or _COMPARED_WITH_BEFORE.search(own):
        return False
    years = [int(y) for y in P.YEAR_NUMBER.findall(normalize_digits(own))]
    return not (year and years and max(years) < int(year))


# a category named with its full mark in the clause before its score (产出指标满分60分，得分56分)
_NAMED_WITH_FULL_MARK = re.compile(r"(?P<name>[^，,；;。：:]+?)\s*"
                                   r"(?:满分\s*\d+(?:\.\d+)?\s*分|[（(]\s*\d+(?:\.\d+)?\s*分\s*[)）])\s*[，,]\s*$")


def _category_words(text: str, pos: int, tables: Sequence[ScoreTable]) -> str:
    """The words naming the score at `pos` where they end with a category some table has (产出指标（60分）得分…,
    产出指标满分60分，得分…: 产出指标), else ''.
    """
    start = start_of(text, pos, CLAUSE)
    own = WEIGHT_MARK.sub("", _CLAUSE_LEAD.sub("", text[start:pos].strip())).strip()
    if not own and (before := _NAMED_WITH_FULL_MARK.search(text, max(0, start - 30), start)) is not None:
        own = _CLAUSE_LEAD.sub("", before.group("name").strip())
    return own if own and any(_names_category(own, name) for t in tables for name in _category_names(t)) else ""


_CATEGORY_WORDS = file_words("score_headers.toml", "levels.categories")
_CATEGORY_TAILS = tuple(sorted(file_words("score_headers.toml", "levels.category_tails"), key=len, reverse=True))
_CATEGORY_LEADS = tuple(w for w in file_words("score_headers.toml", "levels.category_leads") if w)
_IDEOGRAPH = re.compile(r"[\u4e00-\u9fff]$")


def _names_category(own: str, name: str) -> bool:
    """The words `own` name the table's category `name`: they end with it, or, where it is one of the category
    words with a tail (score_headers.toml levels: 过程, 产出指标, 投入类), with that word and another tail (过程指标
    for 过程, 产出 for 产出指标), the word opening its clause, after a lead (部门) or after no ideograph (社会效益 is
    no 效益).
    """
    if not name:
        return False
    if own.endswith(name):
        return True
    word = next((name[len(lead):len(name) - len(tail)] for lead in ("", *_CATEGORY_LEADS) for tail in _CATEGORY_TAILS
                 if name.startswith(lead) and name.endswith(tail)
                 and name[len(lead):len(name) - len(tail)] in _CATEGORY_WORDS), None)
    if word is None:
        return False
    for tail in _CATEGORY_TAILS:
        if own.endswith(word + tail):
            before = own[:len(own) - len(word + tail)]
            return not before or before.endswith(_CATEGORY_LEADS) or not _IDEOGRAPH.search(before)
    return False


def _category_names(table: ScoreTable) -> list[str]:
    """Each category's name without its weight (预算管理（31分） → 预算管理), '' where it is too short to name one."""
    return [name if len(name := WEIGHT_MARK.sub("", c.label).strip()) >= 2 else "" for c in table.categories]


def _named_category(text: str, pos: int, table: ScoreTable, score: Decimal) -> str | None:
    """The name of the table's own category the score at `pos` is named as, where the score fits in that
    category's weight (甲项目预算管理得分28分 beside 预算管理（31分）; 产出指标（60分）得分56分; 产出指标满分60分，
    得分56分); a score above that weight is no such category's.
    """
    own = _category_words(text, pos, (table,))
    return next((name for c, name in zip(table.categories, _category_names(table), strict=True)
                 if own and _names_category(own, name) and (cap := _cap(c)) is not None and score <= cap), None)


def _cap(category: Category) -> Decimal | None:
    """The most a category may score: its weight, else (a label without one) the weights of all its rows."""
    if category.weight is not None:
        return category.weight.figure.decimal
    if not category.complete or not category.members:
        return None
    return sum((f.figure.decimal for f in category.members), Decimal(0))


def _after_formula(text: str, pos: int) -> bool:
    """A part's score is written as a formula before `pos` in its sentence (预算执行率得分=预算执行率×10，满分10分)."""
    said = text[start_of(text, pos, SENTENCE):pos].replace(" ", "")
    return any(w in said for w in file_words("score_headers.toml", "narrative.rule_formula"))


def _clause(text: str, pos: int) -> str:
    return text[start_of(text, pos, PART):pos]


def _figure(m: re.Match[str], raw: str, locate: object) -> Figure:
    q = parse_number(m.group("num"))
    return Figure(value=q.digits(), text=raw[m.start("num"):m.end()], subject="得分",
                  location=locate(m.start("num")))  # type: ignore[operator]


def _kwargs(raw: str, m: re.Match[str], locate: object, section: tuple[str, ...]) -> dict[str, Any]:
    start = start_of(raw, m.start(), SENTENCE)
    end = m.end()
    location: Location = locate(m.start())  # type: ignore[operator]
    return {"quote": raw[start:end].strip(), "location": location, "section": section}


@lru_cache(maxsize=1024)
def _forms(project: str) -> tuple[tuple[str, str, frozenset[str]], ...]:
    """(name key, its distinctive core, the core's 3-character pieces) for each form of a project's name."""
    out = []
    for key in name_keys(project):
        core = re.sub(r"(?:专项|工作)?(?:经费|项目)$", "", key)
        out.append((key, core, frozenset(core[i:i + 3] for i in range(len(core) - 2))))
    return tuple(out)


# what stands right before a project named only in passing, never the clause's subject: a comparison or a
# reference (参照乙项目设定, 与乙项目同批下达, 较乙项目高)
_IN_PASSING = re.compile(f"(?:{alt('compare.openers')}|{alt('compare.references')}"
                         f"|{_alt('narrative.funded')})[\\s“\"「《]*$")
# a score in the text: names before it were the subjects of that score, not of what follows
_SCORE_FIGURE = re.compile(rf"{NUM}\s*分")


def _in_passing(text: str, start: int) -> bool:
    """The name at `start` is said in passing: inside brackets, or right after a comparison or reference word."""
    return bracket_depth(text, 0, start) > 0 or _IN_PASSING.search(text, max(0, start - 8), start) is not None


def _named(text: str, tables: Sequence[ScoreTable]) -> ScoreTable | None:
    """The table whose project the text names as its subject (see `_naming`), None also where several compete."""
    return _naming(text, tables)[0]


def _naming(text: str, tables: Sequence[ScoreTable]) -> Naming:
    """The table whose project the text names as its subject: in full, or by most of its distinctive part (≥ 60%);
    a name in full beats any partial one. A name said in passing (`_in_passing`) or inside a longer name of another
    table (道路维护 in 城区道路维护) is no subject. Of the names after the last score that follows one of them (甲项目
    得分98分，乙项目得分…: 乙), exactly one project must be named, else several compete: (None, True).
    """
    full: list[tuple[int, int, ScoreTable]] = []
    grams: set[str] | None = None
    partial: tuple[int, ScoreTable] | None = None
    for table in tables:
        for key, core, pieces in _forms(table.name) if table.name else ():
            if key and key in text:
                full += [(m.start(), m.end(), table) for m in re.finditer(re.escape(key), text)]
                continue
            if len(core) < 5 or full:
                continue
            if grams is None:
                grams = {text[i:i + 3] for i in range(len(text) - 2)}
            if pieces.isdisjoint(grams):
                continue
            # the short name as the indexed sequence: the matcher indexes its second argument
            m = SequenceMatcher(None, text, core, autojunk=False).find_longest_match(0, len(text), 0, len(core))
            if m.size >= max(5, round(0.6 * len(core))) and not _in_passing(text, m.a) \
                    and (partial is None or m.size > partial[0]):
                partial = (m.size, table)
    if not full:
        return (partial[1] if partial else None), False
    said = [(start, end, table) for start, end, table in full
            if not _in_passing(text, start)
            and not any(s <= start and end <= e and (s, e) != (start, end) and t is not table for s, e, t in full)]
    if not said:
        return None, False
    last = max(start for start, _, _ in said)
    cut = max((m.end() for m in _SCORE_FIGURE.finditer(text, 0, last)), default=0)
    subjects = {id(table): table for start, _, table in said if start >= cut}
    return (next(iter(subjects.values())), False) if len(subjects) == 1 else (None, True)


def _department(tables: Sequence[ScoreTable]) -> ScoreTable | None:
    """The department's own table: the one table titled so, else the document's only table when nothing names it
    (neither title nor project: a 部门整体 report that prints its table bare).
    """
    dept = [t for t in tables if t.department]
    if not dept and len(tables) == 1 and not tables[0].title and not tables[0].project:
        return tables[0]
    return dept[0] if len(dept) == 1 else None


def _bind(clause: str, table_no: int | None, tables: Sequence[ScoreTable],
          units: list[Unit], order: int, seen: Seen,
          earlier: str = "") -> tuple[ScoreTable | None, str]:
    """The table a clause speaks of, and how it was found: named in the clause, the table holding it, else the
    nearest mention before it (`earlier`: its paragraph's text before the clause, then the paragraphs before).
    `seen` keeps, per unit, the table its text names (one dict per document and `tables`, shared by the
    binders: looking back reads the same paragraphs again and again).
    """
    last_part = re.split(r"[，,]", clause)[-1]
    if DEPARTMENT.search(last_part):
        # (部门整体支出绩效自评得分…: the department's table, or none; never a project's table named before it)
        department = _department(tables)
        return (department, "department") if department else (None, "")
    named, several = _naming(clause, tables)
    if named is not None:
        return named, "named"
    if several:
        return None, ""  # (甲项目和乙项目自评得分…: the clause names two projects)
    quoted = QUOTED_PROJECT.search(clause)
    # (本项目 after a sentence that opens with a project's name: that project's, where it has no table here)
    this = any(w in clause for w in file_words("score_headers.toml", "narrative.this_project"))
    if quoted and _named(quoted.group("name"), tables) is None or this and None in _opening_tables(clause, tables):
        return None, ""  # the sentence is about a project that has no table here
    if table_no is not None:
        owners = [t for t in tables if table_no in t.blocks]
        if len(owners) > 1:  # (one sheet or grid holding several projects' tables: the one the unit stands in)
            line = units[order].locate(0).line or 0
            owners = [t for t in owners if t.first_line <= line][-1:] or owners[:1]
        own = owners[0] if owners else None
        if own is not None:
            return own, "own table"
    else:  # a table flattened into the text holds the paragraph
        place = units[order].locate(0)
        own = next((t for t in tables if t.holds(place)), None)
        if own is not None:
            return own, "own table"
    if DEPARTMENT.search(clause) and _department(tables):
        return _department(tables), "department"
    in_paragraph, several = _naming(earlier, tables) if earlier else (None, False)  # 甲项目全年预算数…。本项目…
    if several or in_paragraph is not None and _names_another(earlier, in_paragraph, tables) \
            or this and any(t is not in_paragraph for t in _opening_tables(earlier, tables)):
        return None, ""  # (乙项目参照甲项目…。本项目自评得分…: two projects named, 本项目 not said which)
    before, how = _named_before(tables, units, order, seen, openings=this)
    if in_paragraph is None and before is None and not how and len(tables) == 1 and this:
        return tables[0], "only table"  # (a table, then 本项目自评得分…: nothing names another project)
    if in_paragraph is None or before is None or before is in_paragraph:
        return (in_paragraph, "nearest mention") if in_paragraph is not None else (before, how)
    return None, ""  # (二、河道保洁项目 / 本项目与乡村道路养护项目同为…: the heading and the paragraph disagree)


def _names_another(text: str, found: ScoreTable, tables: Sequence[ScoreTable]) -> bool:
    """`text` names, in full, the project of another table than `found` (or of a second table of that name)."""
    return any(t is not found and t.name and any(key and key in text for key, _, _ in _forms(t.name)) for t in tables)


def _named_before(tables: Sequence[ScoreTable], units: list[Unit], order: int,
                  seen: Seen, openings: bool = False) -> tuple[ScoreTable | None, str]:
    """The table the nearest paragraph before unit `order` names (its text, a department, a project's title); with
    `openings`, a paragraph with a sentence that opens with another project (`_opening_tables`) ends the search
    unbound.
    """
    for i in range(order - 1, max(0, order - LOOKBACK) - 1, -1):
        unit = units[i]
        if unit.table is not None:
            continue
        text = unit.text
        if i not in seen:
            seen[i] = _naming(text, tables)
        found, several = seen[i]
        title = _project_title(units, i)
        opening = _opening_tables(text, tables) if openings and not title and not _in_flat_table(unit, tables) else []
        if found is not None and all(t is found for t in opening):
            return found, "nearest mention"
        if several or found is not None or None in opening:
            return None, "another project"  # (居家适老化改造项目为…: a project with no table here, or two)
        if DEPARTMENT.search(text) and _department(tables):
            return _department(tables), "nearest mention"
        if title:  # a report's title: it names the project, or one with no table
            titled = _resembling(title, tables)
            return (titled, "title") if titled is not None else (None, "another title")
    return None, ""


def bind_clause(text: str, unit: Unit, tables: Sequence[ScoreTable], units: list[Unit],
                seen: Seen) -> tuple[int | None, str]:
    """The index of the score table a clause of `unit` speaks of, and how it was found (for LLM claims)."""
    table, how = _bind(text, unit.table, tables, units, unit.order, seen)
    return (table.index if table else None), how


_TITLE_END = re.compile(r"(?:经费|项目|资金)$")
_REPORT = re.compile(_alt("titles.reports"))
_NAME_SUFFIX = re.compile(r"(?:专项)?(?:工作)?(?:经费|项目|资金)$")
# what may open a title or a clause before the project it names: a heading's number (see without_marker), a year,
# a lead word (关于…项目的绩效评价报告)
_NAME_LEAD = re.compile(rf"^(?:{_alt('titles.leads')}|\d{{4}}\s*年度?|[“\"「《])+")
_QUOTES = re.compile(r"[“”\"「」《》]")
_SENTENCE_STOPS = re.compile(rf"[{re.escape(SENTENCE)}]")
_CLAUSE_STOP = re.compile(rf"[{re.escape(CLAUSE)}]")


def _project_title(units: list[Unit], i: int) -> str:
    """The project a line names as a title, else '': a short line without figures that ends in 经费/项目/资金 or
    that a report title follows (the line itself); a report's title (居家养老服务项目绩效自评报告, 关于…项目的
    绩效评价报告: the project before it, as `_opening_project` reads it).
    """
    text = units[i].text.strip()
    report = _REPORT.search(text)
    if report is not None and report.end() == len(text) <= MAX_TITLE:
        return _opening_project(text[:report.start()])
    if len(text) > 30 or any(ch.isdigit() for ch in text[4:]):
        return ""
    following = units[i + 1].text if i + 1 < len(units) else ""
    return text if _TITLE_END.search(text) or _REPORT.search(following) else ""


def _opening_project(sentence: str) -> str:
    """The project a sentence opens with (居家养老服务项目为…): its first words up to 项目, after a heading's number,
    a year or a lead word, in its first clause, without figures, quotes or a pointer (本单位围绕项目…, 通过实施该
    项目: score_headers.toml titles.pointers), where they name a project (`project_named`); else ''.
    """
    bare = _NAME_LEAD.sub("", without_marker(sentence.strip()))
    end = bare.find("项目")
    words = bare[:end]
    if end < 0 or _CLAUSE_STOP.search(words) or any(ch.isdigit() for ch in words) \
            or any(w in words for w in file_words("score_headers.toml", "titles.pointers")):
        return ""
    return project_named(_QUOTES.sub("", words + "项目"))


@lru_cache(maxsize=4096)
def _opening_projects(text: str) -> tuple[str, ...]:
    """The projects the sentences of `text` open with (`_opening_project`)."""
    return tuple(name for sentence in _SENTENCE_STOPS.split(text) if (name := _opening_project(sentence)))


def _opening_tables(text: str, tables: Sequence[ScoreTable]) -> list[ScoreTable | None]:
    """For each project a sentence of `text` opens with (`_opening_project`), the table it names or resembles (see
    `_resembling`), None where no table does (a project with no table here); nothing where a table has no name
    (the project may be that table's).
    """
    if not all(t.name for t in tables):
        return []
    return [_named(name, tables) or _resembling(name, tables) for name in _opening_projects(text)]


def _bigrams(text: str) -> set[str]:
    return {text[i:i + 2] for i in range(len(text) - 1)}


def _resembling(title: str, tables: Sequence[ScoreTable]) -> ScoreTable | None:
    """The table whose project name a title resembles (Dice of character pairs ≥ 0.6, without the common
    经费/项目 ending and the year), when exactly one does.
    """
    core = _bigrams(_NAME_SUFFIX.sub("", re.sub(r"^\d{4}年度?", "", title.strip())))
    scored = []
    for table in tables:
        if not table.name:
            continue
        other = _bigrams(_NAME_SUFFIX.sub("", re.sub(r"^\d{4}年度?", "", table.name)))
        if core and other:
            scored.append((2 * len(core & other) / (len(core) + len(other)), table))
    good = [t for score, t in scored if score >= 0.6]
    return good[0] if len(good) == 1 else None
