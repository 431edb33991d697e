"""What a report says about its happening, from the factuality pass (:mod:`geo.factuality`):
reported, planned, possible or background, and which dates each status may keep."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta
from typing import TYPE_CHECKING

from geo import factuality, named_happenings
from geo.clauses import (
    Sentence,
)
from geo.lexicon import Trigger, TriggerType
from geo.model import DateRange
from geo.reports import (
    around_publication,
)
from geo.timeline import Timeline

if TYPE_CHECKING:
    pass

__all__ = ["GroupsBySentence", "Reading", "judge_status", "read_clause"]

#: How many sentences before an undated report :func:`_told_long_ago` looks at.
STORY_SENTENCES = 6
#: Dates that end more than this many days before publication tell an old story.
OLD_STORY_DAYS = 366


@dataclass(frozen=True, slots=True)
class Reading:
    """What the trigger's clause says about the happening: its mood (``reported``,
    ``planned`` or ``possible``) and whether it is named as background: in a temporal
    subordinate clause or as a participle describing a noun ("prisoners jailed in …",
    :func:`geo.named_happenings.attributive`) (``subordinate``), or as a noun owned by a name
    (``named``)."""

    mood: str
    subordinate: bool = False
    named: bool = False


def _clause_span(sent: Sentence, pos: int) -> tuple[int, int]:
    k = sent.clause_of(pos)
    return sent.clauses[k], sent.clause_end(k)


def _previous_clause(sent: Sentence, clause_start: int) -> int | None:
    """The start of the clause before the one starting at ``clause_start``, if any."""
    k = sent.clauses.index(clause_start) if clause_start in sent.clauses else 0
    return sent.clauses[k - 1] if k > 0 else None


def _place_told_earlier(text: str, sent: Sentence, lo: int, place_start: int | None) -> bool:
    """True when the place stands in another clause than the trigger's (starting at ``lo``),
    after an adverb of an earlier time ("his third deployment; he previously served two
    tours in Iraq")."""
    if place_start is None or not sent.start <= place_start < sent.end:
        return False
    place_lo, _ = _clause_span(sent, place_start)
    return place_lo != lo and factuality.told_earlier(text, place_lo, place_start)


def read_clause(
    text: str, sent: Sentence, trig: Trigger, place_start: int | None
) -> Reading | None:
    """How the clause of ``trig`` presents its happening; ``None`` when it says the
    happening did not take place (negated, conditional, counterfactual) or the place is a
    destination still ahead ("on the way to Kyiv"), or when a relative clause tells a
    noun's record ("the coalition that has fought IS in Iraq":
    :func:`geo.named_happenings.relative_record`)."""
    lo, hi = _clause_span(sent, trig.start)
    mood = factuality.mood(text, lo, hi, trig.start, trig.end)
    if mood == "reported" and factuality.borrows_future(
        text, sent.clauses, sent.end, sent.clause_of(trig.start)
    ):
        mood = "planned"  # "…, then take part in a town hall meeting" after a plan
    if mood == "reported" and factuality.future_subject(text, trig.end, trig.type.name):
        mood = "planned"  # "A meeting in Alexandria will discuss the census": yet to come
    if mood == "reported" and named_happenings.relative_record(text, sent.start, trig.start):
        return None  # "the coalition that has fought IS in Iraq": a record, not news
    if mood not in {"reported", "planned", "possible"}:
        return None
    if place_start is not None and factuality.toward(text, place_start, sent.start):
        return None  # "arrives in Warsaw on the way to Kyiv": Kyiv is still ahead
    if mood != "reported":
        return Reading(mood)
    return Reading(
        mood,
        subordinate=factuality.opens_background(text, lo, hi)
        or named_happenings.attributive(text, lo, trig.start, trig.end)
        or factuality.told_earlier(text, lo, trig.start, _previous_clause(sent, lo))
        or _place_told_earlier(text, sent, lo, place_start),
        named=named_happenings.named_reference(text, lo, trig.start, trig.form),
    )


class GroupsBySentence:
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
        while j > 0 and not tl.times_in(j) and tl.continues(j):
            j -= 1
            out |= self(j)
        return out


def _told_long_ago(timeline: Timeline, sentence: int) -> bool:
    """True when every time expression of the nearest of the :data:`STORY_SENTENCES`
    sentences before ``sentence`` that has any ends more than :data:`OLD_STORY_DAYS` before
    publication: the text is telling an old story ("The ship was built in 1942 …" "It landed
    on the beaches during the invasion …"; "He has served since 1973." "… cases such as the
    double homicide"), and an undated happening in it is not the day's news."""
    published = timeline.published
    if published is None:
        return False
    dates = timeline.dates_before(sentence, STORY_SENTENCES)
    limit = published - timedelta(days=OLD_STORY_DAYS)
    return bool(dates) and all(d.end < limit for d in dates)


def judge_status(
    reading: Reading,
    dates: DateRange,
    source: str,
    type_: TriggerType,
    sentence: int,
    timeline: Timeline,
    groups: GroupsBySentence,
) -> tuple[str, DateRange, str] | None:
    """The status of a report and the dates it keeps, by the rules of the module docstring;
    ``None`` when it is not an event (a plan or possibility with no date of its own; any
    plan, possibility, later date, year or date over a year old of a ``reported_only``
    type)."""
    published = timeline.published
    if type_.reported_only:
        past = source == "clause" and published is not None and dates.end <= published
        if (reading.mood == "planned" or (reading.mood == "possible" and not past)) or (
            published is not None and dates.start > published
        ):
            # "the council will vote next week", "plans to open a store", "the board could
            # vote": not news yet. A modal with a day gone by of the trigger's own clause is
            # another verb's ("a measure that would ban … raised questions this morning at
            # the committee meeting")
            return None
        if dates.precision == "year" or (
            published is not None and dates.end < published - timedelta(days=365)
        ):
            return None  # "In 2008, the school opened a second campus": background, not news
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
            if _told_long_ago(timeline, sentence):
                return None  # "The ship was built in 1942." … "It landed … during the invasion"
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
