"""A record file added to: loaded, changed in memory, written back whole and atomically, so a
failure leaves it as it was. Adding to a folder adds to one file in it (`sources.yaml` unless told)
after the whole folder is read, so an id is new across the folder; adding to a file named reads
the whole folder it is in, for the same reason."""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from pathlib import Path

import attrs

from evidence._errors import UsageError
from evidence._io import Format, atomic_write, yaml_has_comments
from evidence._model import Claim, EvidenceLink, Record, a
from evidence._recordset import RecordSet, dumps, load, read_files, record_files

# Where records are added in a folder (and when no place is named).
DEFAULT_FILE = "sources.yaml"


@attrs.frozen
class Target:
    """The record file to write, the records it holds now, and every record of the set it is
    part of (the folder named, or the file alone)."""

    file: Path
    held: tuple[Record, ...]
    whole: RecordSet


def target(place: str | os.PathLike[str] | None) -> Target:
    """Where a new record goes: the record file named (new or not), or `sources.yaml` in the
    folder named (new or not: a name without a suffix), with every record of that folder (of
    the file's folder, for a file named)."""
    path = Path(place) if place is not None else Path(DEFAULT_FILE)
    file = record_file_for(path)
    if file != path:
        return _opened(file, load(path) if path.is_dir() and record_files(path) else RecordSet())
    return _opened(file, _set_of(file))


def _set_of(file: Path) -> RecordSet:
    """The records of the set a record file is part of: every record file of its folder (the
    file among them, or beside them when it is not one a folder is read for), so that an id
    another file of the folder holds is found, and named, before it is used twice."""
    folder = file.parent
    others = record_files(folder) if folder.is_dir() else []
    contents = read_files(folder) if others else []
    if file.exists() and not any(other.resolve() == file.resolve() for other in others):
        contents += read_files(file)
    return RecordSet((r for c in contents for r in c.records), origins=[o for c in contents for o in c.origins])


def record_file_for(place: str | os.PathLike[str] | None) -> Path:
    """The record file new records go in: the file named, or `sources.yaml` in the folder named
    (one to make, when the name has no suffix and nothing has it yet)."""
    path = Path(place) if place is not None else Path(DEFAULT_FILE)
    return path / DEFAULT_FILE if path.is_dir() or (not path.exists() and not path.suffix) else path


def target_of(place: str | os.PathLike[str], id: str) -> Target:
    """The record file of a file or folder that holds the record `id`."""
    whole = load(place)
    origin = whole.origin(id)
    if id not in whole or origin is None:
        raise UsageError(f"no record {id!r} in {place}")
    return _opened(Path(origin.file), whole, alone=Path(place) == Path(origin.file))


def _opened(file: Path, whole: RecordSet, *, alone: bool = False) -> Target:
    """The target, its records read (again, unless `whole` is the file's alone)."""
    if Format.of(file) is None:
        raise UsageError(f"cannot tell the format of {file}: name a .yaml, .json or .jsonl record file, or a folder")
    if not file.exists():
        return Target(file=file, held=(), whole=whole)
    if file.suffix.lower() in (".yaml", ".yml") and yaml_has_comments(file.read_text(encoding="utf-8")):
        raise UsageError(f"{file} has comments, which writing it back would lose; add to another record file")
    return Target(file=file, held=tuple(whole) if alone else tuple(load(file)), whole=whole)


def rendered(file: Path, records: Sequence[Record]) -> bytes:
    """The bytes of the record file holding `records`, in its own format."""
    fmt = Format.of(file)
    assert fmt is not None  # `target` refused a file whose format it cannot tell
    return dumps(records, fmt.value)


def with_new(place: Target, record: Record) -> bytes:
    """The record file with `record` added at its end; an id the set has already is refused."""
    if record.id in place.whole:
        where = place.whole.location(record.id)[0] or str(place.file)
        raise UsageError(f"id {record.id!r} is already used in {where}; choose another id")
    return rendered(place.file, [*place.held, record])


def with_changed(place: Target, id: str, change: Callable[[Record], Record]) -> bytes:
    """The record file with the record `id` changed; a record not in the file is refused."""
    held = list(place.held)
    for n, record in enumerate(held):
        if record.id == id:
            held[n] = change(record)
            return rendered(place.file, held)
    raise UsageError(f"no record {id!r} in {place.file}")


def add_evidence(records: str | os.PathLike[str], claim_id: str, link: EvidenceLink) -> Claim:
    """Add `link` to the evidence of the claim `claim_id` in the record file (of a file or folder)
    that holds it, written back atomically; returns the claim as changed. A claim that already has
    this evidence, or a record that is not a claim, is refused and nothing is written."""
    place = target_of(records, claim_id)
    changed: list[Claim] = []

    def add(record: Record) -> Record:
        if not isinstance(record, Claim):
            raise UsageError(f"{claim_id!r} is {a(record.KIND)}, not a claim: only claims have evidence")
        if link in record.evidence:
            raise UsageError(f"claim {claim_id!r} already has this evidence")
        changed.append(attrs.evolve(record, evidence=(*record.evidence, link)))
        return changed[0]

    atomic_write(place.file, with_changed(place, claim_id, add))
    return changed[0]
