"""CSL-JSON in, through the public API: each CSL type to its record kind, CSL-M's legal fields
read, every record marked, and what cannot come in refused with the item named."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import evidence as ev
from evidence._cli import main

SEVENTH = "005us:c7United States|US|Seventh Circuit"
CASE = {
    "id": "ROE1",
    "type": "legal_case",
    "title": "Roe v. Widget Co.",
    "container-title": "F.3d",
    "volume": "548",
    "page": "571",
    "authority": "court.appeals",
    "jurisdiction": SEVENTH,
    "issued": {"date-parts": [[2008]]},
}


def test_a_legal_case_becomes_a_case_in_its_court_and_a_decision_with_its_cite() -> None:
    records = ev.import_csl([CASE])
    case = records.get("roe1", ev.Case)
    decision = records.get("roe1.decision", ev.Decision)
    assert (case.name, case.court, case.confidence) == ("Roe v. Widget Co.", "ca7", ev.Confidence.UNVERIFIED)
    assert decision.cites == ("548 F.3d 571",)
    assert decision.date == ev.parse_date("2008")
    assert ev.cite(decision, records=records) == "Roe v. Widget Co., 548 F.3d 571 (7th Cir. 2008)."


@pytest.mark.parametrize(
    ("authority", "jurisdiction", "court"),
    [
        pytest.param("district.court", "012us:c11:ga.sdUnited States|US|Eleventh Circuit|S.D. Georgia", "gasd",
                     id="federal district from the code"),
        pytest.param("supreme.court", "002usUnited States|US", "scotus", id="the Supreme Court"),
        pytest.param("supreme.court", "005us:wyUnited States|US|Wyoming", "wyo", id="a state's supreme court"),
        pytest.param("court.appeals", "005us:nyUnited States|US|New York", "ny", id="New York's Court of Appeals"),
    ],
)  # fmt: skip
def test_the_court_is_found_in_courts_db(authority: str, jurisdiction: str, court: str) -> None:
    records = ev.import_csl([{**CASE, "authority": authority, "jurisdiction": jurisdiction}])
    assert records.get("roe1", ev.Case).court == court


def test_a_court_courts_db_lacks_becomes_a_court_record_named_by_the_item() -> None:
    records = ev.import_csl([{**CASE, "authority": "Dep't of Labor", "jurisdiction": "002usUnited States|US"}])
    (court,) = records.courts
    assert court.citation == "Dep't of Labor"
    assert records.get("roe1", ev.Case).court == court.id


def test_a_parallel_cite_named_in_see_also_is_one_more_cite_of_the_decision() -> None:
    first = {**CASE, "seeAlso": ["ROE2"]}
    second = {**CASE, "id": "ROE2", "container-title": "N.E.2d", "volume": "633", "page": "764", "seeAlso": ["ROE1"]}
    records = ev.import_csl([first, second])
    assert records.get("roe1.decision", ev.Decision).cites == ("548 F.3d 571", "633 N.E.2d 764")
    assert "roe2" not in records


def test_legislation_becomes_a_provision_cited_per_r16() -> None:
    item = {"id": "lanham", "type": "legislation", "container-title": "U.S.C.", "volume": "17",
            "section": "sec. 107", "issued": {"date-parts": [[2018]]}, "jurisdiction": "002usUnited States|US"}  # fmt: skip
    records = ev.import_csl([item])
    provision = records.get("lanham", ev.Provision)
    assert (provision.kind, provision.code, provision.title, provision.section, provision.year) == (
        ev.ProvisionKind.STATUTE, "U.S.C.", "17", "107", 2018,
    )  # fmt: skip
    assert ev.cite(provision, records=records) == "17 U.S.C. § 107 (2018)."


def test_a_regulation_with_title_and_section_in_one_field() -> None:
    # A title written in the section is cited after the code (the Indigo Book's c576: "N.Y. Comp.
    # Codes R. & Regs. tit. <title>, § <section> (<year>)"); a `volume` is the title before it.
    item = {"id": "nyc", "type": "regulation", "container-title": "N.Y. Comp. Codes R. & Regs.",
            "section": "tit. 654, sec. 987", "issued": {"date-parts": [[2000]]}}  # fmt: skip
    records = ev.import_csl([item])
    provision = records.get("nyc", ev.Provision)
    assert (provision.kind, provision.title, provision.section) == (
        ev.ProvisionKind.REGULATION,
        None,
        "tit. 654, § 987",
    )
    assert ev.cite(provision, records=records) == "N.Y. Comp. Codes R. & Regs. tit. 654, § 987 (2000)."


@pytest.mark.parametrize(
    ("item", "expected"),
    [
        ({"type": "legislation", "container-title": "Ohio Rev. Code Ann.", "section": "sec. 2921.22",
          "publisher": "West", "publication-date": {"date-parts": [[2014]]}},
         "Ohio Rev. Code Ann. § 2921.22 (West 2014)."),
        ({"type": "legislation", "container-title": "Mass. Gen. Laws Ann.", "section": "ch. 21, sec. 15",
          "publisher": "West", "issued": {"date-parts": [[2000]]}},
         "Mass. Gen. Laws Ann. ch. 21, § 15 (West 2000)."),
        ({"type": "legislation", "title": "Patient Protection and Affordable Care Act", "container-title": "Stat.",
          "volume": "124", "number": "111\\-148", "issued": {"date-parts": [[2010]]}, "page": "119",
          "gazette-flag": "1"},
         "Patient Protection and Affordable Care Act, Pub. L. No. 111-148, 124 Stat. 119 (2010)."),
        ({"type": "regulation", "title": "SEC Whistleblower Rules", "container-title": "Fed. Reg.", "volume": "80",
          "number": "75592", "issued": {"date-parts": [[2015, 8, 10]]}, "page": "47829",
          "genre": "Exchange Act Release"},
         "SEC Whistleblower Rules, Exchange Act Release No. 75592, 80 Fed. Reg. 47829 (Aug. 10, 2015)."),
        ({"type": "legislation", "title": "Unif. Mediation Act", "container-title": "U.L.A.", "volume": "7A Pt. III",
          "page": "137", "gazette-flag": "1", "publication-date": {"date-parts": [[2006]]}},
         "Unif. Mediation Act, 7A Pt. III U.L.A. 137 (2006)."),
        ({"type": "legislation", "container-title": "Mass. Acts", "page": "45", "collection-number": "2006"},
         "2006 Mass. Acts 45."),
        ({"type": "legislation", "container-title": "Ark. Adv. Legis. Serv.", "volume": "14", "page": "45",
          "publisher": "LexisNexis", "collection-number": "2006"},
         "2006-14 Ark. Adv. Legis. Serv. 45 (LexisNexis)."),
        ({"type": "legislation", "container-title": "Md. Code Ann.", "volume": "Ins.", "section": "sec. 12\\-34",
          "publisher": "LexisNexis", "publication-date": {"date-parts": [[2003]]}},
         "Md. Code Ann., Ins. § 12-34 (LexisNexis 2003)."),
        ({"type": "legislation", "title": "N.Y. Lab. Law", "issued": {"date-parts": [[2000]]}, "section": "sec. 15",
          "genre": "Consol."},
         "N.Y. Lab. Law § 15 (Consol. 2000)."),
    ],
    ids=["c022 R16 the edition's year from Juris-M's publication-date",
         "c481 R16 a chapter and a section in the section field",
         "c131 R16 a session law by volume and page: Pub. L. No. from the number",
         "c301 R17 a register: the number's label from genre, the full date",
         "c142 R16 a uniform act in U.L.A.",
         "c483 R16 a year serving as the volume of a state's session laws",
         "c330 R16 a year and a pamphlet number",
         "c472 R16 a title named by its subject follows the code",
         "c565 R16 a code named by its title, its edition from genre"],
)  # fmt: skip
def test_legislation_items_are_cited_as_the_indigo_book_shows(item: dict[str, object], expected: str) -> None:
    # The Indigo Book's items (their cite_id in the row id); templates' placeholders filled with
    # the values their items hold.
    records = ev.import_csl([{"id": "p", **item}])
    assert ev.cite(records.get("p", ev.Provision), records=records) == expected


@pytest.mark.parametrize(
    ("item", "kind", "expected"),
    [
        ({"type": "legislation", "title": "Ariz. Const.", "section": "art. XVI, sec. 2"},
         ev.ProvisionKind.CONSTITUTION, "Ariz. Const. art. XVI, § 2."),
        ({"type": "legislation", "title": "U.S. Const.", "section": "amend. XVIII"},
         ev.ProvisionKind.CONSTITUTION, "U.S. Const. amend. XVIII."),
        ({"type": "regulation", "title": "Fed. R. Civ. P.", "section": "12(b)(1)"},
         ev.ProvisionKind.COURT_RULE, "Fed. R. Civ. P. 12(b)(1)."),
        ({"type": "regulation", "title": "Treas. Reg.", "section": "sec. 1.41-2"},
         ev.ProvisionKind.REGULATION, "Treas. Reg. § 1.41-2."),
    ],
    ids=["c180 a state constitution's article and section", "c178 an amendment", "c134 a court rule",
         "c273 a code of regulations named by its title"],
)  # fmt: skip
def test_a_provision_named_by_its_title_alone(item: dict[str, str], kind: ev.ProvisionKind, expected: str) -> None:
    # Juris-M gives a constitution, a court rule or Treasury Regulations as the item's title, with
    # no code in `container-title`: the title is the code.
    records = ev.import_csl([{"id": "p", **item}])
    provision = records.get("p", ev.Provision)
    assert provision.kind is kind
    assert ev.cite(provision, records=records) == expected


@pytest.mark.parametrize(
    ("csl_type", "kind"),
    [("book", ev.SourceKind.BOOK), ("article-journal", ev.SourceKind.JOURNAL_ARTICLE),
     ("article-newspaper", ev.SourceKind.NEWS_ARTICLE), ("webpage", ev.SourceKind.WEB_PAGE),
     ("post-weblog", ev.SourceKind.POST), ("report", ev.SourceKind.OTHER)],
)  # fmt: skip
def test_bibliographic_items_become_sources(csl_type: str, kind: ev.SourceKind) -> None:
    item = {"id": "s1", "type": csl_type, "title": "A <i>Made-Up</i> Work", "container-title": "The Daily Widget",
            "author": [{"family": "Doe", "given": "Jane"}, {"literal": "Acme Corp."}],
            "issued": {"date-parts": [[2024, 3, 5]]}, "URL": "https://example.com/work"}  # fmt: skip
    source = ev.import_csl([item]).get("s1", ev.Source)
    assert source.kind is kind
    assert (source.title, source.authors, source.publication) == (
        "A Made-Up Work",
        ("Jane Doe", "Acme Corp."),
        "The Daily Widget",
    )
    assert source.published == ev.parse_date("2024-03-05")


def test_confidence_is_unverified_unless_the_user_says_more() -> None:
    records = ev.import_csl([CASE], confidence="likely")
    assert {record.confidence for record in records} == {ev.Confidence.LIKELY}
    with pytest.raises(ev.UsageError, match="unknown confidence"):
        ev.import_csl([CASE], confidence="certain")


def test_an_unknown_type_is_refused_naming_the_item() -> None:
    with pytest.raises(ev.LoadError) as error:
        ev.import_csl([CASE, {"id": "T1", "type": "treaty", "title": "A Treaty"}, {"id": "C2", "type": "legal_case"}])
    messages = [problem.message for problem in error.value.problems]
    assert messages[0].startswith("item 'T1' (treaty): no record holds a CSL item of type 'treaty'")
    assert messages[1].startswith("item 'C2' (legal_case): a case needs its name")


def test_a_malformed_file_is_an_error_naming_the_file(tmp_path: Path) -> None:
    bad = tmp_path / "library.json"
    bad.write_text('[{"id": ', encoding="utf-8")
    with pytest.raises(ev.LoadError) as error:
        ev.import_csl(bad)
    assert error.value.problems[0].file == str(bad)
    assert "not CSL-JSON" in str(error.value)


def test_the_command_writes_a_record_file_that_loads(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "library.json"
    source.write_text(json.dumps([CASE]), encoding="utf-8")
    assert main(["import", "csl-json", str(source), "-o", str(tmp_path / "out")]) == 0
    records = ev.load(tmp_path / "out" / "library.yaml")
    assert records.get("roe1.decision", ev.Decision).cites == ("548 F.3d 571",)
    assert "wrote" in capsys.readouterr().out


def test_the_command_refuses_a_bad_item_without_a_traceback(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "library.json"
    source.write_text(json.dumps([{"id": "P1", "type": "patent"}]), encoding="utf-8")
    assert main(["import", "csl-json", str(source)]) == 1
    err = capsys.readouterr().err
    assert "item 'P1' (patent)" in err
    assert "Traceback" not in err
