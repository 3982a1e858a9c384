"""The command line. Heavy modules are imported inside the commands so `narrcheck --help` starts fast."""

from __future__ import annotations

import os
import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

if TYPE_CHECKING:
    from narrcheck.model.findings import Failure

app = typer.Typer(add_completion=False, no_args_is_help=True, rich_markup_mode=None, pretty_exceptions_enable=False,
                  help="Prove or disprove the numbers in the narrative of a budget disclosure (部门决算/绩效自评).")

EXIT_OK, EXIT_FINDINGS, EXIT_BAD_INPUT, EXIT_BUG = 0, 1, 2, 3


class Format(StrEnum):
    text = "text"
    json = "json"
    html = "html"
    md = "md"
    xlsx = "xlsx"


class Lang(StrEnum):
    zh = "zh"
    en = "en"


LangOption = Annotated[Lang | None, typer.Option("--lang", help="language of messages (default zh)")]
TimeoutOption = Annotated[float | None, typer.Option("--timeout", min=0, help="seconds one document may take "
                                                                              "(default 55; 0: no limit)")]


@app.callback()
def _options(debug: Annotated[bool, typer.Option("--debug", help="on a narrcheck bug, show the traceback")] = False
             ) -> None:
    """Options for every command."""
    if debug:
        os.environ["NARRCHECK_DEBUG"] = "1"


def _fail(message: str) -> None:
    typer.echo(f"narrcheck: error: {message}", err=True)


@app.command()
def check(
    files: Annotated[list[Path], typer.Argument(help="disclosure files to check", show_default=False)],
    format: Annotated[Format, typer.Option("--format", "-f", help="output format: text, json, html (one "
                                                                 "self-contained page; also marks the claims that "
                                                                 "checked out), md, xlsx (needs -o)")] = Format.text,
    all_: Annotated[bool, typer.Option("--all", help="also list the claims that checked out")] = False,
    unverifiable: Annotated[bool, typer.Option("--unverifiable", help="also list claims that cannot be "
                                                                      "checked (an operand is missing)")] = False,
    output: Annotated[Path | None, typer.Option("-o", "--output", help="write the report to this file")] = None,
    lang: LangOption = None,
    select: Annotated[list[str] | None, typer.Option("--select", help="run only these rule ids or prefixes "
                                                                      "(repeat or comma-separate)")] = None,
    ignore: Annotated[list[str] | None, typer.Option("--ignore", help="skip these rule ids or prefixes")] = None,
    llm: Annotated[bool | None, typer.Option("--llm/--no-llm", help="also let an LLM read the free text "
                                                                    "(OpenAI-compatible endpoint from the settings "
                                                                    "or OPENAI_BASE_URL / OPENAI_MODEL)")] = None,
    no_cache: Annotated[bool, typer.Option("--no-cache", help="ask the LLM again instead of reusing cached "
                                                              "answers")] = False,
    tables: Annotated[list[Path] | None, typer.Option("--tables", help="the official 财决 tables (附表) published "
                                                                      "beside the narrative (.xls, .xlsx, or any "
                                                                      "format read); repeat for several files; "
                                                                      "the narrative's figures are checked "
                                                                      "against them (NC202)")] = None,
    waivers: Annotated[Path | None, typer.Option("--waivers", help="waiver file (default: "
                                                                   "./narrcheck.waivers.toml when present)")] = None,
    timeout: TimeoutOption = None,
) -> None:
    """Check FILES and report every claim that does not hold. Exit 0: none; 1: errors found; 2: bad input."""
    from narrcheck.api import check_file, prefill_llm, read_account_files, tune_gc_for_batch
    from narrcheck.config import load_settings
    from narrcheck.errors import NarrcheckError
    from narrcheck.model.findings import Failure, Report
    from narrcheck.reporters import get_reporter
    from narrcheck.waivers import load_waivers

    try:
        settings = load_settings(select=_split(select), ignore=_split(ignore),
                                 lang=lang.value if lang else None, llm=llm,
                                 llm_cache=False if no_cache else None, timeout=timeout)
    except NarrcheckError as exc:
        _refuse(files, str(exc), format is Format.json, output)
    _check_rule_ids(settings.select + settings.ignore)
    if format is Format.xlsx and output is None:
        _fail("--format xlsx writes a workbook: give it a file with -o report.xlsx")
        raise typer.Exit(EXIT_BAD_INPUT)
    all_ = all_ or format is Format.html  # the page marks every checked claim, those that hold too
    try:
        accounts = read_account_files(tables or [], settings)
        waived = load_waivers(waivers)
    except NarrcheckError as exc:
        _refuse(files, str(exc), format is Format.json, output)
    outcomes: list[Report | Failure] = []  # in the order given; a file that could not be checked as a Failure
    tune_gc_for_batch()
    # several files: their residue asked about in shared batches, one prompt for several documents
    prefilled = prefill_llm(files, settings, accounts) if settings.llm and len(files) > 1 else None
    for path in files:
        try:
            outcomes.append(check_file(path, settings, show_all=all_, show_unverifiable=unverifiable,
                                       accounts=accounts, waivers=waived, prefilled=prefilled))
        except NarrcheckError as exc:
            _fail(str(exc))
            outcomes.append(_failure(path, "bad_input", str(exc)))
        except Exception as exc:  # a narrcheck bug on this file: said, recorded, and the batch goes on
            if os.environ.get("NARRCHECK_DEBUG"):
                raise
            message = f"{path}: {_bug(exc)}"
            print(f"narrcheck: internal error: {message}", file=sys.stderr)
            outcomes.append(_failure(path, "internal", message))
    reports = [r for r in outcomes if isinstance(r, Report)]
    if format is Format.json and outcomes:  # stdout is JSON whatever happened: an error object for a failure
        _write(get_reporter("json")(outcomes, settings.lang), output)
    elif reports:
        render = get_reporter(format.value)
        color = format is Format.text and output is None and sys.stdout.isatty()
        text = render(reports, settings.lang, color) if format is Format.text else render(reports, settings.lang)
        _write(text, output)
    for report in reports:
        for stale in report.summary.stale_waivers:
            typer.echo(f"narrcheck: warning: {report.document.path}: stale waiver ({stale}): no finding matches it",
                       err=True)
    broken = [r for r in reports if r.summary.internal_errors]
    for report in broken:
        typer.echo(f"narrcheck: internal error: {report.document.path}: {report.summary.internal_errors} claim(s) a "
                   "rule failed on (--unverifiable shows them) or table(s) that failed to be read; this is a narrcheck "
                   "bug, please report it", err=True)
    failures = [o for o in outcomes if isinstance(o, Failure)]
    if broken or any(f.error.kind == "internal" for f in failures):
        raise typer.Exit(EXIT_BUG)
    if failures:
        raise typer.Exit(EXIT_BAD_INPUT)
    errors = any(f.severity.value == "error" and not f.waived for r in reports for f in r.findings)
    raise typer.Exit(EXIT_FINDINGS if errors else EXIT_OK)


@app.command()
def scan(
    targets: Annotated[list[str], typer.Argument(help="folders (searched recursively), globs or files",
                                                 show_default=False)],
    db: Annotated[Path, typer.Option("--db", help="the results database (SQLite; created when new)")],
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=1, help="processes checking files at once")] = 1,
    rescan: Annotated[bool, typer.Option("--rescan", help="check again files already scanned with the same "
                                                          "content and version")] = False,
    lang: LangOption = None,
    timeout: TimeoutOption = None,
) -> None:
    """Check an archive of disclosures into SQLite. Re-runs skip what is done; Ctrl-C loses only the files in
    flight. Exit 0 when the run completed (findings are data), 130 when interrupted, 2 for bad arguments.
    """
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from narrcheck.api import tune_gc_for_batch
    from narrcheck.archive.scan import scan as run_scan
    from narrcheck.config import load_settings
    from narrcheck.errors import NarrcheckError

    try:
        settings = load_settings(lang=lang.value if lang else None, timeout=timeout)
    except NarrcheckError as exc:
        _fail(str(exc))
        raise typer.Exit(EXIT_BAD_INPUT) from None
    tune_gc_for_batch()
    bar = Progress(TextColumn("scan"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                   console=None, transient=False, disable=not sys.stderr.isatty())
    task = bar.add_task("scan", total=None)

    def advance(n: int, total: int | None = None) -> None:
        if total is not None:
            bar.update(task, total=total)
        bar.advance(task, n)

    try:
        with bar:
            result = run_scan(targets, db, settings, jobs=jobs, rescan=rescan, progress=advance)
    except Exception as exc:  # sqlite3 errors opening the database: not a file of ours to explain further
        _fail(f"{db}: cannot use the results database ({exc})")
        raise typer.Exit(EXIT_BAD_INPUT) from None
    for target in result.unmatched:
        _fail(f"{target}: no file matches")
    state = "interrupted" if result.interrupted else "done"
    typer.echo(f"narrcheck scan {state}: {result.files} files, {result.checked} checked, {result.failed} failed, "
               f"{result.skipped} already scanned, in {result.seconds:.1f}s → {db}", err=True)
    if result.interrupted:
        # everything committed is in the closed database; the pool of killed workers would race the interpreter's
        # exit and may print a traceback (OSError: Bad file descriptor) after this message, so leave at once
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(130)
    if result.files == 0:
        raise typer.Exit(EXIT_BAD_INPUT)


class ArchiveFormat(StrEnum):
    md = "md"
    html = "html"
    xlsx = "xlsx"


class Severity(StrEnum):
    error = "error"
    warning = "warning"
    info = "info"


@app.command()
def report(
    database: Annotated[Path, typer.Argument(help="a results database written by `narrcheck scan`")],
    format: Annotated[ArchiveFormat, typer.Option("--format", "-f", help="md, html or xlsx (needs -o)")] =
    ArchiveFormat.md,
    output: Annotated[Path | None, typer.Option("-o", "--output", help="write the report to this file")] = None,
    rule: Annotated[list[str] | None, typer.Option("--rule", help="only these rule ids or prefixes")] = None,
    min_severity: Annotated[Severity, typer.Option("--min-severity", help="leave out findings below this")] =
    Severity.info,
    top: Annotated[int, typer.Option("--top", min=1, help="how many of the largest gaps to list")] = 100,
    lang: LangOption = None,
) -> None:
    """The flagged-claims report across a scanned archive: counts by rule, verdict, year and document, and the
    claims with the largest gaps first, each linked to its document and place.
    """
    from narrcheck.archive.summary import archive_report
    from narrcheck.errors import NarrcheckError
    from narrcheck.reporters import get_reporter

    if format is ArchiveFormat.xlsx and output is None:
        _fail("--format xlsx writes a workbook: give it a file with -o report.xlsx")
        raise typer.Exit(EXIT_BAD_INPUT)
    rules = _split(rule)
    _check_rule_ids(rules)
    try:
        summary = archive_report(database, rules, min_severity.value, top)
    except NarrcheckError as exc:
        _fail(str(exc))
        raise typer.Exit(EXIT_BAD_INPUT) from None
    text = get_reporter(format.value, "archive")(summary, _lang(lang))
    _write(text, output)


def _write(text: str | bytes, output: Path | None) -> None:
    """Write a rendered report to `output`, or to standard output when none is given."""
    if output is None:
        sys.stdout.write(text if isinstance(text, str) else text.decode())
        return
    try:
        if isinstance(text, bytes):
            output.write_bytes(text)
        else:
            output.write_text(text, encoding="utf-8")
    except OSError as exc:
        _fail(f"{output}: cannot write report ({exc.strerror or exc})")
        raise typer.Exit(EXIT_BAD_INPUT) from None


def _lang(lang: Lang | None) -> str:
    """The language asked for, else the configured one (zh by default)."""
    from narrcheck.config import load_settings
    from narrcheck.errors import NarrcheckError

    if lang is not None:
        return lang.value
    try:
        return load_settings().lang
    except NarrcheckError as exc:
        _fail(str(exc))
        raise typer.Exit(EXIT_BAD_INPUT) from None


@app.command()
def rules(lang: LangOption = None) -> None:
    """List every rule: id, name, default severity and what must hold."""
    from narrcheck.checks import all_rules
    from narrcheck.checks.explain import summary

    language = _lang(lang)
    for cls in all_rules():
        typer.echo(f"{cls.id}  {cls.name:<18} {cls.severity.value:<8} {summary(cls, language)}")


@app.command()
def explain(rule_id: Annotated[str, typer.Argument(help="a rule id such as NC101")],
            lang: LangOption = None) -> None:
    """Print one rule's documentation: what must hold, how it is computed, a failing and a passing example."""
    from narrcheck.checks import get_rule
    from narrcheck.checks.explain import explanation

    cls = get_rule(rule_id)
    if cls is None:
        _fail(f"unknown rule {rule_id!r}; `narrcheck rules` lists them")
        raise typer.Exit(EXIT_BAD_INPUT)
    language = _lang(lang)
    severity = {"zh": "默认级别", "en": "default severity"}[language]
    typer.echo(f"{cls.id} {cls.name} ({severity}: {cls.severity.value})\n")
    typer.echo(explanation(cls, language))


def _refuse(files: list[Path], message: str, as_json: bool, output: Path | None) -> NoReturn:
    """Stop before any file is checked (a bad setting, an unreadable --tables file): exit 2, and with --format
    json an error object for each file, where the report would have gone.
    """
    _fail(message)
    if as_json:
        from narrcheck.reporters import get_reporter

        _write(get_reporter("json")([_failure(p, "bad_input", message) for p in files], "zh"), output)
    raise typer.Exit(EXIT_BAD_INPUT)


def _failure(path: str | Path, kind: str, message: str) -> Failure:
    from narrcheck import __version__
    from narrcheck.model.findings import FailedDocument, Failure, Problem

    return Failure(narrcheck=__version__, document=FailedDocument(path=str(path)), error=Problem(kind=kind,
                                                                                                message=message))


def _bug(exc: BaseException) -> str:
    return (f"{type(exc).__name__}: {exc}; this is a narrcheck bug, please report it (--debug or NARRCHECK_DEBUG=1 "
            "shows the traceback)")


def _split(values: list[str] | None) -> list[str]:
    return [v.strip() for item in values or [] for v in item.split(",") if v.strip()]


def _check_rule_ids(prefixes: list[str]) -> None:
    from narrcheck.checks import all_rules

    ids = [cls.id for cls in all_rules()]
    for prefix in prefixes:
        if not any(i.startswith(prefix.upper()) for i in ids):
            _fail(f"no rule matches {prefix!r}; `narrcheck rules` lists them")
            raise typer.Exit(EXIT_BAD_INPUT)


def main() -> None:
    """Run the command line; a narrcheck bug ends in one line on stderr and exit 3 (never 1, which means error
    findings), with the traceback only when NARRCHECK_DEBUG is set.
    """
    try:
        app()
    except Exception as exc:
        if os.environ.get("NARRCHECK_DEBUG"):
            raise
        print(f"narrcheck: internal error: {_bug(exc)}", file=sys.stderr)
        if _json_asked(sys.argv[1:]):  # stdout stays one JSON object, the error object of the contract
            print(_failure("", "internal", _bug(exc)).model_dump_json())
        sys.exit(EXIT_BUG)


def _json_asked(argv: list[str]) -> bool:
    """The command line asks for --format json (in any of its spellings)."""
    pairs = zip(argv, [*argv[1:], ""], strict=True)
    return any(a in ("--format=json", "-fjson") or (a in ("--format", "-f") and b == "json") for a, b in pairs)


if __name__ == "__main__":  # pragma: no cover
    main()
