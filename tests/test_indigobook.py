"""The Indigo Book's own examples as a conformance suite: the harness runs over the bundled copy,
its last line says how many pass, no fewer than when the count was measured, and every example
that fails is the one the known-differences file lists (a regression, or a fix, shows here)."""

from __future__ import annotations

import re
import subprocess
import sys

from tests.conftest import ROOT

# Measured on 2026-12-02 (docs/citations.md, "Conformance with the Indigo Book's examples").
# Case names follow the Indigo Book's whole Table T11 (R11.3), so the examples that keep whole a
# word the table abbreviates are known differences, each naming its T11 row.
MEASURED_PASSING = 224


def test_the_harness_passes_what_it_did_and_every_failure_is_known() -> None:
    run = subprocess.run(
        [sys.executable, "-m", "benchmarks.indigobook", "tests/data/indigobook", "--check-known"],
        cwd=ROOT, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    lines = run.stdout.strip().splitlines()
    found = re.fullmatch(r"(\d+) of (\d+) examples pass", lines[-1])
    assert found, lines[-1]
    passing, total = int(found.group(1)), int(found.group(2))
    assert passing >= MEASURED_PASSING
    assert total == 258  # 628 examples, 370 of them templates
    assert run.returncode == 0, "\n".join(line for line in lines if " is listed" in line or "not listed" in line)
