"""The pages of a built report read back as a tree, with the standard library's HTML parser: an
element that is never closed, or closed out of order, fails the reading, so every page a test
reads is also shown to be well-formed."""

from __future__ import annotations

from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import attrs

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


@attrs.define
class Element:
    tag: str
    attrs: dict[str, str]
    children: list[Element | str] = attrs.field(factory=list)

    def walk(self) -> Iterator[Element]:
        stack: list[Element] = [self]
        while stack:
            element = stack.pop()
            yield element
            stack.extend(reversed([c for c in element.children if isinstance(c, Element)]))

    def all(self, tag: str | None = None, **wanted: str) -> list[Element]:
        """Elements below (and including) this one, by tag and by attribute (`class_` for class,
        matched as one of the classes)."""
        found = []
        for element in self.walk():
            if tag is not None and element.tag != tag:
                continue
            if all(_has(element, name.rstrip("_").replace("_", "-"), value) for name, value in wanted.items()):
                found.append(element)
        return found

    def one(self, tag: str | None = None, **wanted: str) -> Element:
        found = self.all(tag, **wanted)
        assert len(found) == 1, f"{len(found)} elements {tag} {wanted}"
        return found[0]

    @property
    def text(self) -> str:
        return "".join(c if isinstance(c, str) else c.text for c in self.children)

    def get(self, name: str) -> str | None:
        return self.attrs.get(name)


def _has(element: Element, name: str, value: str) -> bool:
    actual = element.attrs.get(name)
    if actual is None:
        return False
    return value in actual.split() if name == "class" else actual == value


class _Builder(HTMLParser):
    def __init__(self, name: str) -> None:
        super().__init__(convert_charrefs=True)
        self.name = name
        self.root = Element("#document", {})
        self.open: list[Element] = [self.root]

    def handle_starttag(self, tag: str, attributes: list[tuple[str, str | None]]) -> None:
        element = Element(tag, {k: v or "" for k, v in attributes})
        self.open[-1].children.append(element)
        if tag not in VOID:
            self.open.append(element)

    def handle_startendtag(self, tag: str, attributes: list[tuple[str, str | None]]) -> None:
        self.open[-1].children.append(Element(tag, {k: v or "" for k, v in attributes}))

    def handle_endtag(self, tag: str) -> None:
        assert tag not in VOID, f"{self.name}: </{tag}> closes a void element"
        top = self.open.pop()
        assert top.tag == tag, f"{self.name}:{self.getpos()[0]}: </{tag}> closes <{top.tag}>"

    def handle_data(self, data: str) -> None:
        self.open[-1].children.append(data)


def read_page(path: Path) -> Element:
    """A page as a tree; fails on a page that is not well-formed."""
    builder = _Builder(path.name)
    builder.feed(path.read_text(encoding="utf-8"))
    builder.close()
    assert builder.open == [builder.root], f"{path.name}: <{builder.open[-1].tag}> is never closed"
    return builder.root
