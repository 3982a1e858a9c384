"""`narrcheck scan` and `narrcheck report`: the archive in SQLite, re-runs, interruptions, bad files."""

from __future__ import annotations

import json
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from make_archive import make_archive

ROOT = Path(__file__).resolve().parents[2]


def narrcheck(*args: str, **kw) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "narrcheck", *args], capture_output=True, text=True, cwd=ROOT, **kw)


def rows(db: Path, sql: str) -> list[tuple]:
    with sqlite3.connect(db) as con:
        return list(con.execute(sql))


@pytest.fixture(scope="module")
def archive(tmp_path_factory) -> tuple[Path, list[Path]]:
    folder = tmp_path_factory.mktemp("archive")
    return folder, make_archive(folder, 60, docx_every=10, broken_every=20)


def test_a_scan_records_every_file_once_with_its_findings_or_its_error(archive, tmp_path):
    folder, files = archive
    db = tmp_path / "r.sqlite"
    out = narrcheck("scan", str(folder), "--db", str(db), "--jobs", "2")
    assert out.returncode == 0, out.stderr
    docs = rows(db, "SELECT path, status, error, version, record FROM documents")
    assert sorted(p for p, *_ in docs) == sorted(str(f.resolve()) for f in files)
    failed = {Path(p).name: e for p, s, e, _, _ in docs if s == "failed"}
    assert set(failed) == {f.name for i, f in enumerate(files) if i % 20 == 19}
    assert all(Path(p).name in e for p, e in [(p, e) for p, s, e, _, _ in docs if s == "failed"])
    assert {v for _, _, _, v, _ in docs} == {json.loads(narrcheck("check", "examples/说明.txt", "--format",
                                                                   "json").stdout)["narrcheck"]}
    for path, status, _, _, record in docs:  # the findings rows are the JSON record's findings
        if status == "checked":
            n = rows(db, f"SELECT count(*) FROM findings WHERE path = '{path}'")[0][0]
            assert n == len(json.loads(record)["findings"]) > 0
    assert rows(db, "PRAGMA journal_mode")[0][0] == "wal"


def test_a_rerun_skips_what_is_done_and_rescan_forces(archive, tmp_path):
    folder, files = archive
    db = tmp_path / "r.sqlite"
    narrcheck("scan", str(folder), "--db", str(db))
    again = narrcheck("scan", str(folder), "--db", str(db))
    assert f"0 checked, 0 failed, {len(files)} already scanned" in again.stderr
    changed = files[0]
    changed.write_text(changed.read_text(encoding="utf-8").replace("增长", "增加了"), encoding="utf-8")
    third = narrcheck("scan", str(folder), "--db", str(db))
    assert "1 checked" in third.stderr
    forced = narrcheck("scan", str(folder), "--db", str(db), "--rescan")
    assert f"{len(files) - 3} checked, 3 failed, 0 already scanned" in forced.stderr


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM])
def test_a_killed_scan_loses_nothing_it_committed_and_the_rerun_completes_it(tmp_path, sig):
    folder = tmp_path / "archive"
    files = make_archive(folder, 150, docx_every=0, broken_every=0)
    db = tmp_path / "r.sqlite"
    # (a test run in the background inherits SIGINT ignored, as a shell's background jobs do, and so would the
    # scan: it gets the default disposition back, as in a terminal)
    proc = subprocess.Popen([sys.executable, "-m", "narrcheck", "scan", str(folder), "--db", str(db), "--jobs", "2"],
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:  # wait until some files are committed, then stop it mid-run
        if db.exists():
            try:
                if rows(db, "SELECT count(*) FROM documents")[0][0] >= 10:
                    break
            except sqlite3.OperationalError:
                pass
        time.sleep(0.02)
    proc.send_signal(sig)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    assert "interrupted" in err and "Traceback" not in err
    done = rows(db, "SELECT count(*) FROM documents")[0][0]
    assert 10 <= done < len(files)
    rerun = narrcheck("scan", str(folder), "--db", str(db), "--jobs", "2")
    assert rerun.returncode == 0 and f"{done} already scanned" in rerun.stderr
    paths = [p for (p,) in rows(db, "SELECT path FROM documents")]
    assert sorted(paths) == sorted(str(f.resolve()) for f in files)  # each exactly once
    per_doc = rows(db, "SELECT d.path, count(f.n), d.record FROM documents d LEFT JOIN findings f USING (path) "
                       "GROUP BY d.path")
    assert all(n == len(json.loads(record)["findings"]) for _, n, record in per_doc)  # nothing half-written


def test_scan_arguments_that_name_nothing_are_reported(tmp_path):
    out = narrcheck("scan", str(tmp_path / "nothing*.pdf"), "--db", str(tmp_path / "r.sqlite"))
    assert out.returncode == 2 and "no file matches" in out.stderr


@pytest.fixture(scope="module")
def scanned(archive, tmp_path_factory) -> Path:
    folder, _ = archive
    db = tmp_path_factory.mktemp("db") / "r.sqlite"
    assert narrcheck("scan", str(folder), "--db", str(db), "--jobs", "2").returncode == 0
    return db


def test_the_archive_report_counts_what_the_database_holds(scanned):
    from narrcheck.archive.summary import archive_report

    report = archive_report(scanned)
    by_rule = dict(rows(scanned, "SELECT rule, count(*) FROM findings GROUP BY rule"))
    assert {c.key: c.total for c in report.by_rule} == by_rule
    assert sum(c.total for c in report.by_verdict) == sum(by_rule.values())
    # the supervisor's view of which mistakes the archive makes most: findings by diagnosis code
    codes = dict(rows(scanned, "SELECT coalesce(diagnosis, ''), count(*) FROM findings GROUP BY diagnosis"))
    assert {c.key: c.total for c in report.by_diagnosis} == codes
    assert {"figure_typo", "truncation"} <= set(codes) and "" in codes
    years = dict(rows(scanned, "SELECT d.year, count(*) FROM findings f JOIN documents d USING (path) GROUP BY d.year"))
    assert {c.key: c.total for c in report.by_year} == years and len(years) > 3
    assert [c.key for c in report.by_publisher] == ["示例县文化馆"]  # the example names its publisher
    assert report.failed == 3 and report.checked == report.documents - 3
    assert report.by_document[0].status == "failed"  # the unreadable files lead the list, with their cause
    gaps = [float(c.finding.gap.relative) for c in report.worst if c.finding.gap and c.finding.gap.relative]
    assert gaps == sorted(gaps, reverse=True) and len(report.worst) == 100
    errors_only = archive_report(scanned, rules=["NC1"], min_severity="error")
    assert {c.key[:3] for c in errors_only.by_rule} == {"NC1"}
    assert all(c.finding.severity.value == "error" for c in errors_only.worst)


def test_the_archive_report_in_md_html_and_xlsx(scanned, tmp_path):
    import openpyxl
    from lxml import html as lxml_html

    md = narrcheck("report", str(scanned), "--top", "5")
    assert md.returncode == 0 and "## 按规则" in md.stdout and "## 偏差最大的陈述" in md.stdout
    assert "## 按诊断" in md.stdout and "| figure_typo |" in md.stdout
    worst = md.stdout.split("## 偏差最大的陈述")[1]
    assert worst.count("](file://") == 5  # each row links to its document
    page = tmp_path / "a.html"
    assert narrcheck("report", str(scanned), "-f", "html", "-o", str(page), "--lang", "en").returncode == 0
    tree = lxml_html.fromstring(page.read_text(encoding="utf-8"))
    assert [h.text for h in tree.xpath("//h2")] == ["by rule", "by verdict", "by diagnosis", "by year", "by publisher",
                                                    "by document", "largest gaps"]
    assert len(tree.xpath("//h2[@id='worst']/following-sibling::table[1]//a[starts-with(@href, 'file://')]")) == 100
    assert not tree.xpath("//script")
    book = tmp_path / "a.xlsx"
    assert narrcheck("report", str(scanned), "-f", "xlsx", "-o", str(book)).returncode == 0
    sheets = openpyxl.load_workbook(book)
    assert sheets.sheetnames == ["按规则", "按结论", "按诊断", "按年度", "按单位", "按文件", "偏差最大的陈述"]
    worst_sheet = sheets["偏差最大的陈述"]
    assert worst_sheet.max_row == 101 and worst_sheet["A2"].hyperlink.target.startswith("file://")
    assert narrcheck("report", str(tmp_path / "none.sqlite")).returncode == 2


def test_a_worker_that_dies_costs_only_its_own_file(tmp_path, monkeypatch):
    import os

    from narrcheck.archive import scan as scan_module
    from narrcheck.config import Settings

    files = make_archive(tmp_path / "a", 12, docx_every=0, broken_every=0)
    fatal = files[5].name
    real = scan_module.check_one

    def dies_on_one(path, sha, settings):  # a crash no Python handler sees, as a segfault or the OOM killer
        if path.endswith(fatal):
            os._exit(9)
        return real(path, sha, settings)

    dies_on_one.__qualname__, dies_on_one.__module__ = "check_one", scan_module.__name__  # pickled by name
    monkeypatch.setattr(scan_module, "check_one", dies_on_one)  # forked workers inherit it
    result = scan_module.scan([str(tmp_path / "a")], tmp_path / "r.sqlite", Settings(), jobs=2)
    assert (result.checked, result.failed, result.interrupted) == (11, 1, False)
    [(path, error)] = rows(tmp_path / "r.sqlite", "SELECT path, error FROM documents WHERE status = 'failed'")
    assert path.endswith(fatal) and "died" in error
