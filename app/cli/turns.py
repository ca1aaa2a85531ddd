"""``fangtan turns``: a document's turns listed, and the importer's guesses fixed.

Each edit is one step of the annotator's undo history, as if made in the window.
"""

import argparse
from collections.abc import Callable
from typing import TYPE_CHECKING

from app.cli.output import print_json
from app.errors import NoSuchDocumentError
from app.locations import project_location

if TYPE_CHECKING:
    from app.dto import DocumentContent
    from app.editing.commands import Command

EXIT_OK = 0
EXCERPT = 30  # characters of each turn's words in the listing

KINDS = ("question", "answer", "narration", "heading")


def register(commands: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    turns = commands.add_parser(
        "turns",
        help="list a document's turns, or fix their speakers, kinds and boundaries",
        description=(
            "List the turns of document DOC_ID (see fangtan docs for the ids), or make one "
            "edit to them, recorded as one undo step, and list them after it. The text and "
            "the annotations are never changed."
        ),
    )
    turns.add_argument("project", type=project_location)
    turns.add_argument("document", metavar="DOC_ID", help="the document's id")
    turns.add_argument("--json", action="store_true", help="print a JSON list")
    edits = turns.add_mutually_exclusive_group()
    edits.add_argument(
        "--set-speaker", nargs=2, metavar=("INDEX", "NAME"), help="name the speaker of a turn"
    )
    edits.add_argument(
        "--set-kind", nargs=2, metavar=("INDEX", "KIND"), help=f"make a turn a {'|'.join(KINDS)}"
    )
    edits.add_argument(
        "--split",
        nargs=2,
        metavar=("INDEX", "OFFSET"),
        help="cut a turn in two at OFFSET (characters from the start of the text)",
    )
    edits.add_argument("--merge", metavar="INDEX", help="join a turn to the one before it")
    edits.add_argument(
        "--rename-speaker",
        nargs=2,
        metavar=("OLD", "NEW"),
        help="rename a speaker in every turn of the document",
    )
    edits.add_argument(
        "--interviewee",
        action="append",
        metavar="NAME",
        help="who is interviewed (repeat for several): their turns become answers, "
        "the other speakers' questions",
    )
    edits.add_argument(
        "--redetect", action="store_true", help="detect the turns again from the text"
    )


def handlers() -> dict[str, Callable[[argparse.Namespace], int]]:
    return {"turns": _turns}


def _number(text: str, what: str) -> int:
    from app.errors import TurnNumberError

    try:
        return int(text)
    except ValueError:
        raise TurnNumberError(what=what, value=text) from None


def _command(arguments: argparse.Namespace, document_id: int) -> "Command | None":
    from app.editing import turn_commands as edits

    if arguments.set_speaker:
        index, name = arguments.set_speaker
        return edits.SetTurnSpeaker(document_id, _number(index, "INDEX"), name)
    if arguments.set_kind:
        index, kind = arguments.set_kind
        return edits.SetTurnKind(document_id, _number(index, "INDEX"), kind)
    if arguments.split:
        index, offset = arguments.split
        return edits.SplitTurn(document_id, _number(index, "INDEX"), _number(offset, "OFFSET"))
    if arguments.merge is not None:
        return edits.MergeTurn(document_id, _number(arguments.merge, "INDEX"))
    if arguments.rename_speaker:
        old, new = arguments.rename_speaker
        return edits.RenameSpeaker(document_id, old, new)
    if arguments.interviewee:
        return edits.SetInterviewees(document_id, tuple(arguments.interviewee))
    if arguments.redetect:
        return edits.RedetectTurns(document_id)
    return None


def _turns(arguments: argparse.Namespace) -> int:
    from app.editing.history import History
    from app.editing.turn_commands import step_name
    from app.project import Project

    try:
        document_id = int(arguments.document)
    except ValueError:
        raise NoSuchDocumentError(id=arguments.document) from None
    project = Project.open(arguments.project, create=False)
    try:
        if document_id not in {summary.id for summary in project.documents()}:
            raise NoSuchDocumentError(id=document_id)
        command = _command(arguments, document_id)
        if command is not None:
            History(project).do(command, step_name(command))
        content = project.document(document_id)
    finally:
        project.close()
    if arguments.json:
        print_json(_records(content))
        return EXIT_OK
    if command is not None:
        print(f"#{document_id}  {content.meta.title}  (one undo step)")
    for turn in content.turns:
        words = content.text[turn.content_start : turn.end]
        excerpt = words if len(words) <= EXCERPT else words[: EXCERPT - 1] + "…"
        excerpt = " ".join(excerpt.split())
        print(
            f"[{turn.index}] {turn.kind:<9} {turn.speaker or '-':<8} "
            f"{turn.start}-{turn.end}  {excerpt}"
        )
    return EXIT_OK


def _records(content: "DocumentContent") -> list[dict[str, object]]:
    return [
        {
            "index": turn.index,
            "speaker": turn.speaker,
            "kind": turn.kind,
            "start": turn.start,
            "content_start": turn.content_start,
            "end": turn.end,
            "timestamp": turn.timestamp,
            "text": content.text[turn.content_start : turn.end],
        }
        for turn in content.turns
    ]
