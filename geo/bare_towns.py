"""Small towns of the story's own state, named bare in a locative frame.

Local news names its towns bare ("Three homes were broken into in Hopkinton", "Niota
police", "a Chapin man"), and a town under the main index's 15,000 people
(:mod:`gazetteer.towns`) is otherwise found only where the text pins it ("Chapin, S.C.").
When the story's first-level division is known (:func:`story_divisions`: the article's
home, its own or its outlet's prior, :class:`geo.article_context.ArticleContext`; without a
home, the divisions the text names in any role), :func:`bare_towns` takes such a name as
that division's town, only when all of these hold:

- the name is one or two capitalised words (a dateline's, up to four words in capitals)
  overlapping no found name (a dateline's may be found, and left unplaced), with no main-index
  place of the name (the recognizer's filters already judged those);
- it is used as a place (:func:`geo.lead_towns.used_as_place`, the frames of
  ``geo/data/where.yaml``: after a locative preposition and before a phrase end, "X
  police", "a X man", "a X restaurant"), or in a frame of ``geo/data/bare_towns.yaml``
  (a body or school that serves the town, "the X Fire Department", "X High School"; where
  a named person lives, "Mindy Miller of X,"; a lawmaker's town, "(R-X)"; the town's centre,
  "downtown X."; "the village of X", "east of X", "drove to X to", "at Carter's X home",
  "The X man": :mod:`geo.bare_frames`), or it is the name of a bare wire dateline, in
  capitals with no qualifier ("CROMWELL —", "ISLE OF PALMS —": :func:`_dateline_names`),
  or it is an item of a list
  of places ("the X or Y areas"; "Paris and X", with a found town, city or county of the
  same division among the items; or a list of three or more items, four with commas alone,
  all of them names only small towns bear: "including Harwinton, Bantam, Litchfield,
  Winsted and …"); and not as the name of a part of a larger place ("the Crown Heights
  neighborhood of Brooklyn": ``part_nouns``);
- it is no common word or designator (``toponym_filters.yaml``, ``common_words.tsv``), does
  not open with a title or opener, nor with a common word other than those that open town
  names ("Fort Mill", "Falls Village": ``name_words``); a single given name ("Sharon") or a
  given name and surname ("Glen Allen", ``given_names.txt``, ``surnames.txt``) only in a
  frame ("in Glen Allen.", "Theresa Pilkington of Jeannette,"), never by a list alone; and
  the article never uses it as a person's name: after a capitalised given name or a title
  ("Tom Carver", "Sheriff Carver") or before a verb of saying ("Carver said");
- it is no item of a list of divisions ("in Becker, Clay and Polk counties");
- exactly one town of the name lies in those divisions (none or several: no place); or,
  when the story has no division at all, the name has two words or more and exactly one
  town in the gazetteer bears it ("TEGA CAY —", "in Isle of Palms": :func:`unique_towns`),
  or one word, no feast ("at Christmas"), in a story that names no other place ("in
  Whitestown."; the story stays movable, for an outlet's home region to replace it).

A story with no division of its own may be given one by its own towns' namesakes
(:func:`geo.colocated.colocated_home`, passed as a home prior before resolution).

An article with no home of its own that holds such a name (a town of the name anywhere)
marks the place as movable (``""`` in :attr:`geo.toponyms.Resolution.movable`), so that
:func:`geo.geoparse.analyze_batch` reads it again with its outlet's home region as the
home (:mod:`geo.outlets`); the name joins the article's towns
(:attr:`geo.toponyms.Resolution.towns`), near which the town an outlet's name opens with is
looked for ("CROMWELL —" in the Middletown Press: :func:`geo.outlet_towns.near_town_prior`).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import replace
from functools import cache, lru_cache
from typing import Any

from gazetteer import Place
from geo.bare_frames import frames, in_a_frame, name_heads, opens_a_body
from geo.datelines import find_datelines
from geo.lead_towns import NAME, holds
from geo.persons import person_cues
from geo.scanning import Scan, filter_lists
from geo.toponyms import Recognized, Resolution, Toponym
from geo.vocabulary import load_data

__all__ = [
    "a_person_here",
    "bare_names",
    "bare_towns",
    "found_bare_names",
    "has_town",
    "not_a_town_word",
    "story_divisions",
    "unique_towns",
    "with_bare_towns",
]

#: Kinds of home that hold the bare towns (a country is too wide to pin a small name).
_HOME_KINDS = frozenset({"admin1"})
#: Kinds of place a bare name may be.
_TOWN_KINDS = frozenset({"town", "city"})


def with_bare_towns(
    text: str,
    found: Sequence[Toponym],
    resolution: Resolution,
    recognizer: Any,
    skip: Sequence[Any] = (),
) -> Resolution:
    """``resolution`` (of :meth:`geo.recognize.Recognizer.resolve_article` for the toponyms
    ``found`` in ``text``) with the bare small towns of the story's divisions added to its
    mentions (:func:`bare_names`, :func:`bare_towns`; none inside the ``skip`` spans, the
    boilerplate). When the article has names only a small town bears but no town of the
    divisions it names, and no home of its own, ``""`` joins ``movable`` so that an outlet's
    home region is tried (:func:`geo.outlets.needs_prior`), and the names join ``towns``, for
    the outlet's own town to be looked for near them."""
    recognized = resolution.recognized
    anchored: dict[tuple[int, int], tuple[Place, ...]] = {}
    datelined = _dateline_names(text)  # found but left unplaced: no division pinned them
    found = [t for t in found if (t.name_start, t.name_end) not in datelined]
    bare = bare_names(text, [*found, *recognized, *skip], recognizer, recognized, anchored)
    if not bare:
        return resolution
    divisions = story_divisions(resolution.home, recognized)
    # with no division, "TEGA CAY —", "in Isle of Palms": a name no other town bears; a
    # one-word name ("in Whitestown.") only in a story that names no other place
    towns = (
        bare_towns(text, bare, divisions, recognizer.gazetteer, anchored)
        if divisions
        else unique_towns(bare, recognizer.gazetteer, anchored, one_word=not recognized)
    )
    lone = not divisions and any(" " not in r.toponym.name for r in towns)
    if towns and not lone:
        out = sorted([*recognized, *towns], key=lambda r: r.start)
        return replace(resolution, recognized=out)
    if towns:  # a lone one-word town: the outlet's home region, if any, may still move it
        resolution = replace(
            resolution, recognized=sorted([*recognized, *towns], key=lambda r: r.start)
        )
    if resolution.homeless and "" not in resolution.movable:
        # the names join the article's towns, near which the outlet's own town is looked
        # for ("CROMWELL —" in a Middletown paper: :func:`geo.outlet_towns.near_town_prior`)
        names = {*resolution.towns, *(name for _, _, name in bare)}
        movable = tuple(sorted({*resolution.movable, ""}))
        return replace(resolution, movable=movable, towns=tuple(sorted(names)))
    return resolution


def found_bare_names(
    text: str, found: Sequence[Toponym], recognizer: Any, skip: Sequence[Any] = ()
) -> list[tuple[int, int, str]]:
    """:func:`bare_names` of ``text`` before resolution: overlapping none of the toponyms
    ``found`` (a bare dateline's name left out of them, as :func:`with_bare_towns` does)
    nor the ``skip`` spans, with no list anchored by a found place."""
    datelined = _dateline_names(text)
    kept = [t for t in found if (t.name_start, t.name_end) not in datelined]
    return bare_names(text, [*kept, *skip], recognizer)


def bare_names(
    text: str,
    taken: Sequence[Any],
    recognizer: Any,
    anchors: Sequence[Recognized] = (),
    anchored: dict[tuple[int, int], tuple[Place, ...]] | None = None,
) -> list[tuple[int, int, str]]:
    """``(start, end, name)`` of the names ``text`` uses bare as a place that only a small
    town bears (see the module docstring), overlapping none of the ``taken`` spans, in text
    order; empty when the gazetteer has no towns. ``recognizer`` gives the gazetteer and its
    main-index candidates (:meth:`geo.recognize.Recognizer.candidates`). A name out of
    those frames is taken when it is an item of a list that names an area ("the Chiefland or
    Cross City areas") or whose other items include ``anchors`` (the found places: "Paris
    and Roxton", :func:`_list_anchor`); its ``(start, end)`` then maps to those items'
    places in ``anchored``, and :func:`bare_towns` takes it only in a division that holds
    one of them."""
    if getattr(recognizer.gazetteer, "has_town", None) is None:
        return []
    merged: list[list[int]] = []  # the taken spans, joined where they overlap
    for s, e in sorted((t.start, t.end) for t in taken):
        if merged and s < merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], e)
        else:
            merged.append([s, e])
    starts = [s for s, _ in merged]
    verdict: dict[str, bool] = {}
    scan: Scan | None = None
    out: list[tuple[int, int, str]] = []
    datelined = _dateline_names(text)
    for start, end in sorted({*_candidate_names(text), *datelined}):
        i = bisect_left(starts, end)  # the joined spans starting before the name ends
        if i and merged[i - 1][1] > start:
            continue  # inside or across a found name
        name = text[start:end]
        first, _, rest = name.partition(" ")
        if (start, end) in datelined:
            name = _title_case(name)  # "ISLE OF PALMS" is judged as "Isle of Palms"
        elif rest and _opens_a_sentence(first) and not _named_with(name, recognizer):
            start, name = end - len(rest), rest  # "An Irmo woman", "In Hopkinton"
        elif rest and opens_a_body(text, start + len(first)):  # "Cottonport Fire Station"
            end, name = start + len(first), first
        if not_a_town_word(name) or _part_noun().match(text, end):
            continue  # "the Crown Heights neighborhood of Brooklyn"
        framed = (start, end) in datelined or _in_a_frame(text, start, end, name)
        if not framed and (_a_persons_name(name) or not _may_be_listed(text, start, end)):
            continue  # out of any frame
        ok = verdict.get(name)
        if ok is None:
            ok = verdict[name] = (
                has_town(recognizer.gazetteer, name)
                and not recognizer.candidates(name)  # main-index names: the filters judged
                and not a_person_here(text, name)
            )
        if not ok:
            continue
        if not framed:
            anchor = _list_anchor(text, start, end, anchors)
            if anchor is None and _a_list_of_towns(text, start, end, recognizer):
                anchor = True  # "including Harwinton, Bantam, Litchfield, Winsted and …"
            if anchor is None:
                continue
            if anchor is not True and anchored is not None:
                anchored[(start, end)] = anchor
        scan = scan or Scan(text)
        if recognizer._list_division(scan, start, end) is None:  # not "Becker, Clay counties"
            out.append((start, end, name))
    return out


#: A list item: one to three capitalised words.
_ITEM = r"[A-Z][\w'’.-]*(?:[ \t][A-Z][\w'’.-]*){0,2}"
#: Between two items: ", ", ", and ", " and ", " or ", " & ".
_SEP = r"(?:,[ \t]+(?:(?:and|or)[ \t]+)?|[ \t]+(?:and|or|&)[ \t]+)"
_ITEMS_AFTER = re.compile(rf"(?:{_SEP}{_ITEM}(?![\w'’-]))+")
_ITEMS_BEFORE = re.compile(rf"(?<![\w'’.-])(?:{_ITEM}{_SEP})+$")
_NEXT_TO_SEP = re.compile(rf"{_SEP}[A-Z]")
_SEP_BEFORE = re.compile(r"(?:,|\band|\bor|&)[ \t]+$")
_ONE_ITEM = re.compile(rf"(?<![\w'’.-]){_ITEM}(?![\w'’-])")
_CONJUNCTION = re.compile(r"[ \t](?:and|or|&)[ \t]")
#: Kinds of found place whose list neighbours are towns of its division.
_ANCHOR_KINDS = frozenset({"town", "city", "county", "admin2"})


def _may_be_listed(text: str, start: int, end: int) -> bool:
    """True when an item separator (", ", " and ", " or ") touches the name at
    ``start:end``: a cheap test before :func:`_list_anchor`."""
    return _NEXT_TO_SEP.match(text, end) is not None or (
        _SEP_BEFORE.search(text, max(0, start - 6), start) is not None
    )


def _list_anchor(
    text: str, start: int, end: int, anchors: Sequence[Recognized]
) -> tuple[Place, ...] | bool | None:
    """What makes the name at ``start:end`` an item of a list of places (items joined by
    commas and one "and", "or" or "&"): ``True`` when the list is "the … area(s)" ("the
    Chiefland or Cross City areas"); else the places of the other items that are found
    towns, cities or counties (``anchors``: "Paris and Roxton continue", "Athens, McMinn
    County and Etowah"); ``None`` when the name is in no such list, or in one with no found
    place ("Carver, Smith and Jones", "Decatur, Avondale Estates": no conjunction)."""
    before = _ITEMS_BEFORE.search(text, max(0, start - 160), start)
    after = _ITEMS_AFTER.match(text, end)
    first = before.start() if before else start
    last = after.end() if after else end
    if first == start and last == end:
        return None
    if _CONJUNCTION.search(text, first, last) is None:
        return None  # "Decatur, Avondale Estates", "Grantville, Pennsylvania": no list
    if frames().area_after.match(text, last) and text[max(0, first - 4) : first].lower() == "the ":
        return True  # "the Chiefland or Cross City areas"
    spans = {m.span() for m in _ONE_ITEM.finditer(text, first, last)} - {(start, end)}
    found = tuple(
        r.place
        for r in anchors
        if r.place.kind in _ANCHOR_KINDS and (r.toponym.name_start, r.toponym.name_end) in spans
    )
    return found or None


#: A list whose items are all bare names of small towns holds them when it has this many.
_TOWN_LIST_ITEMS = 3


def _a_list_of_towns(text: str, start: int, end: int, recognizer: Any) -> bool:
    """True when the name at ``start:end`` is an item of a list (items joined by commas and
    one "and", "or" or "&"; or by commas alone, then one item more) of at least
    :data:`_TOWN_LIST_ITEMS` items, every one of them a name only a small town bears, no
    common word, no person's name nor surname and no name the text uses for a person
    ("including Harwinton, Bantam, Litchfield, Winsted and all Torrington volunteer
    departments"; not "Carver, Smith and Jones")."""
    before = _ITEMS_BEFORE.search(text, max(0, start - 160), start)
    after = _ITEMS_AFTER.match(text, end)
    first = before.start() if before else start
    last = after.end() if after else end
    items = [m.group() for m in _ONE_ITEM.finditer(text, first, last)]
    if len(items) < _TOWN_LIST_ITEMS + (_CONJUNCTION.search(text, first, last) is None):
        return False  # with no "and" of its own ("…, Winsted and all Torrington …"): four
    gazetteer, surnames = recognizer.gazetteer, person_cues().surnames
    return all(
        not not_a_town_word(n)
        and not _a_persons_name(n)
        and n.lower() not in surnames
        and has_town(gazetteer, n)
        and not recognizer.candidates(n)
        and not a_person_here(text, n)
        for n in items
    )


@lru_cache(maxsize=8)
def _candidate_names(text: str) -> tuple[tuple[int, int], ...]:
    """The spans of one or two capitalised words in ``text`` (:data:`geo.lead_towns.NAME`)
    and of a lawmaker's home town after a party letter ("R-Ocilla", which ``NAME`` does not
    take after a hyphen), in text order (the last few texts' remembered: an article asks
    twice, before and after resolving)."""
    found = [m.span() for m in NAME.finditer(text)]
    found += [m.span("name") for m in frames().party_name.finditer(text)]
    return tuple(sorted(found))


@lru_cache(maxsize=8)
def _dateline_names(text: str) -> frozenset[tuple[int, int]]:
    """The spans of the names of ``text``'s bare wire datelines (:func:`geo.datelines.
    find_datelines`: a name in capitals, then a dash, with no qualifier nor outlet:
    "CROMWELL —"). A story filed from a town opens with it; the recognizer takes such a
    name only when the main index holds it, so a small town's needs the story's division.
    The last few texts' are remembered."""
    out: set[tuple[int, int]] = set()
    for dateline in find_datelines(text):
        if dateline.strong:
            continue
        start, end = dateline.name_start, dateline.name_end
        end -= text.endswith(".", start, end)  # "ST. PARIS." keeps its own dots only
        if end - start >= 3 and text[start:end].isupper():
            out.add((start, end))
    return frozenset(out)


def _title_case(name: str) -> str:
    """``name`` in capitals read as a name: each word capitalised, small words in lower case
    after the first ("ISLE OF PALMS" → "Isle of Palms")."""
    words = name.split()
    return " ".join(
        w.lower() if i and w.lower() in _small_words() else w.capitalize()
        for i, w in enumerate(words)
    )


@cache
def _small_words() -> frozenset[str]:
    """Words a town's name keeps in lower case after its first ("Isle of Palms"):
    ``small_words`` of ``geo/data/bare_towns.yaml``."""
    return frozenset(str(w).lower() for w in load_data("bare_towns.yaml")["small_words"])


def story_divisions(home: Place | None, recognized: Sequence[Recognized]) -> list[Place]:
    """The first-level divisions a bare town may lie in: the article's ``home`` (its own, or
    its outlet's), else every division the ``recognized`` mentions name in any role ("the
    New Hampshire State Police", "S.C."), once each, in text order."""
    if home is not None:
        return [home] if home.kind in _HOME_KINDS else []
    seen: dict[str, Place] = {}
    for r in recognized:
        if r.base.kind in _HOME_KINDS:
            seen.setdefault(r.base.id, r.base)
    return list(seen.values())


def bare_towns(
    text: str,
    names: Sequence[tuple[int, int, str]],
    divisions: Sequence[Place],
    gazetteer: Any,
    anchored: dict[tuple[int, int], tuple[Place, ...]] | None = None,
) -> list[Recognized]:
    """Mentions of the ``names`` (of :func:`bare_names`) that are the one town of their name
    in the ``divisions`` (of :func:`story_divisions`); a name ``anchored`` by its list's
    found places only when one of those divisions holds the town and one of them."""
    if not divisions:
        return []
    towns: dict[str, Place | None] = {}
    out: list[Recognized] = []
    for start, end, name in names:
        if name not in towns:
            towns[name] = _only_town(gazetteer, name, divisions)
        town = towns[name]
        places = (anchored or {}).get((start, end))
        if places and town is not None and not _shares_a_division(town, places, divisions):
            continue  # the list's found places lie in another division
        if town is not None:
            t = Toponym(start=start, end=end, name_start=start, name_end=end, name=name)
            out.append(Recognized(toponym=t, place=town, base=town))
    return out


def unique_towns(
    names: Sequence[tuple[int, int, str]],
    gazetteer: Any,
    anchored: dict[tuple[int, int], tuple[Place, ...]] | None,
    one_word: bool = False,
) -> list[Recognized]:
    """Mentions of the ``names`` (of :func:`bare_names`) of two words or more that exactly
    one town or city in the gazetteer bears ("Tega Cay", "Isle of Palms"), for a story whose
    divisions hold no town: such a name needs no division to pin it. With ``one_word`` (a
    story that names no other place), a one-word name too ("in Whitestown."). A name taken
    only as an item of a list with found places (``anchored``) is left to
    :func:`bare_towns`."""
    out: list[Recognized] = []
    for start, end, name in names:
        if " " not in name and (not one_word or name.lower() in _feasts()):
            continue  # "at Christmas": a feast, not Christmas, Florida
        if (anchored or {}).get((start, end)):
            continue
        found = [p for p in gazetteer.towns_named(name) if p.kind in _TOWN_KINDS]
        if len(found) == 1:
            t = Toponym(start=start, end=end, name_start=start, name_end=end, name=name)
            out.append(Recognized(toponym=t, place=found[0], base=found[0]))
    return out


def _shares_a_division(town: Place, places: Sequence[Place], divisions: Sequence[Place]) -> bool:
    """True when one of the ``divisions`` holds the ``town`` and one of the ``places``."""
    return any(holds(d, town) and any(holds(d, p) for p in places) for d in divisions)


def _only_town(gazetteer: Any, name: str, divisions: Sequence[Place]) -> Place | None:
    """The one town or city called ``name`` that the ``divisions`` hold; ``None`` when they
    hold none or several ("Overton" in England)."""
    found = [
        p
        for p in gazetteer.towns_named(name)
        if p.kind in _TOWN_KINDS and any(holds(d, p) for d in divisions)
    ]
    return found[0] if len(found) == 1 else None


@lru_cache(maxsize=1024)
def _in_a_frame(text: str, start: int, end: int, name: str) -> bool:
    """:func:`geo.bare_frames.in_a_frame`, remembered: :func:`bare_names` reads an article
    twice, before and after resolving, and asks again of the same names."""
    return in_a_frame(text, start, end, name)


@lru_cache(maxsize=1024)  # asked twice of an article: by geo.colocated, then here
def a_person_here(text: str, name: str) -> bool:
    """True when ``text`` uses ``name`` as a person's: after a capitalised given name or a
    title ("Tom Carver", "Sheriff Carver"), or before a verb of saying ("Carver said");
    remembered for the last names asked (each asks two searches compiled for the name)."""
    cues, titles = person_cues(), filter_lists().titles
    escaped = re.escape(name)
    for m in re.finditer(rf"\b([A-Z][a-z]+)\.?[ \t]+{escaped}\b", text):
        word = m.group(1).lower()
        if word in cues.given or word in titles:
            return True
    return any(
        cues.speech.match(text, m.end()) for m in re.finditer(rf"\b{escaped}(?![\w'’-])", text)
    )


@lru_cache(maxsize=65_536)
def has_town(gazetteer: Any, name: str) -> bool:
    """Whether ``gazetteer`` has a small town called ``name`` (remembered across articles)."""
    return bool(gazetteer.has_town(name))


@cache
def _part_noun() -> re.Pattern[str]:
    """A noun right after a name that makes it a part of a larger place ("the Crown Heights
    neighborhood"): ``part_nouns`` of ``geo/data/bare_towns.yaml``."""
    nouns = sorted(load_data("bare_towns.yaml")["part_nouns"], key=len, reverse=True)
    return re.compile(r"[ \t]+(?:" + "|".join(re.escape(str(w)) for w in nouns) + r")\b", re.I)


def _named_with(name: str, recognizer: Any) -> bool:
    """True when ``name``'s first word is a common word that opens town names ("Fort Mill",
    ``name_words`` of ``geo/data/bare_towns.yaml``), no opener or title, and a small town
    bears the whole name: the word is then no opener to strip."""
    first = name.split(" ", 1)[0].lower()
    lists = filter_lists()
    return (
        first in _name_words()
        and first not in lists.openers
        and first not in lists.titles
        and has_town(recognizer.gazetteer, name)
    )


@cache
def _feasts() -> frozenset[str]:
    """Feasts and seasons, lower case, that towns are named after too ("Christmas"):
    ``feasts`` of ``geo/data/bare_towns.yaml``."""
    return frozenset(str(w).lower() for w in load_data("bare_towns.yaml")["feasts"])


@cache
def _name_words() -> frozenset[str]:
    """Common words that open town names ("Fort", "Falls", "Elbow"): ``name_words`` of
    ``geo/data/bare_towns.yaml``."""
    return frozenset(str(w).lower() for w in load_data("bare_towns.yaml")["name_words"])


def _opens_a_sentence(word: str) -> bool:
    """True for a capitalised opener, title or stop-listed word ("In", "An", "The"), never
    the first word of a town's name."""
    low, lists = word.lower(), filter_lists()
    return low in lists.openers or low in lists.titles or low in lists.never


@lru_cache(maxsize=65_536)
def not_a_town_word(name: str) -> bool:
    """True when ``name`` is a common word or designator, ends with a street's, park's or
    building's noun, opens with a title or opener, or with a common word other than one that
    opens town names ("Police Chief"; not "Fort Mill": :func:`_name_words`): never a bare
    town (a person's name may be one in a frame: :func:`_a_persons_name`)."""
    lists = filter_lists()
    low = name.lower()
    words = low.split()
    if low in lists.never or low in lists.ambiguous or low in lists.designators:
        return True
    if words[0] in lists.titles or words[0] in lists.openers:
        return True
    if words[0] in lists.never and (len(words) == 1 or words[0] not in _name_words()):
        return True  # "Police Chief"; but "Fort Mill", "Falls Village" are names
    return words[-1] in name_heads()  # "Hopkins Park", "Church Street": a park's, a street's


@lru_cache(maxsize=65_536)
def _a_persons_name(name: str) -> bool:
    """True when ``name`` is a single given name ("Sharon") or a given name and a surname
    ("Glen Allen"): a bare town only in a frame that uses it as a place ("in Glen Allen.",
    "Theresa Pilkington of Jeannette,"), never as a mere item of a list."""
    cues = person_cues()
    words = name.lower().split()
    if len(words) == 1:
        return words[0] in cues.given
    return words[0] in cues.given and words[-1] in cues.surnames
