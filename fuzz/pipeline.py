"""The whole pipeline run on damaged copies of the bundled examples: load, check, cite, trace,
timeline, cast and every export, through the `evidence` command and the public API.

A damaged copy is one of the examples with a few edits made by a `Chooser` (atheris's bytes in
`fuzz/fuzz_pipeline.py`, hypothesis's draws in `tests/test_fuzz_pipeline.py`): a value replaced by
a hostile one, a reference pointed at another record (which makes cycles), a record copied or
removed. What may come out is a result or a clear refusal: exit 0, 1 or 2 without an internal
error from the command, an `EvidenceError` from the API. Anything else is a finding.
"""

from __future__ import annotations

import contextlib
import io
import json
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Protocol

import evidence as ev
from evidence._cli import main
from evidence._export import FORMATS

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
SEEDS = ("kadrey-v-meta", "thomson-reuters-v-ross")

# Values that have broken readers and views before: the ends of the date range, invisible and
# bidirectional characters, a lone surrogate, digits that are not ASCII, spreadsheet formulas,
# huge and negative numbers, wrong types.
HOSTILE: tuple[Any, ...] = (
    "", " ", "9999-12-31", "0001-01-01", "0001-01-01T00:00+10:00", "9999-12-31T23:59:59-12:00",
    "2024-02-30", "２０２４-01-01", "٢٠٢٤-01-01", "2024/2025", "../2024", "2024-05-01/..", "2024-XX",
    "=HYPERLINK(\"x\")", "+1", "@SUM(A1)", "\x1b[31mred\x1b[0m", "bell\x07", "line\u2028break",
    "\u202eevil", "\ufeffbom", "\ud800", "Cafe\u0301", "¶ 12", "*2", "x" * 300, 0, -1, 2**63, 1.5, True,
    None, [], {}, ["x"], {"x": 1},
)  # fmt: skip


class Chooser(Protocol):
    """Where the edits come from: a number below `n`."""

    def below(self, n: int) -> int: ...


def seed(chooser: Chooser) -> tuple[str, dict[str, Any]]:
    """One of the examples as plain data (the JSON `evidence.dumps` writes)."""
    name = SEEDS[chooser.below(len(SEEDS))]
    return name, json.loads(ev.dumps(ev.load(EXAMPLES / name)))


def damage(data: dict[str, Any], chooser: Chooser, edits: int) -> dict[str, Any]:
    """`data` with `edits` edits, each on a record the chooser picks."""
    records = [(kind, i) for kind, items in data.items() if isinstance(items, list) for i in range(len(items))]
    ids = [item["id"] for kind, i in records for item in [data[kind][i]] if isinstance(item, dict) and "id" in item]
    for _ in range(edits):
        if not records:
            break
        kind, i = records[chooser.below(len(records))]
        if i >= len(data[kind]):
            continue
        record = data[kind][i]
        action = chooser.below(4)
        if action == 0 and isinstance(record, dict) and record:  # a value replaced
            path = list(_places(record))
            where, key = path[chooser.below(len(path))]
            where[key] = HOSTILE[chooser.below(len(HOSTILE))]
        elif action == 1 and isinstance(record, dict) and ids:  # a reference pointed elsewhere
            refs = [(where, key) for where, key in _places(record) if isinstance(where[key], str) and where[key] in ids]
            if refs:  # half the time at the record itself: a cycle of one
                where, key = refs[chooser.below(len(refs))]
                where[key] = record.get("id") if chooser.below(2) and "id" in record else ids[chooser.below(len(ids))]
        elif action == 2:  # a record copied: a duplicate id
            data[kind].append(json.loads(json.dumps(record)))
        else:  # a record removed: dangling references
            del data[kind][i]
    return data


def _places(value: Any) -> Iterator[tuple[Any, Any]]:
    """Every (container, key) of a nested value, the record's own fields first."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield value, key
            yield from _places(item)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield value, index
            yield from _places(item)


def run(name: str, data: dict[str, Any]) -> None:
    """Every stage on `data`, written beside a copy of the example's stored texts."""
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder) / name
        shutil.copytree(EXAMPLES / name / "sources", root / "sources")
        path = root / "records.json"
        path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8", errors="surrogatepass")
        _commands(path, root)
        _api(path)


def _commands(path: Path, root: Path) -> None:
    target = str(path)
    runs = [
        ["check", target],
        ["check", "--format", "json", target],
        ["show", target],
        ["cast", target],
        ["fmt", "--check", target],
        *(["timeline", "--format", fmt, target] for fmt in ("md", "csv", "html")),
        *(["cite", "--all", "--style", style, target] for style in ("bluebook", "ecf", "apa", "chicago")),
        *(["export", "--to", fmt, target, "-o", str(root / f"out-{fmt}")] for fmt in FORMATS),
    ]
    for args in runs:
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(args)
        said = err.getvalue()
        assert code in (0, 1, 2), (args, code, said)
        assert "internal error" not in said, (args, said)
        assert "Traceback" not in said, (args, said)


def _api(path: Path) -> None:
    try:
        records = ev.load(path)
    except ev.EvidenceError:
        return
    for record in records:
        for style in ("bluebook", "apa"):
            with contextlib.suppress(ev.EvidenceError):
                ev.cite(record, records=records, style=style)
        with contextlib.suppress(ev.EvidenceError):
            ev.trace(records, record.id)
    # One record's trace drawn as PROV (prov-dot): the first claim's, as the drawing is slow.
    claim = next(iter(records.claims), None)
    if claim is not None:
        with contextlib.suppress(ev.EvidenceError):
            ev.export(records, "prov-dot", record=claim.id)
