"""Project files written by every released schema still open, with every annotation intact.

tests/fixtures/schema-NNNN.fangtan is frozen when schema NNNN is released and never
rewritten. Each new migration must keep this test passing.
"""

import hashlib
import shutil
import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from app.editing.history import History
from app.project import Project
from models import Base
from models.assistance import schema_comparison_options
from models.schema import HEAD_REVISION, KNOWN_REVISIONS, inspect_file

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def test_there_is_a_frozen_project_for_every_schema():
    assert sorted(path.stem for path in FIXTURES.glob("schema-*.fangtan")) == [
        f"schema-{revision}" for revision in KNOWN_REVISIONS
    ]


@pytest.mark.parametrize("revision", KNOWN_REVISIONS)
def test_frozen_project_opens_with_all_its_work(tmp_path, revision):
    frozen = FIXTURES / f"schema-{revision}.fangtan"
    before = hashlib.sha256(frozen.read_bytes()).hexdigest()
    copy = tmp_path / frozen.name
    shutil.copy(frozen, copy)

    project = Project.open(copy, create=False, annotator="丁霞")
    try:
        documents = project.documents()
        assert [(d.title, d.interviewee, d.annotation_count) for d in documents] == [
            ("奋力打造实力之城品质之城幸福之城", "刘在军", 1),
            ("加快建设宜居宜业宜游的高品质街道", "王信卿", 2),
        ]
        first = project.annotations(documents[0].id)[0]
        content = project.document(documents[0].id)
        assert first.text == "大力推进氢能产业园区建设" == content.text[first.start : first.end]
        assert first.note == "用作导语?"
        assert first.annotator == "丁霞"
        second = project.annotations(documents[1].id)
        assert sorted(a.text for a in second) == ["薛家岛", "薛家岛街道党工委书记"]
        tags = {tag.name: tag for tag in project.tags()}
        assert tags["口袋公园"].parent_id == tags["城市更新"].id
        assert tags["产业发展"].shortcut == "1"
        assert History(project).state().undo_text == "新标签"
        with project.engine.connect() as connection:
            context = MigrationContext.configure(connection, opts=schema_comparison_options())
            assert compare_metadata(context, Base.metadata) == []
            rows = connection.exec_driver_sql(
                "SELECT name, sql FROM sqlite_master WHERE type='table'"
            ).all()
        tables = {name: sql for name, sql in rows}
        for table in ("documents", "tags", "annotations", "history_steps"):
            assert "AUTOINCREMENT" in tables[table], table
    finally:
        project.close()
    assert inspect_file(copy).revision == HEAD_REVISION
    assert hashlib.sha256(frozen.read_bytes()).hexdigest() == before


def test_a_failed_upgrade_says_one_line_and_logs_where_it_came_from(tmp_path, monkeypatch):
    from alembic import command

    import app.logs
    from app.errors import ProjectUpgradeError

    logs = tmp_path / "logs"
    monkeypatch.setattr(app.logs, "log_dir", lambda: logs)
    copy = tmp_path / "old.fangtan"
    shutil.copy(FIXTURES / "schema-0001.fangtan", copy)

    def fail(config, revision):
        raise RuntimeError("disk trouble\nat page 7")

    monkeypatch.setattr(command, "upgrade", fail)
    with pytest.raises(ProjectUpgradeError) as caught:
        Project.open(copy, create=False)
    message = str(caught.value)
    assert "\n" not in message and "disk trouble at page 7" in message
    logged = (logs / "fangtan.log").read_text(encoding="utf-8")
    assert "Traceback (most recent call last)" in logged
    assert "RuntimeError: disk trouble" in logged  # the cause, with where it was raised
    assert "in fail" in logged and "MigrationError" in logged
    assert inspect_file(copy).revision == "0001"


def test_a_failed_upgrade_leaves_the_project_as_it_was(tmp_path, monkeypatch):
    from alembic import command

    from app.errors import ProjectUpgradeError

    copy = tmp_path / "old.fangtan"
    shutil.copy(FIXTURES / "schema-0001.fangtan", copy)
    real_upgrade = command.upgrade

    def upgrade_then_fail(config, revision):
        real_upgrade(config, revision)  # every migration runs, then something breaks
        raise RuntimeError("disk trouble")

    monkeypatch.setattr(command, "upgrade", upgrade_then_fail)
    with pytest.raises(ProjectUpgradeError, match="disk trouble"):
        Project.open(copy, create=False)
    assert inspect_file(copy).revision == "0001"
    with sqlite3.connect(copy) as connection:
        columns = {row[1] for row in connection.execute("PRAGMA table_info(documents)")}
    assert "source_format" not in columns  # the schema change was rolled back too

    monkeypatch.setattr(command, "upgrade", real_upgrade)
    project = Project.open(copy, create=False)
    try:
        assert len(project.documents()) == 2
    finally:
        project.close()
    assert inspect_file(copy).revision == HEAD_REVISION
