"""The messages page, in pages of PAGE_SIZE: each message with its sender and recipients, its date
at its precision, its wording, and where it is quoted, linked to the passage. An entry is made by
`entry`, not by the template: a page of a large set prints thousands, and a Jinja loop costs
several times as much per entry."""

from __future__ import annotations

from markupsafe import Markup

from evidence._labels import message_kind
from evidence._model import Attestation, Confidence, Message
from evidence._report.site import Site, anchor_id, escape
from evidence._views import date_label

PAGE = "messages.html"


def message_mark(site: Site, message: Message) -> str:
    """How sure a message's entry is: its own mark and those of the names it prints."""
    return site.field_mark(
        message, "text", "sent", people=[message.sender, *message.recipients], also=[Confidence(site.mark(message))]
    )


def _lang(language: str | None) -> str:
    return f' lang="{escape(language)}"' if language else ""


def entry(site: Site, message: Message) -> str:
    """A message's article: heading (kind, sender, date, mark), recipients, subject, wording,
    where it is held and where it is quoted."""
    level = message_mark(site, message)
    heading = escape(message_kind(message))  # escaped here: the page wraps its entries as Markup
    if message.sender:
        heading += " from " + site.link(message.sender)
    elif message.sender_description:
        heading += " from " + escape(message.sender_description)
    if message.sent:
        heading += ", " + escape(date_label(message.sent)) + site.flag(site.field_mark(message, "sent"))
    out = [f'<article class="message" id="{escape(anchor_id(message.id))}" data-mark="{level}">\n']
    out.append(f"<h2>{heading} {site.badge(level)}</h2>\n")
    if message.recipients:
        out.append(f'<p class="meta">To {", ".join(site.link(who) for who in message.recipients)}</p>\n')
    if message.subject:
        out.append(f'<p class="meta">Subject: {escape(message.subject)}</p>\n')
    if message.text:
        out.append(f"<blockquote{_lang(message.language)}>{escape(message.text)}</blockquote>\n")
    else:
        out.append('<p class="none">Its wording is not recorded.</p>\n')
    holder = message.exhibit or message.filing
    if holder:
        at = f", at {escape(message.bates_page)}" if message.bates_page else ""
        out.append(f'<p class="meta">Held in {site.link(holder)}{at}</p>\n')
    if message.attestations:
        out.append('<h3>Quoted in</h3>\n<ul class="attestations">\n')
        out.extend(_attestation(site, attestation) for attestation in message.attestations)
        out.append("</ul>\n")
    out.append("</article>\n")
    return "".join(out)


def _attestation(site: Site, attestation: Attestation) -> str:
    """One place a message is quoted: the source, how (verbatim, paraphrase), its mark and the
    quoted words, linked to the highlighted passage when it can be placed."""
    href = site.passage_href(attestation.source, attestation.quote)
    quoted = f"“{escape(attestation.quote.exact)}”"
    lang = _lang(attestation.language)
    if href:
        words = f'<a class="evidence" href="{escape(href)}"{lang}>{quoted}</a>'
    else:
        words = f'<span{lang}>{quoted}</span> <span class="unplaced">(passage not placed)</span>'
    kind = escape(attestation.kind.value)
    return f"<li>{site.link(attestation.source)}, {kind} {site.badge(attestation.confidence.value)}:\n{words}</li>\n"


def homes(site: Site) -> None:
    site.home_pages(PAGE, site.records.messages)


def write(site: Site) -> None:
    site.write_pages(
        PAGE,
        "messages.html.j2",
        site.records.messages,
        lambda messages: {"entries": Markup("\n".join([entry(site, message) for message in messages]))},
        heading="Messages",
        total=len(site.records.messages),
    )
