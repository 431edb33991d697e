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
  publication day and the day before, precision ``unknown``
  (:data:`geo.reports.PUBLISHED_WINDOW_DAYS`);
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
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from geo import senses
from geo.causes import cause_placed
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
from geo.focus import (
    article_focus,
    focus_reports,
    placed_report,
    story_town,
    town_reports_after,
)
from geo.lead_event import lead_report, lead_town_reports
from geo.lexicon import Trigger, find_triggers, load_lexicon
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
    in_no_name,
    in_residence,
    main_trigger,
    protest_override,
    subject_override,
)
from geo.references import (
    ALSO,
    DEFINITE_HEAD,
    OBJECT_AFTER,
    VERBAL_TRIGGER,
    antecedent_report,
    described_dates,
    describes,
    follows_lead,
    headline_news_date,
    headlines_name_the_lead,
    lead_news,
    names_described,
    not_references,
    sentence_span,
    told_from,
)
from geo.reports import GUESSED_SOURCES, EventReport, dates_compatible, lasting
from geo.retold import retold_dates
from geo.roles import court_seat, role_words, venue_seat
from geo.seats import seat_reports
from geo.status import GroupsBySentence, Reading, judge_status, read_clause
from geo.timeline import Timeline
from geo.titles import place_title
from geo.vocabulary import LazyPattern, words
from geo.where import (
    complement_spans,
    fold_possessors,
    located_outside,
    place_role,
    possessed_place,
    role_fits,
    says_own_place,
)

if TYPE_CHECKING:
    from gazetteer import Place
    from geo.recognize import Recognized

__all__ = ["MAX_SENTENCE_MENTIONS", "detect_events"]

#: Places of one sentence that can make events; later ones stay mentions but make none. News
#: sentences name a handful; a run-on list of thousands would cost places x triggers.
MAX_SENTENCE_MENTIONS = 200


def detect_events(
    text: str,
    recognized: Sequence[Recognized],
    timeline: Timeline,
    *,
    article: str | None = None,
    gazetteer: Any = None,
    home_country: str | None = None,
    home: Place | None = None,
    own_town: Place | None = None,
) -> list[EventReport]:
    """The events one text reports, in text order (see the module docstring). With the
    ``gazetteer`` the text was resolved with, the article's focus may also be a small town the
    text's divisions pin (:func:`geo.focus.article_focus`). ``home_country``, the ISO code of
    the country the outlet's web address tells, tells which namesake a town of the focus or
    the lead is (:func:`geo.focus.anchored`); so does ``home``, the division the outlet is at
    home in (:func:`geo.extraction.outlet_priors`), when it holds the lead's town.
    ``own_town``, the outlet's own town when its home settles it
    (:func:`geo.outlet_towns.settled_town`), places a local lead that names no town."""
    lex = load_lexicon()
    mentions = recognized
    # only a location can place an event: "Russian forces" and "the Alexandria Police" are
    # mentions of a place, never where something happened (geo.roles); a court's seat
    # places the court's own happenings ("sentenced at Leeds Crown Court", "a Navarro
    # County jury found …"), and only those
    courts = {
        m.start
        for m in recognized
        if m.role in {"location", "organisation"} and court_seat(text, m.end)
    }
    seats = [m for m in recognized if m.role != "location" and m.start in courts]
    # a town that names a venue places what happened there: "during the Easter Vigil Mass at
    # the Manila Cathedral", "was arrested at Kendale Lakes Elementary School"
    recognized = [
        m
        for m in recognized
        if m.role == "location"
        or (
            m.role == "organisation"
            and m.place.precision == 1
            and m.start not in courts
            and venue_seat(text, m.start, m.end)
        )
    ]
    recognized = fold_possessors(text, recognized)  # "in Giza's Haram district"
    # the court seats place court happenings only: the other passes (focus, complements)
    # read the locations alone
    placing = sorted([*recognized, *seats], key=lambda m: m.start) if seats else recognized
    triggers = not_references(
        text, senses.resolve(text, find_triggers(text), sentence_span(timeline)), timeline
    )
    # "HURRICANE, W.Va. - Officers found …": a word of a place's name is no happening
    triggers = in_no_name(text, triggers, mentions, timeline)
    trig_starts = [t.start for t in triggers]
    groups = GroupsBySentence(triggers, timeline)
    reports: list[EventReport] = []
    by_sentence: dict[int, list[tuple[Recognized, EventReport]]] = {}
    readings: dict[int, Reading | None] = {}
    strengths: dict[int, float] = {}  # the strength of each report's trigger word
    located_sentences: set[int] = set()
    described: set[int] = set()  # undated definite descriptions naming no lead
    complements: dict[int, list[tuple[int, int, str]]] = {}
    per_sentence: dict[int, int] = {}
    for m in placing:
        i = timeline.sentence_index(m.start)
        if i >= len(timeline):
            continue
        per_sentence[i] = per_sentence.get(i, 0) + 1
        if per_sentence[i] > MAX_SENTENCE_MENTIONS:
            continue  # a budget: each place is weighed against every trigger of its sentence
        sent = timeline.sentence(i)
        if in_spans(m.start, sent.attributions):
            continue
        after = text[m.end : m.end + 3]
        if (POSSESSIVE.match(after) and possessed_place(text, m.end) is None) or COMPOUND.match(
            after
        ):
            continue  # "China's military", "Asia-Pacific": a possessor or modifier, not a location
        if lex.speaker.match(text, m.end) and m.toponym.division is None:
            # "Beijing says…", "officials in Kyiv said…": a speaker, not a location (but "the
            # Kano and Bauchi states" are divisions)
            continue
        role = place_role(text, sent.start, m)
        court_only = m.start in courts and (role is None or m.role != "location")
        if court_only and role in {None, "force"}:
            # the court sits there, whatever the name's position; its name is no police
            # force's ("The Delhi High Court today sought a response …" places the ruling)
            role = "at"
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
        if court_only:
            court = role_words()
            sentence_triggers = [
                t
                for t in sentence_triggers
                if t.type.group in court.court_groups or t.form.lower() in court.court_forms
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
            if beyond_aside(text, sent.start, m.start, m.end, t):
                continue  # "Okruashvili, who has received asylum in France, was sentenced"
            if in_residence(text, sent.start, m.start, m.end, t):
                continue  # "Marcin Przydacz, 23, of the 3200 block of … in Chicago, was arrested"
            if beyond_semicolon(text, m.end, t):
                continue  # "drug charges in Florida; he apparently gunned down Greene"
            if claimed_before(text, sent.start, t, m, recognized, lex):
                continue  # "a rally in Washington is scheduled to speak at Texas A&M"
            if t.start < m.start:
                distance = word_distance(text, t.end, m.start)
            else:
                distance = word_distance(text, m.end, t.start)
            if sent.clause_of(t.start) != sent.clause_of(m.start):
                distance += CLAUSE_PENALTY
            if distance > MAX_DISTANCE and t.end <= m.start:
                # "stabbed a man on March 23 around 2:30 a.m. in an alley in the 400 block
                # … on the Near North Side": as near as the chain of places and times begins
                start = chain_start(text, t.end, m, timeline.times_between(t.end, m.start))
                distance = word_distance(text, t.end, start)
                if sent.clause_of(t.start) != sent.clause_of(start):
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
            found = main_trigger(text, sent, sentence_triggers, m, role, recognized, timeline, lex)
            if found is not None:
                best, far = (0.0, found), True
        trig: Trigger | None
        if best is not None:
            best = (
                best[0],
                protest_override(
                    text,
                    triggers,
                    compound_override(text, triggers, subject_override(text, triggers, best[1])),
                ),
            )
            trig = best[1]
            trig_type, strength, trigger_form = trig.type, trig.strength, trig.form
            base_strength = strength
            if far:
                strength *= FAR_FACTOR
            role = role or "object"
            reading = read_clause(text, sent, trig, m.start)
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
        if court_only and reading.subordinate:
            continue  # "jailed after he was found guilty at Wood Green Crown Court": the news
            # is the main clause's, which the court's name does not place
        headline = i == 0 and is_headline(text, sent)
        if (
            headline
            and trig is not None
            and reading.mood == "reported"
            and HEADLINE_FUTURE.search(text, sent.start, trig.start)
        ):
            reading = Reading("planned")  # "Leaders to meet in Brasília": a headline's future
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
        if i == 0 and source == "published" and (headline or not WIRE_OPENING.match(text)):
            # the first sentence, undated: a headline (also one that ends with a full stop,
            # "Man found fatally shot in Ozark."), not a wire lead "NEW YORK (AP) — …", whose
            # next sentence tells something else ("…, the minister said Thursday")
            body = (
                headline_news_date(text, timeline, triggers, trig_type)
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
        if dates is None:
            continue
        antecedent: EventReport | None = None
        if trig is None and coordinated is not None and coordinated.refers_to is not None:
            antecedent = next((r for r in reports if r.char_start == coordinated.refers_to), None)
        elif (
            trig is not None
            and DEFINITE_HEAD.fullmatch(text, sent.start, trig.start)
            and not VERBAL_TRIGGER.match(trig.form)
            and not OBJECT_AFTER.match(text, trig.end)
        ):
            # "The quake was centred off the coast of Ica": the event of the sentence before
            antecedent = antecedent_report(by_sentence, i, trig_type)
        if antecedent is not None and source not in {"clause", "sentence"}:
            dates, source, opens = antecedent.dates, "previous", antecedent.opens
        elif source == "published" and trig is not None and describes(text, sent.start, trig):
            # "The leaders said the attack in Ankara was …" after "A policeman shot the
            # ambassador on Monday": a definite description names the article's main news
            lead = lead_news(timeline, triggers, i, trig_type)
            if lead is not None:
                dates, source = lead, "previous"
        elif (
            source == "published"
            and trig is not None
            and follows_lead(timeline, i)
            and not told_from(text, sent.start, trig)
        ):
            # the second sentence goes on with the lead's news, unless the lead tells news of
            # another kind: "Two men were arrested on Saturday. They were detained in Leeds
            # after a raid …"; "A woman rolled her car … Saturday morning. … she suffered
            # head injuries when she crashed in West Springfield"
            lead = lead_news(timeline, triggers, i, trig_type)
            if lead is not None:
                dates, source = lead, "previous"
        if source == "published" and trig is not None and names_described(text, sent.start, trig):
            described.add(m.start)  # "the fatal police shooting": dated where it is told
        judged = judge_status(reading, dates, source, trig_type, i, timeline, groups)
        if judged is None:
            continue  # a plan or a possibility without a date of its own
        status, dates, source = judged
        previous_item = _previous_item(text, by_sentence.get(i), m)
        report = EventReport.build(
            text,
            sent,
            trig,
            m.place,
            (m.start, m.end),
            role=role,
            dates=dates,
            date_source=source,
            status=status,
            article=article,
            kind=trig_type,
            form=trigger_form,
            strength=strength,
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
    reports = described_dates(reports, described)
    reports = headlines_name_the_lead(reports)
    inherited = _inherited(
        text, timeline, triggers, reports, located_sentences, recognized, article
    )
    # "was arrested Thursday, following a shooting … in Adair County"
    inherited += cause_placed(text, timeline, triggers, reports, article)
    reports.extend(inherited)
    located_sentences |= {timeline.sentence_index(r.char_start) for r in inherited}
    if gazetteer is not None:
        # "The Minnesota House voted Thursday": where the body sits
        seated = seat_reports(
            text,
            triggers,
            located_sentences,
            mentions,
            timeline,
            lambda sent, trig: read_clause(text, sent, trig, None),
            gazetteer,
            article=article,
        )
        located_sentences |= {timeline.sentence_index(r.char_start) for r in seated}
        reports.extend(seated)
    focus = article_focus(text, mentions, timeline, gazetteer=gazetteer, home_country=home_country)
    if focus is not None:
        # "OTTAWA – The bill passed second reading Tuesday": the town the story is about
        reports.extend(
            focus_reports(
                text,
                focus,
                triggers,
                located_sentences,
                recognized,
                timeline,
                lambda sent, trig: read_clause(text, sent, trig, None),
                article=article,
            )
        )
    # "A Gainesville man was arrested … early Saturday": the story's main news, told with no
    # trigger tied to a place
    lead = lead_report(
        text,
        mentions,
        timeline,
        triggers,
        focus,
        judged=reports,
        article=article,
        home_country=home_country,
        home=home,
        own_town=own_town,
    )
    if lead is None and focus is None:
        # "Police have identified a man who was killed in a shooting early Saturday" in a
        # story whose happenings the rule passes placed at one town: that town
        first = story_town(reports)
        if first is not None:
            reports.extend(
                town_reports_after(
                    text,
                    first,
                    "story",
                    triggers,
                    located_sentences,
                    recognized,
                    timeline,
                    lambda sent, trig: read_clause(text, sent, trig, None),
                )
            )
    if lead is not None and focus is None:
        # "Columbia will have to pay firm for hotel" … "A judge ruled Monday that Columbia
        # taxpayers owe …": the lead's town is the story's town for the happenings after it
        later, same_news = lead_town_reports(
            text,
            lead,
            triggers,
            located_sentences,
            recognized,
            timeline,
            lambda sent, trig: read_clause(text, sent, trig, None),
        )
        reports.extend(later)
        if same_news:
            lead = None
    if lead is not None:
        reports.append(lead)
    reports = [_layered(text, r) for r in reports]
    # "When he was 11, JJ toured Ireland": a private trip no word dates is no event
    reports = [
        r
        for r in reports
        if r.date_source not in GUESSED_SOURCES
        or not senses.undated_no_event(r.type.name, r.category)
    ]
    # "A federal judge has dismissed all claims" … "dismissed the claims last Friday"
    reports = retold_dates(reports)
    reports.sort(key=lambda r: (r.char_start, r.sentence_start, r.type.name))
    return reports


def _layered(text: str, report: EventReport) -> EventReport:
    """``report`` under the map layer its sentence gives it (:func:`geo.senses.layer_category`:
    "six seniors met for dinner in Leeds" is a meeting of category "other", not diplomacy)."""
    category = senses.layer_category(
        text, report.type.name, (report.sentence_start, report.sentence_end), report.trigger
    )
    if category is None or category == report.type.category:
        return report
    return replace(report, type=replace(report.type, category=category))


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
        reading = read_clause(text, sent, t, None)
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
        # "A two-car accident here late Friday …": the sentence says where, elsewhere
        same = [r for r in same if not says_own_place(text, sent, recognized, r.place)]
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
