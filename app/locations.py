"""What names a project: a file path, or a server address (``postgresql://...``); and where
the default project lives. Light to import: the window's first screen reads it before the
storage layer is loaded."""

from pathlib import Path

import platformdirs

from app.logs import APP_NAME

PROJECT_SUFFIX = ".fangtan"
DEFAULT_PROJECT_NAME = "default" + PROJECT_SUFFIX


def project_location(text: str) -> Path | str:
    """A path for a file project; the address itself, as typed, for a server project."""
    from models.server import is_server_location  # the storage layer, loaded when needed

    return text if is_server_location(text) else Path(text)


def data_dir() -> Path:
    return platformdirs.user_data_path(APP_NAME, appauthor=False)


def default_project_path() -> Path:
    return data_dir() / DEFAULT_PROJECT_NAME
