"""Case rules of the conformance round: subsequent history on other grounds, court documents of a
reported case (R10.8.3), a cite whose case the sentence names, pins in parallel cites, Federal
Cases numbers, and CSL-M items of one case's history kept apart from parallel cites.

Expected strings are the Indigo Book's examples (cite_id named; the engine prints a straight
apostrophe where the book curls it); rows that need a relation the book does not print use
made-up cases (Roe v. Widget Co., Doe v. Acme Corp.)."""

from __future__ import annotations

from typing import Any

import pytest

import evidence as ev

C = "confirmed"


def decided(id: str, name: str, court: str, date: str, *cites: str, docket: str | None = None,
            history: tuple[ev.DecisionHistory, ...] = ()) -> list[ev.Record]:  # fmt: skip
    return [
        ev.Case(id=id, name=name, court=court, docket_number=docket, confidence=C),
        ev.Decision(id=f"{id}.decision", case=id, date=date, cites=list(cites), history=history, confidence=C),
    ]


def build() -> ev.RecordSet:
    reversed_on_other = ev.DecisionHistory(
        rel="reversed", decision="widget-app.decision", on_other_grounds=True, confidence=C
    )
    return ev.RecordSet([
        *decided("widget", "Roe v. Widget Co.", "nysd", "2001", "150 F. Supp. 2d 10", history=(reversed_on_other,)),
        *decided("widget-app", "Roe v. Widget Co.", "ca2", "2002", "300 F.3d 20"),
        *decided("martinez", "Martinez-Mendoza v. Champion Int'l Corp.", "ca11", "2003", "340 F.3d 1200",
                 docket="06-19139"),
        ev.Filing(id="resp", case="martinez", title="Pl.'s Resp. to Defs.' Mot. for Summ. J.", confidence=C),
        *decided("mcdonnell", "McDonnell Douglas Corp. v. Green", "scotus", "1973-05-14", "411 U.S. 792"),
        *decided("smith", "Smith v. Jones", "sd", "1996", "1996 S.D. 15", "600 N.W.2d 900"),
        *decided("roe", "Doe v. Roe", "wyo", "2001", "2001 WY 12", "989 P.2d 1312"),
        *decided("roe-alone", "Doe v. Roe", "wyo", "2001", "2001 WY 12"),
        *decided("davey", "Davey v. The Mary Frost", "txed", "1876", "7 F. Cas. 11"),
        ev.Decision(id="davey.numbered", case="davey", date="1876", cites=["7 F. Cas. 11"], docket_number="3591",
                    confidence=C),
        *decided("acme", "Doe v. Acme Corp.", "cand", "2020", docket="20-cv-00001"),
        ev.Case(id="joined", name="In re Widget Co. Sec. Litig.", court="nysd", docket_number="01 Civ. 1, 01 Civ. 2",
                confidence=C),
        ev.Filing(id="acme-compl", case="acme", title="Complaint", filed="2020-01-02", confidence=C),
    ])  # fmt: skip


RECORDS = build()


def row(rule: str, record: str, expected: str, **options: Any) -> Any:
    return pytest.param(record, options, expected, id=rule)


TABLE = [
    row("R10.7.1 rev'd on other grounds", "widget", "Roe v. Widget Co., 150 F. Supp. 2d 10 (S.D.N.Y. 2001), "
        "rev'd on other grounds, 300 F.3d 20 (2d Cir. 2002).", decision="widget.decision"),
    row("R10.8.3 a document of a reported case, c181", "resp", "Pl.'s Resp. to Defs.' Mot. for Summ. J. at 14, "
        "Martinez-Mendoza v. Champion Int'l Corp., 340 F.3d 1200 (11th Cir. 2003) (No. 06-19139).", pin="14"),
    row("R10.8.3 its short form keeps the case and reporter, c185", "resp", "Pl.'s Resp. to Defs.' Mot. for Summ. "
        "J. at 14, Martinez-Mendoza, 340 F.3d 1200 (No. 06-19139).", pin="14", form="short"),
    row("B17 a document of a pending case: no 'at'", "acme-compl", "Compl. 2, Doe v. Acme Corp., No. 20-cv-00001 "
        "(N.D. Cal. Jan. 2, 2020).", pin="2"),
    row("R10.2 the sentence names the case, c051", "mcdonnell", "411 U.S. 792 (1973).", decision=0,
        name_in_text=True),
    row("R10.2 its short form too", "mcdonnell", "411 U.S. at 802.", decision=0, name_in_text=True, pin="802",
        form="short"),
    row("R11.2 a pin in each parallel cite, c645", "smith", "Smith v. Jones, 1996 S.D. 15, ¶ 21, 600 N.W.2d 900, "
        "901.", decision=0, pin=("¶ 21", "901")),
    row("R11.2 a pin in the parallel cite alone", "smith", "Smith v. Jones, 1996 S.D. 15, 600 N.W.2d 900, 901.",
        decision=0, pin=(None, "901")),
    row("R11.3 Wyoming's public-domain cite, then court and year, c723", "roe", "Doe v. Roe, 2001 WY 12, 989 P.2d "
        "1312 (Wyo. 2001).", decision=0),
    row("R11.3 alone it names them itself, c722", "roe-alone", "Doe v. Roe, 2001 WY 12.", decision=0),
    row("R10.8.1 Nos. before several docket numbers", "joined", "In re Widget Co. Sec. Litig., Nos. 01 Civ. 1, 01 "
        "Civ. 2 (S.D.N.Y.).", form="full"),
    row("T1 a Federal Cases number, c232", "davey", "Davey v. The Mary Frost, 7 F. Cas. 11 (E.D. Tex. 1876) "
        "(No. 3591).", decision="davey.numbered"),
]  # fmt: skip


@pytest.mark.parametrize(("record", "options", "expected"), TABLE)
def test_case_rule(record: str, options: dict[str, Any], expected: str) -> None:
    assert ev.cite(RECORDS[record], records=RECORDS, **options) == expected


@pytest.mark.parametrize(
    ("record", "options", "message"),
    [
        ("resp", {"name_in_text": True}, "name_in_text= leaves a case's name out"),
        ("mcdonnell", {"name_in_text": True, "style": "apa"}, "name_in_text= leaves a case's name out"),
        ("resp", {"pin": ("1", "2")}, "pins for parallel cites apply to a case"),
        ("smith", {"pin": (), "decision": 0}, r"one pinpoint \(or None\) per reporter cite"),
        ("smith", {"pin": 12, "decision": 0}, r"pin= is a pinpoint"),
        ("smith", {"pin": {"a": 1}, "decision": 0}, r"pin= is a pinpoint"),
        ("smith", {"pin": ["1", "2", "3"], "decision": 0}, "3 pins for a decision cited by 2 reporter cites"),
        ("smith", {"pin": [None, "901"], "decision": 0, "form": "short"}, "pins for parallel cites go in a full"),
        ("acme", {"name_in_text": True}, "name_in_text= leaves the name out of a reported decision"),
        ("acme", {"name_in_text": True, "form": "short"}, "name_in_text= leaves the name out of a reported"),
    ],
)
def test_misused_options_are_named(record: str, options: dict[str, Any], message: str) -> None:
    with pytest.raises(ev.UsageError, match=message):
        ev.cite(RECORDS[record], records=RECORDS, **options)


def test_a_sequence_passes_the_sentence_s_name_and_parallel_pins() -> None:
    sequence = ev.CitationSequence(RECORDS)
    assert sequence.cite("smith", decision=0, pin=("¶ 21", "901")) == (
        "Smith v. Jones, 1996 S.D. 15, ¶ 21, 600 N.W.2d 900, 901."
    )
    assert sequence.cite("mcdonnell", decision=0, name_in_text=True) == "411 U.S. 792 (1973)."


ITEM = {"type": "legal_case", "title": "Doe v. Acme Corp.", "authority": "court.appeals",
        "jurisdiction": "005us:c9United States|US|Ninth Circuit"}  # fmt: skip


def test_csl_items_of_one_case_s_history_stay_apart() -> None:
    """Juris-M links a case's decisions in several courts by `seeAlso`, as it links the reporters
    of one decision: only items of the same court and date are parallel cites (c089)."""
    first = {**ITEM, "id": "A", "container-title": "F.3d", "volume": "1", "page": "10",
             "issued": {"date-parts": [[2019]]}, "seeAlso": ["B", "C"]}  # fmt: skip
    parallel = {**first, "id": "B", "container-title": "F. App'x", "volume": "2", "page": "20", "seeAlso": ["A"]}
    appeal = {**first, "id": "C", "container-title": "S. Ct.", "volume": "3", "page": "30", "authority":
              "supreme.court", "jurisdiction": "002usUnited States|US", "issued": {"date-parts": [[2020]]},
              "seeAlso": ["A"]}  # fmt: skip
    records = ev.import_csl([first, parallel, appeal])
    assert records.get("a.decision", ev.Decision).cites == ("1 F.3d 10", "2 F. App'x 20")
    assert records.get("c.decision", ev.Decision).cites == ("3 S. Ct. 30",)


def test_a_csl_document_name_is_a_filing_of_the_case() -> None:
    """A `document-name` beside the case's title (c183): the document, a filing of the case,
    dated by `submitted`, never by the decision's date."""
    item = {**ITEM, "id": "D", "number": "09-230", "document-name": "Compl.",
            "submitted": {"date-parts": [[2015, 4, 17]]}}  # fmt: skip
    records = ev.import_csl([item])
    filing = records.get("d.document", ev.Filing)
    assert (filing.case, filing.title, str(filing.filed)) == ("d", "Compl.", "2015-04-17")
    assert (
        ev.cite(filing, records=records, pin="2") == "Compl. 2, Doe v. Acme Corp., No. 09-230 (9th Cir. Apr. 17, 2015)."
    )


def test_a_csl_database_cite_and_several_docket_numbers() -> None:
    """Juris-M keeps a Westlaw cite in `archive` with the year in `collection-number`, and the
    numbers of a decision of several dockets joined by '|' (c082)."""
    item = {**ITEM, "id": "E", "authority": "district.court", "number": "01 Civ. 1 (AB)|01 Civ. 2", "page": "12345",
            "archive": "WL", "collection-number": "2001", "issued": {"date-parts": [[2001, 3, 4]]},
            "jurisdiction": "011us:c2:ny.sdUnited States|US|Second Circuit|S.D. New York"}  # fmt: skip
    records = ev.import_csl([item])
    assert ev.cite(records["e"], records=records, decision=0) == (
        "Doe v. Acme Corp., Nos. 01 Civ. 1 (AB), 01 Civ. 2, 2001 WL 12345 (S.D.N.Y. Mar. 4, 2001)."
    )


def test_the_checker_asks_for_what_the_citation_needs() -> None:
    """Y001: a case cited by its reported decision needs no docket number or filing date; a
    session law cited by volume and page needs both (R12.4)."""
    reported = ev.RecordSet(decided("old", "Roe v. Widget Co.", "ca2", "1950", "184 F.2d 280"))
    assert [f.code for f in ev.check(reported).findings if f.code == "Y001"] == []
    pending = ev.RecordSet([ev.Case(id="new", name="Roe v. Widget Co.", court="cand", confidence=C)])
    assert [f.message for f in ev.check(pending).findings if f.code == "Y001"] == [
        "a citation of this case needs docket_number, filed"
    ]
    law = ev.Provision(id="act", kind="session_law", code="Stat.", number="Pub. L. No. 1-2", confidence=C)
    assert [f.message for f in ev.check(ev.RecordSet([law])).findings if f.code == "Y001"] == [
        "a citation of this provision needs title, page"
    ]
