"""Issue 18, point 7: Arrow and Parquet with list, struct and map columns, defaults filled, and a
Hive-partitioned dataset (`--to parquet-dataset`) that DuckDB, Polars and Dask read without
`evidence`. The readers run in a process that never imports `evidence`; what they read is turned
back into a record file and loaded with `evidence.loads`, which must give the records again."""

from __future__ import annotations

import datetime as _dt
import importlib.util
import io
import json
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import pyarrow
import pyarrow.dataset
import pyarrow.parquet as parquet
import pytest
from hypothesis import given

import evidence as ev
from evidence.testing import strategies as s
from tests.conftest import EXAMPLES, run_evidence

BOTH = [
    pytest.param(EXAMPLES / "kadrey-v-meta", id="kadrey"),
    pytest.param(EXAMPLES / "thomson-reuters-v-ross", id="ross"),
]
PARTITIONS = ("record_kind", "record_court", "record_year")
KINDS = (ev.Court, ev.Case, ev.Actor, ev.Filing, ev.Exhibit, ev.Decision, ev.Message, ev.Source, ev.Provision, ev.Claim)

# Reads the dataset in DIR (argv[1]) with DuckDB and with Polars (and Dask when its data-frame
# part is installed), one kind at a time, and prints what each gave as JSON. It must not need
# `evidence`, and it checks that it did not import it.
READER = r"""
import json, sys
from pathlib import Path

import duckdb
import polars as pl

folder = Path(sys.argv[1])
kinds = sorted(p.name.split("=", 1)[1] for p in folder.glob("record_kind=*"))
out = {"duckdb": {}, "polars": {}, "dask": None, "metadata": {}, "polars_metadata": {}}
for kind in kinds:
    glob = f"{folder}/record_kind={kind}/**/*.parquet"
    cursor = duckdb.sql(f"SELECT * FROM read_parquet('{glob}', hive_partitioning = true)")
    out["duckdb"][kind] = [dict(zip(cursor.columns, row)) for row in cursor.fetchall()]
    out["polars"][kind] = pl.scan_parquet(glob, hive_partitioning=True).collect().to_dicts()
# Every kind at once: the kinds' columns differ, so DuckDB unites them by name.
cursor = duckdb.sql(
    f"SELECT record_kind, count(*) FROM read_parquet('{folder}/**/*.parquet', hive_partitioning = true, "
    "union_by_name = true) GROUP BY record_kind"
)
out["counts"] = dict(cursor.fetchall())
cursor = duckdb.sql(f"SELECT file_name, decode(key), decode(value) FROM parquet_kv_metadata('{folder}/**/*.parquet')")
for name, key, value in cursor.fetchall():
    if key.startswith("evidence."):
        out["metadata"].setdefault(name, {})[key] = value
for path in folder.glob("**/*.parquet"):
    found = pl.read_parquet_metadata(path)
    out["polars_metadata"][str(path)] = {k: v for k, v in found.items() if k.startswith("evidence.")}
try:
    import dask.dataframe as dd
    import pyarrow as pa
    import pyarrow.dataset as ds
except ImportError as error:
    out["dask"] = f"not installed: {error}"
else:
    # A partition that holds only the default value gives Dask no type to infer: say it.
    partitioning = ds.partitioning(pa.schema([("record_court", pa.string()), ("record_year", pa.int64())]), flavor="hive")
    frame = dd.read_parquet(f"{folder}/record_kind=message", dataset={"partitioning": partitioning}).compute()
    out["dask"] = sorted(frame["id"])
assert "evidence" not in sys.modules, "the reader imported evidence"
print(json.dumps(out, default=lambda v: v.isoformat() if hasattr(v, "isoformat") else str(v)))
"""


def _read_without_evidence(folder: Path) -> dict[str, Any]:
    done = subprocess.run(
        [sys.executable, "-I", "-c", READER, str(folder)], capture_output=True, text=True, timeout=300, check=False
    )
    assert done.returncode == 0, done.stderr
    result: dict[str, Any] = json.loads(done.stdout)
    return result


def _data(value: Any) -> Any:
    """A value as a reader gave it, as record-file data: a struct's date columns checked against
    the date's own text and dropped, nulls and empty lists and maps left out (they are the
    defaults)."""
    if isinstance(value, dict):
        data = {}
        for key, item in value.items():
            base = key.removesuffix("_earliest").removesuffix("_latest")
            if base != key and base in value:
                _check_bound(value[base], item, latest=key.endswith("_latest"))
                continue
            if key == "digest" and isinstance(item, dict):  # a struct here, its text in a record file
                data[key] = f"{item['algorithm']}:{item['value']}"
            elif item not in (None, [], {}):
                data[key] = _data(item)
        return data
    if isinstance(value, list):
        return [_data(item) for item in value]
    return value


def _check_bound(text: str | None, instant: Any, *, latest: bool) -> None:
    if text is None:
        assert instant is None
        return
    date = ev.parse_date(text)
    bound = date.latest if latest else date.earliest
    if bound.year in (1, 9999):  # an open end: no instant
        assert instant is None, (text, instant)
    else:
        read = instant if isinstance(instant, _dt.datetime) else _dt.datetime.fromisoformat(instant)
        assert read == bound, (text, instant)


def _records_of(rows_by_kind: dict[str, list[dict[str, Any]]]) -> ev.RecordSet:
    """The rows back as records, through the library's own reader of record files."""
    document: dict[str, Any] = {"evidence": 2}
    for kind, rows in rows_by_kind.items():
        plural = next(cls.PLURAL for cls in KINDS if kind == cls.KIND)
        drop = {*PARTITIONS, "row_confidence"}
        document[plural] = [_data({k: v for k, v in row.items() if k not in drop}) for row in rows]
    return ev.loads(json.dumps(document), "json")


def _by_id(records: ev.RecordSet) -> dict[str, ev.Record]:
    return {record.id: record for record in records}


@pytest.fixture(scope="module")
def datasets(tmp_path_factory: pytest.TempPathFactory) -> dict[Path, tuple[Path, dict[str, Any]]]:
    for name in ("duckdb", "polars"):
        if importlib.util.find_spec(name) is None:
            pytest.skip(f"{name} is not installed: pip install '.[test]'")
    found = {}
    for param in BOTH:
        (example,) = param.values
        folder = tmp_path_factory.mktemp(example.name) / "dataset"
        ran = run_evidence("export", example, "--to", "parquet-dataset", "-o", folder, cwd=folder.parent, timeout=120)
        assert ran.code == 0, ran.err
        found[example] = (folder, _read_without_evidence(folder))
    return found


@pytest.mark.parametrize("example", BOTH)
@pytest.mark.parametrize("reader", ["duckdb", "polars"])
def test_the_dataset_read_without_evidence_gives_back_every_record(
    datasets: dict[Path, tuple[Path, dict[str, Any]]], example: Path, reader: str
) -> None:
    _, read = datasets[example]
    expected = ev.load(example)
    assert _by_id(_records_of(read[reader])) == _by_id(expected)
    assert read["counts"] == {cls.KIND: len(expected.of_kind(cls)) for cls in KINDS if expected.of_kind(cls)}


@pytest.mark.parametrize("example", BOTH)
def test_nested_values_are_lists_and_structs_with_their_defaults(
    datasets: dict[Path, tuple[Path, dict[str, Any]]], example: Path
) -> None:
    _, read = datasets[example]
    records = ev.load(example)
    for reader in ("duckdb", "polars"):
        claims = {row["id"]: row for row in read[reader]["claim"]}
        for claim in records.claims:
            links = claims[claim.id]["evidence"]
            assert isinstance(links, list) and all(isinstance(link, dict) for link in links)
            # role and confidence are left out of most record files; the link's own values are here
            assert [(link["record"], link["role"], link["confidence"]) for link in links] == [
                (e.record, e.role.value, e.confidence.value) for e in claim.evidence
            ]
        messages = {row["id"]: row for row in read[reader].get("message", [])}
        for message in records.messages:
            attestations = messages[message.id]["attestations"]
            assert [(a["source"], a["kind"], a["confidence"], a["quote"]["exact"]) for a in attestations] == [
                (a.source, a.kind.value, a.confidence.value, a.quote.exact) for a in message.attestations
            ]
        for row in read[reader]["case"]:
            case = records.get(row["id"], ev.Case)
            assert row["identifiers"] == dict(case.identifiers)
            assert [(p["actor"], p["role"], p["confidence"]) for p in row["parties"]] == [
                (p.actor, p.role.value, p.confidence.value) for p in case.parties
            ]


def _plain_year(value: ev.Date | ev.DateInterval | None) -> int | None:
    """The year of a date that is one, not approximate or uncertain; None where the examples
    give no such date (the rule for those is tested below on dates of every sort)."""
    if isinstance(value, ev.Date) and not (value.approximate or value.uncertain):
        return value.year
    return None


def _hive(folder: Path, *names: str) -> Any:
    """The dataset in `folder` as pyarrow reads it, the partitions' types given: a partition that
    holds only the default value gives it none to infer."""
    types = {"record_kind": pyarrow.string(), "record_court": pyarrow.string(), "record_year": pyarrow.int64()}
    schema = pyarrow.schema([(name, types[name]) for name in names])
    return pyarrow.dataset.dataset(
        folder, format="parquet", partitioning=pyarrow.dataset.partitioning(schema, flavor="hive")
    )


@pytest.mark.parametrize("example", BOTH)
def test_partitions_are_kind_court_and_year_with_the_default_partition_as_null(
    datasets: dict[Path, tuple[Path, dict[str, Any]]], example: Path
) -> None:
    _, read = datasets[example]
    records = ev.load(example)
    for reader in ("duckdb", "polars"):
        for kind, rows in read[reader].items():
            assert {row["record_kind"] for row in rows} == {kind}
        for row in read[reader]["case"]:
            case = records.get(row["id"], ev.Case)
            assert (row["record_court"], row["record_year"]) == (case.court, _plain_year(case.filed))
        for row in read[reader]["filing"] + read[reader].get("decision", []):
            record = records[row["id"]]
            assert row["record_court"] == records.get(record.case, ev.Case).court  # type: ignore[attr-defined]
        for row in read[reader]["filing"]:
            filed = records.get(row["id"], ev.Filing).filed
            assert row["record_year"] == _plain_year(filed)
        # actors belong to no case and have no date: the default partition, read as null
        assert {(row["record_court"], row["record_year"]) for row in read[reader]["actor"]} == {(None, None)}


@pytest.mark.parametrize("example", BOTH)
def test_every_file_names_the_format_and_library_versions(
    datasets: dict[Path, tuple[Path, dict[str, Any]]], example: Path
) -> None:
    folder, read = datasets[example]
    files = sorted(folder.glob("**/*.parquet"))
    assert files and all("__HIVE_DEFAULT_PARTITION__" in str(f) or "record_year=" in str(f) for f in files)
    for metadata in (read["metadata"], read["polars_metadata"]):
        assert sorted(metadata) == sorted(map(str, files))
        for name, found in metadata.items():
            kind = Path(name).parts[-4].split("=", 1)[1]
            assert found == {"evidence.format_version": "2", "evidence.version": ev.__version__, "evidence.kind": kind}


def test_dask_reads_the_messages_of_the_dataset(datasets: dict[Path, tuple[Path, dict[str, Any]]]) -> None:
    _, read = datasets[EXAMPLES / "kadrey-v-meta"]
    if isinstance(read["dask"], str):
        pytest.skip(f"dask.dataframe is {read['dask']}: pip install 'dask[dataframe]'")
    assert read["dask"] == sorted(m.id for m in ev.load(EXAMPLES / "kadrey-v-meta").messages)


def test_a_new_export_replaces_the_dataset_and_leaves_other_files(tmp_path: Path) -> None:
    message = ev.Message(id="m", text="Hello.", sent=ev.parse_date("2023-05-01"))
    ev.export_files([message], "parquet-dataset", tmp_path)
    (tmp_path / "README.txt").write_text("mine\n", encoding="utf-8")
    moved = ev.Message(id="m", text="Hello.", sent=ev.parse_date("2024-05-01"))
    written = ev.export_files([moved, ev.Actor(id="a", name="Ann", kind="person")], "parquet-dataset", tmp_path)
    files = sorted(str(p.relative_to(tmp_path)) for p in tmp_path.glob("**/*.parquet"))
    assert files == sorted(str(p.relative_to(tmp_path)) for p in written)
    table = _hive(tmp_path / "record_kind=message", "record_court", "record_year").to_table()
    assert table.column("record_year").to_pylist() == [2024]  # the 2023 partition is gone
    assert (tmp_path / "README.txt").read_text(encoding="utf-8") == "mine\n"
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no staging folder left


def test_a_link_in_the_folder_is_replaced_and_what_it_names_is_left(tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "keep.parquet").write_bytes(b"not ours")
    (tmp_path / "dataset").mkdir()
    (tmp_path / "dataset" / "record_kind=message").symlink_to(elsewhere)
    ran = run_evidence(
        "export", EXAMPLES / "kadrey-v-meta", "--to", "parquet-dataset", "-o", "dataset", cwd=tmp_path, timeout=120
    )
    assert ran.code == 0, ran.err
    assert (elsewhere / "keep.parquet").read_bytes() == b"not ours"
    assert not (tmp_path / "dataset" / "record_kind=message").is_symlink()
    assert _hive(tmp_path / "dataset" / "record_kind=message", "record_court", "record_year").count_rows() == 8


def test_a_year_is_a_partition_only_when_the_date_keeps_to_it(tmp_path: Path) -> None:
    dated = {
        "one": "2023-10",
        "span": "2023-12/2024-01",
        "open": "2023-05-01/..",
        "about": "2023~",
        "day": "2023-06-15~",
    }
    records = [ev.Message(id=id, sent=ev.parse_date(text)) for id, text in dated.items()]
    ev.export_files(records, "parquet-dataset", tmp_path)
    table = _hive(tmp_path, *PARTITIONS).to_table()
    years = dict(zip(table.column("id").to_pylist(), table.column("record_year").to_pylist(), strict=True))
    assert years == {"one": 2023, "span": None, "open": None, "about": None, "day": 2023}


def test_the_command_needs_a_folder_for_the_dataset(tmp_path: Path) -> None:
    ran = run_evidence("export", EXAMPLES / "kadrey-v-meta", "--to", "parquet-dataset", cwd=tmp_path, timeout=120)
    assert ran.code == 2 and "parquet-dataset" in ran.err
    with pytest.raises(ev.UsageError, match="parquet-dataset writes a dataset partitioned by record kind"):
        ev.export(ev.load(EXAMPLES / "kadrey-v-meta"), "parquet-dataset")


def _round_trip(records: ev.RecordSet, cls: type[ev.Record]) -> list[dict[str, Any]]:
    buffer = io.BytesIO()
    parquet.write_table(ev.to_table(records, cls), buffer)
    return list(parquet.read_table(io.BytesIO(buffer.getvalue())).to_pylist())


@given(records=s.record_sets())
def test_parquet_keeps_every_value_of_any_record_set(records: ev.RecordSet) -> None:
    rows = {cls.KIND: _round_trip(records, cls) for cls in KINDS if records.of_kind(cls)}
    # pyarrow gives a map as (key, value) pairs, DuckDB and Polars as a dict
    rows = {kind: [_maps_as_dicts(row) for row in kind_rows] for kind, kind_rows in rows.items()}
    assert _by_id(_records_of(rows)) == _by_id(records)
    with tempfile.TemporaryDirectory() as folder:
        ev.export_files(records, "parquet-dataset", folder)
        for cls in KINDS:
            if records.of_kind(cls):
                path = Path(folder) / f"record_kind={cls.KIND}"
                read = _hive(path, "record_court", "record_year").to_table()
                assert sorted(read.column("id").to_pylist()) == sorted(r.id for r in records.of_kind(cls))


def _maps_as_dicts(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _maps_as_dicts(v) for k, v in value.items()}
    if isinstance(value, list) and value and all(isinstance(v, tuple) for v in value):
        return {k: v for k, v in value}
    if isinstance(value, list):
        return [_maps_as_dicts(v) for v in value]
    return value


def _snapshot(folder: Path) -> dict[str, bytes | None]:
    """Every entry under `folder` by its path, with a file's bytes (None for a folder)."""
    return {str(p.relative_to(folder)): None if p.is_dir() else p.read_bytes() for p in sorted(folder.rglob("*"))}


def _staging_left(tmp_path: Path, name: str) -> list[Path]:
    """Hidden entries inside the dataset or beside it: what a staging folder would leave."""
    return [
        p for place in (tmp_path, tmp_path / name) if place.is_dir() for p in place.iterdir() if p.name.startswith(".")
    ]


def test_a_file_where_a_kind_folder_goes_is_refused_with_nothing_changed(tmp_path: Path) -> None:
    ran = run_evidence(
        "export", EXAMPLES / "thomson-reuters-v-ross", "--to", "parquet-dataset", "-o", "ds3", cwd=tmp_path, timeout=120
    )
    assert ran.code == 0, ran.err
    assert not _staging_left(tmp_path, "ds3")
    claims = tmp_path / "ds3" / "record_kind=claim"
    for part in sorted(claims.rglob("*"), reverse=True):
        part.unlink() if part.is_file() else part.rmdir()
    claims.rmdir()
    claims.write_text("x\n", encoding="utf-8")
    before = _snapshot(tmp_path / "ds3")
    ran = run_evidence(
        "export", EXAMPLES / "kadrey-v-meta", "--to", "parquet-dataset", "-o", "ds3", cwd=tmp_path, timeout=120
    )
    assert ran.code == 2
    assert "ds3/record_kind=claim is not a folder" in ran.err and "nothing was changed" in ran.err
    assert ".evidence" not in ran.err  # never a staging path, gone by the time it is read
    assert _snapshot(tmp_path / "ds3") == before
    assert not _staging_left(tmp_path, "ds3")


def test_the_dataset_is_written_beside_the_folder_never_in_it(tmp_path: Path) -> None:
    # A reader's `dataset/**/*.parquet` must never see a half-written export: the staging folder
    # is a sibling of the dataset, so a cross-check of what DuckDB counts holds after the export.
    ran = run_evidence(
        "export", EXAMPLES / "kadrey-v-meta", "--to", "parquet-dataset", "-o", "dataset", cwd=tmp_path, timeout=120
    )
    assert ran.code == 0, ran.err
    assert not _staging_left(tmp_path, "dataset")
    written = sorted(line.removeprefix("wrote ") for line in ran.out.splitlines())
    assert written == sorted(str(p.relative_to(tmp_path)) for p in (tmp_path / "dataset").rglob("*.parquet"))


def test_an_empty_record_set_says_it_wrote_no_files(tmp_path: Path) -> None:
    (tmp_path / "empty.yaml").write_text("evidence: 2\nactors: []\n", encoding="utf-8")
    ev.export_files(ev.load(EXAMPLES / "kadrey-v-meta"), "parquet-dataset", tmp_path / "dataset")
    ran = run_evidence("export", "empty.yaml", "--to", "parquet-dataset", "-o", "dataset", cwd=tmp_path, timeout=120)
    assert ran.code == 0, ran.err
    assert ran.out.strip() == "wrote no files in dataset: empty.yaml holds no records"
    assert not list((tmp_path / "dataset").iterdir())  # the earlier kinds are replaced by none
    assert not _staging_left(tmp_path, "dataset")


def _files_capped() -> None:
    """In the child: no file may grow past a few kilobytes, and writing past it is an error
    (EFBIG) rather than the signal that would kill the process."""
    import resource
    import signal

    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))


def test_a_write_that_fails_names_the_dataset_and_changes_nothing(tmp_path: Path) -> None:
    ev.export_files(ev.load(EXAMPLES / "thomson-reuters-v-ross"), "parquet-dataset", tmp_path / "dataset")
    before = _snapshot(tmp_path / "dataset")
    ran = run_evidence(
        "export", EXAMPLES / "kadrey-v-meta", "--to", "parquet-dataset", "-o", "dataset",
        cwd=tmp_path, timeout=120, preexec_fn=_files_capped,
    )  # fmt: skip
    assert ran.code == 2, ran.out
    assert "dataset/record_kind=" in ran.err and ".evidence" not in ran.err, ran.err
    assert _snapshot(tmp_path / "dataset") == before
    assert not _staging_left(tmp_path, "dataset")
