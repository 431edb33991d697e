"""Large inputs (issue 14, finding 17): a JSONL file is read one line at a time, and a long
build shows its progress in a log (stderr not a terminal), without flooding it."""

from __future__ import annotations

import json

import geo.readers as readers
from geo.cli_output import ProgressLines
from geo.readers import read_articles


def test_jsonl_articles_are_finished_while_the_file_is_read(tmp_path, monkeypatch):
    path = tmp_path / "feed.jsonl"
    lines = [json.dumps({"id": f"a{i}", "text": f"Story {i} from Kyiv."}) for i in range(50)]
    path.write_text("\n".join(lines) + "\n")
    parsed = []
    real_read, real_finish = readers.read_jsonl, readers.ArticleReader.finish

    def counting_read(*args, **kwargs):
        for draft in real_read(*args, **kwargs):
            parsed.append(draft.id)
            yield draft

    finished_after = []

    def recording_finish(self, draft, folder):
        finished_after.append(len(parsed))
        return real_finish(self, draft, folder)

    monkeypatch.setattr(readers, "read_jsonl", counting_read)
    monkeypatch.setattr(readers.ArticleReader, "finish", recording_finish)
    articles = read_articles(path, on_problem=lambda p: None)
    assert len(articles) == 50
    # Each article is finished as soon as its line is parsed: the file's drafts are never
    # all held at once (a million-line file was held twice over).
    assert finished_after == list(range(1, 51))


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_a_long_build_writes_a_few_progress_lines_to_a_log():
    clock, lines = Clock(), []
    progress = ProgressLines("Building", lines.append, clock=clock)
    total = 1_000_000
    for done in range(1, total + 1):
        clock.now += 0.001  # 1,000 s in all
        progress(done, total)
    assert lines[-1] == "Building: 1,000,000 of 1,000,000 articles (100%)"
    assert 10 <= len(lines) <= 50  # each tenth and every 30 s: a log, not a flood
    assert any("(50%)" in line for line in lines)


def test_a_short_build_writes_no_progress_lines():
    clock, lines = Clock(), []
    progress = ProgressLines("Building", lines.append, clock=clock)
    for done in range(1, 6):
        clock.now += 0.5
        progress(done, 5)
    assert lines == []
