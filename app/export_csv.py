"""Annotations as CSV that Excel opens with Chinese intact.

UTF-8 with a byte order mark, RFC 4180 quoting (CRLF rows, newlines kept inside
quoted cells). A text cell that starts with = + - @ or a tab/carriage return is
prefixed with an apostrophe so spreadsheet programs show it instead of running it
as a formula. The file is written beside the target and moved into place, so a
failed export never leaves half a file.
"""

import csv
import os
import tempfile
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from app import queries
from app.dto import TurnInfo
from app.errors import ExportTargetError
from app.project import Project
from app.turns import turn_for_span
from models import Annotation, Annotator, Document, Tag

COLUMNS = (
    "document_id",
    "document_title",
    "interviewee",
    "interviewee_role",
    "speaker",
    "turn_index",
    "start",
    "end",
    "text",
    "tag",
    "note",
    "annotator",
    "created_at",
    "updated_at",
)
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralize(value: Any) -> Any:
    """Keep spreadsheet programs from evaluating a text cell as a formula."""
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return value


def _timestamp(value: datetime) -> str:
    return value.isoformat(timespec="seconds")


def annotation_rows(project: Project) -> Iterator[tuple[Any, ...]]:
    """One row per annotation, ordered by document and position, streamed from the file."""
    statement = (
        select(
            Annotation.document_id,
            Document.title,
            Document.interviewee,
            Document.interviewee_role,
            Annotation.start,
            Annotation.end,
            Annotation.text,
            Tag.name,
            Annotation.note,
            func.coalesce(Annotator.name, ""),
            Annotation.created_at,
            Annotation.updated_at,
        )
        .join(Document, Document.id == Annotation.document_id)
        .join(Tag, Tag.id == Annotation.tag_id)
        .outerjoin(Annotator, Annotator.id == Annotation.annotator_id)
        .order_by(Annotation.document_id, Annotation.start, Annotation.end, Annotation.id)
        .execution_options(yield_per=2000)
    )
    with project.reading() as session:
        current_document = None
        turns: list[TurnInfo] = []
        starts: list[int] = []
        for row in session.execute(statement):
            (
                document_id,
                title,
                interviewee,
                role,
                start,
                end,
                text,
                tag,
                note,
                who,
                created,
                updated,
            ) = row
            if document_id != current_document:
                current_document = document_id
                turns = queries.document_turns(session, document_id)
                starts = [turn.start for turn in turns]
            turn = turn_for_span(turns, starts, start, end)
            yield (
                document_id,
                title,
                interviewee,
                role,
                turn.speaker if turn else "",
                turn.index if turn else "",
                start,
                end,
                text,
                tag,
                note,
                who,
                _timestamp(created),
                _timestamp(updated),
            )


def write_csv(project: Project, target: Path, progress: Callable[[int], None] | None = None) -> int:
    """Write every annotation to ``target``; returns the number of rows."""
    target = Path(target)
    directory = target.parent if str(target.parent) else Path(".")
    try:
        handle, temporary = tempfile.mkstemp(
            prefix=f".{target.name}.", suffix=".part", dir=directory
        )
    except OSError as error:
        raise ExportTargetError(path=str(target), detail=error.strerror or str(error)) from error
    count = 0
    try:
        with os.fdopen(handle, "w", encoding="utf-8-sig", newline="") as stream:
            writer = csv.writer(stream, lineterminator="\r\n")
            writer.writerow(COLUMNS)
            for row in annotation_rows(project):
                writer.writerow([neutralize(value) for value in row])
                count += 1
                if progress is not None and count % 5000 == 0:
                    progress(count)
        os.replace(temporary, target)
    except OSError as error:
        Path(temporary).unlink(missing_ok=True)
        raise ExportTargetError(path=str(target), detail=error.strerror or str(error)) from error
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return count
