"""``fangtan stats`` (how much of each interview each tag covers, which tags go together,
progress) and ``fangtan passages`` (the coded passages matching a query)."""

import argparse
import unicodedata
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from app.cli.output import counted, print_json, utf8_stdout
from app.errors import FangtanError
from app.locations import project_location

if TYPE_CHECKING:
    from app.project import Project
    from app.statistics import Overview
    from app.statistics.matrix import Cell
    from app.statistics.passages import Passage, PassageQuery
    from app.statistics.progress import StatusCounts

EXIT_OK = 0
GROUPINGS = ("interviewee", "outlet", "series", "month")
KINDS = ("question", "answer")


class DocumentIdsError(FangtanError):
    template = "--documents needs interview ids separated by commas, not “{value}”."


class AllTagsWithoutTagsError(FangtanError):
    template = "--all-tags needs the tags: add --tags NAME,NAME."


class DateArgumentError(FangtanError):
    template = "“{value}” is not a date; write it like 2023-05-01."


def register(commands: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    stats = commands.add_parser(
        "stats",
        help="how much each tag covers, which tags go together, progress",
        description=(
            "Count each tag's annotations and covered characters per interview (or per "
            "interviewee, outlet, series or month with --by), the share of the answers "
            "they cover, the pairs of tags that overlap or share a turn, and how many "
            "interviews are new, in progress or done."
        ),
    )
    stats.add_argument("project", type=project_location)
    stats.add_argument("--by", choices=GROUPINGS, help="one row per value instead of interview")
    stats.add_argument("--json", action="store_true", help="print every number as JSON")

    found = commands.add_parser(
        "passages",
        help="list coded passages with the turn around each",
        description=(
            "List the annotations matching every filter given, ordered by interview and "
            "position, each with the content of the turn where it starts."
        ),
    )
    found.add_argument("project", type=project_location)
    found.add_argument("--tags", help="passages with any of these tags (comma-separated)")
    found.add_argument(
        "--all-tags", action="store_true", help="with --tags: only in turns carrying all of them"
    )
    found.add_argument("--interviewee", metavar="NAME")
    found.add_argument("--kind", choices=KINDS, help="only in questions, or only in answers")
    found.add_argument("--annotator", metavar="NAME")
    found.add_argument(
        "--documents", metavar="IDS", help="only in these interviews (comma-separated ids)"
    )
    found.add_argument("--outlet", metavar="NAME")
    found.add_argument("--series", metavar="NAME")
    found.add_argument("--status", metavar="STATUS", help="new, in_progress or done")
    found.add_argument(
        "--from", dest="published_from", metavar="DATE", help="published on or after"
    )
    found.add_argument("--to", dest="published_to", metavar="DATE", help="published on or before")
    found.add_argument("--contains", metavar="TEXT", help="only passages whose text holds TEXT")
    found.add_argument("--limit", type=int, metavar="N", help="at most N passages")
    found.add_argument("--offset", type=int, default=0, metavar="N", help="skip the first N")
    found.add_argument(
        "--group-by",
        choices=("document", "tag"),
        help="list the passages interview by interview, or tag by tag (not with --json)",
    )
    found.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        type=Path,
        help="write every matching passage to FILE (.csv, .xlsx or .html) instead",
    )
    found.add_argument("--json", action="store_true", help="a JSON list of objects")


def handlers() -> dict[str, Callable[[argparse.Namespace], int]]:
    return {"stats": _stats, "passages": _passages}


# stats ----------------------------------------------------------------------------


def _stats(arguments: argparse.Namespace) -> int:
    from app.project import Project
    from app.statistics import overview

    project = Project.open(arguments.project, create=False)
    try:
        found = overview(project)
    finally:
        project.close()
    if arguments.json:
        print_json(stats_payload(found))
        return EXIT_OK
    utf8_stdout()
    for line in stats_lines(found, arguments.by):
        print(line)
    return EXIT_OK


def _cell(cell: "Cell") -> dict[str, int | float]:
    return {
        "annotations": cell.annotations,
        "characters": cell.characters,
        "answer_characters": cell.answer_characters,
        "answer_share": cell.answer_share,
    }


def _statuses(counts: "StatusCounts") -> dict[str, int]:
    return {"new": counts.new, "in_progress": counts.in_progress, "done": counts.done}


def stats_payload(found: "Overview") -> dict[str, object]:
    """Every number of the overview, keyed by tag names and document ids (as text)."""
    from app.statistics.progress import WORK_STATES

    matrix, pairs = found.matrix, found.cooccurrence
    names = {tag.id: tag.name for tag in matrix.tags}
    return {
        "tags": [tag.name for tag in matrix.tags],
        "documents": [
            {
                "id": document.id,
                "title": document.title,
                "interviewee": document.interviewee,
                "outlet": document.outlet,
                "series": document.series,
                "month": document.month,
                "status": document.status,
                "answer_characters": document.answer_characters,
            }
            for document in matrix.documents
        ],
        "tag_document": {
            tag.name: {
                str(document_id): _cell(cell)
                for document_id, cell in sorted(matrix.cells.get(tag.id, {}).items())
            }
            for tag in matrix.tags
        },
        "groups": {
            grouping: {
                tag.name: {
                    value: _cell(cell)
                    for value, cell in sorted(matrix.groups[grouping].get(tag.id, {}).items())
                }
                for tag in matrix.tags
            }
            for grouping in GROUPINGS
        },
        "cooccurrence": {
            pair.key: {
                "overlapping": pair.overlapping,
                "same_turn": pair.same_turn,
                "c": pair.c,
                "skewed": pair.skewed,
            }
            for pair in pairs.pairs.values()
        },
        "tag_turns": {names[tag_id]: count for tag_id, count in pairs.turns.items()},
        "coverage": {
            str(document_id): _cell(cell) for document_id, cell in matrix.coverage.items()
        },
        "progress": {
            "overall": _statuses(found.progress.overall),
            "annotators": {
                name: _statuses(counts) for name, counts in found.progress.annotators.items()
            },
            "work": {
                name: {state: getattr(counts, state) for state in WORK_STATES}
                for name, counts in found.progress.work.items()
            },
        },
        "by_month": {names[tag_id]: months for tag_id, months in matrix.by_month().items()},
    }


def width(text: str) -> int:
    """Columns ``text`` takes in a terminal: two for each wide (CJK) character."""
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


def _left(text: str, columns: int) -> str:
    return text + " " * max(0, columns - width(text))


def _right(text: str, columns: int) -> str:
    return " " * max(0, columns - width(text)) + text


def _shortened(text: str, columns: int) -> str:
    while width(text) > columns:
        text = text[:-2] + "…"
    return text


def table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    """Lines of a table: the first column aligned left, the others right."""
    columns = [max(width(row[index]) for row in [header, *rows]) for index in range(len(header))]
    lines = []
    for row in [header, *rows]:
        cells = [_left(row[0], columns[0])]
        cells += [_right(value, columns[i]) for i, value in enumerate(row[1:], start=1)]
        lines.append("  " + "  ".join(cells).rstrip())
    return lines


def stats_lines(found: "Overview", grouping: str | None = None) -> list[str]:
    matrix, pairs = found.matrix, found.cooccurrence
    tags = [tag.name for tag in matrix.tags]
    if grouping is None:
        lines = ["Annotations per interview and tag:"]
        rows = [
            [
                _shortened(f"#{document.id} {document.title}", 30),
                *(str(matrix.cell(tag.id, document.id).annotations) for tag in matrix.tags),
            ]
            for document in matrix.documents
        ]
        header = "interview"
    else:
        lines = [f"Annotations per {grouping} and tag:"]
        rows = [
            [
                _shortened(value or "(none)", 30),
                *(
                    str(matrix.group_cell(grouping, tag.id, value).annotations)
                    for tag in matrix.tags
                ),
            ]
            for value in matrix.values(grouping)
        ]
        header = grouping
    totals = [
        sum(cell.annotations for cell in matrix.cells.get(tag.id, {}).values())
        for tag in matrix.tags
    ]
    rows.append(["total", *(str(total) for total in totals)])
    lines += table([header, *tags], rows)
    shared = [pair for pair in pairs.pairs.values() if pair.overlapping or pair.same_turn]
    lines.append("")
    if not shared:
        lines.append("Co-occurrence: no two tags overlap or share a turn.")
    else:
        lines.append("Co-occurrence (pairs that overlap or share a question or answer turn):")
        lines += table(
            ["pair", "overlapping", "same turn", "c", ""],
            [
                [
                    f"{pair.first.name} | {pair.second.name}",
                    str(pair.overlapping),
                    str(pair.same_turn),
                    f"{pair.c:.2f}",
                    "skewed" if pair.skewed else "",
                ]
                for pair in shared
            ],
        )
    lines.append("")
    lines.append("Answers covered by any tag:")
    lines += table(
        ["interview", "share", "characters"],
        [
            [
                _shortened(f"#{document.id} {document.title}", 30),
                f"{matrix.coverage[document.id].answer_share:.1%}",
                f"{matrix.coverage[document.id].answer_characters} of {document.answer_characters}",
            ]
            for document in matrix.documents
        ],
    )
    lines.append("")
    lines.append(f"Progress: {_status_line(found.progress.overall)} (all interviews)")
    for name, counts in found.progress.annotators.items():
        lines.append(f"  {name}: {_status_line(counts)} of the interviews annotated")
    for name, work in found.progress.work.items():
        lines.append(
            f"  {name}'s own work: {work.done} done, {work.in_progress} in progress, "
            f"{work.assigned} assigned and not begun, {work.untouched} untouched"
        )
    return lines


def _status_line(counts: "StatusCounts") -> str:
    return f"{counts.done} done, {counts.in_progress} in progress, {counts.new} new"


# passages -------------------------------------------------------------------------


def _date(text: str | None) -> date | None:
    if text is None:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise DateArgumentError(value=text) from None


def _ids(text: str | None) -> tuple[int, ...]:
    ids = [part.strip() for part in (text or "").split(",") if part.strip()]
    if not all(part.isdigit() for part in ids):
        raise DocumentIdsError(value=text)
    return tuple(int(part) for part in ids)


def _passages(arguments: argparse.Namespace) -> int:
    from app.project import Project
    from app.statistics.passages import PassageQuery, passages

    tags = tuple(name.strip() for name in (arguments.tags or "").split(",") if name.strip())
    if arguments.all_tags and not tags:
        raise AllTagsWithoutTagsError()
    query = PassageQuery(
        tags=tags,
        all_tags=arguments.all_tags,
        annotator=arguments.annotator,
        documents=_ids(arguments.documents),
        interviewee=arguments.interviewee,
        kind=arguments.kind,
        outlet=arguments.outlet,
        series=arguments.series,
        status=arguments.status,
        published_from=_date(arguments.published_from),
        published_to=_date(arguments.published_to),
        contains=arguments.contains or "",
        limit=arguments.limit,
        offset=arguments.offset,
    )
    project = Project.open(arguments.project, create=False)
    try:
        if arguments.output is not None:
            return _write_passages(project, query, arguments)
        rows = passages(project, query)
        order = [tag.id for tag in project.tags()] if arguments.group_by == "tag" else []
    finally:
        project.close()
    if arguments.json:
        print_json([passage_payload(row) for row in rows])
        return EXIT_OK
    from app.statistics.passages_export import group_passages, heading

    utf8_stdout()
    for group in group_passages(rows, arguments.group_by, order):
        if arguments.group_by is not None:
            print(heading(group))
        for row in group.rows:
            who = f"{row.speaker or '-'} ({row.kind})" if row.kind else "-"
            print(
                f"#{row.document_id}  {row.start}-{row.end}  {row.tag}  "
                f"{row.annotator or '-'}  {who}"
            )
            print(f"    {marked(row)}")
    if not rows:
        print("no passages match")
    elif arguments.limit is not None and len(rows) == arguments.limit:
        following = arguments.offset + len(rows)
        print(f"({counted(len(rows), 'passage')} shown; --offset {following} for more)")
    return EXIT_OK


def _write_passages(
    project: "Project", query: "PassageQuery", arguments: argparse.Namespace
) -> int:
    from app.statistics.passages_export import export_passages

    written = export_passages(project, query, arguments.output, arguments.group_by)
    utf8_stdout()
    print(f"{counted(written, 'passage')} written to {arguments.output}")
    return EXIT_OK


def passage_payload(row: "Passage") -> dict[str, object]:
    return {
        "document_id": row.document_id,
        "document_title": row.document_title,
        "start": row.start,
        "end": row.end,
        "tag": row.tag,
        "annotator": row.annotator,
        "text": row.text,
        "note": row.note,
        "turn_index": row.turn_index,
        "speaker": row.speaker,
        "kind": row.kind,
        "context": row.context,
        "context_start": row.context_start,
    }


def marked(row: "Passage") -> str:
    """The turn's content with the passage in 【】 (the passage alone outside any turn)."""
    if not row.context:
        return f"【{row.text}】"
    start = max(0, row.start - row.context_start)
    end = min(len(row.context), row.end - row.context_start)
    if end <= start:
        return row.context
    return f"{row.context[:start]}【{row.context[start:end]}】{row.context[end:]}"
