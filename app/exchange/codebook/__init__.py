"""Codebook exchange: the tags with their colours, hierarchy and guidelines, as a REFI-QDA
codebook (.qdc) or a CSV table, written from a project and read into one.

Importing matches tags by name (whitespace normalised). A tag already in the project keeps
its colour, shortcut and place, and only its empty guideline fields are filled from the
file; a new tag is created under the parent the file names. Everything is one undo step;
a file that cannot be read changes nothing.
"""

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.editing.codebook import next_color, normalize_color
from app.editing.codebook_import import FILLABLE, ImportCodebook, step_name
from app.errors import TagColorError
from app.exchange.codebook.entries import CodebookEntry, project_entries
from app.exchange.codebook.errors import (
    CodebookFileError,
    CodebookFormatError,
    CodebookParentError,
)
from models import Tag

if TYPE_CHECKING:
    from app.project import Project

CODEBOOK_SUFFIXES = (".qdc", ".csv")


@dataclass(frozen=True)
class CodebookExport:
    path: Path
    tags: int


@dataclass(frozen=True)
class CodebookImportReport:
    path: Path
    created: tuple[str, ...]  # names of the new tags, in the file's order
    matched: tuple[str, ...]  # names of tags already in the project
    filled: tuple[str, ...]  # matched tags given guideline fields they lacked
    shortcuts_dropped: tuple[str, ...]  # new tags whose shortcut another tag already has


@dataclass(frozen=True)
class CodebookImport:
    """What importing a file would do: the command (None when nothing changes) and the report."""

    command: ImportCodebook | None
    report: CodebookImportReport
    step_name: str


def _suffix(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix not in CODEBOOK_SUFFIXES:
        raise CodebookFormatError(path=str(path), suffix=suffix or "a file without an extension")
    return suffix


def export_codebook(project: "Project", path: Path) -> CodebookExport:
    """Write every tag (archived ones too) to ``path``: .qdc or .csv by its extension."""
    from app.exchange.codebook.qdc import write_qdc
    from app.exchange.codebook.table import write_codebook_csv

    suffix = _suffix(path)
    with project.reading() as session:
        entries = project_entries(session)
    if suffix == ".qdc":
        write_qdc(entries, path)
    else:
        write_codebook_csv(entries, path)
    return CodebookExport(path, len(entries))


def read_codebook(path: Path) -> list[CodebookEntry]:
    from app.exchange.codebook.qdc import read_qdc
    from app.exchange.codebook.table import read_codebook_csv

    return read_qdc(path) if _suffix(path) == ".qdc" else read_codebook_csv(path)


def prepare_import(project: "Project", path: Path) -> CodebookImport:
    """Read ``path`` and work out the import; nothing is changed yet."""
    entries = read_codebook(path)
    with project.reading() as session:
        return _plan(session, path, entries)


def import_codebook(project: "Project", path: Path) -> CodebookImportReport:
    """Import ``path`` into ``project`` as one undo step (none when nothing changes)."""
    from app.editing.history import History

    planned = prepare_import(project, path)
    if planned.command is not None:
        History(project).do(planned.command, planned.step_name)
    return planned.report


def _ordered(path: Path, entries: list[CodebookEntry], existing: set[str]) -> list[CodebookEntry]:
    """``entries`` with every parent in the file before its children; cycles refused."""
    by_name = {entry.name: entry for entry in entries}
    for entry in entries:
        if entry.parent and entry.parent not in by_name and entry.parent not in existing:
            raise CodebookParentError(path=str(path), parent=entry.parent, name=entry.name)
    placed: set[str] = set()
    result: list[CodebookEntry] = []
    for entry in entries:
        chain: list[CodebookEntry] = []
        current: CodebookEntry | None = entry
        while current is not None and current.name not in placed:
            if current in chain:
                raise CodebookFileError(
                    path=str(path), detail=f"“{current.name}” is placed under itself"
                )
            chain.append(current)
            current = by_name.get(current.parent) if current.parent else None
        for link in reversed(chain):
            placed.add(link.name)
            result.append(link)
    return result


def _plan(session: Session, path: Path, entries: list[CodebookEntry]) -> CodebookImport:
    tags = {tag.name: tag for tag in session.scalars(select(Tag))}
    used_colors = [tag.color for tag in tags.values()]
    used_shortcuts = {tag.shortcut for tag in tags.values() if tag.shortcut}
    new_tags: list[dict[str, object]] = []
    fills: list[tuple[int, dict[str, object]]] = []
    created: list[str] = []
    matched: list[str] = []
    filled: list[str] = []
    dropped: list[str] = []
    for entry in _ordered(path, entries, set(tags)):
        tag = tags.get(entry.name)
        if tag is not None:
            matched.append(entry.name)
            values = {
                field: getattr(entry, field)
                for field in FILLABLE
                if not (getattr(tag, field) or "").strip() and getattr(entry, field).strip()
            }
            if values:
                fills.append((tag.id, dict(values)))
                filled.append(entry.name)
            continue
        if entry.color:
            try:
                color = normalize_color(entry.color)
            except TagColorError as error:
                raise CodebookFileError(
                    path=str(path), detail=f"“{entry.color}” of “{entry.name}” is not a colour"
                ) from error
        else:
            color = next_color(used_colors)
        used_colors.append(color)
        shortcut = entry.shortcut
        if shortcut in used_shortcuts:
            dropped.append(entry.name)
            shortcut = ""
        if shortcut:
            used_shortcuts.add(shortcut)
        created.append(entry.name)
        new_tags.append(
            {
                "name": entry.name,
                "color": color,
                "shortcut": shortcut,
                "description": entry.description,
                "use_when": entry.use_when,
                "avoid_when": entry.avoid_when,
                "example": entry.example,
                "archived": entry.archived,
                "parent": entry.parent,
            }
        )
    report = CodebookImportReport(
        path, tuple(created), tuple(matched), tuple(filled), tuple(dropped)
    )
    command = ImportCodebook(tuple(new_tags), tuple(fills)) if new_tags or fills else None
    return CodebookImport(command, report, step_name(path.name))


__all__ = [
    "CODEBOOK_SUFFIXES",
    "CodebookEntry",
    "CodebookExport",
    "CodebookImport",
    "CodebookImportReport",
    "export_codebook",
    "import_codebook",
    "prepare_import",
    "read_codebook",
]
