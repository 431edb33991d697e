"""Articles → the events and mentions tables (the contract of DESIGN.md and layers.schema).

The one public way to extract: :func:`extract`, from articles or from paths.

>>> from geo import extract, sample_paths
>>> result = extract(sample_paths())
>>> list(result.events.columns)[:3]
['id', 'title', 'category']
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from geo.errors import GeoError
from geo.events import detect_events
from geo.geoparse import analyze
from geo.merge import Event, merge_reports
from geo.model import Article
from geo.outlet_country import outlet_country
from geo.outlet_memory import Remembered, ballots, recall_outlets, remember_outlets
from geo.outlet_towns import outlet_prior, own_town, settled_town, shared_town_prior
from geo.outlets import COUNTRY_PREFIX, OutletPriors, home_place, needs_prior
from geo.problems import Problem, ProblemSink, sink_or_log
from geo.reports import EventReport
from geo.spool import MentionSpool
from layers.schema import EVENT_COLUMNS, MENTION_COLUMNS, OPTIONAL_EVENT_COLUMNS

if TYPE_CHECKING:
    import geopandas as gpd

__all__ = [
    "ArticleResult",
    "Extraction",
    "assemble",
    "event_rows",
    "events_frame",
    "extract",
    "extract_article",
    "mentions_frame",
    "outlet_priors",
    "spooled",
    "unique_articles",
]

CRS = "EPSG:4326"
#: The kinds of place whose names :attr:`ArticleResult.named_towns` keeps.
_NAMED_TOWN_KINDS = frozenset({"city", "town"})


@dataclass(frozen=True, slots=True, eq=False)
class Extraction:
    """The two tables: ``events`` (EVENT_COLUMNS + derivation, notes + geometry) and
    ``mentions`` (MENTION_COLUMNS + geometry), both GeoDataFrames in EPSG:4326; the
    ``articles`` they came from, and the merged events as objects (``event_list``).

    Both tables are built the first time they are read. The events table comes from
    ``event_list`` (:func:`events_frame`): a caller that writes the events as text
    (``geo extract``, :func:`event_rows` and :func:`layers.tableformats.rows_text`) never
    builds it, nor imports pandas and geopandas. The mentions table comes from the rows kept
    in ``spool`` (:class:`geo.spool.MentionSpool`: on disk in pieces for a corpus of many
    articles): it holds the outline of every place mentioned, and a caller that writes only
    the events never reads the rows back nor has those areas drawn (see
    :class:`gazetteer.place.LazyPlace`)."""

    #: Every article's mention rows and places, held in pieces on disk for a large corpus.
    spool: MentionSpool = field(default_factory=lambda: MentionSpool(None), repr=False)
    event_list: tuple[Event, ...] = ()
    articles: tuple[Article, ...] = ()
    _built: list[gpd.GeoDataFrame] = field(default_factory=list, repr=False)
    _events: list[gpd.GeoDataFrame] = field(default_factory=list, repr=False)

    @property
    def events(self) -> gpd.GeoDataFrame:
        """The events table (built once, on first use, from :attr:`event_list`)."""
        if not self._events:
            self._events.append(events_frame(self.event_list))
        return self._events[0]

    @property
    def mention_rows(self) -> list[dict[str, Any]]:
        """The mention rows in article order (read back from the spool at each call)."""
        return self.spool.read()[0]

    @property
    def mention_places(self) -> list[Any]:
        """The place of each of :attr:`mention_rows` (read back at each call)."""
        return self.spool.read()[1]

    @property
    def mentions(self) -> gpd.GeoDataFrame:
        """The mentions table (built once, on first use)."""
        if not self._built:
            rows, places = self.spool.read()
            self._built.append(mentions_frame(rows, [place.geometry for place in places]))
        return self._built[0]


def extract(
    source: Sequence[Article] | Sequence[str | Path] | str | Path,
    *,
    gazetteer: Any = None,
    on_problem: ProblemSink | None = None,
    on_progress: Callable[[int, int], None] | None = None,
    parser: Sequence[str] = (),
    outlet_memory: str | Path | None = None,
) -> Extraction:
    """Find, date and merge the events of ``source``; also list every place mention.

    ``source`` is a sequence of :class:`Article` or of paths (files, folders, globs: read by
    :func:`geo.read_articles`; an empty sequence of paths is no articles). An article that
    cannot be read or processed is reported to ``on_problem`` (logged when ``None``) and
    skipped; ``on_progress(done, total)`` is called after each article. Events sort by start
    date, title and id; mentions by article and offset. ``parser`` names the uses of the
    optional dependency-parser pass (:mod:`geo.parse_links`, ``"link"``, ``"generic"``;
    spaCy and its model must be installed); none by default. ``outlet_memory`` is an outlet
    memory file (:mod:`geo.outlet_memory`): its ballots help find the outlets' homes, and
    the batch's are added to it (a file that cannot be read is a problem, left as it is).
    """
    sink = sink_or_log(on_problem)
    if parser:
        from geo.parse_links import check_uses

        check_uses(parser)  # before any article: a missing model is one error, not one per article
    articles = _articles(source, sink)
    if gazetteer is None:
        from gazetteer import Gazetteer

        gazetteer = Gazetteer.default()
    total = len(articles)

    def results() -> Iterator[ArticleResult | None]:
        seen: set[str] = set()
        for done, article in enumerate(articles, start=1):
            if on_progress is not None and done > 1:
                on_progress(done - 1, total)
            if article.id in seen:
                yield None  # a later copy of an id gives no result
            else:
                seen.add(article.id)
                yield extract_article(article, gazetteer, parser=parser)

    # each result's mentions go to the spool as it comes (to disk for a large corpus)
    spool = MentionSpool(gazetteer)
    remembered = recall_outlets(outlet_memory, sink)
    done = [spooled(spool, n, result) for n, result in enumerate(results())]
    fresh = ballots(articles, done) if remembered is not None else []
    priors = outlet_priors(articles, done, gazetteer, remembered or ())
    for n, prior in priors.items():  # a second pass, few articles
        again = extract_article(articles[n], gazetteer, prior=prior, parser=parser)
        done[n] = spooled(spool, n, again, again=True)
    if remembered is not None:
        remember_outlets(outlet_memory, remembered, fresh, sink)
    extraction = assemble(articles, done, gazetteer=gazetteer, on_problem=sink, spool=spool)
    if on_progress is not None and total:
        on_progress(total, total)
    return extraction


def _articles(
    source: Sequence[Article] | Sequence[str | Path] | str | Path, sink: ProblemSink
) -> list[Article]:
    if isinstance(source, str | Path):
        source = [source]
    if any(not isinstance(a, Article) for a in source):
        from geo.readers import read_articles

        return read_articles(list(source), on_problem=sink)
    return list(source)  # type: ignore[arg-type]


@dataclass(frozen=True, slots=True)
class ArticleResult:
    """What one article gives: its event ``reports``, its place mentions (``mentions`` rows
    of MENTION_COLUMNS and their ``places``, whose outlines are drawn when first read), and
    the ``problems`` found on the way. It pickles, so it can come back from another process
    (pickling a place draws its outline there)."""

    reports: tuple[EventReport, ...] = ()
    mentions: tuple[dict[str, Any], ...] = ()
    places: tuple[Any, ...] = ()
    problems: tuple[Problem, ...] = ()
    #: The article's own first-level division votes (id, votes), evidence divisions (ids)
    #: and the divisions of the places an outlet prior could re-place (ids;
    #: :mod:`geo.outlets`, :class:`geo.recognize.Resolution`).
    votes: tuple[tuple[str, float], ...] = ()
    evidence: tuple[str, ...] = ()
    movable: tuple[str, ...] = ()
    #: The names of those places as the text writes them (:attr:`geo.toponyms.Resolution.towns`).
    towns: tuple[str, ...] = ()
    #: The article's vote for its outlet's home country (ISO code; :mod:`geo.outlets`).
    country: str | None = None
    #: The names of every city and town the article names as a place, as the text writes
    #: them: near them the outlet's own town is looked for when the article has no dated
    #: report and no place a home would move (:func:`outlet_priors`).
    named_towns: tuple[str, ...] = ()
    #: The division the article's own towns lying together gave it as its home (id;
    #: :attr:`geo.geoparse.Analysis.own_home`).
    own_home: str | None = None


def spooled(
    spool: MentionSpool, position: int, result: ArticleResult | None, *, again: bool = False
) -> ArticleResult | None:
    """``result`` without its mentions, which go to ``spool`` under ``position`` (the
    article's in the corpus; ``again``: in place of the mentions it had there before)."""
    if result is None:
        return None
    spool.add(position, (result.mentions, result.places), again=again)
    if not result.mentions and not result.places:
        return result
    return replace(result, mentions=(), places=())


def unique_articles(articles: Sequence[Article]) -> list[Article]:
    """``articles`` without the later copies of an id (:func:`assemble` reports those)."""
    seen: set[str] = set()
    out = []
    for a in articles:
        if a.id not in seen:
            seen.add(a.id)
            out.append(a)
    return out


#: What separates a title put before the text from it: a paragraph break, so that the title
#: is a headline of its own (a first line without a full stop; see geo.timeline).
TITLE_BREAK = "\n\n"
#: A full stop, question or exclamation mark that ends a title, before closing quotes.
_CLOSING_STOP = re.compile(r"[.!?…:;,]+\s*\Z")
#: Quote marks (an apostrophe inside a word stays: "Don’t", "Raggi's").
_QUOTE_MARKS = re.compile(r"[\"“”«»„]|(?<!\w)['‘’]|['‘’](?!\w)")


def headed_text(article: Article) -> tuple[str, int]:
    """The text events are read from, and where the article's own text begins in it: the
    article's title as a headline line before its text, when it has a title that its text does
    not already open with (a markdown front matter's title, a feed item's headline), so that
    the headline's happening and place count as the story's ("Cairns dengue outbreak …"); else
    the text itself and 0. Offsets into the article's text are those into this one, less the
    second value."""
    title = " ".join((article.title or "").split())
    if not title or _opens_with(article.text, title):
        return article.text, 0
    # a headline ends without a full stop or a closing quote, and its quote marks must not
    # pair with the text's: "… shouting ‘Don’t forget Aleppo!’" would read as the lead
    prefix = _CLOSING_STOP.sub("", _QUOTE_MARKS.sub("", title)).rstrip() + TITLE_BREAK
    return prefix + article.text, len(prefix)


#: A first line sharing this share of its words with the title (Jaccard) is the title
#: already: "Storm hits coast | The Daily" as the page title, "Storm hits coast" as the h1.
SAME_TITLE = 0.5
_TITLE_WORDS = re.compile(r"\w+")


def _opens_with(text: str, title: str) -> bool:
    """True when ``text`` opens with ``title``, word for word or nearly (a page title with
    the outlet's name, an h1 without it)."""
    if " ".join(text[: len(title) * 2].split()).startswith(title):
        return True
    first = text.lstrip().split("\n", 1)[0]
    a = {w.lower() for w in _TITLE_WORDS.findall(first)}
    b = {w.lower() for w in _TITLE_WORDS.findall(title)}
    return bool(a and b) and len(a & b) / len(a | b) >= SAME_TITLE


def outlet_priors(
    articles: Sequence[Article],
    results: Sequence[ArticleResult | None],
    gazetteer: Any = None,
    remembered: Sequence[Remembered] = (),
) -> dict[int, str]:
    """The articles (by index) an outlet prior re-places, with the prior's division id: the
    division the outlet's *other* articles of the batch are clearly at home in
    (:class:`geo.outlets.OutletPriors`, from each result's ``votes``), for an article with
    no home of its own and a place the prior would move (:func:`geo.outlets.needs_prior`;
    the prior is then its home, or evidence beside the divisions it names). ``results[n]``
    is that of ``articles[n]`` (``None`` for a later copy of an id). An outlet the batch
    teaches no home is at home in the country its web address tells
    (:func:`geo.outlet_country.country_prior`). With ``gazetteer``, an outlet with
    no home division may have the one of the town its name opens with
    (:func:`geo.outlet_towns.outlet_prior`). ``remembered`` are ballots of earlier runs
    (:mod:`geo.outlet_memory`), counted beside the batch's, but not those of an article of
    the batch (its fresh ballot counts, and is left out of its own prior)."""
    priors = OutletPriors()
    ids = {a.id for a in articles}
    for k, ballot in enumerate(remembered):
        if ballot.article not in ids:
            priors.add(("memory", k), ballot.outlet, dict(ballot.votes), ballot.country)
    for n, (article, result) in enumerate(zip(articles, results, strict=True)):
        if result is not None and article.outlet is not None:
            priors.add(n, article.outlet, dict(result.votes), result.country)
    out: dict[int, str] = {}
    for n, (article, result) in enumerate(zip(articles, results, strict=True)):
        if result is None:
            continue
        unplaced = _unplaced(article, result, gazetteer)
        bare = _undated(result, gazetteer)
        if not (result.movable or unplaced or bare):
            continue
        # a local story with no dated report whose towns have no namesake to move ("Pataskala"
        # in the Newark Advocate): the outlet's town is looked for near the towns it names
        towns = result.towns or (result.named_towns if unplaced else ())
        prior = outlet_prior(
            priors,
            gazetteer,
            n,
            article.outlet,
            article.url,
            towns=towns,
            own_home=result.own_home,
        )
        if prior is None and bare and result.named_towns:
            prior = shared_town_prior(
                gazetteer, result.named_towns, priors.shares(n, article.outlet)
            )
        if prior is None:
            continue
        if needs_prior(prior, result.movable) or (
            unplaced
            and settled_town(gazetteer, article.outlet, home_place(gazetteer, prior), article.url)
            is not None
        ):
            out[n] = prior
        elif bare and not prior.startswith(COUNTRY_PREFIX):
            # "Chicopee residents met with officials …" in masslive.com: a story with no dated
            # report whose lone town the text never anchors is the outlet's home's namesake
            # (geo.lead_place._anchored), though the home moves none of its places
            out[n] = prior
    return out


def _undated(result: ArticleResult, gazetteer: Any) -> bool:
    """Whether ``result`` holds no dated report (with a gazetteer to resolve it again): the
    outlet's home division may anchor the town of its lead (:func:`geo.lead_place.lead_place`)."""
    return gazetteer is not None and not any(r.date_source != "none" for r in result.reports)


def _unplaced(article: Article, result: ArticleResult, gazetteer: Any) -> bool:
    """Whether ``result`` holds no dated report while the article's outlet names a town:
    its home division may settle that town as the place of a local story that names none
    (:func:`geo.outlet_towns.settled_town`, :func:`geo.lead_event.lead_report`)."""
    if gazetteer is None or any(r.date_source != "none" for r in result.reports):
        return False
    return own_town(gazetteer, article.outlet, article.url) is not None


def extract_article(
    article: Article, gazetteer: Any, prior: str | None = None, *, parser: Sequence[str] = ()
) -> ArticleResult:
    """The places, dates and event reports of one article; never raises for bad text (an
    article that cannot be processed gives a problem and nothing else). The result depends
    on the article, the gazetteer, ``prior`` and the ``parser`` uses (:func:`extract`) only,
    so articles can be processed in any order and in any process. ``prior`` is the id of the
    division the article's outlet is at home in (:func:`outlet_priors`), used when the
    article names none of its own."""
    from gazetteer import GazetteerError

    text, offset = headed_text(article)
    try:
        home = home_place(gazetteer, prior)
        town = own_town(gazetteer, article.outlet, article.url)
        analysis = analyze(
            text,
            article.published,
            gazetteer=gazetteer,
            prior=home,
            own_town=town,
            title=article.title,
        )
        found = detect_events(
            text,
            analysis.recognized,
            analysis.timeline,
            article=article.id,
            gazetteer=gazetteer,
            home_country=outlet_country(article.outlet, article.url),
            home=home,
            own_town=settled_town(gazetteer, article.outlet, home, article.url),
        )
        if parser:
            from geo.parse_links import parser_reports

            found += parser_reports(
                text,
                analysis.recognized,
                analysis.timeline,
                found,
                uses=parser,
                article=article.id,
            )
            found.sort(key=lambda r: (r.char_start, r.sentence_start, r.type.name))
    except (GeoError, GazetteerError, ValueError) as exc:
        return ArticleResult(problems=(Problem(article.id, f"could not extract places: {exc}"),))
    rows: list[dict[str, Any]] = []
    places: list[Any] = []
    undated = 0
    # one pair of date strings per distinct date: an article's mentions share a few dates,
    # and a client holding every article's rows holds them once (about 1 kB an article)
    isos: dict[Any, tuple[str | None, str | None]] = {}
    for m in analysis.mentions:
        if m.char_start < offset:
            continue  # a place of the title, which is not in the article's text
        if m.dates is None:
            undated += 1
        iso = isos.get(m.dates)
        if iso is None:
            iso = isos[m.dates] = m.dates.iso() if m.dates else (None, None)
        start, end = iso
        rows.append(
            {
                "article": article.id,
                "char_start": m.char_start - offset,
                "char_end": m.char_end - offset,
                "text": m.text,
                "sentence": m.sentence,
                "place_id": m.place_id,
                "place_name": m.place_name,
                "place_kind": m.place_kind,
                "start": start,
                "end": end,
                "date_precision": m.dates.precision if m.dates else None,
                "role": m.role,
            }
        )
        places.append(m.place)
    problems: tuple[Problem, ...] = ()
    if undated and article.published is None:
        problems = (
            Problem(
                article.id,
                f"no publication date: {undated} place mentions have no date and their "
                "events are left out; give the article a date",
            ),
        )
    return ArticleResult(
        tuple(found),
        tuple(rows),
        tuple(places),
        problems,
        votes=tuple((k, v) for k, (v, _) in analysis.votes.items()),
        evidence=tuple(analysis.evidence),
        movable=tuple(analysis.movable),
        towns=tuple(analysis.towns),
        country=analysis.country,
        own_home=analysis.own_home,
        named_towns=tuple(
            sorted(
                {
                    m.text
                    for m in analysis.mentions
                    if m.role == "location" and m.place_kind in _NAMED_TOWN_KINDS
                }
            )
        ),
    )


def assemble(
    articles: Sequence[Article],
    results: Iterable[ArticleResult | None],
    *,
    gazetteer: Any = None,
    on_problem: ProblemSink | None = None,
    spool: MentionSpool | None = None,
) -> Extraction:
    """The tables from the per-article ``results``, one for each of ``articles`` in order
    (``None`` for a later copy of an id, which is reported as a problem): problems are
    reported in article order, reports merged across articles
    (:func:`geo.merge.merge_reports`), mentions sorted. The mentions of the results go to
    ``spool`` (a new one by default), where those given already (:func:`spooled`, by the
    article's position in ``articles``) are too."""
    sink = sink_or_log(on_problem)
    spool = spool if spool is not None else MentionSpool(gazetteer)
    reports: list[EventReport] = []
    seen_ids: set[str] = set()
    for n, (article, result) in enumerate(zip(articles, results, strict=True)):
        if article.id in seen_ids or result is None:
            sink(Problem(article.id, "duplicate article id; the later copy is skipped"))
            spool.drop(n)
            continue
        seen_ids.add(article.id)
        for problem in result.problems:
            sink(problem)
        reports.extend(result.reports)
        if result.mentions:
            spool.add(n, (result.mentions, result.places), again=True)
    events = merge_reports(reports, {a.id: a for a in articles}, gazetteer=gazetteer)
    return Extraction(
        spool=spool,
        event_list=tuple(events),
        articles=tuple(articles),
    )


#: The columns of the events table, in order (then its geometry).
EVENT_TABLE_COLUMNS = (*EVENT_COLUMNS, *OPTIONAL_EVENT_COLUMNS)


def event_rows(events: Sequence[Event]) -> list[dict[str, Any]]:
    """The rows of the events table, one plain dict of :data:`EVENT_TABLE_COLUMNS` for each
    of ``events`` in order (the geometry apart: ``event.place.geometry``)."""
    rows = []
    for e in events:
        start, end = e.dates.iso()
        rows.append(
            {
                "id": e.id,
                "title": e.title,
                "category": e.category,
                "place_name": e.place.name,
                "place_id": e.place.id,
                "place_kind": e.place.kind,
                "geo_precision": e.place.precision,
                "start": start,
                "end": end,
                "date_precision": e.dates.precision,
                "sources": [dict(s) for s in e.sources],
                "source_count": e.source_count,
                "confidence": e.confidence,
                "derivation": e.derivation,
                "notes": list(e.notes),
            }
        )
    return rows


def events_frame(events: Sequence[Event]) -> gpd.GeoDataFrame:
    """Events as a GeoDataFrame with EVENT_COLUMNS, ``derivation``, ``notes`` and geometry."""
    import geopandas as gpd

    return gpd.GeoDataFrame(
        event_rows(events) or None,
        columns=list(EVENT_TABLE_COLUMNS),
        geometry=[e.place.geometry for e in events],
        crs=CRS,
    )


def mentions_frame(rows: Sequence[dict[str, Any]], geoms: Sequence[Any]) -> gpd.GeoDataFrame:
    """Mentions as a GeoDataFrame with MENTION_COLUMNS and geometry, sorted by article and
    offset."""
    import geopandas as gpd

    frame = gpd.GeoDataFrame(
        list(rows) or None, columns=list(MENTION_COLUMNS), geometry=list(geoms), crs=CRS
    )
    if len(frame):
        frame = frame.sort_values(["article", "char_start"], kind="stable").reset_index(drop=True)
    return frame
