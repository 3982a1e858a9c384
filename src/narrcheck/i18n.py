"""Messages in Chinese (default) and English. Checks pass a key and values; nothing else formats text."""

from __future__ import annotations

import re
from functools import cache

MESSAGES: dict[str, dict[str, str]] = {
    "ok": {"zh": "核对无误：{what}为{claimed}，按文中数字计算为{expected}。",
           "en": "Checks out: {what} is {claimed}; the document's own figures give {expected}."},
    "truncation": {"zh": "{what}写作{claimed}，按四舍五入应为{expected}（文中为截断而非舍入）。",
                   "en": "{what} is {claimed}; rounded it would be {expected} (the document truncates)."},
    "mismatch": {"zh": "{what}写作{claimed}，按文中数字计算应为{expected}。",
                 "en": "{what} is stated as {claimed}, but the document's own figures give {expected}."},
    "unit_error": {"zh": "{what}写作{claimed}{unit}，数值与计算结果{expected}{expected_unit}一致，"
                         "单位应为{expected_unit}。",
                   "en": "{what} is {claimed} {unit}; the digits match {expected} {expected_unit}: "
                         "the unit should be {expected_unit}."},
    "mismatch-flat": {"zh": "{what}写作“持平”（变动为0），按文中数字计算各项变动合计为{expected}。",
                      "en": "{what} is said to be unchanged (0), but the changes of its parts add up to {expected}."},
    "mismatch-balanced": {"zh": "文中称收支平衡（收支相抵为0），按文中数字计算收支相抵为{expected}。",
                          "en": "The text says revenue and spending balance (their difference is 0), but the "
                                "document's own figures give a difference of {expected}."},
    "ok-accounts": {"zh": "核对无误：{what}为{claimed}，附表中为{expected}。",
                    "en": "Checks out: {what} is {claimed}; the official table has {expected}."},
    "mismatch-accounts": {"zh": "{what}写作{claimed}，附表中为{expected}。",
                          "en": "{what} is stated as {claimed}, but the official table has {expected}."},
    "contradiction": {"zh": "{what}：{detail}",
                      "en": "{what}: {detail}"},
    "unit-misfit": {"zh": "{what}：{detail}。", "en": "{what}: {detail}."},
    "ok-words": {"zh": "核对无误：{what}，{detail}。", "en": "Checks out: {what}: {detail}."},
    "stated-elsewhere": {"zh": "{what}：{detail}。", "en": "{what}: {detail}."},
    "unverifiable": {"zh": "{what}无法核对：{detail}",
                     "en": "{what} cannot be checked: {detail}"},
}

WHAT: dict[str, dict[str, str]] = {
    "change-rate": {"zh": "变动率", "en": "the rate of change"},
    "change-delta": {"zh": "变动额", "en": "the change amount"},
    "change-points": {"zh": "变动的百分点数", "en": "the change in percentage points"},
    "change-direction": {"zh": "增减方向", "en": "the direction of the change"},
    "share": {"zh": "占比", "en": "the share"},
    "shares-sum": {"zh": "各项占比之和", "en": "the sum of the shares"},
    "parts-sum": {"zh": "合计数", "en": "the total"},
    "ratio": {"zh": "比率", "en": "the ratio"},
    "per-vehicle": {"zh": "平均每辆车的运行费用", "en": "the running cost per vehicle"},
    "count-sum": {"zh": "合计数量", "en": "the total count"},
    "score-total": {"zh": "自评表合计得分", "en": "the score table's total"},
    "score-claim": {"zh": "文中自评得分", "en": "the score in the text"},
    "listed-scores": {"zh": "文中得分（其所列各项得分之和）",
                      "en": "the score in the text (the sum of its listed parts)"},
    "deductions": {"zh": "扣分合计", "en": "the points taken off in all"},
    "full-mark": {"zh": "满分（得分与扣分之和）", "en": "the full mark (the score plus the points taken off)"},
    "score-after-deductions": {"zh": "扣分后得分（满分100分减去扣分）",
                               "en": "the score after deductions (100 less the points taken off)"},
    "weight-sum": {"zh": "权重（分值）合计", "en": "the sum of the weights"},
    "score-over-weight": {"zh": "指标得分", "en": "the row score"},
    "execution-rate": {"zh": "预算执行率及其得分", "en": "the execution rate or its score"},
    "execution-ratio": {"zh": "预算执行率", "en": "the budget execution rate"},
    "execution-score": {"zh": "预算执行率得分", "en": "the score for budget execution"},
    "budget-table": {"zh": "预算执行表数字", "en": "the budget table figure"},
    "target-vs-score": {"zh": "指标完成情况与得分", "en": "the target and its score"},
    "grade": {"zh": "评价等级", "en": "the grade"},
    "spreadsheet-error": {"zh": "表格单元格", "en": "the table cell"},
    "restatement": {"zh": "同一数字", "en": "the restated figure"},
    "unit": {"zh": "度量单位", "en": "the unit"},
    "self-contradiction": {"zh": "文字与数字", "en": "the text's words and its figures"},
    "reason-direction": {"zh": "变动原因与变动方向", "en": "the reason given for the change"},
    "text-vs-table": {"zh": "文中与表中数字", "en": "the figure in the text and in the table"},
    "wrong-figure": {"zh": "文中数字", "en": "the stated figure"},
}

DETAILS: dict[str, dict[str, str]] = {
    "missing-operand": {"zh": "文中未给出计算所需的{operand}", "en": "the document does not state the {operand}"},
    "at-most-formula": {"zh": "（未列出的组成部分本年为0，只能使合计更小）",
                        "en": " (the components left out stand at 0 this year: they can only lower the total)"},
    "at-most-holds": {"zh": "未列出的组成部分本年为0，合计变动不大于所列之和，但无法确定其值",
                      "en": "the components left out stand at 0 this year; the change is within the listed sum, "
                            "but its value cannot be decided"},
    "bound-elsewhere": {"zh": "（取自他处的数：{operands}）", "en": " (figures taken from elsewhere: {operands})"},
    "bound-at": {"zh": "第{line}行“{quote}”", "en": "line {line} “{quote}”"},
    "line-ref": {"zh": "第{line}行", "en": "line {line}"},
    "internal-error": {"zh": "{rule}处理此处时出错（{error}），这是narrcheck的缺陷，请报告",
                       "en": "{rule} failed here ({error}); this is a narrcheck bug, please report it"},
    "ambiguous-operand": {"zh": "文中所称的{operand}有多个可能的数值，按任一数值均不成立，无法确定：{candidates}",
                          "en": "the {operand} named has several values in the document and none makes the "
                                "claim hold, so it cannot be decided: {candidates}"},
    "zero-base": {"zh": "上年数为0，增长率无定义", "en": "the base is 0, so the rate is undefined"},
    "zero-base-100": {"zh": "上年数为0，按惯例记为增长100%", "en": "growth from 0 is conventionally written 100%"},
    "partial-list": {"zh": "所列各项之和明显小于合计，可能并未列全", "en": "the listed parts fall well short of the "
                     "total; the list may be partial"},
    "distinct-over": {"zh": "（所列各项互不包含，占比之和不能超过100%）",
                      "en": " (the items listed are distinct, so their shares cannot add to more than 100%)"},
    "not-exhaustive": {"zh": "所列各项金额之和与总额不符，占比之和不必为100%",
                       "en": "the listed amounts do not add up to the whole, so the shares need not sum to 100%"},
    "words-disagree": {"zh": "变动额用“{w1}”而变动率用“{w2}”，方向相反",
                       "en": "the amount says '{w1}' while the rate says '{w2}'"},
    "direction-wrong": {"zh": "文中写“{word}”，但本年数{current}与比较数{prior}相比为{actual}",
                        "en": "the text says '{word}', but {current} against {prior} is {actual}"},
    "direction-ok": {"zh": "“{word}”与数字一致", "en": "'{word}' agrees with the figures"},
    "up": {"zh": "增加", "en": "an increase"},
    "down": {"zh": "减少", "en": "a decrease"},
    "flat": {"zh": "持平", "en": "no change"},
    "above": {"zh": "大于", "en": "above"},
    "below": {"zh": "小于", "en": "below"},
    "base": {"zh": "比较基数", "en": "base figure"},
    "blank-score": {"zh": "有指标得分为空，无法验算合计", "en": "a row score is blank, so the total cannot be redone"},
    "over-weight": {"zh": "得分{score}超过该指标权重{weight}", "en": "the score {score} exceeds the weight {weight}"},
    "missed-full": {"zh": "“{row}”目标{op}{target}，完成值{actual}未达标，却得满分{score}（权重{weight}）",
                    "en": "'{row}' targets {op}{target} but reached {actual}, yet keeps the full {score} "
                          "(weight {weight})"},
    "met-lost": {"zh": "“{row}”目标{op}{target}，完成值{actual}已达标，却只得{score}分（权重{weight}）",
                 "en": "'{row}' targets {op}{target} and reached {actual}, yet scores {score} of {weight}"},
    "full-score-missed": {"zh": "文中称满分，但{table}的“{row}”目标{op}{target}，完成值仅{actual}",
                          "en": "a full score is claimed, but in {table} '{row}' targets {op}{target} and "
                                "reached only {actual}"},
    "own-execution-rule": {"zh": "文件规定了自己的预算执行得分规则（如按执行率分档计分），未按比例规则核对",
                           "en": "the document states its own rule for the execution score (tiers over the rate); "
                                 "the proportional rule is not applied"},
    "no-table": {"zh": "找不到该得分所指的自评表", "en": "no score table of this project was found"},
    "no-scores": {"zh": "{table}没有得分栏", "en": "{table} has no score column"},
    "indicators-only": {"zh": "{table}只含绩效指标（合计分值{weight}分，无预算执行得分），其合计不是项目总分",
                        "en": "{table} holds the performance indicators alone (weights total {weight}, no budget "
                              "execution score): its total is not the project's score"},
    "rows-unread": {"zh": "{table}未能读出每一行的分值和得分（所读各行分值之和不是满分），不能以各行得分之和核对",
                    "en": "not every row of {table} was read (the weights read do not add up to the full mark): its "
                          "scores cannot be summed"},
    "grade": {"zh": "得分{score}对应等级“{expected}”，文中为“{grade}”",
              "en": "a score of {score} falls in band '{expected}', the text says '{grade}'"},
    "grade-assumed": {"zh": "按常用等级标准（优≥90、良≥80、中≥60）得分{score}应为“{expected}”，文中为“{grade}”；"
                            "文件未说明其等级标准", "en": "under the usual bands a score of {score} is '{expected}', "
                            "the text says '{grade}'; the document states no bands"},
    "grade-below": {"zh": "得分{score}低于文件所列最低一档（{low}分），文件未说明其下各档，文中为“{grade}”",
                    "en": "a score of {score} is below the lowest band the document states ({low}), and the bands "
                          "below it are not stated; the text says '{grade}'"},
    "grade-gap": {"zh": "得分{score}介于文件所列两档之间（高于{low}分、低于{high}分），不属于任何一档，文中为“{grade}”",
                  "en": "a score of {score} falls between two of the document's bands (above {low}, below {high}), "
                        "in neither; the text says '{grade}'"},
    "bad-cell": {"zh": "{table}“{row}”单元格为电子表格错误值{text}", "en": "cell '{row}' of {table} holds the "
                 "spreadsheet error {text}"},
    "restated": {"zh": "此处写作{claimed}，文中其他处为{places}", "en": "{claimed} here, but {places} "
                 "elsewhere"},
    "unit-percent": {"zh": "完成值为{actual}，是百分比，度量单位却是{unit}", "en": "the result {actual} is a "
                     "percentage, yet the unit is {unit}"},
    "unit-count": {"zh": "“{row}”计的是人数、次数或比率，度量单位却是金额单位{unit}", "en": "'{row}' counts or "
                   "rates, yet its unit is the money unit {unit}"},
    "budget-differs": {"zh": "文中项目预算为{claimed}，自评表中的预算为{budgets}", "en": "the narrative says the "
                       "budget is {claimed}, the table has {budgets}"},
    "budget-is-executed": {"zh": "文中项目预算为{claimed}，而自评表中的预算为{budgets}，{claimed}是执行数",
                           "en": "the narrative's budget {claimed} is the table's 执行数; its budgets are "
                                 "{budgets}"},
    "rate-differs": {"zh": "自评表“{row}”完成值为{table}，文中为{text}", "en": "the table's '{row}' is {table}, "
                     "the narrative says {text}"},
    "project-budgets": {"zh": "{n}个项目自评表调整后预算数合计", "en": "the sum of the {n} project tables' budgets"},
    "project-progress": {"zh": "{n}个项目执行数合计/预算数合计", "en": "the {n} projects' execution over budget"},
    "denied-but-stated": {"zh": "文中称无{term}，但另处写有{places}", "en": "the text says there is no {term}, "
                          "yet states {places}"},
    "reason-against": {"zh": "所述原因为“{words}”，而该项数字为{change}", "en": "the reason says '{words}', "
                       "but the figures show {change}"},
    "result-differs": {"zh": "文中写“{row}”{text}，自评表完成值为{actual}", "en": "the narrative gives '{row}' as "
                       "{text}, the table's result is {actual}"},
    "result-agrees": {"zh": "“{row}”与自评表完成值{actual}一致", "en": "'{row}' agrees with the table's result "
                      "{actual}"},
    "project-class": {"zh": "其余{n}个项目预算之和；仅{others}的预算合计为{total}", "en": "the other {n} projects' "
                      "budgets; only {others} add up to {total}"},
    "project-class-progress": {"zh": "其余{n}个项目支出之和/预算之和", "en": "the other {n} projects' spending over "
                               "their budgets"},
    "prior-restated": {"zh": "与本年{current}相比的比较数此处写作{claimed}，同一本年数的其他比较为{places}",
                       "en": "the figure {current} is compared with {claimed} here but with {places} elsewhere"},
    "compared-with": {"zh": "比较数", "en": "the compared figure"},
    "two-names": {"zh": "{figure}在第{first_lines}行称为“{first}”，在第{second_lines}行称为“{second}”，"
                        "同一笔数不能两者皆是",
                  "en": "{figure} is called '{first}' on line {first_lines} and '{second}' on line {second_lines}; "
                        "one figure cannot be both"},
    "flat-but-changed": {"zh": "文中称{whole}“{word}”，但其各组成部分的变动合计为上年数的{rate}%",
                         "en": "the text calls {whole} '{word}', yet its components changed by {rate}% of the "
                               "prior figure"},
    "driver-against": {"zh": "原因称“{item}”{said}，但文中该项数字为{change}", "en": "the reason says {item} "
                       "went {said}, but the document's figures for it show {change}"},
    "driver-ok": {"zh": "原因所称“{item}”的变动与其数字一致（{change}）", "en": "{item} moved as the reason says "
                  "({change})"},
    "whole": {"zh": "总数", "en": "whole"},
    "part": {"zh": "分项数", "en": "part"},
    "numerator": {"zh": "分子（执行数/决算数）", "en": "numerator (actual)"},
    "denominator": {"zh": "分母（预算数）", "en": "denominator (budget)"},
}


def message(key: str, lang: str, **values: str) -> str:
    """Render message `key` in `lang` ('zh' or 'en')."""
    template = MESSAGES[key].get(lang) or MESSAGES[key]["zh"]
    text = template.format(**values)
    return text[:1].upper() + text[1:] if lang == "en" else text  # (a sentence: "The share is stated as …")


def what(name: str, lang: str, about: str = "") -> str:
    """What a rule checks, optionally of which thing: 自评表合计得分（免费开放经费）."""
    text = WHAT.get(name, {}).get(lang, name)
    if not about:
        return text
    return f"{text}（{about}）" if lang == "zh" else f"{text} ({about})"


def places(lang: str, figures: list[tuple[str, int | None]]) -> str:
    """Printed figures with the lines they stand on: 1401（第3行）、1400（第9行） / 1401 (line 3), 1400 (line 9)."""
    refs = [detail("line-ref", lang, line=str(line)) for _, line in figures]
    if lang == "zh":
        return "、".join(f"{text}（{ref}）" for (text, _), ref in zip(figures, refs, strict=True))
    return ", ".join(f"{text} ({ref})" for (text, _), ref in zip(figures, refs, strict=True))


def lines_named(message: str, lang: str) -> set[str]:
    """The line numbers a message names in the words of "line-ref" (第3行 / line 3)."""
    return set(_line_ref(lang).findall(message))


@cache
def _line_ref(lang: str) -> re.Pattern[str]:
    template = DETAILS["line-ref"].get(lang) or DETAILS["line-ref"]["zh"]
    return re.compile(re.escape(template).replace(re.escape("{line}"), r"(\d+)") + r"(?!\d)")


def detail(key: str, lang: str, **values: str) -> str:
    entry = DETAILS[key]
    return (entry.get(lang) or entry["zh"]).format(**values)
