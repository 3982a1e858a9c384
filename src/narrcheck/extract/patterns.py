"""The regular expressions of extraction, built from small named parts (statcheck's way).

Each part is a plain string so it can be read, tested and reused; the compiled patterns at the bottom are
the only things the extractor uses.
"""

from __future__ import annotations

import re

from narrcheck.numbers import COUNT_UNITS

# --- numbers and units -------------------------------------------------------------------------------
NUM = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"  # 1,025.24 / 1025.24 / 100
SIGNED = rf"-?{NUM}"
MONEY_UNIT = r"(?:亿元|万元|百元|元)"
COUNT_UNIT = "(?:" + "|".join(re.escape(u) for u in sorted(COUNT_UNITS, key=len, reverse=True)) + ")"
AMOUNT = rf"{NUM}\s*{MONEY_UNIT}"
PCT = rf"{SIGNED}\s*%"

# --- words ---------------------------------------------------------------------------------------------
UP = r"(?:增加|增长|上升|提高|提升|增多|多)"
DOWN = r"(?:减少|下降|降低|下滑|缩减|压减|减|少)"
RATE_WORD = rf"(?:{UP}|{DOWN}|增幅|减幅|降幅)"
FLAT = r"(?:基本持平|持平)"
PERIOD = r"(?:上年度?|去年度?|上一年度?|上年同期|去年同期|同期|\d{4}\s*年度?(?:同期)?)"
BASIS = rf"(?:{PERIOD}|年初预算数?|调整后?预算数?|预算安排(?:支出)?|预算数|年初数)"
SUBJECT = r"[^，,。；;：:\d%]{0,30}?"
# a subject that does not swallow the direction word that follows it
PRIOR_SUBJECT = rf"(?:(?!{UP}|{DOWN})[^，,。；;：:\d%]){{0,30}}?"
SEP = r"\s*[，,]?\s*"

# --- claim patterns ------------------------------------------------------------------------------------
# 比2018年1573.66万元，减少395.38万元，下降25.12%  /  比预算数1178.28万元减少64.40万元，下降5.47%
CHANGE_WITH_PRIOR = re.compile(
    rf"(?:比|较)(?P<basis>{BASIS})?(?P<prior_subject>{PRIOR_SUBJECT})(?:为)?(?P<prior>{AMOUNT}){SEP}"
    rf"(?P<dir1>{UP}|{DOWN})了?(?P<delta>{AMOUNT})"
    rf"(?:[，,]\s*(?:{UP}|{DOWN}){AMOUNT})?"
    rf"(?:{SEP}(?:同比)?(?P<dir2>{RATE_WORD})(?:为|了|达)?(?P<rate>{PCT}))?"
)
# 较上年增加5.99万元，增长54.85%  /  与2023年相比，收、支总计各减少25.04万元，下降2.38%
CHANGE_ANCHOR = rf"(?:较上年度?|比上年度?|同比|较去年同期|比去年同期|较{PERIOD}|比{PERIOD}|与{PERIOD}(?:相比|比较|对比)[，,]?)"
CHANGE = re.compile(
    rf"(?P<anchor>{CHANGE_ANCHOR})(?P<subject>{SUBJECT})各?(?P<dir1>{UP}|{DOWN})了?(?P<delta>{AMOUNT})"
    rf"(?:[，,]\s*(?:{UP}|{DOWN}){AMOUNT})?"
    rf"(?:{SEP}(?P<dir2>{RATE_WORD})(?:为|了|达)?(?P<rate>{PCT}))?"
)
# …，支出增加28.20万元，增长3.22%  (a second change continuing the same comparison)
CHANGE_CONTINUED = re.compile(
    rf"[，,]\s*(?P<subject>[^，,。；;：:\d%]{{1,20}}?)各?(?P<dir1>{UP}|{DOWN})了?(?P<delta>{AMOUNT})"
    rf"(?:{SEP}(?P<dir2>{RATE_WORD})(?:为|了|达)?(?P<rate>{PCT}))?"
)
# 占75% / 占本年支出合计的100% / 占预算数137万元的40.74% / 占比12%
SHARE = re.compile(
    rf"占(?P<wname>[^，,。；;：:%\d]{{0,40}}?)(?:(?P<whole>{AMOUNT})的?)?的?(?:比例|比重|比)?(?:为|是)?(?P<pct>{PCT})"
)
# 完成预算100% / 完成预算数1178.28万元的94.53% / 完成预算的96.01%
COMPLETION = re.compile(rf"完成(?:年初|全年|调整)?预算(?:数)?(?P<whole>{AMOUNT})?的?(?P<pct>{PCT})")
# 预算执行率43.03% / 资金到位率为90.02% / 预算偏离度为3.05%
MEASURE = re.compile(
    r"(?P<measure>(?:财政拨款)?预算执行率|执行率|资金到位率|到位率|(?:财政拨款)?(?:预算)?偏离度|"
    r"(?:结转)?结余率|支付率|执行进度)"
    rf"(?:为|达到?|是|：|:)?\s*(?P<pct>{PCT})"
)
# 64.40/1178.28×100%=5.46%  /  54/65=0.83  /  （644045.07-775529.01）/775529.01×100%=-16.95%
FORMULA = re.compile(
    r"(?P<expr>[（(\[]?\s*\d[\d.,\s（()）\[\]+\-×*/÷]*[/÷×*+\-][\d.,\s（()）\[\]+\-×*/÷]*\d\s*[)）\]]?"
    r"(?:\s*[×*]\s*100\s*%)?)\s*[。，,]?\s*=\s*(?P<result>-?\d+(?:\.\d+)?\s*%?)"
)
# a figure with its unit
MENTION = re.compile(rf"(?<![\d.,A-Za-z])(?P<num>{SIGNED})\s*(?P<unit>{MONEY_UNIT}|%|{COUNT_UNIT})")
# words that open a list of the parts of a total
LIST_MARKER = re.compile(r"其中[：:，,]?|主要用于以下方面[：:]?|主要用于[：:]|包括[：:]|具体如下[：:]|分别为[：:]?")
# where a list of parts stops: a nested list, a breakdown of one part, a colon
LIST_STOP = re.compile(r"其中|主要用于|主要是|主要包括|包括|具体|[：:]|[二三四五六七八九十]是")
# in a list whose parts are enumerated 一是…二是…, the enumerators separate parts instead of ending the list
LIST_STOP_ENUMERATED = re.compile(r"其中|主要用于|主要是|主要包括|包括|具体|[：:]")
# "X决算中，" — the whole of the shares that follow is named, not stated
NAMED_WHOLE = re.compile(r"(?:\d{4}\s*年度?)?(?P<name>[^，,。；;：:\d]{2,40}?)中[，,]")
# the sentence says the actual equals the budget
EQUAL_TO_BUDGET = re.compile(r"决算数?(?:等于|与)预算数?(?:持平|相等|一致)?|等于预算数|与预算数持平")
# sentence ends
SENTENCE_END = re.compile(r"[。；;！？!?\n]")
BUDGET_SUBJECT = re.compile(r"预算|下达|批复|计划")
ACTUAL_SUBJECT = re.compile(r"执行|决算|实际|支出|到位|完成|使用")
