"""What names a project: a file path, or a server address (``postgresql://...``)."""

from pathlib import Path

from models.server import is_server_location


def project_location(text: str) -> Path | str:
    """A path for a file project; the address itself, as typed, for a server project."""
    return text if is_server_location(text) else Path(text)
