"""A citation as parts of text, each roman, italic or small caps, and its three renderings:
plain text, Markdown and HTML."""

from __future__ import annotations

import html
import re

import attrs

from evidence._cite.options import Markup, parse_markup

ROMAN, ITALIC, SMALL_CAPS = "roman", "italic", "small-caps"
Part = tuple[str, str]


@attrs.frozen
class Citation:
    """A citation as parts of text, each roman, italic or small caps."""

    parts: tuple[Part, ...]

    def render(self, markup: Markup | str = Markup.TEXT) -> str:
        markup = parse_markup(markup)
        if markup is Markup.TEXT:  # plain text has no styles to merge
            return "".join([text for text, _ in self.parts])
        merged: list[Part] = []
        for text, style in self.parts:
            if not text:
                continue
            if merged and merged[-1][1] == style:
                merged[-1] = (merged[-1][0] + text, style)
            else:
                merged.append((text, style))
        if markup is Markup.MARKDOWN:
            return "".join(_markdown(text, style) for text, style in merged)
        return "".join(_html(text, style) for text, style in merged)

    def __str__(self) -> str:
        return self.render()


def _markdown(text: str, style: str) -> str:
    # Underscores inside words (Bates numbers) start no emphasis; only those at word edges do.
    escaped = re.sub(r"([*\\`\[\]]|(?<![A-Za-z0-9])_|_(?![A-Za-z0-9]))", r"\\\1", text)
    if style != ITALIC or not text.strip():
        return escaped  # Markdown has no small capitals: they are written as plain text
    # Emphasis may not start or end with white space in Markdown: keep that outside the stars.
    lead, core, trail = re.fullmatch(r"(\s*)(.*?)(\s*)", escaped, re.DOTALL).groups()  # type: ignore[union-attr]
    return f"{lead}*{core}*{trail}"


def _html(text: str, style: str) -> str:
    escaped = html.escape(text, quote=False)
    if style == ITALIC:
        return f"<i>{escaped}</i>"
    if style == SMALL_CAPS:
        return f'<span style="font-variant: small-caps">{escaped}</span>'
    return escaped


def r(text: str) -> Part:
    return (text, ROMAN)


def i(text: str) -> Part:
    return (text, ITALIC)
