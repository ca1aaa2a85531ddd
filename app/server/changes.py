"""What a team's windows learn of each other's work: a change log row per committed
action, and a PostgreSQL notification naming it.

The notification carries only the row's id and is sent when the transaction commits
(never for one rolled back). A window that missed notifications (asleep, offline) loses
nothing: it compares the log with what it last saw.
"""

from collections.abc import Iterable

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from models import ChangeRecord

CHANNEL = "fangtan_changes"
# Where an action leaves the documents it changed for the change log (Session.info).
CHANGED_DOCUMENTS = "fangtan.changed_documents"


def record_change(session: Session, annotator: str, documents: Iterable[int] | None) -> None:
    """Add the log row of the action being committed in ``session`` and its notification."""
    row = ChangeRecord(
        annotator=annotator,
        documents=",".join(str(number) for number in sorted(set(documents or ()))),
    )
    session.add(row)
    session.flush()
    session.execute(
        text("SELECT pg_notify(:channel, :payload)"), {"channel": CHANNEL, "payload": str(row.id)}
    )


def log_version(session: Session) -> tuple[int, int]:
    """How many actions the log holds and the newest one's id: both change whenever an
    action commits, also one that took an id before another committed first."""
    count, newest = session.execute(
        select(func.count(ChangeRecord.id), func.coalesce(func.max(ChangeRecord.id), 0))
    ).one()
    return int(count), int(newest)
