"""Citation rules as tables of (rule, record and options, expected string).

Rows 1-18 are the examples of the project's citation rules; the rest are drawn from the same
rules, each naming the rule it follows. Records come from small factories: the Kadrey case and
its docket entries carry the values of the fact sheet; every other record (the rules' illustrative
motion and its Exhibit A, the messages, the reporter and her outlet) belongs to a made-up case,
*Doe v. Acme Corp.*, or a made-up outlet, never to a real person.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

import evidence as ev
from evidence import Form, Markup, Style
from evidence.testing import strategies

U = "https://fictionwire.example/2025/01/09/acme-chief-gave-engineers-the-ok/"
RIVERA_TITLE = "Acme's chief gave engineers the OK to skip the audit, filings claim"
RIVERA_TITLE_CASED = "Acme's Chief Gave Engineers the OK to Skip the Audit, Filings Claim"
KADREY = "*Kadrey v. Meta Platforms, Inc.*"
DOCKET = "No. 3:23-cv-03417-VC"
DOE = "*Doe v. Acme Corp.*"
DOE_DOCKET = "No. 3:24-cv-01234"
C = "confirmed"  # every record says how sure it is: an omitted mark means something else in format 2


def case(id: str, name: str, docket_number: str, filed: str, court: str = "cand", caption: str = "x") -> ev.Case:
    """A made-up case: the caption matters only where a test reads it."""
    return ev.Case(
        id=id, caption=caption, name=name, court=court, docket_number=docket_number, filed=filed, confidence=C
    )


def build() -> ev.RecordSet:
    return ev.RecordSet(
        [
            # The Kadrey values are those of the fact sheet (../shared/seed/facts.md), all confirmed.
            ev.Case(
                id="kadrey",
                caption="RICHARD KADREY, et al., Plaintiffs, v. META PLATFORMS, INC., Defendant",
                name="Kadrey v. Meta Platforms, Inc.",
                short_name="Kadrey",
                court="cand",
                docket_number="3:23-cv-03417-VC",
                filed="2023-07-07",
                confidence=C,
            ),
            ev.Decision(
                id="kadrey-order-1",
                case="kadrey",
                date="2025-01-13",
                cites=["2025 WL 82205"],
                docket_number="23-cv-03417-VC",
                confidence=C,
            ),
            ev.Decision(id="kadrey-order-2", case="kadrey", date="2025-06-25", filing="ecf-598", confidence=C),
            ev.Filing(id="ecf-598", case="kadrey", ecf=598, kind="order", filed="2025-06-25", confidence=C),
            ev.Filing(id="ecf-391", case="kadrey", ecf=391, kind="declaration", filed="2025-01-14", confidence=C),
            # Everything else is made up: the case of docs/rules.md and docs/citations.md, its people
            # and a reporter of a made-up outlet (the rules' ECF No. 373 and Exhibit A become ECF No. 37).
            case(
                "doe-v-acme",
                "Doe v. Acme Corp.",
                "3:24-cv-01234",
                "2024-02-05",
                caption="JANE DOE, et al., Plaintiffs, v. ACME CORP., Defendant",
            ),
            case("month-only", "Roe v. Doe", "1", "2023-07"),
            case("bankruptcy", "In re Roe", "24-10001", "2024-02-01", court="canb"),
            case("tech", "American Technology Corporation v. Smith", "5:20-cv-1", "2020-05-04"),
            ev.Filing(
                id="ecf-37",
                case="doe-v-acme",
                ecf=37,
                filed="2025-01-08",
                title="Plaintiffs' Motion for Leave to File Third Amended Complaint",
                confidence=C,
            ),
            ev.Filing(id="ecf-1", case="doe-v-acme", ecf=1, title="Complaint", filed="2024-02-05", confidence=C),
            ev.Filing(
                id="opp",
                case="doe-v-acme",
                ecf=40,
                filed="2025-02-01",
                title="Defendant's Opposition to Plaintiffs' Motion for Summary Judgment",
                confidence=C,
            ),
            ev.Filing(
                id="short",
                case="doe-v-acme",
                ecf=41,
                title="A Very Long Title Nobody Abbreviates",
                short_title="Joint Case Mgmt. Statement",
                confidence=C,
            ),
            ev.Exhibit(id="ex-a", filing="ecf-37", attachment=1, label="A", confidence=C),
            ev.Actor(id="pat-lee", name="Pat Lee", kind="person", confidence=C),
            ev.Actor(id="sam-roe", name="Sam Roe", kind="person", confidence=C),
            ev.Message(
                id="email",
                exhibit="ex-a",
                channel="email",
                sender="pat-lee",
                recipients=["sam-roe"],
                sent="2024-10-10T23:30[America/Los_Angeles]",
                confidence=C,
            ),
            ev.Message(
                id="chat", channel="chat", sender="pat-lee", recipients=["sam-roe"], sent="2024-10", confidence=C
            ),
            ev.Message(
                id="chat-day", channel="chat", sender="pat-lee", recipients=["sam-roe"], sent="2024-10-10", confidence=C
            ),
            ev.Source(
                id="rivera",
                kind="news_article",
                title=RIVERA_TITLE,
                authors=["Alex Rivera"],
                publication="FictionWire",
                published="2025-01-09",
                url=U,
                language="en",
                confidence=C,
            ),
            ev.Source(
                id="rivera-timed",
                kind="news_article",
                title=RIVERA_TITLE,
                authors=["Alex Rivera"],
                publication="FictionWire",
                published="2025-01-09T12:14-08:00",
                url=U,
                confidence=C,
            ),
            # The rules' own examples of published works, as the manuals print them (rows 12, 16, 17).
            ev.Source(
                id="savage",
                kind="news_article",
                title="U.N. Commission Presses U.S. on Torture",
                authors=["Charlie Savage"],
                publication="N.Y. Times",
                published="2014-11-14",
                page="A6",
                confidence=C,
            ),
            ev.Source(  # the post of the fact sheet; the site as the example names it
                id="zuckerberg",
                kind="post",
                title="Open Source AI Is the Path Forward",
                authors=["Mark Zuckerberg"],
                publication="Meta",
                published="2024-07-23",
                url="https://about.fb.com/news/2024/07/open-source-ai-is-the-path-forward/",
                confidence=C,
            ),
            ev.Source(
                id="cien",
                kind="book",
                title="Cien años de soledad",
                authors=["García Márquez, Gabriel"],
                published="1967",
                language="es",
                confidence=C,
            ),
            ev.Source(
                id="solitude",
                kind="book",
                title="One Hundred Years of Solitude",
                authors=["García Márquez, Gabriel"],
                translators=["Gregory Rabassa"],
                publisher="Harper & Row",
                published="2003",
                translation_of="cien",
                confidence=C,
            ),
            ev.Source(
                id="anonymous",
                kind="news_article",
                title="Acme audit tool arrives",
                publication="FictionWire",
                published="2024-04-18",
                url=U,
                confidence=C,
            ),
            ev.Source(
                id="two",
                kind="news_article",
                title="x",
                authors=["Ann Roe", "Bo Doe"],
                publication="P",
                published="2024",
                url=U,
                confidence=C,
            ),
            ev.Source(
                id="three",
                kind="news_article",
                title="x",
                authors=["Ann Roe", "Bo Doe", "Cy Poe"],
                publication="P",
                published="2024",
                url=U,
                confidence=C,
            ),
            ev.Claim(
                id="claim",
                statement="x",
                status="reported",
                evidence=[
                    ev.EvidenceLink(record="ex-a", confidence=C),
                    ev.EvidenceLink(record="rivera", role="context", confidence=C),
                    ev.EvidenceLink(
                        record="ecf-1", role="contradicts", quote=ev.Quote(exact="y", page="¶ 14"), confidence=C
                    ),
                ],
                confidence=C,
            ),
        ]
    )


RECORDS = build()


def row(number: str, rule: str, id: str, expected: str, **options: Any) -> Any:
    return pytest.param(id, options, expected, id=f"{number} {rule}")


TABLE = [
    # -- the examples of the citation rules ---------------------------------------------------
    row("3", "R10.8.1 pending case", "kadrey", f"{KADREY}, {DOCKET} (N.D. Cal. filed July 7, 2023)."),
    row(
        "4",
        "R10.8.1 decision on a database",
        "kadrey",
        f"{KADREY}, No. 23-cv-03417-VC, 2025 WL 82205, at \\*2 (N.D. Cal. Jan. 13, 2025).",
        decision="2025 WL 82205",
        pin="*2",
    ),
    row(
        "6",
        "R24 court document",
        "ecf-37",
        "Pls.' Mot. for Leave to File Third Am. Compl. 4, ECF No. 37.",
        pin="4",
        in_case="doe-v-acme",
    ),
    row("7", "R24 paragraph pin", "ecf-1", "Compl. ¶ 12, ECF No. 1.", pin="¶ 12", in_case="doe-v-acme"),
    row(
        "8",
        "R25.2 document of another case",
        "ecf-37",
        f"Pls.' Mot. for Leave to File Third Am. Compl. 4, {DOE}, {DOE_DOCKET} (N.D. Cal. Jan. 8, 2025), ECF No. 37.",
        pin="4",
    ),
    row("9", "R24.2.3 exhibit", "ex-a", "Ex. A, ECF No. 37-1.", in_case="doe-v-acme"),
    row("10", "R24.2.3 exhibit with pin", "ex-a", "Ex. A, at 3, ECF No. 37-1.", pin="3", in_case="doe-v-acme"),
    row(
        "11",
        "R30.4.2 online news",
        "rivera",
        f"Alex Rivera, *{RIVERA_TITLE_CASED}*, FictionWire (Jan. 9, 2025), {U}.",
    ),
    row(
        "12",
        "R30.4.1 print news",
        "savage",
        "Charlie Savage, *U.N. Commission Presses U.S. on Torture*, N.Y. Times, Nov. 14, 2014, at A6.",
    ),
    row(
        "15",
        "Chicago 17 note",
        "rivera",
        f'Alex Rivera, "{RIVERA_TITLE_CASED}," *FictionWire*, January 9, 2025, {U}.',
        style="chicago",
    ),
    row(
        "16",
        "R33 web post",
        "zuckerberg",
        "Mark Zuckerberg, *Open Source AI Is the Path Forward*, Meta (July 23, 2024), "
        "https://about.fb.com/news/2024/07/open-source-ai-is-the-path-forward/.",
    ),
    row(
        "17",
        "R28.2.5 translated book",
        "solitude",
        "Gabriel García Márquez, *One Hundred Years of Solitude* (Gregory Rabassa trans., Harper & Row 2003) (1967).",
    ),
    # -- more rows drawn from the rules -------------------------------------------------------
    row(
        "19", "R10.8.1 filed date known to the month", "month-only", "*Roe v. Doe*, No. 1 (N.D. Cal. filed July 2023)."
    ),
    row(
        "20",
        "T1 court from courts-db (canb)",
        "bankruptcy",
        "*In re Roe*, No. 24-10001 (Bankr. N.D. Cal. filed Feb. 1, 2024).",
    ),
    row(
        "21",
        "T6 abbreviations in case names",
        "tech",
        "*Am. Tech. Corp. v. Smith*, No. 5:20-cv-1 (N.D. Cal. filed May 4, 2020).",
    ),
    row(
        "22",
        "R15.2.2 short form of a case",
        "kadrey",
        "*Kadrey*, 2025 WL 82205, at \\*3.",
        form="short",
        decision="2025 WL 82205",
        pin="*3",
    ),
    row("23", "R15.2.2 short form, pending case", "kadrey", f"*Kadrey*, {DOCKET}.", form="short"),
    row("24", "R15.3 id.", "kadrey", "*Id.*", form="id"),
    row("25", "R15.3 id. with page", "kadrey", "*Id.* at \\*4.", form="id", pin="*4"),
    row("26", "R15.3 id. with paragraph", "ecf-1", "*Id.* ¶ 14.", form="id", pin="¶ 14"),
    row(
        "27",
        "R10.8.1 unreported decision by docket entry (B17)",
        "kadrey",
        f"{KADREY}, {DOCKET}, slip op. at 4 (N.D. Cal. June 25, 2025), ECF No. 598.",
        decision=1,
        pin="4",
    ),
    row("28", "R24 paragraph range", "ecf-1", "Compl. ¶¶ 1–3, ECF No. 1.", pin="¶¶ 1–3", in_case="doe-v-acme"),
    row("29", "R24 page and line", "ecf-1", "Compl. 5:21–6:10, ECF No. 1.", pin="5:21–6:10", in_case="doe-v-acme"),
    row(
        "30",
        "T18 opposition to a motion",
        "opp",
        "Def.'s Opp'n to Pls.' Mot. for Summ. J. 7, ECF No. 40.",
        pin="7",
        in_case="doe-v-acme",
    ),
    row(
        "31",
        "T18 with prepositions dropped (Bluebook practice)",
        "opp",
        "Def.'s Opp'n to Pls.' Mot. Summ. J. 7, ECF No. 40.",
        pin="7",
        in_case="doe-v-acme",
        options=ev.BluebookOptions(drop_prepositions=True),
    ),
    row(
        "32",
        "R24 abbreviated title given by the record",
        "short",
        "Joint Case Mgmt. Statement 2, ECF No. 41.",
        pin="2",
        in_case="doe-v-acme",
    ),
    row("33", "R24 untitled filing named by its kind", "ecf-391", "Decl., ECF No. 391.", in_case="kadrey"),
    row("34", "ECF style", "ecf-37", "ECF No. 37 at 4.", style="ecf", pin="4"),
    row("35", "ECF style without pin", "ecf-37", "ECF No. 37.", style="ecf"),
    row("36", "ECF style exhibit", "ex-a", "ECF No. 37-1 at 3.", style="ecf", pin="3"),
    row(
        "37",
        "Bates number as pinpoint, verbatim",
        "ex-a",
        "Ex. A, at EXAMPLE_000123, ECF No. 37-1.",
        pin="EXAMPLE_000123",
        in_case="doe-v-acme",
    ),
    row(
        "38",
        "R25.2 exhibit of another case",
        "ex-a",
        f"Ex. A, {DOE}, {DOE_DOCKET} (N.D. Cal. Jan. 8, 2025), ECF No. 37-1.",
    ),
    row(
        "39",
        "Indigo: period outside parentheses",
        "ecf-1",
        "(Compl. ¶ 14, ECF No. 1).",
        pin="¶ 14",
        in_case="doe-v-acme",
        in_parentheses=True,
    ),
    row(
        "40",
        "B17: period inside parentheses",
        "ecf-1",
        "(Compl. ¶ 14, ECF No. 1.)",
        pin="¶ 14",
        in_case="doe-v-acme",
        in_parentheses=True,
        options=ev.BluebookOptions.bluepages(),
    ),
    row("41", "R1.2 signal", "ecf-1", "*See* Compl. ¶ 14, ECF No. 1.", pin="¶ 14", in_case="doe-v-acme", signal="see"),
    row(
        "42",
        "R10.1.1 explanatory parenthetical, lowercase",
        "ex-a",
        "*See* Ex. A, ECF No. 37-1 (internal chat about the audit).",
        in_case="doe-v-acme",
        signal="see",
        parenthetical="internal chat about the audit",
    ),
    row(
        "43",
        "case names roman in law-review footnotes",
        "kadrey",
        f"Kadrey v. Meta Platforms, Inc., {DOCKET} (N.D. Cal. filed July 7, 2023).",
        options=ev.BluebookOptions(roman_case_names=True),
    ),
    row(
        "44",
        "R30.4.2 online news with the time given",
        "rivera-timed",
        f"Alex Rivera, *{RIVERA_TITLE_CASED}*, FictionWire (Jan. 9, 2025, 12:14 PM), {U}.",
    ),
    row(
        "45",
        "R30 article without an author",
        "anonymous",
        f"*Acme Audit Tool Arrives*, FictionWire (Apr. 18, 2024), {U}.",
    ),
    row("46", "R28.1 two authors", "two", f"Ann Roe & Bo Doe, *X*, P (2024), {U}."),
    row("47", "R28.1 three or more authors", "three", f"Ann Roe et al., *X*, P (2024), {U}."),
    row(
        "48",
        "R15.5 supra with footnote and pin",
        "rivera",
        "Rivera, *supra* note 2, at 3.",
        form="supra",
        note=2,
        pin="3",
    ),
    row("49", "R15.5 supra without an author", "anonymous", "*Acme Audit Tool Arrives*, *supra*.", form="supra"),
    row(
        "50",
        "R17 e-mail with time zone, through its exhibit",
        "email",
        "E-mail from Pat Lee to Sam Roe (Oct. 10, 2024, 11:30 PM PDT) (Ex. A, ECF No. 37-1).",
        in_case="doe-v-acme",
    ),
    row(
        "51",
        "R17 chat message dated to the month",
        "chat",
        "Chat message from Pat Lee to Sam Roe (Oct. 2024).",
    ),
    row(
        "52",
        "APA 7 reference, online news (no period after URL)",
        "rivera",
        f"Rivera, A. (2025, January 9). *{RIVERA_TITLE}*. FictionWire. {U}",
        style="apa",
    ),
    row("53", "APA 7 in-text", "rivera", "(Rivera, 2025)", style="apa", form="short"),
    row("54", "APA 7 in-text, two authors", "two", "(Roe & Doe, 2024)", style="apa", form="short"),
    row("55", "APA 7 in-text, three authors", "three", "(Roe et al., 2024)", style="apa", form="short"),
    row(
        "56",
        "APA 7 personal communication",
        "chat-day",
        "(P. Lee, personal communication, October 10, 2024)",
        style="apa",
    ),
    row(
        "57",
        "APA 7 personal communication, month only",
        "chat",
        "(P. Lee, personal communication, October 2024)",
        style="apa",
    ),
    row("58", "APA 7 book", "cien", "García Márquez, G. (1967). *Cien años de soledad*.", style="apa"),
    row(
        "59",
        "Chicago 17 short note",
        "rivera",
        'Rivera, "Acme\'s Chief Gave Engineers."',
        style="chicago",
        form="short",
    ),
    row(
        "60",
        "Chicago 17 short note with pin",
        "savage",
        'Savage, "U.N. Commission Presses U.S.," 4.',
        style="chicago",
        form="short",
        pin="4",
    ),
    row(
        "61",
        "Chicago 17 bibliography",
        "rivera",
        f'Rivera, Alex. "{RIVERA_TITLE_CASED}." *FictionWire*, January 9, 2025. {U}.',
        style="chicago",
        form="bibliography",
    ),
    row(
        "62",
        "Chicago 17 web post: the site stays roman",
        "zuckerberg",
        'Mark Zuckerberg, "Open Source AI Is the Path Forward," Meta, July 23, 2024, https://about.fb.com/news/2024/07/open-source-ai-is-the-path-forward/.',
        style="chicago",
    ),
    row(
        "63",
        "Chicago 17 personal communication, notes only",
        "chat",
        "Pat Lee, chat message to Sam Roe, October 2024.",
        style="chicago",
    ),
    row(
        "64",
        "Chicago 17 book",
        "solitude",
        "Gabriel García Márquez, *One Hundred Years of Solitude*, trans. Gregory Rabassa (Harper & Row, 2003).",  # CMOS 14.104
        style="chicago",
    ),
    row(
        "65",
        "R1.2-R1.3 a claim's evidence: one sentence per signal, in order",
        "claim",
        "Ex. A, ECF No. 37-1. *But see* Compl. ¶ 14, ECF No. 1. *See generally* Alex Rivera, "
        f"*{RIVERA_TITLE_CASED}*, FictionWire (Jan. 9, 2025), {U}.",
        in_case="doe-v-acme",
    ),
]


@pytest.mark.parametrize(("id", "options", "expected"), TABLE)
def test_citation_table(id: str, options: dict[str, Any], expected: str) -> None:
    assert ev.cite(RECORDS[id], records=RECORDS, markup="markdown", **options) == expected


MORE = [
    row(
        "90",
        "R2.1 law-review typefaces: periodicals in small caps",
        "savage",
        "Charlie Savage, *U.N. Commission Presses U.S. on Torture*, N.Y. Times, Nov. 14, 2014, at A6.",
        options=ev.BluebookOptions.law_review(),
    ),
    row(
        "79",
        "R15.2.2 short form of an unreported decision",
        "kadrey",
        "*Kadrey*, slip op. at 4.",
        form="short",
        decision=1,
        pin="4",
    ),
    row(
        "80",
        "R28 a book's page follows the title",
        "solitude",
        "Gabriel García Márquez, *One Hundred Years of Solitude* 56 (Gregory Rabassa trans., Harper & Row 2003) "
        "(1967).",
        pin="56",
    ),
    row("81", "CMOS 14.34 ibid.", "rivera", "Ibid.", style="chicago", form="id"),
    row("82", "CMOS 14.34 ibid. with a page", "savage", "Ibid., 4.", style="chicago", form="id", pin="4"),
    row("83", "APA: no id., the in-text citation again", "rivera", "(Rivera, 2025)", style="apa", form="id"),
    row(
        "84",
        "APA in-text citations are not wrapped twice",
        "rivera",
        "(Rivera, 2025)",
        style="apa",
        form="short",
        in_parentheses=True,
    ),
    row(
        "85",
        "APA in-text year of the decision cited",
        "kadrey",
        "(*Kadrey v. Meta Platforms, Inc.*, 2025)",
        style="apa",
        form="short",
        decision=0,
    ),
    row(
        "86",
        "Chicago short note stands for supra",
        "rivera",
        'Rivera, "Acme\'s Chief Gave Engineers."',
        style="chicago",
        form="supra",
    ),
]


@pytest.mark.parametrize(("id", "options", "expected"), MORE)
def test_more_citation_rules(id: str, options: dict[str, Any], expected: str) -> None:
    assert ev.cite(RECORDS[id], records=RECORDS, markup="markdown", **options) == expected


def test_a_message_known_only_from_the_press_is_quoted_in_it() -> None:  # 87 R1.6
    quoted = ev.RecordSet(
        [
            *[RECORDS[id] for id in ("pat-lee", "sam-roe", "rivera")],
            ev.Message(
                id="chat",
                channel="chat",
                sender="pat-lee",
                recipients=["sam-roe"],
                sent="2024-10",
                attestations=[
                    ev.Attestation(source="rivera", quote=ev.Quote(exact="We ship before the audit"), confidence=C)
                ],
                confidence=C,
            ),
        ]
    )
    assert ev.cite(quoted["chat"], records=quoted, markup="markdown") == (
        f"Chat message from Pat Lee to Sam Roe (Oct. 2024), *quoted in* Alex Rivera, *{RIVERA_TITLE_CASED}*, "
        f"FictionWire (Jan. 9, 2025), {U}."
    )


# -- the words of names and titles, read through citations (the public API only) ---------------


def _cited_name(caption: str, *, textual: bool = False) -> str:
    """The case name a citation of a case known only by its caption prints (R11.5)."""
    case = ev.Case(id="named", caption=caption, court="cand", docket_number="1", filed="2024-01-02", confidence=C)
    return ev.cite(case, records=ev.RecordSet([case]), textual=textual).split(", No. ")[0]


def _cited_title(title: str, style: str = "bluebook") -> str:
    """A news article's title as a citation prints it (R8 headline case; CMOS 8.159 in Chicago)."""
    source = ev.Source(id="t", kind="news_article", title=title, publication="FictionWire", published="2025-01-09",
                       confidence=C)  # fmt: skip
    out = ev.cite(source, records=ev.RecordSet([source]), style=style, markup="markdown")
    return out.split("*")[1] if style == "bluebook" else out.split('"')[1].rstrip(",")


def _cited_document(title: str) -> str:
    """A filing's title as a citation prints it (T18), before its case."""
    case = ev.Case(id="d", name="Doe v. Roe", court="cand", docket_number="1", confidence=C)
    filing = ev.Filing(id="f", case="d", ecf=3, title=title, filed="2024-02-03", confidence=C)
    return ev.cite(filing, records=ev.RecordSet([case, filing])).split(", Doe v. Roe")[0]


@pytest.mark.parametrize(
    ("caption", "expected"),
    [
        pytest.param(
            "RICHARD KADREY, et al. v. META PLATFORMS, INC.", "Kadrey v. Meta Platforms, Inc.", id="1 R11.5 caption"
        ),
        pytest.param(
            "Acme Widget Co., Inc. v. John Roe", "Acme Widget Co. v. Roe", id="2 R11.5.6 business named twice"
        ),
        pytest.param(
            "RICHARD KADREY, et al., Plaintiffs, v. META PLATFORMS, INC., Defendant",
            "Kadrey v. Meta Platforms, Inc.",
            id="66 R11.5 party designations dropped",
        ),
        pytest.param("UNITED STATES v. JOHN ROE", "United States v. Roe", id="88 R10.2.1 United States"),
        pytest.param("PEOPLE OF THE STATE OF CALIFORNIA v. JOHN ROE", "California v. Roe", id="89 R10.2.1 a state"),
        pytest.param(
            "JANE DOE, et al., Plaintiffs, v. ACME TECHNOLOGIES, INC., et al., Defendants",
            "Doe v. Acme Technologies, Inc.",
            id="67 R11.5.5 et al. on both sides",
        ),
    ],
)
def test_case_names_from_captions(caption: str, expected: str) -> None:
    # A textual sentence abbreviates only R11.4's words, so the name reads as R11.5 makes it.
    assert _cited_name(caption, textual=True) == expected


@pytest.mark.parametrize(
    ("title", "expected", "chicago"),
    [
        pytest.param(
            "The path to the future of AI in law", "The Path to the Future of AI in Law", None, id="68 R8 small words"
        ),
        pytest.param("What AI is made of", "What AI Is Made Of", None, id="69 R8 last word capitalized"),
        pytest.param("AI: a new hope", "AI: A New Hope", None, id="70 R8 after a colon"),
        pytest.param("Why the iPhone is OK", "Why the iPhone Is OK", None, id="71 R8 brands and acronyms kept"),
        pytest.param(
            "Training over the weekend", "Training over the Weekend", None, id="72 R8 four-letter preposition"
        ),
        pytest.param(
            "Talks between OpenAI and Meta",
            "Talks Between OpenAI and Meta",
            "Talks between OpenAI and Meta",
            id="73 CMOS 8.159 long prepositions",
        ),
    ],
)
def test_title_case(title: str, expected: str, chicago: str | None) -> None:
    assert _cited_title(title) == expected
    if chicago is not None:
        assert _cited_title(title, style="chicago") == chicago


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        pytest.param(
            "Reply in Support of Motion to Dismiss",
            "Reply in Support of Mot. to Dismiss",
            id="74 T18 reply stays whole",
        ),
        pytest.param(
            "Order Granting Motion to Dismiss", "Order Granting Mot. to Dismiss", id="75 T18 order stays whole"
        ),
        pytest.param(
            "Declaration of Jane Roe in Support of Plaintiffs' Motion",
            "Decl. of Jane Roe in Support of Pls.' Mot.",
            id="76 T18 declaration",
        ),
        pytest.param(
            "Transcript of Deposition of John Roe", "Tr. of Dep. of John Roe", id="77 T18 deposition transcript"
        ),
    ],
)
def test_document_titles(title: str, expected: str) -> None:
    assert _cited_document(title) == expected


def test_textual_sentences_abbreviate_fewer_words() -> None:  # 78 R11.4
    assert _cited_name("American Technology Corporation v. Smith", textual=True) == "American Technology Corp. v. Smith"
    assert _cited_name("American Technology Corporation v. Smith") == "Am. Tech. Corp. v. Smith"  # T6


def test_court_lookup_from_courts_db() -> None:  # 18
    assert [RECORDS.court_of(RECORDS.get(id, ev.Case)).citation for id in ("kadrey", "bankruptcy")] == [
        "N.D. Cal.",
        "Bankr. N.D. Cal.",
    ]


def test_nothing_a_record_gives_is_recased_or_repadded() -> None:
    odd = ev.RecordSet(
        [
            ev.Case(
                id="c", caption="x", name="Roe v. Doe", court="cand", docket_number="3:23-CV-03417-vc", filed="2023"
            ),
            ev.Filing(id="f", case="c", ecf=7, title="Complaint"),
            ev.Exhibit(id="e", filing="f", attachment=2, label="b-1"),
        ]
    )
    assert ev.cite(odd["c"], records=odd) == "Roe v. Doe, No. 3:23-CV-03417-vc (N.D. Cal. filed 2023)."
    assert ev.cite(odd["e"], records=odd, in_case="c", pin="bates_0001") == "Ex. b-1, at bates_0001, ECF No. 7-2."


def test_one_rendering_three_markups() -> None:
    citation = ev.citation(RECORDS["kadrey"], records=RECORDS, decision=0, pin="*2")
    assert (
        citation.render("text")
        == "Kadrey v. Meta Platforms, Inc., No. 23-cv-03417-VC, 2025 WL 82205, at *2 (N.D. Cal. Jan. 13, 2025)."
    )
    assert citation.render("html") == (
        "<i>Kadrey v. Meta Platforms, Inc.</i>, No. 23-cv-03417-VC, 2025 WL 82205, at *2 (N.D. Cal. Jan. 13, 2025)."
    )
    assert str(citation) == citation.render("text")
    html = ev.cite(RECORDS["solitude"], records=RECORDS, markup="html")
    assert html == (
        "Gabriel García Márquez, <i>One Hundred Years of Solitude</i> "
        "(Gregory Rabassa trans., Harper &amp; Row 2003) (1967)."
    )


# -- sequences ------------------------------------------------------------------------------------


def test_sequence_id_short_and_supra_as_the_rules_require() -> None:  # 5, 13, 14
    notes = ev.CitationSequence(RECORDS, markup="markdown")
    assert notes.cite("kadrey", note=1, decision="2025 WL 82205", pin="*2") == (
        f"{KADREY}, No. 23-cv-03417-VC, 2025 WL 82205, at \\*2 (N.D. Cal. Jan. 13, 2025)."
    )
    assert notes.cite("kadrey", note=2, decision="2025 WL 82205", pin="*4") == "*Id.* at \\*4."
    assert notes.cite("rivera", note=3).startswith("Alex Rivera, *Acme's Chief")
    assert notes.cite("rivera", note=4) == "*Id.*"
    # An intervening different authority: no id., and never supra for a case (R15.3).
    assert notes.cite("kadrey", note=5, decision="2025 WL 82205", pin="*3") == "*Kadrey*, 2025 WL 82205, at \\*3."
    assert notes.cite("rivera", note=6, pin="2") == "Rivera, *supra* note 3, at 2."


def test_sequence_without_footnotes_uses_bare_supra() -> None:  # 13
    text = ev.CitationSequence(RECORDS, markup="markdown", footnotes=False)
    text.cite("rivera")
    text.cite("savage")
    assert text.cite("rivera") == "Rivera, *supra*."


def test_id_at_most_four_times_in_a_row() -> None:
    notes = ev.CitationSequence(RECORDS, markup="markdown")
    notes.cite("rivera", note=1)
    assert [notes.cite("rivera", note=n) for n in range(2, 6)] == ["*Id.*"] * 4
    assert notes.cite("rivera", note=6) == "Rivera, *supra* note 1."


def test_a_case_is_cited_in_full_again_after_five_notes() -> None:
    notes = ev.CitationSequence(RECORDS, markup="markdown")
    notes.cite("kadrey", note=1)
    notes.cite("rivera", note=2)
    assert notes.cite("kadrey", note=4) == f"*Kadrey*, {DOCKET}."
    notes.cite("rivera", note=5)
    assert notes.cite("kadrey", note=7).startswith(f"{KADREY}, {DOCKET} (N.D. Cal.")


def test_court_documents_take_their_short_form_again() -> None:
    notes = ev.CitationSequence(RECORDS, markup="markdown")
    assert notes.cite("ecf-37", note=1, pin="4").startswith("Pls.' Mot. for Leave to File Third Am. Compl. 4, *Doe")
    notes.cite("rivera", note=2)
    assert notes.cite("ecf-37", note=3, pin="6") == "Pls.' Mot. for Leave to File Third Am. Compl. 6, ECF No. 37."


# -- errors ---------------------------------------------------------------------------------------


def test_supra_is_never_used_for_a_case() -> None:
    with pytest.raises(ev.UsageError, match="supra is never used for cases"):
        ev.cite(RECORDS["kadrey"], records=RECORDS, form="supra")


def test_unknown_style_and_uncitable_records_are_usage_errors() -> None:
    with pytest.raises(ev.UsageError, match="'harvard' is not a valid Style"):
        ev.cite(RECORDS["kadrey"], records=RECORDS, style="harvard")
    with pytest.raises(ev.UsageError, match="actor records are not cited"):
        ev.cite(RECORDS["pat-lee"], records=RECORDS)
    with pytest.raises(ev.UsageError, match="needs the record set"):
        ev.cite(RECORDS["ecf-37"])
    with pytest.raises(ev.UsageError, match="a pin cite of a case needs a decision"):
        ev.cite(RECORDS["kadrey"], records=RECORDS, pin="4")


def test_law_review_typefaces_show_in_html() -> None:  # R2.1
    options = ev.BluebookOptions.law_review()
    assert ev.cite(RECORDS["savage"], records=RECORDS, markup="html", options=options) == (
        "Charlie Savage, <i>U.N. Commission Presses U.S. on Torture</i>, "
        '<span style="font-variant: small-caps">N.Y. Times</span>, Nov. 14, 2014, at A6.'
    )
    assert ev.cite(RECORDS["solitude"], records=RECORDS, markup="html", options=options) == (
        '<span style="font-variant: small-caps">Gabriel García Márquez</span>, '
        '<span style="font-variant: small-caps">One Hundred Years of Solitude</span> '
        "(Gregory Rabassa trans., Harper &amp; Row 2003) (1967)."
    )
    assert ev.cite(RECORDS["kadrey"], records=RECORDS, markup="html", options=options).startswith(
        "Kadrey v. Meta Platforms, Inc., No."
    )


def test_apa_and_chicago_claims_and_signals() -> None:
    kadrey = ev.load("examples/kadrey-v-meta")
    claim = kadrey["claim-accusers-are-plaintiffs"]
    # APA 8.12: several works in one parenthetical, separated by semicolons; the signal inside.
    assert ev.cite(claim, records=kadrey, style="apa") == "(Kadrey v. Meta Platforms, Inc., 2023; but see Bolt42, n.d.)"
    assert ev.cite(
        kadrey["zuckerberg-open-source-ai"], style="apa", form="short", signal="see", in_parentheses=True
    ) == ("(see Zuckerberg, 2024)")
    assert ev.cite(kadrey["bolt42-article-pt"], style="apa", form="short") == "(Bolt42, n.d.)"
    assert (
        ev.cite(RECORDS["anonymous"], style="apa", form="short") == "(“Acme audit tool arrives,” 2024)"
    )  # APA 8.14: the comma inside
    # Chicago: the notes of a claim's evidence, one sentence, no doubled stops.
    # The message is known through TechCrunch: quoted in its note (CMOS 14.260).
    chicago = ev.cite(kadrey["claim-goal-gpt4"], records=kadrey, style="chicago")
    assert chicago.startswith("Ahmad Al-Dahle, chat message to Hugo Touvron, October 2023, quoted in Maxwell Zeff, ")
    assert chicago.endswith("court-filings-reveal/; Bolt42.")


def test_apa_sequences_repeat_the_in_text_citation() -> None:
    notes = ev.CitationSequence(RECORDS, style="apa")
    assert [notes.cite("rivera"), notes.cite("rivera"), notes.cite("savage"), notes.cite("rivera")] == [
        f"Rivera, A. (2025, January 9). {RIVERA_TITLE}. FictionWire. {U}",
        "(Rivera, 2025)",
        "Savage, C. (2014, November 14). U.N. Commission Presses U.S. on Torture. N.Y. Times, A6.",
        "(Rivera, 2025)",
    ]


def test_united_states_of_america_is_the_united_states() -> None:  # R10.2.1
    assert _cited_name("UNITED STATES OF AMERICA v. JOHN ROE") == "United States v. Roe"


def test_uncitable_records_are_refused_in_every_form() -> None:
    for form in ("full", "short", "id", "supra"):
        with pytest.raises(ev.UsageError, match="actor records are not cited"):
            ev.cite(RECORDS["pat-lee"], records=RECORDS, form=form)


# The message a user sees for each documented misuse: every one an `evidence.UsageError`.
STYLE_CHOICES = "choose bluebook, ecf, apa or chicago"
FORM_CHOICES = "choose full, short, narrative, id, supra or bibliography"
MARKUP_CHOICES = "choose text, markdown or html"
KADREY_DECISIONS = "name one of its 2 by id, number (0 to 1), reporter cite, date or filing id"
MISUSES: list[tuple[str, Any, str]] = [
    # unknown style, form or markup, given as text
    ("cite style", lambda: ev.cite(RECORDS["kadrey"], records=RECORDS, style="harvard"),
     f"'harvard' is not a valid Style: {STYLE_CHOICES}"),
    ("cite style not text", lambda: ev.cite(RECORDS["kadrey"], records=RECORDS, style=["apa"]),
     f"['apa'] is not a valid Style: {STYLE_CHOICES}"),
    ("cite form", lambda: ev.cite(RECORDS["kadrey"], records=RECORDS, form="long"),
     f"'long' is not a valid Form: {FORM_CHOICES}"),
    ("cite markup", lambda: ev.cite(RECORDS["kadrey"], records=RECORDS, markup="latex"),
     f"'latex' is not a valid Markup: {MARKUP_CHOICES}"),
    ("citation style", lambda: ev.citation(RECORDS["rivera"], style="mla"),
     f"'mla' is not a valid Style: {STYLE_CHOICES}"),
    ("citation form", lambda: ev.citation(RECORDS["rivera"], form="Full"),
     f"'Full' is not a valid Form: {FORM_CHOICES}"),
    ("render markup", lambda: ev.citation(RECORDS["rivera"]).render("rtf"),
     f"'rtf' is not a valid Markup: {MARKUP_CHOICES}"),
    ("sequence style", lambda: ev.CitationSequence(RECORDS, style="harvard"),
     f"'harvard' is not a valid Style: {STYLE_CHOICES}"),
    ("sequence markup", lambda: ev.CitationSequence(RECORDS, markup="latex"),
     f"'latex' is not a valid Markup: {MARKUP_CHOICES}"),
    ("bibliography style", lambda: ev.bibliography(RECORDS, style="harvard"),
     f"'harvard' is not a valid Style: {STYLE_CHOICES}"),
    ("bibliography markup", lambda: ev.bibliography([], markup="latex"),
     f"'latex' is not a valid Markup: {MARKUP_CHOICES}"),
    # a form the style does not have for the record
    ("supra of a case", lambda: ev.cite(RECORDS["kadrey"], records=RECORDS, form="supra"),
     "supra is never used for cases (R15.3): use the short form"),
    ("supra of a case, ECF", lambda: ev.cite(RECORDS["kadrey"], records=RECORDS, style="ecf", form="supra"),
     "supra is never used for cases (R15.3): use the short form"),
    # a decision the case does not have
    ("decision number", lambda: ev.cite(RECORDS["kadrey"], records=RECORDS, decision=2),
     "case 'kadrey' has 2 decisions, numbered 0 to 1: no decision 2"),
    ("decision cite", lambda: ev.cite(RECORDS["kadrey"], records=RECORDS, decision="2024 WL 1"),
     f"case 'kadrey' has no decision '2024 WL 1': {KADREY_DECISIONS}"),
    ("decision, APA", lambda: ev.cite(RECORDS["kadrey"], records=RECORDS, style="apa", form="short", decision=-3),
     "case 'kadrey' has 2 decisions, numbered 0 to 1: no decision -3"),
    ("decision of a filing", lambda: ev.cite(RECORDS["email"], records=RECORDS, decision=0),
     "decision= applies to cases only, and message 'email' is not a case"),
    ("decision of a case without any", lambda: ev.cite(RECORDS["tech"], records=RECORDS, decision=0),
     "case 'tech' has no decisions to cite"),
    ("pin without a decision", lambda: ev.cite(RECORDS["kadrey"], records=RECORDS, pin="4"),
     "a pin cite of a case needs a decision: pass decision="),
    # a record kind no style cites, or no record at all
    ("actor", lambda: ev.cite(RECORDS["pat-lee"], records=RECORDS, style="chicago"),
     "actor records are not cited; cite a case, filing, exhibit, message, source, provision or claim"),
    ("an id for a record", lambda: ev.cite("kadrey", records=RECORDS),  # type: ignore[arg-type]
     "cannot cite str 'kadrey': pass a record (by id: records[id])"),
    ("sequence, not a record", lambda: ev.CitationSequence(RECORDS).cite(42),  # type: ignore[arg-type]
     "cannot cite int 42: pass a record (by id: records[id])"),
    ("sequence, an id without records", lambda: ev.CitationSequence().cite("kadrey"),
     "citing by id needs the record set"),
    ("without the record set", lambda: ev.cite(RECORDS["email"]), "citing a message needs the record set: pass records="),
]  # fmt: skip


@pytest.mark.parametrize(("call", "message"), [pytest.param(c, m, id=n) for n, c, m in MISUSES])
def test_every_misuse_is_a_usage_error_with_its_message(call: Any, message: str) -> None:
    with pytest.raises(ev.UsageError) as raised:
        call()
    assert str(raised.value) == message


def test_the_enums_cite_takes_are_importable_and_accepted() -> None:
    assert ev.cite(RECORDS["rivera"], style=Style.APA, form=Form.SHORT, markup=Markup.HTML) == "(Rivera, 2025)"


@pytest.mark.parametrize(("argument", "enum"), [("style", Style), ("form", Form), ("markup", Markup)])
def test_the_enums_hold_the_values_the_reference_documents(argument: str, enum: Any) -> None:
    """The values in docs/citations.md's table of `cite`'s arguments are the enum's values."""
    text = Path("docs/citations.md").read_text(encoding="utf-8")
    row = re.search(rf"^\| `{argument}` \| ([^|]+) \|", text, re.MULTILINE)
    assert row is not None
    assert re.findall(r"`([a-z]+)`", row.group(1)) == [member.value for member in enum]


# -- marks: the values that are not confirmed --------------------------------------------------

# An openly made-up story: a wire article whose byline is not found, reporting a letter.
# Every mark written out: a value that says none is unverified.
MARKED = ev.RecordSet(
    [
        ev.Court(id="dnj", name="District of New Jersey", citation="D.N.J.", confidence="confirmed"),
        ev.Case(
            id="doe-v-acme", caption="Doe v. Acme Corp.", name="Doe v. Acme Corp.", court="dnj",
            docket_number="2:99-cv-00001", filed="1999-01-04", field_confidence={"docket_number": "likely"},
            confidence="confirmed",
        ),
        ev.Filing(id="doe-ecf-7", case="doe-v-acme", ecf=7, filed="1999-02-01", title="Declaration",
                  field_confidence={"ecf": "unverified"}, confidence="confirmed"),
        ev.Actor(id="john-roe", name="John Roe", kind="person", field_confidence={"name": "likely"},
                 confidence="confirmed"),
        ev.Actor(id="acme", name="Acme Corp.", kind="organization", confidence="confirmed"),
        ev.Source(
            id="wire", kind="news_article", title="Acme letter shows rush before audit", authors=["Jane Roe"],
            publication="Example Wire", published="2025-01-15", url="https://example.com/wire/acme",
            language="en", field_confidence={"authors": "unverified", "url": "likely"}, confidence="confirmed",
        ),
        ev.Message(
            id="letter", channel="letter", sender="john-roe", recipients=["acme"], sent="1998-12",
            attestations=[ev.Attestation(source="wire", quote=ev.Quote(exact="before the audit"), confidence="confirmed")],
            field_confidence={"sent": "unverified"}, confidence="confirmed",
        ),
    ]
)  # fmt: skip
WIRE_URL = "https://example.com/wire/acme"


def marked(number: str, rule: str, id: str, markup: str, expected: str, **options: Any) -> Any:
    return pytest.param(id, markup, options, expected, id=f"{number} {rule} {markup}")


MARKS_TABLE = [
    marked("m1", "bluebook source", "wire", "text",
           f"Jane Roe [unverified], Acme Letter Shows Rush Before Audit, Example Wire (Jan. 15, 2025), {WIRE_URL} [likely]."),
    marked("m2", "bluebook source", "wire", "markdown",
           f"Jane Roe \\[unverified\\], *Acme Letter Shows Rush Before Audit*, Example Wire (Jan. 15, 2025), {WIRE_URL} \\[likely\\]."),
    marked("m3", "bluebook source", "wire", "html",
           '<span class="mark-unverified" title="unverified">Jane Roe</span>, <i>Acme Letter Shows Rush Before Audit</i>, '
           f'Example Wire (Jan. 15, 2025), <span class="mark-likely" title="likely">{WIRE_URL}</span>.'),
    marked("m4", "bluebook supra", "wire", "text", "Roe [unverified], supra note 3.", form="supra", note=3),
    marked("m5", "apa reference", "wire", "text",
           f"Roe, J. [unverified] (2025, January 15). Acme letter shows rush before audit. Example Wire. {WIRE_URL} [likely]", style="apa"),
    marked("m6", "apa reference", "wire", "markdown",
           f"Roe, J. \\[unverified\\] (2025, January 15). *Acme letter shows rush before audit*. Example Wire. {WIRE_URL} \\[likely\\]", style="apa"),
    marked("m7", "apa in text", "wire", "html",
           '(<span class="mark-unverified" title="unverified">Roe</span>, 2025)', style="apa", form="short"),
    marked("m8", "chicago note", "wire", "text",
           f'Jane Roe [unverified], "Acme Letter Shows Rush before Audit," Example Wire, January 15, 2025, {WIRE_URL} [likely].',
           style="chicago"),
    marked("m9", "chicago bibliography", "wire", "html",
           '<span class="mark-unverified" title="unverified">Roe, Jane</span>. "Acme Letter Shows Rush before Audit." '
           f'<i>Example Wire</i>, January 15, 2025. <span class="mark-likely" title="likely">{WIRE_URL}</span>.',
           style="chicago", form="bibliography"),
    marked("m10", "chicago short note", "wire", "markdown",
           'Roe \\[unverified\\], "Acme Letter Shows Rush."', style="chicago", form="short"),
    marked("m11", "bluebook message quoted in", "letter", "text",
           "Letter from John Roe [likely] to Acme Corp. (Dec. 1998 [unverified]), quoted in Jane Roe [unverified], "
           f"Acme Letter Shows Rush Before Audit, Example Wire (Jan. 15, 2025), {WIRE_URL} [likely]."),
    marked("m12", "apa message as cited in", "letter", "text",
           "(Roe [likely], 1998 [unverified], as cited in Roe [unverified], 2025)", style="apa"),
    marked("m13", "chicago message quoted in", "letter", "markdown",
           "John Roe \\[likely\\], letter to Acme Corp., December 1998 \\[unverified\\], quoted in Roe \\[unverified\\], "
           '"Acme Letter Shows Rush."', style="chicago", form="short"),
    marked("m14", "bluebook filing", "doe-ecf-7", "text",
           "Decl., *Doe v. Acme Corp.*, No. 2:99-cv-00001 [likely] (D.N.J. Feb. 1, 1999), ECF No. 7 [unverified].".replace("*", "")),
    marked("m15", "ecf filing", "doe-ecf-7", "html",
           '<span class="mark-unverified" title="unverified">ECF No. 7</span> at 4.', style="ecf", pin="4"),
    marked("m16", "bluebook case", "doe-v-acme", "markdown",
           "*Doe v. Acme Corp.*, No. 2:99-cv-00001 \\[likely\\] (D.N.J. filed Jan. 4, 1999)."),
]  # fmt: skip


@pytest.mark.parametrize(("id", "markup", "options", "expected"), MARKS_TABLE)
def test_marks_table(id: str, markup: str, options: dict[str, Any], expected: str) -> None:
    record = MARKED[id]
    assert ev.cite(record, records=MARKED, markup=markup, marks=True, **options) == expected
    # Without marks, the same citation with every mark taken out.
    plain = ev.cite(record, records=MARKED, markup=markup, **options)
    assert ev.cite(record, records=MARKED, markup=markup, marks=False, **options) == plain
    unmarked = re.sub(r' \\?\[(likely|unverified)\\?\]|<span class="mark-\w+" title="\w+">|</span>', "", expected)
    if markup != "html":  # html joins neighbouring italics again once the spans are gone
        assert plain == unmarked


def test_a_sequence_and_a_bibliography_take_marks() -> None:
    notes = ev.CitationSequence(MARKED, marks=True)
    assert notes.cite("wire", note=1).startswith("Jane Roe [unverified], ")
    assert notes.cite("wire", note=2) == "Id."
    assert (
        notes.cite("doe-v-acme", note=3) == "Doe v. Acme Corp., No. 2:99-cv-00001 [likely] (D.N.J. filed Jan. 4, 1999)."
    )
    assert notes.cite("wire", note=4) == "Roe [unverified], supra note 1."
    sources = [MARKED["wire"], MARKED["doe-v-acme"]]
    assert ev.bibliography(sources, style="apa", record_set=MARKED, marks=True) == [
        "Doe v. Acme Corp., No. 2:99-cv-00001 [likely] (D.N.J. filed Jan. 4, 1999).",
        f"Roe, J. [unverified] (2025, January 15). Acme letter shows rush before audit. Example Wire. {WIRE_URL} [likely]",
    ]
    assert not any("[" in entry for entry in ev.bibliography(sources, style="apa", record_set=MARKED))


def test_a_record_that_is_itself_likely_flags_every_value() -> None:
    wire = attrs.evolve(MARKED["wire"], confidence=ev.Confidence.LIKELY, field_confidence={})
    assert ev.cite(wire, style="apa", form="short", marks=True) == "(Roe [likely], 2025 [likely])"
    assert ev.citation(wire, marks=True).parts[:2] == (("Jane Roe", "roman"), ("likely", "mark"))


def test_a_message_an_exhibit_holds_is_a_personal_communication() -> None:  # APA 8.9, CMOS 14.214
    held = ev.RecordSet(
        [
            *[MARKED[id] for id in ("dnj", "doe-v-acme", "doe-ecf-7", "john-roe", "acme", "wire")],
            ev.Exhibit(id="doe-ex-1", filing="doe-ecf-7", attachment=1, label="1"),
            attrs.evolve(MARKED["letter"], exhibit="doe-ex-1", field_confidence={}),
        ]
    )
    assert ev.cite(held["letter"], records=held, style="apa") == "(J. Roe, personal communication, December 1998)"
    assert ev.cite(held["letter"], records=held, style="chicago") == "John Roe, letter to Acme Corp., December 1998."
    # Known only through the report: as cited in it, and the report is what the reference list holds.
    assert ev.cite(MARKED["letter"], records=MARKED, style="apa") == "(Roe, 1998, as cited in Roe, 2025)"
    assert ev.bibliography([MARKED["letter"]], style="apa", record_set=MARKED) == []


def test_the_kadrey_messages_are_cited_as_quoted_in_techcrunch() -> None:  # M10
    kadrey = ev.load("examples/kadrey-v-meta")
    apa = ev.cite(kadrey["chat-goal-gpt4"], records=kadrey, style="apa")
    assert "personal communication" not in apa
    assert apa.endswith(", as cited in Zeff, 2025)") and apa.startswith("(Al-Dahle, ")
    chicago = ev.cite(kadrey["chat-goal-gpt4"], records=kadrey, style="chicago")
    assert ", quoted in Maxwell Zeff, " in chicago


def test_cite_all_with_marks_flags_the_unverified_byline_and_url(capsys: pytest.CaptureFixture[str]) -> None:  # H1
    from evidence._cli import main

    url = "https://techcrunch.com/2025/01/14/meta-execs-obsessed-over-beating-openais-gpt-4-internally-court-filings-reveal/"
    assert main(["cite", "examples/kadrey-v-meta", "--all", "--marks"]) == 0
    lines = capsys.readouterr().out.splitlines()
    article = [line for line in lines if line.startswith("Maxwell Zeff")]
    assert len(article) == 1
    assert article[0].startswith("Maxwell Zeff [unverified], ")
    assert f"{url} [unverified]" in article[0]
    # Every citation that prints the byline or the URL flags it: none prints it bare.
    assert (
        sum("Maxwell Zeff [unverified]" in line for line in lines) == sum("Maxwell Zeff" in line for line in lines) > 1
    )
    assert sum(f"{url} [unverified]" in line for line in lines) == sum(url in line for line in lines)
    assert main(["cite", "examples/kadrey-v-meta", "--all"]) == 0
    assert "[unverified]" not in capsys.readouterr().out
    assert main(["cite", "examples/kadrey-v-meta", "techcrunch-2025-01-14", "--style", "apa", "--marks"]) == 0
    assert capsys.readouterr().out.startswith("Zeff, M. [unverified] (")


# -- the property: marks flag exactly the printed values below confirmed ------------------------

_words = st.from_regex(r"[A-Z][a-z]{2,8}( [a-z]{2,8}){0,5}", fullmatch=True)
_people = st.from_regex(r"[A-Z][a-z]{1,8} [A-Z][a-z]{1,8}", fullmatch=True)
_FIELDS = [
    f.name for f in attrs.fields(ev.Source) if f.name not in ("id", "confidence", "field_confidence", "notes", "links")
]
# The description of an untitled work ("[Untitled news article in Portuguese]") is one value
# read from two fields.
_GROUPS = [("kind", "language"), *[(name,) for name in _FIELDS if name not in ("kind", "language")]]
_SPAN = re.compile(r'<span class="mark-(\w+)" title="(\w+)">')


@st.composite
def marked_sources(draw: st.DrawFn) -> ev.Source:
    source = draw(strategies.sources)
    values = {
        "title": draw(st.none() | _words),
        "authors": tuple(draw(st.lists(_people, max_size=3))),
        "publication": draw(_words),  # always named: the id is never printed
        "publisher": draw(st.none() | _words),
        "page": draw(st.none() | st.from_regex(r"[A-Z]?[1-9][0-9]{0,2}", fullmatch=True)),
        "translators": tuple(draw(st.lists(_people, max_size=2))),
        "text_file": None,
        "digest": None,
    }
    assume(values["publication"] not in (values["title"], values["publisher"]))
    return attrs.evolve(source, **values)


def _changed(source: ev.Source, name: str) -> ev.Source:
    """The source with one value changed in what every rendering of it shows."""
    value = getattr(source, name)
    if name in ("authors", "translators"):
        return attrs.evolve(source, **{name: tuple(f"Q{a}Q" for a in value)})
    if name == "published":
        return attrs.evolve(source, published=ev.Date(year=1666))
    if name == "url":
        return attrs.evolve(source, url="https://q.example.org/q")
    return attrs.evolve(source, **{name: f"Q{value}"})


def _spans(source: ev.Source, style: str, form: str) -> list[str]:
    found = _SPAN.findall(ev.cite(source, style=style, form=form, markup="html", marks=True))
    assert all(css == title and title in ("likely", "unverified") for css, title in found)
    return sorted(title for _, title in found)


@given(
    marked_sources(),
    st.sampled_from(["bluebook", "ecf", "apa", "chicago"]),
    st.sampled_from(["full", "short", "supra", "bibliography"]),
)
def test_marks_flag_exactly_the_printed_values_below_confirmed(source: ev.Source, style: str, form: str) -> None:
    plain = ev.cite(source, style=style, form=form, markup="html")
    assert ev.cite(source, style=style, form=form, markup="html", marks=False) == plain
    assert 'class="mark-' not in plain
    # Marks add parts and change none: without them, the text is the text without marks.
    parts = ev.citation(source, style=style, form=form, marks=True).parts
    assert "".join(text for text, kind in parts if kind != "mark") == ev.cite(source, style=style, form=form)
    confirmed = attrs.evolve(source, confidence=ev.Confidence.CONFIRMED, field_confidence={})
    assert _spans(confirmed, style, form) == []
    expected: list[str] = []
    for group in _GROUPS:
        alone = attrs.evolve(confirmed, field_confidence=dict.fromkeys(group, ev.Confidence.UNVERIFIED))
        flagged = len(_spans(alone, style, form))
        name = group[0]
        if name in ("authors", "title", "publication", "publisher", "published", "url", "page", "translators"):
            # A field is printed when changing it changes the citation; only then is it flagged.
            value = getattr(source, name)
            printed = value not in (None, ()) and ev.cite(_changed(confirmed, name), style=style, form=form) != (
                ev.cite(confirmed, style=style, form=form)
            )
            assert (flagged > 0) == printed, name
        given = [n for n in group if getattr(source, n) not in (None, ())]
        levels = [source.confidence, *(source.confidence_of(n) for n in given)]
        level = min(levels, key=lambda c: c.rank)
        if level is not ev.Confidence.CONFIRMED:
            expected += [level.value] * flagged
    assert _spans(source, style, form) == sorted(expected)


# -- Y002: the checker names the records to cite with marks ----------------------------------------


def test_y002_names_each_value_a_citation_would_print_unmarked(tmp_path: Path) -> None:
    report = ev.check(MARKED, select=["Y002"])
    messages = {finding.record: finding.message for finding in report.findings}
    assert all(finding.severity is ev.Severity.WARNING for finding in report.findings)
    tail = "as if confirmed: cite it with marks (--marks, marks=True)"
    assert messages == {
        "doe-v-acme": f"a citation of this case would print docket_number [likely] {tail}",
        "doe-ecf-7": f"a citation of this filing would print ecf [unverified] {tail}",
        "wire": f"a citation of this source would print authors [unverified], url [likely] {tail}",
        # The sender is as sure as the actor's name; the date is marked on the message.
        "letter": f"a citation of this message would print sender [likely], sent [unverified] {tail}",
    }
    # An actor whose record is likely makes its messages' sender likely.
    doubted = ev.RecordSet([*(r for r in MARKED if r.id != "acme"), ev.Actor(id="acme", name="Acme Corp.",
                            kind="organization", confidence="likely")])  # fmt: skip
    (finding,) = [f for f in ev.check(doubted, select=["Y002"]).findings if f.record == "letter"]
    assert finding.message == (
        f"a citation of this message would print sender [likely], recipients [likely], sent [unverified] {tail}"
    )
    # The streamed driver finds the same.
    ev.dump(doubted, tmp_path / "doubted.jsonl")
    streamed = ev.check(tmp_path / "doubted.jsonl", select=["Y002"], stream=True)
    in_memory = ev.check(tmp_path / "doubted.jsonl", select=["Y002"], stream=False)
    assert [(f.record, f.message) for f in streamed.findings] == [(f.record, f.message) for f in in_memory.findings]
    assert len(streamed.findings) == 4


def test_y002_is_silent_when_every_printed_value_is_confirmed() -> None:
    wire = attrs.evolve(MARKED["wire"], field_confidence={"retrieved": "unverified"})  # never printed
    assert ev.check(ev.RecordSet([wire]), select=["Y002"]).findings == ()
    assert ev.cite(wire, marks=True) == ev.cite(wire)


# -- Citations that never break (issue 14): a made-up case, Roe v. Widget PBC, whose records lack
# what a citation would print, each row the next form the rules allow --------------------------
U2, U3 = "https://example.com/wire/roe-cert", "https://example.com/wire/roe-appeal"
ROE = ev.RecordSet(
    [
        ev.Case(
            id="roe", caption="JANE ROE, et al. v. WIDGET PBC", name="Roe v. Widget PBC", court="cand",
            docket_number="C 24-01234 XYZ", filed="2024-08-19", confidence=C,
        ),
        ev.Decision(id="roe-decision", case="roe", date="2025-07-17", filing="roe-op", confidence=C),
        ev.Filing(id="roe-op", case="roe", title="Memorandum Opinion and Order", kind="opinion", filed="2025-07-17",
                  confidence=C),
        ev.Source(id="roe-cert", kind="news_article", title="Widget asks 9th Circ. to review cert.",
                  publisher="Example Media", published="2025-08-04", url=U2, confidence=C),
        ev.Source(id="roe-undated", kind="web_page", title="Widget settles", publisher="Example Media", url=U2,
                  confidence=C),
        ev.Source(id="roe-question", kind="web_page", title="Will Widget settle?", publisher="Example Media",
                  published="2025", confidence=C),
        ev.Source(id="roe-appeal", kind="news_article", title="Widget files appeal", authors=["Jane Poe"],
                  publication="Example Wire", published="2025-09-05/..", url=U3, confidence=C),
        ev.Source(id="roe-analysis", kind="news_article", title="Roe v. Widget PBC heads to appeal",
                  authors=["Sam Poe"], publication="Example Wire", published="2025-09-10", confidence=C),
    ]
)  # fmt: skip
ROE_NAME = "*Roe v. Widget PBC*, No. C 24-01234 XYZ"
FALLBACKS = [
    row("101", "R10.8.1 B17 decision whose filing has no ECF number", "roe",
        f"{ROE_NAME}, slip op. at 31 (N.D. Cal. July 17, 2025).", decision=0, pin="31"),
    row("102", "R24.3 ecf style without an ECF number: title, pin, date", "roe-op",
        "Mem. Op. and Order 31 (July 17, 2025).", style="ecf", in_case="roe", pin="31"),
    row("103", "R24.3 ecf style without an ECF number, a paragraph", "roe-op",
        "Mem. Op. and Order ¶ 5 (July 17, 2025).", style="ecf", in_case="roe", pin="¶ 5"),
    row("104", "R25.2 ecf style without an ECF number, another case: docket number and date", "roe-op",
        f"Mem. Op. and Order, {ROE_NAME} (N.D. Cal. July 17, 2025).", style="ecf"),
    row("105", "R8 R10.2 title case keeps v. lowercase", "roe-analysis",
        "Sam Poe, *Roe v. Widget PBC Heads to Appeal*, Example Wire (Sept. 10, 2025)."),
    row("106", "CMOS 14.206 no author: the publisher, comma inside the quotes", "roe-cert",
        f'"Widget Asks 9th Circ. to Review Cert.," Example Media, August 4, 2025, {U2}.', style="chicago"),
    row("107", "CMOS 14.206 bibliography: no author, a publisher, the title's own period", "roe-cert",
        f'"Widget Asks 9th Circ. to Review Cert." Example Media, August 4, 2025. {U2}.', style="chicago",
        form="bibliography"),
    row("108", "CMOS 14.206 no author, no date", "roe-undated", f'"Widget Settles," Example Media, {U2}.',
        style="chicago"),
    row("109", "APA 9.12 no author: the title first, one period, the publisher as site", "roe-cert",
        f"*Widget asks 9th Circ. to review cert.* (2025, August 4). Example Media. {U2}", style="apa"),
    row("110", "APA 9.14 no date: n.d.", "roe-undated", f"*Widget settles*. (n.d.). Example Media. {U2}",
        style="apa"),
    row("111", "APA 8.14 in-text title: the comma inside the quotation marks", "roe-undated",
        "(“Widget settles,” n.d.)", style="apa", form="short"),
    row("112", "APA 8.14 in-text title ending in a question mark takes no comma", "roe-question",
        "(“Will Widget settle?” 2025)", style="apa", form="short"),
    row("113", "R30.4.2 an open interval: what is known of the date", "roe-appeal",
        f"Jane Poe, *Widget Files Appeal*, Example Wire (Sept. 5, 2025 or later), {U3}."),
    row("114", "APA 9.14 an open interval is not a known date: n.d.", "roe-appeal",
        f"Poe, J. (n.d.). *Widget files appeal*. Example Wire. {U3}", style="apa"),
    row("115", "CMOS 14.206 an open interval: what is known of the date", "roe-appeal",
        f'Jane Poe, "Widget Files Appeal," *Example Wire*, September 5, 2025 or later, {U3}.', style="chicago"),
    row("116", "APA 8.10 in-text year of an open interval: n.d.", "roe-appeal", "(Poe, n.d.)", style="apa",
        form="short"),
]  # fmt: skip


@pytest.mark.parametrize(("id", "options", "expected"), FALLBACKS)
def test_citations_fall_back_on_the_next_form(id: str, options: dict[str, Any], expected: str) -> None:
    assert ev.cite(ROE[id], records=ROE, markup="markdown", **options) == expected


@pytest.mark.parametrize(
    ("function", "text", "expected"),
    [
        pytest.param(_cited_name, "JANE ROE, et al. v. WIDGET PBC", "Roe v. Widget PBC",
                     id="117 R11.5.6 PBC is a business word"),
        pytest.param(_cited_title, "Roe v. Widget PBC settles", "Roe v. Widget PBC Settles",
                     id="118 R8 v. stays lowercase"),
        pytest.param(_cited_document, "Memorandum Opinion and Order", "Mem. Op. and Order",
                     id="119 T18 Opinion"),
    ],
)  # fmt: skip
def test_the_words_of_a_case_in_a_title(function: Any, text: str, expected: str) -> None:
    assert function(text) == expected


def test_an_ecf_bibliography_cites_every_record_it_can_number_or_falls_back() -> None:  # 120 R24.3
    entries = ev.bibliography(ROE, style="ecf", record_set=ROE)
    assert "." not in entries
    assert f"Mem. Op. and Order, {ROE_NAME.replace('*', '')} (N.D. Cal. July 17, 2025)." in entries


def test_y003_names_what_a_citation_falls_back_for() -> None:
    findings = ev.check(ROE, select=["Y003"]).findings
    by_record = {finding.record: finding.message for finding in findings}
    assert "no ecf" in by_record["roe-op"]
    assert "no cite, and its filing 'roe-op' no ecf" in by_record["roe-decision"]
    assert "published is an interval" in by_record["roe-appeal"]
    assert set(by_record) == {"roe-op", "roe-decision", "roe-appeal"}
    numbered = ev.RecordSet([ROE["roe"], ROE["roe-decision"], attrs.evolve(ROE["roe-op"], ecf=52)])
    assert ev.check(numbered, select=["Y003"]).findings == ()
    assert ev.cite(numbered["roe-op"], records=numbered, style="ecf", in_case="roe", pin="31") == "ECF No. 52 at 31."


def test_an_unsigned_untitled_book_names_its_publisher_once() -> None:  # APA 9.12
    book = ev.Source(id="b", kind="book", publisher="Example Press", confidence=C)
    assert ev.cite(book, style="apa") == "Example Press. (n.d.). [Untitled book]."
