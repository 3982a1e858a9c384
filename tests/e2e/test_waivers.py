"""Waivers: an explained finding stays visible as waived and no longer fails the run; a stale one is reported."""

import json
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "说明.txt"


def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "narrcheck", *args], capture_output=True, text=True, cwd=cwd)


def errors_of(path: Path, cwd: Path = ROOT, *extra: str) -> tuple[int, dict]:
    out = run("check", str(path), "--format", "json", *extra, cwd=cwd)
    return out.returncode, json.loads(out.stdout)


def waiver_file(path: Path, findings: list[dict], document: str = "说明*.txt") -> Path:
    entries = "".join(f'[[waiver]]\nrule = "{f["rule"]}"\ndocument = "{document}"\nfingerprint = "{f["fingerprint"]}"\n'
                      f'reason = "已在出错说明中解释（{f["rule"]}）"\n\n' for f in findings)
    path.write_text(entries, encoding="utf-8")
    return path


def test_waived_findings_stay_visible_and_do_not_fail_the_run(tmp_path):
    code, report = errors_of(EXAMPLE)
    errors = [f for f in report["findings"] if f["severity"] == "error"]
    assert code == 1 and errors
    waivers = waiver_file(tmp_path / "w.toml", errors)
    code, waived = errors_of(EXAMPLE, ROOT, "--waivers", str(waivers))
    assert code == 0  # every error explained: nothing left to fail on
    assert [f["fingerprint"] for f in waived["findings"]] == [f["fingerprint"] for f in report["findings"]]
    assert all(f["waived"].startswith("已在出错说明中解释") for f in waived["findings"] if f["severity"] == "error")
    assert waived["summary"]["waived"] == len(errors)
    text = run("check", str(EXAMPLE), "--waivers", str(waivers)).stdout
    assert "已说明（豁免）: 已在出错说明中解释" in text


def test_one_waiver_leaves_the_other_errors_failing_and_the_default_file_is_found(tmp_path):
    _, report = errors_of(EXAMPLE)
    first = next(f for f in report["findings"] if f["severity"] == "error")
    shutil.copy(EXAMPLE, tmp_path / "说明.txt")
    waiver_file(tmp_path / "narrcheck.waivers.toml", [first])
    code, waived = errors_of(tmp_path / "说明.txt", tmp_path)
    assert code == 1
    assert [f["fingerprint"] for f in waived["findings"] if "waived" in f] == [first["fingerprint"]]


def test_a_waiver_whose_finding_is_gone_is_reported_stale(tmp_path):
    _, report = errors_of(EXAMPLE)
    first = next(f for f in report["findings"] if f["severity"] == "error")
    fixed = tmp_path / "说明.txt"
    fixed.write_text(EXAMPLE.read_text(encoding="utf-8").replace("增长7.00%", "增长6.67%"), encoding="utf-8")
    assert first["claimed"] == "7.00"
    waivers = waiver_file(tmp_path / "w.toml", [first])
    out = run("check", str(fixed), "--format", "json", "--waivers", str(waivers))
    assert "stale waiver" in out.stderr and first["fingerprint"] in out.stderr
    assert json.loads(out.stdout)["summary"]["stale_waivers"] == [f"NC101 说明*.txt {first['fingerprint']}"]
    other = run("check", str(EXAMPLE), "--waivers", str(waiver_file(tmp_path / "o.toml", [first], "其他.txt")))
    assert "stale" not in other.stderr  # a waiver for a document not checked is not stale


def test_fingerprints_survive_moved_lines(tmp_path):
    moved = tmp_path / "说明.txt"
    moved.write_text("\n\n\n" + EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    _, before = errors_of(EXAMPLE)
    _, after = errors_of(moved)
    assert [f["fingerprint"] for f in before["findings"]] == [f["fingerprint"] for f in after["findings"]]
    assert len({f["fingerprint"] for f in before["findings"]}) == len(before["findings"])


def test_a_malformed_waiver_file_is_bad_input(tmp_path):
    bad = tmp_path / "w.toml"
    bad.write_text('[[waiver]]\nrule = "NC101"\n', encoding="utf-8")
    out = run("check", str(EXAMPLE), "--waivers", str(bad))
    assert out.returncode == 2 and "waiver 1 lacks document, fingerprint, reason" in out.stderr
