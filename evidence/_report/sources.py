"""The sources page and one page per stored text: every quote a claim or a message places in the
text highlighted and linked back to who uses it, the digest recorded beside the digest of the
file as built (an altered file is shown as altered), and a translation beside what it
translates."""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Iterable, Sequence

import attrs
from markupsafe import Markup, escape

from evidence._model import AttestationKind, Message, Quote, Record, Source
from evidence._report.site import Site, passage_id

PAGE = "sources.html"


@attrs.frozen
class Use:
    """A quote of a stored text and the record that quotes it (a claim's evidence, a message's
    attestation)."""

    user: str
    quote: Quote
    translates: Message | None = None  # a message's wording this quote translates


@attrs.frozen
class Segment:
    """A stretch of text between two passage boundaries, and the passages covering it."""

    start: int
    end: int
    covering: tuple[tuple[int, int], ...]
    opening: tuple[tuple[int, int], ...]  # the passages that start here: their ids go here


def segments(length: int, spans: Iterable[tuple[int, int]]) -> list[Segment]:
    """The text cut at every boundary of every passage, so that overlapping and nested passages
    are written as marks that never cross: each segment is wrapped in its own marks, and a
    passage's id goes on the segment it starts in."""
    passages = sorted({(s, e) for s, e in spans if 0 <= s < e <= length})
    cuts = sorted({0, length, *(p for span in passages for p in span)})
    result: list[Segment] = []
    active: list[tuple[int, int]] = []
    next_passage = 0
    for start, end in itertools.pairwise(cuts):  # a sweep: the passages open at each cut
        active = [span for span in active if span[1] > start]
        while next_passage < len(passages) and passages[next_passage][0] == start:
            active.append(passages[next_passage])
            next_passage += 1
        covering = tuple(active)
        result.append(Segment(start, end, covering, tuple(span for span in covering if span[0] == start)))
    return result


def text_html(text: str) -> Markup:
    """Text for a pre-wrapped block: escaped, a page break (form feed) drawn as a rule."""
    return Markup(str(escape(text)).replace("\f", '<span class="page-break" role="separator"></span>'))


def text_body(text: str, parts: Sequence[Segment]) -> Markup:
    """The stored text as HTML, each segment in the marks of the passages covering it and each
    passage's id on the segment it starts in. Made here, not in the template: a long text is
    cut into thousands of segments."""
    out: list[str] = []
    for segment in parts:
        shown = text_html(text[segment.start : segment.end])
        if not segment.covering:
            out.append(shown)
        elif segment.opening:
            opening = "".join(f'<mark class="passage" id="{passage_id(*span)}">' for span in segment.opening)
            out.append(f"{opening}{shown}{'</mark>' * len(segment.opening)}")
        else:
            out.append(f'<mark class="passage">{shown}</mark>')
    return Markup("".join(out))


def passage_list(site: Site, passages: Sequence[Passage]) -> Markup:
    """The quoted passages of a text, each linked to its place in the text and to the records
    quoting it. Made here, not in the template: a text may be quoted by thousands of messages."""
    return Markup(
        "\n".join(
            f'<li><a href="#{passage_id(*passage.span)}">“{escape(passage.text)}”</a>, quoted by'
            f" {', '.join(site.link(user) for user in passage.users)}</li>"
            for passage in passages
        )
    )


def stored(site: Site) -> list[Record]:
    """Every record with a stored text, in the order of the records."""
    return [record for record in site.records if getattr(record, "text_file", None) is not None]


def uses(site: Site) -> dict[str, list[Use]]:
    """The quotes placed in each record's text, by the record quoted."""
    found: dict[str, list[Use]] = defaultdict(list)
    for claim in site.records.claims:
        for link in claim.evidence:
            if link.quote is not None:
                found[link.record].append(Use(claim.id, link.quote))
    for message in site.records.messages:
        for attestation in message.attestations:
            translates = message if attestation.kind is AttestationKind.TRANSLATION else None
            found[attestation.source].append(Use(message.id, attestation.quote, translates))
    return found


@attrs.frozen
class Passage:
    span: tuple[int, int]
    users: tuple[str, ...]
    text: str


@attrs.frozen
class TextPage:
    record: Record
    text: str | None
    segments: Sequence[Segment]
    passages: Sequence[Passage]
    unplaced: Sequence[Use]
    pairs: Sequence[tuple[str, Message]]  # a translated passage and the message whose wording it translates


def text_page(site: Site, record: Record, quoted: list[Use]) -> TextPage:
    text = site.copy(record.id).text
    placed: dict[tuple[int, int], list[str]] = defaultdict(list)
    unplaced, pairs = [], []
    for use in quoted:
        span = site.quote_span(record.id, use.quote)
        if span is None:
            unplaced.append(use)
            continue
        if use.user not in placed[span]:
            placed[span].append(use.user)
        if use.translates is not None and text is not None:
            pairs.append((text[span[0] : span[1]], use.translates))
    if text is None:
        return TextPage(record, None, [], [], unplaced, pairs)
    passages = [Passage(span, tuple(users), text[span[0] : span[1]]) for span, users in sorted(placed.items())]
    return TextPage(record, text, segments(len(text), placed), passages, unplaced, pairs)


def homes(site: Site) -> None:
    for source in site.records.sources:
        site.home(source.id, PAGE)
    for record in stored(site):
        site.home(record.id, PAGE)


def write(site: Site) -> None:
    listed = [*site.records.sources, *(r for r in stored(site) if not isinstance(r, Source))]
    site.write(PAGE, "sources.html.j2", heading="Sources", listed=listed)
    quoted = uses(site)
    for record in stored(site):
        page = text_page(site, record, quoted.get(record.id, []))
        site.write(
            site.source_page(record.id) or "",
            "source.html.j2",
            heading=site.name(record.id),
            record=record,
            copy=site.copy(record.id),
            shown=page,
            passage_list=lambda passages: passage_list(site, passages),
            body=text_body,
            original=site.records.by_id().get(getattr(record, "translation_of", None) or ""),
        )
