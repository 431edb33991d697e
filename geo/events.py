"""Events in one article: triggers, locative roles, dates, titles and confidence.

An event is a place in a locative role ("in", "near", "off", "around", "at"…, or the object
of "invaded", "visited"…) in a sentence that reports something happening, named by a trigger
word from ``geo/data/triggers.yaml`` ("met", "talks", "drills", "patrol", "protest",
"flood"…). "Trade with Russia" or "Russia's conflict" are mentions, not located happenings.

Dates (:class:`Timeline`): an event takes the time expression of its own clause; else a time
expression of its sentence that no other place's clause holds; else, when the sentence
continues the one before it ("Meanwhile…", "The patrol was…", a pronoun subject, or the
same person named again), that sentence's date; else the publication date with precision
``unknown``. Time expressions inside an attribution ("according to the Kremlin's account of
their meeting on Sept. 12") never date an event; time expressions inside quoted speech date
only places inside the same quote. The same rules date every mention.

What the clause says about the happening (:mod:`geo.factuality`) decides whether it is an
event and which dates it may take. A report has a ``status``:

- ``reported``: it happened. Without a date of its own it is dated "around publication": the
  week up to the publication day, precision ``unknown``;
- ``planned`` ("will attend a summit in Kazan next week") and ``possible`` ("a meeting could
  take place in Geneva"): an event only with a date of its own clause or sentence, or of the
  sentence it continues, that does not lie wholly before publication; never the
  publication date;
- ``background``: a happening named to set the scene, in a temporal subordinate clause
  ("shortly before Moscow launched its attack on Ukraine") or as a noun owned by a name
  ("Putin's invasion of Ukraine"). It keeps only a date of its own clause (or, for the noun,
  its sentence; or the previous sentence's when that sentence speaks of the same kind of
  happening). Otherwise it is *floating* (``date_source == "none"``): it carries the
  publication week only as a placeholder, and :mod:`geo.merge` adds it as a source to the
  dated event it refers to, or drops it.

Negated ("did not visit", "no talks were held"), conditional ("if fighting resumes in …") and
counterfactual ("could have met in …") happenings are not events.

See docs/recognition-and-events.md for the confidence formula and the title rules.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from geo import factuality, senses
from geo.clauses import (
    COMPOUND,
    COORDINATION,
    HEADLINE_FUTURE,
    LIST_GAP,
    PARTICIPLE,
    POSSESSIVE,
    SUBORDINATE,
    Sentence,
    in_spans,
    is_headline,
    word_distance,
)
from geo.focus import article_focus, focus_reports, placed_report
from geo.lexicon import Lexicon, Trigger, TriggerType, find_triggers, load_lexicon
from geo.model import DateRange
from geo.reports import (
    EventReport,
    around_publication,
    confidence,
    dates_compatible,
    lasting,
    quote_of,
)
from geo.timeline import Timeline
from geo.titles import place_title, title_for
from geo.vocabulary import LazyPattern, LazyWords, words
from geo.where import (
    RELATIVE,
    complement_spans,
    fold_possessors,
    is_appositive,
    located_outside,
    place_role,
    possessed_place,
    role_fits,
)

if TYPE_CHECKING:
    from geo.recognize import Recognized

__all__ = [
    "AFTER_FACTOR",
    "ANTECEDENT_SENTENCES",
    "CLAUSE_PENALTY",
    "FAR_FACTOR",
    "MAX_DISTANCE",
    "detect_events",
]

#: Triggers farther than this many words from the place do not make it an event.
MAX_DISTANCE = 12
#: A trigger in another clause of the sentence counts as this many words farther away.
CLAUSE_PENALTY = 4
#: A trigger after the place scores this share of one before it ("talks in X" is the usual
#: order: the happening, then where).
AFTER_FACTOR = 0.8
#: The strength a sentence's only trigger keeps for its only located place when they are
#: farther apart than :data:`MAX_DISTANCE` words (see :func:`_main_trigger`).
FAR_FACTOR = 0.8
#: Clauses whose places a far trigger does not reach: other times and relative clauses.
_FAR_BLOCKED_CLAUSE = LazyPattern(
    lambda: rf"(?:{words('other_time_openers', 'far_blocking_relatives')})\b", re.IGNORECASE
)
#: Words of speech before a place: a far trigger does not reach it.
_SPEECH_BETWEEN = LazyPattern(lambda: rf"\b(?:{words('speech_words')})\b", re.IGNORECASE)
#: Roles that locate a place where its sentence's main trigger happens, however far.
_FAR_ROLES = LazyWords("far_roles")


#: A wire dateline opening the text: the first sentence is the lead, not a headline.
_WIRE_OPENING = re.compile(
    r"\s*[A-Z][A-Z .'’-]{1,40}(?:,\s*[A-Z][A-Za-z .'’-]{0,30})?\s*(?:\([^)\n]{0,60}\)\s*)?[-–—]"
)


def detect_events(
    text: str,
    recognized: Sequence[Recognized],
    timeline: Timeline,
    *,
    article: str | None = None,
) -> list[EventReport]:
    """The events one text reports, in text order (see the module docstring)."""
    lex = load_lexicon()
    recognized = fold_possessors(text, recognized)  # "in Giza's Haram district"
    triggers = _not_references(
        text, senses.resolve(text, find_triggers(text), _sentence_span(timeline)), timeline
    )
    trig_starts = [t.start for t in triggers]
    groups = _GroupsBySentence(triggers, timeline)
    reports: list[EventReport] = []
    by_sentence: dict[int, list[tuple[Recognized, EventReport]]] = {}
    readings: dict[int, _Reading | None] = {}
    strengths: dict[int, float] = {}  # the strength of each report's trigger word
    located_sentences: set[int] = set()
    complements: dict[int, list[tuple[int, int, str]]] = {}
    for m in recognized:
        i = timeline.sentence_index(m.start)
        if i >= len(timeline):
            continue
        sent = timeline.sentence(i)
        if in_spans(m.start, sent.attributions):
            continue
        after = text[m.end : m.end + 2]
        if (POSSESSIVE.match(after) and possessed_place(text, m.end) is None) or COMPOUND.match(
            after
        ):
            continue  # "China's military", "Asia-Pacific": a possessor or modifier, not a location
        if lex.speaker.match(text, m.end) and m.toponym.division is None:
            # "Beijing says…", "officials in Kyiv said…": a speaker, not a location (but "the
            # Kano and Bauchi states" are divisions)
            continue
        role = place_role(text, sent.start, m)
        coordinated: EventReport | None = None
        if role is None:
            coord = COORDINATION.search(text[max(sent.start, m.start - 30) : m.start])
            if coord and by_sentence.get(i):
                previous = by_sentence[i][-1][1]
                if LIST_GAP.match(text, previous.char_end, m.start):
                    # "strikes on Odesa and Mykolaiv", "in Dhaka, Chittagong and in Sylhet"
                    coordinated = previous
                    role = (coord.group(1) or previous.role).lower()
        quote = timeline.quote_at(m.start)
        best: tuple[float, Trigger] | None = None
        lo = bisect_right(trig_starts, sent.start - 1)
        hi = bisect_right(trig_starts, sent.end - 1)
        comps = complements.get(i)
        if comps is None:
            comps = complements[i] = complement_spans(text, sent, triggers[lo:hi], recognized)
        inside = next((c for c in comps if c[0] <= m.start < c[1]), None)
        if (
            inside is not None
            and inside[2] == "protest"
            and not located_outside(text, sent, m, inside, recognized)
        ):
            inside = None  # "protesters rallied against the closure of the port in Dakar"
        # a place inside what a protest is against or a statement condemns is placed only by
        # the words in it ("condemning strikes on Aleppo"); the words in it place nothing
        # outside ("the ministry in Ankara issued a statement condemning strikes …")
        sentence_triggers = [
            t
            for t in triggers[lo:hi]
            if (inside is not None and inside[0] <= t.start < inside[1])
            or (inside is None and not any(c[0] <= t.start < c[1] for c in comps))
        ]
        if inside is not None and not sentence_triggers:
            continue  # "protested in Dakar against foreign trawlers off Senegal": the subject
        for t in sentence_triggers:
            if in_spans(t.start, sent.attributions):
                continue  # "according to the summary of the meeting"
            if timeline.quote_at(t.start) != quote:
                continue  # quoted words place only places quoted with them
            if m.start <= t.start < m.end or not role_fits(text, t, m, role, lex):
                continue
            if t.start < m.start:
                distance = word_distance(text, t.end, m.start)
            else:
                distance = word_distance(text, m.end, t.start)
            if sent.clause_of(t.start) != sent.clause_of(m.start):
                distance += CLAUSE_PENALTY
            if distance > MAX_DISTANCE:
                continue
            score = t.strength / (1 + distance / 6)
            if t.start > m.start:
                score *= AFTER_FACTOR  # "shelling in Kharkiv as fighting rages": the head first
            if best is None or score > best[0]:
                best = (score, t)
        far = False
        if best is None and coordinated is None:
            found = _main_trigger(text, sent, sentence_triggers, m, role, recognized, timeline, lex)
            if found is not None:
                best, far = (0.0, found), True
        trig: Trigger | None
        if best is not None:
            best = (
                best[0],
                _protest_override(
                    text,
                    triggers,
                    _compound_override(text, triggers, _subject_override(text, triggers, best[1])),
                ),
            )
            trig = best[1]
            trig_type, strength, trigger_form = trig.type, trig.strength, trig.form
            base_strength = strength
            if far:
                strength *= FAR_FACTOR
            role = role or "object"
            reading = _read(text, sent, trig, m.start)
        elif coordinated is not None and role is not None:
            trig = None
            trig_type, trigger_form = coordinated.type, coordinated.trigger
            # the first place's trigger, weak or strong ("drones … over Odesa, Mykolaiv")
            strength = base_strength = strengths[id(coordinated)]
            reading = readings[id(coordinated)]
        else:
            continue
        if reading is None:
            continue  # denied, conditional or counterfactual: not an event
        headline = i == 0 and is_headline(text, sent)
        if (
            headline
            and trig is not None
            and reading.mood == "reported"
            and HEADLINE_FUTURE.search(text, sent.start, trig.start)
        ):
            reading = _Reading("planned")  # "Leaders to meet in Brasília": a headline's future
        dates, source = timeline.date_at(m.start)
        own_year = timeline.own_year(trig.start) if trig is not None else None
        if own_year is not None:
            dates, source = own_year, "clause"  # "fraud in the 2016 election": its own year
        opens = False
        if source in {"clause", "sentence"} and dates is not None:
            # "the summit opens on Tuesday in Montevideo", "a three-day visit to Hanoi"
            dates, opens = lasting(
                text,
                sent.start,
                trig,
                dates,
                timeline.starts_only(m.start),
            )
        if i == 0 and source == "published" and (headline or not _WIRE_OPENING.match(text)):
            # the first sentence, undated: a headline (also one that ends with a full stop,
            # "Man found fatally shot in Ozark."), not a wire lead "NEW YORK (AP) — …", whose
            # next sentence tells something else ("…, the minister said Thursday")
            lead = timeline.lead_date()
            if lead is not None:
                dates, source = lead, "previous"  # the headline sums up the lead
        if dates is None:
            continue
        antecedent: EventReport | None = None
        if trig is None and coordinated is not None and coordinated.refers_to is not None:
            antecedent = next((r for r in reports if r.char_start == coordinated.refers_to), None)
        elif (
            trig is not None
            and _DEFINITE_HEAD.fullmatch(text, sent.start, trig.start)
            and not _VERBAL_TRIGGER.match(trig.form)
            and not _OBJECT_AFTER.match(text, trig.end)
        ):
            # "The quake was centred off the coast of Ica": the event of the sentence before
            antecedent = _antecedent(by_sentence, i, trig_type)
        if antecedent is not None and source not in {"clause", "sentence"}:
            dates, source, opens = antecedent.dates, "previous", antecedent.opens
        elif source == "published" and trig is not None and _describes(text, sent.start, trig):
            # "The leaders said the attack in Ankara was …" after "A policeman shot the
            # ambassador on Monday": a definite description names the article's main news
            lead = _lead_news(timeline, triggers, i, trig_type)
            if lead is not None:
                dates, source = lead, "previous"
        judged = _judge(reading, dates, source, trig_type, i, timeline, groups)
        if judged is None:
            continue  # a plan or a possibility without a date of its own
        status, dates, source = judged
        clause_text = text[sent.start : sent.end]
        previous_item = _previous_item(text, by_sentence.get(i), m)
        report = EventReport(
            article=article,
            type=trig_type,
            trigger=trigger_form,
            role=role,
            place=m.place,
            char_start=m.start,
            char_end=m.end,
            text=text[m.start : m.end],
            dates=dates,
            date_source=source,
            quote=quote_of(text, sent.start, sent.end, m.start),
            title=_title(text, trig, trig_type, m, clause_text, sent.start, coordinated),
            confidence=confidence(strength, role, dates.precision, m.place.precision, status),
            sentence_start=sent.start,
            sentence_end=sent.end,
            status=status,
            headline=headline,
            list_start=None if previous_item is None else previous_item.char_start,
            opens=opens,
            # "The floods also swept through Sunamganj": the same floods, another place
            refers_to=(
                None
                if antecedent is None or _ALSO.search(text, sent.start, m.start)
                else antecedent.char_start
            ),
        )
        if previous_item is not None and previous_item.list_start is not None:
            report = replace(report, list_start=previous_item.list_start)
        reports.append(report)
        readings[id(report)] = reading
        strengths[id(report)] = base_strength
        by_sentence.setdefault(i, []).append((m, report))
        located_sentences.add(i)
    heads = {r.list_start for r in reports if r.list_start is not None}
    reports = [
        replace(r, list_start=r.char_start) if r.list_start is None and r.char_start in heads else r
        for r in reports
    ]
    reports = _headlines_name_the_lead(reports)
    inherited = _inherited(
        text, timeline, triggers, reports, located_sentences, recognized, article
    )
    reports.extend(inherited)
    focus = article_focus(text, recognized, timeline)
    if focus is not None:
        # "OTTAWA – The bill passed second reading Tuesday": the town the story is about
        located_sentences |= {timeline.sentence_index(r.char_start) for r in inherited}
        reports.extend(
            focus_reports(
                text,
                focus,
                triggers,
                located_sentences,
                recognized,
                timeline,
                lambda sent, trig: _read(text, sent, trig, None),
                article=article,
            )
        )
    reports.sort(key=lambda r: (r.char_start, r.sentence_start, r.type.name))
    return reports


def _headlines_name_the_lead(reports: list[EventReport]) -> list[EventReport]:
    """A headline dated by its lead sums up the lead: its report names (``refers_to``) the
    lead's first report of the same kind on the same dates, so that "Floods submerge villages
    in Pakistan's Sindh province" over "Floods submerged villages in the Dadu district of
    Sindh on Saturday" is Saturday's flood told at two scales, not a neighbour's flood of the
    day before."""
    out: list[EventReport] = []
    for r in reports:
        if r.headline and r.date_source == "previous" and r.refers_to is None:
            lead = next(
                (
                    o
                    for o in reports
                    if not o.headline
                    and o.type.group == r.type.group
                    and o.dates == r.dates
                    and o.date_source in {"clause", "sentence", "lead"}
                ),
                None,
            )
            if lead is not None:
                r = replace(r, refers_to=lead.char_start)
        out.append(r)
    return out


#: A sentence that opens with a definite description of its trigger: "The quake …", "The
#: powerful quake …", "The 6.1-magnitude quake …".
_DEFINITE_HEAD = re.compile(r"[\s\W]*the\s+(?:[\w.,'’-]+\s+){0,2}", re.IGNORECASE)
#: A trigger that is a verb, not the noun of a description: "The river breached an
#: embankment", "The army shelled …", "The river burst its banks" (a past form, or a verb
#: phrase that holds its object).
_VERBAL_TRIGGER = LazyPattern(lambda: rf"\w+ed\b|.*\s(?:{words('determiners')})\s", re.IGNORECASE)
_OBJECT_AFTER = LazyPattern(
    lambda: rf"\s+(?:{words('determiners', 'personal_determiners')})\b", re.IGNORECASE
)
#: Words by which a description carries its event to another place, not back to its own.
_ALSO = LazyPattern(lambda: rf"\b(?:{words('spreading_words')})\b")
#: How many sentences back a definite description looks for the event it names.
ANTECEDENT_SENTENCES = 2


def _antecedent(
    by_sentence: dict[int, list[tuple[Any, EventReport]]], i: int, kind: TriggerType
) -> EventReport | None:
    """The event a definite description at the head of sentence ``i`` names ("The quake was
    centred off Ica" after "An earthquake shook central Peru"): the first report of the same
    merge group in the nearest of the :data:`ANTECEDENT_SENTENCES` sentences before it that
    has one; ``None`` otherwise."""
    for k in range(i - 1, max(-1, i - 1 - ANTECEDENT_SENTENCES), -1):
        for _, r in by_sentence.get(k, ()):
            if r.type.group != kind.group or r.floating or r.headline:
                continue
            if r.type.name != kind.name and (
                r.type.named_only_as_itself or kind.named_only_as_itself
            ):
                continue  # "The visit to Denizli" names no statement made there
            return r
    return None


#: "the attack", "the deadly blast", "the 6.1-magnitude quake" right before a trigger.
_DEFINITE_BEFORE = re.compile(r"\bthe\s+(?:[\w.,'’-]+\s+){0,2}\Z", re.IGNORECASE)
#: A time preposition that makes a description the point another time is told from.
_TIME_PREPOSITION_BEFORE = LazyPattern(
    lambda: rf"\b(?:{words('other_time_openers')})\s+\Z", re.IGNORECASE
)
#: A trigger this strong in the lead names the article's main news.
LEAD_TRIGGER_STRENGTH = 0.8


def _describes(text: str, start: int, trig: Trigger) -> bool:
    """True when ``trig`` is the noun of a definite description ("said the attack in
    Ankara", "the deadly blast"), not a verb ("the army shelled …") nor the happening another
    time is told from ("the night before the stabbing", "since the attack")."""
    found = _DEFINITE_BEFORE.search(text, max(start, trig.start - 40), trig.start)
    return bool(
        found
        and not _VERBAL_TRIGGER.match(trig.form)
        and not _OBJECT_AFTER.match(text, trig.end)
        and not _TIME_PREPOSITION_BEFORE.search(text, max(start, found.start() - 20), found.start())
    )


def _lead_news(
    timeline: Timeline, triggers: Sequence[Trigger], i: int, kind: TriggerType
) -> DateRange | None:
    """The date of the article's main news (:meth:`Timeline.lead_range`) for a definite
    description of kind ``kind`` in sentence ``i`` after the lead, unless the lead's news is
    of another kind (its strong triggers are all of other merge groups): "the attack" after
    "Two strong earthquakes have struck …" is some other attack."""
    lead = timeline.lead_index()
    if lead is None or lead >= i:
        return None
    strong = {
        t.type.group
        for t in triggers
        if t.strength >= LEAD_TRIGGER_STRENGTH and timeline.sentence_index(t.start) == lead
    }
    if strong and kind.group not in strong:
        return None
    return timeline.lead_range()


_LIST_WORD = LazyPattern(lambda: rf",|\b(?:{words('list_conjunctions')})\b", re.IGNORECASE)
#: Kinds of place that, after a bare comma, qualify the place before them ("Dadu, Sindh").
_QUALIFYING_KINDS = frozenset({"admin1", "country"})


def _previous_item(
    text: str, located: Sequence[tuple[Recognized, EventReport]] | None, m: Recognized
) -> EventReport | None:
    """The report of the place before ``m`` in a list of places ("in Dakar, Thiès and in
    Ziguinchor", "the Donetsk and Luhansk regions"), or ``None`` when ``m`` follows no place
    of its sentence across a list gap. "Dadu, Sindh" is a place and its qualifier, not a
    list."""
    if not located:
        return None
    previous = located[-1][1]
    if previous.char_end > m.start or not LIST_GAP.match(text, previous.char_end, m.start):
        return None
    gap = text[previous.char_end : m.start]
    word = _LIST_WORD.search(gap)
    if word is None:
        return None
    if (
        word.group() == ","
        and _LIST_WORD.search(gap, word.end()) is None
        and m.place.kind in _QUALIFYING_KINDS
        and previous.place.kind not in _QUALIFYING_KINDS
    ):
        return None
    return previous


def _sentence_span(timeline: Timeline) -> Any:
    """A function from a text position to the (start, end) of its sentence."""

    def span(pos: int) -> tuple[int, int]:
        i = timeline.sentence_index(pos)
        if i >= len(timeline):
            return pos, pos
        sent = timeline.sentence(i)
        return sent.start, sent.end

    return span


def _not_references(text: str, triggers: list[Trigger], timeline: Timeline) -> list[Trigger]:
    """``triggers`` without those that only name the event a date is relative to: "released
    from prison in Dakar ten days before the election" reports no election in Dakar."""
    from geo.dates import event_reference

    spans = []
    for t in timeline._all_times:
        if t.text.lower().endswith(("before", "after")):
            span = event_reference(text, t.end)
            if span is not None:
                spans.append(span)
    if not spans:
        return triggers
    return [t for t in triggers if not in_spans(t.start, spans)]


def _main_trigger(
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


def _title(
    text: str,
    trig: Trigger | None,
    type_: TriggerType,
    m: Recognized,
    clause: str,
    sent_start: int,
    coordinated: EventReport | None,
) -> str:
    """The title of a report; a place coordinated with another ("drones struck Odesa and
    Izmail") takes the title of the first with its own place name."""
    if trig is None and coordinated is not None:
        suffix = place_title("", coordinated.place)
        if coordinated.title.endswith(suffix):
            return place_title(coordinated.title[: -len(suffix)], m.place)
    return title_for(text, trig, type_, m.place, clause, sent_start, m.start)


@dataclass(frozen=True, slots=True)
class _Reading:
    """What the trigger's clause says about the happening: its mood (``reported``,
    ``planned`` or ``possible``) and whether it is named as background, in a temporal
    subordinate clause (``subordinate``) or as a noun owned by a name (``named``)."""

    mood: str
    subordinate: bool = False
    named: bool = False


def _clause_span(sent: Sentence, pos: int) -> tuple[int, int]:
    k = sent.clause_of(pos)
    end = sent.clauses[k + 1] if k + 1 < len(sent.clauses) else sent.end
    return sent.clauses[k], end


def _read(text: str, sent: Sentence, trig: Trigger, place_start: int | None) -> _Reading | None:
    """How the clause of ``trig`` presents its happening; ``None`` when it says the
    happening did not take place (negated, conditional, counterfactual) or the place is a
    destination still ahead ("on the way to Kyiv")."""
    lo, hi = _clause_span(sent, trig.start)
    mood = factuality.mood(text, lo, hi, trig.start, trig.end)
    if mood not in {"reported", "planned", "possible"}:
        return None
    if place_start is not None and factuality.toward(text, place_start, sent.start):
        return None  # "arrives in Warsaw on the way to Kyiv": Kyiv is still ahead
    if mood != "reported":
        return _Reading(mood)
    return _Reading(
        mood,
        subordinate=factuality.opens_background(text, lo, hi),
        named=factuality.named_reference(text, lo, trig.start, trig.form),
    )


class _GroupsBySentence:
    """The merge groups of the triggers of each sentence (computed on first use)."""

    def __init__(self, triggers: Sequence[Trigger], timeline: Timeline) -> None:
        self._triggers = triggers
        self._timeline = timeline
        self._groups: dict[int, set[str]] | None = None

    def __call__(self, i: int) -> set[str]:
        if self._groups is None:
            self._groups = {}
            for t in self._triggers:
                k = self._timeline.sentence_index(t.start)
                self._groups.setdefault(k, set()).add(t.type.group)
        return self._groups.get(i, set())

    def dating(self, i: int) -> set[str]:
        """The groups of the sentences sentence ``i`` takes its date from: the one before it
        and, while those have no time expression of their own, the ones they continue."""
        tl = self._timeline
        out = set(self(i - 1))
        j = i - 1
        while j > 0 and not tl._times_in(j) and tl.continues(j):
            j -= 1
            out |= self(j)
        return out


def _judge(
    reading: _Reading,
    dates: DateRange,
    source: str,
    type_: TriggerType,
    sentence: int,
    timeline: Timeline,
    groups: _GroupsBySentence,
) -> tuple[str, DateRange, str] | None:
    """The status of a report and the dates it keeps, by the rules of the module docstring;
    ``None`` when it is not an event (a plan or possibility with no date of its own)."""
    published = timeline.published
    if reading.mood != "reported":
        if source == "clause" or (
            source in {"sentence", "previous"} and (published is None or dates.end > published)
        ):
            return reading.mood, dates, source
        # "This would be Xi's second visit to Russia" after a sentence about last month; "Xi
        # will visit Moscow, the Kremlin said on Monday": no date of its own
        return None
    if not (reading.subordinate or reading.named):
        if source == "published" and published is not None:
            dates = around_publication(published)
        if published is not None and dates.start > published:
            # "urged both sides to return to talks in Cairo next Thursday": what is dated
            # after publication cannot have been reported as done
            return "planned", dates, source
        return "reported", dates, source
    allowed = {"clause"} if reading.subordinate else {"clause", "sentence"}
    if source == "previous" and type_.group in groups.dating(sentence):
        allowed.add("previous")  # "… after the meeting in New York" after "During a meeting …"
    if source in allowed:
        return "background", dates, source
    if published is None:
        return None
    return "background", around_publication(published), "none"


_IMPACT_VERBS = LazyWords("impact_verb_forms")


def _subject_override(text: str, triggers: Sequence[Trigger], chosen: Trigger) -> Trigger:
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


def _protest_override(text: str, triggers: Sequence[Trigger], chosen: Trigger) -> Trigger:
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


def _compound_override(text: str, triggers: Sequence[Trigger], chosen: Trigger) -> Trigger:
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


def _inherited(
    text: str,
    timeline: Timeline,
    triggers: Sequence[Trigger],
    reports: Sequence[EventReport],
    located_sentences: set[int],
    recognized: Sequence[Recognized],
    article: str | None,
) -> list[EventReport]:
    """Events whose sentence names no place but dates a happening the article placed
    elsewhere ("During the meeting on Tuesday, …" after "talks in Beijing"): they take the
    place of the nearest report of the same kind with a compatible date, at a lower
    confidence."""

    out: list[EventReport] = []
    if not reports:
        return out
    seen: set[int] = set()
    for t in triggers:
        if t.strength < 0.8:
            continue
        i = timeline.sentence_index(t.start)
        if i in located_sentences or i in seen or i >= len(timeline):
            continue
        sent = timeline.sentence(i)
        if in_spans(t.start, sent.attributions):
            continue
        if timeline.quote_at(t.start) is not None:
            continue
        reading = _read(text, sent, t, None)
        if reading is None:
            continue  # "no talks were held on Tuesday"
        if any(
            sent.start <= m.start < sent.end
            and m.place.precision < 3
            and not POSSESSIVE.match(text, m.end)
            for m in recognized
        ):
            # "families were evacuated from flooded neighbourhoods of Larkana": the sentence
            # names a town of its own (countries are often only actors), so it is not about
            # the place of another report
            continue
        dates, source = timeline.own_date(t.start)
        if dates is None or dates.precision == "unknown":
            continue
        # "This year's summit is scheduled to start on Oct. 22."
        dates, opens = lasting(text, sent.start, t, dates, timeline.starts_only(t.start))
        if reading.subordinate and source != "clause":
            continue  # "after the talks, …on Tuesday": the main clause's date is not theirs
        plan = reading.mood != "reported"
        if plan and source != "clause":
            published = timeline.published
            if published is not None and dates.end <= published:
                continue  # "On Oct. 16, … welcomed Xi's upcoming visit": the welcome's date
        status = "background" if reading.subordinate or reading.named else reading.mood
        same = [
            r
            for r in reports
            if r.type.group == t.type.group
            and r.role != "inherited"
            and not r.floating
            and (r.status in {"planned", "possible"}) == plan  # a plan refers to a plan
        ]
        # "Last month, rains triggered landslides" does not date Saturday's flood: a donor
        # is at most as precise as the sentence's own date
        same = [r for r in same if dates_compatible(r.dates, dates) and dates.rank <= r.dates.rank]
        if not same:
            continue
        donor = min(
            same,
            key=lambda r: (
                r.type != t.type,
                r.place.precision,
                r.char_start > t.start,
                abs(r.char_start - t.start),
            ),
        )
        seen.add(i)
        out.append(
            placed_report(
                text,
                t,
                sent,
                donor.place,
                dates,
                source,
                article,
                role="inherited",
                status=status,
                opens=opens,
            )
        )
    return out
