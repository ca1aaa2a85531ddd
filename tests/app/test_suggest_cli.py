"""fangtan suggest: list, JSON, rules only, and accepting above a threshold as one step."""

import json
from pathlib import Path

import pytest

from app import cli
from app.cli.suggest import ACCEPT_MANY
from app.editing.history import History
from app.project import Project
from app.suggestions import pending_suggestions
from app.suggestions.commands import AcceptSuggestions


@pytest.fixture
def imported(project_path: Path, sample_path: Path, capsys) -> Path:
    assert cli.main(["import", str(project_path), str(sample_path)]) == cli.EXIT_OK
    capsys.readouterr()
    return project_path


def test_lists_suggestions_with_tag_confidence_and_reason(imported, capsys):
    assert cli.main(["suggest", str(imported)]) == cli.EXIT_OK
    captured = capsys.readouterr()
    lines = captured.out.splitlines()
    assert lines[-1] == f"{len(lines) - 1} suggestions"  # one line per suggestion above
    hydrogen = next(line for line in lines if "大力推进氢能产业园区建设" in line)
    assert hydrogen.startswith("#1  ")
    assert "产业发展  –  trigger words: " in hydrogen  # no decision yet: no confidence
    assert "model: none yet" in captured.err


def test_json_has_offsets_into_the_document_text(imported, capsys):
    assert cli.main(["suggest", str(imported), "--json", "--rules-only"]) == cli.EXIT_OK
    records = json.loads(capsys.readouterr().out)
    assert records
    project = Project.open(imported, create=False)
    try:
        texts = {d.id: project.document(d.id).text for d in project.documents()}
    finally:
        project.close()
    for record in records:
        assert set(record) >= {"document_id", "start", "end", "tag", "confidence", "reason"}
        assert texts[record["document_id"]][record["start"] : record["end"]] == record["text"]
        assert record["origin"] == "rule"
        assert all(word in record["text"] for word in record["words"])
    turns = json.loads(
        (cli.main(["suggest", str(imported), "--json", "--unit", "turn"]), capsys.readouterr())[
            1
        ].out
    )
    assert len(turns) < len(records)


def decide_one_of_each_tag(path):
    """Accept one suggestion of every tag, so that the others carry a confidence."""
    project = Project.open(path, create=False)
    try:
        first = {}
        for suggestion in pending_suggestions(project):
            first.setdefault(suggestion.tag_id, suggestion)
        History(project).do(AcceptSuggestions.of(list(first.values())), "first")
        return len(first)
    finally:
        project.close()


def test_apply_above_leaves_suggestions_without_a_confidence(imported, capsys):
    assert cli.main(["suggest", str(imported), "--apply-above", "0"]) == cli.EXIT_OK
    out = capsys.readouterr().out
    assert out.startswith("accepted 0 of")
    assert "without a confidence yet" in out


def test_apply_above_accepts_as_one_undo_step(imported, capsys):
    first = decide_one_of_each_tag(imported)
    assert cli.main(["suggest", str(imported), "--json", "--rules-only"]) == cli.EXIT_OK
    everything = json.loads(capsys.readouterr().out)
    assert {r["basis"] for r in everything} == {"decisions"}
    assert all(r["confidence"] >= 0.5 for r in everything)
    assert cli.main(["suggest", str(imported), "--apply-above", "0.5"]) == cli.EXIT_OK
    out = capsys.readouterr().out
    assert out.startswith(f"accepted {len(everything)} of {len(everything)} suggestions")
    assert "one undo step" in out
    project = Project.open(imported, create=False)
    try:
        stored = [a for d in project.documents() for a in project.annotations(d.id)]
        assert len(stored) == first + len(everything)
        assert {a.source for a in stored} == {"suggested"}
        state = History(project).state()
        assert json.loads(state.undo_text) == [ACCEPT_MANY, str(len(everything))]
        History(project).undo()
        assert len([a for d in project.documents() for a in project.annotations(d.id)]) == first
    finally:
        project.close()
    assert cli.main(["suggest", str(imported), "--apply-above", "0.9"]) == cli.EXIT_OK
    assert capsys.readouterr().out.startswith("accepted 0 of")


@pytest.mark.parametrize("value", ["1.5", "-0.1", "half"])
def test_a_bad_threshold_is_one_error_line(imported, capsys, value, digest):
    before = digest(imported)
    assert cli.main(["suggest", str(imported), "--apply-above", value]) == cli.EXIT_FAILED
    captured = capsys.readouterr()
    assert captured.err.strip() == (
        f"fangtan: The threshold must be a number from 0 to 1 (got {value})."
    )
    assert digest(imported) == before


def test_a_missing_project_is_not_created(tmp_path, capsys):
    target = tmp_path / "none.fangtan"
    assert cli.main(["suggest", str(target)]) == cli.EXIT_FAILED
    assert "There is no project" in capsys.readouterr().err
    assert not target.exists()


def test_accepted_suggestions_carry_the_annotator_named_in_the_environment(
    imported, capsys, monkeypatch
):
    monkeypatch.setenv("FANGTAN_ANNOTATOR", "丁霞")
    decide_one_of_each_tag(imported)
    assert cli.main(["suggest", str(imported), "--apply-above", "0.5"]) == cli.EXIT_OK
    capsys.readouterr()
    project = Project.open(imported, create=False)
    try:
        stored = [a for d in project.documents() for a in project.annotations(d.id)]
        assert stored and {a.annotator for a in stored if a.source == "suggested"} == {"丁霞"}
    finally:
        project.close()
