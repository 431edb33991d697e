"""Which trigger a place mention belongs to: the nearest fitting trigger of its clause, a
sentence's only trigger for a far place (:func:`main_trigger`), and the overrides that
prefer the subject ("An earthquake strikes …"), the protest over its object, and the longer
compound ("air strike")."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from itertools import accumulate
from typing import TYPE_CHECKING

from geo.clauses import (
    PARTICIPLE,
    PREP_BEFORE,
    SUBORDINATE,
    WIRE_OPENING,
    Sentence,
    in_spans,
    word_distance,
)
from geo.lead_towns import covers
from geo.lexicon import Lexicon, Trigger
from geo.timeline import Timeline
from geo.trigger_places import role_fits
from geo.vocabulary import LazyPattern, LazyWords, words
from geo.where import RELATIVE, is_appositive, is_verbless, load_where_words, place_role
from lonlat.distance import km

if TYPE_CHECKING:
    from geo.recognize import Recognized

__all__ = [
    "AFTER_FACTOR",
    "CLAUSE_PENALTY",
    "FAR_FACTOR",
    "MAX_DISTANCE",
    "beyond_aside",
    "beyond_semicolon",
    "chain_start",
    "claimed_before",
    "compound_override",
    "in_no_name",
    "in_residence",
    "main_trigger",
    "protest_override",
    "subject_override",
]


#: Triggers farther than this many words from the place do not make it an event.
MAX_DISTANCE = 12
#: A trigger in another clause of the sentence counts as this many words farther away.
CLAUSE_PENALTY = 4
#: A trigger after the place scores this share of one before it ("talks in X" is the usual
#: order: the happening, then where).
AFTER_FACTOR = 0.8
#: The strength a sentence's only trigger keeps for its only located place when they are
#: farther apart than :data:`MAX_DISTANCE` words (see :func:`main_trigger`).
FAR_FACTOR = 0.8
#: Clauses whose places a far trigger does not reach: other times and relative clauses.
_FAR_BLOCKED_CLAUSE = LazyPattern(
    lambda: rf"(?:{words('other_time_openers', 'far_blocking_relatives')})\b", re.IGNORECASE
)
#: Words of speech before a place: a far trigger does not reach it.
_SPEECH_BETWEEN = LazyPattern(lambda: rf"\b(?:{words('speech_words')})\b", re.IGNORECASE)
#: What opens a verbless phrase that says who someone is, not where something happened.
_RESIDENCE = LazyPattern(lambda: rf"(?:{words('verbless_not_openers')})\b", re.IGNORECASE)
#: Roles that locate a place where its sentence's main trigger happens, however far.
_FAR_ROLES = LazyWords("far_roles")


#: A relative clause set off by a comma: ", who has received political asylum in France".
_ASIDE_OPENER = LazyPattern(lambda: rf",\s+(?:{words('far_blocking_relatives')})\b", re.IGNORECASE)
#: A comma and a finite verb: the relative clause has closed and the main clause resumes
#: (", who is 45, was found in …").
_ASIDE_CLOSED = LazyPattern(
    lambda: rf",\s+(?:\w+\s+)?(?:{words('finite_auxiliaries')}|\w+ed)\b", re.IGNORECASE
)


#: What closes such a phrase after the place.
_PHRASE_END = re.compile(r"[,;:()\n]")


def in_residence(text: str, sent_start: int, place_start: int, place_end: int, t: Trigger) -> bool:
    """True when the place stands in a comma-set phrase that says where a person lives (",
    23, of the 3200 block of North Monticello in Chicago, was arrested at the scene", "Cherish
    Sawa, of 17 Guy Place in West Springfield, suffered serious head injuries when she
    crashed") and ``t`` is outside that phrase: the person's home, not where the happening
    was."""
    found = load_where_words().residence_phrase.search(
        text, max(sent_start, place_start - 100), place_start
    )
    if found is None:
        return False
    end = _PHRASE_END.search(text, place_end)
    if end is None or text[end.start()] != ",":
        return False  # not closed by a comma: "was born the son of a miner in Leeds."
    return t.start < found.start() or t.start >= end.start()


def beyond_aside(text: str, sent_start: int, place_start: int, place_end: int, t: Trigger) -> bool:
    """True when the place at ``place_start:place_end`` stands in a relative clause set off
    by a comma and ``t`` comes after that clause: "Okruashvili, who has received political
    asylum in France, was sentenced …", "Herbst Gambling Inc., which operates a casino in
    Iowa, two more in Missouri …, announced plans …". The clause tells who its antecedent is;
    its places are not where the sentence's later happening took place. False when ``t`` is
    before the place, in the clause itself (no comma between them), or when the clause has
    closed before the place (", who is 45, was found in …")."""
    if t.start < place_end:
        return False
    openers = list(_ASIDE_OPENER.finditer(text, sent_start, place_start))
    if not openers:
        return False
    opener = openers[-1]
    if _ASIDE_CLOSED.search(text, opener.end(), place_start):
        return False
    return "," in text[place_end : t.start]


def beyond_semicolon(text: str, place_end: int, t: Trigger) -> bool:
    """True when ``t`` comes after the place and a semicolon stands between them: "was on
    the run from drug charges in Florida; he apparently gunned down Greene". A semicolon
    joins two sentences; a place of the first is not where the second's happening was."""
    return t.start >= place_end and ";" in text[place_end : t.start]


#: A finite verb or modal that opens a new predicate after a trigger's own place: "a rally in
#: Washington is scheduled to speak at …", "the attack in Kabul was condemned in …".
_PREDICATE = LazyPattern(
    lambda: rf"\b(?:{words('finite_auxiliaries', 'predicate_modals')})\b", re.IGNORECASE
)
#: A trigger's own place follows it within this many words ("rally in Washington").
_OWN_PLACE_WORDS = 2


def claimed_before(
    text: str,
    sent_start: int,
    t: Trigger,
    m: Recognized,
    recognized: Sequence[Recognized],
    lex: Lexicon,
) -> bool:
    """True when trigger ``t``, before the place ``m``, already has its own place right after
    it, in a locative role that fits it ("a weekend rally in Washington"), and a finite verb
    or a modal stands between that place and ``m`` ("… is scheduled to speak at Texas A&M
    University"): the trigger and its place are the subject of a new predicate, whose
    places are its own, not the trigger's. A list or a chain of places after the trigger
    ("in an alley in Chicago", "in Dhaka and Sylhet") has no verb between and is kept; so is
    a place inside the trigger's own ("Floods in Kerala have displaced thousands in Kochi")."""
    if t.end > m.start or _PREDICATE.search(text, t.end, m.start) is None:
        return False
    for other in recognized:
        if other.start >= m.start:
            return False
        if other.start < t.end:
            continue
        if word_distance(text, t.end, other.start) > _OWN_PLACE_WORDS + 1:
            return False
        role = place_role(text, sent_start, other)
        if role not in _LOCATING_ROLES or not role_fits(text, t, other, role, lex):
            continue
        if _PREDICATE.search(text, other.end, m.start) is None:
            return False
        # "Floods in Kerala have displaced thousands in Kochi": a place inside the trigger's own
        # is the same happening, told more finely
        return not _inside(m, other)
    return False


def _inside(inner: Recognized, outer: Recognized) -> bool:
    """True unless the place of ``inner`` is known to lie outside the area of ``outer``: in
    another country, farther than :data:`_DISTRICT_KM` from a town, or outside an area with a
    shape (:func:`geo.lead_towns.covers`); a division known only by a label point holds
    whatever lies in its country."""
    a, b = inner.place, outer.place
    if a.country and b.country and a.country != b.country:
        return False
    if b.precision > 1 and b.geometry.geom_type == "Point":
        return True  # "Floods in Bavaria have displaced thousands in Passau"
    try:
        point = a.geometry.representative_point()
        if b.precision == 1:
            # a town holds its own districts, not the next town ("a rally in Leeds … in York")
            centre = b.geometry.representative_point()
            return km(point.x, point.y, centre.x, centre.y) <= _DISTRICT_KM
        return covers(b, point)
    except (AttributeError, ValueError):
        return True


#: A place this close to a town's point (km) may be one of its districts.
_DISTRICT_KM = 10.0


_LOCATING_ROLES = LazyWords("locating_roles")


#: Datelines open the text or its lead: the first sentences only are read for them.
DATELINE_SENTENCES = 3


def in_no_name(
    text: str, triggers: Sequence[Trigger], mentions: Sequence[Recognized], timeline: Timeline
) -> list[Trigger]:
    """``triggers`` without those that lie inside a place mention or a wire dateline of the
    first :data:`DATELINE_SENTENCES` sentences: a word of a place's name ("HURRICANE, W.Va.
    - Officers found …", "Storm Lake", "Battle Creek") names no happening. ``mentions`` are in
    text order."""
    spans = [(m.start, m.end) for m in mentions]
    for i in range(min(DATELINE_SENTENCES, len(timeline))):
        found = WIRE_OPENING.match(text, timeline.sentence(i).start)
        if found is not None:
            spans.append(found.span())
    if not spans:
        return list(triggers)
    spans.sort()
    starts = [a for a, _ in spans]
    reach = list(accumulate((b for _, b in spans), max))  # the farthest end so far
    out = []
    for t in triggers:
        k = bisect_right(starts, t.start) - 1
        if k >= 0 and t.end <= reach[k]:
            continue
        out.append(t)
    return out


#: The tokens a locative chain is read in: words ("a.m.", "2:30", "eight-bedroom", "St."),
#: commas and other punctuation.
_TOKEN = re.compile(r"[^\W_]+(?:['’.:/-][^\W_]+)*\.?|[^\w\s]")
_CLOCK = re.compile(r"\d{1,2}(?:[:.]\d{2})?(?:[ap]\.?m\.?)?|[ap]\.?m\.?|o'clock", re.IGNORECASE)
_AM_PM = re.compile(r"[ap]\.?m\.?|o'clock", re.IGNORECASE)
#: A chain phrase holds at most this many words after its preposition.
_CHAIN_WORDS = 8
#: How far back (characters) a chain is read.
_CHAIN_REACH = 300
_DETERMINERS = frozenset({"a", "an", "the"})


_CHAIN_PREPOSITIONS = LazyWords("chain_prepositions")
_CHAIN_STOPS = LazyWords("chain_stop_words")
_CHAIN_ING_NOUNS = LazyWords("chain_ing_nouns")
_TIME_LEADS = LazyWords("time_lead_words")
#: Words that join two capitalised names inside one phrase ("Main Street and Elm Avenue").
_NAME_JOINERS = LazyWords("chain_name_joiners")
_TIMES_OF_DAY = LazyWords("times_of_day")


def chain_start(text: str, lo: int, m: Recognized, times: Sequence[tuple[int, int]]) -> int:
    """Where the chain of locative phrases that ends with the place ``m`` begins, not before
    ``lo`` (see ``chain_prepositions`` in ``geo/data/grammar.yaml``): "stabbed a man on March
    23 around 2:30 a.m. in an alley in the 400 block of State Street on the Near North Side"
    begins at "on March 23"; a place without a chain before it, or not itself in a locative
    phrase ("…, London police say"), begins at itself. ``times`` are the spans of the time
    expressions of the text between."""
    prep = PREP_BEFORE.search(text, max(lo, m.start - 30), m.start)
    if prep is None or prep.group(1).lower() not in _CHAIN_PREPOSITIONS:
        return m.start  # "…, London police say": no locative phrase of its own to chain on
    end = prep.start()
    tokens = [
        (t.start(), t.end(), t.group())
        for t in _TOKEN.finditer(text, max(lo, end - _CHAIN_REACH), end)
    ]
    cur = len(tokens)
    while cur > 0:
        moved = _time_unit(tokens, cur, times)
        if moved < cur:
            while moved > 0 and tokens[moved - 1][2].lower() in _TIME_LEADS:
                moved -= 1
            cur = moved
            continue
        k = _phrase_start(tokens, cur)
        if k is None:
            break
        cur = k
    return tokens[cur][0] if cur < len(tokens) else m.start


def _phrase_start(tokens: Sequence[tuple[int, int, str]], cur: int) -> int | None:
    """The index of the preposition that opens the locative phrase ending right before token
    ``cur`` ("in the 400 block of State Street"), or ``None`` when no phrase ends there."""
    for k in range(cur - 1, max(cur - _CHAIN_WORDS - 2, -1), -1):
        word = tokens[k][2]
        low = word.lower()
        if low in _CHAIN_PREPOSITIONS:
            return k
        if low == "," and k == cur - 1:
            continue  # ", in north west London": a phrase may end with a comma
        if (
            low in _NAME_JOINERS
            and 0 < k < cur - 1
            and tokens[k - 1][2][:1].isupper()
            and tokens[k + 1][2][:1].isupper()
        ):
            continue  # "at the intersection of North Nokomis Street and Darling Avenue"
        if not word[:1].isalnum() or low in _CHAIN_STOPS:
            return None
        if (
            word[:1].islower()
            and low.endswith(("ed", "ing"))
            and low not in _CHAIN_ING_NOUNS
            and (k == 0 or tokens[k - 1][2].lower() not in _DETERMINERS)
        ):
            return None  # a verb: a clause of its own
    return None


def _time_unit(
    tokens: Sequence[tuple[int, int, str]],
    cur: int,
    times: Sequence[tuple[int, int]],
) -> int:
    """The index of the first token of the time expression or clock time that ends right
    before token ``cur`` ("March 23", "2:30 a.m.", "midnight"), or ``cur`` when none does."""
    last = tokens[cur - 1]
    for a, b in times:
        if a <= last[0] < b:
            k = cur - 1
            while k > 0 and tokens[k - 1][0] >= a:
                k -= 1
            return k
    if _AM_PM.fullmatch(last[2]) and cur >= 2 and _CLOCK.fullmatch(tokens[cur - 2][2]):
        return cur - 2  # "10 p.m."
    word = last[2]
    if word.lower() in _TIMES_OF_DAY or (
        word[:1].isdigit() and not word.isdigit() and _CLOCK.fullmatch(word)
    ):
        return cur - 1  # "midnight", "2:30", "3.20pm"
    return cur


def main_trigger(
    text: str,
    sent: Sentence,
    triggers: Sequence[Trigger],
    m: Recognized,
    role: str | None,
    recognized: Sequence[Recognized],
    timeline: Timeline,
    lex: Lexicon,
) -> Trigger | None:
    """The trigger of a place farther than :data:`MAX_DISTANCE` words from it: "Floodwaters
    swept through towns along the river on Sunday, cutting power to thousands of homes and
    forcing residents from riverside villages in Austria" is a flood in Austria. Only when
    the place is in a locative role (:data:`_FAR_ROLES`), outside quotes, attributions and
    time or relative clauses ("since", "after", "who"…), after the trigger, in its clause
    or in participle clauses that go on with it, in a sentence without speech words, and the
    only place of its sentence in such a role; and the sentence's triggers before it are all
    of one kind (the strongest is taken) or one is strictly stronger than the others. So a
    place that only decorates a sentence about something else, or one of two places two
    triggers compete for, takes no far trigger."""
    if role not in _FAR_ROLES or timeline.quote_at(m.start) is not None:
        return None
    k = sent.clause_of(m.start)
    if k > 0 and _FAR_BLOCKED_CLAUSE.match(text, sent.clauses[k]):
        # "…, the worst since the floods of 2013 in Germany", "the minister, who was on
        # holiday in Spain, …": another time, or a side remark
        return None
    before = [
        t
        for t in triggers
        if t.end <= m.start
        and t.start >= sent.start
        and not in_spans(t.start, sent.attributions)
        and timeline.quote_at(t.start) is None
    ]
    if not before:
        return None
    main = max(before, key=lambda t: (t.strength, -t.start))
    if any(t.type.group != main.type.group and t.strength >= main.strength for t in before):
        return None  # two kinds of happening: which one is in the place is not clear
    distance = word_distance(text, main.end, m.start)
    if sent.clause_of(main.start) != k:
        distance += CLAUSE_PENALTY
    if distance <= MAX_DISTANCE:
        return None  # near enough for the usual rule, which found it unfit
    aside = False  # the clause before was an appositive: the predicate resumes after it
    for j in range(sent.clause_of(main.start) + 1, k + 1):
        # the place's clause goes on with the trigger's: "…on Sunday, cutting power… and
        # forcing residents from villages in Austria"; not "…, and the smoke reached Sydney"
        start = sent.clauses[j]
        if start < len(text) and text.startswith("and ", start):
            start += 4  # "…, swelling rivers, and forcing families from…"
        if j < k and (is_appositive(text, sent, j) or RELATIVE.match(text, start)):
            # "The funeral of the victim, a 19-year-old student, took place in…", "The
            # earthquake, which was felt across the region, damaged homes in…"
            aside = True
            continue
        if not (
            PARTICIPLE.match(text, start)
            or (j < k and SUBORDINATE.match(text, start))
            or (aside and j == k)
            or (
                not SUBORDINATE.match(text, start)
                and not _RESIDENCE.match(text, start)
                and is_verbless(text, sent, j)
            )
        ):
            return None
        aside = False
    if _SPEECH_BETWEEN.search(text, sent.start, m.start):
        # "…, officials said at a briefing in Vienna": where it was said; "China described
        # the drills as a warning to forces in Taiwan": words about the happening
        return None
    if not role_fits(text, main, m, role, lex):
        return None
    for other in recognized:
        if other.start >= sent.end:
            break
        if other is m or other.start < sent.start:
            continue
        if place_role(text, sent.start, other) in _FAR_ROLES:
            return None  # another place in the sentence may be where it happened
    return main


_IMPACT_VERBS = LazyWords("impact_verb_forms")


def subject_override(text: str, triggers: Sequence[Trigger], chosen: Trigger) -> Trigger:
    """ "An earthquake strikes eastern Taiwan" is an earthquake: a disaster word right before
    a verb of impact is the subject that names the happening."""
    if chosen.form not in _IMPACT_VERBS:
        return chosen
    for t in triggers:
        if (
            t.end <= chosen.start
            and t.type.category == "disaster"
            and word_distance(text, t.end, chosen.start) <= 2
        ):
            return t
    return chosen


_COMPOUND_GAP = re.compile(r"[\s-]*")


_PROTEST_OBJECT = LazyPattern(
    lambda: rf"\s+(?:{words('protest_object_prepositions')})\s+(?:[^\W\d_][\w'’-]*\s+){{0,7}}$",
    re.IGNORECASE,
)


def protest_override(text: str, triggers: Sequence[Trigger], chosen: Trigger) -> Trigger:
    """ "Protests against the postponement of the vote … in Ziguinchor": what a protest is
    against or over is not the happening; the protest is."""
    if chosen.type.category == "protest":
        return chosen
    k = bisect_right([t.start for t in triggers], chosen.start - 1) - 1
    while k >= 0:
        head = triggers[k]
        if head.type.category == "protest" and _PROTEST_OBJECT.fullmatch(
            text, head.end, chosen.start
        ):
            return head
        if chosen.start - head.end > 80:
            break
        k -= 1
    return chosen


def compound_override(text: str, triggers: Sequence[Trigger], chosen: Trigger) -> Trigger:
    """ "A water cannon attack", "the flood disaster": a trigger noun right before another
    names the kind of happening (a verb form, "attacked protesters", does not)."""
    k = bisect_right([t.start for t in triggers], chosen.start - 1) - 1
    if k < 0:
        return chosen
    before = triggers[k]
    if (
        before.end <= chosen.start
        and before.type.name != chosen.type.name
        and not before.form.endswith("ed")
        and _COMPOUND_GAP.fullmatch(text, before.end, chosen.start)
    ):
        return before
    return chosen
