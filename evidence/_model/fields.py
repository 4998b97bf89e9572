"""How a record field is declared, and the rules it gets from its declaration.

`field()` declares a documented field with its reference kinds and its own check. When the
class is made, `with_rules` gives every field its `FieldRules`, from the field's real type (the
model modules do not postpone annotations, so a type is an object here, never a string):

- the checks each of its values must pass, in order: the id check of a reference, the field's
  own check, and the text check (no invisible characters) for text;
- which values those are: the value itself, each item of a list, or the keys and values of a
  mapping of text to text;
- the conversion that lets code pass a list, an enum's value, date text, a `datetime.date` or a
  dict where the record keeps a tuple, an enum, a `Date` or a read-only mapping.

The attrs validator and converter of the field are made from those rules, and so is every reader:
`evidence._io.fieldtable` collects the same rules for the converter, the JSON fast path and the
JSON Schema, so no path can check a field differently.
"""

from __future__ import annotations

import datetime
import enum
import types
from collections.abc import Callable, Mapping
from typing import Any, get_args, get_origin

import attrs

from evidence._errors import InvalidValue
from evidence._model.checks import Complaint, a, control_complaint, id_complaint, same_keys_complaint
from evidence._model.dates import Date, DateInterval, parse_date
from evidence._model.enums import Confidence

ONE, EACH, KEYS_AND_VALUES = "one", "each", "keys and values"
RULES = "rules"  # the metadata key of a field's rules


@attrs.frozen
class FieldRules:
    """What a field's values must pass, and what code may give in their place."""

    checks: tuple[Complaint, ...]  # each returns a complaint or None
    values: str  # ONE, EACH or KEYS_AND_VALUES: what the checks are applied to
    optional: bool  # None is allowed (and then nothing is checked)
    conversion: Callable[[Any, attrs.Attribute[Any]], Any] | None  # for values made in code


def field(
    doc: str,
    *,
    default: Any = attrs.NOTHING,
    ref: tuple[str, ...] = (),
    check: Complaint | None = None,
    in_hash: bool | None = None,
) -> Any:
    """A documented field; `ref` names the record kinds a reference may point to, `check` judges
    one value (each item, for a list). The class's field transformer adds the rest."""
    factory_default: Any = default
    if isinstance(default, tuple) and default == ():
        factory_default = attrs.Factory(tuple)
    return attrs.field(default=factory_default, hash=in_hash, metadata={"doc": doc, "ref": ref, "check": check})


def rules_of(f: attrs.Attribute[Any]) -> FieldRules:
    """The rules of a field of a model class (made when the class was)."""
    return f.metadata[RULES]  # type: ignore[no-any-return]


def _members(type_: Any) -> tuple[Any, ...]:
    """The types a union allows, None left out; a single type alone."""
    if get_origin(type_) is types.UnionType:
        return tuple(t for t in get_args(type_) if t is not type(None))
    return (type_,)


def _make_rules(f: attrs.Attribute[Any]) -> FieldRules:
    type_ = f.type
    if isinstance(type_, str):  # a postponed annotation would hide the type the rules come from
        raise TypeError(f"field {f.name}: the model modules must not use `from __future__ import annotations`")
    origin = get_origin(type_)
    values = EACH if origin is tuple else KEYS_AND_VALUES if origin is Mapping else ONE
    items = get_args(type_) if origin is Mapping else get_args(type_)[:1] if origin is tuple else _members(type_)
    checks: list[Complaint] = []
    if f.metadata.get("ref"):
        checks.append(id_complaint)
    if f.metadata.get("check") is not None:
        checks.append(f.metadata["check"])
    if items and all(t is str for t in items):  # text, a list of texts, a mapping of text to text
        checks.append(control_complaint)
    if values == KEYS_AND_VALUES and control_complaint not in checks:
        values = ONE  # the mapping as a whole is converted and checked by its invariants
    optional = type(None) in get_args(type_)
    return FieldRules(tuple(checks), values, optional, _conversion(type_))


def _validator(rules: FieldRules) -> Callable[[Any, attrs.Attribute[Any], Any], None]:
    checks, values, optional = rules.checks, rules.values, rules.optional

    def validate(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if value is None and optional:
            return
        items = (*value.keys(), *value.values()) if values == KEYS_AND_VALUES else value if values == EACH else (value,)
        for check in checks:
            for item in items:
                complaint = check(item)
                if complaint is not None:
                    raise InvalidValue(complaint, field=attribute.name)

    return validate


def with_rules(cls: type, fields: list[attrs.Attribute[Any]]) -> list[attrs.Attribute[Any]]:
    """The field transformer of value objects: each field gets its rules, and its validator and
    converter from them (an inherited field has them already)."""
    ruled = []
    for f in fields:
        if RULES not in f.metadata:
            rules = _make_rules(f)
            converter = attrs.Converter(rules.conversion, takes_field=True) if rules.conversion else None
            f = f.evolve(
                validator=_validator(rules) if rules.checks else None,
                converter=converter,
                metadata={**f.metadata, RULES: rules},
            )
        ruled.append(f)
    return ruled


_COMMON_FIELDS = ("confidence", "field_confidence", "notes", "links")


def common_last(cls: type, fields: list[attrs.Attribute[Any]]) -> list[attrs.Attribute[Any]]:
    """The field transformer of records: rules as above, `id` first and the fields every record
    shares last, so files read naturally."""
    fields = with_rules(cls, fields)
    common = [f for f in fields if f.name in _COMMON_FIELDS]
    own = [f for f in fields if f.name not in _COMMON_FIELDS and f.name != "id"]
    return [f for f in fields if f.name == "id"] + own + common


# -- conversions: what code may pass besides the stored type ------------------------------------


def _conversion(type_: Any) -> Callable[[Any, attrs.Attribute[Any]], Any] | None:
    """What a field of this type accepts besides its type, when built in code; anything else of
    the wrong type is refused here, before it could reach a file."""
    members = _members(type_)
    if set(members) == {Date, DateInterval}:
        return _to_date
    if get_origin(type_) is Mapping:
        return _to_confidences if get_args(type_)[1] is Confidence else _to_text_mapping
    if get_origin(type_) is tuple:
        return _to_tuple(get_args(type_)[0])
    (member,) = members
    if isinstance(member, type) and issubclass(member, enum.Enum):
        return _to_enum(member)
    if isinstance(member, type) and attrs.has(member):
        return _to_instance(member)
    return None


def _named(cls: type) -> str:
    return "text" if cls is str else a(cls.__name__)


def _to_tuple(item_class: type) -> Callable[[Any, attrs.Attribute[Any]], tuple[Any, ...]]:
    def convert(value: Any, field: attrs.Attribute[Any]) -> tuple[Any, ...]:
        if isinstance(value, (str, bytes, Mapping)) or not hasattr(value, "__iter__"):
            raise InvalidValue(f"expected a list or tuple, found {type(value).__name__}", field=field.name)
        items = tuple(value)
        for item in items:
            if not isinstance(item, item_class):
                raise InvalidValue(
                    f"expected {_named(item_class)} in each place, found {type(item).__name__}", field=field.name
                )
        return items

    return convert


def _to_instance(cls: type) -> Callable[[Any, attrs.Attribute[Any]], Any]:
    def convert(value: Any, field: attrs.Attribute[Any]) -> Any:
        if value is None or isinstance(value, cls):
            return value
        raise InvalidValue(f"expected {_named(cls)}, found {type(value).__name__}", field=field.name)

    return convert


def _to_enum(cls: type[enum.Enum]) -> Callable[[Any, attrs.Attribute[Any]], Any]:
    def convert(value: Any, field: attrs.Attribute[Any]) -> Any:
        if value is None or isinstance(value, cls):
            return value
        try:
            return cls(value)
        except ValueError:
            choices = ", ".join(str(m.value) for m in cls)
            raise InvalidValue(f"expected one of {choices}; found {value!r}", field=field.name, code="S005") from None

    return convert


def _to_date(value: Any, field: attrs.Attribute[Any]) -> Any:
    try:
        if value is None or isinstance(value, (Date, DateInterval)):
            return value
        if isinstance(value, str):
            return parse_date(value)
        if isinstance(value, datetime.datetime):
            return Date.from_datetime(value)
        if isinstance(value, datetime.date):
            return Date.from_date(value)
    except InvalidValue as error:
        raise InvalidValue(error.message, field=field.name, code=error.code) from None
    raise InvalidValue(
        f"expected a date (text such as '2023-10', a Date, or a datetime.date), found {type(value).__name__}",
        field=field.name,
    )


def _to_confidences(value: Any, field: attrs.Attribute[Any]) -> Mapping[str, Confidence]:
    if not isinstance(value, Mapping):
        raise InvalidValue(
            f"expected a mapping of field names to confidences, found {type(value).__name__}", field=field.name
        )
    convert = _to_enum(Confidence)
    return types.MappingProxyType({str(key): convert(level, field) for key, level in value.items()})


def _to_text_mapping(value: Any, field: attrs.Attribute[Any]) -> Mapping[str, str]:
    if not isinstance(value, Mapping) or not all(isinstance(x, str) for pair in value.items() for x in pair):
        raise InvalidValue("expected a mapping of text to text", field=field.name)
    if (complaint := same_keys_complaint(value)) is not None:
        raise InvalidValue(complaint, field=field.name, code="S009")
    return types.MappingProxyType(dict(value))
