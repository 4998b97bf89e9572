from __future__ import annotations

import csv
import io
import re

import pyarrow as pa
import pytest

import evidence
from evidence._model import RECORD_KINDS
from evidence._views import (
    cast,
    cast_markdown,
    timeline,
    timeline_csv,
    timeline_html,
    timeline_markdown,
    to_pandas,
    to_table,
)
from tests.conftest import EXAMPLES


@pytest.fixture(scope="module")
def kadrey() -> evidence.RecordSet:
    return evidence.load(EXAMPLES / "kadrey-v-meta")


@pytest.fixture
def small() -> evidence.RecordSet:
    case = evidence.Case(
        id="c", caption="A v. B", name="A v. B", court="cand", docket_number="1:23-cv-1", filed="2023-10-15"
    )
    return evidence.RecordSet(
        [
            case,
            evidence.Filing(id="f1", case="c", title="Motion <to> seal & more", filed="2023-10-15"),
            evidence.Message(id="m1", text="month only", sent="2023-10"),
            evidence.Message(id="m2", text="later", sent="2023-11-02"),
            evidence.Message(id="m3", text="undated"),
            evidence.Source(id="s1", kind="news_article", title="Approximate", published="2021~"),
        ]
    )


def test_timeline_orders_the_kadrey_events(kadrey: evidence.RecordSet) -> None:
    events = timeline(kadrey)
    ids = [e.record for e in events]
    goal = ids.index("chat-goal-gpt4")
    assert goal < ids.index("zuckerberg-open-source-ai") < ids.index("ecf-391")
    event = events[goal]
    assert event.label == "Oct. 2023"
    assert event.precision == "month"
    assert event.kind == "message sent"
    assert events[ids.index("ecf-391")].label == "Jan. 14, 2025"
    assert [e.group for e in events] == sorted(e.group for e in events)
    # Undated messages are not events.
    assert "chat-mistral-peanuts" not in ids


def test_timeline_groups_events_of_unknown_order(small: evidence.RecordSet) -> None:
    events = timeline(small)
    by_key = {(e.record, e.kind): e for e in events}
    month = by_key["m1", "message sent"]
    filing = by_key["f1", "filing filed"]
    case = by_key["c", "case filed"]
    later = by_key["m2", "message sent"]
    approximate = by_key["s1", "news article published"]
    assert month.group == filing.group == case.group
    assert later.group > month.group
    assert approximate.group < month.group
    assert approximate.label == "c. 2021"
    assert approximate.precision == "year, approximate"
    assert "m3" not in {e.record for e in events}
    assert events[-1] == later


def test_timeline_shows_times() -> None:
    records = evidence.RecordSet([evidence.Message(id="m", sent="2025-01-14T09:05[America/Los_Angeles]")])
    (event,) = timeline(records)
    assert event.label == "Jan. 14, 2025, 9:05 AM PST"
    assert event.precision == "minute"


def test_timeline_csv(small: evidence.RecordSet) -> None:
    rows = list(csv.DictReader(io.StringIO(timeline_csv(small))))
    assert list(rows[0]) == ["group", "date", "precision", "earliest", "latest", "kind", "id", "title", "confidence"]
    month = next(r for r in rows if r["id"] == "m1")
    assert month["date"] == "Oct. 2023"
    assert month["precision"] == "month"
    assert month["earliest"] == "2023-10-01T00:00:00+00:00"
    assert month["latest"].startswith("2023-10-31T23:59:59")
    assert month["group"] == next(r for r in rows if r["id"] == "f1")["group"]


def test_timeline_html_is_self_contained_and_escaped(small: evidence.RecordSet, kadrey: evidence.RecordSet) -> None:
    page = timeline_html(small)
    assert page.count("<html") == 1 and page.count("</html>") == 1
    assert "<style>" in page
    assert "<script" not in page
    assert "Motion &lt;to&gt; seal &amp; more" in page
    assert "<to>" not in page
    for text in (page, timeline_html(kadrey)):
        assert not re.search(r"""(src|href)\s*=\s*["']?[^"'>]*http""", text, re.IGNORECASE)
        assert "<link" not in text


def test_timeline_markdown_shows_groups(small: evidence.RecordSet) -> None:
    text = timeline_markdown(small)
    assert "| Group |" in text
    assert "order unknown" in text
    assert "Oct. 2023" in text
    group_cells = [line.split("|")[1].strip() for line in text.splitlines() if line.startswith("| ") and "`" in line]
    assert group_cells[0] == "1"
    assert group_cells[1].startswith("2 (3, order unknown)")
    assert group_cells[2:4] == ["″", "″"]
    assert group_cells[4] == "3"


def test_cast(kadrey: evidence.RecordSet) -> None:
    members = {m.id: m for m in cast(kadrey)}
    ahmad = members["ahmad-al-dahle"]
    assert ahmad.name == "Ahmad Al-Dahle"
    assert ahmad.kind == "person"
    assert ("Meta Platforms, Inc.", "VP of Generative AI") in ahmad.affiliations
    sent = {m.id for m in kadrey.messages if m.sender == "ahmad-al-dahle"}
    assert sent and sent <= set(ahmad.records)
    assert all(a.fields == ("sender",) for a in ahmad.appearances if a.record in sent)
    assert "district judge in Kadrey v. Meta Platforms, Inc." in members["vince-chhabria"].roles
    assert "defendant in Kadrey v. Meta Platforms, Inc." in members["meta"].roles
    assert members["meta"].kind == "organization"
    text = cast_markdown(kadrey)
    line = next(line for line in text.splitlines() if "Ahmad Al-Dahle" in line)
    assert "VP of Generative AI, Meta Platforms, Inc." in line
    assert all(f"`{id}`" in line for id in sent)


def test_to_table_messages(kadrey: evidence.RecordSet) -> None:
    table = to_table(kadrey, evidence.Message)
    assert table.num_rows == len(kadrey.messages)
    assert table.column("id").to_pylist() == [m.id for m in kadrey.messages]
    for name in ("sender", "recipients", "channel", "sent", "sent_earliest", "sent_latest", "text", "attestations"):
        assert name in table.column_names
    assert pa.types.is_timestamp(table.schema.field("sent_earliest").type)
    assert pa.types.is_list(table.schema.field("recipients").type)
    row = next(r for r in table.to_pylist() if r["id"] == "chat-goal-gpt4")
    assert row["sent"] == "2023-10"
    assert row["sent_earliest"].isoformat() == "2023-10-01T00:00:00+00:00"
    assert row["recipients"] == ["hugo-touvron"]
    assert row["channel"] == "chat"
    assert row["confidence"] == "likely"
    # A list of structs since issue 18 (it was JSON text); the kind left out of the file is filled.
    attestation = row["attestations"][0]
    assert attestation["source"] == "techcrunch-2025-01-14"
    assert attestation["quote"]["exact"] == "Honestly… Our goal needs to be GPT-4"
    assert (attestation["kind"], attestation["confidence"]) == ("verbatim", "likely")
    assert to_table(kadrey, "message").equals(table)


def test_to_pandas(kadrey: evidence.RecordSet) -> None:
    frame = to_pandas(kadrey, "messages")
    assert len(frame) == len(kadrey.messages)
    assert list(frame["id"]) == [m.id for m in kadrey.messages]
    assert str(frame["sent_earliest"].dtype).startswith("datetime64")


def test_to_table_refuses_an_unknown_kind(kadrey: evidence.RecordSet) -> None:
    with pytest.raises(evidence.UsageError, match="unknown record kind"):
        to_table(kadrey, "widget")


def test_to_table_without_pyarrow(kadrey: evidence.RecordSet, monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "pyarrow", None)
    with pytest.raises(evidence.UsageError, match=r"pip install 'evidence\[arrow\]'"):
        to_table(kadrey, "message")


def test_timeline_has_sealing_events_and_decisions() -> None:
    records = evidence.RecordSet(
        [
            evidence.Exhibit(
                id="ex",
                filing="f",
                label="K",
                sealing=[
                    evidence.SealingEvent(action="unsealed", date="2025-01-14"),
                    evidence.SealingEvent(action="sealed"),
                ],
            ),
            evidence.Claim(id="cl", statement="It happened.", status="alleged", asserted_on="2024-06/2024-08"),
        ]
    )
    events = timeline(records)
    assert [(e.kind, e.label) for e in events] == [
        ("claim asserted", "June 2024 – Aug. 2024"),
        ("exhibit unsealed", "Jan. 14, 2025"),
    ]
    assert events[0].precision == "interval"


def test_a_line_break_or_backtick_in_a_name_cannot_break_a_row() -> None:
    # A carriage return inside a title ends a CSV line for most readers unless quoted; a
    # backtick would open a Markdown code span that swallows the id beside it.
    case = evidence.Case(
        id="c", caption="Roe v.\rWidget", name="Roe v.\rWidget `Co.`", court="cand", docket_number="1", filed="2023"
    )
    actor = evidence.Actor(id="a", name="Lee `the` Engineer", kind="person")
    rows = list(csv.DictReader(io.StringIO(timeline_csv([case]))))
    assert [row["title"] for row in rows] == ["Roe v. Widget `Co.`"]
    assert "| Roe v. Widget \\`Co.\\` |" in timeline_markdown([case])
    assert "| Lee \\`the\\` Engineer (`a`) |" in cast_markdown([actor])


def _open_case(sent: str) -> evidence.RecordSet:
    # Made-up: Doe v. Acme Corp., four clearly ordered filings and a message whose date is known
    # only on one side.
    doe = "Doe v. Acme Corp."
    case = evidence.Case(id="c", caption=doe, name=doe, court="cand", docket_number="1", filed="2025-08-01")
    filings = [
        evidence.Filing(id=f"f{n}", case="c", title=f"Filing {n}", filed=day)
        for n, day in enumerate(["2025-09-10", "2025-09-20", "2025-10-01", "2025-10-15"], start=1)
    ]
    return evidence.RecordSet([case, *filings, evidence.Message(id="m", text="Press statement", sent=sent)])


def test_an_open_ended_event_does_not_chain_ordered_events_into_one_group() -> None:
    # Known only to be on or after Sept. 5: before, every later filing fell in its group.
    events = timeline(_open_case("2025-09-05/.."))
    assert [e.record for e in events] == ["c", "m", "f1", "f2", "f3", "f4"]
    assert [e.group for e in events] == [1, 2, 3, 4, 5, 6]
    message = events[1]
    assert message.open
    assert (message.label, message.precision) == ("on or after Sept. 5, 2025", "interval, open end")
    assert not any(e.open for e in events if e.record != "m")
    assert "order unknown" not in timeline_markdown(_open_case("2025-09-05/.."))
    # The CSV still gives the true bounds: an empty latest for the open end.
    row = next(r for r in csv.DictReader(io.StringIO(timeline_csv(_open_case("2025-09-05/..")))) if r["id"] == "m")
    assert (row["earliest"], row["latest"]) == ("2025-09-05T00:00:00+00:00", "")


def test_an_open_start_event_is_placed_at_its_known_end() -> None:
    # On or before Sept. 20: listed at Sept. 20, in one group with the filing of that day only.
    events = timeline(_open_case("../2025-09-20"))
    assert [e.record for e in events][:2] == ["c", "f1"]
    by_id = {e.record: e for e in events}
    assert by_id["m"].group == by_id["f2"].group
    assert len({by_id[i].group for i in ("c", "f1", "f2", "f3", "f4")}) == 5
    assert (by_id["m"].label, by_id["m"].precision) == ("on or before Sept. 20, 2025", "interval, open start")
    # An end not known (rather than open) is placed the same way and says so.
    unknown = {e.record: e for e in timeline(_open_case("2025-09-05/"))}["m"]
    assert unknown.open and unknown.precision == "interval, end unknown"
    assert len({e.group for e in timeline(_open_case("2025-09-05/"))}) == 6


def test_to_pandas_gives_whole_numbers_as_nullable_integers(kadrey: evidence.RecordSet) -> None:
    # Made-up: Doe v. Acme Corp., one filing with an ECF number and one without (it printed
    # `231.0` and `NaN`).
    records = evidence.RecordSet(
        [
            evidence.Filing(id="f1", case="c", ecf=231, pages=12, confidence="confirmed"),
            evidence.Filing(id="f2", case="c", title="Letter to the court", confidence="confirmed"),
        ]
    )
    frame = to_pandas(records, evidence.Filing)
    assert str(frame["ecf"].dtype) == "Int64"
    assert frame["ecf"].tolist()[0] == 231 and frame["ecf"].isna().tolist() == [False, True]
    assert "231.0" not in frame.to_string() and "NaN" not in frame[["ecf", "pages"]].to_string()
    # Every integer column of every kind, read from the Arrow table's own types.
    for cls in RECORD_KINDS:  # the registry, so a kind added later is checked too
        table = to_table(kadrey, cls)
        integers = [f.name for f in table.schema if pa.types.is_integer(f.type)]
        frame = to_pandas(kadrey, cls)
        assert {name: str(frame[name].dtype) for name in integers} == dict.fromkeys(integers, "Int64"), cls.KIND
    assert {"ecf", "pages"} <= {f.name for f in to_table(kadrey, evidence.Filing).schema if pa.types.is_integer(f.type)}
