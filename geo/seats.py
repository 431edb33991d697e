"""Bodies that sit in a capital, and the happenings they place there.

A sentence may place its happening only by the body that did it: "The Minnesota House
unanimously voted Thursday to …", "the Mexican Senate on Tuesday approved …", "Ohio's Supreme
Court ruled Monday". Such a body (``bodies`` in ``geo/data/seats.yaml``) sits in the capital
of the state or country named before it (``geo/data/capitals.tsv``, from Natural Earth), so
:func:`seat_reports` places there, with role ``seat``, a trigger of a type such bodies do
where they sit (``types``: votes, bills, sessions, rulings) when all of these hold:

- the body is named before the trigger in its sentence, its owner by a first-level division
  or a country ("Minnesota", "Ohio's") or its demonym ("Mexican"), as the recognizer read it or,
  when the recognizer took the whole name for an organisation's, as the gazetteer resolves it;
- the sentence holds no report, names no place that is not the owner or a country holding it,
  and the trigger is outside quotes and attributions, reported as done, and dated by its own
  sentence to a day or a week no longer than a year before publication.

A body named with no owner before the trigger ("A House-Senate conference committee agreed
Thursday on a state budget", "the Legislature voted"; ``home_bodies`` in
``geo/data/seats.yaml``, listed under the country whose first-level divisions have such a
body of their own) is the one of ``home``, the first-level division the outlet is at home in
(:func:`geo.extraction.outlet_priors`), when the outlet has such a home in that country and
neither the sentence nor the headline, dateline and lead hold a word that makes the body the
nation's (``national_words``: "Congress", "U.S.", "Washington").

A local body named by the town or county it governs ("The Pottawatomie County Commission
Monday authorized …", "the Dublin City Council approved"; ``local_bodies``) sits at that
town or county itself, when the recognizer read the owner as one (``local_kinds``); the same
tests hold, outside a headline ("Mansfield council to vote today" is a plan), except that
other places may be named in the sentence (what a county votes on lies in or near it: "funds
for the trail from Wamego to Manhattan"). A county's body sits at the town the article is
about when the county holds it ("DANIELSVILLE - Madison County commissioners voted Monday").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any

from gazetteer import Place
from gazetteer.modifiers import demonym_entry
from geo.clauses import Sentence
from geo.focus import has_headline
from geo.focus_reports import placed_report, unplaced_triggers
from geo.lead_towns import covers
from geo.lexicon import Trigger
from geo.reports import EventReport
from geo.timeline import Timeline
from geo.vocabulary import alternation, load_data
from lonlat.distance import km

if TYPE_CHECKING:
    from geo.recognize import Recognized

__all__ = ["SEAT_KM", "capital_of", "seat_reports"]

#: The capital's place must lie this close to the point the capitals file gives it.
SEAT_KM = 30.0
#: A day or a week at most this many days before publication (as for the focus).
_RECENT_DAYS = 366
#: Kinds of place that own a body that sits in their capital.
_OWNER_KINDS = frozenset({"admin1", "country"})


@cache
def _home_words() -> tuple[dict[str, re.Pattern[str]], re.Pattern[str]]:
    """By country code, the pattern of an ownerless body of its divisions ("the
    Legislature"); and the pattern of a word that makes a body the nation's."""
    raw = load_data("seats.yaml")
    bodies = {
        country: re.compile(
            rf"\b(?:[Tt]he|[Aa]n?)[ \t]+(?:[Ss]tate[ \t]+)?(?:{alternation(names)})(?![\w])"
        )
        for country, names in raw["home_bodies"].items()
    }
    national = re.compile(
        rf"(?<![\w.])(?:{alternation(raw['national_words'])})(?![\w])", re.IGNORECASE
    )
    return bodies, national


@cache
def _words() -> tuple[re.Pattern[str], frozenset[str]]:
    raw = load_data("seats.yaml")
    owner = r"(?P<owner>[A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){0,2}?)(?:['’]s)?"
    names = [*raw["bodies"], *raw["lower_bodies"]]
    body = re.compile(rf"{owner}[ \t]+(?:{alternation(names)})(?![\w-])")
    return body, frozenset(raw["types"])


@cache
def _named_words() -> tuple[re.Pattern[str], dict[str, str]]:
    """The pattern of a national legislature named by its own name (``named_bodies`` of
    ``geo/data/seats.yaml``), and each name's country."""
    raw = load_data("seats.yaml")["named_bodies"]
    named = {str(k): str(v) for k, v in raw.items()}
    pattern = re.compile(rf"(?<![\w-])(?P<body>{alternation(list(named))})(?![\w-])")
    return pattern, named


@cache
def _local_words() -> tuple[re.Pattern[str], frozenset[str]]:
    """The pattern of a local body after the name of its owner, and the kinds of place that
    own one."""
    raw = load_data("seats.yaml")
    owner = r"(?P<owner>[A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){0,3}?)(?:['’]s)?"
    body = re.compile(rf"{owner}[ \t]+(?i:{alternation(raw['local_bodies'])})(?![\w-])")
    return body, frozenset(raw["local_kinds"])


@cache
def _capitals() -> dict[tuple[str, str], tuple[str, float, float]]:
    """(country code, division name or "") → (capital name, lon, lat)."""
    text = resources.files("geo").joinpath("data", "capitals.tsv").read_text(encoding="utf-8")
    out: dict[tuple[str, str], tuple[str, float, float]] = {}
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        country, division, name, lon, lat = line.split("\t")
        out[(country, division)] = (name, float(lon), float(lat))
    return out


def capital_of(place: Place, gazetteer: Any) -> Place | None:
    """The capital of ``place``, a country or a first-level division, as a place of the
    gazetteer (the town of the capital's name within :data:`SEAT_KM` of the capitals file's
    point), or ``None`` when the file or the gazetteer has none."""
    if place.kind not in _OWNER_KINDS or place.country is None:
        return None
    seat = _capitals().get((place.country, "" if place.kind == "country" else place.name))
    if seat is None:
        return None
    name, lon, lat = seat
    for c in gazetteer.candidates(name):
        point = c.place.geometry.representative_point()
        if c.place.precision == 1 and km(point.x, point.y, lon, lat) <= SEAT_KM:
            return c.place
    return None


def seat_reports(
    text: str,
    triggers: Sequence[Trigger],
    located_sentences: set[int],
    recognized: Sequence[Recognized],
    timeline: Timeline,
    read: Callable[[Sentence, Trigger], Any],
    gazetteer: Any,
    *,
    article: str | None = None,
    home: Place | None = None,
    town: Place | None = None,
) -> list[EventReport]:
    """The happenings placed at the capital where the body that did them sits (see the module
    docstring). ``recognized`` holds the mentions of every role (a demonym or an
    organisation's name may name the owner); ``read(sent, trig)`` says how the trigger's
    clause presents it, as for :func:`geo.focus_reports.focus_reports`; ``home`` is the division the
    outlet is at home in, if any, which owns a body named with no owner; ``town``, the town
    the article is about (:func:`geo.focus.article_focus`), is the seat of a local body of the
    county that holds it ("DANIELSVILLE - Madison County commissioners voted Monday")."""
    body, types = _words()
    out: list[EventReport] = []
    done: set[int] = set()

    def of_a_body(t: Trigger) -> bool:
        return t.type.name in types

    for t, i, sent in unplaced_triggers(triggers, timeline, located_sentences, of_a_body, done):
        # the body may end inside the trigger's own words: "Ohio's Supreme Court ruled"
        # (the form "court ruled"), "at the Torrington City Council meeting Monday"
        owner = _owner(text, sent.start, t.end, body, recognized, gazetteer)
        if owner is None:
            owner = _named_owner(text, sent.start, t.end, gazetteer)
        if owner is None:
            owner = _home_owner(text, sent, t.end, home, _opening(timeline))
        local = None
        if owner is None and (i > 0 or not has_headline(text, timeline)):
            # a headline's "Mansfield council to vote today" is the plan the story tells
            local = _local_owner(text, sent.start, t.end, recognized)
        if local is not None and town is not None and local.kind == "county":
            local = town if covers(local, town.geometry.representative_point()) else local
        if local is None and (owner is None or _names_other_place(sent, owner, recognized)):
            continue
        reading = read(sent, t)
        if reading is None or reading.mood != "reported" or reading.subordinate or reading.named:
            continue
        dates, source = timeline.own_date(t.start)
        if dates is None or not _recent(dates, timeline):
            continue
        seat = local if local is not None else capital_of(owner, gazetteer)
        if seat is None:
            continue
        done.add(i)
        out.append(placed_report(text, t, sent, seat, dates, source, article, role="seat"))
    return out


def _owner(
    text: str,
    start: int,
    end: int,
    body: re.Pattern[str],
    recognized: Sequence[Recognized],
    gazetteer: Any,
) -> Place | None:
    """The country or first-level division that owns the last body named in
    ``text[start:end]``, or ``None``."""
    named = list(body.finditer(text, start, end))
    if not named:
        return None
    found = named[-1]
    a, b = found.span("owner")
    for m in recognized:
        if m.start < b and a < m.end:
            return m.base if m.base.kind in _OWNER_KINDS else None
    name = found.group("owner")
    entry = demonym_entry(name)
    if entry is not None:
        place = gazetteer.resolve(entry.place) if entry.kind in _OWNER_KINDS else None
    else:
        place = gazetteer.resolve(name)
    return place if place is not None and place.kind in _OWNER_KINDS else None


def _named_owner(text: str, start: int, end: int, gazetteer: Any) -> Place | None:
    """The country of the last national legislature named by its own name in
    ``text[start:end]`` ("the State Duma on Friday approved"), or ``None``."""
    pattern, named = _named_words()
    found = list(pattern.finditer(text, start, end))
    if not found:
        return None
    place = gazetteer.resolve(named[found[-1].group("body")])
    return place if place is not None and place.kind == "country" else None


def _local_owner(text: str, start: int, end: int, recognized: Sequence[Recognized]) -> Place | None:
    """The town or county that owns the last local body named in ``text[start:end]``
    ("The Pottawatomie County Commission Monday authorized"), as the recognizer read the
    owner's name (a location or an organisation's place, not a derived area), or ``None``."""
    body, kinds = _local_words()
    named = list(body.finditer(text, start, end))
    if not named:
        return None
    a, b = named[-1].span("owner")
    for m in recognized:
        if m.start < b and a < m.end and m.role in {"location", "organisation"}:
            place = m.place
            if place.derivation is None and place.kind in kinds:
                return place
            return None
    return None


def _opening(timeline: Timeline) -> int:
    """Where the headline, the dateline and the lead end: the end of the lead sentence, or of
    the first sentence when there is no lead."""
    k = timeline.lead_index()
    return timeline.sentence(0 if k is None else k).end if len(timeline) else 0


def _home_owner(
    text: str, sent: Sentence, end: int, home: Place | None, opening: int = 0
) -> Place | None:
    """``home`` when it is a first-level division of a country whose divisions have their
    own ``home_bodies``, ``sent`` names one of them with no owner before offset ``end``, and
    neither ``sent`` nor ``text[:opening]`` (the headline, dateline and lead: "WASHINGTON
    (AP) —") holds a word of the nation (``national_words``); else ``None``."""
    if home is None or home.kind != "admin1" or home.country is None:
        return None
    bodies, national = _home_words()
    pattern = bodies.get(home.country)
    if pattern is None or pattern.search(text, sent.start, end) is None:
        return None
    if national.search(text, sent.start, sent.end) is not None:
        return None  # "the House voted … to send the bill to Congress": the nation's
    if national.search(text, 0, opening) is not None:
        return None  # "WASHINGTON (AP) — The Senate voted Tuesday …": a national story
    return home


def _names_other_place(sent: Sentence, owner: Place, recognized: Sequence[Recognized]) -> bool:
    """True when the sentence names a place that is neither ``owner`` nor a country that holds
    it (a vote "on aid to Haiti" is not about the capital)."""
    point = owner.geometry.representative_point()
    for m in recognized:
        if m.start >= sent.end:
            break
        if m.start < sent.start or m.base.id == owner.id:
            continue
        if m.base.kind == "country" and covers(m.base, point):
            continue
        return True
    return False


def _recent(dates: Any, timeline: Timeline) -> bool:
    published = timeline.published
    if published is None or dates.precision not in {"day", "week"}:
        return False
    return dates.end <= published and (published - dates.start).days <= _RECENT_DAYS
