"""Record sets: records from one or more files, looked up by id and kind, references resolved."""

from __future__ import annotations

import os
from collections.abc import Callable, Hashable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, TypeVar, overload

import attrs

from evidence._errors import LoadError, Problem, ResolutionError, UsageError
from evidence._io import (
    RECORD_SUFFIXES,
    FileContent,
    Format,
    Locator,
    Origin,
    atomic_write,
    collector_paused,
    locate,
    parse_bytes,
    path_text,
    read_file,
    render,
    walk_record_files,
)
from evidence._model import (
    ANY_KIND,
    KIND_BY_NAME,
    RECORD_KINDS,
    Actor,
    Case,
    Claim,
    Court,
    Decision,
    Exhibit,
    Filing,
    Message,
    Provision,
    Record,
    Source,
    a,
    complete_court,
    iter_references,
    lookup_court,
)

R = TypeVar("R", bound=Record)
T = TypeVar("T")
PathLike = str | os.PathLike[str]


_REFERRED: dict[tuple[type, str], type[Record] | None] = {}


def _referred_kind(cls: type, field: str) -> type[Record] | None:
    """The kind of record a reference field names (None: any kind); read once per field."""
    if (cls, field) not in _REFERRED:
        attribute = getattr(attrs.fields(cls), field, None)
        kinds = attribute.metadata.get("ref") if attribute is not None else None
        if not kinds:
            raise UsageError(f"{getattr(cls, 'KIND', cls.__name__)}.{field} is not a reference")
        _REFERRED[cls, field] = KIND_BY_NAME[kinds[0]] if kinds[0] != ANY_KIND else None
    return _REFERRED[cls, field]


class _ReadOnlyIds(dict[str, Record]):
    """The records by id, as a dict that refuses changes: read as fast as a dict (a
    `MappingProxyType`'s `get` costs several times as much, and a report asks millions of times)."""

    def _refuse(self, *args: object, **kwargs: object) -> Any:
        raise TypeError("the records of a set by id are read-only: make a new RecordSet")

    __setitem__ = __delitem__ = __ior__ = clear = pop = popitem = setdefault = update = _refuse

    def __reduce__(self) -> tuple[Any, ...]:  # made whole again, not filled key by key
        return (_ReadOnlyIds, (dict(self),))


class RecordSet:
    """An immutable set of records with unique ids.

    Iterating gives the records in the order they were read. Look-ups by id, by kind, and the
    typed resolution of references are methods; reverse look-ups (the messages of an exhibit,
    the claims citing a source) use an index built on first use.
    """

    __slots__ = ("_by_id", "_by_kind", "_courts", "_made", "_origin_list", "_origins", "_records", "_referrers")

    def __init__(self, records: Iterable[Record] = (), *, origins: Iterable[Origin | None] | None = None) -> None:
        self._records = tuple(records)
        groups: dict[type[Record], list[Record]] = {cls: [] for cls in RECORD_KINDS}
        by_id: dict[str, Record] = {}
        # One pass: in a set of millions each record is fetched from memory once, not three times.
        for record in self._records:
            group = groups.get(type(record))
            if group is not None:
                group.append(record)
            elif not isinstance(record, Record):
                raise TypeError(f"a RecordSet holds records, not {type(record).__name__}")
            by_id[record.id] = record
        # A sequence of origins is kept as it is (a large file's are made only when asked for).
        origin_list: Sequence[Origin | None] = (
            [None] * len(self._records)
            if origins is None
            else origins
            if isinstance(origins, Sequence)
            else list(origins)
        )
        if len(origin_list) != len(self._records):
            raise ValueError("give one origin for each record")
        self._by_id = _ReadOnlyIds(by_id)
        self._origin_list = origin_list
        self._origins: dict[str, int] | None = None  # each id's place, made when first asked
        if len(self._by_id) != len(self._records):
            raise LoadError(duplicate_problems((record.id for record in self._records), origin_list))
        self._by_kind: dict[type[Record], tuple[Record, ...]] = {cls: tuple(group) for cls, group in groups.items()}
        self._referrers: dict[str, tuple[Record, ...]] | None = None
        self._courts: dict[str, Court] = {}  # courts resolved and completed, by id
        self._made: dict[Hashable, Any] = {}  # see `once`

    def once(self, key: Hashable, make: Callable[[], T]) -> T:
        """What `make` returns, made once for this set: a value that depends on nothing but the
        records and `key` (a document's citation, printed behind each of the thousands of
        messages it holds). The set never changes, so what is made stays true."""
        if key not in self._made:
            self._made[key] = make()
        return self._made[key]  # type: ignore[no-any-return]

    def _origin_of(self, id: str) -> Origin | None:
        """Where a record was read; the places of the ids are found once, an origin only when asked
        for (a large file's are made on demand)."""
        if self._origins is None:
            self._origins = {record.id: n for n, record in enumerate(self._records)}
        place = self._origins.get(id)
        return None if place is None else self._origin_list[place]

    # -- the set as a collection ----------------------------------------------------------------

    def __len__(self) -> int:
        return len(self._records)

    def __iter__(self) -> Iterator[Record]:
        return iter(self._records)

    def __contains__(self, id: object) -> bool:
        return id in self._by_id

    def __eq__(self, other: object) -> bool:
        # Files group records by kind, so sets are equal when each kind has the same records
        # in the same order.
        if not isinstance(other, RecordSet):
            return NotImplemented
        return self._by_kind == other._by_kind

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        counts = ", ".join(
            f"{len(items)} {cls.KIND if len(items) == 1 else cls.PLURAL}"
            for cls, items in self._by_kind.items()
            if items
        )
        return f"<RecordSet: {counts or 'empty'}>"

    def by_id(self) -> Mapping[str, Record]:
        """The records by id (read-only: a change is a `TypeError`)."""
        return self._by_id

    def __getitem__(self, id: str) -> Record:
        try:
            return self._by_id[id]
        except KeyError:
            raise ResolutionError(f"no record has the id {id!r}") from None

    @overload
    def get(self, id: str) -> Record: ...
    @overload
    def get(self, id: str, kind: type[R]) -> R: ...
    def get(self, id: str, kind: type[Record] | None = None) -> Record:
        """The record with this id; with `kind`, a `ResolutionError` unless it is of that kind."""
        record = self._by_id.get(id)
        if record is None and kind is Court:
            court = lookup_court(id)
            if court is not None:
                return court
        if record is None:
            wanted = f"{kind.KIND} " if kind is not None else ""
            raise ResolutionError(f"no {wanted}record has the id {id!r}")
        if kind is not None and not isinstance(record, kind):
            raise ResolutionError(f"{id!r} is {a(record.KIND)}, not {a(kind.KIND)}")
        return record

    def of_kind(self, kind: type[R]) -> tuple[R, ...]:
        """Every record of one kind, in the order read."""
        return self._by_kind.get(kind, ())  # type: ignore[return-value]

    @property
    def courts(self) -> tuple[Court, ...]:
        return self.of_kind(Court)

    @property
    def cases(self) -> tuple[Case, ...]:
        return self.of_kind(Case)

    @property
    def actors(self) -> tuple[Actor, ...]:
        return self.of_kind(Actor)

    @property
    def filings(self) -> tuple[Filing, ...]:
        return self.of_kind(Filing)

    @property
    def exhibits(self) -> tuple[Exhibit, ...]:
        return self.of_kind(Exhibit)

    @property
    def decisions(self) -> tuple[Decision, ...]:
        return self.of_kind(Decision)

    @property
    def messages(self) -> tuple[Message, ...]:
        return self.of_kind(Message)

    @property
    def sources(self) -> tuple[Source, ...]:
        return self.of_kind(Source)

    @property
    def provisions(self) -> tuple[Provision, ...]:
        return self.of_kind(Provision)

    @property
    def claims(self) -> tuple[Claim, ...]:
        return self.of_kind(Claim)

    # -- where records come from ----------------------------------------------------------------

    def origin(self, id: str) -> Origin | None:
        """The file and JSON path a record was read from (None for records made in code)."""
        return self._origin_of(id)

    def location(self, id: str) -> tuple[str | None, int | None, int | None]:
        """(file, line, column) of a record; line and column are found on demand for JSON."""
        origin = self._origin_of(id)
        if origin is None:
            return None, None, None
        line, column = locate(origin)
        return origin.file, line, column

    def base_folder(self, id: str) -> Path | None:
        """The folder of a record's file: paths in the record (a source's text) are relative to it."""
        origin = self._origin_of(id)
        return Path(origin.file).parent if origin is not None else None

    # -- references -----------------------------------------------------------------------------

    def resolve(self, record: Record, field: str) -> Any:
        """The record(s) a reference field names: one record, a tuple of them, or None."""
        kind = _referred_kind(type(record), field)
        value = getattr(record, field)
        if value is None:
            return None
        # The usual case first, without the error's context: each id names a record of its kind.
        if isinstance(value, str):
            hit = self._by_id.get(value)
            if hit is not None and (kind is None or isinstance(hit, kind)):
                return hit
        else:
            hits = tuple(map(self._by_id.get, value))
            if all(hit is not None and (kind is None or isinstance(hit, kind)) for hit in hits):
                return hits
        owner = getattr(record, "KIND", type(record).__name__)

        def one(target: str) -> Record:
            try:
                return self.get(target, kind) if kind is not None else self[target]
            except ResolutionError as error:
                where = f"{owner} {record.id!r}" if isinstance(record, Record) else owner
                raise ResolutionError(f"{where}: {field}: {error}") from None

        if isinstance(value, tuple):
            return tuple(one(target) for target in value)
        return one(value)

    def court_of(self, case: Case) -> Court:
        """The case's court: its Court record, completed from courts-db, or courts-db's entry."""
        court = self._courts.get(case.court)
        if court is None:
            court = self._courts[case.court] = complete_court(self.resolve(case, "court"))
        return court

    def case_of(self, record: Filing | Exhibit | Message) -> Case | None:
        filing = self.filing_of(record) if not isinstance(record, Filing) else record
        return self.resolve(filing, "case") if filing is not None else None

    def filing_of(self, record: Exhibit | Message) -> Filing | None:
        """The filing holding an exhibit, or a message (through its exhibit when it has one)."""
        if isinstance(record, Message) and record.exhibit is not None:
            return self.filing_of(self.resolve(record, "exhibit"))
        return self.resolve(record, "filing")  # type: ignore[no-any-return]

    def exhibit_of(self, message: Message) -> Exhibit | None:
        return self.resolve(message, "exhibit")  # type: ignore[no-any-return]

    def referrers(self, target: str | Record) -> tuple[Record, ...]:
        """Every record that names `target` anywhere (a field, a quote's source, a link)."""
        if self._referrers is None:
            index: dict[str, list[Record]] = {}
            for record in self._records:
                seen: set[str] = set()
                for _path, ref, _kinds in iter_references(record):
                    if ref not in seen:
                        seen.add(ref)
                        index.setdefault(ref, []).append(record)
            self._referrers = {key: tuple(value) for key, value in index.items()}
        key = target.id if isinstance(target, Record) else target
        return self._referrers.get(key, ())

    def messages_of(self, exhibit: Exhibit | Filing) -> tuple[Message, ...]:
        """Messages held by an exhibit, or by a filing directly."""
        field = "exhibit" if isinstance(exhibit, Exhibit) else "filing"
        return tuple(r for r in self.referrers(exhibit) if isinstance(r, Message) and getattr(r, field) == exhibit.id)

    def exhibits_of(self, filing: Filing) -> tuple[Exhibit, ...]:
        return tuple(r for r in self.referrers(filing) if isinstance(r, Exhibit) and r.filing == filing.id)

    def filings_of(self, case: Case) -> tuple[Filing, ...]:
        return tuple(r for r in self.referrers(case) if isinstance(r, Filing) and r.case == case.id)

    def decisions_of(self, case: Case) -> tuple[Decision, ...]:
        """The decisions of a case, in the order they were read."""
        return tuple(d for d in self.decisions if d.case == case.id)

    def claims_citing(self, target: str | Record) -> tuple[Claim, ...]:
        """Claims with an evidence link to `target`."""
        key = target.id if isinstance(target, Record) else target
        return tuple(
            r for r in self.referrers(key) if isinstance(r, Claim) and any(e.record == key for e in r.evidence)
        )


def duplicate_problems(ids: Iterable[str], origins: Iterable[Origin | None]) -> list[Problem]:
    """A problem for every record whose id an earlier record has (the first one wins)."""
    first: dict[str, Origin | None] = {}
    problems = []
    where = Locator()  # each file read once, however many ids it repeats
    for id, origin in zip(ids, origins, strict=True):
        if id in first:
            problems.append(_duplicate_problem(id, origin, first[id], where))
        else:
            first[id] = origin
    return problems


def _duplicate_problem(id: str, origin: Origin | None, first_origin: Origin | None, locate: Locator) -> Problem:
    where = ""
    if first_origin is not None:
        line, _ = locate(first_origin)
        where = f" (first in {first_origin.file}" + (f":{line}" if line else "") + ")"
    file = line = column = None
    path = ""
    if origin is not None:
        file = origin.file
        line, column = locate(origin)
        path = path_text(origin.path)
    return Problem(
        code="R003", file=file, line=line, column=column, path=path, message=f"id {id!r} is used twice{where}"
    )


def record_files(folder: Path) -> list[Path]:
    """Record files under a folder, sorted, skipping hidden files and folders; a `LoadError` for
    a folder that cannot be listed and a link that leads out of the folder (`walk_record_files`)."""
    found, problems = walk_record_files(folder)
    if problems:
        raise LoadError(problems)
    return found


def read_files(path: PathLike) -> list[FileContent]:
    """Read a record file, or every record file in a folder; a `LoadError` lists every problem."""
    root = Path(path)
    if not root.exists():
        raise UsageError(f"no such file or folder: {root}")
    files, problems = walk_record_files(root) if root.is_dir() else ([root], [])
    if root.is_dir() and not files and not problems:
        raise LoadError(
            [
                Problem(
                    code="S001",
                    file=str(root),
                    line=None,
                    column=None,
                    path="",
                    message=f"no record files ({', '.join(RECORD_SUFFIXES)}) in this folder",
                )
            ]
        )
    contents: list[FileContent] = []
    for file in files:
        try:
            contents.append(read_file(file))
        except LoadError as error:
            problems.extend(error.problems)
    if problems:
        raise LoadError(problems)
    return contents


def load(path: PathLike) -> RecordSet:
    """Load a record file (.yaml, .yml, .json, .jsonl) or a folder of them into a `RecordSet`."""
    with collector_paused():
        contents = read_files(path)
        return RecordSet(
            (record for content in contents for record in content.records),
            origins=contents[0].origins if len(contents) == 1 else [o for c in contents for o in c.origins],
        )


def loads(data: bytes | str, format: str = "json", *, name: str = "<string>") -> RecordSet:
    """The record set a record file's content holds: "yaml", "json" or "jsonl"; problems are
    reported under `name`."""
    fmt = _format(format)
    raw = data.encode("utf-8", "surrogatepass") if isinstance(data, str) else data
    with collector_paused():
        content = parse_bytes(raw, name, fmt)
        return RecordSet(content.records, origins=content.origins)


def dump(records: RecordSet | Iterable[Record], path: PathLike, *, format: str | None = None) -> None:
    """Write records to one file, in the format its suffix names (or `format`), atomically."""
    target = Path(path)
    fmt = _format(format) if format is not None else Format.of(target)
    if fmt is None:
        raise UsageError(f"cannot tell the format of {target}: use a .yaml, .json or .jsonl name, or pass format=")
    atomic_write(target, render(tuple(records), fmt))


def dumps(records: RecordSet | Iterable[Record], format: str = "json") -> bytes:
    """The bytes of a record file holding `records`: "yaml", "json" or "jsonl" (canonical form)."""
    return render(tuple(records), _format(format))


def _format(format: str) -> Format:
    try:
        return Format(format)
    except ValueError:
        raise UsageError(f"unknown format {format!r}: use yaml, json or jsonl") from None
