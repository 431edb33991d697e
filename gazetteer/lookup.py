"""What a gazetteer lookup is given and what it returns: :class:`Context` (what else is known
about the text) and :class:`Candidate` (a place a name may refer to, with its score).

Both are exported by :mod:`gazetteer`; :class:`gazetteer.Gazetteer` ranks with them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from gazetteer.designators import DESIGNATORS
from gazetteer.errors import GazetteerError
from gazetteer.place import Place


@dataclass(frozen=True)
class Context:
    """What else is known when resolving a name.

    ``nearby``: other places resolved in the same article; ``qualifier``: "Russia" in "Kazan,
    Russia", "Texas" or "TX" in "Paris, Texas"; ``at_sea``: the event is at sea or in the air
    ("near Alaska" then means the waters off Alaska); ``countries``: ISO alpha-2 codes the text
    is about; ``designator``: a word such as "province", "state" or "division" that the text
    puts next to the name (:data:`gazetteer.designators.DESIGNATORS`): the division is meant,
    not its namesake city; ``divisions``: first-level divisions (or countries) the text names
    elsewhere ("Texas" anywhere in a story, "HELENA, Mont." in its dateline): a weaker
    qualifier for every name of the text.
    """

    nearby: tuple[Place, ...] = ()
    qualifier: str | None = None
    at_sea: bool = False
    countries: tuple[str, ...] = ()
    designator: str | None = None
    divisions: tuple[Place, ...] = ()

    def __post_init__(self) -> None:
        if not all(isinstance(p, Place) for p in (*self.nearby, *self.divisions)):
            raise GazetteerError("Context.nearby and Context.divisions must hold Place objects")
        for code in self.countries:
            if not (isinstance(code, str) and len(code) == 2 and code.isupper()):
                raise GazetteerError(f"Context.countries needs ISO alpha-2 codes, got {code!r}")
        if self.designator is not None and self.designator not in DESIGNATORS:
            raise GazetteerError(
                f"Context.designator {self.designator!r} is not one of {sorted(DESIGNATORS)}"
            )


@dataclass(frozen=True)
class Candidate:
    """A place a name may refer to, with its score (higher is better, comparable within one
    call), the name or alias that matched, and human-readable ranking reasons.
    ``alternate`` is true when only one of the place's GeoNames alternate names matched (not
    its own name, nor a curated or user alias): often a historical or foreign name ("Berea"
    for Aleppo), weak evidence on its own."""

    place: Place
    score: float
    matched: str
    reasons: tuple[str, ...] = field(default=(), compare=False)
    alternate: bool = field(default=False, compare=False)
