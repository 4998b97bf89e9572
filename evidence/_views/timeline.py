"""The timeline: every dated event of a record set in order, and its pages (Markdown, CSV, HTML).

Events are put in order of their earliest instant, and events whose order is not known are
grouped: a month-precision message and a day-precision filing inside that month, or two filings
of the same day, fall in one group (an event joins a group unless every member of the group is
`definitely_before` it). Groups are numbered from 1; within a group the listed order says
nothing about the order of events.

An event known on one side only ("on or after Sept. 5", an interval whose end is open or not
known) is placed, and grouped, at its known end and marked `open`: it overlaps every later event,
so grouping it by its whole span would put events that are clearly ordered among themselves into
one group of unknown order.
"""

from __future__ import annotations

import csv
import datetime as _dt
import html
import io
from collections.abc import Iterable, Iterator

import attrs

from evidence._cite import format_date
from evidence._labels import actor_name, case_title, exhibit_name, filing_name, name_fields, shorten, weaker, weakest
from evidence._model import (
    Case,
    Claim,
    Confidence,
    Date,
    DateInterval,
    DateValue,
    Decision,
    Exhibit,
    Filing,
    LastEdge,
    Message,
    Record,
    SealingEvent,
    Source,
    last_edge,
)
from evidence._recordset import RecordSet
from evidence._views.shared import OPEN, csv_cell, md_cell, one_line, records_of

_TITLE_LENGTH = 100


@attrs.frozen(kw_only=True)
class Event:
    """One dated event of a record: when (at its precision), what, and which record."""

    date: DateValue
    precision: str  # 'year', 'month', 'day', 'minute', 'second', with ', approximate' etc.; or 'interval'
    kind: str  # 'message sent', 'filing filed', 'exhibit unsealed', 'case filed', 'decision', ...
    record: str  # the id of the record the event belongs to
    title: str
    group: int = 0  # events of one group overlap in time: their order is not known
    # How sure the row is: the weakest mark of the record and of each field its date and title
    # are read from.
    confidence: Confidence = Confidence.CONFIRMED

    @property
    def label(self) -> str:
        """The date at its precision: 'Oct. 2023', 'c. 2023', 'Jan. 14, 2025, 9:05 AM PST'."""
        return date_label(self.date)

    @property
    def open(self) -> bool:
        """True for an event known on one side only, placed at the side that is known."""
        return _placed(self.date) is not self.date

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


def _placed(value: DateValue) -> DateValue:
    """Where an event is put in order and grouped: an interval known on one side only, at that side."""
    if isinstance(value, DateInterval):
        known = [side for side in (value.start, value.end) if side is not None]
        if len(known) == 1:
            return known[0]
    return value


def precision_label(value: DateValue) -> str:
    if isinstance(value, DateInterval):
        if value.open_start or value.open_end:
            return "interval, open " + ("start" if value.open_start else "end")
        if value.start is None or value.end is None:
            return "interval, " + ("start" if value.start is None else "end") + " unknown"
        return "interval"
    label = value.precision.name.lower()
    if value.approximate:
        label += ", approximate"
    if value.uncertain:
        label += ", uncertain"
    return label


# The fields a row is read from: (record, field name) pairs, as `weakest` takes them.
Fields = tuple[tuple[Record, str], ...]


def _message_title(records: RecordSet, message: Message) -> tuple[str, Fields]:
    who = actor_name(records, message.sender) or message.sender_description or "unknown sender"
    to = [actor_name(records, r) or r for r in message.recipients]
    head = who + (f" to {', '.join(to)}" if to else "")
    body = message.subject or message.text
    fields: Fields = (
        (message, "sender" if message.sender else "sender_description"),
        (message, "recipients"),
        (message, "subject" if message.subject else "text"),
        *name_fields(records, [message.sender, *message.recipients]),
    )
    return (f"{head}: {shorten(body, _TITLE_LENGTH)}" if body else head), fields


def _sealing_events(record: Filing | Exhibit, title: str) -> Iterator[tuple[DateValue | None, str, str, Confidence]]:
    for event in record.sealing:
        yield event.date, f"{record.KIND} {_action(event)}", title, event.confidence


def _action(event: SealingEvent) -> str:
    return event.action.value.replace("_", " ")


# An event as found: date, kind, record id, title, the fields it is read from, and the marks of
# the value objects it comes from (a sealing event's, a hearing's), which no field holds.
RawEvent = tuple[DateValue | None, str, str, str, Fields, tuple[Confidence, ...]]


def _case_history(records: RecordSet, case: Case) -> Iterator[RawEvent]:
    """The dated parts of a case's procedural history, each as sure as its own mark allows."""
    named: Fields = ((case, "name"),)
    for judge in case.judges:
        start = judge.period.start if isinstance(judge.period, DateInterval) else judge.period
        who = actor_name(records, judge.actor) or judge.actor
        role = judge.designation or judge.role or "judge"
        fields: Fields = ((case, "judges"), *named, *name_fields(records, [judge.actor]))
        yield start, "judge assigned", case.id, f"{case_title(case)}: {who}, {role}", fields, (judge.confidence,)
    for relation in case.relations:
        other = records.get(relation.case) if relation.case in records else None
        named_other = case_title(other) if isinstance(other, Case) else relation.case
        title = f"{case_title(case)}: {relation.rel.value.replace('_', ' ')} {named_other}"
        title += f" ({relation.basis})" if relation.basis else ""
        yield relation.date, "case related", case.id, title, ((case, "relations"), *named), (relation.confidence,)
    for group in case.classes:
        title = f"{case_title(case)}: {group.name or shorten(group.definition, 60)}"
        yield group.certified, "class certified", case.id, title, ((case, "classes"), *named), (group.confidence,)
    for event in case.events:
        kind = event.kind.value.replace("_", " ")
        title = f"{case_title(case)}: {event.title or kind}" + (f"; ruled: {event.ruling}" if event.ruling else "")
        yield event.date, kind, case.id, title, ((case, "events"), *named), (event.confidence,)
    for change in case.status_history:
        kind = f"status {change.status.value.replace('_', ' ')}"
        yield change.since, kind, case.id, case_title(case), ((case, "status_history"), *named), (change.confidence,)


def _raw_events(records: RecordSet) -> Iterator[RawEvent]:
    """Every event of the set, dated or not."""
    for record in records:
        if isinstance(record, Case):
            named: Fields = ((record, "name"),)
            yield record.filed, "case filed", record.id, case_title(record), ((record, "filed"), *named), ()
            yield record.closed, "case closed", record.id, case_title(record), ((record, "closed"), *named), ()
            yield from _case_history(records, record)
        elif isinstance(record, Decision):
            case = records.get(record.case) if record.case in records else None
            kind = record.kind.value.replace("_", " ") if record.kind is not None else "decision"
            title = record.title or (record.cites[0] if record.cites else kind)
            head = f"{case_title(case)}: " if isinstance(case, Case) else ""
            shown = "title" if record.title else "cites" if record.cites else "kind"
            named = ((record, "date"), (record, shown))  # the marks of what the row prints
            yield record.date, "decision", record.id, head + title, named, ()
        elif isinstance(record, Filing):
            title = filing_name(record)
            named = ((record, "title"), (record, "short_title"), (record, "ecf"), (record, "kind"))
            yield record.filed, "filing filed", record.id, title, ((record, "filed"), *named), ()
            for date, kind, text, mark in _sealing_events(record, title):
                yield date, kind, record.id, text, ((record, "sealing"), *named), (mark,)
        elif isinstance(record, Exhibit):
            named = ((record, "sealing"), (record, "title"), (record, "label"))
            for date, kind, text, mark in _sealing_events(record, exhibit_name(record)):
                yield date, kind, record.id, text, named, (mark,)
        elif isinstance(record, Message):
            title, named = _message_title(records, record)
            yield record.sent, "message sent", record.id, title, ((record, "sent"), *named), ()
        elif isinstance(record, Source):
            title = record.title or record.publication or record.id
            if record.publication and record.title:
                title = f"{record.title} ({record.publication})"
            named = ((record, "published"), (record, "title"), (record, "publication"))
            yield record.published, f"{record.kind.value.replace('_', ' ')} published", record.id, title, named, ()
        elif isinstance(record, Claim):
            who = actor_name(records, record.asserted_by)
            statement = shorten(record.statement, _TITLE_LENGTH)
            named = ((record, "asserted_on"), (record, "asserted_by"), (record, "statement"))
            named += tuple(name_fields(records, [record.asserted_by]))
            yield (
                record.asserted_on,
                "claim asserted",
                record.id,
                f"{who}: {statement}" if who else statement,
                named,
                (),
            )


def timeline(records: RecordSet | Iterable[Record]) -> list[Event]:
    """Every dated event in order of its earliest instant, in groups of events of unknown order."""
    rs = records_of(records)
    dated = [
        (_placed(date), date, kind, id, title, fields, own)
        for date, kind, id, title, fields, own in _raw_events(rs)
        if date is not None
    ]
    dated.sort(key=lambda event: (event[0].earliest, event[0].latest, event[2], event[3]))
    result: list[Event] = []
    members = _Members()
    group = 0
    for placed, date, kind, id, title, fields, own in dated:
        # A new group starts when every event of the current one is definitely before this one.
        if members and members.all_before(placed):
            members = _Members()
        if not members:
            group += 1
        members.add(placed)
        result.append(
            Event(
                date=date, precision=precision_label(date), kind=kind, record=id, title=title, group=group,
                confidence=weaker(weakest(fields), *own),
            )
        )  # fmt: skip
    return result


class _Members:
    """The events of a group, kept as what `definitely_before` needs of them: the latest last
    instant among those with a time of day and among those without (the slack a floating day
    gets depends on it), and whether one has no last instant at all. Whether every member is
    before an event is then two comparisons, not one per member, so a chain of thousands of
    overlapping intervals (one group) is grouped in linear time."""

    def __init__(self) -> None:
        self.count = 0
        self.unbounded = False
        self.latest: dict[bool, LastEdge] = {}  # has a time of day -> the latest edge

    def __bool__(self) -> bool:
        return self.count > 0

    def add(self, value: DateValue) -> None:
        self.count += 1
        edge = last_edge(value)
        if edge.latest is None:
            self.unbounded = True
            return
        held = self.latest.get(edge.has_time)
        if held is None or held.latest is None or edge.latest > held.latest:
            self.latest[edge.has_time] = edge

    def all_before(self, value: DateValue) -> bool:
        """`all(definitely_before(m, value) for m in members)`: being before is harder the later
        a member ends, so the latest of each kind decides."""
        return not self.unbounded and all(edge.before(value) for edge in self.latest.values())


def _groups(events: list[Event]) -> list[list[Event]]:
    groups: list[list[Event]] = []
    for event in events:
        if groups and groups[-1][0].group == event.group:
            groups[-1].append(event)
        else:
            groups.append([event])
    return groups


def _instant(value: _dt.datetime) -> str:
    return "" if value in OPEN else value.isoformat()


def timeline_markdown(records: RecordSet | Iterable[Record]) -> str:
    """A Markdown table; a group of events of unknown order shares one number and is marked."""
    lines = [
        "| Group | Date | Precision | Kind | Record | Title | Confidence |",
        "| ---: | --- | --- | --- | --- | --- | --- |",
    ]
    for members in _groups(timeline(records)):
        for index, event in enumerate(members):
            group = str(event.group) if index == 0 else "″"
            if index == 0 and len(members) > 1:
                group += f" ({len(members)}, order unknown)"
            cells = [md_cell(text) for text in (group, event.label, event.precision, event.kind)]
            cells += [f"`{event.record}`", md_cell(event.title), event.confidence.value]
            lines.append("| " + " | ".join(cells) + " |")
    return f"# Timeline\n\n{_NOTE}\n\n" + "\n".join(lines) + "\n"


_NOTE = (
    "Events that share a group overlap in time: the order within a group is not known. An event "
    "known only to be on or after (or on or before) a date is listed at that date, and its order "
    "with the events after (or before) it is not known. A row's confidence is the weakest mark "
    "of its record and of the values it prints."
)

CSV_COLUMNS = ("group", "date", "precision", "earliest", "latest", "kind", "id", "title", "confidence")


def timeline_csv(records: RecordSet | Iterable[Record]) -> str:
    """CSV with the columns of `CSV_COLUMNS`; `date` as a reader writes it, `earliest` and
    `latest` as ISO 8601 UTC instants (empty for an open end), `confidence` the row's mark."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for e in timeline(records):
        row = [
            *(e.group, e.label, e.precision, _instant(e.earliest), _instant(e.latest)),
            *(e.kind, e.record, one_line(e.title), e.confidence.value),
        ]
        writer.writerow([csv_cell(cell) for cell in row])
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
tr.mark-likely td.mark { color: #a60; }
tr.mark-unverified td.mark { color: #b00; font-weight: bold; }
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
            mark = event.confidence.value
            rows.append(
                f'<tr class="mark-{mark}" title="{mark}"><td class="group">{cell}</td>'
                f'<td class="date">{e(event.label)}</td><td>{e(event.precision)}</td><td>{e(event.kind)}</td>'
                f'<td><code>{e(event.record)}</code></td><td>{e(event.title)}</td><td class="mark">{mark}</td></tr>'
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
<p class="note">{e(_NOTE)}</p>
<table>
<thead><tr><th>Group</th><th>Date</th><th>Precision</th><th>Kind</th><th>Record</th><th>Title</th><th>Confidence</th></tr></thead>
{body}
</table>
</body>
</html>
"""


# The pages of a timeline, by the name the command line gives them.
TIMELINE_FORMATS = {"md": timeline_markdown, "csv": timeline_csv, "html": timeline_html}
