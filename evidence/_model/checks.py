"""The value checks of record fields: each is a function of one value that returns a complaint
(the message a user reads), or None when all is well. They are pure, so a reader may keep the
values that passed and not ask again."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from typing import Any

Complaint = Callable[[Any], str | None]

ANY_KIND = "*"  # a reference that may name a record of any kind

_ID = re.compile(r"[a-z0-9](?:[a-z0-9._-]{0,198}[a-z0-9])?")
# BCP 47 well-formedness (RFC 5646 §2.1), without the grandfathered irregular tags.
_LANGUAGE = re.compile(
    r"(?:[A-Za-z]{2,3}(?:-[A-Za-z]{3}){0,3}|[A-Za-z]{4,8})"
    r"(?:-[A-Za-z]{4})?(?:-(?:[A-Za-z]{2}|\d{3}))?"
    r"(?:-(?:[A-Za-z\d]{5,8}|\d[A-Za-z\d]{3}))*"
    r"(?:-[0-9A-WY-Za-wy-z](?:-[A-Za-z\d]{2,8})+)*"
    r"(?:-[Xx](?:-[A-Za-z\d]{1,8})+)?",
    re.ASCII,
)
_URL = re.compile(r"https?://[^\s/$.?#][^\s]*")
# Control characters (but tab, line feed and carriage return), line and paragraph separators,
# stray byte-order marks and lone surrogates: invisible, YAML cannot keep them as they are, and
# no UTF-8 file can hold a surrogate. And the bidirectional embeddings, overrides and isolates
# (U+202A-U+202E, U+2066-U+2069), which reorder the text after them wherever it is printed: a
# name could read as another ("Trojan Source"). The marks (U+200E, U+200F, U+061C) stay.
# What it refuses beyond the control characters and the surrogates (Unicode's Cc and Cs).
REFUSED_FORMAT_CHARACTERS = "\u2028\u2029\ufeff\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_CONTROL = re.compile(f"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff{REFUSED_FORMAT_CHARACTERS}]")

# Whole numbers stay below 2**53, the largest every JSON reader holds exactly.
MAX_NUMBER = 2**53 - 1


def a(noun: str) -> str:
    """The noun with its indefinite article: 'an actor', 'a case'."""
    return f"{'an' if noun[:1].lower() in 'aeiou' else 'a'} {noun}"


def id_complaint(value: str) -> str | None:
    if _ID.fullmatch(value):
        return None
    return (
        f"invalid id {value!r}: use 1 to 200 lowercase ASCII letters, digits, '.', '_' or '-', "
        "starting and ending with a letter or digit"
    )


def text_complaint(value: str) -> str | None:
    if not value.strip():
        return "must not be empty"
    return None


def verbatim_complaint(value: str) -> str | None:
    if not value.strip():
        return "must not be empty"
    if value != value.strip():
        return f"{value!r} has white space at an end; write it exactly as printed"
    return None


def language_complaint(value: str) -> str | None:
    if _LANGUAGE.fullmatch(value):
        return None
    return f"invalid language tag {value!r}: use a BCP 47 tag such as 'en', 'pt' or 'pt-BR'"


_CLOCK = re.compile(r"(?:[01]\d|2[0-3]):[0-5]\d", re.ASCII)


def clock_complaint(value: str) -> str | None:
    if _CLOCK.fullmatch(value):
        return None
    return f"invalid time of day {value!r}: write it as the source prints it, in 24 hours: '12:27', '09:55'"


def url_complaint(value: str) -> str | None:
    if _URL.fullmatch(value):
        return None
    return f"invalid URL {value!r}: expected an absolute http or https address"


def _too_large(value: int) -> str:
    shown = str(value) if len(str(value)) <= 24 else f"a number of {len(str(value))} digits"
    return f"{shown} is too large (the largest is {MAX_NUMBER})"


def positive(value: int) -> str | None:
    if value > MAX_NUMBER:
        return _too_large(value)
    return None if value >= 1 else f"must be 1 or more, found {value}"


def not_negative(value: int) -> str | None:
    if value > MAX_NUMBER:
        return _too_large(value)
    return None if value >= 0 else f"must be 0 or more, found {value}"


def control_complaint(value: str) -> str | None:
    """The text check every text field has (the model adds it from the field's type)."""
    found = _CONTROL.search(value)
    if found is None:
        return None
    if "\ud800" <= found.group() <= "\udfff":
        return f"contains the lone surrogate U+{ord(found.group()):04X}; record text cannot hold it"
    if "\u202a" <= found.group() <= "\u202e" or "\u2066" <= found.group() <= "\u2069":
        return (
            f"contains the bidirectional control U+{ord(found.group()):04X}, which reorders the text shown after it;"
            " record text cannot hold it"
        )
    return f"contains the invisible character U+{ord(found.group()):04X}; record text cannot hold it"


# Checks that are one regular expression: values repeat (ids above all), so readers keep the
# ones that passed while a file is read.
PATTERN_CHECKS: dict[Complaint, re.Pattern[str]] = {
    id_complaint: _ID,
    language_complaint: _LANGUAGE,
    url_complaint: _URL,
}
# Those whose pattern admits printable ASCII alone: a value they pass holds no invisible
# character, so a reader need not look for one.
ASCII_CHECKS: frozenset[Complaint] = frozenset({id_complaint, language_complaint})


def same_keys_complaint(keys: Iterable[str]) -> str | None:
    """Two keys of one mapping that are the same text once normalized (NFC): 'Café' written with
    an accented letter and with a letter and a combining accent look alike, and one would be lost
    or kept twice. Every reader asks this of every mapping it builds."""
    seen: dict[str, str] = {}
    for key in keys:
        normal = key if key.isascii() else unicodedata.normalize("NFC", key)  # NFC leaves ASCII as it is
        if normal in seen:
            return (
                f"duplicate key '{_marks_shown(key)}': the same text as '{_marks_shown(seen[normal])}' in Unicode"
                " (NFC); give each key once"
            )
        seen[normal] = key
    return None


def _marks_shown(text: str) -> str:
    """The text with its combining marks written as escapes, so that two spellings differ."""
    return "".join(f"\\u{ord(c):04x}" if unicodedata.combining(c) else c for c in text)
