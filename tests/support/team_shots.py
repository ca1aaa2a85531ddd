"""A team's layers on the sample project, for the screenshots of the Team section: alice
and bob tag the answers of the first two interviews, agreeing on many places and not on
all (shifted boundaries, another tag, a passage one of them left out)."""

from pathlib import Path

from app.editing.commands import AnnotationSpec, CreateAnnotations
from app.project import Project
from app.team.assignments import assign, mark
from app.turns import content_span

TEAM = ("alice", "bob")


def prepare_team(path: Path) -> None:
    """Give the project's first two interviews alice's and bob's layers, both marked done."""
    project = Project.open(path, create=False, annotator="editor")
    try:
        documents = [document.id for document in project.documents()[:2]]
        tags = project.tags()
        layers: dict[str, list[AnnotationSpec]] = {name: [] for name in TEAM}
        for document_id in documents:
            content = project.document(document_id)
            answers = [turn for turn in content.turns if turn.kind == "answer"]
            for number, turn in enumerate(answers):
                start, end = content_span(turn)
                tag = tags[number % len(tags)].id
                other = tags[(number + 1) % len(tags)].id
                third = start + (end - start) // 3
                layers["alice"].append(AnnotationSpec(document_id, tag, start, end))
                layers["alice"].append(AnnotationSpec(document_id, other, start, third))
                bob = layers["bob"]
                if number % 3 == 0:
                    bob.append(AnnotationSpec(document_id, tag, start, end))
                    bob.append(AnnotationSpec(document_id, other, start + 5, third + 12))
                elif number % 3 == 1:
                    bob.append(AnnotationSpec(document_id, tag, start, end))
                    bob.append(AnnotationSpec(document_id, other, start, third))
                else:
                    bob.append(AnnotationSpec(document_id, other, start, end))
        project.execute(assign(documents, TEAM))
        for name, specs in layers.items():
            project.annotator = name
            project.execute(CreateAnnotations(tuple(specs)))
            for document_id in documents:
                project.execute(mark(document_id, name, True))
        project.annotator = "editor"
    finally:
        project.close()
