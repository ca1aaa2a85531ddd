"""Codebooks as CSV: one row a tag, parents named, for editing in a spreadsheet.

Written like Fangtan's other CSV files: UTF-8 with a byte order mark, RFC 4180 quoting,
and a leading apostrophe on cells a spreadsheet would take for a formula (taken off again
when read). Read: UTF-8 (with or without the mark), else GB18030 as Excel writes on Chinese
Windows; only the ``name`` column is required, and column names are read in any case.
"""

import csv
import io
from pathlib import Path

from app.exchange.codebook.entries import CodebookEntry, checked_entries, read_limited
from app.exchange.codebook.errors import CodebookFileError
from app.exchange.writers.tables import neutralize

COLUMNS = (
    "name",
    "parent",
    "color",
    "shortcut",
    "description",
    "use_when",
    "avoid_when",
    "example",
    "archived",
)
_TEXT = COLUMNS[:-1]
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_TRUE = {"true", "yes", "1", "x", "是", "y"}
_FALSE = {"", "false", "no", "0", "否", "n"}


def write_codebook_csv(entries: list[CodebookEntry], path: Path) -> None:
    with path.open("w", encoding="utf-8-sig", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(COLUMNS)
        for entry in entries:
            row = [neutralize(getattr(entry, column) or "") for column in _TEXT]
            writer.writerow([*row, "true" if entry.archived else "false"])


def _cell(value: str | None) -> str:
    value = value or ""
    if value.startswith("'") and value[1:2] and value[1:2] in _FORMULA_STARTS:
        return value[1:]
    return value


def read_codebook_csv(path: Path) -> list[CodebookEntry]:
    raw = read_limited(path)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = raw.decode("gb18030")
        except UnicodeDecodeError as error:
            raise CodebookFileError(
                path=str(path), detail="neither UTF-8 nor GB18030 text"
            ) from error
    try:
        rows = list(csv.reader(io.StringIO(text, newline="")))
    except csv.Error as error:
        raise CodebookFileError(path=str(path), detail=f"not CSV: {error}") from error
    if not rows:
        raise CodebookFileError(path=str(path), detail="the file is empty")
    header = [cell.strip().lower() for cell in rows[0]]
    if "name" not in header:
        raise CodebookFileError(path=str(path), detail="no name column")
    where = {column: header.index(column) for column in COLUMNS if column in header}
    entries: list[CodebookEntry] = []
    for number, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        values = {
            column: _cell(row[index]) if index < len(row) else "" for column, index in where.items()
        }
        flag = values.pop("archived", "").strip().lower()
        if flag not in _TRUE | _FALSE:
            raise CodebookFileError(
                path=str(path), detail=f"row {number}: archived is “{flag}”, not true or false"
            )
        entries.append(
            CodebookEntry(
                name=values.pop("name"),
                parent=values.pop("parent", "") or None,
                color=values.pop("color", "") or None,
                archived=flag in _TRUE,
                **values,
            )
        )
    return checked_entries(path, entries)
