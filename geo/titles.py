"""Titles of events: "Joint naval drill by Russia and China, Sea of Japan", "Talks,
Beijing", "Wildfire near Athens"."""

from __future__ import annotations

import re
from collections.abc import Sequence

from gazetteer import Place
from geo.clauses import WORDS
from geo.lexicon import Trigger, TriggerType, load_lexicon
from geo.vocabulary import LazyPattern, words

__all__ = ["place_title", "title_core", "title_for"]


def title_for(
    text: str,
    trigger: Trigger | None,
    type_: TriggerType,
    place: Place,
    clause: str,
    sent_start: int = 0,
    place_start: int | None = None,
) -> str:
    """A short label: "Joint naval drill by Russia and China, Sea of Japan", "Talks,
    Beijing". Actors ("by Russia and China") are named for military and conflict events
    only, from national adjectives just before the trigger in its clause ("Russian and
    Chinese warships carried out joint drills")."""
    lex = load_lexicon()
    noun = type_.form_labels.get(trigger.form, type_.label) if trigger else type_.label
    domain = None
    if type_.name in lex.domain_types:
        low = " ".join(WORDS.findall(clause.lower()))
        for word, adjective in lex.domain_words.items():
            if re.search(rf"\b{re.escape(word)}\b", low):
                domain = adjective
                break
    if domain:
        base = noun[len("Military ") :] if noun.startswith("Military ") else noun
        core = f"{domain} {base.lower()}"
    else:
        core = noun
    if trigger is not None:
        before = WORDS.findall(text, max(0, trigger.start - 40), trigger.start)[-3:]
        if any(w.lower() in lex.joint_words for w in before):
            core = "joint " + core[:1].lower() + core[1:]
    core = core[:1].upper() + core[1:]
    if trigger is not None and type_.category in {"military", "conflict"}:
        actors = _actors(text, max(sent_start, trigger.start - 80), trigger.start)
        if actors and core.startswith("Joint") and place_start and place_start > trigger.end:
            # "the Chinese navy conducted a joint drill with its Russian counterpart in…"
            partners = WORDS.findall(text, trigger.end, place_start)
            actors = list(dict.fromkeys([*actors, *_countries_of(partners)]))[:3]
        if actors:
            core += " by " + (
                actors[0] if len(actors) == 1 else ", ".join(actors[:-1]) + " and " + actors[-1]
            )
    return place_title(core, place)


#: Names of derived places that read as a phrase after the happening: "Near Athens", "Sea off
#: Basilan", "Waters around Taiwan" (gazetteer.areas).
_RELATIONAL_NAME = LazyPattern(lambda: rf"(?:{words('relational_name_prefixes')}) (?=\S)")


def place_title(core: str, place: Place) -> str:
    """A title from what happened and where: "Talks, Beijing"; for a place derived near, off
    or around another, a phrase: "Wildfire near Athens", "Accident off Basilan", "Air drill
    around Taiwan" (not "Fire, Near Athens"). Compass parts and coasts keep the comma
    ("Storm, Northern Madagascar")."""
    if place.kind == "derived":  # (its derivation would draw a derived area: not needed)
        m = _RELATIONAL_NAME.match(place.name)
        if m is not None:
            relation = m.group().split()[-1].lower()
            return f"{core} {relation} {place.name[m.end() :]}"
    return f"{core}, {place.name}"


def title_core(title: str, place: Place) -> str:
    """What happened, from a title :func:`place_title` made with ``place``: "Wildfire" from
    "Wildfire near Athens", "Statement" from "Statement, Washington, D.C."."""
    suffix = place_title("", place)
    if suffix and title.endswith(suffix) and len(title) > len(suffix):
        return title[: -len(suffix)]
    return title.rsplit(", ", 1)[0]


_CLAUSE_PUNCT = re.compile(r"[,;:–—()\"“”]")
#: Words that may stand between the actors' adjectives and the trigger.
_ACTOR_GAP = 5
_PASSIVE_BY = LazyPattern(lambda: rf"\b(?:\w+(?:ed|en)|{words('irregular_participles')})\s+by\b")


def _actors(text: str, lo: int, hi: int) -> list[str]:
    """Countries named by national adjectives in ``text[lo:hi]`` after its last clause
    punctuation, the last within :data:`_ACTOR_GAP` words of ``hi``, in text order."""
    from gazetteer.modifiers import demonym_entry

    segment = text[lo:hi]
    cut = max((m.end() for m in _CLAUSE_PUNCT.finditer(segment)), default=0)
    # "a Philippine boat hit by water cannon": before a passive "by" come the targets
    cut = max([cut, *(m.end() for m in _PASSIVE_BY.finditer(segment, cut))])
    words = WORDS.findall(segment[cut:])
    found: list[tuple[int, str]] = []
    for i, word in enumerate(words):
        if not word[:1].isupper():
            continue
        entry = demonym_entry(word)
        if entry is not None and entry.kind == "country":
            found.append((i, entry.place))
    if not found or len(words) - 1 - found[-1][0] > _ACTOR_GAP:
        return []
    return list(dict.fromkeys(name for _, name in found))[:3]


def _countries_of(words: Sequence[str]) -> list[str]:
    """Countries named by the capitalised national adjectives among ``words``."""
    from gazetteer.modifiers import demonym_entry

    out = []
    for word in words:
        entry = demonym_entry(word) if word[:1].isupper() else None
        if entry is not None and entry.kind == "country":
            out.append(entry.place)
    return out
