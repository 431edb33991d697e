"""The whole job: articles → events and mentions tables → a map site.

These functions are what the CLI calls; they are plain library functions, usable from Python.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from geo.problems import ProblemSink, sink_or_log

if TYPE_CHECKING:
    import geopandas as gpd

    import layers
    from gazetteer import Gazetteer
    from geo.extraction import Extraction
    from geo.model import Article

ProgressCallback = Callable[[int, int], None]


@dataclass(frozen=True, slots=True)
class BuildOptions:
    """Options shared by ``geo build``, ``geo extract`` and ``geo resolve``."""

    title: str | None = None
    images: bool = True
    places_file: Path | None = None
    online: bool = False
    user_agent: str | None = None
    tiles: tuple[str, ...] = ()
    #: Worker processes for extraction (:func:`geo.parallel.choose_workers`; ``None``: one
    #: process for small corpora, the machine's cores for large ones when Dask is installed).
    workers: int | None = None
    #: The address of a ``dask.distributed`` scheduler to extract on instead.
    scheduler: str | None = None
    #: The events that get an embed page and image: ``"all"``, a tuple of ids, or ``None``
    #: (every event on a small site, none on a big one; ``layers.build_site``'s ``embeds``).
    embeds: str | tuple[str, ...] | None = None
    #: Load events by date window (``True``), never (``False``), or from
    #: ``layers.SLICED_MIN_EVENTS`` events (``None``).
    sliced: bool | None = None
    #: The uses of the optional dependency-parser pass (:mod:`geo.parse_links`; needs the
    #: ``parser`` extra); none by default. It runs in one process.
    parser: tuple[str, ...] = ()
    #: Events whose confidence is below this are left out of the site and the events table
    #: (:func:`confident`); 0 keeps them all.
    min_confidence: float = 0.0
    #: An outlet memory file (:mod:`geo.outlet_memory`): the outlets' homes earlier runs
    #: learned help this one, and this one's articles are added to it; ``None``: no memory.
    outlet_memory: Path | None = None


@dataclass(frozen=True, slots=True)
class BuildSummary:
    """What a build produced; :meth:`describe` is the CLI's one-line summary."""

    out: Path
    index_path: Path
    articles: int
    mentions: int
    places: int
    events: int
    files: int = 0
    extra: dict[str, Any] = field(default_factory=dict)

    def describe(self, *, warnings: int) -> str:
        return (
            f"Built {self.out}: {self.articles} articles, {self.places} places "
            f"({self.mentions} mentions), {self.events} events, {warnings} warnings"
        )


def make_gazetteer(options: BuildOptions, on_problem: ProblemSink | None = None) -> Gazetteer:
    """The offline gazetteer, with the user's places file applied and, when asked, an online
    fallback for names it cannot resolve, whose failures go to ``on_problem`` (one problem
    each, so a build counts them among its warnings)."""
    from gazetteer import Gazetteer

    gaz = Gazetteer.default()
    if options.places_file is not None:
        gaz = gaz.with_places(options.places_file)
    if options.online:
        from gazetteer import OnlineFallback, OnlineGeocoder
        from geo.problems import Problem

        sink = sink_or_log(on_problem)
        gaz = OnlineFallback(
            gaz,
            OnlineGeocoder(user_agent=options.user_agent),
            on_problem=lambda p: sink(Problem("online geocoding", f"{p.name!r}: {p.message}")),
        )
    return gaz


def resolve_articles(
    paths: Sequence[str | Path], on_problem: ProblemSink, *, skip: Sequence[str | Path] = ()
) -> list[Article]:
    """Read the articles at ``paths`` (never those in the folders ``skip``); with no paths,
    the bundled sample."""
    from geo.readers import read_articles, sample_paths

    return read_articles(list(paths) if paths else sample_paths(), on_problem=on_problem, skip=skip)


def extract_paths(
    paths: Sequence[str | Path],
    options: BuildOptions = BuildOptions(),
    *,
    on_problem: ProblemSink | None = None,
    on_progress: ProgressCallback | None = None,
    skip: Sequence[str | Path] = (),
) -> Extraction:
    """:func:`geo.extract` on the articles at ``paths`` (the bundled sample when empty; never
    those in the folders ``skip``), with the gazetteer ``options`` ask for (a places file,
    online geocoding), in one process or on Dask workers (``options.workers``,
    ``options.scheduler``; :mod:`geo.parallel`): the tables are the same."""
    from geo.extraction import extract
    from geo.parallel import PARTITION_ARTICLES, choose_workers
    from geo.readers import sample_paths
    from geo.readers_parts import plan_parts

    sink = sink_or_log(on_problem)
    paths = list(paths) if paths else sample_paths()
    plan = None
    one_process = options.online or bool(options.parser)
    if one_process and options.workers is None and options.scheduler is None:
        # online lookups keep to one request a second from one process; the parser's model
        # is loaded in this process only
        workers = 1
    elif options.workers is None and options.scheduler is None:
        if _dask_installed():
            # as many articles as the files hold at most (JSONL lines), without reading them;
            # choose_workers imports Dask only for a corpus big enough to use it
            plan = plan_parts(paths, size=PARTITION_ARTICLES, skip=skip)
            workers = choose_workers(None, sum(part.articles for part in plan[0]))
        else:
            workers = 1
    else:
        workers = choose_workers(options.workers, 0, options.scheduler)
    if workers == 1:
        return extract(
            resolve_articles(paths, sink, skip=skip),
            gazetteer=make_gazetteer(options, sink),
            on_problem=sink,
            on_progress=on_progress,
            parser=options.parser,
            outlet_memory=options.outlet_memory,
        )
    if one_process:
        from geo.errors import GeoError

        flag = "--online" if options.online else "--parser"
        raise GeoError(f"{flag} runs in one process: leave out --workers and --scheduler")
    from gazetteer.areacache import process_area_cache
    from geo.parallel import GazetteerSpec, extract_parallel_paths

    cache = process_area_cache()
    spec = GazetteerSpec(
        places_file=str(options.places_file) if options.places_file is not None else None,
        area_cache=str(cache.path) if cache is not None else None,
    )
    return extract_parallel_paths(
        paths,
        spec,
        workers=workers,
        scheduler=options.scheduler,
        gazetteer=make_gazetteer(options, sink),
        on_problem=sink,
        on_progress=on_progress,
        skip=skip,
        plan=plan,
        outlet_memory=options.outlet_memory,
    )


def _dask_installed() -> bool:
    """Whether ``dask.distributed`` is installed, found without importing it (importing it
    costs about 0.6 s, which a corpus too small for workers should not pay)."""
    from importlib.util import find_spec

    return find_spec("distributed") is not None


def article_docs(articles: Sequence[Article]) -> list[layers.ArticleDoc]:
    """Convert articles into what ``layers`` needs for the article pages."""
    from layers import ArticleDoc

    return [
        ArticleDoc(
            id=a.id,
            title=a.title,
            outlet=a.outlet,
            url=a.url,
            published=a.published.isoformat() if a.published else None,
            text=a.text,
        )
        for a in articles
    ]


def build(
    paths: Sequence[str | Path],
    out: str | Path,
    options: BuildOptions = BuildOptions(),
    *,
    on_problem: ProblemSink | None = None,
    on_progress: ProgressCallback | None = None,
) -> BuildSummary:
    """Build the map site for the articles at ``paths`` (the bundled sample when empty) into
    ``out``. The previous site at ``out`` is replaced only when the build succeeds, and is
    never read as input (``geo build .`` does not read ``./site``)."""
    import layers

    sink = sink_or_log(on_problem)
    memory = options.outlet_memory
    if memory is not None and Path(memory).resolve().is_relative_to(Path(out).resolve()):
        from geo.errors import GeoError

        raise GeoError(
            f"the outlet memory {memory} lies in the output folder {out}, which each build "
            "replaces: keep it outside"
        )
    tables = extract_paths(paths, options, on_problem=sink, on_progress=on_progress, skip=[out])
    events = confident(tables.events, options.min_confidence)
    summary = layers.build_site(
        events,
        out,
        mentions=tables.mentions,
        articles=article_docs(tables.articles),
        title=options.title,
        images=options.images,
        tiles=options.tiles,
        sliced=options.sliced,
        embeds=options.embeds,
        on_problem=lambda message: sink(_layers_problem(message)),
    )
    return BuildSummary(
        out=Path(out),
        index_path=summary.index_path,
        articles=len(tables.articles),
        mentions=len(tables.mentions),
        places=tables.mentions["place_id"].nunique() if len(tables.mentions) else 0,
        events=len(events),
        files=summary.files,
    )


def confident(events: gpd.GeoDataFrame, minimum: float) -> gpd.GeoDataFrame:
    """The rows of ``events`` whose ``confidence`` is at least ``minimum``: all of them for 0
    (a table without the column too). An event read only from an article's lead has a low
    confidence (docs/recognition-and-events.md); a reader who wants only the events the text
    ties to a place asks for more. Raises
    :class:`geo.errors.GeoError` for a minimum outside [0, 1], or above 0 for a table with
    no ``confidence`` column."""
    _check_minimum(minimum)
    if minimum == 0:
        return events
    if "confidence" not in events.columns:
        from geo.errors import GeoError

        raise GeoError("the events table has no confidence column to filter on")
    return events[events["confidence"].astype(float) >= minimum]


def _check_minimum(minimum: float) -> None:
    from geo.errors import GeoError

    if not 0 <= minimum <= 1:
        raise GeoError(f"the minimum confidence must be between 0 and 1, not {minimum}")


def events_text(tables: Extraction, fmt: str, minimum: float = 0.0) -> tuple[str, int]:
    """The text of ``write_table(confident(tables.events, minimum), fmt)`` (geojson, csv or
    jsonl) and how many events it holds, written from ``tables.event_list`` without building
    the events GeoDataFrame: ``geo extract`` imports neither pandas nor geopandas for it."""
    from geo.extraction import EVENT_TABLE_COLUMNS, event_rows
    from layers.tableformats import rows_text

    _check_minimum(minimum)
    kept = [e for e in tables.event_list if e.confidence >= minimum]
    geoms = [e.place.geometry for e in kept]
    return rows_text(event_rows(kept), geoms, EVENT_TABLE_COLUMNS, fmt), len(kept)


def _layers_problem(message: str) -> Any:
    from geo.problems import Problem

    source, sep, rest = str(message).partition(": ")
    return Problem(source, rest) if sep else Problem("site", str(message))


def read_table(
    path: str | Path, table: str = "events", *, on_problem: Callable[[str], None] | None = None
) -> gpd.GeoDataFrame:
    """The events (or mentions) table at ``path``: GeoParquet (``.parquet``, as ``geo extract
    --format parquet`` writes it), else GeoJSON, CSV or JSON lines (:func:`layers.read_events`)."""
    if Path(path).suffix.lower() in {".parquet", ".geoparquet"}:
        from geo.parquet import read_parquet_table

        return read_parquet_table(path, table, on_problem=on_problem)
    import layers

    if table == "mentions":
        return layers.read_mentions(path, on_problem=on_problem)
    return layers.read_events(path, on_problem=on_problem)


def write_table(frame: gpd.GeoDataFrame, fmt: str) -> str:
    """The table as text in ``fmt`` (geojson, csv or jsonl)."""
    from layers import table_text

    return table_text(frame, fmt)


def resolve_query(
    gazetteer: Gazetteer,
    name: str,
    *,
    context_names: Sequence[str] = (),
    at_sea: bool = False,
    ranked: bool = False,
) -> dict[str, Any] | None:
    """Resolve ``name`` (modifiers allowed) to a GeoJSON Feature, or with ``ranked`` to a
    FeatureCollection of the ranked candidates; ``None`` when nothing matches.

    ``context_names`` are other places named in the same text; each is resolved first and
    passed as context.
    """
    from gazetteer import Context

    nearby = tuple(p for p in (gazetteer.resolve(n) for n in context_names) if p is not None)
    context = Context(nearby=nearby, at_sea=at_sea)
    if ranked:
        candidates = gazetteer.candidates(name, context=context)
        if not candidates:
            return None
        return {
            "type": "FeatureCollection",
            "features": [
                gazetteer.to_feature(
                    c.place, rank=i, score=round(c.score, 4), matched=c.matched, reasons=c.reasons
                )
                for i, c in enumerate(candidates, start=1)
            ],
        }
    place = gazetteer.resolve(name, context=context)
    return gazetteer.to_feature(place) if place is not None else None
