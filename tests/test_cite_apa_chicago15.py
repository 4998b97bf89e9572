"""Issue 15: APA sentence case (APA 6.17), translators of articles, posts and books in every
style (R28.2.5; APA 9.38, 9.39, 8.15; CMOS 14.104), and APA's narrative in-text citations
(APA 8.11, 8.17), as tables through the public API. Each row's id names its rule.

The records are made up (the outlet Example Wire, its reporters and translator), but for the
book, which is the Indigo Book's own example of a translation (c190), cited as the book prints it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import evidence as ev
from evidence._cli import main

C = "confirmed"
U = "https://wire.example/2025/01/15/acme/"


def source(id: str, **fields: Any) -> ev.Source:
    fields.setdefault("kind", "news_article")
    return ev.Source(id=id, confidence=C, **fields)


def page(id: str, title: str, **fields: Any) -> ev.Source:
    """A web page of Example Wire by Ana Poe, published in 2025, unless said otherwise."""
    given = {"authors": ["Ana Poe"], "publication": "Example Wire", "published": "2025", **fields}
    return source(id, kind="web_page", title=title, **given)


def article(id: str, title: str, **fields: Any) -> ev.Source:
    """A news article of Alex Rivera's on Example Wire, translated by Ana Souza, unless said otherwise."""
    given = {"authors": ["Alex Rivera"], "translators": ["Ana Souza"], "publication": "Example Wire", **fields}
    return source(id, title=title, **{"published": "2025-01-15", **given})


def book(id: str, title: str, **fields: Any) -> ev.Source:
    return source(id, kind="book", title=title, authors=["García Márquez, Gabriel"], **fields)


# The case, the people and the messages, made up as the rest is.
DOE = ev.Case(id="doe", caption="Doe v. Acme Corp.", name="Doe v. Acme Corp.", court="cand", docket_number="3:24-cv-01234", filed="2024-02-05", confidence=C)  # fmt: skip
SHIP_IT = ev.Attestation(source="original", quote=ev.Quote(exact="Ship it."), confidence=C)
STATEMENT = ev.Message(id="statement", sender="acme", channel="press_statement", sent="2025-04-03", public=True, subject="Statement on the Ruling", published_in="Acme Newsroom", confidence=C)  # fmt: skip

RECORDS = ev.RecordSet(
    [
        page("headline", "Open Source AI Is the Path Forward", authors=["Mark Roe"], published="2024-07-23"),
        page("acronyms", "Why OpenAI's GPT-4 Is OK: A Look at U.S. Rules for AI"),
        page("compound", "The Self-Driving Future Is Here"),
        page("sentence", "Acme's chief met Widget Co. officials in Paris"),
        page("given", "Roe Says Acme Will Open Widget", title_sentence_case="Roe says Acme will open Widget"),
        page("german", "Die Zukunft Der Arbeit", language="de"),
        article(
            "original",
            "Acme engineers raced an audit, filings show",
            translators=[],
            published="2025-01-14",
            url="https://wire.example/2025/01/14/acme/",
        ),
        article(
            "translated",
            "Engenheiros da Acme correram contra uma auditoria",
            language="pt",
            url=U,
            translation_of="original",
        ),
        article("printed", "Acme Engineers Raced an Audit", publication="Example Ledger", page="A6"),
        page("two", "A study", authors=["Ana Poe", "Sam Lee"]),
        page("three", "A study", authors=["Ana Poe", "Sam Lee", "Kim Ray"]),
        # The Indigo Book's own example of a translation (c190), and the original it translates.
        book("cien", "Cien años de soledad", published="1967", language="es"),
        book(
            "solitude",
            "One Hundred Years of Solitude",
            translators=["Gregory Rabassa"],
            publisher="Harper & Row",
            published="2003",
            translation_of="cien",
        ),
        DOE,
        ev.Actor(id="sam", name="Sam Poe", kind="person", confidence=C),
        ev.Actor(id="acme", name="Acme Corp.", kind="organization", confidence=C),
        ev.Message(id="letter", channel="letter", sender="sam", sent="1998-12", confidence=C),
        ev.Message(id="quoted", channel="chat", sender="sam", sent="2024-10", attestations=[SHIP_IT], confidence=C),
        STATEMENT,
    ]
)


def row(rule: str, id: str, expected: str, **options: Any) -> Any:
    return pytest.param(id, options, expected, id=rule)


SENTENCE = ev.BluebookOptions(sentence_case=True)

SENTENCE_CASE = [
    row("APA 6.17 by default the title as published", "headline",
        "Roe, M. (2024, July 23). *Open Source AI Is the Path Forward*. Example Wire."),
    row("APA 6.17 headline to sentence case", "headline",
        "Roe, M. (2024, July 23). *Open source AI is the path forward*. Example Wire.", options=SENTENCE),
    row("APA 6.17 acronyms, inner capitals and the word after a colon kept", "acronyms",
        "Poe, A. (2025). *Why OpenAI's GPT-4 is OK: A look at U.S. rules for AI*. Example Wire.", options=SENTENCE),
    row("APA 6.17 second element of a compound lowercase", "compound",
        "Poe, A. (2025). *The self-driving future is here*. Example Wire.", options=SENTENCE),
    row("APA 6.17 a title in sentence case kept with its proper nouns", "sentence",
        "Poe, A. (2025). *Acme's chief met Widget Co. officials in Paris*. Example Wire.", options=SENTENCE),
    row("APA 6.17 the record's title_sentence_case", "given",
        "Poe, A. (2025). *Roe says Acme will open Widget*. Example Wire."),
    row("APA 6.17 a title in another language as written", "german",
        "Poe, A. (2025). *Die Zukunft Der Arbeit*. Example Wire.", options=SENTENCE),
    row("R8 Bluebook keeps title case, not title_sentence_case", "given",
        "Ana Poe, *Roe Says Acme Will Open Widget*, Example Wire (2025).", style="bluebook"),
    row("CMOS 8.159 Chicago keeps headline case", "headline",
        'Mark Roe, "Open Source AI Is the Path Forward," Example Wire, July 23, 2024.', style="chicago"),
]  # fmt: skip

TRANSLATIONS = [
    row("R28.2.5 Bluebook translator of an online article", "translated",
        "Alex Rivera, *Engenheiros da Acme correram contra uma auditoria*, Example Wire (Ana Souza trans., "
        f"Jan. 15, 2025), {U}.", style="bluebook"),
    row("R28.2.5 Bluebook translator of a printed article", "printed",
        "Alex Rivera, *Acme Engineers Raced an Audit*, Example Ledger, Jan. 15, 2025, at A6 (Ana Souza trans.).",
        style="bluebook"),
    row("R28.2.5 Bluebook book, Indigo Book c190", "solitude",
        "Gabriel García Márquez, *One Hundred Years of Solitude* (Gregory Rabassa trans., Harper & Row 2003) (1967).",
        style="bluebook"),
    row("APA 9.38 bracketed English title and APA 9.39 translator", "translated",
        "Rivera, A. (2025, January 15). Engenheiros da Acme correram contra uma auditoria [Acme engineers raced an "
        f"audit, filings show] (A. Souza, Trans.). Example Wire. {U} (Original work published 2025)", style="apa",
        markup="text"),
    row("APA 10.1 periodical article with its translator", "printed",
        "Rivera, A. (2025, January 15). Acme engineers raced an audit (A. Souza, Trans.). *Example Ledger*, A6.",
        style="apa", options=SENTENCE),
    row("APA 9.39 translated book, original year last", "solitude",
        "García Márquez, G. (2003). *One hundred years of solitude* (G. Rabassa, Trans.). Harper & Row. "
        "(Original work published 1967)", style="apa", options=SENTENCE),
    row("APA 8.15 both years in the text", "solitude", "(García Márquez, 1967/2003)", style="apa", form="short"),
    row("CMOS 14.104 note: trans. after the title", "solitude",
        "Gabriel García Márquez, *One Hundred Years of Solitude*, trans. Gregory Rabassa (Harper & Row, 2003).",
        style="chicago"),
    row("CMOS 14.104 bibliography: Translated by", "solitude",
        "García Márquez, Gabriel. *One Hundred Years of Solitude*. Translated by Gregory Rabassa. Harper & Row, 2003.",
        style="chicago", form="bibliography"),
    row("CMOS 14.104 note of a translated article", "translated",
        'Alex Rivera, "Engenheiros da Acme correram contra uma auditoria," trans. Ana Souza, *Example Wire*, '
        f"January 15, 2025, {U}.", style="chicago"),
    row("CMOS 14.104 bibliography of a translated article", "translated",
        'Rivera, Alex. "Engenheiros da Acme correram contra uma auditoria." Translated by Ana Souza. *Example Wire*, '
        f"January 15, 2025. {U}.", style="chicago", form="bibliography"),
]  # fmt: skip

NARRATIVE = [
    row("APA 8.11 narrative citation", "original", "Rivera (2025)", style="apa", form="narrative"),
    row("APA 8.11 narrative citation with a page", "original", "Rivera (2025, p. 4)", style="apa",
        form="narrative", pin="4"),
    row("APA 8.17 two authors joined by and in a narrative citation", "two", "Poe and Lee (2025)", style="apa",
        form="narrative"),
    row("APA 8.17 two authors joined by & in a parenthetical citation", "two", "(Poe & Lee, 2025)", style="apa",
        form="short"),
    row("APA 8.17 three authors et al.", "three", "Poe et al. (2025)", style="apa", form="narrative"),
    row("APA 8.15 narrative citation of a translation", "solitude", "García Márquez (1967/2003)", style="apa",
        form="narrative"),
    row("APA 8.11 narrative citation of a case", "doe", "*Doe v. Acme Corp.* (2024)", style="apa", form="narrative"),
    row("APA 8.9 narrative personal communication", "letter", "S. Poe (personal communication, December 1998)",
        style="apa", form="narrative"),
    row("APA 8.6 narrative secondary source", "quoted", "Poe (2024, as cited in Rivera, 2025)", style="apa",
        form="narrative"),
    row("APA 8.11 narrative citation of a public statement", "statement", "Acme Corp. (2025)", style="apa",
        form="narrative"),
    row("R15.5 Bluebook has no narrative form: supra", "original", "Rivera, *supra*.", style="bluebook",
        form="narrative"),
    row("CMOS 14.29 Chicago has no narrative form: the short note", "two", 'Poe and Lee, "A Study."',
        style="chicago", form="narrative"),
]  # fmt: skip


@pytest.mark.parametrize(("id", "options", "expected"), SENTENCE_CASE + TRANSLATIONS + NARRATIVE)
def test_rules(id: str, options: dict[str, Any], expected: str) -> None:
    options = {"style": "apa", "markup": "markdown", **options}
    assert ev.cite(RECORDS[id], records=RECORDS, **options) == expected


def test_title_sentence_case_is_marked_as_its_own_field() -> None:
    """The value printed is the field's: its mark flags it, the title's does not."""
    doubtful = ev.Source(
        id="given", kind="web_page", title="Roe Says Acme Will Open Widget", publication="Example Wire",
        title_sentence_case="Roe says Acme will open Widget", confidence=C,
        field_confidence={"title_sentence_case": ev.Confidence.LIKELY},
    )  # fmt: skip
    assert (
        ev.cite(doubtful, style="apa", marks=True) == "Roe says Acme will open Widget [likely]. (n.d.). Example Wire."
    )
    assert ev.cite(doubtful, marks=True) == "Roe Says Acme Will Open Widget, Example Wire."


def test_the_command_line_writes_a_narrative_citation(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "records.yaml"
    ev.dump(RECORDS, path)
    assert main(["cite", str(path), "two", "--style", "apa", "--form", "narrative"]) == 0
    assert capsys.readouterr().out == "Poe and Lee (2025)\n"
