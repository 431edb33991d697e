"""Inline markdown on hostile lines (issue 14, finding 13): the work grows with the line, not
with its square, and what is kept of ordinary markdown is what it was."""

from __future__ import annotations

import re
import subprocess
import sys
import textwrap

from hypothesis import given, settings
from hypothesis import strategies as st

import geo.readers_inline as inline
from geo.readers_markdown import markdown_to_text

#: One hostile 100 KB line each: unclosed openers, which the old lazy regexes scanned to the
#: end of the line from every one of (one such line took 2.5 minutes).
HOSTILE_LINES = {
    "strong": "**a " * 25_000,
    "emphasis": "*a " * 33_000,
    "underscore": "_a " * 33_000,
    "links": "[a" * 50_000,
    "link targets": "[a](" * 25_000,
    "autolinks": "<http://a" * 11_000,
    "tags": "<a" * 50_000,
    "comments": "<!--" * 25_000,
    "heading": "# a" + " " * 100_000 + "b",
    "table rule": "|--" + " " * 100_000 + "x",
    "indent": " " * 100_000 + "x",
}


def test_hostile_lines_finish_within_a_generous_cpu_budget(tmp_path):
    # Not a timing assertion: the child gets 60 s of CPU for all eleven lines, which the
    # linear code needs well under 5 s for and the old code ran out of on the first line.
    # RLIMIT_CPU kills a runaway child instead of hanging the suite.
    script = textwrap.dedent(
        """
        import resource, sys
        resource.setrlimit(resource.RLIMIT_CPU, (60, 60))
        from geo.readers_markdown import markdown_to_text
        from tests.geo.test_markdown_hostile import HOSTILE_LINES
        for name, line in HOSTILE_LINES.items():
            text, _ = markdown_to_text(line)
            print(name, len(text), flush=True)
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr[-500:]
    assert [line.split()[0] for line in done.stdout.splitlines()][-1] == "indent"


def test_pairs_do_one_search_per_opener(monkeypatch):
    calls = []
    real = inline.bisect_left

    def counting(*args, **kwargs):
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(inline, "bisect_left", counting)
    line = "**a " * 25_000
    assert inline.inline_text(line) == line  # nothing closes: nothing is dropped
    assert len(calls) <= 2 * 25_000


def test_ordinary_inline_markdown_is_still_plain_text():
    md = (
        "**Kyiv** and *Lviv* and __Odesa__ and _Kharkiv_ and ~~Dnipro~~, "
        "[Kherson](https://en.wikipedia.org/wiki/Kherson_(city)) ![a map](map.png) "
        "<https://example.org> `code` <b>bold</b> a\\*star 5 * 3 * 2 snake_case_name &amp;"
    )
    text, _ = markdown_to_text(md)
    assert text == (
        "Kyiv and Lviv and Odesa and Kharkiv and Dnipro, Kherson  https://example.org code "
        "bold a*star 5 * 3 * 2 snake_case_name &"
    )
    assert markdown_to_text("# Title #  \n\nBody")[1] == "Title"
    assert markdown_to_text("<!-- a -->Kept<!-- b")[0] == "Kept<!-- b"


# The emphasis regexes the reader used before: the linear code must find the same pairs.
_OLD = (
    (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), r"\2"),
    (re.compile(r"(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?![\w*])"), r"\1"),
    (re.compile(r"(?<![\w_])_(?=\S)(.+?)(?<=\S)_(?![\w_])"), r"\1"),
    (re.compile(r"~~(.+?)~~"), r"\1"),
)


def _old_emphasis(s: str) -> str:
    for rx, repl in _OLD:
        s = rx.sub(repl, s)
    return s


def _new_emphasis(s: str) -> str:
    s = inline._pairs(s, ("**", "__"), inline._strong_open, inline._strong_close)
    s = inline._pairs(s, ("*",), inline._em_open, inline._em_close)
    s = inline._pairs(s, ("_",), inline._em_open, inline._em_close)
    return inline._pairs(s, ("~~",), inline._any, inline._any)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="*_~ ab\n", max_size=24))
def test_emphasis_pairs_match_the_old_regexes(s):
    assert _new_emphasis(s) == _old_emphasis(s)


def test_long_lines_are_one_paragraph_each() -> None:
    # pasted news: one paragraph a line, so a link line does not run into the next sentence
    lead = (
        "OTTAWA – The chair of the trade committee says he hopes Parliament can ratify the deal "
        * 2
    )
    md = f"{lead.strip()}.\nREAD MORE: Trade deal clears hurdle in parliament\nThe bill passed."
    text, _ = markdown_to_text(md)
    assert text.split("\n\n") == [
        f"{lead.strip()}.",
        "READ MORE: Trade deal clears hurdle in parliament",
        "The bill passed.",
    ]


def test_hard_wrapped_lines_are_still_one_paragraph() -> None:
    # counter-example: short lines breaking mid-sentence are one paragraph, joined
    md = "The committee met on Monday\nand passed the bill\nby a wide margin."
    assert (
        markdown_to_text(md)[0]
        == "The committee met on Monday and passed the bill by a wide margin."
    )
