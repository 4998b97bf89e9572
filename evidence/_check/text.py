"""Text as quotes are matched: normalized, with a map back to the original, UTF-16 offsets, and
the passage closest to a quote that is not found."""

from __future__ import annotations

import difflib
import unicodedata

# What quote matching treats as the same: typographic and straight quote marks, dashes of every
# length, the ellipsis character and three dots.
_SAME = (
    *((mark, '"') for mark in "“”„‟«»″"),
    *((mark, "'") for mark in "‘’‚‛′`"),
    *((dash, "-") for dash in "‐‑‒–—―−"),
    ("…", "..."),
)


def normalize(text: str) -> str:
    """Text as quotes are matched: NFC, one kind of quote mark and dash, "..." for "…", single
    spaces."""
    text = unicodedata.normalize("NFC", text)
    for variant, plain in _SAME:
        if variant in text:  # a scan in C; most texts hold few of them
            text = text.replace(variant, plain)
    return _single_spaces(text)


def _single_spaces(text: str) -> str:
    """Every run of white space as one space (the ends kept as one space too)."""
    words = text.split()
    if not words:
        return " " if text else ""
    joined = " ".join(words)
    return (" " if text[0].isspace() else "") + joined + (" " if text[-1].isspace() else "")


def normalized_with_map(text: str) -> tuple[str, list[int]]:
    """The normalized text, and for each of its characters the index it came from."""
    out: list[str] = []
    where: list[int] = []
    for index, char in enumerate(unicodedata.normalize("NFC", text)):
        piece = normalize(char)
        if piece == " " and out and out[-1] == " ":
            continue
        out.append(piece)
        where.extend([index] * len(piece))
    return "".join(out), where


def utf16_to_index(text: str, offset: int) -> int:
    """A UTF-16 code-unit offset (what browser annotation tools record) as a code-point index."""
    units = 0
    for index, char in enumerate(text):
        if units >= offset:
            return index
        units += 2 if ord(char) > 0xFFFF else 1
    return len(text)


def index_to_utf16(text: str, index: int) -> int:
    """A code-point index as a UTF-16 code-unit offset."""
    return index + sum(1 for char in text[:index] if ord(char) > 0xFFFF)


def occurrences(haystack: str, needle: str) -> list[int]:
    """Where `needle` starts in `haystack`, every time (overlapping ones too)."""
    found, start = [], haystack.find(needle)
    while start != -1:
        found.append(start)
        start = haystack.find(needle, start + 1)
    return found


def closest(text: str, quote: str) -> tuple[str, float]:
    """The passage of `text` closest to `quote`, and how close (0 to 1)."""
    if not text or not quote:
        return "", 0.0
    matcher = difflib.SequenceMatcher(None, text, quote, autojunk=False)
    block = matcher.find_longest_match(0, len(text), 0, len(quote))
    start = max(0, block.a - block.b)
    best, score = "", 0.0
    for shift in range(-len(quote) // 4, len(quote) // 4 + 1, max(1, len(quote) // 20)):
        window = text[max(0, start + shift) : max(0, start + shift) + len(quote)]
        ratio = difflib.SequenceMatcher(None, window, quote, autojunk=False).ratio()
        if ratio > score:
            best, score = window, ratio
    return best, score
