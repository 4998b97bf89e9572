"""What a check reports: the rules with their codes and severities, findings, and the report.

Rule codes are stable: a letter for the family (S schema, R references, Q quotes, I integrity,
T time, L legal, Y style) and three digits. `RULES` lists them with their severity and a line
of what they check; docs/rules.md explains each one.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from typing import Any

import attrs

from evidence._errors import Problem
from evidence._io import Locator, Origin, path_text


class Severity(enum.Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@attrs.frozen(kw_only=True)
class Rule:
    code: str
    severity: Severity
    summary: str


# The layout of a report as data (`Report.as_dict`, `--format json`): raised when a key changes
# meaning or goes, not when one is added.
REPORT_VERSION = 1

_E, _W, _I = Severity.ERROR, Severity.WARNING, Severity.INFO
RULES: dict[str, Rule] = {
    rule.code: rule
    for rule in (
        Rule(code="S001", severity=_E, summary="the file cannot be read as YAML, JSON or JSON Lines"),
        Rule(code="S002", severity=_E, summary="unknown key"),
        Rule(code="S003", severity=_E, summary="a value of the wrong type"),
        Rule(code="S004", severity=_E, summary="a required field is missing"),
        Rule(code="S005", severity=_E, summary="a value that is not one of the field's choices"),
        Rule(code="S006", severity=_E, summary="an invalid date or date-time"),
        Rule(code="S007", severity=_E, summary="a value that breaks a field's rule"),
        Rule(code="S008", severity=_E, summary="a missing or unsupported format version"),
        Rule(code="S009", severity=_E, summary="a key given twice"),
        Rule(code="R001", severity=_E, summary="a reference to an id no record has"),
        Rule(code="R002", severity=_E, summary="a reference to a record of the wrong kind"),
        Rule(code="R003", severity=_E, summary="an id used twice"),
        Rule(code="R004", severity=_E, summary="records that rest on each other in a circle"),
        Rule(code="Q001", severity=_E, summary="a quote not found in its source's text"),
        Rule(code="Q002", severity=_E, summary="a quote found more than once, with nothing to tell which"),
        Rule(code="Q003", severity=_E, summary="a quote's position disagrees with its text"),
        Rule(code="Q004", severity=_I, summary="a quote whose source has no stored text to check it against"),
        Rule(code="I001", severity=_E, summary="a source file whose digest differs from the record's"),
        Rule(code="I002", severity=_E, summary="a source file that is missing or cannot be read"),
        Rule(code="I003", severity=_E, summary="a source file path that leaves the record set's folder"),
        Rule(code="I004", severity=_W, summary="a source file without a digest"),
        Rule(code="T001", severity=_E, summary="a message sent after the filing that holds it"),
        Rule(code="T002", severity=_E, summary="a filing dated before its case was filed"),
        Rule(code="T003", severity=_W, summary="a source quoting an exhibit before the exhibit was unsealed"),
        Rule(code="T004", severity=_E, summary="a decision dated before its case was filed"),
        Rule(code="L001", severity=_E, summary="a Bates range that begins after it ends"),
        Rule(code="L002", severity=_E, summary="a message's Bates page outside its exhibit's range"),
        Rule(code="L003", severity=_E, summary="two exhibits of one filing with the same attachment number or label"),
        Rule(code="L004", severity=_E, summary="a claim found by a court with no court document behind it"),
        Rule(code="L005", severity=_E, summary="a confirmed claim without confirmed evidence supporting it"),
        Rule(code="L006", severity=_E, summary="a message whose exhibit belongs to another filing than it names"),
        Rule(code="L007", severity=_E, summary="a claim more confident than its strongest supporting evidence"),
        Rule(code="L008", severity=_E, summary="an attestation more confident than its source or what it translates"),
        Rule(code="L009", severity=_E, summary="a decision's cite in a reporter edition not published at its date"),
        Rule(code="L010", severity=_W, summary="a decision's cite names a reporter reporters-db does not know"),
        Rule(code="Y001", severity=_W, summary="a field a citation needs is missing"),
        Rule(code="Y002", severity=_W, summary="a citation would print a value that is not confirmed"),
        Rule(code="Y003", severity=_W, summary="a citation falls back on another form for a missing part"),
    )
}


@attrs.frozen(kw_only=True)
class Finding:
    """One thing a rule found, located in its file."""

    code: str
    severity: Severity
    message: str
    file: str | None = None
    line: int | None = None
    column: int | None = None
    path: str = ""
    record: str | None = None
    hint: str | None = None

    @property
    def text(self) -> str:
        """What is wrong, without where: "$.claims[0]: unknown id 'x' (hint: ...)", for the
        formats that say the file, line and code apart."""
        return f"{self.path} {self.message}".strip() + (f" (hint: {self.hint})" if self.hint else "")

    def __str__(self) -> str:
        where = ":".join(str(x) for x in (self.file, self.line, self.column) if x is not None)
        path = f" {self.path}:" if self.path else ""
        hint = f" (hint: {self.hint})" if self.hint else ""
        return f"{where + ': ' if where else ''}{self.code}{path} {self.message}{hint}"

    def as_dict(self) -> dict[str, Any]:
        data = attrs.asdict(self)
        data["severity"] = self.severity.value
        return data


@attrs.frozen(kw_only=True)
class Report:
    """The findings of a check, in file order."""

    findings: tuple[Finding, ...]
    records: int = 0

    @property
    def errors(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.severity is Severity.ERROR)

    @property
    def warnings(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.severity is Severity.WARNING)

    def summary(self) -> str:
        """'66 records checked: 0 errors, 2 warnings, 12 notes'."""
        counts = [
            _count(len(self.errors), "error"),
            _count(len(self.warnings), "warning"),
            _count(len(self.notes), "note"),
        ]
        return f"{_count(self.records, 'record')} checked: {', '.join(counts)}"

    def failed(self, *, strict: bool = False) -> bool:
        """Errors fail a check; with `strict`, warnings too."""
        return bool(self.errors or (strict and self.warnings))

    @classmethod
    def merged(cls, reports: Iterable[Report]) -> Report:
        """One report of several checks (of several paths, say): their findings in turn."""
        reports = tuple(reports)
        return cls(findings=tuple(f for r in reports for f in r.findings), records=sum(r.records for r in reports))

    @property
    def notes(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.severity is Severity.INFO)

    def as_dict(self) -> dict[str, Any]:
        """The report as `evidence check --format json` prints it (`evidence schema --report`
        is its schema): the version of this layout, the counts of each severity, every finding."""
        return {
            "version": REPORT_VERSION,
            "records": self.records,
            "errors": len(self.errors),
            "warnings": len(self.warnings),
            "notes": len(self.notes),
            "findings": [f.as_dict() for f in self.findings],
        }


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


# A finding before it is located: code, message, hint, record id, origin, path inside the record.
Pending = tuple[str, str, "str | None", str, "Origin | None", tuple[str | int, ...]]


def load_failed(problems: Iterable[Problem]) -> Report:
    """The report of a set that does not load: its load problems, each under the code it carries.
    Such a set is not checked further, and its problems are shown whatever `select` and `ignore`
    say."""
    findings = [
        Finding(
            code=problem.code,
            severity=RULES[problem.code].severity,
            message=problem.message,
            file=problem.file,
            line=problem.line,
            column=problem.column,
            path=problem.path,
        )
        for problem in problems
    ]
    return Report(findings=tuple(findings))


def _wanted(code: str, select: Iterable[str] | None, ignore: Iterable[str] | None) -> bool:
    """`select` and `ignore` take codes or their prefixes ("Q" for every quote rule)."""
    if select is not None and not any(code.startswith(s) for s in select):
        return False
    return not (ignore is not None and any(code.startswith(s) for s in ignore))


def _located(pending: list[Pending]) -> list[Finding]:
    """Findings with file, line and column, each file read at most once to find them."""
    locate = Locator()
    for item in pending:
        if item[4] is not None:
            locate.want(item[4])
    findings = []
    for code, message, hint, record, origin, path in pending:
        file = line = column = None
        if origin is not None:
            file = origin.file
            line, column = locate(origin, path)
        record_path = (*origin.path, *path) if origin is not None else path
        findings.append(
            Finding(
                code=code,
                severity=RULES[code].severity,
                message=message,
                file=file,
                line=line,
                column=column,
                path=path_text(record_path),
                record=record,
                hint=hint,
            )
        )
    return findings


def make_report(
    pending: Iterable[Pending], *, select: Iterable[str] | None, ignore: Iterable[str] | None, records: int
) -> Report:
    """The report of a check: wanted findings, located and in file order."""
    wanted = [p for p in pending if _wanted(p[0], select, ignore)]
    findings = sorted(_located(wanted), key=lambda f: (f.file or "", f.line or 0, f.column or 0, f.code, f.message))
    return Report(findings=tuple(findings), records=records)
