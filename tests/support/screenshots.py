"""Screenshots of the real window on the sample interviews, for the README.

Run under a virtual display at the screen size wanted, for example:

    xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python -m tests.support.screenshots \
        --language zh_CN --out resources/screenshots/window-1366-zh.png

The sample project gets a few annotations first, so highlights and stripes show; the
settings live in a temporary folder, so the user's own are never touched.
"""

import argparse
import os
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # Qt is imported once the settings folder is chosen
    from PySide6.QtWidgets import QWidget

    from ui.main_window import MainWindow


def _prepare(folder: Path, annotate: bool = True) -> Path:
    from app.editing.commands import AnnotationSpec, CreateAnnotations, SetNote
    from app.project import Project
    from app.turns import content_span
    from app.workspace import import_sample

    path = folder / "sample.fangtan"
    project = Project.open(path, annotator="editor")
    import_sample(project)
    if not annotate:
        project.close()
        return path
    document = project.documents()[0]
    content = project.document(document.id)
    tags = project.tags()
    answers = [turn for turn in content.turns if turn.kind == "answer"]
    specs = []
    for number, turn in enumerate(answers[:4]):
        start, end = content_span(turn)
        specs.append(AnnotationSpec(document.id, tags[number % len(tags)].id, start, end))
    if answers:
        start, end = content_span(answers[0])
        specs.append(AnnotationSpec(document.id, tags[1].id, start, start + (end - start) // 3))
    applied = project.execute(CreateAnnotations(tuple(specs)))
    first = min(applied.changes.added)
    project.execute(SetNote(first, "区里的重点项目，可与第二篇对照"))
    project.close()
    return path


def _preview(window: "MainWindow", source: Path) -> "QWidget":
    from app.importing.plan import plan_file, plan_paths
    from ui.dialogs.import_preview import ImportDialog

    project = window.session.project
    plans = plan_paths(project, [source])
    dialog = ImportDialog(
        plans, lambda plan, enc, split: plan_file(project, plan.path, enc, split), window
    )
    dialog.show()
    return dialog


def _team(window: "MainWindow", view: str) -> "QWidget":
    from ui.panels.document_controller import LayerChoice

    first = window.session.project.documents()[0].id
    window.document_list.select_document(first)
    window.team.show_layers(LayerChoice("all"))
    if view == "agreement":
        dialog = window.team.show_agreement()
        dialog.resize(1100, 620)
        return dialog
    if view == "curation":
        window.team.curation_action.trigger()
        panel = window.team.curation
        panel.add_agreed.click()
        if panel.list.rowCount():
            panel.list.setCurrentCell(0, 0)
            panel.list.cellClicked.emit(0, 0)
    return window


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--language", default="zh_CN", choices=["zh_CN", "en"])
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--focus", action="store_true", help="the text alone (focus mode)")
    parser.add_argument("--raise", dest="panel", default="", help="a dock to bring forward")
    parser.add_argument("--preview", type=Path, help="the import preview of this file instead")
    parser.add_argument(
        "--overview",
        nargs="?",
        const="matrix",
        choices=["matrix", "pairs", "time", "progress"],
        help="Tools ▸ Corpus Overview, on this page",
    )
    parser.add_argument(
        "--columns",
        type=int,
        default=0,
        help="the heat map's columns: 0 interviews, 1 interviewees, 2 outlets, 3 series, 4 months",
    )
    parser.add_argument(
        "--team",
        choices=["layers", "agreement", "curation"],
        help="alice's and bob's layers: in the text, Team ▸ Agreement, or Team ▸ Curate",
    )
    options = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="fangtan-shot-"))
    os.environ["XDG_CONFIG_HOME"] = str(folder / "config")
    os.environ["XDG_DATA_HOME"] = str(folder / "data")
    project = _prepare(folder, annotate=not options.team and not options.overview)
    if options.overview:
        from tests.support.overview_shots import code_everything

        code_everything(project)
    if options.team:
        from tests.support.team_shots import prepare_team

        prepare_team(project)

    from PySide6.QtCore import QSettings, QTimer
    from PySide6.QtWidgets import QApplication, QDockWidget

    from ui.window.application import Application

    app = QApplication(sys.argv[:1])
    app.setApplicationName("Fangtan")
    app.setOrganizationName("Fangtan")
    QSettings("Fangtan", "Fangtan").setValue("language", options.language)
    application = Application(app)
    if not application.open(project):
        return 1
    window = application.window
    assert window is not None
    window.setGeometry(app.primaryScreen().availableGeometry())
    if options.focus:
        window.layout_keeper.focus_action.trigger()
    panel = window.findChild(QDockWidget, "suggestionsPanel")
    if options.panel:
        chosen = window.findChild(QDockWidget, options.panel)
        if chosen is not None:
            chosen.show()
            chosen.raise_()
    waited = [0]
    shown: QWidget = window if options.preview is None else _preview(window, options.preview)
    if options.overview:
        from PySide6.QtGui import QAction

        from ui.dialogs.statistics import OverviewDialog

        window.findChild(QAction, "overviewAction").trigger()
        dialog = window.findChild(OverviewDialog, "overviewDialog")
        pages = ("matrix", "pairs", "time", "progress")
        dialog.tabs.setCurrentIndex(pages.index(options.overview))
        dialog.columns.setCurrentIndex(options.columns)
        shown = dialog

    if options.team:
        shown = _team(window, options.team)

    def shoot() -> None:
        waited[0] += 1
        if options.team == "agreement":
            ready = getattr(shown, "found", None) is not None or waited[0] > 200
        elif options.overview:
            ready = getattr(shown, "data", None) is not None or waited[0] > 200
        else:
            ready = options.preview or panel is None or panel.suggestions or waited[0] > 200
        if not ready:
            QTimer.singleShot(100, shoot)
            return
        options.out.parent.mkdir(parents=True, exist_ok=True)
        shown.grab().save(str(options.out))
        print(f"{options.out}: {shown.width()}×{shown.height()}")
        app.quit()

    QTimer.singleShot(500, shoot)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
