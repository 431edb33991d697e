"""Event images drawn in worker processes while the building process writes the pages.

:func:`layers.site.build_site` starts an :class:`ImageBatch` with every image the site needs
(the events' and the whole map's) before it writes the tables, the article pages and the
display shapes, and collects each image's alt text only when a page needs it: on a machine
with two cores the images cost the build little more than the time the pages take anyway.

A batch of fewer than :data:`MIN_WORKER_JOBS` images, or one asked to use one process, draws
each image in this process when its result is asked for (starting workers would cost more
than it saves). The images are the same bytes either way (:mod:`layers.images`).
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Mapping, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path
from types import TracebackType
from typing import Any

from shapely.geometry.base import BaseGeometry

from layers.images import prepare_images, render_event_image
from layers.workers import process_pool

__all__ = ["MIN_WORKER_JOBS", "ImageBatch"]

#: Fewer images than this are drawn in this process (as :func:`layers.images.render_event_images`).
MIN_WORKER_JOBS = 8

_Job = tuple[dict[str, Any], BaseGeometry, Path, int, int]


def _draw(job: _Job) -> str:
    event, geometry, path, width, height = job
    return render_event_image(event, geometry, path, width=width, height=height)


class ImageBatch:
    """Images ``(event, geometry, path)`` being drawn; :meth:`alt` gives each one's alt text.

    Use it as a context manager: leaving the block (also by an exception) cancels the images
    not started and waits for those being drawn, so that no worker writes into a folder
    after its build has ended.
    """

    def __init__(
        self,
        jobs: Sequence[tuple[Mapping[str, Any], BaseGeometry, Path]],
        *,
        width: int,
        height: int,
        processes: int | None = None,
    ) -> None:
        """Start drawing ``jobs`` (in this order) at ``width`` x ``height`` pixels, in
        ``processes`` worker processes (default: one per CPU)."""
        self._jobs: list[_Job] = [(dict(e), g, Path(p), width, height) for e, g, p in jobs]
        self._futures: list[Future[str]] = []
        self._pool: ProcessPoolExecutor | None = None
        count = (os.cpu_count() or 1) if processes is None else max(1, processes)
        if count > 1 and len(self._jobs) >= MIN_WORKER_JOBS:
            if multiprocessing.get_start_method() == "fork":
                # loaded once here, inherited by every forked worker (0.12 s each otherwise)
                prepare_images(width=width, height=height)
            self._pool = process_pool(min(count, len(self._jobs)))
            self._futures = [self._pool.submit(_draw, job) for job in self._jobs]

    def alt(self, index: int) -> str:
        """The alt text of image ``index`` once it is written; raises :class:`SiteError`
        when that image cannot be drawn (as :func:`layers.images.render_event_image`)."""
        if self._pool is None:
            return _draw(self._jobs[index])
        return self._futures[index].result()

    def close(self) -> None:
        """Cancel the images not started and wait for the workers to end."""
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)

    def __enter__(self) -> ImageBatch:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()
