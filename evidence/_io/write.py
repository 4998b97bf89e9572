"""Records written as files: the canonical text of each format, and atomic replacement.

Writing turns records into the canonical text of each format and replaces the file through a
temporary file and a rename, so a crash never leaves half a file.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import orjson
import yaml

from evidence._io.collector import collector_paused
from evidence._io.content import Format
from evidence._io.convert import unstructure
from evidence._io.document import Document
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

    An existing file keeps its mode; a new one gets the usual mode of a new file (0666 less the
    umask), not the 0600 of the temporary file."""
    atomic_write_all({path: data})


def atomic_write_all(files: Mapping[Path, bytes]) -> None:
    """Replace several files as nearly at once as a file system allows: every temporary file is
    written and flushed first, and only then are they renamed, so a failure while writing (a full
    disk, a folder not writable) leaves every file as it was."""
    staged: list[tuple[str, Path]] = []
    try:
        for named, data in files.items():
            path = named.resolve() if named.is_symlink() else named  # a link's target is replaced, not the link
            try:
                mode = path.stat().st_mode & 0o777
            except FileNotFoundError:
                mode = 0o666 & ~_umask()
            handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
            staged.append((temporary, path))
            with os.fdopen(handle, "wb") as stream:
                stream.write(data)
                stream.flush()
                os.fsync(stream.fileno())
            os.chmod(temporary, mode)
        while staged:
            temporary, path = staged[0]
            os.replace(temporary, path)
            staged.pop(0)
    except BaseException:
        for temporary, _ in staged:
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
