"""The options the ``geo`` commands share, as decorators, and what they turn into.

Gazetteer options (``--places``, ``--online``, ``--user-agent``, ``--no-area-cache``), the
parser, confidence and parallel options, the site options (``--out``, ``--title``,
``--no-images``, ``--embed``, ``--embed-file``, ``--slices``), ``--tiles``, and ``-q``/``-v``
after the command name.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from geo.cli_output import Ui, fail

__all__ = [
    "LOGGING_KEY",
    "confidence_option",
    "gazetteer_options",
    "memory_option",
    "parallel_options",
    "parser_option",
    "parser_uses",
    "site_options",
    "site_size",
    "tiles_option",
    "verbosity_options",
]


def _use_area_cache(ctx: click.Context, _param: click.Parameter, off: bool) -> None:
    """Keep derived areas on disk for this command unless ``--no-area-cache`` (or
    ``GEO_AREA_CACHE=off``) says not to; the cache is closed when the command ends."""
    if off:
        return
    from gazetteer import disable_area_cache, enable_area_cache

    if enable_area_cache() is not None:
        ctx.call_on_close(disable_area_cache)


def gazetteer_options(func: Callable[..., Any]) -> Callable[..., Any]:
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


def parser_option(func: Callable[..., Any]) -> Callable[..., Any]:
    return click.option(
        "--parser",
        "parser",
        is_flag=True,
        help="Also read a dependency parse (spaCy) for happenings the rules miss: a past "
        "verb with a place and a date of its own. Needs the parser extra "
        "(pip install 'geo-news-map[parser]'); runs in one process.",
    )(func)


def parser_uses(parser: bool) -> tuple[str, ...]:
    """The parser uses ``--parser`` asks for (:data:`geo.parse_links.DEFAULT_USES`), without
    importing the parser pass when it is not given."""
    if not parser:
        return ()
    from geo.parse_links import DEFAULT_USES

    return DEFAULT_USES


def confidence_option(func: Callable[..., Any]) -> Callable[..., Any]:
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


def memory_option(func: Callable[..., Any]) -> Callable[..., Any]:
    return click.option(
        "--outlet-memory",
        type=click.Path(dir_okay=False, path_type=Path),
        metavar="FILE",
        help="Keep what each run learns about its outlets' home regions in FILE (JSON, made "
        "on first use) and use it in later runs: a local paper's bare town names then go to "
        "its own region even in a run of a few of its articles.",
    )(func)


def parallel_options(func: Callable[..., Any]) -> Callable[..., Any]:
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


tiles_option = click.option(
    "--tiles",
    multiple=True,
    metavar="PROVIDER",
    help="Add an online base map as an option, by xyzservices name (e.g. "
    "OpenStreetMap.Mapnik); repeatable. Off by default: the site loads nothing from outside.",
)


def site_options(func: Callable[..., Any]) -> Callable[..., Any]:
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


def site_size(
    embed_ids: tuple[str, ...], embed_file: Path | None, slices: str
) -> tuple[str | tuple[str, ...] | None, bool | None]:
    """``build_site``'s ``embeds`` and ``sliced`` from the options."""
    ids = list(embed_ids)
    if embed_file is not None:
        try:
            text = embed_file.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            fail(f"cannot read the embed file {embed_file}: {exc}")
        ids += [line.strip() for line in text.splitlines() if line.strip()]
    embeds: str | tuple[str, ...] | None
    if "all" in ids:
        embeds = "all"
    elif ids:
        embeds = tuple(ids)
    else:
        embeds = None
    return embeds, {"auto": None, "always": True, "never": False}[slices]


LOGGING_KEY = "geo.configured_logging"


def _set_verbosity(ctx: click.Context, verbosity: int) -> None:
    """Make ``verbosity`` (0 quiet, 1 normal, 2 verbose) the command's output level, and the
    root logger's level when the command configured logging (not when embedded in a program
    or a test runner that set up logging itself)."""
    ui = ctx.find_object(Ui)
    if ui is not None:
        ui.verbosity = verbosity
    if ctx.find_root().meta.get(LOGGING_KEY):
        logging.getLogger().setLevel(logging.DEBUG if verbosity == 2 else logging.ERROR)


def _quiet_after(ctx: click.Context, _param: click.Parameter, on: bool) -> None:
    if on:
        _set_verbosity(ctx, 0)


def _verbose_after(ctx: click.Context, _param: click.Parameter, on: bool) -> None:
    if on:
        _set_verbosity(ctx, 2)


def verbosity_options(func: Callable[..., Any]) -> Callable[..., Any]:
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
