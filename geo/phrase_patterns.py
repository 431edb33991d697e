"""The phrase patterns of the toponym recognizer: what may stand around a place name and
change what it is. Lists of names sharing one plural designator ("the Kano and Kaduna
states"), bylines and datelines, qualifiers ("Kazan, Russia"), abbreviations of divisions,
saints and buildings named after people, organisation names ("Bank of ..."), modifier
endings and unknown names after a locative preposition.

Word lists come from ``geo/data/recognizer_grammar.yaml`` and ``toponym_filters.yaml``.
"""

from __future__ import annotations

import re

from gazetteer import Place
from geo.scanning import (
    PLURALS,
    grammar_words,
)
from geo.toponyms import (
    QUALIFIER,
    Recognized,
    Toponym,
)
from geo.vocabulary import LazyPattern, alternation, load_data

#: Words a modifier phrase can end with (gazetteer.modifiers.find_prefix): the recognizer
#: asks for a prefix only after one of them ("the", "off", "near", "northwestern"…).
MODIFIER_ENDINGS = frozenset(
    {"the", "of", "off", "to", "from", "near", "outside", "around", "encircling",
     "surrounding", "circling", "encircle", "surround", "coastal", "offshore", "north",
     "south", "east", "west", "northeast", "northwest", "southeast", "southwest", "northern",
     "southern", "eastern", "western", "northeastern", "northwestern", "southeastern",
     "southwestern", "central", "centre", "center", "middle", "ne", "nw", "se", "sw"}
)  # fmt: skip


UNKNOWN_AFTER_PREP = LazyPattern(
    lambda: (
        rf"\b(?:{grammar_words('unknown_place_prepositions')})\s+"
        rf"((?:[A-Z][\w’'-]+)(?:\s+(?:(?:{grammar_words('unknown_name_particles')})\s+)?"
        rf"[A-Z][\w’'-]+){{0,3}})"
    )
)


GUARD_AFTER = re.compile(r"[\s-]*guard", re.IGNORECASE)


#: A name of a list item: capitalised words ("Akwa Ibom", "Khyber Pakhtunkhwa").
LIST_ITEM = r"[A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*){0,3}"


#: What separates two items of a list: a comma, "and", "or" (an Oxford comma too).
LIST_SEP = r"(?:[ \t]*,[ \t]*(?:(?:and|or)[ \t]+)?|[ \t]+(?:and|or)[ \t]+)"


#: How far a plural designator may be from a name of its list (characters).
LIST_REACH = 200


#: Read from the end of a name: the rest of a list that ends in a plural designator
#: ("Odesa|, Mykolaiv and Kherson regions", "Kano| and Kaduna states").
LIST_DESIGNATOR = re.compile(
    rf"(?P<items>(?:{LIST_SEP}{LIST_ITEM}){{0,12}})[ \t]+(?P<word>(?i:{PLURALS}))(?![\w-])"
)


#: A whole list of two items or more that ends in a plural designator ("Becker, Clay and Polk
#: counties", "Kanawha and Putnam counties").
LIST_OF_DIVISIONS = re.compile(
    rf"(?<![\w'’.-])(?P<items>{LIST_ITEM}(?:{LIST_SEP}{LIST_ITEM}){{1,12}})"
    rf"[ \t]+(?P<word>(?i:{PLURALS}))(?![\w-])"
)
#: One item of such a list.
LIST_ONE_ITEM = re.compile(rf"(?<![\w'’-]){LIST_ITEM}(?![\w'’-])")


#: Read before a name: an item of a list and its separator ("Kano and |Kaduna").
LIST_ITEM_BEFORE = re.compile(rf"[A-Z][\w'’-]*{LIST_SEP}$")


#: Read before a name: "the provinces of |Sindh", "the regions of Donetsk and |Luhansk".
PLURAL_OF = re.compile(rf"\b(?P<word>(?i:{PLURALS}))[ \t]+of[ \t]+(?:{LIST_ITEM}{LIST_SEP})*$")


#: A byline: "By Jordan Matthews in Karachi", "*By Ana Silva and Paris Lee, Reuters*"; the
#: names run up to " in ", a comma, " for " or the end of the (short) line.
BYLINE = re.compile(r"[*_ \t]*By\s+(?P<names>[^\n,]{1,60}?)(?:\s+(?:in|for)\s|,|[*_ \t]*$)", re.M)


LOCATIVE_BEFORE = LazyPattern(
    lambda: rf"\b(?:{grammar_words('locative_prepositions')})\s+(?:the\s+)?$", re.IGNORECASE
)


#: "and" between two names: "Saint Peter and Saint Paul".
AND_NEXT = re.compile(r"[ \t]+and[ \t]+")


#: A possessive and a capitalised word after a name: "'s Day", "’s Lutheran School".
POSSESSIVE_NAME = re.compile(r"['’]s[ \t]+[A-Z]")


#: Up to four capitalised words after a name: "Coptic Orthodox Church".
CAPITALISED_RUN = re.compile(r"(?:[ \t]+[A-Z][\w.'’-]*){1,4}")


_ORG_OF = re.compile(r"\b([A-Z][a-z]+)\s+of\s+(?:the\s+)?$")


#: What may follow a qualifier that places a name ("in Piedmont, South Dakota on Monday"):
#: punctuation, the end of the text, or a preposition or time word; not a verb or a
#: possessive ("In Beijing, Russia's defence chief said": Russia is the subject).
QUALIFIER_ENDS = LazyPattern(
    lambda: rf"\s*(?:\Z|[.,;:!?)\]\-–—\"”]|(?:{grammar_words('qualifier_followers')})\b)"
)


#: After a name: a comma and what may be an abbreviated division ("Ont.", "W. Va.", "Qld",
#: "N.S.W.", "KY"); the gazetteer says whether it is one.
ABBREVIATION = re.compile(
    r",[ \t]*([A-Z][A-Za-z]{0,4}\.?(?:[ \t]?[A-Z][A-Za-z]{0,2}\.)*)(?![A-Za-z])"
)


#: A dateline: a town in capitals, a comma, an abbreviated division, then a dash or a
#: bracket ("HURRICANE, W.Va. -", "LONDON, KY (WKYT) -"). The capital comes first and the
#: look behind it second ("not after a word or a full stop"), so that the engine skips to
#: the next capital instead of trying every position: the same matches, 2.5 times faster.
DATELINE_ABBREVIATION = re.compile(
    r"[A-Z](?<![\w.].)[A-Z.'’ -]*[A-Z.],[ \t]*(?P<abbreviation>[A-Z][A-Za-z.]{1,6})"
    r"[ \t]*(?:\(|[-–—])"
)


#: Up to three capitalised words and a comma: where a small town's name may stand before
#: what pins it down ("Bantam, Conn.", "HOLLIDAY, Mo. -"). The first capital before its
#: look-behind, as in DATELINE_ABBREVIATION: the same matches, twice as fast.
TOWN_BEFORE = re.compile(r"([A-Z](?<![\w.'’-].)[\w'’-]*(?:[ \t]+[A-Z][\w'’-]*){0,2}),[ \t]+")


WORD_SPAN = re.compile(r"[A-Z][\w'’-]*")


#: What may come before a dateline's place name on its line: spaces, emphasis, a heading.
DATELINE_START = re.compile(r"[ \t*_#>]*")


#: After "X, Y": a list goes on (", Z", "and Z", "or Z").
LIST_GOES_ON = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|\s(?:and|or)\s+)[A-Z]")


COMMA_QUALIFIER = re.compile(r",\s*([A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*)")


HYPHENS = "-‐‑"


def qualifier_mention(
    owner: Toponym, start: int, division: Place, *, abbreviated: bool
) -> Recognized:
    """The qualifier ``owner`` absorbed ("Texas" in "Paris, Texas", "W.Va." in "CHARLESTON,
    W.Va."; ``abbreviated`` for the latter), from ``start`` to the end of ``owner``, as a
    mention of ``division``: the text names the division there as it does anywhere else."""
    name = owner.qualifier or ""
    t = Toponym(
        start=start,
        end=owner.end,
        name_start=start,
        name_end=owner.end,
        name=name,
        abbreviation=abbreviated,
        role=QUALIFIER,
    )
    return Recognized(toponym=t, place=division, base=division)


#: A saint's name: "St." (or "Saint", "Ste.") and one capitalised word.
SAINT = LazyPattern(lambda: rf"(?i:{_saint_words()})\.?[ \t]+([A-Z][a-z]+)(['’]s)?")


#: After a name: spaces and a capitalised word.
CAPITALISED_AFTER = re.compile(r"[ \t]+[A-Z]")


#: Before a name: a word, "of" and maybe "the", and maybe a saint and "and" ("church of St.
#: Peter and "), read up to the name.
BUILDING_OF = LazyPattern(
    lambda: (
        r"\b([A-Za-z]+)[ \t]+of[ \t]+(?:the[ \t]+)?"
        rf"(?:(?i:{_saint_words()})\.?[ \t]+[A-Z][a-z]+[ \t]+and[ \t]+)?$"
    )
)


def _saint_words() -> str:
    """The words for "saint" (``saint_words`` of ``geo/data/toponym_filters.yaml``) as an
    alternation."""
    return alternation(str(w) for w in load_data("toponym_filters.yaml")["saint_words"])


#: After a given name: one space and a capitalised word, the surname ("Georgia Stevens").
SURNAME_AFTER = re.compile(r" ([A-Z][a-z]+)\b(?![-'’])")


#: A capitalised word right after a name: the name opens an organisation's ("Indiana
#: Department of…", "Ohio State University").
CAPITALISED_NEXT = re.compile(r"[ \t]+[A-Z][a-z]")


def in_org_name(text: str, t: Toponym) -> bool:
    """Whether the division name ``t`` is part of an organisation's name: a capitalised word
    follows it on the line ("Indiana Department of Workforce Development"), or it ends an
    "X of" phrase ("University of Kentucky")."""
    return bool(
        CAPITALISED_NEXT.match(text, t.end) or _ORG_OF.search(text, max(0, t.start - 40), t.start)
    )


def org_head(before: str) -> str:
    """The capitalised word before a closing "of (the)" in ``before``, lower-cased
    ("Department of the" → "department"), or ""."""
    m = _ORG_OF.search(before)
    return m.group(1).lower() if m else ""


#: Kinds of place that can be qualified by a following country or first-level division.
QUALIFIABLE = frozenset({"city", "capital", "island", "region", "other", "admin1", "county"})
#: Kinds of place that can qualify another one ("Kazan, Russia", "Paris, Texas").
QUALIFIERS = frozenset({"country", "admin1"})
