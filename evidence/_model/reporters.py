"""Case-law cites read into their parts, and the reporters they name from reporters-db.

A reporter cite is volume, reporter and first page ("529 F. Supp. 3d 303"); a database cite is
year, database and document number ("2025 WL 458520", "2025 U.S. Dist. LEXIS 12345"). Either may
end with a pinpoint (", 310", " at 310", ", at *3"). Reporters and their editions' dates come from
reporters-db, the Free Law Project's list, rather than a table of our own; its data is read once,
when a cite is first parsed, so that `import evidence` does not pay for it.
"""

from __future__ import annotations

import datetime as _dt
import functools
import re
from typing import Any

import attrs

from evidence._model.dates import Date, DateValue
from evidence._model.order import definitely_before

# reporters-db's keys of the Supreme Court's reporters: the U.S. Reports, West's Supreme Court
# Reporter and the Lawyers' Edition.
_SUPREME_COURT_REPORTERS = frozenset({"U.S.", "S. Ct.", "L. Ed."})


@attrs.frozen(kw_only=True)
class ReporterEdition:
    """One edition (series) of a reporter, as reporters-db gives it: 'F. Supp. 3d' of the Federal
    Supplement, first published for decisions of `start`, last for those of `end` (None: it goes on)."""

    abbreviation: str
    name: str
    start: Date | None
    end: Date | None
    reporter: str  # reporters-db's key of the reporter, shared by its editions ('F. Supp.')
    # The courts whose decisions it prints, as reporters-db lists them (its `mlz_jurisdiction`:
    # 'us:c9;court.appeals', 'us:il;court.appeals').
    jurisdictions: tuple[str, ...] = ()

    def names_its_court(self) -> bool:
        """Whether a cite to this reporter tells which court decided (R10.4: the parenthetical then
        leaves the court out): a reporter of one court, as reporters-db lists it ('Ill. App. 3d'),
        or one of the Supreme Court's, whose reporters-db lists also name the courts of their first
        volumes (Dallas printed Pennsylvania decisions in 1-4 U.S.) and of its Justices' chambers."""
        return len(self.jurisdictions) == 1 or self.reporter in _SUPREME_COURT_REPORTERS

    def state(self) -> str | None:
        """The state whose courts alone this reporter prints ('ny' for 'N.Y.2d', 'ca' for 'Cal.
        Rptr. 2d'), as reporters-db lists its courts; None for a regional or federal reporter."""
        places = {
            jurisdiction.split(";")[0].split(":")[1:2][0] for jurisdiction in self.jurisdictions if ":" in jurisdiction
        }
        place = places.pop() if len(places) == 1 else None
        return place if place and len(place) == 2 and all(j.startswith("us:") for j in self.jurisdictions) else None

    def covers(self, date: DateValue) -> bool:
        """False only when `date` is definitely before the edition began or after it ended."""
        before = self.start is not None and definitely_before(date, self.start)
        return not before and not (self.end is not None and definitely_before(self.end, date))

    def period(self) -> str:
        """'2014-03-04 on', '1988-01-01 to 2014-08-21'."""
        if self.end is None:
            return f"{self.start} on" if self.start is not None else "at any date"
        return f"{self.start or 'its beginning'} to {self.end}"


@attrs.frozen(kw_only=True)
class ReporterCite:
    """A cite to a printed reporter: '529 F. Supp. 3d 303, 310'.

    `reporter` is reporters-db's abbreviation ('F. Supp. 3d' for 'F.Supp.3d'), or the text as
    written when reporters-db does not know it or it could be more than one reporter; `editions`
    holds the edition it names (several for such an ambiguous one, none for an unknown one)."""

    volume: int
    reporter: str
    page: int
    pin: str | None = None
    editions: tuple[ReporterEdition, ...] = ()

    def __str__(self) -> str:
        return f"{self.volume} {self.reporter} {self.page}" + (f", {self.pin}" if self.pin else "")


@attrs.frozen(kw_only=True)
class DatabaseCite:
    """A cite to an online database: '2025 WL 458520' (Westlaw) or '2025 U.S. Dist. LEXIS 12345'.

    `database` is 'WL' or 'LEXIS'; `reporter` the whole abbreviation ('U.S. Dist. LEXIS'), as
    reporters-db spells it when it knows it."""

    year: int
    database: str
    reporter: str
    number: int
    pin: str | None = None
    editions: tuple[ReporterEdition, ...] = ()

    def __str__(self) -> str:
        return f"{self.year} {self.reporter} {self.number}" + (f", at {self.pin}" if self.pin else "")


# A pinpoint: a page or a range, starred for a database's screen pages, with a footnote.
_PIN = r"(?:,\s*(?:at\s+)?|\s+at\s+)(?P<pin>\*{0,2}\d+(?:\s*[-–]\s*\*{0,2}\d+)?(?:\s+nn?\.\s*\d+)?)"
# What a reporter abbreviation may hold: no comma (that would be a pinpoint's) and no digit
# first; reporters-db's own abbreviations use these characters and no others.
_ABBREVIATION = r"[A-Za-z\[(][A-Za-z0-9.'’&()\[\] -]*?"
_DATABASE = re.compile(
    rf"(?P<year>\d{{4}})\s+(?P<reporter>WL|(?:{_ABBREVIATION}\s+)?LEXIS)\s+(?P<number>\d+)(?:{_PIN})?",
    re.IGNORECASE | re.ASCII,
)
_REPORTER = re.compile(
    rf"(?P<volume>\d{{1,5}})\s+(?P<reporter>{_ABBREVIATION})\s+(?P<page>\d{{1,6}})(?:{_PIN})?", re.ASCII
)


def is_database_cite(text: str) -> bool:
    """Whether a cite is a database's year and document number ('2010 WL 4472794'), not a
    reporter's volume and page."""
    return _DATABASE.fullmatch(" ".join(text.split())) is not None


def parse_cite(text: str) -> ReporterCite | DatabaseCite | None:
    """The parts of a case-law cite, or None when the text is not one (a slip opinion, a docket
    number). A reporter cite parses whether or not reporters-db knows its reporter: see `editions`."""
    text = " ".join(text.split())
    if (found := _DATABASE.fullmatch(text)) is not None:
        reporter, editions = _known(found["reporter"])
        return DatabaseCite(
            year=int(found["year"]),
            database="WL" if reporter.upper() == "WL" else "LEXIS",
            reporter=reporter,
            number=int(found["number"]),
            pin=_pin(found["pin"]),
            editions=editions,
        )
    if (found := _REPORTER.fullmatch(text)) is not None:
        reporter, editions = _known(found["reporter"])
        return ReporterCite(
            volume=int(found["volume"]),
            reporter=reporter,
            page=int(found["page"]),
            pin=_pin(found["pin"]),
            editions=editions,
        )
    return None


# A public-domain (vendor-neutral) cite: the year, the court's own letters, the decision's number,
# spaced ('2012 CO 22', '2011 IL App (1st) 101234', '1999 PA Super 1') or hyphened ('2009-NMSC-006',
# '2002-Ohio-2220'), as each state's rule writes it. Its year stands where a reporter's volume
# would; no reporter has yet reached a volume 1990, so the year tells the two apart.
_PUBLIC_DOMAIN = re.compile(
    r"(?:199\d|20\d\d)(?P<sep>[ -])[A-Z][A-Za-z.]*(?: [A-Za-z.]+)*(?: \(\w+\))?(?P=sep)\d+", re.ASCII
)


# Louisiana's public-domain cite of a decision after 1993 (its Supreme Court's rules, the Indigo
# Book's Louisiana table): the docket number, then the court and the day in figures, '93-2345
# (La. 7/15/94)', '93-2345 (La. App. 1 Cir. 7/15/94)'.
_BY_DOCKET = re.compile(
    r"(?P<docket>\S+(?: \S+)*?) (?P<court>\(La\.(?: App\. \d+ Cir\.)? \d{1,2}/\d{1,2}/\d{2}\))", re.ASCII
)


def is_public_domain(text: str) -> bool:
    """Whether a cite is a public-domain one ('2011 ME 24', '2009-NMSC-006', '93-2345 (La.
    7/15/94)'), which names the court and the year itself (R11.3: no parenthetical follows it)."""
    spaced = " ".join(text.split())
    found = _PUBLIC_DOMAIN.fullmatch(spaced) is not None or docket_cite(spaced) is not None
    return found and _DATABASE.fullmatch(text) is None


def docket_cite(text: str) -> tuple[str, str] | None:
    """A public-domain cite made of a docket number and its court and day, Louisiana's, as (the
    number, the parenthetical): a pinpoint goes between them ('93-2345, p. 7 (La. 7/15/94)').
    None for any other cite."""
    found = _BY_DOCKET.fullmatch(" ".join(text.split()))
    return (found["docket"], found["court"]) if found else None


def reporter_series(edition: ReporterEdition) -> tuple[ReporterEdition, ...]:
    """Every edition of the reporter `edition` belongs to ('F. Supp.', 'F. Supp. 2d', 'F. Supp. 3d')."""
    return _tables().series[edition.reporter]


def known_abbreviations() -> list[str]:
    """reporters-db's abbreviations of every edition, for suggestions."""
    return list(_tables().by_name)


def _pin(pin: str | None) -> str | None:
    return re.sub(r"\s*([-–])\s*", "–", pin) if pin else None  # a range takes an en dash


def _known(written: str) -> tuple[str, tuple[ReporterEdition, ...]]:
    """The abbreviation reporters-db gives a written reporter, and its editions."""
    tables = _tables()
    written = written.replace("’", "'")
    for key in (written, _squeezed(written)):
        for table in (tables.editions, tables.variations):
            names = table.get(key)
            if names:
                editions = tuple(e for name in names for e in tables.by_name[name])
                return (names[0] if len(names) == 1 else written), editions
    return written, ()


def _squeezed(abbreviation: str) -> str:
    """An abbreviation without spaces and in one case: 'F. Supp.3d' and 'F.Supp. 3d' are one."""
    return abbreviation.replace(" ", "").casefold()


@attrs.frozen
class _Tables:
    by_name: dict[str, tuple[ReporterEdition, ...]]  # an edition's abbreviation -> its entries
    editions: dict[str, tuple[str, ...]]  # an abbreviation, as given and squeezed -> editions
    variations: dict[str, tuple[str, ...]]  # a variation, as given and squeezed -> editions
    series: dict[str, tuple[ReporterEdition, ...]]  # reporters-db's reporter key -> editions


def _date(value: _dt.datetime | None) -> Date | None:
    return Date(year=value.year, month=value.month, day=value.day) if value is not None else None


@functools.cache
def _tables() -> _Tables:
    import reporters_db  # read late: it parses its JSON files on import

    by_name: dict[str, list[ReporterEdition]] = {}
    series: dict[str, list[ReporterEdition]] = {}
    editions: dict[str, list[str]] = {}
    variations: dict[str, list[str]] = {}

    def add(table: dict[str, list[str]], key: str, name: str) -> None:
        for form in (key, _squeezed(key)):
            names = table.setdefault(form, [])
            if name not in names:
                names.append(name)

    reporters: dict[str, list[dict[str, Any]]] = reporters_db.REPORTERS
    for key, entries in reporters.items():
        for entry in entries:
            for abbreviation, dates in entry["editions"].items():
                edition = ReporterEdition(
                    abbreviation=abbreviation,
                    name=entry["name"],
                    start=_date(dates.get("start")),
                    end=_date(dates.get("end")),
                    reporter=key,
                    jurisdictions=tuple(entry.get("mlz_jurisdiction") or ()),
                )
                by_name.setdefault(abbreviation, []).append(edition)
                series.setdefault(key, []).append(edition)
                add(editions, abbreviation, abbreviation)
            for variation, abbreviation in entry.get("variations", {}).items():
                add(variations, variation, abbreviation)
    return _Tables(
        by_name={k: tuple(v) for k, v in by_name.items()},
        editions={k: tuple(v) for k, v in editions.items()},
        variations={k: tuple(v) for k, v in variations.items() if k not in editions},
        series={k: tuple(v) for k, v in series.items()},
    )
