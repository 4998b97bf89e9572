"""The public API: what `import evidence` offers, record sets, look-ups and references."""

from __future__ import annotations

import importlib.metadata
import inspect
import pickle
import pydoc
import re
import tomllib
from collections.abc import Callable
from pathlib import Path

import pytest

import evidence as ev
from evidence import testing
from tests.conftest import EXAMPLES, ROOT

KADREY = EXAMPLES / "kadrey-v-meta"


def test_the_public_api_is_sorted_and_every_name_importable() -> None:
    assert ev.__all__ == sorted(ev.__all__)
    assert len(set(ev.__all__)) == len(ev.__all__)
    namespace: dict[str, object] = {}
    exec("from evidence import *", namespace)
    assert set(ev.__all__) <= set(namespace)


def _public_objects() -> list[tuple[str, object]]:
    """The classes and functions of the public API (not the version, the `limits` instance or a type alias)."""
    return [
        (name, value)
        for name in ev.__all__
        if isinstance(value := getattr(ev, name), type) or inspect.isfunction(value)
    ]


def test_every_public_name_is_documented() -> None:
    # In code font or spelled `evidence.NAME`, so that an English word ("check", "load") does not count.
    docs = "\n".join(path.read_text(encoding="utf-8") for path in sorted((ROOT / "docs").glob("*.md")))
    undocumented = [
        name for name in ev.__all__ if not re.search(rf"`{re.escape(name)}\b|evidence\.{re.escape(name)}\b", docs)
    ]
    assert undocumented == []


def test_public_classes_and_functions_belong_to_evidence() -> None:
    assert len(_public_objects()) > 50
    assert [name for name, value in _public_objects() if value.__module__ != "evidence"] == []
    assert repr(ev.Actor) == "<class 'evidence.Actor'>"
    assert "in module evidence" in pydoc.render_doc(ev.Actor)


def test_records_and_reports_pickle_under_their_public_names(kadrey: ev.RecordSet) -> None:
    # The streamed check sends records and findings to worker processes by pickle.
    for name, value in _public_objects():
        assert pickle.loads(pickle.dumps(value)) is value, name
    assert pickle.loads(pickle.dumps(kadrey)) == kadrey
    assert all(pickle.loads(pickle.dumps(record)) == record for record in kadrey)
    report = ev.check(kadrey)
    assert pickle.loads(pickle.dumps(report)) == report
    assert pickle.loads(pickle.dumps(ev.Confidence.LIKELY)) is ev.Confidence.LIKELY


def test_the_version_is_written_once_in_pyproject() -> None:
    with (ROOT / "pyproject.toml").open("rb") as file:
        project = tomllib.load(file)["project"]
    assert "version" not in project.get("dynamic", [])
    assert ev.__version__ == project["version"] == importlib.metadata.version("evidence")
    assert '__version__ = "' not in (ROOT / "evidence" / "__init__.py").read_text(encoding="utf-8")


def test_errors_share_one_root() -> None:
    for error in (ev.InvalidValue, ev.LoadError, ev.ResolutionError, ev.UsageError):
        assert issubclass(error, ev.EvidenceError)
    assert issubclass(ev.InvalidValue, ValueError)
    assert issubclass(ev.ResolutionError, LookupError)


@pytest.fixture(scope="module")
def kadrey() -> ev.RecordSet:
    return ev.load(KADREY)


def test_records_are_frozen_slotted_and_keyword_only(kadrey: ev.RecordSet) -> None:
    message = kadrey.get("chat-goal-gpt4", ev.Message)
    with pytest.raises(AttributeError):
        message.text = "changed"  # type: ignore[misc]
    assert not hasattr(message, "__dict__")
    with pytest.raises(TypeError):
        ev.Actor("meta", "Meta", "organization")  # type: ignore[misc]
    assert hash(message) == hash(kadrey.get("chat-goal-gpt4"))


def test_look_up_by_id_and_kind(kadrey: ev.RecordSet) -> None:
    assert "kadrey-v-meta" in kadrey
    assert kadrey["kadrey-v-meta"].name == "Kadrey v. Meta Platforms, Inc."
    assert isinstance(kadrey.get("ecf-391", ev.Filing), ev.Filing)
    with pytest.raises(ev.ResolutionError, match="'ecf-391' is a filing, not an exhibit"):
        kadrey.get("ecf-391", ev.Exhibit)
    with pytest.raises(ev.ResolutionError, match="no record has the id 'nope'"):
        kadrey["nope"]
    assert [m.id for m in kadrey.messages][:2] == ["chat-goal-gpt4", "chat-mistral-peanuts"]
    assert kadrey.of_kind(ev.Exhibit) == kadrey.exhibits
    assert len(kadrey) == sum(len(kadrey.of_kind(cls)) for cls in ev._model.RECORD_KINDS)


def test_typed_resolution_of_references(kadrey: ev.RecordSet) -> None:
    message = kadrey.get("chat-goal-gpt4", ev.Message)
    sender = kadrey.resolve(message, "sender")
    assert isinstance(sender, ev.Actor) and sender.name == "Ahmad Al-Dahle"
    assert [a.name for a in kadrey.resolve(message, "recipients")] == ["Hugo Touvron"]
    assert kadrey.exhibit_of(message) is None  # which exhibit holds it is not known
    filing = kadrey.filing_of(message)
    assert filing is not None and filing.ecf == 391
    case = kadrey.case_of(message)
    assert case is not None and case.id == "kadrey-v-meta"
    exhibit = kadrey.get("ecf-391-ex-k", ev.Exhibit)
    assert kadrey.filing_of(exhibit) == filing
    with pytest.raises(ev.UsageError, match=r"message\.text is not a reference"):
        kadrey.resolve(message, "text")


def test_a_dangling_or_mistyped_reference_is_a_clear_error() -> None:
    records = ev.RecordSet(
        [
            ev.Filing(id="ecf-1", case="kadrey-v-meta", ecf=1),
            ev.Message(id="m", exhibit="ecf-1"),
            ev.Message(id="n", sender="nobody"),
        ]
    )
    with pytest.raises(ev.ResolutionError, match="message 'm': exhibit: 'ecf-1' is a filing, not an exhibit"):
        records.exhibit_of(records.get("m", ev.Message))
    with pytest.raises(ev.ResolutionError, match="message 'n': sender: no actor record has the id 'nobody'"):
        records.resolve(records["n"], "sender")


def test_courts_come_from_courts_db_when_no_record_names_them(kadrey: ev.RecordSet) -> None:
    court = kadrey.court_of(kadrey.get("kadrey-v-meta", ev.Case))
    assert (court.id, court.citation) == ("cand", "N.D. Cal.")
    assert court.name == "United States District Court for the Northern District of California"
    own = ev.RecordSet(
        [
            ev.Court(id="canb", name="Bankruptcy Court (N.D. Cal.)"),
            ev.Case(id="x", caption="X v. Y", name="X v. Y", court="canb", docket_number="1"),
        ]
    )
    court = own.court_of(own.get("x", ev.Case))
    assert (court.name, court.citation) == ("Bankruptcy Court (N.D. Cal.)", "Bankr. N.D. Cal.")


def test_reverse_look_ups(kadrey: ev.RecordSet) -> None:
    filing = kadrey.get("ecf-391", ev.Filing)
    assert [e.id for e in kadrey.exhibits_of(filing)] == ["ecf-391-ex-k"]
    assert len(kadrey.messages_of(filing)) == 8
    assert kadrey.messages_of(kadrey.get("ecf-391-ex-k", ev.Exhibit)) == ()
    case = kadrey.get("kadrey-v-meta", ev.Case)
    assert [f.ecf for f in kadrey.filings_of(case)] == [391, 471, 598]
    citing = [c.id for c in kadrey.claims_citing("ecf-598")]
    assert citing == ["claim-fair-use-ruling"]
    by_source = kadrey.claims_citing(kadrey.get("bolt42-article-pt"))
    assert "claim-goal-gpt4" in [c.id for c in by_source]
    assert kadrey.get("chat-goal-gpt4") in kadrey.referrers("hugo-touvron")


def test_where_records_come_from(kadrey: ev.RecordSet) -> None:
    file, line, column = kadrey.location("chat-do-better")
    assert file == str(KADREY / "messages.yaml")
    assert line is not None and column == 5
    assert (KADREY / "messages.yaml").read_text().splitlines()[line - 1].strip() == "- id: chat-do-better"
    assert kadrey.base_folder("bolt42-article-pt") == KADREY


def test_locations_in_json_are_found_on_demand(tmp_path: Path, kadrey: ev.RecordSet) -> None:
    path = tmp_path / "kadrey.json"
    ev.dump(kadrey, path)
    loaded = ev.load(path)
    file, line, column = loaded.location("chat-do-better")
    assert file == str(path)
    assert line is not None and column is not None
    assert path.read_text().splitlines()[line - 1][column - 1 :].startswith("{")
    assert loaded == kadrey


def test_ids_are_unique_in_a_set() -> None:
    with pytest.raises(ev.LoadError, match="id 'a' is used twice"):
        ev.RecordSet([ev.Actor(id="a", name="A", kind="person"), ev.Source(id="a", kind="book")])


def test_dump_writes_each_format_and_refuses_an_unknown_one(tmp_path: Path, kadrey: ev.RecordSet) -> None:
    for suffix in ("yaml", "json", "jsonl"):
        path = tmp_path / f"all.{suffix}"
        ev.dump(kadrey, path)
        assert ev.load(path) == kadrey
    with pytest.raises(ev.UsageError, match="cannot tell the format"):
        ev.dump(kadrey, tmp_path / "all.txt")
    ev.dump(kadrey, tmp_path / "all.txt", format="json")
    assert (tmp_path / "all.txt").read_bytes() == (tmp_path / "all.json").read_bytes()


def test_dump_replaces_the_file_atomically(
    tmp_path: Path, kadrey: ev.RecordSet, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "records.yaml"
    path.write_text("evidence: 1\n")
    path.chmod(0o640)

    def fail(*_: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr("os.replace", fail)
    with pytest.raises(OSError, match="disk full"):
        ev.dump(kadrey, path)
    assert path.read_text() == "evidence: 1\n"  # the old file is intact
    assert [p.name for p in tmp_path.iterdir()] == ["records.yaml"]  # no temporary file left
    monkeypatch.undo()
    ev.dump(kadrey, path)
    assert path.stat().st_mode & 0o777 == 0o640


def test_records_accept_plain_values_in_code() -> None:
    actor = ev.Actor(id="a", name="A", kind="person", aliases=["x", "y"])  # type: ignore[arg-type]
    assert actor.kind is ev.ActorKind.PERSON and actor.aliases == ("x", "y")
    message = ev.Message(id="m", sent="2023-10", channel="chat")  # type: ignore[arg-type]
    assert message.sent == ev.Date(year=2023, month=10)
    assert message.confidence_of("sent") is ev.Confidence.UNVERIFIED  # no mark given: not known to be so
    likely = ev.Message(id="m", field_confidence={"sent": ev.Confidence.LIKELY})
    assert likely.confidence_of("sent") is ev.Confidence.LIKELY


# -- documented misuse ------------------------------------------------------------------------
#
# Each raises an EvidenceError naming what was asked (UsageError, or ResolutionError for a
# record of another kind), never a bare ValueError, TypeError or KeyError.

_CASE = testing.record(ev.Case)
_RECORDS = testing.record_set()
MISUSE: dict[str, tuple[Callable[[Path], object], type[ev.EvidenceError], str]] = {
    "dump to an unknown format": (lambda tmp: ev.dump(_RECORDS, tmp / "r.yaml", format="xml"), ev.UsageError, "xml"),
    "dumps to an unknown format": (lambda tmp: ev.dumps(_RECORDS, format="xml"), ev.UsageError, "xml"),
    "dump to a file of no known suffix": (lambda tmp: ev.dump(_RECORDS, tmp / "r.txt"), ev.UsageError, "r.txt"),
    "load a path that does not exist": (lambda tmp: ev.load(tmp / "no" / "such"), ev.UsageError, "no such file"),
    "check a path that does not exist": (lambda tmp: ev.check(tmp / "no" / "such"), ev.UsageError, "no such file"),
    "check in no processes": (lambda tmp: ev.check(_RECORDS, jobs=0), ev.UsageError, "jobs"),
    "check selecting a code no rule has": (lambda tmp: ev.check(_RECORDS, select=["Z9"]), ev.UsageError, "'Z9'"),
    "check ignoring a code no rule has": (lambda tmp: ev.check(_RECORDS, ignore=["S0077"]), ev.UsageError, "'S0077'"),
    "cite in an unknown style": (lambda tmp: ev.cite(_CASE, records=_RECORDS, style="mla"), ev.UsageError, "mla"),
    "cite in an unknown form": (lambda tmp: ev.cite(_CASE, records=_RECORDS, form="long"), ev.UsageError, "long"),
    "cite in an unknown markup": (lambda tmp: ev.cite(_CASE, records=_RECORDS, markup="rtf"), ev.UsageError, "rtf"),
    "citation in an unknown style": (
        lambda tmp: ev.citation(_CASE, records=_RECORDS, style="mla"),
        ev.UsageError,
        "mla",
    ),
    "bibliography in an unknown style": (
        lambda tmp: ev.bibliography(_RECORDS, style="mla", record_set=_RECORDS),
        ev.UsageError,
        "mla",
    ),
    "bibliography in an unknown markup": (
        lambda tmp: ev.bibliography(_RECORDS, markup="rtf", record_set=_RECORDS),
        ev.UsageError,
        "rtf",
    ),
    "citation sequence in an unknown style": (lambda tmp: ev.CitationSequence(style="mla"), ev.UsageError, "mla"),
    "citation sequence in an unknown markup": (lambda tmp: ev.CitationSequence(markup="rtf"), ev.UsageError, "rtf"),
    "get a record as another kind": (lambda tmp: _RECORDS.get("case", ev.Message), ev.ResolutionError, "not a message"),
    "get an id no record has": (lambda tmp: _RECORDS["nope"], ev.ResolutionError, "nope"),
    "resolve a field that is not a reference": (
        lambda tmp: _RECORDS.resolve(_CASE, "caption"),
        ev.UsageError,
        "caption",
    ),
    "a table of an unknown kind": (lambda tmp: ev.to_table(_RECORDS, "nonesuch"), ev.UsageError, "nonesuch"),
    "trace an id no record has": (lambda tmp: ev.trace(_RECORDS, "nope"), ev.ResolutionError, "nope"),
    "export to an unknown format": (lambda tmp: ev.export(_RECORDS, "xml"), ev.UsageError, "xml"),
    "a test record of a kind that is not a record": (lambda tmp: testing.record(ev.Quote), ev.UsageError, "Quote"),
}


@pytest.mark.parametrize("case", list(MISUSE))
def test_documented_misuse_is_a_usage_error(case: str, tmp_path: Path) -> None:
    call, expected, named = MISUSE[case]
    with pytest.raises(ev.EvidenceError) as raised:
        call(tmp_path)
    assert isinstance(raised.value, expected), f"{case}: {type(raised.value).__name__}: {raised.value}"
    assert not isinstance(raised.value, ValueError | TypeError | KeyError)
    assert named in str(raised.value)


def test_the_records_by_id_are_read_only(kadrey: ev.RecordSet) -> None:
    ids = kadrey.by_id()
    assert ids["kadrey-v-meta"] is kadrey["kadrey-v-meta"] and ids.get("nope") is None
    for change in (lambda: ids.__setitem__("x", kadrey["kadrey-v-meta"]), lambda: ids.pop("kadrey-v-meta"), ids.clear):
        with pytest.raises(TypeError, match="read-only"):
            change()
    assert "kadrey-v-meta" in kadrey.by_id() and len(kadrey.by_id()) == len(kadrey)
