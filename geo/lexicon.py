"""The event lexicon: event types and their trigger words, loaded once from
``geo/data/triggers.yaml``, and the trigger pass that finds them in a text."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from geo.clauses import ATTRIBUTIVE_BEFORE, NEXT_WORD
from geo.errors import GeoError
from geo.vocabulary import CaselessPattern, LazyPattern, alternation, load_data, lowered, words

__all__ = [
    "Frame",
    "Lexicon",
    "Trigger",
    "TriggerType",
    "find_triggers",
    "load_lexicon",
    "trigger_types",
]


@dataclass(frozen=True, slots=True)
class TriggerType:
    """An event type from the trigger lexicon."""

    name: str
    category: str
    label: str
    group: str
    strength: float
    preps: frozenset[str] = frozenset()
    object: bool = False
    form_labels: Any = field(default_factory=dict, compare=False, hash=False)
    #: Types of the same group that are never one happening with this one (a wildfire and a
    #: flood in one town in one week are two disasters).
    apart: frozenset[str] = frozenset()
    #: A definite description of another type ("The visit …") never names a report of this
    #: type ("speaking to reporters in Denizli, the minister said …"), and the reverse.
    named_only_as_itself: bool = False
    #: A plan or a possibility of this type is no event: "the council will vote next week",
    #: "plans to open a store" (local government and openings are announced ahead, and only
    #: their happening is news).
    reported_only: bool = False
    #: The happening is its verb's day: "the library opened on Tuesday" is an opening on
    #: Tuesday, not a start (``geo.reports.lasting``).
    instant: bool = False
    #: The happening is a state that lasts months or years (an invasion, a war, an
    #: epidemic): a later article recalls it with no date ("Moscow's invasion of Ukraine"),
    #: however long after another article dated it (:func:`geo.compatibility.recalled`).
    lasting_state: bool = False

    def __post_init__(self) -> None:
        if not 0 < self.strength <= 1:
            raise GeoError(f"trigger type {self.name!r}: strength must be in (0, 1]")


@dataclass(frozen=True, slots=True)
class Lexicon:
    types: dict[str, TriggerType]
    forms: dict[str, tuple[TriggerType, float]]
    pattern: CaselessPattern
    locative: frozenset[str]
    joint_words: frozenset[str]
    domain_words: dict[str, str]
    domain_types: frozenset[str]
    continuation: frozenset[str]
    unlocated: re.Pattern[str]
    adjunct_nouns: frozenset[str]
    speaker: re.Pattern[str]
    impact: re.Pattern[str]
    weapon: CaselessPattern
    weapon_type: TriggerType
    #: Trigger frames: a verb that reports this type only with one of its nouns, as its
    #: object ("approved the 2010 budget") or its subject ("the council voted").
    frames: tuple[Frame, ...] = ()
    #: Every verb of the frames, found in one pass before their contexts are read.
    frame_verbs: CaselessPattern | None = None


def _phrase_regex(forms: Sequence[str]) -> str:
    """The alternation of ``forms``, a hyphen in a form also matching a space or nothing."""
    return alternation(forms, loose_hyphens=True)


def _unit(c: str) -> str:
    """The regex of one character of a phrase, as :func:`_phrase_regex` writes it."""
    if c == " ":
        return r"\s+"
    if c == "-":
        return r"[-\s]?"
    return re.escape(c)


def _trie_regex(words: Sequence[str]) -> str:
    """The alternation of :func:`_phrase_regex` written as a trie of shared prefixes: it
    matches the same spans (longer forms first at every branch), about ten times faster on
    the hundreds of trigger forms, because the engine no longer tries every form at every
    word."""
    trie: dict[str, Any] = {}
    #: id(node) → 1 + the most units below it (a node where only a form ends has 1), kept
    #: while the forms go in: the trie's nodes all live until it is written
    depths: dict[int, int] = {}
    units: dict[str, str] = {}
    for w in set(words):
        node = trie
        left = len(w) + 1
        for c in w:
            if depths.get(id(node), 0) < left:
                depths[id(node)] = left
            left -= 1
            unit = units.get(c)
            if unit is None:
                unit = units[c] = _unit(c)
            node = node.setdefault(unit, {})
        if id(node) not in depths:
            depths[id(node)] = 1
        node[""] = {}

    def gen(node: dict[str, Any]) -> str:
        kids = [(u, n) for u, n in node.items() if u]
        if not kids:
            return ""
        if len(kids) > 1:  # most nodes have one child: no depth to weigh
            kids.sort(key=lambda k: (-depths[id(k[1])], k[0]))
        alts = [u + gen(n) for u, n in kids]
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return gen(trie)


def _first_letters(words: Sequence[str]) -> str:
    """A lookahead for the first letters of ``words``, in lower case (it guards a pattern
    matched without regard to case, :class:`~geo.vocabulary.CaselessPattern`): a cheap guard
    that lets a long alternation skip the positions none of them can start at."""
    letters = sorted({str(w)[0].lower() for w in words})
    return "(?=[" + re.escape("".join(letters)) + "])"


#: A word between a frame's verb and its object: a word or a sum ("a $6.6 billion budget").
_GAP_WORD = r"(?:[$£€]?\d[\d.,]*|[\w’'-]+)"
#: How far before a frame's verb its subject may start.
_SUBJECT_REACH = 120


@dataclass(frozen=True, slots=True)
class Frame:
    """A trigger frame of ``triggers.yaml``: ``verbs`` report ``type`` only when ``context``
    matches right after the verb (its object) or, for a subject frame, ends right before it.

    ``{verbs, objects, gap}``: the verb, then at most ``gap`` words (with ``commas``, a
    word may end in a comma), then an object noun ("inaugurated two mega projects");
    ``{subjects, fillers, verbs}``: a subject noun, at
    most ``gap`` words of ``fillers`` (auxiliaries, adverbs, days; with ``names``, also
    capitalised words; with ``any_words``, any word, comma or age: "the body of a 22-year-old
    man was found"), then the verb ("the council unanimously voted", "a new campus has
    opened", "Judge Jane Roe awarded")."""

    type: TriggerType
    verbs: frozenset[str]
    subject: bool
    #: compiled on first use: a batch meets the verbs of some frames only
    context: LazyPattern


def _frame(spec: dict[str, Any], type_: TriggerType) -> Frame:
    """The :class:`Frame` of one ``frames`` entry of ``triggers.yaml``."""
    gap = int(spec.get("gap", 3))
    verbs = frozenset(" ".join(str(v).lower().split()) for v in spec["verbs"])
    if "objects" in spec:
        # with ``commas``, a gap word may end a name set off before its title ("summoned Jane
        # Roe, the ambassador") or stand in brackets ("the candidate of the National Party
        # (NP), as the winner")
        word = rf"\(?{_GAP_WORD}\)?,?" if spec.get("commas") else _GAP_WORD
        context = rf"\s+(?:{word}\s+){{0,{gap}}}?(?:{_trie_regex(spec['objects'])})\b"
        return Frame(type_, verbs, False, LazyPattern(lambda: context, re.IGNORECASE))
    fillers = _trie_regex(spec.get("fillers", ()))
    if spec.get("names"):
        fillers += r"|(?-i:[A-Z][\w.’'-]*)"  # "Judge Frederic Block awarded"
    if spec.get("any_words"):
        fillers += r"|[\w.’'-]+,?"  # "the body of Ann Roe, 56, was found"
    context = rf"\b(?:{_trie_regex(spec['subjects'])})\s+(?:(?:{fillers})\s+){{0,{gap}}}$"
    return Frame(type_, verbs, True, LazyPattern(lambda: context, re.IGNORECASE))


@cache
def load_lexicon() -> Lexicon:
    raw = load_data("triggers.yaml")
    types: dict[str, TriggerType] = {}
    forms: dict[str, tuple[TriggerType, float]] = {}
    for name, spec in raw["types"].items():
        t = TriggerType(
            name=name,
            category=spec["category"],
            label=spec["label"],
            group=spec.get("group", name),
            strength=float(spec["strength"]),
            preps=frozenset(spec.get("preps", ())),
            object=bool(spec.get("object", False)),
            form_labels=dict(spec.get("form_labels", {})),
            apart=frozenset(spec.get("apart", ())),
            named_only_as_itself=bool(spec.get("named_only_as_itself", False)),
            reported_only=bool(spec.get("reported_only", False)),
            instant=bool(spec.get("instant", False)),
            lasting_state=bool(spec.get("lasting_state", False)),
        )
        types[name] = t
        for form in spec.get("forms", ()):
            forms.setdefault(str(form).lower(), (t, t.strength))
        for form in spec.get("weak", ()):
            forms.setdefault(str(form).lower(), (t, t.strength / 2))
    # the first-letter guard halves the scan (the trie is tried only where a form can start)
    guard = _first_letters(list(forms)) if all(f[:1].isalnum() for f in forms) else ""
    pattern = CaselessPattern(guard + r"\b(?:" + _trie_regex(list(forms)) + r")\b")
    domains = {
        str(w).lower(): adjective for adjective, ws in raw["domain_words"].items() for w in ws
    }
    frames = tuple(
        _frame(frame, types[name])
        for name, spec in raw["types"].items()
        for frame in spec.get("frames", ())
    )
    verbs = sorted({v for f in frames for v in f.verbs})
    return Lexicon(
        frames=frames,
        frame_verbs=CaselessPattern(_first_letters(verbs) + r"\b(?:" + _trie_regex(verbs) + r")\b")
        if verbs
        else None,
        types=types,
        forms=forms,
        pattern=pattern,
        locative=frozenset(raw["locative"]),
        joint_words=frozenset(raw["joint_words"]),
        domain_words=domains,
        domain_types=frozenset(raw["domain_types"]),
        continuation=frozenset(raw["continuation_openers"]),
        unlocated=re.compile(
            r"\b(?:"
            + _phrase_regex(raw["unlocated_before"])
            + r")\s+(?:(?:"
            + _phrase_regex(raw["unlocated_fillers"])
            + r")\s+)?(?:[a-z]+\s+)?(?:the\s+)?$",
            re.IGNORECASE,
        ),
        adjunct_nouns=frozenset(str(w).lower() for w in raw["adjunct_nouns"]),
        # "Russian missiles hit the Odesa region", "a drone struck an oil depot": a weapon
        # word right before a verb of impact is a strike
        weapon=CaselessPattern(
            # a class of first letters first: the scan skips other positions quickly
            _first_letters(raw["weapon_subjects"])
            + r"\b(?:"
            + _phrase_regex(raw["weapon_subjects"])
            + rf")(?=(?:\s+(?:{words('weapon_verb_fillers')}))?\s+(?:"
            + _phrase_regex(raw["impact_verbs"])
            + r")\b)"
        ),
        weapon_type=types[raw["weapon_type"]],
        impact=re.compile(
            # "Storm Ciaran has also battered northern Spain": a name, an auxiliary and an
            # adverb may stand between the disaster and its verb (session 39)
            r"(?:\s+[A-Z][\w-]*)?"
            rf"(?:\s+(?:{words('impact_verb_auxiliaries')}))?"
            rf"(?:\s+(?:{words('weapon_verb_fillers')}))?"
            r"\s+(?:" + _phrase_regex(raw["impact_verbs"]) + r")\s+"
            # "devastated the French territory of Mayotte", "hit Turkey's eastern province of
            # Malatya", "hit the eastern Turkish province of Malatya" (session 37)
            rf"(?:the\s+)?(?:(?:[\w'’-]+\s+){{0,2}}(?:{words('impact_area_nouns')})\s+of\s+"
            r"(?:the\s+)?)?",
        ),
        speaker=re.compile(
            rf"[ \t]+(?:(?:{words('speech_verb_fillers')})\s+)?(?:"
            + _phrase_regex(raw["speech_verbs"])
            + r")\b"
        ),
    )


def trigger_types() -> dict[str, TriggerType]:
    """Every event type of the trigger lexicon, by name."""
    return dict(load_lexicon().types)


@dataclass(frozen=True, slots=True)
class Trigger:
    start: int
    end: int
    form: str
    type: TriggerType
    strength: float


@cache
def _forms_unhyphenated() -> dict[str, tuple[TriggerType, float]]:
    """The lexicon's forms by their spelling with hyphens as spaces ("cease fire" for
    "cease-fire"); where two forms share one, the first in the lexicon's order."""
    out: dict[str, tuple[TriggerType, float]] = {}
    for key, value in load_lexicon().forms.items():
        out.setdefault(key.replace("-", " "), value)
    return out


def find_triggers(text: str) -> list[Trigger]:
    """Trigger words in ``text``, in text order."""
    lex = load_lexicon()
    low = lowered(text)  # the scans run on it, several times faster than ignoring case
    out = []
    for m in lex.pattern.finditer(text, low):
        follower = NEXT_WORD.match(text, m.end())
        if follower and follower.group(1).lower() in lex.adjunct_nouns:
            continue  # "the disaster agency", "the election commission": a name, not a happening
        lower = text[m.start() : m.end()].lower()
        if (
            lower.endswith("ed")
            and lex.forms.get(lower, (None,))[0] is not None
            and lex.forms[lower][0].name == "invasion"
            and ATTRIBUTIVE_BEFORE.search(text, max(0, m.start() - 20), m.start())
        ):
            continue  # "the occupied West Bank", "Russian-occupied Crimea": a state, not news
        form = " ".join(lower.replace("-", " ").split())
        hit = lex.forms.get(form) or lex.forms.get(lower) or _forms_unhyphenated().get(form)
        if hit is None:
            continue
        out.append(Trigger(m.start(), m.end(), form, hit[0], hit[1]))
    weapons = [
        Trigger(
            w.start(),
            w.end(),
            text[w.start() : w.end()].lower(),
            lex.weapon_type,
            lex.weapon_type.strength,
        )
        for w in lex.weapon.finditer(text, low)
    ]
    if weapons:
        # the weapon subject replaces a weak reading of the same word ("missiles")
        taken = {(w.start, w.end) for w in weapons}
        out = sorted(
            [t for t in out if (t.start, t.end) not in taken] + weapons, key=lambda t: t.start
        )
    framed = _framed(text, lex, low)
    if framed:
        # the frame's reading replaces the word's own ("the council voted" is no election,
        # "inaugurated a bridge" no inauguration)
        out = sorted(
            [t for t in out if not any(f.start < t.end and t.start < f.end for f in framed)]
            + framed,
            key=lambda t: t.start,
        )
    return out


def _framed(text: str, lex: Lexicon, low: str | None) -> list[Trigger]:
    """The triggers of the lexicon's frames in ``text`` (``low``: :func:`lowered` of it): the
    verb of each whose object or subject is there (the first frame that reads it); a verb of
    several words may be read by its first words alone ("voted to approve a site plan": "the
    council voted")."""
    if lex.frame_verbs is None:
        return []
    out: list[Trigger] = []
    for m in lex.frame_verbs.finditer(text, low):
        spans = [w.end() for w in re.finditer(r"\S+", text[m.start() : m.end()])]
        found = None
        for stop in reversed(spans):  # the longest reading first
            end = m.start() + stop
            form = " ".join(text[m.start() : end].lower().split())
            for frame in lex.frames:
                if form not in frame.verbs:
                    continue
                if frame.subject:
                    lo = max(0, m.start() - _SUBJECT_REACH)
                    hit = frame.context.search(text, lo, m.start()) is not None
                else:
                    hit = frame.context.match(text, end) is not None
                if hit:
                    found = Trigger(m.start(), end, form, frame.type, frame.type.strength)
                    break
            if found is not None:
                break
        if found is not None:
            out.append(found)
    return out


# ---------------------------------------------------------------------------------------------
# Sentences, clauses, attributions
