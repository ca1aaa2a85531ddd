"""The keys that decide suggestions: Enter accepts, Backspace rejects, Tab moves on.

They work, unmodified, in the interview text and in the suggestion list, while there
is a current suggestion of the interview on screen; an editor open inside either keeps
its keys. A held key decides once: its repeats are swallowed, so one press accepts or
rejects at most one suggestion.
"""

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QApplication, QWidget

ACCEPT_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
REJECT_KEYS = (Qt.Key.Key_Backspace,)
NEXT_KEYS = (Qt.Key.Key_Tab,)


class DecisionKeys(QObject):
    def __init__(
        self,
        text: QWidget,
        listing: QAbstractItemView,
        active: Callable[[], bool],
        accept: Callable[[], None],
        reject: Callable[[], None],
        following: Callable[[], None],
        parent: QObject,
    ) -> None:
        super().__init__(parent)
        self._text, self._listing, self._active = text, listing, active
        self._accept, self._reject, self._following = accept, reject, following
        text.installEventFilter(self)
        listing.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and self._handles(watched, event)
        ):
            key = event.key()
            if event.isAutoRepeat() and key not in NEXT_KEYS:
                return True
            if key in ACCEPT_KEYS:
                self._accept()
            elif key in REJECT_KEYS:
                self._reject()
            else:
                self._following()
            return True
        return super().eventFilter(watched, event)

    def _handles(self, watched: QObject, event: QKeyEvent) -> bool:
        if event.modifiers() not in (
            Qt.KeyboardModifier.NoModifier,
            Qt.KeyboardModifier.KeypadModifier,
        ):
            return False
        if event.key() not in ACCEPT_KEYS + REJECT_KEYS + NEXT_KEYS:
            return False
        if watched is not self._text and watched is not self._listing:
            return False
        focus = QApplication.focusWidget()
        if focus is not None and focus is not watched and not watched.isAncestorOf(focus):
            return False  # an editor inside (a cell being edited) keeps its keys
        if self._listing.state() == QAbstractItemView.State.EditingState:
            return False
        return self._active()
