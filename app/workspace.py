"""Where projects live by default, and the first-run project with the sample interviews."""

import os
from pathlib import Path

import platformdirs

from app.logs import APP_NAME
from app.project import PROJECT_SUFFIX, Project
from app.seeds import SAMPLE_INTERVIEWS, sample_interviews_path

DEFAULT_PROJECT_NAME = "default" + PROJECT_SUFFIX


def data_dir() -> Path:
    return platformdirs.user_data_path(APP_NAME, appauthor=False)


def default_project_path() -> Path:
    return data_dir() / DEFAULT_PROJECT_NAME


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
