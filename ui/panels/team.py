"""Working as a team: whose layers the text shows (View ▸ Annotators), the Team menu
(assigning interviews, marking one done, progress, blind annotation, agreement) and
File ▸ Merge Annotator Projects…."""

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QActionGroup, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QFileDialog, QLabel, QMenu, QMessageBox

from app.dto import Changes
from app.errors import FangtanError
from app.project import PROJECT_SUFFIX
from app.team import visibility
from app.team.assignments import (
    ASSIGN_STEP,
    DONE_STEP,
    NOT_DONE_STEP,
    assign,
    mark,
    progress,
    step_name,
)
from ui.dialogs.agreement import AgreementDialog
from ui.dialogs.team import AssignDialog, ProgressDialog
from ui.panels import curation as curation_panel
from ui.panels.document_controller import LayerChoice
from ui.window.context import PanelContext
from ui.window.errors import show_error

if TYPE_CHECKING:
    from app.team.merge import MergeReport


class TeamMenu(QObject):
    def __init__(self, context: PanelContext) -> None:
        super().__init__(context.window)
        self._context = context
        self._documents = context.documents
        window = context.window
        self.menu = QMenu(window)
        self.menu.setObjectName("teamMenu")
        window.menuBar().insertMenu(context.tools_menu.menuAction(), self.menu)
        self.done_action = self._add(self.menu, self._toggle_done, "markDone")
        self.done_action.setCheckable(True)
        self.done_action.setShortcut(QKeySequence("Ctrl+Alt+D"))
        self.assign_action = self._add(self.menu, self.assign, "assignAction")
        self.progress_action = self._add(self.menu, self.show_progress, "progressAction")
        self.menu.addSeparator()
        self.blind_action = self._add(self.menu, self._toggle_blind, "blindAction")
        self.blind_action.setCheckable(True)
        self.menu.addSeparator()
        self.agreement_action = self._add(self.menu, self.show_agreement, "agreementAction")
        self.agreement_action.setShortcut(QKeySequence("Ctrl+Alt+K"))
        self.curation = curation_panel.install(context)
        self.curation.open_requested.connect(self.open_place)
        self.curation_action = self._add(self.menu, self._show_curation, "curationAction")
        self.curation_action.setCheckable(True)
        self.curation_action.setShortcut(QKeySequence("Ctrl+Alt+G"))
        self.curation.visibilityChanged.connect(self.curation_action.setChecked)
        self._agreement: AgreementDialog | None = None
        self.menu.aboutToShow.connect(self._refresh_checks)

        self.layers_menu = QMenu(window)
        self.layers_menu.setObjectName("layersMenu")
        self.layers_menu.aboutToShow.connect(self._fill_layers)
        context.view_menu.addSeparator()
        context.view_menu.addMenu(self.layers_menu)
        self.layers_label = QLabel()
        self.layers_label.setObjectName("layersLabel")
        window.statusBar().addWidget(self.layers_label)

        self.merge_action = QAction(window)
        self.merge_action.setObjectName("mergeProjects")
        self.merge_action.triggered.connect(self.choose_merge)
        file_menu = context.file_menu
        anchor = next((a for a in file_menu.actions() if a.objectName() == "exportAction"), None)
        if anchor is None:
            file_menu.addAction(self.merge_action)
        else:
            file_menu.insertAction(anchor, self.merge_action)

        self._documents.layers_shown.connect(self._show_layer_state)
        context.session.changed.connect(self._after_change)
        self.retranslate()

    def _add(self, menu: QMenu, slot, name: str) -> QAction:
        action = menu.addAction("")
        action.setObjectName(name)
        action.triggered.connect(slot)
        return action

    def retranslate(self) -> None:
        self.menu.setTitle(self.tr("&Team"))
        self.done_action.setText(self.tr("Mark This Interview &Done"))
        self.assign_action.setText(self.tr("&Assign Interviews…"))
        self.progress_action.setText(self.tr("&Progress…"))
        self.blind_action.setText(self.tr("&Blind Annotation"))
        self.agreement_action.setText(self.tr("A&greement…"))
        self.curation_action.setText(self.tr("&Curate into Gold"))
        if self._agreement is not None:
            self._agreement.retranslate()
        self.blind_action.setToolTip(
            self.tr(
                "Annotators see only their own layer of an interview until everyone "
                "assigned has marked it done; you, the lead, see every layer."
            )
        )
        self.layers_menu.setTitle(self.tr("&Annotators"))
        self.merge_action.setText(self.tr("&Merge Annotator Projects…"))
        self._show_layer_state()

    # Layers ----------------------------------------------------------------------

    def _fill_layers(self) -> None:
        menu = self.layers_menu
        menu.clear()
        project = self._context.session.project
        me = project.annotator
        choice = self._documents.layers
        hidden = self._documents.others_hidden
        group = QActionGroup(menu)
        mine = menu.addAction(self.tr("Only &My Layer (%1)").replace("%1", me))
        mine.setObjectName("layersMine")
        everyone = menu.addAction(self.tr("&All Annotators"))
        everyone.setObjectName("layersAll")
        for action, mode in ((mine, "mine"), (everyone, "all")):
            action.setCheckable(True)
            action.setChecked(choice.mode == mode)
            group.addAction(action)
            action.triggered.connect(lambda _c=False, m=mode: self.show_layers(LayerChoice(m)))
        others = [name for name in visibility.annotator_names(project) if name != me]
        if others:
            menu.addSeparator()
        for name in others:
            action = menu.addAction(name)
            action.setObjectName(f"layer:{name}")
            action.setCheckable(True)
            action.setChecked(
                choice.mode == "all" or (choice.mode == "chosen" and name in choice.names)
            )
            action.toggled.connect(lambda on, n=name: self._toggle_layer(n, on))
        for action in menu.actions():
            action.setEnabled(not hidden)
        if hidden:
            menu.addSeparator()
            note = menu.addAction(self.tr("Blind annotation: other layers open when done"))
            note.setEnabled(False)

    def _toggle_layer(self, name: str, on: bool) -> None:
        choice = self._documents.layers
        others = set(visibility.annotator_names(self._context.session.project))
        others.discard(self._context.session.project.annotator)
        chosen = set(others if choice.mode == "all" else choice.names)
        chosen = chosen | {name} if on else chosen - {name}
        if not chosen:
            self.show_layers(LayerChoice("mine"))
        elif chosen >= others:
            self.show_layers(LayerChoice("all"))
        else:
            self.show_layers(LayerChoice("chosen", frozenset(chosen)))

    def show_layers(self, choice: LayerChoice) -> None:
        self._documents.set_layers(choice)

    def _show_layer_state(self) -> None:
        documents = self._documents
        me = self._context.session.project.annotator
        choice = documents.layers
        if documents.others_hidden:
            text = self.tr("Blind annotation: only your layer")
        elif choice.mode == "mine":
            text = self.tr("Layer: %1").replace("%1", me)
        elif choice.mode == "all":
            text = self.tr("Layers: all annotators")
        else:
            text = self.tr("Layers: %1").replace("%1", ", ".join([me, *sorted(choice.names)]))
        self.layers_label.setText(text)

    def _after_change(self, changes: Changes, _origin: str) -> None:
        """A done mark can open or close the shown interview's layers."""
        shown = self._documents.document_id
        access = self._documents.access
        if shown is None or shown not in changes.documents or access is None or not access.blind:
            return
        project = self._context.session.project
        if visibility.layer_access(project, shown, project.annotator) != access:
            self._documents.set_layers(self._documents.layers)

    # Team menu -----------------------------------------------------------------------

    def _refresh_checks(self) -> None:
        project = self._context.session.project
        shown = self._documents.document_id
        self.done_action.setEnabled(shown is not None)
        self.done_action.setChecked(
            shown is not None and visibility.done_by(project, shown, project.annotator)
        )
        self.blind_action.setChecked(visibility.blind_lead(project) is not None)

    def _toggle_done(self, done: bool) -> None:
        shown = self._documents.document_id
        if shown is None:
            self._context.status(self.tr("Open a document first."))
            return
        project = self._context.session.project
        title = self._documents.title
        step = step_name(DONE_STEP if done else NOT_DONE_STEP, title, project.annotator)
        if self._context.session.run(mark(shown, project.annotator, done), step) is not None:
            message = (
                self.tr("“%1” is marked done.") if done else self.tr("“%1” is no longer done.")
            )
            self._context.status(message.replace("%1", title))

    def assign(self) -> None:
        project = self._context.session.project
        shown = self._documents.document_id
        known = [n for n in visibility.annotator_names(project) if n != visibility.GOLD_ANNOTATOR]
        title = self._documents.title if shown is not None else None
        dialog = AssignDialog(known, title, self._context.window)
        if not dialog.exec():
            return
        if dialog.every_interview() or shown is None:
            chosen = [document.id for document in project.documents()]
        else:
            chosen = [shown]
        names = dialog.names()
        step = step_name(ASSIGN_STEP, len(chosen), ", ".join(names))
        if self._context.session.run(assign(chosen, names), step) is not None:
            self._context.status(
                self.tr("%n interview(s) assigned to %1", "", len(chosen)).replace(
                    "%1", ", ".join(names)
                )
            )

    def show_progress(self) -> None:
        dialog = ProgressDialog(progress(self._context.session.project), self._context.window)
        dialog.exec()

    def _toggle_blind(self, on: bool) -> None:
        project = self._context.session.project
        try:
            visibility.set_blind(project, on)
        except FangtanError as error:
            show_error(self._context.window, error)
            return
        self._documents.set_layers(self._documents.layers)
        self._context.status(
            self.tr("Blind annotation is on: you are its lead.")
            if on
            else self.tr("Blind annotation is off.")
        )

    # Agreement and curation ------------------------------------------------------------

    def _show_curation(self, on: bool) -> None:
        self.curation.setVisible(on)
        if on:
            self.curation.raise_()

    def show_agreement(self) -> AgreementDialog:
        if self._agreement is None:
            self._agreement = AgreementDialog(self._context)
            self._agreement.open_requested.connect(self.open_place)
        self._agreement.show()
        self._agreement.raise_()
        self._agreement.refresh()
        return self._agreement

    def open_place(self, document_id: int, start: int, end: int, names: tuple) -> None:
        """Show a place of an interview selected, with the layers of ``names`` beside mine."""
        context = self._context
        if context.shown_document() != document_id:
            context.document_list.select_document(document_id)
        me = context.session.project.annotator
        others = frozenset(name for name in names if name != me)
        self.show_layers(LayerChoice("chosen", others) if others else LayerChoice("mine"))
        view = context.text_view
        if view.content is not None and view.content.meta.id == document_id:
            view.select_span(start, end)

    # Merging -------------------------------------------------------------------------

    def choose_merge(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self._context.window,
            self.tr("Merge Annotator Projects"),
            str(self._context.session.project.folder),
            self.tr("Fangtan projects (*%1)").replace("%1", PROJECT_SUFFIX),
        )
        if paths:
            self.merge([Path(path) for path in paths])

    def merge(self, paths: list[Path]) -> bool:
        """Merge each file in turn (its tags mapped first when some are new to the
        project); a file that cannot be merged stops there, leaving the project as the
        files before it made it."""
        from app.team.merge import merge_project, merge_tags
        from ui.dialogs.tag_mapping import TagMappingDialog

        project = self._context.session.project
        reports: list[MergeReport] = []
        for path in paths:
            try:
                found = merge_tags(project, path)
                mapping: dict[str, int | None] | None = None
                if any(entry.tag_id is None for entry in found):
                    dialog = TagMappingDialog(found, self._context.tags(), self._context.window)
                    if not dialog.exec():
                        break
                    mapping = dialog.mapping()
                QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
                try:
                    reports.append(merge_project(project, path, mapping))
                finally:
                    QGuiApplication.restoreOverrideCursor()
            except FangtanError as error:
                show_error(self._context.window, error)
                break
        if not reports:
            return False
        self._context.reload()
        added = sum(report.annotations_added for report in reports)
        self._context.status(
            self.tr("Merged %1: %n annotation(s) added", "", added).replace(
                "%1", ", ".join(report.path.name for report in reports)
            )
        )
        box = QMessageBox(
            QMessageBox.Icon.Information,
            self.tr("Merge Annotator Projects"),
            self.tr("%n file(s) merged.", "", len(reports)),
            QMessageBox.StandardButton.Ok,
            self._context.window,
        )
        box.setObjectName("mergeReport")
        box.setInformativeText(self._summary(reports))
        box.open()
        return True

    def _summary(self, reports: "list[MergeReport]") -> str:
        paragraphs = []
        for report in reports:
            counts = sorted(report.annotators.items())
            added = ", ".join(f"{name} {count}" for name, count in counts)
            paragraphs.append(
                "\n".join(
                    [
                        report.path.name,
                        self.tr("Interviews: %1 matched, %2 new")
                        .replace("%1", str(len(report.documents_matched)))
                        .replace("%2", str(len(report.documents_new))),
                        self.tr("Tags: %1 matched, %2 new")
                        .replace("%1", str(len(report.tags_matched)))
                        .replace("%2", str(len(report.tags_new))),
                        self.tr("Annotations added: %1 (%2); %3 already here")
                        .replace("%1", str(report.annotations_added))
                        .replace("%2", added or "—")
                        .replace("%3", str(report.annotations_skipped)),
                        self.tr("Suggestion decisions: %1 · done marks: %2")
                        .replace("%1", str(report.decisions_added))
                        .replace("%2", str(report.marks_added)),
                    ]
                )
            )
        return "\n\n".join(paragraphs)


def install(context: PanelContext) -> TeamMenu:
    """Add the Team menu, View ▸ Annotators and File ▸ Merge Annotator Projects…."""
    return TeamMenu(context)
