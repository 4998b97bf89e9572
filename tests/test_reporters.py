"""Case-law cites read into their parts with reporters-db, and checked against a decision's date
(L009, L010).

The volume, page and document numbers below are arbitrary: they are not cites of any case, only
of the shapes a cite takes. The reporters and their editions' dates are reporters-db's.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import evidence as ev
from evidence._cli import main

# (text, volume, reporter as reporters-db writes it, first page, pinpoint)
REPORTER_CITES = [
    pytest.param("529 F. 303", 529, "F.", 303, None, id="federal-reporter"),
    pytest.param("529 F.2d 303", 529, "F.2d", 303, None, id="F.2d"),
    pytest.param("529 F.3d 303", 529, "F.3d", 303, None, id="F.3d"),
    pytest.param("29 F.4th 303", 29, "F.4th", 303, None, id="F.4th"),
    pytest.param("529 F. Supp. 303", 529, "F. Supp.", 303, None, id="F.Supp"),
    pytest.param("529 F. Supp. 2d 303", 529, "F. Supp. 2d", 303, None, id="F.Supp.2d"),
    pytest.param("529 F. Supp. 3d 303", 529, "F. Supp. 3d", 303, None, id="F.Supp.3d"),
    pytest.param("529 U.S. 303", 529, "U.S.", 303, None, id="U.S."),
    pytest.param("129 S. Ct. 303", 129, "S. Ct.", 303, None, id="S.Ct."),
    pytest.param("129 L. Ed. 2d 303", 129, "L. Ed. 2d", 303, None, id="L.Ed.2d"),
    pytest.param("29 Cal. Rptr. 303", 29, "Cal. Rptr.", 303, None, id="Cal.Rptr."),
    pytest.param("29 Cal. Rptr. 3d 303", 29, "Cal. Rptr. 3d", 303, None, id="Cal.Rptr.3d"),
    pytest.param("529 F. App'x 303", 529, "F. App'x", 303, None, id="F.App'x"),
    # reporters-db's variations, read as its abbreviation
    pytest.param("529 F.Supp.3d 303", 529, "F. Supp. 3d", 303, None, id="variation-F.Supp.3d"),
    pytest.param("129 S.Ct. 303", 129, "S. Ct.", 303, None, id="variation-S.Ct."),
    pytest.param("129 L.Ed.2d 303", 129, "L. Ed. 2d", 303, None, id="variation-L.Ed.2d"),
    pytest.param("29 Cal.Rptr.3d 303", 29, "Cal. Rptr. 3d", 303, None, id="variation-Cal.Rptr.3d"),
    pytest.param("29 F. 4th 303", 29, "F.4th", 303, None, id="variation-F. 4th"),
    pytest.param("529 Fed. Appx. 303", 529, "F. App'x", 303, None, id="variation-Fed.Appx."),
    # spacing and case reporters-db does not list, and a typographic apostrophe
    pytest.param("529 F. Supp.3d 303", 529, "F. Supp. 3d", 303, None, id="spacing-F. Supp.3d"),
    pytest.param("529 f. supp. 3d 303", 529, "F. Supp. 3d", 303, None, id="case-f. supp. 3d"),
    pytest.param("529 F. App’x 303", 529, "F. App'x", 303, None, id="curly-apostrophe"),
    pytest.param("529  F. Supp. 3d\n303", 529, "F. Supp. 3d", 303, None, id="runs-of-white-space"),
    # pinpoints: after a comma, after "at", a range (with an en dash), a footnote
    pytest.param("529 F. Supp. 3d 303, 310", 529, "F. Supp. 3d", 303, "310", id="pin-comma"),
    pytest.param("529 F. Supp. 3d 303 at 310", 529, "F. Supp. 3d", 303, "310", id="pin-at"),
    pytest.param("529 F. Supp. 3d 303, 310-12", 529, "F. Supp. 3d", 303, "310–12", id="pin-range"),
    pytest.param("529 U.S. 303, 310 n.4", 529, "U.S.", 303, "310 n.4", id="pin-footnote"),
]


@pytest.mark.parametrize(("text", "volume", "reporter", "page", "pin"), REPORTER_CITES)
def test_a_reporter_cite_is_read_into_volume_reporter_and_page(
    text: str, volume: int, reporter: str, page: int, pin: str | None
) -> None:
    cite = ev.parse_cite(text)
    assert isinstance(cite, ev.ReporterCite)
    assert (cite.volume, cite.reporter, cite.page, cite.pin) == (volume, reporter, page, pin)
    assert [edition.abbreviation for edition in cite.editions] == [reporter]
    # Written back in the canonical form, it reads as the same cite.
    assert ev.parse_cite(str(cite)) == cite


# (text, year, database, reporter, number, pinpoint)
DATABASE_CITES = [
    pytest.param("2025 WL 458520", 2025, "WL", "WL", 458520, None, id="WL"),
    pytest.param("2025 WL 458520, at *3", 2025, "WL", "WL", 458520, "*3", id="WL-pin"),
    pytest.param("2025 WL 458520, *3-4", 2025, "WL", "WL", 458520, "*3–4", id="WL-pin-range"),
    pytest.param("2025 U.S. Dist. LEXIS 12345", 2025, "LEXIS", "U.S. Dist. LEXIS", 12345, None, id="LEXIS-district"),
    pytest.param("2025 U.S. App. LEXIS 12345 at *2", 2025, "LEXIS", "U.S. App. LEXIS", 12345, "*2", id="LEXIS-app"),
    pytest.param("2025 Cal. LEXIS 123", 2025, "LEXIS", "Cal. LEXIS", 123, None, id="LEXIS-state"),
]


@pytest.mark.parametrize(("text", "year", "database", "reporter", "number", "pin"), DATABASE_CITES)
def test_a_database_cite_is_read_into_year_database_and_number(
    text: str, year: int, database: str, reporter: str, number: int, pin: str | None
) -> None:
    cite = ev.parse_cite(text)
    assert isinstance(cite, ev.DatabaseCite)
    assert (cite.year, cite.database, cite.reporter, cite.number, cite.pin) == (year, database, reporter, number, pin)
    assert [edition.abbreviation for edition in cite.editions] == [reporter]
    assert ev.parse_cite(str(cite)) == cite


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("slip op. at 12", id="slip-opinion"),
        pytest.param("No. 3:23-cv-03417-VC", id="docket-number"),
        pytest.param("ECF No. 52", id="ecf-number"),
        pytest.param("2025-04-02", id="a-date"),
        pytest.param("529 303", id="no-reporter"),
        pytest.param("F. Supp. 3d 303", id="no-volume"),
        pytest.param("529 F. Supp. 3d", id="no-page"),
        pytest.param("", id="empty"),
    ],
)
def test_text_that_is_not_a_cite_parses_to_none(text: str) -> None:
    assert ev.parse_cite(text) is None


def test_a_reporter_reporters_db_does_not_know_parses_with_no_edition() -> None:
    cite = ev.parse_cite("529 Fed. Supp. 3d 303")
    assert isinstance(cite, ev.ReporterCite)
    assert (cite.volume, cite.reporter, cite.page, cite.editions) == (529, "Fed. Supp. 3d", 303, ())


def test_a_variation_of_several_reporters_keeps_its_text_and_every_edition() -> None:
    # reporters-db lists "Marsh." as a variation of two Kentucky reporters.
    cite = ev.parse_cite("5 Marsh. 3")
    assert isinstance(cite, ev.ReporterCite)
    assert cite.reporter == "Marsh."
    assert sorted(e.abbreviation for e in cite.editions) == ["A.K. Marsh.", "J.J. Marsh."]


# The editions' dates, as reporters-db gives them: F. Supp. 2d 1988-01-01 to 2014-08-21, F. Supp. 3d
# from 2014-03-04, Cal. Rptr. 1959 to 1991.
EDITION_DATES = [
    pytest.param("529 F. Supp. 3d 303", "2010-06-01", False, id="L009-F.Supp.3d-in-2010-refused"),
    pytest.param("529 F. Supp. 3d 303", "2021-06-01", True, id="L009-F.Supp.3d-in-2021-accepted"),
    pytest.param("529 F. Supp. 3d 303", "2014-03-04", True, id="L009-F.Supp.3d-on-its-first-day"),
    pytest.param("529 F. Supp. 3d 303", "2014-03-03", False, id="L009-F.Supp.3d-the-day-before"),
    pytest.param("529 F. Supp. 3d 303", "2014", True, id="L009-year-that-may-be-after-the-start"),
    pytest.param("529 F. Supp. 3d 303", "2014-02", False, id="L009-month-all-before-the-start"),
    pytest.param("529 F. Supp. 2d 303", "2014-08-21", True, id="L009-F.Supp.2d-on-its-last-day"),
    pytest.param("529 F. Supp. 2d 303", "2021-06-01", False, id="L009-F.Supp.2d-after-its-end"),
    pytest.param("29 Cal. Rptr. 303", "1995-01-10", False, id="L009-Cal.Rptr.-after-its-end"),
    pytest.param("2025 WL 458520", "2025-01-10", True, id="L009-WL-goes-on"),
]


@pytest.mark.parametrize(("text", "date", "covered"), EDITION_DATES)
def test_an_edition_covers_the_decisions_of_its_dates(text: str, date: str, covered: bool) -> None:
    cite = ev.parse_cite(text)
    assert cite is not None
    (edition,) = cite.editions
    assert isinstance(edition, ev.ReporterEdition)
    assert edition.covers(ev.parse_date(date)) is covered


def _case(folder: Path, cite: str, date: str) -> Path:
    """A made-up Doe v. Acme case with one decision citing `cite`."""
    folder.mkdir(exist_ok=True)
    (folder / "case.yaml").write_text(
        "evidence: 2\n"
        "cases:\n"
        "  - id: doe-v-acme\n"
        "    caption: JANE DOE, Plaintiff, v. ACME CORP., Defendant\n"
        "    name: Doe v. Acme Corp.\n"
        "    court: cand\n"
        "    docket_number: 3:24-cv-01234\n"
        "    filed: '2009-02-05'\n"
        "    confidence: confirmed\n"
        "decisions:\n"
        "  - id: doe-order-1\n"
        "    case: doe-v-acme\n"
        f"    date: '{date}'\n"
        "    cites:\n"
        f"      - {cite}\n"
        "    confidence: confirmed\n",
        encoding="utf-8",
    )
    return folder


def _findings(folder: Path) -> list[tuple[str, ev.Severity, str, str, str | None]]:
    report = ev.check(folder, stream=False)
    # The streamed check runs the same rule over the same decisions.
    assert ev.check(folder, stream=True) == report
    return [(f.code, f.severity, f.path, f.message, f.hint) for f in report.findings]


def test_l009_an_edition_not_yet_published_at_the_decisions_date_is_an_error(tmp_path: Path) -> None:
    findings = _findings(_case(tmp_path / "records", "529 F. Supp. 3d 303", "2010-06-01"))
    assert findings == [
        (
            "L009",
            ev.Severity.ERROR,
            "$.decisions[0].cites[0]",
            "'529 F. Supp. 3d 303' cites F. Supp. 3d (Federal Supplement, 2014-03-04 on), "
            "not published at the decision's date 2010-06-01",
            "a decision of 2010-06-01 is in F. Supp. 2d",
        )
    ]


def test_l009_the_same_cite_for_a_decision_of_its_editions_dates_passes(tmp_path: Path) -> None:
    assert _findings(_case(tmp_path / "records", "529 F.Supp.3d 303, 310", "2021-06-01")) == []
    assert _findings(_case(tmp_path / "records", "2021 WL 458520", "2021-06-01")) == []


def test_l010_an_unknown_reporter_is_a_warning_with_the_closest_one(tmp_path: Path) -> None:
    findings = _findings(_case(tmp_path / "records", "529 Fed. Supp. 3d 303", "2021-06-01"))
    assert findings == [
        (
            "L010",
            ev.Severity.WARNING,
            "$.decisions[0].cites[0]",
            "'Fed. Supp. 3d' in '529 Fed. Supp. 3d 303' is not a reporter reporters-db knows",
            "did you mean 'F. Supp. 3d'?",
        )
    ]


def test_a_cite_that_is_neither_form_is_not_judged(tmp_path: Path) -> None:
    assert _findings(_case(tmp_path / "records", "slip op. at 12", "2021-06-01")) == []


def test_the_rules_can_be_selected_and_ignored_on_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = _case(tmp_path / "records", "529 Fed. Supp. 3d 303", "2021-06-01")
    assert main(["check", "--strict", str(folder)]) == 1
    assert "L010 $.decisions[0].cites[0]" in capsys.readouterr().out
    assert main(["check", "--strict", "--ignore", "L010", str(folder)]) == 0


def test_import_evidence_does_not_read_reporters_db() -> None:
    # docs/performance.md measures `import evidence`: the reporters are read when a cite is parsed.
    code = (
        "import sys, evidence\n"
        "assert 'reporters_db' not in sys.modules\n"
        "evidence.parse_cite('529 F. Supp. 3d 303')\n"
        "assert 'reporters_db' in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=Path(__file__).resolve().parent.parent)
