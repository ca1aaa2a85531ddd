"""Tagging search hits: a tag found by its name, and one undoable command that tags
every hit, leaving out the passages that already carry the tag."""

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select

from app.editing.commands import AnnotationSpec, CreateAnnotations
from app.errors import UnknownTagError, UnknownTagNameError
from app.project import Project
from app.search.engine import Hit
from models import Annotation, Tag


def tag_id_named(project: Project, name: str) -> int:
    with project.reading() as session:
        found = session.scalar(select(Tag.id).where(Tag.name == name))
    if found is None:
        raise UnknownTagNameError(name=name)
    return found


@dataclass(frozen=True)
class HitTagging:
    """What "tag all hits" will do: the command, and how many hits already had the tag."""

    command: CreateAnnotations | None  # None when every hit already has the tag
    tagged: int
    skipped: int


def tag_hits(project: Project, hits: Iterable[Hit], tag_id: int) -> HitTagging:
    """One command tagging every hit with ``tag_id``, leaving out the hits whose exact
    passage already carries that tag (and repeated hits)."""
    wanted = sorted({(hit.document_id, hit.start, hit.end) for hit in hits})
    with project.reading() as session:
        if session.get(Tag, tag_id) is None:
            raise UnknownTagError()
        document_ids = sorted({document_id for document_id, _start, _end in wanted})
        taken: set[tuple[int, int, int]] = set()
        for first in range(0, len(document_ids), 500):
            rows = session.execute(
                select(Annotation.document_id, Annotation.start, Annotation.end).where(
                    Annotation.tag_id == tag_id,
                    Annotation.document_id.in_(document_ids[first : first + 500]),
                )
            )
            taken.update((document_id, start, end) for document_id, start, end in rows)
    specs = tuple(
        AnnotationSpec(document_id, tag_id, start, end)
        for document_id, start, end in wanted
        if (document_id, start, end) not in taken
    )
    return HitTagging(
        command=CreateAnnotations(specs) if specs else None,
        tagged=len(specs),
        skipped=len(wanted) - len(specs),
    )
