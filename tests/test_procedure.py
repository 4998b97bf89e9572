"""A case's procedural history: judges over time, appeals and other related cases, parties of
appeals, counterclaims and class actions, counsel, classes, hearings and settlement steps, and the
status over time. All about a made-up pair of cases, Roe v. Widget Co. and its appeal."""

from __future__ import annotations

from pathlib import Path

import attrs
import pytest

import evidence as ev
from evidence._cli import main

C, L, U = ev.Confidence.CONFIRMED, ev.Confidence.LIKELY, ev.Confidence.UNVERIFIED

# A made-up class action, reassigned to a judge sitting by designation, with an interlocutory
# appeal whose docket number is not known yet, and a settlement approved in stages.
STORY = """\
evidence: 2
cases:
  - id: roe-v-widget
    caption: SAM ROE, on behalf of himself and all others similarly situated, Plaintiff, v. WIDGET CO., Defendant
    name: Roe v. Widget Co.
    court: cand
    docket_number: 3:24-cv-01234-AB
    filed: '2024-03-01'
    status: stayed
    judges:
      - actor: ann-baker
        role: district judge
        initials: AB
        period: 2024-03-01/2025-02-10
        confidence: confirmed
        note: Reassigned when she took senior status.
      - actor: carl-diaz
        role: district judge
        designation: Circuit Judge, sitting by designation
        initials: CD
        period: 2025-02-10/..
        confidence: likely
    parties:
      - actor: sam-roe
        role: class_representative
        confidence: confirmed
      - actor: widget
        role: defendant
        as_printed: Defendant, Counterclaimant
        confidence: confirmed
      - actor: lee-park
        role: counsel
        represents:
          - sam-roe
        period: 2024-03-01/2025-06-30
        confidence: confirmed
      - actor: pat-quinn
        role: objector
        added: '2025-09-15'
    classes:
      - definition: All persons in the United States whose works were copied by Widget Co.
        name: the copied-works class
        proposed: '2025-01-10'
        certified: '2025-04-01'
        order: roe-ecf-88
        representatives:
          - sam-roe
        counsel:
          - lee-park
        confidence: confirmed
    events:
      - kind: hearing
        date: '2025-03-20'
        title: Hearing on class certification
        ruling: The court certified the class from the bench; a written order to follow.
        judges:
          - carl-diaz
        confidence: likely
      - kind: preliminary_approval
        date: '2025-08-01'
        filing: roe-ecf-120
        confidence: confirmed
      - kind: opt_out_deadline
        date: '2025-10-01'
        confidence: confirmed
      - kind: fairness_hearing
        date: 2025-11
        place: San Francisco
    status_history:
      - status: pending
        since: '2024-03-01'
        confidence: confirmed
      - status: stayed
        since: '2025-05-02'
        filing: roe-ecf-101
        confidence: likely
    confidence: confirmed
  - id: roe-v-widget-appeal
    caption: SAM ROE, Plaintiff-Appellee, v. WIDGET CO., Defendant-Appellant
    name: Roe v. Widget Co.
    court: ca9
    parties:
      - actor: widget
        role: appellant
        confidence: likely
      - actor: sam-roe
        role: appellee
        confidence: likely
    relations:
      - rel: appeal_from
        case: roe-v-widget
        basis: 28 U.S.C. § 1292(b)
        date: '2025-05-02'
        filing: roe-ecf-101
        confidence: likely
    confidence: likely
    notes: Permission to appeal was granted; the appellate docket number is not known yet.
actors:
  - {id: ann-baker, name: Ann Baker, kind: person, confidence: confirmed}
  - {id: carl-diaz, name: Carl Diaz, kind: person, confidence: confirmed}
  - {id: sam-roe, name: Sam Roe, kind: person, confidence: confirmed}
  - {id: widget, name: Widget Co., kind: organization, confidence: confirmed}
  - {id: lee-park, name: Lee Park, kind: person, confidence: confirmed}
  - {id: pat-quinn, name: Pat Quinn, kind: person, confidence: confirmed}
filings:
  - {id: roe-ecf-88, case: roe-v-widget, ecf: 88, kind: order, filed: '2025-04-01', confidence: confirmed}
  - {id: roe-ecf-101, case: roe-v-widget, ecf: 101, kind: order, filed: '2025-05-02', confidence: confirmed}
  - {id: roe-ecf-120, case: roe-v-widget, ecf: 120, kind: order, filed: '2025-08-01', confidence: confirmed}
  - id: roe-appeal-petition
    case: roe-v-widget-appeal
    kind: petition
    title: Petition for Permission to Appeal
    filed: '2025-05-12'
    confidence: likely
"""


@pytest.fixture
def story(tmp_path: Path) -> Path:
    path = tmp_path / "roe.yaml"
    path.write_text(STORY, encoding="utf-8")
    return path


def test_the_history_loads_and_means_what_it_says(story: Path) -> None:
    records = ev.load(story)
    district = records.get("roe-v-widget", ev.Case)
    baker, diaz = district.judges
    assert (baker.period, baker.confidence) == (ev.parse_date("2024-03-01/2025-02-10"), C)
    assert diaz.designation == "Circuit Judge, sitting by designation" and diaz.period.open_end  # still on the case
    roles = {(p.actor, p.role) for p in district.parties}
    assert {("sam-roe", ev.PartyRole.CLASS_REPRESENTATIVE), ("lee-park", ev.PartyRole.COUNSEL)} <= roles
    (counsel,) = [p for p in district.parties if p.role is ev.PartyRole.COUNSEL]
    assert counsel.represents == ("sam-roe",)
    objector = next(p for p in district.parties if p.role is ev.PartyRole.OBJECTOR)
    assert objector.confidence is U  # says no mark: unverified
    (certified,) = district.classes
    assert (certified.certified, certified.order, certified.representatives) == (
        ev.parse_date("2025-04-01"),
        "roe-ecf-88",
        ("sam-roe",),
    )
    hearing, approval, opt_out, fairness = district.events
    assert hearing.kind is ev.CaseEventKind.HEARING and hearing.ruling.startswith("The court certified")
    assert [e.kind for e in (approval, opt_out, fairness)] == [
        ev.CaseEventKind.PRELIMINARY_APPROVAL,
        ev.CaseEventKind.OPT_OUT_DEADLINE,
        ev.CaseEventKind.FAIRNESS_HEARING,
    ]
    assert [s.status for s in district.status_history] == [ev.CaseStatus.PENDING, ev.CaseStatus.STAYED]
    appeal = records.get("roe-v-widget-appeal", ev.Case)
    assert appeal.docket_number is None  # not known yet, and not invented
    (relation,) = appeal.relations
    assert (relation.rel, relation.case, relation.basis) == (
        ev.CaseRelationKind.APPEAL_FROM,
        "roe-v-widget",
        "28 U.S.C. § 1292(b)",
    )
    assert records.get("roe-appeal-petition", ev.Filing).kind is ev.FilingKind.PETITION


def test_the_history_reads_the_same_in_every_format(story: Path, tmp_path: Path) -> None:
    records = ev.load(story)
    for suffix in ("json", "jsonl", "yaml"):
        ev.dump(records, tmp_path / f"again.{suffix}")
        assert ev.load(tmp_path / f"again.{suffix}") == records


def test_every_reference_of_the_history_is_checked(story: Path) -> None:
    broken = story.read_text(encoding="utf-8").replace(
        "case: roe-v-widget\n        basis", "case: roe-v-wigdet\n        basis"
    )
    story.write_text(broken, encoding="utf-8")
    findings = [(f.code, f.path, f.message, f.hint) for f in ev.check(story).findings if f.code.startswith("R")]
    assert findings == [
        ("R001", "$.cases[1].relations[0].case", "no case has the id 'roe-v-wigdet'", "did you mean 'roe-v-widget'?")
    ]


def test_an_appeal_with_no_docket_number_is_not_cited_with_an_invented_one(story: Path) -> None:
    records = ev.load(story)
    with pytest.raises(ev.UsageError, match="case 'roe-v-widget-appeal' has no docket_number"):
        ev.cite(records["roe-v-widget-appeal"], records=records)
    found = [(f.code, f.message) for f in ev.check(story).findings if f.record == "roe-v-widget-appeal"]
    assert ("Y001", "a citation of this case needs docket_number, filed") in found
    shown = ev.RecordSet(records)
    assert "Roe v. Widget Co., docket number not known" in _show(shown, story)


def _show(records: ev.RecordSet, path: Path) -> str:
    import contextlib
    import io

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["show", str(path)]) == 0
    return out.getvalue()


def test_the_cast_gives_each_role_with_its_party_and_period(story: Path) -> None:
    members = {member.id: member for member in ev.cast(ev.load(story))}
    assert members["lee-park"].roles == ("counsel for Sam Roe in Roe v. Widget Co.",)
    assert members["widget"].roles == (
        "Defendant, Counterclaimant in Roe v. Widget Co.",
        "appellant in Roe v. Widget Co.",
    )
    assert members["carl-diaz"].roles == (
        "Circuit Judge, sitting by designation (on or after Feb. 10, 2025) in Roe v. Widget Co.",
    )
    assert members["carl-diaz"].confidence is L  # the assignment is only likely
    assert members["pat-quinn"].confidence is U  # the objector's role says no mark


def test_the_timeline_shows_the_history_each_row_at_its_own_mark(story: Path) -> None:
    events = [(e.kind, e.label, e.confidence) for e in ev.timeline(ev.load(story)) if e.record.startswith("roe-v")]
    assert ("judge assigned", "Mar. 1, 2024", C) in events
    assert ("judge assigned", "Feb. 10, 2025", L) in events  # the assignment is only likely
    assert ("case related", "May 2, 2025", L) in events
    assert ("class certified", "Apr. 1, 2025", C) in events
    assert ("hearing", "Mar. 20, 2025", L) in events
    assert ("fairness hearing", "Nov. 2025", U) in events  # says no mark
    assert ("status stayed", "May 2, 2025", L) in events
    (hearing,) = [e for e in ev.timeline(ev.load(story)) if e.kind == "hearing"]
    assert hearing.title.endswith("ruled: The court certified the class from the bench; a written order to follow.")


def test_a_sealing_event_is_as_sure_as_its_own_mark(tmp_path: Path) -> None:
    filing = ev.Filing(
        id="f", case="c", ecf=9, filed="2025-01-02", confidence=C,
        sealing=[ev.SealingEvent(action="unsealed", date="2025-02-03", confidence=L)],
    )  # fmt: skip
    (unsealed,) = [e for e in ev.timeline([filing]) if e.kind == "filing unsealed"]
    assert unsealed.confidence is L


def test_a_decision_is_cited_as_its_case_at_that_decision_and_keeps_its_history() -> None:
    case = ev.Case(
        id="roe", caption="Roe v. Widget Co.", name="Roe v. Widget Co.", court="cand", docket_number="3:24-cv-01234",
        filed="2024-03-01", confidence=C,
    )  # fmt: skip
    first = ev.Decision(
        id="roe-op-1", case="roe", date="2024-09-25", kind="opinion", cites=["123 F. Supp. 3d 456"], confidence=C,
        history=[ev.DecisionHistory(rel="superseded", decision="roe-op-2", confidence=L)],
    )  # fmt: skip
    second = ev.Decision(id="roe-op-2", case="roe", date="2025-02-11", cites=["2025 WL 99"], confidence=C)
    records = ev.RecordSet([case, first, second])
    assert records.decisions_of(case) == (first, second)
    assert (
        ev.cite(first, records=records)
        == ev.cite(case, records=records, decision="roe-op-1")
        == ("Roe v. Widget Co., 123 F. Supp. 3d 456 (N.D. Cal. 2024).")
    )
    assert ev.cite(second, records=records, pin="*3") == (
        "Roe v. Widget Co., No. 3:24-cv-01234, 2025 WL 99, at *3 (N.D. Cal. Feb. 11, 2025)."
    )
    with pytest.raises(ev.UsageError, match="decision= names a decision of a case"):
        ev.cite(first, records=records, decision=0)
    (history,) = first.history
    assert (history.rel, history.decision) == (ev.HistoryRel.SUPERSEDED, "roe-op-2")
    # A finding rests on the decision itself (L004), and the history names a decision (R002).
    claim = ev.Claim(
        id="k", statement="x", status="found", confidence=C, evidence=[ev.EvidenceLink(record="roe-op-2", confidence=C)]
    )
    assert [f.code for f in ev.check(ev.RecordSet([*records, claim])).findings if f.code.startswith(("L", "R"))] == []
    wrong = attrs.evolve(first, history=[ev.DecisionHistory(rel="affirmed", decision="roe")])
    codes = [f.code for f in ev.check(ev.RecordSet([case, wrong, second])).findings]
    assert "R002" in codes


# R11: a decision in a reporter is cited by volume and page, with the year only; one in a
# database keeps its docket number and exact date (R11.3 short forms after each).
ROE = ev.Case(id="roe", name="Roe v. Widget Co.", short_name="Roe", court="cand", docket_number="3:24-cv-01234",
              confidence=C)  # fmt: skip
REPORTED = ev.Decision(id="roe-op", case="roe", date="2024-09-25", cites=["123 F. Supp. 3d 456"], confidence=C)
IN_WL = ev.Decision(id="roe-wl", case="roe", date="2025-02-11", cites=["2025 WL 99"], confidence=C)


@pytest.mark.parametrize(
    ("decision", "form", "pin", "expected"),
    [
        (REPORTED, "full", None, "Roe v. Widget Co., 123 F. Supp. 3d 456 (N.D. Cal. 2024)."),
        (REPORTED, "full", "460", "Roe v. Widget Co., 123 F. Supp. 3d 456, 460 (N.D. Cal. 2024)."),
        (REPORTED, "full", "460–61", "Roe v. Widget Co., 123 F. Supp. 3d 456, 460–61 (N.D. Cal. 2024)."),
        (REPORTED, "short", "460", "Roe, 123 F. Supp. 3d at 460."),
        (REPORTED, "short", None, "Roe, 123 F. Supp. 3d 456."),
        (IN_WL, "full", "*3", "Roe v. Widget Co., No. 3:24-cv-01234, 2025 WL 99, at *3 (N.D. Cal. Feb. 11, 2025)."),
        (IN_WL, "short", "*3", "Roe, 2025 WL 99, at *3."),
    ],
    ids=["reporter", "reporter-pin", "reporter-range", "reporter-short", "reporter-short-no-pin", "wl", "wl-short"],
)
def test_a_reported_decision_is_cited_by_volume_page_and_year(
    decision: ev.Decision, form: str, pin: str | None, expected: str
) -> None:
    records = ev.RecordSet([ROE, REPORTED, IN_WL])
    assert ev.cite(decision, records=records, form=form, pin=pin) == expected


def test_a_court_known_to_courts_db_is_confirmed() -> None:
    # courts-db is the record of the court: a citation with marks flags nothing of it.
    records = ev.RecordSet([ROE, IN_WL])
    assert records.court_of(ROE).confidence is C
    assert ev.cite(IN_WL, records=records, marks=True) == ev.cite(IN_WL, records=records)


def test_a_case_whose_caption_is_not_known_loads_and_is_cited_by_its_name(tmp_path: Path) -> None:
    path = tmp_path / "appeal.yaml"
    path.write_text(
        "evidence: 2\ncases:\n  - id: roe-appeal\n    name: Roe v. Widget Co.\n    court: ca9\n"
        "    docket_number: 25-0001\n    confidence: likely\n",
        encoding="utf-8",
    )
    records = ev.load(path)
    appeal = records.get("roe-appeal", ev.Case)
    assert appeal.caption is None
    assert ev.cite(appeal, records=records).startswith("Roe v. Widget Co., No. 25-0001 (9th Cir.")
    assert [f.code for f in ev.check(path).findings if f.severity is ev.Severity.ERROR] == []


def test_a_petition_is_cited_as_one_and_a_description_is_never_a_title() -> None:
    petition = ev.Filing(
        id="roe-pet", case="roe", kind="petition", filed="2025-04-14", confidence=C,
        description="Widget Co.'s petition for permission to appeal",
    )  # fmt: skip
    records = ev.RecordSet([ROE, petition])
    assert ev.cite(petition, records=records) == "Pet., Roe v. Widget Co., No. 3:24-cv-01234 (N.D. Cal. Apr. 14, 2025)."
    # Lists and timelines, which say what a record is, show the description.
    (event,) = ev.timeline(records)
    assert event.title == "Widget Co.'s petition for permission to appeal"


APPEAL = ev.Case(
    id="roe-appeal", name="Roe v. Widget Co.", court="ca9", docket_number="25-0001", confidence=C,
    events=[ev.CaseEvent(kind="oral_argument", date="2026-06-11", confidence=L)],
)  # fmt: skip
UNSIGNED = ev.Source(id="s", kind="web_page", url="https://www.widgetnews.example/post/1", confidence=C)
HYPHENATED = ev.Source(
    id="h", kind="news_article", title="Widget Co. wins ruling against one-time rival", publication="Widget News",
    published="2025-02-11", confidence=C,
)  # fmt: skip


@pytest.mark.parametrize(
    ("record", "style", "form", "marks", "expected"),
    [
        (APPEAL, "bluebook", "full", False, "Roe v. Widget Co., No. 25-0001 (9th Cir. argued June 11, 2026)."),
        (APPEAL, "bluebook", "full", True, "Roe v. Widget Co., No. 25-0001 (9th Cir. argued June 11, 2026 [likely])."),
        (UNSIGNED, "apa", "full", False, "Widgetnews.example. (n.d.). [Untitled web page]. https://www.widgetnews.example/post/1"),
        (UNSIGNED, "chicago", "bibliography", False, "https://www.widgetnews.example/post/1."),
        (HYPHENATED, "chicago", "full", False,
         '"Widget Co. Wins Ruling against One-Time Rival," Widget News, February 11, 2025.'),
    ],
    ids=[
        "R10.8.1 an appeal dated by its argument",
        "R10.8.1 the argument's own mark",
        "APA 9.12 an unsigned untitled page named by its site, never its id",
        "CMOS 14.206 an address is printed as it is, not capitalized",
        "CMOS 8.161 each element of a hyphenated compound capitalized",
    ],
)  # fmt: skip
def test_citations_of_what_the_second_example_showed(
    record: ev.Record, style: str, form: str, marks: bool, expected: str
) -> None:
    records = ev.RecordSet([record])
    assert ev.cite(record, records=records, style=style, form=form, marks=marks) == expected


def test_t6_abbreviates_enterprise_and_center() -> None:
    case = ev.Case(id="w", name="Widget Enterprise Centre GmbH v. Roe Center, Inc.", court="cand",
                   docket_number="1", filed="2024-01-02", confidence=C)  # fmt: skip
    assert ev.cite(case, records=ev.RecordSet([case])).startswith("Widget Enter. Ctr. GmbH v. Roe Ctr., Inc.,")


# The name a citation gives a case comes from its caption when the record has no name (R11.5),
# and R11.5.6 applies to a name given outright: rows 1 and 2 of the shared table.
@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"caption": "RICHARD ROE, et al., Plaintiffs, v. WIDGET MAKERS, INC., Defendant"},
         "Roe v. Widget Makers, Inc., No. 1 (N.D. Cal. filed Jan. 2, 2024)."),
        ({"name": "Acme Widget Co., Inc. v. John Roe"}, "Acme Widget Co. v. John Roe, No. 1 (N.D. Cal. filed Jan. 2, 2024)."),
        ({"caption": "ACME WIDGET CO., INC., Plaintiff, v. JOHN ROE, Defendant"},
         "Acme Widget Co. v. Roe, No. 1 (N.D. Cal. filed Jan. 2, 2024)."),
    ],
    ids=["R11.5 the name from the caption", "R11.5.6 a business named twice, in a given name",
         "R11.5.6 and R11.5.1 from the caption"],
)  # fmt: skip
def test_a_case_is_named_from_its_caption_when_it_has_no_name(fields: dict[str, str], expected: str) -> None:
    case = ev.Case(id="c", court="cand", docket_number="1", filed="2024-01-02", confidence=C, **fields)
    assert ev.cite(case, records=ev.RecordSet([case])) == expected


def test_a_case_with_neither_name_nor_caption_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "case.yaml"
    path.write_text("evidence: 2\ncases:\n  - id: c\n    court: cand\n", encoding="utf-8")
    with pytest.raises(ev.LoadError) as raised:
        ev.load(path)
    assert "case.yaml:3:5" in str(raised.value) and "a case needs a name or a caption" in str(raised.value)
