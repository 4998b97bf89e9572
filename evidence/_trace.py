"""Provenance you can follow: from any record back to its primary sources.

`trace(records, id)` walks the typed links of a record set: a claim's evidence, a quote in a
source, the original a translation renders, the message a source reports, the exhibit and filing
that hold a message, the docket the filing is on, and every provenance `Link`. Each step carries
its link type and confidence; a path is only as sure as its weakest step.
"""

from __future__ import annotations

from collections.abc import Iterator

import attrs

from evidence._errors import ResolutionError
from evidence._labels import node_name
from evidence._model import (
    AttestationKind,
    Claim,
    Confidence,
    Exhibit,
    Filing,
    Message,
    Quote,
    Record,
    Source,
)
from evidence._recordset import RecordSet


@attrs.frozen(kw_only=True)
class Trace:
    """One step of a provenance graph: a record, how it was reached, and what it rests on."""

    record: str
    kind: str
    link: str  # how the parent leads here: "evidence", "translation of", "held in", ...
    confidence: Confidence  # of this step: the link's, and the record's, whichever is weaker
    label: str
    steps: tuple[Trace, ...] = ()

    def paths(self) -> Iterator[tuple[Trace, ...]]:
        """Every path from here to a record with nothing further behind it."""
        if not self.steps:
            yield (self,)
        for step in self.steps:
            for path in step.paths():
                yield (self, *path)

    @staticmethod
    def weakest(path: tuple[Trace, ...]) -> Confidence:
        return min((step.confidence for step in path), key=lambda c: c.rank)


def _weaker(*levels: Confidence) -> Confidence:
    return min(levels, key=lambda c: c.rank)


class _Walk:
    def __init__(self, records: RecordSet) -> None:
        self.records = records

    def node(
        self, id: str, link: str, confidence: Confidence, seen: frozenset[str], quote: Quote | None = None
    ) -> Trace:
        record = self.records[id]
        label = f"“{quote.exact}” in {node_name(record)}" if quote is not None else node_name(record)
        return Trace(
            record=id,
            kind=record.KIND,
            link=link,
            confidence=_weaker(confidence, record.confidence),
            label=label,
            steps=tuple(self.behind(record, seen | {id}, quote)),
        )

    def step(
        self, id: str | None, link: str, confidence: Confidence, seen: frozenset[str], quote: Quote | None = None
    ) -> Iterator[Trace]:
        if id is not None and id in self.records and id not in seen:
            yield self.node(id, link, confidence, seen, quote)

    def behind(self, record: Record, seen: frozenset[str], quote: Quote | None) -> Iterator[Trace]:
        if isinstance(record, Claim):
            for link in record.evidence:
                yield from self.step(link.record, f"evidence ({link.role.value})", link.confidence, seen, link.quote)
        elif isinstance(record, Source):
            yield from self._source(record, seen, quote)
        elif isinstance(record, Message):
            if record.exhibit is not None:
                yield from self.step(record.exhibit, "held in", record.confidence_of("exhibit"), seen)
            else:
                yield from self.step(record.filing, "held in", record.confidence_of("filing"), seen)
        elif isinstance(record, Exhibit):
            yield from self.step(record.filing, "attached to", record.confidence_of("filing"), seen)
        elif isinstance(record, Filing):
            yield from self.step(record.case, "on the docket of", record.confidence_of("case"), seen)
        for provenance in record.links:
            yield from self.step(provenance.target, provenance.rel.value.replace("_", " "), provenance.confidence, seen)

    def _source(self, source: Source, seen: frozenset[str], quote: Quote | None) -> Iterator[Trace]:
        """Behind a quote in a source: the message it renders, through the original it translates."""
        if quote is None:
            yield from self.step(source.translation_of, "translation of", source.confidence_of("translation_of"), seen)
            return
        for message in self.records.messages:
            here = [a for a in message.attestations if a.source == source.id]
            for index, attestation in enumerate(here):
                if attestation.quote.exact != quote.exact or message.id in seen:
                    continue
                original_id = attestation.translation_of or source.translation_of
                if (
                    attestation.kind is AttestationKind.TRANSLATION
                    and original_id is not None
                    and original_id in self.records
                ):
                    # The same passage in the original: the attestation of the same rank there.
                    there = [a for a in message.attestations if a.source == original_id]
                    reported = there[index] if index < len(there) else None
                    level = _weaker(attestation.confidence, source.confidence_of("translation_of"))
                    original = self.records[original_id]
                    steps = (
                        (self.node(message.id, "reports", reported.confidence, seen | {source.id, original_id}, None),)
                        if reported is not None
                        else ()
                    )
                    text = (
                        f"“{reported.quote.exact}” in {node_name(original)}"
                        if reported is not None
                        else node_name(original)
                    )
                    yield Trace(
                        record=original_id,
                        kind=original.KIND,
                        link="translation of",
                        confidence=_weaker(level, original.confidence),
                        label=text,
                        steps=steps,
                    )
                else:
                    yield self.node(message.id, "quotes", attestation.confidence, seen)


def trace(records: RecordSet, id: str) -> Trace:
    """The provenance graph of a record, as a tree of steps back to its primary sources."""
    if id not in records:
        raise ResolutionError(f"no record has the id {id!r}")
    record = records[id]
    return _Walk(records).node(id, "start", record.confidence, frozenset())


def render_tree(root: Trace) -> str:
    """The trace as a tree for a terminal, each step with its confidence."""
    lines = [f"{root.kind} {root.record}: {root.label} [{root.confidence.value}]"]

    def walk(node: Trace, prefix: str) -> None:
        for n, step in enumerate(node.steps):
            last = n == len(node.steps) - 1
            branch = "└─" if last else "├─"
            lines.append(
                f"{prefix}{branch} {step.link} → {step.kind} {step.record}: {step.label} [{step.confidence.value}]"
            )
            walk(step, prefix + ("   " if last else "│  "))

    walk(root, "")
    paths = list(root.paths())
    if paths and len(paths[0]) > 1:
        lines.append("")
        for path in paths:
            lines.append(
                f"{' → '.join(step.record for step in path)}: as sure as its weakest step, {Trace.weakest(path).value}"
            )
    return "\n".join(lines)
