"""A long interview's highlights off screen are written while the window is idle: without
repainting the text on screen for each batch, and drawn when they are scrolled to."""

import random

from PySide6.QtCore import QEvent
from PySide6.QtGui import QColor

from app.editing.commands import AnnotationSpec, CreateAnnotations
from app.importing.importer import import_text
from app.project import Project
from tests.support.events import EventCount
from ui.text.colors import highlight_background

SENTENCES = (
    "我们把码头的老仓库改成了社区活动中心，周末有不少老人来下棋。",
    "去年新开了两条公交线路，从村里到镇上只要二十分钟。",
    "合作社统一收购海带，价格比往年稳定，渔民心里踏实多了。",
)


def long_interview(path) -> tuple[int, int]:
    """An interview of about 1,800 paragraphs with a highlight in each answer's first
    sentence; its id and the start of the last highlight."""
    rng = random.Random(5)
    paragraphs = ["海边小镇的变化\n\n——访某村党支部书记\n\n"]
    for turn in range(1800):
        speaker = "记者" if turn % 2 == 0 else "李书记"
        paragraphs.append(
            f"{speaker}：" + "".join(rng.choice(SENTENCES) for _ in range(3)) + "\n\n"
        )
    project = Project.open(path, annotator="tester")
    try:
        document = import_text(project, "".join(paragraphs), "long.txt").imported[0].id
        text = project.document(document).text
        tag = project.tags()[0].id
        specs, start = [], 0
        for _ in range(900):
            start = text.index("李书记：", start) + len("李书记：")
            specs.append(AnnotationSpec(document, tag, start, start + 10))
        project.execute(CreateAnnotations(tuple(specs)))
    finally:
        project.close()
    return document, start


def test_highlights_off_screen_are_written_without_repainting_the_text_each_time(
    qtbot, open_window, tmp_path
):
    document, last = long_interview(tmp_path / "long.fangtan")
    window = open_window(tmp_path / "long.fangtan")
    window.resize(900, 600)
    view = window.text_view
    paints = EventCount(QEvent.Type.Paint)
    view.viewport().installEventFilter(paints)
    batches = []
    original = view.highlighter.paint_some

    def counted(count: int) -> bool:
        batches.append(count)
        return original(count)

    view.highlighter.paint_some = counted
    window.documents.show_document(document)
    qtbot.waitUntil(lambda: view.content is not None and view.content.meta.id == document)
    qtbot.waitUntil(lambda: view.fully_painted, timeout=20_000)
    assert len(batches) >= 3  # written in several batches while idle
    assert paints.count < len(batches)  # not a repaint of the screen for each
    # Scrolled to the end, the last highlight is drawn in its tag's colour.
    view.select_span(last, last + 10)  # centres it on screen
    cursor = view.textCursor()
    cursor.setPosition(cursor.selectionStart())
    rect = view.cursorRect(cursor)
    view.clear_selection()
    shown = view.viewport().grab().toImage()
    expected = highlight_background([QColor(window.tags[0].color)]).name()
    seen = {shown.pixelColor(x, rect.center().y()).name() for x in range(rect.x(), shown.width())}
    assert expected in seen
