"""The interview layout corpus (tests/fixtures/layouts): how a parsed interview is compared
with its sidecar, shared by the corpus test and benchmarks/layouts.py."""

from pathlib import Path
from typing import Any

from app.importing.layout import ParsedInterview

CORPUS = Path(__file__).resolve().parents[1] / "fixtures" / "layouts"
PREFIX_LENGTH = 6
SPOKEN = ("question", "answer")

Turn = tuple[str, str, str]  # speaker, kind, first characters of the words


def squeeze(text: str) -> str:
    return "".join(text.split())


def compared(turns: list[Turn]) -> list[Turn]:
    """Question and answer turns, and the heading turns from the first of those on."""
    first = next((i for i, (_, kind, _) in enumerate(turns) if kind in SPOKEN), 0)
    return [
        turn
        for index, turn in enumerate(turns)
        if turn[1] in SPOKEN or (turn[1] == "heading" and index >= first)
    ]


def parsed_turns(interview: ParsedInterview) -> list[Turn]:
    return [
        (
            turn.speaker,
            turn.kind,
            squeeze(interview.text[turn.content_start : turn.end])[:PREFIX_LENGTH],
        )
        for turn in interview.turns
    ]


def summary(interview: ParsedInterview) -> dict[str, Any]:
    """The fields a sidecar gives, and the compared turns, of a parsed interview."""
    return {
        "title": interview.title,
        "interviewee": interview.interviewee,
        "role": interview.interviewee_role,
        "reporter": interview.reporter,
        "published_on": interview.published_on.isoformat() if interview.published_on else None,
        "outlet": interview.outlet,
        "turns": compared(parsed_turns(interview)),
    }
