"""The Bluebook rules of issue 15, as table tests through the public API: case names in textual
sentences (R11.4), periodicals abbreviated (T13), an exhibit with its document (R24.2.3), a
document's date (R24.3), *Id.* alone (R15.3.1), short forms that keep another case's name
(R26), "quoting" parentheticals built from the records, and a message's Bates page as its pin.

Every case, filing, message and outlet here is made up (*Doe v. Acme Corp.*, FictionWire), but
for the two newspaper articles, which are the Indigo Book's own examples (c206, c207), cited as
the book prints them. Expected strings are written from the rules, not from the program.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import evidence as ev

C = "confirmed"
U = "https://fictionwire.example/2025/01/09/acme-audit/"
MOTION = "Pls.' Mot. for Leave to File Third Am. Compl."
EMAIL = "E-mail from Pat Lee to Sam Roe (Oct. 10, 2024, 11:30 PM PDT)"


def case(id: str, name: str, docket_number: str, filed: str, **more: Any) -> ev.Case:
    return ev.Case(
        id=id, caption="x", name=name, court="cand", docket_number=docket_number, filed=filed, confidence=C, **more
    )


def filing(id: str, ecf: int, title: str, **more: Any) -> ev.Filing:
    """A filing of the made-up case, filed the day of the rules' illustrative motion."""
    return ev.Filing(id=id, case="doe-v-acme", ecf=ecf, title=title, filed="2025-01-08", confidence=C, **more)


def article(id: str, title: str, author: str, paper: str, published: str, **more: Any) -> ev.Source:
    return ev.Source(
        id=id, kind="news_article", title=title, authors=[author], publication=paper, published=published,
        confidence=C, **more,
    )  # fmt: skip


def message(id: str, channel: str, sent: str, page: str, confidence: str, **more: Any) -> ev.Message:
    """A message from Pat Lee to Sam Roe that the motion quotes at `page`."""
    return ev.Message(
        id=id, channel=channel, sender="pat-lee", recipients=["sam-roe"], sent=sent,
        attestations=[said_in("mot", page)], confidence=confidence, **more,
    )  # fmt: skip


def said_in(filing: str, page: str) -> ev.Attestation:
    return ev.Attestation(source=filing, quote=ev.Quote(exact="ship it", page=page), confidence=C)


def build(message_confidence: str = C) -> ev.RecordSet:
    return ev.RecordSet(
        [
            case("doe-v-acme", "Doe v. Acme Corp.", "3:24-cv-01234", "2024-02-05"),
            case("tech", "American Technology Corporation v. Smith", "5:20-cv-1", "2020-05-04"),
            case(
                "roe-bros",
                "Roe Brothers Manufacturing Company and Sons v. Widget Association",
                "5:21-cv-7",
                "2021-03-02",
            ),
            filing("mot", 372, "Plaintiffs' Motion for Leave to File Third Amended Complaint"),
            filing(
                "doe-decl", 373, "Declaration of Jane Doe in Support of Plaintiffs' Motion", short_title="Doe Decl."
            ),
            ev.Exhibit(id="ex-a", filing="doe-decl", attachment=1, label="A", confidence=C),
            ev.Actor(id="pat-lee", name="Pat Lee", kind="person", confidence=C),
            ev.Actor(id="sam-roe", name="Sam Roe", kind="person", confidence=C),
            # Held in Exhibit A at a Bates page, and quoted at page 4 of the motion.
            message("email", "email", "2024-10-10T23:30[America/Los_Angeles]", "4", message_confidence,
                    exhibit="ex-a", bates_page="ACME-000123"),
            message("chat", "chat", "2024-10", "6", C),  # known only from page 6 of the motion, which quotes it
            # The Indigo Book's examples c207 and c206, the newspaper under its own name.
            article("savage", "U.N. Commission Presses U.S. on Torture", "Charlie Savage", "The New York Times",
                    "2014-11-14", page="A6"),
            article("bajaj", "Rules for the Marijuana Market", "Vikas Bajaj", "New York Times", "2014-08-05", page="A20"),
            article("rivera", "Acme audit tool arrives", "Alex Rivera", "FictionWire", "2025-01-09", url=U),
        ]
    )  # fmt: skip


RECORDS = build()


def row(rule: str, id: str, expected: str, **options: Any) -> Any:
    return pytest.param(id, options, expected, id=rule)


EXHIBIT_WITH_FILING = ev.BluebookOptions(exhibit_with_filing=True)
DATED = ev.BluebookOptions(document_dates=True)
R26 = ev.BluebookOptions(case_in_short_forms=True)

TABLE = [
    # -- R11.4 / T6 ------------------------------------------------------------------------------
    row(
        "R11.4 textual sentence: only the eight words",
        "tech",
        "*American Technology Corp. v. Smith*, No. 5:20-cv-1 (N.D. Cal. filed May 4, 2020)",
        textual=True,
    ),
    row(
        "T6 citation sentence: every word of the table",
        "tech",
        "*Am. Tech. Corp. v. Smith*, No. 5:20-cv-1 (N.D. Cal. filed May 4, 2020).",
    ),
    row(
        "R11.4 textual sentence: & Bros. Co. Ass'n, not Mfg.",
        "roe-bros",
        "*Roe Bros. Manufacturing Co. & Sons v. Widget Ass'n*, No. 5:21-cv-7 (N.D. Cal. filed Mar. 2, 2021)",
        textual=True,
    ),
    row(
        "T6 citation sentence: Mfg. too",
        "roe-bros",
        "*Roe Bros. Mfg. Co. & Sons v. Widget Ass'n*, No. 5:21-cv-7 (N.D. Cal. filed Mar. 2, 2021).",
    ),
    # -- T13 -------------------------------------------------------------------------------------
    row(
        "T13 The New York Times (Indigo c207)",
        "savage",
        "Charlie Savage, *U.N. Commission Presses U.S. on Torture*, N.Y. Times, Nov. 14, 2014, at A6.",
    ),
    row(
        "T13 New York Times (Indigo c206)",
        "bajaj",
        "Vikas Bajaj, *Rules for the Marijuana Market*, N.Y. Times, Aug. 5, 2014, at A20.",
    ),
    row(
        "T13 a name the table does not hold stays",
        "rivera",
        f"Alex Rivera, *Acme Audit Tool Arrives*, FictionWire (Jan. 9, 2025), {U}.",
    ),
    # -- R24.2.3 ---------------------------------------------------------------------------------
    row("R24.2.3 exhibit alone (default)", "ex-a", "Ex. A, at 3, ECF No. 373-1.", pin="3", in_case="doe-v-acme"),
    row(
        "R24.2.3 exhibit with its document",
        "ex-a",
        "Doe Decl. Ex. A, at 3, ECF No. 373-1.",
        pin="3",
        in_case="doe-v-acme",
        options=EXHIBIT_WITH_FILING,
    ),
    # -- R24.3 -----------------------------------------------------------------------------------
    row("R24.3 no date by default", "mot", f"{MOTION} 4, ECF No. 372.", pin="4", in_case="doe-v-acme"),
    row(
        "R24.3 the document's date on request",
        "mot",
        f"{MOTION} 4 (Jan. 8, 2025), ECF No. 372.",
        pin="4",
        in_case="doe-v-acme",
        options=DATED,
    ),
    row(
        "R25.2 the date once, in the case's parenthetical",
        "mot",
        f"{MOTION} 4, *Doe v. Acme Corp.*, No. 3:24-cv-01234 (N.D. Cal. Jan. 8, 2025), ECF No. 372.",
        pin="4",
        options=DATED,
    ),
    # -- R26 -------------------------------------------------------------------------------------
    row(
        "R26 short form keeps the case's short name",
        "mot",
        f"{MOTION} 6, *Doe*, ECF No. 372.",
        pin="6",
        form="short",
        options=R26,
    ),
    row(
        "R26 an exhibit's short form too",
        "ex-a",
        "Ex. A, at 2, *Doe*, ECF No. 373-1.",
        pin="2",
        form="short",
        options=R26,
    ),
    row(
        "R26 not in the document's own case",
        "mot",
        f"{MOTION} 6, ECF No. 372.",
        pin="6",
        form="short",
        in_case="doe-v-acme",
        options=R26,
    ),
    # -- quoting ---------------------------------------------------------------------------------
    row(
        "R1.5 quoting: a filing quoting a message of an exhibit",
        "mot",
        f"{MOTION} 4, ECF No. 372 (quoting {EMAIL} (Ex. A, at ACME-000123, ECF No. 373-1)).",
        pin="4",
        in_case="doe-v-acme",
        quoting=True,
    ),
    row(
        "R1.5 quoting: a message known from the filing's text",
        "mot",
        f"{MOTION} 6, ECF No. 372 (quoting Chat message from Pat Lee to Sam Roe (Oct. 2024)).",
        pin="6",
        in_case="doe-v-acme",
        quoting=True,
    ),
    row(
        "R1.5 quoting goes before an explanatory parenthetical",
        "mot",
        f"{MOTION} 6, ECF No. 372 (quoting Chat message from Pat Lee to Sam Roe (Oct. 2024)) (the chat).",
        pin="6",
        in_case="doe-v-acme",
        quoting=True,
        parenthetical="the chat",
    ),
    row(
        "ECF style quoting",
        "mot",
        "ECF No. 372 at 4 (quoting E-mail from Pat Lee to Sam Roe (Oct. 10, 2024, 11:30 PM PDT) (ECF No. 373-1 at ACME-000123)).",
        pin="4",
        style="ecf",
        quoting=True,
    ),
    # -- Bates page ------------------------------------------------------------------------------
    row(
        "Bates page of the message as its pin",
        "email",
        f"{EMAIL} (Ex. A, at ACME-000123, ECF No. 373-1).",
        in_case="doe-v-acme",
    ),
    row(
        "Bates page: the writer's pin wins",
        "email",
        f"{EMAIL} (Ex. A, at ACME-000124, ECF No. 373-1).",
        in_case="doe-v-acme",
        pin="ACME-000124",
    ),
    row("Bates page in the ECF style", "email", f"{EMAIL} (ECF No. 373-1 at ACME-000123).", style="ecf"),
]


@pytest.mark.parametrize(("id", "options", "expected"), TABLE)
def test_rules_of_issue_15(id: str, options: dict[str, Any], expected: str) -> None:
    assert ev.cite(RECORDS[id], records=RECORDS, markup="markdown", **options) == expected


@pytest.mark.parametrize("style", ["apa", "chicago"])
def test_t13_is_the_bluebook_s_table(style: str) -> None:
    """APA 9.25 and CMOS 14.89 print the periodical's name in full, as the record gives it."""
    assert "*New York Times*" in ev.cite(RECORDS["bajaj"], records=RECORDS, style=style, markup="markdown")


def test_r15_3_1_id_alone_for_the_same_pin() -> None:
    notes = ev.CitationSequence(RECORDS, markup="markdown", in_case="doe-v-acme")
    assert notes.cite("mot", note=1, pin="4") == f"{MOTION} 4, ECF No. 372."
    assert notes.cite("mot", note=2, pin="4") == "*Id.*"
    assert notes.cite("mot", note=3, pin="5") == "*Id.* at 5."
    assert notes.cite("mot", note=4, pin="5") == "*Id.*"
    assert notes.cite("rivera", note=5).startswith("Alex Rivera")
    assert notes.cite("mot", note=6, pin="5") == f"{MOTION} 5, ECF No. 372."  # not Id. after another authority


def test_r26_in_a_sequence() -> None:
    notes = ev.CitationSequence(RECORDS, markup="markdown", options=R26)
    assert notes.cite("mot", note=1, pin="4").startswith(f"{MOTION} 4, *Doe v. Acme Corp.*, No. 3:24-cv-01234")
    notes.cite("rivera", note=2)
    assert notes.cite("mot", note=3, pin="6") == f"{MOTION} 6, *Doe*, ECF No. 372."


def test_textual_in_a_sequence_and_its_refusals() -> None:
    notes = ev.CitationSequence(RECORDS, markup="markdown")
    assert notes.cite("tech", note=1, textual=True) == (
        "*American Technology Corp. v. Smith*, No. 5:20-cv-1 (N.D. Cal. filed May 4, 2020)"
    )
    with pytest.raises(ev.UsageError, match="no signal"):
        ev.cite(RECORDS["tech"], records=RECORDS, textual=True, signal="see")
    with pytest.raises(ev.UsageError, match="no signal, no parentheses"):
        ev.cite(RECORDS["tech"], records=RECORDS, textual=True, in_parentheses=True)


def test_quoting_refusals() -> None:
    with pytest.raises(ev.UsageError, match="quote 'mot' at 9"):
        ev.cite(RECORDS["mot"], records=RECORDS, pin="9", quoting=True)
    with pytest.raises(ev.UsageError, match="applies to filings and exhibits"):
        ev.cite(RECORDS["rivera"], records=RECORDS, quoting=True)


def test_bates_page_marked_as_sure_as_the_message() -> None:
    likely = build(message_confidence="likely")
    text = ev.cite(likely["email"], records=likely, in_case="doe-v-acme", marks=True)
    assert "at ACME-000123 [likely], ECF No. 373-1" in text
    assert "at ACME-000124, ECF No." in ev.cite(
        likely["email"], records=likely, in_case="doe-v-acme", pin="ACME-000124", marks=True
    )


def test_cli_textual_and_quoting(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from evidence._cli import main

    path = tmp_path / "records.yaml"
    ev.dump(RECORDS, path)
    assert main(["cite", str(path), "tech", "--textual", "--markup", "markdown"]) == 0
    assert (
        capsys.readouterr().out == "*American Technology Corp. v. Smith*, No. 5:20-cv-1 (N.D. Cal. filed May 4, 2020)\n"
    )
    assert main(["cite", str(path), "mot", "--pin", "6", "--in-case", "doe-v-acme", "--quoting"]) == 0
    assert (
        capsys.readouterr().out
        == f"{MOTION} 6, ECF No. 372 (quoting Chat message from Pat Lee to Sam Roe (Oct. 2024)).\n"
    )
