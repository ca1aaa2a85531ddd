"""A speaker label in the middle of a paragraph, after a sentence end.

The layout this reads::

    虞某某：那一天大家极为激动。朱某某：我记忆最深的是……
                              ^ a new turn of 朱某某 starts here, inside the paragraph

Only labels already confirmed as speakers elsewhere in the text start such a turn; the
paragraph itself is not changed.
"""

import re
from collections.abc import Iterator

from app.importing.lines import Label, find_label

_SENTENCE_END = re.compile(r"[。！？!?…][”’」』）)\"']*[ \t\u3000]*")
MIN_NAME = 2


def inline_labels(
    paragraph: str, start: int, speakers: frozenset[str]
) -> Iterator[tuple[int, Label]]:
    """(offset, label) of each confirmed speaker label after a sentence end, from ``start``."""
    for match in _SENTENCE_END.finditer(paragraph, start):
        at = match.end()
        if at >= len(paragraph):
            continue
        label = find_label(paragraph[at:])
        confirmed = label is not None and label.name in speakers and len(label.name) >= MIN_NAME
        if label is not None and confirmed and at + label.length < len(paragraph):
            yield at, label
