"""Re-import is a sync: `evidence.sync` merges what an import makes into a folder of records, three
ways (the folder's records, what the previous import made, what this one makes), adds what is new,
takes what the source changed, never replaces what a person wrote, and tells every difference.

The records are of an openly fictional case, Acme Widget Co. v. Example Corp."""

from __future__ import annotations

import os
from pathlib import Path

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import evidence as ev
from evidence.testing import strategies as rs

CASE = ev.Case(id="acme", caption="Acme Widget Co. v. Example Corp.", court="cand", docket_number="3:24-cv-00001",
               confidence=ev.Confidence.CONFIRMED)  # fmt: skip


def entry(n: int, text: str, **more: object) -> ev.Filing:
    return ev.Filing(id=f"acme.{n}", case="acme", ecf=n, docket_text=text, confidence=ev.Confidence.CONFIRMED,
                     **more)  # type: ignore[arg-type]  # fmt: skip


def imported(*filings: ev.Filing, case: ev.Case = CASE) -> dict[str, list[ev.Record]]:
    return {"acme.yaml": [case, *filings]}


FIRST = imported(entry(1, "COMPLAINT against Example Corp."), entry(2, "ORDER setting a hearing."))


def test_an_import_into_an_empty_folder_adds_every_record(tmp_path: Path) -> None:
    result = ev.sync(tmp_path / "out", FIRST)
    assert [(c.action, c.id) for c in result.changes] == [("added", "acme"), ("added", "acme.1"), ("added", "acme.2")]
    assert result.written == (tmp_path / "out" / "acme.yaml",)
    assert list(ev.load(tmp_path / "out")) == FIRST["acme.yaml"]
    assert result.summary() == "added 1 case, 2 filings; wrote 1 file"


def test_importing_the_same_report_again_changes_and_writes_nothing(tmp_path: Path) -> None:
    ev.sync(tmp_path, FIRST)
    before = (tmp_path / "acme.yaml").stat().st_mtime_ns
    again = ev.sync(tmp_path, FIRST, base=FIRST["acme.yaml"])
    assert again.changes == () and again.written == ()
    assert again.summary() == "nothing changed"
    assert (tmp_path / "acme.yaml").stat().st_mtime_ns == before


def test_a_newer_report_adds_exactly_the_new_entries(tmp_path: Path) -> None:
    ev.sync(tmp_path, FIRST)
    newer = imported(*FIRST["acme.yaml"][1:], entry(3, "ANSWER to Complaint."), entry(4, "MINUTE ENTRY."))
    result = ev.sync(tmp_path, newer, base=FIRST["acme.yaml"])
    assert [(c.action, c.id) for c in result.changes] == [("added", "acme.3"), ("added", "acme.4")]
    assert result.diff() == "+ acme.3: 'ANSWER to Complaint.'\n+ acme.4: 'MINUTE ENTRY.'\n"
    assert [r.id for r in ev.load(tmp_path)] == ["acme", "acme.1", "acme.2", "acme.3", "acme.4"]


def test_a_change_the_source_made_is_taken_and_shown(tmp_path: Path) -> None:
    ev.sync(tmp_path, FIRST)
    edited = imported(entry(1, "COMPLAINT against Example Corp."), entry(2, "ORDER setting a hearing for May 5."))
    result = ev.sync(tmp_path, edited, base=FIRST["acme.yaml"])
    assert result.diff() == "~ acme.2 docket_text: 'ORDER setting a hearing.' → 'ORDER setting a hearing for May 5.'\n"
    assert ev.load(tmp_path).get("acme.2", ev.Filing).docket_text == "ORDER setting a hearing for May 5."


def test_a_field_a_person_wrote_is_never_replaced(tmp_path: Path) -> None:
    ev.sync(tmp_path, FIRST)
    kept = ev.load(tmp_path)
    mine = attrs.evolve(kept.get("acme.2", ev.Filing), docket_text="ORDER setting a hearing (as corrected by me).",
                        title="Order Setting Hearing")  # fmt: skip
    ev.dump([kept["acme"], kept["acme.1"], mine], tmp_path / "acme.yaml")
    edited = imported(entry(1, "COMPLAINT against Example Corp."), entry(2, "ORDER setting a hearing for May 5."))
    result = ev.sync(tmp_path, edited, base=FIRST["acme.yaml"])
    assert result.diff() == (
        "! acme.2 docket_text: your 'ORDER setting a hearing (as corrected by me).' kept; "
        "the import now gives 'ORDER setting a hearing for May 5.'\n"
    )
    after = ev.load(tmp_path).get("acme.2", ev.Filing)
    assert after.docket_text == "ORDER setting a hearing (as corrected by me)."
    assert after.title == "Order Setting Hearing"


def test_without_a_base_an_empty_field_is_filled_and_a_written_one_kept(tmp_path: Path) -> None:
    ev.dump([CASE, ev.Filing(id="acme.1", case="acme", ecf=1, title="Complaint")], tmp_path / "mine.yaml")
    result = ev.sync(tmp_path, imported(entry(1, "COMPLAINT against Example Corp.", title="Compl.")))
    actions = {(c.action, c.id, c.field) for c in result.changes}
    assert ("updated", "acme.1", "docket_text") in actions
    assert ("kept", "acme.1", "title") in actions
    # A mark is never raised without a base: `unverified` may be what the person meant.
    assert ("kept", "acme.1", "confidence") in actions
    after = ev.load(tmp_path)
    assert after.get("acme.1", ev.Filing).title == "Complaint"
    # The record stays in the person's file: it is not written a second time in the import's.
    assert result.written == (tmp_path / "mine.yaml",)
    assert not (tmp_path / "acme.yaml").exists()


def test_a_sealing_and_a_reassignment_show_as_list_elements(tmp_path: Path) -> None:
    old_judge = ev.Judge(actor="judge-a", role="assigned", confidence=ev.Confidence.CONFIRMED)
    new_judge = ev.Judge(actor="judge-b", role="assigned", confidence=ev.Confidence.CONFIRMED)
    first = imported(entry(1, "COMPLAINT."), case=attrs.evolve(CASE, judges=(old_judge,)))
    ev.sync(tmp_path, first)
    sealed = ev.SealingEvent(action=ev.SealingAction.SEALED, date=ev.parse_date("2024-03-01"))
    second = imported(entry(1, "COMPLAINT.", sealing=(sealed,)), case=attrs.evolve(CASE, judges=(new_judge,)))
    result = ev.sync(tmp_path, second, base=first["acme.yaml"])
    assert result.diff().splitlines() == [
        "~ acme judges[judge-a, assigned]: (judge-a, assigned) removed",
        "+ acme judges[judge-b, assigned]: (judge-b, assigned)",
        "+ acme.1 sealing[sealed, 2024-03-01]: (sealed, 2024-03-01)",
    ]
    # The new judge and the sealing are elements added to kept records, not values updated.
    assert result.summary() == "added 2 list elements; updated 1 value; wrote 1 file"


def test_a_changed_date_and_digest_are_taken_whole(tmp_path: Path) -> None:
    first = imported(entry(1, "COMPLAINT.", filed=ev.parse_date("2024-03-01"),
                           digest=ev.Digest(algorithm="sha256", value="a" * 64)))  # fmt: skip
    ev.sync(tmp_path, first)
    later = imported(entry(1, "COMPLAINT.", filed=ev.parse_date("2024-03-02T10:00Z"),
                           digest=ev.Digest(algorithm="sha256", value="b" * 64)))  # fmt: skip
    result = ev.sync(tmp_path, later, base=first["acme.yaml"])
    assert result.diff().splitlines() == [
        "~ acme.1 filed: 2024-03-01 → 2024-03-02T10:00Z",
        f"~ acme.1 digest.value: '{'a' * 64}' → '{'b' * 64}'",
    ]
    assert ev.load(tmp_path)["acme.1"] == later["acme.yaml"][1]


def test_a_record_the_source_dropped_is_reported_and_kept(tmp_path: Path) -> None:
    ev.sync(tmp_path, FIRST)
    result = ev.sync(tmp_path, imported(entry(1, "COMPLAINT against Example Corp.")), base=FIRST["acme.yaml"])
    assert result.diff() == "- acme.2: no longer in the import (kept)\n"
    assert "acme.2" in ev.load(tmp_path)


def test_a_record_a_person_deleted_stays_deleted(tmp_path: Path) -> None:
    ev.sync(tmp_path, FIRST)
    ev.dump([CASE, FIRST["acme.yaml"][1]], tmp_path / "acme.yaml")  # the person deletes entry 2
    assert ev.sync(tmp_path, FIRST, base=FIRST["acme.yaml"]).changes == ()
    assert "acme.2" not in ev.load(tmp_path)
    # The source changes it since: the person is told, and it stays deleted.
    edited = imported(entry(1, "COMPLAINT against Example Corp."), entry(2, "ORDER setting a hearing for May 5."))
    result = ev.sync(tmp_path, edited, base=FIRST["acme.yaml"])
    assert result.diff() == "! acme.2: deleted by you, and changed by the import since (left deleted)\n"
    assert "acme.2" not in ev.load(tmp_path)


def test_comments_in_a_file_without_records_are_not_lost(tmp_path: Path) -> None:
    path = tmp_path / "acme.yaml"
    path.write_text("# what I plan to file\nevidence: 2\n", encoding="utf-8")
    with pytest.raises(ev.UsageError, match="holds comments"):
        ev.sync(tmp_path, FIRST)
    assert path.read_text(encoding="utf-8") == "# what I plan to file\nevidence: 2\n"


def test_a_linked_record_file_is_written_through_its_link(tmp_path: Path) -> None:
    # The link leads inside the record set's folder (one leading out is not read), to a hidden
    # folder that is not itself read.
    folder = tmp_path / "records"
    real = folder / ".kept" / "acme.yaml"
    real.parent.mkdir(parents=True)
    ev.sync(real.parent, FIRST)
    (folder / "acme.yaml").symlink_to(real)
    newer = imported(*FIRST["acme.yaml"][1:], entry(3, "ANSWER."))
    ev.sync(folder, newer, base=FIRST["acme.yaml"])
    assert (folder / "acme.yaml").is_symlink()
    assert "acme.3" in ev.load(real)


def test_a_dry_run_tells_the_same_and_writes_nothing(tmp_path: Path) -> None:
    dry = ev.sync(tmp_path / "out", FIRST, dry_run=True, stored={"sources/report.html": b"<html></html>"})
    assert len(dry.changes) == 3 and dry.written == ()
    assert dry.summary() == "added 1 case, 2 filings (dry run: nothing written)"
    assert dry.diff(new_records=False) == ""
    assert not (tmp_path / "out").exists()


def test_a_file_with_comments_is_not_rewritten(tmp_path: Path) -> None:
    ev.sync(tmp_path, FIRST)
    path = tmp_path / "acme.yaml"
    path.write_text("# my notes on the docket\n" + path.read_text(encoding="utf-8"), encoding="utf-8")
    before = path.read_bytes()
    newer = imported(*FIRST["acme.yaml"][1:], entry(3, "ANSWER."))
    with pytest.raises(ev.UsageError, match=r"acme\.yaml holds comments, which rewriting it would lose"):
        ev.sync(tmp_path, newer, base=FIRST["acme.yaml"])
    assert path.read_bytes() == before


def test_a_stored_file_is_never_replaced_by_other_bytes(tmp_path: Path) -> None:
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "report.html").write_bytes(b"the first report")
    with pytest.raises(ev.UsageError, match=r"report\.html exists with other content.*nothing was written"):
        ev.sync(tmp_path, FIRST, stored={"sources/report.html": b"another report"})
    assert not (tmp_path / "acme.yaml").exists()
    assert ev.sync(tmp_path, FIRST, stored={"sources/report.html": b"the first report"}).written == (
        tmp_path / "acme.yaml",
    )


def test_a_write_that_fails_halfway_leaves_every_file_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ev.dump([CASE], tmp_path / "acme.yaml")
    ev.dump([ev.Actor(id="someone", name="Someone", kind=ev.ActorKind.PERSON)], tmp_path / "actors.yaml")
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    incoming = {"acme.yaml": [attrs.evolve(CASE, nature_of_suit="820 Copyright"), entry(1, "COMPLAINT.")],
                "actors.yaml": [ev.Actor(id="judge-a", name="Judge A", kind=ev.ActorKind.PERSON)]}  # fmt: skip
    calls = []

    def full_disk(fd: int) -> None:
        calls.append(fd)
        if len(calls) == 2:
            raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    with pytest.raises(OSError, match="No space left"):
        ev.sync(tmp_path, incoming)
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before  # no temporary file left either


def test_a_record_of_another_kind_under_the_same_id_is_refused(tmp_path: Path) -> None:
    ev.dump([ev.Actor(id="acme", name="Acme Widget Co.", kind=ev.ActorKind.ORGANIZATION)], tmp_path / "a.yaml")
    with pytest.raises(ev.UsageError, match=r"a\.yaml: the record 'acme' is an actor, but the import makes a case"):
        ev.sync(tmp_path, FIRST)


filing_pairs = st.tuples(rs.filings, rs.filings).map(
    lambda pair: tuple(attrs.evolve(f, id="acme.1", case="acme") for f in pair)
)


@settings(max_examples=30, suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)
@given(filing_pairs)
def test_untouched_records_take_the_source_and_untouched_fields_keep_the_person(
    tmp_path_factory: pytest.TempPathFactory, pair: tuple[ev.Filing, ev.Filing]
) -> None:
    base, theirs = pair
    folder = tmp_path_factory.mktemp("sync")
    ev.dump([CASE, base], folder / "acme.yaml")
    # No person touched it: the import's record is what the folder holds after.
    ev.sync(folder, {"acme.yaml": [CASE, theirs]}, base=[CASE, base])
    assert ev.load(folder)["acme.1"] == theirs
    # The folder now holds another version than the source's, which gives what it gave before:
    # the folder's version stays, and no change is reported.
    result = ev.sync(folder, {"acme.yaml": [CASE, base]}, base=[CASE, base])
    assert ev.load(folder)["acme.1"] == theirs
    assert result.changes == ()
