"""The messages page, in pages of PAGE_SIZE: each message with its sender and recipients, its date
at its precision, its wording, and where it is quoted, linked to the passage."""

from __future__ import annotations

from evidence._labels import message_kind
from evidence._model import Confidence, Message
from evidence._report.site import PAGE_SIZE, Site, page_name, paged

PAGE = "messages.html"


def message_mark(site: Site, message: Message) -> str:
    """How sure a message's entry is: its own mark and those of the names it prints."""
    return site.field_mark(
        message, "text", "sent", people=[message.sender, *message.recipients], also=[Confidence(site.mark(message))]
    )


def homes(site: Site) -> None:
    for number, messages in paged(site.records.messages):
        for message in messages:
            site.home(message.id, page_name(PAGE, number))


def write(site: Site) -> None:
    messages = site.records.messages
    count = max(1, -(-len(messages) // PAGE_SIZE))
    for number, shown in paged(messages):
        site.write(
            page_name(PAGE, number),
            "messages.html.j2",
            heading="Messages",
            messages=shown,
            number=number,
            count=count,
            total=len(messages),
            kind=message_kind,
            message_mark=lambda message: message_mark(site, message),
        )
