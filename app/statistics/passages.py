"""Coded passages matching a query ("what did the district secretaries say about 民生?"),
each with the turn around it, ordered by document and position, one page at a time.

One query finds a page: the annotation, its document, tag and annotator, and the turn
holding the passage's start (its content cut from the document text by the database).
A few small queries before it check that the names asked for exist.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, distinct, func, or_, select
from sqlalchemy.orm import Session, aliased

from app.editing.turn_commands import NAME_SEPARATOR
from app.errors import DocumentFieldError, TurnKindError, UnknownTagNameError
from app.project import Project
from app.statistics.errors import (
    DateRangeError,
    PageError,
    UnknownAnnotatorNameError,
    UnknownDocumentValueError,
)
from models import Annotation, Annotator, Document, Tag, Turn
from models.documents import DOCUMENT_STATUSES, TURN_KINDS

Query = Select[*tuple[Any, ...]]


@dataclass(frozen=True)
class PassageQuery:
    """Which passages to list; every filter left empty (None, "" or ()) lets all pass.

    ``tags`` are names: passages with any of them, or with ``all_tags`` those (of any of
    them) whose turn carries every one. ``documents`` are ids: passages in any of them.
    ``interviewee`` is one name: the interviews it is, or is among (``A、B``). ``kind``
    is that of the turn holding the passage's start. ``published_from``..``published_to``
    includes both ends and leaves out undated interviews. ``contains`` is looked for in
    the passage's text.
    ``limit`` None lists all from ``offset`` on.
    """

    tags: tuple[str, ...] = ()
    all_tags: bool = False
    annotator: str | None = None
    documents: tuple[int, ...] = ()
    interviewee: str | None = None
    kind: str | None = None
    outlet: str | None = None
    series: str | None = None
    status: str | None = None
    published_from: date | None = None
    published_to: date | None = None
    contains: str = ""
    limit: int | None = None
    offset: int = 0


@dataclass(frozen=True)
class Passage:
    """An annotation with the turn holding its start (``turn_index`` None, ``kind``,
    ``speaker`` and ``context`` empty when it starts outside every turn).

    ``context`` is the turn's content (without the speaker label), which starts at
    ``context_start`` in the document text.
    """

    annotation_id: int
    document_id: int
    document_title: str
    start: int
    end: int
    tag_id: int
    tag: str
    annotator: str
    text: str
    note: str
    turn_index: int | None
    speaker: str
    kind: str
    context: str
    context_start: int


def passages(project: Project, query: PassageQuery) -> list[Passage]:
    """The passages matching ``query``, ordered by document, start, end."""
    with project.reading() as session:
        page = (
            _matching(session, query)
            .order_by(Annotation.document_id, Annotation.start, Annotation.end, Annotation.id)
            .limit(query.limit)
            .offset(query.offset)
            .subquery()
        )
        turn = aliased(Turn)
        rows = session.execute(
            select(
                Annotation.id,
                Annotation.document_id,
                Document.title,
                Annotation.start,
                Annotation.end,
                Tag.id,
                Tag.name,
                func.coalesce(Annotator.name, ""),
                Annotation.text,
                Annotation.note,
                turn.index,
                turn.speaker,
                turn.kind,
                func.substr(Document.text, turn.content_start + 1, turn.end - turn.content_start),
                turn.content_start,
            )
            .select_from(page)
            .join(Annotation, Annotation.id == page.c.id)
            .join(Document, Document.id == Annotation.document_id)
            .join(Tag, Tag.id == Annotation.tag_id)
            .outerjoin(Annotator, Annotator.id == Annotation.annotator_id)
            .outerjoin(turn, _holding(turn))
            .order_by(page.c.document_id, page.c.start, page.c.end, page.c.id)
        )
        return [_passage(row) for row in rows]


def count_passages(project: Project, query: PassageQuery) -> int:
    """How many passages match ``query`` in all (its limit and offset aside)."""
    with project.reading() as session:
        matching = _matching(session, query).subquery()
        return int(session.scalar(select(func.count()).select_from(matching)) or 0)


def _holding(turn: Any) -> ColumnElement[bool]:
    """The turn whose span holds the annotation's start."""
    return and_(
        turn.document_id == Annotation.document_id,
        turn.start <= Annotation.start,
        Annotation.start < turn.end,
    )


def _passage(row: Sequence[Any]) -> Passage:
    (
        annotation_id,
        document_id,
        title,
        start,
        end,
        tag_id,
        tag,
        annotator,
        text,
        note,
        turn_index,
        speaker,
        kind,
        context,
        context_start,
    ) = row
    return Passage(
        annotation_id=annotation_id,
        document_id=document_id,
        document_title=title,
        start=start,
        end=end,
        tag_id=tag_id,
        tag=tag,
        annotator=annotator,
        text=text,
        note=note,
        turn_index=turn_index,
        speaker=speaker or "",
        kind=kind or "",
        context=context or "",
        context_start=context_start if context_start is not None else start,
    )


def _matching(session: Session, query: PassageQuery) -> Query:
    """The matching annotations' ids and positions: only the tables a filter needs, so
    that the documents' texts are read for one page only."""
    _check_page(query)
    statement: Query = select(
        Annotation.id, Annotation.document_id, Annotation.start, Annotation.end
    )
    tag_ids = _tag_ids(session, query.tags)
    if tag_ids:
        statement = statement.where(Annotation.tag_id.in_(tag_ids))
    if query.kind is not None or (query.all_tags and tag_ids):
        turn = aliased(Turn)
        statement = statement.join(turn, _holding(turn))
        if query.kind is not None:
            if query.kind not in TURN_KINDS:
                raise TurnKindError(kind=query.kind, valid=", ".join(TURN_KINDS))
            statement = statement.where(turn.kind == query.kind)
        if query.all_tags:
            statement = statement.where(turn.id.in_(_turns_carrying_all(tag_ids)))
    if query.annotator is not None:
        annotator_id = session.scalar(select(Annotator.id).where(Annotator.name == query.annotator))
        if annotator_id is None:
            raise UnknownAnnotatorNameError(name=query.annotator)
        statement = statement.where(Annotation.annotator_id == annotator_id)
    documents = _document_conditions(session, query)
    if documents:
        statement = statement.where(
            Annotation.document_id.in_(select(Document.id).where(*documents))
        )
    if query.contains:
        statement = statement.where(Annotation.text.contains(query.contains, autoescape=True))
    return statement


def _turns_carrying_all(tag_ids: Sequence[int]) -> Query:
    """The ids of the turns carrying every one of the tags: an annotation of each
    overlaps the turn's content by at least one character. (A turn starts before its
    content, so ``Turn.start < end`` adds nothing but lets the turn index be used.)"""
    carrier = aliased(Annotation)
    return (
        select(Turn.id)
        .join(
            carrier,
            and_(
                carrier.document_id == Turn.document_id,
                Turn.start < carrier.end,
                carrier.start < Turn.end,
                Turn.content_start < carrier.end,
                Turn.content_start < Turn.end,
            ),
        )
        .where(carrier.tag_id.in_(tag_ids))
        .group_by(Turn.id)
        .having(func.count(distinct(carrier.tag_id)) == len(tag_ids))
    )


def _document_conditions(session: Session, query: PassageQuery) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = []
    if query.status is not None:
        if query.status not in DOCUMENT_STATUSES:
            raise DocumentFieldError(field="status", value=query.status)
        conditions.append(Document.status == query.status)
    if query.documents:
        conditions.append(Document.id.in_(query.documents))
    if query.interviewee is not None:
        among = _among_interviewees(query.interviewee)
        if session.scalar(select(Document.id).where(among).limit(1)) is None:
            raise UnknownDocumentValueError(field="interviewee", value=query.interviewee)
        conditions.append(among)
    for field, value in (
        ("outlet", query.outlet),
        ("series", query.series),
    ):
        if value is not None:
            column = getattr(Document, field)
            if session.scalar(select(Document.id).where(column == value).limit(1)) is None:
                raise UnknownDocumentValueError(field=field, value=value)
            conditions.append(column == value)
    first, last = query.published_from, query.published_to
    if first is not None and last is not None and first > last:
        raise DateRangeError(start=first.isoformat(), end=last.isoformat())
    if first is not None:
        conditions.append(Document.published_on >= first)
    if last is not None:
        conditions.append(Document.published_on <= last)
    return conditions


def _among_interviewees(name: str) -> ColumnElement[bool]:
    """The interview is ``name``'s, alone or among others (names joined by ``、``)."""
    column = Document.interviewee
    return or_(
        column == name,
        column.startswith(name + NAME_SEPARATOR, autoescape=True),
        column.endswith(NAME_SEPARATOR + name, autoescape=True),
        column.contains(NAME_SEPARATOR + name + NAME_SEPARATOR, autoescape=True),
    )


def _check_page(query: PassageQuery) -> None:
    if query.limit is not None and query.limit < 0:
        raise PageError(what="size", value=query.limit)
    if query.offset < 0:
        raise PageError(what="offset", value=query.offset)


def _tag_ids(session: Session, names: Sequence[str]) -> list[int]:
    """The ids of the tags named, in the order given; an unknown name is an error."""
    if not names:
        return []
    rows = session.execute(select(Tag.name, Tag.id).where(Tag.name.in_(names)))
    known = {name: tag_id for name, tag_id in rows}
    missing = [name for name in names if name not in known]
    if missing:
        raise UnknownTagNameError(name="、".join(missing))
    return list(dict.fromkeys(known[name] for name in names))


@dataclass(frozen=True)
class FilterValues:
    """The values documents have for the filters offered as lists, sorted, without empty ones."""

    outlets: tuple[str, ...]
    series: tuple[str, ...]


def filter_values(project: Project) -> FilterValues:
    with project.reading() as session:
        found = {
            name: tuple(
                session.scalars(
                    select(column).where(column != "").distinct().order_by(column)
                ).all()
            )
            for name, column in (("outlets", Document.outlet), ("series", Document.series))
        }
    return FilterValues(**found)
