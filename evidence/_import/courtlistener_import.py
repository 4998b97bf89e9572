"""One docket's CourtListener responses made into records: the docket, brought to juriscraper's
shape by `courtlistener`, goes through the PACER import's mapping (`dockets`), so that a docket
gets the same records and ids from either service; CourtListener's own ids and pages are added
to them, the fields it derives are marked `likely`, each RECAP attachment becomes an exhibit of
its entry, and its opinion clusters become decisions."""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

import attrs

from evidence._errors import LoadError, Problem, UsageError
from evidence._import.courtlistener import CourtListenerDocket, read_courtlistener
from evidence._import.courtlistener_responses import CourtListenerResponse, responses_of
from evidence._import.dockets import DocketProblem, attachment_records, docket_records, source_id
from evidence._import.sourcefile import stored_beside
from evidence._import.sync import SyncResult, sync
from evidence._io import new_folders_removed_on_failure
from evidence._model import RECORD_KINDS, Case, Confidence, Exhibit, Filing, Record, Source, lookup_court
from evidence._recordset import RecordSet, load, record_files


@attrs.frozen(kw_only=True)
class CourtListenerImport:
    """What an import of one docket makes: its records, in the order its file lists them, the
    case's id, and the responses read (to keep beside the records)."""

    records: tuple[Record, ...]
    case_id: str
    responses: tuple[CourtListenerResponse, ...]

    def incoming(self) -> dict[str, list[Record]]:
        """The records by the file that holds them (`<case>.yaml`), the Source pointing to its
        stored copy of the docket's response (`text_file`)."""
        stored = {response.digest: path for path, response in self._stored()}
        records = [
            attrs.evolve(r, text_file=stored[str(r.digest)]) if isinstance(r, Source) and str(r.digest) in stored else r
            for r in self.records
        ]
        return {f"{self.case_id}.yaml": _by_kind(records)}

    def stored(self) -> dict[str, bytes]:
        """The responses read, to keep beside the records: `sources/courtlistener/<case>/<digest>.json.txt`
        (not `.json`: a record set reads every `.json` file of its folder as records)."""
        return {path: response.body for path, response in self._stored()}

    def _stored(self) -> list[tuple[str, CourtListenerResponse]]:
        found: dict[str, CourtListenerResponse] = {}
        for response in self.responses:
            found.setdefault(f"sources/courtlistener/{self.case_id}/{response.digest[7:19]}.json.txt", response)
        return list(found.items())


def import_courtlistener(
    sources: Iterable[str | os.PathLike[str] | CourtListenerResponse],
    *,
    retrieved: str | None = None,
    into: RecordSet | None = None,
) -> RecordSet:
    """The records one docket's CourtListener v4 responses make (saved files, or the responses
    `fetch_courtlistener` gives): the case, its actors and their roles, a filing per entry, an
    exhibit per RECAP attachment, a decision per opinion cluster, and the Source of the docket's
    response, which every record names. `into` is the record set the import goes into: actors
    it already holds are named, not made again."""
    return RecordSet(_by_kind(courtlistener_import(sources, retrieved=retrieved, into=into).records))


def courtlistener_import(
    sources: Iterable[str | os.PathLike[str] | CourtListenerResponse],
    *,
    retrieved: str | None = None,
    into: RecordSet | None = None,
) -> CourtListenerImport:
    """`import_courtlistener`, with what a writer needs: the case's id and the responses read."""
    responses = tuple(responses_of(sources))
    read = read_courtlistener(responses, retrieved=retrieved)
    known = {record.id: record for record in into or ()}
    court = str(read.docket["court_id"])
    if lookup_court(court) is None:
        message = f"court {court!r} (court_id) is not a court courts-db knows: its case cannot be filed in it"
        raise LoadError([_problem(read.name, "$.court_id", message)])
    try:
        made = docket_records(read.docket, court=court, source=read.source, known=known)
        records = _with_courtlistener(read, made)
    except DocketProblem as reason:
        raise LoadError([_problem(read.name, "", str(reason))]) from None
    taken = {record.id for record in records} | set(known)
    # The judges a decision names may be on the docket already (its assigned judge): named, not made twice.
    decisions = [record for record in read.decisions if record.id not in taken]
    return CourtListenerImport(
        records=(read.source, *records, *decisions),
        case_id=read.case_id,
        responses=responses,
    )


def _with_courtlistener(read: CourtListenerDocket, made: Sequence[Record]) -> list[Record]:
    """The PACER mapping's records with what CourtListener adds: the case's and each entry's
    CourtListener id and page, the derived fields marked, the entries' attachments as exhibits
    (the mapping makes the filings in the order of the entries it is given)."""
    entries = read.docket["docket_entries"]
    if len(entries) != len(read.entries) or len(entries) != sum(isinstance(r, Filing) for r in made):
        raise DocketProblem(f"{len(entries)} entries made {sum(isinstance(r, Filing) for r in made)} filings")
    filings = iter(zip(entries, read.entries, strict=True))
    records: list[Record] = []
    for record in made:
        if isinstance(record, Case) and record.id == read.case_id:
            marks = {name: Confidence.LIKELY for name in read.derived if getattr(record, name) is not None}
            record = attrs.evolve(
                record,
                identifiers={**record.identifiers, **read.identifiers},
                url=record.url or read.url,
                field_confidence={**record.field_confidence, **marks},
            )
        if isinstance(record, Filing):
            entry, extra = next(filings)
            record = attrs.evolve(
                record, identifiers={**record.identifiers, **extra["identifiers"]}, url=record.url or extra.get("url")
            )
            records.append(record)
            records += _exhibits(entry, extra, record, read.source.id)
            continue
        records.append(record)
    return records


def _exhibits(entry: Mapping[str, object], extra: Mapping[str, object], filing: Filing, source: str) -> list[Record]:
    if not entry.get("attachments"):
        return []
    pages = extra.get("attachments")
    urls: Mapping[int, str] = pages if isinstance(pages, Mapping) else {}
    exhibits: list[Record] = []
    for exhibit in attachment_records({"attachments": entry["attachments"]}, filing=filing, source=source):
        assert isinstance(exhibit, Exhibit)
        number = exhibit.attachment
        exhibits.append(attrs.evolve(exhibit, url=urls[number]) if number is not None and number in urls else exhibit)
    return exhibits


def _by_kind(records: Iterable[Record]) -> list[Record]:
    """Records in the order a record file lists them (by kind, then as made): the order
    `evidence.sync` reads a file it writes back in."""
    return sorted(records, key=lambda r: RECORD_KINDS.index(type(r)))


def _problem(name: str, where: str, message: str) -> Problem:
    return Problem(file=name, line=None, column=None, path=where, message=message, code="S007")


def sync_courtlistener(
    sources: Iterable[str | os.PathLike[str] | CourtListenerResponse],
    folder: str | os.PathLike[str],
    *,
    retrieved: str | None = None,
    dry_run: bool = False,
) -> SyncResult:
    """One docket's CourtListener responses imported into a folder of records and kept in sync
    (`evidence.sync`), as `sync_pacer` does for PACER files: the records in `<case id>.yaml`, the
    responses under `sources/courtlistener/<case id>/`; a docket imported before is merged three
    ways, the responses the previous import stored read again as the base."""
    root = Path(folder)
    kept = load(root) if root.is_dir() and record_files(root) else RecordSet()
    result = courtlistener_import(sources, retrieved=retrieved, into=kept)
    base = _previous(result, kept)
    incoming = result.incoming()
    stored = stored_beside(root, incoming, result.stored(), kept)
    with new_folders_removed_on_failure(root):
        return sync(root, incoming, base=base, stored=stored, dry_run=dry_run)


_DIGEST = re.compile(r"\((sha256:[0-9a-f]{64})\)")


def _previous(result: CourtListenerImport, kept: RecordSet) -> list[Record] | None:
    """What the previous import of this docket made: the responses it stored (the docket's, which
    its Source names, and the others its notes list by digest) imported again. Its Source is the
    one kept, the import's own account of what it read. None when they are not all there."""
    old = kept.by_id().get(source_id(result.case_id))
    folder = kept.base_folder(old.id) if isinstance(old, Source) and old.text_file else None
    if not isinstance(old, Source) or old.text_file is None or folder is None:
        return None
    docket = folder / old.text_file
    paths = [docket, *(docket.parent / f"{d[7:19]}.json.txt" for d in _DIGEST.findall(old.notes or ""))]
    if not all(path.is_file() for path in paths):
        return None
    try:
        previous = courtlistener_import(paths, retrieved=str(old.retrieved) if old.retrieved else None, into=kept)
    except (LoadError, UsageError):
        return None
    return [old if r.id == old.id else r for records in previous.incoming().values() for r in records]
