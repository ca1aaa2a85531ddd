"""Who is to annotate which interview, who has finished it, and the progress table of
documents × annotators.

An annotator's status on a document is ``done`` (marked so), ``in_progress`` (has
annotations there, not marked done), ``assigned`` (given the document, nothing yet) or
absent (not assigned and no annotations).
"""

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.dto import Changes
from app.editing.commands import Applied, Command, annotator_id
from app.errors import QT_TRANSLATE_NOOP, FangtanError, UnknownDocumentError
from app.project import Project
from models import Annotation, Annotator, Assignment, Document
from models.base import utc_now

PROGRESS_STATUSES = ("assigned", "in_progress", "done")
# Names of the undo steps, stored as JSON [template, arguments] (the window translates them).
ASSIGN_STEP = "Assign %1 Interviews to %2"
DONE_STEP = "Mark “%1” Done for %2"
NOT_DONE_STEP = "Mark “%1” Not Done for %2"


def step_name(template: str, *arguments: object) -> str:
    return json.dumps([template, *map(str, arguments)], ensure_ascii=False)


class AnnotatorNameError(FangtanError):
    template = QT_TRANSLATE_NOOP("Errors", "“{name}” cannot be an annotator's name.")


@dataclass(frozen=True)
class AssignmentState:
    """One annotator's assignment to one document as it is to be: ``status`` None means
    not assigned. Timestamps None are taken from the clock when applied; ``keep_done``
    leaves a document that is already done as it is."""

    document_id: int
    annotator: str
    status: str | None
    assigned_at: datetime | None = None
    done_at: datetime | None = None
    keep_done: bool = False


@dataclass(frozen=True)
class SetAssignments(Command):
    """Assign, unassign, mark done or not done; the inverse restores every row exactly."""

    states: tuple[AssignmentState, ...]

    def apply(self, session: Session, annotator: str) -> Applied:
        before: list[AssignmentState] = []
        documents: set[int] = set()
        for state in self.states:
            if session.get(Document, state.document_id) is None:
                raise UnknownDocumentError()
            name = " ".join(state.annotator.split())
            if not name:
                raise AnnotatorNameError(name=state.annotator)
            who = annotator_id(session, name)
            row = session.scalar(
                select(Assignment).where(
                    Assignment.document_id == state.document_id, Assignment.annotator_id == who
                )
            )
            if row is None:
                before.append(AssignmentState(state.document_id, name, None))
            else:
                before.append(
                    AssignmentState(
                        state.document_id, name, row.status, row.assigned_at, row.done_at
                    )
                )
            documents.add(state.document_id)
            _store(session, row, state, who)
        return Applied(
            inverse=SetAssignments(tuple(reversed(before))),
            changes=Changes(documents=frozenset(documents), document_list=True),
        )


def _store(session: Session, row: Assignment | None, state: AssignmentState, who: int) -> None:
    if state.status is None:
        if row is not None:
            session.delete(row)
            session.flush()
        return
    now = utc_now()
    if row is None:
        row = Assignment(document_id=state.document_id, annotator_id=who)
        row.assigned_at = state.assigned_at or now
        session.add(row)
    elif state.keep_done and row.status == "done":
        return
    elif state.assigned_at is not None:
        row.assigned_at = state.assigned_at
    row.status = state.status
    if state.status == "done":
        row.done_at = state.done_at or row.done_at or now
    else:
        row.done_at = None
    session.flush()


def assign(documents: Iterable[int], annotators: Iterable[str]) -> SetAssignments:
    """Give every document to every annotator (a document already done stays done)."""
    return SetAssignments(
        tuple(
            AssignmentState(document, name, "assigned", keep_done=True)
            for document in documents
            for name in annotators
        )
    )


def mark(document_id: int, annotator: str, done: bool) -> SetAssignments:
    """An annotator marks a document done, or takes the mark back."""
    return SetAssignments(
        (AssignmentState(document_id, annotator, "done" if done else "assigned"),)
    )


@dataclass(frozen=True)
class Progress:
    """``status[document id][annotator name]`` for every document and every annotator who
    was assigned one or annotated one (absent pairs are neither)."""

    documents: tuple[tuple[int, str], ...]  # id and title, by id
    annotators: tuple[str, ...]
    status: Mapping[int, Mapping[str, str]]

    def counts(self, annotator: str) -> dict[str, int]:
        found = dict.fromkeys(PROGRESS_STATUSES, 0)
        for statuses in self.status.values():
            status = statuses.get(annotator)
            if status is not None:
                found[status] += 1
        return found


def progress(project: Project, annotators: Sequence[str] | None = None) -> Progress:
    with project.reading() as session:
        return _progress(session, annotators)


def _progress(session: Session, chosen: Sequence[str] | None) -> Progress:
    names = dict(session.execute(select(Annotator.id, Annotator.name)).all())
    status: dict[int, dict[str, str]] = {}
    rows = session.execute(
        select(Annotation.document_id, Annotation.annotator_id)
        .where(Annotation.annotator_id.is_not(None))
        .distinct()
    )
    for document_id, who in rows:
        if who is not None:
            status.setdefault(document_id, {})[names[who]] = "in_progress"
    for document_id, who, state in session.execute(
        select(Assignment.document_id, Assignment.annotator_id, Assignment.status)
    ):
        current = status.setdefault(document_id, {})
        if state == "done" or names[who] not in current:
            current[names[who]] = state
    documents = tuple(session.execute(select(Document.id, Document.title).order_by(Document.id)))
    seen = sorted({name for statuses in status.values() for name in statuses})
    shown = tuple(chosen) if chosen else tuple(seen)
    return Progress(
        documents=tuple((int(i), str(t)) for i, t in documents),
        annotators=shown,
        status={
            document: {name: value for name, value in statuses.items() if name in shown}
            for document, statuses in status.items()
        },
    )
