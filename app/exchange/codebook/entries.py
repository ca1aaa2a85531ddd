"""A codebook as plain values: one entry a tag, parents named, as files carry them.

Tags are matched by name with runs of whitespace made one space, as the tag panel names
them. In a .qdc file a code's ``Description`` holds the tag's definition followed by its
guideline, one labelled paragraph each (``Use when:``, ``Avoid when:``, ``Example:``).
"""

import re
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.exchange.codebook.errors import (
    CodebookDuplicateError,
    CodebookFileError,
    CodebookTooLargeError,
)
from models import Tag

MAX_CODEBOOK_BYTES = 10 * 1_048_576
GUIDELINE_FIELDS = ("description", "use_when", "avoid_when", "example")
# The guideline's parts after the definition in a code's Description, with their labels.
LABELS = (("use_when", "Use when"), ("avoid_when", "Avoid when"), ("example", "Example"))
_LABEL = re.compile(r"^(Use when|Avoid when|Example):[ \t]?", re.MULTILINE)


@dataclass(frozen=True)
class CodebookEntry:
    name: str
    parent: str | None = None
    color: str | None = None
    shortcut: str = ""
    description: str = ""  # the definition
    use_when: str = ""
    avoid_when: str = ""
    example: str = ""
    archived: bool = False


def normalize_name(name: str) -> str:
    return " ".join(name.split())


def project_entries(session: Session) -> list[CodebookEntry]:
    """Every tag of the project, archived ones included, in the codebook's order."""
    tags = list(session.scalars(select(Tag).order_by(Tag.position, Tag.id)))
    names = {tag.id: tag.name for tag in tags}
    return [
        CodebookEntry(
            name=tag.name,
            parent=names.get(tag.parent_id) if tag.parent_id is not None else None,
            color=tag.color,
            shortcut=tag.shortcut or "",
            description=tag.description or "",
            use_when=tag.use_when or "",
            avoid_when=tag.avoid_when or "",
            example=tag.example or "",
            archived=bool(tag.archived),
        )
        for tag in tags
    ]


def description_text(entry: CodebookEntry) -> str:
    """The definition, then a paragraph for each part of the guideline there is."""
    parts = [entry.description.strip("\n")] if entry.description.strip() else []
    for field, label in LABELS:
        value = getattr(entry, field).strip("\n")
        if value.strip():
            parts.append(f"{label}: {value}")
    return "\n\n".join(parts)


def split_description(text: str) -> dict[str, str]:
    """The definition and guideline parts of a code's Description (see description_text)."""
    found = {field: "" for field in GUIDELINE_FIELDS}
    labels = {label: field for field, label in LABELS}
    pieces = _LABEL.split(text)
    found["description"] = pieces[0].strip("\n")
    for label, value in zip(pieces[1::2], pieces[2::2], strict=True):
        field = labels[label]
        found[field] = (found[field] + "\n" + value.strip("\n")).strip("\n")
    return found


def read_limited(path: Path) -> bytes:
    """The bytes of a codebook file, refused beyond MAX_CODEBOOK_BYTES or when binary."""
    try:
        size = path.stat().st_size
        if size > MAX_CODEBOOK_BYTES:
            raise CodebookTooLargeError(
                path=str(path),
                size_mb=round(size / 1_048_576, 1),
                limit_mb=MAX_CODEBOOK_BYTES // 1_048_576,
            )
        with path.open("rb") as stream:
            raw = stream.read(MAX_CODEBOOK_BYTES + 1)
    except OSError as error:
        raise CodebookFileError(path=str(path), detail=error.strerror or str(error)) from error
    if len(raw) > MAX_CODEBOOK_BYTES:
        raise CodebookTooLargeError(
            path=str(path), size_mb=round(len(raw) / 1_048_576, 1), limit_mb=10
        )
    if b"\x00" in raw:
        raise CodebookFileError(path=str(path), detail="a binary file, not text")
    return raw


def checked_entries(path: Path, entries: list[CodebookEntry]) -> list[CodebookEntry]:
    """``entries`` with names normalised; empty or repeated names are refused."""
    seen: set[str] = set()
    result: list[CodebookEntry] = []
    for number, entry in enumerate(entries, start=1):
        name = normalize_name(entry.name)
        if not name:
            raise CodebookFileError(path=str(path), detail=f"tag {number} has no name")
        if len(name) > 200:
            raise CodebookFileError(path=str(path), detail=f"the name of tag {number} is too long")
        if name in seen:
            raise CodebookDuplicateError(path=str(path), name=name)
        seen.add(name)
        parent = normalize_name(entry.parent) if entry.parent else None
        if parent == name:
            raise CodebookFileError(path=str(path), detail=f"“{name}” is its own parent")
        result.append(
            CodebookEntry(
                name=name,
                parent=parent or None,
                color=(entry.color or "").strip() or None,
                shortcut=entry.shortcut.strip(),
                description=entry.description,
                use_when=entry.use_when,
                avoid_when=entry.avoid_when,
                example=entry.example,
                archived=entry.archived,
            )
        )
    return result
