"""A CourtListener docket in juriscraper's `DocketReport.data` shape (the shape the PACER
import's mapping reads, so that one mapping makes a docket's records whichever service it came
from): its fields by juriscraper's names, its parties with their attorneys and roles, its
entries in the docket's order with their attachments nested, an appellate docket's parts; and
what CourtListener adds to each entry (its id, its pages)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any
from urllib.parse import urljoin, urlsplit

from evidence._import.courtlistener_responses import Data, Gathered, object_id, site_of

# The docket's fields juriscraper's `DocketReport.data` has, by their CourtListener names.
_DOCKET_FIELDS = {
    "court_id": "court_id",
    "docket_number": "docket_number",
    "case_name": "case_name",
    "date_filed": "date_filed",
    "date_terminated": "date_terminated",
    "assigned_to_str": "assigned_to_str",
    "referred_to_str": "referred_to_str",
    "cause": "cause",
    "nature_of_suit": "nature_of_suit",
    "jury_demand": "jury_demand",
    "jurisdiction": "jurisdiction_type",
    "mdl_status": "mdl_status",
    "pacer_case_id": "pacer_case_id",
}

# CourtListener's attorney roles (`cl/people_db/models.py`, `Role.ATTORNEY_ROLES`) written as
# PACER prints them, which is what juriscraper keeps: only those whose printed words juriscraper's
# JSON of real dockets shows (tests/data/pacer). The others (3 in a sealed group, 5
# self-terminated, 7 suspended, 8 inactive, 9 disbarred, 10 unknown) are left out rather than
# given words no docket was seen to print.
ATTORNEY_ROLES = {
    1: "ATTORNEY TO BE NOTICED",
    2: "LEAD ATTORNEY",
    4: "PRO HAC VICE",
    6: "TERMINATED",
}

# CourtListener's `document_type` of a RECAP document: the entry's main document, or an attachment.
_MAIN_DOCUMENT, _ATTACHMENT = 1, 2


def docket_data(gathered: Gathered) -> dict[str, Any]:
    """The docket as juriscraper's `DocketReport.data` holds one: its fields, `parties` with their
    `attorneys`, and `docket_entries` in the docket's order, each entry's attachments nested as
    juriscraper nests them. A field CourtListener does not keep (an entry's date entered, the
    demand) is left out, never filled."""
    assert gathered.docket is not None
    docket = gathered.docket
    data: dict[str, Any] = {key: docket.get(name) for key, name in _DOCKET_FIELDS.items() if name in docket}
    if not data.get("case_name") and docket.get("case_name_full"):  # some dockets keep only the full name
        data["case_name"] = docket["case_name_full"]
    if not data.get("court_id"):
        data["court_id"] = _court_of(docket.get("court"))
    if _APPELLATE.fullmatch(str(data.get("court_id") or "")):
        data.update(_appellate(docket))
    data["parties"] = _parties(gathered)
    data["docket_entries"] = [_entry(item) for item in _entries(gathered)]
    return data


def _entries(gathered: Gathered) -> list[Data]:
    """The docket's entries, each once (pages saved twice overlap), in CourtListener's order of
    the docket: `recap_sequence_number`, then `entry_number`."""
    seen: dict[Any, Data] = {}
    for _, _, item in gathered.objects["entry"]:
        seen.setdefault(object_id(item) or id(item), item)

    def order(item: Data) -> tuple[str, bool, int]:
        number = item.get("entry_number")
        return (str(item.get("recap_sequence_number") or ""), number is None, number or 0)

    return sorted(seen.values(), key=order)


# Courts of appeals (and appellate panels), whose dockets juriscraper reads with its appellate
# parser: their entries are numbered by document, and the case they come from is named.
_APPELLATE = re.compile(r"ca\d+|cadc|cafc|cavc|bap\d+")


def _appellate(docket: Data) -> dict[str, Any]:
    """An appellate docket's parts in juriscraper's shape: the panel (CourtListener keeps its
    judges only as links and a free-text `panel_str`, neither read: none is named), and the
    lower court's case from `original_court_info` and the court `appeal_from` names."""
    data: dict[str, Any] = {"panel": []}
    origin = docket.get("original_court_info")
    if isinstance(origin, Mapping):
        data["originating_court_information"] = {
            "court_id": _court_of(docket.get("appeal_from")),
            "docket_number": origin.get("docket_number"),
            "date_filed": origin.get("date_filed"),
            "assigned_to": origin.get("assigned_to_str"),
        }
    return data


def _court_of(url: Any) -> str | None:
    """The court a court URL names ('https://.../api/rest/v4/courts/cand/' → 'cand')."""
    if not isinstance(url, str) or not url.strip():
        return None
    return urlsplit(url).path.rstrip("/").rsplit("/", 1)[-1] or None


def entry_extras(gathered: Gathered) -> list[dict[str, Any]]:
    """What CourtListener adds to each entry of `docket_data`, in the same order: its own id, and
    the pages where its main document and attachments can be read on CourtListener."""
    extras = []
    for item in _entries(gathered):
        site = site_of(item.get("resource_uri"))
        extra: dict[str, Any] = {"identifiers": {"courtlistener": str(object_id(item))} if object_id(item) else {}}
        attachments: dict[int, str] = {}
        for document in item.get("recap_documents") or ():
            page = document.get("absolute_url") if isinstance(document, Mapping) else None
            if not page:
                continue
            if document.get("document_type") == _MAIN_DOCUMENT:
                extra["url"] = urljoin(site, str(page))
            elif document.get("attachment_number") is not None:
                attachments[int(document["attachment_number"])] = urljoin(site, str(page))
        extra["attachments"] = attachments
        extras.append(extra)
    return extras


def _entry(item: Data) -> dict[str, Any]:
    documents = [d for d in item.get("recap_documents") or () if isinstance(d, Mapping)]
    main = next((d for d in documents if d.get("document_type") == _MAIN_DOCUMENT), None)
    attachments = sorted(
        (d for d in documents if d.get("document_type") == _ATTACHMENT and d.get("attachment_number") is not None),
        key=lambda d: int(d["attachment_number"]),
    )
    entry: dict[str, Any] = {
        "document_number": _entry_number(item, main),
        "date_filed": item.get("date_filed"),
        "description": item.get("description") or "",
        "pacer_doc_id": (main or {}).get("pacer_doc_id") or None,
        "pacer_seq_no": None if item.get("pacer_sequence_number") is None else str(item["pacer_sequence_number"]),
    }
    if main is not None and main.get("page_count"):
        entry["page_count"] = main["page_count"]
    if attachments:
        entry["attachments"] = [
            {
                "attachment_number": int(d["attachment_number"]),
                "description": d.get("description") or "",
                "pacer_doc_id": d.get("pacer_doc_id") or None,
                "page_count": d.get("page_count"),
            }
            for d in attachments
        ]
    return entry


def _entry_number(item: Data, main: Data | None) -> str | None:
    """The entry's number as the docket prints it: the main document's `document_number` (a
    string, which keeps an appellate number's leading zeros) when it is the entry's number, else
    `entry_number`; none for a minute entry."""
    number = item.get("entry_number")
    if number is None:
        return None
    printed = str((main or {}).get("document_number") or "")
    return printed if printed.isdigit() and int(printed) == int(number) else str(number)


def _parties(gathered: Gathered) -> list[dict[str, Any]]:
    """Each party once per role it has on this docket (PACER lists a party again under each
    role), with the attorneys who act for it here and their roles."""
    assert gathered.docket is not None
    docket = object_id(gathered.docket)
    attorneys = {object_id(a): a for _, _, a in gathered.objects["attorney"]}
    acting = _representation(gathered, docket)
    seen: set[Any] = set()
    parties = []
    for _, _, party in gathered.objects["party"]:
        key = object_id(party)
        if key in seen:
            continue
        seen.add(key)
        counsel = []
        for attorney_id, roles in acting.get(key, {}).items():
            attorney = attorneys.get(attorney_id)
            if attorney is None or not attorney.get("name"):
                continue  # known only by its id: the attorneys' response names it
            counsel.append({"name": attorney["name"], "contact": attorney.get("contact_raw") or "", "roles": roles})
        types = [t for t in party.get("party_types") or () if _on(t, docket)] or [{}]
        for kind in types:
            parties.append(
                {
                    "name": party.get("name"),
                    "type": kind.get("name"),
                    "date_terminated": kind.get("date_terminated"),
                    "extra_info": kind.get("extra_info") or "",
                    "attorneys": counsel,
                }
            )
    return parties


def _representation(gathered: Gathered, docket: int | None) -> dict[Any, dict[Any, list[str]]]:
    """Who acts for whom on this docket, with the roles, from both sides: a party's `attorneys`
    and an attorney's `parties_represented` (either response may be missing)."""
    found: dict[Any, dict[Any, list[str]]] = {}

    def add(party: Any, attorney: Any, role: Any, when: Any) -> None:
        roles = found.setdefault(party, {}).setdefault(attorney, [])
        printed = ATTORNEY_ROLES.get(role) if isinstance(role, int) else None
        if printed and when and role == 6:
            printed = f"TERMINATED: {_us_date(when)}"
        if printed and printed not in roles:
            roles.append(printed)

    for _, _, party in gathered.objects["party"]:
        for role in party.get("attorneys") or ():
            if isinstance(role, Mapping) and _on(role, docket):
                attorney = role.get("attorney_id", object_id(role.get("attorney")))
                add(object_id(party), attorney, role.get("role"), role.get("date_action"))
    for _, _, attorney in gathered.objects["attorney"]:
        for role in attorney.get("parties_represented") or ():
            if isinstance(role, Mapping) and _on(role, docket):
                add(object_id(role.get("party")), object_id(attorney), role.get("role"), role.get("date_action"))
    return found


def _on(item: Data, docket: int | None) -> bool:
    """Whether a nested role names this docket (CourtListener does not filter nested data)."""
    named = item.get("docket_id", item.get("docket"))
    return named is None or object_id(named) == docket


def _us_date(iso: str) -> str:
    year, month, day = str(iso)[:10].split("-")
    return f"{month}/{day}/{year}"


# The case's fields CourtListener makes of the court's record rather than copies from it: the
# caption is its own case name, cleaned; the nature of suit its words (PACER prints a number too).
DERIVED_FIELDS = ("caption", "nature_of_suit")
