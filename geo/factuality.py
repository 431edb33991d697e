"""How a clause presents a happening: as fact, plan, possibility, background, or not at all.

News reports what happened, but also what will happen ("Xi will attend a summit in Kazan next
week"), what might ("a meeting could take place in Geneva"), what did not ("no talks were held
in Addis Ababa") and what happened long ago ("shortly before Moscow launched its attack on
Ukraine"). :func:`mood` reads the clause around an event trigger and says which; the word lists
are data (``geo/data/factuality.yaml``). :func:`opens_background` and :func:`told_earlier`
spot happenings named to set the scene (:mod:`geo.named_happenings` those named, not
reported, inside a clause). ``geo.events`` turns these readings into the rules of
docs/recognition-and-events.md ("Plans, possibilities, denials and background").

    >>> text = "No talks were held in Addis Ababa."
    >>> mood(text, 0, len(text), 3, 8)
    'negated'
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache

from geo.vocabulary import alternation, load_data

__all__ = [
    "MOODS",
    "any_of_words",
    "borrows_future",
    "future_subject",
    "mood",
    "opens_background",
    "told_earlier",
    "toward",
]

#: What :func:`mood` may answer. Only the first three describe an event; the others mean the
#: clause says the happening did not (or need not) take place.
MOODS: tuple[str, ...] = (
    "reported",
    "planned",
    "possible",
    "negated",
    "conditional",
    "counterfactual",
    "threatened",
    "alert",
    "tally",
    "habitual",
    "ongoing",
    "recalled",
)


def any_of_words(words: Iterable[str]) -> str:
    """A regex alternation of ``words``, longest first, any whitespace between words."""
    return alternation(str(w).lower() for w in words)


_WORD = r"[\w’'-]+"


@dataclass(frozen=True, slots=True)
class _Patterns:
    negated_before: re.Pattern[str]
    negated_after: re.Pattern[str]
    conditional: re.Pattern[str]
    counterfactual: re.Pattern[str]
    modal: re.Pattern[str]
    possibility: re.Pattern[str]
    modal_after: re.Pattern[str]
    planned_before: re.Pattern[str]
    planned_after: re.Pattern[str]
    route: re.Pattern[str]
    background: re.Pattern[str]
    attempt: re.Pattern[str]
    doubted_before: re.Pattern[str]
    doubted_after: re.Pattern[str]
    threat: re.Pattern[str]
    alert: re.Pattern[str]
    tally_before: re.Pattern[str]
    tally_after: re.Pattern[str]
    counted_since: re.Pattern[str]
    since_year: re.Pattern[str]
    count_before: re.Pattern[str]
    count_after: re.Pattern[str]
    habitual: re.Pattern[str]
    frequency_before: re.Pattern[str]
    general_before: re.Pattern[str]
    perfect_before: re.Pattern[str]
    ongoing_after: re.Pattern[str]
    recalled: re.Pattern[str]
    earlier: re.Pattern[str]
    same_time: re.Pattern[str]
    then_opener: re.Pattern[str]
    speech: re.Pattern[str]
    question: re.Pattern[str]


@cache
def _patterns() -> _Patterns:
    raw = load_data("factuality.yaml")
    fillers = any_of_words(raw["negation_fillers"])
    negators = any_of_words(w for w in raw["negators"] if w != "n't")
    happening = any_of_words(raw["happening_verbs"])
    outcomes = any_of_words(raw["negating_outcomes"])
    # "refused to attend the summit": the summit itself is not denied
    joining = rf"(?:{any_of_words(raw['joining_verbs'])})\b"
    be = rf"(?:{any_of_words(raw['be_forms'])})"
    simple_be = any_of_words(raw["simple_be_forms"])
    negated_before = re.compile(
        rf"(?:\b(?:{negators})|n['’]t)\s+(?:(?:{fillers})\s+){{0,3}}$"
        rf"|\bno\s+(?:{any_of_words(raw['negated_nouns'])})\s+of\s+(?:(?:{fillers})\s+){{0,3}}$"
        rf"|\b(?:{any_of_words(raw['negating_verbs'])})\s+(?:to\s+(?!{joining}))?(?:{_WORD}\s+){{0,2}}$",
        re.IGNORECASE,
    )
    negated_after = re.compile(
        rf"\b{be}\s+(?:(?:{any_of_words(raw['outcome_adverbs'])})\s+)?(?:{outcomes})\b"
        rf"|\b(?:{any_of_words(raw['past_be_forms'])})\s+(?:not|never)\s+"
        rf"(?:{any_of_words(raw['holding_participles'])})\b"
        rf"|\b(?:{any_of_words(raw['negatable_auxiliaries'])})\s+not\s+(?:{happening})\b"
        rf"|n['’]t\s+(?:{happening})\b"
        rf"|\bnever\s+(?:{any_of_words(raw['never_happened'])})\b",
        re.IGNORECASE,
    )
    modals = any_of_words(raw["modals"])
    planned_be = any_of_words(raw["be_planned"])
    particles = any_of_words(raw["particles"])  # "to hold back an offensive" is no plan
    planned_before = re.compile(
        rf"\b(?:{any_of_words(raw['future_auxiliaries'])})\b|['’]ll\b"
        rf"|(?:\b(?:{simple_be})|['’](?:s|re))\s+(?:\w+ly\s+)?"
        rf"(?:{planned_be})\s+to\b"
        rf"|\b(?:{any_of_words(raw['planned_to'])})\s+to\b"
        rf"|\b(?:{any_of_words(raw['planned_phrases'])})\b"
        rf"|\b(?:{any_of_words(raw['planned_adjectives'])})\s+(?:{_WORD}\s+){{0,2}}$"
        rf"|\bto\s+(?:{any_of_words(raw['organising_verbs'])})\s+(?!(?:{particles})\b)"
        rf"(?:{_WORD}\s+){{0,3}}$",
        re.IGNORECASE,
    )
    planned_after = re.compile(
        rf"\b(?:{any_of_words(raw['planned_after_be'])})\s+"
        rf"(?:(?:{any_of_words(raw['planned_after_adverbs'])})\s+)?"
        rf"(?:{any_of_words(raw['planned_after'])})\b",
        re.IGNORECASE,
    )
    doubted = (
        rf"(?:{be}|{any_of_words(raw['doubt_verbs'])})\s+(?:\w+ly\s+)?"
        rf"(?:{any_of_words(raw['doubted'])})\s+to\b"
    )
    openers = any_of_words(raw["background_openers"])
    lead = any_of_words(raw["background_lead"])
    return _Patterns(
        negated_before=negated_before,
        negated_after=negated_after,
        conditional=re.compile(rf"\b(?:{any_of_words(raw['conditional'])})\b", re.IGNORECASE),
        question=re.compile(
            rf"\b(?:{any_of_words(raw['question_openers'])})\s+(?!to\b)", re.IGNORECASE
        ),
        counterfactual=re.compile(rf"\b(?:{any_of_words(raw['counterfactual'])})\b"),
        modal=re.compile(rf"\b(?:{modals})\b"),  # lower case only: "may", not "May"
        possibility=re.compile(rf"\b(?:{any_of_words(raw['possibility_words'])})\b", re.IGNORECASE),
        modal_after=re.compile(
            rf"\b(?P<modal>{modals}|will|shall)\s+"
            rf"(?:(?:{any_of_words(raw['modal_adverbs'])})\s+)?(?:{happening})\b"
            rf"|['’]ll\s+(?:{happening})\b"
        ),
        planned_before=planned_before,
        planned_after=planned_after,
        route=re.compile(rf"\b(?:{any_of_words(raw['route_to'])})\s+(?:the\s+)?$", re.IGNORECASE),
        doubted_before=re.compile(rf"\b{doubted}\s+(?:{_WORD}\s+){{0,3}}$", re.IGNORECASE),
        doubted_after=re.compile(rf"(?:\s+{_WORD}){{0,3}}?\s+{doubted}", re.IGNORECASE),
        attempt=re.compile(rf"\b(?:{any_of_words(raw['attempt_adjectives'])})\s+$", re.IGNORECASE),
        threat=re.compile(
            rf"\b(?:{any_of_words(raw['threat_before'])})\s+"
            rf"(?:(?!(?:{any_of_words(raw['threat_stops'])})\b){_WORD}\s+){{0,{int(raw['threat_gap'])}}}$",
            re.IGNORECASE,
        ),
        alert=re.compile(
            rf"\s+(?:{any_of_words(raw['alert_after'])})\b"
            rf"(?!\s+(?:{any_of_words(raw['alert_not_before'])})\b)",
            re.IGNORECASE,
        ),
        tally_before=re.compile(
            rf"\b(?:{any_of_words(raw['tally_ordinals'])}"
            rf"|\d+(?:{any_of_words(raw['ordinal_suffixes'])}))\s+(?:{_WORD}\s+)?$",
            re.IGNORECASE,
        ),
        tally_after=re.compile(
            rf"(?:\s+{_WORD}){{0,3}}?\s+(?:{any_of_words(raw['tally_periods'])}|of\s+(?:1[89]|20)\d\d)\b",
            re.IGNORECASE,
        ),
        # "the 28th person from New Hampshire killed since 2003": an ordinal past the first
        # and at most four words before the trigger, "since" and a year after it
        counted_since=re.compile(
            rf"(?:\b(?:{any_of_words(raw['since_ordinals'])})"
            rf"|(?<![\w.])(?!1st\b)\d+(?:{any_of_words(raw['ordinal_suffixes'])}))"
            rf"\s+(?:{_WORD}\s+){{0,4}}$",
            re.IGNORECASE,
        ),
        since_year=re.compile(
            rf"(?:\s+{_WORD}){{0,3}}?\s+since\s+(?:1[89]|20)\d\d\b", re.IGNORECASE
        ),
        count_before=re.compile(
            rf"(?:(?<![\w.,$€£])(?!(?:1[89]|20)\d\d\b)\d[\d,]*"
            rf"|\b(?:{any_of_words(raw['count_quantifiers'])}"
            rf"|{any_of_words(load_data('grammar.yaml')['number_words'])}))\s+(?:{_WORD}\s+)?$",
            re.IGNORECASE,
        ),
        count_after=re.compile(
            rf"(?:\s+{_WORD}){{0,4}}?\s+(?:{any_of_words(raw['count_periods'])}"
            rf"|(?:{any_of_words(raw['count_year_prepositions'])})\s+(?:1[89]|20)\d\d"
            rf"|(?:{any_of_words(raw['count_span_openers'])})\s+(?:{_WORD}\s+)?"
            rf"(?:{any_of_words(raw['count_spans'])}))\b",
            re.IGNORECASE,
        ),
        habitual=re.compile(rf"\b(?:{any_of_words(raw['habitual'])})\b", re.IGNORECASE),
        frequency_before=re.compile(
            rf"\b(?:{any_of_words(raw['frequency_adverbs'])})\s+(?:(?:{simple_be})\s+)?$",
            re.IGNORECASE,
        ),
        general_before=re.compile(rf"\b(?:{any_of_words(raw['general_truth'])})\b", re.IGNORECASE),
        perfect_before=re.compile(
            rf"\b(?:{any_of_words(raw['perfect_auxiliaries'])})\s+"
            rf"(?:(?:{any_of_words(raw['perfect_fillers'])}|\w+ly)\s+){{0,2}}$",
            re.IGNORECASE,
        ),
        ongoing_after=re.compile(
            rf"(?:\s+{_WORD}){{0,{int(raw['ongoing_gap'])}}}?\s+"
            rf"(?:{any_of_words(raw['ongoing_frequencies'])})\b",
            re.IGNORECASE,
        ),
        # a passive ("the ambassador was recalled") is no memory; nor is a call-back
        # ("recalling its ambassador for consultations")
        recalled=re.compile(
            "".join(rf"(?<!\b{re.escape(w)} )" for w in raw["simple_be_forms"])
            + rf"\b(?:{any_of_words(raw['recalling'])})\b"
            + rf"(?!\s+(?:{_WORD}\s+){{0,2}}(?:{any_of_words(raw['called_back'])})\b)",
            re.IGNORECASE,
        ),
        earlier=re.compile(rf"\b(?:{any_of_words(raw['earlier_adverbs'])})\b", re.IGNORECASE),
        then_opener=re.compile(
            rf"\W*(?:{any_of_words(raw['then_openers'])})\s+"
            rf"(?!(?:{any_of_words(raw['subject_words'])})\b)[a-z]",
            re.IGNORECASE,
        ),
        speech=re.compile(
            rf"\b(?:{any_of_words(load_data('grammar.yaml')['speech_words'])})\b", re.IGNORECASE
        ),
        same_time=re.compile(rf"\W*(?:{any_of_words(raw['same_time_openers'])})\b", re.IGNORECASE),
        background=re.compile(
            rf"\W*(?:(?:{lead})\s+){{0,4}}(?:{openers})\b|\W*\d+\s+(?:{lead})\s+(?:{openers})\b",
            re.IGNORECASE,
        ),
    )


def mood(
    text: str,
    clause_start: int,
    clause_end: int,
    trigger_start: int,
    trigger_end: int,
) -> str:
    """How the clause ``text[clause_start:clause_end]`` presents the happening named by the
    trigger at ``trigger_start:trigger_end``: one of :data:`MOODS`.

    The words before the trigger in its clause decide first, then the words after it:

    - ``alert``: the trigger names an alert, not a happening ("a tsunami warning for …",
      "flood watches, which were later lifted", "the hurricane season");
    - ``tally``: the trigger is counted over a period ("the fourth homicide of 2016", "the
      fifth attack this month"): the happening is told elsewhere;
      A plural trigger after a number or a quantifier and before a period of a year or
      more is a statistic ("130 murders in London in 2017", "dozens of shootings last
      year");
      An ordinal past the first, a few words before the trigger, and "since" and a year
      after it count too ("the 28th soldier from the state killed since 2003");
    - ``habitual``: an adverb of recurrence in the clause ("the fair, held annually in
      Tulsa", "floods every spring"), one of frequency right before the trigger ("a ship
      typically docked in Evansville"), or a general truth before it ("conditions tend to
      favour hurricane development");
    - ``ongoing``: a perfect right before the trigger and, in its sentence, a frequency after
      it ("has visited the court in Beijing weekly", "have met there several times"): a
      repeated past, not news of the day;
    - ``recalled``: a verb of memory before the trigger in its clause ("recalling the days
      they spent on patrol in Anbar");
    - ``threatened``: the trigger is what a warning or fear is about ("warned of further
      attacks in …", "the risk of aftershocks", "fears of a new offensive near …");
    - a question word before the trigger ("could not say how the accident occurred", "would
      not say what caused the crash"): the words before it tell what someone can tell, and
      the moods below are read from the words after it only;
    - ``negated``: a negator right before the trigger ("did not visit", "no talks", "never
      met"), a verb that stops it ("called off a visit", "refused to meet"), or an outcome
      after it ("the summit was postponed", "talks did not take place"); an attempt that
      was stopped still took place ("an attempted coup was foiled", "a failed coup"); a
      happening said to be improbable ("a summit is unlikely to take place", "they are
      unlikely to meet");
    - ``conditional``: "if", "unless", "whether" before it ("if fighting resumes in …");
    - ``counterfactual``: "would have", "could have", "should have" before it;
    - ``possible``: a modal ("would", "could", "might", "may", "should", "can", "must") or a
      word of possibility ("potential", "possible") before it, or a modal and a verb of
      happening after it ("a meeting could take place in …");
    - ``planned``: future or intention before it ("will attend", "is expected to visit",
      "plans to", "are planning on visiting", "is considering a trip", "an anticipated
      visit", "to attend the summit"), or after it ("the summit
      is scheduled …", "talks will take place …");
    - ``reported`` otherwise.
    """
    p = _patterns()
    before = text[clause_start:trigger_start]
    after = text[trigger_end:clause_end]
    if p.alert.match(after):
        return "alert"
    if p.tally_before.search(before) and p.tally_after.match(after):
        return "tally"  # "the fourth homicide of 2016 in London": a count, told elsewhere
    # "since 2003" opens a clause of its own: the words after the trigger are read up to the
    # first punctuation, past the clause's end
    if p.counted_since.search(before) and p.since_year.match(text, trigger_end):
        return "tally"  # "the 28th person from the state killed since 2003"
    if (
        _plural(text[trigger_start:trigger_end])
        and p.count_before.search(before)
        and p.count_after.match(after)
    ):
        return "tally"  # "130 murders in London in 2017": a statistic
    if p.habitual.search(text, clause_start, clause_end):
        return "habitual"  # "the fair, held annually in Tulsa": no one happening
    if p.frequency_before.search(before) or p.general_before.search(before):
        return "habitual"  # "a landing ship typically docked in Evansville"
    if p.perfect_before.search(before) and p.ongoing_after.match(text, trigger_end):
        return "ongoing"  # "she has visited the court in Beijing weekly"
    if p.recalled.search(before):
        return "recalled"  # "recalling the days they spent on patrol in Anbar"
    if p.threat.search(before):
        return "threatened"
    asked = list(p.question.finditer(before))
    if asked:
        # "could not say how a three-vehicle accident occurred": what someone can tell, not
        # whether the accident took place
        before = before[asked[-1].end() :]
    attempt = p.attempt.search(before)
    if attempt is not None or "attempt" in text[trigger_start:trigger_end].lower():
        # "an attempted coup in Bissau was foiled", "a failed coup": the attempt took place
        before = before[: attempt.start()] if attempt is not None else before
        if p.negated_before.search(before):
            return "negated"
    elif p.negated_before.search(before) or p.negated_after.search(after):
        return "negated"
    if p.doubted_before.search(before) or p.doubted_after.match(after):
        return "negated"  # "a summit is unlikely to take place": said not to happen
    if p.conditional.search(before):
        return "conditional"
    if p.counterfactual.search(before):
        return "counterfactual"
    if p.modal.search(before) or p.possibility.search(before):
        return "possible"
    if p.planned_before.search(before):
        return "planned"
    later = p.modal_after.search(after)
    if later is not None:
        return "planned" if later.group("modal") in (None, "will", "shall") else "possible"
    if p.planned_after.search(after):
        return "planned"
    return "reported"


def _plural(form: str) -> bool:
    """True when the last word of ``form`` looks like a plural noun ("murders", "attacks")."""
    word = form.lower().rsplit(None, 1)[-1] if form.strip() else ""
    return word.endswith("s") and not word.endswith(("ss", "us", "is"))


def told_earlier(
    text: str, clause_start: int, trigger_start: int, previous_clause: int | None = None
) -> bool:
    """True when an adverb of an earlier time stands before the trigger in its clause ("he
    previously served two tours in Iraq"), or in the clause before it (starting at
    ``previous_clause``) when the trigger's clause is opened by a word of the same time ("he
    had previously served six years | during an armed robbery in …"): the happening is
    named to set the scene."""
    p = _patterns()
    lo = clause_start
    if previous_clause is not None and p.same_time.match(text, clause_start, trigger_start):
        lo = previous_clause
    return p.earlier.search(text, lo, trigger_start) is not None


#: A participle that opens a sentence ("Making his first visit to Fresno, …").
_FRONTED_PARTICIPLE = re.compile(r"\W*[A-Z][a-z]{2,}ing\b")


def borrows_future(text: str, clauses: Sequence[int], end: int, k: int) -> bool:
    """True when clause ``k`` (of the clause starts ``clauses`` of a sentence ending at
    ``end``) has no subject of its own and hangs on a clause that tells a plan: a participle
    clause that opens the sentence before a main clause in the future ("Making his first
    visit to Fresno, the senator is scheduled to arrive …"), or a clause opened by "then"
    and a verb after a clause in the future ("… is scheduled to arrive at 3 p.m., then take
    part in a town hall meeting")."""
    p = _patterns()

    def future(j: int) -> bool:
        hi = clauses[j + 1] if j + 1 < len(clauses) else end
        found = p.planned_before.search(text, clauses[j], hi)
        # "…, Blinken said the US will send aid": the future of what is said is not the
        # clause's own
        return found is not None and p.speech.search(text, clauses[j], found.start()) is None

    if k == 0:
        return len(clauses) > 1 and bool(_FRONTED_PARTICIPLE.match(text, clauses[0])) and future(1)
    return p.then_opener.match(text, clauses[k]) is not None and future(k - 1)


@cache
def _future_subject() -> tuple[frozenset[str], re.Pattern[str]]:
    raw = load_data("factuality.yaml")
    place = (
        rf"(?:\s+(?:{any_of_words(raw['subject_place_prepositions'])})\s+(?:the\s+)?"
        r"[A-Z][\w'’.-]*(?:\s+(?:of\s+)?[A-Z][\w'’.-]*){0,4})?"
    )
    relative = rf"(?:,?\s+(?:{any_of_words(raw['subject_relatives'])}))?"
    pattern = re.compile(rf"{place}{relative},?\s+(?:will|shall)\b|{place}['’]ll\b")
    return frozenset(raw["scheduled_types"]), pattern


def future_subject(text: str, trigger_end: int, kind: str) -> bool:
    """True when the trigger ending at ``trigger_end``, of type ``kind``, is the
    subject of a verb in the future, with at most a place phrase between them ("A meeting in
    Alexandria will discuss the census", "the tournament will feature 16 teams"), or the
    subject of a relative clause in the future ("the meetings, which will take place in
    spring"): a
    happening that is held on a day (``scheduled_types`` of ``geo/data/factuality.yaml``:
    meetings, gatherings, competitions…) and is said to do something yet to come has not
    taken place. Not for other happenings: "the attack will be investigated", "the
    minister's visit will deepen the partnership" tell of what follows one that did."""
    kinds, pattern = _future_subject()
    return kind in kinds and pattern.match(text, trigger_end) is not None


def toward(text: str, place_start: int, lo: int = 0) -> bool:
    """True when the place at ``place_start`` is a destination still ahead ("arrives in
    Warsaw on the way to Kyiv", "a convoy bound for Gaza"). ``lo`` bounds the look-back."""
    return _patterns().route.search(text, max(lo, place_start - 40), place_start) is not None


def opens_background(text: str, clause_start: int, clause_end: int | None = None) -> bool:
    """True when the clause starting at ``clause_start`` is a temporal subordinate clause that
    speaks of another time than its sentence ("shortly before Moscow launched its attack",
    "ten days after the earthquake", "since the invasion"). "when", "while", "as" and
    "during" speak of the same time and do not count."""
    end = len(text) if clause_end is None else clause_end
    return _patterns().background.match(text, clause_start, end) is not None
