"""Subject relative clauses and the predicate after them: "A man who fled a traffic stop this
past September has been indicted", "the vehicle that killed Corbin made her first court
appearance Thursday". The relative clause tells an older happening than its main verb: a time
expression on one side dates only its own side (:class:`geo.timeline.Timeline`)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from geo.tense import TOKEN, verb_mark
from geo.vocabulary import grammar_words

__all__ = ["predicate_start"]

#: A word in -ly between the relative pronoun and its verb ("who allegedly fled").
_ADVERB = re.compile(r"[a-z]{3,}ly")


def _verbal(tokens: list[str], i: int) -> bool:
    """True when ``tokens[i]`` is a finite verb or a verb of a verb group: a past or future
    mark of :func:`geo.tense.verb_mark`, a finite auxiliary or a modal (lower case)."""
    w = tokens[i]
    if not w.islower() or w in _tense_adverbs():
        return False
    return bool(verb_mark(tokens, i)) or w in _finite()


@cache
def _tense_adverbs() -> frozenset[str]:
    """The ``tense_adverbs`` of ``geo/data/grammar.yaml``: tense marks that are no verbs."""
    return frozenset(grammar_words("tense_adverbs"))


@cache
def _finite() -> frozenset[str]:
    """Finite auxiliaries, modals and "been" (``geo/data/grammar.yaml``), built once: read
    for every word of every sentence that holds a relative pronoun."""
    return frozenset(
        grammar_words("finite_auxiliaries") + grammar_words("predicate_modals") + ("been",)
    )


def predicate_start(
    text: str, start: int, end: int, clauses: Sequence[int] = ()
) -> tuple[int, int] | None:
    """``(relative, predicate)`` offsets when the sentence ``text[start:end]`` holds a
    relative clause opened by a pronoun of ``subject_relative_pronouns`` after a word that is
    no verb, whose own verb follows the pronoun ("man who allegedly fled", "vehicle that
    killed", "sign which was damaged"), then, after at least one word that is no verb, the
    finite verb of the main predicate ("… has been indicted", "… made her first court
    appearance", "… is set to be replaced"): the offsets of the pronoun and of that verb.
    ``None`` when there is none, when a coordinator comes right before the second verb ("who
    robbed a bank and was seen Monday": one relative clause), or when a break comes between:
    a semicolon, colon, dash or bracket, or a comma that opens one of the sentence's
    ``clauses`` (clause starts; the commas of ", Illinois," open none)."""
    pronouns = frozenset(grammar_words("subject_relative_pronouns"))
    coordinators = frozenset(grammar_words("list_conjunctions")) | {"but"}
    found = [(m.group(), m.start()) for m in TOKEN.finditer(text, start, end)]
    tokens = [w for w, _ in found]
    starts = set(clauses)

    def stop(j: int) -> bool:
        if tokens[j] in {";", ":", "—", "–", "(", ")"}:
            return True
        return tokens[j] == "," and any(
            c in starts for c in range(found[j][1] + 1, found[j][1] + 4)
        )

    for i, w in enumerate(tokens):
        if w.lower() not in pronouns or i == 0 or tokens[i - 1] == ",":
            continue
        if _verbal(tokens, i - 1):
            continue  # "said that was the reason": no noun for a relative clause
        k = i + 1
        while k < len(tokens) and _ADVERB.fullmatch(tokens[k]):
            k += 1
        if k >= len(tokens) or not _verbal(tokens, k):
            continue  # "the board that the mayor named": no subject relative clause
        while k < len(tokens) and (_verbal(tokens, k) or _ADVERB.fullmatch(tokens[k])):
            k += 1  # the relative's verb group: "was arrested", "has been charged"
        for j in range(k + 1, len(tokens)):
            if stop(j):
                break
            if _verbal(tokens, j):
                if tokens[j - 1].lower() in coordinators:
                    break
                return found[i][1], found[j][1]
    return None
