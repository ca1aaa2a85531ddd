"""The Suggestions dock's table of accepted over offered suggestions per tag, sized to
its content so that it never scrolls sideways."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView, QTreeWidget, QTreeWidgetItem, QWidget

from app.dto import TagInfo
from app.suggestions import TagStats
from ui.window.swatches import swatch_icon

HEIGHT = 130


class SuggestionStats(QTreeWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("suggestionStats")
        self.setColumnCount(3)
        self.setRootIsDecorated(False)
        self.setMaximumHeight(HEIGHT)
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)

    def show_stats(self, stats: list[TagStats], tags: dict[int, TagInfo]) -> None:
        self.clear()
        for row in stats:
            tag = tags.get(row.tag_id)
            if tag is None:
                continue
            rate = "–" if row.rate is None else f"{row.rate:.0%}"
            item = QTreeWidgetItem([tag.name, f"{row.accepted} / {row.offered}", rate])
            item.setIcon(0, swatch_icon(tag.color))
            item.setData(0, Qt.ItemDataRole.UserRole, row.tag_id)
            self.addTopLevelItem(item)
