"""A server project with real accounts: each annotator changes only their own work, the
codebook and the documents are the leads', blind annotation is kept by the server.

Every refusal is checked twice: through Fangtan's own code (one line, nothing changed) and
through raw SQL on the annotator's own connection (the server itself says no).
"""

from collections.abc import Iterator

import psycopg
import pytest
from sqlalchemy import select

from app.editing.commands import AnnotationSpec, CreateAnnotations, DeleteAnnotations, SetNote
from app.editing.history import History
from app.editing.tag_commands import UpdateTag
from app.importing.importer import import_text
from app.project import Project
from app.server.admin import add_user, init_server
from app.server.errors import ServerRefusedError
from app.team.assignments import assign, mark
from app.team.visibility import set_blind
from models import Annotation, Annotator
from models.server import ServerAddress

INTERVIEW = """标题：关于社区食堂的访谈
记者：社区食堂开了多久？
周主任：到现在快满一年了，每天中午有两百多位老人来吃饭。
记者：下一步有什么打算？
周主任：我们准备把送餐服务扩大到周边三个小区。
"""


def as_user(url: str, name: str) -> str:
    return ServerAddress.parse(url).with_user(name).shown()


@pytest.fixture
def team(server_database) -> Iterator[dict[str, str]]:
    """A server project with one interview, two annotators (li, wang) and a lead (zhao)."""
    address = ServerAddress.parse(server_database.url)
    init_server(address)
    for name, role in (("li", "annotator"), ("wang", "annotator"), ("zhao", "lead")):
        add_user(address, name, role)  # type: ignore[arg-type]
    urls = {name: as_user(server_database.url, name) for name in ("li", "wang", "zhao")}
    urls["admin"] = server_database.url
    lead = Project.open(urls["zhao"])
    try:
        import_text(lead, INTERVIEW, "食堂")
    finally:
        lead.close()
    yield urls


def tag_as(url: str, start: int = 20, end: int = 30) -> int:
    """Tag a passage as the URL's user through the app; returns the annotation's id."""
    project = Project.open(url)
    try:
        tag = project.tags()[0].id
        document = project.documents()[0].id
        History(project).do(CreateAnnotations((AnnotationSpec(document, tag, start, end),)), "tag")
        return max(a.id for a in project.annotations(document))
    finally:
        project.close()


def stored(url: str) -> list[tuple[int, str, str]]:
    """Every annotation as the admin reads it: id, annotator, note."""
    project = Project.open(url)
    try:
        with project.reading() as session:
            rows = session.execute(
                select(Annotation.id, Annotator.name, Annotation.note)
                .join(Annotator, Annotation.annotator_id == Annotator.id)
                .order_by(Annotation.id)
            ).all()
        return [tuple(row) for row in rows]
    finally:
        project.close()


def test_work_is_recorded_under_the_login_name(team):
    li = tag_as(team["li"])
    assert stored(team["admin"]) == [(li, "li", "")]


def test_an_annotator_cannot_change_or_remove_anothers_annotation(team):
    li = tag_as(team["li"])
    wang = Project.open(team["wang"])
    try:
        with pytest.raises(ServerRefusedError) as refused:
            wang.execute(SetNote(li, "not mine"))
        assert "\n" not in str(refused.value)
        with pytest.raises(ServerRefusedError):
            wang.execute(DeleteAnnotations((li,)))
        with pytest.raises(ServerRefusedError):  # nor pass work off as someone else's
            document = wang.documents()[0].id
            tag = wang.tags()[0].id
            wang.execute(CreateAnnotations((AnnotationSpec(document, tag, 1, 5, annotator="li"),)))
    finally:
        wang.close()
    assert stored(team["admin"]) == [(li, "li", "")]


def test_raw_sql_is_refused_by_the_server_itself(team):
    li = tag_as(team["li"])
    with psycopg.connect(team["wang"]) as connection:
        for statement in (
            "UPDATE annotations SET note = 'x' WHERE id = %s",
            "DELETE FROM annotations WHERE id = %s",
            "UPDATE annotations SET annotator_id = NULL WHERE id = %s",
        ):
            with pytest.raises(psycopg.errors.Error):
                connection.execute(statement, (li,))
            connection.rollback()
        for statement in (
            "UPDATE tags SET name = 'x'",
            "DELETE FROM documents",
            "INSERT INTO project_settings (key, value) VALUES ('k', 'v')",
        ):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                connection.execute(statement)
            connection.rollback()
    assert stored(team["admin"]) == [(li, "li", "")]


def test_own_work_can_be_changed_undone_and_redone(team):
    li_url = team["li"]
    own = tag_as(li_url)
    project = Project.open(li_url)
    try:
        history = History(project)
        history.do(SetNote(own, "好"), "note")
        assert stored(team["admin"]) == [(own, "li", "好")]
        history.undo()
        history.undo()
        assert stored(team["admin"]) == []
        history.redo()
        assert [row[1] for row in stored(team["admin"])] == ["li"]
    finally:
        project.close()


def test_the_codebook_is_changed_by_leads_only(team):
    for who, allowed in (("wang", False), ("zhao", True)):
        project = Project.open(team[who])
        try:
            tag = project.tags()[0]
            command = UpdateTag(tag.id, {"name": f"民生-{who}"})
            if allowed:
                project.execute(command)
            else:
                with pytest.raises(ServerRefusedError):
                    project.execute(command)
        finally:
            project.close()
    reopened = Project.open(team["admin"])
    try:
        assert next(t.name for t in reopened.tags()) == "民生-zhao"
    finally:
        reopened.close()


def test_blind_annotation_is_kept_by_the_server(team):
    lead = Project.open(team["zhao"])
    try:
        document = lead.documents()[0].id
        lead.execute(assign([document], ["li", "wang"]))
        set_blind(lead, True)
    finally:
        lead.close()
    tag_as(team["li"])
    tag_as(team["wang"], 40, 50)

    def seen_by(who: str) -> set[str]:
        with psycopg.connect(team[who]) as connection:
            rows = connection.execute(
                "SELECT a.name FROM annotations n JOIN annotators a ON a.id = n.annotator_id"
            ).fetchall()
        return {name for (name,) in rows}

    assert seen_by("li") == {"li"}
    assert seen_by("wang") == {"wang"}
    assert seen_by("zhao") == {"li", "wang"}
    for who in ("li", "wang"):
        project = Project.open(team[who])
        try:
            project.execute(mark(document, who, True))
        finally:
            project.close()
    assert seen_by("li") == {"li", "wang"}  # everyone assigned is done: the layers open


def test_the_gold_layer_is_written_by_leads_only(team):
    annotator = Project.open(team["li"])
    try:
        document = annotator.documents()[0].id
        tag = annotator.tags()[0].id
        with pytest.raises(ServerRefusedError):
            annotator.execute(
                CreateAnnotations((AnnotationSpec(document, tag, 1, 5, annotator="gold"),))
            )
    finally:
        annotator.close()
    lead = Project.open(team["zhao"])
    try:
        lead.execute(CreateAnnotations((AnnotationSpec(document, tag, 1, 5, annotator="gold"),)))
    finally:
        lead.close()
    assert [row[1] for row in stored(team["admin"])] == ["gold"]
