"""The Thomson Reuters v. Ross example keeps the honesty rules: every value at the mark its fact
sheet gives, nothing from the sheet's "not known" list, every quote of a stored text found where
the record says. The sheet's facts and marks are written here as literals; the sheet is not read."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pytest

import evidence as ev
from tests.conftest import EXAMPLES
from tests.test_kadrey_example import all_quotes

ROSS = EXAMPLES / "thomson-reuters-v-ross"
C, L, U = ev.Confidence.CONFIRMED, ev.Confidence.LIKELY, ev.Confidence.UNVERIFIED
DISTRICT, APPEAL = "thomson-reuters-v-ross", "thomson-reuters-v-ross-3d-cir"


@pytest.fixture(scope="module")
def records() -> ev.RecordSet:
    return ev.load(ROSS)


# -- the stored texts ---------------------------------------------------------------------------

# sources/sources.md: each stored file is the first 2,000 bytes of a page, with this sha256.
STORED = [
    ("ded-547", ev.Filing, "sources/ded-547-memorandum-opinion-excerpt.txt", "fe6f266e3f6351d497a2008039b6243c04c23f0c6785235f100f935db7ea5480"),
    ("wired-2025-02-11", ev.Source, "sources/wired-2025-02-11-excerpt.txt", "86fa4f15b359931f8937ffbd468e2d9d3b4474f82faaf360f51ce75133d6d260"),
]  # fmt: skip


@pytest.mark.parametrize(("id", "kind", "path", "sha256"), STORED)
def test_the_stored_texts_are_unaltered(
    records: ev.RecordSet, id: str, kind: type[ev.Filing | ev.Source], path: str, sha256: str
) -> None:
    record = records.get(id, kind)
    assert record.text_file == path
    assert record.digest is not None and record.digest.value == sha256
    data = (ROSS / path).read_bytes()
    assert len(data) == 2000 and hashlib.sha256(data).hexdigest() == sha256
    assert record.text_excerpt  # both are excerpts, and say so


def test_every_quote_of_a_stored_text_is_where_the_record_says(records: ev.RecordSet) -> None:
    texts = {id: (ROSS / path).read_text(encoding="utf-8") for id, _, path, _ in STORED}
    quotes = [(id, q) for id, q in all_quotes(records) if id in texts]
    assert len(quotes) == 7  # four of the 2023 opinion, three of WIRED's article
    for id, quote in quotes:
        text = texts[id]
        assert quote.start is not None and quote.end is not None, quote.exact
        assert text[quote.start : quote.end] == quote.exact
        assert text.count(quote.exact) == 1, quote.exact  # placed without a prefix or suffix
    # Q3 of the fact sheet, "D.I. 547 at 2": the page is the opinion's own.
    messy = records.get("claim-2023-facts-messy", ev.Claim).evidence[1].quote
    assert messy is not None and (messy.page, messy.start) == ("2", texts["ded-547"].index("Facts can be messy"))


def test_the_check_finds_no_quote_out_of_place(records: ev.RecordSet) -> None:
    report = ev.check(ROSS)
    assert report.errors == ()
    # Q004 says a quoted record has no stored text: honest, and the only Q finding left.
    assert sorted({f.code for f in report.findings if f.code.startswith("Q")}) == ["Q004"]
    assert not any(f.code == "Q004" and ("ded-547" in f.message or "wired" in f.message) for f in report.findings)


def test_a_quote_moved_off_its_offsets_is_an_error(tmp_path: Path) -> None:
    copy = tmp_path / "ross"
    shutil.copytree(ROSS, copy)
    claims = copy / "claims.yaml"
    claims.write_text(claims.read_text(encoding="utf-8").replace("start: 1390", "start: 1391"), encoding="utf-8")
    report = ev.check(copy)
    assert [f.code[0] for f in report.errors] == ["Q"]


# -- the judges and the decisions -----------------------------------------------------------------


def test_the_judge_sitting_by_designation_and_the_judge_before_him(records: ev.RecordSet) -> None:
    case = records.get(DISTRICT, ev.Case)
    judges = [(j.actor, j.role, j.initials, j.designation, j.period, j.confidence) for j in case.judges]
    assert judges == [
        ("leonard-p-stark", "district judge", "LPS", None, None, C),  # "STARK, U.S. District Judge"
        ("stephanos-bibas", "assigned judge", "SB", "Circuit Judge, sitting by designation", None, C),
    ]  # no period: when he was designated, or the case reassigned, is not known
    bibas = records.get("stephanos-bibas", ev.Actor)
    assert (bibas.confidence, bibas.confidence_of("description")) == (C, L)  # "his court": likely


# (id, case, date, cites, filing, judges, mark, mark of the cites, mark of the judges), as the
# sheet's table of decisions gives them.
DECISIONS = [
    ("opinion-2021-03-29", DISTRICT, "2021-03-29", ("529 F. Supp. 3d 303",), "ded-31", ("leonard-p-stark",), C, L, C),
    ("opinion-2022-04-26", DISTRICT, "2022-04-26", (), None, ("leonard-p-stark",), C, C, C),
    ("opinion-2023-09-25", DISTRICT, "2023-09-25", ("694 F. Supp. 3d 467",), "ded-547", ("stephanos-bibas",), C, L, C),
    ("opinion-2023-09-28", DISTRICT, "2023-09-28", (), "ded-549", ("stephanos-bibas",), C, C, C),
    ("oral-rulings-2024-08-20", DISTRICT, "2024-08-20", (), None, (), L, L, L),
    ("order-2024-08", DISTRICT, "2024-08", (), None, (), L, L, L),
    ("opinion-2024-09", DISTRICT, "2024-09", (), None, ("stephanos-bibas",), L, L, U),  # a weak summary names him
    ("opinion-2025-02-11", DISTRICT, "2025-02-11", ("2025 WL 458520",), "ded-770", ("stephanos-bibas",), L, L, L),
    ("order-2025-04-04", DISTRICT, "2025-04-04", (), None, ("stephanos-bibas",), L, L, L),
    ("opinion-2025-05-23", DISTRICT, "2025-05-23", (), None, ("stephanos-bibas",), L, L, L),
    ("order-2025-06-17", APPEAL, "2025-06-17", (), None, ("judge-chung", "judge-phipps", "d-brooks-smith"), L, L, U),
]  # fmt: skip


def test_every_decision_of_the_sheet_and_no_other(records: ev.RecordSet) -> None:
    assert sorted(d.id for d in records.decisions) == sorted(row[0] for row in DECISIONS)
    for case_id in (DISTRICT, APPEAL):
        decided = [d.id for d in records.decisions_of(records.get(case_id, ev.Case))]
        assert decided == [row[0] for row in DECISIONS if row[1] == case_id]  # in date order


@pytest.mark.parametrize(
    ("id", "case", "date", "cites", "filing", "judges", "mark", "cites_mark", "judges_mark"), DECISIONS
)
def test_decisions_with_their_dates_cites_and_marks(
    records: ev.RecordSet,
    id: str,
    case: str,
    date: str,
    cites: tuple[str, ...],
    filing: str | None,
    judges: tuple[str, ...],
    mark: ev.Confidence,
    cites_mark: ev.Confidence,
    judges_mark: ev.Confidence,
) -> None:
    decision = records.get(id, ev.Decision)
    assert (decision.case, str(decision.date), decision.cites, decision.filing, decision.judges) == (
        case,
        date,
        cites,
        filing,
        judges,
    )
    assert (decision.confidence, decision.confidence_of("date")) == (mark, mark)
    assert decision.confidence_of("cites") is cites_mark
    assert decision.confidence_of("judges") is judges_mark


def test_the_reported_cites_parse_into_volume_reporter_and_page(records: ev.RecordSet) -> None:
    parsed = [ev.parse_cite(cite) for d in records.decisions for cite in d.cites]
    reporters = [(p.volume, p.reporter, p.page) for p in parsed if isinstance(p, ev.ReporterCite)]
    assert reporters == [(529, "F. Supp. 3d", 303), (694, "F. Supp. 3d", 467)]
    databases = [(p.year, p.database, p.number) for p in parsed if isinstance(p, ev.DatabaseCite)]
    assert databases == [(2025, "WL", 458520)]


def test_the_docket_number_as_each_opinion_prints_it(records: ev.RecordSet) -> None:
    printed = {d.id: d.docket_number for d in records.decisions if d.docket_number is not None}
    assert printed == {
        "opinion-2021-03-29": "20-613-LPS",  # "C.A. No. 20-613-LPS"
        "opinion-2022-04-26": "20-613-LPS",  # "C. A. 20-613-LPS"
        "opinion-2023-09-25": "1:20-cv-613-SB",
        "opinion-2023-09-28": "20-cv-613-SB",
    }
    assert records.get(DISTRICT, ev.Case).docket_number == "1:20-cv-00613-SB"  # the 2023 headers


# -- the appeal -----------------------------------------------------------------------------------


def test_the_appeal_has_no_caption_and_a_likely_docket_number(records: ev.RecordSet) -> None:
    appeal = records.get(APPEAL, ev.Case)
    assert appeal.caption is None  # the caption the Third Circuit prints is not known
    assert (appeal.court, appeal.docket_number, appeal.filed) == ("ca3", "25-2153", None)
    assert (appeal.confidence, appeal.confidence_of("docket_number")) == (L, L)
    (relation,) = appeal.relations
    assert (relation.rel, relation.case, relation.basis) == (
        ev.CaseRelationKind.APPEAL_FROM,
        DISTRICT,
        "28 U.S.C. § 1292(b)",
    )
    assert (str(relation.date), relation.filing, relation.confidence) == ("2025-06-17", "petition-2025-04-14", L)
    petition = records.get("petition-2025-04-14", ev.Filing)
    assert (petition.kind, str(petition.filed), petition.filed_by, petition.confidence) == (
        ev.FilingKind.PETITION,
        "2025-04-14",
        ("ross-intelligence",),
        L,
    )


def test_the_appeal_parties_are_likely_and_the_arguing_counsel_unverified(records: ev.RecordSet) -> None:
    appeal = records.get(APPEAL, ev.Case)
    parties = {(p.actor, p.role, p.confidence) for p in appeal.parties}
    assert parties == {
        ("ross-intelligence", ev.PartyRole.PETITIONER, L),
        ("ross-intelligence", ev.PartyRole.APPELLANT, L),
        ("thomson-reuters", ev.PartyRole.RESPONDENT, L),
        ("white-case", ev.PartyRole.COUNSEL, L),
        ("pillsbury", ev.PartyRole.COUNSEL, L),
        ("mark-s-davis", ev.PartyRole.COUNSEL, U),  # one machine-translated report
    }
    # "Dale M. Sendari" is printed by that report alone: no one is made Cendali's double on appeal.
    assert "dale-m-cendali" not in {p.actor for p in appeal.parties}


# The sheet: grant panel unverified (one AI-written digest), argument panel unverified (two aggregators).
PANELS = [
    ("judge-chung", "grant panel", "2025-06-17"),
    ("judge-phipps", "grant panel", "2025-06-17"),
    ("d-brooks-smith", "grant panel", "2025-06-17"),
    ("l-felipe-restrepo", "argument panel", "2026-06-11"),
    ("tamika-r-montgomery-reeves", "argument panel", "2026-06-11"),
    ("emil-j-bove", "argument panel", "2026-06-11"),
]


def test_the_panels_are_unverified(records: ev.RecordSet) -> None:
    appeal = records.get(APPEAL, ev.Case)
    assert [(j.actor, j.role, str(j.period)) for j in appeal.judges] == PANELS
    assert {j.confidence for j in appeal.judges} == {U}
    for actor, _, _ in PANELS:
        assert records.get(actor, ev.Actor).confidence is U, actor
    assert [(a.name) for a in (records.get(id, ev.Actor) for id in ("judge-chung", "judge-phipps"))] == [
        "Chung",
        "Phipps",
    ]  # no first name is given, and none is supplied


def test_the_argument_is_dated_and_its_place_is_not_a_value(records: ev.RecordSet) -> None:
    appeal = records.get(APPEAL, ev.Case)
    (argument,) = [e for e in appeal.events if e.kind is ev.CaseEventKind.ORAL_ARGUMENT]
    assert (str(argument.date), argument.confidence, argument.place) == ("2026-06-11", L, None)
    # Pending, with no start: when the appeal was docketed is not known.
    assert [(s.status, s.since, s.confidence) for s in appeal.status_history] == [(ev.CaseStatus.PENDING, None, L)]


# -- what the sheet says is not known ------------------------------------------------------------

# The sheet's key filings, with the mark of each number: no other docket entry number is given.
ECF_NUMBERS = {1: C, 11: L, 15: C, 17: C, 24: C, 31: C, 547: C, 549: C, 770: L}


def test_no_docket_entry_number_the_sheet_does_not_give(records: ev.RecordSet) -> None:
    numbered = {f.ecf: f for f in records.filings if f.ecf is not None}
    assert sorted(numbered) == sorted(ECF_NUMBERS)
    for number, mark in ECF_NUMBERS.items():
        assert numbered[number].confidence_of("ecf") is mark, number
        assert numbered[number].case == DISTRICT  # no Third Circuit entry number is known
    # The Order filed with the 2025-02-11 opinion, and the orders and opinions after it, have none.
    assert [f.id for f in records.filings if str(f.filed) == "2025-02-11"] == ["ded-770"]
    for id in ("order-2025-04-04", "opinion-2025-05-23", "order-2024-08", "opinion-2024-09", "opinion-2022-04-26"):
        assert records.get(id, ev.Decision).filing is None, id
    for id in ("ross-1292b-motion", "tr-1292b-opposition", "tr-renewed-motion-2024-10-01"):
        assert records.get(id, ev.Filing).ecf is None, id


def test_no_reporter_cite_page_or_pinpoint_the_sheet_does_not_give(records: ev.RecordSet) -> None:
    for decision in records.decisions:
        if decision.id not in {"opinion-2021-03-29", "opinion-2023-09-25", "opinion-2025-02-11"}:
            assert decision.cites == (), decision.id
    assert not any("F. Supp." in cite for cite in records.get("opinion-2025-02-11", ev.Decision).cites)
    assert not any("WL" in cite for cite in records.get("opinion-2023-09-25", ev.Decision).cites)
    assert records.get("ded-770", ev.Filing).pages is None
    for id, quote in all_quotes(records):
        if quote.page is not None or quote.paragraph is not None:  # only the complaint and D.I. 547 are pinned
            assert id in {"ded-547", "ded-1"}, (id, quote.exact)


def test_no_identifier_the_sheet_does_not_give(records: ev.RecordSet) -> None:
    assert all(case.nature_of_suit is None for case in records.cases)
    assert dict(records.get(DISTRICT, ev.Case).identifiers) == {"justia": "72109"}
    assert dict(records.get(APPEAL, ev.Case).identifiers) == {}


# Days the sheet does not know: the month, or an open interval ending on the day a report came out
# ("Tuesday", "Thursday" are not turned into dates).
UNDATED_DAYS = [
    ("ded-11", "2020-07"),
    ("ross-answer-2020-12", "2020-12"),
    ("ross-1292b-motion", "2025-03"),
    ("tr-1292b-opposition", "../2025-04-02"),
    ("tr-answer-to-petition", "../2025-04-25"),
    ("ross-opening-brief", "2025-09"),
    ("tr-brief", "2025-11"),
]


@pytest.mark.parametrize(("id", "filed"), UNDATED_DAYS)
def test_no_day_the_sheet_does_not_give(records: ev.RecordSet, id: str, filed: str) -> None:
    assert str(records.get(id, ev.Filing).filed) == filed


def test_no_outcome_of_the_appeal(records: ev.RecordSet) -> None:
    appeal = records.get(APPEAL, ev.Case)
    decided = records.decisions_of(appeal)
    assert [(d.id, d.kind) for d in decided] == [("order-2025-06-17", ev.DecisionKind.ORDER)]  # the grant only
    assert appeal.status is ev.CaseStatus.PENDING and appeal.closed is None
    assert not any(c.statement.startswith("The Third Circuit") for c in records.claims)


def test_no_trap_of_the_sheet_is_repeated(records: ev.RecordSet) -> None:
    text = json.dumps(json.loads(ev.dumps(records)), ensure_ascii=False).casefold()
    for trap in ("verdict", "legalworks", "bench trial", "studicata", "tokentoday", "briefly.co", "vivodoc"):
        assert trap not in text, trap
    # "a trial in December 2024" appears once: in the note that rejects it.
    assert text.count("december 2024") == 1
    assert "is wrong" in (records.get("aifray-509", ev.Source).notes or "")
    # The Sept. 2024 ruling is not Judge Stark's, and the suit was filed in May 2020, not December.
    assert "leonard-p-stark" not in records.get("opinion-2024-09", ev.Decision).judges
    assert str(records.get(DISTRICT, ev.Case).filed) == "2020-05-06"


# -- the claims and their speakers ----------------------------------------------------------------

# (id, speaker, status, mark) for every claim, as the example gives them.
CLAIMS = [
    ("claim-ross-rushed-competing-product", "thomson-reuters", "alleged", C),  # Q1, the complaint
    ("claim-two-counts", "thomson-reuters", "alleged", C),
    ("claim-allegations-false", "andrew-arruda", "reported", L),  # Q16
    ("claim-litigation-as-weapon", "ross-intelligence", "reported", L),
    ("claim-ross-shut-down", "legal-it-insider", "reported", L),
    ("claim-legalease-bulk-memos", "legal-it-insider", "reported", L),
    ("claim-legalease-consent-judgment", "lawsites", "reported", L),
    ("claim-motion-to-dismiss-denied", "leonard-p-stark", "found", C),  # Q2
    ("claim-2022-counterclaims", "leonard-p-stark", "found", L),  # that it is this opinion is inferred
    ("claim-2023-facts-messy", "stephanos-bibas", "found", C),  # Q3
    ("claim-2023-facts-disputed", "stephanos-bibas", "found", C),  # Q4
    ("claim-2023-left-for-jury", "stephanos-bibas", "found", L),
    ("claim-2024-tying-counterclaim", "stephanos-bibas", "found", L),
    ("claim-2025-opinion-revised", "stephanos-bibas", "found", L),  # Q5
    ("claim-2025-headnotes-original", "stephanos-bibas", "found", L),  # Q6
    ("claim-2025-headnote-counts", "stephanos-bibas", "found", L),
    ("claim-2025-defenses-rejected", "stephanos-bibas", "found", L),  # Q7
    ("claim-2025-not-transformative", "stephanos-bibas", "found", L),  # Q8
    ("claim-2025-market-effect", "stephanos-bibas", "found", L),  # Q9
    ("claim-2025-fair-use-factors", "stephanos-bibas", "found", L),
    ("claim-2025-not-generative", "stephanos-bibas", "found", L),  # Q10
    ("claim-2025-only-non-generative", "stephanos-bibas", "found", U),  # Q11, an aggregator only
    ("claim-first-major-ai-case", "wired", "reported", L),
    ("claim-bibas-district-judge", "wired", "reported", U),
    ("claim-music-publishers-supplemental-authority", "bloomberg", "reported", L),
    ("claim-certification-grounds", "stephanos-bibas", "found", L),  # Q14
    ("claim-certified-questions", "stephanos-bibas", "found", L),
    ("claim-questions-hard", "stephanos-bibas", "found", L),  # Q15
    ("claim-astm-holding", "lawsites", "reported", L),
    ("claim-astm-supports-ross", "ross-intelligence", "alleged", L),
    ("claim-astm-supports-thomson-reuters", "thomson-reuters", "alleged", L),
]


def test_every_claim_is_in_the_table(records: ev.RecordSet) -> None:
    assert [c.id for c in records.claims] == [row[0] for row in CLAIMS]


@pytest.mark.parametrize(("id", "speaker", "status", "mark"), CLAIMS)
def test_each_claim_has_its_speaker_status_and_mark(
    records: ev.RecordSet, id: str, speaker: str, status: str, mark: ev.Confidence
) -> None:
    claim = records.get(id, ev.Claim)
    assert (claim.asserted_by, claim.status.value, claim.confidence) == (speaker, status, mark)
    assert isinstance(records.get(speaker, ev.Actor), ev.Actor)


def test_a_finding_rests_on_a_decision_of_its_judge_and_day(records: ev.RecordSet) -> None:
    found = [c for c in records.claims if c.status is ev.ClaimStatus.FOUND]
    assert [c.id for c in found] == [row[0] for row in CLAIMS if row[2] == "found"]
    for claim in found:
        decisions = [
            records.get(link.record, ev.Decision)
            for link in claim.evidence
            if link.role is ev.EvidenceRole.SUPPORTS and isinstance(records[link.record], ev.Decision)
        ]
        assert decisions, claim.id
        assert any(claim.asserted_by in d.judges and d.date == claim.asserted_on for d in decisions), claim.id
    # Only a weak summary names the judge of the Sept. 2024 ruling: the speaker is no surer.
    assert records.get("claim-2024-tying-counterclaim", ev.Claim).confidence_of("asserted_by") is U


def test_wireds_district_judge_is_contradicted_by_the_signature_line(records: ev.RecordSet) -> None:
    claim = records.get("claim-bibas-district-judge", ev.Claim)
    roles = [(link.record, link.role, link.quote.exact if link.quote else None) for link in claim.evidence]
    assert roles == [
        ("wired-2025-02-11", ev.EvidenceRole.SUPPORTS, "US District Court of Delaware judge Stephanos Bibas"),
        ("ded-547", ev.EvidenceRole.CONTRADICTS, "BIBAS, Circuit Judge, sitting by designation."),
    ]


def test_the_two_bibas_sentences_of_2025_are_not_merged(records: ev.RecordSet) -> None:
    # Q14 ("remain confident … summary judgment") and Q15 ("still confident … summary-judgment").
    grounds = records.get("claim-certification-grounds", ev.Claim)
    hard = records.get("claim-questions-hard", ev.Claim)
    assert "remain confident in my February 2025 summary judgment opinion" in (grounds.notes or "")
    (quote,) = [link.quote for link in hard.evidence if link.quote is not None]
    assert quote.exact.startswith("Though I am still confident in my February 2025 summary-judgment opinion")
    assert {link.record for link in grounds.evidence} & {link.record for link in hard.evidence} == set()


# -- no mark above the sheet's ------------------------------------------------------------------

# (record id, field or None for the record, the sheet's mark). The example may mark lower, never higher.
SHEET_MARKS = [
    (DISTRICT, None, C),
    (DISTRICT, "short_name", L),  # short names as printed: likely
    (DISTRICT, "status", L),
    (APPEAL, None, L),
    (APPEAL, "docket_number", L),
    (APPEAL, "status", L),
    ("ded-11", None, L),
    ("ded-770", None, L),  # the number from one repost of IPKat
    ("ded-770", "ecf", L),
    ("ross-answer-2020-12", None, L),
    ("tr-renewed-motion-2024-10-01", None, L),
    ("ross-1292b-motion", None, L),
    ("tr-1292b-opposition", None, L),
    ("petition-2025-04-14", None, L),
    ("tr-answer-to-petition", None, L),
    ("ross-opening-brief", None, L),
    ("tr-brief", None, L),
    ("clerk-order-2026-04-27", None, L),
    ("ross-supplemental-brief", None, L),
    ("tr-supplemental-brief", None, L),
    ("opinion-2021-03-29", "cites", L),
    ("opinion-2023-09-25", "cites", L),
    ("opinion-2024-09", "judges", U),
    ("opinion-2025-02-11", None, L),
    ("opinion-2025-02-11", "cites", L),
    ("order-2025-04-04", None, L),
    ("opinion-2025-05-23", None, L),
    ("order-2025-06-17", None, L),
    ("order-2025-06-17", "judges", U),
    ("stephanos-bibas", "description", L),
    ("andrew-arruda", None, L),
    ("legalease-solutions", None, L),
    ("white-case", None, L),
    ("pillsbury", None, L),
    ("mark-s-davis", None, U),
    ("arruda-2020-05", None, L),
    ("ross-shutdown-2020-12-11", None, L),
    ("tr-statement-2025-02-11", None, L),  # Q12
    ("claim-2025-only-non-generative", None, U),  # Q11
    ("claim-2024-tying-counterclaim", "asserted_by", U),
]


@pytest.mark.parametrize(("id", "field", "sheet"), SHEET_MARKS)
def test_no_mark_above_the_sheets(records: ev.RecordSet, id: str, field: str | None, sheet: ev.Confidence) -> None:
    record = records[id]
    mark = record.confidence if field is None else record.confidence_of(field)
    assert mark.rank <= sheet.rank, (id, field, mark)
    assert mark is sheet  # and the example keeps the sheet's mark: it has no reason to go lower


# The weak sources of the sheet (W1-W5; W6 is not used): whatever rests on them alone is unverified.
WEAK = {"lawsnap-tracker", "yourai-188858", "nquiringminds-digest", "atlanticaboreal-post", "whatthefuture-blog"}


def test_whatever_a_weak_source_says_is_unverified(records: ev.RecordSet) -> None:
    for id in WEAK:
        assert records.get(id, ev.Source).confidence is U, id
    seen = 0
    for message in records.messages:
        for attestation in message.attestations:
            if attestation.source in WEAK:
                seen += 1
                assert attestation.confidence is U, (message.id, attestation.quote.exact)
    for claim in records.claims:
        for link in claim.evidence:
            if link.record in WEAK:
                seen += 1
                assert link.confidence is U, (claim.id, link.record)
    assert seen == 3  # Q13's two passages, and Q11


def test_a_secondary_report_is_never_the_ground_of_a_confirmed_record(records: ev.RecordSet) -> None:
    # Records known only from reports (a derived_from link and no stored or primary copy) stay likely.
    checked = []
    for record in records:
        reports = [link for link in record.links if link.rel is ev.LinkRel.DERIVED_FROM]
        primary = getattr(record, "url", None) or getattr(record, "text_file", None) or getattr(record, "filing", None)
        if reports and not primary:
            checked.append(record.id)
            assert record.confidence is not C, record.id
    assert {"ded-770", "order-2025-04-04", "petition-2025-04-14"} <= set(checked)


def test_the_certification_rests_on_section_1292_b_at_the_reports_mark(records: ev.RecordSet) -> None:
    # The sheet: "interlocutory appeal by permission under 28 U.S.C. § 1292(b)", likely (S10, S11).
    (provision,) = records.provisions
    assert (provision.code, provision.title, provision.section, provision.year) == ("U.S.C.", "28", "1292(b)", None)
    assert provision.confidence is L  # never above the sheet's mark; no edition year is invented
    based = sorted(c.id for c in records.claims if provision.id in c.legal_basis)
    assert based == ["claim-certification-grounds", "claim-certified-questions"]
    assert ev.cite(provision, records=records, marks=True) == "28 U.S.C. § 1292(b) [likely]."
