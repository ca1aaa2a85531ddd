"""Accepting and rejecting suggestions, and editing trigger words, as undoable commands.

Accepting makes an annotation with ``source = "suggested"`` and records an 'accepted'
decision in the same step; rejecting records a 'rejected' decision, so the suggestion is
never offered again. Undo removes both, exactly (ids and timestamps kept through any
number of undo/redo rounds).
"""

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import datetime

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from app.dto import Changes
from app.editing.commands import AnnotationSpec, Applied, Command, CreateAnnotations, Macro
from app.errors import (
    DuplicateTriggerError,
    EmptySpanError,
    InvalidSpanError,
    SuggestionDecidedError,
    UnknownDocumentError,
    UnknownTagError,
    UnknownTriggerError,
)
from app.suggestions.engine import Suggestion
from app.suggestions.triggers import normalize_word, seed_if_new
from models import Document, SuggestionDecision, Tag, TagTrigger
from models.base import utc_now

DECISIONS = ("accepted", "rejected")
ORIGINS = ("rule", "model")


# Commands carry decisions as plain rows (document, tag, start, end, decision, origin, score,
# id, annotator, created_at) so the undo history can store them without a codec entry.
DecisionRow = tuple[int, int, int, int, str, str, float, int | None, str | None, datetime | None]


@dataclass(frozen=True)
class DecisionSpec:
    """One answer to a suggestion; ``id``, ``annotator`` and ``created_at`` when restoring."""

    document_id: int
    tag_id: int
    start: int
    end: int
    decision: str
    origin: str
    score: float = 0.0
    id: int | None = None
    annotator: str | None = None
    created_at: datetime | None = None

    @classmethod
    def of(cls, suggestion: Suggestion, decision: str) -> "DecisionSpec":
        return cls(
            suggestion.document_id,
            suggestion.tag_id,
            suggestion.start,
            suggestion.end,
            decision,
            suggestion.origin,
            suggestion.confidence,
        )

    @classmethod
    def from_row(cls, row: DecisionRow) -> "DecisionSpec":
        return cls(*row)

    def row(self) -> DecisionRow:
        return (
            self.document_id,
            self.tag_id,
            self.start,
            self.end,
            self.decision,
            self.origin,
            float(self.score),
            self.id,
            self.annotator,
            self.created_at,
        )


def _rows(suggestions: Iterable[Suggestion], decision: str) -> tuple[DecisionRow, ...]:
    return tuple(DecisionSpec.of(s, decision).row() for s in suggestions)


def _check(session: Session, specs: Iterable[DecisionSpec]) -> None:
    specs = list(specs)
    tag_ids = {spec.tag_id for spec in specs}
    if set(session.scalars(select(Tag.id).where(Tag.id.in_(tag_ids)))) != tag_ids:
        raise UnknownTagError()
    lengths: dict[int, int] = dict(
        session.execute(
            select(Document.id, func.length(Document.text)).where(
                Document.id.in_({spec.document_id for spec in specs})
            )
        ).all()
    )
    seen: set[tuple[int, int, int, int]] = set()
    for spec in specs:
        if spec.decision not in DECISIONS or spec.origin not in ORIGINS:
            raise ValueError(f"not a decision: {spec.decision!r} from {spec.origin!r}")
        length = lengths.get(spec.document_id)
        if length is None:
            raise UnknownDocumentError()
        if spec.start == spec.end:
            raise EmptySpanError()
        if not 0 <= spec.start < spec.end <= length:
            raise InvalidSpanError(start=spec.start, end=spec.end, length=length)
        key = (spec.document_id, spec.tag_id, spec.start, spec.end)
        taken = session.scalar(
            select(SuggestionDecision.id).where(
                SuggestionDecision.document_id == spec.document_id,
                SuggestionDecision.tag_id == spec.tag_id,
                SuggestionDecision.start == spec.start,
                SuggestionDecision.end == spec.end,
            )
        )
        if taken is not None or key in seen:
            raise SuggestionDecidedError(start=spec.start, end=spec.end)
        seen.add(key)


def _changes(specs: Iterable[DecisionSpec]) -> Changes:
    return Changes(documents=frozenset(spec.document_id for spec in specs))


@dataclass(frozen=True)
class CreateDecisions(Command):
    rows: tuple[DecisionRow, ...]

    def apply(self, session: Session, annotator: str) -> Applied:
        specs = [DecisionSpec.from_row(row) for row in self.rows]
        _check(session, specs)
        now = utc_now()
        rows = []
        for spec in specs:
            row = SuggestionDecision(
                document_id=spec.document_id,
                tag_id=spec.tag_id,
                start=spec.start,
                end=spec.end,
                decision=spec.decision,
                origin=spec.origin,
                score=float(spec.score),
                annotator=spec.annotator or annotator,
                created_at=spec.created_at or now,
            )
            if spec.id is not None:
                row.id = spec.id
            rows.append(row)
        session.add_all(rows)
        session.flush()
        return Applied(
            inverse=DeleteDecisions(tuple(row.id for row in rows)), changes=_changes(specs)
        )


@dataclass(frozen=True)
class DeleteDecisions(Command):
    ids: tuple[int, ...]

    def apply(self, session: Session, annotator: str) -> Applied:
        rows = list(
            session.scalars(
                select(SuggestionDecision)
                .where(SuggestionDecision.id.in_(self.ids))
                .order_by(SuggestionDecision.id)
            )
        )
        if len(rows) != len(set(self.ids)):
            raise UnknownDocumentError()  # the document (and its decisions) went away
        specs = tuple(
            DecisionSpec(
                row.document_id,
                row.tag_id,
                row.start,
                row.end,
                row.decision,
                row.origin,
                row.score,
                row.id,
                row.annotator,
                row.created_at,
            )
            for row in rows
        )
        session.execute(delete(SuggestionDecision).where(SuggestionDecision.id.in_(self.ids)))
        return Applied(
            inverse=CreateDecisions(tuple(spec.row() for spec in specs)), changes=_changes(specs)
        )


@dataclass(frozen=True)
class AcceptSuggestions(Command):
    """Tag each passage (source "suggested") and record it as accepted: one step."""

    rows: tuple[DecisionRow, ...]

    @classmethod
    def of(cls, suggestions: Iterable[Suggestion]) -> "AcceptSuggestions":
        return cls(_rows(suggestions, "accepted"))

    def apply(self, session: Session, annotator: str) -> Applied:
        decisions = [replace(DecisionSpec.from_row(row), decision="accepted") for row in self.rows]
        annotations = tuple(
            AnnotationSpec(s.document_id, s.tag_id, s.start, s.end, source="suggested")
            for s in decisions
        )
        step = Macro(
            (
                CreateDecisions(tuple(spec.row() for spec in decisions)),
                CreateAnnotations(annotations),
            )
        )
        return step.apply(session, annotator)


@dataclass(frozen=True)
class RejectSuggestions(Command):
    """Record the suggestions as rejected, so they are not offered again."""

    rows: tuple[DecisionRow, ...]

    @classmethod
    def of(cls, suggestions: Iterable[Suggestion]) -> "RejectSuggestions":
        return cls(_rows(suggestions, "rejected"))

    def apply(self, session: Session, annotator: str) -> Applied:
        decisions = tuple(
            replace(DecisionSpec.from_row(row), decision="rejected").row() for row in self.rows
        )
        return CreateDecisions(decisions).apply(session, annotator)


# Trigger words ------------------------------------------------------------------------

_TRIGGER_CHANGES = Changes(tags=True)


def _existing(session: Session, tag_id: int) -> dict[str, int]:
    if session.get(Tag, tag_id) is None:
        raise UnknownTagError()
    seed_if_new(session)  # edits start from the seed words, never instead of them
    return {
        word: trigger_id
        for trigger_id, word in session.execute(
            select(TagTrigger.id, TagTrigger.word).where(TagTrigger.tag_id == tag_id)
        )
    }


@dataclass(frozen=True)
class AddTriggerWords(Command):
    """Give a tag these trigger words (``ids`` only when restoring removed ones)."""

    tag_id: int
    words: tuple[str, ...]
    ids: tuple[int, ...] = ()

    def apply(self, session: Session, annotator: str) -> Applied:
        existing = _existing(session, self.tag_id)
        rows = []
        for number, word in enumerate(self.words):
            cleaned = normalize_word(word)
            if cleaned in existing:
                raise DuplicateTriggerError(word=cleaned)
            row = TagTrigger(tag_id=self.tag_id, word=cleaned)
            if number < len(self.ids):
                row.id = self.ids[number]
            existing[cleaned] = -1
            rows.append(row)
        session.add_all(rows)
        session.flush()
        return Applied(
            inverse=RemoveTriggerWords(self.tag_id, tuple(row.word for row in rows)),
            changes=_TRIGGER_CHANGES,
        )


@dataclass(frozen=True)
class RemoveTriggerWords(Command):
    tag_id: int
    words: tuple[str, ...]

    def apply(self, session: Session, annotator: str) -> Applied:
        existing = _existing(session, self.tag_id)
        for word in self.words:
            if word not in existing:
                raise UnknownTriggerError(word=word)
        ids = tuple(existing[word] for word in self.words)
        session.execute(delete(TagTrigger).where(TagTrigger.id.in_(ids)))
        return Applied(
            inverse=AddTriggerWords(self.tag_id, self.words, ids), changes=_TRIGGER_CHANGES
        )
