"""What the pages of a report say, read back from both examples and from openly fictional record
sets: claims by status with their evidence, stored texts with their passages highlighted and
their digests, the trace's weakest steps, messages, the cast, the timeline and the citations."""

from __future__ import annotations

import hashlib
import json
import shutil
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import evidence as ev
from tests.conftest import EXAMPLES
from tests.report_html import Element, read_page

EXAMPLE_SETS = ["kadrey-v-meta", "thomson-reuters-v-ross"]
LADDER = [status.value for status in ev.ClaimStatus]
RANK = {"unverified": 0, "likely": 1, "confirmed": 2}


@pytest.fixture(scope="module", params=EXAMPLE_SETS)
def built(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple[ev.RecordSet, Path]:
    folder = tmp_path_factory.mktemp(request.param) / "site"
    records = ev.load(EXAMPLES / request.param)
    ev.write_report(records, folder, root=EXAMPLES / request.param)
    return records, folder


def words(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


def test_claims_are_grouped_by_status_in_the_ladders_order_each_once(built: tuple[ev.RecordSet, Path]) -> None:
    records, site = built
    page = read_page(site / "claims.html")
    groups = [section.get("data-group") for section in page.all("section") if section.get("data-group")]
    assert groups == sorted(groups, key=LADDER.index)
    assert set(groups) == {claim.status.value for claim in records.claims}
    for claim in records.claims:
        entry = page.one("article", id=f"r-{claim.id}")
        assert entry.get("data-status") == claim.status.value
        # never surer than the claim's own record says
        assert RANK[entry.get("data-mark")] <= RANK[claim.confidence.value], claim.id
        assert words(claim.statement) in words(entry.text)


def test_a_piece_of_evidence_is_never_shown_surer_than_its_link_or_its_record(built: tuple[ev.RecordSet, Path]) -> None:
    records, site = built
    page = read_page(site / "claims.html")
    roles = [ev.EvidenceRole.SUPPORTS, ev.EvidenceRole.CONTRADICTS, ev.EvidenceRole.CONTEXT]
    for claim in records.claims:
        items = [
            li for ul in page.one("article", id=f"r-{claim.id}").all("ul", class_="evidence") for li in ul.all("li")
        ]
        links = sorted(claim.evidence, key=lambda link: roles.index(link.role))
        assert len(items) == len(links)
        for li, link in zip(items, links, strict=True):
            shown = RANK[li.all("span", class_="badge")[0].text]
            assert shown <= RANK[link.confidence.value] and shown <= RANK[records[link.record].confidence.value]


def test_each_evidence_link_lands_on_its_quote_highlighted_in_the_source(built: tuple[ev.RecordSet, Path]) -> None:
    records, site = built
    folder = next(EXAMPLES / name for name in EXAMPLE_SETS if site.parent.name.startswith(name))
    followed = 0
    for claim in records.claims:
        entry = read_page(site / "claims.html").one("article", id=f"r-{claim.id}")
        links = entry.all("a", class_="evidence")
        quoted = [link for link in claim.evidence if link.quote is not None]
        assert len(links) + words(entry.text).count("passage not placed") == len(quoted)
        for anchor in links:
            page, _, fragment = anchor.get("href").partition("#")
            passage = read_page(site / page).one("mark", id=fragment)
            start, end = map(int, fragment.split("-")[1:])
            record = records[page[len("source-") : -len(".html")]]
            text = unicodedata.normalize("NFC", (folder / record.text_file).read_text(encoding="utf-8"))
            assert words(passage.text) and words(text[start:end]).startswith(words(passage.text))
            assert any(words(q.quote.exact) == words(text[start:end]) for q in quoted), claim.id
            followed += 1
    assert followed > 0


def test_the_trace_marks_one_weakest_step_on_every_path(built: tuple[ev.RecordSet, Path]) -> None:
    records, site = built
    page = read_page(site / "trace.html")
    for claim in records.claims:
        section = page.one(id=f"t-{claim.id}")
        paths = section.all("ol", class_="path")
        for path in paths:
            weakest = path.all("li", class_="weakest")
            assert len(weakest) == 1 and "weakest step" in weakest[0].text
            mark = weakest[0].all("span", class_="badge")[-1].text
            assert all(RANK[b.text] >= RANK[mark] for b in path.all("span", class_="badge")), claim.id
        if not paths:
            assert "rests on nothing the records hold" in section.text


def test_messages_are_listed_once_with_where_they_are_quoted(built: tuple[ev.RecordSet, Path]) -> None:
    records, site = built
    page = read_page(site / "messages.html")
    for message in records.messages:
        entry = page.one("article", id=f"r-{message.id}")
        assert len(entry.all("li")) == len(message.attestations)
        assert RANK[entry.get("data-mark")] <= RANK[message.confidence.value]


def test_every_actor_is_in_the_cast_once_and_every_event_in_the_timeline_in_order(
    built: tuple[ev.RecordSet, Path],
) -> None:
    records, site = built
    cast = read_page(site / "cast.html")
    for member in ev.cast(records):
        entry = cast.one("article", id=f"r-{member.id}")
        assert entry.get("data-mark") == member.confidence.value
        assert member.name in entry.one("h2").text
    table = read_page(site / "timeline.html").one("table", id="events")
    shown = [row for row in table.all("tr") if row.get("data-mark")]
    events = ev.timeline(records)
    assert [(r.get("data-mark"), words(r.all("td")[0].text).split(" ")[0]) for r in shown] == [
        (e.confidence.value, words(e.label).split(" ")[0]) for e in events
    ]


@pytest.mark.parametrize("style", ["bluebook", "apa"])
def test_every_citation_is_shown_and_its_button_copies_it_with_its_marks(style: str, tmp_path: Path) -> None:
    records = ev.load(EXAMPLES / "kadrey-v-meta")
    ev.write_report(records, tmp_path / "site", style=style, root=EXAMPLES / "kadrey-v-meta")
    page = read_page(tmp_path / "site" / "citations.html")
    source = (tmp_path / "site" / "citations.html").read_text(encoding="utf-8")
    marked = 0
    for message in records.messages:
        cited = ev.cite(message, records=records, style=style, markup="html", marks=True)
        assert cited in source
        button = page.one("li", id=f"r-{message.id}").one("button", class_="copy")
        text = ev.cite(message, records=records, style=style, markup="text", marks=True)
        assert button.get("data-copy") == text
        marked += "[unverified]" in text or "[likely]" in text
    assert marked > 0


def _fictional(folder: Path, text: str, quotes: list[tuple[str, int | None, int | None]], digest: str | None) -> None:
    """An openly fictional record set: one stored text and one claim quoting it."""
    (folder / "texts").mkdir(parents=True, exist_ok=True)
    (folder / "texts" / "memo.txt").write_text(text, encoding="utf-8")
    evidence = "\n".join(
        f"      - record: memo\n        quote:\n          exact: {exact!r}\n"
        + (f"          start: {start}\n          end: {end}\n" if start is not None else "")
        for exact, start, end in quotes
    )
    (folder / "records.yaml").write_text(
        "evidence: 2\nsources:\n  - id: memo\n    kind: other\n    title: A fictional memo\n"
        "    text_file: texts/memo.txt\n" + (f"    digest: {digest}\n" if digest else "") + "    confidence: likely\n"
        "claims:\n  - id: fictional-claim\n    statement: The memo says so.\n    status: alleged\n"
        + ("    evidence:\n" + evidence + "\n" if quotes else "")
        + "  - id: bare-claim\n    statement: Nothing backs this.\n    status: reported\n",
        encoding="utf-8",
    )


def test_a_claim_without_evidence_and_a_quote_not_in_the_text_say_so(tmp_path: Path) -> None:
    _fictional(tmp_path / "set", "The widget was late.", [("The widget was early.", None, None)], None)
    ev.write_report(ev.load(tmp_path / "set"), tmp_path / "site", root=tmp_path / "set")
    claims = read_page(tmp_path / "site" / "claims.html")
    assert "No evidence recorded." in claims.one("article", id="r-bare-claim").text
    assert "passage not placed" in claims.one("article", id="r-fictional-claim").text
    source = read_page(tmp_path / "site" / "source-memo.html")
    assert "Quotes not found in this text" in source.text and "The widget was early." in source.text
    assert "no digest recorded" in source.text
    assert not source.all("mark", class_="passage")


def test_an_altered_stored_text_is_shown_altered_with_both_digests(tmp_path: Path) -> None:
    copy = tmp_path / "kadrey"
    shutil.copytree(EXAMPLES / "kadrey-v-meta", copy)
    source = next(s for s in ev.load(copy).sources if s.text_file and s.digest)
    stored = copy / source.text_file
    stored.write_text(stored.read_text(encoding="utf-8") + "\nAn added line.\n", encoding="utf-8")
    ev.write_report(ev.load(copy), tmp_path / "site", root=copy)
    page = read_page(tmp_path / "site" / f"source-{source.id}.html")
    warning = page.one("div", class_="altered")
    assert warning.get("role") == "alert"
    assert f"sha256:{source.digest.value}" in warning.text
    assert f"sha256:{hashlib.sha256(stored.read_bytes()).hexdigest()}" in warning.text


def test_a_translation_is_shown_beside_the_wording_it_translates(tmp_path: Path) -> None:
    records = ev.load(EXAMPLES / "kadrey-v-meta")
    ev.write_report(records, tmp_path / "site", root=EXAMPLES / "kadrey-v-meta")
    translation = next(s for s in records.sources if s.translation_of and s.text_file)
    page = read_page(tmp_path / "site" / f"source-{translation.id}.html")
    pairs = page.all("div", class_="side-by-side")
    assert pairs
    for pair in pairs:
        assert [q.get("lang") for q in pair.all("blockquote")] == [translation.language, "en"]


def _covered(div: Element) -> tuple[str, set[int], dict[str, int]]:
    """The text of a stored-text block, the positions inside a passage mark, and where each
    passage id starts."""
    text, covered, starts = [], set(), {}

    def visit(node: Element | str, inside: bool) -> None:
        if isinstance(node, str):
            at = sum(map(len, text))
            text.append(node)
            if inside:
                covered.update(range(at, at + len(node)))
            return
        if node.get("id"):
            starts[node.get("id")] = sum(map(len, text))
        for child in node.children:
            visit(child, inside or node.tag == "mark")

    for child in div.children:
        visit(child, False)
    return "".join(text), covered, starts


@settings(max_examples=25, deadline=None)  # each example builds a whole site on disk
@given(
    text=st.text(alphabet="abcxyz", min_size=1, max_size=60),
    cuts=st.lists(st.tuples(st.integers(0, 59), st.integers(1, 30)), max_size=6),
)
def test_overlapping_passages_are_highlighted_exactly_and_well_formed(
    text: str, cuts: list[tuple[int, int]], tmp_path_factory: pytest.TempPathFactory
) -> None:
    spans = {(s, min(len(text), s + n)) for s, n in cuts if s < len(text)}
    folder = tmp_path_factory.mktemp("fictional")
    _fictional(folder / "set", text, [(text[s:e], s, e) for s, e in sorted(spans)], None)
    ev.write_report(ev.load(folder / "set"), folder / "site", root=folder / "set")
    page = read_page(folder / "site" / "source-memo.html")  # fails if not well-formed
    shown, covered, starts = _covered(page.one("div", class_="stored-text"))
    assert shown == text
    assert covered == {i for s, e in spans for i in range(s, e)}
    assert {f"p-{s}-{e}": s for s, e in spans} == {k: v for k, v in starts.items() if k.startswith("p-")}


def test_a_pager_of_many_pages_names_the_ends_and_the_neighbours_and_reaches_every_page(tmp_path: Path) -> None:
    # An openly fictional set of 5,600 notes: twelve pages of messages.
    notes = [{"id": f"note-{n:04d}", "text": f"Fictional note number {n}."} for n in range(5600)]
    (tmp_path / "set").mkdir()
    (tmp_path / "set" / "records.json").write_text(json.dumps({"evidence": 2, "messages": notes}), encoding="utf-8")
    ev.write_report(ev.load(tmp_path / "set"), tmp_path / "site")

    def pager(page: str) -> list[str]:
        nav = read_page(tmp_path / "site" / page).all("nav", class_="pager")[0]
        return [item.text.strip() for item in nav.all("li")]

    assert pager("messages.html") == ["1", "2", "3", "…", "12"]
    assert pager("messages-6.html") == ["1", "…", "4", "5", "6", "7", "8", "…", "12"]
    assert pager("messages-12.html") == ["1", "…", "10", "11", "12"]
    # Following the pager's links from the first page reaches every page of the list.
    seen, todo = set(), ["messages.html"]
    while todo:
        page = todo.pop()
        seen.add(page)
        nav = read_page(tmp_path / "site" / page).all("nav", class_="pager")[0]
        todo += [a.get("href") for a in nav.all("a") if a.get("href") not in seen]
    assert seen == {"messages.html", *(f"messages-{n}.html" for n in range(2, 13))}


def test_a_long_list_is_paged_and_every_link_names_the_page_its_record_is_on(tmp_path: Path) -> None:
    # An openly fictional set of 1,201 messages, and one claim resting on the last of them.
    messages = "".join(
        f"  - id: note-{n:04d}\n    text: Fictional note number {n}.\n    confidence: likely\n" for n in range(1201)
    )
    (tmp_path / "set").mkdir()
    (tmp_path / "set" / "records.yaml").write_text(
        "evidence: 2\nmessages:\n" + messages + "claims:\n  - id: the-claim\n    statement: A note says so.\n"
        "    status: alleged\n    evidence:\n      - record: note-1200\n",
        encoding="utf-8",
    )
    ev.write_report(ev.load(tmp_path / "set"), tmp_path / "site", root=tmp_path / "set")
    pages = ["messages.html", "messages-2.html", "messages-3.html"]
    assert {p.name for p in (tmp_path / "site").glob("messages*.html")} == set(pages)
    for number, page in enumerate(pages):
        tree = read_page(tmp_path / "site" / page)
        ids = [a.get("id") for a in tree.all("article")]
        assert ids == [f"r-note-{n:04d}" for n in range(number * 500, min(1201, (number + 1) * 500))]
        pager = [a.get("href") for a in tree.all("nav", class_="pager")[0].all("a")]
        assert pager == [p for p in pages if p != page]
    claim = read_page(tmp_path / "site" / "claims.html").one("article", id="r-the-claim")
    assert [a.get("href") for a in claim.all("a") if "note-" in (a.get("href") or "")] == [
        "messages-3.html#r-note-1200"
    ]


def test_markup_in_the_records_is_printed_as_text_on_every_page(tmp_path: Path) -> None:
    # An openly fictional set whose values hold HTML's own characters: each page shows them as
    # they are written, and none of them becomes an element or ends an attribute early.
    hostile = "<b>Lee</b> & \"Roe\" 'Inc.'"
    quoted = 'Sam "the Pen" O\'Roe'  # quotes alone, which end an attribute
    (tmp_path / "set").mkdir()
    (tmp_path / "set" / "records.json").write_text(
        json.dumps(
            {
                "evidence": 2,
                "actors": [
                    {"id": "pat", "name": hostile, "kind": "person"},
                    {"id": "sam", "name": quoted, "kind": "person"},
                ],
                "messages": [
                    {
                        "id": "m1",
                        "sender": "pat",
                        "recipients": ["sam"],
                        "channel": "email",
                        "subject": hostile,
                        "text": f"Said {hostile} <script>x</script>",
                        "sent": "2024-01-02T03:04:05Z",
                    },
                    {"id": "m2", "sender": "sam", "recipients": ["sam"], "channel": "chat", "text": quoted},
                ],
                "claims": [
                    {
                        "id": "c1",
                        "statement": f"{hostile} wrote.",
                        "status": "alleged",
                        "asserted_by": "pat",
                        "evidence": [{"record": "m1"}],
                    }
                ],
            }
        ),
        encoding="utf-8",
    )
    ev.write_report(ev.load(tmp_path / "set"), tmp_path / "site")
    for page in sorted((tmp_path / "site").glob("*.html")):
        tree = read_page(page)  # fails if not well-formed
        assert not tree.all("b") and not [s for s in tree.all("script") if "x" in s.text], page.name
    message = read_page(tmp_path / "site" / "messages.html").one("article", id="r-m1")
    assert message.one("blockquote").text == f"Said {hostile} <script>x</script>"
    assert hostile in message.text
    citations = read_page(tmp_path / "site" / "citations.html")
    copied = [button.get("data-copy") or "" for button in citations.all("button", class_="copy")]
    assert any(hostile in text and quoted in text for text in copied)
    assert any(text.startswith("Chat message") and text.count(quoted) == 2 for text in copied)  # quotes alone too
    assert read_page(tmp_path / "site" / "messages.html").one("article", id="r-m2").one("blockquote").text == quoted
    assert hostile in read_page(tmp_path / "site" / "claims.html").one("article", id="r-c1").text
