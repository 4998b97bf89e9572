"""The court's own form (ECF): filings and exhibits by their docket numbers; every other
record as the Bluebook cites it."""

from __future__ import annotations

from evidence._cite.context import Context
from evidence._cite.parts import Part, r
from evidence._labels import ecf_designation
from evidence._model import Exhibit, Filing


def ecf_text(filing: Filing, exhibit: Exhibit | None = None) -> str:
    """The court's "ECF No. 391-24", or nothing when the entry number is not known."""
    return ecf_designation(filing, exhibit) or ""


def cite_filing(filing: Filing, pin: str | None) -> list[Part]:
    return [r(f"{ecf_text(filing)}{' at ' + pin if pin else ''}")]


def cite_exhibit(exhibit: Exhibit, ctx: Context, pin: str | None) -> list[Part]:
    filing = ctx.need("an exhibit").get(exhibit.filing, Filing)
    return [r(f"{ecf_text(filing, exhibit)}{' at ' + pin if pin else ''}")]
