"""Events in one article: triggers, locative roles, dates, titles and confidence.

An event is a place in a locative role ("in", "near", "off", "around", "at"…, or the object
of "invaded", "visited"…) in a sentence that reports something happening, named by a trigger
word from ``geo/data/triggers.yaml`` ("met", "talks", "drills", "patrol", "protest",
"flood"…). "Trade with Russia" or "Russia's conflict" are mentions, not located happenings.

Dates (:class:`Timeline`): an event takes the time expression of its own clause; else a time
expression of its sentence that no other place's clause holds; else, when the sentence
continues the one before it ("Meanwhile…", "The patrol was…", a pronoun subject, or the
same person named again), that sentence's date; else the publication date with precision
``unknown``. Time expressions inside an attribution ("according to the Kremlin's account of
their meeting on Sept. 12") never date an event; time expressions inside quoted speech date
only places inside the same quote. The same rules date every mention.

What the clause says about the happening (:mod:`geo.factuality`) decides whether it is an
event and which dates it may take. A report has a ``status``:

- ``reported``: it happened. Without a date of its own it is dated "around publication": the
  week up to the publication day, precision ``unknown``;
- ``planned`` ("will attend a summit in Kazan next week") and ``possible`` ("a meeting could
  take place in Geneva"): an event only with a date of its own clause or sentence, or of the
  sentence it continues, that does not lie wholly before publication; never the
  publication date;
- ``background``: a happening named to set the scene, in a temporal subordinate clause
  ("shortly before Moscow launched its attack on Ukraine") or as a noun owned by a name
  ("Putin's invasion of Ukraine"). It keeps only a date of its own clause (or, for the noun,
  its sentence; or the previous sentence's when that sentence speaks of the same kind of
  happening). Otherwise it is *floating* (``date_source == "none"``): it carries the
  publication week only as a placeholder, and :mod:`geo.merge` adds it as a source to the
  dated event it refers to, or drops it.

Negated ("did not visit", "no talks were held"), conditional ("if fighting resumes in …") and
counterfactual ("could have met in …") happenings are not events.

See docs/recognition-and-events.md for the confidence formula and the title rules.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any

import yaml

from gazetteer import Place
from geo import factuality
from geo.errors import GeoError
from geo.model import DateRange

if TYPE_CHECKING:
    from geo.recognize import Recognized

__all__ = [
    "OPEN_END_DAYS",
    "STATUSES",
    "EventReport",
    "Timeline",
    "TriggerType",
    "around_publication",
    "detect_events",
    "open_ended",
    "place_title",
    "title_core",
    "trigger_types",
]

#: Date precision → confidence factor.
DATE_FACTOR = {
    "day": 1.0,
    "week": 0.9,
    "month": 0.8,
    "season": 0.7,
    "year": 0.6,
    "unknown": 0.4,
}
#: Place precision (1 point, 2 near/part of, 3 region/sea/country) → confidence factor.
PLACE_FACTOR = {1: 1.0, 2: 0.9, 3: 0.8}
#: Locative role → confidence factor.
ROLE_FACTOR = {
    "in": 1.0,
    "at": 1.0,
    "on": 0.9,
    "over": 0.9,
    "across": 0.9,
    "along": 0.9,
    "inside": 1.0,
    "within": 1.0,
    "throughout": 0.9,
    "near": 0.9,
    "off": 0.9,
    "around": 0.9,
    "waters": 0.9,
    "coast": 0.9,
    "to": 0.8,
    "of": 0.8,
    "into": 0.8,
    "object": 0.8,
    "inherited": 0.6,
}
#: Weights of the factors in the (geometric) mean that makes an event's confidence.
WEIGHTS = {"trigger": 0.35, "role": 0.25, "date": 0.25, "place": 0.15}
#: How a report presents its happening (see the module docstring) → confidence multiplier.
STATUS_FACTOR = {"reported": 1.0, "planned": 0.85, "background": 0.85, "possible": 0.6}
#: The statuses a report may have.
STATUSES: tuple[str, ...] = tuple(STATUS_FACTOR)
#: A reported happening without a date of its own is dated to the last this many days up to
#: and including the publication day ("around publication").
PUBLISHED_WINDOW_DAYS = 7
#: A happening the text gives only the first day of ("starts on Oct. 22") runs this many days
#: from it when no source says when it ends: meetings, summits, drills and offensives that
#: are announced by their start mostly last days, not months (precision ``week``).
OPEN_END_DAYS = 7
#: Triggers farther than this many words from the place do not make it an event.
MAX_DISTANCE = 12
#: How many sentences after a headline may hold the lead that dates it (a byline first).
LEAD_SENTENCES = 3
#: Fewer words than this make a byline or a dateline, not the lead.
LEAD_MIN_WORDS = 8
#: A trigger in another clause of the sentence counts as this many words farther away.
CLAUSE_PENALTY = 4
#: A trigger after the place scores this share of one before it ("talks in X" is the usual
#: order: the happening, then where).
AFTER_FACTOR = 0.8
#: The strength a sentence's only trigger keeps for its only located place when they are
#: farther apart than :data:`MAX_DISTANCE` words (see :func:`_main_trigger`).
FAR_FACTOR = 0.8
#: Clauses whose places a far trigger does not reach: other times and relative clauses.
_FAR_BLOCKED_CLAUSE = re.compile(
    r"(?:after|before|since|until|ahead\s+of|following|prior\s+to|who|which|whose|whom)\b",
    re.IGNORECASE,
)
#: Words of speech before a place: a far trigger does not reach it.
_SPEECH_BETWEEN = re.compile(
    r"\b(?:said|says|told|announced|stated|added|briefing|press\s+conference|statement|"
    r"described|describes|called|calls|referred|refers|condemned|condemns|denounced|"
    r"critici[sz]ed|warned|warns|urged|urges)\b",
    re.IGNORECASE,
)
#: Roles that locate a place where its sentence's main trigger happens, however far.
_FAR_ROLES = frozenset({"in", "at", "near", "off", "around", "across", "along", "throughout"})


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

    def __post_init__(self) -> None:
        if not 0 < self.strength <= 1:
            raise GeoError(f"trigger type {self.name!r}: strength must be in (0, 1]")


@dataclass(frozen=True, slots=True)
class _Lexicon:
    types: dict[str, TriggerType]
    forms: dict[str, tuple[TriggerType, float]]
    pattern: re.Pattern[str]
    locative: frozenset[str]
    joint_words: frozenset[str]
    domain_words: dict[str, str]
    domain_types: frozenset[str]
    continuation: frozenset[str]
    unlocated: re.Pattern[str]
    adjunct_nouns: frozenset[str]
    speaker: re.Pattern[str]
    impact: re.Pattern[str]
    weapon: re.Pattern[str]
    weapon_type: TriggerType


def _phrase_regex(words: Sequence[str]) -> str:
    ordered = sorted(set(words), key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+").replace(r"\-", r"[-\s]?") for w in ordered)


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
    for w in set(words):
        node = trie
        for c in w:
            node = node.setdefault(_unit(c), {})
        node[""] = {}

    def depth(node: dict[str, Any]) -> int:
        return 1 + max((depth(n) for u, n in node.items() if u), default=0)

    def gen(node: dict[str, Any]) -> str:
        kids = sorted(((u, n) for u, n in node.items() if u), key=lambda k: (-depth(k[1]), k[0]))
        if not kids:
            return ""
        alts = [u + gen(n) for u, n in kids]
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return gen(trie)


def _first_letters(words: Sequence[str]) -> str:
    """A lookahead for the first letters of ``words`` in either case: a cheap guard that lets
    a long alternation skip the positions none of them can start at."""
    letters = sorted({c for w in words for c in (str(w)[0].lower(), str(w)[0].upper())})
    return "(?=[" + re.escape("".join(letters)) + "])"


@cache
def _lexicon() -> _Lexicon:
    raw = yaml.safe_load(resources.files("geo").joinpath("data/triggers.yaml").read_text())
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
        )
        types[name] = t
        for form in spec.get("forms", ()):
            forms.setdefault(str(form).lower(), (t, t.strength))
        for form in spec.get("weak", ()):
            forms.setdefault(str(form).lower(), (t, t.strength / 2))
    pattern = re.compile(r"\b(?:" + _trie_regex(list(forms)) + r")\b", re.IGNORECASE)
    domains = {
        str(w).lower(): adjective for adjective, ws in raw["domain_words"].items() for w in ws
    }
    return _Lexicon(
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
        weapon=re.compile(
            # a class of first letters first: the scan skips other positions quickly
            _first_letters(raw["weapon_subjects"])
            + r"\b(?:"
            + _phrase_regex(raw["weapon_subjects"])
            + r")(?=(?:\s+(?:also|again|"
            r"reportedly|then))?\s+(?:" + _phrase_regex(raw["impact_verbs"]) + r")\b)",
            re.IGNORECASE,
        ),
        weapon_type=types[raw["weapon_type"]],
        impact=re.compile(
            r"(?:\s+[A-Z][\w-]*)?\s+(?:" + _phrase_regex(raw["impact_verbs"]) + r")\s+"
            r"(?:the\s+)?(?:(?:[A-Z][\w-]*\s+)?(?:territory|island|islands|province|region|"
            r"state|city|town|village|district|coast|archipelago|port|outskirts|capital)\s+of\s+"
            r"(?:the\s+)?)?",
        ),
        speaker=re.compile(
            r"[ \t]+(?:(?:has|had|have|also|later|then|officially)\s+)?(?:"
            + _phrase_regex(raw["speech_verbs"])
            + r")\b"
        ),
    )


def trigger_types() -> dict[str, TriggerType]:
    """Every event type of the trigger lexicon, by name."""
    return dict(_lexicon().types)


@dataclass(frozen=True, slots=True)
class _Trigger:
    start: int
    end: int
    form: str
    type: TriggerType
    strength: float


def find_triggers(text: str) -> list[_Trigger]:
    """Trigger words in ``text``, in text order."""
    lex = _lexicon()
    out = []
    for m in lex.pattern.finditer(text):
        follower = _NEXT_WORD.match(text, m.end())
        if follower and follower.group(1).lower() in lex.adjunct_nouns:
            continue  # "the disaster agency", "the election commission": a name, not a happening
        if (
            m.group().lower().endswith("ed")
            and lex.forms.get(m.group().lower(), (None,))[0] is not None
            and lex.forms[m.group().lower()][0].name == "invasion"
            and _ATTRIBUTIVE_BEFORE.search(text, max(0, m.start() - 20), m.start())
        ):
            continue  # "the occupied West Bank", "Russian-occupied Crimea": a state, not news
        form = " ".join(m.group().lower().replace("-", " ").split())
        hit = lex.forms.get(form) or lex.forms.get(m.group().lower())
        if hit is None:
            hit = next((v for k, v in lex.forms.items() if k.replace("-", " ") == form), None)
        if hit is None:
            continue
        out.append(_Trigger(m.start(), m.end(), form, hit[0], hit[1]))
    weapons = [
        _Trigger(w.start(), w.end(), w.group().lower(), lex.weapon_type, lex.weapon_type.strength)
        for w in lex.weapon.finditer(text)
    ]
    if weapons:
        # the weapon subject replaces a weak reading of the same word ("missiles")
        taken = {(w.start, w.end) for w in weapons}
        out = sorted(
            [t for t in out if (t.start, t.end) not in taken] + weapons, key=lambda t: t.start
        )
    return out


# ---------------------------------------------------------------------------------------------
# Sentences, clauses, attributions

_WORDS = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")
_CLAUSE_BREAK = re.compile(
    r"[;:]\s+|\s[–—]\s|—|,[”\"’]?\s+|\s(?P<sub>(?:after|before|since|while|when|whereas|"
    r"although|though|because|until|ahead\s+of|following|during|where|which|who|"
    r"as\s+(?:they|he|she|it|we|both|the))\b)",
    re.IGNORECASE,
)
#: Clauses that speak of another time than the main one ("since his appointment in May").
_SUBORDINATE = re.compile(
    r"(?:after|before|since|until|ahead\s+of|following|prior\s+to)\b", re.IGNORECASE
)
_ATTRIBUTION = re.compile(
    r"\b(?:according\s+to|as\s+reported\s+by|reported\s+by|as\s+cited\s+by|citing|"
    r"cited\s+by|quoted\s+by|in\s+a\s+(?:statement|readout|communiqu[eé]|report)\b)",
    re.IGNORECASE,
)
#: Substrings every attribution contains (a cheap test before the regex).
_ATTRIBUTION_HINTS = ("accord", "report", "cit", "quoted", "statement", "readout", "communiqu")
_ATTRIBUTION_END = re.compile(r"[;,—–]|\s[-–—]\s")
_POSSESSIVE = re.compile(r"['’]s?\b")
#: "Leaders to meet in Brasília", "Army to hold drills": a headline's "to <verb>" is future.
_HEADLINE_FUTURE = re.compile(r"\bto\s+(?:[a-z]+\s+){0,2}$")
_ATTRIBUTIVE_BEFORE = re.compile(r"(?:\b(?:the|an?|its|their)\s+|[A-Za-z]-)$", re.IGNORECASE)
_NEXT_WORD = re.compile(r"[ \t]+([^\W\d_]+)")
#: A clause opened by a present participle ("…, killing 12 people in Hatay").
_PARTICIPLE = re.compile(
    r"(?!(?:including|according|following|during|regarding|concerning|excluding|pending|"
    r"notwithstanding|citing|saying|adding|noting)\b)[a-z]{3,}ing\b"
)
#: A wire dateline: a place in capitals and a comma before the date, a dash after it
#: (an outlet in brackets may come between).
_DATELINE_BEFORE = re.compile(r"\s*[A-Z][A-Z .'’-]{1,40}(?:,\s*[A-Z][A-Za-z .'’-]{0,30})?,\s*")
_DATELINE_AFTER = re.compile(r"(?:,?\s*\d{4})?\s*(?:\([^)\n]{0,60}\)\s*)?[-–—]")
_WHEN = re.compile(r"when\b", re.IGNORECASE)
_GAP_BEFORE_WHEN = re.compile(r"[\s,]*")
_COMPOUND = re.compile(r"[-–]\w")
_PREP_BEFORE = re.compile(
    r"\b(in|at|near|off|around|over|on|across|along|inside|within|through|throughout|to|of|into|"
    r"against|from|with|for|by|about|between)\s+(?:the\s+)?"
    # "in the occupied West Bank", "in rebel-held Goma": a place's status is no preposition
    r"(?:(?:occupied|annexed|besieged|embattled|war-torn|disputed|restive|neighbou?ring|"
    r"nearby|[a-z]+-(?:held|controlled|occupied|hit|ravaged))\s+)?$",
    re.IGNORECASE,
)
#: "in the outskirts of X", "through neighbourhoods of X": the place of the area named.
_AREA_OF = re.compile(
    r"\b(in|at|near|through|across|around|on|over|into|throughout)\s+(?:the\s+|a\s+)?"
    r"(?:[\w-]+\s+){0,3}(?:neighbou?rhoods?|outskirts|suburbs?|streets|centre|center|parts?|"
    r"areas?|districts?|heart|old\s+town|port|coast|north|south|east|west|city|cities|town|"
    r"towns|village|villages|island|islands|provinces?|regions?|territory|territories|states|"
    r"oblasts?|counties)\s+of\s+(?:the\s+)?$",
    re.IGNORECASE,
)
#: "south of Valencia": somewhere near the place.
_DIRECTION_OF = re.compile(
    r"\b(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)\s+of\s+$",
    re.IGNORECASE,
)
#: What may stand between two places of one list: commas, "and"/"or", a preposition.
_LIST_GAP = re.compile(
    r"\s*(?:,\s*)?(?:(?:and|or)\s+)?(?:(?:in|at|near|off|around|over|on|across|along|inside|"
    r"within|through|throughout|to|of|into)\s+)?(?:the\s+)?$",
    re.IGNORECASE,
)
_COORDINATION = re.compile(
    r"(?:\band|\bor|,)\s+(?:(in|at|near|off|around|over|on|across|along|inside|within|"
    r"through|throughout|to|of|into)\s+)?(?:the\s+)?$",
    re.IGNORECASE,
)
_OBJECT_BEFORE = re.compile(
    r"\b([a-z]+)\s+(?:(?:the|neighbou?ring|nearby|southern|northern|eastern|western|central|"
    r"coastal|rebel-held|occupied|[a-z]+-held)\s+){0,2}$"
)


@dataclass(frozen=True, slots=True)
class _Sentence:
    start: int
    end: int
    clauses: tuple[int, ...]  # clause start offsets (absolute), first = sentence start
    attributions: tuple[tuple[int, int], ...]

    def clause_of(self, pos: int) -> int:
        return bisect_right(self.clauses, pos) - 1


_OXFORD_AND = re.compile(r"(?:and|or)\s+")


def _analyse_sentence(
    text: str,
    start: int,
    end: int,
    protected: Sequence[tuple[int, int]],
    places: Sequence[tuple[int, int]] = (),
):
    """Clause starts and attribution spans of the sentence ``text[start:end]``. Breaks
    inside ``protected`` spans (mentions, time expressions) are ignored, and so are commas
    between two of the ``places`` ("in Dakar, Thiès and Ziguinchor on Sunday": a list)."""
    s = text[start:end]
    clauses = [start]
    starts = [a for a, _ in protected]
    place_ends = {b for _, b in places}
    place_starts = {a for a, _ in places}
    for m in _CLAUSE_BREAK.finditer(s):
        pos = start + (m.start("sub") if m.group("sub") else m.end())
        at = start + m.start() + 1
        k = bisect_right(starts, at - 1) - 1
        if k >= 0 and protected[k][1] > at:
            continue
        if (
            s[m.start()] == ","
            and start + m.start() in place_ends
            and (
                start + m.end() in place_starts
                or (
                    (after := _OXFORD_AND.match(s, m.end())) is not None
                    and start + after.end() in place_starts
                )
            )
        ):
            continue  # a comma in a list of places ("Dakar, Thiès, and Ziguinchor")
        if pos < end and pos > clauses[-1]:
            clauses.append(pos)
    attributions = []
    low = s.lower()
    if not any(hint in low for hint in _ATTRIBUTION_HINTS):
        return _Sentence(start, end, tuple(clauses), ())
    for m in _ATTRIBUTION.finditer(s):
        a = start + m.start()
        stop = _ATTRIBUTION_END.search(s, m.end())
        b = start + stop.start() if stop else end
        attributions.append((a, b))
    return _Sentence(start, end, tuple(clauses), tuple(attributions))


def _is_headline(text: str, sent: _Sentence) -> bool:
    """True when the first sentence is a headline: one line, not ended by a full stop."""
    line = text[sent.start : sent.end].strip()
    return bool(line) and "\n" not in line and line[-1] not in ".!?\"”'’:"


def _in_spans(pos: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(a <= pos < b for a, b in spans)


def _word_distance(text: str, a: int, b: int) -> int:
    lo, hi = (a, b) if a <= b else (b, a)
    return len(_WORDS.findall(text, lo, hi))


# ---------------------------------------------------------------------------------------------
# Dating


class Timeline:
    """Dates positions in one text by the rules in the module docstring.

    ``sentences`` are spans (``start``/``end``) in text order, ``times`` the time expressions
    of :func:`geo.dates.find_dates` (``start``, ``end``, ``range``), ``quotes`` the quoted
    speech spans, ``places`` the offsets of place mentions (a time expression in a clause
    with another place belongs to that place), ``published`` the publication date.
    """

    def __init__(
        self,
        text: str,
        sentences: Sequence[Any],
        times: Sequence[Any],
        quotes: Sequence[Any],
        places: Sequence[tuple[int, int]],
        published: date | None,
        *,
        names_of: Any = None,
    ) -> None:
        self.text = text
        self.published = published
        self.quotes = sorted(quotes, key=lambda q: q.start)
        self._quote_starts = [q.start for q in self.quotes]
        self._spans = [(s.start, s.end) for s in sentences]
        self._sent_starts = [s for s, _ in self._spans]
        self._all_times = sorted(times, key=lambda t: t.start)
        self._time_starts = [t.start for t in self._all_times]
        self._places = sorted(places)
        self._place_starts = [p for p, _ in self._places]
        self._protected = sorted([(t.start, t.end) for t in times] + list(places))
        self._protected_starts = [a for a, _ in self._protected]
        self._analysed: dict[int, _Sentence] = {}
        self._times: dict[int, list[Any]] = {}
        self._names_of = names_of
        self._sentence_dates: dict[int, DateRange | None] = {}
        self._continues: dict[int, bool] = {}
        self._dated: dict[tuple[Any, ...], tuple[DateRange | None, str]] = {}
        self._published_range: DateRange | None = None

    def __len__(self) -> int:
        """The number of sentences."""
        return len(self._spans)

    def sentence(self, i: int) -> _Sentence:
        """Sentence ``i`` with its clauses and attribution spans (analysed on first use)."""
        sent = self._analysed.get(i)
        if sent is None:
            start, end = self._spans[i]
            lo = bisect_right(self._protected_starts, start) - 1
            hi = bisect_right(self._protected_starts, end)
            protected = self._protected[max(lo, 0) : hi]
            sent = _analyse_sentence(self.text, start, end, protected, self._places_in(i))
            self._analysed[i] = sent
        return sent

    def _times_in(self, i: int) -> list[Any]:
        """Time expressions of sentence ``i`` outside attributions."""
        own = self._times.get(i)
        if own is None:
            start, end = self._spans[i]
            lo = bisect_right(self._time_starts, start - 1)
            hi = bisect_right(self._time_starts, end - 1)
            if lo == hi:
                own = []  # no time expression: no need to analyse the sentence's clauses
            else:
                spans = self.sentence(i).attributions
                own = [t for t in self._all_times[lo:hi] if not _in_spans(t.start, spans)]
            self._times[i] = own
        return own

    def _places_in(self, i: int) -> list[tuple[int, int]]:
        start, end = self._spans[i]
        lo = bisect_right(self._place_starts, start - 1)
        hi = bisect_right(self._place_starts, end - 1)
        return self._places[lo:hi]

    def quote_at(self, pos: int) -> tuple[int, int] | None:
        """The quoted-speech span containing ``pos``, if any."""
        i = bisect_right(self._quote_starts, pos) - 1
        if i >= 0 and pos < self.quotes[i].end:
            return (self.quotes[i].start, self.quotes[i].end)
        return None

    def sentence_index(self, pos: int) -> int:
        """The index of the sentence containing ``pos`` (the nearest before it otherwise)."""
        return max(0, bisect_right(self._sent_starts, pos) - 1)

    def published_range(self) -> DateRange | None:
        """The publication date with precision ``unknown`` (``None`` without one)."""
        if self.published is None:
            return None
        if self._published_range is None:
            self._published_range = DateRange(self.published, self.published, "unknown")
        return self._published_range

    def _usable(self, i: int, pos: int) -> list[Any]:
        times = self._times_in(i)
        if not times:
            return times
        quote = self.quote_at(pos)
        out = []
        for t in times:
            tq = self.quote_at(t.start)
            if tq is not None and tq != quote:
                continue
            out.append(t)
        return out

    def own_date(self, pos: int) -> tuple[DateRange | None, str]:
        """The date of ``pos`` from its own sentence: ``(range, "clause" | "sentence")`` or
        ``(None, "")``."""
        found, source = self._own_expression(pos)
        return (None, "") if found is None else (found.range, source)

    def starts_only(self, pos: int) -> bool:
        """True when the time expression that dates ``pos`` in its own sentence gives only a
        start ("the summit is scheduled to start on Oct. 22": :func:`geo.dates.start_only`)."""
        found, _ = self._own_expression(pos)
        if found is None:
            return False
        from geo.dates import start_only

        return start_only(self.text, found.start, found.end)

    def _own_expression(self, pos: int) -> tuple[Any, str]:
        """The time expression of :meth:`own_date` and its source, or ``(None, "")``."""
        i = self.sentence_index(pos)
        if i >= len(self._spans):
            return None, ""
        usable = self._usable(i, pos)
        if not usable:
            return None, ""
        sent = self.sentence(i)
        clause = sent.clause_of(pos)
        own = [t for t in usable if sent.clause_of(t.start) == clause]
        if own:
            best = min(own, key=lambda t: (t.range.rank, abs(t.start - pos)))
            return best, "clause"
        antecedent = self._when_antecedent(sent, clause, usable)
        if antecedent is not None:
            return antecedent, "clause"
        k = clause
        while k > 0 and _PARTICIPLE.match(self.text, sent.clauses[k]):
            # "struck eastern Türkiye on Thursday, damaging buildings in Malatya": a
            # participle clause goes on with the time of the clause it follows
            k -= 1
            before = [t for t in usable if sent.clause_of(t.start) == k]
            if before:
                best = min(before, key=lambda t: (t.range.rank, -t.start))
                return best, "clause"
        # "Ukraine's air force said …": a possessor is not a place where something happens,
        # so its clause may still date the others.
        held = {
            sent.clause_of(p[0])
            for p in self._places_in(i)
            if not p[0] <= pos < p[1] and not _POSSESSIVE.match(self.text, p[1])
        }
        held |= {c for c, start in enumerate(sent.clauses) if _SUBORDINATE.match(self.text, start)}
        free = [t for t in usable if sent.clause_of(t.start) not in held]
        if free:
            best = min(free, key=lambda t: abs(t.start - pos))
            return best, "sentence"
        return None, ""

    def _when_antecedent(self, sent: _Sentence, clause: int, usable: Sequence[Any]) -> Any:
        """The time expression a relative "when" clause refers back to: "since last
        Saturday, when 10,000 people rallied in Concepción", "on Feb. 6, 2023, when two
        earthquakes struck" (the expression must end the clause right before it)."""
        start = sent.clauses[clause]
        if clause == 0 or not _WHEN.match(self.text, start):
            return None
        for t in usable:
            if sent.clause_of(t.start) == clause - 1 and _GAP_BEFORE_WHEN.fullmatch(
                self.text, t.end, start
            ):
                return t
        return None

    def lead_date(self) -> DateRange | None:
        """The date of the lead, the first full sentence after the headline (a byline may
        come between), when it is a day or a week: "BISSAU, Nov. 26 - Army officers said on
        Wednesday…" dates the headline "Soldiers seize power…"."""
        for k in range(1, min(len(self._spans), 1 + LEAD_SENTENCES)):
            start, end = self._spans[k]
            if len(_WORDS.findall(self.text, start, end)) < LEAD_MIN_WORDS:
                continue  # a byline or a dateline on a line of its own
            found = self.sentence_date(k) if self._times_in(k) else None
            # the lead's own news: a day or a week, not "In 2022, …"
            return found if found is not None and found.precision in {"day", "week"} else None
        return None

    def sentence_date(self, i: int) -> DateRange | None:
        """The date a sentence reports (its first usable time expression outside quotes), or
        the date of the sentence before when it continues that one."""
        if i in self._sentence_dates:
            return self._sentence_dates[i]
        self._sentence_dates[i] = None  # guards against cycles
        result = None
        if 0 <= i < len(self._spans):
            times = self._times_in(i)
            outside = [t for t in times if self.quote_at(t.start) is None]
            # "LIMA, Feb 9 — A quake shook central Peru on Sunday": the dateline dates the
            # article, the sentence reports Sunday
            outside = [t for t in outside if not self._dateline(t)] or outside
            if outside:
                result = outside[0].range
            elif times:
                result = times[0].range
            elif i > 0 and self.continues(i):
                result = self.sentence_date(i - 1)
        self._sentence_dates[i] = result
        return result

    def _dateline(self, t: Any) -> bool:
        """True when time expression ``t`` is part of a wire dateline that opens a line
        ("LIMA, Feb 9 —", "BISSAU, Nov. 26 (Example Wire) -")."""
        line_start = self.text.rfind("\n", 0, t.start) + 1
        return bool(
            _DATELINE_BEFORE.fullmatch(self.text, line_start, t.start)
            and _DATELINE_AFTER.match(self.text, t.end)
        )

    def continues(self, i: int) -> bool:
        """True when sentence ``i`` continues the one before it: it opens with a connective or
        pronoun ("Meanwhile", "They", "It"), with "The <event word>" ("The patrol…"), or names
        a person the sentence before also names."""
        if i <= 0 or i >= len(self._spans):
            return False
        hit = self._continues.get(i)
        if hit is None:
            hit = self._continues[i] = self._continues_uncached(i)
        return hit

    def _continues_uncached(self, i: int) -> bool:
        start, end = self._spans[i]
        head = _WORDS.findall(self.text, start, min(end, start + 60))
        if not head:
            return False
        lex = _lexicon()
        first = head[0].lower()
        if first in lex.continuation:
            return True
        if first == "the" and len(head) > 1:
            for w in head[1:4]:
                hit = lex.forms.get(w.lower())
                if hit is not None and hit[1] >= 0.5 * hit[0].strength:
                    return True
        if self._names_of is not None:
            names = self._names_of(start, end)
            return bool(names) and bool(names & self._names_of(*self._spans[i - 1]))
        return False

    def date_at(self, pos: int) -> tuple[DateRange | None, str]:
        """The date of something reported at ``pos``: ``(range, source)`` with source
        ``clause``, ``sentence``, ``previous`` or ``published``; ``(None, "")`` when nothing
        dates it. Positions in one clause (and quote) of a sentence share one answer."""
        i = self.sentence_index(pos)
        key: tuple[Any, ...] | None = None
        if i < len(self._spans) and self._times_in(i):
            key = (i, self.sentence(i).clause_of(pos), self.quote_at(pos))
        else:
            key = (i, None, None)  # no time expression of its own: the same for every position
        hit = self._dated.get(key)
        if hit is None:
            hit = self._dated[key] = self._date_at(pos)
        return hit

    def _date_at(self, pos: int) -> tuple[DateRange | None, str]:
        found, source = self.own_date(pos)
        if found is not None:
            return found, source
        i = self.sentence_index(pos)
        # Only a sentence after a time expression can take a date from the one before it.
        if (
            0 < i < len(self._spans)
            and self._time_starts
            and self._time_starts[0] < self._spans[i][0]
            and self.continues(i)
        ):
            previous = self.sentence_date(i - 1)
            if previous is not None:
                return previous, "previous"
        published = self.published_range()
        if published is not None:
            return published, "published"
        return None, ""


# ---------------------------------------------------------------------------------------------
# Events


@dataclass(frozen=True, slots=True)
class EventReport:
    """One article's report of one event: what (``type``), where (``place``), when
    (``dates``), in which words (``quote``), and how sure we are (``confidence``).

    ``role`` is how the place is tied to the trigger (a preposition, a modifier rule,
    ``object`` or ``inherited``); ``date_source`` says where the date came from
    (``clause``, ``sentence``, ``previous``, ``published``, or ``none`` for a floating
    background report whose ``dates`` are only the publication week, a placeholder);
    ``status`` is one of :data:`STATUSES` (see the module docstring); ``headline`` is true
    for a report from the article's headline (its first line, without a full stop).
    ``list_start`` is the offset of the first place of the list of places this report's place
    belongs to ("strikes on the Odesa, Mykolaiv and Kherson regions"), ``None`` when it is in
    no list: the items of one list are separate places, never one event. ``opens`` is
    true when the text gives only the day the happening begins ("the summit is scheduled to
    start on Oct. 22"): ``dates`` then run :data:`OPEN_END_DAYS` days from it with precision
    ``week``, and merging ends them with the window other sources give ("next week").
    ``refers_to`` is the ``char_start`` of the report of the same article that a definite
    description names ("The quake was centred off Ica" after "An earthquake shook central
    Peru"): one happening, merged with it whatever the two places.
    """

    article: str | None
    type: TriggerType
    trigger: str
    role: str
    place: Place
    char_start: int
    char_end: int
    text: str
    dates: DateRange
    date_source: str
    quote: str
    title: str
    confidence: float
    sentence_start: int = 0
    sentence_end: int = 0
    status: str = "reported"
    headline: bool = False
    list_start: int | None = None
    opens: bool = False
    refers_to: int | None = None

    def __post_init__(self) -> None:
        if not 0 <= self.confidence <= 1:
            raise GeoError(f"event confidence must be in [0, 1], got {self.confidence!r}")
        if self.status not in STATUS_FACTOR:
            raise GeoError(
                f"unknown event status {self.status!r}; expected one of {', '.join(STATUSES)}"
            )

    @property
    def floating(self) -> bool:
        """True for background without a date of its own: it can only join a dated event."""
        return self.date_source == "none"

    @property
    def category(self) -> str:
        return self.type.category

    @property
    def group(self) -> str:
        return self.type.group


def confidence(
    trigger_strength: float,
    role: str,
    date_precision: str,
    geo_precision: int,
    status: str = "reported",
) -> float:
    """The confidence of one report: a weighted geometric mean of the trigger strength, the
    locative role, the date precision and the place precision (see :data:`WEIGHTS`), times
    the factor of its status (:data:`STATUS_FACTOR`: plans, possibilities and background
    count less than reported happenings)."""
    factors = {
        "trigger": trigger_strength,
        "role": ROLE_FACTOR.get(role, 0.7),
        "date": DATE_FACTOR.get(date_precision, 0.4),
        "place": PLACE_FACTOR.get(geo_precision, 0.8),
    }
    value = math.exp(sum(WEIGHTS[k] * math.log(max(v, 1e-6)) for k, v in factors.items()))
    value *= STATUS_FACTOR.get(status, 1.0)
    return round(min(1.0, max(0.0, value)), 3)


def open_ended(dates: DateRange) -> DateRange:
    """The dates of a happening that begins on ``dates`` (a day) and whose end the text does
    not give: :data:`OPEN_END_DAYS` days from that day, precision ``week``. Coarser ranges
    ("starts next week") already hold the start and an unknown end: unchanged."""
    if dates.precision != "day":
        return dates
    return DateRange(dates.start, dates.start + timedelta(days=OPEN_END_DAYS - 1), "week")


#: "a three-day visit", "a 10-day exercise": how long the happening its trigger names lasts.
_DURATION = re.compile(
    r"\b(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|"
    r"fourteen)[- ]day\s+(?:[\w'’-]+\s+){0,2}\Z",
    re.IGNORECASE,
)
_NUMBERS = {
    w: i + 1
    for i, w in enumerate(
        [
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
        ]
    )
}
#: A verb that makes its object's date a start: "began talks in Geneva on Monday", "kicked off
#: joint exercises" (not "opened fire on …").
_START_VERB_BEFORE = re.compile(
    r"\b(?:begin|begins|began|begun|beginning|start|starts|started|starting|"
    r"kick(?:s|ed|ing)?\s+off|open(?:s|ed|ing)?|commence[sd]?)\s+(?!fire\b)"
    r"(?:[\w'’-]+\s+){0,3}\Z",
    re.IGNORECASE,
)
#: A verb that makes its subject's date a start: "Protests began in Dakar on Monday",
#: "Fighting broke out in Goma", "The summit opened in Montevideo on Tuesday" (not "clashes
#: erupted overnight": a flare-up, not a start).
_START_VERB_AFTER = re.compile(
    r"\s+(?:(?:has|have|had|was|were)\s+)?(?:begun|began|begins|started|starts|opened|opens|"
    r"kicked\s+off|kicks\s+off|got\s+under\s*way|gets\s+under\s*way|broke\s+out|"
    r"breaks\s+out)\b",
    re.IGNORECASE,
)


def _lasting(
    text: str, lo: int, trigger: Any, dates: DateRange, starts: bool
) -> tuple[DateRange, bool]:
    """The dates of a happening its clause dates by one day ``dates``: ``N`` days from it for
    "a N-day <trigger>" ("a three-day visit"); :func:`open_ended` when the expression or the
    verb of the trigger gives only a start (``starts``; "began talks on Monday", "protests
    began in Dakar on Monday"); else unchanged. Returns the dates and whether they are only a
    start."""
    if dates.precision != "day" or dates.start != dates.end:
        return dates, False
    if trigger is not None:
        found = _DURATION.search(text, max(lo, trigger.start - 40), trigger.start)
        if found is not None:
            n = found.group(1).lower()
            days = int(n) if n.isdigit() else _NUMBERS[n]
            if 1 <= days <= 31:
                return DateRange(dates.start, dates.start + timedelta(days=days - 1), "day"), False
        starts = (
            starts
            or _START_VERB_BEFORE.search(text, max(lo, trigger.start - 50), trigger.start)
            is not None
            or _START_VERB_AFTER.match(text, trigger.end) is not None
        )
    if starts:
        return open_ended(dates), True
    return dates, False


def around_publication(published: date) -> DateRange:
    """The dates of a reported happening the text does not date: the
    :data:`PUBLISHED_WINDOW_DAYS` days up to and including ``published``, precision
    ``unknown`` (shown on the map as "around 8–14 Oct 2024")."""
    start = published - timedelta(days=PUBLISHED_WINDOW_DAYS - 1)
    return DateRange(start, published, "unknown")


def quote_of(text: str, start: int, end: int, at: int, limit: int = 300) -> str:
    """The sentence ``text[start:end]``, whitespace-collapsed and trimmed to about ``limit``
    characters around offset ``at`` (with ellipses where cut)."""
    s = text[start:end]
    if len(s) <= limit:
        return " ".join(s.split())
    rel = at - start
    lo = max(0, rel - limit // 2)
    hi = min(len(s), lo + limit)
    lo = max(0, hi - limit)
    if lo > 0:
        space = s.find(" ", lo)
        lo = space + 1 if 0 <= space < rel else lo
    if hi < len(s):
        space = s.rfind(" ", rel, hi)
        hi = space if space > rel else hi
    out = " ".join(s[lo:hi].split())
    return ("…" if lo > 0 else "") + out + ("…" if hi < len(s) else "")


def title_for(
    text: str,
    trigger: _Trigger | None,
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
    lex = _lexicon()
    noun = type_.form_labels.get(trigger.form, type_.label) if trigger else type_.label
    domain = None
    if type_.name in lex.domain_types:
        low = " ".join(_WORDS.findall(clause.lower()))
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
        before = _WORDS.findall(text, max(0, trigger.start - 40), trigger.start)[-3:]
        if any(w.lower() in lex.joint_words for w in before):
            core = "joint " + core[:1].lower() + core[1:]
    core = core[:1].upper() + core[1:]
    if trigger is not None and type_.category in {"military", "conflict"}:
        actors = _actors(text, max(sent_start, trigger.start - 80), trigger.start)
        if actors and core.startswith("Joint") and place_start and place_start > trigger.end:
            # "the Chinese navy conducted a joint drill with its Russian counterpart in…"
            partners = _WORDS.findall(text, trigger.end, place_start)
            actors = list(dict.fromkeys([*actors, *_countries_of(partners)]))[:3]
        if actors:
            core += " by " + (
                actors[0] if len(actors) == 1 else ", ".join(actors[:-1]) + " and " + actors[-1]
            )
    return place_title(core, place)


#: Names of derived places that read as a phrase after the happening: "Near Athens", "Sea off
#: Basilan", "Waters around Taiwan" (gazetteer.areas).
_RELATIONAL_NAME = re.compile(r"(?:Near|Sea near|Sea off|Waters off|Waters around) (?=\S)")


def place_title(core: str, place: Place) -> str:
    """A title from what happened and where: "Talks, Beijing"; for a place derived near, off
    or around another, a phrase: "Wildfire near Athens", "Accident off Basilan", "Air drill
    around Taiwan" (not "Fire, Near Athens"). Compass parts and coasts keep the comma
    ("Storm, Northern Madagascar")."""
    if place.derivation is not None:
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
_PASSIVE_BY = re.compile(r"\b(?:\w+(?:ed|en)|hit|shot|struck|caught|held|set|cut)\s+by\b")


def _actors(text: str, lo: int, hi: int) -> list[str]:
    """Countries named by national adjectives in ``text[lo:hi]`` after its last clause
    punctuation, the last within :data:`_ACTOR_GAP` words of ``hi``, in text order."""
    from gazetteer.modifiers import demonym_entry

    segment = text[lo:hi]
    cut = max((m.end() for m in _CLAUSE_PUNCT.finditer(segment)), default=0)
    # "a Philippine boat hit by water cannon": before a passive "by" come the targets
    cut = max([cut, *(m.end() for m in _PASSIVE_BY.finditer(segment, cut))])
    words = _WORDS.findall(segment[cut:])
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


def _role(text: str, sent_start: int, m: Recognized) -> str | None:
    """How the mention is placed: a modifier rule, a preposition before it, or ``None``."""
    rule = m.modifier_rule
    if _lexicon().unlocated.search(text, max(sent_start, m.start - 60), m.start):
        # "felt in Elazig", "headquartered in Abuja", "leaders from across South America":
        # the place is not where the happening is
        return None
    phrase = (getattr(m.toponym.modifier, "phrase", "") or "").lower()
    for word in ("near", "around", "off", "encircling", "surrounding"):
        if re.search(rf"\b{word}\b", phrase):
            return "around" if word in {"encircling", "surrounding"} else word
    if rule == "waters":
        return "waters"
    before = text[max(sent_start, m.start - 30) : m.start]
    prep = _PREP_BEFORE.search(before)
    if prep:
        word = prep.group(1).lower()
        if word == "of":
            wider = text[max(sent_start, m.start - 80) : m.start]
            area = _AREA_OF.search(wider)
            if area:
                return area.group(1).lower()  # "through hillside neighbourhoods of Viña del Mar"
            if _DIRECTION_OF.search(before):
                return "near"  # "south of Valencia"
        return word
    return None


def detect_events(
    text: str,
    recognized: Sequence[Recognized],
    timeline: Timeline,
    *,
    article: str | None = None,
) -> list[EventReport]:
    """The events one text reports, in text order (see the module docstring)."""
    lex = _lexicon()
    triggers = _not_references(text, find_triggers(text), timeline)
    trig_starts = [t.start for t in triggers]
    groups = _GroupsBySentence(triggers, timeline)
    reports: list[EventReport] = []
    by_sentence: dict[int, list[tuple[Recognized, EventReport]]] = {}
    readings: dict[int, _Reading | None] = {}
    strengths: dict[int, float] = {}  # the strength of each report's trigger word
    located_sentences: set[int] = set()
    complements: dict[int, list[tuple[int, int, str]]] = {}
    for m in recognized:
        i = timeline.sentence_index(m.start)
        if i >= len(timeline):
            continue
        sent = timeline.sentence(i)
        if _in_spans(m.start, sent.attributions):
            continue
        after = text[m.end : m.end + 2]
        if _POSSESSIVE.match(after) or _COMPOUND.match(after):
            continue  # "China's military", "Asia-Pacific": a possessor or modifier, not a location
        if lex.speaker.match(text, m.end) and m.toponym.division is None:
            # "Beijing says…", "officials in Kyiv said…": a speaker, not a location (but "the
            # Kano and Bauchi states" are divisions)
            continue
        role = _role(text, sent.start, m)
        coordinated: EventReport | None = None
        if role is None:
            coord = _COORDINATION.search(text[max(sent.start, m.start - 30) : m.start])
            if coord and by_sentence.get(i):
                previous = by_sentence[i][-1][1]
                if _LIST_GAP.match(text, previous.char_end, m.start):
                    # "strikes on Odesa and Mykolaiv", "in Dhaka, Chittagong and in Sylhet"
                    coordinated = previous
                    role = (coord.group(1) or previous.role).lower()
        quote = timeline.quote_at(m.start)
        best: tuple[float, _Trigger] | None = None
        lo = bisect_right(trig_starts, sent.start - 1)
        hi = bisect_right(trig_starts, sent.end - 1)
        comps = complements.get(i)
        if comps is None:
            comps = complements[i] = _complements(text, sent, triggers[lo:hi], recognized)
        inside = next((c for c in comps if c[0] <= m.start < c[1]), None)
        if (
            inside is not None
            and inside[2] == "protest"
            and not _located_outside(text, sent, m, inside, recognized)
        ):
            inside = None  # "protesters rallied against the closure of the port in Dakar"
        # a place inside what a protest is against or a statement condemns is placed only by
        # the words in it ("condemning strikes on Aleppo"); the words in it place nothing
        # outside ("the ministry in Ankara issued a statement condemning strikes …")
        sentence_triggers = [
            t
            for t in triggers[lo:hi]
            if (inside is not None and inside[0] <= t.start < inside[1])
            or (inside is None and not any(c[0] <= t.start < c[1] for c in comps))
        ]
        if inside is not None and not sentence_triggers:
            continue  # "protested in Dakar against foreign trawlers off Senegal": the subject
        for t in sentence_triggers:
            if _in_spans(t.start, sent.attributions):
                continue  # "according to the summary of the meeting"
            if timeline.quote_at(t.start) != quote:
                continue  # quoted words place only places quoted with them
            if m.start <= t.start < m.end or not _role_fits(text, t, m, role, lex):
                continue
            if t.start < m.start:
                distance = _word_distance(text, t.end, m.start)
            else:
                distance = _word_distance(text, m.end, t.start)
            if sent.clause_of(t.start) != sent.clause_of(m.start):
                distance += CLAUSE_PENALTY
            if distance > MAX_DISTANCE:
                continue
            score = t.strength / (1 + distance / 6)
            if t.start > m.start:
                score *= AFTER_FACTOR  # "shelling in Kharkiv as fighting rages": the head first
            if best is None or score > best[0]:
                best = (score, t)
        far = False
        if best is None and coordinated is None:
            found = _main_trigger(text, sent, sentence_triggers, m, role, recognized, timeline, lex)
            if found is not None:
                best, far = (0.0, found), True
        trig: _Trigger | None
        if best is not None:
            best = (
                best[0],
                _protest_override(
                    text,
                    triggers,
                    _compound_override(text, triggers, _subject_override(text, triggers, best[1])),
                ),
            )
            trig = best[1]
            trig_type, strength, trigger_form = trig.type, trig.strength, trig.form
            base_strength = strength
            if far:
                strength *= FAR_FACTOR
            role = role or "object"
            reading = _read(text, sent, trig, m.start)
        elif coordinated is not None and role is not None:
            trig = None
            trig_type, trigger_form = coordinated.type, coordinated.trigger
            # the first place's trigger, weak or strong ("drones … over Odesa, Mykolaiv")
            strength = base_strength = strengths[id(coordinated)]
            reading = readings[id(coordinated)]
        else:
            continue
        if reading is None:
            continue  # denied, conditional or counterfactual: not an event
        headline = i == 0 and _is_headline(text, sent)
        if (
            headline
            and trig is not None
            and reading.mood == "reported"
            and _HEADLINE_FUTURE.search(text, sent.start, trig.start)
        ):
            reading = _Reading("planned")  # "Leaders to meet in Brasília": a headline's future
        dates, source = timeline.date_at(m.start)
        opens = False
        if source in {"clause", "sentence"} and dates is not None:
            # "the summit opens on Tuesday in Montevideo", "a three-day visit to Hanoi"
            dates, opens = _lasting(
                text,
                sent.start,
                trig,
                dates,
                timeline.starts_only(m.start),
            )
        if headline and source == "published":
            lead = timeline.lead_date()
            if lead is not None:
                dates, source = lead, "previous"  # the headline sums up the lead
        if dates is None:
            continue
        antecedent: EventReport | None = None
        if trig is None and coordinated is not None and coordinated.refers_to is not None:
            antecedent = next((r for r in reports if r.char_start == coordinated.refers_to), None)
        elif (
            trig is not None
            and _DEFINITE_HEAD.fullmatch(text, sent.start, trig.start)
            and not _VERBAL_TRIGGER.match(trig.form)
            and not _OBJECT_AFTER.match(text, trig.end)
        ):
            # "The quake was centred off the coast of Ica": the event of the sentence before
            antecedent = _antecedent(by_sentence, i, trig_type)
        if antecedent is not None and source not in {"clause", "sentence"}:
            dates, source, opens = antecedent.dates, "previous", antecedent.opens
        judged = _judge(reading, dates, source, trig_type, i, timeline, groups)
        if judged is None:
            continue  # a plan or a possibility without a date of its own
        status, dates, source = judged
        clause_text = text[sent.start : sent.end]
        previous_item = _previous_item(text, by_sentence.get(i), m)
        report = EventReport(
            article=article,
            type=trig_type,
            trigger=trigger_form,
            role=role,
            place=m.place,
            char_start=m.start,
            char_end=m.end,
            text=text[m.start : m.end],
            dates=dates,
            date_source=source,
            quote=quote_of(text, sent.start, sent.end, m.start),
            title=_title(text, trig, trig_type, m, clause_text, sent.start, coordinated),
            confidence=confidence(strength, role, dates.precision, m.place.precision, status),
            sentence_start=sent.start,
            sentence_end=sent.end,
            status=status,
            headline=headline,
            list_start=None if previous_item is None else previous_item.char_start,
            opens=opens,
            # "The floods also swept through Sunamganj": the same floods, another place
            refers_to=(
                None
                if antecedent is None or _ALSO.search(text, sent.start, m.start)
                else antecedent.char_start
            ),
        )
        if previous_item is not None and previous_item.list_start is not None:
            report = replace(report, list_start=previous_item.list_start)
        reports.append(report)
        readings[id(report)] = reading
        strengths[id(report)] = base_strength
        by_sentence.setdefault(i, []).append((m, report))
        located_sentences.add(i)
    heads = {r.list_start for r in reports if r.list_start is not None}
    reports = [
        replace(r, list_start=r.char_start) if r.list_start is None and r.char_start in heads else r
        for r in reports
    ]
    reports.extend(
        _inherited(text, timeline, triggers, reports, located_sentences, recognized, article)
    )
    reports.sort(key=lambda r: (r.char_start, r.sentence_start, r.type.name))
    return reports


#: What a protest is against or over: "protested in Dakar against foreign trawlers", "rallied
#: over the pardon", "at the treatment of migrants" (not "over the weekend", "about 10,000
#: people").
_PROTEST_COMPLEMENT = re.compile(
    r"\b(?:against|about(?!\s+(?:\d|(?:a|an|half|one|two|three|four|five|six|seven|eight|nine|"
    r"ten|dozens?|hundreds?|thousands?)\b))|over(?!\s+(?:\d|(?:the\s+)?(?:weekend|week|past|"
    r"last|next|coming|course|years?|months?|days?|night|hundreds?|thousands?)\b))|"
    r"at\s+the\s+(?:treatment|killings?|arrests?|detention|deaths?|handling|jailing|expulsion|"
    r"deportation)\s+of)\b",
    re.IGNORECASE,
)
#: Verbs of a statement whose object is another happening: "condemning strikes on Aleppo".
_CONDEMN = re.compile(
    r"\b(?:condemn(?:s|ed|ing)?|denounc(?:e|es|ed|ing)|deplor(?:e|es|ed|ing)|"
    r"criticis(?:e|es|ed|ing)|criticiz(?:e|es|ed|ing)|decr(?:y|ies|ied|ying)|"
    r"protest(?:s|ed|ing)?\s+against)\b",
    re.IGNORECASE,
)
#: What ends such a complement early: a new clause with a subject of its own.
_COMPLEMENT_END = re.compile(r";|\s[–—]\s|,\s+(?:and|but|while|as|after|before)\b|\.\s")


def _complements(
    text: str, sent: _Sentence, triggers: Sequence[_Trigger], recognized: Sequence[Recognized]
) -> list[tuple[int, int, str]]:
    """Spans ``(start, end, kind)`` of sentence ``sent`` that say what a protest is against
    (kind ``protest``: "protested in Dakar on Friday against foreign trawlers off Senegal") or
    what a statement condemns (kind ``statement``: "condemning strikes on Aleppo"). Each runs
    from the word that opens it to the end of the sentence or of its clause, or, for a
    protest, to the last of two or more places after "in"/"at" in it, which locates the protest
    ("rallied against the war in Gaza in London")."""
    out: list[tuple[int, int, str]] = []
    starts: list[tuple[int, str]] = []
    for t in triggers:
        if t.type.category == "protest":
            found = _PROTEST_COMPLEMENT.search(text, t.end, sent.end)
            if found is not None and not any(
                u.start < found.start() and u.start > t.end and u.type.category != "protest"
                for u in triggers
            ):
                starts.append((found.start(), "protest"))
    for found in _CONDEMN.finditer(text, sent.start, sent.end):
        starts.append((found.end(), "statement"))
    for start, kind in sorted(starts):
        if any(a <= start < b for a, b, _ in out):
            continue
        end_at = _COMPLEMENT_END.search(text, start, sent.end)
        end = end_at.start() if end_at else sent.end
        if kind == "protest":
            located = [
                m.start
                for m in recognized
                if start <= m.start < end and _role(text, sent.start, m) in {"in", "at"}
            ]
            if len(located) >= 2:
                end = located[-1]
        out.append((start, end, kind))
    return out


def _located_outside(
    text: str,
    sent: _Sentence,
    m: Recognized,
    complement: tuple[int, int, str],
    recognized: Sequence[Recognized],
) -> bool:
    """True when sentence ``sent`` places its happening at a place outside ``complement``
    (in a locative role: "protested in Dakar … against …"), so that ``m``, inside it, is what
    the protest is about rather than a second place."""
    for other in recognized:
        if other.start >= sent.end:
            break
        if other is m or other.start < sent.start:
            continue
        if complement[0] <= other.start < complement[1]:
            continue
        if _role(text, sent.start, other) in _LOCATING_ROLES:
            return True
    return False


_LOCATING_ROLES = frozenset({"in", "at", "near", "across", "throughout", "outside", "inside"})

#: A sentence that opens with a definite description of its trigger: "The quake …", "The
#: powerful quake …", "The 6.1-magnitude quake …".
_DEFINITE_HEAD = re.compile(r"[\s\W]*the\s+(?:[\w.,'’-]+\s+){0,2}", re.IGNORECASE)
#: A trigger that is a verb, not the noun of a description: "The river breached an
#: embankment", "The army shelled …", "The river burst its banks" (a past form, or a verb
#: phrase that holds its object).
_VERBAL_TRIGGER = re.compile(r"\w+ed\b|.*\s(?:a|an|its|their|the)\s", re.IGNORECASE)
_OBJECT_AFTER = re.compile(r"\s+(?:a|an|the|its|their|his|her)\b", re.IGNORECASE)
#: Words by which a description carries its event to another place, not back to its own.
_ALSO = re.compile(r"\b(?:also|too|as\s+well|spread|spreads|spreading|extended|moved\s+on)\b")
#: How many sentences back a definite description looks for the event it names.
ANTECEDENT_SENTENCES = 2


def _antecedent(
    by_sentence: dict[int, list[tuple[Any, EventReport]]], i: int, kind: TriggerType
) -> EventReport | None:
    """The event a definite description at the head of sentence ``i`` names ("The quake was
    centred off Ica" after "An earthquake shook central Peru"): the first report of the same
    merge group in the nearest of the :data:`ANTECEDENT_SENTENCES` sentences before it that
    has one; ``None`` otherwise."""
    for k in range(i - 1, max(-1, i - 1 - ANTECEDENT_SENTENCES), -1):
        for _, r in by_sentence.get(k, ()):
            if r.type.group != kind.group or r.floating or r.headline:
                continue
            if r.type.name != kind.name and (
                r.type.named_only_as_itself or kind.named_only_as_itself
            ):
                continue  # "The visit to Denizli" names no statement made there
            return r
    return None


_LIST_WORD = re.compile(r",|\b(?:and|or)\b", re.IGNORECASE)
#: Kinds of place that, after a bare comma, qualify the place before them ("Dadu, Sindh").
_QUALIFYING_KINDS = frozenset({"admin1", "country"})


def _previous_item(
    text: str, located: Sequence[tuple[Recognized, EventReport]] | None, m: Recognized
) -> EventReport | None:
    """The report of the place before ``m`` in a list of places ("in Dakar, Thiès and in
    Ziguinchor", "the Donetsk and Luhansk regions"), or ``None`` when ``m`` follows no place
    of its sentence across a list gap. "Dadu, Sindh" is a place and its qualifier, not a
    list."""
    if not located:
        return None
    previous = located[-1][1]
    if previous.char_end > m.start or not _LIST_GAP.match(text, previous.char_end, m.start):
        return None
    gap = text[previous.char_end : m.start]
    word = _LIST_WORD.search(gap)
    if word is None:
        return None
    if (
        word.group() == ","
        and _LIST_WORD.search(gap, word.end()) is None
        and m.place.kind in _QUALIFYING_KINDS
        and previous.place.kind not in _QUALIFYING_KINDS
    ):
        return None
    return previous


def _not_references(text: str, triggers: list[_Trigger], timeline: Timeline) -> list[_Trigger]:
    """``triggers`` without those that only name the event a date is relative to: "released
    from prison in Dakar ten days before the election" reports no election in Dakar."""
    from geo.dates import event_reference

    spans = []
    for t in timeline._all_times:
        if t.text.lower().endswith(("before", "after")):
            span = event_reference(text, t.end)
            if span is not None:
                spans.append(span)
    if not spans:
        return triggers
    return [t for t in triggers if not _in_spans(t.start, spans)]


def _main_trigger(
    text: str,
    sent: _Sentence,
    triggers: Sequence[_Trigger],
    m: Recognized,
    role: str | None,
    recognized: Sequence[Recognized],
    timeline: Timeline,
    lex: _Lexicon,
) -> _Trigger | None:
    """The trigger of a place farther than :data:`MAX_DISTANCE` words from it: "Floodwaters
    swept through towns along the river on Sunday, cutting power to thousands of homes and
    forcing residents from riverside villages in Austria" is a flood in Austria. Only when
    the place is in a locative role (:data:`_FAR_ROLES`), outside quotes, attributions and
    time or relative clauses ("since", "after", "who"…), after the trigger, in its clause
    or in participle clauses that go on with it, in a sentence without speech words, and the
    only place of its sentence in such a role; and the sentence's triggers before it are all
    of one kind (the strongest is taken) or one is strictly stronger than the others. So a
    place that only decorates a sentence about something else, or one of two places two
    triggers compete for, takes no far trigger."""
    if role not in _FAR_ROLES or timeline.quote_at(m.start) is not None:
        return None
    k = sent.clause_of(m.start)
    if k > 0 and _FAR_BLOCKED_CLAUSE.match(text, sent.clauses[k]):
        # "…, the worst since the floods of 2013 in Germany", "the minister, who was on
        # holiday in Spain, …": another time, or a side remark
        return None
    before = [
        t
        for t in triggers
        if t.end <= m.start
        and t.start >= sent.start
        and not _in_spans(t.start, sent.attributions)
        and timeline.quote_at(t.start) is None
    ]
    if not before:
        return None
    main = max(before, key=lambda t: (t.strength, -t.start))
    if any(t.type.group != main.type.group and t.strength >= main.strength for t in before):
        return None  # two kinds of happening: which one is in the place is not clear
    distance = _word_distance(text, main.end, m.start)
    if sent.clause_of(main.start) != k:
        distance += CLAUSE_PENALTY
    if distance <= MAX_DISTANCE:
        return None  # near enough for the usual rule, which found it unfit
    aside = False  # the clause before was an appositive: the predicate resumes after it
    for j in range(sent.clause_of(main.start) + 1, k + 1):
        # the place's clause goes on with the trigger's: "…on Sunday, cutting power… and
        # forcing residents from villages in Austria"; not "…, and the smoke reached Sydney"
        start = sent.clauses[j]
        if start < len(text) and text.startswith("and ", start):
            start += 4  # "…, swelling rivers, and forcing families from…"
        if j < k and (_is_appositive(text, sent, j) or _RELATIVE.match(text, start)):
            # "The funeral of the victim, a 19-year-old student, took place in…", "The
            # earthquake, which was felt across the region, damaged homes in…"
            aside = True
            continue
        if not (
            _PARTICIPLE.match(text, start)
            or (j < k and _SUBORDINATE.match(text, start))
            or (aside and j == k)
        ):
            return None
        aside = False
    if _SPEECH_BETWEEN.search(text, sent.start, m.start):
        # "…, officials said at a briefing in Vienna": where it was said; "China described
        # the drills as a warning to forces in Taiwan": words about the happening
        return None
    if not _role_fits(text, main, m, role, lex):
        return None
    for other in recognized:
        if other.start >= sent.end:
            break
        if other is m or other.start < sent.start:
            continue
        if _role(text, sent.start, other) in _FAR_ROLES:
            return None  # another place in the sentence may be where it happened
    return main


_RELATIVE = re.compile(r"(?:who|which|whose)\b", re.IGNORECASE)
_APPOSITIVE = re.compile(r"(?:a|an|the|its|his|her|their)\s+[^,;:]*,", re.IGNORECASE)
#: An appositive has at most this many words ("a 19-year-old student").
_APPOSITIVE_WORDS = 8


def _is_appositive(text: str, sent: _Sentence, j: int) -> bool:
    """True when clause ``j`` of the sentence is a noun phrase set off by commas (", a
    19-year-old student,"), not a clause of its own."""
    start = sent.clauses[j]
    end = sent.clauses[j + 1] if j + 1 < len(sent.clauses) else sent.end
    m = _APPOSITIVE.match(text, start, end + 1)
    return (
        m is not None
        and m.end() >= end - 1
        and len(_WORDS.findall(text, start, end)) <= _APPOSITIVE_WORDS
        and not re.search(r"\b(?:was|were|is|are|had|has|have|\w+ed)\b", text[start:end])
    )


def _title(
    text: str,
    trig: _Trigger | None,
    type_: TriggerType,
    m: Recognized,
    clause: str,
    sent_start: int,
    coordinated: EventReport | None,
) -> str:
    """The title of a report; a place coordinated with another ("drones struck Odesa and
    Izmail") takes the title of the first with its own place name."""
    if trig is None and coordinated is not None:
        suffix = place_title("", coordinated.place)
        if coordinated.title.endswith(suffix):
            return place_title(coordinated.title[: -len(suffix)], m.place)
    return title_for(text, trig, type_, m.place, clause, sent_start, m.start)


@dataclass(frozen=True, slots=True)
class _Reading:
    """What the trigger's clause says about the happening: its mood (``reported``,
    ``planned`` or ``possible``) and whether it is named as background, in a temporal
    subordinate clause (``subordinate``) or as a noun owned by a name (``named``)."""

    mood: str
    subordinate: bool = False
    named: bool = False


def _clause_span(sent: _Sentence, pos: int) -> tuple[int, int]:
    k = sent.clause_of(pos)
    end = sent.clauses[k + 1] if k + 1 < len(sent.clauses) else sent.end
    return sent.clauses[k], end


def _read(text: str, sent: _Sentence, trig: _Trigger, place_start: int | None) -> _Reading | None:
    """How the clause of ``trig`` presents its happening; ``None`` when it says the
    happening did not take place (negated, conditional, counterfactual) or the place is a
    destination still ahead ("on the way to Kyiv")."""
    lo, hi = _clause_span(sent, trig.start)
    mood = factuality.mood(text, lo, hi, trig.start, trig.end)
    if mood not in {"reported", "planned", "possible"}:
        return None
    if place_start is not None and factuality.toward(text, place_start, sent.start):
        return None  # "arrives in Warsaw on the way to Kyiv": Kyiv is still ahead
    if mood != "reported":
        return _Reading(mood)
    return _Reading(
        mood,
        subordinate=factuality.opens_background(text, lo, hi),
        named=factuality.named_reference(text, lo, trig.start, trig.form),
    )


class _GroupsBySentence:
    """The merge groups of the triggers of each sentence (computed on first use)."""

    def __init__(self, triggers: Sequence[_Trigger], timeline: Timeline) -> None:
        self._triggers = triggers
        self._timeline = timeline
        self._groups: dict[int, set[str]] | None = None

    def __call__(self, i: int) -> set[str]:
        if self._groups is None:
            self._groups = {}
            for t in self._triggers:
                k = self._timeline.sentence_index(t.start)
                self._groups.setdefault(k, set()).add(t.type.group)
        return self._groups.get(i, set())

    def dating(self, i: int) -> set[str]:
        """The groups of the sentences sentence ``i`` takes its date from: the one before it
        and, while those have no time expression of their own, the ones they continue."""
        tl = self._timeline
        out = set(self(i - 1))
        j = i - 1
        while j > 0 and not tl._times_in(j) and tl.continues(j):
            j -= 1
            out |= self(j)
        return out


def _judge(
    reading: _Reading,
    dates: DateRange,
    source: str,
    type_: TriggerType,
    sentence: int,
    timeline: Timeline,
    groups: _GroupsBySentence,
) -> tuple[str, DateRange, str] | None:
    """The status of a report and the dates it keeps, by the rules of the module docstring;
    ``None`` when it is not an event (a plan or possibility with no date of its own)."""
    published = timeline.published
    if reading.mood != "reported":
        if source == "clause" or (
            source in {"sentence", "previous"} and (published is None or dates.end > published)
        ):
            return reading.mood, dates, source
        # "This would be Xi's second visit to Russia" after a sentence about last month; "Xi
        # will visit Moscow, the Kremlin said on Monday": no date of its own
        return None
    if not (reading.subordinate or reading.named):
        if source == "published" and published is not None:
            dates = around_publication(published)
        if published is not None and dates.start > published:
            # "urged both sides to return to talks in Cairo next Thursday": what is dated
            # after publication cannot have been reported as done
            return "planned", dates, source
        return "reported", dates, source
    allowed = {"clause"} if reading.subordinate else {"clause", "sentence"}
    if source == "previous" and type_.group in groups.dating(sentence):
        allowed.add("previous")  # "… after the meeting in New York" after "During a meeting …"
    if source in allowed:
        return "background", dates, source
    if published is None:
        return None
    return "background", around_publication(published), "none"


_IMPACT_VERBS = frozenset({"strike", "strikes", "struck", "hit", "hits", "rocked", "shook"})


def _subject_override(text: str, triggers: Sequence[_Trigger], chosen: _Trigger) -> _Trigger:
    """ "An earthquake strikes eastern Taiwan" is an earthquake: a disaster word right before
    a verb of impact is the subject that names the happening."""
    if chosen.form not in _IMPACT_VERBS:
        return chosen
    for t in triggers:
        if (
            t.end <= chosen.start
            and t.type.category == "disaster"
            and _word_distance(text, t.end, chosen.start) <= 2
        ):
            return t
    return chosen


_COMPOUND_GAP = re.compile(r"[\s-]*")


_PROTEST_OBJECT = re.compile(
    r"\s+(?:against|over|about|at|for|to)\s+(?:[^\W\d_][\w'’-]*\s+){0,7}$", re.IGNORECASE
)


def _protest_override(text: str, triggers: Sequence[_Trigger], chosen: _Trigger) -> _Trigger:
    """ "Protests against the postponement of the vote … in Ziguinchor": what a protest is
    against or over is not the happening; the protest is."""
    if chosen.type.category == "protest":
        return chosen
    k = bisect_right([t.start for t in triggers], chosen.start - 1) - 1
    while k >= 0:
        head = triggers[k]
        if head.type.category == "protest" and _PROTEST_OBJECT.fullmatch(
            text, head.end, chosen.start
        ):
            return head
        if chosen.start - head.end > 80:
            break
        k -= 1
    return chosen


def _compound_override(text: str, triggers: Sequence[_Trigger], chosen: _Trigger) -> _Trigger:
    """ "A water cannon attack", "the flood disaster": a trigger noun right before another
    names the kind of happening (a verb form, "attacked protesters", does not)."""
    k = bisect_right([t.start for t in triggers], chosen.start - 1) - 1
    if k < 0:
        return chosen
    before = triggers[k]
    if (
        before.end <= chosen.start
        and before.type.name != chosen.type.name
        and not before.form.endswith("ed")
        and _COMPOUND_GAP.fullmatch(text, before.end, chosen.start)
    ):
        return before
    return chosen


#: Categories whose "on X" names a subject ("talks on Sudan"), unless X is of :data:`_ON_KINDS`.
_ON_IS_SUBJECT = frozenset({"diplomacy", "politics", "protest"})
_ON_KINDS = frozenset({"island", "peninsula"})


def _role_fits(text: str, t: _Trigger, m: Recognized, role: str | None, lex: _Lexicon) -> bool:
    if role is None or (role == "of" and role not in t.type.preps):
        # "invaded Ukraine"; "the storm devastated the territory of Mayotte"
        return t.type.object and t.end <= m.start and _is_object(text, t, m)
    if (
        role == "on"
        and t.type.category in _ON_IS_SUBJECT
        and "on" not in t.type.preps
        and m.place.kind not in _ON_KINDS
    ):
        # "talks on Sudan", "a statement on Ukraine", "protests on Gaza": "on" names the
        # subject; one meets "on" an island or a peninsula ("drills on the Sea of Japan" and
        # "fighting on the Donbas front" stay located)
        return False
    if role in lex.locative or role in {"near", "around", "off", "waters"}:
        return True
    if role in t.type.preps:
        return t.end <= m.start  # "visit to Kyiv", "invasion of Ukraine": the trigger first
    # "missiles slammed into Kharkiv", "the hurricane slammed into Florida"
    return role == "into" and t.type.object and t.end <= m.start and _is_object(text, t, m)


def _is_object(text: str, t: _Trigger, m: Recognized) -> bool:
    """True when the place is the object of the trigger verb ("invaded neighboring
    Ukraine", "visited Kyiv")."""
    if not t.type.object or t.end > m.start:
        return False
    between = text[t.end : m.start]
    lex = _lexicon()
    weapon = lex.weapon.match(text, t.start)
    if (
        (t.type.category == "disaster" or (weapon is not None and weapon.end() == t.end))
        and len(between) <= 60
        and lex.impact.fullmatch(text, t.end, m.start)
    ):
        # "Cyclone Chido devastated the French territory of Mayotte", "Russian missiles hit
        # the Odesa and Mykolaiv regions"
        return True
    if len(between) > 40:
        return False
    found = _OBJECT_BEFORE.search(text[t.start : m.start])
    return found is not None and found.start() == 0


def _inherited(
    text: str,
    timeline: Timeline,
    triggers: Sequence[_Trigger],
    reports: Sequence[EventReport],
    located_sentences: set[int],
    recognized: Sequence[Recognized],
    article: str | None,
) -> list[EventReport]:
    """Events whose sentence names no place but dates a happening the article placed
    elsewhere ("During the meeting on Tuesday, …" after "talks in Beijing"): they take the
    place of the nearest report of the same kind with a compatible date, at a lower
    confidence."""
    from geo.merge import dates_compatible

    out: list[EventReport] = []
    if not reports:
        return out
    seen: set[int] = set()
    for t in triggers:
        if t.strength < 0.8:
            continue
        i = timeline.sentence_index(t.start)
        if i in located_sentences or i in seen or i >= len(timeline):
            continue
        sent = timeline.sentence(i)
        if _in_spans(t.start, sent.attributions):
            continue
        if timeline.quote_at(t.start) is not None:
            continue
        reading = _read(text, sent, t, None)
        if reading is None:
            continue  # "no talks were held on Tuesday"
        if any(
            sent.start <= m.start < sent.end
            and m.place.precision < 3
            and not _POSSESSIVE.match(text, m.end)
            for m in recognized
        ):
            # "families were evacuated from flooded neighbourhoods of Larkana": the sentence
            # names a town of its own (countries are often only actors), so it is not about
            # the place of another report
            continue
        dates, source = timeline.own_date(t.start)
        if dates is None or dates.precision == "unknown":
            continue
        # "This year's summit is scheduled to start on Oct. 22."
        dates, opens = _lasting(text, sent.start, t, dates, timeline.starts_only(t.start))
        if reading.subordinate and source != "clause":
            continue  # "after the talks, …on Tuesday": the main clause's date is not theirs
        plan = reading.mood != "reported"
        if plan and source != "clause":
            published = timeline.published
            if published is not None and dates.end <= published:
                continue  # "On Oct. 16, … welcomed Xi's upcoming visit": the welcome's date
        status = "background" if reading.subordinate or reading.named else reading.mood
        same = [
            r
            for r in reports
            if r.type.group == t.type.group
            and r.role != "inherited"
            and not r.floating
            and (r.status in {"planned", "possible"}) == plan  # a plan refers to a plan
        ]
        # "Last month, rains triggered landslides" does not date Saturday's flood: a donor
        # is at most as precise as the sentence's own date
        same = [r for r in same if dates_compatible(r.dates, dates) and dates.rank <= r.dates.rank]
        if not same:
            continue
        donor = min(
            same,
            key=lambda r: (
                r.type != t.type,
                r.place.precision,
                r.char_start > t.start,
                abs(r.char_start - t.start),
            ),
        )
        seen.add(i)
        out.append(
            EventReport(
                article=article,
                type=t.type,
                trigger=t.form,
                role="inherited",
                place=donor.place,
                char_start=t.start,
                char_end=t.end,
                text=text[t.start : t.end],
                dates=dates,
                date_source=source,
                quote=quote_of(text, sent.start, sent.end, t.start),
                title=title_for(
                    text, t, t.type, donor.place, text[sent.start : sent.end], sent.start
                ),
                confidence=confidence(
                    t.strength, "inherited", dates.precision, donor.place.precision, status
                ),
                sentence_start=sent.start,
                sentence_end=sent.end,
                status=status,
                opens=opens,
            )
        )
    return out
