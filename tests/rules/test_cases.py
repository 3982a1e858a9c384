"""Rule tests as data: every YAML file under cases/ is a list of named cases (text in, findings out)."""

from pathlib import Path

import pytest
import yaml

from narrcheck.checks import run_checks
from narrcheck.extract import extract_claims
from narrcheck.readers import read_document
from narrcheck.structure import structure

CASES = [(f.stem, case) for f in sorted((Path(__file__).parent / "cases").glob("*.yaml"))
         for case in yaml.safe_load(f.read_text(encoding="utf-8"))]


@pytest.mark.parametrize("family,case", CASES, ids=[f"{fam}:{c['name']}" for fam, c in CASES])
def test_case(family, case, write_doc):
    doc = structure(read_document(write_doc(case["text"] + "\n")))
    rules = sorted({e["rule"] for e in case["expect"]}) or None
    findings = [f for _, f in run_checks(extract_claims(doc)) if rules is None or f.rule in rules]
    if not case["expect"]:
        assert [f for f in findings if f.verdict not in ("unverifiable",)] == []
        return
    remaining = list(findings)
    for want in case["expect"]:
        hit = next((f for f in remaining if all(str(getattr(f, k)) == str(v) for k, v in want.items())), None)
        assert hit is not None, f"{want} not in {[(f.rule, f.verdict, f.claimed, f.expected) for f in findings]}"
        remaining.remove(hit)
        assert hit.evidence and hit.evidence[0].location.line == 1
