"""The overview's percentages, its skew marks and its tables written and read back."""

import csv

import pytest
from openpyxl import load_workbook

from app.errors import ExportTargetError
from app.statistics.shares import NO_SHARE, column_shares, row_shares, share_text, skewed
from app.statistics.table_export import shown, table_text, write_table


def test_row_and_column_shares_with_empty_totals():
    values = [[1, 3, 0], [0, 0, 0], [1, 1, 2]]
    assert row_shares(values) == [[25.0, 75.0, 0.0], [None, None, None], [25.0, 25.0, 50.0]]
    assert column_shares(values) == [[50.0, 75.0, 0.0], [0.0, 0.0, 0.0], [50.0, 25.0, 100.0]]
    assert column_shares([[0, 2], [0, 2]]) == [[None, 50.0], [None, 50.0]]
    assert row_shares([]) == []
    assert row_shares([[]]) == [[]]


def test_share_text_has_one_decimal_and_a_dash_for_no_total():
    assert share_text(100 / 3) == "33.3%"
    assert share_text(0.0) == "0.0%"
    assert share_text(None) == NO_SHARE == "—"


def test_skew_is_more_than_five_times():
    first = [10, 10, 50, 51, 0, 0, 3, 5, 26]
    second = [10, 2, 10, 10, 0, 4, 0, 1, 5]
    assert skewed(first, second) == [False, False, False, True, False, True, True, False, True]
    # Either order.
    assert skewed(second, first) == skewed(first, second)
    assert skewed([], []) == []


TABLE = shown(
    "Tags × Interviews",
    ["Tag", "#1 访谈一", "#2 =SUM(A1)"],
    [["产业发展", 3, 12.5], ["-民生", 0, "—"]],
)


def test_csv_read_back(tmp_path):
    target = tmp_path / "table.csv"
    write_table(TABLE, target)
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    with target.open(encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.reader(stream))
    assert rows == [
        ["Tag", "#1 访谈一", "#2 =SUM(A1)"],
        ["产业发展", "3", "12.5"],
        ["'-民生", "0", "—"],
    ]
    assert [path.name for path in tmp_path.iterdir()] == ["table.csv"]


def test_xlsx_read_back_keeps_text_as_text(tmp_path):
    target = tmp_path / "table.xlsx"
    write_table(TABLE, target)
    sheet = load_workbook(target).active
    assert sheet.title == "Tags × Interviews"
    assert [[cell.value for cell in row] for row in sheet.iter_rows()] == [
        ["Tag", "#1 访谈一", "#2 =SUM(A1)"],
        ["产业发展", 3, 12.5],
        ["-民生", 0, "—"],
    ]
    assert sheet["C1"].data_type == "s"


def test_clipboard_text_is_tab_separated():
    assert table_text(TABLE).splitlines() == [
        "Tag\t#1 访谈一\t#2 =SUM(A1)",
        "产业发展\t3\t12.5",
        "'-民生\t0\t—",
    ]


def test_unwritable_target_is_one_error_and_leaves_nothing(tmp_path):
    with pytest.raises(ExportTargetError):
        write_table(TABLE, tmp_path / "missing" / "table.csv")
    assert list(tmp_path.iterdir()) == []
