"""Word-aware selection in the window: drags snap to jieba words when the mouse is released,
Alt keeps them exact, double-click selects a word, Shift+Alt+arrows step by words, and
nothing waits for jieba, which loads in the background after the window is shown."""

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, QSettings, Qt
from PySide6.QtGui import QMouseEvent, QTextCursor
from PySide6.QtWidgets import QApplication

from app.chinese.dictionary import add_sample_terms
from app.importing.importer import import_paths
from app.project import Project
from ui.text.word_selection import SETTING, WordSelection

LEFT = Qt.MouseButton.LeftButton
ALT = Qt.KeyboardModifier.AltModifier
NONE = Qt.KeyboardModifier.NoModifier
LOADED = 30_000  # ms to wait for jieba on a busy machine

ASTRAL = "记者:𠮷野家的发展怎么样?\n\n刘在军:我们𠮷发展👍🏽董家口港站建设城市。\n"


@pytest.fixture
def astral_project(tmp_path) -> Path:
    path = tmp_path / "astral.fangtan"
    source = tmp_path / "astral.txt"
    source.write_text(ASTRAL, encoding="utf-8")
    project = Project.open(path)
    report = import_paths(project, [source])
    assert report.failures == [] and len(report.imported) == 1
    add_sample_terms(project)  # 董家口港站 is one word
    project.close()
    return path


def ready_window(open_window, qtbot, path):
    window = open_window(path)
    qtbot.waitUntil(lambda: window.word_selection.segmenter.ready, timeout=LOADED)
    window.text_view.setFocus()
    return window


def point_at(view, offset: int) -> QPoint:
    """A point in the left part of the character at code point ``offset`` (viewport)."""
    cursor = QTextCursor(view.document())
    cursor.setPosition(view.offsets.to_utf16(offset))
    rect = view.cursorRect(cursor)
    return QPoint(rect.x() + 2, rect.center().y())


def send(view, kind, point: QPoint, modifiers=NONE, buttons=LEFT):
    button = Qt.MouseButton.NoButton if kind == QEvent.Type.MouseMove else LEFT
    position = QPointF(point)
    event = QMouseEvent(
        kind, position, QPointF(view.viewport().mapToGlobal(point)), button, buttons, modifiers
    )
    QApplication.sendEvent(view.viewport(), event)


def drag(view, start: int, end: int, modifiers=NONE):
    """Press on the character at ``start``, drag to the one at ``end``, release."""
    first, last = point_at(view, start), point_at(view, end)
    send(view, QEvent.Type.MouseButtonPress, first, modifiers)
    middle = QPoint((first.x() + last.x()) // 2, (first.y() + last.y()) // 2)
    send(view, QEvent.Type.MouseMove, middle, modifiers)
    send(view, QEvent.Type.MouseMove, last, modifiers)
    send(view, QEvent.Type.MouseButtonRelease, last, modifiers, Qt.MouseButton.NoButton)


def double_click(view, offset: int, modifiers=NONE):
    point = point_at(view, offset)
    send(view, QEvent.Type.MouseButtonPress, point, modifiers)
    send(view, QEvent.Type.MouseButtonRelease, point, modifiers, Qt.MouseButton.NoButton)
    send(view, QEvent.Type.MouseButtonDblClick, point, modifiers)
    send(view, QEvent.Type.MouseButtonRelease, point, modifiers, Qt.MouseButton.NoButton)


def selected(view) -> str:
    span = view.selection_span()
    assert span is not None
    return view.content.text[span[0] : span[1]]


def show_near(view, offset: int):
    view.clear_selection_at(offset)
    view.ensureCursorVisible()


def test_a_drag_snaps_to_whole_words_on_release(open_window, qtbot, sample_project):
    window = ready_window(open_window, qtbot, sample_project)
    view = window.text_view
    text = view.content.text
    start = text.index("深入贯彻落实党的二十大精神")
    show_near(view, start)
    # From inside 贯彻落实 to inside 二十大: jieba cuts 深入/贯彻落实/党/的/二十大/精神.
    drag(view, start + 3, start + 9)
    assert selected(view) == "贯彻落实党的二十大"
    # Backwards too, keeping the moving end where the mouse is.
    show_near(view, start)  # (a press inside a selection would drag the text instead)
    drag(view, start + 9, start + 3)
    assert selected(view) == "贯彻落实党的二十大"
    cursor = view.textCursor()
    assert cursor.position() < cursor.anchor()


def test_alt_keeps_a_drag_character_exact(open_window, qtbot, sample_project):
    window = ready_window(open_window, qtbot, sample_project)
    view = window.text_view
    text = view.content.text
    start = text.index("深入贯彻落实党的二十大精神")
    show_near(view, start)
    drag(view, start + 3, start + 9, ALT)
    assert selected(view) == "彻落实党的二"


def test_double_click_selects_the_word(open_window, qtbot, sample_project):
    window = ready_window(open_window, qtbot, sample_project)
    view = window.text_view
    text = view.content.text
    start = text.index("泊里镇将在哪些方面")
    show_near(view, start)
    double_click(view, start + 1)  # on 里
    assert selected(view) == "泊里镇"  # a seed term; jieba alone cuts 泊里/镇
    double_click(view, start + 6)  # on 些 of 哪些方面
    assert selected(view) == "哪些方面"


def test_shift_alt_arrows_grow_and_shrink_by_words(open_window, qtbot, sample_project):
    window = ready_window(open_window, qtbot, sample_project)
    view = window.text_view
    text = view.content.text
    start = text.index("深入贯彻落实党的二十大精神")
    show_near(view, start)
    right = Qt.Key.Key_Right
    left = Qt.Key.Key_Left
    keys = Qt.KeyboardModifier.ShiftModifier | ALT
    qtbot.keyClick(view, right, keys)
    assert selected(view) == "深入"
    qtbot.keyClick(view, right, keys)
    assert selected(view) == "深入贯彻落实"
    qtbot.keyClick(view, right, keys)
    qtbot.keyClick(view, right, keys)
    qtbot.keyClick(view, right, keys)
    assert selected(view) == "深入贯彻落实党的二十大"
    qtbot.keyClick(view, left, keys)
    assert selected(view) == "深入贯彻落实党的"
    qtbot.keyClick(view, left, keys)
    qtbot.keyClick(view, left, keys)
    assert selected(view) == "深入贯彻落实"


def test_astral_characters_next_to_words_are_never_split(open_window, qtbot, astral_project):
    window = ready_window(open_window, qtbot, astral_project)
    view = window.text_view
    text = view.content.text
    answer = text.index("我们𠮷发展")
    astral = text.index("𠮷", answer)
    station = text.index("董家口港站")
    show_near(view, answer)
    drag(view, astral + 2, station + 2)  # inside 发展 to inside 董家口港站
    assert selected(view) == "发展👍🏽董家口港站"
    drag(view, astral, astral + 2)  # from 𠮷 to inside 发展
    assert selected(view) == "𠮷发展"
    drag(view, answer + 1, astral + 1)  # inside 我们 to just after 𠮷: the astral char whole
    assert selected(view) == "我们𠮷"
    double_click(view, astral)
    assert selected(view) == "𠮷"
    thumb = text.index("👍🏽")
    double_click(view, thumb)
    assert selected(view) == "👍🏽"  # the skin tone stays with its emoji
    # Word steps over an astral character land on whole characters only.
    view.clear_selection_at(answer)
    keys = Qt.KeyboardModifier.ShiftModifier | ALT
    qtbot.keyClick(view, Qt.Key.Key_Right, keys)
    qtbot.keyClick(view, Qt.Key.Key_Right, keys)
    assert selected(view) == "我们𠮷"
    qtbot.keyClick(view, Qt.Key.Key_Right, keys)
    qtbot.keyClick(view, Qt.Key.Key_Right, keys)
    assert selected(view) == "我们𠮷发展👍🏽"


def test_before_jieba_is_loaded_selection_is_exact_and_nothing_waits(
    open_window, qtbot, sample_project, monkeypatch
):
    monkeypatch.setattr(WordSelection, "start_loading", lambda self: None)
    window = open_window(sample_project)
    segmenter = window.word_selection.segmenter
    assert not segmenter.ready
    view = window.text_view
    view.setFocus()
    text = view.content.text
    start = text.index("深入贯彻落实党的二十大精神")
    show_near(view, start)
    drag(view, start + 3, start + 9)
    assert selected(view) == "彻落实党的二"
    show_near(view, start)
    keys = Qt.KeyboardModifier.ShiftModifier | ALT
    qtbot.keyClick(view, Qt.Key.Key_Right, keys)
    assert selected(view) == "深"
    assert not segmenter.ready  # nothing asked for jieba and waited


def test_snapping_can_be_turned_off_and_the_choice_is_remembered(
    open_window, qtbot, sample_project
):
    window = ready_window(open_window, qtbot, sample_project)
    action = window.word_selection.snap_action
    assert action.isChecked()
    assert action in window.findChild(type(window.file_menu), "viewMenu").actions()
    action.trigger()
    assert QSettings("Fangtan", "Fangtan").value(SETTING, type=bool) is False
    view = window.text_view
    text = view.content.text
    start = text.index("深入贯彻落实党的二十大精神")
    show_near(view, start)
    drag(view, start + 3, start + 9)
    assert selected(view) == "彻落实党的二"
    again = open_window(sample_project)
    assert not again.word_selection.snap_action.isChecked()


def test_jieba_loads_only_after_the_window_is_shown(sample_project):
    script = textwrap.dedent(
        f"""
        import sys, time
        from pathlib import Path
        from PySide6.QtCore import QEventLoop, QTimer
        from PySide6.QtWidgets import QApplication

        application = QApplication([])
        from app.project import Project
        from app.chinese.segmentation import for_project
        from ui.main_window import MainWindow
        from ui.window.session import ProjectSession

        window = MainWindow(ProjectSession(Project.open(Path({str(sample_project)!r}))))
        window.show()
        assert "jieba" not in sys.modules, "jieba was imported before the window was shown"
        segmenter = for_project(window.session.project)
        deadline = time.monotonic() + 60
        while not segmenter.ready and time.monotonic() < deadline:
            loop = QEventLoop()
            QTimer.singleShot(20, loop.quit)
            loop.exec()
        assert segmenter.ready, "jieba did not load in the background"
        assert "jieba" in sys.modules
        assert "jieba.analyse" not in sys.modules, "jieba.analyse is for keywords only"
        window.runner.wait()
        print("ok")
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().endswith("ok")


def test_install_adds_one_feature_object(open_window, sample_project):
    window = open_window(sample_project)
    assert isinstance(window.word_selection, WordSelection)
    assert window.findChildren(WordSelection) == [window.word_selection]
    assert window.word_selection.snap_action in window.view_menu.actions()
