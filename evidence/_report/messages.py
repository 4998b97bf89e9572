"""The messages page, in pages of PAGE_SIZE: each message with its sender and recipients, its date
at its precision, its wording, and where it is quoted, linked to the passage."""

from __future__ import annotations

from evidence._labels import message_kind
from evidence._model import Confidence, Message
from evidence._report.site import Site

PAGE = "messages.html"


def message_mark(site: Site, message: Message) -> str:
    """How sure a message's entry is: its own mark and those of the names it prints."""
    return site.field_mark(
        message, "text", "sent", people=[message.sender, *message.recipients], also=[Confidence(site.mark(message))]
    )


def homes(site: Site) -> None:
    site.home_pages(PAGE, site.records.messages)


def write(site: Site) -> None:
    site.write_pages(
        PAGE,
        "messages.html.j2",
        site.records.messages,
        lambda messages: {"messages": messages},
        heading="Messages",
        total=len(site.records.messages),
        kind=message_kind,
        message_mark=lambda message: message_mark(site, message),
    )
