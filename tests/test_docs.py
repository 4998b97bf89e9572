"""Docs are tests: code in docs/*.md and README.md runs, record files in them load, and the
format reference names every field of every record kind and value object.

Conventions, per Markdown file, in a temporary folder holding a copy of `examples/`:
- ```python blocks run in order, sharing one namespace;
- ```yaml blocks that start with `evidence: 2` (or 1) are complete record files and must load;
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
from evidence._check import RULES
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
        if not text.startswith(("evidence: 2", "evidence: 1")):
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


# -- the rules reference ----------------------------------------------------------------------
#
# docs/rules.md has a section `## CODE: summary` per rule, in the order of RULES. Fenced blocks
# whose info string names a file (```yaml file=example.yaml) are written into a folder `records`:
# those before the first rule (the base records) for every example, then those of the rule's
# section. The section's ```text output block starts with a command (`$ evidence check records`)
# and shows exactly what it prints, run beside `records`.

RULES_DOC = ROOT / "docs" / "rules.md"
INFO_FENCE = re.compile(r"^```(\w+)([^\n]*)\n(.*?)^```", re.DOTALL | re.MULTILINE)


def rule_sections() -> tuple[str, dict[str, str]]:
    """The text before the first rule, and each rule's section by code."""
    text = RULES_DOC.read_text(encoding="utf-8")
    parts = re.split(r"^(?=## )", text, flags=re.MULTILINE)
    sections = {part[3:7]: part for part in parts if re.match(r"## [A-Z]\d{3}:", part)}
    first = text.index(next(iter(sections.values())))
    return text[:first], sections


def write_example(text: str, folder: Path) -> list[str]:
    """Write the files of an example into `folder`; return its output blocks."""
    outputs = []
    for language, info, body in INFO_FENCE.findall(text):
        name = re.search(r"\bfile=(\S+)", info)
        if name is not None:
            file = folder / name[1]
            file.parent.mkdir(parents=True, exist_ok=True)
            file.write_text(body, encoding="utf-8")
        elif language == "text" and info.strip() == "output":
            outputs.append(body)
    return outputs


def test_the_rules_reference_has_a_section_per_rule_in_code_order() -> None:
    headings = re.findall(r"^## ([A-Z]\d{3}): (.*)$", RULES_DOC.read_text(encoding="utf-8"), re.MULTILINE)
    assert [code for code, _ in headings] == list(RULES)
    for code, summary in headings:
        assert summary == RULES[code].summary, code


def test_the_base_records_of_the_rules_reference_pass_every_rule(tmp_path: Path) -> None:
    base, _ = rule_sections()
    assert write_example(base, tmp_path / "records") == []
    report = ev.check(tmp_path / "records")
    assert report.records > 0
    assert report.findings == ()


@pytest.mark.parametrize("code", list(RULES))
def test_each_rule_example_gives_its_finding(code: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    base, sections = rule_sections()
    write_example(base, tmp_path / "records")
    outputs = write_example(sections[code], tmp_path / "records")
    assert len(outputs) == 1, f"{code}: one ```text output block"
    command, *expected = outputs[0].rstrip("\n").splitlines()
    assert command.startswith("$ evidence check ")
    monkeypatch.chdir(tmp_path)
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = main(shlex.split(command[2:])[1:])
    assert (out.getvalue() + err.getvalue()).rstrip("\n") == "\n".join(expected), code
    fails = RULES[code].severity is ev.Severity.ERROR or (
        RULES[code].severity is ev.Severity.WARNING and "--strict" in command
    )
    assert status == (1 if fails else 0)
    assert any(re.search(rf": {code} ", line) for line in expected), f"{code}: the output shows no {code} finding"
