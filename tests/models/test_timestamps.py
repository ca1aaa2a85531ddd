"""Timestamps come back aware and in UTC, whichever way the file holds them: as this
version writes them (naive UTC text), or with an offset, or without microseconds."""

from datetime import UTC, datetime, timedelta, timezone

import pytest
from sqlalchemy import text

from app.editing.commands import AnnotationSpec, CreateAnnotations
from app.project import Project
from app.workspace import import_sample


@pytest.fixture
def project(tmp_path):
    project = Project.open(tmp_path / "t.fangtan", annotator="丁霞")
    import_sample(project)
    document, tag = project.documents()[0].id, project.tags()[0].id
    project.execute(CreateAnnotations((AnnotationSpec(document, tag, 0, 4),)))
    yield project
    project.close()


def stored(project: Project, value: str) -> datetime:
    """The annotation's creation time, read back after its text in the file is ``value``."""
    with project.writing() as session:
        session.execute(text("UPDATE annotations SET created_at = :value"), {"value": value})
    [annotation] = project.annotations(project.documents()[0].id)
    return annotation.created_at


def test_a_timestamp_written_now_reads_back_the_same_and_aware(project):
    before = datetime.now(UTC)
    [annotation] = project.annotations(project.documents()[0].id)
    assert annotation.created_at.tzinfo is not None
    assert annotation.created_at.utcoffset() == timedelta(0)
    assert before - timedelta(minutes=5) < annotation.created_at <= before
    assert project.annotations_by_id([annotation.id]) == [annotation]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2026-03-04 05:06:07.000008", datetime(2026, 3, 4, 5, 6, 7, 8, tzinfo=UTC)),
        ("2026-03-04 05:06:07", datetime(2026, 3, 4, 5, 6, 7, tzinfo=UTC)),
    ],
)
def test_timestamps_held_as_text_read_as_utc(project, value, expected):
    read = stored(project, value)
    assert read == expected and read.tzinfo is not None
    assert read.tzinfo.utcoffset(read) == timedelta(0)
    assert read.astimezone(timezone(timedelta(hours=8))).hour == expected.hour + 8
