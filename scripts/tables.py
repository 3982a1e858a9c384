"""Debug: list the typed tables narrcheck reads from a document (score tables, budget tables, charts)."""

import sys

from narrcheck.readers import read_document
from narrcheck.structure import structure
from narrcheck.tables import read_tables


def v(f):
    return f.figure.value if f else "-"


for path in sys.argv[1:]:
    t = read_tables(structure(read_document(path)))
    for s in t.score:
        ex = s.execution
        print(f"SCORE T{s.index} l.{s.first_line} {s.describe()!r} dept={s.department} rows={len(s.indicators)} "
              f"weights={[v(w) for w in s.weights]} scores={[v(x) for x in s.scores]} "
              f"total={v(s.total_weight)}/{v(s.total_score)} score_col={s.has_score_column}")
        if ex:
            print(f"   exec init={v(ex.initial)} adj={v(ex.adjusted)} exe={v(ex.executed)} rate={v(ex.rate)} "
                  f"w={v(ex.weight)} s={v(ex.score)}")
        for c in s.categories:
            print(f"   cat {c.label[:20]!r} {c.weight.figure.value} members={[m.figure.value for m in c.members]} "
                  f"complete={c.complete}")
        for i in s.indicators:
            if i.op or i.target:
                print(f"   ind {i.label[:16]!r} {i.op} {i.target} {i.unit} -> {i.actual} w={v(i.weight)} s={v(i.score)}")
    for b in t.budget:
        print(f"BUDGET T{b.index} l.{b.first_line} {b.unit}")
        for r in b.records:
            print(f"   {r.label[:12]!r} total={r.is_total} " + " ".join(f"{k}={f.figure.value}" for k, f in r.measures.items()))
    for c in t.charts:
        print(f"CHART {c.title}: " + ", ".join(f"{f.row}{f.column}={f.figure.value}" for f in c.facts))
    for b in t.bad_cells:
        print("BAD", b)
