"""Provisions of law: statutes and regulations by code, title and section (R16, R17 of the
Indigo Book, as the Bluebook's R12 and R14), restatements as codes are, by their section, with
their publisher and year (the Bluebook's R12.9.5), court rules and constitutions by their
clause; bills in evidence._cite.legislative.
APA (11.5) and Chicago (14.288) send legal materials to this form too."""

from __future__ import annotations

import re

from evidence._cite.context import Context, pin_range
from evidence._cite.dates import format_date
from evidence._cite.legislative import cite_bill
from evidence._cite.options import Form
from evidence._cite.parts import Part, i, joined, r
from evidence._model import Provision, ProvisionKind

# Cited by their clause, with no section sign and no edition: "Fed. R. Civ. P. 23(f)".
_BY_CLAUSE = (ProvisionKind.COURT_RULE, ProvisionKind.CONSTITUTION)
# Cited by the volume and page they begin on, not by a code's section (the Bluebook's R12.4,
# R12.9.4 and R14.2, the Indigo Book's R16 and R17): "124 Stat. 119", "80 Fed. Reg. 47829".
BY_PAGE = (ProvisionKind.SESSION_LAW, ProvisionKind.REGISTER, ProvisionKind.UNIFORM_ACT)


def _span(section: str) -> bool:
    """Whether a section names several ('1051–1141n', '101 to 122'): §§ then. A hyphen is part of
    many section numbers ('18-8-115'), so only an en dash or 'to' makes a span."""
    return "–" in section or " to " in section


# A section written with its own label ('art. 579' of a Louisiana code, 'tit. 654, § 987' of a
# code cited by title after its name) or numbered act/section as Illinois's is ('5/2-1001')
# takes no section sign of its own (R16, as the Bluebook's R12.3 and its T1 forms).
_OWN_LABEL = re.compile(r"^(?:art|tit|ch|pt)\.\s|^\d+/")


def _sign(section: str) -> str:
    if _OWN_LABEL.search(section):
        return ""
    return "§§ " if _span(section) else "§ "


# A restatement's comments, illustrations and reporter's notes follow their section (R12.9.5):
# 'Restatement (Third) of The Law Governing Lawyers § 2 cmt. e'.
_NOTES = ("cmt.", "illus.", "reporter's note")


def _joined_pin(provision: Provision, pin: str | None) -> str:
    """The pinpoint as it follows its section: a subsection joined to it ('107(4)'), a
    restatement's comment after a space ('2 cmt. e'); any other pinpoint is not the section's."""
    if not pin:
        return ""
    if pin.startswith("("):
        return pin
    return f" {pin}" if provision.kind is ProvisionKind.RESTATEMENT and pin.startswith(_NOTES) else ""


def _where(provision: Provision, ctx: Context, pin: str | None) -> list[Part]:
    """The title, the code and the section, one value as sure as the weakest of them: '17 U.S.C.
    § 107', 'Mass. Gen. Laws Ann. ch. 268, § 40', '§§ 1051–1141n' for a span; a rule or a clause
    by its number: 'Fed. R. Civ. P. 23(f)'. A subsection pinpoint joins its section. A title
    named by its subject follows the code: 'Md. Code Ann., Ins. § 12-34'."""
    names = ["code"]
    if provision.kind in _BY_CLAUSE:
        text = provision.code + (f" {provision.section}" if provision.section else "") + (pin or "")
        return ctx.value(text, *[(provision, name) for name in (*names, "section")])
    pieces = []
    if provision.chapter:
        pieces.append(f"ch. {provision.chapter}")
        names.append("chapter")
    if provision.section:
        pieces.append(_sign(provision.section) + provision.section + _joined_pin(provision, pin))
        names.append("section")
    code = provision.code
    if provision.title:
        names.append("title")
        code = f"{code}, {provision.title}" if not provision.title[0].isdigit() else f"{provision.title} {code}"
    text = code + (" " + ", ".join(pieces) if pieces else "")
    return ctx.value(text, *[(provision, name) for name in names])


def _edition(provision: Provision, ctx: Context) -> list[Part]:
    """' (2018)', ' (West 2014)', ' (2012 & Supp. I 2013)': the code's edition, with the
    publisher of an unofficial code and a supplement cited with the main volume (R16, as the
    Bluebook's R3.1(c)); a register's issue by its full date (R17: 'Aug. 10, 2015')."""
    if provision.kind in _BY_CLAUSE:
        return []
    inside = [*ctx.value(provision.publisher or "", (provision, "publisher"))]
    if provision.kind is ProvisionKind.REGISTER and provision.date is not None:
        inside += [r(" " if inside else ""), *ctx.value(format_date(provision.date), (provision, "date"))]
    elif provision.year is not None and not _named_for_year(provision):
        inside += [r(" " if inside else ""), *ctx.value(str(provision.year), (provision, "year"))]
    if provision.supplement:
        inside += [r(" & " if inside else ""), *ctx.value(provision.supplement, (provision, "supplement"))]
    return [r(" ("), *inside, r(")")] if inside else []


def _named_for_year(provision: Provision) -> bool:
    """A session law whose name holds its year is not dated again (the Bluebook's R12.4(b)):
    'Family Sponsor Immigration Act of 2002, Pub. L. No. 107-150, 116 Stat. 74'."""
    named = provision.kind is ProvisionKind.SESSION_LAW and provision.name is not None
    return named and re.search(rf"\b{provision.year}\b", str(provision.name)) is not None


def _volume_page(provision: Provision, ctx: Context, pin: str | None, *, short: bool) -> list[Part]:
    """'124 Stat. 119, 141–43': the volume, the collection and the first page, a page pinpoint
    after it; in a short form the pinpoint alone: '124 Stat. at 141' (R12.10, R14.5)."""
    names = [(provision, name) for name in ("title", "code") if getattr(provision, name)]
    where = f"{provision.title} {provision.code}" if provision.title else provision.code
    if short and pin:
        return [*ctx.value(where, *names), r(f" at {pin_range(pin)}")]
    page = ctx.value(f"{where} {provision.page}" if provision.page else where, *names, (provision, "page"))
    return [*page, r(f", {pin_range(pin)}")] if pin else page


def _by_page(provision: Provision, ctx: Context, pin: str | None) -> list[Part]:
    """A session law, a register or a uniform act in full: 'Patient Protection and Affordable
    Care Act, Pub. L. No. 111-148, § 1101, 124 Stat. 119, 141–43 (2010)'; a uniform act's name
    takes its section with no comma between ('Unif. Mediation Act § 8, 7A Pt. III U.L.A. 137')."""
    if pin and pin.startswith("§"):  # another section of the law: in its place, not after the page
        section, pin = ctx.value(pin, (provision, "section")), None
    else:
        section = ctx.value(f"§ {provision.section}", (provision, "section")) if provision.section else []
    name = ctx.value(provision.name or "", (provision, "name"))
    if provision.kind is ProvisionKind.UNIFORM_ACT and name and section:
        name, section = [*name, r(" "), *section], []
    number = ctx.value(provision.number or "", (provision, "number"))
    head = joined([name, number, section])
    where = _volume_page(provision, ctx, pin, short=False)
    return [*head, *([r(", ")] if head else []), *where, *_edition(provision, ctx)]


def cite_provision(provision: Provision, ctx: Context, form: Form, pin: str | None) -> list[Part]:
    if form is Form.ID:
        # R4.1 as the Indigo Book shows it: "Id." again, or "Id. § 7102(26)" for another section.
        if not pin:
            return [i("Id.")]
        if _joined_pin(provision, pin) and provision.section:  # a subsection or comment of the same section
            pin = _sign(provision.section) + provision.section + _joined_pin(provision, pin)
        if provision.kind in BY_PAGE and not pin.startswith("§"):  # a page: 'Id. at 141'
            return [i("Id."), r(f" at {pin_range(pin)}")]
        sign = "" if provision.kind in _BY_CLAUSE or pin.startswith("§") else _sign(pin)
        return [i("Id."), r(f" {sign}{pin}")]
    if provision.kind is ProvisionKind.BILL:
        return cite_bill(provision, ctx, form, pin)
    if provision.kind in BY_PAGE:
        return _volume_page(provision, ctx, pin, short=True) if form is Form.SHORT else _by_page(provision, ctx, pin)
    if form is Form.SHORT:  # the name and the edition are left out
        return _where(provision, ctx, pin)
    name = [*ctx.value(provision.name, (provision, "name")), r(", ")] if provision.name else []
    return [*name, *_where(provision, ctx, pin), *_edition(provision, ctx)]
