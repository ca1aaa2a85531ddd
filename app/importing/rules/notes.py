"""Editor's notes and leads before the first turn, with a byline after them.

The layout this reads::

    标题
    【编者按】 某某区今年……。       <- narration before the first turn
    摘要：……。                     <- narration
    记者 某某                       <- byline: the reporter
    记者：……？                      <- the first turn

A lead may name the reporter itself: "……本报记者俞某专访了市长萧某。"
"""

import re

_REPORTER_IN_LEAD = re.compile(
    r"(?:本报记者|本報記者|记者|記者)(?P<name>[\u4e00-\u9fff]{2,3}?)"
    r"(?=专访|專訪|采访|採訪|对话|對話|访问|訪問|走访|走訪|日前|近日|[，,])"
)

_NOTE = re.compile(
    r"^[【\[［(（]?\s*(?:编者按|編者按|编者的话|編者的話|摘要|提要|导语|導語|核心提示)\s*[】\]］)）]?"
)


def is_note_opener(line: str) -> bool:
    return bool(_NOTE.match(line))


def reporter_in_lead(paragraphs: list[str]) -> str:
    """ "……本报记者俞某专访了市长……" -> "俞某"."""
    for paragraph in paragraphs:
        match = _REPORTER_IN_LEAD.search(paragraph)
        if match:
            return match.group("name")
    return ""
