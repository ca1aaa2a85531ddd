"""A sample project with ten interviews more (from tests/fixtures/layouts) coded all
through, for pictures of the Corpus Overview: every answer tagged by one of two annotators, some passages with two tags, outlets and months set,
interviews assigned and some marked done."""

from datetime import date
from pathlib import Path

from app.editing.commands import AnnotationSpec, CreateAnnotations
from app.editing.document_commands import UpdateDocument
from app.importing.importer import import_paths
from app.project import Project
from app.team.assignments import assign, mark
from app.turns import content_span

OUTLETS = ("青岛日报", "西海岸新闻", "黄岛电视台")
ANNOTATORS = ("editor", "李编辑")


LAYOUTS = Path(__file__).resolve().parent.parent / "fixtures" / "layouts"


def code_everything(path: Path) -> None:
    project = Project.open(path, create=False, annotator="editor")
    import_paths(project, sorted(LAYOUTS.glob("[ab]-0*.txt"))[:10])
    tags = [tag.id for tag in project.tags()]
    documents = project.documents()
    for number, document in enumerate(documents):
        project.execute(
            UpdateDocument(
                document.id,
                {
                    "outlet": OUTLETS[number % len(OUTLETS)],
                    "published_on": date(2023, 3 + number % 6, 8 + number),
                },
            )
        )
    for number, document in enumerate(documents):
        who = ANNOTATORS[number % 2]
        specs = []
        answers = [t for t in project.document(document.id).turns if t.kind == "answer"]
        for turn_number, turn in enumerate(answers):
            start, end = content_span(turn)
            tag = tags[(number + turn_number) % len(tags)]
            specs.append(AnnotationSpec(document.id, tag, start, end, annotator=who))
            if turn_number % 3 == 0 and end - start > 20:
                other = tags[(number + turn_number + 1) % len(tags)]
                middle = start + (end - start) // 2
                specs.append(AnnotationSpec(document.id, other, start, middle, annotator=who))
        if number < len(documents) - 1:  # the last interview is left uncoded
            project.execute(CreateAnnotations(tuple(specs)))
    ids = [document.id for document in documents]
    project.execute(assign(ids[0::2], ("editor",)))
    project.execute(assign(ids[1::2], ("李编辑",)))
    project.execute(assign(ids[-2:], ("王编辑",)))
    for document_id in ids[:3:2]:
        project.execute(mark(document_id, "editor", done=True))
    project.execute(mark(ids[1], "李编辑", done=True))
    project.close()
