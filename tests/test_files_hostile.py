"""Files opened as what they are, and outputs written where they are meant to go: scenarios that
need a FIFO, a device, a link, a folder that cannot be listed, a full disk, or a file name that
is not UTF-8, each run through the `evidence` command in a fresh process with a time bound.
Each asserts the exit code, that the message names the path as given, that no traceback is
printed, and that nothing on disk changed (or changed only as asked)."""

from __future__ import annotations

import ctypes
import functools
import os
import resource
import shutil
import signal
import stat
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import EXAMPLES, ROOT, run_evidence

TIMEOUT = 20  # seconds: a command that blocks on a FIFO would be killed here, and the test fail
evidence = functools.partial(run_evidence, timeout=TIMEOUT)
BAD = ROOT / "tests" / "data" / "bad"
ACTORS = (EXAMPLES / "kadrey-v-meta" / "actors.yaml").read_bytes()  # 28 actors, canonical YAML
ROOT_USER = os.geteuid() == 0


def snapshot(folder: Path) -> dict[str, tuple[Any, ...]]:
    """Everything under `folder` as it stands: each entry's type, mode, owner, inode and links,
    and a regular file's bytes or a link's target (never opening anything but regular files)."""
    found: dict[str, tuple[Any, ...]] = {}
    for here, folders, files in os.walk(folder):
        for name in folders + files:
            path = os.path.join(here, name)
            info = os.lstat(path)
            content: Any = None
            if stat.S_ISREG(info.st_mode):
                content = Path(path).read_bytes()
            elif stat.S_ISLNK(info.st_mode):
                content = os.readlink(path)
            found[path] = (info.st_mode, info.st_uid, info.st_gid, info.st_ino, info.st_nlink, content)
    return found


def records(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "actors.yaml").write_bytes(ACTORS)
    return folder


def with_text_file(tmp_path: Path) -> tuple[Path, Path]:
    """A record set whose one source stores its text at `sources/bolt42-article-pt.txt`, which
    is not there yet: the folder and the path of the text file."""
    folder = tmp_path / "records"
    shutil.copytree(BAD / "source-file-missing", folder)
    (folder / "sources").mkdir()
    return folder, folder / "sources" / "bolt42-article-pt.txt"


# -- 1. only regular files are read ------------------------------------------------------------


def test_a_fifo_in_a_folder_or_named_is_refused_without_blocking(tmp_path: Path) -> None:
    folder = records(tmp_path / "records")
    os.mkfifo(folder / "pipe.yaml")
    before = snapshot(tmp_path)
    for path in ("records", "records/pipe.yaml"):
        code, out, _ = evidence("check", path, cwd=tmp_path)
        assert code == 1
        assert "records/pipe.yaml: S001 is a named pipe (FIFO), not a regular file; only regular files are read" in out
    code, out, _ = evidence("check", "--stream", "records", cwd=tmp_path)
    assert code == 1
    assert "records/pipe.yaml: S001 is a named pipe (FIFO), not a regular file" in out
    assert snapshot(tmp_path) == before


def test_a_fifo_as_a_stored_text_is_refused_without_blocking(tmp_path: Path) -> None:
    _, text = with_text_file(tmp_path)
    os.mkfifo(text)
    before = snapshot(tmp_path)
    code, out, _ = evidence("check", "records", cwd=tmp_path)
    assert code == 1
    assert (
        "records/sources.yaml:9:16: I002 $.sources[0].text_file: text file 'sources/bolt42-article-pt.txt' cannot be "
        "read: is a named pipe (FIFO), not a regular file; only regular files are read"
    ) in out
    code, _, err = evidence("quote", "records", "bolt42-article", "any words", cwd=tmp_path)
    assert code == 2
    assert "text file 'sources/bolt42-article-pt.txt' cannot be read: is a named pipe (FIFO)" in err
    assert snapshot(tmp_path) == before


@pytest.mark.parametrize(
    "args",
    [
        pytest.param(("import", "csl-json", "pipe.json"), id="csl-json"),
        pytest.param(("import", "pacer", "pipe.json"), id="pacer"),
        pytest.param(("import", "courtlistener", "pipe.json"), id="courtlistener"),
        pytest.param(("add", "source", "pipe.json", "records"), id="add source"),
    ],
)
def test_a_fifo_given_to_import_is_refused_without_blocking(tmp_path: Path, args: tuple[str, ...]) -> None:
    os.mkfifo(tmp_path / "pipe.json")
    records(tmp_path / "records")
    before = snapshot(tmp_path)
    code, _, err = evidence(*args, cwd=tmp_path)
    assert code == 2
    assert "cannot read pipe.json: is a named pipe (FIFO), not a regular file; only regular files are read" in err
    assert snapshot(tmp_path) == before


def test_a_character_device_as_a_record_file_is_refused_unread(tmp_path: Path) -> None:
    # A link named on the command line is followed (the person named it): to /dev/zero, which
    # would be read for ever.
    os.symlink("/dev/zero", tmp_path / "zero.yaml")
    code, out, _ = evidence("check", "zero.yaml", cwd=tmp_path)
    assert code == 1
    assert out.startswith("zero.yaml: S001 is a character device, not a regular file; only regular files are read\n")
    code, _, err = evidence("fmt", "zero.yaml", cwd=tmp_path)
    assert code == 1
    assert "zero.yaml: is a character device, not a regular file" in err
    assert "0 files reformatted, 0 already canonical, 1 failed" in err


def test_a_character_device_as_a_stored_text_is_refused_unread(tmp_path: Path) -> None:
    _, text = with_text_file(tmp_path)
    try:
        os.mknod(text, stat.S_IFCHR | 0o666, os.makedev(1, 5))  # what /dev/zero is
    except PermissionError:
        pytest.skip("making a device file needs root (CAP_MKNOD); a FIFO as a stored text is tested above")
    code, out, _ = evidence("check", "records", cwd=tmp_path)
    assert code == 1
    assert (
        "I002 $.sources[0].text_file: text file 'sources/bolt42-article-pt.txt' cannot be read: is a character "
        "device, not a regular file"
    ) in out


def test_the_size_limit_holds_for_stored_texts_and_fmt(tmp_path: Path) -> None:
    _, text = with_text_file(tmp_path)
    text.write_bytes(b"words " * 400_000)  # 2.3 MiB
    (tmp_path / "big.json").write_text('{"evidence": 2, "actors": []' + " " * 2 * 2**20 + "}", encoding="utf-8")
    before = snapshot(tmp_path)
    code, out, _ = evidence("--max-file-mb", "1", "check", "records", cwd=tmp_path)
    assert code == 1
    assert (
        "text file 'sources/bolt42-article-pt.txt' cannot be read: the file is 2.3 MiB, more than the limit of 1 MiB "
        "(raise it with --max-file-mb)"
    ) in out
    code, _, err = evidence("--max-file-mb", "1", "fmt", "big.json", cwd=tmp_path)
    assert code == 1
    assert "big.json: the file is 2.0 MiB, more than the limit of 1 MiB (raise it with --max-file-mb)" in err
    assert snapshot(tmp_path) == before
    code, _, err = evidence("--max-file-mb", "3", "fmt", "big.json", cwd=tmp_path)
    assert (code, err) == (0, "1 file reformatted, 0 already canonical\n")


# -- 2. symbolic links -------------------------------------------------------------------------


def test_a_record_file_linked_out_of_the_folder_is_not_read(tmp_path: Path) -> None:
    folder = records(tmp_path / "records")
    (tmp_path / "secret.env").write_text("FAKE_API_TOKEN=do-not-print-me\n", encoding="utf-8")
    os.symlink(tmp_path / "secret.env", folder / "leak.yaml")
    before = snapshot(tmp_path)
    for args in (("check", "records"), ("check", "--stream", "records"), ("show", "records"), ("fmt", "records")):
        code, out, err = evidence(*args, cwd=tmp_path)
        assert code == 1, args
        assert "records/leak.yaml: " in err + out
        assert "is a symbolic link leading outside the record set's folder; it is not read" in err + out
        assert "FAKE_API_TOKEN" not in out + err
    assert snapshot(tmp_path) == before


def test_a_record_file_linked_inside_the_folder_is_read(tmp_path: Path) -> None:
    folder = tmp_path / "records"
    records(folder / ".kept")  # a hidden folder, not walked: the link is the records' one name
    os.symlink(".kept/actors.yaml", folder / "people.yaml")
    code, _, err = evidence("check", "records", cwd=tmp_path)
    assert (code, err) == (0, "28 records checked: 0 errors, 0 warnings, 0 notes\n")


def test_a_loop_of_links_is_called_one(tmp_path: Path) -> None:
    folder, text = with_text_file(tmp_path)
    os.symlink(text.name, text)
    os.symlink("loop.yaml", folder / "loop.yaml")
    before = snapshot(tmp_path)
    code, out, _ = evidence("check", "records", cwd=tmp_path)
    assert code == 1
    assert "records/loop.yaml: S001 is a loop of symbolic links; it is not read" in out
    code, out, _ = evidence("check", "records/sources.yaml", cwd=tmp_path)
    assert code == 1
    assert (
        "records/sources.yaml:9:16: I002 $.sources[0].text_file: text file 'sources/bolt42-article-pt.txt' is a loop "
        "of symbolic links; it is not read"
    ) in out
    assert snapshot(tmp_path) == before


# -- 3. folders ----------------------------------------------------------------------------------


def _without_permission_override() -> None:
    """As root, permission bits are not checked: drop the two capabilities that skip them from
    the bounding set, so the command (still root) obeys them as any other user would."""
    libc = ctypes.CDLL(None, use_errno=True)
    for capability in (1, 2):  # CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH
        if libc.prctl(24, capability, 0, 0, 0) != 0:  # PR_CAPBSET_DROP
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP) failed")


def test_a_folder_that_cannot_be_listed_is_reported(tmp_path: Path) -> None:
    folder = records(tmp_path / "records")
    hidden = records(folder / "locked")
    hidden.chmod(0)
    try:
        before = snapshot(folder)
        preexec = _without_permission_override if ROOT_USER else None
        try:
            code, out, err = evidence("check", "records", cwd=tmp_path, preexec_fn=preexec)
        except subprocess.SubprocessError as error:
            pytest.skip(f"running as root, and the capabilities that ignore permissions cannot be dropped: {error}")
        assert code == 1
        assert "records/locked: S001 this folder cannot be listed: Permission denied" in out
        code, _, err = evidence("fmt", "records", cwd=tmp_path, preexec_fn=preexec)
        assert code == 1
        assert "records/locked: this folder cannot be listed: Permission denied" in err
        assert snapshot(folder) == before
    finally:
        hidden.chmod(0o755)


def test_folders_1100_deep_are_walked(tmp_path: Path) -> None:
    deepest = tmp_path / "records"
    deepest.mkdir()
    for _ in range(1_100):  # os.makedirs would itself recurse too deep
        deepest = deepest / "d"
        deepest.mkdir()
    (deepest / "actors.yaml").write_bytes(ACTORS)
    try:
        code, _, err = evidence("check", "records", cwd=tmp_path)
        assert (code, err) == (0, "28 records checked: 0 errors, 0 warnings, 0 notes\n")
        code, out, _ = evidence("show", "records", cwd=tmp_path)
        assert code == 0
        assert out.startswith("records: 28 actors")
    finally:  # removed from the bottom up: pytest's own clean-up recurses, and would fail on it
        (deepest / "actors.yaml").unlink()
        while deepest != tmp_path:
            deepest.rmdir()
            deepest = deepest.parent


# -- 4. outputs -------------------------------------------------------------------------------


def test_output_to_a_character_device_writes_to_the_device(tmp_path: Path) -> None:
    device = tmp_path / "null"
    try:  # a device of the test's own, what /dev/null is, so a failure cannot break the machine's
        os.mknod(device, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    except PermissionError:
        device = Path("/dev/null")
    before = os.stat(device)
    records(tmp_path / "records")
    for args in (("schema",), ("timeline", "records"), ("cast", "records"), ("export", "records", "--to", "csl-json")):
        code, out, _ = evidence(*args, "-o", device, cwd=tmp_path)
        assert (code, out) == (0, ""), args
        after = os.stat(device)
        assert stat.S_ISCHR(after.st_mode), args
        assert (after.st_ino, after.st_rdev) == (before.st_ino, before.st_rdev)


def test_output_to_dev_stdout_prints(tmp_path: Path) -> None:
    code, out, _ = evidence("schema", "-o", "/dev/stdout", cwd=tmp_path)
    assert code == 0
    assert '"$schema": "https://json-schema.org/draft/2020-12/schema"' in out
    assert os.path.islink("/dev/stdout")


@pytest.mark.parametrize(
    "args",
    [
        pytest.param(("schema",), id="schema"),
        pytest.param(("timeline", "records"), id="timeline"),
        pytest.param(("cast", "records"), id="cast"),
        pytest.param(("export", "records", "--to", "bibtex"), id="export"),
    ],
)
def test_output_to_a_folder_or_a_fifo_is_refused(tmp_path: Path, args: tuple[str, ...]) -> None:
    records(tmp_path / "records")
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "kept.txt").write_text("kept\n", encoding="utf-8")
    os.mkfifo(tmp_path / "pipe")
    before = snapshot(tmp_path)
    code, _, err = evidence(*args, "-o", "out", cwd=tmp_path)
    assert code == 2
    assert err == (
        "evidence: error: cannot write out: it is a folder; -o names a regular file, a new file or a device such "
        "as /dev/null\n"
    )
    code, _, err = evidence(*args, "-o", "pipe", cwd=tmp_path)
    assert code == 2
    assert "evidence: error: cannot write pipe: it is a named pipe (FIFO)" in err
    code, _, err = evidence(*args, "-o", "missing/", cwd=tmp_path)
    assert code == 2
    assert "evidence: error: cannot write missing/: no such folder (-o names a file)" in err
    assert snapshot(tmp_path) == before


def test_an_output_folder_that_is_a_file_is_refused(tmp_path: Path) -> None:
    (tmp_path / "out.txt").write_text("kept\n", encoding="utf-8")
    (tmp_path / "library.json").write_text(
        '[{"id": "b1", "type": "book", "title": "A Fictional Book", "issued": {"date-parts": [[2001]]}}]',
        encoding="utf-8",
    )
    before = snapshot(tmp_path)
    code, _, err = evidence("import", "csl-json", "library.json", "-o", "out.txt", cwd=tmp_path)
    assert code == 2
    assert "evidence: error: cannot write into out.txt: it is not a folder (-o names a folder here)" in err
    assert snapshot(tmp_path) == before
    os.symlink("gone", tmp_path / "dangling")
    records(tmp_path / "records")
    before = snapshot(tmp_path)
    for args in (("import", "csl-json", "library.json"), ("export", "--to", "parquet", "records")):
        code, _, err = evidence(*args, "-o", "dangling", cwd=tmp_path)
        assert (code, err) == (
            2,
            "evidence: error: cannot write into dangling: it is a symbolic link to nothing (-o names a folder here)\n",
        )
    assert snapshot(tmp_path) == before


def test_output_through_a_link_writes_its_target(tmp_path: Path) -> None:
    (tmp_path / "real.json").write_text("old\n", encoding="utf-8")
    os.symlink("real.json", tmp_path / "link.json")
    code, _, _ = evidence("schema", "-o", "link.json", cwd=tmp_path)
    assert code == 0
    assert os.readlink(tmp_path / "link.json") == "real.json"
    assert b'"$schema"' in (tmp_path / "real.json").read_bytes()


def test_output_through_a_dangling_link_is_refused(tmp_path: Path) -> None:
    os.symlink("elsewhere/nothing.json", tmp_path / "link.json")
    before = snapshot(tmp_path)
    code, _, err = evidence("schema", "-o", "link.json", cwd=tmp_path)
    assert (code, err) == (
        2,
        "evidence: error: cannot write link.json: it is a symbolic link to a file that does not exist\n",
    )
    assert snapshot(tmp_path) == before


def test_a_write_error_from_python_names_the_path_given(tmp_path: Path) -> None:
    import evidence as ev

    (tmp_path / "folder.yaml").mkdir()
    loaded = ev.load(records(tmp_path / "records"))
    with pytest.raises(IsADirectoryError, match="is a folder") as error:
        ev.dump(loaded, tmp_path / "folder.yaml")
    assert error.value.filename == str(tmp_path / "folder.yaml")  # not a temporary file's name
    assert sorted(os.listdir(tmp_path)) == ["folder.yaml", "records"]
    assert os.listdir(tmp_path / "folder.yaml") == []


# -- 5. fmt through links, hard links, on after a failure ---------------------------------------


def _not_canonical(path: Path) -> bytes:
    """A record file the same records as ACTORS, in JSON not in canonical form."""
    text = b'{"evidence": 2, "actors": [{"id": "a", "name": "A", "kind": "person"}]}'
    path.write_bytes(text)
    return text


def test_fmt_writes_through_a_link_and_keeps_hard_links_mode_and_owner(tmp_path: Path) -> None:
    target = tmp_path / "data" / "records.json"
    target.parent.mkdir()
    _not_canonical(target)
    target.chmod(0o640)
    owner = (1234, 1234) if ROOT_USER else (os.getuid(), os.getgid())
    os.chown(target, *owner)
    os.link(target, tmp_path / "data" / "other-name.json")
    os.symlink("data/records.json", tmp_path / "link.json")
    inode = target.stat().st_ino
    code, out, err = evidence("fmt", "link.json", cwd=tmp_path)
    assert (code, out, err) == (0, "reformatted link.json\n", "1 file reformatted, 0 already canonical\n")
    assert os.readlink(tmp_path / "link.json") == "data/records.json"
    after = target.stat()
    assert (after.st_ino, after.st_nlink, stat.S_IMODE(after.st_mode), (after.st_uid, after.st_gid)) == (
        inode, 2, 0o640, owner,
    )  # fmt: skip
    assert (tmp_path / "data" / "other-name.json").read_bytes() == target.read_bytes()
    assert target.read_bytes().startswith(b'{\n  "evidence": 2,\n  "actors": [\n')
    assert sorted(os.listdir(tmp_path / "data")) == ["other-name.json", "records.json"]  # no copy left


def test_fmt_keeps_the_owner_of_a_file_it_renames_over(tmp_path: Path) -> None:
    if not ROOT_USER:
        pytest.skip("only root can give a file to another user, to see that fmt keeps the owner")
    path = tmp_path / "records.json"
    _not_canonical(path)
    os.chown(path, 1234, 4321)
    code, _, _ = evidence("fmt", "records.json", cwd=tmp_path)
    assert code == 0
    assert (path.stat().st_uid, path.stat().st_gid) == (1234, 4321)


def test_fmt_goes_on_after_a_failing_file_and_counts(tmp_path: Path) -> None:
    folder = tmp_path / "records"
    folder.mkdir()
    _not_canonical(folder / "a.json")
    os.mkfifo(folder / "b.yaml")
    (folder / "c.json").write_text("{not json", encoding="utf-8")
    _not_canonical(folder / "d.json")
    code, out, err = evidence("fmt", "records", cwd=tmp_path)
    assert code == 1
    assert out == "reformatted records/a.json\nreformatted records/d.json\n"
    assert "records/b.yaml: is a named pipe (FIFO), not a regular file" in err
    assert "records/c.json:1:2: invalid JSON" in err
    assert err.endswith("2 files reformatted, 0 already canonical, 2 failed (not loaded, read or written)\n")


# -- 6. write errors name the path given ---------------------------------------------------------


def _file_size_limit(size: int) -> Callable[[], None]:
    def limit() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails, not kills
        resource.setrlimit(resource.RLIMIT_FSIZE, (size, size))

    return limit


def test_a_full_disk_leaves_the_output_as_it_was(tmp_path: Path) -> None:
    (tmp_path / "out.json").write_text("the old output\n", encoding="utf-8")
    before = snapshot(tmp_path)
    code, _, err = evidence("schema", "-o", "out.json", cwd=tmp_path, preexec_fn=_file_size_limit(4096))
    assert code == 2
    assert err == "evidence: error: File too large: out.json\n"
    assert snapshot(tmp_path) == before  # and no temporary file left


def test_a_full_tmpfs_leaves_the_output_as_it_was(tmp_path: Path) -> None:
    disk = tmp_path / "disk"
    disk.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(disk)], capture_output=True)
    if mounted.returncode != 0:
        pytest.skip("cannot mount a small tmpfs here; the full disk is tested with a file size limit above")
    try:
        (disk / "out.json").write_text("the old output\n", encoding="utf-8")
        before = snapshot(disk)
        code, _, err = evidence("schema", "-o", "disk/out.json", cwd=tmp_path)
        assert code == 2
        assert err == "evidence: error: No space left on device: disk/out.json\n"
        assert snapshot(disk) == before
    finally:
        subprocess.run(["umount", str(disk)], check=True)


def test_fmt_in_place_put_back_when_the_write_fails(tmp_path: Path) -> None:
    path = tmp_path / "records.json"
    original = _not_canonical(path)  # 71 bytes; canonical, some 150
    os.link(path, tmp_path / "other.json")  # a hard link: written in place
    before = snapshot(tmp_path)
    code, _, err = evidence("fmt", "records.json", cwd=tmp_path, preexec_fn=_file_size_limit(100))
    assert code == 2  # a write that fails is a command that could not run as asked
    assert "records.json: cannot be written: File too large; left as it was" in err
    assert err.endswith("0 files reformatted, 0 already canonical, 1 failed (not loaded, read or written)\n")
    assert path.read_bytes() == original
    assert snapshot(tmp_path) == before


# -- 7. names that are not UTF-8, paths given twice ------------------------------------------


@pytest.mark.parametrize("env", [{"PYTHONIOENCODING": "utf-8:strict"}, {"LC_ALL": "C", "PYTHONIOENCODING": ""}])
def test_a_file_name_that_is_not_utf8_is_printed_escaped(tmp_path: Path, env: dict[str, str]) -> None:
    folder = tmp_path / "records"
    folder.mkdir()
    os.makedirs(os.fsencode(folder), exist_ok=True)
    with open(os.fsencode(folder) + b"/rec\xff.yaml", "wb") as stream:
        stream.write(b"evidence: 2\nactors:\n  - id: a\n    nmae: A\n    kind: person\n")
    code, out, _ = evidence("check", "records", cwd=tmp_path, env=env)
    assert code == 1
    assert "records/rec\\xff.yaml:4:5: S002 $.actors[0]: unknown key 'nmae' (did you mean 'name'?)" in out
    code, out, _ = evidence("check", "--format", "json", "records", cwd=tmp_path, env=env)
    assert code == 1
    assert '"file": "records/rec\\udcff.yaml"' in out


def test_a_path_given_twice_is_read_once(tmp_path: Path) -> None:
    folder = tmp_path / "records"
    folder.mkdir()
    (folder / "a.yaml").write_text("evidence: 2\nactors:\n  - id: a\n    nmae: A\n    kind: person\n", encoding="utf-8")
    once = evidence("check", "records", cwd=tmp_path)
    assert once[0] == 1
    assert evidence("check", "records", "records/", "./records", cwd=tmp_path) == once
    # A file given beside the folder that holds it is read with the folder, once.
    assert evidence("check", "records", "records/a.yaml", cwd=tmp_path) == once
    assert evidence("fmt", "--check", "records", "records/a.yaml", cwd=tmp_path)[1].count("a.yaml") <= 1


def test_a_link_to_a_record_file_of_the_same_set_is_read_once(tmp_path: Path) -> None:
    folder = records(tmp_path / "records")
    (folder / "same-actors.yaml").symlink_to("actors.yaml")
    assert evidence("check", "records", cwd=tmp_path) == (0, "", "28 records checked: 0 errors, 0 warnings, 0 notes\n")
    code, _, err = evidence("fmt", "records", cwd=tmp_path)
    assert (code, err) == (0, "0 files reformatted, 1 already canonical\n")


def test_a_command_whose_reader_goes_away_does_not_exit_0(tmp_path: Path) -> None:
    # `evidence check | head -1`: the findings cut off, the exit code must not say "clean".
    rows = "".join(
        f"  - id: p{i}\n    kind: web_page\n    title: P\n    translation_of: gone-{i}\n" for i in range(3000)
    )
    (tmp_path / "records.yaml").write_text("evidence: 2\nsources:\n" + rows, encoding="utf-8")
    environment = {key: value for key, value in os.environ.items() if key != "EVIDENCE_DEBUG"}
    environment["PYTHONPATH"] = str(ROOT)
    process = subprocess.Popen(
        [sys.executable, "-c", "from evidence._cli import run; run()", "check", "--max-findings", "0", "records.yaml"],
        cwd=tmp_path, env=environment, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )  # fmt: skip
    assert process.stdout is not None and process.stderr is not None
    assert b"records.yaml:" in process.stdout.readline()
    process.stdout.close()  # the reader goes away after one line
    err = process.stderr.read()
    # 1 when the check had ended (its findings were all written, some into the closed pipe),
    # 141 when the closed pipe stopped it first; never 0.
    assert process.wait(timeout=60) in (1, 141)
    assert b"Traceback" not in err
