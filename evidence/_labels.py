"""What a record is called: the one place every output takes its names from.

Each function answers one question a reader of an output asks: the court's designation of a
docket entry (`ecf_designation`), what an exhibit or a message is (`exhibit_label`,
`message_kind`), the title of a filing for a reference manager (`filing_title`) or in a list of
events (`filing_name`, `exhibit_name`), the short name of a node of a provenance graph
(`node_name`, or `titled_name` where a source's title is wanted), and the one line that lists a
record (`describe`). Every output also asks here how sure a printed value is (`weakest`,
`weaker`, `describe_mark`) and which report a message is known through (`report_of`).
"""

from __future__ import annotations

import re
import urllib.parse
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from evidence._errors import ResolutionError
from evidence._model import (
    Actor,
    AttestationKind,
    Case,
    Claim,
    Confidence,
    Court,
    Decision,
    Exhibit,
    Filing,
    FilingKind,
    Message,
    Provision,
    ProvisionKind,
    Record,
    Source,
    complete_court,
)

if TYPE_CHECKING:
    from evidence._recordset import RecordSet

# What a message is, by its channel, as a citation or a reference manager names it.
CHANNEL_WORDS = {"chat": "Chat message", "email": "E-mail", "sms": "Text message", "memo": "Memorandum",
                 "letter": "Letter", "other": "Message", "press_statement": "Press statement", "post": "Post",
                 "interview": "Interview"}  # fmt: skip


def ecf_designation(filing: Filing, exhibit: Exhibit | None = None) -> str | None:
    """The court's own name of a docket entry or of one of its attachments: "ECF No. 391-24";
    None when the entry number is not known."""
    if filing.ecf is None:
        return None
    if exhibit is not None and exhibit.attachment:
        return f"ECF No. {filing.ecf}-{exhibit.attachment}"
    return f"ECF No. {filing.ecf}"


def exhibit_label(exhibit: Exhibit) -> str | None:
    """ "Ex. A"; None when the exhibit has no label."""
    return f"Ex. {exhibit.label}" if exhibit.label else None


def message_kind(message: Message) -> str:
    """What a message is: "E-mail", "Chat message"; "Message" when its channel is not known."""
    return CHANNEL_WORDS[message.channel.value if message.channel else "other"]


def filing_kind_name(kind: FilingKind) -> str:
    """A filing's kind as a docket names it: "Declaration" (every kind is one word)."""
    return kind.value.capitalize()


def filing_title(filing: Filing) -> str | None:
    """The title as filed, else what the filing is ("Declaration"), as the docket would say."""
    if filing.title:
        return filing.title
    return filing_kind_name(filing.kind) if filing.kind is not None else None


def filing_name(filing: Filing) -> str:
    """A filing named in a list of events: its title, else its description, else its docket entry
    and kind ("ECF No. 391 (declaration)"), else its kind, else its id."""
    if filing.title or filing.short_title or filing.description:
        return filing.title or filing.short_title or filing.description or ""
    ecf = ecf_designation(filing)
    if ecf is not None:
        return ecf + (f" ({filing.kind.value})" if filing.kind is not None else "")
    return filing.kind.value if filing.kind is not None else filing.id


def exhibit_name(exhibit: Exhibit) -> str:
    """An exhibit named in a list of events: its title, else "Ex. A", else its id."""
    return exhibit.title or exhibit_label(exhibit) or exhibit.id


def actor_name(records: RecordSet, id: str | None) -> str | None:
    """The name of the actor an id names; the id itself when it names no actor."""
    if id is None:
        return None
    record = records.by_id().get(id)
    return record.name if isinstance(record, Actor) else id


# Where a known text leaves out what no source reported: between two separately reported
# passages of one message. A shortened text keeps it whole, or is cut before it.
GAP = " […] "
_GAP_MARK = re.compile(re.escape(GAP.strip()))


def shorten(text: str | None, width: int) -> str:
    """The text on one line, cut to at most `width` characters, ending "…", when longer; never
    inside a gap marker (" […] "), so that a join of two reported passages still shows."""
    if not text:
        return ""
    # Only the opening of a long text can be shown: it is put on one line alone (what follows the
    # cut and the gap marker that may straddle it), unless its spaces leave too little of it.
    enough = width + len(GAP)
    line = text[: 2 * enough]
    # Printable text (no white space but the plain space) with single spaces inside is on one
    # line already; anything else is put there.
    if not (line.isprintable() and "  " not in line and line[:1] != " " and line[-1:] != " "):
        line = " ".join(line.split())
    if len(line) <= enough:
        line = " ".join(text.split())
    if len(line) <= width:
        return line
    cut = width - 1
    for gap in _GAP_MARK.finditer(line, 0, cut + len(GAP)):
        if gap.start() < cut < gap.end() + 1:
            cut = gap.start()
    return line[:cut].rstrip() + "…"


# The marks, bound once: a member read off its enum costs a lookup each time, and these are
# compared for every value a report prints.
_CONFIRMED, _LIKELY, _UNVERIFIED = Confidence.CONFIRMED, Confidence.LIKELY, Confidence.UNVERIFIED


def weakest(fields: Iterable[tuple[Record, str]]) -> Confidence:
    """How sure a printed value is: the weakest mark of each record it is read from and of each
    of those fields that holds a value (an empty field marks nothing of its own); confirmed only
    when no field is named at all."""
    # A loop, not `weaker(*levels)`: this runs for every value a citation or a report prints.
    worst = _CONFIRMED
    for record, name in fields:
        value = getattr(record, name)  # a misspelt field name fails here, marked or not
        level = record.confidence
        marked = record.field_confidence
        if marked and value is not None and value != ():
            level = weaker(level, marked.get(name, level))
        if level is _UNVERIFIED:
            return level
        if level is _LIKELY:
            worst = level
    return worst


def weaker(*levels: Confidence) -> Confidence:
    """The weakest of some marks; confirmed when there are none."""
    worst = _CONFIRMED
    for level in levels:
        if level is _CONFIRMED:
            continue
        if level is _UNVERIFIED:
            return level
        if level is not _LIKELY:  # a word where a mark belongs is never read as sure
            raise TypeError(f"{level!r} is not a Confidence")
        worst = level
    return worst


def node_name(record: Record) -> str:
    """The short name of a record as a node of its provenance graph (a trace, PROV's label)."""
    if isinstance(record, Claim):
        return record.statement
    if isinstance(record, Message):
        return (record.text or record.id).splitlines()[0]
    if isinstance(record, Source):
        # Its publication, else its title, else the site it is on: the id only when none is known.
        site = urllib.parse.urlsplit(record.url).hostname if record.url else None
        name = record.publication or shorten(record.title, 50) or (site.removeprefix("www.") if site else None)
        return " ".join(p for p in (name, f"[{record.language}]" if record.language else None) if p) or record.id
    if isinstance(record, Filing):
        return ecf_designation(record) or record.title or record.id
    if isinstance(record, Exhibit):
        return exhibit_label(record) or record.id
    if isinstance(record, Case):
        return case_title(record) + (f", No. {record.docket_number}" if record.docket_number else "")
    if isinstance(record, Decision):
        return decision_name(record)
    if isinstance(record, Provision):
        return provision_name(record)
    return getattr(record, "name", None) or record.id


def provision_name(provision: Provision) -> str:
    """A provision as a reader knows it: '17 U.S.C. § 107', 'Fed. R. Civ. P. 23(f)', '124 Stat.
    119' for a law cited by volume and page."""
    if provision.kind in (ProvisionKind.COURT_RULE, ProvisionKind.CONSTITUTION):
        return " ".join(p for p in (provision.code, provision.section) if p)
    if provision.kind is ProvisionKind.BILL:  # 'H.R. 11, 111th Cong.'
        return ", ".join(p for p in (provision.number, provision.code) if p)
    if provision.kind in (ProvisionKind.SESSION_LAW, ProvisionKind.REGISTER, ProvisionKind.UNIFORM_ACT):
        return " ".join(p for p in (provision.title, provision.code, provision.page) if p)
    chapter = f"ch. {provision.chapter}" if provision.chapter else None
    section = f"§ {provision.section}" if provision.section else None
    where = ", ".join(p for p in (chapter, section) if p)
    return " ".join(p for p in (provision.title, provision.code, where) if p)


def case_title(case: Case) -> str:
    """A case as lists and views name it: its citation name, else its caption as printed."""
    return case.name or case.caption or case.id


def decision_name(decision: Decision) -> str:
    """A decision by its kind and date: "opinion of 2025-02-11", with its first cite if it has one;
    an undated one by its kind alone ("order, 93-1 BCA ¶ 25,508")."""
    kind = decision.kind.value.replace("_", " ") if decision.kind is not None else "decision"
    dated = f"{kind} of {decision.date}" if decision.date is not None else kind
    return dated + (f", {decision.cites[0]}" if decision.cites else "")


def titled_name(record: Record) -> str:
    """A record's name where a title says more than the short name: a source by its title (when
    it has one), anything else by its node name. PROV labels its entities with it."""
    if isinstance(record, Source) and record.title:
        return record.title
    return node_name(record)


def _names(records: RecordSet, ids: Sequence[str]) -> str:
    return ", ".join(actor_name(records, id) or id for id in ids)


def describe(record: Record, records: RecordSet) -> str:
    """One line that tells a person what a record is, for a listing of a record set."""
    if isinstance(record, Case):
        try:
            court = records.court_of(record).citation or record.court
        except ResolutionError:
            court = record.court
        number = f", No. {record.docket_number}" if record.docket_number else ", docket number not known"
        return f"{case_title(record)}{number} ({court})"
    if isinstance(record, Actor):
        return f"{record.name} ({record.kind.value})"
    if isinstance(record, Filing):
        parts = [ecf_designation(record) or "filing"]
        parts.append(
            shorten(record.title or record.description, 70) or (record.kind.value if record.kind else "untitled")
        )
        return ": ".join(parts) + (f" (filed {record.filed})" if record.filed else "")
    if isinstance(record, Exhibit):
        parts = [exhibit_label(record) or "exhibit"]
        filing = records.get(record.filing) if record.filing in records else None
        if isinstance(filing, Filing) and filing.ecf is not None:
            parts.append(ecf_designation(filing, record) or "")
        return ", ".join(parts) + (f": {shorten(record.title, 50)}" if record.title else "")
    if isinstance(record, Message):
        who = _names(records, [record.sender]) if record.sender else (record.sender_description or "?")
        to = f" → {_names(records, record.recipients)}" if record.recipients else ""
        when = f"{record.sent}  " if record.sent else ""
        return f"{when}{who}{to}: “{shorten(record.text, 60)}”"
    if isinstance(record, Source):
        parts = [
            ", ".join(record.authors),
            shorten(record.title, 60) or f"untitled {record.kind.value.replace('_', ' ')}",
        ]
        parts.append(record.publication or "")
        when = f" ({record.published})" if record.published else ""
        language = f" [{record.language}]" if record.language else ""
        return ", ".join(part for part in parts if part) + when + language
    if isinstance(record, Claim):
        return f"[{record.status.value}, {describe_mark(record, records).value}] {shorten(record.statement, 70)}"
    if isinstance(record, Decision):
        return decision_name(record) + (f": {shorten(record.title, 60)}" if record.title else "")
    if isinstance(record, Provision):
        return provision_name(record) + (f" ({record.name})" if record.name else "")
    if isinstance(record, Court):
        known = complete_court(record)
        return f"{known.name or record.id}" + (f" ({known.citation})" if known.citation else "")
    return record.id


def name_fields(records: RecordSet, ids: Iterable[str | None]) -> list[tuple[Record, str]]:
    """The name fields of the actors some ids name, for `weakest`: a printed name is as sure as
    the actor's record and name (an id no actor has marks nothing)."""
    by_id = records.by_id()
    fields: list[tuple[Record, str]] = []
    for id in ids:  # a loop, not nested comprehensions: this runs for every message of a report
        actor = by_id.get(id) if id is not None else None
        if isinstance(actor, Actor):
            fields.append((actor, "name"))
    return fields


# The fields `describe` prints of each kind, besides the names of the actors it names.
_DESCRIBED = {
    Case: ("name", "docket_number", "court"),
    Actor: ("name", "kind"),
    Filing: ("ecf", "title", "description", "kind", "filed"),
    Exhibit: ("label", "filing", "title"),
    Message: ("sent", "sender", "sender_description", "recipients", "text"),
    Source: ("authors", "title", "kind", "publication", "published", "language"),
    Claim: ("status", "statement"),
    Court: ("name", "citation"),
    Decision: ("kind", "date", "cites", "title"),
    Provision: ("title", "code", "chapter", "section", "page", "name"),
}


def describe_mark(record: Record, records: RecordSet) -> Confidence:
    """How sure the line `describe` gives is: the weakest of the record's mark and of each
    value the line prints (a message's people by their names too)."""
    fields = [(record, name) for name in _DESCRIBED.get(type(record), ())]
    if isinstance(record, Message):
        fields += name_fields(records, [record.sender, *record.recipients])
    return weakest(fields) if fields else record.confidence


def report_of(message: Message, records: RecordSet) -> Source | Filing | Exhibit | None:
    """The report a message is known through: the source (or the filing or exhibit quoting it in
    its stored text) of its first verbatim attestation, when no exhibit holds it and no filing is
    confirmed to. Such a message is cited as quoted in that report, never as a personal
    communication (APA 8.6, CMOS 14.260, Bluebook R1.6)."""
    if records.exhibit_of(message) is not None:
        return None
    if records.filing_of(message) is not None and message.confidence_of("filing") is Confidence.CONFIRMED:
        return None
    reported = [a for a in message.attestations if a.kind is AttestationKind.VERBATIM]
    if not reported:
        return None
    report = records.get(reported[0].source)
    if not isinstance(report, (Source, Filing, Exhibit)):
        raise ResolutionError(f"{report.id!r} is not a source, filing or exhibit but a {report.KIND} record")
    return report


def published_alone(message: Message, records: RecordSet) -> bool:
    """A public statement cited as itself (a post, a press statement), not as a personal
    communication: made publicly, and neither held in an exhibit, nor in a confirmed filing, nor
    known through a report."""
    if not message.public or records.exhibit_of(message) is not None:
        return False
    if records.filing_of(message) is not None and message.confidence_of("filing") is Confidence.CONFIRMED:
        return False
    return report_of(message, records) is None
