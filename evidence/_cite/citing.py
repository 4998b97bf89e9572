"""The entry points: `citation` chooses, by style and form, the rule that cites a record and
finishes the citation sentence (signal, parenthetical, stop); `cite` renders it."""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from evidence._cite import apa, bluebook, chicago, ecf, legislative, secondary, statutes
from evidence._cite.context import Context, pin_range, where
from evidence._cite.options import (
    DEFAULT_OPTIONS,
    BluebookOptions,
    Form,
    Markup,
    Style,
    parse_form,
    parse_markup,
    parse_style,
)
from evidence._cite.parts import MARK, Citation, Part, i, r, tidy
from evidence._errors import ResolutionError, UsageError
from evidence._model import (
    Case,
    Claim,
    CycleFound,
    Decision,
    EvidenceRole,
    Exhibit,
    Filing,
    Message,
    Provision,
    Record,
    Source,
    order_behind,
)

if TYPE_CHECKING:
    from evidence._recordset import RecordSet


CITABLE = (Case, Filing, Exhibit, Message, Source, Provision, Claim)


def citable(record: Record) -> bool:
    """Whether records of this kind are cited (a decision as its case); one may still lack what
    its citation needs (a claim without evidence)."""
    return isinstance(record, (*CITABLE, Decision))


def _parts(
    record: Record,
    style: Style,
    form: Form,
    pin: str | None,
    ctx: Context,
    decision: Any,
    note: int | None,
) -> tuple[list[Part], bool]:
    """The parts of one citation, and whether they already end the sentence."""
    if isinstance(record, Decision):  # a decision is cited as its case, at that decision
        if decision is not None:
            raise UsageError(f"decision= names a decision of a case, and {record.id!r} is a decision itself")
        record, decision = ctx.need("a decision").get(record.case, Case), record.id
    if not isinstance(record, CITABLE):
        raise not_cited(record)
    if decision is not None and not isinstance(record, Case):
        raise UsageError(f"decision= applies to cases only, and {record.KIND} {record.id!r} is not a case")
    legal_source = isinstance(record, Source) and record.kind in legislative.LEGAL_SOURCES
    if (isinstance(record, Provision) or legal_source) and not (form is Form.ID and style is Style.CHICAGO):
        # Legal materials (hearings and patents too) are cited in the legal form in every style
        # (APA 11.5, CMOS 14.288); APA has no id.: the short form again.
        legal = Form.SHORT if form is Form.ID and style is Style.APA else _legal_form(form)
        if isinstance(record, Provision):
            return statutes.cite_provision(record, ctx, legal, pin), False
        assert isinstance(record, Source)
        return legislative.cite_document(record, ctx, legal, pin), False
    if form is Form.ID and style is Style.CHICAGO:
        return [r("Ibid." if not pin else f"Ibid., {pin}.")], True  # CMOS 14.34
    if form is Form.ID and style is not Style.APA:
        if pin:
            pin = pin_range(pin)  # R3.3: '88–103'; a section or paragraph takes no 'at'
            return ([i("id."), r(f" {pin}" if pin.startswith(("¶", "§")) else f" at {pin}")], False)
        return [i("id.")], False
    if isinstance(record, Claim):
        return _claim_parts(record, style, ctx), style is Style.APA
    if style is Style.APA and form in (Form.ID, Form.SUPRA):
        form = Form.SHORT  # APA has neither id. nor supra: the in-text citation again
    if form is Form.NARRATIVE and not (style is Style.APA and isinstance(record, (Source, Message, Case))):
        form = Form.SHORT  # a narrative citation is APA's (8.11), of what it cites in the text
    if style is Style.CHICAGO and form is Form.SUPRA:
        form = Form.SHORT  # Chicago's short note stands where Bluebook has supra
    if style in (Style.APA, Style.CHICAGO):
        if isinstance(record, Source):
            module = apa if style is Style.APA else chicago
            return module.cite_source(record, ctx, form, pin), True
        if isinstance(record, Message):
            return (
                apa.cite_message(record, ctx, form) if style is Style.APA else chicago.cite_message(record, ctx, form)
            ), True
        if style is Style.APA and isinstance(record, Case) and form in (Form.SHORT, Form.NARRATIVE):
            return apa.cite_case_in_text(record, ctx, decision, narrative=form is Form.NARRATIVE), True
    if form is Form.BIBLIOGRAPHY:
        form = Form.FULL  # legal materials are listed as they are cited
    if form is Form.SUPRA:
        if isinstance(record, Case):
            raise UsageError("supra is never used for cases (R15.3): use the short form")
        if isinstance(record, Source):
            return secondary.supra(record, ctx, note, pin), False
        form = Form.SHORT
    if isinstance(record, Case):
        return bluebook.cite_case(record, ctx, form, pin, decision), False
    # ECF cites by entry number; without one, the next form the rules allow is the Bluebook's
    # (title, pin, and the case's docket number and the date).
    if isinstance(record, Filing):
        if style is Style.ECF and record.ecf is not None:
            return ecf.cite_filing(record, ctx, pin), False
        return bluebook.cite_filing(record, ctx, form, pin), False
    if isinstance(record, Exhibit):
        if style is Style.ECF and ecf.has_number(record, ctx):
            return ecf.cite_exhibit(record, ctx, pin), False
        return bluebook.cite_exhibit(record, ctx, form, pin), False
    if isinstance(record, Message):
        return bluebook.cite_message(record, ctx, form, pin, style), False
    if isinstance(record, Source):
        if form is Form.SHORT:
            return secondary.supra(record, ctx, note, pin), False
        return secondary.cite_source(record, ctx, form, pin), False
    raise not_cited(record)


def _legal_form(form: Form) -> Form:
    """A bibliography lists legal materials as they are cited; supra is never used for them
    (R15.3 as for cases): the short form stands there."""
    return Form.FULL if form is Form.BIBLIOGRAPHY else Form.SHORT if form is Form.SUPRA else form


def not_cited(record: object) -> UsageError:
    if not isinstance(record, Record):  # an id, say, where the record belongs
        return UsageError(f"cannot cite {type(record).__name__} {record!r:.60}: pass a record (by id: records[id])")
    return UsageError(
        f"{record.KIND} records are not cited; cite a case, filing, exhibit, message, source, provision or claim"
    )


# R1.2-R1.3: signals by the evidence's role, in the order their citation sentences come:
# support, then contrary authority, then background.
_SIGNALS = {EvidenceRole.SUPPORTS: None, EvidenceRole.CONTRADICTS: "but see", EvidenceRole.CONTEXT: "see generally"}


def _claim_parts(claim: Claim, style: Style, ctx: Context) -> list[Part]:
    """The citations for a claim's evidence. A claim among the evidence is cited by its own
    evidence in turn: the claims behind are cited first, those that rest on nothing else first
    of all, in a loop, so that a chain of any length is cited without recursion; a claim that
    comes back to itself is refused (R004)."""
    records = ctx.need("a claim's evidence")
    by_id = records.by_id()

    def claims_behind(id: str) -> list[str]:
        found = by_id.get(id)
        if not isinstance(found, Claim):
            return []
        return [link.record for link in found.evidence if isinstance(by_id.get(link.record), Claim)]

    try:
        order = order_behind(claim.id, claims_behind)
    except CycleFound as cycle:
        raise ResolutionError(
            f"{where(records, claim.id)}claim {claim.id!r} cannot be cited: its evidence comes back to a claim"
            f" it starts from ({cycle}); `evidence check` reports it as R004"
        ) from None
    cited: dict[str, list[Part]] = {}
    for id in order:
        cited[id] = _one_claim(records[id], style, ctx, cited)  # type: ignore[arg-type]
    return cited[claim.id]


def _one_claim(claim: Claim, style: Style, ctx: Context, cited: dict[str, list[Part]]) -> list[Part]:
    """The citations for a claim's evidence (the claims among it in `cited` already): one
    citation sentence per role, each with its signal; the citations of one role are joined by
    semicolons. APA gathers them all in one parenthetical in-text citation."""
    records = ctx.need("a claim's evidence")
    if not claim.evidence:  # a problem of the records, as a circle is: exit 1, not 2
        raise ResolutionError(
            f"{where(records, claim.id)}claim {claim.id!r} has no evidence to cite: link the records it rests on"
            " (evidence)"
        )
    out: list[Part] = []
    in_text = style is Style.APA
    for role, signal in _SIGNALS.items():
        links = [link for link in claim.evidence if link.role is role]
        if not links:
            continue
        if out:  # a new citation sentence (APA: the next part of the parenthetical)
            out.append(r("; " if in_text else ". "))
        if signal:
            out += [i(signal.capitalize() if out and not in_text else signal), r(" ")]
        for n, link in enumerate(links):
            pin = link.quote.page if link.quote is not None else None
            form = Form.SHORT if in_text else Form.FULL
            record = records[link.record]
            if link.record in cited:  # a claim: cited as _parts would, by its evidence
                parts, ends = list(cited[link.record]), style is Style.APA
            elif isinstance(record, Message):  # a message is the evidence of a claim or two
                parts, ends = _parts(record, style, form, pin, ctx, None, None)
            else:  # a source or a court document is the evidence of many: cited once at each pin
                key = ("evidence", record.id, style, form, pin)
                made, ends = ctx.once(key, functools.partial(_evidence_parts, record, style, form, pin, ctx))
                parts = list(made)
            if ends:  # a note or in-text citation complete in itself: drop its own stop
                parts = _strip_stop(parts, in_text)
            out += ([r("; ")] if n else []) + parts
    return [r("("), *out, r(")")] if in_text else out


def _evidence_parts(
    record: Record, style: Style, form: Form, pin: str | None, ctx: Context
) -> tuple[tuple[Part, ...], bool]:
    """A piece of a claim's evidence as `_parts` cites it, kept as made (`Context.once`)."""
    parts, ends = _parts(record, style, form, pin, ctx, None, None)
    return tuple(parts), ends


def _strip_stop(parts: list[Part], parentheses: bool) -> list[Part]:
    """Parts without their closing period (and, for an in-text citation, its parentheses)."""
    last = _last_text(parts)
    text, style = parts[last]
    parts = [*parts[:last], (text[:-1] if text.endswith(".") else text, style), *parts[last + 1 :]]
    if parentheses and parts[0][0].startswith("(") and parts[last][0].endswith(")"):
        parts[0] = (parts[0][0][1:], parts[0][1])
        parts[last] = (parts[last][0][:-1], parts[last][1])
    return parts


def _last_text(parts: list[Part]) -> int:
    """The index of the last part that is printed text, not a mark."""
    for n in range(len(parts) - 1, -1, -1):
        if parts[n][1] != MARK:
            return n
    raise ValueError("a citation of marks alone")


def _finish(parts: list[Part], ends_sentence: bool, signal: str | None, parenthetical: str | None,
            options: BluebookOptions, in_parentheses: bool, textual: bool = False) -> list[Part]:  # fmt: skip
    if signal and parts[0][0].startswith("(") and ends_sentence:  # APA: the signal goes inside
        parts = [r("("), i(signal), r(" "), (parts[0][0][1:], parts[0][1]), *parts[1:]]
        signal = None
    if signal:
        parts = [i(signal), r(" "), *parts]
    if parenthetical:
        parts = [*parts, r(f" ({parenthetical})")]
    if textual:  # part of the writer's sentence: its case and its stop are the writer's
        return parts
    # A citation sentence starts with a capital (a signal or "id." included); an APA in-text
    # citation sits inside the writer's sentence and keeps its case.
    first_text, first_style = parts[0]
    if not first_text.startswith(("(", "http://", "https://")):  # an address is printed as it is
        parts[0] = (first_text[:1].upper() + first_text[1:], first_style)
    if ends_sentence:
        wrapped = parts[0][0].startswith("(")  # APA's in-text citations carry their own
        return [r("("), *parts, r(")")] if in_parentheses and not wrapped else parts
    # A citation that already ends in a period ("Id.", "Inc.") takes no second one.
    stop = "" if parts[_last_text(parts)][0].endswith(".") else "."
    if in_parentheses:
        return [r("("), *parts, r(f"{stop})")] if options.period_inside_parentheses else [r("("), *parts, r(").")]
    return [*parts, r(stop)]


def cite(
    record: Record,
    *,
    records: RecordSet | None = None,
    style: Style | str = "bluebook",
    form: Form | str = "full",
    pin: str | Sequence[str | None] | None = None,
    signal: str | None = None,
    parenthetical: str | None = None,
    markup: Markup | str = "text",
    decision: int | str | None = None,
    in_case: str | None = None,
    note: int | None = None,
    in_parentheses: bool = False,
    options: BluebookOptions | None = None,
    marks: bool = False,
    textual: bool = False,
    quoting: bool = False,
    name_in_text: bool = False,
    several_works: bool = False,
) -> str:
    """One citation of a record, ready to paste.

    `records` resolves what the citation needs (a filing's case, a case's court, a message's
    sender). `pin` is a pinpoint as printed ("4", "¶ 12", "*2", a Bates number); for a case cited
    in several reporters, a sequence of pins, one per reporter cite in order (R11.2: "1996 S.D. 15,
    ¶ 21, 600 N.W.2d 900, 901"). `decision`
    picks a case's decision (its id, index, one of its cites, its date or its filing). `in_case` is the id of the case
    a brief is written in: its own documents are cited without the case (R24), other cases'
    with it (R25.2). `note` is the footnote of the first full citation, for *supra*. With
    `marks`, every value printed that is not `confirmed` is flagged with its mark. With
    `textual`, the citation is part of a textual sentence: case names abbreviated as R11.4 allows
    and no stop of its own. With `quoting`, a filing or exhibit is followed by "(quoting ...)",
    naming the messages the records say it quotes (at `pin`). With `name_in_text`, the writer's
    sentence names the case, so its citation leaves the name out ("411 U.S. 792 (1973)",
    Bluebook R10.2; its short form "411 U.S. at 802"). With `several_works`, another work by the
    source's author is cited too, so its *supra* names it by its `short_title` (R15.8); without,
    *supra* names the author alone: only a `CitationSequence` knows what else was cited.
    """
    chosen = parse_markup(markup)  # a misspelt markup is named before the record is looked at
    return citation(
        record, records=records, style=style, form=form, pin=pin, signal=signal, parenthetical=parenthetical,
        decision=decision, in_case=in_case, note=note, in_parentheses=in_parentheses, options=options, marks=marks,
        textual=textual, quoting=quoting, name_in_text=name_in_text, several_works=several_works,
    ).render(chosen)  # fmt: skip


def _pins(record: Record, pin: str | Sequence[str | None] | None) -> tuple[str | None, tuple[str | None, ...]]:
    """The pin of the first reporter cite, and those of the parallel cites after it."""
    if pin is None or isinstance(pin, str):
        return pin, ()
    if not isinstance(pin, (list, tuple)) or not pin or not all(p is None or isinstance(p, str) for p in pin):
        raise UsageError("pin= is a pinpoint, or a list of one pinpoint (or None) per reporter cite of the decision")
    if not isinstance(record, (Case, Decision)):
        raise UsageError(f"pins for parallel cites apply to a case, and {record.KIND} {record.id!r} is not a case")
    return pin[0], tuple(pin[1:])


def citation(
    record: Record,
    *,
    records: RecordSet | None = None,
    style: Style | str = "bluebook",
    form: Form | str = "full",
    pin: str | Sequence[str | None] | None = None,
    signal: str | None = None,
    parenthetical: str | None = None,
    decision: int | str | None = None,
    in_case: str | None = None,
    note: int | None = None,
    in_parentheses: bool = False,
    options: BluebookOptions | None = None,
    marks: bool = False,
    textual: bool = False,
    quoting: bool = False,
    name_in_text: bool = False,
    several_works: bool = False,
) -> Citation:
    """Like `cite`, but the `Citation` itself, to render in several markups."""
    style, form = parse_style(style), parse_form(form)
    if textual and (signal or in_parentheses):
        # R1.2: a signal introduces a citation sentence or clause; a textual sentence has none.
        raise UsageError("textual= names a case in the writer's own sentence: no signal, no parentheses")
    if name_in_text and not (isinstance(record, (Case, Decision)) and style is Style.BLUEBOOK):
        raise UsageError("name_in_text= leaves a case's name out of its Bluebook citation: cite a case")
    pin, parallel_pins = _pins(record, pin)
    if any(parallel_pins) and form is not Form.FULL:
        # R11.3: a short form or id. pins the first reporter cite alone.
        raise UsageError("pins for parallel cites go in a full citation; a short form or Id. takes one pin")
    ctx = Context(records=records, options=options or DEFAULT_OPTIONS, in_case=in_case, marks=marks, textual=textual,
                  name_in_text=name_in_text, parallel_pins=parallel_pins, several_works=several_works)  # fmt: skip
    parts, ends = _parts(record, style, form, pin, ctx, decision, note)
    if quoting:
        parts = [*parts, *bluebook.quoting(record, ctx, pin, style)]
    finished = _finish(parts, ends, signal, parenthetical, ctx.options, in_parentheses, textual)
    return Citation(tidy(finished))  # its parts joined as it is made
