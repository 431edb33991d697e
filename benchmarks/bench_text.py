"""Throughput of text segmentation and date tagging, against simple baselines, same run.

    .venv/bin/python benchmarks/bench_text.py [--rounds N]

Corpus: the bundled sample articles and the hand-written test articles (realistic news
text, 0.3 to 6 KB each). Every function runs with cold caches (the per-text caches of
``geo.text`` are cleared before each article), so the figures are what one article costs
the first time. Baselines, measured in the same run on the same texts:

- a one-regex sentence splitter (split at ``.!?`` + space + capital): the floor for any
  splitter, with none of the abbreviation, quote or headline handling;
- the date candidate regex run over the whole text (what ``find_dates`` avoids by looking
  for trigger words first and trying the regex only there);
- ``dateparser.search.search_dates`` when dateparser is installed (a general date parser).

Figures are microseconds per article and articles per second on one core; the machine's
load changes them, the ratios within one run are what to compare.
"""

from __future__ import annotations

import argparse
import re
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

from geo import text as segment
from geo.date_grammar import whole_text_pattern
from geo.dates import find_dates
from geo.page_furniture import boilerplate
from geo.readers import read_articles, sample_paths

ROOT = Path(__file__).resolve().parent.parent
NAIVE_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")


def corpus() -> list[tuple[str, date | None]]:
    paths = [*sample_paths(), ROOT / "tests" / "data" / "articles"]
    articles = read_articles(paths, on_problem=lambda p: None)
    return [(a.text, a.published) for a in articles]


def clear() -> None:
    segment._paragraphs.cache_clear()
    segment._sentences.cache_clear()
    segment._quotes.cache_clear()


def measure(fn: Callable[[str, date | None], object], texts, rounds: int) -> float:
    """Best of ``rounds`` passes over the corpus: microseconds per article."""
    best = float("inf")
    for _ in range(rounds):
        t0 = time.perf_counter()
        for text, published in texts:
            clear()
            fn(text, published)
        best = min(best, time.perf_counter() - t0)
    return best / len(texts) * 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=20)
    args = parser.parse_args()
    texts = corpus()
    size = sum(len(t) for t, _ in texts) / len(texts)
    rows: list[tuple[str, Callable[[str, date | None], object]]] = [
        ("baseline: one-regex sentence split", lambda t, p: NAIVE_SENTENCE.split(t)),
        ("geo.paragraphs", lambda t, p: segment.paragraphs(t)),
        ("geo.sentences", lambda t, p: segment.sentences(t)),
        ("geo.quotes", lambda t, p: segment.quotes(t)),
        ("geo.boilerplate", lambda t, p: boilerplate(t)),
        (
            "geo: sentences+quotes+boilerplate",
            lambda t, p: (segment.sentences(t), segment.quotes(t), boilerplate(t)),
        ),
        (
            "baseline: date regex over whole text",
            lambda t, p: list(whole_text_pattern().finditer(t)),
        ),
        ("geo.find_dates", lambda t, p: find_dates(t, p)),
    ]
    try:
        from dateparser.search import search_dates

        rows.append(("baseline: dateparser.search_dates", lambda t, p: search_dates(t)))
    except ImportError:
        pass
    print(f"{len(texts)} articles, {size:,.0f} characters on average, best of {args.rounds}")
    print(f"{'function':40} {'us/article':>11} {'articles/s':>11}")
    for name, fn in rows:
        rounds = 2 if "dateparser" in name else args.rounds
        us = measure(fn, texts, rounds)
        print(f"{name:40} {us:11.1f} {1e6 / us:11,.0f}")


if __name__ == "__main__":
    main()
