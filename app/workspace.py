"""Where projects live by default, and the first-run project with the sample interviews."""

import os
from pathlib import Path

from app.locations import default_project_path
from app.project import Project
from app.seeds import SAMPLE_INTERVIEWS, sample_interviews_path


def open_default_project(annotator: str | None = None) -> Project:
    """Open the project in the user data folder, creating it with the sample on first run.

    The first-run project is built under a temporary name and moved into place
    only when complete, so an interrupted first start leaves nothing half-made.
    """
    path = default_project_path()
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(path.name + ".creating")
        for leftover in (partial, Path(f"{partial}-wal"), Path(f"{partial}-shm")):
            leftover.unlink(missing_ok=True)
        project = Project.open(partial)
        try:
            import_sample(project)
        finally:
            project.close()
        os.replace(partial, path)
    return Project.open(path, create=False, annotator=annotator)


def import_sample(project: Project) -> None:
    """Import the sample interviews and the names they use into the segmenter's dictionary."""
    from app.chinese.dictionary import add_sample_terms  # the first run only: not at every start
    from app.importing.importer import import_text
    from app.importing.reading import read_source

    import_text(project, read_source(sample_interviews_path()), SAMPLE_INTERVIEWS)
    add_sample_terms(project)
