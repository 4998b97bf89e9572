"""Follow a claim back to its primary sources, path by path, with the marks of every step.

    python examples/kadrey-v-meta/trace_claim.py claim-goal-gpt4

`evidence.trace` walks the chain the records describe: claim → quote in the Portuguese article →
the TechCrunch wording it translates → the message → the filing that holds it → the case. Each
step keeps the mark of the link it came through apart from its own (the record's, or the
wording's), and carries the weakest mark of the path so far: a chain is only as sure as its
weakest step.
"""

from __future__ import annotations

import sys
from pathlib import Path

import evidence


def main(folder: Path, claim_id: str) -> None:
    records = evidence.load(folder)
    root = evidence.trace(records, claim_id)
    claim = records.get(claim_id, evidence.Claim)
    print(claim.statement)
    # Who stands behind the claim, beside how sure it is that they said it.
    speaker = f"by {root.speaker}" if root.speaker else "(speaker not recorded)"
    print(f"{claim.status.value} {speaker}; attribution {root.own_confidence.value}")
    paths = [path for path in root.paths() if len(path) > 1]
    if not paths:
        print("\nno evidence recorded")
    for number, path in enumerate(paths, start=1):
        print(f"\npath {number} (as sure as its weakest step: {evidence.Trace.weakest(path).value})")
        for depth, step in enumerate(path[1:]):
            link = step.link_confidence.value if step.link_confidence else "none"
            own = "wording" if step.wording is not None else "record"
            print(f"{'  ' * depth}└─ {step.link} → {step.kind} {step.record}: {step.label}")
            print(f"{'  ' * depth}   link {link}, {own} {step.own_confidence.value}; so far {step.confidence.value}")


if __name__ == "__main__":
    main(Path(__file__).parent, sys.argv[1] if len(sys.argv) > 1 else "claim-goal-gpt4")
