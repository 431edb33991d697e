"""Events on a far namesake: each event of a corpus of LGL / GeoWebNews articles checked
against the corpora's toponym gold.

    .venv/bin/python benchmarks/event_namesakes.py [--corpus DIR] [--exclude IDS_FILE]

For every event of ``DIR/articles/*.md`` (ids ``lgl-DOCID`` / ``gwn-N``), and every article
among its sources, the article's mentions that resolved to the event's place are looked up;
the gold toponyms of the same spans (or, for a mention the gold has no span for, the gold
toponyms of the same name in that article) give the annotators' points. An event is listed as
``FAR`` when every such gold point lies more than 161 km from the event's geometry, as ``OK``
when one lies within, and as ``NOGOLD`` when the gold has no toponym to compare. Prints one
line per FAR event and the three counts. Articles listed in ``IDS_FILE`` are skipped (never
run it on held-out articles).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from bench_accuracy import TOLERANCE_KM, Gold, read_corpus  # noqa: E402
from bench_events import corpus_extraction  # noqa: E402
from event_scoring import distance_km  # noqa: E402

CORPORA = HERE.parent.parent / "shared" / "corpora"


def gold_by_article() -> dict[str, tuple[Gold, ...]]:
    """``lgl-DOCID`` / ``gwn-N`` → the article's gold toponyms (with coordinates)."""
    out: dict[str, tuple[Gold, ...]] = {}
    for prefix, name in (("lgl", "lgl.xml"), ("gwn", "gwn.xml")):
        for art in read_corpus(CORPORA / name):
            out[f"{prefix}-{art.docid}"] = art.gold
    return out


def _golds_for(row: dict, golds: Sequence[Gold]) -> list[Gold]:
    """The gold toponyms of a mention: those overlapping its span, else those of its name."""
    s, e = row["char_start"], row["char_end"]
    over = [g for g in golds if g.start < e and s < g.end]
    if over:
        return over
    name = row["text"].casefold()
    return [g for g in golds if g.phrase.casefold() == name]


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=Path("/tmp/s27/pool"))
    ap.add_argument("--exclude", type=Path, default=Path("/tmp/s27/heldout_ids.txt"))
    args = ap.parse_args(argv)
    banned = set(args.exclude.read_text().split()) if args.exclude.exists() else set()
    ids = [p.stem for p in sorted((args.corpus / "articles").glob("*.md"))]
    ids = [i for i in ids if i not in banned]
    extraction, _, _ = corpus_extraction(args.corpus, ids)
    golds = gold_by_article()
    mentions: dict[tuple[str, str], list[dict]] = {}
    for row in extraction.mention_rows:
        mentions.setdefault((row["article"], row["place_id"]), []).append(row)
    tally: Counter[str] = Counter()
    for ev in extraction.events.itertuples(index=False):
        for article in sorted({s["article"] for s in ev.sources}):
            rows = mentions.get((article, ev.place_id), [])
            points = [g for r in rows for g in _golds_for(r, golds.get(article, ()))]
            if not points:
                tally["NOGOLD"] += 1
                continue
            near = min(distance_km(ev.geometry, g.lat, g.lon) for g in points)
            if near <= TOLERANCE_KM:
                tally["OK"] += 1
                continue
            tally["FAR"] += 1
            g = min(points, key=lambda g: distance_km(ev.geometry, g.lat, g.lon))
            texts = sorted({r["text"] for r in rows})
            print(
                f"FAR {article} {ev.title!r} place={ev.place_name!r} id={ev.place_id} "
                f"mentions={texts} gold={g.phrase!r}({g.lat:.2f},{g.lon:.2f}) {near:.0f} km"
            )
    print(" ".join(f"{k} {tally[k]}" for k in ("OK", "FAR", "NOGOLD")))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
