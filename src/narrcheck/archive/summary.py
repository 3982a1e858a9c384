"""Read the results database into an ArchiveReport: counts by rule, verdict, diagnosis, year and document, and
the claims with the largest gaps first. Filters: rule ids or prefixes, and a lowest severity.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from pathlib import Path

from narrcheck.archive.db import columns
from narrcheck.errors import InputError
from narrcheck.model.archive import ArchiveReport, Count, DocumentRow, FlaggedClaim
from narrcheck.model.findings import Evidence, Finding, Gap, Severity
from narrcheck.model.location import Location

SEVERITIES = ("error", "warning", "info")


def _where(rules: Sequence[str], min_severity: str) -> tuple[str, list[str]]:
    allowed = SEVERITIES[: SEVERITIES.index(min_severity) + 1]
    clauses = [f"f.severity IN ({','.join('?' * len(allowed))})"]
    params = list(allowed)
    if rules:
        clauses.append("(" + " OR ".join("f.rule LIKE ?" for _ in rules) + ")")
        params += [f"{r.upper()}%" for r in rules]
    return " AND ".join(clauses), params


def _counts(db: sqlite3.Connection, key: str, where: str, params: list[str], label: str = "''") -> list[Count]:
    sql = (f"SELECT {key}, {label}, count(DISTINCT f.path), sum(f.severity='error'), sum(f.severity='warning'), "
           f"sum(f.severity='info') FROM findings f JOIN documents d USING (path) WHERE {where} "
           f"GROUP BY {key} ORDER BY sum(f.severity='error') DESC, count(*) DESC, {key}")
    return [Count(key=k or "", label=lb or "", documents=n, error=e or 0, warning=w or 0, info=i or 0)
            for k, lb, n, e, w, i in db.execute(sql, params)]


def _flagged(r: tuple) -> FlaggedClaim:
    """A stored finding row back as a Finding (with its first evidence) and its document."""
    location = Location(line=r[15], column=r[16], page=r[17], table=r[18], row=r[19], col=r[20])
    gap = Gap(absolute=r[10], relative=f"{r[11]:.4f}" if r[11] is not None else None) if r[10] else None
    finding = Finding(rule=r[3], name=r[4], verdict=r[5], severity=Severity(r[6]), message=r[7], claimed=r[8],
                      expected=r[9], gap=gap, formula=r[12], evidence=[Evidence(quote=r[13], location=location)],
                      section=r[14].split(" / ") if r[14] else [], fingerprint=r[21] or "", waived=r[22])
    return FlaggedClaim(path=r[0], publisher=r[1] or "", year=r[2] or "", finding=finding)


def archive_report(database: str | Path, rules: Sequence[str] = (), min_severity: str = "info",
                   top: int = 100) -> ArchiveReport:
    """The report of the database at `database`; InputError when it is not a results database."""
    path = Path(database)
    if not path.is_file():
        raise InputError(str(database), "no such results database")
    try:
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        db.execute("SELECT path, status FROM documents LIMIT 1")
        db.execute("SELECT rule FROM findings LIMIT 1")
    except sqlite3.DatabaseError as exc:
        raise InputError(str(database), f"not a narrcheck results database ({exc})") from None
    where, params = _where(rules, min_severity)
    try:
        report = _read(db, database, rules, min_severity, top, where, params)
    except (sqlite3.DatabaseError, UnicodeDecodeError, ValueError) as exc:
        raise InputError(str(database), f"damaged results database ({type(exc).__name__}: {exc})") from None
    finally:
        db.close()
    return report


def _read(db: sqlite3.Connection, database: str | Path, rules: Sequence[str], min_severity: str, top: int,
          where: str, params: list[str]) -> ArchiveReport:
    """The report's every count and row, read from an open database."""
    with db:
        versions = [v for (v,) in db.execute("SELECT DISTINCT version FROM documents ORDER BY version")]
        total, failed = db.execute("SELECT count(*), sum(status='failed') FROM documents").fetchone()
        by_doc = {k.key: k for k in _counts(db, "f.path", where, params)}
        documents = [DocumentRow(path=p, publisher=pub or "", year=y or "", status=s, error=e, claims=c or 0,
                                 checked=k or 0, findings=by_doc.get(p, Count(key=p)))
                     for p, pub, y, s, e, c, k in db.execute(
                         "SELECT path, publisher, year, status, error, claims, checked FROM documents")]
        documents.sort(key=lambda d: (d.status != "failed", -d.findings.error, -d.findings.total, d.path))
        worst = [_flagged(r) for r in db.execute(
            "SELECT f.path, d.publisher, d.year, rule, name, verdict, severity, message, claimed, expected, gap, "
            "relative_gap, formula, quote, section, line, col, page, cell_table, cell_row, cell_col, fingerprint, "
            f"waived FROM findings f JOIN documents d USING (path) WHERE {where} "
            "ORDER BY (relative_gap IS NULL), relative_gap DESC, severity='info', f.path, n LIMIT ?", [*params, top])]
        report = ArchiveReport(
            database=str(database), versions=versions, documents=total or 0, checked=(total or 0) - (failed or 0),
            failed=failed or 0,
            filters={k: v for k, v in (("rule", ",".join(rules)), ("min_severity", min_severity)) if v},
            by_rule=_counts(db, "f.rule", where, params, "max(f.name)"),
            by_verdict=_counts(db, "f.verdict", where, params),
            by_year=_counts(db, "d.year", where, params),
            by_publisher=_counts(db, "d.publisher", where, params),
            by_diagnosis=_counts(db, "f.diagnosis", where, params) if "diagnosis" in columns(db, "findings")
            else [],
            by_document=documents, worst=worst)
    return report

