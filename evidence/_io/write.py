"""Records written as files: the canonical text of each format, and atomic replacement.

Writing turns records into the canonical text of each format and replaces the file through a
temporary file and a rename, so a crash never leaves half a file; a file with other names (hard
links), or whose owner a rename would change, is written in place after a copy of it as it was.
What `-o` names goes through `write_output` (a file) or `output_folder` (a folder), which refuse
what is neither a regular file nor a new path, and write to a character device as it is.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import IO, Any

import orjson
import yaml

from evidence._errors import UsageError
from evidence._io.collector import collector_paused
from evidence._io.content import Format
from evidence._io.convert import unstructure
from evidence._io.document import Document
from evidence._io.files import file_kind, open_regular
from evidence._io.plain import json_default
from evidence._io.read_yaml import Resolver
from evidence._io.versions import FORMAT_VERSION
from evidence._model import KIND_BY_NAME, Record

# Text longer than this is written as a folded block, its lines wrapped at `_FOLD_WIDTH`.
_FOLD_AT = 100
_FOLD_WIDTH = 88
# What YAML readers take for a line break: text holding one is a literal block, never folded.
_BREAKS = ("\n", "\r", "\x85", "\u2028", "\u2029")


class _Dumper(yaml.SafeDumper):
    """Block style, lists indented under their key; text with line breaks as a literal block
    (`|-`), long text as a folded one (`>-`), short text plain, or in double quotes where it
    holds an apostrophe (never doubled) and plain is not possible."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)

    def choose_scalar_style(self) -> str:
        style: str = super().choose_scalar_style()
        if style == "'" and isinstance(self.event, yaml.ScalarEvent) and "'" in self.event.value:
            return '"'
        return style

    def write_folded(self, text: str) -> None:
        # Every other scalar stays on one line (the dumper's width is unlimited); a folded
        # block is there to be wrapped.
        width, self.best_width = self.best_width, _FOLD_WIDTH
        try:
            super().write_folded(text)
        finally:
            self.best_width = width


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = None
    if any(mark in value for mark in _BREAKS):
        style = "|"
    elif len(value) > _FOLD_AT and " " in value and value == value.strip() and "\t" not in value:
        # A line of a folded block that starts with a space or tab is kept apart by readers,
        # so text that could put one there is not folded.
        style = ">"
    # Where a block cannot hold the text as it is (a trailing space, say), the dumper quotes it.
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _represent_str)
# Quote any text that our reader would take for a number, a boolean or null, as well as what
# YAML 1.1 readers would (the dumper's own rules), so files read the same everywhere.
for _first, _rules in list(Resolver.yaml_implicit_resolvers.items()):
    for _tag, _regexp in _rules:
        _Dumper.add_implicit_resolver(_tag, _regexp, [_first] if _first is not None else None)


def document_data(records: Iterator[Record] | tuple[Record, ...]) -> dict[str, Any]:
    """Plain data of a record file: the format version, then the records grouped by kind."""
    groups: dict[str, list[Record]] = {}
    for record in records:
        groups.setdefault(record.PLURAL, []).append(record)
    kinds: dict[str, Any] = {plural: tuple(items) for plural, items in groups.items()}
    document = Document(evidence=FORMAT_VERSION, **kinds)
    return unstructure(document)  # type: ignore[no-any-return]


def render(records: tuple[Record, ...], fmt: Format) -> bytes:
    """The canonical bytes of a record file holding `records`."""
    with collector_paused():  # thousands of short-lived dicts: nothing for the collector to find
        return _render(records, fmt)


def _render(records: tuple[Record, ...], fmt: Format) -> bytes:
    # JSON is written by orjson straight from the records (`json_default` says what each one
    # holds), YAML from their plain data; tests/test_roundtrip.py holds the two equal.
    groups: dict[type[Record], list[Record]] = {cls: [] for cls in KIND_BY_NAME.values()}
    for record in records:
        groups[type(record)].append(record)
    if fmt is Format.JSONL:
        lines = [orjson.dumps({"evidence": FORMAT_VERSION})]
        for cls, group in groups.items():
            lines += [
                orjson.dumps({"type": cls.KIND, **json_default(record)}, default=json_default) for record in group
            ]
        return b"\n".join(lines) + b"\n"
    if fmt is Format.JSON:
        kinds = {cls.PLURAL: tuple(group) for cls, group in groups.items()}
        document = Document(evidence=FORMAT_VERSION, **kinds)  # type: ignore[arg-type]
        return orjson.dumps(document, default=json_default, option=orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE)
    data = document_data(tuple(records))
    return yaml_text(data).encode("utf-8")


def yaml_text(data: Any) -> str:
    """Plain data as block-style YAML, text quoted wherever a reader would take it for anything else."""
    return yaml.dump(
        data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, default_flow_style=False, width=1_000_000
    )


def _umask() -> int:
    """The process's umask, read without changing it where the system says it (Linux), else by
    setting and restoring it."""
    with contextlib.suppress(OSError, ValueError, StopIteration), open("/proc/self/status", encoding="ascii") as status:
        return int(next(line for line in status if line.startswith("Umask:")).split()[1], 8)
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def atomic_write(path: Path, data: bytes) -> None:
    """Replace `path` with `data` through a temporary file in the same folder and a rename.

    An existing file keeps its mode and owner (and its other names, written in place); a new one
    gets the usual mode of a new file (0666 less the umask), not the 0600 of the temporary file.
    An OSError names `path` as given, never the temporary file."""
    atomic_write_all({path: data})


def _named(error: OSError, named: str | Path) -> OSError:
    """The error with the path the caller gave as its file name (not a temporary file's)."""
    return OSError(error.errno, error.strerror or str(error), str(named))


def _write_fully(descriptor: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(descriptor, view) :]


def atomic_write_all(files: Mapping[Path, bytes]) -> None:
    """Replace several files as nearly at once as a file system allows: every temporary file is
    written and flushed first, and only then are they renamed, so a failure while writing (a full
    disk, a folder not writable) leaves every file as it was. A symbolic link is written through
    to its target; a file with several hard links, or one whose owner the rename could not keep,
    is written in place instead (`write_in_place`), before the renames."""
    staged: list[tuple[str, Path, Path]] = []
    in_place: list[tuple[Path, Path, bytes]] = []
    try:
        for named, data in files.items():
            try:
                path = named.resolve(strict=True) if named.is_symlink() else named  # the link's target, not the link
                try:
                    found: os.stat_result | None = path.stat()
                except FileNotFoundError:
                    found = None
                if found is not None and not stat.S_ISREG(found.st_mode):
                    raise OSError(
                        errno.EISDIR if stat.S_ISDIR(found.st_mode) else errno.EINVAL, f"is {file_kind(found.st_mode)}"
                    )
                if found is not None and found.st_nlink > 1:
                    in_place.append((named, path, data))
                    continue
                mode = found.st_mode & 0o7777 if found is not None else 0o666 & ~_umask()
                handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
                staged.append((temporary, path, named))
                with os.fdopen(handle, "wb") as stream:
                    stream.write(data)
                    stream.flush()
                    os.fsync(stream.fileno())
                if found is not None and (found.st_uid, found.st_gid) != (os.getuid(), os.getgid()):
                    try:
                        os.chown(temporary, found.st_uid, found.st_gid)
                    except PermissionError:  # the rename would give the file another owner
                        os.unlink(temporary)
                        staged.pop()
                        in_place.append((named, path, data))
                        continue
                os.chmod(temporary, mode)
            except RuntimeError:  # Path.resolve on a loop of links (Python 3.11)
                raise OSError(errno.ELOOP, "Too many levels of symbolic links", str(named)) from None
            except OSError as error:
                raise _named(error, named) from None
        for named, path, data in in_place:
            write_in_place(path, data, display=str(named))
        while staged:
            temporary, path, named = staged[0]
            try:
                os.replace(temporary, path)
            except OSError as error:
                raise _named(error, named) from None
            staged.pop(0)
    except BaseException:
        for temporary, _, _ in staged:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(temporary)
        raise


@contextlib.contextmanager
def new_folders_removed_on_failure(root: Path) -> Iterator[None]:
    """Folders the block makes (`root`, those above it it needs, any under it) are removed again
    when the block fails and they are still empty, so that a write that fails leaves no trace."""
    above: list[Path] = []  # root and the folders above it that do not exist yet, deepest first
    folder = root
    while not folder.exists() and folder != folder.parent:
        above.append(folder)
        folder = folder.parent
    existing = {root, *(Path(d) / name for d, names, _ in os.walk(root) for name in names)} if root.is_dir() else set()
    try:
        yield
    except BaseException:
        made = [Path(d) for d, _, _ in os.walk(root, topdown=False) if Path(d) not in existing]
        for folder in [*made, *above]:
            with contextlib.suppress(OSError):  # one that is not empty stays
                folder.rmdir()
        raise


def write_in_place(path: Path, data: bytes, *, display: str | None = None) -> None:
    """Write `data` into the regular file `path` itself, so that its inode, and with it its hard
    links, mode and owner, stay. A copy of the file as it was is written beside it and read back
    first; if writing in place fails (a full disk), the file is put back from what was read and
    the copy removed; only if that fails too is the copy left, and the error names it. An OSError
    names `display` (the path as the caller gave it)."""
    named = display if display is not None else str(path)
    try:
        with open_regular(path, named) as stream:
            before = stream.read()
        backup = _verified_copy(path, before)
    except OSError as error:
        raise _named(error, named) from None
    try:
        _overwrite(path, data)
    except OSError as error:
        try:
            _overwrite(path, before)
        except OSError:
            message = f"{error.strerror or error}; the file as it was is kept in {backup}"
            raise OSError(error.errno, message, named) from None
        os.unlink(backup)
        raise _named(error, named) from None
    os.unlink(backup)


def _verified_copy(path: Path, data: bytes) -> str:
    """A hidden file beside `path` holding `data`, flushed to disk and read back."""
    handle, copy = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".was", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        with open(copy, "rb") as stream:
            if stream.read() != data:
                raise OSError(errno.EIO, "the copy of the file as it was does not read back the same")
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(copy)
        raise
    return copy


def _overwrite(path: Path, data: bytes) -> None:
    descriptor = os.open(path, os.O_WRONLY | getattr(os, "O_CLOEXEC", 0))
    try:
        _write_fully(descriptor, data)
        os.ftruncate(descriptor, len(data))
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def write_output(output: str | os.PathLike[str], data: bytes, *, stdout: IO[bytes] | None = None) -> None:
    """Write what `-o OUTPUT` asks for: a new file, or a regular file replaced (`atomic_write`,
    through a link to its target); a character device (`/dev/null`, a terminal) written to as it
    is, never replaced; the very file standard output is (`/dev/stdout`) written through
    `stdout`. A folder, a FIFO, a socket or a block device is refused (UsageError) before
    anything is written; an OSError names `output` as given."""
    name = os.fspath(output)
    path = Path(name)
    try:
        found: os.stat_result | None = os.stat(name)  # the name as given: `out/` names a folder
    except FileNotFoundError:
        found = None
    except OSError as error:
        raise _named(error, name) from None
    if found is None:
        if name.endswith(("/", os.sep)):
            raise UsageError(f"cannot write {name}: no such folder (-o names a file)")
        if os.path.islink(name):  # written through, it would make a file wherever the link says
            raise UsageError(f"cannot write {name}: it is a symbolic link to a file that does not exist")
        atomic_write(path, data)
        return
    if stdout is not None and _same_file(found, stdout):
        stdout.write(data)
        stdout.flush()
        return
    if stat.S_ISREG(found.st_mode):
        atomic_write(path, data)
        return
    if stat.S_ISCHR(found.st_mode):  # a device the user means to write to, as it is
        try:
            descriptor = os.open(path, os.O_WRONLY | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0))
            try:
                _write_fully(descriptor, data)
            finally:
                os.close(descriptor)
        except OSError as error:
            raise _named(error, name) from None
        return
    raise UsageError(
        f"cannot write {name}: it is {file_kind(found.st_mode)}; -o names a regular file, a new file or a device such "
        "as /dev/null"
    )


def _same_file(found: os.stat_result, stream: IO[bytes]) -> bool:
    try:
        ours = os.fstat(stream.fileno())
    except (OSError, ValueError, AttributeError):
        return False
    return (ours.st_dev, ours.st_ino) == (found.st_dev, found.st_ino)


def output_folder(output: str | os.PathLike[str], *, make: bool = True, writes: str | None = None) -> Path:
    """The folder `-o OUTPUT` names, made (with its parents) when missing unless `make` is false
    (the writer makes it later, or a dry run writes nothing); UsageError when it is something
    else (a file, a FIFO), or a record file's name that does not exist yet (`new.yaml`, which
    would become a folder of that name; `writes` says what goes in the folder), an OSError
    naming `output` when it cannot be made."""
    path = Path(output)
    if path.exists() and not path.is_dir():
        raise UsageError(f"cannot write into {os.fspath(output)}: it is not a folder (-o names a folder here)")
    if path.is_symlink() and not path.exists():
        raise UsageError(
            f"cannot write into {os.fspath(output)}: it is a symbolic link to nothing (-o names a folder here)"
        )
    if writes is not None and not path.exists() and Format.of(path) is not None:
        raise UsageError(
            f"-o {os.fspath(output)}: a record file's name, but -o names a folder (the import writes {writes}); "
            "name a folder, or leave -o out to print the records"
        )
    if not make:
        return path
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise _named(error, path) from None
    return path


def staging_folder(folder: Path) -> Path:
    """A new folder beside `folder` (`folder` itself exists), where a writer puts what replaces
    part of it: outside it, so that no reader of `folder/**` sees a half-written copy, and on its
    file system, so that the swap is a rename; inside it only when `folder` is a mount point."""
    place = folder.resolve().parent
    if not place.is_dir() or place.stat().st_dev != folder.stat().st_dev:
        place = folder
    return Path(tempfile.mkdtemp(prefix=f".{folder.resolve().name}.evidence-", dir=place))


def yaml_has_comments(text: str) -> bool:
    """True when YAML text holds a comment (which rewriting the file would lose)."""
    end = 0
    try:
        for token in yaml.scan(text, Loader=yaml.SafeLoader):
            if "#" in text[end : token.start_mark.index]:
                return True
            end = max(end, token.end_mark.index)
    except yaml.YAMLError:
        return "#" in text
    return "#" in text[end:]
