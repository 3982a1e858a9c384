"""The results database: one row per document (its summary, its JSON record, or the error that stopped it) and
one row per finding. WAL journal; a document and its findings are written in one transaction, so a run that
stops leaves every document either complete or absent.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

SCHEMA = """
CREATE TABLE IF NOT EXISTS documents (
    path TEXT PRIMARY KEY,
    sha256 TEXT NOT NULL,
    version TEXT NOT NULL,
    status TEXT NOT NULL,            -- checked | failed
    error TEXT,
    format TEXT, year TEXT, publisher TEXT,
    claims INTEGER, checked INTEGER, errors INTEGER, by_verdict TEXT,
    record TEXT,                     -- the JSON report, as `narrcheck check --format json` prints it
    scanned_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS findings (
    path TEXT NOT NULL REFERENCES documents(path) ON DELETE CASCADE,
    n INTEGER NOT NULL,
    rule TEXT, name TEXT, verdict TEXT, severity TEXT, message TEXT, claimed TEXT, expected TEXT,
    gap TEXT, relative_gap REAL, formula TEXT, quote TEXT, section TEXT,
    line INTEGER, col INTEGER, page INTEGER, cell_table INTEGER, cell_row INTEGER, cell_col INTEGER,
    fingerprint TEXT, waived TEXT,
    diagnosis TEXT,                  -- the reading that explains the printed figure (its code), or NULL
    PRIMARY KEY (path, n)
);
CREATE INDEX IF NOT EXISTS findings_rule ON findings(rule);
CREATE INDEX IF NOT EXISTS findings_verdict ON findings(verdict);
"""


def connect(path: str | Path) -> sqlite3.Connection:
    """Open (creating when new) the results database in WAL mode."""
    db = sqlite3.connect(str(path), timeout=30, isolation_level=None)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=NORMAL")
    db.execute("PRAGMA foreign_keys=ON")
    db.executescript(SCHEMA)
    if "diagnosis" not in columns(db, "findings"):  # a database from before diagnoses: add the column
        db.execute("ALTER TABLE findings ADD COLUMN diagnosis TEXT")
    return db


def columns(db: sqlite3.Connection, table: str) -> set[str]:
    """The column names of `table`."""
    return {row[1] for row in db.execute(f"PRAGMA table_info({table})")}


def scanned(db: sqlite3.Connection) -> dict[str, tuple[str, str]]:
    """Path → (sha256, version) of every document already in the database."""
    return {p: (s, v) for p, s, v in db.execute("SELECT path, sha256, version FROM documents")}


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _number(text: str | None) -> float | None:
    try:
        return abs(float(text)) if text not in (None, "") else None
    except ValueError:
        return None


def rows_for(path: str, version: str, record: dict[str, Any]) -> tuple[tuple[Any, ...], list[tuple[Any, ...]]]:
    """The document's row and its findings' rows for a JSON record (built in the worker that checked it, so
    the process writing the database does little more than write).
    """
    doc, summary, findings = record["document"], record["summary"], record["findings"]
    errors = sum(1 for f in findings if f["severity"] == "error" and not f.get("waived"))
    rows = []
    for n, f in enumerate(findings):
        loc = f["evidence"][0]["location"]
        gap = f.get("gap") or {}
        rows.append((path, n, f["rule"], f["name"], f["verdict"], f["severity"], f["message"], f.get("claimed"),
                     f.get("expected"), gap.get("absolute"), _number(gap.get("relative")), f.get("formula"),
                     f["evidence"][0]["quote"], " / ".join(f.get("section", [])), loc.get("line"), loc.get("column"),
                     loc.get("page"), loc.get("table"), loc.get("row"), loc.get("col"), f.get("fingerprint"),
                     f.get("waived"), (f.get("diagnosis") or {}).get("code")))
    document = (path, doc["sha256"], version, "checked", None, doc["format"], doc.get("year", ""),
                doc.get("publisher", ""), summary["claims"], summary["checked"], errors,
                json.dumps(summary["by_verdict"], ensure_ascii=False), json.dumps(record, ensure_ascii=False), _now())
    return document, rows


def store_rows(db: sqlite3.Connection, document: tuple[Any, ...], findings: list[tuple[Any, ...]]) -> None:
    """Replace the document's rows with these, in one transaction."""
    with _transaction(db):
        db.execute("DELETE FROM documents WHERE path = ?", (document[0],))
        db.execute(f"INSERT INTO documents VALUES ({','.join('?' * 14)})", document)
        db.executemany(f"INSERT INTO findings VALUES ({','.join('?' * 23)})", findings)


def store_failure(db: sqlite3.Connection, path: str, sha256: str, version: str, error: str) -> None:
    """Record that the document could not be checked, and why."""
    with _transaction(db):
        db.execute("DELETE FROM documents WHERE path = ?", (path,))
        db.execute("INSERT INTO documents (path, sha256, version, status, error, scanned_at) VALUES (?,?,?,?,?,?)",
                   (path, sha256, version, "failed", error, _now()))


@contextmanager
def _transaction(db: sqlite3.Connection) -> Iterator[None]:
    """One write transaction: committed whole, or rolled back whole."""
    db.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        db.execute("ROLLBACK")
        raise
    db.execute("COMMIT")
