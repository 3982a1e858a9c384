"""Every rule explains itself in both languages and is exercised by at least one YAML case."""

from pathlib import Path

import pytest
import yaml

from narrcheck.checks import all_rules
from narrcheck.checks.explain import explained_ids, explanation, summary

RULES = list(all_rules())
CASE_RULES = {e["rule"] for f in (Path(__file__).parent / "cases").glob("*.yaml")
              for case in yaml.safe_load(f.read_text(encoding="utf-8")) for e in case["expect"]}


def test_chinese_explanations_match_the_registry():
    assert explained_ids() == {r.id for r in RULES}


@pytest.mark.parametrize("rule", RULES, ids=[r.id for r in RULES])
def test_rule_explains_itself(rule):
    english, chinese = explanation(rule, "en"), explanation(rule, "zh")
    assert "Fails" in english and "Passes" in english
    assert "不成立" in chinese and "成立：" in chinese.replace("不成立：", "")
    assert summary(rule, "zh") != summary(rule, "en")
    assert rule.id in CASE_RULES, f"{rule.id} has no YAML case"
