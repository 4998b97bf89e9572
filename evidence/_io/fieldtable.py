"""The field table: every field of every model class, with all that readers and writers need.

Built once from the attrs classes. The cattrs converter, the msgspec fast path (its mirror
structs and generated builders) and the JSON Schema read it; none of them looks at a type's
name or derives a check of its own, so what one path refuses every path refuses.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import attrs

from evidence._io.document import Document
from evidence._model import RECORD_KINDS, RULES, VALUE_OBJECTS, Complaint, FieldRules, rules_of


@attrs.frozen
class Field:
    """One field of a model class, as the table holds it."""

    name: str
    type: Any  # the annotation, resolved
    required: bool
    default: Any  # the value a field left out takes (a factory's product); NOTHING when required
    doc: str
    ref: tuple[str, ...]  # the record kinds a reference may name; empty for other fields
    checks: tuple[Complaint, ...]  # every check a value must pass, in order
    values: str  # what the checks judge: the value, each item, or a mapping's keys and values
    optional: bool  # null is allowed (and then nothing is checked)
    conversion: Callable[[Any, attrs.Attribute[Any]], Any] | None  # what code may pass instead


@attrs.frozen
class ClassEntry:
    """A model class: its fields in file order, and the invariants its instances keep."""

    cls: type
    fields: tuple[Field, ...]
    # The class's own check of several fields together (`__attrs_post_init__`), if any.
    invariants: Callable[[Any], None] | None


_NO_RULES = FieldRules(checks=(), values="one", optional=False, conversion=None)


def _default(f: attrs.Attribute[Any]) -> Any:
    return f.default.factory() if isinstance(f.default, attrs.Factory) else f.default  # type: ignore[arg-type,union-attr]


def _entry(cls: type) -> ClassEntry:
    fields = []
    for f in attrs.fields(cls):
        rules = rules_of(f) if RULES in f.metadata else _NO_RULES  # a document holds records alone
        fields.append(
            Field(
                name=f.name,
                type=f.type,
                required=f.default is attrs.NOTHING,
                default=_default(f),
                doc=f.metadata.get("doc", ""),
                ref=f.metadata.get("ref", ()),
                checks=rules.checks,
                values=rules.values,
                optional=rules.optional,
                conversion=rules.conversion,
            )
        )
    return ClassEntry(cls=cls, fields=tuple(fields), invariants=getattr(cls, "__attrs_post_init__", None))


_CLASSES: tuple[type, ...] = (Document, *RECORD_KINDS, *VALUE_OBJECTS)
FIELD_TABLE: dict[type, ClassEntry] = {cls: _entry(cls) for cls in _CLASSES}


def entry(cls: type) -> ClassEntry:
    """The table's entry for a model class."""
    return FIELD_TABLE[cls]
