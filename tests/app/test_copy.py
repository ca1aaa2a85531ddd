"""Copying a whole project between a file and a server, read back from what was written."""

import argparse
import json
import uuid
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select, update

from app.backups import keep_count, set_keep_count
from app.cli import copy as cli_copy
from app.cli import main
from app.editing.commands import AnnotationSpec, CreateAnnotations
from app.editing.history import History
from app.errors import NotAProjectError, ProjectMissingError
from app.exchange import export
from app.importing.importer import import_text
from app.project import Project
from app.search.engine import search
from app.server import copy as copy_module
from app.server.admin import add_user, init_server
from app.server.copy import TABLES, CopyReport, copy_project, project_checksum
from app.server.errors import (
    CopyFailedError,
    CopyMismatchError,
    CopyNeedsLeadError,
    CopySourceEmptyError,
    CopyTargetExistsError,
    CopyTargetNotEmptyError,
)
from app.team.adjudication import REJECT_STEP, curation, reject
from app.team.assignments import assign, mark, step_name
from models import Document, SuggestionDecision, Tag, TagTrigger
from models.schema import FileKind
from models.server import ServerAddress, create_server_engine, inspect_server
from tests.support.progress import Recorder

INTERVIEWS = [
    "渔港码头访谈\n记者：许晴\n问：今年开海以后，码头上最忙的是什么时候？\n"
    "答：凌晨三点船就回来了，冷库门口排着队，鲅鱼和鱿鱼要赶在天亮前分拣完。\n"
    "问：年轻人还愿意出海吗？\n答：愿意的少了，不过合作社买了新船，工资按月发，来了几个大学生。\n",
    "山村小学访谈\n记者：葛一鸣\n问：学校现在有多少学生？\n"
    "答：一共四十二个孩子，六个年级，有的年级只有五个人。\n"
    "问：老师够不够？\n答：县里派来两位支教老师，音乐课和美术课终于开起来了。\n",
    "夜市摊主访谈\n记者：许晴\n问：摊位费涨了吗？\n"
    "答：没涨，街道还给我们统一装了电表和遮雨棚。\n"
    "问：生意怎么样？\n答：周末最好，一晚上能卖三百多碗凉皮，游客比本地人还多。\n",
    "养老驿站访谈\n记者：葛一鸣\n问：驿站平时都做些什么？\n"
    "答：中午供应午饭，下午有理发和量血压，周三还有志愿者来教用手机。\n"
    "问：老人们满意吗？\n答：满意，就是盼着能再添一台电梯，楼上的老人下来不方便。\n",
]
# (annotator, document, first character, last character + 1, note); tag: the first tag.
WORK = [
    ("alice", 1, 30, 45, "凌晨的码头"),
    ("alice", 1, 60, 70, ""),
    ("alice", 2, 20, 30, "学生人数"),
    ("alice", 3, 22, 34, ""),
    ("alice", 4, 25, 40, "驿站服务"),
    ("bob", 1, 33, 45, "与 alice 的起点不同"),
    ("bob", 2, 20, 30, ""),
    ("bob", 3, 50, 64, "生意"),
    ("bob", 4, 60, 72, "电梯😀"),
]

# The tables that the project below fills (the others are only a server's).
FILLED = {
    "documents",
    "turns",
    "tags",
    "annotators",
    "annotations",
    "history_steps",
    "dictionary_terms",
    "stop_words",
    "tag_triggers",
    "suggestion_decisions",
    "project_settings",
    "assignments",
    "gold_rejections",
}


@pytest.fixture
def team_file(tmp_path: Path) -> Path:
    """A file project with rows in every table of FILLED: four interviews, two annotators'
    work with notes, assignments, a gold rejection, settings, a tag whose parent came
    after it, and an undone annotation whose id is not to be given again."""
    path = tmp_path / "team.fangtan"
    project = Project.open(path, annotator="lead")
    try:
        for number, interview in enumerate(INTERVIEWS, start=1):
            report = import_text(project, interview, f"interview-{number}.txt")
            assert len(report.imported) == 1
        first = project.tags()[0].id
        for who in ("alice", "bob"):
            specs = tuple(
                AnnotationSpec(document, first, start, end, note=note, annotator=who)
                for author, document, start, end, note in WORK
                if author == who
            )
            project.execute(CreateAnnotations(specs))
        project.execute(assign([1, 2, 3], ["alice", "bob"]))
        project.execute(mark(1, "alice", True))
        history = History(project)
        spread = curation(project, 1, "unanimous").disagreements[0]
        history.do(reject(spread), step_name(REJECT_STEP, spread.title))
        history.do(CreateAnnotations((AnnotationSpec(2, first, 5, 9, note="撤销"),)), "tag")
        history.undo()
        set_keep_count(project, 7)
        with project.writing() as session:
            child = Tag(name="冷链", color="#336699")
            session.add(child)
            session.flush()
            parent = Tag(name="产业", color="#993366")
            session.add(parent)
            session.flush()
            child.parent_id = parent.id
            session.add(TagTrigger(tag_id=first, word="码头"))
            session.add(
                SuggestionDecision(
                    document_id=3,
                    tag_id=first,
                    start=40,
                    end=48,
                    decision="rejected",
                    origin="rule",
                    score=0.25,
                    annotator="alice",
                )
            )
            session.execute(
                update(Document)
                .where(Document.id == 2)
                .values(status="in_progress", published_on=date(2023, 5, 4), outlet="晚报")
            )
    finally:
        project.close()
    return path


def opened(location: Path | str) -> Project:
    return Project.open(location, create=False, annotator="lead")


def rows_of(location: Path | str) -> dict[str, list[tuple]]:
    """Every row of every table, as Python values, by primary key."""
    project = opened(location)
    try:
        with project.reading() as session:
            return {
                table.name: [
                    tuple(row)
                    for row in session.execute(select(table).order_by(*table.primary_key.columns))
                ]
                for table in TABLES
            }
    finally:
        project.close()


def checksum_of(location: Path | str) -> str:
    project = opened(location)
    try:
        return project_checksum(project)
    finally:
        project.close()


def csv_of(location: Path | str, target: Path) -> bytes:
    project = opened(location)
    try:
        export(project, "csv", target)
    finally:
        project.close()
    return target.read_bytes()


def hits_of(location: Path | str, query: str) -> list[tuple[int, int, int]]:
    project = opened(location)
    try:
        return [(hit.document_id, hit.start, hit.end) for hit in search(project, query)]
    finally:
        project.close()


def assert_matched(report: CopyReport) -> None:
    assert not report.cancelled
    assert [count.table for count in report.tables] == [table.name for table in TABLES]
    assert all(count.source == count.target for count in report.tables), report.tables
    assert report.source_checksum == report.target_checksum
    assert len(report.target_checksum) == 64


def is_empty(url: str) -> bool:
    engine = create_server_engine(ServerAddress.parse(url))
    try:
        with engine.connect() as connection:
            extensions = connection.exec_driver_sql("SELECT extname FROM pg_extension").all()
        return inspect_server(engine).kind is FileKind.NEW and extensions == [("plpgsql",)]
    finally:
        engine.dispose()


def files_in(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir() if path.is_file())


def test_file_to_server_to_file_keeps_every_row(team_file, server_database, tmp_path) -> None:
    url = server_database.url
    back = tmp_path / "back.fangtan"
    there = copy_project(team_file, url)
    again = copy_project(url, back)
    assert_matched(there)
    assert_matched(again)
    assert {count.table for count in there.tables if count.source} >= FILLED
    assert [(c.table, c.target) for c in there.tables] == [
        (c.table, c.source) for c in again.tables
    ]
    assert there.source_checksum == again.target_checksum
    # What was persisted, read again: every row, ids and times included, on all three.
    original = rows_of(team_file)
    assert rows_of(url) == original
    assert rows_of(back) == original
    assert checksum_of(team_file) == checksum_of(url) == checksum_of(back) == there.source_checksum
    exported = csv_of(team_file, tmp_path / "original.csv")
    assert csv_of(back, tmp_path / "back.csv") == exported
    assert csv_of(url, tmp_path / "server.csv") == exported
    assert exported.count(b"\r\n") == len(WORK) + 1
    assert files_in(tmp_path) == [
        "back.csv",
        "back.fangtan",
        "original.csv",
        "server.csv",
        "team.fangtan",
    ]


def test_the_copy_keeps_settings_and_gives_no_id_twice(
    team_file, server_database, tmp_path
) -> None:
    url = server_database.url
    copy_project(team_file, url)
    copy_project(url, tmp_path / "back.fangtan")
    undone = max(row[0] for row in rows_of(team_file)["annotations"]) + 1  # the undone one
    for location in (url, tmp_path / "back.fangtan"):
        project = opened(location)
        try:
            assert keep_count(project) == 7
            added = project.execute(CreateAnnotations((AnnotationSpec(3, 1, 1, 4),)))
            assert sorted(added.changes.added) == [undone + 1]
        finally:
            project.close()


def test_search_works_on_both_copies(team_file, server_database, tmp_path) -> None:
    url = server_database.url
    copy_project(team_file, url)
    copy_project(url, tmp_path / "back.fangtan")
    for query in ("电梯", "码头", "老师"):
        expected = hits_of(team_file, query)
        assert expected
        assert hits_of(url, query) == expected
        assert hits_of(tmp_path / "back.fangtan", query) == expected


def test_file_to_file(team_file, tmp_path) -> None:
    target = tmp_path / "copy.fangtan"
    recorder = Recorder()
    report = copy_project(team_file, target, recorder)
    assert_matched(report)
    assert rows_of(target) == rows_of(team_file)
    assert recorder.seen[-1] == (report.rows, report.rows)
    assert {current for _done, _total, current in recorder.reports} <= {t.name for t in TABLES}
    assert files_in(tmp_path) == ["copy.fangtan", "team.fangtan"]


def test_an_existing_target_file_is_refused_unchanged(team_file, tmp_path) -> None:
    target = tmp_path / "taken.fangtan"
    target.write_bytes(b"someone's file")
    with pytest.raises(CopyTargetExistsError) as raised:
        copy_project(team_file, target)
    assert str(raised.value).splitlines() == [str(raised.value)]
    assert target.read_bytes() == b"someone's file"
    assert files_in(tmp_path) == ["taken.fangtan", "team.fangtan"]


def test_a_server_that_is_not_empty_is_refused_unchanged(team_file, server_database) -> None:
    url = server_database.url
    init_server(ServerAddress.parse(url))
    before = rows_of(url)
    with pytest.raises(CopyTargetNotEmptyError):
        copy_project(team_file, url)
    assert rows_of(url) == before


@pytest.mark.parametrize(
    ("content", "error"),
    [
        (b"just some notes\n", NotAProjectError),
        (b"", CopySourceEmptyError),
        (None, ProjectMissingError),
    ],
)
def test_a_source_that_is_no_project_is_refused(tmp_path, content, error) -> None:
    source = tmp_path / "notes.fangtan"
    if content is not None:
        source.write_bytes(content)
    with pytest.raises(error):
        copy_project(source, tmp_path / "copy.fangtan")
    assert not (tmp_path / "copy.fangtan").exists()
    assert files_in(tmp_path) == ([] if content is None else ["notes.fangtan"])
    if content is not None:
        assert source.read_bytes() == content


def test_an_annotator_cannot_copy_a_server_project(team_file, server_database, tmp_path) -> None:
    url = server_database.url
    copy_project(team_file, url)
    name = f"copier_{uuid.uuid4().hex[:8]}"
    add_user(ServerAddress.parse(url), name, "annotator")
    as_annotator = ServerAddress.parse(url).with_user(name)
    with pytest.raises(CopyNeedsLeadError):
        copy_project(as_annotator, tmp_path / "mine.fangtan")
    assert files_in(tmp_path) == ["team.fangtan"]


@pytest.mark.parametrize("to_server", [False, True])
def test_a_cancelled_copy_leaves_nothing(team_file, tmp_path, request, to_server) -> None:
    target = request.getfixturevalue("server_database").url if to_server else tmp_path / "c.fangtan"
    recorder = Recorder(stop_after=2)
    report = copy_project(team_file, target, recorder)
    assert report.cancelled and report.tables == ()
    assert len(recorder.reports) == 2
    if to_server:
        assert is_empty(str(target))
    assert files_in(tmp_path) == ["team.fangtan"]


@pytest.mark.parametrize("to_server", [False, True])
def test_a_copy_that_fails_half_way_leaves_nothing(team_file, tmp_path, request, to_server) -> None:
    target = request.getfixturevalue("server_database").url if to_server else tmp_path / "c.fangtan"

    def fail(done: int, total: int) -> None:
        if done > total // 2:
            raise OSError(28, "No space left on device")

    with pytest.raises(CopyFailedError, match="No space left on device"):
        copy_project(team_file, target, Recorder(on_report=fail))
    if to_server:
        assert is_empty(str(target))
    assert files_in(tmp_path) == ["team.fangtan"]
    before = checksum_of(team_file)
    assert copy_project(team_file, target).target_checksum == before  # a second try works


def run_copy(*argv: str) -> int:
    """The command's own parser and handler, as ``fangtan copy`` runs them."""
    parser = argparse.ArgumentParser(prog="fangtan")
    cli_copy.register(parser.add_subparsers(dest="command"))
    arguments = parser.parse_args(["copy", *argv])
    return cli_copy.handlers()["copy"](arguments)


def test_command_prints_each_table_and_the_checksum(team_file, tmp_path, capsys) -> None:
    target = tmp_path / "copy.fangtan"
    assert run_copy(str(team_file), str(target)) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith(f"copied {team_file} to {target} in ")
    assert lines[1].split() == ["rows", "source", "copy"]
    counts = {line.split()[0]: line.split()[1:] for line in lines[2:-1]}
    assert list(counts) == [table.name for table in TABLES]
    assert counts["documents"] == ["4", "4"]
    assert counts["annotations"] == [str(len(WORK))] * 2
    assert lines[-1].split() == ["checksum", checksum_of(team_file)]


def test_command_prints_json(team_file, server_database, capsys) -> None:
    assert run_copy(str(team_file), server_database.url, "--json") == 0
    payload = json.loads(capsys.readouterr().out)
    assert payload["target"] == ServerAddress.parse(server_database.url).shown()
    assert payload["tables"]["annotations"] == {"source": len(WORK), "target": len(WORK)}
    assert payload["checksum"]["source"] == payload["checksum"]["target"] == checksum_of(team_file)


def test_fangtan_copy_refuses_in_one_line(team_file, tmp_path, capsys) -> None:
    """Through ``fangtan`` itself: needs the command registered in app.cli."""
    target = tmp_path / "taken.fangtan"
    target.write_bytes(b"")
    assert main(["copy", str(team_file), str(target)]) == 1
    error = capsys.readouterr().err
    assert error.startswith(f"fangtan: {target} already exists")
    assert error.count("\n") == 1
    assert main(["copy", str(team_file), str(tmp_path / "new.fangtan")]) == 0


def test_a_lead_who_is_no_superuser_copies_into_a_database_of_their_own(
    team_file, server_database, postgres_cluster, tmp_path
) -> None:
    name = f"lead_{uuid.uuid4().hex[:8]}"
    with postgres_cluster.connect() as connection:
        connection.execute(f'CREATE ROLE "{name}" LOGIN CREATEROLE')
        connection.execute(f'ALTER DATABASE "{server_database.name}" OWNER TO "{name}"')
    as_lead = ServerAddress.parse(server_database.url).with_user(name)
    assert_matched(copy_project(team_file, as_lead))
    assert_matched(copy_project(as_lead, tmp_path / "back.fangtan"))
    assert rows_of(tmp_path / "back.fangtan") == rows_of(team_file)
    assert hits_of(as_lead.shown(), "电梯") == hits_of(team_file, "电梯")


@pytest.mark.parametrize("to_server", [False, True])
def test_a_copy_unlike_its_source_is_not_kept(
    team_file, tmp_path, request, monkeypatch, to_server
) -> None:
    """The checksum of the copy, taken in the copy's transaction, is made to differ."""
    target = request.getfixturevalue("server_database").url if to_server else tmp_path / "c.fangtan"
    taken: list[str] = []

    def checksum(connection) -> str:
        taken.append(real(connection))
        return taken[-1] if len(taken) == 1 else "0" * 64

    real = copy_module._checksum
    monkeypatch.setattr(copy_module, "_checksum", checksum)
    with pytest.raises(CopyMismatchError, match="the checksums differ"):
        copy_project(team_file, target)
    assert len(taken) == 2
    if to_server:
        assert is_empty(str(target))
    assert files_in(tmp_path) == ["team.fangtan"]
