"""Rules of the codebook: names, colours, shortcuts and hierarchy."""

import re
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import (
    DuplicateShortcutError,
    DuplicateTagNameError,
    TagColorError,
    TagCycleError,
    TagNameError,
    UnknownTagError,
)
from app.seeds import default_codebook
from models import Tag

if TYPE_CHECKING:
    from app.project import Project

_COLOR = re.compile(r"^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$")
# The guideline: the description is the definition, then when to use the tag, when not, an example.
GUIDELINE_FIELDS = ("description", "use_when", "avoid_when", "example")
EDITABLE_FIELDS = ("name", "color", "shortcut", *GUIDELINE_FIELDS, "parent_id", "archived")

# Colours offered for new tags, in order; chosen to stay apart as light highlights.
PALETTE = (
    "#1f77b4",
    "#2ca02c",
    "#d62728",
    "#ff7f0e",
    "#9467bd",
    "#8c564b",
    "#e377c2",
    "#17becf",
    "#bcbd22",
    "#7f7f7f",
)


def normalize_color(color: str) -> str:
    color = color.strip()
    if not _COLOR.match(color):
        raise TagColorError(color=color)
    if len(color) == 4:
        color = "#" + "".join(channel * 2 for channel in color[1:])
    return color.lower()


def validate_tag_fields(
    session: Session, tag_id: int | None, values: dict[str, Any]
) -> dict[str, Any]:
    """Checked and normalised copies of ``values`` for the tag ``tag_id`` (None: a new tag)."""
    unknown = set(values) - set(EDITABLE_FIELDS)
    if unknown:
        raise ValueError(f"not editable: {sorted(unknown)}")
    checked = dict(values)
    others = select(Tag).where(Tag.id != tag_id) if tag_id is not None else select(Tag)
    if "name" in checked:
        name = " ".join(str(checked["name"]).split())
        if not name:
            raise TagNameError()
        if session.scalar(others.where(Tag.name == name)) is not None:
            raise DuplicateTagNameError(name=name)
        checked["name"] = name
    if "color" in checked:
        checked["color"] = normalize_color(str(checked["color"]))
    if "shortcut" in checked:
        shortcut = str(checked["shortcut"] or "").strip()
        if shortcut:
            holder = session.scalar(others.where(Tag.shortcut == shortcut))
            if holder is not None:
                raise DuplicateShortcutError(shortcut=shortcut, name=holder.name)
        checked["shortcut"] = shortcut
    for name in GUIDELINE_FIELDS:
        if name in checked:
            checked[name] = str(checked[name] or "")
    if "archived" in checked:
        checked["archived"] = bool(checked["archived"])
    if checked.get("parent_id") is not None:
        _check_parent(session, tag_id, checked["parent_id"])
    return checked


def _check_parent(session: Session, tag_id: int | None, parent_id: int) -> None:
    seen: set[int] = set()
    current: int | None = parent_id
    while current is not None:
        if current == tag_id or current in seen:
            raise TagCycleError()
        seen.add(current)
        parent = session.get(Tag, current)
        if parent is None:
            raise UnknownTagError()
        current = parent.parent_id


def next_color(used: list[str]) -> str:
    """The first palette colour no tag uses yet (cycling when all are taken)."""
    taken = {color.lower() for color in used}
    for color in PALETTE:
        if color not in taken:
            return color
    return PALETTE[len(used) % len(PALETTE)]


def seed_default_codebook(project: "Project") -> None:
    """Give a new project the four default tags on keys 1-4, and the seed word lists."""
    from app.chinese.dictionary import seed_word_lists

    with project.writing() as session:
        seed_word_lists(session)
        for position, seed in enumerate(default_codebook()):
            session.add(
                Tag(
                    name=seed.name,
                    color=normalize_color(seed.color),
                    shortcut=seed.shortcut,
                    description=seed.description,
                    position=position,
                )
            )
