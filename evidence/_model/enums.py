"""The fixed vocabularies of record fields: each enum's values are the words a file may hold."""

from __future__ import annotations

import enum


class Confidence(enum.Enum):
    """How sure we are of a fact: seen in a primary source, agreed by several copies, or not found."""

    CONFIRMED = "confirmed"
    LIKELY = "likely"
    UNVERIFIED = "unverified"

    @property
    def rank(self) -> int:
        """2 for confirmed, 1 for likely, 0 for unverified: the weakest of a chain is its minimum."""
        return _RANKS[self]


# Read from a table: a mark's rank is asked for every value a citation or a report prints.
_RANKS = {Confidence.CONFIRMED: 2, Confidence.LIKELY: 1, Confidence.UNVERIFIED: 0}


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
    # On appeal and on petitions.
    APPELLANT = "appellant"
    APPELLEE = "appellee"
    PETITIONER = "petitioner"
    RESPONDENT = "respondent"
    # Counterclaims.
    COUNTERCLAIMANT = "counterclaimant"
    COUNTER_DEFENDANT = "counter_defendant"
    # Class actions.
    CLASS_REPRESENTATIVE = "class_representative"
    CLASS_MEMBER = "class_member"
    OBJECTOR = "objector"
    # Who acts for a party: `Party.represents` names the parties.
    COUNSEL = "counsel"
    # A role no name above gives (a docket's 'Special Master', 'Garnishee'): `Party.as_printed` says which.
    OTHER = "other"


class CaseStatus(enum.Enum):
    PENDING = "pending"
    CLOSED = "closed"
    SETTLED = "settled"
    DISMISSED = "dismissed"
    ON_APPEAL = "on_appeal"
    STAYED = "stayed"


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
    PETITION = "petition"
    OTHER = "other"


class Channel(enum.Enum):
    CHAT = "chat"
    EMAIL = "email"
    SMS = "sms"
    MEMO = "memo"
    LETTER = "letter"
    OTHER = "other"
    PRESS_STATEMENT = "press_statement"
    POST = "post"
    INTERVIEW = "interview"


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
    # Legal documents, cited in the legal form in every style (the Indigo Book's R? on
    # legislative materials and on patents and trademarks):
    HEARING = "hearing"  # Welfare and Poverty in America: Hearing Before the S. Comm. on Fin., 114th Cong. (2015)
    PATENT = "patent"  # U.S. Patent No. 8,112,504 B2 (filed Mar. 4, 2009)
    TRADEMARK = "trademark"  # THE BLUEBOOK A UNIFORM SYSTEM OF CITATION, Registration No. 3,886,986
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


class CaseRelationKind(enum.Enum):
    """How a case stands to another: read "this case is ... the other"."""

    APPEAL_FROM = "appeal_from"  # an appellate case, of the lower court's case
    CONSOLIDATED_WITH = "consolidated_with"
    MEMBER_OF = "member_of"  # a member case of a multidistrict litigation (MDL) or a lead case
    TRANSFERRED_FROM = "transferred_from"
    TRANSFERRED_TO = "transferred_to"
    REMANDED_FROM = "remanded_from"
    REMANDED_TO = "remanded_to"
    RELATED_TO = "related_to"


class CaseEventKind(enum.Enum):
    """A dated event in a case's life that is not itself a filing."""

    HEARING = "hearing"
    ORAL_ARGUMENT = "oral_argument"
    TRIAL = "trial"
    STATUS_CONFERENCE = "status_conference"
    STAY = "stay"
    CERTIFICATION = "certification"  # of a class, or of a question for interlocutory appeal
    SETTLEMENT_TERM_SHEET = "settlement_term_sheet"
    SETTLEMENT_AGREEMENT = "settlement_agreement"
    PRELIMINARY_APPROVAL = "preliminary_approval"
    NOTICE_DEADLINE = "notice_deadline"
    OPT_OUT_DEADLINE = "opt_out_deadline"
    OBJECTION_DEADLINE = "objection_deadline"
    FAIRNESS_HEARING = "fairness_hearing"
    FINAL_APPROVAL = "final_approval"
    DEADLINE = "deadline"
    OTHER = "other"


class ProvisionKind(enum.Enum):
    """What a provision of law is: each is cited in its own form."""

    STATUTE = "statute"  # a section of a code: 17 U.S.C. § 107 (2018)
    REGULATION = "regulation"  # a section of an administrative code: 37 C.F.R. § 202.1 (2024)
    COURT_RULE = "court_rule"  # Fed. R. Civ. P. 23(f)
    CONSTITUTION = "constitution"  # U.S. Const. art. I, § 8
    # Cited by volume and page, not by a code's section:
    SESSION_LAW = "session_law"  # Pub. L. No. 111-148, § 1101, 124 Stat. 119 (2010)
    REGISTER = "register"  # a rule as published: 80 Fed. Reg. 47829 (Aug. 10, 2015)
    UNIFORM_ACT = "uniform_act"  # Unif. Mediation Act § 8, 7A Pt. III U.L.A. 137 (2006)
    RESTATEMENT = "restatement"  # Restatement (Second) of Trusts § 46 (Am. Law Inst. 1959)
    BILL = "bill"  # a bill or resolution: Paycheck Fairness Act, H.R. 11, 111th Cong. § 203 (2009)
    OTHER = "other"


class DecisionKind(enum.Enum):
    OPINION = "opinion"
    ORDER = "order"
    JUDGMENT = "judgment"
    ORAL_RULING = "oral_ruling"  # given from the bench at a hearing, with no filing of its own
    OTHER = "other"


class HistoryRel(enum.Enum):
    """What a later decision did to this one: read "this decision was *rel* by the other"."""

    AFFIRMED = "affirmed"
    REVERSED = "reversed"
    VACATED = "vacated"
    MODIFIED = "modified"
    REMANDED = "remanded"
    SUPERSEDED = "superseded"  # replaced by a revised opinion
    WITHDRAWN = "withdrawn"
    CERTIFIED_FOR_APPEAL = "certified_for_appeal"
    CERT_DENIED = "cert_denied"  # the Supreme Court denied a writ of certiorari to review it
