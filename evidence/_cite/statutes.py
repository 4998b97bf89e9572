"""Provisions of law: statutes and regulations by code, title and section (R16, R17 of the
Indigo Book, as the Bluebook's R12 and R14), court rules and constitutions by their clause.
APA (11.5) and Chicago (14.288) send legal materials to this form too."""

from __future__ import annotations

from evidence._cite.context import Context
from evidence._cite.options import Form
from evidence._cite.parts import Part, i, r
from evidence._model import Provision, ProvisionKind

# Cited by their clause, with no section sign and no edition: "Fed. R. Civ. P. 23(f)".
_BY_CLAUSE = (ProvisionKind.COURT_RULE, ProvisionKind.CONSTITUTION)


def _span(section: str) -> bool:
    """Whether a section names several ('1051–1141n', '101 to 122'): §§ then. A hyphen is part of
    many section numbers ('18-8-115'), so only an en dash or 'to' makes a span."""
    return "–" in section or " to " in section


def _where(provision: Provision, ctx: Context, pin: str | None) -> list[Part]:
    """The title, the code and the section, one value as sure as the weakest of them: '17 U.S.C.
    § 107', 'Mass. Gen. Laws Ann. ch. 268, § 40', '§§ 1051–1141n' for a span; a rule or a clause
    by its number: 'Fed. R. Civ. P. 23(f)'. A subsection pinpoint joins its section."""
    names = ["code"]
    if provision.kind in _BY_CLAUSE:
        text = provision.code + (f" {provision.section}" if provision.section else "") + (pin or "")
        return ctx.value(text, *[(provision, name) for name in (*names, "section")])
    pieces = []
    if provision.chapter:
        pieces.append(f"ch. {provision.chapter}")
        names.append("chapter")
    if provision.section:
        sign = "§§" if _span(provision.section) else "§"
        pieces.append(f"{sign} {provision.section}" + (pin if pin and pin.startswith("(") else ""))
        names.append("section")
    title = f"{provision.title} " if provision.title else ""
    names += ["title"] if provision.title else []
    text = f"{title}{provision.code}" + (" " + ", ".join(pieces) if pieces else "")
    return ctx.value(text, *[(provision, name) for name in names])


def _edition(provision: Provision, ctx: Context) -> list[Part]:
    """' (2018)', ' (West 2014)': the code's edition, with the publisher of an unofficial code."""
    if provision.kind in _BY_CLAUSE or (provision.year is None and not provision.publisher):
        return []
    inside = [*ctx.value(provision.publisher or "", (provision, "publisher"))]
    if provision.year is not None:
        inside += [r(" " if inside else ""), *ctx.value(str(provision.year), (provision, "year"))]
    return [r(" ("), *inside, r(")")]


def cite_provision(provision: Provision, ctx: Context, form: Form, pin: str | None) -> list[Part]:
    if form is Form.ID:
        # R4.1 as the Indigo Book shows it: "Id." again, or "Id. § 7102(26)" for another section.
        if not pin:
            return [i("Id.")]
        if pin.startswith("(") and provision.section:  # a subsection of the same section
            pin = provision.section + pin
        sign = "" if provision.kind in _BY_CLAUSE or pin.startswith("§") else "§ "
        return [i("Id."), r(f" {sign}{pin}")]
    if form is Form.SHORT:  # the name and the edition are left out
        return _where(provision, ctx, pin)
    name = [*ctx.value(provision.name, (provision, "name")), r(", ")] if provision.name else []
    return [*name, *_where(provision, ctx, pin), *_edition(provision, ctx)]
