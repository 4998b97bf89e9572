"""The findings of a check as SARIF 2.1.0, the format GitHub code scanning and other static
analysis dashboards read.

Each rule of `RULES` is one reporting descriptor: its summary is the short description, and its
help is the rule's section of docs/rules.md (what it checks, why it matters, how to fix it),
read from the copy packaged beside this module, so the reference is written once.
"""

from __future__ import annotations

import functools
import importlib.metadata
import importlib.resources
import os
import re
import urllib.parse
from typing import Any

from evidence._check import RULES, Finding, Report, Severity

SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
# SARIF names levels its own way; a note is what the check calls info.
SARIF_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
# The parts of a rule's section that help someone fix a finding (the example is left out).
_HELP_PARTS = ("What it checks.", "Why it matters.", "Fix.")
_LINK = re.compile(r"\[([^\]]*)\]\(([^)]*)\)")


@functools.cache
def rule_help() -> dict[str, str]:
    """Each rule's help as Markdown: the paragraphs of its section of docs/rules.md that say what
    it checks, why it matters and how to fix a finding. Links to other pages of the docs are
    kept as their text alone, since a code-scanning alert has no page for them to be relative to."""
    text = importlib.resources.files("evidence._views").joinpath("rules.md").read_text(encoding="utf-8")
    helps = {}
    for section in re.split(r"^(?=## )", text, flags=re.MULTILINE):
        heading = re.match(r"## ([A-Z]\d{3}): ", section)
        if heading is None:
            continue
        paragraphs = [p.strip() for p in re.split(r"\n\s*\n", section)]
        kept = [p for p in paragraphs if p.startswith(tuple(f"**{part}**" for part in _HELP_PARTS))]
        helps[heading[1]] = "\n\n".join(_LINK.sub(_local_link, " ".join(p.split())) for p in kept)
    return helps


def _local_link(link: re.Match[str]) -> str:
    return link[0] if re.match(r"https?://", link[2]) else link[1]


def _plain(markdown: str) -> str:
    """Help as plain text, for readers that do not render Markdown."""
    return _LINK.sub(r"\1 (\2)", markdown).replace("**", "").replace("`", "")


def _uri(file: str) -> str:
    """A file name as a URI reference: relative as given (a path from where the check ran), its
    bytes percent-encoded, so a space, `%` or `#` in a name, or bytes that are not UTF-8, read
    back as the same name."""
    if os.path.isabs(file):
        return "file://" + urllib.parse.quote(os.fsencode(file).replace(os.sep.encode(), b"/"))
    return urllib.parse.quote(os.fsencode(file).replace(os.sep.encode(), b"/"))


def _version() -> str | None:
    try:
        return importlib.metadata.version("evidence")
    except importlib.metadata.PackageNotFoundError:
        return None


def _rule(code: str) -> dict[str, Any]:
    rule = RULES.get(code)
    if rule is None:  # not a rule of the checker's: named by its code alone
        return {"id": code, "shortDescription": {"text": code}}
    markdown = rule_help().get(code, rule.summary)
    return {
        "id": code,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": rule.summary},
        "help": {"text": _plain(markdown), "markdown": markdown},
        "defaultConfiguration": {"level": SARIF_LEVELS[rule.severity]},
        "properties": {"severity": rule.severity.value},
    }


def _result(finding: Finding, index: int) -> dict[str, Any]:
    text = finding.text
    result: dict[str, Any] = {
        "ruleId": finding.code,
        "ruleIndex": index,
        "level": SARIF_LEVELS[finding.severity],
        "message": {"text": text},
    }
    location: dict[str, Any] = {}
    if finding.file is not None:
        physical: dict[str, Any] = {"artifactLocation": {"uri": _uri(finding.file)}}
        if not os.path.isabs(finding.file):
            physical["artifactLocation"]["uriBaseId"] = "%SRCROOT%"
        if finding.line is not None:
            region = {"startLine": finding.line}
            if finding.column is not None:
                region["startColumn"] = finding.column
            physical["region"] = region
        location["physicalLocation"] = physical
    if finding.path:
        location["logicalLocations"] = [{"fullyQualifiedName": finding.path, "kind": "member"}]
    if location:
        result["locations"] = [location]
    if finding.record is not None:
        result["properties"] = {"record": finding.record}
    return result


def sarif(report: Report) -> dict[str, Any]:
    """The SARIF log of a report: one run, every rule of the checker, every finding a result."""
    codes = list(RULES) + sorted({f.code for f in report.findings} - set(RULES))
    index = {code: number for number, code in enumerate(codes)}
    driver: dict[str, Any] = {
        "name": "evidence",
        "rules": [_rule(code) for code in codes],
    }
    version = _version()
    if version is not None:
        driver["version"] = version
    return {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {"driver": driver},
                "columnKind": "unicodeCodePoints",
                "results": [_result(f, index[f.code]) for f in report.findings],
            }
        ],
    }
