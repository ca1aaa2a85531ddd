"""A structure edit shows at once in the turn CSV, the annotation CSV and answers-only search."""

import csv
from pathlib import Path

import pytest

from app.editing.commands import AnnotationSpec, CreateAnnotations
from app.editing.history import History
from app.editing.turn_commands import RenameSpeaker, SetTurnKind, SplitTurn, step_name
from app.exchange import export
from app.search.engine import search

pytestmark = pytest.mark.both_backends

TEXT = (
    "老街新生\n\n——访街道党工委书记王信卿\n\n"
    "记者：老街改造从哪里开始？\n\n"
    "包：先修下水道。居民最关心这个。赵大姐：我们家以前一下雨就淹。\n\n"
    "记者：接下来呢？\n\n"
    "包：再补路灯。\n"
)


def rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def test_edits_reach_the_exports_and_search(project, import_source, reopen, tmp_path):
    import_source(project, TEXT, "老街.txt")
    document = project.documents()[0].id
    content = project.document(document)
    start = content.text.index("再补路灯")
    tag = project.tags()[0]
    project.execute(CreateAnnotations((AnnotationSpec(document, tag.id, start, start + 4),)))
    history = History(project)
    answer = next(t for t in content.turns if "先修下水道" in content.text[t.start : t.end])
    for command in (
        RenameSpeaker(document, "包", "鲍文章"),
        SplitTurn(document, answer.index, content.text.index("赵大姐")),
        SetTurnKind(document, answer.index + 1, "narration"),
    ):
        history.do(command, step_name(command))
    project = reopen(project)

    turns = rows(Path(export(project, "turns-csv", tmp_path / "turns.csv").files[0]))
    spoken = [(row["speaker"], row["role"], row["text"]) for row in turns if row["speaker"]]
    assert ("鲍文章", "answer", "先修下水道。居民最关心这个。") in spoken
    assert ("赵大姐", "narration", "我们家以前一下雨就淹。") in spoken
    assert not any(speaker == "包" for speaker, _role, _text in spoken)

    annotations = rows(Path(export(project, "csv", tmp_path / "annotations.csv").files[0]))
    assert [(row["text"], row["speaker"]) for row in annotations] == [("再补路灯", "鲍文章")]

    in_answers = search(project, "一下雨", answers_only=True)
    assert in_answers == []  # 赵大姐's words are narration now
    assert len(search(project, "一下雨")) == 1
