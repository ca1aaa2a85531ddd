"""Document ▸ Properties: metadata and speaker roles edited in the window, saved, undoable."""

from datetime import date

from PySide6.QtCore import QDate

from tests.ui.conftest import reopen
from ui.dialogs.document import DocumentDialog


def test_edit_metadata_and_role_then_undo(qtbot, open_window, sample_project, monkeypatch):
    window = open_window(sample_project)

    def fake_exec(dialog: DocumentDialog) -> int:
        dialog.edits["title"].setText("泊里镇：奋力打造实力之城")
        dialog.edits["outlet"].setText("青岛西海岸报")
        dialog.date_known.setChecked(True)
        dialog.date_edit.setDate(QDate(2023, 2, 10))
        dialog.status_combo.setCurrentIndex(2)
        box = dialog._role_boxes["刘在军"]
        box.setCurrentIndex(box.findData("question"))
        return 1

    monkeypatch.setattr(DocumentDialog, "exec", fake_exec)
    window.properties_action.trigger()
    qtbot.waitUntil(lambda: window.document_list.table.document_at(0).title.startswith("泊里镇"))
    assert "青岛西海岸报" in window.header.text() and "2023-02-10" in window.header.text()
    labels = window.text_view.highlighter._styles
    assert any(style == "question_label" for spans in labels.values() for *_, style in spans)
    window.session.close()

    project = reopen(sample_project)
    document = project.documents()[0]
    content = project.document(document.id)
    project.close()
    assert content.meta.title == "泊里镇：奋力打造实力之城"
    assert (content.meta.outlet, content.meta.published_on, content.meta.status) == (
        "青岛西海岸报",
        date(2023, 2, 10),
        "done",
    )
    assert {t.kind for t in content.turns if t.speaker == "刘在军"} == {"question"}

    window = open_window(sample_project)
    window.undo_action.trigger()
    qtbot.waitUntil(
        lambda: (
            window.document_list.table.document_at(0).title == "奋力打造实力之城品质之城幸福之城"
        )
    )
    window.session.close()
    project = reopen(sample_project)
    content = project.document(project.documents()[0].id)
    project.close()
    assert {t.kind for t in content.turns if t.speaker == "刘在军"} == {"answer"}
    assert content.meta.outlet == ""
