"""Finding the turn that holds a position or a passage."""

from bisect import bisect_right
from collections.abc import Sequence

from app.dto import TurnInfo


def turn_at(turns: Sequence[TurnInfo], offset: int) -> TurnInfo | None:
    """The turn whose span holds ``offset`` (its end included, for a cursor after the last word)."""
    position = bisect_right([turn.start for turn in turns], offset) - 1
    if position >= 0 and offset <= turns[position].end:
        return turns[position]
    return None


def turn_for_span(
    turns: Sequence[TurnInfo], starts: Sequence[int], start: int, end: int
) -> TurnInfo | None:
    """The turn where the passage ``start``..``end`` begins (skipping blank lines before it)."""
    position = bisect_right(starts, start) - 1
    if position >= 0 and start < turns[position].end:
        return turns[position]
    following = position + 1
    if following < len(turns) and turns[following].start < end:
        return turns[following]
    return None


def content_span(turn: TurnInfo) -> tuple[int, int] | None:
    """What the speaker says, without the label; None for an empty turn."""
    if turn.end <= turn.content_start:
        return None
    return turn.content_start, turn.end
