"""Abbreviations and qualifiers: the divisions "Ont.", "Ky." or "WA" stand for
(``gazetteer/data/abbreviations.yaml``), and the places a qualifier ("TX", "Russia") may name.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

import yaml

from gazetteer.normalize import fold, normalize
from gazetteer.place import Place
from gazetteer.placeindex import PlaceIndex
from gazetteer.ranking import QUALIFIER_KINDS


class AbbreviationLookups(PlaceIndex):
    """Abbreviations and qualifier targets (a mixin of :class:`gazetteer.Gazetteer`)."""

    def _qualifier_targets(self, qualifier: str) -> list[int]:
        """The places a qualifier may name: codes ("TX", "RUS") and country / admin-1 /
        region names."""
        key = normalize(qualifier)
        cached = self._qualifiers.get(key)
        if cached is not None:
            return cached
        targets = list(self._abbreviation_indices(qualifier, postal=True))
        targets += [i for i in self._base.codes.get(key, []) if i not in targets]
        for i, _, _ in self._entries(key):
            if self._kinds[i] in QUALIFIER_KINDS and i not in targets:
                targets.append(i)
        self._qualifiers[key] = targets
        return targets

    def abbreviation(self, text: str, *, postal: bool = False) -> tuple[Place, ...]:
        """The first-level divisions an abbreviation news writes after a place name stands
        for ("Ont." → Ontario, "Ky." → Kentucky, "Qld" → Queensland; "WA" → Western
        Australia and, with ``postal``, Washington), from ``gazetteer/data/abbreviations.yaml``;
        ``()`` for any other text. Written forms match with their exact capitals; two-letter
        postal codes ("KY", "ON") only when ``postal`` is true (a recognizer asks for them in
        datelines only, where a code cannot be an English word)."""
        return tuple(self._place(i) for i in self._abbreviation_indices(text, postal=postal))

    def _abbreviation_indices(self, text: str, *, postal: bool) -> tuple[int, ...]:
        """Indices of the divisions of :meth:`abbreviation` (cached)."""
        key = (text, postal)
        hit = self._abbreviations.get(key)
        if hit is None:
            found: list[int] = []
            table = _abbreviation_table()
            for section in ("written", "postal") if postal else ("written",):
                for country, name in table[section].get(text.strip(), ()):
                    i = self._division_index(country, name)
                    if i is not None and i not in found:
                        found.append(i)
            hit = self._abbreviations[key] = tuple(found)
        return hit

    def _division_index(self, country: str, name: str) -> int | None:
        """The index of the admin-1 division ``name`` of ``country`` (the one named exactly so
        when several are indexed under the name)."""
        hits = [
            i
            for i, _, _ in self._entries(normalize(name))
            if self._kinds[i] == "admin1" and self._countries[i] == country
        ]
        exact = [i for i in hits if fold(self._place(i).name) == fold(name)]
        return (exact or hits or [None])[0]


@cache
def _abbreviation_table() -> dict[str, dict[str, tuple[tuple[str, str], ...]]]:
    """``gazetteer/data/abbreviations.yaml`` read once: for "written" and "postal", each
    abbreviation → the (country code, division name) pairs it may stand for."""
    raw = yaml.safe_load(
        resources.files("gazetteer").joinpath("data/abbreviations.yaml").read_text("utf-8")
    )
    table: dict[str, dict[str, tuple[tuple[str, str], ...]]] = {}
    for section in ("written", "postal"):
        forms: dict[str, list[tuple[str, str]]] = {}
        for country, divisions in (raw.get(section) or {}).items():
            for name, abbreviations in divisions.items():
                for form in abbreviations:
                    forms.setdefault(str(form), []).append((str(country), str(name)))
        table[section] = {form: tuple(pairs) for form, pairs in forms.items()}
    return table
