"""A screenshot of a server project: li's window with li's layer, and wang's annotations
appearing in it while it is open, announced by the server.

    xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python -m tests.support.server_shots \
        --language zh_CN --out shot.png

Starts its own throwaway PostgreSQL cluster on 127.0.0.1 and removes it afterwards.
"""

import argparse
import os
import sys
import tempfile
from pathlib import Path

from app.editing.commands import AnnotationSpec, CreateAnnotations
from app.editing.history import History
from app.project import Project
from app.server.admin import add_user, init_server
from app.turns import content_span
from app.workspace import import_sample
from models.server import ServerAddress
from tests.support.postgres import Cluster

DATABASE = "xihaian_desk"
WAIT_TICKS = 100  # of 100 ms, for wang's annotations to appear


def tag_answers(url: str, every: int, offset: int) -> None:
    """Tag some answers of the first interview as the URL's user, one action each."""
    project = Project.open(url)
    try:
        history = History(project)
        tags = project.tags()
        document = project.documents()[0].id
        content = project.document(document)
        answers = [turn for turn in content.turns if turn.kind == "answer"]
        for number, turn in enumerate(answers):
            if number % every != offset:
                continue
            start, end = content_span(turn)
            length = max(1, (end - start) // 3)
            first = start + offset * length
            spec = AnnotationSpec(document, tags[(number + offset) % len(tags)].id, first,
                                  min(end, first + length))  # fmt: skip
            history.do(CreateAnnotations((spec,)), "tag")
    finally:
        project.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--language", default="zh_CN", choices=["zh_CN", "en"])
    parser.add_argument("--out", type=Path, required=True)
    options = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="fangtan-shot-"))
    os.environ["XDG_CONFIG_HOME"] = str(folder / "config")
    os.environ["XDG_DATA_HOME"] = str(folder / "data")
    cluster = Cluster()
    cluster.start()
    try:
        with cluster.connect() as connection:
            connection.execute(f"CREATE DATABASE {DATABASE}")
        return _shoot(cluster.admin_url(DATABASE).replace("+psycopg", ""), options)
    finally:
        cluster.close()


def _shoot(url: str, options: argparse.Namespace) -> int:
    address = ServerAddress.parse(url)
    init_server(address)
    lead = Project.open(url, annotator="zhao")
    try:
        import_sample(lead)
    finally:
        lead.close()
    for name in ("li", "wang"):
        add_user(address, name, "annotator")
    li, wang = (address.with_user(name).shown() for name in ("li", "wang"))
    tag_answers(li, 2, 0)

    from PySide6.QtCore import QSettings, QTimer
    from PySide6.QtWidgets import QApplication

    from ui.panels.document_controller import LayerChoice
    from ui.window.application import Application

    app = QApplication(sys.argv[:1])
    app.setApplicationName("Fangtan")
    app.setOrganizationName("Fangtan")
    QSettings("Fangtan", "Fangtan").setValue("language", options.language)
    application = Application(app)
    if not application.open(li):
        return 1
    window = application.window
    assert window is not None
    window.setGeometry(app.primaryScreen().availableGeometry())
    window.team.show_layers(LayerChoice("all"))
    window.other_writers.timer.stop()  # what appears is brought by the announcement alone
    rows = window.annotation_list.table_model.rowCount
    before = [0]
    waited = [0]

    def others_work() -> None:
        before[0] = rows()
        tag_answers(wang, 2, 1)
        QTimer.singleShot(100, shoot)

    def shoot() -> None:
        waited[0] += 1
        if rows() == before[0] and waited[0] < WAIT_TICKS:
            QTimer.singleShot(100, shoot)
            return
        options.out.parent.mkdir(parents=True, exist_ok=True)
        window.grab().save(str(options.out))
        print(f"{options.out}: {window.width()}×{window.height()}, {rows()} annotations shown")
        window.other_writers.stop()
        app.quit()

    QTimer.singleShot(1500, others_work)
    code = app.exec()
    window.session.close()
    return code


if __name__ == "__main__":
    sys.exit(main())
