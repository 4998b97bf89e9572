"""Fuzzing the readers: random bytes and mutated copies of the example, in every format, either
load into a RecordSet or raise an EvidenceError; no other exception may escape `evidence.load`."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import evidence as ev
from tests.conftest import EXAMPLES

KADREY = EXAMPLES / "kadrey-v-meta"
SUFFIXES = (".yaml", ".json", ".jsonl")


def load_bytes(data: bytes, suffix: str) -> None:
    """Load `data` as a record file; only an EvidenceError may come out, and success is a RecordSet."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"records{suffix}"
        path.write_bytes(data)
        try:
            records = ev.load(path)
        except ev.EvidenceError:
            return
        assert isinstance(records, ev.RecordSet)


@settings(max_examples=100, deadline=None)
@given(data=st.binary(max_size=2_000), suffix=st.sampled_from(SUFFIXES))
def test_random_bytes_give_only_evidence_errors(data: bytes, suffix: str) -> None:
    load_bytes(data, suffix)


@settings(max_examples=100, deadline=None)
@given(
    text=st.text(alphabet=st.sampled_from("{}[],:\"'-#&*!|>\n \t0123456789.eE+aeinrstluvNIfy"), max_size=300),
    suffix=st.sampled_from(SUFFIXES),
)
def test_random_text_of_syntax_characters_gives_only_evidence_errors(text: str, suffix: str) -> None:
    load_bytes(b"evidence: 1\n" + text.encode() if suffix == ".yaml" else text.encode(), suffix)


def _valid_files() -> dict[str, bytes]:
    """The example's case file as YAML (as committed), and the whole example as JSON and JSON Lines."""
    records = ev.load(KADREY)
    files = {".yaml": (KADREY / "case.yaml").read_bytes()}
    with tempfile.TemporaryDirectory() as folder:
        for suffix in (".json", ".jsonl"):
            path = Path(folder) / f"records{suffix}"
            ev.dump(records, path)
            files[suffix] = path.read_bytes()
    return files


VALID = _valid_files()


@st.composite
def mutated(draw: st.DrawFn, original: bytes) -> bytes:
    """`original` after a few random edits: bytes deleted, inserted or replaced, lines swapped or
    duplicated, or the end cut off."""
    data = bytearray(original)
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(st.sampled_from(["delete", "insert", "replace", "swap", "duplicate", "truncate"]))
        at = draw(st.integers(0, max(len(data) - 1, 0)))
        if kind == "delete":
            del data[at : at + draw(st.integers(1, 16))]
        elif kind == "insert":
            data[at:at] = draw(
                st.binary(min_size=1, max_size=8) | st.sampled_from([b"{", b"[", b":", b'"', b"\n- ", b"&a ", b"*a"])
            )
        elif kind == "replace" and data:
            data[at] = draw(st.integers(0, 255))
        elif kind in ("swap", "duplicate"):
            lines = bytes(data).split(b"\n")
            i = draw(st.integers(0, len(lines) - 1))
            j = draw(st.integers(0, len(lines) - 1))
            if kind == "swap":
                lines[i], lines[j] = lines[j], lines[i]
            else:
                lines.insert(j, lines[i])
            data = bytearray(b"\n".join(lines))
        elif kind == "truncate":
            del data[at:]
    return bytes(data)


@pytest.mark.parametrize("suffix", SUFFIXES)
def test_the_unmutated_files_load(suffix: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"records{suffix}"
        path.write_bytes(VALID[suffix])
        assert len(ev.load(path)) > 0


@settings(max_examples=100, deadline=None)
@given(data=st.data(), suffix=st.sampled_from(SUFFIXES))
def test_mutated_example_files_give_a_record_set_or_an_evidence_error(data: st.DataObject, suffix: str) -> None:
    load_bytes(data.draw(mutated(VALID[suffix])), suffix)
