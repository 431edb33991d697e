"""How the gazetteer spells the names its sources give: display forms, ids, alternates.

Natural Earth writes some names in capitals ("SEA OF JAPAN") or with abbreviations
("Spratly Is."), the CIA World Factbook inverts them ("Congo, Democratic Republic of the"),
and GeoNames romanizes with scholarly marks news never prints ("Ḩalab", "Ryazan’"). These
functions give the forms the gazetteer shows and indexes (:func:`display_name`,
:func:`feature_name`, :func:`inverted_short_name`, :func:`plain_romanization`,
:func:`plain_cyrillic_romanization`), the id fragment of a name (:func:`slug`) and which
alternates are kept (:func:`good_alternate`, :func:`keep_alternate`,
:func:`plainer_spelling`). :mod:`gazetteer.sources` applies them while reading the sources;
the rules are documented in docs/gazetteer.md.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from gazetteer.normalize import fold
from gazetteer.wordlists import word_list, word_map

#: Cities this populous keep all their (filtered) GeoNames alternate names.
ALTERNATES_POPULATION = 100_000
#: Words kept lower case when an ALL-CAPS source name is title-cased ("Sea of Japan").
_SMALL_WORDS = frozenset(word_list("name_words.yaml", "small_words"))
#: Elided articles kept lower case before a capitalised name ("Péninsule d’Ungava").
_ELISIONS = word_list("name_words.yaml", "elisions")
#: Generic words Natural Earth abbreviates at the end of an English feature name, spelled out
#: for display ("Spratly Is." → "Spratly Islands"); a leading abbreviation is left to the
#: curated English names (``name_words.yaml``).
_TRAILING_ABBREVIATIONS = word_map("name_words.yaml", "trailing_abbreviations")
#: Misspelt words in Natural Earth names ("SOLOMON ISANDS"): no place name holds them.
_TYPOS = word_map("name_words.yaml", "typos")


def display_name(name: str) -> str:
    """A display form of a source name: whitespace collapsed, ALL-CAPS names title-cased
    ("ALEUTIAN ISLANDS" → "Aleutian Islands", "SEA OF JAPAN" → "Sea of Japan")."""
    name = " ".join(name.split())
    if not any(c.islower() for c in name):
        words = []
        for i, word in enumerate(name.lower().split(" ")):
            if i and word in _SMALL_WORDS:
                words.append(word)
            elif i and word.startswith(_ELISIONS) and len(word) > 2:
                words.append(word[:2] + word[2].upper() + word[3:])
            else:
                words.append("-".join(part[:1].upper() + part[1:] for part in word.split("-")))
        name = " ".join(words)
    return name


def feature_name(name: str) -> str:
    """The name a Natural Earth water body, region, island or disputed area is shown under:
    its :func:`display_name`, starting with a capital ("îles Wallis" → "Îles Wallis"), with
    misspelt words corrected ("Solomon Isands" → "Solomon Islands") and a generic word
    abbreviated at the end spelled out ("Spratly Is." → "Spratly Islands", "Lüliang Mts." →
    "Lüliang Mountains", "Bransfield Str." → "Bransfield Strait"). Other abbreviations stay
    (leading ones are ambiguous: see the curated English names); so does "St."."""
    name = re.sub(r" +([.,])", r"\1", display_name(name))  # "Kopet Dag Mts ."
    name = name[:1].upper() + name[1:]
    words = [_TYPOS.get(word, word) for word in name.split(" ")]
    if len(words) > 1:
        words[-1] = _TRAILING_ABBREVIATIONS.get(words[-1], words[-1])
    return " ".join(words)


_INVERTED_FORM = re.compile(r"^([^,]+), (?:[A-Z][\w']* )+of(?: the)?$")


def inverted_short_name(name: str) -> str | None:
    """The short name in a name inverted for sorting around its form of state, as the CIA
    World Factbook writes them: "Congo, Democratic Republic of the" → "Congo" (the name news
    gives the DR Congo as often as the Republic's), "Micronesia, Federated States of" →
    "Micronesia"; None for other names ("Korea, South", "Saint Helena, Ascension, and …")."""
    m = _INVERTED_FORM.match(name)
    return m.group(1).strip() if m else None


def source_form(name: str) -> list[str]:
    """The source's form of a name as a further name of the place when it is shown
    otherwise (:func:`feature_name`), so "Spratly Is." is still found: ``[]`` or one name."""
    source = display_name(name)
    return [source] if source != feature_name(name) else []


def slug(name: str) -> str:
    """An ASCII id fragment: ``"Sea of Japan"`` → ``"sea-of-japan"``."""
    ascii_name = fold(name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name).strip("-") or "unnamed"


def is_latin_text(text: str) -> bool:
    return all(
        not c.isalpha() or c.isascii() or unicodedata.name(c, "").startswith("LATIN ") for c in text
    )


def good_alternate(name: str) -> bool:
    """Whether a GeoNames alternate name is kept: Latin script, starts with a capital, 3-40
    characters and at most 4 words, no digits, no codes (all capitals) and no notes
    (brackets, commas, ``=``)."""
    if not 3 <= len(name) <= 40 or len(name.split()) > 4:
        return False
    if not name[0].isupper() or name.isupper():
        return False
    if any(c.isdigit() or c in '()[]{}/@:;=,"?!&+*#_' for c in name):
        return False
    return is_latin_text(name)


def keep_alternate(alternate: str, name: str, population: Any, country: str | None = None) -> bool:
    """Whether a GeoNames alternate of a city is indexed: always for cities of
    :data:`ALTERNATES_POPULATION` people or more (exonyms such as "Peking", "Bombay"); for
    smaller ones only spelling variants and not "The …" descriptions ("The Common" for
    Wakefield): an alternate that starts like the name ("Odessa" / "Odesa"), or, in a
    country whose names are romanized from another script (:data:`ROMANIZED_COUNTRIES`,
    :data:`CYRILLIC_COUNTRIES`), one of :data:`VARIANT_MIN_LETTERS` letters or more that
    differs from the name in its vowels only (:func:`consonant_skeleton`: "Poonch" /
    "Pūnch", "Kupwara" / "Kopawor", "Beit Hanoun" / "Bayt Ḩānūn")."""
    if (population or 0) >= ALTERNATES_POPULATION:
        return True
    if alternate.lower().startswith("the "):
        return False
    if fold(alternate)[:3] == fold(name)[:3]:
        return True
    return (
        country in ROMANIZED_COUNTRIES | CYRILLIC_COUNTRIES
        and sum(c.isalpha() for c in alternate) >= VARIANT_MIN_LETTERS
        and consonant_skeleton(alternate) == consonant_skeleton(name)
    )


#: Letters a transliteration writes variously between consonants ("Poonch" / "Pūnch"):
#: ``transliteration_vowels`` of ``name_words.yaml``.
_VOWELS = frozenset("".join(word_list("name_words.yaml", "transliteration_vowels")))
#: An alternate told from its city's name by vowels alone is kept when it has this many
#: letters: shorter ones are too often another word ("Hon", "Chor").
VARIANT_MIN_LETTERS = 5


def consonant_skeleton(name: str) -> str:
    """A name's words without their vowels after the first letter, a doubled letter once,
    marks and punctuation dropped: "Pūnch" and "Poonch" → "pnch", "Bayt Ḩānūn" and "Beit
    Hanoun" → "bt hn", "Al-Farwaniyah" → "al frwnh". Two spellings with one skeleton
    differ in their vowels only (:data:`_VOWELS`), as transliterations do."""
    words = []
    for word in re.sub(r"[^a-z ]", "", fold(name).replace("-", " ")).split():
        kept = word[0] + "".join(c for c in word[1:] if c not in _VOWELS)
        words.append(re.sub(r"(.)\1+", r"\1", kept))
    return " ".join(words)


def plainer_spelling(english: str, name: str) -> bool:
    """Whether ``english`` (Natural Earth's English name of a city) is ``name`` (its GeoNames
    name) spelled without transliteration marks or diacritics: the same letters once folded
    and apostrophes dropped ("Herat" / "Herāt", "Tartus" / "Ţarţūs", "Ryazan" / "Ryazan’"),
    with fewer non-ASCII characters. English news writes those plain; an English name that
    keeps them ("Kraków", "São Paulo") or is another word ("Kiev" / "Kyiv") does not count."""

    def letters(text: str) -> str:
        return fold(text).replace("'", "").replace("-", " ")

    def marks(text: str) -> int:
        return sum(not c.isascii() for c in text)

    return english != name and letters(english) == letters(name) and marks(english) < marks(name)


#: Spanish- and Portuguese-speaking countries: their accents are spelling, not transliteration
#: marks, and the gazetteer shows them on every city ("Medellín", "Valparaíso", "Maceió"), so
#: Natural Earth's unaccented English name of a few ("Bogota", "Pinar del Rio", "Tehuacan") is
#: not taken: "Bogotá" beside "Medellín", and "río" keeps its accent.
ACCENTED_COUNTRIES = frozenset({
    "AO", "AR", "BO", "BR", "CL", "CO", "CR", "CU", "CV", "DO", "EC", "ES", "GQ", "GT", "GW",
    "HN", "MX", "MZ", "NI", "PA", "PE", "PR", "PT", "PY", "ST", "SV", "TL", "UY", "VE",
})  # fmt: skip
#: Countries whose place names GeoNames romanizes with scholarly marks news never prints
#: (Arabic, Persian, Pashto and Urdu, Indic, Japanese Hepburn and Korean McCune-Reischauer
#: transliterations): "Thāne", "Abū Ghurayb", "Ḩalab", "Kōriyama", "Hamhŭng".
ROMANIZED_COUNTRIES = frozenset({
    "AE", "AF", "BD", "BH", "DZ", "EG", "ET", "GE", "IN", "IQ", "IR", "JO", "JP", "KP",
    "KR", "KW", "LB", "LK", "LY", "MA", "NP", "OM", "PK", "PS", "QA", "SA", "SD", "SY",
    "TN", "YE",
})  # fmt: skip
#: Countries whose names GeoNames transliterates from Russian-style Cyrillic with the soft
#: sign as ’ and ё as ë ("Ryazan’", "Kiselëvsk"), which news writes "Ryazan", "Kiselyovsk".
CYRILLIC_COUNTRIES = frozenset({"BY", "KG", "KZ", "RU", "TJ", "UA"})
_SOFT_SIGN = re.compile("['\u2019\u201d\u02b9\u02ba]")  # soft and hard signs


def plain_cyrillic_romanization(name: str) -> str:
    """``name`` without the soft-sign marks and with ë as news writes it: "yo", or "e"
    after zh, ch, sh ("Ryazan’" → "Ryazan", "Kiselëvsk" → "Kiselyovsk", "Artëm" →
    "Artyom", "Pugachëv" → "Pugachev"). For :data:`CYRILLIC_COUNTRIES` only."""

    def yo(m: re.Match[str]) -> str:
        after_sibilant = m.start() >= 2 and name[m.start() - 1] in "hH"
        if after_sibilant and name[m.start() - 2] in "zcsZCS":
            return "e" if m.group() == "ë" else "E"
        return "yo" if m.group() == "ë" else "Yo"

    return " ".join(_SOFT_SIGN.sub("", re.sub("[ëË]", yo, name)).split())


#: The marks: tilde (Nepali nasals), macron, breve, dot above and below, cedilla, line below
#: (combining forms after NFD).
_ROMANIZATION_MARKS = {"\u0303", "\u0304", "\u0306", "\u0307", "\u0323", "\u0327", "\u0331"}
#: Ayn and hamza written as quotes or modifier letters ("‘Ibrī", "Ra’s", "Sunch’ŏn"); not
#: a French elision ("L’Arbaa", "d’Oran").
_AYN_HAMZA = re.compile(r"(?<!\b[LlDd])[\u2018\u2019\u02bb\u02bc\u02be\u02bf`]")


#: A word-final "á": the alif maqsura of the BGN romanization of Arabic and Persian.
_ALIF_MAQSURA = re.compile(r"\u00e1\b")


def plain_romanization(name: str) -> str:
    """``name`` without romanization marks (macrons, breves, dots and cedillas below, lines
    below, ayn and hamza quotes, a word-final "á"), other diacritics kept: "Abū Ghurayb" →
    "Abu Ghurayb", "Al Mahallah al Kubrá" → "Al Mahallah al Kubra",
    "Ḩamāh" → "Hamah", "‘Ibrī" → "Ibri", "Kōriyama" → "Koriyama", "Béjaïa" unchanged. For
    the cities of :data:`ROMANIZED_COUNTRIES` only: elsewhere these are letters ("Constanţa",
    "Jūrmala", "Şanlıurfa")."""
    # a final "á" is the alif maqsura of the BGN romanization ("Al Mahallah al Kubrá",
    # "Marsá Matruh"): French, the other Latin script of these countries, never ends a word so
    name = _ALIF_MAQSURA.sub("a", name)
    decomposed = unicodedata.normalize("NFD", _AYN_HAMZA.sub("", name))
    kept = "".join(c for c in decomposed if c not in _ROMANIZATION_MARKS)
    return " ".join(unicodedata.normalize("NFC", kept).split())
