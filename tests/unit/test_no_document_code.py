"""No code for one document: src/ holds no place name or figure that only the sample documents use.

A rule must be one a reviewer would apply to any disclosure (DESIGN.md, "Binding: name, scope, abstain"). This
test reads the corpus and the dev set, collects what is distinctive of one or two documents (place names, figures
with five or more significant digits) and fails if any of it appears in the package's code or data (docstrings and
comments may quote an example; the logic may not).
"""

import ast
import os
import re
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
SETS = [Path(os.environ.get("NARRCHECK_CORPUS", SHARED / "corpus")), SHARED / "devset" / "docs"]
# a place: two to four characters before 省/市/县/区/镇/乡/旗, not a word every document may use
PLACE = re.compile(r"[\u4e00-\u9fff]{2,4}(?:省|市|县|区|镇|乡|旗)")
GENERIC_LEAD = re.compile(r"^(?:全|本|各|该|我|市|县|区|镇|乡|省|中央|地方|城乡|农村|城市|社区|辖区|新区|开发|示范|"
                          r"上级|下级|同级|所在|县级|市级|省级|乡镇|区县|县区|街道|园区|景区|城区|片区|山区|库区|"
                          r"老区|牧区|灾区|分区|小区|校区|行政|贫困|少数|民族|经济|东部|西部|中部|北部|南部|自治)")
# a figure with five or more significant digits that is not a round number (10000 is a unit, not a figure)
FIGURE = re.compile(r"(?<![\d.])\d{3,}\.\d{2,}(?![\d.])|(?<![\d.,])\d{2,}[1-9]\d{0,2}(?<=\d{5})(?![\d.,])")


def _documents() -> list[str]:
    texts = [p.read_text(encoding="utf-8", errors="replace")
             for d in SETS if d.is_dir() for p in sorted(d.glob("*.txt"))]
    if not texts:
        pytest.skip(f"no corpus or dev set found at {', '.join(map(str, SETS))}")
    return texts


def _literals(source: str) -> list[str]:
    """The string and number constants of a module's code, docstrings left out (they may quote examples)."""
    tree = ast.parse(source)
    docs = {id(n.body[0].value) for n in ast.walk(tree)
            if isinstance(n, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
            and n.body and isinstance(n.body[0], ast.Expr) and isinstance(n.body[0].value, ast.Constant)}
    docs |= {id(c) for n in ast.walk(tree) if isinstance(n, ast.keyword) and n.arg == "description"
             for c in ast.walk(n.value) if isinstance(c, ast.Constant)}  # a field's documentation
    return [str(n.value) for n in ast.walk(tree)
            if isinstance(n, ast.Constant) and isinstance(n.value, (str, int, float)) and id(n) not in docs]


def _code() -> str:
    """What the package's logic and data hold: code constants, and data files without their comments."""
    package = ROOT / "src" / "narrcheck"
    parts = [lit for f in package.rglob("*.py") for lit in _literals(f.read_text(encoding="utf-8"))]
    parts += [re.sub(r"(?m)^\s*#.*$", "", f.read_text(encoding="utf-8")) for f in package.rglob("*.toml")
              if not f.name.startswith("explain.")]  # (the rules' documentation may quote an example)
    return "\n".join(parts)


def _distinctive(texts: list[str], pattern: re.Pattern[str], keep=lambda s: True) -> set[str]:
    """What occurs in one or two documents only."""
    seen = Counter(token for text in texts for token in set(pattern.findall(text)) if keep(token))
    return {token for token, n in seen.items() if n <= 2}


def test_no_place_name_of_a_sample_document_in_src():
    places = _distinctive(_documents(), PLACE, keep=lambda p: not GENERIC_LEAD.match(p))
    code = _code()
    found = sorted(p for p in places if p in code)
    assert not found, f"place names of sample documents in src/: {found}"


def test_no_figure_of_a_sample_document_in_src():
    figures = _distinctive(_documents(), FIGURE)
    code = _code()
    found = sorted(f for f in figures if re.search(rf"(?<![\d.]){re.escape(f)}(?![\d])", code))
    assert not found, f"figures of sample documents in src/: {found}"
