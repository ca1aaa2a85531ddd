"""``fangtan assign`` and ``fangtan merge``: a team's work without a server."""

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from app.cli.agreement import names
from app.cli.output import counted, print_json
from app.errors import QT_TRANSLATE_NOOP, FangtanError
from app.locations import project_location

if TYPE_CHECKING:
    from app.team.assignments import Progress
    from app.team.merge import MergeReport

EXIT_OK = 0
STATUS_MARKS = {"assigned": "·", "in_progress": "…", "done": "✓"}


class DocumentListError(FangtanError):
    template = QT_TRANSLATE_NOOP(
        "Errors", "“{text}” is not a list of interview numbers like 1,2,5-9 or all."
    )


def document_list(text: str) -> list[int] | None:
    """ "all" (None), or numbers and ranges: "1,2,5-9"."""
    if text.strip().lower() == "all":
        return None
    found: list[int] = []
    try:
        for part in text.replace("，", ",").split(","):
            if not part.strip():
                continue
            first, dash, last = part.partition("-")
            low, high = int(first), int(last if dash else first)
            if low > high or low < 1:
                raise ValueError(part)
            found.extend(range(low, high + 1))
    except ValueError:
        raise DocumentListError(text=text) from None
    if not found:
        raise DocumentListError(text=text)
    return found


def register(commands: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    assign = commands.add_parser(
        "assign",
        help="assign interviews to annotators, mark them done, show progress",
        description=(
            "Give interviews to annotators (several per interview for double annotation), "
            "mark them done for them with --done, or show the progress table with --progress."
        ),
    )
    assign.add_argument("project", type=project_location)
    assign.add_argument("--annotators", type=names, help="names, comma-separated")
    assign.add_argument("--documents", default="all", help="interview ids: 1,2,5-9 or all")
    assign.add_argument("--done", action="store_true", help="mark them done for the annotators")
    assign.add_argument("--progress", action="store_true", help="print interview × annotator")
    assign.add_argument("--json", action="store_true", help="print the progress as JSON")
    merge = commands.add_parser(
        "merge",
        help="merge annotators' project files into this project",
        description=(
            "Add the annotations of other project files under their own annotators: "
            "interviews matched by their text, tags by name (missing ones created), notes, "
            "suggestion decisions and done marks kept. Merging a file twice adds nothing."
        ),
    )
    merge.add_argument("project", type=project_location)
    merge.add_argument("others", nargs="+", type=Path, help=".fangtan files of annotators")
    merge.add_argument("--json", action="store_true", help="print the reports as JSON")


def handlers() -> dict[str, Callable[[argparse.Namespace], int]]:
    return {"assign": _assign, "merge": _merge}


def _assign(arguments: argparse.Namespace) -> int:
    from app.editing.history import History
    from app.project import Project
    from app.team.assignments import ASSIGN_STEP, DONE_STEP, assign, mark, progress, step_name

    if arguments.progress or not arguments.annotators:
        project = Project.open(arguments.project, create=False, read_only=True)
        try:
            found = progress(project, arguments.annotators)
        finally:
            project.close()
        if arguments.json:
            print_json(progress_payload(found))
        else:
            print("\n".join(progress_lines(found)))
        return EXIT_OK
    wanted = document_list(arguments.documents)
    project = Project.open(arguments.project, create=False)
    try:
        titles = dict(progress(project).documents)
        ids = list(titles)
        chosen = ids if wanted is None else wanted
        missing = sorted(set(chosen) - set(ids))
        if missing:
            raise DocumentListError(text=",".join(map(str, missing)))
        history = History(project)
        names = ", ".join(arguments.annotators)
        if arguments.done:
            for name in arguments.annotators:
                for document_id in chosen:
                    step = step_name(DONE_STEP, titles[document_id], name)
                    history.do(mark(document_id, name, True), step)
        else:
            step = step_name(ASSIGN_STEP, len(chosen), names)
            history.do(assign(chosen, arguments.annotators), step)
    finally:
        project.close()
    verb = "marked done for" if arguments.done else "assigned to"
    print(f"{counted(len(chosen), 'interview')} {verb} {', '.join(arguments.annotators)}")
    return EXIT_OK


def progress_payload(found: "Progress") -> dict[str, object]:
    return {
        "annotators": list(found.annotators),
        "documents": [
            {"id": document_id, "title": title, "status": dict(found.status.get(document_id, {}))}
            for document_id, title in found.documents
        ],
        "counts": {name: found.counts(name) for name in found.annotators},
    }


def progress_lines(found: "Progress") -> list[str]:
    from app.cli.stats import table

    if not found.annotators:
        return ["nobody is assigned an interview or has annotated one yet"]
    header = ["interview", *found.annotators]
    rows = [
        [f"{document_id} {title}"]
        + [
            STATUS_MARKS.get(found.status.get(document_id, {}).get(name, ""), "")
            for name in found.annotators
        ]
        for document_id, title in found.documents
    ]
    totals = []
    for name in found.annotators:
        counts = found.counts(name)
        totals.append(
            f"{name}: {counts['done']} done, {counts['in_progress']} in progress, "
            f"{counts['assigned']} not started"
        )
    return [*table(header, rows), "✓ done  … in progress  · assigned", *totals]


def _merge(arguments: argparse.Namespace) -> int:
    from app.project import Project
    from app.team.merge import merge_project

    project = Project.open(arguments.project, create=False)
    reports = []
    try:
        for other in arguments.others:
            reports.append(merge_project(project, other))
            if not arguments.json:
                print("\n".join(merge_lines(reports[-1])))
    finally:
        project.close()
    if arguments.json:
        print_json([merge_payload(report) for report in reports])
    return EXIT_OK


def merge_payload(report: "MergeReport") -> dict[str, object]:
    return {
        "file": str(report.path),
        "documents_new": report.documents_new,
        "documents_matched": report.documents_matched,
        "tags_new": report.tags_new,
        "tags_matched": report.tags_matched,
        "annotations_added": report.annotators,
        "annotations_skipped": report.annotations_skipped,
        "decisions_added": report.decisions_added,
        "marks_added": report.marks_added,
    }


def merge_lines(report: "MergeReport") -> list[str]:
    added = ", ".join(f"{name} {count}" for name, count in report.annotators.items())
    lines = [
        f"merged {report.path.name}: {counted(report.annotations_added, 'annotation')} added"
        + (f" ({added})" if added else "")
        + f", {report.annotations_skipped} already here",
        f"  interviews: {len(report.documents_matched)} matched, {len(report.documents_new)} new",
        f"  tags: {len(report.tags_matched)} matched, {len(report.tags_new)} new"
        + (f" ({'、'.join(report.tags_new)})" if report.tags_new else ""),
    ]
    if report.decisions_added or report.marks_added:
        lines.append(
            f"  {counted(report.decisions_added, 'suggestion decision')}, "
            f"{counted(report.marks_added, 'assignment')} added"
        )
    return lines
