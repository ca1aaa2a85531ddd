"""The import preview: fix a title, who asks and the encoding before anything is stored."""

from PySide6.QtCore import Qt

from app.importing.plan import plan_file, plan_paths
from app.project import Project
from tests.ui.conftest import reopen
from ui.dialogs.import_preview import ImportDialog

TEXT = "城市更新怎么做\n\n——访街道党工委书记王信卿\n\n张明：欢迎，谈谈城市更新。\n\n王信卿：谢谢。城市更新是重点。\n\n张明：具体怎么做。\n\n王信卿：分三步走。\n"


def test_preview_edits_are_what_gets_imported(qtbot, open_window, tmp_path, monkeypatch):
    path = tmp_path / "p.fangtan"
    Project.open(path).close()
    source = tmp_path / "访谈 一.txt"
    source.write_bytes(TEXT.encode("gbk"))
    window = open_window(path)
    project = window.session.project
    plans = plan_paths(project, [source])
    dialog = ImportDialog(plans, lambda plan, enc, split: plan_file(project, plan.path, enc, split))
    qtbot.addWidget(dialog)
    assert dialog.files.item(0, 2).text() == "gb18030"
    assert dialog.interviewee_edit.text() == "王信卿"

    dialog.encoding_combo.setCurrentIndex(dialog.encoding_combo.findData("utf-8"))
    dialog.encoding_combo.activated.emit(dialog.encoding_combo.currentIndex())
    assert dialog.plans[0].error is not None and dialog.interviews.count() == 0
    dialog.encoding_combo.setCurrentIndex(dialog.encoding_combo.findData(""))
    dialog.encoding_combo.activated.emit(dialog.encoding_combo.currentIndex())
    assert dialog.plans[0].error is None

    dialog.title_edit.setText("城市更新三步走")
    dialog.title_edit.textEdited.emit("城市更新三步走")
    dialog.role_edit.setText("街道党工委书记")
    dialog.role_edit.textEdited.emit("街道党工委书记")
    host_row = next(
        row
        for row in range(dialog.speakers.rowCount())
        if dialog.speakers.item(row, 0).text() == "张明"
    )
    box = dialog.speakers.cellWidget(host_row, 1)
    box.setCurrentIndex(box.findData("question"))
    assert dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()

    reports = []
    window.transfers.imported.connect(reports.append)
    window.transfers.store(dialog.plans)
    qtbot.waitUntil(lambda: len(reports) == 1, timeout=10_000)
    window.session.close()
    project = reopen(path)
    content = project.document(project.documents()[0].id)
    project.close()
    assert content.meta.title == "城市更新三步走"
    assert content.meta.interviewee_role == "街道党工委书记"
    assert content.meta.source_encoding == "gb18030"
    assert [(t.speaker, t.kind) for t in content.turns if t.speaker][:2] == [
        ("张明", "question"),
        ("王信卿", "answer"),
    ]


def test_unreadable_files_are_listed_with_their_reason(qtbot, tmp_path):
    project = Project.open(tmp_path / "p.fangtan")
    good = tmp_path / "good.txt"
    good.write_text(TEXT, encoding="utf-8")
    bad = tmp_path / "图片.txt"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    plans = plan_paths(project, [good, bad])
    dialog = ImportDialog(plans, lambda plan, enc, split: plan)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.summary.text() == "1 interview(s) to import; 1 file(s) cannot be read"
    dialog.files.setCurrentCell(1, 0)
    assert dialog.problem.isVisible() and "binary" in dialog.problem.text()
    assert dialog.files.item(1, 3).foreground().color() == Qt.GlobalColor.darkRed
    project.close()
