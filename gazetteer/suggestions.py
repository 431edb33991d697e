"""Spelling suggestions for names the gazetteer does not know ("Kazna" → "Kazan")."""

from __future__ import annotations

import difflib

from gazetteer.normalize import normalize
from gazetteer.placeindex import PlaceIndex
from gazetteer.ranking import TIER_BONUS

#: How much a place's score weighs against spelling similarity (0..1) in suggestions.
SUGGEST_PROMINENCE_WEIGHT = 0.03
#: Names longer than this get no suggestions (no place name is this long).
MAX_SUGGEST_LENGTH = 80


class Suggestions(PlaceIndex):
    """Near spellings of unknown names (a mixin of :class:`gazetteer.Gazetteer`)."""

    def suggest(self, name: str, limit: int = 5) -> list[str]:
        """Near spellings of an unknown name: the names of known places whose names (or
        alternate names) look alike, best first: similarity, then prominence
        (``suggest("Kazna")`` starts with "Kazan")."""
        key = normalize(name)
        if not key or limit <= 0 or len(key) > MAX_SUGGEST_LENGTH:
            return []
        if self._suggest_buckets is None:
            buckets: dict[str, list[str]] = {}
            for k in self.name_keys():
                buckets.setdefault(k[:1], []).append(k)
            self._suggest_buckets = buckets
        pool = self._suggest_buckets.get(key[:1], [])
        pool = [k for k in pool if abs(len(k) - len(key)) <= max(2, len(key) // 3)]
        ranked: dict[str, float] = {}
        for match in difflib.get_close_matches(key, pool, n=limit * 8, cutoff=0.7):
            entries = self._entries(match)
            if not entries:
                continue
            i, _, tier = max(entries, key=lambda e: self._static[e[0]] + TIER_BONUS[e[2]])
            similarity = difflib.SequenceMatcher(None, key, match).ratio()
            score = similarity + SUGGEST_PROMINENCE_WEIGHT * (self._static[i] + TIER_BONUS[tier])
            label = self._place(i).name
            ranked[label] = max(score, ranked.get(label, score))
        return sorted(ranked, key=lambda label: -ranked[label])[:limit]
