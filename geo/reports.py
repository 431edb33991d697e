"""One article's report of one event (:class:`EventReport`), its confidence, and the date
rules every report shares: how long a happening lasts, "around publication", its quote.

Every event pass makes its reports with :meth:`EventReport.build`, which makes the quote,
the title and the confidence the same way for all of them; a new pass should too."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from gazetteer import Place
from geo.errors import GeoError
from geo.lead_dates import NEWS_WEEK_DAYS
from geo.lexicon import Trigger, TriggerType
from geo.model import DateRange
from geo.titles import title_for
from geo.vocabulary import LazyPattern, grammar_words, words

if TYPE_CHECKING:
    from geo.clauses import Sentence

__all__ = [
    "DATE_FACTOR",
    "DAY_TOLERANCE",
    "GUESSED_SOURCES",
    "NEWS_WEEK_DAYS",
    "OPEN_END_DAYS",
    "PLACE_FACTOR",
    "PUBLISHED_WINDOW_DAYS",
    "ROLE_FACTOR",
    "STATUSES",
    "STATUS_FACTOR",
    "UNKNOWN_TOLERANCE",
    "WEIGHTS",
    "WIDE_KINDS",
    "EventReport",
    "around_publication",
    "confidence",
    "dates_compatible",
    "lasting",
    "news_week",
    "open_ended",
    "quote_of",
]

#: Kinds of place too wide to tell that two reports in or near them tell one happening (a
#: country, a first-level division): used when reports are matched up within an article
#: (geo.references, geo.retold) and across articles (geo.background).
WIDE_KINDS = frozenset({"country", "admin1"})

DATE_FACTOR = {
    "day": 1.0,
    "week": 0.9,
    "month": 0.8,
    "season": 0.7,
    "year": 0.6,
    "unknown": 0.4,
}
#: Place precision (1 point, 2 near/part of, 3 region/sea/country) → confidence factor.
PLACE_FACTOR = {1: 1.0, 2: 0.9, 3: 0.8}
#: Locative role → confidence factor.
ROLE_FACTOR = {
    "in": 1.0,
    "at": 1.0,
    "on": 0.9,
    "over": 0.9,
    "across": 0.9,
    "along": 0.9,
    "inside": 1.0,
    "within": 1.0,
    "throughout": 0.9,
    "near": 0.9,
    "off": 0.9,
    "around": 0.9,
    "waters": 0.9,
    "coast": 0.9,
    "to": 0.8,
    "of": 0.8,
    "into": 0.8,
    "object": 0.8,
    "inherited": 0.6,
    "seat": 0.6,
    # an election placed in its voters' nation ("Zimbabweans went to the polls": geo/voters.py)
    "voters": 0.6,
    # a court's act placed at its nation ("A Guatemalan court sentenced": geo/nation_courts.py)
    "court": 0.6,
    # a national election placed at the story's one country (geo/nation_votes.py)
    "nation": 0.6,
    "focus": 0.5,
    # the lead's happening of an article with no other event (geo/lead_event.py)
    "lead": 0.4,
}
#: Weights of the factors in the (geometric) mean that makes an event's confidence.
WEIGHTS = {"trigger": 0.35, "role": 0.25, "date": 0.25, "place": 0.15}
#: How a report presents its happening (see the module docstring) → confidence multiplier.
STATUS_FACTOR = {"reported": 1.0, "planned": 0.85, "background": 0.85, "possible": 0.6}
#: The statuses a report may have.
STATUSES: tuple[str, ...] = tuple(STATUS_FACTOR)
#: A reported happening without a date of its own is dated to the last this many days up to
#: and including the publication day ("around publication"): news tells what happened that
#: day or the day before (of the 278 gold events of events-dev and tuning samples 4 and 6 that
#: lie in the week up to publication, 196 lie in its last two days and a day of slack; 40 are
#: the whole week, the guidelines' window for a happening no word dates). Like
#: :data:`geo.lead_dates.HOT_NEWS_DAYS`, a most likely window, shown with precision ``unknown``.
PUBLISHED_WINDOW_DAYS = 2
#: The date sources of a report no word of the text dates (:func:`around_publication`).
GUESSED_SOURCES = frozenset({"published", "none"})
#: A happening the text gives only the first day of ("starts on Oct. 22") runs this many days
#: from it when no source says when it ends: meetings, summits, drills and offensives that
#: are announced by their start mostly last days, not months (precision ``week``).
OPEN_END_DAYS = 7

# ---------------------------------------------------------------------------------------------
# Events

#: Reports with day or week precision this many days apart may be one event.
DAY_TOLERANCE = 1
#: A report dated only by its publication date matches dates this many days away.
UNKNOWN_TOLERANCE = 7


@dataclass(frozen=True, slots=True)
class EventReport:
    """One article's report of one event: what (``type``), where (``place``), when
    (``dates``), in which words (``quote``), and how sure we are (``confidence``).

    ``role`` is how the place is tied to the trigger (a preposition, a modifier rule,
    ``object`` or ``inherited``); ``date_source`` says where the date came from
    (``clause``, ``sentence``, ``previous``, ``lead`` (a present-perfect lead's last day or
    two), ``published``, or ``none`` for a floating
    background report whose ``dates`` are only the publication week, a placeholder);
    ``status`` is one of :data:`STATUSES` (see the module docstring); ``headline`` is true
    for a report from the article's headline (its first line, without a full stop).
    ``list_start`` is the offset of the first place of the list of places this report's place
    belongs to ("strikes on the Odesa, Mykolaiv and Kherson regions"), ``None`` when it is in
    no list: the items of one list are separate places, never one event. ``opens`` is
    true when the text gives only the day the happening begins ("the summit is scheduled to
    start on Oct. 22"): ``dates`` then run :data:`OPEN_END_DAYS` days from it with precision
    ``week``, and merging ends them with the window other sources give ("next week").
    ``refers_to`` is the ``char_start`` of the report of the same article that a definite
    description names ("The quake was centred off Ica" after "An earthquake shook central
    Peru"): one happening, merged with it whatever the two places.
    """

    article: str | None
    type: TriggerType
    trigger: str
    role: str
    place: Place
    char_start: int
    char_end: int
    text: str
    dates: DateRange
    date_source: str
    quote: str
    title: str
    confidence: float
    sentence_start: int = 0
    sentence_end: int = 0
    status: str = "reported"
    headline: bool = False
    list_start: int | None = None
    opens: bool = False
    refers_to: int | None = None

    def __post_init__(self) -> None:
        if not 0 <= self.confidence <= 1:
            raise GeoError(f"event confidence must be in [0, 1], got {self.confidence!r}")
        if self.status not in STATUS_FACTOR:
            raise GeoError(
                f"unknown event status {self.status!r}; expected one of {', '.join(STATUSES)}"
            )

    @classmethod
    def build(
        cls,
        text: str,
        sentence: Sentence,
        trigger: Trigger | None,
        place: Place,
        span: tuple[int, int],
        *,
        role: str,
        dates: DateRange,
        date_source: str,
        status: str = "reported",
        article: str | None = None,
        kind: TriggerType | None = None,
        form: str | None = None,
        strength: float | None = None,
        title: str | None = None,
        headline: bool = False,
        list_start: int | None = None,
        opens: bool = False,
        refers_to: int | None = None,
    ) -> EventReport:
        """The report that ``trigger`` of ``sentence`` (of ``text``) tells a happening at
        ``place``: every pass that finds an event builds its report here, so that the same
        fields are made the same way.

        ``span`` is the (start, end) offsets the report stands at: the place mention when
        the sentence names the place (``char_start``/``char_end``/``text`` are the name, the
        quote is trimmed around it, and a military title may name the partners between the
        trigger and it: "joint drill by China and Russia"); the trigger itself when the
        place comes from elsewhere (the article's focus, a body's seat, another report's
        place). ``role``, ``dates``, ``date_source`` and ``status`` are the pass's
        judgement (:class:`EventReport`); they and the trigger's strength and the place's
        precision make the :func:`confidence`.

        What the caller may override, each defaulting to the trigger's: ``kind`` (the
        trigger's ``type``), ``form`` (the word as written), ``strength`` (the pass may
        lower it, e.g. for a trigger far from its place) and ``title`` (by default
        :func:`geo.titles.title_for` of the trigger, the place and the sentence). A report
        without a trigger of its own (``trigger=None``: a place coordinated with an earlier
        one, "drones struck Odesa and Izmail") must give ``kind``, ``form`` and
        ``strength``. ``headline``, ``list_start``, ``opens`` and ``refers_to`` are stored
        as given.

        Raises :class:`GeoError` when a field is missing (no trigger and no ``kind``,
        ``form`` or ``strength``) or out of range (see ``__post_init__``)."""
        if trigger is not None:
            kind = trigger.type if kind is None else kind
            form = trigger.form if form is None else form
            strength = trigger.strength if strength is None else strength
        if kind is None or form is None or strength is None:
            raise GeoError("a report without a trigger needs its kind, form and strength")
        start, end = span
        if title is None:
            clause = text[sentence.start : sentence.end]
            title = title_for(text, trigger, kind, place, clause, sentence.start, start)
        return cls(
            article=article,
            type=kind,
            trigger=form,
            role=role,
            place=place,
            char_start=start,
            char_end=end,
            text=text[start:end],
            dates=dates,
            date_source=date_source,
            quote=quote_of(text, sentence.start, sentence.end, start),
            title=title,
            confidence=confidence(strength, role, dates.precision, place.precision, status),
            sentence_start=sentence.start,
            sentence_end=sentence.end,
            status=status,
            headline=headline,
            list_start=list_start,
            opens=opens,
            refers_to=refers_to,
        )

    @property
    def floating(self) -> bool:
        """True for background without a date of its own: it can only join a dated event."""
        return self.date_source == "none"

    @property
    def category(self) -> str:
        return self.type.category

    @property
    def group(self) -> str:
        return self.type.group


def confidence(
    trigger_strength: float,
    role: str,
    date_precision: str,
    geo_precision: int,
    status: str = "reported",
) -> float:
    """The confidence of one report: a weighted geometric mean of the trigger strength, the
    locative role, the date precision and the place precision (see :data:`WEIGHTS`), times
    the factor of its status (:data:`STATUS_FACTOR`: plans, possibilities and background
    count less than reported happenings)."""
    factors = {
        "trigger": trigger_strength,
        "role": ROLE_FACTOR.get(role, 0.7),
        "date": DATE_FACTOR.get(date_precision, 0.4),
        "place": PLACE_FACTOR.get(geo_precision, 0.8),
    }
    value = math.exp(sum(WEIGHTS[k] * math.log(max(v, 1e-6)) for k, v in factors.items()))
    value *= STATUS_FACTOR.get(status, 1.0)
    return round(min(1.0, max(0.0, value)), 3)


def open_ended(dates: DateRange, published: date | None = None) -> DateRange:
    """The dates of a happening that begins on ``dates`` (a day) and whose end the text does
    not give: :data:`OPEN_END_DAYS` days from that day, precision ``week``. Coarser ranges
    ("starts next week") already hold the start and an unknown end: unchanged.

    A start before ``published`` (the publication date, when known) is a start the story
    tells as begun ("the blaze that began Sunday" in Monday's news, "It started on Friday
    night"): its days stop at publication, the last day the story can tell of (session 40,
    wdate40); a start on or after publication keeps its days ahead ("the fair opens on
    Tuesday")."""
    if dates.precision != "day":
        return dates
    end = dates.start + timedelta(days=OPEN_END_DAYS - 1)
    if published is not None and dates.start < published:
        end = min(end, published)
    return DateRange(dates.start, end, "week")


#: "a three-day visit", "a 10-day exercise": how long the happening its trigger names lasts.
_DURATION = LazyPattern(
    lambda: rf"\b(\d{{1,2}}|{words('number_words')})[- ]day\s+(?:[\w'’-]+\s+){{0,2}}\Z",
    re.IGNORECASE,
)


def _number(word: str) -> int:
    """The value of a number word of ``number_words`` ("three" → 3): its rank in the list."""
    return grammar_words("number_words").index(word) + 1


#: A verb that makes its object's date a start: "began talks in Geneva on Monday", "kicked off
#: joint exercises" (not "opened fire on …", nor an adjective after a determiner: "at Monday's
#: open forum").
_START_VERB_BEFORE = LazyPattern(
    lambda: (
        "".join(rf"(?<!\b{re.escape(w)}\s)" for w in grammar_words("start_verb_not_after"))
        + rf"\b(?:{words('start_verbs_before')})\s+(?!(?:{words('start_verb_not_objects')})\b)"
        # "the war began after Hamas attacked": a clause opener between starts nothing
        rf"(?:(?!(?:{words('clause_openers')})\b)[\w'’-]+\s+){{0,3}}\Z"
    ),
    re.IGNORECASE,
)
#: A verb that makes its subject's date a start: "Protests began in Dakar on Monday",
#: "Fighting broke out in Goma", "The summit opened in Montevideo on Tuesday" (not "clashes
#: erupted overnight": a flare-up, not a start).
_START_VERB_AFTER = LazyPattern(
    lambda: rf"\s+(?:(?:{words('start_auxiliaries')})\s+)?(?:{words('start_verbs_after')})\b",
    re.IGNORECASE,
)


def lasting(
    text: str,
    lo: int,
    trigger: Any,
    dates: DateRange,
    starts: bool,
    published: date | None = None,
) -> tuple[DateRange, bool]:
    """The dates of a happening its clause dates by one day ``dates``: ``N`` days from it for
    "a N-day <trigger>" ("a three-day visit"); :func:`open_ended` when the expression or the
    verb of the trigger gives only a start (``starts``; "began talks on Monday", "protests
    began in Dakar on Monday"), its days stopping at ``published`` when it began before;
    else unchanged. Returns the dates and whether they are only a
    start. An ``instant`` type's happening is the day itself ("the library opened on
    Tuesday")."""
    if dates.precision != "day" or dates.start != dates.end:
        return dates, False
    if trigger is not None and trigger.type.instant:
        return dates, False
    if trigger is not None:
        found = _DURATION.search(text, max(lo, trigger.start - 40), trigger.start)
        if found is not None:
            n = found.group(1).lower()
            days = int(n) if n.isdigit() else _number(n)
            if 1 <= days <= 31:
                return DateRange(dates.start, dates.start + timedelta(days=days - 1), "day"), False
        starts = (
            starts
            or _START_VERB_BEFORE.search(text, max(lo, trigger.start - 50), trigger.start)
            is not None
            or _START_VERB_AFTER.match(text, trigger.end) is not None
        )
    if starts:
        return open_ended(dates, published), True
    return dates, False


def around_publication(published: date) -> DateRange:
    """The dates of a reported happening the text does not date: the
    :data:`PUBLISHED_WINDOW_DAYS` days up to and including ``published``, precision
    ``unknown`` (shown on the map as "around 13–14 Oct 2024")."""
    start = published - timedelta(days=PUBLISHED_WINDOW_DAYS - 1)
    return DateRange(start, published, "unknown")


def news_week(published: date) -> DateRange:
    """The :data:`NEWS_WEEK_DAYS` days up to and including ``published``, precision
    ``unknown``: where a happening the story tells as its news may lie."""
    start = published - timedelta(days=NEWS_WEEK_DAYS - 1)
    return DateRange(start, published, "unknown")


def quote_of(text: str, start: int, end: int, at: int, limit: int = 300) -> str:
    """The sentence ``text[start:end]``, whitespace-collapsed and trimmed to about ``limit``
    characters around offset ``at`` (with ellipses where cut)."""
    s = text[start:end]
    if len(s) <= limit:
        return " ".join(s.split())
    rel = at - start
    lo = max(0, rel - limit // 2)
    hi = min(len(s), lo + limit)
    lo = max(0, hi - limit)
    if lo > 0:
        space = s.find(" ", lo)
        lo = space + 1 if 0 <= space < rel else lo
    if hi < len(s):
        space = s.rfind(" ", rel, hi)
        hi = space if space > rel else hi
    out = " ".join(s[lo:hi].split())
    return ("…" if lo > 0 else "") + out + ("…" if hi < len(s) else "")


def _gap_days(a: DateRange, b: DateRange) -> int:
    """Days between the ranges (0 when they overlap or touch)."""
    if a.overlaps(b):
        return 0
    if a.end < b.start:
        return (b.start - a.end).days
    return (a.start - b.end).days


def dates_compatible(a: DateRange, b: DateRange) -> bool:
    """True when the ranges may date the same happening (see :mod:`geo.merge`)."""
    gap = _gap_days(a, b)
    if gap == 0:
        return True
    if "unknown" in (a.precision, b.precision):
        return gap <= UNKNOWN_TOLERANCE
    if a.precision in {"day", "week"} and b.precision in {"day", "week"}:
        return gap <= DAY_TOLERANCE
    return False
