"""Answers cached on disk by (model, prompt file hash, text hash): a re-run of a document costs no tokens."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path


def default_dir() -> Path:
    """$NARRCHECK_CACHE, else $XDG_CACHE_HOME/narrcheck, else ~/.cache/narrcheck."""
    if os.environ.get("NARRCHECK_CACHE"):
        return Path(os.environ["NARRCHECK_CACHE"])
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "narrcheck"


class AnswerCache:
    """One JSON file per answer; a file that cannot be read is a miss, never an error."""

    def __init__(self, folder: Path | None, enabled: bool = True) -> None:
        self.folder = folder or default_dir()
        self.enabled = enabled

    @staticmethod
    def key(model: str, prompt_sha: str, text: str) -> str:
        return hashlib.sha256("\x00".join((model, prompt_sha, text)).encode("utf-8")).hexdigest()

    def get(self, key: str) -> dict[str, object] | None:
        if not self.enabled:
            return None
        path = self.folder / key[:2] / f"{key}.json"
        try:
            return json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None

    def put(self, key: str, answer: dict[str, object]) -> None:
        if not self.enabled:
            return
        path = self.folder / key[:2] / f"{key}.json"
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(".tmp")
            tmp.write_text(json.dumps(answer, ensure_ascii=False), encoding="utf-8")
            tmp.replace(path)
        except OSError:
            pass  # a cache that cannot be written only costs tokens next time
