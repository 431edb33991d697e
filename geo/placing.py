"""The placing pass of :func:`geo.events.detect_events`: each place in a locative role, with
the trigger of its sentence that it places, read, dated and judged, becomes an
:class:`~geo.reports.EventReport`.

For each recognised place, in text order (at most :data:`MAX_SENTENCE_MENTIONS` a sentence):

1. **role** (:func:`geo.where.place_role`): the preposition or verb that makes the place a
   location; a place with none may take the role of the place before it in a list ("strikes on
   Odesa and Mykolaiv"). Possessors, compound modifiers and speakers place nothing.
2. **trigger** (:meth:`_Placing._trigger`): the nearest trigger of its sentence and clause that
   the role fits, weighed by strength and distance (:mod:`geo.linking`), else the sentence's
   main trigger; and its clause's reading (:func:`geo.status.read_clause`: denied,
   conditional and counterfactual happenings are dropped).
3. **dates** (:meth:`_Placing._dates`): the time expression of its clause or sentence
   (:class:`geo.timeline.Timeline`); a headline's from the lead; a definite description's from
   the report it names (:mod:`geo.references`).
4. **status** (:func:`geo.status.judge_status`): reported, planned, possible or background.

A court's seat places only the court's own happenings; a place inside what a protest is
against places only by the words inside it.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from geo.clauses import (
    COMPOUND,
    COORDINATION,
    HEADLINE_FUTURE,
    LIST_GAP,
    POSSESSIVE,
    WIRE_OPENING,
    in_spans,
    is_headline,
    word_distance,
)
from geo.lead_body import body_told_day
from geo.lexicon import Lexicon, Trigger, TriggerType
from geo.linking import (
    AFTER_FACTOR,
    CLAUSE_PENALTY,
    FAR_FACTOR,
    MAX_DISTANCE,
    beyond_aside,
    beyond_semicolon,
    chain_start,
    claimed_before,
    compound_override,
    in_residence,
    main_trigger,
    protest_override,
    subject_override,
)
from geo.owners import owner_elsewhere
from geo.references import (
    ALSO,
    DEFINITE_HEAD,
    OBJECT_AFTER,
    VERBAL_TRIGGER,
    antecedent_report,
    describes,
    follows_lead,
    headline_news_date,
    lead_news,
    names_described,
    told_from,
)
from geo.reports import EventReport, lasting
from geo.roles import role_words
from geo.speakers import coordinated_speaker
from geo.status import GroupsBySentence, Reading, judge_status, read_clause
from geo.timeline import Timeline
from geo.titles import place_title
from geo.trigger_places import (
    appended_place,
    care_type,
    complement_spans,
    located_outside,
    role_fits,
)
from geo.vocabulary import LazyPattern, words
from geo.where import area_phrase_start, place_role, possessed_place

if TYPE_CHECKING:
    from gazetteer import Place
    from geo.clauses import Sentence
    from geo.model import DateRange
    from geo.recognize import Recognized

__all__ = ["MAX_SENTENCE_MENTIONS", "Placed", "place_reports"]

#: Places of one sentence that can make events; later ones stay mentions but make none. News
#: sentences name a handful; a run-on list of thousands would cost places x triggers.
MAX_SENTENCE_MENTIONS = 200

_LIST_WORD = LazyPattern(lambda: rf",|\b(?:{words('list_conjunctions')})\b", re.IGNORECASE)
#: Kinds of place that, after a bare comma, qualify the place before them ("Dadu, Sindh").
_QUALIFYING_KINDS = frozenset({"admin1", "country"})


@dataclass
class Placed:
    """What the placing pass found: the reports in text order, the sentences that placed one,
    and the places of undated definite descriptions that name no lead ("the fatal police
    shooting": dated where it is told, :func:`geo.references.described_dates`)."""

    reports: list[EventReport] = field(default_factory=list)
    located_sentences: set[int] = field(default_factory=set)
    described: set[int] = field(default_factory=set)


@dataclass(frozen=True)
class _Choice:
    """The happening a place was tied to: its trigger (``None`` for a place that took the
    trigger of the place before it in a list), type, form, strengths, role and reading."""

    trig: Trigger | None
    kind: TriggerType
    form: str
    strength: float
    base_strength: float
    role: str
    reading: Reading


def place_reports(
    text: str,
    placing: Sequence[Recognized],
    recognized: Sequence[Recognized],
    triggers: Sequence[Trigger],
    timeline: Timeline,
    courts: set[int],
    lex: Lexicon,
    *,
    article: str | None = None,
) -> Placed:
    """The reports of the places ``placing`` (the locations, the venues' towns and the
    courts' seats, in text order) tied to ``triggers`` (see the module docstring).
    ``recognized`` are the locations the other passes read; ``courts`` the starts of the
    places that name a court's seat, which place the court's own happenings only."""
    scan = _Placing(text, recognized, triggers, timeline, courts, lex, article)
    for m in placing:
        scan.place(m)
    return scan.out


class _Placing:
    """The state of one text's placing pass: the reports so far, by sentence, with the reading
    and trigger strength of each (a later place of a list takes them)."""

    def __init__(
        self,
        text: str,
        recognized: Sequence[Recognized],
        triggers: Sequence[Trigger],
        timeline: Timeline,
        courts: set[int],
        lex: Lexicon,
        article: str | None,
    ) -> None:
        self.text = text
        self.recognized = recognized
        self.spans = {m.start: m.end for m in recognized}  # members of a list of speakers
        self.triggers = triggers
        self.trig_starts = [t.start for t in triggers]
        self.timeline = timeline
        self.courts = courts
        self.lex = lex
        self.article = article
        self.groups = GroupsBySentence(triggers, timeline)
        self.out = Placed()
        self.by_sentence: dict[int, list[tuple[Recognized, EventReport]]] = {}
        self.readings: dict[int, Reading] = {}
        self.strengths: dict[int, float] = {}  # the strength of each report's trigger word
        self.complements: dict[int, list[tuple[int, int, str]]] = {}
        self.per_sentence: dict[int, int] = {}

    def place(self, m: Recognized) -> None:
        """Add the report that place ``m`` makes, if any."""
        text, timeline = self.text, self.timeline
        i = timeline.sentence_index(m.start)
        if i >= len(timeline):
            return
        self.per_sentence[i] = self.per_sentence.get(i, 0) + 1
        if self.per_sentence[i] > MAX_SENTENCE_MENTIONS:
            return  # a budget: each place is weighed against every trigger of its sentence
        sent = timeline.sentence(i)
        if in_spans(m.start, sent.attributions):
            return
        after = text[m.end : m.end + 3]
        if (POSSESSIVE.match(after) and possessed_place(text, m.end) is None) or COMPOUND.match(
            after
        ):
            return  # "China's military", "Asia-Pacific": a possessor or modifier, not a location
        if owner_elsewhere(text, m, self.recognized):
            return  # "attacks US air bases in Iraq": whose bases, not where
        if (
            self.lex.speaker.match(text, m.end)
            or coordinated_speaker(text, m.end, self.spans, self.lex.speaker)
        ) and m.toponym.division is None:
            # "Beijing says…", "officials in Kyiv said…": a speaker, not a location (but "the
            # Kano and Bauchi states" are divisions)
            return
        role = place_role(text, sent.start, m)
        court_only = m.start in self.courts and (role is None or m.role != "location")
        if court_only and role in {None, "force"}:
            # the court sits there, whatever the name's position; its name is no police
            # force's ("The Delhi High Court today sought a response …" places the ruling)
            role = "at"
        coordinated: EventReport | None = None
        if role is None:
            coord = COORDINATION.search(text[max(sent.start, m.start - 30) : m.start])
            if coord and self.by_sentence.get(i):
                previous = self.by_sentence[i][-1][1]
                if LIST_GAP.match(text, previous.char_end, m.start):
                    # "strikes on Odesa and Mykolaiv", "in Dhaka, Chittagong and in Sylhet"
                    coordinated = previous
                    role = (coord.group(1) or previous.role).lower()
        choice = self._trigger(m, i, sent, role, court_only, coordinated)
        if choice is None:
            return
        if court_only and choice.reading.subordinate:
            return  # "jailed after he was found guilty at Wood Green Crown Court": the news
            # is the main clause's, which the court's name does not place
        self._report(m, i, sent, choice, coordinated)

    def _trigger(
        self,
        m: Recognized,
        i: int,
        sent: Sentence,
        role: str | None,
        court_only: bool,
        coordinated: EventReport | None,
    ) -> _Choice | None:
        """The happening place ``m`` (in sentence ``i``, with ``role``) is the place of, and
        its clause's reading; ``None`` when it places none, or one denied, conditional or
        counterfactual."""
        text, lex = self.text, self.lex
        sentence_triggers = self._sentence_triggers(m, i, sent, court_only)
        if sentence_triggers is None:
            return None
        best: tuple[float, Trigger] | None = None
        quote = self.timeline.quote_at(m.start)
        for t in sentence_triggers:
            score = self._score(m, sent, role, t, quote)
            if score is not None and (best is None or score > best[0]):
                best = (score, t)
        far = False
        if best is None and coordinated is None:
            found = main_trigger(
                text, sent, sentence_triggers, m, role, self.recognized, self.timeline, lex
            )
            if found is not None:
                best, far = (0.0, found), True
        if best is not None:
            trig = protest_override(
                text,
                self.triggers,
                compound_override(
                    text, self.triggers, subject_override(text, self.triggers, best[1])
                ),
            )
            reading = read_clause(text, sent, trig, m.start)
            if reading is None:
                return None
            strength = trig.strength * (FAR_FACTOR if far else 1.0)
            # "died Saturday in a Dallas hospital from injuries received in the collision": the
            # death there, not the crash
            kind = care_type(text, trig, m, lex) or trig.type
            return _Choice(
                trig, kind, trig.form, strength, trig.strength, role or "object", reading
            )
        if coordinated is not None and role is not None:
            # the first place's trigger, weak or strong ("drones … over Odesa, Mykolaiv")
            strength = self.strengths[id(coordinated)]
            return _Choice(
                None,
                coordinated.type,
                coordinated.trigger,
                strength,
                strength,
                role,
                self.readings[id(coordinated)],
            )
        return None

    def _sentence_triggers(
        self, m: Recognized, i: int, sent: Sentence, court_only: bool
    ) -> list[Trigger] | None:
        """The triggers of sentence ``i`` that place ``m`` may be the place of: those inside
        the complement that holds it, or those outside every complement ("condemning strikes
        on Aleppo" places the strikes, not the condemnation); a court's seat only the court's
        own. ``None`` when a complement holds ``m`` but no trigger of its own: "protested in
        Dakar against foreign trawlers off Senegal" places the protest in Dakar only."""
        text = self.text
        lo = bisect_right(self.trig_starts, sent.start - 1)
        hi = bisect_right(self.trig_starts, sent.end - 1)
        comps = self.complements.get(i)
        if comps is None:
            comps = self.complements[i] = complement_spans(
                text, sent, self.triggers[lo:hi], self.recognized
            )
        inside = next((c for c in comps if c[0] <= m.start < c[1]), None)
        if (
            inside is not None
            and inside[2] == "protest"
            and not located_outside(text, sent, m, inside, self.recognized)
        ):
            inside = None  # "protesters rallied against the closure of the port in Dakar"
        found = [
            t
            for t in self.triggers[lo:hi]
            if (inside is not None and inside[0] <= t.start < inside[1])
            or (inside is None and not any(c[0] <= t.start < c[1] for c in comps))
        ]
        if court_only:
            court = role_words()
            found = [
                t
                for t in found
                if t.type.group in court.court_groups or t.form.lower() in court.court_forms
            ]
        if inside is not None and not found:
            return None
        return found

    def _score(
        self, m: Recognized, sent: Sentence, role: str | None, t: Trigger, quote: object
    ) -> float | None:
        """How strongly trigger ``t`` claims place ``m``: its strength over its distance in
        words (more across a clause; a trigger after the place weighs less); ``None`` when it
        cannot be the place's happening (an attribution's, another quote's, a role it
        refuses, beyond an aside, a residence, a semicolon or another place's claim)."""
        text, lex = self.text, self.lex
        if in_spans(t.start, sent.attributions):
            return None  # "according to the summary of the meeting"
        if self.timeline.quote_at(t.start) != quote:
            return None  # quoted words place only places quoted with them
        if m.start <= t.start < m.end or not role_fits(text, t, m, role, lex):
            return None
        if beyond_aside(text, sent.start, m.start, m.end, t):
            return None  # "Okruashvili, who has received asylum in France, was sentenced"
        if in_residence(text, sent.start, m.start, m.end, t):
            return None  # "Marcin Przydacz, 23, of the 3200 block of … in Chicago, was arrested"
        if beyond_semicolon(text, m.end, t):
            return None  # "drug charges in Florida; he apparently gunned down Greene"
        if claimed_before(text, sent.start, t, m, self.recognized, lex):
            return None  # "a rally in Washington is scheduled to speak at Texas A&M"
        if t.start < m.start:
            # "killed in a rural area of the department of Meta": as near as "killed in Meta"
            near = m.start if role in {None, "of"} else area_phrase_start(text, sent.start, m)
            distance = word_distance(text, t.end, max(near, t.end))
        else:
            distance = word_distance(text, m.end, t.start)
        if sent.clause_of(t.start) != sent.clause_of(m.start):
            distance += CLAUSE_PENALTY
        if distance > MAX_DISTANCE and t.end <= m.start:
            # "stabbed a man on March 23 around 2:30 a.m. in an alley in the 400 block
            # … on the Near North Side": as near as the chain of places and times begins
            start = chain_start(text, t.end, m, self.timeline.times_between(t.end, m.start))
            distance = word_distance(text, t.end, start)
            if sent.clause_of(t.start) != sent.clause_of(start):
                distance += CLAUSE_PENALTY
        if distance > MAX_DISTANCE:
            return None
        score = t.strength / (1 + distance / 6)
        if t.start > m.start:
            score *= AFTER_FACTOR  # "shelling in Kharkiv as fighting rages": the head first
        return score

    def _report(
        self,
        m: Recognized,
        i: int,
        sent: Sentence,
        choice: _Choice,
        coordinated: EventReport | None,
    ) -> None:
        """Date and judge the happening ``choice`` at place ``m`` and add its report."""
        text, trig = self.text, choice.trig
        dated = self._dates(m, i, sent, choice)
        if dated is None:
            return
        dates, source, opens, reading, headline = dated
        antecedent: EventReport | None = None
        if trig is None and coordinated is not None and coordinated.refers_to is not None:
            antecedent = next(
                (r for r in self.out.reports if r.char_start == coordinated.refers_to), None
            )
        elif (
            trig is not None
            and DEFINITE_HEAD.fullmatch(text, sent.start, trig.start)
            and not VERBAL_TRIGGER.match(trig.form)
            and not OBJECT_AFTER.match(text, trig.end)
        ):
            # "The quake was centred off the coast of Ica": the event of the sentence before
            antecedent = antecedent_report(self.by_sentence, i, choice.kind)
        if antecedent is not None and source not in {"clause", "sentence"}:
            dates, source, opens = antecedent.dates, "previous", antecedent.opens
        elif source == "published" and trig is not None and describes(text, sent.start, trig):
            # "The leaders said the attack in Ankara was …" after "A policeman shot the
            # ambassador on Monday": a definite description names the article's main news
            lead = lead_news(self.timeline, self.triggers, i, choice.kind)
            if lead is not None:
                dates, source = lead, "previous"
        elif (
            source == "published"
            and trig is not None
            and follows_lead(self.timeline, i)
            and not told_from(text, sent.start, trig)
        ):
            # the second sentence goes on with the lead's news, unless the lead tells news of
            # another kind: "Two men were arrested on Saturday. They were detained in Leeds
            # after a raid …"; "A woman rolled her car … Saturday morning. … she suffered
            # head injuries when she crashed in West Springfield"
            lead = lead_news(self.timeline, self.triggers, i, choice.kind)
            if lead is not None:
                dates, source = lead, "previous"
        if source == "published" and trig is not None and names_described(text, sent.start, trig):
            self.out.described.add(m.start)  # "the fatal police shooting": dated where told
        judged = judge_status(reading, dates, source, choice.kind, i, self.timeline, self.groups)
        if judged is None:
            return  # a plan or a possibility without a date of its own
        status, dates, source = judged
        previous_item = _previous_item(text, self.by_sentence.get(i), m)
        report = EventReport.build(
            text,
            sent,
            trig,
            m.place,
            (m.start, m.end),
            role=choice.role,
            dates=dates,
            date_source=source,
            status=status,
            article=self.article,
            kind=choice.kind,
            form=choice.form,
            strength=choice.strength,
            title=_coordinated_title(trig, coordinated, m.place),
            headline=headline,
            list_start=None if previous_item is None else previous_item.char_start,
            opens=opens,
            # "The floods also swept through Sunamganj": the same floods, another place
            refers_to=(
                None
                if antecedent is None or ALSO.search(text, sent.start, m.start)
                else antecedent.char_start
            ),
        )
        if previous_item is not None and previous_item.list_start is not None:
            report = replace(report, list_start=previous_item.list_start)
        self.out.reports.append(report)
        self.readings[id(report)] = reading
        self.strengths[id(report)] = choice.base_strength
        self.by_sentence.setdefault(i, []).append((m, report))
        self.out.located_sentences.add(i)

    def _dates(
        self, m: Recognized, i: int, sent: Sentence, choice: _Choice
    ) -> tuple[DateRange, str, bool, Reading, bool] | None:
        """``(dates, source, opens, reading, headline)`` of the happening ``choice`` at place
        ``m``: its clause's or sentence's time (a "three-day visit" lasting; "the 2016
        election" its own year), a headline's from the lead or body; the reading made a plan
        by a headline's future ("Leaders to meet in Brasília"). ``None`` when nothing dates
        it."""
        text, timeline, trig, reading = self.text, self.timeline, choice.trig, choice.reading
        headline = i == 0 and is_headline(text, sent)
        if (
            headline
            and trig is not None
            and reading.mood == "reported"
            and HEADLINE_FUTURE.search(text, sent.start, trig.start)
        ):
            reading = Reading("planned")  # "Leaders to meet in Brasília": a headline's future
        at = m.start
        if trig is not None and timeline.relative_side(trig.start) != timeline.relative_side(at):
            at = trig.start  # "a man who fled a stop in Elkhart last May has been indicted"
        elif (
            trig is not None
            and timeline.in_aside_relative(trig.start)
            and not timeline.in_aside_relative(at)
        ):
            at = trig.start  # "… in Sagaing, where its aircraft bombed villages last year"
        dates, source = timeline.date_at(at)
        if (
            source != "clause"
            and trig is not None
            and reading.subordinate
            and appended_place(text, sent, trig.start, m.start, self.lex.locative)
        ):
            # "after a boat capsized late on Sunday in the Tana River, in eastern Kenya's
            # Garissa County": the place phrase set off after the trigger's clause is still
            # that clause's, and so is its time
            told, told_source = timeline.date_at(trig.start)
            if told_source == "clause":
                dates, source = told, told_source
        own_year = timeline.own_year(trig.start) if trig is not None else None
        if own_year is not None:
            # "fraud in the 2016 election": its own year; "an August 2007 incident" its month,
            # or the days the next sentence names in it
            dates, source = timeline.named_days(i, own_year), "clause"
        opens = False
        if source in {"clause", "sentence"} and dates is not None:
            # "the summit opens on Tuesday in Montevideo", "a three-day visit to Hanoi"
            dates, opens = lasting(
                text, sent.start, trig, dates, timeline.starts_only(at), timeline.published
            )
        if i == 0 and source == "published" and (headline or not WIRE_OPENING.match(text)):
            # the first sentence, undated: a headline (also one that ends with a full stop,
            # "Man found fatally shot in Ozark."), not a wire lead "NEW YORK (AP) — …", whose
            # next sentence tells something else ("…, the minister said Thursday")
            body = (
                headline_news_date(text, timeline, self.triggers, choice.kind)
                if trig is not None
                else None
            )
            if body is not None and reading.subordinate:
                # "Woman dies after tree falls on wedding party": the body dates the fall, so
                # the headline's "after" clause is news of its own, not background
                reading = Reading(reading.mood, named=reading.named)
            lead = body or timeline.lead_date()
            if lead is not None:
                dates, source = lead, "previous"  # the headline sums up the lead
        elif (
            i > 0
            and source == "published"
            and trig is not None
            and reading.mood == "reported"
            and not reading.subordinate
            and i == timeline.lead_index()
        ):
            # "SHANGHAI/TAIPEI • … monitored a US warship that had sailed through the Taiwan
            # Strait" … "… conducted a transit … on Tuesday": a lead told with no time of its
            # own takes the day the body gives the same kind of happening in its own clause
            told = body_told_day(timeline, self.triggers, i, choice.kind)
            if told is not None:
                dates, source = told, "previous"
        if dates is None:
            return None
        return dates, source, opens, reading, headline


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


def _coordinated_title(
    trig: Trigger | None, coordinated: EventReport | None, place: Place
) -> str | None:
    """The title of a place coordinated with another without a trigger of its own ("drones
    struck Odesa and Izmail"): the first place's title with its own place name; ``None``
    (the title :meth:`EventReport.build` makes) otherwise."""
    if trig is None and coordinated is not None:
        suffix = place_title("", coordinated.place)
        if coordinated.title.endswith(suffix):
            return place_title(coordinated.title[: -len(suffix)], place)
    return None
