"""Case names in citation sentences abbreviated by the Indigo Book's Table T11 (R11.3), in a
textual sentence by R11.4's eight words only. Each row names the T11 entry it shows; names are
made up, or the Indigo Book's own examples (cite_id or rule given)."""

from __future__ import annotations

import pytest

import evidence as ev

TAIL = ", No. 5:20-cv-1 (N.D. Cal. filed May 4, 2020)."


def cited(name: str, *, textual: bool = False) -> str:
    records = ev.RecordSet(
        [
            ev.Case(
                id="case",
                name=name,
                court="cand",
                docket_number="5:20-cv-1",
                filed="2020-05-04",
                confidence="confirmed",
            )
        ]
    )
    return ev.cite(records["case"], records=records, textual=textual)


ROWS = [
    ("R11.3 the book's example: T11 Continental → Cont'l, Company → Co., Eastern → E.",
     "Continental Paper Bag Company v. Eastern Paper Bag Company", "Cont'l Paper Bag Co. v. E. Paper Bag Co."),
    ("T11 Entertainment → Entm't, Merchant → Merch. plural, Association → Ass'n (c068)",
     "Brown v. Entertainment Merchants Association", "Brown v. Entm't Merchs. Ass'n"),
    ("T11 Intelligence → Intel. (a row the old table lacked)",
     "Doe v. Acme Intelligence Corporation", "Doe v. Acme Intel. Corp."),
    ("T11 Laboratory → Lab. (the old table's Lab'y)",
     "Roe v. Widget Laboratory, Incorporated", "Roe v. Widget Lab., Inc."),
    ("T11 plural rule: Department → Dep't, Departments → Dep'ts; Company → Co., Companies → Cos.",
     "Roe v. Widget Companies Departments", "Roe v. Widget Cos. Dep'ts"),
    ("T11 a plural the table lists: Systems → Sys.",
     "Roe v. Widget Systems, Limited", "Roe v. Widget Sys., Ltd."),
    ("T11 a phrase: Supreme Court → Sup. Ct.",
     "Doe v. Supreme Court of Widgetland", "Doe v. Sup. Ct. of Widgetland"),
    ("T11 Law kept as a name's first word, Office → Off. plural",
     "Law Offices of Roe v. Doe", "Law Offs. of Roe v. Doe"),
    ("T11 United States → U.S. inside a party; R11.5.7 the party United States whole",
     "United States v. United States Widget Corporation", "United States v. U.S. Widget Corp."),
    ("T11 a party of one word abbreviated too: Commissioner → Comm'r",
     "Roe v. Commissioner", "Roe v. Comm'r"),
    ("the District of Columbia kept whole as a place, not T11's District → Dist.",
     "District of Columbia v. Roe", "District of Columbia v. Roe"),
    ("R11.5.7 United States of America as a party: United States",
     "United States of America v. Widget Corporation", "United States v. Widget Corp."),
    ("T11 Law kept as the first word of the second party too",
     "Roe v. Law Society of Widgetland", "Roe v. Law Soc'y of Widgetland"),
    ("R11.5.4 a state's compass word kept (the book's South Dakota v. Fifteen Impounded Cats)",
     "South Dakota v. Fifteen Impounded Cats", "South Dakota v. Fifteen Impounded Cats"),
]  # fmt: skip


TEXTUAL = [
    ("R11.4 the book's example: Texas Department of Community Affairs kept whole",
     "Texas Department of Community Affairs v. Burdine", "Texas Department of Community Affairs v. Burdine"),
    ("R11.4 the book's example: Corporation → Corp. only",
     "McDonnell Douglas Corporation v. Green", "McDonnell Douglas Corp. v. Green"),
    ("R11.4 Intelligence, a T11 word, kept whole in a textual sentence",
     "Doe v. Acme Intelligence Corporation", "Doe v. Acme Intelligence Corp."),
]  # fmt: skip


@pytest.mark.parametrize(
    ("name", "expected", "textual"),
    [(*row[1:], False) for row in ROWS] + [(*row[1:], True) for row in TEXTUAL],
    ids=[row[0] for row in ROWS + TEXTUAL],
)
def test_case_name_words(name: str, expected: str, textual: bool) -> None:
    """T11 in a citation sentence; R11.4 in a textual one, with no stop of its own."""
    assert cited(name, textual=textual) == expected + (TAIL.rstrip(".") if textual else TAIL)
