"""Bills and resolutions (the Bluebook's R13.2), hearings (R13.3), Restatements (R12.9.5),
patents and trademarks (R14.9), the Indigo Book's examples of them (issue 15). Each row names
the rule and the example's cite_id; the records come in through `evidence.import_csl` from the
book's own CSL-M items, as a Juris-M library would give them, or are written as a user would."""

from __future__ import annotations

import json
from typing import Any

import pytest

import evidence as ev
from tests.conftest import ROOT

DATA = ROOT / "tests" / "data" / "indigobook"
ITEMS: dict[str, Any] = json.loads((DATA / "items.json").read_text(encoding="utf-8"))
EXAMPLES = {e["cite_id"]: e for e in json.loads((DATA / "examples.json").read_text(encoding="utf-8"))}
C = ev.Confidence.CONFIRMED


def imported(cite_id: str) -> tuple[ev.Record, ev.RecordSet]:
    """The record the example cites, imported from its CSL item, and its record set."""
    key = EXAMPLES[cite_id]["cites"][0]["item"]
    records = ev.import_csl([ITEMS[key]], confidence="confirmed")
    (record,) = records
    return record, records


def row(rule: str, cite_id: str, expected: str, pin: str | None = None) -> Any:
    return pytest.param(cite_id, pin, expected, id=f"{rule} {cite_id}")


@pytest.mark.parametrize(
    ("cite_id", "pin", "expected"),
    [
        row("R13.2 a bill with its name and section", "c168",
            "Paycheck Fairness Act, H.R. 11, 111th Cong. § 203 (2009)."),
        row("R13.2 a bill's subsection", "c154",
            "Clinical Social Work Medicare Equality Act of 2001, S. 1083, 107th Cong. § 2(b) (2001)."),
        row("R13.2 an unnamed bill", "c170", "S. 2318, 112th Cong. (2013)."),
        row("R13.2 a resolution", "c157", "H.R. Res. 431, 114th Cong. (2015)."),
        row("R13.2 a joint resolution", "c158", "S.J. Res. 12, 109th Cong. (2005)."),
        row("R13.2 a state's bill: session's kind, the state with the year", "c160",
            "L.D. 3, 127th Leg., Reg. Sess. (Me. 2015)."),
        row("R13.3 a hearing: title and committee in italics, the Congress", "c163",
            "Welfare and Poverty in America: Hearing Before the S. Comm. on Fin., 114th Cong. (2015)."),
        row("R13.3 an untitled hearing on a bill, a state's legislature", "c165",
            "Hearing on L.D. 319 Before the Health and Human Servs. Comm., 127th Leg., Reg. Sess. (Me. 2015)."),
        row("R12.9.5 a Restatement by section, publisher and year", "c137",
            "Restatement (Second) of Trusts § 46 (Am. Law Inst. 1959).", pin="46"),
        row("R12.9.5 a Restatement's comment after its section", "c138",
            "Restatement (Third) of The Law Governing Lawyers § 2 cmt. e (Am. Law Inst. 2000).", pin="2 cmt. e"),
        row("R12.9.5 a Restatement's part named in the item's title", "c139",
            "Restatement (Third) of Prop.: Servitudes § 7.1 (Am. Law Inst. 2000)."),
        row("R14.9 a patent, its kind code and filing date", "c248",
            "U.S. Patent No. 8,112,504 B2 (filed Mar. 4, 2009)."),
        row("R14.9 a patent's title and date of issue", "c249",
            "System for disseminating media content representing episodes in a serialized sequence, U.S. Patent "
            "No. 8,112,504 B2 (filed Mar. 4, 2009) (issued Feb. 7, 2012)."),
        row("R14.9 a patent's front-page field after at", "c250",
            "U.S. Patent No. 8,112,504 B2, at [75] (filed Mar. 4, 2009).", pin="[75]"),
        row("R14.9 a patent's figure as labeled", "c251",
            "U.S. Patent No. 8,112,504 B2, fig. 1, item 141 (filed Mar. 4, 2009).", pin="fig. 1, item 141"),
        row("R14.9 a trademark by its registration", "c254",
            "THE BLUEBOOK A UNIFORM SYSTEM OF CITATION, Registration No. 3,886,986."),
    ],
)  # fmt: skip
def test_the_books_legislative_materials_and_patents(cite_id: str, pin: str | None, expected: str) -> None:
    record, records = imported(cite_id)
    if isinstance(record, ev.Provision) and pin and record.section is None:  # the item's locator is the section
        record, pin = ev.Provision(**{**_fields(record), "section": pin}), None
    assert ev.cite(record, records=records, pin=pin) == expected


def _fields(record: ev.Provision) -> dict[str, Any]:
    return {name: getattr(record, name) for name in ("id", "kind", "code", "publisher", "year", "confidence")}


def test_r14_9_a_patents_short_form_names_its_last_three_digits_c252() -> None:
    record, records = imported("c252")
    sequence = ev.CitationSequence(records)
    assert [sequence.cite(record.id), sequence.cite(record.id)] == [
        "U.S. Patent No. 8,112,504 B2 (filed Mar. 4, 2009).",
        "Id.",
    ]
    assert ev.cite(record, records=records, form="short") == "’504 Patent."
    assert ev.cite(record, records=records, form="supra") == "’504 Patent."


# A made-up bill and hearing, as a user would write them.
BILL = ev.Provision(id="ai-act", kind="bill", name="Widget Safety Act", number="S. 9999", code="119th Cong.",
                    section="4", year=2025, confidence=C)  # fmt: skip
HEARING = ev.Source(id="hearing", kind="hearing", title="Oversight of Widgets", committee="S. Comm. on the Judiciary",
                    session="119th Cong.", published="2025", confidence=C)  # fmt: skip
RECORDS = ev.RecordSet([BILL, HEARING])


@pytest.mark.parametrize(
    ("record", "style", "form", "pin", "expected"),
    [
        pytest.param(BILL, "bluebook", "short", None, "S. 9999 § 4.", id="R13.2 short form: number and section"),
        pytest.param(BILL, "bluebook", "short", "(b)", "S. 9999 § 4(b).", id="R13.2 short form: a subsection"),
        pytest.param(BILL, "bluebook", "id", "§ 5", "Id. § 5.", id="R13.2 id. for another section"),
        pytest.param(BILL, "apa", "full", None, "Widget Safety Act, S. 9999, 119th Cong. § 4 (2025).",
                     id="APA 11.5 a bill in the legal form"),
        pytest.param(BILL, "chicago", "full", None, "Widget Safety Act, S. 9999, 119th Cong. § 4 (2025).",
                     id="CMOS 14.288 a bill in the legal form"),
        pytest.param(HEARING, "bluebook", "full", "12",
                     "Oversight of Widgets: Hearing Before the S. Comm. on the Judiciary, 119th Cong. 12 (2025).",
                     id="R13.3 a hearing's page after the session"),
        pytest.param(HEARING, "apa", "full", None,
                     "Oversight of Widgets: Hearing Before the S. Comm. on the Judiciary, 119th Cong. (2025).",
                     id="APA 11.5 a hearing in the legal form"),
        pytest.param(HEARING, "chicago", "id", None, "Ibid.", id="CMOS 14.34 ibid. for a hearing"),
    ],
)  # fmt: skip
def test_bills_and_hearings_in_every_style(
    record: ev.Record, style: str, form: str, pin: str | None, expected: str
) -> None:
    assert ev.cite(record, records=RECORDS, style=style, form=form, pin=pin) == expected


def test_r13_3_the_hearings_heading_is_italic() -> None:
    assert ev.cite(HEARING, records=RECORDS, markup="html") == (
        "<i>Oversight of Widgets: Hearing Before the S. Comm. on the Judiciary</i>, 119th Cong. (2025)."
    )


def test_marks_flag_every_unconfirmed_value_of_a_bill_and_a_patent() -> None:
    unsure = {"jurisdiction": ev.Confidence.UNVERIFIED}
    bill = ev.Provision(id="b", kind="bill", number="S. 9999", code="119th Cong.", jurisdiction="Me.", year=2025,
                        confidence=C, field_confidence=unsure)  # fmt: skip
    patent = ev.Source(id="p", kind="patent", number="U.S. Patent No. 1,234,567", filed="2020-01-02", confidence=C,
                       field_confidence={"filed": ev.Confidence.LIKELY})  # fmt: skip
    records = ev.RecordSet([bill, patent])
    assert ev.cite(bill, records=records, marks=True) == "S. 9999, 119th Cong. (Me. [unverified] 2025)."
    assert ev.cite(patent, records=records, marks=True) == "U.S. Patent No. 1,234,567 (filed Jan. 2, 2020 [likely])."


def test_an_encyclopedia_entry_that_is_no_restatement_is_still_refused() -> None:
    item = {"id": "x", "type": "entry-encyclopedia", "container-title": "Am. Jur. 2d", "title": "Trial"}
    with pytest.raises(ev.LoadError, match="entry-encyclopedia"):
        ev.import_csl([item])


def test_a_bill_without_its_legislature_is_refused() -> None:
    with pytest.raises(ev.LoadError, match="legislature"):
        ev.import_csl([{"id": "x", "type": "bill", "number": "H.R. 1"}])


@pytest.mark.parametrize(
    ("item", "reason"),
    [
        pytest.param({"id": "p", "type": "patent"}, "needs its number", id="R14.9 a patent without its number"),
        pytest.param({"id": "h", "type": "hearing"}, "title or its committee", id="R13.3 a hearing without a heading"),
    ],
)
def test_what_cannot_be_cited_is_refused(item: dict[str, Any], reason: str) -> None:
    with pytest.raises(ev.LoadError, match=reason):
        ev.import_csl([item])


def test_a_legislative_document_without_its_date() -> None:
    """A hearing no source dates prints the style's "n.d.", which is no value and takes no mark;
    a bill with no year leaves its parenthesis out (found by the marks property under CI)."""
    hearing = ev.Source(id="h", kind="hearing", publication="Acme Wire", confidence="likely")
    assert ev.cite(hearing, marks=True) == "Hearing (n.d.)."
    bill = ev.Provision(id="b", kind="bill", code="111th Cong.", number="H.R. 11", confidence="likely")
    assert ev.cite(bill) == "H.R. 11, 111th Cong."  # the session's own stop ends the sentence
    assert ev.cite(bill, marks=True) == "H.R. 11 [likely], 111th Cong. [likely]"
