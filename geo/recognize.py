"""Toponym recognition: find place names in text, with their modifiers, and resolve them.

The recognizer is gazetteer-driven (see docs/recognition-and-events.md):

1. The text is folded (:func:`gazetteer.normalize.fold`: lower case, no diacritics, same
   length) and every character that is not a letter or digit becomes a space. Gazetteer keys
   get the same treatment and are padded with a space on each side, so one Aho-Corasick pass
   over the padded text finds every name on word boundaries, and only there.
2. Overlapping matches keep the longest leftmost one ("Sea of Japan" over "Japan").
3. Filters drop the classic errors: lower-case words ("nice"), stop-listed words ("The",
   "Police"), ambiguous words at the start of a sentence ("Reading the report…"), person
   names ("President Putin", "Vladimir Putin"), organisation names ("Ministry of Foreign
   Affairs", "Washington Post") and boilerplate spans (advertising, credits).
4. Each name grows into a phrase with its modifier ("near Alaska", "the northwestern Pacific
   Ocean", "off the coast of South Carolina") and its qualifier ("Kazan, Russia", absorbed
   into one mention). "<Demonym> waters" phrases ("Swedish waters") are found separately.
5. Names resolve in two passes: unambiguous or prominent names first, then the rest with
   those places (and their countries) as context.

The word lists live in ``geo/data/toponym_filters.yaml``.
"""

from __future__ import annotations

import copy
import re
import threading
from bisect import bisect_right
from collections.abc import Callable, Iterable, Sequence
from typing import Any

import ahocorasick

from gazetteer import Place
from gazetteer.designators import DESIGNATORS, find_designator
from gazetteer.modifiers import (
    find_demonym_phrases,
    find_prefix,
    find_suffix,
)
from gazetteer.normalize import fold, normalize
from geo.abbreviations import find_abbreviations
from geo.clauses import town_link
from geo.errors import GeoError
from geo.home_votes import (
    _STRONG_POP,
    ANCHOR_MARGIN,
    DATELINE_VOTE,
    MAX_NEARBY,
    ORG_ROLE_VOTE,
    ORG_VOTE,
    QUALIFIED_VOTE,
    _close_behind,
    _evidence,
    _home_of,
    _is_anchor,
    _is_strong,
    _leaders,
    _others,
    _own_capital,
)
from geo.nearness import (
    _COORDINATED_KINDS,
    _GIVEN_NAME_KINDS,
    _at_edge_of,
    _by_alternate,
    _coordinated_division,
    _drop_lonely,
    _lies_in,
    _near_any,
    _stray,
)
from geo.outlets import prior_fits
from geo.pairs import county_pairs, town_pairs
from geo.persons import (
    age_after,
    initial_after,
    initial_before,
    noun_apposition,
    person_cues,
    place_cue,
    saint_name,
    speaker,
    suffix_after,
)
from geo.phrase_patterns import (
    _ABBREVIATION,
    _AND_NEXT,
    _BUILDING_OF,
    _BYLINE,
    _CAPITALISED_AFTER,
    _CAPITALISED_RUN,
    _DATELINE_ABBREVIATION,
    _DATELINE_START,
    _GUARD_AFTER,
    _HYPHENS,
    _LIST_DESIGNATOR,
    _LIST_GOES_ON,
    _LIST_ITEM_BEFORE,
    _LIST_REACH,
    _LOCATIVE_BEFORE,
    _MODIFIER_ENDINGS,
    _PLURAL_OF,
    _POSSESSIVE_NAME,
    _QUALIFIER,
    _QUALIFIER_ENDS,
    _SAINT,
    _SURNAME_AFTER,
    _TOWN_BEFORE,
    _UNKNOWN_AFTER_PREP,
    _WORD_SPAN,
    _in_org_name,
    _org_head,
    _qualifier_mention,
)
from geo.roles import find_demonyms, organisation_run
from geo.scanning import (
    _DEMONYM_WINDOW,
    _PLURAL_DESIGNATORS,
    _WORD,
    _blank,
    _demonym_tails,
    _is_capitalised,
    _is_demonym_word,
    _is_title_case_line,
    _is_titlecase_word,
    _lists,
    _Scan,
    _sentence_initial,
    _SpanSet,
    _word_before,
    reports_at_sea,
    scan_text,
)
from geo.toponyms import (
    DEMONYM,
    LOCATION,
    ORGANISATION,
    Recognized,
    Resolution,
    Toponym,
    _Gazetteer,
)

__all__ = [
    "Recognized",
    "Recognizer",
    "Resolution",
    "Toponym",
    "recognize",
]

#: Kinds of place that can be qualified by a following country or first-level division.
_QUALIFIABLE = frozenset({"city", "capital", "island", "region", "other", "admin1", "county"})
#: Kinds of place that can qualify another one ("Kazan, Russia", "Paris, Texas").
_QUALIFIERS = frozenset({"country", "admin1"})
#: Context resolutions remembered across texts (the cache is emptied when full).
CONTEXT_CACHE = 50_000
#: Nearest-namesake lookups remembered (geo.pairs; the memo is emptied when full).
NEAREST_MEMO = 50_000
#: At most this many namesakes of a county's name are paired with towns (geo.pairs): the
#: commonest county names (Washington, Jefferson, Franklin) have about 30.
MAX_COUNTIES = 50
#: A town pinned by "X, south of Y" / "X, near Y" lies at most this far from Y (km).
TOWN_LINK_KM = 50.0
#: Kinds of place Y may be in "X, south of Y": a point or a small area.
_LINK_ANCHOR_KINDS = frozenset({"city", "capital", "town", "county"})
#: Kinds of place the home division re-picks among namesakes ("Decatur", "Boone County").
_HOME_KINDS = frozenset({"city", "capital", "town", "county"})
#: Kinds of place with no namesake that vote for their division: not a national capital,
#: which news everywhere names ("Washington, D.C." says nothing of a story's state).
_VOTING_KINDS = frozenset({"city", "town", "county"})
#: Modifier rules the gazetteer's derived areas know.
_DERIVED_RULES = frozenset({"compass", "coast", "near", "around", "waters"})


#: Kinds of place a short name in capitals may stand for ("US", "UK", "UAE", "DC").
_ACRONYM_KINDS = frozenset({"country", "admin1", "capital"})


# ---------------------------------------------------------------------------------------------
# The recognizer


class Recognizer:
    """Finds and resolves place mentions with one gazetteer.

    Build it once per gazetteer (:meth:`for_gazetteer` caches it): building compiles an
    Aho-Corasick automaton of every gazetteer name. :meth:`find` is pure text work;
    :meth:`resolve` turns toponyms into places; :meth:`recognize` does both.
    """

    def __init__(self, gazetteer: _Gazetteer, *, online: bool | None = None) -> None:
        self.gazetteer = gazetteer
        #: Whether unknown names after locative prepositions go to the gazetteer's online
        #: fallback (a gazetteer with a ``geocoder``, such as gazetteer.OnlineFallback).
        self.online = _is_online(gazetteer) if online is None else online
        self._lists = _lists()
        #: Words that, after a place name, make it an organisation's (geo.roles).
        self._organisation_words = (
            self._lists.organisation_heads | self._lists.building_heads | self._lists.titles
        )
        self._automaton = ahocorasick.Automaton()
        single: set[str] = set()
        self._caps_only: set[str] = set()
        for key in gazetteer.name_keys():
            blanked = _blank(key).strip()
            if not blanked:
                continue
            if blanked in self._lists.never:
                if not _country_acronym(gazetteer, key, blanked):
                    continue  # "the", "of", "police": never places alone, so never matched
                self._caps_only.add(key)  # "US" is the country, "us" is not
            padded = f" {blanked} "
            if padded not in self._automaton:
                self._automaton.add_word(padded, (len(blanked), key))
            if " " not in blanked:
                single.add(blanked)
        # keys every source writes in capitals ("EU", "NYC"): matched only in capitals
        case_sensitive = getattr(gazetteer, "case_sensitive_keys", None)
        if case_sensitive is not None:
            self._caps_only.update(case_sensitive())
        if len(self._automaton) == 0:
            raise GeoError("the gazetteer has no place names; rebuild it (python -m gazetteer)")
        self._automaton.make_automaton()
        self._single_words = frozenset(single)
        self._candidates: dict[str, tuple[Any, ...]] = {}
        self._derived: dict[tuple[Any, ...], Place | None] = {}
        self._common: dict[str, bool] = {}
        self._anchors: dict[str, bool] = {}
        #: (key, nearby ids, countries) → place: articles about one story share context.
        self._in_context: dict[tuple[Any, ...], Place | None] = {}
        self._division_of: dict[str, Place | None] = {}  # place id → its admin-1 division
        self._given: dict[str, bool] = {}  # lower-case word → whether a usable given name
        self._lies: dict[tuple[str, str], bool] = {}  # (place id, division id) → lies in it
        self._all_counties: dict[str, tuple[Any, ...]] = {}  # county key → every candidate
        #: (town name, county id, km) → the town of the name by the county (geo.pairs)
        self._nearest: dict[tuple[str, str, float], Place | None] = {}

    _cache: dict[int, tuple[Any, Recognizer]] = {}  # noqa: RUF012 - a process-wide cache
    _lock = threading.Lock()

    @classmethod
    def for_gazetteer(cls, gazetteer: _Gazetteer) -> Recognizer:
        """The recognizer for ``gazetteer``, built on first use and then reused. An online
        wrapper (with an ``offline`` gazetteer) shares the offline gazetteer's automaton."""
        with cls._lock:
            hit = cls._cache.get(id(gazetteer))
            if hit is not None and hit[0] is gazetteer:
                return hit[1]
        offline = getattr(gazetteer, "offline", None)
        if offline is not None and offline is not gazetteer:
            recognizer = copy.copy(cls.for_gazetteer(offline))
            recognizer.gazetteer = gazetteer
            recognizer.online = _is_online(gazetteer)
            recognizer._candidates = {}
            recognizer._derived = {}
            recognizer._in_context = {}
            recognizer._nearest = {}
            recognizer._all_counties = {}
        else:
            recognizer = cls(gazetteer)
        with cls._lock:
            if len(cls._cache) >= 8:
                cls._cache.pop(next(iter(cls._cache)))
            cls._cache[id(gazetteer)] = (gazetteer, recognizer)
        return recognizer

    # -- finding --------------------------------------------------------------------------

    def find(self, text: str, *, skip: Iterable[Any] = ()) -> list[Toponym]:
        """Place phrases in ``text`` in text order, not overlapping each other.

        ``skip`` holds spans (objects with ``start`` and ``end``) to ignore, such as
        boilerplate. Offsets are offsets into ``text``.
        """
        if not text:
            return []
        padded = f" {scan_text(text)} "
        skipped = _SpanSet(skip)
        scan = _Scan(text)
        # (start, -end, key): sorted, the leftmost match first, then the longest.
        raw = [
            (end - 1 - length, 1 - end, key) for end, (length, key) in self._automaton.iter(padded)
        ]
        raw.sort()
        names: list[tuple[int, int, str]] = []
        organisations: list[tuple[int, int, str]] = []  # names inside an organisation's name
        last_end = last_organisation = -1
        persons = self._persons(scan, raw)
        for start, negative_end, key in raw:
            end = -negative_end  # offset in text of the end of the name (exclusive)
            if start < last_end or not (text[start].isupper() or text[start].isdigit()):
                continue
            if key in self._caps_only and not text[start:end].isupper():
                continue
            if skipped.starts and skipped.overlaps(start, end):
                continue
            if key in persons and not self._place_cue(text, start, end):
                continue  # "Kelly Moore ... Moore said": the article's person, not a town
            if self._saints_dedication(text, start, end):
                last_end = end  # "St. Patrick's Day", "the church of St. Peter": no "Paul"
                continue
            role = self._accept(scan, start, end, key)
            if role == LOCATION:
                names.append((start, end, key))
                last_end = end
            elif role == ORGANISATION and start >= last_organisation:
                organisations.append((start, end, key))
                last_organisation = end
        longest: dict[int, int] = {}
        for start, negative_end, _key in raw:
            longest.setdefault(start, -negative_end)  # the longest name at each start
        kept: list[tuple[int, int, str]] = []
        joined: set[int] = set()  # starts of the second names of "Saint Peter and Saint Paul"
        for n in names:
            if self._coordinated_in_a_name(
                scan, n[1], longest, scan.title_lines.get(text.rfind("\n", 0, n[0]) + 1, False)
            ):
                joined.add(_AND_NEXT.match(text, n[1]).end())  # type: ignore[union-attr]
            else:
                kept.append(n)
        names = kept
        if joined:  # the second name opens the building's name: no organisation mention
            organisations = [o for o in organisations if o[0] not in joined]
        toponyms = [self._grow(scan, s, e, key) for s, e, key in names]
        toponyms.extend(
            t
            for t in self._pinned_towns(text, toponyms, skipped)
            if not (t.key in persons and not self._place_cue(text, t.start, t.end))
        )
        tails = _demonym_tails(text, padded)
        if tails:
            toponyms.extend(self._demonym_phrases(text, tails, names, skipped))
        if self.online:
            toponyms.extend(self._unknown_after_prepositions(text, names, skipped))
        toponyms.sort(key=lambda t: (t.start, -t.end))
        out: list[Toponym] = []
        for t in toponyms:
            if out and t.start < out[-1].end:
                continue
            out.append(t)
        others = self._role_toponyms(scan, padded, organisations, skipped, out)
        abbreviations = self._standalone_abbreviations(text, skipped)
        if abbreviations:
            others = sorted([*others, *abbreviations], key=lambda t: (t.start, -t.end))
        if others:
            out = _merge_roles(out, others)
        return out

    def _role_toponyms(
        self,
        scan: _Scan,
        padded: str,
        organisations: Sequence[tuple[int, int, str]],
        skipped: _SpanSet,
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
            found.append(Toponym(m.start, m.end, m.start, m.end, m.place, role=DEMONYM))
        found.sort(key=lambda t: (t.start, -t.end))
        return found

    def _standalone_abbreviations(self, text: str, skipped: _SpanSet) -> list[Toponym]:
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

    def _after_a_name(self, scan: _Scan, start: int, place_ends: set[int]) -> bool:
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
            and _is_titlecase_word(word)
            and low not in self._lists.openers
            and low not in self._lists.titles
            and word_start + len(word) not in place_ends
            and not _sentence_initial(text, word_start)
            and not self._is_demonym(word)
        )

    def _title_line(self, scan: _Scan, line_start: int, start: int) -> bool:
        """Whether the line starting at ``line_start`` (holding ``start``) is a title-case
        headline (cached per line)."""
        title_line = scan.title_lines.get(line_start)
        if title_line is None:
            text = scan.text
            line_end = text.find("\n", start)
            line = text[line_start : len(text) if line_end < 0 else line_end]
            title_line = scan.title_lines[line_start] = _is_title_case_line(line)
        return title_line

    def _accept(self, scan: _Scan, start: int, end: int, key: str) -> str | None:
        """The filters: capitalisation, stop-lists, person and organisation names. The role
        of the name (``location``, or ``organisation`` for a place inside an organisation's
        name: "University of Texas", "Alexandria Police Department"), or ``None`` when it is
        no place mention."""
        text = scan.text
        title_lines = scan.title_lines
        lists = self._lists
        words = _WORD.findall(text, start, end)
        if not words or not _is_capitalised(words[0]):
            return None
        for w in words[1:]:
            if not _is_capitalised(w) and w.lower() not in lists.name_particles:
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
        if start > 1 and text[start - 1] in _HYPHENS and text[start - 2].isalpha():
            prefix = _word_before(text, start - 1)
            if _blank(fold(prefix)).strip() not in self._single_words:
                return None  # "Ust-Luga": part of a hyphenated name that is not a place
        line_start = text.rfind("\n", 0, start) + 1
        title_line = title_lines.get(line_start)
        if title_line is None:
            line_end = text.find("\n", start)
            line = text[line_start : len(text) if line_end < 0 else line_end]
            title_line = _is_title_case_line(line)
            title_lines[line_start] = title_line
        prev_word, prev_dot, prev_start = scan.previous_word(start, line_start)
        if text.startswith("By ", line_start) or text.startswith("*By ", line_start):
            byline = _BYLINE.match(text, line_start)
            if byline and byline.start("names") <= start < byline.end("names"):
                return None  # "By Jordan Matthews in Karachi": the reporter's name
        if single and lower in lists.ambiguous:
            initial = title_line or _sentence_initial(text, start)
            before = text[max(line_start, start - 40) : start]
            if initial and not _LOCATIVE_BEFORE.search(before) and not self._qualified(text, end):
                return None
        if single and len(key) <= 3 and text[start:end].isupper() and not self._caps_only_ok(key):
            return None  # "UN", "SUV", "OAS": an acronym, not the town of that name
        if single and not title_line and self._opens_person_name(scan, start, end):
            return None  # "Charlotte Graham", "Milton J. Little": a person's given name
        if prev_word:
            prev_lower = prev_word.lower()
            if prev_lower in lists.titles and _is_capitalised(prev_word):
                return None  # "President Lincoln", "Mr. Jordan"
            if prev_lower in lists.saint_words and _is_capitalised(prev_word):
                return None  # "St. Paris", "St. Mary's": a saint's name, not Paris or Mary
            if (prev_word.isupper() and prev_lower in lists.ship_prefixes) or (
                prev_lower in lists.vessel_nouns and prev_word.islower() and not prev_dot
            ):
                return None  # "CNS Shenzhen", "the carrier Liaoning": a ship's name
            if prev_lower == "of" or prev_lower == "the":
                head = _org_head(text[max(line_start, start - 50) : start])
                if head in lists.organisation_heads:
                    return ORGANISATION  # "Ministry of Foreign Affairs", "Bank of Japan"
            elif (
                not title_line
                and not prev_dot
                and _is_titlecase_word(prev_word)
                and prev_lower not in lists.openers
                and prev_lower not in self._single_words
                and not _sentence_initial(text, prev_start)
                and not self._is_demonym(prev_word)
            ):
                return None  # "Joshua Loyd": a capitalised non-place word before the name
        # "Vladimir Putin", "Washington Post": part of a longer proper name; a county's name
        # is whole ("the Adair County Sheriff's Office" is in Adair County)
        if title_line or not self._name_goes_on(scan, start, end) or self._is_county(key):
            return LOCATION
        # "the Alexandria Police Department", "Texas Gov.": a mention, but no location
        return ORGANISATION if organisation_run(text, end, self._organisation_words) else None

    def _saints_dedication(self, text: str, start: int, end: int) -> bool:
        """Whether the name at ``start:end`` is a saint's ("St." and a census given name)
        naming a feast or a building, not a place: a possessive and a capitalised word
        after it ("St. Patrick's Day", "St. Mark's Coptic Orthodox Cathedral", "St. John's
        Lutheran School"), or a building word and "of" before it ("the church of St. Peter and
        St. Paul"). Not "St. Petersburg's" (no given name), "St. Paul's mayor", "St. John's
        on Monday" (no capitalised word) or "the city of St. Paul" (no building)."""
        m = _SAINT.fullmatch(text, start, end)
        if m is None or not saint_name(m.group(1)):
            return False
        if m.group(2):  # a name with the possessive ("St. John's", "St George's")
            return _CAPITALISED_AFTER.match(text, end) is not None
        if _POSSESSIVE_NAME.match(text, end):
            return True
        heads = self._lists.building_heads
        before = _BUILDING_OF.search(text, max(0, start - 60), start)
        return before is not None and before.group(1).lower() in heads

    def _persons(self, scan: _Scan, raw: Sequence[tuple[int, int, str]]) -> frozenset[str]:
        """The keys of the one-word names that the article uses as a person's name somewhere
        (see :meth:`_person_rule`): every bare use of them in the article is that person."""
        text = scan.text
        found: set[str] = set()
        last_start = -1
        for start, negative_end, key in raw:
            longest = start != last_start  # raw holds the longest name at a start first
            last_start = start
            if key in found or " " in key or not text[start].isupper():
                continue
            rule = self._person_rule(scan, start, -negative_end, key)
            if (rule is not None and not self._strong_place(key)) or (
                longest and self._opens_full_name(scan, start, -negative_end)
            ):
                found.add(key)
        return frozenset(found)

    def _opens_full_name(self, scan: _Scan, start: int, end: int) -> bool:
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
        m = _SURNAME_AFTER.match(text, end)
        if m is None:
            return False
        low = m.group(1).lower()
        lists = self._lists
        return (
            low in person_cues().surnames
            and _blank(fold(low)).strip() not in self._single_words
            and low not in lists.designators
            and low not in lists.openers
            and self._opens_name(scan, start, m.end(), line_start)
        )

    def _person_rule(self, scan: _Scan, start: int, end: int, key: str) -> str | None:
        """The rule by which the one-word name at ``start:end`` is a person's name here, or
        ``None``: ``title`` ("Gov. Culver"), ``title2`` ("President Barack Obama"), ``noun``
        ("coach Ripley"), ``initial`` ("Charles H. Wilson"), ``given`` ("Kelly Moore"),
        ``suffix`` ("Little Jr."), ``age`` ("Flores, 26,"), ``apposition`` ("her son,
        Tyler"), ``said`` ("Moore said", "said Moore,")."""
        text = scan.text
        line_start = text.rfind("\n", 0, start) + 1
        prev_word, prev_dot, prev_start = scan.previous_word(start, line_start)
        if prev_word:
            prev_lower = prev_word.lower()
            if prev_lower in self._lists.titles and _is_capitalised(prev_word):
                return "title"
            if not prev_dot and _is_titlecase_word(prev_word) and not self._is_demonym(prev_word):
                before = scan.previous_word(prev_start, line_start)[0]
                if before.lower() in self._lists.titles and _is_capitalised(before):
                    return "title2"  # "President Barack Obama", "Gov. Chet Culver"
            if not prev_dot and prev_word.islower() and prev_lower in person_cues().person_nouns:
                return "noun"
            if prev_dot and len(prev_word) == 1 and prev_word.isupper():
                if initial_before(text, start):
                    return "initial"
            elif (
                not prev_dot
                and _is_titlecase_word(prev_word)
                and self._given_name(prev_word)
                and self._opens_name(scan, prev_start, end, line_start)
            ):
                return "given"
        if suffix_after(text, end):
            return "suffix"
        if age_after(text, end):
            return "age"
        if noun_apposition(text, start, line_start):
            return "apposition"
        if speaker(text, start, end, line_start):
            return "said"
        return None

    def _opens_name(self, scan: _Scan, start: int, end: int, line_start: int) -> bool:
        """Whether the given name at ``start`` and the name ending at ``end`` after it may be
        a person's whole name: not after "the" or "St." ("The George Twickenham", "St.
        Joseph London") and not followed by another capitalised word ("Old Alton
        Edwardsville Road", "the Harold Patterson Sports Center")."""
        word = scan.previous_word(start, line_start)[0].lower()
        if word in person_cues().name_openers:
            return False
        nxt = scan.next_word(end)
        return not (nxt and _is_titlecase_word(nxt) and nxt not in person_cues().suffixes)

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
                    fold(c.place.name).lower() == low and _is_strong(c.place)
                    for c in self.candidates(low, low)
                )
            )
            self._given[low] = hit
        return hit

    def _strong_place(self, key: str) -> bool:
        """Whether the best place of ``key`` is a country, or a first-level division or capital
        of at least ``_STRONG_POP`` prominence: then no cue makes it a person's name
        ("Austin Texas", "Minister of Defence of Azerbaijan")."""
        cands = self.candidates(key, key)
        return bool(cands) and _is_strong(cands[0].place)

    def _opens_person_name(self, scan: _Scan, start: int, end: int) -> bool:
        """Whether the one-word name ending at ``end`` is a given name followed by a surname
        that is also a place's name ("Charlotte Graham", "David Jefferson") or any name
        followed by a middle initial and a surname ("Milton J. Little")."""
        text = scan.text
        if initial_after(text, end):
            return True
        if not self._given_name(text[start:end]):
            return False
        word = scan.next_word(end)
        if not word or not _is_titlecase_word(word):
            return False
        low = word.lower()
        lists = self._lists
        if low in lists.designators or low in lists.name_particles or low in lists.openers:
            return False
        nxt = _blank(fold(low)).strip()
        # a next word that is no place is left to _name_goes_on ("Alexandria Police
        # Department" names an organisation of Alexandria)
        return nxt in self._single_words and not self._strong_place(nxt)

    def _is_county(self, key: str) -> bool:
        """Whether the best place of the name is a county (its name holds its designator)."""
        cands = self.candidates(key, key)
        return bool(cands) and cands[0].place.kind == "county"

    def _caps_only_ok(self, key: str) -> bool:
        """Whether a name of three letters or fewer written in capitals may be a place: a
        country or division acronym ("US", "UK", "UAE"), not a town that shares an acronym's
        letters ("UN" is no town named Un)."""
        if key in self._caps_only:
            return True
        return any(
            getattr(c.place, "kind", "") in _ACRONYM_KINDS for c in self.candidates(key, key)
        )

    def _name_goes_on(self, scan: _Scan, start: int, end: int) -> bool:
        """True when a capitalised word that is no designator, particle or place follows the
        name at ``start:end``: the name is part of a longer proper name."""
        lists = self._lists
        word = scan.next_word(end)
        return bool(
            word
            and _is_titlecase_word(word)
            and word.lower() not in lists.designators
            and word.lower() not in lists.name_particles
            and word.lower() not in self._single_words
            and not (
                word.lower() in _PLURAL_DESIGNATORS
                and _LIST_ITEM_BEFORE.search(scan.text, max(0, start - 40), start)
            )  # "Kano and Kaduna States": the designator of a list
        )

    def _coordinated_in_a_name(
        self, scan: _Scan, end: int, longest: dict[int, int], title_lines: bool
    ) -> bool:
        """True when the name ending at ``end`` is joined by "and" to a name that opens the
        longer proper name of a building or an organisation (a capitalised run of at most
        four words with an ``organisation_heads`` or ``building_heads`` word): "the Saint
        Peter and Saint Paul Coptic Orthodox Church" names a church, not two places
        ("between St. Louis and St. Paul on Monday", "beat Sunderland and Aston Villa" name
        two)."""
        if title_lines:
            return False
        m = _AND_NEXT.match(scan.text, end)
        if m is None or m.end() not in longest:
            return False
        end2 = longest[m.end()]
        if not self._name_goes_on(scan, m.end(), end2):
            return False
        run = _CAPITALISED_RUN.match(scan.text, end2)
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
                _blank(fold(low)).strip() in self._single_words
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
        m = _QUALIFIER.match(text, end)
        return m is not None and _blank(fold(m.group(1))).strip() in self._single_words

    def _is_demonym(self, word: str) -> bool:
        return _is_demonym_word(word)

    def _grow(self, scan: _Scan, start: int, end: int, key: str) -> Toponym:
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
        found = find_prefix(text, start) if word in _MODIFIER_ENDINGS else None
        if found is not None:
            phrase_start, modifier = found
        else:
            found = find_suffix(text, end)
            if found is not None and not _GUARD_AFTER.match(text, found[0]):
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

    def _list_division(self, scan: _Scan, start: int, end: int) -> str | None:
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
        after = i < len(plurals) and plurals[i] - end <= _LIST_REACH
        before = i > 0 and start - plurals[i - 1] <= _LIST_REACH
        if not (after or before):
            return None
        text = scan.text
        word = None
        if after and text[end : end + 1] in {",", " ", "\t"}:
            m = _LIST_DESIGNATOR.match(text, end)
            if m is not None and (
                m.group("items") or _LIST_ITEM_BEFORE.search(text, max(0, start - 40), start)
            ):
                word = m.group("word")
        if word is None and before:
            m = _PLURAL_OF.search(text, max(0, start - _LIST_REACH), start)
            if m is not None:
                word = m.group("word")
        if word is None or not (word.islower() or word.istitle()):
            return None
        singular = _PLURAL_DESIGNATORS[word.lower()]
        key = normalize(f"{text[start:end]} {singular}")
        cands = self.candidates(key, key)
        if not cands or cands[0].place.kind not in DESIGNATORS[singular]:
            return None
        return singular

    def _pinned_towns(
        self, text: str, toponyms: Sequence[Toponym], skipped: _SpanSet
    ) -> list[Toponym]:
        """Names of small towns only (:mod:`gazetteer.towns`) that the text pins down, as
        toponyms: followed by a comma and an abbreviated division ("Bantam, Conn."), a
        division or country that ends the phrase ("Holliday, Missouri, said"), or a link
        to a place ("Bantam, near Litchfield"). Never a bare name."""
        has_town = getattr(self.gazetteer, "has_town", None)
        if has_town is None:
            return []
        starts = {t.start: t for t in toponyms}
        taken = _SpanSet(toponyms)
        lists = self._lists
        out: list[Toponym] = []
        for m in _TOWN_BEFORE.finditer(text):
            words = list(_WORD_SPAN.finditer(text, m.start(1), m.end(1)))
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
                and cands[0].place.kind in _QUALIFIERS
                and nxt.modifier is None
                and _QUALIFIER_ENDS.match(text, nxt.end)
                and not _LIST_GOES_ON.match(text, nxt.end)
            )
        link = town_link().match(text, t.end)
        return link is not None and text[link.end() : link.end() + 1].isupper()

    def _demonym_phrases(
        self,
        text: str,
        tails: Sequence[re.Match[str]],
        names: Sequence[tuple[int, int, str]],
        skipped: _SpanSet,
    ) -> list[Toponym]:
        """ "Swedish waters", "off the Somali coast": the country is the named place.

        The gazetteer's demonym pattern is large, so it only runs on a short window before
        each "waters"/"coast"-like word."""
        out: list[Toponym] = []
        seen: set[int] = set()
        for tail in tails:
            if _GUARD_AFTER.match(text, tail.end()):
                continue  # "the Chinese coast guard": an organisation, not a coast
            words = _WORD.findall(text, max(0, tail.start() - 40), tail.start())[-4:]
            if not any(w[:1].isupper() and _is_demonym_word(w) for w in words):
                continue  # no national adjective before it: nothing to find
            lo = max(0, tail.start() - _DEMONYM_WINDOW)
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
                if _GUARD_AFTER.match(text, end):
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
        self, text: str, names: Sequence[tuple[int, int, str]], skipped: _SpanSet
    ) -> list[Toponym]:
        """Capitalised names after a locative preposition that the gazetteer does not know
        ("clashes in Zyxville"), for the online fallback. Only with an online gazetteer."""
        out = []
        for m in _UNKNOWN_AFTER_PREP.finditer(text):
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

    # -- resolving ------------------------------------------------------------------------

    def candidates(self, name: str, key: str | None = None) -> tuple[Any, ...]:
        """The gazetteer's ranked candidates for ``name`` without context (cached by key)."""
        key = key or normalize(name)
        hit = self._candidates.get(key)
        if hit is None:
            hit = tuple(self.gazetteer.candidates(key))
            if len(self._candidates) > 200_000:
                self._candidates.clear()
                self._anchors.clear()
            self._candidates[key] = hit
        return hit

    def is_anchor(self, key: str, cands: Sequence[Any]) -> bool:
        """Whether the name with these candidates resolves the same in any context (cached)."""
        hit = self._anchors.get(key)
        if hit is None:
            hit = _is_anchor(cands)
            self._anchors[key] = hit
        return hit

    def resolve(
        self,
        text: str,
        toponyms: Sequence[Toponym],
        *,
        sentence_of: Callable[[int], tuple[int, int]] | None = None,
    ) -> list[Recognized]:
        """Resolve ``toponyms`` found in ``text``, with the article as context (see
        :meth:`resolve_article`, with no outlet prior)."""
        return self.resolve_article(text, toponyms, sentence_of=sentence_of).recognized

    def resolve_article(
        self,
        text: str,
        toponyms: Sequence[Toponym],
        *,
        sentence_of: Callable[[int], tuple[int, int]] | None = None,
        prior: Place | None = None,
    ) -> Resolution:
        """Resolve ``toponyms`` found in ``text``, with the article as context; the places,
        and the division evidence the article gave (:class:`Resolution`).

        Pass one resolves names whose place no context could change (one candidate, or
        namesakes far behind or in the same place); pass two resolves the rest with the
        nearest of those places (and all their countries) as context, and the first-level
        divisions the article names or places itself in (``Context.divisions``; a pass-one
        name with a namesake in one of them goes to pass two: "Paris" in a story naming
        Texas). See docs/gazetteer.md, *The article's divisions*. A name followed by
        ", <country or state>" is resolved with that qualifier and absorbs it when the place
        lies there. Modifiers become derived areas; "near X" becomes the sea off X when the
        sentence (``sentence_of(offset)`` gives its bounds) reports something at sea or in
        the air. Toponyms the gazetteer cannot place are dropped. Demonyms and names inside
        organisations (:mod:`geo.roles`) are placed afterwards in the same context; the
        locations are placed as if they were not there.

        ``prior`` is the first-level division the article's outlet is at home in
        (:mod:`geo.outlets`, learned from the outlet's other articles): it is the article's
        home only when the article has none of its own and names or votes for no division
        (none named, even inside an organisation's name, no dateline, no place lying only in
        one division), or for the prior among others (:func:`geo.outlets.prior_fits`): an
        article naming only other states keeps them.
        """
        from gazetteer import Context

        abbreviations = [t for t in toponyms if t.abbreviation]
        if abbreviations:
            toponyms = [t for t in toponyms if not t.abbreviation]
        roles = [t for t in toponyms if t.role != LOCATION]
        if roles:
            toponyms = [t for t in toponyms if t.role == LOCATION]

        firsts: list[Place | None] = []
        ranked: list[tuple[Any, ...]] = []  # each toponym's candidates (its name's, by key)
        anchored: list[bool] = []  # whether each toponym's name is an anchor
        for t in toponyms:
            cands = self.candidates(t.name, t.key)
            ranked.append(cands)
            if not cands:
                firsts.append(None)
                anchored.append(False)
                continue
            firsts.append(cands[0].place)
            anchored.append(self.is_anchor(t.key, cands))
        # every name that leads its namesakes clearly, before the evidence reopens any: how
        # many places the story names, for _stray
        first_anchors = [
            first
            for first, anchor in zip(firsts, anchored, strict=True)
            if anchor and first is not None
        ]
        first_anchor_ids = {p.id for p in first_anchors}
        votes = self._division_votes(text, toponyms, ranked, anchored, [*roles, *abbreviations])
        home = _home_of(votes)
        # the first-level divisions the text names anywhere or places itself in: a weak
        # qualifier for every name
        divisions = _evidence(votes, _close_behind(ranked))
        homeless = home is None
        movable: set[str] = set()  # divisions of the places a home would be asked to move
        # every division the article names or votes for, however weakly ("the Illinois
        # State Police"): an outlet prior must not contradict any of them
        evidence = tuple(dict.fromkeys([*(d.id for d in divisions), *votes]))
        if home is None and prior is not None and prior_fits(prior.id, evidence):
            home = prior  # the outlet's home region stands in for the article's own
        # an outlet's home, weaker evidence than the article's own, never moves the capital
        # of its own country, which national news names everywhere ("Washington" in a
        # stateless story of a Georgia paper stays the capital; "Paris" in a Texas paper's
        # does not stay in France)
        own_capital = prior.country if homeless and home is not None and prior else None
        if divisions:
            # an anchor with a namesake in one of them is resolved in context after all
            # ("Paris" in a story naming Texas)
            for i, cands in enumerate(ranked):
                if anchored[i] and self._namesake_in(toponyms[i], cands, divisions):
                    anchored[i] = False
        anchors = [
            (t.start, first)
            for t, first, anchor in zip(toponyms, firsts, anchored, strict=True)
            if anchor and first is not None
        ]
        countries = tuple(sorted({p.country for _, p in anchors if p.country}))
        # Without anchors, the names that lead their namesakes clearly (WEAK_MARGIN) are
        # each other's context: "Edmonton" and "Enfield" in a story about north London.
        leaders = [] if anchors else _leaders(toponyms, ranked, anchored)

        anchor_starts = [a for a, _ in anchors]  # in text order
        # a county's namesakes are told apart by the divisions the text names anywhere
        named = (
            self._divisions_named(text, toponyms, ranked)
            if any(c and c[0].place.kind == "county" for c in ranked)
            else ()
        )

        division_ids = tuple(d.id for d in divisions)
        pairs = self._pairs(toponyms, ranked, roles, divisions)
        near_pairs = self._town_pairs(toponyms, ranked, roles, divisions, countries)

        def nearby_of(pos: int) -> tuple[Place, ...]:
            """The anchors nearest ``pos`` in the text (distinct places, at most
            :data:`MAX_NEARBY`): the context that matters for a mention is mostly local.
            Walks outwards from ``pos``, the nearer side first (the earlier one on a tie)."""
            chosen: dict[str, Place] = {}
            right = bisect_right(anchor_starts, pos)
            left = right - 1
            while left >= 0 or right < len(anchors):
                if right >= len(anchors) or (
                    left >= 0 and pos - anchor_starts[left] <= anchor_starts[right] - pos
                ):
                    place = anchors[left][1]
                    left -= 1
                else:
                    place = anchors[right][1]
                    right += 1
                if place.id not in chosen:
                    chosen[place.id] = place
                    if len(chosen) == MAX_NEARBY:
                        break
            return tuple(chosen.values())

        out: list[Recognized] = []
        weak: list[int] = []  # indices in out of given names placed without evidence
        anchor_places: dict[str, Place] | None = None  # distinct anchors, in text order
        anchor_points: dict[str, Any] = {}  # place id → representative point, for _stray
        sea_sentences: dict[int, bool] = {}  # sentence start → reports_at_sea
        qualified: dict[str, Place] = {}  # key → the place a qualifier gave it earlier
        skip_until = -1  # toponyms starting before this were absorbed as qualifiers
        # the absorbed qualifiers, mentions of their own, with the toponym that absorbed each
        qualifiers: list[tuple[Toponym, Recognized]] = []
        for i, t in enumerate(toponyms):
            if t.start < skip_until:
                continue
            first = firsts[i]
            town_only = first is None and self._has_town(t.name)
            if first is None and not self.online and not town_only:
                continue
            qualifier = None
            cands = ranked[i] if first is not None else ()
            abbreviated = (
                self._abbreviated(text, t, cands, nearby_of) if cands or town_only else None
            )
            if abbreviated is not None:
                t, base, division = abbreviated  # "London, Ont.": the toponym absorbed it
                skip_until = t.end
                if division is not None and t.qualifier:
                    start = t.end - len(t.qualifier)
                    mention = _qualifier_mention(t, start, division, abbreviated=True)
                    qualifiers.append((t, mention))
            else:
                base = None
                if i + 1 < len(toponyms) and firsts[i + 1] is not None:
                    qualifier = self._qualifier(text, t, toponyms[i + 1], firsts[i + 1])
                if qualifier is not None:
                    base = self.gazetteer.resolve(
                        t.lookup,
                        context=Context(nearby=nearby_of(t.start), qualifier=qualifier[1].name),
                    )
                    if (
                        base is not None
                        and not _lies_in(base, qualifier[1])
                        and self._foreign_to(text, t, toponyms[i + 1], qualifier[1])
                    ):
                        # "the fire in Piedmont, South Dakota": a town the gazetteer lacks (its
                        # only Piedmonts are Italy's region and a US plateau) is placed by its
                        # qualifier, never at a far namesake
                        base = qualifier[1]
                    if (
                        base is not None
                        and base.kind == "town"
                        and _LIST_GOES_ON.match(text, toponyms[i + 1].end)
                    ):
                        base = None  # "Georgia, Armenia and Azerbaijan": a list, not a town
                    if base is not None and _lies_in(base, qualifier[1]):
                        q = toponyms[i + 1]
                        t = Toponym(  # the toponym grows to absorb its qualifier
                            start=t.start,
                            end=q.end if q.modifier is None else q.name_end,
                            name_start=t.name_start,
                            name_end=t.name_end,
                            name=t.name,
                            modifier=t.modifier,
                            qualifier=text[q.name_start : q.name_end],
                        )
                        skip_until = q.end
                        if base.id != qualifier[1].id:  # not "Piedmont, South Dakota" placed by it
                            mention = _qualifier_mention(
                                t, q.name_start, qualifier[1], abbreviated=False
                            )
                            qualifiers.append((t, mention))
                    else:
                        base = None
            if base is None and i + 1 < len(toponyms):
                base = self._linked_town(text, t, toponyms[i + 1], firsts[i + 1])
            key = t.key
            if base is not None and t.qualifier is not None:
                qualified[key] = base
            elif base is None and key in qualified:
                base = qualified[key]  # "Paris, Texas" … "came to Paris": the same Paris
            free = base is None  # no qualifier, link or earlier qualified mention placed it
            paired = free and key in pairs
            if paired:
                base = pairs[key]  # "Paris and Henry County": the Paris in a Henry County
            elif free and key in near_pairs:
                base = near_pairs[key]  # "Lexington" and "Swansea": the two near each other
            if base is None:
                nearby = () if anchored[i] else _others(leaders, key, t.start)
                county = bool(cands) and cands[0].place.kind == "county"
                if cands and (anchored[i] or (not anchors and not nearby and not divisions)):
                    base = cands[0].place
                else:
                    nearby = nearby or nearby_of(t.start)
                    if county and named:
                        nearby = (*named, *(p for p in nearby if p not in named))
                    memo = (key, tuple(p.id for p in nearby), countries, division_ids)
                    if memo in self._in_context:
                        base = self._in_context[memo]
                    else:
                        base = self.gazetteer.resolve(
                            t.lookup,
                            context=Context(
                                nearby=nearby, countries=countries, divisions=divisions
                            ),
                        )
                        if len(self._in_context) >= CONTEXT_CACHE:
                            self._in_context.clear()
                        self._in_context[memo] = base
            if free and not paired and base is not None and not t.demonym:
                if homeless and base.kind in _HOME_KINDS:
                    movable.add(self._division_id(base))
                if home is not None and not _own_capital(base, own_capital):
                    base = self._at_home(t, base, home, toponyms, firsts, nearby_of)
            if free and base is not None and base.kind in _COORDINATED_KINDS and not t.demonym:
                base = _coordinated_division(text, i, base, toponyms, firsts, cands) or base
            if base is None:
                continue
            if (
                free
                and not paired
                and _by_alternate(cands, base)
                and not _near_any(base, t.key, toponyms, firsts)
            ):
                continue  # "Berea" is Aleppo only by an old name: not in a Kentucky story
            if len(cands) == 1 and base.kind == "city":
                if anchor_places is None:  # built once per text, only when asked
                    anchor_places = {p.id: p for _, p in anchors}
                if _stray(base, anchor_places, anchor_points, first_anchor_ids):
                    # "a wildfire in Mati" in a story about Athens is not Mati, Philippines
                    continue
            place = base
            if t.modifier is not None and getattr(t.modifier, "rule", None) in _DERIVED_RULES:
                at_sea = False
                if sentence_of is not None:
                    s, e = sentence_of(t.start)
                    at_sea = sea_sentences.get(s)
                    if at_sea is None:
                        at_sea = sea_sentences[s] = reports_at_sea(text[s:e])
                derived = self._derive(base, t.modifier, at_sea)
                if derived is None:
                    continue
                place = derived
            if free and not paired and self._given_name_place(text, t, base):
                weak.append(len(out))
            out.append(Recognized(toponym=t, place=place, base=base))
        for t in roles:  # "Russian", "Alexandria Police": placed in the locations' context
            cands = self.candidates(t.name, t.key)
            if not cands:
                continue
            if t.key in pairs:
                base = pairs[t.key]
            elif t.key in near_pairs:
                base = near_pairs[t.key]
            elif self.is_anchor(t.key, cands):
                base = cands[0].place
            else:
                nearby = _others(leaders, t.key, t.start) or nearby_of(t.start)
                memo = (t.key, tuple(p.id for p in nearby), countries)
                if memo in self._in_context:
                    base = self._in_context[memo]
                else:
                    base = self.gazetteer.resolve(
                        t.lookup, context=Context(nearby=nearby, countries=countries)
                    )
                    if len(self._in_context) >= CONTEXT_CACHE:
                        self._in_context.clear()
                    self._in_context[memo] = base
            if base is not None and t.key not in pairs:
                if homeless and base.kind in _HOME_KINDS:
                    movable.add(self._division_id(base))
                if home is not None and not _own_capital(base, own_capital):
                    base = self._at_home(t, base, home, toponyms, firsts, nearby_of)
            if base is None:
                continue
            if (
                t.key not in pairs
                and _by_alternate(cands, base)
                and not _near_any(base, t.key, toponyms, firsts)
            ):
                continue
            if len(cands) == 1 and base.kind == "city":
                if anchor_places is None:
                    anchor_places = {p.id: p for _, p in anchors}
                if _stray(base, anchor_places, anchor_points):
                    continue
            if t.key not in pairs and self._given_name_place(text, t, base):
                weak.append(len(out))
            out.append(Recognized(toponym=t, place=base, base=base))
        if weak:
            out = _drop_lonely(out, weak, self.candidates)
        lookup = getattr(self.gazetteer, "abbreviation", None)
        if abbreviations:
            spans = _SpanSet(out)  # "Bowling Green, Ky.": a qualifier absorbed, no mention
        for t in abbreviations:  # "the S.C. Highway Patrol": the one division it means
            meanings = lookup(t.name) if lookup is not None else ()
            if len(meanings) == 1 and not (spans.starts and spans.overlaps(t.start, t.end)):
                out.append(Recognized(toponym=t, place=meanings[0], base=meanings[0]))
        if qualifiers:
            kept = {id(r.toponym) for r in out}
            out.extend(q for owner, q in qualifiers if id(owner) in kept)
        if roles or abbreviations or qualifiers:
            out.sort(key=lambda r: r.start)
        return Resolution(out, votes, evidence, tuple(sorted(movable)))

    def _nearest_named(self, name: str, place: Place, within: float) -> Place | None:
        """:meth:`gazetteer.Gazetteer.nearest_named`, remembered per (name, place, reach) for
        the recognizer's life (the memo is emptied when it holds :data:`NEAREST_MEMO`)."""
        key = (name, place.id, within)
        memo = self._nearest
        if key not in memo:
            if len(memo) > NEAREST_MEMO:
                memo.clear()
            memo[key] = self.gazetteer.nearest_named(name, place, within)
        return memo[key]

    def _pairs(
        self,
        toponyms: Sequence[Toponym],
        ranked: Sequence[Sequence[Any]],
        roles: Sequence[Toponym],
        divisions: Sequence[Place],
    ) -> dict[str, Place]:
        """The places that county-and-town pairs of the article pin down, by key
        (:func:`geo.pairs.county_pairs`): nothing unless a county name has namesakes. When
        the article names divisions (``divisions``, the evidence for every name), only the
        counties in them count: "Monroe County" in a Missouri story is Missouri's, whatever
        town of another Monroe County the story names."""
        nearest = getattr(self.gazetteer, "nearest_named", None)
        if nearest is None or not any(c and c[0].place.kind == "county" for c in ranked):
            return {}
        names: dict[str, tuple[str, str, Sequence[Any]]] = {}
        for t, cands in zip(toponyms, ranked, strict=True):
            if t.key in names:
                continue
            if cands and cands[0].place.kind == "county":
                cands = self._counties(t.lookup, t.key)
                if divisions:
                    inside = [
                        c for c in cands if any(self._in_division(c.place, d) for d in divisions)
                    ]
                    cands = inside or cands
            names[t.key] = (t.key, t.lookup, cands)
        for t in roles:
            if t.role == ORGANISATION and t.key not in names:
                names[t.key] = (t.key, t.lookup, self.candidates(t.name, t.key))
        return county_pairs(list(names.values()), self._nearest_named, self._has_town)

    def _town_pairs(
        self,
        toponyms: Sequence[Toponym],
        ranked: Sequence[Sequence[Any]],
        roles: Sequence[Toponym],
        divisions: Sequence[Place],
        countries: Sequence[str],
    ) -> dict[str, Place]:
        """The places that two town names near each other pin down, by key
        (:func:`geo.pairs.town_pairs`: "Lexington" and "Swansea" in a South Carolina paper;
        a name that leads its namesakes clearly stays). Only inside the ``divisions`` the
        article names, when it names any, and in the ``countries`` of its anchors, when it
        has any."""
        nearest = getattr(self.gazetteer, "nearest_named", None)
        if nearest is None:
            return {}
        out: dict[str, Place] = {}
        towns: dict[str, tuple[str, str, Sequence[Any], bool]] = {}
        named = [(t, cands) for t, cands in zip(toponyms, ranked, strict=True) if not t.demonym]
        named += [(t, self.candidates(t.name, t.key)) for t in roles if t.role == ORGANISATION]
        for t, cands in named:
            if t.key not in towns:
                anchor = bool(cands) and self.is_anchor(t.key, cands)
                towns[t.key] = (t.key, t.lookup, cands, anchor)
        paired = town_pairs(list(towns.values()), self._nearest_named, self._has_town)
        for key, place in paired.items():
            if countries and place.country not in countries:
                continue
            if not divisions or any(self._in_division(place, d) for d in divisions):
                out.setdefault(key, place)
        return out

    def _given_name_place(self, text: str, t: Toponym, place: Place) -> bool:
        """Whether ``t`` is one word that is also a common given name (``given_names.txt``:
        "Donna", "Lincoln", "Paris", "Alexandria"), with no place cue (a locative
        preposition before it: "talks in Geneva"), and ``place`` a town, city, capital or a
        division below :data:`_STRONG_POP`: such a mention needs a place of the article
        nearby (:func:`_drop_lonely`)."""
        if t.demonym or t.modifier is not None or t.name.lower() not in person_cues().given:
            return False
        if place.kind not in _GIVEN_NAME_KINDS and not (
            place.kind == "admin1" and place.prominence < _STRONG_POP
        ):
            return False
        return not self._place_cue(text, t.name_start, t.name_end)

    def _counties(self, name: str, key: str) -> tuple[Any, ...]:
        """Every candidate of a county's name (a dozen states may have a county of the name,
        more than a lookup's usual ten candidates), cached by key."""
        hit = self._all_counties.get(key)
        if hit is None:
            try:
                hit = tuple(self.gazetteer.candidates(key, limit=MAX_COUNTIES))  # type: ignore[call-arg]
            except TypeError:  # a gazetteer without the limit keyword
                hit = tuple(self.gazetteer.candidates(key))
            if len(self._all_counties) > 20_000:
                self._all_counties.clear()
            self._all_counties[key] = hit
        return hit

    def _division_votes(
        self,
        text: str,
        toponyms: Sequence[Toponym],
        ranked: Sequence[Sequence[Any]],
        anchored: Sequence[bool],
        others: Sequence[Toponym] = (),
    ) -> dict[str, tuple[float, Place]]:
        """The first-level divisions the article names or places itself in, by id, with their
        votes: a dateline's abbreviated division :data:`DATELINE_VOTE`, a name qualified by a
        division ("Decatur, Ill.", "Salem, Oregon") :data:`QUALIFIED_VOTE`, a division named
        alone and a place with no namesake elsewhere 1 each, a division named in an
        organisation's name ("Indiana Department of Workforce Development")
        :data:`ORG_VOTE`, and a division that is the place of an organisation-role mention
        among ``others`` ("Kentucky State Police", "the S.C. Highway Patrol")
        :data:`ORG_ROLE_VOTE`."""
        votes: dict[str, float] = {}
        places: dict[str, Place] = {}

        def vote(place: Place | None, weight: float) -> None:
            if place is not None and place.kind == "admin1":
                votes[place.id] = votes.get(place.id, 0.0) + weight
                places[place.id] = place

        for division in self._dateline_divisions(text):
            vote(division, DATELINE_VOTE)
        for i, (t, cands) in enumerate(zip(toponyms, ranked, strict=True)):
            if not cands or t.demonym:
                continue
            top = cands[0].place
            found = self._abbreviation_after(text, t)
            if found is not None and len(found[1]) == 1 and top.kind in _QUALIFIABLE:
                vote(found[1][0], QUALIFIED_VOTE)
            elif top.kind == "admin1":
                vote(top, ORG_VOTE if _in_org_name(text, t) else 1.0)
            elif (
                anchored[i]
                and top.kind in _VOTING_KINDS
                and not any(c.place.kind in _HOME_KINDS for c in cands[1:])
            ):
                vote(self._division(top), 1.0)  # a town or county with no namesake
            if (
                i + 1 < len(toponyms)
                and ranked[i + 1]
                and ranked[i + 1][0].place.kind == "admin1"
                and top.kind in _QUALIFIABLE
                and text[t.name_end : toponyms[i + 1].name_start].strip() == ","
                and not _LIST_GOES_ON.match(text, toponyms[i + 1].end)
            ):
                vote(ranked[i + 1][0].place, QUALIFIED_VOTE - 1.0)  # the division votes 1 too
        lookup = getattr(self.gazetteer, "abbreviation", None)
        for t in others:
            if t.role != ORGANISATION:
                continue
            if t.abbreviation:  # "the S.C. Highway Patrol"
                meanings = lookup(t.name) if lookup is not None else ()
                if len(meanings) == 1:
                    vote(meanings[0], ORG_ROLE_VOTE)
                continue
            cands = self.candidates(t.name, t.key)  # "Kentucky State Police"
            if cands and cands[0].place.kind == "admin1":
                vote(cands[0].place, ORG_ROLE_VOTE)
        return {k: (v, places[k]) for k, v in votes.items()}

    def _division(self, place: Place) -> Place | None:
        """The first-level division ``place`` lies in (a county's recorded state), cached."""
        if place.id in self._division_of:
            return self._division_of[place.id]
        found = None
        get = getattr(self.gazetteer, "get", None)
        if place.parent and get is not None:
            try:
                found = get(place.parent)
            except Exception:  # an id the gazetteer no longer has
                found = None
        intersecting = getattr(self.gazetteer, "intersecting", None)
        if found is None and intersecting is not None:
            point = place.geometry.representative_point()
            found = next(
                (d for d in intersecting(point, kinds=("admin1",)) if d.country == place.country),
                None,
            )
        self._division_of[place.id] = found
        return found

    def _division_id(self, place: Place) -> str:
        """The id of the first-level division ``place`` lies in, "" when none."""
        division = self._division(place)
        return division.id if division is not None else ""

    def _at_home(
        self,
        t: Toponym,
        base: Place,
        home: Place,
        toponyms: Sequence[Toponym],
        firsts: Sequence[Place | None],
        nearby_of: Callable[[int], tuple[Place, ...]],
    ) -> Place:
        """The namesake of ``base`` in the article's ``home`` division, when ``base`` is a
        town, city or county outside it ("Decatur" in a story at home in Georgia is
        Georgia's); ``base`` itself when it lies there, when no namesake does, or when the
        article names another place of ``base``'s country, a foreign one ("talks in Berlin
        with German officials" in a Connecticut story stay in Germany; "Paris" in a Kentucky
        story of a trip to France is France's)."""
        if base.kind not in _HOME_KINDS or _lies_in(base, home):
            return base
        if base.country != home.country:
            for other, first in zip(toponyms, firsts, strict=True):
                if other.key != t.key and first is not None and first.country == base.country:
                    return base  # the article names another place of that country
        from gazetteer import Context

        nearby = nearby_of(t.start)
        memo = ("home", t.key, home.id, tuple(p.id for p in nearby))
        if memo in self._in_context:
            return self._in_context[memo] or base
        ranked = self.gazetteer.candidates(
            t.lookup, context=Context(nearby=nearby, qualifier=home.name)
        )
        pick = next(
            (c.place for c in ranked if c.place.kind in _HOME_KINDS and _lies_in(c.place, home)),
            None,
        )
        if len(self._in_context) >= CONTEXT_CACHE:
            self._in_context.clear()
        self._in_context[memo] = pick
        return pick or base

    def _has_town(self, name: str) -> bool:
        """Whether the gazetteer has a small town of this name (:mod:`gazetteer.towns`)."""
        has_town = getattr(self.gazetteer, "has_town", None)
        return bool(has_town is not None and has_town(name))

    def _linked_town(
        self, text: str, t: Toponym, nxt: Toponym, nxt_place: Place | None
    ) -> Place | None:
        """The city or town named ``t`` within :data:`TOWN_LINK_KM` of the next place when a
        link phrase ties them ("Edmonton, south of Cairns": the Edmonton by Cairns, not
        Canada's), or ``None``."""
        nearest = getattr(self.gazetteer, "nearest_named", None)
        if nearest is None or nxt_place is None or nxt_place.kind not in _LINK_ANCHOR_KINDS:
            return None
        if t.end != t.name_end or nxt.modifier is not None:
            return None
        link = town_link().match(text, t.end)
        if link is None or link.end() != nxt.start:
            return None
        return nearest(t.name, nxt_place, TOWN_LINK_KM)

    def _divisions_named(
        self, text: str, toponyms: Sequence[Toponym], ranked: Sequence[Sequence[Any]]
    ) -> tuple[Place, ...]:
        """The first-level divisions a text names anywhere, in text order (at most
        :data:`MAX_NEARBY`): a name whose candidates include a division within
        :data:`ANCHOR_MARGIN` of its best ("Georgia": the country, and the US state close
        behind; not "Washington", the capital far ahead of the state), and the division an
        abbreviation after a name stands for ("HURRICANE, W.Va."). They tell namesakes
        apart: "Putnam County" in that story is West Virginia's (they are also the county's
        nearby places, for the parent bonus)."""
        found: dict[str, Place] = {}
        for t, cands in zip(toponyms, ranked, strict=True):
            if not cands:
                continue
            top = float(getattr(cands[0], "score", 0.0))
            for c in cands:
                if top - float(getattr(c, "score", 0.0)) >= ANCHOR_MARGIN:
                    break
                if c.place.kind == "admin1":
                    found.setdefault(c.place.id, c.place)
            abbreviated = self._abbreviation_after(text, t)
            if abbreviated is not None and len(abbreviated[1]) == 1:
                found.setdefault(abbreviated[1][0].id, abbreviated[1][0])
        # a dateline whose town the gazetteer lacks: "HURRICANE, W.Va. -", "PIKEVILLE, KY (AP)"
        for division in self._dateline_divisions(text):
            found.setdefault(division.id, division)
        return tuple(found.values())[:MAX_NEARBY]

    def _namesake_in(self, t: Toponym, cands: Sequence[Any], divisions: Sequence[Place]) -> bool:
        """Whether a namesake of the best of ``cands`` (a city or county among them, or a small
        town of the name) lies in one of the ``divisions`` while the best lies in none."""
        if any(self._in_division(cands[0].place, d) for d in divisions):
            return False
        if any(
            c.place.kind in _HOME_KINDS and any(self._in_division(c.place, d) for d in divisions)
            for c in cands[1:]
        ):
            return True
        if not self._has_town(t.name):
            return False
        from gazetteer import Context

        memo = ("towns", t.key, tuple(d.id for d in divisions))
        hit = self._in_context.get(memo)
        if hit is None and memo not in self._in_context:
            hit = next(
                (
                    c.place
                    for c in self.gazetteer.candidates(
                        t.lookup, context=Context(divisions=tuple(divisions))
                    )
                    if c.place.kind == "town"
                ),
                None,
            )
            if len(self._in_context) >= CONTEXT_CACHE:
                self._in_context.clear()
            self._in_context[memo] = hit
        return hit is not None

    def _in_division(self, place: Place, division: Place) -> bool:
        """:func:`_lies_in`, with a country test first and the answer cached per pair."""
        if place.country != division.country:
            return False
        key = (place.id, division.id)
        hit = self._lies.get(key)
        if hit is None:
            if len(self._lies) > 100_000:
                self._lies.clear()
            hit = self._lies[key] = _lies_in(place, division)
        return hit

    def _dateline_divisions(self, text: str) -> list[Place]:
        """The divisions the wire datelines of ``text`` name by an abbreviation that means
        only one ("HURRICANE, W.Va. -", "PIKEVILLE, KY (AP)"), one per dateline."""
        lookup = getattr(self.gazetteer, "abbreviation", None)
        if lookup is None:
            return []
        out = []
        for m in _DATELINE_ABBREVIATION.finditer(text):
            token = m.group("abbreviation")
            meanings = lookup(token, postal=True) or lookup(token.rstrip("."), postal=True)
            if len(meanings) == 1:
                out.append(meanings[0])
        return out

    def _qualifier(
        self, text: str, t: Toponym, nxt: Toponym, nxt_place: Place
    ) -> tuple[Toponym, Place] | None:
        """The next toponym when it qualifies ``t`` ("Kazan, Russia")."""
        if t.modifier is not None and getattr(t.modifier, "rule", None) != "near":
            pass
        between = text[t.name_end : nxt.name_start]
        if between.strip() != "," or nxt.modifier is not None or nxt.demonym:
            return None
        if nxt_place.kind not in _QUALIFIERS:
            # "Albany, New York", "Seattle, Washington": a state whose name means a city
            # first qualifies as the state
            nxt_place = next(
                (c.place for c in self.candidates(nxt.name, nxt.key) if c.place.kind == "admin1"),
                None,
            )
            if nxt_place is None:
                return None
        cands = self.candidates(t.name, t.key)
        if not cands and not self._has_town(t.name):
            return None
        if cands and all(c.place.kind not in _QUALIFIABLE for c in cands):
            return None
        return nxt, nxt_place

    def _abbreviated(
        self,
        text: str,
        t: Toponym,
        cands: Sequence[Any],
        nearby_of: Callable[[int], tuple[Place, ...]],
    ) -> tuple[Toponym, Place, Place | None] | None:
        """``t`` grown over a following abbreviated division, its place and the division:
        "London, Ont." (the London in Ontario), "LONDON, Ky. (WKYT) -" (a dateline, where
        postal codes count too: "LONDON, KY"). When no place of the name lies in the division
        and the division is the only one the abbreviation may mean, the division itself
        ("Wainwright, Alta.": a town the gazetteer lacks, never its namesake in another
        country), and no division beside it. ``None`` when no abbreviation follows, or the
        name is no town-like place, or nothing fits."""
        found = self._abbreviation_after(text, t)
        if found is None or (cands and all(c.place.kind not in _QUALIFIABLE for c in cands)):
            return None
        if not cands and not self._has_town(t.name):
            return None
        end, meanings = found
        from gazetteer import Context

        base = division = None
        for region in meanings:
            ranked = self.gazetteer.candidates(
                t.lookup, context=Context(nearby=nearby_of(t.start), qualifier=region.name)
            )
            # the best namesake inside the division ("Kansas City, Kan.": not the larger one
            # across the state line, though it lies within the qualifier's reach)
            base = next((c.place for c in ranked if _lies_in(c.place, region)), None)
            if base is None:  # a river town just outside a generalised state line
                base = next((c.place for c in ranked if _at_edge_of(c.place, region)), None)
            if base is not None:
                division = region
                break
        if base is None:
            if not cands or len(meanings) != 1 or cands[0].place.kind in _QUALIFIERS:
                # "Seattle, WA": Washington or Western Australia? "the Indiana, Ill.
                # border": a name that means a division is never placed in another one
                return None
            base = meanings[0]
        grown = Toponym(
            start=t.start,
            end=end,
            name_start=t.name_start,
            name_end=t.name_end,
            name=t.name,
            modifier=t.modifier,
            qualifier=text[t.name_end : end].lstrip(", \t"),
            key=t.key,
        )
        return grown, base, division

    def _abbreviation_after(self, text: str, t: Toponym) -> tuple[int, tuple[Place, ...]] | None:
        """``(end, meanings)`` of an abbreviated division right after the name of ``t``
        (", Ont.", ", Qld", and in a dateline ", KY"), as the gazetteer reads it: every
        division it may stand for, postal codes included ("WA": Western Australia and
        Washington). A full stop that ends the sentence too ("in Perth, WA.") is left out
        when the form has none."""
        if t.end != t.name_end or not text.startswith(",", t.name_end):
            return None
        m = _ABBREVIATION.match(text, t.name_end)
        lookup = getattr(self.gazetteer, "abbreviation", None)
        if m is None or lookup is None:
            return None
        postal = _DATELINE_START.fullmatch(text, text.rfind("\n", 0, t.name_start) + 1, t.start)
        token, end = m.group(1), m.end(1)
        regions = lookup(token, postal=postal is not None)
        if not regions and token.endswith("."):
            token, end = token[:-1], end - 1
            regions = lookup(token, postal=postal is not None)
        if not regions:
            return None
        return end, tuple(lookup(token, postal=True))

    def _foreign_to(self, text: str, t: Toponym, q: Toponym, region: Place) -> bool:
        """True when no place named ``t`` lies in its qualifier ``region`` ("Piedmont, South
        Dakota": Italy's Piedmont is not in South Dakota) nor in its country, the pair is no
        list ("Texas, California and Arizona"; a country is never qualified), and the
        qualifier ends there (a preposition, a time word or punctuation follows it)."""
        if _LIST_GOES_ON.match(text, q.end) or not _QUALIFIER_ENDS.match(text, q.end):
            return False  # a list, or a subject: "In Beijing, Russia's defence chief said"
        cands = self.candidates(t.name, t.key)
        if not cands or any(c.place.kind == "country" for c in cands):
            return False
        # "Texas, California": a namesake in the qualifier's country is a list of neighbours
        return not any(
            _lies_in(c.place, region)
            or (c.place.country is not None and c.place.country == region.country)
            for c in cands
        )

    def _derive(self, base: Place, modifier: Any, at_sea: bool) -> Place | None:
        key = (base.id, modifier.rule, getattr(modifier, "detail", None), at_sea)
        if key not in self._derived:
            from gazetteer import GazetteerError
            from gazetteer.areas import derive

            try:
                self._derived[key] = derive(base, modifier, self.gazetteer, at_sea=at_sea)
            except GazetteerError:
                self._derived[key] = None
        return self._derived[key]

    def recognize(
        self,
        text: str,
        *,
        skip: Iterable[Any] = (),
        sentence_of: Callable[[int], tuple[int, int]] | None = None,
    ) -> list[Recognized]:
        """:meth:`find` then :meth:`resolve`."""
        return self.resolve(text, self.find(text, skip=skip), sentence_of=sentence_of)


def recognize(text: str, *, gazetteer: _Gazetteer | None = None) -> list[Recognized]:
    """Resolved place phrases in ``text`` (the default gazetteer when none is given), with
    boilerplate skipped and sentences as the context of "near X"."""
    from geo.text import boilerplate, containing, sentences

    if gazetteer is None:
        from gazetteer import Gazetteer

        gazetteer = Gazetteer.default()
    recognizer = Recognizer.for_gazetteer(gazetteer)
    spans = sentences(text)

    def sentence_of(offset: int) -> tuple[int, int]:
        span = containing(spans, offset)
        return (span.start, span.end) if span is not None else (0, len(text))

    return recognizer.recognize(text, skip=boilerplate(text), sentence_of=sentence_of)


# ---------------------------------------------------------------------------------------------
# Small helpers


def _country_acronym(gazetteer: Any, key: str, blanked: str) -> bool:
    """A short stop-listed key that names a country ("us"): kept, but matched only when
    written in capitals ("US")."""
    if len(blanked.replace(" ", "")) > 3:
        return False
    try:
        cands = gazetteer.candidates(key, limit=1)
    except TypeError:  # a gazetteer without the limit keyword
        cands = gazetteer.candidates(key)
    return bool(cands) and cands[0].place.kind == "country"


def _is_online(gazetteer: Any) -> bool:
    """A gazetteer with an online fallback (it has a ``geocoder``)."""
    return getattr(gazetteer, "geocoder", None) is not None


def _merge_roles(locations: list[Toponym], others: Sequence[Toponym]) -> list[Toponym]:
    """``locations`` and the ``others`` (demonyms, names in organisations) that overlap no
    location and no earlier other, in text order: a location always wins ("Swedish waters"
    is a location; its demonym is no second mention)."""
    starts = [t.start for t in locations]
    kept: list[Toponym] = []
    last = -1
    for t in others:
        if t.start < last:
            continue
        i = bisect_right(starts, t.start)
        if i and locations[i - 1].end > t.start:
            continue  # inside the location before it
        if i < len(locations) and locations[i].start < t.end:
            continue  # runs into the location after it
        kept.append(t)
        last = t.end
    return sorted([*locations, *kept], key=lambda t: (t.start, -t.end))
