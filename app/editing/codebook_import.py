"""Importing a codebook as one undo step: new tags created, guidelines of matched tags filled.

The commands carry plain values only (names, not ids, for the parents of new tags), so the
history can store them; undoing removes the new tags and empties again what was filled,
redoing brings the tags back with their ids.
"""

import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from app.dto import Changes
from app.editing.codebook import validate_tag_fields
from app.editing.commands import Applied, Command
from app.editing.versions import restore_versions
from app.errors import QT_TRANSLATE_NOOP, FangtanError, UnknownTagError
from models import Annotation, Tag

# The undo step's name (shown translated in the window, context "History").
IMPORT_CODEBOOK = QT_TRANSLATE_NOOP("History", "Import Codebook “%1”")
FILLABLE = ("description", "use_when", "avoid_when", "example")
_TAG_CHANGES = Changes(tags=True, document_list=True)


class ImportedTagInUseError(FangtanError):
    template = QT_TRANSLATE_NOOP(
        "Errors", "The imported tag “{name}” has annotations now; remove them first."
    )


def step_name(file_name: str) -> str:
    """The stored name of the step: JSON [template, file name]."""
    return json.dumps([IMPORT_CODEBOOK, file_name], ensure_ascii=False)


@dataclass(frozen=True)
class ImportCodebook(Command):
    """Create ``new_tags`` (in order, parents before their children) and set ``fills``.

    Each new tag is a dict of name, color, shortcut, description, use_when, avoid_when,
    example, archived and parent (a tag's name, or None), and when recreated, id, position
    and version.
    ``fills`` are (tag id, {field: value}) pairs for tags already in the project.
    """

    new_tags: tuple[dict[str, Any], ...]
    fills: tuple[tuple[int, dict[str, Any]], ...] = ()

    def apply(self, session: Session, annotator: str) -> Applied:
        base = session.scalar(select(func.max(Tag.position))) or 0
        created: list[int] = []
        for offset, values in enumerate(self.new_tags, start=1):
            checked = validate_tag_fields(
                session,
                None,
                {"name": values["name"], "color": values["color"], "shortcut": values["shortcut"]},
            )
            parent_id = None
            if values.get("parent"):
                parent_id = session.scalar(select(Tag.id).where(Tag.name == values["parent"]))
                if parent_id is None:
                    raise UnknownTagError()
            position = values.get("position")
            tag = Tag(
                **checked,
                description=values.get("description", ""),
                use_when=values.get("use_when", ""),
                avoid_when=values.get("avoid_when", ""),
                example=values.get("example", ""),
                archived=bool(values.get("archived", False)),
                parent_id=parent_id,
                position=base + offset if position is None else position,
            )
            if values.get("id") is not None:
                tag.id = values["id"]
            session.add(tag)
            session.flush()
            restore_versions(session, Tag, {tag.id: values.get("version")})
            created.append(tag.id)
        before = _set_fields(session, self.fills)
        return Applied(inverse=RemoveImportedTags(tuple(created), before), changes=_TAG_CHANGES)


@dataclass(frozen=True)
class RemoveImportedTags(Command):
    """Undo an ImportCodebook: delete the tags it created, give back the fields it filled."""

    tag_ids: tuple[int, ...]
    fills: tuple[tuple[int, dict[str, Any]], ...] = ()

    def apply(self, session: Session, annotator: str) -> Applied:
        tags = list(session.scalars(select(Tag).where(Tag.id.in_(self.tag_ids))))
        if len(tags) != len(set(self.tag_ids)):
            raise UnknownTagError()
        used = session.scalar(
            select(Tag.name)
            .join(Annotation, Annotation.tag_id == Tag.id)
            .where(Tag.id.in_(self.tag_ids))
            .limit(1)
        )
        if used is not None:
            raise ImportedTagInUseError(name=used)
        names = {tag_id: name for tag_id, name in session.execute(select(Tag.id, Tag.name))}
        order = {tag_id: index for index, tag_id in enumerate(self.tag_ids)}
        recreate = tuple(
            {
                "name": tag.name,
                "color": tag.color,
                "shortcut": tag.shortcut,
                "description": tag.description,
                "use_when": tag.use_when,
                "avoid_when": tag.avoid_when,
                "example": tag.example,
                "archived": bool(tag.archived),
                "parent": names.get(tag.parent_id) if tag.parent_id is not None else None,
                "id": tag.id,
                "position": tag.position,
                "version": tag.version,
            }
            for tag in sorted(tags, key=lambda tag: order[tag.id])
        )
        session.execute(
            update(Tag)
            .where(Tag.parent_id.in_(self.tag_ids), Tag.id.not_in(self.tag_ids))
            .values(parent_id=None)
        )
        for tag in tags:
            session.delete(tag)
        session.flush()
        before = _set_fields(session, self.fills)
        return Applied(inverse=ImportCodebook(recreate, before), changes=_TAG_CHANGES)


def _set_fields(
    session: Session, fills: tuple[tuple[int, dict[str, Any]], ...]
) -> tuple[tuple[int, dict[str, Any]], ...]:
    """Set the fields of ``fills``; returns what they were."""
    before: list[tuple[int, dict[str, Any]]] = []
    for tag_id, values in fills:
        tag = session.get(Tag, tag_id)
        if tag is None:
            raise UnknownTagError()
        unknown = set(values) - set(FILLABLE)
        if unknown:
            raise ValueError(f"not fillable: {sorted(unknown)}")
        before.append((tag_id, {field: getattr(tag, field) for field in values}))
        for field, value in values.items():
            setattr(tag, field, str(value))
    return tuple(before)
