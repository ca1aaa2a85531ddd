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

The layouts of real pages are read by app.importing.rules, one module each: a named
host told by evidence (named_host), labels with a role before the name and time stamp
lines (role_labels, text_builder), oral-history header fields (interview_fields),
labels inside a paragraph (inline_labels), page furniture giving the date and outlet
(furniture), titles and subtitles on one line (titles), column joins (columns),
numbered section headings (sections), editor's notes and leads (notes), several
interviews without headers between them (interview_breaks, headers), and names and
roles from the words around the turns (context_names, interviewee). What was guessed
rather than read is listed in ``ParsedInterview.guesses`` (app.importing.guesses).

Paragraphs broken by page columns (one ending mid-sentence, the next carrying on) are
joined. Each interview's text is rebuilt from its paragraphs separated by blank lines;
nothing inside a paragraph is altered, and no line of the file is dropped except the
series lines above a title, which become the ``series`` field.
"""

from dataclasses import dataclass, field
from datetime import date

from app.importing import guesses as guess
from app.importing.lines import (
    ANSWER_LABELS,
    LineKind,
    Opening,
    asks,
    byline_names,
    classify,
    ends_sentence,
    host_names,
    is_numbered_question,
    is_question_number,
    opening,
    subtitle_subject,
)
from app.importing.rules.columns import join_column_breaks
from app.importing.rules.context_names import (
    full_names_in_context,
    headline_speaker,
    names_of_roles,
)
from app.importing.rules.furniture import credited_reporter, line_date, line_outlet
from app.importing.rules.headers import (
    Line,
    join_title,
    read_header,
    split_into_interviews,
)
from app.importing.rules.host_lines import host_name_set, labels_and_hosts
from app.importing.rules.inline_labels import inline_labels
from app.importing.rules.interview_fields import date_field, guest_field, team_field
from app.importing.rules.interviewee import find_interviewee, named_in_subject
from app.importing.rules.notes import is_note_opener, reporter_in_lead
from app.importing.rules.provenance import Provenance, provenance
from app.importing.rules.role_labels import role_asks
from app.importing.rules.sections import is_question_heading, is_section_heading
from app.importing.rules.text_builder import PARAGRAPH_SEPARATOR, ParsedTurn, TextBuilder
from app.importing.rules.titles import split_title_line
from app.importing.speakers import SpeakerPlan, plan_speakers

MIN_NARRATED_NAME = 2

__all__ = [
    "PARAGRAPH_SEPARATOR",
    "ParsedInterview",
    "ParsedTurn",
    "host_name_set",
    "labels_and_hosts",
    "parse_interviews",
]


@dataclass
class ParsedInterview:
    title: str
    subtitle: str = ""
    interviewee: str = ""
    interviewee_role: str = ""
    reporter: str = ""
    series: str = ""
    outlet: str = ""
    published_on: date | None = None
    text: str = ""
    turns: list[ParsedTurn] = field(default_factory=list)
    # What was guessed rather than read from labels (codes of app.importing.guesses).
    guesses: tuple[str, ...] = ()


@dataclass(frozen=True)
class _Paragraph:
    text: str
    kind: LineKind  # of its first line
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
        Line(line, block, LineKind.HOST if index in hosts else classify(line, accepted))
        for index, (line, block) in enumerate(raw_lines)
    ]
    stamps = sum(line.kind is LineKind.STAMP for line in lines)
    first_turn = next((i for i, line in enumerate(lines) if line.kind is LineKind.LABELLED), 0)
    lines = [  # a date line above the turns, or the only one: not a time stamp
        Line(line.text, line.block, LineKind.FURNITURE)
        if line.kind is LineKind.STAMP and (stamps < 2 or index < first_turn)
        else line
        for index, line in enumerate(lines)
    ]
    pieces = split_into_interviews(lines)
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


def _build(
    header: list[Line], body: list[Line], accepted: frozenset[str], fallback_title: str
) -> ParsedInterview:
    title_lines, series_lines, rest = read_header(header)
    before_turns = header + _before_first_turn(body)
    subtitle_line = next((line.text for line in before_turns if line.kind is LineKind.SUBTITLE), "")
    both = split_title_line(subtitle_line)
    subtitle = both[1] if both else subtitle_line
    title = join_title(title_lines) if title_lines else (both[0] if both else "")
    found: list[str] = [] if title else [guess.TITLE_FROM_FILE_NAME]
    reporter = _find_reporter(before_turns, header + body)
    all_texts = [line.text for line in header + body]
    dated = [line.text for line in header + body if line.kind is LineKind.FURNITURE]
    interview = ParsedInterview(
        title=title or fallback_title,
        subtitle=subtitle,
        reporter=reporter,
        series=" / ".join(line.text for line in series_lines),
        outlet=next((outlet for text in dated if (outlet := line_outlet(text))), ""),
        published_on=next((day for text in dated if (day := line_date(text))), None)
        or date_field(all_texts),
    )
    paragraphs = []
    for text, kind in join_column_breaks(
        [(line.text, line.kind) for line in body], accepted, is_note_opener
    ):
        start = opening(text)
        hosts = host_names(text) if kind is LineKind.HOST else ()
        labelled = bool(
            start.label and start.label.name in accepted and not hosts and kind is LineKind.LABELLED
        )
        paragraphs.append(_Paragraph(text, kind, start, labelled, hosts))
    subject = subtitle_subject(subtitle) if subtitle else None
    labelled_paragraphs = [p for p in paragraphs if p.labelled]
    labels = [p.opening.label.name for p in labelled_paragraphs if p.opening.label]
    named = named_in_subject(subject, labels)
    plan = _plan(header + body, labelled_paragraphs, named, interview)
    found.extend(plan.guesses)

    builder = TextBuilder()
    rest_ids = set(map(id, rest))
    for line in header:  # in the order written; a host line may come before the title
        if title_lines and line is title_lines[0]:
            builder.add_turn("", "heading", join_title(title_lines), 0)
        elif id(line) in rest_ids:
            turn_kind = "narration" if line.kind is LineKind.FURNITURE else "heading"
            builder.add_turn("", turn_kind, line.text, 0)
    if labelled_paragraphs:
        speakers = frozenset(label for label in labels if label not in ANSWER_LABELS)
        _add_dialogue(builder, paragraphs, plan, accepted, speakers, interview.title, named)
    else:
        found.append(guess.NO_LABELS)
        _add_unlabelled(builder, paragraphs, accepted, reporter, named)
    interview.text = builder.text()
    interview.turns = builder.turns
    label_roles = {
        plan.speaker(p.opening.label.name): p.opening.label.role
        for p in reversed(labelled_paragraphs)
        if p.opening.label and p.opening.label.role
    }
    interview.interviewee, interview.interviewee_role, more = find_interviewee(
        interview.title, subject, interview.turns, label_roles, all_texts
    )
    found.extend(more)
    origin = next((o for line in before_turns if (o := provenance(line.text))), None)
    if origin is not None:
        found = _with_provenance(interview, origin, found, fallback_title)
    interview.guesses = tuple(dict.fromkeys(found))
    return interview


def _with_provenance(
    interview: ParsedInterview, origin: Provenance, found: list[str], fallback_title: str
) -> list[str]:
    """Fill what the page left empty from a reprint's provenance line; the guesses left."""
    if origin.title and guess.TITLE_FROM_FILE_NAME in found and interview.title == fallback_title:
        interview.title = origin.title
        found = [code for code in found if code != guess.TITLE_FROM_FILE_NAME]
    interview.outlet = interview.outlet or origin.outlet
    interview.published_on = interview.published_on or origin.published_on
    interview.reporter = interview.reporter or origin.reporter
    if origin.guest and interview.interviewee in ("", origin.guest):
        interview.interviewee = origin.guest
        interview.interviewee_role = interview.interviewee_role or origin.guest_role
        found = [code for code in found if code != guess.INTERVIEWEE_FROM_TURNS]
    return found


def _find_reporter(before_turns: list[Line], lines: list[Line]) -> str:
    """From a byline, a lead, a 采访组 field or a host line above the turns, or else a
    credit anywhere ("（记者 某某）")."""
    texts = [line.text for line in before_turns]
    byline = next(
        (byline_names(line.text) or "" for line in before_turns if line.kind is LineKind.BYLINE),
        "",
    )
    return (
        byline
        or reporter_in_lead(texts)
        or team_field(texts)
        or _reporting_host(before_turns)
        or next((name for line in lines if (name := credited_reporter(line.text))), "")
    )


def _plan(
    lines: list[Line],
    labelled: list[_Paragraph],
    named: str | None,
    interview: ParsedInterview,
) -> SpeakerPlan:
    """Who speaks and who asks: hosts named on host lines, the reporter speaking under
    the byline name, labels with an asking role, then the evidence in the turns."""
    texts = [line.text for line in lines]
    spoken = [
        (p.opening.label.name, asks(p.text[p.opening.content_offset :]))
        for p in labelled
        if p.opening.label
    ]
    labels = [label for label, _ in spoken]
    hosts = [name for line in lines if line.kind is LineKind.HOST for name in host_names(line.text)]
    reporters = interview.reporter.split("、") if interview.reporter else []
    hosts += [label for label in labels if label in reporters]
    hosts += [
        p.opening.label.name
        for p in labelled
        if p.opening.label and p.opening.label.role and role_asks(p.opening.label.role)
    ]
    plan = plan_speakers(
        spoken,
        named,
        hosts,
        [p.text[p.opening.content_offset :] for p in labelled],
        headline=interview.title,
        known_names=[*full_names_in_context(labels, texts), guest_field(texts)[0]],
    )
    plan = _alias_from_headline(plan, interview.title)
    roles = names_of_roles(labels, texts)
    if roles:
        plan = SpeakerPlan({**plan.canonical, **roles}, plan.askers, plan.guesses)
    return plan


def _alias_from_headline(plan: SpeakerPlan, title: str) -> SpeakerPlan:
    """A one-character label ("包：") for the only answerer, whose full name opens the
    headline ("鲍某某：……"), is that person."""
    person = headline_speaker(title)
    answering = {label for label in plan.canonical if plan.kind(label) == "answer"}
    if not person or len(answering) != 1 or len(next(iter(answering))) != 1:
        return plan
    alias = next(iter(answering))
    if plan.canonical[alias] != alias or alias in ANSWER_LABELS:
        return plan
    return SpeakerPlan({**plan.canonical, alias: person}, plan.askers, plan.guesses)


def _reporting_host(lines: list[Line]) -> str:
    """ "主持人：本报记者 邝某": the host is the reporter."""
    return next(
        (
            "、".join(host_names(line.text))
            for line in lines
            if line.kind is LineKind.HOST and ("记者" in line.text or "記者" in line.text)
        ),
        "",
    )


def _before_first_turn(body: list[Line]) -> list[Line]:
    end = next((i for i, line in enumerate(body) if line.kind is LineKind.LABELLED), len(body))
    return body[:end]


def _add_dialogue(
    builder: TextBuilder,
    paragraphs: list[_Paragraph],
    plan: SpeakerPlan,
    accepted: frozenset[str],
    speakers: frozenset[str],
    title: str,
    answerer: str | None,
) -> None:
    current: str | None = None
    stamp = ""
    label_only_questions = all(
        is_question_number(p.opening.label.name) or plan.kind(p.opening.label.name) == "question"
        for p in paragraphs
        if p.labelled and p.opening.label
    )
    for index, paragraph in enumerate(paragraphs):
        following = paragraphs[index + 1] if index + 1 < len(paragraphs) else None
        label = paragraph.opening.label
        if paragraph.hosts:  # names the host: part of the header, not a turn
            builder.add_turn("", "heading", paragraph.text, 0)
            current = None
            continue
        if paragraph.kind is LineKind.STAMP:  # the time stamp of the turn it stands by
            if current and not builder.current_has_words():
                builder.stamp_last(paragraph.text)
            else:
                stamp = paragraph.text
            builder.add_outside_turns(paragraph.text)
            continue
        if paragraph.labelled and label is not None:
            current = plan.kind(label.name)
            builder.add_turn(
                plan.speaker(label.name),
                current,
                paragraph.text,
                paragraph.opening.content_offset,
                paragraph.opening.timestamp or stamp,
            )
            stamp = ""
            _split_inline(builder, paragraph.text, paragraph.opening.content_offset, plan, speakers)
            continue
        if paragraph.kind in (LineKind.FURNITURE, LineKind.BYLINE):
            builder.add_turn("", "narration", paragraph.text, 0)
            current = None
            continue
        heading = classify(paragraph.text, accepted) is LineKind.HEADING
        if paragraph.kind is LineKind.SUBTITLE or paragraph.text == title:  # printed again
            builder.add_turn("", "heading", paragraph.text, 0)
            current = None
            continue
        if is_note_opener(paragraph.text):  # an editor's note (编者按, 编者的话) or a lead
            builder.add_turn("", "heading" if heading else "narration", paragraph.text, 0)
            current = None
            continue
        before_a_label = following is not None and following.labelled
        section_head = is_section_heading(paragraph.text) or (
            before_a_label
            and builder.current_has_words()
            and (
                (heading and not ends_sentence(paragraph.text))
                or (current == "answer" and is_question_heading(paragraph.text))
            )
        )
        if current in ("question", "answer") and _narrates(paragraph.text, speakers):
            builder.add_turn("", "narration", paragraph.text, 0)  # "说到这里，某某停了下来。"
            current = "narration"
            _split_inline(builder, paragraph.text, 0, plan, speakers)
        elif is_numbered_question(paragraph.text) and current != "question":
            current = "question"  # "1.……？" asked without a label, answered with labels
            builder.add_turn("", current, paragraph.text, 0)
        elif current == "question" and label_only_questions and builder.current_has_words():
            current = "answer"  # "问题1：……？" then the interviewee's unlabelled answer
            builder.add_turn(answerer or "", current, paragraph.text, 0)
        elif current in ("question", "answer") and not section_head:
            builder.continue_turn(paragraph.text)
            _split_inline(builder, paragraph.text, 0, plan, speakers)
        else:
            builder.add_turn("", "heading" if heading else "narration", paragraph.text, 0)
            current = None


def _narrates(text: str, speakers: frozenset[str]) -> bool:
    """A paragraph between turns that tells of a speaker by name before another speaker's
    label inside it: narration, not the answer going on."""
    first = next(inline_labels(text, 0, speakers), None)
    return first is not None and any(
        len(name) >= MIN_NARRATED_NAME and name in text[: first[0]] for name in speakers
    )


def _split_inline(
    builder: TextBuilder, text: str, start: int, plan: SpeakerPlan, speakers: frozenset[str]
) -> None:
    for offset, label in inline_labels(text, start, speakers):
        builder.split_last(offset, plan.speaker(label.name), plan.kind(label.name), label.length)


def _add_unlabelled(
    builder: TextBuilder,
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
        if paragraph.kind is LineKind.FURNITURE or paragraph.kind is LineKind.STAMP:
            builder.add_turn("", "narration", text, 0)
            in_answer = False
        elif paragraph.hosts:
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
