"""A report of a large set: its pages written in several processes are the pages written in one,
its claims and their traces in pages that link to each other, its cast bounded however many
records a person appears in, and a record the style cannot cite says why."""

from __future__ import annotations

import functools
import os
from pathlib import Path

import pytest

import evidence as ev
from tests.conftest import EXAMPLES, run_evidence
from tests.report_html import read_page

evidence = functools.partial(run_evidence, timeout=120)


def _fictional_set(folder: Path, claims: int, messages: int) -> Path:
    """An openly fictional set: one person sends every message to another; each claim rests on
    one message, and the last claim on none."""
    folder.mkdir()
    lines = [
        "evidence: 2",
        "actors:",
        "  - {id: pat, name: Pat Lee, kind: person, confidence: confirmed}",
        "  - {id: sam, name: Sam Roe, kind: person, confidence: likely}",
        "messages:",
        *(
            f"  - {{id: note-{n:04d}, sender: pat, recipients: [sam], sent: 2024-01-{n % 28 + 1:02d},"
            f" text: Fictional note {n}., confidence: likely}}"
            for n in range(messages)
        ),
        "claims:",
        *(
            f"  - {{id: claim-{n:04d}, statement: Fictional claim {n}., status: alleged, asserted_by: pat,"
            f" evidence: [{{record: note-{n % messages:04d}}}]}}"
            for n in range(claims - 1)
        ),
        "  - {id: bare-claim, statement: Nothing backs this., status: reported}",
    ]
    (folder / "records.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def _files(site: Path) -> dict[str, bytes]:
    return {str(path.relative_to(site)): path.read_bytes() for path in sorted(site.rglob("*")) if path.is_file()}


@pytest.mark.parametrize("example", ["kadrey-v-meta", "thomson-reuters-v-ross", "fictional"])
def test_pages_written_in_several_processes_are_the_pages_written_in_one(example: str, tmp_path: Path) -> None:
    folder = _fictional_set(tmp_path / "set", 620, 1_100) if example == "fictional" else EXAMPLES / example
    records = ev.load(folder)
    ev.write_report(records, tmp_path / "one", root=folder, jobs=1)
    alone = _files(tmp_path / "one")
    for jobs in (2, 3):
        ev.write_report(records, tmp_path / f"jobs-{jobs}", root=folder, jobs=jobs)
        assert _files(tmp_path / f"jobs-{jobs}") == alone
    if example == "fictional":  # long enough to be shared out: several pages of each long list
        assert {"messages-3.html", "citations-4.html", "claims-2.html", "trace-2.html"} <= set(alone)


@pytest.mark.parametrize("jobs", [0, -1, True, 1.5, "2"])
def test_jobs_is_a_number_of_processes(jobs: object, tmp_path: Path) -> None:
    with pytest.raises(ev.UsageError, match="jobs= is"):
        ev.write_report(ev.load(EXAMPLES / "kadrey-v-meta"), tmp_path / "site", jobs=jobs)  # type: ignore[arg-type]
    assert not (tmp_path / "site").exists()


def test_the_command_refuses_no_processes(tmp_path: Path) -> None:
    ran = evidence("report", str(EXAMPLES / "kadrey-v-meta"), "-o", str(tmp_path / "site"), "--jobs", "0", cwd=tmp_path)
    assert (ran.code, ran.out) == (2, "")
    assert "--jobs takes a number of processes, 1 or more" in ran.err and "Traceback" not in ran.err


def test_a_worker_that_dies_leaves_the_earlier_report_and_says_how_to_go_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    records = ev.load(EXAMPLES / "kadrey-v-meta")
    ev.write_report(records, tmp_path / "site", root=EXAMPLES / "kadrey-v-meta")
    before = _files(tmp_path / "site")
    from evidence._report import citations

    monkeypatch.setattr(citations, "write", lambda site: os._exit(9))  # as the kernel's OOM killer would
    with pytest.raises(ev.UsageError, match=r"stopped before it was done.*set jobs= to 1"):
        ev.write_report(records, tmp_path / "site", root=EXAMPLES / "kadrey-v-meta", jobs=2)
    assert _files(tmp_path / "site") == before
    assert [p.name for p in tmp_path.iterdir()] == ["site"]  # no staging folder left behind


def test_a_claims_trace_is_on_the_trace_page_of_its_claims_page(tmp_path: Path) -> None:
    folder = _fictional_set(tmp_path / "set", 620, 40)
    ev.write_report(ev.load(folder), tmp_path / "site", root=folder)
    site = tmp_path / "site"
    for claims_page, trace_page in [("claims.html", "trace.html"), ("claims-2.html", "trace-2.html")]:
        articles = read_page(site / claims_page).all("article", class_="claim")
        traces = {section.get("id") for section in read_page(site / trace_page).all("section", class_="trace")}
        assert len(articles) == (500 if claims_page == "claims.html" else 120)
        for article in articles:
            claim = article.get("id").removeprefix("r-")
            links = [a.get("href") for a in article.all("a") if "Trace" in a.text]
            assert links == [f"{trace_page}#t-{claim}"]
            assert f"t-{claim}" in traces


def test_a_person_in_many_records_is_listed_with_the_first_and_counted_in_all(tmp_path: Path) -> None:
    folder = _fictional_set(tmp_path / "set", 10, 40)
    records = ev.load(folder)
    ev.write_report(records, tmp_path / "site", root=folder)
    pat = read_page(tmp_path / "site" / "cast.html").one("article", id="r-pat")
    assert "Appears in 49 records (40 messages, 9 claims); the first 25:" in pat.text
    assert [a.get("href") for a in pat.all("a")] == [
        f"messages.html#r-note-{n:04d}" for n in range(25)
    ]  # the messages come first in the set
    sam = read_page(tmp_path / "site" / "cast.html").one("article", id="r-sam")
    assert "Appears in 40 messages; the first 25:" in sam.text
    full = {member.id: member.appearances for member in ev.cast(records)}
    for member in ev.cast(records, appearances=25):
        assert member.appearances == full[member.id][:25]


def test_a_record_the_style_cannot_cite_says_why_on_the_citations_page(tmp_path: Path) -> None:
    folder = _fictional_set(tmp_path / "set", 3, 2)
    ev.write_report(ev.load(folder), tmp_path / "site", root=folder)
    page = read_page(tmp_path / "site" / "citations.html")
    bare = page.one("li", id="r-bare-claim")
    assert "Not cited:" in bare.text and "has no evidence to cite" in bare.text
    assert not bare.all("button")
    cited = page.one("li", id="r-claim-0000")
    assert cited.one("button", class_="copy").get("data-copy") == ev.cite(
        ev.load(folder)["claim-0000"], records=ev.load(folder), marks=True
    )
