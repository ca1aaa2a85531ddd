"""Split interview text into interviews, headings and speaker turns.

The newspaper layout this reads (see seeds/interviews-2023-xihaian.txt)::

    创新突破 见行动            <- column rubric   } series
    谋发展·话落实·强担当        <- series slogan   }
    奋力打造实力之城            <- title, may span two lines
    品质之城幸福之城
    ——访泊里镇党委书记刘在军    <- interviewee and role
    □本报记者 丁霞              <- reporter
    记者:……                     <- a question turn
    刘在军:……                   <- an answer turn
    ……                          <- unlabelled: continues the answer

Also read: 问/答 and Q/A labels, a host (主持人 or a named host) asking, a header line
naming the host (主持人：张明, kept as a heading, never the title), short forms of
the interviewee's name (王：, 王书记：), labels in brackets (【记者】), Traditional
characters, full-width indentation, transcripts with time stamps ([00:12:31] 主持人：,
kept as the turn's time stamp), numbered questions without labels (1.……？), and plain
articles (one narration turn per paragraph).

Paragraphs broken by page columns (one ending mid-sentence, the next carrying on) are
joined. Each interview's text is rebuilt from its paragraphs separated by blank lines;
nothing inside a paragraph is altered, and no line of the file is dropped except the
series lines above a title, which become the ``series`` field.
"""

from dataclasses import dataclass, field

from app.importing.lines import (
    ANSWER_LABELS,
    LineKind,
    Opening,
    asks,
    byline_names,
    classify,
    closes_a_text,
    ends_sentence,
    host_names,
    is_numbered_question,
    opening,
    split_person,
    starts_enumeration,
    subtitle_subject,
)
from app.importing.speakers import SpeakerPlan, accepted_labels, plan_speakers

PARAGRAPH_SEPARATOR = "\n\n"
MAX_TITLE_LINES = 2


@dataclass(frozen=True)
class ParsedTurn:
    speaker: str
    kind: str
    start: int
    content_start: int
    end: int
    timestamp: str = ""


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


@dataclass(frozen=True)
class _Paragraph:
    text: str
    opening: Opening
    labelled: bool  # opens with a trusted speaker label
    hosts: tuple[str, ...] = ()  # a "主持人：张明" line: the hosts it names


def parse_interviews(text: str, fallback_title: str, split: bool = True) -> list[ParsedInterview]:
    """Every interview in ``text`` (decoded, ``\\n`` line endings).

    With ``split=False`` the whole text is one interview, whatever headers it holds.
    """
    raw_lines = _non_blank_lines(text)
    if not raw_lines:
        return []
    texts = [line for line, _ in raw_lines]
    subjects = [subject for line in texts if (subject := subtitle_subject(line))]
    openings = [opening(line) for line in texts]
    accepted, hosts = labels_and_hosts(texts, openings, subjects)
    lines = [
        _Line(line, block, LineKind.HOST if index in hosts else classify(line, accepted))
        for index, (line, block) in enumerate(raw_lines)
    ]
    pieces = _split_into_interviews(lines)
    if not split and len(pieces) > 1:
        first_header, first_body = pieces[0]
        rest = [line for header, body in pieces[1:] for line in header + body]
        pieces = [(first_header, first_body + rest)]
    interviews = []
    inherited_series = ""
    for header, body in pieces:
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


_HEADER_KINDS = {LineKind.HEADING, LineKind.SUBTITLE, LineKind.BYLINE, LineKind.HOST}
_ANCHORS = {LineKind.SUBTITLE, LineKind.BYLINE}


def labels_and_hosts(
    texts: list[str], openings: list[Opening], subjects: list[str]
) -> tuple[frozenset[str], dict[int, tuple[str, ...]]]:
    """The trusted speaker labels, and the host lines by index with their names. Host
    lines are told apart with the labels trusted so far; the hosts' names then count as
    labels too."""
    accepted = accepted_labels(openings, subjects)
    hosts = _host_lines(texts, openings, [classify(line, accepted) for line in texts])
    return accepted_labels(openings, subjects, host_name_set(hosts)), hosts


def _host_lines(
    texts: list[str], openings: list[Opening], kinds: list[LineKind]
) -> dict[int, tuple[str, ...]]:
    """Lines naming the hosts ("主持人：张明"), by index, with the names.

    Such a line is a host line, not a turn, when a named host speaks elsewhere, or when it
    sits in a header: first in the text, after a heading, subtitle, byline or host line,
    or right above a subtitle or byline. Elsewhere ("主持人：谢谢" between turns) it stays
    a turn of the 主持人.
    """
    candidates = {index: names for index, text in enumerate(texts) if (names := host_names(text))}
    speaking = {
        o.label.name for index, o in enumerate(openings) if o.label and index not in candidates
    }
    hosts: dict[int, tuple[str, ...]] = {}
    for index, names in candidates.items():
        after_header = index == 0 or index - 1 in hosts or kinds[index - 1] in _HEADER_KINDS
        before_anchor = index + 1 < len(kinds) and kinds[index + 1] in _ANCHORS
        if after_header or before_anchor or any(name in speaking for name in names):
            hosts[index] = names
    return hosts


def host_name_set(hosts: dict[int, tuple[str, ...]]) -> frozenset[str]:
    return frozenset(name for names in hosts.values() for name in names)


def _split_into_interviews(lines: list[_Line]) -> list[tuple[list[_Line], list[_Line]]]:
    """Pairs of (header lines, body lines), one per interview.

    A header is a run of heading, subtitle, byline and host lines that holds a subtitle or
    a byline; each such run opens an interview, and ends at its last subtitle or byline
    (headings and host lines after that belong to the body). Without any, the leading
    headings and host lines (if any) head the one interview in the file.
    """
    runs: list[tuple[int, int]] = []
    index = 0
    while index < len(lines):
        if lines[index].kind in _HEADER_KINDS:
            end = index
            while end < len(lines) and lines[end].kind in _HEADER_KINDS:
                end += 1
            anchors = [i for i in range(index, end) if lines[i].kind in _ANCHORS]
            if anchors:
                runs.append((index, anchors[-1] + 1))
            index = end
        else:
            index += 1
    if not runs:
        return [_headed(lines)]
    # Short closing lines ("谢谢！", "（完）") in front of a header end the text before it.
    runs = [(_first_header_line(lines, start, end), end) for start, end in runs]
    pieces = []
    leading = lines[: runs[0][0]]
    if any(line.kind is LineKind.LABELLED for line in leading):
        pieces.append(_headed(leading))  # a whole interview without subtitle or byline
        leading = []
    for number, (start, end) in enumerate(runs):
        body_end = runs[number + 1][0] if number + 1 < len(runs) else len(lines)
        body = lines[end:body_end]
        if number == 0:  # text above the first header (an introduction): keep it
            body = leading + body
        pieces.append((lines[start:end], body))
    return pieces


def _first_header_line(lines: list[_Line], start: int, end: int) -> int:
    while (
        start < end and lines[start].kind is LineKind.HEADING and closes_a_text(lines[start].text)
    ):
        start += 1
    return start


def _headed(lines: list[_Line]) -> tuple[list[_Line], list[_Line]]:
    """Leading headings (and host lines) as the header of an interview that has no
    subtitle or byline."""
    end = 0
    while end < len(lines) and lines[end].kind in (LineKind.HEADING, LineKind.HOST):
        end += 1
    if end == len(lines):  # headings only: treat every line as text
        end = 0
    return lines[:end], lines[end:]


def _build(
    header: list[_Line], body: list[_Line], accepted: frozenset[str], fallback_title: str
) -> ParsedInterview:
    title_lines, series_lines, rest = _read_header(header)
    subtitle = next((line.text for line in header if line.kind is LineKind.SUBTITLE), "")
    reporter = next(
        (byline_names(line.text) or "" for line in header if line.kind is LineKind.BYLINE), ""
    )
    interview = ParsedInterview(
        title=_join_title(title_lines) if title_lines else fallback_title,
        subtitle=subtitle,
        reporter=reporter,
        series=" / ".join(line.text for line in series_lines),
    )
    paragraphs = []
    for text, kind in _join_column_breaks(body, accepted):
        start = opening(text)
        hosts = host_names(text) if kind is LineKind.HOST else ()
        labelled = bool(start.label and start.label.name in accepted and not hosts)
        paragraphs.append(_Paragraph(text, start, labelled, hosts))
    subject = subtitle_subject(subtitle) if subtitle else None
    labelled_paragraphs = [p for p in paragraphs if p.labelled]
    spoken = [
        (p.opening.label.name, asks(p.text[p.opening.content_offset :]))
        for p in labelled_paragraphs
        if p.opening.label
    ]
    named = _named_in_subject(subject, [label for label, _ in spoken])
    host_lines = [
        name
        for line in header + body
        if line.kind is LineKind.HOST
        for name in host_names(line.text)
    ]
    plan = plan_speakers(spoken, named, host_lines)

    builder = _TextBuilder()
    rest_ids = set(map(id, rest))
    for line in header:  # in the order written; a host line may come before the title
        if title_lines and line is title_lines[0]:
            builder.add_turn("", "heading", _join_title(title_lines), 0)
        elif id(line) in rest_ids:
            builder.add_turn("", "heading", line.text, 0)
    if labelled_paragraphs:
        _add_dialogue(builder, paragraphs, plan, accepted)
    else:
        _add_unlabelled(builder, paragraphs, accepted, reporter, named)
    interview.text = builder.text()
    interview.turns = builder.turns
    answerers = [
        turn.speaker
        for turn in builder.turns
        if turn.kind == "answer" and turn.speaker and turn.speaker not in ANSWER_LABELS
    ]
    if subject:
        interview.interviewee, interview.interviewee_role = split_person(
            subject, list(dict.fromkeys(answerers))
        )
    elif answerers:
        interview.interviewee = answerers[0]
        interview.interviewee_role = next(
            (
                p.opening.label.role
                for p in labelled_paragraphs
                if p.opening.label
                and p.opening.label.role
                and plan.speaker(p.opening.label.name) == interview.interviewee
            ),
            "",
        )
    return interview


def _named_in_subject(subject: str | None, labels: list[str]) -> str | None:
    """The interviewee's name as written in the subtitle, matched against the labels."""
    if not subject:
        return None
    for label in sorted(set(labels), key=len, reverse=True):
        if len(label) >= 2 and subject.endswith(label):
            return label
    name, _ = split_person(subject, [])
    return name if name != subject else None


def _add_dialogue(
    builder: "_TextBuilder",
    paragraphs: list[_Paragraph],
    plan: SpeakerPlan,
    accepted: frozenset[str],
) -> None:
    current: str | None = None
    for index, paragraph in enumerate(paragraphs):
        following = paragraphs[index + 1] if index + 1 < len(paragraphs) else None
        label = paragraph.opening.label
        if paragraph.hosts:  # names the host: part of the header, not a turn
            builder.add_turn("", "heading", paragraph.text, 0)
            current = None
            continue
        if paragraph.labelled and label is not None:
            current = plan.kind(label.name)
            builder.add_turn(
                plan.speaker(label.name),
                current,
                paragraph.text,
                paragraph.opening.content_offset,
                paragraph.opening.timestamp,
            )
            continue
        heading = classify(paragraph.text, accepted) is LineKind.HEADING
        section_head = (
            heading
            and not ends_sentence(paragraph.text)
            and following is not None
            and following.labelled
            and builder.current_has_words()
        )
        if current in ("question", "answer") and not section_head:
            builder.continue_turn(paragraph.text)
        else:
            builder.add_turn("", "heading" if heading else "narration", paragraph.text, 0)
            current = None


def _add_unlabelled(
    builder: "_TextBuilder",
    paragraphs: list[_Paragraph],
    accepted: frozenset[str],
    reporter: str,
    interviewee: str | None,
) -> None:
    """Numbered questions with unlabelled answers, or else one narration turn per paragraph."""
    numbered = sum(1 for p in paragraphs if is_numbered_question(p.text))
    in_answer = False
    for paragraph in paragraphs:
        text = paragraph.text
        if paragraph.hosts:
            builder.add_turn("", "heading", text, 0)
            in_answer = False
        elif numbered >= 2 and is_numbered_question(text):
            builder.add_turn("记者" if reporter else "", "question", text, 0)
            in_answer = False
        elif numbered >= 2 and builder.turns and builder.turns[-1].kind == "question":
            builder.add_turn(interviewee or "", "answer", text, 0)
            in_answer = True
        elif in_answer:
            builder.continue_turn(text)
        else:
            kind = "heading" if classify(text, accepted) is LineKind.HEADING else "narration"
            builder.add_turn("", kind, text, 0)


def _read_header(header: list[_Line]) -> tuple[list[_Line], list[_Line], list[_Line]]:
    """(title lines, series lines above them, the header's other lines in order)."""
    anchor = next((i for i, line in enumerate(header) if line.kind in _ANCHORS), len(header))
    headings = [line for line in header[:anchor] if line.kind is LineKind.HEADING]
    title_lines: list[_Line] = []
    if headings:
        last_block = headings[-1].block
        same_block = [line for line in headings if line.block == last_block]
        title_lines = same_block[-MAX_TITLE_LINES:]
    first_title = header.index(title_lines[0]) if title_lines else anchor
    series_lines = [line for line in header[:first_title] if line.kind is LineKind.HEADING]
    kept = set(map(id, title_lines + series_lines))
    rest = [line for line in header if id(line) not in kept]
    return title_lines, series_lines, rest


def _join_title(lines: list[_Line]) -> str:
    joined = lines[0].text
    for line in lines[1:]:
        needs_space = joined[-1].isascii() and joined[-1].isalnum() and line.text[0].isascii()
        joined += (" " if needs_space else "") + line.text
    return joined


def _join_column_breaks(body: list[_Line], accepted: frozenset[str]) -> list[tuple[str, LineKind]]:
    """Join a paragraph that stops mid-sentence with the one that carries it on.

    Each paragraph comes with the kind of its first line.
    """
    paragraphs: list[str] = []
    kinds: list[LineKind] = []
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
            kinds.append(line.kind)
        last = paragraphs[-1]
        start = opening(last)
        only_label = (
            start.label is not None
            and start.label.name in accepted
            and start.content_offset == len(last)
        )
        can_continue = (
            line.kind in (LineKind.BODY, LineKind.LABELLED)
            and not only_label
            and not ends_sentence(last)
        )
    return list(zip(paragraphs, kinds, strict=True))


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

    def add_turn(
        self, speaker: str, kind: str, paragraph: str, content_offset: int, timestamp: str = ""
    ) -> None:
        start = self._append(paragraph)
        self.turns.append(
            ParsedTurn(
                speaker, kind, start, start + content_offset, start + len(paragraph), timestamp
            )
        )

    def continue_turn(self, paragraph: str) -> None:
        self._append(paragraph)
        last = self.turns[-1]
        self.turns[-1] = ParsedTurn(
            last.speaker, last.kind, last.start, last.content_start, self._length, last.timestamp
        )

    def current_has_words(self) -> bool:
        last = self.turns[-1] if self.turns else None
        return last is not None and last.end > last.content_start

    def text(self) -> str:
        return "".join(self._parts)
