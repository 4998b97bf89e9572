"""Resolving what a citation needs: the record set, the options, the case a document is
written in, a case's decision, a message's people and the report it is known through, and the
marks of the values printed."""

from __future__ import annotations

import re
import urllib.parse
from collections.abc import Callable, Hashable
from typing import TYPE_CHECKING, Any, TypeVar

import attrs

from evidence._cite.names import join_names
from evidence._cite.options import BluebookOptions
from evidence._cite.parts import MARK, ROMAN, Part, r
from evidence._errors import UsageError
from evidence._labels import message_kind, published_alone, report_of, weakest
from evidence._model import Case, Confidence, Decision, Exhibit, Filing, Message, Record, Source

if TYPE_CHECKING:
    from evidence._recordset import RecordSet

T = TypeVar("T")
_CONFIRMED = Confidence.CONFIRMED  # bound once: read for every value a citation prints


@attrs.frozen(kw_only=True)
class Context:
    records: RecordSet | None
    options: BluebookOptions
    in_case: str | None
    marks: bool = False
    textual: bool = False  # a case named in a textual sentence (R11.4), not a citation sentence
    name_in_text: bool = False  # the writer's sentence names the case: its cite leaves the name out
    parallel_pins: tuple[str | None, ...] = ()  # the pins of a decision's parallel cites, in order
    several_works: bool = False  # another work by a source's author is cited: supra names it (R15.8)

    def value(self, text: str, *fields: tuple[Record, str], style: str = ROMAN) -> list[Part]:
        """A printed value and, with marks, its mark: the weakest of each field it is read from
        and of the record that holds it (a sender's name: the message's sender, the actor's
        name). No part for an empty value; a field without a value marks nothing ("n.d.")."""
        return self.value_at(text, weakest(fields) if self.marks else _CONFIRMED, style=style)

    def value_at(self, text: str, level: Confidence, style: str = ROMAN) -> list[Part]:
        """A printed value whose mark is known outright (a value object's own `confidence`)."""
        if not text:
            return []
        if not self.marks or level is _CONFIRMED:
            return [(text, style)]
        return [(text, style), (level.value, MARK)]

    def dated(self, text: str, *fields: tuple[Record, str]) -> list[Part]:
        """A date as `value` prints it; "n.d." for a date the record does not give is the
        style's word, not a value, and carries no mark (for an interval it prints, it does)."""
        unknown = all(getattr(record, name, None) is None for record, name in fields)
        return [r(text)] if unknown else self.value(text, *fields)

    def once(self, key: Hashable, make: Callable[[], T]) -> T:
        """What `make` returns for `key` under these settings, made once per record set: the
        parts of a document, cited the same behind each of the thousands of messages it holds."""
        if self.records is None:
            return make()
        settings = (self.options, self.in_case, self.marks, self.textual, self.name_in_text, self.parallel_pins,
                    self.several_works)  # fmt: skip
        return self.records.once(("cite", key, settings), make)

    def need(self, what: str) -> RecordSet:
        if self.records is None:
            raise UsageError(f"citing {what} needs the record set: pass records=")
        return self.records


def find_decision(case: Case, decision: Any, ctx: Context) -> Decision:
    """The decision of the case named by its id, its index (0 is the first), one of its cites,
    its date or its filing."""
    decisions = ctx.need("a case's decision").decisions_of(case)
    count = len(decisions)
    number = isinstance(decision, int) and not isinstance(decision, bool)
    if number and 0 <= decision < count:  # not Python's index from the end: -1 names no decision
        return decisions[int(decision)]
    if not number:
        for candidate in decisions:
            dated = candidate.date is not None and decision == str(candidate.date)
            if dated or decision == candidate.id or decision in (*candidate.cites, candidate.filing):
                return candidate
    if not count:
        raise UsageError(f"case {case.id!r} has no decisions to cite")
    if number:
        raise UsageError(f"case {case.id!r} has {count} decisions, numbered 0 to {count - 1}: no decision {decision}")
    raise UsageError(
        f"case {case.id!r} has no decision {decision!r}: name one of its {count} by id, number (0 to {count - 1}), "
        "reporter cite, date or filing id"
    )


def reported_as(decision: Decision) -> str | None:
    """The cite a decision is cited by: its first, as the record lists them (the reporter first,
    by the rules of R10.3.1, is the writer's order to keep)."""
    return decision.cites[0] if decision.cites else None


def message_people(message: Message, ctx: Context) -> tuple[list[Part], list[Part]]:
    """The sender and the recipients as printed, each a value marked by the message's field and
    the actors' names."""
    records = ctx.need("a message")
    if message.sender:
        actor = records.resolve(message, "sender")
        sender = ctx.value(actor.name, (message, "sender"), (actor, "name"))
    else:
        sender = ctx.value(message.sender_description or "", (message, "sender_description"))
    actors = records.resolve(message, "recipients")
    names = [actor.name for actor in actors]
    text = join_names(names) if len(names) <= 2 else ", ".join(names)
    return sender, ctx.value(text, (message, "recipients"), *((actor, "name") for actor in actors))


def reported_in(message: Message, ctx: Context) -> Source | Filing | Exhibit | None:
    """The report a message is known through (APA 8.6, CMOS 14.260, R1.6): `report_of`."""
    return report_of(message, ctx.need("a message"))


def published(message: Message, ctx: Context) -> bool:
    """Whether the message is a public statement cited as itself: `published_alone`."""
    return published_alone(message, ctx.need("a message"))


def statement_parts(
    message: Message, ctx: Context, title_style: str = ROMAN
) -> tuple[list[Part], list[Part], list[Part]]:
    """A public statement's author (the sender), its title (the subject, if any) and where it
    was published, each as sure as its field."""
    sender, _ = message_people(message, ctx)
    title = ctx.value(message.subject, (message, "subject"), style=title_style) if message.subject else []
    venue = ctx.value(message.published_in, (message, "published_in")) if message.published_in else []
    return sender, title, venue


def namer(source: Source) -> tuple[str, str] | None:
    """What names an untitled, unsigned work, and the field it is read from: its publication, its
    publisher, or the site its address is on ('atlanticaboreal.com'); never the record's id,
    which no reader knows. None when the record has none of them."""
    if source.publication or source.publisher:
        name = "publication" if source.publication else "publisher"
        return getattr(source, name), name
    site = urllib.parse.urlsplit(source.url).hostname if source.url else None
    return (site.removeprefix("www."), "url") if site else None


def named_by(source: Source, ctx: Context) -> list[Part]:
    """The `namer` of a work as printed; with none, what it is in brackets (APA 9.21)."""
    named = namer(source)
    if named is None:
        return ctx.value(f"[Untitled {source.kind.value.replace('_', ' ')}]", (source, "kind"))
    return ctx.value(named[0], (source, named[1]))


def message_word(message: Message, ctx: Context, *, lower: bool = False) -> list[Part]:
    """'Chat message', 'E-mail': the channel's word, as sure as the channel."""
    word = message_kind(message).lower() if lower else message_kind(message)
    return ctx.value(word, (message, "channel")) if message.channel else [r(word)]


def at_pin(pin: str | None, *, after: str = ", at ") -> str:
    """', at 3' for a page, ' ¶ 12' for a paragraph (R11.3, R24.2.3); `after` is what a page
    takes instead (', ' after a reporter's first page)."""
    if not pin:
        return ""
    return f" {pin}" if pin.startswith("¶") else f"{after}{pin}"


def pin_range(pin: str) -> str:
    """A pinpoint's ranges as R3.3 prints them: an en dash, and the last page's repeated digits
    dropped but two ('382-384' → '382–84', '1272-1273' → '1272–73', '¶¶ 13-14' → '¶¶ 13–14')."""

    def shortened(found: re.Match[str]) -> str:
        first, last = found[1], found[2]
        if len(last) == len(first):
            same = 0
            while same < len(last) - 2 and first[same] == last[same]:
                same += 1
            last = last[same:]
        return f"{first}–{last}"

    # A page numbered by chapter keeps its digits, dashed: '1-14-15' → '1–14–15'.
    return re.sub(r"(?<=\d)-(?=\d)", "–", re.sub(r"(\d+)\s*[-–]\s*(\d+)", shortened, pin))


def where(records: RecordSet | None, id: str) -> str:
    """'records/claims.yaml:12:5: ', where the record was read, to start a message about it."""
    origin = records.origin(id) if records is not None else None
    if origin is None:
        return ""
    place = ":".join(str(part) for part in (origin.file, origin.line, origin.column) if part is not None)
    return f"{place}: "
