"""evidence: typed records of lawsuits, what is known about them, and where each fact comes from.

Load a record set, query it, and write it back::

    import evidence

    records = evidence.load("examples/kadrey-v-meta")
    for message in records.messages:
        print(message.sent, message.text)
"""

from __future__ import annotations

from evidence._check import Finding, Report, Rule, Severity, check, index_to_utf16, utf16_to_index
from evidence._cite import BluebookOptions, Citation, CitationSequence, bibliography, citation, cite
from evidence._errors import EvidenceError, InvalidValue, LoadError, Problem, ResolutionError, UsageError
from evidence._io import json_schema
from evidence._limits import Limits, limits
from evidence._model import (
    Actor,
    ActorKind,
    Affiliation,
    Attestation,
    AttestationKind,
    BatesRange,
    Case,
    CaseStatus,
    Channel,
    Claim,
    ClaimStatus,
    Confidence,
    Court,
    Date,
    DateInterval,
    DateValue,
    Decision,
    Designation,
    Digest,
    EvidenceLink,
    EvidenceRole,
    Exhibit,
    Filing,
    FilingKind,
    Judge,
    Link,
    LinkRel,
    Message,
    Party,
    PartyRole,
    Precision,
    Quote,
    Record,
    SealingAction,
    SealingEvent,
    Source,
    SourceKind,
    definitely_before,
    parse_date,
)
from evidence._recordset import RecordSet, dump, dumps, load
from evidence._trace import Trace, trace
from evidence._views import CastMember, Event, cast, timeline, to_pandas, to_table

__version__ = "0.1.0"

__all__ = [
    "Actor",
    "ActorKind",
    "Affiliation",
    "Attestation",
    "AttestationKind",
    "BatesRange",
    "BluebookOptions",
    "Case",
    "CaseStatus",
    "CastMember",
    "Channel",
    "Citation",
    "CitationSequence",
    "Claim",
    "ClaimStatus",
    "Confidence",
    "Court",
    "Date",
    "DateInterval",
    "DateValue",
    "Decision",
    "Designation",
    "Digest",
    "Event",
    "EvidenceError",
    "EvidenceLink",
    "EvidenceRole",
    "Exhibit",
    "Filing",
    "FilingKind",
    "Finding",
    "InvalidValue",
    "Judge",
    "Limits",
    "Link",
    "LinkRel",
    "LoadError",
    "Message",
    "Party",
    "PartyRole",
    "Precision",
    "Problem",
    "Quote",
    "Record",
    "RecordSet",
    "Report",
    "ResolutionError",
    "Rule",
    "SealingAction",
    "SealingEvent",
    "Severity",
    "Source",
    "SourceKind",
    "Trace",
    "UsageError",
    "__version__",
    "bibliography",
    "cast",
    "check",
    "citation",
    "cite",
    "definitely_before",
    "dump",
    "dumps",
    "index_to_utf16",
    "json_schema",
    "limits",
    "load",
    "parse_date",
    "timeline",
    "to_pandas",
    "to_table",
    "trace",
    "utf16_to_index",
]
