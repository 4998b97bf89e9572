"""An import merged into the records already kept: what is new is added, what the source changed
is taken unless a person changed it too, and every difference is told.

The merge is three-way, field by field, as version control merges text: *ours* is the record as
the folder holds it, *base* what the previous import wrote (remade from the report it stored),
*theirs* what this import makes. A field the source changed and no person touched takes the new
value; a field a person changed keeps the person's value, and the source's new value is reported
beside it. Without a base (the first import into records someone wrote) a field's base is its
default: an empty field is filled, a written one is never replaced. Lists of value objects (parties,
judges, links, sealing events) are merged element by element, keyed by their first two fields;
lists of ids and mappings, element by element too. A record the source no longer gives is reported,
never deleted.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs

from evidence._errors import LoadError, UsageError
from evidence._io import Format, atomic_write_all, parse_bytes, render, yaml_has_comments
from evidence._labels import shorten
from evidence._model import VALUE_OBJECTS, Record, a
from evidence._recordset import RecordSet, read_files, record_files

# The kinds of change, in the order a diff lists them.
ADDED, UPDATED, KEPT, GONE = "added", "updated", "kept", "gone"
_WIDTH = 70  # how much of a long value a diff line shows


@attrs.frozen
class Change:
    """One difference an import makes, or would make, to the records kept.

    `action` is `added` (a new record, or a new element of a list), `updated` (the source's new
    value taken), `kept` (a person's value kept over the source's new one, `after`), or `gone`
    (a record the previous import made that this one does not: left in place)."""

    action: str
    id: str
    field: str | None = None
    before: Any = None
    after: Any = None

    def line(self) -> str:
        """The change as one line of a diff."""
        where = f"{self.id} {self.field}" if self.field else self.id
        if self.action == ADDED:
            said = _show(self.after) if self.field else _said(self.after)
            return f"+ {where}" + (f": {said}" if said else "")
        if self.action == GONE:
            return f"- {where}: no longer in the import (kept)"
        if self.action == KEPT and self.field is None:
            return f"! {where}: deleted by you, and changed by the import since (left deleted)"
        if self.action == KEPT:
            return f"! {where}: your {_show(self.before)} kept; the import now gives {_show(self.after)}"
        if self.after is None:
            return f"~ {where}: {_show(self.before)} removed"
        return f"~ {where}: {_show(self.before)} → {_show(self.after)}"


@attrs.frozen
class SyncResult:
    """What an import did (or, on a dry run, would do) to a folder of records."""

    changes: tuple[Change, ...]
    written: tuple[Path, ...]
    records: RecordSet
    dry_run: bool
    was_empty: bool = False  # the folder held no records before: a first import, not a sync

    def diff(self, *, new_records: bool = True) -> str:
        """The changes as a readable diff, one line each (empty when nothing changed);
        `new_records=False` leaves out the lines of whole new records (the summary counts them)."""
        shown = (c for c in self.changes if new_records or c.action != ADDED or c.field is not None)
        return "".join(change.line() + "\n" for change in shown)

    def summary(self) -> str:
        """One line: the records added (by kind) and list elements added, the values updated and
        kept, the records gone, and what was written."""
        if not self.changes:
            return "nothing changed"
        added: dict[tuple[str, str], int] = {}  # (kind, plural) → how many
        for change in self.changes:
            if change.action == ADDED and change.field is None and isinstance(change.after, Record):
                kind = (change.after.KIND, change.after.PLURAL)
                added[kind] = added.get(kind, 0) + 1
        elements = sum(1 for c in self.changes if c.field is not None and c.action == ADDED)  # a list's new ones
        values = sum(1 for c in self.changes if c.field is not None and c.action == UPDATED)
        kept = sum(1 for c in self.changes if c.action == KEPT)
        gone = sum(1 for c in self.changes if c.action == GONE)
        parts = []
        counted = [_count(n, *kind) for kind, n in added.items()]
        if elements:
            counted.append(_count(elements, "list element", "list elements"))
        if counted:
            parts.append("added " + ", ".join(counted))
        if values:
            parts.append(f"updated {_count(values, 'value', 'values')}")
        if kept:
            parts.append(f"kept {_count(kept, 'value', 'values')} of yours")
        if gone:
            parts.append(f"{_count(gone, 'record', 'records')} no longer in the import")
        told = "; ".join(parts)
        if self.dry_run:
            return f"{told} (dry run: nothing written)"
        return f"{told}; wrote {_count(len(self.written), 'file', 'files')}"


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def sync(
    folder: str | Path,
    incoming: Mapping[str, Sequence[Record]],
    *,
    base: Iterable[Record] | None = None,
    stored: Mapping[str, bytes] | None = None,
    dry_run: bool = False,
) -> SyncResult:
    """Merge what an import makes into the records under `folder`, and write what changed.

    `incoming` gives the import's records by the file (relative to `folder`) a new record goes
    in; a record already kept stays in its own file. `base` is what the previous import made, if
    known. `stored` gives files the import keeps beside the records (the report it read), by
    relative path: an existing file is never replaced by different bytes. Files are written only
    when their records change, all together (`atomic_write_all`), after every one has been
    rendered and read back; a YAML file that holds comments is not rewritten (rewriting would lose
    them): the sync stops, naming it. `dry_run` computes the same and writes nothing."""
    root = Path(folder)
    if root.exists() and not root.is_dir():
        raise UsageError(f"not a folder: {root}")
    kept = read_files(root) if root.is_dir() and record_files(root) else []
    ours: dict[str, tuple[Record, Path]] = {}
    order: dict[Path, list[str]] = {}
    for content in kept:
        path = Path(content.file)
        order[path] = [record.id for record in content.records]
        for record in content.records:
            ours[record.id] = (record, path)
    before = {record_id: record for record_id, (record, _) in ours.items()}
    base_records = {record.id: record for record in base or ()}
    merged = dict(before)
    changes: list[Change] = []
    touched: set[Path] = set()
    arriving = [(root / name, record) for name, records in incoming.items() for record in records]
    for path, theirs in arriving:
        if theirs.id not in ours and theirs.id in base_records:  # a person deleted it: it stays deleted
            if theirs != base_records[theirs.id]:
                changes.append(Change(KEPT, theirs.id, None, None, theirs))
            continue
        if theirs.id not in ours:
            merged[theirs.id] = theirs
            order.setdefault(path, []).append(theirs.id)
            touched.add(path)
            changes.append(Change(ADDED, theirs.id, after=theirs))
            continue
        record, home = ours[theirs.id]
        if type(record) is not type(theirs):
            raise UsageError(
                f"{home}: the record {theirs.id!r} is {a(record.KIND)}, but the import makes {a(theirs.KIND)} "
                "with that id; rename one of them"
            )
        result, found = _merge_record(record, base_records.get(theirs.id), theirs)
        if result != record:
            merged[theirs.id] = result
            touched.add(home)
        changes.extend(found)
    arrived = {record.id for _, record in arriving}
    changes.extend(Change(GONE, i) for i in base_records if i not in arrived and i in ours)
    files = {path: render(tuple(merged[i] for i in order[path]), _format(path)) for path in sorted(touched)}
    _check_writable(files, before, merged, order)
    extra = _stored_files(root, stored or {})
    records = RecordSet(merged[i] for ids in order.values() for i in ids)
    if dry_run or not (files or extra):
        return SyncResult(tuple(changes), (), records, dry_run, not before)
    root.mkdir(parents=True, exist_ok=True)
    for path in {*files, *extra}:
        path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_all({**extra, **files})
    return SyncResult(tuple(changes), tuple(sorted({*extra, *files})), records, dry_run, not before)


# -- merging ------------------------------------------------------------------------------------

_MISSING = object()  # a base that does not exist: equal to nothing


def _merge_record(ours: Record, base: Record | None, theirs: Record) -> tuple[Record, list[Change]]:
    changes: list[Change] = []
    value = _merge_object(ours, base, theirs, ours.id, "", changes)
    return value, changes


def _merge_object(ours: Any, base: Any, theirs: Any, id: str, where: str, changes: list[Change]) -> Any:
    """Field-wise merge of two attrs instances of one class, against `base` (or the defaults)."""
    updates: dict[str, Any] = {}
    kept: set[str] = set()
    # The marks last: a field whose person's value is kept keeps its mark too, since what the
    # source is sure of is its own value, not the person's.
    fields = sorted(attrs.fields(type(ours)), key=lambda attribute: attribute.name == "field_confidence")
    for attribute in fields:
        name = attribute.name
        field = f"{where}.{name}" if where else name
        # Without a base an unwritten field is its default; but a mark is never raised on a guess
        # that the person left it at its default (`unverified` may be written on purpose).
        unknown = base is None and name == "confidence"
        old = getattr(base, name) if base is not None else _MISSING if unknown else _default(attribute)
        before = len(changes)
        value = _merge_value(getattr(ours, name), old, getattr(theirs, name), id, field, changes)
        if any(change.action == KEPT and change.field == field for change in changes[before:]):
            kept.add(name)
        if name == "field_confidence" and kept & (set(value) | set(getattr(ours, name))):
            marks = {key: mark for key, mark in value.items() if key not in kept}
            marks |= {key: mark for key, mark in getattr(ours, name).items() if key in kept}
            value = getattr(ours, name) if marks == dict(getattr(ours, name)) else marks
            told = {f"{field}.{key}" for key in kept}
            changes[before:] = [change for change in changes[before:] if change.field not in told]
        if value is not getattr(ours, name):
            updates[name] = value
    return attrs.evolve(ours, **updates) if updates else ours


def _merge_value(ours: Any, base: Any, theirs: Any, id: str, field: str, changes: list[Change]) -> Any:
    if ours == theirs:
        return ours
    if isinstance(ours, Mapping) and isinstance(theirs, Mapping):
        return _merge_mapping(ours, base if isinstance(base, Mapping) else {}, theirs, id, field, changes)
    if isinstance(ours, tuple) and isinstance(theirs, tuple):
        return _merge_list(ours, base if isinstance(base, tuple) else (), theirs, id, field, changes)
    if type(ours) in VALUE_OBJECTS and type(ours) is type(theirs) and type(base) is type(ours):
        return _merge_object(ours, base, theirs, id, field, changes)
    return _merge_whole(ours, base, theirs, id, field, changes)


def _merge_mapping(
    ours: Mapping[str, Any], base: Mapping[str, Any], theirs: Mapping[str, Any], id: str, field: str,
    changes: list[Change],
) -> Any:  # fmt: skip
    result = dict(ours)
    for key in [*ours, *(k for k in theirs if k not in ours)]:
        merged = _merge_value(ours.get(key, _MISSING), base.get(key, _MISSING), theirs.get(key, _MISSING), id,
                              f"{field}.{key}", changes)  # fmt: skip
        if merged is _MISSING:
            result.pop(key, None)
        else:
            result[key] = merged
    return ours if result == dict(ours) else result


def _merge_list(
    ours: tuple[Any, ...], base: tuple[Any, ...], theirs: tuple[Any, ...], id: str, field: str, changes: list[Change]
) -> tuple[Any, ...]:
    """Element-wise merge: elements are matched by `_key`; an element the source added is added,
    one it removed is removed unless a person changed it, one a person removed stays removed."""
    mine, old, new = _keyed(ours), _keyed(base), _keyed(theirs)
    if mine is None or old is None or new is None:  # two elements share a key: merge the list whole
        whole: tuple[Any, ...] = _merge_whole(ours, base, theirs, id, field, changes)
        return whole
    found: list[Change] = []
    result = _merge_keyed(mine, old, new, id, field, found)
    if ours == base:  # no person touched it: the source's list, in the source's order
        changes.extend(found or [Change(UPDATED, id, field, ours, theirs)])
        return theirs
    changes.extend(found)
    return ours if result == list(ours) else tuple(result)


def _merge_keyed(
    mine: dict[Any, Any], old: dict[Any, Any], new: dict[Any, Any], id: str, field: str, changes: list[Change]
) -> list[Any]:
    result: list[Any] = []
    for key, element in mine.items():
        label = f"{field}[{_show_key(key)}]"
        if key in new:
            result.append(_merge_value(element, old.get(key, _MISSING), new[key], id, label, changes))
        elif key in old and old[key] == element:
            changes.append(Change(UPDATED, id, label, element, None))  # the source dropped it
        elif key in old:
            changes.append(Change(KEPT, id, label, element, None))
            result.append(element)
        else:
            result.append(element)  # a person's own element
    for key, element in new.items():
        if key not in mine and key not in old:
            changes.append(Change(ADDED, id, f"{field}[{_show_key(key)}]", None, element))
            result.append(element)
    return result


def _merge_whole(ours: Any, base: Any, theirs: Any, id: str, field: str, changes: list[Change]) -> Any:
    """One value merged as a whole: the source's if only the source changed it, else ours."""
    if theirs == base:
        return ours  # the source did not change it
    if ours == base:
        changes.append(Change(UPDATED, id, field, ours, theirs))
        return theirs
    changes.append(Change(KEPT, id, field, ours, theirs))
    return ours


def _key(element: Any) -> Any:
    """What identifies a list element across imports: a value object's first two fields (a
    party's actor and role, a link's relation and target), or the element itself."""
    if type(element) in VALUE_OBJECTS:
        names = [a.name for a in attrs.fields(type(element))][:2]
        return tuple(_hashable(getattr(element, name)) for name in names)
    return _hashable(element)


def _keyed(elements: tuple[Any, ...]) -> dict[Any, Any] | None:
    found = {_key(element): element for element in elements}
    return found if len(found) == len(elements) else None


def _hashable(value: Any) -> Any:
    try:
        hash(value)
    except TypeError:
        return repr(value)
    return value


def _default(attribute: attrs.Attribute[Any]) -> Any:
    default = attribute.default
    if default is attrs.NOTHING:
        return _MISSING
    if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
        return default.factory()  # type: ignore[union-attr]
    return default


# -- writing ------------------------------------------------------------------------------------


def _format(path: Path) -> Format:
    fmt = Format.of(path)
    if fmt is None:
        raise UsageError(f"cannot tell the format of {path}: use a .yaml, .json or .jsonl name")
    return fmt


def _check_writable(
    files: Mapping[Path, bytes], before: Mapping[str, Record], merged: Mapping[str, Record],
    order: Mapping[Path, list[str]],
) -> None:  # fmt: skip
    """Every file to write reads back to exactly the merged records; a YAML file with comments
    is not rewritten."""
    for path, data in files.items():
        if path.exists() and Format.of(path) is Format.YAML:
            raw = path.read_bytes()
            if yaml_has_comments(raw.decode("utf-8", "replace")):
                raise UsageError(
                    f"{path} holds comments, which rewriting it would lose: move them into the records' "
                    "`notes`, or run `evidence fmt --drop-comments` on it first; nothing was written"
                )
        try:
            back = parse_bytes(data, str(path), _format(path)).records
        except LoadError as error:  # pragma: no cover - the renderer and the reader disagree
            raise UsageError(f"{path}: the merged records would not read back; nothing was written\n{error}") from None
        if {r.id: r for r in back} != {i: merged[i] for i in order[path]}:  # pragma: no cover - the same
            raise UsageError(f"{path}: the merged records would not read back the same; nothing was written")


def _stored_files(root: Path, stored: Mapping[str, bytes]) -> dict[Path, bytes]:
    """The stored files still to write; one already there with other bytes is an error."""
    files: dict[Path, bytes] = {}
    for name, data in stored.items():
        path = root / name
        if path.exists():
            if path.read_bytes() != data:
                raise UsageError(f"{path} exists with other content: it is never replaced; nothing was written")
            continue
        files[path] = data
    return files


# -- showing ------------------------------------------------------------------------------------


def _show(value: Any) -> str:
    """A value as a diff shows it: text quoted and shortened, a value object by its key."""
    if isinstance(value, str):
        return repr(shorten(value, _WIDTH))
    if isinstance(value, tuple):
        return "[" + ", ".join(_show(v) for v in value) + "]"
    return _plain(value)


def _plain(value: Any) -> str:
    if value is None or value is _MISSING:
        return "nothing"
    if isinstance(value, Record):
        return value.KIND
    if isinstance(value, enum.Enum):
        return str(value.value)
    if type(value) in VALUE_OBJECTS:
        return "(" + ", ".join(_plain(getattr(value, a.name)) for a in attrs.fields(type(value))[:2]) + ")"
    return shorten(str(value), _WIDTH)


def _said(record: Any) -> str | None:
    """What a new record says, for its line in a diff: its title, docket text, name or statement."""
    for name in ("title", "docket_text", "name", "caption", "statement", "description"):
        value = getattr(record, name, None)
        if isinstance(value, str):
            return _show(value)
    return None


def _show_key(key: Any) -> str:
    return ", ".join(_plain(part) for part in key) if isinstance(key, tuple) else _plain(key)
