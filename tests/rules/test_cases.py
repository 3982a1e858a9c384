"""Rule tests as data: every YAML file under cases/ is a list of named cases (text in, findings out)."""

from pathlib import Path

import pytest
import yaml

from narrcheck.api import check_file
from narrcheck.config import Settings

CASES = [(f.stem, case) for f in sorted((Path(__file__).parent / "cases").glob("*.yaml"))
         for case in yaml.safe_load(f.read_text(encoding="utf-8"))]


@pytest.mark.parametrize("family,case", CASES, ids=[f"{fam}:{c['name']}" for fam, c in CASES])
def test_case(family, case, write_doc):
    settings = Settings(**case.get("settings", {}))  # a case may set what a narrcheck.toml would
    # a case marked grouped reads the default listing (one finding per wrong figure), the others --all
    report = check_file(write_doc(case["text"] + "\n"), settings, show_all=not case.get("grouped"),
                        show_unverifiable=True)
    for rule in case.get("absent", []):  # rules that must raise no error here
        assert not [f for f in report.findings if f.rule == rule and f.verdict not in ("ok", "unverifiable")], rule
    rules = sorted({e["rule"] for e in case["expect"]}) or None
    findings = [f for f in report.findings if rules is None or f.rule in rules]
    if not case["expect"]:
        assert [f for f in findings if f.verdict not in ("unverifiable",)] == []
        return
    remaining = list(findings)
    for want in case["expect"]:
        want = dict(want)
        line = want.pop("line", 1)  # the physical line of the finding's first evidence
        hit = next((f for f in remaining if all(_field(f, k) == str(v) for k, v in want.items())
                    and f.evidence[0].location.line == line), None)
        assert hit is not None, f"{want} at line {line} not in " + str(
            [(f.rule, f.verdict, f.claimed, f.expected, f.evidence[0].location.line, _field(f, "diagnosis"))
             for f in findings])
        remaining.remove(hit)
    errors = [f for f in remaining if f.verdict not in ("ok", "unverifiable")]
    assert not errors, "findings the case does not expect: " + str(
        [(f.rule, f.verdict, f.claimed, f.expected, f.evidence[0].location.line) for f in errors])


def _field(finding, key):
    """A finding's field as the cases write it (`diagnosis`: its code, or None)."""
    if key == "diagnosis":
        return str(finding.diagnosis.code if finding.diagnosis else None)
    return str(getattr(finding, key))
