"""Bluebook citations, as restated by the Indigo Book: cases, court documents and exhibits,
messages, sources, and supra. Rule numbers are the Indigo Book's (R = rule, T = table) unless
they name another manual."""

from __future__ import annotations

from typing import Any

import attrs

from evidence._cite import context, ecf
from evidence._cite.agency import agency_parts, agency_short, docket_label, public_docket
from evidence._cite.context import (
    Context,
    at_pin,
    find_decision,
    message_people,
    message_word,
    pin_range,
    reported_as,
    reported_in,
)
from evidence._cite.dates import format_date, year
from evidence._cite.ecf import PinField, pinned
from evidence._cite.options import Form, Style
from evidence._cite.parts import ITALIC, ROMAN, Part, i, r, tidied_ahead
from evidence._cite.public_domain import dated_anyway, district_of, pinned_cite
from evidence._cite.secondary import cite_source
from evidence._cite.words import (
    KIND_TITLES,
    abbreviate_document_title,
    case_name,
    title_case,
)
from evidence._errors import UsageError
from evidence._labels import message_kind, weaker, weakest
from evidence._model import (
    AttestationKind,
    Case,
    CaseEventKind,
    DateValue,
    Decision,
    DecisionHistory,
    Exhibit,
    Filing,
    HistoryRel,
    Message,
    Record,
    ReporterCite,
    ReporterEdition,
    Source,
    docket_cite,
    is_public_domain,
    parse_cite,
    without_state,
)


def _case_parts(case: Case, ctx: Context) -> list[Part]:
    style = ROMAN if ctx.options.roman_case_names else ITALIC
    return ctx.value(case_name(case, textual=ctx.textual), (case, "name" if case.name else "caption"), style=style)


def _court(case: Case, ctx: Context) -> list[Part]:
    records = ctx.need("a case")
    court = records.court_of(case)
    name = "citation" if court.citation else "name"
    return ctx.value(court.citation or court.name or case.court, (case, "court"), (court, name))


def _pin_after_title(pin: str | None) -> str:
    return f" {pin}" if pin else ""


def _in_reporter(cited: str | None) -> bool:
    """Whether a decision's cite is a reporter's volume and page (R11.2) or a public-domain cite
    (R11.3), not a database's."""
    return cited is not None and (isinstance(parse_cite(cited), ReporterCite) or is_public_domain(cited))


def _reporter_pin(pin: str | None, short: bool) -> str:
    """A reporter's page pinpoint: ', 127' after the first page, ' at 127' after the reporter in a
    short form (R11.3)."""
    if not pin:
        return ""
    pin = pin_range(pin)
    if pin.startswith("¶"):
        return f" {pin}"
    return f" at {pin}" if short else f", {pin}"


def _pending_date(case: Case, ctx: Context) -> list[Part]:
    """R10.8.1: a case cited as a whole is dated by its filing ('filed July 7, 2023'); an appeal
    known only from its argument, by that ('argued June 11, 2026'); else it has no date to give."""
    filed = format_date(case.filed)
    if filed:
        return [r(" filed "), *ctx.value(filed, (case, "filed"))]
    argued = [event for event in case.events if event.kind is CaseEventKind.ORAL_ARGUMENT and event.date is not None]
    if argued:
        # A value object has no marks of its own fields: the event's mark stands for its date.
        level = weaker(argued[-1].confidence, weakest([(case, "events")]))
        return [r(" argued "), *ctx.value_at(format_date(argued[-1].date), level)]
    return []


def _filing_title(filing: Filing, ctx: Context) -> list[Part]:
    if filing.short_title:
        return ctx.value(filing.short_title, (filing, "short_title"))
    if filing.title:
        title = abbreviate_document_title(filing.title, drop_prepositions=ctx.options.drop_prepositions)
        return ctx.value(title, (filing, "title"))
    if filing.kind is not None and filing.kind in KIND_TITLES:
        return ctx.value(KIND_TITLES[filing.kind], (filing, "kind"))
    return [r("Filing")]


def _other_case(
    case: Case, date: DateValue | None, ctx: Context, dated: Filing, reported: Decision | None
) -> list[Part]:
    """', Kadrey v. Meta Platforms, Inc., No. 3:23-cv-03417-VC (N.D. Cal. Jan. 8, 2025)' (R25.2);
    a case with one reported decision by that decision, its docket number after it (Bluebook
    R10.8.3: ', Martinez-Mendoza v. Champion Int'l Corp., 340 F.3d 1200 (11th Cir. 2003) (No.
    06-19139)'). `reported` is the case's reported decision (`_reported`)."""
    if reported is not None:
        decision = _decision_parts(case, reported, ctx, None, frozenset())
        label = _label(case, ctx)
        return [r(", "), *_case_parts(case, ctx), r(", "), *decision, r(" ("), label, *_docket(case, ctx), r(")")]
    when = format_date(date)
    return [
        r(", "), *_case_parts(case, ctx), r(", "), _label(case, ctx), *_docket(case, ctx), r(" ("),
        *_court(case, ctx),
        *([r(" "), *ctx.value(when, (dated, "filed"))] if when else []), r(")"),
    ]  # fmt: skip


def _label(case: Case, ctx: Context, docket: str | None = None) -> Part:
    """'No. ', 'Nos. ' or nothing before a case's docket number (or a decision's own), by the one
    rule every form uses (`docket_label`), a court's and an agency's alike."""
    agency = ctx.need("a case").court_of(case).agency
    return r(docket_label(docket or case.docket_number or "", agency=agency))


def _reported(case: Case, ctx: Context) -> Decision | None:
    """The decision a case's documents are cited with (R10.8.3): its only reported one, and
    only when the case has a docket number to give after it."""
    reported = [d for d in ctx.need("a document of another case").decisions_of(case) if _reporter_cites(d)]
    return reported[0] if len(reported) == 1 and case.docket_number is not None else None


def _docket(case: Case, ctx: Context) -> list[Part]:
    if case.docket_number is None:  # an appeal just taken: no number to print, none to invent
        raise UsageError(f"case {case.id!r} has no docket_number: a citation of it needs one")
    return ctx.value(case.docket_number, (case, "docket_number"))


def cite_case(case: Case, ctx: Context, form: Form, pin: str | None, decision: Any) -> list[Part]:
    chosen = find_decision(case, decision, ctx) if decision is not None else None
    cited = reported_as(chosen) if chosen is not None else None
    _check_cited_alone(case, chosen, ctx)
    if form is Form.SHORT:
        shown_name = _short_case_name(case, ctx)
        name = [*shown_name, r(", ")] if shown_name else []  # none when the sentence names it
        if ctx.need("a case").court_of(case).agency:  # by its own reporter or docket, as in full (R14.3)
            rest = agency_short(case, chosen, ctx, pin)
            return [*(name if rest else shown_name), *rest]
        if chosen is not None and cited:
            if not _in_reporter(cited):
                return [*name, *ctx.value(cited, (chosen, "cites")), r(at_pin(pin))]
            # R11.3: "Thomson Reuters, 529 F. Supp. 3d at 305": the volume and reporter, then the page;
            # a public-domain cite keeps its number before the paragraph ("Smith, 2012 CO 22, ¶ 14").
            if docket_cite(cited):  # Louisiana's: the pinpoint before the court, as in full
                return [*name, *pinned_cite(cited, chosen, ctx, pin)]
            if is_public_domain(cited):
                return [*name, *ctx.value(cited, (chosen, "cites")), r(f", {pin_range(pin)}" if pin else "")]
            shown = cited.rsplit(" ", 1)[0] if pin else cited
            return [*name, *ctx.value(shown, (chosen, "cites")), r(_reporter_pin(pin, short=True))]
        designation = chosen.docket_number if chosen is not None and chosen.docket_number else None
        if chosen is not None and designation is not None and public_docket(designation):
            # A state's designation is its cite, pinned as in full: '95-KA-01234-SCT (¶ 3)'.
            return [*name, *ctx.value(designation, (chosen, "docket_number")), r(f" ({pin})" if pin else "")]
        if chosen is not None and pin:
            return [*name, r(f"slip op. at {pin}")]
        return [*name, _label(case, ctx), *_docket(case, ctx)]
    court = ctx.need("a case").court_of(case)
    if court.agency:  # an agency's decision is cited by its own reporter or docket (Bluebook R14.3)
        return [*_case_parts(case, ctx), *agency_parts(case, court, chosen, ctx, pin)]
    if chosen is None:
        if pin:
            raise UsageError("a pin cite of a case needs a decision: pass decision=")
        when = _pending_date(case, ctx)
        docket = [r(", "), _label(case, ctx), *_docket(case, ctx)]
        return [*_case_parts(case, ctx), *docket, r(" ("), *_court(case, ctx), *when, r(")")]
    named = [] if ctx.name_in_text else [*_case_parts(case, ctx), r(", ")]
    return [*named, *_decision_parts(case, chosen, ctx, pin, frozenset())]


def _check_cited_alone(case: Case, chosen: Decision | None, ctx: Context) -> None:
    """A case is cited without its name, or with parallel pins, only by a court's reported
    decision, whose reporter cites carry the citation."""
    if not (ctx.name_in_text or ctx.parallel_pins):
        return
    count = len(_reporter_cites(chosen)) if chosen is not None else 0
    reported = count > 0 and not ctx.need("a case").court_of(case).agency
    if ctx.name_in_text and not reported:
        raise UsageError("name_in_text= leaves the name out of a reported decision's citation: pass decision=")
    if ctx.parallel_pins and (not reported or len(ctx.parallel_pins) >= count):
        raise UsageError(f"{len(ctx.parallel_pins) + 1} pins for a decision cited by {count} reporter cites")


def _short_case_name(case: Case, ctx: Context) -> list[Part]:
    if ctx.name_in_text:
        return []
    short = case.short_name or _short_name(case_name(case))
    style = ROMAN if ctx.options.roman_case_names else ITALIC
    return ctx.value(short, (case, "short_name" if case.short_name else "name"), style=style)


# Parties a short form does not name a case by (Bluebook R10.9(a)(i)): a government, which is
# party to too many cases to tell one apart.
_GOVERNMENTS = frozenset({"United States", "State", "People", "Commonwealth"})


def _short_name(name: str) -> str:
    """'Leonard' of 'Leonard v. Pepsico, Inc.'; 'Carmel' of 'United States v. Carmel'."""
    parties = name.split(" v. ")
    if len(parties) > 1 and parties[0] in _GOVERNMENTS:
        return parties[1].split(",")[0]
    return parties[0]


# R12 (Bluebook R10.7, T8): the words that introduce a later decision in a case's subsequent
# history. The others (a superseded or withdrawn opinion, questions certified for appeal) are not
# history a citation gives: the revised opinion is cited instead.
_HISTORY_WORDS = {
    HistoryRel.AFFIRMED: "aff'd",
    HistoryRel.REVERSED: "rev'd",
    HistoryRel.VACATED: "vacated",
    HistoryRel.MODIFIED: "modified",
    HistoryRel.REMANDED: "remanded",
    HistoryRel.CERT_DENIED: "cert. denied",
}


def _decision_parts(case: Case, chosen: Decision, ctx: Context, pin: str | None, seen: frozenset[str]) -> list[Part]:
    """A decision after its case's name: where it is reported, the court and date, then what later
    decisions did to it (subsequent history, R12)."""
    seen = seen | {chosen.id}
    history = _history(chosen, ctx, seen)
    reporters = _reporter_cites(chosen)
    if reporters:
        # R11: a reported decision is found by its volume and page; the docket number and the
        # exact day give way to the year. Parallel cites follow in the record's order (R11.2).
        # A public-domain cite's paragraph follows it after a comma ("2011 ME 24, ¶ 11", R11.3).
        after = f", {pin_range(pin)}" if pin and is_public_domain(reporters[0]) else _reporter_pin(pin, short=False)
        parts = pinned_cite(reporters[0], chosen, ctx, pin) or [*ctx.value(reporters[0], (chosen, "cites")), r(after)]
        pins = ctx.parallel_pins
        for n, other in enumerate(reporters[1:]):
            extra = pins[n] if n < len(pins) else None
            # A parallel cite's paragraph follows it after a comma, as a public-domain cite's does.
            shown = f", {pin_range(extra)}" if extra and (extra.startswith("¶") or is_public_domain(other)) else None
            # Louisiana's rules set its own cite off from the reporter's by a semicolon (c449).
            parts += [r("; " if docket_cite(reporters[n]) else ", ")]
            parts += pinned_cite(other, chosen, ctx, extra) or [
                *ctx.value(other, (chosen, "cites")),
                r(shown or _reporter_pin(extra, short=False)),
            ]
        parts += _reported_parenthetical(case, chosen, ctx, reporters, history)
        if chosen.docket_number and any(e.reporter == "F. Cas." for e in _editions(reporters[0])):
            # T1: Federal Cases are told apart by their number in that reporter: "(No. 3591)".
            label = _label(case, ctx, chosen.docket_number)
            parts += [r(" ("), label, *ctx.value(chosen.docket_number, (chosen, "docket_number")), r(")")]
        return parts + _history_parts(case, chosen, history, ctx, seen)
    cited = reported_as(chosen)
    docket = ctx.value(chosen.docket_number, (chosen, "docket_number")) if chosen.docket_number else _docket(case, ctx)
    own = public_docket(chosen.docket_number or case.docket_number or "")
    parts = [_label(case, ctx, chosen.docket_number), *docket]
    if cited:
        parts += [r(", "), *ctx.value(cited, (chosen, "cites")), r(at_pin(pin))]
    elif pin:
        parts.append(r(f" ({pin})" if own else f", slip op. at {pin}"))  # an unreported decision: its own pages
    # An undated decision prints no date: none is invented (`evidence check` warns, Y001).
    when = [r(" "), *ctx.value(format_date(chosen.date), (chosen, "date"))] if chosen.date is not None else []
    parts += [r(" ("), *_justice(chosen, ctx, ", "), *_court(case, ctx), *when, r(")")]
    if not cited and chosen.filing is not None:
        filing = ctx.need("a decision").get(chosen.filing, Filing)
        designation = ecf.designation(filing, ctx)  # B17: the docket entry last, when it has a number
        parts += [r(", "), *designation] if designation else []
    if not cited and chosen.filing is None and chosen.url:
        parts += [r(", "), *ctx.value(chosen.url, (chosen, "url"))]  # where the slip opinion is online (the book: c081)
    return parts + _history_parts(case, chosen, history, ctx, seen)


def _reporter_cites(decision: Decision) -> list[str]:
    """The reporter cites a decision is cited by, in the record's order; a Supreme Court decision
    in the U.S. Reports is cited to it alone (R11.2, Bluebook R10.3.1)."""
    cites = [cite for cite in decision.cites if _in_reporter(cite)]
    official = [cite for cite in cites if any(e.reporter == "U.S." for e in _editions(cite))]
    return official[:1] or cites


def _editions(cite: str) -> tuple[ReporterEdition, ...]:
    parsed = parse_cite(cite)
    return parsed.editions if parsed is not None else ()


def _reported_parenthetical(
    case: Case, chosen: Decision, ctx: Context, reporters: list[str], history: list[tuple[DecisionHistory, Decision]]
) -> list[Part]:
    """' (9th Cir. 2021)': the court, unless a reporter names it (R11.1: none for the U.S. Reports,
    the circuit for F.3d, the district for F. Supp.), and the year, unless the next decision of
    its history has the same one ('(10th Cir.), cert. denied, 136 S. Ct. 595 (2015)')."""
    regional = not all(is_public_domain(cite) for cite in reporters)
    if any(is_public_domain(cite) for cite in reporters) and not (regional and any(map(dated_anyway, reporters))):
        # R11.3: a public-domain cite names the court and the year itself; not a district of the
        # court, which a state citing it keeps ('2005-Ohio-1797, 827 N.E.2d 835 (11th Dist.)').
        district = district_of(ctx.need("a case").court_of(case).citation)
        return [r(" ("), *ctx.value(district, (case, "court")), r(")")] if district else []
    named = any(edition.names_its_court() for cite in reporters for edition in _editions(cite)[:1])
    court = [] if named else _court_beside(case, ctx, _editions(reporters[0])[:1])
    when = year(chosen.date) if chosen.date is not None else ""  # undated: no date, none invented
    same_year = bool(history) and year(history[0][1].date) == when
    dated = [] if same_year or not when else ctx.value(when, (chosen, "date"))
    inside = [part for part in (court, dated) if part]
    justice = _justice(chosen, ctx, ", " if court else " " if dated else "")
    if not (inside or justice):
        return []
    joined = [part for n, piece in enumerate(inside) for part in ([r(" ")] if n else []) + piece]
    return [r(" ("), *justice, *joined, r(")")]


def _justice(chosen: Decision, ctx: Context, then: str) -> list[Part]:
    """A Justice sitting alone as Circuit Justice, first in the court's parenthetical, then `then`
    before what follows (Bluebook R10.4(a): '(Jackson, Circuit Justice, 2d Cir. 1950)', and with
    no court to name, '(Douglas, Circuit Justice 1972)')."""
    if chosen.circuit_justice is None:
        return []
    return [*ctx.value(f"{chosen.circuit_justice}, Circuit Justice", (chosen, "circuit_justice")), r(then)]


def _court_beside(case: Case, ctx: Context, editions: tuple[ReporterEdition, ...]) -> list[Part]:
    """The court after a reporter of one state's courts: without the state, which the reporter
    names ('Cal. Rptr. 2d 804 (Ct. App. 1998)'), and none at all for the state's highest court or
    a court the reporter's name gives ('N.Y.2d', 'Wash. App.'): R11.6, Bluebook R10.4(b)."""
    court = ctx.need("a case").court_of(case)
    if not editions or editions[0].state() is None or not court.citation:
        return _court(case, ctx)
    rest = without_state(court.citation)
    if rest == court.citation:
        return _court(case, ctx)
    district = district_of(rest)
    named = rest.removesuffix(district).strip() if district else rest
    if set(named.split()) - {"Ct."} <= set(editions[0].abbreviation.replace(".", ". ").split()):
        # The reporter names the court; its district, if the citation has one, stays ('(11th Dist. 1990)').
        return ctx.value(district, (case, "court"), (court, "citation")) if district else []
    return ctx.value(rest, (case, "court"), (court, "citation"))


def _history(chosen: Decision, ctx: Context, seen: frozenset[str]) -> list[tuple[DecisionHistory, Decision]]:
    """The later decisions a citation gives, each with how it is known; none seen already, and
    none the set does not hold (the checker reports a reference to a missing record)."""
    records = ctx.need("a decision's history")
    shown = [e for e in chosen.history if e.rel in _HISTORY_WORDS and e.decision not in seen and e.decision in records]
    return [(entry, records.get(entry.decision, Decision)) for entry in shown]


def _history_parts(
    case: Case, chosen: Decision, history: list[tuple[DecisionHistory, Decision]], ctx: Context, seen: frozenset[str]
) -> list[Part]:
    """', aff'd, 987 F.3d 654 (9th Cir. 2021)': each later decision after the words that say what
    it did, as sure as the history entry; its case's name only when it differs from the earlier
    one's ('rev'd sub nom. Horn v. Comm'r, ...', Bluebook R10.7.2)."""
    records = ctx.need("a decision's history")
    parts: list[Part] = []
    for entry, later in history:
        level = weaker(entry.confidence, weakest([(chosen, "history")]))
        words = _HISTORY_WORDS[entry.rel] + (" on other grounds" if entry.on_other_grounds else "")
        parts += [r(", "), *ctx.value_at(words, level, style=ITALIC)]
        other = records.get(later.case, Case)
        if not _same_parties(case_name(other), case_name(case)):
            parts += [i(" sub nom."), r(" "), *_case_parts(other, ctx)]
        unpinned = attrs.evolve(ctx, parallel_pins=())  # the pins are the earlier decision's
        parts += [r(", "), *_decision_parts(other, later, unpinned, None, seen | {d.id for _, d in history})]
    return parts


def _same_parties(later: str, earlier: str) -> bool:
    """Whether a later decision's name is the earlier's, or its parties the other way round (an
    appeal's 'Schmuck v. United States' of 'United States v. Schmuck'), which takes no
    'sub nom.' (Bluebook R10.7.2)."""
    return sorted(later.split(" v. ")) == sorted(earlier.split(" v. "))


def cite_filing(
    filing: Filing, ctx: Context, form: Form, pin: str | None, pin_from: PinField | None = None
) -> list[Part]:
    title, reported, rest = ctx.once(("filing", filing.id, form), lambda: _filing_around_pin(filing, ctx, form))
    # R10.8.3: a document of a reported case takes "at" before its page, as a reporter's pin does.
    after = at_pin(pin).replace(",", "", 1) if reported else _pin_after_title(pin)
    return [*title, *pinned(after, pin, ctx, pin_from), *rest]


def _filing_around_pin(filing: Filing, ctx: Context, form: Form) -> tuple[tuple[Part, ...], bool, tuple[Part, ...]]:
    """What a filing's citation prints before its pinpoint, whether its case is reported, and
    what it prints after: the same for every pinpoint, so made once (`Context.once`), and
    tidied once (a citation tidied whole with them tidied in it reads the same)."""
    case = ctx.need("a filing").get(filing.case, Case) if ctx.in_case != filing.case else None
    reported = _reported(case, ctx) if case is not None else None
    parts: list[Part] = []
    outside = _outside(filing, ctx, form)
    if outside and case is not None:
        parts += _other_case(case, filing.filed, ctx, filing, reported)
    elif case is not None and reported is not None:  # its short form keeps the case and the reporter
        cite = ctx.value(_reporter_cites(reported)[0], (reported, "cites"))
        docket = [r(" ("), _label(case, ctx), *_docket(case, ctx), r(")")]
        parts += [r(", "), *_short_case_name(case, ctx), r(", "), *cite, *docket]
    else:
        # R24.3: the date after the pin, on request; without an entry number it tells the
        # document apart on its docket, and is always given.
        if not outside and filing.filed is not None and (filing.ecf is None or ctx.options.document_dates):
            parts += [r(" ("), *ctx.value(format_date(filing.filed), (filing, "filed")), r(")")]
        parts += _short_case(filing, ctx, form)
    # R10.8.3, B17: the entry number, in the short form as in the full.
    if filing.ecf is not None:
        parts += [r(", "), *ecf.designation(filing, ctx)]
    return tidied_ahead(_filing_title(filing, ctx)), reported is not None, tidied_ahead(parts)


def _outside(filing: Filing, ctx: Context, form: Form) -> bool:
    """Cited from outside its case (R25.2): the case goes in the citation, unless a short form."""
    return form is Form.FULL and ctx.in_case != filing.case


def _short_case(filing: Filing, ctx: Context, form: Form) -> list[Part]:
    """R26, on request: the short form of another case's document keeps the case's short name
    (", *Doe*,") where the full form has the case."""
    if form is not Form.SHORT or not ctx.options.case_in_short_forms or ctx.in_case == filing.case:
        return []
    case = ctx.need("a document of another case").get(filing.case, Case)
    style = ROMAN if ctx.options.roman_case_names else ITALIC
    if case.short_name:
        return [r(", "), *ctx.value(case.short_name, (case, "short_name"), style=style)]
    first = case_name(case, textual=ctx.textual).split(" v. ")[0]
    return [r(", "), *ctx.value(first, (case, "name" if case.name else "caption"), style=style)]


def cite_exhibit(
    exhibit: Exhibit, ctx: Context, form: Form, pin: str | None, pin_from: PinField | None = None
) -> list[Part]:
    label, rest = ctx.once(("exhibit", exhibit.id, form), lambda: _exhibit_around_pin(exhibit, ctx, form))
    # R24.2.3: a comma after the exhibit reference, before its pinpoint.
    return [*label, *pinned(at_pin(pin), pin, ctx, pin_from), *rest]


def _exhibit_around_pin(exhibit: Exhibit, ctx: Context, form: Form) -> tuple[tuple[Part, ...], tuple[Part, ...]]:
    """What an exhibit's citation prints before its pinpoint and after it: the same for every
    pinpoint (a message's Bates page), so made once (`Context.once`), and tidied once."""
    filing = ctx.need("an exhibit").get(exhibit.filing, Filing)
    if exhibit.label:
        label = [r("Ex. "), *ctx.value(exhibit.label, (exhibit, "label"))]
    else:
        label = ctx.value(exhibit.title, (exhibit, "title")) if exhibit.title else [r("Ex.")]
    if ctx.options.exhibit_with_filing and (exhibit.label or not exhibit.title):
        label = [*_filing_title(filing, ctx), r(" "), *label]  # R24.2.3: "Doe Decl. Ex. A"
    parts: list[Part] = []
    if _outside(filing, ctx, form):
        case = ctx.need("an exhibit of another case").get(filing.case, Case)
        parts += _other_case(case, filing.filed, ctx, filing, _reported(case, ctx))
    parts += _short_case(filing, ctx, form)
    designation = ecf.designation(filing, ctx, exhibit)
    if designation:
        parts += [r(", "), *designation]
    return tidied_ahead(label), tidied_ahead(parts)


def cite_message(message: Message, ctx: Context, form: Form, pin: str | None, style: Style) -> list[Part]:
    """R17's pattern for unpublished correspondence, then where the message can be found."""
    parts = _correspondence(message, ctx)
    if context.published(message, ctx):
        return _public_statement(message, ctx)
    source = reported_in(message, ctx)
    if source is not None:
        # R1.6: a related authority, introduced by an italic phrase; a court document quoting it
        # is cited as the document is.
        return [*parts, r(", "), i("quoted in"), r(" "), *cite_report(source, ctx, style)]
    held = _held_in(message, ctx, form, pin, style)
    return [*parts, r(" ("), *held, r(")")] if held else parts


def _correspondence(message: Message, ctx: Context) -> list[Part]:
    """R17: 'E-mail from Pat Lee to Sam Roe (Oct. 10, 2024, 11:30 PM PDT)'."""
    sender, recipients = message_people(message, ctx)
    parts = message_word(message, ctx)
    parts += [r(" from "), *sender] if sender else []
    parts += [r(" to "), *recipients] if recipients else []
    when = format_date(message.sent, time=True, zone=True)  # R17: the time zone of a sent time
    return parts + ([r(" ("), *ctx.value(when, (message, "sent")), r(")")] if when else [])


def _holder(message: Message, ctx: Context) -> Filing | Exhibit | None:
    """The court document that holds a message: its exhibit, else a filing the records are sure of."""
    records = ctx.need("a message")
    exhibit = records.exhibit_of(message)
    if exhibit is not None:
        return exhibit
    filing = records.filing_of(message)
    return filing if filing is not None and message.confidence_of("filing").value == "confirmed" else None


def _held_in(
    message: Message, ctx: Context, form: Form, pin: str | None, style: Style, but: str | None = None
) -> list[Part]:
    """Where the message is held, cited as the document is; without a pin, at the message's
    Bates page. Nothing for no holder, or for the document `but` (the one quoting it)."""
    document = _holder(message, ctx)
    if document is None or document.id == but:
        return []
    if pin is None and message.bates_page:
        return _court_document(document, ctx, form, message.bates_page, style, (message, "bates_page"))
    return _court_document(document, ctx, form, pin, style)


def quoting(document: Record, ctx: Context, pin: str | None, style: Style) -> list[Part]:
    """The "quoting" parenthetical of a court document (R1.5), built from the records: the
    messages whose verbatim attestation is this document (at `pin`, when one is given), each with
    where it is held, after the short form (the case has just been cited)."""
    if not isinstance(document, (Filing, Exhibit)):
        raise UsageError(f"quoting= applies to filings and exhibits, and {document.KIND} {document.id!r} is neither")
    records = ctx.need("a quoting parenthetical")
    found = []
    for message in (record for record in records.referrers(document) if isinstance(record, Message)):
        quoted = [
            attestation
            for attestation in message.attestations
            if attestation.source == document.id
            and attestation.kind is AttestationKind.VERBATIM
            and pin in (None, attestation.quote.page)
        ]
        found += [(message, quoted[0])] if quoted else []  # a message once, however often quoted
    if not found:
        where = f" at {pin}" if pin else ""
        raise UsageError(f"no message's attestations quote {document.id!r}{where}: nothing to say it is quoting")
    parts: list[Part] = [r(" (")]
    for n, (message, attestation) in enumerate(found):
        # The word claims the attestation: as sure as the link and the message's field.
        level = weaker(attestation.confidence, weakest([(message, "attestations")]))
        parts += [r("; ")] if n else [*ctx.value_at("quoting", level), r(" ")]
        held = _held_in(message, ctx, Form.SHORT, None, style, but=document.id)
        parts += [*_correspondence(message, ctx), *([r(" ("), *held, r(")")] if held else [])]
    return [*parts, r(")")]


def _court_document(
    document: Filing | Exhibit,
    ctx: Context,
    form: Form,
    pin: str | None,
    style: Style,
    pin_from: PinField | None = None,
) -> list[Part]:
    """A filing or exhibit; in the ECF style found by the court's docket number."""
    if isinstance(document, Exhibit):
        if style is Style.ECF and ecf.has_number(document, ctx):
            return ecf.cite_exhibit(document, ctx, pin, pin_from)
        return cite_exhibit(document, ctx, form, pin, pin_from)
    if style is Style.ECF and document.ecf is not None:
        return ecf.cite_filing(document, ctx, pin, pin_from)
    return cite_filing(document, ctx, form, pin, pin_from)


def cite_report(report: Source | Filing | Exhibit, ctx: Context, style: Style = Style.BLUEBOOK) -> list[Part]:
    """What a message is quoted in, in full: a source, or a filing or exhibit as it is cited."""
    if isinstance(report, Source):
        return cite_source(report, ctx, Form.FULL, None)
    return _court_document(report, ctx, Form.FULL, None, style)


def _public_statement(message: Message, ctx: Context) -> list[Part]:
    """A public statement cited as a published work, after a web post (R18, example 16 of the
    citation rules): author, title (the subject, else what it is), where, (date)."""
    sender, title, venue = context.statement_parts(message, ctx, ITALIC)
    word = ctx.value(title_case(message_kind(message)), (message, "channel")) if message.channel else []
    pieces = [piece for piece in (sender, title or word, venue) if piece]
    parts = [part for n, piece in enumerate(pieces) for part in ([r(", ")] if n else []) + piece]
    when = format_date(message.sent)
    if when:
        parts += [r(" (" if parts else "("), *ctx.value(when, (message, "sent")), r(")")]
    return parts
