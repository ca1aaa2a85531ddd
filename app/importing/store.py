"""Storing one document with its turns, for every kind of import (interviews, annotation
files): its row, its turns, and its words in the search index, in the caller's
transaction."""

import hashlib
from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import insert
from sqlalchemy.orm import Session

from app.dto import DOCUMENT_FIELDS
from app.importing.layout import ParsedTurn
from app.search.engine import index_document
from models import Document, Turn


def content_hash(text: str) -> str:
    """The SHA-256 that tells documents apart by their text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def store_document(
    session: Session,
    text: str,
    turns: Sequence[ParsedTurn],
    metadata: Mapping[str, Any],
    *,
    sha256: str | None = None,
    document_id: int | None = None,
) -> int:
    """Add a document holding ``text`` exactly, with ``turns`` and ``metadata`` (names from
    DOCUMENT_FIELDS; a field left out gets its default); returns its id.

    ``sha256`` is the text's content_hash when the caller has it already; ``document_id``
    asks for that id (the caller makes sure it is free).
    """
    unknown = set(metadata) - set(DOCUMENT_FIELDS)
    if unknown:
        raise ValueError(f"not document fields: {sorted(unknown)}")
    document = Document(sha256=sha256 or content_hash(text), text=text, **metadata)
    if document_id is not None:
        document.id = document_id
    session.add(document)
    session.flush()
    if turns:
        session.execute(
            insert(Turn),
            [
                {
                    "document_id": document.id,
                    "index": index,
                    "speaker": turn.speaker,
                    "kind": turn.kind,
                    "start": turn.start,
                    "content_start": turn.content_start,
                    "end": turn.end,
                    "timestamp": turn.timestamp,
                }
                for index, turn in enumerate(turns)
            ],
        )
    index_document(session, document.id)
    return document.id
