"""Hostile and damaged input never crashes, hangs or runs away with memory (issue 16).

Two parts. The defect classes once found, each at its smallest (hostile.py writes them): the real command line
in a child process under a time and memory bound. Then property-based runs (hypothesis, fixed seed) over text
mutations, numbers and the readers' containers, in process: exit codes 0, 1 or 2 only, never a Python
exception, --format json always one parseable JSON value.
"""

from __future__ import annotations

import io
import json
import os
import resource
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from narrcheck.cli import app

sys.path.insert(0, str(Path(__file__).parent))
import hostile  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
SECONDS = 60  # a whole command line on one hostile file, start-up included
MEMORY = 1536 * 1024 * 1024  # its address space
CASES = list(hostile.cases())


def _bounded() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY, resource.RLIM_INFINITY))


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_each_class_ends_in_a_clean_exit_within_bounds(case, tmp_path):
    path = tmp_path / case.name
    path.write_bytes(case.data)
    for suffix, data in hostile.companions(case).items():
        Path(f"{path}{suffix}").write_bytes(data)
    before = path.read_bytes()
    args = [a.replace("{file}", str(path)).replace("{out}", str(tmp_path / "out")) for a in case.args]
    started = time.perf_counter()
    out = subprocess.run([sys.executable, "-m", "narrcheck", *args], capture_output=True, cwd=ROOT,
                         timeout=SECONDS, preexec_fn=_bounded, env={**os.environ, "PYTHONHASHSEED": "0"})
    stderr = out.stderr.decode("utf-8", "replace")
    assert out.returncode in (0, 1, 2), stderr
    assert "Traceback" not in stderr and all(line.startswith("narrcheck: ") for line in stderr.splitlines()), stderr
    if case.json:
        json.loads(out.stdout)  # one JSON value, an error object when the file could not be checked
    if out.returncode == 2:
        assert path.name in stderr or "--" in stderr, stderr  # the message names the file (or the option)
    assert path.read_bytes() == before  # nothing the user gave is modified
    bound = 10 if len(case.data) < 2**20 else SECONDS  # under 1 MB: 10 s; under 50 MB: 60 s (start-up included)
    assert time.perf_counter() - started < bound
    assert resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss < 2**20  # kilobytes: under 1 GB resident


def test_the_generator_writes_every_case(tmp_path):
    written = hostile.write(tmp_path)
    assert [p.name for p in written] == [c.name for c in CASES]
    assert all(p.stat().st_size > 0 for p in written)


# --- property-based, in process ---------------------------------------------------------------------------------

RUN = CliRunner()
EXAMPLES = int(os.environ.get("NARRCHECK_FUZZ_EXAMPLES", "150"))  # per property; more for a longer search by hand
FUZZ = settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
SEEDS = [
    "2024年度本单位支出合计1,046.60万元，较上年增加5.99万元，增长0.58%，主要原因是人员增加。",
    "其中：基本支出830.00万元，占79.31%；项目支出216.60万元，占20.69%。",
    "“三公”经费支出12.35万元，完成预算的98.80%，较上年减少0.65万元，下降5.00%。",
    "本项目自评得分为96分，评价等级为优。预算执行率为100%，得分10分。",
    "一级指标 二级指标 三级指标 分值 得分\n产出指标（50分） 数量指标 培训人次 50 48\n合计 100 96",
]
PIECES = ["0", "9", ".", ",", "%", "万元", "元", "增长", "减少", "占", "其中：", "合计", "\n", "\t", "|", "（", "）",
          "１", "．", "-", "—", "分", "\u0001", "\ufffe", "\u200b", "𠀀", "e", "99999999999999999999999", "°", "²"]


SMALL_SECONDS = 10  # any input under 1 MB (all of these): a hang detector, not a speed target


def _check(path: Path, *extra: str) -> None:
    """The command line in process on `path`: a clean exit code (never 3: no input is a bug), JSON on stdout,
    and done within SMALL_SECONDS.
    """
    started = time.perf_counter()
    result = RUN.invoke(app, ["check", str(path), "--format", "json", *extra])
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert result.exit_code in (0, 1, 2), result.output
    json.loads(result.stdout)
    assert time.perf_counter() - started < SMALL_SECONDS


@st.composite
def mutated(draw: st.DrawFn) -> str:
    text = draw(st.sampled_from(SEEDS))
    for _ in range(draw(st.integers(0, 8))):
        at = draw(st.integers(0, len(text)))
        edit = draw(st.sampled_from(["insert", "delete", "repeat"]))
        if edit == "insert":
            text = text[:at] + draw(st.one_of(st.sampled_from(PIECES), st.text(max_size=3))) + text[at:]
        elif edit == "delete":
            text = text[:at] + text[at + draw(st.integers(1, 5)):]
        else:
            text = text[:at] + text[at:at + 20] * draw(st.integers(2, 30)) + text[at:]
    return text


@FUZZ
@given(text=mutated())
def test_mutated_text(tmp_path_factory, text):
    path = tmp_path_factory.mktemp("t") / "说明.txt"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    _check(path)


@FUZZ
@given(digits=st.text(alphabet="0123456789.,-+%", min_size=1, max_size=60),
       unit=st.sampled_from(["万元", "元", "%", "亿元", ""]))
def test_numbers_of_any_shape(tmp_path_factory, digits, unit):
    path = tmp_path_factory.mktemp("n") / "说明.txt"
    path.write_text(f"本年支出合计{digits}{unit}，较上年增加{digits}{unit}，增长{digits}%。其中：基本支出{digits}万元，"
                    f"占{digits}%。\n", encoding="utf-8")
    _check(path)


@FUZZ
@given(value=st.one_of(st.floats(allow_nan=True, allow_infinity=True), st.integers(-10**30, 10**30),
                       st.text(max_size=20)),
       number_format=st.sampled_from(["General", "0.00", "#,##0.00", "0.00%", "0", "@", "0.0000000000"]))
def test_sheet_cells_of_any_value(tmp_path_factory, value, number_format):
    path = tmp_path_factory.mktemp("x") / "附表.xlsx"
    try:
        data = hostile._xlsx({"A1": "本年支出合计", "B1": value, "A2": "基本支出", "B2": 30}, number_format)
    except Exception:  # (a value openpyxl itself will not write is no workbook to read)
        return
    path.write_bytes(data)
    _check(path)


NUMBERING = hostile._numbering()
DOCX = hostile._docx([hostile.SENTENCE])
PDF = hostile._pdf()
CONTAINERS = {  # a sound file of each kind the readers take, to damage
    "docx": (DOCX, "说明.docx"), "numbered": (NUMBERING, "说明.docx"), "pdf": (PDF, "说明.pdf"),
    "xlsx": (hostile._xlsx({"A1": "本年支出合计", "B1": 46.6, "A2": "基本支出", "B2": 30}, "0.00"), "附表.xlsx"),
    "xls": (hostile._xls({(0, 0): "本年支出合计", (0, 1): 46.6, (1, 0): "基本支出", (1, 1): 30}), "附表.xls"),
    "html": (("<html><body><h2>一、收入支出决算总体情况说明</h2><p>" + hostile.SENTENCE + "</p><table><tr><td>项目"
              "</td><td colspan=\"2\">本年支出</td></tr><tr><td>合计</td><td>46.60</td><td>30.00</td></tr></table>"
              "</body></html>").encode(), "说明.html"),
}


@FUZZ
@given(start=st.text(max_size=12), level=st.text(max_size=4),
       fmt=st.sampled_from(["decimal", "upperRoman", "lowerRoman", "chineseCounting", "upperLetter", "bullet", "x"]))
def test_numbering_attributes_of_any_value(tmp_path_factory, start, level, fmt):
    escape = str.maketrans({"<": "", ">": "", '"': "", "&": ""})
    path = tmp_path_factory.mktemp("w") / "说明.docx"
    path.write_bytes(hostile._numbering(start=start.translate(escape) or "1", level=level.translate(escape),
                                        fmt=fmt))
    _check(path)


@FUZZ
@given(source=st.sampled_from(sorted(CONTAINERS)),
       flips=st.lists(st.tuples(st.floats(0, 1), st.integers(0, 255)), min_size=1, max_size=6),
       cut=st.one_of(st.none(), st.floats(0, 1)))
def test_container_bytes_damaged(tmp_path_factory, source, flips, cut):
    sound, name = CONTAINERS[source]
    data = bytearray(sound)
    for where, byte in flips:
        data[min(int(where * len(data)), len(data) - 1)] = byte
    if cut is not None:  # truncated as well
        data = data[:max(1, int(cut * len(data)))]
    path = tmp_path_factory.mktemp("b") / name
    path.write_bytes(bytes(data))
    _check(path)


@FUZZ
@given(member=st.sampled_from(["word/document.xml", "word/styles.xml", "[Content_Types].xml",
                               "word/_rels/document.xml.rels", "word/numbering.xml"]),
       cut=st.floats(0, 1), junk=st.binary(max_size=40))
def test_zip_members_damaged(tmp_path_factory, member, cut, junk):
    def edit(name: str, content: bytes) -> bytes:
        return content[:int(cut * len(content))] + junk if name == member else content
    path = tmp_path_factory.mktemp("z") / "说明.docx"
    path.write_bytes(hostile._rezip(NUMBERING, edit))
    _check(path)


def test_memory_stayed_bounded_over_the_runs():
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # (kilobytes on Linux)
    assert peak < MEMORY, f"peak {peak // 2**20} MB"


def test_a_damaged_zip_is_refused_by_what_it_inflates_to(tmp_path):
    """The archive's headers understate a member: refused, not read past what they say."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/document.xml", b"<w:document/>" * 1000)
    path = tmp_path / "说明.docx"
    path.write_bytes(hostile._zip_sizes(buffer.getvalue(), 10))
    result = RUN.invoke(app, ["check", str(path)])
    assert result.exit_code == 2 and "archive" in result.stderr
