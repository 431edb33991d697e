"""Throughput and accuracy of ``geo.geoparse`` against geotext, on the same texts, same run.

    .venv/bin/python benchmarks/bench_geoparse.py [--articles N] [--rounds R] [--seed S]

Corpus: realistic news text built from every article the project ships (the five sample
articles, the hand-written test articles in tests/data/articles, including the readers'
mixed-format ones). Their paragraphs form a pool; each benchmark article is a headline
followed by paragraphs drawn at random (seeded) from the pool until it reaches 3-5 KB, the
size of a typical news story, plus a unique closing line so no per-text cache can help.

Measured, each the best of R rounds over the whole corpus, on one core:

- ``geo.geoparse``: places found, resolved (geometry, context, modifiers) and dated;
- ``geo.recognize``: places found and resolved, without dating;
- ``geotext.GeoText``: a regex for capitalised words and dictionary look-ups of city and
  country names (no geometry, no disambiguation, no modifiers, no dates): the baseline.

The recognizer remembers context resolutions across articles (articles about one story
share context); paragraphs repeat more in this corpus than in real news, which flatters that
cache a little.

Accuracy: precision and recall of place names against tests/data/annotated_places.yaml (the
place names a careful reader marks in 13 articles). A name counts once per article; geoparse
names are the bare names it recognized (and absorbed qualifiers), geotext names its cities
and countries. Demonym phrases ("Swedish waters") are left out of the comparison.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"


def source_articles() -> list:
    from geo.readers import read_articles, sample_paths

    return read_articles([*sample_paths(), DATA / "articles"], on_problem=lambda p: None)


def build_corpus(n: int, seed: int) -> list[tuple[str, date | None]]:
    """``n`` articles of 3-5 KB made of shuffled paragraphs of the shipped articles."""
    articles = source_articles()
    rng = random.Random(seed)
    paragraphs = [
        p.strip()
        for a in articles
        for p in a.text.split("\n")
        if len(p.strip()) > 60 and not p.strip().endswith(":")
    ]
    headlines = [a.title or a.text.split("\n", 1)[0] for a in articles]
    dates = [a.published for a in articles if a.published]
    out = []
    for i in range(n):
        target = rng.randint(3000, 5000)
        parts = [rng.choice(headlines), ""]
        size = len(parts[0])
        while size < target:
            p = rng.choice(paragraphs)
            parts.append(p)
            size += len(p) + 1
        parts.append(f"Reference {seed}-{i}.")
        out.append(("\n".join(parts), rng.choice(dates)))
    return out


def measure(fn: Callable[[str, date | None], object], corpus, rounds: int) -> float:
    """Best of ``rounds`` passes: seconds per article."""
    best = float("inf")
    for _ in range(rounds):
        t0 = time.perf_counter()
        for text, published in corpus:
            fn(text, published)
        best = min(best, time.perf_counter() - t0)
    return best / len(corpus)


def gold() -> dict[str, set[str]]:
    raw = yaml.safe_load((DATA / "annotated_places.yaml").read_text(encoding="utf-8"))
    return {k: {str(n).lower() for n in v} for k, v in raw.items()}


def geoparse_names(text: str, published: date | None, gaz) -> set[str]:
    from geo.geoparse import analyze

    names = set()
    for r in analyze(text, published, gazetteer=gaz).recognized:
        t = r.toponym
        if t.demonym:
            continue
        names.add(text[t.name_start : t.name_end].lower())
        if t.qualifier:
            names.add(t.qualifier.lower())
    return names


def geotext_names(text: str) -> set[str]:
    import geotext

    found = geotext.GeoText(text)
    return {n.lower() for n in (*found.cities, *found.countries)}


def scores(predicted: dict[str, set[str]], truth: dict[str, set[str]]) -> tuple[float, ...]:
    tp = sum(len(predicted[k] & truth[k]) for k in truth)
    fp = sum(len(predicted[k] - truth[k]) for k in truth)
    fn = sum(len(truth[k] - predicted[k]) for k in truth)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def table(rows: Sequence[Sequence[str]]) -> str:
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    lines = []
    for j, r in enumerate(rows):
        lines.append(
            "  ".join(
                c.ljust(w) if i == 0 else c.rjust(w)
                for i, (c, w) in enumerate(zip(r, widths, strict=True))
            )
        )
        if j == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--seed", type=int, default=4)
    args = parser.parse_args(argv)

    try:
        import geotext  # noqa: F401
    except ImportError:
        print("geotext is not installed: pip install -e '.[bench]'", file=sys.stderr)
        return 1
    from gazetteer import Gazetteer
    from geo.geoparse import geoparse
    from geo.recognize import recognize

    t0 = time.perf_counter()
    gaz = Gazetteer.default()
    load = time.perf_counter() - t0
    t0 = time.perf_counter()
    recognize("Warm-up in Paris.", gazetteer=gaz)  # builds the automaton
    build = time.perf_counter() - t0

    corpus = build_corpus(args.articles, args.seed)
    warm = build_corpus(30, args.seed + 1)
    for text, published in warm:  # warm the name caches as a long-running process would
        geoparse(text, published, gazetteer=gaz)
    kb = sum(len(t) for t, _ in corpus) / len(corpus) / 1000

    import geotext as gt

    per = {
        "geotext (baseline)": measure(lambda t, p: gt.GeoText(t), corpus, args.rounds),
        "geo.recognize": measure(lambda t, p: recognize(t, gazetteer=gaz), corpus, args.rounds),
        "geo.geoparse": measure(lambda t, p: geoparse(t, p, gazetteer=gaz), corpus, args.rounds),
    }
    base = per["geotext (baseline)"]
    rows = [["throughput", "µs/article", "articles/s", "× geotext time"]]
    for name, sec in per.items():
        rows.append([name, f"{sec * 1e6:,.0f}", f"{1 / sec:,.0f}", f"{sec / base:.1f}"])
    print(f"corpus: {len(corpus)} articles, {kb:.1f} KB on average; best of {args.rounds} rounds")
    print(f"gazetteer load {load * 1000:.0f} ms, recognizer build {build * 1000:.0f} ms")
    print()
    print(table(rows))

    truth = gold()
    articles = {a.id: a for a in source_articles()}
    ours = {k: geoparse_names(articles[k].text, articles[k].published, gaz) for k in truth}
    theirs = {k: geotext_names(articles[k].text) for k in truth}
    rows = [["accuracy (place names)", "precision", "recall", "F1"]]
    for name, predicted in (("geotext (baseline)", theirs), ("geo.geoparse", ours)):
        p, r, f = scores(predicted, truth)
        rows.append([name, f"{p:.2f}", f"{r:.2f}", f"{f:.2f}"])
    print()
    print(f"gold: {sum(map(len, truth.values()))} names in {len(truth)} annotated articles")
    print(table(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
