"""The find-side rules of the toponym recognizer (:class:`geo.recognize.Recognizer`): which
gazetteer matches in a text are place names (not a person's name, an organisation's, a saint's
dedication, a title line or a common capitalised word), how a name grows into a phrase with
its modifier, which list or plural designator gives it a division, which towns another place
pins, and the "<demonym> waters" and unknown-name phrases found beside the matches.

:class:`Finding` is a mixin: its methods use the recognizer's gazetteer, word lists and
caches, which :class:`geo.recognize.Recognizer` sets up.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from functools import cache

from gazetteer.designators import DESIGNATORS, find_designator
from gazetteer.modifiers import (
    find_demonym_phrases,
    find_prefix,
    find_suffix,
)
from gazetteer.normalize import fold, normalize
from geo.abbreviations import find_abbreviations
from geo.clauses import town_link
from geo.false_friends import (
    caps_inside_sentence,
    reporter_name,
    thing_after_the,
    title_abbreviation,
)
from geo.person_names import PersonNames
from geo.persons import (
    demonym_speaks,
    person_cues,
    saint_name,
)
from geo.phrase_patterns import (
    AND_NEXT,
    BUILDING_OF,
    BYLINE,
    CAPITALISED_AFTER,
    CAPITALISED_RUN,
    COMMA_QUALIFIER,
    GUARD_AFTER,
    HYPHENS,
    LIST_DESIGNATOR,
    LIST_GOES_ON,
    LIST_ITEM,
    LIST_ITEM_BEFORE,
    LIST_REACH,
    LIST_SEP,
    LOCATIVE_BEFORE,
    MODIFIER_ENDINGS,
    PLURAL_OF,
    POSSESSIVE_NAME,
    QUALIFIER_ENDS,
    QUALIFIERS,
    SAINT,
    TOWN_BEFORE,
    UNKNOWN_AFTER_PREP,
    WORD_SPAN,
    org_head,
)
from geo.roles import find_demonyms, organisation_run
from geo.scanning import (
    ACRONYM_KINDS,
    DEMONYM_WINDOW,
    PLURAL_DESIGNATORS,
    WORD,
    Scan,
    SpanSet,
    blank,
    is_capitalised,
    is_demonym_word,
    is_title_case_line,
    is_titlecase_word,
    sentence_initial,
    word_before,
)
from geo.toponyms import (
    DEMONYM,
    LOCATION,
    ORGANISATION,
    Toponym,
)

#: The shortest word in capitals read as an acronym inside a sentence ("NICE"); shorter ones
#: are the rule of :meth:`Finding._caps_only_ok`.
_ACRONYM_LETTERS = 4


@cache
def _street_list(plurals: frozenset[str]) -> re.Pattern[str]:
    """Read from the end of a name: the rest of a list ending in one of the plural street
    nouns ``plurals`` ("Orange| and White streets", "White| streets")."""
    words = "|".join(re.escape(w) for w in sorted(plurals, key=len, reverse=True))
    return re.compile(rf"(?P<items>(?:{LIST_SEP}{LIST_ITEM}){{0,6}})[ \t]+(?i:{words})\.?(?![\w-])")


class Finding(PersonNames):
    """The find-side rules of :class:`geo.recognize.Recognizer` (which inherits them): the
    filters :meth:`geo.recognize.Recognizer.find` applies to each match and the phrases it
    grows. Uses the recognizer's ``gazetteer``, ``_lists``, ``_caps_only`` and caches."""

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

    def _after_a_name(self, scan: Scan, start: int, place_ends: set[int]) -> bool:
        """True when a capitalised word that is no demonym, title or sentence opener, and
        does not end a place mention (``place_ends``), stands right before ``start`` inside a
        sentence ("Monica French", "Philip English", though Monica and Philip are the names
        of small towns somewhere): the word at ``start`` ends a person's name."""
        text = scan.text
        line_start = text.rfind("\n", 0, start) + 1
        if self._title_line(scan, line_start, start):
            return False
        word, dot, word_start = scan.previous_word(start, line_start)
        low = word.lower()
        return bool(
            word
            and not dot
            and is_titlecase_word(word)
            and low not in self._lists.openers
            and low not in self._lists.titles
            and word_start + len(word) not in place_ends
            and not sentence_initial(text, word_start)
            and not self._is_demonym(word)
        )

    def _title_line(self, scan: Scan, line_start: int, start: int) -> bool:
        """Whether the line starting at ``line_start`` (holding ``start``) is a title-case
        headline (cached per line)."""
        title_line = scan.title_lines.get(line_start)
        if title_line is None:
            text = scan.text
            line_end = text.find("\n", start)
            line = text[line_start : len(text) if line_end < 0 else line_end]
            title_line = scan.title_lines[line_start] = is_title_case_line(line)
        return title_line

    def _accept(self, scan: Scan, start: int, end: int, key: str) -> str | None:
        """The filters: capitalisation, stop-lists, person and organisation names. The role
        of the name (``location``, or ``organisation`` for a place inside an organisation's
        name: "University of Texas", "Alexandria Police Department"), or ``None`` when it is
        no place mention."""
        text = scan.text
        title_lines = scan.title_lines
        lists = self._lists
        words = WORD.findall(text, start, end)
        if not words or not is_capitalised(words[0]):
            return None
        for i, w in enumerate(words[1:], 2):
            if is_capitalised(w) or w.lower() in lists.name_particles:
                continue
            if i == len(words) and w.islower() and w in lists.lowercase_tails:
                head = blank(fold(text[start : text.rfind(w, start, end)])).strip()
                if f" {head} " not in self._automaton:
                    continue  # "Heathrow airport"; "Dublin airport" is left to Dublin
            return None
        single = len(words) == 1
        lower = key if single else ""
        if (
            single
            and lower in lists.never
            and key not in self._caps_only
            and not self._qualified(text, end)
        ):
            return None
        if start > 1 and text[start - 1] in HYPHENS and text[start - 2].isalpha():
            prefix = word_before(text, start - 1)
            party = prefix.isupper() and prefix.lower() in lists.party_prefixes
            if not party and blank(fold(prefix)).strip() not in self._single_words:
                return None  # "Ust-Luga": part of a hyphenated name that is not a place
        line_start = text.rfind("\n", 0, start) + 1
        title_line = title_lines.get(line_start)
        if title_line is None:
            line_end = text.find("\n", start)
            line = text[line_start : len(text) if line_end < 0 else line_end]
            title_line = is_title_case_line(line)
            title_lines[line_start] = title_line
        prev_word, prev_dot, prev_start = scan.previous_word(start, line_start)
        if text.startswith("By ", line_start) or text.startswith("*By ", line_start):
            byline = BYLINE.match(text, line_start)
            if byline and byline.start("names") <= start < byline.end("names"):
                return None  # "By Jordan Matthews in Karachi": the reporter's name
        if single and self._false_friend(scan, start, end, key, prev_word, prev_start):
            return None  # "BY KENT PRUETT", "U.S. Sens. Robert", "or NICE program"
        if single and lower in lists.ambiguous:
            initial = title_line or sentence_initial(text, start)
            before = text[max(line_start, start - 40) : start]
            if initial and not LOCATIVE_BEFORE.search(before) and not self._qualified(text, end):
                return None
        if single and len(key) <= 3 and text[start:end].isupper() and not self._caps_only_ok(key):
            return None  # "UN", "SUV", "OAS": an acronym, not the town of that name
        if single and not title_line and self._opens_person_name(scan, start, end):
            return None  # "Charlotte Graham", "Milton J. Little": a person's given name
        if prev_word:
            prev_lower = prev_word.lower()
            if prev_lower in lists.titles and is_capitalised(prev_word):
                return None  # "President Lincoln", "Mr. Jordan"
            if prev_lower in lists.saint_words and is_capitalised(prev_word):
                return None  # "St. Paris", "St. Mary's": a saint's name, not Paris or Mary
            if (prev_word.isupper() and prev_lower in lists.ship_prefixes) or (
                prev_lower in lists.vessel_nouns and prev_word.islower() and not prev_dot
            ):
                return None  # "CNS Shenzhen", "the carrier Liaoning": a ship's name
            if prev_lower == "of" or prev_lower == "the":
                head = org_head(text[max(line_start, start - 50) : start])
                if head in lists.organisation_heads:
                    return ORGANISATION  # "Ministry of Foreign Affairs", "Bank of Japan"
                if (
                    prev_lower == "the"
                    and single
                    and thing_after_the(text, end, self.candidates(key, key))
                ):
                    return None  # "running the Webster.", "chairman of the Duma’s committee"
            elif (
                not title_line
                and not prev_dot
                and is_titlecase_word(prev_word)
                and prev_lower not in lists.openers
                and prev_lower not in lists.compass_words
                and prev_lower not in self._single_words
                and not sentence_initial(text, prev_start)
                and not self._is_demonym(prev_word)
            ):
                return None  # "Joshua Loyd": a capitalised non-place word before the name
        if (
            prev_word
            and not title_line
            and self._named_for_a_person(text, end, prev_word, prev_dot, prev_start)
        ):
            return None  # "Sam Houston State University", "George Washington High School"
        if self._a_street_of_a_list(text, start, end):
            return None  # "at Orange and White streets": street names, not towns
        # "Vladimir Putin", "Washington Post": part of a longer proper name; a county's name
        # is whole ("the Adair County Sheriff's Office" is in Adair County)
        if title_line or not self._name_goes_on(scan, start, end) or self._is_county(key):
            return LOCATION
        # "the Alexandria Police Department", "Texas Gov.": a mention, but no location
        return ORGANISATION if organisation_run(text, end, self._organisation_words) else None

    def _common_word_before_a_place(
        self, scan: Scan, name: tuple[int, int, str], starts: set[int]
    ) -> bool:
        """Whether the one-word name ``name`` (start, end, key) is an ordinary English word
        (the ``ambiguous`` list: "Metro", "Van", "Marion") standing right before another
        place name, one space between: it is part of that name or a person's ("Metro
        Vancouver", "Van Boxtel", "Marion Lawson Parker": the caller drops the surname after
        a given name too), no town of its own ("Reading, Pennsylvania" has its comma)."""
        start, end, key = name
        text = scan.text
        return (
            key in self._lists.ambiguous
            and text[end : end + 1] == " "
            and end + 1 in starts
            and not self._title_line(scan, text.rfind("\n", 0, start) + 1, start)
        )

    def _named_for_a_person(
        self, text: str, end: int, prev_word: str, prev_dot: bool, prev_start: int
    ) -> bool:
        """Whether the name ending at ``end`` is a person's surname inside the name of an
        organisation or a building named for that person: a census given name stands right
        before it inside a sentence and an organisation's words follow ("Sam Houston State
        University", "George Washington High School", "Charlotte Douglas International
        Airport"); not "Houston State University" or "in Washington, George said"."""
        return (
            not prev_dot
            and is_titlecase_word(prev_word)
            and prev_word.lower() in person_cues().given
            and not sentence_initial(text, prev_start)
            and organisation_run(text, end, self._organisation_words)
        )

    def _false_friend(
        self, scan: Scan, start: int, end: int, key: str, prev_word: str, prev_start: int
    ) -> bool:
        """Whether the one-word name at ``start:end`` is a reporter's name in a byline, an
        abbreviated title or an acronym in capitals inside a sentence (:mod:`geo.false_friends`;
        a country's or division's acronym stays: "the DPRK")."""
        text, lists = scan.text, self._lists
        if reporter_name(text, end, prev_word, prev_start, lists.designators):
            return True
        if title_abbreviation(text, end, key, lists.titles):
            return True
        return (
            len(key) >= _ACRONYM_LETTERS
            and text[start:end].isupper()
            and not self._title_line(scan, text.rfind("\n", 0, start) + 1, start)
            and caps_inside_sentence(text, start, end, prev_word)
            and not self._caps_only_ok(key, spelled=False)
        )

    def _saints_dedication(self, text: str, start: int, end: int) -> bool:
        """Whether the name at ``start:end`` is a saint's ("St." and a census given name)
        naming a feast or a building, not a place: a possessive and a capitalised word
        after it ("St. Patrick's Day", "St. Mark's Coptic Orthodox Cathedral", "St. John's
        Lutheran School"), or a building word and "of" before it ("the church of St. Peter and
        St. Paul"). Not "St. Petersburg's" (no given name), "St. Paul's mayor", "St. John's
        on Monday" (no capitalised word) or "the city of St. Paul" (no building)."""
        m = SAINT.fullmatch(text, start, end)
        if m is None or not saint_name(m.group(1)):
            return False
        if m.group(2):  # a name with the possessive ("St. John's", "St George's")
            return CAPITALISED_AFTER.match(text, end) is not None
        if POSSESSIVE_NAME.match(text, end):
            return True
        heads = self._lists.building_heads
        before = BUILDING_OF.search(text, max(0, start - 60), start)
        return before is not None and before.group(1).lower() in heads

    def _is_county(self, key: str) -> bool:
        """Whether the best place of the name is a county (its name holds its designator)."""
        cands = self.candidates(key, key)
        return bool(cands) and cands[0].place.kind == "county"

    def _caps_only_ok(self, key: str, *, spelled: bool = True) -> bool:
        """Whether a name of three letters or fewer written in capitals may be a place: a
        country or division acronym ("US", "UK", "UAE"), not a town that shares an acronym's
        letters ("UN" is no town named Un), nor a division whose whole name the letters spell
        ("BOE", the Board of Education, is no Boe district of Nauru). With ``spelled``
        false, any country, division or capital of the name will do ("BEIRUT")."""
        if key in self._caps_only:
            return True
        return any(
            getattr(c.place, "kind", "") in ACRONYM_KINDS
            and (not spelled or normalize(getattr(c.place, "name", "")) != key)
            for c in self.candidates(key, key)
        )

    def _a_street_of_a_list(self, text: str, start: int, end: int) -> bool:
        """True when the name at ``start:end`` is an item of a list of at least two names
        that ends in a plural street noun (``street_plurals`` of ``toponym_filters.yaml``):
        "at Orange and White streets", "Lakeview and Harrison streets". A name alone before
        the noun ("Boston streets") keeps its reading: the streets of Boston."""
        m = _street_list(self._lists.street_plurals).match(text, end)
        if m is None:
            return False
        return bool(m.group("items")) or (
            LIST_ITEM_BEFORE.search(text, max(0, start - 40), start) is not None
        )

    def _name_goes_on(self, scan: Scan, start: int, end: int) -> bool:
        """True when a capitalised word that is no designator, particle or place follows the
        name at ``start:end``: the name is part of a longer proper name."""
        lists = self._lists
        word = scan.next_word(end)
        return bool(
            word
            and is_titlecase_word(word)
            and word.lower() not in lists.designators
            and word.lower() not in lists.name_particles
            and word.lower() not in self._single_words
            and not (
                word.lower() in PLURAL_DESIGNATORS
                and LIST_ITEM_BEFORE.search(scan.text, max(0, start - 40), start)
            )  # "Kano and Kaduna States": the designator of a list
        )

    def _coordinated_in_a_name(
        self, scan: Scan, end: int, longest: dict[int, int], title_lines: bool
    ) -> bool:
        """True when the name ending at ``end`` is joined by "and" to a name that opens the
        longer proper name of a building or an organisation (a capitalised run of at most
        four words with an ``organisation_heads`` or ``building_heads`` word): "the Saint
        Peter and Saint Paul Coptic Orthodox Church" names a church, not two places
        ("between St. Louis and St. Paul on Monday", "beat Sunderland and Aston Villa" name
        two)."""
        if title_lines:
            return False
        m = AND_NEXT.match(scan.text, end)
        if m is None or m.end() not in longest:
            return False
        end2 = longest[m.end()]
        if not self._name_goes_on(scan, m.end(), end2):
            return False
        run = CAPITALISED_RUN.match(scan.text, end2)
        heads = self._lists.organisation_heads | self._lists.building_heads
        return run is not None and any(w.lower() in heads for w in run.group().split())

    def is_common_capitalised(self, word: str) -> bool:
        """True for capitalised words that are not people's names: places, demonyms, titles,
        sentence openers, designators and stop-listed words."""
        hit = self._common.get(word)
        if hit is None:
            low = word.lower()
            lists = self._lists
            hit = (
                blank(fold(low)).strip() in self._single_words
                or low in lists.openers
                or low in lists.titles
                or low in lists.never
                or low in lists.designators
                or self._is_demonym(word)
            )
            if len(self._common) > 100_000:
                self._common.clear()
            self._common[word] = hit
        return hit

    def _qualified(self, text: str, end: int) -> bool:
        m = COMMA_QUALIFIER.match(text, end)
        return m is not None and blank(fold(m.group(1))).strip() in self._single_words

    def _is_demonym(self, word: str) -> bool:
        return is_demonym_word(word)

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
