"""The person-name rules of :class:`geo.recognize.Recognizer` (through
:class:`geo.finding.Finding`, which inherits them): whether a one-word name is used in the
article as a person's ("Gov. Culver", "Kelly Moore", "Flores, 26,", "Moore said"), so that
every bare use of it is that person and no place.

Uses the recognizer's ``gazetteer``, ``_lists``, ``_names``, ``_single_words`` and its
find-side helpers (``_title_line``, ``_qualified``, ``_name_goes_on``, ``_is_demonym``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from gazetteer.normalize import fold
from geo.home_votes import (
    is_strong,
)
from geo.persons import (
    age_after,
    initial_after,
    initial_before,
    nickname_around,
    noun_apposition,
    office_after,
    person_cues,
    place_cue,
    pronoun_after,
    speaker,
    suffix_after,
    two_initials_before,
)
from geo.phrase_patterns import (
    SAINT,
    SURNAME_AFTER,
)
from geo.scanning import (
    Scan,
    blank,
    is_capitalised,
    is_titlecase_word,
    sentence_initial,
)


class PersonNames:
    """Which one-word names an article uses as a person's (a mixin of the recognizer)."""

    def _persons(self, scan: Scan, raw: Sequence[tuple[int, int, str]]) -> frozenset[str]:
        """The keys of the one-word names that the article uses as a person's name somewhere
        (see :meth:`_person_rule`): every bare use of them in the article is that person."""
        text = scan.text
        found: set[str] = set()
        last_start = -1
        for start, negative_end, key in raw:
            longest = start != last_start  # raw holds the longest name at a start first
            last_start = start
            if key in found or not text[start].isupper():
                continue
            if " " in key and not self._saint_surname(text, start, -negative_end):
                if (
                    key.endswith(" s")
                    and " " not in key[:-2]
                    and key[:-2] not in found
                    and self._names_a_person(scan, start, -negative_end)
                ):
                    found.add(key[:-2])  # "Smith’s" after "Rodney Eric Smith"
                continue
            rule = self._person_rule(scan, start, -negative_end, key)
            if (
                rule is not None
                and (not self._strong_place(key) or self._whole_name(scan, start, -negative_end))
            ) or (longest and self._opens_full_name(scan, start, -negative_end)):
                found.add(key)
        return frozenset(found)

    def _town_kind(self, key: str) -> bool:
        """Whether the best place of ``key`` is a city or a town (not a country: "the US
        administration")."""
        cands = self.candidates(key, key)
        return bool(cands) and cands[0].place.kind in ("city", "town")

    def _initials_before(self, text: str, start: int) -> bool:
        """Whether two initials stand right before the name at ``start`` ("J.M. Barrie") and
        are no place's abbreviation or name ("N.J.", "U.S.")."""
        initials = two_initials_before(text, start)
        if initials is None:
            return False
        lookup = getattr(self.gazetteer, "abbreviation", None)
        if lookup is not None and lookup(initials.replace(" ", "")):
            return False
        return f" {blank(fold(initials)).strip()} " not in self._names

    def _saint_surname(self, text: str, start: int, end: int) -> bool:
        """Whether the two-word name at ``start:end`` is a saint's form that is also a
        surname ("St. Clair", "St. John"): the person rules read it as one word."""
        return SAINT.fullmatch(text, start, end) is not None

    def _whole_name(self, scan: Scan, start: int, end: int) -> bool:
        """Whether the name at ``start:end`` ends a person's whole name by two cues at once,
        which outweigh a capital's or a large division's name ("Melton Lewis Paris, 51,":
        a given name before it and an age after it; "Virginia Paris Jr."): one cue is not
        enough ("Austin Texas")."""
        text = scan.text
        if not (age_after(text, end) or suffix_after(text, end)):
            return False
        line_start = text.rfind("\n", 0, start) + 1
        prev_word, prev_dot, prev_start = scan.previous_word(start, line_start)
        return bool(
            prev_word
            and not prev_dot
            and is_titlecase_word(prev_word)
            and self._given_name(prev_word)
            and not sentence_initial(text, prev_start)
        )

    def _names_a_person(self, scan: Scan, start: int, end: int) -> bool:
        """Whether the possessive name at ``start:end`` ("Smith’s", a place's whole name) is
        elsewhere in the text, bare, a person's name by :meth:`_person_rule` ("Rodney Eric
        Smith", "Smith, 31,"): the bare word is no place name, so it is no match of its
        own."""
        text = scan.text
        stem = text[start:end][:-2]
        if not stem.isalpha() or not is_titlecase_word(stem):
            return False
        for m in re.finditer(rf"\b{re.escape(stem)}\b(?!['’])", text):
            if self._person_rule(scan, m.start(), m.end(), stem.lower()) is not None:
                return True
        return False

    def _opens_full_name(self, scan: Scan, start: int, end: int) -> bool:
        """Whether the one-word name at ``start:end`` is the given name of a person's whole
        name here: a census given name followed by a census surname that names no place,
        with no capitalised word after the pair and no name opener before it ("Nine-year-old
        Georgia Stevens": every later bare "Georgia" of the article is the girl; not
        "Virginia Beach", "Paris High School", "Victoria Park Saturday"). A country's or a
        large division's name counts too: the whole name is the evidence, not the word."""
        text = scan.text
        if text[start:end].lower() not in person_cues().given:
            return False
        line_start = text.rfind("\n", 0, start) + 1
        if self._title_line(scan, line_start, start):
            return False
        m = SURNAME_AFTER.match(text, end)
        if m is None:
            return False
        low = m.group(1).lower()
        lists = self._lists
        return (
            low in person_cues().surnames
            and blank(fold(low)).strip() not in self._single_words
            and low not in lists.designators
            and low not in lists.openers
            and low not in lists.organisation_heads  # "Columbus Council": no Mr. Council
            and self._opens_name(scan, start, m.end(), line_start)
        )

    def _a_title(self, word: str, dot: bool) -> bool:
        """Whether ``word`` (followed by a period when ``dot``) is a capitalised title of a
        person before a name ("Gov. Culver", "President Lincoln"): a title that news does not
        abbreviate (``title_abbreviations``) followed by a period ends a sentence instead
        ("… Municipal Court Judge. Columbus attorney …")."""
        low = word.lower()
        return (
            low in self._lists.titles
            and is_capitalised(word)
            and (not dot or low in self._lists.title_abbreviations)
        )

    def _person_rule(self, scan: Scan, start: int, end: int, key: str) -> str | None:
        """The rule by which the one-word name at ``start:end`` is a person's name here, or
        ``None``: ``title`` ("Gov. Culver"), ``title2`` ("President Barack Obama"), ``noun``
        ("coach Ripley"), ``initial`` ("Charles H. Wilson"), ``given`` ("Kelly Moore"),
        ``suffix`` ("Little Jr."), ``age`` ("Flores, 26,"), ``apposition`` ("her son,
        Tyler"), ``said`` ("Moore said", "said Moore,"), ``pronoun`` ("Lincoln, wearing
        his hat"), ``office`` ("the Clinton administration"), ``nickname`` ("Harold “Hal”
        Rogers"), ``initials`` ("J.M. Barrie")."""
        text = scan.text
        line_start = text.rfind("\n", 0, start) + 1
        prev_word, prev_dot, prev_start = scan.previous_word(start, line_start)
        if prev_word:
            prev_lower = prev_word.lower()
            if self._a_title(prev_word, prev_dot):
                return "title"
            if not prev_dot and is_titlecase_word(prev_word) and not self._is_demonym(prev_word):
                before = scan.previous_word(prev_start, line_start)[0]
                if before.lower() in self._lists.titles and is_capitalised(before):
                    return "title2"  # "President Barack Obama", "Gov. Chet Culver"
            if not prev_dot and prev_word.islower() and prev_lower in person_cues().person_nouns:
                return "noun"
            if prev_dot and len(prev_word) == 1 and prev_word.isupper():
                if initial_before(text, start):
                    return "initial"
            elif (
                not prev_dot
                and is_titlecase_word(prev_word)
                and self._given_name(prev_word)
                and self._opens_name(scan, prev_start, end, line_start)
            ):
                return "given"
            elif (
                not prev_dot
                and is_titlecase_word(prev_word)
                and (
                    text[start:end].lower() in person_cues().surnames
                    or self._saint_surname(text, start, end)
                )
                and prev_lower not in self._lists.openers
                and prev_lower not in self._lists.never
                and prev_lower not in self._lists.designators
                and blank(fold(prev_lower)).strip() not in self._single_words
                and not sentence_initial(text, prev_start)
                and not self._title_line(scan, line_start, start)
                and self._opens_name(scan, prev_start, end, line_start)
                and f" {blank(fold(text[prev_start:end])).strip()} " not in self._names
            ):
                return "surname"  # "Councilwoman Nury Martinez": no census given name
        if self._initials_before(text, start):
            return "initials"  # "J.M. Barrie"
        if suffix_after(text, end):
            return "suffix"
        if age_after(text, end):
            return "age"
        if noun_apposition(text, start, line_start):
            return "apposition"
        if speaker(text, start, end, line_start):
            return "said"
        if nickname_around(text, start, end):
            return "nickname"  # "Katherine “Kay” Parsons", "Harold “Hal” Rogers"
        if office_after(text, end) and self._town_kind(key):
            return "office"  # "the Clinton administration"
        if pronoun_after(text, start, end, line_start):
            return "pronoun"  # "Lincoln, wearing his trademark hat"
        return None

    def _opens_name(self, scan: Scan, start: int, end: int, line_start: int) -> bool:
        """Whether the given name at ``start`` and the name ending at ``end`` after it may be
        a person's whole name: not after "the" or "St." ("The George Twickenham", "St.
        Joseph London") and not followed by another capitalised word ("Old Alton
        Edwardsville Road", "the Harold Patterson Sports Center")."""
        word = scan.previous_word(start, line_start)[0].lower()
        if word in person_cues().name_openers:
            return False
        nxt = scan.next_word(end)
        return not (nxt and is_titlecase_word(nxt) and nxt not in person_cues().suffixes)

    def _place_cue(self, text: str, start: int, end: int) -> bool:
        """Whether the name at ``start:end`` carries place evidence that outweighs the
        article's person of that name: a locative preposition before it ("in Moore"), an
        abbreviated division ("Moore, Okla.") or a qualifying place ("Moore, Oklahoma")
        after it."""
        return place_cue(text, start, end, text.rfind("\n", 0, start) + 1) or self._qualified(
            text, end
        )

    def _given_name(self, word: str) -> bool:
        """Whether ``word`` is a given name that makes the capitalised word after it a
        surname: in ``given_names.txt``, on none of the stop-lists, and not itself the name
        of a country or a large division ("Georgia", "Virginia")."""
        low = word.lower()
        hit = self._given.get(low)
        if hit is None:
            lists = self._lists
            hit = (
                low in person_cues().given
                and low not in lists.never
                and low not in lists.ambiguous
                and low not in lists.openers
                and low not in lists.titles
                and low not in lists.designators
                and low not in lists.name_particles
                and not any(
                    fold(c.place.name).lower() == low and is_strong(c.place)
                    for c in self.candidates(low, low)
                )
            )
            self._given[low] = hit
        return hit

    def _strong_place(self, key: str) -> bool:
        """Whether the best place of ``key`` is a country, or a first-level division or capital
        of at least ``STRONG_POP`` prominence: then no cue makes it a person's name
        ("Austin Texas", "Minister of Defence of Azerbaijan")."""
        cands = self.candidates(key, key)
        return bool(cands) and is_strong(cands[0].place)

    def _opens_person_name(self, scan: Scan, start: int, end: int) -> bool:
        """Whether the one-word name ending at ``end`` is a given name followed by a surname
        that is also a place's name ("Charlotte Graham", "David Jefferson") or any name
        followed by a middle initial and a surname ("Milton J. Little")."""
        text = scan.text
        if initial_after(text, end):
            return True
        if not self._given_name(text[start:end]):
            return False
        word = scan.next_word(end)
        if not word or not is_titlecase_word(word):
            return False
        low = word.lower()
        lists = self._lists
        if low in lists.designators or low in lists.name_particles or low in lists.openers:
            return False
        nxt = blank(fold(low)).strip()
        # a next word that is no place is left to _name_goes_on ("Alexandria Police
        # Department" names an organisation of Alexandria)
        return nxt in self._single_words and not self._strong_place(nxt)
