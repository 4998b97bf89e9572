"""The JSON Schema (Draft 2020-12) of record files, generated from the models.

Editors use it to complete and check YAML as people type. It describes the shape of a file;
invariants that need code (Bates order, calendar dates, a zone's offset) are the loader's.
"""

from __future__ import annotations

import enum
import types
from collections.abc import Mapping
from typing import Any, get_args, get_origin

from evidence._io.document import Document
from evidence._io.fieldtable import FIELD_TABLE, entry
from evidence._io.versions import FORMAT_VERSION
from evidence._model import ANY_KIND, RECORD_KINDS, Date, DateInterval, Digest

_POINT = (
    r"\d{4}(-\d{2}(-\d{2})?)?[~?%]?"
    r"|\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?((Z|[+-]\d{2}:\d{2})(\[[^\]\s]+\])?|\[[^\]\s]+\])"
)
DATE_PATTERN = rf"^(({_POINT})|({_POINT})/(({_POINT})|\.\.)?|(\.\.)?/({_POINT}))$"
SINGLE_DATE_PATTERN = rf"^({_POINT})$"
# A bare year in YAML (`published: 1967`) reads as a number; the loader takes it as the year.
_BARE_YEAR = {"type": "integer", "minimum": 1000, "maximum": 9999}
ID_PATTERN = r"^[a-z0-9]([a-z0-9._-]{0,198}[a-z0-9])?$"


def _type_schema(annotation: Any, defs: dict[str, Any], ref_kinds: tuple[str, ...] = ()) -> dict[str, Any]:
    origin = get_origin(annotation)
    args = get_args(annotation)
    if origin in (types.UnionType,) or (origin is not None and str(origin) == "typing.Union"):
        members = [a for a in args if a is not type(None)]
        if set(members) == {Date, DateInterval}:
            schema: dict[str, Any] = {"anyOf": [{"type": "string", "pattern": DATE_PATTERN}, _BARE_YEAR]}
        else:
            (member,) = members
            schema = _type_schema(member, defs, ref_kinds)
        if type(None) in args:
            return {"anyOf": [schema, {"type": "null"}]}
        return schema
    if origin is tuple:
        return {"type": "array", "items": _type_schema(args[0], defs, ref_kinds)}
    if origin is Mapping:
        return {"type": "object", "additionalProperties": _type_schema(args[1], defs)}
    if annotation is str:
        if ref_kinds:
            kinds = "any record" if ref_kinds == (ANY_KIND,) else " or ".join(ref_kinds)
            return {"type": "string", "pattern": ID_PATTERN, "$comment": f"id of {kinds}"}
        return {"type": "string"}
    if annotation is bool:
        return {"type": "boolean"}
    if annotation is int:
        return {"type": "integer"}
    if annotation is Date:
        return {"anyOf": [{"type": "string", "pattern": SINGLE_DATE_PATTERN}, _BARE_YEAR]}
    if annotation is Digest:
        return {"type": "string", "pattern": r"^(sha256:[0-9a-f]{64}|sha512:[0-9a-f]{128})$"}
    if isinstance(annotation, type) and issubclass(annotation, enum.Enum):
        return {"enum": [member.value for member in annotation]}
    if annotation in FIELD_TABLE:  # a model class
        name = annotation.__name__
        if name not in defs:
            defs[name] = {}  # placeholder: classes may refer to themselves
            defs[name] = _class_schema(annotation, defs)
        return {"$ref": f"#/$defs/{name}"}
    raise TypeError(f"no schema for {annotation!r}")


def _class_schema(cls: type, defs: dict[str, Any]) -> dict[str, Any]:
    properties: dict[str, Any] = {}
    required: list[str] = []
    for field in entry(cls).fields:
        schema = _type_schema(field.type, defs, field.ref)
        if field.doc:
            schema = {**schema, "description": field.doc}
        if field.name == "id":
            schema = {**schema, "pattern": ID_PATTERN}
        properties[field.name] = schema
        if field.required:
            required.append(field.name)
    schema = {"type": "object", "properties": properties, "additionalProperties": False}
    if cls.__doc__:
        schema = {"description": cls.__doc__.strip().splitlines()[0], **schema}
    if required:
        schema["required"] = required
    return schema


def json_schema() -> dict[str, Any]:
    """The JSON Schema of a YAML or JSON record file."""
    defs: dict[str, Any] = {}
    properties: dict[str, Any] = {
        "evidence": {
            "const": FORMAT_VERSION,
            "description": "Format version of the record file (version 1 still loads; `evidence fmt` upgrades it).",
        }
    }
    for cls in RECORD_KINDS:
        properties[cls.PLURAL] = {
            "type": "array",
            "items": _type_schema(cls, defs),
            "description": f"The {cls.PLURAL} of the record set.",
        }
    assert set(properties) == {f.name for f in entry(Document).fields}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"urn:evidence:record-file:{FORMAT_VERSION}",
        "title": "evidence record file",
        "description": "Records of a lawsuit and what is known about it, with their provenance.",
        "type": "object",
        "properties": properties,
        "required": ["evidence"],
        "additionalProperties": False,
        "$defs": dict(sorted(defs.items())),
    }
