"""Quotes (Q001-Q004): every quote is found, once, in its target's text. Quotes are gathered as
the records are checked and found last, grouped by target, so each text is read and normalized
once."""

from __future__ import annotations

import bisect
import unicodedata
from collections.abc import Iterator

import attrs

from evidence._check.integrity import text_of
from evidence._check.run import QuoteJob, Run
from evidence._check.text import alike, closest, normalize, normalized_with_map, occurrences
from evidence._model import Claim, Message, Quote

_LINES_SHOWN = 10  # lines of a quote found many times named in its finding


def quotes(run: Run) -> None:
    """Gather every quote of the records checked as a job for `find_quotes`."""
    origin = run.lookup.origin
    for message in run.of_kind(Message):
        for n, attestation in enumerate(message.attestations):
            path = ("attestations", n, "quote")
            run.jobs.append(QuoteJob(message.id, origin(message.id), path, attestation.source, attestation.quote))
    for claim in run.of_kind(Claim):
        for n, link in enumerate(claim.evidence):
            if link.quote is not None:
                run.jobs.append(QuoteJob(claim.id, origin(claim.id), ("evidence", n, "quote"), link.record, link.quote))


def find_quotes(run: Run) -> None:
    """The findings of the run's quote jobs, each target's text read and normalized once."""
    by_target: dict[str, list[QuoteJob]] = {}
    for job in run.jobs:
        by_target.setdefault(job.target, []).append(job)
    pending = run.pending
    for target_id, group in by_target.items():
        found = text_of(run, target_id)
        if found is None:
            continue
        text, has_file = found
        if text is None:
            # Q004 notes a message or document without a text; a record of a kind that never has
            # one (an actor, a case) is no quote to verify (R002's to report in an attestation).
            kind = run.lookup.kind_of(target_id)
            if not has_file and kind is not None and (kind is Message or "text_file" in attrs.fields_dict(kind)):
                for job in group:
                    message = f"{target_id!r} has no stored text; the quote is not verified"
                    pending.append(("Q004", message, None, job.owner, job.origin, job.path))
            continue
        target = _Target(text)
        for job in group:
            for code, message, hint in _quote_problems(target, target_id, job.quote):
                pending.append((code, message, hint, job.owner, job.origin, job.path))


class _Target:
    """A quoted record's text, normalized once for all its quotes."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.normalized = normalize(text)
        self._where: list[int] | None = None
        self._breaks: list[int] = []

    def line_of(self, index: int) -> int:
        """The line of a position in the normalized text (the text mapped and its line breaks
        listed once, however many positions are asked for)."""
        if self._where is None:
            self._where = normalized_with_map(self.text)[1]
            composed = unicodedata.normalize("NFC", self.text)  # `where` counts in the composed text
            self._breaks = [n for n, char in enumerate(composed) if char == "\n"]
        return bisect.bisect_left(self._breaks, self._where[index]) + 1


def _is_mark(char: str) -> bool:
    """A combining mark (an accent written after its letter, an enclosing circle): it belongs
    to the character before it, and a quote may not begin or end between them."""
    return unicodedata.category(char) in ("Mn", "Mc", "Me")


def _marks_shown(text: str) -> str:
    """The text quoted, its combining marks as escapes: 'Cafe\\u0301' and 'Café' then differ."""
    shown = "".join(f"\\u{ord(c):04x}" if _is_mark(c) else c for c in text)
    return repr(text) if shown == text else f"'{shown}'"


def _cut_through(text: str, quote: Quote) -> Iterator[tuple[str, str, str | None]]:
    """Q003 for positions that split a letter from its combining mark: 'Cafe' at 0-4 of 'Café'
    written decomposed ('e' and U+0301) holds the letters, but not the word."""
    assert quote.start is not None
    assert quote.end is not None
    start, end = quote.start, quote.end
    if end < len(text) and _is_mark(text[end]):
        whole = end
        while whole < len(text) and _is_mark(text[whole]):
            whole += 1
        message = f"the quote ends at {end}, between a letter and its combining mark U+{ord(text[end]):04X}"
        yield "Q003", message, f"a character ends at {whole}: quote {_marks_shown(text[start:whole])} (end {whole})"
    if 0 < start < len(text) and _is_mark(text[start]):
        message = f"the quote starts at {start}, on the combining mark U+{ord(text[start]):04X} of the letter before it"
        yield "Q003", message, f"start it at {start - 1}, with its letter, or after its marks"


def _quote_problems(target: _Target, target_id: str, quote: Quote) -> Iterator[tuple[str, str, str | None]]:
    text = target.text
    if quote.start is not None and quote.end is not None and text[quote.start : quote.end] != quote.exact:
        there = text[quote.start : quote.end]
        at = text.find(quote.exact)
        hint = f"the exact text is at start {at}, end {at + len(quote.exact)}" if at != -1 else None
        if hint is None and unicodedata.normalize("NFC", there) == unicodedata.normalize("NFC", quote.exact):
            # The same text in another Unicode form: 'é' as one character, or as 'e' and an accent.
            hint = (
                f"the text there is the quote in another Unicode form: {_marks_shown(there)} against"
                f" {_marks_shown(quote.exact)}; write `exact` as the stored text writes it (the positions count"
                " its characters as they are)"
            )
        yield "Q003", f"text at {quote.start}-{quote.end} is {_marks_shown(there)}, not the quote", hint
    # Positions that hold the exact text settle which occurrence is meant.
    anchored = quote.start is not None and text[quote.start : quote.end] == quote.exact
    if anchored:
        yield from _cut_through(text, quote)
        return
    normalized = target.normalized
    needle = normalize(quote.exact)
    hits = occurrences(normalized, needle)
    # A match that ends before a combining mark NFC could not compose, or starts on one, cuts a
    # character in two: it is not the quote.
    whole = [
        h
        for h in hits
        if not (h + len(needle) < len(normalized) and _is_mark(normalized[h + len(needle)]))
        and not (needle and _is_mark(needle[0]))
    ]
    if hits and not whole:
        yield "Q001", f"the quote is in {target_id!r} only as part of a letter with a combining mark", None
        return
    hits = whole
    found_anywhere = bool(hits)
    if quote.prefix or quote.suffix:
        prefix, suffix = normalize(quote.prefix or ""), normalize(quote.suffix or "")
        hits = [h for h in hits if normalized[:h].endswith(prefix) and normalized[h + len(needle) :].startswith(suffix)]
    if len(hits) > 1:
        lines = ", ".join(str(target.line_of(h)) for h in hits[:_LINES_SHOWN])
        if len(hits) > _LINES_SHOWN:
            lines += f" and {len(hits) - _LINES_SHOWN:,} more"
        message = f"the quote is found {len(hits)} times in {target_id!r} (lines {lines})"
        yield "Q002", message, "add a prefix or suffix, or the start and end positions"
    elif not hits and found_anywhere:
        yield "Q001", f"the quote is in {target_id!r}, but never between the given prefix and suffix", None
    elif not hits:
        passage, score = closest(normalized, needle)
        message = f"the quote is not in {target_id!r}"
        if passage:  # none is looked for past a length (see `closest`)
            message += f"; the closest passage ({alike(score)} alike) is {passage!r}"
        yield "Q001", message, None
