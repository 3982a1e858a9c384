"""The quantity key: synonym folding from data/synonyms.toml, periods, measures, and what names nothing."""

import tomllib
from importlib.resources import files

import pytest

from narrcheck.extract import extract
from narrcheck.extract.identity import QuantityKey, fold, quantity_key
from narrcheck.readers import read_document
from narrcheck.structure import structure

TABLE = tomllib.loads(files("narrcheck").joinpath("data/synonyms.toml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("canonical,forms", TABLE["subjects"].items())
def test_every_listed_form_folds_to_its_canonical_name(canonical, forms):
    assert {fold(f) for f in forms} == {canonical}


def test_no_form_is_listed_under_two_names():
    forms = [f for fs in TABLE["subjects"].values() for f in fs]
    assert len(forms) == len(set(forms))


@pytest.mark.parametrize("words,key", [
    ("资阳市雁江区人民政府办公室2019年财政拨款收入", QuantityKey("财政拨款收入", "", "")),
    ("2018年财政拨款收入", QuantityKey("财政拨款收入", "2018", "")),
    ("2019年一般公共预算支出决算数为", QuantityKey("一般公共预算财政拨款支出", "", "")),
    ("2019年“三公”经费支出", QuantityKey("三公经费", "", "")),
    ("年初预算支出", None),  # generic once the measure is taken off
    ("上年结转收入", QuantityKey("上年结转收入", "", "")),  # 上年结转 is a name, not a period
    ("去年同期基本支出", QuantityKey("基本支出", "上年", "")),
    ("（5）财政收回上年结转资金", QuantityKey("财政收回上年结转资金", "", "")),
    ("该项目预算", None),
    ("涉及预算总金额", None),
    ("经费控制在", None),
])
def test_keys(words, key):
    assert quantity_key(words, "2019") == key


def test_generic_words_name_a_list_whole_only_when_asked():
    assert quantity_key("2024年年初预算支出", "2024") is None
    assert quantity_key("2024年年初预算支出", "2024", generic=True) == QuantityKey("支出", "", "年初预算")


# ---------------------------------------------------------------- a flattened table's names, measures and years

def test_cell_subject_folds_a_label_through_the_synonym_table_only():
    from narrcheck.extract.identity import cell_subject

    assert cell_subject("公车运行") == cell_subject("公务用车运行费") == "公务用车运行维护费"
    # 车辆运行 names the official cars' running cost only under their parent; alone it is any vehicle's
    assert cell_subject("车辆运行", under="公务用车购置及运行维护费") == "公务用车运行维护费"
    assert cell_subject("车辆运行") != "公务用车运行维护费"
    assert cell_subject("公车购置及运行维护费") == "公务用车购置及运行维护费"
    assert cell_subject("因公出国（境）经费") == "因公出国（境）费"
    assert cell_subject("国内公务接待费") != cell_subject("公务接待费")  # a name only ending in another
    for general in ("合计", "支出", "小计", "其他"):  # no name, or one that points elsewhere
        assert cell_subject(general) is None
    assert cell_subject("上年公务接待费") is None  # a period of its own: the columns say it
    assert cell_subject("公务接待费预算数") is None  # a measure of its own


def test_measures_of_a_header_and_of_a_title():
    from narrcheck.extract.identity import measure_of, measures_in

    assert measure_of("决算数") == ""
    assert measure_of("年初预算数") == "年初预算"
    assert measure_of("预算数") == "预算"
    assert measure_of("公务接待费") is None
    assert measures_in("年决算数与年决算数对比情况") == {""}
    assert measures_in("一般公共预算财政拨款支出决算表") == {""}  # the budget's name is no measure
    assert measures_in("三公经费预算数与决算数") == {"预算", ""}


def test_a_name_given_by_its_levels_is_its_innermost_level():
    whole = "社会保障和就业支出（类）行政事业单位养老支出（款）机关事业单位职业年金缴费支出（项）支出决算为"
    assert quantity_key(whole) == quantity_key("机关事业单位职业年金缴费支出支出决算为")
    assert quantity_key("机关事业单位职业年金缴费支出（项）") == quantity_key("机关事业单位职业年金缴费支出")


def test_a_name_before_a_colon_keys_the_figure_after_it(tmp_path):
    path = tmp_path / "colon.txt"
    path.write_text("机关事业单位职业年金缴费支出（项）：支出决算为36.52万元。\n", encoding="utf-8")
    items = extract(structure(read_document(path))).statements.items
    assert [(st.key.base, st.figure.value) for st in items] == [
        (quantity_key("机关事业单位职业年金缴费支出决算").base, "36.52")]
