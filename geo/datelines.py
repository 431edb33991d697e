"""Wire datelines: where a story says it was filed ("HURRICANE, W.Va. -", "MASON, Ohio (AP) —",
"CROMWELL —"), found by their form alone.

A dateline opens the text, one of its first lines, or the sentence after a one-line headline
("Two teenagers found unharmed. HURRICANE, W.Va. - Law enforcement …"): a name written
wholly in capitals, an optional qualifier after a comma (an abbreviated division, a division's
name, or a date), an optional outlet in brackets, then a dash (a conversion may lose the dash
after the outlet). Its form is *strong* when a qualifier or an outlet follows the name: then
the name is a place even when it is a common word ("HURRICANE, W.Va."), see
:meth:`geo.recognize.Recognizer.find`. A bare "NAME —" is weaker: a shouted headline word
("BREAKING — …") has that form too, so the recognizer takes it only for a name the
gazetteer's main index holds and the stop-list does not refuse.

This module is text work only; whether the name and the qualifier are places is the
gazetteer's to say.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

__all__ = ["DATELINE_LINES", "Dateline", "dateline_at", "find_datelines"]

#: Datelines are looked for on the text's first lines only (lines with words: the blank lines
#: between paragraphs do not count, so that a byline, a date stamp or a subheading may stand
#: between the headline and the dateline: "By Jane Doe", "Published Oct 29, 2023 10:29 pm").
DATELINE_LINES = 3

#: A name in capitals (up to four words; "ISLE OF PALMS", "ST. PARIS"), an optional qualifier
#: after a comma, an optional outlet in brackets, then a dash.
_DATELINE = re.compile(
    r"[ \t*_#>]*(?P<name>[A-Z][A-Z'’-]*[A-Z]\.?(?:[ \t]+[A-Z][A-Z.'’-]*[A-Z.]){0,3})"
    r"(?:,[ \t]*(?P<qualifier>[A-Z][A-Za-z.]*(?:[ \t]+[A-Za-z0-9][A-Za-z0-9.]*){0,2}))?"
    r"[ \t]*(?P<outlet>\([^()\n]{1,60}\))?[ \t]*(?P<dash>-{1,3}|[–—\x97]{1,2})?"
)

#: Where a headline ends on the first line: a full stop, question or exclamation mark
#: (a closing quote may follow), then spaces.
_HEADLINE_END = re.compile(r"[.!?][\"”’]?[ \t]+(?=[A-Z])")


@dataclass(frozen=True, slots=True)
class Dateline:
    """One wire dateline: the span of its place name, its qualifier's text and span (after
    the comma; ``None`` when there is none), and whether an outlet in brackets follows."""

    name_start: int
    name_end: int
    qualifier: str | None
    qualifier_start: int
    outlet: bool

    @property
    def strong(self) -> bool:
        """Whether a qualifier or an outlet follows the name ("MASON, Ohio —", "LEBANON (AP)
        —"): a form no shouted headline word takes."""
        return self.qualifier is not None or self.outlet


def find_datelines(text: str) -> list[Dateline]:
    """The wire datelines of ``text``, in text order: those that open one of its first
    :data:`DATELINE_LINES` lines, or follow the headline that ends within the first line.
    A dateline needs its dash, its outlet, or both; a qualifier alone ("PARIS, Texas is …")
    is a sentence, not a dateline. The passes of one article ask for its datelines several
    times: the last few texts' are remembered (a new list each call)."""
    return list(_datelines(text))


@lru_cache(maxsize=8)
def _datelines(text: str) -> tuple[Dateline, ...]:
    out: list[Dateline] = []
    starts: list[int] = []
    pos = 0
    lines = 0
    while lines < DATELINE_LINES and pos < len(text):
        end = text.find("\n", pos)
        end = len(text) if end < 0 else end
        if text[pos:end].strip():
            if not starts:  # the first line may be a headline the dateline follows
                starts.extend(m.end() for m in _HEADLINE_END.finditer(text, pos, end))
            starts.append(pos)
            lines += 1
        pos = end + 1
    starts.sort()
    for start in starts:
        found = dateline_at(text, start)
        if found is not None:
            out.append(found)
    return tuple(out)


def dateline_at(text: str, pos: int) -> Dateline | None:
    """The wire dateline that opens ``text`` at offset ``pos`` (spaces and markup first
    allowed), or ``None``. It needs its dash, its outlet, or both: a qualifier alone ("PARIS,
    Texas is …") is a sentence, and an outlet without a dash must be followed by a space,
    a colon or the end of the line ("LEBANON (Ohio)'s …" is none)."""
    m = _DATELINE.match(text, pos)
    if m is None or (m.group("dash") is None and m.group("outlet") is None):
        return None
    after = m.end("outlet")
    if m.group("dash") is None and text[after : after + 1] not in ("", " ", "\t", "\n", ":"):
        return None  # "LEBANON (Ohio)'s …": no dateline without its dash or a gap
    qualifier = m.group("qualifier")
    return Dateline(
        m.start("name"),
        m.end("name"),
        qualifier,
        m.start("qualifier") if qualifier is not None else -1,
        m.group("outlet") is not None,
    )
