"""The first screen of a project file: what its window showed when it was last closed, kept
in the user's cache so that the next start can show it before the storage layer is loaded.

A copy, never a source. It is used only when the project file and its write-ahead log are
exactly as they were when the copy was taken (their sizes, modification times and SQLite's
change counter), and only for the annotator it was taken for; the window replaces it with
what it reads from the project as soon as that is open. Anything unreadable (another
version's copy, a damaged file, an object that is not one of the transfer objects) is no
copy at all. Light to import: the storage layer is not loaded here.
"""

import hashlib
import os
import pickle
from contextlib import suppress
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

import platformdirs

from app import dto
from app.dto import AnnotationInfo, DocumentContent, DocumentSummary, TagInfo
from app.logs import APP_NAME

FORMAT = 1  # of the cached file; another one is not read
FOLDER = "first-screen"
# SQLite's header: the file change counter and the version it is valid for (bytes 24-27 and
# 92-95), both moved on by each write outside write-ahead-log mode.
HEADER_BYTES = 100
COUNTERS = ((24, 28), (92, 96))
# What a cached file may hold besides these modules' objects: the built-in containers and
# the date types of the documents' metadata.
ALLOWED = {("datetime", name) for name in ("date", "datetime", "timezone", "timedelta")}


@dataclass(frozen=True)
class FirstScreen:
    """What the window showed: the interviews listed, the codebook, and the interview open."""

    project: str  # the project file's path, resolved
    name: str
    annotator: str
    documents: list[DocumentSummary]
    tags: list[TagInfo]
    content: DocumentContent | None
    annotations: list[AnnotationInfo] = field(default_factory=list)  # on the text
    listed: list[AnnotationInfo] = field(default_factory=list)  # in the annotation list
    # The window's frame, as it read in ``language``: its menus' titles, and its other
    # panels (their names and titles), so that the first screen is laid out as it was.
    language: str = ""
    menus: list[str] = field(default_factory=list)
    panels: list[tuple[str, str]] = field(default_factory=list)


def file_stamp(project: Path) -> tuple[int, ...]:
    """What changes whenever the project file does: the size and modification time of the
    file and of its write-ahead log, and SQLite's change counters. OSError if unreadable."""
    parts: list[int] = []
    for path in (project, Path(f"{project}-wal")):
        try:
            status = path.stat()
        except FileNotFoundError:
            parts += [-1, -1]
            continue
        parts += [status.st_size, status.st_mtime_ns]
    with project.open("rb") as file:
        header = file.read(HEADER_BYTES)
    parts += [int.from_bytes(header[start:end], "big") for start, end in COUNTERS]
    return tuple(parts)


def cache_path(project: Path) -> Path:
    key = hashlib.sha1(str(project.resolve()).encode("utf-8")).hexdigest()
    return platformdirs.user_cache_path(APP_NAME, appauthor=False) / FOLDER / f"{key}.pickle"


def _layout() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """The transfer objects' fields: a copy written by a version with others is not read."""
    kinds: tuple[type, ...] = (FirstScreen, DocumentSummary, dto.DocumentMeta, dto.TurnInfo)
    kinds += (DocumentContent, TagInfo, AnnotationInfo)
    return tuple((kind.__name__, tuple(item.name for item in fields(kind))) for kind in kinds)


def save(screen: FirstScreen) -> bool:
    """Keep ``screen`` for the project file as it is now (call once the project is closed:
    a write after this makes the copy unused). False when the cache cannot be written,
    which only means the next start reads the project first."""
    project = Path(screen.project)
    target = cache_path(project)
    partial = target.with_name(target.name + ".partial")
    try:
        payload = (FORMAT, _layout(), file_stamp(project), screen)
        target.parent.mkdir(parents=True, exist_ok=True)
        with partial.open("wb") as file:
            pickle.dump(payload, file, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(partial, target)
    except (OSError, pickle.PicklingError):
        with suppress(OSError):
            partial.unlink(missing_ok=True)
        return False
    return True


class _Unpickler(pickle.Unpickler):
    """Builds this module's and the transfer objects' classes only: a cached file that
    names any other code is refused, not run."""

    def find_class(self, module: str, name: str) -> Any:
        if module in (__name__, dto.__name__) or (module, name) in ALLOWED:
            return super().find_class(module, name)
        raise pickle.UnpicklingError(f"{module}.{name} is not allowed in a first screen")


def load(project: Path, annotator: str) -> FirstScreen | None:
    """The first screen kept for ``project`` as it is now and for ``annotator``, or None."""
    try:
        path = cache_path(project)
        with path.open("rb") as file:
            payload = _Unpickler(file).load()
        stamp = file_stamp(project)
    except Exception:  # a cache that cannot be read in any way is no cache: never a failed start
        return None
    if not (isinstance(payload, tuple) and len(payload) == 4):
        return None
    version, layout, taken, screen = payload
    if version != FORMAT or layout != _layout() or taken != stamp:
        return None
    if not isinstance(screen, FirstScreen) or screen.annotator != annotator:
        return None
    if screen.project != str(project.resolve()):
        return None
    return screen
