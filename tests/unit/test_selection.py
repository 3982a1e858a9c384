import pytest

from narrcheck.checks import all_rules, is_selected


@pytest.mark.parametrize("rule,select,ignore,expected", [
    ("NC101", [], [], True),
    ("NC101", ["NC1"], [], True),
    ("NC201", ["NC1"], [], False),
    ("NC101", [], ["NC1"], False),
    ("NC101", ["NC101"], ["NC1"], True),
    ("NC101", ["NC1"], ["NC10"], False),
    ("nc104", ["NC104"], [], True),
])
def test_longest_prefix_wins(rule, select, ignore, expected):
    assert is_selected(rule, select, ignore) is expected


def test_every_rule_is_documented():
    for cls in all_rules():
        doc = cls.__doc__ or ""
        assert cls.id.startswith("NC") and cls.name, cls
        assert "Fails:" in doc and "Passes:" in doc, f"{cls.id} docstring needs a failing and a passing example"
