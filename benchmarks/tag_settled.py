"""What one tag costs the window thread, all of it: the 2 MB interview with 5,000
annotations, suggestions on, tags spread through the document.

For each key press it reports two figures:

- first frame: key press → the first repaint of the window after it;
- settled: key press → the end of the last piece of window-thread work the tag set
  off (deferred counts and lists, suggestion bookkeeping, outlines, the repaints they
  cause). The clock stops only after a quiet spell with no event handled for longer
  than a trivial one, so deferred work is counted. The watch for other writers, a timer
  that fires every 1.5 s whatever the user does, does not keep the clock running.

Then, for a few tags, what the window thread does in the 2.5 s after the key, when the
suggestions are worked out again once the annotator pauses (1.5 s after the last tag):
its busy time in all and the longest single event (what a key pressed then could wait).

The floor is a forced repaint of the viewport with nothing changed. Prints median / p95
/ max over the runs; asserts nothing. Run with:

    .venv/bin/python benchmarks/tag_settled.py [--tags 200] [--quiet-ms 400] [--paused 20]
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

from export import build as build_project
from large_document import add_large_interview, build
from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from app.project import Project
from ui.main_window import MainWindow
from ui.window.session import ProjectSession

WORK_S = 0.0003  # an event handled in less than this is not work the tag caused
# Timers that fire whatever the user does (the watch for other writers every 1.5 s): their
# time counts as busy, but they do not keep the clock of a tag running.
PERIODIC = frozenset({"OtherWriters"})
SETTLE_MS = 8000


class WorkClock(QApplication):
    """Notes the end of the last event whose handling was work, and of the first
    repaint after a mark."""

    last_work_end = 0.0
    first_paint = 0.0
    busy = 0.0  # window-thread time in events of WORK_S or more, outermost only
    longest = 0.0
    depth = 0

    def notify(self, receiver: QObject, event: QEvent) -> bool:
        periodic = (
            self.depth == 0
            and isinstance(receiver, QTimer)
            and type(receiver.parent()).__name__ in PERIODIC
        )
        started = time.perf_counter()
        self.depth += 1
        try:
            handled = super().notify(receiver, event)
        finally:
            self.depth -= 1
        ended = time.perf_counter()
        if ended - started >= WORK_S:
            if not periodic:
                self.last_work_end = ended
            if self.depth == 0:
                self.busy += ended - started
                self.longest = max(self.longest, ended - started)
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
    parser.add_argument(
        "--big", action="store_true", help="inside 1,000 interviews / 200,000 annotations"
    )
    parser.add_argument("--paused", type=int, default=20, help="tags followed by a pause")
    options = parser.parse_args()
    app = WorkClock(sys.argv[:1])
    folder = Path(tempfile.mkdtemp(prefix="fangtan-settled-"))
    if options.big:
        path = folder / "big.fangtan"
        build_project(path, 1000, 200_000, 10.0)
        opened = Project.open(path, annotator="bench")
        try:
            document_id, length = add_large_interview(opened, 700_000, 5_000)
        finally:
            opened.close()
    else:
        path, length = build(folder, 700_000, 5_000)
        document_id = None
    window = MainWindow(ProjectSession(Project.open(path, annotator="bench")))
    if document_id is not None:
        window.document_list.select_document(document_id)
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

    busy, longest = [], []
    for start in sorted(rng.randrange(0, length - 100) for _ in range(options.paused)):
        view.select_span(start, start + 30)
        view.setFocus()
        QTest.qWait(50)
        app.busy = app.longest = 0.0
        began = time.perf_counter()
        QTest.keyClick(view, Qt.Key.Key_3)
        while time.perf_counter() - began < 2.5:
            app.processEvents()
        busy.append(app.busy)
        longest.append(app.longest)

    where = "in 1,000 interviews / 200,000 annotations" if options.big else "alone"
    print(f"document: {length:,} characters, 5,000 annotations, {where}, {options.tags} tags")
    print(f"floor, viewport repaint with nothing changed: {figures(floors)}")
    print(f"tag, key → first frame: {figures(first)}")
    print(f"tag, key → every piece of window-thread work done: {figures(settled)}")
    print(f"tag and pause 2.5 s, window-thread busy time: {figures(busy)}")
    print(f"tag and pause 2.5 s, longest single event: {figures(longest)}")
    window.session.close()


if __name__ == "__main__":
    main()
