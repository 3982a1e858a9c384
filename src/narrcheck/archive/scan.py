"""`narrcheck scan`: check many files in parallel processes into the results database.

What must hold:
- every file's findings, summary, error and the narrcheck version go into SQLite, one transaction per file;
- a file already scanned with the same content hash and version is skipped (unless `rescan`);
- an unreadable file is recorded with its error and the run goes on; so is a crash inside narrcheck;
- Ctrl-C (SIGINT) or SIGTERM stops the run at once: what was committed stays, the files in flight are lost,
  and the next run picks up the rest.
"""

from __future__ import annotations

import glob
import hashlib
import multiprocessing
import signal
import sys
import time
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from narrcheck import __version__
from narrcheck.archive.db import connect, rows_for, scanned, store_failure, store_rows
from narrcheck.config import Settings
from narrcheck.limits import cap_memory

SUFFIXES = {".txt", ".text", ".docx", ".pdf", ".html", ".htm", ".xlsx", ".xls"}


@dataclass
class ScanResult:
    files: int = 0
    checked: int = 0
    failed: int = 0
    skipped: int = 0
    interrupted: bool = False
    seconds: float = 0.0
    unmatched: list[str] = field(default_factory=list)  # arguments that named no file


def discover(targets: Iterable[str]) -> tuple[list[Path], list[str]]:
    """The files to scan: a folder's readable files (recursively), a glob's matches, a file itself."""
    found: dict[str, Path] = {}
    unmatched = []
    for target in targets:
        path = Path(target)
        if path.is_dir():
            matches = [p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES]
        elif path.is_file():
            matches = [path]
        else:
            matches = [Path(p) for p in glob.glob(target, recursive=True) if Path(p).is_file()]
        if not matches:
            unmatched.append(target)
        for p in matches:
            found.setdefault(str(p.resolve()), p.resolve())
    return [found[k] for k in sorted(found)], unmatched


def _hash(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


Rows = tuple[tuple[Any, ...], list[tuple[Any, ...]]]


def check_one(path: str, sha256: str, settings: Settings) -> tuple[str, str, Rows | None, str | None]:
    """(path, sha256, the database rows of its JSON record, None) or (path, sha256, None, the error); never
    raises.
    """
    from narrcheck.errors import NarrcheckError

    try:
        from narrcheck.api import check_file  # (inside: under a memory cap even an import may fail)
        from narrcheck.reporters.json_reporter import report_dict

        return path, sha256, rows_for(path, __version__, report_dict(check_file(path, settings))), None
    except NarrcheckError as exc:
        return path, sha256, None, str(exc)
    except MemoryError:  # past the worker's cap (settings.worker_memory_mb)
        return path, sha256, None, f"{path}: ran out of memory (a worker may use {settings.worker_memory_mb} MB)"
    except Exception as exc:  # a bug in narrcheck on this file: recorded, and the run goes on
        return path, sha256, None, f"internal error ({type(exc).__name__}: {exc})"


def _quiet_worker(memory_mb: int = 0) -> None:
    """Workers leave Ctrl-C to the parent, which stops them; SIGTERM ends a worker at once (a forked worker
    would otherwise inherit the parent's handler). Each worker's address space is capped at `memory_mb`.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if memory_mb:
        cap_memory(memory_mb)


class _Stop(Exception):
    """SIGTERM, turned into an exception in the main thread."""


def _on_term(signum: int, frame: object) -> None:
    raise _Stop()


def scan(targets: Iterable[str], db_path: str | Path, settings: Settings, jobs: int = 1, rescan: bool = False,
         progress: Any = None) -> ScanResult:
    """Scan `targets` into the database at `db_path`; `progress(advance)` is called once per file done."""
    started = time.perf_counter()
    files, unmatched = discover(targets)
    result = ScanResult(files=len(files), unmatched=unmatched)
    db = connect(db_path)
    known = {} if rescan else scanned(db)
    todo: list[tuple[str, str]] = []
    for path in files:
        key = str(path)
        try:
            sha = _hash(path)
        except OSError as exc:
            store_failure(db, key, "", __version__, f"{key}: cannot read file ({exc.strerror or exc})")
            result.failed += 1
            continue
        if known.get(key) == (sha, __version__):
            result.skipped += 1
        else:
            todo.append((key, sha))
    if progress is not None:
        progress(0, total=len(todo))
    previous = signal.signal(signal.SIGTERM, _on_term)
    try:
        for done, sha, rows, error in _run(todo, settings, jobs):
            if rows is not None:
                store_rows(db, *rows)
                result.checked += 1
            else:
                store_failure(db, done, sha, __version__, error or "unknown error")
                result.failed += 1
            if progress is not None:
                progress(1)
    except (KeyboardInterrupt, _Stop):
        result.interrupted = True
    finally:
        signal.signal(signal.SIGTERM, previous)
        db.close()
    result.seconds = time.perf_counter() - started
    return result


DIED = "the checking process died on this file (twice: once among others, once alone)"


def _pool(jobs: int, memory_mb: int) -> ProcessPoolExecutor:
    context = multiprocessing.get_context("fork" if sys.platform.startswith("linux") else "spawn")
    return ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=_quiet_worker,
                               initargs=(memory_mb,))


def _run(todo: list[tuple[str, str]], settings: Settings, jobs: int) -> Iterator[tuple[str, str, Any, Any]]:
    """Each file's result as it comes. A worker that dies (a crash, the OOM killer) breaks the pool: the files
    that were in flight are tried again one at a time in a fresh pool, and one that kills it again is recorded
    as failed.
    """
    if not todo:
        return
    if not settings.worker_memory_mb and (jobs <= 1 or len(todo) <= 1):  # no cap asked for: in this process
        for path, sha in todo:
            yield check_one(path, sha, settings)
        return
    pool = _pool(jobs, settings.worker_memory_mb)  # (with a memory cap, even one file is checked in a worker)
    pending = deque(todo)
    suspects: deque[tuple[str, str]] = deque()  # in flight when a worker died: each is tried again alone
    running: dict[Future[Any], tuple[str, str]] = {}
    try:
        while True:
            limit = 1 if suspects else jobs * 2  # a short queue: an interrupted run loses only these
            broken: list[tuple[str, str]] = []
            while len(running) < limit and (suspects or pending):
                item = suspects.popleft() if suspects else pending.popleft()
                try:
                    running[pool.submit(check_one, item[0], item[1], settings)] = item
                except BrokenProcessPool:  # a worker died since the last wait: the pool takes no more
                    pending.appendleft(item)
                    break
            if not running:
                if not (suspects or pending):
                    break
            else:
                done, _ = wait(running, return_when=FIRST_COMPLETED)
                for future in done:
                    item = running.pop(future)
                    failed = future.exception()
                    if isinstance(failed, BrokenProcessPool):
                        broken.append(item)
                    elif failed is not None:  # raised past check_one (its result could not be sent back, say)
                        yield item[0], item[1], None, f"{item[0]}: the checking process failed " \
                                                      f"({type(failed).__name__}: {failed})"
                    else:
                        yield future.result()
            if broken or getattr(pool, "_broken", False):  # _broken: a submit was refused with nothing in flight
                alone = len(broken) + len(running) == 1 and limit == 1
                broken += list(running.values())
                running.clear()
                pool.shutdown(wait=True, cancel_futures=True)
                pool = _pool(jobs, settings.worker_memory_mb)
                if alone:
                    yield broken[0][0], broken[0][1], None, DIED
                else:
                    suspects.extend(broken)
    finally:
        if running:  # stopped early: the files in flight are given up, their workers killed at once
            for process in list(getattr(pool, "_processes", {}).values()):
                process.kill()
            pool.shutdown(wait=False, cancel_futures=True)
        else:
            pool.shutdown(wait=True)
