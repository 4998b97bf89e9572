"""APA 7: reference-list entries and in-text citations of sources, in-text citations of
cases, personal communications, and messages known through a report (secondary sources)."""

from __future__ import annotations

from typing import Any

from evidence._cite import bluebook, context
from evidence._cite.context import Context, find_decision, message_people, message_word, named_by, namer, reported_in
from evidence._cite.dates import MONTHS, apa_date, apa_year, format_date, known_exactly
from evidence._cite.names import actor_name, parse_name
from evidence._cite.options import Form
from evidence._cite.parts import ITALIC, ROMAN, Part, r
from evidence._cite.words import LANGUAGE_NAMES, case_name, edition_words, sentence_case, sentence_case_first
from evidence._errors import UsageError
from evidence._model import Case, Message, Source, SourceKind


def _listed(written: list[str], *, inverted: bool = True) -> str:
    """Names joined as APA joins them: '&' before the last, after a comma when the names are
    inverted ('Zeff, M., & Lee, P.') or there are three or more (APA 9.8)."""
    if len(written) <= 1:
        return "".join(written)
    if len(written) == 2 and not inverted:
        return f"{written[0]} & {written[1]}"
    return ", ".join(written[:-1]) + f", & {written[-1]}"


def _byline(source: Source) -> tuple[str, str]:
    """The authors as APA writes them, or a group author whole (APA 9.11), and the field read."""
    if not source.authors and source.institution:  # its stop, as an author's initial has one
        return source.institution + ("" if source.institution.endswith(".") else "."), "institution"
    return _authors(source), "authors"


def _authors(source: Source) -> str:
    names = [parse_name(a) for a in source.authors]
    written = [f"{n.family}, {n.initials}".strip(", ") for n in names]
    if len(written) <= 20:
        return _listed(written)
    return ", ".join(written[:19]) + f", . . . {written[-1]}"


def _in_language(source: Source) -> str:
    language = LANGUAGE_NAMES.get((source.language or "").split("-")[0])
    return f" in {language}" if language and language != "English" else ""


def _english(source: Source) -> bool:
    return (source.language or "en").split("-")[0] == "en"


def _title_text(source: Source, ctx: Context) -> str:
    """APA 6.17: sentence case. The record's own sentence-case form; else, with the
    `sentence_case` option, the automatic rule for an English title; else the title as
    published (a title in another language always: its nouns may take capitals, as German's do)."""
    if source.title_sentence_case:
        return source.title_sentence_case
    title = source.title or ""
    return sentence_case(title) if ctx.options.sentence_case and _english(source) else sentence_case_first(title)


def _title(source: Source, ctx: Context, style: str) -> list[Part]:
    """The title (APA 6.17); for a translation into another language, the original's English
    title in square brackets (APA 9.38); and the translators (APA 9.39: '(A. Souza, Trans.)')."""
    printed = "title_sentence_case" if source.title_sentence_case else "title"
    parts = ctx.value(_title_text(source, ctx), (source, printed), style=style)
    original = _original(source, ctx)
    if original is not None and original.title and not _english(source) and _english(original):
        english = ctx.value(_title_text(original, ctx), (source, "translation_of"), (original, "title"))
        parts += [r(" ["), *english, r("]")]
    return parts + _translators(source, ctx)


def _translators(source: Source, ctx: Context) -> list[Part]:
    if not source.translators:
        return []
    names = [parse_name(t) for t in source.translators]
    written = _listed([f"{n.initials} {n.family}".strip() for n in names], inverted=False)
    return [r(" ("), *ctx.value(written, (source, "translators")), r(", Trans.)")]


def _original(source: Source, ctx: Context) -> Source | None:
    """The work a translation translates, when the record set holds it."""
    if source.translation_of is None or ctx.records is None or source.translation_of not in ctx.records:
        return None
    return ctx.records.get(source.translation_of, Source)


def _original_year(source: Source, ctx: Context) -> list[Part]:
    """The year the translated or republished work was first published, when it is known (APA
    9.39, 9.41): its original's record's, else the source's own `original_published`."""
    original = _original(source, ctx)
    if original is None:
        first = apa_year(source.original_published)
        return [] if first == "n.d." else ctx.value(first, (source, "original_published"))
    if apa_year(original.published) == "n.d.":
        return []
    return ctx.value(apa_year(original.published), (source, "translation_of"), (original, "published"))


def _in_text(source: Source, ctx: Context, pin: str | None, narrative: bool = False) -> list[Part]:
    """'Zeff, 2025, p. 3': a parenthetical in-text citation without its parentheses; narrative,
    'Zeff (2025, p. 3)' (APA 8.11), the names joined by 'and' (APA 8.17). A translation is dated
    by both years, the original's first (APA 8.15: 'García Márquez, 1967/2003')."""
    names = [parse_name(a).family for a in source.authors]
    signed = "authors"
    if not names and source.institution:  # a group author is named whole (APA 8.21)
        names, signed = [source.institution], "institution"
    comma = [r(", ")]
    if not names and source.title:  # no author: the title stands in, the comma inside its quotes (APA 8.14)
        title = sentence_case_first(source.title)
        closing = "”" if narrative or title.endswith(("?", "!")) else ",”"
        who = [r("“"), *ctx.value(title, (source, "title")), r(closing)]
        comma = [r(" ")]
    elif not names:  # nor a title: the publication names it
        who = named_by(source, ctx)
    else:
        joined = (" and " if narrative else " & ").join(names)
        who = ctx.value(joined if len(names) <= 2 else f"{names[0]} et al.", (source, signed))
    original = _original_year(source, ctx) if apa_year(source.published) != "n.d." else []
    when = [*original, r("/")] if original else []
    when += [*ctx.dated(apa_year(source.published), (source, "published")), r(f"{', p. ' + pin if pin else ''}")]
    if narrative:
        return [*who, r(" ("), *when, r(")")]
    return [*who, *comma, *when]


def cite_source(source: Source, ctx: Context, form: Form, pin: str | None) -> list[Part]:
    if form is Form.NARRATIVE:
        return _in_text(source, ctx, pin, narrative=True)
    if form is Form.SHORT:
        return [r("("), *_in_text(source, ctx, pin), r(")")]
    return [*_reference(source, ctx), *_published_first(source, ctx)]


def _published_first(source: Source, ctx: Context) -> list[Part]:
    """A translation's or a republished work's entry ends with the year of the original (APA
    9.39, 9.41)."""
    original = _original_year(source, ctx)
    return [r(" (Original work published "), *original, r(")")] if original else []


def _reference(source: Source, ctx: Context) -> list[Part]:
    byline, signed = _byline(source)
    authors = ctx.value(byline, (source, signed))
    dated = [r(" ("), *ctx.dated(apa_date(source.published), (source, "published")), r(").")]
    url = [r(" "), *ctx.value(source.url, (source, "url"))] if source.url else []  # no period after a URL (APA 9.35)
    # A periodical article (a printed newspaper page, a journal): title roman, periodical
    # italic, then the page (APA 10.1). An article on an online-only news site takes the
    # web-page form below: title italic, site roman.
    if (source.title and source.publication) and (
        source.kind is SourceKind.JOURNAL_ARTICLE or (source.kind is SourceKind.NEWS_ARTICLE and source.page)
    ):
        head = [*authors, *dated, r(" ")] if authors else []
        parts = [*head, *_title(source, ctx, ROMAN), r(". ")]
        parts += ctx.value(source.publication or "", (source, "publication"), style=ITALIC)
        parts += [r(", "), *ctx.value(source.volume, (source, "volume"), style=ITALIC)] if source.volume else []
        parts += [r(", "), *ctx.value(source.page, (source, "page")), r(".")] if source.page else [r(".")]
        return [*parts, *url]
    if source.title:
        title = _title(source, ctx, ITALIC)
        if source.edition:  # APA 10.2: 'Principles of evidence (6th ed.).'
            edition = edition_words(source.edition, bluebook=False)
            title += [r(" ("), *ctx.value(edition, (source, "edition")), r(")")]
    else:  # an untitled work is described in square brackets (APA 9.21)
        described = f"[Untitled {source.kind.value.replace('_', ' ')}{_in_language(source)}]"
        # Italic where it stands for the title, roman after the publication as author.
        title = ctx.value(described, (source, "kind"), (source, "language"), style=ITALIC if authors else ROMAN)
        title += _translators(source, ctx)
    if not authors and (source.title or namer(source) is None):
        # No author: the title, or with none and nothing to name the work its description,
        # moves to the author position (APA 9.12).
        parts = [*title, r("."), *dated]
    elif not authors:  # nor a title: the publication is the author, the description follows
        parts = [*named_by(source, ctx), r("."), *dated, r(" "), *title, r(".")]
    else:
        parts = [*authors, *dated, r(" "), *title, r(".")]
    if source.kind is SourceKind.BOOK:
        # The publisher ends the entry, unless it already leads it as the author (APA 9.12).
        if source.publisher and (authors or source.title or source.publication):
            parts += [r(" "), *ctx.value(source.publisher, (source, "publisher")), r(".")]
    elif source.title and (source.publication or source.publisher) not in (None, source.title):
        # The site's name; with none, its publisher (APA 9.17: the site as the publisher).
        site = "publication" if source.publication else "publisher"
        parts += [r(" "), *ctx.value(getattr(source, site), (source, site)), r(".")]
    return [*parts, *url]


def cite_message(message: Message, ctx: Context, form: Form = Form.SHORT) -> list[Part]:
    """A message known through a report is cited as the report quotes it (APA 8.6: "as cited
    in", the report in the reference list); a public statement as the published work it is (a
    post, a press release: a reference of its own); any other is a personal communication
    (APA 8.9), cited in the text only."""
    records = ctx.need("a message")
    public = context.published(message, ctx)
    source = None if public else reported_in(message, ctx)
    in_text = form in (Form.SHORT, Form.NARRATIVE)
    if message.sender:
        actor = records.resolve(message, "sender")
        name = actor_name(actor)
        initials = f"{name.initials} {name.family}".strip()
        written = name.family if source is not None or (public and in_text) else initials
        if public and not in_text:
            written = f"{name.family}, {name.initials}".strip(", ")
        who = ctx.value(written, (message, "sender"), (actor, "name"))
    else:
        who, _ = message_people(message, ctx)
    narrative = form is Form.NARRATIVE
    if public and not in_text:
        return _statement_reference(message, ctx, who)
    if public:
        lead = who or context.statement_parts(message, ctx)[2]
        return _wrapped(lead, ctx.dated(apa_year(message.sent), (message, "sent")), narrative)
    if not who and source is None:  # APA 8.9 names the communicator: nothing else stands in
        raise UsageError(
            f"message {message.id!r} has no sender or sender_description: APA cites a personal "
            "communication by who sent it"
        )
    if source is not None:
        who = who or message_word(message, ctx)  # an unnamed sender: what the message is
        when = [*ctx.dated(apa_year(message.sent), (message, "sent")), r(", ")] if message.sent else []
        # A court document quoting it is cited in the text as the legal style cites it.
        where = _in_text(source, ctx, None) if isinstance(source, Source) else bluebook.cite_report(source, ctx)
        return _wrapped(who, [*when, r("as cited in "), *where], narrative)
    when = ctx.value(format_date(known_exactly(message.sent), months=MONTHS), (message, "sent")) or [r("n.d.")]
    return _wrapped(who, [r("personal communication, "), *when], narrative)


def _wrapped(who: list[Part], inside: list[Part], narrative: bool) -> list[Part]:
    """'(Who, inside)', or in a narrative citation 'Who (inside)' (APA 8.11)."""
    if narrative:
        return [*who, r(" (" if who else "("), *inside, r(")")]
    return [r("("), *who, *([r(", ")] if who else []), *inside, r(")")]


def _statement_reference(message: Message, ctx: Context, who: list[Part]) -> list[Part]:
    """The reference of a public statement, as of a post or a press release: Author. (Date).
    *Title* [Press statement]. Where it was published."""
    _, title, venue = context.statement_parts(message, ctx, ITALIC)
    kind = context.message_word(message, ctx)
    described = [r(" ["), *kind, r("]")] if title else [r("["), *kind, r("]")]
    parts = [*who, r(" (" if who else "("), *ctx.dated(apa_date(message.sent), (message, "sent")), r("). ")]
    parts += [*title, *described, r(".")]
    return [*parts, r(" "), *venue, r(".")] if venue else parts


def cite_case_in_text(case: Case, ctx: Context, decision: Any, *, narrative: bool = False) -> list[Part]:
    """A case in the text: its name in italics and the year of the decision (or of filing);
    narrative, the year alone in parentheses (APA 8.11)."""
    chosen = find_decision(case, decision, ctx) if decision is not None else None
    dated = (
        ctx.dated(apa_year(chosen.date), (chosen, "date"))
        if chosen
        else ctx.dated(apa_year(case.filed), (case, "filed"))
    )
    name = ctx.value(case_name(case), (case, "name" if case.name else "caption"), style=ITALIC)
    return _wrapped(name, dated, narrative)
