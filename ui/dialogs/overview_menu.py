"""Tools ▸ Corpus Overview…: the action. The dialog, and the statistics and numpy it
needs, are loaded the first time it is chosen, not while the window starts."""

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction

from ui.panels.passages import PassageScope
from ui.window.context import PanelContext

if TYPE_CHECKING:
    from ui.dialogs.statistics import OverviewDialog


def install(context: PanelContext, open_passages: Callable[[str, PassageScope], None]) -> QAction:
    """Add Tools ▸ Corpus Overview…; the dialog opens with fresh numbers each time."""
    action = QAction(context.window)
    action.setObjectName("overviewAction")
    dialog: list[OverviewDialog] = []

    def show() -> None:
        if not dialog:
            from ui.dialogs.statistics import OverviewDialog

            dialog.append(OverviewDialog(context, open_passages))
        dialog[0].show()
        dialog[0].raise_()
        dialog[0].refresh()

    def retranslate() -> None:
        action.setText(QCoreApplication.translate("OverviewDialog", "Corpus &Overview…"))

    action.triggered.connect(show)
    context.tools_menu.addAction(action)
    context.tools_menu.aboutToShow.connect(retranslate)
    retranslate()
    return action
