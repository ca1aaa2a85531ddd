"""How soon another annotator's work appears in an open window of a server project.

li's window is open (offscreen) on a throwaway local server with the sample interviews;
another process, logged in as wang, tags a passage; the clock runs from just before
wang's action returns to the moment li's annotation list shows it. Only the server's
announcement brings it: the window's periodic check is switched off. Run with:

    .venv/bin/python benchmarks/live_updates.py [--runs 20]
"""

import argparse
import multiprocessing
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def wang(
    url: str, orders: "multiprocessing.Queue[int | None]", done: "multiprocessing.Queue[float]"
) -> None:
    from app.editing.commands import AnnotationSpec, CreateAnnotations
    from app.editing.history import History
    from app.project import Project

    project = Project.open(url)
    history = History(project)
    tag = project.tags()[0].id
    document = project.documents()[0].id
    while (start := orders.get()) is not None:
        began = time.perf_counter()
        history.do(CreateAnnotations((AnnotationSpec(document, tag, start, start + 4),)), "tag")
        done.put(time.time() - (time.perf_counter() - began))
    project.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    options = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="fangtan-live-"))
    os.environ["XDG_CONFIG_HOME"] = str(folder / "config")
    os.environ["XDG_DATA_HOME"] = str(folder / "data")
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from tests.support.postgres import Cluster

    cluster = Cluster()
    cluster.start()
    try:
        with cluster.database() as database:
            return measure(database.url, options.runs)
    finally:
        cluster.close()


def measure(url: str, runs: int) -> int:
    from PySide6.QtWidgets import QApplication

    from app.project import Project
    from app.server.admin import add_user, init_server
    from app.workspace import import_sample
    from models.server import ServerAddress
    from ui.panels.document_controller import LayerChoice
    from ui.window.application import Application

    address = ServerAddress.parse(url)
    init_server(address)
    lead = Project.open(url, annotator="zhao")
    import_sample(lead)
    lead.close()
    for name in ("li", "wang"):
        add_user(address, name, "annotator")
    context = multiprocessing.get_context("spawn")
    orders: multiprocessing.Queue[int | None] = context.Queue()
    done: multiprocessing.Queue[float] = context.Queue()
    worker = context.Process(target=wang, args=(address.with_user("wang").shown(), orders, done))
    worker.start()
    app = QApplication(sys.argv[:1])
    application = Application(app)
    if not application.open(address.with_user("li").shown()):
        return 1
    window = application.window
    assert window is not None
    window.team.show_layers(LayerChoice("all"))
    window.other_writers.timer.stop()
    rows = window.annotation_list.table_model.rowCount
    deadline = time.monotonic() + 10
    while not window.other_writers.online and time.monotonic() < deadline:
        app.processEvents()
    delays: list[float] = []
    for run in range(runs):
        shown = rows()
        orders.put(10 + run * 6)
        committed = done.get(timeout=30)
        while rows() == shown:
            app.processEvents()
        delays.append((time.time() - committed) * 1000)
    orders.put(None)
    worker.join(timeout=30)
    window.other_writers.stop()
    window.session.close()
    delays.sort()
    p95 = delays[max(0, round(0.95 * len(delays)) - 1)]
    print(
        f"another annotator's tag shown in the open window after (ms, {runs} runs): "
        f"median {statistics.median(delays):.0f}, p95 {p95:.0f}, max {delays[-1]:.0f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
