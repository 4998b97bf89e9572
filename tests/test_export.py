"""Exports for reference managers: CSL-JSON that the official schema accepts, BibTeX that parses
back to every field written, RIS with one record per item; uncertainty and missing parts survive."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from bibtexparser.entrypoint import parse_string
from bibtexparser.library import Library
from bibtexparser.middlewares import LatexDecodingMiddleware
from bibtexparser.model import Entry
from hypothesis import given

import evidence as ev
from evidence._cli import main
from evidence._export import FORMATS, export, export_files, to_csl_json
from evidence._export.bibtex import _bibtex_title, biblatex_entries, to_biblatex
from evidence._export.items import items as export_items
from evidence._export.ris import to_ris
from evidence.testing import strategies as s
from tests.conftest import EXAMPLES, ROOT

CONFIRMED = ev.Confidence.CONFIRMED

KADREY = EXAMPLES / "kadrey-v-meta"
# The CSL-JSON schema, release v1.0.2, copied into the tests with its licence (see its README).
CSL_SCHEMA_FILE = ROOT / "tests" / "data" / "csl" / "csl-data.json"
CSL_SCHEMA = json.loads(CSL_SCHEMA_FILE.read_text(encoding="utf-8"))
CSL = jsonschema.Draft7Validator(CSL_SCHEMA)
CITABLE = (ev.Source, ev.Case, ev.Filing, ev.Exhibit, ev.Message)
RIS_LINE = re.compile(r"[A-Z][A-Z0-9]  - .*")


@pytest.fixture(scope="module")
def records() -> ev.RecordSet:
    return ev.load(KADREY)


@pytest.fixture(scope="module")
def items(records: ev.RecordSet) -> dict[str, dict[str, Any]]:
    return {item["id"]: item for item in to_csl_json(records)}


def problems(data: Any) -> list[str]:
    return [f"{'/'.join(map(str, error.absolute_path))}: {error.message}" for error in CSL.iter_errors(data)]


def parse_bibtex(text: str) -> Library:
    library = parse_string(text)
    assert library.failed_blocks == []
    return library


def ris_records(text: str) -> list[list[str]]:
    return [block.splitlines() for block in text.split("\n\n") if block.strip()]


# -- the schema -------------------------------------------------------------------------------


def test_the_copied_schema_is_draft_07_and_keeps_its_licence() -> None:
    assert CSL_SCHEMA["$schema"] == "http://json-schema.org/draft-07/schema#"
    jsonschema.Draft7Validator.check_schema(CSL_SCHEMA)
    assert (CSL_SCHEMA_FILE.parent / "LICENSE.txt").read_text(encoding="utf-8").startswith("MIT License")
    # Item-level keys are closed; extras may only go in `custom`, which is an open object.
    assert CSL_SCHEMA["items"]["additionalProperties"] is False
    assert CSL_SCHEMA["items"]["properties"]["custom"]["type"] == "object"


# -- CSL-JSON ---------------------------------------------------------------------------------


def test_the_kadrey_example_exports_csl_json_the_schema_accepts(records: ev.RecordSet) -> None:
    data = to_csl_json(records)
    assert problems(data) == []
    # Issue 18: each decision is an item of its own (CSL's legal_case), in the order read.
    citable = [record.id for record in records if isinstance(record, (*CITABLE, ev.Decision))]
    assert [item["id"] for item in data] == citable
    assert json.loads(export(records, "csl-json")) == data


def test_a_news_article_with_uncertain_fields(items: dict[str, dict[str, Any]]) -> None:
    assert items["techcrunch-2025-01-14"] == {
        "id": "techcrunch-2025-01-14",
        "type": "article-newspaper",
        "title": "Meta execs obsessed over beating OpenAI's GPT-4 internally, court filings reveal",
        "author": [{"family": "Zeff", "given": "Maxwell"}],
        "container-title": "TechCrunch",
        "issued": {"date-parts": [[2025, 1, 14]]},
        "URL": "https://techcrunch.com/2025/01/14/meta-execs-obsessed-over-beating-openais-gpt-4-internally-court-filings-reveal/",
        "language": "en",
        "note": (
            "The English original of the seed story. Title and date agree across several copies; the author is "
            "believed but not found; the URL follows TechCrunch's pattern, its slug not seen. No copy of its text "
            "is stored here.\n\nUnverified: authors, url. Likely: the record as a whole."
        ),
        "custom": {"confidence": "likely", "field_confidence": {"authors": "unverified", "url": "unverified"}},
    }


def test_a_translation_names_its_original(items: dict[str, dict[str, Any]]) -> None:
    item = items["bolt42-article-pt"]
    assert "title" not in item  # not known: nothing is made up
    assert item["original-title"] == items["techcrunch-2025-01-14"]["title"]
    assert item["original-author"] == [{"family": "Zeff", "given": "Maxwell"}]
    assert item["original-date"] == {"date-parts": [[2025, 1, 14]]}
    assert item["custom"] == {
        "translation_of": "techcrunch-2025-01-14",
        "confidence": "confirmed",
        "field_confidence": {"publication": "unverified", "translation_of": "likely"},
    }


def test_a_case(items: dict[str, dict[str, Any]]) -> None:
    # Issue 18: the docket number labelled as styles print it, the filing date as `submitted`
    # (no style prints it as decided), the decisions by id: each is an item of its own.
    assert items["kadrey-v-meta"] == {
        "id": "kadrey-v-meta",
        "type": "legal_case",
        "title": "Kadrey v. Meta Platforms, Inc.",
        "title-short": "Kadrey",
        "authority": "N.D. Cal.",
        "number": "No. 3:23-cv-03417-VC",
        "submitted": {"date-parts": [[2023, 7, 7]]},
        "URL": "https://www.courtlistener.com/docket/67569326/kadrey-v-meta-platforms-inc/",
        "note": (
            "A civil class action for copyright infringement. Orders print the docket number as '23-cv-03417-VC'; "
            "filings before the magistrate judge add '(TSH)'."
        ),
        "custom": {
            "caption": "RICHARD KADREY, et al., Plaintiffs, v. META PLATFORMS, INC., Defendant",
            "court": "cand",
            "filed": "2023-07-07",
            "nature_of_suit": "820 Copyright",
            "identifiers": {"pacer": "415175", "courtlistener": "67569326"},
            "decisions": ["order-2025-01-13", "order-ecf-471", "order-ecf-598"],
            "confidence": "confirmed",
        },
    }


def test_a_decision_is_an_item_of_its_own(items: dict[str, dict[str, Any]]) -> None:
    # The Westlaw cite in the variables a reporter's cite takes: the year as volume (Bluebook R10.8.1).
    assert items["order-2025-01-13"] == {
        "id": "order-2025-01-13",
        "type": "legal_case",
        "title": "Kadrey v. Meta Platforms, Inc.",
        "title-short": "Kadrey",
        "authority": "N.D. Cal.",
        "number": "No. 23-cv-03417-VC",
        "container-title": "WL",
        "volume": "2025",
        "page": "82205",
        "issued": {"date-parts": [[2025, 1, 13]]},
        "custom": {
            "case": "kadrey-v-meta",
            "kind": "order",
            "title": "Order granting leave to amend",
            "cites": ["2025 WL 82205"],
            "judges": ["vince-chhabria"],
            "confidence": "confirmed",
        },
    }
    slip = items["order-ecf-471"]  # a slip opinion: known by its docket entry
    assert slip["number"] == "No. 3:23-cv-03417-VC, ECF No. 471" and "container-title" not in slip
    assert (
        slip["note"]
        == "The district judge of the case; the fact sheet does not name the judge of this order.\n\nLikely: judges."
    )
    assert slip["custom"]["field_confidence"] == {"judges": "likely"}


def test_a_filing_without_a_title_is_called_by_its_kind(items: dict[str, dict[str, Any]]) -> None:
    item = items["ecf-391"]
    # Issue 18: a court document, named with its case; no "In Kadrey v. Meta" as for a chapter.
    assert (item["type"], item["title"], item["title-short"], item["number"]) == (
        "legal_case",
        'Declaration, <span class="nocase">Kadrey v. Meta Platforms, Inc.</span>',
        "Decl.",
        "No. 3:23-cv-03417-VC, ECF No. 391",
    )
    assert ("container-title" not in item, item["authority"]) == (True, "N.D. Cal.")
    assert item["custom"] == {
        "case": "kadrey-v-meta",
        "docket_number": "3:23-cv-03417-VC",
        "court": "cand",
        "ecf": 391,
        "filed": "2025-01-14",
        "kind": "declaration",
        "confidence": "confirmed",
        "field_confidence": {"url": "likely"},
    }


def test_an_exhibit(items: dict[str, dict[str, Any]]) -> None:
    assert items["ecf-391-ex-k"] == {
        "id": "ecf-391-ex-k",
        "type": "legal_case",
        "title": 'Ex. K, <span class="nocase">Kadrey v. Meta Platforms, Inc.</span>',
        "authority": "N.D. Cal.",
        "number": "No. 3:23-cv-03417-VC, ECF No. 391-24",
        "issued": {"date-parts": [[2025, 1, 14]]},
        "URL": "https://storage.courtlistener.com/recap/gov.uscourts.cand.415175/gov.uscourts.cand.415175.391.24.pdf",
        "note": (
            "ECF No. 391-24. No Bates range, custodian or designation of it is recorded here: none was seen.\n\n"
            "Likely: url."
        ),
        "custom": {
            "exhibit": "K",
            "attachment": 24,
            "filing": "ecf-391",
            "ecf": 391,
            "filed": "2025-01-14",
            "case": "kadrey-v-meta",
            "docket_number": "3:23-cv-03417-VC",
            "court": "cand",
            "confidence": "confirmed",
            "field_confidence": {"url": "likely"},
        },
    }


def test_a_message_sent_in_a_month_has_no_day(items: dict[str, dict[str, Any]]) -> None:
    assert items["chat-goal-gpt4"] == {
        "id": "chat-goal-gpt4",
        "type": "document",  # known only through the press: no personal communication
        "title": "Chat message from Ahmad Al-Dahle to Hugo Touvron",  # what it is; its words are the abstract
        "genre": "Chat message",
        "author": [{"family": "Al-Dahle", "given": "Ahmad"}],
        "recipient": [{"family": "Touvron", "given": "Hugo"}],
        "issued": {"date-parts": [[2023, 10]]},
        "language": "en",
        "abstract": (
            "Honestly… Our goal needs to be GPT-4 […] "
            "We have 64k GPUs coming! We need to learn how to build frontier and win this race."
        ),
        "note": (
            "Quoted in TechCrunch, “Meta execs obsessed over beating OpenAI's GPT-4 internally, court filings "
            "reveal” (2025-01-14); known only through that report: cite it (record techcrunch-2025-01-14).\n\n"
            "Two passages of one message, as reported; what stands between them is not known, so the text marks the "
            "gap with '[…]'. One outlet prints "
            "'GPT4'. 'de forma inovadora' is a loose rendering of 'build frontier'. Probably one of the ECF No. 391 "
            "exhibits; which one is not known, and no Bates number was found.\n\n"
            "Likely: the record as a whole."
        ),
        "custom": {
            "channel": "chat",
            "filing": "ecf-391",
            "sender": "ahmad-al-dahle",
            "recipients": ["hugo-touvron"],
            "quoted_in": ["techcrunch-2025-01-14", "bolt42-article-pt"],
            "known_through": "techcrunch-2025-01-14",
            "confidence": "likely",
            "field_confidence": {"filing": "likely"},
        },
    }


def test_an_unnamed_sender_is_a_literal_name(items: dict[str, dict[str, Any]]) -> None:
    assert items["chat-llama3-all-i-care"]["author"] == [{"literal": "an unnamed Meta executive"}]
    assert items["chat-very-aggressive"]["custom"]["confidence"] == "unverified"


def test_records_all_confirmed_say_so_and_add_no_note(items: dict[str, dict[str, Any]]) -> None:
    # Saying nothing would not mean confirmed (format version 2): the mark is always written.
    assert items["zuckerberg-open-source-ai"]["custom"] == {"confidence": "confirmed"}
    assert items["meta-llama-3-release"]["custom"] == {"confidence": "confirmed"}
    assert "Likely" not in items["zuckerberg-open-source-ai"].get("note", "")
    assert items["meta-llama-3-release"]["type"] == "document"  # a source of no known kind


@pytest.mark.parametrize(
    ("text", "issued", "exact"),
    [
        ("2023", {"date-parts": [[2023]]}, None),
        ("2023-10", {"date-parts": [[2023, 10]]}, None),
        ("2023-10~", {"date-parts": [[2023, 10]], "circa": True}, None),
        ("2023-10?", {"date-parts": [[2023, 10]]}, "2023-10?"),
        ("2023-10-10T23:30-07:00", {"date-parts": [[2023, 10, 10]]}, "2023-10-10T23:30-07:00"),
        ("2024-01/2024-03-15", {"date-parts": [[2024, 1], [2024, 3, 15]]}, None),
        ("../2024-04-18", None, "../2024-04-18"),
        ("2024-04-18/", None, "2024-04-18/"),
    ],
)
def test_dates_keep_their_precision_and_what_csl_cannot_say_goes_to_custom(
    text: str, issued: dict[str, Any] | None, exact: str | None
) -> None:
    message = ev.Message(id="m", sent=ev.parse_date(text), text="hello")
    (item,) = to_csl_json(ev.RecordSet([message]))
    assert item.get("issued") == issued
    assert item.get("custom", {}).get("sent") == exact
    assert problems([item]) == []


def test_dangling_references_export_with_their_ids() -> None:
    records = ev.RecordSet(
        [
            ev.Filing(id="f", case="no-such-case", filed_by=("nobody",), confidence="confirmed"),
            ev.Exhibit(
                id="x",
                filing="no-such-filing",
                label="A",
                bates=ev.BatesRange(begin="AB_0001", end="AB_0009"),
                confidence="confirmed",
            ),
            ev.Message(id="m", sender="nobody", recipients=("nobody",), exhibit="x", confidence="confirmed"),
            ev.Case(
                id="c",
                caption="A v. B",
                name="A v. B",
                court="no-such-court",
                docket_number="1",
                confidence="confirmed",
            ),
            ev.Source(id="s", kind=ev.SourceKind.OTHER, translation_of="nowhere", confidence="confirmed"),
        ]
    )
    data = {item["id"]: item for item in to_csl_json(records)}
    assert problems(list(data.values())) == []
    assert data["f"] == {
        "id": "f",
        "type": "legal_case",
        "custom": {"case": "no-such-case", "filed_by": ["nobody"], "confidence": "confirmed"},
    }
    assert data["x"]["custom"] == {
        "exhibit": "A",
        "bates_begin": "AB_0001",
        "bates_end": "AB_0009",
        "filing": "no-such-filing",
        "confidence": "confirmed",
    }
    assert "author" not in data["m"] and data["m"]["custom"]["sender"] == "nobody"
    assert "authority" not in data["c"] and data["c"]["custom"]["court"] == "no-such-court"
    assert data["s"]["custom"] == {"translation_of": "nowhere", "confidence": "confirmed"}
    assert len(ris_records(to_ris(records))) == 5
    assert len(parse_bibtex(to_biblatex(records)).entries) == 5


@given(records=s.record_sets())
def test_every_record_set_exports_csl_json_the_schema_accepts(records: ev.RecordSet) -> None:
    data = json.loads(export(records, "csl-json"))
    assert problems(data) == []
    assert len(data) == sum(isinstance(record, (*CITABLE, ev.Decision)) for record in records)


# -- BibTeX -----------------------------------------------------------------------------------


def fields_of(entry: Entry) -> list[tuple[str, str]]:
    return [(field.key, field.value) for field in entry.fields]


def test_bibtex_parses_back_to_every_field_written(records: ev.RecordSet) -> None:
    library = parse_bibtex(to_biblatex(records))
    written = biblatex_entries(records)
    assert [entry.key for entry in library.entries] == [item.id for item in export_items(records)]
    for entry, bib_entry in zip(library.entries, written, strict=True):
        assert (entry.entry_type, fields_of(entry)) == (bib_entry.type, bib_entry.fields)


def test_bibtex_entry_types_and_custom_fields(records: ev.RecordSet) -> None:
    entries = {entry.key: entry for entry in parse_bibtex(to_biblatex(records)).entries}
    types = {key: entry.entry_type for key, entry in entries.items()}
    # Court records are @manual: biblatex's data model gives @jurisdiction no title, court or number.
    assert types["kadrey-v-meta"] == types["ecf-391"] == types["ecf-391-ex-k"] == "manual"
    assert types["chat-goal-gpt4"] == "misc"
    assert types["techcrunch-2025-01-14"] == "article"
    assert types["zuckerberg-open-source-ai"] == "online"
    assert types["meta-llama-3-release"] == "misc"
    article = entries["techcrunch-2025-01-14"]
    assert article["title"] == "Meta execs obsessed over beating {OpenAI's} {GPT-4} internally, court filings reveal"
    assert (article["author"], article["journaltitle"], article["date"]) == (
        "Zeff, Maxwell",
        "TechCrunch",
        "2025-01-14",
    )
    assert article["field_confidence"] == "authors: unverified, url: unverified"
    exhibit = entries["ecf-391-ex-k"]
    assert (exhibit["exhibit"], exhibit["ecf"], exhibit["number"], exhibit["attachment"]) == (
        "K",
        "391",
        "ECF No. 391-24",
        "24",
    )
    chat = entries["chat-goal-gpt4"]
    # biblatex has no field for a recipient: the addendum names them, as the styles print it.
    assert (chat["date"], chat["confidence"]) == ("2023-10", "likely")
    assert chat["addendum"].startswith("To Hugo Touvron. Quoted in TechCrunch")
    assert entries["chat-llama3-all-i-care"]["author"] == "{an unnamed Meta executive}"


def test_bibtex_keeps_an_organization_whole() -> None:
    records = ev.RecordSet(
        [
            # Made-up parties (as in Doe v. Acme): an organization and a person with a two-word surname.
            ev.Actor(id="acme", name="Acme Widget Co., Inc.", kind=ev.ActorKind.ORGANIZATION, confidence="confirmed"),
            ev.Actor(
                id="lucia", name="Lucía Pérez Gómez", family_name="Pérez Gómez", kind=ev.ActorKind.PERSON,
                confidence="confirmed",
            ),
            ev.Filing(id="f", case="c", filed_by=("acme", "lucia"), confidence="confirmed"),
        ]
    )  # fmt: skip
    (entry,) = parse_bibtex(to_biblatex(records)).entries
    assert entry["author"] == "{Acme Widget Co., Inc.} and Pérez Gómez, Lucía"
    assert to_csl_json(records)[0]["author"] == [
        {"literal": "Acme Widget Co., Inc."},
        {"family": "Pérez Gómez", "given": "Lucía"},
    ]


def test_bibtex_escapes_special_characters_and_protects_capitals() -> None:
    title = r"R&D at 100% for $5: #1 a_b {x} ~ ^ \ in São Paulo"
    source = ev.Source(
        id="s",
        kind=ev.SourceKind.WEB_PAGE,
        title=title,
        authors=("García Márquez, Gabriel", "Bob and Alice Smith"),
        url="https://example.com/a_b?x=1%20#frag",
        page="4",
    )
    (entry,) = parse_bibtex(to_biblatex(ev.RecordSet([source]))).entries
    assert entry["title"] == (
        r"{R\&D} at 100\% for \$5: \#1 a\_b \textbraceleft{}x\textbraceright{} \textasciitilde{} "
        r"\textasciicircum{} \textbackslash{} in {São} {Paulo}"
    )
    # "and" inside a name is braced, or BibTeX would read two people.
    assert entry["author"] == "García Márquez, Gabriel and Smith, {Bob and Alice}"
    assert entry["url"] == "https://example.com/a_b?x=1%20#frag"  # biblatex reads URLs verbatim
    decoded = parse_string(to_biblatex(ev.RecordSet([source])), append_middleware=[LatexDecodingMiddleware()])
    assert decoded.entries[0]["title"].startswith("R&D at 100% for $5: #1 a_b")


def test_an_at_sign_opening_a_line_does_not_start_an_entry() -> None:
    message = ev.Message(id="m", text="see\n@misc{x, title = {y}}")
    (entry,) = parse_bibtex(to_biblatex(ev.RecordSet([message]))).entries
    assert (
        entry["abstract"]
        == "see\n{@}misc\\textbraceleft{}x, title = \\textbraceleft{}y\\textbraceright{}\\textbraceright{}"
    )


@pytest.mark.parametrize(
    ("title", "written"),
    [
        ("Kadrey v. Meta Platforms, Inc.", "Kadrey v. {Meta} {Platforms}, {Inc}."),
        ("iPhone sales (TSH)", "{iPhone} sales ({TSH})"),
        ("was bad", "was bad"),
        ("Ünïcode über Éclair", "Ünïcode über {Éclair}"),
    ],
)
def test_bibtex_titles_brace_every_capital_a_style_could_lower(title: str, written: str) -> None:
    assert _bibtex_title(title) == written


@given(records=s.record_sets())
def test_every_record_set_exports_bibtex_that_parses_back(records: ev.RecordSet) -> None:
    library = parse_bibtex(to_biblatex(records))
    written = biblatex_entries(records)
    assert [entry.key for entry in library.entries] == [item.id for item in export_items(records)]
    for entry, bib_entry in zip(library.entries, written, strict=True):
        assert (entry.entry_type, fields_of(entry)) == (bib_entry.type, bib_entry.fields)


# -- RIS --------------------------------------------------------------------------------------


def test_ris_has_one_record_per_item_with_the_expected_tags(records: ev.RecordSet) -> None:
    text = to_ris(records)
    blocks = ris_records(text)
    assert text.count("\nER  - \n") == len(blocks) == len(to_csl_json(records)) - len(records.decisions)
    for lines in blocks:
        assert lines[-1] == "ER  - "
        assert all(RIS_LINE.fullmatch(line) for line in lines)
    by_id = {lines[1].removeprefix("ID  - "): lines for lines in blocks}
    # A newspaper article keeps to the first RIS specification's tags, its notes in one N1: so
    # citation-js reads AU as its author and Y1 as its full date (test_export_bib_ris.py).
    assert [line[:2] for line in by_id["techcrunch-2025-01-14"]] == [
        "TY",
        "ID",
        "AU",
        "TI",
        "T2",
        "Y1",
        "UR",
        "N1",
        "ER",
    ]
    assert by_id["techcrunch-2025-01-14"][0] == "TY  - NEWS"
    assert "Y1  - 2025/01/14" in by_id["techcrunch-2025-01-14"]
    assert by_id["techcrunch-2025-01-14"][-2].endswith(" | field_confidence: authors: unverified, url: unverified")
    chat = by_id["chat-goal-gpt4"]
    # Known only through a report, the message is a GEN, whose A2 readers take for an editor.
    assert chat[:4] == ["TY  - GEN", "ID  - chat-goal-gpt4", "AU  - Al-Dahle, Ahmad", chat[3]]
    assert "A2  - Touvron, Hugo" not in chat and " | To Hugo Touvron | " in chat[-2]
    assert "DA  - 2023/10//" in chat and "PY  - 2023" in chat
    case = by_id["kadrey-v-meta"]
    assert {"TY  - CASE", "PB  - N.D. Cal.", "SV  - 3:23-cv-03417-VC", "SE  - 2023/07/07/"} <= set(case)
    assert {"TY  - GEN", "M1  - ECF No. 391-24"} <= set(by_id["ecf-391-ex-k"])
    assert " | exhibit: K | " in by_id["ecf-391-ex-k"][-2]  # the notes in one N1, which citation-js keeps
    assert by_id["zuckerberg-open-source-ai"][0] == "TY  - BLOG"
    assert by_id["meta-llama-3-release"][0] == "TY  - GEN"


def test_ris_dates_put_what_the_parts_cannot_say_in_the_last_slot() -> None:
    records = ev.RecordSet(
        [
            ev.Message(id="a", sent=ev.parse_date("2023-10-10T23:30-07:00")),
            ev.Message(id="b", sent=ev.parse_date("2023~")),
            ev.Message(id="c", sent=ev.parse_date("../2024-04-18")),
        ]
    )
    by_id = {lines[1][6:]: lines for lines in ris_records(to_ris(records))}
    assert "DA  - 2023/10/10/2023-10-10T23:30-07:00" in by_id["a"]
    assert "DA  - 2023///2023~" in by_id["b"]
    assert not any(line.startswith(("DA", "PY")) for line in by_id["c"])
    assert " | sent: ../2024-04-18 | " in by_id["c"][-2]


@given(records=s.record_sets())
def test_every_record_set_exports_ris_of_tagged_lines(records: ev.RecordSet) -> None:
    blocks = ris_records(to_ris(records))
    assert len(blocks) == sum(isinstance(record, CITABLE) for record in records)
    for lines in blocks:
        assert lines[0].startswith("TY  - ") and lines[-1] == "ER  - "
        assert all(RIS_LINE.fullmatch(line) for line in lines)


# -- the entry point and the command ----------------------------------------------------------


def test_an_unknown_format_is_a_usage_error(records: ev.RecordSet) -> None:
    with pytest.raises(ev.UsageError, match="unknown export format 'xml': use one of csl-json, bibtex, biblatex, ris"):
        export(records, "xml")


# Formats of the whole set as one text (prov-dot draws one record's trace: tests/test_prov18.py).
TEXT_FORMATS = [name for name, fmt in FORMATS.items() if fmt.folder is None and fmt.one_record is None]


@pytest.mark.parametrize("example", ["kadrey-v-meta", "thomson-reuters-v-ross"])
@pytest.mark.parametrize("to", TEXT_FORMATS)
def test_the_command_prints_or_writes_each_format(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path, example: str, to: str
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1735689600")  # annotations' `created`, the same each time
    folder = EXAMPLES / example
    expected = export(ev.load(folder), to)
    assert main(["export", str(folder), "--to", to]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    target = tmp_path / f"references.{to}"
    assert main(["export", str(folder), "--to", to, "-o", str(target)]) == 0
    assert capsys.readouterr() == ("", "")
    written = target.read_text(encoding="utf-8")
    if to == "prov-turtle":  # rdflib names blank nodes afresh each time: compare the graphs
        from rdflib import Graph
        from rdflib.compare import isomorphic

        graphs = [Graph().parse(data=text, format="turtle") for text in (expected, out, written)]
        assert isomorphic(graphs[0], graphs[1]) and isomorphic(graphs[0], graphs[2])
    else:
        assert out == expected == written
    assert [path.name for path in tmp_path.iterdir()] == [target.name]  # no temporary file left behind


def test_the_command_refuses_an_unknown_format_and_a_missing_path(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    assert main(["export", str(KADREY), "--to", "xml"]) == 2
    assert "invalid choice: 'xml'" in capsys.readouterr().err
    assert main(["export", str(tmp_path / "nowhere"), "--to", "ris"]) == 2
    assert capsys.readouterr().err == f"evidence: error: no such file or folder: {tmp_path / 'nowhere'}\n"


def test_the_command_reports_bad_records_and_exits_1(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text("evidence: 1\nmessages:\n  - id: m\n    recipents: []\n")
    assert main(["export", str(path), "--to", "bibtex"]) == 1
    assert "unknown key 'recipents'" in capsys.readouterr().err


def test_parquet_is_written_as_files_and_the_text_formats_as_text(records: ev.RecordSet, tmp_path: Path) -> None:
    written = export_files(records, "parquet", tmp_path / "tables")
    assert [path.name for path in written] == [
        f"{kinds}.parquet"
        for kinds in ("cases", "actors", "filings", "exhibits", "decisions", "messages", "sources", "claims")
    ]
    with pytest.raises(ev.UsageError, match="parquet writes one file per record kind: use export_files"):
        export(records, "parquet")
    with pytest.raises(ev.UsageError, match="ris is one text: use export"):
        export_files(records, "ris", tmp_path / "ris")
    with pytest.raises(ev.UsageError, match="unknown export format 'xml'"):
        export_files(records, "xml", tmp_path / "xml")


def test_a_missing_extra_names_the_pip_command(
    records: ev.RecordSet, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)  # as if pyarrow were not installed
    with pytest.raises(ev.UsageError, match=r"Parquet needs pyarrow: pip install 'evidence\[arrow\]'"):
        export_files(records, "parquet", tmp_path)
    assert main(["export", str(KADREY), "--to", "parquet", "-o", str(tmp_path)]) == 2


def test_a_press_release_is_a_report_in_every_format() -> None:
    # Made up: the Kadrey example names no press release.
    release = ev.Source(
        id="acme-release", kind=ev.SourceKind.PRESS_RELEASE, publication="Acme Corp.", published="2024-04-18"
    )
    (item,) = to_csl_json([release])
    assert (item["type"], item["genre"]) == ("report", "Press release")
    assert [e.entry_type for e in parse_bibtex(to_biblatex([release])).entries] == ["report"]
    assert {"TY  - RPRT", "M3  - Press release"} <= set(ris_records(to_ris([release]))[0])


def test_an_untitled_filing_of_a_known_case_is_named_by_its_case() -> None:
    # Made up: a docket entry whose title and kind are not known.
    records = ev.RecordSet([
        ev.Case(id="c", name="Roe v. Acme Corp.", court="cand", docket_number="1", confidence="confirmed"),
        ev.Filing(id="f", case="c", confidence="confirmed"),
    ])  # fmt: skip
    item = {item["id"]: item for item in to_csl_json(records)}["f"]
    assert (item["type"], item["title"], item["number"]) == (
        "legal_case",
        '<span class="nocase">Roe v. Acme Corp.</span>',
        "No. 1",
    )
    assert problems([item]) == []
