"""CourtListener's REST API v4 in, through the public API: saved responses of a made-up docket
(tests/data/courtlistener) read into juriscraper's docket shape, clusters into decisions, and the
live client run against a local server serving those responses, never the real network."""

from __future__ import annotations

import hashlib
import http.server
import json
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import evidence as ev
from evidence._cli import main

DATA = Path(__file__).parent / "data" / "courtlistener"
FILES = sorted(DATA.glob("*.json"))
SITE = "https://www.courtlistener.com"


def _json(name: str) -> Any:
    return json.loads((DATA / name).read_text("utf-8"))


@pytest.fixture(scope="module")
def read() -> ev.CourtListenerDocket:
    return ev.read_courtlistener(FILES, retrieved="2024-06-20")


# -- the docket in juriscraper's shape ---------------------------------------------------------


@pytest.mark.parametrize(
    ("juriscraper", "courtlistener"),
    [
        ("court_id", "court_id"),
        ("docket_number", "docket_number"),
        ("case_name", "case_name"),
        ("date_filed", "date_filed"),
        ("date_terminated", "date_terminated"),
        ("assigned_to_str", "assigned_to_str"),
        ("referred_to_str", "referred_to_str"),
        ("cause", "cause"),
        ("nature_of_suit", "nature_of_suit"),
        ("jury_demand", "jury_demand"),
        ("jurisdiction", "jurisdiction_type"),
    ],
)
def test_the_dockets_fields_take_juriscrapers_names(
    read: ev.CourtListenerDocket, juriscraper: str, courtlistener: str
) -> None:
    assert read.docket[juriscraper] == _json("docket.json")[courtlistener]


def _juriscraper_keys() -> dict[str, set[str]]:
    """The keys juriscraper's own JSON of real dockets uses (tests/data/pacer), at each level."""
    keys: dict[str, set[str]] = {level: set() for level in ("docket", "entry", "attachment", "party", "attorney")}
    pacer = Path(__file__).parent / "data" / "pacer"
    for path in [*pacer.glob("district/*.json"), *pacer.glob("appellate/*.json")]:
        data = json.loads(path.read_text("utf-8"))
        if not isinstance(data, dict) or "docket_entries" not in data:
            continue
        keys["docket"] |= set(data)
        for entry in data["docket_entries"]:
            keys["entry"] |= set(entry)
            keys["attachment"] |= {key for attachment in entry.get("attachments") or () for key in attachment}
        for party in data["parties"]:
            keys["party"] |= set(party)
            keys["attorney"] |= {key for attorney in party.get("attorneys") or () for key in attorney}
    return keys


def test_every_key_is_one_juriscraper_uses(read: ev.CourtListenerDocket, tmp_path: Path) -> None:
    known = _juriscraper_keys()
    appeal = ev.read_courtlistener(_appeal(tmp_path)).docket
    # pacer_case_id: the PACER import reads it as the case's pacer identifier; juriscraper's docket
    # report does not print it.
    assert set(read.docket) | set(appeal) <= known["docket"] | {"pacer_case_id"}
    entries = [*read.docket["docket_entries"], *appeal["docket_entries"]]
    assert {key for entry in entries for key in entry} <= known["entry"]
    assert {key for entry in entries for a in entry.get("attachments", ()) for key in a} <= known["attachment"]
    assert {key for party in read.docket["parties"] for key in party} <= known["party"]
    assert {key for p in read.docket["parties"] for a in p["attorneys"] for key in a} <= known["attorney"]


def test_a_docket_with_only_its_full_name_takes_that(tmp_path: Path) -> None:
    docket = dict(_json("docket.json"), case_name="", case_name_full="Acme Widget Company v. Example Corporation")
    (tmp_path / "docket.json").write_text(json.dumps(docket))
    assert ev.read_courtlistener([tmp_path / "docket.json"]).docket["case_name"] == docket["case_name_full"]


def test_what_courtlistener_does_not_keep_is_left_out_not_filled(read: ev.CourtListenerDocket) -> None:
    assert "demand" not in read.docket  # PACER prints a demand; CourtListener keeps none
    assert all("date_entered" not in entry for entry in read.docket["docket_entries"])


def test_the_case_id_follows_the_scheme_and_derived_fields_are_named(read: ev.CourtListenerDocket) -> None:
    assert read.case_id == "cand-3-24-cv-01234"
    assert set(read.derived) == {"caption", "nature_of_suit"}


def test_entries_of_both_pages_come_in_the_dockets_order(read: ev.CourtListenerDocket) -> None:
    pages = [_json("docket-entries-1.json"), _json("docket-entries-2.json")]
    given_entries = [entry for page in pages for entry in page["results"]]
    entries = read.docket["docket_entries"]
    assert len(entries) == len(given_entries) == 4
    assert [e["document_number"] for e in entries] == ["1", "2", None, "3"]
    assert [e["description"] for e in entries] == [e["description"] for e in given_entries]
    assert [e["date_filed"] for e in entries] == [e["date_filed"] for e in given_entries]


def test_a_minute_entry_keeps_no_number(read: ev.CourtListenerDocket) -> None:
    minute = read.docket["docket_entries"][2]
    assert minute["document_number"] is None
    assert minute["description"].startswith("Minute Entry for proceedings")


def test_the_main_document_and_its_attachment_nest_as_juriscraper_nests_them(read: ev.CourtListenerDocket) -> None:
    complaint = read.docket["docket_entries"][0]
    main, attachment = _json("docket-entries-1.json")["results"][0]["recap_documents"]
    assert (complaint["pacer_doc_id"], complaint["page_count"]) == (main["pacer_doc_id"], main["page_count"])
    assert complaint["attachments"] == [
        {
            "attachment_number": attachment["attachment_number"],
            "description": attachment["description"],
            "pacer_doc_id": attachment["pacer_doc_id"],
            "page_count": attachment["page_count"],
        }
    ]
    assert "attachments" not in read.docket["docket_entries"][1]  # a lone document has none
    assert read.docket["docket_entries"][1]["pacer_doc_id"] is None  # '' in CourtListener: not known


def test_a_party_has_its_two_attorneys_with_their_roles(read: ev.CourtListenerDocket) -> None:
    plaintiff, defendant = read.docket["parties"]
    assert (plaintiff["name"], plaintiff["type"]) == ("Acme Widget Co.", "Plaintiff")
    assert [(a["name"], a["roles"]) for a in plaintiff["attorneys"]] == [
        ("Alice Doe", ["LEAD ATTORNEY"]),
        ("Bob Example", ["ATTORNEY TO BE NOTICED"]),
    ]
    assert plaintiff["attorneys"][0]["contact"] == _json("attorneys.json")["results"][0]["contact_raw"]
    assert (defendant["type"], [a["name"] for a in defendant["attorneys"]]) == ("Defendant", ["Carol Sample"])


@pytest.mark.parametrize(
    ("role", "when", "printed"),
    [
        (1, None, ["ATTORNEY TO BE NOTICED"]),
        (2, None, ["LEAD ATTORNEY"]),
        (4, None, ["PRO HAC VICE"]),
        (6, "2024-05-01", ["TERMINATED: 05/01/2024"]),
        (6, None, ["TERMINATED"]),
        (3, None, []),  # in a sealed group: words no docket read was seen to print
        (9, None, []),
        (10, None, []),  # CourtListener's 'unknown'
    ],
)
def test_roles_are_written_as_pacer_prints_them(
    tmp_path: Path, role: int, when: str | None, printed: list[str]
) -> None:
    parties = _json("parties.json")
    parties["results"][1]["attorneys"][0].update(role=role, date_action=when)
    attorneys = _json("attorneys.json")
    attorneys["results"][2]["parties_represented"][0].update(role=role, date_action=when)
    (tmp_path / "parties.json").write_text(json.dumps(parties))
    (tmp_path / "attorneys.json").write_text(json.dumps(attorneys))
    read = ev.read_courtlistener([DATA / "docket.json", tmp_path / "parties.json", tmp_path / "attorneys.json"])
    (carol,) = read.docket["parties"][1]["attorneys"]
    assert carol["roles"] == printed


def test_nested_data_of_other_dockets_is_not_taken(tmp_path: Path) -> None:
    # CourtListener does not filter nested data: a party's other cases' roles come along.
    parties = _json("parties.json")
    extra = dict(parties["results"][0]["party_types"][0], docket_id=1, name="Appellant")
    parties["results"][0]["party_types"].append(extra)
    parties["results"][0]["attorneys"].append(dict(parties["results"][0]["attorneys"][0], docket_id=1, role=4))
    (tmp_path / "parties.json").write_text(json.dumps(parties))
    files = [f for f in FILES if f.name != "parties.json"] + [tmp_path / "parties.json"]
    plaintiff = ev.read_courtlistener(files).docket["parties"][0]
    assert plaintiff["type"] == "Plaintiff"
    assert plaintiff["attorneys"][0]["roles"] == ["LEAD ATTORNEY"]


def test_without_the_attorneys_response_the_parties_still_come_in() -> None:
    read = ev.read_courtlistener([f for f in FILES if f.name != "attorneys.json"])
    assert [p["name"] for p in read.docket["parties"]] == ["Acme Widget Co.", "Example Corp."]
    assert all(p["attorneys"] == [] for p in read.docket["parties"])  # named by id only: left out


@settings(max_examples=20, deadline=None)
@given(st.permutations(FILES))
def test_the_order_of_the_files_changes_nothing(files: list[Path]) -> None:
    read = ev.read_courtlistener(files, retrieved="2024-06-20")
    first = ev.read_courtlistener(FILES, retrieved="2024-06-20")
    assert read.docket == first.docket
    assert read.decisions == first.decisions
    assert read.source.digest == first.source.digest


def test_a_page_saved_twice_gives_its_entries_once() -> None:
    read = ev.read_courtlistener([*FILES, DATA / "docket-entries-1.json"])
    assert len(read.docket["docket_entries"]) == 4


def test_courtlistener_ids_and_pages_come_beside_the_docket(read: ev.CourtListenerDocket) -> None:
    docket = _json("docket.json")
    assert read.identifiers == {"courtlistener": str(docket["id"])}
    assert read.url == SITE + docket["absolute_url"]
    assert read.docket["pacer_case_id"] == docket["pacer_case_id"]
    assert len(read.entries) == len(read.docket["docket_entries"])
    main, attachment = _json("docket-entries-1.json")["results"][0]["recap_documents"]
    first = read.entries[0]
    assert first["identifiers"] == {"courtlistener": str(_json("docket-entries-1.json")["results"][0]["id"])}
    assert first["url"] == SITE + main["absolute_url"]
    assert first["attachments"] == {1: SITE + attachment["absolute_url"]}
    assert "url" not in read.entries[2]  # a minute entry's document has no page


def _appeal(tmp_path: Path) -> list[Path]:
    """The made-up docket as a court of appeals' (ca9), taken from the district court's case, with
    one entry numbered by its document, as appellate dockets are."""
    site = f"{SITE}/api/rest/v4"
    docket = dict(
        _json("docket.json"),
        court_id="ca9",
        court=f"{site}/courts/ca9/",
        docket_number="24-5678",
        appeal_from=f"{site}/courts/cand/",
        original_court_info={
            "docket_number": "3:24-cv-01234",
            "date_filed": "2024-03-04",
            "assigned_to_str": "Jane Q. Jurist",
        },
    )
    page = _json("docket-entries-1.json")
    page["next"] = None
    entry = page["results"][1]
    entry["entry_number"] = 107523228
    entry["recap_documents"][0]["document_number"] = "00107523228"
    (tmp_path / "docket.json").write_text(json.dumps(docket))
    (tmp_path / "entries.json").write_text(json.dumps(page))
    return [tmp_path / "docket.json", tmp_path / "entries.json"]


def test_an_appellate_docket_takes_juriscrapers_appellate_shape(tmp_path: Path) -> None:
    read = ev.read_courtlistener(_appeal(tmp_path))
    assert read.case_id == "ca9-24-5678"
    assert read.docket["panel"] == []  # CourtListener's panel is links and free text: none named
    assert read.docket["originating_court_information"] == {
        "court_id": "cand",
        "docket_number": "3:24-cv-01234",
        "date_filed": "2024-03-04",
        "assigned_to": "Jane Q. Jurist",
    }
    # The document's own number keeps the leading zeros CourtListener's entry_number drops.
    assert [e["document_number"] for e in read.docket["docket_entries"]] == ["1", "00107523228"]


def test_a_district_docket_has_no_appellate_parts(read: ev.CourtListenerDocket) -> None:
    assert "panel" not in read.docket and "originating_court_information" not in read.docket


# -- decisions ---------------------------------------------------------------------------------


def test_a_cluster_is_a_decision_with_its_cites_judges_and_the_courts_copy(read: ev.CourtListenerDocket) -> None:
    cluster = _json("clusters.json")["results"][0]
    opinion = _json("opinions.json")["results"][0]
    decisions = [r for r in read.decisions if isinstance(r, ev.Decision)]
    assert len(decisions) == 1
    decision = decisions[0]
    assert decision.id == f"cand-3-24-cv-01234.decision-{cluster['date_filed']}"
    assert decision.case == read.case_id
    assert str(decision.date) == cluster["date_filed"]
    citation = cluster["citations"][0]
    assert decision.cites == (f"{citation['volume']} {citation['reporter']} {citation['page']}",)
    assert decision.judges == ("jane-q-jurist",)
    assert decision.url == opinion["download_url"]
    assert decision.confidence is ev.Confidence.LIKELY
    assert [(link.rel, link.target) for link in decision.links] == [(ev.LinkRel.DERIVED_FROM, read.source.id)]
    judge = next(r for r in read.decisions if isinstance(r, ev.Actor))
    assert (judge.id, judge.name, judge.kind, judge.confidence) == (
        "jane-q-jurist",
        cluster["judges"],
        ev.ActorKind.PERSON,
        ev.Confidence.LIKELY,
    )


@pytest.mark.parametrize(
    ("judges", "authors", "ids"),
    [
        ("Smith, Jones and Roe", [], ("smith", "jones", "roe")),
        ("Smith; Jones & Roe", [], ("smith", "jones", "roe")),
        ("", ["Mary Major"], ("mary-major",)),
        ("Smith, smith", [], ("smith",)),
        ("Smith, --, Roe", [], ("smith", "roe")),
        ("", [], ()),
    ],
)
def test_judges_come_from_the_clusters_text_else_the_authors(
    tmp_path: Path, judges: str, authors: list[str], ids: tuple[str, ...]
) -> None:
    clusters = _json("clusters.json")
    clusters["results"][0]["judges"] = judges
    opinions = _json("opinions.json")
    template = opinions["results"][0]
    opinions["results"] = [dict(template, id=template["id"] + i, author_str=name) for i, name in enumerate(authors)]
    (tmp_path / "clusters.json").write_text(json.dumps(clusters))
    (tmp_path / "opinions.json").write_text(json.dumps(opinions))
    files = [DATA / "docket.json", tmp_path / "clusters.json", tmp_path / "opinions.json"]
    decision = next(r for r in ev.read_courtlistener(files).decisions if isinstance(r, ev.Decision))
    assert decision.judges == ids


def test_without_a_download_url_the_decision_points_to_courtlistener(tmp_path: Path) -> None:
    opinions = _json("opinions.json")
    opinions["results"][0]["download_url"] = ""
    (tmp_path / "opinions.json").write_text(json.dumps(opinions))
    read = ev.read_courtlistener([DATA / "docket.json", DATA / "clusters.json", tmp_path / "opinions.json"])
    decision = next(r for r in read.decisions if isinstance(r, ev.Decision))
    assert decision.url == SITE + opinions["results"][0]["absolute_url"]


def test_an_approximate_date_is_unverified(tmp_path: Path) -> None:
    clusters = _json("clusters.json")
    clusters["results"][0]["date_filed_is_approximate"] = True
    (tmp_path / "clusters.json").write_text(json.dumps(clusters))
    read = ev.read_courtlistener([DATA / "docket.json", tmp_path / "clusters.json"])
    decision = next(r for r in read.decisions if isinstance(r, ev.Decision))
    assert decision.confidence_of("date") is ev.Confidence.UNVERIFIED
    assert decision.confidence_of("cites") is ev.Confidence.LIKELY
    assert decision.notes is not None and "approximate" in decision.notes


def test_two_clusters_of_one_day_get_two_ids(tmp_path: Path) -> None:
    clusters = _json("clusters.json")
    clusters["results"].append(dict(clusters["results"][0], id=99100002, citations=[]))
    (tmp_path / "clusters.json").write_text(json.dumps(clusters))
    read = ev.read_courtlistener([DATA / "docket.json", tmp_path / "clusters.json"])
    ids = [r.id for r in read.decisions if isinstance(r, ev.Decision)]
    assert ids == ["cand-3-24-cv-01234.decision-2024-06-18", "cand-3-24-cv-01234.decision-2024-06-18-2"]


# -- the source --------------------------------------------------------------------------------


def test_the_source_is_the_dockets_response(read: ev.CourtListenerDocket) -> None:
    source = read.source
    assert source.id == "cand-3-24-cv-01234.docket"
    assert source.kind is ev.SourceKind.DATASET
    assert source.url == _json("docket.json")["resource_uri"]
    assert str(source.digest) == "sha256:" + hashlib.sha256((DATA / "docket.json").read_bytes()).hexdigest()
    assert str(source.retrieved) == "2024-06-20"
    assert source.notes is not None
    for other in FILES:
        if other.name != "docket.json":
            assert hashlib.sha256(other.read_bytes()).hexdigest() in source.notes


def test_a_retrieved_date_that_is_not_one_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(ev.UsageError, match="retrieved= 'yesterday' is not a date"):
        ev.read_courtlistener(FILES, retrieved="yesterday")
    assert main(["import", "courtlistener", *map(str, FILES), "--retrieved", "yesterday"]) == 2
    assert "--retrieved 'yesterday' is not a date" in capsys.readouterr().err


def test_saved_files_have_no_retrieved_date_unless_given() -> None:
    assert ev.read_courtlistener([DATA / "docket.json"]).source.retrieved is None


# -- bad input ---------------------------------------------------------------------------------


def _problems(files: list[Path]) -> list[str]:
    with pytest.raises(ev.LoadError) as error:
        ev.read_courtlistener(files)
    return [str(p) for p in error.value.problems]


def test_a_file_that_is_not_json_is_named_with_its_line(tmp_path: Path) -> None:
    bad = tmp_path / "docket.json"
    bad.write_text('{"id": 1,\n  "docket_number": }')
    (problem,) = _problems([bad])
    assert problem.startswith(f"{bad}:2:") and "not JSON" in problem


@pytest.mark.parametrize(
    ("content", "where"),
    [
        ({"count": 3}, "$"),
        ([1, 2], "$"),
        ({"next": None, "previous": None, "results": [{"id": 1, "name": "?"}]}, "$.results[0]"),
    ],
)
def test_a_response_of_another_shape_is_refused_naming_the_file(tmp_path: Path, content: Any, where: str) -> None:
    bad = tmp_path / "other.json"
    bad.write_text(json.dumps(content))
    (problem,) = _problems([DATA / "docket.json", bad])
    assert problem.startswith(f"{bad}: {where}: not ")


@pytest.mark.parametrize(
    ("name", "change", "where", "message"),
    [
        ("docket-entries-1.json", {"entry_number": "one"}, "$.results[0].entry_number", "a number is expected"),
        ("docket-entries-1.json", {"recap_documents": [7]}, "$.results[0].recap_documents[0]", "an object"),
        ("docket-entries-1.json", {"description": ["x"]}, "$.results[0].description", "text is expected"),
        ("parties.json", {"party_types": "Plaintiff"}, "$.results[0].party_types", "a list is expected"),
        ("clusters.json", {"citations": ["999 F. Supp. 3d 101"]}, "$.results[0].citations[0]", "an object"),
    ],
)
def test_a_value_of_another_type_is_refused_where_it_is(
    tmp_path: Path, name: str, change: dict[str, Any], where: str, message: str
) -> None:
    page = _json(name)
    page["results"][0].update(change)
    bad = tmp_path / name
    bad.write_text(json.dumps(page))
    (problem,) = _problems([DATA / "docket.json", bad])
    assert problem.startswith(f"{bad}: {where}: {message}")


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=12,
)
_FIELDS = st.sampled_from(
    ["entry_number", "recap_documents", "description", "date_filed", "docket", "document_type", "attachment_number"]
)


@settings(max_examples=80, deadline=None)
@given(name=st.sampled_from([f.name for f in FILES]), key=_FIELDS, value=_JSON, nested=st.booleans())
def test_any_value_anywhere_is_read_or_refused_never_a_crash(name: str, key: str, value: Any, nested: bool) -> None:
    data = _json(name)
    item = data.get("results", [data])[0]
    documents = item.get("recap_documents")
    target = documents[0] if nested and documents else item  # an entry's document, or the object itself
    target[key] = value
    others = [ev.CourtListenerResponse(name=f.name, body=f.read_bytes()) for f in FILES if f.name != name]
    changed = ev.CourtListenerResponse(name=name, body=json.dumps(data).encode())
    problems: tuple[ev.Problem, ...] = ()
    try:
        ev.read_courtlistener([*others, changed])
    except ev.LoadError as error:
        problems = error.problems
    assert all(problem.file for problem in problems)


def test_entries_of_another_docket_are_refused(tmp_path: Path) -> None:
    page = _json("docket-entries-2.json")
    page["results"][1]["docket"] = f"{SITE}/api/rest/v4/dockets/12345/"
    bad = tmp_path / "entries.json"
    bad.write_text(json.dumps(page))
    (problem,) = _problems([DATA / "docket.json", bad])
    assert problem == f"{bad}: $.results[1]: docket entry 99200004 belongs to docket 12345, not 99000001"


def test_two_dockets_are_refused(tmp_path: Path) -> None:
    other = dict(_json("docket.json"), id=5, resource_uri=f"{SITE}/api/rest/v4/dockets/5/")
    (tmp_path / "other.json").write_text(json.dumps(other))
    (problem,) = _problems([DATA / "docket.json", tmp_path / "other.json"])
    assert "a second docket (5" in problem and "one docket's responses at a time" in problem


def test_entries_without_their_docket_are_refused() -> None:
    (problem,) = _problems([DATA / "docket-entries-1.json"])
    assert "no docket among these responses" in problem and "/api/rest/v4/dockets/ID/" in problem


def test_a_missing_file_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(ev.UsageError, match=r"cannot read .*nothing\.json"):
        ev.read_courtlistener([tmp_path / "nothing.json"])


# -- live, against a local server --------------------------------------------------------------

TOKEN = "test-token-0123456789"


class _Server(http.server.ThreadingHTTPServer):
    """Serves the recorded responses as CourtListener would, with its own address in their links;
    `script` says what a path answers before the recorded response (a 429, a 500, ...)."""

    script: dict[str, list[tuple[int, dict[str, str]]]]
    asked: list[str]
    tokens: list[str | None]
    agents: list[str | None]


class _Handler(http.server.BaseHTTPRequestHandler):
    server: _Server

    def log_message(self, *args: Any) -> None:  # quiet
        pass

    def do_GET(self) -> None:
        self.server.asked.append(self.path)
        self.server.tokens.append(self.headers.get("Authorization"))
        self.server.agents.append(self.headers.get("User-Agent"))
        if self.headers.get("Authorization") != f"Token {TOKEN}":
            return self._send(401, b'{"detail": "Invalid token."}')
        path, _, query = self.path.partition("?")
        planned = self.server.script.get(path)
        if planned:
            status, headers = planned.pop(0)
            return self._send(status, b'{"detail": "scripted"}', headers)
        name = _ROUTES.get(path)
        if name == "docket-entries-1.json" and "cursor=" in query:
            name = "docket-entries-2.json"
        if name is None:
            return self._send(404, b'{"detail": "Not found."}')
        here = f"http://127.0.0.1:{self.server.server_address[1]}"
        self._send(200, (DATA / name).read_text("utf-8").replace(SITE, here).encode())

    def _send(self, status: int, body: bytes, headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(body)


_ROUTES = {
    "/api/rest/v4/dockets/99000001/": "docket.json",
    "/api/rest/v4/docket-entries/": "docket-entries-1.json",
    "/api/rest/v4/parties/": "parties.json",
    "/api/rest/v4/attorneys/": "attorneys.json",
    "/api/rest/v4/clusters/": "clusters.json",
    "/api/rest/v4/opinions/": "opinions.json",
}


@pytest.fixture
def server() -> Iterator[_Server]:
    running = _Server(("127.0.0.1", 0), _Handler)
    running.script, running.asked, running.tokens, running.agents = {}, [], [], []
    thread = threading.Thread(target=running.serve_forever, daemon=True)
    thread.start()
    yield running
    running.shutdown()
    running.server_close()


def _base(server: _Server) -> str:
    return f"http://127.0.0.1:{server.server_address[1]}/api/rest/v4/"


def test_a_live_fetch_follows_every_page_and_reads_as_the_saved_files(server: _Server) -> None:
    responses = ev.fetch_courtlistener(99000001, token=TOKEN, base_url=_base(server))
    assert len(responses) == 7  # the docket, two pages of entries, parties, attorneys, clusters, opinions
    assert sum("cursor=" in path for path in server.asked) == 1
    assert set(server.tokens) == {f"Token {TOKEN}"}
    assert all(agent and agent.startswith("evidence") for agent in server.agents)
    assert all(r.retrieved and r.url and r.url.startswith(_base(server)) for r in responses)
    live = ev.read_courtlistener(responses)
    saved = ev.read_courtlistener(FILES)
    assert live.docket == saved.docket
    assert live.source.url == _base(server) + "dockets/99000001/"
    assert str(live.source.retrieved) == responses[0].retrieved


def test_the_token_and_base_url_come_from_the_environment(server: _Server, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COURTLISTENER_TOKEN", TOKEN)
    monkeypatch.setenv("COURTLISTENER_API_URL", _base(server))
    assert len(ev.fetch_courtlistener("99000001")) == 7


def test_a_rate_limit_is_waited_out_as_retry_after_says(server: _Server) -> None:
    server.script["/api/rest/v4/parties/"] = [(429, {"Retry-After": "2"}), (429, {"Retry-After": "1"})]
    waits: list[float] = []
    responses = ev.fetch_courtlistener(99000001, token=TOKEN, base_url=_base(server), sleep=waits.append)
    assert waits == [2.0, 1.0]
    assert len(responses) == 7


@pytest.mark.parametrize(
    ("retry_after", "wait"),
    [("Wed, 21 Oct 2015 07:28:00 GMT", 0.0), (None, 5.0), ("soon", 5.0)],
)
def test_a_retry_after_date_or_none_gives_a_bounded_wait(server: _Server, retry_after: str | None, wait: float) -> None:
    server.script["/api/rest/v4/clusters/"] = [(429, {"Retry-After": retry_after} if retry_after else {})]
    waits: list[float] = []
    ev.fetch_courtlistener(99000001, token=TOKEN, base_url=_base(server), sleep=waits.append)
    assert waits == [wait]


def test_a_rate_limit_that_does_not_lift_is_a_clear_error(server: _Server) -> None:
    server.script["/api/rest/v4/parties/"] = [(429, {"Retry-After": "0"})] * 10
    with pytest.raises(ev.FetchError, match=r"docket 99000001: .*/parties/.*still rate-limited \(HTTP 429\)"):
        ev.fetch_courtlistener(99000001, token=TOKEN, base_url=_base(server), sleep=lambda _: None)


def test_a_wait_longer_than_allowed_is_not_waited(server: _Server) -> None:
    server.script["/api/rest/v4/dockets/99000001/"] = [(429, {"Retry-After": "3600"})]
    with pytest.raises(ev.FetchError, match="asks to wait 3600 seconds"):
        ev.fetch_courtlistener(99000001, token=TOKEN, base_url=_base(server), sleep=lambda _: None)


@pytest.mark.parametrize(
    ("docket", "token", "message"),
    [
        ("404", TOKEN, r"docket 404: http://127\.0\.0\.1:\d+/api/rest/v4/dockets/404/: not found \(HTTP 404\)"),
        ("99000001", "wrong-token", r"did not accept the token \(HTTP 401\); check COURTLISTENER_TOKEN"),
    ],
)
def test_http_errors_name_the_docket_and_url_never_the_token(
    server: _Server, docket: str, token: str, message: str
) -> None:
    with pytest.raises(ev.FetchError, match=message) as error:
        ev.fetch_courtlistener(docket, token=token, base_url=_base(server))
    assert token not in str(error.value)


def test_a_refusal_of_the_recap_apis_says_who_may_use_them(server: _Server) -> None:
    server.script["/api/rest/v4/docket-entries/"] = [(403, {})]
    with pytest.raises(ev.FetchError, match=r"docket-entries/.*not allowed \(HTTP 403\).*select accounts"):
        ev.fetch_courtlistener(99000001, token=TOKEN, base_url=_base(server))


def test_a_server_error_is_a_clear_error(server: _Server) -> None:
    server.script["/api/rest/v4/clusters/"] = [(500, {})]
    with pytest.raises(ev.FetchError, match=r"docket 99000001: .*/clusters/\?docket=99000001: CourtListener failed"):
        ev.fetch_courtlistener(99000001, token=TOKEN, base_url=_base(server))


def test_a_server_that_cannot_be_reached_is_a_clear_error(server: _Server) -> None:
    base = _base(server)
    server.shutdown()
    server.server_close()
    with pytest.raises(ev.FetchError, match=r"docket 7: cannot reach CourtListener at http://127\.0\.0\.1"):
        ev.fetch_courtlistener(7, token=TOKEN, base_url=base)


def test_a_next_page_on_another_site_is_not_followed(server: _Server) -> None:
    # The server writes its links with 127.0.0.1; asked as localhost, they name another site.
    with pytest.raises(ev.FetchError, match="names its next page on another site") as error:
        ev.fetch_courtlistener(99000001, token=TOKEN, base_url=_base(server).replace("127.0.0.1", "localhost"))
    assert "so that the token goes only to http://localhost" in str(error.value)
    assert not any("cursor=" in path for path in server.asked)


@pytest.mark.parametrize("token", [None, "", "  "])
def test_no_token_is_a_usage_error_saying_how_to_set_one(token: str | None, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("COURTLISTENER_TOKEN", raising=False)
    with pytest.raises(ev.UsageError, match="set COURTLISTENER_TOKEN"):
        ev.fetch_courtlistener(1, token=token)


def test_a_docket_id_is_a_number() -> None:
    with pytest.raises(ev.UsageError, match="docket id is a number"):
        ev.fetch_courtlistener("acme", token=TOKEN)


# -- the records, through the PACER import's mapping ------------------------------------------


@pytest.fixture(scope="module")
def imported() -> ev.RecordSet:
    return ev.import_courtlistener(FILES, retrieved="2024-06-20")


def test_the_made_up_docket_imports_and_checks_clean(imported: ev.RecordSet) -> None:
    report = ev.check(imported)
    assert [f for f in report.findings if f.severity is ev.Severity.ERROR] == []


def test_ids_follow_the_scheme(imported: ev.RecordSet) -> None:
    case = "cand-3-24-cv-01234"
    assert [c.id for c in imported.cases] == [case]
    assert [f.id for f in imported.filings] == [f"{case}.1", f"{case}.2", f"{case}.entry-2024-05-14-s15", f"{case}.3"]
    assert [e.id for e in imported.exhibits] == [f"{case}.1-1"]
    assert [s.id for s in imported.sources] == [f"{case}.docket"]
    assert {a.id for a in imported.actors} == {
        "jane-q-jurist", "richard-roe", "acme-widget-co", "example-corp", "alice-doe", "bob-example", "carol-sample",
    }  # fmt: skip


def test_every_entry_and_party_comes_in(imported: ev.RecordSet) -> None:
    entries = [e for name in ("docket-entries-1.json", "docket-entries-2.json") for e in _json(name)["results"]]
    assert len(imported.filings) == len(entries)
    (case,) = imported.cases
    parties = [p for p in case.parties if p.role is not ev.PartyRole.COUNSEL]
    counsel = [p for p in case.parties if p.role is ev.PartyRole.COUNSEL]
    assert len(parties) == len(_json("parties.json")["results"])
    assert len(counsel) == len(_json("attorneys.json")["results"])
    alice = next(p for p in counsel if p.actor == "alice-doe")
    assert (alice.represents, alice.as_printed) == (("acme-widget-co",), "LEAD ATTORNEY")


def test_a_recap_attachment_becomes_an_exhibit_of_its_entry(imported: ev.RecordSet) -> None:
    (exhibit,) = imported.exhibits
    attachment = _json("docket-entries-1.json")["results"][0]["recap_documents"][1]
    assert (exhibit.filing, exhibit.attachment, exhibit.title, exhibit.pages) == (
        "cand-3-24-cv-01234.1",
        attachment["attachment_number"],
        attachment["description"],
        attachment["page_count"],
    )
    assert exhibit.url == SITE + attachment["absolute_url"]


def test_a_minute_entry_is_kept_with_its_text(imported: ev.RecordSet) -> None:
    minute = imported.get("cand-3-24-cv-01234.entry-2024-05-14-s15", ev.Filing)
    assert (minute.ecf, minute.entry) == (None, None)
    assert minute.docket_text == _json("docket-entries-2.json")["results"][0]["description"]


def test_what_courtlistener_derives_is_likely_what_it_copies_confirmed(imported: ev.RecordSet) -> None:
    (case,) = imported.cases
    assert case.confidence is ev.Confidence.CONFIRMED
    assert case.confidence_of("caption") is ev.Confidence.LIKELY
    assert case.confidence_of("nature_of_suit") is ev.Confidence.LIKELY
    assert case.confidence_of("docket_number") is ev.Confidence.CONFIRMED
    assert case.confidence_of("cause") is ev.Confidence.CONFIRMED
    (decision,) = imported.decisions
    assert decision.confidence is ev.Confidence.LIKELY


def test_courtlistener_and_pacer_ids_are_kept(imported: ev.RecordSet) -> None:
    (case,) = imported.cases
    docket = _json("docket.json")
    assert case.identifiers == {"pacer": docket["pacer_case_id"], "courtlistener": str(docket["id"])}
    assert case.url == SITE + docket["absolute_url"]
    complaint = imported.get("cand-3-24-cv-01234.1", ev.Filing)
    assert complaint.identifiers["courtlistener"] == "99200001"
    assert complaint.identifiers["pacer_doc_id"] == "035000000001"


def test_the_decisions_judge_is_the_dockets_judge_made_once(imported: ev.RecordSet) -> None:
    (decision,) = imported.decisions
    assert decision.judges == ("jane-q-jurist",)
    judges = [a for a in imported.actors if a.id == "jane-q-jurist"]
    assert len(judges) == 1 and judges[0].confidence is ev.Confidence.CONFIRMED  # the docket names her


def test_the_docket_read_from_courtlistener_is_a_docket_the_pacer_import_reads(tmp_path: Path) -> None:
    pytest.importorskip("juriscraper", reason="the PACER import needs the pacer extra")
    read = ev.read_courtlistener(FILES)
    saved = tmp_path / "docket.json"
    saved.write_text(json.dumps(read.docket))
    from_pacer = ev.import_pacer([saved])
    from_courtlistener = ev.import_courtlistener(FILES)
    assert [f.id for f in from_pacer.filings] == [f.id for f in from_courtlistener.filings]
    assert [c.id for c in from_pacer.cases] == [c.id for c in from_courtlistener.cases]
    assert {a.id for a in from_pacer.actors} <= {a.id for a in from_courtlistener.actors}


def test_actors_the_set_holds_are_named_not_made_again(imported: ev.RecordSet) -> None:
    held = ev.RecordSet([ev.Actor(id="alice-doe", name="Alice Doe", kind=ev.ActorKind.PERSON)])
    again = ev.import_courtlistener(FILES, into=held)
    assert "alice-doe" not in {a.id for a in again.actors}


def test_a_court_courts_db_does_not_know_is_refused(tmp_path: Path) -> None:
    docket = dict(_json("docket.json"), court_id="nowhere")
    (tmp_path / "docket.json").write_text(json.dumps(docket))
    with pytest.raises(ev.LoadError) as error:
        ev.import_courtlistener([tmp_path / "docket.json"])
    assert str(error.value).startswith(f"{tmp_path / 'docket.json'}: $.court_id: court 'nowhere'")


def test_the_import_goes_through_sync_and_a_reimport_changes_nothing(tmp_path: Path) -> None:
    first = list(ev.import_courtlistener(FILES, retrieved="2024-06-20"))
    assert ev.sync(tmp_path, {"acme.yaml": first}).written
    again = ev.sync(tmp_path, {"acme.yaml": list(ev.import_courtlistener(FILES, retrieved="2024-06-20"))}, base=first)
    assert again.diff() == ""
    assert [f for f in ev.check(ev.load(tmp_path)).findings if f.severity is ev.Severity.ERROR] == []


# -- the command -------------------------------------------------------------------------------


def _run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


def test_the_command_writes_the_records_and_keeps_the_responses(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "records"
    code, out, _ = _run(["import", "courtlistener", *map(str, FILES), "-o", str(folder)], capsys)
    assert code == 0
    assert out.splitlines()[:2] == [
        "added 1 case, 7 actors, 4 filings, 1 exhibit, 1 decision, 1 source; wrote 8 files",
        f"  {folder / 'cand-3-24-cv-01234.yaml'}",
    ]
    kept = sorted((folder / "sources" / "courtlistener" / "cand-3-24-cv-01234").iterdir())
    assert sorted(p.read_bytes() for p in kept) == sorted(f.read_bytes() for f in FILES)
    records = ev.load(folder)
    (source,) = records.sources
    assert (
        source.text_file is not None and (folder / source.text_file).read_bytes() == (DATA / "docket.json").read_bytes()
    )
    code, out, err = _run(["check", str(folder)], capsys)
    assert code == 0 and "15 records checked: 0 errors" in out + err


def test_a_dry_run_prints_and_writes_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "records"
    code, out, _ = _run(["import", "courtlistener", *map(str, FILES), "-o", str(folder), "--dry-run"], capsys)
    assert code == 0
    assert not folder.exists()
    assert out == "added 1 case, 7 actors, 4 filings, 1 exhibit, 1 decision, 1 source (dry run: nothing written)\n"
    # Without a folder nothing is ever written: the records are printed.
    code, out, _ = _run(["import", "courtlistener", *map(str, FILES), "--dry-run"], capsys)
    assert ev.loads(out, "yaml").get("cand-3-24-cv-01234", ev.Case).docket_number == "3:24-cv-01234"


def test_a_second_import_of_the_same_responses_changes_nothing_and_keeps_a_persons_edit(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "records"
    assert _run(["import", "courtlistener", *map(str, FILES), "-o", str(folder)], capsys)[0] == 0
    code, out, _ = _run(["import", "courtlistener", *map(str, FILES), "-o", str(folder)], capsys)
    assert (code, out) == (0, "nothing changed\n")
    file = folder / "cand-3-24-cv-01234.yaml"
    records = ev.load(file)
    case = records.get("cand-3-24-cv-01234", ev.Case)
    ev.dump([attrs.evolve(r, notes="Checked against the complaint.") if r.id == case.id else r for r in records], file)
    result = ev.sync_courtlistener(FILES, folder)
    assert result.changes == ()
    assert ev.load(folder).get(case.id, ev.Case).notes == "Checked against the complaint."


@pytest.mark.parametrize(
    "args",
    [["import", "courtlistener"], ["import", "courtlistener", "docket.json", "--docket", "1"]],
)
def test_files_or_a_docket_not_both_nor_neither(args: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _run(args, capsys)
    assert code == 2
    assert "name saved CourtListener responses (FILE ...) or a docket to fetch (--docket ID)" in err


def test_live_without_a_token_says_how_to_set_one(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("COURTLISTENER_TOKEN", raising=False)
    code, _, err = _run(["import", "courtlistener", "--docket", "99000001"], capsys)
    assert code == 2 and "set COURTLISTENER_TOKEN" in err


def test_live_the_command_fetches_and_writes(
    server: _Server, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("COURTLISTENER_TOKEN", TOKEN)
    folder = tmp_path / "records"
    args = ["import", "courtlistener", "--docket", "99000001", "--base-url", _base(server), "-o", str(folder)]
    code, out, _ = _run(args, capsys)
    assert code == 0, out
    (source,) = ev.load(folder).sources
    assert source.url == _base(server) + "dockets/99000001/"
    assert source.retrieved is not None


def test_live_a_dry_run_writes_nothing(
    server: _Server, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("COURTLISTENER_TOKEN", TOKEN)
    folder = tmp_path / "records"
    args = ["import", "courtlistener", "--docket", "99000001", "--base-url", _base(server), "-o", str(folder)]
    code, out, _ = _run([*args, "--dry-run"], capsys)
    assert code == 0 and not folder.exists() and out.endswith("(dry run: nothing written)\n")


def test_live_a_missing_docket_is_exit_1_naming_it(
    server: _Server, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("COURTLISTENER_TOKEN", TOKEN)
    code, _, err = _run(["import", "courtlistener", "--docket", "404", "--base-url", _base(server)], capsys)
    assert code == 1
    assert "docket 404" in err and "not found (HTTP 404)" in err and TOKEN not in err


def test_bad_saved_files_are_exit_1_naming_each_and_write_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "cut.json"
    bad.write_text((DATA / "docket-entries-1.json").read_text()[:200])
    folder = tmp_path / "records"
    code, _, err = _run(["import", "courtlistener", str(DATA / "docket.json"), str(bad), "-o", str(folder)], capsys)
    assert code == 1
    assert err.startswith(f"{bad}:") and "not JSON" in err
    assert not folder.exists()


def test_an_appeal_gets_the_appellate_ids_and_its_lower_case(tmp_path: Path) -> None:
    imported = ev.import_courtlistener(_appeal(tmp_path))
    assert [f.id for f in imported.filings] == ["ca9-24-5678.doc-1", "ca9-24-5678.doc-00107523228"]
    appeal = imported.get("ca9-24-5678", ev.Case)
    assert [(r.rel, r.case) for r in appeal.relations] == [(ev.CaseRelationKind.APPEAL_FROM, "cand-3-24-cv-01234")]
    assert [f for f in ev.check(imported).findings if f.severity is ev.Severity.ERROR] == []
