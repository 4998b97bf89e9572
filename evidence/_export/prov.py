"""Records as W3C PROV: PROV-JSON, PROV-N and PROV-O Turtle (the `prov` extra; Turtle rdflib).

The mapping:

* every record but an actor is an entity ``ev:<id>`` (``ev:`` is ``urn:evidence:record:``) with
  ``prov:label`` (its name as a node of the graph, as `evidence trace` names it), ``ev:kind``
  and ``ev:confidence``, and ``ev:fieldConfidence`` ("url unverified") for each field marked
  apart from the record; an actor is an agent ``ev:<id>`` (``prov:Person`` or
  ``prov:Organization``; a group is an organization with ``ev:kind`` group);
* a record's `Link` becomes the relation its rel names, with ``ev:confidence`` (and ``ev:note``,
  ``ev:by`` when given): derived_from → ``wasDerivedFrom``, quoted_from → ``wasQuotedFrom``,
  primary_source → ``hadPrimarySource``, revision_of → ``wasRevisionOf``, translation_of →
  ``wasDerivedFrom`` through the record's translation activity (below), alternate_of →
  ``alternateOf`` and part_of → ``hadMember`` with the target as the collection. PROV gives
  ``alternateOf`` and ``hadMember`` no attributes, so those two cannot carry the confidence;
* structure is membership: an exhibit ``hadMember`` its messages, a filing its exhibits (and the
  messages only the filing is known to hold), a case its filings; a collection has
  ``prov:type prov:Collection``;
* a source's ``translation_of`` is an activity ``evact:translation-<source id>`` (``evact:`` is
  ``urn:evidence:activity:``, apart from record ids so the two cannot collide) that ``used`` the
  original, ``wasGeneratedBy`` links the translation to it, ``wasDerivedFrom`` names it as
  ``prov:activity``, and ``wasAssociatedWith`` the translators: agents ``evagent:<slug>``
  (``urn:evidence:agent:``) named by their text;
* each attestation of a message: the source ``wasQuotedFrom`` the message (with ``ev:confidence``,
  ``ev:language``, ``ev:attestation`` — verbatim, translation or paraphrase — and ``ev:quote``);
  a translation's ``translation_of`` adds the source ``wasDerivedFrom`` the original source; the
  quoting record may be a filing or an exhibit quoting the message in its stored text;
* a source's ``republication_of`` → the source ``wasDerivedFrom`` the one it republishes (with
  ``ev:confidence``);
* a message's sender and a claim's ``asserted_by`` → ``wasAttributedTo`` the actor's agent, with
  ``ev:confidence`` the mark of that field (and of its record);
* a claim's evidence: the claim ``wasDerivedFrom`` each record that supports it, and
  ``wasInfluencedBy`` each that contradicts it or gives context (a claim is not derived from what
  contradicts it), with ``ev:role``, ``ev:confidence`` (the evidence link's mark) and ``ev:quote``
  when the evidence quotes a passage;
* membership carries no attributes in PROV, so beside each ``hadMember`` that a record's field
  makes (a message's exhibit or filing, an exhibit's filing, a filing's case) the record
  ``wasInfluencedBy`` its container with ``ev:rel`` (``held_in``, ``attached_to``, ``on_docket``)
  and ``ev:confidence``, the mark of that field (its own, else its record's): how sure it is
  that the filing holds the message.

`to_prov_dot` draws one record's trace (`evidence.trace`): the graph of the records it reaches,
and the actors they name, never the whole set, which no one can read as one picture.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from importlib.util import find_spec
from typing import Any

from prov.constants import PROV_LABEL, PROV_TYPE
from prov.identifier import Namespace, QualifiedName
from prov.model import ProvDocument

from evidence._errors import UsageError
from evidence._labels import titled_name, weakest
from evidence._model import (
    Actor,
    ActorKind,
    Attestation,
    Claim,
    EvidenceLink,
    EvidenceRole,
    Exhibit,
    Filing,
    Link,
    LinkRel,
    Message,
    Record,
    Source,
)
from evidence._recordset import RecordSet
from evidence._trace import Trace, trace

EV = Namespace("ev", "urn:evidence:record:")
EVACT = Namespace("evact", "urn:evidence:activity:")
EVAGENT = Namespace("evagent", "urn:evidence:agent:")
PROV = Namespace("prov", "http://www.w3.org/ns/prov#")


def _slug(text: str) -> str:
    """An id for an agent named only by text: ASCII letters and digits joined by '-'."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    if slug:
        return slug
    # Text with no ASCII letter or digit: name it by its code points.
    return "u" + "-".join(f"{ord(c):x}" for c in text.strip())[:200] if text.strip() else "unnamed"


class _Builder:
    def __init__(self, records: Iterable[Record]) -> None:
        self.records = tuple(records)
        self.by_id = {record.id: record for record in self.records}
        self.doc = ProvDocument()
        for namespace in (EV, EVACT, EVAGENT):
            self.doc.add_namespace(namespace)
        self.agents: set[str] = set()
        self.translator_agents: set[str] = set()
        self.activities: set[str] = set()

    # -- nodes ----------------------------------------------------------------------------------

    def collections(self) -> set[str]:
        found: set[str] = set()
        for record in self.records:
            if isinstance(record, Message):
                found.update(x for x in (record.exhibit, record.filing) if x is not None)
            elif isinstance(record, Exhibit):
                found.add(record.filing)
            elif isinstance(record, Filing):
                found.add(record.case)
            found.update(link.target for link in record.links if link.rel is LinkRel.PART_OF)
        return found

    def nodes(self) -> None:
        collections = self.collections()
        for record in self.records:
            if isinstance(record, Actor):
                self.actor(record)
                continue
            attributes: list[tuple[Any, Any]] = [
                (PROV_LABEL, titled_name(record)),
                (EV["kind"], record.KIND),
                (EV["confidence"], record.confidence.value),
            ]
            attributes += _field_marks(record)
            if record.id in collections:
                attributes.append((PROV_TYPE, PROV["Collection"]))
            self.doc.entity(EV[record.id], attributes)

    def actor(self, actor: Actor) -> None:
        kind = PROV["Person"] if actor.kind is ActorKind.PERSON else PROV["Organization"]
        self.doc.agent(
            EV[actor.id],
            [
                (PROV_TYPE, kind),
                (PROV_LABEL, actor.name),
                (EV["kind"], actor.kind.value),
                (EV["confidence"], actor.confidence.value),
                *_field_marks(actor),
            ],
        )
        self.agents.add(actor.id)

    def agent(self, id: str) -> QualifiedName:
        """The agent of an actor id; an actor not in the set is declared bare."""
        if id not in self.agents:
            self.agents.add(id)
            self.doc.agent(EV[id])
        return EV[id]

    def translator(self, name: str) -> QualifiedName:
        slug = _slug(name)
        if slug not in self.translator_agents:
            self.translator_agents.add(slug)
            self.doc.agent(EVAGENT[slug], [(PROV_LABEL, name)])
        return EVAGENT[slug]

    def translation_activity(self, record_id: str) -> QualifiedName:
        local = f"translation-{record_id}"
        if local not in self.activities:
            self.activities.add(local)
            self.doc.activity(EVACT[local], other_attributes=[(PROV_LABEL, f"translation of {record_id}")])
            self.doc.wasGeneratedBy(EV[record_id], EVACT[local])
        return EVACT[local]

    # -- relations ------------------------------------------------------------------------------

    def translation(
        self, record_id: str, original: str, attributes: list[tuple[Any, Any]], by: Iterable[QualifiedName]
    ) -> None:
        activity = self.translation_activity(record_id)
        self.doc.used(activity, EV[original])
        self.doc.wasDerivedFrom(EV[record_id], EV[original], activity=activity, other_attributes=attributes)
        for agent in by:
            self.doc.wasAssociatedWith(activity, agent)

    def link(self, record: Record, link: Link) -> None:
        source, target = EV[record.id], EV[link.target]
        attributes: list[tuple[Any, Any]] = [(EV["confidence"], link.confidence.value)]
        if link.note is not None:
            attributes.append((EV["note"], link.note))
        if link.rel is LinkRel.TRANSLATION_OF:
            by = [self.agent(link.by)] if link.by is not None else []
            self.translation(record.id, link.target, attributes, by)
            return
        if link.by is not None:
            attributes.append((EV["by"], self.agent(link.by)))
        if link.rel is LinkRel.ALTERNATE_OF:
            self.doc.alternateOf(source, target)
        elif link.rel is LinkRel.PART_OF:
            self.doc.hadMember(target, source)
        else:
            relate = {
                LinkRel.DERIVED_FROM: self.doc.wasDerivedFrom,
                LinkRel.QUOTED_FROM: self.doc.wasQuotedFrom,
                LinkRel.PRIMARY_SOURCE: self.doc.hadPrimarySource,
                LinkRel.REVISION_OF: self.doc.wasRevisionOf,
            }[link.rel]
            relate(source, target, other_attributes=attributes)

    def attestation(self, message: Message, attestation: Attestation) -> None:
        attributes: list[tuple[Any, Any]] = [
            (EV["confidence"], attestation.confidence.value),
            (EV["attestation"], attestation.kind.value),
            (EV["quote"], attestation.quote.exact),
        ]
        language = attestation.language
        source = self.by_id.get(attestation.source)
        if language is None and isinstance(source, Source):
            language = source.language
        if language is not None:
            attributes.append((EV["language"], language))
        self.doc.wasQuotedFrom(EV[attestation.source], EV[message.id], other_attributes=attributes)
        if attestation.translation_of is not None:
            self.doc.wasDerivedFrom(
                EV[attestation.source],
                EV[attestation.translation_of],
                other_attributes=[
                    (EV["confidence"], attestation.confidence.value),
                    (EV["quote"], attestation.quote.exact),
                    (EV["message"], EV[message.id]),
                ],
            )

    def attribution(self, record: Record, field: str, agent: str) -> None:
        """`wasAttributedTo`, as sure as the field that names the agent and its record."""
        mark = weakest(((record, field),)).value
        self.doc.wasAttributedTo(EV[record.id], self.agent(agent), other_attributes=[(EV["confidence"], mark)])

    def held(self, record: Record, field: str, rel: str) -> None:
        """The container a field names holds the record: `hadMember`, which takes no attributes,
        and the record `wasInfluencedBy` it, with the field's mark: the link's own, as the trace
        keeps it apart from the record's."""
        container: str = getattr(record, field)
        self.doc.hadMember(EV[container], EV[record.id])
        mark = record.confidence_of(field).value
        self.doc.wasInfluencedBy(
            EV[record.id], EV[container], other_attributes=[(EV["rel"], rel), (EV["confidence"], mark)]
        )

    def evidence(self, claim: Claim, evidence: EvidenceLink) -> None:
        """A claim rests on its evidence: derived from what supports it, influenced by the rest."""
        attributes: list[tuple[Any, Any]] = [
            (EV["role"], evidence.role.value),
            (EV["confidence"], evidence.confidence.value),
        ]
        if evidence.quote is not None:
            attributes.append((EV["quote"], evidence.quote.exact))
        if evidence.note is not None:
            attributes.append((EV["note"], evidence.note))
        relate = self.doc.wasDerivedFrom if evidence.role is EvidenceRole.SUPPORTS else self.doc.wasInfluencedBy
        relate(EV[claim.id], EV[evidence.record], other_attributes=attributes)

    def relations(self) -> None:
        for record in self.records:
            for link in record.links:
                self.link(record, link)
            if isinstance(record, Message):
                for field in ("exhibit", "filing"):
                    if getattr(record, field) is not None:
                        self.held(record, field, "held_in")
                if record.sender is not None:
                    self.attribution(record, "sender", record.sender)
                for attestation in record.attestations:
                    self.attestation(record, attestation)
            elif isinstance(record, Exhibit):
                self.held(record, "filing", "attached_to")
            elif isinstance(record, Filing):
                self.held(record, "case", "on_docket")
            elif isinstance(record, Claim):
                if record.asserted_by is not None:
                    self.attribution(record, "asserted_by", record.asserted_by)
                for evidence in record.evidence:
                    self.evidence(record, evidence)
            elif isinstance(record, Source) and record.translation_of is not None:
                attributes = [(EV["confidence"], record.confidence_of("translation_of").value)]
                translators = [self.translator(name) for name in record.translators]
                self.translation(record.id, record.translation_of, attributes, translators)
            if isinstance(record, Source) and record.republication_of is not None:
                mark = [(EV["confidence"], record.confidence_of("republication_of").value)]
                self.doc.wasDerivedFrom(EV[record.id], EV[record.republication_of], other_attributes=mark)


def _field_marks(record: Record) -> list[tuple[Any, Any]]:
    """``ev:fieldConfidence`` once per field given a mark: "authors unverified"."""
    return [(EV["fieldConfidence"], f"{name} {level.value}") for name, level in record.field_confidence.items()]


def to_prov(records: Iterable[Record]) -> ProvDocument:
    """The records as a W3C PROV document (see the module's docstring for the mapping)."""
    builder = _Builder(records)
    builder.nodes()
    builder.relations()
    return builder.doc


def _reached(records: RecordSet, root: Trace) -> list[Record]:
    """The records a trace reaches, and the actors they name (sender, speaker, a link's `by`)."""
    ids: set[str] = set()
    stack = [root]
    while stack:  # without recursion: a chain may be thousands long
        step = stack.pop()
        ids.add(step.record)
        stack.extend(step.steps)
    for id in list(ids):
        record = records[id]
        named = [getattr(record, "sender", None), getattr(record, "asserted_by", None)]
        named += [link.by for link in record.links]
        ids.update(n for n in named if isinstance(n, str) and n in records)
    return [record for record in records if record.id in ids]


def _declared_only(document: ProvDocument) -> ProvDocument:
    """The document less every relation that names a record it does not declare."""
    declared = {element.identifier for element in document.get_records() if element.is_element()}
    kept = ProvDocument()
    for namespace in document.namespaces:
        kept.add_namespace(namespace)
    for record in document.get_records():
        names = [value for _, value in record.formal_attributes if isinstance(value, QualifiedName)]
        if record.is_element() or all(name in declared for name in names):
            kept.add_record(record)
    return kept


def trace_prov(records: Iterable[Record], record: str) -> ProvDocument:
    """The PROV graph of one record's trace: the records `evidence.trace` reaches from it, the
    actors they name, and the relations between them."""
    record_set = records if isinstance(records, RecordSet) else RecordSet(records)
    if record not in record_set:
        raise UsageError(f"no record has the id {record!r}")
    return _declared_only(to_prov(_reached(record_set, trace(record_set, record))))


def to_prov_dot(records: Iterable[Record], record: str) -> str:
    """One record's trace as a PROV graph in Graphviz DOT (the `prov` package's drawing, which
    needs pydot), the records named by their labels and each mark shown beside its node or edge:
    `dot -Tsvg` makes the picture."""
    try:
        from prov.dot import prov_to_dot
    except ModuleNotFoundError as error:
        raise UsageError(f"the PROV drawing needs {error.name}: pip install 'evidence[prov]'") from None
    return str(prov_to_dot(trace_prov(records, record), use_labels=True).to_string())


def to_prov_json(records: Iterable[Record]) -> str:
    """The records as PROV-JSON."""
    return str(to_prov(records).serialize(format="json", indent=2))


def to_prov_n(records: Iterable[Record]) -> str:
    """The records as PROV-N."""
    return str(to_prov(records).get_provn())


def to_prov_turtle(records: Iterable[Record]) -> str:
    """The records as PROV-O in Turtle; needs rdflib."""
    if find_spec("rdflib") is None:
        raise UsageError("PROV-O Turtle needs rdflib: pip install 'evidence[prov]' (which brings prov[rdf])")
    return str(to_prov(records).serialize(format="rdf", rdf_format="turtle"))
