"""The registry of record kinds and value objects: what a record set may hold, by name."""

from __future__ import annotations

from evidence._model.checks import ANY_KIND
from evidence._model.procedure import CaseClass, CaseEvent, CaseRelation, DecisionHistory, Judge, Party, StatusChange
from evidence._model.records import (
    Actor,
    Case,
    Claim,
    Court,
    Decision,
    Exhibit,
    Filing,
    Message,
    Provision,
    Record,
    Source,
)
from evidence._model.values import (
    Affiliation,
    Attestation,
    BatesRange,
    Designation,
    Digest,
    EvidenceLink,
    Link,
    Quote,
    SealingEvent,
)

__all__ = ["ANY_KIND", "KIND_BY_NAME", "KIND_BY_PLURAL", "RECORD_KINDS", "VALUE_OBJECTS"]

RECORD_KINDS: tuple[type[Record], ...] = (
    Court, Case, Actor, Filing, Exhibit, Decision, Message, Source, Provision, Claim
)  # fmt: skip
KIND_BY_NAME: dict[str, type[Record]] = {cls.KIND: cls for cls in RECORD_KINDS}
KIND_BY_PLURAL: dict[str, type[Record]] = {cls.PLURAL: cls for cls in RECORD_KINDS}

VALUE_OBJECTS: tuple[type, ...] = (
    Affiliation,
    Attestation,
    BatesRange,
    CaseClass,
    CaseEvent,
    CaseRelation,
    DecisionHistory,
    Designation,
    Digest,
    EvidenceLink,
    Judge,
    Link,
    Party,
    Quote,
    SealingEvent,
    StatusChange,
)
