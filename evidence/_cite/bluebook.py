"""Bluebook citations, as restated by the Indigo Book: cases, court documents and exhibits,
messages, sources, and supra. Rule numbers are the Indigo Book's (R = rule, T = table) unless
they name another manual."""

from __future__ import annotations

from typing import Any

from evidence._cite import ecf
from evidence._cite.context import Context, find_decision, message_people
from evidence._cite.dates import format_date, year
from evidence._cite.ecf import ecf_text
from evidence._cite.names import join_names, parse_name
from evidence._cite.options import Form, Style
from evidence._cite.parts import ITALIC, ROMAN, SMALL_CAPS, Part, i, r
from evidence._cite.words import (
    KIND_TITLES,
    LANGUAGE_NAMES,
    abbreviate_document_title,
    case_name,
    title_case,
)
from evidence._errors import UsageError
from evidence._labels import message_kind
from evidence._model import AttestationKind, Case, DateValue, Exhibit, Filing, Message, Source, SourceKind


def _case_parts(case: Case, ctx: Context) -> list[Part]:
    name = case_name(case)
    return [r(name) if ctx.options.roman_case_names else i(name)]


def _court(case: Case, ctx: Context) -> str:
    records = ctx.need("a case")
    court = records.court_of(case)
    return court.citation or court.name or case.court


def _pin_after_title(pin: str | None) -> str:
    return f" {pin}" if pin else ""


def _at(pin: str | None) -> str:
    """', at 3' for a page, ' ¶ 12' for a paragraph."""
    if not pin:
        return ""
    return f" {pin}" if pin.startswith("¶") else f", at {pin}"


def _filing_title(filing: Filing, ctx: Context) -> str:
    if filing.short_title:
        return filing.short_title
    if filing.title:
        return abbreviate_document_title(filing.title, drop_prepositions=ctx.options.drop_prepositions)
    if filing.kind is not None and filing.kind in KIND_TITLES:
        return KIND_TITLES[filing.kind]
    return "Filing"


def _other_case(case: Case, date: DateValue | None, ctx: Context) -> list[Part]:
    """', Kadrey v. Meta Platforms, Inc., No. 3:23-cv-03417-VC (N.D. Cal. Jan. 8, 2025)' (R25.2)."""
    when = format_date(date)
    court = _court(case, ctx)
    return [r(", "), *_case_parts(case, ctx), r(f", No. {case.docket_number} ({court}{' ' + when if when else ''})")]


def cite_case(case: Case, ctx: Context, form: Form, pin: str | None, decision: Any) -> list[Part]:
    chosen = find_decision(case, decision) if decision is not None else None
    if form is Form.SHORT:
        short = case.short_name or case_name(case).split(" v. ")[0]
        name = [r(short) if ctx.options.roman_case_names else i(short)]
        if chosen is not None and chosen.cite:
            return [*name, r(f", {chosen.cite}{_at(pin)}")]
        if chosen is not None and pin:
            return [*name, r(f", slip op. at {pin}")]
        return [*name, r(f", No. {case.docket_number}")]
    court = _court(case, ctx)
    if chosen is None:
        if pin:
            raise UsageError("a pin cite of a case needs a decision: pass decision=")
        filed = format_date(case.filed)
        return [*_case_parts(case, ctx), r(f", No. {case.docket_number} ({court}{' filed ' + filed if filed else ''})")]
    docket = chosen.docket_number or case.docket_number
    parts = [*_case_parts(case, ctx), r(f", No. {docket}")]
    if chosen.cite:
        parts.append(r(f", {chosen.cite}{_at(pin)}"))
    elif pin:
        parts.append(r(f", slip op. at {pin}"))  # an unreported decision: its own pages
    parts.append(r(f" ({court} {format_date(chosen.date)})"))
    if not chosen.cite and chosen.filing is not None:
        filing = ctx.need("a decision").get(chosen.filing, Filing)
        parts.append(r(f", {ecf_text(filing)}"))  # B17: the docket entry last
    return parts


def cite_filing(filing: Filing, ctx: Context, form: Form, pin: str | None) -> list[Part]:
    parts = [r(f"{_filing_title(filing, ctx)}{_pin_after_title(pin)}")]
    if _outside(filing, ctx, form):
        case = ctx.need("a filing of another case").get(filing.case, Case)
        parts += _other_case(case, filing.filed, ctx)
    if filing.ecf is not None:
        parts.append(r(f", {ecf_text(filing)}"))
    return parts


def _outside(filing: Filing, ctx: Context, form: Form) -> bool:
    """Cited from outside its case (R25.2): the case goes in the citation, unless a short form."""
    return form is Form.FULL and ctx.in_case != filing.case


def cite_exhibit(exhibit: Exhibit, ctx: Context, form: Form, pin: str | None) -> list[Part]:
    filing = ctx.need("an exhibit").get(exhibit.filing, Filing)
    label = f"Ex. {exhibit.label}" if exhibit.label else (exhibit.title or "Ex.")
    # R24.2.3: a comma after the exhibit reference, before its pinpoint.
    parts = [r(f"{label}{_at(pin)}")]
    if _outside(filing, ctx, form):
        case = ctx.need("an exhibit of another case").get(filing.case, Case)
        parts += _other_case(case, filing.filed, ctx)
    designation = ecf_text(filing, exhibit)
    if designation:
        parts.append(r(f", {designation}"))
    return parts


def cite_message(message: Message, ctx: Context, form: Form, pin: str | None, style: Style) -> list[Part]:
    """R17's pattern for unpublished correspondence, then where the message can be found."""
    records = ctx.need("a message")
    sender, recipients = message_people(message, ctx)
    kind = message_kind(message)
    text = kind + (f" from {sender}" if sender else "") + (f" to {recipients}" if recipients else "")
    when = format_date(message.sent, time=True, zone=True)  # R17: the time zone of a sent time
    parts = [r(f"{text}{' (' + when + ')' if when else ''}")]
    exhibit = records.exhibit_of(message)
    if exhibit is not None:
        # In the ECF style the message is found by the court's docket number.
        where = ecf.cite_exhibit(exhibit, ctx, pin) if style is Style.ECF else cite_exhibit(exhibit, ctx, form, pin)
        return [*parts, r(" ("), *where, r(")")]
    filing = records.filing_of(message)
    if filing is not None and message.confidence_of("filing").value == "confirmed":
        where = ecf.cite_filing(filing, pin) if style is Style.ECF else cite_filing(filing, ctx, form, pin)
        return [*parts, r(" ("), *where, r(")")]
    reported = [a for a in message.attestations if a.kind is AttestationKind.VERBATIM]
    if reported:
        source = records.get(reported[0].source, Source)
        # R1.6: a related authority, introduced by an italic phrase.
        return [*parts, r(", "), i("quoted in"), r(" "), *cite_source(source, ctx, Form.FULL, None)]
    return parts


def _authors(source: Source) -> str:
    return join_names([parse_name(a).full for a in source.authors])


def cite_source(source: Source, ctx: Context, form: Form, pin: str | None) -> list[Part]:
    authors = _authors(source)
    book = source.kind in (SourceKind.BOOK, SourceKind.DATASET) or (source.kind is SourceKind.OTHER and not source.url)
    small_caps = ctx.options.small_caps
    lead = [(authors, SMALL_CAPS if small_caps and book else ROMAN), r(", ")] if authors else []
    if source.title is None:
        return _untitled_source(source, ctx, lead)
    cased = title_case(source.title) if source.language in (None, "en") else source.title
    title = [(cased, SMALL_CAPS if small_caps and book else ITALIC)]
    if book:
        # R28: books. A translation names its translator, then the original's year (R28.2.5).
        inside = []
        if source.translators:
            inside.append(f"{join_names(list(source.translators))} trans.")
        publisher_year = " ".join(p for p in (source.publisher, year(source.published)) if p)
        inside.append(publisher_year)
        tail = f" ({', '.join(inside)})"
        original = _original(source, ctx)
        if original is not None and original.published is not None:
            tail += f" ({year(original.published)})"
        return [*lead, *title, r(f"{' ' + pin if pin else ''}{tail}")]  # R28: the page follows the title
    name = source.publication or source.publisher or ""
    periodical = [r(", "), (name, SMALL_CAPS if small_caps else ROMAN)] if name else []
    if source.page:  # print (R30.4.1)
        when = format_date(source.published)
        return [*lead, *title, *periodical, r(f", {when}, at {source.page}{', ' + pin if pin else ''}")]
    # Online (R30.4.2, R33.5): the date, with the time the source gives, in parentheses.
    when = format_date(source.published, time=True)
    text = f" ({when})" if when else ""
    text += f", {source.url}" if source.url else ""
    return [*lead, *title, *periodical, r(text + (f", at {pin}" if pin else ""))]


def _original(source: Source, ctx: Context) -> Source | None:
    if source.translation_of is None or ctx.records is None or source.translation_of not in ctx.records:
        return None
    return ctx.records.get(source.translation_of, Source)


def _untitled_source(source: Source, ctx: Context, lead: list[Part]) -> list[Part]:
    """A source whose title is not known: its publication, and what it translates."""
    name = source.publication or source.publisher or source.id
    language = LANGUAGE_NAMES.get((source.language or "").split("-")[0], source.language or "")
    parts = [*lead, r(name)]
    original = _original(source, ctx)
    if original is not None:
        parts += [
            r(f" ({language + ' ' if language else ''}translation of "),
            *cite_source(original, ctx, Form.FULL, None),
            r(")"),
        ]
    elif source.url:
        parts.append(r(f", {source.url}"))
    return parts


def _surname_of(source: Source) -> str | None:
    return parse_name(source.authors[0]).family if source.authors else None


def supra(source: Source, note: int | None, pin: str | None) -> list[Part]:
    surname = _surname_of(source)
    if surname:
        head = [r(f"{surname}, ")]
    elif source.title:
        head = [i(title_case(source.title)), r(", ")]
    else:
        head = [r(f"{source.publication or source.publisher or source.id}, ")]
    tail = f" note {note}" if note is not None else ""
    return [*head, i("supra"), r(f"{tail}{', at ' + pin if pin else ''}")]
