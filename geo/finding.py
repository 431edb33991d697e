"""The find-side filters of the toponym recognizer (:class:`geo.recognize.Recognizer`): which
gazetteer matches in a text are place names (not a person's name, an organisation's, a saint's
dedication, a title line or a common capitalised word). It promises a role for each match it
accepts (``location``, or ``organisation`` for a place inside an organisation's name, or
:data:`IN_A_NAME` for a name opening a longer capitalised name, a mention only when the text
names that place elsewhere: :mod:`geo.longer_names`) and ``None`` for one that is no place
mention. The phrases grown from the accepted matches (a
modifier, a list's division, pinned towns, "<demonym> waters", unknown names) are
:mod:`geo.phrase_finding`'s.

:class:`Finding` is a mixin: its methods use the recognizer's gazetteer, word lists and
caches, which :class:`geo.recognize.Recognizer` sets up.
"""

from __future__ import annotations

import re
from functools import cache

from gazetteer.designators import find_designator
from gazetteer.modifiers import demonym_entry
from gazetteer.normalize import fold, normalize
from geo.false_friends import (
    caps_inside_sentence,
    reporter_name,
    thing_after_the,
    title_abbreviation,
    weekday_stamp,
)
from geo.person_names import PersonNames
from geo.persons import (
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
    HYPHENS,
    LIST_ITEM,
    LIST_ITEM_BEFORE,
    LIST_SEP,
    LOCATIVE_BEFORE,
    POSSESSIVE_NAME,
    SAINT,
    org_head,
)
from geo.roles import organisation_run
from geo.scanning import (
    ACRONYM_KINDS,
    PLURAL_DESIGNATORS,
    WORD,
    Scan,
    blank,
    is_capitalised,
    is_demonym_word,
    is_title_case_line,
    is_titlecase_word,
    sentence_initial,
    word_before,
)
from geo.toponyms import (
    LOCATION,
    ORGANISATION,
)

#: A capitalised word (maybe possessive) right before a name, one space between.
_NAME_WORD_BEFORE = re.compile(r"(?<![\w'’.-])([A-Z][a-z]+)(?:['’]s)? $")
#: After a name: "the" and a capitalised word ("Shaping the Future"): a verb and its object.
_OBJECT_AFTER = re.compile(r" the [A-Z][a-z]")
#: The role :meth:`Finding._accept` gives a name that opens a longer capitalised name with no
#: organisation's word in it ("the Paris Walmart", "Jordan Peterson"): a mention only when the
#: text names the same place as a location elsewhere (:meth:`geo.recognize.Recognizer.find`).
IN_A_NAME = "in a name"
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
    """The find-side filters of :class:`geo.recognize.Recognizer` (which inherits them): the
    filters :meth:`geo.recognize.Recognizer.find` applies to each match (the phrases it grows
    are :class:`geo.phrase_finding.PhraseFinding`'s). Uses the recognizer's ``gazetteer``,
    ``_lists``, ``_caps_only`` and caches."""

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
        name: "University of Texas", "Alexandria Police Department"), :data:`IN_A_NAME` for a
        city, town or county opening a longer capitalised name or ending one after a word
        that is no given name or stop-listed word ("the Paris Walmart", "Historic Dublin"),
        or ``None`` when it is no place mention."""
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
                if f" {head} " not in self._names:
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
        if (
            single
            and self._another_peoples_word(text[start:end], key)
            and (not text[end : end + 1].isspace() or find_designator(text, end) is None)
        ):
            return None  # "Somali pirates": Somalia's people, not Ethiopia's Somali Region
        if start > 1 and text[start - 1] in HYPHENS and text[start - 2].isalpha():
            prefix = word_before(text, start - 1)
            party = prefix.isupper() and prefix.lower() in lists.party_prefixes
            paired = is_demonym_word(prefix)  # "Egyptian-US relations": two peoples' ties
            if not (party or paired) and blank(fold(prefix)).strip() not in self._single_words:
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
        if single and lower in lists.ambiguous and self._common_word_in_a_name(scan, start, end):
            return None  # "Knucklehead’s Bar", "the Shaping the Future committee": no town
        if single and len(key) <= 3 and text[start:end].isupper() and not self._caps_only_ok(key):
            return None  # "UN", "SUV", "OAS": an acronym, not the town of that name
        if single and not title_line and self._opens_person_name(scan, start, end):
            return None  # "Charlotte Graham", "Milton J. Little": a person's given name
        if prev_word:
            prev_lower = prev_word.lower()
            if self._a_title(prev_word, prev_dot):
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
                if (
                    prev_lower in person_cues().given
                    or prev_lower in lists.never
                    or not self._town_like(key)
                ):
                    return None  # "Joshua Loyd": a capitalised non-place word before the name
                return IN_A_NAME
        if (
            prev_word
            and not title_line
            and self._named_for_a_person(text, end, prev_word, prev_dot, prev_start)
        ):
            return None  # "Sam Houston State University", "George Washington High School"
        if self._a_street_of_a_list(text, start, end):
            return None  # "at Orange and White streets": street names, not towns
        if self._dotted_organisation(text, start, end):
            return ORGANISATION  # "the U.S. Army", "U.S. Navy ships": a body, not the place
        # "Vladimir Putin", "Washington Post": part of a longer proper name; a county's name
        # is whole ("the Adair County Sheriff's Office" is in Adair County)
        if title_line or not self._name_goes_on(scan, start, end) or self._is_county(key):
            return LOCATION
        # "the Alexandria Police Department", "Texas Gov.": a mention, but no location
        if organisation_run(text, end, self._organisation_words):
            return ORGANISATION
        return IN_A_NAME  # "the Paris Walmart": a town's name only if the text names the town

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

    def _common_word_in_a_name(self, scan: Scan, start: int, end: int) -> bool:
        """Whether the one-word name at ``start:end``, an ordinary English word (the
        ``ambiguous`` list), is a word of a longer capitalised name or title inside a
        sentence, not the town of that name: it stands right after a capitalised word of
        that name, one space between ("Knucklehead’s Bar", "the New Concord Reservoir"; a
        capitalised opener inside a sentence makes a title: "Monument For Sale"), or it
        opens a capitalised phrase with its object ("the Shaping the Future committee").
        Never after a locative preposition ("in Reading the council met"), a compass word,
        a title, a saint's word or a demonym, at a sentence's start after an opener ("In
        Reading"), nor with a qualifier ("Bar, Montenegro")."""
        text = scan.text
        if self._qualified(text, end):
            return False
        line_start = text.rfind("\n", 0, start) + 1
        before = text[max(line_start, start - 40) : start]
        if _OBJECT_AFTER.match(text, end) and (
            before.endswith(("the ", "The ")) or not LOCATIVE_BEFORE.search(before)
        ):
            return True  # "from the Shaping the Future committee"; not "in Reading the …"
        if LOCATIVE_BEFORE.search(before):
            return False
        m = _NAME_WORD_BEFORE.search(before)
        if m is None:
            return False
        word = m.group(1).lower()
        lists = self._lists
        if word in lists.openers:
            # a capitalised preposition or article inside a sentence: a title's word
            return word not in lists.capitalised_openers and not sentence_initial(
                text, start - len(before) + m.start(1)
            )
        return (
            word not in lists.compass_words
            and word not in lists.titles
            and word not in lists.saint_words
            and not self._is_demonym(m.group(1))
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
        if weekday_stamp(text, end, key):
            return True  # "Mon 29 January 2024:": a date stamp, not Mon State
        return (
            len(key) >= _ACRONYM_LETTERS
            and text[start:end].isupper()
            and not self._title_line(scan, text.rfind("\n", 0, start) + 1, start)
            and caps_inside_sentence(text, start, end, prev_word)
            and not self._caps_only_ok(key, spelled=False)
        )

    def _another_peoples_word(self, name: str, key: str) -> bool:
        """True when the one word ``name`` is a country's demonym ("Somali") and none of its
        places in the gazetteer lies in that country (the Somali Region is Ethiopia's): the
        word is the people's, found as a demonym, not a place elsewhere of their name (but
        "the Somali region" names the place: the caller keeps a name a designator follows)."""
        entry = demonym_entry(name)
        if entry is None or entry.kind != "country":
            return False
        cands = self.candidates(name, key)  # type: ignore[attr-defined]
        return bool(cands) and not any(c.place.country == entry.country for c in cands)

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

    def _town_like(self, key: str) -> bool:
        """Whether the best place of the name is a city, town or county."""
        cands = self.candidates(key, key)
        return bool(cands) and cands[0].place.kind in ("city", "town", "county", "capital")

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

    def _dotted_organisation(self, text: str, start: int, end: int) -> bool:
        """Whether the dotted abbreviation at ``start:end`` (its last period right after
        ``end``: "U.S" of "U.S.") opens an organisation's name: the capitalised words after
        that period hold an organisation word ("the U.S. Army", "U.S. Navy destroyers", "the
        U.S. Department of Defense"), as "the US Army" does without the periods. Not "in the
        U.S. The president said" (no organisation word) nor "U.S. forces" (no name)."""
        return (
            text[end : end + 1] == "."
            and "." in text[start:end]
            and organisation_run(text, end + 1, self._organisation_words)
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
