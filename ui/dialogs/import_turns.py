"""The import preview's turn list, where one click sets a turn's kind, and the guesses the
importer made, said plainly."""

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
)

from app.importing import guesses
from app.importing.plan import InterviewDraft

KINDS = ("question", "answer", "narration", "heading")
SHOWN_TURNS = 400  # a longer interview shows its first turns; the rest are stored as found


def guess_text(code: str) -> str:
    """What a guess of the importer means, for the editor."""
    texts = {
        guesses.NO_LABELS: QT_TRANSLATE_NOOP(
            "ImportTurns", "no speaker labels found: paragraphs are read as narration"
        ),
        guesses.ASKERS_FROM_QUESTIONS: QT_TRANSLATE_NOOP(
            "ImportTurns", "who asks was guessed from question marks"
        ),
        guesses.INTERVIEWEE_FROM_HEADLINE: QT_TRANSLATE_NOOP(
            "ImportTurns", "the interviewee was taken from the headline"
        ),
        guesses.INTERVIEWEE_FROM_TURNS: QT_TRANSLATE_NOOP(
            "ImportTurns", "the interviewee is the speaker who answers most"
        ),
        guesses.TITLE_FROM_FILE_NAME: QT_TRANSLATE_NOOP(
            "ImportTurns", "no headline found: the title is the file name"
        ),
        guesses.SEVERAL_INTERVIEWEES: QT_TRANSLATE_NOOP(
            "ImportTurns", "several speakers answer: all are interviewees"
        ),
    }
    text = texts.get(code)
    return QCoreApplication.translate("ImportTurns", str(text)) if text else code


def kind_names() -> dict[str, str]:
    return {
        "question": QCoreApplication.translate("ImportTurns", "Asks"),
        "answer": QCoreApplication.translate("ImportTurns", "Answers"),
        "narration": QCoreApplication.translate("ImportTurns", "Narration"),
        "heading": QCoreApplication.translate("ImportTurns", "Heading"),
    }


class TurnTable(QTableWidget):
    """The turns of one interview: speaker, kind (a box to change it) and the first words."""

    kind_changed = Signal(int, str)  # turn index, kind

    def __init__(self) -> None:
        super().__init__(0, 3)
        self.setObjectName("importTurns")
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.verticalHeader().hide()
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self._draft: InterviewDraft | None = None
        self.retranslate()

    def retranslate(self) -> None:
        self.setHorizontalHeaderLabels(
            [
                QCoreApplication.translate("ImportTurns", "Speaker"),
                QCoreApplication.translate("ImportTurns", "Kind"),
                QCoreApplication.translate("ImportTurns", "Text"),
            ]
        )

    def show_draft(self, draft: InterviewDraft | None) -> None:
        self._draft = draft
        self.setRowCount(0)
        if draft is None:
            return
        parsed = draft.parsed
        turns = parsed.turns[:SHOWN_TURNS]
        self.setRowCount(len(turns))
        names = kind_names()
        for row, turn in enumerate(turns):
            speaker = f"[{turn.timestamp}] {turn.speaker}" if turn.timestamp else turn.speaker
            self.setItem(row, 0, QTableWidgetItem(speaker))
            box = QComboBox()
            box.setObjectName(f"turnKind{row}")
            for kind in KINDS:
                box.addItem(names[kind], kind)
            box.setCurrentIndex(KINDS.index(draft.kind_of(row)))
            box.setEnabled(not draft.duplicate)
            box.currentIndexChanged.connect(
                lambda _i, index=row, widget=box: self._set_kind(index, widget.currentData())
            )
            self.setCellWidget(row, 1, box)
            words = " ".join(parsed.text[turn.content_start : turn.end].split())
            item = QTableWidgetItem(words if len(words) <= 90 else words[:89] + "…")
            item.setToolTip(words[:600])
            self.setItem(row, 2, item)

    def refresh_kinds(self) -> None:
        """Show the kinds again after a speaker's role changed."""
        draft = self._draft
        if draft is None:
            return
        for row in range(self.rowCount()):
            box = self.cellWidget(row, 1)
            if isinstance(box, QComboBox):
                box.blockSignals(True)
                box.setCurrentIndex(KINDS.index(draft.kind_of(row)))
                box.blockSignals(False)

    def _set_kind(self, index: int, kind: str) -> None:
        if self._draft is not None:
            self._draft.kinds[index] = kind
            self.kind_changed.emit(index, kind)
