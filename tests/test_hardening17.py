"""Issue 17, crashes and text at their limits: reference cycles and long chains, a claim with no
evidence, dates at the ends of the range, text no record can hold, CSV cells a spreadsheet would
run, and command-line options checked before any work. Each case runs the `evidence` command
in a fresh process, with a timeout, and reads what the user sees: the exit code, the message
naming the file, never a traceback."""

from __future__ import annotations

import concurrent.futures
import csv
import functools
import io
import json
import os
from pathlib import Path
from typing import Any

import pytest

import evidence as ev
from tests.conftest import ROOT, run_evidence

TIMEOUT = 60  # seconds before the command is killed: every case here ends in a few
evidence = functools.partial(run_evidence, timeout=TIMEOUT)


def write(folder: Path, name: str, data: dict[str, Any]) -> str:
    (folder / name).write_text(json.dumps(data, ensure_ascii=True), encoding="utf-8")
    return name


def source(id: str, **fields: Any) -> dict[str, Any]:
    return {"id": id, "kind": "news_article", "publication": f"Gazette {id}", "confidence": "likely", **fields}


def claim(id: str, *evidence: str) -> dict[str, Any]:
    links = [{"record": record, "confidence": "likely"} for record in evidence]
    return {"id": id, "statement": f"Claim {id}.", "status": "reported", "evidence": links, "confidence": "unverified"}


# -- 1. reference cycles and long chains --------------------------------------------------------

CYCLES = {
    "evidence": 2,
    "sources": [
        source("a", title="A", translation_of="b"),
        source("b", title="B", translation_of="a"),
        source("self", title="Itself", translation_of="self"),
        source("untitled-a", language="pt", translation_of="untitled-b"),
        source("untitled-b", language="pt", translation_of="untitled-a"),
    ],
    "claims": [claim("c1", "c1"), claim("c2", "c3"), claim("c3", "c2")],
}


def test_check_reports_every_cycle_with_its_members_in_both_drivers(tmp_path: Path) -> None:
    name = write(tmp_path, "cycles.json", CYCLES)
    for options in ((), ("--stream",)):
        code, out, _ = evidence("check", "--select", "R", *options, name, cwd=tmp_path)
        assert code == 1
        findings = [line for line in out.splitlines() if " R004 " in line]
        assert all(line.startswith("cycles.json:") for line in findings)
        assert [line.split(" R004 ")[1].split(" (hint")[0] for line in findings] == [
            "$.sources[0].translation_of: rests on itself through 1 other record: 'a' → 'b' → 'a'",
            "$.sources[2].translation_of: rests on itself: 'self' → 'self'",
            "$.sources[3].translation_of: rests on itself through 1 other record: "
            "'untitled-a' → 'untitled-b' → 'untitled-a'",
            "$.claims[0].evidence[0].record: rests on itself: 'c1' → 'c1'",
            "$.claims[1].evidence[0].record: rests on itself through 1 other record: 'c2' → 'c3' → 'c2'",
        ]


@pytest.mark.parametrize(
    ("id", "circle"),
    [("c1", "(c1 → c1)"), ("c2", "(c2 → c3 → c2)"), ("untitled-a", "(untitled-a → untitled-b → untitled-a)")],
)
def test_cite_refuses_a_cycle_naming_the_file_and_the_circle(tmp_path: Path, id: str, circle: str) -> None:
    name = write(tmp_path, "cycles.json", CYCLES)
    code, out, err = evidence("cite", name, id, cwd=tmp_path)
    assert code == 1 and out == ""
    assert err.startswith(f"evidence: {name}")
    assert "cannot be cited: its " in err and circle in err and "R004" in err


def test_cite_and_trace_of_a_titled_translation_cycle_end(tmp_path: Path) -> None:
    name = write(tmp_path, "cycles.json", CYCLES)
    assert evidence("cite", name, "a", cwd=tmp_path)[:2] == (0, "A, Gazette a.\n")
    code, out, _ = evidence("trace", name, "self", cwd=tmp_path)
    assert (code, out) == (0, "source self: Gazette self [record likely]\n")
    code, out, _ = evidence("trace", name, "c2", cwd=tmp_path)
    assert code == 0 and out.splitlines()[-1] == "c2 → c3: as sure as its weakest step, unverified"


def test_a_chain_of_2000_untitled_translations_is_cited_and_traced(tmp_path: Path) -> None:
    sources = [source(f"s{n}", language="pt", translation_of=f"s{n + 1}") for n in range(2000)]
    name = write(tmp_path, "chain.json", {"evidence": 2, "sources": [*sources, source("s2000", title="Original")]})
    code, out, _ = evidence("cite", name, "s0", cwd=tmp_path)
    assert code == 0
    assert out.startswith("Gazette s0 (Portuguese translation of Gazette s1 (Portuguese translation of Gazette s2 (")
    assert out.endswith("Original, Gazette s2000" + ")" * 2000 + ".\n")
    code, out, _ = evidence("trace", name, "s0", cwd=tmp_path)
    assert code == 0
    # The tree above holds every step; the path's line names its ends and counts the rest.
    shown = " → ".join(f"s{n}" for n in range(8))
    assert out.splitlines()[-1] == f"{shown} → … 1,991 more … → s1999 → s2000: as sure as its weakest step, likely"


def test_a_chain_of_2000_claims_is_cited_by_the_evidence_at_its_end(tmp_path: Path) -> None:
    claims = [claim(f"c{n}", f"c{n + 1}") for n in range(2000)] + [claim("c2000", "original")]
    data = {"evidence": 2, "sources": [source("original", title="Original")], "claims": claims}
    name = write(tmp_path, "claims.json", data)
    assert evidence("cite", name, "c0", cwd=tmp_path)[:2] == (0, "Original, Gazette original.\n")
    assert evidence("cite", "--style", "apa", name, "c0", cwd=tmp_path)[:2] == (0, "(“Original,” n.d.)\n")


def test_trace_of_400_links_and_of_eleven_sources_linked_every_way_ends(tmp_path: Path) -> None:
    chain = [source(f"s{n}", title=f"S{n}", translation_of=f"s{n + 1}") for n in range(400)]
    name = write(tmp_path, "chain.json", {"evidence": 2, "sources": [*chain, source("s400", title="S400")]})
    code, out, _ = evidence("trace", name, "s0", cwd=tmp_path)
    assert code == 0 and out.count("translation of →") == 400
    links = [
        source(f"q{n}", title=f"Q{n}", links=[{"rel": "derived_from", "target": f"q{m}"} for m in range(11) if m != n])
        for n in range(11)
    ]
    name = write(tmp_path, "linked.json", {"evidence": 2, "sources": links})
    code, out, _ = evidence("trace", name, "q0", cwd=tmp_path)
    assert code == 0
    lines = out.splitlines()
    assert "… the trace stops at its limit of steps; what is behind a step marked … is not shown" in lines
    assert len([line for line in lines if ": as sure as its weakest step, " in line]) == 100
    assert lines[-1].startswith("… and ") and " more paths; the weakest of the " in lines[-1]
    code, out, _ = evidence("check", "--select", "R004", name, cwd=tmp_path)
    assert code == 1 and "11 records rest on each other in circles: 'q0', 'q1', 'q2'" in out


# -- 2. a claim with no evidence -------------------------------------------------------------------


@pytest.mark.parametrize("style", ["bluebook", "apa", "chicago"])
def test_a_claim_without_evidence_is_refused_naming_the_file(tmp_path: Path, style: str) -> None:
    name = write(tmp_path, "claims.json", {"evidence": 2, "claims": [claim("bare")]})
    code, out, err = evidence("cite", "--style", style, name, "bare", cwd=tmp_path)
    assert (code, out) == (1, "")
    assert err == f"evidence: {name}: claim 'bare' has no evidence to cite: link the records it rests on (evidence)\n"


# -- 3. dates at the ends of the range --------------------------------------------------------------

ENDS = """\
evidence: 2
cases:
  - id: doe-v-harbor
    caption: Doe v. Harbor Widgets
    court: cand
    docket_number: 3:25-cv-00001
    filed: '9999-12-31'
    closed: 9999-12-31T23:59:59-12:00
    confidence: confirmed
filings:
  - id: complaint
    case: doe-v-harbor
    title: Complaint
    kind: complaint
    filed: 0001-01-01T00:00+10:00
    entered: 0001~
    confidence: confirmed
messages:
  - id: last
    filing: complaint
    sent: 9999-12-31T23:59[America/Los_Angeles]
    text: The last minute of the calendar.
    confidence: confirmed
sources:
  - id: ledger
    kind: news_article
    title: Harbor Widgets at the end of time
    publication: The Millbrook Ledger
    published: 9999-12-31
    confidence: confirmed
"""


def test_dates_at_the_ends_of_the_range_in_every_view(tmp_path: Path) -> None:
    (tmp_path / "ends.yaml").write_text(ENDS, encoding="utf-8")
    code, out, _ = evidence("check", "ends.yaml", cwd=tmp_path)
    assert code == 1 and "T001 $.messages[0].sent: sent 9999-12-31T23:59[America/Los_Angeles], after" in out
    assert evidence("check", "--stream", "ends.yaml", cwd=tmp_path)[:2] == (code, out)
    code, out, _ = evidence("timeline", "ends.yaml", cwd=tmp_path)
    assert code == 0 and "| Jan. 1, 1, 12:00 AM UTC+10:00 | minute | filing filed | `complaint` | Complaint |" in out
    assert "| Dec. 31, 9999 | day | case filed | `doe-v-harbor` |" in out
    code, out, _ = evidence("timeline", "--format", "csv", "ends.yaml", cwd=tmp_path)
    rows = {row["id"]: row for row in csv.DictReader(io.StringIO(out))}
    assert code == 0 and rows["ledger"]["earliest"] == "9999-12-31T00:00:00+00:00"
    assert evidence("timeline", "--format", "html", "ends.yaml", cwd=tmp_path)[0] == 0
    code, out, _ = evidence("cite", "--all", "ends.yaml", cwd=tmp_path)
    assert code == 0 and "Harbor Widgets at the End of Time, The Millbrook Ledger (Dec. 31, 9999)." in out
    code, out, _ = evidence("export", "--to", "parquet", "ends.yaml", "-o", "tables", cwd=tmp_path)
    assert code == 0 and "wrote tables/sources.parquet" in out


# -- 4. and 5. text no record can hold -------------------------------------------------------------

_ESCAPES = ["\u001b[2J", "\u0007", "\u2028", "\u009b", "\ufeff", "\u202e", "\u2066", "\ud800"]


@pytest.mark.parametrize("suffix", [".json", ".jsonl"])
@pytest.mark.parametrize("bad", _ESCAPES, ids=[f"U+{ord(c[0]):04X}" for c in _ESCAPES])
def test_every_text_check_on_every_reading_path_and_command(tmp_path: Path, bad: str, suffix: str) -> None:
    actor = {"id": "jane", "name": f"Jane {bad}Doe", "kind": "person", "confidence": "confirmed"}
    if suffix == ".json":
        text = json.dumps({"evidence": 2, "actors": [actor]})
    else:
        text = json.dumps({"evidence": 2}) + "\n" + json.dumps({"type": "actor", **actor}) + "\n"
    name = f"actors{suffix}"
    (tmp_path / name).write_text(text, encoding="ascii")  # the character as a JSON escape
    for command in (["check"], ["check", "--stream"], ["show"], ["cast"], ["fmt", "--check"], ["timeline"]):
        code, out, err = evidence(*command, name, cwd=tmp_path)
        assert code == 1, (command, out, err)
        said = out + err
        assert f"{name}:" in said and f"U+{ord(bad[0]):04X}" in said, (command, said)
        assert bad[0] not in said  # never printed raw


def test_keys_equal_after_nfc_are_refused_by_every_reader(tmp_path: Path) -> None:
    case: dict[str, Any] = {
        "id": "k",
        "caption": "A v. B",
        "court": "cand",
        "docket_number": "1",
        "confidence": "confirmed",
    }
    case["identifiers"] = {"caf\u00e9": "1", "cafe\u0301": "2"}
    write(tmp_path, "case.json", {"evidence": 2, "cases": [case]})
    lines = json.dumps({"evidence": 2}) + "\n" + json.dumps({"type": "case", **case}) + "\n"
    (tmp_path / "case.jsonl").write_text(lines, encoding="utf-8")
    for name in ("case.json", "case.jsonl"):
        for options in ((), ("--stream",)):
            code, out, _ = evidence("check", *options, name, cwd=tmp_path)
            assert code == 1 and out.startswith(f"{name}:")
            assert "S009" in out and "duplicate key 'cafe\\u0301': the same text as 'café' in Unicode (NFC)" in out


_TEXT = "Le Cafe\u0301 du port."  # 'Café' written decomposed: 'e' and U+0301


def _quoted(tmp_path: Path, exact: str, start: int | None, end: int | None) -> str:
    (tmp_path / "article.txt").write_text(_TEXT, encoding="utf-8")
    quote: dict[str, Any] = {"exact": exact}
    if start is not None:
        quote |= {"start": start, "end": end}
    quoted = claim("quoted", "article")
    quoted["evidence"][0]["quote"] = quote
    sources = [{"id": "article", "kind": "other", "text_file": "article.txt", "confidence": "confirmed"}]
    return write(tmp_path, "records.json", {"evidence": 2, "sources": sources, "claims": [quoted]})


def test_a_quote_that_splits_a_letter_from_its_accent_is_refused(tmp_path: Path) -> None:
    name = _quoted(tmp_path, "Cafe", 3, 7)
    code, out, _ = evidence("check", "--select", "Q", name, cwd=tmp_path)
    assert code == 1
    assert (
        "Q003 $.claims[0].evidence[0].quote: the quote ends at 7, between a letter and its combining mark U+0301" in out
    )
    assert "(hint: a character ends at 8: quote 'Cafe\\u0301' (end 8))" in out
    name = _quoted(tmp_path, "Cafe", None, None)
    code, out, _ = evidence("check", "--select", "Q", name, cwd=tmp_path)
    assert code == 1 and "Q001" in out
    assert evidence("check", "--select", "Q", _quoted(tmp_path, "Cafe\u0301", 3, 8), cwd=tmp_path)[0] == 0


def test_a_quote_in_another_unicode_form_at_its_positions_gets_a_hint(tmp_path: Path) -> None:
    name = _quoted(tmp_path, "Caf\u00e9", 3, 8)
    code, out, _ = evidence("check", "--select", "Q003", name, cwd=tmp_path)
    assert code == 1
    assert (
        "text at 3-8 is 'Cafe\\u0301', not the quote (hint: the text there is the quote in another Unicode form" in out
    )


# -- 6. CSV cells -----------------------------------------------------------------------------------


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_csv_cells_that_would_start_a_formula_are_inert(tmp_path: Path, start: str) -> None:
    title = f'{start}=HYPERLINK("https://example.com/x","open")'
    ledger = source("ledger", title=title, published="2025-01-15")
    name = write(tmp_path, "sources.json", {"evidence": 2, "sources": [ledger]})
    code, out, _ = evidence("timeline", "--format", "csv", name, cwd=tmp_path)
    (row,) = list(csv.DictReader(io.StringIO(out)))
    assert (code, row["title"]) == (0, "'" + title.strip() + " (Gazette ledger)")


# -- 7. command-line options checked before any work -------------------------------------------------

BROKEN = ROOT / "tests" / "data" / "invalid" / "R001-unknown-id"


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (["check", "--select", ","], "evidence: error: --select takes rule codes or prefixes"),
        (["check", "--select", "BOGUS"], "'BOGUS' is no rule's code or prefix"),
        (["check", "--ignore", " "], "evidence: error: --ignore takes rule codes or prefixes"),
        (["--max-file-mb", "-1", "check"], "argument --max-file-mb: must be from 0 to 1,048,576, found -1"),
        (["--max-depth", "0", "check"], "argument --max-depth: must be from 1 to 100,000, found 0"),
        (["--max-text-chars", "-5", "check"], "argument --max-text-chars: must be from 0"),
        (["--max-alias-values", "10**9", "check"], "argument --max-alias-values: expected a whole number"),
        (["check", "--dask", "not an address"], "evidence: error: --dask "),
    ],
)
def test_bad_options_are_usage_errors_before_any_file_is_read(options: list[str], message: str) -> None:
    code, out, err = evidence(*options, BROKEN, cwd=ROOT)
    assert (code, out) == (2, "")
    assert message in err and "messages.yaml" not in err  # no file was read


def test_jobs_are_capped_by_the_shards_and_the_cores(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for n in range(3):
        write(tmp_path, f"part-{n}.json", {"evidence": 2, "sources": [source(f"s{n}", title="T")]})
    asked: list[int] = []
    real = concurrent.futures.ProcessPoolExecutor

    def pool(max_workers: int, **options: Any) -> concurrent.futures.ProcessPoolExecutor:
        asked.append(max_workers)
        return real(max_workers=max_workers, **options)

    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", pool)
    serial = ev.check(tmp_path, stream=True)
    assert ev.check(tmp_path, jobs=40).findings == serial.findings
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    assert all(workers <= min(3, cores) for workers in asked)
    asked.clear()
    assert ev.check(tmp_path / "part-0.json", jobs=40).findings == ev.check(tmp_path / "part-0.json").findings
    assert asked == []  # one file: no pool at all


def test_a_chain_of_1500_translated_attestations_is_checked_without_recursion(tmp_path: Path) -> None:
    n = 1500
    sources = [source(f"s{k}", title=f"T{k}", language="pt", translation_of=f"s{k + 1}") for k in range(n)]
    sources.append(source(f"s{n}", title="Original"))
    kinds = ["translation"] * n + ["verbatim"]
    attestations = [
        {"source": f"s{k}", "kind": kind, "quote": {"exact": "x"}, "confidence": "likely" if k else "confirmed"}
        for k, kind in enumerate(kinds)
    ]
    message = {"id": "m", "text": "x", "attestations": attestations, "confidence": "likely"}
    name = write(tmp_path, "chain.json", {"evidence": 2, "sources": sources, "messages": [message]})
    code, out, _ = evidence("check", "--select", "L008", name, cwd=tmp_path)
    (finding,) = out.splitlines()
    assert code == 1 and finding.startswith(f"{name}:")
    assert finding.endswith(
        "L008 $.messages[0].attestations[0].confidence: confirmed, but its source 's0' is likely (hint: mark it likely)"
    )


def test_a_message_quoting_a_bad_value_never_prints_it_raw(tmp_path: Path) -> None:
    (tmp_path / "sources.yaml").write_text(
        'evidence: 2\nsources:\n  - id: s\n    kind: "news\\e[31m"\n    title: T\n'
        '    published: "2024\\e[2J"\n    confidence: confirmed\n    "bad\\u202ekey": 1\n',
        encoding="utf-8",
    )
    for command in ("check", "show"):
        code, out, err = evidence(command, "sources.yaml", cwd=tmp_path)
        said = out + err
        assert code == 1 and "\x1b" not in said and "\u202e" not in said
        assert "found the text 'news\\x1b[31m'" in said
        assert "invalid date '2024\\x1b[2J'" in said
        assert "unknown key 'bad\\u202ekey'" in said
