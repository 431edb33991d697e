"""The happenings placed at an article's focus (:mod:`geo.focus`), and the one helper that
builds a report at a place its sentence does not name (:func:`placed_report`).

:func:`focus_reports` places at the focus, with role ``focus`` (a lower confidence), the
happenings of sentences that name no place of their own; :func:`town_reports_after` does the
same after a report placed at a town, as if that town were the focus; :func:`story_town`
finds the one town the rule passes placed a story at. It promises to place a happening only
when all of these hold (each measured on the events gold and on LGL; see
docs/recognition-and-events.md):

- its trigger is of a type that happens at one spot (``focus_types`` in
  ``geo/data/where.yaml``: an arrest, a crash, a rally, a vote, a meeting; not a statement,
  a flood or a war);
- the clause reports it as done (not planned, negated, named as background) and dates it by
  its own sentence to a day or a week (a month or a year is background) no longer than
  :data:`RECENT_DAYS` before publication, or to a day longer before (an old crime the
  story retells with its day; not a death: :func:`_retold`); or, undated, it is told by a
  past verb in the sentence the dateline opens ("SEVERN, Md. — A Severn man was arrested
  after …": the day's news, dated around publication), or, for a focus the mentions give
  (not a dateline), in the lead, the first sentence after the headline ("Jane Doe, 19, of
  Alexandria, was arrested and charged with arson."; :func:`news_sentence`);
- it is outside quotes and attributions;
- its sentence holds no report and names no place but the focus itself or a country,
  first-level division or county that holds it ("the U.S. Attorney's Office", "an Anderson
  County deputy"), and no demonym ("from Montreal", "Russian"): such a sentence is about
  somewhere else, or its place was rightly refused;
- the focus places at most one happening per sentence, and per trigger group and day (a
  second arrest on another day is another happening: a town's police log), those dated
  by their own sentence before the dateline's undated news; in a sentence, a death
  (``focus_outcome_types``) after the happening that caused it ("found dead … in an apparent
  murder-suicide").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence, Set
from datetime import timedelta
from typing import TYPE_CHECKING, Any

from gazetteer import Place
from gazetteer.modifiers import demonym_entry
from geo.clauses import Sentence, in_spans
from geo.focus import CAPITALISED, FOCUS_PRECISION, Focus, has_headline
from geo.lead_towns import covers
from geo.lexicon import Trigger
from geo.reports import EventReport, around_publication, news_week
from geo.timeline import Timeline
from geo.where import load_where_words

if TYPE_CHECKING:
    from geo.model import DateRange
    from geo.recognize import Recognized

__all__ = [
    "RECENT_DAYS",
    "focus_reports",
    "news_sentence",
    "one_spot",
    "placed_report",
    "story_town",
    "town_reports_after",
    "unplaced_triggers",
]


#: A happening dated more than this many days before publication is not placed by the focus
#: (the town a story is about now need not be where it happened years ago).
RECENT_DAYS = 366

#: A trigger told by a verb in the past ("arrested", "was charged with"), not by a noun.
_PAST_FORM = re.compile(r"\w+ed\b")

#: How many characters before a trigger may hold the description of a landmark of time.
_LANDMARK_REACH = 40

#: How a focus found from the text's mentions (not a dateline, not a happening) was found.
_MENTION_SOURCES = frozenset({"dominant", "cluster", "pinned"})

#: Places that hold the focus without naming another spot ("an Anderson County deputy").
_HOLDING_KINDS = frozenset({"country", "admin1", "county"})


def focus_reports(
    text: str,
    focus: Focus,
    triggers: Sequence[Trigger],
    located_sentences: set[int],
    recognized: Sequence[Recognized],
    timeline: Timeline,
    read: Callable[[Sentence, Trigger], Any],
    *,
    article: str | None = None,
) -> list[EventReport]:
    """The happenings placed at ``focus`` (see the module docstring). ``read(sent, trig)``
    says how the trigger's clause presents it: ``None`` when it did not happen, else an object
    with ``mood`` and the ``subordinate``/``named`` background flags."""
    # (undated, position, trigger, sentence index, dates, date source) of each placeable one
    placeable: list[tuple[bool, int, Trigger, int, Any, str]] = []
    news = news_sentence(text, focus, timeline)
    for t, i, sent in unplaced_triggers(triggers, timeline, located_sentences, one_spot):
        if _names_elsewhere(text, sent, focus, recognized, timeline):
            continue
        reading = read(sent, t)
        if reading is None or reading.mood != "reported" or reading.named:
            continue
        dates, source = timeline.own_date(t.start)
        if reading.subordinate and not _dated_subordinate(text, sent, t, dates, source):
            continue
        undated = dates is None
        if undated and i == news and _PAST_FORM.search(t.form):
            # "SEVERN, Md. (ABC7) — A Severn man was arrested after …": the dateline's own
            # sentence (or the lead of a story about the focus) tells the news of the day,
            # dated like any undated report, around publication; a noun ("to close the case
            # involving the murders of …") may name an old happening
            dates, source = timeline.date_at(t.start)
            if source != "published" or timeline.published is None:
                dates = None
            else:
                dates = around_publication(timeline.published)
        elif dates is not None and not (
            _recent(dates, timeline) or _retold(dates, source, t, timeline)
        ):
            dates = None
        if dates is not None:
            placeable.append((undated, t.start, t, i, dates, source))
    # the dated first: "CLINTON — A town couple was charged …" gives way to "In a police raid
    # at their home Thursday, the couple were arrested", the day it happened
    taken: dict[str, list[Any]] = {}
    out: list[EventReport] = []
    outcomes = load_where_words().focus_outcome_types
    # within a sentence, a death yields to the happening that caused it ("found dead … in an
    # apparent murder-suicide")
    order = sorted(placeable, key=lambda c: (c[0], c[3], c[2].type.name in outcomes, c[1]))
    for undated, _, t, i, dates, source in order:
        # an undated happening may lie anywhere in the week of news: one of its kind dated
        # in it is the same one told with its day
        seen = news_week(timeline.published) if undated and timeline.published else dates
        if i in located_sentences or not _another_day(seen, taken.get(t.type.group, ())):
            continue
        taken.setdefault(t.type.group, []).append(dates)
        located_sentences = {*located_sentences, i}  # one happening per sentence
        sent = timeline.sentence(i)
        out.append(placed_report(text, t, sent, focus.place, dates, source, article, role="focus"))
    return sorted(out, key=lambda r: r.char_start)


def news_sentence(text: str, focus: Focus, timeline: Timeline) -> int:
    """The index of the sentence that tells the day's news of a story about ``focus``, whose
    undated past happening is dated around publication: the sentence the dateline opens;
    for a focus its mentions give (``dominant``, ``cluster``, ``pinned``), the lead
    (:meth:`Timeline.lead_index`; the sentence after a headline the timeline took for the
    lead, "Alexandria woman charged in connection with fire."); ``-1`` for a town a
    happening gave (``lead``, ``story``), whose own sentence is the news."""
    if focus.source == "dateline":
        return focus.sentence
    if focus.source not in _MENTION_SOURCES:
        return -1
    k = timeline.lead_index()
    if k == 0 and len(timeline) > 1 and has_headline(text, timeline):
        k = 1
    return -1 if k is None else k


def town_reports_after(
    text: str,
    anchor: EventReport,
    source: str,
    triggers: Sequence[Trigger],
    located_sentences: set[int],
    recognized: Sequence[Recognized],
    timeline: Timeline,
    read: Callable[[Sentence, Trigger], Any],
) -> list[EventReport]:
    """The happenings of the sentences after ``anchor`` (a report placed at a town) placed at
    its town as at a focus found by ``source`` (:func:`focus_reports`: a dated one-spot
    happening of a sentence that names no other place): "A judge ruled Monday that Columbia
    taxpayers owe …" after "Columbia will have to pay firm for hotel"; "Police have
    identified a man who was killed in a shooting early Saturday" after a report of the
    story's one town. An anchor at a county places as a town does (``story_area_kinds``);
    nothing for an anchor placed at a region or a country."""
    if not _story_place(anchor.place):
        return []
    k = timeline.sentence_index(anchor.char_start)
    found = focus_reports(
        text,
        Focus(anchor.place, source),
        triggers,
        located_sentences | {k},
        recognized,
        timeline,
        read,
        article=anchor.article,
    )
    return [r for r in found if timeline.sentence_index(r.char_start) > k]


def _story_place(place: Place) -> bool:
    """True for a town, or an area of ``story_area_kinds`` (a county): a place that may be a
    story's one place for the happenings after its report."""
    return place.precision == FOCUS_PRECISION or place.kind in load_where_words().story_area_kinds


def story_town(reports: Sequence[EventReport]) -> EventReport | None:
    """The first of ``reports`` (the rule passes' reports of an article in text order) placed
    at a town, when every one of them placed at a town is placed at that one: the story's
    town (``None`` for a story of several towns). With no town, the same of the reports
    placed at an area of ``story_area_kinds`` (a county: "arraigned Tuesday" in a sheriff's
    story of Henderson County); ``None`` for a story of none."""
    placed = [r for r in reports if r.place.precision == FOCUS_PRECISION]
    if not placed:
        kinds = load_where_words().story_area_kinds
        placed = [r for r in reports if r.place.kind in kinds]
    if not placed or any(r.place.id != placed[0].place.id for r in placed):
        return None
    return min(placed, key=lambda r: r.char_start)


def _another_day(dates: Any, taken: Sequence[Any]) -> bool:
    """True when ``dates``, a day or a week, overlaps none of the ``taken`` ones: the story's
    town saw a second happening of that kind ("The board met on March 9 … the parents met
    on March 10"), not the same one told again."""
    return all(dates.end < d.start or d.end < dates.start for d in taken)


def unplaced_triggers(
    triggers: Sequence[Trigger],
    timeline: Timeline,
    located: Set[int],
    keep: Callable[[Trigger], bool],
    done: Set[int] = frozenset(),
) -> Iterator[tuple[Trigger, int, Sentence]]:
    """Each trigger of ``triggers`` that ``keep`` accepts, with its sentence's index and its
    sentence, when no pass placed that sentence (its index in neither ``located`` nor
    ``done``, both read as the caller fills them) and the trigger stands outside the
    sentence's attributions and outside quotes: the happenings a later pass may still place."""
    for t in triggers:
        if not keep(t):
            continue
        i = timeline.sentence_index(t.start)
        if i in located or i in done or i >= len(timeline):
            continue
        sent = timeline.sentence(i)
        if in_spans(t.start, sent.attributions) or timeline.quote_at(t.start) is not None:
            continue
        yield t, i, sent


def one_spot(t: Trigger) -> bool:
    """True for a trigger of a type that happens at one spot of a town (``focus_types``)."""
    return t.type.name in load_where_words().focus_types


def _names_elsewhere(
    text: str,
    sent: Sentence,
    focus: Focus,
    recognized: Sequence[Recognized],
    timeline: Timeline,
) -> bool:
    """True when the sentence, outside quoted words, names a place other than the focus or a
    demonym of another country."""
    unquoted = [m for m in recognized if timeline.quote_at(m.start) is None]
    return _names_other_place(text, sent, focus, unquoted) or _names_foreign_demonym(
        text, sent, focus
    )


def _names_other_place(
    text: str, sent: Sentence, focus: Focus, recognized: Sequence[Recognized]
) -> bool:
    """True when the sentence names a place other than the focus ("driven to Winnipeg from
    Montreal"): it is about somewhere else, or its place was rightly refused. (A place in a
    chant or a quote, "chanting 'free Syria'", is not where the happening is; nor is where
    someone lives, "A Henderson County woman was sentenced", "William Doe, 24, of Elkhart
    was indicted March 4".)"""
    words = load_where_words()
    for m in recognized:
        if m.start >= sent.end:
            break
        if (
            m.start >= sent.start
            and m.place.id != focus.place.id
            and not _holds_focus(m, focus)
            and words.resident_after.match(text, m.end) is None
            and words.resident_of.search(text, max(sent.start, m.start - 8), m.start) is None
        ):
            return True
    return False


def _holds_focus(m: Recognized, focus: Focus) -> bool:
    """True when mention ``m`` names a country, first-level division or county that holds the
    focus ("the U.S. Attorney's Office", "Maryland State Police", "an Anderson County deputy"
    in a story about one of its towns): the sentence names no other spot."""
    return m.place.kind in _HOLDING_KINDS and covers(
        m.place, focus.place.geometry.representative_point()
    )


def _names_foreign_demonym(text: str, sent: Sentence, focus: Focus) -> bool:
    """True when the sentence holds the demonym of another country than the focus's ("a
    Russian diplomat was arrested")."""
    for word in CAPITALISED.finditer(text, sent.start, sent.end):
        entry = demonym_entry(word.group())
        if entry is not None and entry.country != focus.place.country:
            return True
    return False


def _dated_subordinate(
    text: str, sent: Sentence, t: Trigger, dates: DateRange | None, source: str
) -> bool:
    """True when a happening told in a temporal subordinate clause ("after a jury convicted
    him Monday", "after gunmen attack on New Year Day") is dated to a day by its own clause:
    the clause takes it as having happened, on that day. Not a description that holds its
    date, "before the Nov. 8 election": a landmark of time (``landmark_determiners``)."""
    if dates is None or source != "clause" or dates.precision != "day":
        return False
    before = text[max(sent.start, t.start - _LANDMARK_REACH) : t.start]
    return load_where_words().landmark_before.search(before) is None


def _recent(dates: Any, timeline: Timeline) -> bool:
    """True for a day or a week that ends by publication and starts no more than
    :data:`RECENT_DAYS` before it."""
    published = timeline.published
    if published is None or dates.precision not in {"day", "week"}:
        return False
    return dates.end <= published and dates.start >= published - timedelta(days=RECENT_DAYS)


def _retold(dates: Any, source: str, t: Trigger, timeline: Timeline) -> bool:
    """True for a happening its own clause (``source``) dates to a day more than
    :data:`RECENT_DAYS` before publication ("a murder that happened 15 years ago today",
    "shot to death two sharecroppers and their wives July 25, 1946"): the old crime a story
    retells, told with its day, is the town's as much as the day's news is. The day must be
    the clause's own: in "members approved this deal, and on Dec. 13, 2003, paid …" it is
    the payment's. A death so told is not (``focus_outcome_types``): an obituary's "her
    husband died on Jan. 3, 1998" is a life's background, not the town's happening."""
    published = timeline.published
    return (
        source == "clause"
        and published is not None
        and dates.precision == "day"
        and dates.end <= published
        and t.type.name not in load_where_words().focus_outcome_types
    )


def placed_report(
    text: str,
    t: Trigger,
    sent: Sentence,
    place: Place,
    dates: Any,
    source: str,
    article: str | None,
    *,
    role: str,
    status: str = "reported",
    opens: bool = False,
) -> EventReport:
    """The report of trigger ``t`` of sentence ``sent`` placed at ``place``, a place its
    sentence does not name: the article's focus (role ``focus``), a body's seat (``seat``) or
    the place of another report of the same happening (``inherited``). The report stands at
    the trigger (:meth:`EventReport.build` with the trigger's span)."""
    return EventReport.build(
        text,
        sent,
        t,
        place,
        (t.start, t.end),
        role=role,
        dates=dates,
        date_source=source,
        status=status,
        article=article,
        opens=opens,
    )
