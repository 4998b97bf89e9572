"""For each message of the record set: who said it, to whom, when (at the precision known), the
English wording as reported, the Portuguese translation, where the message is held, and a
Bluebook-style citation.

    python examples/kadrey-v-meta/list_messages.py
"""

from __future__ import annotations

import sys
from pathlib import Path

import evidence

# Spelled out here: the calendar module would follow the reader's locale.
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


def when(value: evidence.DateValue | None) -> str:
    """A date as a reader should take it: only as precise as it is known."""
    if value is None:
        return "date unknown"
    if isinstance(value, evidence.DateInterval):
        return f"between {when(value.start)} and {when(value.end)}"
    if value.month is None:
        text = f"{value.year} (year only)"
    elif value.day is None:
        text = f"{MONTHS[value.month - 1]} {value.year} (month only)"
    else:
        text = str(value)
    return ("about " if value.approximate else "") + text + (" (uncertain)" if value.uncertain else "")


def who(records: evidence.RecordSet, message: evidence.Message) -> str:
    if message.sender is None:
        return message.sender_description or "unknown sender"
    sender: evidence.Actor = records.resolve(message, "sender")
    recipients = ", ".join(actor.name for actor in records.resolve(message, "recipients"))
    return sender.name + (f" to {recipients}" if recipients else "")


def held_in(records: evidence.RecordSet, message: evidence.Message) -> str:
    exhibit = records.exhibit_of(message)
    filing = records.filing_of(message)
    if filing is None:
        return "not known"
    where = (
        f"ECF No. {filing.ecf}"
        if exhibit is None
        else f"Ex. {exhibit.label}, ECF No. {filing.ecf}-{exhibit.attachment}"
    )
    field = "exhibit" if exhibit is not None else "filing"
    return f"{where} ({message.confidence_of(field).value})"


def main(folder: Path) -> None:
    records = evidence.load(folder)
    for message in records.messages:
        print(f"{message.id} [{message.confidence.value}]")
        print(f"  who:   {who(records, message)}")
        print(f"  when:  {when(message.sent)}")
        for attestation in message.attestations:
            source = records.get(attestation.source, evidence.Source)
            label = "pt" if attestation.kind is evidence.AttestationKind.TRANSLATION else "en"
            print(f"  {label}:    “{attestation.quote.exact}” ({source.publication}, {attestation.confidence.value})")
        print(f"  held:  {held_in(records, message)}")
        print(f"  cite:  {evidence.cite(message, records=records)}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).parent)
