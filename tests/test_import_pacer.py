"""PACER in, on real pages (tests/data/pacer, from juriscraper): every docket report, district
and appellate, as HTML and as juriscraper's JSON, and every attachment page; the mappings of
party types and entry texts as tables; bad files refused with the file named, nothing written."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import evidence as ev
from evidence._cli import main
from tests.conftest import ROOT

pytest.importorskip("juriscraper", reason="the PACER importer parses HTML with juriscraper (evidence[pacer])")

DATA = Path(__file__).parent / "data" / "pacer"
# juriscraper's JSON of these two is {}: a browser extension's menu and CM/ECF's error page.
NOT_DOCKETS = {"canb_1", "dcd_2"}
DOCKETS = sorted(
    path
    for folder in ("district", "appellate")
    for path in (DATA / folder).glob("*.json")
    if path.stem not in NOT_DOCKETS
)
ATTACHMENT_PAGES = sorted((DATA / "attachment_pages").glob("*.json"))
# Pages that name their court nowhere a reader can find it (no ecf.<court> link, no title): the
# court is given, as a user gives --court.
COURT_GIVEN = {"dcd_1"}


def _json(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def _court(path: Path) -> str | None:
    return str(_json(path.with_suffix(".json"))["court_id"]) if path.stem in COURT_GIVEN else None


def _errors(records: ev.RecordSet) -> list[ev.Finding]:
    return [finding for finding in ev.check(records).findings if finding.severity is ev.Severity.ERROR]


def _case(records: ev.RecordSet) -> ev.Case:
    cases = [case for case in records.of_kind(ev.Case) if not case.field_confidence.get("caption")]
    assert len(cases) == 1
    return cases[0]


@pytest.mark.parametrize("path", DOCKETS, ids=lambda path: f"{path.parent.name}/{path.stem}")
def test_every_docket_imports_whole_and_checks_clean(path: Path) -> None:
    data = _json(path)
    records = ev.import_pacer([path.with_suffix(".html")], court=_court(path))
    case = _case(records)
    assert case.court == data["court_id"]
    assert case.docket_number == data["docket_number"]
    assert case.caption == " ".join(data["case_name"].split())
    filings = [filing for filing in records.of_kind(ev.Filing) if filing.case == case.id]
    assert len(filings) == len(data["docket_entries"])
    # Every entry number as printed: the plain ones as ECF numbers, the others verbatim.
    printed = [entry["document_number"] for entry in data["docket_entries"]]
    kept = [str(f.ecf) if f.ecf is not None else f.entry for f in filings]
    assert kept == printed
    assert all(
        f.docket_text == (e["description"].strip() or None)
        for f, e in zip(filings, data["docket_entries"], strict=True)
    )
    parties = [party for party in case.parties if party.role is not ev.PartyRole.COUNSEL]
    assert len(parties) == len(data["parties"])
    # The report's Source is every record's provenance.
    source = records.get(f"{case.id}.docket", ev.Source)
    assert source.kind is ev.SourceKind.COURT_DOCUMENT and source.digest is not None
    for record in records:
        if record is not source:
            assert any(link.target == source.id and link.rel is ev.LinkRel.DERIVED_FROM for link in record.links)
    # 0 errors: even on criminal dockets, whose entries a magistrate's case carried over are dated
    # before the Date Filed the docket prints (T002 knows both dates come from one docket report).
    assert _errors(records) == []


@pytest.mark.parametrize("path", DOCKETS, ids=lambda path: f"{path.parent.name}/{path.stem}")
def test_the_html_and_the_json_of_a_docket_make_the_same_records(path: Path) -> None:
    from_html = ev.import_pacer([path.with_suffix(".html")], court=_court(path))
    from_json = ev.import_pacer([path])

    def records(found: ev.RecordSet) -> list[ev.Record]:
        return [record for record in found if not isinstance(record, ev.Source)]

    assert records(from_html) == records(from_json)
    html_source, json_source = (next(iter(found.of_kind(ev.Source))) for found in (from_html, from_json))
    assert html_source.digest != json_source.digest


@pytest.mark.parametrize("path", ATTACHMENT_PAGES, ids=lambda path: path.stem)
@pytest.mark.parametrize("suffix", [".html", ".json"])
def test_every_attachment_page_becomes_exhibits_of_its_filing(path: Path, suffix: str) -> None:
    data = _json(path)
    court = path.stem.split("_")[0]
    case = ev.Case(
        id="acme-v-doe", caption="Acme Widget Co. v. Doe", court=court, identifiers={"pacer": data["pacer_case_id"]}
    )
    filing = ev.Filing(
        id="acme-v-doe.main",
        case=case.id,
        ecf=data["document_number"],
        identifiers={"pacer_doc_id": data["pacer_doc_id"]},
    )
    into = ev.RecordSet([case, filing])
    made = ev.import_pacer([path.with_suffix(suffix)], into=into)
    exhibits = list(made.of_kind(ev.Exhibit))
    assert [(e.filing, e.attachment, e.title) for e in exhibits] == [
        (filing.id, a["attachment_number"], " ".join(a["description"].split()) or None) for a in data["attachments"]
    ]
    assert not _errors(ev.RecordSet([*into, *made]))


def test_an_attachment_page_finds_its_filing_in_a_docket_of_the_same_run(tmp_path: Path) -> None:
    page = _json(DATA / "attachment_pages" / "cand_035023513538.json")
    docket = _json(DATA / "district" / "cand.json")
    # A docket of that case holding the page's document, as a later report would print it.
    docket["docket_entries"][0].update(pacer_doc_id=page["pacer_doc_id"], document_number=str(page["document_number"]))
    (tmp_path / "docket.json").write_text(json.dumps(docket), encoding="utf-8")
    made = ev.import_pacer([DATA / "attachment_pages" / "cand_035023513538.html", tmp_path / "docket.json"])
    (exhibit,) = made.of_kind(ev.Exhibit)
    assert (exhibit.filing, exhibit.title, exhibit.pages) == ("cand-3-08-cv-00159.1", "Civil Cover Sheet", 2)


def test_an_attachment_page_without_its_filing_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    page = DATA / "attachment_pages" / "cand_035023513538.html"
    assert main(["import", "pacer", str(page)]) == 1
    err = capsys.readouterr().err
    assert str(page) in err and "no filing known for this attachment page" in err and "035023513538" in err


def test_a_docket_written_to_a_folder_stores_its_report_and_checks(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    html = DATA / "district" / "cand.html"
    out = tmp_path / "records"
    assert main(["import", "pacer", str(html), "-o", str(out)]) == 0
    assert "cand-3-08-cv-00159.yaml" in capsys.readouterr().out
    records = ev.load(out / "cand-3-08-cv-00159.yaml")
    source = records.get("cand-3-08-cv-00159.docket", ev.Source)
    assert source.text_file is not None and (out / source.text_file).read_bytes() == html.read_bytes()
    assert source.retrieved == ev.parse_date("2017-06-13")  # the transaction receipt's day
    assert not _errors(records)


def test_retrieved_is_what_the_user_gives_when_the_file_does_not_say() -> None:
    records = ev.import_pacer([DATA / "district" / "cand.json"], retrieved="2024-05-01")
    assert records.get("cand-3-08-cv-00159.docket", ev.Source).retrieved == ev.parse_date("2024-05-01")
    assert (
        ev.import_pacer([DATA / "district" / "cand.json"]).get("cand-3-08-cv-00159.docket", ev.Source).retrieved is None
    )


def test_an_appeal_names_the_case_it_comes_from() -> None:
    records = ev.import_pacer([DATA / "appellate" / "ca9_1.html"])
    appeal = records.get("ca9-17-15589", ev.Case)
    lower = records.get("hid-1-17-cv-00050", ev.Case)
    (relation,) = appeal.relations
    assert (relation.rel, relation.case, relation.confidence) == (
        ev.CaseRelationKind.APPEAL_FROM, lower.id, ev.Confidence.CONFIRMED
    )  # fmt: skip
    assert (relation.date, relation.note) == (ev.parse_date("2017-03-30"), "U.S. District Court for Hawaii, Honolulu")
    # The appeal's docket prints no caption of the lower case: the appeal's stands in, unverified.
    assert lower.confidence_of("caption") is ev.Confidence.UNVERIFIED
    assert [(j.actor, j.role) for j in lower.judges] == [("derrick-kahala-watson", "assigned")]


def test_entry_marks_say_what_was_read_from_free_text() -> None:
    records = ev.import_pacer([DATA / "district" / "cand.json"])
    petition = records.get("cand-3-08-cv-00159.1", ev.Filing)
    assert petition.ecf == 1 and petition.kind is ev.FilingKind.PETITION
    assert petition.confidence is ev.Confidence.CONFIRMED and petition.confidence_of("kind") is ev.Confidence.LIKELY
    assert petition.filed == ev.parse_date("2008-01-11") and petition.entered == ev.parse_date("2008-01-14")
    order = records.get("cand-3-08-cv-00159.3", ev.Filing)
    assert dict(order.identifiers) == {"pacer_doc_id": "03504231050", "pacer_seq_no": "11"}
    judge = _case(records).judges[0]
    assert (judge.actor, judge.role, judge.initials) == ("william-alsup", "assigned", "WHA")


def test_re_cross_references_name_the_entries_that_exist() -> None:
    data = _json(DATA / "district" / "cand.json")
    data["docket_entries"][2]["description"] = "ORDER re 1 Petition and re: [2] Notice, re 99 (nothing)."
    records = _from_data(data)
    order = records.get("cand-3-08-cv-00159.3", ev.Filing)
    assert order.regarding == ("cand-3-08-cv-00159.1", "cand-3-08-cv-00159.2")
    assert order.confidence_of("regarding") is ev.Confidence.LIKELY


def test_a_sealed_entry_is_a_likely_sealing_event_and_unnumbered_entries_are_kept() -> None:
    data = _json(DATA / "district" / "cand.json")
    data["docket_entries"].append(
        {
            "date_filed": "2008-01-18",
            "date_entered": "2008-01-18",
            "description": "***SEALED*** Document",
            "document_number": None,
        }
    )
    data["docket_entries"].append(
        {
            "date_filed": "2008-01-18",
            "date_entered": "2008-01-18",
            "description": "Minute Entry.",
            "document_number": None,
        }
    )
    records = _from_data(data)
    unnumbered = {f.docket_text: f for f in records.filings if f.ecf is None and f.entry is None}
    sealed = unnumbered["***SEALED*** Document"]
    assert [(s.action, s.confidence) for s in sealed.sealing] == [(ev.SealingAction.SEALED, ev.Confidence.LIKELY)]
    minute = unnumbered["Minute Entry."]
    assert minute.id.startswith("cand-3-08-cv-00159.entry-2008-01-18-")
    assert sealed.id != minute.id


def _unnumbered(description: str, day: str = "2008-01-18", **more: Any) -> dict[str, Any]:
    return {"date_filed": day, "date_entered": day, "description": description, "document_number": None, **more}


def test_an_unnumbered_entry_keeps_its_id_when_a_newer_report_adds_one_before_it() -> None:
    # Ids by place would shift: the minute entry of the first report would take the new
    # entry's id in the second, and a sync would rewrite one record into another.
    first = _json(DATA / "district" / "cand.json")
    first["docket_entries"].append(_unnumbered("Minute Entry: hearing held."))
    second = _json(DATA / "district" / "cand.json")
    second["docket_entries"].insert(0, _unnumbered("Clerk's notice of a new hearing date."))
    second["docket_entries"].append(_unnumbered("MINUTE ENTRY:  hearing held."))  # case and spacing differ
    ids_before = {f.docket_text: f.id for f in _from_data(first).filings}
    ids_after = {f.docket_text: f.id for f in _from_data(second).filings}
    assert ids_after["MINUTE ENTRY:  hearing held."] == ids_before["Minute Entry: hearing held."]
    assert ids_after["Clerk's notice of a new hearing date."] not in ids_before.values()


def test_an_unnumbered_entry_is_named_by_its_sequence_number_when_the_data_has_one() -> None:
    data = _json(DATA / "district" / "cand.json")
    data["docket_entries"].append(_unnumbered("Minute Entry.", pacer_seq_no="41"))
    data["docket_entries"].append(_unnumbered("Minute Entry.", pacer_seq_no="42"))
    ids = [f.id for f in _from_data(data).filings if f.docket_text == "Minute Entry."]
    assert ids == ["cand-3-08-cv-00159.entry-2008-01-18-s41", "cand-3-08-cv-00159.entry-2008-01-18-s42"]


def test_two_unnumbered_entries_alike_on_one_day_are_both_kept() -> None:
    data = _json(DATA / "district" / "cand.json")
    data["docket_entries"] += [_unnumbered("Minute Entry."), _unnumbered("Minute Entry.")]
    ids = [f.id for f in _from_data(data).filings if f.docket_text == "Minute Entry."]
    assert len(ids) == len(set(ids)) == 2


def _from_data(data: dict[str, Any]) -> ev.RecordSet:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "docket.json"
        path.write_text(json.dumps(data), encoding="utf-8")
        return ev.import_pacer([path])


@pytest.mark.parametrize(
    ("printed", "role", "as_printed"),
    [
        ("Plaintiff", ev.PartyRole.PLAINTIFF, None),
        ("Defendant", ev.PartyRole.DEFENDANT, None),
        ("Consolidated Plaintiff", ev.PartyRole.PLAINTIFF, "Consolidated Plaintiff"),
        ("Petitioner", ev.PartyRole.PETITIONER, None),
        ("Respondent", ev.PartyRole.RESPONDENT, None),
        ("Intervenor", ev.PartyRole.INTERVENOR, None),
        ("Counter Claimant", ev.PartyRole.COUNTERCLAIMANT, "Counter Claimant"),
        ("Counter Defendant", ev.PartyRole.COUNTER_DEFENDANT, None),  # the role's name, written out
        ("Objector", ev.PartyRole.OBJECTOR, None),
        ("Amicus\xa0Curiae", ev.PartyRole.AMICUS, "Amicus Curiae"),
        ("Defendant\xa0-\xa0Appellant", ev.PartyRole.APPELLANT, "Defendant - Appellant"),
        ("Plaintiff - Appellee", ev.PartyRole.APPELLEE, "Plaintiff - Appellee"),
        ("Movant", ev.PartyRole.OTHER, "Movant"),
        ("Special Master", ev.PartyRole.OTHER, "Special Master"),
    ],
)
def test_party_types_map_to_roles_keeping_the_docket_words(
    printed: str, role: ev.PartyRole, as_printed: str | None
) -> None:
    data = _json(DATA / "district" / "cand.json")
    data["parties"] = [{"name": "Acme Widget Co.", "type": printed, "extra_info": "", "date_terminated": None}]
    (party,) = _case(_from_data(data)).parties
    assert (party.role, party.as_printed, party.confidence) == (role, as_printed, ev.Confidence.CONFIRMED)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("COMPLAINT against Acme Widget Co.", ev.FilingKind.COMPLAINT),
        ("MOTION to Dismiss", ev.FilingKind.MOTION),
        ("ORDER granting 5 Motion", ev.FilingKind.ORDER),
        ("MINUTE ORDER: hearing reset", ev.FilingKind.ORDER),
        ("MEMORANDUM OPINION and order", ev.FilingKind.OPINION),
        ("MEMORANDUM in Support of 5 Motion", ev.FilingKind.BRIEF),
        ("DECLARATION of Jane Roe", ev.FilingKind.DECLARATION),
        ("STIPULATION and [Proposed] Order", ev.FilingKind.STIPULATION),
        ("NOTICE OF APPEAL to the 9th Circuit", ev.FilingKind.NOTICE),
        ("TRANSCRIPT of Proceedings", ev.FilingKind.TRANSCRIPT),
        ("JUDGMENT in favor of Acme", ev.FilingKind.JUDGMENT),
        ("Summons Issued as to Acme", None),
    ],
)
def test_entry_texts_map_to_likely_kinds(text: str, kind: ev.FilingKind | None) -> None:
    data = _json(DATA / "district" / "cand.json")
    data["docket_entries"] = [{**data["docket_entries"][0], "description": text}]
    filing = _from_data(data).get("cand-3-08-cv-00159.1", ev.Filing)
    assert filing.kind is kind
    assert filing.field_confidence.get("kind") == (ev.Confidence.LIKELY if kind else None)


def test_an_organization_and_a_person_are_told_apart_by_name_as_a_likely_guess() -> None:
    data = _json(DATA / "district" / "cand.json")
    data["parties"] = [
        {"name": "Acme Widget Co.", "type": "Defendant", "extra_info": "", "date_terminated": "2008-01-15"},
        {"name": "Jane Roe", "type": "Plaintiff", "extra_info": "", "date_terminated": None},
    ]
    records = _from_data(data)
    acme, roe = records.get("acme-widget-co", ev.Actor), records.get("jane-roe", ev.Actor)
    assert (acme.kind, roe.kind) == (ev.ActorKind.ORGANIZATION, ev.ActorKind.PERSON)
    assert acme.confidence_of("kind") is ev.Confidence.LIKELY
    assert _case(records).parties[0].period == ev.parse_date("../2008-01-15")


def test_attorneys_are_counsel_for_their_party_without_their_contact_details() -> None:
    records = ev.import_pacer([DATA / "district" / "cand_2.json"])
    counsel = [party for party in _case(records).parties if party.role is ev.PartyRole.COUNSEL]
    assert counsel and all(len(party.represents) == 1 for party in counsel)
    text = ev.dumps(records, "yaml").decode()
    for party in _json(DATA / "district" / "cand_2.json")["parties"]:
        for attorney in party.get("attorneys") or ():
            for line in attorney["contact"].splitlines():
                if "@" in line or any(ch.isdigit() for ch in line):
                    assert line.strip() not in text


def _bad_inputs(tmp_path: Path) -> dict[str, tuple[Path, str]]:
    cut = tmp_path / "cut.html"
    whole = (DATA / "district" / "cand.html").read_bytes()
    cut.write_bytes(whole[: len(whole) // 2])
    # Cut right after a tag, where the page could seem to end.
    after_tag = tmp_path / "after-tag.html"
    after_tag.write_bytes(whole[: whole.index(b"</table>", len(whole) // 2) + len(b"</table>")])
    cut_json = tmp_path / "cut.json"
    cut_json.write_bytes((DATA / "district" / "cand.json").read_bytes()[:500])
    shape = tmp_path / "shape.json"
    shape.write_text(json.dumps({"docket_number": "1:24-cv-1", "docket_entries": "none", "court_id": "cand"}))
    unknown = tmp_path / "unknown.json"
    unknown.write_text(json.dumps({**_json(DATA / "district" / "cand.json"), "court_id": "xxq"}))
    return {
        "not a docket": (DATA / "district" / "dcd_2.html", "not a PACER docket report"),
        "an extension's page": (DATA / "district" / "canb_1.html", "not a PACER docket report"),
        "a truncated page": (cut, "cut short"),
        "a page cut after a tag": (after_tag, "cut short: it has no end"),
        "a truncated JSON": (cut_json, "cut short or malformed"),
        "JSON of the wrong shape": (shape, "docket_entries: a list of objects is expected"),
        "JSON of nothing": (DATA / "district" / "dcd_2.json", "not juriscraper's JSON of a docket"),
        "an unknown court": (unknown, "court 'xxq' is not a court courts-db knows"),
    }


@pytest.mark.parametrize(
    "case",
    ["not a docket", "an extension's page", "a truncated page", "a page cut after a tag", "a truncated JSON", "JSON of the wrong shape",
     "JSON of nothing", "an unknown court"],
)  # fmt: skip
def test_bad_input_is_refused_naming_the_file_and_writing_nothing(
    case: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path, said = _bad_inputs(tmp_path)[case]
    out = tmp_path / "out"
    # A good docket beside it: the run still writes nothing, and every bad file is told.
    assert main(["import", "pacer", str(DATA / "district" / "cand.json"), str(path), "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"{path}: ") and said in err, err
    assert "Traceback" not in err
    assert not out.exists()


def test_a_page_juriscraper_finds_no_docket_in_is_refused_with_its_court_given(
    capsys: pytest.CaptureFixture[str],
) -> None:
    page = DATA / "district" / "dcd_2.html"
    assert main(["import", "pacer", str(page), "--court", "dcd"]) == 1
    assert f"{page}: not a PACER docket report or attachment page" in capsys.readouterr().err


def test_an_unknown_court_given_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["import", "pacer", str(DATA / "district" / "cand.html"), "--court", "xxq"]) == 2
    assert "unknown court 'xxq'" in capsys.readouterr().err


def _entry_ids(path: Path, data: dict[str, Any]) -> list[str]:
    """The ids of the filings a docket's data makes, in its order."""
    records = ev.import_pacer([path], court=_court(path))
    return [record.id for record in records.of_kind(ev.Filing)]


@pytest.mark.parametrize("path", DOCKETS, ids=lambda path: f"{path.parent.name}/{path.stem}")
def test_a_docket_with_entries_removed_then_whole_reports_exactly_the_added_entries(path: Path, tmp_path: Path) -> None:
    data = _json(path)
    whole = _entry_ids(path, data)
    kept = max(1, len(data["docket_entries"]) // 2) if len(data["docket_entries"]) > 1 else 0
    short = tmp_path / f"short-{path.name}"
    short.write_text(json.dumps({**data, "docket_entries": data["docket_entries"][:kept]}), encoding="utf-8")
    folder = tmp_path / "records"
    first = ev.sync_pacer([short], folder, court=_court(path))
    assert first.was_empty and first.written
    second = ev.sync_pacer([path], folder, court=_court(path))
    added = [c.id for c in second.changes if c.action == "added" and c.field is None]
    earlier = {r.id for r in first.records.of_kind(ev.Filing)}
    assert added == [i for i in whole if i not in earlier] and len(added) == len(data["docket_entries"]) - kept
    # Beside the new entries only the report's own Source changed: its stored file and digest.
    others = {(c.id, c.field) for c in second.changes if c.field is not None}
    assert {field for _, field in others} <= {"text_file", "digest.value"}
    assert _errors(ev.load(folder)) == []


@pytest.mark.parametrize("name", ["district/cand.html", "appellate/ca1.json", "district/nysd_1.html"])
def test_importing_the_same_report_again_changes_and_writes_nothing(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "records"
    assert main(["import", "pacer", str(DATA / name), "-o", str(folder)]) == 0
    files = {path: path.read_bytes() for path in folder.rglob("*") if path.is_file()}
    times = {path: path.stat().st_mtime_ns for path in files}
    capsys.readouterr()
    assert main(["import", "pacer", str(DATA / name), "-o", str(folder)]) == 0
    assert capsys.readouterr().out == "nothing changed\n"
    assert {path: path.read_bytes() for path in folder.rglob("*") if path.is_file()} == files
    assert {path: path.stat().st_mtime_ns for path in files} == times


def test_an_attachment_page_synced_twice_adds_its_exhibits_once(tmp_path: Path) -> None:
    page = DATA / "attachment_pages" / "akd_0230682806.html"
    data = _json(page.with_suffix(".json"))
    case = ev.Case(id="acme-v-doe", caption="Acme Widget Co. v. Doe", court="akd",
                   identifiers={"pacer": data["pacer_case_id"]})  # fmt: skip
    filing = ev.Filing(id="acme-v-doe.main", case=case.id, ecf=data["document_number"],
                       identifiers={"pacer_doc_id": data["pacer_doc_id"]})  # fmt: skip
    folder = tmp_path / "records"
    folder.mkdir()
    ev.dump([case, filing], folder / "case.yaml")
    first = ev.sync_pacer([page], folder)
    assert [c.id for c in first.changes] == [
        "acme-v-doe.main.attachments",
        *(f"acme-v-doe.main-{a['attachment_number']}" for a in data["attachments"]),
    ]
    assert ev.sync_pacer([page], folder).changes == ()
    assert _errors(ev.load(folder)) == []


def _newer(tmp_path: Path) -> Path:
    """cand's docket as a later report would give it: an entry's text edited, the judge reassigned."""
    data = _json(DATA / "district" / "cand.json")
    data["docket_entries"][2]["description"] = "ORDER OF TRANSFER, as amended."
    data["assigned_to_str"] = "Jane Q. Example"
    newer = tmp_path / "cand-newer.json"
    newer.write_text(json.dumps(data), encoding="utf-8")
    return newer


def test_a_newer_report_is_a_readable_diff_and_a_persons_edit_is_kept(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "records"
    assert main(["import", "pacer", str(DATA / "district" / "cand.json"), "-o", str(folder)]) == 0
    file = folder / "cand-3-08-cv-00159.yaml"
    # A person adds a note to the case and corrects the judge's name on the actor record.
    text = file.read_text(encoding="utf-8").replace(
        "  - id: cand-3-08-cv-00159\n",
        "  - id: cand-3-08-cv-00159\n    notes: Transferred; see the other district.\n",
        1,
    )
    file.write_text(text, encoding="utf-8")
    capsys.readouterr()
    assert main(["import", "pacer", str(_newer(tmp_path)), "-o", str(folder)]) == 0
    out = capsys.readouterr().out
    assert "~ cand-3-08-cv-00159 judges[william-alsup, assigned]: (william-alsup, assigned) removed" in out
    assert "+ cand-3-08-cv-00159 judges[jane-q-example, assigned]: (jane-q-example, assigned)" in out
    assert "~ cand-3-08-cv-00159.3 docket_text: 'ORDER OF TRANSFER. Signed by" in out
    assert "+ jane-q-example: 'Jane Q. Example'\n" in out
    assert "added 1 actor, 1 list element; updated 4 values; wrote 2 files" in out
    after = ev.load(folder)
    assert after.get("cand-3-08-cv-00159", ev.Case).notes == "Transferred; see the other district."
    assert after.get("cand-3-08-cv-00159.3", ev.Filing).docket_text == "ORDER OF TRANSFER, as amended."


def test_a_dry_run_prints_the_diff_and_writes_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "records"
    assert main(["import", "pacer", str(DATA / "district" / "cand.json"), "-o", str(folder)]) == 0
    files = {path: path.read_bytes() for path in folder.rglob("*") if path.is_file()}
    capsys.readouterr()
    assert main(["import", "pacer", str(_newer(tmp_path)), "-o", str(folder), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "+ cand-3-08-cv-00159 judges[jane-q-example, assigned]" in out
    assert out.endswith("(dry run: nothing written)\n")
    assert {path: path.read_bytes() for path in folder.rglob("*") if path.is_file()} == files
    # Without a folder nothing is ever written: the records are printed.
    assert main(["import", "pacer", str(_newer(tmp_path)), "--dry-run"]) == 0
    assert ev.loads(capsys.readouterr().out, "yaml").get("cand-3-08-cv-00159.3", ev.Filing).ecf == 3


def test_an_import_that_fails_leaves_the_folder_as_it_was(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "records"
    assert main(["import", "pacer", str(DATA / "district" / "cand.json"), "-o", str(folder)]) == 0
    files = {path: path.read_bytes() for path in folder.rglob("*") if path.is_file()}
    bad = tmp_path / "truncated.json"
    bad.write_bytes((DATA / "district" / "nysd_1.json").read_bytes()[:200])
    capsys.readouterr()
    assert main(["import", "pacer", str(_newer(tmp_path)), str(bad), "-o", str(folder)]) == 1
    assert "truncated.json" in capsys.readouterr().err
    assert {path: path.read_bytes() for path in folder.rglob("*") if path.is_file()} == files


@pytest.mark.parametrize("page", ["district/cand.html", "attachment_pages/akd_0230682806.json"])
def test_juriscraper_says_nothing_on_stderr_when_first_imported(page: str) -> None:
    # A fresh process, where juriscraper is imported for the first time, its log folder missing.
    env = {**os.environ, "PYTHONPATH": str(ROOT), "JURISCRAPER_LOG": str(ROOT / "no-such-folder" / "debug.log")}
    command = [sys.executable, "-m", "evidence", "import", "pacer", str(DATA / page)]
    run = subprocess.run(command, capture_output=True, text=True, env=env, check=False, timeout=120)
    assert "juriscraper" not in run.stderr.lower() and "Warning" not in run.stderr, run.stderr
    assert run.stdout.startswith("evidence: 2\n") if page.endswith(".html") else run.returncode == 1


def test_two_reports_of_one_docket_in_one_run_are_refused(capsys: pytest.CaptureFixture[str]) -> None:
    summary, docket = DATA / "appellate" / "ca9_1.html", DATA / "appellate" / "ca9_2.html"
    assert main(["import", "pacer", str(summary), str(docket)]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"{docket}: makes records another file of this import made too (ca9-17-15589")
    assert "import one report of a docket at a time" in err


def test_without_the_pacer_extra_html_says_what_to_install(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    for name in [name for name in sys.modules if name == "juriscraper" or name.startswith("juriscraper.")]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, "juriscraper", None)  # what `import juriscraper` meets when it is missing
    assert main(["import", "pacer", str(DATA / "district" / "cand.html")]) == 2
    assert "pip install 'evidence[pacer]'" in capsys.readouterr().err
    # juriscraper's JSON of a docket comes in without it.
    assert "cand-3-08-cv-00159" in ev.import_pacer([DATA / "district" / "cand.json"])


def test_a_retrieved_date_that_is_not_one_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["import", "pacer", str(DATA / "district" / "cand.json"), "--retrieved", "last week"]) == 2
    assert "--retrieved 'last week' is not a date" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("Acme Widget Co.", ev.ActorKind.ORGANIZATION),
        ("Roe Holdings, LLC", ev.ActorKind.ORGANIZATION),
        ("United States of America", ev.ActorKind.ORGANIZATION),
        ("County of Springfield", ev.ActorKind.ORGANIZATION),
        ("Federal Defenders", ev.ActorKind.ORGANIZATION),
        ("U S Attorney", ev.ActorKind.ORGANIZATION),
        ("Does 1-10", ev.ActorKind.ORGANIZATION),
        ("Jane Doe", ev.ActorKind.PERSON),
        ("Richard Roe", ev.ActorKind.PERSON),
    ],
)
def test_actor_kinds_are_guessed_from_names(name: str, kind: ev.ActorKind) -> None:
    data = _json(DATA / "district" / "cand.json")
    data["parties"] = [
        {"name": "Jane Roe", "type": "Plaintiff", "extra_info": "", "date_terminated": None,
         "attorneys": [{"name": name, "roles": [], "contact": ""}]},
    ]  # fmt: skip
    records = _from_data(data)
    actor = records.get(_case(records).parties[1].actor, ev.Actor)
    assert (actor.name, actor.kind, actor.confidence_of("kind")) == (name, kind, ev.Confidence.LIKELY)


def test_every_bad_file_of_a_run_is_told(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("[]")
    pages = [DATA / "district" / "dcd_2.json", bad]
    assert main(["import", "pacer", *map(str, pages)]) == 1
    err = capsys.readouterr().err
    assert all(f"{page}: " in err for page in pages) and "2 problems" in err


def test_a_file_over_the_size_limit_is_refused_before_it_is_read(capsys: pytest.CaptureFixture[str]) -> None:
    page = DATA / "district" / "cand.html"
    assert main(["--max-file-mb", "0", "import", "pacer", str(page)]) == 1
    assert f"{page}: the file is 0.0 MiB, more than the limit of 0 MiB" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("file", "change", "said"),
    [
        (
            "district/cand_2.json",
            lambda d: d["parties"][0].update(attorneys="x"),
            "parties[0].attorneys: a list of objects",
        ),
        ("district/cand_2.json", lambda d: d["parties"][0]["attorneys"][0].update(roles=1), "roles: a list of strings"),
        ("district/cand_2.json", lambda d: d["docket_entries"].append(3), "docket_entries: a list of objects"),
        ("appellate/ca9_1.json", lambda d: d.update(panel="x"), "panel: a list of names"),
        ("appellate/ca9_1.json", lambda d: d.update(originating_court_information="x"), "an object is expected"),
        ("attachment_pages/cand_035023513538.json", lambda d: d.update(pacer_doc_id="999"), "names no court"),
        (
            "attachment_pages/cand_035023513538.json",
            lambda d: d.update(attachments=[{}]),
            "attachment_number: a number from 1",
        ),
    ],
)
def test_json_of_the_wrong_shape_deeper_down_is_refused_naming_the_file(
    file: str, change: Any, said: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = _json(DATA / file)
    change(data)
    path = tmp_path / "changed.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    assert main(["import", "pacer", str(path)]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"{path}: ") and said in err, err


_numbers = st.one_of(
    st.none(),
    st.integers(1, 60).map(str),
    st.integers(0, 60).map(lambda n: f"00{n}"),  # an appellate document number, printed with zeros
    st.sampled_from(["12a", "3-1", "3-2", "3"]),  # '3' twice makes the id '3-2' would
)
_texts = st.lists(
    st.sampled_from(["ORDER", "re", "re:", "[3]", "5,", "and", "7", "SEALED", "Motion", "***SEALED***", "(Sealed)"]),
    max_size=8,
).map(" ".join)
_entries = st.lists(
    st.fixed_dictionaries(
        {
            "document_number": _numbers,
            "description": _texts,
            "date_filed": st.dates(min_value=dt.date(2008, 1, 11), max_value=dt.date(2008, 3, 1)).map(str),
            "date_entered": st.none(),
        }
    ),
    max_size=25,
)


def _entry(number: str | None) -> dict[str, Any]:
    return {"document_number": number, "description": "ORDER", "date_filed": "2008-02-01", "date_entered": None}


@settings(max_examples=60, deadline=None)
@given(entries=_entries)
@example(entries=[_entry("3"), _entry("3"), _entry("3-2")])  # the second '3' and '3-2' would share an id
def test_every_entry_is_one_filing_its_number_kept_its_references_to_entries_that_exist(
    entries: list[dict[str, Any]],
) -> None:
    data = _json(DATA / "district" / "cand.json")
    data["docket_entries"] = entries
    records = _from_data(data)
    filings = list(records.of_kind(ev.Filing))
    assert len(filings) == len(entries)
    assert [str(f.ecf) if f.ecf is not None else f.entry for f in filings] == [e["document_number"] for e in entries]
    ids = {f.id for f in filings}
    for filing in filings:
        assert filing.id not in filing.regarding and set(filing.regarding) <= ids
        assert all(s.confidence is ev.Confidence.LIKELY for s in filing.sealing)
    assert _errors(records) == []


def _lower_court_docket(tmp_path: Path) -> Path:
    """A district docket of the case ca9_1's appeal comes from: cand's entries under the docket
    number the appeal prints, with a caption of its own."""
    data = _json(DATA / "district" / "cand.json")
    data |= {"docket_number": "1:17-cv-00050", "case_name": "Example v. Sample", "court_id": "hid"}
    path = tmp_path / "hid.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_the_lower_courts_docket_replaces_the_caption_its_appeal_stood_in_with(tmp_path: Path) -> None:
    folder = tmp_path / "records"
    ev.sync_pacer([DATA / "appellate" / "ca9_1.html"], folder)
    stand_in = ev.load(folder).get("hid-1-17-cv-00050", ev.Case)
    assert stand_in.confidence_of("caption") is ev.Confidence.UNVERIFIED
    result = ev.sync_pacer([_lower_court_docket(tmp_path)], folder, court="hid")
    lower = ev.load(folder).get("hid-1-17-cv-00050", ev.Case)
    assert lower.caption == "Example v. Sample" and lower.caption != stand_in.caption
    assert lower.confidence_of("caption") is ev.Confidence.CONFIRMED
    assert lower.notes is None  # the note said the caption was the appeal's
    # Both reports stay the case's provenance.
    assert {link.target for link in lower.links} == {"ca9-17-15589.docket", "hid-1-17-cv-00050.docket"}
    assert not [c for c in result.changes if c.id == lower.id and c.field == "caption" and c.action != "updated"]
    assert _errors(ev.load(folder)) == []


def test_a_caption_a_person_wrote_over_the_stand_in_is_kept(tmp_path: Path) -> None:
    folder = tmp_path / "records"
    ev.sync_pacer([DATA / "appellate" / "ca9_1.html"], folder)
    (case_file,) = [p for p in folder.glob("*.yaml") if "hid-1-17-cv-00050" in p.read_text(encoding="utf-8")]
    ev.dump([attrs.evolve(r, caption="Written v. By Hand") if r.id == "hid-1-17-cv-00050" else r
             for r in ev.load(case_file)], case_file)  # fmt: skip
    ev.sync_pacer([_lower_court_docket(tmp_path)], folder, court="hid")
    assert ev.load(folder).get("hid-1-17-cv-00050", ev.Case).caption == "Written v. By Hand"
    # The court confirmed another caption, not this one: its mark is not raised.
    assert ev.load(folder).get("hid-1-17-cv-00050", ev.Case).confidence_of("caption") is ev.Confidence.UNVERIFIED


def test_the_diff_does_not_tell_a_mark_the_merge_kept(tmp_path: Path) -> None:
    folder = tmp_path / "records"
    ev.sync_pacer([DATA / "appellate" / "ca9_1.html"], folder)
    (case_file,) = [p for p in folder.glob("*.yaml") if "hid-1-17-cv-00050" in p.read_text(encoding="utf-8")]
    ev.dump([attrs.evolve(r, caption="Written v. By Hand") if r.id == "hid-1-17-cv-00050" else r
             for r in ev.load(case_file)], case_file)  # fmt: skip
    result = ev.sync_pacer([_lower_court_docket(tmp_path)], folder, court="hid", dry_run=True)
    told = {(c.field, c.action) for c in result.changes if c.id == "hid-1-17-cv-00050"}
    assert ("caption", "kept") in told
    assert not any(field and field.startswith("field_confidence") for field, _ in told), told


def test_a_report_imported_again_without_its_day_keeps_the_day_known(tmp_path: Path) -> None:
    folder = tmp_path / "records"
    report = DATA / "district" / "cand.json"
    ev.sync_pacer([report], folder, retrieved="2024-05-01")
    again = ev.sync_pacer([report], folder)
    assert again.changes == ()
    assert ev.load(folder).get("cand-3-08-cv-00159.docket", ev.Source).retrieved == ev.parse_date("2024-05-01")


def test_a_newer_report_without_a_day_does_not_take_the_old_reports_day(tmp_path: Path) -> None:
    folder = tmp_path / "records"
    ev.sync_pacer([DATA / "district" / "cand.json"], folder, retrieved="2024-05-01")
    ev.sync_pacer([_newer(tmp_path)], folder)
    assert ev.load(folder).get("cand-3-08-cv-00159.docket", ev.Source).retrieved is None


def test_the_court_a_page_title_names_wins_over_the_links_it_holds_most(tmp_path: Path) -> None:
    # cand's docket (its title 'CAND-ECF') holding more links to another court's server than to its own.
    page = (DATA / "district" / "cand.html").read_text(encoding="utf-8")
    links = '<a href="https://ecf.nvd.uscourts.gov/doc1/1">x</a>' * 10
    path = tmp_path / "linked.html"
    path.write_text(page.replace("</body>", links + "</body>"), encoding="utf-8")
    assert _case(ev.import_pacer([path])).court == "cand"


def test_a_page_whose_title_and_links_name_other_courts_is_refused_until_court_is_given(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = (DATA / "district" / "cand.html").read_text(encoding="utf-8")
    path = tmp_path / "moved.html"
    path.write_text(page.replace("ecf.cand.uscourts.gov", "ecf.nvd.uscourts.gov"), encoding="utf-8")
    assert main(["import", "pacer", str(path)]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"{path}: the page's title names the court 'cand' but its links are to nvd"), err
    assert "pass --court ID" in err and "Traceback" not in err
    assert main(["import", "pacer", str(path), "--court", "nvd"]) == 0
    assert "court: nvd" in capsys.readouterr().out


@pytest.mark.parametrize("number", ["12a", "", True, 0, 2.5, [1]])
def test_an_attachment_page_whose_document_number_is_not_one_is_refused_naming_the_field(
    number: object, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = {**_json(DATA / "attachment_pages" / "cand_035023513538.json"), "document_number": number}
    path = tmp_path / "page.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    # A docket of the page's case, where the page is looked for by its document number.
    docket = tmp_path / "docket.json"
    docket.write_text(json.dumps({**_json(DATA / "district" / "cand.json"), "pacer_case_id": data["pacer_case_id"]}))
    assert main(["import", "pacer", str(docket), str(path)]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"{path}: document_number: a number from 1 is expected, not {number!r}"), err
    assert "Traceback" not in err


def test_the_order_files_are_named_in_does_not_change_the_records(tmp_path: Path) -> None:
    """A district docket, an appeal from it and an attachment page of it, named in either order."""
    page = _json(DATA / "attachment_pages" / "cand_035023513538.json")
    docket = _json(DATA / "district" / "cand.json")
    docket["docket_entries"][0].update(pacer_doc_id=page["pacer_doc_id"], document_number=str(page["document_number"]))
    appeal = _json(DATA / "appellate" / "ca9_1.json")
    appeal["originating_court_information"].update(court_id="cand", docket_number=docket["docket_number"])
    files = []
    for name, data in (("docket.json", docket), ("appeal.json", appeal), ("page.json", page)):
        (tmp_path / name).write_text(json.dumps(data), encoding="utf-8")
        files.append(tmp_path / name)
    forward = ev.import_pacer(files)
    backward = ev.import_pacer(files[::-1])
    assert list(backward) == list(forward)
    # The lower court's case is its own docket's, not the appeal's stand-in.
    lower = forward.get("cand-3-08-cv-00159", ev.Case)
    assert lower.caption == "Balbo v. Tilton" and "caption" not in lower.field_confidence
    assert forward.get("ca9-17-15589", ev.Case).relations[0].case == lower.id
    assert [e.filing for e in forward.of_kind(ev.Exhibit)] == ["cand-3-08-cv-00159.1"]


def test_a_docket_file_a_person_moved_into_a_subfolder_gets_its_newer_report_beside_it(tmp_path: Path) -> None:
    folder = tmp_path / "records"
    ev.sync_pacer([DATA / "district" / "cand.json"], folder)
    # The person moves the docket's record file, and the reports it names, into a subfolder.
    moved = folder / "dockets"
    moved.mkdir()
    (folder / "cand-3-08-cv-00159.yaml").rename(moved / "cand-3-08-cv-00159.yaml")
    (folder / "sources").rename(moved / "sources")
    assert _errors(ev.load(folder)) == []
    result = ev.sync_pacer([_newer(tmp_path)], folder)
    assert moved / "cand-3-08-cv-00159.yaml" in result.written
    records = ev.load(folder)
    source = records.get("cand-3-08-cv-00159.docket", ev.Source)
    # text_file is relative to the folder of the file that holds the Source, and names the newer report.
    home = records.base_folder(source.id)
    assert home == moved and source.text_file is not None
    assert (home / source.text_file).read_bytes() == _newer(tmp_path).read_bytes()
    assert not (folder / "sources").exists()
    assert _errors(records) == []


@pytest.mark.parametrize("name", ["new.yaml", "new.json", "new.jsonl", "new.yml"])
def test_o_naming_a_record_file_is_refused_and_makes_nothing(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / name
    assert main(["import", "pacer", str(DATA / "district" / "cand.json"), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert f"-o {out}: a record file's name, but -o names a folder" in err and "Traceback" not in err
    assert list(tmp_path.iterdir()) == []


def test_an_import_whose_write_fails_leaves_no_folder_it_made(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def full_disk(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    out = tmp_path / "cases" / "records"
    assert main(["import", "pacer", str(DATA / "district" / "cand.json"), "-o", str(out)]) == 2
    assert "No space left on device" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []
    # Into a folder that exists: the folders made for the report go, the folder and its files stay.
    out.mkdir(parents=True)
    (out / "notes.txt").write_text("mine\n", encoding="utf-8")
    assert main(["import", "pacer", str(DATA / "district" / "cand.json"), "-o", str(out)]) == 2
    assert [p.relative_to(tmp_path) for p in sorted(tmp_path.rglob("*"))] == [
        Path("cases"), Path("cases/records"), Path("cases/records/notes.txt")
    ]  # fmt: skip
