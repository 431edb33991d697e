"""Worker processes that die with the build that started them.

A ``kill -9`` of a build gives its worker processes no chance to be told: idle workers of a
plain :class:`~concurrent.futures.ProcessPoolExecutor` wait for work for ever (each image
worker holds the base map, about 240 MB). :func:`process_pool` gives each worker a
parent-death signal where the kernel offers one (Linux) and, everywhere, a thread that ends
the worker once its parent is gone.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import signal
import sys
import threading
from concurrent.futures import ProcessPoolExecutor

__all__ = ["process_pool"]

#: How often a worker looks for its parent where the kernel cannot tell it (seconds).
PARENT_CHECK_SECONDS = 1.0

_PR_SET_PDEATHSIG = 1


def _watch(parent: int) -> None:
    stop = threading.Event()
    while not stop.wait(PARENT_CHECK_SECONDS):
        if os.getppid() != parent:
            os._exit(1)


def _die_with_parent(parent: int) -> None:
    """Worker initializer: end this process when ``parent`` ends."""
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:  # the parent died before the signal was set up
        os._exit(1)
    threading.Thread(target=_watch, args=(parent,), name="parent-watch", daemon=True).start()


def process_pool(max_workers: int) -> ProcessPoolExecutor:
    """A process pool whose workers end when this process ends, even by ``kill -9``."""
    return ProcessPoolExecutor(
        max_workers=max_workers, initializer=_die_with_parent, initargs=(os.getpid(),)
    )
