"""Docs are tests: code in docs/*.md and README.md runs, record files in them load, and the
format reference names every field of every record kind and value object.

Conventions, per Markdown file, in a temporary folder holding a copy of `examples/`:
- ```python blocks run in order, sharing one namespace;
- ```yaml blocks that start with `evidence: 1` are complete record files and must load;
- ```console blocks: each `$ evidence ...` line runs, and the lines after it, up to the next
  `$` line, are exactly what it prints (standard output, then standard error).
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import shlex
import shutil
from pathlib import Path

import attrs
import pytest

import evidence as ev
from evidence._cli import main
from evidence._model import RECORD_KINDS, VALUE_OBJECTS
from tests.conftest import EXAMPLES, ROOT

DOCS = [*sorted((ROOT / "docs").glob("*.md")), ROOT / "README.md"]
FENCE = re.compile(r"^```(\w+)[^\n]*\n(.*?)^```", re.DOTALL | re.MULTILINE)


def blocks(path: Path, language: str) -> list[str]:
    return [body for lang, body in FENCE.findall(path.read_text(encoding="utf-8")) if lang == language]


@pytest.fixture
def workdir(tmp_path: Path) -> Path:
    shutil.copytree(EXAMPLES, tmp_path / "examples")
    previous = Path.cwd()
    os.chdir(tmp_path)
    yield tmp_path
    os.chdir(previous)


@pytest.mark.parametrize("path", DOCS, ids=lambda p: p.name)
def test_python_in_docs_runs(path: Path, workdir: Path) -> None:
    namespace: dict[str, object] = {"__name__": f"docs_{path.stem}"}
    for number, code in enumerate(blocks(path, "python"), start=1):
        try:
            exec(compile(code, f"{path.name} (python block {number})", "exec"), namespace)
        except Exception as error:  # pragma: no cover - the message says which block failed
            pytest.fail(f"{path.name}, python block {number}: {type(error).__name__}: {error}")


@pytest.mark.parametrize("path", DOCS, ids=lambda p: p.name)
def test_record_files_in_docs_load(path: Path, workdir: Path) -> None:
    for number, text in enumerate(blocks(path, "yaml"), start=1):
        if not text.startswith("evidence: 1"):
            continue
        file = workdir / f"{path.stem}-{number}.yaml"
        file.write_text(text, encoding="utf-8")
        try:
            ev.load(file)
        except ev.EvidenceError as error:  # pragma: no cover
            pytest.fail(f"{path.name}, yaml block {number} does not load:\n{error}")


@pytest.mark.parametrize("path", DOCS, ids=lambda p: p.name)
def test_console_sessions_in_docs_print_what_they_show(path: Path, workdir: Path) -> None:
    for block in blocks(path, "console"):
        command: list[str] | None = None
        expected: list[str] = []
        for line in [*block.splitlines(), "$"]:
            if not line.startswith("$"):
                expected.append(line)
                continue
            if command is not None and command[:1] == ["evidence"]:
                out, err = io.StringIO(), io.StringIO()
                with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
                    main(command[1:])
                printed = (out.getvalue() + err.getvalue()).rstrip("\n")
                if expected:
                    assert printed == "\n".join(expected).rstrip("\n"), f"{path.name}: $ {shlex.join(command)}"
            command, expected = shlex.split(line[1:]) if line.strip() != "$" else None, []


def test_the_format_reference_names_every_field() -> None:
    text = (ROOT / "docs" / "format.md").read_text(encoding="utf-8")
    missing = [
        f"{cls.__name__}.{field.name}"
        for cls in (*RECORD_KINDS, *VALUE_OBJECTS)
        for field in attrs.fields(cls)
        if f"`{field.name}`" not in text
    ]
    assert missing == []
    for cls in (*RECORD_KINDS, *VALUE_OBJECTS):
        assert re.search(rf"^#+ .*\b{cls.__name__}\b", text, re.MULTILINE), cls.__name__
