"""Agency decisions (Bluebook R14.3; the Indigo Book's examples of administrative adjudications,
each row naming its `cite_id` in ../shared/vendor/indigobook-examples/): the agency is a court
record flagged `agency`, never courts-db's, and is cited by its own reporter or docket. The
CSL-M items are the book's own, made records through `ev.import_csl`."""

from __future__ import annotations

from typing import Any

import pytest

import evidence as ev

US = "002usUnited States|US"


def from_item(pin: str | None = None, **fields: Any) -> str:
    item = {"id": "ITEM", "type": "legal_case", "jurisdiction": US, "admin-flag": "1", **fields}
    records = ev.import_csl([item])
    case = records.get("item", ev.Case)
    return ev.cite(case, records=records, decision=0 if records.decisions_of(case) else None, pin=pin)


ROWS = [
    ("R14.3 the agency beside the date of a reported decision (c275)",
     {"title": "Donald Cutler", "container-title": "E.A.D.", "volume": "11", "authority": "EAB", "page": "622",
      "issued": {"date-parts": [[2004]]}}, "623", "Donald Cutler, 11 E.A.D. 622, 623 (EAB 2004)."),
    ("R14.3 an agency the item does not name is not printed, nor the jurisdiction (c260)",
     {"title": "Diversion of Water From Niagara River", "container-title": "Op. Att'y Gen.", "volume": "30",
      "page": "217", "issued": {"date-parts": [[1913]]}}, None,
     "Diversion of Water From Niagara River, 30 Op. Att'y Gen. 217 (1913)."),
    ("R14.3 a volume named by its year and part, the date not repeated (c149)",
     {"genre": "Rev. Rul.", "number": "81\\-225", "container-title": "C.B.", "volume": "2", "page": "12",
      "collection-number": "1981", "issued": {"date-parts": [[1981, 1, 1]]}}, None, "Rev. Rul. 81-225, 1981-2 C.B. 12."),
    ("R14.3 a service cited by paragraph takes the exact date (c290)",
     {"title": "IAP-Hill, LLC", "container-title": "CPD", "authority": "Comp. Gen.", "number": "B\\-406289 et al",
      "page": "para. 151", "collection-number": "2012", "issued": {"date-parts": [[2012, 4, 4]]}}, None,
     "IAP-Hill, LLC, B-406289 et al, 2012 CPD ¶ 151 (Comp. Gen. Apr. 4, 2012)."),
    ("R14.3 an unreported decision: the agency before its docket number (c276)",
     {"title": "Budnik v. Chertoff", "authority": "EEOC", "number": "DOC 0520070154",
      "issued": {"date-parts": [[2006]]}}, None, "Budnik v. Chertoff, EEOC DOC 0520070154 (2006)."),
    ("R14.3 an agency named in words is set off by a comma (c258)",
     {"title": "Lincoln Univ.", "authority": "U.S. Dep't of Educ.", "number": "13\\-68\\-SF",
      "issued": {"date-parts": [[2015, 3, 16]]}}, None,
     "Lincoln Univ., U.S. Dep't of Educ., No. 13-68-SF (Mar. 16, 2015)."),
    ("R14.3 a docket series that names the agency, and the document (c282)",
     {"title": "Aerocomp, Inc.", "authority": "F.A.A.", "genre": "FAA Order", "number": "2006\\-1",
      "references": "Order Dismissing Appeal", "issued": {"date-parts": [[2006, 1, 12]]}}, None,
     "Aerocomp, Inc., FAA Order No. 2006-1, Order Dismissing Appeal (Jan. 12, 2006)."),
    ("R14.3 a docket and the document before the reporter (c283)",
     {"title": "Protecting and Promoting the Open Internet", "container-title": "FCC Rcd", "volume": "29",
      "genre": "GN Docket", "number": "14\\-28", "page": "5561", "references": "Notice of Proposed Rulemaking",
      "issued": {"date-parts": [[2014]]}}, None,
     "Protecting and Promoting the Open Internet, GN Docket No. 14-28, Notice of Proposed Rulemaking, "
     "29 FCC Rcd 5561 (2014)."),
    ("R14.3 a letter on a database: the agency names the letter, the day dates it (c299)",
     {"title": "Poplogix LLC", "container-title": "WL", "authority": "SEC", "page": "4472794",
      "collection-number": "2010", "genre": "No-Action Letter", "issued": {"date-parts": [[2010, 11, 5]]}}, None,
     "Poplogix LLC, SEC No-Action Letter, 2010 WL 4472794 (Nov. 5, 2010)."),
]  # fmt: skip


@pytest.mark.parametrize(("fields", "pin", "expected"), [row[1:] for row in ROWS], ids=[row[0] for row in ROWS])
def test_agency_decision_from_an_item(fields: dict[str, Any], pin: str | None, expected: str) -> None:
    assert from_item(pin, **fields) == expected


def test_an_agency_is_a_court_record_flagged_so_and_never_confirmed() -> None:
    """The agency comes in as the item names it, as sure as the import, and not from courts-db."""
    item = {"id": "ITEM", "type": "legal_case", "title": "Shell Offshore, Inc.", "authority": "IBLA",
            "jurisdiction": US, "admin-flag": "1", "issued": {"date-parts": [[1987]]}}  # fmt: skip
    records = ev.import_csl([item])
    court = records.court_of(records.get("item", ev.Case))
    assert (court.agency, court.citation, court.confidence) == (True, "IBLA", ev.Confidence.UNVERIFIED)


def test_an_agency_record_cited_with_marks() -> None:
    """A record set written by hand: an agency court record, a decision in its reporter."""
    agency = ev.Court(id="eab", name="Environmental Appeals Board", citation="EAB", agency=True)
    case = ev.Case(id="cutler", name="Donald Cutler", court="eab", confidence="confirmed")
    decision = ev.Decision(id="cutler.d", case="cutler", date="2004", cites=["11 E.A.D. 622"], confidence="confirmed")
    records = ev.RecordSet([agency, case, decision])
    assert ev.cite(case, records=records, decision=0) == "Donald Cutler, 11 E.A.D. 622 (EAB 2004)."
    marked = ev.cite(case, records=records, decision=0, marks=True)
    assert "EAB" in marked and "unverified" in marked  # the court record says nothing: unverified


@pytest.mark.parametrize(
    ("pin", "expected"),
    [
        (None, "Smith v. Jones, 95-KA-01234-SCT (Miss. 1997)."),
        ("¶ 1", "Smith v. Jones, 95-KA-01234-SCT (¶ 1) (Miss. 1997)."),
    ],
    ids=["Mississippi's docket as its cite, no 'No.' (c503)", "Mississippi's paragraph pin in parentheses (c504)"],
)
def test_mississippi_docket_form(pin: str | None, expected: str) -> None:
    item = {"id": "ITEM", "type": "legal_case", "title": "Smith v. Jones", "authority": "supreme.court",
            "number": "95\\-KA\\-01234\\-SCT", "issued": {"date-parts": [[1997]]},
            "jurisdiction": "005us:msUnited States|US|Mississippi"}  # fmt: skip
    records = ev.import_csl([item])
    assert ev.cite(records.get("item", ev.Case), records=records, decision=0, pin=pin) == expected


def test_another_courts_docket_keeps_its_number_word() -> None:
    """Only Mississippi's form ('-SCT', '-COA') drops "No.": a federal docket keeps it (R10.8.1)."""
    case = ev.Case(id="roe", name="Roe v. Widget Co.", court="cand", docket_number="24-KA-01234-XYZ")
    decision = ev.Decision(id="roe.d", case="roe", date="2025-01-08")
    records = ev.RecordSet([case, decision])
    assert (
        ev.cite(case, records=records, decision=0) == "Roe v. Widget Co., No. 24-KA-01234-XYZ (N.D. Cal. Jan. 8, 2025)."
    )


RULING = {"genre": "Rev. Rul.", "number": "81\\-225", "container-title": "C.B.", "volume": "2", "page": "12",
          "collection-number": "1981", "issued": {"date-parts": [[1981, 1, 1]]}}  # fmt: skip
UNREPORTED = {"title": "Lincoln Univ.", "authority": "U.S. Dep't of Educ.", "number": "13\\-68\\-SF",
              "issued": {"date-parts": [[2015, 3, 16]]}}  # fmt: skip


@pytest.mark.parametrize(
    ("fields", "form", "expected"),
    [
        (RULING, "short", "Rev. Rul. 81-225, 1981-2 C.B. at 13."),
        (UNREPORTED, "full", "Lincoln Univ., U.S. Dep't of Educ., No. 13-68-SF, slip op. at 13 (Mar. 16, 2015)."),
        (UNREPORTED, "short", "Lincoln Univ., slip op. at 13."),
    ],
    ids=[
        "R11.3 short form: the volume a year's part, then 'at' the page",
        "R14.3 an unreported decision's own pages (slip op.)",
        "R11.3 short form of an unreported decision",
    ],
)
def test_agency_pinpoints(fields: dict[str, Any], form: str, expected: str) -> None:
    item = {"id": "ITEM", "type": "legal_case", "jurisdiction": US, "admin-flag": "1", **fields}
    records = ev.import_csl([item])
    assert ev.cite(records.get("item", ev.Case), records=records, decision=0, form=form, pin="13") == expected
