"""Settings: defaults → [tool.narrcheck] in pyproject.toml → narrcheck.toml → command line.

An unknown key is an error, never silently ignored.
"""

from __future__ import annotations

import tomllib
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from narrcheck import limits
from narrcheck.errors import ConfigError


class Settings(BaseModel):
    """Every setting narrcheck reads, with its default."""

    model_config = ConfigDict(extra="forbid")

    select: list[str] = Field(default_factory=list, description="rule ids or prefixes to run (empty: all)")
    ignore: list[str] = Field(default_factory=list, description="rule ids or prefixes not to run")
    lang: str = Field(default="zh", pattern="^(zh|en)$")
    max_bytes: int = Field(default=limits.MAX_BYTES, gt=0, description="refuse larger input files")
    timeout: float = Field(default=limits.DEFAULT_TIMEOUT, ge=0, description="seconds narrcheck's own work on "
                           "one document may take, reading and checking together (0: no limit; the LLM has its "
                           "own budget)")
    worker_memory_mb: int = Field(default=limits.DEFAULT_WORKER_MEMORY_MB, ge=0, description="address space of "
                                  "the worker process each file of a `scan` is checked in, MB (0: checked in "
                                  "the scan's own process, with no limit)")
    grade_bands: dict[str, float] | None = Field(
        default=None,
        description="lowest score of each grade word (差 is below the lowest); NC307. Unset: the usual bands "
                    "优 90 / 良 80 / 中 60 are assumed and a disagreement is only unverifiable")
    execution_score: Literal["proportional", "none"] = Field(
        default="proportional", description="NC305: score = 执行率 × weight, capped at the weight; or not checked")
    llm: bool = Field(default=False, description="add claims an LLM reads from the free text (needs an endpoint)")
    llm_base_url: str | None = Field(default=None, description="OpenAI-compatible endpoint; else "
                                     "$NARRCHECK_LLM_BASE_URL or $OPENAI_BASE_URL")
    llm_model: str | None = Field(default=None, description="model name; else $NARRCHECK_LLM_MODEL or "
                                  "$OPENAI_MODEL")
    llm_budget: int = Field(default=30_000, gt=0, description="most tokens one document may spend")
    llm_concurrency: int = Field(default=2, ge=1, le=16, description="requests in flight at once")
    llm_constrained: bool | None = Field(default=None, description="the server decodes within the answer's "
                                         "JSON Schema (llama.cpp's does): the schema then rides in the request "
                                         "only, not also in the prompt; unset: send it both ways, and fall back "
                                         "to plain JSON when the endpoint refuses it")
    llm_timeout: float = Field(default=120, gt=0, description="seconds one request may take (a local CPU "
                               "server may need more)")
    llm_time_budget: float = Field(default=55, gt=0, description="seconds the LLM may take for one document, "
                                   "counted from the start of its check (then the rules' result alone): a "
                                   "silent endpoint costs a document less than a minute")
    llm_cache: bool = Field(default=True, description="reuse answers cached on disk (--no-cache turns it off)")
    llm_cache_dir: str | None = Field(default=None, description="where answers are cached; else "
                                      "$NARRCHECK_CACHE or ~/.cache/narrcheck")

    def own_tiers(self, stated: frozenset[int]) -> frozenset[int]:
        """The score tables whose execution score follows the tiers the document states for them (`stated`), so that
        it is not judged: none where `execution_score` is set (in a narrcheck.toml, [tool.narrcheck], or passed to
        Settings, even to its default): the setting then wins.
        """
        return frozenset() if "execution_score" in self.model_fields_set else stated

    def bands(self, stated: Sequence[tuple[str, Decimal]] | None = None) -> tuple[tuple[str, Decimal], ...]:
        """Grade bands, highest first, ending with 差 for everything below: the setting's, else those the document
        states (`stated`), else the usual ones.
        """
        if self.grade_bands is None and stated:
            return (*stated, ("差", Decimal("-Infinity")))
        bands = self.grade_bands or {"优": 90, "良": 80, "中": 60}
        ordered = sorted(bands.items(), key=lambda kv: -kv[1])
        return (*((g, Decimal(str(v))) for g, v in ordered), ("差", Decimal("-Infinity")))


def load_settings(start: Path | None = None, **overrides: object) -> Settings:
    """Layer the files found from `start` (default: the working directory) upwards, then `overrides`."""
    data: dict[str, Any] = {}
    here = (start or Path.cwd()).resolve()
    for folder in [here, *here.parents]:
        pyproject, own = folder / "pyproject.toml", folder / "narrcheck.toml"
        if pyproject.is_file():
            data.update(_read(pyproject).get("tool", {}).get("narrcheck", {}))
        if own.is_file():
            data.update(_read(own))
        if pyproject.is_file() or own.is_file():
            break
    data.update({k: v for k, v in overrides.items() if v not in (None, [], ())})
    try:
        return Settings(**data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise ConfigError(f"invalid setting {where!r}: {first['msg']}") from None


def _read(path: Path) -> dict:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError, OSError) as exc:
        raise ConfigError(f"{path}: cannot read settings ({exc})") from None
