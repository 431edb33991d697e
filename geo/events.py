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

The passes, in order (:func:`detect_events` runs them; each lives in its own module):

1. triggers from the one lexicon (:func:`geo.lexicon.find_triggers`), their senses
   (:mod:`geo.senses`) and the words that only refer to another happening
   (:func:`geo.references.not_references`);
2. placing (:mod:`geo.placing`): each place in a locative role, its trigger, reading, dates
   and status;
3. inheriting (:mod:`geo.inherited`): a dated sentence that names no place takes the place of
   a report of its kind; a cause placed by its consequence (:mod:`geo.causes`); an
   election placed in its voters' country ("Zimbabweans went to the polls": :mod:`geo.voters`);
4. seats (:mod:`geo.seats`): "the Minnesota House voted", where the body sits; a court's act
   at the court's nation ("A Guatemalan court sentenced": :mod:`geo.nation_courts`); a
   national election or its declared result at the story's one country ("the commission
   declared John Roe the winner": :mod:`geo.nation_votes`);
5. the article's focus (:mod:`geo.focus`): the town a story is about places its unplaced
   happenings;
6. the lead (:mod:`geo.lead_event`): the story's main news when no trigger placed it; a lead
   that tells a plan gives no event but its town to the dated happenings after it
   (:mod:`geo.lead_plan`); with no focus, the crime a court story retells with its old day
   is placed at its one county or town court's seat (:mod:`geo.court_crimes`);
7. layers and retelling: the category a sentence gives (:func:`geo.senses.layer_category`),
   undated private happenings dropped, a retold happening's dates (:mod:`geo.retold`).

See docs/recognition-and-events.md for the confidence formula and the title rules.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from geo import senses
from geo.anaphors import anaphor_mentions
from geo.causes import cause_placed
from geo.chain_divisions import chained_reports
from geo.court_crimes import court_crime_reports
from geo.domestic import domestic_category
from geo.focus import article_focus
from geo.focus_reports import focus_reports, story_town, town_reports_after
from geo.inherited import inherited_reports
from geo.lead_event import lead_report, lead_town_reports
from geo.lead_plan import planned_lead_anchor
from geo.lexicon import find_triggers, load_lexicon
from geo.linking import in_no_name
from geo.nation_courts import nation_court_reports
from geo.nation_votes import nation_vote_reports
from geo.placing import place_reports
from geo.references import (
    described_dates,
    headlines_name_the_lead,
    not_references,
    sentence_span,
)
from geo.reports import GUESSED_SOURCES, EventReport
from geo.retold import retold_dates, trigger_told_dates, week_told_days
from geo.roles import court_seat, venue_seat
from geo.seats import seat_reports
from geo.status import read_clause
from geo.timeline import Timeline
from geo.voters import voter_reports
from geo.where import fold_possessors, host_seat

if TYPE_CHECKING:
    from gazetteer import Place
    from geo.clauses import Sentence
    from geo.lexicon import Trigger
    from geo.recognize import Recognized

__all__ = ["detect_events"]


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
    # a town naming a gathering's host or the gathering places it, and only it ("The Mount
    # Vernon Chamber of Commerce held its annual banquet": geo.where.host_seat)
    seats += [
        m
        for m in recognized
        if m.role == "organisation"
        and m.place.precision == 1
        and m.start not in courts
        and host_seat(text, m.end)
    ]
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
    # "exercises around the island": the island named before (geo.anaphors)
    anaphors = anaphor_mentions(text, recognized, gazetteer)
    if anaphors:
        recognized = sorted([*recognized, *anaphors], key=lambda m: m.start)
    # the court seats place court happenings only: the other passes (focus, complements)
    # read the locations alone
    placing = sorted([*recognized, *seats], key=lambda m: m.start) if seats else recognized
    triggers = not_references(
        text, senses.resolve(text, find_triggers(text), sentence_span(timeline)), timeline
    )
    # "HURRICANE, W.Va. - Officers found …": a word of a place's name is no happening
    triggers = in_no_name(text, triggers, mentions, timeline)
    placed = place_reports(
        text, placing, recognized, triggers, timeline, courts, lex, article=article
    )
    reports = placed.reports
    located_sentences = placed.located_sentences
    described = placed.described
    heads = {r.list_start for r in reports if r.list_start is not None}
    reports = [
        replace(r, list_start=r.char_start) if r.list_start is None and r.char_start in heads else r
        for r in reports
    ]
    reports = described_dates(reports, described)
    reports = headlines_name_the_lead(reports)
    inherited = inherited_reports(
        text, timeline, triggers, reports, located_sentences, recognized, article
    )
    # "was arrested Thursday, following a shooting … in Adair County"
    inherited += cause_placed(text, timeline, triggers, reports, article)
    reports.extend(inherited)
    located_sentences |= {timeline.sentence_index(r.char_start) for r in inherited}
    # "Zimbabweans went to the polls on Monday": an election in its voters' country
    voted = voter_reports(text, timeline, triggers, located_sentences, mentions, article)
    reports.extend(voted)
    located_sentences |= {timeline.sentence_index(r.char_start) for r in voted}
    focus = article_focus(text, mentions, timeline, gazetteer=gazetteer, home_country=home_country)

    def read(sent: Sentence, trig: Trigger) -> Any:
        """How ``trig``'s clause in ``sent`` tells it, for the passes that place what the
        rule passes left (:func:`geo.status.read_clause` with no lexicon)."""
        return read_clause(text, sent, trig, None)

    if gazetteer is not None:
        # "The Minnesota House voted Thursday": where the body sits
        seated = seat_reports(
            text,
            triggers,
            located_sentences,
            mentions,
            timeline,
            read,
            gazetteer,
            article=article,
            home=home,
            town=focus.place if focus is not None else None,
        )
        located_sentences |= {timeline.sentence_index(r.char_start) for r in seated}
        reports.extend(seated)
    # "A Guatemalan court has sentenced …": a court's act at the court's nation
    judged_abroad = nation_court_reports(
        text, timeline, triggers, located_sentences, mentions, article
    )
    located_sentences |= {timeline.sentence_index(r.char_start) for r in judged_abroad}
    reports.extend(judged_abroad)
    # "the Electoral Commission declared John Roe the winner": a national election in a
    # story of one country's places
    if gazetteer is not None:
        nation_votes = nation_vote_reports(
            text, timeline, triggers, located_sentences, mentions, article, gazetteer
        )
        located_sentences |= {timeline.sentence_index(r.char_start) for r in nation_votes}
        reports.extend(nation_votes)
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
                read,
                article=article,
            )
        )
    # "A Gainesville man was arrested … early Saturday": the story's main news, told with no
    # trigger tied to a place; a report the end drops as no event ("52,000 Venezuelans have
    # arrived in Brazil since 2017", undated) is no happening the lead stands beside
    judged = [r for r in reports if not _no_event(text, r, mentions, home_country)]
    # a place the text only refers back to ("drills near the island") with no date of its
    # own does not hold the story's own dated news: the lead still tells it
    referred = {m.start for m in anaphors}
    judged = [
        r for r in judged if not (r.char_start in referred and r.date_source in GUESSED_SOURCES)
    ]
    lead = lead_report(
        text,
        mentions,
        timeline,
        triggers,
        focus,
        judged=judged,
        article=article,
        home_country=home_country,
        home=home,
        own_town=own_town,
    )
    if lead is None and focus is None:
        # "Police have identified a man who was killed in a shooting early Saturday" in a
        # story whose happenings the rule passes placed at one town: that town; in a story
        # with no dated report, the place of a lead that tells a plan ("Fumo … will be
        # sentenced July 13" … "after a jury convicted him Monday")
        first = story_town(reports) or planned_lead_anchor(
            text,
            mentions,
            timeline,
            triggers,
            judged=reports,
            article=article,
            home_country=home_country,
            home=home,
            own_town=own_town,
        )
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
                    read,
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
            read,
        )
        reports.extend(later)
        if same_news:
            lead = None
    if lead is not None:
        reports.append(lead)
    if focus is None:
        # "in Clarke County Superior Court" … "attacked Sgt. Courtney Gale with a kitchen knife
        # on Dec. 11, 2007": the crime a county court's story retells is the county's
        located = located_sentences | {timeline.sentence_index(r.char_start) for r in reports}
        reports.extend(
            court_crime_reports(
                text,
                mentions,
                triggers,
                located,
                recognized,
                timeline,
                read,
                article=article,
            )
        )
    reports = [_layered(text, r, mentions, home_country) for r in reports]
    # "When he was 11, JJ toured Ireland": a private trip no word dates is no event
    reports = [r for r in reports if not _undated_trip(r)]
    # "A federal judge has dismissed all claims" … "dismissed the claims last Friday"
    reports = retold_dates(reports)
    # "has been indicted in Anderson County" … "He was indicted March 4": the day told again
    reports = trigger_told_dates(text, reports, triggers, timeline, read)
    # "a meeting to be held in Beijing next week" … "the talks, … held from Tuesday to Thursday"
    reports = week_told_days(reports, triggers, timeline)
    # "in Liangshui Village, Tangfang Town in the city of Zhaotong, … Yunnan Province": a
    # place its own phrase puts in a division that does not hold it is that division's
    reports = chained_reports(text, reports, recognized)
    reports.sort(key=lambda r: (r.char_start, r.sentence_start, r.type.name))
    return reports


def _undated_trip(report: EventReport) -> bool:
    """True when ``report`` (under its map layer) is a happening no word of the text dates
    whose type and category are no event undated (:func:`geo.senses.undated_no_event`: a
    private trip, a count of arrivals)."""
    return report.date_source in GUESSED_SOURCES and senses.undated_no_event(
        report.type.name, report.category
    )


def _no_event(
    text: str,
    report: EventReport,
    mentions: Sequence[Recognized],
    home_country: str | None,
) -> bool:
    """True when the end of :func:`detect_events` drops ``report`` as no event: an undated
    trip under the map layer its sentence gives it (:func:`_undated_trip`; the layer is
    worked out only for a report no word dates, the only kind that can be dropped)."""
    return report.date_source in GUESSED_SOURCES and _undated_trip(
        _layered(text, report, mentions, home_country)
    )


def _layered(
    text: str,
    report: EventReport,
    mentions: Sequence[Recognized],
    home_country: str | None,
) -> EventReport:
    """``report`` under the map layer its sentence gives it (:func:`geo.senses.layer_category`:
    "six seniors met for dinner in Leeds" is a meeting of category "other", not diplomacy);
    when no layer reads it, a meeting held inside one state is that state's politics
    (:func:`geo.domestic.domestic_category`, from ``mentions``, the text's place mentions,
    and ``home_country``, the outlet's)."""
    category = senses.layer_category(
        text, report.type.name, (report.sentence_start, report.sentence_end), report.trigger
    )
    if category is None:
        category = domestic_category(text, report, mentions, home_country)
    if category is None or category == report.type.category:
        return report
    return replace(report, type=replace(report.type, category=category))
