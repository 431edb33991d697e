"""Frozen value objects shared across the geo package: articles, date ranges, mentions."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from types import MappingProxyType
from typing import Any

from shapely.geometry.base import BaseGeometry

from gazetteer import Place
from geo.errors import GeoError

#: Roles of a place mention: ``location`` (the text names the place itself; only these can
#: place an event), ``demonym`` ("Russian forces"), ``organisation`` ("Alexandria Police",
#: "University of Texas") and ``qualifier`` ("Texas" in "Paris, Texas", "W.Va." in
#: "CHARLESTON, W.Va."): mentions of the place, never an event's location by themselves.
ROLES: tuple[str, ...] = ("location", "demonym", "organisation", "qualifier")

#: Date precisions, finest first.
PRECISIONS: tuple[str, ...] = ("day", "week", "month", "season", "year", "unknown")


@dataclass(frozen=True, slots=True)
class DateRange:
    """An inclusive range of days with the precision the text gave it.

    A month-precise date spans the whole month; ``unknown`` means the range is a guess
    (typically around the publication date).
    """

    start: date
    end: date
    precision: str

    def __post_init__(self) -> None:
        if not isinstance(self.start, date) or not isinstance(self.end, date):
            raise GeoError(f"DateRange needs dates, got {self.start!r} and {self.end!r}")
        if self.end < self.start:
            raise GeoError(f"DateRange ends before it starts: {self.start} > {self.end}")
        if self.precision not in PRECISIONS:
            raise GeoError(
                f"unknown date precision {self.precision!r}; "
                f"expected one of {', '.join(PRECISIONS)}"
            )

    @classmethod
    def day(cls, d: date) -> DateRange:
        return cls(d, d, "day")

    def overlaps(self, other: DateRange) -> bool:
        return self.start <= other.end and other.start <= self.end

    def contains(self, other: DateRange) -> bool:
        return self.start <= other.start and other.end <= self.end

    @property
    def rank(self) -> int:
        """0 for day precision up to 5 for unknown: lower is finer."""
        return PRECISIONS.index(self.precision)

    def iso(self) -> tuple[str, str]:
        return self.start.isoformat(), self.end.isoformat()


@dataclass(frozen=True, slots=True)
class Article:
    """One article. ``text`` is the body the offsets of mentions point into.

    ``published`` is ``None`` only when no date could be found or inferred;
    ``published_inferred`` says it was not stated by the source, and ``published_note``
    says how it was derived.
    """

    id: str
    text: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: date | None = None
    published_inferred: bool = False
    published_note: str | None = None
    path: str | None = None
    extra: Mapping[str, Any] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        if not self.id or "/" in self.id or self.id in {".", ".."}:
            raise GeoError(f"invalid article id {self.id!r}")
        if not isinstance(self.text, str):
            raise GeoError(f"article {self.id!r}: text must be a string")
        if self.published is not None and not isinstance(self.published, date):
            raise GeoError(f"article {self.id!r}: published must be a date, got {self.published!r}")
        object.__setattr__(self, "extra", MappingProxyType(dict(self.extra)))

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        # a read-only mapping proxy does not pickle: send a plain copy, the constructor wraps
        # it again (articles go to other processes in parallel extraction)
        values = tuple(getattr(self, f) for f in self.__dataclass_fields__ if f != "extra")
        return (Article, (*values, dict(self.extra)))

    @property
    def label(self) -> str:
        """A human label: the title, else the id."""
        return self.title or self.id


@dataclass(frozen=True, slots=True)
class Mention:
    """One resolved place mention in a text.

    ``text == article_text[char_start:char_end]`` and includes modifiers ("near Alaska",
    "the northwestern Pacific Ocean"). ``dates`` is the date range of its sentence (or of the
    sentence it refers back to), ``None`` when there is no date and no publication date.
    ``role`` is one of :data:`ROLES`: ``location`` when the text names the place itself,
    ``demonym`` ("Russian" → Russia), ``organisation`` ("Texas" in "University of Texas") or
    ``qualifier`` ("Texas" in "Paris, Texas": inside the span of the place it qualifies).
    """

    char_start: int
    char_end: int
    text: str
    place: Place
    sentence: str = ""
    dates: DateRange | None = None
    modifier: str | None = None
    article_id: str | None = None
    role: str = "location"

    def __post_init__(self) -> None:
        if self.role not in ROLES:
            raise GeoError(
                f"unknown mention role {self.role!r}; expected one of {', '.join(ROLES)}"
            )
        if not 0 <= self.char_start < self.char_end:
            raise GeoError(f"bad mention offsets {self.char_start}..{self.char_end}")
        if len(self.text) != self.char_end - self.char_start:
            raise GeoError(
                f"mention text {self.text!r} does not span {self.char_start}..{self.char_end}"
            )

    @property
    def place_id(self) -> str:
        return self.place.id

    @property
    def place_name(self) -> str:
        return self.place.name

    @property
    def place_kind(self) -> str:
        return self.place.kind

    @property
    def geometry(self) -> BaseGeometry:
        return self.place.geometry
