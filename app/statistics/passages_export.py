"""The coded passages matching a query, written as a file chosen by its suffix, moved into
place only when complete: an Excel-safe CSV (UTF-8 with a byte order mark, RFC 4180,
formula guard), an Excel workbook (one sheet, text cells stored as text, never as
formulas) or one self-contained web page (UTF-8, inline style, every text escaped).

Grouped by interview or by tag, the rows come group by group (interviews in the order
they are listed, tags in the codebook's); the workbook and the page put a heading with
the group's name and count before each group.
"""

import html
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Literal

from app.project import Project
from app.statistics.errors import PassageExportFormatError
from app.statistics.passages import Passage, PassageQuery, passages

GroupBy = Literal["document", "tag"] | None
GROUPINGS: tuple[str, ...] = ("document", "tag")
SUFFIXES = (".csv", ".xlsx", ".html")
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
# Widest column of the workbook, in characters of Latin width (a Chinese one counts two).
_WIDEST = {"text": 60, "context": 80, "note": 40}
_WIDEST_OTHER = 30


@dataclass(frozen=True)
class PassageGroup:
    """The passages of one interview or tag (``name`` its title or name; "" ungrouped)."""

    name: str
    rows: list[Passage]


def _row(found: Passage) -> list[Any]:
    return [
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


def _all(project: Project, query: PassageQuery) -> Iterator[Passage]:
    offset = 0
    while True:
        page = passages(project, replace(query, limit=PAGE, offset=offset))
        yield from page
        if len(page) < PAGE:
            return
        offset += PAGE


def group_passages(
    rows: Iterable[Passage], group_by: GroupBy, tag_order: Sequence[int] = ()
) -> list[PassageGroup]:
    """``rows`` (in their order within each group) grouped by interview or by tag.

    Interviews come in the order of their first passage, tags in ``tag_order`` (their
    ids), any other tag after them by name. Ungrouped, one group named "" holds all.
    """
    if group_by is None:
        return [PassageGroup("", list(rows))]
    groups: dict[int, PassageGroup] = {}
    for found in rows:
        key = found.document_id if group_by == "document" else found.tag_id
        if key not in groups:
            name = found.document_title if group_by == "document" else found.tag
            groups[key] = PassageGroup(name, [])
        groups[key].rows.append(found)
    if group_by == "document":
        return list(groups.values())
    position = {tag_id: index for index, tag_id in enumerate(tag_order)}
    ordered = sorted(
        groups.items(), key=lambda item: (position.get(item[0], len(position)), item[1].name)
    )
    return [group for _key, group in ordered]


def heading(group: PassageGroup) -> str:
    """The line before a group: its name and how many passages it holds."""
    return f"{group.name} ({len(group.rows)})"


def export_passages(
    project: Project, query: PassageQuery, target: Path, group_by: GroupBy = None
) -> int:
    """Write every passage matching ``query`` (its paging ignored) to ``target``, as the
    suffix says (.csv, .xlsx or .html); returns the number of passages."""
    target = Path(target)
    suffix = target.suffix.lower()
    if suffix not in SUFFIXES:
        raise PassageExportFormatError(name=target.name)
    # The writers of app.exchange are loaded when first used, not with the window.
    from app.exchange.writers.staging import Staging, target_error

    query = replace(query, offset=0)
    staging = Staging()
    try:
        part = staging.file(target)
        if suffix == ".csv" and group_by is None:
            written = _write_csv_rows((_row(found) for found in _all(project, query)), part)
        else:
            order = [tag.id for tag in project.tags()] if group_by == "tag" else []
            groups = group_passages(_all(project, query), group_by, order)
            written = _WRITERS[suffix](groups, group_by is not None, part)
        staging.commit()
    except OSError as error:
        staging.discard()
        raise target_error(target, error) from error
    except BaseException:
        staging.discard()
        raise
    return written


def _write_csv_rows(rows: Iterator[list[Any]], path: Path) -> int:
    from app.exchange.writers.tables import Table, write_table_csv

    return write_table_csv(Table(list(COLUMNS), rows, {}), path)


def _write_csv(groups: list[PassageGroup], _headings: bool, path: Path) -> int:
    return _write_csv_rows((_row(found) for group in groups for found in group.rows), path)


# Excel ------------------------------------------------------------------------------


def _width(value: Any) -> int:
    text = str(value)
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


def _write_xlsx(groups: list[PassageGroup], headings: bool, path: Path) -> int:
    from openpyxl import Workbook  # with numpy: loaded only when a workbook is written
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    from app.exchange.writers.xlsx import EXCEL_CELL_LIMIT

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Passages"
    bold = Font(bold=True)
    widths = [_width(column) for column in COLUMNS]

    def append(values: Sequence[Any], strong: bool = False, measured: bool = True) -> None:
        sheet.append([None] * len(values))
        for index, value in enumerate(values):
            cell = sheet.cell(row=sheet.max_row, column=index + 1)
            if isinstance(value, str):
                value = ILLEGAL_CHARACTERS_RE.sub("\ufffd", value)[:EXCEL_CELL_LIMIT]
                cell.value = value
                cell.data_type = "s"  # text, even when it starts with "=", "+", "-" or "@"
            else:
                cell.value = value
            if strong:
                cell.font = bold
            if measured:
                widths[index] = max(widths[index], max(map(_width, str(value).split("\n"))))

    append(COLUMNS, strong=True)
    written = 0
    for group in groups:
        if headings:
            append([heading(group)], strong=True, measured=False)
        for found in group.rows:
            append(_row(found))
            written += 1
    for index, column in enumerate(COLUMNS):
        widest = _WIDEST.get(column, _WIDEST_OTHER)
        sheet.column_dimensions[get_column_letter(index + 1)].width = min(widest, widths[index]) + 2
    sheet.freeze_panes = "A2"
    workbook.save(path)
    return written


# Web page ---------------------------------------------------------------------------

_STYLE = """
body { font-family: "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif;
       margin: 2em; color: #222; }
h1 { font-size: 1.4em; }
h2 { font-size: 1.15em; margin-top: 1.6em; border-bottom: 1px solid #ccc; }
table { border-collapse: collapse; width: 100%; margin-bottom: 1em; }
th, td { border: 1px solid #ddd; padding: 4px 6px; vertical-align: top; text-align: left; }
th { background: #f2f2f2; }
td { white-space: pre-wrap; }
""".strip()


def _html_table(rows: list[Passage]) -> list[str]:
    lines = ["<table>", "<tr>" + "".join(f"<th>{html.escape(c)}</th>" for c in COLUMNS) + "</tr>"]
    for found in rows:
        cells = "".join(f"<td>{html.escape(str(value))}</td>" for value in _row(found))
        lines.append(f"<tr>{cells}</tr>")
    lines.append("</table>")
    return lines


def _write_html(groups: list[PassageGroup], headings: bool, path: Path) -> int:
    title = "Coded passages"
    lines = [
        "<!DOCTYPE html>",
        '<html lang="zh">',
        "<head>",
        '<meta charset="utf-8">',
        f"<title>{title}</title>",
        f"<style>\n{_STYLE}\n</style>",
        "</head>",
        "<body>",
        f"<h1>{title}</h1>",
    ]
    written = 0
    for group in groups:
        if headings:
            lines.append(f"<h2>{html.escape(heading(group))}</h2>")
        lines += _html_table(group.rows)
        written += len(group.rows)
    lines += ["</body>", "</html>", ""]
    path.write_text("\n".join(lines), encoding="utf-8")
    return written


_WRITERS = {".csv": _write_csv, ".xlsx": _write_xlsx, ".html": _write_html}
