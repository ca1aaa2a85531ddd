"""The coded passages matching a query, written as an Excel-safe CSV (UTF-8 with a byte
order mark, RFC 4180, formula guard), moved into place only when complete."""

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

from app.exchange.writers.staging import Staging, target_error
from app.exchange.writers.tables import Table, write_table_csv
from app.project import Project
from app.statistics.passages import PassageQuery, passages

COLUMNS = (
    "document_id",
    "document_title",
    "start",
    "end",
    "tag",
    "annotator",
    "speaker",
    "kind",
    "text",
    "note",
    "context",
)
PAGE = 5_000


def _rows(project: Project, query: PassageQuery) -> Iterator[list[Any]]:
    offset = 0
    while True:
        page = passages(project, replace(query, limit=PAGE, offset=offset))
        for found in page:
            yield [
                found.document_id,
                found.document_title,
                found.start,
                found.end,
                found.tag,
                found.annotator,
                found.speaker,
                found.kind,
                found.text,
                found.note,
                found.context,
            ]
        if len(page) < PAGE:
            return
        offset += PAGE


def export_passages(project: Project, query: PassageQuery, target: Path) -> int:
    """Write every passage matching ``query`` (its paging ignored) to ``target``; the rows."""
    staging = Staging()
    try:
        written = write_table_csv(
            Table(list(COLUMNS), _rows(project, replace(query, offset=0)), {}),
            staging.file(target),
        )
        staging.commit()
    except OSError as error:
        staging.discard()
        raise target_error(target, error) from error
    except BaseException:
        staging.discard()
        raise
    return written
