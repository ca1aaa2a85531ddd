"""``fangtan suggest``: tag suggestions from a terminal, listed or applied above a threshold."""

import argparse
import json
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from app.cli.output import counted, print_json
from app.errors import SuggestionThresholdError
from app.locations import project_location

if TYPE_CHECKING:
    from app.project import Project
    from app.suggestions import ModelInfo, Suggestion

EXIT_OK = 0

# Stored as the undo step's name; the window shows it translated (ui/window/history_text.py).
ACCEPT_MANY = "Accept %1 suggestions"


def register(commands: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    suggest = commands.add_parser(
        "suggest",
        help="list tag suggestions, or accept those above a confidence",
        description=(
            "Suggest tags for untagged answer sentences (or turns): from each tag's trigger "
            "words, and from a model trained on the project's annotations once every tag it "
            "covers has enough examples."
        ),
    )
    suggest.add_argument("project", type=project_location)
    suggest.add_argument(
        "--apply-above",
        metavar="P",
        help="accept every suggestion with confidence >= P (0-1) as one undo step",
    )
    suggest.add_argument("--json", action="store_true", help="print a JSON list")
    suggest.add_argument("--rules-only", action="store_true", help="trigger words only, no model")
    suggest.add_argument(
        "--unit", choices=["sentence", "turn"], help="suggest for sentences or whole turns"
    )


def handlers() -> dict[str, Callable[[argparse.Namespace], int]]:
    return {"suggest": _suggest}


def _threshold(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise SuggestionThresholdError(value=text) from None
    if not 0.0 <= value <= 1.0:
        raise SuggestionThresholdError(value=text)
    return value


def _suggest(arguments: argparse.Namespace) -> int:
    from dataclasses import replace

    from app.editing.history import History
    from app.project import Project
    from app.suggestions import load_settings, pending_suggestions, train_project_model
    from app.suggestions.commands import AcceptSuggestions

    threshold = _threshold(arguments.apply_above) if arguments.apply_above is not None else None
    project = Project.open(arguments.project, create=False)
    try:
        settings = load_settings(project)
        if arguments.unit:
            settings = replace(settings, unit=arguments.unit)
        model = None
        if not arguments.rules_only:
            model, info = train_project_model(project, settings)
            if not arguments.json:
                print(_model_line(project, info), file=sys.stderr)
        found = pending_suggestions(project, model=model, settings=settings)
        names = {tag.id: tag.name for tag in project.tags()}
        if threshold is not None:
            # Trigger words alone, before any decision, carry no confidence to compare.
            chosen = [s for s in found if s.has_confidence and s.confidence >= threshold]
            if chosen:
                description = json.dumps([ACCEPT_MANY, str(len(chosen))], ensure_ascii=False)
                History(project).do(AcceptSuggestions.of(chosen), description)
            if arguments.json:
                print_json({"accepted": [_record(s, names) for s in chosen]})
            else:
                unrated = sum(1 for s in found if not s.has_confidence)
                print(
                    f"accepted {len(chosen)} of {counted(len(found), 'suggestion')} "
                    f"with confidence >= {threshold:g}"
                    + (" (one undo step)" if chosen else "")
                    + (
                        f"; {unrated} without a confidence yet (trigger words only, none of "
                        "their tag decided) were left"
                        if unrated
                        else ""
                    )
                )
            return EXIT_OK
    finally:
        project.close()
    if arguments.json:
        print_json([_record(s, names) for s in found])
        return EXIT_OK
    for s in found:
        excerpt = s.text if len(s.text) <= 40 else s.text[:39] + "…"
        confidence = f"{s.confidence:.2f}" if s.has_confidence else "–"
        print(
            f"#{s.document_id}  {s.start}-{s.end}  {names.get(s.tag_id, '?')}  "
            f"{confidence}  {s.reason()}  {excerpt}"
        )
    print(counted(len(found), "suggestion"))
    return EXIT_OK


def _model_line(project: "Project", info: "ModelInfo") -> str:
    from app.suggestions import MIN_NEGATIVES, MIN_POSITIVES

    names = {tag.id: tag.name for tag in project.tags()}
    if info.trained:
        tags = ", ".join(names.get(t, "?") for t in sorted(info.trained))
        return f"model: trained for {tags}"
    return (
        f"model: none yet (a tag needs {MIN_POSITIVES} annotated passages and "
        f"{MIN_NEGATIVES} without it); trigger words only"
    )


def _record(suggestion: "Suggestion", names: dict[int, str]) -> dict[str, object]:
    return {
        "document_id": suggestion.document_id,
        "start": suggestion.start,
        "end": suggestion.end,
        "tag": names.get(suggestion.tag_id, ""),
        "tag_id": suggestion.tag_id,
        "confidence": suggestion.confidence if suggestion.has_confidence else None,
        "basis": suggestion.basis,
        "origin": suggestion.origin,
        "reason": suggestion.reason(),
        "words": list(suggestion.words),
        "text": suggestion.text,
    }
