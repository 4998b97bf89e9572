from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, NamedTuple

import pytest
from hypothesis import HealthCheck, settings

# CI=1 runs every property with 200 examples. A local run takes 10, so that the whole suite
# runs in under two minutes on two cores; it still draws a new sample each run.
settings.register_profile("ci", max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("dev", max_examples=10, deadline=None)
settings.load_profile("ci" if os.environ.get("CI") else "dev")

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"


@pytest.fixture
def root() -> Path:
    return ROOT


class Ran(NamedTuple):
    """What one run of the command gave the user."""

    code: int
    out: str
    err: str


def run_evidence(
    *args: str | Path,
    cwd: Path,
    timeout: float,
    env: dict[str, str] | None = None,
    preexec_fn: Callable[[], Any] | None = None,
) -> Ran:
    """Run the `evidence` command in a fresh process, this checkout's package first, killed after
    `timeout` seconds. Whatever it was given, it must never print a traceback or an internal
    error. Bytes that are not UTF-8 are shown escaped."""
    environment = {key: value for key, value in os.environ.items() if key != "EVIDENCE_DEBUG"}
    environment["NO_COLOR"] = "1"
    environment["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), environment.get("PYTHONPATH")]))
    environment.update(env or {})
    done = subprocess.run(
        [sys.executable, "-m", "evidence", *map(str, args)],
        cwd=cwd,
        env=environment,
        capture_output=True,
        timeout=timeout,
        preexec_fn=preexec_fn,
        check=False,
    )
    out, err = (stream.decode("utf-8", "backslashreplace") for stream in (done.stdout, done.stderr))
    assert "Traceback" not in out + err, out + err
    assert "internal error" not in out + err, out + err
    return Ran(done.returncode, out, err)
