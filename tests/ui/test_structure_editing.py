"""Document ▸ Structure: fix a turn's kind and speaker, split and merge turns, rename a
speaker, set the interviewees; each one undo step, kept in the project file."""

from pathlib import Path

from PySide6.QtWidgets import QDialog, QInputDialog, QMessageBox

from app.editing.commands import AnnotationSpec, CreateAnnotations
from app.project import Project
from tests.ui.conftest import reopen
from ui.text.offsets import OffsetMap

TRANSLATIONS = Path(__file__).resolve().parents[2] / "resources" / "translations"

TEXT = (
    "老街新生\n\n——访街道党工委书记王信卿\n\n"
    "记者：老街改造从哪里开始？\n\n"
    "王信卿：先修下水道。居民最关心这个。赵大姐：我们家以前一下雨就淹。\n\n"
    "记者：接下来呢？\n\n"
    "王信卿：再补路灯。\n"
)


def stored_turns(path):
    project = reopen(path)
    try:
        content = project.document(project.documents()[0].id)
        meta = content.meta
        return meta, [
            (t.speaker, t.kind, content.text[t.content_start : t.end]) for t in content.turns
        ]
    finally:
        project.close()


def setup_project(tmp_path):
    from app.importing.importer import import_text

    path = tmp_path / "p.fangtan"
    project = Project.open(path)
    import_text(project, TEXT, "老街.txt")
    content = project.document(project.documents()[0].id)
    start = content.text.index("先修下水道")
    tag = project.tags()[0]
    project.execute(CreateAnnotations((AnnotationSpec(content.meta.id, tag.id, start, start + 5),)))
    project.close()
    return path


def place_cursor(window, fragment, shift=0):
    view = window.text_view
    offset = view.content.text.index(fragment) + shift
    cursor = view.textCursor()
    cursor.setPosition(OffsetMap(view.content.text).to_utf16(offset))
    view.setTextCursor(cursor)


def test_split_at_a_label_mid_paragraph_then_undo(qtbot, open_window, tmp_path):
    path = setup_project(tmp_path)
    window = open_window(path)
    window.document_list.select_document(window.session.project.documents()[0].id)
    qtbot.waitUntil(lambda: window.documents.document_id is not None)
    place_cursor(window, "赵大姐")
    window.structure.split_action.trigger()
    window.session.close()
    _meta, turns = stored_turns(path)
    pairs = [(s, t) for s, _k, t in turns]
    first = pairs.index(("王信卿", "先修下水道。居民最关心这个。"))
    assert pairs[first : first + 2] == [
        ("王信卿", "先修下水道。居民最关心这个。"),
        ("赵大姐", "我们家以前一下雨就淹。"),
    ]
    project = reopen(path)
    annotations = project.annotations(project.documents()[0].id)
    project.close()
    assert [a.text for a in annotations] == ["先修下水道"]

    window = open_window(path)
    window.undo_action.trigger()
    window.session.close()
    _meta, turns = stored_turns(path)
    assert (
        "王信卿",
        "answer",
        "先修下水道。居民最关心这个。赵大姐：我们家以前一下雨就淹。",
    ) in turns


def test_kind_speaker_rename_and_interviewees_are_kept_and_undone(
    qtbot, open_window, tmp_path, monkeypatch
):
    path = setup_project(tmp_path)
    window = open_window(path)
    window.document_list.select_document(window.session.project.documents()[0].id)
    qtbot.waitUntil(lambda: window.documents.document_id is not None)
    structure = window.structure

    place_cursor(window, "再补路灯")
    structure.kind_actions["narration"].trigger()
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: ("王信卿", True))
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("王书记", True))
    structure.rename_speaker()
    window.session.close()
    _meta, turns = stored_turns(path)
    assert ("王书记", "narration", "再补路灯。") in turns
    assert not any(speaker == "王信卿" for speaker, _k, _t in turns)

    window = open_window(path)
    window.document_list.select_document(window.session.project.documents()[0].id)
    qtbot.waitUntil(lambda: window.documents.document_id is not None)
    window.undo_action.trigger()  # the rename
    window.undo_action.trigger()  # the kind
    window.session.close()
    _meta, turns = stored_turns(path)
    assert ("王信卿", "answer", "再补路灯。") in turns


def test_interviewees_dialog_sets_several(qtbot, open_window, tmp_path, monkeypatch):
    path = setup_project(tmp_path)
    window = open_window(path)
    window.document_list.select_document(window.session.project.documents()[0].id)
    qtbot.waitUntil(lambda: window.documents.document_id is not None)

    def choose_both(dialog):
        for row in range(dialog.list.count()):
            item = dialog.list.item(row)
            if item.text() in ("王信卿", "记者"):
                item.setCheckState(item.checkState().Checked)
        return QDialog.DialogCode.Accepted

    from ui.panels import structure

    monkeypatch.setattr(structure.IntervieweesDialog, "exec", choose_both)
    window.structure.set_interviewees()
    window.session.close()
    meta, _turns = stored_turns(path)
    assert set(meta.interviewee.split("、")) == {"王信卿", "记者"}


def test_reading_the_structure_again_asks_first(qtbot, open_window, tmp_path, monkeypatch):
    path = setup_project(tmp_path)
    window = open_window(path)
    window.document_list.select_document(window.session.project.documents()[0].id)
    qtbot.waitUntil(lambda: window.documents.document_id is not None)
    place_cursor(window, "再补路灯")
    window.structure.kind_actions["heading"].trigger()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    window.structure.redetect()
    window.session.close()
    _meta, turns = stored_turns(path)
    assert ("王信卿", "answer", "再补路灯。") in turns


def test_every_turn_step_name_is_translated():
    from PySide6.QtCore import QCoreApplication, QTranslator

    from app.editing import turn_commands
    from ui.window import history_text

    templates = {
        turn_commands.SET_SPEAKER,
        turn_commands.SET_KIND,
        turn_commands.SPLIT_TURN,
        turn_commands.MERGE_TURN,
        turn_commands.RENAME_SPEAKER,
        turn_commands.SET_INTERVIEWEES,
        turn_commands.REDETECT_TURNS,
    }
    assert templates == set(history_text.TURN_STEPS)
    translator = QTranslator()
    assert translator.load("fangtan_zh_CN", str(TRANSLATIONS))
    QCoreApplication.installTranslator(translator)
    try:
        for template in templates:
            assert QCoreApplication.translate("History", template) != template
    finally:
        QCoreApplication.removeTranslator(translator)
