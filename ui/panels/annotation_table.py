"""The shown document's annotations as a table: tag, passage, note, annotator.

The table filters by tag itself rather than through a proxy model: every cell a view
paints costs a call into Python per role, and a proxy doubles the calls that only ask
for counts."""

from bisect import bisect_left

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
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
# The roles data() answers; a view asks for a dozen per cell at every repaint.
_ROLES = frozenset(
    int(role)
    for role in (
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.EditRole,
        Qt.ItemDataRole.DecorationRole,
        Qt.ItemDataRole.ToolTipRole,
        ANNOTATION_ID,
        TAG_ID,
    )
)


def excerpt(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= EXCERPT_LENGTH else flat[: EXCERPT_LENGTH - 1] + "…"


def _key(annotation: AnnotationInfo) -> tuple[int, int, int]:
    return (annotation.start, annotation.end, annotation.id)


class AnnotationTableModel(QAbstractTableModel):
    """Rows ordered by position in the text, those of one tag or all; updated row by
    row, never reset per action."""

    note_edit_requested = Signal(int, str)  # annotation id, new note

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._all: list[AnnotationInfo] = []  # every annotation, in order
        self._all_keys: list[tuple[int, int, int]] = []
        self._key_of: dict[int, tuple[int, int, int]] = {}  # annotation id -> its sort key
        self._tag_id: int | None = None  # the tag shown, or None for all
        self._rows: list[AnnotationInfo] = []  # the rows shown
        self._keys: list[tuple[int, int, int]] = []
        self._tags: dict[int, TagInfo] = {}

    def set_annotations(self, annotations: list[AnnotationInfo]) -> None:
        self._all = sorted(annotations, key=_key)
        self._all_keys = [_key(row) for row in self._all]
        self._key_of = {row.id: key for row, key in zip(self._all, self._all_keys, strict=True)}
        self._refilter()

    def annotations(self) -> list[AnnotationInfo]:
        """Every annotation given, whichever tag is shown."""
        return list(self._all)

    def set_tag_filter(self, tag_id: int | None) -> None:
        """Show only the annotations of ``tag_id``, or all of them when None."""
        if tag_id != self._tag_id:
            self._tag_id = tag_id
            self._refilter()

    def _refilter(self) -> None:
        self.beginResetModel()
        if self._tag_id is None:
            self._rows, self._keys = list(self._all), list(self._all_keys)
        else:
            self._rows = [row for row in self._all if row.tag_id == self._tag_id]
            self._keys = [_key(row) for row in self._rows]
        self.endResetModel()

    def _shows(self, annotation: AnnotationInfo) -> bool:
        return self._tag_id is None or annotation.tag_id == self._tag_id

    def set_tags(self, tags: list[TagInfo]) -> None:
        self._tags = {tag.id: tag for tag in tags}
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, 0))

    def upsert(self, annotations: list[AnnotationInfo]) -> None:
        for annotation in annotations:
            key = _key(annotation)
            row = self.row_of(annotation.id)
            if row >= 0 and self._keys[row] == key and self._shows(annotation):
                self._rows[row] = annotation  # same place: edit in place
                self._all[bisect_left(self._all_keys, key)] = annotation
                self.dataChanged.emit(self.index(row, 0), self.index(row, ANNOTATOR_COLUMN))
                continue
            self._remove_id(annotation.id)
            position = bisect_left(self._all_keys, key)
            self._all.insert(position, annotation)
            self._all_keys.insert(position, key)
            self._key_of[annotation.id] = key
            if self._shows(annotation):
                position = bisect_left(self._keys, key)
                self.beginInsertRows(QModelIndex(), position, position)
                self._rows.insert(position, annotation)
                self._keys.insert(position, key)
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
            self.endRemoveRows()
        key = self._key_of.pop(annotation_id, None)
        if key is not None:
            position = bisect_left(self._all_keys, key)
            del self._all[position]
            del self._all_keys[position]

    def row_of(self, annotation_id: int) -> int:
        """The row of ``annotation_id``; -1 when it is not shown."""
        key = self._key_of.get(annotation_id)
        if key is None:
            return -1
        row = bisect_left(self._keys, key)  # keys end with the id: each is unique
        return row if row < len(self._keys) and self._keys[row] == key else -1

    def annotators(self) -> set[str]:
        return {row.annotator for row in self._all}

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
        if role not in _ROLES or not index.isValid():
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
