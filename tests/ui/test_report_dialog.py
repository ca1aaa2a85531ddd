"""File ▸ Export Report… through the window: the entry after File ▸ Export…, the dialog's
choices, where to save, and the file written (or one line saying why not)."""

from pathlib import Path

from pdfminer.high_level import extract_text
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from app.editing.commands import AnnotationSpec, CreateAnnotations
from ui.dialogs.report import ReportDialog

PASSAGE = "大力推进氢能产业园区建设"


def tag_first(window) -> None:
    """Two annotations in the interview on screen: the tester's, with a note, and another's."""
    text = window.text_view.content.text
    start = text.index(PASSAGE)
    document_id = window.documents.document_id
    window.session.run(
        CreateAnnotations(
            (
                AnnotationSpec(document_id, window.tags[0].id, start, start + 12, note="导语"),
                AnnotationSpec(
                    document_id, window.tags[1].id, start + 2, start + 6, annotator="other"
                ),
            )
        ),
        "two",
    )


def export_report(window, monkeypatch, qtbot, setup, saved_as: Path) -> list[str]:
    """Trigger the entry with the dialog answered by ``setup`` and the file dialog by
    ``saved_as``; returns the error messages shown."""
    asked: list[str] = []
    shown: list[str] = []

    def run(dialog: ReportDialog) -> int:
        setup(dialog)
        return 1

    def save_as(parent, caption, suggested, name_filter, *args):
        asked.append(suggested)
        return str(saved_as), name_filter

    monkeypatch.setattr(ReportDialog, "exec", run)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save_as))
    monkeypatch.setattr(
        QMessageBox, "warning", staticmethod(lambda _p, _t, text: shown.append(text))
    )
    window.report_export.action.trigger()
    qtbot.waitUntil(lambda: not window.report_export.busy, timeout=20_000)
    assert asked and Path(asked[0]).name == "sample-report" + Path(asked[0]).suffix
    assert QApplication.overrideCursor() is None  # the busy cursor is gone
    return shown


def test_the_entry_comes_right_after_export(qtbot, open_window, sample_project):
    window = open_window(sample_project)
    actions = window.file_menu.actions()
    place = actions.index(window.export_action)
    assert actions[place + 1] is window.report_export.action
    assert window.report_export.action.text() == "Export &Report…"


def test_chosen_interviews_as_html_with_my_layer_only(
    qtbot, open_window, sample_project, tmp_path, monkeypatch
):
    window = open_window(sample_project)
    tag_first(window)
    documents = window.session.project.documents()

    def setup(dialog: ReportDialog) -> None:
        dialog.chosen_button.setChecked(True)
        for row in range(dialog.document_list.count()):
            dialog.document_list.item(row).setCheckState(Qt.CheckState.Checked)
        dialog.html_button.setChecked(True)
        dialog.mine_button.setChecked(True)
        assert dialog.document_ids() == [document.id for document in documents]
        assert dialog.annotators() == frozenset({"tester"})

    target = tmp_path / "两篇报告"  # no suffix: .html is added
    assert export_report(window, monkeypatch, qtbot, setup, target) == []
    page = (tmp_path / "两篇报告.html").read_text(encoding="utf-8")
    assert all(document.title in page for document in documents)
    assert "Annotations of tester" in page
    assert f'title="{window.tags[0].name}">{PASSAGE}</span>' in page  # the other's is left out
    assert "Summary of all interviews in this report" in page
    assert str(tmp_path / "两篇报告.html") in window.statusBar().currentMessage()


def test_the_interview_on_screen_as_pdf(qtbot, open_window, sample_project, tmp_path, monkeypatch):
    window = open_window(sample_project)
    tag_first(window)
    shown_title = window.session.project.document(window.documents.document_id).meta.title

    def setup(dialog: ReportDialog) -> None:
        assert dialog.current_button.isChecked()  # the default when an interview is shown
        assert dialog.pdf_button.isChecked()

    target = tmp_path / "报告.pdf"
    assert export_report(window, monkeypatch, qtbot, setup, target) == []
    text = "".join(extract_text(str(target)).split())
    assert PASSAGE in text and "".join(shown_title.split()) in text
    assert "导语" in text


def test_an_unwritable_place_is_said_in_one_line(
    qtbot, open_window, sample_project, tmp_path, monkeypatch
):
    window = open_window(sample_project)
    target = tmp_path / "missing" / "报告.pdf"
    shown = export_report(window, monkeypatch, qtbot, lambda _dialog: None, target)
    assert len(shown) == 1 and "\n" not in shown[0] and str(target) in shown[0]
    assert not target.parent.exists()
    html_target = tmp_path / "missing" / "报告.html"

    def as_html(dialog: ReportDialog) -> None:
        dialog.html_button.setChecked(True)

    shown = export_report(window, monkeypatch, qtbot, as_html, html_target)
    assert len(shown) == 1 and str(html_target) in shown[0]
    assert not target.parent.exists()


def test_nothing_chosen_cannot_be_exported(qtbot, sample_project):
    from app.project import Project

    project = Project.open(sample_project)
    try:
        dialog = ReportDialog(project.documents(), None, "tester")
        qtbot.addWidget(dialog)
        assert not dialog.current_button.isEnabled() and dialog.all_button.isChecked()
        ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
        assert ok.isEnabled()
        dialog.chosen_button.setChecked(True)
        assert dialog.document_ids() == [] and not ok.isEnabled()
        assert dialog.document_list.isEnabled()
        dialog.document_list.item(1).setCheckState(Qt.CheckState.Checked)
        assert dialog.document_ids() == [project.documents()[1].id] and ok.isEnabled()
    finally:
        project.close()
