"""Accepting and rejecting suggestions: one undoable step each, persisted, never re-offered."""

import csv
import sqlite3

import pytest

from app.editing.codec import dumps, loads
from app.editing.history import History
from app.errors import InvalidSpanError, SuggestionDecidedError, UnknownTagError
from app.exchange import export
from app.suggestions import pending_suggestions, suggestion_stats
from app.suggestions.commands import AcceptSuggestions, RejectSuggestions


def decisions(path):
    connection = sqlite3.connect(path)
    try:
        return connection.execute(
            'SELECT document_id, tag_id, start, "end", decision, origin, annotator '
            "FROM suggestion_decisions ORDER BY id"
        ).fetchall()
    finally:
        connection.close()


def test_accept_makes_a_suggested_annotation_and_a_decision(sample_project, reopen, project_path):
    first = pending_suggestions(sample_project, [1])[0]
    History(sample_project).do(AcceptSuggestions.of([first]), "accept")
    project = reopen(sample_project)
    [annotation] = project.annotations(1)
    assert (annotation.tag_id, annotation.start, annotation.end) == (
        first.tag_id,
        first.start,
        first.end,
    )
    assert annotation.source == "suggested"
    assert annotation.text == first.text
    assert annotation.annotator == "tester"
    assert decisions(project_path) == [
        (1, first.tag_id, first.start, first.end, "accepted", "rule", "tester")
    ]
    assert first.key not in {s.key for s in pending_suggestions(project, [1])}


def test_undo_of_accept_removes_both_and_redo_restores_them(sample_project, reopen, project_path):
    first = pending_suggestions(sample_project, [1])[0]
    History(sample_project).do(AcceptSuggestions.of([first]), "accept")
    [made] = sample_project.annotations(1)
    project = reopen(sample_project)
    History(project).undo()
    project = reopen(project)
    assert project.annotations(1) == []
    assert decisions(project_path) == []
    assert first.key in {s.key for s in pending_suggestions(project, [1])}
    History(project).redo()
    project = reopen(project)
    [again] = project.annotations(1)
    assert again == made  # same id, timestamps and source
    assert [row[4] for row in decisions(project_path)] == ["accepted"]


def test_rejected_suggestions_are_never_offered_again(sample_project, reopen, project_path):
    found = pending_suggestions(sample_project)
    chosen = found[:3]
    History(sample_project).do(RejectSuggestions.of(chosen), "reject")
    project = reopen(sample_project)
    assert project.annotations(1) == []
    assert [row[4] for row in decisions(project_path)] == ["rejected"] * 3
    again = {s.key for s in pending_suggestions(project)}
    assert not again & {s.key for s in chosen}
    assert len(again) == len(found) - 3
    History(project).undo()
    project = reopen(project)
    assert {s.key for s in chosen} <= {s.key for s in pending_suggestions(project)}
    assert decisions(project_path) == []


def test_accept_all_above_a_threshold_is_one_undo_step(sample_project, reopen):
    found = pending_suggestions(sample_project)
    chosen = [s for s in found if s.confidence >= 0.5]
    assert len(chosen) > 5
    history = History(sample_project)
    history.do(AcceptSuggestions.of(chosen), "accept all")
    project = reopen(sample_project)
    stored = project.annotations(1) + project.annotations(2)
    assert len(stored) == len(chosen)
    assert {a.source for a in stored} == {"suggested"}
    History(project).undo()  # one step takes them all back
    project = reopen(project)
    assert project.annotations(1) + project.annotations(2) == []
    assert History(project).state().undo_text is None


def test_a_suggestion_cannot_be_decided_twice(sample_project):
    first = pending_suggestions(sample_project, [1])[0]
    history = History(sample_project)
    history.do(RejectSuggestions.of([first]), "reject")
    with pytest.raises(SuggestionDecidedError):
        history.do(AcceptSuggestions.of([first]), "accept")
    with pytest.raises(SuggestionDecidedError):
        history.do(RejectSuggestions.of([pending_suggestions(sample_project, [1])[0]] * 2), "twice")
    assert sample_project.annotations(1) == []


def test_bad_suggestions_are_refused_and_change_nothing(sample_project, project_path):
    first = pending_suggestions(sample_project, [1])[0]
    history = History(sample_project)
    length = len(sample_project.document(1).text)
    wrong_tag = AcceptSuggestions.of([first])
    wrong_tag = AcceptSuggestions(((*wrong_tag.rows[0][:1], 999, *wrong_tag.rows[0][2:]),))
    with pytest.raises(UnknownTagError):
        history.do(wrong_tag, "accept")
    row = RejectSuggestions.of([first]).rows[0]
    outside = RejectSuggestions(((row[0], row[1], length, length + 5, *row[4:]),))
    with pytest.raises(InvalidSpanError):
        history.do(outside, "reject")
    assert decisions(project_path) == []
    assert sample_project.annotations(1) == []


def test_decision_commands_survive_the_stored_history(sample_project):
    chosen = pending_suggestions(sample_project)[:2]
    for command in (AcceptSuggestions.of(chosen), RejectSuggestions.of(chosen)):
        assert loads(dumps(command)) == command


def test_stats_count_accepted_over_offered(sample_project):
    ids = {tag.name: tag.id for tag in sample_project.tags()}
    found = pending_suggestions(sample_project)
    industry = [s for s in found if s.tag_id == ids["产业发展"]]
    History(sample_project).do(AcceptSuggestions.of(industry[:2]), "accept")
    History(sample_project).do(RejectSuggestions.of(industry[2:3]), "reject")
    shown = pending_suggestions(sample_project)
    stats = {row.tag_id: row for row in suggestion_stats(sample_project, shown)}
    row = stats[ids["产业发展"]]
    assert (row.accepted, row.rejected, row.pending) == (2, 1, len(industry) - 3)
    assert row.offered == len(industry)
    assert row.rate == pytest.approx(2 / len(industry))
    assert stats[ids["党建"]].accepted == 0


def test_rule_confidence_follows_this_projects_decisions(sample_project):
    ids = {tag.name: tag.id for tag in sample_project.tags()}
    industry = [s for s in pending_suggestions(sample_project) if s.tag_id == ids["产业发展"]]
    History(sample_project).do(AcceptSuggestions.of(industry[:3]), "accept")
    History(sample_project).do(RejectSuggestions.of(industry[3:4]), "reject")
    later = [s for s in pending_suggestions(sample_project) if s.tag_id == ids["产业发展"]]
    assert later and all(s.confidence == pytest.approx(4 / 6, abs=1e-4) for s in later)
    other = [s for s in pending_suggestions(sample_project) if s.tag_id == ids["民生"]]
    assert {s.confidence for s in other} == {0.5}


def test_accepted_suggestions_keep_their_source_in_the_database(sample_project, project_path):
    first = pending_suggestions(sample_project, [1])[0]
    History(sample_project).do(AcceptSuggestions.of([first]), "accept")
    sample_project.close()
    connection = sqlite3.connect(project_path)
    assert connection.execute("SELECT source FROM annotations").fetchall() == [("suggested",)]
    connection.close()


def test_csv_export_says_which_annotations_came_from_suggestions(sample_project, tmp_path):
    first = pending_suggestions(sample_project, [1])[0]
    History(sample_project).do(AcceptSuggestions.of([first]), "accept")
    target = tmp_path / "out.csv"
    export(sample_project, "csv", target)
    with target.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [row["source"] for row in rows] == ["suggested"]
