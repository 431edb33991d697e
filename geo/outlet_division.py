"""The first-level division an outlet's name names: the home of a state or provincial paper.

A reader of ``masslive.com`` or ``oregonlive.com`` knows the site is Massachusetts's or
Oregon's news; "Springfield" in its stories is the Springfield of Massachusetts, not the
larger one of Missouri. An event set or a small archive often holds one story of such an
outlet, too few for :class:`geo.outlets.OutletPriors` to learn its home from its other
articles, and a story that names only its own town gives no evidence of its own.

:func:`host_division` reads the division from the first label of the outlet's host, after an
optional "the": it must open with the own name of a first-level division whose name means
that division first (not "georgia", a country first; not "washington", the capital first) or
with a written abbreviation of one of at least :data:`MIN_ABBREVIATION_LETTERS` letters
("mass" for "Mass.", "tenn" for "Tenn."; ``gazetteer/data/abbreviations.yaml``), and the rest
of the label must be empty or open with a word a newspaper puts after its place
(``masthead_words`` in ``geo/data/outlet_names.yaml``: "live", "news", "times" …). Two-letter
postal codes are not read: they are also the initials of cities ("latimes.com" is the Los
Angeles Times, not Louisiana's). A division of another country than the one the outlet's web
address tells is no home. :func:`geo.outlet_towns.outlet_prior` uses it where the outlet's
other articles give no home division, before the country of the web address.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources
from typing import Any

import yaml

from gazetteer.normalize import normalize
from geo.outlet_country import outlet_country
from geo.outlets import outlet_key
from geo.vocabulary import load_data

__all__ = ["MIN_ABBREVIATION_LETTERS", "MIN_NAME_LETTERS", "host_division"]

#: The shortest written abbreviation a host may open with ("mass", "conn", "tenn"; not "ky").
MIN_ABBREVIATION_LETTERS = 4
#: The shortest division name a host may open with ("ohio").
MIN_NAME_LETTERS = 4
_NOT_LETTERS = re.compile(r"[^a-z]")


def host_division(gazetteer: Any, outlet: str | None, url: str | None = None) -> str | None:
    """The id of the first-level division the outlet's host name opens with (its own name
    or a written abbreviation, followed by nothing or a masthead word; see the module), in
    the country the outlet's web address tells when it tells one; ``None`` when there is
    none, or more than one division fits. Never raises on untrusted text."""
    if gazetteer is None or getattr(gazetteer, "abbreviation", None) is None:
        return None
    key = outlet_key(outlet)
    if key is None:
        return None
    label = _NOT_LETTERS.sub("", key.split("/", 1)[0].split(".", 1)[0])
    country = outlet_country(outlet, url)
    masthead = _masthead_words()
    starts = [0, 3] if label.startswith("the") else [0]
    for start in starts:
        for end in range(len(label), start + MIN_ABBREVIATION_LETTERS - 1, -1):
            if end < len(label) and not label.startswith(masthead, end):
                continue
            found = _divisions(gazetteer, label[start:end])
            if country is not None:
                found = [d for d in found if d.country == country]
            ids = sorted({d.id for d in found})
            if len(ids) == 1:
                return ids[0]
            if ids:
                return None  # two divisions of the letters: the host does not tell which
    return None


def _divisions(gazetteer: Any, letters: str) -> list[Any]:
    """The first-level divisions ``letters`` (a host's letters) name: those they abbreviate
    in writing ("mass" → Massachusetts), and the one whose name, without spaces, they are
    when that name means the division first ("ohio", "newhampshire"; not "georgia", a
    country first, nor "washington", the capital first)."""
    forms, names = _tables()
    found = [p for form in forms.get(letters, ()) for p in gazetteer.abbreviation(form)]
    named = names.get(letters)
    if named is not None and len(letters) >= MIN_NAME_LETTERS:
        name, country = named
        cands = gazetteer.candidates(name, limit=3)
        top = cands[0].place if cands else None
        if (
            top is not None
            and top.kind == "admin1"
            and top.country == country
            and normalize(top.name) == normalize(name)
        ):
            found.append(top)
    return found


#: PyYAML's loader in C where it is built with libyaml: the same objects as ``safe_load``'s
#: (checked on this file), in a tenth of the time (9 -> 1 ms a process)
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@cache
def _tables() -> tuple[dict[str, tuple[str, ...]], dict[str, tuple[str, str]]]:
    """From ``gazetteer/data/abbreviations.yaml``: a written form's
    letters in lower case (at least :data:`MIN_ABBREVIATION_LETTERS`) → the forms
    ("mass" → "Mass."), and a division's name squashed → its name and one of its forms
    and country ("newhampshire" → "New Hampshire", "US")."""
    text = resources.files("gazetteer").joinpath("data", "abbreviations.yaml").read_text("utf-8")
    raw = yaml.load(text, Loader=_LOADER)
    forms: dict[str, tuple[str, ...]] = {}
    names: dict[str, tuple[str, str]] = {}
    for section in ("written", "postal"):  # the postal section names the divisions AP spells
        for country, divisions in raw[section].items():
            for name, section_forms in divisions.items():
                squashed = _NOT_LETTERS.sub("", normalize(str(name)))
                names.setdefault(squashed, (str(name), str(country).upper()))
                if section != "written":
                    continue  # a postal code is also a city's initials ("LA")
                for form in section_forms or ():
                    letters = _NOT_LETTERS.sub("", str(form).lower())
                    if len(letters) >= MIN_ABBREVIATION_LETTERS:
                        forms[letters] = (*forms.get(letters, ()), str(form))
    return forms, names


@cache
def _masthead_words() -> tuple[str, ...]:
    """The words a newspaper's name puts after its place (``geo/data/outlet_names.yaml``)."""
    return tuple(load_data("outlet_names.yaml")["masthead_words"])
