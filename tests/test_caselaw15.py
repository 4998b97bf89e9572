"""Case-law rules of issue 15, each row an Indigo Book example (its `cite_id` in
../shared/vendor/indigobook-examples/): public-domain cites, the court beside a state's own
reporter, pinpoint ranges, and an unreported decision's URL. Records hold only what the book's
citations say; the CSL-M items are the book's own, made records through `ev.import_csl`.
"""

from __future__ import annotations

from typing import Any

import pytest

import evidence as ev

C = "confirmed"


def cited(name: str, court: str, date: str, cites: list[str], pin: str | None = None, **decision: Any) -> str:
    case = ev.Case(id="case", name=name, court=court, confidence=C)
    made = ev.Decision(id="case.decision", case="case", date=date, cites=cites, confidence=C, **decision)
    return ev.cite(case, records=ev.RecordSet([case, made]), decision=0, pin=pin)


ROWS = [
    # R11.3: a public-domain cite names its court and year: no parenthetical; its paragraph after a comma.
    ("R11.3 public-domain cite, no parenthetical (c722)", ("Doe v. Roe", "wyo", "2001", ["2001 WY 12"]),
     None, "Doe v. Roe, 2001 WY 12."),
    ("R11.3 paragraph after a comma (c712)", ("Smith v. Jones", "wis", "2000", ["2000 WI 14"]),
     "¶ 6", "Smith v. Jones, 2000 WI 14, ¶ 6."),
    ("R11.3 hyphened form, paragraph range (c554)", ("State v. Dickert", "nmctapp", "2012", ["2012-NMCA-004"]),
     "¶ 28", "State v. Dickert, 2012-NMCA-004, ¶ 28."),
    ("R11.3 parallel cite after the paragraph (c464; T11 Estate → Est., which the book keeps whole)",
     ("Estate of Hoch v. Stifel", "me", "2011", ["2011 ME 24", "16 A.3d 137"]),
     "¶ 11", "Est. of Hoch v. Stifel, 2011 ME 24, ¶ 11, 16 A.3d 137."),
    ("R3.3 paragraph range with an en dash (c343)", ("Smith v. Jones", "colo", "2012", ["2012 CO 22"]),
     "¶¶ 13-14", "Smith v. Jones, 2012 CO 22, ¶¶ 13–14."),
    # R11.6 (Bluebook R10.4(b)): a reporter of one state's courts names the state, or the court too.
    ("R11.6 the state's highest court in its own reporter (c044)", ("Liriano v. Hobart Corp.", "ny", "1998",
     ["92 N.Y.2d 232"]), None, "Liriano v. Hobart Corp., 92 N.Y.2d 232 (1998)."),
    ("R11.6 a reporter naming the court (c076)", ("State v. Stroud", "washctapp", "1981", ["30 Wash. App. 392"]),
     None, "State v. Stroud, 30 Wash. App. 392 (1981)."),
    ("R11.6 the court without the state (c088)", ("People v. Foranyic", "calctapp", "1998",
     ["74 Cal. Rptr. 2d 804"]), "807", "People v. Foranyic, 74 Cal. Rptr. 2d 804, 807 (Ct. App. 1998)."),
    ("R11.6 a regional reporter keeps the state (c063)", ("Helton v. State", "fladistctapp", "1975",
     ["311 So. 2d 381"]), "382-384", "Helton v. State, 311 So. 2d 381, 382–84 (Fla. Dist. Ct. App. 1975)."),
    # R3.3: a page range takes an en dash and drops the repeated digits but two.
    ("R3.3 page range shortened (c065)", ("Selmon v. Hasbro Bradley, Inc.", "nysd", "1987", ["669 F. Supp. 1267"]),
     "1272-1273", "Selmon v. Hasbro Bradley, Inc., 669 F. Supp. 1267, 1272–73 (S.D.N.Y. 1987)."),
]  # fmt: skip


@pytest.mark.parametrize(("id", "case", "pin", "expected"), ROWS, ids=[row[0] for row in ROWS])
def test_case_rule(id: str, case: tuple[str, str, str, list[str]], pin: str | None, expected: str) -> None:
    assert cited(*case, pin=pin) == expected


def test_slip_opinion_with_its_url() -> None:
    """c081: an unreported decision, its slip opinion's page, then where it is online."""
    url = "http://www.nycourts.gov/reporter/3dseries/2015/2015_01728.htm"
    case = ev.Case(id="case", name="Macy’s Inc. v. Martha Stewart Living Omnimedia, Inc.", court="nyappdiv",
                   docket_number="1728", confidence=C)  # fmt: skip
    made = ev.Decision(id="case.decision", case="case", date="2015-02-26", url=url, confidence=C)
    text = ev.cite(case, records=ev.RecordSet([case, made]), decision=0, pin="1")
    assert (
        text
        == f"Macy’s Inc. v. Martha Stewart Living Omnimedia, Inc., No. 1728, slip op. at 1 (N.Y. App. Div. Feb. 26, 2015), {url}."
    )


ITEMS = [
    # (cite_id, the book's CSL-M item's fields, the public-domain cite it makes)
    ("c344", {"authority": "court.appeals", "jurisdiction": "005us:coUnited States|US|Colorado"}, "2012 COA 35"),
    ("c410", {"authority": "appellate.court", "jurisdiction": "008us:il:d1United States|US|Illinois|First District"},
     "2012 IL App (1st) 35"),
    ("c552", {"authority": "supreme.court", "jurisdiction": "005us:nmUnited States|US|New Mexico"}, "2012-NMSC-35"),
    ("c625", {"authority": "superior.court", "jurisdiction": "005us:paUnited States|US|Pennsylvania"},
     "2012 PA Super 35"),
    ("c672", {"authority": "court.appeals", "jurisdiction": "005us:utUnited States|US|Utah"}, "2012 UT App 35"),
    ("c722", {"authority": "supreme.court", "jurisdiction": "005us:wyUnited States|US|Wyoming"}, "2012 WY 35"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("cite_id", "fields", "expected"), ITEMS, ids=[f"R11.3 each state's form ({row[0]})" for row in ITEMS]
)
def test_public_domain_cite_from_an_item(cite_id: str, fields: dict[str, str], expected: str) -> None:
    item = {"id": "ITEM", "type": "legal_case", "title": "Jones v. Smith", "page": "35",
            "issued": {"date-parts": [[2012]]}, "collection-number": "2012", **fields}  # fmt: skip
    records = ev.import_csl([item])
    assert records.get("item.decision", ev.Decision).cites == (expected,)


def test_a_ruling_without_a_title_is_named_by_its_series() -> None:
    """c149: an item with no title, named by its genre and number ('Rev. Rul. 81-225')."""
    item = {"id": "RUL", "type": "legal_case", "genre": "Rev. Rul.", "number": "81\\-225", "container-title": "C.B.",
            "volume": "2", "page": "12", "issued": {"date-parts": [[1981, 1, 1]]}, "admin-flag": "1",
            "jurisdiction": "002usUnited States|US"}  # fmt: skip
    assert ev.import_csl([item]).get("rul", ev.Case).name == "Rev. Rul. 81-225"
