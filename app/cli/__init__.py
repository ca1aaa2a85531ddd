"""The ``fangtan`` command: open the window, import, list and export from a terminal.

Errors print one line on stderr and exit with a non-zero code; the project is
left as it was.
"""

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import asdict
from importlib.metadata import entry_points
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from app import __version__
from app.locations import project_location

if TYPE_CHECKING:
    from app.exchange import ExportOptions
    from app.project import Project
from app.cli.output import annotation_summary_line, counted, print_json, summary_line
from app.cli.password import run_asking_password
from app.errors import FangtanError, NoSuchDocumentError, SplitRatioError, UnknownTagNameError
from app.logs import log_dir, log_failure

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_BUG = 3

NOTHING_IMPORTED = " Nothing was imported."  # how a failed annotation file's error ends


# Errors only the command line can meet (its output is English, so not for translation).


class UnknownStatusError(FangtanError):
    template = "“{value}” is not a document status; use {valid}."


class UnknownAnnotatorError(FangtanError):
    template = "There is no annotator named “{name}” in this project."


class ExportFormatUnknownError(FangtanError):
    template = "Cannot tell the export format from the name {path}: give --format ({formats})."


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="fangtan",
        description="Read, tag and export Chinese interviews.",
    )
    parser.add_argument("--version", action="version", version=f"fangtan {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    gui = commands.add_parser("gui", help="open the window (the default)")
    gui.add_argument(
        "project",
        nargs="?",
        type=project_location,
        help="project file (created if missing) or server address (postgresql://...)",
    )

    importing = commands.add_parser(
        "import",
        help="import interviews (txt, md, docx, html, pdf, folders) or annotation files "
        "(doccano .jsonl, Label Studio .json, REFI-QDA .qdpx)",
    )
    importing.add_argument(
        "project",
        type=project_location,
        help="project file (created if missing) or server address (postgresql://...)",
    )
    importing.add_argument("paths", nargs="+", type=Path, help="files or folders to import")
    importing.add_argument(
        "--format",
        choices=["jsonl", "label-studio", "qdpx"],
        help="read the files as this annotation format, whatever their extension",
    )
    importing.add_argument(
        "--encoding",
        help="read text files in this encoding (utf-8, utf-16, gb18030, big5); default: detect",
    )
    importing.add_argument(
        "--one-per-file",
        action="store_true",
        help="treat each file as one interview, even if it holds several",
    )

    docs = commands.add_parser("docs", help="list documents with their turns")
    docs.add_argument("project", type=project_location)
    docs.add_argument("--json", action="store_true", help="JSON with each document's full text")

    for feature in _features():
        feature.register(commands)

    export = commands.add_parser("export", help="export annotations and documents")
    export.add_argument("project", type=project_location)
    export.add_argument(
        "--format",
        help="csv, turns-csv, docs-csv, xlsx, jsonl, label-studio, brat, conll or qdpx "
        "(default: the one the output's extension names)",
    )
    export.add_argument("-o", "--output", type=Path, required=True)
    export.add_argument("--tags", help="only these tags (names, comma-separated)")
    export.add_argument("--annotators", help="only these annotators (comma-separated)")
    export.add_argument("--documents", help="only these document ids (comma-separated)")
    export.add_argument("--status", help="only documents with this status: new, in_progress, done")
    export.add_argument("--no-notes", action="store_true", help="leave notes out")
    export.add_argument("--headers", choices=["en", "zh"], default="en", help="column headers")
    export.add_argument("--unit", choices=["token", "char"], default="token", help="conll units")
    export.add_argument("--split-seed", type=int, help="add a reproducible train/dev/test split")
    export.add_argument(
        "--split-ratios", default="0.8,0.1,0.1", help="train,dev,test shares (default 0.8,0.1,0.1)"
    )
    export.add_argument(
        "--split-files", action="store_true", help="write train/dev/test as separate files"
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    arguments = _window_start(list(sys.argv[1:] if argv is None else argv))
    handler: Callable[[argparse.Namespace], int] = _gui
    if arguments is None:
        arguments = _parser().parse_args(argv)
        handlers = dict(_HANDLERS)
        for feature in _features():
            handlers.update(feature.handlers())
        handler = handlers[arguments.command or "gui"]
        if arguments.command is None:
            arguments.project = None
    try:
        return run_asking_password(handler, arguments)
    except FangtanError as error:
        print(f"fangtan: {error}", file=sys.stderr)
        return EXIT_FAILED
    except KeyboardInterrupt:
        print("fangtan: interrupted", file=sys.stderr)
        return EXIT_FAILED
    except BrokenPipeError:  # output piped into a program that stopped reading (| head)
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK
    except Exception as error:  # a bug: say so in one line, keep the details in the log
        where = log_failure(error)
        details = f"details in {where}" if where else f"the log in {log_dir()} cannot be written"
        print(f"fangtan: unexpected error ({error}); {details}", file=sys.stderr)
        return EXIT_BUG


def _window_start(given: list[str]) -> argparse.Namespace | None:
    """`fangtan` or `fangtan gui FILE` on a desktop: the window, without the parsers (they
    load the storage layer, which the window loads behind its first screen)."""
    project = given[1] if len(given) == 2 else None
    if len(given) > 2 or given[:1] not in ([], ["gui"]) or _no_display():
        return None
    if project is not None and (not project or project.startswith("-") or "://" in project):
        return None
    return argparse.Namespace(command="gui", project=None if project is None else Path(project))


class Feature(Protocol):
    """A module adding subcommands: ``register`` adds parsers, ``handlers`` runs them."""

    def register(self, commands: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None: ...

    def handlers(self) -> dict[str, Callable[[argparse.Namespace], int]]: ...


def _features() -> list[Feature]:
    """Modules that add subcommands (each one small, imported only for the command line)."""
    from app.cli import adjudicate as cli_adjudicate
    from app.cli import agreement as cli_agreement
    from app.cli import backups as cli_backups
    from app.cli import codebook as cli_codebook
    from app.cli import copy as cli_copy
    from app.cli import search as cli_search
    from app.cli import selfcheck as cli_selfcheck
    from app.cli import server as cli_server
    from app.cli import stats as cli_stats
    from app.cli import suggest as cli_suggest
    from app.cli import team as cli_team
    from app.cli import turns as cli_turns

    return [
        cli_suggest,
        cli_search,
        cli_backups,
        cli_turns,
        cli_stats,
        cli_codebook,
        cli_agreement,
        cli_team,
        cli_adjudicate,
        cli_server,
        cli_copy,
        cli_selfcheck,
    ]


def _no_display() -> bool:
    """True on Linux/BSD desktops without a display to open a window on."""
    if sys.platform in ("win32", "darwin") or os.environ.get("QT_QPA_PLATFORM"):
        return False
    return not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def _gui(arguments: argparse.Namespace) -> int:
    if _no_display():
        from app.project import check_folder

        if isinstance(arguments.project, Path):
            check_folder(arguments.project)  # a path that cannot be a project is said first
        print(
            "fangtan: no display to open the window on (set DISPLAY, or use the "
            "import/docs/export commands)",
            file=sys.stderr,
        )
        return EXIT_FAILED
    found = entry_points(group="fangtan.frontends", name="gui")
    if not found:
        print("fangtan: the window is not installed (pip install -e .)", file=sys.stderr)
        return EXIT_FAILED
    return int(next(iter(found)).load()(arguments.project))


def _import(arguments: argparse.Namespace) -> int:
    from app.cli.progress import TerminalProgress
    from app.exchange import annotation_files
    from app.importing.importer import import_paths
    from app.project import Project

    if annotation_files(arguments.paths, any_name=bool(arguments.format)):
        return _import_annotations(arguments)
    created = isinstance(arguments.project, Path) and not arguments.project.exists()
    project = Project.open(arguments.project)
    progress = TerminalProgress()
    try:
        report = import_paths(
            project,
            arguments.paths,
            progress,
            encoding=arguments.encoding,
            split=not arguments.one_per_file,
        )
    finally:
        progress.finish()
        project.close()
    if created and not report.imported:  # nothing came in: leave no empty project behind
        for suffix in ("", "-wal", "-shm"):
            Path(f"{arguments.project}{suffix}").unlink(missing_ok=True)
    for document in report.imported:
        interviewee = document.interviewee or "-"
        print(
            f"imported  #{document.id}  {document.title}  {interviewee}  "
            f"({counted(document.turn_count, 'turn')})"
        )
    for source, title in report.duplicates:
        print(f"skipped   {title}  (already in the project; from {source})")
    for source, note in report.notes:
        print(f"note      {Path(source).name}: {note}")
    for _source, error in report.failures:
        print(f"fangtan: {error}", file=sys.stderr)
    if report.files > 1:
        print(summary_line(report))
    return EXIT_OK if report.ok else EXIT_FAILED


def _import_annotations(arguments: argparse.Namespace) -> int:
    """Each file in its own transaction: a bad file adds nothing, the others still come in."""
    from app.exchange import import_annotations
    from app.project import Project

    several = len(arguments.paths) > 1
    imported: list[Path] = []
    failed: list[Path] = []
    project = Project.open(arguments.project)
    try:
        for path in arguments.paths:
            try:
                report = import_annotations(project, path, format=arguments.format)
            except FangtanError as error:
                message = str(error)
                if several:  # the summary says what did and did not come in
                    message = message.removesuffix(NOTHING_IMPORTED)
                print(f"fangtan: {message}", file=sys.stderr)
                failed.append(path)
                continue
            imported.append(path)
            print(
                f"imported  {path.name}: {counted(len(report.created), 'new document')} and "
                f"{counted(len(report.matched), 'existing one')}, "
                f"{counted(report.annotations_added, 'annotation')}"
                + (
                    f", {report.duplicates_skipped} already there"
                    if report.duplicates_skipped
                    else ""
                )
                + (f", new tags: {'、'.join(report.tags_created)}" if report.tags_created else "")
            )
    finally:
        project.close()
    if several:
        print(annotation_summary_line(imported, failed))
    return EXIT_FAILED if failed else EXIT_OK


def _docs(arguments: argparse.Namespace) -> int:
    from app.project import Project

    project = Project.open(arguments.project, create=False)
    try:
        contents = [project.document(summary.id) for summary in project.documents()]
    finally:
        project.close()
    if arguments.json:
        payload = [
            {
                "id": content.meta.id,
                "title": content.meta.title,
                "subtitle": content.meta.subtitle,
                "interviewee": content.meta.interviewee,
                "interviewee_role": content.meta.interviewee_role,
                "reporter": content.meta.reporter,
                "series": content.meta.series,
                "source_name": content.meta.source_name,
                "sha256": content.meta.sha256,
                "status": content.meta.status,
                "turns": [asdict(turn) for turn in content.turns],
                "text": content.text,
            }
            for content in contents
        ]
        print_json(payload)
        return EXIT_OK
    if not contents:  # said on stdout, like "no backups yet": an empty project is no error
        print(f"no interviews yet in {arguments.project} (add some with fangtan import)")
        return EXIT_OK
    for content in contents:
        meta = content.meta
        print(f"#{meta.id}  {meta.title}")
        print(
            f"    interviewee: {meta.interviewee}  role: {meta.interviewee_role}  "
            f"reporter: {meta.reporter}"
        )
        for turn in content.turns:
            print(
                f"    [{turn.index}] {turn.kind:<9} {turn.speaker or '-':<8} "
                f"{turn.start}-{turn.end}"
            )
    return EXIT_OK


def _csv_set(value: str | None) -> frozenset[str] | None:
    if value is None:
        return None
    return frozenset(part.strip() for part in value.split(",") if part.strip())


def export_options(arguments: argparse.Namespace, project: "Project") -> "ExportOptions":
    """The options asked for; a tag, annotator, document or status unknown to the project
    is an error rather than a filter that silently exports nothing."""
    from app.exchange import ExportOptions, SplitOptions
    from models.documents import DOCUMENT_STATUSES

    tag_ids = None
    names = _csv_set(arguments.tags)
    if names is not None:
        known = {tag.name: tag.id for tag in project.tags()}
        missing = sorted(names - set(known))
        if missing:
            raise UnknownTagNameError(name="、".join(missing))
        tag_ids = frozenset(known[name] for name in names)
    annotators = _csv_set(arguments.annotators)
    if annotators is not None:
        missing = sorted(annotators - _annotator_names(project))
        if missing:
            raise UnknownAnnotatorError(name="、".join(missing))
    document_ids = _document_ids(project, _csv_set(arguments.documents))
    statuses = _csv_set(arguments.status)
    if statuses is not None:
        unknown = [status for status in sorted(statuses) if status not in DOCUMENT_STATUSES]
        if unknown:
            raise UnknownStatusError(
                value=", ".join(unknown),
                valid=", ".join(DOCUMENT_STATUSES[:-1]) + f" or {DOCUMENT_STATUSES[-1]}",
            )
    split = None
    if arguments.split_seed is not None or arguments.split_files:
        try:
            ratios = tuple(float(part) for part in arguments.split_ratios.split(","))
        except ValueError as error:
            raise SplitRatioError(ratios=arguments.split_ratios) from error
        if len(ratios) != 3:
            raise SplitRatioError(ratios=arguments.split_ratios)
        split = SplitOptions(
            seed=arguments.split_seed or 0,
            ratios=(ratios[0], ratios[1], ratios[2]),
            separate_files=arguments.split_files,
        )
    return ExportOptions(
        tag_ids=tag_ids,
        annotators=annotators,
        document_ids=document_ids,
        statuses=statuses,
        include_notes=not arguments.no_notes,
        headers=arguments.headers,
        split=split,
        unit=arguments.unit,
    )


def _annotator_names(project: "Project") -> frozenset[str]:
    from sqlalchemy import select

    from models import Annotator

    with project.reading() as session:
        return frozenset(session.scalars(select(Annotator.name)))


def _document_ids(project: "Project", given: frozenset[str] | None) -> frozenset[int] | None:
    """The ids of ``--documents``; each must be a document of the project."""
    if given is None:
        return None
    from sqlalchemy import select

    from models import Document

    ids: set[int] = set()
    for text in sorted(given):
        try:
            ids.add(int(text))
        except ValueError:
            raise NoSuchDocumentError(id=text) from None
    with project.reading() as session:
        found = set(session.scalars(select(Document.id)))
    missing = sorted(ids - found)
    if missing:
        raise NoSuchDocumentError(id=", ".join(str(number) for number in missing))
    return frozenset(ids)


def _export(arguments: argparse.Namespace) -> int:
    from app.cli.progress import TerminalProgress
    from app.exchange import FORMATS, export, format_for_name
    from app.project import Project

    if arguments.format is None:
        arguments.format = format_for_name(arguments.output)
        if arguments.format is None:
            raise ExportFormatUnknownError(path=arguments.output.name, formats=", ".join(FORMATS))
    project = Project.open(arguments.project, create=False)
    progress = TerminalProgress()
    try:
        options = export_options(arguments, project)
        summary = export(
            project,
            arguments.format,
            arguments.output,
            options,
            progress=progress,
        )
    finally:
        progress.finish()
        project.close()
    print(
        f"exported {counted(summary.annotations, 'annotation')} in "
        f"{counted(summary.documents, 'document')} as {arguments.format} to {arguments.output}"
    )
    for warning in summary.warnings:
        print(f"note: {warning}")
    return EXIT_OK


_HANDLERS: dict[str, Callable[[argparse.Namespace], int]] = {
    "gui": _gui,
    "import": _import,
    "docs": _docs,
    "export": _export,
}
