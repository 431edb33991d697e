"""The path policy shared by the readers and the site writer.

- A folder walk reads only what is inside the folder: a symbolic link whose target lies
  outside it (``passwd.txt -> /etc/passwd``) is not followed (:func:`inside`).
- A folder holding :data:`SITE_MARKER` is a site this tool built: folder walks never read it
  (so ``geo build .`` does not read its own previous site back), and only such a folder (or
  an empty one) may be replaced by a build.
"""

from __future__ import annotations

import os
from pathlib import Path

__all__ = ["SITE_MARKER", "inside"]

#: The file every built site carries; it marks a folder a build may replace, and that
#: readers skip.
SITE_MARKER = ".geo-news-map-site"


def inside(path: str | Path, folder: str | Path) -> bool:
    """Whether ``path``, with every symbolic link resolved, lies within ``folder`` (also
    resolved). A link that points outside the folder, or a loop, is not inside."""
    try:
        real = os.path.realpath(path, strict=True)
        root = os.path.realpath(folder, strict=True)
    except (OSError, RuntimeError):
        return False
    return real == root or real.startswith(root.rstrip(os.sep) + os.sep)
