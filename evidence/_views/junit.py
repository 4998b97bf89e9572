"""The findings of a check as JUnit XML, the report CI dashboards (Jenkins, GitLab, Azure
Pipelines, test-report actions) show: one test case per record file, one failure per finding."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable

from evidence._check import Finding, Report

SUITE = "evidence check"
# What XML 1.0 cannot hold at all (control characters other than tab and line breaks, lone
# surrogates of a file name that is not UTF-8, U+FFFE and U+FFFF): shown as a Python escape.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _xml(text: str) -> str:
    return _NOT_XML.sub(lambda found: found.group().encode("unicode_escape", "backslashreplace").decode(), text)


def _failure(case: ET.Element, finding: Finding) -> None:
    text = finding.text
    failure = ET.SubElement(
        case, "failure", {"type": _xml(finding.code), "message": _xml(f"{finding.severity.value}: {text}")}
    )
    failure.text = _xml(f"{finding}\nseverity: {finding.severity.value}\n")


def junit(report: Report, files: Iterable[str] = ()) -> str:
    """The JUnit XML of a report: a test case for each of `files` (the record files checked) and
    for any other file a finding names, each with a failure per finding in it; findings of no
    file (a path that names nothing readable) are the failures of one case named for the suite."""
    by_file: dict[str | None, list[Finding]] = {name: [] for name in files}
    for finding in report.findings:
        by_file.setdefault(finding.file, []).append(finding)
    # Dashboards count passed cases as tests less failures: a case fails once, however often.
    failed = sum(1 for findings in by_file.values() if findings)
    counts = {"tests": str(len(by_file)), "failures": str(failed), "errors": "0"}
    root = ET.Element("testsuites", {"name": SUITE, **counts})
    suite = ET.SubElement(root, "testsuite", {"name": SUITE, **counts, "skipped": "0"})
    properties = ET.SubElement(suite, "properties")
    ET.SubElement(properties, "property", {"name": "records", "value": str(report.records)})
    for file, findings in by_file.items():
        attributes = {"classname": SUITE, "name": _xml(file if file is not None else SUITE)}
        if file is not None:
            attributes["file"] = _xml(file)
        case = ET.SubElement(suite, "testcase", attributes)
        for finding in findings:
            _failure(case, finding)
    ET.indent(root)
    return ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n"
