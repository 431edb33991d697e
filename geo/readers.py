"""Reading articles from files, folders and globs: ``read_articles`` and ``sample_paths``.

Formats (by extension, see ``docs/input-formats.md``): ``.txt``, ``.md``/``.markdown`` with
YAML front matter, ``.html``/``.htm`` (trafilatura), ``.jsonl`` (one article per line),
``.parquet`` (one article per row, :mod:`geo.readers_parquet`; folders and globs read only
articles tables, never the GeoParquet tables this tool writes).

- Paths: files, folders (searched recursively for the known extensions; hidden files and
  folders, and documentation files such as ``README.md``, skipped) and globs
  (``articles/*.md``, ``news/**/*.txt``). A path that does not exist and matches no glob
  raises :class:`GeoError`; so does a folder with no article files. Folders and globs read
  only what lies inside them (a symbolic link out of the folder is reported, not followed;
  linked folders are not entered) and never a site this tool built, nor ``skip`` (the
  build's output folder); a file named on its own is read wherever it points.
  Articles come back sorted by file path (and line, for JSONL), whatever the order of paths.
- Sidecar metadata: an ``articles.yaml`` next to the files maps article ids to ``title``,
  ``outlet``, ``url``, ``published``, ``published_derived_from``; it overrides what the
  file says. A sidecar date with ``published_derived_from`` is marked inferred unless the
  file states the same date.
- Ids: the file stem, or the JSONL ``id``. A duplicate id is renamed ``<id>-2``, ``-3``…,
  with a problem (the article is kept: dropping it would lose its events).
- Publication date: stated (date marker, front matter, HTML metadata, JSONL, sidecar) wins;
  otherwise inferred from the text with :func:`geo.dates.infer_published`, marked inferred,
  with one problem per article saying so (or saying that none could be inferred).
- Bad files (empty, binary, undecodable, malformed front matter, an HTML page without text,
  a file over 20 MB) give one problem each and are skipped; bad metadata values (an invalid
  date or URL, a 1 MB title) are dropped or truncated with a problem. Problems go to
  ``on_problem`` or, without one, to the ``geo`` logger.
"""

from __future__ import annotations

import glob
import itertools
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from importlib.resources import files
from pathlib import Path
from typing import Any

from geo.dates import infer_published
from geo.errors import GeoError
from geo.model import Article
from geo.problems import Problem, ProblemSink, sink_or_log
from geo.readers_html import read_html
from geo.readers_jsonl import read_jsonl
from geo.readers_markdown import read_markdown
from geo.readers_meta import (
    OUTLET_MAX,
    TITLE_MAX,
    Draft,
    Report,
    clean_label,
    clean_text,
    clean_url,
    load_yaml_mapping,
    parse_published,
    plain,
)
from geo.readers_parquet import Unreadable as NotArticles
from geo.readers_parquet import not_articles, read_parquet
from geo.readers_text import Unreadable, decode, read_txt
from inputsafe import SITE_MARKER, YamlError, clean_str, inside, printable

__all__ = ["EXTENSIONS", "FILE_MAX", "SIDECAR_NAMES", "read_articles", "sample_paths"]

_FileReader = Callable[[bytes, str, str, Report], Draft]
_READERS: dict[str, _FileReader] = {
    ".txt": read_txt,
    ".md": read_markdown,
    ".markdown": read_markdown,
    ".html": read_html,
    ".htm": read_html,
}
#: File extensions read as articles.
EXTENSIONS: tuple[str, ...] = (*sorted(_READERS), ".jsonl", ".parquet")
#: Sidecar metadata file names, looked up in each article's folder.
SIDECAR_NAMES: tuple[str, ...] = ("articles.yaml", "articles.yml")
#: Largest article file read (JSONL and Parquet files are read a line or a row group at a
#: time and have no file limit).
FILE_MAX = 20_000_000
_SIDECAR_MAX = 5_000_000
_GLOB_CHARS = frozenset("*?[")


def sample_paths() -> list[Path]:
    """The bundled sample articles (``geo/sample/*.txt``), sorted."""
    folder = files("geo").joinpath("sample")
    return sorted(Path(str(p)) for p in folder.iterdir() if p.name.endswith(".txt"))


def read_articles(
    paths: str | Path | Iterable[str | Path],
    *,
    on_problem: ProblemSink | None = None,
    skip: Iterable[str | Path] = (),
) -> list[Article]:
    """Read every article at ``paths`` (files, folders, globs), sorted by path.

    Folders and globs read only what lies inside them: a symbolic link to a file outside is
    reported and not followed, and a site built by this tool (or a folder in ``skip``, such
    as the build's output folder) is never read. Raises :class:`GeoError` for a path that
    does not exist and matches nothing; reports each problem with a file or its metadata
    through ``on_problem`` and goes on.
    """
    sink = sink_or_log(on_problem)
    if isinstance(paths, str | Path):
        paths = [paths]
    reader = ArticleReader(sink)
    for file in expand_paths(paths, skip, reader.problem):
        reader.read_file(file)
    return reader.articles


# --- paths ---------------------------------------------------------------------------------


#: Stems of documentation files that sit beside articles in a folder (``README.md``): folders
#: and globs skip them; naming such a file explicitly still reads it.
DOC_STEMS: frozenset[str] = frozenset({"readme", "license", "changelog", "contributing"})


def _is_article_file(p: Path) -> bool:
    return (
        p.suffix.lower() in EXTENSIONS
        and p.is_file()
        and p.name not in SIDECAR_NAMES
        and p.stem.lower() not in DOC_STEMS
    )


_PathReport = Callable[[str, str], None]


class _Finder:
    """The path policy for inputs (see :mod:`inputsafe.paths`): a folder walk reads only
    what lies inside the folder (no symbolic link out of it, no linked folder entered), skips
    hidden files and folders, and never reads a site this tool built (a folder holding
    ``SITE_MARKER``) nor the folders in ``skip`` (the build's own output folder)."""

    def __init__(self, skip: Iterable[str | Path], report: _PathReport) -> None:
        self.skip = {os.path.realpath(p) for p in skip}
        self.report = report
        self.found: dict[str, Path] = {}  # real path -> path as given

    def add(self, f: Path, base: Path | None) -> bool:
        """Take the file ``f``, found under ``base`` (``None``: named by the user); return
        whether it is read (a file reached twice is read once)."""
        real = os.path.realpath(f)
        if any(real == s or real.startswith(s.rstrip(os.sep) + os.sep) for s in self.skip):
            if base is None:
                self.report(printable(f), "inside the output folder; skipped")
            return False
        if base is not None and not inside(f, base):
            self.report(
                printable(f),
                f"a symbolic link to a file outside {printable(base)}; not followed (name the "
                "file itself to read it)",
            )
            return False
        self.found.setdefault(real, f)
        return True

    def walk(self, folder: Path) -> int:
        """Add the article files under ``folder``; return how many are read."""
        count = 0
        for dirpath, dirnames, filenames in os.walk(folder):  # linked folders are not entered
            here = Path(dirpath)
            if SITE_MARKER in filenames or os.path.realpath(here) in self.skip:
                dirnames[:] = []
                continue
            dirnames[:] = [d for d in dirnames if not d.startswith(".")]
            for name in filenames:
                f = here / name
                if not name.startswith(".") and self.articles_file(f):
                    count += self.add(f, folder)
        return count

    def articles_file(self, f: Path) -> bool:
        """Whether ``f``, found in a folder or by a glob, is read as articles: a file of a
        known kind that is not documentation, and for Parquet an articles table (another
        table is reported, except GeoParquet, which this tool writes, skipped silently)."""
        if not _is_article_file(f):
            return False
        if f.suffix.lower() == ".parquet" and (why := not_articles(f)) is not None:
            if "GeoParquet" not in why:
                self.report(printable(f), f"{why}; not read as articles")
            return False
        return True


def _glob_base(pattern: str) -> Path:
    """The folder a glob pattern searches: its longest leading part without glob characters."""
    parts = Path(pattern).parts
    fixed = [p for p in itertools.takewhile(lambda p: not (_GLOB_CHARS & set(p)), parts)]
    return Path(*fixed) if fixed else Path(".")


def _in_site(f: Path, base: Path) -> bool:
    """Whether ``f`` lies in a built site somewhere below ``base`` (or in ``base``)."""
    for folder in (f.parent, *f.parent.parents):
        if (folder / SITE_MARKER).is_file():
            return True
        if folder == base:
            break
    return False


def expand_paths(
    paths: Iterable[str | Path], skip: Iterable[str | Path], report: _PathReport
) -> list[Path]:
    """Article files for the given paths, sorted; a file reached twice (``a.txt`` and
    ``./a.txt``, a file and its folder) is read once."""
    finder = _Finder(skip, report)
    for raw in paths:
        p = Path(raw).expanduser()
        shown = printable(raw)
        if p.is_file():
            finder.add(p, None)
        elif p.is_dir():
            if (p / SITE_MARKER).is_file():
                raise GeoError(f"{shown} is a site built by geo-news-map, not a folder of articles")
            if not finder.walk(p):
                raise GeoError(f"no article files ({', '.join(EXTENSIONS)}) in folder: {shown}")
        elif _GLOB_CHARS & set(str(raw)):
            base = _glob_base(str(p))
            matches = [Path(m) for m in glob.glob(str(p), recursive=True)]
            if not matches:
                raise GeoError(f"no such file or folder: {shown} (the pattern matches nothing)")
            count = 0
            for m in matches:
                if m.is_dir():
                    count += finder.walk(m)
                elif not _in_site(m, base) and finder.articles_file(m):
                    count += finder.add(m, base)
            if not count:
                raise GeoError(f"no article files ({', '.join(EXTENSIONS)}) match: {shown}")
        else:
            raise GeoError(f"no such file or folder: {shown}")
    return sorted(finder.found.values(), key=lambda f: f.as_posix())


# --- reading -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Sidecar:
    path: str
    entries: dict[str, dict[str, Any]]


class ArticleReader:
    """Reads files one by one, keeping ids unique and sidecars loaded once per folder."""

    def __init__(self, sink: ProblemSink) -> None:
        self.sink = sink
        self.articles: list[Article] = []
        self.ids: dict[str, str] = {}  # id -> source that took it
        self.sidecars: dict[Path, _Sidecar | None] = {}

    def problem(self, source: str, message: str) -> None:
        self.sink(Problem(source, message))

    def read_file(self, file: Path) -> None:
        shown = printable(file)  # a file name may hold escape sequences or undecodable bytes
        suffix = file.suffix.lower()
        if suffix == ".jsonl":
            if self.read_jsonl_part(file) == 0:
                self.problem(shown, "no articles in the file")
            return
        if suffix == ".parquet":
            if self.read_parquet_part(file) == 0:
                self.problem(shown, "no articles in the file")
            return
        if suffix not in _READERS:
            self.problem(
                shown,
                f"unsupported file type {suffix or '(none)'!r}: expected one of "
                f"{', '.join(EXTENSIONS)}; skipped",
            )
            return
        try:
            size = file.stat().st_size
            if size > FILE_MAX:
                self.problem(shown, f"file is {size:,} bytes; the limit is {FILE_MAX:,}; skipped")
                return
            data = file.read_bytes()
        except OSError as exc:
            self.problem(shown, f"cannot read the file: {exc.strerror or exc}")
            return
        try:
            draft = _READERS[suffix](
                data, clean_str(file.stem), shown, lambda m: self.problem(shown, m)
            )
        except Unreadable as exc:
            self.problem(shown, f"{exc}; skipped")
            return
        self.finish(draft, file.parent)

    def read_jsonl_part(
        self, file: Path, start: int = 0, end: int | None = None, first_line: int = 1
    ) -> int | None:
        """Read the lines of the JSONL ``file`` starting in bytes ``[start, end)`` (all of
        them by default; ``first_line`` is the number of the line at ``start``); return how
        many drafts they gave, or ``None`` when the file could not be read (reported)."""
        shown = printable(file)
        # One line at a time: a million-line file is never held twice (as lines and as
        # articles), only as the articles read so far.
        drafts = read_jsonl(
            file,
            shown,
            lambda n, m: self.problem(f"{shown}:{n}", m),
            start=start,
            end=end,
            first_line=first_line,
        )
        return self._finish_all(drafts, file, shown)

    def read_parquet_part(
        self, file: Path, groups: tuple[int, int | None] = (0, None), first_row: int = 1
    ) -> int | None:
        """Read the row groups ``[groups[0], groups[1])`` of the Parquet ``file`` (all by
        default; ``first_row`` is the number of the first group's first row); return how many
        drafts they gave, or ``None`` when the file could not be read (reported)."""
        shown = printable(file)
        drafts = read_parquet(
            file,
            shown,
            lambda n, m: self.problem(f"{shown}:row {n}", m),
            lambda m: self.problem(shown, m),
            groups=groups,
            first_row=first_row,
        )
        return self._finish_all(drafts, file, shown)

    def _finish_all(self, drafts: Iterable[Draft], file: Path, shown: str) -> int | None:
        """:meth:`finish` each of ``drafts`` as it is read from ``file`` (``shown`` in
        messages); return how many there were, or ``None`` when reading failed part-way
        (reported; the drafts finished before stay)."""
        count = 0
        try:
            for draft in drafts:
                count += 1
                self.finish(draft, file.parent)
        except NotArticles as exc:
            self.problem(shown, str(exc))
            return None
        except OSError as exc:
            self.problem(shown, f"cannot read the file: {exc.strerror or exc}")
            return None
        return count

    def finish(self, draft: Draft, folder: Path) -> None:
        """Apply the sidecar, validate metadata, date the article, keep its id unique."""
        src = draft.source
        draft.id = clean_str(draft.id)  # a JSONL id taken from the file's stem

        def report(message: str) -> None:
            self.problem(src, message)

        text = clean_text(draft.text, report)
        if not text:
            report("no article text; skipped")
            return
        stated = parse_published(draft.published_raw, report)
        title: Any = draft.title
        outlet: Any = draft.outlet
        url: Any = draft.url
        published = stated
        inferred = False
        note: str | None = None
        extra = dict(draft.extra)

        entry = self.sidecar_entry(folder, draft.id)
        if entry is not None:
            title = entry.get("title", title)
            outlet = entry.get("outlet", outlet)
            url = entry.get("url", url)
            side_date = parse_published(entry.get("published"), report)
            derived = entry.get("published_derived_from")
            if side_date is not None:
                published = side_date
                inferred = derived is not None and side_date != stated
                if isinstance(entry.get("published_inferred"), bool):
                    inferred = entry["published_inferred"]
                if derived is not None:
                    note = clean_label(derived, "published_derived_from", 1000, report)
            extra.update(
                (k, plain(v))
                for k, v in entry.items()
                if k
                not in (
                    "title",
                    "outlet",
                    "url",
                    "published",
                    "published_derived_from",
                    "published_inferred",
                )
            )

        title = clean_label(title, "title", TITLE_MAX, report)
        outlet = clean_label(outlet, "outlet", OUTLET_MAX, report)
        url = clean_url(url, report)

        if published is None:
            published, inferred, note = _infer(text, report)

        article_id = self.unique_id(draft.id, src)
        self.keep(
            Article(
                id=article_id,
                text=text,
                title=title,
                outlet=outlet,
                url=url,
                published=published,
                published_inferred=inferred,
                published_note=note,
                path=draft.path,
                extra=extra,
            )
        )

    def keep(self, article: Article) -> None:
        """Add ``article`` to what was read."""
        self.articles.append(article)

    def unique_id(self, wanted: str, source: str) -> str:
        if wanted not in self.ids:
            self.ids[wanted] = source
            return wanted
        n = 2
        while f"{wanted}-{n}" in self.ids:
            n += 1
        new = f"{wanted}-{n}"
        self.problem(
            source,
            f"duplicate article id {wanted!r} (already used by {self.ids[wanted]}); "
            f"renamed to {new!r}",
        )
        self.ids[new] = source
        return new

    def sidecar_entry(self, folder: Path, article_id: str) -> dict[str, Any] | None:
        if folder not in self.sidecars:
            self.sidecars[folder] = self.load_sidecar(folder)
        sidecar = self.sidecars[folder]
        if sidecar is None:
            return None
        return sidecar.entries.get(article_id)

    def load_sidecar(self, folder: Path) -> _Sidecar | None:
        for name in SIDECAR_NAMES:
            path = folder / name
            if path.is_file():
                break
        else:
            return None
        shown = printable(path)
        if not inside(path, folder):
            self.problem(shown, "a symbolic link to a file outside its folder; not followed")
            return None
        try:
            if path.stat().st_size > _SIDECAR_MAX:
                self.problem(shown, f"sidecar larger than {_SIDECAR_MAX:,} bytes; ignored")
                return None
            text = decode(path.read_bytes(), lambda m: self.problem(shown, m))
            raw = load_yaml_mapping(text)
        except (OSError, Unreadable, YamlError) as exc:
            self.problem(shown, f"sidecar metadata not read: {exc}")
            return None
        entries: dict[str, dict[str, Any]] = {}
        for key, value in raw.items():
            if value is None:
                continue
            if not isinstance(value, dict):
                self.problem(shown, f"entry {key!r} is not a mapping of fields; ignored")
                continue
            entries[key] = value
        return _Sidecar(shown, entries)


def _infer(text: str, report: Report) -> tuple[date | None, bool, str | None]:
    found = infer_published(text)
    if found is None:
        report(
            "no publication date and none could be inferred from the text; relative dates "
            "('on Monday', 'last week') stay unresolved (add a date: see docs/input-formats.md)"
        )
        return None, False, None
    d, evidence = found
    note = f"inferred from '{evidence}'"
    report(f"no publication date; inferred {d.isoformat()} from '{evidence}'")
    return d, True, note
