"""Waivers: findings a reviewer has explained (the 出错说明), named by rule, document and fingerprint.

A waiver file (`narrcheck.waivers.toml` in the working directory, or --waivers FILE) holds entries:

    [[waiver]]
    rule = "NC402"
    document = "000_*.txt"        # a glob on the file name or the path, or the document's sha256
    fingerprint = "3f2a9c01b7de"  # from the finding (JSON `fingerprint`, shown in every report)
    reason = "不涉及 refers to 重点领域 purchases only; the 1.45万元 is routine office goods"

A waived finding stays in the report, marked with its reason, and no longer sets exit code 1. A waiver whose
document was checked but whose finding is gone is stale, and is reported as such.
"""

from __future__ import annotations

import fnmatch
import tomllib
from dataclasses import dataclass
from pathlib import Path

from narrcheck.errors import ConfigError
from narrcheck.model.findings import Report

DEFAULT_FILE = "narrcheck.waivers.toml"


@dataclass(frozen=True)
class Waiver:
    rule: str
    document: str
    fingerprint: str
    reason: str

    def covers_document(self, path: str, sha256: str) -> bool:
        if self.document == sha256:
            return True
        return fnmatch.fnmatch(path, self.document) or fnmatch.fnmatch(Path(path).name, self.document)

    def describe(self) -> str:
        return f"{self.rule} {self.document} {self.fingerprint}"


def load_waivers(path: str | Path | None) -> list[Waiver]:
    """The waivers of `path`, else of ./narrcheck.waivers.toml when it exists; ConfigError when malformed."""
    file = Path(path) if path is not None else Path(DEFAULT_FILE)
    if path is None and not file.is_file():
        return []
    try:
        data = tomllib.loads(file.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{file}: cannot read waivers ({exc})") from None
    out = []
    for i, entry in enumerate(data.get("waiver", []), start=1):
        missing = [k for k in ("rule", "document", "fingerprint", "reason") if not str(entry.get(k, "")).strip()]
        unknown = sorted(set(entry) - {"rule", "document", "fingerprint", "reason"})
        if missing or unknown:
            what = f"lacks {', '.join(missing)}" if missing else f"has unknown keys {', '.join(unknown)}"
            raise ConfigError(f"{file}: waiver {i} {what}")
        out.append(Waiver(str(entry["rule"]).upper(), str(entry["document"]), str(entry["fingerprint"]),
                          str(entry["reason"])))
    return out


def apply_waivers(report: Report, waivers: list[Waiver]) -> Report:
    """Mark the findings the waivers cover; record the waivers for this document that matched nothing."""
    mine = [w for w in waivers if w.covers_document(report.document.path, report.document.sha256)]
    if not mine:
        return report
    used: set[Waiver] = set()
    findings = []
    for finding in report.findings:
        waiver = next((w for w in mine if w.rule == finding.rule and w.fingerprint == finding.fingerprint), None)
        if waiver is not None:
            used.add(waiver)
            finding = finding.model_copy(update={"waived": waiver.reason})
        findings.append(finding)
    summary = report.summary.model_copy(update={
        "waived": sum(1 for f in findings if f.waived and f.severity.value == "error"),
        "stale_waivers": [w.describe() for w in mine if w not in used]})
    return report.model_copy(update={"findings": findings, "summary": summary}).with_source(report.source)
