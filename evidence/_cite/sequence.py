"""The citations of one document in order (short forms, id., supra) and bibliographies."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from evidence._cite.citing import CITABLE, citation, cite, not_cited
from evidence._cite.dates import NO_DATE, point
from evidence._cite.options import DEFAULT_OPTIONS, BluebookOptions, Form, Markup, Style, parse_markup, parse_style
from evidence._cite.secondary import supra_author
from evidence._errors import UsageError
from evidence._labels import published_alone
from evidence._model import Case, Claim, Exhibit, Filing, Message, Provision, Record, Source

if TYPE_CHECKING:
    from evidence._recordset import RecordSet


class CitationSequence:
    """The citations of one document, in order, so later ones take their short forms.

    - *Id.* only for the authority cited immediately before, never after an intervening
      different one, and at most four times in a row (R15.3, R31); *Id.* alone, without its
      pin, when the pin is the one cited immediately before (R15.3.1);
    - a case cited before: its short form (R15.2), never *supra*; in footnotes, only while the
      full citation is within the previous five notes, else the full citation again;
    - a source cited before: *supra*, with "note N" when footnotes are numbered (R31), and its
      short title when another work by the same author(s) has been cited so far (R15.8);
    - a court document or exhibit cited before: its short form, without the case.

    With `marks`, every value printed that is not `confirmed` is flagged, as `cite` does.
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
        marks: bool = False,
    ) -> None:
        self.records = records
        self.style = parse_style(style)
        self.markup = parse_markup(markup)
        self.footnotes = footnotes
        self.in_case = in_case
        self.options = options or DEFAULT_OPTIONS
        self.marks = marks
        self._first_note: dict[tuple[str, Any], int | None] = {}
        self._last: tuple[str, Any] | None = None
        self._last_pin: str | Sequence[str | None] | None = None
        self._ids_in_a_row = 0
        self._works_of: dict[str, set[str]] = {}  # the sources cited so far, by the author a supra names

    def cite(
        self,
        record: Record | str,
        *,
        note: int | None = None,
        pin: str | Sequence[str | None] | None = None,
        signal: str | None = None,
        parenthetical: str | None = None,
        decision: int | str | None = None,
        textual: bool = False,
        quoting: bool = False,
        name_in_text: bool = False,
    ) -> str:
        if isinstance(record, str):
            if self.records is None:
                raise UsageError("citing by id needs the record set")
            record = self.records[record]
        elif not isinstance(record, Record):
            raise not_cited(record)
        key = (record.id, decision)
        form = Form.FULL
        # Id. alone stands for the pin cited before (R15.3.1): a cite of the whole authority after a
        # pinned one takes the next form instead.
        whole_after_pin = pin is None and self._last_pin is not None
        if self._last == key and self._ids_in_a_row < 4 and not isinstance(record, Claim) and not whole_after_pin:
            form = Form.ID
        elif key in self._first_note:
            first = self._first_note[key]
            if isinstance(record, Case):
                recent = not self.footnotes or note is None or first is None or note - first <= 5
                form = Form.SHORT if recent else Form.FULL
            elif isinstance(record, Source):
                form = Form.SUPRA
            elif isinstance(record, (Filing, Exhibit, Provision)):
                form = Form.SHORT
        self._ids_in_a_row = self._ids_in_a_row + 1 if form is Form.ID else 0
        # A full citation sets the note that later short forms count from (a case cited in full
        # again, after five notes, starts a new count).
        if form is Form.FULL and (key not in self._first_note or isinstance(record, Case)):
            self._first_note[key] = note
        # R15.3.1: the same page again is Id. alone.
        # (A quoting parenthetical is found by its pin: the pin stays.)
        shown = None if form is Form.ID and pin is not None and pin == self._last_pin and not quoting else pin
        self._last, self._last_pin = key, pin
        supra_note = self._first_note.get(key) if self.footnotes else None
        several_works = self._cited_with_others(record)
        return cite(
            record, records=self.records, style=self.style, form=form, pin=shown, signal=signal,
            parenthetical=parenthetical, markup=self.markup, decision=decision, in_case=self.in_case,
            note=supra_note, options=self.options, marks=self.marks, textual=textual, quoting=quoting,
            name_in_text=name_in_text, several_works=several_works,
        )  # fmt: skip

    def _cited_with_others(self, record: Record) -> bool:
        """Whether another work whose supra names the same author(s) has been cited so far."""
        author = supra_author(record) if isinstance(record, Source) else None
        if author is None:
            return False
        works = self._works_of.setdefault(author, set())
        works.add(record.id)
        return len(works) > 1


def bibliography(records: Iterable[Record], *, style: Style | str = "apa", markup: Markup | str = "text",
                 record_set: RecordSet | None = None, marks: bool = False) -> list[str]:  # fmt: skip
    """Reference-list entries in the style's order: by author (or title), then year; with
    `marks`, each value not `confirmed` flagged (the order is that of the entries without)."""
    chosen = parse_style(style)
    markup = parse_markup(markup)  # refused here, not only once there is an entry to render
    form = Form.BIBLIOGRAPHY if chosen is Style.CHICAGO else Form.FULL
    entries = []
    for record in records:
        if not isinstance(record, CITABLE) or isinstance(record, Claim):
            continue
        if chosen is not Style.BLUEBOOK and isinstance(record, Message) and not _listed(record, record_set):
            continue  # personal communications stay out of APA and Chicago reference lists
        entry = citation(record, records=record_set, style=chosen, form=form)
        plain = entry.render(Markup.TEXT)
        if marks:
            entry = citation(record, records=record_set, style=chosen, form=form, marks=True)
        # Alphabetical by what leads the entry (author or title), then by date.
        lead = re.sub(r"[^\w ]", "", plain.split(" (")[0]).casefold()
        when = getattr(record, "published", None) or getattr(record, "filed", None) or getattr(record, "sent", None)
        dated = point(when)
        entries.append(((lead, dated.earliest if dated is not None else NO_DATE, plain), entry.render(markup)))
    return [text for _, text in sorted(entries, key=lambda pair: pair[0])]


def _listed(message: Message, records: RecordSet | None) -> bool:
    """A public statement cited as itself has a reference-list entry of its own."""
    return records is not None and published_alone(message, records)
