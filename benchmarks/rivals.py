"""The record file format modelled with other libraries, for the benchmarks to race `evidence` against.

Three rivals read the same JSON record file (`evidence: 2` and lists of records by kind):

- `pydantic_load` / `pydantic_dump`: pydantic v2 models, strict, extra keys forbidden, frozen;
- `msgspec_load` / `msgspec_dump`: msgspec Structs, unknown fields forbidden, frozen;
- `jsonschema_validate`: `json.loads`, then the JSON Schema that `evidence` exports.

The models copy the attrs classes of `evidence._model` (field names, order, defaults, which fields
may be null) and every rule a type can state on its own: id, language, URL, digest and date
patterns, whole-number ranges, blank and verbatim text, forbidden invisible characters, and the
field names `field_confidence` may hold. Rules that need code are left out: a real calendar day,
time-zone names and offsets, intervals in order, Bates ranges, Quote start/end pairs,
Attestation.translation_of, unique ids across the file, duplicate JSON keys, nesting limits.
"""

import json
from typing import Annotated, Any, Literal

import jsonschema
import msgspec
from pydantic import BaseModel, ConfigDict, Field, StringConstraints, TypeAdapter

import evidence
from evidence import (
    ActorKind,
    AttestationKind,
    CaseStatus,
    Channel,
    ClaimStatus,
    Confidence,
    EvidenceRole,
    FilingKind,
    LinkRel,
    PartyRole,
    SealingAction,
    SourceKind,
)

__all__ = [
    "MsDocument",
    "PydDocument",
    "jsonschema_validate",
    "msgspec_dump",
    "msgspec_load",
    "pydantic_dump",
    "pydantic_load",
]

# -- rules shared by both models ------------------------------------------------------------------
#
# Pattern bodies are unanchored; each library anchors them its own way below. They use only syntax
# that Python's `re` (msgspec) and Rust's `regex` crate (pydantic) read alike: no look-arounds,
# `[0-9]` rather than `\d`, `\xNN` and `\uNNNN` escapes.

# Whole numbers stay below 2**53 (what every JSON reader holds exactly), as in evidence.
MAX_NUMBER = 2**53 - 1
# evidence refuses a single text longer than this (its default `max_text_chars`).
MAX_TEXT_CHARS = 10_000_000

# Invisible characters a record file cannot hold: controls but tab/LF/CR, U+2028, U+2029, BOM.
_INVISIBLE = r"\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufeff"
TEXT = rf"[^{_INVISIBLE}]*"
# "not blank": at least one character other than white space.
NOT_BLANK = rf"[^{_INVISIBLE}]*[^\s{_INVISIBLE}][^{_INVISIBLE}]*"
# "verbatim": not blank and no white space at either end (docket and Bates numbers).
VERBATIM = rf"[^\s{_INVISIBLE}](?:[^{_INVISIBLE}]*[^\s{_INVISIBLE}])?"

ID = r"[a-z0-9](?:[a-z0-9._-]{0,198}[a-z0-9])?"
# BCP 47 well-formedness, as evidence checks it (without the grandfathered irregular tags).
LANGUAGE = (
    r"(?:[A-Za-z]{2,3}(?:-[A-Za-z]{3}){0,3}|[A-Za-z]{4,8})"
    r"(?:-[A-Za-z]{4})?(?:-(?:[A-Za-z]{2}|[0-9]{3}))?"
    r"(?:-(?:[A-Za-z0-9]{5,8}|[0-9][A-Za-z0-9]{3}))*"
    r"(?:-[0-9A-WY-Za-wy-z](?:-[A-Za-z0-9]{2,8})+)*"
    r"(?:-[Xx](?:-[A-Za-z0-9]{1,8})+)?"
)
# Absolute http(s) address without white space (nor the invisible characters all text refuses).
URL = rf"https?://[^\s/$.?#{_INVISIBLE}][^\s{_INVISIBLE}]*"
# Written "algorithm:hex"; the length depends on the algorithm.
DIGEST = r"sha256:[0-9a-f]{64}|sha512:[0-9a-f]{128}"

# The EDTF subset of evidence._model.dates. Ranges are as tight as a regex allows (year 0001-9999, month
# 01-12, day 01-31, hour 00-23, offset under 18 hours); a real calendar day ("2023-02-30"), a known
# zone name, an offset that matches the zone and an interval's order need code, and are not checked.
_YEAR = r"(?:[0-9]{3}[1-9]|[0-9]{2}[1-9][0-9]|[0-9][1-9][0-9]{2}|[1-9][0-9]{3})"
_MONTH = r"(?:0[1-9]|1[0-2])"
_DAY = r"(?:0[1-9]|[12][0-9]|3[01])"
_CALENDAR = rf"{_YEAR}(?:-{_MONTH}(?:-{_DAY})?)?[~?%]?"  # a qualifier only on a date without time
_TIME = r"(?:[01][0-9]|2[0-3]):[0-5][0-9](?::[0-5][0-9](?:\.[0-9]{1,6})?)?"
_OFFSET = r"(?:Z|[+-](?:0[0-9]|1[0-7]):[0-5][0-9])"
_ZONE = r"\[[^\]\s]+\]"  # an IANA name, which may hold '/' of its own
# A date-time is never naive: it has an offset, a zone, or both.
_DATETIME = rf"{_YEAR}-{_MONTH}-{_DAY}T{_TIME}(?:{_OFFSET}(?:{_ZONE})?|{_ZONE})"
_POINT = rf"(?:{_DATETIME}|{_CALENDAR})"
# A point, or an interval with one '/' whose sides are a point, '..' (open) or nothing (unknown),
# with at least one point: "/", "../" and "../.." are refused.
DATE = rf"{_POINT}(?:/(?:{_POINT}|\.\.)?)?|(?:\.\.)?/{_POINT}"

# A bare whole number 1000-9999 in a date field means that year (YAML's unquoted `2023`; evidence
# takes it in JSON too).
BARE_YEAR_MIN, BARE_YEAR_MAX = 1000, 9999


def _rust_anchored(body: str) -> str:
    # pydantic searches (does not fullmatch); Rust's `$` matches only at the very end.
    return rf"^(?:{body})$"


def _python_anchored(body: str) -> str:
    # msgspec searches with `re`, whose `$` also matches before a final newline; `\Z` does not.
    return rf"^(?:{body})\Z"


# `field_confidence` keys: the record's fields other than id, confidence and field_confidence.
# Literal keys let both libraries refuse any other name, as evidence does.
CourtFieldName = Literal["name", "citation", "url", "notes", "links"]
CaseFieldName = Literal[
    "caption",
    "name",
    "short_name",
    "court",
    "docket_number",
    "filed",
    "closed",
    "status",
    "nature_of_suit",
    "judges",
    "parties",
    "decisions",
    "identifiers",
    "url",
    "notes",
    "links",
]
ActorFieldName = Literal[
    "name", "kind", "family_name", "aliases", "affiliations", "description", "url", "notes", "links"
]
FilingFieldName = Literal[
    "case",
    "ecf",
    "title",
    "short_title",
    "kind",
    "filed",
    "filed_by",
    "pages",
    "sealing",
    "url",
    "text_file",
    "digest",
    "notes",
    "links",
]
ExhibitFieldName = Literal[
    "filing",
    "attachment",
    "label",
    "title",
    "bates",
    "custodian",
    "designations",
    "sealing",
    "url",
    "text_file",
    "digest",
    "notes",
    "links",
]
MessageFieldName = Literal[
    "exhibit",
    "filing",
    "sender",
    "sender_description",
    "recipients",
    "channel",
    "sent",
    "subject",
    "text",
    "language",
    "bates_page",
    "attestations",
    "notes",
    "links",
]
SourceFieldName = Literal[
    "kind",
    "title",
    "authors",
    "publication",
    "publisher",
    "published",
    "page",
    "url",
    "archived_url",
    "retrieved",
    "language",
    "translation_of",
    "translators",
    "text_file",
    "digest",
    "notes",
    "links",
]
ClaimFieldName = Literal[
    "statement",
    "language",
    "asserted_by",
    "asserted_on",
    "status",
    "status_note",
    "evidence",
    "superseded_by",
    "tags",
    "notes",
    "links",
]

# Enums are evidence's own (plain `enum.Enum`s whose values are the words in the file); both
# libraries read and write them by value.

# -- pydantic -------------------------------------------------------------------------------------


def _pyd_text(body: str) -> Any:
    return Annotated[str, StringConstraints(pattern=_rust_anchored(body), max_length=MAX_TEXT_CHARS)]


PydText = _pyd_text(TEXT)
PydNotBlank = _pyd_text(NOT_BLANK)
PydVerbatim = _pyd_text(VERBATIM)
PydId = Annotated[str, StringConstraints(pattern=_rust_anchored(ID))]
PydLanguage = Annotated[str, StringConstraints(pattern=_rust_anchored(LANGUAGE))]
PydUrl = _pyd_text(URL)
PydDigest = Annotated[str, StringConstraints(pattern=_rust_anchored(DIGEST))]
PydDate = (
    Annotated[str, StringConstraints(pattern=_rust_anchored(DATE))]
    | Annotated[int, Field(ge=BARE_YEAR_MIN, le=BARE_YEAR_MAX)]
)
PydPositive = Annotated[int, Field(ge=1, le=MAX_NUMBER)]
PydNotNegative = Annotated[int, Field(ge=0, le=MAX_NUMBER)]


class _PydModel(BaseModel):
    # strict: no coercion ("1" is not 1, true is not 1); JSON mode still reads enums from their values.
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class PydQuote(_PydModel):
    exact: PydNotBlank
    prefix: PydText | None = None
    suffix: PydText | None = None
    start: PydNotNegative | None = None
    end: PydNotNegative | None = None
    page: PydText | None = None
    paragraph: PydPositive | None = None
    bates_page: PydVerbatim | None = None


class PydBatesRange(_PydModel):
    begin: PydVerbatim
    end: PydVerbatim | None = None


class PydLink(_PydModel):
    rel: LinkRel
    target: PydId
    confidence: Confidence = Confidence.UNVERIFIED
    by: PydId | None = None
    note: PydText | None = None


class PydSealingEvent(_PydModel):
    action: SealingAction
    date: PydDate | None = None
    order: PydId | None = None
    confidence: Confidence = Confidence.UNVERIFIED
    note: PydText | None = None


class PydDesignation(_PydModel):
    level: PydNotBlank
    by: PydId | None = None
    date: PydDate | None = None
    withdrawn: bool = False
    note: PydText | None = None


class PydAffiliation(_PydModel):
    organization: PydId
    title: PydText | None = None
    period: PydDate | None = None
    confidence: Confidence = Confidence.UNVERIFIED


class PydParty(_PydModel):
    actor: PydId
    role: PartyRole
    added: PydDate | None = None
    note: PydText | None = None


class PydJudge(_PydModel):
    actor: PydId
    role: PydText | None = None
    initials: PydText | None = None


class PydDecision(_PydModel):
    date: PydDate
    title: PydText | None = None
    cite: PydText | None = None
    docket_number: PydVerbatim | None = None
    filing: PydId | None = None
    judge: PydId | None = None
    url: PydUrl | None = None


class PydAttestation(_PydModel):
    source: PydId
    quote: PydQuote
    kind: AttestationKind = AttestationKind.VERBATIM
    language: PydLanguage | None = None
    translation_of: PydId | None = None
    confidence: Confidence = Confidence.UNVERIFIED


class PydEvidenceLink(_PydModel):
    record: PydId
    quote: PydQuote | None = None
    role: EvidenceRole = EvidenceRole.SUPPORTS
    confidence: Confidence = Confidence.UNVERIFIED
    note: PydText | None = None


# Records: no shared base class, because a base's fields would come first and evidence writes
# `id` first and confidence/field_confidence/notes/links last. Fields with a non-null default
# (confidence, role, kind, withdrawn) do not take null, as in evidence; list fields neither.


class PydCourt(_PydModel):
    id: PydId
    name: PydText | None = None
    citation: PydText | None = None
    url: PydUrl | None = None
    confidence: Confidence = Confidence.UNVERIFIED
    field_confidence: dict[CourtFieldName, Confidence] = {}
    notes: PydText | None = None
    links: tuple[PydLink, ...] = ()


class PydCase(_PydModel):
    id: PydId
    caption: PydNotBlank
    name: PydNotBlank
    short_name: PydText | None = None
    court: PydId
    docket_number: PydVerbatim
    filed: PydDate | None = None
    closed: PydDate | None = None
    status: CaseStatus | None = None
    nature_of_suit: PydText | None = None
    judges: tuple[PydJudge, ...] = ()
    parties: tuple[PydParty, ...] = ()
    decisions: tuple[PydDecision, ...] = ()
    identifiers: dict[PydText, PydText] = {}
    url: PydUrl | None = None
    confidence: Confidence = Confidence.UNVERIFIED
    field_confidence: dict[CaseFieldName, Confidence] = {}
    notes: PydText | None = None
    links: tuple[PydLink, ...] = ()


class PydActor(_PydModel):
    id: PydId
    name: PydNotBlank
    kind: ActorKind
    family_name: PydText | None = None
    aliases: tuple[PydText, ...] = ()
    affiliations: tuple[PydAffiliation, ...] = ()
    description: PydText | None = None
    url: PydUrl | None = None
    confidence: Confidence = Confidence.UNVERIFIED
    field_confidence: dict[ActorFieldName, Confidence] = {}
    notes: PydText | None = None
    links: tuple[PydLink, ...] = ()


class PydFiling(_PydModel):
    id: PydId
    case: PydId
    ecf: PydPositive | None = None
    title: PydNotBlank | None = None
    short_title: PydText | None = None
    kind: FilingKind | None = None
    filed: PydDate | None = None
    filed_by: tuple[PydId, ...] = ()
    pages: PydPositive | None = None
    sealing: tuple[PydSealingEvent, ...] = ()
    url: PydUrl | None = None
    text_file: PydText | None = None
    digest: PydDigest | None = None
    confidence: Confidence = Confidence.UNVERIFIED
    field_confidence: dict[FilingFieldName, Confidence] = {}
    notes: PydText | None = None
    links: tuple[PydLink, ...] = ()


class PydExhibit(_PydModel):
    id: PydId
    filing: PydId
    attachment: PydPositive | None = None
    label: PydText | None = None
    title: PydText | None = None
    bates: PydBatesRange | None = None
    custodian: PydId | None = None
    designations: tuple[PydDesignation, ...] = ()
    sealing: tuple[PydSealingEvent, ...] = ()
    url: PydUrl | None = None
    text_file: PydText | None = None
    digest: PydDigest | None = None
    confidence: Confidence = Confidence.UNVERIFIED
    field_confidence: dict[ExhibitFieldName, Confidence] = {}
    notes: PydText | None = None
    links: tuple[PydLink, ...] = ()


class PydMessage(_PydModel):
    id: PydId
    exhibit: PydId | None = None
    filing: PydId | None = None
    sender: PydId | None = None
    sender_description: PydText | None = None
    recipients: tuple[PydId, ...] = ()
    channel: Channel | None = None
    sent: PydDate | None = None
    subject: PydText | None = None
    text: PydText | None = None
    language: PydLanguage | None = None
    bates_page: PydVerbatim | None = None
    attestations: tuple[PydAttestation, ...] = ()
    confidence: Confidence = Confidence.UNVERIFIED
    field_confidence: dict[MessageFieldName, Confidence] = {}
    notes: PydText | None = None
    links: tuple[PydLink, ...] = ()


class PydSource(_PydModel):
    id: PydId
    kind: SourceKind
    title: PydNotBlank | None = None
    authors: tuple[PydText, ...] = ()
    publication: PydText | None = None
    publisher: PydText | None = None
    published: PydDate | None = None
    page: PydText | None = None
    url: PydUrl | None = None
    archived_url: PydUrl | None = None
    retrieved: PydDate | None = None
    language: PydLanguage | None = None
    translation_of: PydId | None = None
    translators: tuple[PydText, ...] = ()
    text_file: PydText | None = None
    digest: PydDigest | None = None
    confidence: Confidence = Confidence.UNVERIFIED
    field_confidence: dict[SourceFieldName, Confidence] = {}
    notes: PydText | None = None
    links: tuple[PydLink, ...] = ()


class PydClaim(_PydModel):
    id: PydId
    statement: PydNotBlank
    language: PydLanguage | None = None
    asserted_by: PydId | None = None
    asserted_on: PydDate | None = None
    status: ClaimStatus
    status_note: PydText | None = None
    evidence: tuple[PydEvidenceLink, ...] = ()
    superseded_by: PydId | None = None
    tags: tuple[PydText, ...] = ()
    confidence: Confidence = Confidence.UNVERIFIED
    field_confidence: dict[ClaimFieldName, Confidence] = {}
    notes: PydText | None = None
    links: tuple[PydLink, ...] = ()


class PydDocument(_PydModel):
    # ge=le=2 rather than Literal[2]: pydantic's Literal[2] takes `2.0` even when strict.
    evidence: Annotated[int, Field(ge=2, le=2)]
    courts: tuple[PydCourt, ...] = ()
    cases: tuple[PydCase, ...] = ()
    actors: tuple[PydActor, ...] = ()
    filings: tuple[PydFiling, ...] = ()
    exhibits: tuple[PydExhibit, ...] = ()
    messages: tuple[PydMessage, ...] = ()
    sources: tuple[PydSource, ...] = ()
    claims: tuple[PydClaim, ...] = ()


PYDANTIC_ADAPTER = TypeAdapter(PydDocument)


def pydantic_load(raw: bytes) -> Any:
    """JSON bytes → a `PydDocument`; raises `pydantic.ValidationError`."""
    # validate_json parses in Rust and, unlike validate_python, reads enum values from strings.
    return PYDANTIC_ADAPTER.validate_json(raw)


def pydantic_dump(doc: Any) -> bytes:
    """A `PydDocument` → compact JSON bytes, fields at their defaults left out (as evidence writes)."""
    return PYDANTIC_ADAPTER.dump_json(doc, exclude_defaults=True)


# -- msgspec --------------------------------------------------------------------------------------


def _ms_text(body: str) -> Any:
    return Annotated[str, msgspec.Meta(pattern=_python_anchored(body), max_length=MAX_TEXT_CHARS)]


MsText = _ms_text(TEXT)
MsNotBlank = _ms_text(NOT_BLANK)
MsVerbatim = _ms_text(VERBATIM)
MsId = Annotated[str, msgspec.Meta(pattern=_python_anchored(ID))]
MsLanguage = Annotated[str, msgspec.Meta(pattern=_python_anchored(LANGUAGE))]
MsUrl = _ms_text(URL)
MsDigest = Annotated[str, msgspec.Meta(pattern=_python_anchored(DIGEST))]
MsDate = (
    Annotated[str, msgspec.Meta(pattern=_python_anchored(DATE))]
    | Annotated[int, msgspec.Meta(ge=BARE_YEAR_MIN, le=BARE_YEAR_MAX)]
)
MsPositive = Annotated[int, msgspec.Meta(ge=1, le=MAX_NUMBER)]
MsNotNegative = Annotated[int, msgspec.Meta(ge=0, le=MAX_NUMBER)]


class _MsStruct(msgspec.Struct, frozen=True, forbid_unknown_fields=True, omit_defaults=True, kw_only=True):
    # Subclasses inherit frozen, forbid_unknown_fields and omit_defaults, but kw_only applies only to the
    # fields a class defines, so each subclass repeats it (required fields follow optional ones).
    # msgspec never coerces: true is not an int, 1.0 is not an int.
    pass


class MsQuote(_MsStruct, kw_only=True):
    exact: MsNotBlank
    prefix: MsText | None = None
    suffix: MsText | None = None
    start: MsNotNegative | None = None
    end: MsNotNegative | None = None
    page: MsText | None = None
    paragraph: MsPositive | None = None
    bates_page: MsVerbatim | None = None


class MsBatesRange(_MsStruct, kw_only=True):
    begin: MsVerbatim
    end: MsVerbatim | None = None


class MsLink(_MsStruct, kw_only=True):
    rel: LinkRel
    target: MsId
    confidence: Confidence = Confidence.UNVERIFIED
    by: MsId | None = None
    note: MsText | None = None


class MsSealingEvent(_MsStruct, kw_only=True):
    action: SealingAction
    date: MsDate | None = None
    order: MsId | None = None
    confidence: Confidence = Confidence.UNVERIFIED
    note: MsText | None = None


class MsDesignation(_MsStruct, kw_only=True):
    level: MsNotBlank
    by: MsId | None = None
    date: MsDate | None = None
    withdrawn: bool = False
    note: MsText | None = None


class MsAffiliation(_MsStruct, kw_only=True):
    organization: MsId
    title: MsText | None = None
    period: MsDate | None = None
    confidence: Confidence = Confidence.UNVERIFIED


class MsParty(_MsStruct, kw_only=True):
    actor: MsId
    role: PartyRole
    added: MsDate | None = None
    note: MsText | None = None


class MsJudge(_MsStruct, kw_only=True):
    actor: MsId
    role: MsText | None = None
    initials: MsText | None = None


class MsDecision(_MsStruct, kw_only=True):
    date: MsDate
    title: MsText | None = None
    cite: MsText | None = None
    docket_number: MsVerbatim | None = None
    filing: MsId | None = None
    judge: MsId | None = None
    url: MsUrl | None = None


class MsAttestation(_MsStruct, kw_only=True):
    source: MsId
    quote: MsQuote
    kind: AttestationKind = AttestationKind.VERBATIM
    language: MsLanguage | None = None
    translation_of: MsId | None = None
    confidence: Confidence = Confidence.UNVERIFIED


class MsEvidenceLink(_MsStruct, kw_only=True):
    record: MsId
    quote: MsQuote | None = None
    role: EvidenceRole = EvidenceRole.SUPPORTS
    confidence: Confidence = Confidence.UNVERIFIED
    note: MsText | None = None


# Records spell out the common fields for the same reason as the pydantic ones (field order).
# msgspec accepts an empty {} or () as a default: it copies empty collections per instance.


class MsCourt(_MsStruct, kw_only=True):
    id: MsId
    name: MsText | None = None
    citation: MsText | None = None
    url: MsUrl | None = None
    confidence: Confidence = Confidence.UNVERIFIED
    field_confidence: dict[CourtFieldName, Confidence] = {}
    notes: MsText | None = None
    links: tuple[MsLink, ...] = ()


class MsCase(_MsStruct, kw_only=True):
    id: MsId
    caption: MsNotBlank
    name: MsNotBlank
    short_name: MsText | None = None
    court: MsId
    docket_number: MsVerbatim
    filed: MsDate | None = None
    closed: MsDate | None = None
    status: CaseStatus | None = None
    nature_of_suit: MsText | None = None
    judges: tuple[MsJudge, ...] = ()
    parties: tuple[MsParty, ...] = ()
    decisions: tuple[MsDecision, ...] = ()
    identifiers: dict[MsText, MsText] = {}
    url: MsUrl | None = None
    confidence: Confidence = Confidence.UNVERIFIED
    field_confidence: dict[CaseFieldName, Confidence] = {}
    notes: MsText | None = None
    links: tuple[MsLink, ...] = ()


class MsActor(_MsStruct, kw_only=True):
    id: MsId
    name: MsNotBlank
    kind: ActorKind
    family_name: MsText | None = None
    aliases: tuple[MsText, ...] = ()
    affiliations: tuple[MsAffiliation, ...] = ()
    description: MsText | None = None
    url: MsUrl | None = None
    confidence: Confidence = Confidence.UNVERIFIED
    field_confidence: dict[ActorFieldName, Confidence] = {}
    notes: MsText | None = None
    links: tuple[MsLink, ...] = ()


class MsFiling(_MsStruct, kw_only=True):
    id: MsId
    case: MsId
    ecf: MsPositive | None = None
    title: MsNotBlank | None = None
    short_title: MsText | None = None
    kind: FilingKind | None = None
    filed: MsDate | None = None
    filed_by: tuple[MsId, ...] = ()
    pages: MsPositive | None = None
    sealing: tuple[MsSealingEvent, ...] = ()
    url: MsUrl | None = None
    text_file: MsText | None = None
    digest: MsDigest | None = None
    confidence: Confidence = Confidence.UNVERIFIED
    field_confidence: dict[FilingFieldName, Confidence] = {}
    notes: MsText | None = None
    links: tuple[MsLink, ...] = ()


class MsExhibit(_MsStruct, kw_only=True):
    id: MsId
    filing: MsId
    attachment: MsPositive | None = None
    label: MsText | None = None
    title: MsText | None = None
    bates: MsBatesRange | None = None
    custodian: MsId | None = None
    designations: tuple[MsDesignation, ...] = ()
    sealing: tuple[MsSealingEvent, ...] = ()
    url: MsUrl | None = None
    text_file: MsText | None = None
    digest: MsDigest | None = None
    confidence: Confidence = Confidence.UNVERIFIED
    field_confidence: dict[ExhibitFieldName, Confidence] = {}
    notes: MsText | None = None
    links: tuple[MsLink, ...] = ()


class MsMessage(_MsStruct, kw_only=True):
    id: MsId
    exhibit: MsId | None = None
    filing: MsId | None = None
    sender: MsId | None = None
    sender_description: MsText | None = None
    recipients: tuple[MsId, ...] = ()
    channel: Channel | None = None
    sent: MsDate | None = None
    subject: MsText | None = None
    text: MsText | None = None
    language: MsLanguage | None = None
    bates_page: MsVerbatim | None = None
    attestations: tuple[MsAttestation, ...] = ()
    confidence: Confidence = Confidence.UNVERIFIED
    field_confidence: dict[MessageFieldName, Confidence] = {}
    notes: MsText | None = None
    links: tuple[MsLink, ...] = ()


class MsSource(_MsStruct, kw_only=True):
    id: MsId
    kind: SourceKind
    title: MsNotBlank | None = None
    authors: tuple[MsText, ...] = ()
    publication: MsText | None = None
    publisher: MsText | None = None
    published: MsDate | None = None
    page: MsText | None = None
    url: MsUrl | None = None
    archived_url: MsUrl | None = None
    retrieved: MsDate | None = None
    language: MsLanguage | None = None
    translation_of: MsId | None = None
    translators: tuple[MsText, ...] = ()
    text_file: MsText | None = None
    digest: MsDigest | None = None
    confidence: Confidence = Confidence.UNVERIFIED
    field_confidence: dict[SourceFieldName, Confidence] = {}
    notes: MsText | None = None
    links: tuple[MsLink, ...] = ()


class MsClaim(_MsStruct, kw_only=True):
    id: MsId
    statement: MsNotBlank
    language: MsLanguage | None = None
    asserted_by: MsId | None = None
    asserted_on: MsDate | None = None
    status: ClaimStatus
    status_note: MsText | None = None
    evidence: tuple[MsEvidenceLink, ...] = ()
    superseded_by: MsId | None = None
    tags: tuple[MsText, ...] = ()
    confidence: Confidence = Confidence.UNVERIFIED
    field_confidence: dict[ClaimFieldName, Confidence] = {}
    notes: MsText | None = None
    links: tuple[MsLink, ...] = ()


class MsDocument(_MsStruct, kw_only=True):
    # msgspec's Literal[2] refuses `2.0`, as evidence does.
    evidence: Literal[2]
    courts: tuple[MsCourt, ...] = ()
    cases: tuple[MsCase, ...] = ()
    actors: tuple[MsActor, ...] = ()
    filings: tuple[MsFiling, ...] = ()
    exhibits: tuple[MsExhibit, ...] = ()
    messages: tuple[MsMessage, ...] = ()
    sources: tuple[MsSource, ...] = ()
    claims: tuple[MsClaim, ...] = ()


MSGSPEC_DECODER = msgspec.json.Decoder(MsDocument)
MSGSPEC_ENCODER = msgspec.json.Encoder()


def msgspec_load(raw: bytes) -> Any:
    """JSON bytes → an `MsDocument`; raises `msgspec.ValidationError` (or `DecodeError`)."""
    return MSGSPEC_DECODER.decode(raw)


def msgspec_dump(doc: Any) -> bytes:
    """An `MsDocument` → compact JSON bytes; omit_defaults leaves out fields at their defaults."""
    return MSGSPEC_ENCODER.encode(doc)


# -- jsonschema -----------------------------------------------------------------------------------

# evidence's own schema, built and checked once; format assertions stay off (the default), so only
# the structural keywords (type, pattern, enum, required, additionalProperties, ...) apply.
JSON_SCHEMA = evidence.json_schema()
jsonschema.Draft202012Validator.check_schema(JSON_SCHEMA)
JSONSCHEMA_VALIDATOR = jsonschema.Draft202012Validator(JSON_SCHEMA)


def jsonschema_validate(raw: bytes) -> int:
    """Parse JSON bytes and count the schema errors in them: 0 for a valid file."""
    return sum(1 for _ in JSONSCHEMA_VALIDATOR.iter_errors(json.loads(raw)))
