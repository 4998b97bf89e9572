"""Provenance you can follow: from any record back to its primary sources.

`trace(records, id)` walks the typed links of a record set: a claim's evidence, a quote in a
source (or in a filing's or exhibit's stored text), the original a translation renders, the
original a republication reprints, the message a source reports, the sources that attest a
message and the exhibit and filing that hold it, the docket the filing is on, and every
provenance `Link`. Each step keeps two marks apart, the link's (how sure it is that the parent
leads here) and its own (the record's, or the wording's where the step shows a wording, never
surer than its record), and carries the weakest mark of the path from the start to it: a value
is only as sure as the weakest of its own mark, its record's and each link it came through.
"""

from __future__ import annotations

import collections
from collections.abc import Iterator

import attrs

from evidence._errors import ResolutionError
from evidence._labels import actor_name, node_name, weaker
from evidence._model import (
    Attestation,
    AttestationKind,
    Claim,
    ClaimStatus,
    Confidence,
    Decision,
    Exhibit,
    Filing,
    Message,
    Quote,
    Record,
    Source,
    chain_text,
)
from evidence._recordset import RecordSet


@attrs.frozen(kw_only=True)
class Trace:
    """One step of a provenance graph: a record, how it was reached, and what it rests on."""

    record: str
    kind: str
    link: str  # how the parent leads here: "evidence (supports)", "translation of", "held in", ...
    link_confidence: Confidence | None  # the link's own mark; None at the start
    own_confidence: Confidence  # the wording's mark where `wording` is set, else the record's
    confidence: Confidence  # the weakest mark from the start to here, this step's own and link's included
    label: str
    wording: str | None = None  # the passage this step shows, when it shows one
    status: ClaimStatus | None = None  # for a claim: who stands behind it
    speaker: str | None = None  # for a claim: the name of who asserts it, None when not recorded
    asserted_on: str | None = None  # for a claim: when it was asserted, when known
    steps: tuple[Trace, ...] = ()
    cut: bool = False  # the trace stopped here, at its limit of steps: what is behind is not shown

    def marks(self) -> tuple[Confidence, ...]:
        """The marks this step adds to its path: its link's (past the start) and its own."""
        return (self.own_confidence,) if self.link_confidence is None else (self.link_confidence, self.own_confidence)

    def paths(self) -> Iterator[tuple[Trace, ...]]:
        """Every path from here to a record with nothing further behind it (or to a step where
        the trace was cut), depth first, without recursion: a chain may be thousands long."""
        stack: list[tuple[Trace, ...]] = [(self,)]
        while stack:
            path = stack.pop()
            if not path[-1].steps:
                yield path
            stack.extend((*path, step) for step in reversed(path[-1].steps))

    @staticmethod
    def weakest(path: tuple[Trace, ...]) -> Confidence:
        """The mark of a path: the weakest of every mark along it."""
        return weaker(*(mark for step in path for mark in step.marks()))


MAX_STEPS = 10_000  # steps of one trace: records linked every way to each other have n! paths


class _Node:
    """A step being built: its Trace without steps, what it rests on once followed, and what to
    follow it with (None when nothing is)."""

    __slots__ = ("children", "follow", "step")

    def __init__(self, step: Trace, follow: tuple[Record, frozenset[str], Quote | None, Confidence] | None) -> None:
        self.step = step
        self.follow = follow
        self.children: list[_Node] = []


class _Walk:
    """Steps are made breadth first from a queue, never by recursion, and at most `max_steps` of
    them: a step left in the queue when they run out is marked `cut`."""

    def __init__(self, records: RecordSet, max_steps: int) -> None:
        self.records = records
        self.queue: collections.deque[_Node] = collections.deque()
        self.left = max_steps

    def run(self, root: _Node) -> Trace:
        while self.queue and self.left > 0:
            node = self.queue.popleft()
            assert node.follow is not None
            node.children = list(self.behind(*node.follow))
            node.follow = None
            self.left -= len(node.children)
        # The steps, built from the leaves up: a frozen Trace holds its steps made.
        order: list[_Node] = []
        stack = [root]
        while stack:
            node = stack.pop()
            order.append(node)
            stack.extend(node.children)
        built: dict[int, Trace] = {}
        for node in reversed(order):
            steps = tuple(built.pop(id(child)) for child in node.children)
            cut = node.follow is not None
            # A leaf, followed to its end, is its step as made: nothing to add to it.
            built[id(node)] = attrs.evolve(node.step, steps=steps, cut=cut) if steps or cut else node.step
        return built[id(root)]

    def node(
        self,
        record: Record,
        link: str,
        link_mark: Confidence | None,
        above: Confidence | None,
        seen: frozenset[str],
        *,
        quote: Quote | None = None,
        wording: tuple[str, Confidence] | None = None,
        behind: bool = True,
    ) -> _Node:
        """A step to `record`; `above` is the mark of the path before it, `wording` the passage it
        shows with the passage's own mark. Unless `behind` is False, the steps behind it follow."""
        own = record.confidence if wording is None else weaker(record.confidence, wording[1])
        confidence = weaker(*(m for m in (above, link_mark, own) if m is not None))
        claim = record if isinstance(record, Claim) else None
        step = Trace(
            record=record.id,
            kind=record.KIND,
            link=link,
            link_confidence=link_mark,
            own_confidence=own,
            confidence=confidence,
            label=self.name(record) if wording is None else f"“{wording[0]}” in {self.name(record)}",
            wording=None if wording is None else wording[0],
            status=claim.status if claim else None,
            speaker=actor_name(self.records, claim.asserted_by) if claim else None,
            asserted_on=str(claim.asserted_on) if claim and claim.asserted_on else None,
        )
        if not behind:
            return _Node(step, None)
        node = _Node(step, (record, seen | {record.id}, quote, confidence))
        self.queue.append(node)
        return node

    def name(self, record: Record) -> str:
        """`node_name`, made once per set and record: a trace per claim names the same sources."""
        return self.records.once(("node name", record.id), lambda: node_name(record))

    def step(
        self,
        id: str | None,
        link: str,
        link_mark: Confidence,
        above: Confidence,
        seen: frozenset[str],
        quote: Quote | None = None,
    ) -> Iterator[_Node]:
        if id is not None and id in self.records and id not in seen:
            record = self.records[id]
            # A quote in a source is a wording there, as sure as the source's text it is found in.
            wording = (quote.exact, record.confidence) if quote is not None else None
            yield self.node(record, link, link_mark, above, seen, quote=quote, wording=wording)

    def behind(self, record: Record, seen: frozenset[str], quote: Quote | None, above: Confidence) -> Iterator[_Node]:
        if isinstance(record, Claim):
            for link in record.evidence:
                yield from self.step(
                    link.record, f"evidence ({link.role.value})", link.confidence, above, seen, link.quote
                )
        elif isinstance(record, Source):
            yield from self._source(record, seen, quote, above)
            mark = record.confidence_of("republication_of")
            yield from self.step(record.republication_of, "republication of", mark, above, seen)
        elif isinstance(record, Message):
            field = "exhibit" if record.exhibit is not None else "filing"
            yield from self.step(getattr(record, field), "held in", record.confidence_of(field), above, seen)
            yield from self._attesting(record, seen, above)
        elif isinstance(record, Exhibit):
            # A court document quoting a message in its stored text leads to it as a source does.
            yield from self._source(record, seen, quote, above)
            yield from self.step(record.filing, "attached to", record.confidence_of("filing"), above, seen)
        elif isinstance(record, Filing):
            yield from self._source(record, seen, quote, above)
            yield from self.step(record.case, "on the docket of", record.confidence_of("case"), above, seen)
        elif isinstance(record, Decision):
            # A decision rests on the docket entry that holds it, else on its case's docket.
            if record.filing is not None:
                yield from self.step(record.filing, "held in", record.confidence_of("filing"), above, seen)
            else:
                yield from self.step(record.case, "of the case", record.confidence_of("case"), above, seen)
        for provenance in record.links:
            yield from self.step(
                provenance.target, provenance.rel.value.replace("_", " "), provenance.confidence, above, seen
            )

    def _attesting(self, message: Message, seen: frozenset[str], above: Confidence) -> Iterator[_Node]:
        """The sources that print a message, as a claim's evidence: each with the quote there, the
        attestation's mark on both the link and the wording (never surer than the source)."""
        for attestation in message.attestations:
            if attestation.source in self.records and attestation.source not in seen:
                yield self.node(
                    self.records[attestation.source], f"attested by ({attestation.kind.value})",
                    attestation.confidence, above, seen, quote=attestation.quote,
                    wording=(attestation.quote.exact, attestation.confidence),
                )  # fmt: skip

    def _renderings(self, source_id: str) -> dict[str, list[tuple[Message, int, Attestation]]]:
        """The attestations of a source by the words they quote, each with its message and its rank
        among that message's attestations of the source: asked of the set's index of references
        (only the messages that name a source can render it), once per set and source, not once
        per claim resting on it."""

        def made() -> dict[str, list[tuple[Message, int, Attestation]]]:
            found: dict[str, list[tuple[Message, int, Attestation]]] = {}
            for message in self.records.referrers(source_id):
                if isinstance(message, Message):
                    here = [a for a in message.attestations if a.source == source_id]
                    for index, attestation in enumerate(here):
                        found.setdefault(attestation.quote.exact, []).append((message, index, attestation))
            return found

        return self.records.once(("renderings", source_id), made)

    def _source(
        self, source: Source | Filing | Exhibit, seen: frozenset[str], quote: Quote | None, above: Confidence
    ) -> Iterator[_Node]:
        """Behind a quote in a source (or a filing or exhibit): the message it renders, through the
        original it translates; behind a translation with no such message, the original it
        translates all the same."""
        translation = source.confidence_of("translation_of") if isinstance(source, Source) else Confidence.UNVERIFIED
        translation_of = source.translation_of if isinstance(source, Source) else None
        found = False
        renderings = self._renderings(source.id).get(quote.exact, ()) if quote is not None else ()
        for message, index, attestation in renderings:
            if message.id in seen:
                continue
            found = True
            original_id = attestation.translation_of or translation_of
            if (
                attestation.kind is not AttestationKind.TRANSLATION
                or original_id is None
                or original_id not in self.records
            ):
                yield self.node(message, "quotes", attestation.confidence, above, seen)
                continue
            if original_id in seen:
                continue
            # The same passage in the original: the attestation of the same rank there. The
            # translation is at most as sure as its attestation and the source's translation link.
            there = [a for a in message.attestations if a.source == original_id]
            reported = there[index] if index < len(there) else None
            link = weaker(attestation.confidence, translation)
            original = self.records[original_id]
            if reported is None:
                yield self.node(original, "translation of", link, above, seen, behind=False)
                continue
            step = self.node(
                original, "translation of", link, above, seen, wording=(reported.quote.exact, reported.confidence),
                behind=False,
            )  # fmt: skip
            reports = self.node(
                message, "reports", reported.confidence, step.step.confidence, seen | {source.id, original_id}
            )
            step.children = [reports]
            yield step
        if not found:
            # No message renders this passage (or no passage was asked for): the source still
            # rests on the original it translates, through the translation link.
            yield from self.step(translation_of, "translation of", translation, above, seen)


def trace(records: RecordSet, id: str, *, max_steps: int = MAX_STEPS) -> Trace:
    """The provenance graph of a record, as a tree of steps back to its primary sources. A path
    never comes back to a record it has passed (a cycle ends there), and the tree holds at most
    about `max_steps` steps: where it stops, a step is marked `cut`."""
    if id not in records:
        raise ResolutionError(f"no record has the id {id!r}")
    walk = _Walk(records, max_steps)
    return walk.run(walk.node(records[id], "start", None, None, frozenset()))


def _claim_marks(step: Trace) -> str:
    """A claim's status and speaker, beside the mark of the attribution (how sure it is that it was
    asserted so): an allegation never reads as a bare "confirmed"."""
    status = step.status.value if step.status else "asserted"
    who = f"{status} by {step.speaker}" if step.speaker else f"{status}, speaker not recorded"
    when = f" on {step.asserted_on}" if step.asserted_on else ""
    return f"{who}{when}; attribution {step.own_confidence.value}"


def step_marks(step: Trace) -> str:
    """The marks of one step in words, the link's and its own apart: "link likely, wording unverified"."""
    own = (
        _claim_marks(step)
        if step.status is not None
        else f"{'wording' if step.wording else 'record'} {step.own_confidence.value}"
    )
    return own if step.link_confidence is None else f"link {step.link_confidence.value}, {own}"


MAX_PATHS = 100  # paths listed under the tree; the rest are counted, and the weakest named


def render_tree(root: Trace, *, max_paths: int = MAX_PATHS) -> str:
    """The trace as a tree for a terminal, each step with its link's mark and its own, and its
    paths with the weakest mark along each: the first `max_paths`, then how many more and the
    weakest of all."""
    lines = [f"{root.kind} {root.record}: {root.label} [{step_marks(root)}]"]
    stack: list[tuple[Trace, str, bool]] = [(step, "", n == len(root.steps) - 1) for n, step in enumerate(root.steps)]
    stack.reverse()
    cut = root.cut
    while stack:  # depth first, without recursion
        step, prefix, last = stack.pop()
        branch = "└─" if last else "├─"
        more = " …" if step.cut else ""
        lines.append(
            f"{prefix}{branch} {step.link} → {step.kind} {step.record}: {step.label} [{step_marks(step)}]{more}"
        )
        cut = cut or step.cut
        inner = prefix + ("   " if last else "│  ")
        stack.extend((child, inner, n == len(step.steps) - 1) for n, child in reversed(list(enumerate(step.steps))))
    if cut:
        lines.append("… the trace stops at its limit of steps; what is behind a step marked … is not shown")
    shown = 0
    weakest: tuple[Confidence, tuple[Trace, ...]] | None = None
    for path in root.paths():
        if len(path) == 1:
            break
        mark = Trace.weakest(path)
        if weakest is None or mark.rank < weakest[0].rank:
            weakest = (mark, path)
        if shown == 0:
            lines.append("")
        if shown < max_paths:
            lines.append(f"{_path_text(path)}: as sure as its weakest step, {mark.value}")
        shown += 1
    if shown > max_paths and weakest is not None:
        among = f"of the {shown:,} traced" if cut else f"of all {shown:,}"  # a cut trace has more paths
        lines.append(
            f"… and {shown - max_paths:,} more paths; the weakest {among}: {_path_text(weakest[1])}, {weakest[0].value}"
        )
    return "\n".join(lines)


def _path_text(path: tuple[Trace, ...]) -> str:
    return chain_text([step.record for step in path])
