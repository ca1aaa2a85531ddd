"""Split newspaper interview text into interviews, headings and speaker turns.

The layout this reads (see seeds/interviews-2023-xihaian.txt)::

    创新突破 见行动            <- column rubric   } series
    谋发展·话落实·强担当        <- series slogan   }
    奋力打造实力之城            <- title, may span two lines
    品质之城幸福之城
    ——访泊里镇党委书记刘在军    <- interviewee and role
    □本报记者 丁霞              <- reporter
    记者:……                     <- a question turn
    刘在军:……                   <- an answer turn
    ……                          <- unlabelled: continues the answer

Paragraphs broken by page columns (one ending mid-sentence, the next carrying
on) are joined. The text of each interview is rebuilt from its paragraphs,
separated by blank lines; nothing inside a paragraph is altered.
"""

import re
from collections import Counter
from dataclasses import dataclass, field
from itertools import pairwise

from app.importing.lines import (
    ANSWER_LABELS,
    LineKind,
    byline_names,
    classify,
    ends_sentence,
    find_label,
    is_interviewer,
    looks_like_name,
    split_person,
    starts_enumeration,
    subtitle_subject,
)

PARAGRAPH_SEPARATOR = "\n\n"
MAX_TITLE_LINES = 2


@dataclass(frozen=True)
class ParsedTurn:
    speaker: str
    kind: str
    start: int
    content_start: int
    end: int


@dataclass
class ParsedInterview:
    title: str
    subtitle: str = ""
    interviewee: str = ""
    interviewee_role: str = ""
    reporter: str = ""
    series: str = ""
    text: str = ""
    turns: list[ParsedTurn] = field(default_factory=list)


@dataclass(frozen=True)
class _Line:
    text: str
    block: int  # lines in the same block are not separated by a blank line
    kind: LineKind


def parse_interviews(text: str, fallback_title: str) -> list[ParsedInterview]:
    """Every interview in ``text`` (already decoded, with ``\\n`` line endings)."""
    raw_lines = _non_blank_lines(text)
    if not raw_lines:
        return []
    accepted = _accepted_labels([line for line, _ in raw_lines])
    lines = [_Line(line, block, classify(line, accepted)) for line, block in raw_lines]
    interviews = []
    inherited_series = ""
    for header, body in _split_into_interviews(lines):
        interview = _build(header, body, accepted, fallback_title)
        if interview.series:
            inherited_series = interview.series
        else:
            interview.series = inherited_series
        interviews.append(interview)
    return interviews


def _non_blank_lines(text: str) -> list[tuple[str, int]]:
    result = []
    block = 0
    previous_blank = False
    for line in text.split("\n"):
        stripped = line.strip()
        if not stripped:
            previous_blank = True
            continue
        if previous_blank:
            block += 1
            previous_blank = False
        result.append((stripped, block))
    return result


def _accepted_labels(lines: list[str]) -> frozenset[str]:
    """Speaker labels trusted as such.

    Known roles (记者, 问, Q…), names used as a label at least twice, names given in
    a subtitle, and a name-like label on the paragraph right after a question
    (the answerer of a one-question interview).
    """
    counts: Counter[str] = Counter()
    subjects = [subject for line in lines if (subject := subtitle_subject(line))]
    labels = [find_label(line) for line in lines]
    for label in labels:
        if label:
            counts[label.name] += 1
    accepted = set()
    for name, count in counts.items():
        known = is_interviewer(name) or name in ANSWER_LABELS
        if known or count >= 2 or any(name in subject for subject in subjects):
            accepted.add(name)
    for previous, label in pairwise(labels):
        if previous and label and is_interviewer(previous.name) and looks_like_name(label.name):
            accepted.add(label.name)
    return frozenset(accepted)


_HEADER_KINDS = {LineKind.HEADING, LineKind.SUBTITLE, LineKind.BYLINE}


def _split_into_interviews(lines: list[_Line]) -> list[tuple[list[_Line], list[_Line]]]:
    """Pairs of (header lines, body lines), one per interview.

    A header is a run of heading, subtitle and byline lines that holds a subtitle
    or a byline; each such run opens an interview. Without any, the leading run
    of headings (if any) heads the one interview in the file.
    """
    runs: list[tuple[int, int]] = []
    index = 0
    while index < len(lines):
        if lines[index].kind in _HEADER_KINDS:
            end = index
            while end < len(lines) and lines[end].kind in _HEADER_KINDS:
                end += 1
            kinds = {line.kind for line in lines[index:end]}
            if kinds & {LineKind.SUBTITLE, LineKind.BYLINE}:
                runs.append((index, end))
            index = end
        else:
            index += 1
    if not runs:
        end = 0
        while end < len(lines) and lines[end].kind is LineKind.HEADING:
            end += 1
        if end == len(lines):  # headings only: treat every line as text
            end = 0
        return [(lines[:end], lines[end:])]
    pieces = []
    for number, (start, end) in enumerate(runs):
        body_end = runs[number + 1][0] if number + 1 < len(runs) else len(lines)
        header = lines[start:end]
        body = lines[end:body_end]
        if number == 0 and start > 0:  # text above the first header: keep it, as narration
            body = lines[:start] + body
        pieces.append((header, body))
    return pieces


def _build(
    header: list[_Line], body: list[_Line], accepted: frozenset[str], fallback_title: str
) -> ParsedInterview:
    title_lines, series_lines, subtitle, reporter = _read_header(header)
    interview = ParsedInterview(
        title=_join_title(title_lines) if title_lines else fallback_title,
        subtitle=subtitle,
        reporter=reporter,
        series=" / ".join(line.text for line in series_lines),
    )
    paragraphs = _join_column_breaks(body, accepted)
    builder = _TextBuilder()
    if title_lines:
        builder.add_turn("", "heading", _join_title(title_lines), 0)
    for line in header:
        if line.kind in (LineKind.SUBTITLE, LineKind.BYLINE):
            builder.add_turn("", "heading", line.text, 0)
    current: str | None = None
    labels = [find_label(paragraph) for paragraph in paragraphs]
    for index, paragraph in enumerate(paragraphs):
        label = labels[index]
        following = labels[index + 1] if index + 1 < len(paragraphs) else None
        if label and label.name in accepted:
            kind = "question" if is_interviewer(label.name) else "answer"
            builder.add_turn(label.name, kind, paragraph, label.length)
            current = kind
            continue
        heading = classify(paragraph, accepted) is LineKind.HEADING
        section_head = (
            heading
            and not ends_sentence(paragraph)
            and following is not None
            and following.name in accepted
            and builder.current_has_words()
        )
        if current in ("question", "answer") and not section_head:
            builder.continue_turn(paragraph)
        else:
            builder.add_turn("", "heading" if heading else "narration", paragraph, 0)
            current = None
    interview.text = builder.text()
    interview.turns = builder.turns
    answerers = [
        turn.speaker
        for turn in builder.turns
        if turn.kind == "answer" and turn.speaker not in ANSWER_LABELS
    ]
    subject = subtitle_subject(subtitle) if subtitle else None
    if subject:
        interview.interviewee, interview.interviewee_role = split_person(
            subject, list(dict.fromkeys(answerers))
        )
    elif answerers:
        interview.interviewee = answerers[0]
    return interview


def _read_header(header: list[_Line]) -> tuple[list[_Line], list[_Line], str, str]:
    """(title lines, series lines, subtitle, reporter) of an interview's header."""
    anchor = next(
        (i for i, line in enumerate(header) if line.kind in (LineKind.SUBTITLE, LineKind.BYLINE)),
        len(header),
    )
    headings = [line for line in header[:anchor] if line.kind is LineKind.HEADING]
    title_lines: list[_Line] = []
    if headings:
        last_block = headings[-1].block
        same_block = [line for line in headings if line.block == last_block]
        title_lines = same_block[-MAX_TITLE_LINES:]
    series_lines = [line for line in headings if line not in title_lines]
    subtitle = next((line.text for line in header if line.kind is LineKind.SUBTITLE), "")
    reporter = next(
        (byline_names(line.text) or "" for line in header if line.kind is LineKind.BYLINE), ""
    )
    return title_lines, series_lines, subtitle, reporter


def _join_title(lines: list[_Line]) -> str:
    joined = lines[0].text
    for line in lines[1:]:
        needs_space = joined[-1].isascii() and joined[-1].isalnum() and line.text[0].isascii()
        joined += (" " if needs_space else "") + line.text
    return joined


def _join_column_breaks(body: list[_Line], accepted: frozenset[str]) -> list[str]:
    """Join a paragraph that stops mid-sentence with the one that carries it on."""
    paragraphs: list[str] = []
    can_continue = False
    for line in body:
        continues = (
            can_continue and line.kind is LineKind.BODY and not starts_enumeration(line.text)
        )
        if continues:
            previous = paragraphs[-1]
            space = previous[-1].isascii() and previous[-1].isalnum() and line.text[0].isascii()
            paragraphs[-1] = previous + (" " if space else "") + line.text
        else:
            paragraphs.append(line.text)
        last = paragraphs[-1]
        label = find_label(last)
        has_words = not (label and label.name in accepted and label.length == len(last))
        can_continue = (
            line.kind in (LineKind.BODY, LineKind.LABELLED)
            and has_words
            and not ends_sentence(last)
        )
    return paragraphs


class _TextBuilder:
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

    def add_turn(self, speaker: str, kind: str, paragraph: str, label_length: int) -> None:
        start = self._append(paragraph)
        self.turns.append(
            ParsedTurn(speaker, kind, start, start + label_length, start + len(paragraph))
        )

    def continue_turn(self, paragraph: str) -> None:
        self._append(paragraph)
        last = self.turns[-1]
        self.turns[-1] = ParsedTurn(
            last.speaker, last.kind, last.start, last.content_start, self._length
        )

    def current_has_words(self) -> bool:
        last = self.turns[-1] if self.turns else None
        return last is not None and last.end > last.content_start

    def text(self) -> str:
        return "".join(self._parts)


def turns_in_place(text: str) -> list[ParsedTurn]:
    """Turns of a text that must stay exactly as it is (annotation files from other tools).

    Paragraphs are separated by line breaks; nothing is joined or rewritten. A paragraph
    opening with a trusted speaker label starts a question or answer turn and unlabelled
    paragraphs continue it; before the first label each paragraph is a narration turn.
    """
    paragraphs = [
        (match.start(), match.end())
        for match in re.finditer(r"[^\n]+", text)
        if match.group().strip()
    ]
    accepted = _accepted_labels([text[start:end].strip() for start, end in paragraphs])
    turns: list[ParsedTurn] = []
    current: str | None = None
    for start, end in paragraphs:
        line = text[start:end]
        indent = len(line) - len(line.lstrip())
        label = find_label(line[indent:])
        if label and label.name in accepted:
            current = "question" if is_interviewer(label.name) else "answer"
            first = start + indent
            turns.append(ParsedTurn(label.name, current, first, first + label.length, end))
        elif current is not None:
            last = turns[-1]
            turns[-1] = ParsedTurn(last.speaker, last.kind, last.start, last.content_start, end)
        else:
            turns.append(ParsedTurn("", "narration", start + indent, start + indent, end))
    return turns
