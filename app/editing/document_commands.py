"""Editing what Fangtan knows about a document after import: its metadata and who asks."""

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from app.dto import DOCUMENT_FIELDS, SOURCE_FIELDS, Changes
from app.editing.commands import Applied, Command
from app.editing.versions import check_version, version_after
from app.errors import DocumentFieldError, UnknownDocumentError
from models import Document, Turn
from models.documents import DOCUMENT_STATUSES

# Where the text came from is a fact of the import, not something to edit.
EDITABLE_FIELDS = tuple(name for name in DOCUMENT_FIELDS if name not in SOURCE_FIELDS)
SPEAKER_ROLES = ("question", "answer")


def _checked(values: dict[str, Any]) -> dict[str, Any]:
    unknown = set(values) - set(EDITABLE_FIELDS)
    if unknown:
        raise ValueError(f"not editable: {sorted(unknown)}")
    checked: dict[str, Any] = {}
    for key, value in values.items():
        if key == "published_on":
            if value is not None and not isinstance(value, date):
                raise DocumentFieldError(field=key, value=str(value))
            checked[key] = value
        elif key == "status":
            if value not in DOCUMENT_STATUSES:
                raise DocumentFieldError(field=key, value=str(value))
            checked[key] = value
        else:
            text = " ".join(str(value or "").split())
            if key == "title" and not text:
                raise DocumentFieldError(field=key, value="")
            checked[key] = text
    return checked


@dataclass(frozen=True)
class UpdateDocument(Command):
    """Change some of a document's metadata; its text never changes. Refused when
    ``expected_version`` is given and the document changed since."""

    document_id: int
    values: dict[str, Any] = field(default_factory=dict)
    expected_version: int | None = None

    def apply(self, session: Session, annotator: str) -> Applied:
        document = session.get(Document, self.document_id)
        if document is None:
            raise UnknownDocumentError()
        check_version(document, self.expected_version, annotator)
        checked = _checked(self.values)
        old = {key: getattr(document, key) for key in checked}
        for key, value in checked.items():
            setattr(document, key, value)
        return Applied(
            inverse=UpdateDocument(self.document_id, old, version_after(session, document)),
            changes=Changes(
                documents=frozenset({self.document_id}),
                metadata=frozenset({self.document_id}),
                document_list=True,
            ),
        )


@dataclass(frozen=True)
class SetTurnKinds(Command):
    """Give turns (by index) of one document these kinds: question or answer."""

    document_id: int
    kinds: tuple[tuple[int, str], ...]

    def apply(self, session: Session, annotator: str) -> Applied:
        indexes = [index for index, _ in self.kinds]
        found = session.execute(
            select(Turn.index, Turn.kind).where(
                Turn.document_id == self.document_id, Turn.index.in_(indexes)
            )
        )
        rows = {index: kind for index, kind in found}
        if len(rows) != len(set(indexes)):
            raise UnknownDocumentError()
        for index, kind in self.kinds:
            if kind not in SPEAKER_ROLES:
                raise DocumentFieldError(field="role", value=kind)
            session.execute(
                update(Turn)
                .where(Turn.document_id == self.document_id, Turn.index == index)
                .values(kind=kind)
            )
        return Applied(
            inverse=SetTurnKinds(self.document_id, tuple((i, rows[i]) for i, _ in self.kinds)),
            changes=Changes(
                documents=frozenset({self.document_id}), turns=frozenset({self.document_id})
            ),
        )


@dataclass(frozen=True)
class SetSpeakerRole(Command):
    """Make every question or answer turn of ``speaker`` a ``role`` turn."""

    document_id: int
    speaker: str
    role: str

    def apply(self, session: Session, annotator: str) -> Applied:
        indexes = session.scalars(
            select(Turn.index).where(
                Turn.document_id == self.document_id,
                Turn.speaker == self.speaker,
                Turn.kind.in_(SPEAKER_ROLES),
            )
        )
        kinds = tuple((index, self.role) for index in indexes)
        if not kinds:
            raise UnknownDocumentError()
        return SetTurnKinds(self.document_id, kinds).apply(session, annotator)
