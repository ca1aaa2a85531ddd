"""Every kind of stored undo step can be undone and redone, in a project made now and in
one frozen with this version's steps (tests/fixtures/history-steps.fangtan); a step this
version cannot read is dropped instead of failing every time."""

import json
import shutil
from pathlib import Path

import pytest
from sqlalchemy import select, update

from app.editing import codec
from app.editing.commands import AnnotationSpec, CreateAnnotations
from app.editing.history import History
from app.errors import UnreadableStepError
from app.importing.importer import import_text
from app.project import Project
from models import HistoryStep
from tests.app.conftest import table_rows
from tests.app.row_versions import without_versions
from tests.fixtures.history_steps import (
    ANNOTATOR,
    FROZEN,
    TAG,
    TEXT,
    do_every_kind_of_step,
    prepare,
)

pytestmark = pytest.mark.both_backends

# What undo and redo must bring back exactly (the history itself, and who has worked in
# the project, are not part of it).
COMPARED = (
    "annotations",
    "assignments",
    "dictionary_terms",
    "documents",
    "stop_words",
    "suggestion_decisions",
    "tag_triggers",
    "tags",
    "turns",
)


def state(persisted_rows, project):
    """Close ``project`` and read what undo and redo must restore from its file.

    An assignment is known by its document and annotator, never by its id, and a row
    brought back gets a new id where the database does not reuse ids (PostgreSQL)."""
    rows = without_versions(persisted_rows(project))
    found = {name: rows[name] for name in COMPARED}
    found["assignments"] = sorted((row[1:] for row in found["assignments"]), key=repr)
    return found


def stored_classes(text: str) -> set[str]:
    """The class names of a stored step, those inside a Macro included."""
    found: set[str] = set()

    def walk(value: object) -> None:
        if isinstance(value, dict):
            if "$type" in value:
                found.add(value["$type"])
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk(json.loads(text))
    return found


def test_every_kind_of_stored_step_undoes_and_redoes(open_project, persisted_rows):
    project = open_project()
    prepare(project)
    before = state(persisted_rows, project)

    project = open_project(create=False)
    do_every_kind_of_step(project)
    with project.reading() as session:
        steps = session.scalars(select(HistoryStep).order_by(HistoryStep.id)).all()
        stored = set().union(
            *(stored_classes(s.forward) | stored_classes(s.backward) for s in steps)
        )
        count = len(steps)
    commands = {cls.__name__ for cls in codec.registered_commands()}
    assert commands - stored == set(), "add a step of each of these to the test"
    after = state(persisted_rows, project)

    project = open_project(create=False)  # every step is read back from the file
    history = History(project)
    for _ in range(count):
        assert history.undo() is not None
    assert history.undo() is None
    assert state(persisted_rows, project) == before

    project = open_project(create=False)
    history = History(project)
    for _ in range(count):
        assert history.redo() is not None
    assert history.redo() is None
    assert state(persisted_rows, project) == after


def compared(path: Path) -> dict[str, list[tuple]]:
    rows = without_versions(table_rows(path))
    return {name: rows[name] for name in COMPARED}


def test_the_frozen_step_of_every_command_undoes_and_redoes(tmp_path):
    copy = tmp_path / FROZEN.name
    shutil.copy(FROZEN, copy)
    Project.open(copy, create=False, annotator=ANNOTATOR).close()  # upgraded, if need be
    frozen = compared(copy)

    project = Project.open(copy, create=False, annotator=ANNOTATOR)
    try:
        with project.reading() as session:
            steps = session.scalars(select(HistoryStep).order_by(HistoryStep.id)).all()
            stored = set().union(
                *(stored_classes(s.forward) | stored_classes(s.backward) for s in steps)
            )
            count = len(steps)
        commands = {cls.__name__ for cls in codec.registered_commands()}
        assert commands - stored == set(), (
            "add a step of each to tests/fixtures/history_steps.py and run it"
        )
        values = {
            "AnnotationSpec",
            "AssignmentState",
            "DecisionSpec",
            "MergedTag",
            "NoteChange",
            "RejectionSpec",
            "TagSpec",
        }
        assert stored - commands - values == set(), (
            "renamed or removed: the undo history of projects saved before would drop them"
        )
        history = History(project)
        for _ in range(count):
            assert history.undo() is not None
        assert history.undo() is None
        document = project.documents()[0]
        assert document.title != "新标题"
        assert project.annotations(document.id) == []
        assert TAG not in {tag.name for tag in project.tags()}
        for _ in range(count):
            assert history.redo() is not None
        assert history.redo() is None
    finally:
        project.close()
    assert compared(copy) == frozen


@pytest.mark.parametrize(
    "stored",
    [
        '{"$type":"RenamedCommand","ids":[1]}',  # a class this version does not have
        '{"$type":"DeleteAnnotations"}',  # a field missing
        '{"$type":"DeleteAnnotations","ids":[1],"reason":"x"}',  # a field it does not know
        '{"ids":[1]}',  # no class at all
        "[1, 2]",  # not a command
        "{not json",
        "",
    ],
)
def test_a_step_this_version_cannot_read_is_stale_and_dropped(project, stored):
    import_text(project, TEXT, "a.txt")
    history = History(project)
    document = project.documents()[0].id
    tag = project.tags()[0].id
    history.do(CreateAnnotations((AnnotationSpec(document, tag, 20, 22),)), "第一步")
    history.do(CreateAnnotations((AnnotationSpec(document, tag, 23, 25),)), "第二步")
    with project.writing() as session:
        latest = session.scalars(select(HistoryStep.id).order_by(HistoryStep.id.desc())).first()
        session.execute(update(HistoryStep).where(HistoryStep.id == latest).values(backward=stored))

    # What the window does: a stale step is dropped and the history moves on.
    with pytest.raises(UnreadableStepError) as raised:
        history.undo()
    assert History.is_stale(raised.value)
    assert len(project.annotations(document)) == 2  # nothing was half applied
    history.drop_next(undone=False)
    assert history.state().undo_text == "第一步"
    assert history.undo() is not None
    assert len(project.annotations(document)) == 1


def test_an_unreadable_redo_step_is_stale_too(project):
    import_text(project, TEXT, "a.txt")
    history = History(project)
    document = project.documents()[0].id
    tag = project.tags()[0].id
    history.do(CreateAnnotations((AnnotationSpec(document, tag, 20, 22),)), "标注")
    history.undo()
    with project.writing() as session:
        session.execute(update(HistoryStep).values(forward='{"$type":"FromANewerVersion"}'))
    with pytest.raises(UnreadableStepError) as raised:
        history.redo()
    assert History.is_stale(raised.value)
    history.drop_next(undone=True)
    assert history.state().redo_text is None


def test_every_registered_command_round_trips_through_the_codec_names():
    names = [cls.__name__ for cls in codec.registered_commands()]
    assert len(names) == len(set(names)), "two commands share a name: the history mixes them"
    assert "Macro" in names and "AddTerms" in names and "AcceptSuggestions" in names
