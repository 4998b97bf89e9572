"""Record files rewritten in canonical form, never changing what they mean.

`format_files` goes through files and folders one file at a time and says what it did with
each: already canonical, rewritten (or, with `check`, would be), or left as it is because it
does not load, because its canonical form would read back as other records, or because it is
YAML with comments the canonical form cannot keep.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Iterator
from pathlib import Path

import attrs

from evidence._errors import LoadError, UsageError
from evidence._io import Format, atomic_write, parse_bytes, render, yaml_has_comments
from evidence._recordset import record_files


class Outcome(enum.Enum):
    CANONICAL = "canonical"
    REFORMATTED = "reformatted"
    WOULD_REFORMAT = "would reformat"
    NOT_LOADED = "not loaded"  # the file has problems: see `FileOutcome.error`
    WOULD_CHANGE_RECORDS = "would change the records"
    HAS_COMMENTS = "has comments"


@attrs.frozen
class FileOutcome:
    """What `format_files` did with one file."""

    file: Path
    outcome: Outcome
    error: LoadError | None = None

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
        }.get(self.outcome)


def _files(paths: Iterable[str | Path]) -> list[Path]:
    files: list[Path] = []
    for name in paths:
        path = Path(name)
        if not path.exists():
            raise UsageError(f"no such file or folder: {path}")
        files.extend(record_files(path) if path.is_dir() else [path])
    return files


def _format_file(file: Path, check: bool, drop_comments: bool) -> FileOutcome:
    fmt = Format.of(file)
    if fmt is None:
        raise UsageError(f"not a record file: {file} (expected .yaml, .yml, .json or .jsonl)")
    raw = file.read_bytes()
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
    atomic_write(file, canonical)
    return FileOutcome(file, Outcome.REFORMATTED)


def format_files(
    paths: Iterable[str | Path], *, check: bool = False, drop_comments: bool = False
) -> Iterator[FileOutcome]:
    """Rewrite the record files among `paths` (files, or folders searched as `load` searches
    them) in canonical form, one at a time, yielding what was done with each; with `check`,
    change nothing. UsageError, before any file is read, for a path that does not exist, and
    for a file that is not a record file when it is reached."""
    files = _files(paths)
    for file in files:
        yield _format_file(file, check, drop_comments)


def summary(outcomes: Iterable[FileOutcome], *, check: bool = False) -> str:
    """'2 files reformatted, 3 already canonical' ('would be reformatted' when checking)."""
    outcomes = list(outcomes)
    changed = sum(outcome.changed for outcome in outcomes)
    clean = sum(outcome.outcome is Outcome.CANONICAL for outcome in outcomes)
    verb = "would be reformatted" if check else "reformatted"
    return f"{changed} file{'s' if changed != 1 else ''} {verb}, {clean} already canonical"
