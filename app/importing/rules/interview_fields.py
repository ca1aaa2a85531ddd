"""The header block of an oral history, one field a line.

The layout this reads::

    采访对象：张某某（1948年生，退休教师）   <- interviewee (the name before the note)
    采访日期：2019年5月3日                  <- published_on
    采访地点：某某村文化站
    采访组：何某、尹某                     <- the reporters (names only)
    本期嘉宾：市某局局长 汤某某            <- a guest: the interviewee and the role
    采访组：我们想请您先谈谈……？             <- then the 采访组 asks (a speaker label)

Field lines are kept in the text as narration, never taken as a title or a speaker.
"""

import re
from datetime import date

from app.importing.rules.furniture import first_date

MAX_FIELD_LINE = 60
_FIELD = re.compile(
    r"^(?P<field>采访对象|受访者|受访人|被采访人|採訪對象|受訪者|受訪人|被採訪人"
    r"|采访日期|采访时间|採訪日期|採訪時間|采访地点|採訪地點|整理人|整理|记录人|記錄人"
    r"|记录整理|記錄整理|采访整理|採訪整理|访谈时间|訪談時間|访谈日期|訪談日期|访谈地点|訪談地點"
    r"|本期嘉宾|本期嘉賓|嘉宾|嘉賓|访谈嘉宾|訪談嘉賓)"
    r"\s*[:：]\s*(?P<value>\S.*)$"
)
_INTERVIEWEE_FIELDS = frozenset(
    {"采访对象", "受访者", "受访人", "被采访人", "採訪對象", "受訪者", "受訪人", "被採訪人"}
)
_DATE_FIELDS = frozenset(
    {"采访日期", "采访时间", "採訪日期", "採訪時間", "访谈时间", "訪談時間", "访谈日期", "訪談日期"}
)
_GUEST_FIELDS = frozenset({"本期嘉宾", "本期嘉賓", "嘉宾", "嘉賓", "访谈嘉宾", "訪談嘉賓"})
_TEAM = re.compile(
    r"^(?P<field>采访组|採訪組|采访人|採訪人|采访者|採訪者)\s*[:：]\s*"
    r"(?P<value>[\u4e00-\u9fff]{2,4}(?:[、，,\s]+[\u4e00-\u9fff]{2,4})*)$"
)
_NAME_END = re.compile(r"[（(，,、；;\s]")
_ENTRY_SEPARATOR = re.compile(r"(?<=[）)])\s*[、，,]\s*")
_NOTE = re.compile(r"[（(]([^（）()]{2,40})[）)]")
_NOTE_PART = re.compile(r"[，,、；;]\s*")
_LIFE_DATES = re.compile(r"\d|[生歲岁]$|^生于|^生於")  # "1938年生", "82岁", "1938—2019"
MAX_ROLE = 16


def _role_in_note(note: str) -> str | None:
    """ "1938年生，原公社党委书记" -> "原公社党委书记": the note without life dates."""
    parts = [part for part in _NOTE_PART.split(note.strip()) if part]
    roles = [part for part in parts if not _LIFE_DATES.search(part)]
    role = "，".join(roles)
    return role if 2 <= len(role) <= MAX_ROLE else None


def is_field_line(line: str) -> bool:
    return bool(field_label(line))


def field_label(line: str) -> str:
    """ "采访对象：张某某" -> "采访对象"; "" if the line is not a field line."""
    if len(line) > MAX_FIELD_LINE:
        return ""
    match = _FIELD.match(line) or _TEAM.match(line)
    return match.group("field") if match else ""


def team_field(lines: list[str]) -> str:
    """The interviewers named on a "采访组：何某、尹某" line, joined with "、"."""
    for line in lines:
        match = _TEAM.match(line)
        if match:
            return "、".join(re.split(r"[、，,\s]+", match.group("value")))
    return ""


def interviewee_field(lines: list[str]) -> str:
    """The interviewee named on a 采访对象 line, without the note after the name."""
    for line in lines:
        match = _FIELD.match(line)
        if match and match.group("field") in _INTERVIEWEE_FIELDS and is_field_line(line):
            entries = _ENTRY_SEPARATOR.split(match.group("value"))
            return "、".join(_NAME_END.split(entry, maxsplit=1)[0] for entry in entries)
    return ""


def guest_field(lines: list[str]) -> tuple[str, str]:
    """ "本期嘉宾：市某局局长 汤某某" -> ("汤某某", "市某局局长")."""
    for line in lines:
        match = _FIELD.match(line)
        if match and match.group("field") in _GUEST_FIELDS and is_field_line(line):
            role, _, name = match.group("value").strip().rpartition(" ")
            return name, role.strip()
    return "", ""


def role_field(lines: list[str]) -> str:
    """The note after the interviewee's name: "张某某（退休教师）" -> "退休教师"."""
    for line in lines:
        match = _FIELD.match(line)
        if match and match.group("field") in _INTERVIEWEE_FIELDS and is_field_line(line):
            entries = _ENTRY_SEPARATOR.split(match.group("value"))
            notes = [_NOTE.search(entry) for entry in entries]
            roles = [_role_in_note(note.group(1)) if note else None for note in notes]
            return "、".join(role for role in roles if role) if all(roles) else ""
    return ""


def date_field(lines: list[str]) -> date | None:
    for line in lines:
        match = _FIELD.match(line)
        if match and match.group("field") in _DATE_FIELDS and is_field_line(line):
            return first_date(match.group("value"))
    return None
