"""Annotations as CSV that Excel opens with Chinese intact (the ``csv`` export format).

UTF-8 with a byte order mark, RFC 4180 quoting (CRLF rows, newlines kept inside
quoted cells). A text cell that starts with = + - @ or a tab/carriage return is
prefixed with an apostrophe so spreadsheet programs show it instead of running it
as a formula. The file is written beside the target and moved into place, so a
failed export never leaves half a file. The code lives in app.exchange; this
module keeps the original entry point.
"""

from collections.abc import Callable
from pathlib import Path

from app.exchange.formats import CSV_PROGRESS_STEP, export
from app.exchange.options import ExportOptions
from app.exchange.tables import ANNOTATION_COLUMNS, neutralize
from app.project import Project

COLUMNS = ANNOTATION_COLUMNS

__all__ = ["COLUMNS", "neutralize", "write_csv"]


def write_csv(project: Project, target: Path, progress: Callable[[int], None] | None = None) -> int:
    """Write every annotation to ``target``; returns the number of rows.

    ``progress(rows)`` is called after every 5,000 rows.
    """

    def report(done: int, total: int) -> None:
        if progress is not None and done and done % CSV_PROGRESS_STEP == 0:
            progress(done)

    return export(project, "csv", target, ExportOptions(), progress=report).rows
