"""Coded passages written as an Excel workbook, a web page or a CSV file, grouped or not."""

import csv
from pathlib import Path

import pytest
from openpyxl import load_workbook

from app.editing.commands import SetNote
from app.statistics.errors import PassageExportFormatError
from app.statistics.passages import PassageQuery, passages
from app.statistics.passages_export import COLUMNS, export_passages
from tests.app.test_cli_stats import run
from tests.app.test_statistics import two_interviews


@pytest.fixture
def coded(project, reopen):
    """The two interviews of test_statistics, with notes a spreadsheet or page could misread."""
    two_interviews(project)
    found = passages(project, PassageQuery())
    project.execute(SetNote(found[0].annotation_id, "=SUM(A1:A9)"))
    project.execute(SetNote(found[1].annotation_id, "<b>养老</b> & 食堂"))
    return reopen(project)


def sheet_rows(path: Path) -> list[tuple]:
    workbook = load_workbook(path)
    sheet = workbook.active
    rows = [tuple(cell.value for cell in row) for row in sheet.iter_rows()]
    assert sheet.freeze_panes == "A2"
    assert all(cell.font.bold for cell in sheet[1])
    assert sheet.column_dimensions["I"].width > sheet.column_dimensions["C"].width  # text
    formula = [c for row in sheet.iter_rows() for c in row if c.value == "=SUM(A1:A9)"]
    assert formula and all(cell.data_type == "s" for cell in formula)  # text, not a formula
    workbook.close()
    return rows


def test_xlsx_has_a_bold_frozen_header_and_every_passage(coded, tmp_path) -> None:
    target = tmp_path / "passages.xlsx"
    assert export_passages(coded, PassageQuery(limit=1), target) == 8
    rows = sheet_rows(target)
    assert rows[0] == COLUMNS
    found = passages(coded, PassageQuery())
    assert [(row[0], row[2], row[3], row[4]) for row in rows[1:]] == [
        (p.document_id, p.start, p.end, p.tag) for p in found
    ]
    assert rows[1][9] == "=SUM(A1:A9)" and rows[2][9] == "<b>养老</b> & 食堂"


def test_xlsx_grouped_by_tag_puts_a_heading_before_each_group(coded, tmp_path) -> None:
    target = tmp_path / "by-tag.xlsx"
    assert export_passages(coded, PassageQuery(), target, group_by="tag") == 8
    rows = sheet_rows(target)
    headings = [row[0] for row in rows[1:] if row[1] is None]
    assert headings == ["产业发展 (2)", "民生 (4)", "党建 (2)"]  # the codebook's order
    first = rows.index(("民生 (4)", *[None] * (len(COLUMNS) - 1)))
    assert {row[4] for row in rows[first + 1 : first + 5]} == {"民生"}
    workbook = load_workbook(target)
    assert workbook.active.cell(row=first + 1, column=1).font.bold
    workbook.close()


def test_html_is_escaped_and_grouped_by_interview_in_order(coded, tmp_path) -> None:
    target = tmp_path / "passages.html"
    assert export_passages(coded, PassageQuery(), target, group_by="document") == 8
    page = target.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and '<meta charset="utf-8">' in page
    assert "<style>" in page and "<link" not in page and "<script" not in page
    assert "&lt;b&gt;养老&lt;/b&gt; &amp; 食堂" in page and "<b>养老" not in page
    first, second = page.index("<h2>乡镇访谈一 (5)</h2>"), page.index("<h2>乡镇访谈二 (3)</h2>")
    assert first < second
    assert page.count("<tr><td>") == 8


def test_csv_grouped_by_tag_is_ordered_without_headings(coded, tmp_path) -> None:
    target = tmp_path / "passages.csv"
    assert export_passages(coded, PassageQuery(), target, group_by="tag") == 8
    with target.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [row["tag"] for row in rows] == ["产业发展"] * 2 + ["民生"] * 4 + ["党建"] * 2
    assert rows[2]["note"] == "'=SUM(A1:A9)"  # the CSV formula guard


@pytest.mark.parametrize("name", ["passages.pdf", "passages"])
def test_an_unknown_suffix_is_a_one_line_error(coded, tmp_path, name) -> None:
    with pytest.raises(PassageExportFormatError) as raised:
        export_passages(coded, PassageQuery(), tmp_path / name)
    assert name in str(raised.value) and ".xlsx" in str(raised.value)
    assert "\n" not in str(raised.value)
    assert not (tmp_path / name).exists() and not list(tmp_path.glob(f".{name}.*"))


@pytest.fixture
def coded_file(project, project_path: Path) -> Path:
    two_interviews(project)
    project.close()
    return project_path


def test_cli_group_by_orders_the_listing(coded_file, capsys) -> None:
    code, out, err = run(capsys, "passages", str(coded_file), "--group-by", "tag")
    assert (code, err) == (0, "")
    lines = out.splitlines()
    headings = [line for line in lines if not line.startswith(("#", " "))]
    assert headings == ["产业发展 (2)", "民生 (4)", "党建 (2)"]
    tags = [line.split()[2] for line in lines if line.startswith("#")]
    assert tags == ["产业发展"] * 2 + ["民生"] * 4 + ["党建"] * 2
    _code, plain, _err = run(capsys, "passages", str(coded_file), "--json")
    _code, grouped, _err = run(capsys, "passages", str(coded_file), "--json", "--group-by", "tag")
    assert grouped == plain


def test_cli_output_writes_the_file_by_its_suffix(coded_file, capsys, tmp_path) -> None:
    target = tmp_path / "民生.xlsx"
    arguments = ["passages", str(coded_file), "--tags", "民生", "--group-by", "document"]
    code, out, err = run(capsys, *arguments, "-o", str(target))
    assert (code, out, err) == (0, f"4 passages written to {target}\n", "")
    rows = [tuple(c.value for c in row) for row in load_workbook(target).active.iter_rows()]
    assert [row[0] for row in rows[1:] if row[1] is None] == ["乡镇访谈一 (3)", "乡镇访谈二 (1)"]
    code, out, err = run(capsys, "passages", str(coded_file), "-o", str(tmp_path / "x.doc"))
    assert code == 1 and out == "" and "x.doc" in err and len(err.splitlines()) == 1
