"""Document ▸ Structure and the text view's context menu: fixing the turns the importer found.

The text never changes: turns are ranges over it, so annotations stay where they are. Each
entry is one undo step, and the view, turn tagging, search and exports follow at once.
"""

from PySide6.QtCore import QObject, QPoint, Qt
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from app.dto import DocumentContent, TurnInfo
from app.editing.commands import Command
from app.editing.turn_commands import (
    MergeTurn,
    RedetectTurns,
    RenameSpeaker,
    SetInterviewees,
    SetTurnKind,
    SetTurnSpeaker,
    SplitTurn,
    step_name,
)
from app.turns import turn_at
from ui.window.context import PanelContext

KINDS = ("question", "answer", "narration", "heading")
INTERVIEWEE_SEPARATOR = "、"


def speakers_of(content: DocumentContent) -> list[str]:
    """The document's speakers, in the order they first speak."""
    return list(dict.fromkeys(turn.speaker for turn in content.turns if turn.speaker))


class IntervieweesDialog(QDialog):
    """Tick the speakers who are interviewed; their turns become answers."""

    def __init__(self, speakers: list[str], chosen: list[str], parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("intervieweesDialog")
        self.setWindowTitle(self.tr("Interviewees"))
        self.list = QListWidget()
        self.list.setObjectName("intervieweesList")
        for name in dict.fromkeys([*chosen, *speakers]):
            item = QListWidgetItem(name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if name in chosen else Qt.CheckState.Unchecked)
            self.list.addItem(item)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        explanation = QLabel(
            self.tr("The turns of the speakers ticked are answers; the other speakers ask.")
        )
        explanation.setWordWrap(True)
        layout.addWidget(explanation)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)

    def names(self) -> tuple[str, ...]:
        return tuple(
            self.list.item(row).text()
            for row in range(self.list.count())
            if self.list.item(row).checkState() == Qt.CheckState.Checked
        )


class StructureMenu(QObject):
    """The structure entries, for the turn at the cursor (or where the context menu opened)."""

    def __init__(self, context: PanelContext) -> None:
        super().__init__(context.window)
        self._context = context
        self._offset: int | None = None  # where the context menu was opened
        self.menu = QMenu(context.window)
        self.menu.setObjectName("structureMenu")
        self.speaker_action = self._add(self.menu, self.set_speaker, "setSpeakerAction")
        self.kind_menu = self.menu.addMenu("")
        self.kind_group = QActionGroup(self)
        self.kind_actions: dict[str, QAction] = {}
        for kind in KINDS:
            action = self._add(self.kind_menu, lambda kind=kind: self.set_kind(kind))
            action.setObjectName(f"turnKind_{kind}")
            action.setCheckable(True)
            self.kind_group.addAction(action)
            self.kind_actions[kind] = action
        self.split_action = self._add(self.menu, self.split, "splitTurnAction")
        self.merge_action = self._add(self.menu, self.merge, "mergeTurnAction")
        self.menu.addSeparator()
        self.rename_action = self._add(self.menu, self.rename_speaker, "renameSpeakerAction")
        self.interviewees_action = self._add(self.menu, self.set_interviewees, "intervieweesAction")
        self.redetect_action = self._add(self.menu, self.redetect, "redetectAction")
        self.menu.aboutToShow.connect(self._update)
        self.retranslate()

    def _add(self, menu: QMenu, slot, name: str = "") -> QAction:
        action = menu.addAction("")
        if name:
            action.setObjectName(name)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def retranslate(self) -> None:
        self.menu.setTitle(self.tr("&Structure"))
        self.speaker_action.setText(self.tr("Speaker of This Turn…"))
        self.kind_menu.setTitle(self.tr("This Turn Is"))
        names = {
            "question": self.tr("A Question"),
            "answer": self.tr("An Answer"),
            "narration": self.tr("Narration"),
            "heading": self.tr("A Heading"),
        }
        for kind, action in self.kind_actions.items():
            action.setText(names[kind])
        self.split_action.setText(self.tr("Split Turn Here"))
        self.merge_action.setText(self.tr("Merge with Previous Turn"))
        self.rename_action.setText(self.tr("Rename Speaker…"))
        self.interviewees_action.setText(self.tr("Interviewees…"))
        self.redetect_action.setText(self.tr("Read the Structure Again…"))

    # Where --------------------------------------------------------------------

    def _content(self) -> DocumentContent | None:
        document_id = self._context.shown_document()
        if document_id is None:
            return None
        return self._context.session.project.document(document_id)

    def _position(self) -> int:
        if self._offset is not None:
            return self._offset
        return self._context.text_view.cursor_offset()

    def _turn(self, content: DocumentContent) -> TurnInfo | None:
        return turn_at(content.turns, self._position())

    def _update(self) -> None:
        content = self._content()
        turn = self._turn(content) if content else None
        for action in (self.speaker_action, self.split_action, self.merge_action):
            action.setEnabled(turn is not None)
        self.kind_menu.setEnabled(turn is not None)
        self.merge_action.setEnabled(turn is not None and turn.index > 0)
        for kind, action in self.kind_actions.items():
            action.setChecked(turn is not None and turn.kind == kind)
        for action in (self.rename_action, self.interviewees_action, self.redetect_action):
            action.setEnabled(content is not None)
        self.rename_action.setEnabled(content is not None and bool(speakers_of(content)))

    def show_context_menu(self, point: QPoint) -> None:
        """The text view's own entries, then the structure of the turn clicked."""
        view = self._context.text_view
        menu = view.createStandardContextMenu(point)
        menu.addSeparator()
        menu.addMenu(self.menu)
        self._offset = view.offset_at(point)
        try:
            menu.exec(view.viewport().mapToGlobal(point))
        finally:
            self._offset = None
            menu.deleteLater()

    # Steps --------------------------------------------------------------------

    def _run(self, command: Command) -> None:
        self._context.session.run(command, step_name(command))

    def _needs_turn(self) -> tuple[DocumentContent, TurnInfo] | None:
        content = self._content()
        turn = self._turn(content) if content else None
        if content is None or turn is None:
            self._context.status(self.tr("Place the cursor in a turn first."))
            return None
        return content, turn

    def set_speaker(self) -> None:
        found = self._needs_turn()
        if found is None:
            return
        content, turn = found
        names = speakers_of(content)
        current = names.index(turn.speaker) if turn.speaker in names else 0
        name, accepted = QInputDialog.getItem(
            self._context.window,
            self.tr("Speaker of This Turn"),
            self.tr("Who speaks in this turn:"),
            names or [""],
            current,
            True,
        )
        name = " ".join(name.split())
        if accepted and name and name != turn.speaker:
            self._run(SetTurnSpeaker(content.meta.id, turn.index, name))

    def set_kind(self, kind: str) -> None:
        found = self._needs_turn()
        if found is None:
            return
        content, turn = found
        if kind != turn.kind:
            self._run(SetTurnKind(content.meta.id, turn.index, kind))

    def split(self) -> None:
        found = self._needs_turn()
        if found is None:
            return
        content, turn = found
        offset = self._position()
        if not turn.start < offset < turn.end:
            self._context.status(
                self.tr("Place the cursor inside the turn, where it should split.")
            )
            return
        self._run(SplitTurn(content.meta.id, turn.index, offset))

    def merge(self) -> None:
        found = self._needs_turn()
        if found is None:
            return
        content, turn = found
        if turn.index == 0:
            self._context.status(self.tr("The first turn has no turn before it."))
            return
        self._run(MergeTurn(content.meta.id, turn.index))

    def rename_speaker(self) -> None:
        content = self._content()
        if content is None:
            return
        names = speakers_of(content)
        if not names:
            return
        found = self._turn(content)
        current = names.index(found.speaker) if found and found.speaker in names else 0
        old, accepted = QInputDialog.getItem(
            self._context.window,
            self.tr("Rename Speaker"),
            self.tr("Speaker:"),
            names,
            current,
            False,
        )
        if not accepted:
            return
        new, accepted = QInputDialog.getText(
            self._context.window,
            self.tr("Rename Speaker"),
            self.tr("New name for “%1” in every turn of this interview:").replace("%1", old),
            text=old,
        )
        new = " ".join(new.split())
        if accepted and new and new != old:
            self._run(RenameSpeaker(content.meta.id, old, new))

    def set_interviewees(self) -> None:
        content = self._content()
        if content is None:
            return
        chosen = [n for n in content.meta.interviewee.split(INTERVIEWEE_SEPARATOR) if n.strip()]
        dialog = IntervieweesDialog(speakers_of(content), chosen, self._context.window)
        if dialog.exec() and list(dialog.names()) != chosen:
            self._run(SetInterviewees(content.meta.id, dialog.names()))

    def redetect(self) -> None:
        content = self._content()
        if content is None:
            return
        answer = QMessageBox.question(
            self._context.window,
            self.tr("Read the Structure Again"),
            self.tr(
                "Find the turns, speakers and headings of “%1” again with the current rules? "
                "Your changes to its turns are replaced; annotations stay. Undo brings the "
                "turns back."
            ).replace("%1", content.meta.title),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self._run(RedetectTurns(content.meta.id))


def install(context: PanelContext) -> StructureMenu:
    """Add Document ▸ Structure and the structure entries of the text view's context menu."""
    structure = StructureMenu(context)
    context.document_menu.addSeparator()
    context.document_menu.addMenu(structure.menu)
    view = context.text_view
    view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
    view.customContextMenuRequested.connect(structure.show_context_menu)
    return structure
