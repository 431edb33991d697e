"""The output folder: which folder a build may replace, and replacing it safely.

A build writes into a staging folder beside the output folder and swaps it in only when
everything succeeded. The rules (the output half of :mod:`inputsafe.paths`):

- Only a folder this tool made (it holds :data:`inputsafe.SITE_MARKER`) or an empty one
  (nothing but ``README.md`` / ``.gitignore``) is replaced. Any other folder is refused
  with a message, whatever it holds: a folder with an ``index.html`` and a
  ``data/events.geojson`` of its own may still hold ``.git/`` and ``src/``.
- A symbolic link as the output folder stays a link: the folder it points to is replaced
  (or created), under the same rules.
- The current folder, or a folder holding it, is refused (replacing it would leave the
  shell in a deleted folder).
- The swap is one atomic exchange of the two folders where the system has one (Linux
  ``renameat2(RENAME_EXCHANGE)``), so a kill at any moment leaves either the old or the new
  site in place, never no site; elsewhere it is two renames, and the next build puts back
  an old site a kill left aside.
- Staging and old folders are named ``.<out>.building-<pid>-…`` and ``.<out>.old-<pid>-…``;
  the next build deletes those whose process is gone (after ``kill -9``).
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import os
import re
import shutil
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from inputsafe import SITE_MARKER, printable
from layers.errors import SiteError

__all__ = ["KEPT_FILES", "MARKER_TEXT", "check_output", "keep_files", "staging"]

MARKER_TEXT = "This folder is a site built by geo-news-map; `geo build` replaces it whole.\n"

#: Files at the top of an output folder that a build keeps: a repository's ``site/README.md``
#: saying how the folder is built, and its ``.gitignore``. A folder holding only these counts
#: as empty, and each build carries them over unchanged.
KEPT_FILES: tuple[str, ...] = (".gitignore", "README.md")


def _made_by_us(path: Path) -> bool:
    marker = path / SITE_MARKER
    return marker.is_file() and not marker.is_symlink()


def _only_kept_files(path: Path) -> bool:
    return all(p.name in KEPT_FILES and p.is_file() for p in path.iterdir())


def check_output(out: Path) -> Path:
    """The real folder a build into ``out`` will replace (a symbolic link resolved), after
    checking the rules in the module docstring; raises :class:`SiteError` otherwise."""
    shown = printable(out)
    target = Path(os.path.realpath(out))
    cwd = os.path.realpath(os.getcwd())
    if cwd == str(target) or cwd.startswith(str(target).rstrip(os.sep) + os.sep):
        raise SiteError(
            f"cannot build the site in {shown}: it is the current folder or holds it, and a "
            "build replaces its output folder whole; choose a folder inside it, such as "
            "--out site"
        )
    if target.exists() and not target.is_dir():
        raise SiteError(f"cannot build the site in {shown}: it is a file, not a folder")
    if target.is_dir() and not _only_kept_files(target) and not _made_by_us(target):
        raise SiteError(
            f"refusing to replace {shown}: it is not empty and is not a site built by "
            f"geo-news-map (no {SITE_MARKER} file); choose a new or empty folder"
        )
    return target


def keep_files(out: Path, root: Path) -> None:
    """Copy the :data:`KEPT_FILES` of ``out`` into the new site at ``root``."""
    for name in KEPT_FILES:
        if (out / name).is_file():
            try:
                shutil.copyfile(out / name, root / name)
            except OSError as exc:
                raise SiteError(f"cannot keep {out / name}: {exc.strerror or exc}") from exc


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # EPERM: alive, someone else's
        return True
    return True


def _clean_stale(out: Path) -> None:
    """Delete the staging and old folders of builds into ``out`` whose process is gone; if
    ``out`` itself is missing (a kill between two renames), put the old site back first."""
    pattern = re.compile(rf"\.{re.escape(out.name)}\.(building|old)-(?:(\d+)-)?[A-Za-z0-9_]+")
    try:
        entries = sorted(out.parent.iterdir())
    except OSError:
        return
    for entry in entries:
        m = pattern.fullmatch(entry.name)
        if m is None or entry.is_symlink() or not entry.is_dir():
            continue
        if m.group(2) is not None and _alive(int(m.group(2))):
            continue  # another build is running
        if m.group(1) == "old" and not out.exists() and _made_by_us(entry):
            with contextlib.suppress(OSError):
                os.replace(entry, out)
                continue
        shutil.rmtree(entry, ignore_errors=True)


@contextmanager
def staging(out: Path) -> Iterator[Path]:
    """Yield a fresh folder beside ``out`` (a real path, from :func:`check_output`); on
    success swap it in for ``out``, else delete it."""
    parent = out.parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
        _clean_stale(out)
        root = Path(tempfile.mkdtemp(prefix=f".{out.name}.building-{os.getpid()}-", dir=parent))
    except PermissionError as exc:
        raise SiteError(
            f"cannot write the site to {printable(out)}: permission denied in "
            f"{printable(parent)}; choose a folder you can write to with --out"
        ) from exc
    except OSError as exc:
        raise SiteError(
            f"cannot write the site to {printable(out)}: {exc.strerror or exc}"
        ) from exc
    try:
        yield root
        root.chmod(0o755)  # mkdtemp makes it private; a site is meant to be served
        _swap(root, out)
    except BaseException:
        shutil.rmtree(root, ignore_errors=True)
        raise


_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


def _exchange(a: Path, b: Path) -> bool:
    """Atomically exchange the folders ``a`` and ``b`` (Linux ``renameat2``); ``False`` when
    the system or file system cannot, so the caller falls back to renames."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):  # no renameat2 in this C library (glibc < 2.28, musl)
        return False
    renameat2.argtypes = [
        ctypes.c_int,
        ctypes.c_char_p,
        ctypes.c_int,
        ctypes.c_char_p,
        ctypes.c_uint,
    ]
    renameat2.restype = ctypes.c_int
    if renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.ENOSYS, errno.EINVAL, errno.EOPNOTSUPP):
        return False
    raise OSError(code, os.strerror(code), str(b))


def _swap(root: Path, out: Path) -> None:
    """Replace ``out`` with ``root`` so that ``out`` is never missing where the system
    allows (see the module docstring)."""
    try:
        if not out.exists():
            os.replace(root, out)
            return
        if _exchange(root, out):
            shutil.rmtree(root, ignore_errors=True)  # it now holds the old site
            return
    except OSError as exc:
        raise SiteError(f"cannot replace {printable(out)}: {exc.strerror or exc}") from exc
    old = Path(tempfile.mkdtemp(prefix=f".{out.name}.old-{os.getpid()}-", dir=out.parent))
    old.rmdir()
    try:
        os.replace(out, old)
    except OSError as exc:
        raise SiteError(f"cannot replace {printable(out)}: {exc.strerror or exc}") from exc
    try:
        os.replace(root, out)
    except OSError as exc:
        os.replace(old, out)
        raise SiteError(f"cannot replace {printable(out)}: {exc.strerror or exc}") from exc
    shutil.rmtree(old, ignore_errors=True)


def write_page(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` as UTF-8 with ``\n`` line ends, making its folders; a
    :class:`SiteError` naming the file when it cannot be written."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="\n")
    except OSError as exc:
        raise SiteError(f"cannot write {path}: {exc.strerror or exc}") from exc
