"""Article pages: the text with its place mentions highlighted and linked to the map.

``geo`` turns each of its articles into an :class:`ArticleDoc`; ``layers`` writes one page per
document (``articles/<id>.html``). Mentions come from the mentions table's character offsets.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from inputsafe import clean_str
from layers.errors import SiteError

__all__ = ["ArticleDoc", "Highlight", "Segment", "highlight_segments"]


@dataclass(frozen=True, slots=True)
class ArticleDoc:
    """What an article page needs. ``text`` is the body the mentions' offsets point into;
    ``published`` is an ISO date; ``url`` is shown as a link only when it is http(s)."""

    id: str
    title: str | None
    outlet: str | None
    url: str | None
    published: str | None
    text: str

    def __post_init__(self) -> None:
        if not isinstance(self.id, str) or not self.id.strip():
            raise SiteError(f"an article needs a non-empty string id, got {self.id!r}")
        if not isinstance(self.text, str):
            raise SiteError(f"article {self.id!r}: text must be a string, got {self.text!r}")
        for name in ("title", "outlet", "url", "published"):
            value = getattr(self, name)
            if value is not None and not isinstance(value, str):
                raise SiteError(f"article {self.id!r}: {name} must be a string or None")
        # Same length out as in (offsets into the text stay right); always writable as UTF-8.
        for name in ("id", "title", "outlet", "url", "published", "text"):
            value = getattr(self, name)
            if value is not None:
                object.__setattr__(self, name, clean_str(value))


@dataclass(frozen=True, slots=True)
class Highlight:
    """One highlighted mention: where it is, and the place it links to."""

    char_start: int
    char_end: int
    place_id: str
    place_name: str
    place_kind: str
    anchor: str


@dataclass(frozen=True, slots=True)
class Segment:
    """A run of article text; ``mention`` is set when the run is a highlighted mention."""

    text: str
    mention: Highlight | None = None


def highlight_segments(
    doc: ArticleDoc,
    mentions: Iterable[Mapping[str, Any]],
    *,
    on_problem: Callable[[str], None],
) -> tuple[list[Segment], list[Highlight]]:
    """Cut ``doc.text`` into plain and highlighted runs.

    ``mentions`` are rows of the mentions table for this article. A mention whose offsets fall
    outside the text, or whose ``text`` differs from the text at its offsets, is reported and
    left out; of overlapping mentions the earliest (then longest) wins. Anchors are ``m-1``,
    ``m-2``… in text order. Returns the segments (their texts concatenate to ``doc.text``) and
    the highlights kept.
    """
    spans: list[tuple[int, int, Mapping[str, Any]]] = []
    length = len(doc.text)
    for row in mentions:
        start, end = row.get("char_start"), row.get("char_end")
        if start is None or end is None:
            continue
        start, end = int(start), int(end)
        if not 0 <= start < end <= length:
            on_problem(
                f"article {doc.id}: mention {row.get('text')!r} at {start}..{end} lies outside "
                f"the text ({length} characters); not highlighted"
            )
            continue
        expected = row.get("text")
        if expected and doc.text[start:end] != expected:
            on_problem(
                f"article {doc.id}: mention {expected!r} does not match the text at "
                f"{start}..{end} ({doc.text[start:end]!r}); not highlighted"
            )
            continue
        spans.append((start, end, row))
    spans.sort(key=lambda s: (s[0], -s[1], str(s[2].get("place_id"))))
    segments: list[Segment] = []
    kept: list[Highlight] = []
    cursor = 0
    for start, end, row in spans:
        if start < cursor:
            continue  # overlaps a mention already highlighted
        if start > cursor:
            segments.append(Segment(doc.text[cursor:start]))
        mark = Highlight(
            char_start=start,
            char_end=end,
            place_id=str(row.get("place_id") or ""),
            place_name=str(row.get("place_name") or doc.text[start:end]),
            place_kind=str(row.get("place_kind") or "other"),
            anchor=f"m-{len(kept) + 1}",
        )
        kept.append(mark)
        segments.append(Segment(doc.text[start:end], mark))
        cursor = end
    if cursor < length:
        segments.append(Segment(doc.text[cursor:]))
    return segments, kept
