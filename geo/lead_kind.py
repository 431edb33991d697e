"""What kind of happening an article's lead tells when no trigger word names it.

A lead with no trigger word may still be news: "Two Saskatoon teenagers pulled a dog from a
pond" is the town's story of the day. :func:`cue_type` reads its kind from cue words of the
headline and the lead (``geo/data/lead_cues.yaml``: "sheriff", "council", "embassy" …),
counted outside quoted speech, attributions and the news's sources (:func:`told_by`: "police
said" is a source, not a crime) and the town's services ("police and fire");
:func:`between_states` reads a headline naming two states ("U.S. urges Ukraine to …") as one
state's act towards another. :mod:`geo.lead_event` places and dates the lead's happening.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from typing import TYPE_CHECKING

from geo.clauses import COMPOUND, in_spans
from geo.focus import has_headline
from geo.lexicon import TriggerType, load_lexicon
from geo.timeline import Timeline
from geo.toponyms import LOCATION
from geo.vocabulary import alternation, load_data

if TYPE_CHECKING:
    from geo.recognize import Recognized

__all__ = [
    "BETWEEN_STATES",
    "JOINED",
    "PLAIN",
    "between_states",
    "cue_type",
    "opening_start",
    "told_by",
]

#: A word joined by a hyphen or a dash right before a name ("pro-Russia", "Asia–Pacific"):
#: the name is part of a compound.
JOINED = re.compile(r"\w[-–]$")
#: The type of a lead whose happening no trigger or cue word names (category ``other``).
PLAIN = "happening"
#: The type of a lead with no cue word whose headline names two states
#: (:func:`between_states`).
BETWEEN_STATES = "happening_diplomacy"
#: The kind of place that is a state, for :func:`between_states`.
_STATE_KIND = "country"
#: The two words after a cue word, each optional ("police officials said").
_NEXT_WORDS = re.compile(r"(?:[ \t]+([\w'’.-]+))?(?:[ \t]+([\w'’.-]+))?")


def opening_start(text: str, timeline: Timeline, k: int) -> int:
    """Where the headline and lead ``k`` start: the headline above the lead (not a short
    sentence of the story before it), else the lead."""
    lead = timeline.sentence(k)
    return timeline.sentence(0).start if k > 0 and has_headline(text, timeline) else lead.start


@cache
def _cues() -> tuple[tuple[re.Pattern[str], str], ...]:
    """The cue words of ``geo/data/lead_cues.yaml``: one pattern per category, with the name
    of the category's happening type (loaded once)."""
    raw = load_data("lead_cues.yaml")["cues"]
    types = load_lexicon().types
    out = []
    for spec in raw.values():
        if spec["type"] not in types:
            raise KeyError(f"lead_cues.yaml: no trigger type {spec['type']!r}")
        pattern = re.compile(rf"(?<![\w-])(?:{alternation(spec['words'])})(?![\w-])", re.I)
        out.append((pattern, spec["type"]))
    return tuple(out)


@cache
def _said_by() -> re.Pattern[str]:
    """A speech verb (``said_before`` of ``geo/data/lead_cues.yaml``) and at most one word of
    its speaker's right before a cue word ("…, said the mayor")."""
    verbs = alternation(load_data("lead_cues.yaml")["said_before"])
    return re.compile(rf"\b(?:{verbs})\s+(?:the\s+)?(?:[\w'’.-]+\s+)?$", re.I)


@cache
def _public_services() -> re.Pattern[str]:
    """The phrases of ``public_services`` in ``geo/data/lead_cues.yaml`` ("police and fire"),
    in which a cue word names a town's service, not a crime (loaded once)."""
    raw = load_data("lead_cues.yaml")["public_services"]
    return re.compile(rf"(?<![\w-])(?:{alternation(raw)})(?![\w-])", re.I)


def cue_type(text: str, timeline: Timeline, k: int) -> TriggerType:
    """The happening type of lead ``k`` of ``text`` that has no trigger word: that of the
    category (``geo/data/lead_cues.yaml``) whose cue words the headline and the lead name
    most often outside quoted speech and attributions ("police said …" is a source, not a
    crime; "police and fire" names a town's services, ``public_services``), the first named
    winning a tie; when they name none outside sources, that of the ``sources_tell``
    category whose cue words are the lead's source ("Police say a woman … bit him" is the
    police's case); else the plain ``happening`` type (category ``other``). A
    lead that is the headline itself is read with the story's first sentence ("DeKalb not
    likely to approve mixed-use development. … unlikely to get approved Tuesday by the DeKalb
    County Commission."): a headline is too short to say its kind alone."""
    start, end = opening_start(text, timeline, k), timeline.sentence(k).end
    if k == 0 and len(timeline) > 1 and has_headline(text, timeline):
        end = timeline.sentence(1).end  # the headline is the lead: read the story's first too
    name = _most_named(text, timeline, start, end)
    if name is None:  # "Police say a woman … handcuffed herself to him": the source tells it
        name = _most_named(text, timeline, start, end, sources=_source_kinds())
    return load_lexicon().types[PLAIN if name is None else name]


@cache
def _source_kinds() -> frozenset[str]:
    """The happening types of the categories of ``sources_tell`` in
    ``geo/data/lead_cues.yaml``: those whose cue words, as the source of a lead that names
    no other cue word, still say its kind (loaded once)."""
    data = load_data("lead_cues.yaml")
    return frozenset(data["cues"][name]["type"] for name in data["sources_tell"])


def _most_named(
    text: str, timeline: Timeline, start: int, end: int, *, sources: frozenset[str] | None = None
) -> str | None:
    """The happening type of the category whose cue words ``text[start:end]`` names most
    often outside quoted speech and the town's services, the first named winning a tie; None
    when it names none. Cue words in attributions or naming the news's source
    (:func:`told_by`) are not counted; with ``sources``, only those types' cue words are, and
    sources count."""
    services = [m.span() for m in _public_services().finditer(text, start, end)]
    best: tuple[int, int, str] | None = None
    for pattern, name in _cues():
        if sources is not None and name not in sources:
            continue
        hits = [
            m.start()
            for m in pattern.finditer(text, start, end)
            if timeline.quote_at(m.start()) is None
            and (sources is not None or not told_by(text, timeline, m.start(), m.end()))
            and not any(a <= m.start() < b for a, b in services)
        ]
        if hits and (best is None or (-len(hits), hits[0]) < (best[0], best[1])):
            best = (-len(hits), hits[0], name)
    return None if best is None else best[2]


@cache
def _not_between_states() -> re.Pattern[str]:
    """The words of ``between_states.unless`` in ``geo/data/lead_cues.yaml`` (loaded once)."""
    raw = load_data("lead_cues.yaml")["between_states"]["unless"]
    return re.compile(rf"(?<![\w-])(?:{alternation(raw)})(?![\w-])", re.I)


def between_states(text: str, mentions: Sequence[Recognized], timeline: Timeline, k: int) -> bool:
    """True when the headline of ``text`` (lead ``k`` when it has none) names two or more
    states by name (places of kind country in the role of a location, outside quoted
    speech, attributions and hyphenated compounds; "Russian artists" and "Palestinian youth"
    are demonyms) and none of the ``between_states.unless`` words of
    ``geo/data/lead_cues.yaml`` (a match, a race, a show): a story of one state's act towards
    another, told with no cue word ("U.S. urges Ukraine to abolish …", "Assad: Syria still
    believes in peace with Israel"). A lead names the business, the markets or the people of
    many states too ("both China and Brazil will have a significant increased demand"): the
    headline, which says what the story is about, is read alone."""
    head = timeline.sentence(0) if has_headline(text, timeline) else timeline.sentence(k)
    start, end = head.start, head.end
    states = {
        m.place.id
        for m in mentions
        if start <= m.start < end
        and m.role == LOCATION
        and m.place.kind == _STATE_KIND
        and timeline.quote_at(m.start) is None
        and not in_spans(m.start, timeline.sentence(timeline.sentence_index(m.start)).attributions)
        and not JOINED.search(text, max(0, m.start - 2), m.start)
        and not COMPOUND.match(text[m.end : m.end + 2])
    }
    return len(states) >= 2 and _not_between_states().search(text, start, end) is None


def told_by(text: str, timeline: Timeline, start: int, end: int) -> bool:
    """True when the words ``text[start:end]`` are in quoted speech or an attribution, or
    name the source of the news: the subject of a speech verb within two words ("police
    said", "army officials told") or its speaker ("…, said the mayor")."""
    if timeline.quote_at(start) is not None:
        return True
    if in_spans(start, timeline.sentence(timeline.sentence_index(start)).attributions):
        return True
    speaker = load_lexicon().speaker
    words = _NEXT_WORDS.match(text, end)
    if any(speaker.match(text, at) for at in {end, words.end(1), words.end(2)} if at >= end):
        return True
    return _said_by().search(text, max(0, start - 40), start) is not None
