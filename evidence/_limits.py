"""Limits on what one record file may hold, so that hostile or broken input is refused quickly."""

from __future__ import annotations

import attrs


@attrs.define(kw_only=True)
class Limits:
    """How large and deep a record file may be. Raise them with `evidence.limits` (or the
    command's `--max-*` options) for unusually large files; each refusal names its limit."""

    max_file_bytes: int = 256 * 2**20  # a record file; source texts are not record files
    max_depth: int = 100  # nesting of mappings and lists (records need fewer than ten)
    max_alias_values: int = 100_000  # values YAML aliases may expand to ("billion laughs")
    max_text_chars: int = 10_000_000  # one text value


limits = Limits()
