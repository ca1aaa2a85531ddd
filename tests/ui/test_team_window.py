"""The team workflow in the window: merging annotators' files, their layers in the text,
marking done, assigning, and blind annotation; checked on the reopened file."""

import shutil
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QMessageBox

from app.editing.history import History
from app.importing.importer import import_paths
from app.project import Project
from app.team.assignments import assign, mark
from app.team.visibility import set_blind
from tests.app.test_team_merge import INTERVIEW, annotate, rows
from ui.dialogs.team import AssignDialog, split_names
from ui.panels.annotation_table import ANNOTATOR_COLUMN
from ui.panels.document_controller import LayerChoice


@pytest.fixture
def team(tmp_path: Path) -> dict[str, Path]:
    """The lead's project (annotator "tester" in the window) and two annotators' copies."""
    source = tmp_path / "interview.txt"
    source.write_text(INTERVIEW, encoding="utf-8")
    lead = tmp_path / "lead.fangtan"
    project = Project.open(lead, annotator="tester")
    assert import_paths(project, [source]).failures == []
    project.close()
    files = {"lead": lead}
    for who in ("alice", "bob"):
        files[who] = tmp_path / f"{who}.fangtan"
        shutil.copy(lead, files[who])
    annotate(files["alice"], "alice", [(1, "民生", 30, 50, ""), (1, "产业发展", 60, 80, "")])
    annotate(files["bob"], "bob", [(1, "民生", 30, 50, ""), (1, "党建", 90, 100, "")])
    return files


def shown_annotators(window) -> list[str]:
    return sorted(a.annotator for a in window.documents._annotations.values())


def no_report(monkeypatch) -> None:
    monkeypatch.setattr(QMessageBox, "open", lambda self: None)


def test_merged_layers_show_with_their_own_markers(team, open_window, qtbot, monkeypatch):
    no_report(monkeypatch)
    window = open_window(team["lead"])
    window.document_list.select_document(1)
    assert window.team.merge([team["alice"], team["bob"]])
    stored = rows(
        team["lead"],
        "SELECT n.name, count(*) FROM annotations a JOIN annotators n ON n.id = a.annotator_id "
        "GROUP BY n.name ORDER BY n.name",
    )
    assert stored == [("alice", 2), ("bob", 2)]
    # My layer (the lead's) is empty: the merged layers stay out of the way until chosen.
    qtbot.waitUntil(lambda: window.documents.document_id == 1)
    assert shown_annotators(window) == []
    assert window.team.layers_label.text() == "Layer: tester"
    assert window.annotation_list.view.isColumnHidden(ANNOTATOR_COLUMN)
    window.team._fill_layers()
    everyone = next(a for a in window.team.layers_menu.actions() if a.objectName() == "layersAll")
    everyone.trigger()
    assert shown_annotators(window) == ["alice", "alice", "bob", "bob"]
    listed = window.annotation_list
    assert not listed.view.isColumnHidden(ANNOTATOR_COLUMN)
    model = listed.table_model
    names = sorted(model.index(r, ANNOTATOR_COLUMN).data() for r in range(model.rowCount()))
    assert names == ["alice", "alice", "bob", "bob"]
    view = window.text_view
    markers = {view._marker(i) for i in view._annotations}
    assert markers == {1, 2}  # alice and bob, each their own
    bob_id = next(i for i, a in view._annotations.items() if a.annotator == "bob")
    assert view._describe_id(bob_id).startswith("民生 · bob")
    # Only bob's layer beside mine.
    window.team._fill_layers()
    alice = next(a for a in window.team.layers_menu.actions() if a.objectName() == "layer:alice")
    alice.setChecked(False)
    assert shown_annotators(window) == ["bob", "bob"]
    assert window.team.layers_label.text() == "Layers: tester, bob"


def test_an_identical_span_of_another_annotator_does_not_block_mine(
    team, open_window, qtbot, monkeypatch
):
    no_report(monkeypatch)
    window = open_window(team["lead"])
    window.team.merge([team["alice"]])
    window.document_list.select_document(1)
    qtbot.waitUntil(lambda: window.documents.document_id == 1)
    window.text_view.select_span(30, 50)
    tag = next(t for t in window.tags if t.name == "民生")
    window.documents.apply_tag(tag.id)
    stored = rows(
        team["lead"],
        'SELECT n.name, a.start, a."end" FROM annotations a '
        "JOIN annotators n ON n.id = a.annotator_id JOIN tags t ON t.id = a.tag_id "
        "WHERE t.name = '民生' ORDER BY n.name",
    )
    assert stored == [("alice", 30, 50), ("tester", 30, 50)]


def test_marking_done_and_assigning_are_undoable_steps(team, open_window, qtbot, monkeypatch):
    window = open_window(team["lead"])
    window.document_list.select_document(1)
    qtbot.waitUntil(lambda: window.documents.document_id == 1)
    window.team.done_action.trigger()
    status = "SELECT n.name, s.status FROM assignments s JOIN annotators n ON n.id = s.annotator_id"
    assert rows(team["lead"], status) == [("tester", "done")]
    window.undo_action.trigger()
    assert rows(team["lead"], status) == []

    def answer(dialog: QDialog) -> int:
        assert isinstance(dialog, AssignDialog)
        dialog.names_edit.setText("alice，bob")
        dialog.all_box.setChecked(True)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(AssignDialog, "exec", answer)
    window.team.assign()
    assert sorted(rows(team["lead"], status)) == [("alice", "assigned"), ("bob", "assigned")]
    assert "Assign 1 Interview to alice, bob" in window.undo_action.text()


def test_blind_annotation_hides_other_layers_until_everyone_is_done(
    team, tmp_path, open_window, qtbot, monkeypatch
):
    no_report(monkeypatch)
    window = open_window(team["lead"])
    window.team.merge([team["alice"], team["bob"]])
    project = Project.open(team["lead"], create=False, annotator="lead")
    try:
        History(project).do(assign([1], ["alice", "bob"]), "assign")
        set_blind(project, True)
    finally:
        project.close()
    window.session.project.annotator = "alice"
    window.documents.set_layers(LayerChoice("all"))
    window.document_list.select_document(1)
    qtbot.waitUntil(lambda: window.documents.document_id == 1)
    window.documents.show_document(1)
    assert shown_annotators(window) == ["alice", "alice"]
    assert window.team.layers_label.text() == "Blind annotation: only your layer"
    project = Project.open(team["lead"], create=False, annotator="lead")
    try:
        History(project).do(mark(1, "bob", True), "done")
    finally:
        project.close()
    window.team.done_action.trigger()  # alice marks it done: now everyone has
    assert shown_annotators(window) == ["alice", "alice", "bob", "bob"]


def test_names_are_split_on_any_comma() -> None:
    assert split_names(" alice ，bob、 carol ,alice,") == ["alice", "bob", "carol"]


def test_a_file_that_is_not_a_project_leaves_the_lead_untouched(
    team, tmp_path, open_window, monkeypatch
):
    shown: list[str] = []
    monkeypatch.setattr("ui.panels.team.show_error", lambda _w, error: shown.append(str(error)))
    broken = tmp_path / "broken.fangtan"
    broken.write_bytes(b"not a database at all" * 100)
    window = open_window(team["lead"])
    before = rows(team["lead"], "SELECT count(*) FROM annotations")
    assert not window.team.merge([broken])
    assert len(shown) == 1 and "\n" not in shown[0]
    assert rows(team["lead"], "SELECT count(*) FROM annotations") == before
    assert not window.team.merge([team["lead"]])  # the project itself
    assert len(shown) == 2
