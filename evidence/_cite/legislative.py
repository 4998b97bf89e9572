"""Legislative materials and grants of rights: bills and resolutions (the Bluebook's R13.2),
hearings (R13.3), patents and trademarks (R14.9), as the Indigo Book's examples cite them. They
are cited in this legal form in every style, as provisions of law are (APA 11.5, CMOS 14.288)."""

from __future__ import annotations

import re

from evidence._cite.context import Context, named_by, pin_range
from evidence._cite.dates import format_date, year
from evidence._cite.options import Form
from evidence._cite.parts import ITALIC, Part, i, joined, r
from evidence._model import Provision, Source, SourceKind

# The sources cited as legal documents, not as works of their authors.
LEGAL_SOURCES = (SourceKind.HEARING, SourceKind.PATENT, SourceKind.TRADEMARK)


def _section(provision: Provision, ctx: Context, pin: str | None) -> list[Part]:
    """' § 203': the bill's section, a subsection pinpoint joined to it; a pinpoint alone is a
    section of its own ('§ 2(b)')."""
    if pin and not (pin.startswith("(") and provision.section):
        return [r(" " + (pin if pin.startswith("§") else f"§ {pin}"))]
    if not provision.section:
        return []
    return [r(" "), *ctx.value(f"§ {provision.section}{pin or ''}", (provision, "section"))]


def _in(ctx: Context, record: Provision | Source, when: str) -> list[Part]:
    """' (Me. 2015)': the year, after the state of a state's legislature (R13.2, R13.3)."""
    state = ctx.value(record.jurisdiction or "", (record, "jurisdiction"))
    field = "year" if isinstance(record, Provision) else "published"
    dated = ctx.dated(when, (record, field)) if when else []  # "n.d." is the style's word, not a value
    inside = [*state, *([r(" ")] if state and dated else []), *dated]
    return [r(" ("), *inside, r(")")] if inside else []


def cite_bill(provision: Provision, ctx: Context, form: Form, pin: str | None) -> list[Part]:
    """'Paycheck Fairness Act, H.R. 11, 111th Cong. § 203 (2009)', 'L.D. 3, 127th Leg., Reg.
    Sess. (Me. 2015)': the name, the number, the legislature and session, the section, the year
    (R13.2); the short form the number and the section: 'H.R. 11 § 203'."""
    number = ctx.value(provision.number or "", (provision, "number"))
    if form is Form.SHORT:
        return [*(number or ctx.value(provision.code, (provision, "code"))), *_section(provision, ctx, pin)]
    name = ctx.value(provision.name or "", (provision, "name"))
    session = [*ctx.value(provision.code, (provision, "code")), *_section(provision, ctx, pin)]
    when = str(provision.year) if provision.year is not None else ""
    return [*joined([name, number, session]), *_in(ctx, provision, when)]


def _heading(source: Source, ctx: Context) -> list[Part]:
    """'Welfare and Poverty in America: Hearing Before the S. Comm. on Fin.', or with no title
    'Hearing on L.D. 319 Before the Health and Human Servs. Comm.' (R13.3), in italics."""
    title = ctx.value(source.title or "", (source, "title"), style=ITALIC)
    on = ctx.value(f"on {source.number}", (source, "number"), style=ITALIC) if source.number else []
    before = ctx.value(source.committee or "", (source, "committee"), style=ITALIC)
    heading = [*title, *([i(": ")] if title else []), i("Hearing")]
    heading += [i(" "), *on] if on and not title else []
    return [*heading, *([i(" Before the "), *before] if before else [])]


def _hearing(source: Source, ctx: Context, pin: str | None) -> list[Part]:
    """'<Title>: Hearing Before the S. Comm. on Fin., 114th Cong. 5 (2015)': the legislature and
    session, the page cited after them, the year (with a state's name) in parentheses (R13.3)."""
    session = ctx.value(source.session or "", (source, "session"))
    at = [r(f" {pin_range(pin)}")] if pin and session else [r(f", at {pin_range(pin)}")] if pin else []
    head = [*_heading(source, ctx), *([r(", "), *session] if session else []), *at]
    return [*head, *_in(ctx, source, year(source.published))]


def _digits(source: Source) -> str | None:
    """'504' of 'U.S. Patent No. 8,112,504 B2': the last three digits a patent's short form names."""
    found = re.search(r"\d[\d,]*\d", source.number or "")
    return found[0].replace(",", "")[-3:] if found else None


def _granted(source: Source, ctx: Context, pin: str | None) -> list[Part]:
    """'System for ..., U.S. Patent No. 8,112,504 B2, at [75] (filed Mar. 4, 2009) (issued Feb. 7,
    2012)' (R14.9): a front-page field by its number in brackets after 'at', a figure or column
    as labeled; the dates of filing and of issue each in its parentheses."""
    title = ctx.value(source.title or "", (source, "title"))
    number = ctx.value(source.number or "", (source, "number"))
    parts = [*(joined([title, number]) or named_by(source, ctx)), *_pinned(pin)]
    for word, name in (("filed", "filed"), ("issued", "published")):
        when = getattr(source, name)
        if when is not None:
            parts += [r(f" ({word} "), *ctx.value(format_date(when), (source, name)), r(")")]
    return parts


def _pinned(pin: str | None) -> list[Part]:
    """', at [75]' for a front-page field or a page, ', fig. 1' for a part cited by its label."""
    if not pin:
        return []
    return [r(f", at {pin_range(pin)}" if pin[:1] in "[0123456789" else f", {pin}")]


def cite_document(source: Source, ctx: Context, form: Form, pin: str | None) -> list[Part]:
    """A hearing, a patent or a trademark, in full or short; the short form of a patent by the
    last three digits of its number: '’504 Patent' (R14.9); of a trademark, its mark; of a
    hearing, its heading and the page: id. and supra are the sequence's."""
    if form is Form.SHORT and source.kind is SourceKind.HEARING:
        return [*_heading(source, ctx), *_pinned(pin)]
    if form is Form.SHORT:  # a patent by its digits, a trademark by its mark
        digits = _digits(source) if source.kind is SourceKind.PATENT else None
        if digits:
            return [*ctx.value(f"’{digits} Patent", (source, "number")), *_pinned(pin)]
        named = source.title or source.number
        field = "title" if source.title else "number"
        return [*(ctx.value(named, (source, field)) if named else named_by(source, ctx)), *_pinned(pin)]
    if form is Form.ID:
        return [i("Id."), r(f" at {pin_range(pin)}" if pin else "")]
    if source.kind is SourceKind.HEARING:
        return _hearing(source, ctx, pin)
    return _granted(source, ctx, pin)
