"""Happenings a clause names without reporting them: a trigger that describes a noun or refers
to news the reader is assumed to know. The factuality pass (:mod:`geo.factuality`) reads
what a clause says of a happening; these read whether the clause tells one at all.

Each function promises ``True`` only for its pattern: :func:`relative_record`, a relative
pronoun and a present perfect before the trigger ("soldiers who have been wounded in Iraq");
:func:`named_reference`, a noun owned by a name ("Putin's invasion of Ukraine"; a day or a
month is no name); :func:`attributive`, a participle that describes a noun ("prisoners
jailed in Israel", "an intercepted ship"). The word lists are ``geo/data/factuality.yaml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from geo.factuality import any_of_words
from geo.vocabulary import load_data

__all__ = [
    "attributive",
    "named_reference",
    "relative_record",
]


@cache
def _relative_record() -> re.Pattern[str]:
    """A relative pronoun and a present perfect at the end of the text before a trigger
    (``record_*`` of ``geo/data/factuality.yaml``), loaded once."""
    raw = load_data("factuality.yaml")
    return re.compile(
        rf"\b(?:{any_of_words(raw['record_relatives'])})\s+"
        rf"(?:{any_of_words(raw['record_auxiliaries'])})\s+"
        rf"(?:(?:{any_of_words(raw['record_fillers'])}|\w+ly)\s+){{0,2}}$"
    )


def relative_record(text: str, sentence_start: int, trigger_start: int) -> bool:
    """True when a relative pronoun and a present perfect stand right before the trigger
    ("the coalition that has fought IS in Iraq", "soldiers who have been wounded in Iraq"):
    the clause describes a noun by its record, it reports no happening of the day. A past
    tense ("a man who was arrested in Dayton on Monday") or a perfect with no relative
    pronoun ("a man has been arrested in Dayton") does not count. Lower-case pronouns
    only: the search looks back from ``trigger_start`` no further than ``sentence_start``."""
    lo = max(sentence_start, trigger_start - 80)
    return _relative_record().search(text, lo, trigger_start) is not None


_NAMED_POSSESSOR = re.compile(
    r"(?<![\w’'])[A-Z][\w.-]*(?:['’]s|s['’])\s+((?:[a-z][\w-]*\s+){0,2})$"
)

_OWNER_WORD = re.compile(r"[A-Za-z]+")


@cache
def _calendar() -> frozenset[str]:
    return frozenset(load_data("grammar.yaml")["calendar_names"])


@cache
def _bodies() -> frozenset[str]:
    return frozenset(load_data("factuality.yaml")["body_possessors"])


def named_reference(text: str, clause_start: int, trigger_start: int, form: str) -> bool:
    """True when the trigger is a noun owned by a name: "Putin's invasion of Ukraine",
    "Belousov's first visit to China", "Russia's full-scale invasion". Such a phrase refers
    to a happening the reader is assumed to know; it does not report a new one. Verbs
    ("Sudan's warring parties meet") are told apart by the plural noun before them, and
    ``-ed`` forms are never nouns. A day or a month is no name: "Saturday's fatal shooting"
    reports the shooting; nor is a body ("the City Council's regular session Monday" reports
    the session, as "the council's meeting" does)."""
    if form.endswith("ed"):
        return False
    found = _NAMED_POSSESSOR.search(text, clause_start, trigger_start)
    if found is None:
        return False
    owner = _OWNER_WORD.match(text, found.start())
    if owner is not None and owner.group(0).lower() in _calendar():
        return False  # "Saturday's fatal shooting", "Sunday's dinner meeting": a date
    if owner is not None and owner.group(0) in _bodies():
        return False  # "during Dublin City Council's regular session Monday": a body's sitting
    between = found.group(1).split()
    return not any(w.endswith("s") and not w.endswith(("ss", "us", "is")) for w in between)


_LAST_WORD = re.compile(r"([\w’'-]+)\s+$")


@dataclass(frozen=True, slots=True)
class _Attributive:
    after_object: re.Pattern[str]
    partitive: frozenset[str]
    before_noun: re.Pattern[str]
    noun_after: re.Pattern[str]
    group_nouns: frozenset[str]
    not_plural: frozenset[str]
    participles: frozenset[str]


@cache
def _attributive() -> _Attributive:
    raw = load_data("factuality.yaml")
    preps = any_of_words(raw["attributive_prepositions"])
    dets = any_of_words(raw["attributive_determiners"])
    breaks = any_of_words(raw["attributive_breaks"])
    # a word of the noun phrase: lower case ("rebel"), or a hyphenated compound ("Saudi-led");
    # a capitalised word is a name ("Bureau of Investigation agents raided")
    word = rf"(?!(?:{breaks})\b)(?:[a-z][\w’'-]*|[\w’']+-[\w’'-]+)"
    not_nouns = any_of_words(
        [*raw["attributive_prepositions"], *raw["attributive_breaks"], *raw["not_nouns"]]
    )
    return _Attributive(
        # "… of [the] [Saudi-led] coalition ⟨fighting⟩": a preposition (not after the head
        # of a partitive subject, "one of the hallways flooded"), an optional determiner, at
        # most two words of the noun phrase, and its noun right before the trigger
        after_object=re.compile(
            rf"(?<![\w’'-])(?:{preps})\s+(?:(?:{dets})\s+)?"
            rf"(?:{word}\s+){{0,2}}(?P<noun>(?!(?:{breaks})\b)[a-z][a-z-]*)\s+$"
        ),
        # "over an ⟨intercepted⟩ ship"
        before_noun=re.compile(rf"(?<![\w’'-])(?:{dets})\s+$", re.IGNORECASE),
        # a noun, not a verb ("the detained included …") nor an adverb ("all evacuated
        # safely")
        noun_after=re.compile(rf"\s+(?!(?:{not_nouns})\b)[a-z][a-z-]*\b(?<!ed)(?<!ly)"),
        partitive=frozenset(raw["partitive_heads"]),
        group_nouns=frozenset(raw["attributive_group_nouns"]),
        not_plural=frozenset(raw["not_plural"]),
        participles=frozenset(load_data("grammar.yaml")["irregular_participles"]),
    )


def attributive(text: str, clause_start: int, trigger_start: int, trigger_end: int) -> bool:
    """True when the trigger is a participle that describes a noun instead of reporting a
    happening: after a noun that is the object of a preposition ("the release of prisoners
    jailed in Israel", "casualties inflicted by the coalition fighting in Yemen"; that noun
    cannot be the subject of a verb), or between a determiner and its noun ("a tug-of-war
    over an intercepted ship"). Gerunds are nouns and do not count ("reports of fighting in
    …", "of heavy fighting in …": an adjective is no noun, so a singular noun must be a group
    that acts, from ``attributive_group_nouns``). Only single-word triggers are read so."""
    form = text[trigger_start:trigger_end].lower()
    pat = _attributive()
    ed = form.endswith("ed") or form in pat.participles
    if not (ed or form.endswith("ing")) or not form.isalpha():
        # a phrase ("flights cancelled") carries its own syntax
        return False
    found = pat.after_object.search(text, clause_start, trigger_start)
    if found is not None:
        head = _LAST_WORD.search(text, clause_start, found.start())
        if head is not None and head.group(1).lower() in pat.partitive:
            found = None  # "one of the hallways ⟨flooded⟩": the main verb
    if found is not None:
        noun = found.group("noun")
        plural = (
            noun.endswith("s")
            and not noun.endswith(("ss", "us", "is"))
            and noun not in pat.not_plural
        )
        if plural or noun in pat.group_nouns:
            return True
    return (
        ed
        and pat.before_noun.search(text, clause_start, trigger_start) is not None
        and pat.noun_after.match(text, trigger_end) is not None
    )
