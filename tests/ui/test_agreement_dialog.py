"""Team ▸ Agreement in the window: the table shows the numbers `fangtan agreement --json`
prints, the unit can be changed, and a disagreement opens in the text with both layers."""

import json
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QGuiApplication

from app.importing.importer import import_paths
from app.project import Project
from tests.app.test_team_merge import INTERVIEW, annotate
from ui.dialogs.agreement import number


@pytest.fixture
def project_file(tmp_path: Path) -> Path:
    source = tmp_path / "interview.txt"
    source.write_text(INTERVIEW, encoding="utf-8")
    path = tmp_path / "lead.fangtan"
    project = Project.open(path, annotator="tester")
    assert import_paths(project, [source]).failures == []
    project.close()
    annotate(path, "alice", [(1, "民生", 30, 50, ""), (1, "产业发展", 60, 80, "")])
    annotate(path, "bob", [(1, "民生", 30, 50, ""), (1, "党建", 90, 100, "")])
    return path


def cli_json(path: Path, unit: str) -> dict:
    done = subprocess.run(
        [sys.executable, "-m", "app", "agreement", str(path), "--unit", unit, "--json"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def cells(table, row: int) -> list[str]:
    return [table.item(row, c).text() for c in range(table.columnCount())]


def headers(table) -> list[str]:
    return [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]


def test_the_table_shows_the_command_lines_numbers(project_file, open_window, qtbot):
    expected = cli_json(project_file, "turn")
    window = open_window(project_file)
    window.team.agreement_action.trigger()
    dialog = window.team._agreement
    qtbot.waitUntil(lambda: dialog.found is not None, timeout=20000)
    table = dialog.figures
    assert headers(table)[:4] == ["Tag", "Units", "Agreement", "Cohen's κ (mean)"]
    assert table.rowCount() == 1 + len(expected["tags"])
    pooled = cells(table, 0)
    figures = expected["pooled"]
    assert pooled[1] == str(figures["units"])
    assert pooled[2] == f"{figures['percent'] * 100:.1f} %"
    assert pooled[3] == number(figures["cohen_kappa"])
    assert pooled[headers(table).index("Krippendorff's α")] == number(figures["krippendorff_alpha"])
    for row in range(1, table.rowCount()):
        values = cells(table, row)
        tag = expected["tags"][values[0]]
        assert values[headers(table).index("Gwet's AC1")] == number(tag["gwet_ac1"])
        assert values[headers(table).index("Fleiss' κ")] == number(tag["fleiss_kappa"])
    assert "nan" not in dialog.table_text().lower()
    assert dialog.summary.text().startswith("alice, bob · 1 interviews compared")

    dialog.copy_button.click()
    assert QGuiApplication.clipboard().text().splitlines()[0].startswith("Tag\tUnits")


def test_a_disagreement_opens_with_both_layers(project_file, open_window, qtbot):
    window = open_window(project_file)
    dialog = window.team.show_agreement()
    qtbot.waitUntil(lambda: dialog.found is not None, timeout=20000)
    listed = dialog.list
    # 产业发展 (alice only, across two turns) and 党建 (bob only) differ; 民生 does not.
    tags = sorted(listed.item(row, 1).text() for row in range(listed.rowCount()))
    assert tags == ["产业发展", "产业发展", "党建"]
    assert dialog.list_label.text() == "Disagreements: 3; click one to open it"
    row = next(r for r in range(listed.rowCount()) if listed.item(r, 1).text() == "党建")
    assert listed.item(row, 3).text() == "(nothing)"  # alice
    assert listed.item(row, 4).text() == "90–100"  # bob
    listed.cellClicked.emit(row, 0)
    qtbot.waitUntil(lambda: window.documents.document_id == 1)
    difference = dialog.found.differences[row]
    assert window.text_view.selection_span() == (difference.start, difference.end)
    shown = sorted(a.annotator for a in window.documents._annotations.values())
    assert shown == ["alice", "alice", "bob", "bob"]


def test_span_unit_and_a_bad_name(project_file, open_window, qtbot):
    expected = cli_json(project_file, "span")
    window = open_window(project_file)
    dialog = window.team.show_agreement()
    qtbot.waitUntil(lambda: dialog.found is not None, timeout=20000)
    dialog.unit.setCurrentIndex(2)
    qtbot.waitUntil(
        lambda: dialog.found is not None and dialog.found.agreement.unit == "span", timeout=20000
    )
    assert headers(dialog.figures) == [
        "Tag",
        "Exact F1 alice · bob",
        "Overlap F1 alice · bob",
        "Unitizing α",
    ]
    overall = cells(dialog.figures, 0)
    assert overall[1] == number(expected["pairs"]["alice|bob"]["exact_f1"])
    assert overall[2] == number(expected["pairs"]["alice|bob"]["overlap_f1"])
    row = next(
        r for r in range(dialog.figures.rowCount()) if dialog.figures.item(r, 0).text() == "民生"
    )
    assert cells(dialog.figures, row)[3] == number(expected["tags"]["民生"]["unitizing_alpha"])

    dialog.annotators.setText("alice, nobody")
    dialog.compute_button.click()
    qtbot.waitUntil(lambda: dialog.found is None, timeout=20000)
    assert "nobody" in dialog.summary.text()
    assert dialog.figures.rowCount() == 0
