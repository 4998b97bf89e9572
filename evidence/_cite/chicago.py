"""Chicago 17: notes (full and short) and bibliography entries of sources, and notes of
unpublished messages, quoted in the report they are known through."""

from __future__ import annotations

from evidence._cite import bluebook, context
from evidence._cite.context import Context, message_people, message_word, named_by, reported_in
from evidence._cite.dates import MONTHS, format_date, year
from evidence._cite.names import actor_name, join_names, parse_name
from evidence._cite.options import Form
from evidence._cite.parts import ITALIC, ROMAN, Part, joined, r
from evidence._cite.words import edition_words, title_case
from evidence._model import Message, Source, SourceKind


def cite_source(source: Source, ctx: Context, form: Form, pin: str | None) -> list[Part]:
    names = [parse_name(a) for a in source.authors]
    title = source.title
    if title and source.language in (None, "en"):  # a title in another language keeps its own case
        title = title_case(title, lower_all_prepositions=True)
    book = source.kind is SourceKind.BOOK
    authors, published = (source, "authors"), (source, "published")
    group = source.institution if not names else None  # an organization as author (CMOS 14.84)
    if group:
        authors = (source, "institution")
    if form is Form.SHORT:
        # CMOS 14.29: up to three family names, more as the first's "et al."
        families = [n.family for n in names]
        if len(families) > 3:
            lead = f"{families[0]} et al."
        elif len(families) == 3:
            lead = f"{families[0]}, {families[1]}, and {families[2]}"
        else:
            lead = " and ".join(families)
        who = [*ctx.value(group or lead, authors), r(", ")] if names or group else []
        if title is None:  # an untitled work: its publication names it
            return [*who, *named_by(source, ctx), r(f"{', ' + pin if pin else ''}.")]
        short = title if len(title.split()) <= 4 else " ".join(title.split()[:4])
        if book:
            return [*who, *_title(source, ctx, short, ITALIC), r(f"{', ' + pin if pin else ''}.")]
        # Chicago puts the comma or period inside the quotation marks.
        closing = f'," {pin}.' if pin else '."'
        return [*who, r('"'), *_title(source, ctx, short, ROMAN), r(closing)]
    when = ctx.value(format_date(source.published, months=MONTHS), published)
    url = ctx.value(source.url or "", (source, "url"))
    if form is Form.BIBLIOGRAPHY:
        head: list[Part] = []
        if names:
            first = names[0]
            lead = f"{first.family}, {first.given}".strip(", ")
            rest = [n.full for n in names[1:]]
            lead += "".join(f", and {n}" if k == len(rest) - 1 else f", {n}" for k, n in enumerate(rest))
            head = [*ctx.value(lead, authors), r(". ")]
        elif group:
            head = [*ctx.value(group, authors), r(". ")]
        translated_by = [r("Translated by "), *_translators(source, ctx), r(".")] if source.translators else []
        if book and title:
            after = [r(" "), *translated_by] if translated_by else []
            edition = [*_edition(source, ctx)[1:], r(".")] if source.edition else []  # '6th ed.' (CMOS 14.113)
            after += [r(" "), *edition] if edition else []
            reprinted = _reprinted(source, ctx)
            after += (
                [r(" "), *reprinted, r(". Reprint,")] if reprinted else []
            )  # CMOS 14.114: "1813. Reprint, Dover, 1995."
            return [*head, *_title(source, ctx, title, ITALIC), r("."), *after, *_publisher_year(source, ctx, " ", ".")]
        # Sentences of what is known: the title, the translators, the site or periodical and the
        # date, the URL.
        sentences = [[r('"'), *_title(source, ctx, title, ROMAN), r('."')]] if title else []
        sentences += [translated_by] if translated_by else []
        where_when = joined([_publication(source, ctx), when])
        sentences += [[*where_when, r(".")]] if where_when else []
        sentences += [[*url, r(".")]] if url else []
        if not sentences:  # nothing but the record: its name stands in
            sentences = [[*named_by(source, ctx), r(".")]]
        return [*head, *joined(sentences, " ")]
    byline = group or join_names([n.full for n in names]).replace(" & ", " and ")
    parts = [*ctx.value(byline, authors), r(", ")] if byline else []
    # CMOS 14.104: the translator after the title, "trans." in a note.
    translated = [r("trans. "), *_translators(source, ctx)] if source.translators else []
    if book and title:
        inside = _publisher_year(source, ctx, "", "")
        reprinted = _reprinted(source, ctx)
        inside = (
            [*reprinted, r("; repr., "), *inside] if reprinted else inside
        )  # CMOS 14.114: "(1813; repr., Dover, 1995)"
        return [
            *parts,
            *_title(source, ctx, title, ITALIC),
            *([r(", "), *translated] if translated else []),
            *_edition(source, ctx),
            *([r(" ("), *inside, r(")")] if inside else []),
            r(f"{', ' + pin if pin else ''}."),
        ]
    tail = joined([translated, _publication(source, ctx), when, url, [r(pin)] if pin else []])
    if title:  # Chicago puts the comma or period inside the quotation marks.
        quoted = [r('"'), *_title(source, ctx, title, ROMAN)]
        return [*parts, *quoted, r('," '), *tail, r(".")] if tail else [*parts, *quoted, r('."')]
    return [*parts, *(tail or named_by(source, ctx)), r(".")]


def _edition(source: Source, ctx: Context) -> list[Part]:
    """', 6th ed.' after the title (CMOS 14.113)."""
    if not source.edition:
        return []
    return [r(", "), *ctx.value(edition_words(source.edition, bluebook=False), (source, "edition"))]


def _title(source: Source, ctx: Context, text: str, style: str) -> list[Part]:
    return ctx.value(text, (source, "title"), style=style)


def _translators(source: Source, ctx: Context) -> list[Part]:
    names = [parse_name(t).full for t in source.translators]
    return ctx.value(join_names(names).replace(" & ", " and "), (source, "translators"))


def _reprinted(source: Source, ctx: Context) -> list[Part]:
    """The year a reprinted book was first published (CMOS 14.114); a translation's original
    is another work, not given so."""
    if source.original_published is None or source.translators or source.translation_of:
        return []
    return ctx.value(year(source.original_published), (source, "original_published"))


def _publisher_year(source: Source, ctx: Context, lead: str, end: str) -> list[Part]:
    """A book's publisher and year, joined by a comma, after `lead`; `end` after them."""
    publisher = ctx.value(source.publisher or "", (source, "publisher"))
    out = joined([publisher, ctx.dated(year(source.published), (source, "published"))], ", ")
    return [r(lead), *out, r(end)] if out else []


def _publication(source: Source, ctx: Context) -> list[Part]:
    """Newspapers and journals are italic; the names of web sites stay roman (CMOS 14.206).
    With no publication, the publisher (the owner of the site) stands in, roman."""
    if not source.publication:
        return ctx.value(source.publisher or "", (source, "publisher"))
    style = ITALIC if source.kind in (SourceKind.NEWS_ARTICLE, SourceKind.JOURNAL_ARTICLE) else ROMAN
    volume = [r(" "), *ctx.value(source.volume, (source, "volume"))] if source.volume else []  # CMOS 14.171
    return [*ctx.value(source.publication, (source, "publication"), style=style), *volume]


def cite_message(message: Message, ctx: Context, form: Form) -> list[Part]:
    """CMOS 14.214: an unpublished message is cited in a note only, never in the bibliography;
    one known through a report is "quoted in" it (CMOS 14.260), and the report is listed."""
    if context.published(message, ctx):
        return _public_statement(message, ctx, form)
    sender, recipients = message_people(message, ctx)
    kind = message_word(message, ctx, lower=True)
    when = ctx.value(format_date(message.sent, months=MONTHS), (message, "sent"))
    pieces = [sender, [*kind, r(" to "), *recipients] if recipients else kind, when]
    parts = [part for n, piece in enumerate(p for p in pieces if p) for part in ([r(", ")] if n else []) + piece]
    text, style = parts[0]
    parts[0] = (text[:1].upper() + text[1:], style)
    source = reported_in(message, ctx)
    if source is None:
        return [*parts, r(".")]
    if not isinstance(source, Source):
        # CMOS 14.269: a court document is cited as the legal style (Bluebook) cites it.
        return [*parts, r(", quoted in "), *bluebook.cite_report(source, ctx), r(".")]
    return [*parts, r(", quoted in "), *cite_source(source, ctx, Form.SHORT if form is Form.SHORT else Form.FULL, None)]


def _public_statement(message: Message, ctx: Context, form: Form) -> list[Part]:
    """A public statement as a published work (a post, a press release), listed in the
    bibliography, unlike a personal communication: author, "title," what it is, where, date.
    A short note keeps the author and the title (or what it is)."""
    sender, title, venue = context.statement_parts(message, ctx)
    if form is Form.BIBLIOGRAPHY and message.sender:
        # CMOS 14.67: the bibliography inverts a person's name ("Lee, Pat").
        actor = ctx.need("a message").resolve(message, "sender")
        name = actor_name(actor)
        inverted = f"{name.family}, {name.given}".strip(", ") if name.given else name.family
        sender = ctx.value(inverted, (message, "sender"), (actor, "name"))
    kind = message_word(message, ctx, lower=True)
    when = ctx.value(format_date(message.sent, months=MONTHS), (message, "sent"))
    heads = [piece for piece in (sender, [r('"'), *title] if title else []) if piece]
    tail = [kind] if form is Form.SHORT and not title else [] if form is Form.SHORT else [kind, venue, when]
    pieces = heads + [piece for piece in tail if piece]
    between = ". " if form is Form.BIBLIOGRAPHY else ", "
    parts: list[Part] = []
    gap = ""
    for n, piece in enumerate(pieces):
        if n:
            gap = between if n <= len(heads) else ", "
            # Chicago puts the comma or period inside the quotation marks.
            if pieces[n - 1][0] == r('"'):
                parts.append(r(gap.strip() + '" '))
            else:  # no second period after an abbreviation ("Acme Corp.")
                parts.append(r(" " if gap == ". " and parts[-1][0].endswith(".") else gap))
        if n == 0 or gap == ". ":  # a sentence starts: "Press statement"
            piece = [(piece[0][0][:1].upper() + piece[0][0][1:], piece[0][1]), *piece[1:]]
        parts += piece
    closing_quote = bool(pieces) and pieces[-1][0] == r('"')
    return [*parts, r('."' if closing_quote else ".")]
