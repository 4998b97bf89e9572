"""Quotes as W3C Web Annotations (JSON-LD): every message attestation and every quoted piece of
a claim's evidence, with the selectors that find the passage again. Needs no extra."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from evidence._labels import weaker, weakest
from evidence._model import Actor, ActorKind, Claim, Message, Quote, Record

RECORD_URN = "urn:evidence:record:"
ANNOTATION_URN = "urn:evidence:annotation:"
ANNO_CONTEXT = "http://www.w3.org/ns/anno.jsonld"
# How sure an annotation is: an extra property, which the Web Annotation model allows, named by
# the IRI PROV's ``ev:confidence`` stands for, so that JSON-LD readers keep it.
CONFIDENCE = RECORD_URN + "confidence"


def _target(records: dict[str, Record], id: str, quote: Quote) -> dict[str, Any]:
    record = records.get(id)
    # The quote is anchored in the stored text, which may be a copy from elsewhere.
    url = getattr(record, "text_url", None) or getattr(record, "url", None)
    text_quote: dict[str, Any] = {"type": "TextQuoteSelector", "exact": quote.exact}
    if quote.prefix is not None:
        text_quote["prefix"] = quote.prefix
    if quote.suffix is not None:
        text_quote["suffix"] = quote.suffix
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
    """Every quote as a W3C Web Annotation (JSON-LD): message attestations (motivation quoting,
    the body naming the message) and quoted claim evidence (motivation describing, the body the
    claim's statement and a classifying body with the evidence's role). Ids are
    ``urn:evidence:annotation:<record id>:<n>``, n counting the record's quotes from 1."""
    records = tuple(records)
    by_id = {record.id: record for record in records}
    annotations: list[dict[str, Any]] = []
    for record in records:
        n = 0
        if isinstance(record, Message):
            for attestation in record.attestations:
                n += 1
                if record.text is not None:
                    body = _textual_body(record.text, "identifying", record.language)
                else:
                    body = _textual_body(record.id, "identifying", None)
                annotations.append(
                    {
                        "@context": ANNO_CONTEXT,
                        "id": f"{ANNOTATION_URN}{record.id}:{n}",
                        "type": "Annotation",
                        "motivation": "quoting",
                        "body": body,
                        "target": _target(by_id, attestation.source, attestation.quote),
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
                    "body": [
                        _textual_body(record.statement, "describing", record.language),
                        _textual_body(evidence.role.value, "classifying", "en"),
                    ],
                    "target": _target(by_id, evidence.record, evidence.quote),
                    CONFIDENCE: evidence.confidence.value,  # the evidence link's own mark
                }
                if record.asserted_by is not None:
                    annotation["creator"] = _creator(by_id, record.asserted_by)
                annotations.append(annotation)
    return annotations


def to_annotations_json(records: Iterable[Record]) -> str:
    """Every quote as a W3C Web Annotation, in one JSON array."""
    return json.dumps(to_annotations(records), indent=2, ensure_ascii=False)
