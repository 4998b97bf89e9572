"""A synthetic discovery corpus for the benchmarks: N messages and what surrounds them.

    python -m benchmarks.corpus OUT --n 100000 [--seed 7] [--shards 8]

For N messages the set holds one case, N/50 exhibits (50 messages each, with Bates ranges) in
N/500 filings, N/100 news sources whose text (about 20 KB each) lies beside the records with its
digest, N/5 claims each resting on two quotes anchored in those texts, and the people who sent the
messages. The same records are written three ways, each folder loadable on its own:

    OUT/json/records.json         one JSON record file (what pydantic, msgspec and jsonschema read)
    OUT/jsonl/records.jsonl       one JSON Lines file
    OUT/shards/part-NNNN.jsonl    the JSON Lines records cut into shards (for parallel checks)

Each folder has a `texts/` folder (hard links to one copy where the file system allows). The
corpus checks clean: every reference resolves, every quote is found, every date is coherent.
Everything follows from the seed.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import random
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import orjson

GIVEN = (
    "Ahmad Alice Ana Arjun Beatriz Chen Chloe Daniel David Elena Emma Fatima Gabriel Hana Ibrahim "
    "Isabel Jamal João Julia Kenji Laura Lucas Maria Mateus Mei Miguel Nadia Noah Olivia Omar "
    "Priya Rafael Sara Sofia Tomás Wei Yara Zoë"
).split()
FAMILY = (
    "Almeida Andersen Baptiste Cardoso Chen Costa Dubois Evans Fernandes García Gonçalves Haddad "
    "Ivanova Kapoor Kim Kowalski Lopes Martins Müller Nakamura Nguyen O'Brien Okafor Oliveira "
    "Park Pereira Rossi Santos Schmidt Silva Singh Souza Tanaka Walsh Yilmaz Zhang"
).split()
WORDS = (
    "model training data weights benchmark release team launch quarter compute cluster dataset books "
    "licensing counsel review legal risk evaluation results reasoning coding safety paper deadline "
    "leadership roadmap competitors frontier tokens pretraining finetuning inference latency budget "
    "vendor contract approval sources library copyright authors permission strategy internal memo "
    "schedule milestone partners infrastructure experiment ablation scaling performance metrics "
    "product users privacy policy engineering research director manager executive meeting notes"
).split()
VERBS = "said wrote asked confirmed suggested warned argued expected noted reported".split()
# Made-up outlets: generated articles must not be attributed to real ones.
PUBLICATIONS = ("FictionWire", "The Example Ledger", "Placeholder Post", "Sample Daily", "Folha Fictícia")
TEXTS = "texts"


def _sentence(rng: random.Random) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(8, 22))]
    words[0] = words[0].capitalize()
    if rng.random() < 0.3:  # typographic quotes and dashes, as real articles print them
        at = rng.randrange(1, len(words) - 2)
        words[at] = f"“{words[at]}"
        words[at + 1] = f"{words[at + 1]}”"
    if rng.random() < 0.15:
        words.insert(rng.randrange(1, len(words)), "—")
    return " ".join(words) + rng.choice(".....?!")


def _person(rng: random.Random) -> str:
    return f"{rng.choice(GIVEN)} {rng.choice(FAMILY)}"


class _Corpus:
    def __init__(self, n: int, seed: int) -> None:
        self.n = n
        self.rng = random.Random(seed)
        self.sentences = [_sentence(self.rng) for _ in range(4000)]
        self.texts: dict[str, str] = {}

    def text(self, low: int, high: int) -> str:
        return " ".join(self.rng.choice(self.sentences) for _ in range(self.rng.randint(low, high)))

    def records(self) -> dict[str, list[dict[str, Any]]]:
        rng, n = self.rng, self.n
        n_people = max(20, n // 400)
        n_filings = max(1, n // 500)
        n_exhibits = max(1, n // 50)
        n_sources = max(1, n // 100)
        n_claims = max(1, n // 5)

        actors: list[dict[str, Any]] = [
            {"id": "acme", "name": "Acme Platforms, Inc.", "kind": "organization", "aliases": ["Acme"]},
            {"id": "doe-authors", "name": "Doe Authors Group", "kind": "group"},
        ]
        for k in range(n_people):
            actors.append(
                {
                    "id": f"person-{k:05d}",
                    "name": _person(rng),
                    "kind": "person",
                    "affiliations": [{"organization": "acme", "title": rng.choice(["engineer", "director", "VP"])}],
                }
            )
        people = [a["id"] for a in actors[2:]]
        case = {
            "id": "doe-v-acme",
            "caption": "JANE DOE, et al., Plaintiffs, v. ACME PLATFORMS, INC., Defendant.",
            "name": "Doe v. Acme Platforms, Inc.",
            "short_name": "Doe",
            "court": "cand",
            "docket_number": "3:23-cv-01234-VC",
            "filed": "2023-07-07",
            "status": "pending",
            "nature_of_suit": "820 Copyright",
            "parties": [
                {"actor": "doe-authors", "role": "plaintiff"},
                {"actor": "acme", "role": "defendant"},
            ],
        }
        filings = []
        for k in range(n_filings):
            filed = f"2025-{1 + k % 12:02d}-{1 + k % 28:02d}"
            filings.append(
                {
                    "id": f"ecf-{100 + k}",
                    "case": "doe-v-acme",
                    "ecf": 100 + k,
                    "title": f"Declaration of {_person(rng)} in Support of Plaintiffs' Motion No. {k + 1}",
                    "kind": "declaration",
                    "filed": filed,
                    "filed_by": ["doe-authors"],
                    "sealing": [{"action": "unsealed", "date": filed}],
                }
            )
        exhibits = []
        for k in range(n_exhibits):
            begin = 10_000 + 60 * k
            exhibits.append(
                {
                    "id": f"ex-{k:06d}",
                    "filing": f"ecf-{100 + k // 10 % n_filings}" if n_filings > 1 else "ecf-100",
                    "attachment": 1 + k % 10,
                    "label": "ABCDEFGHIJ"[k % 10],
                    "title": f"Chat and e-mail log produced from the files of custodian {k}",
                    "bates": {"begin": f"ACME_DOE_{begin:08d}", "end": f"ACME_DOE_{begin + 59:08d}"},
                    "custodian": rng.choice(people),
                }
            )
        # Exhibits are spread over filings in runs of ten, so attachment numbers stay unique
        # within each filing only when there are enough filings; one filing numbers them all.
        if n_filings == 1:
            for k, exhibit in enumerate(exhibits):
                exhibit["attachment"] = k + 1
                exhibit["label"] = f"{k + 1}"
        messages = []
        for k in range(n):
            exhibit = exhibits[k // 50 % n_exhibits]
            email = rng.random() < 0.4
            message: dict[str, Any] = {
                "id": f"msg-{k:07d}",
                "exhibit": exhibit["id"],
                "sender": rng.choice(people),
                "recipients": rng.sample(people, rng.randint(1, 3)),
                "channel": "email" if email else "chat",
                "sent": f"2023-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}T{rng.randint(0, 23):02d}:"
                f"{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}{rng.choice(('-07:00', '-08:00', 'Z'))}",
            }
            if email:
                message["subject"] = self.text(1, 1)[:60].rstrip()
            message["text"] = self.text(1, 3)
            message["language"] = "en"
            message["bates_page"] = f"ACME_DOE_{10_000 + 60 * (k // 50 % n_exhibits) + k % 50:08d}"
            messages.append(message)
        sources = []
        for k in range(n_sources):
            source_id = f"news-{k:05d}"
            body = f"Article {k}.\n\n" + "\n\n".join(self.text(6, 10) for _ in range(rng.randint(15, 19)))
            self.texts[source_id] = body
            sources.append(
                {
                    "id": source_id,
                    "kind": "news_article",
                    "title": f"Court Filings Reveal {' '.join(w.capitalize() for w in rng.sample(WORDS, 5))} ({k})",
                    "authors": [_person(rng)],
                    "publication": rng.choice(PUBLICATIONS),
                    "published": f"2025-{1 + k % 12:02d}-{1 + k % 28:02d}",
                    "url": f"https://news.example.com/2025/{k:05d}/court-filings",
                    "language": "en",
                    "text_file": f"{TEXTS}/{source_id}.txt",
                    "digest": "sha256:" + hashlib.sha256(body.encode()).hexdigest(),
                }
            )
        claims = []
        for k in range(n_claims):
            evidence = []
            for source in rng.sample(sources, min(2, len(sources))):
                body = self.texts[source["id"]]
                start = rng.randrange(0, len(body) - 200)
                start = body.index(" ", start) + 1
                end = body.index(" ", start + rng.randint(40, 120))
                link: dict[str, Any] = {
                    "record": source["id"],
                    "quote": {"exact": body[start:end], "start": start, "end": end},
                    "confidence": "likely",
                }
                evidence.append(link)
            claims.append(
                {
                    "id": f"claim-{k:06d}",
                    "statement": f"{_person(rng)} {rng.choice(VERBS)} that {self.text(1, 1)}",
                    "asserted_by": rng.choice(people),
                    "asserted_on": f"2025-{1 + k % 12:02d}-{1 + k % 28:02d}",
                    "status": rng.choice(["reported", "alleged"]),
                    "evidence": evidence,
                    "confidence": "likely",
                }
            )
        return {
            "cases": [case],
            "actors": actors,
            "filings": filings,
            "exhibits": exhibits,
            "messages": messages,
            "sources": sources,
            "claims": claims,
        }


def _jsonl_lines(groups: dict[str, list[dict[str, Any]]]) -> Iterator[bytes]:
    kinds = {"cases": "case", "actors": "actor", "filings": "filing", "exhibits": "exhibit"}
    kinds |= {"messages": "message", "sources": "source", "claims": "claim"}
    for plural, items in groups.items():
        for item in items:
            yield orjson.dumps({"type": kinds[plural], **item})


def _write_texts(folder: Path, texts: dict[str, str], first: Path | None) -> None:
    (folder / TEXTS).mkdir(parents=True, exist_ok=True)
    for source_id in texts:
        target = folder / TEXTS / f"{source_id}.txt"
        if first is not None:
            try:
                os.link(first / TEXTS / f"{source_id}.txt", target)
                continue
            except OSError:
                pass
        target.write_text(texts[source_id], encoding="utf-8")


def write_corpus(out: Path, n: int = 100_000, *, seed: int = 7, shards: int = 8) -> dict[str, Path]:
    """Write the corpus under `out` and return its three folders by name."""
    corpus = _Corpus(n, seed)
    groups = corpus.records()
    if out.exists():
        shutil.rmtree(out)
    folders = {name: out / name for name in ("json", "jsonl", "shards")}
    for folder in folders.values():
        folder.mkdir(parents=True)
    document = {"evidence": 1, **groups}
    (folders["json"] / "records.json").write_bytes(
        orjson.dumps(document, option=orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE)
    )
    header = orjson.dumps({"evidence": 1})
    lines = list(_jsonl_lines(groups))
    (folders["jsonl"] / "records.jsonl").write_bytes(b"\n".join([header, *lines]) + b"\n")
    size = -(-len(lines) // shards)
    for index in range(shards):
        part = lines[index * size : (index + 1) * size]
        (folders["shards"] / f"part-{index:04d}.jsonl").write_bytes(b"\n".join([header, *part]) + b"\n")
    _write_texts(folders["json"], corpus.texts, None)
    _write_texts(folders["jsonl"], corpus.texts, folders["json"])
    _write_texts(folders["shards"], corpus.texts, folders["json"])
    return folders


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="folder to write (replaced if it exists)")
    parser.add_argument("--n", type=int, default=100_000, help="messages (default 100,000)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--shards", type=int, default=8, help="JSON Lines shards (default 8)")
    args = parser.parse_args()
    folders = write_corpus(args.out, args.n, seed=args.seed, shards=args.shards)
    for name, folder in folders.items():
        size = sum(f.stat().st_size for f in folder.iterdir() if f.is_file())
        print(f"{name:7} {folder}  ({size / 2**20:,.1f} MiB of records)")


if __name__ == "__main__":
    main()
