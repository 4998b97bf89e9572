"""CourtListener REST API v4 responses of one docket, told apart: each response (a saved file,
or one fetched) parsed, each object in it sorted by kind by the fields only that kind has, the
fields the mapping reads checked for their types, and what is not one docket's refused.

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
from urllib.parse import urlsplit

import attrs

from evidence._errors import LoadError, Problem, UsageError
from evidence._io import read_regular

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
            found.append(CourtListenerResponse(name=str(path), body=read_regular(path)))
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
                    problems.append(problem(response.name, f"$.results[{index}]", _UNKNOWN_ITEM))
                else:
                    _add(gathered, kind, response, f"$.results[{index}]", item, problems)
            continue
        kind = kind_of(data)
        if kind is None:
            problems.append(problem(response.name, "$", _UNKNOWN))
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
                problems.append(problem(response.name, "$", message))
            elif gathered.docket is None:
                gathered.docket, gathered.docket_response = data, response
        else:
            _add(gathered, kind, response, "$", data, problems)
    if not problems and gathered.docket is None:
        names = ", ".join(r.name for r in responses)
        problems.append(
            problem(names, "", "no docket among these responses: save the docket's own (/api/rest/v4/dockets/ID/) too")
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
        "case_name_full": _TEXT,
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
                found.append(problem(name, f"{where}.recap_documents[{index}]", "an object is expected"))
            else:
                found += _type_problems("document", document, name, f"{where}.recap_documents[{index}]")
    for key in _NESTED_LISTS.get(kind, ()):
        nested_list = item.get(key)
        for index, nested in enumerate(nested_list if isinstance(nested_list, list) else ()):
            if not isinstance(nested, Mapping):
                found.append(problem(name, f"{where}.{key}[{index}]", "an object is expected"))
    problems += found
    return bool(found)


def _type_problems(kind: str, item: Data, name: str, where: str) -> list[Problem]:
    found = []
    for key, types in _SHAPES[kind].items():
        value = item.get(key)
        if value is not None and (not isinstance(value, types) or isinstance(value, bool)):
            expected = {_INT: "a number", _TEXT: "text", _LIST: "a list", _OBJECT: "an object"}[types]
            found.append(problem(name, f"{where}.{key}", f"{expected} is expected, not {json.dumps(value)[:40]}"))
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
                problems.append(problem(response.name, where, message))
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


def problem(name: str, where: str, message: str) -> Problem:
    return Problem(file=name, line=None, column=None, path=where, message=message, code="S001")


def site_of(url: Any) -> str:
    """The site an API URL belongs to ('https://www.courtlistener.com'), for its relative links."""
    if isinstance(url, str) and url.startswith(("http://", "https://")):
        parts = urlsplit(url)
        return f"{parts.scheme}://{parts.netloc}"
    return SITE
