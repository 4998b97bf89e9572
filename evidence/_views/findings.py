"""The findings of a check as a person, a program or GitHub Actions reads them."""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from evidence._check import Finding, Report, Severity
from evidence._views.junit import junit
from evidence._views.sarif import sarif

FINDINGS_FORMATS = ("text", "json", "github", "sarif", "junit")
_SURROGATE = re.compile("[\ud800-\udfff]")
MAX_FINDINGS = 100  # findings of one code printed before the rest are counted in one line

_COLOURS = {Severity.ERROR: "\033[31m", Severity.WARNING: "\033[33m", Severity.INFO: "\033[36m"}
# GitHub's workflow commands name levels their own way.
_GITHUB_LEVELS = {"error": "error", "warning": "warning", "info": "notice"}

T = TypeVar("T")


def capped(items: Iterable[T], code: Callable[[T], str], most: int) -> tuple[list[T], dict[str, int]]:
    """The first `most` items of each code (all of them when `most` is 0), and how many of each
    code were left out, so that a million findings of one kind print as a hundred and a line."""
    if most <= 0:
        return list(items), {}
    seen: Counter[str] = Counter()
    kept = []
    for item in items:
        seen[code(item)] += 1
        if seen[code(item)] <= most:
            kept.append(item)
    return kept, {name: count - most for name, count in seen.items() if count > most}


def more_line(code: str, count: int, *, option: bool = True) -> str:
    """'... and 4,900 more S004 findings (--max-findings 0 shows them all)', without the
    option where the command has none."""
    noun = "finding" if count == 1 else "findings"
    return f"... and {count:,} more {code} {noun}" + (" (--max-findings 0 shows them all)" if option else "")


def _text(findings: list[Finding], left_out: dict[str, int], colour: bool) -> str:
    """One finding a line, its code in the colour of its severity when `colour`."""
    lines = []
    for f in findings:
        text = str(f)
        if colour:
            text = text.replace(f.code, f"{_COLOURS[f.severity]}{f.code}\033[0m", 1)
        lines.append(text + "\n")
    lines.extend(more_line(code, count) + "\n" for code, count in left_out.items())
    return "".join(lines)


def _escape(text: str) -> str:
    """A workflow command's message, escaped as the Actions toolkit does (`escapeData` of
    @actions/core) and the runner reads it back: `%`, CR and LF."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: object) -> str:
    """A property (`file=`, `title=`): as a message, and `:` and `,` too, which end a property;
    otherwise a folder `Kadrey, et al/` is read as `file=Kadrey`."""
    return _escape(str(value)).replace(":", "%3A").replace(",", "%2C")


def _github(findings: list[Finding], left_out: dict[str, int]) -> str:
    """One workflow command a finding, so GitHub marks each one on its file and line."""
    lines = []
    for f in findings:
        properties = ",".join(
            f"{k}={_escape_property(v)}"
            for k, v in (("file", f.file), ("line", f.line), ("col", f.column), ("title", f.code))
            if v is not None
        )
        text = f.text
        lines.append(f"::{_GITHUB_LEVELS[f.severity.value]} {properties}::{_escape(text)}\n")
    lines.extend(f"::notice title={code}::{_escape(more_line(code, count))}\n" for code, count in left_out.items())
    return "".join(lines)


def _json(data: Any) -> str:
    text = json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    # A file name that is not UTF-8 holds lone surrogates: written as JSON escapes, which
    # read back as the same name, where no output could hold them raw.
    return _SURROGATE.sub(lambda found: f"\\u{ord(found.group()):04x}", text)


def render_findings(
    report: Report, format: str, *, colour: bool = False, max_per_code: int = 0, files: Iterable[str] = ()
) -> str:
    """The findings of `report` in one of `FINDINGS_FORMATS`: "text" (the summary is not
    included: the command prints it apart), "json" (the whole report, every finding),
    "github", "sarif" (SARIF 2.1.0, every finding) or "junit" (JUnit XML, every finding; a test
    case for each of `files`, the record files checked, as well as for each file a finding
    names). In text and GitHub annotations, `max_per_code` findings of each code are shown (all
    when 0) and the rest counted in one line per code."""
    if format == "json":
        return _json(report.as_dict())
    if format == "sarif":
        return _json(sarif(report))
    if format == "junit":
        return junit(report, files)
    findings, left_out = capped(report.findings, lambda f: f.code, max_per_code)
    if format == "github":
        return _github(findings, left_out)
    return _text(findings, left_out, colour)
