"""For any text (astral characters, emoji, combining marks, CRLF), selecting a passage in the
window, pressing a tag key and exporting gives back exactly the selected characters."""

import csv
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from app.exchange import ExportOptions
from app.importing.importer import import_paths
from app.project import Project
from ui.main_window import MainWindow
from ui.window.session import ProjectSession

PIECES = st.sampled_from(
    [
        "访谈",
        "民生",
        "𠮷",
        "😀",
        "👍🏽",
        "e\u0301",
        "ａ",
        "abc",
        " ",
        "\r\n",
        "，",
        "。",
        "𝔸𝔹",
        "党建",
    ]
)
BODIES = st.lists(PIECES, min_size=1, max_size=30).map("".join).filter(lambda text: text.strip())


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(body=BODIES, data=st.data())
def test_selected_characters_come_back_from_the_csv(qtbot, body, data):
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        source = root / "interview.txt"
        source.write_bytes(("标题\r\n\r\n记者：" + body + "\r\n").encode("utf-8"))
        project = Project.open(root / "p.fangtan", annotator="tester")
        assert import_paths(project, [source]).ok
        window = MainWindow(ProjectSession(project))
        qtbot.addWidget(window)
        with qtbot.waitActive(window):
            window.show()
            window.activateWindow()
        view = window.text_view
        text = view.content.text
        start = data.draw(st.integers(0, len(text) - 1))
        end = data.draw(st.integers(start + 1, len(text)))

        first, last = view._offsets.span_to_utf16(start, end)
        cursor = view.textCursor()
        cursor.setPosition(first)
        cursor.setPosition(last, QTextCursor.MoveMode.KeepAnchor)
        view.setTextCursor(cursor)
        view.setFocus()
        qtbot.keyClick(view, Qt.Key.Key_1)
        qtbot.waitUntil(lambda: window.annotation_list.table_model.rowCount() == 1)

        target = root / "out.csv"
        window.transfers.export("csv", target, ExportOptions())
        qtbot.waitUntil(lambda: not window.transfers.busy, timeout=10_000)
        window.close()
        window.session.close()
        with target.open(encoding="utf-8-sig", newline="") as handle:
            [row] = list(csv.DictReader(handle))
        expected = text[start:end]
        if expected.startswith(("=", "+", "-", "@", "\t", "\r")):
            expected = "'" + expected
        assert row["text"] == expected
        assert (int(row["start"]), int(row["end"])) == (start, end)
