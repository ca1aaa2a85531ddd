"""What one tag costs the window thread, all of it: the 2 MB interview with 5,000
annotations, suggestions on, tags spread through the document.

For each key press it reports two figures:

- first frame: key press → the first repaint of the window after it;
- settled: key press → the end of the last piece of window-thread work the tag set
  off (deferred counts and lists, suggestion bookkeeping, outlines, the repaints they
  cause). The clock stops only after a quiet spell with no event handled for longer
  than a trivial one, so deferred work is counted.

The floor is a forced repaint of the viewport with nothing changed. Prints median / p95
/ max over the runs; asserts nothing. Run with:

    .venv/bin/python benchmarks/tag_settled.py [--tags 200] [--quiet-ms 400]
"""

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="fangtan-bench-config-")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from large_document import build
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from app.project import Project
from ui.main_window import MainWindow
from ui.window.session import ProjectSession

WORK_S = 0.0003  # an event handled in less than this is not work the tag caused
SETTLE_MS = 8000


class WorkClock(QApplication):
    """Notes the end of the last event whose handling was work, and of the first
    repaint after a mark."""

    last_work_end = 0.0
    first_paint = 0.0

    def notify(self, receiver: QObject, event: QEvent) -> bool:
        started = time.perf_counter()
        handled = super().notify(receiver, event)
        ended = time.perf_counter()
        if ended - started >= WORK_S:
            self.last_work_end = ended
        if event.type() == QEvent.Type.UpdateRequest and self.first_paint == 0.0:
            self.first_paint = ended
        return handled


def figures(values: list[float]) -> str:
    ordered = sorted(values)
    p95 = ordered[max(0, int(len(ordered) * 0.95) - 1)]
    return (
        f"median {statistics.median(ordered) * 1000:.1f} ms, p95 {p95 * 1000:.1f}, "
        f"max {ordered[-1] * 1000:.1f} (n={len(ordered)})"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--tags", type=int, default=200)
    parser.add_argument("--quiet-ms", type=int, default=400)
    options = parser.parse_args()
    app = WorkClock(sys.argv[:1])
    folder = Path(tempfile.mkdtemp(prefix="fangtan-settled-"))
    path, length = build(folder, 700_000, 5_000)
    window = MainWindow(ProjectSession(Project.open(path, annotator="bench")))
    window.resize(1400, 900)
    window.show()
    window.activateWindow()
    QTest.qWait(SETTLE_MS)
    window.runner.wait()
    app.processEvents()
    view = window.text_view
    rng = random.Random(5)

    floors = []
    for _ in range(20):
        started = time.perf_counter()
        view.viewport().repaint()
        floors.append(time.perf_counter() - started)

    first, settled = [], []
    quiet = options.quiet_ms / 1000
    positions = sorted(rng.randrange(0, length - 100) for _ in range(options.tags))
    for start in positions:
        view.select_span(start, start + 30)
        view.setFocus()
        QTest.qWait(50)
        app.first_paint = 0.0
        began = time.perf_counter()
        app.last_work_end = began
        QTest.keyClick(view, Qt.Key.Key_2)
        while time.perf_counter() - max(app.last_work_end, began) < quiet:
            app.processEvents()
        first.append((app.first_paint or app.last_work_end) - began)
        settled.append(app.last_work_end - began)

    print(f"document: {length:,} characters, 5,000 annotations, {options.tags} tags")
    print(f"floor, viewport repaint with nothing changed: {figures(floors)}")
    print(f"tag, key → first frame: {figures(first)}")
    print(f"tag, key → every piece of window-thread work done: {figures(settled)}")
    window.session.close()


if __name__ == "__main__":
    main()
