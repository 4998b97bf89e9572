"""The record kinds: frozen, slotted, keyword-only attrs classes whose collections are tuples.

Each field carries a one-line description (used by the JSON Schema and the format reference)
and, for a reference, the kinds of record it may name. Records know nothing of files:
`evidence._io` turns them into data and back. These modules do not postpone annotations:
`evidence._model.fields` reads each field's real type.
"""

import types
from collections.abc import Mapping
from typing import Any, ClassVar

import attrs

from evidence._errors import InvalidValue
from evidence._model.checks import (
    a,
    clock_complaint,
    id_complaint,
    language_complaint,
    positive,
    text_complaint,
    url_complaint,
    verbatim_complaint,
)
from evidence._model.dates import DateValue
from evidence._model.enums import (
    ActorKind,
    CaseStatus,
    Channel,
    ClaimStatus,
    Confidence,
    DecisionKind,
    FilingKind,
    ProvisionKind,
    SourceKind,
)
from evidence._model.fields import common_last, field
from evidence._model.procedure import CaseClass, CaseEvent, CaseRelation, DecisionHistory, Judge, Party, StatusChange
from evidence._model.values import (
    Affiliation,
    Attestation,
    BatesRange,
    Designation,
    Digest,
    EvidenceLink,
    Link,
    SealingEvent,
)


def _text_excerpt() -> Any:
    """The field of a stored document saying its stored text is an excerpt (filing, exhibit, source)."""
    return field(
        "The stored text is an excerpt: which pages or part, e.g. 'pp. 1-3' or 'the opening and part IV'.",
        default=None,
        check=text_complaint,
    )


def _text_url() -> Any:
    """The field of a stored document naming where its stored text was copied from."""
    return field(
        "Where the stored text was copied from, when not from the record's own url (a republication).",
        default=None,
        check=url_complaint,
    )


@attrs.frozen(kw_only=True, field_transformer=common_last)
class Record:
    """Fields every record has."""

    KIND: ClassVar[str] = ""
    PLURAL: ClassVar[str] = ""

    id: str = field("Unique id in the record set: lowercase letters, digits, '.', '_', '-'.", check=id_complaint)
    confidence: Confidence = field("How sure we are of the record as a whole.", default=Confidence.UNVERIFIED)
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
        # Unpickled (records sent to worker processes) through the constructor, checks and all,
        # with plain dicts where read-only mappings stand, which cannot be pickled themselves.
        values = ((f.name, getattr(self, f.name)) for f in attrs.fields(type(self)))
        fields = {name: dict(value) if isinstance(value, types.MappingProxyType) else value for name, value in values}
        return _rebuild, (type(self), fields)


@attrs.frozen(kw_only=True, field_transformer=common_last)
class Court(Record):
    """A court; name and citation come from courts-db when the id is a courts-db id."""

    KIND = "court"
    PLURAL = "courts"

    name: str | None = field("Full name (from courts-db when absent).", default=None)
    citation: str | None = field("Citation abbreviation, e.g. 'N.D. Cal.' (from courts-db when absent).", default=None)
    url: str | None = field("The court's web site.", default=None, check=url_complaint)
    agency: bool = field(
        "An administrative agency or board that decides cases (Bluebook R14.3), not a court: cited by"
        " its own reporters and docket numbers.",
        default=False,
    )


@attrs.frozen(kw_only=True, field_transformer=common_last)
class Case(Record):
    """A lawsuit: one docket in one court."""

    KIND = "case"
    PLURAL = "cases"

    caption: str | None = field(
        "The caption as the docket prints it; absent while no court paper giving it has been seen.",
        default=None,
        check=text_complaint,
    )
    name: str | None = field(
        "Citation name, e.g. 'Kadrey v. Meta Platforms, Inc.'; when absent, citations make it from the caption "
        "(R11.5).",
        default=None,
        check=text_complaint,
    )
    short_name: str | None = field("Short-form name, e.g. 'Kadrey'.", default=None)
    court: str = field("The court (a courts-db id such as 'cand', or a Court record).", ref=("court",))
    docket_number: str | None = field(
        "Docket number exactly as printed; absent only while it is not known (an appeal just taken).",
        default=None,
        check=verbatim_complaint,
    )
    filed: DateValue | None = field("Date the case was filed.", default=None)
    closed: DateValue | None = field("Date the case was closed.", default=None)
    status: CaseStatus | None = field(
        "Where it stands now: pending, closed, settled, dismissed, on_appeal or stayed.", default=None
    )
    nature_of_suit: str | None = field("Nature of suit, e.g. '820 Copyright'.", default=None)
    cause: str | None = field(
        "The cause of action as the docket prints it, e.g. '17:501 Copyright Infringement'.", default=None
    )
    jury_demand: str | None = field(
        "The jury demand as the docket prints it: 'Plaintiff', 'Both', 'None'.", default=None
    )
    judges: tuple[Judge, ...] = field("Judges assigned to the case, each for its period.", default=())
    parties: tuple[Party, ...] = field("Parties, class members, objectors and counsel, with their roles.", default=())
    relations: tuple[CaseRelation, ...] = field(
        "How the case stands to other cases (appeals, transfers, ...).", default=()
    )
    classes: tuple[CaseClass, ...] = field("The classes of a class action.", default=())
    events: tuple[CaseEvent, ...] = field(
        "Dated events that are not filings: hearings, settlement steps, deadlines.", default=()
    )
    status_history: tuple[StatusChange, ...] = field("The status over time, oldest first.", default=())
    identifiers: Mapping[str, str] = field(
        "Identifiers in other systems, e.g. {pacer: '415175', courtlistener: '67569326'}.",
        default=types.MappingProxyType({}),
        in_hash=False,
    )
    url: str | None = field("Where to read the docket.", default=None, check=url_complaint)

    def __attrs_post_init__(self) -> None:
        super().__attrs_post_init__()
        if self.name is None and self.caption is None:
            raise InvalidValue("a case needs a name or a caption: citations make the one from the other", field="name")


@attrs.frozen(kw_only=True, field_transformer=common_last)
class Actor(Record):
    """A person, an organization or a group."""

    KIND = "actor"
    PLURAL = "actors"

    name: str = field("Name as commonly written.", check=text_complaint)
    kind: ActorKind = field("person, organization or group.")
    family_name: str | None = field("Family name, where it is not the last word of the name.", default=None)
    aliases: tuple[str, ...] = field("Other names and spellings.", default=())
    affiliations: tuple[Affiliation, ...] = field("Organizations and titles.", default=())
    description: str | None = field("One line on who this is.", default=None)
    url: str | None = field("An authoritative page about the actor.", default=None, check=url_complaint)


@attrs.frozen(kw_only=True, field_transformer=common_last)
class Filing(Record):
    """A document on a docket."""

    KIND = "filing"
    PLURAL = "filings"

    case: str = field("The case whose docket holds it.", ref=("case",))
    ecf: int | None = field("ECF entry number.", default=None, check=positive)
    entry: str | None = field(
        "The entry's number as the docket prints it, when it is not the ECF number written plainly (an appellate "
        "docket's document number, '00106008873').",
        default=None,
        check=verbatim_complaint,
    )
    title: str | None = field(
        "Title as filed, e.g. 'Declaration of ... in Support of ...'; absent when not seen.",
        default=None,
        check=text_complaint,
    )
    short_title: str | None = field("Abbreviated title for citations, when the rules do not give it.", default=None)
    description: str | None = field(
        "What it is, in the record author's words, when its title was not seen (e.g. 'ROSS's motion to certify "
        "an interlocutory appeal'); never cited as its title.",
        default=None,
        check=text_complaint,
    )
    docket_text: str | None = field(
        "The docket entry's text, whole, as the docket prints it.", default=None, check=text_complaint
    )
    kind: FilingKind | None = field("complaint, motion, declaration, order, ...", default=None)
    filed: DateValue | None = field("Date filed.", default=None)
    entered: DateValue | None = field("Date the clerk entered it on the docket.", default=None)
    filed_by: tuple[str, ...] = field("Parties or people who filed it.", default=(), ref=("actor",))
    regarding: tuple[str, ...] = field(
        "Entries this one refers to (the docket's 're 45').", default=(), ref=("filing",)
    )
    pages: int | None = field("Number of pages.", default=None, check=positive)
    sealing: tuple[SealingEvent, ...] = field("Sealing and unsealing history.", default=())
    identifiers: Mapping[str, str] = field(
        "Identifiers in other systems, e.g. {pacer_doc_id: '03504231050', courtlistener: '12345'}.",
        default=types.MappingProxyType({}),
        in_hash=False,
    )
    url: str | None = field("Where to read it.", default=None, check=url_complaint)
    text_file: str | None = field(
        "Path of a local copy of its text (UTF-8), relative to the record file.", default=None
    )
    digest: Digest | None = field("Digest of the local copy.", default=None)
    text_excerpt: str | None = _text_excerpt()
    text_url: str | None = _text_url()


@attrs.frozen(kw_only=True, field_transformer=common_last)
class Exhibit(Record):
    """A document attached to a filing."""

    KIND = "exhibit"
    PLURAL = "exhibits"

    filing: str = field("The filing it is attached to.", ref=("filing",))
    attachment: int | None = field(
        "Attachment number on the docket (ECF No. 391-24 → 24).", default=None, check=positive
    )
    label: str | None = field("Exhibit label, e.g. 'K' for Ex. K.", default=None)
    title: str | None = field("What the exhibit is.", default=None)
    pages: int | None = field("Number of pages.", default=None, check=positive)
    bates: BatesRange | None = field("Bates range of the produced document.", default=None)
    custodian: str | None = field("Whose files it came from.", default=None, ref=("actor",))
    designations: tuple[Designation, ...] = field("Confidentiality designations, in order.", default=())
    sealing: tuple[SealingEvent, ...] = field("Sealing and unsealing history.", default=())
    url: str | None = field("Where to read it.", default=None, check=url_complaint)
    text_file: str | None = field(
        "Path of a local copy of its text (UTF-8), relative to the record file.", default=None
    )
    digest: Digest | None = field("Digest of the local copy.", default=None)
    text_excerpt: str | None = _text_excerpt()
    text_url: str | None = _text_url()


@attrs.frozen(kw_only=True, field_transformer=common_last)
class Decision(Record):
    """A decision of a court in a case: an opinion, an order, a judgment, or a ruling from the
    bench, with where it is reported and what later decisions did to it."""

    KIND = "decision"
    PLURAL = "decisions"

    case: str = field("The case it decides.", ref=("case",))
    date: DateValue | None = field("Date of the decision; absent when no source gives it.", default=None)
    kind: DecisionKind | None = field("opinion, order, judgment, oral_ruling or other.", default=None)
    title: str | None = field("What it decided, in a few words.", default=None)
    cites: tuple[str, ...] = field(
        "Where it is reported, each as printed: a reporter ('529 F. Supp. 3d 303') or a database ('2025 WL 82205').",
        default=(),
    )
    docket_number: str | None = field(
        "The docket number as the decision prints it, when not the case's.", default=None, check=verbatim_complaint
    )
    filing: str | None = field("The docket entry that holds it.", default=None, ref=("filing",))
    hearing: DateValue | None = field("For a ruling from the bench: the hearing it was given at.", default=None)
    judges: tuple[str, ...] = field("Who decided it: the judge, or the panel.", default=(), ref=("actor",))
    circuit_justice: str | None = field(
        "The Justice who decided it alone, sitting as Circuit Justice, by surname ('Jackson'): the citation's "
        "parenthetical names them.",
        default=None,
        check=text_complaint,
    )
    history: tuple[DecisionHistory, ...] = field("What later decisions did to it.", default=())
    url: str | None = field("Where to read it.", default=None, check=url_complaint)


@attrs.frozen(kw_only=True, field_transformer=common_last)
class Message(Record):
    """A message or statement: a chat message, e-mail or memo produced in discovery, or a statement
    made publicly (a press statement, a post, an interview, an open letter)."""

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
    channel: Channel | None = field(
        "chat, email, sms, memo, letter, other, press_statement, post or interview.", default=None
    )
    sent: DateValue | None = field("When it was sent, at the precision known.", default=None)
    subject: str | None = field("Subject line of an e-mail.", default=None)
    text: str | None = field(
        "The text in its original language (as reported, if the original is not seen).", default=None
    )
    language: str | None = field("Language of `text` (BCP 47).", default=None, check=language_complaint)
    bates_page: str | None = field("Bates page where it appears, verbatim.", default=None, check=verbatim_complaint)
    attestations: tuple[Attestation, ...] = field("Sources, filings or exhibits that quote it.", default=())
    public: bool = field(
        "Made publicly (a press statement, a post, an interview, an open letter), not produced in discovery.",
        default=False,
    )
    published_in: str | None = field(
        "Where it was made public, when no source record holds it ('the company's blog').",
        default=None,
        check=text_complaint,
    )

    def __attrs_post_init__(self) -> None:
        super().__attrs_post_init__()
        if self.published_in is not None and not self.public:
            raise InvalidValue("published_in needs public: true", field="published_in")


@attrs.frozen(kw_only=True, field_transformer=common_last)
class Source(Record):
    """A published or retrieved work: article, post, court document, book, dataset..."""

    KIND = "source"
    PLURAL = "sources"

    kind: SourceKind = field("news_article, web_page, post, court_document, book, ...")
    title: str | None = field(
        "Title as published, in its own language; absent when not known.",
        default=None,
        check=text_complaint,
    )
    title_sentence_case: str | None = field(
        "The title in sentence case, for APA (APA 6.17), when it is published in headline case: "
        "'Zuckerberg says Meta will open Llama'.",
        default=None,
        check=text_complaint,
    )
    short_title: str | None = field(
        "The short title a short form names when the author has several works cited (R15.8): 'Bridging the Gap'.",
        default=None,
        check=text_complaint,
    )
    authors: tuple[str, ...] = field("Authors, as 'Given Family' or 'Family, Given'.", default=())
    institution: str | None = field(
        "An institution that is the author, as cited, never read as a person's name: "
        "'Office of Mgmt. & Budget, Exec. Office of the President'.",
        default=None,
        check=text_complaint,
    )
    publication: str | None = field("Newspaper, site or journal (e.g. 'TechCrunch').", default=None)
    publisher: str | None = field("Publisher, for books and reports.", default=None)
    published: DateValue | None = field("Publication date (and time, with zone, when given).", default=None)
    published_time: str | None = field(
        "The time of day the source prints with its date when it names no zone, in 24 hours ('12:27'): "
        "printed as it is, never converted; a `published` with a time of its own wins.",
        default=None,
        check=clock_complaint,
    )
    page: str | None = field("Print page, e.g. 'A6'.", default=None)
    volume: str | None = field(
        "Volume, as printed: a journal's ('103' of 103 Yale L.J. 463), or of a book in volumes.", default=None
    )
    edition: str | None = field("A book's edition: '8' (8th ed.), 'Rev.' (Rev. ed.).", default=None)
    editors: tuple[str, ...] = field("Editors, as 'Given Family' or an institution's name.", default=())
    number: str | None = field(
        "A report's or document's number as cited: 'S. Rep. No. 106-261', 'USITC Pub. 4566', 'Form 10-K'; "
        "a patent's or a trademark's with its label ('U.S. Patent No. 8,112,504 B2', 'Registration No. "
        "3,886,986'); for a hearing, the bill it is held on ('L.D. 319').",
        default=None,
    )
    genre: str | None = field("What the piece is, when a citation names it: 'Note', 'Comment'.", default=None)
    committee: str | None = field(
        "The committee a hearing is held before, abbreviated as cited: 'S. Comm. on Fin.'.",
        default=None,
        check=text_complaint,
    )
    session: str | None = field(
        "The legislature and session of a hearing, as cited: '114th Cong.', '127th Leg., Reg. Sess.'.",
        default=None,
        check=text_complaint,
    )
    jurisdiction: str | None = field(
        "The state whose legislature holds a hearing, abbreviated, printed with the year: 'Me.'.",
        default=None,
        check=text_complaint,
    )
    filed: DateValue | None = field(
        "When the application for a patent or a trademark was filed: '(filed Mar. 4, 2009)'; its "
        "`published` is the date it was issued.",
        default=None,
    )
    url: str | None = field("Where it was published.", default=None, check=url_complaint)
    archived_url: str | None = field("An archived copy.", default=None, check=url_complaint)
    retrieved: DateValue | None = field("When it was retrieved.", default=None)
    language: str | None = field("Language (BCP 47).", default=None, check=language_complaint)
    translation_of: str | None = field("The source this translates.", default=None, ref=("source",))
    translators: tuple[str, ...] = field("Translators.", default=())
    original_published: DateValue | None = field(
        "When the original of a translation or reprint was published, when no record of it is kept.", default=None
    )
    directions: str | None = field(
        "How to reach the page on its site when its address does not lead there (R18.2.2): "
        "'select corpus “English Fiction”; then search for “Arrakis”'.",
        default=None,
        check=text_complaint,
    )
    text_file: str | None = field(
        "Path of a local copy of its text (UTF-8), relative to the record file.", default=None
    )
    digest: Digest | None = field("Digest of the local copy.", default=None)
    text_excerpt: str | None = _text_excerpt()
    text_url: str | None = _text_url()
    republication_of: str | None = field(
        "The source this republishes, e.g. a wire story another paper printed.", default=None, ref=("source",)
    )


@attrs.frozen(kw_only=True, field_transformer=common_last)
class Provision(Record):
    """A provision of law a claim rests on: a section of a code or of regulations, a court rule,
    a clause of a constitution. Cited as the rules cite it (`17 U.S.C. § 107 (2018)`)."""

    KIND = "provision"
    PLURAL = "provisions"

    kind: ProvisionKind = field(
        "statute, regulation, court_rule, constitution, session_law, register, uniform_act, restatement, bill or other."
    )
    code: str = field(
        "The code, collection or rules, abbreviated as citations print it: 'U.S.C.', 'C.F.R.', "
        "'Cal. Civ. Code', 'Fed. R. Civ. P.', 'U.S. Const.', 'Restatement (Second) of Trusts'; a bill's "
        "legislature and session: '111th Cong.', '127th Leg., Reg. Sess.'.",
        check=text_complaint,
    )
    title: str | None = field("The title (or volume) of the code, as printed: '17' of 17 U.S.C.", default=None)
    chapter: str | None = field(
        "The chapter, for a code cited by chapter: '268' of Mass. Gen. Laws ch. 268.", default=None
    )
    section: str | None = field(
        "The section, rule or clause with its subsections, as printed: '107', '1292(b)', '23(f)', "
        "'art. I, § 8'; a range ('1051-1141n') is cited with §§.",
        default=None,
        check=verbatim_complaint,
    )
    name: str | None = field("The act's popular or official name, e.g. 'Copyright Act of 1976'.", default=None)
    number: str | None = field(
        "The law's or the document's number with its label, as printed: 'Pub. L. No. 111-148', "
        "'Exchange Act Release No. 75592'; a bill's or a resolution's: 'H.R. 11', 'S.J. Res. 12'.",
        default=None,
    )
    page: str | None = field(
        "The page it begins on, for a law cited by volume and page (a session law, a register, a "
        "uniform act): '119' of 124 Stat. 119.",
        default=None,
    )
    publisher: str | None = field(
        "Publisher of an unofficial code ('West' of U.S.C.A.) or of a restatement ('Am. Law Inst.').", default=None
    )
    jurisdiction: str | None = field(
        "The state whose legislature a bill is before, abbreviated, printed with the year: 'Me.' of "
        "'L.D. 3, 127th Leg., Reg. Sess. (Me. 2015)'.",
        default=None,
        check=text_complaint,
    )
    year: int | None = field("Year of the code edition (or of the volume) cited.", default=None, check=positive)
    supplement: str | None = field(
        "A supplement cited with the main volume, with its year: 'Supp. I 2013'.", default=None
    )
    date: DateValue | None = field(
        "The date of a register's issue, printed in full: 'Aug. 10, 2015' of 80 Fed. Reg. 47829.", default=None
    )
    url: str | None = field("Where to read it.", default=None, check=url_complaint)


@attrs.frozen(kw_only=True, field_transformer=common_last)
class Claim(Record):
    """One assertion, kept apart from where it comes from."""

    KIND = "claim"
    PLURAL = "claims"

    statement: str = field("The assertion, in one sentence.", check=text_complaint)
    language: str | None = field("Language of the statement (BCP 47).", default=None, check=language_complaint)
    asserted_by: str | None = field("Who asserts it (a party, a journalist, the court).", default=None, ref=("actor",))
    asserted_on: DateValue | None = field("When it was asserted.", default=None)
    status: ClaimStatus = field("reported, alleged, disputed, admitted, found, rejected or retracted.")
    status_note: str | None = field("Why the status is what it is (the reason for a retraction).", default=None)
    evidence: tuple[EvidenceLink, ...] = field("The evidence for (or against) it.", default=())
    legal_basis: tuple[str, ...] = field(
        "The provisions of law it invokes (a claim of fair use: 17 U.S.C. § 107).", default=(), ref=("provision",)
    )
    superseded_by: str | None = field("A claim that replaces this one.", default=None, ref=("claim",))
    tags: tuple[str, ...] = field("Issues and topics.", default=())


def _rebuild(cls: type[Record], fields: dict[str, Any]) -> Record:
    """A record from its fields, through its constructor: how unpickling builds one."""
    return cls(**fields)
