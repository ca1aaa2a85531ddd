"""Whose annotations an annotator may see: the annotators of a project, blind annotation
and the documents whose layers are open to everyone.

Blind annotation is a project setting whose value is the lead who turned it on. While it
is on, everyone but the lead sees only their own layer on a document until every
annotator assigned to that document has marked it done; a document nobody is assigned to
stays closed. The lead sees every layer.
"""

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.project import Project
from models import Annotation, Annotator, Assignment, ProjectSetting

BLIND_KEY = "team.blind_lead"
GOLD_ANNOTATOR = "gold"  # the adjudicated layer: an annotator of its own


@dataclass(frozen=True)
class LayerAccess:
    """What ``annotator`` may see of one document: ``open`` means every layer."""

    annotator: str
    lead: str | None  # who set blind annotation, None when it is off
    open: bool

    @property
    def blind(self) -> bool:
        return self.lead is not None


def annotator_names(project: Project) -> list[str]:
    """Everyone with an annotation or an assignment in the project, by name."""
    with project.reading() as session:
        used = select(Annotation.annotator_id).where(Annotation.annotator_id.is_not(None))
        assigned = select(Assignment.annotator_id)
        names = session.scalars(
            select(Annotator.name)
            .where(Annotator.id.in_(used.union(assigned).scalar_subquery()))
            .order_by(Annotator.name)
        )
        return list(names)


def blind_lead(project: Project) -> str | None:
    """The lead who turned blind annotation on, or None when it is off."""
    with project.reading() as session:
        return _lead(session)


def _lead(session: Session) -> str | None:
    value = session.scalar(select(ProjectSetting.value).where(ProjectSetting.key == BLIND_KEY))
    return value or None


def set_blind(project: Project, on: bool) -> None:
    """Turn blind annotation on (with the project's annotator as the lead) or off: a
    project setting, not an undoable step."""
    with project.writing() as session:
        setting = session.get(ProjectSetting, BLIND_KEY)
        if not on:
            if setting is not None:
                session.delete(setting)
            return
        setting = setting or ProjectSetting(key=BLIND_KEY)
        setting.value = project.annotator
        session.add(setting)


def layer_access(project: Project, document_id: int, annotator: str) -> LayerAccess:
    with project.reading() as session:
        lead = _lead(session)
        if lead is None or lead == annotator:
            return LayerAccess(annotator, lead, True)
        assigned, done = session.execute(
            select(
                func.count(Assignment.id),
                func.count(Assignment.id).filter(Assignment.status == "done"),
            )
            .join(Annotator, Annotator.id == Assignment.annotator_id)
            .where(Assignment.document_id == document_id, Annotator.name != GOLD_ANNOTATOR)
        ).one()
        return LayerAccess(annotator, lead, bool(assigned) and assigned == done)


def done_by(project: Project, document_id: int, annotator: str) -> bool:
    """Whether ``annotator`` has marked the document done."""
    with project.reading() as session:
        found = session.scalar(
            select(Assignment.id)
            .join(Annotator, Annotator.id == Assignment.annotator_id)
            .where(
                Assignment.document_id == document_id,
                Annotator.name == annotator,
                Assignment.status == "done",
            )
        )
        return found is not None
