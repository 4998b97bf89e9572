"""The JSON fast path: JSON and JSON Lines record files read in C, checked by the field table.

Large record sets come as JSON. msgspec decodes the bytes straight into mirror structs made
from the field table, enforcing in C what the types say (text, numbers, lists, enum values,
required fields, unknown keys, the text limit). A builder generated per class turns a mirror
into its record: it parses dates (with `parse_date`) and digests, runs every check the table
lists for each field given and the class's invariants, and builds the frozen instance without
the conversions that only code needs (msgspec gives the stored types already). The answer is the
record the converter would give, or None when anything is unusual; the caller then takes the
full path, which names every problem with its line. tests/test_fastpath.py holds the two paths
equal.
"""

from __future__ import annotations

import contextlib
import enum
import functools
import operator
import re
import types
from collections.abc import Callable, Iterator, Mapping
from typing import Annotated, Any, get_args, get_origin

import msgspec

from evidence._io.collector import collector_paused
from evidence._io.document import Document
from evidence._io.fieldtable import FIELD_TABLE, Field, entry
from evidence._io.versions import default_in, is_version
from evidence._limits import limits
from evidence._model import (
    ASCII_CHECKS,
    EACH,
    KEYS_AND_VALUES,
    ONE,
    PATTERN_CHECKS,
    RECORD_KINDS,
    Date,
    DateInterval,
    Digest,
    Record,
    control_complaint,
    parse_date,
    same_keys_complaint,
)


class _Refused(Exception):
    """A check failed on the fast path; the full path says why."""


class _Counter:
    """Keys seen by the builders: a duplicate key is the one thing a decoder cannot tell."""

    __slots__ = ("keys",)

    def __init__(self) -> None:
        self.keys = 0


_BUILDERS: dict[tuple[type, int], Callable[[Any, _Counter], Any]] = {}
# For each field with a pattern check: the values that passed all its checks while one file is
# read (emptied after it): ids and language tags repeat a lot, and the checks are pure.
_VALID: list[set[str]] = []
_MIRRORED: dict[type, type] = {}  # mirror struct -> the class it mirrors
_DAYS: dict[str, Any] = {}  # days and months recur in large sets; dates are immutable values


def _date(text: str) -> Any:
    found = _DAYS.get(text)
    if found is None:
        found = parse_date(text)  # which reads the usual shapes on a quick road of its own
        if len(text) <= 10 and len(_DAYS) < 10_000:  # not date-times, which rarely recur
            _DAYS[text] = found
    return found


def _mirror_type(type_: Any, text: Any, mirrors: dict[Any, Any]) -> Any:
    """The msgspec type that reads what `type_` reads from JSON (dates and digests as text)."""
    if type_ is str or type_ in (Date, DateInterval, Digest):
        return text
    if type_ in (int, bool) or type_ is type(None) or (isinstance(type_, type) and issubclass(type_, enum.Enum)):
        return type_
    if get_origin(type_) is types.UnionType:
        return functools.reduce(operator.or_, dict.fromkeys(_mirror_type(o, text, mirrors) for o in get_args(type_)))
    if get_origin(type_) is tuple:
        return tuple[_mirror_type(get_args(type_)[0], text, mirrors), ...]  # type: ignore[misc]
    if get_origin(type_) is Mapping:
        return dict[text, _mirror_type(get_args(type_)[1], text, mirrors)]  # type: ignore[misc]
    if type_ in FIELD_TABLE:
        return _mirror(type_, text, mirrors)
    raise TypeError(f"no mirror for {type_!r}")  # a new kind of field: teach the fast path


def _mirror(cls: type, text: Any, mirrors: dict[Any, Any], tag: str | None = None) -> Any:
    key = (cls, tag)
    if key not in mirrors:
        fields: list[Any] = []
        for f in entry(cls).fields:
            mirror_type = _mirror_type(f.type, text, mirrors)
            if f.required:
                fields.append((f.name, mirror_type))
            else:
                fields.append((f.name, mirror_type | msgspec.UnsetType, msgspec.UNSET))
        options: dict[str, Any] = {"tag_field": "type", "tag": tag} if tag is not None else {}
        mirror = msgspec.defstruct(
            f"Mirror{cls.__name__}", fields, kw_only=True, forbid_unknown_fields=True, gc=False, **options
        )
        mirrors[key] = mirror
        _MIRRORED[mirror] = cls
    return mirrors[key]


@functools.lru_cache(maxsize=4)
def _decoders(max_text_chars: int) -> tuple[msgspec.json.Decoder[Any], msgspec.json.Decoder[Any]]:
    """Decoders of a whole JSON record file and of JSON Lines records, for one text limit."""
    text = Annotated[str, msgspec.Meta(max_length=max_text_chars)]
    mirrors: dict[Any, Any] = {}
    document = msgspec.json.Decoder(_mirror(Document, text, mirrors))
    tagged = tuple(_mirror(cls, text, mirrors, tag=cls.KIND) for cls in RECORD_KINDS)
    return document, msgspec.json.Decoder(functools.reduce(operator.or_, tagged))


def _builder(cls: type, version: int) -> Callable[[Any, _Counter], Any]:
    """Generated code that makes a record of a file of `version` from its mirror, running every
    check the field table lists for each field given, and the class's invariants."""
    if (cls, version) in _BUILDERS:
        return _BUILDERS[cls, version]
    namespace: dict[str, Any] = {
        "UNSET": msgspec.UNSET,
        "new": object.__new__,
        "cls": cls,
        "date": _date,
        "digest": Digest.parse,
        "proxy": types.MappingProxyType,
        "Refused": _Refused,
    }
    lines = ["def build(mirror, counter):", "    record = new(cls)"]
    required = 0
    known = entry(cls)
    for index, f in enumerate(known.fields):
        body = _field_code(f, index, namespace, version)
        if body and f.optional:  # null is allowed, and left as it is
            body = ["if value is not None:", *[f"    {line}" for line in body]]
        # The slot's own setter: a frozen class refuses setattr, and this is the quickest way round.
        namespace[f"set_{index}"] = next(c.__dict__[f.name] for c in cls.__mro__ if f.name in c.__dict__).__set__
        set_value = f"set_{index}(record, value)"
        lines.append(f"    value = mirror.{f.name}")
        if f.required:
            required += 1
            lines += [f"    {line}" for line in body] + [f"    {set_value}"]
            continue
        namespace[f"default_{index}"] = default_in(version, f)
        lines += ["    if value is UNSET:", f"        set_{index}(record, default_{index})", "    else:"]
        lines.append("        keys += 1")
        lines += [f"        {line}" for line in body]
        lines.append(f"        {set_value}")
    lines.insert(2, f"    keys = {required}")
    if known.invariants is Record.__attrs_post_init__:  # which checks field_confidence alone
        lines += ["    if mirror.field_confidence is not UNSET:", "        record.__attrs_post_init__()"]
    elif known.invariants is not None:
        lines.append("    record.__attrs_post_init__()")
    lines += ["    counter.keys += keys", "    return record"]
    exec("\n".join(lines), namespace)
    _BUILDERS[cls, version] = build = namespace["build"]
    return build  # type: ignore[no-any-return]


def _field_code(f: Field, index: int, namespace: dict[str, Any], version: int) -> list[str]:
    """Lines that turn the mirror's `value` of one field into the record's and check it."""
    type_ = f.type
    many = get_origin(type_) is tuple
    item_type = get_args(type_)[0] if many else type_
    nested = next((t for t in (item_type, *get_args(item_type)) if t in FIELD_TABLE), None)
    code: list[str] = []
    if Date in (type_, *get_args(type_)):
        code.append("value = date(value)")
    elif Digest in (type_, *get_args(type_)):
        code.append("value = digest(value)")  # through its constructor, which runs its checks
    elif nested is not None:
        namespace[f"build_{index}"] = _builder(nested, version)
        call = f"build_{index}(item, counter)" if many else f"build_{index}(value, counter)"
        code.append(f"value = tuple([{call} for item in value])" if many else f"value = {call}")
    elif get_origin(type_) is Mapping:
        namespace["same_keys"] = same_keys_complaint
        code += ["counter.keys += len(value)", "if same_keys(value) is not None: raise Refused", "value = proxy(value)"]
    if not f.checks:
        return code
    failures = []
    ascii_only = any(check in ASCII_CHECKS for check in f.checks)
    for number, check in enumerate(f.checks):
        if check is control_complaint and ascii_only:
            continue  # what passes an ASCII pattern holds no invisible character
        namespace[f"check_{index}_{number}"] = check
        failed = f"check_{index}_{number}(item) is not None"
        # Printable text holds no invisible character: the text check's quick road.
        failures.append(f"(not item.isprintable() and {failed})" if check is control_complaint else failed)
    failed = " or ".join(failures)
    if f.name != "id" and any(check in PATTERN_CHECKS for check in f.checks):
        # Pure functions of the value (a record's own id is seen once): what passed passes again.
        valid = namespace[f"valid_{index}"] = set()
        _VALID.append(valid)
        test = [f"if item not in valid_{index}:", f"    if {failed}: raise Refused", f"    valid_{index}.add(item)"]
    else:
        test = [f"if {failed}: raise Refused"]
    items = {ONE: None, EACH: "value", KEYS_AND_VALUES: "(*value.keys(), *value.values())"}[f.values]
    return code + ([f"for item in {items}:", *[f"    {line}" for line in test]] if items else ["item = value", *test])


# A colon with white space before it (the regular expression starts at the colon, the rarer
# character, and looks back): perhaps a key written `"key" : value`, which escapes the count.
_SPACE_THEN_COLON = re.compile(rb":(?<=[ \t\r\n]:)")


def _spaced_key(raw: bytes) -> bool:
    for match in _SPACE_THEN_COLON.finditer(raw):  # rare, but for texts like "il a dit :"
        before = match.start() - 1
        while before >= 0 and raw[before] in b" \t\r\n":
            before -= 1
        if before >= 0 and raw[before] == ord('"'):
            return True
    return False


def _keys_in(raw: bytes) -> int | None:
    """How many keys the JSON text holds, at most: every key ends in `":`, unless written with
    space before its colon (then None).

    `":` also comes where a text starts with a colon, or inside a text as `\\":`; then the
    count is too high, and the file goes to the full path, which counts nothing but is right.
    """
    if _spaced_key(raw):
        return None
    return raw.count(b'":')


def decode_json(raw: bytes) -> Document | None:
    """The document of a JSON record file, or None when the full path must read it."""
    document_decoder, _ = _decoders(limits.max_text_chars)
    counter = _Counter()
    with _fast_path():
        try:
            mirror = document_decoder.decode(raw)
            if not is_version(mirror.evidence):
                return None
            document = _builder(Document, mirror.evidence)(mirror, counter)
        except Exception:  # any refusal at all: the full path reports it properly
            return None
    if counter.keys != _keys_in(raw):
        return None
    return document  # type: ignore[no-any-return]


def decode_json_lines(raw: bytes, version: int) -> list[Record] | None:
    """The records of a JSON Lines body (the lines after the header, one record on each) of a
    file of `version`, or None when the full path must read them."""
    _, line_decoder = _decoders(limits.max_text_chars)
    counter = _Counter()
    with _fast_path():
        try:
            mirrors = line_decoder.decode_lines(raw)
            records = [_builder(_MIRRORED[type(mirror)], version)(mirror, counter) for mirror in mirrors]
        except Exception:
            return None
    lines = raw.count(b"\n") + (bool(raw) and not raw.endswith(b"\n"))
    if len(records) != lines or counter.keys + len(records) != _keys_in(raw):  # and a "type" each
        return None
    return records


@contextlib.contextmanager
def _fast_path() -> Iterator[None]:
    try:
        with collector_paused():
            yield
    finally:
        for valid in _VALID:
            valid.clear()
