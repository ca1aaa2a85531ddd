"""The search index of a server project: a table of turn texts with a trigram index.

Migration 0003 makes ``search_index (rowid, chars)`` with a GIN trigram index (pg_trgm)
on ``chars``. A row holds the words of one turn (its speaker label is not searched),
case-folded with the exact search's one-to-one fold, so the candidates for a query are
the turns whose folded words contain the folded query: ``LIKE '%query%'``, which the
trigram index serves for queries of three or more characters (shorter ones may read the
whole table). These are exactly the turns that hold a hit; the exact search still finds
the hits and their offsets.

Rows go with their turns (``ON DELETE CASCADE``); ``delete`` removes them before.
"""

from collections.abc import Callable, Mapping, Sequence

from sqlalchemy import BigInteger, Connection, Select, Text, column, delete, false, select, table
from sqlalchemy import insert as insert_into
from sqlalchemy.orm import Session

from models import Document
from models.assistance import SEARCH_INDEX

_INDEX = table(SEARCH_INDEX, column("rowid", BigInteger), column("chars", Text))
_ESCAPE = "\\"
# PostgreSQL text cannot hold NUL: no stored turn contains a query that does.
_NUL = "\x00"


def like_pattern(needle: str) -> str:
    """A LIKE pattern (escape character ``\\``) for the texts that contain ``needle``."""
    escaped = needle.replace(_ESCAPE, _ESCAPE * 2).replace("%", r"\%").replace("_", r"\_")
    return f"%{escaped}%"


class PostgresIndex:
    """The trigram index: what the search engine asks of the index of a server project."""

    # The turn id of every row the index holds.
    indexed_id = _INDEX.c.rowid

    def __init__(self, fold: Mapping[int, int]) -> None:
        self._fold = fold  # the exact search's case folding, one character to one

    def chars(self, document: str, start: int, content_start: int, end: int) -> str:
        """What a row holds of the turn ``start``..``end`` of ``document``: its words,
        case-folded."""
        return document[content_start:end].translate(self._fold)

    def insert(self, session: Session, rows: Sequence[dict[str, object]]) -> None:
        """Add rows ``{"id": turn id, "chars": ...}``."""
        session.execute(
            insert_into(_INDEX), [{"rowid": row["id"], "chars": row["chars"]} for row in rows]
        )

    def delete(self, session: Session, rows: Sequence[dict[str, object]]) -> None:
        """Remove the rows of the given turns."""
        session.execute(delete(_INDEX).where(_INDEX.c.rowid.in_([row["id"] for row in rows])))

    def delete_all(self, session: Session) -> None:
        session.execute(delete(_INDEX))

    def candidates(self, query: str) -> Select[tuple[int]] | None:
        """The ids of the turns whose folded words contain the folded ``query``."""
        needle = query.translate(self._fold)
        turns = select(_INDEX.c.rowid)
        if _NUL in needle:
            return turns.where(false())
        return turns.where(_INDEX.c.chars.like(like_pattern(needle), escape=_ESCAPE))

    def text_reader(self, connection: Connection) -> Callable[[int], str]:
        """Reads one document's text by id."""
        texts = select(Document.text)

        def read(document_id: int) -> str:
            return connection.execute(texts.where(Document.id == document_id)).scalar_one()

        return read
