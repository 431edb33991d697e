"""Senses of trigger words: which triggers of :func:`geo.lexicon.find_triggers` name another
thing than their event type, or an event of another category.

A trigger word has other senses than the happening the lexicon files it under: "strike-slip
faulting" is no military strike, "training with coaches" no military exercise, "received
serious injuries" no meeting, "a storm of criticism" no storm; "a gas explosion" is an
accident, not an attack, and "a general strike" a protest. The contexts that tell them apart
are data (``geo/data/senses.yaml``): each sense names a trigger type, the forms it reads, the
words right before or right after the trigger, or anywhere in its sentence, and what the
trigger then is: nothing, or another type or category. :func:`resolve` applies them.

Consequences ("to evacuate civilians", "forced evacuations") take the category of the
happening that caused them, the first other trigger of their sentence of a listed category.

    >>> from geo.lexicon import find_triggers
    >>> text = "The quake was caused by strike-slip faulting."
    >>> [t.form for t in resolve(text, find_triggers(text), lambda pos: (0, len(text)))]
    ['quake']
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from functools import cache

from geo.errors import GeoError
from geo.lexicon import Trigger, TriggerType, trigger_types
from geo.tense import clause_tense
from geo.text import Span
from geo.vocabulary import LazyPattern, alternation, load_data

__all__ = [
    "Layer",
    "Sense",
    "in_name",
    "layer_category",
    "load_senses",
    "resolve",
    "undated_no_event",
]


def _lazy(source: str, flags: int = 0) -> LazyPattern:
    """``source`` compiled on first use: a batch meets the triggers of some senses only, and
    the patterns of the others (most of senses.yaml's 120) need never be compiled."""
    return LazyPattern(lambda: source, flags)


def _alternation(words: Iterable[str]) -> str:
    """:func:`geo.vocabulary.alternation` of ``words`` in lower case."""
    return alternation(str(w).lower() for w in words)


#: The type of a sense that reads triggers of every type (``type: any`` in senses.yaml):
#: it may only cancel them ("prone to earthquakes").
ANY_TYPE = "any"


@dataclass(frozen=True, slots=True)
class Sense:
    """One entry of ``geo/data/senses.yaml``: where a trigger of ``type`` (one of ``forms``;
    any form when empty) reads as ``then`` (``None``: no event) with ``category``."""

    type: str
    forms: frozenset[str]
    before: LazyPattern | None
    after: LazyPattern | None
    sentence: LazyPattern | None
    unless: LazyPattern | None
    then: TriggerType | None
    category: str | None
    #: True when the sense also fires on a trigger its clause does not tell in the past
    #: (:func:`geo.tense.clause_tense`): "tickets for Saturday's concert are $10" is a plan
    unless_past: bool = False

    def applies(self, trigger: Trigger) -> bool:
        """True when this sense reads ``trigger``'s type (any type for :data:`ANY_TYPE`) and
        form."""
        return self.type in (trigger.type.name, ANY_TYPE) and (
            not self.forms or trigger.form in self.forms
        )

    def fires(self, text: str, trigger: Trigger, sentence: tuple[int, int]) -> bool:
        """True when one of this sense's contexts surrounds ``trigger`` in ``text``, or when
        it has ``unless`` words and the trigger's sentence holds none of them, or when it
        reads ``unless_past`` and the trigger's clause is not told in the past."""
        lo, hi = sentence
        if self.unless_past and clause_tense(text, Span(lo, hi), trigger.start, trigger.end) != (
            "past"
        ):
            return True
        if self.unless is not None and not (
            self.unless.search(text, lo, trigger.start) or self.unless.search(text, trigger.end, hi)
        ):
            return True
        if self.before is not None and self.before.search(text, lo, trigger.start):
            return True
        if self.after is not None and self.after.match(text, trigger.end, hi):
            return True
        if self.sentence is not None:
            if self.sentence.search(text, lo, trigger.start):
                return True
            if self.sentence.search(text, trigger.end, hi):
                return True
        return False


@dataclass(frozen=True, slots=True)
class Layer:
    """One entry of ``layers`` in ``geo/data/senses.yaml``: a report of one of ``types`` whose
    sentence (or, with ``scope: article``, whose whole article) holds one of the ``when``
    words (when it has them) and none of the ``unless`` words (when it has them) is mapped
    under ``category``."""

    types: frozenset[str]
    unless: LazyPattern | None
    category: str
    #: True when the ``when`` and ``unless`` words are looked for in the whole article, not
    #: the sentence
    article: bool = False
    #: the trigger forms (lower case) it applies to; every form of ``types`` when empty
    forms: frozenset[str] = frozenset()
    #: words of which the sentence (or article) must hold one; ``None``: no such condition
    when: LazyPattern | None = None

    def fires(self, text: str, lo: int, hi: int) -> bool:
        """True when ``text[lo:hi]`` holds one of the ``when`` words (or the layer has none)
        and none of the ``unless`` words."""
        if self.when is not None and self.when.search(text, lo, hi) is None:
            return False
        return self.unless is None or self.unless.search(text, lo, hi) is None


@dataclass(frozen=True, slots=True)
class _Senses:
    senses: tuple[Sense, ...]
    consequences: dict[str, frozenset[str]]
    #: types whose weak forms name the harm of another happening, and the categories of the
    #: happenings they may name
    harm_types: frozenset[str]
    harm_causes: frozenset[str]
    #: the senses of each trigger type, in file order (only they can apply to its triggers)
    by_type: dict[str, tuple[Sense, ...]]
    layers: tuple[Layer, ...] = ()
    #: capitalised nouns that end the name of a building, a street or a body ("Hurricane
    #: Harbor", "Forum Drive", "Funeral Home"), in lower case
    name_heads: frozenset[str] = frozenset()
    #: (type, category) pairs that are no event when no word of the text dates them
    undated_none: frozenset[tuple[str, str]] = frozenset()


def _words(raw: dict, key: str) -> list[str]:
    return [str(w) for w in raw.get(key, ())]


def _sense(raw: dict, gap: str, determiners: str, types: dict[str, TriggerType]) -> Sense:
    name = raw["type"]
    if name not in types and name != ANY_TYPE:
        raise GeoError(f"senses.yaml: unknown trigger type {name!r}")
    then_name = raw["then"]
    if name == ANY_TYPE and then_name != "cancel":
        raise GeoError(f"senses.yaml: a sense of type {ANY_TYPE!r} can only cancel")
    then = None if then_name == "cancel" else types.get(then_name)
    if then_name != "cancel" and then is None:
        raise GeoError(f"senses.yaml: unknown trigger type {then_name!r} after 'then'")
    before = after = sentence = unless = None
    if raw.get("before"):
        n = int(raw.get("before_gap", 2))
        before = _lazy(
            # a phrase ending in a hyphen ("coal-") joins the trigger with no space; a
            # closing quotation mark may follow the word ("of 'unprovoked' fire in")
            rf"(?<![\w’'-])(?:{_alternation(_words(raw, 'before'))})(?:(?<=-)|[’'”\"]?\s+)"
            rf"(?:(?:{gap})\s+){{0,{n}}}$",
            re.IGNORECASE,
        )
    if raw.get("after"):
        n = int(raw.get("after_gap", 0))
        after = _lazy(
            rf"(?:\s*-|\s+)(?:(?:{determiners})\s+)?(?:[\w’'-]+\s+){{0,{n}}}"
            rf"(?:{_alternation(w.lstrip('-') for w in _words(raw, 'after'))})(?![\w’'])",
            re.IGNORECASE,
        )
    if raw.get("sentence"):
        sentence = _lazy(
            rf"(?<![\w’'-])(?:{_alternation(_words(raw, 'sentence'))})(?![\w’'-])", re.IGNORECASE
        )
    if raw.get("unless"):
        unless = _lazy(
            rf"(?<![\w’'-])(?:{_alternation(_words(raw, 'unless'))})(?![\w’'-])", re.IGNORECASE
        )
    return Sense(
        type=name,
        forms=frozenset(str(f).lower() for f in raw.get("forms", ())),
        before=before,
        after=after,
        sentence=sentence,
        unless=unless,
        then=then,
        category=raw.get("category"),
        unless_past=bool(raw.get("unless_past", False)),
    )


@cache
def load_senses() -> _Senses:
    """The senses of ``geo/data/senses.yaml``, compiled once."""
    raw = load_data("senses.yaml")
    types = trigger_types()
    gap = _alternation(_words(raw, "gap_words"))
    determiners = _alternation(_words(raw, "determiners"))
    senses = tuple(_sense(s, gap, determiners, types) for s in raw["senses"])
    by_type: dict[str, list[Sense]] = {}
    for sense in senses:
        by_type.setdefault(sense.type, []).append(sense)
    return _Senses(
        senses=senses,
        consequences={c["type"]: frozenset(c["from"]) for c in raw.get("consequences", ())},
        harm_types=frozenset(raw.get("harms", {}).get("types", ())),
        harm_causes=frozenset(raw.get("harms", {}).get("from", ())),
        by_type={name: tuple(group) for name, group in by_type.items()},
        layers=tuple(_layer(raw_layer, types) for raw_layer in raw.get("layers", ())),
        name_heads=frozenset(w.lower() for w in raw.get("name_heads", ())),
        undated_none=frozenset(
            (name, str(entry["category"]))
            for entry in raw.get("undated_no_event", ())
            for name in _known(entry["types"], types, "undated_no_event")
        ),
    )


def _known(names: list[str], types: dict[str, TriggerType], key: str) -> list[str]:
    unknown = [name for name in names if name not in types]
    if unknown:
        raise GeoError(f"senses.yaml: unknown trigger type {unknown[0]!r} in {key}")
    return names


def undated_no_event(type_name: str, category: str) -> bool:
    """True when a report of the trigger type ``type_name`` mapped under ``category`` is no
    event unless the text dates it (``undated_no_event`` in ``geo/data/senses.yaml``: a
    private trip the story does not date is a biography's, a list's or a habit's)."""
    return (type_name, category) in load_senses().undated_none


#: The word right after a trigger, with the spaces before it.
_NEXT_WORD = re.compile(r"[ \t]+([A-Z][a-z]+)\b")


def in_name(text: str, trigger: Trigger) -> bool:
    """True when ``trigger`` is a capitalised word of a name of a place or a body: it starts
    with a capital and the next word is a capitalised head of such names ("Six Flags
    Hurricane Harbor", "a light at Forum Drive", "Ridgeway Funeral Home"); then it names no
    happening. "the Easter Vigil at the cathedral", "the State Jazz Championships in Des
    Moines" are happenings."""
    form = text[trigger.start : trigger.end]
    if not form[:1].isupper():
        return False
    found = _NEXT_WORD.match(text, trigger.end)
    return found is not None and found.group(1).lower() in load_senses().name_heads


def _layer(raw: dict, types: dict[str, TriggerType]) -> Layer:
    unknown = [name for name in raw["types"] if name not in types]
    if unknown:
        raise GeoError(f"senses.yaml: unknown trigger type {unknown[0]!r} in layers")
    if not raw.get("unless") and not raw.get("when"):
        raise GeoError("senses.yaml: a layer needs 'unless' or 'when' words")
    return Layer(
        types=frozenset(raw["types"]),
        unless=_whole_words(_words(raw, "unless")),
        category=str(raw["category"]),
        article=_scope(raw) == "article",
        forms=frozenset(w.lower() for w in raw.get("forms", ())),
        when=_whole_words(_words(raw, "when")),
    )


def _whole_words(words: list[str]) -> LazyPattern | None:
    """One of ``words`` as a whole word, whatever its case; ``None`` for no words."""
    if not words:
        return None
    return _lazy(rf"(?<![\w’'-])(?:{_alternation(words)})(?![\w’'-])", re.IGNORECASE)


def _scope(raw: dict) -> str:
    scope = str(raw.get("scope", "sentence"))
    if scope not in {"sentence", "article"}:
        raise GeoError(f"senses.yaml: layer scope {scope!r} is neither 'sentence' nor 'article'")
    return scope


def layer_category(
    text: str, type_name: str, sentence: tuple[int, int], form: str = ""
) -> str | None:
    """The category a report of the trigger type ``type_name`` is mapped under when the
    ``layers`` of ``geo/data/senses.yaml`` read it otherwise than its type's, from the
    words of its sentence ``text[sentence[0]:sentence[1]]`` (or of the whole ``text``, the
    article, for a layer of ``scope: article``), for a trigger written ``form`` (a layer
    with ``forms`` reads only those); ``None`` when they do not.
    Applied to reports once made: it changes the map layer, never how a place is linked."""
    for layer in load_senses().layers:
        if type_name not in layer.types or (layer.forms and form.lower() not in layer.forms):
            continue
        lo, hi = (0, len(text)) if layer.article else sentence
        if layer.fires(text, lo, hi):
            return layer.category
    return None


def _read(text: str, trigger: Trigger, sentence: tuple[int, int]) -> Trigger | None:
    """``trigger`` as the first sense that fires reads it: unchanged when none fires,
    ``None`` when that sense cancels it."""
    senses = load_senses().by_type
    for sense in (*senses.get(trigger.type.name, ()), *senses.get(ANY_TYPE, ())):
        if not (sense.applies(trigger) and sense.fires(text, trigger, sentence)):
            continue
        if sense.then is None:
            return None
        kind = sense.then
        if sense.category is not None:
            kind = replace(kind, category=sense.category)
        return replace(trigger, type=kind)
    return trigger


def _caused(
    triggers: Sequence[Trigger], sentence_of: Callable[[int], tuple[int, int]]
) -> list[Trigger]:
    """``triggers`` with each consequence retyped to the category of the first other trigger
    of its sentence whose category the consequence may take."""
    consequences = load_senses().consequences
    out = []
    for t in triggers:
        allowed = consequences.get(t.type.name)
        if allowed:
            span = sentence_of(t.start)
            cause = next(
                (
                    o
                    for o in triggers
                    if o is not t
                    and span[0] <= o.start < span[1]
                    and o.type.category in allowed
                    and o.type.category != t.type.category
                ),
                None,
            )
            if cause is not None:
                t = replace(t, type=replace(t.type, category=cause.type.category))
        out.append(t)
    return out


def _weak(t: Trigger) -> bool:
    """True for a weak form of its type (the lexicon halves its strength)."""
    return t.strength < t.type.strength


def _harm_cause(
    t: Trigger,
    triggers: Sequence[Trigger],
    sentence_of: Callable[[int], tuple[int, int]],
    causes: frozenset[str],
) -> Trigger | None:
    """The happening whose harm the weak trigger ``t`` names (see ``harms`` in
    ``geo/data/senses.yaml``), ``None`` when it names a happening of its own kind."""
    lo, hi = sentence_of(t.start)
    strong = [o for o in triggers if lo <= o.start < hi and not _weak(o)]
    if strong:
        if any(o.type.category == t.type.category for o in strong):
            return None
        return next((o for o in strong if o.type.category in causes), None)
    before = (
        o
        for o in reversed(triggers)
        if o.start < lo
        and not _weak(o)
        and (o.type.category == t.type.category or o.type.category in causes)
    )
    cause = next(before, None)
    return cause if cause is not None and cause.type.category != t.type.category else None


def _harms(
    triggers: Sequence[Trigger], sentence_of: Callable[[int], tuple[int, int]]
) -> list[Trigger]:
    """``triggers`` with each weak word of harm read as the happening it names."""
    senses = load_senses()
    out = []
    for t in triggers:
        if t.type.name in senses.harm_types and _weak(t):
            cause = _harm_cause(t, triggers, sentence_of, senses.harm_causes)
            if cause is not None:
                t = replace(t, type=cause.type)
        out.append(t)
    return out


def resolve(
    text: str,
    triggers: Sequence[Trigger],
    sentence_of: Callable[[int], tuple[int, int]],
) -> list[Trigger]:
    """``triggers`` read in their senses (``geo/data/senses.yaml``): those a context cancels
    are left out, those a context gives another type or category carry it; consequences take
    the category of their cause; weak words of harm read as the happening they name.
    ``sentence_of(pos)`` is the (start, end) of the sentence
    holding ``pos``."""
    read = []
    for t in triggers:
        if in_name(text, t):
            continue
        r = _read(text, t, sentence_of(t.start))
        if r is not None:
            read.append(r)
    return _caused(_harms(read, sentence_of), sentence_of)
