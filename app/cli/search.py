"""``fangtan search``: every occurrence of a text in a project, one per line or as JSON."""

import argparse
from collections.abc import Callable

from app.cli.output import print_json, utf8_stdout
from app.errors import NoSuchDocumentError, OutsideWithoutTagError, UnknownDocumentError
from app.locations import project_location

EXIT_OK = 0


def register(commands: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    search = commands.add_parser(
        "search",
        help="find a text (one character or more) in every document",
        description=(
            "Find every occurrence of QUERY, two-character words included, in the turns of "
            "every document. Offsets are code points into the document text, as printed by "
            "`fangtan docs --json`. Latin letters match in either case."
        ),
    )
    search.add_argument("project", type=project_location)
    search.add_argument("query", help="the text to find")
    search.add_argument(
        "--json",
        action="store_true",
        help="a JSON list of objects with document_id, start, end, speaker and context",
    )
    search.add_argument("--document", type=int, metavar="ID", help="only in this document")
    search.add_argument("--tag", metavar="NAME", help="only inside passages with this tag")
    search.add_argument(
        "--outside", action="store_true", help="with --tag: only outside passages with the tag"
    )
    search.add_argument(
        "--answers-only", action="store_true", help="only in the interviewees' answers"
    )


def handlers() -> dict[str, Callable[[argparse.Namespace], int]]:
    return {"search": _search}


def _search(arguments: argparse.Namespace) -> int:
    from app.project import Project
    from app.search.engine import search
    from app.search.hit_tagging import tag_id_named

    if arguments.outside and not arguments.tag:
        raise OutsideWithoutTagError()
    project = Project.open(arguments.project, create=False)
    try:
        tag_id = tag_id_named(project, arguments.tag) if arguments.tag else None
        try:
            hits = search(
                project,
                arguments.query,
                document_id=arguments.document,
                tag_id=tag_id,
                inside=not arguments.outside,
                answers_only=arguments.answers_only,
            )
        except UnknownDocumentError:
            raise NoSuchDocumentError(id=arguments.document) from None
    finally:
        project.close()
    if arguments.json:
        payload = [
            {
                "document_id": hit.document_id,
                "turn_index": hit.turn_index,
                "start": hit.start,
                "end": hit.end,
                "speaker": hit.speaker,
                "kind": hit.kind,
                "text": hit.hit,
                "context": hit.context,
                "left": hit.left,
                "right": hit.right,
            }
            for hit in hits
        ]
        print_json(payload)
        return EXIT_OK
    utf8_stdout()
    for hit in hits:
        print(
            f"#{hit.document_id}  {hit.start}-{hit.end}  {hit.speaker or '-'}  "
            f"{hit.left}【{hit.hit}】{hit.right}"
        )
    return EXIT_OK
