"""``fangtan codebook``: the codebook exported to, or imported from, a .qdc or .csv file."""

import argparse
from collections.abc import Callable
from pathlib import Path

from app.cli.output import counted, print_json
from app.locations import project_location

EXIT_OK = 0


def register(commands: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    codebook = commands.add_parser(
        "codebook",
        help="export the codebook to a .qdc or .csv file, or import one",
        description=(
            "Export every tag of PROJECT (archived ones too) with its colour, hierarchy and "
            "guideline as a REFI-QDA codebook (.qdc) or a CSV table, or import such a file: "
            "tags are matched by name, a matched tag keeps its colour and shortcut and gets "
            "only the guideline fields it lacks, new tags are created. One undo step."
        ),
    )
    codebook.add_argument("project", type=project_location)
    direction = codebook.add_mutually_exclusive_group(required=True)
    direction.add_argument("--export", metavar="FILE", type=Path, help="write FILE (.qdc, .csv)")
    direction.add_argument("--import", metavar="FILE", type=Path, dest="import_file")
    codebook.add_argument("--json", action="store_true", help="print the import report as JSON")


def handlers() -> dict[str, Callable[[argparse.Namespace], int]]:
    return {"codebook": _codebook}


def _codebook(arguments: argparse.Namespace) -> int:
    from app.exchange.codebook import export_codebook, import_codebook
    from app.project import Project

    project = Project.open(arguments.project, create=False)
    try:
        if arguments.export is not None:
            written = export_codebook(project, arguments.export)
            report = None
        else:
            report = import_codebook(project, arguments.import_file)
    finally:
        project.close()
    if report is None:
        print(f"exported {counted(written.tags, 'tag')} to {written.path}")
        return EXIT_OK
    if arguments.json:
        print_json(
            {
                "file": str(report.path),
                "created": list(report.created),
                "matched": list(report.matched),
                "filled": list(report.filled),
                "shortcuts_dropped": list(report.shortcuts_dropped),
            }
        )
        return EXIT_OK
    print(
        f"imported {report.path.name}: {counted(len(report.created), 'new tag')}, "
        f"{counted(len(report.matched), 'tag')} already in the project"
        + (f" ({len(report.filled)} given guideline fields)" if report.filled else "")
    )
    if report.created:
        print(f"new tags: {'、'.join(report.created)}")
    if report.shortcuts_dropped:
        print(f"note: shortcuts already taken, left out for {'、'.join(report.shortcuts_dropped)}")
    return EXIT_OK
