"""A backup is taken when a project opens; File ▸ Restore from Backup brings one back."""

from PySide6.QtWidgets import QMessageBox

from app.backups import list_backups
from app.editing.commands import AnnotationSpec, CreateAnnotations
from ui.dialogs.restore import RestoreDialog
from ui.window.application import Application


def test_open_backs_up_and_restore_brings_the_copy_back(qtbot, qapp, sample_project, monkeypatch):
    application = Application(qapp)
    assert application.open(sample_project)
    window = application.window
    window.runner.wait()
    qtbot.waitUntil(lambda: len(list_backups(sample_project)) == 1)

    document_id = window.documents.document_id
    tag_id = window.tags[0].id
    window.session.run(
        CreateAnnotations(tuple(AnnotationSpec(document_id, tag_id, i, i + 3) for i in range(4))),
        "four",
    )
    qtbot.waitUntil(lambda: window.document_list.table.document_at(0).annotation_count == 4)

    def choose_oldest(dialog: RestoreDialog) -> int:
        dialog.table.selectRow(len(dialog.backups) - 1)
        return 1

    monkeypatch.setattr(RestoreDialog, "exec", choose_oldest)
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: warnings.append(text))
    window.restore_action.trigger()
    assert warnings == []
    restored = application.window
    assert restored is not window
    qtbot.addWidget(restored)
    try:
        assert restored.document_list.table.document_at(0).annotation_count == 0
        kinds = sorted(b.label for b in list_backups(sample_project))
        assert "before-restore" in kinds
    finally:
        restored.runner.wait()
        restored.session.close()
