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
import re
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
        EventSet("h29", True, "60 articles (30 GWN, 30 LGL), annotated blind"),
        EventSet("h30", True, "60 articles (30 GWN, 30 LGL), annotated blind"),
        EventSet("h31", True, "60 articles (30 GWN, 30 LGL), annotated blind, twice"),
        EventSet("t31", False, "60 LGL articles, annotated blind, for tuning"),
        EventSet("h34", True, "60 LGL articles, annotated blind"),
        EventSet("t34", False, "60 LGL articles, annotated blind, for tuning"),
        EventSet("t34b", False, "60 LGL articles, annotated blind, for tuning"),
        EventSet("t34c", False, "60 LGL articles, annotated blind, for tuning"),
        EventSet("h34b", True, "45 articles (42 LGL, 3 GWN), annotated blind"),
    )
}


@dataclass(frozen=True)
class CorpusArticle:
    """The corpus's fields of one article."""

    title: str
    outlet: str
    url: str
    text: str
    #: the publication day the corpus tells (LGL's download time, a day in a GeoWebNews
    #: address), ISO; "" when it tells none
    dated: str = ""


def _url_day(url: str) -> str:
    """The day a web address holds ("/2018/03/29/", "20180329"), ISO, or ""."""
    m = re.search(r"(20\d\d)[/-]?(0[1-9]|1[0-2])[/-]?([0-3]\d)(?!\d)", url)
    return f"{m[1]}-{m[2]}-{m[3]}" if m else ""


def corpus_articles(corpora: Path) -> dict[str, CorpusArticle]:
    """Every LGL and GeoWebNews article of ``corpora``, by the ids the gold uses."""
    out: dict[str, CorpusArticle] = {}
    for art in ET.parse(corpora / "lgl.xml").getroot().iter("article"):
        out[f"lgl-{art.get('docid')}"] = CorpusArticle(
            title=art.findtext("title") or "",
            outlet=(art.findtext("domain") or "").strip(),
            url=art.findtext("url") or "",
            text=art.findtext("text") or "",
            dated=(art.findtext("dltime") or "")[:10],
        )
    for art in ET.parse(corpora / "gwn.xml").getroot().iter("article"):
        link = art.findtext("link") or ""
        out[f"gwn-{art.get('file')}"] = CorpusArticle(
            title=art.findtext("title") or "",
            outlet=urlparse(link).netloc,
            url=link,
            text=art.findtext("text") or "",
            dated=_url_day(link),
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


def outlet_siblings(
    gold: Mapping[str, Any], articles: Mapping[str, CorpusArticle]
) -> dict[str, str]:
    """The other articles of the corpora from the outlets of ``gold``'s articles, with the
    publication day the corpus tells (those it tells none are left out): what a newsroom's
    archive holds beside each article (``--archive`` of :mod:`bench_events`)."""
    outlets = {articles[k].outlet for k in gold if k in articles and articles[k].outlet}
    return {
        k: a.dated
        for k, a in sorted(articles.items())
        if a.outlet in outlets and k not in gold and a.dated
    }


def materialise(
    gold: Mapping[str, Any],
    corpora: Path,
    into: Path,
    articles: Mapping[str, CorpusArticle],
    extra: Mapping[str, str] | None = None,
) -> Path:
    """Write ``gold``'s articles (from ``articles``, read from ``corpora``) and the gold into
    ``into`` in the ``events-dev`` layout; return ``into``. ``extra`` maps more docids to
    their publication days: articles written beside them that the gold does not score
    (:func:`outlet_siblings`). Raises KeyError naming a docid the corpora do not hold."""
    folder = into / "articles"
    folder.mkdir(parents=True, exist_ok=True)
    days = {docid: entry["published"] for docid, entry in gold.items()}
    days.update(extra or {})
    for docid, published in days.items():
        if docid not in articles:
            raise KeyError(f"{docid}: no such article in {corpora}")
        text = article_markdown(articles[docid], published)
        (folder / f"{docid}.md").write_text(text, encoding="utf-8")
    (into / "gold.json").write_text(json.dumps(gold, indent=1) + "\n", encoding="utf-8")
    return into
