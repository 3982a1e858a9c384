"""A narrcheck bug exits 3 with one line naming it (exit 1 means error findings), the traceback on request."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# a check that fails inside narrcheck: check_file replaced by one that raises, then the real command line
BROKEN = ("import sys, narrcheck.api as api\n"
          "def broken(*a, **k): raise ZeroDivisionError('a rule divided by zero')\n"
          "api.check_file = broken\n"
          "from narrcheck.cli import main\n"
          "sys.argv = ['narrcheck', 'check', 'examples/说明.txt', '--format', 'json']\n"
          "main()\n")


def run(env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", BROKEN], capture_output=True, text=True, cwd=ROOT,
                          env={**__import__("os").environ, **(env or {})})


def test_a_bug_exits_3_with_one_line_and_no_traceback():
    out = run()
    assert out.returncode == 3, out.stderr
    assert "internal error" in out.stderr and "ZeroDivisionError" in out.stderr and "please report" in out.stderr
    assert "Traceback" not in out.stderr and out.stderr.count("\n") == 1
    import json

    failed = json.loads(out.stdout)  # --format json: stdout is still one JSON object, the error object
    assert failed["document"] == {"path": "examples/说明.txt"} and failed["error"]["kind"] == "internal"
    assert "ZeroDivisionError" in failed["error"]["message"]


def test_the_traceback_is_there_when_asked_for():
    out = run({"NARRCHECK_DEBUG": "1"})
    assert out.returncode not in (0, 2) and "Traceback" in out.stderr and "a rule divided by zero" in out.stderr


def test_an_amount_of_33_digits_is_read_as_no_figure(tmp_path):
    import json

    doc = tmp_path / "长数.txt"
    doc.write_text("本年支出合计123456789012345678901234567890123.45万元，较上年增加1.00万元，增长0.00%。\n",
                   encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "narrcheck", "check", str(doc), "--format", "json"],
                         capture_output=True, text=True, cwd=ROOT)
    assert out.returncode in (0, 1), out.stderr
    assert json.loads(out.stdout)["document"]["path"] == str(doc)


ONE_RULE_BROKEN = ("import sys\n"
                   "from narrcheck.checks.arithmetic.nc104_share import Share\n"
                   "def broken(self, claim, ctx): raise KeyError('a missing key')\n"
                   "Share.check = broken\n"
                   "from narrcheck.cli import main\n"
                   "sys.argv = ['narrcheck', 'check', *sys.argv[1:]]\n"
                   "main()\n")


def test_a_broken_rule_costs_its_claims_not_the_document():
    import json

    out = subprocess.run([sys.executable, "-c", ONE_RULE_BROKEN, "examples/说明.txt", "--format", "json",
                          "--unverifiable"], capture_output=True, text=True, cwd=ROOT)
    assert out.returncode == 3, out.stderr
    report = json.loads(out.stdout)  # the report is written, whole
    internal = [f for f in report["findings"] if f.get("internal")]
    assert internal and all(f["rule"] == "NC104" and f["verdict"] == "unverifiable" for f in internal)
    assert "KeyError" in internal[0]["message"]
    assert report["summary"]["internal_errors"] == len(internal)
    assert {"NC101", "NC106"} <= {f["rule"] for f in report["findings"]}  # the other rules still checked
    assert out.stderr.count("internal error") == 1 and "Traceback" not in out.stderr


def test_the_debug_option_shows_the_traceback_too():
    script = BROKEN.replace("['narrcheck', 'check'", "['narrcheck', '--debug', 'check'")
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT)
    assert out.returncode not in (0, 2) and "Traceback" in out.stderr and "a rule divided by zero" in out.stderr


ONE_TABLE_BROKEN = ("import sys\n"
                    "import narrcheck.tables.understand as u\n"
                    "real = u._score_table\n"
                    "def broken(index, *a, **k):\n"
                    "    if index == 0: raise IndexError('a table read past its last row')\n"
                    "    return real(index, *a, **k)\n"
                    "u._score_table = broken\n"
                    "from narrcheck.cli import main\n"
                    "sys.argv = ['narrcheck', 'check', 'examples/说明.txt', '--format', 'json']\n"
                    "main()\n")


def test_a_table_that_fails_to_be_read_costs_that_table_not_the_document():
    import json

    healthy = json.loads(subprocess.run([sys.executable, "-m", "narrcheck", "check", "examples/说明.txt", "--format",
                                         "json"], capture_output=True, text=True, cwd=ROOT).stdout)
    out = subprocess.run([sys.executable, "-c", ONE_TABLE_BROKEN], capture_output=True, text=True, cwd=ROOT)
    assert out.returncode == 3 and "table(s) that failed to be read" in out.stderr, out.stderr
    report = json.loads(out.stdout)
    assert report["summary"]["internal_errors"] == 1
    narrative = {f["fingerprint"] for f in healthy["findings"] if f["evidence"][0]["location"]["table"] is None
                 and f["rule"] in ("NC101", "NC104", "NC106")}
    assert narrative and narrative <= {f["fingerprint"] for f in report["findings"]}  # the text is still checked
