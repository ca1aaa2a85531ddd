"""``fangtan adjudicate``: the agreed annotations of the annotators into the gold layer."""

import argparse
from collections.abc import Callable
from typing import TYPE_CHECKING

from app.cli.agreement import names
from app.cli.output import counted, print_json
from app.cli.team import document_list
from app.locations import project_location

if TYPE_CHECKING:
    from app.team.adjudication import AdjudicationReport

EXIT_OK = 0


def register(commands: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    adjudicate = commands.add_parser(
        "adjudicate",
        help="put the annotations the annotators agree on into the gold layer",
        description=(
            "For each interview annotated by at least two of the annotators, give the gold "
            "layer (the annotator “gold”) every annotation (same tag, start and end) that "
            "all of them (unanimous) or more than half of them (majority) made, and mark "
            "its curation begun. One undo step; running it again adds nothing. Export the "
            "result with --annotators gold."
        ),
    )
    adjudicate.add_argument("project", type=project_location)
    adjudicate.add_argument("--rule", required=True, help="unanimous or majority")
    adjudicate.add_argument("--documents", default="all", help="interview ids: 1,2,5-9 or all")
    adjudicate.add_argument(
        "--annotators", type=names, help="names, comma-separated (default: all but gold)"
    )
    adjudicate.add_argument("--json", action="store_true", help="print the report as JSON")


def handlers() -> dict[str, Callable[[argparse.Namespace], int]]:
    return {"adjudicate": _adjudicate}


def _adjudicate(arguments: argparse.Namespace) -> int:
    from app.project import Project
    from app.team.adjudication import adjudicate, check_rule

    rule = check_rule(arguments.rule.strip().lower())
    wanted = document_list(arguments.documents)
    project = Project.open(arguments.project, create=False)
    try:
        report = adjudicate(project, rule, wanted, arguments.annotators)
    finally:
        project.close()
    if arguments.json:
        print_json(adjudication_payload(report))
    else:
        print("\n".join(adjudication_lines(report)))
    return EXIT_OK


def adjudication_payload(report: "AdjudicationReport") -> dict[str, object]:
    return {
        "rule": report.rule,
        "documents": [
            {
                "id": result.document_id,
                "title": result.title,
                "annotators": list(result.annotators),
                "agreed": result.agreed,
                "added": result.added,
                "disagreements": result.disagreements,
            }
            for result in report.documents
        ],
        "added": report.added,
        "disagreements": report.disagreements,
    }


def adjudication_lines(report: "AdjudicationReport") -> list[str]:
    lines = [
        f"{result.document_id} {result.title}: {result.agreed} agreed, "
        f"{counted(result.added, 'gold annotation')} added, "
        f"{counted(result.disagreements, 'disagreement')} left "
        f"({', '.join(result.annotators)})"
        for result in report.documents
    ]
    lines.append(
        f"{counted(len(report.documents), 'interview')} by {report.rule} agreement: "
        f"{counted(report.added, 'gold annotation')} added, "
        f"{counted(report.disagreements, 'disagreement')} left"
    )
    return lines
