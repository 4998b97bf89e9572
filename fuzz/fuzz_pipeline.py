"""Coverage-guided fuzzing of the whole pipeline with atheris, seeded with both examples.

    python3 -m pip install atheris
    python3 fuzz/fuzz_pipeline.py -max_total_time=300

Each input picks an example and a few edits to it (see `fuzz/pipeline.py`), then runs every
command and the API over the damaged copy; an internal error or an exception other than
`evidence.EvidenceError` is a finding, and atheris stops with the input that caused it.
"""

from __future__ import annotations

import sys
from pathlib import Path

import atheris

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

with atheris.instrument_imports():
    from fuzz.pipeline import damage, run, seed


class _Bytes:
    """Edits read from atheris's bytes."""

    def __init__(self, data: bytes) -> None:
        self.provider = atheris.FuzzedDataProvider(data)

    def below(self, n: int) -> int:
        return self.provider.ConsumeIntInRange(0, max(0, n - 1))


def test_one_input(data: bytes) -> None:
    chooser = _Bytes(data)
    name, records = seed(chooser)
    run(name, damage(records, chooser, edits=1 + chooser.below(4)))


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
