"""What every page of a report shares: the record set, the chosen citation style, where each
record is shown (its home: a page and an anchor), the stored texts read once, and the Jinja2
environment that renders a page straight into its file."""

from __future__ import annotations

import html
import os
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, TypeVar

import attrs
from markupsafe import Markup as MarkupText

from evidence._check import StoredCopy, quote_span, stored_copy
from evidence._cite import Markup, Style, citation
from evidence._errors import EvidenceError
from evidence._labels import describe_mark, name_fields, node_name, weaker, weakest
from evidence._model import Confidence, Quote, Record
from evidence._recordset import RecordSet
from evidence._views import date_label

# Items listed on one page of a long list (messages, claims of one status, citations): a page a
# browser opens at once, and a bound on what a build holds in memory while it writes a page.
PAGE_SIZE = 500

# The pages of the navigation bar, in order: file name and label.
NAVIGATION = (
    ("index.html", "Overview"),
    ("claims.html", "Claims"),
    ("sources.html", "Sources"),
    ("messages.html", "Messages"),
    ("trace.html", "Trace"),
    ("timeline.html", "Timeline"),
    ("cast.html", "Cast"),
    ("citations.html", "Citations"),
)

MARKS = tuple(c.value for c in Confidence)
BADGES = {level: f'<span class="badge badge-{level}">{level}</span>' for level in MARKS}
T = TypeVar("T")


def page_name(base: str, number: int) -> str:
    """The file of page `number` (1 is the first) of a list: claims.html, claims-2.html, ..."""
    stem, _, suffix = base.rpartition(".")
    return base if number == 1 else f"{stem}-{number}.{suffix}"


# A pager names the first and last pages and those within PAGER_REACH of the one shown (a list
# of hundreds of pages would print hundreds of links on each); a short list names them all.
PAGER_REACH = 2


def pager_pages(number: int, count: int) -> list[int | None]:
    """The page numbers a pager of page `number` of `count` names, in order, None for a gap."""
    shown: list[int | None] = []
    for n in range(1, count + 1):
        if n in (1, count) or abs(n - number) <= PAGER_REACH or count <= 2 * PAGER_REACH + 5:
            shown.append(n)
        elif shown[-1] is not None:
            shown.append(None)
    return shown


def paged(items: Sequence[Any], size: int = PAGE_SIZE) -> Iterator[tuple[int, Sequence[Any]]]:
    """The pages of a list, numbered from 1; one empty page for an empty list."""
    if not items:
        yield 1, ()
        return
    for number, start in enumerate(range(0, len(items), size), start=1):
        yield number, items[start : start + size]


def escape(text: str) -> str:
    """`html.escape` (quotes too), returning the text itself when it has nothing to escape, as
    most names, dates and ids have not: a report escapes millions of them."""
    if "&" in text or "<" in text or ">" in text or '"' in text or "'" in text:
        return html.escape(text)
    return text


def anchor_id(record_id: str) -> str:
    """The HTML id a record's entry carries on its home page."""
    return f"r-{record_id}"


def passage_id(start: int, end: int) -> str:
    """The HTML id of a highlighted passage in a source page: its positions in the stored text."""
    return f"p-{start}-{end}"


@attrs.define
class Site:
    """One build of a report. Pages register where records live (`home`) before any is written,
    so that every page can link to every record."""

    records: RecordSet
    folder: Path  # where the pages are written (the staging folder of the build)
    style: Style
    title: str
    root: Path | None = None  # the record set's folder: stored texts may not leave it
    homes: dict[str, str] = attrs.field(factory=dict)  # record id -> "page.html#anchor"
    written: list[Path] = attrs.field(factory=list)
    _copies: dict[str, StoredCopy] = attrs.field(factory=dict)
    # Of a long list, this process writes every page whose index (from 0) is `share` modulo
    # `shares`: the others are written by other processes of the build at the same time.
    share: tuple[int, int] = (0, 1)
    _made: dict[str, Any] = attrs.field(factory=dict)
    _links: dict[str, str] = attrs.field(factory=dict)  # record id -> its link, as HTML
    _marks: dict[str, str] = attrs.field(factory=dict)  # record id -> `mark`
    _env: Any = None

    # -- where records are shown ---------------------------------------------------------------

    def home(self, record_id: str, page: str, anchor: str | None = None) -> None:
        """Say that `record_id` is shown on `page` (at `anchor`, its entry's id by default); the
        first page to say so is its home."""
        self.homes.setdefault(record_id, f"{page}#{anchor or anchor_id(record_id)}")

    def href(self, record_id: str | None) -> str | None:
        """The link to a record's home; None for a record no page shows (or no record)."""
        return None if record_id is None else self.homes.get(record_id)

    def passage_href(self, record_id: str, quote: Quote | None) -> str | None:
        """The link to a quote highlighted in its source page; None when the passage cannot be
        placed (not found, no stored text, a message's own words), where a link to the record
        is what is left."""
        if quote is None:
            return None
        span = self.quote_span(record_id, quote)
        page = self.source_page(record_id)
        if span is None or page is None:
            return None
        return f"{page}#{passage_id(*span)}"

    def source_page(self, record_id: str) -> str | None:
        """The page of a record's stored text, for a record that has one."""
        record = self.records.by_id().get(record_id)
        if record is None or getattr(record, "text_file", None) is None:
            return None
        return f"source-{record_id}.html"

    def once(self, key: str, make: Callable[[], T]) -> T:
        """What `make` returns, made once per build: what both `homes` and `write` of a page need."""
        if key not in self._made:
            self._made[key] = make()
        return self._made[key]  # type: ignore[no-any-return]

    # -- stored texts --------------------------------------------------------------------------

    def copy(self, record_id: str) -> StoredCopy:
        """The stored text of a record and its digests, read once per build."""
        if record_id not in self._copies:
            copy = stored_copy(self.records, record_id, self.root)
            if copy.text is not None:  # positions count in NFC, as the quote rules count them
                copy = attrs.evolve(copy, text=unicodedata.normalize("NFC", copy.text))
            self._copies[record_id] = copy
        return self._copies[record_id]

    def quote_span(self, record_id: str, quote: Quote) -> tuple[int, int] | None:
        if self.source_page(record_id) is None:
            return None
        text = self.copy(record_id).text
        return None if text is None else quote_span(text, quote)

    # -- what pages print ----------------------------------------------------------------------

    def name(self, record_id: str | None) -> str:
        """What a record is called in a list or a link."""
        if record_id is None:
            return ""
        record = self.records.by_id().get(record_id)
        return record_id if record is None else node_name(record)

    def mark(self, record: Record) -> str:
        """How sure what the page says of a record is: the weakest mark of the fields its line is
        made from (worked out once a build: a message's is shown by its entry and its citation)."""
        level = self._marks.get(record.id)
        if level is None:
            level = self._marks[record.id] = describe_mark(record, self.records).value
        return level

    def field_mark(
        self, record: Record, *names: str, people: Iterable[str | None] = (), also: Iterable[Confidence] = ()
    ) -> str:
        """How sure a value printed from some fields of a record is (and from the names of the
        `people` it names, and other marks `also`): the weakest of their marks."""
        fields = [(record, name) for name in names] + name_fields(self.records, people)
        return weaker(weakest(fields), *also).value

    # A mark, a flag, a link and a citation are printed for every entry of a long list: they are
    # made as plain strings of HTML (escaped by `escape`), and wrapped as Markup for templates.

    def badge(self, level: str) -> str:
        """A mark as a badge, in words as well as in colour."""
        return BADGES[level]

    def flag(self, level: str) -> str:
        """A value's mark, shown only when it is not confirmed: beside a fact, never read as one."""
        return "" if level == "confirmed" else " " + BADGES[level]

    def link(self, record_id: str | None, text: str | None = None) -> str:
        """A record's name (or `text`) linked to its home; plain text for a record no page shows."""
        if text is None and record_id in self._links:  # a record's own link: made once a build
            return self._links[record_id]
        shown = escape(text or self.name(record_id))
        href = self.href(record_id)
        made = shown if href is None else f'<a href="{escape(href)}">{shown}</a>'
        if text is None and record_id is not None:
            self._links[record_id] = made
        return made

    def citation(self, record: Record, why: bool = False) -> str:
        """The record's citation in the site's style, its unconfirmed values marked, with a button
        that copies it as text ("[likely]"), so that a value not confirmed is never pasted as a
        fact. For a record the records cannot cite (a claim without evidence), nothing, or with
        `why`, the reason."""
        try:
            cited = citation(record, records=self.records, style=self.style, marks=True)
        except EvidenceError as error:
            return f'<p class="none">Not cited: {escape(str(error))}</p>' if why else ""
        anchor = escape(f"cite-{record.id}")
        return (
            f'<div class="citation">\n<p class="cite" id="{anchor}">{cited.render(Markup.HTML)}</p>\n'
            f'<button type="button" class="copy" hidden data-copy="{escape(cited.render(Markup.TEXT))}"'
            f' aria-label="Copy the citation of {escape(node_name(record))}">Copy</button>\n</div>'
        )

    # -- writing -------------------------------------------------------------------------------

    def environment(self) -> Any:
        if self._env is None:
            import jinja2  # imported here: only a report needs it

            self._env = jinja2.Environment(
                loader=jinja2.PackageLoader("evidence._report", "templates"),
                autoescape=True,
                undefined=jinja2.StrictUndefined,
                trim_blocks=True,
                lstrip_blocks=True,
                keep_trailing_newline=True,
            )
            self._env.globals.update(
                site=self,
                navigation=NAVIGATION,
                marks=MARKS,
                page_name=page_name,
                pager_pages=pager_pages,
                date=date_label,
                zip=zip,
                mark=lambda level: MarkupText(self.badge(level)),
                flag=lambda level: MarkupText(self.flag(level)),
                link=lambda record_id, text=None: MarkupText(self.link(record_id, text)),
                citation=lambda record, why=False: MarkupText(self.citation(record, why)),
            )
        return self._env

    def write(self, page: str, template: str, **context: Any) -> Path:
        """Render `template` into `page`: made whole, then written in one call (a long list is
        paged, so a page is bounded; writing it piece by piece costs a call per piece)."""
        path = self.folder / page
        path.parent.mkdir(parents=True, exist_ok=True)
        text = self.environment().get_template(template).render(page=page, **context)
        with open(path, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
        self.written.append(path)
        return path

    def home_pages(self, base: str, records: Sequence[Record]) -> None:
        """Say that each of `records` is shown on the page of `base` it falls on."""
        for number, shown in paged(records):
            for record in shown:
                self.home(record.id, page_name(base, number))

    def write_pages(
        self,
        base: str,
        template: str,
        items: Sequence[Any],
        shown: Callable[[Sequence[Any]], dict[str, Any]],
        **context: Any,
    ) -> None:
        """Write a long list as pages of `base`, each given its number, the count of pages and
        what `shown` makes of its items; of those, the pages of this process's `share`."""
        count = max(1, -(-len(items) // PAGE_SIZE))
        share, shares = self.share
        for number, part in paged(items):
            if (number - 1) % shares == share:
                self.write(page_name(base, number), template, number=number, count=count, **shown(part), **context)

    def relative(self, paths: Iterable[Path]) -> list[str]:
        return [os.fspath(p.relative_to(self.folder)) for p in paths]
