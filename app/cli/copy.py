"""``fangtan copy``: a whole project from a file to a server, from a server to a file, or
from one file to another, checked by counts and a checksum."""

import argparse
from collections.abc import Callable

from app.cli.output import print_json
from app.locations import project_location

EXIT_OK = 0


def register(commands: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    copy = commands.add_parser(
        "copy",
        help="copy a whole project between a file and a server (or to another file)",
        description=(
            "Copy everything in the project SOURCE (a .fangtan file or a server address "
            "postgresql://user@host/dbname) to TARGET: a file that does not exist yet, or an "
            "empty server database, which gets the rights of a server project. Every table's "
            "rows are counted on both sides and the contents compared by a checksum; a copy "
            "that does not match, fails or is interrupted leaves nothing at TARGET. SOURCE is "
            "only read. A server is copied with a lead's login."
        ),
    )
    copy.add_argument("source", metavar="SOURCE", type=project_location)
    copy.add_argument("target", metavar="TARGET", type=project_location)
    copy.add_argument("--json", action="store_true", help="print a JSON object")


def handlers() -> dict[str, Callable[[argparse.Namespace], int]]:
    return {"copy": _copy}


def _copy(arguments: argparse.Namespace) -> int:
    from app.cli.progress import TerminalProgress
    from app.server.copy import copy_project

    # The password prompt names the server (the source when both are servers).
    servers = [place for place in (arguments.source, arguments.target) if isinstance(place, str)]
    arguments.project = servers[0] if servers else arguments.source
    progress = TerminalProgress()
    try:
        report = copy_project(arguments.source, arguments.target, progress)
    finally:
        progress.finish()
    if arguments.json:
        print_json(
            {
                "source": report.source,
                "target": report.target,
                "tables": {
                    count.table: {"source": count.source, "target": count.target}
                    for count in report.tables
                },
                "checksum": {"source": report.source_checksum, "target": report.target_checksum},
                "seconds": report.seconds,
            }
        )
        return EXIT_OK
    width = max(len(count.table) for count in report.tables)
    print(f"copied {report.source} to {report.target} in {report.seconds:.1f} s")
    print(f"{'rows':<{width}}  {'source':>9}  {'copy':>9}")
    for count in report.tables:
        print(f"{count.table:<{width}}  {count.source:>9}  {count.target:>9}")
    print(f"{'checksum':<{width}}  {report.target_checksum}")
    return EXIT_OK
