"""The phrase rules of the toponym recognizer (:class:`geo.recognize.Recognizer`): what it finds
beyond a bare gazetteer match that passed the filters of :mod:`geo.finding`.

A name grows into a phrase with its modifier ("northern Syria", "the Gaza coast") and with a
designator that names a division ("Kano State"); a list ending or opening with a plural
designator gives each item its division ("the Odesa, Mykolaiv and Kherson regions"); small
towns the text pins down ("Bantam, Conn.") are found though the automaton does not hold them;
"<demonym> waters" phrases name the country; the mentions that are no locations (places inside
an organisation's name, demonyms) and abbreviated divisions standing alone are listed; and,
for an online gazetteer, unknown capitalised names after a locative preposition.

:class:`PhraseFinding` is a mixin: its methods use the recognizer's gazetteer, word lists,
candidates and the filters of :class:`geo.finding.Finding`, which
:class:`geo.recognize.Recognizer` brings together.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence

from gazetteer import Place
from gazetteer.designators import DESIGNATORS, find_designator
from gazetteer.modifiers import (
    find_demonym_phrases,
    find_prefix,
    find_suffix,
)
from gazetteer.normalize import normalize
from geo.abbreviations import find_abbreviations
from geo.clauses import town_link
from geo.country_pins import country_town, name_after_possessive, name_before_country
from geo.persons import (
    demonym_speaks,
)
from geo.phrase_patterns import (
    GUARD_AFTER,
    LIST_DESIGNATOR,
    LIST_GOES_ON,
    LIST_ITEM_BEFORE,
    LIST_OF_DIVISIONS,
    LIST_ONE_ITEM,
    LIST_REACH,
    MODIFIER_ENDINGS,
    PLURAL_OF,
    QUALIFIER_ENDS,
    QUALIFIERS,
    TOWN_BEFORE,
    UNKNOWN_AFTER_PREP,
    WORD_SPAN,
)
from geo.roles import find_demonyms
from geo.scanning import (
    DEMONYM_WINDOW,
    PLURAL_DESIGNATORS,
    WORD,
    Scan,
    SpanSet,
    is_demonym_word,
)
from geo.toponyms import (
    DEMONYM,
    ORGANISATION,
    Toponym,
)

__all__ = ["PhraseFinding"]


class PhraseFinding:
    """The phrase rules of :class:`geo.recognize.Recognizer` (which inherits them): the phrases
    :meth:`geo.recognize.Recognizer.find` grows from its matches and the mentions it adds
    beside them. Uses the recognizer's ``gazetteer``, ``_lists``, :meth:`candidates` and the
    filters of :class:`geo.finding.Finding`."""

    def _role_toponyms(
        self,
        scan: Scan,
        padded: str,
        organisations: Sequence[tuple[int, int, str]],
        skipped: SpanSet,
        locations: Sequence[Toponym],
    ) -> list[Toponym]:
        """The mentions that are no locations (:mod:`geo.roles`), in text order: places
        inside an organisation's name (``organisations``, found by :meth:`_accept`) and
        demonyms ("Russian", "Palestinians", "Sri Lankan"; not a surname: "Monica French")."""
        text = scan.text
        place_ends = {t.name_end for t in locations}
        found = [
            Toponym(s, e, s, e, text[s:e], key=key, role=ORGANISATION)
            for s, e, key in organisations
        ]
        for m in find_demonyms(text, padded):
            if skipped.starts and skipped.overlaps(m.start, m.end):
                continue
            if self._after_a_name(scan, m.start, place_ends):
                continue
            if demonym_speaks(text, m.start, m.end):
                continue  # "“We cooperated,” French said": the officer named French
            found.append(Toponym(m.start, m.end, m.start, m.end, m.place, role=DEMONYM))
        found.sort(key=lambda t: (t.start, -t.end))
        return found

    def _standalone_abbreviations(self, text: str, skipped: SpanSet) -> list[Toponym]:
        """The abbreviated divisions standing alone in ``text`` (:mod:`geo.abbreviations`),
        as toponyms marked ``abbreviation``; none when the gazetteer reads no abbreviations."""
        lookup = getattr(self.gazetteer, "abbreviation", None)
        if lookup is None or "." not in text:
            return []
        return [
            Toponym(
                a.start,
                a.end,
                a.start,
                a.end,
                text[a.start : a.end],
                role=a.role,
                abbreviation=True,
            )
            for a in find_abbreviations(text, lookup, self._organisation_words)
            if not (skipped.starts and skipped.overlaps(a.start, a.end))
        ]

    def _grow(self, scan: Scan, start: int, end: int, key: str) -> Toponym:
        """Extend a name with its modifier (prefix or suffix), and with a designator that
        names a division ("Kano State", "Idlib province") when the gazetteer has one."""
        text = scan.text
        # Every designator follows the name after a space: most names are followed by
        # punctuation, and need no regex.
        designated = find_designator(text, end) if text[end : end + 1].isspace() else None
        if designated is not None:
            name = text[start : designated[0]]
            if self.candidates(name, normalize(name)):
                end, key = designated[0], normalize(name)
        division = None
        if designated is None:
            division = self._list_division(scan, start, end)
            if division is not None:
                key = normalize(f"{text[start:end]} {division}")
        phrase_start, phrase_end, modifier = start, end, None
        word = scan.previous_word(start, text.rfind("\n", 0, start) + 1)[0].lower()
        found = find_prefix(text, start) if word in MODIFIER_ENDINGS else None
        if found is not None:
            phrase_start, modifier = found
        else:
            found = find_suffix(text, end)
            if found is not None and not GUARD_AFTER.match(text, found[0]):
                # not "China's coast guard": an organisation, not a coast
                phrase_end, modifier = found
        return Toponym(
            start=phrase_start,
            end=phrase_end,
            name_start=start,
            name_end=end,
            name=text[start:end],
            modifier=modifier,
            key=key,
            division=division,
        )

    def _list_division(self, scan: Scan, start: int, end: int) -> str | None:
        """The designator (singular) that a list ending or opening with a plural designator
        gives the name ``text[start:end]``: in "the Odesa, Mykolaiv and Kherson regions",
        "Kano and Kaduna states" or "the provinces of Sindh and Balochistan" each item names a
        first-level division. ``None`` when the name is in no such list, or when the gazetteer
        has no division of that name (the name then keeps its usual reading: the city of
        Kherson when no Kherson region is known)."""
        plurals = scan.plural_designators()
        if not plurals:
            return None  # most texts: no list of divisions at all
        i = bisect_right(plurals, end)
        after = i < len(plurals) and plurals[i] - end <= LIST_REACH
        before = i > 0 and start - plurals[i - 1] <= LIST_REACH
        if not (after or before):
            return None
        text = scan.text
        word = None
        if after and text[end : end + 1] in {",", " ", "\t"}:
            m = LIST_DESIGNATOR.match(text, end)
            if (
                m is not None
                and (m.group("items") or LIST_ITEM_BEFORE.search(text, max(0, start - 40), start))
                and not self._items_designated(m.group("items"))
            ):
                word = m.group("word")
        if word is None and before:
            m = PLURAL_OF.search(text, max(0, start - LIST_REACH), start)
            if m is not None:
                word = m.group("word")
        if word is None or not (word.islower() or word.istitle()):
            return None
        singular = PLURAL_DESIGNATORS[word.lower()]
        key = normalize(f"{text[start:end]} {singular}")
        cands = self.candidates(key, key)
        if not cands or cands[0].place.kind not in DESIGNATORS[singular]:
            return None
        return singular

    def _listed_divisions(
        self, scan: Scan, toponyms: list[Toponym], skipped: SpanSet
    ) -> list[Toponym]:
        """``toponyms`` with the items of a list ending in a plural designator that the
        automaton does not hold as names but the gazetteer holds as divisions of that
        designator ("Becker" in "Becker, Clay and Polk counties" is Becker County: counties are
        often named only so in a list; "Sarpy and Douglas counties"). An item that opens with
        an opener ("In Kanawha") is read without it; an item a toponym already covers is left
        as it is."""
        if not scan.plural_designators():
            return toponyms
        text, lists = scan.text, self._lists
        taken = SpanSet(toponyms)
        added: list[Toponym] = []
        for m in LIST_OF_DIVISIONS.finditer(text):
            word = m.group("word")
            if not (word.islower() or word.istitle()):
                continue
            singular = PLURAL_DESIGNATORS[word.lower()]
            for item in LIST_ONE_ITEM.finditer(text, m.start("items"), m.end("items")):
                start, end = item.span()
                first = WORD.match(text, start)
                if first is not None and first.group().lower() in lists.openers:
                    nxt = re.compile(r"[ \t]+").match(text, first.end())
                    if nxt is None or nxt.end() >= end:
                        continue
                    start = nxt.end()
                if taken.overlaps(start, end) or skipped.overlaps(start, end):
                    continue
                key = normalize(f"{text[start:end]} {singular}")
                cands = self.candidates(key, key)
                if not cands or cands[0].place.kind not in DESIGNATORS[singular]:
                    continue
                name = text[start:end]
                added.append(
                    Toponym(
                        start=start,
                        end=end,
                        name_start=start,
                        name_end=end,
                        name=name,
                        key=key,
                        division=singular,
                    )
                )
        return toponyms + added if added else toponyms

    def _items_designated(self, items: str) -> bool:
        """Whether an item of a list carries a designator of its own ("the Cambridge,
        Pleasant City and Lore City departments": towns whose fire departments are meant, not
        French departments)."""
        designators = self._lists.designators
        return any(w.lower() in designators for w in WORD.findall(items) if w[:1].isupper())

    def _pinned_towns(
        self, text: str, toponyms: Sequence[Toponym], skipped: SpanSet
    ) -> list[Toponym]:
        """Names of small towns only (:mod:`gazetteer.towns`) that the text pins down, as
        toponyms: followed by a comma and an abbreviated division ("Bantam, Conn."), a
        division or country that ends the phrase ("Holliday, Missouri, said"), or a link
        to a place ("Bantam, near Litchfield"). Never a bare name."""
        has_town = getattr(self.gazetteer, "has_town", None)
        if has_town is None:
            return []
        starts = {t.start: t for t in toponyms}
        taken = SpanSet(toponyms)
        lists = self._lists
        out: list[Toponym] = []
        for m in TOWN_BEFORE.finditer(text):
            words = list(WORD_SPAN.finditer(text, m.start(1), m.end(1)))
            for n in range(len(words)):
                start, end = words[n].start(), m.end(1)
                name = text[start:end]
                first = words[n].group().lower()
                if first in lists.never or first in lists.titles or first in lists.openers:
                    continue
                if n and words[n - 1].group().lower() not in lists.openers:
                    continue  # "John Holliday, Texas": part of a longer proper name
                if taken.overlaps(start, end) or skipped.overlaps(start, end):
                    continue
                if not has_town(name):
                    continue
                t = Toponym(start=start, end=end, name_start=start, name_end=end, name=name)
                if self._town_pinned(text, t, starts.get(m.end())):
                    out.append(t)
                break
        out.extend(self._country_pinned_towns(text, toponyms, starts, taken, skipped))
        return out

    def _country_pinned_towns(
        self,
        text: str,
        toponyms: Sequence[Toponym],
        starts: dict[int, Toponym],
        taken: SpanSet,
        skipped: SpanSet,
    ) -> list[Toponym]:
        """Names of small towns pinned by a country with no comma (:mod:`geo.country_pins`):
        "off X in Italy", "Italy's X", when exactly one town of the name lies in it."""
        towns_named = getattr(self.gazetteer, "towns_named", None)
        if towns_named is None:
            return []
        lists = self._lists
        out: list[Toponym] = []

        def country_of(t: Toponym | None) -> Place | None:
            if t is None:
                return None
            cands = self.candidates(t.name, t.key)
            return cands[0].place if cands and cands[0].place.kind == "country" else None

        def pin(start: int, end: int, country: Place | None) -> None:
            words = list(WORD_SPAN.finditer(text, start, end))
            for n in range(len(words)):
                s = words[n].start()
                first = words[n].group().lower()
                if first in lists.never or first in lists.titles or first in lists.openers:
                    continue
                if taken.overlaps(s, end) or skipped.overlaps(s, end):
                    continue
                if country is None or country_town(towns_named, text[s:end], country) is None:
                    continue
                out.append(Toponym(start=s, end=end, name_start=s, name_end=end, name=text[s:end]))
                return

        for m in name_before_country().finditer(text):
            nxt = starts.get(m.end())
            if nxt is not None and nxt.modifier is None:
                pin(m.start(1), m.end(1), country_of(nxt))
        for t in toponyms:
            span = name_after_possessive(text, t.name_end)
            if span is not None and t.name_end == t.end:
                pin(span[0], span[1], country_of(t))
        return out

    def _town_pinned(self, text: str, t: Toponym, nxt: Toponym | None) -> bool:
        """Whether what follows ``t`` and its comma pins a town down: an abbreviated
        division, a division or country that ends the phrase (not a list, not a subject:
        "Holliday, Missouri's governor"), or a link phrase to a place (``nxt`` the toponym
        right after the comma)."""
        if self._abbreviation_after(text, t) is not None:
            return True
        if nxt is not None:
            cands = self.candidates(nxt.name, nxt.key)
            return bool(
                cands
                and cands[0].place.kind in QUALIFIERS
                and nxt.modifier is None
                and QUALIFIER_ENDS.match(text, nxt.end)
                and not LIST_GOES_ON.match(text, nxt.end)
            )
        link = town_link().match(text, t.end)
        return link is not None and text[link.end() : link.end() + 1].isupper()

    def _demonym_phrases(
        self,
        text: str,
        tails: Sequence[re.Match[str]],
        names: Sequence[tuple[int, int, str]],
        skipped: SpanSet,
    ) -> list[Toponym]:
        """ "Swedish waters", "off the Somali coast": the country is the named place.

        The gazetteer's demonym pattern is large, so it only runs on a short window before
        each "waters"/"coast"-like word."""
        out: list[Toponym] = []
        seen: set[int] = set()
        for tail in tails:
            if GUARD_AFTER.match(text, tail.end()):
                continue  # "the Chinese coast guard": an organisation, not a coast
            words = WORD.findall(text, max(0, tail.start() - 40), tail.start())[-4:]
            if not any(w[:1].isupper() and is_demonym_word(w) for w in words):
                continue  # no national adjective before it: nothing to find
            lo = max(0, tail.start() - DEMONYM_WINDOW)
            if lo > 0:
                space = text.find(" ", lo, tail.start())
                lo = space + 1 if space >= 0 else tail.start()
            for start, end, modifier, country in find_demonym_phrases(text[lo : tail.end()]):
                start, end = start + lo, end + lo
                if end != tail.end() or start in seen:
                    continue
                seen.add(start)
                if skipped.starts and skipped.overlaps(start, end):
                    continue
                if GUARD_AFTER.match(text, end):
                    continue  # "the Chinese coast guard": an organisation, not a coast
                if any(s < end and start < e for s, e, _ in names):
                    continue  # overlaps a place name ("Alaska coast" is a suffix modifier)
                out.append(
                    Toponym(
                        start=start,
                        end=end,
                        name_start=start,
                        name_end=end,
                        name=country,
                        modifier=modifier,
                        demonym=True,
                    )
                )
        return out

    def _unknown_after_prepositions(
        self, text: str, names: Sequence[tuple[int, int, str]], skipped: SpanSet
    ) -> list[Toponym]:
        """Capitalised names after a locative preposition that the gazetteer does not know
        ("clashes in Zyxville"), for the online fallback. Only with an online gazetteer."""
        out = []
        for m in UNKNOWN_AFTER_PREP.finditer(text):
            start, end = m.start(1), m.end(1)
            if any(s < end and start < e for s, e, _ in names):
                continue
            if skipped.starts and skipped.overlaps(start, end):
                continue
            first = m.group(1).split()[0]
            if self.is_common_capitalised(first):
                continue  # "in January", "in Chinese waters", "to President…"
            out.append(
                Toponym(start=start, end=end, name_start=start, name_end=end, name=m.group(1))
            )
        return out
