"""A 2 MB interview carrying 5,000 annotations: open it, tag passages, scroll.

Prints medians over several runs. Run with:

    .venv/bin/python benchmarks/large_document.py
"""

import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The user's own window layout and reading places are never read or written.
os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="fangtan-bench-config-")

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from app.editing.commands import AnnotationSpec, CreateAnnotations
from app.importing.importer import import_text
from app.project import Project
from ui.main_window import MainWindow
from ui.window.session import ProjectSession

SETTLE_MS = 8000  # long enough for the start-up work: segmenter, index, model, suggestions

SENTENCES = [
    "今年,泊里镇将以深入贯彻落实党的二十大精神为主线,聚焦实体经济发展创新突破。",
    "大力推进氢能产业园区建设,推动总投资30亿元的美锦氢能汽车制造项目投产运营。",
    "高标准建设安置区和农民经济适用房,实现三个村庄年内回迁,办好群众身边的关键小事。",
    "持续推进智慧城市建设,打造具有泊里特色的智能化场景应用,提升城市管理智慧化水平。",
]


def add_large_interview(project: Project, characters: int, annotations: int) -> tuple[int, int]:
    """Import one interview of about ``characters`` characters carrying ``annotations``
    random annotations; its id and length."""
    rng = random.Random(7)
    parts = ["长篇访谈\n\n——访某镇党委书记张三\n\n"]
    length = len(parts[0])
    turn = 0
    while length < characters:
        speaker = "记者" if turn % 2 == 0 else "张三"
        paragraph = speaker + ":" + "".join(rng.choice(SENTENCES) for _ in range(8)) + "\n\n"
        parts.append(paragraph)
        length += len(paragraph)
        turn += 1
    report = import_text(project, "".join(parts), "large.txt")
    document_id = report.imported[0].id
    stored = project.document(document_id).text
    tags = [tag.id for tag in project.tags()]
    specs = []
    for _ in range(annotations):
        start = rng.randrange(0, len(stored) - 200)
        specs.append(
            AnnotationSpec(document_id, rng.choice(tags), start, start + rng.randint(4, 120))
        )
    project.execute(CreateAnnotations(tuple(specs)))
    return document_id, len(stored)


def build(folder: Path, characters: int, annotations: int) -> tuple[Path, int]:
    path = folder / "large.fangtan"
    project = Project.open(path, annotator="bench")  # the layer the benchmarks open
    try:
        _, length = add_large_interview(project, characters, annotations)
    finally:
        project.close()
    return path, length


class PaintClock(QApplication):
    """Notes when the window last finished painting what had changed (Qt paints every
    dirty widget of a window while it handles one UpdateRequest)."""

    painted_at = 0.0

    def notify(self, receiver: QObject, event: QEvent) -> bool:
        handled = super().notify(receiver, event)
        if event.type() == QEvent.Type.UpdateRequest:
            self.painted_at = time.perf_counter()
        return handled


def main() -> None:
    app = PaintClock(sys.argv[:1])
    folder = Path(tempfile.mkdtemp(prefix="fangtan-large-"))
    path, length = build(folder, 700_000, 5_000)
    size_mb = length * 3 / 1_048_576
    window = MainWindow(ProjectSession(Project.open(path, annotator="bench")))
    window.resize(1400, 900)
    window.show()
    window.activateWindow()
    app.processEvents()
    document_id = window.document_list.current_document_id()

    def open_times(runs: int) -> tuple[list[float], list[float]]:
        """Click to the first screen painted, and to every highlight painted."""
        opens, complete = [], []
        for _ in range(runs):
            window.documents.show_document(None)
            app.processEvents()
            started = time.perf_counter()
            window.documents.show_document(document_id)
            window.text_view.viewport().repaint()
            opens.append(time.perf_counter() - started)
            while not window.text_view.fully_painted:
                app.processEvents()
            complete.append(time.perf_counter() - started)
        return opens, complete

    # In the first seconds, while jieba, the search index and the suggestions load.
    opens, complete = open_times(5)

    view = window.text_view
    rng = random.Random(3)

    def tag_times(forced_repaint: bool = True) -> list[float]:
        """Key to committed and repainted: the whole viewport repainted at once, or (not
        forced) to the end of the window's own repaint of what changed."""
        times = []
        for _ in range(40):
            start = rng.randrange(0, length - 100)
            view.select_span(start, start + 30)
            view.setFocus()
            app.processEvents()
            app.painted_at = 0.0
            started = time.perf_counter()
            QTest.keyClick(view, Qt.Key.Key_2)
            if forced_repaint:
                view.viewport().repaint()
                times.append(time.perf_counter() - started)
                continue
            while app.painted_at == 0.0:
                app.processEvents()
            times.append(app.painted_at - started)
        return times

    # Right after opening, the window's own start-up work (word segmenter, search index,
    # model training, suggestions) still runs in the background and shares the interpreter.
    busy = tag_times()
    QTest.qWait(SETTLE_MS)
    window.runner.wait()
    app.processEvents()
    settled = tag_times()
    quiet_opens, quiet_complete = open_times(7)
    natural = tag_times(forced_repaint=False)

    panel = window.suggestions_panel
    found, stats = panel.suggestions, panel._stats
    fills = []
    for _ in range(5):
        started = time.perf_counter()
        panel._show(found, stats, False)
        app.processEvents()
        fills.append(time.perf_counter() - started)

    scrolls = []
    bar = view.verticalScrollBar()
    for step in range(60):
        bar.setValue(bar.maximum() * step // 60)
        started = time.perf_counter()
        view.viewport().repaint()
        view.stripes.repaint()
        scrolls.append(time.perf_counter() - started)
    view.moveCursor(QTextCursor.MoveOperation.Start)

    def ms(values: list[float]) -> str:
        ordered = sorted(values)
        p95 = ordered[max(0, int(len(ordered) * 0.95) - 1)]
        return (
            f"median {statistics.median(values) * 1000:.1f} ms, p95 {p95 * 1000:.1f} ms, "
            f"max {ordered[-1] * 1000:.1f} ms"
        )

    print(f"document: {length:,} characters (~{size_mb:.1f} MB UTF-8), 5,000 annotations")
    print(f"open during start-up, first screen painted with its highlights: {ms(opens)}")
    print(f"open during start-up, every highlight painted (the rest while idle): {ms(complete)}")
    print(f"open after start-up, first screen painted with its highlights: {ms(quiet_opens)}")
    print(f"open after start-up, every highlight painted: {ms(quiet_complete)}")
    print(f"tag a selection (key -> committed -> repainted), background work done: {ms(settled)}")
    print(f"tag a selection, while the start-up work runs in the background: {ms(busy)}")
    print(f"tag a selection, key -> end of the window's own repaint: {ms(natural)}")
    print(f"scroll repaint (text + stripes): {ms(scrolls)}")
    print(f"suggestion list filled with {len(found):,} suggestions and shown: {ms(fills)}")
    window.session.close()


if __name__ == "__main__":
    main()
