"""APA 7: reference-list entries and in-text citations of sources, in-text citations of
cases, and personal communications."""

from __future__ import annotations

from typing import Any

from evidence._cite.context import Context, find_decision, message_people
from evidence._cite.dates import MONTHS, apa_date, format_date, year
from evidence._cite.names import actor_name, parse_name
from evidence._cite.options import Form
from evidence._cite.parts import Part, i, r
from evidence._cite.words import LANGUAGE_NAMES, case_name, sentence_case_first
from evidence._model import Case, Message, Source, SourceKind


def _authors(source: Source) -> str:
    names = [parse_name(a) for a in source.authors]
    written = [f"{n.family}, {n.initials}".strip(", ") for n in names]
    if len(written) <= 1:
        return "".join(written)
    if len(written) <= 20:
        return ", ".join(written[:-1]) + f", & {written[-1]}"
    return ", ".join(written[:19]) + f", . . . {written[-1]}"


def _in_language(source: Source) -> str:
    language = LANGUAGE_NAMES.get((source.language or "").split("-")[0])
    return f" in {language}" if language and language != "English" else ""


def cite_source(source: Source, form: Form, pin: str | None) -> list[Part]:
    if form is Form.SHORT:
        names = [parse_name(a).family for a in source.authors]
        if not names:  # no author: the title (or, untitled, the publication) stands in (APA 8.14)
            who = f"“{sentence_case_first(source.title)}”" if source.title else (source.publication or source.id)
        elif len(names) <= 2:
            who = " & ".join(names)
        else:
            who = f"{names[0]} et al."
        return [r(f"({who}, {year(source.published)}{', p. ' + pin if pin else ''})")]
    authors = _authors(source)
    # A periodical article (a printed newspaper page, a journal): title roman, periodical
    # italic, then the page (APA 10.1). An article on an online-only news site takes the
    # web-page form below: title italic, site roman.
    if source.title and (
        source.kind is SourceKind.JOURNAL_ARTICLE or (source.kind is SourceKind.NEWS_ARTICLE and source.page)
    ):
        head = f"{authors} ({apa_date(source.published)}). " if authors else ""
        parts = [r(f"{head}{sentence_case_first(source.title)}. "), i(source.publication or "")]
        parts.append(r(f", {source.page}." if source.page else "."))
        if source.url:
            parts.append(r(f" {source.url}"))
        return parts
    # An untitled work is described in square brackets (APA 9.21).
    untitled = f"[Untitled {source.kind.value.replace('_', ' ')}{_in_language(source)}]"
    title = sentence_case_first(source.title) if source.title else untitled
    if not authors and source.title:  # no author: the title moves to the author position (APA 9.12)
        parts = [i(title), r(f". ({apa_date(source.published)}).")]
    elif not authors:  # nor a title: the publication is the author, the description follows
        parts = [r(f"{source.publication or source.publisher or source.id}. ({apa_date(source.published)}). {title}.")]
    else:
        parts = [r(f"{authors} ({apa_date(source.published)}). "), i(title), r(".")]
    if source.kind is SourceKind.BOOK:
        if source.publisher:
            parts.append(r(f" {source.publisher}."))
    elif source.publication and source.title and source.publication != title:
        parts.append(r(f" {source.publication}."))
    if source.url:
        parts.append(r(f" {source.url}"))  # no period after a URL (APA 9.35)
    return parts


def personal_communication(message: Message, ctx: Context) -> list[Part]:
    """APA 8.9: an unpublished message is cited in the text only, never in the reference list."""
    sender, _ = message_people(message, ctx)
    records = ctx.need("a message")
    name = actor_name(records.resolve(message, "sender")) if message.sender else None
    who = f"{name.initials} {name.family}".strip() if name is not None else sender
    when = format_date(message.sent, months=MONTHS) or "n.d."
    return [r(f"({who}, personal communication, {when})")]


def cite_case_in_text(case: Case, decision: Any) -> list[Part]:
    """A case in the text: its name in italics and the year of the decision (or of filing)."""
    when = find_decision(case, decision).date if decision is not None else case.filed
    return [r("("), i(case_name(case)), r(f", {year(when)})")]
