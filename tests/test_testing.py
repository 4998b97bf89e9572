"""`evidence.testing`: the factories, the check as an assertion, and hypothesis kept optional."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import attrs
import pytest

import evidence as ev
from evidence import testing
from evidence.testing import strategies
from tests.conftest import ROOT

KINDS = list(strategies.RECORDS)


@pytest.mark.parametrize("kind", KINDS, ids=lambda kind: kind.KIND)
def test_a_minimal_record_fills_only_the_required_fields(kind: type[ev.Record], tmp_path: Path) -> None:
    record = testing.record(kind)
    required = [field.name for field in attrs.fields(kind) if field.default is attrs.NOTHING]
    if kind is ev.Case:  # a name or a caption: the minimal case has a name
        required.insert(1, "name")
    assert [name for name in attrs.fields_dict(kind) if getattr(record, name) != _default(kind, name)] == required
    assert testing.record(kind, id="other").id == "other"
    # Read back from a file, it is the same record: valid in a file, not only in code.
    ev.dump([record], tmp_path / "record.yaml")
    assert ev.load(tmp_path / "record.yaml") == ev.RecordSet([record])


def _default(kind: type[ev.Record], name: str) -> object:
    default = attrs.fields_dict(kind)[name].default
    return default.factory() if isinstance(default, attrs.Factory) else default  # type: ignore[attr-defined]


@pytest.mark.parametrize("format", ["yaml", "json", "jsonl"])
def test_the_small_record_set_passes_every_rule_in_every_format(format: str, tmp_path: Path) -> None:
    records = testing.record_set()
    assert {type(record) for record in records} == set(KINDS)
    assert ev.check(records).findings == ()
    folder = testing.write_record_set(tmp_path / "records", format=format)
    assert [path.name for path in folder.iterdir()] == [f"records.{format}"]
    assert ev.load(folder) == records
    assert ev.check(folder).findings == ()


def test_records_given_to_the_set_are_added_or_replace_their_id() -> None:
    extra = testing.record(ev.Message, id="extra")
    replaced = testing.record(ev.Actor, name="John Roe")
    records = testing.record_set(extra, replaced)
    assert len(records) == 11
    assert records.get("actor", ev.Actor).name == "John Roe"
    assert records["extra"] == extra


def test_write_record_set_writes_the_records_given(tmp_path: Path) -> None:
    actor = testing.record(ev.Actor)
    folder = testing.write_record_set(tmp_path / "deep" / "records", [actor])
    assert ev.load(folder) == ev.RecordSet([actor])


def test_a_failed_check_lists_errors_and_warnings_but_not_notes(tmp_path: Path) -> None:
    quote = ev.Quote(exact="beat GPT-4")
    claim = testing.record(ev.Claim, evidence=[ev.EvidenceLink(record="message", quote=quote)])  # Q004, a note
    untitled = testing.record(ev.Source, confidence="confirmed")  # Y001, a warning
    folder = testing.write_record_set(tmp_path / "records", testing.record_set(claim, untitled))
    assert testing.assert_check_passes(folder).warnings  # warnings pass unless strict
    with pytest.raises(testing.CheckFailed) as failed:
        testing.assert_check_passes(folder, strict=True, relative_to=tmp_path)
    lines = str(failed.value).splitlines()
    assert lines[0].startswith("records/records.yaml:") and " Y001 " in lines[0]
    assert lines[1:] == ["10 records checked: 0 errors, 1 warning, 1 note"]
    assert failed.value.report.warnings[0].code == "Y001"
    assert isinstance(failed.value, AssertionError)
    testing.assert_check_passes(folder, strict=True, ignore=["Y"])
    dangling = testing.record_set(testing.record(ev.Message, id="orphan", sender="nobody"))
    with pytest.raises(testing.CheckFailed, match=r"R001 \$\.sender: no actor has the id 'nobody'"):
        testing.assert_check_passes(dangling)


def test_hypothesis_is_needed_only_by_the_strategies() -> None:
    # Without hypothesis: evidence, evidence.testing and the pytest plugin import; the strategies say what they need.
    code = (
        "import sys; sys.modules['hypothesis'] = None\n"
        "import evidence, evidence.testing, evidence._plugin\n"
        "assert evidence.testing.record_set()\n"
        "try:\n    import evidence.testing.strategies\n"
        "except ImportError as error:\n    print(error)\n"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=False)
    assert run.returncode == 0, run.stderr
    assert "pip install 'evidence[testing]'" in run.stdout
