"""The pre-commit hooks this repository offers run commands the CLI has."""

from __future__ import annotations

import re
import shlex
import tomllib

import pytest
import yaml

from evidence._cli import build_parser
from tests.conftest import ROOT

HOOKS = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))


def test_the_hooks_are_a_list_with_the_keys_pre_commit_needs() -> None:
    assert isinstance(HOOKS, list)
    assert [hook["id"] for hook in HOOKS] == ["evidence-check", "evidence-fmt"]
    for hook in HOOKS:
        assert {"id", "name", "entry", "language"} <= hook.keys()
        assert hook["language"] == "python"
        re.compile(hook["files"])


@pytest.mark.parametrize("hook", HOOKS, ids=lambda hook: hook["id"])
def test_each_entry_is_a_command_of_the_cli(hook: dict[str, object]) -> None:
    program, *arguments = shlex.split(str(hook["entry"]))
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["scripts"]
    assert program in scripts
    args = build_parser().parse_args([*arguments, "records"])  # exits on an unknown command or option
    assert args.command == arguments[0]
    assert args.paths == ["records"]


def test_check_is_given_folders_not_the_changed_files() -> None:
    # A changed file checked on its own would miss references to records in the other files.
    check = next(hook for hook in HOOKS if hook["id"] == "evidence-check")
    assert check["pass_filenames"] is False
    assert re.search(check["files"], "records/sources/article.txt")  # stored texts have digests


def test_fmt_leaves_other_yaml_files_alone_by_default() -> None:
    fmt = next(hook for hook in HOOKS if hook["id"] == "evidence-fmt")
    assert fmt.get("pass_filenames", True) is True
    assert re.search(fmt["files"], "records/kadrey.evidence.yaml")
    for other in (".pre-commit-config.yaml", ".github/workflows/ci.yml", "package.json"):
        assert not re.search(fmt["files"], other)
