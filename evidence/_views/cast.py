"""The cast: the people, organizations and groups of a record set, their ties, their roles in
cases and the records they appear in."""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from evidence._cite import parse_name
from evidence._labels import actor_name, case_title, weaker, weakest
from evidence._model import Actor, ActorKind, Case, Confidence, Judge, Party, Record, iter_references
from evidence._recordset import RecordSet
from evidence._views.shared import md_cell, records_of
from evidence._views.timeline import date_label


@attrs.frozen(kw_only=True)
class Appearance:
    """A record an actor appears in, and where: 'sender', 'recipients', 'filed_by', ..."""

    record: str
    fields: tuple[str, ...]


@attrs.frozen(kw_only=True)
class CastMember:
    id: str
    name: str
    kind: str  # person, organization or group
    affiliations: tuple[tuple[str, str | None], ...]  # (organization name, title)
    roles: tuple[str, ...]  # 'plaintiff in Kadrey v. Meta Platforms, Inc.', 'district judge in ...'
    appearances: tuple[Appearance, ...]
    description: str | None = None
    # How sure the row is: the weakest mark of the actor's record, its name and kind, of each
    # affiliation it lists and of the case fields its roles are read from; `affiliation_marks`
    # holds each affiliation's own, in order.
    confidence: Confidence = Confidence.CONFIRMED
    affiliation_marks: tuple[Confidence, ...] = ()

    @property
    def records(self) -> tuple[str, ...]:
        """The ids of the records the actor appears in."""
        return tuple(a.record for a in self.appearances)


def _field_path(path: tuple[str | int, ...]) -> str:
    return ".".join(str(part) for part in path if isinstance(part, str))


def _fields_naming(record: Record) -> dict[str, tuple[str, ...]]:
    """Each id a record names, and the fields that name it, in order and once each."""
    fields: dict[str, dict[str, None]] = {}
    for path, ref, _ in iter_references(record):
        fields.setdefault(ref, {})[_field_path(path)] = None
    return {ref: tuple(names) for ref, names in fields.items()}


def _sort_key(actor: Actor) -> tuple[int, str, str]:
    order = {ActorKind.PERSON: 0, ActorKind.ORGANIZATION: 1, ActorKind.GROUP: 2}[actor.kind]
    if actor.kind is ActorKind.PERSON:
        name = parse_name(actor.name, actor.family_name)
        return order, f"{name.family}, {name.given}".casefold(), actor.id
    return order, actor.name.casefold(), actor.id


def cast(records: RecordSet | Iterable[Record], *, appearances: int | None = None) -> list[CastMember]:
    """People, then organizations, then groups (people by family name), with their ties. With
    `appearances`, each member lists only the first that many records they appear in (in a large
    set, one person can appear in thousands of messages)."""
    rs = records_of(records)
    members = []
    named: dict[str, dict[str, tuple[str, ...]]] = {}  # record id -> actor id -> fields naming it
    for actor in sorted(rs.actors, key=_sort_key):
        affiliations = tuple((actor_name(rs, a.organization) or a.organization, a.title) for a in actor.affiliations)
        marks = tuple(_affiliation_mark(rs, actor, index) for index in range(len(actor.affiliations)))
        roles: list[str] = []
        role_fields: list[tuple[Record, str]] = []  # where the printed roles are read from
        role_marks: list[Confidence] = []  # and the marks of the roles themselves
        listed: list[Appearance] = []
        for record in rs.referrers(actor):
            if appearances is None or len(listed) < appearances:
                if record.id not in named:  # a record naming several actors is read once for all
                    named[record.id] = _fields_naming(record)
                listed.append(Appearance(record=record.id, fields=named[record.id][actor.id]))
            if isinstance(record, Case):
                parts = [p for p in record.parties if p.actor == actor.id]
                judged = [j for j in record.judges if j.actor == actor.id]
                roles.extend(f"{_party_role(rs, p)} in {case_title(record)}" for p in parts)
                roles.extend(f"{_judge_role(j)} in {case_title(record)}" for j in judged)
                role_marks += [p.confidence for p in parts] + [j.confidence for j in judged]
                if parts:
                    role_fields += [(record, "parties"), (record, "name")]
                if judged:
                    role_fields += [(record, "judges"), (record, "name")]
        members.append(
            CastMember(
                id=actor.id,
                name=actor.name,
                kind=actor.kind.value,
                affiliations=affiliations,
                roles=tuple(dict.fromkeys(roles)),
                appearances=tuple(listed),
                description=actor.description,
                confidence=weaker(weakest(((actor, "name"), (actor, "kind"), *role_fields)), *marks, *role_marks),
                affiliation_marks=marks,
            )
        )
    return members


def _party_role(records: RecordSet, party: Party) -> str:
    """'class representative', 'counsel for Jane Doe', 'defendant, counterclaimant' (as printed)."""
    role = party.as_printed or party.role.value.replace("_", " ")
    if party.represents:
        role += " for " + ", ".join(actor_name(records, id) or id for id in party.represents)
    return role


def _judge_role(judge: Judge) -> str:
    """'district judge', or 'Circuit Judge, sitting by designation', with its period."""
    role = judge.designation or judge.role or "judge"
    return role + (f" ({date_label(judge.period)})" if judge.period is not None else "")


def _affiliation_mark(records: RecordSet, actor: Actor, index: int) -> Confidence:
    """An affiliation as printed: its own mark, the actor's affiliations field and record, and
    the organization's name."""
    affiliation = actor.affiliations[index]
    organization = records.get(affiliation.organization) if affiliation.organization in records else None
    named = ((organization, "name"),) if isinstance(organization, Actor) else ()
    return weaker(affiliation.confidence, weakest(((actor, "affiliations"), *named)))


def _marked(text: str, mark: Confidence) -> str:
    return text if mark is Confidence.CONFIRMED else f"{text} [{mark.value}]"


def cast_markdown(records: RecordSet | Iterable[Record]) -> str:
    """A Markdown table of the cast: who, what kind, ties (each below confirmed with its mark),
    roles in cases, where they appear, and how sure the row is."""
    lines = [
        "| Name | Kind | Affiliations | Roles | Appears in | Confidence |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for m in cast(records):
        affiliations = md_cell(
            "; ".join(
                _marked(f"{title}, {org}" if title else org, mark)
                for (org, title), mark in zip(m.affiliations, m.affiliation_marks, strict=True)
            )
        )
        appears = ", ".join(f"`{a.record}` ({md_cell(', '.join(a.fields))})" for a in m.appearances)
        name = f"{md_cell(m.name)} (`{m.id}`)"
        roles = md_cell("; ".join(m.roles))
        lines.append("| " + " | ".join((name, m.kind, affiliations, roles, appears, m.confidence.value)) + " |")
    return "# Cast\n\n" + "\n".join(lines) + "\n"
