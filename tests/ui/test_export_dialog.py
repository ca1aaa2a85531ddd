"""File ▸ Export with a format and options, and File ▸ Import Annotations with tag mapping."""

import openpyxl
from PySide6.QtCore import Qt

from app.editing.commands import AnnotationSpec, CreateAnnotations
from app.editing.tag_commands import CreateTag, TagSpec
from app.project import Project
from tests.ui.conftest import reopen
from ui.dialogs.export import ExportDialog
from ui.dialogs.tag_mapping import TagMappingDialog


def tag_some(window):
    text = window.text_view.content.text
    start = text.index("大力推进氢能产业园区建设")
    document_id = window.documents.document_id
    window.session.run(
        CreateAnnotations(
            (
                AnnotationSpec(document_id, window.tags[0].id, start, start + 12, note="导语"),
                AnnotationSpec(document_id, window.tags[1].id, start + 2, start + 6),
            )
        ),
        "two",
    )


def export_with(window, monkeypatch, qtbot, setup):
    def run(dialog: ExportDialog) -> int:
        setup(dialog)
        return 1

    monkeypatch.setattr(ExportDialog, "exec", run)
    window.export_action.trigger()
    qtbot.waitUntil(lambda: not window.transfers.busy, timeout=20_000)


def test_xlsx_with_chinese_headers_and_one_tag(
    qtbot, open_window, sample_project, tmp_path, monkeypatch
):
    window = open_window(sample_project)
    tag_some(window)
    target = tmp_path / "导出.xlsx"

    def setup(dialog):
        dialog.format_combo.setCurrentIndex(dialog.format_combo.findData("xlsx"))
        dialog.target_edit.setText(str(target))
        dialog.headers_combo.setCurrentIndex(dialog.headers_combo.findData("zh"))
        dialog.tag_list.item(1).setCheckState(Qt.CheckState.Unchecked)

    export_with(window, monkeypatch, qtbot, setup)
    book = openpyxl.load_workbook(target)
    first_sheet = book.worksheets[0]
    headers = [cell.value for cell in next(first_sheet.iter_rows(max_row=1))]
    assert any(header and any("\u4e00" <= ch <= "\u9fff" for ch in header) for header in headers)
    values = [[cell.value for cell in row] for row in first_sheet.iter_rows(min_row=2)]
    assert len(values) == 1 and "产业发展" in values[0]


def test_jsonl_split_into_files(qtbot, open_window, sample_project, tmp_path, monkeypatch):
    window = open_window(sample_project)
    tag_some(window)
    folder = tmp_path / "corpus"

    def setup(dialog):
        dialog.format_combo.setCurrentIndex(dialog.format_combo.findData("jsonl"))
        dialog.split_box.setChecked(True)
        dialog.separate_box.setChecked(True)
        dialog.seed_spin.setValue(11)
        dialog.ratio_spins[0].setValue(0.5)
        dialog.ratio_spins[1].setValue(0.0)
        dialog.ratio_spins[2].setValue(0.5)
        dialog.target_edit.setText(str(folder))

    export_with(window, monkeypatch, qtbot, setup)
    parts = {path.stem: path for path in folder.iterdir()}
    assert set(parts) == {"train", "dev", "test"}
    lines = sum(len(p.read_text(encoding="utf-8").splitlines()) for p in parts.values())
    assert lines == 2  # two documents, one per part with these shares


def test_import_annotations_asks_how_unknown_tags_map(
    qtbot, open_window, sample_project, tmp_path, monkeypatch
):
    window = open_window(sample_project)
    window.session.run(CreateTag(TagSpec("港口经济", "#8c564b")), "tag")
    port = next(tag.id for tag in window.tags if tag.name == "港口经济")
    text = window.text_view.content.text
    start = text.index("大力推进氢能产业园区建设")
    document_id = window.documents.document_id
    window.session.run(
        CreateAnnotations(
            (
                AnnotationSpec(document_id, port, start, start + 12, note="导语"),
                AnnotationSpec(document_id, window.tags[1].id, start + 2, start + 6),
            )
        ),
        "two",
    )
    exported = tmp_path / "a.jsonl"

    def setup(dialog):
        dialog.format_combo.setCurrentIndex(dialog.format_combo.findData("jsonl"))
        dialog.target_edit.setText(str(exported))

    export_with(window, monkeypatch, qtbot, setup)
    window.session.close()

    other = tmp_path / "other.fangtan"
    Project.open(other).close()
    window = open_window(other)
    industry = next(tag.id for tag in window.tags if tag.name == "产业发展")
    asked = []

    def map_port_to_industry(dialog: TagMappingDialog) -> int:
        asked.extend(dialog._names)
        for name, box in zip(dialog._names, dialog.boxes, strict=True):
            if name == "港口经济":
                box.setCurrentIndex(box.findData(industry))
        return 1

    monkeypatch.setattr(TagMappingDialog, "exec", map_port_to_industry)
    reports = []
    window.transfers.annotations_imported.connect(reports.append)
    window.transfers.import_annotation_file(exported, window.tags)
    qtbot.waitUntil(lambda: len(reports) == 1, timeout=20_000)
    assert "港口经济" in asked
    assert window.document_list.table.rowCount() == 2
    window.session.close()
    project = reopen(other)
    try:
        names = {tag.id: tag.name for tag in project.tags()}
        assert "港口经济" not in names.values()
        used = sorted(
            names[a.tag_id] for d in project.documents() for a in project.annotations(d.id)
        )
        assert used == ["产业发展", "民生"]
        noted = next(a for d in project.documents() for a in project.annotations(d.id) if a.note)
        assert noted.note == "导语" and noted.source == "manual"  # as the exporting project says
    finally:
        project.close()


def test_a_name_for_another_format_is_refused_in_the_dialog(
    qtbot, open_window, sample_project, tmp_path, monkeypatch
):
    """CSV chosen, the file named .xlsx: said in the dialog, which stays open with the
    options as they were; nothing is written."""
    import ui.dialogs.export

    window = open_window(sample_project)
    tag_some(window)
    said: list[str] = []
    monkeypatch.setattr(
        ui.dialogs.export, "show_error", lambda _parent, error: said.append(str(error))
    )
    target = tmp_path / "a.xlsx"
    results: list[int] = []

    def run(dialog: ExportDialog) -> int:
        dialog.format_combo.setCurrentIndex(dialog.format_combo.findData("csv"))
        dialog.target_edit.setText(str(target))
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
        results.append(dialog.result())
        return 0  # then cancelled

    monkeypatch.setattr(ExportDialog, "exec", run)
    window.export_action.trigger()
    assert results == [0]
    assert len(said) == 1 and "a.xlsx ends in .xlsx" in said[0] and "a.csv" in said[0]
    assert not target.exists() and list(tmp_path.glob("*.csv")) == []
