"""Speaker labels that put a role before the name, and reporters named by their outlet.

The layout this reads::

    工业和信息化部部长 金某某：……     <- speaker 金某某, role 工业和信息化部部长
    主持人 曲某某：……                 <- speaker 曲某某, who asks (a host)
    中央广播电视总台记者：……           <- an interviewer label (ends in 记者)
    网友“溪边人”：……                   <- a question from an online reader

The label may stand on its own line with the speech on the lines after it.
"""

import re
from dataclasses import dataclass

ASKING_ROLES = ("主持人", "主持", "记者", "記者", "本报记者", "本報記者", "采访者", "採訪者")
_ROLE_ENDINGS = (
    "书记", "主任", "长", "主席", "委员", "代表", "教授", "研究员", "专家", "经理", "总裁",
    "总监", "负责人", "嘉宾", "发言人", "發言人",
    "主持人", "主持", "记者", "老师", "医生", "院士", "作家",
    "書記", "長", "委員", "研究員", "專家", "經理", "總裁", "總監", "負責人", "嘉賓", "記者",
    "老師", "醫生",
)  # fmt: skip
_ROLE_NAME = re.compile(
    r"(?P<role>[\u4e00-\u9fff（）()·]{2,24}?)[ \t\u3000]+"
    r"(?P<name>[\u4e00-\u9fff]{2,4}|[\u4e00-\u9fff]{1,6}·[\u4e00-\u9fff·]{1,8})"
    r"\s*[:：][ \t\u3000]*"
)
_NETIZEN = re.compile(
    r"(?P<name>(?:网友|網友)[“\"「『][^”\"」』\n]{1,12}[”\"」』])\s*[:：][ \t\u3000]*"
)
_OUTLET_REPORTER = re.compile(r"(?P<name>[\u4e00-\u9fff]{2,16}(?:记者|記者))\s*[:：][ \t\u3000]*")


@dataclass(frozen=True)
class RoleLabel:
    name: str
    role: str
    length: int


def role_label(paragraph: str) -> RoleLabel | None:
    """ "主持人 曲某某：" -> (曲某某, 主持人); "某某电视台记者：" -> (某某电视台记者, "")."""
    match = _ROLE_NAME.match(paragraph)
    if match and match.group("role").endswith(_ROLE_ENDINGS):
        return RoleLabel(match.group("name"), match.group("role"), match.end())
    match = _OUTLET_REPORTER.match(paragraph) or _NETIZEN.match(paragraph)
    if match:
        return RoleLabel(match.group("name"), "", match.end())
    return None


def is_outlet_reporter(name: str) -> bool:
    return len(name) > 2 and name.endswith(("记者", "記者"))


def role_asks(role: str) -> bool:
    return role.endswith(ASKING_ROLES)
