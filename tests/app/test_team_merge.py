"""Merging annotators' project files into a lead's project, checked on the files."""

import shutil
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import select

from app.cli import main
from app.editing.commands import AnnotationSpec, CreateAnnotations
from app.editing.history import History
from app.editing.tag_commands import CreateTag, TagSpec
from app.errors import NewerProjectError, NotAProjectError
from app.importing.importer import import_paths
from app.project import Project
from app.suggestions.commands import CreateDecisions
from app.team.assignments import mark
from app.team.merge import DocumentTextDiffersError, SameProjectError, merge_project
from models import Tag

INTERVIEW = """把老街区的日子过出新滋味
记者：林晓
问：这次街巷整治先从哪里动手？
答：先从排水和路灯入手，再把闲置的院落改成邻里食堂，老人吃饭不用再走远路。
问：产业这边有什么打算？
答：我们把空置厂房腾出来，引进两家做海洋食品的企业，明年能带来三百多个岗位。
问：党员在里面起什么作用？
答：每个楼栋都有党员认领，谁家有难处，楼栋长当天就上门。
"""
OTHER = """渔港码头的新变化
记者：周岚
问：码头改造进展如何？
答：冷链仓库已经封顶，渔民卖鱼不用再连夜赶路。
"""


def annotate(path: Path, who: str, spans: list[tuple[int, str, int, int, str]]) -> None:
    project = Project.open(path, create=False, annotator=who)
    try:
        with project.reading() as session:
            tags = {name: tag_id for tag_id, name in session.execute(select(Tag.id, Tag.name))}
        specs = tuple(
            AnnotationSpec(document_id=d, tag_id=tags[tag], start=s, end=e, note=note)
            for d, tag, s, e, note in spans
        )
        History(project).do(CreateAnnotations(specs), "tag")
    finally:
        project.close()


def rows(path: Path, sql: str) -> list[tuple]:
    connection = sqlite3.connect(path)
    try:
        return connection.execute(sql).fetchall()
    finally:
        connection.close()


ANNOTATIONS = (
    'SELECT a.document_id, t.name, a.start, a."end", n.name, a.note FROM annotations a '
    "JOIN tags t ON t.id = a.tag_id JOIN annotators n ON n.id = a.annotator_id "
    "ORDER BY n.name, a.document_id, a.start, t.name"
)


@pytest.fixture
def team(tmp_path: Path) -> dict[str, Path]:
    """A lead's project with one interview and two annotators' copies of it, tagged."""
    source = tmp_path / "interview.txt"
    source.write_text(INTERVIEW, encoding="utf-8")
    lead = tmp_path / "lead.fangtan"
    project = Project.open(lead, annotator="lead")
    assert import_paths(project, [source]).failures == []
    project.close()
    files = {"lead": lead}
    for who in ("alice", "bob"):
        files[who] = tmp_path / f"{who}.fangtan"
        shutil.copy(lead, files[who])
    annotate(files["alice"], "alice", [(1, "民生", 30, 50, "食堂"), (1, "产业发展", 60, 80, "")])
    annotate(files["bob"], "bob", [(1, "民生", 30, 50, "同意"), (1, "党建", 90, 100, "")])
    return files


def test_each_annotator_keeps_their_own_annotations_even_on_the_same_span(team):
    lead = Project.open(team["lead"], create=False, annotator="lead")
    try:
        first = merge_project(lead, team["alice"])
        second = merge_project(lead, team["bob"])
    finally:
        lead.close()
    assert first.annotators == {"alice": 2} and second.annotators == {"bob": 2}
    assert first.documents_matched and not first.documents_new
    assert rows(team["lead"], ANNOTATIONS) == [
        (1, "民生", 30, 50, "alice", "食堂"),
        (1, "产业发展", 60, 80, "alice", ""),
        (1, "民生", 30, 50, "bob", "同意"),
        (1, "党建", 90, 100, "bob", ""),
    ]


def test_merging_the_same_file_twice_adds_nothing(team, digest):
    lead = Project.open(team["lead"], create=False)
    try:
        merge_project(lead, team["alice"])
        again = merge_project(lead, team["alice"])
    finally:
        lead.close()
    assert again.annotations_added == 0 and again.annotations_skipped == 2
    assert len(rows(team["lead"], ANNOTATIONS)) == 2


def test_the_annotators_file_is_left_exactly_as_it_was(team, digest):
    before = digest(team["alice"])
    lead = Project.open(team["lead"], create=False)
    try:
        merge_project(lead, team["alice"])
    finally:
        lead.close()
    assert digest(team["alice"]) == before


def test_new_documents_tags_decisions_and_done_marks_come_along(team, tmp_path):
    source = tmp_path / "other.txt"
    source.write_text(OTHER, encoding="utf-8")
    alice = Project.open(team["alice"], create=False, annotator="alice")
    try:
        assert import_paths(alice, [source]).failures == []
        history = History(alice)
        history.do(CreateTag(TagSpec(name="海洋经济", color="#123456")), "tag")
        history.do(mark(1, "alice", True), "done")
        history.do(
            CreateDecisions(((1, 1, 5, 9, "rejected", "rule", 0.5, None, None, None),)), "reject"
        )
    finally:
        alice.close()
    annotate(team["alice"], "alice", [(2, "海洋经济", 20, 30, "冷链")])
    lead = Project.open(team["lead"], create=False)
    try:
        report = merge_project(lead, team["alice"])
    finally:
        lead.close()
    assert report.documents_new == ["渔港码头的新变化"]
    assert report.tags_new == ["海洋经济"]
    assert report.decisions_added == 1 and report.marks_added == 1
    assert ("海洋经济", "#123456") in rows(team["lead"], "SELECT name, color FROM tags")
    assert rows(
        team["lead"],
        "SELECT d.title, n.name, s.status FROM assignments s JOIN documents d ON "
        "d.id = s.document_id JOIN annotators n ON n.id = s.annotator_id",
    ) == [("把老街区的日子过出新滋味", "alice", "done")]
    merged = rows(team["lead"], ANNOTATIONS)
    assert (2, "海洋经济", 20, 30, "alice", "冷链") in merged


def test_a_document_with_a_different_text_under_the_same_title_is_refused(team, digest):
    changed = team["bob"].with_name("changed.fangtan")
    connection = sqlite3.connect(team["bob"])
    connection.execute("UPDATE documents SET text = text || '补记', sha256 = 'x' WHERE id = 1")
    connection.commit()
    connection.close()
    shutil.move(team["bob"], changed)
    before = digest(team["lead"])
    lead = Project.open(team["lead"], create=False)
    try:
        with pytest.raises(DocumentTextDiffersError, match="把老街区的日子过出新滋味"):
            merge_project(lead, changed)
    finally:
        lead.close()
    assert digest(team["lead"]) == before


def test_not_a_project_newer_schema_and_itself_are_refused(team, tmp_path, digest):
    junk = tmp_path / "notes.fangtan"
    junk.write_bytes(b"not a database at all\n" * 10)
    newer = tmp_path / "newer.fangtan"
    shutil.copy(team["alice"], newer)
    connection = sqlite3.connect(newer)
    connection.execute("UPDATE alembic_version SET version_num = '9999'")
    connection.commit()
    connection.close()
    before = digest(team["lead"])
    lead = Project.open(team["lead"], create=False)
    try:
        with pytest.raises(NotAProjectError):
            merge_project(lead, junk)
        with pytest.raises(NewerProjectError):
            merge_project(lead, newer)
        with pytest.raises(SameProjectError):
            merge_project(lead, team["lead"])
    finally:
        lead.close()
    assert digest(team["lead"]) == before


def test_an_older_annotators_file_is_merged_without_being_upgraded(tmp_path, digest):
    fixtures = Path(__file__).parent.parent / "fixtures"
    old = tmp_path / "old.fangtan"
    shutil.copy(fixtures / "schema-0003.fangtan", old)
    lead = tmp_path / "lead.fangtan"
    before = digest(old)
    project = Project.open(lead)
    try:
        report = merge_project(project, old)
    finally:
        project.close()
    assert digest(old) == before
    assert report.documents_new
    assert rows(lead, "SELECT count(*) FROM documents")[0][0] == len(report.documents_new)


def test_the_command_line_merges_and_reports(team, capsys):
    assert main(["merge", str(team["lead"]), str(team["alice"]), str(team["bob"])]) == 0
    out = capsys.readouterr().out
    assert "merged alice.fangtan: 2 annotations added (alice 2)" in out
    assert "merged bob.fangtan: 2 annotations added (bob 2)" in out
    assert main(["merge", str(team["lead"]), str(team["alice"]), "--json"]) == 0
    assert '"annotations_skipped": 2' in capsys.readouterr().out
    missing = team["lead"].with_name("missing.fangtan")
    assert main(["merge", str(team["lead"]), str(missing)]) == 1
    error = capsys.readouterr().err
    assert error.startswith("fangtan: ") and error.count("\n") == 1
