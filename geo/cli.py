"""The ``geo`` command: a thin layer over the library.

Commands parse options, call library functions, and turn the project's own exceptions into
one-line messages with a non-zero exit code. No logic lives here.
"""

from __future__ import annotations

import json
import logging
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import click

from geo import __version__
from inputsafe import printable

EXIT_ERROR = 1

_log = logging.getLogger("geo")


class _Ui:
    """Verbosity-aware output for the CLI (0 quiet, 1 normal, 2 verbose). Every message is
    passed through :func:`inputsafe.printable` first: file names and titles come from the
    input, and an escape sequence in one must show as text, not act on the terminal."""

    def __init__(self, verbosity: int) -> None:
        self.verbosity = verbosity

    def info(self, message: str) -> None:
        if self.verbosity >= 1:
            click.echo(printable(message))

    def detail(self, message: str) -> None:
        if self.verbosity >= 2:
            click.echo(printable(message), err=True)

    def warn(self, message: str) -> None:
        if self.verbosity >= 1:
            click.secho(f"warning: {printable(message)}", fg="yellow", err=True)

    @contextmanager
    def progress(self, label: str) -> Iterator[Callable[[int, int], None]]:
        """Yield an ``update(done, total)`` callback drawing a progress bar on stderr."""
        if self.verbosity < 1:
            yield lambda done, total: None
            return
        if not sys.stderr.isatty():
            yield _ProgressLines(label, lambda line: click.echo(line, err=True))
            return
        bar: Any = None
        shown = 0

        def update(done: int, total: int) -> None:
            nonlocal bar, shown
            if bar is None:
                bar = click.progressbar(length=total, label=label, file=sys.stderr)
                bar.__enter__()
            bar.update(done - shown)
            shown = done

        try:
            yield update
        finally:
            if bar is not None:
                bar.__exit__(None, None, None)


class _ProgressLines:
    """Progress for a log (stderr not a terminal): nothing for a short run; once it has run
    ``quiet`` seconds, a line such as ``Building: 120,000 of 1,000,000 articles (12%)`` at
    each tenth of the work or every ``every`` seconds, and one at the end."""

    def __init__(
        self,
        label: str,
        write: Callable[[str], None],
        *,
        quiet: float = 10.0,
        every: float = 30.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.label, self.write, self.quiet, self.every, self.clock = (
            label,
            write,
            quiet,
            every,
            clock,
        )
        self.started = clock()
        self.last: float | None = None  # when the last line was written
        self.tenth = 0

    def __call__(self, done: int, total: int) -> None:
        now = self.clock()
        tenth = done * 10 // total if total else 10
        due = (
            done == total
            or tenth > self.tenth
            or (self.last is not None and now - self.last >= self.every)
        )
        self.tenth = max(self.tenth, tenth)
        if now - self.started < self.quiet or not due:
            return
        self.last = now
        percent = f" ({done * 100 // total}%)" if total else ""
        self.write(f"{self.label}: {done:,} of {total:,} articles{percent}")


def _fail(message: str) -> None:
    click.secho(f"Error: {printable(message)}", fg="red", err=True)
    sys.exit(EXIT_ERROR)


@contextmanager
def _user_errors() -> Iterator[None]:
    """Turn the project's exceptions and OS errors into one line and exit code 1."""
    from gazetteer import GazetteerError
    from geo.errors import GeoError
    from layers.errors import SiteError

    try:
        yield
    except (GeoError, GazetteerError, SiteError) as exc:
        _fail(str(exc))
    except PermissionError as exc:
        _fail(f"permission denied: {exc.filename or exc}")
    except OSError as exc:
        where = f"{exc.filename}: " if exc.filename else ""
        _fail(f"{where}{exc.strerror or exc}")


def _problem_printer(ui: _Ui, limit: int = 10) -> tuple[Callable[[Any], None], list[Any]]:
    seen: list[Any] = []

    def on_problem(problem: Any) -> None:
        seen.append(problem)
        if ui.verbosity >= 2 or len(seen) <= limit:
            ui.warn(str(problem))
        elif len(seen) == limit + 1:
            ui.warn("more warnings follow; run with -v to see them all")

    return on_problem, seen


def _use_area_cache(ctx: click.Context, _param: click.Parameter, off: bool) -> None:
    """Keep derived areas on disk for this command unless ``--no-area-cache`` (or
    ``GEO_AREA_CACHE=off``) says not to; the cache is closed when the command ends."""
    if off:
        return
    from gazetteer import disable_area_cache, enable_area_cache

    if enable_area_cache() is not None:
        ctx.call_on_close(disable_area_cache)


def _gazetteer_options(func: Callable[..., Any]) -> Callable[..., Any]:
    func = click.option(
        "--no-area-cache",
        is_flag=True,
        expose_value=False,
        callback=_use_area_cache,
        help='Do not keep derived areas ("off Alaska", "near Kharkiv") in the on-disk '
        "cache ($XDG_CACHE_HOME/geo-news-map/areas.sqlite3), which makes later runs faster; "
        "GEO_AREA_CACHE=off does the same.",
    )(func)
    func = click.option(
        "--user-agent",
        metavar="TEXT",
        help="User agent for --online requests (the service's terms ask for one naming you).",
    )(func)
    func = click.option(
        "--online",
        is_flag=True,
        help="Ask an online geocoder (Nominatim by default) for names the offline gazetteer "
        "cannot resolve. Off by default: builds need no network.",
    )(func)
    func = click.option(
        "--places",
        "places_file",
        type=click.Path(dir_okay=False, path_type=Path),
        metavar="FILE",
        help="YAML or TOML file of extra places, aliases and pins for your corpus.",
    )(func)
    return func


def _parser_option(func: Callable[..., Any]) -> Callable[..., Any]:
    return click.option(
        "--parser",
        "parser",
        is_flag=True,
        help="Also read a dependency parse (spaCy) for happenings the rules miss: a past "
        "verb with a place and a date of its own. Needs the parser extra "
        "(pip install 'geo-news-map[parser]'); runs in one process.",
    )(func)


def _parser_uses(parser: bool) -> tuple[str, ...]:
    """The parser uses ``--parser`` asks for (:data:`geo.parse_links.DEFAULT_USES`), without
    importing the parser pass when it is not given."""
    if not parser:
        return ()
    from geo.parse_links import DEFAULT_USES

    return DEFAULT_USES


def _confidence_option(func: Callable[..., Any]) -> Callable[..., Any]:
    return click.option(
        "--min-confidence",
        type=click.FloatRange(0, 1),
        default=0.0,
        show_default=True,
        metavar="C",
        help="Leave out events whose confidence is below C (0-1). Events read only from an "
        "article's lead score lowest (0.58 on average, the others 0.82): 0.65 leaves out "
        "most of them. Each event's notes say how it was placed.",
    )(func)


def _parallel_options(func: Callable[..., Any]) -> Callable[..., Any]:
    func = click.option(
        "--scheduler",
        metavar="ADDRESS",
        help="Extract on an existing dask.distributed cluster (tcp://host:port); its workers "
        "read the articles and the --places file at the paths given, so they must reach them.",
    )(func)
    func = click.option(
        "--workers",
        type=click.IntRange(min=1),
        metavar="N",
        help="Extract on N worker processes (a local Dask cluster; needs "
        "pip install 'geo-news-map[dask]'). Default: one process below 5,000 articles, "
        "else the machine's cores when Dask is installed. The tables are the same.",
    )(func)
    return func


_tiles_option = click.option(
    "--tiles",
    multiple=True,
    metavar="PROVIDER",
    help="Add an online base map as an option, by xyzservices name (e.g. "
    "OpenStreetMap.Mapnik); repeatable. Off by default: the site loads nothing from outside.",
)


def _site_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """The options of every command that writes a site: ``--out``, ``--title``,
    ``--no-images``, and ``--embed``, ``--embed-file`` and ``--slices`` (what a big site
    makes and how it loads)."""
    func = click.option(
        "--slices",
        type=click.Choice(["auto", "always", "never"]),
        default="auto",
        show_default=True,
        help="Load the events by date window from slice files (auto: from 5,000 events).",
    )(func)
    func = click.option(
        "--embed-file",
        type=click.Path(dir_okay=False, path_type=Path),
        help="A file of event ids, one a line, that get an embed page and image.",
    )(func)
    func = click.option(
        "--embed",
        "embed_ids",
        multiple=True,
        metavar="ID|all",
        help="Make the embed page and image of this event (repeatable), or of all events. "
        "By default every event gets them on a site of under 5,000 events and none on a "
        "bigger one.",
    )(func)
    func = click.option(
        "--no-images", is_flag=True, help="Skip the static PNG image of each event."
    )(func)
    func = click.option("--title", default=None, help="Title of the map site.")(func)
    return click.option(
        "--out",
        "-o",
        type=click.Path(file_okay=False, path_type=Path),
        default=Path("site"),
        show_default=True,
        help="Output folder: replaced atomically when the build succeeds, and only if it is "
        "empty or a site an earlier build made.",
    )(func)


def _site_size(
    embed_ids: tuple[str, ...], embed_file: Path | None, slices: str
) -> tuple[str | tuple[str, ...] | None, bool | None]:
    """``build_site``'s ``embeds`` and ``sliced`` from the options."""
    ids = list(embed_ids)
    if embed_file is not None:
        try:
            text = embed_file.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            _fail(f"cannot read the embed file {embed_file}: {exc}")
        ids += [line.strip() for line in text.splitlines() if line.strip()]
    embeds: str | tuple[str, ...] | None
    if "all" in ids:
        embeds = "all"
    elif ids:
        embeds = tuple(ids)
    else:
        embeds = None
    return embeds, {"auto": None, "always": True, "never": False}[slices]


_LOGGING_KEY = "geo.configured_logging"


def _set_verbosity(ctx: click.Context, verbosity: int) -> None:
    """Make ``verbosity`` (0 quiet, 1 normal, 2 verbose) the command's output level, and the
    root logger's level when the command configured logging (not when embedded in a program
    or a test runner that set up logging itself)."""
    ui = ctx.find_object(_Ui)
    if ui is not None:
        ui.verbosity = verbosity
    if ctx.find_root().meta.get(_LOGGING_KEY):
        logging.getLogger().setLevel(logging.DEBUG if verbosity == 2 else logging.ERROR)


def _quiet_after(ctx: click.Context, _param: click.Parameter, on: bool) -> None:
    if on:
        _set_verbosity(ctx, 0)


def _verbose_after(ctx: click.Context, _param: click.Parameter, on: bool) -> None:
    if on:
        _set_verbosity(ctx, 2)


def _verbosity_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """``-q`` and ``-v`` after the command name too (``geo build articles -q``)."""
    func = click.option(
        "-v",
        "--verbose",
        is_flag=True,
        expose_value=False,
        callback=_verbose_after,
        help="Print every warning and more detail.",
    )(func)
    return click.option(
        "-q",
        "--quiet",
        is_flag=True,
        expose_value=False,
        callback=_quiet_after,
        help="Print errors only.",
    )(func)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="geo")
@click.option("-q", "--quiet", is_flag=True, help="Print errors only.")
@click.option("-v", "--verbose", is_flag=True, help="Print every warning and more detail.")
@click.pass_context
def cli(ctx: click.Context, quiet: bool, verbose: bool) -> None:
    """Turn news articles into a layered, date-filtered map site of the events they describe.

    Everything runs offline. Start with `geo build`, which builds the bundled sample articles
    into ./site/; open site/index.html in a browser.
    """
    verbosity = 0 if quiet else 2 if verbose else 1
    ctx.meta[_LOGGING_KEY] = not logging.getLogger().handlers
    logging.basicConfig(
        level=logging.DEBUG if verbosity == 2 else logging.ERROR, format="%(message)s"
    )
    ctx.obj = _Ui(verbosity)


@cli.command()
@click.argument("paths", nargs=-1, metavar="[PATH]...")
@_site_options
@_tiles_option
@_gazetteer_options
@_parser_option
@_confidence_option
@_parallel_options
@_verbosity_options
@click.pass_obj
def build(
    ui: _Ui,
    paths: tuple[str, ...],
    out: Path,
    title: str | None,
    no_images: bool,
    embed_ids: tuple[str, ...],
    embed_file: Path | None,
    slices: str,
    tiles: tuple[str, ...],
    places_file: Path | None,
    online: bool,
    user_agent: str | None,
    parser: bool,
    min_confidence: float,
    workers: int | None,
    scheduler: str | None,
) -> None:
    """Build the map site from articles.

    PATH may be files, folders or glob patterns of .txt, .md, .html, .jsonl or .parquet
    articles (Parquet: columns id, text, and optionally title, url, published, outlet; needs
    the parquet extra). With no PATH, builds the bundled sample articles.
    """
    from geo.pipeline import BuildOptions, build

    on_problem, problems = _problem_printer(ui)
    embeds, sliced = _site_size(embed_ids, embed_file, slices)
    with _user_errors(), ui.progress("Building") as progress:
        summary = build(
            list(paths),
            out,
            BuildOptions(
                title=title,
                images=not no_images,
                places_file=places_file,
                online=online,
                user_agent=user_agent,
                tiles=tiles,
                workers=workers,
                scheduler=scheduler,
                embeds=embeds,
                sliced=sliced,
                parser=_parser_uses(parser),
                min_confidence=min_confidence,
            ),
            on_problem=on_problem,
            on_progress=progress,
        )
    ui.info(summary.describe(warnings=len(problems)))
    ui.info(f"Open {summary.index_path}")


@cli.command()
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["geojson", "csv", "jsonl", "parquet"]),
    default="geojson",
    show_default=True,
    help="Output format; parquet (GeoParquet, needs --out FILE and pyarrow) is read back "
    "by `geo site`.",
)
@click.option(
    "--table",
    type=click.Choice(["events", "mentions", "places"]),
    default="events",
    show_default=True,
    help="Which table to write: the events, every place mention, or each place mentioned "
    "once (with its number of mentions and articles).",
)
@click.option(
    "--out",
    "-o",
    type=click.Path(dir_okay=False, allow_dash=True, path_type=Path),
    default=Path("-"),
    show_default=True,
    help="Output file; - writes to standard output.",
)
@_gazetteer_options
@_parser_option
@_confidence_option
@_parallel_options
@_verbosity_options
@click.pass_obj
def extract(
    ui: _Ui,
    paths: tuple[str, ...],
    fmt: str,
    table: str,
    out: Path,
    places_file: Path | None,
    online: bool,
    user_agent: str | None,
    parser: bool,
    min_confidence: float,
    workers: int | None,
    scheduler: str | None,
) -> None:
    """Extract the events (or mentions) table from articles without building a site.

    PATH may be files, folders or glob patterns of .txt, .md, .html, .jsonl or .parquet
    articles, as for `geo build`. A folder never reads the GeoParquet tables this command
    writes back as articles.
    """
    from geo.pipeline import BuildOptions, confident, extract_paths, write_table
    from layers import places_table

    on_problem, _ = _problem_printer(ui)
    with _user_errors(), ui.progress("Extracting") as progress:
        tables = extract_paths(
            list(paths),
            BuildOptions(
                places_file=places_file,
                online=online,
                user_agent=user_agent,
                workers=workers,
                scheduler=scheduler,
                parser=_parser_uses(parser),
            ),
            on_problem=on_problem,
            on_progress=progress,
        )
        if table == "places":
            frame = places_table(tables.mentions)
        elif table == "events":
            frame = confident(tables.events, min_confidence)
        else:
            frame = tables.mentions
        if fmt == "parquet":
            if str(out) == "-":
                _fail("--format parquet needs --out FILE")
            from geo.parquet import write_parquet

            write_parquet(frame, out)
            ui.info(f"Wrote {len(frame)} {table} to {out}")
            return
        text = write_table(frame, fmt)
        if str(out) == "-":
            click.echo(text, nl=False)
        else:
            out.write_text(text, encoding="utf-8")
            ui.info(f"Wrote {len(frame)} {table} to {out}")


@cli.command(name="site")
@click.argument("events_file", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--mentions",
    "mentions_file",
    type=click.Path(dir_okay=False, path_type=Path),
    help="A mentions table (GeoJSON) to show as the 'places mentioned' layer.",
)
@_site_options
@_tiles_option
@_confidence_option
@_verbosity_options
@click.pass_obj
def site_command(
    ui: _Ui,
    events_file: Path,
    out: Path,
    mentions_file: Path | None,
    title: str | None,
    no_images: bool,
    embed_ids: tuple[str, ...],
    embed_file: Path | None,
    slices: str,
    tiles: tuple[str, ...],
    min_confidence: float,
) -> None:
    """Build a map site from an events table (GeoJSON, CSV or GeoParquet), from geo or
    elsewhere.

    The table needs a geometry and a start date at least; see the README for the columns.
    """
    import layers
    from geo.pipeline import confident, read_table

    on_problem, problems = _problem_printer(ui)
    embeds, sliced = _site_size(embed_ids, embed_file, slices)
    with _user_errors():
        events = confident(read_table(events_file, on_problem=on_problem), min_confidence)
        mentions = read_table(mentions_file, "mentions") if mentions_file else None
        summary = layers.build_site(
            events,
            out,
            mentions=mentions,
            title=title,
            images=not no_images,
            tiles=tiles,
            sliced=sliced,
            embeds=embeds,
            on_problem=on_problem,
        )
    ui.info(f"{summary.event_count} events, {len(problems)} warnings")
    ui.info(f"Open {summary.index_path}")


@cli.command()
@click.argument("name")
@click.option("--all", "show_all", is_flag=True, help="Print the ranked candidates.")
@click.option(
    "--context",
    "context_names",
    multiple=True,
    metavar="NAME",
    help="Another place named in the same text (repeatable); helps pick among namesakes.",
)
@click.option(
    "--at-sea",
    is_flag=True,
    help="The event is at sea or in the air: 'near X' becomes the waters off X.",
)
@click.option(
    "--geojson",
    "as_geojson",
    is_flag=True,
    help="Print the GeoJSON Feature (the default when the output is not a terminal).",
)
@click.option(
    "--summary",
    "as_summary",
    is_flag=True,
    help="Print the short summary even when the output is not a terminal.",
)
@_gazetteer_options
@_verbosity_options
@click.pass_obj
def resolve(
    ui: _Ui,
    name: str,
    show_all: bool,
    as_geojson: bool,
    as_summary: bool,
    context_names: tuple[str, ...],
    at_sea: bool,
    places_file: Path | None,
    online: bool,
    user_agent: str | None,
) -> None:
    """Resolve a place name (with modifiers such as "off", "near", "northwestern").

    On a terminal, prints a short summary (name, kind, id, how a derived area was drawn,
    bounds); with --geojson, or when the output goes to a pipe or file, the GeoJSON.
    """
    from geo.pipeline import BuildOptions, make_gazetteer, resolve_query
    from geo.placesummary import describe_resolution

    with _user_errors():
        gaz = make_gazetteer(
            BuildOptions(places_file=places_file, online=online, user_agent=user_agent)
        )
        result = resolve_query(
            gaz, name, context_names=context_names, at_sea=at_sea, ranked=show_all
        )
        if result is None:
            suggestions = gaz.suggest(name)
            hint = f"; did you mean {', '.join(map(repr, suggestions))}?" if suggestions else ""
            _fail(f"no place found for {name!r}{hint}")
    if as_geojson or (not as_summary and not sys.stdout.isatty()):
        click.echo(json.dumps(result, ensure_ascii=False, indent=2))
    else:
        click.echo(describe_resolution(result))


#: The cyclic garbage collector's thresholds for a ``geo`` command (Python's default is
#: 700, 10, 10). The command holds a gazetteer and a recognizer of hundreds of thousands of
#: objects and allocates millions more per thousand articles, nearly none of them in cycles:
#: at the default, each full collection walks the whole heap, 5 of them and about 750 in
#: all cost 0.4-0.6 s of a cold ``geo extract`` of 847 articles (about 6 s); at these,
#: about 30 collections cost 0.05 s (0.09 s at 10,000, 10, 10; a cold ``geo build`` of the
#: sample 0.08 -> 0.045 s), and peak memory stays the same (325 MB).
GC_THRESHOLDS = (50_000, 10, 10)


def main() -> None:
    """Console-script entry point."""
    import gc

    gc.set_threshold(*GC_THRESHOLDS)  # a process-wide setting: the command's, not the library's
    try:
        cli(prog_name="geo")
    finally:
        # The process ends here. Frozen, the objects left are not walked once more by the
        # collection Python makes when it shuts down (0.2-0.3 s after a geo extract of 847
        # articles); files and the area cache are closed by then, and atexit still runs.
        gc.freeze()
