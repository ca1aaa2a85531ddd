"""Paragraphs broken by page columns: one stops mid-sentence, the next carries it on.

The layout this reads::

    ……实施重点海域综合          <- stops mid-sentence
    治理，筑牢蓝色生态屏障。     <- joined to the line above

Never joined: headings, section numbers ("2 做强政府服务：……"), captions, page furniture,
time stamp lines, a label standing alone on its line, and enumerations ("一是……").
"""

from collections.abc import Callable

from app.importing.lines import LineKind, ends_sentence, opening, starts_enumeration


def join_column_breaks(
    lines: list[tuple[str, LineKind]], accepted: frozenset[str], is_note: Callable[[str], bool]
) -> list[tuple[str, LineKind]]:
    """Each paragraph with the kind of its first line; ``is_note`` tells the lines that
    open an editor's note or lead, which are never joined to the line above."""
    paragraphs: list[str] = []
    kinds: list[LineKind] = []
    can_continue = False
    for text, kind in lines:
        continues = (
            can_continue
            and kind is LineKind.BODY
            and not starts_enumeration(text)
            and not is_note(text)
        )
        if continues:
            previous = paragraphs[-1]
            space = previous[-1].isascii() and previous[-1].isalnum() and text[0].isascii()
            paragraphs[-1] = previous + (" " if space else "") + text
        else:
            paragraphs.append(text)
            kinds.append(kind)
        last = paragraphs[-1]
        start = opening(last)
        only_label = (
            start.label is not None
            and start.label.name in accepted
            and start.content_offset == len(last)
        )
        can_continue = (
            kind in (LineKind.BODY, LineKind.LABELLED)
            and not only_label
            and not ends_sentence(last)
            and not is_note(last)
        )
    return list(zip(paragraphs, kinds, strict=True))
