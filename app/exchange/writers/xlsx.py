"""The three tables as sheets of one Excel workbook, written row by row (openpyxl write-only).

Text cells are stored as text, never as formulas, so nothing needs an apostrophe. Tag
cells are filled with a light tint of the tag's colour: the tag cell and the passage in
the annotation sheet, and the header and every 1 or non-zero count in the other two.
"""

import contextlib
import re
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font, PatternFill

from app.exchange.progress import Reporter
from app.exchange.writers.corpus import Corpus, TagRecord
from app.exchange.writers.options import ExportSummary
from app.exchange.writers.tables import (
    ANNOTATION_COLUMNS,
    SHEET_NAMES,
    Table,
    annotation_table,
    document_table,
    turn_table,
)

EXCEL_CELL_LIMIT = 32767
# Characters an .xlsx cannot hold (XML 1.0 forbids them); openpyxl refuses them.
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_BOLD = Font(bold=True)


def tint(color: str, strength: float = 0.45) -> str:
    """``#rrggbb`` mixed with white, as openpyxl's ARGB."""
    channels = [int(color[index : index + 2], 16) for index in (1, 3, 5)]
    mixed = [round(255 - (255 - channel) * strength) for channel in channels]
    return "FF" + "".join(f"{channel:02X}" for channel in mixed)


class _Sheet:
    def __init__(self, sheet: Any, summary: ExportSummary) -> None:  # a write-only worksheet
        self.sheet = sheet
        self.summary = summary
        self._fills: dict[str, PatternFill] = {}

    def fill(self, color: str) -> PatternFill:
        if color not in self._fills:
            argb = tint(color)
            self._fills[color] = PatternFill("solid", start_color=argb, end_color=argb)
        return self._fills[color]

    def cell(self, value: Any, color: str | None = None, bold: bool = False) -> WriteOnlyCell:
        if isinstance(value, str):
            value, replaced = _ILLEGAL.subn("\ufffd", value)
            if replaced:
                self.summary.warn("xlsx_characters")
            if len(value) > EXCEL_CELL_LIMIT:
                value = value[:EXCEL_CELL_LIMIT]
                self.summary.warn("xlsx_truncated")
        cell = WriteOnlyCell(self.sheet, value=value)
        if isinstance(value, str):
            cell.data_type = "s"  # text, even when it starts with "="
        if color:
            cell.fill = self.fill(color)
        if bold:
            cell.font = _BOLD
        return cell


def _write_sheet(
    workbook: Workbook,
    title: str,
    table: Table,
    tag_colors: dict[str, str],
    summary: ExportSummary,
) -> None:
    sheet = workbook.create_sheet(title)
    sheet.freeze_panes = "A2"
    writer = _Sheet(sheet, summary)
    tags: dict[int, TagRecord] = table.tag_columns
    sheet.append(
        [
            writer.cell(name, tags[index].color if index in tags else None, bold=True)
            for index, name in enumerate(table.headers)
        ]
    )
    tinted = {table.tag_name_column, _TEXT_COLUMN}
    for row in table.rows:
        row_color = None
        if table.tag_name_column is not None:
            row_color = tag_colors.get(row[table.tag_name_column])
        cells = []
        for index, value in enumerate(row):
            color = None
            if index in tags:
                color = tags[index].color if value else None
            elif row_color is not None and index in tinted:
                color = row_color
            cells.append(writer.cell(value, color))
        sheet.append(cells)


_TEXT_COLUMN = ANNOTATION_COLUMNS.index("text")  # tinted with the row's tag


def write_xlsx(corpus: Corpus, path: Path, reporter: Reporter, summary: ExportSummary) -> None:
    names = SHEET_NAMES[corpus.options.headers]
    colors = {tag.name: tag.color for tag in corpus.all_tags}
    workbook = Workbook(write_only=True)
    annotations = ExportSummary(summary.format, summary.target)
    turns = ExportSummary(summary.format, summary.target)
    documents = ExportSummary(summary.format, summary.target)
    tables = (
        annotation_table(corpus, reporter, annotations),
        turn_table(corpus, reporter, turns),
        document_table(corpus, reporter, documents),
    )
    try:
        for name, table in zip(names, tables, strict=True):
            _write_sheet(workbook, name, table, colors, summary)
        workbook.save(path)
    except BaseException:
        _abandon(workbook)
        raise
    summary.annotations += annotations.annotations
    summary.documents += documents.documents
    summary.rows += annotations.annotations + turns.rows + documents.rows


def _abandon(workbook: Workbook) -> None:
    """Close the sheets of a workbook that will not be saved and remove their temporary files."""
    for sheet in workbook.worksheets:
        if getattr(sheet, "closed", True):
            continue
        with contextlib.suppress(Exception):
            sheet.close()
        sheet_file = temporary_file(sheet)
        if sheet_file is not None:
            sheet_file.unlink(missing_ok=True)


def temporary_file(sheet: Any) -> Path | None:
    """The temporary file a write-only sheet streams its rows to until the workbook is saved.

    openpyxl has no public way to name it, nor to remove it without saving (it removes
    what is left only when the program exits): this is the one place that reads its
    writer's ``out``; tests/app/test_export_tables.py fails if openpyxl changes it.
    """
    out = getattr(getattr(sheet, "_writer", None), "out", None)
    return Path(out) if isinstance(out, str) else None
