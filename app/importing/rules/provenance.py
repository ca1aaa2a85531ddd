"""The provenance line of a reprint: where an interview first appeared, and who made it.

The layout this reads (one line, commas half- or full-width, in any order)::

    本文来自微信公众号：某某观察（ID：abc123），采访：小林、阿岚，编辑：阿南，
    嘉宾：许某某（独立书店店主），本文首发于2021年3月5日，原文标题：《……》，题图来自：网络

It gives the outlet (the account), the reporters (采访, 作者, 记者), the guest and the guest's
role (嘉宾), the date first published and the original title. The line stays in the text as
narration; what it gives fills only the fields the page does not give otherwise.
"""

import re
from dataclasses import dataclass
from datetime import date

from app.importing.rules.furniture import first_date

_OPENING = re.compile(r"^(?:本文|本篇|此文)?(?:来自|來自|转载自|轉載自|转自|轉自|原载|原載)")
_PART = re.compile(r"[，,；;]\s*")
_FIELD = re.compile(r"^(?P<field>[^:：]{1,12})[:：]\s*(?P<value>.+)$")
_ACCOUNT = re.compile(r"(?:微信)?(?:公众号|公眾號|订阅号|訂閱號)\s*[:：]?\s*(?P<name>[^（(，,\s]+)")
_PUBLISHED = re.compile(r"(?:首发于|首發於|发表于|發表於|发布于|發佈於)")
_TITLE = re.compile(r"(?:原文标题|原文標題|原标题|原標題)\s*[:：]\s*《?(?P<title>[^》]+)》?")
_GUEST = re.compile(r"^(?P<name>[^（(]+?)\s*(?:[（(](?P<role>[^）)]+)[）)])?$")
_REPORTER_FIELDS = frozenset({"采访", "採訪", "作者", "记者", "記者", "文"})
_GUEST_FIELDS = frozenset({"嘉宾", "嘉賓", "受访者", "受訪者"})
MAX_LINE = 400


@dataclass(frozen=True)
class Provenance:
    outlet: str = ""
    reporter: str = ""
    guest: str = ""
    guest_role: str = ""
    published_on: date | None = None
    title: str = ""


def provenance(line: str) -> Provenance | None:
    """What a reprint's provenance line says; None for any other line."""
    text = line.strip()
    if len(text) > MAX_LINE or not _OPENING.match(text):
        return None
    account = _ACCOUNT.search(text)
    title = _TITLE.search(text)
    reporter = guest = role = ""
    published = None
    for part in _PART.split(text):
        if _PUBLISHED.search(part):
            published = first_date(part)
        field = _FIELD.match(part.strip())
        if field is None:
            continue
        name, value = field.group("field").strip(), field.group("value").strip()
        if name in _REPORTER_FIELDS and not reporter:
            reporter = "、".join(n.strip() for n in re.split(r"[、/]", value) if n.strip())
        elif name in _GUEST_FIELDS and not guest:
            found = _GUEST.match(value)
            if found:
                guest, role = found.group("name").strip(), (found.group("role") or "").strip()
    found_anything = account or title or reporter or guest or published
    if not found_anything:
        return None
    return Provenance(
        outlet=account.group("name") if account else "",
        reporter=reporter,
        guest=guest,
        guest_role=role,
        published_on=published,
        title=title.group("title").strip() if title else "",
    )
