"""The findings of a check as a person, a program or GitHub Actions reads them."""

from __future__ import annotations

import json
import re

from evidence._check import Report, Severity

FINDINGS_FORMATS = ("text", "json", "github")
_SURROGATE = re.compile("[\ud800-\udfff]")

_COLOURS = {Severity.ERROR: "\033[31m", Severity.WARNING: "\033[33m", Severity.INFO: "\033[36m"}
# GitHub's workflow commands name levels their own way.
_GITHUB_LEVELS = {"error": "error", "warning": "warning", "info": "notice"}


def _text(report: Report, colour: bool) -> str:
    """One finding a line, its code in the colour of its severity when `colour`."""
    lines = []
    for f in report.findings:
        text = str(f)
        if colour:
            text = text.replace(f.code, f"{_COLOURS[f.severity]}{f.code}\033[0m", 1)
        lines.append(text + "\n")
    return "".join(lines)


def _github(report: Report) -> str:
    """One workflow command a finding, so GitHub marks each one on its file and line."""
    lines = []
    for f in report.findings:
        where = ",".join(
            f"{k}={v}" for k, v in (("file", f.file), ("line", f.line), ("col", f.column)) if v is not None
        )
        text = f"{f.path} {f.message}".strip() + (f" (hint: {f.hint})" if f.hint else "")
        message = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        lines.append(f"::{_GITHUB_LEVELS[f.severity.value]} {where},title={f.code}::{message}\n")
    return "".join(lines)


def render_findings(report: Report, format: str, *, colour: bool = False) -> str:
    """The findings of `report` in one of `FINDINGS_FORMATS`: "text" (the summary is not
    included: the command prints it apart), "json" (the whole report) or "github"."""
    if format == "json":
        text = json.dumps(report.as_dict(), indent=2, ensure_ascii=False) + "\n"
        # A file name that is not UTF-8 holds lone surrogates: written as JSON escapes, which
        # read back as the same name, where no output could hold them raw.
        return _SURROGATE.sub(lambda found: f"\\u{ord(found.group()):04x}", text)
    if format == "github":
        return _github(report)
    return _text(report, colour)
