"""The records and value objects of a record set.

Records are frozen, slotted, keyword-only attrs classes; collections are tuples. Each field
carries a one-line description in its metadata (used by the JSON Schema and the format
reference) and, for a reference, the kinds of record it may name. Models know nothing of files:
`_convert` turns them into data and back.
"""

from __future__ import annotations

import datetime
import enum
import re
import types
from collections.abc import Callable, Iterator, Mapping
from typing import Any, ClassVar

import attrs

from evidence._dates import Date, DateInterval, DateValue, parse_date
from evidence._errors import InvalidValue

ANY_KIND = "*"
_ID = re.compile(r"[a-z0-9](?:[a-z0-9._-]{0,198}[a-z0-9])?")
# BCP 47 well-formedness (RFC 5646 §2.1), without the grandfathered irregular tags.
_LANGUAGE = re.compile(
    r"(?:[A-Za-z]{2,3}(?:-[A-Za-z]{3}){0,3}|[A-Za-z]{4,8})"
    r"(?:-[A-Za-z]{4})?(?:-(?:[A-Za-z]{2}|\d{3}))?"
    r"(?:-(?:[A-Za-z\d]{5,8}|\d[A-Za-z\d]{3}))*"
    r"(?:-[0-9A-WY-Za-wy-z](?:-[A-Za-z\d]{2,8})+)*"
    r"(?:-[Xx](?:-[A-Za-z\d]{1,8})+)?"
)
_DIGEST_LENGTHS = {"sha256": 64, "sha512": 128}
_BATES = re.compile(r"(?P<prefix>.*?)(?P<number>\d+)")


# -- enums ------------------------------------------------------------------------------------


class Confidence(enum.Enum):
    """How sure we are of a fact: seen in a primary source, agreed by several copies, or not found."""

    CONFIRMED = "confirmed"
    LIKELY = "likely"
    UNVERIFIED = "unverified"

    @property
    def rank(self) -> int:
        """2 for confirmed, 1 for likely, 0 for unverified: the weakest of a chain is its minimum."""
        return {"confirmed": 2, "likely": 1, "unverified": 0}[self.value]


class ClaimStatus(enum.Enum):
    """Who stands behind a claim, on the ladder from press report to court finding."""

    REPORTED = "reported"
    ALLEGED = "alleged"
    DISPUTED = "disputed"
    ADMITTED = "admitted"
    FOUND = "found"
    REJECTED = "rejected"
    RETRACTED = "retracted"


class ActorKind(enum.Enum):
    PERSON = "person"
    ORGANIZATION = "organization"
    GROUP = "group"


class PartyRole(enum.Enum):
    PLAINTIFF = "plaintiff"
    DEFENDANT = "defendant"
    INTERVENOR = "intervenor"
    AMICUS = "amicus"
    THIRD_PARTY = "third_party"


class CaseStatus(enum.Enum):
    PENDING = "pending"
    CLOSED = "closed"
    SETTLED = "settled"
    DISMISSED = "dismissed"
    ON_APPEAL = "on_appeal"


class FilingKind(enum.Enum):
    COMPLAINT = "complaint"
    ANSWER = "answer"
    MOTION = "motion"
    OPPOSITION = "opposition"
    REPLY = "reply"
    BRIEF = "brief"
    DECLARATION = "declaration"
    ORDER = "order"
    OPINION = "opinion"
    JUDGMENT = "judgment"
    STIPULATION = "stipulation"
    NOTICE = "notice"
    LETTER = "letter"
    TRANSCRIPT = "transcript"
    OTHER = "other"


class Channel(enum.Enum):
    CHAT = "chat"
    EMAIL = "email"
    SMS = "sms"
    MEMO = "memo"
    LETTER = "letter"
    OTHER = "other"


class SourceKind(enum.Enum):
    NEWS_ARTICLE = "news_article"
    WEB_PAGE = "web_page"
    POST = "post"
    PRESS_RELEASE = "press_release"
    COURT_DOCUMENT = "court_document"
    BOOK = "book"
    JOURNAL_ARTICLE = "journal_article"
    DATASET = "dataset"
    VIDEO = "video"
    OTHER = "other"


class AttestationKind(enum.Enum):
    """How a source renders a message: word for word, translated, or in its own words."""

    VERBATIM = "verbatim"
    TRANSLATION = "translation"
    PARAPHRASE = "paraphrase"


class EvidenceRole(enum.Enum):
    SUPPORTS = "supports"
    CONTRADICTS = "contradicts"
    CONTEXT = "context"


class LinkRel(enum.Enum):
    """Typed provenance links; the names follow W3C PROV where PROV has one."""

    DERIVED_FROM = "derived_from"
    QUOTED_FROM = "quoted_from"
    PRIMARY_SOURCE = "primary_source"
    REVISION_OF = "revision_of"
    ALTERNATE_OF = "alternate_of"
    TRANSLATION_OF = "translation_of"
    PART_OF = "part_of"


class SealingAction(enum.Enum):
    LODGED_UNDER_SEAL = "lodged_under_seal"
    SEALED = "sealed"
    UNSEALED = "unsealed"
    REDACTED = "redacted"


# -- field helpers ----------------------------------------------------------------------------


def _checked(check: Callable[[Any], str | None]) -> Callable[[Any, attrs.Attribute[Any], Any], None]:
    """An attrs validator from a function that returns a complaint, or None when all is well."""

    def validator(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        complaint = check(value)
        if complaint is not None:
            raise InvalidValue(complaint, field=attribute.name)

    return validator


def a(noun: str) -> str:
    """The noun with its indefinite article: 'an actor', 'a case'."""
    return f"{'an' if noun[:1].lower() in 'aeiou' else 'a'} {noun}"


def _optional(check: Callable[[Any], str | None]) -> Callable[[Any], str | None]:
    return lambda value: None if value is None else check(value)


def _each(check: Callable[[Any], str | None]) -> Callable[[Any], str | None]:
    def run(values: tuple[Any, ...]) -> str | None:
        for value in values:
            complaint = check(value)
            if complaint is not None:
                return complaint
        return None

    return run


def _id_complaint(value: str) -> str | None:
    if _ID.fullmatch(value):
        return None
    return (
        f"invalid id {value!r}: use 1 to 200 lowercase ASCII letters, digits, '.', '_' or '-', "
        "starting and ending with a letter or digit"
    )


def _text_complaint(value: str) -> str | None:
    if not value.strip():
        return "must not be empty"
    return None


def _verbatim_complaint(value: str) -> str | None:
    if not value.strip():
        return "must not be empty"
    if value != value.strip():
        return f"{value!r} has white space at an end; write it exactly as printed"
    return None


def _language_complaint(value: str) -> str | None:
    if _LANGUAGE.fullmatch(value):
        return None
    return f"invalid language tag {value!r}: use a BCP 47 tag such as 'en', 'pt' or 'pt-BR'"


# Whole numbers stay below 2**53, the largest every JSON reader holds exactly.
MAX_NUMBER = 2**53 - 1


def _too_large(value: int) -> str:
    shown = str(value) if len(str(value)) <= 24 else f"a number of {len(str(value))} digits"
    return f"{shown} is too large (the largest is {MAX_NUMBER})"


def _positive(value: int) -> str | None:
    if value > MAX_NUMBER:
        return _too_large(value)
    return None if value >= 1 else f"must be 1 or more, found {value}"


def _not_negative(value: int) -> str | None:
    if value > MAX_NUMBER:
        return _too_large(value)
    return None if value >= 0 else f"must be 0 or more, found {value}"


_URL = re.compile(r"https?://[^\s/$.?#][^\s]*")


def _url_complaint(value: str) -> str | None:
    if _URL.fullmatch(value):
        return None
    return f"invalid URL {value!r}: expected an absolute http or https address"


def field(
    doc: str,
    *,
    default: Any = attrs.NOTHING,
    ref: tuple[str, ...] = (),
    check: Callable[[Any], str | None] | None = None,
    converter: Callable[[Any], Any] | None = None,
    in_hash: bool | None = None,
) -> Any:
    """A documented field; `ref` names the record kinds a reference may point to.

    `check` judges one value (None passes where None is the default); it is kept in the
    field's metadata, where the JSON fast path in `_convert` finds it.
    """
    checks = [_checked(_optional(check) if default is None else check)] if check is not None else []
    if ref:
        many = isinstance(default, tuple)
        id_check = _each(_id_complaint) if many else _optional(_id_complaint)
        checks.insert(0, _checked(id_check))
    factory_default: Any = default
    if isinstance(default, tuple) and default == ():
        factory_default = attrs.Factory(tuple)
    return attrs.field(
        default=factory_default,
        validator=checks or None,
        converter=converter,
        hash=in_hash,
        metadata={"doc": doc, "ref": ref, "check": check},
    )


# Checks that are one regular expression: the JSON fast path has its decoder apply them.
PATTERN_CHECKS: dict[Callable[[Any], str | None], re.Pattern[str]] = {
    _id_complaint: _ID,
    _language_complaint: _LANGUAGE,
    _url_complaint: _URL,
}
# Those whose pattern admits printable ASCII alone, so no invisible character either.
ASCII_PATTERNS = frozenset({_id_complaint, _language_complaint})


# Control characters (but tab, line feed and carriage return), line and paragraph separators
# and stray byte-order marks: invisible, and YAML cannot keep them as they are.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufeff]")


def control_complaint(value: str) -> str | None:
    found = _CONTROL.search(value)
    if found is None:
        return None
    return f"contains the invisible character U+{ord(found.group()):04X}; record text cannot hold it"


def _mapping_control_complaint(value: Mapping[str, str]) -> str | None:
    return _each(control_complaint)(tuple(value)) or _each(control_complaint)(tuple(value.values()))


TEXT_CHECKS = {
    "str": control_complaint,
    "str | None": _optional(control_complaint),
    "tuple[str, ...]": _each(control_complaint),
    "Mapping[str, str]": _mapping_control_complaint,
}


def _to_tuple(item_class: type) -> Callable[[Any, attrs.Attribute[Any]], tuple[Any, ...]]:
    def convert(value: Any, field: attrs.Attribute[Any]) -> tuple[Any, ...]:
        if isinstance(value, (str, bytes, Mapping)) or not hasattr(value, "__iter__"):
            raise InvalidValue(f"expected a list or tuple, found {type(value).__name__}", field=field.name)
        items = tuple(value)
        for item in items:
            if not isinstance(item, item_class):
                raise InvalidValue(
                    f"expected {_a(item_class)} in each place, found {type(item).__name__}", field=field.name
                )
        return items

    return convert


def _to_instance(cls: type) -> Callable[[Any, attrs.Attribute[Any]], Any]:
    def convert(value: Any, field: attrs.Attribute[Any]) -> Any:
        if value is None or isinstance(value, cls):
            return value
        raise InvalidValue(f"expected {_a(cls)}, found {type(value).__name__}", field=field.name)

    return convert


def _a(cls: type) -> str:
    return "text" if cls is str else a(cls.__name__)


def _to_enum(cls: type[enum.Enum]) -> Callable[[Any, attrs.Attribute[Any]], Any]:
    def convert(value: Any, field: attrs.Attribute[Any]) -> Any:
        if value is None or isinstance(value, cls):
            return value
        try:
            return cls(value)
        except ValueError:
            choices = ", ".join(str(m.value) for m in cls)
            raise InvalidValue(f"expected one of {choices}; found {value!r}", field=field.name, code="S005") from None

    return convert


def _to_date(value: Any, field: attrs.Attribute[Any]) -> Any:
    try:
        if value is None or isinstance(value, (Date, DateInterval)):
            return value
        if isinstance(value, str):
            return parse_date(value)
        if isinstance(value, datetime.datetime):
            return Date.from_datetime(value)
        if isinstance(value, datetime.date):
            return Date.from_date(value)
    except InvalidValue as error:
        raise InvalidValue(error.message, field=field.name, code=error.code) from None
    raise InvalidValue(
        f"expected a date (text such as '2023-10', a Date, or a datetime.date), found {type(value).__name__}",
        field=field.name,
    )


def _to_confidences(value: Any, field: attrs.Attribute[Any]) -> Mapping[str, Confidence]:
    if not isinstance(value, Mapping):
        raise InvalidValue(
            f"expected a mapping of field names to confidences, found {type(value).__name__}", field=field.name
        )
    convert = _to_enum(Confidence)
    return types.MappingProxyType({str(key): convert(level, field) for key, level in value.items()})


def _to_text_mapping(value: Any, field: attrs.Attribute[Any]) -> Mapping[str, str]:
    if not isinstance(value, Mapping) or not all(isinstance(x, str) for pair in value.items() for x in pair):
        raise InvalidValue("expected a mapping of text to text", field=field.name)
    return types.MappingProxyType(dict(value))


def _conversion(annotation: str) -> Callable[[Any, attrs.Attribute[Any]], Any] | None:
    """What a field of this (string) annotation accepts besides its type, when built in code;
    anything else of the wrong type is refused here, before it could reach a file."""
    name = annotation.removesuffix(" | None")
    if name == "DateValue":
        return _to_date
    if name == "Mapping[str, Confidence]":
        return _to_confidences
    if name == "Mapping[str, str]":
        return _to_text_mapping
    if name.startswith("tuple[") and name.endswith(", ...]"):
        item_class = {"str": str}.get(name[6:-6]) or globals().get(name[6:-6])
        return _to_tuple(item_class) if isinstance(item_class, type) else None
    known = globals().get(name)
    if isinstance(known, type) and issubclass(known, enum.Enum):
        return _to_enum(known)
    if isinstance(known, type) and attrs.has(known):
        return _to_instance(known)
    return None


def _guard_text(cls: type, fields: list[attrs.Attribute[Any]]) -> list[attrs.Attribute[Any]]:
    """Check text fields for characters a file cannot hold; let code pass lists, enum values
    and date text where tuples, enums and dates belong (the record stores the real types)."""
    guarded = []
    for f in fields:
        if isinstance(f.type, str):
            check = TEXT_CHECKS.get(f.type)
            if check is not None:
                validators = [v for v in (f.validator, _checked(check)) if v is not None]
                f = f.evolve(validator=attrs.validators.and_(*validators))
            conversion = _conversion(f.type)
            if conversion is not None and f.converter is None:
                f = f.evolve(converter=attrs.Converter(conversion, takes_field=True))
        guarded.append(f)
    return guarded


def _common_last(cls: type, fields: list[attrs.Attribute[Any]]) -> list[attrs.Attribute[Any]]:
    """Put `id` first and the fields every record shares last, so files read naturally."""
    fields = _guard_text(cls, fields)
    common = [f for f in fields if f.name in _COMMON_FIELDS]
    own = [f for f in fields if f.name not in _COMMON_FIELDS and f.name != "id"]
    return [f for f in fields if f.name == "id"] + own + common


_COMMON_FIELDS = ("confidence", "field_confidence", "notes", "links")


# -- value objects ----------------------------------------------------------------------------


@attrs.frozen(kw_only=True, field_transformer=_guard_text)
class Digest:
    """A cryptographic digest of a file, written ``sha256:<hex>``."""

    algorithm: str = field("Hash algorithm: sha256 or sha512.")
    value: str = field("Lowercase hexadecimal digest.")

    def __attrs_post_init__(self) -> None:
        length = _DIGEST_LENGTHS.get(self.algorithm)
        if length is None:
            raise InvalidValue(f"unsupported digest algorithm {self.algorithm!r}: use sha256 or sha512")
        if not re.fullmatch(rf"[0-9a-f]{{{length}}}", self.value):
            raise InvalidValue(f"a {self.algorithm} digest is {length} lowercase hexadecimal digits")

    @classmethod
    def parse(cls, text: str) -> Digest:
        algorithm, sep, value = text.partition(":")
        if not sep:
            raise InvalidValue(f"invalid digest {text!r}: write it as 'sha256:<64 hex digits>'")
        return cls(algorithm=algorithm, value=value)

    def __str__(self) -> str:
        return f"{self.algorithm}:{self.value}"


def split_bates(value: str) -> tuple[str, int] | None:
    match = _BATES.fullmatch(value)
    return (match["prefix"], int(match["number"])) if match else None


@attrs.frozen(kw_only=True, field_transformer=_guard_text)
class BatesRange:
    """Bates numbers of a produced document, stored exactly as printed."""

    begin: str = field("First Bates number, verbatim (e.g. META_KADREY_00012345).", check=_verbatim_complaint)
    end: str | None = field(
        "Last Bates number, verbatim; absent for a single page.", default=None, check=_verbatim_complaint
    )

    def __attrs_post_init__(self) -> None:
        if self.end is None:
            return
        begin, end = split_bates(self.begin), split_bates(self.end)
        if begin is None or end is None:
            raise InvalidValue(f"Bates numbers {self.begin!r} and {self.end!r} must end in digits", field="end")
        if begin[0] != end[0]:
            raise InvalidValue(f"Bates prefixes differ: {begin[0]!r} and {end[0]!r}", field="end")
        if begin[1] > end[1]:
            raise InvalidValue(
                f"Bates range begins at {self.begin} after it ends at {self.end}", field="end", code="L001"
            )

    def __str__(self) -> str:
        return self.begin if self.end is None else f"{self.begin}–{self.end}"


@attrs.frozen(kw_only=True, field_transformer=_guard_text)
class Quote:
    """An anchor into a source's text: a W3C TextQuoteSelector, an optional position, a pinpoint."""

    exact: str = field("The quoted text, as the source prints it.", check=_text_complaint)
    prefix: str | None = field("Text just before the quote, to tell repeated passages apart.", default=None)
    suffix: str | None = field("Text just after the quote.", default=None)
    start: int | None = field(
        "Offset of the first character in the source text, in Unicode code points (not UTF-16 units).",
        default=None,
        check=_not_negative,
    )
    end: int | None = field("Offset just past the last character, in code points.", default=None, check=_not_negative)
    page: str | None = field("Page pinpoint, as printed (e.g. '4', '*2').", default=None)
    paragraph: int | None = field("Paragraph pinpoint (¶).", default=None, check=_positive)
    bates_page: str | None = field("Bates page pinpoint, verbatim.", default=None, check=_verbatim_complaint)

    def __attrs_post_init__(self) -> None:
        if (self.start is None) != (self.end is None):
            raise InvalidValue("give both start and end, or neither", field="end" if self.end is None else "start")
        if self.start is not None and self.end is not None and self.start > self.end:
            raise InvalidValue(f"start {self.start} is after end {self.end}", field="end")


@attrs.frozen(kw_only=True, field_transformer=_guard_text)
class Link:
    """A typed provenance link from a record to another record."""

    rel: LinkRel = field("Kind of link (derived_from, quoted_from, primary_source, ...).")
    target: str = field("Id of the record linked to.", ref=(ANY_KIND,))
    confidence: Confidence = field("How sure the link is.", default=Confidence.CONFIRMED)
    by: str | None = field("Actor who made the derivation (a translator, say).", default=None, ref=("actor",))
    note: str | None = field("Free text.", default=None)


@attrs.frozen(kw_only=True, field_transformer=_guard_text)
class SealingEvent:
    """A dated court event that sealed, unsealed or redacted a document."""

    action: SealingAction = field("What happened: lodged_under_seal, sealed, unsealed, redacted.")
    date: DateValue | None = field("When, at the precision known.", default=None)
    order: str | None = field("The filing (usually an order) that did it.", default=None, ref=("filing",))
    confidence: Confidence = field("How sure the event is.", default=Confidence.CONFIRMED)
    note: str | None = field("Free text.", default=None)


@attrs.frozen(kw_only=True, field_transformer=_guard_text)
class Designation:
    """A confidentiality designation under a protective order; not a court's sealing."""

    level: str = field(
        "The designation as stamped (e.g. 'Highly Confidential – Attorneys' Eyes Only').", check=_text_complaint
    )
    by: str | None = field("The designating party.", default=None, ref=("actor",))
    date: DateValue | None = field("When it was designated (or withdrawn).", default=None)
    withdrawn: bool = field("True when this entry records the designation's withdrawal.", default=False)
    note: str | None = field("Free text.", default=None)


@attrs.frozen(kw_only=True, field_transformer=_guard_text)
class Affiliation:
    """A person's tie to an organization."""

    organization: str = field("The organization.", ref=("actor",))
    title: str | None = field("Title or role, as the source gives it.", default=None)
    period: DateValue | None = field("When, usually an interval.", default=None)
    confidence: Confidence = field("How sure the affiliation is.", default=Confidence.CONFIRMED)


@attrs.frozen(kw_only=True, field_transformer=_guard_text)
class Party:
    """An actor's part in a case."""

    actor: str = field("The party.", ref=("actor",))
    role: PartyRole = field("plaintiff, defendant, intervenor, amicus or third_party.")
    added: DateValue | None = field("When the party joined the case, if later than its filing.", default=None)
    note: str | None = field("Free text.", default=None)


@attrs.frozen(kw_only=True, field_transformer=_guard_text)
class Judge:
    """A judge assigned to a case."""

    actor: str = field("The judge.", ref=("actor",))
    role: str | None = field("Role on the case (e.g. 'district judge', 'magistrate judge').", default=None)
    initials: str | None = field("Initials the docket number carries (e.g. 'VC').", default=None)


@attrs.frozen(kw_only=True, field_transformer=_guard_text)
class Decision:
    """A decision or order in a case, with where it is reported."""

    date: DateValue = field("Date of the decision.")
    title: str | None = field("What it decided, in a few words.", default=None)
    cite: str | None = field("Reporter or database citation (e.g. '2025 WL 82205').", default=None)
    docket_number: str | None = field(
        "The docket number as the decision prints it.", default=None, check=_verbatim_complaint
    )
    filing: str | None = field("The docket entry of the decision.", default=None, ref=("filing",))
    judge: str | None = field("The judge who signed it.", default=None, ref=("actor",))
    url: str | None = field("Where to read it.", default=None, check=_url_complaint)


@attrs.frozen(kw_only=True, field_transformer=_guard_text)
class Attestation:
    """Where a message is quoted: a source, the quote in its text, and how it renders the message."""

    source: str = field("The source quoting the message.", ref=("source",))
    quote: Quote = field("The quote, anchored in the source's text.")
    kind: AttestationKind = field("verbatim, translation or paraphrase.", default=AttestationKind.VERBATIM)
    language: str | None = field(
        "Language of the quote (BCP 47); defaults to the source's.", default=None, check=_language_complaint
    )
    translation_of: str | None = field(
        "For a translation: the source whose wording it translates.", default=None, ref=("source",)
    )
    confidence: Confidence = field("How sure it is that the quote renders this message.", default=Confidence.CONFIRMED)

    def __attrs_post_init__(self) -> None:
        if self.translation_of is not None and self.kind is not AttestationKind.TRANSLATION:
            raise InvalidValue("translation_of needs kind: translation", field="translation_of")


@attrs.frozen(kw_only=True, field_transformer=_guard_text)
class EvidenceLink:
    """One piece of evidence for a claim: a record, and where in it."""

    record: str = field("The record holding the evidence (a source, message, filing, exhibit, ...).", ref=(ANY_KIND,))
    quote: Quote | None = field("The passage, anchored in the record's text.", default=None)
    role: EvidenceRole = field("supports, contradicts or context.", default=EvidenceRole.SUPPORTS)
    confidence: Confidence = field(
        "How sure it is that this evidence bears on the claim.", default=Confidence.CONFIRMED
    )
    note: str | None = field("Free text.", default=None)


# -- records ----------------------------------------------------------------------------------


@attrs.frozen(kw_only=True, field_transformer=_common_last)
class Record:
    """Fields every record has."""

    KIND: ClassVar[str] = ""
    PLURAL: ClassVar[str] = ""

    id: str = field("Unique id in the record set: lowercase letters, digits, '.', '_', '-'.", check=_id_complaint)
    confidence: Confidence = field("How sure we are of the record as a whole.", default=Confidence.CONFIRMED)
    field_confidence: Mapping[str, Confidence] = field(
        "Confidence of single fields, where it differs from the record's (e.g. {author: unverified}).",
        default=types.MappingProxyType({}),
        in_hash=False,
    )
    notes: str | None = field("Free text: what a reader should know about this record.", default=None)
    links: tuple[Link, ...] = field("Typed provenance links to other records.", default=())

    def __attrs_post_init__(self) -> None:
        if not self.field_confidence:
            return
        names = {f.name for f in attrs.fields(type(self))}
        for key in self.field_confidence:
            if key not in names or key in ("id", "confidence", "field_confidence"):
                raise InvalidValue(
                    f"field_confidence names {key!r}, which is not a field of {a(self.KIND)}", field="field_confidence"
                )

    def confidence_of(self, name: str) -> Confidence:
        """The confidence of one field: its own if given, else the record's."""
        return self.field_confidence.get(name, self.confidence)

    def __reduce__(self) -> tuple[Any, ...]:
        # Pickled (to send records to worker processes) with plain dicts where read-only
        # mappings stand, which cannot be pickled themselves.
        values = tuple(
            dict(value) if isinstance(value, types.MappingProxyType) else value
            for value in (getattr(self, f.name) for f in attrs.fields(type(self)))
        )
        return _restore, (type(self), values)


@attrs.frozen(kw_only=True, field_transformer=_common_last)
class Court(Record):
    """A court; name and citation come from courts-db when the id is a courts-db id."""

    KIND = "court"
    PLURAL = "courts"

    name: str | None = field("Full name (from courts-db when absent).", default=None)
    citation: str | None = field("Citation abbreviation, e.g. 'N.D. Cal.' (from courts-db when absent).", default=None)
    url: str | None = field("The court's web site.", default=None, check=_url_complaint)


@attrs.frozen(kw_only=True, field_transformer=_common_last)
class Case(Record):
    """A lawsuit: one docket in one court."""

    KIND = "case"
    PLURAL = "cases"

    caption: str = field("The caption as the docket prints it.", check=_text_complaint)
    name: str = field("Citation name, e.g. 'Kadrey v. Meta Platforms, Inc.'.", check=_text_complaint)
    short_name: str | None = field("Short-form name, e.g. 'Kadrey'.", default=None)
    court: str = field("The court (a courts-db id such as 'cand', or a Court record).", ref=("court",))
    docket_number: str = field("Docket number exactly as printed.", check=_verbatim_complaint)
    filed: DateValue | None = field("Date the case was filed.", default=None)
    closed: DateValue | None = field("Date the case was closed.", default=None)
    status: CaseStatus | None = field("pending, closed, settled, dismissed or on_appeal.", default=None)
    nature_of_suit: str | None = field("Nature of suit, e.g. '820 Copyright'.", default=None)
    judges: tuple[Judge, ...] = field("Judges assigned to the case.", default=())
    parties: tuple[Party, ...] = field("Parties and their roles.", default=())
    decisions: tuple[Decision, ...] = field("Decisions and orders, with where they are reported.", default=())
    identifiers: Mapping[str, str] = field(
        "Identifiers in other systems, e.g. {pacer: '415175', courtlistener: '67569326'}.",
        default=types.MappingProxyType({}),
        in_hash=False,
    )
    url: str | None = field("Where to read the docket.", default=None, check=_url_complaint)


@attrs.frozen(kw_only=True, field_transformer=_common_last)
class Actor(Record):
    """A person, an organization or a group."""

    KIND = "actor"
    PLURAL = "actors"

    name: str = field("Name as commonly written.", check=_text_complaint)
    kind: ActorKind = field("person, organization or group.")
    family_name: str | None = field("Family name, where it is not the last word of the name.", default=None)
    aliases: tuple[str, ...] = field("Other names and spellings.", default=())
    affiliations: tuple[Affiliation, ...] = field("Organizations and titles.", default=())
    description: str | None = field("One line on who this is.", default=None)
    url: str | None = field("An authoritative page about the actor.", default=None, check=_url_complaint)


@attrs.frozen(kw_only=True, field_transformer=_common_last)
class Filing(Record):
    """A document on a docket."""

    KIND = "filing"
    PLURAL = "filings"

    case: str = field("The case whose docket holds it.", ref=("case",))
    ecf: int | None = field("ECF entry number.", default=None, check=_positive)
    title: str | None = field(
        "Title as filed, e.g. 'Declaration of ... in Support of ...'; absent when not seen.",
        default=None,
        check=_text_complaint,
    )
    short_title: str | None = field("Abbreviated title for citations, when the rules do not give it.", default=None)
    kind: FilingKind | None = field("complaint, motion, declaration, order, ...", default=None)
    filed: DateValue | None = field("Date filed.", default=None)
    filed_by: tuple[str, ...] = field("Parties or people who filed it.", default=(), ref=("actor",))
    pages: int | None = field("Number of pages.", default=None, check=_positive)
    sealing: tuple[SealingEvent, ...] = field("Sealing and unsealing history.", default=())
    url: str | None = field("Where to read it.", default=None, check=_url_complaint)
    text_file: str | None = field(
        "Path of a local copy of its text (UTF-8), relative to the record file.", default=None
    )
    digest: Digest | None = field("Digest of the local copy.", default=None)


@attrs.frozen(kw_only=True, field_transformer=_common_last)
class Exhibit(Record):
    """A document attached to a filing."""

    KIND = "exhibit"
    PLURAL = "exhibits"

    filing: str = field("The filing it is attached to.", ref=("filing",))
    attachment: int | None = field(
        "Attachment number on the docket (ECF No. 391-24 → 24).", default=None, check=_positive
    )
    label: str | None = field("Exhibit label, e.g. 'K' for Ex. K.", default=None)
    title: str | None = field("What the exhibit is.", default=None)
    bates: BatesRange | None = field("Bates range of the produced document.", default=None)
    custodian: str | None = field("Whose files it came from.", default=None, ref=("actor",))
    designations: tuple[Designation, ...] = field("Confidentiality designations, in order.", default=())
    sealing: tuple[SealingEvent, ...] = field("Sealing and unsealing history.", default=())
    url: str | None = field("Where to read it.", default=None, check=_url_complaint)
    text_file: str | None = field(
        "Path of a local copy of its text (UTF-8), relative to the record file.", default=None
    )
    digest: Digest | None = field("Digest of the local copy.", default=None)


@attrs.frozen(kw_only=True, field_transformer=_common_last)
class Message(Record):
    """A chat message, e-mail or memo produced in discovery."""

    KIND = "message"
    PLURAL = "messages"

    exhibit: str | None = field("The exhibit that holds it, when known.", default=None, ref=("exhibit",))
    filing: str | None = field(
        "The filing that holds it, when only the filing is known.", default=None, ref=("filing",)
    )
    sender: str | None = field("Who sent it.", default=None, ref=("actor",))
    sender_description: str | None = field(
        "Who sent it, when no actor can be named ('an unnamed executive').", default=None
    )
    recipients: tuple[str, ...] = field("Who received it.", default=(), ref=("actor",))
    channel: Channel | None = field("chat, email, sms, memo, letter or other.", default=None)
    sent: DateValue | None = field("When it was sent, at the precision known.", default=None)
    subject: str | None = field("Subject line of an e-mail.", default=None)
    text: str | None = field(
        "The text in its original language (as reported, if the original is not seen).", default=None
    )
    language: str | None = field("Language of `text` (BCP 47).", default=None, check=_language_complaint)
    bates_page: str | None = field("Bates page where it appears, verbatim.", default=None, check=_verbatim_complaint)
    attestations: tuple[Attestation, ...] = field("Sources that quote it.", default=())


@attrs.frozen(kw_only=True, field_transformer=_common_last)
class Source(Record):
    """A published or retrieved work: article, post, court document, book, dataset..."""

    KIND = "source"
    PLURAL = "sources"

    kind: SourceKind = field("news_article, web_page, post, court_document, book, ...")
    title: str | None = field(
        "Title as published, in its own language; absent when not known.",
        default=None,
        check=_text_complaint,
    )
    authors: tuple[str, ...] = field("Authors, as 'Given Family' or 'Family, Given'.", default=())
    publication: str | None = field("Newspaper, site or journal (e.g. 'TechCrunch').", default=None)
    publisher: str | None = field("Publisher, for books and reports.", default=None)
    published: DateValue | None = field("Publication date (and time, with zone, when given).", default=None)
    page: str | None = field("Print page, e.g. 'A6'.", default=None)
    url: str | None = field("Where it was published.", default=None, check=_url_complaint)
    archived_url: str | None = field("An archived copy.", default=None, check=_url_complaint)
    retrieved: DateValue | None = field("When it was retrieved.", default=None)
    language: str | None = field("Language (BCP 47).", default=None, check=_language_complaint)
    translation_of: str | None = field("The source this translates.", default=None, ref=("source",))
    translators: tuple[str, ...] = field("Translators.", default=())
    text_file: str | None = field(
        "Path of a local copy of its text (UTF-8), relative to the record file.", default=None
    )
    digest: Digest | None = field("Digest of the local copy.", default=None)


@attrs.frozen(kw_only=True, field_transformer=_common_last)
class Claim(Record):
    """One assertion, kept apart from where it comes from."""

    KIND = "claim"
    PLURAL = "claims"

    statement: str = field("The assertion, in one sentence.", check=_text_complaint)
    language: str | None = field("Language of the statement (BCP 47).", default=None, check=_language_complaint)
    asserted_by: str | None = field("Who asserts it (a party, a journalist, the court).", default=None, ref=("actor",))
    asserted_on: DateValue | None = field("When it was asserted.", default=None)
    status: ClaimStatus = field("reported, alleged, disputed, admitted, found, rejected or retracted.")
    status_note: str | None = field("Why the status is what it is (the reason for a retraction).", default=None)
    evidence: tuple[EvidenceLink, ...] = field("The evidence for (or against) it.", default=())
    superseded_by: str | None = field("A claim that replaces this one.", default=None, ref=("claim",))
    tags: tuple[str, ...] = field("Issues and topics.", default=())


def _restore(cls: type[Record], values: tuple[Any, ...]) -> Record:
    record = object.__new__(cls)
    for f, value in zip(attrs.fields(cls), values, strict=True):
        object.__setattr__(record, f.name, types.MappingProxyType(value) if isinstance(value, dict) else value)
    return record


RECORD_KINDS: tuple[type[Record], ...] = (Court, Case, Actor, Filing, Exhibit, Message, Source, Claim)
KIND_BY_NAME: dict[str, type[Record]] = {cls.KIND: cls for cls in RECORD_KINDS}
KIND_BY_PLURAL: dict[str, type[Record]] = {cls.PLURAL: cls for cls in RECORD_KINDS}


# -- references -------------------------------------------------------------------------------


def _reference_plan(cls: type) -> tuple[tuple[str, tuple[str, ...] | None], ...]:
    """For each field: the kinds it references, or None for a nested value object to walk."""
    plan: list[tuple[str, tuple[str, ...] | None]] = []
    for f in attrs.fields(cls):
        if f.metadata.get("ref"):
            plan.append((f.name, f.metadata["ref"]))
        elif _nested_attrs_class(f.type) is not None:
            plan.append((f.name, None))
    return tuple(plan)


def _nested_attrs_class(annotation: Any) -> type | None:
    """The value-object class inside `X`, `X | None` or `tuple[X, ...]`, if any."""
    for candidate in (annotation, *getattr(annotation, "__args__", ())):
        if isinstance(candidate, type) and attrs.has(candidate) and candidate not in (Date, DateInterval, Digest):
            return candidate
    return None


_COLLECTORS: dict[tuple[type, bool], Callable[..., None]] = {}


def _collector(cls: type, paths: bool = True) -> Callable[..., None]:
    """Generated code that appends (path, id, kinds) for every reference a value of `cls` holds
    to `out`; without `paths`, (id, kinds) alone (quicker, for checking that all resolve)."""
    if (cls, paths) in _COLLECTORS:
        return _COLLECTORS[cls, paths]
    lines = ["def collect(value, path, out):" if paths else "def collect(value, out):"]
    namespace: dict[str, Any] = {}
    for index, (name, kinds) in enumerate(_reference_plan(cls)):
        many = _is_tuple_field(cls, name)
        lines.append(f"    item = value.{name}")
        if kinds is not None:
            namespace[f"kinds_{index}"] = kinds
            one = f"((*path, {name!r}), item, kinds_{index})" if paths else f"(item, kinds_{index})"
            each = f"((*path, {name!r}, n), target, kinds_{index})" if paths else f"(target, kinds_{index})"
            if many:
                lines += ["    for n, target in enumerate(item):", f"        out.append({each})"]
            else:
                lines += ["    if item is not None:", f"        out.append({one})"]
            continue
        nested = _nested_attrs_class(attrs.fields_dict(cls)[name].type)
        namespace[f"collect_{index}"] = _collector(nested, paths)  # type: ignore[arg-type]
        if many:
            call = f"collect_{index}(nested, (*path, {name!r}, n), out)" if paths else f"collect_{index}(nested, out)"
            lines += ["    for n, nested in enumerate(item):", f"        {call}"]
        else:
            call = f"collect_{index}(item, (*path, {name!r}), out)" if paths else f"collect_{index}(item, out)"
            lines += ["    if item is not None:", f"        {call}"]
    lines.append("    return None")
    exec("\n".join(lines), namespace)
    _COLLECTORS[cls, paths] = namespace["collect"]
    return _COLLECTORS[cls, paths]


def _is_tuple_field(cls: type, name: str) -> bool:
    return str(attrs.fields_dict(cls)[name].type).startswith("tuple[")


def reference_targets(value: Any) -> list[tuple[str, tuple[str, ...]]]:
    """(id, kinds) of every reference a value holds, without the paths."""
    found: list[tuple[str, tuple[str, ...]]] = []
    _collector(type(value), paths=False)(value, found)
    return found


def iter_references(
    value: Any, path: tuple[str | int, ...] = ()
) -> Iterator[tuple[tuple[str | int, ...], str, tuple[str, ...]]]:
    """Every reference in a record or value object: (JSON path, id, kinds it may name)."""
    found: list[tuple[tuple[str | int, ...], str, tuple[str, ...]]] = []
    _collector(type(value))(value, path, found)
    return iter(found)


VALUE_OBJECTS: tuple[type, ...] = (
    Affiliation,
    Attestation,
    BatesRange,
    Decision,
    Designation,
    Digest,
    EvidenceLink,
    Judge,
    Link,
    Party,
    Quote,
    SealingEvent,
)
for _cls in (*RECORD_KINDS, *VALUE_OBJECTS):
    attrs.resolve_types(_cls)
