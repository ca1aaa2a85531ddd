"""Import and export from the window run in the background and report what happened."""

import csv
import json

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QMessageBox

from app.editing.commands import AnnotationSpec, CreateAnnotations
from app.project import Project
from tests.ui.conftest import reopen
from ui.dialogs.export import ExportDialog
from ui.dialogs.import_preview import ImportDialog


def test_export_csv_from_the_menu(qtbot, open_window, sample_project, tmp_path, monkeypatch):
    window = open_window(sample_project)
    text = window.text_view.content.text
    start = text.index("大力推进氢能产业园区建设")
    window.session.run(
        CreateAnnotations(
            (AnnotationSpec(window.documents.document_id, window.tags[0].id, start, start + 12),)
        ),
        "tag",
    )
    window.documents.set_note(window.annotation_list.table_model.annotation_at(0).id, "=1+1,\n要点")
    target = tmp_path / "导出 结果.csv"

    def choose(dialog: ExportDialog) -> int:
        assert dialog.format_name() == "csv"
        dialog.target_edit.setText(str(target))
        return 1

    monkeypatch.setattr(ExportDialog, "exec", choose)
    window.export_action.trigger()
    qtbot.waitUntil(lambda: not window.transfers.busy, timeout=10_000)
    assert target.read_bytes().startswith(b"\xef\xbb\xbf")
    with target.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 1
    row = rows[0]
    assert row["text"] == "大力推进氢能产业园区建设"
    assert row["tag"] == "产业发展"
    assert row["interviewee"] == "刘在军"
    assert row["speaker"] == "刘在军"
    assert row["note"] == "'=1+1,\n要点"
    assert (int(row["start"]), int(row["end"])) == (start, start + 12)


def test_import_files_in_background_with_report(qtbot, open_window, tmp_path, monkeypatch):
    path = tmp_path / "empty.fangtan"
    Project.open(path).close()
    good = tmp_path / "专访 稿件.txt"
    good.write_text(
        "新标题\n\n——访某局局长张三\n\n记者：问题？\n\n张三：回答。\n", encoding="utf-8"
    )
    binary = tmp_path / "图片.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    window = open_window(path)
    reports = []
    window.transfers.imported.connect(reports.append)
    shown = []
    monkeypatch.setattr(QMessageBox, "open", lambda box: shown.append(box.text()))
    monkeypatch.setattr(ImportDialog, "exec", lambda dialog: 1)  # accept what was found
    window.transfers.import_paths([good, binary])
    qtbot.waitUntil(lambda: len(reports) == 1, timeout=10_000)
    report = reports[0]
    assert [document.title for document in report.imported] == ["新标题"]
    assert len(report.failures) == 1 and "binary" in str(report.failures[0][1])
    assert shown and "Failed: 1 file" in shown[0]
    assert window.document_list.table.rowCount() == 1
    assert window.text_view.content.meta.interviewee == "张三"
    window.session.close()
    project = reopen(path)
    documents = project.documents()
    project.close()
    assert [(d.title, d.interviewee, d.interviewee_role) for d in documents] == [
        ("新标题", "张三", "某局局长")
    ]


def _drop(window, paths) -> None:
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(path)) for path in paths])
    event = QDropEvent(
        QPointF(10, 10), Qt.DropAction.CopyAction, data, Qt.MouseButton.NoButton, Qt.NoModifier
    )
    window.dropEvent(event)


def _doccano(path, text, start, end, tag) -> None:
    line = {"id": 1, "text": text, "label": [[start, end, tag]], "meta": {"title": path.stem}}
    path.write_text(json.dumps(line, ensure_ascii=False) + "\n", encoding="utf-8")


def test_dropped_annotation_files_come_in_as_annotations(qtbot, open_window, tmp_path):
    path = tmp_path / "empty.fangtan"
    Project.open(path).close()
    first, second = tmp_path / "第一批.jsonl", tmp_path / "第二批.jsonl"
    _doccano(first, "记者：民生怎么样？\n\n张三：很好。", 3, 5, "民生")
    _doccano(second, "记者：党建呢？\n\n李四：加强。", 3, 5, "党建")
    window = open_window(path)
    reports = []
    window.transfers.annotations_imported.connect(reports.append)
    _drop(window, [first, second])
    qtbot.waitUntil(lambda: len(reports) == 2 and not window.transfers.busy, timeout=20_000)
    window.session.close()
    project = reopen(path)
    try:
        names = {tag.id: tag.name for tag in project.tags()}
        found = sorted(
            (document.title, names[a.tag_id], a.text)
            for document in project.documents()
            for a in project.annotations(document.id)
        )
    finally:
        project.close()
    assert found == [("第一批", "民生", "民生"), ("第二批", "党建", "党建")]


def test_dropping_interviews_and_annotation_files_together_is_refused(
    qtbot, open_window, tmp_path, monkeypatch
):
    path = tmp_path / "empty.fangtan"
    Project.open(path).close()
    annotations = tmp_path / "a.jsonl"
    _doccano(annotations, "记者：民生怎么样？", 3, 5, "民生")
    interview = tmp_path / "b.txt"
    interview.write_text("标题\n\n记者：问题？\n\n张三：回答。\n", encoding="utf-8")
    window = open_window(path)
    shown = []
    monkeypatch.setattr(
        QMessageBox, "warning", lambda _parent, _title, text, *_rest: shown.append(text)
    )
    _drop(window, [annotations, interview])
    qtbot.waitUntil(lambda: bool(shown))
    assert ".jsonl" in shown[0]
    assert not window.transfers.busy
    window.session.close()
    project = reopen(path)
    try:
        assert project.documents() == []
    finally:
        project.close()


def test_preview_and_report_say_how_a_misnamed_file_was_read(
    qtbot, open_window, tmp_path, monkeypatch
):
    path = tmp_path / "empty.fangtan"
    Project.open(path).close()
    page = tmp_path / "网页.txt"
    page.write_text(
        "<!DOCTYPE html><html><body><h1>标题</h1><p>记者：你好？</p><p>张三：好。</p>"
        "</body></html>",
        encoding="utf-8",
    )
    window = open_window(path)
    seen = []

    def accept(dialog: ImportDialog) -> int:
        seen.append((dialog.notes.isVisibleTo(dialog), dialog.notes.text()))
        return 1

    monkeypatch.setattr(ImportDialog, "exec", accept)
    boxes = []
    monkeypatch.setattr(QMessageBox, "open", lambda box: boxes.append(box.detailedText()))
    window.transfers.import_paths([page])
    qtbot.waitUntil(lambda: bool(boxes), timeout=10_000)
    assert seen == [(True, "• named .txt but is a web page; it was read as one")]
    assert "ⓘ 网页.txt: named .txt but is a web page; it was read as one" in boxes[0]
    window.session.close()
    project = reopen(path)
    try:
        assert [document.title for document in project.documents()] == ["标题"]
    finally:
        project.close()


def test_cancelling_while_files_are_read_says_so(qtbot, open_window, tmp_path, monkeypatch):
    path = tmp_path / "empty.fangtan"
    Project.open(path).close()
    interview = tmp_path / "a.txt"
    interview.write_text("标题\n\n记者：问题？\n\n张三：回答。\n", encoding="utf-8")
    window = open_window(path)

    def read_until_cancelled(_project, _paths, state):
        assert state._cancel.wait(10)
        return []

    monkeypatch.setattr("app.importing.plan.plan_paths", read_until_cancelled)
    said = []
    window.transfers.status.connect(said.append)
    task = window.transfers.import_paths([interview])
    task.state.cancel()
    qtbot.waitUntil(lambda: not window.transfers.busy and bool(said))
    assert said == ["Import cancelled; nothing was written."]
    window.session.close()
    project = reopen(path)
    try:
        assert project.documents() == []
    finally:
        project.close()
