"""One docket's CourtListener REST API v4 responses read: told apart (`courtlistener_responses`),
the docket brought to juriscraper's shape (`courtlistener_docket`), its opinion clusters made
decisions (`courtlistener_decisions`), and the Source of the docket's response, which every
imported value names."""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

import attrs

from evidence._errors import LoadError, UsageError
from evidence._import.courtlistener_decisions import decision_records, source_id
from evidence._import.courtlistener_docket import DERIVED_FIELDS, docket_data, entry_extras
from evidence._import.courtlistener_responses import (
    CourtListenerResponse,
    Gathered,
    case_id,
    gather,
    object_id,
    problem,
    responses_of,
    site_of,
)
from evidence._import.fields import Refused, build
from evidence._model import Record, Source, parse_date


def source_record(gathered: Gathered, case: str, retrieved: str | None) -> Source:
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
        "id": source_id(case),
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
    if retrieved is not None:
        try:
            parse_date(retrieved)
        except ValueError as error:
            raise UsageError(f"retrieved= {retrieved!r} is not a date: {error}") from None
    responses = responses_of(sources)
    gathered = gather(responses)
    assert gathered.docket is not None
    assert gathered.docket_response is not None
    docket = docket_data(gathered)
    court, number = docket.get("court_id"), docket.get("docket_number")
    if not court or not number:
        missing = "court_id" if not court else "docket_number"
        raise LoadError([problem(gathered.docket_response.name, f"$.{missing}", f"the docket has no {missing}")])
    case = case_id(str(court), str(number))
    try:
        source = source_record(gathered, case, retrieved)
    except Refused as reason:
        raise LoadError([problem(gathered.docket_response.name, "$", f"its source record: {reason}")]) from None
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
