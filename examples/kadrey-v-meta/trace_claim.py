"""Follow a claim back to its primary source, step by step, with the confidence of each step.

    python examples/kadrey-v-meta/trace_claim.py claim-goal-gpt4

The chain the records describe: claim → quote in the Portuguese article → the TechCrunch wording
it translates → the message → the filing that holds it → the case → the court. A chain is only
as sure as its weakest step.
"""

from __future__ import annotations

import sys
from pathlib import Path

import evidence

Step = tuple[str, evidence.Confidence]


def chain_of_message(records: evidence.RecordSet, message: evidence.Message) -> list[Step]:
    steps: list[Step] = [(f"message {message.id}: “{(message.text or '').splitlines()[0]}”", message.confidence)]
    filing = records.filing_of(message)
    if filing is not None:
        field = "exhibit" if message.exhibit else "filing"
        steps.append((f"held in ECF No. {filing.ecf}, filed {filing.filed}", message.confidence_of(field)))
        case: evidence.Case = records.resolve(filing, "case")
        court = records.court_of(case)
        steps.append((f"on the docket of {case.name}, No. {case.docket_number} ({court.citation})", case.confidence))
    return steps


def trace(records: evidence.RecordSet, claim_id: str) -> list[list[Step]]:
    """Every path from the claim to a primary source, as a list of steps."""
    claim = records.get(claim_id, evidence.Claim)
    paths = []
    for link in claim.evidence:
        target = records[link.record]
        start: Step = (f"claim {claim.id} ({claim.status.value})", claim.confidence)
        if isinstance(target, evidence.Message):
            paths.append([start, *chain_of_message(records, target)])
            continue
        path = [start, (f"{target.kind}: {target.id}", link.confidence)]
        if isinstance(target, evidence.Source) and link.quote is not None:
            path[-1] = (f"quote in {target.publication} [{target.language}]: “{link.quote.exact}”", link.confidence)
            if target.translation_of is not None:
                original = records.get(target.translation_of, evidence.Source)
                path.append(
                    (f"translates {original.publication} [{original.language}]", target.confidence_of("translation_of"))
                )
                for message in records.messages:
                    translated = [a for a in message.attestations if a.source == target.id]
                    reported = [a for a in message.attestations if a.source == original.id]
                    for portuguese, english in zip(translated, reported, strict=False):
                        if portuguese.quote.exact == link.quote.exact:
                            path.append((f"which reports “{english.quote.exact}”", english.confidence))
                            path.extend(chain_of_message(records, message))
        paths.append(path)
    return paths


def main(folder: Path, claim_id: str) -> None:
    records = evidence.load(folder)
    print(records.get(claim_id, evidence.Claim).statement)
    for number, path in enumerate(trace(records, claim_id), start=1):
        weakest = min((confidence for _, confidence in path), key=lambda c: c.rank)
        print(f"\npath {number} (as sure as its weakest step: {weakest.value})")
        for depth, (text, confidence) in enumerate(path):
            print(f"{'  ' * depth}└─ {text} [{confidence.value}]")


if __name__ == "__main__":
    main(Path(__file__).parent, sys.argv[1] if len(sys.argv) > 1 else "claim-goal-gpt4")
