"""Every limit on what narrcheck reads, in one place, each decided before the work it bounds.

Input past a limit is bad input (InputError, exit 2, a recorded failure in a scan) whose message names the limit;
the figures are far above what a real disclosure needs (the largest the project has seen in brackets).
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from narrcheck.errors import InputError

MAX_BYTES = 50 * 1024 * 1024  # the file itself (settings.max_bytes overrides) [a 100-page PDF: ~3 MB]
MAX_UNPACKED = 200 * 1024 * 1024  # a .docx/.xlsx inflated, counted as it inflates, not as its headers claim
MAX_XML_PART = 32 * 1024 * 1024  # one XML part of it (document.xml, a sheet), inflated [~3 MB]
MAX_DOCUMENT_CHARS = 2_000_000  # the text of the whole document [a corpus document: ~37,000]
MAX_BLOCK_CHARS = 20_000  # one paragraph or cell [~1,500]
MAX_TABLE_COLUMNS = 500  # columns of one table or sheet [~20]
MAX_TABLE_CELLS = 250_000  # rows × columns of one table or sheet, its cells that hold text [~2,000]
MAX_DOCUMENT_CELLS = 1_000_000  # cells of every table of a document, counted in its markup before it is parsed
MAX_PAGES = 2_000  # pages of a PDF [~120]
MAX_SIGNIFICANT_DIGITS = 20  # a longer string of digits is no amount a disclosure states (an ID, a code, noise)
MAX_LIST_LEVEL = 8  # Word's list levels are 0-8
MAX_LIST_START = 32767  # Word's largest list start: a file stating more (1e14) is damaged, not counting that far
DEFAULT_TIMEOUT = 55.0  # seconds narrcheck's own work on one document may take (--timeout): with start-up, a
# document ends within a minute [~0.1]
DEFAULT_WORKER_MEMORY_MB = 2048  # address space of the worker process a `scan` checks each file in [~150 MB]
HEADROOM = 256 * 1024 * 1024  # a capped process may always grow this much past what it holds when capped


def table_size(path: str, rows: int, columns: int, what: str = "a table") -> None:
    """InputError when a table of `rows` × `columns` (the span of its cells that hold text) is past the limits."""
    if columns > MAX_TABLE_COLUMNS:
        raise InputError(path, f"{what} of {columns} columns, more than the limit of {MAX_TABLE_COLUMNS}")
    if rows * columns > MAX_TABLE_CELLS:
        raise InputError(path, f"{what} spanning {rows} rows × {columns} columns, more than the limit of "
                               f"{MAX_TABLE_CELLS} cells")


def cell_count(path: str, cells: int) -> None:
    """InputError when the markup holds more table cells than a document may (counted before parsing it: a
    parser builds an object for each).
    """
    if cells > MAX_DOCUMENT_CELLS:
        raise InputError(path, f"more than {MAX_DOCUMENT_CELLS} table cells, the limit for one document")


@contextmanager
def time_limit(path: str, seconds: float | None, limit: float | None = None) -> Iterator[None]:
    """Raise InputError naming the limit (`limit`, else `seconds`) when the block runs longer than `seconds`
    (None or 0: no limit).

    A POSIX interval timer in the main thread; elsewhere (a thread, Windows) the block runs unbounded.
    """
    usable = bool(seconds) and hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if not usable:
        yield
        return

    def expire(signum: int, frame: object) -> None:
        raise InputError(path, f"checking took longer than the limit of {limit or seconds:g} s (--timeout)")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, float(seconds or 0))
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def cap_memory(megabytes: int) -> None:
    """Bound this process's address space (a `scan` worker's), where the platform allows: an allocation past it
    fails with MemoryError instead of the machine running out.
    """
    try:
        import resource
    except ImportError:  # (not POSIX)
        return
    limit = max(megabytes * 1024 * 1024, _address_space() + HEADROOM)  # (a forked worker starts at its parent's)
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    try:
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    except (ValueError, OSError):  # (a limit the system will not lower to)
        pass


def _address_space() -> int:
    """The address space of the running process, in bytes (0 where the system does not say)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmSize:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError):
        pass
    return 0
