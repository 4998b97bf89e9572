"""Integrity (I001-I004): a stored text file lies inside the record set's folder, can be read as
UTF-8 and matches its digest. And the text a quote's target offers, read the same way."""

from __future__ import annotations

import hashlib
from pathlib import Path

from evidence._check.run import Run
from evidence._io import loop_of_links, read_regular
from evidence._model import Message, Record


def stored_text(run: Run, record: Record, *, report: bool) -> str | None:
    """The stored text of a source, filing or exhibit; None when it has none or it is unusable.
    With `report`, what is wrong with the file becomes findings (once per record)."""
    if record.id in run.texts:
        return run.texts[record.id]
    relative = getattr(record, "text_file", None)
    origin = run.lookup.origin(record.id)
    if relative is None or origin is None:
        return None
    folder = Path(origin.file).parent
    root = (run.root or folder).resolve()

    def add(code: str, message: str, path: tuple[str | int, ...] = ("text_file",), hint: str | None = None) -> None:
        if report:
            run.add(code, record, message, path, hint)

    path = Path(relative)
    if path.is_absolute() or ".." in path.parts:
        add("I003", f"text file {relative!r} leaves the record set's folder; it is not read")
        return None
    full = folder / path
    try:
        real = full.resolve(strict=True)
    except (OSError, RuntimeError) as error:
        if loop_of_links(error):
            add("I002", f"text file {relative!r} is a loop of symbolic links; it is not read")
        else:
            add("I002", f"text file {relative!r} does not exist")
        return None
    if not real.is_relative_to(root):
        add("I003", f"text file {relative!r} leads outside the record set's folder (a link?); it is not read")
        return None
    try:
        data = read_regular(real, relative)  # a FIFO or a device refused unread; the size limit holds
    except OSError as error:
        add("I002", f"text file {relative!r} cannot be read: {error.strerror or error}")
        return None
    if report:
        digest = getattr(record, "digest", None)
        if digest is None:
            hint = f"add digest: sha256:{hashlib.sha256(data).hexdigest()}"
            add("I004", f"text file {relative!r} has no digest", hint=hint)
        else:
            actual = hashlib.new(digest.algorithm, data).hexdigest()
            if actual != digest.value:
                message = f"text file {relative!r} was altered: its {digest.algorithm} is {actual}"
                hint = "restore the file, or record its new digest if the change is intended"
                add("I001", message, ("digest",), hint)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        add("I002", f"text file {relative!r} is not UTF-8 text")
        return None
    return text


def integrity(run: Run) -> None:
    for record in run.checked:
        if getattr(record, "text_file", None) is not None:
            run.texts[record.id] = stored_text(run, record, report=True)


def text_of(run: Run, target_id: str) -> tuple[str | None, bool] | None:
    """What a quote's target offers: its text (a message's own, or a stored copy) with whether it
    has a text file at all; None for an id no record has (R001's to report)."""
    if target_id in run.message_texts:
        return run.message_texts[target_id], False
    target = run.lookup.get(target_id)
    if target is None:  # no such record, or one not held whole, which has no text (a claim)
        return None if run.lookup.kind_of(target_id) is None else (None, False)
    if isinstance(target, Message):
        return target.text, False
    return stored_text(run, target, report=False), getattr(target, "text_file", None) is not None
