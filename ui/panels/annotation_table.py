"""The shown document's annotations as a table: tag, passage, note, annotator."""

from bisect import bisect_left

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)

from app.dto import AnnotationInfo, TagInfo
from ui.window.swatches import swatch_icon

_Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
EXCERPT_LENGTH = 80
TAG_COLUMN, PASSAGE_COLUMN, NOTE_COLUMN, ANNOTATOR_COLUMN = range(4)
ANNOTATION_ID = Qt.ItemDataRole.UserRole
TAG_ID = Qt.ItemDataRole.UserRole + 1


def excerpt(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= EXCERPT_LENGTH else flat[: EXCERPT_LENGTH - 1] + "…"


def _key(annotation: AnnotationInfo) -> tuple[int, int, int]:
    return (annotation.start, annotation.end, annotation.id)


class AnnotationTableModel(QAbstractTableModel):
    """Rows ordered by position in the text; updated row by row, never reset per action."""

    note_edit_requested = Signal(int, str)  # annotation id, new note

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[AnnotationInfo] = []
        self._keys: list[tuple[int, int, int]] = []
        self._key_of: dict[int, tuple[int, int, int]] = {}  # annotation id -> its sort key
        self._tags: dict[int, TagInfo] = {}

    def set_annotations(self, annotations: list[AnnotationInfo]) -> None:
        self.beginResetModel()
        self._rows = sorted(annotations, key=_key)
        self._keys = [_key(row) for row in self._rows]
        self._key_of = {row.id: key for row, key in zip(self._rows, self._keys, strict=True)}
        self.endResetModel()

    def set_tags(self, tags: list[TagInfo]) -> None:
        self._tags = {tag.id: tag for tag in tags}
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, 0))

    def upsert(self, annotations: list[AnnotationInfo]) -> None:
        for annotation in annotations:
            row = self.row_of(annotation.id)
            if row >= 0 and self._keys[row] == _key(annotation):  # same place: edit in place
                self._rows[row] = annotation
                self.dataChanged.emit(self.index(row, 0), self.index(row, NOTE_COLUMN))
                continue
            self._remove_id(annotation.id)
            position = bisect_left(self._keys, _key(annotation))
            self.beginInsertRows(QModelIndex(), position, position)
            self._rows.insert(position, annotation)
            self._keys.insert(position, _key(annotation))
            self._key_of[annotation.id] = _key(annotation)
            self.endInsertRows()

    def remove(self, annotation_ids: list[int]) -> None:
        for annotation_id in annotation_ids:
            self._remove_id(annotation_id)

    def _remove_id(self, annotation_id: int) -> None:
        row = self.row_of(annotation_id)
        if row >= 0:
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._rows[row]
            del self._keys[row]
            del self._key_of[annotation_id]
            self.endRemoveRows()

    def row_of(self, annotation_id: int) -> int:
        key = self._key_of.get(annotation_id)
        if key is None:
            return -1
        return bisect_left(self._keys, key)  # keys end with the id: each is unique

    def annotators(self) -> set[str]:
        return {row.annotator for row in self._rows}

    def annotation_at(self, row: int) -> AnnotationInfo | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: _Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = _ROOT) -> int:
        return 0 if parent.isValid() else 4

    def flags(self, index: _Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.column() == NOTE_COLUMN:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        annotation = self._rows[index.row()]
        column = index.column()
        tag = self._tags.get(annotation.tag_id)
        if role == ANNOTATION_ID:
            return annotation.id
        if role == TAG_ID:
            return annotation.tag_id
        if role == Qt.ItemDataRole.DisplayRole:
            if column == TAG_COLUMN:
                return tag.name if tag else "?"
            if column == PASSAGE_COLUMN:
                return excerpt(annotation.text)
            if column == ANNOTATOR_COLUMN:
                return annotation.annotator
            return " ".join(annotation.note.split())
        if role == Qt.ItemDataRole.EditRole and column == NOTE_COLUMN:
            return annotation.note
        if role == Qt.ItemDataRole.DecorationRole and column == TAG_COLUMN and tag:
            return swatch_icon(tag.color)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == PASSAGE_COLUMN:
                return annotation.text
            if column == NOTE_COLUMN and annotation.note:
                return annotation.note
            return f"{annotation.annotator} · {annotation.created_at:%Y-%m-%d %H:%M}"
        return None

    def setData(self, index: _Index, value, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or index.column() != NOTE_COLUMN:
            return False
        annotation = self._rows[index.row()]
        if value == annotation.note:
            return False
        self.note_edit_requested.emit(annotation.id, value)
        return True

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            headers = (self.tr("Tag"), self.tr("Passage"), self.tr("Note"), self.tr("Annotator"))
            return headers[section]
        return None


class TagFilter(QSortFilterProxyModel):
    """Shows only the annotations of one tag (or all when the tag is None)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._tag_id: int | None = None

    def set_tag(self, tag_id: int | None) -> None:
        self.beginFilterChange()
        self._tag_id = tag_id
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, row: int, parent: _Index) -> bool:
        if self._tag_id is None:
            return True
        index = self.sourceModel().index(row, 0, parent)
        return index.data(TAG_ID) == self._tag_id
