"""Classifying the lines of an interview: headings, subtitles, bylines, speaker labels."""

import re
from dataclasses import dataclass
from enum import Enum

from app.importing.rules.furniture import is_date_time_stamp, is_furniture
from app.importing.rules.interview_fields import field_label
from app.importing.rules.role_labels import is_outlet_reporter, role_label
from app.importing.rules.titles import split_title_line

INTERVIEWER_LABELS = frozenset(
    {"记者", "本报记者", "问", "Q", "主持人", "主持", "采访者", "采访人", "编者", "提问"}
    | {"記者", "本報記者", "問", "採訪者", "採訪人", "采访组", "採訪組", "主持人", "主持"}
)
# Labels that open a note, not a turn: 图片说明：, 编者按：, 摘要：.
NOT_SPEAKERS = frozenset(
    {"图片说明", "圖片說明", "图注", "编者按", "編者按", "摘要", "来源", "來源", "责任编辑"}
    | {"責任編輯", "编辑", "編輯", "作者", "导语", "導語", "提要", "核心提示", "记者手记"}
    | {"打印", "关闭", "關閉", "收藏", "分享"}
)
_QUESTION_NUMBER = re.compile(
    r"^(?:问题|問題|提问|提問)\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})$"
)
ANSWER_LABELS = frozenset({"答", "A", "回答"})

# Characters that end a sentence, and closers that may follow them.
_SENTENCE_END = set("。！？!?…；;:：.")
_CLOSERS = set("”’」』）)】》\"'")
_CLAUSE_PUNCTUATION = re.compile(r"[，,。；;、]")
_QUESTION = re.compile(r"[？?]")

_SUBTITLE = re.compile(r"^[—–－\-]{1,3}\s*(?:专访|访问|访|對話|对话|訪)\s*(?P<rest>.+)$")
_BYLINE = re.compile(
    r"^[□■◇◆●○]?\s*(?P<role>本报记者|本報記者|本报通讯员|本報通訊員|记者|記者|通讯员|通訊員|文/|文／)"
    r"(?P<names>(?:\s+|(?<=/)|(?<=／)).*)$"
)
# A line naming the host: "主持人：张明", "主持人 张明", "【主持人】张明",
# "主持人：本报记者 张明", "主持人：张明（本报记者）", "主持人：张明、李华".
_HOST_LABEL = re.compile(
    r"^[□■◇◆●○]?\s*(?:[【［\[](?:主持人|主持)[】］\]]\s*[:：]?"
    r"|(?:主持人|主持)\s*[:：]|(?:主持人|主持)(?=\s))\s*"
)
_HOST_PERSON = r"[\u4e00-\u9fff]{1,6}·[\u4e00-\u9fff·]{1,8}|[\u4e00-\u9fff]{2,4}"
_HOST_ROLE_BEFORE = r"(?:(?:本报记者|本報記者|记者|記者)\s*)?"
_HOST_ROLE_AFTER = r"\s*(?:[（(][^（）()\n]{1,24}[）)])?"
_HOST_NAME = re.compile(f"{_HOST_ROLE_BEFORE}(?P<name>{_HOST_PERSON}){_HOST_ROLE_AFTER}")
_HOST_ENTRY = f"{_HOST_ROLE_BEFORE}(?:{_HOST_PERSON}){_HOST_ROLE_AFTER}"
_HOST_NAMES = re.compile(rf"{_HOST_ENTRY}(?:\s*[、，,/／\s]\s*{_HOST_ENTRY})*")
# Words that open a host's remark, not a name: "主持人：请问", "主持人：欢迎".
_NOT_A_HOST = re.compile(
    r"^(?:请|您|你|我|欢迎|各位|大家|感谢|谢谢|好的|首先|下面|接下来|今天|那么)"
)
_TIMESTAMP = re.compile(
    r"(?P<open>[\[［【（(])?\s*(?P<time>\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?)\s*"
    r"(?(open)[\]］】）)])[ \t\u3000]*"
)
_NAME_CHARS = r"[^\s:：,，。、；;!?！？“”\"'（）()\[\]［］【】]"
_LABEL = re.compile(
    r"(?:[【［\[](?P<bracketed>" + _NAME_CHARS + r"{1,12})[】］\]]\s*[:：]?|"
    r"(?P<plain>[^\s:：,，。、；;!?！？“”\"'（）()\[\]［］【】\d]" + _NAME_CHARS + r"{0,7})"
    r"(?:\s*[（(](?P<role>[^（）()\n]{1,24})[）)])?\s*[:：])"
    r"[ \t\u3000]*"
)
# A label ending in a verb of saying is reported speech, not a speaker: 总书记强调：“……”
_SPEECH_VERBS = (
    "强调", "指出", "表示", "认为", "提出", "要求", "介绍", "坦言", "透露", "谈到", "说道",
    "说", "称", "讲", "問道", "強調", "認為", "表示說",
)  # fmt: skip
_BYLINE_NOISE = frozenset(
    {"本报记者", "本報記者", "记者", "記者", "通讯员", "通訊員", "本报通讯员", "本報通訊員"}
    | {"摄影", "攝影", "报道", "報導", "文/", "文／", "实习生", "實習生", "见习记者", "見習記者"}
    | {"特约记者", "特約記者", "通讯员", "通訊員"}
)
_ENUMERATOR = re.compile(
    r"^(?:[一二三四五六七八九十]+是|[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[)）]|"
    r"\d+[、.．]|第[一二三四五六七八九十\d]+)"
)
_NUMBERED_QUESTION = re.compile(
    r"^(?:\d{1,2}\s*[.、．)）]|[一二三四五六七八九十]{1,3}\s*[、.．]|[（(]\d{1,2}[)）]|Q\d{1,2}\s*[.:：])"
)
_NAME = re.compile(r"[\u4e00-\u9fff·]{2,6}|[A-Za-z][A-Za-z .'-]{0,20}")
_ROLE_WORDS = (
    "党工委书记", "党委书记", "党组书记", "书记", "主任", "镇长", "乡长", "区长", "县长", "市长",
    "省长", "局长", "处长", "科长", "厅长", "部长", "主席", "院长", "校长", "所长", "站长",
    "馆长", "董事长", "总经理", "经理", "总裁", "总监", "负责人", "委员", "代表", "教授",
    "研究员", "专家", "会长", "秘书长", "社长", "总编辑", "主编", "村长", "队长", "厂长", "行长",
    "書記", "鎮長", "鄉長", "區長", "縣長", "市長", "局長", "處長", "廳長", "部長", "院長",
    "校長", "所長", "董事長", "總經理", "經理", "總裁", "總監", "負責人", "委員", "會長",
    "秘書長", "社長", "總編輯", "主編", "專家", "研究員", "传人", "傳人", "学者", "學者",
    "规划师", "規劃師", "建筑师", "建築師", "工程师", "工程師", "医生", "醫生", "理事长",
    "理事長", "发起人", "發起人", "创始人", "創始人", "带头人", "帶頭人",
)  # fmt: skip
# Words that follow a surname in a short label: 王书记, 刘镇长, 陈老师.
HONORIFICS = (*_ROLE_WORDS, "老师", "先生", "女士", "同志", "总", "老師")
ROLE_WORDS = frozenset(_ROLE_WORDS)
COMPOUND_SURNAMES = ("欧阳", "司马", "诸葛", "上官", "东方", "慕容", "司徒", "夏侯", "歐陽")


class LineKind(Enum):
    SUBTITLE = "subtitle"
    BYLINE = "byline"
    LABELLED = "labelled"
    HEADING = "heading"
    BODY = "body"
    HOST = "host"  # "主持人：张明": names the host, set by the layout parser (see host_names)
    FURNITURE = "furniture"  # page furniture and header fields (app.importing.rules)
    STAMP = "stamp"  # "2024-03-08 11:39:02" alone: the time stamp of the next turn


@dataclass(frozen=True)
class Label:
    name: str
    length: int  # code points of the label, its colon and the spaces after it
    role: str = ""  # from "吴刚（区委书记）：" or "区委书记 吴刚："
    role_before: bool = False  # "区委书记 吴刚：": the role is written before the name


@dataclass(frozen=True)
class Opening:
    """What a paragraph starts with: a transcript time stamp and/or a speaker label."""

    timestamp: str
    timestamp_length: int  # code points of the time stamp and its brackets
    label: Label | None

    @property
    def content_offset(self) -> int:
        """Where the words start, counted from the paragraph's first character."""
        return self.timestamp_length + (self.label.length if self.label else 0)


def opening(paragraph: str) -> Opening:
    timestamp, skip = "", 0
    stamp = _TIMESTAMP.match(paragraph)
    if stamp:
        timestamp, skip = stamp.group("time"), stamp.end()
    return Opening(timestamp, skip, find_label(paragraph[skip:]))


def find_label(paragraph: str) -> Label | None:
    """The speaker label opening ``paragraph`` ("记者:", "刘在军：", "【记者】"), if any."""
    with_role = role_label(paragraph)
    if with_role:
        return Label(with_role.name, with_role.length, with_role.role, bool(with_role.role))
    match = _LABEL.match(paragraph)
    if not match:
        return None
    name = (match.group("bracketed") or match.group("plain")).strip()
    if name.endswith(_SPEECH_VERBS) or name in NOT_SPEAKERS or field_label(paragraph):
        return None
    return Label(name=name, length=match.end(), role=(match.group("role") or "").strip())


def is_interviewer(name: str) -> bool:
    """记者, 问, 主持人, 采访组, 问题1, 某某电视台记者: a label that asks."""
    return (
        name in INTERVIEWER_LABELS
        or is_outlet_reporter(name)
        or is_question_number(name)
        or name.startswith(("网友", "網友"))
    )


def is_question_number(name: str) -> bool:
    """ "问题1", "問題2": a numbered question label."""
    return bool(_QUESTION_NUMBER.match(name))


def asks(paragraph: str) -> bool:
    return bool(_QUESTION.search(paragraph))


def is_heading_like(line: str) -> bool:
    """Short, no clause punctuation: a title, rubric or section head ("一、产业篇" too)."""
    core = _ENUMERATOR.sub("", line, count=1)
    return len(line) <= 40 and not _CLAUSE_PUNCTUATION.search(core)


def closes_a_text(line: str) -> bool:
    """ "让我们一起努力！", "（完）": a short last line of a text, not a rubric or title."""
    stripped = line.strip()
    return ends_sentence(stripped) or bool(re.fullmatch(r"[（(【\[].{1,8}[）)】\]]", stripped))


def is_numbered_question(paragraph: str) -> bool:
    """ "1.今年的目标是什么？", "一、如何……？": a numbered question without a speaker label."""
    return bool(_NUMBERED_QUESTION.match(paragraph)) and ends_with_question(paragraph)


def ends_with_question(paragraph: str) -> bool:
    stripped = paragraph.rstrip()
    while stripped and stripped[-1] in _CLOSERS:
        stripped = stripped[:-1]
    return bool(stripped) and stripped[-1] in "？?"


def looks_like_name(label: str) -> bool:
    """A person's name (2-6 Chinese characters, or a Latin name), not "一是" or "今年"."""
    return bool(_NAME.fullmatch(label)) and not starts_enumeration(label + "、")


def ends_sentence(paragraph: str) -> bool:
    stripped = paragraph.rstrip()
    while stripped and stripped[-1] in _CLOSERS:
        stripped = stripped[:-1]
    return bool(stripped) and stripped[-1] in _SENTENCE_END


def starts_enumeration(paragraph: str) -> bool:
    return bool(_ENUMERATOR.match(paragraph))


def subtitle_subject(line: str) -> str | None:
    """ "——访泊里镇党委书记刘在军" -> "泊里镇党委书记刘在军"; None if not a subtitle.

    Also for a title and subtitle on one line ("标题——访刘在军")."""
    match = _SUBTITLE.match(line)
    if match:
        return match.group("rest").strip()
    both = split_title_line(line)
    return subtitle_subject(both[1]) if both else None


def host_names(line: str) -> tuple[str, ...]:
    """The hosts a line such as "主持人：张明" or "主持人 张明（本报记者）" names; () otherwise.

    Only names (with an optional role) may follow the label: "主持人：请谈谈……？" is a
    question, not a host line.
    """
    label = _HOST_LABEL.match(line)
    if not label:
        return ()
    rest = line[label.end() :].strip()
    if not _HOST_NAMES.fullmatch(rest):
        return ()
    names = tuple(match.group("name") for match in _HOST_NAME.finditer(rest))
    if any(
        name in _BYLINE_NOISE or is_interviewer(name) or _NOT_A_HOST.match(name) for name in names
    ):
        return ()
    return names


def byline_names(line: str) -> str | None:
    """ "□本报记者 丁霞" -> "丁霞"; None if not a byline."""
    match = _BYLINE.match(line)
    if not match or len(line) > 60:
        return None
    words = re.split(r"[\s、，,/／]+", match.group("names").strip())
    names = [word for word in words if word and word not in _BYLINE_NOISE]
    return "、".join(names) if names else None


def surname_of(name: str) -> str:
    return name[:2] if name.startswith(COMPOUND_SURNAMES) else name[:1]


def split_person(subject: str, known_names: list[str]) -> tuple[str, str]:
    """Split "泊里镇党委书记刘在军" into (name, role), using speaker names seen in the text."""
    known_names = [name for name in known_names if len(name) >= 2]
    for name in known_names:
        if subject.endswith(name) and len(subject) > len(name):
            return name, subject[: -len(name)].strip(" ，,、")
    for name in known_names:
        if name in subject and subject != name:
            return name, subject.replace(name, "").strip(" ，,、")
    best = -1
    for word in _ROLE_WORDS:
        position = subject.rfind(word)
        if position >= 0 and position + len(word) > best:
            best = position + len(word)
    if best > 0 and 2 <= len(subject) - best <= 4:
        return subject[best:], subject[:best]
    return subject, ""


def classify(line: str, accepted_labels: frozenset[str]) -> LineKind:
    if subtitle_subject(line) is not None or split_title_line(line) is not None:
        return LineKind.SUBTITLE
    if byline_names(line) is not None:
        return LineKind.BYLINE
    if is_date_time_stamp(line):
        return LineKind.STAMP
    if is_furniture(line) or field_label(line):
        return LineKind.FURNITURE
    label = opening(line).label
    if label is not None and label.name in accepted_labels:
        return LineKind.LABELLED
    if is_heading_like(line) and not is_numbered_question(line):
        return LineKind.HEADING
    return LineKind.BODY
