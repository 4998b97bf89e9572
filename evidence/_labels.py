"""What a record is called: the one place every output takes its names from."""

from __future__ import annotations

from evidence._model import Exhibit, Filing


def ecf_designation(filing: Filing, exhibit: Exhibit | None = None) -> str | None:
    """The court's own name of a docket entry or of one of its attachments: "ECF No. 391-24";
    None when the entry number is not known."""
    if filing.ecf is None:
        return None
    if exhibit is not None and exhibit.attachment:
        return f"ECF No. {filing.ecf}-{exhibit.attachment}"
    return f"ECF No. {filing.ecf}"
