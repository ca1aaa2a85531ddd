"""Where the editor was reading: the interview and the place in it, per project, kept in
the user's settings so that the next start opens there instead of at the first one."""

import hashlib
from pathlib import Path

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QTextCursor

from ui.text.view import TextView
from ui.window.i18n import settings

SETTINGS_GROUP = "readingPlaces"
SETTLE_MS = 800  # scrolling settles this long before the place is written down


def _key(project: Path) -> str:
    """A settings key for a project file (its path, hashed: keys may not hold slashes)."""
    return hashlib.sha1(str(project.resolve()).encode("utf-8")).hexdigest()


class ReadingPlace(QObject):
    def __init__(self, project: Path, view: TextView, parent: QObject) -> None:
        super().__init__(parent)
        self._key = _key(project)
        self._view = view
        self._restoring = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SETTLE_MS)
        self._timer.timeout.connect(self.save)
        view.document_changed.connect(lambda _id: self._timer.start())
        view.verticalScrollBar().valueChanged.connect(self._moved)

    def remembered(self) -> tuple[int, int] | None:
        """The interview last read and the code point at the top of the view, if known."""
        store = settings()
        value = store.value(f"{SETTINGS_GROUP}/{self._key}")
        if not isinstance(value, str):
            return None
        try:
            document, offset = (int(part) for part in value.split(":"))
        except ValueError:
            return None
        return document, offset

    def save(self) -> None:
        content = self._view.content
        if content is None or self._restoring:
            return
        block = self._view.firstVisibleBlock()
        offset = self._view.offsets.to_code_point(block.position()) if block.isValid() else 0
        settings().setValue(f"{SETTINGS_GROUP}/{self._key}", f"{content.meta.id}:{offset}")

    def go_to(self, offset: int) -> None:
        """Put the paragraph holding ``offset`` at the top of the view."""
        view = self._view
        if view.content is None:
            return
        position = view.offsets.to_utf16(min(max(offset, 0), len(view.content.text)))
        self._restoring = True
        try:
            cursor = QTextCursor(view.document())
            cursor.setPosition(position)
            bar = view.verticalScrollBar()
            bar.setValue(bar.maximum())  # then revealing the cursor scrolls it to the top
            view.setTextCursor(cursor)
            view.ensureCursorVisible()
        finally:
            self._restoring = False

    def _moved(self, _value: int) -> None:
        if not self._restoring:
            self._timer.start()
