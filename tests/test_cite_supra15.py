"""Issue 15 review: a supra names an author's work by its short title only when another work by
the same author(s) has been cited (R15.8; Bluebook R4.2(b)), and a court document of a reported
case keeps its entry number in its short form (R10.8.3 with B17), and APA and Chicago give a
republished work's original year (APA 9.41, 8.15; CMOS 14.114). Tables through the public API,
each row's id naming its rule.

The Brown articles are the Indigo Book's own example (c211), cited as the book prints them; the
rest is made up (Roe, the Example Institute, Roe v. Widget Co.)."""

from __future__ import annotations

from typing import Any

import pytest

import evidence as ev

C = "confirmed"


def article(id: str, title: str, short: str, volume: str, page: str, **fields: Any) -> ev.Source:
    given = {"authors": ["Liz Brown"], "publication": "N.Y.U. J. Intell. Prop. & Ent. L.", **fields}
    return ev.Source(id=id, kind="journal_article", title=title, short_title=short, volume=volume, page=page,
                     published="2014", confidence=C, **given)  # fmt: skip


RECORDS = ev.RecordSet([
    article("bridging", "Bridging The Gap: Improving Intellectual Property Protection for the Look and Feel of "
            "Websites", "Bridging the Gap", "3", "310"),
    article("remixing", "Remixing Transformative Use: A Three-Part Proposal for Reform", "Remixing Transformative "
            "Use", "4", "139"),
    article("other-brown", "Widgets and Gadgets", "Widgets", "5", "1", authors=["Ann Brown"]),
    ev.Source(id="audit", kind="other", title="Auditing Widgets: A Guide", short_title="Auditing Widgets",
              institution="Example Institute", published="2020", confidence=C),
    ev.Source(id="survey", kind="other", title="Surveying Widgets", short_title="Surveying",
              institution="Example Institute", published="2021", confidence=C),
    ev.Source(id="gadgets", kind="other", title="Gadgets", short_title="Gadgets", institution="Other Institute",
              published="2021", confidence=C),
    ev.Source(id="reprint", kind="book", title="A Treatise on Widgets", authors=["Ann Roe"], publisher="Widget Press",
              published="2001", original_published="1967", confidence=C),
    ev.Case(id="widget", name="Roe v. Widget Co.", court="ca2", docket_number="06-19139", confidence=C),
    ev.Decision(id="widget.decision", case="widget", date="2003", cites=["340 F.3d 1200"], confidence=C),
    ev.Filing(id="mot", case="widget", title="Mot. to Dismiss", ecf=12, confidence=C),
    ev.Filing(id="resp", case="widget", title="Pl.'s Resp.", confidence=C),
])  # fmt: skip


def row(rule: str, record: str, expected: str, **options: Any) -> Any:
    return pytest.param(record, options, expected, id=rule)


LONE = [
    row("R15.8 a lone supra cannot know the author's other works: no short title", "bridging", "Brown, supra.",
        form="supra"),
    row("R15.8 the writer says another work is cited: its short title", "bridging",
        "Brown, Bridging The Gap, supra, at 320.", form="supra", pin="320", several_works=True),
    row("R15.8 an institution's work among several", "audit", "Example Institute, Auditing Widgets, supra note 2.",
        form="supra", note=2, several_works=True),
    row("R15.8 without a short title, the author alone", "widget-less", "Example Institute, supra.", form="supra",
        several_works=True),
    row("APA 9.41 a republished work's entry ends with the original's year", "reprint",
        "Roe, A. (2001). *A Treatise on Widgets*. Widget Press. (Original work published 1967)", style="apa",
        markup="markdown"),
    row("APA 8.15 its in-text citation gives both years, the original's first", "reprint", "(Roe, 1967/2001)",
        style="apa", form="short"),
    row("CMOS 14.114 a reprint's note: the original's year, then repr.", "reprint",
        "Ann Roe, *A Treatise on Widgets* (1967; repr., Widget Press, 2001), 3.", style="chicago", pin="3",
        markup="markdown"),
    row("CMOS 14.114 its bibliography entry: the original's year, then Reprint", "reprint",
        "Roe, Ann. *A Treatise on Widgets*. 1967. Reprint, Widget Press, 2001.", style="chicago",
        form="bibliography", markup="markdown"),
    row("R10.8.3 B17 the short form of a reported case's document keeps its entry number", "mot",
        "Mot. to Dismiss at 3, Roe, 340 F.3d 1200 (No. 06-19139), ECF No. 12.", form="short", pin="3"),
    row("R10.8.3 B17 as its full form does", "mot",
        "Mot. to Dismiss at 3, Roe v. Widget Co., 340 F.3d 1200 (2d Cir. 2003) (No. 06-19139), ECF No. 12.", pin="3"),
    row("R10.8.3 without an entry number, none", "resp", "Pl.'s Resp. at 3, Roe, 340 F.3d 1200 (No. 06-19139).",
        form="short", pin="3"),
]  # fmt: skip

WITHOUT_SHORT = ev.Source(id="widget-less", kind="other", title="Widgets", institution="Example Institute",
                          published="2022", confidence=C)  # fmt: skip


@pytest.mark.parametrize(("record", "options", "expected"), LONE)
def test_a_lone_citation(record: str, options: dict[str, Any], expected: str) -> None:
    cited = WITHOUT_SHORT if record == "widget-less" else RECORDS[record]
    assert ev.cite(cited, records=RECORDS, **options) == expected


def test_c211_the_short_title_tells_an_author_s_works_apart() -> None:
    sequence = ev.CitationSequence(RECORDS, footnotes=False)
    assert sequence.cite("bridging") == (
        "Liz Brown, Bridging The Gap: Improving Intellectual Property Protection for the Look and Feel of Websites, "
        "3 N.Y.U. J. Intell. Prop. & Ent. L. 310 (2014)."
    )
    # Only one of Brown's works cited so far: her name is enough.
    sequence.cite("audit")
    assert sequence.cite("bridging") == "Brown, supra."
    sequence.cite("remixing")
    sequence.cite("audit")
    assert sequence.cite("remixing") == "Brown, Remixing Transformative Use, supra."
    assert sequence.cite("bridging", pin="320") == "Brown, Bridging The Gap, supra, at 320."


def test_the_works_of_one_author_not_of_another() -> None:
    sequence = ev.CitationSequence(RECORDS)
    for id in ("audit", "gadgets"):
        sequence.cite(id, note=1)
    sequence.cite("bridging", note=2)
    assert sequence.cite("audit", note=3) == "Example Institute, supra note 1."
    sequence.cite("survey", note=4)
    assert sequence.cite("audit", note=5) == "Example Institute, Auditing Widgets, supra note 1."
    # Two authors of one surname: "Brown, supra" alone would not say which is meant.
    sequence.cite("other-brown", note=6)
    assert sequence.cite("bridging", note=7) == "Brown, Bridging The Gap, supra note 2."
