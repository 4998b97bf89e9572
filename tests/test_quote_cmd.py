"""`evidence quote` and `evidence.find_quote`: a passage found in a source's stored text with the
quote rules' normalization, its anchor one the checker accepts (positions that hold it, a prefix
and suffix that pick it out when it repeats, a page in a paged text), the closest passages when
it is not there; `--claim` adds it to a claim's evidence."""

from __future__ import annotations

import hashlib
import tempfile
from pathlib import Path

import pytest
import yaml
from hypothesis import example, given
from hypothesis import strategies as st

import evidence as ev
from evidence._cli import main
from tests.pdfs import pdf

PAGE_TEXT = (
    "Gearworks feud heads to trial\n"
    "The patent dispute between Zephyr Gearworks and Acme Widget Co. will go to a jury in June.\n"
    "The court said the jury would decide whether Acme’s sprocket copies the gear. “The jury will decide,” "
    "the order says. The jury will decide damages too, if it comes to that.\n"
)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def write_set(folder: Path, text: str, *, claim: bool = True) -> Path:
    """A record set of one source whose stored text is `text`, and a claim to add evidence to."""
    (folder / "sources").mkdir(parents=True, exist_ok=True)
    data = text.encode("utf-8")
    (folder / "sources" / "story.txt").write_bytes(data)
    (folder / "sources.yaml").write_text(
        "evidence: 2\nsources:\n  - id: story\n    kind: news_article\n    title: Gearworks feud heads to trial\n"
        "    publication: The Millbrook Ledger\n    published: '2025-01-14'\n    text_file: sources/story.txt\n"
        f"    digest: sha256:{hashlib.sha256(data).hexdigest()}\n",
        encoding="utf-8",
    )
    if claim:
        (folder / "claims.yaml").write_text(
            "evidence: 2\nclaims:\n  - id: jury-decides\n    statement: A jury will decide the gear dispute.\n"
            "    status: reported\n",
            encoding="utf-8",
        )
    return folder


def quote_errors(folder: Path) -> list[str]:
    return [f"{f.code} {f.message}" for f in ev.check(folder).findings if f.code.startswith(("Q", "I"))]


def test_a_passage_found_once_has_positions_and_no_context(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    folder = write_set(tmp_path, PAGE_TEXT)
    code, out, err = run(capsys, "quote", str(folder), "story", "will go to a jury in June")
    assert (code, err) == (0, "")
    start = PAGE_TEXT.index("will go to a jury in June")
    assert out == f"quote:\n  exact: will go to a jury in June\n  start: {start}\n  end: {start + 25}\n"


def test_the_passage_is_matched_as_the_checker_matches_and_printed_as_the_text_has_it(tmp_path: Path) -> None:
    folder = write_set(tmp_path, PAGE_TEXT)
    # Straight quote marks and spaces for a line break, where the text has typographic ones.
    quote = ev.find_quote(folder, "story", "whether Acme's   sprocket copies")
    assert quote.exact == "whether Acme’s sprocket copies"
    assert PAGE_TEXT[quote.start : quote.end] == quote.exact
    assert quote.prefix is None and quote.suffix is None and quote.page is None


def test_a_passage_found_twice_gets_a_prefix_and_suffix_that_make_it_unique(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    folder = write_set(tmp_path, PAGE_TEXT)
    code, out, err = run(capsys, "quote", str(folder), "story", "The jury will decide")
    assert code == 0
    assert err == "the passage occurs 2 times; this anchor is occurrence 1 (--occurrence N for another)\n"
    first = ev.Quote(**yaml.safe_load(out)["quote"])
    second = ev.find_quote(folder, "story", "The jury will decide", occurrence=2)
    assert [PAGE_TEXT[q.start : q.end] for q in (first, second)] == ["The jury will decide"] * 2
    assert first.start == PAGE_TEXT.index("The jury will decide") < second.start
    for quote in (first, second):
        assert quote.prefix and quote.suffix
        assert PAGE_TEXT[: quote.start].endswith(quote.prefix) and PAGE_TEXT[quote.end :].startswith(quote.suffix)
        # Without its positions, the prefix and suffix alone pick out this occurrence for the checker.
        bare = ev.Quote(exact=quote.exact, prefix=quote.prefix, suffix=quote.suffix)
        ev.add_evidence(folder, "jury-decides", ev.EvidenceLink(record="story", quote=bare))
    assert quote_errors(folder) == []


def test_more_occurrences_than_there_are_is_a_usage_error(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    folder = write_set(tmp_path, PAGE_TEXT)
    code, _, err = run(capsys, "quote", str(folder), "story", "The jury will decide", "--occurrence", "3")
    assert (code, err) == (2, "evidence: error: --occurrence is 3, but the passage occurs 2 time(s) in 'story'\n")


def test_a_passage_not_found_exits_1_with_the_closest_passages(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    folder = write_set(tmp_path, PAGE_TEXT)
    code, out, err = run(capsys, "quote", str(folder), "story", "will go to a judge in July")
    assert (code, out) == (1, "")
    lines = err.splitlines()
    assert lines[0] == "evidence: the passage is not in the text of 'story'"
    assert lines[1].startswith("  ") and "alike: 'Co. will go to a jury in June.'" in lines[1]
    scores = [int(line.split("%")[0]) for line in lines[1:]]
    assert scores == sorted(scores, reverse=True) and 50 < scores[0] < 100
    with pytest.raises(ev.QuoteNotFound) as raised:
        ev.find_quote(folder, "story", "will go to a judge in July")
    assert raised.value.closest[0][0] == "Co. will go to a jury in June."


def test_claim_adds_the_anchor_to_its_evidence_and_the_set_checks_clean(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    folder = write_set(tmp_path, PAGE_TEXT)
    code, out, _ = run(capsys, "quote", str(folder), "story", "go to a jury", "--claim", "jury-decides")
    assert code == 0
    assert out.startswith("added to the evidence of claim 'jury-decides' (supports):\nquote:\n  exact: go to a jury\n")
    claim = ev.load(folder).get("jury-decides", ev.Claim)
    (link,) = claim.evidence
    assert (link.record, link.role, link.quote.exact) == ("story", ev.EvidenceRole.SUPPORTS, "go to a jury")
    assert quote_errors(folder) == []
    before = (folder / "claims.yaml").read_bytes()
    code, _, err = run(capsys, "quote", str(folder), "story", "go to a jury", "--claim", "jury-decides")
    assert (code, err) == (2, "evidence: error: claim 'jury-decides' already has this evidence\n")
    code, _, err = run(capsys, "quote", str(folder), "story", "go to a jury", "--claim", "story")
    assert (code, err) == (2, "evidence: error: 'story' is a source, not a claim: only claims have evidence\n")
    assert (folder / "claims.yaml").read_bytes() == before


def test_a_quote_in_a_pdf_names_its_page(tmp_path: Path) -> None:
    pypdf = pytest.importorskip("pypdf", reason="PDFs are read by pypdf (the web extra)")
    assert pypdf
    (tmp_path / "order.pdf").write_bytes(
        pdf(["ORDER\nThe motion is granted.", "The hearing is vacated.", "IT IS SO ORDERED."])
    )
    ev.add_source(tmp_path / "order.pdf", tmp_path, kind="court_document", retrieved="2025-05-02")
    quote = ev.find_quote(tmp_path, "order", "IT IS SO ORDERED")
    assert quote.page == "3"
    assert ev.find_quote(tmp_path, "order", "ORDER").page == "1"
    # Across a page break: both pages, no positions (a record's text holds no form feed).
    across = ev.find_quote(tmp_path, "order", "granted. The hearing")
    assert (across.page, across.start, across.exact) == ("1-2", None, "granted.\n\nThe hearing")
    (tmp_path / "claims.yaml").write_text(
        "evidence: 2\nclaims:\n  - id: vacated\n    statement: The hearing was vacated.\n    status: found\n",
        encoding="utf-8",
    )
    for quote in (ev.find_quote(tmp_path, "order", "The hearing is vacated"), across):
        ev.add_evidence(tmp_path, "vacated", ev.EvidenceLink(record="order", quote=quote))
    assert quote_errors(tmp_path) == []


def test_a_message_is_quoted_in_its_own_text(tmp_path: Path) -> None:
    (tmp_path / "messages.yaml").write_text(
        "evidence: 2\nmessages:\n  - id: note\n    text: 'Ship the sprocket – it’s ready. Ship it today.'\n",
        encoding="utf-8",
    )
    quote = ev.find_quote(tmp_path, "note", "it's ready")
    assert (quote.exact, quote.start, quote.end) == ("it’s ready", 20, 30)  # "Ship the sprocket – " is 20


def test_what_keeps_a_text_from_being_quoted_is_told(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    folder = write_set(tmp_path, PAGE_TEXT)
    code, _, err = run(capsys, "quote", str(folder), "jury-decides", "a jury")
    assert (code, err) == (2, "evidence: error: 'jury-decides' has no stored text (text_file) to quote from\n")
    code, _, err = run(capsys, "quote", str(folder), "nobody", "a jury")
    assert (code, err) == (2, "evidence: error: no record 'nobody' in this record set\n")
    (folder / "sources" / "story.txt").write_text(PAGE_TEXT + "An edit.\n", encoding="utf-8")
    code, _, err = run(capsys, "quote", str(folder), "story", "a jury")
    assert code == 2
    assert err.startswith("evidence: error: 'story': text file 'sources/story.txt' was altered: its sha256 is ")
    code, _, err = run(capsys, "quote", str(folder), "story", "   ")
    assert code == 2


def test_a_text_not_in_nfc_is_quoted_without_positions(tmp_path: Path) -> None:
    text = "The cafe\u0301 owner sued. The cafe\u0301 stayed open.\n"  # é as e and a combining accent
    folder = write_set(tmp_path, text)
    quote = ev.find_quote(folder, "story", "café owner")
    assert (quote.exact, quote.start, quote.end) == ("café owner", None, None)
    repeated = ev.find_quote(folder, "story", "The café", occurrence=2)
    composed = "The café owner sued. The café stayed open.\n"
    assert repeated.prefix is not None and repeated.suffix is not None
    assert repeated.prefix + "The café" + repeated.suffix in composed
    for found in (quote, repeated):
        ev.add_evidence(folder, "jury-decides", ev.EvidenceLink(record="story", quote=found))
    assert quote_errors(folder) == []


TEXTS = st.text(alphabet="ab ABé\n\t.,“”‘’\"'-–—…", min_size=1, max_size=200)


@given(text=TEXTS, data=st.data())
def test_any_passage_cut_from_a_stored_text_is_anchored_where_its_positions_give_it_back(
    text: str, data: st.DataObject
) -> None:
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    passage = text[start:end]
    if not passage.strip():
        return
    with tempfile.TemporaryDirectory() as name:
        folder = write_set(Path(name), text)
        quote = ev.find_quote(folder, "story", passage)
        assert quote.start is not None and quote.end is not None
        assert text[quote.start : quote.end] == quote.exact
        from_checker = ev.Quote(exact=quote.exact, prefix=quote.prefix, suffix=quote.suffix)
        ev.add_evidence(folder, "jury-decides", ev.EvidenceLink(record="story", quote=quote))
        assert quote_errors(folder) == []
        if quote.prefix is None and quote.suffix is None:  # found once: where it was cut
            stripped = len(passage) - len(passage.lstrip())
            assert quote.start == start + stripped
            assert quote.exact == passage.strip()
        ev.add_evidence(folder, "jury-decides", ev.EvidenceLink(record="story", quote=from_checker, note="bare"))
        assert quote_errors(folder) == []


def long_text() -> str:
    """Some 300,000 characters of numbered sentences with typographic quote marks and dashes, so
    that a passage typed with straight ones is found in the normalized text and mapped back."""
    return "".join(f"Item {n} – the “gear” said {n * 7919 % 10007}’s part.\n  " for n in range(6000))


LONG = long_text()


@pytest.fixture(scope="module")
def long_set(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_set(tmp_path_factory.mktemp("long"), LONG, claim=False)


@given(at=st.integers(0, len(LONG) - 100), length=st.integers(100, 300))
@example(at=65536 - 150, length=300)  # across where a long text is cut to be mapped in pieces
@example(at=4 * 65536 - 10, length=100)
@example(at=len(LONG) - 100, length=100)
def test_a_passage_typed_plainly_in_a_long_text_is_mapped_back_to_where_it_was_cut(
    long_set: Path, at: int, length: int
) -> None:
    cut = LONG[at : at + length]
    typed = cut.replace("“", '"').replace("”", '"').replace("’", "'").replace("–", "-")
    if not typed.strip() or typed == cut:
        return
    quote = ev.find_quote(long_set, "story", typed)
    assert quote.start is not None and quote.end is not None
    assert LONG[quote.start : quote.end] == quote.exact == cut.strip()
    # Over 100 characters, a passage holds some sentence's "Item N –" whole, which no other has.
    assert quote.start == at + len(cut) - len(cut.lstrip())


def test_the_quote_benchmark_runs() -> None:
    import subprocess
    import sys

    from tests.conftest import ROOT

    command = [sys.executable, "-m", "benchmarks.quotes", "--chars", "20000"]
    done = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, check=False, timeout=300)
    assert done.returncode == 0, done.stderr
    rows = [line for line in done.stdout.splitlines() if line.startswith("| 20,000 |")]
    assert [row.split(" | ")[1] for row in rows] == [
        "as printed",
        "straight quotes for curly",
        "repeated",
        "not in the text",
    ]
    assert [row.split(" | ")[3].split(",")[0] for row in rows] == ["found"] * 3 + ["not found"]
