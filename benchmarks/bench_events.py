"""Event extraction scored on real news with hand-made gold: ``../shared/corpora/events-dev``.

    .venv/bin/python benchmarks/bench_events.py [--corpus DIR | --set NAME ...] [--show]
                                                [--causes] [--confusion] [--json FILE]
                                                [--interval] [--against FILE]
                                                [--agreement] [--human]
                                                [--article DOCID ...]
                                                [--speed | --speed-texts DIR ...] [--warm]
                                                [--parser USES]

Builds the events of ``DIR/articles/*.md`` (59 TR-News articles, 2015-2017, many outlets, by
default) with :func:`geo.extract`, exactly as ``geo extract`` does, and scores them against
``DIR/gold.json`` as ``../shared/corpora/README.md`` says:

- a system event belongs to an article when the article is among its sources;
- it matches a gold event when its geometry lies within the gold ``tol_km`` of the gold point
  or of one of its ``alt`` points (0 km when the geometry covers the point; else the
  great-circle distance from the point to the nearest point of the geometry) AND its
  [start, end] lies inside the gold window widened by one day at each end;
- recall = required gold events matched / required gold events;
- precision = (event, article) pairs that match any gold event, required or optional / all
  (event, article) pairs;
- category: how many matched required events carry the gold category;
- traps: (event, article) pairs whose geometry falls within an ``absent`` trap (printed with
  how many of them are pairs that also match a gold event: a country's or a state's area can
  hold the gold point and a trap's town at once).

``--set NAME`` scores a gold set of ``benchmarks/event_gold`` instead (LGL and GeoWebNews
articles, rebuilt from the corpora beside ``events-dev`` by :mod:`event_sets`); it may be
given several times, and ``--set held-out`` stands for every held-out set. Several sets print
one block each and then their total. A held-out set is scored as counts only: ``--show`` is
refused on it.  With ``--archive`` each set's articles are extracted beside the
other dated articles of their outlets in the corpora (LGL's articles have six or seven such
siblings each), as a newsroom's run over its archive would: an outlet's other articles teach
its home (:func:`geo.extraction.outlet_priors`); only the set's articles are scored. With
``--memory`` those other articles are extracted first, on their own, into an outlet memory
(:mod:`geo.outlet_memory`), and each set is then extracted alone with it, as a newsroom's daily
run after a run over its archive would.

``--speed`` also times ``geo.extract`` on text the process has never seen: the 788 articles of
``lgl.xml`` and ``gwn.xml`` beside the corpus (real local and world news), in a fresh process
that loads the gazetteer first (timed apart), one pass over every article on one core, with
geotext over the same texts in another fresh process as the same-run baseline.
``--speed-texts DIR`` (several allowed) times the same way the articles of any folder, file
or glob ``geo`` reads (such as recent international news, whose derived areas cost more than
LGL's and GeoWebNews's), and scores nothing. Both count the process's one-off costs (the
recognizer's automaton, the lexicon, the first use of each rule's pattern: about 0.6 s since
session 40, which no longer builds the events table, nor imports pandas, unless it is read)
in the run, which weighs on a batch of tens of articles; ``--warm``
pays them first on a placeless sentence, timed apart, and gives the steady rate of a long run.
``--parser USES`` (comma-separated, such as ``generic``) extracts with the optional parser
pass of :mod:`geo.parse_links`, as ``geo extract --parser`` does (it needs the ``parser``
extra); with ``--speed`` it also times ``geo.extract`` with the pass, beside the run without.

``--show`` prints every missed required event (with the system events of its article) and
every false (event, article) pair, for error analysis. ``--causes`` prints only counts, so it
may be run on news one must not read: each missed required event by what was missing
(:func:`miss_causes`: the gold place among none of the article's place mentions; the place
named but the article has no event; an event there on other dates; events elsewhere only)
and each false pair by what was wrong (:func:`false_causes`: the dates, the place, or both),
then what the dates tell of the first cases (:mod:`event_dates`: whether any report of the
article, or a time expression of its text, is dated in the missed event's window; how the
false pair's report was dated; what the sentence of a time expression dated in the window
holds and how far it lies from the reports at the gold place, and from a false pair's report).
``--confusion`` prints, as counts only (safe on unseen news too), the gold category against
the system's of the matched required events, and the recall of each gold category
(:func:`confusion_report`), then the same events split by how their category was chosen (a
trigger type, a sentence's layer, a lead's cue words or none: :mod:`category_mechanism`), each
layer and the lead's cue words against the category without them, and one article's events of
one place and days in two categories by what the gold holds there (:mod:`category_choices`);
several sets also print their total. ``--interval`` prints a 95% interval for recall,
precision and category accuracy by a bootstrap over articles (:func:`intervals`; counts only):
on a set of a hundred-odd events a change of two or three events is inside it. ``--json FILE``
writes the figures, with each article's counts; ``--against FILE`` reads such a file of an
earlier run (another commit) and prints the change of recall and precision with a paired 95%
interval (:func:`paired_intervals`: the same articles resampled in both runs), counts only.
``--agreement`` compares the system's categories with a second, blind annotation of every
required event's category (:mod:`category_agreement`, counts only): how often two annotators
agree, and the system against either of them. ``--human`` scores a set's second, independent
annotation of its events (:mod:`second_events`) against the gold as if it were a system, both
ways, and the system against it: the recall and precision a careful human reaches under the
same scorer (counts only). The dev set is for tuning: figures on it are not figures on news in
general.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from category_agreement import Agreement, agreement, load_second
from category_choices import (
    categories_without,
    choice_kinds,
    choice_report,
    spot_kinds,
    spot_report,
)
from category_mechanism import (
    event_mechanisms,
    event_shapes,
    layered_types,
    mechanism_cells,
    mechanism_report,
    wrong_kinds,
    wrong_kinds_report,
)
from event_dates import (
    date_causes_report,
    date_false_distances,
    date_false_kinds,
    date_miss_kinds,
    dated_reports,
    text_ranges,
    text_times,
    window_sentence_kinds,
    window_sentence_report,
)
from event_nowhere import gazetteer_holding, nowhere_kinds, nowhere_report
from event_places import elsewhere_kinds, elsewhere_report, gazetteer_namesakes
from event_scoring import Score, SystemEvent, add_scores, in_window, near_any, score
from second_events import HumanScores, human_scores, second_annotation
from second_events import total as human_total

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpora" / "events-dev"


def intervals(result: Score, draws: int = 2000, seed: int = 0) -> dict[str, tuple[float, float]]:
    """95% intervals of recall, precision and category accuracy by a bootstrap over
    articles: ``draws`` resamples (with replacement, seeded, so the same run gives the same
    interval) of the scored articles, each figure computed from the resample's summed
    counts; the 2.5th and 97.5th percentiles. Articles, not events, are resampled because an
    article's events rise and fall together."""
    import random

    rows = list(result.by_article.values())
    if not rows:
        return {}
    rng = random.Random(seed)
    figures: dict[str, list[float]] = {"recall": [], "precision": [], "category": []}
    for _ in range(draws):
        r = m = c = p = pm = 0
        for row in rng.choices(rows, k=len(rows)):
            r, m, c, p, pm = r + row[0], m + row[1], c + row[2], p + row[3], pm + row[4]
        figures["recall"].append(m / r if r else 0.0)
        figures["precision"].append(pm / p if p else 0.0)
        figures["category"].append(c / m if m else 0.0)
    out = {}
    for name, values in figures.items():
        values.sort()
        out[name] = (values[int(0.025 * draws)], values[min(draws - 1, int(0.975 * draws))])
    return out


def paired_intervals(
    result: Score,
    before: Mapping[str, Sequence[int]],
    draws: int = 2000,
    seed: int = 0,
) -> dict[str, tuple[float, float, float]]:
    """The change of recall and precision from ``before`` (an earlier run's per-article
    counts, as ``--json`` writes them under ``"articles"``) to ``result``, with a 95%
    interval by a paired bootstrap: the same resampled articles are scored in both runs, so
    an article that did not change adds no noise. Returns ``{figure: (change, low, high)}``;
    only articles scored in both runs count."""
    import random

    ids = sorted(set(result.by_article) & set(before))
    if not ids:
        return {}
    pairs = [(tuple(before[i]), result.by_article[i]) for i in ids]

    def change(rows: Sequence[tuple[Sequence[int], Sequence[int]]]) -> tuple[float, float]:
        old = [sum(r[0][k] for r in rows) for k in range(5)]
        new = [sum(r[1][k] for r in rows) for k in range(5)]

        def ratio(c: Sequence[int], num: int, den: int) -> float:
            return c[num] / c[den] if c[den] else 0.0

        return (ratio(new, 1, 0) - ratio(old, 1, 0), ratio(new, 4, 3) - ratio(old, 4, 3))

    rng = random.Random(seed)
    drawn = [change(rng.choices(pairs, k=len(pairs))) for _ in range(draws)]
    point = change(pairs)
    out = {}
    for k, name in enumerate(("recall", "precision")):
        values = sorted(d[k] for d in drawn)
        lo, hi = values[int(0.025 * draws)], values[min(draws - 1, int(0.975 * draws))]
        out[name] = (point[k], lo, hi)
    return out


def paired_report(result: Score, before: Mapping[str, Sequence[int]]) -> str:
    """One line: the change from ``before`` and its paired 95% interval."""
    spans = paired_intervals(result, before)
    if not spans:
        return "--against: no article scored in both runs"
    body = "  ".join(f"{k} {d:+.3f} ({lo:+.3f} to {hi:+.3f})" for k, (d, lo, hi) in spans.items())
    return f"change from --against, paired 95% interval: {body}"


def interval_report(result: Score, draws: int = 2000) -> str:
    """One line: the 95% intervals of :func:`intervals`, for reading a change's size."""
    spans = intervals(result, draws)
    body = "  ".join(f"{k} {lo:.3f}-{hi:.3f}" for k, (lo, hi) in spans.items())
    return f"95% interval, bootstrap over {len(result.by_article)} articles: {body}"


#: Why a required gold event was missed (:func:`miss_causes`), in the order printed.
MISS_CAUSES = (
    "place named nowhere in the article",
    "place named, no event for the article",
    "place named, an event there on other dates",
    "place named, events elsewhere only",
)
#: What a false (event, article) pair got wrong (:func:`false_causes`), in the order printed.
FALSE_CAUSES = (
    "dates wrong, place right",
    "place wrong, dates right",
    "both wrong",
)


def miss_causes(
    result: Score,
    events: Sequence[SystemEvent],
    mentioned: Mapping[str, Sequence[Any]],
) -> dict[str, int]:
    """How many of ``result``'s missed required events fall in each of :data:`MISS_CAUSES`.
    ``mentioned`` maps an article id to the geometries of the places its mentions resolved
    to (every role): a gold place within tolerance of none of them was never named, as far
    as the geoparser could tell."""
    out = dict.fromkeys(MISS_CAUSES, 0)
    for by_cause in miss_causes_by_category(result, events, mentioned).values():
        for cause, n in by_cause.items():
            out[cause] += n
    return out


def miss_causes_by_category(
    result: Score,
    events: Sequence[SystemEvent],
    mentioned: Mapping[str, Sequence[Any]],
) -> dict[str, dict[str, int]]:
    """:func:`miss_causes` for each gold category of the missed required events (counts
    only: safe on unseen news), each category's causes in the order of :data:`MISS_CAUSES`."""
    by_article: dict[str, list[SystemEvent]] = {}
    for ev in events:
        for art in ev.articles:
            by_article.setdefault(art, []).append(ev)
    out: dict[str, dict[str, int]] = {}
    for docid, g in result.misses:
        counts = out.setdefault(g.get("category", "other"), dict.fromkeys(MISS_CAUSES, 0))
        counts[miss_cause(g, by_article.get(docid, []), mentioned.get(docid, ()))] += 1
    return out


def miss_cause(g: Mapping[str, Any], mine: Sequence[SystemEvent], mentioned: Sequence[Any]) -> str:
    """The cause of :data:`MISS_CAUSES` of the missed gold event ``g``, given its article's
    system events ``mine`` and the geometries its mentions resolved to ``mentioned``."""
    if not any(near_any(geom, g) for geom in mentioned):
        return MISS_CAUSES[0]
    if not mine:
        return MISS_CAUSES[1]
    if any(near_any(ev.geometry, g) for ev in mine):
        return MISS_CAUSES[2]
    return MISS_CAUSES[3]


def causes_by_category_report(by_category: Mapping[str, Mapping[str, int]]) -> str:
    """The counts of :func:`miss_causes_by_category` as a table: a row per gold category,
    a column per cause of :data:`MISS_CAUSES` (numbered as printed by
    :func:`causes_report`)."""
    head = "missed by gold category   " + " ".join(f"{n + 1:>5}" for n in range(len(MISS_CAUSES)))
    lines = [head]
    for category in CATEGORIES:
        counts = by_category.get(category)
        if counts:
            cells = " ".join(f"{counts[c]:>5}" for c in MISS_CAUSES)
            lines.append(f"  {category:<23} {cells}")
    return "\n".join(lines)


def false_causes(result: Score, gold: Mapping[str, Mapping[str, Any]]) -> dict[str, int]:
    """How many of ``result``'s false (event, article) pairs fall in each of
    :data:`FALSE_CAUSES`: near one of the article's gold events (required or optional) but
    outside its window, inside one's window but not near it, or neither."""
    out = dict.fromkeys(FALSE_CAUSES, 0)
    for docid, ev in result.false:
        out[false_cause(ev, gold.get(docid, {}).get("events", []))] += 1
    return out


def false_cause(ev: SystemEvent, golds: Sequence[Mapping[str, Any]]) -> str:
    """The cause of :data:`FALSE_CAUSES` of the false pair of ``ev`` and an article whose
    gold events (required or optional) are ``golds``."""
    if any(near_any(ev.geometry, g) for g in golds):
        return FALSE_CAUSES[0]
    if any(in_window(ev, g) for g in golds):
        return FALSE_CAUSES[1]
    return FALSE_CAUSES[2]


def cause_listing(
    result: Score,
    events: Sequence[SystemEvent],
    mentioned: Mapping[str, Sequence[Any]],
    gold: Mapping[str, Mapping[str, Any]],
) -> str:
    """Every missed required event and every false pair of ``result``, one a line, grouped by
    its cause (:data:`MISS_CAUSES`, :data:`FALSE_CAUSES`) as ``--causes`` counts them: what
    ``--show --causes`` prints on a readable set, to read the members of one cause without
    recomputing it (it prints gold text: never on a held-out set)."""
    by_article: dict[str, list[SystemEvent]] = {}
    for ev in events:
        for art in ev.articles:
            by_article.setdefault(art, []).append(ev)
    missed: dict[str, list[str]] = {c: [] for c in MISS_CAUSES}
    for docid, g in result.misses:
        cause = miss_cause(g, by_article.get(docid, []), mentioned.get(docid, ()))
        missed[cause].append(f"  {docid}  {_fmt_gold(g)}")
    false: dict[str, list[str]] = {c: [] for c in FALSE_CAUSES}
    for docid, ev in result.false:
        false[false_cause(ev, gold.get(docid, {}).get("events", []))].append(
            f"  {docid}  {_fmt_event(ev)}"
        )
    lines = ["== missed required events by cause"]
    for k, (cause, rows) in enumerate(missed.items(), 1):
        lines += [f"({k}) {cause} ({len(rows)})", *rows]
    lines.append("== false (event, article) pairs by cause")
    for cause, rows in false.items():
        lines += [f"{cause} ({len(rows)})", *rows]
    return "\n".join(lines)


def causes_report(misses: Mapping[str, int], false: Mapping[str, int]) -> str:
    """The counts of :func:`miss_causes` and :func:`false_causes` as lines of text (no
    article text, no gold text)."""
    lines = [f"missed required events by cause ({sum(misses.values())}):"]
    lines += [f"  {n:4d}  ({k}) {cause}" for k, (cause, n) in enumerate(misses.items(), 1)]
    lines.append(f"false (event, article) pairs by cause ({sum(false.values())}):")
    lines += [f"  {n:4d}  {cause}" for cause, n in false.items()]
    return "\n".join(lines)


#: The categories of the events guidelines, in the order :func:`confusion_report` prints.
CATEGORIES = (
    "conflict",
    "military",
    "diplomacy",
    "protest",
    "politics",
    "disaster",
    "crime",
    "other",
)


def confusion_report(result: Score) -> str:
    """The gold category (rows) against the system's (columns) of the matched required events,
    and each gold category's matched / required events, as lines of text: counts only (no
    article text, no gold text)."""
    seen = {c for pair in result.confusion for c in pair} | set(result.required_by_category)
    names = [*CATEGORIES, *sorted(seen - set(CATEGORIES))]
    lines = ["gold \\ system  " + " ".join(f"{c[:6]:>6}" for c in names) + "   matched/required"]
    for gold_category in names:
        row = [result.confusion.get((gold_category, c), 0) for c in names]
        required = result.required_by_category.get(gold_category, 0)
        cells = " ".join(f"{n if n else '.':>6}" for n in row)
        lines.append(f"{gold_category:<14} {cells}   {sum(row)}/{required}")
    return "\n".join(lines)


def system_events(frame: Any) -> list[SystemEvent]:
    """The scorer's view of an events table (a GeoDataFrame with the DESIGN.md columns)."""
    out = []
    for row in frame.itertuples(index=False):
        out.append(
            SystemEvent(
                id=row.id,
                title=row.title,
                category=row.category,
                place_name=row.place_name,
                start=date.fromisoformat(row.start),
                end=date.fromisoformat(row.end),
                geometry=row.geometry,
                articles=frozenset(s["article"] for s in row.sources),
            )
        )
    return out


def extract_corpus(
    corpus: Path, only: Iterable[str] = (), parser: Sequence[str] = ()
) -> tuple[Any, float, int]:
    """The events table of the corpus's articles, the seconds it took, and the article count
    (with the ``parser`` uses of :mod:`geo.parse_links`, none by default)."""
    result, seconds, n = corpus_extraction(corpus, only, parser)
    return result.events, seconds, n


def _learned_memory(
    gold: Mapping[str, Any], corpora: Path, into: Path, articles: Mapping[str, Any]
) -> Path:
    """The outlet memory (:mod:`geo.outlet_memory`) a run over the corpora's other articles
    of ``gold``'s outlets (:func:`outlet_siblings`, the set's own left out) writes: the file,
    in ``into``."""
    from event_sets import materialise, outlet_siblings

    siblings = {k: v for k, v in outlet_siblings(gold, articles).items() if k not in gold}
    archive = materialise({}, corpora, into, articles, siblings)
    memory = into / "outlet-memory.json"
    corpus_extraction(archive, outlet_memory=memory)
    return memory


def corpus_extraction(
    corpus: Path,
    only: Iterable[str] = (),
    parser: Sequence[str] = (),
    outlet_memory: Path | None = None,
) -> tuple[Any, float, int]:
    """Like :func:`extract_corpus`, with the whole :class:`geo.extraction.Extraction` (and
    the outlet memory file ``outlet_memory``, :mod:`geo.outlet_memory`, when given)."""
    from gazetteer import Gazetteer
    from geo import extract, read_articles

    paths = sorted((corpus / "articles").glob("*.md"))
    wanted = set(only)
    if wanted:
        paths = [p for p in paths if p.stem in wanted]
    articles = read_articles(paths, on_problem=lambda p: None)
    gazetteer = Gazetteer.default()
    t0 = time.perf_counter()
    result = extract(
        articles,
        gazetteer=gazetteer,
        on_problem=lambda p: None,
        parser=parser,
        outlet_memory=outlet_memory,
    )
    return result, time.perf_counter() - t0, len(articles)


def mention_texts(extraction: Any) -> dict[str, list[str]]:
    """Article id → the texts of its mentions (every role)."""
    out: dict[str, list[str]] = {}
    for row in extraction.mention_rows:
        out.setdefault(row["article"], []).append(row["text"])
    return out


def article_texts(extraction: Any) -> dict[str, str]:
    """Article id → its title (when it has one) and text."""
    return {a.id: f"{a.title or ''}\n{a.text}" for a in extraction.articles}


def mentioned_geometries(extraction: Any) -> dict[str, list[Any]]:
    """Article id → the geometries of the places its mentions resolved to."""
    out: dict[str, list[Any]] = {}
    for row, place in zip(extraction.mention_rows, extraction.mention_places, strict=True):
        out.setdefault(row["article"], []).append(place.geometry)
    return out


def speed_texts(corpora: Path) -> list[tuple[str, str, date | None]]:
    """(id, text, published) of the LGL and GeoWebNews articles (GWN has no date: a fixed
    day in its collection period stands in, so that events are dated and built)."""
    out: list[tuple[str, str, date | None]] = []
    for art in ET.parse(corpora / "lgl.xml").getroot().iter("article"):
        day = (art.findtext("dltime") or "")[:10]
        published = date.fromisoformat(day) if day else None
        out.append((f"lgl-{art.get('docid')}", art.findtext("text") or "", published))
    for art in ET.parse(corpora / "gwn.xml").getroot().iter("article"):
        out.append((f"gwn-{art.get('file')}", art.findtext("text") or "", date(2018, 1, 15)))
    return out


def speed_outlets(corpora: Path) -> dict[str, str]:
    """The outlet (``<domain>``) of each LGL article of :func:`speed_texts`, by id (GeoWebNews
    gives none)."""
    out: dict[str, str] = {}
    for art in ET.parse(corpora / "lgl.xml").getroot().iter("article"):
        domain = (art.findtext("domain") or "").strip()
        if domain:
            out[f"lgl-{art.get('docid')}"] = domain
    return out


def folder_texts(paths: Sequence[Path]) -> list[Any]:
    """The articles (:class:`geo.Article`) at ``paths`` (files, folders, globs: any input
    format ``geo`` reads), for ``--speed-texts``; unreadable files are left out silently."""
    from geo.readers import read_articles

    return read_articles(list(paths), on_problem=lambda problem: None)


#: What ``--warm`` extracts before the clock starts: one sentence with a trigger and a date
#: but no place name, so it pays the process's one-off costs (the recognizer's automaton,
#: the lexicon, the first use of the rules' patterns) and draws no area that a measured text
#: could read back.
WARM_UP_TEXT = "Officials said on Monday that the meeting was postponed after the storm."


def _time_tool(
    tool: str,
    corpora: Path,
    parser: Sequence[str] = (),
    folders: Sequence[Path] = (),
    warm: bool = False,
) -> dict[str, float]:
    """Run in a fresh process (see ``--speed-child``): load, then one pass over the texts
    (with the ``parser`` uses of :mod:`geo.parse_links`, whose model loads with the rest):
    LGL and GeoWebNews beside the corpus, or the articles of ``folders`` when given (read
    before the clock starts). With ``warm``, geo.extract first extracts
    :data:`WARM_UP_TEXT`, timed apart as ``warm_s`` (the steady rate of a long run)."""
    read = folder_texts(folders) if folders else None
    if read is not None:
        texts = [(a.id, a.text, a.published) for a in read]
    else:
        texts = speed_texts(corpora)
    t0 = time.perf_counter()
    if tool == "geotext":
        import geotext

        load = time.perf_counter() - t0
        t1 = time.perf_counter()
        for _, text, _ in texts:
            geotext.GeoText(text)
        run = time.perf_counter() - t1
        return {"articles": len(texts), "load_s": load, "run_s": run}
    from gazetteer import Gazetteer
    from geo import Article, extract

    gazetteer = Gazetteer.default()
    if parser:
        from geo.parse_links import check_uses

        check_uses(parser)  # loads the model
    if read is not None:
        articles = read
    else:
        outlets = speed_outlets(corpora)
        articles = [Article(id=i, text=t, published=p, outlet=outlets.get(i)) for i, t, p in texts]
    load = time.perf_counter() - t0
    warmed: dict[str, float] = {}
    if warm:
        c0 = time.process_time()
        extract(
            [Article(id="warm-up", text=WARM_UP_TEXT, published=date(2024, 1, 10))],
            gazetteer=gazetteer,
            on_problem=lambda p: None,
            parser=parser,
        )
        warmed["warm_s"] = time.process_time() - c0
    t1 = time.perf_counter()
    c1 = time.process_time()
    result = extract(articles, gazetteer=gazetteer, on_problem=lambda p: None, parser=parser)
    run = time.perf_counter() - t1
    cpu = time.process_time() - c1
    return {
        "articles": len(texts),
        "load_s": load,
        "run_s": run,
        "cpu_s": cpu,
        "events": len(result.events),
        **warmed,
    }


def speed(
    corpus: Path, parser: Sequence[str] = (), folders: Sequence[Path] = (), warm: bool = False
) -> str:
    """geo.extract and geotext on the same unseen texts (beside ``corpus``, or the articles
    of ``folders``), each in a fresh process; with ``parser`` uses, geo.extract with them
    too; with ``warm``, geo.extract's one-off costs paid first and shown apart."""
    lines = []
    runs = [("geotext", ()), ("geo.extract", ())]
    if parser:
        runs.append(("geo.extract", tuple(parser)))
    for tool, uses in runs:
        extra_args = ["--parser", ",".join(uses)] if uses else []
        extra_args += [a for f in folders for a in ("--speed-texts", str(f))]
        if warm and tool == "geo.extract":
            extra_args.append("--warm")
        done = subprocess.run(
            [sys.executable, __file__, "--speed-child", tool, "--corpus", str(corpus), *extra_args],
            check=True,
            capture_output=True,
            text=True,
        )
        f = json.loads(done.stdout)
        rate = f["articles"] / f["run_s"]
        extra = f", {f['events']} events" if "events" in f else ""
        if "cpu_s" in f:
            extra += f", CPU {f['cpu_s']:.1f} s = {f['articles'] / f['cpu_s']:.0f} articles/CPU-s"
        if "warm_s" in f:
            extra += f" (after one-offs of {f['warm_s']:.1f} CPU s, paid on a warm-up sentence)"
        name = f"{tool} --parser {','.join(uses)}" if uses else tool
        lines.append(
            f"{name:<12} {f['articles']} {'' if folders else 'unseen '}articles: "
            f"load {f['load_s']:.1f} s, "
            f"run {f['run_s']:.1f} s = {rate:.0f} articles/s{extra}"
        )
    return "\n".join(lines)


def _fmt_gold(g: Mapping[str, Any]) -> str:
    lat, lon = g["pt"]
    return (
        f"{g['category']:<9} {g['place']} ({lat:.2f},{lon:.2f} ±{g['tol_km']} km) "
        f"{g['window'][0]}..{g['window'][1]} | {g.get('evidence', g.get('what', ''))}"
    )


def _fmt_event(ev: SystemEvent) -> str:
    c = ev.geometry.representative_point()
    return (
        f"{ev.category:<9} {ev.title} @ {ev.place_name} ({c.y:.2f},{c.x:.2f}) {ev.start}..{ev.end}"
    )


def report(result: Score, events: Sequence[SystemEvent], show: bool) -> str:
    lines = []
    if show:
        by_article: dict[str, list[SystemEvent]] = {}
        for ev in events:
            for art in ev.articles:
                by_article.setdefault(art, []).append(ev)
        lines.append("== missed required events")
        for docid, g in result.misses:
            lines.append(f"{docid}  {_fmt_gold(g)}")
            for ev in by_article.get(docid, []):
                lines.append(f"           system: {_fmt_event(ev)}")
        lines.append("== false (event, article) pairs")
        for docid, ev in result.false:
            lines.append(f"{docid}  {_fmt_event(ev)}")
        lines.append("== matched with another category")
        for docid, g, ev in result.wrong_category:
            lines.append(f"{docid}  gold {g['category']}, system {ev.category}: {ev.title}")
        lines.append("== trap hits")
        for docid, ev, trap in result.traps:
            lines.append(f"{docid}  {_fmt_event(ev)} in trap {trap['name']}")
        lines.append("")
    f = result.figures()
    lines.append(
        f"recall {f['recall']:.3f} ({f['required_matched']}/{f['required']})  "
        f"precision {f['precision']:.3f} ({f['pairs_matched']}/{f['pairs']})  "
        f"F1 {f['f1']:.3f}  category {f['category_accuracy']:.3f} "
        f"({f['category_right']}/{f['required_matched']})  traps {f['trap_hits']}"
        + (f" ({f['trap_hits_matched']} by matched pairs)" if f["trap_hits_matched"] else "")
    )
    return "\n".join(lines)


def load_article_counts(path: Path) -> dict[str, list[int]]:
    """The per-article counts of a ``--json`` file: its ``"articles"``, or those of every
    set it holds (``--set`` runs write one block per set)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    blocks = [data] if "articles" in data else [v for v in data.values() if isinstance(v, dict)]
    out: dict[str, list[int]] = {}
    for block in blocks:
        out.update(block.get("articles", {}))
    return out


def _evaluate(
    name: str,
    corpus: Path,
    gold: Mapping[str, Any],
    args: argparse.Namespace,
    uses: Sequence[str],
    memory: Path | None = None,
) -> tuple[Score, HumanScores | None]:
    """Build ``corpus``'s articles (with the outlet memory ``memory``, when given), score them
    against ``gold`` (the set ``name``) and print what ``args`` asks; with ``--human``, also
    the set's second annotation's scores (None when it has none)."""
    extraction, seconds, n = corpus_extraction(corpus, args.article, uses, memory)
    events = system_events(extraction.events)
    result = score(gold, events)
    print(report(result, events, args.show))
    if args.causes:
        mentioned = mentioned_geometries(extraction)
        misses = miss_causes(result, events, mentioned)
        print(causes_report(misses, false_causes(result, gold)))
        if args.show:  # refused on held-out sets before any is built
            print(cause_listing(result, events, mentioned, gold))
        reports = dated_reports(extraction)
        print(
            date_causes_report(
                date_miss_kinds(result, events, reports, text_ranges(extraction)),
                date_false_kinds(result, gold, reports),
            )
        )
        times = text_times(extraction)
        kinds, distances = window_sentence_kinds(result, events, reports, times)
        print(
            window_sentence_report(
                kinds, distances, date_false_distances(result, gold, reports, times)
            )
        )
        print(causes_by_category_report(miss_causes_by_category(result, events, mentioned)))
        from gazetteer import Gazetteer

        namesakes = gazetteer_namesakes(Gazetteer.default())
        print(elsewhere_report(*elsewhere_kinds(result, events, gold, mentioned, namesakes)))
        print(
            nowhere_report(
                nowhere_kinds(
                    result,
                    mentioned,
                    mention_texts(extraction),
                    article_texts(extraction),
                    gazetteer_holding(Gazetteer.default()),
                )
            )
        )
    if args.confusion:
        print(confusion_report(result))
        result.category_cells.update(_mechanism_cells(extraction, gold, events))
        print(mechanism_report(result.category_cells))
        result.wrong_kinds.update(wrong_kinds(gold, events, _event_shapes(extraction)))
        print(wrong_kinds_report(result.wrong_kinds))
        result.choice_kinds.update(choice_kinds(gold, events, _without(extraction)))
        print(choice_report(result.choice_kinds))
        result.spot_kinds.update(spot_kinds(gold, events, extraction.event_list))
        print(spot_report(result.spot_kinds))
    if args.interval:
        print(interval_report(result))
    if args.against:
        print(paired_report(result, args.against))
    if args.agreement:
        agreed = _agreement(name, gold, result)
        print(
            agreed.report() if agreed.labelled else f"no second annotation of {name}'s categories"
        )
    human = None
    if args.human:
        second = second_annotation(name, corpus)
        if second is None:
            print(f"no second annotation of {name}'s events")
        else:
            human = human_scores(gold, second, events)
            print(human.report())
    print(f"{n} articles, {len(events)} events, extract {seconds:.1f} s ({n / seconds:.1f}/s)")
    return result, human


def _mechanism_cells(
    extraction: Any, gold: Mapping[str, Any], events: Sequence[SystemEvent]
) -> Counter[tuple[str, str, str]]:
    """The matched required events of ``gold`` by how their category was chosen
    (:mod:`category_mechanism`), and those a layer gave split by trigger type; counts only."""
    mechanisms = _mechanisms(extraction)
    cells = mechanism_cells(gold, events, mechanisms)
    layered = mechanism_cells(gold, events, layered_types(mechanisms, extraction.event_list))
    cells.update({key: n for key, n in layered.items() if key[0] != "?"})
    return cells


def _event_shapes(extraction: Any) -> dict[str, str]:
    """Event id → how each merged event was made (:func:`category_mechanism.event_shapes`)."""
    return event_shapes(_mechanisms(extraction), extraction.event_list)


def _without(extraction: Any) -> dict[str, tuple[str, str]]:
    """Event id → (the layer or cue that chose its category, the category without it)
    (:func:`category_choices.categories_without`)."""
    from geo.lexicon import load_lexicon

    defaults = {name: t.category for name, t in load_lexicon().types.items()}
    return categories_without(extraction.event_list, _mechanisms(extraction), defaults)


def _mechanisms(extraction: Any) -> dict[str, str]:
    """Event id → how each merged event's category was chosen
    (:func:`category_mechanism.event_mechanisms`, against the lexicon's own categories)."""
    from geo.lexicon import load_lexicon

    defaults = {name: t.category for name, t in load_lexicon().types.items()}
    return event_mechanisms(extraction.event_list, defaults)


def _agreement(name: str, gold: Mapping[str, Any], result: Score) -> Agreement:
    """The set ``name``'s category agreement counts (:mod:`category_agreement`)."""
    return agreement(gold, load_second().get(name, {}), result.matched_categories)


def _score_sets(names: Sequence[str], args: argparse.Namespace, uses: Sequence[str]) -> int:
    """Score the gold sets of :mod:`event_sets` named (``held-out``: every held-out one),
    each rebuilt from the corpora in a temporary folder; then their total."""
    import tempfile

    from event_sets import SETS, corpus_articles, load_gold, materialise, outlet_siblings

    held_out = [n for n, s in SETS.items() if s.held_out]
    chosen = list(
        dict.fromkeys(n for name in names for n in (held_out if name == "held-out" else [name]))
    )
    unknown = [n for n in chosen if n not in SETS]
    if unknown:
        print(f"no such set: {', '.join(unknown)} (sets: {', '.join(SETS)})", file=sys.stderr)
        return 2
    if args.show and any(SETS[n].held_out for n in chosen):
        print("--show prints text: not on a held-out set (use --causes)", file=sys.stderr)
        return 2
    corpora = args.corpus.parent
    articles = corpus_articles(corpora)
    results = []
    humans: list[HumanScores] = []
    agreed = Agreement()
    with tempfile.TemporaryDirectory() as tmp:
        for name in chosen:
            kind = "held-out" if SETS[name].held_out else "tuning"
            print(f"== {name} ({kind}: {SETS[name].about})")
            gold = load_gold(name)
            if args.article:
                gold = {k: v for k, v in gold.items() if k in set(args.article)}
            extra = outlet_siblings(gold, articles) if args.archive or args.memory else {}
            memory = None
            if args.memory:
                memory = _learned_memory(gold, corpora, Path(tmp) / f"{name}-archive", articles)
                print(f"   alone, with an outlet memory of {len(extra)} other articles (--memory)")
                extra = {}
            elif extra:
                print(f"   with {len(extra)} other articles of the same outlets (--archive)")
            corpus = materialise(gold, corpora, Path(tmp) / name, articles, extra)
            result, human = _evaluate(name, corpus, gold, args, uses, memory)
            results.append(result)
            if human is not None:
                humans.append(human)
            if args.agreement:
                agreed.add(_agreement(name, gold, results[-1]))
    if len(results) > 1:
        print("== total of " + ", ".join(chosen))
        total = add_scores(results)
        print(report(total, [], False))
        if args.confusion:
            print(confusion_report(total))
            print(mechanism_report(total.category_cells))
            print(wrong_kinds_report(total.wrong_kinds))
            print(choice_report(total.choice_kinds))
            print(spot_report(total.spot_kinds))
        if args.interval:
            print(interval_report(total))
        if args.against:
            print(paired_report(total, args.against))
        if args.agreement:
            print(agreed.report())
        if len(humans) > 1:
            print(human_total(humans).report())
    if args.json:
        figures = {n: r.figures() for n, r in zip(chosen, results, strict=True)}
        args.json.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument(
        "--set",
        action="append",
        default=[],
        help="score a gold set of benchmarks/event_gold (a name, or held-out for all held-out "
        "sets) instead of --corpus, its articles rebuilt from the corpora beside events-dev",
    )
    parser.add_argument("--show", action="store_true", help="print every miss and false event")
    parser.add_argument(
        "--causes",
        action="store_true",
        help="count misses and false events by cause (no text printed: safe on unseen news); "
        "with --show, also list each miss and false pair under its cause",
    )
    parser.add_argument(
        "--confusion",
        action="store_true",
        help="gold against system category of matched events (counts only: safe on unseen news)",
    )
    parser.add_argument(
        "--archive",
        action="store_true",
        help="with --set: extract each article beside the corpora's other articles of its "
        "outlet (as an archive's run would); only the set's articles are scored",
    )
    parser.add_argument(
        "--memory",
        action="store_true",
        help="with --set: extract the corpora's other articles of each set's outlets into an "
        "outlet memory first, then the set alone with it (a daily run after an archive's)",
    )
    parser.add_argument(
        "--interval",
        action="store_true",
        help="95%% intervals of the figures by a bootstrap over articles (counts only)",
    )
    parser.add_argument(
        "--against",
        type=Path,
        help="a --json file of an earlier run: print the change and its paired 95%% interval",
    )
    parser.add_argument(
        "--agreement",
        action="store_true",
        help="category agreement of a second, blind annotation with the gold and the system "
        "(counts only)",
    )
    parser.add_argument(
        "--human",
        action="store_true",
        help="score a set's second, independent annotation against its gold, both ways, and "
        "the system against it: the human ceiling (counts only)",
    )
    parser.add_argument("--json", type=Path, help="write the figures to this file")
    parser.add_argument("--article", nargs="*", default=(), help="only these docids")
    parser.add_argument("--speed", action="store_true", help="also time extract on LGL+GWN")
    parser.add_argument(
        "--speed-texts",
        type=Path,
        action="append",
        default=[],
        metavar="DIR",
        help="time extract (and geotext) on the articles of DIR instead (a folder, file or "
        "glob of any input format; may be given several times), as --speed does, and "
        "score nothing",
    )
    parser.add_argument(
        "--parser",
        default="",
        help="comma-separated uses of the optional parser pass (geo.parse_links: link,generic)",
    )
    parser.add_argument(
        "--warm",
        action="store_true",
        help="with --speed or --speed-texts: pay geo.extract's one-off costs on a placeless "
        "warm-up sentence first and show them apart (the steady rate of a long run)",
    )
    parser.add_argument("--speed-child", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    uses = tuple(u for u in args.parser.split(",") if u)
    if args.against:
        args.against = load_article_counts(args.against)
    if args.speed_child:
        timed = _time_tool(
            args.speed_child, args.corpus.parent, uses, args.speed_texts, warm=args.warm
        )
        print(json.dumps(timed))
        return 0
    if args.speed_texts:
        print(speed(args.corpus, uses, args.speed_texts, warm=args.warm))
        return 0
    if args.set:
        return _score_sets(args.set, args, uses)
    gold_path = args.corpus / "gold.json"
    if not gold_path.is_file():
        print(f"no gold at {gold_path}", file=sys.stderr)
        return 2
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    if args.article:
        gold = {k: v for k, v in gold.items() if k in set(args.article)}
    result, _ = _evaluate(args.corpus.name, args.corpus, gold, args, uses)
    if args.speed:
        print(speed(args.corpus, uses, warm=args.warm))
    if args.json:
        args.json.write_text(json.dumps(result.figures(), indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
