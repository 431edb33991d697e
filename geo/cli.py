"""The ``geo`` command: a thin layer over the library.

Commands parse options, call library functions, and turn the project's own exceptions into
one-line messages with a non-zero exit code. No logic lives here.
"""

from __future__ import annotations

import gc
import json
import logging
import sys
from collections.abc import Callable
from pathlib import Path

import click

from geo import __version__
from geo.cli_options import (
    LOGGING_KEY,
    confidence_option,
    gazetteer_options,
    memory_option,
    parallel_options,
    parser_option,
    parser_uses,
    site_options,
    site_size,
    tiles_option,
    verbosity_options,
)
from geo.cli_output import Ui, fail, problem_printer, user_errors


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
    ctx.meta[LOGGING_KEY] = not logging.getLogger().handlers
    logging.basicConfig(
        level=logging.DEBUG if verbosity == 2 else logging.ERROR, format="%(message)s"
    )
    ctx.obj = Ui(verbosity)


@cli.command()
@click.argument("paths", nargs=-1, metavar="[PATH]...")
@site_options
@tiles_option
@gazetteer_options
@parser_option
@confidence_option
@memory_option
@parallel_options
@verbosity_options
@click.pass_obj
def build(
    ui: Ui,
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
    outlet_memory: Path | None,
    workers: int | None,
    scheduler: str | None,
) -> None:
    """Build the map site from articles.

    PATH may be files, folders or glob patterns of .txt, .md, .html, .jsonl or .parquet
    articles (Parquet: columns id, text, and optionally title, url, published, outlet; needs
    the parquet extra). With no PATH, builds the bundled sample articles.
    """
    from geo.pipeline import BuildOptions, build

    on_problem, problems = problem_printer(ui)
    embeds, sliced = site_size(embed_ids, embed_file, slices)
    with user_errors(), ui.progress("Building") as progress:
        progress = frozen_after_first(progress)
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
                parser=parser_uses(parser),
                min_confidence=min_confidence,
                outlet_memory=outlet_memory,
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
@gazetteer_options
@parser_option
@confidence_option
@memory_option
@parallel_options
@verbosity_options
@click.pass_obj
def extract(
    ui: Ui,
    paths: tuple[str, ...],
    fmt: str,
    table: str,
    out: Path,
    places_file: Path | None,
    online: bool,
    user_agent: str | None,
    parser: bool,
    min_confidence: float,
    outlet_memory: Path | None,
    workers: int | None,
    scheduler: str | None,
) -> None:
    """Extract the events (or mentions) table from articles without building a site.

    PATH may be files, folders or glob patterns of .txt, .md, .html, .jsonl or .parquet
    articles, as for `geo build`. A folder never reads the GeoParquet tables this command
    writes back as articles.
    """
    from geo.pipeline import BuildOptions, confident, events_text, extract_paths, write_table

    on_problem, _ = problem_printer(ui)
    with user_errors(), ui.progress("Extracting") as progress:
        progress = frozen_after_first(progress)
        tables = extract_paths(
            list(paths),
            BuildOptions(
                places_file=places_file,
                online=online,
                user_agent=user_agent,
                workers=workers,
                scheduler=scheduler,
                parser=parser_uses(parser),
                outlet_memory=outlet_memory,
            ),
            on_problem=on_problem,
            on_progress=progress,
        )
        if table == "events" and fmt != "parquet":
            # written from the events themselves: no GeoDataFrame, no pandas, same text
            text, count = events_text(tables, fmt, min_confidence)
            _write_text(ui, text, out, f"Wrote {count} events to {out}")
            return
        if table == "places":
            from layers import places_table

            frame = places_table(tables.mentions)
        elif table == "events":
            frame = confident(tables.events, min_confidence)
        else:
            frame = tables.mentions
        if fmt == "parquet":
            if str(out) == "-":
                fail("--format parquet needs --out FILE")
            from geo.parquet import write_parquet

            write_parquet(frame, out)
            ui.info(f"Wrote {len(frame)} {table} to {out}")
            return
        _write_text(ui, write_table(frame, fmt), out, f"Wrote {len(frame)} {table} to {out}")


def _write_text(ui: Ui, text: str, out: Path, done: str) -> None:
    """``text`` to standard output (``out`` is ``-``) or to the file ``out``, then ``done``."""
    if str(out) == "-":
        click.echo(text, nl=False)
    else:
        out.write_text(text, encoding="utf-8")
        ui.info(done)


@cli.command(name="site")
@click.argument("events_file", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--mentions",
    "mentions_file",
    type=click.Path(dir_okay=False, path_type=Path),
    help="A mentions table (GeoJSON) to show as the 'places mentioned' layer.",
)
@site_options
@tiles_option
@confidence_option
@verbosity_options
@click.pass_obj
def site_command(
    ui: Ui,
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

    on_problem, problems = problem_printer(ui)
    embeds, sliced = site_size(embed_ids, embed_file, slices)
    with user_errors():
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
@gazetteer_options
@verbosity_options
@click.pass_obj
def resolve(
    ui: Ui,
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

    with user_errors():
        gaz = make_gazetteer(
            BuildOptions(places_file=places_file, online=online, user_agent=user_agent)
        )
        result = resolve_query(
            gaz, name, context_names=context_names, at_sea=at_sea, ranked=show_all
        )
        if result is None:
            suggestions = gaz.suggest(name)
            hint = f"; did you mean {', '.join(map(repr, suggestions))}?" if suggestions else ""
            fail(f"no place found for {name!r}{hint}")
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
#: sample 0.08 -> 0.045 s), and peak memory stays the same (325 MB). At 100,000 (session 43)
#: the first collection comes after the first article, when :func:`frozen_after_first` has
#: set the objects that live for the whole command aside: a run of tens of new articles
#: then makes no collection at all (4 ms of collections on 70 GeoWebNews articles, 34-55 ms
#: at 50,000 with the freeze, 43-65 ms before), and one of 788 the same 0.2 s in fewer, the
#: same peak memory.
GC_THRESHOLDS = (100_000, 10, 10)
#: Whether this process is the ``geo`` command (:func:`main` sets it): only then does the
#: command tune the process's garbage collector.
_TUNE_GC = False


def frozen_after_first(update: Callable[[int, int], None]) -> Callable[[int, int], None]:
    """``update`` (an ``on_progress(done, total)`` callback), which first moves every object
    the process holds into the garbage collector's permanent generation (``gc.freeze``)
    when the first report comes, once the first article is extracted. By then the objects
    that live for the whole command exist (the modules, the gazetteer, the recognizer's
    names, the trigger lexicon, the compiled patterns: about a million), and no later
    collection walks them again (the first collection after them cost 25-45 ms of a
    ``geo extract`` of 70 new articles, about 1.7 CPU s). With :data:`GC_THRESHOLDS` such a
    run then makes no collection: 4 ms of collections instead of 43-65 ms. A process-wide
    setting: the command's, not the library's, so only when :func:`main` runs the command
    (not when a test invokes it in its own process). What the first article left in cycles
    is kept (a few thousand objects)."""
    frozen = not _TUNE_GC

    def report(done: int, total: int) -> None:
        nonlocal frozen
        if not frozen:
            frozen = True
            gc.freeze()
        update(done, total)

    return report


def main() -> None:
    """Console-script entry point."""
    global _TUNE_GC
    _TUNE_GC = True
    gc.set_threshold(*GC_THRESHOLDS)  # a process-wide setting: the command's, not the library's
    try:
        cli(prog_name="geo")
    finally:
        # The process ends here. Frozen, the objects left are not walked once more by the
        # collection Python makes when it shuts down (0.2-0.3 s after a geo extract of 847
        # articles); files and the area cache are closed by then, and atexit still runs.
        gc.freeze()
