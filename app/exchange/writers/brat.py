"""brat standoff: a ``.txt`` and an ``.ann`` per document, plus the configuration brat needs.

The ``.txt`` holds the document's text exactly (UTF-8, line endings untouched), so that
the code point offsets in the ``.ann`` point into it. brat's ``.ann`` is line-oriented:
a span across a line break is written as fragments (``T1\tTAG 0 5;6 10\ttext text``;
the covered text is the rest of the line, tabs included),
tag names with spaces get underscores, and notes (``#1\tAnnotatorNotes T1\tnote``) are
written on one line. ``annotation.conf`` lists the tags (children indented under their
parents) and ``visual.conf`` gives each its colour.
"""

import re
from pathlib import Path

from app.exchange.progress import Reporter
from app.exchange.writers.corpus import Corpus, DocumentData, TagRecord
from app.exchange.writers.options import ExportSummary
from app.exchange.writers.staging import Staging

# Everything str.splitlines() breaks on: none of it may appear inside an .ann line.
LINE_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
_PIECE = re.compile(f"[^{LINE_BREAKS}]+")
_NOTE_BREAKS = re.compile(f"\r\n|[{LINE_BREAKS}\t]")


def brat_type(name: str) -> str:
    return "_".join(name.split())


def fragments(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The pieces of ``start``..``end`` between line breaks."""
    return [(match.start(), match.end()) for match in _PIECE.finditer(text, start, end)]


def document_name(document_id: int) -> str:
    return f"{document_id:06d}"


def annotation_lines(data: DocumentData, summary: ExportSummary) -> list[str]:
    lines: list[str] = []
    text = data.text
    number = 0
    note_number = 0
    for annotation in data.annotations:
        pieces = fragments(text, annotation.start, annotation.end)
        if not pieces:
            summary.warn("brat_blank")
            continue
        if len(pieces) > 1:
            summary.warn("brat_fragments")
        number += 1
        offsets = ";".join(f"{start} {end}" for start, end in pieces)
        covered = " ".join(text[start:end] for start, end in pieces)
        lines.append(f"T{number}\t{brat_type(annotation.tag)} {offsets}\t{covered}")
        if annotation.note:
            note, replaced = _NOTE_BREAKS.subn(" ", annotation.note)
            if replaced:
                summary.warn("note_lines")
            note_number += 1
            lines.append(f"#{note_number}\tAnnotatorNotes T{number}\t{note}")
    return lines


def _tree(tags: list[TagRecord]) -> list[tuple[int, TagRecord]]:
    """(depth, tag) in codebook order, children after their parent."""
    chosen = {tag.id for tag in tags}
    children: dict[int | None, list[TagRecord]] = {}
    for tag in tags:
        parent = tag.parent_id if tag.parent_id in chosen else None
        children.setdefault(parent, []).append(tag)
    ordered: list[tuple[int, TagRecord]] = []

    def visit(parent: int | None, depth: int) -> None:
        for tag in children.get(parent, []):
            ordered.append((depth, tag))
            visit(tag.id, depth + 1)

    visit(None, 0)
    return ordered


def configuration(tags: list[TagRecord], summary: ExportSummary) -> tuple[str, str]:
    """The text of annotation.conf and visual.conf."""
    for tag in tags:
        if brat_type(tag.name) != tag.name:
            summary.warn("label_spaces")
    tree = _tree(tags)
    entities = "".join("\t" * depth + brat_type(tag.name) + "\n" for depth, tag in tree)
    annotation = f"[entities]\n{entities}\n[relations]\n\n[events]\n\n[attributes]\n"
    drawing = "".join(f"{brat_type(tag.name)}\tbgColor:{tag.color}\n" for _, tag in tree)
    visual = f"[labels]\n\n[drawing]\n{drawing}"
    return annotation, visual


def write_brat(
    corpus: Corpus,
    folder: Path,
    staging: Staging,
    reporter: Reporter,
    summary: ExportSummary,
) -> None:
    folder = staging.folder(folder)
    annotation_conf, visual_conf = configuration(corpus.tags, summary)
    staging.file(folder / "annotation.conf").write_text(annotation_conf, encoding="utf-8")
    staging.file(folder / "visual.conf").write_text(visual_conf, encoding="utf-8")
    for data in corpus:
        name = document_name(data.record.id)
        staging.file(folder / f"{name}.txt").write_bytes(data.text.encode("utf-8"))
        lines = annotation_lines(data, summary)
        content = "".join(line + "\n" for line in lines)
        staging.file(folder / f"{name}.ann").write_bytes(content.encode("utf-8"))
        summary.documents += 1
        summary.rows += 1
        summary.annotations += len(data.annotations)
        reporter.advance()
