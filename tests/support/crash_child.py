"""Child process for the crash tests: performs random actions until it is killed.

Each action is logged as ``begin N ...`` before and ``done N ...`` after it returns
(flushed at once), so the parent knows which actions must be in the project and
which single one may be in flight. ``--window`` drives the real window instead of
the services (tagging through key presses, notes and removals through its actions).

``--only-tag`` only adds annotations (for several writers at once).

Usage: python crash_child.py PROJECT LOG SEED [--window | --only-tag]
"""

import os
import random
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from app.editing.commands import AnnotationSpec, CreateAnnotations, DeleteAnnotations, SetNote
from app.editing.history import History
from app.project import Project


def live(project: Project, document_id: int) -> dict[str, int]:
    """Annotations made by this test, by their action number (kept in the note)."""
    return {
        a.note.split("|")[0]: a.id
        for a in project.annotations(document_id)
        if a.note.startswith("a")
    }


def run_services(path: Path, log, rng: random.Random, only_tag: bool = False) -> None:
    project = Project.open(path, annotator="torture")
    history = History(project)
    document = project.documents()[0]
    length = len(project.document(document.id).text)
    tags = [tag.id for tag in project.tags()]
    number = int(rng.random() * 1e9)
    print("ready", flush=True)
    while True:
        number += 1
        existing = {} if only_tag else live(project, document.id)
        choice = rng.random()
        if existing and choice < 0.25:
            key = rng.choice(sorted(existing))
            log.write(f"begin {number} untag {key}\n")
            log.flush()
            history.do(DeleteAnnotations((existing[key],)), "untag")
            log.write(f"done {number} untag {key}\n")
        elif existing and choice < 0.5:
            key = rng.choice(sorted(existing))
            note = f"{key}|{number}"
            log.write(f"begin {number} note {key} {note}\n")
            log.flush()
            history.do(SetNote(existing[key], note), "note")
            log.write(f"done {number} note {key} {note}\n")
        else:
            start = rng.randrange(0, length - 10)
            key = f"a{number}"
            spec = AnnotationSpec(document.id, rng.choice(tags), start, start + 5, note=key)
            log.write(f"begin {number} tag {key}\n")
            log.flush()
            history.do(CreateAnnotations((spec,)), "tag")
            log.write(f"done {number} tag {key}\n")
        log.flush()
        print(number, flush=True)


def run_window(path: Path, log, rng: random.Random) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from ui.main_window import MainWindow
    from ui.window.session import ProjectSession

    app = QApplication.instance() or QApplication([])
    window = MainWindow(ProjectSession(Project.open(path, annotator="torture")))
    window.show()
    window.activateWindow()
    app.processEvents()
    view = window.text_view
    view.setFocus()
    length = len(view.content.text)
    shortcut_of = {tag.id: tag.shortcut for tag in window.tags}
    number = int(rng.random() * 1e9)
    print("ready", flush=True)
    while True:
        number += 1
        model = window.annotation_list.table_model
        if model.rowCount() and rng.random() < 0.3:
            annotation = model.annotation_at(rng.randrange(model.rowCount()))
            tag = shortcut_of[annotation.tag_id]
            what = f"untag {annotation.start} {annotation.end} {tag}"
            log.write(f"begin {number} {what}\n")
            log.flush()
            window.documents.delete([annotation.id])
            log.write(f"done {number} {what}\n")
        else:
            start = rng.randrange(0, length - 10)
            view.select_span(start, start + 6)
            key = rng.choice([Qt.Key.Key_1, Qt.Key.Key_2, Qt.Key.Key_3, Qt.Key.Key_4])
            what = f"span {start} {start + 6} {int(key) - int(Qt.Key.Key_0)}"
            log.write(f"begin {number} {what}\n")
            log.flush()
            QTest.keyClick(view, key)
            log.write(f"done {number} {what}\n")
        log.flush()
        app.processEvents()
        print(number, flush=True)


def main() -> None:
    path, log_path, seed = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3])
    rng = random.Random(seed)
    with log_path.open("a", encoding="utf-8") as log:
        if "--window" in sys.argv:
            run_window(path, log, rng)
        else:
            run_services(path, log, rng, only_tag="--only-tag" in sys.argv)


if __name__ == "__main__":
    main()
