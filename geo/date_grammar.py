"""The grammar of time expressions: the words of ``geo/data/dates.yaml``, one regex branch per
kind of expression, and the fast search for candidate spans.

:func:`candidates` finds the spans :func:`geo.dates.find_dates` resolves: a named group per
branch (``iso``, ``dmy``, ``weekday``, ``period``, ``ago``…) says which resolver reads it. The
regex is not run over the whole text, only at trigger words and the few words before them.
"""

from __future__ import annotations

import re
from functools import cache

import ahocorasick

from geo.vocabulary import alternation, load_data

#: Words that anchor expressions, from ``geo/data/dates.yaml`` (read once).
DATE_DATA = load_data("dates.yaml")


#: Month names and abbreviations → month number; weekday names → 0 (Monday) to 6.
MONTHS = {name: i for i, names in enumerate(DATE_DATA["months"], start=1) for name in names}
MONTH_NAMES = tuple(names[0] for names in DATE_DATA["months"])
_MONTH_ABBREVIATIONS = tuple(n for names in DATE_DATA["months"] for n in names[1:])
WEEKDAYS = {name: i for i, name in enumerate(DATE_DATA["weekdays"])}
#: Counts written as words ("two weeks ago") → their value.
NUMBERS: dict[str, int] = {str(k): int(v) for k, v in DATE_DATA["numbers"].items()}
#: Meteorological seasons (Northern hemisphere): first month of each.
SEASON_START: dict[str, int] = {str(k): int(v) for k, v in DATE_DATA["seasons"].items()}

# ---------------------------------------------------------------------------------------------
# The candidate regex

_MONTH_FULL = alternation(MONTH_NAMES)
_MONTH_ABBR = rf"(?:{alternation(_MONTH_ABBREVIATIONS)})\.?"
MONTH = rf"(?:{_MONTH_FULL}|{_MONTH_ABBR})"
WEEKDAY = alternation(WEEKDAYS)
_ORDINAL = alternation(DATE_DATA["ordinal_suffixes"])
_DAY = rf"(?:3[01]|[12]\d|0?[1-9])(?:{_ORDINAL})?"
_YEAR = r"(?:1[89]\d\d|20\d\d)"
_NUM = rf"(?:\d{{1,3}}|{alternation(NUMBERS)})"
_UNIT = rf"(?:{alternation(DATE_DATA['units'])})s?"
_PERIOD = rf"(?:{alternation(DATE_DATA['periods'])})"
_SEASON = rf"(?:{alternation(SEASON_START)})"
_PART_NOUN = rf"(?:the\ )?(?:{alternation(DATE_DATA['month_part_nouns'])})\ of"
_PART = rf"(?:{alternation(DATE_DATA['month_part_adjectives'])}|{_PART_NOUN})"
_BARE_MONTH_PREP = rf"(?:{alternation(DATE_DATA['month_prepositions'])}|{_PART_NOUN})"
#: "last", "next", "this": a part of a month may stand before them ("early last December").
_PART_RELATIVE = alternation(DATE_DATA["month_part_relatives"])
_YEAR_PREP = rf"(?:{alternation(DATE_DATA['year_prepositions'])})"
DAY_PART = rf"(?:{alternation(DATE_DATA['day_parts'])})"
RANGE_WORDS = alternation(DATE_DATA["range_words"])
#: Days named by a fixed holiday ("Christmas Day", "New Year's Eve") -> (month, day), with
#: the apostrophe straight or curly.
NAMED_DAYS: dict[str, tuple[int, int]] = {
    spelling: (int(month), int(day))
    for name, (month, day) in DATE_DATA["named_days"].items()
    for spelling in {name, name.replace("'", "’")}
}
_NAMED = alternation(NAMED_DAYS)
#: "one Christmas Day", "every Halloween", "the annual St. Patrick's Day party": no one day.
_NOT_NAMED_AFTER = "".join(
    rf"(?<!\b{re.escape(w)}\ )(?<!\b{re.escape(w.capitalize())}\ )"
    for w in DATE_DATA["named_day_not_after"]
)

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
    (?P<dmy>(?:(?:{WEEKDAY}),?\ )?(?i:the\ )?(?P<dmy_d1>{_DAY})(?:\ ?[-–]\ ?(?P<dmy_d2>{_DAY}))?
    \ (?i:of\ )?(?P<dmy_m>{MONTH})(?:,?\ (?P<dmy_y>{_YEAR})|{_REL_YEAR.format(p="dmy")})?
    (?![\w-]))
    """,
    "mdy": rf"""
    (?P<mdy>(?:(?:{WEEKDAY}),?\ )?(?P<mdy_m>{MONTH})\ (?P<mdy_d1>{_DAY})
    (?:\ ?[-–]\ ?(?P<mdy_d2>{_DAY}))?(?![\d:]|,\d{{3}}|\ ?(?:%|percent|per\ cent))
    (?:,?\ (?P<mdy_y>{_YEAR})(?!\d)|{_REL_YEAR.format(p="mdy")})?)
    """,
    "my": rf"""
    (?P<my>(?:(?i:(?P<my_part>{_PART})[-\ ](?:of\ )?))?(?P<my_m>{MONTH})(?:\ of)?,?
    \ (?P<my_y>{_YEAR})(?![\d-]))
    """,
    "season_y": rf"""
    (?P<season_y>(?i:(?:the\ )?(?P<sy_s>{_SEASON})(?:\ of)?\ )(?P<sy_y>{_YEAR})(?!\d))
    """,
    "bare_m": rf"""
    (?P<bare_m>(?i:(?:(?P<bm_part>{_PART})[-\ ](?=(?:{_PART_RELATIVE})\ ))?
    (?P<bm_prep>{_BARE_MONTH_PREP})[-\ ](?:of\ )?)
    (?P<bm_m>{_MONTH_FULL}|{_MONTH_ABBR}(?=\s))
    (?!\ ?\d{{1,2}}(?:{_ORDINAL})?\b(?!,\d{{3}}|\ ?(?:%|percent|per\ cent))
    |\ ?\d{{4}}\b|['’]s|\ [A-Z])(?:{_REL_YEAR.format(p="bm")})?)
    """,
    "year": rf"""
    (?P<year>(?i:(?P<y_prep>{_YEAR_PREP})\ (?:the\ year\ )?
    (?:(?P<y_part>{_PART})[-\ ](?:in\ )?)?|(?P<y_part2>{_PART})[-\ ](?:in\ )?)
    (?P<y_y>{_YEAR})(?![\d-]|\ ?(?:%|percent)))
    """,
    "named": rf"""
    (?P<named>{_NOT_NAMED_AFTER}(?P<nd>{_NAMED})(?:,?\ (?:in\ )?(?P<nd_y>{_YEAR})(?!\d))?)
    """,
    "nth_wd": rf"""
    (?P<nth_wd>(?i:(?:the\ )?(?P<nw_n>{alternation(DATE_DATA["weekday_ordinals"])})\ )
    (?P<nw_wd>{WEEKDAY})\ (?i:in|of)\ (?P<nw_m>{_MONTH_FULL})(?:,?\ (?P<nw_y>{_YEAR})(?!\d))?)
    """,
    "weekday": rf"""
    (?P<weekday>(?:(?P<wd_prep>(?i:{alternation(DATE_DATA["weekday_prepositions"])}))\ )?
    (?P<wd>{WEEKDAY})
    (?:['’]s)?(?:\ (?i:{DAY_PART}))?)
    """,
    "deictic": rf"""
    (?P<deictic>(?i:{alternation(DATE_DATA["deictic"])}|overnight(?!\ (?:into|to|on)\ )))
    """,
    "period": rf"""
    (?P<period>(?i:(?:(?P<p_part>{_PART})[-\ ](?=(?:{_PART_RELATIVE})\ (?:year|month)\b))?
    (?:(?P<p_mod>{alternation(DATE_DATA["period_modifiers"])}
    |a(?=\ weekend\ (?!(?:{alternation(DATE_DATA["weekend_not_before"])})\b)[a-z]))
    |the\ (?P<p_mod2>{alternation(DATE_DATA["period_modifiers_after_the"])}))
    \ (?P<p_unit>{_PERIOD})))
    """,
    "ago": rf"""
    (?P<ago>(?i:(?P<ago_n>{_NUM})\ (?P<ago_u>{_UNIT})
    \ (?P<ago_dir>{alternation(DATE_DATA["ago_directions"])})
    (?:\ (?P<ago_today>today|this\ (?:week|month)))?))
    """,
    "anaphor": rf"""
    (?P<anaphor>(?i:(?:on\ )?the\ (?:{alternation(DATE_DATA["anaphor_day_modifiers"])})\ day
    |that\ (?:same\ )?day|the\ day\ (?:{alternation(DATE_DATA["anaphor_day_directions"])})
    |the\ night\ before
    |(?:hours|moments|minutes)\ later
    |(?:a|one)\ day\ (?:{alternation(DATE_DATA["anaphor_day_directions"])})
    |that\ (?:same\ )?(?:week|month)))
    """,
    "evrel": r"""
    (?P<evrel>(?i:(?P<ev_u>hours|days)\ (?P<ev_dir>after|before)))
    """,
    "vague": rf"""
    (?P<vague>(?i:recently|lately|in\ recent\ (?:{alternation(DATE_DATA["units"])})s
    |in\ the\ (?:past|last)\ (?:few\ )?(?:days|weeks|months)
    |in\ the\ coming\ (?:days|weeks|months)|in\ the\ near\ future))
    """,
}
#: Which branches can match around each kind of trigger word.
_TRIGGER_BRANCHES: dict[str, tuple[str, ...]] = {
    "month": ("dmy", "mdy", "my", "bare_m"),
    "weekday": ("dmy", "mdy", "nth_wd", "weekday"),
    "time": ("season_y", "deictic", "period", "ago", "anaphor", "evrel", "vague"),
    "year": ("iso", "ymd", "numeric", "year"),
    "named": ("named",),
}


def _compile(names: tuple[str, ...]) -> re.Pattern[str]:
    body = "\n  | ".join(_BRANCHES[n] for n in names)
    return re.compile(rf"(?<!\w)(?:{body})(?!\w)", re.VERBOSE)


@cache
def whole_text_pattern() -> re.Pattern[str]:
    """All branches in one regex: what a whole-text scan would use (``bench_text.py``'s
    baseline). Compiled on first use: extraction never uses it, and compiling it cost
    about 10 ms of every process."""
    return _compile(tuple(_BRANCHES))


_BY_TRIGGER: dict[str, re.Pattern[str]] = {k: _compile(v) for k, v in _TRIGGER_BRANCHES.items()}


# ---------------------------------------------------------------------------------------------
# Finding candidates fast
#
# Running the candidate regex over a whole article costs about half a microsecond per
# character (it has many branches). Instead, one Aho-Corasick pass finds trigger words (month
# and weekday names, "yesterday", "week", "days", "recently", years…), and the regex is only
# tried at the trigger and at the few words before it that can open an expression ("in",
# "last", "the following", "two"…).

_TRIGGERS_EXACT = (
    *MONTHS,
    *WEEKDAYS,
)
_TRIGGERS_ANY_CASE = tuple(DATE_DATA["trigger_words"])
_YEAR_PREFIXES = ("18", "19", "20")


#: Words that can open an expression before its trigger word.
_PREFIX_WORDS = frozenset(DATE_DATA["prefix_words"]) | frozenset(w.lower() for w in WEEKDAYS)
_MAX_PREFIX_WORDS = 5


def _trigger_automaton() -> ahocorasick.Automaton:
    automaton = ahocorasick.Automaton()
    for word in _TRIGGERS_EXACT:
        automaton.add_word(word, (len(word), "weekday" if word in WEEKDAYS else "month"))
    for word in _TRIGGERS_ANY_CASE:
        for variant in (word, word.capitalize()):
            automaton.add_word(variant, (len(word), "time"))
    for name in NAMED_DAYS:
        automaton.add_word(name, (len(name), "named"))
    for prefix in _YEAR_PREFIXES:
        automaton.add_word(prefix, (-1, "year"))  # a year if four digits stand alone
    automaton.make_automaton()
    return automaton


_TRIGGER_AUTOMATON = _trigger_automaton()


def _triggers(text: str) -> list[tuple[int, int, str]]:
    """(start, end, kind) of trigger words, whole words only, in text order."""
    out: list[tuple[int, int, str]] = []
    n = len(text)
    named = False
    for last, (length, kind) in _TRIGGER_AUTOMATON.iter(text):
        if length < 0:
            start, end = last - 1, last + 3
            if end > n or not text[last + 1 : end].isdigit():
                continue
        else:
            start, end = last + 1 - length, last + 1
        if (start == 0 or not text[start - 1].isalnum()) and (end == n or not text[end].isalnum()):
            out.append((start, end, kind))
            named = named or kind == "named"
    if named:
        # a named day ends where a word inside it does ("Christmas Day", "Fourth of July"):
        # in text order, the longest first, so that the name is tried before its words
        out.sort(key=lambda t: (t[0], -t[1]))
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


def candidates(text: str) -> list[re.Match[str]]:
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
