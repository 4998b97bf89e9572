"""Style: the fields a citation of the record needs (Y001), the values it would print that
are not confirmed (Y002), and the citations that fall back on another form for a missing part
(Y003)."""

from __future__ import annotations

from evidence._check.run import Run
from evidence._model import (
    Case,
    CaseEventKind,
    Confidence,
    DateInterval,
    DateValue,
    Decision,
    Exhibit,
    Filing,
    Message,
    Provision,
    ProvisionKind,
    Record,
    Source,
)

# Laws cited by the volume and first page of their collection, not by a code's section (R12.4).
_BY_PAGE = (ProvisionKind.SESSION_LAW, ProvisionKind.REGISTER, ProvisionKind.UNIFORM_ACT)


def _printed(record: Record) -> tuple[str, ...]:
    """The fields a citation of the record prints, in some style or form (the cite stage marks
    the same ones); the caller skips those without a value."""
    if isinstance(record, Source):
        untitled = ("kind", "language", "translation_of") if record.title is None else ()
        book = ("translation_of",) if record.title is not None and record.kind.value == "book" else ()
        return ("authors", "title", "publication", "publisher", "published", "url", "page", "translators",
                *untitled, *book)  # fmt: skip
    if isinstance(record, Message):
        return ("sender" if record.sender else "sender_description", "recipients", "sent", "channel")
    if isinstance(record, Case):
        return ("name" if record.name else "caption", "short_name", "court", "docket_number", "filed")
    if isinstance(record, Decision):  # cited as its case, at this decision
        return ("date", "cites", "docket_number", "circuit_justice")
    if isinstance(record, Filing):
        title = "short_title" if record.short_title else "title" if record.title else "kind"
        return (title, "ecf", "filed")
    if isinstance(record, Exhibit):
        return ("label" if record.label else "title", "attachment", "filing")
    return ()


def style(run: Run) -> None:
    # A case with a reported decision is cited by it: its docket and filing date may be unknown.
    reported = {decision.case for decision in run.of_kind(Decision) if decision.cites}
    for record in run.checked:
        _needs(run, record, reported)
        _unconfirmed(run, record)
        _fallbacks(run, record)


def _needs(run: Run, record: Record, reported: set[str]) -> None:
    missing: list[str] = []
    if isinstance(record, Case) and record.id not in reported:
        # R10.8.1: a case cited as a whole is dated by its filing, or (an appeal) by its argument.
        argued = any(e.kind is CaseEventKind.ORAL_ARGUMENT and e.date is not None for e in record.events)
        missing = [
            f for f in ("docket_number", "filed") if getattr(record, f) is None and not (f == "filed" and argued)
        ]
    elif isinstance(record, Decision) and record.date is None:
        missing = ["date"]  # R11.6, Bluebook R10.5: the parenthetical dates the decision; none is invented
    elif isinstance(record, Filing) and record.title is None and record.kind is None:
        missing = ["title or kind"]
    elif isinstance(record, Exhibit) and record.label is None and record.attachment is None:
        missing = ["label or attachment"]
    elif isinstance(record, Provision) and record.kind in _BY_PAGE:
        missing = [f for f in ("title", "page") if getattr(record, f) is None]
    elif isinstance(record, Source):
        missing = [f for f in ("title", "published") if getattr(record, f) is None]
        if record.publication is None and record.publisher is None:
            missing.append("publication or publisher")
    if missing:
        run.add("Y001", record, f"a citation of this {record.KIND} needs {', '.join(missing)}")


def _unconfirmed(run: Run, record: Record) -> None:
    """Y002: each printed value below confirmed, with the mark `cite` would give it with marks."""
    weak: list[str] = []
    for name in _printed(record):
        value = getattr(record, name)
        if value is None or value == ():
            continue
        levels = [record.confidence, record.confidence_of(name)]
        if isinstance(record, Message) and name in ("sender", "recipients"):
            ids = [value] if name == "sender" else list(value)
            levels += [level for id in ids for level in _name_marks(run, id)]
        level = min(levels, key=lambda level: level.rank)
        if level is not Confidence.CONFIRMED:
            weak.append(f"{name} [{level.value}]")
    if weak:
        run.add(
            "Y002",
            record,
            f"a citation of this {record.KIND} would print {', '.join(weak)} as if confirmed: cite it with marks "
            "(--marks, marks=True)",
        )


def _name_marks(run: Run, id: str) -> list[Confidence]:
    """How sure an actor's printed name is: its record's mark and its name's (both drivers hold
    actors whole); nothing for an id no record has, which R001 reports."""
    actor = run.lookup.get(id)
    if actor is None:
        return [run.lookup.confidence_of(id)] if run.lookup.kind_of(id) is not None else []
    return [actor.confidence, actor.confidence_of("name")]


def _fallbacks(run: Run, record: Record) -> None:
    """Y003: each missing part for which a style cites the record in another form, as
    `evidence cite` does (docs/citations.md, "When a part is missing")."""
    found: list[str] = []
    if isinstance(record, Filing) and record.ecf is None:
        found.append("no ecf: the ecf style gives the Bluebook form, which dates the filing instead")
    elif isinstance(record, Exhibit):
        filing = run.get(record.filing, Filing)
        if filing is not None and filing.ecf is None:
            found.append(f"no ecf on its filing {filing.id!r}: the ecf style gives the Bluebook form")
    elif isinstance(record, Decision):
        filing = run.get(record.filing, Filing) if record.filing else None
        if not record.cites and filing is not None and filing.ecf is None:
            found.append(f"no cite, and its filing {filing.id!r} no ecf: cited by docket and date")
    dated = {Case: "filed", Filing: "filed", Source: "published", Message: "sent"}.get(type(record))
    if dated is not None and _open(getattr(record, dated)):
        found.append(f"{dated} is an interval: APA prints n.d., the other styles what is known of it")
    if found:
        run.add("Y003", record, f"a citation of this {record.KIND} falls back on another form: {'; '.join(found)}")


def _open(value: DateValue | None) -> bool:
    """An interval APA cannot date: not within one year (see `evidence._cite` dates)."""
    if not isinstance(value, DateInterval):
        return False
    start, end = value.start, value.end
    return start is None or end is None or start.year != end.year
