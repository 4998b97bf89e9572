"""The content of one record file: its format version and its records grouped by kind."""

from __future__ import annotations

import attrs

from evidence._model import (
    RECORD_KINDS,
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


@attrs.frozen(kw_only=True)
class Document:
    """The content of one record file: a format version and records grouped by kind."""

    evidence: int
    courts: tuple[Court, ...] = ()
    cases: tuple[Case, ...] = ()
    actors: tuple[Actor, ...] = ()
    filings: tuple[Filing, ...] = ()
    exhibits: tuple[Exhibit, ...] = ()
    decisions: tuple[Decision, ...] = ()
    messages: tuple[Message, ...] = ()
    sources: tuple[Source, ...] = ()
    provisions: tuple[Provision, ...] = ()
    claims: tuple[Claim, ...] = ()

    def records(self) -> tuple[Record, ...]:
        return tuple(record for cls in RECORD_KINDS for record in getattr(self, cls.PLURAL))


attrs.resolve_types(Document)
