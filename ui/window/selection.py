"""Making one row of an item view the current, selected one."""

from PySide6.QtCore import QItemSelectionModel, QModelIndex
from PySide6.QtWidgets import QAbstractItemView

_ROW = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows


def select_row(view: QAbstractItemView, index: QModelIndex, *, scroll: bool = True) -> None:
    """Select the row of ``index`` alone, make it current and, with ``scroll``, show it."""
    view.selectionModel().setCurrentIndex(index, _ROW)
    if scroll:
        view.scrollTo(index)
