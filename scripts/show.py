"""Show the claims and findings narrcheck produces for some lines of a document (a development aid)."""

import sys

from narrcheck.checks import run_checks
from narrcheck.extract import extract
from narrcheck.readers import read_document
from narrcheck.structure import structure

path, lines = sys.argv[1], {int(x) for x in sys.argv[2:]}
claims = extract(structure(read_document(path))).claims
for i, f in run_checks(claims):
    if f.evidence[0].location.line in lines:
        c = claims[i]
        print(f.rule, f.verdict, f.claimed, f.expected, f.formula, "|", c.kind, f.evidence[0].quote[:70])
for c in claims:
    if c.location.line in lines and c.kind == "parts_sum":
        print("SUM", c.total.value, [p.value for p in c.parts])
