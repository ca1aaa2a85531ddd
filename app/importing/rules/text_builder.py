"""Rebuilding an interview's text from its paragraphs, with the turns over it.

Paragraphs are joined by a blank line and never altered::

    记者：问题？            <- turn 1 (start, content_start after the label, end)
                            <- the separator belongs to no turn
    2024-03-08 11:39:02     <- a time stamp line: outside any turn, kept as the next
                               turn's time stamp
    张某：回答。刘某：补充。 <- two turns inside one paragraph
"""

from dataclasses import dataclass

PARAGRAPH_SEPARATOR = "\n\n"


@dataclass(frozen=True)
class ParsedTurn:
    speaker: str
    kind: str
    start: int
    content_start: int
    end: int
    timestamp: str = ""


class TextBuilder:
    def __init__(self) -> None:
        self._parts: list[str] = []
        self._length = 0
        self.turns: list[ParsedTurn] = []

    def _append(self, paragraph: str) -> int:
        if self._parts:
            self._parts.append(PARAGRAPH_SEPARATOR)
            self._length += len(PARAGRAPH_SEPARATOR)
        start = self._length
        self._parts.append(paragraph)
        self._length += len(paragraph)
        return start

    def add_turn(
        self, speaker: str, kind: str, paragraph: str, content_offset: int, timestamp: str = ""
    ) -> None:
        start = self._append(paragraph)
        self.turns.append(
            ParsedTurn(
                speaker, kind, start, start + content_offset, start + len(paragraph), timestamp
            )
        )

    def add_outside_turns(self, paragraph: str) -> None:
        """A paragraph of the text that no turn covers (a time stamp line)."""
        self._append(paragraph)

    def continue_turn(self, paragraph: str) -> None:
        """Add ``paragraph`` to the last turn; after a label on its own line, the words start
        here, so the turn's content never begins with the blank line after its label."""
        start = self._append(paragraph)
        last = self.turns[-1]
        words = start if last.content_start == last.end else last.content_start
        self.turns[-1] = ParsedTurn(
            last.speaker, last.kind, last.start, words, self._length, last.timestamp
        )

    def split_last(self, offset: int, speaker: str, kind: str, content_offset: int) -> None:
        """End the last turn before ``offset`` of the last paragraph and start a new turn
        there, its label ``content_offset`` code points long."""
        last = self.turns[-1]
        paragraph_start = self._length - len(self._parts[-1])
        at = paragraph_start + offset
        end = paragraph_start + len(self._parts[-1][:offset].rstrip())
        self.turns[-1] = ParsedTurn(
            last.speaker, last.kind, last.start, last.content_start, end, last.timestamp
        )
        self.turns.append(ParsedTurn(speaker, kind, at, at + content_offset, self._length))

    def stamp_last(self, timestamp: str) -> None:
        last = self.turns[-1]
        self.turns[-1] = ParsedTurn(
            last.speaker, last.kind, last.start, last.content_start, last.end, timestamp
        )

    def current_has_words(self) -> bool:
        last = self.turns[-1] if self.turns else None
        return last is not None and last.end > last.content_start

    def text(self) -> str:
        return "".join(self._parts)
