"""Modifiers around place names: "near", "off the coast of", "northwestern", "around",
"<demonym> waters". (Interface stub: filled in by the derived-areas work.)
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Modifier:
    """A parsed modifier. ``rule`` is ``compass``, ``coast``, ``near``, ``around`` or ``waters``;
    ``detail`` is e.g. ``"northwest"`` for a compass part; ``phrase`` is the text matched."""

    rule: str
    detail: str | None = None
    phrase: str = ""


def parse_query(text: str) -> tuple[Modifier | None, str]:
    """Split a query such as ``"off the coast of South Carolina"`` into its modifier and the
    base name (``"South Carolina"``). Returns ``(None, text)`` when there is no modifier."""
    return None, text
