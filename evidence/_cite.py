"""Citations: Bluebook-style legal citations (as restated by the Indigo Book), the court's own
ECF form, APA 7 and Chicago 17, for every citable record.

Each style builds a `Citation`: a sequence of parts, each roman, italic or small caps. Plain
text, Markdown and HTML are three renderings of the same parts. Rule numbers in comments are the
Indigo Book's (R = rule, T = table) unless they name another manual.
"""

from __future__ import annotations

import enum
import functools
import html
import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

import attrs

from evidence._errors import UsageError
from evidence._labels import ecf_designation
from evidence._model import (
    Actor,
    AttestationKind,
    Case,
    Claim,
    Date,
    DateInterval,
    DateValue,
    Decision,
    EvidenceRole,
    Exhibit,
    Filing,
    FilingKind,
    Message,
    Record,
    Source,
    SourceKind,
)

if TYPE_CHECKING:
    from evidence._recordset import RecordSet


class Style(enum.Enum):
    BLUEBOOK = "bluebook"
    ECF = "ecf"
    APA = "apa"
    CHICAGO = "chicago"


class Form(enum.Enum):
    FULL = "full"  # APA: the reference-list entry; Chicago: the full note
    SHORT = "short"  # APA: the in-text citation; Chicago: the short note
    ID = "id"
    SUPRA = "supra"
    BIBLIOGRAPHY = "bibliography"  # Chicago's bibliography entry


class Markup(enum.Enum):
    TEXT = "text"
    MARKDOWN = "markdown"
    HTML = "html"


@attrs.frozen(kw_only=True)
class BluebookOptions:
    """The points where the Indigo Book and Bluebook practice differ, as named choices.

    The defaults follow the Indigo Book; `BluebookOptions.bluepages()` gives the Bluebook's
    practitioners' practice (Bluepages B17).
    """

    period_inside_parentheses: bool = False  # Indigo: "(Resp. Br. 18)."; B17: "(Compl. ¶ 14, ECF No. 1.)"
    drop_prepositions: bool = False  # Indigo keeps "for" in "Mot. for Summ. J."; practice often drops it
    roman_case_names: bool = False  # law-review footnotes set case names in roman type
    small_caps: bool = False  # law-review footnotes set book authors and titles and periodicals in small caps

    @classmethod
    def bluepages(cls) -> BluebookOptions:
        return cls(period_inside_parentheses=True, drop_prepositions=True)

    @classmethod
    def law_review(cls) -> BluebookOptions:
        """The typefaces of law-review footnotes (Bluebook R2.1): case names roman; books'
        authors and titles, and the names of periodicals, in large and small capitals."""
        return cls(roman_case_names=True, small_caps=True)


# Look-ups by value, so that citing in a loop does not pay for enum construction.
_STYLES: dict[object, Style] = {**{s.value: s for s in Style}, **{s: s for s in Style}}
_FORMS: dict[object, Form] = {**{f.value: f for f in Form}, **{f: f for f in Form}}
_MARKUPS: dict[object, Markup] = {**{m.value: m for m in Markup}, **{m: m for m in Markup}}
_DEFAULT_OPTIONS = BluebookOptions()

ROMAN, ITALIC, SMALL_CAPS = "roman", "italic", "small-caps"
Part = tuple[str, str]


@attrs.frozen
class Citation:
    """A citation as parts of text, each roman, italic or small caps."""

    parts: tuple[Part, ...]

    def render(self, markup: Markup | str = Markup.TEXT) -> str:
        markup = _MARKUPS.get(markup) or Markup(markup)
        if markup is Markup.TEXT:  # plain text has no styles to merge
            return "".join([text for text, _ in self.parts])
        merged: list[Part] = []
        for text, style in self.parts:
            if not text:
                continue
            if merged and merged[-1][1] == style:
                merged[-1] = (merged[-1][0] + text, style)
            else:
                merged.append((text, style))
        if markup is Markup.MARKDOWN:
            return "".join(_markdown(text, style) for text, style in merged)
        return "".join(_html(text, style) for text, style in merged)

    def __str__(self) -> str:
        return self.render()


def _markdown(text: str, style: str) -> str:
    # Underscores inside words (Bates numbers) start no emphasis; only those at word edges do.
    escaped = re.sub(r"([*\\`\[\]]|(?<![A-Za-z0-9])_|_(?![A-Za-z0-9]))", r"\\\1", text)
    if style != ITALIC or not text.strip():
        return escaped  # Markdown has no small capitals: they are written as plain text
    # Emphasis may not start or end with white space in Markdown: keep that outside the stars.
    lead, core, trail = re.fullmatch(r"(\s*)(.*?)(\s*)", escaped, re.DOTALL).groups()  # type: ignore[union-attr]
    return f"{lead}*{core}*{trail}"


def _html(text: str, style: str) -> str:
    escaped = html.escape(text, quote=False)
    if style == ITALIC:
        return f"<i>{escaped}</i>"
    if style == SMALL_CAPS:
        return f'<span style="font-variant: small-caps">{escaped}</span>'
    return escaped


def r(text: str) -> Part:
    return (text, ROMAN)


def i(text: str) -> Part:
    return (text, ITALIC)


# -- words and names --------------------------------------------------------------------------

# R8: articles, conjunctions and prepositions of four letters or fewer stay lowercase in titles.
_SMALL_WORDS: frozenset[str] = frozenset(
    "a an the and but for nor or so yet as at by down for from in into like near of off on onto out over "
    "past per than to up upon via with".split()
)
# Chicago 17 (8.159) lowercases every preposition, whatever its length.
_LONG_PREPOSITIONS: frozenset[str] = frozenset(
    "about above across after against along among around before behind below beneath "
    "beside between beyond during except inside outside since through throughout toward "
    "towards under underneath until within without".split()
)


@functools.lru_cache(maxsize=4096)
def title_case(title: str, *, lower_all_prepositions: bool = False) -> str:
    """Headline case: major words capitalized, short function words lowercase unless first or
    last. A word with a capital after its first letter ("OpenAI", "GPT-4", "iPhone", "OK",
    "AI") is kept as written."""
    words = title.split(" ")
    last = len(words) - 1
    while last > 0 and not words[last]:
        last -= 1
    small_words = _SMALL_WORDS | _LONG_PREPOSITIONS if lower_all_prepositions else _SMALL_WORDS
    after_colon = True
    for n, word in enumerate(words):
        bare = word if word.isalpha() else word.strip(_PUNCTUATION)
        rest = bare[1:]
        if bare and rest == rest.lower():  # no capital inside: the case is ours to set
            lower = bare.lower()
            small = lower in small_words and not after_colon and n != last
            fixed = lower if small else bare[0].upper() + rest
            if fixed != bare:
                words[n] = fixed if bare is word else word.replace(bare, fixed, 1)
        after_colon = word[-1:] == ":"
    return " ".join(words)


_PUNCTUATION = "\"'“”‘’(),.;:!?"


def sentence_case_first(title: str) -> str:
    """APA keeps the title as published in sentence case; only the first letter is raised."""
    return title[:1].upper() + title[1:]


@attrs.frozen
class Name:
    given: str
    family: str

    @property
    def full(self) -> str:
        return f"{self.given} {self.family}".strip()

    @property
    def initials(self) -> str:
        return " ".join(f"{part[0]}." for part in re.split(r"[\s]+", self.given) if part)


def parse_name(text: str, family: str | None = None) -> Name:
    """'Kyle Wiggers' or 'García Márquez, Gabriel' (family first, after a comma)."""
    if family is not None:
        return Name(given=text.removesuffix(family).strip(), family=family)
    if "," in text:
        family_part, given_part = (part.strip() for part in text.split(",", 1))
        return Name(given=given_part, family=family_part)
    *given_names, last = text.split() or [""]
    return Name(given=" ".join(given_names), family=last)


def _actor_name(actor: Actor) -> Name:
    return parse_name(actor.name, actor.family_name) if actor.kind.value == "person" else Name("", actor.name)


def _join_names(names: Sequence[str]) -> str:
    """Two authors joined by '&'; three or more: the first, et al. (R28.1 for books, R30 for articles)."""
    if len(names) <= 2:
        return " & ".join(names)
    return f"{names[0]} et al."


# T6/T11: words abbreviated in case names in citation sentences.
_CASE_WORDS = {
    "Incorporated": "Inc.",
    "Company": "Co.",
    "Corporation": "Corp.",
    "International": "Int'l",
    "Technology": "Tech.",
    "Technologies": "Techs.",
    "Association": "Ass'n",
    "Limited": "Ltd.",
    "Brothers": "Bros.",
    "Number": "No.",
    "Department": "Dep't",
    "Government": "Gov't",
    "National": "Nat'l",
    "University": "Univ.",
    "Laboratory": "Lab'y",
    "Manufacturing": "Mfg.",
    "Services": "Servs.",
    "Systems": "Sys.",
    "Communications": "Commc'ns",
    "Insurance": "Ins.",
    "Entertainment": "Ent.",
    "Publishing": "Publ'g",
    "America": "Am.",
    "American": "Am.",
}
# R11.4: in textual sentences only these are abbreviated.
_TEXTUAL_WORDS = {
    "Association": "Ass'n",
    "Brothers": "Bros.",
    "Company": "Co.",
    "Corporation": "Corp.",
    "Incorporated": "Inc.",
    "Limited": "Ltd.",
    "Number": "No.",
}
_BUSINESS = re.compile(r"\b(Inc|Co|Corp|Ltd|LLC|L\.L\.C|LLP|L\.P|LP|N\.A|S\.A|GmbH|PLC|Bros)\.?(?=\W|$)")


@functools.lru_cache(maxsize=4096)  # the same cases are cited again and again
def abbreviate_case_name(name: str, *, textual: bool = False) -> str:
    words = _TEXTUAL_WORDS if textual else _CASE_WORDS
    return re.sub(r"\b[A-Z][a-z]+\b", lambda m: words.get(m.group(), m.group()), name)


def _party_name(party: str) -> str:
    """One side of a caption, cut to what a case name keeps (R11.5)."""
    party = re.sub(r",?\s+et\s+al\.?", "", party, flags=re.IGNORECASE).strip(" ,")
    party = re.sub(
        r",?\s+(Plaintiffs?|Defendants?|Appellants?|Appellees?|Petitioners?|Respondents?)(-[A-Za-z]+)?\.?\s*$",
        "",
        party,
        flags=re.IGNORECASE,
    ).strip(" ,")
    if party.isupper():
        party = " ".join(_recase(word) for word in party.split())
    # R10.2.1: "United States" stays whole; "State of California" is "California".
    if party.casefold() in ("united states", "united states of america"):
        return "United States"
    government = re.fullmatch(r"(?:the )?(?:people of the )?(?:state|commonwealth) of (.+)", party, re.IGNORECASE)
    if government:
        return government.group(1)
    # R11.5.6: drop "Inc." and the like when the name already shows it is a business.
    match = re.fullmatch(r"(.*\b(?:Co|Corp|Ltd|Bros)\.),\s*Inc\.", party)
    if match:
        return match.group(1)
    if _BUSINESS.search(party) or len(party.split()) != 2:
        return party
    return party.split()[-1]  # a person: the surname only (R11.5.1)


def _recase(word: str) -> str:
    if word.rstrip(".,") in ("LLC", "LLP", "LP", "USA", "NA", "N.A.", "PLC"):
        return word
    return "-".join(part[:1] + part[1:].lower() for part in word.split("-"))


def case_name_from_caption(caption: str) -> str:
    """'RICHARD KADREY, et al. v. META PLATFORMS, INC.' → 'Kadrey v. Meta Platforms, Inc.' (R11)."""
    sides = re.split(r"\s+(?:v\.|vs\.?|V\.)\s+", caption, maxsplit=1)
    if len(sides) != 2:
        return caption
    return f"{_party_name(sides[0])} v. {_party_name(sides[1])}"


# T18 (and T6): words abbreviated in the titles of court documents.
_DOCUMENT_WORDS = {
    "plaintiff's": "Pl.'s", "plaintiffs'": "Pls.'", "plaintiff": "Pl.", "plaintiffs": "Pls.",
    "defendant's": "Def.'s", "defendants'": "Defs.'", "defendant": "Def.", "defendants": "Defs.",
    "motion": "Mot.", "memorandum": "Mem.", "amended": "Am.", "declaration": "Decl.", "exhibit": "Ex.",
    "opposition": "Opp'n", "response": "Resp.", "summary": "Summ.", "judgment": "J.", "supplement": "Supp.",
    "supplemental": "Supp.", "transcript": "Tr.", "deposition": "Dep.", "request": "Req.",
    "preliminary": "Prelim.", "injunction": "Inj.", "attorney": "Att'y", "attorneys": "Att'ys",
    "attorney's": "Att'y's", "complaint": "Compl.", "brief": "Br.", "affidavit": "Aff.", "answer": "Answer",
    "interrogatory": "Interrog.", "interrogatories": "Interrogs.", "objection": "Obj.", "objections": "Objs.",
    "stipulation": "Stip.", "application": "Appl.", "administrative": "Admin.",
    "certificate": "Cert.", "certification": "Certification", "proposed": "Proposed", "partial": "Partial",
}  # fmt: skip
# Prepositions and articles Bluebook practice drops ("Mot. Summ. J."); "to" before a verb stays.
_DOCUMENT_SMALL = frozenset({"of", "for", "in", "on", "the", "a", "an"})
_KIND_TITLES = {
    FilingKind.COMPLAINT: "Compl.",
    FilingKind.ANSWER: "Answer",
    FilingKind.MOTION: "Mot.",
    FilingKind.OPPOSITION: "Opp'n",
    FilingKind.REPLY: "Reply",
    FilingKind.BRIEF: "Br.",
    FilingKind.DECLARATION: "Decl.",
    FilingKind.ORDER: "Order",
    FilingKind.OPINION: "Op.",
    FilingKind.JUDGMENT: "J.",
    FilingKind.STIPULATION: "Stip.",
    FilingKind.NOTICE: "Notice",
    FilingKind.LETTER: "Letter",
    FilingKind.TRANSCRIPT: "Tr.",
}


def abbreviate_document_title(title: str, *, drop_prepositions: bool = False) -> str:
    """'Plaintiffs' Motion for Leave to File Third Amended Complaint' →
    "Pls.' Mot. for Leave to File Third Am. Compl." (T18); "Reply", "Order" stay whole."""
    out = []
    for word in title.split():
        key = word.lower().replace("’", "'")
        if key in _DOCUMENT_WORDS:
            out.append(_DOCUMENT_WORDS[key])
        elif drop_prepositions and key in _DOCUMENT_SMALL and out:
            continue
        else:
            out.append(word)
    return " ".join(out)


# -- dates ------------------------------------------------------------------------------------

_NO_DATE = Date(year=1).earliest  # undated entries sort first among an author's works
_T17 = ["Jan.", "Feb.", "Mar.", "Apr.", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."]
_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"]  # fmt: skip


def _point(value: DateValue | None) -> Date | None:
    if isinstance(value, DateInterval):
        return value.start or value.end
    return value


def format_date(
    value: DateValue | None, *, months: Sequence[str] = _T17, time: bool = False, zone: bool = False
) -> str:
    """'Jan. 13, 2025' (T17), 'Oct. 2023' for a month, '2023' for a year; 'c.' when approximate.
    With `time`, the time of day the value gives ('12:14 PM'), and with `zone` its zone ('PDT')."""
    date = _point(value)
    if date is None:
        return ""
    if date.month is None:
        text = str(date.year)
    elif date.day is None:
        text = f"{months[date.month - 1]} {date.year}"
    else:
        text = f"{months[date.month - 1]} {date.day}, {date.year}"
    if time and date.has_time:
        local = date.to_datetime()
        text += f", {local.hour % 12 or 12}:{local.minute:02d} {'AM' if local.hour < 12 else 'PM'}"
        if zone:
            text += f" {local.tzname()}"
    if date.approximate:
        text = f"c. {text}"
    if date.uncertain:
        text += "?"
    return text


def _year(value: DateValue | None) -> str:
    date = _point(value)
    return str(date.year) if date is not None else "n.d."


# -- resolving what a citation needs ----------------------------------------------------------


@attrs.frozen(kw_only=True)
class _Context:
    records: RecordSet | None
    options: BluebookOptions
    in_case: str | None

    def need(self, what: str) -> RecordSet:
        if self.records is None:
            raise UsageError(f"citing {what} needs the record set: pass records=")
        return self.records


def _case_name(case: Case) -> str:
    return abbreviate_case_name(case.name or case_name_from_caption(case.caption))


def _case_parts(case: Case, ctx: _Context) -> list[Part]:
    name = _case_name(case)
    return [r(name) if ctx.options.roman_case_names else i(name)]


def _court(case: Case, ctx: _Context) -> str:
    records = ctx.need("a case")
    court = records.court_of(case)
    return court.citation or court.name or case.court


def _find_decision(case: Case, decision: Any) -> Decision:
    if isinstance(decision, int) and not isinstance(decision, bool):
        try:
            return case.decisions[decision]
        except IndexError:
            raise UsageError(f"case {case.id!r} has {len(case.decisions)} decisions, not {decision + 1}") from None
    for candidate in case.decisions:
        if decision in (candidate.cite, str(candidate.date), candidate.filing):
            return candidate
    raise UsageError(f"case {case.id!r} has no decision {decision!r}")


def _pin_after_title(pin: str | None) -> str:
    return f" {pin}" if pin else ""


def _at(pin: str | None) -> str:
    """', at 3' for a page, ' ¶ 12' for a paragraph."""
    if not pin:
        return ""
    return f" {pin}" if pin.startswith("¶") else f", at {pin}"


def _filing_title(filing: Filing, ctx: _Context) -> str:
    if filing.short_title:
        return filing.short_title
    if filing.title:
        return abbreviate_document_title(filing.title, drop_prepositions=ctx.options.drop_prepositions)
    if filing.kind is not None and filing.kind in _KIND_TITLES:
        return _KIND_TITLES[filing.kind]
    return "Filing"


def _ecf(filing: Filing, exhibit: Exhibit | None = None) -> str:
    return ecf_designation(filing, exhibit) or ""


def _other_case(case: Case, date: DateValue | None, ctx: _Context) -> list[Part]:
    """', Kadrey v. Meta Platforms, Inc., No. 3:23-cv-03417-VC (N.D. Cal. Jan. 8, 2025)' (R25.2)."""
    when = format_date(date)
    court = _court(case, ctx)
    return [r(", "), *_case_parts(case, ctx), r(f", No. {case.docket_number} ({court}{' ' + when if when else ''})")]


# -- Bluebook ---------------------------------------------------------------------------------


def _bluebook_case(case: Case, ctx: _Context, form: Form, pin: str | None, decision: Any) -> list[Part]:
    chosen = _find_decision(case, decision) if decision is not None else None
    if form is Form.SHORT:
        short = case.short_name or _case_name(case).split(" v. ")[0]
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
        parts.append(r(f", {_ecf(filing)}"))  # B17: the docket entry last
    return parts


def _bluebook_filing(filing: Filing, ctx: _Context, form: Form, pin: str | None, style: Style) -> list[Part]:
    if style is Style.ECF:
        return [r(f"{_ecf(filing)}{' at ' + pin if pin else ''}")]
    parts = [r(f"{_filing_title(filing, ctx)}{_pin_after_title(pin)}")]
    if _outside(filing, ctx, form):
        case = ctx.need("a filing of another case").get(filing.case, Case)
        parts += _other_case(case, filing.filed, ctx)
    if filing.ecf is not None:
        parts.append(r(f", {_ecf(filing)}"))
    return parts


def _outside(filing: Filing, ctx: _Context, form: Form) -> bool:
    """Cited from outside its case (R25.2): the case goes in the citation, unless a short form."""
    return form is Form.FULL and ctx.in_case != filing.case


def _bluebook_exhibit(exhibit: Exhibit, ctx: _Context, form: Form, pin: str | None, style: Style) -> list[Part]:
    filing = ctx.need("an exhibit").get(exhibit.filing, Filing)
    if style is Style.ECF:
        return [r(f"{_ecf(filing, exhibit)}{' at ' + pin if pin else ''}")]
    label = f"Ex. {exhibit.label}" if exhibit.label else (exhibit.title or "Ex.")
    # R24.2.3: a comma after the exhibit reference, before its pinpoint.
    parts = [r(f"{label}{_at(pin)}")]
    if _outside(filing, ctx, form):
        case = ctx.need("an exhibit of another case").get(filing.case, Case)
        parts += _other_case(case, filing.filed, ctx)
    ecf = _ecf(filing, exhibit)
    if ecf:
        parts.append(r(f", {ecf}"))
    return parts


_CHANNEL_WORDS = {"chat": "Chat message", "email": "E-mail", "sms": "Text message", "memo": "Memorandum",
                  "letter": "Letter", "other": "Message"}  # fmt: skip


def _message_people(message: Message, ctx: _Context) -> tuple[str, str]:
    records = ctx.need("a message")
    sender = records.resolve(message, "sender").name if message.sender else (message.sender_description or "")
    recipients = [actor.name for actor in records.resolve(message, "recipients")]
    return sender, _join_names(recipients) if len(recipients) <= 2 else ", ".join(recipients)


def _bluebook_message(message: Message, ctx: _Context, form: Form, pin: str | None, style: Style) -> list[Part]:
    """R17's pattern for unpublished correspondence, then where the message can be found."""
    records = ctx.need("a message")
    sender, recipients = _message_people(message, ctx)
    kind = _CHANNEL_WORDS[message.channel.value if message.channel else "other"]
    text = kind + (f" from {sender}" if sender else "") + (f" to {recipients}" if recipients else "")
    when = format_date(message.sent, time=True, zone=True)  # R17: the time zone of a sent time
    parts = [r(f"{text}{' (' + when + ')' if when else ''}")]
    exhibit = records.exhibit_of(message)
    if exhibit is not None:
        where = _bluebook_exhibit(exhibit, ctx, form, pin, style)
        return [*parts, r(" ("), *where, r(")")]
    filing = records.filing_of(message)
    if filing is not None and message.confidence_of("filing").value == "confirmed":
        return [*parts, r(" ("), *_bluebook_filing(filing, ctx, form, pin, style), r(")")]
    reported = [a for a in message.attestations if a.kind is AttestationKind.VERBATIM]
    if reported:
        source = records.get(reported[0].source, Source)
        # R1.6: a related authority, introduced by an italic phrase.
        return [*parts, r(", "), i("quoted in"), r(" "), *_bluebook_source(source, ctx, Form.FULL, None)]
    return parts


def _authors(source: Source) -> str:
    return _join_names([parse_name(a).full for a in source.authors])


def _bluebook_source(source: Source, ctx: _Context, form: Form, pin: str | None) -> list[Part]:
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
            inside.append(f"{_join_names(list(source.translators))} trans.")
        publisher_year = " ".join(p for p in (source.publisher, _year(source.published)) if p)
        inside.append(publisher_year)
        tail = f" ({', '.join(inside)})"
        original = _original(source, ctx)
        if original is not None and original.published is not None:
            tail += f" ({_year(original.published)})"
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


def _original(source: Source, ctx: _Context) -> Source | None:
    if source.translation_of is None or ctx.records is None or source.translation_of not in ctx.records:
        return None
    return ctx.records.get(source.translation_of, Source)


_LANGUAGE_NAMES = {"pt": "Portuguese", "es": "Spanish", "fr": "French", "de": "German", "it": "Italian",
                   "en": "English", "zh": "Chinese", "ja": "Japanese"}  # fmt: skip


def _in_language(source: Source) -> str:
    language = _LANGUAGE_NAMES.get((source.language or "").split("-")[0])
    return f" in {language}" if language and language != "English" else ""


def _untitled_source(source: Source, ctx: _Context, lead: list[Part]) -> list[Part]:
    """A source whose title is not known: its publication, and what it translates."""
    name = source.publication or source.publisher or source.id
    language = _LANGUAGE_NAMES.get((source.language or "").split("-")[0], source.language or "")
    parts = [*lead, r(name)]
    original = _original(source, ctx)
    if original is not None:
        parts += [
            r(f" ({language + ' ' if language else ''}translation of "),
            *_bluebook_source(original, ctx, Form.FULL, None),
            r(")"),
        ]
    elif source.url:
        parts.append(r(f", {source.url}"))
    return parts


def _surname_of(source: Source) -> str | None:
    return parse_name(source.authors[0]).family if source.authors else None


def _bluebook_supra(source: Source, note: int | None, pin: str | None) -> list[Part]:
    surname = _surname_of(source)
    if surname:
        head = [r(f"{surname}, ")]
    elif source.title:
        head = [i(title_case(source.title)), r(", ")]
    else:
        head = [r(f"{source.publication or source.publisher or source.id}, ")]
    tail = f" note {note}" if note is not None else ""
    return [*head, i("supra"), r(f"{tail}{', at ' + pin if pin else ''}")]


# -- APA 7 and Chicago 17 ---------------------------------------------------------------------


def _apa_authors(source: Source) -> str:
    names = [parse_name(a) for a in source.authors]
    written = [f"{n.family}, {n.initials}".strip(", ") for n in names]
    if len(written) <= 1:
        return "".join(written)
    if len(written) <= 20:
        return ", ".join(written[:-1]) + f", & {written[-1]}"
    return ", ".join(written[:19]) + f", . . . {written[-1]}"


def _apa_date(value: DateValue | None) -> str:
    date = _point(value)
    if date is None:
        return "n.d."
    if date.month is None:
        return str(date.year)
    if date.day is None:
        return f"{date.year}, {_MONTHS[date.month - 1]}"
    return f"{date.year}, {_MONTHS[date.month - 1]} {date.day}"


def _apa_source(source: Source, form: Form, pin: str | None) -> list[Part]:
    if form is Form.SHORT:
        names = [parse_name(a).family for a in source.authors]
        if not names:  # no author: the title (or, untitled, the publication) stands in (APA 8.14)
            who = f"“{sentence_case_first(source.title)}”" if source.title else (source.publication or source.id)
        elif len(names) <= 2:
            who = " & ".join(names)
        else:
            who = f"{names[0]} et al."
        return [r(f"({who}, {_year(source.published)}{', p. ' + pin if pin else ''})")]
    authors = _apa_authors(source)
    # A periodical article (a printed newspaper page, a journal): title roman, periodical
    # italic, then the page (APA 10.1). An article on an online-only news site takes the
    # web-page form below: title italic, site roman.
    if source.title and (
        source.kind is SourceKind.JOURNAL_ARTICLE or (source.kind is SourceKind.NEWS_ARTICLE and source.page)
    ):
        head = f"{authors} ({_apa_date(source.published)}). " if authors else ""
        parts = [r(f"{head}{sentence_case_first(source.title)}. "), i(source.publication or "")]
        parts.append(r(f", {source.page}." if source.page else "."))
        if source.url:
            parts.append(r(f" {source.url}"))
        return parts
    # An untitled work is described in square brackets (APA 9.21).
    untitled = f"[Untitled {source.kind.value.replace('_', ' ')}{_in_language(source)}]"
    title = sentence_case_first(source.title) if source.title else untitled
    if not authors and source.title:  # no author: the title moves to the author position (APA 9.12)
        parts = [i(title), r(f". ({_apa_date(source.published)}).")]
    elif not authors:  # nor a title: the publication is the author, the description follows
        parts = [r(f"{source.publication or source.publisher or source.id}. ({_apa_date(source.published)}). {title}.")]
    else:
        parts = [r(f"{authors} ({_apa_date(source.published)}). "), i(title), r(".")]
    if source.kind is SourceKind.BOOK:
        if source.publisher:
            parts.append(r(f" {source.publisher}."))
    elif source.publication and source.title and source.publication != title:
        parts.append(r(f" {source.publication}."))
    if source.url:
        parts.append(r(f" {source.url}"))  # no period after a URL (APA 9.35)
    return parts


def _chicago_source(source: Source, form: Form, pin: str | None) -> list[Part]:
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
    when = format_date(source.published, months=_MONTHS)
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
            tail = ". ".join(p for p in (source.publisher, _year(source.published)) if p)
            return [*head, i(title or ""), r(f". {tail}." if tail else ".")]
        parts = [
            *head,
            r(f'"{title}." ') if title else r(""),
            _chicago_publication(source),
            r(f", {when}." if when else "."),
        ]
        if source.url:
            parts.append(r(f" {source.url}."))
        return parts
    who = _join_names([n.full for n in names]).replace(" & ", " and ")
    head = [r(f"{who}, ")] if who else []
    if book:
        inside = ", ".join(p for p in (source.publisher, _year(source.published)) if p)
        return [*head, i(title or ""), r(f" ({inside}){', ' + pin if pin else ''}.")]
    parts = [*head]
    if title:
        parts.append(r(f'"{title}," '))
    parts.append(_chicago_publication(source))
    parts.append(r(f", {when}" if when else ""))
    parts.append(r(f", {source.url}" if source.url else ""))
    parts.append(r(f", {pin}." if pin else "."))
    return parts


def _chicago_publication(source: Source) -> Part:
    """Newspapers and journals are italic; the names of web sites stay roman (CMOS 14.206)."""
    name = source.publication or ""
    return i(name) if source.kind in (SourceKind.NEWS_ARTICLE, SourceKind.JOURNAL_ARTICLE) else r(name)


def _personal_communication(message: Message, ctx: _Context, style: Style) -> list[Part]:
    """APA 8.9 (in-text only) and Chicago 14.214 (notes only) for unpublished messages."""
    sender, recipients = _message_people(message, ctx)
    if style is Style.APA:
        records = ctx.need("a message")
        name = _actor_name(records.resolve(message, "sender")) if message.sender else None
        who = f"{name.initials} {name.family}".strip() if name is not None else sender
        when = format_date(message.sent, months=_MONTHS) or "n.d."
        return [r(f"({who}, personal communication, {when})")]
    kind = _CHANNEL_WORDS[message.channel.value if message.channel else "other"].lower()
    when = format_date(message.sent, months=_MONTHS)
    text = ", ".join(p for p in (sender, f"{kind} to {recipients}" if recipients else kind, when) if p)
    return [r(text[:1].upper() + text[1:] + ".")]


# -- the entry point --------------------------------------------------------------------------


_CITABLE = (Case, Filing, Exhibit, Message, Source, Claim)


def _parts(
    record: Record,
    style: Style,
    form: Form,
    pin: str | None,
    ctx: _Context,
    decision: Any,
    note: int | None,
) -> tuple[list[Part], bool]:
    """The parts of one citation, and whether they already end the sentence."""
    if not isinstance(record, _CITABLE):
        raise UsageError(f"{record.KIND} records are not cited; cite a case, filing, exhibit, message, source or claim")
    if form is Form.ID and style is Style.CHICAGO:
        return [r("Ibid." if not pin else f"Ibid., {pin}.")], True  # CMOS 14.34
    if form is Form.ID and style is not Style.APA:
        if pin:
            return ([i("Id."), r(f" {pin}" if pin.startswith("¶") else f" at {pin}")], False)
        return [i("Id.")], False
    if isinstance(record, Claim):
        return _claim_parts(record, style, ctx), style is Style.APA
    if style is Style.APA and form in (Form.ID, Form.SUPRA):
        form = Form.SHORT  # APA has neither id. nor supra: the in-text citation again
    if style is Style.CHICAGO and form is Form.SUPRA:
        form = Form.SHORT  # Chicago's short note stands where Bluebook has supra
    if style in (Style.APA, Style.CHICAGO):
        if isinstance(record, Source):
            parts = _apa_source(record, form, pin) if style is Style.APA else _chicago_source(record, form, pin)
            return parts, True
        if isinstance(record, Message):
            return _personal_communication(record, ctx, style), True
        if style is Style.APA and isinstance(record, Case) and form is Form.SHORT:
            when = _find_decision(record, decision).date if decision is not None else record.filed
            return [r("("), i(_case_name(record)), r(f", {_year(when)})")], True
    if form is Form.BIBLIOGRAPHY:
        form = Form.FULL  # legal materials are listed as they are cited
    if form is Form.SUPRA:
        if isinstance(record, Case):
            raise UsageError("supra is never used for cases (R15.3): use the short form")
        if isinstance(record, Source):
            return _bluebook_supra(record, note, pin), False
        form = Form.SHORT
    if isinstance(record, Case):
        return _bluebook_case(record, ctx, form, pin, decision), False
    if isinstance(record, Filing):
        return _bluebook_filing(record, ctx, form, pin, style), False
    if isinstance(record, Exhibit):
        return _bluebook_exhibit(record, ctx, form, pin, style), False
    if isinstance(record, Message):
        return _bluebook_message(record, ctx, form, pin, style), False
    if isinstance(record, Source):
        if form is Form.SHORT:
            return _bluebook_supra(record, note, pin), False
        return _bluebook_source(record, ctx, form, pin), False
    raise UsageError(f"{record.KIND} records are not cited; cite a case, filing, exhibit, message, source or claim")


# R1.2-R1.3: signals by the evidence's role, in the order their citation sentences come:
# support, then contrary authority, then background.
_SIGNALS = {EvidenceRole.SUPPORTS: None, EvidenceRole.CONTRADICTS: "but see", EvidenceRole.CONTEXT: "see generally"}


def _claim_parts(claim: Claim, style: Style, ctx: _Context) -> list[Part]:
    """The citations for a claim's evidence: one citation sentence per role, each with its
    signal; the citations of one role are joined by semicolons. APA gathers them all in one
    parenthetical in-text citation."""
    records = ctx.need("a claim's evidence")
    out: list[Part] = []
    apa = style is Style.APA
    for role, signal in _SIGNALS.items():
        links = [link for link in claim.evidence if link.role is role]
        if not links:
            continue
        if out:  # a new citation sentence (APA: the next part of the parenthetical)
            out.append(r("; " if apa else ". "))
        if signal:
            out += [i(signal.capitalize() if out and not apa else signal), r(" ")]
        for n, link in enumerate(links):
            pin = link.quote.page if link.quote is not None else None
            form = Form.SHORT if apa else Form.FULL
            parts, ends = _parts(records[link.record], style, form, pin, ctx, None, None)
            if ends:  # a note or in-text citation complete in itself: drop its own stop
                parts = _strip_stop(parts, apa)
            out += ([r("; ")] if n else []) + parts
    return [r("("), *out, r(")")] if apa else out


def _strip_stop(parts: list[Part], parentheses: bool) -> list[Part]:
    """Parts without their closing period (and, for an in-text citation, its parentheses)."""
    text, style = parts[-1]
    parts = [*parts[:-1], (text[:-1] if text.endswith(".") else text, style)]
    if parentheses and parts[0][0].startswith("(") and parts[-1][0].endswith(")"):
        parts[0] = (parts[0][0][1:], parts[0][1])
        parts[-1] = (parts[-1][0][:-1], parts[-1][1])
    return parts


def _finish(parts: list[Part], ends_sentence: bool, signal: str | None, parenthetical: str | None,
            options: BluebookOptions, in_parentheses: bool) -> list[Part]:  # fmt: skip
    if signal and parts[0][0].startswith("(") and ends_sentence:  # APA: the signal goes inside
        parts = [r("("), i(signal), r(" "), (parts[0][0][1:], parts[0][1]), *parts[1:]]
        signal = None
    if signal:
        parts = [i(signal), r(" "), *parts]
    if parenthetical:
        parts = [*parts, r(f" ({parenthetical})")]
    # A citation sentence starts with a capital (a signal or "id." included); an APA in-text
    # citation sits inside the writer's sentence and keeps its case.
    first_text, first_style = parts[0]
    if not first_text.startswith("("):
        parts[0] = (first_text[:1].upper() + first_text[1:], first_style)
    if ends_sentence:
        wrapped = parts[0][0].startswith("(")  # APA's in-text citations carry their own
        return [r("("), *parts, r(")")] if in_parentheses and not wrapped else parts
    # A citation that already ends in a period ("Id.", "Inc.") takes no second one.
    stop = "" if parts[-1][0].endswith(".") else "."
    if in_parentheses:
        return [r("("), *parts, r(f"{stop})")] if options.period_inside_parentheses else [r("("), *parts, r(").")]
    return [*parts, r(stop)]


def cite(
    record: Record,
    *,
    records: RecordSet | None = None,
    style: Style | str = "bluebook",
    form: Form | str = "full",
    pin: str | None = None,
    signal: str | None = None,
    parenthetical: str | None = None,
    markup: Markup | str = "text",
    decision: int | str | None = None,
    in_case: str | None = None,
    note: int | None = None,
    in_parentheses: bool = False,
    options: BluebookOptions | None = None,
) -> str:
    """One citation of a record, ready to paste.

    `records` resolves what the citation needs (a filing's case, a case's court, a message's
    sender). `pin` is a pinpoint as printed ("4", "¶ 12", "*2", a Bates number). `decision`
    picks a case's decision (its index, reporter cite or date). `in_case` is the id of the case
    a brief is written in: its own documents are cited without the case (R24), other cases'
    with it (R25.2). `note` is the footnote of the first full citation, for *supra*.
    """
    return citation(
        record, records=records, style=style, form=form, pin=pin, signal=signal, parenthetical=parenthetical,
        decision=decision, in_case=in_case, note=note, in_parentheses=in_parentheses, options=options,
    ).render(markup)  # fmt: skip


def citation(
    record: Record,
    *,
    records: RecordSet | None = None,
    style: Style | str = "bluebook",
    form: Form | str = "full",
    pin: str | None = None,
    signal: str | None = None,
    parenthetical: str | None = None,
    decision: int | str | None = None,
    in_case: str | None = None,
    note: int | None = None,
    in_parentheses: bool = False,
    options: BluebookOptions | None = None,
) -> Citation:
    """Like `cite`, but the `Citation` itself, to render in several markups."""
    try:
        style, form = _STYLES.get(style) or Style(style), _FORMS.get(form) or Form(form)
    except ValueError as error:
        raise UsageError(str(error)) from None
    ctx = _Context(records=records, options=options or _DEFAULT_OPTIONS, in_case=in_case)
    parts, ends = _parts(record, style, form, pin, ctx, decision, note)
    return Citation(tuple(_finish(parts, ends, signal, parenthetical, ctx.options, in_parentheses)))


# -- sequences --------------------------------------------------------------------------------


class CitationSequence:
    """The citations of one document, in order, so later ones take their short forms.

    - *Id.* only for the authority cited immediately before, never after an intervening
      different one, and at most four times in a row (R15.3, R31);
    - a case cited before: its short form (R15.2), never *supra*; in footnotes, only while the
      full citation is within the previous five notes, else the full citation again;
    - a source cited before: *supra*, with "note N" when footnotes are numbered (R31);
    - a court document or exhibit cited before: its short form, without the case.
    """

    def __init__(
        self,
        records: RecordSet | None = None,
        *,
        style: Style | str = "bluebook",
        markup: Markup | str = "text",
        footnotes: bool = True,
        in_case: str | None = None,
        options: BluebookOptions | None = None,
    ) -> None:
        self.records = records
        self.style = Style(style)
        self.markup = Markup(markup)
        self.footnotes = footnotes
        self.in_case = in_case
        self.options = options or BluebookOptions()
        self._first_note: dict[tuple[str, Any], int | None] = {}
        self._last: tuple[str, Any] | None = None
        self._ids_in_a_row = 0

    def cite(
        self,
        record: Record | str,
        *,
        note: int | None = None,
        pin: str | None = None,
        signal: str | None = None,
        parenthetical: str | None = None,
        decision: int | str | None = None,
    ) -> str:
        if isinstance(record, str):
            if self.records is None:
                raise UsageError("citing by id needs the record set")
            record = self.records[record]
        key = (record.id, decision)
        form = Form.FULL
        if self._last == key and self._ids_in_a_row < 4 and not isinstance(record, Claim):
            form = Form.ID
        elif key in self._first_note:
            first = self._first_note[key]
            if isinstance(record, Case):
                recent = not self.footnotes or note is None or first is None or note - first <= 5
                form = Form.SHORT if recent else Form.FULL
            elif isinstance(record, Source):
                form = Form.SUPRA
            elif isinstance(record, (Filing, Exhibit)):
                form = Form.SHORT
        self._ids_in_a_row = self._ids_in_a_row + 1 if form is Form.ID else 0
        # A full citation sets the note that later short forms count from (a case cited in full
        # again, after five notes, starts a new count).
        if form is Form.FULL and (key not in self._first_note or isinstance(record, Case)):
            self._first_note[key] = note
        self._last = key
        supra_note = self._first_note.get(key) if self.footnotes else None
        return cite(
            record, records=self.records, style=self.style, form=form, pin=pin, signal=signal,
            parenthetical=parenthetical, markup=self.markup, decision=decision, in_case=self.in_case,
            note=supra_note, options=self.options,
        )  # fmt: skip


def bibliography(records: Iterable[Record], *, style: Style | str = "apa", markup: Markup | str = "text",
                 record_set: RecordSet | None = None) -> list[str]:  # fmt: skip
    """Reference-list entries in the style's order: by author (or title), then year."""
    chosen = Style(style)
    form = Form.BIBLIOGRAPHY if chosen is Style.CHICAGO else Form.FULL
    entries = []
    for record in records:
        if not isinstance(record, _CITABLE) or isinstance(record, Claim):
            continue
        if chosen is not Style.BLUEBOOK and isinstance(record, Message):
            continue  # personal communications stay out of APA and Chicago reference lists
        entry = citation(record, records=record_set, style=chosen, form=form)
        plain = entry.render(Markup.TEXT)
        # Alphabetical by what leads the entry (author or title), then by date.
        lead = re.sub(r"[^\w ]", "", plain.split(" (")[0]).casefold()
        when = getattr(record, "published", None) or getattr(record, "filed", None) or getattr(record, "sent", None)
        dated = _point(when)
        entries.append(((lead, dated.earliest if dated is not None else _NO_DATE, plain), entry.render(markup)))
    return [text for _, text in sorted(entries, key=lambda pair: pair[0])]
