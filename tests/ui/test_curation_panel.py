"""Curating two annotators' layers into gold in the window (Team ▸ Curate into Gold):
the agreed part, accepting a version, boundaries of one's own, rejecting, the done mark,
undo; checked on the reopened file and in an export of the gold layer."""

import csv
import subprocess
import sys
from pathlib import Path

import pytest

from app.importing.importer import import_paths
from app.project import Project
from tests.app.test_team_merge import INTERVIEW, annotate, rows

GOLD = (
    'SELECT t.name, a.start, a."end" FROM annotations a JOIN annotators n '
    "ON n.id = a.annotator_id JOIN tags t ON t.id = a.tag_id WHERE n.name = 'gold' "
    "ORDER BY a.start, t.name"
)
STATUS = (
    "SELECT s.status FROM assignments s JOIN annotators n ON n.id = s.annotator_id "
    "WHERE n.name = 'gold' AND s.document_id = 1"
)


@pytest.fixture
def project_file(tmp_path: Path) -> Path:
    """One interview tagged by alice and bob: one span alike, three that differ."""
    source = tmp_path / "interview.txt"
    source.write_text(INTERVIEW, encoding="utf-8")
    path = tmp_path / "lead.fangtan"
    project = Project.open(path, annotator="tester")
    assert import_paths(project, [source]).failures == []
    project.close()
    annotate(
        path,
        "alice",
        [(1, "民生", 30, 50, "排水"), (1, "产业发展", 60, 80, ""), (1, "民生", 110, 130, "")],
    )
    annotate(
        path, "bob", [(1, "民生", 30, 50, ""), (1, "党建", 90, 100, ""), (1, "民生", 112, 135, "")]
    )
    return path


def open_curation(window, qtbot):
    window.document_list.select_document(1)
    qtbot.waitUntil(lambda: window.documents.document_id == 1)
    window.team.curation_action.trigger()
    panel = window.team.curation
    qtbot.waitUntil(lambda: panel.current is not None)
    return panel


def choose(panel, tag: str, start: int) -> None:
    names = {t.id: t.name for t in panel._context.tags()}
    row = next(
        index
        for index, d in enumerate(panel.current.disagreements)
        if names[d.tag_id] == tag and d.start == start
    )
    panel.list.setCurrentCell(row, 0)
    panel.list.cellClicked.emit(row, 0)


def test_a_curation_session_builds_a_gold_layer_that_exports(
    project_file, open_window, qtbot, tmp_path
):
    window = open_window(project_file)
    panel = open_curation(window, qtbot)
    assert panel.summary.text().startswith("alice, bob · agreed 1, of which 0 in gold")
    assert panel.list.rowCount() == 3
    assert panel.add_agreed.text() == "Add Agreed to Gold (1)"

    panel.add_agreed.click()
    assert rows(project_file, GOLD) == [("民生", 30, 50)]
    assert rows(project_file, STATUS) == [("assigned",)]
    note = "SELECT a.note FROM annotations a JOIN annotators n ON n.id = a.annotator_id "
    assert rows(project_file, note + "WHERE n.name = 'gold'") == [("排水",)]

    # Accept alice's version of 产业发展; the text shows the place with both layers and gold.
    choose(panel, "产业发展", 60)
    assert window.text_view.selection_span() == (60, 80)
    assert window.documents.layers.names == frozenset({"alice", "bob", "gold"})
    assert panel.versions.item(0, 0).text() == "alice"
    panel.check_version(0)
    panel.accept_button.click()
    assert rows(project_file, GOLD) == [("民生", 30, 50), ("产业发展", 60, 80)]

    # Reject bob's 党建: gold holds nothing there.
    choose(panel, "党建", 90)
    panel.reject_button.click()
    assert ("党建", 90, 100) not in rows(project_file, GOLD)
    rejected = (
        'SELECT t.name, r.start, r."end" FROM gold_rejections r JOIN tags t ON t.id = r.tag_id'
    )
    assert rows(project_file, rejected) == [("党建", 90, 100)]
    statuses = [panel.list.item(r, 2).text() for r in range(panel.list.rowCount())]
    assert statuses == ["60–80", "open", "rejected"]
    # The next open disagreement is chosen and shown in the text.
    assert panel.chosen().start == 110
    assert window.text_view.selection_span() == (110, 135)

    # 民生 at 110–135: boundaries of the curator's own, taken from the text's selection.
    choose(panel, "民生", 110)
    assert [panel.versions.item(r, 0).text() for r in range(2)] == ["alice", "bob"]
    window.text_view.select_span(111, 133)
    panel.take_selection()
    panel.accept_own.click()
    assert rows(project_file, GOLD) == [("民生", 30, 50), ("产业发展", 60, 80), ("民生", 111, 133)]
    assert "disagreements 3, 0 open" in panel.summary.text()  # the rejected one is decided

    panel.done_box.click()
    assert rows(project_file, STATUS) == [("done",)]
    window.undo_action.trigger()
    assert rows(project_file, STATUS) == [("assigned",)]
    window.undo_action.trigger()  # the own boundaries go again
    assert rows(project_file, GOLD) == [("民生", 30, 50), ("产业发展", 60, 80)]
    qtbot.waitUntil(lambda: "agreed 1, of which 1 in gold" in panel.summary.text())
    window.redo_action.trigger()
    assert rows(project_file, GOLD)[-1] == ("民生", 111, 133)

    window.close()
    exported = tmp_path / "gold.csv"
    done = subprocess.run(
        [
            *(sys.executable, "-m", "app", "export", str(project_file), "--format", "csv"),
            *("--annotators", "gold", "--output", str(exported)),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    with exported.open(encoding="utf-8-sig", newline="") as handle:
        records = list(csv.DictReader(handle))
    assert sorted((r["tag"], r["start"], r["end"]) for r in records) == [
        ("产业发展", "60", "80"),
        ("民生", "111", "133"),
        ("民生", "30", "50"),
    ]


def test_majority_rule_and_a_single_layer(project_file, open_window, qtbot, tmp_path):
    annotate(project_file, "carol", [(1, "产业发展", 60, 80, "")])
    window = open_window(project_file)
    panel = open_curation(window, qtbot)
    assert panel.summary.text().startswith("alice, bob, carol · agreed 0")
    panel.rule.setCurrentIndex(1)  # majority: two of three
    qtbot.waitUntil(lambda: panel.current.rule == "majority")
    assert len(panel.current.agreed) == 2
    panel.add_agreed.click()
    assert rows(project_file, GOLD) == [("民生", 30, 50), ("产业发展", 60, 80)]
    assert panel.add_agreed.text() == "Add Agreed to Gold (0)"
    assert not panel.add_agreed.isEnabled()


def test_an_interview_with_one_layer_says_so(tmp_path, open_window, qtbot):
    source = tmp_path / "interview.txt"
    source.write_text(INTERVIEW, encoding="utf-8")
    path = tmp_path / "solo.fangtan"
    project = Project.open(path, annotator="tester")
    assert import_paths(project, [source]).failures == []
    project.close()
    annotate(path, "alice", [(1, "民生", 30, 50, "")])
    window = open_window(path)
    window.document_list.select_document(1)
    qtbot.waitUntil(lambda: window.documents.document_id == 1)
    window.team.curation_action.trigger()
    panel = window.team.curation
    qtbot.waitUntil(lambda: "only" in panel.title.text())
    assert panel.title.text() == (
        "“把老街区的日子过出新滋味” was annotated by alice only; "
        "adjudication needs at least two annotators."
    )
    assert not panel.add_agreed.isEnabled()
    assert rows(path, GOLD) == []
    assert panel.list.rowCount() == 0
