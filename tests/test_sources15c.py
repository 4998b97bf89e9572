"""Secondary sources, the Indigo Book's examples the first round left out (issue 15): a post's
time of day without a zone (R18.2.2), an institution as author, a translation's original year
without a record of the original (R28.2.5), how to find a page (R18.2.2), a short title in
supra (R15.8), the small words a title capitalizes by choice (R8), and a film. Each row names
the rule and, where its expected text is the book's, the example's cite_id; the records come in
through `evidence.import_csl` from the book's own CSL items, as a user's Zotero library would."""

from __future__ import annotations

import json
from typing import Any

import pytest

import evidence as ev
from tests.conftest import ROOT

DATA = ROOT / "tests" / "data" / "indigobook"
ITEMS: dict[str, Any] = json.loads((DATA / "items.json").read_text(encoding="utf-8"))
EXAMPLES = {e["cite_id"]: e for e in json.loads((DATA / "examples.json").read_text(encoding="utf-8"))}
C = ev.Confidence.CONFIRMED


def imported(cite_id: str, n: int = 0) -> ev.Source:
    """The source the example cites (its n-th cite), imported from its CSL item."""
    key = EXAMPLES[cite_id]["cites"][n]["item"]
    (source,) = ev.import_csl([{**ITEMS[key], "id": key}]).sources
    return source


def row(rule: str, cite_id: str, expected: str, pin: str | None = None) -> Any:
    return pytest.param(cite_id, pin, expected, id=f"{rule} {cite_id}")


@pytest.mark.parametrize(
    ("cite_id", "pin", "expected"),
    [
        row("R18.2.2 a post's time of day as the page prints it, no zone", "c218",
            "Chris Cillizza, Winners and Losers of the 2014 Midterm Elections, Wash. Post Blogs (Nov. 5, 2014, "
            "10:25 AM), http://www.washingtonpost.com/blogs/the-fix/wp/2014/11/04/winners-and-losers-of-the-2014-"
            "election-early-edition/."),
        row("institution as author, from CSL-M authority", "c257",
            "Institute of Education Sciences, National Board for Education Sciences Annual Report 12 (2014).", pin="12"),
        row("institution with commas is not 'Family, Given'", "c268",
            "U.S. Dep't of State, Bureau of Democracy, H.R. and Lab., International Religious Freedom Report 14 "
            "(2014).", pin="14"),
        row("institution: Juris-M's bodies named from the one that wrote it", "c279",
            "Office of Mgmt. & Budget, Exec. Office of the President, Budget of the United States Government, "
            "Fiscal Year 2014 (2013)."),
        row("R28.2.5 a translation's original year from original-date", "c190",
            "Gabriel García Márquez, One Hundred Years of Solitude (Gregory Rabassa trans., Harper & Row 2003) "
            "(1967)."),
        row("R18.2.2 how to find the page, before last visited", "c220",
            "Google Books Ngram Viewer, Google, https://books.google.com/ngrams (select corpus “English Fiction”; "
            "then search for “Arrakis”) (last visited Apr. 17, 2012)."),
        row("R8 an infinitive's 'To' the title capitalizes is kept", "c204",
            "Victoria Nemiah, Note, License and Registration, Please: Using Copyright “Conditions” To Protect "
            "Free/Open Source Software, 3 N.Y.U. J. Intell. Prop. & Ent. L. 358, 361 (2014).", pin="361"),
        row("a film: studio and year in parentheses", "c029", "The Shawshank Redemption (Castle Rock Entertainment 1994)."),
    ],
)  # fmt: skip
def test_the_books_examples(cite_id: str, pin: str | None, expected: str) -> None:
    assert ev.cite(imported(cite_id), pin=pin) == expected


def test_supra_names_the_short_title_of_one_of_an_authors_works() -> None:
    """R15.8 (c211): an author of several works cited: her surname, the work's short title, supra;
    the short title spelt as the full citation spells the title ('Bridging The Gap')."""
    bridging, remixing = imported("c211", 0), imported("c211", 1)
    sequence = ev.CitationSequence(ev.RecordSet([bridging, remixing]), footnotes=False)
    assert sequence.cite(bridging).startswith("Liz Brown, Bridging The Gap: Improving")
    sequence.cite(remixing)
    assert sequence.cite(remixing) == "Id."
    sequence.cite(bridging)
    assert sequence.cite(remixing) == "Brown, Remixing Transformative Use, supra."
    assert sequence.cite(bridging, pin="320") == "Brown, Bridging The Gap, supra, at 320."
    html = ev.CitationSequence(ev.RecordSet([bridging, remixing]), footnotes=False, markup="html")
    html.cite(remixing)
    html.cite(bridging)
    assert html.cite(remixing) == "Brown, <i>Remixing Transformative Use</i>, <i>supra</i>."


def post(**fields: Any) -> ev.Source:
    base: dict[str, Any] = {
        "id": "roe-post", "kind": ev.SourceKind.POST, "title": "Widgets Ship", "authors": ("Ann Roe",),
        "publication": "Acme Blog", "published": "2024-03-04", "confidence": C,
    }  # fmt: skip
    return ev.Source(**{**base, **fields})


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        pytest.param(post(published_time="09:05"), "Ann Roe, Widgets Ship, Acme Blog (Mar. 4, 2024, 9:05 AM).",
                     id="R18.2.2 a morning time, no zone"),
        pytest.param(post(published_time="00:30"), "Ann Roe, Widgets Ship, Acme Blog (Mar. 4, 2024, 12:30 AM).",
                     id="R18.2.2 half past midnight"),
        pytest.param(post(published_time="13:00", published="2024-03-04T09:00-08:00"),
                     "Ann Roe, Widgets Ship, Acme Blog (Mar. 4, 2024, 9:00 AM).",
                     id="R18.2.2 a published time with its zone wins"),
        pytest.param(post(published_time="13:00", published="2024-03"), "Ann Roe, Widgets Ship, Acme Blog (Mar. 2024).",
                     id="R18.2.2 no time without the day"),
        pytest.param(post(authors=(), institution="Acme Corp., Legal Dep't"),
                     "Acme Corp., Legal Dep't, Widgets Ship, Acme Blog (Mar. 4, 2024).", id="institution as author"),
        pytest.param(post(title="The Art Of War In The West", kind=ev.SourceKind.WEB_PAGE),
                     "Ann Roe, The Art of War in the West, Acme Blog (Mar. 4, 2024).",
                     id="R8 small words capitalized by a blanket rule are lowercased"),
        pytest.param(post(title="Roe Runs to Win and Signs Up", kind=ev.SourceKind.WEB_PAGE),
                     "Ann Roe, Roe Runs to Win and Signs Up, Acme Blog (Mar. 4, 2024).",
                     id="R8 a title that follows the rule keeps its chosen capital"),
    ],
)  # fmt: skip
def test_made_up_posts(source: ev.Source, expected: str) -> None:
    assert ev.cite(source) == expected


def test_supra_of_an_institution_and_marks_of_the_new_fields() -> None:
    """R15.8: an institution's short form is its name; with marks, the time, the institution and
    the directions are flagged as their fields are known."""
    source = post(authors=(), institution="Acme Corp.", published_time="14:10", directions="search for “widgets”",
                  url="https://blog.example/w", field_confidence={"published_time": ev.Confidence.LIKELY,
                                                                  "institution": ev.Confidence.LIKELY})  # fmt: skip
    sequence = ev.CitationSequence(ev.RecordSet([source, post(id="other")]), footnotes=False)
    sequence.cite(source)
    sequence.cite("other")
    assert sequence.cite(source) == "Acme Corp., supra."
    marked = ev.cite(source, marks=True)
    assert marked == (
        "Acme Corp. [likely], Widgets Ship, Acme Blog (Mar. 4, 2024, 2:10 PM [likely]), https://blog.example/w "
        "(search for “widgets”)."
    )


def test_a_time_of_day_is_written_in_24_hours() -> None:
    with pytest.raises(ev.EvidenceError, match="time of day"):
        ev.loads("evidence: 2\nsources:\n  - id: p\n    kind: post\n    published_time: '12:27 PM'\n", format="yaml")
    assert imported("c213").published_time == "12:27"
    assert imported("c214").published_time == "09:55"


REPORT = ev.Source(id="rep", kind=ev.SourceKind.OTHER, title="Annual Report", institution="Acme Widget Institute",
                   published="2014", publisher="Acme Press", confidence=C)  # fmt: skip


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        pytest.param({"style": "apa"}, "Acme Widget Institute. (2014). Annual Report. Acme Press.",
                     id="APA 9.11 a group author, whole, with its stop"),
        pytest.param({"style": "apa", "form": "short"}, "(Acme Widget Institute, 2014)", id="APA 8.21 in text"),
        pytest.param({"style": "apa", "form": "narrative"}, "Acme Widget Institute (2014)", id="APA 8.21 narrative"),
        pytest.param({"style": "chicago"}, 'Acme Widget Institute, "Annual Report," Acme Press, 2014.',
                     id="CMOS 14.84 an organization as author, note"),
        pytest.param({"style": "chicago", "form": "short"}, 'Acme Widget Institute, "Annual Report."',
                     id="CMOS 14.84 short note"),
    ],
)  # fmt: skip
def test_an_institution_is_the_author_in_apa_and_chicago(options: dict[str, Any], expected: str) -> None:
    assert ev.cite(REPORT, **options) == expected


def test_an_institution_leads_the_bibliographies() -> None:
    assert ev.bibliography([REPORT], style="apa") == ["Acme Widget Institute. (2014). Annual Report. Acme Press."]
    assert ev.bibliography([REPORT], style="chicago") == ['Acme Widget Institute. "Annual Report." Acme Press, 2014.']
