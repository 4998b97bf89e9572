"""Pages of a stored text: a text copied from a paged document (a PDF) keeps a form feed between
its pages, so the page of a position is the number of form feeds before it, plus one."""

from __future__ import annotations

PAGE_BREAK = "\f"


def page_of(text: str, index: int) -> int | None:
    """The page (1 for the first) of a position in a stored text, or None when the text has no
    page breaks."""
    if PAGE_BREAK not in text:
        return None
    return text.count(PAGE_BREAK, 0, index) + 1
