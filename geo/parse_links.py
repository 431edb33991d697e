"""An optional pass that reads a dependency parse (spaCy) to find events the surface rules
miss; used only by ``geo extract/build --parser`` (:func:`geo.extract` with ``parser=``).

The default pipeline never imports this module's parser: spaCy and its English model are an
optional extra (``pip install 'geo-news-map[parser]'``). The pass only adds reports, in
sentences where the rule passes (:func:`geo.events.detect_events`) gave none, and it parses
only those sentences that could give one (a location and a time expression). Its one use,
``generic``: a verb in the past (``VBD``, or a participle after a past or perfect auxiliary:
"was held") at the top of its sentence or coordinated with that top verb, not in quoted
speech, that governs a location (the object of a locative preposition: "in", "at", "near",
…, directly or through the nouns of a chain of prepositions, "at the theatre in
Springfield", or of the verb's object, "cleaned the riverbank in Parkersburg") and takes a
date of its own clause or sentence that lies before publication, is a happening of category
``other`` (``geo/data/parser.yaml``: ``generic_type``), unless it is a verb of saying,
thinking or being (``not_happenings``) or a lexicon trigger. The clause's factuality is read
as for any trigger (negated, conditional, planned: no event).

A second use, tying each lexicon trigger to the place its parse governs, was measured and
left out: on LGL+GWN it added 29 (event, article) pairs of which about 5 were right, because
it undid the rule passes' deliberate refusals (docs/recognition-and-events.md).

Dates, factuality and the report's fields are the rule passes' own (:mod:`geo.timeline`,
:mod:`geo.status`, :mod:`geo.reports`).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import replace
from functools import cache
from typing import TYPE_CHECKING, Any

from geo.clauses import in_spans
from geo.errors import GeoError
from geo.lexicon import Trigger, TriggerType, find_triggers, load_lexicon
from geo.reports import EventReport
from geo.status import GroupsBySentence, judge_status, read_clause
from geo.timeline import Timeline
from geo.vocabulary import load_data

if TYPE_CHECKING:
    from geo.clauses import Sentence
    from geo.recognize import Recognized

__all__ = ["DEFAULT_USES", "USES", "available", "check_uses", "parser_reports"]

#: The uses of the parse that can be asked for (see the module docstring).
USES: tuple[str, ...] = ("generic",)
#: The uses ``geo extract/build --parser`` asks for: the ones that paid on held-out news
#: (docs/recognition-and-events.md, "A dependency parser").
DEFAULT_USES: tuple[str, ...] = ("generic",)
#: Prepositions and nouns climbed from a place to the word that governs it, at most.
MAX_CLIMB = 5
#: Dependents of a verb through which a place in a noun's prepositional phrase is the verb's.
_ARGUMENTS = frozenset({"dobj", "nsubj", "nsubjpass", "attr", "dative"})


@cache
def _config() -> dict[str, Any]:
    return load_data("parser.yaml")


def generic_type() -> TriggerType:
    """The event type of a generic happening (``geo/data/parser.yaml`` names a type of
    ``geo/data/triggers.yaml``)."""
    return load_lexicon().types[_config()["generic_type"]]


@cache
def _nlp() -> Any:
    """The spaCy pipeline, loaded once; :class:`GeoError` when spaCy or the model is not
    installed."""
    cfg = _config()
    try:
        import spacy

        return spacy.load(cfg["model"], exclude=list(cfg["exclude"]))
    except (ImportError, OSError) as exc:
        raise GeoError(
            "--parser needs spaCy and its English model: pip install 'geo-news-map[parser]' "
            f"({exc})"
        ) from exc


def available() -> bool:
    """True when spaCy and the model load."""
    try:
        _nlp()
    except GeoError:
        return False
    return True


def check_uses(uses: Collection[str]) -> None:
    """Raise :class:`GeoError` when ``uses`` names an unknown use or when spaCy or the model
    does not load."""
    unknown = set(uses) - set(USES)
    if unknown:
        raise GeoError(f"unknown parser uses {sorted(unknown)}; choose from {list(USES)}")
    _nlp()


def parser_reports(
    text: str,
    recognized: Sequence[Recognized],
    timeline: Timeline,
    reports: Sequence[EventReport],
    *,
    uses: Collection[str] = USES,
    article: str | None = None,
) -> list[EventReport]:
    """The reports the parse adds to ``reports`` (the rule passes' reports of ``text``), in
    text order: none in a sentence that already has one, at most one per sentence."""
    check_uses(uses)
    if not uses or not len(timeline):
        return []
    reported = {timeline.sentence_index(r.sentence_start) for r in reports}
    reported |= {timeline.sentence_index(r.char_start) for r in reports}
    places: dict[int, list[Recognized]] = {}
    for m in recognized:
        if m.role != "location":
            continue
        i = timeline.sentence_index(m.start)
        if i < len(timeline) and i not in reported:
            places.setdefault(i, []).append(m)
    if not places:
        return []
    triggers = find_triggers(text)
    by_sentence: dict[int, list[Trigger]] = {}
    for t in triggers:
        by_sentence.setdefault(timeline.sentence_index(t.start), []).append(t)
    # only sentences that can give a report are parsed: those with a time expression
    wanted = sorted(
        i
        for i in places
        if timeline.times_between(timeline.sentence(i).start, timeline.sentence(i).end)
    )
    if not wanted:
        return []
    nlp = _nlp()
    sentences = [timeline.sentence(i) for i in wanted]
    docs = nlp.pipe(text[s.start : s.end] for s in sentences)
    groups = GroupsBySentence(triggers, timeline)
    out: list[EventReport] = []
    for i, sent, doc in zip(wanted, sentences, docs, strict=True):
        trigs = by_sentence.get(i, [])
        found = _generic(text, sent, i, doc, places[i], trigs, timeline, groups)
        out.extend(replace(r, article=article) for r in found)
    return out


def _token_at(doc: Any, offset: int, start: int, end: int) -> Any:
    """The head token of the text ``start:end`` (absolute offsets) in ``doc``, which holds
    the text from ``offset``; ``None`` when no token lies there."""
    span = doc.char_span(start - offset, end - offset, alignment_mode="expand")
    return None if span is None or not len(span) else span.root


def _verb(token: Any) -> bool:
    """True for a verb (by its Penn tag: the pass loads no tag-to-POS mapping)."""
    return bool(token.tag_.startswith("VB"))


def _governor(token: Any, locative: frozenset[str]) -> tuple[Any, str] | None:
    """The verb that governs the place whose head is ``token``, and the place's role (its
    locative preposition): climbs compounds, appositions and coordinations, then the object
    of a locative preposition and the nouns of a chain of prepositions ("at the theatre in
    Springfield") up to a verb or a noun argument of a verb ("cleaned the riverbank in
    Parkersburg"). ``None`` when the place hangs from no verb in these ways."""
    role: str | None = None
    tok = token
    for _ in range(MAX_CLIMB):
        dep = tok.dep_
        if dep in {"compound", "appos", "conj", "nmod", "amod"} and tok.head.i != tok.i:
            tok = tok.head
            continue
        if dep == "pobj" and tok.head.dep_ == "prep":
            prep = tok.head
            word = prep.lower_
            if role is None:
                if word not in locative:
                    return None  # "trade with Russia", "a minister of Pakistan"
                role = word
            head = prep.head
            if _verb(head):
                return head, role
            tok = head
            continue
        if role is not None and dep in _ARGUMENTS and _verb(tok.head):
            return tok.head, role  # "cleaned the riverbank in Parkersburg"
        return None
    return None


def _past(verb: Any) -> bool:
    """True when ``verb`` tells the past: a past form, or a participle after a past or
    perfect auxiliary ("was held", "has reopened"), with no modal."""
    auxes = [c for c in verb.children if c.dep_ in {"aux", "auxpass"}]
    if any(c.tag_ == "MD" for c in auxes):
        return False
    if verb.tag_ == "VBD":
        return True
    past = set(_config()["past_auxiliaries"])
    return verb.tag_ == "VBN" and any(c.lower_ in past for c in auxes)


def _generic(
    text: str,
    sent: Sentence,
    i: int,
    doc: Any,
    places: Sequence[Recognized],
    triggers: Sequence[Trigger],
    timeline: Timeline,
    groups: GroupsBySentence,
) -> list[EventReport]:
    """Use ``generic``: the first place a past main verb of the sentence governs, when the
    verb's clause has a date of its own (see the module docstring)."""
    lex = load_lexicon()
    banned = set(_config()["not_happenings"])
    for m in places:
        place_tok = _token_at(doc, sent.start, m.start, m.end)
        if place_tok is None:
            continue
        found = _governor(place_tok, lex.locative)
        if found is None:
            continue
        verb, role = found
        top = verb.dep_ == "ROOT" or (verb.dep_ == "conj" and verb.head.dep_ == "ROOT")
        if not top or not _past(verb) or verb.lower_ in banned:
            continue
        if any(c.dep_ == "neg" for c in verb.children):
            continue
        start = sent.start + verb.idx
        if timeline.quote_at(start) is not None or in_spans(start, sent.attributions):
            continue
        if any(t.start <= start < t.end for t in triggers):
            continue  # the lexicon's word, which the rule passes read
        dates, source = timeline.own_date(start)
        if dates is None or source not in {"clause", "sentence"} or dates.precision == "unknown":
            continue
        kind = generic_type()
        trig = Trigger(start, start + len(verb.text), verb.text, kind, kind.strength)
        report = _report(text, sent, i, trig, m, role, timeline, groups, dates, source)
        if report is not None and report.status == "reported":
            return [report]
    return []


def _report(
    text: str,
    sent: Sentence,
    i: int,
    t: Trigger,
    m: Recognized,
    role: str,
    timeline: Timeline,
    groups: GroupsBySentence,
    when: Any,
    source: str,
) -> EventReport | None:
    """The report of trigger ``t`` at place ``m`` dated ``when`` (from ``source``), judged as
    the rule passes judge theirs; ``None`` when its clause denies it or it is a plan."""
    reading = read_clause(text, sent, t, m.start)
    if reading is None:
        return None
    judged = judge_status(reading, when, source, t.type, i, timeline, groups)
    if judged is None:
        return None
    status, when, source = judged
    return EventReport.build(
        text,
        sent,
        t,
        m.place,
        (m.start, m.end),
        role=role,
        dates=when,
        date_source=source,
        status=status,
    )
