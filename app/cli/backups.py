"""``fangtan backups``: a project's backups with their dates and contents; how many to keep."""

import argparse
from collections.abc import Callable
from pathlib import Path

from app.cli.output import counted, print_json
from app.errors import BackupKeepError
from app.locations import project_location
from app.server.errors import ServerBackupsError

EXIT_OK = 0

KINDS = {"": "on opening", "before-restore": "before a restore"}


def register(commands: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    backups = commands.add_parser(
        "backups",
        help="list a project's backups, or set how many to keep",
        description=(
            "List the backups of PROJECT, newest first, as File ▸ Restore from Backup shows "
            "them. A backup is taken each time the project is opened in the window; the "
            "oldest beyond the number to keep are deleted then."
        ),
    )
    backups.add_argument("project", type=project_location)
    backups.add_argument(
        "--keep",
        metavar="N",
        help="keep the newest N backups (1-100) from the next backup on",
    )
    backups.add_argument("--json", action="store_true", help="print a JSON object")


def handlers() -> dict[str, Callable[[argparse.Namespace], int]]:
    return {"backups": _backups}


def _count(text: str) -> int:
    from app.backups import MAX_KEEP, MIN_KEEP

    try:
        return int(text)
    except ValueError:
        raise BackupKeepError(low=MIN_KEEP, high=MAX_KEEP, value=text) from None


def _backups(arguments: argparse.Namespace) -> int:
    from app.backups import backup_folder, keep_count, list_backups, set_keep_count
    from app.project import Project, parse_address

    if not isinstance(arguments.project, Path):
        raise ServerBackupsError(path=parse_address(arguments.project).shown())
    wanted = _count(arguments.keep) if arguments.keep is not None else None
    project = Project.open(arguments.project, create=False)
    try:
        if wanted is not None:
            set_keep_count(project, wanted)
        keep = keep_count(project)
    finally:
        project.close()
    backups = list_backups(arguments.project)
    if arguments.json:
        payload = {
            "keep": keep,
            "folder": str(backup_folder(arguments.project)),
            "backups": [
                {
                    "path": str(backup.path),
                    "taken_at": backup.taken_at.isoformat(),
                    "kind": backup.label or "on-opening",
                    "documents": backup.documents if backup.documents >= 0 else None,
                    "annotations": backup.annotations if backup.annotations >= 0 else None,
                    "size": backup.size,
                }
                for backup in backups
            ],
        }
        print_json(payload)
        return EXIT_OK
    if wanted is not None:
        print(f"keeping the newest {counted(keep, 'backup')} from now on")
    else:
        print(f"keeps the newest {counted(keep, 'backup')}")
    if not backups:
        print(f"no backups yet in {backup_folder(arguments.project)}")
    for backup in backups:
        taken = backup.taken_at.astimezone().strftime("%Y-%m-%d %H:%M:%S")
        documents = _column(backup.documents, 4, "document")
        annotations = _column(backup.annotations, 6, "annotation")
        kind = KINDS.get(backup.label, backup.label)
        print(f"{taken}  {documents}  {annotations}  {kind:<16}  {backup.path}")
    if len(backups) > keep:
        print(
            f"note: the oldest {len(backups) - keep} will be deleted at the next backup "
            "(when the project is next opened in the window)"
        )
    return EXIT_OK


def _column(count: int, width: int, noun: str) -> str:
    """A count (``?`` when unknown) and its noun, padded so that the columns line up."""
    shown = counted(count, noun) if count >= 0 else f"? {noun}s"
    number, _space, word = shown.partition(" ")
    return f"{number:>{width}} {word:<{len(noun) + 1}}"
