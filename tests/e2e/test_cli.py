import json
import subprocess
import sys
from pathlib import Path

import jsonschema

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "说明.txt"


def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "narrcheck", *args], capture_output=True, text=True, cwd=cwd)


def test_example_has_every_kind_of_error():
    out = run("check", str(EXAMPLE), "--format", "json")
    assert out.returncode == 1
    report = json.loads(out.stdout)
    jsonschema.validate(report, json.loads((ROOT / "schemas" / "report.schema.json").read_text()))
    rules = {f["rule"] for f in report["findings"] if f["verdict"] != "ok"}
    every = {"NC101", "NC102", "NC103", "NC104", "NC105", "NC106", "NC107", "NC108", "NC201", "NC202", "NC301",
             "NC302", "NC303", "NC304", "NC305", "NC306", "NC308", "NC401", "NC402", "NC403", "NC404"}
    # three wrong figures each explain two claims: one NC109 finding each by default (2.50 for 2.60 explains the
    # NC101 and NC102 of one change; 36.38 for 34.38 an NC104 share and the NC105 sum of its list; a weight of 15
    # for 20 both category weights of the department table, NC303) …
    assert rules == every - {"NC102", "NC105", "NC303"} | {"NC109"}
    typos = {(f["claimed"], f["expected"]) for f in report["findings"] if f["rule"] == "NC109"}
    assert typos == {("2.50", "2.60"), ("36.38", "34.38"), ("15", "20")}
    # … and the single findings, each diagnosed, with --all
    single = json.loads(run("check", str(EXAMPLE), "--format", "json", "--all").stdout)
    assert {f["rule"] for f in single["findings"] if f["verdict"] != "ok"} == every
    assert {f["rule"] for f in single["findings"] if (f["diagnosis"] or {}).get("code") == "figure_typo"} == {
        "NC101", "NC102", "NC104", "NC105", "NC303"}
    # NC307 has a deliberate disagreement too, unverifiable while the bands are only assumed
    shown = json.loads(run("check", str(EXAMPLE), "--format", "json", "--unverifiable", "--select", "NC307").stdout)
    assert [f["verdict"] for f in shown["findings"]] == ["unverifiable"]
    assert all(f["evidence"][0]["location"]["line"] for f in report["findings"])
    first = report["findings"][0]
    assert first == {**first, "rule": "NC101", "verdict": "mismatch", "claimed": "7.00", "expected": "6.67",
                     "formula": "40.00/(640.00-40.00)*100"}


def test_text_output_groups_by_section_and_summarises():
    out = run("check", str(EXAMPLE))
    assert out.returncode == 1
    assert "一、收入支出决算总体情况说明" in out.stdout
    assert "NC101 mismatch" in out.stdout and "40.00/(640.00-40.00)*100" in out.stdout
    assert "项陈述与表格" in out.stdout and "核对结果" in out.stdout
    assert "claims and tables, checkable" in run("check", str(EXAMPLE), "--lang", "en").stdout


def test_clean_document_exits_zero(tmp_path):
    doc = tmp_path / "ok.txt"
    doc.write_text("机关运行经费支出100.84万元，比2023年增加15.62万元，增长18.33%。\n", encoding="utf-8")
    out = run("check", str(doc))
    assert out.returncode == 0, out.stdout
    report = json.loads(run("check", str(doc), "--format", "json", "--all").stdout)
    assert report["summary"]["by_verdict"]["ok"] == 1 and report["findings"][0]["verdict"] == "ok"


def test_select_and_ignore():
    only = json.loads(run("check", str(EXAMPLE), "--format", "json", "--select", "NC10", "--ignore", "NC101").stdout)
    assert {f["rule"] for f in only["findings"]} <= {"NC102", "NC103", "NC104", "NC105", "NC106", "NC107", "NC108",
                                                     "NC109"}
    assert run("check", str(EXAMPLE), "--select", "XX9").returncode == 2


def test_bad_input_is_one_line_exit_2(tmp_path):
    bad = tmp_path / "说明.txt"
    bad.write_bytes(b"\x00\x00binary")
    out = run("check", str(bad))
    assert out.returncode == 2
    assert out.stderr.strip().count("\n") == 0 and str(bad) in out.stderr and "Traceback" not in out.stderr


def test_batch_goes_on_after_a_bad_file_and_json_says_which(tmp_path):
    missing = tmp_path / "missing.txt"
    out = run("check", str(missing), str(EXAMPLE), "--format", "json")
    assert out.returncode == 2
    assert "no such file" in out.stderr
    failed, checked = json.loads(out.stdout)  # in the order given: the error object in the file's place
    assert failed == {"narrcheck": failed["narrcheck"], "document": {"path": str(missing)},
                      "error": {"kind": "bad_input", "message": f"{missing}: no such file"}}
    assert checked["document"]["path"] == str(EXAMPLE) and checked["findings"]


def test_a_file_that_cannot_be_checked_is_still_one_json_object(tmp_path):
    bad = tmp_path / "说明.txt"
    bad.write_bytes(b"\x00\x00binary")
    out = run("check", str(bad), "--format", "json")
    assert out.returncode == 2
    report = json.loads(out.stdout)
    assert report["document"] == {"path": str(bad)} and report["error"]["kind"] == "bad_input"
    assert str(bad) in report["error"]["message"]
    out = run("check", str(EXAMPLE), "--tables", str(bad), "--format", "json")  # refused before any check
    assert out.returncode == 2 and json.loads(out.stdout)["error"]["kind"] == "bad_input"


def test_output_file_and_input_untouched(tmp_path):
    before = EXAMPLE.read_bytes()
    target = tmp_path / "report.json"
    assert run("check", str(EXAMPLE), "--format", "json", "-o", str(target)).returncode == 1
    assert json.loads(target.read_text(encoding="utf-8"))["findings"]
    assert EXAMPLE.read_bytes() == before


def test_rules_and_explain():
    listed = run("rules").stdout
    assert all(f"NC10{i}" in listed for i in range(1, 9))
    explained = run("explain", "nc101", "--lang", "en")
    assert explained.returncode == 0 and "Fails:" in explained.stdout
    chinese = run("explain", "NC301")  # Chinese by default
    assert chinese.returncode == 0 and "不成立" in chinese.stdout and "合计得分" in chinese.stdout
    assert run("explain", "NC999").returncode == 2


def test_unknown_setting_is_an_error(tmp_path):
    (tmp_path / "narrcheck.toml").write_text("selectt = ['NC1']\n", encoding="utf-8")
    out = run("check", str(EXAMPLE), cwd=tmp_path)
    assert out.returncode == 2 and "selectt" in out.stderr


def test_settings_file_is_read(tmp_path):
    (tmp_path / "narrcheck.toml").write_text("select = ['NC108']\nlang = 'en'\n", encoding="utf-8")
    report = json.loads(run("check", str(EXAMPLE), "--format", "json", cwd=tmp_path).stdout)
    assert {f["rule"] for f in report["findings"]} == {"NC108"}
    assert "expected" in report["findings"][0]["message"] or "the" in report["findings"][0]["message"]
