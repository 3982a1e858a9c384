"""The regular expressions of extraction, built from small named parts (statcheck's way).

Every word comes from the lexicon (data/lexicon.toml): the parts here only say how words and figures combine.
The compiled patterns at the bottom are the only things the extractor uses; what stays written here is grammar (的, 了,
为, 各, digits, dates, brackets), not vocabulary. Patterns run over normalized text
(numbers.normalize: ASCII punctuation read as Chinese, spaces inside figures gone), but accept both forms of
punctuation so a text that skipped normalization still reads.
"""

from __future__ import annotations

import re

from narrcheck.lexicon import alt, entry, words
from narrcheck.limits import MAX_SIGNIFICANT_DIGITS

# --- numbers and units -------------------------------------------------------------------------------
# 1,025.24 / 1025.24 / 100; never a piece of a longer run, and no run of more than MAX_SIGNIFICANT_DIGITS
# characters of digits, commas and points (a figure has at most that many significant digits; a longer run is an
# ID or noise, and a figure near the limit printed with separators is refused with it)
NUM = rf"(?<![\d.])(?![\d,.]{{{MAX_SIGNIFICANT_DIGITS + 1}}})(?:\d{{1,3}}(?:,\d{{3}})+|\d+)(?:\.\d+)?"
SIGNED = rf"-?{NUM}"
_SHORT_FOLLOWERS = "".join(re.escape(w) for w in words("units.money_short_followers") if len(w) == 1)
# 万元 … and a bare 万/亿 that is money by what follows it (never 万人, 万亩)
MONEY_UNIT = rf"(?:{alt('units.money')}|{alt('units.money_short')}(?=[{_SHORT_FOLLOWERS}]|$))"
SHORT_MONEY: dict[str, str] = dict(entry("units.money_short"))
COUNT_UNIT = rf"{alt('units.count')}(?!{alt('units.count_not_before')})"
AMOUNT = rf"{NUM}\s*{MONEY_UNIT}"
PCT = rf"{SIGNED}\s*%"
# a year by its digits (2024年, 2024 年度): group 1 is the year
YEAR_NUMBER = re.compile(rf"(\d{{4}})\s*{alt('dates.year')}{alt('dates.year_suffix')}?")

# --- words ---------------------------------------------------------------------------------------------
DIRECTION = alt("direction.up", "direction.down")
RATE_WORD = (rf"(?:{alt('direction.rate_up', 'direction.rate_down', 'direction.up', 'direction.down')}"
             rf"|[（(]{DIRECTION}[)）]幅)")  # （减）幅23%: the word set apart in brackets
FLAT = alt("direction.flat")
FLAT_WORD = re.compile(FLAT)
# whether a direction word is there (only ever searched for): one flat alternation, which the engine scans for
# by its first characters (two alternations side by side are tried at every position, many times slower)
DIRECTION_WORD = re.compile(alt("direction.up", "direction.down", "direction.rate_up", "direction.rate_down",
                                "direction.flat"))
PERIOD = (rf"(?:{alt('compare.periods')}|\d{{4}}\s*年度?(?:同期)?|\d{{1,2}}\s*月份?|{alt('progress.named_spans')}"
          rf"|{alt('compare.subject_bases')})")
BASIS = rf"(?:{PERIOD}的?{alt('compare.bases')}?|{alt('compare.bases')})"
# 较上年 / 比2018年 / 与上年决算数相比 / 较年初预算数 / 同比: what a change is measured against
ANCHOR = (rf"(?:{alt('compare.standalone')}|{alt('compare.openers')}{BASIS}"
          rf"(?:{alt('compare.closers')})?)")
ANCHOR_ONLY = re.compile(ANCHOR)
COMPARE_OPENER = re.compile(alt("compare.openers", "compare.standalone"))  # where a comparison opens (比, 较, 同比)
ANCHOR_AT_END = re.compile(rf"(?:{ANCHOR})$")  # 公务接待费较上年: a name, then what it is compared with
SUBJECT = r"[^，,。；;：:\d%]{0,30}?"
# a subject that does not swallow the direction word that follows it
PRIOR_SUBJECT = rf"(?:(?!{DIRECTION})[^，,。；;：:\d%]){{0,30}}?"
SEP = r"\s*[，,]?\s*"
LINK = r"(?:为|了|达|是)?"
# 与上年持平 / 和去年持平: a change said to be none (the word is weighed only where it is exact: 基本持平 allows one)
FLAT_AGAINST = rf"(?:{alt('compare.flat_openers')}{PERIOD}(?:{alt('compare.bases')})?)?(?P<flat>{FLAT})"
# the rate after a change: "，增长54.85%" / "、下降4.65%" / "(42.86%)" / "（下降3.2%）", or its words "，与上年持平"
RATE_TAIL = (rf"(?:\s*[，,；;、]?\s*{alt('compare.standalone')}?(?P<dir2>{RATE_WORD}){LINK}(?P<rate>{PCT})"
             rf"|\s*[（(](?:(?P<dir2p>{RATE_WORD}){LINK})?(?P<ratep>{PCT})[)）]"
             rf"|\s*[，,；;]\s*{FLAT_AGAINST})")
# the amount of a change, its sign saying the way where a template prints one (比上年增加-3.20万元: a fall)
DELTA = rf"-?{AMOUNT}"
# a repeated "，下降0.05万元" between the delta and the rate
DELTA_ECHO = rf"(?:[，,]\s*{DIRECTION}{AMOUNT})?"

# a change's amount whose direction word was lost (较2022年决算数96.40万元12.80万元，增长13.28%): read only right
# after the prior's amount and before a worded rate (the conditional after the delta), whose word gives the way
DELTA_UNWORDED = r"(?(dir1)|(?<=元))"

# --- claim patterns ------------------------------------------------------------------------------------
# 比2018年1573.66万元，减少395.38万元，下降25.12%  /  比上年的304276万元下降1.73%  /  与上年末540.08亿元相比，
# 债务余额增加47.85亿元 (the figure that changed named after the frame)
CHANGE_WITH_PRIOR = re.compile(
    rf"{alt('compare.openers')}(?P<basis>{BASIS})?(?P<prior_subject>{PRIOR_SUBJECT})(?:为)?的?"
    rf"(?P<prior>{AMOUNT})[)）]?(?:[，,]?{alt('compare.closers')}(?:{SEP}(?P<named>{PRIOR_SUBJECT}))?)?{SEP}"
    rf"(?:[（(]?(?P<dir1>{DIRECTION})?[)）]?了?{DELTA_UNWORDED}(?P<delta>{DELTA}){DELTA_ECHO}(?:{RATE_TAIL})?"
    rf"(?(dir1)|(?(dir2)|(?(dir2p)|(?!))))|(?P<dir2b>{RATE_WORD}){LINK}(?P<rateb>{PCT})|(?P<flatp>{FLAT}))"
)
# 本年收入702.40万元，上年为655.90万元，增长率为7.09%: the prior level stated in a clause of its own (opening with
# the period), then the rate alone; the current level is the figure before it that the rule binds by name
# (or in brackets after the current level: 支出总计3412.08万元（上年：3120.55万元），增长9.34%)
PRIOR_LEVEL = (rf"(?<=[，,；;（(])\s*(?P<basis>{alt('compare.periods')}|\d{{4}}\s*年度?(?=为|是|[：:]))"
               rf"(?![度的]?{alt('compare.carried')})"  # (上年度结转和结余…: money carried over, no prior level)
               rf"(?P<prior_subject>{PRIOR_SUBJECT})(?:为|是|[：:])?的?(?P<prior>{AMOUNT})\s*[)）]?{SEP}")
# (a comparison named again after it may only be with a period: 比年初预算增加… is another change)
PERIOD_ANCHOR = rf"(?:{alt('compare.standalone')}|{alt('compare.openers')}{PERIOD}(?:{alt('compare.closers')})?)"
CHANGE_PRIOR_LEVEL = re.compile(
    rf"{PRIOR_LEVEL}(?:(?:{PERIOD_ANCHOR})?(?P<dir2b>{RATE_WORD}){LINK}(?P<rateb>{PCT})|{FLAT_AGAINST})"
)
# …，上年度为702.10万元，增加54.20万元，增长7.72%: the same with the amount of the change (and its rate)
CHANGE_PRIOR_LEVEL_DELTA = re.compile(
    rf"{PRIOR_LEVEL}(?:{PERIOD_ANCHOR})?[（(]?(?P<dir1>{DIRECTION})[)）]?了?(?P<delta>{DELTA}){DELTA_ECHO}"
    rf"(?:{RATE_TAIL})?"
)
# 由上年的17916.00元增加到21360.17元，增长19.22%: prior and current both stated
CHANGE_FROM_TO = re.compile(
    rf"{alt('compare.from')}(?P<basis>{BASIS})?的?(?P<prior>{AMOUNT})[（(]?(?P<dir1>{DIRECTION})[)）]?"
    rf"{alt('compare.to')}(?P<current>{AMOUNT})"
    rf"(?:{RATE_TAIL})?"
)
# 比上年增长7.83%（上年1198.40万元）/ 增长11.4%（上年事业收入3,020.00万元，本年…）: the prior in brackets after the rate
CHANGE_RATE_BRACKET_PRIOR = re.compile(
    rf"(?P<anchor>{ANCHOR})?(?P<dir2>{RATE_WORD}){LINK}(?P<rate>{PCT})\s*[（(](?P<basis>{alt('compare.periods')})"
    rf"(?P<prior_subject>{PRIOR_SUBJECT})(?:为|是)?的?(?P<prior>{AMOUNT})(?=\s*[)），,；;])"
)
# 2021年…1198.40万元，2022年…1286.19万元，增长7.83%: a rate alone right after an amount (the levels it is of are the
# sentence's two figures of consecutive years)
CHANGE_RATE_ALONE = re.compile(
    rf"(?<=元)\s*[，,]\s*(?P<anchor>{ANCHOR})?(?P<dir2>{RATE_WORD}){LINK}(?P<rate>{PCT})(?![\d.]|\s*[（(])"
)
# 比上年的18.92%下降3.24个百分点: a share or rate against last year's, changed by percentage points
CHANGE_POINTS = re.compile(
    rf"{alt('compare.openers')}(?P<basis>{BASIS})的?(?P<prior>{PCT})[，,]?[（(]?(?P<dir1>{DIRECTION})[)）]?了?"
    rf"(?P<points>{NUM})\s*{alt('units.points')}"
)
# 比重由上年的68.2%提高到70.5%，提高2.3个百分点: a share or rate from last year's to this year's, both stated,
# then changed by percentage points
CHANGE_POINTS_FROM_TO = re.compile(
    rf"{alt('compare.from')}(?P<basis>{BASIS})?的?(?P<prior>{PCT})[（(]?{DIRECTION}?[)）]?{alt('compare.to')}"
    rf"(?P<current>{PCT}){SEP}(?:{alt('compare.standalone')})?[（(]?(?P<dir1>{DIRECTION})[)）]?了?"
    rf"(?P<points>{NUM})\s*{alt('units.points')}"
)
# 较上年2.08减少0.03万元，减少了1.44%: the prior printed without its unit, which is the change's
CHANGE_BARE_PRIOR = re.compile(
    rf"{alt('compare.openers')}(?P<basis>{BASIS})的?(?P<priorn>{NUM})(?![\d.%]|\s*{MONEY_UNIT}|\s*{COUNT_UNIT}){SEP}"
    rf"[（(]?(?P<dir1>{DIRECTION})[)）]?了?(?P<delta>{DELTA}){DELTA_ECHO}(?:{RATE_TAIL})?"
)
# 较上年增加5.99万元，增长54.85%  /  与2023年相比，收、支总计各减少25.04万元，下降2.38%
CHANGE = re.compile(
    rf"(?P<anchor>{ANCHOR})[，,]?(?P<subject>{SUBJECT})各?[（(]?(?P<dir1>{DIRECTION})[)）]?了?(?P<delta>{DELTA})"
    rf"{DELTA_ECHO}(?:{RATE_TAIL})?"
)
# 实有人数56人，比上年增加4人，增长7.69% / 保有量9辆，比上年末8辆增加1辆: a count changed by a count of its own
# unit (the same unit, said again), after the count of the year; the prior count may stand after the comparison
COUNT_CHANGE = re.compile(
    rf"(?P<current>{NUM})\s*(?P<u>{COUNT_UNIT})[，,]?\s*{alt('compare.openers')}"
    rf"(?P<basis>{PERIOD}{alt('compare.period_ends')}|{BASIS})的?(?:(?P<prior>{NUM})\s*(?P=u))?[，,]?\s*[（(]?(?P<dir1>{DIRECTION})[)）]?了?(?P<delta>{NUM})\s*(?P=u)"
    rf"(?![\d.]|{alt('units.count_not_before')})(?:{RATE_TAIL})?"
)
# 同比增长9.1%，增收8300万元: the rate first, then the amount
CHANGE_RATE_FIRST = re.compile(
    rf"(?P<anchor>{ANCHOR})?(?P<dir2>{RATE_WORD}){LINK}(?P<rate>{PCT}){SEP}(?P<anchor2>{ANCHOR})?[，,]?"
    rf"[（(]?(?P<dir1>{DIRECTION})[)）]?了?(?P<delta>{DELTA})"
)
# 减少282万元，下降2.27%: a change with its rate and no comparison word of its own (said earlier)
CHANGE_BARE = re.compile(rf"[（(]?(?P<dir1>{DIRECTION})[)）]?了?(?P<delta>{DELTA}){DELTA_ECHO}{RATE_TAIL}")
# 公务接待费、会议费分别为3.20万元、5.10万元 / …分别比上年减少0.50万元、1.20万元，分别下降13.51%、19.05%:
# a list of names and a list of figures paired in order
_NAME = r"[^，,。；;：:、\d%和及与]{2,20}?"
RESPECTIVE = re.compile(
    rf"(?P<names>{_NAME}(?:(?:{alt('respective.joiners')}){_NAME})+?)"
    rf"(?P<anchor>{ANCHOR})?[，,]?{alt('respective.each')}(?:{ANCHOR})?(?P<dir1>{DIRECTION})?{LINK}"
    rf"(?P<figures>{AMOUNT}(?:(?:{alt('respective.joiners')}){AMOUNT})+)"
    rf"(?:[，,]\s*{alt('respective.each')}?(?P<dir2>{RATE_WORD}){LINK}(?P<rates>{PCT}(?:(?:{alt('respective.joiners')}){PCT})+))?"
)
# 增值税862.54亿元、个人所得税97.35亿元，分别增收61.27亿元、7.23亿元，分别增长7.65%、8.02%: the changes of named
# figures listed before them, paired in order (each item may say its own direction: 分别增长4.45%、下降8.53%)
RESPECTIVE_CHANGES = re.compile(
    rf"[，,]\s*{alt('respective.each')}(?P<anchor>{ANCHOR})?"
    rf"(?P<deltas>{DIRECTION}{LINK}{AMOUNT}(?:{alt('respective.joiners')}(?:{DIRECTION})?{AMOUNT})+)"
    rf"(?:[，,]\s*{alt('respective.each')}?"
    rf"(?P<rates>{RATE_WORD}{LINK}{PCT}(?:{alt('respective.joiners')}(?:{RATE_WORD})?{PCT})+))?"
)
# 基本支出…较上年增加20.60万元；项目支出…较上年增加22.65万元，分别增长4.12%和12.60%: rates paired in order with
# the changes the sentence stated before them
RESPECTIVE_RATES = re.compile(
    rf"[，,]\s*{alt('respective.each')}"
    rf"(?P<rates>{RATE_WORD}{LINK}{PCT}(?:{alt('respective.joiners')}(?:{RATE_WORD})?{PCT})+)"
)
ITEM_DIRECTION = re.compile(DIRECTION)
ITEM_RATE_WORD = re.compile(RATE_WORD)
# 2023年、2022年“三公”经费分别为12.45万元、15.20万元: a list of years naming one quantity, paired with its figures
RESPECTIVE_YEARS = re.compile(
    rf"(?P<years>\d{{4}}\s*年度?(?:{alt('respective.joiners')}\d{{4}}\s*年度?)+)(?P<name>[^，,。；;：:\d%]{{0,20}}?)"
    rf"{alt('respective.each')}{LINK}(?P<figures>{AMOUNT}(?:{alt('respective.joiners')}{AMOUNT})+)"
)
RESPECTIVE_JOINER = re.compile(alt("respective.joiners"))
RESPECTIVE_WORD = re.compile(alt("respective.each"))
# …，支出增加28.20万元，增长3.22%  (a second change continuing the same comparison)
CHANGE_CONTINUED = re.compile(
    rf"[，,]\s*(?P<subject>[^，,。；;：:\d%]{{1,20}}?)各?[（(]?(?P<dir1>{DIRECTION})[)）]?了?(?P<delta>{DELTA})"
    rf"(?:{RATE_TAIL})?"
)
# 占75% / 占本年支出合计的100% / 占预算数137万元的40.74% / 占比12% / 占…的比重为69.3%
SHARE = re.compile(
    rf"{alt('share.words')}(?P<wname>[^，,。；;：:%\d]{{0,40}}?)(?:(?P<whole>{AMOUNT})的?)?的?"
    rf"{alt('share.ratio_nouns')}?{LINK}(?P<pct>{PCT})"
)
# the end of a share's whole that pairs a list of shares with the amounts before them: 占项目支出的比重依次(为)
SHARES_IN_ORDER = re.compile(rf"的?{alt('share.ratio_nouns')}?{alt('respective.in_order')}$")
# 完成预算100% / 完成预算数1178.28万元的94.53% / 为年初预算61.22% / 完成调整后预算的97.3%
COMPLETION = re.compile(
    rf"{alt('ratio.completion_verbs')}(?P<budget>{alt('ratio.completion_wholes')})(?P<whole>{AMOUNT})?的?(?P<pct>{PCT})"
    # (完成预算的102.88%（预算为498.00万元）: the budget in brackets after)
    rf"(?:\s*[（(](?P<budget_after>{alt('ratio.completion_wholes')})?数?(?:为|是)?(?P<whole_after>{AMOUNT})[)）])?"
)
# 完成86.57%: a completion that names no budget (the sentence's one budget is meant)
COMPLETION_BARE = re.compile(rf"{alt('ratio.bare_completion_verbs')}了?(?P<pct>{PCT})")
# what may stand before a bare 完成 in its clause without being its subject (全年完成…, 已完成…)
BARE_COMPLETION_LEAD = re.compile(rf"{alt('leads.totals', 'ratio.bare_completion_leads')}*")
# a thing completed other than a budget (工程形象进度完成80%, 计划任务完成95%)
OTHER_COMPLETION = re.compile(alt("ratio.other_completions"))
# 是上年0.68万元的2倍 / 为上年437.12万元的95.44%: a figure as a multiple or a percentage of the prior level named
OF_PRIOR = re.compile(
    rf"{alt('ratio.of_prior_verbs')}(?P<basis>{alt('compare.periods')}|\d{{4}}\s*年度?)的?(?P<prior>{AMOUNT})的"
    rf"(?:(?P<times>{NUM})\s*{alt('ratio.times')}|(?P<pct>{PCT}))"
)
# 分别/依次 right before a word (分别占…): what follows pairs with a list; a percent followed by another (…%、18.64%,
# …%和18.64%)
RESPECTIVE_BEFORE = re.compile(rf"(?:{alt('respective.in_order')})$")
PERCENT_LISTED = re.compile(rf"\s*(?:[，,]|{alt('respective.joiners')})\s*{PCT}")  # (…62.35%和37.65%)
# a multiple or share said only roughly (3倍多, 2倍以上, 近2倍, 约95%): nothing to hold it to
APPROXIMATE_AFTER = re.compile(alt("approximate.after"))
APPROXIMATE_BEFORE = re.compile(rf"的(?:{alt('approximate.before')})")
# a money figure that is a threshold or a price per item, not an amount (单价50万元以上设备: THRESHOLD_BEFORE ends
# right before the figure, THRESHOLD_AFTER opens right after its unit)
THRESHOLD_AFTER = re.compile(rf"(?:[（(]{alt('thresholds.inclusive')}[^）)]{{0,12}}[）)])?{alt('thresholds.after')}"
                            rf"(?!{alt('thresholds.after_not')})")
THRESHOLD_BEFORE = re.compile(rf"{alt('thresholds.before')}{alt('thresholds.links')}?$")
# a direction word right before a figure (…少支出17.53万元): the figure is a difference, no level
DIRECTION_AT_END = re.compile("(?:" + "|".join(re.escape(w) for w in words("direction.up", "direction.down",
                                                                            "direction.differences")
                                                if len(w) >= 2) + r")了?\s*$")  # (not 新增120万元: a level)
# 超年初预算11480万元 / 超出预算…: the figure right after is the gap to a budget, not the budget (nor the actual)
BUDGET_GAP_AT_END = re.compile(rf"(?:{alt('target.over')})(?:{alt('measure.qualifiers')})?"
                               rf"(?:{alt('ratio.relation_budget')})了?\s*$")
# 超收4130万元 / 短收… / 超年初预算…: the gap of a completion's actual to its budget, and which way it lies
GAP_OVER_AT_END = re.compile(rf"(?:{alt('direction.over_budget')})了?\s*$")
GAP_UNDER_AT_END = re.compile(rf"(?:{alt('direction.under_budget')})了?\s*$")
# what may stand before such a gap word in its clause (较预算短收…, 比年初预算超收…): nothing that names another
# subject (其中增值税超收…: the gap of a part)
GAP_LEAD = re.compile(rf"\s*(?:较|比)?(?:{alt('measure.qualifiers')})?(?:{alt('ratio.relation_budget')})?\s*")
# 决算2.05万元，年初预算为2.95万元，差值为0.90万元: the gap between the two figures stated before it
# 预算…，实际支出…，节约1.54万元: a gap to a budget named by what it is, opening its clause
DIFFERENCE = re.compile(rf"(?P<word>{alt('difference.words')}"
                        rf"|(?<=[，,；;。：:])(?:{alt('difference.from_budget_leads')})?(?P<budget>{alt('difference.from_budget')})"
                        rf"(?:资金|金额|经费)?)(?:为|是|了|的)?\s*(?=\d)")
# 实际完成数超任务43%: what was done exceeds its target by a rate
OVER_TARGET = re.compile(rf"(?P<over>{alt('target.over')})(?P<target>{alt('target.words')})\s*(?P<pct>{PCT})")
# 较均衡进度慢2.94% / 超时间进度3.3个百分点 / 快于序时进度3.4个百分点
PROGRESS = re.compile(
    rf"(?:{alt('compare.openers')})?(?P<before>{alt('progress.ahead', 'progress.behind')})?"
    rf"(?P<progress>{alt('progress.words')})(?P<after>{alt('progress.ahead', 'progress.behind')})?"
    rf"(?P<gap>{NUM})\s*(?:%|{alt('units.points')})"
)
# 决算数小于预算数: which way the actual lies from the budget, said in words
BUDGET_RELATION = re.compile(rf"(?:{alt('ratio.relation_actual')})"
                             rf"(?P<rel>{alt('ratio.relation_more', 'ratio.relation_less')})"
                             rf"(?:{alt('ratio.relation_budget')})")
# 高于财政支出增速3.64个百分点: a growth rate above or below the growth rate of another named quantity
RATE_GAP = re.compile(
    rf"(?P<dir1>{alt('rate_gap.above', 'rate_gap.below')})(?P<other>[^，,。；;：:\d%]{{2,24}}?)的?"
    rf"{alt('rate_gap.rate_words')}(?P<points>{NUM})\s*{alt('units.points')}"
)
_JOIN = alt("progress.range_joiners")
# the months a figure covers: 1-10月 (ten), 前4个月 (four), 截至5月底 (five), 2月份 (one)
MONTHS = re.compile(rf"(?P<first>\d{{1,2}})\s*{_JOIN}\s*(?P<last>\d{{1,2}})\s*月|前(?P<count>\d{{1,2}})个?月"
                    rf"|(?:截至|截止)(?:\d{{4}}年)?(?P<upto>\d{{1,2}})月|(?<![\d年])(?P<single>\d{{1,2}})月份"
                    rf"|(?P<named>{alt('progress.named_spans')})")
# 预算执行率43.03% / 资金到位率为90.02% / 预算偏离度为3.05%
MEASURE = re.compile(rf"(?P<measure>{alt('ratio.measures')})(?:为|达到?|是|：|:)?\s*(?P<pct>{PCT})")
# 已全部拨付到位 / 均已到位 / 全额到账 (not 尚未全部到位): the funds named arrived in full
ALL_ARRIVED = re.compile(rf"(?<!{alt('ratio.arrived_negations')})(?:{alt('ratio.all_arrived')})"
                         rf"(?:{alt('ratio.arrived_via')})?(?:{alt('ratio.arrived')})")
COUNT_COMPLETION = re.compile(rf"(?P<measure>{alt('ratio.count_measures')})(?:为|达到?|是|：|:)?\s*(?P<pct>{PCT})")
# 64.40/1178.28×100%=5.46%  /  54/65=0.83  /  （644045.07-775529.01）/775529.01×100%=-16.95%
FORMULA = re.compile(
    r"(?P<expr>[（(\[]?\s*\d[\d.,\s（()）\[\]+\-×*/÷]*[/÷×*+\-][\d.,\s（()）\[\]+\-×*/÷]*\d\s*[)）\]]?"
    r"(?:\s*[×*]\s*100\s*%)?)\s*[。，,]?\s*=\s*(?P<result>-?\d+(?:\.\d+)?\s*%?)"
)
# a figure with its unit (it starts at a digit or a minus sign: the lookahead lets the engine skip to those
# quickly, instead of trying the lookbehinds at every character)
MENTION = re.compile(rf"(?=[-\d])(?<![\d.,A-Za-z])(?P<num>{SIGNED})\s*(?P<unit>{MONEY_UNIT}|%|{COUNT_UNIT})")
# a figure of a physical measure (18公里, 1.2万亩, 3,000吨): read by no claim; it parts a share from a figure before it
MEASURED = re.compile(rf"(?<![\d.,])(?P<num>{NUM})\s*(?P<unit>万?{alt('units.measures')})")
# words that open a list of the parts of a total
# 平均每辆1.76万元 / 车均运行费用2.46万元 / 平均每辆运行维护费2.80万元: an average per vehicle
PER_VEHICLE = re.compile(rf"{alt('per_vehicle.words')}(?:{alt('per_vehicle.costs')}|费用|支出)?(?:为|是|约)?\s*(?=\d)")
LIST_MARKER = re.compile(rf"{alt('lists.openers')}[：:，,]?")
# 在项目支出当中，…: a list of the parts of the total it names
NAMED_LIST = re.compile(r"在(?P<name>[^，,。；;：:\d]{2,20}?)当?中[，,]")
# 按支出经济分类：…: a classification lists every part of the total before it
CLASSIFIED_LIST = re.compile(rf"(?:{alt('lists.classifications')}[^，,：:。；;]{{0,6}}"
                             rf"|{alt('lists.viewpoint_openers')}[^，,：:。；;\d]{{1,8}}?{alt('lists.viewpoint_closers')})"
                             r"[：:，,]")
# a clause that adds or takes away (加上级补助收入…) computes a balance: it is no part of the list before it
_BALANCE_WORD = rf"{alt('lists.balance')}(?!{alt('lists.balance_not_after')})"
BALANCE = rf"(?<=[，,；;])\s*{_BALANCE_WORD}"
# where a list of parts stops: a nested list, a breakdown of one part, another classification, a balance, a
# colon (one right before a figure labels an item, 项目支出：119.91万元, and does not stop it)
_LIST_STOPS = rf"{alt('lists.stops')}|{alt('lists.classifications')}|{BALANCE}|[：:](?!\s*\d)"
LIST_STOP = re.compile(rf"{_LIST_STOPS}|[二三四五六七八九十]是")
# in a list whose parts are enumerated 一是…二是…, the enumerators separate parts instead of ending the list
LIST_STOP_ENUMERATED = re.compile(_LIST_STOPS)
# 加上转移性收入49.2亿元，收入合计196.3亿元: a total computed by adding (or taking away) the items after 加/减
BALANCE_SUBTRACT = re.compile(alt("lists.balance_subtract"))
BALANCE_OPEN = re.compile(rf"(?:^|(?<=[，,；;。]))\s*(?P<sign>{_BALANCE_WORD})")
# 上述收支相抵，年终结余…万元 (the balance of the totals before it) / 当年收支结余…万元 (of its sentence's figures)
YEAR_END_BALANCE = re.compile(
    rf"(?:(?P<offset>{alt('year_end_balance.offsets')})[，,]?\s*(?:{alt('year_end_balance.results')})"
    rf"|(?P<own>{alt('year_end_balance.of_sentence')})"
    rf"|(?:^|(?<=[，,；;]))\s*(?P<chain>{alt('year_end_balance.chain_results')}))(?:为|是)?\s*(?=\d)"
)
STOCK_RESULT = re.compile(alt("year_end_balance.stock_results"))
# the sign word opening a clause of such a chain (加本年收入…, 减本年支出…)
CHAIN_SIGN = re.compile(rf"\s*(?:(?P<plus>{alt('year_end_balance.chain_plus')})"
                        rf"|(?P<minus>{alt('year_end_balance.chain_minus')})"
                        rf"(?!{alt('year_end_balance.chain_minus_not_after')}))")
REVENUE_TOTAL = re.compile(rf"(?:{alt('year_end_balance.revenue_totals')})$")
SPENDING_TOTAL = re.compile(rf"(?:{alt('year_end_balance.spending_totals')})$")
REVENUE_END = re.compile(rf"(?:{alt('year_end_balance.revenue_ends')})$")
SPENDING_END = re.compile(rf"(?:{alt('year_end_balance.spending_ends')})$")
OUTFLOW_END = re.compile(rf"(?:{alt('year_end_balance.outflows')})$")
# 收支相抵，全区一般公共预算收支平衡。: a clause saying the totals before it are equal (`lead`: the words before it)
BALANCED = re.compile(rf"(?:^|(?<=[，,。；;：:]))\s*(?P<lead>[^，,。；;：:\d]{{0,24}}?)"
                      rf"(?:{alt('year_end_balance.balanced')})(?=\s*(?:[。；;，,]|$))")
BALANCED_NOT_AFTER = re.compile(alt("year_end_balance.balanced_not_after"))
# 财政拨款收入8650.32万元（一般公共预算财政拨款7920.18万元，政府性基金预算财政拨款730.14万元）: a figure's bracket
# that only names amounts, each item a name and its amount (`inner`: what the bracket holds)
BRACKETED_ITEMS = re.compile(rf"\s*[（(](?P<inner>(?:[\u4e00-\u9fff“”\"]{{2,30}}?(?:为|是)?\s*{AMOUNT}[，,、；;]\s*)+"
                             rf"[\u4e00-\u9fff“”\"]{{2,30}}?(?:为|是)?\s*{AMOUNT})[)）]")
# the comparison is made on an adjusted basis (同口径): the base is not current − change
ADJUSTED_BASIS = re.compile(alt("compare.adjusted"))
# a list that opens with its classification (其中：按功能分类科目，…) is read after it
LIST_CLASSIFIED = re.compile(rf"\s*{alt('lists.classifications')}[^，,：:]{{0,6}}[，,：:]?")
# the whole name of a figure that sums the list right before it (合计, 三项合计为, 以上各项共计): a pointer back, a
# count of the items, a total word
CLOSING_TOTAL = re.compile(rf"{alt('lists.sum_pointers')}?(?:(?:\d{{1,2}}|[一二两三四五六七八九十]{{1,3}})"
                           rf"{alt('lists.sum_counters')})?{alt('lists.total_words')}(?:为|是|达)?")
# a sentence that opens by pointing back at the list before it and names what it totals (以上人员经费合计…, 上述各项
# 支出共计…): the name between the pointer and the total word is short and states no figure
POINTED_TOTAL = re.compile(rf"{alt('lists.sum_pointers')}[^\d，,。；;：:、（()）]{{0,12}}?{alt('lists.total_words')}"
                           rf"(?:为|是|达)?")
# the number an item of an enumerated list opens with, inside a paragraph ((1), ⑴, ①, 1.)
ITEM_NUMBER = re.compile(r"(?:^|(?<=[。；;：:\s]))\s*(?:[（(]\d{1,2}[）)]|[⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽⑾⑿⒀⒁⒂①②③④⑤⑥⑦⑧⑨⑩]"
                         r"|\d{1,2}(?:[、．]|\.(?!\d)))")
# the text says the list is complete (分别为, 合计) or partial (等)
LIST_COMPLETE = re.compile(alt("lists.complete"))
# 共 before the figure (共申请, 共有): the figure is the whole; with several items listed, they are its breakdown
WHOLE_ADVERB = re.compile(rf"(?<!{alt('lists.whole_adverb_not_after')}){alt('lists.whole_adverb')}(?=[\u4e00-\u9fff])")
# "X决算中，" / "X主要用于以下方面：" — the whole of the shares that follow is named, not stated
NAMED_WHOLE = re.compile(r"(?:\d{4}\s*年度?)?(?P<name>[^，,。；;：:\d]{2,40}?)"
                         rf"(?:中[，,]|{alt('lists.uses')}{alt('lists.announce')}?(?:方面)?[：:])")
# 当年结余, 年末余额 …: a period or point and a word of flow or balance, naming nothing of their own
TIMED_GENERIC = re.compile(alt("names.timed_generic"))
# "（二）X决算结构情况": a heading naming the whole its section's shares are of
STRUCTURE_HEADING = re.compile(rf"^(?:\d{{4}}\s*年度?)?(?P<name>[^，,。；;：:\d]{{2,40}}?)"
                               rf"{alt('lists.structure_headings')}$")
# "…，决算数为12,800.00元" after a change: a clause naming only the year's actual level
CURRENT_AFTER = re.compile(rf"^(?:\d{{4}}\s*年度?)?(?:{alt('lists.current_after')})+(?:为|是|达)?$")
# "X510.85万元中，" — the whole of the shares that follow is stated with its figure
FIGURE_WHOLE = re.compile(rf"(?:\d{{4}}\s*年度?)?(?P<name>[^，,。；;：:\d]{{2,40}}?)(?P<whole>{AMOUNT})中[，,]")
# the sentence says the actual equals the budget
EQUAL_TO_BUDGET = re.compile(alt("ratio.equal_to_budget"))
# sentence ends
SENTENCE_END = re.compile(r"[。；;！？!?\n]")
BUDGET_SUBJECT = re.compile(alt("measure.budget"))
# 年初预算安排一般公共预算支出52000万元: a budget arranged for what the words after it name
ARRANGED = re.compile(alt("measure.arranged"))
MEASURE_WORD = re.compile(rf"(?:{alt('measure.budget', 'measure.actual', 'measure.totals')})"
                          rf"(?!{alt('measure.not_after')})")  # (土地使用权: a right, no measure)
TOTAL_WORD = re.compile(alt("measure.totals"))
