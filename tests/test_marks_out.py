"""The marks reach every view and export: a row, an entry or a node below `confirmed` says so,
and a message known only through a report is not exported as a personal communication."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import attrs
import pyarrow.parquet as parquet
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import evidence as ev
from evidence._cli import main
from evidence._labels import GAP, shorten
from evidence._views import cast_markdown, timeline_csv, timeline_html, timeline_markdown
from evidence.testing import strategies as s
from tests.conftest import ROOT

CONFIRMED, LIKELY, UNVERIFIED = ev.Confidence.CONFIRMED, ev.Confidence.LIKELY, ev.Confidence.UNVERIFIED
TWO_PASSAGES = "Our goal needs to be GPT-4" + GAP + "We need to learn how to build frontier and win this race."


def marked_set() -> ev.RecordSet:
    """A made-up set: a confirmed message whose date is only likely, sent by someone whose name
    is unverified; a report that quotes it; a message held in an exhibit; an affiliation that is
    only likely."""
    return ev.RecordSet(
        [
            ev.Actor(
                id="ann",
                kind="person",
                name="Ann Doe",
                confidence=CONFIRMED,
                field_confidence={"name": UNVERIFIED},
                affiliations=(ev.Affiliation(organization="acme", title="Chief", confidence=LIKELY),),
            ),
            ev.Actor(id="acme", kind="organization", name="Acme Corp.", confidence=CONFIRMED),
            ev.Actor(id="bob", kind="person", name="Bob Roe", confidence=CONFIRMED),
            ev.Case(
                id="c",
                caption="Doe v. Acme",
                name="Doe v. Acme",
                court="cand",
                docket_number="1:24-cv-1",
                filed="2024-02-01",
                confidence=CONFIRMED,
            ),
            ev.Filing(id="f", case="c", title="Declaration", filed="2024-03-01", confidence=CONFIRMED),
            ev.Exhibit(id="x", filing="f", label="A", confidence=CONFIRMED),
            ev.Source(
                id="report",
                kind="news_article",
                title="Acme's plans",
                publication="The Daily",
                published="2024-03-02",
                url="https://daily.example/acme",
                authors=("Cy Poe",),
                confidence=CONFIRMED,
                field_confidence={"url": UNVERIFIED},
            ),
            ev.Message(
                id="m-press",
                sender="bob",
                recipients=("acme",),
                sent="2023-10",
                text=TWO_PASSAGES,
                channel="chat",
                confidence=CONFIRMED,
                field_confidence={"sent": LIKELY},
                attestations=(
                    ev.Attestation(
                        source="report",
                        kind="verbatim",
                        confidence=CONFIRMED,
                        quote=ev.Quote(exact="Our goal needs to be GPT-4"),
                    ),
                ),
            ),
            ev.Message(
                id="m-exhibit",
                sender="ann",
                sent="2023-11-02",
                text="Sure.",
                channel="email",
                exhibit="x",
                confidence=CONFIRMED,
            ),
        ]
    )


@pytest.fixture
def records() -> ev.RecordSet:
    return marked_set()


def run(records: ev.RecordSet, folder: Path, *args: str) -> str:
    """What `evidence <args> <file of records>` writes to its output file."""
    ev.dump(records, folder / "records.yaml")
    assert main([args[0], str(folder / "records.yaml"), *args[1:], "-o", str(folder / "out")]) == 0
    return (folder / "out").read_text(encoding="utf-8")


# -- the views ---------------------------------------------------------------------------------


def markdown_rows(text: str) -> dict[str, list[str]]:
    """The cells of each table row, by the record id in backticks."""
    rows = {}
    for line in text.splitlines():
        found = re.search(r"`([^`]+)`", line)
        if line.startswith("| ") and found:
            rows.setdefault(found.group(1), [cell.strip() for cell in line.strip("|").split(" | ")])
    return rows


def test_the_timeline_marks_each_row_in_markdown_csv_and_html(records: ev.RecordSet, tmp_path: Path) -> None:
    events = {event.record: event for event in ev.timeline(records)}
    assert (events["m-press"].confidence, events["c"].confidence) == (LIKELY, CONFIRMED)
    page = run(records, tmp_path, "timeline")
    rows = markdown_rows(page)
    assert rows["m-press"][-1] == "likely"  # its date is only likely
    assert rows["m-exhibit"][-1] == "unverified"  # the sender's name is unverified
    assert rows["c"][-1] == "confirmed"
    assert "| Confidence |" in page
    table = run(records, tmp_path, "timeline", "--format", "csv")
    by_id = {row["id"]: row for row in csv.DictReader(io.StringIO(table))}
    assert (by_id["m-press"]["confidence"], by_id["m-exhibit"]["confidence"]) == ("likely", "unverified")
    page = run(records, tmp_path, "timeline", "--format", "html")
    press = next(line for line in page.splitlines() if "<code>m-press</code>" in line)
    assert press.startswith('<tr class="mark-likely" title="likely">')
    assert '<td class="mark">likely</td>' in press


def test_the_cast_marks_an_affiliation_and_the_row(records: ev.RecordSet, tmp_path: Path) -> None:
    rows = {line.split(" (`")[0].lstrip("| "): line for line in run(records, tmp_path, "cast").splitlines()}
    assert "Chief, Acme Corp. [likely]" in rows["Ann Doe"]
    assert rows["Ann Doe"].endswith("| unverified |")  # the name is unverified
    assert rows["Bob Roe"].endswith("| confirmed |")
    ann = next(member for member in ev.cast(records) if member.id == "ann")
    assert (ann.confidence, ann.affiliation_marks) == (UNVERIFIED, (LIKELY,))


def test_show_marks_each_line_below_confirmed(
    records: ev.RecordSet, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ev.dump(records, tmp_path / "records.yaml")
    assert main(["show", str(tmp_path / "records.yaml")]) == 0
    lines = {line.split()[0]: line for line in capsys.readouterr().out.splitlines() if line.startswith("  ")}
    assert lines["m-press"].endswith("[likely]")
    assert lines["ann"].endswith("Ann Doe (person) [unverified]")
    assert lines["report"].endswith("(2024-03-02)")  # the unverified URL is not on the line
    assert not lines["bob"].endswith("]")


def test_tables_give_each_row_its_weakest_mark(records: ev.RecordSet) -> None:
    table = ev.to_table(records, ev.Message).to_pylist()
    by_id = {row["id"]: row for row in table}
    assert by_id["m-press"]["row_confidence"] == "likely"
    assert by_id["m-press"]["confidence"] == "confirmed"
    assert dict(by_id["m-press"]["field_confidence"]) == {"sent": "likely"}
    assert by_id["m-exhibit"]["row_confidence"] == "confirmed"


@given(records=s.record_sets())
def test_no_timeline_or_cast_row_below_confirmed_prints_without_its_mark(records: ev.RecordSet) -> None:
    dated = {"message": "sent", "filing": "filed", "source": "published", "claim": "asserted_on"}
    marks = {row[0]: row[-1] for row in csv.reader(io.StringIO(timeline_csv(records)))}
    for row in csv.DictReader(io.StringIO(timeline_csv(records))):
        # the rows of a record's own date (a decision's row carries its filing's id)
        if row["id"] not in records or not row["kind"].endswith(("sent", "filed", "published", "asserted")):
            continue
        record = records[row["id"]]
        if record.KIND not in dated:
            continue
        floor = min(record.confidence, record.confidence_of(dated[record.KIND]), key=lambda level: level.rank)
        assert ev.Confidence(row["confidence"]).rank <= floor.rank, (row, record)
    assert marks.get("group") == "confidence"
    # the Markdown and HTML pages print the same mark on each row as the CSV
    events = ev.timeline(records)
    printed = [line.rstrip(" |").rsplit("| ", 1)[-1] for line in timeline_markdown(records).splitlines()[6:]]
    assert printed == [event.confidence.value for event in events]
    assert re.findall(r'<tr class="mark-(\w+)" title="\1">', timeline_html(records)) == printed
    rows = [re.search(r" \(`([^`]+)`\) \|", line) for line in cast_markdown(records).splitlines()]
    cast = {row[1]: row.string for row in rows if row is not None}
    for actor in records.actors:
        shown = cast[actor.id].rstrip(" |").rsplit("| ", 1)[-1]
        floor = min((actor.confidence, *(a.confidence for a in actor.affiliations)), key=lambda level: level.rank)
        assert ev.Confidence(shown).rank <= floor.rank
        for affiliation in actor.affiliations:
            if affiliation.confidence is not CONFIRMED:
                assert "[" in cast[actor.id]


# -- the gap between two reported passages -----------------------------------------------------


def test_shortening_keeps_the_gap_marker_or_cuts_before_it() -> None:
    for width in range(2, len(TWO_PASSAGES) + 2):
        short = shorten(TWO_PASSAGES, width)
        assert len(short) <= width
        if "[…]" not in short:
            assert TWO_PASSAGES.startswith(short.removesuffix("…")), short  # cut before the marker
            assert "[" not in short
    assert shorten(TWO_PASSAGES, len("Our goal needs to be GPT-4 [") + 1) == "Our goal needs to be GPT-4…"


@settings(max_examples=400, deadline=None)
@given(
    text=st.lists(
        st.sampled_from(["word", "a", " ", "  ", "\n", "\t", "\u00a0", "\u2003", GAP, "[…]", "…", "x" * 40]),
        max_size=60,
    ).map("".join),
    width=st.integers(min_value=2, max_value=120),
)
def test_a_shortened_text_is_the_opening_of_its_one_line_form(text: str, width: int) -> None:
    line = " ".join(text.split())
    short = shorten(text, width)
    assert len(short) <= width
    if len(line) <= width:
        assert short == line
    else:
        kept = short.removesuffix("…")
        assert short.endswith("…") and line.startswith(kept)
        # Never cut inside a gap marker: one that starts in what is kept ends in it too.
        for gap in re.finditer(re.escape("[…]"), line):
            assert gap.start() >= len(kept) or gap.end() <= len(kept), (line, short)


def test_no_view_or_export_drops_the_gap_marker(records: ev.RecordSet, tmp_path: Path) -> None:
    assert "GPT-4 […] We need" in markdown_rows(run(records, tmp_path, "timeline"))["m-press"][5]
    assert "GPT-4 […] We need" in next(event.title for event in ev.timeline(records) if event.record == "m-press")
    for to in ("csl-json", "bibtex", "ris", "annotations"):
        assert "GPT-4 […] We need" in ev.export(records, to), to


# -- the exports -------------------------------------------------------------------------------


def test_csl_json_says_every_mark_and_names_what_is_unverified(records: ev.RecordSet) -> None:
    items = {item["id"]: item for item in json.loads(ev.export(records, "csl-json"))}
    report = items["report"]
    assert report["custom"]["confidence"] == "confirmed"
    assert report["custom"]["field_confidence"] == {"url": "unverified"}
    assert report["note"] == "Unverified: url."
    assert items["f"]["custom"]["confidence"] == "confirmed" and "note" not in items["f"]


def test_bibtex_and_ris_say_the_marks_in_a_note(records: ev.RecordSet) -> None:
    bibtex = ev.export(records, "biblatex")
    entry = bibtex[bibtex.index("{report,") :].split("\n}\n")[0]
    assert "addendum = {Unverified: url.}" in entry
    assert "confidence = {confirmed}" in entry and "field_confidence = {url: unverified}" in entry
    ris = ev.export(records, "ris")
    block = ris[ris.index("ID  - report") :].split("ER  - ")[0]
    assert any(line.startswith("N1  - ") and "Unverified: url." in line for line in block.splitlines())


def test_prov_marks_entities_and_attributions(records: ev.RecordSet) -> None:
    text = ev.export(records, "prov-n")
    assert re.search(r'entity\(ev:report, \[[^]]*ev:fieldConfidence="url unverified"', text)
    assert 'wasAttributedTo(ev:m-exhibit, ev:ann, [ev:confidence="confirmed"])' in text
    data = json.loads(ev.export(records, "prov-json"))
    assert data["entity"]["ev:m-press"]["ev:confidence"] == "confirmed"


def test_each_annotation_says_how_sure_it_is(records: ev.RecordSet) -> None:
    (annotation,) = json.loads(ev.export(records, "annotations"))
    assert annotation["urn:evidence:record:confidence"] == "confirmed"
    shaky = ev.RecordSet([*records, ev.Claim(id="k", statement="Acme planned it.", status="alleged", confidence=CONFIRMED, evidence=(
        ev.EvidenceLink(record="report", quote=ev.Quote(exact="plans"), confidence=LIKELY),))])  # fmt: skip
    marks = {a["id"]: a["urn:evidence:record:confidence"] for a in json.loads(ev.export(shaky, "annotations"))}
    assert marks["urn:evidence:annotation:k:1"] == "likely"


def test_parquet_has_the_marks(records: ev.RecordSet, tmp_path: Path) -> None:
    ev.export_files(records, "parquet", tmp_path)
    table = parquet.read_table(tmp_path / "sources.parquet").to_pylist()
    assert (table[0]["confidence"], table[0]["row_confidence"]) == ("confirmed", "unverified")
    assert dict(table[0]["field_confidence"]) == {"url": "unverified"}  # a map column since issue 18


# -- a message known through a report ----------------------------------------------------------


def test_a_message_known_through_a_report_is_not_a_personal_communication(records: ev.RecordSet) -> None:
    items = {item["id"]: item for item in json.loads(ev.export(records, "csl-json"))}
    press, held = items["m-press"], items["m-exhibit"]
    assert press["type"] == "document" and press["genre"] == "Chat message"
    assert press["note"].startswith(
        "Quoted in The Daily, “Acme's plans” (2024-03-02); known only through that report: cite it (record report)."
    )
    assert press["note"].endswith("Likely: sent.")
    assert press["custom"]["known_through"] == "report"
    assert held["type"] == "personal_communication" and "known_through" not in held["custom"]
    ris = ev.export(records, "ris")
    assert "TY  - GEN\nID  - m-press" in ris and "TY  - PCOMM\nID  - m-exhibit" in ris
    bibtex = ev.export(records, "biblatex")
    entry = bibtex[bibtex.index("{m-press,") :].split("\n}\n")[0]
    (addendum,) = [line for line in entry.splitlines() if line.startswith("  addendum = {")]
    assert ". Quoted in The Daily" in addendum  # after its recipients, which biblatex has no field for


def test_a_role_in_a_case_is_as_sure_as_the_case_says(records: ev.RecordSet) -> None:
    case = ev.Case(id="c2", caption="Roe v. Acme", name="Roe v. Acme", court="cand", docket_number="1:24-cv-2",
                   parties=(ev.Party(actor="bob", role="plaintiff", confidence=CONFIRMED),), confidence=CONFIRMED,
                   field_confidence={"parties": LIKELY})  # fmt: skip
    bob = next(member for member in ev.cast(ev.RecordSet([*records, case])) if member.id == "bob")
    assert bob.roles == ("plaintiff in Roe v. Acme",)
    assert bob.confidence is LIKELY


# -- values an entry prints from another record --------------------------------------------------


def test_an_entry_printing_its_case_s_docket_and_court_carries_their_marks() -> None:
    # A docket number no one has checked must not print as a fact in the entries of the case's
    # filings, exhibits and decisions, which print it too.
    kadrey = ev.load(ROOT / "examples" / "kadrey-v-meta")
    case = kadrey.get("kadrey-v-meta")
    marked = attrs.evolve(case, field_confidence={"docket_number": UNVERIFIED, "court": LIKELY})
    records = ev.RecordSet([marked if record is case else record for record in kadrey])
    lent = "Of its case: Unverified: docket_number. Likely: court."
    csl = {item["id"]: item for item in json.loads(ev.export(records, "csl-json"))}
    for id in ("ecf-391", "ecf-391-ex-k", "order-ecf-471"):
        assert "3:23-cv-03417-VC" in csl[id]["number"] and lent in csl[id]["note"], id
    assert "Of its filing" not in csl["ecf-391-ex-k"]["note"]  # the filing itself is confirmed
    biblatex = ev.export(records, "biblatex")
    exhibit = biblatex[biblatex.index("{ecf-391-ex-k,") :].split("\n}\n")[0]
    assert lent.replace("_", "\\_") in " ".join(exhibit.split())  # escaped for LaTeX
    ris = ev.export(records, "ris")
    filing = ris[ris.index("ID  - ecf-391\n") :].split("ER  -")[0]
    assert lent in filing
    # Without the marks, no entry says anything of its case.
    assert "Of its case" not in ev.export(kadrey, "csl-json")
