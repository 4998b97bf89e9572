"""Coverage-guided fuzzing of the record-file readers with atheris.

    python3 -m pip install atheris
    python3 fuzz/fuzz_load.py -max_total_time=60            # YAML, JSON and JSON Lines in turn
    python3 fuzz/fuzz_load.py corpus/ -max_total_time=600    # keep what it finds in corpus/

Each input is read as a YAML, a JSON and a JSON Lines record file. The only exception the
library may raise on bad input is `evidence.EvidenceError`; anything else is a finding, and
atheris stops with the input that caused it.
"""

from __future__ import annotations

import contextlib
import sys

import atheris

with atheris.instrument_imports():
    import evidence
    from evidence._io import Format, parse_bytes

FORMATS = (Format.YAML, Format.JSON, Format.JSONL)


def test_one_input(data: bytes) -> None:
    for fmt in FORMATS:
        # A clear refusal is the expected outcome for most inputs; any other exception is a finding.
        with contextlib.suppress(evidence.EvidenceError):
            parse_bytes(data, f"fuzz.{fmt.value}", fmt)


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
