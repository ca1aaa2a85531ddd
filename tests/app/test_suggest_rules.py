"""Trigger-word rules: seeded, editable with undo, and suggestions with their reasons."""

import sqlite3

import pytest

from app.editing.commands import AnnotationSpec, CreateAnnotations
from app.editing.history import History
from app.errors import DuplicateTriggerError, TriggerWordError, UnknownTriggerError
from app.suggestions import pending_suggestions, trigger_words
from app.suggestions.commands import AddTriggerWords, RemoveTriggerWords
from app.suggestions.passages import candidate_passages, sentence_spans
from app.suggestions.triggers import seed_triggers, words_found


def tag_ids(project):
    return {tag.name: tag.id for tag in project.tags()}


def test_projects_get_the_seed_words_on_first_use(project, reopen):
    project = reopen(project)
    words = trigger_words(project)
    ids = tag_ids(project)
    for name, seeds in seed_triggers().items():
        assert set(words[ids[name]]) == set(seeds)
    assert {"项目", "产业", "投资", "园区", "招商", "企业"} <= set(words[ids["产业发展"]])
    assert {"党建", "党员", "基层党组织"} <= set(words[ids["党建"]])


def test_older_project_without_triggers_is_seeded_once(project_path, open_project):
    project = open_project()
    project.close()
    connection = sqlite3.connect(project_path)  # as a project made before trigger words
    connection.execute("DELETE FROM tag_triggers")
    connection.execute("DELETE FROM project_settings WHERE key LIKE 'suggestions.%'")
    connection.commit()
    connection.close()

    project = open_project(create=False)
    ids = tag_ids(project)
    assert "园区" in trigger_words(project)[ids["产业发展"]]
    history = History(project)
    for tag_id, words in trigger_words(project).items():
        history.do(RemoveTriggerWords(tag_id, words), "remove")
    project.close()
    project = open_project(create=False)
    assert trigger_words(project) == {}  # removed by the annotator: not seeded again


def test_sentences_split_on_chinese_and_ascii_ends_and_line_breaks():
    text = "今年要招商。“好！”他说?对\n\n下一段没有句号  "
    spans = list(sentence_spans(text, 0, len(text)))
    assert [text[s:e] for s, e in spans] == [
        "今年要招商。",
        "“好！”",
        "他说?",
        "对",
        "下一段没有句号",
    ]


def test_only_answer_and_narration_turns_are_candidates(sample_project):
    content = sample_project.document(1)
    passages = candidate_passages(content.text, content.turns, "sentence")
    kinds = {turn.index: turn.kind for turn in content.turns}
    assert passages and all(kinds[p.turn_index] == "answer" for p in passages)
    assert all(content.text[p.start : p.end] == p.text for p in passages)
    turns = candidate_passages(content.text, content.turns, "turn")
    assert len(turns) == sum(1 for kind in kinds.values() if kind == "answer")


def test_rule_suggestions_carry_the_words_found(sample_project):
    ids = tag_ids(sample_project)
    found = pending_suggestions(sample_project, [1])
    text = sample_project.document(1).text
    hydrogen = next(s for s in found if s.tag_id == ids["产业发展"] and "氢能产业园区" in s.text)
    assert hydrogen.origin == "rule"
    assert {"产业", "园区", "投资", "项目"} <= set(hydrogen.words)
    assert all(word in hydrogen.text for word in hydrogen.words)
    assert text[hydrogen.start : hydrogen.end] == hydrogen.text
    assert "trigger words:" in hydrogen.reason()
    assert hydrogen.confidence == 0.5  # no decisions and no model yet
    for suggestion in found:
        assert suggestion.words and all(word in suggestion.text for word in suggestion.words)


def test_a_passage_with_the_tag_is_not_suggested_for_it(sample_project):
    ids = tag_ids(sample_project)
    target = next(
        s for s in pending_suggestions(sample_project, [1]) if s.tag_id == ids["产业发展"]
    )
    inside = AnnotationSpec(1, ids["产业发展"], target.start + 2, target.start + 6)
    History(sample_project).do(CreateAnnotations((inside,)), "tag")
    keys = {s.key for s in pending_suggestions(sample_project, [1])}
    assert target.key not in keys


def test_longer_trigger_words_hide_the_shorter_inside_them():
    assert words_found("加强基层党组织建设", ("党组织", "基层党组织", "建设")) == (
        "基层党组织",
        "建设",
    )


def test_trigger_words_added_and_removed_with_undo(project, reopen):
    ids = tag_ids(project)
    tag = ids["民生"]
    history = History(project)
    history.do(AddTriggerWords(tag, (" 菜篮子 ", "公交")), "add")
    project = reopen(project)
    assert {"菜篮子", "公交"} <= set(trigger_words(project)[tag])
    history = History(project)
    history.do(RemoveTriggerWords(tag, ("教育",)), "remove")
    assert "教育" not in trigger_words(project)[tag]
    history.undo()
    history.undo()
    project = reopen(project)
    words = set(trigger_words(project)[tag])
    assert "教育" in words and "菜篮子" not in words
    History(project).redo()
    project = reopen(project)
    assert "菜篮子" in trigger_words(project)[tag]


@pytest.mark.parametrize("word", ["", "   ", "两\n行", "长" * 101])
def test_bad_trigger_words_are_refused(project, word):
    tag = tag_ids(project)["民生"]
    before = trigger_words(project)
    with pytest.raises(TriggerWordError):
        History(project).do(AddTriggerWords(tag, (word,)), "add")
    assert trigger_words(project) == before


def test_duplicate_and_unknown_trigger_words_are_refused(project):
    tag = tag_ids(project)["民生"]
    with pytest.raises(DuplicateTriggerError):
        History(project).do(AddTriggerWords(tag, ("教育",)), "add")
    with pytest.raises(DuplicateTriggerError):
        History(project).do(AddTriggerWords(tag, ("新词", "新词")), "add")
    with pytest.raises(UnknownTriggerError):
        History(project).do(RemoveTriggerWords(tag, ("没有这个词",)), "remove")
    assert "新词" not in trigger_words(project)[tag]
