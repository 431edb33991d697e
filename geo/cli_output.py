"""What the ``geo`` command prints: verbosity-aware messages, progress, and one-line errors.

Every message goes through :func:`inputsafe.printable`: file names and titles come from the
input. Library code never prints; only the command does, through :class:`Ui`.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, NoReturn

import click

from inputsafe import printable

__all__ = ["EXIT_ERROR", "ProgressLines", "Ui", "fail", "problem_printer", "user_errors"]

#: The exit code of a command that failed on the user's input or files.
EXIT_ERROR = 1


class Ui:
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
            yield ProgressLines(label, lambda line: click.echo(line, err=True))
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


class ProgressLines:
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


def fail(message: str) -> NoReturn:
    """Print ``message`` as one red error line and exit with :data:`EXIT_ERROR`."""
    click.secho(f"Error: {printable(message)}", fg="red", err=True)
    sys.exit(EXIT_ERROR)


@contextmanager
def user_errors() -> Iterator[None]:
    """Turn the project's exceptions and OS errors into one line and exit code 1."""
    from gazetteer import GazetteerError
    from geo.errors import GeoError
    from layers.errors import SiteError

    try:
        yield
    except (GeoError, GazetteerError, SiteError) as exc:
        fail(str(exc))
    except PermissionError as exc:
        fail(f"permission denied: {exc.filename or exc}")
    except OSError as exc:
        where = f"{exc.filename}: " if exc.filename else ""
        fail(f"{where}{exc.strerror or exc}")


def problem_printer(ui: Ui, limit: int = 10) -> tuple[Callable[[Any], None], list[Any]]:
    """An ``on_problem`` callback warning of each problem (the first ``limit`` of them unless
    verbose, then one line saying more follow) and the list it collects them in."""
    seen: list[Any] = []

    def on_problem(problem: Any) -> None:
        seen.append(problem)
        if ui.verbosity >= 2 or len(seen) <= limit:
            ui.warn(str(problem))
        elif len(seen) == limit + 1:
            ui.warn("more warnings follow; run with -v to see them all")

    return on_problem, seen
