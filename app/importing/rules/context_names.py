"""Names and roles read from the words around the turns.

The layout this reads::

    市长李某谈城市更新                       <- headline: 李某's role is 市长
    秦某：欢迎某区委书记周某做客节目。         <- the host names the guest in full
    周书记：谢谢。                           <- 周书记 is 周某
    县长：……                                 <- 县长 is the 县长 the lead names

"""

import re

from app.importing.lines import HONORIFICS, ROLE_WORDS, surname_of

_STOP = "的了是和与在访问对话专谈做客欢迎请邀们們請訪問對話專談與到来來"
_AFTER_NAME = (
    r"(?=[，,。、！!？?\s：:；;“”来來做作到参參的谈談说說接就为為]|先生|同志|女士|老师|老師|$)"
)
MAX_ROLE = 16
MIN_ROLE = 2
PERSON_NOUNS = (
    "学者", "作家", "医生", "师", "家", "人", "员", "者", "传人", "导演", "演员",
    "學者", "醫生", "師", "傳人", "導演", "演員", "員",
)  # fmt: skip


def full_names_in_context(labels: list[str], texts: list[str]) -> list[str]:
    """Full names for short-form labels ("周书记"), as the text writes them after the
    honorific ("书记周某")."""
    names: list[str] = []
    joined = "\n".join(texts)
    for label in dict.fromkeys(labels):
        surname = surname_of(label)
        honorific = label[len(surname) :]
        if not honorific or honorific not in HONORIFICS:
            continue
        pattern = (
            re.escape(honorific)
            + "("
            + re.escape(surname)
            + r"[\u4e00-\u9fff]{1,2}?)"
            + _AFTER_NAME
        )
        found = {match.group(1) for match in re.finditer(pattern, joined)}
        if len(found) == 1:
            names.append(found.pop())
    return names


def names_of_roles(labels: list[str], texts: list[str]) -> dict[str, str]:
    """Labels that are only a role ("县长："), by the one name the text writes after that
    role ("龙溪县县长范某某")."""
    joined = "\n".join(texts)
    names = {}
    for label in dict.fromkeys(labels):
        if label not in ROLE_WORDS:
            continue
        pattern = re.escape(label) + r"([\u4e00-\u9fff]{2,3}?)" + _AFTER_NAME
        found = {match.group(1) for match in re.finditer(pattern, joined)}
        if len(found) == 1:
            names[label] = found.pop()
    return names


def headline_speaker(title: str) -> str:
    """ "鲍某某：让老手艺有新市场" -> "鲍某某": a headline opened by a person's name."""
    match = re.match(r"([\u4e00-\u9fff]{2,4})[：:]", title)
    return match.group(1) if match else ""


def role_in_context(name: str, texts: list[str], headline: str = "") -> str:
    """The role written right before ``name`` ("区委书记周某" -> "区委书记"), if any: in
    ``headline`` whatever words stand before the name, elsewhere only a known role."""
    bracketed = re.search(re.escape(name) + r"[（(]([^（）()]{2,24})[）)]", headline)
    if bracketed:
        return bracketed.group(1)
    if name in headline:
        before = headline[: headline.index(name)]
        role = re.split(f"[^\\u4e00-\\u9fff]|[{_STOP}]", before)[-1]
        if MIN_ROLE <= len(role) <= MAX_ROLE:
            return role
    roles = tuple(word for word in HONORIFICS if len(word) >= 2 or word == "长") + PERSON_NOUNS
    for text in texts:
        for match in re.finditer(re.escape(name), text):
            before = text[max(0, match.start() - MAX_ROLE) : match.start()]
            role = re.split(f"[^\\u4e00-\\u9fff]|[{_STOP}]", before)[-1]
            if len(role) >= 2 and role.endswith(roles):
                return role
    return ""
