"""Problems found in input that do not stop a build (a bad file, an inferred date…).

Library functions that read or process many articles take an ``on_problem`` callback. They
report each problem once and go on; with no callback, problems are logged on the ``geo``
logger at WARNING level. The CLI collects them for its summary. Library code never prints.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

logger = logging.getLogger("geo")


@dataclass(frozen=True, slots=True)
class Problem:
    """One problem with one input: ``source`` is a file path or article id."""

    source: str
    message: str

    def __str__(self) -> str:
        return f"{self.source}: {self.message}"


ProblemSink = Callable[[Problem], None]


def log_problem(problem: Problem) -> None:
    """The default sink: log the problem as a warning."""
    logger.warning("%s", problem)


def sink_or_log(on_problem: ProblemSink | None) -> ProblemSink:
    """Return ``on_problem``, or the logging sink when it is ``None``."""
    return on_problem if on_problem is not None else log_problem
