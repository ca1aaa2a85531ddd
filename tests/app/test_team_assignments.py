"""Assignments, done marks and the progress table, read back from the project file."""

import json
import sqlite3
from pathlib import Path

import pytest

from app.cli import main
from app.cli.team import DocumentListError, document_list
from app.editing.commands import AnnotationSpec, CreateAnnotations
from app.editing.history import History
from app.project import Project
from app.team.assignments import assign, mark, progress

STATUSES = (
    "SELECT s.document_id, n.name, s.status, s.done_at IS NOT NULL FROM assignments s "
    "JOIN annotators n ON n.id = s.annotator_id ORDER BY s.document_id, n.name"
)


def stored(path: Path) -> list[tuple]:
    connection = sqlite3.connect(path)
    try:
        return connection.execute(STATUSES).fetchall()
    finally:
        connection.close()


def test_assigning_marking_done_and_undoing_are_kept_in_the_file(sample_project, project_path):
    history = History(sample_project)
    history.do(assign([1, 2], ["alice", "bob"]), "assign")
    history.do(mark(1, "alice", True), "done")
    assert stored(project_path) == [
        (1, "alice", "done", 1),
        (1, "bob", "assigned", 0),
        (2, "alice", "assigned", 0),
        (2, "bob", "assigned", 0),
    ]
    history.do(assign([1], ["alice", "carol"]), "assign again")
    assert (1, "alice", "done", 1) in stored(project_path)  # assigning keeps a done mark
    history.undo()
    history.undo()
    assert (1, "alice", "assigned", 0) in stored(project_path)
    history.undo()
    assert stored(project_path) == []
    history.redo()
    assert len(stored(project_path)) == 4


def test_progress_reads_work_begun_from_the_annotations(sample_project):
    history = History(sample_project)
    history.do(assign([1, 2], ["alice", "bob"]), "assign")
    history.do(mark(2, "bob", True), "done")
    history.do(CreateAnnotations((AnnotationSpec(1, 1, 40, 50, annotator="alice"),)), "tag")
    history.do(CreateAnnotations((AnnotationSpec(2, 1, 40, 50, annotator="dave"),)), "tag")
    found = progress(sample_project)
    assert found.annotators == ("alice", "bob", "dave")
    assert found.status[1] == {"alice": "in_progress", "bob": "assigned"}
    assert found.status[2] == {"alice": "assigned", "bob": "done", "dave": "in_progress"}
    assert found.counts("alice") == {"assigned": 1, "in_progress": 1, "done": 0}


def test_the_command_line_assigns_and_prints_progress(sample_project, project_path, capsys):
    sample_project.close()
    assert (
        main(["assign", str(project_path), "--annotators", "alice,bob", "--documents", "1-2"]) == 0
    )
    assert (
        main(["assign", str(project_path), "--annotators", "bob", "--documents", "2", "--done"])
        == 0
    )
    capsys.readouterr()
    assert main(["assign", str(project_path), "--progress", "--json"]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert payload["annotators"] == ["alice", "bob"]
    assert payload["documents"][1]["status"] == {"alice": "assigned", "bob": "done"}
    assert payload["counts"]["bob"] == {"assigned": 1, "in_progress": 0, "done": 1}
    assert main(["assign", str(project_path), "--progress"]) == 0
    assert "bob: 1 done, 0 in progress, 1 not started" in capsys.readouterr().out
    assert main(["assign", str(project_path), "--annotators", "alice", "--documents", "7"]) == 1
    assert "“7” is not a list of interview numbers" in capsys.readouterr().err
    reopened = Project.open(project_path, create=False)
    try:
        assert progress(reopened).status[2]["bob"] == "done"
    finally:
        reopened.close()


@pytest.mark.parametrize(
    ("text", "expected"), [("all", None), ("1,3-5", [1, 3, 4, 5]), ("2，4", [2, 4])]
)
def test_document_lists(text, expected):
    assert document_list(text) == expected


@pytest.mark.parametrize("text", ["5-2", "0", "one", ",", "1-"])
def test_bad_document_lists_are_refused(text):
    with pytest.raises(DocumentListError):
        document_list(text)
