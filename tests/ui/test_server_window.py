"""File ▸ Open Server Project: the address typed in a dialog, the password asked only when
the server wants one, and the work tagged in the window found on the server afterwards."""

import uuid
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from app.project import Project
from app.server.admin import add_user, init_server
from app.workspace import import_sample
from models.server import ServerAddress
from ui.dialogs.server_open import (
    PasswordDialog,
    ServerOpenDialog,
    quoted,
    server_address,
)
from ui.main_window import MainWindow
from ui.window.application import Application
from ui.window.i18n import settings

PASSAGE = "大力推进氢能产业园区建设"
PASSWORD = "青山 secret"


@dataclass(frozen=True)
class Server:
    url: str
    host: str
    port: int
    database: str


@pytest.fixture
def server(server_database) -> Server:
    """A server project set up by the lead, with the sample interviews imported."""
    address = ServerAddress.parse(server_database.url)
    init_server(address)
    project = Project.open(server_database.url)
    try:
        import_sample(project)
    finally:
        project.close()
    url = address.url
    return Server(server_database.url, str(url.host), int(url.port or 5432), address.database)


def role_name(prefix: str) -> str:
    return f"{prefix}{uuid.uuid4().hex[:8]}"


@pytest.fixture
def application(qapp, sample_project) -> Iterator[Application]:
    """The window on a project file, from which the server project is opened."""
    application = Application(qapp)
    assert application.open(sample_project)
    yield application
    window = application.window
    if window is not None:
        window.runner.wait()
        window.session.close()
        window.close()
        window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def fill_in(qtbot, monkeypatch, server: Server, user: str, previews: list[str]) -> None:
    """Make the dialog show, type the server's fields into it and press OK; the address
    it showed is appended to ``previews``."""

    def run(dialog: ServerOpenDialog) -> int:
        dialog.show()
        qtbot.waitExposed(dialog)
        ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
        for edit, text in (
            (dialog.host_edit, server.host),
            (dialog.database_edit, server.database),
            (dialog.user_edit, user),
        ):
            edit.clear()
            qtbot.keyClicks(edit, text)
        dialog.database_edit.clear()
        assert not ok.isEnabled()  # the database is required
        qtbot.keyClicks(dialog.database_edit, server.database)
        dialog.port_spin.lineEdit().selectAll()
        qtbot.keyClicks(dialog.port_spin, str(server.port))
        qtbot.waitUntil(lambda: dialog.port_spin.value() == server.port)
        assert ok.isEnabled()
        previews.append(dialog.preview.text())
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: not dialog.isVisible())
        return dialog.result()

    monkeypatch.setattr(ServerOpenDialog, "exec", run)


def answer_password(monkeypatch, password: str | None, asked: list) -> None:
    def run(dialog: PasswordDialog) -> int:
        asked.append(dialog.message.text())
        assert dialog.password_edit.echoMode() == dialog.password_edit.EchoMode.Password
        if password is None:
            return 0
        dialog.password_edit.setText(password)
        return 1

    monkeypatch.setattr(PasswordDialog, "exec", run)


def keep_warnings(monkeypatch) -> list[str]:
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: warnings.append(text))
    return warnings


def activate(qtbot, window: MainWindow) -> None:
    with qtbot.waitActive(window):
        window.activateWindow()


def stored_annotations(url: str) -> list[tuple[str, str, str]]:
    project = Project.open(url)
    try:
        tags = {tag.id: tag.name for tag in project.tags()}
        return [
            (annotation.text, tags[annotation.tag_id], annotation.annotator)
            for document in project.documents()
            for annotation in project.annotations(document.id)
        ]
    finally:
        project.close()


def test_a_passage_tagged_in_the_server_window_is_on_the_server(
    qtbot, application, server, monkeypatch
):
    role = role_name("annotator_")
    add_user(ServerAddress.parse(server.url), role, "annotator")
    settings().setValue("annotator", "someone else")  # the preference does not apply
    first = application.window
    seen_previews: list[str] = []
    fill_in(qtbot, monkeypatch, server, role, seen_previews)
    first.open_server_action.trigger()
    window = application.window
    assert window is not first
    assert not first.isVisible()
    typed = f"postgresql://{role}@{server.host}:{server.port}/{server.database}"
    assert seen_previews == [typed]
    assert window.windowTitle() == f"Fangtan — {server.database} — server {server.host}"
    assert window.server_label.text() == f"Server: {role}@{server.host}/{server.database}"
    assert window.session.project.annotator == role
    activate(qtbot, window)
    view = window.text_view
    qtbot.waitUntil(lambda: view.content is not None)
    start = view.content.text.index(PASSAGE)
    view.setFocus()
    view.select_span(start, start + len(PASSAGE))
    qtbot.keyClick(view, Qt.Key.Key_1)
    qtbot.waitUntil(lambda: window.annotation_list.table_model.rowCount() == 1)
    assert stored_annotations(server.url) == [(PASSAGE, "产业发展", role)]
    # The fields are remembered for the next time; the server keeps its backups itself.
    store = settings()
    assert store.value("server/host") == server.host
    assert int(store.value("server/port")) == server.port
    assert store.value("server/database") == server.database
    assert store.value("server/user") == role
    again = ServerOpenDialog()
    assert again.address() == typed
    again.deleteLater()
    warnings = keep_warnings(monkeypatch)
    window.restore_action.trigger()
    assert len(warnings) == 1 and "\n" not in warnings[0]
    assert warnings[0].startswith(f"{window.session.project.location} is a server project")


def test_the_password_is_asked_when_the_server_wants_one(
    qtbot, application, server, postgres_cluster, monkeypatch
):
    role = role_name("pw_")
    postgres_cluster.create_password_role(role, PASSWORD)
    add_user(ServerAddress.parse(server.url), role, "annotator", password=PASSWORD)
    asked: list[str] = []
    answer_password(monkeypatch, PASSWORD, asked)
    fill_in(qtbot, monkeypatch, server, role, [])
    first = application.window
    first.open_server_action.trigger()
    shown = f"postgresql://{role}@{server.host}:{server.port}/{server.database}"
    assert asked == [f"{shown} asks for a password."]
    window = application.window
    assert window is not first
    assert window.session.project.annotator == role
    assert PASSWORD not in window.session.project.location  # the password is never shown
    assert PASSWORD not in window.windowTitle()
    store = settings()
    assert all(PASSWORD not in str(store.value(key)) for key in store.allKeys())


@pytest.mark.parametrize("answer", [None, "wrong"], ids=["cancelled", "wrong"])
def test_no_right_password_leaves_the_window_as_it_was(
    qtbot, application, server, postgres_cluster, monkeypatch, capsys, answer
):
    role = role_name("pw_")
    postgres_cluster.create_password_role(role, PASSWORD)
    add_user(ServerAddress.parse(server.url), role, "annotator")
    asked: list[str] = []
    answer_password(monkeypatch, answer, asked)
    warnings = keep_warnings(monkeypatch)
    fill_in(qtbot, monkeypatch, server, role, [])
    first = application.window
    title = first.windowTitle()
    first.open_server_action.trigger()
    assert len(asked) == 1
    assert application.window is first
    assert first.isVisible() and first.windowTitle() == title
    assert first.session.project.server is None
    if answer is None:
        assert warnings == []
    else:
        assert len(warnings) == 1 and "\n" not in warnings[0]
        assert warnings[0].startswith(f"Cannot connect to postgresql://{role}")
        assert "password authentication failed" in warnings[0]
        assert "wrong" not in warnings[0]
        assert capsys.readouterr().err.strip() == f"fangtan: {warnings[0]}"


def test_the_address_is_built_from_the_fields(qtbot):
    dialog = ServerOpenDialog()
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    dialog.database_edit.clear()
    assert dialog.host_edit.text() == "localhost"
    assert dialog.port_spin.value() == 5432
    assert not ok.isEnabled()
    dialog.database_edit.insert("访谈 项目")  # keyClicks types ASCII only
    assert ok.isEnabled()
    dialog.user_edit.clear()
    assert not ok.isEnabled()  # the user is required
    dialog.user_edit.insert("王@lab")
    dialog.ssl_combo.setCurrentIndex(dialog.ssl_combo.findData("require"))
    assert dialog.preview.text() == (
        "postgresql://王%40lab@localhost:5432/访谈%20项目?sslmode=require"
    )
    address = ServerAddress.parse(dialog.address())
    assert (address.user, address.database) == ("王@lab", "访谈 项目")
    assert dict(address.url.query) == {"sslmode": "require"}
    assert server_address("::1", 5433, "db", "me", "prefer") == "postgresql://me@[::1]:5433/db"
    assert quoted("a/b?c#d") == "a%2Fb%3Fc%23d"
