"""Derived areas: compass parts, coastal sea bands, waters around islands.
(Interface stub: filled in by the derived-areas work.)
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from gazetteer.errors import GazetteerError
from gazetteer.modifiers import Modifier
from gazetteer.place import Place

if TYPE_CHECKING:
    from gazetteer.core import Gazetteer


def derive(base: Place, modifier: Modifier, gazetteer: Gazetteer, *, at_sea: bool = False) -> Place:
    """Return the derived area for ``modifier`` applied to ``base`` (kind ``derived``, with a
    :class:`~gazetteer.place.Derivation` saying how it was made)."""
    raise GazetteerError(f"derived areas are not implemented yet ({modifier.rule} {base.name})")
