"""The Suggestions dock's list as a table model: a row's words, icon and tooltips are
made when the view shows it, so a long interview's thousands of suggestions fill the
list at once instead of building an item for each."""

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from app.dto import TagInfo
from app.suggestions import Suggestion
from app.suggestions.engine import Key
from ui.suggestions.words import SuggestionWords
from ui.window.swatches import swatch_icon

EXCERPT = 40  # characters of the passage shown in its column; the tooltip has all

_Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()


class SuggestionTableModel(QAbstractTableModel):
    """Columns: tag, passage, confidence, reason."""

    def __init__(self, words: SuggestionWords, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._words = words
        self._rows: list[Suggestion] = []
        self._row_of: dict[Key, int] = {}
        self._tags: dict[int, TagInfo] = {}
        self._headers = ["", "", "", ""]

    def set_headers(self, headers: list[str]) -> None:
        self._headers = headers
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(headers) - 1)

    def set_suggestions(self, suggestions: list[Suggestion], tags: dict[int, TagInfo]) -> None:
        self.beginResetModel()
        self._rows = list(suggestions)
        self._tags = tags
        self._index()
        self.endResetModel()

    def remove(self, keys: Iterable[Key]) -> None:
        """Take these suggestions' rows out, keeping the others (and the view's place)."""
        rows = sorted((self._row_of[k] for k in keys if k in self._row_of), reverse=True)
        for row in rows:
            self.beginRemoveRows(_ROOT, row, row)
            del self._rows[row]
            self.endRemoveRows()
        if rows:
            self._index()

    def row_of(self, key: Key) -> int | None:
        return self._row_of.get(key)

    def suggestion_at(self, row: int) -> Suggestion | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def _index(self) -> None:
        self._row_of = {suggestion.key: row for row, suggestion in enumerate(self._rows)}

    # Qt's model interface ----------------------------------------------------------------

    def rowCount(self, parent: _Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        if role == Qt.ItemDataRole.ToolTipRole and section == 2:
            return self._words.column_help()
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        suggestion = self._rows[index.row()]
        column = index.column()
        tag = self._tags.get(suggestion.tag_id)
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return tag.name if tag else "?"
            if column == 1:
                text = suggestion.text
                return text if len(text) <= EXCERPT else text[: EXCERPT - 1] + "…"
            if column == 2:
                return self._words.confidence(suggestion)
            return self._words.reason(suggestion)
        if role == Qt.ItemDataRole.DecorationRole and column == 0 and tag is not None:
            return swatch_icon(tag.color)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == 1:
                return suggestion.text + "\n\n" + self._words.describe(suggestion)
            if column == 2:
                return self._words.confidence_meaning(suggestion)
            if column == 3:
                return self._words.describe(suggestion)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
