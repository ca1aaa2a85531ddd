"""Section headings between answers: numbered, or a short question.

The layout this reads::

    张某：……作出新的贡献。
    2 做强政府服务：打造一流环境    <- a heading turn, even with its colon
    记者：……？
    张某：……补贴一半。
    钱从哪里来？                    <- a heading turn: a short question before a labelled one
    记者：……？

"""

import re

MAX_SECTION_HEADING = 30
_NUMBERED = re.compile(r"^(?:\d{1,2}[ \t\u3000]+|[一二三四五六七八九十]{1,3}[、.．][ \t\u3000]*)\S")
_CLAUSE = re.compile(r"[，,。；;！!？?]")


def is_section_heading(paragraph: str) -> bool:
    return (
        len(paragraph) <= MAX_SECTION_HEADING
        and bool(_NUMBERED.match(paragraph))
        and not _CLAUSE.search(paragraph)
    )


MAX_QUESTION_HEADING = 16
_QUESTION_END = re.compile(r"[？?]$")
_OTHER_CLAUSE = re.compile(r"[，,。；;！!、]")


def is_question_heading(paragraph: str) -> bool:
    """A short question alone ("钱从哪里来？"); a heading where it stands between an answer
    and a labelled question, as the caller checks."""
    body = paragraph[:-1]
    return (
        len(paragraph) <= MAX_QUESTION_HEADING
        and bool(_QUESTION_END.search(paragraph))
        and not _OTHER_CLAUSE.search(body)
        and not _QUESTION_END.search(body)
    )
