"""The questions rules ask about records other than the one they check, and a record set's
answers. The streamed check answers the same questions from its compact index (`index`)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from evidence._io import Origin
from evidence._model import Confidence, Record
from evidence._recordset import RecordSet


class Lookup(Protocol):
    """What the rules may ask about any record of the set."""

    def get(self, id: str) -> Record | None:
        """The record, when it is held whole (a streamed check holds all but messages and claims,
        and the messages and claims of the batch at hand)."""

    def kind_of(self, id: str) -> type[Record] | None: ...

    def confidence_of(self, id: str) -> Confidence: ...

    def ids_of(self, kind: type[Record]) -> list[str]: ...

    def origin(self, id: str) -> Origin | None: ...


class SetLookup:
    """A record set in memory answers from its records."""

    def __init__(self, records: RecordSet) -> None:
        self.records = records
        self.get: Callable[[str], Record | None] = records.by_id().get

    def kind_of(self, id: str) -> type[Record] | None:
        record = self.get(id)
        return type(record) if record is not None else None

    def confidence_of(self, id: str) -> Confidence:
        return self.records[id].confidence

    def ids_of(self, kind: type[Record]) -> list[str]:
        return [record.id for record in self.records.of_kind(kind)]

    def origin(self, id: str) -> Origin | None:
        return self.records.origin(id)
