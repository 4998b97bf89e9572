"""BibTeX, biblatex and RIS read by the programs their users run: biber validates the biblatex
entries against biblatex's data model, LaTeX prints them with biblatex's standard style, BibTeX
reads the classic flavour, rispy and citation-js read the RIS (and citation-js the BibTeX)."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import rispy
from bibtexparser import parse_string
from hypothesis import given

import evidence as ev
from evidence._export.bibtex import bibtex_entries
from evidence.testing import strategies as s
from tests.conftest import EXAMPLES, ROOT, run_evidence

EXAMPLE_FOLDERS = ["kadrey-v-meta", "thomson-reuters-v-ross"]
KADREY = EXAMPLES / "kadrey-v-meta"
BIBER = shutil.which("biber")
NODE = shutil.which("node")
CITATION_JS = ROOT / ".ci" / "node"


def csl_items(folder: Path) -> dict[str, dict[str, Any]]:
    """The CSL-JSON items of the records BibTeX and RIS have entries for: CSL-JSON has each
    decision as an item of its own, the others hold a case's decisions in its entry."""
    records = ev.load(folder)
    decided = {decision.id for decision in records.decisions}
    return {item["id"]: item for item in json.loads(ev.export(records, "csl-json")) if item["id"] not in decided}


def written(folder: Path, to: str, tmp_path: Path) -> Path:
    """The export written by the command, as a user would make it."""
    path = tmp_path / f"refs.{'ris' if to == 'ris' else 'bib'}"
    ran = run_evidence("export", folder, "--to", to, "-o", path, cwd=tmp_path, timeout=120)
    assert ran.code == 0, ran.err
    return path


# -- biber: biblatex's data model ---------------------------------------------------------------

# biber's data model messages: a field the entry type does not allow (biblatex drops it), a field
# the data model lacks, a mandatory field missing.
INVALID_FOR_TYPE = re.compile(r"Entry '([^']+)' .*: Invalid field '([^']+)' for entrytype '([^']+)'")
UNKNOWN_FIELD = re.compile(r"Entry '([^']+)' .*: Field '([^']+)' invalid in data model - ignoring")
MISSING = re.compile(r"Entry '([^']+)' .*: Missing mandatory field (?:'([^']+)'|- one of '([^']+)' must be defined)")
# What the item lacks when biber finds a mandatory field missing: nothing the records know is
# left out, and nothing they do not know is made up.
CSL_OF_MANDATORY = {
    "title": "title",
    "author": "author",
    "date, year": "issued",
    "journaltitle": "container-title",
    "url, doi, eprint": "URL",
}


@pytest.mark.skipif(BIBER is None, reason="biber is not installed: apt-get install biber")
@pytest.mark.parametrize("example", EXAMPLE_FOLDERS)
def test_biber_validates_the_biblatex_export_against_the_data_model(example: str, tmp_path: Path) -> None:
    path = written(EXAMPLES / example, "biblatex", tmp_path)
    assert BIBER is not None
    done = subprocess.run(
        [BIBER, "--tool", "--validate-datamodel", path.name],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    log = done.stdout + done.stderr
    assert done.returncode == 0, log
    assert "Datamodel validation complete" in log
    errors = [line for line in log.splitlines() if line.startswith("ERROR") or INVALID_FOR_TYPE.search(line)]
    assert errors == []
    items = csl_items(EXAMPLES / example)
    # The only fields outside the data model are the extras, which CSL-JSON keeps in `custom`.
    unknown = [match.groups() for match in map(UNKNOWN_FIELD.search, log.splitlines()) if match]
    assert unknown, "the extras (confidence...) are written and biber names them"
    assert [(key, field) for key, field in unknown if field not in items[key].get("custom", {})] == []
    for match in filter(None, map(MISSING.search, log.splitlines())):
        key, field, one_of = match.groups()
        assert CSL_OF_MANDATORY[field or one_of] not in items[key], match.group()


LATEX_DOCUMENT = r"""\documentclass{article}
\usepackage[T1]{fontenc}
\usepackage[english]{babel}
\usepackage[backend=biber]{biblatex}
\addbibresource{refs.bib}
\begin{document}
\nocite{*}
\printbibliography
\end{document}
"""


def latex_tools() -> list[str]:
    tools = ["pdflatex", "biber", "pdftotext", "kpsewhich"]
    missing = [tool for tool in tools if shutil.which(tool) is None]
    if not missing and not subprocess.run(["kpsewhich", "biblatex.sty"], capture_output=True, check=False).stdout:
        missing.append("biblatex.sty")
    return missing


@pytest.mark.skipif(
    bool(latex_tools()),
    reason=f"LaTeX with biblatex is not installed ({', '.join(latex_tools())}): "
    "apt-get install biber texlive-latex-recommended texlive-bibtex-extra poppler-utils",
)
def test_biblatex_standard_style_prints_court_docket_and_ecf_numbers(tmp_path: Path) -> None:
    written(KADREY, "biblatex", tmp_path)
    (tmp_path / "doc.tex").write_text(LATEX_DOCUMENT, encoding="utf-8")
    for command in (["pdflatex", "-interaction=nonstopmode", "doc"], ["biber", "doc"]) * 2:
        done = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, timeout=300, check=False)
        assert done.returncode == 0, done.stdout[-3000:]
    text = subprocess.run(["pdftotext", "doc.pdf", "-"], cwd=tmp_path, capture_output=True, text=True, check=True)
    printed = re.sub(r"\s+", " ", text.stdout.replace("-\n", "-"))
    # The case, then a filing and an exhibit: court, docket and ECF numbers.
    assert "Kadrey v. Meta Platforms, Inc. No. 3:23-cv-03417-VC. N.D. Cal." in printed
    assert "Declaration. Kadrey v. Meta Platforms, Inc., No. 3:23-cv-03417-VC ECF No. 391. N.D. Cal." in printed
    assert "Ex. K. Kadrey v. Meta Platforms, Inc., No. 3:23-cv-03417-VC ECF No. 391-24. N.D. Cal." in printed
    # Languages by name: English is not said in an English document, Portuguese is; no "en.".
    assert "Portuguese" in printed and "English" not in printed and " en." not in printed
    assert "To Hugo Touvron." in printed and "Likely: the record as a whole." in printed


# -- classic BibTeX -----------------------------------------------------------------------------


@pytest.mark.parametrize("example", EXAMPLE_FOLDERS)
def test_classic_bibtex_dates_every_dated_entry_by_year(example: str, tmp_path: Path) -> None:
    library = parse_string(written(EXAMPLES / example, "bibtex", tmp_path).read_text(encoding="utf-8"))
    assert library.failed_blocks == []
    items = csl_items(EXAMPLES / example)
    assert [entry.key for entry in library.entries] == list(items)
    for entry in library.entries:
        fields = entry.fields_dict
        assert "date" not in items[entry.key].get("custom", {})
        # A case is dated by its filing, which no entry gives as its date (CSL: `submitted`).
        parts = items[entry.key].get("issued", {}).get("date-parts", [[]])[0]
        assert ("year" in fields) == bool(parts), entry.key
        if parts:
            assert fields["year"].value == str(parts[0])
        if len(parts) > 1:
            assert fields["month"].value == ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct",
                                             "nov", "dec"][parts[1] - 1]  # fmt: skip
        assert "confidence" in fields  # the mark travels in classic BibTeX too
    case = {entry.key: entry for entry in library.entries}.get("kadrey-v-meta")
    if case is not None:
        assert (case.entry_type, case["type"], case["number"], case["institution"]) == (
            "techreport", "Case", "3:23-cv-03417-VC", "N.D. Cal.",
        )  # fmt: skip


@given(records=s.record_sets())
def test_every_record_set_exports_classic_bibtex_that_parses_back(records: ev.RecordSet) -> None:
    library = parse_string(ev.export(records, "bibtex"))
    assert library.failed_blocks == []
    written = bibtex_entries(records)
    assert [(entry.entry_type, entry.key) for entry in library.entries] == [(e.type, e.key) for e in written]
    for entry, bib_entry in zip(library.entries, written, strict=True):
        assert [(field.key, field.value) for field in entry.fields] == bib_entry.fields


@pytest.mark.skipif(shutil.which("bibtex") is None, reason="BibTeX is not installed: apt-get install texlive-binaries")
def test_bibtex_reads_the_classic_flavour_with_its_plain_style(tmp_path: Path) -> None:
    written(KADREY, "bibtex", tmp_path)
    (tmp_path / "doc.aux").write_text("\\citation{*}\n\\bibdata{refs}\n\\bibstyle{plain}\n", encoding="utf-8")
    done = subprocess.run(["bibtex", "doc"], cwd=tmp_path, capture_output=True, text=True, timeout=120, check=False)
    assert "error message" not in done.stdout, done.stdout
    bbl = re.sub(r"\s+", " ", (tmp_path / "doc.bbl").read_text(encoding="utf-8"))
    # A case is dated by its filing: said as such, never as the date of the case.
    assert "Case 3:23-cv-03417-VC, N.D. Cal. \\newblock Filed 2023-07-07." in bbl


# -- RIS read by rispy --------------------------------------------------------------------------


def test_rispy_reads_every_item_with_its_tags(tmp_path: Path) -> None:
    entries = {entry["id"]: entry for entry in rispy.loads(written(KADREY, "ris", tmp_path).read_text("utf-8"))}
    assert list(entries) == list(csl_items(KADREY))
    news = entries["techcrunch-2025-01-14"]
    assert (news["type_of_reference"], news["authors"], news["publication_year"]) == (
        "NEWS", ["Zeff, Maxwell"], "2025/01/14",
    )  # fmt: skip
    case = entries["kadrey-v-meta"]
    assert (case["type_of_reference"], case["publisher"], case["unknown_tag"]["SV"]) == (
        "CASE", "N.D. Cal.", ["3:23-cv-03417-VC"],
    )  # fmt: skip
    assert case["section"] == "2023/07/07/" and "date" not in case  # filed, not decided
    filing = entries["ecf-391"]
    assert (filing["date"], filing["note"]) == ("2025/01/14/", "ECF No. 391")
    assert " | To Hugo Touvron | " in entries["chat-goal-gpt4"]["notes"][0]


# -- citation-js ----------------------------------------------------------------------------------


def citation_js(fmt: str, text: str) -> dict[str, dict[str, Any]]:
    """What citation-js reads from an export, as CSL-JSON by id."""
    if NODE is None:
        pytest.skip("node is not installed: citation-js cannot run")
    if not (CITATION_JS / "node_modules" / "@citation-js" / "plugin-ris").is_dir():
        pytest.skip("citation-js is not installed: npm ci --prefix .ci/node")
    done = subprocess.run(
        [NODE, str(CITATION_JS / "to-csl.js"), fmt], input=text, capture_output=True, text=True, timeout=120,
        check=True,
    )  # fmt: skip
    return {item["id"]: item for item in json.loads(done.stdout)}


def kadrey(to: str) -> str:
    return ev.export(ev.load(KADREY), to)


def held_message() -> ev.RecordSet:
    """Made up (as Doe v. Acme): a chat message held in an exhibit, a personal communication."""
    return ev.RecordSet(
        [
            ev.Actor(id="ann", name="Ann Roe", kind=ev.ActorKind.PERSON, confidence="confirmed"),
            ev.Actor(id="bob", name="Bob Poe", kind=ev.ActorKind.PERSON, confidence="confirmed"),
            ev.Filing(id="f", case="doe-v-acme", ecf=12, filed="2024-03-01", confidence="confirmed"),
            ev.Exhibit(id="x", filing="f", label="A", confidence="confirmed"),
            ev.Message(id="m", sender="ann", recipients=("bob",), exhibit="x", sent="2024-02-03", channel="chat",
                       text="Ship it.", confidence="confirmed"),
        ]
    )  # fmt: skip


def test_citation_js_reads_the_ris_authors_dates_court_and_numbers() -> None:
    read = citation_js("ris", kadrey("ris"))
    news = read["techcrunch-2025-01-14"]
    assert (news["type"], news["author"], news["issued"]) == (
        "article-newspaper", [{"family": "Zeff", "given": "Maxwell"}], {"date-parts": [[2025, 1, 14]]},
    )  # fmt: skip
    assert "field_confidence: authors: unverified, url: unverified" in news["note"]
    case = read["kadrey-v-meta"]
    assert (case["type"], case["authority"], case["submitted"]) == (
        "legal_case", "N.D. Cal.", {"date-parts": [[2023, 7, 7]]},
    )  # fmt: skip
    assert "issued" not in case  # a docket's filing is no decision
    # citation-js has no tag for a case's docket number: it reads the note.
    assert "No. 3:23-cv-03417-VC" in case["note"]
    filing = read["ecf-391"]
    assert (filing["number"], filing["publisher"], filing["issued"]) == (
        "ECF No. 391", "N.D. Cal.", {"date-parts": [[2025, 1, 14]]},
    )  # fmt: skip
    assert "Translation of “Meta execs obsessed" in read["bolt42-article-pt"]["note"]
    assert "Likely: url." in filing["note"]  # every note in the one N1 citation-js keeps
    message = citation_js("ris", ev.export(held_message(), "ris"))["m"]
    assert (message["type"], message["recipient"]) == (
        "personal_communication", [{"family": "Poe", "given": "Bob"}],
    )  # fmt: skip


def test_citation_js_reads_the_bibtex_docket_and_ecf_numbers() -> None:
    classic = citation_js("bibtex", kadrey("bibtex"))
    assert (classic["kadrey-v-meta"]["number"], classic["kadrey-v-meta"]["publisher"]) == (
        "3:23-cv-03417-VC", "N.D. Cal.",
    )  # fmt: skip
    assert classic["ecf-391"]["number"] == "ECF No. 391"
    assert "No. 3:23-cv-03417-VC" in classic["ecf-391"]["note"]
    assert "To Hugo Touvron" in classic["chat-goal-gpt4"]["note"]
    assert classic["techcrunch-2025-01-14"]["issued"] == {"date-parts": [[2025, 1, 14]]}
    biblatex = citation_js("biblatex", kadrey("biblatex"))
    # In biblatex, a court record is a @manual: citation-js makes it a report, its number the
    # collection number and its court the publisher.
    filing = biblatex["ecf-391"]
    assert (filing["collection-number"], filing["collection-title"], filing["publisher"]) == (
        "ECF No. 391", "Kadrey v. Meta Platforms, Inc., No. 3:23-cv-03417-VC", "N.D. Cal.",
    )  # fmt: skip
    assert biblatex["kadrey-v-meta"]["collection-number"] == "No. 3:23-cv-03417-VC"
    # No biblatex field holds a recipient; the addendum, which citation-js reads as the note, does.
    assert biblatex["chat-goal-gpt4"]["note"].startswith("To Hugo Touvron. Quoted in TechCrunch")
    assert biblatex["chat-goal-gpt4"]["language"] == "english"


@pytest.mark.parametrize(
    ("published", "y1"),
    [("2025-01~", "2025/01"), ("2024-12/2025-01", "2024/12"), ("2025-01-14?", "2025/01/14")],
)
def test_a_news_item_s_uncertain_date_is_said_whole_in_its_note(published: str, y1: str) -> None:
    # Y1 holds the parts citation-js reads; what they cannot say (about, until, perhaps) is kept.
    records = ev.loads(
        "evidence: 2\nsources:\n  - id: daily\n    kind: news_article\n    title: Acme's plans\n"
        f"    publisher: The Daily\n    published: '{published}'\n    confidence: likely\n",
        format="yaml",
    )
    (entry,) = rispy.loads(ev.export(records, "ris"))
    assert entry["type_of_reference"] == "NEWS" and entry["publication_year"] == y1
    assert entry["notes"][0].count(published) == 1
