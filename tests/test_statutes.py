"""Provisions of law: statutes, regulations, court rules, cited per R16 and R17 of the Indigo Book
(the Bluebook's R12 and R14). The expected strings are the Indigo Book's own examples (their
`cite_id` in the row id), or follow from its rules where a row says so."""

from __future__ import annotations

from pathlib import Path

import pytest

import evidence as ev

C, L = ev.Confidence.CONFIRMED, ev.Confidence.LIKELY


def provision(**fields: object) -> ev.Provision:
    return ev.Provision(id="p", confidence=C, **fields)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("record", "form", "pin", "expected"),
    [
        (provision(kind="statute", name="Federal Food, Drug, and Cosmetic Act", code="U.S.C.", title="21",
                   section="387", year=2012), "full", None,
         "Federal Food, Drug, and Cosmetic Act, 21 U.S.C. § 387 (2012)."),
        (provision(kind="statute", name="Lanham (Trademark) Act", code="U.S.C.", title="15", section="1051–1141n",
                   year=2012), "full", None, "Lanham (Trademark) Act, 15 U.S.C. §§ 1051–1141n (2012)."),
        (provision(kind="statute", name="Stored Communications Act", code="U.S.C.A.", title="18",
                   section="2701–2711", publisher="West", year=2000), "full", None,
         "Stored Communications Act, 18 U.S.C.A. §§ 2701–2711 (West 2000)."),
        (provision(kind="statute", name="Mineral Leasing Act of 1920", code="U.S.C.S.", title="30",
                   section="181–287", publisher="LexisNexis", year=2015), "full", None,
         "Mineral Leasing Act of 1920, 30 U.S.C.S. §§ 181–287 (LexisNexis 2015)."),
        (provision(kind="statute", code="Colo. Rev. Stat. Ann.", section="18-8-115", publisher="West", year=2014),
         "full", None, "Colo. Rev. Stat. Ann. § 18-8-115 (West 2014)."),
        (provision(kind="statute", code="Mass. Gen. Laws Ann.", chapter="268", section="40", publisher="West",
                   year=2014), "full", None, "Mass. Gen. Laws Ann. ch. 268, § 40 (West 2014)."),
        (provision(kind="statute", code="Ohio Rev. Code Ann.", section="2921.22", publisher="West", year=2014),
         "full", None, "Ohio Rev. Code Ann. § 2921.22 (West 2014)."),
        (provision(kind="regulation", code="C.F.R.", title="36", section="272.1", year=2014), "full", None,
         "36 C.F.R. § 272.1 (2014)."),
        (provision(kind="regulation", name="DOE Employee Privacy Standards", code="C.F.R.", title="10",
                   section="1008.3", year=2000), "full", None,
         "DOE Employee Privacy Standards, 10 C.F.R. § 1008.3 (2000)."),
        (provision(kind="statute", code="U.S.C.", title="28", section="1292(b)"), "full", None, "28 U.S.C. § 1292(b)."),
        (provision(kind="statute", code="U.S.C.", title="17", section="107", year=2018), "full", "(4)",
         "17 U.S.C. § 107(4) (2018)."),
        (provision(kind="statute", name="Copyright Act of 1976", code="U.S.C.", title="17", section="107",
                   year=2018), "short", None, "17 U.S.C. § 107."),
        (provision(kind="court_rule", code="Fed. R. Civ. P.", section="23(f)"), "full", None, "Fed. R. Civ. P. 23(f)."),
        (provision(kind="constitution", code="U.S. Const.", section="art. I, § 8", year=1789), "full", None,
         "U.S. Const. art. I, § 8."),
        (provision(kind="statute", code="U.S.C.", title="7", section="7101", year=2012), "id", "7102(26)",
         "Id. § 7102(26)."),
        (provision(kind="statute", code="U.S.C.", title="17", section="107", year=2018), "id", "(4)",
         "Id. § 107(4)."),
    ],
    ids=[
        "c122 R16 a federal statute with its name",
        "c123 R16 a span of sections: §§",
        "c126 R16 an unofficial code: its publisher with the year",
        "c127 R16 U.S.C.S.",
        "c020 R16 a state code; a hyphen is part of the section number",
        "c021 R16 a code cited by chapter",
        "c022 R16 another state code",
        "c143 R17 a regulation",
        "c144 R17 a regulation with its name",
        "R16 no year is printed that the record does not give",
        "R16 a subsection pinpoint joins its section",
        "R16 short form: no name, no edition",
        "R16 a court rule by its number, no section sign",
        "a constitution by its clause, never dated",
        "c173 R4.1 id. and another section",
        "R4.1 id. and a subsection of the same section",
    ],
)  # fmt: skip
def test_provisions_are_cited_as_the_indigo_book_cites_them(
    record: ev.Provision, form: str, pin: str | None, expected: str
) -> None:
    assert ev.cite(record, records=ev.RecordSet([record]), form=form, pin=pin) == expected


def test_every_style_cites_a_provision_in_the_legal_form() -> None:
    # APA 11.5 and CMOS 14.288: legal materials are cited as the legal style cites them.
    p = provision(kind="statute", name="Copyright Act of 1976", code="U.S.C.", title="17", section="107", year=2018)
    records = ev.RecordSet([p])
    full = "Copyright Act of 1976, 17 U.S.C. § 107 (2018)."
    for style in ("bluebook", "ecf", "apa", "chicago"):
        assert ev.cite(p, records=records, style=style) == full, style
    assert ev.cite(p, records=records, style="chicago", form="bibliography") == full
    assert ev.cite(p, records=records, form="supra") == "17 U.S.C. § 107."  # no supra for legal materials


def test_a_sequence_gives_id_then_short_forms() -> None:
    first = provision(kind="regulation", code="C.F.R.", title="9", section="54.1", year=2014)
    other = ev.Provision(id="q", kind="regulation", code="C.F.R.", title="9", section="151.9", year=2014, confidence=C)
    records = ev.RecordSet([first, other])
    sequence = ev.CitationSequence(records)
    cited = [sequence.cite(first), sequence.cite(first), sequence.cite(first, pin="151.9"), sequence.cite(other),
             sequence.cite(first)]  # fmt: skip
    # c174-c176 of the Indigo Book, then the short form once another authority came between.
    assert cited == ["9 C.F.R. § 54.1 (2014).", "Id.", "Id. § 151.9.", "9 C.F.R. § 151.9 (2014).", "9 C.F.R. § 54.1."]
    apa = ev.CitationSequence(records, style="apa")
    assert [apa.cite(first), apa.cite(first)] == ["9 C.F.R. § 54.1 (2014).", "9 C.F.R. § 54.1."]  # APA has no id.
    chicago = ev.CitationSequence(records, style="chicago")
    assert [chicago.cite(first), chicago.cite(first)] == ["9 C.F.R. § 54.1 (2014).", "Ibid."]


def test_a_provision_not_confirmed_is_marked() -> None:
    p = ev.Provision(id="p", kind="statute", code="U.S.C.", title="17", section="107", year=2018, confidence=C,
                     field_confidence={"year": L})  # fmt: skip
    assert ev.cite(p, records=ev.RecordSet([p]), marks=True) == "17 U.S.C. § 107 (2018 [likely])."
    q = ev.Provision(id="q", kind="court_rule", code="Fed. R. Civ. P.", section="23(f)", confidence=L)
    assert ev.cite(q, records=ev.RecordSet([q]), marks=True) == "Fed. R. Civ. P. 23(f) [likely]."


def test_a_claim_names_its_legal_basis_and_the_check_resolves_it(tmp_path: Path) -> None:
    path = tmp_path / "records.yaml"
    path.write_text(
        "evidence: 2\n"
        "provisions:\n"
        "  - id: fair-use\n    kind: statute\n    code: U.S.C.\n    title: '17'\n    section: '107'\n"
        "    confidence: confirmed\n"
        "claims:\n"
        "  - id: c\n    statement: Copying the headnotes was fair use.\n    status: alleged\n"
        "    legal_basis: [fair-use, no-such-provision]\n",
        encoding="utf-8",
    )
    records = ev.load(path)
    claim = records.get("c", ev.Claim)
    assert claim.legal_basis == ("fair-use", "no-such-provision")
    (dangling,) = [f for f in ev.check(path).findings if f.code == "R001"]
    assert "no-such-provision" in dangling.message and dangling.path == "$.claims[0].legal_basis[1]"


def test_a_provision_with_a_misspelt_kind_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "records.yaml"
    path.write_text("evidence: 2\nprovisions:\n  - id: p\n    kind: statue\n    code: U.S.C.\n", encoding="utf-8")
    with pytest.raises(ev.LoadError) as raised:
        ev.load(path)
    assert "records.yaml:4:11" in str(raised.value) and "did you mean 'statute'?" in str(raised.value)


def test_id_alone_never_stands_for_a_whole_provision_after_a_pinned_one() -> None:
    # R15.3.1: Id. alone means the pin cited just before; the whole section again takes the short form.
    p = provision(kind="statute", code="U.S.C.", title="17", section="107", year=2018)
    sequence = ev.CitationSequence(ev.RecordSet([p]))
    cited = [sequence.cite(p, pin="(1)"), sequence.cite(p), sequence.cite(p), sequence.cite(p, pin="(2)")]
    assert cited == ["17 U.S.C. § 107(1) (2018).", "17 U.S.C. § 107.", "Id.", "Id. § 107(2)."]


ACA = {"kind": "session_law", "name": "Patient Protection and Affordable Care Act", "number": "Pub. L. No. 111-148",
       "section": "1101", "title": "124", "code": "Stat.", "page": "119", "year": 2010}  # fmt: skip
RULES = {"kind": "register", "name": "SEC Whistleblower Rules", "number": "Exchange Act Release No. 75592",
         "title": "80", "code": "Fed. Reg.", "page": "47829", "date": "2015-08-10"}  # fmt: skip


@pytest.mark.parametrize(
    ("fields", "form", "pin", "expected"),
    [
        (ACA, "full", "141-143",
         "Patient Protection and Affordable Care Act, Pub. L. No. 111-148, § 1101, 124 Stat. 119, 141–43 (2010)."),
        ({**ACA, "name": "Family Sponsor Immigration Act of 2002", "number": "Pub. L. No. 107-150", "section": None,
          "title": "116", "page": "74", "year": 2002}, "full", None,
         "Family Sponsor Immigration Act of 2002, Pub. L. No. 107-150, 116 Stat. 74."),
        (ACA, "short", "141", "124 Stat. at 141."),
        (ACA, "id", "141", "Id. at 141."),
        ({"kind": "session_law", "code": "Mass. Acts", "title": "2006", "page": "45"}, "full", None,
         "2006 Mass. Acts 45."),
        (RULES, "full", None,
         "SEC Whistleblower Rules, Exchange Act Release No. 75592, 80 Fed. Reg. 47829 (Aug. 10, 2015)."),
        (RULES, "short", "47830", "80 Fed. Reg. at 47830."),
        ({"kind": "uniform_act", "name": "Unif. Mediation Act", "section": "8", "title": "7A Pt. III",
          "code": "U.L.A.", "page": "137", "year": 2006}, "full", None,
         "Unif. Mediation Act § 8, 7A Pt. III U.L.A. 137 (2006)."),
        ({"kind": "statute", "name": "Communications Act of 1934", "code": "U.S.C.", "title": "47", "section": "223",
          "year": 2012, "supplement": "Supp. I 2013"}, "full", None,
         "Communications Act of 1934, 47 U.S.C. § 223 (2012 & Supp. I 2013)."),
        ({"kind": "statute", "code": "La. Civ. Code Ann.", "section": "art. 579", "year": 2000}, "full", None,
         "La. Civ. Code Ann. art. 579 (2000)."),
        ({"kind": "regulation", "code": "Cal. Code Regs.", "section": "tit. 654, § 987", "year": 2000}, "full", None,
         "Cal. Code Regs. tit. 654, § 987 (2000)."),
        ({"kind": "statute", "code": "Ill. Comp. Stat.", "title": "78", "section": "8921/10", "year": 2000}, "full",
         None, "78 Ill. Comp. Stat. 8921/10 (2000)."),
        ({"kind": "statute", "code": "La. Civ. Code Ann.", "section": "art. 579", "year": 2000}, "id", "art. 580",
         "Id. art. 580."),
        ({"kind": "statute", "code": "U.S.C.", "title": "15", "section": "1051", "year": 2012}, "id", "1051–1141n",
         "Id. §§ 1051–1141n."),
        ({"kind": "statute", "code": "Md. Code Ann.", "title": "Ins.", "section": "12-34", "publisher": "West",
          "year": 2000}, "full", None, "Md. Code Ann., Ins. § 12-34 (West 2000)."),
    ],
    ids=[
        "c131 R16 a session law: its number, section, volume and page, a page pinpoint with R3.3's dash",
        "c130 R16 a session law whose name holds its year is not dated again",
        "R16 short form of a session law: the volume at the page",
        "R4.1 id. at a page of a session law",
        "c483 R16 a state's session laws by the year that serves as their volume",
        "c301 R17 a rule in the Federal Register: its release number, the issue's full date",
        "R17 short form of a register: the volume at the page",
        "c142 R16 a uniform act: its section joins its name",
        "c124 R16 a supplement cited with the main volume",
        "c454 R16 a section written with its own label takes no section sign",
        "c340 R17 a title cited after the code",
        "c413 R16 Illinois's act/section numbers take no section sign",
        "R4.1 id. at another article: its own label, no section sign",
        "R4.1 and R3.3 id. at a span of sections: §§",
        "c473 R16 a title named by its subject follows the code",
    ],
)  # fmt: skip
def test_provisions_cited_by_volume_and_page_and_their_labels(
    fields: dict[str, object], form: str, pin: str | None, expected: str
) -> None:
    record = ev.Provision(id="p", confidence=C, **fields)  # type: ignore[arg-type]
    assert ev.cite(record, records=ev.RecordSet([record]), form=form, pin=pin) == expected


def test_a_session_law_not_confirmed_is_marked() -> None:
    p = ev.Provision(id="p", confidence=C, field_confidence={"page": L, "date": L}, **RULES)  # type: ignore[arg-type]
    assert ev.cite(p, records=ev.RecordSet([p]), marks=True) == (
        "SEC Whistleblower Rules, Exchange Act Release No. 75592, 80 Fed. Reg. 47829 [likely] (Aug. 10, 2015 [likely])."
    )


def test_a_sequence_gives_a_session_law_id_and_its_short_form() -> None:
    # R4.1 and the Bluebook's R12.10: id. at a page, then the volume at the page once another
    # authority came between.
    law = ev.Provision(id="p", confidence=C, **ACA)  # type: ignore[arg-type]
    other = ev.Provision(id="q", kind="statute", code="U.S.C.", title="42", section="18001", year=2012, confidence=C)
    sequence = ev.CitationSequence(ev.RecordSet([law, other]))
    cited = [sequence.cite(law), sequence.cite(law, pin="141"), sequence.cite(other), sequence.cite(law, pin="142")]
    assert cited == [
        "Patient Protection and Affordable Care Act, Pub. L. No. 111-148, § 1101, 124 Stat. 119 (2010).",
        "Id. at 141.",
        "42 U.S.C. § 18001 (2012).",
        "124 Stat. at 142.",
    ]


def test_a_session_law_pinned_to_another_section() -> None:
    """A section pin of a session law takes the place of its section, before the page (R12.4);
    id. of a subsection joins the law's section, never a page."""
    law = ev.Provision(id="act", kind="session_law", code="Stat.", title="124", page="119",
                       number="Pub. L. No. 111-148", name="Widget Safety Act", section="1101", year=2010,
                       confidence="confirmed")  # fmt: skip
    records = ev.RecordSet([law])
    assert ev.cite(law, records=records, pin="§ 1102") == (
        "Widget Safety Act, Pub. L. No. 111-148, § 1102, 124 Stat. 119 (2010)."
    )
    sequence = ev.CitationSequence(records)
    sequence.cite("act")
    assert [sequence.cite("act", pin="(a)"), sequence.cite("act", pin="141")] == ["Id. § 1101(a).", "Id. at 141."]
