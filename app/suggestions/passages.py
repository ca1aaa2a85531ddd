"""The passages a suggestion can cover: a turn's words, or one sentence of them.

Only answer and narration turns are candidates (questions and headings are the
reporter's words and the layout). A sentence ends after 。！？!? (with any closing
quotes or brackets that follow) or at a line break; blank lines and punctuation-only
pieces are never passages. Offsets are code points into the document text.
"""

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from app.dto import TurnInfo

UNITS = ("sentence", "turn")
CANDIDATE_KINDS = ("answer", "narration")

_SENTENCE_END = re.compile(r"[。！？!?]+[”’」』）)》\"']*|\n+")
_WORDY = re.compile(r"\w")


@dataclass(frozen=True)
class Passage:
    start: int
    end: int
    text: str
    turn_index: int


def _trimmed(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start >= end or not _WORDY.search(text, start, end):
        return None
    return start, end


def sentence_spans(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Sentences of ``text[start:end]`` as (start, end) spans, trimmed of white space."""
    position = start
    for match in _SENTENCE_END.finditer(text, start, end):
        span = _trimmed(text, position, match.end())
        if span is not None:
            yield span
        position = match.end()
    span = _trimmed(text, position, end)
    if span is not None:
        yield span


def candidate_passages(text: str, turns: Iterable[TurnInfo], unit: str) -> list[Passage]:
    """Every passage of ``unit`` ("sentence" or "turn") in the candidate turns, in order."""
    if unit not in UNITS:
        raise ValueError(f"unknown unit {unit!r}")
    found: list[Passage] = []
    for turn in turns:
        if turn.kind not in CANDIDATE_KINDS or turn.end <= turn.content_start:
            continue
        if unit == "turn":
            span = _trimmed(text, turn.content_start, turn.end)
            spans = [span] if span is not None else []
        else:
            spans = list(sentence_spans(text, turn.content_start, turn.end))
        found.extend(Passage(s, e, text[s:e], turn.index) for s, e in spans)
    return found
