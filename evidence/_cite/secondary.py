"""Bluebook citations of secondary sources, as restated by the Indigo Book: books and their
chapters (R15), periodicals (R16, R30), reports (R? of the book's legislative and agency
materials), web pages and posts (R18), and their supra (R15.8, R30.3)."""

from __future__ import annotations

from evidence._cite.context import Context, named_by, pin_range, where
from evidence._cite.dates import clock, format_date, year
from evidence._cite.names import join_names, parse_name
from evidence._cite.options import Form
from evidence._cite.parts import ITALIC, ROMAN, SMALL_CAPS, Part, i, joined, r
from evidence._cite.words import LANGUAGE_NAMES, edition_words, periodical_name, title_case
from evidence._errors import ResolutionError
from evidence._model import Date, Source, SourceKind, circle_text


def _authors(source: Source) -> tuple[str, str]:
    """The byline and the field it is read from: the people, or an institution as it is written."""
    if not source.authors and source.institution:
        return source.institution, "institution"
    return join_names([parse_name(a).full for a in source.authors]), "authors"


def _cased(source: Source, title: str) -> str:
    """R8's title case, keeping the small words a title in title case capitalizes by choice."""
    return title_case(title, keep_chosen=True)


def _titled(source: Source, ctx: Context, text: str, style: str) -> list[Part]:
    return ctx.value(text, (source, "title"), style=style)


def _is_book(source: Source) -> bool:
    return source.kind in (SourceKind.BOOK, SourceKind.DATASET) or (source.kind is SourceKind.OTHER and not source.url)


def _lead(source: Source, ctx: Context) -> list[Part]:
    """The byline (and a student work's genre) before the title."""
    authors, signed = _authors(source)
    small_caps = ctx.options.small_caps and _is_book(source)
    byline = ctx.value(authors, (source, signed), style=SMALL_CAPS if small_caps else ROMAN)
    lead = [*byline, r(", ")] if authors else []
    if source.genre:  # a student's Note or Comment says so before its title (R30.2)
        lead += [*ctx.value(source.genre, (source, "genre")), r(", ")]
    return lead


def _untitled(source: Source) -> bool:
    """Cited by its publication and what it translates (a numbered report by its number)."""
    return source.title is None and not (source.number and _is_book(source))


def cite_source(source: Source, ctx: Context, form: Form, pin: str | None) -> list[Part]:
    pin = pin_range(pin) if pin else pin  # R3.3
    book = _is_book(source)
    small_caps = ctx.options.small_caps
    lead = _lead(source, ctx)
    if source.title is None and source.number and book:  # a numbered report: 'S. Rep. No. 106-261, at 441'
        return [*lead, *ctx.value(source.number, (source, "number")), *_book_tail(source, ctx, pin, numbered=True)]
    if source.title is None:
        return _untitled_source(source, ctx, lead)
    english = source.language is None or source.language.split("-")[0] == "en"
    cased = _cased(source, source.title) if english else source.title
    title = _titled(source, ctx, cased, SMALL_CAPS if small_caps and book else ITALIC)
    if source.volume and source.publication and source.page:
        return [*lead, *title, *_consecutive(source, ctx, pin)]
    if book and source.publication:  # a chapter: 'This Old Man, in The Best American Essays 2015' (R15.5.1)
        book_title = ctx.value(title_case(source.publication), (source, "publication"), style=ITALIC)
        return [*lead, *title, r(", "), i("in"), r(" "), *book_title, *_book_tail(source, ctx, pin)]
    if book:
        return [*_volume(source, ctx), *lead, *title, *_book_tail(source, ctx, pin)]
    if source.kind is SourceKind.VIDEO and source.publisher and not source.url:
        # A film: its studio and year in parentheses, as a book's publisher (the book's c029).
        return [*lead, *title, *_book_tail(source, ctx, pin)]
    published = (source, "published")
    name = periodical_name(source.publication or source.publisher or "")  # T13
    where = (source, "publication" if source.publication else "publisher")
    periodical = [r(", "), *ctx.value(name, where, style=SMALL_CAPS if small_caps else ROMAN)] if name else []
    if source.page:  # print (R30.4.1)
        dated = ctx.value(format_date(source.published), published)
        page = ctx.value(source.page, (source, "page"))
        at = [r("at "), *page, r(f"{', ' + pin if pin else ''}")]
        translated = [r(" ("), *_translated(source, ctx), r(")")] if source.translators else []
        return [*lead, *title, *periodical, *([r(", "), *joined([dated, at])]), *translated]
    # Online (R30.4.2, R33.5): the date, with the time the source gives, in parentheses; a
    # translation's translator first in them, as in a book's (R28.2.5). A page dated less than
    # to the day says when it was last visited instead (R18.2.2), after its address.
    visited = _last_visited(source, ctx)
    online = [] if visited else [*ctx.value(format_date(source.published, time=True), published), *_clock(source, ctx)]
    parenthesis = joined([_translated(source, ctx) if source.translators else [], online])
    parts = [*lead, *title, *periodical]
    parts += [r(" ("), *parenthesis, r(")")] if parenthesis else []
    parts += [r(", "), *ctx.value(source.url, (source, "url")), *_directions(source, ctx)] if source.url else []
    return [*parts, r(f", at {pin}" if pin else ""), *visited]


def _clock(source: Source, ctx: Context) -> list[Part]:
    """', 12:27 PM': the time of day the page prints without a zone (R18.2.2), as it prints it,
    for a date to the day that has no time of its own."""
    date = source.published
    if source.published_time is None or not isinstance(date, Date) or date.day is None or date.has_time:
        return []
    hour, minute = (int(part) for part in source.published_time.split(":"))
    return [r(", "), *ctx.value(clock(hour, minute), (source, "published_time"))]


def _directions(source: Source, ctx: Context) -> list[Part]:
    """' (select corpus “English Fiction”; then search for “Arrakis”)': how to reach a page its
    address does not lead to (R18.2.2)."""
    if source.directions is None:
        return []
    return [r(" ("), *ctx.value(source.directions, (source, "directions")), r(")")]


def _pin_parts(pin: str | None) -> list[Part]:
    """The pinpoint; 'passim' is italic (R3.3)."""
    return [] if not pin else [i(pin)] if pin == "passim" else [r(pin)]


def _source_at(pin: str | None) -> str:
    """', at 441' for a page; a section or paragraph takes no 'at' (R3.3): ', § 14.02'."""
    if not pin:
        return ""
    return f", {pin}" if pin.startswith(("§", "¶")) else f", at {pin}"


def _last_visited(source: Source, ctx: Context, *, dated: bool = True) -> list[Part]:
    """' (last visited Mar. 2, 2015)' (R18.2.2), for a web page whose citation gives no date to
    the day (`dated`: whether it prints the published date at all)."""
    day = dated and source.published is not None and format_date(source.published).count(",") > 0
    if source.kind is not SourceKind.WEB_PAGE or source.retrieved is None or day:
        return []
    return [r(" (last visited "), *ctx.value(format_date(source.retrieved), (source, "retrieved")), r(")")]


def _volume(source: Source, ctx: Context) -> list[Part]:
    """A book in volumes starts with the volume cited (R15.1: '1 Melville B. Nimmer & ...')."""
    return [*ctx.value(source.volume, (source, "volume")), r(" ")] if source.volume else []


def _consecutive(source: Source, ctx: Context, pin: str | None) -> list[Part]:
    """A journal paginated through its volume (R30.1): ', 103 Yale L.J. 463, 465 (1993)', then
    its address when it has one (R30.4.2)."""
    style = SMALL_CAPS if ctx.options.small_caps else ROMAN
    journal = ctx.value(periodical_name(source.publication or ""), (source, "publication"), style=style)
    page = [*ctx.value(source.page or "", (source, "page")), r(f", {pin}" if pin else "")]
    dated = ctx.value(format_date(source.published), (source, "published"))
    parts = [r(", "), *ctx.value(source.volume or "", (source, "volume")), r(" "), *journal, r(" "), *page]
    parts += [r(" ("), *dated, r(")")] if dated else []
    return [*parts, *([r(", "), *ctx.value(source.url, (source, "url"))] if source.url else [])]


def _book_tail(source: Source, ctx: Context, pin: str | None, *, numbered: bool = False) -> list[Part]:
    """R15: the page after the title, then (editors, translators, publisher, edition and year),
    then the original's year for a translation (R15.2, R28.2.5). A report says its number
    before a page (', S. Rep. No. 106-261, at 441') and its date as precise as it is given."""
    published = (source, "published")
    number = [r(", "), *ctx.value(source.number, (source, "number"))] if source.number and not numbered else []
    after_number = numbered or bool(number)
    at = (_source_at(pin) if after_number else " ") if pin else ""
    inside: list[list[Part]] = []
    if source.editors:
        word = " eds." if len(source.editors) > 1 else " ed."
        inside.append([*ctx.value(join_names(list(source.editors)), (source, "editors")), r(word)])
    if source.translators:
        inside.append(_translated(source, ctx))
    report = source.kind is SourceKind.OTHER
    when = (
        ctx.value(format_date(source.published), published) if report else ctx.dated(year(source.published), published)
    )
    edition = ctx.value(edition_words(source.edition), (source, "edition")) if source.edition else []
    publisher = ctx.value(source.publisher or "", (source, "publisher"))
    last = [
        part
        for n, piece in enumerate(p for p in (publisher, edition, when) if p)
        for part in [*([r(" ")] if n else []), *piece]
    ]
    inside.append(last)
    said = [part for n, each in enumerate(e for e in inside if e) for part in ([r(", ")] if n else []) + each]
    pinned_at = [r(at)] if after_number else [r(at), *_pin_parts(pin)]
    tail = [*number, *pinned_at, *([r(" ("), *said, r(")")] if said else [])]
    original = _original(source, ctx)
    if original is not None and original.published is not None:
        when = ctx.dated(year(original.published), (source, "translation_of"), (original, "published"))
        tail += [r(" ("), *when, r(")")]
    elif source.original_published is not None:  # the original's year without a record of it
        tail += [r(" ("), *ctx.value(year(source.original_published), (source, "original_published")), r(")")]
    return tail


def _translated(source: Source, ctx: Context) -> list[Part]:
    """'Ana Souza trans.' (R28.2.5)."""
    return [*ctx.value(join_names(list(source.translators)), (source, "translators")), r(" trans.")]


def _original(source: Source, ctx: Context) -> Source | None:
    if source.translation_of is None or ctx.records is None or source.translation_of not in ctx.records:
        return None
    return ctx.records.get(source.translation_of, Source)


def _untitled_source(source: Source, ctx: Context, lead: list[Part]) -> list[Part]:
    """A source whose title is not known: its publication, and (in parentheses) the citation of
    what it translates. A chain of untitled translations is followed in a loop, each inside the
    parentheses of the one before; a chain that comes back to itself is refused (R004)."""
    parts: list[Part] = []
    seen = [source.id]
    opened = 0
    while True:
        language = LANGUAGE_NAMES.get((source.language or "").split("-")[0], source.language or "")
        parts += [*lead, *named_by(source, ctx)]
        original = _original(source, ctx)
        if original is None:
            if source.url:
                # Its date is not printed here, so only the visit can date it.
                parts += [r(", "), *ctx.value(source.url, (source, "url")), *_last_visited(source, ctx, dated=False)]
            break
        spoken = [*ctx.value(language, (source, "language")), r(" ")] if language else []
        parts += [r(" ("), *spoken, *ctx.value("translation of", (source, "translation_of")), r(" ")]
        opened += 1
        if original.id in seen:
            circle = circle_text(seen[seen.index(original.id) :])
            raise ResolutionError(
                f"{where(ctx.records, seen[0])}source {seen[0]!r} cannot be cited: its translations come back"
                f" to where they start ({circle}); `evidence check` reports it as R004"
            )
        if not _untitled(original):
            parts += cite_source(original, ctx, Form.FULL, None)
            break
        seen.append(original.id)
        source, lead = original, _lead(original, ctx)
    return [*parts, *[r(")")] * opened]


def supra_author(source: Source) -> str | None:
    """The author(s) a source's supra names: two works whose supras name the same are told
    apart by their short titles (R15.8)."""
    surname = _surname_of(source)
    return surname[0] if surname else None


def _surname_of(source: Source) -> tuple[str, str] | None:
    """The authors' surnames a short form names (R15.8, R30.3: 'Nimmer & Nimmer', 'Lilly et al.'),
    or the institution, and the field they are read from."""
    if source.authors:
        return join_names([parse_name(a).family for a in source.authors]), "authors"
    return (source.institution, "institution") if source.institution else None


def _short_title(source: Source, ctx: Context) -> list[Part]:
    """'Bridging The Gap, ': the short title of an author's work among several (R15.8), spelt
    as the full citation spells it when it is the title's first words."""
    short = source.short_title
    if short is None or not ctx.several_works:
        return []
    title = _cased(source, source.title or "")
    if title.casefold().startswith(short.casefold()):
        short = title[: len(short)]
    return [*ctx.value(short, (source, "short_title"), style=ITALIC), r(", ")]


def supra(source: Source, ctx: Context, note: int | None, pin: str | None) -> list[Part]:
    surname = _surname_of(source)
    if surname:
        head = [*ctx.value(surname[0], (source, surname[1])), r(", "), *_short_title(source, ctx)]
    elif source.title:
        head = [*_titled(source, ctx, _cased(source, source.title), ITALIC), r(", ")]
    else:
        head = [*named_by(source, ctx), r(", ")]
    tail = f" note {note}" if note is not None else ""
    return [*head, i("supra"), r(f"{tail}{_source_at(pin_range(pin) if pin else pin)}")]
