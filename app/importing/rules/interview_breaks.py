"""Several interviews in one file without a subtitle or byline between them.

The layout this reads::

    把海洋经济做大做强           <- first headline
    记者：……？
    陈某：……。                  <- the end of an answer
    让乡村更美更富               <- a new headline: a new interview starts here
    记者：……？
    李某：……。                  <- other speakers answer

A rubric printed again above each headline ("身边的致富带头人") becomes the series.

A headline repeated inside the body (the page prints it again) is not a new interview,
nor is a section heading between answers of the same speakers.
"""

from app.importing.lines import LineKind, closes_a_text, ends_sentence, is_interviewer, opening
from app.importing.rules.sections import is_section_heading

MAX_HEADLINE_LINES = 2  # a rubric repeated above each headline, and the headline


def headline_breaks(texts: list[str], kinds: list[LineKind], seen_titles: set[str]) -> list[int]:
    """Indexes of the lines that open a new interview: a heading right after the
    end of an answer and right before a labelled turn, when speakers answer after it
    who did not before it, and the other way round (a host may stay).

    ``seen_titles``: headlines already used."""
    breaks: list[int] = []
    last = 0
    for index in range(1, len(texts) - 1):
        end = index
        while (
            end < len(texts) and end - index < MAX_HEADLINE_LINES and _heads(texts[end], kinds[end])
        ):
            end += 1
        if (
            end == index
            or end == len(texts)
            or texts[end - 1] in seen_titles
            or not _ends_an_answer(texts[index - 1], kinds[index - 1])
            or kinds[end] is not LineKind.LABELLED
        ):
            continue
        before = _answerers(texts[last:index], kinds[last:index])
        after = _answerers(texts[index:], kinds[index:])
        if after - before and before - after:
            breaks.append(index)
            last = index
    return breaks


def _heads(text: str, kind: LineKind) -> bool:
    return kind is LineKind.HEADING and not is_section_heading(text) and not closes_a_text(text)


def _ends_an_answer(text: str, kind: LineKind) -> bool:
    """The end of an answer, or a closing line or credit after it ("（完）")."""
    answer = kind in (LineKind.LABELLED, LineKind.BODY) and ends_sentence(text)
    closing = kind is LineKind.HEADING and closes_a_text(text)
    return answer or closing or kind is LineKind.FURNITURE  # "（记者 某某）"


def _answerers(texts: list[str], kinds: list[LineKind]) -> set[str]:
    names = set()
    for text, kind in zip(texts, kinds, strict=True):
        label = opening(text).label
        if kind is LineKind.LABELLED and label and not is_interviewer(label.name):
            names.add(label.name)
    return names
