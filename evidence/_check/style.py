"""Style (Y001): the fields a citation of the record needs."""

from __future__ import annotations

from evidence._check.run import Run
from evidence._model import Case, Exhibit, Filing, Source


def style(run: Run) -> None:
    for record in run.checked:
        missing: list[str] = []
        if isinstance(record, Case) and record.filed is None:
            missing = ["filed"]
        elif isinstance(record, Filing) and record.title is None and record.kind is None:
            missing = ["title or kind"]
        elif isinstance(record, Exhibit) and record.label is None and record.attachment is None:
            missing = ["label or attachment"]
        elif isinstance(record, Source):
            missing = [f for f in ("title", "published") if getattr(record, f) is None]
            if record.publication is None and record.publisher is None:
                missing.append("publication or publisher")
        if missing:
            run.add("Y001", record, f"a citation of this {record.KIND} needs {', '.join(missing)}")
