"""CourtListener REST API v4 responses of one docket read: each response told apart by its shape,
the docket turned into juriscraper's `DocketReport.data` shape (so that one mapping of a docket
makes the records, whichever service the docket came from), and opinion clusters into decisions.

The field names are those of CourtListener's v4 help pages ("PACER Data APIs": dockets, docket
entries with their nested `recap_documents`, parties with `party_types` and `attorneys`,
attorneys with `parties_represented`; "Case Law APIs": clusters with `citations`, `judges`,
`sub_opinions`, opinions with `download_url` and `type`), checked against its serializers and
models (freelawproject/courtlistener: `cl/search/api_serializers.py`, `cl/search/models.py`:
`DocketEntry`, `RECAPDocument`, `OpinionCluster`; `cl/people_db/models.py`: `Role`).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

import attrs

from evidence._errors import LoadError, Problem, UsageError
from evidence._import.fields import Refused, build
from evidence._model import Actor, Decision, Record, Source

Data = Mapping[str, Any]

SITE = "https://www.courtlistener.com"


@attrs.frozen(kw_only=True)
class CourtListenerResponse:
    """One response of CourtListener's API: its bytes as received or saved, where they came from
    (`name`, a file or the URL, is what a problem names), the URL asked and when (live only)."""

    name: str
    body: bytes = attrs.field(repr=False)
    url: str | None = None
    retrieved: str | None = None  # ISO 8601, UTC, when fetched live

    @property
    def digest(self) -> str:
        return f"sha256:{hashlib.sha256(self.body).hexdigest()}"


# What each kind of object has that the others lack (its serializer's fields).
_KINDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("entry", ("recap_documents", "entry_number")),
    ("party", ("party_types",)),
    ("attorney", ("parties_represented",)),
    ("cluster", ("sub_opinions",)),
    ("opinion", ("cluster_id",)),
    ("opinion", ("cluster", "download_url")),
    ("docket", ("docket_number", "court_id")),
)
_NAMES = {
    "entry": "docket entries",
    "party": "parties",
    "attorney": "attorneys",
    "cluster": "opinion clusters",
    "opinion": "opinions",
    "docket": "dockets",
}


def kind_of(item: Any) -> str | None:
    """Which object of the API an item is, by the fields only that kind has."""
    if not isinstance(item, Mapping):
        return None
    for kind, keys in _KINDS:
        if all(key in item for key in keys):
            return kind
    return None


@attrs.define
class Gathered:
    """The objects of one docket's responses, each with the response and the JSON path it was
    read at; the docket's own response apart, as the provenance of the rest."""

    docket: Data | None = None
    docket_response: CourtListenerResponse | None = None
    objects: dict[str, list[tuple[CourtListenerResponse, str, Data]]] = attrs.Factory(
        lambda: {kind: [] for kind in _NAMES}
    )
    responses: list[CourtListenerResponse] = attrs.Factory(list)


def responses_of(sources: Iterable[str | os.PathLike[str] | CourtListenerResponse]) -> list[CourtListenerResponse]:
    """Saved files (or responses already fetched) as responses; a file that cannot be read is a
    usage error naming it."""
    found = []
    for source in sources:
        if isinstance(source, CourtListenerResponse):
            found.append(source)
            continue
        path = Path(source)
        try:
            found.append(CourtListenerResponse(name=str(path), body=path.read_bytes()))
        except OSError as error:
            raise UsageError(f"cannot read {path}: {error.strerror or error}") from None
    if not found:
        raise UsageError("name at least one saved CourtListener response (or a docket id with --docket)")
    return found


def gather(responses: Sequence[CourtListenerResponse]) -> Gathered:
    """Every object the responses hold, sorted by kind; what is not a v4 response of one docket
    is a `LoadError` naming each file and the item in it."""
    gathered = Gathered(responses=list(responses))
    problems: list[Problem] = []
    for response in responses:
        data = _parse(response, problems)
        if data is None:
            continue
        if isinstance(data, Mapping) and isinstance(data.get("results"), list):
            for index, item in enumerate(data["results"]):
                kind = kind_of(item)
                if kind is None:
                    problems.append(_problem(response.name, f"$.results[{index}]", _UNKNOWN_ITEM))
                else:
                    _add(gathered, kind, response, f"$.results[{index}]", item, problems)
            continue
        kind = kind_of(data)
        if kind is None:
            problems.append(_problem(response.name, "$", _UNKNOWN))
        elif kind == "docket":
            if _misshapen(kind, data, response.name, "$", problems):
                continue
            assert isinstance(data, Mapping)
            if gathered.docket is not None and object_id(gathered.docket) != object_id(data):
                first = gathered.docket_response.name if gathered.docket_response else "?"
                message = (
                    f"a second docket ({object_id(data)}; {first} holds docket {object_id(gathered.docket)}):"
                    " import one docket's responses at a time"
                )
                problems.append(_problem(response.name, "$", message))
            elif gathered.docket is None:
                gathered.docket, gathered.docket_response = data, response
        else:
            _add(gathered, kind, response, "$", data, problems)
    if not problems and gathered.docket is None:
        names = ", ".join(r.name for r in responses)
        problems.append(
            _problem(names, "", "no docket among these responses: save the docket's own (/api/rest/v4/dockets/ID/) too")
        )
    if gathered.docket is not None:
        problems += _foreign(gathered)
    if problems:
        raise LoadError(problems)
    return gathered


def _add(
    gathered: Gathered, kind: str, response: CourtListenerResponse, where: str, item: Data, problems: list[Problem]
) -> None:
    if not _misshapen(kind, item, response.name, where, problems):
        gathered.objects[kind].append((response, where, item))


# The fields the mapping reads, by kind, and what each may hold (None always may): a value of
# another type is refused with its place named, rather than guessed at.
_INT: tuple[type, ...] = (int,)
_TEXT: tuple[type, ...] = (str,)
_LIST: tuple[type, ...] = (list,)
_OBJECT: tuple[type, ...] = (dict,)
_SHAPES: dict[str, dict[str, tuple[type, ...]]] = {
    "docket": {
        "id": _INT, "docket_number": _TEXT, "court_id": _TEXT, "case_name": _TEXT, "date_filed": _TEXT,
        "date_terminated": _TEXT, "assigned_to_str": _TEXT, "referred_to_str": _TEXT, "cause": _TEXT,
        "nature_of_suit": _TEXT, "jury_demand": _TEXT, "original_court_info": _OBJECT, "absolute_url": _TEXT,
    },
    "entry": {
        "id": _INT, "entry_number": _INT, "date_filed": _TEXT, "description": _TEXT, "recap_documents": _LIST,
        "recap_sequence_number": _TEXT, "pacer_sequence_number": _INT,
    },
    "document": {
        "document_type": _INT, "document_number": _TEXT, "attachment_number": _INT, "page_count": _INT,
        "pacer_doc_id": _TEXT, "description": _TEXT, "absolute_url": _TEXT,
    },
    "party": {"id": _INT, "name": _TEXT, "party_types": _LIST, "attorneys": _LIST},
    "attorney": {"id": _INT, "name": _TEXT, "contact_raw": _TEXT, "parties_represented": _LIST},
    "cluster": {"id": _INT, "date_filed": _TEXT, "citations": _LIST, "judges": _TEXT, "absolute_url": _TEXT},
    "opinion": {"id": _INT, "cluster_id": _INT, "download_url": _TEXT, "absolute_url": _TEXT, "author_str": _TEXT},
}  # fmt: skip
_NESTED_LISTS = {"party": ("party_types", "attorneys"), "attorney": ("parties_represented",), "cluster": ("citations",)}


def _misshapen(kind: str, item: Data, name: str, where: str, problems: list[Problem]) -> bool:
    """Whether an object's fields hold values of other types than the API's (each told)."""
    found = _type_problems(kind, item, name, where)
    if kind == "entry" and isinstance(item.get("recap_documents"), list):
        for index, document in enumerate(item["recap_documents"]):
            if not isinstance(document, Mapping):
                found.append(_problem(name, f"{where}.recap_documents[{index}]", "an object is expected"))
            else:
                found += _type_problems("document", document, name, f"{where}.recap_documents[{index}]")
    for key in _NESTED_LISTS.get(kind, ()):
        nested_list = item.get(key)
        for index, nested in enumerate(nested_list if isinstance(nested_list, list) else ()):
            if not isinstance(nested, Mapping):
                found.append(_problem(name, f"{where}.{key}[{index}]", "an object is expected"))
    problems += found
    return bool(found)


def _type_problems(kind: str, item: Data, name: str, where: str) -> list[Problem]:
    found = []
    for key, types in _SHAPES[kind].items():
        value = item.get(key)
        if value is not None and (not isinstance(value, types) or isinstance(value, bool)):
            expected = {_INT: "a number", _TEXT: "text", _LIST: "a list", _OBJECT: "an object"}[types]
            found.append(_problem(name, f"{where}.{key}", f"{expected} is expected, not {json.dumps(value)[:40]}"))
    return found


_UNKNOWN = (
    "not a CourtListener v4 response: a docket, a cluster or an opinion, or a page ('results') of docket"
    " entries, parties, attorneys, clusters or opinions is expected"
)
_UNKNOWN_ITEM = "not a docket entry, party, attorney, cluster or opinion of CourtListener's v4 API"


def _parse(response: CourtListenerResponse, problems: list[Problem]) -> Any:
    try:
        return json.loads(response.body)
    except (ValueError, RecursionError) as error:
        line, column = getattr(error, "lineno", None), getattr(error, "colno", None)
        message = f"not JSON: {getattr(error, 'msg', None) or error}"
        problems.append(Problem(file=response.name, line=line, column=column, path="", message=message, code="S001"))
        return None


def _foreign(gathered: Gathered) -> list[Problem]:
    """Entries, parties' roles and clusters of another docket than the one read: refused, since
    their records would be filed in the wrong case."""
    assert gathered.docket is not None
    docket = object_id(gathered.docket)
    problems = []
    for kind in ("entry", "cluster"):
        for response, where, item in gathered.objects[kind]:
            other = object_id(item.get("docket_id", item.get("docket")))
            if other is not None and other != docket:
                named = "docket entry" if kind == "entry" else "opinion cluster"
                message = f"{named} {object_id(item)} belongs to docket {other}, not {docket}"
                problems.append(_problem(response.name, where, message))
    return problems


def slug(text: str) -> str:
    """The id scheme's slug, shared with the PACER import: lowercase, runs of other characters
    as '-' ('3:24-cv-01234' → '3-24-cv-01234', 'Jane Q. Jurist' → 'jane-q-jurist')."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def case_id(court: str, docket_number: str) -> str:
    """A case's id: `<court>-<docket number slug>`."""
    return f"{slug(court)}-{slug(docket_number)}"


def object_id(value: Any) -> int | None:
    """An object's id: its `id`, or the number ending the URL that names it."""
    if isinstance(value, Mapping):
        value = value.get("id", value.get("resource_uri"))
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str):
        match = re.search(r"(\d+)/?$", value.split("?")[0])
        return int(match[1]) if match else None
    return None


def _problem(name: str, where: str, message: str) -> Problem:
    return Problem(file=name, line=None, column=None, path=where, message=message, code="S001")


# -- the docket in juriscraper's shape ---------------------------------------------------------

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

# CourtListener's attorney roles (`cl/people_db/models.py`, `Role.ATTORNEY_ROLES`) as PACER prints
# them on a docket, which is what juriscraper keeps; 10 is CourtListener's "unknown": no role.
ATTORNEY_ROLES = {
    1: "ATTORNEY TO BE NOTICED",
    2: "LEAD ATTORNEY",
    3: "ATTORNEY IN SEALED GROUP",
    4: "PRO HAC VICE",
    5: "SELF-TERMINATED",
    6: "TERMINATED",
    7: "SUSPENDED",
    8: "INACTIVE",
    9: "DISBARRED",
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


# -- decisions ---------------------------------------------------------------------------------


def decision_records(gathered: Gathered, case_id: str) -> list[Record]:
    """A decision for each opinion cluster of the docket, and an actor for each judge named;
    CourtListener's case law is its own compilation (court sites, reporters), not the court's
    docket, so every value is `likely`."""
    opinions: dict[Any, list[Data]] = {}
    for _, _, opinion in gathered.objects["opinion"]:
        cluster = opinion.get("cluster_id", object_id(opinion.get("cluster")))
        opinions.setdefault(cluster, []).append(opinion)
    clusters: dict[Any, tuple[CourtListenerResponse, str, Data]] = {}
    for found in gathered.objects["cluster"]:
        clusters.setdefault(object_id(found[2]), found)
    made: dict[str, Record] = {}
    problems = []
    dates: dict[str, int] = {}
    by_date = sorted(clusters.items(), key=lambda c: str(c[1][2].get("date_filed")))
    for cluster_id, (response, where, cluster) in by_date:
        date = cluster.get("date_filed")
        if not date:
            problems.append(_problem(response.name, where, f"opinion cluster {cluster_id} has no date_filed"))
            continue
        dates[date] = dates.get(date, 0) + 1
        decision_id = f"{case_id}.decision-{date}" + (f"-{dates[date]}" if dates[date] > 1 else "")
        judges = _judges(cluster, opinions.get(cluster_id, []))
        for name in judges:
            actor = slug(name)
            judge = {"id": actor, "name": name, "kind": "person", "confidence": "likely"}
            made.setdefault(actor, build(Actor, {**judge, "links": _derived_from(case_id)}))
        data: dict[str, Any] = {
            "id": decision_id,
            "case": case_id,
            "date": date,
            "cites": [_cite(c) for c in cluster.get("citations") or () if _cite(c)],
            "judges": [slug(name) for name in judges],
            "url": _decision_url(cluster, opinions.get(cluster_id, []), response),
            "notes": f"CourtListener opinion cluster {cluster_id}.",
            "confidence": "likely",
            "links": _derived_from(case_id),
        }
        try:
            made[decision_id] = build(Decision, data)
        except Refused as reason:
            problems.append(_problem(response.name, where, f"opinion cluster {cluster_id}: {reason}"))
    if problems:
        raise LoadError(problems)
    return list(made.values())


def source_id(case: str) -> str:
    """The id of the Source of a case's docket response (the PACER import's, for its report)."""
    return f"{case}.docket"


def _derived_from(case: str) -> list[dict[str, Any]]:
    return [{"rel": "derived_from", "target": source_id(case), "confidence": "confirmed"}]


def _cite(citation: Any) -> str | None:
    """'999 F. Supp. 3d 101' from a cluster's citation (volume, reporter, page)."""
    if not isinstance(citation, Mapping):
        return None
    parts = [str(citation.get(key) or "").strip() for key in ("volume", "reporter", "page")]
    return " ".join(parts) if all(parts) else None


def _judges(cluster: Data, opinions: Sequence[Data]) -> list[str]:
    """The judges a cluster names in its free-text `judges` ('Smith, Jones and Roe'), else the
    authors of its opinions; each name once."""
    text = str(cluster.get("judges") or "")
    if text.strip():
        names = re.split(r"\s*(?:,|;|\band\b|&)\s*", text)
    else:
        names = [str(o.get("author_str") or "") for o in opinions]
    found: list[str] = []
    for name in (n.strip() for n in names):
        if name and slug(name) not in {slug(f) for f in found}:
            found.append(name)
    return found


def _decision_url(cluster: Data, opinions: Sequence[Data], response: CourtListenerResponse) -> str | None:
    """Where to read it: the court's copy an opinion was taken from (`download_url`), first
    opinion by CourtListener's order of types (combined, lead, ...), else its page on CourtListener."""
    ordered = sorted(opinions, key=lambda o: str(o.get("type") or ""))
    for opinion in ordered:
        if opinion.get("download_url"):
            return str(opinion["download_url"])
    page = next((o.get("absolute_url") for o in ordered if o.get("absolute_url")), cluster.get("absolute_url"))
    return urljoin(site_of(cluster.get("resource_uri") or response.url), str(page)) if page else None


def site_of(url: Any) -> str:
    """The site an API URL belongs to ('https://www.courtlistener.com'), for its relative links."""
    if isinstance(url, str) and url.startswith(("http://", "https://")):
        parts = urlsplit(url)
        return f"{parts.scheme}://{parts.netloc}"
    return SITE


# -- the docket's source -----------------------------------------------------------------------


def source_record(gathered: Gathered, case_id: str, retrieved: str | None) -> Source:
    """The Source every imported value names: the docket's response (its API URL, when it was
    retrieved, its digest); the other responses read are listed in its notes with theirs."""
    assert gathered.docket is not None
    assert gathered.docket_response is not None
    response = gathered.docket_response
    url = response.url or gathered.docket.get("resource_uri")
    others = [r for r in gathered.responses if r is not response]
    notes = f"CourtListener REST API v4 responses of docket {object_id(gathered.docket)}"
    if others:
        notes += "; also read: " + "; ".join(f"{r.url or Path(r.name).name} ({r.digest})" for r in others)
    data = {
        "id": source_id(case_id),
        "kind": "dataset",
        "publication": "CourtListener",
        "url": url,
        "retrieved": response.retrieved or retrieved,
        "digest": response.digest,
        "notes": notes + ".",
        "confidence": "confirmed",
    }
    record = build(Source, data)
    assert isinstance(record, Source)
    return record


# -- one docket read ---------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class CourtListenerDocket:
    """One docket's CourtListener responses, read.

    `docket` is the docket in juriscraper's `DocketReport.data` shape; `case_id` the id its case
    takes; `source` the Source of the docket's response; `decisions` the decisions its opinion
    clusters make, with actors for their judges; `derived` the case's fields CourtListener
    derives rather than copies (marked `likely`); `identifiers` and `url` the case's CourtListener
    id and page; `entries`, for each of `docket["docket_entries"]` in order, its CourtListener id
    (`identifiers`), the page of its main document (`url`) and of each attachment by number
    (`attachments`); `name` the docket's response as a problem names it (its file, or its URL)."""

    docket: Mapping[str, Any]
    case_id: str
    source: Source
    decisions: tuple[Record, ...]
    derived: tuple[str, ...] = DERIVED_FIELDS
    identifiers: Mapping[str, str] = attrs.Factory(dict)
    url: str | None = None
    entries: tuple[Mapping[str, Any], ...] = ()
    name: str = ""


def read_courtlistener(
    sources: Iterable[str | os.PathLike[str] | CourtListenerResponse], *, retrieved: str | None = None
) -> CourtListenerDocket:
    """Saved CourtListener v4 responses of one docket (files, or responses fetched), each told
    apart by its shape, read into a `CourtListenerDocket`; `retrieved` dates saved files (fetched
    responses carry their own time). What cannot be read is a `LoadError` naming each file."""
    responses = responses_of(sources)
    gathered = gather(responses)
    assert gathered.docket is not None
    assert gathered.docket_response is not None
    docket = docket_data(gathered)
    court, number = docket.get("court_id"), docket.get("docket_number")
    if not court or not number:
        missing = "court_id" if not court else "docket_number"
        raise LoadError([_problem(gathered.docket_response.name, f"$.{missing}", f"the docket has no {missing}")])
    case = case_id(str(court), str(number))
    try:
        source = source_record(gathered, case, retrieved)
    except Refused as reason:
        raise LoadError([_problem(gathered.docket_response.name, "$", f"its source record: {reason}")]) from None
    page = gathered.docket.get("absolute_url")
    return CourtListenerDocket(
        docket=docket,
        case_id=case,
        source=source,
        decisions=tuple(decision_records(gathered, case)),
        identifiers={"courtlistener": str(object_id(gathered.docket))} if object_id(gathered.docket) else {},
        url=urljoin(site_of(gathered.docket.get("resource_uri")), str(page)) if page else None,
        entries=tuple(entry_extras(gathered)),
        name=gathered.docket_response.name,
    )
