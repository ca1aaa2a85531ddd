"""One line above the text: who is interviewed, in what role, by whom, in which series."""

from html import escape

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QLabel, QWidget

from app.dto import DocumentMeta


class DocumentHeader(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("documentHeader")
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setMargin(6)
        self._meta: DocumentMeta | None = None
        self.show_meta(None)

    def show_meta(self, meta: DocumentMeta | None) -> None:
        self._meta = meta
        if meta is None:
            self.setText(
                self.tr("No document selected. Import interviews with File ▸ Import Interviews…")
            )
            return
        parts = []
        for label, value in (
            (self.tr("Interviewee"), meta.interviewee),
            (self.tr("Role"), meta.interviewee_role),
            (self.tr("Reporter"), meta.reporter),
            (self.tr("Outlet"), meta.outlet),
            (self.tr("Published"), meta.published_on.isoformat() if meta.published_on else ""),
            (self.tr("Series"), meta.series),
            (self.tr("Source"), meta.source_name),
        ):
            if value:
                parts.append(f"<span style='color:#666'>{escape(label)}:</span> {escape(value)}")
        self.setText(" &nbsp;·&nbsp; ".join(parts) or escape(meta.title))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.show_meta(self._meta)
        super().changeEvent(event)
