"""The pre-commit hooks this repository offers run commands the CLI has, and do what they say\nwhen pre-commit itself runs them."""

from __future__ import annotations

import importlib.util
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path
from typing import NamedTuple

import pytest
import yaml

from evidence._cli import build_parser
from tests.conftest import ROOT, run_evidence

HOOKS = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))


def test_the_hooks_are_a_list_with_the_keys_pre_commit_needs() -> None:
    assert isinstance(HOOKS, list)
    assert [hook["id"] for hook in HOOKS] == ["evidence-check", "evidence-fmt", "evidence-fmt-check"]
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


@pytest.mark.parametrize("id", ["evidence-fmt", "evidence-fmt-check"])
def test_fmt_leaves_other_yaml_files_alone_by_default(id: str) -> None:
    fmt = next(hook for hook in HOOKS if hook["id"] == id)
    assert fmt.get("pass_filenames", True) is True
    assert re.search(fmt["files"], "records/kadrey.evidence.yaml")
    for other in (".pre-commit-config.yaml", ".github/workflows/ci.yml", "package.json"):
        assert not re.search(fmt["files"], other)


def test_the_fmt_hook_rewrites_and_the_check_hook_only_checks() -> None:
    by_id = {hook["id"]: hook for hook in HOOKS}
    assert shlex.split(by_id["evidence-fmt"]["entry"]) == ["evidence", "fmt"]
    assert shlex.split(by_id["evidence-fmt-check"]["entry"]) == ["evidence", "fmt", "--check"]
    assert by_id["evidence-fmt"]["files"] == by_id["evidence-fmt-check"]["files"]


# -- the hooks run by pre-commit itself, in a scratch repository ---------------------------------
#
# pre-commit installs this project (pip, from PyPI for its dependencies) into an environment of
# its own. The fixture makes one snapshot repository of this checkout, committed files and
# changes alike. `pre-commit try-repo`, the command for trying hooks, installs into a store of
# its own each time it runs (so twice here); `pre-commit run`, with a configuration naming the
# snapshot, installs once into the PRE_COMMIT_HOME the module shares.

# Not canonical: the keys out of order and a list not indented under its key.
NOT_CANONICAL = "evidence: 2\nactors:\n- name: Pat Lee\n  id: pat-lee\n  kind: person\n"
OTHER_YAML = "key:   value\nlist:\n- a\n"


class PreCommit(NamedTuple):
    command: list[str]
    repository: Path
    revision: str
    env: dict[str, str]
    home: Path


def _git(*args: str | Path, cwd: Path, env: dict[str, str]) -> str:
    done = subprocess.run(["git", *map(str, args)], cwd=cwd, env=env, capture_output=True, text=True, check=True)
    return done.stdout.strip()


@pytest.fixture(scope="module")
def pre_commit(tmp_path_factory: pytest.TempPathFactory) -> PreCommit:
    if shutil.which("git") is None:
        pytest.skip("git is not installed: apt-get install git")
    if shutil.which("pre-commit") is not None:
        command = ["pre-commit"]
    elif importlib.util.find_spec("pre_commit") is not None:
        command = [sys.executable, "-m", "pre_commit"]
    else:
        pytest.skip("pre-commit is not installed: pip install pre-commit")
    home = tmp_path_factory.mktemp("pre-commit-home")
    env = {
        # The hooks run the project pre-commit installed, not this checkout (PYTHONPATH).
        **{
            key: value
            for key, value in os.environ.items()
            if not key.startswith(("GIT_", "PRE_COMMIT")) and key != "PYTHONPATH"
        },
        "PRE_COMMIT_HOME": str(home),
        "GIT_AUTHOR_NAME": "test",
        "GIT_AUTHOR_EMAIL": "test@example.invalid",
        "GIT_COMMITTER_NAME": "test",
        "GIT_COMMITTER_EMAIL": "test@example.invalid",
    }
    snapshot = tmp_path_factory.mktemp("evidence-snapshot")
    listed = _git("ls-files", "-z", "--cached", "--others", "--exclude-standard", cwd=ROOT, env=env)
    for name in filter(None, listed.split("\0")):
        source = ROOT / name
        if not source.is_symlink() and not source.is_file():
            continue  # deleted in the checkout
        (snapshot / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, snapshot / name, follow_symlinks=False)
    _git("init", "-q", cwd=snapshot, env=env)
    _git("add", "-A", cwd=snapshot, env=env)
    _git("commit", "-q", "--no-verify", "-m", "snapshot", cwd=snapshot, env=env)
    return PreCommit(command, snapshot, _git("rev-parse", "HEAD", cwd=snapshot, env=env), env, home)


def _scratch(tmp_path: Path, pre_commit: PreCommit, files: dict[str, str]) -> Path:
    repository = tmp_path / "scratch"
    repository.mkdir()
    _git("init", "-q", cwd=repository, env=pre_commit.env)
    for name, text in files.items():
        (repository / name).write_text(text, encoding="utf-8")
    _git("add", "-A", cwd=repository, env=pre_commit.env)
    return repository


def _try_repo(pre_commit: PreCommit, hook: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [
            *pre_commit.command,
            "try-repo",
            str(pre_commit.repository),
            hook,
            "--ref",
            pre_commit.revision,
            "--all-files",
        ],
        cwd=cwd,
        env=pre_commit.env,
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )


def _canonical(text: str, tmp_path: Path) -> str:
    """What `evidence fmt` makes of `text`, run on a copy of its own."""
    copy = tmp_path / "copy" / "a.evidence.yaml"
    copy.parent.mkdir()
    copy.write_text(text, encoding="utf-8")
    assert run_evidence("fmt", copy, cwd=tmp_path, timeout=60).code == 0
    return copy.read_text(encoding="utf-8")


def _run(pre_commit: PreCommit, hook: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """`pre-commit run HOOK --all-files` in `cwd`, configured as a user would, with both hooks."""
    config = {
        "repos": [
            {
                "repo": str(pre_commit.repository),
                "rev": pre_commit.revision,
                "hooks": [{"id": "evidence-fmt"}, {"id": "evidence-fmt-check"}],
            }
        ]
    }
    (cwd / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config), encoding="utf-8")
    _git("add", ".pre-commit-config.yaml", cwd=cwd, env=pre_commit.env)
    return subprocess.run(
        [*pre_commit.command, "run", hook, "--all-files"],
        cwd=cwd,
        env=pre_commit.env,
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )


def test_try_repo_runs_the_fmt_hook_which_rewrites_record_files(pre_commit: PreCommit, tmp_path: Path) -> None:
    repository = _scratch(tmp_path, pre_commit, {"a.evidence.yaml": NOT_CANONICAL, "other.yaml": OTHER_YAML})
    canonical = _canonical(NOT_CANONICAL, tmp_path)
    assert canonical != NOT_CANONICAL
    done = _try_repo(pre_commit, "evidence-fmt", repository)
    assert done.returncode == 1, done.stdout + done.stderr  # pre-commit fails a hook that changed files
    assert re.search(r"evidence fmt\.+Failed", done.stdout)
    assert "files were modified by this hook" in done.stdout
    assert "reformatted a.evidence.yaml" in done.stdout
    assert (repository / "a.evidence.yaml").read_text(encoding="utf-8") == canonical
    assert (repository / "other.yaml").read_text(encoding="utf-8") == OTHER_YAML  # not a record file by name


def test_try_repo_runs_the_check_hook_which_changes_nothing(pre_commit: PreCommit, tmp_path: Path) -> None:
    repository = _scratch(tmp_path, pre_commit, {"a.evidence.yaml": NOT_CANONICAL})
    done = _try_repo(pre_commit, "evidence-fmt-check", repository)
    assert done.returncode == 1, done.stdout + done.stderr
    assert re.search(r"evidence fmt --check\.+Failed", done.stdout)
    assert "would reformat a.evidence.yaml" in done.stdout
    assert "files were modified by this hook" not in done.stdout
    assert (repository / "a.evidence.yaml").read_text(encoding="utf-8") == NOT_CANONICAL


def test_configured_hooks_fix_then_pass(pre_commit: PreCommit, tmp_path: Path) -> None:
    repository = _scratch(tmp_path, pre_commit, {"a.evidence.yaml": NOT_CANONICAL})
    check = _run(pre_commit, "evidence-fmt-check", repository)
    assert check.returncode == 1, check.stdout + check.stderr
    assert (repository / "a.evidence.yaml").read_text(encoding="utf-8") == NOT_CANONICAL
    fixed = _run(pre_commit, "evidence-fmt", repository)
    assert fixed.returncode == 1 and "files were modified by this hook" in fixed.stdout, fixed.stdout
    assert (repository / "a.evidence.yaml").read_text(encoding="utf-8") == _canonical(NOT_CANONICAL, tmp_path)
    for hook, name in (("evidence-fmt", "evidence fmt"), ("evidence-fmt-check", "evidence fmt --check")):
        again = _run(pre_commit, hook, repository)
        assert again.returncode == 0, again.stdout + again.stderr
        assert re.search(rf"{re.escape(name)}\.+Passed", again.stdout)


def test_the_project_pre_commit_installed_has_the_rules_reference(pre_commit: PreCommit, tmp_path: Path) -> None:
    # pre-commit installs the project as a user would (a wheel built by pip), not from this
    # checkout: the SARIF help read from the packaged docs/rules.md is there too.
    repository = _scratch(tmp_path, pre_commit, {"a.evidence.yaml": NOT_CANONICAL})
    assert _run(pre_commit, "evidence-fmt-check", repository).returncode == 1  # installs, if not yet
    (installed,) = pre_commit.home.glob("*/py_env-*/bin/evidence")
    assert not installed.resolve().is_relative_to(ROOT)
    done = subprocess.run(
        [installed, "check", "--format", "sarif", "a.evidence.yaml"],
        cwd=repository,
        env=pre_commit.env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    rules = json.loads(done.stdout)["runs"][0]["tool"]["driver"]["rules"]
    assert rules[0]["help"]["markdown"].startswith("**What it checks.** That each file can be read")
