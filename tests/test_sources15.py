"""Secondary sources as the Indigo Book cites them (issue 15): journals by volume (R16/R30.1),
books' editions, editors and volumes (R15), numbered reports, web pages' last-visited dates
(R18.2.2), page ranges (R3.3), and their supra and id. Each row names the rule and, where its
expected text is the book's, the example's cite_id; the records come in through
`evidence.import_csl` from the book's own CSL items, as a user's Zotero library would."""

from __future__ import annotations

import json
from typing import Any

import pytest

import evidence as ev
from tests.conftest import ROOT

DATA = ROOT / "tests" / "data" / "indigobook"
ITEMS: dict[str, Any] = json.loads((DATA / "items.json").read_text(encoding="utf-8"))
EXAMPLES = {e["cite_id"]: e for e in json.loads((DATA / "examples.json").read_text(encoding="utf-8"))}


def imported(cite_id: str) -> ev.Source:
    """The source the example cites, imported from its CSL item."""
    key = EXAMPLES[cite_id]["cites"][0]["item"]
    records = ev.import_csl([{**ITEMS[key], "id": key}])
    (source,) = records.sources
    return source


def row(rule: str, cite_id: str, expected: str, pin: str | None = None, **options: Any) -> Any:
    return pytest.param(cite_id, pin, options, expected, id=f"{rule} {cite_id}")


BOOK_EXAMPLES = [
    row(
        "R30.1 journal: volume, journal, first page (month and year as given)",
        "c001",
        "Gerald Lebovits, Write the Cites Right—Part II, 76 N.Y. St. B.J. 64 (Dec. 2004).",
    ),
    row(
        "R30.1 journal with a pinpoint",
        "c119",
        "Alex Kozinski & Eugene Volokh, Lawsuit Shmawsuit, 103 Yale L.J. 463, 463 (1993).",
        pin="463",
    ),
    row(
        "R30.2 a student Note says so before its title",
        "c203",
        "Amanda Levendowski, Note, Using Copyright to Combat Revenge Porn, 3 N.Y.U. J. Intell. Prop. & Ent. L. 422 "
        "(2014).",
    ),
    row(
        "R30.2 an unsigned Comment",
        "c205",
        "Comment, Law and Lawns: Mandatory Water Restrictions and Substantive Due Process, 7 Calif. L. Rev. 138 (1972).",
    ),
    row(
        "R30.4.2 a journal's address after its date",
        "c212",
        "Daniel E. Ho & Frederick Schauer, Testing the Marketplace of Ideas, 90 N.Y.U. L. Rev. 1160, 1175 (2015), "
        "http://www.nyulawreview.org/sites/default/files/pdf/NYULawReview-90-4-Ho_Schauer.pdf.",
        pin="1175",
    ),
    row(
        "R15.4 a book's edition before its year",
        "c188",
        "Marc A. Franklin et al., Mass Media Law Cases and Materials 472 (8th ed. 2011).",
        pin="472",
    ),
    row(
        "R15.1 a book in volumes starts with the volume; R3.3 en dashes",
        "c189",
        "1 Melville B. Nimmer & David Nimmer, Nimmer on Copyright § 1.01[B][1][a] at 1–14–15 (2011).",
        pin="§ 1.01[B][1][a] at 1-14-15",
    ),
    row(
        "R15.4 an edition that is not a number",
        "c195",
        "3 Melville Nimmer & David Nimmer, Nimmer on Copyright § 12.01 (Rev. ed. 2015).",
        pin="§ 12.01",
    ),
    row(
        "R3.3 a page range takes an en dash",
        "c028",
        "Don Daily, The Classic Treasury of Aesop's Fables 43–46 (1999).",  # the book's apostrophe is curly
        pin="43-46",
    ),
    row(
        "R3.3 passim",
        "c064",
        "Dava Sobel, Longitude: The True Story of a Lone Genius Who Solved the Greatest Scientific Problem of His "
        "Time passim (1995).",
        pin="passim",
    ),
    row(
        "R15.5.1 a chapter in a book, with the book's editors",
        "c191",
        "Roger Angell, This Old Man, in The Best American Essays 2015 (Ariel Levy & Robert Atwan eds., 2015).",
    ),
    row(
        "R15.1.1 editors: more than two, the first et al.",
        "c003",
        "The Bluebook: A Uniform System of Citation (Columbia Law Review Ass'n et al. eds., 20th ed. 2015).",
    ),
    row("numbered report: the number, at the page", "c166", "S. Rep. No. 106-261, at 441 (2000).", pin="441"),
    row("numbered report of the House", "c167", "H.R. Rep. No. 110-803, at 105 (2008).", pin="105"),
    row(
        "a report's date as precise as it is given",
        "c304",
        "Apple Inc., Annual Report (Form 10-K) (Oct. 28, 2015).",
    ),
    row(
        "USITC: investigation numbers and publication number",
        "c294",
        "Polyvinyl Alcohol from China, Japan, and Taiwan, Inv. Nos. 701-TA-309, 731-TA-528, 731-TA-529, "
        "USITC Pub. 4067 (Mar. 27, 2009).",
    ),
    row(
        "an opinion in a volume of a series, as a journal",
        "c261",
        "U.S. Assistance to Countries That Shoot Down Civil Aircraft Involved in Drug Trafficking, 18 Op. O.L.C. "
        "148, 165 (1994).",  # the title lowercases "to" and "in": its "Down" is a particle it chose (R8)
        pin="165",
    ),
    row(
        "R18.2.2 a page not dated to the day: last visited",
        "c215",
        "Parker Higgins & Sarah Jeong, Archive of 5 Useful Articles Newsletter, 5 Useful Articles, "
        "http://tinyletter.com/5ua (last visited Mar. 2, 2015).",
    ),
    row("R18.2.2 an untitled page: last visited", "c217", "ESPN, http://www.espn.go.com/ (last visited Apr. 8, 2015)."),
]


@pytest.mark.parametrize(("cite_id", "pin", "options", "expected"), BOOK_EXAMPLES)
def test_the_books_examples(cite_id: str, pin: str | None, options: dict[str, Any], expected: str) -> None:
    assert ev.cite(imported(cite_id), pin=pin, **options) == expected


def test_typeface_of_passim_and_in() -> None:
    """R3.3 and R15.5.1: 'passim' and the 'in' of a chapter are italic (c064, c191)."""
    assert "</i> <i>passim</i>" in ev.cite(imported("c064"), pin="passim", markup="html")
    assert "<i>in</i> <i>The Best American Essays 2015</i>" in ev.cite(imported("c191"), markup="html")


LILLY = ev.Source(
    id="lilly",
    kind=ev.SourceKind.BOOK,
    title="Principles of Evidence",
    authors=("Graham C. Lilly", "Daniel J. Capra", "Stephen A. Saltzburg"),
    edition="6",
    published="2012",
    confidence=ev.Confidence.CONFIRMED,
)
NIMMER = imported("c195")
KOZINSKI = imported("c119")
BROWN = ev.Source(
    id="brown",
    kind=ev.SourceKind.BOOK,
    title="A Book",
    authors=("Ann Brown",),
    edition="2",
    volume="2",
    editors=("Carl Dee",),
    published="2020",
    confidence=ev.Confidence.CONFIRMED,
)


@pytest.mark.parametrize(
    ("source", "options", "expected"),
    [
        pytest.param(LILLY, {"pin": "1026-1028"}, "Graham C. Lilly et al., Principles of Evidence 1026–28 (6th ed. 2012).",
                     id="R3.3 the last page's repeated digits dropped, two kept"),
        pytest.param(LILLY, {"pin": "100-101"}, "Graham C. Lilly et al., Principles of Evidence 100–01 (6th ed. 2012).",
                     id="R3.3 two digits kept"),
        pytest.param(BROWN, {}, "2 Ann Brown, A Book (Carl Dee ed., 2d ed. 2020).",
                     id="R15.1.1 one editor; R15.4 '2d ed.'"),
        pytest.param(BROWN, {"style": "apa"}, "Brown, A. (2020). A Book (2nd ed.).", id="APA 10.2 the edition"),
        pytest.param(BROWN, {"style": "chicago"}, "Ann Brown, A Book, 2nd ed. (2020).", id="CMOS 14.113 the edition"),
        pytest.param(BROWN, {"style": "chicago", "form": "bibliography"}, "Brown, Ann. A Book. 2nd ed. 2020.",
                     id="CMOS 14.113 the edition in the bibliography"),
        pytest.param(KOZINSKI, {"style": "apa"}, "Kozinski, A., & Volokh, E. (1993). Lawsuit Shmawsuit. Yale L.J., 103, 463.",
                     id="APA 10.1 the volume after the journal"),
        pytest.param(KOZINSKI, {"style": "chicago"}, 'Alex Kozinski and Eugene Volokh, "Lawsuit Shmawsuit," Yale L.J. 103, 1993.',
                     id="CMOS 14.171 the volume after the journal"),
    ],
)  # fmt: skip
def test_rules_on_made_up_and_imported_sources(source: ev.Source, options: dict[str, Any], expected: str) -> None:
    assert ev.cite(source, **options) == expected


def test_supra_and_id_of_a_book_by_two_authors() -> None:
    """R15.8: both surnames in supra (c197, 'Nimmer & Nimmer, supra, § 14.02'); R3.3 no 'at'
    before a section, in supra or id., and id. after a signal lowercase (c196); R3.3 en dash in id. (c199, 'Id. at 88–103')."""
    sequence = ev.CitationSequence(ev.RecordSet([NIMMER, LILLY]), footnotes=False)
    sequence.cite(NIMMER, note=1)
    assert sequence.cite(NIMMER, note=2, pin="§ 14.02", signal="See") == "See id. § 14.02."  # R1.2
    sequence.cite(LILLY, note=3)
    assert sequence.cite(NIMMER, note=4, pin="§ 14.02", signal="See") == "See Nimmer & Nimmer, supra, § 14.02."
    assert sequence.cite(NIMMER, note=5, pin="88-103") == "Id. at 88–103."
    assert sequence.cite(LILLY, note=6, pin="3") == "Lilly et al., supra, at 3."


def test_the_importer_reads_what_zotero_keeps_in_note() -> None:
    """Juris-M and Zotero keep variables they have no field for as 'key: value' lines of note
    (c261: 'volume: 18', 'page: 148'); 'genre: Note' marks a student Note (c203)."""
    opinion = imported("c261")
    assert (opinion.volume, opinion.page, opinion.publication) == ("18", "148", "Op. O.L.C.")
    assert imported("c203").genre == "Note"
    assert imported("c292").number == "Inv. No. 332-550, USITC Pub. 4566"
