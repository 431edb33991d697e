"""Boilerplate: the spans of a news text that are not article body.

:func:`boilerplate` promises spans (:class:`geo.text.Span`, offsets into the text it was
given), sorted and non-overlapping: whole paragraphs (:func:`geo.text.paragraphs`) and, inside
caption lines, photo credits. The vocabulary is ``geo/data/boilerplate.yaml``; this module
holds the grammar (where in a paragraph each list matches).

The rules work on paragraph features, not on exact strings:

- marker paragraphs: short lines that are, start with or end with a page-furniture marker
  ("Advertisement", "Sponsored", "Promoted", "Read also:", "Read more", "Related",
  "Updated:", "Share this", "Sign up", "Subscribe", cookie notices…);
- calls to action: paragraphs that address the reader to give, subscribe or click
  ("your support", "donate", "sign up", "help us/me", exclamation marks…), scored so that
  one feature alone is not enough, however often it is said (a quote on blood donors, "able
  to donate … a plasma donation", is one feature); a paragraph of more than ``_CTA_WORDS``
  words is body text, however it scores (a story printed as one paragraph that tells of a
  fundraiser: "the Cookville Volunteer Fire Department will host its 19th annual
  fundraiser … donations");
- media-player furniture: lines that are only a duration ("0:00") or "Watch"/"Listen";
- link lists: headline-like lines right after a "Read also"/"Related" marker;
- repeated lines: a paragraph that repeats an earlier one verbatim (a headline printed
  twice, the frame of an advertising unit); a paragraph of more than ``_REPEAT_WORDS`` words
  is a story's body that the page printed twice, and stays content;
- framed blocks: advertising units print their headline twice, around the ad; the block
  between two copies of a short line is boilerplate when any part of it, or the line right
  after it, is boilerplate by the rules above;
- photo credits: "© Agency / Photographer" and "Name/Agency via Getty Images"-style credits
  at the end of a caption line. The caption itself is content (it says where and when a
  photo was taken, often with a place and a date); only the credit is boilerplate;
- a caption of an older scene: a paragraph of one sentence that names a year (and a
  bracketed credit), at most ``_CAPTION_WORDS`` words, that says it shows a file photo or
  file footage ("… Foreign Ministers Meeting in Suva on August 14, 2025. (AFP File
  Photo)"): its place and date are another day's, not the story's; not a lead a page glued
  a credit to ("… on Sunday, officials said. (File photo)");
- a caption of another day's picture: a paragraph of one sentence, at most
  ``_CREDITED_CAPTION_WORDS`` words, that ends with a photo credit (an agency or a credit
  word, in brackets or after a stop, a "|" or a dash: "(AP Photo/Jane Doe)", "| REUTERS",
  "— REUTERS") and names a date with its year more than ``_OTHER_DAY_DAYS`` days from the
  page's publication day ("…, Wednesday, July 26, 2023, at the Capitol …" on a page of 2019;
  "… in November 2009. | REUTERS" on a page of 2022): a file picture or another story's,
  whose place and date are not the story's. Needs the publication day (``published``); a
  caption of the story's own days stays content ("… in Lima, Peru, Tuesday, April 15, 2025.
  (AP Photo/…)" on a page of April 16);
- a caption's credit in brackets right after its full stop, inside a paragraph: "… on the
  40th anniversary of the bed-in yesterday. (MORRIS LAMONT/Sun Media) Walter …" (a
  photographer's name in capitals, or an agency, before the slash): its names are people and
  papers, not places. Mixed-case names in brackets stay: "(Dallas/Fort Worth)" is how two
  places are written too.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

import ahocorasick

from geo.text import Span, paragraphs, sentences
from geo.vocabulary import alternation, load_data

__all__ = ["boilerplate"]


_MEDIA_LINE = re.compile(
    r"^[\W_]*(?:\d{1,2}:)?\d{1,2}:\d{2}(?:\s*/\s*(?:\d{1,2}:)?\d{1,2}:\d{2})?[\W_]*$"
)
#: A speaker introducing themself by full name ("I'm Jane Doe"): typical of campaign ads.
_SELF_INTRO = re.compile(r"I(?:'m|’m| am) [A-Z][a-z]+ [A-Z][a-z]+\b")
_NAME = r"[A-Z][\w'’.&-]*(?:[ \t]+[A-Z][\w'’.&-]*){0,3}"
#: A photographer's name in capitals, two to four words ("MORRIS LAMONT").
_CAPS_NAME = r"[A-Z][A-Z'’.&-]*(?:[ \t]+[A-Z][A-Z'’.&-]*){1,3}"
#: Right after a sentence's full stop (a closing quote may come between).
_AFTER_STOP = r"(?:(?<=[.!?][ \t])|(?<=[.!?][\"”’][ \t]))"


@dataclass(frozen=True, slots=True)
class _Furniture:
    """The boilerplate patterns, built once from ``geo/data/boilerplate.yaml``."""

    strong: re.Pattern[str]  # a paragraph starting with an unambiguous marker
    label: re.Pattern[str]  # a marker word alone or before a colon
    end: re.Pattern[str]  # a short paragraph ending with a marker ("… Sponsored")
    list_marker: re.Pattern[str]  # a marker after which headline-like lines are links
    credit_tail: re.Pattern[str]  # a photo credit: the whole tail of a caption line
    inline_credit: re.Pattern[str]  # a credit in brackets after a caption's full stop
    file_caption: re.Pattern[str]  # a caption of an older scene ("(AFP File Photo)")
    file_credit: re.Pattern[str]  # a file photo's bracketed credit ("[File: Jane Doe/Reuters]")
    credit_words: tuple[str, ...]  # what a credit may start with (lower case)
    agencies: tuple[str, ...]  # the agencies a credit may start with (case-sensitive)
    cta: ahocorasick.Automaton  # calls to action in three casings, valued by phrase


@lru_cache(maxsize=1)
def _furniture() -> _Furniture:
    """The boilerplate vocabulary of ``geo/data/boilerplate.yaml`` compiled into the
    patterns :func:`boilerplate` uses (the grammar: where in a paragraph each list matches)."""
    data = load_data("boilerplate.yaml")
    strong = alternation(data["markers_strong"])
    label = alternation(data["markers_label"])
    agencies = tuple(data["agencies"])
    agency = alternation(agencies)
    credit = alternation(data["credit_words"])
    return _Furniture(
        strong=re.compile(rf"(?i)^[\W_]*(?:{strong}|©|\d+\s*min(?:ute)?s?\s+read)\b"),
        label=re.compile(rf"(?i)^[\W_]*(?:{label}|more\s+from\s+[\w ]+)[\W_]*(?::|$)"),
        end=re.compile(rf"(?i)\b(?:{alternation(data['markers_end'])})[\W_]*$"),
        list_marker=re.compile(rf"(?i)^[\W_]*(?:{alternation(data['list_markers'])})\b"),
        credit_tail=re.compile(
            rf"""(?x)
                (?i:(?:{credit})s?\s*(?:by\b|:))[^\n]{{2,80}}
              | {_NAME}(?:[ \t]*/[ \t]*{_NAME})+(?:[ \t]+via[ \t]+{_NAME})?
              | {_NAME}[ \t]+via[ \t]+{_NAME}
              | (?:{agency})(?:[ \t]*/[ \t]*{_NAME})*
            """
        ),
        # the name before the slash in capitals or an agency's: "(MORRIS LAMONT/Sun Media)",
        # "(AP Photo/Jane Doe)"; not "(Dallas/Fort Worth)", which places are written as too
        inline_credit=re.compile(
            rf"{_AFTER_STOP}\((?:{_CAPS_NAME}|(?:{agency})(?:[ \t]+{_NAME})?)[ \t]*/[ \t]*{_NAME}\)"
        ),
        file_caption=re.compile(rf"(?i)\b(?:{alternation(data['file_caption_markers'])})\b"),
        file_credit=re.compile(
            rf"[(\[][ \t]*(?:{alternation(data['file_credit_openers'])})[ \t]*:"
            r"[^()\[\]\n/]+/[^()\[\]\n]+[)\]]\s*$"
        ),
        credit_words=tuple(w.lower() for w in data["credit_words"]),
        agencies=agencies,
        cta=_cta_automaton(data["calls_to_action"]),
    )


_SHORT_WORDS = 12  # a marker paragraph is at most this many words
_FRAME_WORDS = 15  # a frame line of an ad unit is at most this many words
_FRAME_GAP = 8  # at most this many paragraphs between the two copies of a frame line
#: A call to action is at most this many words; a longer paragraph is a story's body (on
#: LGL the bodies once flagged were of 112 to 534 words).
_CTA_WORDS = 100
#: A repeated paragraph is furniture only up to this many words; a longer one is a story's
#: body printed twice by the page (on LGL, GWN, TR-News and events-dev the 51 repeated
#: paragraphs are of at most 15 words but two story bodies of 395 and 510 words).
_REPEAT_WORDS = 100
#: A caption that says it shows an older scene ("file photo", "file footage") is furniture up
#: to this many words; a longer paragraph is body text that mentions old footage.
_CAPTION_WORDS = 50


def _words(s: str) -> int:
    """Number of words, counted as runs between spaces (cheap, good enough for thresholds)."""
    return s.count(" ") + 1


def _cta_automaton(phrases: Sequence[str]) -> ahocorasick.Automaton:
    """An Aho-Corasick automaton over the call-to-action ``phrases`` in three casings; each
    value is (length, open end, the phrase's index in ``phrases``)."""
    automaton = ahocorasick.Automaton()
    for key, phrase in enumerate(phrases):
        needle = phrase.rstrip("*")
        value = (len(needle), phrase.endswith("*") or needle.endswith("!"), key)
        for variant in (needle, needle[0].upper() + needle[1:], needle.upper()):
            automaton.add_word(variant, value)
    automaton.make_automaton()
    return automaton


def _cta_scores(text: str, paras: Sequence[Span]) -> list[int]:
    """Call-to-action score of each paragraph, from one pass over the text: the number of
    distinct calls it holds (a phrase said twice counts once: "able to donate whole blood …
    a plasma donation" is one feature), plus one for a self-introduction and one for two
    exclamation marks beside a call."""
    if not paras:
        return []
    starts = [p.start for p in paras]
    n = len(text)
    hits: list[tuple[int, int]] = []  # (offset, phrase index; -1 for a self-introduction)
    for last, (length, open_end, key) in _furniture().cta.iter(text):
        pos = last + 1 - length
        if (pos == 0 or not text[pos - 1].isalnum()) and (
            open_end or last + 1 == n or not text[last + 1].isalnum()
        ):
            hits.append((pos, key))
    for marker in ("I'm ", "I’m ", "I am "):
        pos = text.find(marker)
        while pos >= 0:
            if _SELF_INTRO.match(text, pos):
                hits.append((pos, -1))
            pos = text.find(marker, pos + 1)
    calls: list[set[int]] = [set() for _ in paras]
    for pos, key in hits:
        i = bisect_right(starts, pos) - 1
        if i >= 0 and pos < paras[i].end:
            calls[i].add(key)
    scores = [len(keys) for keys in calls]
    for i, score in enumerate(scores):
        if score and paras[i].of(text).count("!") >= 2:
            scores[i] += 1
    return scores


def _credit_start(line: str) -> int | None:
    """Offset in ``line`` where a trailing photo credit starts, else ``None``."""
    i = line.find("©")
    if i >= 0 and (i == 0 or line[i - 1].isspace()):
        return i
    j = max(line.rfind(". "), line.rfind(".\u00a0"))
    k = j + 2 if j >= 0 else 0
    while k < len(line) and line[k].isspace():
        k += 1
    if len(line) - k > 100 or not _may_be_credit(line, k):
        return None
    if _furniture().credit_tail.fullmatch(line, k):
        return k
    return None


def _may_be_credit(line: str, k: int) -> bool:
    """False only when the credit pattern cannot match ``line[k:]``: every credit has a "/" or
    a "via", or starts with a credit word or an agency (most caption and paragraph tails
    are plain sentences and skip the regex). Non-ASCII tails always go to the regex."""
    tail = line[k:]
    furniture = _furniture()
    return (
        not tail.isascii()
        or "/" in tail
        or "via" in tail
        or tail.startswith(furniture.agencies)
        or tail[:14].lower().startswith(furniture.credit_words)
    )


#: A bracketed credit that ends a caption ("(AFP File Photo)").
_TRAILING_BRACKETS = re.compile(r"\s*[(\[][^()\[\]\n]*[)\]]\s*$")
#: A full stop, then the capital of a next sentence.
_NEXT_SENTENCE = re.compile(r"[.!?][\"”’]?\s+[A-Z]")


#: A year: a caption of a file photo says when it was taken ("… on March 24, 2022.").
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")


def _file_credited_caption(para: str) -> bool:
    """True when ``para`` is one sentence that ends with a file photo's bracketed credit,
    a photographer and an agency after "File:" ("… in Dessie town, Amhara region [File:
    Jane Doe/Reuters]"): a picture of another day, whether or not it names a year; not a
    lead a page glued "(File photo)" to, which names no photographer."""
    m = _furniture().file_credit.search(para)
    return m is not None and _NEXT_SENTENCE.search(para, 0, m.start()) is None


def _dated_caption(para: str) -> bool:
    """True when ``para``, without a bracketed credit at its end, is one sentence that names a
    year: a caption saying when its picture was taken, not a lead a page glued a credit to
    ("North Korea fired a missile on Sunday, officials said. (File photo)")."""
    body = _TRAILING_BRACKETS.sub("", para)
    return _NEXT_SENTENCE.search(body) is None and _YEAR.search(body) is not None


#: A caption of another day's picture is furniture up to this many words (a wire caption
#: names everyone in the picture: the longest read on the wire sets is of 55 words).
_CREDITED_CAPTION_WORDS = 60
#: A caption's dated picture is another day's when its date lies more than this many days
#: from the page's publication day (the story's own pictures are of its days: 0 to 2 days
#: on every readable set; another story's or a file picture's, a year or more).
_OTHER_DAY_DAYS = 30
#: A credit's tail after a stop, a "|" or a dash is at most this many words.
_CREDIT_TAIL_WORDS = 8
#: Where a caption's trailing credit may start: after a full stop, a "|" or a dash.
_CREDIT_SEPARATORS = (". ", " | ", " — ", " – ", " - ")


def _is_credit(tail: str) -> bool:
    """True when ``tail`` (a paragraph's last words, brackets removed) is a photo credit: it
    opens with a credit word ("Photo by …", "Photo: …") or names a picture agency, as
    written or in capitals ("REUTERS", "AP Photo/Jane Doe", "AFP/File")."""
    furniture = _furniture()
    words = tail.strip(" \t|—–-").strip()
    if not words or _words(words) > _CREDIT_TAIL_WORDS:
        return False
    if words.lower().startswith(furniture.credit_words):
        return True
    return any(
        re.search(rf"(?<![\w-]){re.escape(form)}(?![\w-])", words)
        for agency in furniture.agencies
        for form in {agency, agency.upper()}
    )


def _credited_body(para: str) -> str | None:
    """The caption before ``para``'s trailing photo credit ("(AP Photo/Jane Doe)", "|
    REUTERS", "— REUTERS"), or ``None`` when ``para`` ends with no credit."""
    m = _TRAILING_BRACKETS.search(para)
    if m is not None:
        inner = m.group().strip()[1:-1]
        return para[: m.start()] if _is_credit(inner) else None
    cut = max(para.rfind(sep) for sep in _CREDIT_SEPARATORS)
    if cut < 0:
        return None
    return para[: cut + 1] if _is_credit(para[cut + 1 :]) else None


def _other_day_caption(para: str, published: date) -> bool:
    """True when ``para`` is a caption of another day's picture: one sentence ending with a
    photo credit whose dates that name a year all lie more than ``_OTHER_DAY_DAYS`` days from
    ``published`` (and there is one)."""
    if _YEAR.search(para) is None:
        return False
    body = _credited_body(para.strip())
    if body is None or len(sentences(body)) != 1:
        return False
    from geo.dates import find_dates

    written = [t.range for t in find_dates(body, published) if _YEAR.search(t.text)]
    if not written:
        return False
    lo = published.toordinal() - _OTHER_DAY_DAYS
    hi = published.toordinal() + _OTHER_DAY_DAYS
    return all(r.end.toordinal() < lo or r.start.toordinal() > hi for r in written)


def _is_headline_like(para: str) -> bool:
    return _words(para) <= _FRAME_WORDS and para[-1] not in ".!?"


def boilerplate(text: str, published: date | None = None) -> list[Span]:
    """Spans of text that are not article body, sorted and non-overlapping.

    Whole paragraphs (markers, calls to action, media furniture, link lists, repeated lines,
    framed advertising blocks; with ``published``, captions of another day's picture) and,
    inside caption lines, photo credits. See the module docstring for the rules.
    """
    furniture = _furniture()
    paras = paragraphs(text)
    strs = [p.of(text) for p in paras]
    flagged = [False] * len(paras)
    after_list_marker = False
    cta = _cta_scores(text, paras)
    seen: dict[str, int] = {}
    repeats: list[tuple[int, int]] = []  # (first index, repeat index) of short repeated lines

    for i, s in enumerate(strs):
        nwords = _words(s)
        short = nwords <= _SHORT_WORDS
        if short and (
            furniture.strong.match(s)
            or furniture.label.match(s)
            or furniture.end.search(s)
            or _MEDIA_LINE.match(s)
        ):
            flagged[i] = True
            after_list_marker = bool(furniture.list_marker.match(s))
            continue
        if after_list_marker and _is_headline_like(s):
            flagged[i] = True
            continue
        after_list_marker = False
        if cta[i] >= 2 and nwords <= _CTA_WORDS:
            flagged[i] = True
        if nwords <= _CAPTION_WORDS and furniture.file_caption.search(s) and _dated_caption(s):
            flagged[i] = True  # "… in Suva on August 14, 2025. (AFP File Photo)"
        if nwords <= _CAPTION_WORDS and _file_credited_caption(s):
            flagged[i] = True  # "… in Dessie town, Amhara region [File: Jane Doe/Reuters]"
        if (
            published is not None
            and nwords <= _CREDITED_CAPTION_WORDS
            and _other_day_caption(s, published)
        ):
            flagged[i] = True  # "… in November 2009. | REUTERS" on a page of 2022
        first = seen.get(s)
        if first is None:
            seen[s] = i
        elif nwords <= _REPEAT_WORDS:
            flagged[i] = True
            if nwords <= _FRAME_WORDS and i - first <= _FRAME_GAP + 1:
                repeats.append((first, i))

    # A block framed by two copies of a short line is an ad unit when anything inside it, or
    # the line right after it, is boilerplate.
    for first, last in repeats:
        stop = min(last + 2, len(paras))
        if any(flagged[j] for j in range(first + 1, last)) or (
            last + 1 < stop and flagged[last + 1]
        ):
            for j in range(first, last + 1):
                flagged[j] = True

    out: list[Span] = []
    for i, p in enumerate(paras):
        if flagged[i]:
            out.append(p)
            continue
        credit = _credit_start(strs[i])
        tail = len(strs[i]) if credit is None else credit
        for m in furniture.inline_credit.finditer(strs[i], 0, tail):
            if m.end() <= tail:
                out.append(Span(p.start + m.start(), p.start + m.end()))
        if credit is not None:
            out.append(Span(p.start + credit, p.end))
    return out
