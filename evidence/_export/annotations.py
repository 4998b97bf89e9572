"""Quotes as W3C Web Annotations (JSON-LD): every message attestation and every quoted piece of
a claim's evidence, with the selectors that find the passage again. Needs no extra.

Motivations are the W3C's own, which the anno context expands to ``oa:`` IRIs: a source's
passage that renders a message is ``linking`` (the body names the message), a quoted piece of a
claim's evidence ``describing`` (the body is the claim)."""

from __future__ import annotations

import json
import os
import unicodedata
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any

from evidence._check import quote_span, record_text
from evidence._errors import UsageError
from evidence._labels import weaker, weakest
from evidence._model import Actor, ActorKind, Claim, Message, Quote, Record
from evidence._recordset import RecordSet

RECORD_URN = "urn:evidence:record:"
ANNOTATION_URN = "urn:evidence:annotation:"
ANNO_CONTEXT = "http://www.w3.org/ns/anno.jsonld"
# How sure an annotation is: an extra property, which the Web Annotation model allows, named by
# the IRI PROV's ``ev:confidence`` stands for, so that JSON-LD readers keep it.
CONFIDENCE = RECORD_URN + "confidence"
# Characters of stored text taken on each side of a passage for its prefix and suffix (fewer
# where that cuts a word), as `evidence quote` starts with.
CONTEXT = 32


def created() -> str:
    """When the annotations are made: now, or the time SOURCE_DATE_EPOCH gives (the convention of
    reproducible builds), in UTC to the second."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    moment = datetime.fromtimestamp(int(epoch), UTC) if epoch.isdigit() else datetime.now(UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


class _Texts:
    """The stored texts of the quoted records, each read once, as the checker reads it (a file
    that is missing or altered, or a record made in code, gives none)."""

    def __init__(self, records: RecordSet) -> None:
        self.records = records
        self.texts: dict[str, str | None] = {}

    def text(self, id: str) -> str | None:
        if id not in self.texts:
            try:
                text = record_text(self.records, id)
                self.texts[id] = unicodedata.normalize("NFC", text)  # as `anchor` counts
            except UsageError:
                self.texts[id] = None
        return self.texts[id]

    def context(self, id: str, quote: Quote) -> tuple[str | None, str | None]:
        """The prefix and suffix of a quote: its own where the record gives them, else the words
        around it in the stored text, found by the quote rules' matching. A passage that occurs
        more than once and that the record does not tell apart keeps the record's context: no
        occurrence is picked for it."""
        text = self.text(id)
        span = None if text is None else quote_span(text, quote)
        if text is None or span is None:
            return quote.prefix, quote.suffix
        start, end = span
        prefix = quote.prefix if quote.prefix is not None else _prefix(text, start)
        suffix = quote.suffix if quote.suffix is not None else _suffix(text, end)
        return prefix, suffix


def _prefix(text: str, start: int) -> str | None:
    """The text before a passage, up to CONTEXT characters, less the word the window cuts."""
    left = max(0, start - CONTEXT)
    if left > 0 and not text[left - 1].isspace():
        space = next((n for n in range(left, start) if text[n].isspace()), None)
        left = left if space is None else space + 1
    return text[left:start] or None


def _suffix(text: str, end: int) -> str | None:
    """The text after a passage, up to CONTEXT characters, less the word the window cuts."""
    right = min(len(text), end + CONTEXT)
    if right < len(text) and not text[right].isspace():
        space = next((n for n in range(right - 1, end - 1, -1) if text[n].isspace()), None)
        right = right if space is None else space
    return text[end:right] or None


def _target(records: dict[str, Record], texts: _Texts, id: str, quote: Quote) -> dict[str, Any]:
    record = records.get(id)
    # The quote is anchored in the stored text, which may be a copy from elsewhere.
    url = getattr(record, "text_url", None) or getattr(record, "url", None)
    text_quote: dict[str, Any] = {"type": "TextQuoteSelector", "exact": quote.exact}
    prefix, suffix = texts.context(id, quote)
    if prefix is not None:
        text_quote["prefix"] = prefix
    if suffix is not None:
        text_quote["suffix"] = suffix
    selectors = [text_quote]
    if quote.start is not None and quote.end is not None:
        selectors.append({"type": "TextPositionSelector", "start": quote.start, "end": quote.end})
    return {"source": url if isinstance(url, str) else RECORD_URN + id, "selector": selectors}


def _creator(records: dict[str, Record], id: str) -> dict[str, Any]:
    creator: dict[str, Any] = {"id": RECORD_URN + id}
    actor = records.get(id)
    if isinstance(actor, Actor):
        creator["type"] = "Person" if actor.kind is ActorKind.PERSON else "Organization"
        creator["name"] = actor.name
    return creator


def _textual_body(value: str, purpose: str, language: str | None) -> dict[str, Any]:
    body: dict[str, Any] = {"type": "TextualBody", "value": value, "format": "text/plain", "purpose": purpose}
    if language is not None:
        body["language"] = language
    return body


def to_annotations(records: Iterable[Record]) -> list[dict[str, Any]]:
    """Every quote as a W3C Web Annotation (JSON-LD): message attestations (motivation linking,
    the bodies the message's text and the message itself) and quoted claim evidence (motivation
    describing, the body the claim's statement and a classifying body with the evidence's role).
    Each has `created` (see `created`) and a TextQuoteSelector with the words around the passage
    in the stored text as its prefix and suffix. Ids are ``urn:evidence:annotation:<record
    id>:<n>``, n counting the record's quotes from 1."""
    record_set = records if isinstance(records, RecordSet) else RecordSet(records)
    by_id = {record.id: record for record in record_set}
    texts = _Texts(record_set)
    made = created()
    annotations: list[dict[str, Any]] = []
    for record in record_set:
        n = 0
        if isinstance(record, Message):
            # The passage links to the message it renders: named by its record, and by its text
            # where the record has one.
            message: dict[str, Any] = {"id": RECORD_URN + record.id}
            bodies: list[dict[str, Any]] = [message]
            if record.text is not None:
                bodies.insert(0, _textual_body(record.text, "identifying", record.language))
            for attestation in record.attestations:
                n += 1
                annotations.append(
                    {
                        "@context": ANNO_CONTEXT,
                        "id": f"{ANNOTATION_URN}{record.id}:{n}",
                        "type": "Annotation",
                        "motivation": "linking",
                        "created": made,
                        "body": bodies if len(bodies) > 1 else message,
                        "target": _target(by_id, texts, attestation.source, attestation.quote),
                        # as sure as the attestation and the message text the body gives
                        CONFIDENCE: weaker(attestation.confidence, weakest(((record, "text"),))).value,
                    }
                )
        elif isinstance(record, Claim):
            for evidence in record.evidence:
                if evidence.quote is None:
                    continue
                n += 1
                annotation: dict[str, Any] = {
                    "@context": ANNO_CONTEXT,
                    "id": f"{ANNOTATION_URN}{record.id}:{n}",
                    "type": "Annotation",
                    "motivation": "describing",
                    "created": made,
                    "body": [
                        _textual_body(record.statement, "describing", record.language),
                        _textual_body(evidence.role.value, "classifying", "en"),
                    ],
                    "target": _target(by_id, texts, evidence.record, evidence.quote),
                    # as sure as the evidence link and the claim whose statement the body gives
                    CONFIDENCE: weaker(evidence.confidence, weakest(((record, "statement"),))).value,
                }
                if record.asserted_by is not None:
                    annotation["creator"] = _creator(by_id, record.asserted_by)
                annotations.append(annotation)
    return annotations


def to_annotations_json(records: Iterable[Record]) -> str:
    """Every quote as a W3C Web Annotation, in one JSON array."""
    return json.dumps(to_annotations(records), indent=2, ensure_ascii=False)
