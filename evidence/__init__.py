"""evidence: typed records of lawsuits, what is known about them, and where each fact comes from.

Load a record set, query it, and write it back::

    import evidence

    records = evidence.load("examples/kadrey-v-meta")
    for message in records.messages:
        print(message.sent, message.text)
"""

from __future__ import annotations

import types

from evidence._check import Finding, Report, Rule, Severity, check, find_quote, index_to_utf16, utf16_to_index
from evidence._cite import (
    BluebookOptions,
    Citation,
    CitationSequence,
    Form,
    Markup,
    Style,
    bibliography,
    citation,
    cite,
)
from evidence._errors import EvidenceError, InvalidValue, LoadError, Problem, QuoteNotFound, ResolutionError, UsageError
from evidence._export import export, export_files
from evidence._import import (
    Change,
    CourtListenerDocket,
    CourtListenerResponse,
    FetchError,
    SyncResult,
    add_evidence,
    add_source,
    fetch_courtlistener,
    import_courtlistener,
    import_csl,
    import_pacer,
    read_courtlistener,
    sync,
    sync_courtlistener,
    sync_pacer,
)
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
    CaseClass,
    CaseEvent,
    CaseEventKind,
    CaseRelation,
    CaseRelationKind,
    CaseStatus,
    Channel,
    Claim,
    ClaimStatus,
    Confidence,
    Court,
    DatabaseCite,
    Date,
    DateInterval,
    DateValue,
    Decision,
    DecisionHistory,
    DecisionKind,
    Designation,
    Digest,
    EvidenceLink,
    EvidenceRole,
    Exhibit,
    Filing,
    FilingKind,
    HistoryRel,
    Judge,
    Link,
    LinkRel,
    Message,
    Party,
    PartyRole,
    Precision,
    Provision,
    ProvisionKind,
    Quote,
    Record,
    ReporterCite,
    ReporterEdition,
    SealingAction,
    SealingEvent,
    Source,
    SourceKind,
    StatusChange,
    definitely_before,
    parse_cite,
    parse_date,
)
from evidence._recordset import RecordSet, dump, dumps, load, loads
from evidence._report import write_report
from evidence._trace import Trace, trace
from evidence._views import CastMember, Event, cast, timeline, to_pandas, to_table


def _version() -> str:
    """The version written once, in pyproject.toml, as the installed package's metadata has it."""
    import importlib.metadata  # read when asked for: it costs a tenth of the library's import time

    try:
        return importlib.metadata.version("evidence")
    except importlib.metadata.PackageNotFoundError:  # a source tree put on the path, not installed
        import tomllib
        from pathlib import Path

        pyproject = Path(__file__).resolve().parent.parent / "pyproject.toml"
        with pyproject.open("rb") as file:
            return str(tomllib.load(file)["project"]["version"])


def __getattr__(name: str) -> str:
    if name == "__version__":
        version = globals()["__version__"] = _version()
        return version
    raise AttributeError(f"module 'evidence' has no attribute {name!r}")


__all__ = [
    "Actor",
    "ActorKind",
    "Affiliation",
    "Attestation",
    "AttestationKind",
    "BatesRange",
    "BluebookOptions",
    "Case",
    "CaseClass",
    "CaseEvent",
    "CaseEventKind",
    "CaseRelation",
    "CaseRelationKind",
    "CaseStatus",
    "CastMember",
    "Change",
    "Channel",
    "Citation",
    "CitationSequence",
    "Claim",
    "ClaimStatus",
    "Confidence",
    "Court",
    "CourtListenerDocket",
    "CourtListenerResponse",
    "DatabaseCite",
    "Date",
    "DateInterval",
    "DateValue",
    "Decision",
    "DecisionHistory",
    "DecisionKind",
    "Designation",
    "Digest",
    "Event",
    "EvidenceError",
    "EvidenceLink",
    "EvidenceRole",
    "Exhibit",
    "FetchError",
    "Filing",
    "FilingKind",
    "Finding",
    "Form",
    "HistoryRel",
    "InvalidValue",
    "Judge",
    "Limits",
    "Link",
    "LinkRel",
    "LoadError",
    "Markup",
    "Message",
    "Party",
    "PartyRole",
    "Precision",
    "Problem",
    "Provision",
    "ProvisionKind",
    "Quote",
    "QuoteNotFound",
    "Record",
    "RecordSet",
    "Report",
    "ReporterCite",
    "ReporterEdition",
    "ResolutionError",
    "Rule",
    "SealingAction",
    "SealingEvent",
    "Severity",
    "Source",
    "SourceKind",
    "StatusChange",
    "Style",
    "SyncResult",
    "Trace",
    "UsageError",
    "__version__",
    "add_evidence",
    "add_source",
    "bibliography",
    "cast",
    "check",
    "citation",
    "cite",
    "definitely_before",
    "dump",
    "dumps",
    "export",
    "export_files",
    "fetch_courtlistener",
    "find_quote",
    "import_courtlistener",
    "import_csl",
    "import_pacer",
    "index_to_utf16",
    "json_schema",
    "limits",
    "load",
    "loads",
    "parse_cite",
    "parse_date",
    "read_courtlistener",
    "sync",
    "sync_courtlistener",
    "sync_pacer",
    "timeline",
    "to_pandas",
    "to_table",
    "trace",
    "utf16_to_index",
    "write_report",
]


def _belong_here() -> None:
    """Public classes and functions name `evidence` as their module, as users import them, so reprs
    and help() read `evidence.Actor`. Pickle finds them there too, under the same name."""
    for name in __all__:
        value = globals().get(name)  # __version__ is read when first asked for
        if isinstance(value, type | types.FunctionType) and value.__module__.startswith("evidence."):
            value.__module__ = __name__


_belong_here()
