"""A pytest plugin: every record set is a test that passes when `evidence check` finds nothing.

Installed with the package (entry point group `pytest11`), it does nothing until there are record
sets to collect:

- files whose name matches `evidence_glob` (default `*.evidence.yaml`), each one record set;
- folders named in `evidence_paths`, relative to the rootdir, each one record set however many
  files it holds, so that references between its files are checked.

Configuration, in the `[tool.pytest.ini_options]` table of pyproject.toml (or pytest.ini):

    evidence_paths = ["records"]
    evidence_glob = "*.evidence.yaml *.evidence.json"
    evidence_strict = true           # warnings fail the test too
    evidence_ignore = "Y001"         # codes or prefixes, as `evidence check --ignore`
    evidence_select = "R Q I"        # codes or prefixes, as `evidence check --select`

A folder is collected when pytest's collection reaches it (`pytest`, `pytest records/`); with
`testpaths` set, list the folder there too. Nothing else is collected inside such a folder.

The check itself is `evidence.testing.assert_check_passes`, which users' own tests call too;
this module only collects and reports.
"""

from __future__ import annotations

import fnmatch
import os
from pathlib import Path
from typing import Any

import pytest

from evidence.testing import CheckFailed, assert_check_passes

_STRICT_HELP = "evidence: warnings of `evidence check` fail the test too (default: false)"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addini(
        "evidence_glob",
        "evidence: glob(s) of record files to check, each file one record set (default: *.evidence.yaml)",
        type="args",
        default=["*.evidence.yaml"],
    )
    parser.addini(
        "evidence_paths",
        "evidence: folders, relative to the rootdir, each checked as one record set",
        type="linelist",
        default=[],
    )
    parser.addini("evidence_strict", _STRICT_HELP, type="bool", default=False)
    parser.addini("evidence_select", "evidence: only these rules (codes or prefixes)", type="args", default=[])
    parser.addini("evidence_ignore", "evidence: skip these rules (codes or prefixes)", type="args", default=[])


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "evidence: a record set checked by `evidence check`")


def _folders(config: pytest.Config) -> list[Path]:
    names: list[str] = config.getini("evidence_paths")
    return [(config.rootpath / name).resolve() for name in names]


def pytest_sessionstart(session: pytest.Session) -> None:
    for folder in _folders(session.config):
        if not folder.is_dir():
            raise pytest.UsageError(f"evidence_paths: no such folder: {folder}")


@pytest.hookimpl(tryfirst=True)
def pytest_collect_directory(path: Path, parent: pytest.Collector) -> pytest.Collector | None:
    if path.resolve() in _folders(parent.config):
        return EvidenceFolder.from_parent(parent, path=path)
    return None


def pytest_collect_file(file_path: Path, parent: pytest.Collector) -> pytest.Collector | None:
    globs: list[str] = parent.config.getini("evidence_glob")
    if any(fnmatch.fnmatchcase(file_path.name, glob) for glob in globs):
        return EvidenceFile.from_parent(parent, path=file_path)
    return None


class EvidenceFolder(pytest.Directory):
    """A folder of record files: one record set, one test."""

    def collect(self) -> list[pytest.Item]:
        return [EvidenceItem.from_parent(self, name="evidence")]


class EvidenceFile(pytest.File):
    """A record file: one record set, one test."""

    def collect(self) -> list[pytest.Item]:
        return [EvidenceItem.from_parent(self, name="evidence")]


class EvidenceItem(pytest.Item):
    """`evidence check` of the record set at the parent's path."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.add_marker("evidence")

    @property
    def record_set(self) -> Path:
        return self.path

    def _codes(self, name: str) -> list[str] | None:
        codes = [code.upper() for value in self.config.getini(name) for code in value.split(",") if code]
        return codes or None

    def runtest(self) -> None:
        assert_check_passes(
            self.record_set,
            strict=bool(self.config.getini("evidence_strict")),
            select=self._codes("evidence_select"),
            ignore=self._codes("evidence_ignore"),
            # Findings name files as the user's shell would: relative to where pytest was run.
            relative_to=self.config.invocation_params.dir,
        )

    def repr_failure(
        self, excinfo: pytest.ExceptionInfo[BaseException], style: Any = None
    ) -> str | Any:  # pytest's TerminalRepr is not public
        if not isinstance(excinfo.value, CheckFailed):
            return super().repr_failure(excinfo, style)
        report = excinfo.value.report
        strict = " (evidence_strict: warnings fail)" if report.warnings and not report.errors else ""
        return str(excinfo.value) + strict

    def reportinfo(self) -> tuple[Path, int | None, str]:
        try:
            shown = os.path.relpath(self.path, self.config.invocation_params.dir)
        except ValueError:  # another drive, on Windows
            shown = str(self.path)
        return self.path, None, f"evidence check {shown}"
