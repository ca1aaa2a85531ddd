"""Strings of Qt's own dialogs that Qt's Chinese translation lacks or words differently.

Qt's file dialog, text fields and file list ask for these under Qt's own contexts; they
are listed here with the exact source text (mnemonic and disambiguation included) so
that lupdate keeps them in our translation, which is asked before Qt's.
"""

from PySide6.QtCore import QCoreApplication


def supplied() -> list[str]:
    """Each supplied string as it shows in the interface language."""
    return [
        # The file dialog's labels: Qt's file has them only without the mnemonic.
        QCoreApplication.translate("QFileDialog", "&Look in:"),
        QCoreApplication.translate("QFileDialog", "Files of &type:"),
        # Its column menu reads "Show " + a column name; Chinese needs no space.
        QCoreApplication.translate("QFileDialog", "Show "),
        # The size column: Qt's file says "体积" (volume).
        QCoreApplication.translate("QFileSystemModel", "Size"),
        # The type column for what is not a file with a known type.
        QCoreApplication.translate("QAbstractFileIconProvider", "Folder", "All other platforms"),
        QCoreApplication.translate("QAbstractFileIconProvider", "Shortcut", "All other platforms"),
        QCoreApplication.translate("QAbstractFileIconProvider", "Drive"),
        QCoreApplication.translate("QAbstractFileIconProvider", "Unknown"),
        # Text fields' context menus: "撤销", as in the Edit menu, not the variant "撤消".
        QCoreApplication.translate("QLineEdit", "&Undo"),
        QCoreApplication.translate("QWidgetTextControl", "&Undo"),
    ]
