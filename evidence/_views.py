"""Views of a record set: a timeline, a cast of actors, and tables for pyarrow and pandas.

The timeline puts every dated event in order of its earliest instant, and groups events whose
order is not known: a month-precision message and a day-precision filing inside that month, or
two filings of the same day, fall in one group (an event joins a group unless every member of
the group is `definitely_before` it). Groups are numbered from 1; within a group the listed
order says nothing about the order of events.
"""

from __future__ import annotations

import csv
import datetime as _dt
import enum
import html
import io
import json
import types
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

import attrs

from evidence._cite import format_date, parse_name
from evidence._errors import UsageError
from evidence._io import unstructure
from evidence._model import (
    KIND_BY_NAME,
    KIND_BY_PLURAL,
    RECORD_KINDS,
    Actor,
    ActorKind,
    Case,
    Claim,
    Date,
    DateInterval,
    DateValue,
    Exhibit,
    Filing,
    Message,
    Record,
    SealingEvent,
    Source,
    definitely_before,
    iter_references,
)
from evidence._recordset import RecordSet

__all__ = [
    "Appearance",
    "CastMember",
    "Event",
    "cast",
    "cast_markdown",
    "timeline",
    "timeline_csv",
    "timeline_html",
    "timeline_markdown",
    "to_pandas",
    "to_table",
]

_OPEN = (_dt.datetime.min.replace(tzinfo=_dt.UTC), _dt.datetime.max.replace(tzinfo=_dt.UTC))
_TITLE_LENGTH = 100


def _records(records: RecordSet | Iterable[Record]) -> RecordSet:
    return records if isinstance(records, RecordSet) else RecordSet(records)


# -- timeline ---------------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class Event:
    """One dated event of a record: when (at its precision), what, and which record."""

    date: DateValue
    precision: str  # 'year', 'month', 'day', 'minute', 'second', with ', approximate' etc.; or 'interval'
    kind: str  # 'message sent', 'filing filed', 'exhibit unsealed', 'case filed', 'decision', ...
    record: str  # the id of the record the event belongs to
    title: str
    group: int = 0  # events of one group overlap in time: their order is not known

    @property
    def label(self) -> str:
        """The date at its precision: 'Oct. 2023', 'c. 2023', 'Jan. 14, 2025, 9:05 AM PST'."""
        return date_label(self.date)

    @property
    def earliest(self) -> _dt.datetime:
        return self.date.earliest

    @property
    def latest(self) -> _dt.datetime:
        return self.date.latest


def date_label(value: DateValue) -> str:
    """A date as a reader writes it, at its precision; an interval as 'A – B'."""
    if isinstance(value, Date):
        return format_date(value, time=True, zone=True)
    start = format_date(value.start, time=True, zone=True) if value.start is not None else ""
    end = format_date(value.end, time=True, zone=True) if value.end is not None else ""
    if value.open_start and end:
        return f"on or before {end}"
    if value.open_end and start:
        return f"on or after {start}"
    return f"{start or '?'} – {end or '?'}"


def precision_label(value: DateValue) -> str:
    if isinstance(value, DateInterval):
        return "interval"
    label = value.precision.name.lower()
    if value.approximate:
        label += ", approximate"
    if value.uncertain:
        label += ", uncertain"
    return label


def _short(text: str | None) -> str:
    if not text:
        return ""
    line = " ".join(text.split())
    return line if len(line) <= _TITLE_LENGTH else line[: _TITLE_LENGTH - 1].rstrip() + "…"


def actor_name(records: RecordSet, id: str | None) -> str | None:
    """The name of the actor an id names; the id itself when it names no actor."""
    if id is None:
        return None
    if id not in records:
        return id
    record = records[id]
    return record.name if isinstance(record, Actor) else id


def _filing_title(filing: Filing) -> str:
    if filing.title or filing.short_title:
        return filing.title or filing.short_title or ""
    if filing.ecf is not None:
        return f"ECF No. {filing.ecf}" + (f" ({filing.kind.value})" if filing.kind is not None else "")
    return filing.kind.value if filing.kind is not None else filing.id


def _exhibit_title(exhibit: Exhibit) -> str:
    if exhibit.title:
        return exhibit.title
    return f"Ex. {exhibit.label}" if exhibit.label else exhibit.id


def _message_title(records: RecordSet, message: Message) -> str:
    who = actor_name(records, message.sender) or message.sender_description or "unknown sender"
    to = [actor_name(records, r) or r for r in message.recipients]
    head = who + (f" to {', '.join(to)}" if to else "")
    body = message.subject or message.text
    return f"{head}: {_short(body)}" if body else head


def _sealing_events(record: Filing | Exhibit, title: str) -> Iterator[tuple[DateValue | None, str, str]]:
    for event in record.sealing:
        yield event.date, f"{record.KIND} {_action(event)}", title


def _action(event: SealingEvent) -> str:
    return event.action.value.replace("_", " ")


def _raw_events(records: RecordSet) -> Iterator[tuple[DateValue | None, str, str, str]]:
    """(date, kind, record id, title) of every event, dated or not."""
    for record in records:
        if isinstance(record, Case):
            yield record.filed, "case filed", record.id, record.name
            yield record.closed, "case closed", record.id, record.name
            for decision in record.decisions:
                title = decision.title or decision.cite or "Decision"
                yield decision.date, "decision", decision.filing or record.id, f"{record.name}: {title}"
        elif isinstance(record, Filing):
            title = _filing_title(record)
            yield record.filed, "filing filed", record.id, title
            for date, kind, text in _sealing_events(record, title):
                yield date, kind, record.id, text
        elif isinstance(record, Exhibit):
            for date, kind, text in _sealing_events(record, _exhibit_title(record)):
                yield date, kind, record.id, text
        elif isinstance(record, Message):
            yield record.sent, "message sent", record.id, _message_title(records, record)
        elif isinstance(record, Source):
            title = record.title or record.publication or record.id
            if record.publication and record.title:
                title = f"{record.title} ({record.publication})"
            yield record.published, f"{record.kind.value.replace('_', ' ')} published", record.id, title
        elif isinstance(record, Claim):
            who = actor_name(records, record.asserted_by)
            statement = _short(record.statement)
            yield record.asserted_on, "claim asserted", record.id, f"{who}: {statement}" if who else statement


def timeline(records: RecordSet | Iterable[Record]) -> list[Event]:
    """Every dated event in order of its earliest instant, in groups of events of unknown order."""
    rs = _records(records)
    dated = [
        Event(date=date, precision=precision_label(date), kind=kind, record=id, title=title)
        for date, kind, id, title in _raw_events(rs)
        if date is not None
    ]
    dated.sort(key=lambda e: (e.earliest, e.latest, e.kind, e.record))
    result: list[Event] = []
    members: list[Event] = []
    group = 0
    for event in dated:
        # A new group starts when every event of the current one is definitely before this one.
        if members and all(definitely_before(m.date, event.date) for m in members):
            members = []
        if not members:
            group += 1
        members.append(event)
        result.append(attrs.evolve(event, group=group))
    return result


def _groups(events: list[Event]) -> list[list[Event]]:
    groups: list[list[Event]] = []
    for event in events:
        if groups and groups[-1][0].group == event.group:
            groups[-1].append(event)
        else:
            groups.append([event])
    return groups


def _instant(value: _dt.datetime) -> str:
    return "" if value in _OPEN else value.isoformat()


def _md_cell(text: str) -> str:
    return " ".join(text.split()).replace("\\", "\\\\").replace("|", "\\|")


def timeline_markdown(records: RecordSet | Iterable[Record]) -> str:
    """A Markdown table; a group of events of unknown order shares one number and is marked."""
    lines = [
        "| Group | Date | Precision | Kind | Record | Title |",
        "| ---: | --- | --- | --- | --- | --- |",
    ]
    for members in _groups(timeline(records)):
        for index, event in enumerate(members):
            group = str(event.group) if index == 0 else "″"
            if index == 0 and len(members) > 1:
                group += f" ({len(members)}, order unknown)"
            cells = [group, event.label, event.precision, event.kind, f"`{event.record}`", event.title]
            lines.append("| " + " | ".join(_md_cell(c) for c in cells) + " |")
    note = "Events that share a group overlap in time: the order within a group is not known."
    return f"# Timeline\n\n{note}\n\n" + "\n".join(lines) + "\n"


CSV_COLUMNS = ("group", "date", "precision", "earliest", "latest", "kind", "id", "title")


def timeline_csv(records: RecordSet | Iterable[Record]) -> str:
    """CSV with the columns of `CSV_COLUMNS`; `date` as a reader writes it, `earliest` and
    `latest` as ISO 8601 UTC instants (empty for an open end)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for e in timeline(records):
        writer.writerow(
            [e.group, e.label, e.precision, _instant(e.earliest), _instant(e.latest), e.kind, e.record, e.title]
        )
    return out.getvalue()


_CSS = """
body { font-family: system-ui, sans-serif; margin: 2rem; color: #222; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; padding: 0.3rem 0.6rem; border-bottom: 1px solid #ddd; }
th { background: #f0f0f0; }
tbody.group:nth-of-type(even) { background: #f8f8fb; }
tbody.unordered td.group { border-left: 4px solid #c80; }
td.group, td.date { white-space: nowrap; }
code { font-size: 0.9em; }
p.note { color: #555; }
"""


def timeline_html(records: RecordSet | Iterable[Record], *, title: str = "Timeline") -> str:
    """One self-contained HTML page (inline CSS, no scripts, nothing fetched); a group of events
    of unknown order is one table body, marked in the margin."""
    e = html.escape
    rows: list[str] = []
    for members in _groups(timeline(records)):
        unordered = len(members) > 1
        rows.append(f'<tbody class="group{" unordered" if unordered else ""}">')
        for index, event in enumerate(members):
            cell = ""
            if index == 0:
                cell = str(event.group) + (" <small>(order unknown)</small>" if unordered else "")
            rows.append(
                f'<tr><td class="group">{cell}</td><td class="date">{e(event.label)}</td>'
                f"<td>{e(event.precision)}</td><td>{e(event.kind)}</td>"
                f"<td><code>{e(event.record)}</code></td><td>{e(event.title)}</td></tr>"
            )
        rows.append("</tbody>")
    body = "\n".join(rows)
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{e(title)}</title>
<style>{_CSS}</style>
</head>
<body>
<h1>{e(title)}</h1>
<p class="note">Events that share a group overlap in time: the order within a group is not known.</p>
<table>
<thead><tr><th>Group</th><th>Date</th><th>Precision</th><th>Kind</th><th>Record</th><th>Title</th></tr></thead>
{body}
</table>
</body>
</html>
"""


# -- cast -------------------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class Appearance:
    """A record an actor appears in, and where: 'sender', 'recipients', 'filed_by', ..."""

    record: str
    fields: tuple[str, ...]


@attrs.frozen(kw_only=True)
class CastMember:
    id: str
    name: str
    kind: str  # person, organization or group
    affiliations: tuple[tuple[str, str | None], ...]  # (organization name, title)
    roles: tuple[str, ...]  # 'plaintiff in Kadrey v. Meta Platforms, Inc.', 'district judge in ...'
    appearances: tuple[Appearance, ...]
    description: str | None = None

    @property
    def records(self) -> tuple[str, ...]:
        """The ids of the records the actor appears in."""
        return tuple(a.record for a in self.appearances)


def _field_path(path: tuple[str | int, ...]) -> str:
    return ".".join(str(part) for part in path if isinstance(part, str))


def _sort_key(actor: Actor) -> tuple[int, str, str]:
    order = {ActorKind.PERSON: 0, ActorKind.ORGANIZATION: 1, ActorKind.GROUP: 2}[actor.kind]
    if actor.kind is ActorKind.PERSON:
        name = parse_name(actor.name, actor.family_name)
        return order, f"{name.family}, {name.given}".casefold(), actor.id
    return order, actor.name.casefold(), actor.id


def cast(records: RecordSet | Iterable[Record]) -> list[CastMember]:
    """People, then organizations, then groups (people by family name), with their ties."""
    rs = _records(records)
    members = []
    for actor in sorted(rs.actors, key=_sort_key):
        affiliations = tuple((actor_name(rs, a.organization) or a.organization, a.title) for a in actor.affiliations)
        roles: list[str] = []
        appearances: list[Appearance] = []
        for record in rs.referrers(actor):
            paths = tuple(
                dict.fromkeys(_field_path(path) for path, ref, _ in iter_references(record) if ref == actor.id)
            )
            appearances.append(Appearance(record=record.id, fields=paths))
            if isinstance(record, Case):
                roles.extend(
                    f"{p.role.value.replace('_', ' ')} in {record.name}" for p in record.parties if p.actor == actor.id
                )
                roles.extend(f"{j.role or 'judge'} in {record.name}" for j in record.judges if j.actor == actor.id)
        members.append(
            CastMember(
                id=actor.id,
                name=actor.name,
                kind=actor.kind.value,
                affiliations=affiliations,
                roles=tuple(dict.fromkeys(roles)),
                appearances=tuple(appearances),
                description=actor.description,
            )
        )
    return members


def cast_markdown(records: RecordSet | Iterable[Record]) -> str:
    """A Markdown table of the cast: who, what kind, ties, roles in cases, where they appear."""
    lines = [
        "| Name | Kind | Affiliations | Roles | Appears in |",
        "| --- | --- | --- | --- | --- |",
    ]
    for m in cast(records):
        affiliations = "; ".join(f"{title}, {org}" if title else org for org, title in m.affiliations)
        appears = ", ".join(f"`{a.record}` ({', '.join(a.fields)})" for a in m.appearances)
        name = f"{m.name} (`{m.id}`)"
        lines.append(
            "| " + " | ".join(_md_cell(c) for c in (name, m.kind, affiliations, "; ".join(m.roles), appears)) + " |"
        )
    return "# Cast\n\n" + "\n".join(lines) + "\n"


# -- tables -----------------------------------------------------------------------------------


class _Column(enum.Enum):
    TEXT = "text"
    INTEGER = "integer"
    BOOLEAN = "boolean"
    TEXTS = "texts"
    DATE = "date"
    JSON = "json"


def _column_of(annotation: Any) -> _Column:
    args = [a for a in getattr(annotation, "__args__", ()) if a is not type(None)]
    if isinstance(annotation, types.UnionType):
        if set(args) == {Date, DateInterval}:
            return _Column.DATE
        annotation = args[0] if len(args) == 1 else annotation
    if annotation in (Date, DateInterval):
        return _Column.DATE
    if annotation is str:
        return _Column.TEXT
    if annotation is bool:
        return _Column.BOOLEAN
    if annotation is int:
        return _Column.INTEGER
    if isinstance(annotation, type) and issubclass(annotation, enum.Enum):
        return _Column.TEXT
    if getattr(annotation, "__origin__", None) is tuple and getattr(annotation, "__args__", ())[:1] == (str,):
        return _Column.TEXTS
    return _Column.JSON


def _kind_class(kind: type[Record] | str) -> type[Record]:
    if isinstance(kind, type) and kind in RECORD_KINDS:
        return kind
    if isinstance(kind, str):
        name = kind.strip().lower()
        found = KIND_BY_NAME.get(name) or KIND_BY_PLURAL.get(name)
        if found is not None:
            return found
    names = ", ".join(cls.KIND for cls in RECORD_KINDS)
    raise UsageError(f"unknown record kind {kind!r}: use one of {names}")


def _plain(value: Any, column: _Column) -> Any:
    if value is None:
        return None
    if column is _Column.DATE:
        return str(value)
    if column is _Column.TEXTS:
        return list(value)
    if column is _Column.JSON:
        data = unstructure(value)
        if isinstance(value, Mapping):
            data = {str(k): unstructure(v) for k, v in value.items()}
        return json.dumps(data, ensure_ascii=False)
    if isinstance(value, enum.Enum):
        return value.value
    return value


def _bound(value: DateValue | None, latest: bool) -> _dt.datetime | None:
    if value is None:
        return None
    instant = value.latest if latest else value.earliest
    return None if instant in _OPEN else instant


def to_table(records: RecordSet | Iterable[Record], kind: type[Record] | str) -> Any:
    """A `pyarrow.Table`, one row per record of `kind` (a record class, or its name such as
    'message'): references as ids, dates as EDTF text with `<field>_earliest` and
    `<field>_latest` UTC timestamps, enums as values, lists of ids or text as list<string>,
    value objects and mappings as JSON text."""
    try:
        import pyarrow as pa  # type: ignore[import-untyped]
    except ImportError:
        raise UsageError("tables need pyarrow: pip install 'evidence[arrow]'") from None
    cls = _kind_class(kind)
    rows = _records(records).of_kind(cls)
    types_ = {
        _Column.TEXT: pa.string(),
        _Column.INTEGER: pa.int64(),
        _Column.BOOLEAN: pa.bool_(),
        _Column.TEXTS: pa.list_(pa.string()),
        _Column.DATE: pa.string(),
        _Column.JSON: pa.string(),
    }
    timestamp = pa.timestamp("us", tz="UTC")
    columns: dict[str, Any] = {}
    fields = []
    for f in attrs.fields(cls):
        column = _column_of(f.type)
        values = [getattr(record, f.name) for record in rows]
        columns[f.name] = pa.array([_plain(v, column) for v in values], type=types_[column])
        fields.append(pa.field(f.name, types_[column]))
        if column is _Column.DATE:
            for suffix, latest in (("earliest", False), ("latest", True)):
                name = f"{f.name}_{suffix}"
                columns[name] = pa.array([_bound(v, latest) for v in values], type=timestamp)
                fields.append(pa.field(name, timestamp))
    return pa.Table.from_arrays(list(columns.values()), schema=pa.schema(fields))


def to_pandas(records: RecordSet | Iterable[Record], kind: type[Record] | str) -> Any:
    """A `pandas.DataFrame` of `to_table`."""
    table = to_table(records, kind)
    try:
        return table.to_pandas()
    except ImportError:
        raise UsageError("data frames need pandas: pip install pandas") from None


def write_parquet(records: RecordSet | Iterable[Record], folder: Path) -> list[Path]:
    """One Parquet file per record kind present, `<kinds>.parquet` in `folder`; the files written."""
    try:
        import pyarrow.parquet as parquet  # type: ignore[import-untyped]
    except ModuleNotFoundError:
        raise UsageError("Parquet needs pyarrow: pip install 'evidence[arrow]'") from None
    record_set = _records(records)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for cls in RECORD_KINDS:
        if record_set.of_kind(cls):
            path = folder / f"{cls.PLURAL}.parquet"
            parquet.write_table(to_table(record_set, cls), path)
            written.append(path)
    return written
