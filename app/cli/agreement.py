"""``fangtan agreement``: how far annotators agree, per tag and pooled, on turns,
characters or spans."""

import argparse
from collections.abc import Callable
from typing import TYPE_CHECKING

from app.cli.output import counted, print_json
from app.locations import project_location

if TYPE_CHECKING:
    from app.agreement.report import Agreement, Figures, NominalAgreement, SpanAgreement

EXIT_OK = 0
UNDEFINED = "undefined"
WARNING_TEXT = {
    "few_units": "fewer than 30 units",
    "one_value": "one value covers 85 % or more",
    "kappa_undefined": "a kappa is undefined",
}
UNIT_NAMES = {"turn": "turns", "char": "characters"}


def names(text: str) -> list[str]:
    """Comma-separated names (ASCII or Chinese commas), blanks dropped."""
    return [name.strip() for name in text.replace("，", ",").split(",") if name.strip()]


def register(commands: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    agreement = commands.add_parser(
        "agreement",
        help="agreement between annotators: kappa, alpha, AC1, span F1",
        description=(
            "Compare annotators on the interviews each of them annotated or marked done. "
            "turn: each question or answer turn is coded 1 for a tag when the annotator's "
            "annotations of it overlap the turn's content; char: each character of those "
            "contents; span: the annotations themselves (exact and overlap F1, unitizing alpha)."
        ),
    )
    agreement.add_argument("project", type=project_location)
    agreement.add_argument("--annotators", type=names, help="names, comma-separated (default: all)")
    agreement.add_argument("--unit", choices=("turn", "char", "span"), default="turn")
    agreement.add_argument("--tags", type=names, help="tag names, comma-separated (default: used)")
    agreement.add_argument("--json", action="store_true", help="print the figures as JSON")


def handlers() -> dict[str, Callable[[argparse.Namespace], int]]:
    return {"agreement": _agreement}


def _agreement(arguments: argparse.Namespace) -> int:
    from app.agreement.report import agreement
    from app.project import Project

    project = Project.open(arguments.project, create=False, read_only=True)
    try:
        found = agreement(
            project, unit=arguments.unit, annotators=arguments.annotators, tags=arguments.tags
        )
    finally:
        project.close()
    if arguments.json:
        print_json(found.as_json())
    else:
        print("\n".join(agreement_lines(found)))
    return EXIT_OK


def figure(value: float | None) -> str:
    return UNDEFINED if value is None else f"{value:.3f}"


def agreement_lines(found: "Agreement") -> list[str]:
    from app.agreement.report import SpanAgreement

    if isinstance(found, SpanAgreement):
        return _span_lines(found)
    return _nominal_lines(found)


def _row(name: str, figures: "Figures") -> list[str]:
    c = figures.coefficients
    return [
        name,
        str(c.units),
        figure(c.percent),
        figure(c.cohen_kappa),
        figure(c.fleiss_kappa),
        figure(c.krippendorff_alpha),
        figure(c.gwet_ac1),
        "; ".join(WARNING_TEXT[w] for w in figures.warnings),
    ]


def _nominal_lines(found: "NominalAgreement") -> list[str]:
    from app.cli.stats import table

    lines = [
        f"agreement on {UNIT_NAMES[found.unit]} between {', '.join(found.annotators)}: "
        f"{counted(found.documents, 'interview')}, {found.units} units per tag"
    ]
    header = ["tag", "units", "percent", "Cohen κ", "Fleiss κ", "Krippendorff α", "Gwet AC1", ""]
    rows = [_row(name, figures) for name, figures in found.tags.items()]
    rows.append(_row("(pooled)", found.pooled))
    lines += table(header, rows)
    pairs = found.pooled.coefficients.pairwise_cohen_kappa
    if len(pairs) > 1:
        lines.append(
            "pooled Cohen κ per pair: " + ", ".join(f"{p} {figure(k)}" for p, k in pairs.items())
        )
    return lines


def _span_lines(found: "SpanAgreement") -> list[str]:
    from app.cli.stats import table

    lines = [
        f"agreement on spans between {', '.join(found.annotators)}: "
        f"{counted(found.documents, 'interview')}"
    ]
    header = ["tag", "pair", "exact F1", "overlap F1", "unitizing α"]
    rows = [
        ["(all tags)", pair, figure(s.exact_f1), figure(s.overlap_f1), ""]
        for pair, s in found.pairs.items()
    ]
    for name, spans in found.tags.items():
        for index, (pair, s) in enumerate(spans.pairs.items()):
            alpha = figure(spans.unitizing_alpha) if index == 0 else ""
            rows.append([name, pair, figure(s.exact_f1), figure(s.overlap_f1), alpha])
    lines += table(header, rows)
    return lines
