"""Checks shared by the tests of the importer's layout rules."""

from app.importing.layout import ParsedInterview, parse_interviews


def check(interview: ParsedInterview, source: str) -> None:
    """Turns are in order, apart and stripped; every source line survives in order."""
    previous_end = 0
    for turn in interview.turns:
        assert previous_end <= turn.start <= turn.content_start <= turn.end
        previous_end = turn.end
        words = interview.text[turn.start : turn.end]
        assert words == words.strip()
    position = 0
    for line in source.splitlines():
        if line.strip():
            position = interview.text.index(line.strip(), position) + len(line.strip())


def read(text: str, stem: str = "stem") -> ParsedInterview:
    [interview] = parse_interviews(text, fallback_title=stem)
    check(interview, text)
    return interview


def spoken(interview: ParsedInterview) -> list[tuple[str, str, str]]:
    """(kind, speaker, first words) of the question, answer and heading turns."""
    return [
        (turn.kind, turn.speaker, interview.text[turn.content_start : turn.end].strip()[:4])
        for turn in interview.turns
        if turn.kind in ("question", "answer", "heading")
    ]


def kinds(interview: ParsedInterview) -> list[tuple[str, str]]:
    return [(turn.kind, turn.speaker) for turn in interview.turns]
