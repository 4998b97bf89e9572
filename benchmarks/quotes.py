"""How fast `evidence quote` anchors a passage in a large stored text.

    python -m benchmarks.quotes                     # texts of 1 and 5 million characters
    python -m benchmarks.quotes --chars 200000

For each size, a record set of one source whose stored text is made of seeded random sentences
(typographic quote marks and dashes among them, pages split by form feeds) is written to a
temporary folder, and `evidence.find_quote` is timed, on one core, for a passage near the end:
- typed as the text prints it (found by a plain search of the text);
- typed with straight quote marks where the text has curly ones (found in the normalized text,
  mapped back through the checker's character map);
- occurring many times (the prefix and suffix grown until they pick one out);
- not in the text (the closest passages, by the checker's bounded search).
Each time includes reading the text, checking its digest and normalizing it.
"""

from __future__ import annotations

import argparse
import hashlib
import platform
import random
import tempfile
import time
from pathlib import Path

import evidence as ev

WORDS = (
    "gear sprocket patent court order motion jury damages claim witness exhibit page docket filing "
    "counsel ruling copy design factory license royalty"
).split()


def stored_text(chars: int, seed: int = 7) -> str:
    """Sentences of random words, some quoted, a page break every 3,000 characters or so."""
    rng = random.Random(seed)
    parts: list[str] = []
    size = since_break = 0
    while size < chars:
        words = " ".join(rng.choice(WORDS) for _ in range(rng.randint(6, 16)))
        sentence = f"“{words.capitalize()},” the {rng.choice(WORDS)} said. " if rng.random() < 0.2 else f"{words}. "
        parts.append(sentence)
        size += len(sentence)
        since_break += len(sentence)
        if since_break > 3000:
            parts.append("\f")
            since_break = 0
    return "".join(parts)


def record_set(folder: Path, text: str) -> Path:
    (folder / "sources").mkdir(parents=True)
    data = text.encode("utf-8")
    (folder / "sources" / "big.txt").write_bytes(data)
    (folder / "sources.yaml").write_text(
        "evidence: 2\nsources:\n  - id: big\n    kind: court_document\n    text_file: sources/big.txt\n"
        f"    digest: sha256:{hashlib.sha256(data).hexdigest()}\n",
        encoding="utf-8",
    )
    return folder


def timed(folder: Path, passage: str) -> tuple[float, str]:
    start = time.perf_counter()
    try:
        quote = ev.find_quote(folder, "big", passage)
        outcome = f"found, page {quote.page}" + (", with prefix and suffix" if quote.prefix else "")
    except ev.QuoteNotFound as error:
        outcome = f"not found, {len(error.closest)} closest"
    return time.perf_counter() - start, outcome


def run(chars: int) -> list[tuple[str, float, str]]:
    text = stored_text(chars) + "“The sprocket is ours,” said the last witness of the record. "
    rows = []
    with tempfile.TemporaryDirectory() as name:
        folder = record_set(Path(name), text)
        cases = [
            ("as printed", "“The sprocket is ours,” said the last witness"),
            ("straight quotes for curly", '"The sprocket is ours," said the last witness'),
            ("repeated", "the court said"),
            ("not in the text", "the witness said the gear was never copied by anyone"),
        ]
        for label, passage in cases:
            seconds, outcome = timed(folder, passage)
            rows.append((label, seconds, outcome))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chars", type=int, action="append", help="text size (again for more sizes)")
    args = parser.parse_args()
    print(f"Python {platform.python_version()} on {platform.machine()}\n")
    print("| text (characters) | passage | seconds | outcome |\n|---:|---|---:|---|")
    for chars in args.chars or [1_000_000, 5_000_000]:
        for label, seconds, outcome in run(chars):
            print(f"| {chars:,} | {label} | {seconds:.2f} | {outcome} |")


if __name__ == "__main__":
    main()
