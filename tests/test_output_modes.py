"""Files written with `-o` get the mode a new file gets under the user's umask (0666 less the
umask), not the 0600 of the temporary file they are written through; a file replaced keeps its
mode. Run through the command with the umask set in the child process."""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES, run_evidence

KADREY = EXAMPLES / "kadrey-v-meta"
# A command for each kind of file -o writes: an export, a timeline page, a schema.
WRITERS = {
    "export.json": ("export", KADREY, "--to", "csl-json", "-o"),
    "export.ris": ("export", KADREY, "--to", "ris", "-o"),
    "timeline.html": ("timeline", KADREY, "--format", "html", "-o"),
    "timeline.csv": ("timeline", KADREY, "--format", "csv", "-o"),
    "schema.json": ("schema", "-o"),
}


def with_umask(mask: int) -> Callable[[], None]:
    def set_umask() -> None:
        os.umask(mask)

    return set_umask


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.parametrize("umask", [0o022, 0o077, 0o002, 0o027, 0o000], ids=oct)
@pytest.mark.parametrize("name", list(WRITERS))
def test_a_new_file_gets_the_mode_the_umask_gives(name: str, umask: int, tmp_path: Path) -> None:
    target = tmp_path / name
    done = run_evidence(*WRITERS[name], target, cwd=tmp_path, timeout=120, preexec_fn=with_umask(umask))
    assert done.code == 0, done.err
    assert target.stat().st_size > 0
    assert mode(target) == 0o666 & ~umask
    assert [p.name for p in tmp_path.iterdir()] == [name]  # no temporary file left beside it


@pytest.mark.parametrize("kept", [0o640, 0o604, 0o600, 0o666], ids=oct)
@pytest.mark.parametrize("name", ["export.json", "timeline.html"])
def test_a_file_replaced_keeps_its_mode_whatever_the_umask(name: str, kept: int, tmp_path: Path) -> None:
    target = tmp_path / name
    target.write_text("an older version\n", encoding="utf-8")
    target.chmod(kept)
    done = run_evidence(*WRITERS[name], target, cwd=tmp_path, timeout=120, preexec_fn=with_umask(0o077))
    assert done.code == 0, done.err
    assert target.read_text(encoding="utf-8") != "an older version\n"
    assert mode(target) == kept
