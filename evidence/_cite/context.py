"""Resolving what a citation needs: the record set, the options, the case a document is
written in, a case's decision, a message's people."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import attrs

from evidence._cite.names import join_names
from evidence._cite.options import BluebookOptions
from evidence._errors import UsageError
from evidence._model import Case, Decision, Message

if TYPE_CHECKING:
    from evidence._recordset import RecordSet


@attrs.frozen(kw_only=True)
class Context:
    records: RecordSet | None
    options: BluebookOptions
    in_case: str | None

    def need(self, what: str) -> RecordSet:
        if self.records is None:
            raise UsageError(f"citing {what} needs the record set: pass records=")
        return self.records


def find_decision(case: Case, decision: Any) -> Decision:
    """The decision named by its index (0 is the first), its reporter cite, its date or its filing."""
    count = len(case.decisions)
    if isinstance(decision, int) and not isinstance(decision, bool):
        try:
            return case.decisions[decision]
        except IndexError:
            pass
    else:
        for candidate in case.decisions:
            if decision in (candidate.cite, str(candidate.date), candidate.filing):
                return candidate
    if not count:
        raise UsageError(f"case {case.id!r} has no decisions to cite")
    raise UsageError(
        f"case {case.id!r} has no decision {decision!r}: name one of its {count} by number (0 to {count - 1}), "
        "reporter cite, date or filing id"
    )


def message_people(message: Message, ctx: Context) -> tuple[str, str]:
    records = ctx.need("a message")
    sender = records.resolve(message, "sender").name if message.sender else (message.sender_description or "")
    recipients = [actor.name for actor in records.resolve(message, "recipients")]
    return sender, join_names(recipients) if len(recipients) <= 2 else ", ".join(recipients)
