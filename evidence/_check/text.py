"""Text as quotes are matched: normalized, with a map back to the original, UTF-16 offsets, and
the passage closest to a quote that is not found."""

from __future__ import annotations

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


# The search for the passage closest to a quote that is not found, bounded whatever the text:
# pieces of the quote (of these lengths, the longest first that any is found) are looked up at
# most `_HITS` times each, the places where they say the quote would start are counted, and the
# passages at the few most named are scored, each at a few shifts.
_PIECE_LENGTHS = (16, 8, 4)
_PIECES = 32
_HITS = 64
_CANDIDATES = 3
_SHIFTS = 10  # each way, a twentieth of the quote apart: a quarter of it
# A score costs the square of the quote's length (in machine words, over 64): past this length
# only the place the pieces name most is scored, and past the longest none is looked for.
_SHIFTED_UP_TO = 5_000
_LONGEST = 100_000


def closest(text: str, quote: str) -> tuple[str, float]:
    """The passage of `text` closest to `quote`, and how close (0 to 1: the share of their
    characters the two have in common, in order). The work is bounded by the quote's length,
    not the text's: a few thousand look-ups in C and a few dozen scores."""
    if not text or not quote or len(quote) > _LONGEST:
        return "", 0.0
    step = max(1, len(quote) // 20)
    best, score, seen = "", 0.0, set()
    starts = _likely_starts(text, quote, step)
    shifts = _SHIFTS if len(quote) <= _SHIFTED_UP_TO else 0
    for start in starts if shifts else starts[:1]:
        for shift in range(-shifts, shifts + 1):
            at = max(0, start + shift * step)
            if at in seen:
                continue
            seen.add(at)
            window = text[at : at + len(quote)]
            ratio = similarity(window, quote)
            if ratio > score:
                best, score = window, ratio
    return best, score


def _likely_starts(text: str, quote: str, step: int) -> list[int]:
    """Where the quote would start in `text` by the pieces of it found there, the most named first."""
    for length in _PIECE_LENGTHS:
        length = min(length, len(quote))
        votes: dict[int, int] = {}
        count = min(_PIECES, len(quote) - length + 1)
        for n in range(count):
            offset = n * (len(quote) - length) // max(1, count - 1)
            piece = quote[offset : offset + length]
            at = text.find(piece)
            for _ in range(_HITS):
                if at == -1:
                    break
                bucket = max(0, at - offset) // step
                votes[bucket] = votes.get(bucket, 0) + 1
                at = text.find(piece, at + 1)
        if votes:
            ranked = sorted(votes, key=lambda bucket: (-votes[bucket], bucket))
            return [bucket * step for bucket in ranked[:_CANDIDATES]]
    return [0]


def similarity(a: str, b: str) -> float:
    """2 × the longest common subsequence of `a` and `b` / their total length: 1 only when they
    are the same. Found by the bit-parallel algorithm (Hyyrö's), one step per character of `b`
    on integers as wide as `a`, so long quotes cost linear time in Python, not quadratic."""
    if not a or not b:
        return 1.0 if a == b else 0.0
    masks: dict[str, int] = {}
    for index, char in enumerate(a):
        masks[char] = masks.get(char, 0) | (1 << index)
    full = (1 << len(a)) - 1
    row = full
    for char in b:
        matched = row & masks.get(char, 0)
        row = ((row + matched) | (row - matched)) & full
    common = len(a) - row.bit_count()
    return 2 * common / (len(a) + len(b))


def alike(score: float) -> str:
    """A score as a share: '94%', never '100%' for what is not the same ('99%' then)."""
    shown = f"{score:.0%}"
    return "99%" if shown == "100%" and score < 1 else shown
