"""Document metadata and speaker roles stay editable after import, undoably."""

from datetime import date

import pytest

from app.editing.document_commands import SetSpeakerRole, UpdateDocument
from app.editing.history import History
from app.errors import DocumentFieldError
from app.importing.importer import import_text
from app.project import Project

pytestmark = pytest.mark.both_backends

TEXT = "城市更新怎么做\n\n张明：欢迎您，城市更新怎么样了。\n\n王信卿：很好。\n\n张明：说说细节。\n\n王信卿：分三步走。\n"


@pytest.fixture
def project(tmp_path):
    project = Project.open(tmp_path / "p.fangtan", annotator="编辑")
    import_text(project, TEXT, "a.txt")
    yield project
    project.close()


def reopened(project):
    path = project.path
    project.close()
    return Project.open(path, annotator="编辑")


def test_metadata_edit_persists_and_undoes(project):
    document_id = project.documents()[0].id
    history = History(project)
    history.do(
        UpdateDocument(
            document_id,
            {
                "title": "  城市更新  三步走 ",
                "outlet": "青岛西海岸报",
                "published_on": date(2023, 2, 10),
                "source_url": "https://example.cn/a.html",
                "interviewee_role": "街道党工委书记",
                "status": "in_progress",
            },
        ),
        "元数据",
    )
    project = reopened(project)
    meta = project.document(document_id).meta
    assert (meta.title, meta.interviewee_role, meta.status) == (
        "城市更新 三步走",
        "街道党工委书记",
        "in_progress",
    )
    from models import Document

    with project.reading() as session:
        stored = session.get(Document, document_id)
        assert (stored.outlet, stored.published_on, stored.source_url) == (
            "青岛西海岸报",
            date(2023, 2, 10),
            "https://example.cn/a.html",
        )
    History(project).undo()
    project = reopened(project)
    assert project.document(document_id).meta.title == "城市更新怎么做"
    project.close()


@pytest.mark.parametrize(
    "values", [{"title": "   "}, {"status": "finished"}, {"published_on": "2023-02-10"}]
)
def test_invalid_metadata_is_refused_and_nothing_changes(project, values):
    document_id = project.documents()[0].id
    with pytest.raises(DocumentFieldError):
        History(project).do(UpdateDocument(document_id, values), "bad")
    assert project.document(document_id).meta.title == "城市更新怎么做"
    assert History(project).state().undo_text is None


def test_speaker_role_can_be_corrected(project):
    document_id = project.documents()[0].id
    before = [(t.speaker, t.kind) for t in project.document(document_id).turns if t.speaker]
    assert before == [
        ("张明", "answer"),
        ("王信卿", "answer"),
        ("张明", "answer"),
        ("王信卿", "answer"),
    ]
    History(project).do(SetSpeakerRole(document_id, "张明", "question"), "张明 asks")
    project = reopened(project)
    after = [(t.speaker, t.kind) for t in project.document(document_id).turns if t.speaker]
    assert after == [
        ("张明", "question"),
        ("王信卿", "answer"),
        ("张明", "question"),
        ("王信卿", "answer"),
    ]
    History(project).undo()
    assert [(t.speaker, t.kind) for t in project.document(document_id).turns if t.speaker] == before
    project.close()
