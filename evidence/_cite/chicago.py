"""Chicago 17: notes (full and short) and bibliography entries of sources, and notes of
unpublished messages."""

from __future__ import annotations

from evidence._cite.context import Context, message_people
from evidence._cite.dates import MONTHS, format_date, year
from evidence._cite.names import join_names, parse_name
from evidence._cite.options import Form
from evidence._cite.parts import Part, i, r
from evidence._cite.words import title_case
from evidence._labels import message_kind
from evidence._model import Message, Source, SourceKind


def cite_source(source: Source, form: Form, pin: str | None) -> list[Part]:
    names = [parse_name(a) for a in source.authors]
    title = title_case(source.title, lower_all_prepositions=True) if source.title else None
    book = source.kind is SourceKind.BOOK
    if form is Form.SHORT:
        who = f"{names[0].family}, " if names else ""
        if title is None:  # an untitled work: its publication names it
            return [r(f"{who}{source.publication or source.publisher or source.id}{', ' + pin if pin else ''}.")]
        short = title if len(title.split()) <= 4 else " ".join(title.split()[:4])
        if book:
            return [r(who), i(short or ""), r(f"{', ' + pin if pin else ''}.")]
        # Chicago puts the comma or period inside the quotation marks.
        closing = f'," {pin}.' if pin else '."'
        return [r(f'{who}"{short}{closing}')]
    when = format_date(source.published, months=MONTHS)
    if form is Form.BIBLIOGRAPHY:
        lead = ""
        if names:
            first = names[0]
            lead = f"{first.family}, {first.given}".strip(", ")
            rest = [n.full for n in names[1:]]
            lead += "".join(f", and {n}" if k == len(rest) - 1 else f", {n}" for k, n in enumerate(rest))
            lead += ". "
        head = [r(lead)]
        if book:
            tail = ". ".join(p for p in (source.publisher, year(source.published)) if p)
            return [*head, i(title or ""), r(f". {tail}." if tail else ".")]
        parts = [
            *head,
            r(f'"{title}." ') if title else r(""),
            _publication(source),
            r(f", {when}." if when else "."),
        ]
        if source.url:
            parts.append(r(f" {source.url}."))
        return parts
    who = join_names([n.full for n in names]).replace(" & ", " and ")
    head = [r(f"{who}, ")] if who else []
    if book:
        inside = ", ".join(p for p in (source.publisher, year(source.published)) if p)
        return [*head, i(title or ""), r(f" ({inside}){', ' + pin if pin else ''}.")]
    parts = [*head]
    if title:
        parts.append(r(f'"{title}," '))
    parts.append(_publication(source))
    parts.append(r(f", {when}" if when else ""))
    parts.append(r(f", {source.url}" if source.url else ""))
    parts.append(r(f", {pin}." if pin else "."))
    return parts


def _publication(source: Source) -> Part:
    """Newspapers and journals are italic; the names of web sites stay roman (CMOS 14.206)."""
    name = source.publication or ""
    return i(name) if source.kind in (SourceKind.NEWS_ARTICLE, SourceKind.JOURNAL_ARTICLE) else r(name)


def personal_communication(message: Message, ctx: Context) -> list[Part]:
    """CMOS 14.214: an unpublished message is cited in a note only, never in the bibliography."""
    sender, recipients = message_people(message, ctx)
    kind = message_kind(message).lower()
    when = format_date(message.sent, months=MONTHS)
    text = ", ".join(p for p in (sender, f"{kind} to {recipients}" if recipients else kind, when) if p)
    return [r(text[:1].upper() + text[1:] + ".")]
