"""The court's own form (ECF): filings and exhibits by their docket numbers; every other
record as the Bluebook cites it, and so a filing or exhibit whose entry number is not known
(`citing` falls back on the Bluebook form when `designation` is empty)."""

from __future__ import annotations

from evidence._cite.context import Context
from evidence._cite.parts import Part, r
from evidence._labels import ecf_designation
from evidence._model import Exhibit, Filing, Record

PinField = tuple[Record, str]  # the field a pinpoint is read from, when it is a record's value


def ecf_text(filing: Filing, exhibit: Exhibit | None = None) -> str:
    """The court's "ECF No. 391-24", or nothing when the entry number is not known."""
    return ecf_designation(filing, exhibit) or ""


def designation(filing: Filing, ctx: Context, exhibit: Exhibit | None = None) -> list[Part]:
    """The designation as a value: as sure as the entry number and, of an exhibit, its
    attachment number and its link to the filing."""
    fields = [(filing, "ecf")] + ([(exhibit, "attachment"), (exhibit, "filing")] if exhibit is not None else [])
    return ctx.value(ecf_text(filing, exhibit), *fields)


def pinned(text: str, pin: str | None, ctx: Context, field: PinField | None) -> list[Part]:
    """A pinpoint as printed (`text` ends with `pin`): the writer's as given, a record's value
    (a message's Bates page) marked as sure as its field."""
    if not pin or field is None:
        return [r(text)]
    return [r(text[: len(text) - len(pin)]), *ctx.value(pin, field)]


def cite_filing(filing: Filing, ctx: Context, pin: str | None, pin_from: PinField | None = None) -> list[Part]:
    return [*designation(filing, ctx), *pinned(f"{' at ' + pin if pin else ''}", pin, ctx, pin_from)]


def cite_exhibit(exhibit: Exhibit, ctx: Context, pin: str | None, pin_from: PinField | None = None) -> list[Part]:
    filing = ctx.need("an exhibit").get(exhibit.filing, Filing)
    return [*designation(filing, ctx, exhibit), *pinned(f"{' at ' + pin if pin else ''}", pin, ctx, pin_from)]


def has_number(exhibit: Exhibit, ctx: Context) -> bool:
    """Whether the filing the exhibit is attached to has its entry number."""
    return ctx.need("an exhibit").get(exhibit.filing, Filing).ecf is not None
