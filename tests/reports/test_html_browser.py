"""The HTML report in a real browser: Debian's Chromium, driven headless through Playwright.

.ci/run installs chromium when it is missing; locally the test skips, saying why, when no browser is found.
The screenshot is written to $NARRCHECK_ARTEFACTS (default: the test's temporary folder), never into git.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"]

pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="no chromium on this machine (.ci/run installs Debian's)")


@pytest.fixture(scope="module")
def page_file(tmp_path_factory) -> Path:
    target = tmp_path_factory.mktemp("html") / "report.html"
    out = subprocess.run([sys.executable, "-m", "narrcheck", "check", "examples/说明.txt", "--format", "html",
                          "-o", str(target)], capture_output=True, text=True, cwd=ROOT)
    assert out.returncode == 1, out.stderr
    return target


def test_the_report_renders_in_chromium_without_errors_and_its_controls_work(page_file, tmp_path):
    from playwright.sync_api import sync_playwright

    problems: list[str] = []
    requests: list[str] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        page.on("console", lambda m: problems.append(m.text) if m.type in ("error", "warning") else None)
        page.on("pageerror", lambda e: problems.append(str(e)))
        page.on("request", lambda r: requests.append(r.url) if not r.url.startswith("file:") else None)
        page.goto(page_file.as_uri())
        findings = page.locator(".finding")
        total = findings.count()
        assert total > 40
        assert page.locator("mark.sev-error").count() > 10 and page.locator(".v-ok[data-f]").count() > 5
        # filter: errors of one rule only
        page.select_option("select[data-filter=severity]", "error")
        page.select_option("select[data-filter=rule]", "NC101")
        visible = page.locator(".finding:not([hidden])")
        assert visible.count() == page.locator(".finding[data-rule=NC101][data-severity=error]").count() > 0
        assert page.locator("[data-shown]").inner_text() == str(visible.count())
        # sort by gap: the largest relative gap comes first
        page.select_option("select[data-filter=severity]", "")
        page.select_option("select[data-filter=rule]", "")
        page.select_option("select[data-sort]", "gap")
        gaps = [float(g) for g in page.locator(".finding").evaluate_all("els => els.map(e => e.dataset.gap)")]
        assert gaps == sorted(gaps, reverse=True)
        # a finding's place links to its mark in the text, which is then outlined
        link = page.locator(".finding[data-rule=NC101] a[data-jump]").first
        link.click()
        assert page.locator("mark.focus").count() == 1
        shots = Path(os.environ.get("NARRCHECK_ARTEFACTS", tmp_path))
        shots.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(shots / "report.png"))
        browser.close()
    assert problems == [] and requests == []
    assert (shots / "report.png").stat().st_size > 10_000


def test_the_archive_report_renders_in_chromium_without_errors(tmp_path):
    from playwright.sync_api import sync_playwright

    db, page_file = tmp_path / "r.sqlite", tmp_path / "archive.html"
    for args in (["scan", "examples", "--db", str(db)], ["report", str(db), "-f", "html", "-o", str(page_file)]):
        out = subprocess.run([sys.executable, "-m", "narrcheck", *args], capture_output=True, text=True, cwd=ROOT)
        assert out.returncode == 0, out.stderr
    problems: list[str] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        page = browser.new_page()
        page.on("console", lambda m: problems.append(m.text) if m.type in ("error", "warning") else None)
        page.on("pageerror", lambda e: problems.append(str(e)))
        page.goto(page_file.as_uri())
        assert page.locator("h2").count() == 7 and page.locator("#worst + table a").count() > 10
        browser.close()
    assert problems == []
