"""Docket numbers through the public API: one label ('No.', 'Nos.' or none) in every form of a
court's and an agency's decision; several numbers in CSL-M ('|') read by one rule; session laws
and registers with a section; and what the CSL importer refuses rather than drops."""

from __future__ import annotations

from typing import Any

import pytest

import evidence as ev

US = "002usUnited States|US"
SDNY = "011us:c2:ny.sdUnited States|US|Second Circuit|S.D. New York"

# The Indigo Book's items (tests/data/indigobook/items.json), as Juris-M exports them.
AEROCOMP = {  # c282
    "id": "Q36TZ64W", "type": "legal_case", "title": "Aerocomp, Inc.", "authority": "F.A.A.",
    "number": "2006\\-1", "references": "Order Dismissing Appeal", "issued": {"date-parts": [[2006, 1, 12]]},
    "jurisdiction": US, "genre": "FAA Order", "admin-flag": "1",
}  # fmt: skip
OXYHEAL = {  # c306
    "id": "RXQ5CMV7", "type": "legal_case", "title": "OxyHeal Medical Systems, Inc.", "authority": "SBA",
    "number": "SIZ\\-5707", "issued": {"date-parts": [[2016, 1, 19]]}, "jurisdiction": US,
    "collection-number": "2016", "admin-flag": "1",
}  # fmt: skip
SMITH = {  # c503, c504
    "id": "SRMBMJMQ", "type": "legal_case", "title": "Smith v. Jones", "authority": "supreme.court",
    "number": "95\\-KA\\-01234\\-SCT", "issued": {"date-parts": [[1997]]},
    "jurisdiction": "005us:msUnited States|US|Mississippi",
}  # fmt: skip
LINCOLN = {  # c258, with a second docket
    "id": "LINC", "type": "legal_case", "title": "Lincoln Univ.", "authority": "U.S. Dep't of Educ.",
    "number": "13-68-SF|13-69-SF", "issued": {"date-parts": [[2015, 3, 16]]}, "jurisdiction": US, "admin-flag": "1",
}  # fmt: skip
ROE = {  # made up: a court's numbers that open with letters, with stray separators and spaces
    "id": "ROE", "type": "legal_case", "title": "Roe v. Widget Co.", "authority": "district.court",
    "number": "CV-91-1| CV-91-2 |", "issued": {"date-parts": [[1991, 5, 1]]}, "jurisdiction": SDNY,
}  # fmt: skip
DOE = {**ROE, "id": "DOE", "title": "Doe v. Acme Corp.", "number": "S123|S124"}
SALOMON = {  # c082
    "id": "DGN7F76D", "type": "legal_case", "title": "In re Salomon Inc. Sec. Litig.", "authority": "district.court",
    "number": "91 Civ. 5442 (RPP)|91 Civ. 5471", "page": "150762", "issued": {"date-parts": [[1992, 11, 13]]},
    "archive": "WL", "jurisdiction": SDNY, "collection-number": "1992",
}  # fmt: skip
RECORDS = ev.import_csl([AEROCOMP, OXYHEAL, SMITH, LINCOLN, ROE, DOE, SALOMON])


def row(rule: str, item: dict[str, Any], expected: str, **options: Any) -> Any:
    return pytest.param(str(item["id"]).lower(), options, expected, id=rule)


@pytest.mark.parametrize(
    ("case", "options", "expected"),
    [
        row("R14.3 c282 agency series says its label", AEROCOMP,
            "Aerocomp, Inc., FAA Order No. 2006-1, Order Dismissing Appeal (Jan. 12, 2006)."),
        row("R14.3 c282 short form keeps the series' label", AEROCOMP, "Aerocomp, Inc., FAA Order No. 2006-1.",
            form="short"),
        row("R11.3 c282 short form with a pin: its own pages", AEROCOMP, "Aerocomp, Inc., slip op. at 3.",
            form="short", pin="3"),
        row("R14.3 c306 agency letters take no label", OXYHEAL, "OxyHeal Med. Sys., Inc., SBA SIZ-5707 (Jan. 19, 2016)."),
        row("R14.3 c306 short form takes no label either", OXYHEAL, "OxyHeal Med. Sys., Inc., SIZ-5707.", form="short"),
        row("R10.8.1 agency several dockets full", LINCOLN,
            "Lincoln Univ., U.S. Dep't of Educ., Nos. 13-68-SF, 13-69-SF (Mar. 16, 2015)."),
        row("R10.8.1 agency several dockets short", LINCOLN, "Lincoln Univ., Nos. 13-68-SF, 13-69-SF.", form="short"),
        row("R11.3 c503 Mississippi designation without No.", SMITH, "Smith v. Jones, 95-KA-01234-SCT (Miss. 1997)."),
        row("R11.3 c504 Mississippi paragraph pin", SMITH, "Smith v. Jones, 95-KA-01234-SCT (¶ 1) (Miss. 1997).",
            pin="¶ 1"),
        row("R11.3 Mississippi short form without No.", SMITH, "Smith, 95-KA-01234-SCT.", form="short"),
        row("R11.3 Mississippi short form pinned as in full", SMITH, "Smith, 95-KA-01234-SCT (¶ 3).",
            form="short", pin="¶ 3"),
        row("R10.8.1 c082 several dockets with a database cite", SALOMON,
            "In re Salomon Inc. Sec. Litig., Nos. 91 Civ. 5442 (RPP), 91 Civ. 5471, 1992 WL 150762 "
            "(S.D.N.Y. Nov. 13, 1992)."),
        row("R10.8.1 numbers opening with letters are several", ROE,
            "Roe v. Widget Co., Nos. CV-91-1, CV-91-2 (S.D.N.Y. May 1, 1991)."),
        row("R10.8.1 letters short form", ROE, "Roe, Nos. CV-91-1, CV-91-2.", form="short"),
        row("R10.8.1 a letter and digits are several", DOE, "Doe v. Acme Corp., Nos. S123, S124 (S.D.N.Y. May 1, 1991)."),
    ],
)  # fmt: skip
def test_one_label_before_a_docket_in_every_form(case: str, options: dict[str, Any], expected: str) -> None:
    assert ev.cite(RECORDS[f"{case}.decision"], records=RECORDS, **options) == expected


def test_a_sequence_labels_the_short_form_as_the_full_one() -> None:  # R14.3, c282
    notes = ev.CitationSequence(RECORDS)
    first = notes.cite("q36tz64w", note=1, decision=0)
    again = notes.cite("rxq5cmv7", note=2, decision=0)
    later = notes.cite("q36tz64w", note=3, decision=0, pin="3")
    assert (first, again) == (
        "Aerocomp, Inc., FAA Order No. 2006-1, Order Dismissing Appeal (Jan. 12, 2006).",
        "OxyHeal Med. Sys., Inc., SBA SIZ-5707 (Jan. 19, 2016).",
    )
    assert later == "Aerocomp, Inc., slip op. at 3."


STAT = {
    "id": "aca", "type": "legislation", "title": "Patient Protection and Affordable Care Act",
    "container-title": "Stat.", "volume": "124", "page": "119", "number": "111-148", "issued": {"date-parts": [[2010]]},
}  # fmt: skip


@pytest.mark.parametrize(
    ("item", "expected"),
    [
        pytest.param({**STAT, "section": "sec. 1101"},
                     "Patient Protection and Affordable Care Act, Pub. L. No. 111-148, § 1101, 124 Stat. 119 (2010).",
                     id="R14.2 c131 session law with a section"),
        pytest.param({**STAT, "number": "111-148|111-152|"},
                     "Patient Protection and Affordable Care Act, Pub. L. Nos. 111-148, 111-152, 124 Stat. 119 (2010).",
                     id="R14.2 several public laws"),
        pytest.param({"id": "fr", "type": "regulation", "title": "Rule", "container-title": "Fed. Reg.", "volume": "80",
                      "page": "47829", "section": "sec. 3", "issued": {"date-parts": [[2015, 8, 10]]}},
                     "Rule, § 3, 80 Fed. Reg. 47829 (Aug. 10, 2015).", id="R17 register with a section"),
    ],
)  # fmt: skip
def test_session_laws_and_registers_keep_their_page(item: dict[str, Any], expected: str) -> None:
    records = ev.import_csl([item])
    assert ev.cite(records[str(item["id"])], records=records) == expected


@pytest.mark.parametrize(
    ("item", "message"),
    [
        pytest.param({**ROE, "number": "|"}, "item 'ROE' (legal_case): its 'number' '|' names nothing",
                     id="several numbers: nothing but the separator"),
        pytest.param({**LINCOLN, "authority": " | "}, "item 'LINC' (legal_case): its 'authority' '|' names nothing",
                     id="several agencies: nothing but the separator"),
        pytest.param({**STAT, "number": "|"}, "item 'aca' (legislation): its 'number' '|' names nothing",
                     id="several public laws: nothing but the separator"),
        pytest.param({k: v for k, v in SALOMON.items() if k != "page"},
                     "item 'DGN7F76D' (legal_case): a cite in 'WL' needs its year", id="R11.3 database cite without number"),
        pytest.param({**SALOMON, "collection-number": "nineteen", "page": "abc"},
                     "item 'DGN7F76D' (legal_case): a cite in 'WL' is a year and a number", id="R11.3 database cite in words"),
        pytest.param({k: v for k, v in ROE.items() if k != "title"} | {"document-name": "Compl."},
                     "item 'ROE' (legal_case): its 'document-name' is a document of a case the item does not name",
                     id="a court document without its case"),
    ],
)  # fmt: skip
def test_the_importer_refuses_what_it_cannot_cite(item: dict[str, Any], message: str) -> None:
    with pytest.raises(ev.LoadError) as error:
        ev.import_csl([item])
    assert error.value.problems[0].message.startswith(message)


def test_an_agency_item_is_named_by_its_document() -> None:  # the book's FJS7KSZM: a written agreement
    item = {**OXYHEAL, "title": None, "document-name": "Written Agreement", "number": None}
    records = ev.import_csl([{k: v for k, v in item.items() if v is not None}])
    assert records.get("rxq5cmv7", ev.Case).name == "Written Agreement"
