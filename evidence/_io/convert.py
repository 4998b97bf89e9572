"""The one cattrs converter that turns records into plain data and back.

`structure` and `unstructure` are the only ways in and out; every file format goes through them
(the JSON fast path of `fastpath` makes the same records, and is held equal to this path).
Structuring first runs a converter without detailed validation (fast, no bookkeeping); only when
that fails does the detailed twin run again to collect every problem with its path. Both come
from `_make_converter`, so they cannot disagree about the format. The classes come from the field
table, and a record's checks run where the converter builds it: in the class's constructor, whose
validators are made from the rules the table holds.
"""

from __future__ import annotations

import difflib
import enum
import itertools
import types
from collections.abc import Callable, Mapping
from typing import Any, TypeVar, get_args, get_origin

import cattrs
from cattrs.errors import (
    AttributeValidationNote,
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    IterableValidationNote,
)
from cattrs.gen import make_dict_structure_fn

from evidence._errors import InvalidValue
from evidence._io.document import Document
from evidence._io.fieldtable import FIELD_TABLE
from evidence._io.plain import plain_function
from evidence._limits import limits
from evidence._model import RECORD_KINDS, Date, DateInterval, Digest, parse_date, same_keys_complaint

T = TypeVar("T")
Path = tuple[str | int, ...]


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
                    if len(errors) >= limits.max_problems:  # each holds a problem or more: enough to stop
                        break
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
            if (complaint := same_keys_complaint(result)) is not None:
                raise InvalidValue(complaint, code="S009")
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

    for cls in FIELD_TABLE:
        if cls is Digest:  # written as its text
            continue
        converter.register_structure_hook(cls, class_factory(cls))
        converter.register_unstructure_hook(cls, plain_function(cls))
    return converter


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
        # One more than the limit, so that the reader can say it stopped.
        raise StructureProblems(list(itertools.islice(_walk(error, ()), limits.max_problems + 1))) from None
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
    known = FIELD_TABLE.get(cls)
    return [f.name for f in known.fields] if known is not None else []


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
