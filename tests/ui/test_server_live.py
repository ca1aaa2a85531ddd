"""Two annotators on one server project: what one tags appears in the other's window by
itself, announced by the server, and a server that goes away is said in the status bar."""

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QMessageBox

from app.editing.commands import AnnotationSpec, CreateAnnotations
from app.editing.history import History
from app.project import Project
from app.server.admin import add_user, init_server
from app.workspace import import_sample
from models.server import ServerAddress
from ui.panels.annotation_table import ANNOTATOR_COLUMN, PASSAGE_COLUMN
from ui.panels.team import LayerChoice
from ui.window.application import Application

PASSAGE = "大力推进氢能产业园区建设"


@pytest.fixture
def team(server_database) -> dict[str, str]:
    address = ServerAddress.parse(server_database.url)
    init_server(address)
    lead = Project.open(server_database.url)
    try:
        import_sample(lead)
    finally:
        lead.close()
    for name in ("li", "wang"):
        add_user(address, name, "annotator")
    return {name: address.with_user(name).shown() for name in ("li", "wang")}


@pytest.fixture
def window_of_li(qapp, team) -> Iterator:
    application = Application(qapp)
    assert application.open(team["li"])
    window = application.window
    yield window
    window.runner.wait()
    window.close()
    window.session.close()
    window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def test_anothers_annotation_appears_without_a_reload(qtbot, window_of_li, team):
    window = window_of_li
    window.other_writers.timer.stop()  # only the server's announcement may bring it
    view = window.text_view
    qtbot.waitUntil(lambda: view.content is not None)
    document = window.session.project.documents()[0].id
    text = window.session.project.document(document).text
    start = text.index(PASSAGE)
    window.team.show_layers(LayerChoice("all"))
    qtbot.waitUntil(lambda: window.other_writers.online)
    wang = Project.open(team["wang"])
    try:
        tag = wang.tags()[0].id
        History(wang).do(
            CreateAnnotations((AnnotationSpec(document, tag, start, start + len(PASSAGE)),)),
            "tag",
        )
    finally:
        wang.close()
    model = window.annotation_list.table_model
    qtbot.waitUntil(lambda: model.rowCount() == 1, timeout=3000)
    assert model.index(0, ANNOTATOR_COLUMN).data() == "wang"
    assert PASSAGE in str(model.index(0, PASSAGE_COLUMN).data())


def test_the_window_says_when_the_server_is_away(qtbot, window_of_li, postgres_cluster):
    window = window_of_li
    qtbot.waitUntil(lambda: window.other_writers.online)
    postgres_cluster.stop_immediate()
    try:
        qtbot.waitUntil(lambda: not window.other_writers.online, timeout=5000)
        assert window.server_label.text().startswith("Offline — server: li@")
    finally:
        postgres_cluster.start()
    qtbot.waitUntil(lambda: window.other_writers.online, timeout=10000)
    assert window.server_label.text().startswith("Server: li@")


def test_a_window_whose_server_is_away_is_retranslated_and_says_why_it_cannot_undo(
    qtbot, window_of_li, team, postgres_cluster, monkeypatch
):
    window = window_of_li
    view = window.text_view
    qtbot.waitUntil(lambda: view.content is not None)
    start = view.content.text.index(PASSAGE)
    view.select_span(start, start + len(PASSAGE))
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_1)
    qtbot.waitUntil(lambda: window.undo_action.isEnabled())
    warnings: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "warning", staticmethod(lambda _parent, _title, text: warnings.append(text))
    )
    postgres_cluster.stop_immediate()
    try:
        # A language change redraws the menus from what is known: it reads nothing.
        QCoreApplication.sendEvent(window, QEvent(QEvent.Type.LanguageChange))
        assert window.undo_action.isEnabled()
        window.undo_action.trigger()
        qtbot.waitUntil(lambda: len(warnings) == 1)
        assert warnings[0].startswith("Cannot connect to") and "\n" not in warnings[0]
        QCoreApplication.processEvents()
        assert len(warnings) == 1  # said once
    finally:
        postgres_cluster.start()
    reopened = Project.open(team["li"])
    try:
        document = reopened.documents()[0].id
        assert [a.text for a in reopened.annotations(document)] == [PASSAGE]
    finally:
        reopened.close()


def test_anothers_annotation_cannot_be_deleted_from_the_window(
    qtbot, window_of_li, team, monkeypatch
):
    window = window_of_li
    view = window.text_view
    qtbot.waitUntil(lambda: view.content is not None)
    document = window.session.project.documents()[0].id
    wang = Project.open(team["wang"])
    try:
        tag = wang.tags()[0].id
        History(wang).do(CreateAnnotations((AnnotationSpec(document, tag, 40, 50),)), "tag")
    finally:
        wang.close()
    window.team.show_layers(LayerChoice("all"))
    listed = window.annotation_list
    qtbot.waitUntil(lambda: listed.table_model.rowCount() == 1, timeout=5000)
    warnings: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "warning", staticmethod(lambda _parent, _title, text: warnings.append(text))
    )
    listed.view.selectRow(0)
    qtbot.mouseClick(listed.delete_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(warnings) == 1)
    assert warnings[0].startswith("The server refused this change") and "\n" not in warnings[0]
    reopened = Project.open(team["wang"])
    try:
        assert [a.annotator for a in reopened.annotations(document)] == ["wang"]
    finally:
        reopened.close()
