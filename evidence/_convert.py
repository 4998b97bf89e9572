"""The one cattrs converter that turns records into plain data and back.

`structure` and `unstructure` are the only ways in and out; every file format goes through them.
Structuring first runs a converter without detailed validation (fast, no bookkeeping); only when
that fails does the detailed twin run again to collect every problem with its path. Both come
from `_make_converter`, so they cannot disagree about the format.
"""

from __future__ import annotations

import contextlib
import difflib
import enum
import functools
import gc
import operator
import re
import types
from collections.abc import Callable, Iterator, Mapping
from typing import Annotated, Any, TypeVar, get_args, get_origin

import attrs
import cattrs
import msgspec
from cattrs.errors import (
    AttributeValidationNote,
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    IterableValidationNote,
)
from cattrs.gen import make_dict_structure_fn

from evidence._dates import Date, DateInterval, _common_date, parse_date
from evidence._errors import InvalidValue
from evidence._limits import limits
from evidence._model import (
    ASCII_PATTERNS,
    PATTERN_CHECKS,
    RECORD_KINDS,
    TEXT_CHECKS,
    VALUE_OBJECTS,
    Actor,
    Case,
    Claim,
    Court,
    Digest,
    Exhibit,
    Filing,
    Message,
    Record,
    Source,
    _id_complaint,
    control_complaint,
)

T = TypeVar("T")
Path = tuple[str | int, ...]

FORMAT_VERSION = 1


@attrs.frozen(kw_only=True)
class Document:
    """The content of one record file: a format version and records grouped by kind."""

    evidence: int
    courts: tuple[Court, ...] = ()
    cases: tuple[Case, ...] = ()
    actors: tuple[Actor, ...] = ()
    filings: tuple[Filing, ...] = ()
    exhibits: tuple[Exhibit, ...] = ()
    messages: tuple[Message, ...] = ()
    sources: tuple[Source, ...] = ()
    claims: tuple[Claim, ...] = ()

    def records(self) -> tuple[Record, ...]:
        return tuple(record for cls in RECORD_KINDS for record in getattr(self, cls.PLURAL))


attrs.resolve_types(Document)


def describe(value: Any) -> str:
    """How an error message names a value that was found."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return f"the number {value}"
    if isinstance(value, float):
        return f"the number {value!r}"
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "..."
        return f"the text {shown!r}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return f"a {type(value).__name__}"


def _strict(expected_type: type, expected: str) -> Callable[[Any, Any], Any]:
    def hook(value: Any, _: Any) -> Any:
        # bool is an int subclass in Python, but `true` is not a number in a record file.
        if type(value) is not expected_type:
            raise InvalidValue(f"expected {expected}, found {describe(value)}", code="S003")
        return value

    return hook


def _text(value: Any, _: Any) -> str:
    if type(value) is not str:
        raise InvalidValue(f"expected text, found {describe(value)}", code="S003")
    if len(value) > limits.max_text_chars:
        raise InvalidValue(
            f"a text of {len(value):,} characters is longer than the limit of {limits.max_text_chars:,} "
            "(raise it with --max-text-chars)"
        )
    return value


def _enum_hook(cls: type[enum.Enum]) -> Callable[[Any, Any], Any]:
    values = [member.value for member in cls]

    def hook(value: Any, _: Any) -> Any:
        try:
            return cls(value)
        except (ValueError, TypeError):
            pass
        hint = ""
        if isinstance(value, str):
            close = difflib.get_close_matches(value, values, n=1)
            if close:
                hint = f" (did you mean {close[0]!r}?)"
        raise InvalidValue(f"expected one of {', '.join(values)}; found {describe(value)}{hint}", code="S005")

    return hook


def _date_value(value: Any, _: Any) -> Any:
    # A bare year in YAML (`filed: 2023`) reads as a number; it means the year.
    if type(value) is int and 1000 <= value <= 9999:
        value = str(value)
    if not isinstance(value, str):
        raise InvalidValue(
            f"expected a date as text (such as '2023-10' or '2023-10-10'), found {describe(value)}", code="S003"
        )
    return parse_date(value)


def _single_date(value: Any, _: Any) -> Date:
    parsed = _date_value(value, _)
    if not isinstance(parsed, Date):
        raise InvalidValue(f"expected a single date, found the interval {value!r}", code="S003")
    return parsed


def _interval(value: Any, _: Any) -> DateInterval:
    parsed = _date_value(value, _)
    if not isinstance(parsed, DateInterval):
        raise InvalidValue(f"expected an interval such as '2024-01/2024-03', found {describe(value)}", code="S003")
    return parsed


def _digest(value: Any, _: Any) -> Digest:
    if not isinstance(value, str):
        raise InvalidValue(f"expected a digest such as 'sha256:<hex>', found {describe(value)}", code="S003")
    return Digest.parse(value)


def _is_tuple(type_: Any) -> bool:
    return get_origin(type_) is tuple


def _is_mapping(type_: Any) -> bool:
    return get_origin(type_) in (Mapping, dict) or type_ is Mapping


def _is_date_union(type_: Any) -> bool:
    args = set(get_args(type_))
    return get_origin(type_) in (types.UnionType,) and {Date, DateInterval} <= args


def _make_converter(detailed: bool) -> cattrs.Converter:
    converter = cattrs.Converter(omit_if_default=True, forbid_extra_keys=True, detailed_validation=detailed)
    converter.register_structure_hook(str, _text)
    converter.register_structure_hook(int, _strict(int, "a whole number"))
    converter.register_structure_hook(bool, _strict(bool, "true or false"))
    converter.register_structure_hook_factory(lambda t: isinstance(t, type) and issubclass(t, enum.Enum), _enum_hook)

    def date_union(value: Any, type_: Any) -> Any:
        if value is None and type(None) in get_args(type_):
            return None
        return _date_value(value, type_)

    converter.register_structure_hook_func(_is_date_union, date_union)
    converter.register_structure_hook(Date, _single_date)
    converter.register_structure_hook(DateInterval, _interval)
    converter.register_structure_hook(Digest, _digest)
    for text_class in (Date, DateInterval, Digest):
        converter.register_unstructure_hook(text_class, str)

    def tuple_factory(type_: Any) -> Callable[[Any, Any], Any]:
        (item_type, *_rest) = get_args(type_)
        item_hook = converter.get_structure_hook(item_type)

        def hook(value: Any, _: Any) -> tuple[Any, ...]:
            if not isinstance(value, list):
                raise InvalidValue(f"expected a list, found {describe(value)}", code="S003")
            if not detailed:
                return tuple(item_hook(item, item_type) for item in value)
            result, errors = [], []
            for index, item in enumerate(value):
                try:
                    result.append(item_hook(item, item_type))
                except Exception as error:  # collected, then re-raised as a group
                    error.__notes__ = [
                        *getattr(error, "__notes__", []),
                        IterableValidationNote(f"index {index}", index, item_type),
                    ]
                    errors.append(error)
            if errors:
                raise IterableValidationError(f"while structuring {type_!r}", errors, type_)
            return tuple(result)

        return hook

    converter.register_structure_hook_factory(_is_tuple, tuple_factory)

    def mapping_factory(type_: Any) -> Callable[[Any, Any], Any]:
        _key_type, value_type = get_args(type_) or (str, Any)
        value_hook = converter.get_structure_hook(value_type)

        def hook(value: Any, _: Any) -> Mapping[str, Any]:
            if not isinstance(value, dict):
                raise InvalidValue(f"expected a mapping, found {describe(value)}", code="S003")
            result: dict[str, Any] = {}
            for key, item in value.items():
                if not isinstance(key, str):
                    raise InvalidValue(f"expected text keys, found {describe(key)}", code="S003")
                try:
                    result[key] = value_hook(item, value_type)
                except InvalidValue as error:
                    raise InvalidValue(error.message, field=key, code=error.code) from None
            return types.MappingProxyType(result)

        return hook

    converter.register_structure_hook_factory(_is_mapping, mapping_factory)
    converter.register_unstructure_hook_func(
        lambda t: isinstance(t, type) and issubclass(t, types.MappingProxyType), dict
    )

    def class_factory(cls: type) -> Callable[[Any, Any], Any]:
        structure: Callable[[Any, Any], Any] = make_dict_structure_fn(
            cls, converter, _cattrs_forbid_extra_keys=True, _cattrs_detailed_validation=detailed
        )

        def hook(value: Any, _: Any) -> Any:
            if not isinstance(value, dict):
                raise InvalidValue(f"expected a mapping, found {describe(value)}", code="S003")
            return structure(value, cls)

        return hook

    classes: tuple[type, ...] = (*RECORD_KINDS, *VALUE_OBJECTS, Document)
    for cls in classes:
        if cls is Digest:
            continue
        converter.register_structure_hook(cls, class_factory(cls))
        converter.register_unstructure_hook(cls, _unstructure_fn(cls, converter))
    return converter


def _unstructure_fn(cls: type, converter: cattrs.Converter) -> Callable[[Any], dict[str, Any]]:
    """A generated function that writes a class's fields in model order, leaving out defaults.

    (cattrs' own puts fields with defaults after the required ones, which reorders files, and
    goes through a hook for every value; this one writes plain Python for each field's type.)
    """
    return _fields_function(cls, lambda f, namespace: _plain_code(f.type, f"obj.{f.name}", namespace, converter))


def _fields_function(
    cls: type, value_code: Callable[[attrs.Attribute[Any], dict[str, Any]], str]
) -> Callable[[Any], dict[str, Any]]:
    """Generated code making the mapping of an instance's fields that differ from their defaults,
    in model order; `value_code` gives the expression written for each field's value."""
    lines = ["def fields(obj):", "    out = {}"]
    namespace: dict[str, Any] = {}
    for index, f in enumerate(attrs.fields(cls)):
        value = value_code(f, namespace)
        if f.default is attrs.NOTHING:
            lines.append(f"    out[{f.name!r}] = {value}")
            continue
        default = namespace[f"default_{index}"] = _default_of(f)
        if default is None or isinstance(default, (bool, enum.Enum)):
            test = f"obj.{f.name} is not default_{index}"
        elif default == () or default == {}:
            test = f"obj.{f.name}"
        else:
            test = f"obj.{f.name} != default_{index}"
        lines += [f"    if {test}:", f"        out[{f.name!r}] = {value}"]
    lines.append("    return out")
    exec("\n".join(lines), namespace)
    return namespace["fields"]  # type: ignore[no-any-return]


def _default_of(f: attrs.Attribute[Any]) -> Any:
    return f.default.factory() if isinstance(f.default, attrs.Factory) else f.default  # type: ignore[arg-type,union-attr]


_SHALLOW: dict[type, Callable[[Any], Any]] = {}


def json_default(value: Any) -> Any:
    """What orjson cannot write itself: a record or value object as a mapping of its fields that
    differ from their defaults (nested values left for orjson to ask again), a date or digest as
    its text, a read-only mapping as a dict. The same data as `unstructure`, made lazily."""
    cls = type(value)
    if cls not in _SHALLOW:
        if cls in (Date, DateInterval, Digest):
            _SHALLOW[cls] = str
        elif cls is types.MappingProxyType:
            _SHALLOW[cls] = dict
        elif attrs.has(cls):
            _SHALLOW[cls] = _fields_function(cls, _shallow_code)
        else:
            raise TypeError(f"cannot write {cls.__name__} as JSON")
    return _SHALLOW[cls](value)


def _shallow_code(f: attrs.Attribute[Any], namespace: dict[str, Any]) -> str:
    code = f"obj.{f.name}"
    options = set(get_args(f.type)) - {type(None)} or {f.type}
    if len(options) == 1 and isinstance(kind := next(iter(options)), type) and issubclass(kind, enum.Enum):
        # An enum's value, read from its instance: orjson would call the slower property.
        return f"{code}._value_" if f.default is not None else f"(None if {code} is None else {code}._value_)"
    return code


def _plain_code(type_: Any, value: str, namespace: dict[str, Any], converter: cattrs.Converter) -> str:
    """An expression giving the plain data of `value`, a field of type `type_` (not None)."""
    options = [o for o in get_args(type_) if o is not type(None)] if get_origin(type_) is types.UnionType else []
    if options and len(options) < len(get_args(type_)):  # optional: None stays None
        inner = _plain_code(functools.reduce(operator.or_, options), value, namespace, converter)
        return value if inner == value else f"(None if {value} is None else {inner})"
    if type_ in (str, int, bool):
        return value
    if isinstance(type_, type) and issubclass(type_, enum.Enum):
        return f"{value}._value_"
    if type_ in (Date, DateInterval, Digest) or Date in get_args(type_):
        return f"str({value})"
    if _is_tuple(type_):
        inner = _plain_code(get_args(type_)[0], "item", namespace, converter)
        return f"list({value})" if inner == "item" else f"[{inner} for item in {value}]"
    if _is_mapping(type_):
        inner = _plain_code(get_args(type_)[1], "item", namespace, converter)
        return f"dict({value})" if inner == "item" else f"{{key: {inner} for key, item in {value}.items()}}"
    name = f"plain_{len(namespace)}"
    namespace[name] = _unstructure_fn(type_, converter)  # nested attrs class
    return f"{name}({value})"


_FAST = _make_converter(detailed=False)
_DETAILED = _make_converter(detailed=True)


def structure(data: Any, type_: type[T]) -> T:
    """Plain data → records; a `StructureProblems` lists every problem with its path."""
    try:
        return _FAST.structure(data, type_)
    except Exception:
        pass
    try:
        result = _DETAILED.structure(data, type_)
    except Exception as error:
        raise StructureProblems(list(_walk(error, ()))) from None
    return result  # the fast converter refused what the detailed one accepts: trust the latter


def unstructure(value: Any) -> Any:
    """Records → plain data (dicts, lists, strings, numbers), fields at their defaults left out."""
    return _FAST.unstructure(value)


class StructureProblems(Exception):
    """Problems found while structuring, each a (path, message, code) triple."""

    def __init__(self, problems: list[tuple[Path, str, str]]) -> None:
        super().__init__(problems)
        self.problems = problems


def _fields_of(cls: Any) -> list[str]:
    return [f.name for f in attrs.fields(cls)] if attrs.has(cls) else []


def _walk(error: BaseException, path: Path) -> Any:
    """Yield (path, message, code) for every leaf problem of a cattrs error tree."""
    if isinstance(error, (ClassValidationError, IterableValidationError)):
        with_notes, without = error.group_exceptions()
        for sub, note in with_notes:
            step: str | int = note.name if isinstance(note, AttributeValidationNote) else note.index
            if isinstance(sub, KeyError) and isinstance(note, AttributeValidationNote):
                yield path, f"missing required field '{note.name}'", "S004"
                continue
            yield from _walk(sub, (*path, step))
        for sub in without:
            yield from _walk(sub, path)
        return
    if isinstance(error, ForbiddenExtraKeysError):
        known = _fields_of(error.cl)
        for key in sorted(error.extra_fields):
            close = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
            hint = f" (did you mean '{close[0]}'?)" if close else ""
            if error.cl is Document:
                hint = hint or f" (record kinds are {', '.join(cls.PLURAL for cls in RECORD_KINDS)})"
            yield (*path, key), f"unknown key '{key}'{hint}", "S002"
        return
    if isinstance(error, InvalidValue):
        yield ((*path, error.field) if error.field else path), error.message, error.code
        return
    yield path, f"invalid value: {error}", "S007"


def path_text(path: Path) -> str:
    """`('messages', 0, 'sent')` → `$.messages[0].sent`."""
    text = "$"
    for step in path:
        text += f"[{step}]" if isinstance(step, int) else f".{step}"
    return text


# -- the JSON fast path -----------------------------------------------------------------------
#
# Large record sets come as JSON. msgspec decodes the bytes straight into mirror structs made
# from the models, enforcing in C what the types say (text, numbers, lists, enum values, required
# fields, unknown keys, the text limit). A builder generated per class turns a mirror into its
# record: it parses dates and digests, runs each present field's checks and the class's
# invariants, and builds the frozen instance without the converters that only code needs. The
# answer is the record the converter would give, or None when anything is unusual; the caller
# then takes the full path, which names every problem with its line. tests/test_fastpath.py
# holds the two paths equal.


class _Refused(Exception):
    """A check failed on the fast path; the full path says why."""


class _Counter:
    """Keys seen by the builders: a duplicate key is the one thing a decoder cannot tell."""

    __slots__ = ("keys",)

    def __init__(self) -> None:
        self.keys = 0


_BUILDERS: dict[type, Callable[[Any, _Counter], Any]] = {}
# Values that passed a pattern check (and the text check), shared by the builders while one
# file is read, and emptied after it: ids and language tags repeat a lot.
_VALID: dict[Callable[[Any], str | None], set[str]] = {check: set() for check in PATTERN_CHECKS}
_MIRRORED: dict[type, type] = {}  # mirror struct -> the class it mirrors
_DAYS: dict[str, Any] = {}  # days and months recur in large sets; dates are immutable values


def _date(text: str) -> Any:
    found = _DAYS.get(text)
    if found is None:
        found = _common_date(text) or parse_date(text)
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
    if _is_tuple(type_):
        return tuple[_mirror_type(get_args(type_)[0], text, mirrors), ...]  # type: ignore[misc]
    if _is_mapping(type_):
        return dict[text, _mirror_type(get_args(type_)[1], text, mirrors)]  # type: ignore[misc]
    if attrs.has(type_):
        return _mirror(type_, text, mirrors)
    raise TypeError(f"no mirror for {type_!r}")  # a new kind of field: teach the fast path


def _mirror(cls: type, text: Any, mirrors: dict[Any, Any], tag: str | None = None) -> Any:
    key = (cls, tag)
    if key not in mirrors:
        fields: list[Any] = []
        for f in attrs.fields(cls):
            mirror_type = _mirror_type(f.type, text, mirrors)
            if f.default is attrs.NOTHING:
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


def _is_date(type_: Any) -> bool:
    return type_ in (Date, DateInterval) or Date in get_args(type_)


def _builder(cls: type) -> Callable[[Any, _Counter], Any]:
    """Generated code that makes a record from its mirror, checking what the mirror could not."""
    if cls in _BUILDERS:
        return _BUILDERS[cls]
    namespace: dict[str, Any] = {
        "UNSET": msgspec.UNSET,
        "new": object.__new__,
        "cls": cls,
        "date": _date,
        "digest": Digest.parse,
        "proxy": types.MappingProxyType,
        "control": control_complaint,
        "Refused": _Refused,
    }
    lines = ["def build(mirror, counter):", "    record = new(cls)"]
    required = 0
    for index, f in enumerate(attrs.fields(cls)):
        body = _field_code(f, index, namespace)
        # The slot's own setter: a frozen class refuses setattr, and this is the quickest way round.
        namespace[f"set_{index}"] = next(c.__dict__[f.name] for c in cls.__mro__ if f.name in c.__dict__).__set__
        set_value = f"set_{index}(record, value)"
        lines.append(f"    value = mirror.{f.name}")
        if f.default is attrs.NOTHING:
            required += 1
            lines += [f"    {line}" for line in body] + [f"    {set_value}"]
            continue
        default = namespace[f"default_{index}"] = _default_of(f)
        lines += ["    if value is UNSET:", f"        set_{index}(record, default_{index})", "    else:"]
        lines.append("        keys += 1")
        if default is None and body:  # null is allowed, and left as it is
            lines += ["        if value is not None:", *[f"            {line}" for line in body]]
        else:
            lines += [f"        {line}" for line in body]
        lines.append(f"        {set_value}")
    lines.insert(2, f"    keys = {required}")
    owner = next((c for c in cls.__mro__[:-1] if "__attrs_post_init__" in vars(c)), None)
    if owner is Record:  # which checks field_confidence alone: only when it is given
        lines += ["    if mirror.field_confidence is not UNSET:", "        record.__attrs_post_init__()"]
    elif owner is not None:
        lines.append("    record.__attrs_post_init__()")
    lines += ["    counter.keys += keys", "    return record"]
    _BUILDERS[cls] = build = _compile(lines, namespace)
    return build  # type: ignore[no-any-return]


def _compile(lines: list[str], namespace: dict[str, Any]) -> Any:
    exec("\n".join(lines), namespace)
    return namespace["build"]


def _field_code(f: attrs.Attribute[Any], index: int, namespace: dict[str, Any]) -> list[str]:
    """Lines that turn the mirror's `value` of one field into the record's and check it."""
    type_ = f.type
    many = _is_tuple(type_)
    item_type = get_args(type_)[0] if many else type_
    nested = next((t for t in (item_type, *get_args(item_type)) if attrs.has(t)), None)
    code: list[str] = []
    if _is_date(type_):
        code.append("value = date(value)")
    elif Digest in (type_, *get_args(type_)):
        code.append("value = digest(value)")
    elif nested is not None:
        namespace[f"build_{index}"] = _builder(nested)
        call = f"build_{index}(item, counter)" if many else f"build_{index}(value, counter)"
        code.append(f"value = tuple([{call} for item in value])" if many else f"value = {call}")
    elif _is_mapping(type_):
        code += ["counter.keys += len(value)", "value = proxy(value)"]
    # Text the model checks for invisible characters; a printable text cannot hold one.
    texts = str(type_) in TEXT_CHECKS
    control = "not item.isprintable() and control(item) is not None"
    check = f.metadata.get("check")
    pattern = check if check in PATTERN_CHECKS else _id_complaint if f.metadata.get("ref") else None
    others = [c for c in (check,) if c is not None and c is not pattern]
    items = "(*value.keys(), *value.values())" if _is_mapping(type_) else "value" if many else None
    test = []
    if pattern is not None:
        namespace[f"pattern_{index}"] = pattern
        namespace[f"valid_{index}"] = _VALID[pattern]
        failed = f"pattern_{index}(item) is not None"
        if texts and pattern not in ASCII_PATTERNS:
            failed = f"{control} or {failed}"
        if f.name == "id":  # a record's own id, seen once
            test.append(f"if {failed}: raise Refused")
        else:  # pure functions of the value: what passed once passes again
            valid = f"valid_{index}"
            test += [f"if item not in {valid}:", f"    if {failed}: raise Refused", f"    {valid}.add(item)"]
    elif texts:
        test.append(f"if {control}: raise Refused")
    for number, other in enumerate(others):
        namespace[f"check_{index}_{number}"] = other
        test.append(f"if check_{index}_{number}(item) is not None: raise Refused")
    if test:
        code += [f"for item in {items}:", *[f"    {line}" for line in test]] if items else ["item = value", *test]
    return code


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
            document = _builder(Document)(document_decoder.decode(raw), counter)
        except Exception:  # any refusal at all: the full path reports it properly
            return None
    if document.evidence != FORMAT_VERSION or counter.keys != _keys_in(raw):
        return None
    return document  # type: ignore[no-any-return]


def decode_json_lines(raw: bytes) -> list[Record] | None:
    """The records of a JSON Lines body (the lines after the header, one record on each), or
    None when the full path must read them."""
    _, line_decoder = _decoders(limits.max_text_chars)
    counter = _Counter()
    with _fast_path():
        try:
            mirrors = line_decoder.decode_lines(raw)
            records = [_builder(_MIRRORED[type(mirror)])(mirror, counter) for mirror in mirrors]
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
        for valid in _VALID.values():
            valid.clear()


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    # Records hold no cycles, yet the cyclic collector would scan every new one, several times
    # over as they age. It rests while they are built; then freezing and unfreezing files the
    # objects made meanwhile straight among the old ones, where a full collection still sees them.
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        gc.unfreeze()
        if enabled:
            gc.enable()
