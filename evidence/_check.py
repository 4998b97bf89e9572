"""The checker: every rule of the design's families run over a record set, findings as data.

Rule codes are stable: a letter for the family (S schema, R references, Q quotes, I integrity,
T time, L legal, Y style) and three digits. `RULES` lists them with their severity and a line
of what they check; docs/rules.md explains each one.
"""

from __future__ import annotations

import difflib
import enum
import hashlib
import os
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, NamedTuple, Protocol, TypeVar

import attrs

from evidence._errors import LoadError, Problem
from evidence._io import Locator, Origin, collector_paused, path_text
from evidence._model import (
    ANY_KIND,
    KIND_BY_NAME,
    Case,
    Claim,
    ClaimStatus,
    Confidence,
    Court,
    DateValue,
    Exhibit,
    Filing,
    FilingKind,
    Message,
    Quote,
    Record,
    SealingAction,
    Source,
    SourceKind,
    a,
    definitely_before,
    iter_references,
    last_edge,
    lookup_court,
    reference_targets,
    split_bates,
)
from evidence._recordset import RecordSet, read_files

R = TypeVar("R", bound=Record)


class Severity(enum.Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@attrs.frozen(kw_only=True)
class Rule:
    code: str
    severity: Severity
    summary: str


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
        Rule(code="L005", severity=_E, summary="a confirmed claim resting only on unverified evidence"),
        Rule(code="L006", severity=_E, summary="a message whose exhibit belongs to another filing than it names"),
        Rule(code="Y001", severity=_W, summary="a field a citation needs is missing"),
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
        notes = len(self.findings) - len(self.errors) - len(self.warnings)
        counts = [_count(len(self.errors), "error"), _count(len(self.warnings), "warning"), _count(notes, "note")]
        return f"{_count(self.records, 'record')} checked: {', '.join(counts)}"

    def failed(self, *, strict: bool = False) -> bool:
        """Errors fail a check; with `strict`, warnings too."""
        return bool(self.errors or (strict and self.warnings))

    def as_dict(self) -> dict[str, Any]:
        return {
            "records": self.records,
            "errors": len(self.errors),
            "warnings": len(self.warnings),
            "findings": [f.as_dict() for f in self.findings],
        }


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


# -- quotes -----------------------------------------------------------------------------------

# What quote matching treats as the same: typographic and straight quote marks, dashes of every
# length, the ellipsis character and three dots.
_SAME = (
    *((mark, '"') for mark in "“”„‟«»″"),
    *((mark, "'") for mark in "‘’‚‛′`"),
    *((dash, "-") for dash in "‐‑‒–—―−"),
    ("…", "..."),
)


def normalize(text: str) -> str:
    """Text as quotes are matched: NFC, one kind of quote mark and dash, "..." for "…", single
    spaces."""
    text = unicodedata.normalize("NFC", text)
    for variant, plain in _SAME:
        if variant in text:  # a scan in C; most texts hold few of them
            text = text.replace(variant, plain)
    return _single_spaces(text)


def _single_spaces(text: str) -> str:
    """Every run of white space as one space (the ends kept as one space too)."""
    words = text.split()
    if not words:
        return " " if text else ""
    joined = " ".join(words)
    return (" " if text[0].isspace() else "") + joined + (" " if text[-1].isspace() else "")


def _normalized_with_map(text: str) -> tuple[str, list[int]]:
    """The normalized text, and for each of its characters the index it came from."""
    out: list[str] = []
    where: list[int] = []
    for index, char in enumerate(unicodedata.normalize("NFC", text)):
        piece = normalize(char)
        if piece == " " and out and out[-1] == " ":
            continue
        out.append(piece)
        where.extend([index] * len(piece))
    return "".join(out), where


def utf16_to_index(text: str, offset: int) -> int:
    """A UTF-16 code-unit offset (what browser annotation tools record) as a code-point index."""
    units = 0
    for index, char in enumerate(text):
        if units >= offset:
            return index
        units += 2 if ord(char) > 0xFFFF else 1
    return len(text)


def index_to_utf16(text: str, index: int) -> int:
    """A code-point index as a UTF-16 code-unit offset."""
    return index + sum(1 for char in text[:index] if ord(char) > 0xFFFF)


def _occurrences(haystack: str, needle: str) -> list[int]:
    found, start = [], haystack.find(needle)
    while start != -1:
        found.append(start)
        start = haystack.find(needle, start + 1)
    return found


def _closest(text: str, quote: str) -> tuple[str, float]:
    """The passage of `text` closest to `quote`, and how close (0 to 1)."""
    if not text or not quote:
        return "", 0.0
    matcher = difflib.SequenceMatcher(None, text, quote, autojunk=False)
    block = matcher.find_longest_match(0, len(text), 0, len(quote))
    start = max(0, block.a - block.b)
    best, score = "", 0.0
    for shift in range(-len(quote) // 4, len(quote) // 4 + 1, max(1, len(quote) // 20)):
        window = text[max(0, start + shift) : max(0, start + shift) + len(quote)]
        ratio = difflib.SequenceMatcher(None, window, quote, autojunk=False).ratio()
        if ratio > score:
            best, score = window, ratio
    return best, score


# -- what the rules may ask about other records --------------------------------------------------


class Lookup(Protocol):
    """The questions rules ask about records other than the one they check. A record set answers
    them from its records; a streamed check answers them from compact indexes (see `_stream`)."""

    def get(self, id: str) -> Record | None:
        """The record, when it is held whole (a streamed check holds all but messages and claims)."""

    def kind_of(self, id: str) -> type[Record] | None: ...

    def confidence_of(self, id: str) -> Confidence: ...

    def ids_of(self, kind: type[Record]) -> list[str]: ...

    def origin(self, id: str) -> Origin | None: ...


class _SetLookup:
    def __init__(self, records: RecordSet) -> None:
        self.records = records
        self.get: Callable[[str], Record | None] = records.by_id().get

    def kind_of(self, id: str) -> type[Record] | None:
        record = self.get(id)
        return type(record) if record is not None else None

    def confidence_of(self, id: str) -> Confidence:
        return self.records[id].confidence

    def ids_of(self, kind: type[Record]) -> list[str]:
        return [record.id for record in self.records.of_kind(kind)]

    def origin(self, id: str) -> Origin | None:
        return self.records.origin(id)


# A finding before it is located: code, message, hint, record id, origin, path inside the record.
Pending = tuple[str, str, "str | None", str, "Origin | None", tuple[str | int, ...]]


class QuoteJob(NamedTuple):
    """A quote to find in its target's text, with where to report it."""

    owner: str
    origin: Origin | None
    path: tuple[str | int, ...]
    target: str
    quote: Quote


# -- the run ----------------------------------------------------------------------------------


class _Run:
    """One pass of the rules over `checked`, asking `lookup` about everything else."""

    def __init__(self, lookup: Lookup, checked: Iterable[Record], root: Path | None) -> None:
        self.lookup = lookup
        self.checked = tuple(checked)
        self.root = root
        self.pending: list[Pending] = []
        self.jobs: list[QuoteJob] = []
        self.texts: dict[str, str | None] = {}  # stored texts read while checking integrity
        self._by_kind: dict[type[Record], list[Record]] | None = None

    def of_kind(self, kind: type[R]) -> list[R]:
        if self._by_kind is None:  # grouped once for all the rules
            self._by_kind = {}
            for record in self.checked:
                self._by_kind.setdefault(type(record), []).append(record)
        return self._by_kind.get(kind, [])  # type: ignore[return-value]

    def add(
        self, code: str, record: Record, message: str, path: tuple[str | int, ...] = (), hint: str | None = None
    ) -> None:
        self.pending.append((code, message, hint, record.id, self.lookup.origin(record.id), path))


def locate_findings(pending: Iterable[Pending], locate: Locator | None = None) -> list[Finding]:
    """Findings with file, line and column, each file read at most once to find them."""
    locate = locate or Locator()
    pending = list(pending)
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


def _references(run: _Run) -> None:
    lookup = run.lookup
    # The same few ids are named again and again: each (kinds, id) is judged once, and a record
    # whose every reference is known good is passed without walking its paths.
    good: set[tuple[str, tuple[str, ...]]] = set()
    for record in run.checked:
        if good.issuperset(reference_targets(record)):
            continue
        for path, target, kinds in iter_references(record):
            found = lookup.kind_of(target)
            if found is not None and (kinds == (ANY_KIND,) or issubclass(found, KIND_BY_NAME[kinds[0]])):
                good.add((target, kinds))
                continue
            if kinds == (ANY_KIND,):
                if found is None:
                    run.add("R001", record, f"no record has the id {target!r}", path)
                continue
            wanted = KIND_BY_NAME[kinds[0]]
            if found is None:
                if wanted is Court and lookup_court(target) is not None:
                    continue  # a courts-db id
                close = difflib.get_close_matches(target, lookup.ids_of(wanted), n=1)
                hint = f"did you mean {close[0]!r}?" if close else None
                run.add("R001", record, f"no {wanted.KIND} has the id {target!r}", path, hint)
            elif not issubclass(found, wanted):
                run.add("R002", record, f"{target!r} is {a(found.KIND)}, not {a(wanted.KIND)}", path)


def stored_text(run: _Run, record: Record, *, report: bool) -> str | None:
    """The stored text of a source, filing or exhibit; None when it has none or it is unusable.
    With `report`, what is wrong with the file becomes findings (once per record)."""
    if record.id in run.texts:
        return run.texts[record.id]
    relative = getattr(record, "text_file", None)
    origin = run.lookup.origin(record.id)
    if relative is None or origin is None:
        return None
    folder = Path(origin.file).parent
    root = (run.root or folder).resolve()

    def add(code: str, message: str, path: tuple[str | int, ...] = ("text_file",), hint: str | None = None) -> None:
        if report:
            run.add(code, record, message, path, hint)

    path = Path(relative)
    if path.is_absolute() or ".." in path.parts:
        add("I003", f"text file {relative!r} leaves the record set's folder; it is not read")
        return None
    full = folder / path
    try:
        real = full.resolve(strict=True)
    except (OSError, RuntimeError):
        add("I002", f"text file {relative!r} does not exist")
        return None
    if not real.is_relative_to(root):
        add("I003", f"text file {relative!r} leads outside the record set's folder (a link?); it is not read")
        return None
    try:
        data = real.read_bytes()
    except OSError as error:
        add("I002", f"text file {relative!r} cannot be read: {error.strerror or error}")
        return None
    if report:
        digest = getattr(record, "digest", None)
        if digest is None:
            hint = f"add digest: sha256:{hashlib.sha256(data).hexdigest()}"
            add("I004", f"text file {relative!r} has no digest", hint=hint)
        else:
            actual = hashlib.new(digest.algorithm, data).hexdigest()
            if actual != digest.value:
                message = f"text file {relative!r} was altered: its {digest.algorithm} is {actual}"
                hint = "restore the file, or record its new digest if the change is intended"
                add("I001", message, ("digest",), hint)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        add("I002", f"text file {relative!r} is not UTF-8 text")
        return None
    return text


def target_text(run: _Run, target: Record) -> tuple[str | None, bool]:
    """A quoted record's text (a message's own, or a stored copy), and whether it has a text file."""
    if isinstance(target, Message):
        return target.text, False
    text = run.texts[target.id] if target.id in run.texts else stored_text(run, target, report=False)
    return text, getattr(target, "text_file", None) is not None


def _integrity(run: _Run) -> None:
    for record in run.checked:
        if getattr(record, "text_file", None) is not None:
            run.texts[record.id] = stored_text(run, record, report=True)


def _quotes(run: _Run) -> None:
    """Collect every quote as a job; `check_quotes` checks them one target text at a time."""
    origin = run.lookup.origin
    for message in run.of_kind(Message):
        for n, attestation in enumerate(message.attestations):
            path = ("attestations", n, "quote")
            run.jobs.append(QuoteJob(message.id, origin(message.id), path, attestation.source, attestation.quote))
    for claim in run.of_kind(Claim):
        for n, link in enumerate(claim.evidence):
            if link.quote is not None:
                run.jobs.append(QuoteJob(claim.id, origin(claim.id), ("evidence", n, "quote"), link.record, link.quote))


class _Target:
    """A quoted record's text, normalized once for all its quotes."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.normalized = normalize(text)
        self._where: list[int] | None = None

    def line_of(self, index: int) -> int:
        """The line of a position in the normalized text."""
        if self._where is None:
            self._where = _normalized_with_map(self.text)[1]
        composed = unicodedata.normalize("NFC", self.text)  # `where` counts in the composed text
        return composed.count("\n", 0, self._where[index]) + 1


# What a quote's target offers: its text, or None with whether it has a text file at all.
TextOf = Callable[[str], "tuple[str | None, bool] | None"]


def check_quotes(jobs: Iterable[QuoteJob], text_of: TextOf) -> list[Pending]:
    """Findings of quotes, each target's text read and normalized once.

    `text_of(target)` gives (text, has_file), or None for a target no record has (R001's to
    report)."""
    pending: list[Pending] = []
    by_target: dict[str, list[QuoteJob]] = {}
    for job in jobs:
        by_target.setdefault(job.target, []).append(job)
    for target_id, group in by_target.items():
        found = text_of(target_id)
        if found is None:
            continue
        text, has_file = found
        if text is None:
            if not has_file:
                for job in group:
                    message = f"{target_id!r} has no stored text; the quote is not verified"
                    pending.append(("Q004", message, None, job.owner, job.origin, job.path))
            continue
        target = _Target(text)
        for job in group:
            for code, message, hint in _quote_problems(target, target_id, job.quote):
                pending.append((code, message, hint, job.owner, job.origin, job.path))
    return pending


def _quote_problems(target: _Target, target_id: str, quote: Quote) -> Iterator[tuple[str, str, str | None]]:
    text = target.text
    if quote.start is not None and quote.end is not None and text[quote.start : quote.end] != quote.exact:
        at = text.find(quote.exact)
        hint = f"the exact text is at start {at}, end {at + len(quote.exact)}" if at != -1 else None
        yield "Q003", f"text at {quote.start}-{quote.end} is {text[quote.start : quote.end]!r}, not the quote", hint
    # Positions that hold the exact text settle which occurrence is meant.
    anchored = quote.start is not None and text[quote.start : quote.end] == quote.exact
    if anchored:
        return
    normalized = target.normalized
    needle = normalize(quote.exact)
    hits = _occurrences(normalized, needle)
    found_anywhere = bool(hits)
    if quote.prefix or quote.suffix:
        prefix, suffix = normalize(quote.prefix or ""), normalize(quote.suffix or "")
        hits = [h for h in hits if normalized[:h].endswith(prefix) and normalized[h + len(needle) :].startswith(suffix)]
    if len(hits) > 1:
        lines = [target.line_of(h) for h in hits]
        message = f"the quote is found {len(hits)} times in {target_id!r} (lines {', '.join(map(str, lines))})"
        yield "Q002", message, "add a prefix or suffix, or the start and end positions"
    elif not hits and found_anywhere:
        yield "Q001", f"the quote is in {target_id!r}, but never between the given prefix and suffix", None
    elif not hits:
        passage, score = _closest(normalized, needle)
        yield "Q001", f"the quote is not in {target_id!r}; the closest passage ({score:.0%} alike) is {passage!r}", None


def _get(lookup: Lookup, id: str | None, kind: type[R]) -> R | None:
    found = lookup.get(id) if id is not None else None
    return found if isinstance(found, kind) else None


def _after(later: DateValue | None, earlier: DateValue | None) -> bool:
    return later is not None and earlier is not None and definitely_before(earlier, later)


def _time(run: _Run) -> None:
    lookup = run.lookup
    filed: dict[str, Any] = {}  # each filing's last instant, found once for all its messages
    for message in run.of_kind(Message):
        exhibit = _get(lookup, message.exhibit, Exhibit)
        filing = _get(lookup, exhibit.filing if exhibit else message.filing, Filing)
        if filing is None or filing.filed is None or message.sent is None:
            pass
        elif (filed[filing.id] if filing.id in filed else filed.setdefault(filing.id, last_edge(filing.filed))).before(
            message.sent
        ):
            run.add(
                "T001",
                message,
                f"sent {message.sent}, after ECF No. {filing.ecf} that holds it was filed on {filing.filed}",
                ("sent",),
            )
        if exhibit is not None:
            unsealed = [e.date for e in exhibit.sealing if e.action is SealingAction.UNSEALED and e.date is not None]
            for n, attestation in enumerate(message.attestations):
                source = _get(lookup, attestation.source, Source)
                if source is not None and unsealed and all(_after(u, source.published) for u in unsealed):
                    run.add(
                        "T003",
                        message,
                        f"{source.id!r}, published {source.published}, quotes an exhibit unsealed on {unsealed[0]}",
                        ("attestations", n),
                    )
    for filing in run.of_kind(Filing):
        case = _get(lookup, filing.case, Case)
        if case is not None and _after(case.filed, filing.filed):
            run.add("T002", filing, f"filed {filing.filed}, before its case was filed on {case.filed}", ("filed",))
    for case in run.of_kind(Case):
        for n, decision in enumerate(case.decisions):
            if _after(case.filed, decision.date):
                run.add(
                    "T004",
                    case,
                    f"decision of {decision.date} is dated before the case was filed on {case.filed}",
                    ("decisions", n, "date"),
                )


_COURT_SOURCES = (SourceKind.COURT_DOCUMENT,)


def _legal(run: _Run) -> None:
    lookup = run.lookup
    ranges: dict[str, tuple[Any, Any]] = {}  # an exhibit's Bates range, split once
    for message in run.of_kind(Message):
        exhibit = _get(lookup, message.exhibit, Exhibit)
        if exhibit is not None and message.filing is not None and exhibit.filing != message.filing:
            run.add(
                "L006",
                message,
                f"its exhibit {exhibit.id!r} is attached to {exhibit.filing!r}, not {message.filing!r}",
                ("filing",),
            )
        if exhibit is not None and exhibit.bates is not None and message.bates_page is not None:
            if exhibit.id not in ranges:
                bates = exhibit.bates
                ranges[exhibit.id] = (split_bates(bates.begin), split_bates(bates.end or bates.begin))
            page, (begin, end) = split_bates(message.bates_page), ranges[exhibit.id]
            inside = (
                page is not None
                and begin is not None
                and end is not None
                and page[0] == begin[0]
                and begin[1] <= page[1] <= end[1]
            )
            if not inside:
                run.add(
                    "L002",
                    message,
                    f"Bates page {message.bates_page} is outside the range {exhibit.bates} of exhibit {exhibit.id!r}",
                    ("bates_page",),
                )
    for claim in run.of_kind(Claim):
        known = [link for link in claim.evidence if lookup.kind_of(link.record) is not None]
        if claim.status is ClaimStatus.FOUND and not any(_is_court_record(lookup.get(link.record)) for link in known):
            complaint = "status 'found' needs a court document among its evidence (an order, opinion or decision)"
            hint = "link the order that found it, or use the status its evidence supports"
            run.add("L004", claim, complaint, ("status",), hint)
        if claim.confidence is Confidence.CONFIRMED and claim.evidence:
            levels = [
                min(link.confidence, lookup.confidence_of(link.record), key=lambda c: c.rank)
                if lookup.kind_of(link.record) is not None
                else link.confidence
                for link in claim.evidence
            ]
            if all(level is Confidence.UNVERIFIED for level in levels):
                run.add("L005", claim, "confirmed, but every piece of its evidence is unverified", ("confidence",))


def exhibit_numbers(run: _Run) -> None:
    """L003, over every exhibit of the set at once (a streamed check runs it on its index)."""
    seen: dict[tuple[str, str, object], Exhibit] = {}
    for exhibit in run.of_kind(Exhibit):
        for field, value in (("attachment", exhibit.attachment), ("label", exhibit.label)):
            if value is None:
                continue
            key = (exhibit.filing, field, value)
            if key in seen:
                run.add(
                    "L003", exhibit, f"{field} {value!r} is also used by {seen[key].id!r} in the same filing", (field,)
                )
            else:
                seen[key] = exhibit


_COURT_FILINGS = (FilingKind.ORDER, FilingKind.OPINION, FilingKind.JUDGMENT)


def _is_court_record(record: Record | None) -> bool:
    """A record in which a court speaks: an order, opinion or judgment, a case's decision, or a
    source that is a court document. A party's filing or exhibit is not (nor a message or claim)."""
    if isinstance(record, Filing):
        return record.kind in _COURT_FILINGS
    if isinstance(record, Case):
        return bool(record.decisions)
    return isinstance(record, Source) and record.kind in _COURT_SOURCES


def _style(run: _Run) -> None:
    for record in run.checked:
        missing: list[str] = []
        if isinstance(record, Case) and record.filed is None:
            missing = ["filed"]
        elif isinstance(record, Filing) and record.title is None and record.kind is None:
            missing = ["title or kind"]
        elif isinstance(record, Exhibit) and record.label is None and record.attachment is None:
            missing = ["label or attachment"]
        elif isinstance(record, Source):
            missing = [f for f in ("title", "published") if getattr(record, f) is None]
            if record.publication is None and record.publisher is None:
                missing.append("publication or publisher")
        if missing:
            run.add("Y001", record, f"a citation of this {record.KIND} needs {', '.join(missing)}")


# The rules that look at one record at a time (and ask the lookup about others).
RECORD_RULES: tuple[Callable[[_Run], None], ...] = (_references, _integrity, _quotes, _time, _legal, _style)


# -- load problems as findings ----------------------------------------------------------------


def problem_findings(problems: Iterable[Problem]) -> list[Finding]:
    findings = []
    for problem in problems:
        findings.append(
            Finding(
                code=problem.code,
                severity=RULES[problem.code].severity,
                message=problem.message,
                file=problem.file,
                line=problem.line,
                column=problem.column,
                path=problem.path,
            )
        )
    return findings


# -- the entry points -------------------------------------------------------------------------


def _wanted(code: str, select: Iterable[str] | None, ignore: Iterable[str] | None) -> bool:
    """`select` and `ignore` take codes or their prefixes ("Q" for every quote rule)."""
    if select is not None and not any(code.startswith(s) for s in select):
        return False
    return not (ignore is not None and any(code.startswith(s) for s in ignore))


def check(
    records: RecordSet | str | os.PathLike[str],
    *,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] | None = None,
    progress: Callable[[int, int], None] | None = None,
    jobs: int = 1,
    stream: bool | None = None,
    dask_client: Any = None,
) -> Report:
    """Run every rule over a record set (or the record files at a path) and report findings.

    A path that cannot be loaded gives its load problems as schema findings (S…), and the other
    rules wait until the files load. A path is checked as a stream (records read twice, never
    all held at once; see docs/performance.md) when `stream` is true, when `jobs` asks for more
    than one process, on a Dask cluster (`dask_client`, a `distributed.Client`), or, with
    `stream=None`, when its JSON Lines files hold more than 64 MiB. The findings are the same.
    """
    if not isinstance(records, RecordSet):
        from evidence._stream import check_stream, streams_by_default

        if stream or jobs > 1 or dask_client is not None or (stream is None and streams_by_default(records)):
            return check_stream(records, select=select, ignore=ignore, jobs=jobs, dask_client=dask_client)
    root: Path | None = None
    if not isinstance(records, RecordSet):
        root = Path(records)
        root = root if root.is_dir() else root.parent
        try:
            with collector_paused():
                contents = read_files(records)
                records = RecordSet(
                    (record for content in contents for record in content.records),
                    origins=[origin for content in contents for origin in content.origins],
                )
        except LoadError as error:
            # A set that does not load cannot be checked at all: its problems are always shown,
            # whatever `select` and `ignore` say.
            return Report(findings=tuple(problem_findings(error.problems)))
    lookup = _SetLookup(records)
    run = _Run(lookup, records, root)
    families = (*RECORD_RULES, exhibit_numbers)
    with collector_paused():  # the rules make many small objects and no cycles
        for done, family in enumerate(families, start=1):
            family(run)
            if progress is not None:
                progress(done, len(families) + 1)

    def text_of(target_id: str) -> tuple[str | None, bool] | None:
        target = lookup.get(target_id)
        return target_text(run, target) if target is not None else None

    run.pending += check_quotes(run.jobs, text_of)
    if progress is not None:
        progress(len(families) + 1, len(families) + 1)
    return report(run.pending, select=select, ignore=ignore, records=len(records))


def report(
    pending: Iterable[Pending],
    *,
    select: Iterable[str] | None,
    ignore: Iterable[str] | None,
    records: int,
    locate: Locator | None = None,
) -> Report:
    """The report of a check: wanted findings, located and in file order."""
    wanted = [p for p in pending if _wanted(p[0], select, ignore)]
    findings = sorted(
        locate_findings(wanted, locate), key=lambda f: (f.file or "", f.line or 0, f.column or 0, f.code, f.message)
    )
    return Report(findings=tuple(findings), records=records)
