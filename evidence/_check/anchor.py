"""A passage anchored in a record's stored text (`evidence quote`): the quote rules run the other
way. The passage is found with the rules' normalization, and the anchor made is one they accept:
positions that hold it, and, when it occurs more than once, a prefix and a suffix that pick out
this occurrence alone."""

from __future__ import annotations

import bisect
import contextlib
import hashlib
import os
import re
import unicodedata
from pathlib import Path

import attrs

from evidence._check.integrity import stored_text
from evidence._check.lookup import SetLookup
from evidence._check.run import Run
from evidence._check.text import alike, closest, normalize, normalized_with_map, occurrences
from evidence._errors import EvidenceError, QuoteNotFound, UsageError
from evidence._io import read_regular
from evidence._model import PAGE_BREAK, Digest, Message, Quote, control_complaint, page_of
from evidence._recordset import RecordSet, load

# The pieces a long text is mapped in (see `_Chunks`), and where a piece may end.
_PIECE = 1 << 16
_CUT = re.compile(r"\s(?=\S)")
# Context taken first on each side of a repeated passage; doubled until the anchor is unique, up
# to the most a reader would paste.
_CONTEXT = 32
_MAX_CONTEXT = 256
# How many closest passages a passage not found is shown with, and how far each is widened to
# the words it cuts.
_CLOSEST = 3
_REACH = 24
# Past this length (in characters, some 500 pages), only the closest passage is looked for.
_MANY_CLOSEST_UP_TO = 1_000_000


@attrs.frozen
class Anchored:
    """The anchor of a passage, and how many times the passage occurs in the text."""

    quote: Quote
    occurrences: int


def find_quote(
    records: RecordSet | str | os.PathLike[str], record_id: str, passage: str, *, occurrence: int = 1
) -> Quote:
    """The anchor of `passage` in the stored text of the record `record_id` (a source, filing or
    exhibit with a `text_file`, or a message's own text), ready for a claim's evidence or a
    message's attestation: `exact` as the text prints it, `start` and `end`, `prefix` and `suffix`
    when the passage occurs more than once (`occurrence` chooses which, 1 for the first), `page`
    when the text has page breaks. Raises `QuoteNotFound`, with the closest passages, when the text does not hold it."""
    return anchor(record_text(records, record_id), passage, occurrence=occurrence, name=record_id).quote


def record_text(records: RecordSet | str | os.PathLike[str], record_id: str) -> str:
    """The stored text of a record, read as the checker reads it; what keeps it from being read
    (no such record, no text file, a missing or altered file) is a `UsageError`."""
    root: Path | None = None
    if not isinstance(records, RecordSet):
        root = Path(records) if Path(records).is_dir() else Path(records).parent
        records = load(records)
    if record_id not in records:
        raise UsageError(f"no record {record_id!r} in this record set")
    record = records[record_id]
    if isinstance(record, Message) and record.text is not None:  # a message quoted in its own words
        return record.text
    if getattr(record, "text_file", None) is None:
        raise UsageError(f"{record_id!r} has no stored text (text_file) to quote from")
    run = Run(SetLookup(records), [record], root)
    text = stored_text(run, record, report=True)
    if run.pending or text is None:
        said = (
            "; ".join(message for _, message, _, _, _, _ in run.pending)
            or "its text file cannot be found (a record made in code, not read from a file?)"
        )
        raise UsageError(f"{record_id!r}: {said}")
    return text


@attrs.frozen
class StoredCopy:
    """A record's stored text as a reader is shown it: the text (None when it cannot be read),
    the digest the record gives, the digest of the file as it is now, and what the checker says
    of the file (an altered file's text is still given, with the finding that says so)."""

    text: str | None
    recorded: Digest | None
    actual: str | None  # hexadecimal, in the recorded digest's algorithm (sha256 when none is recorded)
    problems: tuple[str, ...]

    @property
    def altered(self) -> bool:
        return self.recorded is not None and self.actual is not None and self.actual != self.recorded.value


def stored_copy(records: RecordSet, record_id: str, root: Path | None = None) -> StoredCopy:
    """The stored text of the source, filing or exhibit `record_id`, read as the checker reads it
    (`root` is the record set's folder a text file may not leave), with its digests."""
    record = records[record_id]
    run = Run(SetLookup(records), [record], root)
    text = stored_text(run, record, report=True)
    recorded: Digest | None = getattr(record, "digest", None)
    actual = None
    origin = run.lookup.origin(record_id)
    relative = getattr(record, "text_file", None)
    if origin is not None and relative is not None and not any(code in ("I002", "I003") for code, *_ in run.pending):
        with contextlib.suppress(OSError):
            data = read_regular(Path(origin.file).parent / relative, relative)
            actual = hashlib.new(recorded.algorithm if recorded else "sha256", data).hexdigest()
    return StoredCopy(text, recorded, actual, tuple(message for _, message, *_ in run.pending))


def anchor(text: str, passage: str, *, occurrence: int = 1, name: str = "the text") -> Anchored:
    """The anchor of `passage` in `text` (see `find_quote`)."""
    wanted = passage.strip()
    if not wanted:
        raise UsageError("the passage to quote is blank")
    normalized = normalize(text)
    needle = normalize(wanted)
    hits = occurrences(normalized, needle)
    if not hits:
        found = _closest(normalized, needle)
        shown = "; ".join(f"{alike(score)} alike: {words!r}" for words, score in found)
        raise QuoteNotFound(f"the passage is not in {name}" + (f"; the closest: {shown}" if shown else ""), found)
    if not 1 <= occurrence <= len(hits):
        raise UsageError(f"occurrence= is {occurrence}, but the passage occurs {len(hits)} time(s) in {name}")
    # Positions count in the stored text; a text not in NFC is anchored in its composed form,
    # which the quote rules match alike, and without positions, which would not fit it.
    positions = unicodedata.is_normalized("NFC", text)
    base = text if positions else unicodedata.normalize("NFC", text)
    start, end = _span(base, wanted, normalized, needle, hits, occurrence - 1)
    prefix, suffix = _raw_context(base, start, end, normalized, needle, hits) if len(hits) > 1 else (None, None)
    first, last = page_of(base, start), page_of(base, max(start, end - 1))
    page = None if first is None else str(first) if first == last else f"{first}-{last}"
    exact = base[start:end]
    if PAGE_BREAK in exact:
        # A record's text cannot hold a form feed: the passage is quoted with a line break there,
        # which the quote rules match as the same, and without the positions it no longer fills.
        exact, positions = exact.replace(PAGE_BREAK, "\n"), False
    bad = control_complaint(exact)
    if bad is not None:
        raise UsageError(f"the passage {bad.replace('record text', 'a quote')}: quote the words around it")
    quote = Quote(
        exact=exact,
        prefix=_clean(prefix, before=True),
        suffix=_clean(suffix, before=False),
        start=start if positions else None,
        end=end if positions else None,
        page=page,
    )
    return Anchored(quote, len(hits))


# A passage found more often than this in its text is not searched for the occurrence its own
# prefix and suffix pick out.
_MAX_OCCURRENCES = 64


def quote_span(text: str, quote: Quote) -> tuple[int, int] | None:
    """Where a quote is in a text (in NFC, as `anchor` counts): its positions where they hold it, else the one
    occurrence the quote rules find that its prefix and suffix allow; None where there is none,
    or more than one."""
    if quote.start is not None and quote.end is not None and text[quote.start : quote.end] == quote.exact:
        return quote.start, quote.end
    try:
        first = anchor(text, quote.exact)
    except EvidenceError:  # not found, or blank: the checker reports it
        return None
    if first.occurrences == 1:
        once = first.quote
        if once.start is None or once.end is None or not _fits(text, once.start, once.end, quote):
            return None  # across a page break, or not between its own prefix and suffix (Q001)
        return once.start, once.end
    if first.occurrences > _MAX_OCCURRENCES or not (quote.prefix or quote.suffix):
        return None  # nothing tells the occurrences apart (Q002), or too many to look through
    fits = []
    for n in range(1, first.occurrences + 1):
        found = first.quote if n == 1 else anchor(text, quote.exact, occurrence=n).quote
        if found.start is None or found.end is None:  # a passage across a page break
            return None
        if _fits(text, found.start, found.end, quote):
            fits.append((found.start, found.end))
    return fits[0] if len(fits) == 1 else None


def _fits(text: str, start: int, end: int, quote: Quote) -> bool:
    """Whether the quote's own prefix and suffix, matched as the quote rules match, surround it."""
    if quote.prefix:
        before = normalize(quote.prefix)
        if not normalize(text[max(0, start - 4 * len(quote.prefix) - 64) : start]).endswith(before):
            return False
    if quote.suffix:
        after = normalize(quote.suffix)
        if not normalize(text[end : end + 4 * len(quote.suffix) + 64]).startswith(after):
            return False
    return True


def _clean(context: str | None, *, before: bool) -> str | None:
    """Context a record can hold: page breaks as line breaks, and cut at any other invisible
    character, keeping the side next to the passage."""
    if context is None:
        return None
    context = context.replace(PAGE_BREAK, "\n")
    if control_complaint(context) is not None:
        bad = [n for n, char in enumerate(context) if control_complaint(char) is not None]
        context = context[bad[-1] + 1 :] if before else context[: bad[0]]
    return context or None


def _span(text: str, wanted: str, normalized: str, needle: str, hits: list[int], n: int) -> tuple[int, int]:
    """The positions in `text` (in NFC) of the `n`th hit of the normalized text."""
    raw = occurrences(text, wanted)
    if len(raw) == len(hits):  # the passage as typed, each time: no map of the text needed
        return raw[n], raw[n] + len(wanted)
    chunks = _Chunks(text, len(normalized))
    return chunks.index(hits[n]), chunks.index(hits[n] + len(needle) - 1) + 1


class _Chunks:
    """Positions in the normalized text taken back to the text through the checker's character
    map, made only for the piece of the text that holds them (a map of the whole is a pass in
    Python over every character). The text is cut after white space and before a character that
    is not, where the normalized pieces join into the normalized whole; were they not to (an
    edge no cut should meet), the whole text is mapped."""

    def __init__(self, text: str, normalized_length: int) -> None:
        self.text = text
        self.starts = [0]
        for at in range(_PIECE, len(text), _PIECE):
            cut = _CUT.search(text, max(at, self.starts[-1] + 1))
            if cut is None:
                break
            if cut.end() > self.starts[-1]:
                self.starts.append(cut.end())
        ends = [*self.starts[1:], len(text)]
        self.offsets = [0]
        for start, end in zip(self.starts, ends, strict=True):
            self.offsets.append(self.offsets[-1] + len(normalize(text[start:end])))
        if self.offsets[-1] != normalized_length:
            self.starts, self.offsets, ends = [0], [0, normalized_length], [len(text)]
        self.ends = ends
        self.maps: dict[int, list[int]] = {}

    def index(self, position: int) -> int:
        """The index in the text of a position in the normalized text."""
        piece = bisect.bisect_right(self.offsets, position) - 1
        piece = min(piece, len(self.starts) - 1)
        if piece not in self.maps:
            self.maps[piece] = normalized_with_map(self.text[self.starts[piece] : self.ends[piece]])[1]
        return self.starts[piece] + self.maps[piece][position - self.offsets[piece]]


def _unique(normalized: str, needle: str, hits: list[int], prefix: str, suffix: str) -> bool:
    before, after = normalize(prefix), normalize(suffix)
    picked = [h for h in hits if normalized.endswith(before, 0, h) and normalized.startswith(after, h + len(needle))]
    return len(picked) == 1


def _raw_context(
    text: str, start: int, end: int, normalized: str, needle: str, hits: list[int]
) -> tuple[str | None, str | None]:
    """A prefix and a suffix from the text around the passage, as short as keeps it unique, and
    in whole words where that does."""
    width = _CONTEXT
    while True:
        left, right = max(0, start - width), min(len(text), end + width)
        for a, b in (_inside_words(text, left, right, start, end), (left, right)):
            if _unique(normalized, needle, hits, text[a:start], text[end:b]):
                return text[a:start] or None, text[end:b] or None
        if (left == 0 and right == len(text)) or width >= _MAX_CONTEXT:
            # A text that repeats itself at length: the positions tell the occurrences apart.
            return text[left:start] or None, text[end:right] or None
        width *= 2


def _inside_words(text: str, left: int, right: int, start: int, end: int) -> tuple[int, int]:
    """The edges of a context moved in past a word they cut, and the white space after it."""
    if left > 0 and not text[left - 1].isspace():
        while left < start and not text[left].isspace():
            left += 1
    while left < start and text[left].isspace():
        left += 1
    if right < len(text) and not text[right].isspace():
        while right > end and not text[right - 1].isspace():
            right -= 1
    while right > end and text[right - 1].isspace():
        right -= 1
    return left, right


def _closest(normalized: str, needle: str) -> list[tuple[str, float]]:
    """The passages most like `needle`: the checker's closest passage, then the closest in the
    text before it and after it, and so on, each search bounded as the checker's is."""
    found: list[tuple[str, float]] = []
    parts = [normalized]
    wanted = _CLOSEST if len(normalized) <= _MANY_CLOSEST_UP_TO else 1  # each search reads the whole text
    while parts and len(found) < wanted:
        part = parts.pop(0)
        words, score = closest(part, needle)
        if not words.strip() or score == 0:
            continue
        at = part.find(words)
        start, end = _word_edges(part, at, at + len(words))
        found.append((part[start:end].strip(), score))
        parts += [piece for piece in (part[:start], part[end:]) if len(piece.strip()) >= len(needle) // 2]
    return sorted(found, key=lambda item: -item[1])


def _word_edges(text: str, start: int, end: int) -> tuple[int, int]:
    """A passage widened to the whole words it cuts at either end (a few letters at most), to be read."""
    low, high = max(0, start - _REACH), min(len(text), end + _REACH)
    while start > low and not text[start - 1].isspace():
        start -= 1
    while end < high and not text[end].isspace():
        end += 1
    return start, end
