"""A table of the overview as shown (its header row, then its rows) written as text for
the clipboard, as an Excel-safe CSV (UTF-8 with a byte order mark, RFC 4180, formula
guard) or as an Excel workbook (text stored as text); files are moved into place only
when complete.

The writers (openpyxl and the export machinery) are imported when a table is first
written, not when the window that shows the overview is built: they cost 0.4 s of start-up.
"""

import csv
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from openpyxl.cell import WriteOnlyCell

Value = str | int | float

# Characters an .xlsx cannot hold (XML 1.0 forbids them).
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


@dataclass(frozen=True)
class ShownTable:
    """``headers`` above the rows; every row as long as the headers."""

    title: str
    headers: tuple[str, ...]
    rows: tuple[tuple[Value, ...], ...]


def table_text(table: ShownTable) -> str:
    """Tab-separated lines, as spreadsheets paste them (cells guarded against formulas)."""
    stream = io.StringIO()
    writer = csv.writer(stream, dialect="excel-tab", lineterminator="\n")
    from app.exchange.writers.tables import neutralize

    writer.writerow([neutralize(value) for value in table.headers])
    writer.writerows([neutralize(value) for value in row] for row in table.rows)
    return stream.getvalue()


def _cell(sheet: object, value: Value, bold: bool = False) -> "WriteOnlyCell":
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    if isinstance(value, str):
        value = _ILLEGAL.sub("\ufffd", value)
    cell = WriteOnlyCell(sheet, value=value)
    if isinstance(value, str):
        cell.data_type = "s"  # text, even when it starts with "="
    if bold:
        cell.font = Font(bold=True)
    return cell


def _sheet_name(title: str) -> str:
    """The title without the characters Excel refuses in a sheet name, at most 31 long."""
    name = _ILLEGAL.sub("", re.sub(r"[\\/*?:\[\]]", " ", title)).strip()[:31]
    return name or "Sheet"


def _write_xlsx(table: ShownTable, path: Path) -> None:
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(_sheet_name(table.title))
    sheet.freeze_panes = "B2"
    sheet.append([_cell(sheet, value, bold=True) for value in table.headers])
    for row in table.rows:
        sheet.append([_cell(sheet, value) for value in row])
    workbook.save(path)


def _write_csv(table: ShownTable, path: Path) -> None:
    from app.exchange.writers.tables import Table, write_table_csv

    rows = iter([list(row) for row in table.rows])
    write_table_csv(Table(list(table.headers), rows, {}), path)


def write_table(table: ShownTable, target: Path) -> None:
    """Write ``table`` to ``target``: an Excel workbook when it ends in .xlsx, else CSV."""
    from app.exchange.writers.staging import Staging, target_error

    staging = Staging()
    write = _write_xlsx if target.suffix.lower() == ".xlsx" else _write_csv
    try:
        write(table, staging.file(target))
        staging.commit()
    except OSError as error:
        staging.discard()
        raise target_error(target, error) from error
    except BaseException:
        staging.discard()
        raise


def shown(title: str, headers: Sequence[str], rows: Sequence[Sequence[Value]]) -> ShownTable:
    """A ShownTable from any sequences."""
    return ShownTable(title, tuple(headers), tuple(tuple(row) for row in rows))
