"""Event-gold sets of LGL and GeoWebNews articles, kept as gold only and rebuilt on demand.

The hand-made event gold of :mod:`bench_events` beyond ``events-dev`` lives in
``benchmarks/event_gold/NAME.json`` (``{docid: {"published", "title", "events", "absent"}}``,
the format of ``events-dev/gold.json`` without the ``evidence`` quotes). The articles
themselves are not in the repository (the corpora are GPL-3.0): :func:`materialise` writes
them from ``lgl.xml`` and ``gwn.xml`` in ``../shared/corpora`` into a folder of the
``events-dev`` layout (``articles/DOCID.md`` with front matter, and ``gold.json``), which
``bench_events.py --corpus`` scores. Article ids are ``lgl-DOCID`` (``<article docid=…>``)
and ``gwn-N`` (``<article file="N">``). The publication day comes from the gold: the
annotators took it from ``<dltime>`` for LGL and from the URL or the text for GeoWebNews,
which gives none.

Each set is either ``held-out`` (scored as counts only: never print its misses, its false
events or its text, so that it keeps measuring news the rules were not written on) or
``tuning`` (its misses may be read). :data:`SETS` says which; ``event_gold/README.md`` says
how each was drawn and annotated.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

GOLD_DIR = Path(__file__).resolve().parent / "event_gold"


@dataclass(frozen=True)
class EventSet:
    """One gold file: its name, whether it may be read, and how it was made."""

    name: str
    held_out: bool
    about: str

    @property
    def gold_path(self) -> Path:
        return GOLD_DIR / f"{self.name}.json"


#: The sets, by name. Held-out sets are scored as counts only.
SETS: dict[str, EventSet] = {
    s.name: s
    for s in (
        EventSet("h27a", True, "60 articles (30 GWN, 30 LGL), annotated blind"),
        EventSet("h27b", True, "60 articles (30 GWN, 30 LGL), annotated blind"),
        EventSet("t27", False, "40 articles (20 GWN, 20 LGL), annotated blind, for tuning"),
        EventSet("t28", False, "60 articles (20 GWN, 40 LGL), annotated blind, for tuning"),
    )
}


@dataclass(frozen=True)
class CorpusArticle:
    """The corpus's fields of one article."""

    title: str
    outlet: str
    url: str
    text: str


def corpus_articles(corpora: Path) -> dict[str, CorpusArticle]:
    """Every LGL and GeoWebNews article of ``corpora``, by the ids the gold uses."""
    out: dict[str, CorpusArticle] = {}
    for art in ET.parse(corpora / "lgl.xml").getroot().iter("article"):
        out[f"lgl-{art.get('docid')}"] = CorpusArticle(
            title=art.findtext("title") or "",
            outlet=(art.findtext("domain") or "").strip(),
            url=art.findtext("url") or "",
            text=art.findtext("text") or "",
        )
    for art in ET.parse(corpora / "gwn.xml").getroot().iter("article"):
        link = art.findtext("link") or ""
        out[f"gwn-{art.get('file')}"] = CorpusArticle(
            title=art.findtext("title") or "",
            outlet=urlparse(link).netloc,
            url=link,
            text=art.findtext("text") or "",
        )
    return out


def load_gold(name: str) -> dict[str, Any]:
    """The gold of set ``name`` (a key of :data:`SETS`)."""
    data: dict[str, Any] = json.loads(SETS[name].gold_path.read_text(encoding="utf-8"))
    return data


def article_markdown(article: CorpusArticle, published: str) -> str:
    """The article as ``.md`` with the front matter :func:`geo.read_articles` reads."""
    front = [
        "---",
        f"title: {json.dumps(article.title)}",
        f"outlet: {json.dumps(article.outlet)}",
        f"published: {published}",
        f"url: {json.dumps(article.url)}",
        "---",
    ]
    return "\n".join(front) + "\n" + article.text.strip() + "\n"


def materialise(
    gold: Mapping[str, Any], corpora: Path, into: Path, articles: Mapping[str, CorpusArticle]
) -> Path:
    """Write ``gold``'s articles (from ``articles``, read from ``corpora``) and the gold into
    ``into`` in the ``events-dev`` layout; return ``into``. Raises KeyError naming a docid the
    corpora do not hold."""
    folder = into / "articles"
    folder.mkdir(parents=True, exist_ok=True)
    for docid, entry in gold.items():
        if docid not in articles:
            raise KeyError(f"{docid}: no such article in {corpora}")
        text = article_markdown(articles[docid], entry["published"])
        (folder / f"{docid}.md").write_text(text, encoding="utf-8")
    (into / "gold.json").write_text(json.dumps(gold, indent=1) + "\n", encoding="utf-8")
    return into
