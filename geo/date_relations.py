"""Time expressions relative to a happening the text tells, not to the last date: "two days
after the summit", "the day before the signing", "hours after the earthquake" (dated once the
text's dates are known, by the sentence that dates the summit, the signing or the
earthquake), and the clauses such an expression opens ("two days after two bombs killed six
police officers": the bombing is dated two days before the main clause)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, timedelta

from geo.date_arithmetic import add_months, coarser, date_range, month_range, shift_range
from geo.date_grammar import DATE_DATA
from geo.date_resolvers import DateContext, TimeExpression, trim_start
from geo.model import PRECISIONS, DateRange
from geo.tense import TOKEN
from geo.text import Span, containing, sentences
from geo.vocabulary import alternation

_RELATION_NOT_AFTER = frozenset(DATE_DATA["relation_not_after"])

#: At most this many words before "N days after" when the main clause is the news itself.
RELATION_SUBJECT_WORDS = 4
_RELATION_SUBJECT = re.compile(r"[ \t]+(?:\d|[^\W\d_]+)")


def dates_a_clause(ctx: DateContext, m: re.Match[str], shift: int, unit: str) -> bool:
    """ "Sunday's explosion came two days after two bombs killed six police officers in
    Giza", "It comes a week after 44 people were killed in Istanbul": the clause after
    "after"/"before" tells a happening ``shift`` units from the main clause's time (the
    expression before it in its sentence, else the publication day). Adds that date at the
    word "after"/"before", so that it dates the clause it opens, and returns True; returns
    False (nothing added) for an event named by a noun phrase ("a week after the
    earthquake": :func:`resolve_on_events`), a duration ("worked for ten years before
    becoming a lawyer", "another two years before …"), a future clause, or no clause."""
    text, word = ctx.text, m.group("ago_dir")
    nxt = _NEXT_WORD.match(text, m.end())
    if nxt is None or nxt.group(1).lower() in _EVENT_OPENERS - _RELATION_PRONOUNS:
        return False
    if not _RELATION_SUBJECT.match(text, m.end()):
        return False
    before = TOKEN.findall(text, max(0, m.start() - 20), m.start())
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
        rng = shift_range(base, shift)
    elif unit == "week":
        rng = shift_range(base, 7 * shift, coarser(base.precision, "week"))
    else:
        return False  # months and years after: too loose to date a clause by
    start = m.end() - len(word)
    ctx.relations.append(TimeExpression(start, m.end(), word, rng, "anaphoric"))
    return True


def undated_clauses(
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


_EVENT_OPENERS = frozenset(DATE_DATA["event_openers"])
_NEXT_WORD = re.compile(r"[ \t]+([\w'’]+)")
#: Subjects that open a clause, not an event's noun phrase ("two days after he arrived").
_RELATION_PRONOUNS = frozenset(DATE_DATA["relation_pronouns"])


def event_follows(text: str, pos: int) -> bool:
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


#: After "before"/"after", the noun phrase that names the event a date is relative to: a
#: determiner, up to two lower-case words and the head noun, which ends the phrase ("the day
#: before the signing.", "a week after the earthquake near Mandalay"); a clause ("after the
#: army retook the bridge") or a name ("before the Doha talks") is not read.
_EVENT_PHRASE = re.compile(
    rf"[ \t]+(?:{alternation(DATE_DATA['event_determiners'])})[ \t]+(?:[a-z][a-z'’-]*[ \t]+){{0,2}}"
    rf"(?P<head>[a-z][a-z'’-]*)(?=[ \t]*(?:[,.;:!?)”\"\n]|$)"
    rf"|[ \t]+(?:{alternation(DATE_DATA['event_phrase_stops'])}|[–—])(?![\w-]))"
)
_WORD_TOKEN = re.compile(r"[^\W\d_]+")
_STEM_SUFFIXES = ("ings", "ing", "ed", "es", "s", "e")
#: Nouns too general to name an event.
_NOT_EVENTS = frozenset(DATE_DATA["not_event_nouns"])


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


def resolve_on_events(ctx: DateContext, out: list[TimeExpression]) -> list[TimeExpression]:
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
            rng = date_range(
                anchor.start + timedelta(days=lo),
                anchor.end + timedelta(days=hi),
                coarser(anchor.precision, "week"),
            )
        elif unit == "day":
            rng = shift_range(anchor, count)
        elif unit == "week":
            shifted = shift_range(anchor, 7 * count)
            rng = date_range(shifted.start, shifted.end, coarser(anchor.precision, "week"))
        elif unit == "month":
            y, mo = add_months(anchor.start.year, anchor.start.month, count)
            rng = date_range(*month_range(y, mo), "month")
        else:
            year = anchor.start.year + count
            rng = date_range(date(year, 1, 1), date(year, 12, 31), "year")
        start = trim_start(text, m.start(), m.end(), m.lastgroup or "")
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
    ctx: DateContext, out: Sequence[TimeExpression], stems: set[str], lo: int, hi: int
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
