"""Values kept in memory between actions: a small thread-safe LRU cache, and the texts of
the documents used last (they never change after import).

The window thread and its background thread read the same caches, so every cache here
takes a lock for each look-up and each change.
"""

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from models import Document

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


def _one(_key: object, _value: object) -> int:
    return 1


class LRU(Generic[K, V]):
    """The most recently used values, up to ``capacity``; the least recently used go first.

    ``weigh(key, value)`` is an entry's share of the capacity (1 each unless given), and
    the newest entry is always kept, whatever it weighs. ``version`` goes up at every
    ``clear``: a value worked out before a clear is not stored after it (see ``put``).
    ``get`` answers None for a key it does not hold, so None is never stored as a value.
    """

    def __init__(self, capacity: int, weigh: Callable[[K, V], int] = _one) -> None:
        self.capacity = capacity
        self._weigh = weigh
        self._entries: OrderedDict[K, V] = OrderedDict()
        self._weight = 0
        self._version = 0
        self._lock = threading.Lock()

    @property
    def version(self) -> int:
        return self._version

    def get(self, key: K) -> V | None:
        with self._lock:
            value = self._entries.get(key)
            if value is not None:
                self._entries.move_to_end(key)
            return value

    def put(self, key: K, value: V, *, since: int | None = None) -> None:
        """Keep ``value`` for ``key``; unless ``clear`` was called after ``version`` was
        ``since`` (when the value began to be worked out)."""
        with self._lock:
            if since is not None and since != self._version:
                return
            old = self._entries.pop(key, None)
            if old is not None:
                self._weight -= self._weigh(key, old)
            self._entries[key] = value
            self._weight += self._weigh(key, value)
            while self._weight > self.capacity and len(self._entries) > 1:
                dropped, dropped_value = self._entries.popitem(last=False)
                self._weight -= self._weigh(dropped, dropped_value)

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()
            self._weight = 0
            self._version += 1

    def __len__(self) -> int:
        with self._lock:
            return len(self._entries)

    def __contains__(self, key: object) -> bool:
        with self._lock:
            return key in self._entries


class DocumentTexts:
    """The texts of the few most recently used documents, by id."""

    KEY = "fangtan.document_texts"
    SIZE = 4

    def __init__(self) -> None:
        self._texts: LRU[int, str] = LRU(self.SIZE)

    def get(self, session: Session, document_id: int) -> str | None:
        text = self._texts.get(document_id)
        if text is not None:
            return text
        text = session.scalar(select(Document.text).where(Document.id == document_id))
        if text is not None:
            self._texts.put(document_id, text)
        return text


def document_text(session: Session, document_id: int) -> str | None:
    """A document's text, from the project's cache when the session has one."""
    texts = session.info.get(DocumentTexts.KEY)
    if isinstance(texts, DocumentTexts):
        return texts.get(session, document_id)
    return session.scalar(select(Document.text).where(Document.id == document_id))


def has_text_cache(session: Session) -> bool:
    return isinstance(session.info.get(DocumentTexts.KEY), DocumentTexts)
