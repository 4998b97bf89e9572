"""The parts of a case's procedural history: who sits and who is a party when, how the case
stands to other cases, its classes, its dated events and its status over time.

Value objects like those of `values`: they live in a Case and name records by id. These modules
do not postpone annotations: `evidence._model.fields` reads each field's real type.
"""

import attrs

from evidence._model.checks import text_complaint
from evidence._model.dates import DateValue
from evidence._model.enums import CaseEventKind, CaseRelationKind, CaseStatus, Confidence, HistoryRel, PartyRole
from evidence._model.fields import field, with_rules


@attrs.frozen(kw_only=True, field_transformer=with_rules)
class Party:
    """An actor's part in a case: a party, a class member or objector, or counsel for a party."""

    actor: str = field("The party.", ref=("actor",))
    role: PartyRole = field(
        "plaintiff, defendant, intervenor, amicus, third_party, appellant, appellee, petitioner, respondent, "
        "counterclaimant, counter_defendant, class_representative, class_member, objector, counsel, or other (with "
        "the docket's words in `as_printed`)."
    )
    as_printed: str | None = field(
        "The role as the docket or caption prints it, when it says more (e.g. 'Defendant, Counterclaimant').",
        default=None,
    )
    represents: tuple[str, ...] = field("For counsel: the parties they act for.", default=(), ref=("actor",))
    added: DateValue | None = field("When the party joined the case, if later than its filing.", default=None)
    period: DateValue | None = field(
        "When the role was held, usually an interval (counsel who withdrew).", default=None
    )
    confidence: Confidence = field("How sure the role is.", default=Confidence.UNVERIFIED)
    note: str | None = field("Free text.", default=None)


@attrs.frozen(kw_only=True, field_transformer=with_rules)
class Judge:
    """A judge's assignment to a case, for as long as it lasted."""

    actor: str = field("The judge.", ref=("actor",))
    role: str | None = field("Role on the case (e.g. 'district judge', 'magistrate judge').", default=None)
    initials: str | None = field("Initials the docket number carries (e.g. 'VC').", default=None)
    designation: str | None = field(
        "How the judge sits when not a judge of this court, as printed (e.g. 'Circuit Judge, sitting by designation').",
        default=None,
    )
    period: DateValue | None = field(
        "When assigned: an interval; an open end ('2023-01/..') for a judge still on the case.", default=None
    )
    confidence: Confidence = field("How sure the assignment is.", default=Confidence.UNVERIFIED)
    note: str | None = field("Free text, e.g. why the case was reassigned.", default=None)


@attrs.frozen(kw_only=True, field_transformer=with_rules)
class CaseRelation:
    """How this case stands to another case, of any court: read "this case is `rel` the other"."""

    rel: CaseRelationKind = field(
        "appeal_from, consolidated_with, member_of, transferred_from, transferred_to, remanded_from, "
        "remanded_to or related_to."
    )
    case: str = field("The other case.", ref=("case",))
    basis: str | None = field(
        "What allows it, as written (e.g. '28 U.S.C. § 1292(b)', 'Fed. R. Civ. P. 23(f)').", default=None
    )
    date: DateValue | None = field("When it began (the notice or grant of appeal, the transfer order).", default=None)
    filing: str | None = field(
        "The filing that records it (a notice, a petition, an order).", default=None, ref=("filing",)
    )
    confidence: Confidence = field("How sure the relation is.", default=Confidence.UNVERIFIED)
    note: str | None = field("Free text.", default=None)


@attrs.frozen(kw_only=True, field_transformer=with_rules)
class CaseClass:
    """A class in a class action: who is in it, and whether and when it was certified."""

    definition: str = field("The class definition, as the order or complaint words it.", check=text_complaint)
    name: str | None = field("A short name for it (e.g. 'the pirated-books class').", default=None)
    proposed: DateValue | None = field("When it was proposed (the motion for certification).", default=None)
    certified: DateValue | None = field("When it was certified; absent while it is not.", default=None)
    order: str | None = field("The order that certified it (or denied certification).", default=None, ref=("filing",))
    representatives: tuple[str, ...] = field("Class representatives.", default=(), ref=("actor",))
    counsel: tuple[str, ...] = field("Class counsel.", default=(), ref=("actor",))
    confidence: Confidence = field("How sure this account of the class is.", default=Confidence.UNVERIFIED)
    note: str | None = field("Free text.", default=None)


@attrs.frozen(kw_only=True, field_transformer=with_rules)
class CaseEvent:
    """A dated event of the case that is not a filing: a hearing (with what was ruled from the
    bench), an argument, a settlement milestone, a deadline."""

    kind: CaseEventKind = field(
        "hearing, oral_argument, trial, status_conference, stay, certification, settlement_term_sheet, "
        "settlement_agreement, preliminary_approval, notice_deadline, opt_out_deadline, objection_deadline, "
        "fairness_hearing, final_approval, deadline or other."
    )
    date: DateValue | None = field("When, at the precision known.", default=None)
    title: str | None = field("What it was, in a few words.", default=None)
    filing: str | None = field(
        "The filing that records it (minutes, an order, a notice).", default=None, ref=("filing",)
    )
    ruling: str | None = field("What was ruled at it, when ruled orally (from the bench).", default=None)
    judges: tuple[str, ...] = field("Who presided or sat.", default=(), ref=("actor",))
    place: str | None = field("Where it took place.", default=None)
    confidence: Confidence = field("How sure the event is.", default=Confidence.UNVERIFIED)
    note: str | None = field("Free text.", default=None)


@attrs.frozen(kw_only=True, field_transformer=with_rules)
class StatusChange:
    """The case's status from a date on: the case's status as a dated history."""

    status: CaseStatus = field("pending, closed, settled, dismissed, on_appeal or stayed.")
    since: DateValue | None = field("From when.", default=None)
    filing: str | None = field("The filing (an order, a judgment) that made it so.", default=None, ref=("filing",))
    confidence: Confidence = field("How sure it is.", default=Confidence.UNVERIFIED)
    note: str | None = field("Free text.", default=None)


@attrs.frozen(kw_only=True, field_transformer=with_rules)
class DecisionHistory:
    """What a later decision, of this case or of a related one, did to a decision."""

    rel: HistoryRel = field(
        "affirmed, reversed, vacated, modified, remanded, superseded, withdrawn, certified_for_appeal or cert_denied."
    )
    decision: str = field("The later decision.", ref=("decision",))
    on_other_grounds: bool = field(
        "Whether the later decision reached its result for reasons other than this one's.", default=False
    )
    confidence: Confidence = field("How sure it is.", default=Confidence.UNVERIFIED)
    note: str | None = field("Free text.", default=None)
