"""Classifying the lines of a newspaper interview: headings, bylines, speaker labels."""

import re
from dataclasses import dataclass
from enum import Enum

INTERVIEWER_LABELS = frozenset(
    {"记者", "本报记者", "问", "Q", "主持人", "采访者", "采访人"}
    | {"記者", "本報記者", "問", "採訪者"}
)
ANSWER_LABELS = frozenset({"答", "A"})

# Characters that end a sentence, and closers that may follow them.
_SENTENCE_END = set("。！？!?…；;:：.")
_CLOSERS = set("”’」』）)】》\"'")
_CLAUSE_PUNCTUATION = re.compile(r"[，,。；;、]")

_SUBTITLE = re.compile(r"^[—–－\-]{1,3}\s*(?:专访|访问|访|對話|对话|訪)\s*(?P<rest>.+)$")
_BYLINE = re.compile(
    r"^[□■◇◆●○]?\s*(?P<role>本报记者|本報記者|本报通讯员|记者|記者|通讯员|文/|文／)"
    r"(?P<names>(?:\s+|(?<=/)|(?<=／)).*)$"
)
_LABEL = re.compile(
    r"^(?:【(?P<bracketed>[^】\s]{1,12})】|"
    r"(?P<plain>[^\s:：,，。、；;!?！？“”\"'（）()\[\]【】\d][^\s:：,，。、；;!?！？“”\"'（）()\[\]【】]{0,7}))"
    r"\s*(?(bracketed)[:：]?|[:：])[ \t\u3000]*"
)
_BYLINE_NOISE = frozenset(
    {"本报记者", "本報記者", "记者", "記者", "通讯员", "本报通讯员", "摄影", "报道", "文/", "文／"}
)
_ENUMERATOR = re.compile(
    r"^(?:[一二三四五六七八九十]+是|[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[)）]|"
    r"\d+[、.．]|第[一二三四五六七八九十\d]+)"
)
_ROLE_WORDS = (
    "党工委书记",
    "党委书记",
    "书记",
    "主任",
    "镇长",
    "乡长",
    "区长",
    "县长",
    "市长",
    "省长",
    "局长",
    "处长",
    "科长",
    "厅长",
    "部长",
    "主席",
    "院长",
    "校长",
    "所长",
    "站长",
    "馆长",
    "董事长",
    "总经理",
    "经理",
    "总裁",
    "总监",
    "负责人",
    "委员",
    "代表",
    "教授",
    "研究员",
    "专家",
    "会长",
    "秘书长",
    "社长",
    "总编辑",
    "主编",
    "村长",
    "队长",
    "厂长",
    "行长",
)


class LineKind(Enum):
    SUBTITLE = "subtitle"
    BYLINE = "byline"
    LABELLED = "labelled"
    HEADING = "heading"
    BODY = "body"


@dataclass(frozen=True)
class Label:
    name: str
    length: int  # code points taken by the label, its colon and following spaces


def find_label(paragraph: str) -> Label | None:
    """The speaker label opening ``paragraph`` ("记者:", "刘在军：", "【记者】"), if any."""
    match = _LABEL.match(paragraph)
    if not match:
        return None
    name = match.group("bracketed") or match.group("plain")
    return Label(name=name, length=match.end())


def is_interviewer(name: str) -> bool:
    return name in INTERVIEWER_LABELS


_NAME = re.compile(r"[\u4e00-\u9fff·]{2,6}|[A-Za-z][A-Za-z .'-]{0,20}")


def looks_like_name(label: str) -> bool:
    """A person's name (2-6 Chinese characters, or a Latin name), not "一是" or "今年"."""
    return bool(_NAME.fullmatch(label)) and not starts_enumeration(label + "、")


def is_heading_like(line: str) -> bool:
    """Short, no clause punctuation, no speaker label: a title, rubric or section head."""
    return len(line) <= 40 and not _CLAUSE_PUNCTUATION.search(line)


def ends_sentence(paragraph: str) -> bool:
    stripped = paragraph.rstrip()
    while stripped and stripped[-1] in _CLOSERS:
        stripped = stripped[:-1]
    return bool(stripped) and stripped[-1] in _SENTENCE_END


def starts_enumeration(paragraph: str) -> bool:
    return bool(_ENUMERATOR.match(paragraph))


def subtitle_subject(line: str) -> str | None:
    """ "——访泊里镇党委书记刘在军" -> "泊里镇党委书记刘在军"; None if not a subtitle."""
    match = _SUBTITLE.match(line)
    return match.group("rest").strip() if match else None


def byline_names(line: str) -> str | None:
    """ "□本报记者 丁霞" -> "丁霞"; None if not a byline."""
    match = _BYLINE.match(line)
    if not match or len(line) > 60:
        return None
    words = re.split(r"[\s、，,/／]+", match.group("names").strip())
    names = [word for word in words if word and word not in _BYLINE_NOISE]
    return "、".join(names) if names else None


def split_person(subject: str, known_names: list[str]) -> tuple[str, str]:
    """Split "泊里镇党委书记刘在军" into (name, role), using speaker labels seen in the text."""
    for name in known_names:
        if subject.endswith(name) and len(subject) > len(name):
            return name, subject[: -len(name)].strip(" ，,、")
    for name in known_names:
        if name in subject and subject != name:
            return name, subject.replace(name, "").strip(" ，,、")
    best = -1
    best_word = ""
    for word in _ROLE_WORDS:
        position = subject.rfind(word)
        if position >= 0 and position + len(word) > best:
            best = position + len(word)
            best_word = word
    if best_word and 2 <= len(subject) - best <= 4:
        return subject[best:], subject[:best]
    return subject, ""


def classify(line: str, accepted_labels: frozenset[str]) -> LineKind:
    if subtitle_subject(line) is not None:
        return LineKind.SUBTITLE
    if byline_names(line) is not None:
        return LineKind.BYLINE
    label = find_label(line)
    if label is not None and label.name in accepted_labels:
        return LineKind.LABELLED
    if is_heading_like(line):
        return LineKind.HEADING
    return LineKind.BODY
