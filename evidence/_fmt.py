"""Record files rewritten in canonical form, never changing what they mean.

`format_files` goes through files and folders one file at a time and says what it did with
each: already canonical, rewritten (or, with `check`, would be), or left as it is because it
does not load (or cannot be read: a FIFO, a device, a file over the size limit), because its
canonical form would read back as other records, because it is YAML with comments the
canonical form cannot keep, or because writing it failed. A file that fails does not stop the
others. A file is written through a symbolic link to its target, keeping the target's mode,
owner and hard links (`atomic_write`).
"""

from __future__ import annotations

import enum
import glob
from collections.abc import Iterable, Iterator
from pathlib import Path

import attrs

from evidence._errors import LoadError, Problem, UsageError
from evidence._io import (
    RECORD_SUFFIXES,
    Format,
    atomic_write,
    parse_bytes,
    read_regular,
    render,
    unreadable,
    walk_record_files,
    yaml_has_comments,
)


class Outcome(enum.Enum):
    CANONICAL = "canonical"
    REFORMATTED = "reformatted"
    WOULD_REFORMAT = "would reformat"
    NOT_LOADED = "not loaded"  # the file has problems: see `FileOutcome.error`
    WOULD_CHANGE_RECORDS = "would change the records"
    HAS_COMMENTS = "has comments"
    NOT_WRITTEN = "not written"  # writing failed; the file is as it was: see `FileOutcome.reason`


@attrs.frozen
class FileOutcome:
    """What `format_files` did with one file."""

    file: Path
    outcome: Outcome
    error: LoadError | None = None
    reason: str | None = None  # why a file was not written

    @property
    def failed(self) -> bool:
        """Whether the file is not (or, checking, would not be left) in canonical form."""
        return self.outcome not in (Outcome.CANONICAL, Outcome.REFORMATTED)

    @property
    def changed(self) -> bool:
        return self.outcome in (Outcome.REFORMATTED, Outcome.WOULD_REFORMAT)

    @property
    def message(self) -> str | None:
        """What to tell the person running it; None for a canonical file and for one that does
        not load (its problems say why)."""
        return {
            Outcome.REFORMATTED: f"reformatted {self.file}",
            Outcome.WOULD_REFORMAT: f"would reformat {self.file}",
            Outcome.WOULD_CHANGE_RECORDS: (
                f"{self.file}: canonical form would change the records; left as it is (please report)"
            ),
            Outcome.HAS_COMMENTS: (
                f"{self.file}: has comments, which fmt cannot keep; move them into 'notes' fields "
                "(or pass --drop-comments)"
            ),
            Outcome.NOT_WRITTEN: f"{self.file}: cannot be written: {self.reason}; left as it was",
        }.get(self.outcome)


def _files(paths: Iterable[str | Path]) -> list[Path | Problem]:
    """The files to format, in order, and in their place the problems of walking a folder (a
    folder that cannot be listed, a link leading out of it)."""
    files: list[Path | Problem] = []
    for name in paths:
        path = Path(name)
        if not path.exists():
            raise UsageError(f"no such file or folder: {path}")
        if path.is_dir():
            found, problems = walk_record_files(path)
            files += [*problems, *found]
        elif Format.of(path) is None:
            raise UsageError(f"not a record file: {path} (expected {', '.join(RECORD_SUFFIXES[:-1])} or .jsonl)")
        else:
            files.append(path)
    return files


def _format_file(file: Path, check: bool, drop_comments: bool) -> FileOutcome:
    fmt = Format.of(file)
    assert fmt is not None  # `_files` keeps record files only
    try:
        raw = read_regular(file)  # never a FIFO or a device, never more than the size limit
    except OSError as error:
        return FileOutcome(file, Outcome.NOT_LOADED, LoadError([unreadable(str(file), error)]))
    try:
        content = parse_bytes(raw, str(file), fmt)
    except LoadError as error:
        return FileOutcome(file, Outcome.NOT_LOADED, error)
    canonical = render(content.records, fmt)
    if canonical == raw:
        return FileOutcome(file, Outcome.CANONICAL)
    # Rewriting must never change what the file means.
    if parse_bytes(canonical, str(file), fmt).records != content.records:
        return FileOutcome(file, Outcome.WOULD_CHANGE_RECORDS)
    if fmt is Format.YAML and not drop_comments and yaml_has_comments(raw.decode("utf-8")):
        return FileOutcome(file, Outcome.HAS_COMMENTS)
    if check:
        return FileOutcome(file, Outcome.WOULD_REFORMAT)
    target = file.resolve()
    left = sorted(target.parent.glob(f".{glob.escape(target.name)}.*.was"))
    if left:  # a copy an interrupted in-place write kept: the person decides which is right
        reason = f"the copy an interrupted rewrite kept of it is beside it ({left[0]}): compare the two, then remove it"
        return FileOutcome(file, Outcome.NOT_WRITTEN, reason=reason)
    try:
        atomic_write(file, canonical)
    except OSError as error:
        return FileOutcome(file, Outcome.NOT_WRITTEN, reason=error.strerror or str(error))
    return FileOutcome(file, Outcome.REFORMATTED)


def format_files(
    paths: Iterable[str | Path], *, check: bool = False, drop_comments: bool = False
) -> Iterator[FileOutcome]:
    """Rewrite the record files among `paths` (files, or folders searched as `load` searches
    them) in canonical form, one at a time, yielding what was done with each; with `check`,
    change nothing. UsageError, before any file is read, for a path that does not exist and for
    a file named that is not a record file. A file that cannot be read or written is an outcome,
    and the files after it are still formatted."""
    for item in _files(paths):
        if isinstance(item, Problem):  # a folder that cannot be listed, a link out of the folder
            yield FileOutcome(Path(item.file or ""), Outcome.NOT_LOADED, LoadError([item]))
        else:
            yield _format_file(item, check, drop_comments)


def summary(outcomes: Iterable[FileOutcome], *, check: bool = False) -> str:
    """'2 files reformatted, 3 already canonical' ('would be reformatted' when checking), and, when
    some are, how many were left as they were and how many could not be read or written."""
    outcomes = list(outcomes)
    changed = sum(outcome.changed for outcome in outcomes)
    clean = sum(outcome.outcome is Outcome.CANONICAL for outcome in outcomes)
    left = sum(outcome.outcome in (Outcome.WOULD_CHANGE_RECORDS, Outcome.HAS_COMMENTS) for outcome in outcomes)
    failed = sum(outcome.outcome in (Outcome.NOT_LOADED, Outcome.NOT_WRITTEN) for outcome in outcomes)
    verb = "would be reformatted" if check else "reformatted"
    text = f"{changed} file{'s' if changed != 1 else ''} {verb}, {clean} already canonical"
    if left:
        text += f", {left} left as {'they were' if left != 1 else 'it was'}"
    if failed:
        text += f", {failed} failed (not loaded, read or written)"
    return text
