"""Starting the window: the default project on first run, a clear message for a bad file."""

from PySide6.QtWidgets import QMessageBox

from ui.window.application import Application


def test_no_argument_opens_the_sample_project(qtbot, qapp, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    application = Application(qapp)
    assert application.open(None)
    window = application.window
    qtbot.addWidget(window)
    try:
        assert window.document_list.table.rowCount() == 2
        assert window.text_view.content.meta.interviewee == "刘在军"
        assert "default.fangtan" in window.windowTitle()
    finally:
        window.session.close()


def test_bad_project_gives_one_message_and_no_window(qapp, tmp_path, monkeypatch, capsys):
    bad = tmp_path / "photo.fangtan"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    before = bad.read_bytes()
    messages = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: messages.append(text))
    application = Application(qapp)
    assert not application.open(bad)
    assert application.window is None
    assert messages == [f"{bad} is not a Fangtan project (not a database)."]
    assert (
        capsys.readouterr().err.strip()
        == f"fangtan: {bad} is not a Fangtan project (not a database)."
    )
    assert bad.read_bytes() == before


def test_opening_another_project_replaces_the_window(qtbot, qapp, sample_project, tmp_path):
    application = Application(qapp)
    assert application.open(sample_project)
    first = application.window
    other = tmp_path / "新项目.fangtan"
    assert application.open(other)
    second = application.window
    qtbot.addWidget(second)
    try:
        assert second is not first
        assert second.document_list.table.rowCount() == 0
        assert other.exists()
        assert not first.isVisible()
    finally:
        second.session.close()
