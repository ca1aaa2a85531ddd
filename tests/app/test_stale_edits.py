"""Two people edit the same project: an edit (or an undo) made from an outdated view of a
tag, a note or a document's fields is refused with one line naming who changed it, and
nothing is written; one's own edits still undo and redo."""

import pytest
from sqlalchemy import inspect, select, update

from app.editing.commands import AnnotationSpec, CreateAnnotations, DeleteAnnotations, SetNote
from app.editing.document_commands import UpdateDocument
from app.editing.history import History
from app.editing.tag_commands import UpdateTag
from app.errors import StaleEditByUnknownError, StaleEditError
from app.importing.importer import import_text
from app.project import Project
from models import Annotation, Document, Tag
from tests.app.row_versions import BOOKKEEPING_COLUMNS, VERSIONED_TABLES

pytestmark = pytest.mark.both_backends

TEXT = (
    "访谈标题\n\n——访某镇镇长李四\n\n记者：今年重点是什么？\n\n李四：重点是产业升级和营商环境。\n"
)


@pytest.fixture
def two(open_project) -> tuple[Project, Project]:
    """甲 and 乙 on one project with one interview and one annotation (by 甲)."""
    first = open_project(annotator="甲")
    import_text(first, TEXT, "a.txt")
    document = first.documents()[0].id
    tag = first.tags()[0].id
    first.execute(CreateAnnotations((AnnotationSpec(document, tag, 30, 34, note="原来"),)))
    return first, open_project(annotator="乙")


def only_note(project: Project) -> tuple[int, str, int]:
    [annotation] = project.annotations(project.documents()[0].id)
    return annotation.id, annotation.note, annotation.version


def test_the_bookkeeping_columns_come_last(project):
    """What tests/app/row_versions.py leaves out of the rows it compares."""
    columns = inspect(project.engine)
    for table in VERSIONED_TABLES:
        names = tuple(column["name"] for column in columns.get_columns(table))
        assert names[-len(BOOKKEEPING_COLUMNS) :] == BOOKKEEPING_COLUMNS, table


def test_a_note_edited_from_an_old_view_is_refused(two, reopen):
    jia, yi = two
    annotation, _, seen_by_jia = only_note(jia)
    _, _, seen_by_yi = only_note(yi)
    History(yi).do(SetNote(annotation, "乙的备注", expected_version=seen_by_yi), "备注")

    with pytest.raises(StaleEditError) as refused:
        History(jia).do(SetNote(annotation, "甲的备注", expected_version=seen_by_jia), "备注")
    message = str(refused.value)
    assert "乙" in message and "\n" not in message
    jia = reopen(jia, annotator="甲")
    assert only_note(jia)[1] == "乙的备注"
    assert History(jia).state().undo_text is None  # the refused edit left no step
    with jia.reading() as session:
        assert session.scalar(select(Annotation.changed_by)) == "乙"


def test_a_tag_edited_from_an_old_view_is_refused(two, reopen):
    jia, yi = two
    seen = jia.tags()[0]
    yi.execute(UpdateTag(seen.id, {"name": "乙的名字"}, yi.tags()[0].version))

    for values in ({"name": "甲的名字"}, {"color": "#000000"}, {"archived": True}):
        with pytest.raises(StaleEditError, match="乙"):
            jia.execute(UpdateTag(seen.id, values, seen.version))
    jia = reopen(jia, annotator="甲")
    [tag] = [tag for tag in jia.tags() if tag.id == seen.id]
    assert (tag.name, tag.color, tag.archived) == ("乙的名字", seen.color, False)


def test_document_fields_edited_from_an_old_view_are_refused(two, reopen):
    jia, yi = two
    document = jia.documents()[0].id
    seen = jia.document(document)
    yi.execute(UpdateDocument(document, {"title": "乙的标题"}, yi.document(document).version))

    with pytest.raises(StaleEditError, match="乙"):
        jia.execute(UpdateDocument(document, {"title": "甲的标题"}, seen.version))
    jia = reopen(jia, annotator="甲")
    assert jia.document(document).meta.title == "乙的标题"
    assert jia.documents()[0].version == jia.document(document).version > seen.version


def test_an_undo_after_someone_else_changed_the_row_is_refused_and_kept(two, reopen):
    jia, yi = two
    annotation, _, version = only_note(jia)
    history = History(jia)
    history.do(SetNote(annotation, "甲的备注", expected_version=version), "备注")
    tag = jia.tags()[0]
    history.do(UpdateTag(tag.id, {"name": "甲的名字"}, tag.version), "改名")
    yi.execute(UpdateTag(tag.id, {"name": "乙的名字"}, yi.tags()[0].version))
    yi.execute(SetNote(annotation, "乙的备注", expected_version=only_note(yi)[2]))

    for _ in range(2):  # the step stays: asked again, it is refused again
        with pytest.raises(StaleEditError, match="乙") as refused:
            history.undo()
        assert not History.is_stale(refused.value)
        assert history.state().undo_text == "改名"
    jia = reopen(jia, annotator="甲")
    assert "乙的名字" in {tag.name for tag in jia.tags()}
    assert only_note(jia)[1] == "乙的备注"


def test_ones_own_edits_undo_and_redo_as_often_as_asked(two, reopen):
    jia, _ = two
    history = History(jia)
    annotation, original, _ = only_note(jia)
    for note in ("一", "二"):
        history.do(SetNote(annotation, note, expected_version=only_note(jia)[2]), note)
    tag = jia.tags()[0]
    history.do(UpdateTag(tag.id, {"name": "新名"}, tag.version), "改名")
    history.do(UpdateTag(tag.id, {"color": "#000000"}, jia.tags()[0].version), "改色")
    history.do(DeleteAnnotations((annotation,)), "删除")

    for _ in range(3):
        for _ in range(5):
            assert history.undo() is not None
        assert only_note(jia)[1] == original
        assert (jia.tags()[0].name, jia.tags()[0].color) == (tag.name, tag.color)
        for _ in range(5):
            assert history.redo() is not None
        assert jia.annotations(jia.documents()[0].id) == []
    for _ in range(2):
        assert history.undo() is not None
    jia = reopen(jia, annotator="甲")
    assert only_note(jia)[1] == "二"
    assert (jia.tags()[0].name, jia.tags()[0].color) == ("新名", tag.color)


def test_a_row_brought_back_by_undo_keeps_its_version(two):
    """Versions only grow: an edit made from a view older than the deletion is refused."""
    jia, yi = two
    annotation, _, version = only_note(jia)
    yi.execute(SetNote(annotation, "乙的备注", expected_version=version))
    after_yi = only_note(jia)[2]
    history = History(jia)
    history.do(DeleteAnnotations((annotation,)), "删除")
    history.undo()
    assert only_note(jia)[2] == after_yi
    with pytest.raises(StaleEditError):
        yi.execute(SetNote(annotation, "旧的", expected_version=version))


def test_a_change_made_meanwhile_by_another_transaction_is_refused(two, reopen):
    """The ORM's versioned UPDATE matches no row (StaleDataError): one line, nothing kept."""
    jia, _ = two
    tag_id = jia.tags()[0].id
    name = jia.tags()[0].name
    with pytest.raises(StaleEditByUnknownError), jia.writing() as session:
        tag = session.get(Tag, tag_id)
        assert tag is not None
        session.execute(
            update(Tag).where(Tag.id == tag_id).values(version=Tag.version + 1),
            execution_options={"synchronize_session": False},
        )
        tag.name = "甲的名字"
    jia = reopen(jia, annotator="甲")
    assert jia.tags()[0].name == name


# A project file lets one transaction write at a time: only a server has this case.
@pytest.mark.parametrize("backend", ["server"], indirect=True)
def test_two_overlapping_transactions_on_a_server(two, backend, reopen):
    """On a server both transactions run at once; the later write is refused."""
    jia, yi = two
    document = jia.documents()[0].id
    with pytest.raises(StaleEditError), jia.writing() as session:
        row = session.get(Document, document)
        assert row is not None
        yi.execute(UpdateDocument(document, {"title": "乙的标题"}))
        row.title = "甲的标题"
    jia = reopen(jia, annotator="甲")
    assert jia.document(document).meta.title == "乙的标题"


def test_a_change_by_an_unknown_hand_says_someone_else(two):
    jia, _ = two
    annotation, _, version = only_note(jia)
    with jia.writing() as session:  # as a program other than Fangtan would change it
        session.execute(
            update(Annotation).values(version=Annotation.version + 1, changed_by=""),
            execution_options={"synchronize_session": False},
        )
    with pytest.raises(StaleEditByUnknownError) as refused:
        jia.execute(SetNote(annotation, "甲的备注", expected_version=version))
    assert "someone else" in str(refused.value)
