"""Adding, editing, reordering, nesting, merging, splitting and deleting tags, each one
undoable step."""

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from app.dto import TagInfo
from app.editing.codebook import next_color
from app.editing.commands import Command, Macro
from app.editing.tag_commands import CreateTag, DeleteTag, MoveTag, TagSpec, UpdateTag
from app.editing.tag_merge import MergeTags, SplitTag
from app.errors import FangtanError
from app.statistics.passages import PassageQuery, passages
from ui.dialogs.tag import TagDialog
from ui.dialogs.tag_merge import TagMergeDialog, TagSplitDialog
from ui.window import history_text
from ui.window.errors import show_error
from ui.window.session import ProjectSession

# Names of undo steps (see ui.window.history_text).
MERGE_TAG = str(QT_TRANSLATE_NOOP("History", "Merge Tag “%1” into “%2”"))
SPLIT_TAG = str(QT_TRANSLATE_NOOP("History", "Split Tag “%1”"))


class CodebookController(QObject):
    def __init__(
        self, session: ProjectSession, window: QWidget, reserved: Callable[[], set[str]]
    ) -> None:
        super().__init__(window)
        self._session = session
        self._window = window
        self._reserved = reserved  # key sequences the window's own commands use
        self._tags: list[TagInfo] = []

    def _shortcut_free(self, shortcut: str) -> bool:
        if shortcut and shortcut in self._reserved():
            QMessageBox.warning(
                self._window,
                self.tr("Shortcut Taken"),
                self.tr("%1 is already a command of the window; choose another key.").replace(
                    "%1", QKeySequence(shortcut).toString(QKeySequence.SequenceFormat.NativeText)
                ),
            )
            return False
        return True

    def set_tags(self, tags: list[TagInfo]) -> None:
        self._tags = list(tags)

    def _tag(self, tag_id: int) -> TagInfo | None:
        return next((tag for tag in self._tags if tag.id == tag_id), None)

    def new_tag(self, parent_id: int | None = None) -> None:
        def submit(values: dict[str, Any]) -> bool:
            if not self._shortcut_free(values["shortcut"]):
                return False
            spec = TagSpec(
                name=values["name"],
                color=values["color"],
                shortcut=values["shortcut"],
                description=values["description"],
                parent_id=values["parent_id"],
                use_when=values["use_when"],
                avoid_when=values["avoid_when"],
                example=values["example"],
            )
            name = " ".join(values["name"].split())
            description = history_text.step(history_text.NEW_TAG, name)
            return self._session.run(CreateTag(spec), description) is not None

        color = next_color([tag.color for tag in self._tags])
        TagDialog(self._tags, submit, color=color, parent_id=parent_id, parent=self._window).exec()

    def edit_tag(self, tag_id: int) -> None:
        tag = self._tag(tag_id)
        if tag is None:
            return

        def submit(values: dict[str, Any]) -> bool:
            if not self._shortcut_free(values["shortcut"]):
                return False
            changed = {key: value for key, value in values.items() if getattr(tag, key) != value}
            if not changed:
                return True
            description = history_text.step(history_text.EDIT_TAG, tag.name)
            command = UpdateTag(tag_id, changed, tag.version)
            if self._session.run(command, description) is not None:
                return True
            # Refused; if someone changed the tag meanwhile, the window shows it now.
            latest = self._tag(tag_id)
            return latest is None or latest.version != tag.version

        TagDialog(self._tags, submit, tag=tag, parent=self._window).exec()

    def delete_tag(self, tag_id: int) -> None:
        tag = self._tag(tag_id)
        if tag is None:
            return
        usage = self._session.project.tag_usage([tag_id]).get(tag_id, 0)  # not a cached count
        if usage:
            question = (
                self.tr(
                    "Delete the tag “%1”? It is used by %2 annotations, which will be "
                    "removed with it. Edit ▸ Undo brings them back."
                )
                .replace("%1", tag.name)
                .replace("%2", str(usage))
            )
        else:
            question = self.tr("Delete the tag “%1”? No annotation uses it.").replace(
                "%1", tag.name
            )
        answer = QMessageBox.question(
            self._window,
            self.tr("Delete Tag"),
            question,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer == QMessageBox.StandardButton.Yes:
            self._session.run(
                DeleteTag(tag_id), history_text.step(history_text.DELETE_TAG, tag.name)
            )

    def archive_tag(self, tag_id: int, archived: bool) -> None:
        """Archive a tag (its annotations stay; it is offered no more) or bring it back."""
        tag = self._tag(tag_id)
        if tag is None or tag.archived == archived:
            return
        template = history_text.ARCHIVE_TAG if archived else history_text.RESTORE_ARCHIVED_TAG
        self._session.run(
            UpdateTag(tag_id, {"archived": archived}, tag.version),
            history_text.step(template, tag.name),
        )

    def move_tag(self, tag_id: int, delta: int) -> None:
        """Swap a tag with its previous (-1) or next (+1) sibling under the same parent."""
        tag = self._tag(tag_id)
        if tag is None:
            return
        siblings = [other for other in self._tags if other.parent_id == tag.parent_id]
        target = siblings.index(tag) + delta
        if not 0 <= target < len(siblings):
            return
        order = [other.id for other in self._tags]
        description = history_text.step(history_text.MOVE_TAG, tag.name)
        self._session.run(MoveTag(tag_id, order.index(siblings[target].id)), description)

    def place_tag(self, tag_id: int, parent_id: int | None, before_id: int | None) -> None:
        """Put a tag (dropped in the tag panel) under ``parent_id`` (None: the top level),
        just before the tag ``before_id`` (None: after the parent's last child)."""
        tag = self._tag(tag_id)
        if tag is None or tag_id in {parent_id, before_id} or self._under(parent_id, tag_id):
            return
        order = [other.id for other in self._tags]
        rest = [other for other in order if other != tag_id]
        siblings = [o.id for o in self._tags if o.parent_id == parent_id and o.id != tag_id]
        index = None  # without siblings, where it stands in the order does not matter
        if before_id in rest:
            index = rest.index(before_id)
        elif siblings:
            index = rest.index(siblings[-1]) + 1
        commands: list[Command] = []
        if tag.parent_id != parent_id:
            commands.append(UpdateTag(tag_id, {"parent_id": parent_id}, tag.version))
        if index is not None and index != order.index(tag_id):
            commands.append(MoveTag(tag_id, index))
        if commands:
            command = commands[0] if len(commands) == 1 else Macro(tuple(commands))
            self._session.run(command, history_text.step(history_text.MOVE_TAG, tag.name))

    def _under(self, tag_id: int | None, ancestor: int) -> bool:
        """True when ``tag_id`` is ``ancestor`` or one of its descendants."""
        parents = {tag.id: tag.parent_id for tag in self._tags}
        seen: set[int] = set()
        while tag_id is not None and tag_id not in seen:
            if tag_id == ancestor:
                return True
            seen.add(tag_id)
            tag_id = parents.get(tag_id)
        return False

    def merge_tag(self, tag_id: int) -> None:
        """Ask which tag ``tag_id`` goes into, and merge it there."""
        tag = self._tag(tag_id)
        if tag is None:
            return
        dialog = TagMergeDialog(self._tags, tag, parent=self._window)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        chosen = dialog.target_id()
        target = None if chosen is None else self._tag(chosen)
        if target is not None:
            description = history_text.step(MERGE_TAG, tag.name, target.name)
            self._session.run(MergeTags(tag_id, target.id), description)

    def split_tag(self, tag_id: int) -> None:
        """Ask which annotations of ``tag_id`` move, and to which tag (a new one or not)."""
        tag = self._tag(tag_id)
        if tag is None:
            return
        try:
            found = passages(self._session.project, PassageQuery(tags=(tag.name,)))
        except FangtanError as error:
            show_error(self._window, error)
            return

        def submit(values: dict[str, Any]) -> bool:
            ids = values["annotation_ids"]
            if values.get("target_id") is not None:
                command = SplitTag(tag_id, ids, target_id=values["target_id"])
            else:
                color = next_color([other.color for other in self._tags])
                spec = TagSpec(name=values["name"], color=color, parent_id=tag.parent_id)
                command = SplitTag(tag_id, ids, new_tag=spec)
            description = history_text.step(SPLIT_TAG, tag.name)
            return self._session.run(command, description) is not None

        TagSplitDialog(self._tags, tag, found, submit, parent=self._window).exec()
