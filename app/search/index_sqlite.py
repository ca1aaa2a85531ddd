"""The search index of a project file: an SQLite FTS5 table (made by migration 0003).

Every turn is stored as a string of single-character tokens (``index_text``), so a query
becomes a phrase of characters and finds the turns that contain it, two-character words
included. The tokenizer folds case and drops spaces and punctuation on both sides, so a
candidate turn may not hold the query exactly (经济发展 is a candidate for 经济,发展); the
exact search decides. A query made only of such characters cannot use the index at all:
then every turn is a candidate.

The table keeps no text (``content=''``): a row is removed by giving the tokens it was
made from again, and the turns it holds are read from its ``docsize`` shadow table.
"""

import sqlite3
from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import cast

from sqlalchemy import Connection, Select, column, select, table, text
from sqlalchemy.orm import Session

from models.assistance import SEARCH_INDEX, index_text

_INDEX = table(SEARCH_INDEX, column("rowid"))
_DOCSIZE = table(f"{SEARCH_INDEX}_docsize", column("id"))
_INSERT = text(f"INSERT INTO {SEARCH_INDEX} (rowid, chars) VALUES (:id, :chars)")
_DELETE = text(
    f"INSERT INTO {SEARCH_INDEX} ({SEARCH_INDEX}, rowid, chars) VALUES ('delete', :id, :chars)"
)
_DELETE_ALL = text(f"INSERT INTO {SEARCH_INDEX} ({SEARCH_INDEX}) VALUES ('delete-all')")


@lru_cache(maxsize=256)
def index_tokens(query: str) -> tuple[str, ...]:
    """The tokens SQLite's tokenizer keeps of ``query`` (characters, case-folded).

    Asked of SQLite itself (an in-memory FTS5 table with the same tokenizer), so the
    answer is exactly what the index holds, whatever Unicode version SQLite knows.
    """
    connection = sqlite3.connect(":memory:")
    try:
        connection.execute(
            "CREATE VIRTUAL TABLE probe USING fts5(chars, content='', tokenize='unicode61')"
        )
        connection.execute("CREATE VIRTUAL TABLE words USING fts5vocab(probe, 'instance')")
        connection.execute("INSERT INTO probe (rowid, chars) VALUES (1, ?)", (index_text(query),))
        rows = connection.execute("SELECT term FROM words ORDER BY offset").fetchall()
    finally:
        connection.close()
    return tuple(term for (term,) in rows)


def _phrase(tokens: Sequence[str]) -> str:
    """An FTS5 phrase of single characters ("党 建"): the characters next to each other."""
    return '"' + " ".join(token.replace('"', '""') for token in tokens) + '"'


class SqliteIndex:
    """The FTS5 index: what the search engine asks of the index of a project file."""

    # The turn id of every row the index holds.
    indexed_id = _DOCSIZE.c.id

    def chars(self, document: str, start: int, content_start: int, end: int) -> str:
        """What a row holds of the turn ``start``..``end`` of ``document``: the whole turn,
        speaker label included (as migration 0003 made the rows), one token a character."""
        return index_text(document[start:end])

    def insert(self, session: Session, rows: Sequence[dict[str, object]]) -> None:
        """Add rows ``{"id": turn id, "chars": ...}``."""
        session.execute(_INSERT, rows)

    def delete(self, session: Session, rows: Sequence[dict[str, object]]) -> None:
        """Remove rows, given exactly as they were added."""
        session.execute(_DELETE, rows)

    def delete_all(self, session: Session) -> None:
        session.execute(_DELETE_ALL)

    def candidates(self, query: str) -> Select[tuple[int]] | None:
        """The ids of the turns that may hold ``query``; None when every turn may."""
        tokens = index_tokens(query)
        if not tokens:
            return None
        matching = text(f"{SEARCH_INDEX} MATCH :phrase").bindparams(phrase=_phrase(tokens))
        return select(_INDEX.c.rowid).where(matching)

    def text_reader(self, connection: Connection) -> Callable[[int], str]:
        """Reads one document's text by id, on the driver's connection: without the ORM's
        cost, which counts when a search reads many texts."""
        raw = cast(sqlite3.Connection, connection.connection.driver_connection)

        def read(document_id: int) -> str:
            (found,) = raw.execute(
                "SELECT text FROM documents WHERE id = ?", (document_id,)
            ).fetchone()
            return cast(str, found)

        return read
