"""The tense of the clause around a time expression, and present perfects.

The tense of a clause comes from its words: future markers ("will", "is set to", "scheduled",
"next"…) and past markers ("was", "said", "met", words in -ed…). The marker nearest to the
expression in its clause decides; else the nearest in its sentence. With no marker at all, a
headline's "<subject> to <verb>" is future (:func:`headline_future`). A hyphenated word in -ed
is an adjective ("Saudi-led"), no marker. The words are those of ``geo/data/dates.yaml``.
"""

from __future__ import annotations

import re

from geo.text import Span
from geo.vocabulary import load_data

#: The word lists of ``geo/data/dates.yaml`` (read once, shared with :mod:`geo.date_grammar`).
_DATA = load_data("dates.yaml")

TOKEN = re.compile(r"[\w'’]+|[;:—–()]|,")
#: The tokens :func:`clause_tense` reads: a hyphenated compound is one token ("Saudi-led",
#: "scandal-plagued": an adjective, not a past verb; :func:`_mark`).
_TENSE_TOKEN = re.compile(r"[\w'’]+(?:-[\w'’]+)*|[;:—–()]|,")
_FUTURE_WORDS = frozenset(_DATA["future_words"])
_FUTURE_BEFORE_TO = frozenset(_DATA["future_before_to"])
#: "is due to visit" a plan; "died due to sunstroke" a cause: these need "be" before them.
_AFTER_BE_ONLY = frozenset(_DATA["future_before_to_after_be"])
_BE_BEFORE_TO = tuple(_DATA["future_before_to_be_forms"])
#: The contracted forms among them ("'s", "’re"): a word ending with one is "be" too ("it's").
_BE_CONTRACTED = tuple(f for f in _BE_BEFORE_TO if f[:1] in "'’")
_ADVERBS_BEFORE_TO = frozenset(_DATA["future_before_to_adverbs"])
#: "ahead of the summit": a preposition, not a mark of the clause's tense.
_FUTURE_BEFORE_OF = frozenset(_DATA["future_words_before_of"])
_PAST_WORDS = frozenset(_DATA["past_words"])
_NOT_PAST_ED = frozenset(_DATA["not_past_ed"])
_TENSE_WINDOW = 100
#: Quotation marks (not the apostrophe-like single quotes).
_QUOTES = ('"', "“", "”")
_PASSIVE_AUX = frozenset(_DATA["passive_aux"])
#: "re-elected", "test-fired": a hyphenated word in -ed after these is a verb.
_HYPHEN_VERB_PREFIXES = frozenset(_DATA["hyphen_verb_prefixes"])
_BREAKS = frozenset(";:—–()")
_CLAUSE_WORDS = frozenset(_DATA["clause_words"])
#: "were to continue Monday", "is to be sentenced July 13": a plan (future tense).
_BE_TO_AUX = frozenset(_DATA["be_to_aux"])
_BE_TO_VERBS = frozenset(_DATA["be_to_verbs"])
#: "the festival begins … Thursday": the present of a timetable is future.
_SCHEDULE_PRESENT = frozenset(_DATA["schedule_present"])
_PERFECT_AUX = frozenset(_DATA["perfect_aux"])
#: ", which will be held …": a relative clause after the expression tells of its own noun.
_RELATIVE_OPENERS = frozenset(_DATA["tense_relative_openers"])
#: A relative clause this many words or fewer after the expression may be its own phrase's.
_OWN_RELATIVE_TOKENS = 3
#: Every token that can carry a mark (besides words in -ed and -'ll).
_MARKED = (
    _BREAKS
    | {","}
    | _FUTURE_WORDS
    | _FUTURE_BEFORE_TO
    | _PAST_WORDS
    | _PERFECT_AUX
    | _SCHEDULE_PRESENT
    | _BE_TO_AUX
)


_LL = ("'ll", "’ll")

#: "The meeting is Tuesday", "the funeral is at 11 a.m. Saturday", "visitation is from 5 to 8
#: p.m. Friday", "is set for Friday": the present of "be" right before a time expression (a
#: time of day may come between) is a timetable (future).
_SCHEDULE_COPULA = re.compile(
    rf"\b(?:{'|'.join(_DATA['schedule_copulas'])})\s+"
    rf"(?:(?:{'|'.join(_DATA['schedule_copula_participles'])})\s+for\s+)?"
    r"(?:on\s+|(?:at\s+|from\s+)?(?:\d{1,2}(?:[:.]\d\d)?\s*(?:(?:a\.m\.|p\.m\.|am|pm)\s*)?"
    r"(?:to|-|–|until)\s*)?\d{1,2}(?:[:.]\d\d)?\s*(?:a\.m\.|p\.m\.|am|pm)\s+(?:on\s+)?)?$",
    re.IGNORECASE,
)


#: "The board set a special meeting for 11 a.m. Friday", "delayed that hearing until April":
#: a verb that fixes a happening's day, a few words, then "for" (or "until" after a postponing
#: verb), a time of day or "on", right before the time expression: the plan's day (future).
#: The "until" may open the expression itself ("until Friday" is one expression).
_SCHEDULED_FOR = re.compile(
    rf"\b(?:(?:{'|'.join(_DATA['schedule_for_verbs'])})\b[^.;:!?]{{0,60}}?\bfor\s+"
    rf"|(?:{'|'.join(_DATA['schedule_until_verbs'])})\b[^.;:!?]{{0,60}}?\b(?:until|till)\s+)"
    r"(?:(?:about|around)\s+)?(?:\d{1,2}(?:[:.]\d\d)?\s*(?:a\.m\.|p\.m\.|am|pm)\s+)?"
    r"(?:on\s+)?$",
    re.IGNORECASE,
)
_POSTPONED = re.compile(
    rf"\b(?:{'|'.join(_DATA['schedule_until_verbs'])})\b[^.;:!?]{{0,60}}?\s$", re.IGNORECASE
)
_UNTIL = re.compile(r"(?:until|till)\s", re.IGNORECASE)


def _scheduled(text: str, lo: int, start: int) -> bool:
    """True when the expression at ``start`` is the day a verb before it fixes
    (:data:`_SCHEDULED_FOR`), looking back from ``start`` to ``lo`` at most."""
    if _SCHEDULED_FOR.search(text, lo, start):
        return True
    return bool(_UNTIL.match(text, start) and _POSTPONED.search(text, lo, start))


def _after_be(tokens: list[str], i: int) -> bool:
    """True when ``tokens[i]`` follows a form of "be" ("is due", "'s due"), an adverb of
    ``future_before_to_adverbs`` allowed between ("was also due")."""
    j = i - 1
    if j >= 0 and tokens[j].lower() in _ADVERBS_BEFORE_TO:
        j -= 1
    if j < 0:
        return False
    prev = tokens[j].lower()
    return prev in _BE_BEFORE_TO or (len(prev) > 2 and prev.endswith(_BE_CONTRACTED))


def _mark(tokens: list[str], i: int) -> str:
    """The tense mark of ``tokens[i]`` (reading order): "f", "p", "|" (clause break), ""."""
    w = tokens[i]
    if w in _BREAKS:
        return "|"
    if w == ",":
        return "|" if i + 1 < len(tokens) and tokens[i + 1].lower() in _CLAUSE_WORDS else ""
    low = w.lower()
    if "-" in low:
        head, _, last = low.rpartition("-")
        if head.split("-")[0] in _HYPHEN_VERB_PREFIXES:
            low, w = last, w.rpartition("-")[2]  # "re-elected": the verb's mark
        else:
            return ""  # "Saudi-led", "so-called", "long-awaited": an adjective
    if low in _FUTURE_BEFORE_OF and i + 1 < len(tokens) and tokens[i + 1].lower() == "of":
        return ""  # "ahead of an expected election": the election's time, not the clause's
    if low in _FUTURE_WORDS or low.endswith(_LL) or (low in _SCHEDULE_PRESENT and w.islower()):
        return "f"
    if low in _FUTURE_BEFORE_TO:
        if low in _AFTER_BE_ONLY and not _after_be(tokens, i):
            return ""  # "died due to sunstroke": a cause, not a plan
        return "f" if i + 1 < len(tokens) and tokens[i + 1] == "to" else ""
    if (
        low in _BE_TO_AUX
        and i + 2 < len(tokens)
        and tokens[i + 1] == "to"
        and tokens[i + 2].lower() in _BE_TO_VERBS
    ):
        return "f"  # "talks were to continue Monday", "is to be sentenced": a plan
    if low in _PAST_WORDS or (
        len(w) > 4 and w.endswith("ed") and w.islower() and w not in _NOT_PAST_ED
    ):
        # A participle after "be" is passive ("will be held", "will be formally sentenced"):
        # its auxiliary decides.
        return "" if _after_passive_aux(tokens, i) else "p"
    if low in _PERFECT_AUX and i + 1 < len(tokens):
        nxt = tokens[i + 1].lower()
        if nxt == "been" or nxt in _PAST_WORDS or nxt.endswith("ed"):
            return "p"  # present perfect: "has met", "have been"
    return ""


def verb_mark(tokens: list[str], i: int) -> str:
    """``"p"`` or ``"f"`` when ``tokens[i]`` marks a past or a future (:func:`_mark`: "fled",
    "arrested", "has been", "will"), else ``""``."""
    mark = _mark(tokens, i)
    return mark if mark in {"p", "f"} else ""


def _after_passive_aux(tokens: list[str], i: int) -> bool:
    """True when ``tokens[i]`` follows a form of "be", with at most one adverb in -ly between
    them ("will be formally sentenced June 8")."""
    k = i - 1
    if k > 0 and tokens[k].lower().endswith("ly") and len(tokens[k]) > 4:
        k -= 1
    return k >= 0 and i > 0 and tokens[k].lower() in _PASSIVE_AUX


def nearest(
    tokens: list[str], order: range, stop_at_relative: bool = False
) -> tuple[int, str, bool] | None:
    """The first marked token walking ``order``: (distance in tokens, mark, crossed a
    clause break on the way). With ``stop_at_relative`` (the words after the expression),
    the walk ends at a relative clause set off by a comma more than
    :data:`_OWN_RELATIVE_TOKENS` words on (", which will be held …" after "Saturday's attack
    comes months before the Olympics"): its verb tells of the noun before it, not of the
    expression's clause; one right after the expression may tell of the expression's own
    happening ("a visit to Prague on Monday, where he is scheduled to meet …")."""
    crossed = False
    for k, i in enumerate(order):
        w = tokens[i]
        if w[-2:] != "ed" and w[-3:] not in _LL and w.lower() not in _MARKED:
            continue  # most words: skip the full classification
        if (
            stop_at_relative
            and w == ","
            and i > _OWN_RELATIVE_TOKENS
            and i + 1 < len(tokens)
            and tokens[i + 1].lower() in _RELATIVE_OPENERS
        ):
            return None
        mark = _mark(tokens, i)
        if mark == "|":
            crossed = True
        elif mark:
            return k, mark, crossed
    return None


def clause_tense(text: str, sentence: Span, start: int, end: int) -> str:
    """``"future"``, ``"past"`` or ``""`` for the expression at ``start..end``.

    Walks outwards from the expression through the words of its sentence (within
    ``_TENSE_WINDOW`` characters) to the nearest tense marker; a marker in the same clause
    beats a nearer one across a clause break; on a tie, the one before the expression wins
    (the verb the expression is an adjunct of: "figures shared Monday night would be sent to
    the board" is past).
    """
    lo = max(sentence.start, start - _TENSE_WINDOW)
    hi = min(sentence.end, end + _TENSE_WINDOW)
    if _SCHEDULE_COPULA.search(text, max(lo, start - 40), start):
        return "future"  # "the funeral is Saturday": a timetable
    if _scheduled(text, max(lo, start - 90), start):
        return "future"  # "set a special meeting for Friday": the plan's day
    # a quotation mark starts or ends another voice: "this week exploring "what lies ahead""
    # is told in the past of its own verb, whatever the quoted words say
    lo = max(lo, *(text.rfind(q, lo, start) + 1 for q in _QUOTES))
    cut = [k for k in (text.find(q, end, hi) for q in _QUOTES) if k >= 0]
    hi = min(cut, default=hi)
    before = _TENSE_TOKEN.findall(text, lo, start)
    after = _TENSE_TOKEN.findall(text, end, hi)
    # "told the paper by telephone Wednesday that he would run": a "that" right after the
    # expression opens what was told, another clause than the one the expression dates
    opens_that = after[:1] == ["that"] or after[:2] == [",", "that"]
    found = [
        (crossed or (side == 1 and opens_that), distance, side, mark)
        for side, hit in enumerate(
            (
                nearest(before, range(len(before) - 1, -1, -1)),
                nearest(after, range(len(after)), stop_at_relative=True),
            )
        )
        if hit is not None
        for distance, mark, crossed in (hit,)
    ]
    if not found:
        return "future" if headline_future(text, sentence, start) else ""
    # on a tie, the marker before the expression: the verb it is an adjunct of ("flew to
    # Denver, Colorado, this week for talks on a lease set to expire")
    found.sort()
    return "future" if found[0][3] == "f" else "past"


_HEADLINE_TO = re.compile(r"(?<![\w'’-])([\w'’-]+)\s+to\s+(?:be\s+)?([a-z]+)\b")
_HEADLINE_TO_NOT_VERBS = frozenset(_DATA["headline_to_not_verbs"])
#: An abbreviation may cut the headline into sentences ("Scandal-plagued Ga. pastor to be
#: buried Saturday"): a sentence after this many words or fewer on the first line is in it.
_HEADLINE_CUT_WORDS = 3
#: Participles in -en ("Man beaten to death"): a word in -en may be a noun ("Women to march").
_PARTICIPLES_EN = frozenset(_DATA["participles_en"])


def headline_future(text: str, sentence: Span, start: int) -> bool:
    """True when ``sentence`` is the text's headline (its first sentence, or one that an
    abbreviation cut from it: :data:`_HEADLINE_CUT_WORDS`) and, before ``start``, has "<word>
    to <verb>" (or "to be <verb>"): headline speech for what is still to come ("Council to
    vote Monday", "LST-325 to travel to Jeffersonville in August", "Pastor to be buried
    Saturday"). Not when the word after "to" is one of ``headline_to_not_verbs`` of
    ``geo/data/dates.yaml`` (a destination or an object: "Trip to the lake Saturday") nor
    when the word before "to" is a participle ("Man sentenced to death Friday", "Teen shot
    to death Saturday"). Callers ask only when the sentence has no other tense mark."""
    before = text[: sentence.start]
    if "\n" in before.strip() or len(before.split()) > _HEADLINE_CUT_WORDS:
        return False
    for m in _HEADLINE_TO.finditer(text, sentence.start, start):
        word, verb = m.group(1).lower(), m.group(2)
        if verb in _HEADLINE_TO_NOT_VERBS:
            continue
        if (
            word.endswith("ed")
            or word in _PAST_WORDS
            or word in _PERFECT_PARTICIPLES
            or word in _PARTICIPLES_EN
        ):
            continue
        return True
    return False


_PERFECT_ADVERBS = frozenset(_DATA["perfect_adverbs"])
_PERFECT_RELATIVES = frozenset(_DATA["perfect_relatives"])
_PERFECT_NOT_AFTER = frozenset(_DATA["perfect_not_after"])
_PERFECT_EXPERIENTIAL = frozenset(_DATA["perfect_experiential"])
_PERFECT_PARTICIPLES = frozenset(_DATA["perfect_participles"])
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
    return perfect_at(text, start, end) is not None


def perfect_at(text: str, start: int, end: int) -> int | None:
    """Where the auxiliary of the first present perfect of ``text[start:end]``
    (:func:`present_perfect`) starts, or ``None``."""
    found = list(_PERFECT_WORD.finditer(text, start, end))
    words = [m.group().lower() for m in found]
    if _PERFECT_EXPERIENTIAL.intersection(words):
        return None
    for k, w in enumerate(words):
        if w not in _PERFECT_AUX and not w.endswith(("'ve", "’ve")):
            continue
        if _PERFECT_RELATIVES.intersection(words[max(0, k - 3) : k]) or (
            k > 0 and words[k - 1] in _PERFECT_NOT_AFTER
        ):
            continue
        for nxt in words[k + 1 : k + 2 + _PERFECT_GAP]:
            if nxt in _PERFECT_PARTICIPLES or _REGULAR_PARTICIPLE.fullmatch(nxt):
                return found[k].start()
            if nxt not in _PERFECT_ADVERBS:
                break
    return None
