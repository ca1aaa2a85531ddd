"""The three tables (annotations, turns, documents) and their CSV files.

CSV files are UTF-8 with a byte order mark so that Excel shows the Chinese, quoted as
RFC 4180 says (CRLF between rows, line breaks kept inside quoted cells). A text cell
starting with = + - @ or a tab/carriage return gets a leading apostrophe so spreadsheet
programs show it instead of running it as a formula; every other cell is written as
stored.
"""

import csv
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from app.dto import DOCUMENT_FIELDS, TurnInfo
from app.exchange.progress import Reporter
from app.exchange.writers.corpus import AnnotationRecord, Corpus, DocumentRecord, TagRecord
from app.exchange.writers.options import ExportSummary
from app.turns import turn_for_span
from models import Annotation, Annotator, Document, Tag

ANNOTATION_COLUMNS = (
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
    "source",
)
TURN_COLUMNS = (
    "document_id",
    "document_title",
    "turn_index",
    "speaker",
    "role",
    "question",
    "text",
)
# The document's metadata (without its encoding), then what is counted.
DOCUMENT_COLUMNS = (
    "document_id",
    *(name for name in DOCUMENT_FIELDS if name != "source_encoding"),
    "imported_at",
    "characters",
    "turns",
    "annotations",
)
SPLIT_COLUMN = "split"

CHINESE_HEADERS = {
    "document_id": "文档编号",
    "document_title": "文档标题",
    "interviewee": "受访者",
    "interviewee_role": "受访者职务",
    "speaker": "发言人",
    "turn_index": "发言序号",
    "start": "起点",
    "end": "终点",
    "text": "文本",
    "tag": "标签",
    "note": "备注",
    "annotator": "标注者",
    "created_at": "创建时间",
    "updated_at": "修改时间",
    "source": "来源",
    "role": "角色",
    "question": "所答问题",
    "title": "标题",
    "subtitle": "副标题",
    "reporter": "记者",
    "series": "栏目",
    "outlet": "媒体",
    "published_on": "发表日期",
    "source_url": "来源网址",
    "source_name": "来源文件",
    "source_format": "来源格式",
    "status": "状态",
    "imported_at": "导入时间",
    "characters": "字数",
    "turns": "发言数",
    "annotations": "标注数",
    "split": "数据集",
}
SHEET_NAMES = {
    "en": ("Annotations", "Turns", "Documents"),
    "zh": ("标注", "发言", "文档"),
}

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralize(value: Any) -> Any:
    """Keep spreadsheet programs from evaluating a text cell as a formula."""
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return value


def timestamp(value: datetime) -> str:
    return value.isoformat(timespec="seconds")


def header(column: str, language: str) -> str:
    return CHINESE_HEADERS[column] if language == "zh" else column


@dataclass
class Table:
    """A header and streamed rows; ``tag_columns`` maps column positions to their tag."""

    headers: list[str]
    rows: Iterator[list[Any]]
    tag_columns: dict[int, TagRecord]
    tag_name_column: int | None = None  # the column holding each row's tag name


def _headers(columns: Sequence[str], corpus: Corpus) -> list[str]:
    language = corpus.options.headers
    names = [header(column, language) for column in columns]
    return names


def _tag_headers(tags: list[TagRecord], taken: list[str]) -> list[str]:
    """Tag names as column headers; a name equal to a fixed column gets a ``tag:`` prefix."""
    return [f"tag:{tag.name}" if tag.name in taken else tag.name for tag in tags]


# Annotations -----------------------------------------------------------------------


def annotation_table(corpus: Corpus, reporter: Reporter, summary: ExportSummary) -> Table:
    columns = list(ANNOTATION_COLUMNS)
    if corpus.options.split_column:
        columns.append(SPLIT_COLUMN)
    return Table(
        headers=_headers(columns, corpus),
        rows=_annotation_rows(corpus, reporter, summary),
        tag_columns={},
        tag_name_column=ANNOTATION_COLUMNS.index("tag"),
    )


def _annotation_rows(
    corpus: Corpus, reporter: Reporter, summary: ExportSummary
) -> Iterator[list[Any]]:
    """One row per annotation, ordered by document and position, streamed from the file."""
    statement = corpus.filter_annotations(
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
            Annotation.source,
        )
        .join(Document, Document.id == Annotation.document_id)
        .join(Tag, Tag.id == Annotation.tag_id)
        .outerjoin(Annotator, Annotator.id == Annotation.annotator_id)
        .order_by(Annotation.document_id, Annotation.start, Annotation.end, Annotation.id)
        .execution_options(yield_per=2000)
    )
    splits = {document.id: document.split for document in corpus.documents}
    split_column = corpus.options.split_column
    include_notes = corpus.options.include_notes
    current_document = None
    turns: list[TurnInfo] = []
    starts: list[int] = []
    documents: set[int] = set()
    for row in corpus.session.execute(statement):
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
            origin,
        ) = row
        if document_id not in splits:
            continue
        if document_id != current_document:
            current_document = document_id
            turns = corpus.turns(document_id)
            starts = [turn.start for turn in turns]
            documents.add(document_id)
        turn = turn_for_span(turns, starts, start, end)
        values: list[Any] = [
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
            note if include_notes else "",
            who,
            timestamp(created),
            timestamp(updated),
            origin,
        ]
        if split_column:
            values.append(splits[document_id])
        summary.annotations += 1
        yield values
        reporter.advance()
    summary.documents = len(documents)


# Turns -----------------------------------------------------------------------------


def _turn_flags(turns: list[TurnInfo], annotations: list[AnnotationRecord]) -> list[set[int]]:
    """For each turn, the ids of the tags whose annotations overlap what the speaker says."""
    flags: list[set[int]] = [set() for _ in turns]
    ends = [turn.end for turn in turns]
    for annotation in annotations:
        index = bisect_right(ends, annotation.start)
        while index < len(turns) and turns[index].content_start < annotation.end:
            turn = turns[index]
            if turn.content_start < turn.end and annotation.start < turn.end:
                flags[index].add(annotation.tag_id)
            index += 1
    return flags


def _flag_table(columns: Sequence[str], corpus: Corpus, rows: Iterator[list[Any]]) -> Table:
    """A table of ``columns``, then a 0/1 column per tag, then the split when asked for."""
    headers = _headers(list(columns), corpus)
    tag_headers = _tag_headers(corpus.tags, [*headers, *columns])
    tag_columns = {len(headers) + offset: tag for offset, tag in enumerate(corpus.tags)}
    headers += tag_headers
    if corpus.options.split_column:
        headers.append(header(SPLIT_COLUMN, corpus.options.headers))
    return Table(headers, rows, tag_columns)


def turn_table(corpus: Corpus, reporter: Reporter, summary: ExportSummary) -> Table:
    return _flag_table(TURN_COLUMNS, corpus, _turn_rows(corpus, reporter, summary))


def _turn_rows(corpus: Corpus, reporter: Reporter, summary: ExportSummary) -> Iterator[list[Any]]:
    split_column = corpus.options.split_column
    for data in corpus:
        document = data.record
        flags = _turn_flags(data.turns, data.annotations)
        question = ""
        for turn, tag_ids in zip(data.turns, flags, strict=True):
            content = data.text[turn.content_start : turn.end]
            row: list[Any] = [
                document.id,
                document.title,
                turn.index,
                turn.speaker,
                turn.kind,
                question if turn.kind == "answer" else "",
                content,
            ]
            row.extend(1 if tag.id in tag_ids else 0 for tag in corpus.tags)
            if split_column:
                row.append(document.split)
            if turn.kind == "question":
                question = content
            summary.rows += 1
            yield row
        summary.documents += 1
        summary.annotations += len(data.annotations)
        reporter.advance()


# Documents -------------------------------------------------------------------------


def document_table(corpus: Corpus, reporter: Reporter, summary: ExportSummary) -> Table:
    return _flag_table(DOCUMENT_COLUMNS, corpus, _document_rows(corpus, reporter, summary))


_METADATA_COLUMNS = DOCUMENT_COLUMNS[1 : DOCUMENT_COLUMNS.index("imported_at")]


def _metadata_cell(document: DocumentRecord, name: str) -> Any:
    value = getattr(document, name)
    if name == "published_on":
        return value.isoformat() if value else ""
    return value


def _document_rows(
    corpus: Corpus, reporter: Reporter, summary: ExportSummary
) -> Iterator[list[Any]]:
    lengths = corpus.lengths()
    turn_counts = corpus.turn_counts()
    tag_counts = corpus.tag_counts()
    selected = {tag.id for tag in corpus.tags}
    totals: dict[int, int] = {}
    for (document_id, tag_id), count in tag_counts.items():
        if tag_id in selected:
            totals[document_id] = totals.get(document_id, 0) + count
    for document in corpus.documents:
        row: list[Any] = [
            document.id,
            *(_metadata_cell(document, name) for name in _METADATA_COLUMNS),
            timestamp(document.imported_at),
            lengths.get(document.id, 0),
            turn_counts.get(document.id, 0),
            totals.get(document.id, 0),
        ]
        row.extend(tag_counts.get((document.id, tag.id), 0) for tag in corpus.tags)
        if corpus.options.split_column:
            row.append(document.split)
        summary.rows += 1
        summary.documents += 1
        summary.annotations += totals.get(document.id, 0)
        yield row
        reporter.advance()


# CSV -------------------------------------------------------------------------------


def write_table_csv(table: Table, path: Path) -> int:
    """Write ``table`` to ``path``; returns the number of rows."""
    count = 0
    with path.open("w", encoding="utf-8-sig", newline="") as stream:
        writer = csv.writer(stream, lineterminator="\r\n")
        writer.writerow([neutralize(value) for value in table.headers])
        for row in table.rows:
            writer.writerow([neutralize(value) for value in row])
            count += 1
    return count
