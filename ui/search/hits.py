"""The Search dock's list of hits, keyword in context: document, speaker, the text
before, the hit and the text after."""

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from app.search.engine import Hit

_Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()

DOCUMENT_COLUMN, SPEAKER_COLUMN, LEFT_COLUMN, HIT_COLUMN, RIGHT_COLUMN = range(5)


class HitTableModel(QAbstractTableModel):
    """Hits as rows: document, speaker, left context, hit, right context."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._hits: list[Hit] = []
        self._titles: dict[int, str] = {}
        self._bold = QFont()
        self._bold.setBold(True)

    def set_hits(self, hits: list[Hit], titles: dict[int, str]) -> None:
        self.beginResetModel()
        self._hits = list(hits)
        self._titles = dict(titles)
        self.endResetModel()

    @property
    def hits(self) -> list[Hit]:
        return self._hits

    def hit_at(self, row: int) -> Hit | None:
        return self._hits[row] if 0 <= row < len(self._hits) else None

    def rowCount(self, parent: _Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._hits)

    def columnCount(self, parent: _Index = _ROOT) -> int:
        return 0 if parent.isValid() else 5

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        hit = self._hits[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == DOCUMENT_COLUMN:
                return self._titles.get(hit.document_id, f"#{hit.document_id}")
            return (None, hit.speaker, hit.left, hit.hit, hit.right)[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == DOCUMENT_COLUMN:
                return self._titles.get(hit.document_id, "")
            return hit.context
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column == LEFT_COLUMN:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if column == HIT_COLUMN:
                return int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and column == HIT_COLUMN:
            return self._bold
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (
                self.tr("Document"),
                self.tr("Speaker"),
                self.tr("Before"),
                self.tr("Hit"),
                self.tr("After"),
            )[section]
        return None
