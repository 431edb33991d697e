"""Reading articles in parts, in other processes, with the result of reading them in one.

:func:`plan_parts` expands the paths as :func:`geo.read_articles` does and cuts the files into
parts of about ``size`` articles (a file of one article is one unit; a JSONL file is cut into
runs of lines by byte offsets and a Parquet file into runs of row groups, so a worker reads
only its lines or row groups). A worker reads a part with
:func:`read_part`, which keeps a *log*: the problems and articles in the order one reader
would have met them, each article under the id its file gives it. :class:`Replay` plays the
logs back in the parts' order on the client and gives what :func:`geo.read_articles` gives,
problem for problem: it makes ids unique across all parts (renaming a later duplicate, with
the same problem), reports a folder's sidecar problems once (every part that reads the folder
loads its sidecar) and says "no articles in the file" of a JSONL or Parquet file only after its
last part.

>>> from geo.readers import sample_paths
>>> parts, problems = plan_parts(sample_paths(), size=2)
>>> [len(p.units) for p in parts], problems
([2, 2, 1], [])
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from geo.model import Article
from geo.problems import Problem, ProblemSink
from geo.readers import ArticleReader, expand_paths
from geo.readers_jsonl import jsonl_parts
from geo.readers_parquet import Unreadable, parquet_parts
from inputsafe import printable

__all__ = ["Part", "Replay", "Unit", "plan_parts", "read_part"]


@dataclass(frozen=True, slots=True)
class Unit:
    """A file to read, or, for a JSONL file, its lines starting in bytes ``[start, end)``
    (``first_line`` the number of the first; ``last``: the file's last part), or, for a
    Parquet file (``parquet``), its row groups ``[start, end)`` (``first_line``: the number
    of the first row). ``articles`` is how many it may hold (its non-blank lines or rows; 1
    for another file)."""

    path: str
    jsonl: bool = False
    start: int = 0
    end: int | None = None
    first_line: int = 1
    last: bool = True
    articles: int = 1
    parquet: bool = False

    @property
    def in_parts(self) -> bool:
        """Whether the file may be read in several units (JSONL, Parquet)."""
        return self.jsonl or self.parquet


@dataclass(frozen=True, slots=True)
class Part:
    """Units read by one task, in order."""

    units: tuple[Unit, ...]

    @property
    def articles(self) -> int:
        """At most this many articles (an estimate until read)."""
        return sum(u.articles for u in self.units)


def plan_parts(
    paths: str | Path | Iterable[str | Path], *, size: int, skip: Iterable[str | Path] = ()
) -> tuple[list[Part], list[Problem]]:
    """The files at ``paths`` (as :func:`geo.read_articles` finds them; it raises the same
    :class:`GeoError` for a path that matches nothing) cut into parts of about ``size``
    articles, and the problems finding them gave (reported first when the parts are read)."""
    if isinstance(paths, str | Path):
        paths = [paths]
    problems: list[Problem] = []
    files = expand_paths(paths, skip, lambda source, m: problems.append(Problem(source, m)))
    units: list[Unit] = []
    for file in files:
        if file.suffix.lower() == ".parquet":
            units.extend(_parquet_units(file, size))
            continue
        if file.suffix.lower() != ".jsonl":
            units.append(Unit(str(file)))
            continue
        try:
            cuts = jsonl_parts(file, size)
        except OSError:
            units.append(Unit(str(file), jsonl=True))  # the reader reports it
            continue
        for i, (start, end, first, lines) in enumerate(cuts):
            last = i == len(cuts) - 1
            units.append(Unit(str(file), True, start, None if last else end, first, last, lines))
    parts: list[Part] = []
    batch: list[Unit] = []
    for unit in units:
        batch.append(unit)
        if sum(u.articles for u in batch) >= size:
            parts.append(Part(tuple(batch)))
            batch = []
    if batch:
        parts.append(Part(tuple(batch)))
    return parts, problems


def _parquet_units(file: Path, size: int) -> list[Unit]:
    try:
        cuts = parquet_parts(file, size)
    except (OSError, Unreadable):
        return [Unit(str(file), parquet=True)]  # the reader reports it
    return [
        Unit(
            str(file),
            False,
            start,
            None if i == len(cuts) - 1 else end,
            first,
            i == len(cuts) - 1,
            rows,
            True,
        )
        for i, (start, end, first, rows) in enumerate(cuts)
    ]


#: A log entry: ("problem", Problem); ("sidecar", folder, Problem or None for the load
#: itself); ("article", Article, source); ("end", drafts): a unit read (for a JSONL or Parquet
#: unit its drafts, ``None`` when the file could not be read).
Entry = tuple[Any, ...]


class _LoggingReader(ArticleReader):
    """An :class:`ArticleReader` that logs instead of reporting, and leaves ids as found."""

    def __init__(self) -> None:
        self.log: list[Entry] = []
        self._folder: str | None = None
        self._source = ""
        super().__init__(self._logged)

    def _logged(self, problem: Problem) -> None:
        if self._folder is not None:
            self.log.append(("sidecar", self._folder, problem))
        else:
            self.log.append(("problem", problem))

    def load_sidecar(self, folder: Path) -> Any:
        self._folder = str(folder)
        self.log.append(("sidecar", self._folder, None))
        try:
            return super().load_sidecar(folder)
        finally:
            self._folder = None

    def unique_id(self, wanted: str, source: str) -> str:
        self._source = source
        return wanted  # the client makes ids unique across every part (Replay)

    def keep(self, article: Article) -> None:
        super().keep(article)
        self.log.append(("article", article, self._source))


def read_part(part: Part) -> tuple[list[Entry], list[Article]]:
    """Read ``part`` (on a worker): its log and its articles, in order, under the ids their
    files give them."""
    reader = _LoggingReader()
    for unit in part.units:
        if unit.jsonl:
            drafts = reader.read_jsonl_part(Path(unit.path), unit.start, unit.end, unit.first_line)
            reader.log.append(("end", drafts))
        elif unit.parquet:
            groups = (unit.start, unit.end)
            drafts = reader.read_parquet_part(Path(unit.path), groups, unit.first_line)
            reader.log.append(("end", drafts))
        else:
            reader.read_file(Path(unit.path))
            reader.log.append(("end", 1))
    return reader.log, reader.articles


@dataclass
class Replay:
    """The logs of the parts, played back in order as one reader would have reported them:
    call :meth:`part` for each part in order; ``articles`` are then what
    :func:`geo.read_articles` gives (ids made unique), and ``renamed`` the positions of the
    articles whose id changed (what was extracted under the old id is not theirs)."""

    sink: ProblemSink
    articles: list[Article] = field(default_factory=list)
    renamed: set[int] = field(default_factory=set)
    _ids: ArticleReader | None = None
    _sidecars: dict[str, int] = field(default_factory=dict)  # folder -> first part loading it
    _drafts: dict[str, int] = field(default_factory=dict)  # JSONL/Parquet file -> drafts so far
    _failed: set[str] = field(default_factory=set)  # JSONL/Parquet files that could not be read
    _parts: int = 0

    def part(self, part: Part, log: Sequence[Entry]) -> list[bool]:
        """Play back the log of ``part``; return, for each article it read, whether it is
        kept (not those of a JSONL or Parquet file's part after one that could not be read,
        which one reader would have stopped at)."""
        if self._ids is None:
            self._ids = ArticleReader(self.sink)
        index = self._parts
        self._parts += 1
        kept: list[bool] = []
        units = iter(part.units)
        unit = next(units)
        for entry in log:
            kind = entry[0]
            if kind == "end":
                if unit.in_parts:
                    self._end_parted(unit, entry[1])
                unit = next(units, unit)
                continue
            if unit.path in self._failed:
                if kind == "article":
                    kept.append(False)
                continue
            if kind == "problem":
                self.sink(entry[1])
            elif kind == "sidecar":
                first = self._sidecars.setdefault(entry[1], index)
                if entry[2] is not None and first == index:
                    self.sink(entry[2])
            else:
                article: Article = entry[1]
                new = self._ids.unique_id(article.id, entry[2])
                if new != article.id:
                    self.renamed.add(len(self.articles))
                    article = replace(article, id=new)
                self.articles.append(article)
                kept.append(True)
        return kept

    def _end_parted(self, unit: Unit, drafts: int | None) -> None:
        if unit.path in self._failed:
            return
        if drafts is None:
            self._failed.add(unit.path)
            return
        self._drafts[unit.path] = self._drafts.get(unit.path, 0) + drafts
        if unit.last and not self._drafts[unit.path]:
            self.sink(Problem(printable(Path(unit.path)), "no articles in the file"))
