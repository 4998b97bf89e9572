"""PACER files read: a docket report (district or appellate) or an attachment page, as the HTML
CM/ECF serves or as juriscraper's JSON of it; which one, and whose court, told from the file.

juriscraper (the `pacer` extra) parses the HTML offline, from the file's text; it is imported
only when an HTML file is read, with its logger quietened (it complains about /var/log on
import). Everything a file cannot give is refused with a `LoadError` naming the file.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import json
import logging
import os
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any, Literal

import attrs

from evidence._errors import LoadError, Problem, UsageError
from evidence._import.dockets import (
    DocketProblem,
    attachment_records,
    attachment_source_id,
    case_id,
    docket_records,
    find_filing,
    source_id,
)
from evidence._import.fields import Refused, build
from evidence._import.sourcefile import stored_beside
from evidence._import.sync import SyncResult, sync
from evidence._io import new_folders_removed_on_failure, read_regular
from evidence._limits import limits
from evidence._model import LinkRel, Record, Source, lookup_court, parse_date
from evidence._recordset import RecordSet, load, record_files

ReportKind = Literal["district", "appellate", "attachment"]

INSTALL = "pip install 'evidence[pacer]'"


@attrs.frozen
class PacerFile:
    """One PACER file read: what it is, whose court, juriscraper's data of it."""

    name: str
    kind: ReportKind
    court: str
    data: Mapping[str, Any]
    raw: bytes
    extension: str  # html or json
    retrieved: str | None  # the day PACER's transaction receipt prints

    @property
    def digest(self) -> str:
        return hashlib.sha256(self.raw).hexdigest()


def _problem(name: str, message: str) -> LoadError:
    return LoadError([Problem(file=name, line=None, column=None, path="", message=message, code="S001")])


def read_pacer(path: str | os.PathLike[str], *, court: str | None = None) -> PacerFile:
    """A PACER file read and parsed; `court` (a courts-db id) overrides the court the file names."""
    name = str(path)
    try:
        size = Path(path).stat().st_size
        if size > limits.max_file_bytes:  # a page is read whole: one too large is refused first
            message = (
                f"the file is {size / 2**20:,.1f} MiB, more than the limit of {limits.max_file_bytes / 2**20:,.0f} MiB "
                "(raise it with --max-file-mb)"
            )
            raise _problem(name, message)
        raw = read_regular(Path(path), name)  # a FIFO or a device refused, unread
    except OSError as error:
        raise UsageError(f"cannot read {name}: {error.strerror or error}") from None
    if court is not None and lookup_court(court) is None:
        raise UsageError(f"unknown court {court!r}: give a courts-db id such as 'cand' or 'ca9'")
    if raw.lstrip()[:1] in (b"{", b"["):
        return _read_json(name, raw, court)
    return _read_html(name, raw, court)


# -- juriscraper's JSON -----------------------------------------------------------------------


def _read_json(name: str, raw: bytes, court: str | None) -> PacerFile:
    try:
        data = json.loads(raw)
    except (ValueError, RecursionError) as error:
        where = f" (line {error.lineno}, column {error.colno})" if isinstance(error, json.JSONDecodeError) else ""
        raise _problem(name, f"not juriscraper's JSON of a PACER page: cut short or malformed{where}") from None
    if not isinstance(data, dict):
        raise _problem(name, "not juriscraper's JSON of a PACER page: an object is expected")
    kind: ReportKind
    if "docket_entries" in data and "docket_number" in data:
        kind = "appellate" if "originating_court_information" in data or "panel" in data else "district"
    elif isinstance(data.get("attachments"), list) and "document_number" in data:
        kind = "attachment"
    else:
        raise _problem(
            name,
            "not juriscraper's JSON of a docket (docket_number, docket_entries) or of an attachment page "
            "(document_number, attachments)",
        )
    found = court or _json_court(data)
    if found is None:
        raise _problem(name, "the JSON names no court (court_id): pass --court ID")
    _known_court(name, found)
    _check_shape(name, kind, data)
    return PacerFile(name=name, kind=kind, court=found, data=data, raw=raw, extension="json", retrieved=None)


def _json_court(data: Mapping[str, Any]) -> str | None:
    if isinstance(data.get("court_id"), str) and data["court_id"]:
        return str(data["court_id"])
    doc_id = str(data.get("pacer_doc_id") or "")
    if len(doc_id) >= 3:  # the first three digits of a document id are its court's
        return _court_from_doc_id(doc_id[:3])
    return None


def _check_shape(name: str, kind: ReportKind, data: Mapping[str, Any]) -> None:
    """The lists the mapping walks are lists of objects, or the file is refused."""
    lists = ("attachments",) if kind == "attachment" else ("docket_entries", "parties")
    for key in lists:
        _objects(name, key, data.get(key))
    for n, party in enumerate(data.get("parties") or () if kind != "attachment" else ()):
        for m, attorney in enumerate(_objects(name, f"parties[{n}].attorneys", party.get("attorneys"))):
            roles = attorney.get("roles") or []
            if not isinstance(roles, list) or not all(isinstance(role, str) for role in roles):
                raise _problem(name, f"parties[{n}].attorneys[{m}].roles: a list of strings is expected")
    if kind == "attachment":
        # The number of the filing the page belongs to: a number from 1, or none (some pages print none).
        number = data.get("document_number")
        plain = isinstance(number, int) and not isinstance(number, bool) and number >= 1
        if not (number is None or plain or (isinstance(number, str) and re.fullmatch(r"[1-9][0-9]*", number))):
            raise _problem(name, f"document_number: a number from 1 is expected, not {number!r}")
    for n, attachment in enumerate(data.get("attachments") or () if kind == "attachment" else ()):
        number = attachment.get("attachment_number")
        if not isinstance(number, int) or isinstance(number, bool) or number < 1:
            raise _problem(name, f"attachments[{n}].attachment_number: a number from 1 is expected, not {number!r}")
    if kind == "appellate":
        if not isinstance(data.get("originating_court_information") or {}, dict):
            raise _problem(name, "originating_court_information: an object is expected")
        panel = data.get("panel") or []
        if not isinstance(panel, list) or not all(isinstance(judge, str) for judge in panel):
            raise _problem(name, "panel: a list of names is expected")


def _objects(name: str, key: str, value: Any) -> list[dict[str, Any]]:
    found = value or []
    if not isinstance(found, list) or not all(isinstance(item, dict) for item in found):
        raise _problem(name, f"{key}: a list of objects is expected")
    return found


# -- HTML, through juriscraper ----------------------------------------------------------------

_APPELLATE_TITLE = re.compile(r"<title>\s*[\w.:-]+\s+(?:Docket|Summary)\s*</title>", re.I)
_DOCKET_MARKS = re.compile(r"DOCKET FOR CASE #|Bankruptcy Petition #|Adversary Proceeding #", re.I)
_ECF_HOST = re.compile(r"\b(?:ecf|ecf-train)\.([a-z0-9]+)\.uscourts\.gov", re.I)
_TITLE = re.compile(r"<title>(.*?)</title>", re.I | re.S)
# A district or bankruptcy court's CM/ECF server names itself in its pages' titles ('CAND-ECF',
# 'CM/ECF - azd', 'MOED - CM/ECF (LIVE)'): a word of the title of that shape that courts-db knows.
_TITLE_WORD = re.compile(r"[a-z]{2,3}[db]")
# An appellate docket's heading names its court: 'United States Court of Appeals for the Ninth Circuit'.
_HEADING = re.compile(
    r"Court of Appeals for Veterans Claims|(Bankruptcy Appellate Panel|Court of Appeals) for (?:the )?(\w+)", re.I
)
# A whole page ends its body, or prints PACER's receipt last (some saved pages stop after it).
_COMPLETE = re.compile(r"</body\s*>|</html\s*>|Transaction Receipt", re.I)
_RECEIPT = re.compile(r"Transaction Receipt.{0,600}?(\d\d)/(\d\d)/(\d{4})\s+\d\d:\d\d:\d\d", re.I | re.S)
_APPELLATE_COURTS = re.compile(r"ca\d+|cadc|cafc|cavc|bap\d+")
_CIRCUITS = {
    "first": "1", "second": "2", "third": "3", "fourth": "4", "fifth": "5", "sixth": "6", "seventh": "7",
    "eighth": "8", "ninth": "9", "tenth": "10", "eleventh": "11", "district": "dc", "federal": "fc",
}  # fmt: skip


def _read_html(name: str, raw: bytes, court: str | None) -> PacerFile:
    text = raw.decode("utf-8", errors="replace")
    if not re.search(r"<(?:html|head|body|table)\b", text, re.I):
        raise _problem(name, "not a PACER page: no HTML in it")
    if not text.rstrip().endswith(">"):
        raise _problem(name, "the page is cut short: it ends inside its text, not after a tag")
    kind: ReportKind
    if _APPELLATE_TITLE.search(text):
        kind = "appellate"
    elif _DOCKET_MARKS.search(text):
        kind = "district"
    else:
        kind = "attachment"
    found = court or _html_court(name, text, kind)
    if found is None and kind == "attachment":
        raise _problem(
            name, "not a PACER docket report; if it is an attachment page, its court cannot be told: pass --court ID"
        )
    if found is None:
        raise _problem(name, "cannot tell the court: the page links to no ecf.<court>.uscourts.gov; pass --court ID")
    _known_court(name, found)
    data = _parse(name, text, kind, found)
    _check_shape(name, kind, data)  # juriscraper's data is walked as its JSON is
    if kind == "attachment" and not data.get("attachments") and data.get("document_number") is None:
        raise _problem(name, "not a PACER docket report or attachment page: juriscraper finds neither in it")
    if kind != "attachment" and not data.get("docket_number"):
        raise _problem(name, "not a PACER docket report: juriscraper finds no docket number in it")
    if not _COMPLETE.search(text):
        raise _problem(name, "the page is cut short: it has no end (</body>, </html>) and no PACER receipt")
    return PacerFile(name=name, kind=kind, court=found, data=data, raw=raw, extension="html", retrieved=_receipt(text))


def _html_court(name: str, text: str, kind: ReportKind) -> str | None:
    """The court the page itself names (an appellate docket's heading, a district server's title),
    else the one its ecf.<court>.uscourts.gov links name most; a page whose links never name the
    court it names is refused, the user to say which (--court)."""
    hosts = Counter(str(host).lower() for host in _ECF_HOST.findall(text))
    linked = [host for host, _ in hosts.most_common() if lookup_court(host) is not None]
    appellate = [host for host in linked if _APPELLATE_COURTS.fullmatch(host)]
    linked = appellate if kind == "appellate" else [host for host in linked if host not in appellate]
    named = _heading_court(text) if kind == "appellate" else _title_court(text)
    if named is None:
        return linked[0] if linked else None
    # A bankruptcy appellate panel's docket lives on its circuit's server, and links there.
    server = "ca" + named[3:] if named.startswith("bap") else named
    if linked and server not in linked:
        where = "heading" if kind == "appellate" else "title"
        raise _problem(
            name,
            f"the page's {where} names the court {named!r} but its links are to {', '.join(linked[:3])}: "
            "pass --court ID to say which",
        )
    return named


def _heading_court(text: str) -> str | None:
    """The court an appellate docket's heading names."""
    heading = _HEADING.search(text)
    if heading is None:
        return None
    if heading.group(1) is None:
        return "cavc"
    circuit = _CIRCUITS.get(heading.group(2).lower())
    if circuit is None:
        return None
    court = ("bap" if heading.group(1).lower().startswith("bankruptcy") else "ca") + circuit
    return court if lookup_court(court) is not None else None


def _title_court(text: str) -> str | None:
    """The court a district or bankruptcy page's title names, when it names one."""
    title = _TITLE.search(text)
    words = re.findall(r"[a-z0-9]+", title.group(1).lower()) if title else []
    found = {w for w in words if _TITLE_WORD.fullmatch(w) and lookup_court(w) is not None}
    return found.pop() if len(found) == 1 else None


def _known_court(name: str, court: str) -> None:
    if lookup_court(court) is None:
        raise _problem(name, f"court {court!r} is not a court courts-db knows: pass --court ID")


def _receipt(text: str) -> str | None:
    """The day of PACER's transaction receipt (its time has no zone, so the day alone is kept)."""
    match = _RECEIPT.search(text)
    if match is None:
        return None
    month, day, year = match.groups()
    try:
        return _dt.date(int(year), int(month), int(day)).isoformat()
    except ValueError:
        return None


def _quiet() -> None:
    """juriscraper makes its logger on import, and warns on stderr when /var/log/juriscraper is
    missing, unless the logger already has a handler: it is given one that keeps quiet."""
    logger = logging.getLogger("juriscraper.lib.log_tools")
    if not logger.handlers:
        logger.addHandler(logging.NullHandler())
        logger.propagate = False


def _juriscraper() -> Any:
    """juriscraper's PACER parsers, imported with its logger quietened."""
    _quiet()
    try:
        from juriscraper import pacer
    except ImportError:
        raise UsageError(f"reading PACER's HTML needs juriscraper: {INSTALL}") from None
    return pacer


def _court_from_doc_id(prefix: str) -> str | None:
    """The court whose documents' ids start with `prefix`, as juriscraper knows it (None without it)."""
    _quiet()
    try:
        from juriscraper.pacer.utils import get_court_id_from_doc_id_prefix
    except ImportError:
        return None
    try:
        found = get_court_id_from_doc_id_prefix(prefix)
    except KeyError:  # a prefix of no court
        return None
    return str(found) if found else None


def _parse(name: str, text: str, kind: ReportKind, court: str) -> dict[str, Any]:
    pacer = _juriscraper()
    parser = {"district": pacer.DocketReport, "appellate": pacer.AppellateDocketReport}.get(kind, pacer.AttachmentPage)
    try:
        report = parser(court)
        report._parse_text(text)  # offline: juriscraper's own tests parse pages so
        data = report.data
    except Exception as error:  # juriscraper's parsers raise what their code meets
        raise _problem(name, f"juriscraper cannot read the page: {error}") from None
    # Dates as text, as juriscraper's JSON has them, so that HTML and JSON make the same records.
    plain: dict[str, Any] = json.loads(json.dumps(data or {}, default=_plain))
    return plain


def _plain(value: Any) -> Any:
    if isinstance(value, (_dt.date, _dt.datetime)):
        return value.isoformat()
    return str(value)


# -- the import -------------------------------------------------------------------------------


@attrs.frozen
class PacerImport:
    """What an import makes: the records, and each docket's records with its stored report."""

    records: RecordSet
    # case id → (the ids of the records of its file, in order); the reports to store, by case
    dockets: Mapping[str, tuple[str, ...]]
    reports: Mapping[str, tuple[PacerFile, ...]]


def import_pacer(
    paths: Iterable[str | os.PathLike[str]],
    *,
    court: str | None = None,
    retrieved: str | None = None,
    into: RecordSet | None = None,
) -> RecordSet:
    """The records PACER files make: docket reports (district or appellate) and attachment
    pages, as HTML or as juriscraper's JSON. See docs/import.md for what each record holds."""
    return read_dockets(paths, court=court, retrieved=retrieved, into=into).records


# District dockets first, so that an appeal names the lower court's case rather than making its
# stand-in; attachment pages last, so that each finds its filing; else in the order given.
_READ_ORDER: tuple[ReportKind, ...] = ("district", "appellate", "attachment")


def read_dockets(
    paths: Iterable[str | os.PathLike[str]],
    *,
    court: str | None = None,
    retrieved: str | None = None,
    into: RecordSet | None = None,
) -> PacerImport:
    """The import of `paths`, with what a writer needs: which records go in which docket's file,
    and the reports to store beside them. District dockets are read before appellate ones and
    both before attachment pages, whatever the order of `paths`: an appeal then names the lower
    court's case its docket made, and a page finds its filing in a docket of the same run."""
    if retrieved is not None:
        try:
            parse_date(retrieved)
        except ValueError as error:
            raise UsageError(f"retrieved= {retrieved!r} is not a date: {error}") from None
    files: list[PacerFile] = []
    problems: list[Problem] = []
    for path in paths:  # every file's problems told at once
        try:
            files.append(read_pacer(path, court=court))
        except LoadError as error:
            problems.extend(error.problems)
    known: dict[str, Record] = {record.id: record for record in into or ()}
    made: dict[str, Record] = {}
    dockets: dict[str, list[str]] = {}
    reports: dict[str, list[PacerFile]] = {}
    for file in sorted(files, key=lambda f: _READ_ORDER.index(f.kind)):
        try:
            case, records = _records(file, retrieved, {**known, **made})
        except DocketProblem as reason:
            problems.append(Problem(file=file.name, line=None, column=None, path="", message=str(reason), code="S007"))
            continue
        counts = Counter(record.id for record in records)
        clash = [record.id for record in records if record.id in made or counts[record.id] > 1]
        if clash:
            message = (
                f"makes records another file of this import made too ({', '.join(clash[:3])}): import one report "
                "of a docket at a time"
            )
            problems.append(Problem(file=file.name, line=None, column=None, path="", message=message, code="S007"))
            continue
        for record in records:
            made[record.id] = record
        dockets.setdefault(case, []).extend(record.id for record in records)
        reports.setdefault(case, []).append(file)
    if problems:
        raise LoadError(problems)
    return PacerImport(
        records=RecordSet(made.values()),
        dockets={case: tuple(ids) for case, ids in dockets.items()},
        reports={case: tuple(found) for case, found in reports.items()},
    )


_READ_FROM = {"html": "its HTML", "json": "juriscraper's JSON of it"}


def report_source(file: PacerFile, id: str, retrieved: str | None) -> Source:
    """The Source record of a report: the court's document, its digest, the day it was retrieved."""
    when = file.retrieved or retrieved
    what = "An attachment page" if file.kind == "attachment" else "A docket report"
    court = lookup_court(file.court)
    data = {
        "id": id,
        "kind": "court_document",
        "institution": court.name if court is not None else None,
        "retrieved": when,
        "digest": f"sha256:{file.digest}",
        "confidence": "confirmed",
        "notes": f"{what} of PACER ({file.court}), read from {_READ_FROM[file.extension]}.",
    }
    try:
        source = build(Source, data)
    except Refused as reason:
        raise DocketProblem(str(reason)) from None
    assert isinstance(source, Source)
    return source


def _records(file: PacerFile, retrieved: str | None, known: Mapping[str, Record]) -> tuple[str, list[Record]]:
    if file.kind == "attachment":
        filing = find_filing(file.data, court=file.court, records=list(known.values()))
        if filing is None:
            raise DocketProblem(
                f"no filing known for this attachment page (document {file.data.get('document_number')}, "
                f"pacer_doc_id {file.data.get('pacer_doc_id')}, pacer case {file.data.get('pacer_case_id')}, "
                f"court {file.court}): import its docket in the same run, or into a set that holds it"
            )
        source = report_source(file, attachment_source_id(filing.id), retrieved)
        return filing.case, [source, *attachment_records(file.data, filing=filing, source=source.id)]
    number = str(file.data.get("docket_number") or "").strip()
    case = case_id(file.court, number)
    source = report_source(file, source_id(case), retrieved)
    records = docket_records(file.data, court=file.court, source=source, known=known)
    return case, [source, *records]


def stored_report_path(case: str, file: PacerFile) -> str:
    """Where a written import keeps a report, relative to the folder: sources/pacer/<case>/<digest>.html,
    or `.json.txt` for juriscraper's JSON (a `.json` file in a record folder would be read as records)."""
    suffix = "html" if file.extension == "html" else "json.txt"
    return f"sources/pacer/{case}/{file.digest[:12]}.{suffix}"


def with_stored_reports(result: PacerImport) -> dict[str, list[Record]]:
    """Each docket's records as its file holds them, the Source of each report pointing to its
    stored copy (`text_file`)."""
    by_id = {record.id: record for record in result.records}
    files: dict[str, list[Record]] = {}
    for case, ids in result.dockets.items():
        stored = {file.digest: stored_report_path(case, file) for file in result.reports[case]}
        records = []
        for id in ids:
            record = by_id[id]
            if isinstance(record, Source) and record.digest is not None and record.digest.value in stored:
                record = attrs.evolve(record, text_file=stored[record.digest.value])
            records.append(record)
        files[case] = records
    return files


# -- an import kept in sync with the records of a folder ----------------------------------------


def sync_pacer(
    paths: Iterable[str | os.PathLike[str]],
    folder: str | os.PathLike[str],
    *,
    court: str | None = None,
    retrieved: str | None = None,
    dry_run: bool = False,
) -> SyncResult:
    """Import PACER files into a folder of records and keep it in sync (`evidence.sync`): each
    docket's records go in `<case id>.yaml`, each report in `sources/pacer/<case id>/`; a docket
    imported before is merged three ways, its previous report (the stored copy its Source names)
    read again as the base, so what the court changed is taken and what a person wrote is kept."""
    root = Path(folder)
    kept = load(root) if root.is_dir() and record_files(root) else RecordSet()
    result = read_dockets(paths, court=court, retrieved=retrieved, into=kept)
    files = {
        f"{case}.yaml": [_retrieved_kept(record, kept) for record in records]
        for case, records in with_stored_reports(result).items()
    }
    stored = {stored_report_path(case, file): file.raw for case, found in result.reports.items() for file in found}
    stored = stored_beside(root, files, stored, kept)
    with new_folders_removed_on_failure(root):
        return sync(root, files, base=_previous(result, kept), stored=stored, dry_run=dry_run)


def _retrieved_kept(record: Record, kept: RecordSet) -> Record:
    """A report imported again without its receipt day keeps the day known for the same bytes:
    what no run says is not news that the day is unknown."""
    old = kept.by_id().get(record.id)
    if not isinstance(record, Source) or record.retrieved is not None or not isinstance(old, Source):
        return record
    if old.retrieved is None or old.digest != record.digest:
        return record
    return attrs.evolve(record, retrieved=old.retrieved)


def _previous(result: PacerImport, kept: RecordSet) -> list[Record]:
    """What the previous import of each report made: the stored copy its Source names, read
    again as it was then (with what the folder holds as known records). A report no longer
    stored, or one that no longer reads, has no base: the merge then never replaces a value.

    A record another report made first (the lower court's case, from its appeal's docket) has
    that report's version as its base, so the stand-ins it holds give way to the values of the
    record's own docket; its links are left out of that base, so the link to the other report
    stays beside the new one."""
    made = result.records.by_id()
    known = kept.by_id()
    base: dict[str, Record] = {}
    read: set[str] = set()
    for case, found in result.reports.items():
        for file in found:
            source = next((r for r in result.records.sources if r.digest and r.digest.value == file.digest), None)
            old = known.get(source.id) if source is not None else None
            previous = _stored_report(old, kept, court=file.court)
            if previous is None:
                continue
            assert isinstance(old, Source)
            read.add(old.id)
            try:
                _, records = _records(previous, str(old.retrieved) if old.retrieved else None, known)
            except (LoadError, DocketProblem, UsageError):
                continue
            stored = stored_report_path(case, previous)
            for r in records:
                if r.id in made or r.id in kept:
                    base[r.id] = attrs.evolve(r, text_file=stored) if isinstance(r, Source) and r.id == old.id else r
    for id in made:
        mine = known.get(id)
        if mine is None or id in base:
            continue
        for link in getattr(mine, "links", ()):
            other = known.get(link.target)
            if link.rel is not LinkRel.DERIVED_FROM or not isinstance(other, Source) or other.id in read:
                continue
            read.add(other.id)
            previous = _stored_report(other, kept)
            if previous is None:
                continue
            try:
                _, records = _records(previous, None, {})
            except (LoadError, DocketProblem, UsageError):
                continue
            for r in records:
                if r.id in made and r.id in known and r.id not in base:
                    base[r.id] = attrs.evolve(r, links=()) if hasattr(r, "links") else r
    return list(base.values())


def _stored_report(source: Record | None, kept: RecordSet, *, court: str | None = None) -> PacerFile | None:
    """The PACER report a kept Source stores (its `text_file`), read again; None when there is
    none, it is gone, or it no longer reads."""
    if not isinstance(source, Source) or source.text_file is None:
        return None
    folder = kept.base_folder(source.id)
    if folder is None or not (folder / source.text_file).is_file():
        return None
    try:
        return read_pacer(folder / source.text_file, court=court)
    except (LoadError, UsageError):
        return None
