"""How headers split a file into interviews, and what a header holds.

The layout this reads::

    创新突破 见行动              <- series lines  }
    奋力打造实力之城              <- title, up to two lines   } a header: headings,
    ——访泊里镇党委书记刘在军      <- subtitle (an anchor)     } subtitle, byline,
    □本报记者 丁霞                <- byline (an anchor)       } host and furniture lines
    记者：……                      <- the body
    第二篇标题 / ——访…            <- the next header opens the next interview

A header printed again (the same headings) does not open an interview, unless the same
first turn follows it again (a file holding one interview twice); nor does a byline
after a lead (编者按) below the title; a new headline after an answer does, even without a
subtitle or byline (app.importing.rules.interview_breaks).
"""

from dataclasses import dataclass

from app.importing.lines import LineKind, closes_a_text
from app.importing.rules.interview_breaks import headline_breaks
from app.importing.rules.titles import split_title_line

MAX_TITLE_LINES = 2


@dataclass(frozen=True)
class Line:
    text: str
    block: int  # lines in the same block are not separated by a blank line
    kind: LineKind


HEADER_KINDS = {
    LineKind.HEADING,
    LineKind.SUBTITLE,
    LineKind.BYLINE,
    LineKind.HOST,
    LineKind.FURNITURE,
}
ANCHORS = {LineKind.SUBTITLE, LineKind.BYLINE}
_LEADING_KINDS = (LineKind.HEADING, LineKind.HOST, LineKind.FURNITURE)


def split_into_interviews(lines: list[Line]) -> list[tuple[list[Line], list[Line]]]:
    """Pairs of (header lines, body lines), one per interview.

    A header is a run of heading, subtitle, byline and host lines that holds a subtitle or
    a byline; each such run opens an interview, and ends at its last subtitle or byline
    (headings and host lines after that belong to the body). Without any, the leading
    headings and host lines (if any) head the one interview in the file.
    """
    runs: list[tuple[int, int]] = []
    index = 0
    while index < len(lines):
        if lines[index].kind in HEADER_KINDS:
            end = index
            while end < len(lines) and lines[end].kind in HEADER_KINDS:
                end += 1
            anchors = [i for i in range(index, end) if lines[i].kind in ANCHORS]
            if anchors:
                runs.append((index, anchors[-1] + 1))
            index = end
        else:
            index += 1
    if not runs:
        return _split_at_headlines(*headed(lines))
    # Short closing lines ("谢谢！", "（完）") in front of a header end the text before it.
    runs = [(_first_header_line(lines, start, end), end) for start, end in runs]
    runs = [run for number, run in enumerate(runs) if not _repeats(lines, runs[:number], run)]
    runs = [
        run
        for number, run in enumerate(runs)
        if number == 0 or _opens(lines, runs[number - 1], run)
    ]
    pieces = []
    leading = lines[: runs[0][0]]
    if any(line.kind is LineKind.LABELLED for line in leading):
        pieces.append(headed(leading))  # a whole interview without subtitle or byline
        leading = []
    for number, (start, end) in enumerate(runs):
        body_end = runs[number + 1][0] if number + 1 < len(runs) else len(lines)
        header, body = lines[start:end], lines[end:body_end]
        if number == 0 and leading and not _has_title(header):
            # headline, then a lead (编者按) and only then the byline: one header
            lead_header, lead_body = headed(leading)
            if lead_header:
                pieces.append((lead_header, lead_body + header + body))
                continue
        if number == 0:  # text above the first header (an introduction): keep it
            body = leading + body
        pieces.append((header, body))
    return [part for header, body in pieces for part in _split_at_headlines(header, body)]


def _opens(lines: list[Line], previous: tuple[int, int], run: tuple[int, int]) -> bool:
    """A byline after a lead (编者按, 摘要) still belongs to the header above the lead: only
    a run with a title or subtitle, or one after some turns, opens a new interview."""
    header = lines[run[0] : run[1]]
    titled = _has_title(header) or any(line.kind is LineKind.SUBTITLE for line in header)
    return titled or any(line.kind is LineKind.LABELLED for line in lines[previous[1] : run[0]])


def _repeats(lines: list[Line], earlier: list[tuple[int, int]], run: tuple[int, int]) -> bool:
    """A header whose headings were all printed in an earlier header: the page repeats it
    (a paginated article goes on), unless the same first turn follows both (the whole
    interview again, which the import then stores once)."""
    headings = {line.text for line in lines[run[0] : run[1]] if line.kind is LineKind.HEADING}
    seen = {line.text for start, end in earlier for line in lines[start:end]}
    if not headings or not headings <= seen:
        return False
    again = _first_turn(lines, run[1])
    return again is None or again != _first_turn(lines, earlier[-1][1])


def _first_turn(lines: list[Line], start: int) -> str | None:
    return next((line.text for line in lines[start:] if line.kind is LineKind.LABELLED), None)


def _split_at_headlines(
    header: list[Line], body: list[Line]
) -> list[tuple[list[Line], list[Line]]]:
    seen = {line.text for line in header if line.kind is LineKind.HEADING}
    breaks = headline_breaks([line.text for line in body], [line.kind for line in body], seen)
    if not breaks:
        return [(header, body)]
    pieces = [(header, body[: breaks[0]])]
    for number, start in enumerate(breaks):
        end = breaks[number + 1] if number + 1 < len(breaks) else len(body)
        pieces.append(headed(body[start:end]))
    return pieces


def _has_title(header: list[Line]) -> bool:
    return any(
        line.kind is LineKind.HEADING
        or (line.kind is LineKind.SUBTITLE and split_title_line(line.text))
        for line in header
    )


def _first_header_line(lines: list[Line], start: int, end: int) -> int:
    while (
        start < end and lines[start].kind is LineKind.HEADING and closes_a_text(lines[start].text)
    ):
        start += 1
    return start


def headed(lines: list[Line]) -> tuple[list[Line], list[Line]]:
    """Leading headings (and host lines) as the header of an interview that has no
    subtitle or byline."""
    end = 0
    while end < len(lines) and lines[end].kind in _LEADING_KINDS:
        end += 1
    if end == len(lines):  # headings only: treat every line as text
        end = 0
    return lines[:end], lines[end:]


def read_header(header: list[Line]) -> tuple[list[Line], list[Line], list[Line]]:
    """(title lines, series lines above them, the header's other lines in order)."""
    anchor = next((i for i, line in enumerate(header) if line.kind in ANCHORS), len(header))
    headings = [line for line in header[:anchor] if line.kind is LineKind.HEADING]
    title_lines: list[Line] = []
    if headings:
        last_block = headings[-1].block
        same_block = [line for line in headings if line.block == last_block]
        title_lines = same_block[-MAX_TITLE_LINES:]
    first_title = header.index(title_lines[0]) if title_lines else anchor
    series_lines = [line for line in header[:first_title] if line.kind is LineKind.HEADING]
    kept = set(map(id, title_lines + series_lines))
    rest = [line for line in header if id(line) not in kept]
    return title_lines, series_lines, rest


def join_title(lines: list[Line]) -> str:
    joined = lines[0].text
    for line in lines[1:]:
        needs_space = joined[-1].isascii() and joined[-1].isalnum() and line.text[0].isascii()
        joined += (" " if needs_space else "") + line.text
    return joined
