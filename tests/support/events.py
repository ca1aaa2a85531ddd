"""Counting the events of one type an object receives, for tests that say how often
something happened (repaints, quits)."""

from PySide6.QtCore import QEvent, QObject


class EventCount(QObject):
    """Install with ``watched.installEventFilter(counter)``; ``count`` goes up by one per
    event of ``kind``, which is passed on unchanged."""

    def __init__(self, kind: QEvent.Type) -> None:
        super().__init__()
        self.kind = kind
        self.count = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == self.kind:
            self.count += 1
        return False
