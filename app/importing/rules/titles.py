"""Titles: a headline and its "——访…" subtitle written on one line.

The layout this reads::

    把海洋经济做大做强——访海洋局局长陈某      <- title 把海洋经济做大做强,
                                              subtitle ——访海洋局局长陈某

The line stays one paragraph of the text; only the fields are split.
"""

import re

_TITLE_AND_SUBTITLE = re.compile(
    r"^(?P<title>[^—–－]{2,40}?)\s*(?P<subtitle>[—–－]{1,3}\s*(?:专访|访问|访|對話|对话|訪)\s*\S.{0,30})$"
)


def split_title_line(line: str) -> tuple[str, str] | None:
    """ "标题——访某某" -> ("标题", "——访某某"); None if the line is not both."""
    match = _TITLE_AND_SUBTITLE.match(line)
    if not match:
        return None
    return match.group("title").strip(), match.group("subtitle")


_HEADLINE_PERSON = re.compile(
    r"(?:专访|訪問|访问|对话|對話|访|訪)(?P<subject>[\u4e00-\u9fff·]{3,24}?)(?:[：:，,——\s]|$)"
)


def headline_subject(title: str) -> str:
    """ "专访某镇镇长李四：……" -> "某镇镇长李四"; "" when the headline names no one."""
    match = _HEADLINE_PERSON.search(title)
    return match.group("subject") if match else ""
