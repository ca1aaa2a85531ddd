"""Fixing the turns the importer guessed: who speaks, what kind of turn it is, where one
turn ends and the next begins. The text and the annotations are never touched.

Every command here leaves the turns numbered 0..n-1 and returns ``RestoreTurns`` as its
inverse: the whole turn list as it was (row ids included) and the document's interviewee.
"""

import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

from sqlalchemy import delete, insert, select, update
from sqlalchemy.orm import Session

from app.dto import Changes
from app.editing.commands import Applied, Command
from app.errors import (
    IntervieweeNamesError,
    MergeFirstTurnError,
    RedetectMismatchError,
    SpeakerNameError,
    SplitOffsetError,
    TurnKindError,
    UnknownDocumentError,
    UnknownSpeakerError,
    UnknownTurnError,
)
from app.search.engine import index_document, unindex_document
from models import Document, Turn
from models.documents import TURN_KINDS

MAX_NAME = 200  # characters of a speaker's name, and of the interviewee field
NAME_SEPARATOR = "、"  # between the names of several interviewees
SPOKEN_KINDS = ("question", "answer")

# Names of the undo steps, stored as JSON [template, arguments] (see step_name); the
# window shows them translated.
SET_SPEAKER = "Set Speaker of Turn %1 to “%2”"
SET_KIND = "Change Kind of Turn %1"
SPLIT_TURN = "Split Turn %1"
MERGE_TURN = "Merge Turn %1 into the One Before"
RENAME_SPEAKER = "Rename Speaker “%1” to “%2”"
SET_INTERVIEWEES = "Set Interviewees “%1”"
REDETECT_TURNS = "Detect Turns Again"


class TurnSnapshot(NamedTuple):
    """One turn's stored fields but its index, which is its place in the turn list.

    A tuple of plain values, so the history stores it as is (read back, it is a plain
    tuple: ``TurnSnapshot(*row)`` makes it one again)."""

    speaker: str
    kind: str
    start: int
    content_start: int
    end: int
    timestamp: str = ""
    id: int | None = None


@dataclass(frozen=True)
class _State:
    text: str
    title: str
    interviewee: str
    turns: tuple[TurnSnapshot, ...]

    def turn(self, index: int) -> TurnSnapshot:
        if not 0 <= index < len(self.turns):
            raise UnknownTurnError(index=index)
        return self.turns[index]


def _state(session: Session, document_id: int) -> _State:
    row = session.execute(
        select(Document.text, Document.title, Document.interviewee).where(
            Document.id == document_id
        )
    ).one_or_none()
    if row is None:
        raise UnknownDocumentError()
    turns = session.execute(
        select(
            Turn.speaker,
            Turn.kind,
            Turn.start,
            Turn.content_start,
            Turn.end,
            Turn.timestamp,
            Turn.id,
        )
        .where(Turn.document_id == document_id)
        .order_by(Turn.index)
    )
    return _State(row.text, row.title, row.interviewee, tuple(TurnSnapshot(*t) for t in turns))


def _replace(
    session: Session,
    document_id: int,
    before: _State,
    turns: Sequence[TurnSnapshot],
    interviewee: str | None = None,
) -> Applied:
    """Store ``turns`` (renumbered 0..n-1) as the document's turns, and ``interviewee``
    when given; the inverse restores ``before``.

    A turn keeps the row id it carries unless another document's turn has taken it since.
    The search index follows the turns.
    """
    unindex_document(session, document_id)
    session.execute(delete(Turn).where(Turn.document_id == document_id))
    wanted = [turn.id for turn in turns if turn.id is not None]
    taken = set(session.scalars(select(Turn.id).where(Turn.id.in_(wanted)))) if wanted else set()
    kept: list[dict[str, object]] = []
    fresh: list[dict[str, object]] = []
    for index, turn in enumerate(turns):
        row: dict[str, object] = {
            "document_id": document_id,
            "index": index,
            "speaker": turn.speaker,
            "kind": turn.kind,
            "start": turn.start,
            "content_start": turn.content_start,
            "end": turn.end,
            "timestamp": turn.timestamp,
        }
        if turn.id is not None and turn.id not in taken:
            kept.append({**row, "id": turn.id})
        else:
            fresh.append(row)
    for batch in (kept, fresh):  # rows with and without an id cannot share one insert
        if batch:
            session.execute(insert(Turn), batch)
    index_document(session, document_id)
    changes = Changes(documents=frozenset({document_id}), turns=frozenset({document_id}))
    if interviewee is not None and interviewee != before.interviewee:
        session.execute(
            update(Document).where(Document.id == document_id).values(interviewee=interviewee)
        )
        changes = changes.merge(Changes(metadata=frozenset({document_id}), document_list=True))
    return Applied(
        inverse=RestoreTurns(document_id, before.turns, before.interviewee), changes=changes
    )


def speaker_name(name: str) -> str:
    """``name`` on one line with single spaces; refuses an empty or too long one."""
    cleaned = " ".join(name.split())
    if not cleaned or len(cleaned) > MAX_NAME:
        raise SpeakerNameError(limit=MAX_NAME)
    return cleaned


def _kind(kind: str) -> str:
    if kind not in TURN_KINDS:
        raise TurnKindError(kind=kind, valid=", ".join(TURN_KINDS))
    return kind


def _interviewee_names(interviewee: str) -> list[str]:
    return [name for name in interviewee.split(NAME_SEPARATOR) if name]


@dataclass(frozen=True)
class RestoreTurns(Command):
    """Give a document exactly these turns and this interviewee (the inverse of every edit)."""

    document_id: int
    turns: tuple[TurnSnapshot, ...]
    interviewee: str

    def apply(self, session: Session, annotator: str) -> Applied:
        before = _state(session, self.document_id)
        turns = [TurnSnapshot(*turn) for turn in self.turns]
        return _replace(session, self.document_id, before, turns, self.interviewee)


@dataclass(frozen=True)
class SetTurnSpeaker(Command):
    """Name who speaks a turn; its label in the text stays as it is."""

    document_id: int
    index: int
    speaker: str

    def apply(self, session: Session, annotator: str) -> Applied:
        speaker = speaker_name(self.speaker)
        before = _state(session, self.document_id)
        turns = list(before.turns)
        turns[self.index] = before.turn(self.index)._replace(speaker=speaker)
        return _replace(session, self.document_id, before, turns)


@dataclass(frozen=True)
class SetTurnKind(Command):
    """Make one turn a question, answer, narration or heading; its speaker stays."""

    document_id: int
    index: int
    kind: str

    def apply(self, session: Session, annotator: str) -> Applied:
        kind = _kind(self.kind)
        before = _state(session, self.document_id)
        turns = list(before.turns)
        turns[self.index] = before.turn(self.index)._replace(kind=kind)
        return _replace(session, self.document_id, before, turns)


@dataclass(frozen=True)
class SplitTurn(Command):
    """Cut a turn in two at ``offset`` (a code point of the document text inside it).

    When the words from ``offset`` on open with a speaker label, the second turn is that
    speaker's; otherwise it carries on the first turn's speaker and kind. The spaces and
    line breaks at the cut belong to neither turn.
    """

    document_id: int
    index: int
    offset: int

    def apply(self, session: Session, annotator: str) -> Applied:
        before = _state(session, self.document_id)
        turn = before.turn(self.index)
        text = before.text
        if not turn.content_start < self.offset < turn.end:
            raise SplitOffsetError(
                offset=self.offset, index=self.index, start=turn.content_start, end=turn.end
            )
        first_end = turn.start + len(text[turn.start : self.offset].rstrip())
        rest = text[self.offset : turn.end]
        second_start = self.offset + len(rest) - len(rest.lstrip())
        if first_end <= turn.content_start or second_start >= turn.end:
            raise SplitOffsetError(
                offset=self.offset, index=self.index, start=turn.content_start, end=turn.end
            )
        first = turn._replace(end=first_end)
        from app.importing.lines import asks, find_label  # the importer: when first used

        label = find_label(text[second_start : turn.end])
        if label is None:
            second = TurnSnapshot(turn.speaker, turn.kind, second_start, second_start, turn.end)
        else:
            asked = asks(text[turn.content_start : first_end])
            second = TurnSnapshot(
                label.name,
                _kind_of(before.turns, label.name, "answer" if asked else "question"),
                second_start,
                min(second_start + label.length, turn.end),
                turn.end,
            )
        turns = [*before.turns[: self.index], first, second, *before.turns[self.index + 1 :]]
        # Rows keep their ids by position; the last position is a new row.
        ids = [t.id for t in before.turns]
        turns = [t._replace(id=ids[i] if i < len(ids) else None) for i, t in enumerate(turns)]
        return _replace(session, self.document_id, before, turns)


def _kind_of(turns: Sequence[TurnSnapshot], speaker: str, otherwise: str) -> str:
    """The kind the speaker's questions and answers mostly have, else ``otherwise``."""
    kinds = Counter(t.kind for t in turns if t.speaker == speaker and t.kind in SPOKEN_KINDS)
    return kinds.most_common(1)[0][0] if kinds else otherwise


@dataclass(frozen=True)
class MergeTurn(Command):
    """Join turn ``index`` to the turn before it, which keeps its speaker and kind."""

    document_id: int
    index: int

    def apply(self, session: Session, annotator: str) -> Applied:
        before = _state(session, self.document_id)
        turn = before.turn(self.index)
        if self.index == 0:
            raise MergeFirstTurnError()
        previous = before.turns[self.index - 1]._replace(end=turn.end)
        turns = [*before.turns[: self.index - 1], previous, *before.turns[self.index + 1 :]]
        ids = [t.id for t in before.turns]
        turns = [t._replace(id=ids[i]) for i, t in enumerate(turns)]
        return _replace(session, self.document_id, before, turns)


@dataclass(frozen=True)
class RenameSpeaker(Command):
    """Give every turn of ``old`` the name ``new`` (and the interviewee field, if named)."""

    document_id: int
    old: str
    new: str

    def apply(self, session: Session, annotator: str) -> Applied:
        new = speaker_name(self.new)
        old = " ".join(self.old.split())
        before = _state(session, self.document_id)
        if not old or not any(turn.speaker == old for turn in before.turns):
            raise UnknownSpeakerError(name=old)
        turns = [t._replace(speaker=new) if t.speaker == old else t for t in before.turns]
        names = [new if name == old else name for name in _interviewee_names(before.interviewee)]
        interviewee = NAME_SEPARATOR.join(dict.fromkeys(names))
        return _replace(session, self.document_id, before, turns, interviewee)


@dataclass(frozen=True)
class SetInterviewees(Command):
    """Name who is interviewed; their turns become answers and the other labelled
    speakers' questions and answers become questions."""

    document_id: int
    names: tuple[str, ...]

    def apply(self, session: Session, annotator: str) -> Applied:
        names = list(dict.fromkeys(speaker_name(name) for name in self.names))
        interviewee = NAME_SEPARATOR.join(names)
        if not names or len(interviewee) > MAX_NAME:
            raise IntervieweeNamesError(limit=MAX_NAME)
        before = _state(session, self.document_id)
        turns = [
            turn._replace(kind="answer" if turn.speaker in names else "question")
            if turn.speaker and turn.kind in SPOKEN_KINDS
            else turn
            for turn in before.turns
        ]
        return _replace(session, self.document_id, before, turns, interviewee)


@dataclass(frozen=True)
class RedetectTurns(Command):
    """Read the stored text again as the importer does and take the turns it finds."""

    document_id: int

    def apply(self, session: Session, annotator: str) -> Applied:
        before = _state(session, self.document_id)
        from app.importing.layout import parse_interviews  # the importer: when first used

        parsed = parse_interviews(before.text, before.title, split=False)
        if not parsed or parsed[0].text != before.text:
            raise RedetectMismatchError()
        ids = [t.id for t in before.turns]
        turns = [
            TurnSnapshot(
                found.speaker,
                found.kind,
                found.start,
                found.content_start,
                found.end,
                found.timestamp,
                ids[i] if i < len(ids) else None,
            )
            for i, found in enumerate(parsed[0].turns)
        ]
        return _replace(session, self.document_id, before, turns)


def step_name(command: Command) -> str:
    """The undo step's name for one of these commands: JSON [template, arguments]."""
    match command:
        case SetTurnSpeaker():
            parts = [SET_SPEAKER, str(command.index), speaker_name(command.speaker)]
        case SetTurnKind():
            parts = [SET_KIND, str(command.index)]
        case SplitTurn():
            parts = [SPLIT_TURN, str(command.index)]
        case MergeTurn():
            parts = [MERGE_TURN, str(command.index)]
        case RenameSpeaker():
            parts = [RENAME_SPEAKER, command.old, command.new]
        case SetInterviewees():
            parts = [SET_INTERVIEWEES, NAME_SEPARATOR.join(command.names)]
        case RedetectTurns():
            parts = [REDETECT_TURNS]
        case _:
            raise ValueError(f"not a turn edit: {type(command).__name__}")
    return json.dumps(parts, ensure_ascii=False)
