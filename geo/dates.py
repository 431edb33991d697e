"""Temporal tagging: the dates a news text speaks of, anchored on its publication date.

:func:`find_dates` finds candidate spans with one compiled regex (month names only when
capitalised and backed by a day, a year or a preposition; weekdays; "yesterday"; "last week";
"two days later"…) and resolves each into a :class:`~geo.model.DateRange`. No date parser is
run over the text: "may attend", "march on", bare numbers and "Sunday Times" are not dates.

Anchoring on the publication date P (see ``docs/dates.md`` for the full rules):

- "Oct. 15" without a year takes the year that puts it nearest P; when its clause is past
  tense, the latest such day on or before P; when future, the first on or after P.
- "on Monday": the latest Monday on or before P in a past clause (P itself when P is a
  Monday), the first Monday after P in a future clause ("will", "is set to", "is expected to",
  "scheduled", "next"…).
- "last week" / "next week" / "this week": Monday–Sunday weeks (precision ``week``);
  "last month": the whole previous month; "last year": the previous calendar year.
- "this summer", "over the summer": meteorological seasons of the Northern hemisphere
  (summer = June–August); a past clause before June means last year's summer.
- "in August": the latest August up to P in a past clause, else the next one.
- "recently": precision ``unknown``, range P-30 days..P.
- Anaphoric expressions ("the day before", "a day earlier", "on the same day", "the following
  day", "two days later", "the subsequent week") are relative to the nearest preceding
  resolved expression in the text, falling back to P.

With no publication date, expressions that need P are skipped; absolute dates with a year,
and anaphoric expressions after one, still resolve.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

import ahocorasick

from geo.errors import GeoError
from geo.model import PRECISIONS, DateRange
from geo.text import Span, containing, sentences
from geo.vocabulary import alternation, load_data

__all__ = [
    "KINDS",
    "TimeExpression",
    "event_reference",
    "find_dates",
    "infer_published",
    "present_perfect",
    "start_only",
    "year_before",
]

#: The kinds of time expression, from most to least self-contained.
KINDS: tuple[str, ...] = ("absolute", "weekday", "relative", "anaphoric", "vague")


@dataclass(frozen=True, slots=True)
class TimeExpression:
    """One time expression: ``text`` is ``source[start:end]``; ``range`` its resolved dates."""

    start: int
    end: int
    text: str
    range: DateRange
    kind: str

    def __post_init__(self) -> None:
        if not 0 <= self.start < self.end:
            raise GeoError(f"bad time expression offsets {self.start}..{self.end}")
        if len(self.text) != self.end - self.start:
            raise GeoError(f"time expression {self.text!r} does not span {self.start}..{self.end}")
        if self.kind not in KINDS:
            raise GeoError(f"unknown time expression kind {self.kind!r}; expected one of {KINDS}")


# ---------------------------------------------------------------------------------------------
# Vocabulary

#: Words that anchor expressions, from ``geo/data/dates.yaml`` (read once).
_DATA = load_data("dates.yaml")


#: Month names and abbreviations → month number; weekday names → 0 (Monday) to 6.
_MONTHS = {name: i for i, names in enumerate(_DATA["months"], start=1) for name in names}
_MONTH_NAMES = tuple(names[0] for names in _DATA["months"])
_MONTH_ABBREVIATIONS = tuple(n for names in _DATA["months"] for n in names[1:])
_WEEKDAYS = {name: i for i, name in enumerate(_DATA["weekdays"])}
#: Counts written as words ("two weeks ago") → their value.
_NUMBERS: dict[str, int] = {str(k): int(v) for k, v in _DATA["numbers"].items()}
#: Parts of a month ("early October", "the end of May").
_PARTS = frozenset(
    (*_DATA["month_part_adjectives"], *(f"{w} of" for w in _DATA["month_part_nouns"]))
)
#: Meteorological seasons (Northern hemisphere): first month of each.
_SEASON_START: dict[str, int] = {str(k): int(v) for k, v in _DATA["seasons"].items()}
#: "through Wednesday", "until Friday" without a tense marker: a deadline ahead.
_WEEKDAY_UNTIL = frozenset(_DATA["weekday_until"])
#: "were to continue Monday": a plan seen from the past (future tense).
_FUTURE_IN_PAST_AUX = frozenset(_DATA["future_in_past_aux"])
_FUTURE_IN_PAST_VERBS = frozenset(_DATA["future_in_past_verbs"])
#: "the festival begins … Thursday": the present of a timetable is future.
_SCHEDULE_PRESENT = frozenset(_DATA["schedule_present"])
_RELATION_NOT_AFTER = frozenset(_DATA["relation_not_after"])
_PERFECT_AUX = frozenset(_DATA["perfect_aux"])
_PERFECT_ADVERBS = frozenset(_DATA["perfect_adverbs"])
_PERFECT_RELATIVES = frozenset(_DATA["perfect_relatives"])
_PERFECT_NOT_AFTER = frozenset(_DATA["perfect_not_after"])
_PERFECT_EXPERIENTIAL = frozenset(_DATA["perfect_experiential"])
_PERFECT_PARTICIPLES = frozenset(_DATA["perfect_participles"])
#: "the 2016 election": the words that open a year modifying the noun after it.
_YEAR_DETERMINERS = frozenset(_DATA["year_determiners"])
#: A determiner, a year, at most one lower-case word, up to the end of the searched span.
_YEAR_BEFORE = re.compile(r"(?<!\w)(\w+)\ (1[89]\d\d|20\d\d)\ (?:[a-z][a-z-]*\ )?\Z")

#: Week-like words that are names when they follow a weekday ("Black Friday").
_WEEKDAY_NAME_BEFORE = frozenset(_DATA["weekday_name_before"])

# ---------------------------------------------------------------------------------------------
# The candidate regex

_MONTH_FULL = alternation(_MONTH_NAMES)
_MONTH_ABBR = rf"(?:{alternation(_MONTH_ABBREVIATIONS)})\.?"
_MONTH = rf"(?:{_MONTH_FULL}|{_MONTH_ABBR})"
_WEEKDAY = alternation(_WEEKDAYS)
_ORDINAL = alternation(_DATA["ordinal_suffixes"])
_DAY = rf"(?:3[01]|[12]\d|0?[1-9])(?:{_ORDINAL})?"
_YEAR = r"(?:1[89]\d\d|20\d\d)"
_NUM = rf"(?:\d{{1,3}}|{alternation(_NUMBERS)})"
_UNIT = rf"(?:{alternation(_DATA['units'])})s?"
_PERIOD = rf"(?:{alternation(_DATA['periods'])})"
_SEASON = rf"(?:{alternation(_SEASON_START)})"
_PART_NOUN = rf"(?:the\ )?(?:{alternation(_DATA['month_part_nouns'])})\ of"
_PART = rf"(?:{alternation(_DATA['month_part_adjectives'])}|{_PART_NOUN})"
_BARE_MONTH_PREP = rf"(?:{alternation(_DATA['month_prepositions'])}|{_PART_NOUN})"
_YEAR_PREP = rf"(?:{alternation(_DATA['year_prepositions'])})"
_DAY_PART = rf"(?:{alternation(_DATA['day_parts'])})"
_RANGE_WORDS = alternation(_DATA["range_words"])

#: A year named relative to P after a day and month: "25 February last year", "on April 7
#: last." (British and Irish usage), "Oct. 3 this year".
_REL_YEAR = r",?\ (?P<{p}_ry>last|this|next)(?:\ year\b|(?=[.,;]))"

#: One regex branch per kind of expression; each becomes a named group.
_BRANCHES: dict[str, str] = {
    "iso": rf"""
    (?P<iso>(?<![\d-]){_YEAR}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])(?![\d-]))
    """,
    "ymd": rf"""
    (?P<ymd>(?<![\d/]){_YEAR}/(?P<ymd_m>\d{{1,2}})/(?P<ymd_d>\d{{1,2}})(?![\d/]))
    """,
    "numeric": rf"""
    (?P<numeric>(?<![\d./-])(?P<n_a>\d{{1,2}})(?P<n_sep>[/.])(?P<n_b>\d{{1,2}})(?P=n_sep)
    (?P<n_y>{_YEAR})(?![\d/-]|\.\d))
    """,
    "dmy": rf"""
    (?P<dmy>(?:(?:{_WEEKDAY}),?\ )?(?i:the\ )?(?P<dmy_d1>{_DAY})(?:\ ?[-–]\ ?(?P<dmy_d2>{_DAY}))?
    \ (?i:of\ )?(?P<dmy_m>{_MONTH})(?:,?\ (?P<dmy_y>{_YEAR})|{_REL_YEAR.format(p="dmy")})?
    (?![\w-]))
    """,
    "mdy": rf"""
    (?P<mdy>(?:(?:{_WEEKDAY}),?\ )?(?P<mdy_m>{_MONTH})\ (?P<mdy_d1>{_DAY})
    (?:\ ?[-–]\ ?(?P<mdy_d2>{_DAY}))?(?![\d:]|,\d{{3}}|\ ?(?:%|percent|per\ cent))
    (?:,?\ (?P<mdy_y>{_YEAR})(?!\d)|{_REL_YEAR.format(p="mdy")})?)
    """,
    "my": rf"""
    (?P<my>(?:(?i:(?P<my_part>{_PART})[-\ ](?:of\ )?))?(?P<my_m>{_MONTH})(?:\ of)?,?
    \ (?P<my_y>{_YEAR})(?![\d-]))
    """,
    "season_y": rf"""
    (?P<season_y>(?i:(?:the\ )?(?P<sy_s>{_SEASON})(?:\ of)?\ )(?P<sy_y>{_YEAR})(?!\d))
    """,
    "bare_m": rf"""
    (?P<bare_m>(?i:(?P<bm_prep>{_BARE_MONTH_PREP})[-\ ](?:of\ )?)
    (?P<bm_m>{_MONTH_FULL}|{_MONTH_ABBR}(?=\s))
    (?!\ ?\d{{1,2}}(?:{_ORDINAL})?\b(?!,\d{{3}}|\ ?(?:%|percent|per\ cent))
    |\ ?\d{{4}}\b|['’]s|\ [A-Z]))
    """,
    "year": rf"""
    (?P<year>(?i:(?P<y_prep>{_YEAR_PREP})\ (?:the\ year\ )?)(?P<y_y>{_YEAR})
    (?![\d-]|\ ?(?:%|percent)))
    """,
    "weekday": rf"""
    (?P<weekday>(?:(?P<wd_prep>(?i:{alternation(_DATA["weekday_prepositions"])}))\ )?
    (?P<wd>{_WEEKDAY})
    (?:['’]s)?(?:\ (?i:{_DAY_PART}))?)
    """,
    "deictic": rf"""
    (?P<deictic>(?i:{alternation(_DATA["deictic"])}|overnight(?!\ (?:into|to|on)\ )))
    """,
    "period": rf"""
    (?P<period>(?i:(?:(?P<p_mod>{alternation(_DATA["period_modifiers"])}
    |a(?=\ weekend\ (?!(?:{alternation(_DATA["weekend_not_before"])})\b)[a-z]))
    |the\ (?P<p_mod2>{alternation(_DATA["period_modifiers_after_the"])}))
    \ (?P<p_unit>{_PERIOD})))
    """,
    "ago": rf"""
    (?P<ago>(?i:(?P<ago_n>{_NUM})\ (?P<ago_u>{_UNIT})
    \ (?P<ago_dir>{alternation(_DATA["ago_directions"])})
    (?:\ (?P<ago_today>today|this\ (?:week|month)))?))
    """,
    "anaphor": rf"""
    (?P<anaphor>(?i:(?:on\ )?the\ (?:{alternation(_DATA["anaphor_day_modifiers"])})\ day
    |that\ (?:same\ )?day|the\ day\ (?:{alternation(_DATA["anaphor_day_directions"])})
    |the\ night\ before
    |(?:hours|moments|minutes)\ later
    |(?:a|one)\ day\ (?:{alternation(_DATA["anaphor_day_directions"])})
    |that\ (?:same\ )?(?:week|month)))
    """,
    "evrel": r"""
    (?P<evrel>(?i:(?P<ev_u>hours|days)\ (?P<ev_dir>after|before)))
    """,
    "vague": rf"""
    (?P<vague>(?i:recently|lately|in\ recent\ (?:{alternation(_DATA["units"])})s
    |in\ the\ (?:past|last)\ (?:few\ )?(?:days|weeks|months)
    |in\ the\ coming\ (?:days|weeks|months)|in\ the\ near\ future))
    """,
}
#: Which branches can match around each kind of trigger word.
_TRIGGER_BRANCHES: dict[str, tuple[str, ...]] = {
    "month": ("dmy", "mdy", "my", "bare_m"),
    "weekday": ("dmy", "mdy", "weekday"),
    "time": ("season_y", "deictic", "period", "ago", "anaphor", "evrel", "vague"),
    "year": ("iso", "ymd", "numeric", "year"),
}


def _compile(names: tuple[str, ...]) -> re.Pattern[str]:
    body = "\n  | ".join(_BRANCHES[n] for n in names)
    return re.compile(rf"(?<!\w)(?:{body})(?!\w)", re.VERBOSE)


#: All branches in one regex: what a whole-text scan would use (the benchmark's baseline).
_CANDIDATES = _compile(tuple(_BRANCHES))
_BY_TRIGGER: dict[str, re.Pattern[str]] = {k: _compile(v) for k, v in _TRIGGER_BRANCHES.items()}
_WORD_BEFORE = re.compile(r"(\w+)\W*$")

# ---------------------------------------------------------------------------------------------
# Finding candidates fast
#
# Running the candidate regex over a whole article costs about half a microsecond per
# character (it has many branches). Instead, one Aho-Corasick pass finds trigger words (month
# and weekday names, "yesterday", "week", "days", "recently", years…), and the regex is only
# tried at the trigger and at the few words before it that can open an expression ("in",
# "last", "the following", "two"…).

_TRIGGERS_EXACT = (
    *_MONTHS,
    *_WEEKDAYS,
)
_TRIGGERS_ANY_CASE = tuple(_DATA["trigger_words"])
_YEAR_PREFIXES = ("18", "19", "20")


#: Words that can open an expression before its trigger word.
_PREFIX_WORDS = frozenset(_DATA["prefix_words"]) | frozenset(w.lower() for w in _WEEKDAYS)
_MAX_PREFIX_WORDS = 5


def _trigger_automaton() -> ahocorasick.Automaton:
    automaton = ahocorasick.Automaton()
    for word in _TRIGGERS_EXACT:
        automaton.add_word(word, (len(word), "weekday" if word in _WEEKDAYS else "month"))
    for word in _TRIGGERS_ANY_CASE:
        for variant in (word, word.capitalize()):
            automaton.add_word(variant, (len(word), "time"))
    for prefix in _YEAR_PREFIXES:
        automaton.add_word(prefix, (-1, "year"))  # a year if four digits stand alone
    automaton.make_automaton()
    return automaton


_TRIGGER_AUTOMATON = _trigger_automaton()


def _triggers(text: str) -> list[tuple[int, int, str]]:
    """(start, end, kind) of trigger words, whole words only, in text order."""
    out: list[tuple[int, int, str]] = []
    n = len(text)
    for last, (length, kind) in _TRIGGER_AUTOMATON.iter(text):
        if length < 0:
            start, end = last - 1, last + 3
            if end > n or not text[last + 1 : end].isdigit():
                continue
        else:
            start, end = last + 1 - length, last + 1
        if (start == 0 or not text[start - 1].isalnum()) and (end == n or not text[end].isalnum()):
            out.append((start, end, kind))
    return out


#: The word before a position, read right to left: one to three separators (space, comma,
#: hyphen, dash, no-break space), then letters, digits and periods.
_WORD_BEFORE_REVERSED = re.compile(r"[ ,\-–\u00a0]{1,3}(?:[^\W_]|\.)+")


def _word_before_reversed(reversed_text: str, pos: int) -> int | None:
    """Start of the word before ``pos`` in the text (separated from it by at most three
    spaces, hyphens or commas), if any; ``reversed_text`` is the text reversed, so this is
    one regex match instead of a loop over characters."""
    n = len(reversed_text)
    m = _WORD_BEFORE_REVERSED.match(reversed_text, n - pos)
    return None if m is None else n - m.end()


_NUMERIC_PREFIX = re.compile(r"\d{1,2}([/.])\d{1,2}\1\Z")


def _candidates(text: str) -> list[re.Match[str]]:
    """Non-overlapping candidate matches, in text order."""
    out: list[re.Match[str]] = []
    last_end = 0
    reversed_text = text[::-1]
    for start, end, kind in _triggers(text):
        if start < last_end:
            continue
        match = _BY_TRIGGER[kind].match
        starts = [start]
        cur = start
        if start >= 4 and text[start - 1] in "/.":  # a year ending "16/10/2024"
            numeric = _NUMERIC_PREFIX.search(text, start - 6, start)
            if numeric is not None and numeric.start() >= last_end:
                starts.append(numeric.start())
        for _ in range(_MAX_PREFIX_WORDS):
            ws = _word_before_reversed(reversed_text, cur)
            if ws is None or ws < last_end:
                break
            word = text[ws:cur].rstrip(" ,-–\u00a0").rstrip(".").lower()
            if word not in _PREFIX_WORDS and not (
                word[:2].isdigit() or (word[:1].isdigit() and len(word) <= 4)
            ):
                break
            starts.append(ws)
            cur = ws
        best: re.Match[str] | None = None
        for st in reversed(starts):  # earliest first; the longest match wins
            m = match(text, st)
            if m is not None and m.end() >= end and (best is None or m.end() > best.end()):
                best = m
        if best is not None:
            out.append(best)
            last_end = best.end()
    return out


# ---------------------------------------------------------------------------------------------
# Tense
#
# The tense of a clause comes from its words: future markers ("will", "is set to",
# "scheduled", "next"…) and past markers ("was", "said", "met", words in -ed…). The marker
# nearest to the expression in its clause decides; else the nearest in its sentence.

_TOKEN = re.compile(r"[\w'’]+|[;:—–()]|,")
_FUTURE_WORDS = frozenset(_DATA["future_words"])
_FUTURE_BEFORE_TO = frozenset(_DATA["future_before_to"])
_PAST_WORDS = frozenset(_DATA["past_words"])
_NOT_PAST_ED = frozenset(_DATA["not_past_ed"])
_TENSE_WINDOW = 100
_PASSIVE_AUX = frozenset(_DATA["passive_aux"])
_BREAKS = frozenset(";:—–()")
_CLAUSE_WORDS = frozenset(_DATA["clause_words"])
#: Every token that can carry a mark (besides words in -ed and -'ll).
_MARKED = (
    _BREAKS
    | {","}
    | _FUTURE_WORDS
    | _FUTURE_BEFORE_TO
    | _PAST_WORDS
    | _PERFECT_AUX
    | _SCHEDULE_PRESENT
)


_LL = ("'ll", "’ll")


def _mark(tokens: list[str], i: int) -> str:
    """The tense mark of ``tokens[i]`` (reading order): "f", "p", "|" (clause break), ""."""
    w = tokens[i]
    if w in _BREAKS:
        return "|"
    if w == ",":
        return "|" if i + 1 < len(tokens) and tokens[i + 1].lower() in _CLAUSE_WORDS else ""
    low = w.lower()
    if low in _FUTURE_WORDS or low.endswith(_LL) or (low in _SCHEDULE_PRESENT and w.islower()):
        return "f"
    if low in _FUTURE_BEFORE_TO:
        return "f" if i + 1 < len(tokens) and tokens[i + 1] == "to" else ""
    if (
        low in _FUTURE_IN_PAST_AUX
        and i + 2 < len(tokens)
        and tokens[i + 1] == "to"
        and tokens[i + 2].lower() in _FUTURE_IN_PAST_VERBS
    ):
        return "f"  # "talks were to continue Monday": a plan seen from the past
    if low in _PAST_WORDS or (
        len(w) > 4 and w.endswith("ed") and w.islower() and w not in _NOT_PAST_ED
    ):
        # A participle after "be" is passive ("will be held"): its auxiliary decides.
        return "" if i and tokens[i - 1].lower() in _PASSIVE_AUX else "p"
    if low in _PERFECT_AUX and i + 1 < len(tokens):
        nxt = tokens[i + 1].lower()
        if nxt == "been" or nxt in _PAST_WORDS or nxt.endswith("ed"):
            return "p"  # present perfect: "has met", "have been"
    return ""


def _nearest(tokens: list[str], order: range) -> tuple[int, str, bool] | None:
    """The first marked token walking ``order``: (distance in tokens, mark, crossed a
    clause break on the way)."""
    crossed = False
    for k, i in enumerate(order):
        w = tokens[i]
        if w[-2:] != "ed" and w[-3:] not in _LL and w.lower() not in _MARKED:
            continue  # most words: skip the full classification
        mark = _mark(tokens, i)
        if mark == "|":
            crossed = True
        elif mark:
            return k, mark, crossed
    return None


def _tense(text: str, sentence: Span, start: int, end: int) -> str:
    """``"future"``, ``"past"`` or ``""`` for the expression at ``start..end``.

    Walks outwards from the expression through the words of its sentence (within
    ``_TENSE_WINDOW`` characters) to the nearest tense marker; a marker in the same clause
    beats a nearer one across a clause break; on a tie, future wins ("will be held").
    """
    before = _TOKEN.findall(text, max(sentence.start, start - _TENSE_WINDOW), start)
    after = _TOKEN.findall(text, end, min(sentence.end, end + _TENSE_WINDOW))
    found = [
        hit
        for hit in (
            _nearest(before, range(len(before) - 1, -1, -1)),
            _nearest(after, range(len(after))),
        )
        if hit is not None
    ]
    if not found:
        return ""
    found.sort(key=lambda h: (h[2], h[0], h[1] != "f"))
    return "future" if found[0][1] == "f" else "past"


# ---------------------------------------------------------------------------------------------
# Calendar arithmetic


def _month_range(year: int, month: int) -> tuple[date, date]:
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def _add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    k = year * 12 + (month - 1) + delta
    return k // 12, k % 12 + 1


def _week_of(d: date) -> tuple[date, date]:
    monday = d - timedelta(days=d.weekday())
    return monday, monday + timedelta(days=6)


def _season_range(year: int, season: str) -> tuple[date, date]:
    """The season that starts in ``year`` (winter: December ``year`` to February)."""
    first = _SEASON_START[season]
    y2, m2 = _add_months(year, first, 2)
    return date(year, first, 1), _month_range(y2, m2)[1]


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _coarser(a: str, b: str) -> str:
    return a if PRECISIONS.index(a) >= PRECISIONS.index(b) else b


def _shift(r: DateRange, days: int, precision: str | None = None) -> DateRange:
    delta = timedelta(days=days)
    return DateRange(r.start + delta, r.end + delta, precision or r.precision)


def _dr(start: date, end: date, precision: str) -> DateRange:
    return DateRange(start, end, precision)


# ---------------------------------------------------------------------------------------------
# Resolution


@dataclass(slots=True)
class _Context:
    text: str
    published: date | None
    anchor: DateRange | None = None  # the last resolved expression
    _sentences: list[Span] | None = None
    #: Expressions relative to an event the text names ("two days after the summit"): the
    #: match and its shift (days, or a unit and a count), resolved once every date is known.
    on_events: list[tuple[re.Match[str], int, str]] = field(default_factory=list)
    #: Where the last resolved expression starts (``anchor``'s position).
    anchor_start: int = -1
    #: The happenings of clauses "N days after <clause>" dates, at their "after"/"before".
    relations: list[TimeExpression] = field(default_factory=list)

    def tense(self, start: int, end: int) -> str:
        """The tense of the clause around ``start..end``, from the words of its sentence
        within ``_TENSE_WINDOW`` characters of it."""
        if self._sentences is None:
            self._sentences = sentences(self.text)
        sentence = containing(self._sentences, start)
        if sentence is None:
            return ""
        return _tense(self.text, sentence, start, end)

    def past_verb_governs(self, start: int) -> bool:
        """True when a past verb is right before the expression at ``start``, at most a
        preposition between them ("started on Oct. 20", "responded April 20")."""
        tokens = _TOKEN.findall(self.text, max(0, start - 40), start)
        hit = _nearest(tokens, range(len(tokens) - 1, -1, -1))
        return hit is not None and hit[1] == "p" and hit[0] <= 1 and not hit[2]


def _day_number(s: str) -> int:
    return int(s.rstrip("stndrh"))


#: A year-less day at most this far ahead of P stays in P's year in a past clause.
_PLAN_AHEAD = timedelta(days=60)


def _year_for(ctx: _Context, month: int, day: int, start: int, end: int) -> int | None:
    """The year of a day-month date without a year (see the module docstring)."""
    p = ctx.published
    if p is None:
        return None
    tense = ctx.tense(start, end)
    candidates = [
        (y, d) for y in (p.year - 1, p.year, p.year + 1) if (d := _safe_date(y, month, day))
    ]
    if not candidates:
        return None
    if tense == "past":
        ahead = _safe_date(p.year, month, day)
        if (
            ahead is not None
            and timedelta(0) < ahead - p <= _PLAN_AHEAD
            and not ctx.past_verb_governs(start)
        ):
            # "pilots voted to strike from Dec. 23", "called a general election on June 25": a
            # day shortly ahead in a past clause is a plan, not that day a year back (news
            # would name the year); "the fire started on Oct. 20" stays a year back
            return p.year
        past = [c for c in candidates if c[1] <= p]
        if past:
            return past[-1][0]
    elif tense == "future":
        future = [c for c in candidates if c[1] >= p]
        if future:
            return future[0][0]
    return min(candidates, key=lambda c: abs((c[1] - p).days))[0]


def _resolve_dmy(ctx: _Context, m: re.Match[str], prefix: str) -> tuple[DateRange, str] | None:
    month = _MONTHS[m.group(f"{prefix}_m").rstrip(".")]
    d1 = _day_number(m.group(f"{prefix}_d1"))
    d2s = m.group(f"{prefix}_d2")
    d2 = _day_number(d2s) if d2s else d1
    ys = m.group(f"{prefix}_y")
    rel = m.group(f"{prefix}_ry")
    if ys:
        year = int(ys)
    elif rel and ctx.published is not None:
        year = ctx.published.year + {"last": -1, "this": 0, "next": 1}[rel]
        if not m.group(prefix).endswith("year"):  # "April 7 last": the latest April 7
            latest = _safe_date(ctx.published.year, month, d1)
            year += latest is not None and latest <= ctx.published
    else:
        year = _year_for(ctx, month, d1, m.start(), m.end())
    if year is None:
        return None
    a, b = _safe_date(year, month, d1), _safe_date(year, month, d2)
    if a is None or b is None or b < a:
        return None
    return _dr(a, b, "day"), "absolute"


def _resolve_month_year(ctx: _Context, m: re.Match[str]) -> tuple[DateRange, str] | None:
    month = _MONTHS[m.group("my_m").rstrip(".")]
    year = int(m.group("my_y"))
    start, end = _month_range(year, month)
    part = m.group("my_part")
    if part:
        return _month_part(start, end, part.lower()), "absolute"
    return _dr(start, end, "month"), "absolute"


def _month_part(start: date, end: date, part: str) -> DateRange:
    """Early (1–10), mid (11–20) or late (21–end) month; precision ``week``."""
    part = part.removeprefix("the ")
    if part in ("early", "beginning of", "start of"):
        return _dr(start, start.replace(day=10), "week")
    if part in ("mid", "middle of"):
        return _dr(start.replace(day=11), start.replace(day=20), "week")
    return _dr(start.replace(day=21), end, "week")


def _resolve_bare_month(ctx: _Context, m: re.Match[str]) -> tuple[DateRange, str] | None:
    p = ctx.published
    if p is None:
        return None
    month = _MONTHS[m.group("bm_m").rstrip(".")]
    prep = " ".join(m.group("bm_prep").lower().split())
    if prep == "last":
        year = p.year if month < p.month else p.year - 1
    elif prep == "next":
        year = p.year if month > p.month else p.year + 1
    elif prep == "this":
        year = p.year
    else:
        tense = ctx.tense(m.start(), m.end())
        if prep in ("since", "after", "from") and tense != "future":
            tense = "past"
        if prep in ("until", "till", "by", "before") and tense == "":
            tense = "future" if month > p.month else "past"
        if tense == "future":
            year = p.year if month >= p.month else p.year + 1
        else:
            year = p.year if month <= p.month else p.year - 1
    start, end = _month_range(year, month)
    if prep.removeprefix("the ") in _PARTS:
        return _month_part(start, end, prep), "relative"
    return _dr(start, end, "month"), "relative"


def _resolve_weekday(ctx: _Context, m: re.Match[str]) -> tuple[DateRange, str] | None:
    p = ctx.published
    if p is None:
        return None
    wd = _WEEKDAYS[m.group("wd")]
    prep = (m.group("wd_prep") or "").lower()
    if not prep:
        # A bare weekday before a capitalised word is a name ("Sunday Times"), as is one
        # after "Black", "Good"… ("Black Friday").
        after = ctx.text[m.end() : m.end() + 2]
        if len(after) == 2 and after[0] == " " and after[1].isupper():
            return None
        before = _WORD_BEFORE.search(ctx.text, max(0, m.start() - 20), m.start())
        if before and before.group(1).lower() in _WEEKDAY_NAME_BEFORE:
            return None
    back = (p.weekday() - wd) % 7  # days back to the latest such weekday on or before P
    ahead = (wd - p.weekday()) % 7  # days forward to the first one on or after P
    if prep in ("last", "past"):
        d = p - timedelta(days=back or 7)
    elif prep in ("next", "coming"):
        d = p + timedelta(days=ahead or 7)
    elif prep == "this":
        d = _week_of(p)[0] + timedelta(days=wd)
    else:
        tense = ctx.tense(m.start(), m.end())
        if tense == "" and prep in _WEEKDAY_UNTIL and not _ends_range(ctx.text, m.start()):
            tense = "future"  # "the road is closed through Wednesday": a deadline ahead
        # News names the publication day by its weekday ("talks resume Wednesday" in a
        # Wednesday story is today); a week later would be "next Wednesday".
        d = p + timedelta(days=ahead) if tense == "future" else p - timedelta(days=back)
    return _dr(d, d, "day"), "weekday"


_DATE_WORD_BEFORE = re.compile(
    rf"(?:{_WEEKDAY}|{_MONTH}|\d|{_DAY_PART}|a\.?m\.?|p\.?m\.?)[,.]?[ \t]*\Z",
    re.IGNORECASE,
)


def _ends_range(text: str, pos: int) -> bool:
    """True when the expression at ``pos`` ("through Friday") closes a range that a date or a
    time right before it opens ("Monday through Friday", "9 a.m. until Friday")."""
    return bool(_DATE_WORD_BEFORE.search(text, max(0, pos - 20), pos))


def _resolve_deictic(ctx: _Context, m: re.Match[str]) -> tuple[DateRange, str] | None:
    p = ctx.published
    if p is None:
        return None
    raw = m.group("deictic")
    if raw[0].isupper() and _after_capitalised_word(ctx.text, m.start()):
        return None  # a name: "USA Today", "Good Morning Today"
    word = " ".join(raw.lower().split())
    offset = {
        "yesterday": -1,
        "last night": -1,
        "tomorrow": 1,
        "the day before yesterday": -2,
    }.get(word, 0)
    d = p + timedelta(days=offset)
    return _dr(d, d, "day"), "relative"


def _after_capitalised_word(text: str, pos: int) -> bool:
    """True when ``pos`` follows a capitalised word in the same sentence ("USA Today")."""
    before = _WORD_BEFORE.search(text, max(0, pos - 30), pos)
    return bool(before and before.group(1)[0].isupper() and text[before.end(1) : pos].strip() == "")


def _resolve_period(ctx: _Context, m: re.Match[str]) -> tuple[DateRange, str] | None:
    unit = m.group("p_unit").lower()
    mod2 = m.group("p_mod2")
    mod = " ".join((mod2 or m.group("p_mod")).lower().split())
    if mod2 is not None and mod in ("last", "coming"):
        mod = "past" if mod == "last" else "next"  # "in the last week": the past seven days
    anaphoric = mod in ("previous", "following", "subsequent", "same") or (
        mod2 is not None and mod == "next"
    )
    if anaphoric:
        base = ctx.anchor or (DateRange.day(ctx.published) if ctx.published is not None else None)
        if base is None:
            return None
        step = {"previous": -1, "same": 0}.get(mod, 1)
        if unit in _SEASON_START:
            return _season_step(base.start, unit, step), "anaphoric"
        return _period_step(base.start, unit, step), "anaphoric"
    p = ctx.published
    if p is None:
        return None
    if mod == "past" and unit in ("week", "month", "year"):
        days = {"week": 7, "month": 30, "year": 365}[unit]
        return _dr(p - timedelta(days=days), p, unit), "relative"
    if mod in ("over the", "in the", "during the", "at the", "throughout the"):
        tense = ctx.tense(m.start(), m.end())
        mod = "next" if tense == "future" and unit in _SEASON_START else "this"
        if unit in ("week", "month", "year"):
            return None  # "in the week" is not a date on its own
    step = {"last": -1, "next": 1, "coming": 1}.get(mod, 0)
    if unit in _SEASON_START:
        return _season(ctx, m, p, unit, step), "relative"
    if mod == "past" and unit == "weekend":
        mod = "last"
    if mod == "a":
        # "at a weekend rally", "in a weekend statement": news names the weekend just gone
        # (6 of the 7 uses on LGL, GeoWebNews and TR-News; the seventh generic)
        mod = "last" if p.weekday() < 5 else "this"
    if unit == "weekend":
        return _weekend(ctx, m, p, mod), "relative"
    r = _period_step(p, unit, step)
    if mod == "earlier this":
        return _dr(r.start, max(r.start, p), unit), "relative"
    if mod == "later this":
        return _dr(min(p, r.end), r.end, unit), "relative"
    if mod == "this" and r.end > p and ctx.tense(m.start(), m.end()) == "past":
        # "traveled to Nashville this week": what is told as done is done by publication
        return _dr(r.start, max(r.start, p), unit), "relative"
    return r, "relative"


def _period_step(d: date, unit: str, step: int) -> DateRange:
    """The week, weekend, month or year containing ``d``, moved by ``step`` of them."""
    if unit in ("week", "weekend"):
        monday = _week_of(d)[0] + timedelta(weeks=step)
        if unit == "weekend":
            return _dr(monday + timedelta(days=5), monday + timedelta(days=6), "day")
        return _dr(monday, monday + timedelta(days=6), "week")
    if unit == "month":
        y, mo = _add_months(d.year, d.month, step)
        return _dr(*_month_range(y, mo), "month")
    return _dr(date(d.year + step, 1, 1), date(d.year + step, 12, 31), "year")


def _season_step(d: date, season: str, step: int) -> DateRange:
    """The season named ``season``: the last one ended before ``d`` (step -1), the first
    one starting after it (step 1), or the one of ``d``'s season-year (step 0)."""
    year = d.year - 1 if season == "winter" and d.month <= 2 else d.year
    start, end = _season_range(year, season)
    if step < 0 and end >= d:
        year -= 1
    elif step > 0 and start <= d:
        year += 1
    return _dr(*_season_range(year, season), "season")


def _season(ctx: _Context, m: re.Match[str], p: date, season: str, step: int) -> DateRange:
    """ "last summer", "next winter", "this summer", "over the summer" relative to P."""
    if step:
        return _season_step(p, season, step)
    r = _season_step(p, season, 0)
    tense = ctx.tense(m.start(), m.end())
    if tense == "past" and r.start > p:
        return _season_step(p, season, -1)
    if tense == "future" and r.end < p:
        return _season_step(p, season, 1)
    return r


def _weekend(ctx: _Context, m: re.Match[str], p: date, mod: str) -> DateRange:
    """Saturday–Sunday: "last weekend" ended before P, "next weekend" starts after it,
    "this/over the weekend" is the latest one up to P in a past clause, else this week's."""
    saturday = _week_of(p)[0] + timedelta(days=5)
    if mod == "last":
        if saturday + timedelta(days=1) >= p:
            saturday -= timedelta(days=7)
    elif mod in ("next", "coming"):
        if saturday <= p:
            saturday += timedelta(days=7)
    elif ctx.tense(m.start(), m.end()) != "future" and saturday > p:
        saturday -= timedelta(days=7)
    return _dr(saturday, saturday + timedelta(days=1), "day")


def _resolve_ago(ctx: _Context, m: re.Match[str]) -> tuple[DateRange, str] | None:
    raw = " ".join(m.group("ago_n").lower().split())
    n = int(raw) if raw.isdigit() else _NUMBERS.get(raw)
    if n is None:
        return None
    unit = m.group("ago_u").lower().rstrip("s")
    direction = m.group("ago_dir").lower()
    sign = 1 if direction in ("later", "after", "since") else -1
    if direction in ("after", "before") and _dates_a_clause(ctx, m, -sign * n, unit):
        return None
    if direction in ("after", "before") and _event_follows(ctx.text, m.end()):
        # "two days after the summit": relative to an event, dated once the text's dates
        # are known (:func:`_resolve_on_events`)
        ctx.on_events.append((m, sign * n, unit))
        return None
    if direction == "ago" and m.group("ago_today") and ctx.published is not None:
        return _ago_today(ctx.published, n, unit, m.group("ago_today").lower()), "relative"
    if direction == "ago":
        base = DateRange.day(ctx.published) if ctx.published is not None else None
        kind = "relative"
    else:
        base = ctx.anchor or (DateRange.day(ctx.published) if ctx.published is not None else None)
        kind = "anaphoric"
    if base is None:
        return None
    d = base.start
    if unit == "day":
        return _shift(base, sign * n), kind
    if unit == "week":
        if base.rank > PRECISIONS.index("week"):  # "three weeks before" a month: shift it
            return _shift(base, 7 * sign * n), kind
        return _dr(*_week_of(d + timedelta(weeks=sign * n)), "week"), kind
    if unit == "month":
        y, mo = _add_months(d.year, d.month, sign * n)
        return _dr(*_month_range(y, mo), _coarser(base.precision, "month")), kind
    return _dr(date(d.year + sign * n, 1, 1), date(d.year + sign * n, 12, 31), "year"), kind


def _ago_today(p: date, n: int, unit: str, today: str) -> DateRange:
    """ "15 years ago today": the publication day (or its week or month, for "ago this week")
    moved back N units, as precise as the anniversary word."""
    if unit == "day":
        d = p - timedelta(days=n)
    elif unit == "week":
        d = p - timedelta(weeks=n)
    else:
        months = n * (12 if unit == "year" else 1)
        y, mo = _add_months(p.year, p.month, -months)
        d = _safe_date(y, mo, p.day) or _month_range(y, mo)[1]
    if today == "today":
        return _dr(d, d, "day")
    if today == "this week":
        return _dr(*_week_of(d), "week")
    return _dr(*_month_range(d.year, d.month), "month")


#: At most this many words before "N days after" when the main clause is the news itself.
RELATION_SUBJECT_WORDS = 4
_RELATION_SUBJECT = re.compile(r"[ \t]+(?:\d|[^\W\d_]+)")


def _dates_a_clause(ctx: _Context, m: re.Match[str], shift: int, unit: str) -> bool:
    """ "Sunday's explosion came two days after two bombs killed six police officers in
    Giza", "It comes a week after 44 people were killed in Istanbul": the clause after
    "after"/"before" tells a happening ``shift`` units from the main clause's time (the
    expression before it in its sentence, else the publication day). Adds that date at the
    word "after"/"before", so that it dates the clause it opens, and returns True; returns
    False (nothing added) for an event named by a noun phrase ("a week after the
    earthquake": :func:`_resolve_on_events`), a duration ("worked for ten years before
    becoming a lawyer", "another two years before …"), a future clause, or no clause."""
    text, word = ctx.text, m.group("ago_dir")
    nxt = _NEXT_WORD.match(text, m.end())
    if nxt is None or nxt.group(1).lower() in _EVENT_OPENERS - _RELATION_PRONOUNS:
        return False
    if not _RELATION_SUBJECT.match(text, m.end()):
        return False
    before = _TOKEN.findall(text, max(0, m.start() - 20), m.start())
    if before and before[-1].lower() in _RELATION_NOT_AFTER:
        return False
    if ctx.tense(m.start(), m.end()) == "future":
        return False
    if ctx._sentences is None:
        ctx._sentences = sentences(text)
    sent = containing(ctx._sentences, m.start())
    if sent is None:
        return False
    if ctx.anchor is not None and sent.start <= ctx.anchor_start:
        if ctx.anchor.rank > PRECISIONS.index("week"):
            return False  # "last month, several days after …": no day to count from
        base = ctx.anchor
    elif (
        ctx.published is not None
        and shift < 0
        and len(_WORD_TOKEN.findall(text, sent.start, m.start())) <= RELATION_SUBJECT_WORDS
    ):
        # "It comes a week after …", "The blast came two days after …": the main clause is
        # the news itself; not "In an interview several days after …", whose time is unknown
        base = DateRange.day(ctx.published)
    else:
        return False
    if unit == "day":
        rng = _shift(base, shift)
    elif unit == "week":
        rng = _shift(base, 7 * shift, _coarser(base.precision, "week"))
    else:
        return False  # months and years after: too loose to date a clause by
    start = m.end() - len(word)
    ctx.relations.append(TimeExpression(start, m.end(), word, rng, "anaphoric"))
    return True


def _undated_clauses(
    text: str, relations: Sequence[TimeExpression], found: Sequence[TimeExpression]
) -> list[TimeExpression]:
    """The ``relations`` whose clause has no time expression of its own after them ("two
    days after he bought it in October": October dates the purchase)."""
    out = []
    for r in relations:
        own = any(
            t.start >= r.end and _CLAUSE_PUNCT.search(text, r.end, t.start) is None
            for t in found
            if t.start - r.end < _RELATION_REACH
        )
        if not own:
            out.append(r)
    return out


#: How far (characters) a clause dated by a relation may hold a time expression of its own.
_RELATION_REACH = 200


_EVENT_OPENERS = frozenset(_DATA["event_openers"])
_NEXT_WORD = re.compile(r"[ \t]+([\w'’]+)")
#: Subjects that open a clause, not an event's noun phrase ("two days after he arrived").
_RELATION_PRONOUNS = frozenset(_DATA["relation_pronouns"])


def _event_follows(text: str, pos: int) -> bool:
    """True when the words after "…after"/"…before" name an event ("after the vote",
    "before Putin's visit", "after he arrived", "after joining") rather than end the phrase
    ("the day before, …", "the day before as…")."""
    m = _NEXT_WORD.match(text, pos)
    if m is None:
        return False
    word = m.group(1)
    low = word.lower()
    return (
        low in _EVENT_OPENERS
        or word[0].isupper()
        or word[0].isdigit()
        # a gerund names the event: "20 years after joining the programme"
        or (low.endswith("ing") and len(low) > 4)
    )


def _resolve_anaphor(ctx: _Context, m: re.Match[str]) -> tuple[DateRange, str] | None:
    base = ctx.anchor or (DateRange.day(ctx.published) if ctx.published is not None else None)
    if base is None:
        return None
    phrase = " ".join(m.group("anaphor").lower().split())
    if phrase.endswith(("after", "before")) and _event_follows(ctx.text, m.end()):
        # "the day after the vote": relative to an event, not to the last date
        ctx.on_events.append((m, 1 if phrase.endswith("after") else -1, "day"))
        return None
    if phrase.endswith("week"):
        return _period_step(base.start, "week", 0), "anaphoric"
    if phrase.endswith("month"):
        return _period_step(base.start, "month", 0), "anaphoric"
    if any(w in phrase for w in ("before", "previous", "preceding", "earlier")):
        return _shift(base, -1), "anaphoric"
    if any(w in phrase for w in ("after", "next", "following")) or phrase.startswith(
        ("a day later", "one day later", "the day later")
    ):
        return _shift(base, 1), "anaphoric"
    return base, "anaphoric"  # the same day, that day, hours later


def _resolve_evrel(ctx: _Context, m: re.Match[str]) -> tuple[DateRange, str] | None:
    """ "Hours after the earthquake", "days before the vote": only ever relative to an event
    the text dates (:func:`_resolve_on_events`); nothing on its own."""
    if _event_follows(ctx.text, m.end()):
        sign = 1 if m.group("ev_dir").lower() == "after" else -1
        ctx.on_events.append((m, sign, m.group("ev_u").lower()))
    return None


def _resolve_vague(ctx: _Context, m: re.Match[str]) -> tuple[DateRange, str] | None:
    p = ctx.published
    if p is None:
        return None
    phrase = m.group("vague").lower()
    if "coming" in phrase or "future" in phrase:
        days = 90 if "month" in phrase else 30
        return _dr(p, p + timedelta(days=days), "unknown"), "vague"
    days = 30
    if "month" in phrase:
        days = 180
    elif "year" in phrase:
        days = 3 * 365
    elif "days" in phrase:
        days = 10
    return _dr(p - timedelta(days=days), p, "unknown"), "vague"


def _resolve_year(ctx: _Context, m: re.Match[str]) -> tuple[DateRange, str] | None:
    year = int(m.group("y_y"))
    return _dr(date(year, 1, 1), date(year, 12, 31), "year"), "absolute"


def _resolve_season_year(ctx: _Context, m: re.Match[str]) -> tuple[DateRange, str] | None:
    return _dr(*_season_range(int(m.group("sy_y")), m.group("sy_s").lower()), "season"), (
        "absolute"
    )


def _resolve_ymd(ctx: _Context, m: re.Match[str]) -> tuple[DateRange, str] | None:
    d = _safe_date(int(m.group("ymd")[:4]), int(m.group("ymd_m")), int(m.group("ymd_d")))
    return None if d is None else (_dr(d, d, "day"), "absolute")


def _resolve_numeric(ctx: _Context, m: re.Match[str]) -> tuple[DateRange, str] | None:
    """``16.10.2024`` (day.month.year), ``16/10/2024`` and ``10/16/2024`` when one part
    cannot be a month; ``10/11/2024`` is ambiguous and skipped."""
    d = _numeric_date(m)
    return None if d is None else (_dr(d, d, "day"), "absolute")


def _numeric_date(m: re.Match[str]) -> date | None:
    a, b, year = int(m.group("n_a")), int(m.group("n_b")), int(m.group("n_y"))
    if m.group("n_sep") == ".":
        day, month = (a, b) if b <= 12 else (b, a)
    elif a > 12 >= b:
        day, month = a, b
    elif b > 12 >= a or a == b:
        day, month = b, a
    else:
        return None
    return _safe_date(year, month, day)


def _resolve_iso(ctx: _Context, m: re.Match[str]) -> tuple[DateRange, str] | None:
    d = _iso(m.group("iso"))
    return None if d is None else (_dr(d, d, "day"), "absolute")


_Resolver = Callable[[_Context, "re.Match[str]"], "tuple[DateRange, str] | None"]

_RESOLVERS: dict[str, _Resolver] = {
    "iso": _resolve_iso,
    "ymd": _resolve_ymd,
    "numeric": _resolve_numeric,
    "dmy": lambda ctx, m: _resolve_dmy(ctx, m, "dmy"),
    "mdy": lambda ctx, m: _resolve_dmy(ctx, m, "mdy"),
    "my": _resolve_month_year,
    "season_y": _resolve_season_year,
    "bare_m": _resolve_bare_month,
    "year": _resolve_year,
    "weekday": _resolve_weekday,
    "deictic": _resolve_deictic,
    "period": _resolve_period,
    "ago": _resolve_ago,
    "anaphor": _resolve_anaphor,
    "evrel": _resolve_evrel,
    "vague": _resolve_vague,
}


_LEADING_PREPOSITION = re.compile(
    rf"(?i)(?:{alternation(_DATA['leading_prepositions'])})\s+(?!the\b)"
)


def _trim(text: str, start: int, end: int, group: str) -> int:
    """Start of the expression without a leading preposition ("in May" → "May")."""
    if group in ("bare_m", "year", "weekday", "anaphor"):
        m = _LEADING_PREPOSITION.match(text, start, end)
        if m is not None and m.end() < end:
            return m.end()
    return start


def find_dates(text: str, published: date | None) -> list[TimeExpression]:
    """Time expressions in ``text``, in text order, resolved against ``published``.

    Spans do not overlap; each carries a :class:`DateRange` with its precision (day, week,
    month, season, year or unknown) and its kind (absolute, weekday, relative, anaphoric,
    vague). Expressions that need the publication date are skipped when it is ``None``.
    """
    if published is not None and not isinstance(published, date):
        raise GeoError(f"published must be a date or None, got {published!r}")
    out: list[TimeExpression] = []
    ctx = _Context(text, published)
    for m in _candidates(text):
        group = m.lastgroup
        if group is None:
            continue
        try:
            resolved = _RESOLVERS[group](ctx, m)
        except (ValueError, OverflowError):
            resolved = None  # arithmetic past year 1 or 9999: not a date we can place
        if resolved is None:
            continue
        rng, kind = resolved
        end = m.end()
        start = _trim(text, m.start(), end, group)
        out.append(TimeExpression(start, end, text[start:end], rng, kind))
        ctx.anchor = rng
        ctx.anchor_start = start
    if ctx.on_events:
        out = _resolve_on_events(ctx, out)
    if ctx.relations:
        out = sorted([*out, *_undated_clauses(text, ctx.relations, out)], key=lambda t: t.start)
    return _join_ranges(text, out)


#: Between two dates of one range: "Oct. 22 to Oct. 24", "Monday until Wednesday", "March 3 –
#: March 5"; "and" only after "between" or for consecutive days ("on Monday and Tuesday").
_RANGE_GAP = re.compile(rf"\s*(?:({_RANGE_WORDS})|(and)|[-–—])\s*", re.IGNORECASE)
_RANGE_BETWEEN = re.compile(r"\bbetween\s+\Z", re.IGNORECASE)
#: The longest range two dates may make (a year and a day).
MAX_RANGE_DAYS = 366


def _join_ranges(text: str, found: list[TimeExpression]) -> list[TimeExpression]:
    """Join two expressions that make one range ("from March 11 to March 13", "between Oct. 22
    and Oct. 24", "on Monday and Tuesday") into one expression from the first's start to the
    second's end, with the coarser precision of the two."""
    out: list[TimeExpression] = []
    i = 0
    while i < len(found):
        a = found[i]
        b = found[i + 1] if i + 1 < len(found) else None
        gap = _RANGE_GAP.fullmatch(text, a.end, b.start) if b is not None else None
        if b is not None and gap is not None and a.kind == b.kind == "weekday":
            b = _weekday_after(a, b)
        if b is not None and gap is not None and _joins(text, a, b, gap):
            rng = DateRange(
                a.range.start, b.range.end, _coarser(a.range.precision, b.range.precision)
            )
            out.append(TimeExpression(a.start, b.end, text[a.start : b.end], rng, a.kind))
            i += 2
            continue
        out.append(a)
        i += 1
    return out


def _weekday_after(a: TimeExpression, b: TimeExpression) -> TimeExpression:
    """The second weekday of "Monday through Friday" is the first one after the first, whatever
    tense each was read in alone."""
    if b.range.start >= a.range.start or a.range.precision != "day":
        return b
    ahead = (b.range.start.weekday() - a.range.start.weekday()) % 7
    d = a.range.start + timedelta(days=ahead)
    return TimeExpression(b.start, b.end, b.text, _dr(d, d, "day"), b.kind)


def _joins(text: str, a: TimeExpression, b: TimeExpression, gap: re.Match[str]) -> bool:
    ra, rb = a.range, b.range
    if "unknown" in (ra.precision, rb.precision) or rb.end < ra.start:
        return False
    if (rb.end - ra.start).days > MAX_RANGE_DAYS or rb.start < ra.start:
        return False
    if gap.group(2):  # "and": "between X and Y", or two days in a row
        return bool(_RANGE_BETWEEN.search(text, max(0, a.start - 12), a.start)) or (
            ra.precision == rb.precision == "day" and (rb.start - ra.end).days == 1
        )
    return True


#: After "before"/"after", the noun phrase that names the event a date is relative to: a
#: determiner, up to two lower-case words and the head noun, which ends the phrase ("the day
#: before the signing.", "a week after the earthquake near Mandalay"); a clause ("after the
#: army retook the bridge") or a name ("before the Doha talks") is not read.
_EVENT_PHRASE = re.compile(
    rf"[ \t]+(?:{alternation(_DATA['event_determiners'])})[ \t]+(?:[a-z][a-z'’-]*[ \t]+){{0,2}}"
    rf"(?P<head>[a-z][a-z'’-]*)(?=[ \t]*(?:[,.;:!?)”\"\n]|$)"
    rf"|[ \t]+(?:{alternation(_DATA['event_phrase_stops'])}|[–—])(?![\w-]))"
)
_WORD_TOKEN = re.compile(r"[^\W\d_]+")
_STEM_SUFFIXES = ("ings", "ing", "ed", "es", "s", "e")
#: Nouns too general to name an event.
_NOT_EVENTS = frozenset(_DATA["not_event_nouns"])


def event_reference(text: str, end: int) -> tuple[int, int] | None:
    """The span of the noun phrase right after ``text[:end]`` that names the event a date is
    relative to ("the day before| the signing"), as :func:`find_dates` reads it; ``None``
    when none follows."""
    found = _EVENT_PHRASE.match(text, end)
    return None if found is None else (found.start() + 1, found.end())


def _stem(word: str) -> str:
    """A crude stem, enough to tell that "signing", "signed" and "signs" name one act."""
    w = word.lower()
    for suffix in _STEM_SUFFIXES:
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            return w[: -len(suffix)]
    return w


def _resolve_on_events(ctx: _Context, out: list[TimeExpression]) -> list[TimeExpression]:
    """Expressions relative to an event the text names and dates elsewhere: "clashes were
    reported the day before the signing" after "signed … in Doha on Saturday" is Friday;
    "a week after the earthquake" after "the earthquake struck on Feb. 6" is the week from
    Feb. 13. The event is found by a word of the phrase ("signing") whose stem another
    sentence uses ("signed") in a clause with a time expression of day or week precision (the
    nearest one before the phrase, else after it). Without one the expression stays
    unresolved, as before."""
    text = ctx.text
    if ctx._sentences is None:
        ctx._sentences = sentences(text)
    added = []
    for m, count, unit in ctx.on_events:
        found = _EVENT_PHRASE.match(text, m.end())
        if found is None:
            continue
        head = found.group("head")
        stems = {_stem(head)} if head not in _NOT_EVENTS and len(head) > 3 else set()
        anchor = _event_date(ctx, out, stems, m.start(), found.end()) if stems else None
        if anchor is None:
            continue
        if unit == "hours":
            rng = anchor  # "hours after the earthquake": the same day, as near as we can tell
        elif unit == "days":
            # "days after the vote": some days, within a week of it
            lo, hi = (1, 7) if count > 0 else (-7, -1)
            rng = _dr(
                anchor.start + timedelta(days=lo),
                anchor.end + timedelta(days=hi),
                _coarser(anchor.precision, "week"),
            )
        elif unit == "day":
            rng = _shift(anchor, count)
        elif unit == "week":
            shifted = _shift(anchor, 7 * count)
            rng = _dr(shifted.start, shifted.end, _coarser(anchor.precision, "week"))
        elif unit == "month":
            y, mo = _add_months(anchor.start.year, anchor.start.month, count)
            rng = _dr(*_month_range(y, mo), "month")
        else:
            year = anchor.start.year + count
            rng = _dr(date(year, 1, 1), date(year, 12, 31), "year")
        start = _trim(text, m.start(), m.end(), m.lastgroup or "")
        added.append(TimeExpression(start, m.end(), text[start : m.end()], rng, "anaphoric"))
    if not added:
        return out
    return sorted([*out, *added], key=lambda t: t.start)


_CLAUSE_PUNCT = re.compile(r"[,;:()—–]")


def _same_clause(text: str, sent: Span, t: TimeExpression, pos: int) -> bool:
    """True when the time expression ``t`` and the word at ``pos`` are in one clause of the
    sentence ``sent`` ("signed … in Doha on Saturday", "On Saturday, they signed …"), not
    "the election, provisional results showed on Monday"."""
    if t.start > pos:
        return _CLAUSE_PUNCT.search(text, pos, t.start) is None
    if _CLAUSE_PUNCT.search(text, t.end, pos) is None:
        return True
    # a fronted time: "On Saturday, representatives signed …"
    return (
        text.startswith(",", t.end)
        and _CLAUSE_PUNCT.search(text, t.end + 1, pos) is None
        and len(_WORD_TOKEN.findall(text, sent.start, t.start)) <= 3
    )


def _event_date(
    ctx: _Context, out: Sequence[TimeExpression], stems: set[str], lo: int, hi: int
) -> DateRange | None:
    """The date of the event named by ``stems``: the time expression (day or week precision)
    nearest a word of that stem in another sentence, the nearest such word before ``lo``
    first, else the nearest after ``hi``."""
    text = ctx.text
    sents = ctx._sentences or []
    own = containing(sents, lo)
    before: tuple[int, DateRange] | None = None
    after: tuple[int, DateRange] | None = None
    for w in _WORD_TOKEN.finditer(text):
        if lo <= w.start() < hi or _stem(w.group()) not in stems:
            continue
        sent = containing(sents, w.start())
        if sent is None or sent == own:
            continue
        dated = [
            t
            for t in out
            if sent.start <= t.start < sent.end
            and t.range.precision in ("day", "week")
            and _same_clause(text, sent, t, w.start())
        ]
        if not dated:
            continue
        nearest = min(dated, key=lambda t: abs(t.start - w.start()))
        if w.start() < lo:
            before = (w.start(), nearest.range)  # the last one before wins
        elif after is None:
            after = (w.start(), nearest.range)
            break
    chosen = before or after
    return None if chosen is None else chosen[1]


# ---------------------------------------------------------------------------------------------
# Publication date inference

_SNIPPET = 60


#: A stated date counts as the news of the day only if the text's dates without a year (the
#: current year, by news convention) are at most this many days before it.
_SAME_NEWS_CYCLE = timedelta(days=7)


#: Words right before a time expression that make it the start of what the clause reports,
#: not its whole span: "is scheduled to start on Oct. 22", "kicks off on Monday", "opens
#: Tuesday", "from March 3" (without "to"/"until" after it).
_STARTS_BEFORE = re.compile(
    rf"\b(?:(?:{alternation(_DATA['start_verbs'])})"
    r"(?:\s+off)?|(?:gets?|got|getting)\s+under\s*way|from|as\s+of)\s+(?:on\s+|in\s+)?\Z",
    re.IGNORECASE,
)
#: What closes a range after its start: "from Oct. 22 to 24", "from Monday until Friday",
#: "from Monday's talks" (a possessive names a day, not a start).
_CLOSES_AFTER = re.compile(rf"\s*(?:(?:{_RANGE_WORDS}|and)\b|[-–—]\s*\d|['’]s\b)", re.IGNORECASE)


_RANGE_INSIDE = re.compile(rf"\s(?:{_RANGE_WORDS}|and)\s|\d\s*[-–—]\s*\d", re.I)


def year_before(text: str, pos: int) -> DateRange | None:
    """The year that modifies the word at ``pos`` ("fraud in the 2016 election", "the 2009
    presidential vote"): that year when a determiner of ``year_determiners`` opens it, at most
    one lower-case word between the year and ``pos``; else ``None``."""
    m = _YEAR_BEFORE.search(text, max(0, pos - 40), pos)
    if m is None or m.group(1).lower() not in _YEAR_DETERMINERS:
        return None
    year = int(m.group(2))
    return _dr(date(year, 1, 1), date(year, 12, 31), "year")


def start_only(text: str, start: int, end: int) -> bool:
    """True when the time expression ``text[start:end]`` gives only when something begins:
    "the summit is scheduled to start on Oct. 22", "talks kick off on Monday", "the fair opens
    Tuesday", "from March 3" (but not "from March 3 to 5": a range). The range of such an
    expression is the first day, not the span of what the clause reports."""
    if not _STARTS_BEFORE.search(text, max(0, start - 40), start):
        return False
    if _RANGE_INSIDE.search(text, start, end):
        return False  # "from Oct. 22 to Oct. 24", "from Oct. 22-24": a whole range
    return not _CLOSES_AFTER.match(text, end)


def infer_published(text: str) -> tuple[date, str] | None:
    """A publication date inferred from the text, with the evidence, or ``None``.

    News reports what happened up to the day it was written, so the publication date is the
    latest date the text reports as past (not in a future clause), if the text states its
    year:

    - the latest full date (day, month, year, or ISO) reported as past is the candidate;
    - dates without a year (news style omits the current year) are placed in its year: any
      later one becomes the candidate; one more than a week *before* it means the full date
      is background from another year (a photo caption from 2022 in a 2024 story) and the
      year of the story is not stated: ``None``;
    - with no full date, ``None``: a bare "Oct. 16" does not say which year.

    The evidence is the expression with a few words around it, e.g.
    ``"the minister said on Oct. 16, 2024, that the talks"``.
    """
    best: tuple[date, int, int] | None = None
    yearless: list[tuple[int, int, int, int]] = []  # (month, day, start, end)
    ctx = _Context(text, None)
    for m in _candidates(text):
        group = m.lastgroup
        if group not in ("iso", "ymd", "numeric", "dmy", "mdy"):
            continue
        if ctx.tense(m.start(), m.end()) == "future":
            continue
        if group in ("iso", "ymd", "numeric"):
            resolved = _RESOLVERS[group](ctx, m)
            d = None if resolved is None else resolved[0].start
        else:
            month = _MONTHS[m.group(f"{group}_m").rstrip(".")]
            day = _day_number(m.group(f"{group}_d2") or m.group(f"{group}_d1"))
            year = m.group(f"{group}_y")
            if not year:
                yearless.append((month, day, m.start(), m.end()))
                continue
            d = _safe_date(int(year), month, day)
        if d is not None and (best is None or d > best[0]):
            best = (d, m.start(), m.end())
    if best is None:
        return None
    stated = best[0]
    for month, day, start, end in yearless:
        d = _safe_date(stated.year, month, day)
        if d is None:
            continue
        if d < stated - _SAME_NEWS_CYCLE:
            return None
        if d > best[0]:
            best = (d, start, end)
    d, start, end = best
    return d, _snippet(text, start, end)


def _iso(s: str) -> date | None:
    try:
        return date.fromisoformat(s)
    except ValueError:
        return None


def _snippet(text: str, start: int, end: int) -> str:
    """The expression with up to a few words of context, on one line."""
    lo = max(0, start - _SNIPPET // 2)
    hi = min(len(text), end + _SNIPPET // 2)
    lo = text.rfind(" ", 0, lo) + 1 if lo > 0 else 0
    cut = text.find(" ", hi)
    hi = len(text) if cut < 0 or hi >= len(text) else cut
    snippet = " ".join(text[lo:hi].split())
    return snippet


_PERFECT_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_REGULAR_PARTICIPLE = re.compile(r"[a-z]{2,}(?:ed|en|wn)")
#: How many words a present perfect's auxiliary may stand from its participle ("have also
#: been", "has reportedly").
_PERFECT_GAP = 2


def present_perfect(text: str, start: int, end: int) -> bool:
    """True when ``text[start:end]`` holds a present perfect: "has"/"have" and, at most
    :data:`_PERFECT_GAP` listed adverbs later, a participle ("have struck", "has been
    arrested", "have also died"); not "has a population", "have to leave", nor a perfect
    in a relative clause ("thanked Canada for what it has done"), after a modal or "to"
    ("should have been paying", "is believed to have saved"), or of experience ("have held
    the office before"). The words are those of ``geo/data/dates.yaml``."""
    words = [w.lower() for w in _PERFECT_WORD.findall(text, start, end)]
    if _PERFECT_EXPERIENTIAL.intersection(words):
        return False
    for k, w in enumerate(words):
        if w not in _PERFECT_AUX and not w.endswith(("'ve", "’ve")):
            continue
        if _PERFECT_RELATIVES.intersection(words[max(0, k - 3) : k]) or (
            k > 0 and words[k - 1] in _PERFECT_NOT_AFTER
        ):
            continue
        for nxt in words[k + 1 : k + 2 + _PERFECT_GAP]:
            if nxt in _PERFECT_PARTICIPLES or _REGULAR_PARTICIPLE.fullmatch(nxt):
                return True
            if nxt not in _PERFECT_ADVERBS:
                break
    return False
