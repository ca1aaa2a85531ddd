"""Undo and redo that survive closing the project.

Each action is applied and recorded in the same transaction: the command that
did it and the command that undoes it. Undoing applies the stored inverse and
keeps the fresh inverse of that (so ids and timestamps stay exact through any
number of undo/redo rounds). Histories are per annotator.
"""

from dataclasses import dataclass

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from app.dto import Changes
from app.editing.codec import dumps, loads
from app.editing.commands import Command
from app.errors import (
    FangtanError,
    UnknownAnnotationError,
    UnknownDocumentError,
    UnknownTagError,
    UnreadableStepError,
)
from app.project import Project
from models import HistoryStep

MAX_STEPS = 1000
TRIM_EVERY = 50  # steps between checks that the history is within MAX_STEPS


@dataclass(frozen=True)
class HistoryState:
    undo_text: str | None  # description of the step Undo would revert, None if none
    redo_text: str | None


class History:
    def __init__(self, project: Project) -> None:
        self._project = project

    @property
    def _who(self) -> str:
        return self._project.annotator

    def do(self, command: Command, description: str) -> Changes:
        """Apply ``command`` and record it; both are on disk when this returns."""
        with self._project.writing() as session:
            applied = command.apply(session, self._who)
            session.execute(
                delete(HistoryStep).where(
                    HistoryStep.annotator == self._who, HistoryStep.undone.is_(True)
                )
            )
            step = HistoryStep(
                annotator=self._who,
                description=description,
                forward=dumps(command),
                backward=dumps(applied.inverse),
                undone=False,
            )
            session.add(step)
            session.flush()
            if step.id % TRIM_EVERY == 0:
                self._trim(session)
        return applied.changes

    def undo(self) -> Changes | None:
        """Revert the latest action; None when there is nothing to undo."""
        return self._replay(undone=False)

    def redo(self) -> Changes | None:
        """Apply again the earliest undone action; None when there is nothing to redo."""
        return self._replay(undone=True)

    def _replay(self, undone: bool) -> Changes | None:
        """Apply the next step's stored command and keep the fresh inverse of it."""
        with self._project.writing() as session:
            step = self._latest(session, undone=undone)
            if step is None:
                return None
            applied = loads(step.forward if undone else step.backward).apply(session, self._who)
            if undone:
                step.backward = dumps(applied.inverse)
            else:
                step.forward = dumps(applied.inverse)
            step.undone = not undone
            return applied.changes

    @staticmethod
    def is_stale(error: FangtanError) -> bool:
        """True when a step failed because what it changes no longer exists, or because
        the stored step cannot be read by this version.

        Such a step can never be applied again and is dropped; any other failure (a
        locked file, a full disk, a name now taken, a row someone else changed meanwhile)
        leaves the step to try again.
        """
        return isinstance(
            error,
            UnknownAnnotationError | UnknownTagError | UnknownDocumentError | UnreadableStepError,
        )

    def drop_next(self, undone: bool) -> None:
        """Forget the step Undo (undone=False) or Redo (undone=True) would take next.

        Used when that step can no longer be applied, so the history moves on.
        """
        with self._project.writing() as session:
            step = self._latest(session, undone=undone)
            if step is not None:
                session.delete(step)

    def state(self) -> HistoryState:
        with self._project.reading() as session:
            undo = self._latest(session, undone=False)
            redo = self._latest(session, undone=True)
            return HistoryState(
                undo.description if undo else None, redo.description if redo else None
            )

    def _latest(self, session: Session, undone: bool) -> HistoryStep | None:
        order = HistoryStep.id.asc() if undone else HistoryStep.id.desc()
        return session.scalars(
            select(HistoryStep)
            .where(HistoryStep.annotator == self._who, HistoryStep.undone.is_(undone))
            .order_by(order)
            .limit(1)
        ).first()

    def _trim(self, session: Session) -> None:
        count = session.scalar(select(func.count()).where(HistoryStep.annotator == self._who)) or 0
        if count > MAX_STEPS:
            oldest = (
                select(HistoryStep.id)
                .where(HistoryStep.annotator == self._who)
                .order_by(HistoryStep.id)
                .limit(count - MAX_STEPS)
            )
            session.execute(delete(HistoryStep).where(HistoryStep.id.in_(oldest)))
