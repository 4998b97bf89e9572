"""The value objects records hold: digests, Bates ranges, quotes, links, attestations, evidence.

These modules do not postpone annotations: `evidence._model.fields` reads each field's real type.
"""

import re

import attrs

from evidence._errors import InvalidValue
from evidence._model.checks import (
    ANY_KIND,
    language_complaint,
    not_negative,
    positive,
    text_complaint,
    verbatim_complaint,
)
from evidence._model.dates import DateValue
from evidence._model.enums import AttestationKind, Confidence, EvidenceRole, LinkRel, SealingAction
from evidence._model.fields import field, with_rules

_DIGEST_LENGTHS = {"sha256": 64, "sha512": 128}
_BATES = re.compile(r"(?P<prefix>.*?)(?P<number>\d+)", re.ASCII)  # ASCII digits only


@attrs.frozen(kw_only=True, field_transformer=with_rules)
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
    def parse(cls, text: str) -> "Digest":
        algorithm, sep, value = text.partition(":")
        if not sep:
            raise InvalidValue(f"invalid digest {text!r}: write it as 'sha256:<64 hex digits>'")
        return cls(algorithm=algorithm, value=value)

    def __str__(self) -> str:
        return f"{self.algorithm}:{self.value}"


def split_bates(value: str) -> tuple[str, int] | None:
    match = _BATES.fullmatch(value)
    return (match["prefix"], int(match["number"])) if match else None


@attrs.frozen(kw_only=True, field_transformer=with_rules)
class BatesRange:
    """Bates numbers of a produced document, stored exactly as printed."""

    begin: str = field("First Bates number, verbatim (e.g. ACME_000101, of a made-up case).", check=verbatim_complaint)
    end: str | None = field(
        "Last Bates number, verbatim; absent for a single page.", default=None, check=verbatim_complaint
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


@attrs.frozen(kw_only=True, field_transformer=with_rules)
class Quote:
    """An anchor into a source's text: a W3C TextQuoteSelector, an optional position, a pinpoint."""

    exact: str = field("The quoted text, as the source prints it.", check=text_complaint)
    prefix: str | None = field("Text just before the quote, to tell repeated passages apart.", default=None)
    suffix: str | None = field("Text just after the quote.", default=None)
    start: int | None = field(
        "Offset of the first character in the source text, in Unicode code points (not UTF-16 units).",
        default=None,
        check=not_negative,
    )
    end: int | None = field("Offset just past the last character, in code points.", default=None, check=not_negative)
    page: str | None = field("Page pinpoint, as printed (e.g. '4', '*2').", default=None)
    paragraph: int | None = field("Paragraph pinpoint (¶).", default=None, check=positive)
    bates_page: str | None = field("Bates page pinpoint, verbatim.", default=None, check=verbatim_complaint)

    def __attrs_post_init__(self) -> None:
        if (self.start is None) != (self.end is None):
            raise InvalidValue("give both start and end, or neither", field="end" if self.end is None else "start")
        if self.start is not None and self.end is not None and self.start > self.end:
            raise InvalidValue(f"start {self.start} is after end {self.end}", field="end")


@attrs.frozen(kw_only=True, field_transformer=with_rules)
class Link:
    """A typed provenance link from a record to another record."""

    rel: LinkRel = field("Kind of link (derived_from, quoted_from, primary_source, ...).")
    target: str = field("Id of the record linked to.", ref=(ANY_KIND,))
    confidence: Confidence = field("How sure the link is.", default=Confidence.UNVERIFIED)
    by: str | None = field("Actor who made the derivation (a translator, say).", default=None, ref=("actor",))
    note: str | None = field("Free text.", default=None)


@attrs.frozen(kw_only=True, field_transformer=with_rules)
class SealingEvent:
    """A dated court event that sealed, unsealed or redacted a document."""

    action: SealingAction = field("What happened: lodged_under_seal, sealed, unsealed, redacted.")
    date: DateValue | None = field("When, at the precision known.", default=None)
    order: str | None = field("The filing (usually an order) that did it.", default=None, ref=("filing",))
    confidence: Confidence = field("How sure the event is.", default=Confidence.UNVERIFIED)
    note: str | None = field("Free text.", default=None)


@attrs.frozen(kw_only=True, field_transformer=with_rules)
class Designation:
    """A confidentiality designation under a protective order; not a court's sealing."""

    level: str = field(
        "The designation as stamped (e.g. 'Highly Confidential – Attorneys' Eyes Only').", check=text_complaint
    )
    by: str | None = field("The designating party.", default=None, ref=("actor",))
    date: DateValue | None = field("When it was designated (or withdrawn).", default=None)
    withdrawn: bool = field("True when this entry records the designation's withdrawal.", default=False)
    note: str | None = field("Free text.", default=None)


@attrs.frozen(kw_only=True, field_transformer=with_rules)
class Affiliation:
    """A person's tie to an organization."""

    organization: str = field("The organization.", ref=("actor",))
    title: str | None = field("Title or role, as the source gives it.", default=None)
    period: DateValue | None = field("When, usually an interval.", default=None)
    confidence: Confidence = field("How sure the affiliation is.", default=Confidence.UNVERIFIED)


@attrs.frozen(kw_only=True, field_transformer=with_rules)
class Attestation:
    """Where a message is quoted: a source (or a filing or exhibit with a stored text), the quote in
    its text, and how it renders the message."""

    source: str = field(
        "The source quoting the message, or a filing or exhibit that does (quoted in its stored text).",
        ref=("source", "filing", "exhibit"),
    )
    quote: Quote = field("The quote, anchored in the stored text of the record it names.")
    kind: AttestationKind = field("verbatim, translation or paraphrase.", default=AttestationKind.VERBATIM)
    language: str | None = field(
        "Language of the quote (BCP 47); defaults to the source's.", default=None, check=language_complaint
    )
    translation_of: str | None = field(
        "For a translation: the source whose wording it translates.", default=None, ref=("source",)
    )
    confidence: Confidence = field("How sure it is that the quote renders this message.", default=Confidence.UNVERIFIED)

    def __attrs_post_init__(self) -> None:
        if self.translation_of is not None and self.kind is not AttestationKind.TRANSLATION:
            raise InvalidValue("translation_of needs kind: translation", field="translation_of")


@attrs.frozen(kw_only=True, field_transformer=with_rules)
class EvidenceLink:
    """One piece of evidence for a claim: a record, and where in it."""

    record: str = field("The record holding the evidence (a source, message, filing, exhibit, ...).", ref=(ANY_KIND,))
    quote: Quote | None = field("The passage, anchored in the record's text.", default=None)
    role: EvidenceRole = field("supports, contradicts or context.", default=EvidenceRole.SUPPORTS)
    confidence: Confidence = field(
        "How sure it is that this evidence bears on the claim.", default=Confidence.UNVERIFIED
    )
    note: str | None = field("Free text.", default=None)
