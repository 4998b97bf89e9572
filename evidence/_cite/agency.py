"""Bluebook citations of an agency's decisions (R14.3 of the Bluebook; the Indigo Book's examples
of administrative adjudications): the agency's reporter or its docket, then the agency, unless
the reporter or the docket names it, and the date; and a state's docket that is its cite
(Mississippi's).

    Donald Cutler, 11 E.A.D. 622, 623 (EAB 2004)
    Rev. Rul. 81-225, 1981-2 C.B. 12
    RMTC Sys., Inc., ASBCA No. 43466, 93-1 BCA ¶ 25,508
    Lincoln Univ., U.S. Dep't of Educ., No. 13-68-SF (Mar. 16, 2015)
    US Pagoda, Inc., CCH OSHD ¶ 33123 (No. 10-2035, 2011)
"""

from __future__ import annotations

import functools
import re

from evidence._cite.context import Context, at_pin, reported_as
from evidence._cite.dates import format_date, year
from evidence._cite.parts import Part, r
from evidence._errors import UsageError
from evidence._model import Case, Court, Decision, is_database_cite

# Mississippi's decisions since 1997 are cited by their docket number, without "No.", and pinned
# by paragraph in parentheses: '95-KA-01234-SCT (¶ 1) (Miss. 1997)' (the Indigo Book's examples
# for Mississippi, c503 and c504). The number's case type and court ('-SCT', '-COA') tell the
# form apart from any other court's docket.
_MISSISSIPPI = re.compile(r"\d{2,4}-[A-Z]{2}-\d{5}-(?:SCT|COA)")


# An agency's docket number of the year, its series' letters and a number ('97-OFC-16',
# '2013-CFPB-0013'): a designation that says its own series, printed as the agency writes it,
# without 'No.', and after the agency's name though the letters repeat it (the book's c243, c264).
_DESIGNATION = re.compile(r"\d{2,4}-[A-Z]{2,}-\d+")


def public_docket(docket: str) -> bool:
    """Whether a docket number is a state's public-domain designation, printed as it is."""
    return _MISSISSIPPI.fullmatch(docket) is not None


# The publishers of looseleaf services (the Indigo Book's services table, Bluebook T15), whose
# abbreviation a service's cite gives before the service's name ('24 BNA OSHC 1817').
_PUBLISHERS = re.compile(r"(?:[\d-]+ )?(?:CCH|BNA|P-H|LRP|RIA|MB|Pike & Fischer) \S")


def is_service(cited: str | None) -> bool:
    """Whether a cite is a looseleaf service's, named with its publisher ('CCH OSHD ¶ 33123')."""
    return cited is not None and _PUBLISHERS.match(cited) is not None


def _by_page(cited: str) -> bool:
    """Whether a cite is a reporter's volume and page, which a year dates; a service's paragraph
    ('93-1 BCA ¶ 25,508') and a database's number take the exact date (Bluebook R19.1)."""
    words = cited.split()
    return "¶" not in cited and not is_database_cite(cited) and bool(words) and words[-1].isdigit()


def _names(agency: str, *texts: str | None) -> bool:
    """Whether one of the texts names the agency already: 'FAA Order No. 2006-1' names 'F.A.A.',
    and the reporter 'Comp. Gen.' the Comptroller General (R14.3: no agency a cite shows)."""
    wanted = agency.replace(".", "").strip()
    pattern = rf"(?<!\w){re.escape(wanted)}(?!\w)"
    return any(re.search(pattern, text.replace(".", "")) for text in texts if text)


@functools.lru_cache(maxsize=4096)  # one case's docket, cited again and again
def docket_label(docket: str, *, agency: bool) -> str:
    """The label before a docket number, the same in every form of a citation: 'No. ', or 'Nos. '
    before several, which a record holds separated by ', ' ('13-68-SF, 13-69-SF', 'CV-91-1,
    CV-91-2': Bluebook R10.8.1); none before a state's public-domain designation
    ('95-KA-01234-SCT'), a number that says its own label ('FAA Order No. 2006-1', 'GN Docket
    No. 14-28'), or an agency's number that opens with its series' letters ('B-405692',
    'SIZ-5707') or holds them between its year and number ('2013-CFPB-0013'), printed as the
    agency writes it (R14.3)."""
    if public_docket(docket) or re.search(r"\bNos?\.", docket):
        return ""
    if agency and (not docket[:1].isdigit() or _DESIGNATION.fullmatch(docket)):
        return ""
    return "Nos. " if len(docket.split(", ")) > 1 else "No. "


def _docket_field(case: Case, chosen: Decision | None) -> tuple[Case | Decision, str]:
    """Where a decision's docket number is read: its own, else its case's."""
    return (chosen, "docket_number") if chosen is not None and chosen.docket_number else (case, "docket_number")


def agency_short(case: Case, chosen: Decision | None, ctx: Context, pin: str | None) -> list[Part]:
    """An agency decision's short form after its name: a reporter's cite, '1981-2 C.B. at 13' of a
    reporter's page, as a court's reporter is (R11.3), whose volume reporters-db cannot read;
    '93-1 BCA ¶ 25,508, at 2' within a service's paragraph or a database's document; an unreported
    one by its docket, labelled as in the full form ('FAA Order No. 2006-1', 'SIZ-5707'), or by
    its own pages ('slip op. at 3'), as a court's is."""
    cited = reported_as(chosen) if chosen is not None else None
    if cited and chosen is not None:
        if not pin:
            return ctx.value(cited, (chosen, "cites"))
        if _by_page(cited):
            return [*ctx.value(cited.rsplit(" ", 1)[0], (chosen, "cites")), r(f" at {pin}")]
        return [*ctx.value(cited, (chosen, "cites")), r(at_pin(pin))]
    if chosen is None and pin:
        raise UsageError("a pin cite of a case needs a decision: pass decision=")
    if pin:  # its own pages, as a court's unreported decision is pinned (R11.3)
        return [r(f"slip op. at {pin}")]
    field = _docket_field(case, chosen)
    docket = field[0].docket_number
    if docket is None:
        return []  # a ruling known by its name alone ('Rev. Rul. 81-225')
    return [r(docket_label(docket, agency=True)), *ctx.value(docket, field)]


def _when(chosen: Decision, cited: str | None) -> str:
    """The date a decision's parenthetical gives: the year beside a reporter's page, else the day;
    none when the volume is the year's ('1981-2 C.B. 12': the date is not repeated), or when no
    source dates the decision ('93-1 BCA ¶ 25,508': nothing invented)."""
    if chosen.date is None:
        return ""
    when = year(chosen.date) if cited and _by_page(cited) else format_date(chosen.date)
    return "" if cited and when == year(chosen.date) and cited.startswith(when) else when


def agency_parts(case: Case, court: Court, chosen: Decision | None, ctx: Context, pin: str | None) -> list[Part]:
    """What follows an agency decision's name, from its first comma: ', 11 E.A.D. 622, 623 (EAB 2004)'.

    A reported decision names its agency in the parenthetical beside the date, as a court is
    named (the book's c266, c275, c290); an unreported one, or one without a date, is known by
    the agency's own docket, the agency before the number ('ASBCA No. 43466', 'EEOC DOC
    0520070154': c238, c239, c276), set off by a comma when it is a name of words ('U.S. Dep't
    of Educ., No. 13-68-SF': c258). An agency the item does not name is not printed: the
    jurisdiction ('US') is a place, not who decided."""
    if chosen is None and pin:
        raise UsageError("a pin cite of a case needs a decision: pass decision=")
    docket_field = _docket_field(case, chosen)
    docket = docket_field[0].docket_number
    title = chosen.title if chosen is not None else None
    cited = reported_as(chosen) if chosen is not None else None
    agency = court.citation or court.name
    agency_field = (court, "citation" if court.citation else "name")
    series = docket if docket and not _DESIGNATION.fullmatch(docket) else None  # a designation is no label
    if agency and _names(agency, series, title, cited):
        agency = None
    when = _when(chosen, cited) if chosen is not None else ""
    # A database's cite ('2010 WL 4472794') is no reporter: the decision is still known by its docket.
    reported = bool(cited) and not is_database_cite(cited or "")
    beside = (bool(agency) and reported and bool(when)) or not (docket or title)
    # A service's cite comes first and the docket goes in the parenthetical, before the date
    # ('CCH OSHD ¶ 33123 (No. 10-2035, 2011)': the Indigo Book's services, c295, Bluebook R19).
    service = is_service(cited)
    numbered = [r(docket_label(docket, agency=True)), *ctx.value(docket, docket_field)] if docket else []
    pieces: list[list[Part]] = []
    if docket and not service:
        pieces.append(numbered)
    if title and chosen is not None:
        pieces.append(ctx.value(title, (chosen, "title")))
    if agency and not beside and pieces:
        lead = ctx.value(agency, (case, "court"), agency_field)
        if " " in agency:
            pieces.insert(0, lead)
        else:
            pieces[0] = [*lead, r(" "), *pieces[0]]
    if cited and chosen is not None:
        # A page after the first page (', 623'); within a service's paragraph or a database's
        # document after 'at' (', at 3'), as R19 and R11.3 pin them.
        pin_text = at_pin(pin, after=", " if _by_page(cited) else ", at ")
        pieces.append([*ctx.value(cited, (chosen, "cites")), r(pin_text)])
    elif pin and pieces:
        pieces[-1] = [*pieces[-1], r(f", slip op. at {pin}")]  # an unreported decision: its own pages
    elif pin:
        pieces.append([r(f"slip op. at {pin}")])
    parts = [part for piece in pieces for part in [r(", "), *piece]]
    inside: list[Part] = []
    if agency and (beside or service):
        inside += ctx.value(agency, (case, "court"), agency_field)
    if service and numbered:  # the docket after the agency as in front: 'OSHRC No. 1', "Dep't of Labor, No. 1"
        inside += [r(", " if " " in (agency or "") else " ")] if inside else []
        inside += numbered
    if when and chosen is not None:
        inside += [r(", " if service and numbered else " ")] if inside else []
        inside += ctx.value(when, (chosen, "date"))
    if inside:
        parts += [r(" ("), *inside, r(")")]
    return parts
