"""What a citation is asked for: the style, the form, the markup, and the named choices where
the Indigo Book and Bluebook practice differ."""

from __future__ import annotations

import enum
from typing import TypeVar

import attrs

from evidence._errors import UsageError


class Style(enum.Enum):
    BLUEBOOK = "bluebook"
    ECF = "ecf"
    APA = "apa"
    CHICAGO = "chicago"


class Form(enum.Enum):
    FULL = "full"  # APA: the reference-list entry; Chicago: the full note
    SHORT = "short"  # APA: the in-text citation; Chicago: the short note
    NARRATIVE = "narrative"  # APA's narrative in-text citation, "Zeff (2025)" (APA 8.11); elsewhere as SHORT
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
    exhibit_with_filing: bool = False  # R24.2.3: the exhibit after the document it is attached to, "Doe Decl. Ex. A"
    document_dates: bool = False  # R24.3: the document's date after the pin, though its entry number tells it apart
    case_in_short_forms: bool = False  # R26: a short form of another case's document keeps the case's short name
    # APA 6.17: re-case a headline-cased English title into sentence case. Off by default: the
    # rule cannot tell a proper noun ("Thomson Reuters") from a common word, and a misprinted
    # name is worse than a headline; a record's `title_sentence_case` is always used.
    sentence_case: bool = False

    @classmethod
    def bluepages(cls) -> BluebookOptions:
        return cls(period_inside_parentheses=True, drop_prepositions=True)

    @classmethod
    def law_review(cls) -> BluebookOptions:
        """The typefaces of law-review footnotes (Bluebook R2.1): case names roman; books'
        authors and titles, and the names of periodicals, in large and small capitals."""
        return cls(roman_case_names=True, small_caps=True)


DEFAULT_OPTIONS = BluebookOptions()

Choice = TypeVar("Choice", Style, Form, Markup)

# Look-ups by value, so that citing in a loop does not pay for enum construction.
_STYLES: dict[object, Style] = {**{s.value: s for s in Style}, **{s: s for s in Style}}
_FORMS: dict[object, Form] = {**{f.value: f for f in Form}, **{f: f for f in Form}}
_MARKUPS: dict[object, Markup] = {**{m.value: m for m in Markup}, **{m: m for m in Markup}}


def _parse(table: dict[object, Choice], kind: type[Choice], value: object) -> Choice:
    try:
        return table[value]
    except (KeyError, TypeError):  # TypeError: a value that cannot be a key, such as a list
        names = [member.value for member in kind]
        choices = f"{', '.join(names[:-1])} or {names[-1]}"
        raise UsageError(f"{value!r} is not a valid {kind.__name__}: choose {choices}") from None


def parse_style(value: Style | str) -> Style:
    return _parse(_STYLES, Style, value)


def parse_form(value: Form | str) -> Form:
    return _parse(_FORMS, Form, value)


def parse_markup(value: Markup | str) -> Markup:
    return _parse(_MARKUPS, Markup, value)
