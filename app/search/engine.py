"""Search across a project: any substring of one or more characters, with exact offsets.

A search index narrows the search down to candidate turns: FTS5 in a project file
(app/search/index_sqlite.py), a trigram-indexed table on a server
(app/search/index_postgresql.py). The candidates always include every turn that holds
a hit; the hits themselves come from an exact search in the text of those turns, so
their offsets are code points into the document text (𠮷 and emoji count as one), a hit
never spans two turns, and both engines find the same hits.

Latin letters match regardless of case (GDP finds gdp, Ａ finds ａ). Hits never
overlap: 哈哈 is found once in 哈哈哈. Speaker labels (记者:) are not searched.

The index is kept current by ``index_document`` (called when a document is stored)
and ``unindex_document`` (to be called before a document's turns are deleted). The
first search of an opened project checks that every turn is indexed and indexes
those that are not (projects whose imports predate this module).
"""

import threading
import weakref
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import accumulate
from typing import Protocol

from sqlalchemy import ColumnElement, Connection, Select, func, select
from sqlalchemy.orm import Session

from app.errors import (
    EmptyQueryError,
    FangtanError,
    UnknownDocumentError,
    UnknownTagError,
)
from app.project import Project
from app.search.index_postgresql import PostgresIndex
from app.search.index_sqlite import SqliteIndex
from app.search.index_sqlite import _phrase as _phrase
from app.search.index_sqlite import index_tokens as index_tokens
from app.text_cache import LRU
from models import Annotation, Document, Tag, Turn

CONTEXT = 15  # characters of context on each side of a hit
_CHUNK = 200  # documents whose texts are read at a time


@dataclass(frozen=True)
class Hit:
    """One occurrence: ``start``..``end`` are code points into the document text."""

    document_id: int
    turn_index: int
    start: int
    end: int
    speaker: str
    kind: str
    left: str  # up to CONTEXT characters before the hit, within its turn, newlines as spaces
    hit: str  # the text found, as written in the document
    right: str

    @property
    def context(self) -> str:
        return self.left + self.hit + self.right


# Case folding ------------------------------------------------------------------------

_LATIN_RANGES = ((0x41, 0x5A), (0xC0, 0xDE), (0x100, 0x24F), (0x1E00, 0x1EFF), (0xFF21, 0xFF3A))


def _latin_fold() -> dict[int, int]:
    fold: dict[int, int] = {}
    for first, last in _LATIN_RANGES:
        for code in range(first, last + 1):
            lower = chr(code).lower()
            if len(lower) == 1 and lower != chr(code):
                fold[code] = ord(lower)
    return fold


# Upper-case Latin letters (ASCII, accented, full-width) to their lower case, one
# character to one, so folded text keeps every offset. The index folds case too.
LATIN_FOLD = _latin_fold()
_FOLDABLE = frozenset(map(chr, LATIN_FOLD)) | frozenset(map(chr, LATIN_FOLD.values()))


def _needs_folding(query: str) -> bool:
    return not _FOLDABLE.isdisjoint(query)


# The index of each engine -----------------------------------------------------------------


class SearchIndex(Protocol):
    """What the search asks of an engine's index (app/search/index_*.py)."""

    @property
    def indexed_id(self) -> ColumnElement[int]:
        """The turn id of every row the index holds."""
        ...

    def chars(self, document: str, start: int, content_start: int, end: int) -> str:
        """What the index holds of the turn ``start``..``end`` of ``document``."""
        ...

    def insert(self, session: Session, rows: Sequence[dict[str, object]]) -> None: ...

    def delete(self, session: Session, rows: Sequence[dict[str, object]]) -> None: ...

    def delete_all(self, session: Session) -> None: ...

    def candidates(self, query: str) -> Select[tuple[int]] | None:
        """The ids of the turns that may hold ``query`` (every turn that does, at least);
        None when the index cannot tell and every turn is a candidate."""
        ...

    def text_reader(self, connection: Connection) -> Callable[[int], str]:
        """Reads one document's text by id, on ``connection``."""
        ...


_INDEXES: dict[str, SearchIndex] = {
    "sqlite": SqliteIndex(),
    "postgresql": PostgresIndex(LATIN_FOLD),
}


def _index_of(session: Session) -> SearchIndex:
    return _INDEXES[session.get_bind().dialect.name]


# Keeping the index current -------------------------------------------------------------


def _turn_rows(session: Session, index: SearchIndex, document_id: int) -> list[dict[str, object]]:
    document = session.scalar(select(Document.text).where(Document.id == document_id))
    if document is None:
        raise UnknownDocumentError()
    turns = session.execute(
        select(Turn.id, Turn.start, Turn.content_start, Turn.end).where(
            Turn.document_id == document_id
        )
    )
    return [
        {"id": turn_id, "chars": index.chars(document, start, content_start, end)}
        for turn_id, start, content_start, end in turns
    ]


def index_document(session: Session, document_id: int) -> None:
    """Add every turn of a document just stored to the index (in the caller's transaction)."""
    index = _index_of(session)
    rows = _turn_rows(session, index, document_id)
    if rows:
        index.insert(session, rows)


def unindex_document(session: Session, document_id: int) -> None:
    """Take a document's turns out of the index; call it before deleting them.

    A project file's index keeps no text, so removing a row needs the tokens it was
    made from; they are made again from the document text, which never changes.
    """
    index = _index_of(session)
    rows = _turn_rows(session, index, document_id)
    if rows:
        index.delete(session, rows)


def _indexed_count(session: Session, index: SearchIndex) -> int:
    return session.scalar(select(func.count(index.indexed_id))) or 0


def repair_index(session: Session) -> int:
    """Index the turns the index lacks; returns how many turns were (re)indexed.

    A cheap check first: the number of rows in the index against the number of turns.
    Only when they differ are the missing turns found; rows of turns that no longer
    exist cannot be removed one by one, so then the whole index is rebuilt.
    """
    index = _index_of(session)
    turns = session.scalar(select(func.count()).select_from(Turn)) or 0
    if turns == _indexed_count(session, index):
        return 0
    stale = session.scalar(
        select(func.count(index.indexed_id)).where(index.indexed_id.not_in(select(Turn.id)))
    )
    missing = select(Turn.id, Turn.document_id, Turn.start, Turn.content_start, Turn.end)
    if stale:
        index.delete_all(session)
    else:
        missing = missing.where(Turn.id.not_in(select(index.indexed_id)))
    by_document: dict[int, list[tuple[int, int, int, int]]] = defaultdict(list)
    for turn_id, document_id, start, content_start, end in session.execute(missing):
        by_document[document_id].append((turn_id, start, content_start, end))
    count = 0
    for document_id, document in _texts(session, sorted(by_document)):
        rows: list[dict[str, object]] = [
            {"id": turn_id, "chars": index.chars(document, start, content_start, end)}
            for turn_id, start, content_start, end in by_document[document_id]
        ]
        index.insert(session, rows)
        count += len(rows)
    return count


# Whether each opened project's index can be used (checked, and repaired if need be).
_usable: "weakref.WeakKeyDictionary[Project, bool]" = weakref.WeakKeyDictionary()
_checking = threading.Lock()


def ensure_index(project: Project) -> bool:
    """Check (once per opened project) that every turn is indexed, and repair it if not.

    Returns False when the index lacks turns and cannot be repaired (a read-only
    file, say): the search then reads every turn instead of asking the index.
    """
    with _checking:
        usable = _usable.get(project)
        if usable is None:
            with project.reading() as session:
                turns = session.scalar(select(func.count()).select_from(Turn)) or 0
                usable = turns == _indexed_count(session, _index_of(session))
            if not usable:
                try:
                    with project.writing() as session:
                        repair_index(session)
                    usable = True
                except FangtanError:
                    usable = False
            _usable[project] = usable
        return usable


# Searching ----------------------------------------------------------------------------


# Document texts kept between searches, by id and the SHA-256 they were read under (a
# document replaced under the same id is read again); least recently used ones go first
# once the texts held pass TEXT_CACHE_LIMIT characters.
TextCache = LRU[tuple[int, str], str]
TEXT_CACHE_LIMIT = 16_000_000


def _text_length(_key: tuple[int, str], text: str) -> int:
    return len(text)


_caches: "weakref.WeakKeyDictionary[Project, TextCache]" = weakref.WeakKeyDictionary()


def _cache_of(project: Project) -> TextCache:
    with _checking:
        cache = _caches.get(project)
        if cache is None:
            cache = _caches[project] = LRU(TEXT_CACHE_LIMIT, _text_length)
        return cache


def _texts(session: Session, document_ids: Sequence[int]) -> Iterator[tuple[int, str]]:
    """(id, text) of the given documents, a few at a time, in the order given."""
    for first in range(0, len(document_ids), _CHUNK):
        chunk = document_ids[first : first + _CHUNK]
        rows = dict(
            session.execute(select(Document.id, Document.text).where(Document.id.in_(chunk))).all()
        )
        for document_id in chunk:
            if document_id in rows:
                yield document_id, rows[document_id]


class _Passages:
    """Spans of one tag, read a document at a time: is a hit inside one of them?"""

    def __init__(self, session: Session, tag_id: int) -> None:
        self._session = session
        self._tag_id = tag_id
        self._document_id: int | None = None
        self._starts: list[int] = []
        self._reach: list[int] = []  # the greatest end among the spans starting up to here

    def inside(self, document_id: int, start: int, end: int) -> bool:
        if document_id != self._document_id:
            rows = self._session.execute(
                select(Annotation.start, Annotation.end).where(
                    Annotation.document_id == document_id, Annotation.tag_id == self._tag_id
                )
            )
            spans = sorted((first, last) for first, last in rows)
            self._document_id = document_id
            self._starts = [first for first, _last in spans]
            self._reach = list(accumulate((last for _first, last in spans), max))
        position = bisect_right(self._starts, start)
        return position > 0 and self._reach[position - 1] >= end


def _flat(piece: str) -> str:
    return piece.replace("\r", " ").replace("\n", " ").replace("\t", " ")


def search(
    project: Project,
    query: str,
    document_id: int | None = None,
    tag_id: int | None = None,
    inside: bool = True,
    answers_only: bool = False,
    documents: Iterable[int] | None = None,
    limit: int | None = None,
) -> list[Hit]:
    """Every occurrence of ``query`` in the project, in document and text order.

    ``document_id`` or ``documents`` keep to those documents; ``tag_id`` keeps the
    hits inside passages with that tag (or, with ``inside=False``, the others);
    ``answers_only`` keeps the hits in the interviewees' answers. At most ``limit``
    hits are returned. Surrounding spaces of ``query`` are ignored.
    """
    query = query.strip()
    if not query:
        raise EmptyQueryError()
    if limit is not None and limit <= 0:
        return []
    use_index = ensure_index(project)
    with project.reading() as session:
        return _search(
            session,
            query,
            document_id=document_id,
            tag_id=tag_id,
            inside=inside,
            answers_only=answers_only,
            documents=documents,
            limit=limit,
            use_index=use_index,
            cache=_cache_of(project),
        )


def _search(
    session: Session,
    query: str,
    *,
    document_id: int | None,
    tag_id: int | None,
    inside: bool,
    answers_only: bool,
    documents: Iterable[int] | None,
    limit: int | None,
    use_index: bool,
    cache: TextCache,
) -> list[Hit]:
    turns = select(
        Turn.document_id,
        Turn.index,
        Turn.start,
        Turn.content_start,
        Turn.end,
        Turn.speaker,
        Turn.kind,
    )
    if document_id is not None:
        if session.scalar(select(Document.id).where(Document.id == document_id)) is None:
            raise UnknownDocumentError()
        turns = turns.where(Turn.document_id == document_id)
    if documents is not None:
        turns = turns.where(Turn.document_id.in_(sorted(set(documents))))
    if tag_id is not None and session.get(Tag, tag_id) is None:
        raise UnknownTagError()
    if answers_only:
        turns = turns.where(Turn.kind == "answer")
    search_index = _index_of(session)
    candidates = search_index.candidates(query) if use_index else None
    if candidates is not None:
        turns = turns.where(Turn.id.in_(candidates))
    passages = _Passages(session, tag_id) if tag_id is not None else None
    fold = _needs_folding(query)
    needle = query.translate(LATIN_FOLD) if fold else query
    size = len(needle)
    hits: list[Hit] = []
    # Turns come in text order straight from the database, and each document's text is
    # read when its first turn comes: with a limit, the search stops as soon as it is reached.
    connection = session.connection()
    read_text = search_index.text_reader(connection)
    known = select(Document.id, Document.sha256)
    if document_id is not None:
        known = known.where(Document.id == document_id)
    digests = {found: digest for found, digest in connection.execute(known)}
    rows = connection.execute(turns.order_by(Turn.document_id, Turn.index))
    found_in, document = None, ""
    for in_document, index, turn_start, first, last, speaker, kind in rows:
        if in_document != found_in:
            found_in = in_document
            digest = digests.get(in_document, "")
            cached = cache.get((in_document, digest))
            if cached is None:
                cached = read_text(in_document)
                cache.put((in_document, digest), cached)
            document = cached
        if fold:
            haystack, shift = document[first:last].translate(LATIN_FOLD), first
            position, stop = haystack.find(needle), last - first
        else:
            haystack, shift = document, 0
            position, stop = document.find(needle, first, last), last
        if position < 0:
            continue
        flat = any(document.find(mark, turn_start, last) >= 0 for mark in "\n\r\t")
        while position >= 0:
            start = position + shift
            end = start + size
            if passages is None or passages.inside(in_document, start, end) == inside:
                left = document[max(turn_start, start - CONTEXT) : start]
                right = document[end : min(last, end + CONTEXT)]
                if flat:
                    left, right = _flat(left), _flat(right)
                hits.append(
                    Hit(
                        in_document,
                        index,
                        start,
                        end,
                        speaker,
                        kind,
                        left,
                        document[start:end],
                        right,
                    )
                )
                if limit is not None and len(hits) >= limit:
                    return hits
            position = haystack.find(needle, position + size, stop)
    return hits


def scan(project: Project, query: str) -> list[Hit]:
    """The same hits as ``search`` without the index (every turn read): for comparison."""
    query = query.strip()
    if not query:
        raise EmptyQueryError()
    with project.reading() as session:
        return _search(
            session,
            query,
            document_id=None,
            tag_id=None,
            inside=True,
            answers_only=False,
            documents=None,
            limit=None,
            use_index=False,
            cache=_cache_of(project),
        )
