"""The toponym records of recognition: a place phrase found in a text (:class:`Toponym`), the
place it resolved to (:class:`Recognized`) and what an article's resolution gives
(:class:`Resolution`), with the roles a phrase can play.

:mod:`geo.recognize` finds and resolves them and re-exports these names.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from gazetteer import Place
from gazetteer.normalize import normalize
from geo.errors import GeoError

#: The roles of a mention (:data:`geo.model.ROLES`; only a location can place an event).
LOCATION, DEMONYM, ORGANISATION, QUALIFIER = "location", "demonym", "organisation", "qualifier"


class GazetteerLike(Protocol):
    """The part of :class:`gazetteer.Gazetteer` the recognizer uses."""

    def name_keys(self) -> Iterable[str]: ...

    def candidates(self, name: str, context: Any = None) -> Sequence[Any]: ...

    def resolve(self, name: str, context: Any = None) -> Place | None: ...


@dataclass(frozen=True, slots=True)
class Toponym:
    """A place phrase found in a text, before resolution.

    ``start``/``end`` span the whole phrase (modifier, name and absorbed qualifier);
    ``name_start``/``name_end`` the bare name. ``modifier`` is the gazetteer modifier
    (``rule``, ``detail``, ``phrase``) or ``None``; ``qualifier`` the text of a following
    ", Russia"-style qualifier (``None`` until resolution accepts it); ``demonym`` is true for
    "<demonym> waters" phrases, whose name is the country the demonym stands for. ``key`` is
    the gazetteer lookup key of ``name`` (computed from it when not given). ``division`` is
    the designator a list gives the name ("region" for Odesa in "the Odesa and Kherson
    regions"): the name is looked up as that division (:attr:`lookup`). ``role`` is
    ``location``, ``demonym`` ("Russian forces": ``name`` is the place the demonym stands for)
    or ``organisation`` ("Alexandria Police"): see :mod:`geo.roles`. ``abbreviation`` is true
    for an abbreviated division standing alone ("the S.C. Highway Patrol", "a Ga. pastor":
    :mod:`geo.abbreviations`): its place is the one division the abbreviation means.
    """

    start: int
    end: int
    name_start: int
    name_end: int
    name: str
    modifier: Any = None
    qualifier: str | None = None
    demonym: bool = False
    key: str = ""
    division: str | None = None
    role: str = LOCATION
    abbreviation: bool = False

    @property
    def lookup(self) -> str:
        """The name to look up: the name, with the designator a list gives it."""
        return self.name if self.division is None else f"{self.name} {self.division}"

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.name_start < self.name_end <= self.end:
            raise GeoError(
                f"bad toponym span {self.start}..{self.end} (name {self.name_start}.."
                f"{self.name_end})"
            )
        if not self.key:
            object.__setattr__(self, "key", normalize(self.name))


@dataclass(frozen=True, slots=True)
class Recognized:
    """A toponym resolved to a place. ``base`` is the named place before a modifier made a
    derived area of it (the same as ``place`` without a modifier)."""

    toponym: Toponym
    place: Place
    base: Place

    @property
    def start(self) -> int:
        return self.toponym.start

    @property
    def end(self) -> int:
        return self.toponym.end

    @property
    def role(self) -> str:
        """``location``, ``demonym``, ``organisation`` or ``qualifier``
        (:data:`geo.model.ROLES`)."""
        return self.toponym.role

    @property
    def modifier_rule(self) -> str | None:
        mod = self.toponym.modifier
        return getattr(mod, "rule", None) if mod is not None else None


@dataclass(frozen=True, slots=True)
class Resolution:
    """What :meth:`Recognizer.resolve_article` gives for one article: the resolved
    ``recognized`` phrases; the first-level division ``votes`` the article's own text gave
    (division id → (votes, place); see ``_division_votes``); the ids of its ``evidence``
    divisions (``Context.divisions``, most votes first) and then of every other division
    it votes for, however weakly; and ``movable``: when the article has no home division of
    its own (or one only doubtful places vote for, see
    :meth:`geo.divisions.Divisions._division_votes`), the ids of the divisions of the
    places a home would be asked to re-place
    (unqualified towns, cities and counties; "" for a place in none) and of their countries
    (``iso:<code>``): an outlet prior can change the article's places only when one of them
    is not the prior (:func:`geo.outlets.needs_prior`)."""

    recognized: list[Recognized]
    votes: dict[str, tuple[float, Place]]
    evidence: tuple[str, ...] = ()
    movable: tuple[str, ...] = ()
    #: the names of the places ``movable`` counts, as the text writes them (sorted): the
    #: outlet's town is looked for near them (:func:`geo.outlet_towns.near_town_prior`)
    towns: tuple[str, ...] = ()
    #: the article's home division, its own or its outlet's (``None`` without one)
    home: Place | None = None
    #: whether an outlet's home would re-place the article's places (it has none of its own)
    homeless: bool = False
