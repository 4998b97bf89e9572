"""Names of people as citations write them: given and family names, initials, and names joined."""

from __future__ import annotations

import re
from collections.abc import Sequence

import attrs

from evidence._model import Actor


@attrs.frozen
class Name:
    given: str
    family: str

    @property
    def full(self) -> str:
        return f"{self.given} {self.family}".strip()

    @property
    def initials(self) -> str:
        return " ".join(f"{part[0]}." for part in re.split(r"[\s]+", self.given) if part)


def parse_name(text: str, family: str | None = None) -> Name:
    """'Kyle Wiggers' or 'García Márquez, Gabriel' (family first, after a comma)."""
    if family is not None:
        return Name(given=text.removesuffix(family).strip(), family=family)
    if "," in text:
        family_part, given_part = (part.strip() for part in text.split(",", 1))
        return Name(given=given_part, family=family_part)
    *given_names, last = text.split() or [""]
    return Name(given=" ".join(given_names), family=last)


def actor_name(actor: Actor) -> Name:
    return parse_name(actor.name, actor.family_name) if actor.kind.value == "person" else Name("", actor.name)


def join_names(names: Sequence[str]) -> str:
    """Two authors joined by '&'; three or more: the first, et al. (R28.1 for books, R30 for articles)."""
    if len(names) <= 2:
        return " & ".join(names)
    return f"{names[0]} et al."
