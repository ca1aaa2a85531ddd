"""Row versions of tags, documents and annotations: who changed a row last, and refusing an
edit made from a view that no longer shows the row as it is.

Every change made through the ORM counts the row's ``version`` up (SQLAlchemy's
``version_id_col``) and, through the listener below, names the acting annotator in
``changed_by``. An edit that says which version it was made from (the window's view; an
undo step, from the version its change left) is refused when someone else changed the
row since. Versions only grow: a row brought back by an undo gets the version it had.
"""

from collections import defaultdict

from sqlalchemy import update
from sqlalchemy.orm import Session, UOWTransaction

from app.errors import StaleEditByUnknownError, StaleEditError
from models import Annotation, Document, Tag

# session.info key: the annotator whose action the session writes.
ACTING_ANNOTATOR = "fangtan_acting_annotator"
VERSIONED = (Annotation, Document, Tag)
_CHUNK = 500

Versioned = Annotation | Document | Tag


def stamp_changed_by(session: Session, _context: UOWTransaction, _instances: object) -> None:
    """Before each flush: name the acting annotator on every versioned row written."""
    who = session.info.get(ACTING_ANNOTATOR)
    if who is None:
        return
    for row in session.new:
        if isinstance(row, VERSIONED):
            row.changed_by = who
    for row in session.dirty:
        if isinstance(row, VERSIONED) and session.is_modified(row, include_collections=False):
            row.changed_by = who


def stale_edit(name: str) -> StaleEditError:
    """The one-line refusal naming who changed the row, when that is known."""
    return StaleEditError(name=name) if name else StaleEditByUnknownError()


def check_version(row: Versioned, expected: int | None, annotator: str) -> None:
    """Refuse the edit when it was made from version ``expected`` and someone other than
    ``annotator`` changed the row since.

    A row whose newest change is the annotator's own is theirs to change further: their
    undo history takes their steps back in order (each undo counts the version up again),
    and their window reads what they did.
    """
    if expected is not None and row.version != expected and row.changed_by != annotator:
        raise stale_edit(row.changed_by)


def version_after(session: Session, row: Versioned) -> int:
    """The row's version once the change made to it so far is written."""
    session.flush()
    return row.version


def restore_versions(
    session: Session, model: type[Annotation] | type[Tag], versions: dict[int, int | None]
) -> None:
    """Give rows just brought back (by id) the versions they had when they were removed, so
    steps made from those versions apply again; an insert always starts at 1."""
    by_version: dict[int, list[int]] = defaultdict(list)
    for row_id, version in versions.items():
        if version is not None and version != 1:
            by_version[version].append(row_id)
    for version, ids in by_version.items():
        for first in range(0, len(ids), _CHUNK):
            session.execute(
                update(model)
                .where(model.id.in_(ids[first : first + _CHUNK]))
                .values(version=version)
                .execution_options(synchronize_session="evaluate")
            )
