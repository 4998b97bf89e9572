"""A citation as parts of text, each roman, italic or small caps, and its three renderings:
plain text, Markdown and HTML. A part of the style `MARK` flags the part before it: its text is
the confidence of that value ("likely", "unverified"), printed after it in brackets, or in HTML
as a span around it."""

from __future__ import annotations

import html
import re

import attrs

from evidence._cite.options import Markup, parse_markup

ROMAN, ITALIC, SMALL_CAPS, MARK = "roman", "italic", "small-caps", "mark"
Part = tuple[str, str]


def join_parts(parts: tuple[Part, ...] | list[Part]) -> tuple[Part, ...]:
    """Neighbouring parts of one style joined and empty ones dropped; a marked value and its
    mark stay parts of their own, so that the mark flags that value alone."""
    return tuple(_joined(parts, stops=False))


def _joined(parts: tuple[Part, ...] | list[Part], *, stops: bool) -> list[Part]:
    """`join_parts`; with `stops`, the doubled stops `tidy` drops are dropped in the same pass.
    Each run of one style is gathered and joined once (every citation of a report comes here)."""
    joined: list[Part] = []
    run: list[str] = []  # the texts of the run being gathered, all of `run_style`
    run_style = ""
    end = ""  # the last character printed so far, marks aside
    following = [style for _, style in parts]
    following.append("")
    n = 0
    for text, style in parts:
        n += 1
        if stops and text and style != MARK:
            if end and ((text[0] == "." and end in ".?!") or (text[0] == "," and end in "?!")):
                text = text[1:]
            end = text[-1:] or end
        if style == MARK or following[n] == MARK:  # a mark, or the value it flags: a part alone
            if run:
                joined.append(("".join(run), run_style))
                run = []
            joined.append((text, style))
            run_style = ""
            continue
        if not text:
            continue
        if style == run_style:
            run.append(text)
        else:
            if run:
                joined.append(("".join(run), run_style))
            run = [text]
            run_style = style
    if run:
        joined.append(("".join(run), run_style))
    return joined


@attrs.frozen
class Citation:
    """A citation as parts of text, each roman, italic or small caps."""

    parts: tuple[Part, ...] = attrs.field(converter=join_parts)

    def render(self, markup: Markup | str = Markup.TEXT) -> str:
        markup = parse_markup(markup)
        if markup is Markup.TEXT:  # plain text has no styles to merge
            return "".join([f" [{text}]" if style == MARK else text for text, style in self.parts])
        render = _markdown if markup is Markup.MARKDOWN else _html
        out: list[str] = []
        for text, style in self.parts:  # joined when made
            if style != MARK:
                out.append(render(text, style))
            elif markup is Markup.MARKDOWN:
                out.append(f" \\[{text}\\]")  # escaped, as brackets in values are: never a link
            elif out:
                out[-1] = f'<span class="mark-{text}" title="{text}">{out[-1]}</span>'
        return "".join(out)

    def __str__(self) -> str:
        return self.render()


def joined(pieces: list[list[Part]], between: str = ", ") -> list[Part]:
    """The pieces that have a value, `between` each two: a missing part leaves no gap."""
    kept = [piece for piece in pieces if piece]
    return [part for n, piece in enumerate(kept) for part in ([r(between)] if n else []) + piece]


def tidy(parts: list[Part]) -> list[Part]:
    """A value that ends in its own stop takes no second one: "Cert." before "." or a title
    ending in "?" before "," or "." (CMOS 6.119, 6.122). A mark between them changes nothing:
    the text is the same with marks and without. The parts come back joined (`join_parts`):
    one pass, as every citation takes it."""
    return _joined(parts, stops=True)


def tidied_ahead(parts: list[Part]) -> tuple[Part, ...]:
    """Parts tidied before the citation they go in (a document's, made once for the thousands of
    messages it holds), so that `tidy` has fewer to walk there: the citation reads the same as
    with them untidied. Parts that open with a lone stop are left as they are: the text before
    them may drop it, and what follows would then be tidied against another character."""
    first = next((text for text, style in parts if text and style != MARK), "")
    return tuple(parts) if first in (".", ",") else tuple(_joined(parts, stops=True))


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
