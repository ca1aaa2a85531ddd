"""The text of an interview in the report (app.exchange.report): paragraphs of pieces,
each highlighted in a light tint of its innermost tag, and the notes as footnotes.

Overlapping passages: the text is cut at every start and end, and each piece takes the
tint of the innermost annotation over it (the shortest; of equal ones, the most recently
made). A piece that other tags cover too is underlined in the colour of the next of them,
with a straight line when there is one more tag and a wavy line when there are several;
the names of all its tags are in the piece's title (shown on hover in a browser).
Offsets are code points.
"""

import html
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import pairwise

from app.dto import AnnotationInfo, DocumentContent, TagInfo

MIN_CONTRAST = 7.0  # black text on a tint: WCAG's enhanced contrast
FALLBACK_COLOR = (128, 128, 128)  # a tag whose colour cannot be read
EXCERPT_LENGTH = 30  # characters of a passage quoted before its note


@dataclass(frozen=True)
class Footnote:
    number: int
    annotation: AnnotationInfo


# Colours -------------------------------------------------------------------------


def _rgb(color: str) -> tuple[int, int, int]:
    digits = color.strip().lstrip("#")
    if len(digits) == 3:
        digits = "".join(digit * 2 for digit in digits)
    try:
        value = int(digits, 16)
    except ValueError:
        return FALLBACK_COLOR
    if len(digits) != 6:
        return FALLBACK_COLOR
    return (value >> 16) & 0xFF, (value >> 8) & 0xFF, value & 0xFF


def _hex(rgb: tuple[int, int, int]) -> str:
    return "#{:02x}{:02x}{:02x}".format(*rgb)


def contrast_with_black(rgb: tuple[int, int, int]) -> float:
    """WCAG's contrast ratio of black text on this colour."""

    def linear(channel: int) -> float:
        value = channel / 255
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = (linear(channel) for channel in rgb)
    luminance = 0.2126 * red + 0.7152 * green + 0.0722 * blue
    return (luminance + 0.05) / 0.05


def light_color(color: str) -> str:
    """The tag's colour mixed with white (at least half) until black text reads well on it."""
    rgb = _rgb(color)
    mixed = rgb
    for step in range(11, 21):
        white = step / 20
        mixed = (
            round(rgb[0] + (255 - rgb[0]) * white),
            round(rgb[1] + (255 - rgb[1]) * white),
            round(rgb[2] + (255 - rgb[2]) * white),
        )
        if contrast_with_black(mixed) >= MIN_CONTRAST:
            break
    return _hex(mixed)


def line_color(color: str) -> str:
    return _hex(_rgb(color))


# The text ------------------------------------------------------------------------


def escape(text: str) -> str:
    return html.escape(text, quote=False)


def _innermost_first(annotation: AnnotationInfo) -> tuple[int, float, int]:
    return (annotation.end - annotation.start, -annotation.created_at.timestamp(), -annotation.id)


def _marker_place(text: str, annotation: AnnotationInfo) -> int:
    """Where a note's marker goes: after the passage, before any line breaks it ends with."""
    place = annotation.end
    while place - 1 > annotation.start and text[place - 1] == "\n":
        place -= 1
    return place


class TextWriter:
    """Writes one interview's text as paragraphs of highlighted pieces (``paragraphs``),
    numbering the notes in the order their markers come, then the notes (``notes``).
    The annotations must lie inside the text; ``tags`` has every tag they name."""

    def __init__(
        self,
        content: DocumentContent,
        annotations: Sequence[AnnotationInfo],
        tags: dict[int, TagInfo],
    ) -> None:
        self.content = content
        self.annotations = annotations
        self.tags = tags
        self.footnotes: list[Footnote] = []
        self._anchor = f"note-{content.meta.id}-"

    def paragraphs(self) -> list[str]:
        text = self.content.text
        labels = sorted(
            (turn.start, turn.content_start)
            for turn in self.content.turns
            if turn.speaker and turn.content_start > turn.start
        )
        label_starts = [start for start, _ in labels]
        cuts = {0, len(text)}
        for annotation in self.annotations:
            cuts.update((annotation.start, annotation.end))
        for start, end in labels:
            cuts.update((start, end))
        for place, character in enumerate(text):
            if character == "\n":
                cuts.update((place, place + 1))
        places = sorted(cut for cut in cuts if 0 <= cut <= len(text))
        starting: dict[int, list[AnnotationInfo]] = {}
        for annotation in self.annotations:
            starting.setdefault(annotation.start, []).append(annotation)
        markers: dict[int, list[AnnotationInfo]] = {}
        for annotation in sorted(self.annotations, key=lambda a: (a.start, a.id)):
            if annotation.note.strip():
                markers.setdefault(_marker_place(text, annotation), []).append(annotation)

        paragraphs: list[str] = []
        current: list[str] = []
        active: list[AnnotationInfo] = []
        for place, following in pairwise(places):
            current.extend(self._markers(markers.get(place, ())))
            active = [a for a in active if a.end > place] + starting.get(place, [])
            piece = text[place:following]
            if piece == "\n":
                if current:
                    paragraphs.append("".join(current))
                current = []
                continue
            index = bisect_right(label_starts, place) - 1
            bold = index >= 0 and place < labels[index][1]
            current.append(self._piece(piece, active, bold))
        current.extend(self._markers(markers.get(len(text), ())))
        if current:
            paragraphs.append("".join(current))
        return paragraphs

    def _piece(self, piece: str, active: list[AnnotationInfo], bold: bool) -> str:
        shown = f"<b>{escape(piece)}</b>" if bold else escape(piece)
        if not active:
            return shown
        ordered = sorted(active, key=_innermost_first)
        tag_ids = list(dict.fromkeys(annotation.tag_id for annotation in ordered))
        inner = self.tags[tag_ids[0]]
        style = f"background-color:{light_color(inner.color)};"
        if len(tag_ids) == 2:
            color = line_color(self.tags[tag_ids[1]].color)
            style += f" text-decoration: underline; text-decoration-color:{color};"
        elif len(tag_ids) > 2:
            color = line_color(self.tags[tag_ids[1]].color)
            style += (
                " text-decoration-line: underline; text-decoration-style: wavy;"
                f" text-decoration-color:{color}; text-underline-style: wave;"
            )
        names = "、".join(self.tags[tag_id].name for tag_id in tag_ids)
        return f'<span style="{style}" title="{html.escape(names)}">{shown}</span>'

    def _markers(self, annotations: Iterable[AnnotationInfo]) -> Iterator[str]:
        for annotation in annotations:
            number = len(self.footnotes) + 1
            self.footnotes.append(Footnote(number, annotation))
            yield f'<sup><a class="marker" href="#{self._anchor}{number}">{number}</a></sup>'

    def notes(self) -> list[str]:
        """The notes of the markers ``paragraphs`` wrote, in their order."""
        text = self.content.text
        lines = []
        for footnote in self.footnotes:
            annotation = footnote.annotation
            tag = self.tags[annotation.tag_id]
            passage = text[annotation.start : annotation.end].strip()
            if len(passage) > EXCERPT_LENGTH:
                passage = passage[:EXCERPT_LENGTH] + "…"
            passage = " ".join(passage.split())
            note = "<br>".join(escape(line) for line in annotation.note.strip().splitlines())
            who = f" · {escape(annotation.annotator)}" if annotation.annotator else ""
            lines.append(
                f'<p class="note"><a name="{self._anchor}{footnote.number}"></a>'
                f"<b>{footnote.number}.</b> "
                f'<span style="background-color:{light_color(tag.color)};">'
                f"「{escape(passage)}」</span> {escape(tag.name)}{who}: {note}</p>"
            )
        return lines
