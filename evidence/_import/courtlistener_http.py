"""CourtListener's REST API v4 asked for one docket's responses, with the standard library's
`urllib.request`: the docket, its entries, parties and attorneys, its opinion clusters and their
opinions, every page of each list (v4's cursor pagination: follow `next` until it is null).

The token goes in the `Authorization: Token ...` header and nowhere else: no message, URL or
record holds it. A `next` link that leaves the API's own site is refused rather than followed,
so the token is sent only where it was meant to go. HTTP 429 is waited out as `Retry-After`
says, a few times at most; every other failure is an error naming the docket and the URL.
"""

from __future__ import annotations

import email.utils
import importlib.metadata
import json
import os
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from datetime import UTC, datetime
from urllib.parse import urlencode, urljoin, urlsplit

from evidence._errors import EvidenceError, UsageError
from evidence._import.courtlistener_responses import CourtListenerResponse

API = "https://www.courtlistener.com/api/rest/v4/"
TOKEN_VARIABLE = "COURTLISTENER_TOKEN"
URL_VARIABLE = "COURTLISTENER_API_URL"

# How long a rate limit is waited out, and how often, before the fetch gives up.
RETRIES = 3
LONGEST_WAIT = 120.0
_TIMEOUT = 60.0
_MAX_PAGES = 10_000  # a loop of `next` links ends here rather than never


class FetchError(EvidenceError):
    """CourtListener could not be asked, or answered with an error."""


def fetch_courtlistener(
    docket: int | str,
    *,
    token: str | None = None,
    base_url: str | None = None,
    sleep: Callable[[float], None] = time.sleep,
) -> tuple[CourtListenerResponse, ...]:
    """Every response of one docket, in the order asked: the docket, its entries, parties,
    attorneys, clusters and opinions, each page its own response with its URL and time.

    `token` defaults to `$COURTLISTENER_TOKEN` and `base_url` to `$COURTLISTENER_API_URL`, else
    CourtListener's own v4 API. No token is a `UsageError` saying how to set one; an HTTP error,
    a rate limit that does not lift, or a network failure is a `FetchError` naming the docket and
    the URL."""
    number = str(docket).strip()
    if not number.isdigit():
        raise UsageError(f"a CourtListener docket id is a number (the one in /docket/ID/ of its page), not {docket!r}")
    token = token if token is not None else os.environ.get(TOKEN_VARIABLE, "")
    if not token.strip():
        raise UsageError(
            f"no CourtListener API token: set {TOKEN_VARIABLE} to your CourtListener account's token"
            f" (export {TOKEN_VARIABLE}=...)"
        )
    base = (base_url or os.environ.get(URL_VARIABLE) or API).rstrip("/") + "/"
    client = _Client(token=token.strip(), base=base, docket=number, sleep=sleep)
    responses = [client.get(urljoin(base, f"dockets/{number}/"))]
    for path, query in (
        ("docket-entries/", {"docket": number, "order_by": "recap_sequence_number,entry_number"}),
        ("parties/", {"docket": number, "filter_nested_results": "True"}),
        ("attorneys/", {"docket": number, "filter_nested_results": "True"}),
        ("clusters/", {"docket": number}),
        ("opinions/", {"cluster__docket": number}),
    ):
        responses += client.pages(urljoin(base, path) + "?" + urlencode(query))
    return tuple(responses)


class _Client:
    def __init__(self, *, token: str, base: str, docket: str, sleep: Callable[[float], None]) -> None:
        self.token, self.base, self.docket, self.sleep = token, base, docket, sleep
        site = urlsplit(base)
        self.site = (site.scheme, site.netloc)

    def pages(self, url: str) -> list[CourtListenerResponse]:
        """A list's every page, following `next`."""
        found: list[CourtListenerResponse] = []
        next_url: str | None = url
        while next_url is not None:
            if len(found) >= _MAX_PAGES:
                raise FetchError(f"docket {self.docket}: more than {_MAX_PAGES} pages at {url}; stopped")
            response = self.get(next_url)
            found.append(response)
            next_url = self._next(response)
        return found

    def _next(self, response: CourtListenerResponse) -> str | None:
        try:
            data = json.loads(response.body)
        except ValueError:
            raise FetchError(f"docket {self.docket}: {response.url} did not answer JSON") from None
        link = data.get("next") if isinstance(data, dict) else None
        if link is None:
            return None
        parts = urlsplit(str(link))
        if (parts.scheme, parts.netloc) != self.site:
            raise FetchError(
                f"docket {self.docket}: {response.url} names its next page on another site ({parts.scheme}://"
                f"{parts.netloc}); not followed, so that the token goes only to {self.site[0]}://{self.site[1]}"
            )
        return str(link)

    def get(self, url: str) -> CourtListenerResponse:
        headers = {"Authorization": f"Token {self.token}", "Accept": "application/json", "User-Agent": _agent()}
        request = urllib.request.Request(url, headers=headers)
        for attempt in range(RETRIES + 1):
            retrieved = datetime.now(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")
            try:
                with urllib.request.urlopen(request, timeout=_TIMEOUT) as answer:
                    body = answer.read()
                return CourtListenerResponse(name=url, body=body, url=url, retrieved=retrieved)
            except urllib.error.HTTPError as error:
                if error.code == 429 and attempt < RETRIES:
                    self.sleep(self._wait(error, url))
                    continue
                raise FetchError(self._refusal(error.code, url)) from None
            except (urllib.error.URLError, OSError) as error:
                reason = getattr(error, "reason", None) or error
                raise FetchError(f"docket {self.docket}: cannot reach CourtListener at {url}: {reason}") from None
        raise AssertionError("unreachable")  # the last attempt returns or raises

    def _wait(self, error: urllib.error.HTTPError, url: str) -> float:
        """The seconds `Retry-After` asks (a number, or an HTTP date), when within bounds."""
        said = (error.headers.get("Retry-After") or "").strip()
        seconds: float | None = None
        if said.isdigit():
            seconds = float(said)
        elif said:
            when = email.utils.parsedate_to_datetime(said) if _is_date(said) else None
            when = when.replace(tzinfo=UTC) if when and when.tzinfo is None else when
            seconds = max(0.0, (when - datetime.now(UTC)).total_seconds()) if when else None
        if seconds is None:
            seconds = 5.0  # no usable Retry-After: a short pause, still bounded by RETRIES
        if seconds > LONGEST_WAIT:
            raise FetchError(
                f"docket {self.docket}: CourtListener's rate limit (HTTP 429) at {url} asks to wait {seconds:.0f}"
                f" seconds (Retry-After), more than {LONGEST_WAIT:.0f}; try again later"
            )
        return seconds

    def _refusal(self, code: int, url: str) -> str:
        where = f"docket {self.docket}: {url}"
        if code == 401:
            return f"{where}: CourtListener did not accept the token (HTTP 401); check {TOKEN_VARIABLE}"
        if code == 403:
            return (
                f"{where}: not allowed (HTTP 403); CourtListener opens its RECAP APIs (entries, parties, attorneys)"
                " to select accounts"
            )
        if code == 404:
            return f"{where}: not found (HTTP 404); is {self.docket} the id of a CourtListener docket?"
        if code == 429:
            return f"{where}: still rate-limited (HTTP 429) after {RETRIES} waits; try again later"
        if code >= 500:
            return f"{where}: CourtListener failed (HTTP {code}); try again later"
        return f"{where}: HTTP {code}"


def _agent() -> str:
    """Who asks: this library and its version, so that a server can tell its requests apart."""
    try:
        return f"evidence/{importlib.metadata.version('evidence')}"
    except importlib.metadata.PackageNotFoundError:
        return "evidence"


def _is_date(text: str) -> bool:
    try:
        email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return False
    return True
