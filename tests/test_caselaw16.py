"""Case rules of issue 15's last round: a decision no source dates, public-domain cites as
reporters, a Justice sitting as Circuit Justice, Louisiana's form since 1993, looseleaf services,
and an agency's own docket form.

Each rule has a row from the Indigo Book (cite_id named, imported from the book's own CSL-M item
in tests/data/indigobook) and a row of a made-up case (Roe v. Widget Co., Acme Widget Co.) that
shows the rule follows from the data, not from the example."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import evidence as ev

C = "confirmed"
BOOK = Path(__file__).parent / "data" / "indigobook" / "items.json"
ITEMS: dict[str, Any] = json.loads(BOOK.read_text(encoding="utf-8"))


def book(*ids: str) -> ev.RecordSet:
    """The records the book's CSL-M items make, through the public importer."""
    return ev.import_csl([ITEMS[id] for id in ids])


def first(records: ev.RecordSet, **options: Any) -> str:
    """The full citation of the first case of the records, at its first decision."""
    case = next(record for record in records if isinstance(record, ev.Case))
    return ev.cite(case, records=records, decision=0, **options)


# R11.6, Bluebook R10.5: the parenthetical dates a decision; one no source dates prints no date
# (none is invented), and the checker warns (Y001).
UNDATED = ev.RecordSet([
    ev.Case(id="widget", name="Roe v. Widget Co.", court="ca2", confidence=C),
    ev.Decision(id="widget.decision", case="widget", cites=["184 F.2d 280"], confidence=C),
    ev.Case(id="acme", name="Doe v. Acme Corp.", court="cand", docket_number="20-cv-00001", confidence=C),
    ev.Decision(id="acme.decision", case="acme", confidence=C),
])  # fmt: skip


@pytest.mark.parametrize(
    ("record", "options", "expected"),
    [
        pytest.param("widget", {}, "Roe v. Widget Co., 184 F.2d 280 (2d Cir.).", id="R11.6 reported, undated"),
        pytest.param("widget", {"form": "short", "pin": "282"}, "Roe, 184 F.2d at 282.", id="R11.3 its short form"),
        pytest.param("acme", {}, "Doe v. Acme Corp., No. 20-cv-00001 (N.D. Cal.).", id="R11.6 unreported, undated"),
    ],
)
def test_an_undated_decision_prints_no_date(record: str, options: dict[str, Any], expected: str) -> None:
    assert ev.cite(UNDATED[record], records=UNDATED, decision=0, **options) == expected


def test_an_undated_decision_is_what_the_checker_warns_of() -> None:
    messages = [(f.record, f.message) for f in ev.check(UNDATED).findings if f.code == "Y001"]
    assert ("widget.decision", "a citation of this decision needs date") in messages
    assert ("acme.decision", "a citation of this decision needs date") in messages


def test_an_undated_decision_stays_out_of_the_timeline_and_round_trips(tmp_path: Path) -> None:
    dated = ev.Decision(id="acme.later", case="acme", date="2021-02-03", confidence=C)
    assert [event.record for event in ev.timeline(ev.RecordSet([*UNDATED, dated]))] == ["acme.later"]
    path = tmp_path / "records.yaml"
    ev.dump(UNDATED, path)
    loaded = ev.load(path)
    assert loaded.get("acme.decision", ev.Decision).date is None


@pytest.mark.parametrize(
    ("item", "expected"),
    [
        pytest.param("NM95BYFW", "RMTC Sys., Inc., ASBCA No. 43466, 93-1 BCA ¶ 25,508.", id="R14.3 c238"),
        pytest.param("EAPT3NY9", "G2G, LLC v. Dept. of Commerce, CBCA No. 4845-R, 15-1 BCA ¶ 36,163.", id="R14.3 c239"),
    ],
)
def test_an_agency_decision_a_service_reports_undated(item: str, expected: str) -> None:
    records = book(item)
    assert records.get(f"{item.lower()}.decision", ev.Decision).date is None
    assert first(records) == expected


def test_a_made_up_undated_service_decision() -> None:
    item = {"id": "W1", "type": "legal_case", "title": "Acme Widget Co.", "authority": "ASBCA", "number": "61234",
            "page": "para. 38,001", "archive": "BCA", "collection-number": "21\\-1",
            "jurisdiction": "002usUnited States|US", "admin-flag": "1"}  # fmt: skip
    records = ev.import_csl([item])
    assert first(records) == "Acme Widget Co., ASBCA No. 61234, 21-1 BCA ¶ 38,001."
    assert first(records, form="short") == "Acme Widget Co., 21-1 BCA ¶ 38,001."


def test_an_item_with_neither_date_nor_cite_makes_no_decision() -> None:
    item = {"id": "W2", "type": "legal_case", "title": "Doe v. Acme Corp.", "authority": "court.appeals",
            "number": "20-1", "jurisdiction": "005us:c9United States|US|Ninth Circuit"}  # fmt: skip
    records = ev.import_csl([item])
    assert [record.KIND for record in records] == ["case"]


# R11.3 (the Indigo Book's state tables): a public-domain cite is a reporter of its own. Ohio's
# rules name a court of appeals' district, which the item's jurisdiction gives (courts-db has one
# Ohio Court of Appeals): it stays after the cites; without a district in the item, none is printed.
OHIO = "008us:oh:d8United States|US|Ohio|8th District"
_ROE = {"type": "legal_case", "title": "Roe v. Widget Co.", "authority": "court.appeals", "jurisdiction": OHIO,
        "issued": {"date-parts": [[2007]]}}  # fmt: skip
OHIO_ITEMS = [
    {**_ROE, "id": "A", "container-title": "Ohio App.3d", "volume": "170", "page": "100", "seeAlso": ["B", "C"]},
    {**_ROE, "id": "B", "collection-number": "2007", "page": "100", "seeAlso": ["A"]},
    {**_ROE, "id": "C", "container-title": "N.E.2d", "volume": "870", "page": "10", "seeAlso": ["A"]},
    {**_ROE, "id": "D", "title": "Doe v. Acme Corp.", "number": "90-1", "issued": {"date-parts": [[1990, 3, 4]]}},
    {**_ROE, "id": "E", "title": "Doe v. Acme Corp.", "jurisdiction": "004us:ohUnited States|US|Ohio",
     "container-title": "Ohio App.3d", "volume": "51", "page": "100", "issued": {"date-parts": [[1990]]}},
    {**_ROE, "id": "F", "title": "Doe v. Acme Corp.", "authority": "appellate.court", "container-title":
     "Ill. App. 3d", "volume": "51", "page": "100", "jurisdiction": "008us:il:d1United States|US|Illinois|First "
     "District", "issued": {"date-parts": [[1990]]}},
    {"type": "legal_case", "id": "G", "title": "Doe v. Roe", "authority": "supreme.court", "jurisdiction":
     "005us:guUnited States|US|Guam", "collection-number": "2001", "page": "12", "issued": {"date-parts": [[2001]]}},
]  # fmt: skip


@pytest.mark.parametrize(
    ("ids", "expected"),
    [
        pytest.param(("MSTQ7IAJ", "8QRFPHJ8", "3W3F7YNR"), "Byer v. Wright, 160 Ohio App.3d 472, 2005-Ohio-1797, "
                     "827 N.E.2d 835 (11th Dist.).", id="R11.3 Ohio's district, c597"),
        pytest.param(("729D69VS", "T8JWEWN8"), "Santos v. Carney et al., 1997 Guam 4.", id="R11.3 Guam, c733"),
    ],
)  # fmt: skip
def test_a_public_domain_cite_from_the_book(ids: tuple[str, ...], expected: str) -> None:
    assert first(book(*ids)) == expected


@pytest.mark.parametrize(
    ("record", "expected"),
    [
        pytest.param("a", "Roe v. Widget Co., 170 Ohio App.3d 100, 2007-Ohio-100, 870 N.E.2d 10 (8th Dist.).",
                     id="R11.3 Ohio: the district after the cites"),
        pytest.param("d", "Doe v. Acme Corp., No. 90-1 (Ohio Ct. App. 8th Dist. Mar. 4, 1990).",
                     id="R11.6 the district in the court's citation"),
        pytest.param("e", "Doe v. Acme Corp., 51 Ohio App.3d 100 (Ohio Ct. App. 1990).",
                     id="R11.6 no district given, none printed"),
        pytest.param("f", "Doe v. Acme Corp., 51 Ill. App. 3d 100 (1990).", id="R11.6 Illinois names no district"),
        pytest.param("g", "Doe v. Roe, 2001 Guam 12.", id="R11.3 a territory's public-domain cite"),
    ],
)  # fmt: skip
def test_a_made_up_public_domain_cite(record: str, expected: str) -> None:
    records = ev.import_csl(OHIO_ITEMS)
    assert ev.cite(records[record], records=records, decision=0) == expected


def test_the_district_is_a_court_of_its_own_only_where_the_item_gives_it() -> None:
    records = ev.import_csl(OHIO_ITEMS)
    assert records.court_of(records.get("a", ev.Case)).name == "Ohio Court of Appeals, 8th District"
    assert records.get("e", ev.Case).court == "ohioctapp"  # courts-db's court, as found


def test_a_database_number_in_archive_location() -> None:
    """Juris-M may keep a Westlaw document's number in `archive_location` (c733), not `page`."""
    item = {"id": "W", "type": "legal_case", "title": "Doe v. Poe", "authority": "supreme.court", "number":
            "CVA00-001", "jurisdiction": "005us:guUnited States|US|Guam", "collection-number": "2001", "archive":
            "WL", "archive_location": "123456", "issued": {"date-parts": [[2001]]}}  # fmt: skip
    assert ev.import_csl([item]).get("w.decision", ev.Decision).cites == ("2001 WL 123456",)


# Bluebook R10.4(a) (R11.6 of the book): a Justice sitting alone as Circuit Justice is named first in
# the court's parenthetical; with no court to name (the U.S. Reports), before the year alone.
JUSTICES = ev.RecordSet([
    ev.Case(id="roe", name="Roe v. United States", court="ca2", confidence=C),
    ev.Decision(id="roe.decision", case="roe", date="1951", cites=["190 F.2d 10"], circuit_justice="Harlan",
                confidence=C),
    ev.Case(id="poe", name="Poe v. Widget Co.", court="scotus", docket_number="A-100", confidence=C),
    ev.Decision(id="poe.decision", case="poe", date="1972", cites=["409 U.S. 1300"], circuit_justice="Marshall",
                confidence=C),
    ev.Decision(id="poe.slip", case="poe", date="1972-08-01", circuit_justice="Marshall", confidence=C),
])  # fmt: skip


@pytest.mark.parametrize(
    ("record", "options", "expected"),
    [
        pytest.param("roe", {"decision": 0}, "Roe v. United States, 190 F.2d 10 (Harlan, Circuit Justice, 2d Cir. "
                     "1951).", id="R10.4(a) before the circuit"),
        pytest.param("poe", {"decision": "poe.decision", "pin": "1301"}, "Poe v. Widget Co., 409 U.S. 1300, 1301 "
                     "(Marshall, Circuit Justice 1972).", id="R10.4(a) no court to name"),
        pytest.param("poe", {"decision": "poe.slip"}, "Poe v. Widget Co., No. A-100 (Marshall, Circuit Justice, U.S. "
                     "Aug. 1, 1972).", id="R10.4(a) an unreported order"),
    ],
)  # fmt: skip
def test_a_circuit_justice_is_named(record: str, options: dict[str, Any], expected: str) -> None:
    assert ev.cite(JUSTICES[record], records=JUSTICES, **options) == expected


def test_a_circuit_justice_from_the_book() -> None:
    """c231: Juris-M writes the capacity after the Justice's surname in the item's author."""
    records = book("APWM6ABV")
    assert records.get("apwm6abv.decision", ev.Decision).circuit_justice == "Jackson"
    assert first(records) == "Williamson v. United States, 184 F.2d 280 (Jackson, Circuit Justice, 2d Cir. 1950)."


def test_an_author_who_is_not_a_circuit_justice_is_not_named() -> None:
    item = {**ITEMS["APWM6ABV"], "id": "Z", "author": [{"family": "Hand", "given": "Learned"}]}
    records = ev.import_csl([item])
    assert records.get("z.decision", ev.Decision).circuit_justice is None
    assert first(records) == "Williamson v. United States, 184 F.2d 280 (2d Cir. 1950)."


# Louisiana's rules for decisions after 1993 (the Indigo Book's Louisiana table): the docket number,
# the court and the day in figures, a semicolon, then the reporter; a page pinpoint ('p. 7') in the
# public-domain part, the reporter's after it. Before 1994, or without the day or the docket
# number, or a court of appeal without its circuit, the Bluebook's form.
@pytest.mark.parametrize(
    ("ids", "pin", "expected"),
    [
        pytest.param(("EIGG38NP", "EQZ6RI89"), None, "Smith v. Jones, 93-2345 (La. 7/15/94); 650 So.2d 500.",
                     id="Louisiana c449"),
        pytest.param(("2PUBC97D", "SAC2FCQD"), None, "Smith v. Jones, 93-2345 (La. App. 1 Cir. 7/15/94); 660 So.2d "
                     "400.", id="Louisiana c450"),
        pytest.param(("Y9QH9F68", "Z2UT2AXV"), ("7", "504"), "Smith v. Jones, 94-2345, p. 7 (La. 7/15/94); 650 "
                     "So.2d 500, 504.", id="Louisiana c451"),
    ],
)  # fmt: skip
def test_louisiana_from_the_book(ids: tuple[str, ...], pin: Any, expected: str) -> None:
    assert first(book(*ids), pin=pin) == expected


_LA = {"type": "legal_case", "title": "Roe v. Widget Co.", "authority": "supreme.court",
       "jurisdiction": "005us:laUnited States|US|Louisiana"}  # fmt: skip
LOUISIANA = ev.import_csl([
    {**_LA, "id": "A", "number": "2005-C-0100", "issued": {"date-parts": [[2005, 3, 4]]}, "seeAlso": ["B"]},
    {**_LA, "id": "B", "container-title": "So. 2d", "volume": "900", "page": "10", "issued": {"date-parts": [[2005]]},
     "seeAlso": ["A"]},
    {**_LA, "id": "C", "title": "Doe v. Acme Corp.", "authority": "court.appeal", "number": "99-100",
     "jurisdiction": "008us:la:c3United States|US|Louisiana|Louisiana 3d Cir", "issued": {"date-parts": [[1999, 12, 1]]}},
    {**_LA, "id": "D", "title": "Doe v. Acme Corp.", "authority": "court.appeal", "number": "99-100",
     "issued": {"date-parts": [[1999, 12, 1]]}},
    {**_LA, "id": "E", "title": "Poe v. Acme Corp.", "number": "92-100", "container-title": "So. 2d", "volume": "600",
     "page": "1", "issued": {"date-parts": [[1992, 12, 1]]}},
    {**_LA, "id": "F", "title": "Poe v. Widget Co.", "number": "95-100", "issued": {"date-parts": [[1995]]}},
])  # fmt: skip


@pytest.mark.parametrize(
    ("record", "options", "expected"),
    [
        pytest.param("a", {}, "Roe v. Widget Co., 2005-C-0100 (La. 3/4/05); 900 So. 2d 10.", id="Louisiana form"),
        pytest.param("a", {"pin": ("3-4", "12")}, "Roe v. Widget Co., 2005-C-0100, pp. 3–4 (La. 3/4/05); 900 So. 2d "
                     "10, 12.", id="Louisiana pins in both parts"),
        pytest.param("a", {"pin": "3", "form": "short"}, "Roe, 2005-C-0100, p. 3 (La. 3/4/05).",
                     id="Louisiana short form pinned as in full"),
        pytest.param("c", {}, "Doe v. Acme Corp., 99-100 (La. App. 3 Cir. 12/1/99).", id="Louisiana court of appeal"),
        pytest.param("d", {}, "Doe v. Acme Corp., No. 99-100 (La. Ct. App. Dec. 1, 1999).",
                     id="Louisiana no circuit given: Bluebook form"),
        pytest.param("e", {}, "Poe v. Acme Corp., 600 So. 2d 1 (La. 1992).", id="Louisiana before 1994"),
        pytest.param("f", {}, "Poe v. Widget Co., No. 95-100 (La. 1995).", id="Louisiana no day given"),
    ],
)  # fmt: skip
def test_louisiana_made_up(record: str, options: dict[str, Any], expected: str) -> None:
    assert ev.cite(LOUISIANA[record], records=LOUISIANA, decision=0, **options) == expected


# Looseleaf services (the Indigo Book's services, c295; Bluebook R19): the volume, the publisher
# before the service's name, the page or paragraph; the docket in the parenthetical, before the date.
def test_a_service_from_the_book() -> None:
    assert first(book("ZL9I89K7")) == "US Pagoda, Inc., CCH OSHD ¶ 33123 (No. 10-2035, 2011)."


_SERVICE = {"type": "legal_case", "title": "Acme Widget Co.", "number": "19\\-0001", "jurisdiction":
            "002usUnited States|US", "admin-flag": "1"}  # fmt: skip


@pytest.mark.parametrize(
    ("item", "expected"),
    [
        pytest.param({"container-title": "OSHC", "volume": "28", "page": "1500", "publisher": "BNA",
                      "issued": {"date-parts": [[2020]]}}, "Acme Widget Co., 28 BNA OSHC 1500 (No. 19-0001, 2020).",
                     id="R19 a page of a service: the year"),
        pytest.param({"container-title": "OSHD", "page": "para. 33,500", "publisher": "CCH",
                      "issued": {"date-parts": [[2020, 5, 6]]}}, "Acme Widget Co., CCH OSHD ¶ 33,500 (No. 19-0001, "
                     "May 6, 2020).", id="R19 a paragraph of a service: the day"),
        pytest.param({"container-title": "OSHD", "page": "para. 33,500", "publisher": "CCH", "authority": "OSHRC",
                      "issued": {"date-parts": [[2020]]}}, "Acme Widget Co., CCH OSHD ¶ 33,500 (OSHRC No. 19-0001, "
                     "2020).", id="R19 the agency before the docket"),
        pytest.param({"container-title": "OSHD", "page": "para. 33,500", "authority": "OSHRC",
                      "issued": {"date-parts": [[2020]]}}, "Acme Widget Co., No. 19-0001, OSHD ¶ 33,500 (OSHRC 2020).",
                     id="R14.3 no publisher: a reporter, the docket before it, the agency beside the date"),
    ],
)  # fmt: skip
def test_a_made_up_service(item: dict[str, Any], expected: str) -> None:
    records = ev.import_csl([{**_SERVICE, "id": "S", **item}])
    assert first(records) == expected


# R14.3: an agency's docket of its year, its series' letters and a number is its own designation:
# no 'No.', and the agency before it though the letters repeat it (c243, c264).
def test_an_agency_designation_from_the_book() -> None:
    """c243; the book keeps 'American' whole where the engine applies T11 (a rule read differently)."""
    assert first(book("GQY43XIS")).endswith(", CFPB 2013-CFPB-0013 (Dec. 24, 2013).")


_AGENCY = {"type": "legal_case", "title": "Acme Widget Co.", "jurisdiction": "002usUnited States|US",
           "admin-flag": "1", "issued": {"date-parts": [[2021, 1, 5]]}}  # fmt: skip


@pytest.mark.parametrize(
    ("item", "options", "expected"),
    [
        pytest.param({"authority": "CFPB", "number": "2021-CFPB-0001"}, {}, "Acme Widget Co., CFPB 2021-CFPB-0001 "
                     "(Jan. 5, 2021).", id="R14.3 a designation: no 'No.'"),
        pytest.param({"authority": "CFPB", "number": "2021-CFPB-0001"}, {"form": "short"}, "Acme Widget Co., "
                     "2021-CFPB-0001.", id="R14.3 its short form"),
        pytest.param({"authority": "Dep't of Labor", "number": "21-OFC-2"}, {}, "Acme Widget Co., Dep't of Labor, "
                     "21-OFC-2 (Jan. 5, 2021).", id="R14.3 a designation after an agency of words"),
        pytest.param({"authority": "CFPB", "number": "21-68-SF"}, {}, "Acme Widget Co., CFPB No. 21-68-SF (Jan. 5, "
                     "2021).", id="R14.3 letters after the number: 'No.'"),
    ],
)  # fmt: skip
def test_a_made_up_designation(item: dict[str, Any], options: dict[str, Any], expected: str) -> None:
    records = ev.import_csl([{**_AGENCY, "id": "G", **item}])
    assert first(records, **options) == expected
