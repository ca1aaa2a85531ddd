"""One list of a document's metadata fields (app.dto.DOCUMENT_FIELDS), used by every part
that reads, writes, edits or stores them; one function that stores a document."""

from dataclasses import fields

import pytest
from sqlalchemy import inspect

from app.dto import DOCUMENT_FIELDS, SOURCE_FIELDS, DocumentMeta
from app.editing.document_commands import EDITABLE_FIELDS
from app.exchange.writers.qdpx import VARIABLES
from app.exchange.writers.tables import DOCUMENT_COLUMNS
from app.importing.layout import ParsedTurn
from app.importing.store import content_hash, store_document
from models import Document

pytestmark = pytest.mark.both_backends


def test_every_field_is_a_column_and_meta_holds_them_all() -> None:
    columns = {column.key for column in inspect(Document).columns}
    assert set(DOCUMENT_FIELDS) <= columns
    assert [item.name for item in fields(DocumentMeta)] == [
        "id",
        *DOCUMENT_FIELDS,
        "sha256",
        "imported_at",
    ]
    assert set(SOURCE_FIELDS) <= set(DOCUMENT_FIELDS)


def test_each_use_takes_the_fields_in_the_same_order() -> None:
    assert EDITABLE_FIELDS == (
        "title",
        "subtitle",
        "interviewee",
        "interviewee_role",
        "reporter",
        "series",
        "outlet",
        "published_on",
        "source_url",
        "status",
    )
    in_table = tuple(name for name in DOCUMENT_FIELDS if name != "source_encoding")
    assert DOCUMENT_COLUMNS[1 : 1 + len(in_table)] == in_table
    assert VARIABLES[:-2] == DOCUMENT_FIELDS[1:]


def test_store_document_stores_the_text_turns_and_metadata(project) -> None:
    text = "记者：你好？\n甲：好。"
    turns = [ParsedTurn("记者", "question", 0, 3, 6), ParsedTurn("甲", "answer", 7, 9, 11)]
    with project.writing() as session:
        document_id = store_document(session, text, turns, {"title": "访谈", "series": "栏目"})
    content = project.document(document_id)
    assert content.text == text and content.meta.sha256 == content_hash(text)
    assert (content.meta.title, content.meta.series, content.meta.status) == ("访谈", "栏目", "new")
    assert [(t.speaker, t.kind, t.start, t.end) for t in content.turns] == [
        ("记者", "question", 0, 6),
        ("甲", "answer", 7, 11),
    ]
    with project.writing() as session, pytest.raises(ValueError, match="colour"):
        store_document(session, "别的", [], {"title": "x", "colour": "red"})
