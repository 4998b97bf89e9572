"""A file added as a source (`evidence add source`): its text stored under `sources/` beside the
record file, with its digest, and a Source record saying where it came from. What the file says
about itself (a page's title, author, site, date, address) is `likely`, never `confirmed`: a page
can be wrong about itself, and the extraction can be wrong about the page."""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import os
from collections.abc import Mapping, Sequence
from pathlib import Path, PurePath
from typing import Any

from evidence._errors import UsageError
from evidence._import.documents import read_document
from evidence._import.fields import Refused, build, record_id
from evidence._import.recordfile import target, with_new
from evidence._io import atomic_write, new_folders_removed_on_failure, read_regular
from evidence._model import Confidence, Record, Source, SourceKind
from evidence._recordset import RecordSet

# The folder, beside the record file, that stored texts go in.
TEXT_FOLDER = "sources"


def add_source(
    file: str | os.PathLike[str],
    records: str | os.PathLike[str] | None = None,
    *,
    id: str | None = None,
    kind: SourceKind | str | None = None,
    title: str | None = None,
    authors: Sequence[str] = (),
    publication: str | None = None,
    published: str | None = None,
    url: str | None = None,
    retrieved: str | None = None,
    language: str | None = None,
    confidence: Confidence | str = Confidence.UNVERIFIED,
) -> Source:
    """Add a saved web page, a PDF or a plain text file as a source of a record set.

    The text (a page's main text, a PDF's pages with a form feed between them, a text file as it
    is) is stored as `sources/ID.txt` beside the record file, and a Source record with its digest
    is added to `records`: a record file (created if missing) or a folder (its `sources.yaml`),
    `sources.yaml` in the current folder when not given. `id` defaults to the file's name
    without its suffix; `kind` to `web_page` for an HTML page, and must be given for a PDF or a
    text. The values given here are taken as given; those extracted from a page are marked
    `likely`. `retrieved` defaults to now (UTC): the time the file was added. Nothing is written
    when anything fails: a duplicate id, a stored text of that name with other content, a file
    that cannot be read. Returns the record added.
    """
    path = Path(file)
    try:
        data = read_regular(path)  # a FIFO or a device refused, unread; the size limit holds
    except OSError as error:
        raise UsageError(f"cannot read {path}: {error.strerror or error}") from None
    document = read_document(path, data)
    place = target(records)
    source_id = id if id is not None else record_id(path.stem)
    kind = _kind(kind, document.form)
    stored = data if document.form == "text" else document.text.encode("utf-8")
    text_path = place.file.parent / TEXT_FOLDER / _file_name(source_id)
    relative = _relative(text_path, place.file.parent)
    given: dict[str, Any] = {
        "title": title,
        "authors": list(authors),
        "publication": publication,
        "published": published,
        "url": url,
        "language": language,
    }
    extracted = {key: value for key, value in document.metadata.items() if not given.get(key)}
    data_of_record: dict[str, Any] = {
        "id": source_id,
        "kind": kind,
        **extracted,
        **{key: value for key, value in given.items() if value},
        "retrieved": retrieved if retrieved is not None else _now(),
        "text_file": relative,
        "digest": f"sha256:{hashlib.sha256(stored).hexdigest()}",
        "confidence": _mark(confidence),
        "field_confidence": dict.fromkeys(extracted, Confidence.LIKELY.value),
    }
    try:
        record = build(Source, data_of_record)
    except Refused as reason:
        raise UsageError(f"{path}: the source cannot be recorded: {reason}") from None
    assert isinstance(record, Source)
    record_file = with_new(place, record)
    _write(text_path, stored, place.file, record_file)
    return record


def _kind(kind: SourceKind | str | None, form: str) -> str:
    if kind is not None:
        return kind.value if isinstance(kind, SourceKind) else kind
    if form == "html":
        return SourceKind.WEB_PAGE.value  # a saved page is a web page; news_article is for the user to say
    kinds = ", ".join(k.value for k in SourceKind)
    raise UsageError(f"say what sort of work this {form.upper() if form == 'pdf' else form} is: pass kind= ({kinds})")


def _mark(value: Confidence | str) -> str:
    try:
        return Confidence(value).value
    except ValueError:
        raise UsageError(f"unknown confidence {value!r}: use {', '.join(c.value for c in Confidence)}") from None


def _file_name(source_id: str) -> str:
    return f"{source_id}.txt"


def _now() -> str:
    return dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _write(text_path: Path, stored: bytes, record_path: Path, record_file: bytes) -> None:
    """The stored text, then the record file; a text of that name with other content is never
    replaced, and a text written for a record that could not be written is taken back."""
    try:
        existing: bytes | None = text_path.read_bytes()
    except FileNotFoundError:
        existing = None
    except OSError as error:
        raise UsageError(f"cannot read {text_path}: {error.strerror or error}") from None
    if existing is not None and existing != stored:
        raise UsageError(f"{text_path} exists and holds another text; it is never overwritten: choose another id")
    with new_folders_removed_on_failure(record_path.parent):  # the text's folder is under it
        record_path.parent.mkdir(parents=True, exist_ok=True)
        new_text = existing is None
        if new_text:
            text_path.parent.mkdir(parents=True, exist_ok=True)
            atomic_write(text_path, stored)
        try:
            atomic_write(record_path, record_file)
        except BaseException:
            if new_text:
                with contextlib.suppress(OSError):
                    text_path.unlink()
            raise


def _relative(path: Path, folder: Path) -> str:
    """`path` as a record's `text_file` names it: relative to the folder of the record file that
    holds the record (where `RecordSet.base_folder` and the checks resolve it), with '/'."""
    return PurePath(os.path.relpath(path, folder)).as_posix()


def stored_beside(
    root: Path, incoming: Mapping[str, Sequence[Record]], stored: Mapping[str, bytes], kept: RecordSet
) -> dict[str, bytes]:
    """The files an import stores (by path relative to `root`, as its Sources' `text_file` names
    them), each put beside the record file that holds its Source: a Source the folder keeps in a
    folder below `root` (a person moved its file there) has its new text stored there, so that its
    `text_file`, relative to that file's folder as for any record file, names it. A stored file no
    Source names (a response read with the one named) goes where the named ones of its folder go."""
    moved: dict[str, str] = {}  # stored name → its name beside the Source's own file
    named: set[str] = set()
    for record in (record for found in incoming.values() for record in found):
        text = record.text_file if isinstance(record, Source) else None
        if text is None or text not in stored:
            continue
        named.add(text)
        home = kept.base_folder(record.id) if record.id in kept else None
        if home is not None:
            moved[text] = _relative(home / text, root)
    folders = {PurePath(old).parent: PurePath(new).parent for old, new in moved.items()}
    for name in stored:
        if name not in named and PurePath(name).parent in folders:
            moved[name] = (folders[PurePath(name).parent] / PurePath(name).name).as_posix()
    return {moved.get(name, name): data for name, data in stored.items()}
