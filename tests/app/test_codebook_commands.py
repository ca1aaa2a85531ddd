"""Codebook commands: tags with colour, shortcut, hierarchy and order, and their undo."""

import pytest

from app.editing.codebook import PALETTE, next_color, normalize_color
from app.editing.commands import AnnotationSpec, CreateAnnotations
from app.editing.tag_commands import CreateTag, DeleteTag, MoveTag, TagSpec, UpdateTag
from app.errors import (
    DuplicateShortcutError,
    DuplicateTagNameError,
    TagColorError,
    TagCycleError,
    TagNameError,
    UnknownTagError,
)
from app.seeds import default_codebook
from tests.app.row_versions import unversioned

pytestmark = pytest.mark.both_backends


def names_in_order(project) -> list[str]:
    return [tag.name for tag in project.tags()]


def tag_named(project, name: str):
    [tag] = [tag for tag in project.tags() if tag.name == name]
    return tag


def test_new_project_has_the_default_codebook(project, reopen) -> None:
    project = reopen(project)
    seeds = default_codebook()
    assert [(t.name, t.color, t.shortcut, t.description) for t in project.tags()] == [
        (s.name, s.color, s.shortcut, s.description) for s in seeds
    ]
    assert [t.position for t in project.tags()] == list(range(len(seeds)))
    assert all(t.parent_id is None and t.usage == 0 for t in project.tags())


# CreateTag ---------------------------------------------------------------------------


def test_create_tag_normalises_and_appends(project, reopen) -> None:
    applied = project.execute(
        CreateTag(TagSpec(name="  生态  环保 ", color=" #ABC ", shortcut=" 5 ", description="说明"))
    )
    assert applied.changes.tags
    project = reopen(project)
    tag = tag_named(project, "生态 环保")
    assert (tag.color, tag.shortcut, tag.description) == ("#aabbcc", "5", "说明")
    assert tag.position == max(t.position for t in project.tags())
    assert names_in_order(project)[-1] == "生态 环保"


def test_create_tag_inverse_deletes_it(project, reopen) -> None:
    before = project.tags()
    applied = project.execute(CreateTag(TagSpec(name="生态", color="#123456")))
    project.execute(applied.inverse)
    project = reopen(project)
    assert project.tags() == before


def test_create_child_tag(project, reopen) -> None:
    parent = project.tags()[0]
    project.execute(CreateTag(TagSpec(name="制造业", color="#123456", parent_id=parent.id)))
    project = reopen(project)
    assert tag_named(project, "制造业").parent_id == parent.id


@pytest.mark.parametrize(
    ("spec", "error"),
    [
        (TagSpec(name="民生", color="#123456"), DuplicateTagNameError),
        (TagSpec(name=" 民生 ", color="#123456"), DuplicateTagNameError),
        (TagSpec(name="新的", color="#123456", shortcut="1"), DuplicateShortcutError),
        (TagSpec(name="新的", color="red"), TagColorError),
        (TagSpec(name="新的", color="#12345"), TagColorError),
        (TagSpec(name="新的", color="#1234567"), TagColorError),
        (TagSpec(name="新的", color="#ggg"), TagColorError),
        (TagSpec(name=" \u3000 ", color="#123456"), TagNameError),
        (TagSpec(name="新的", color="#123456", parent_id=999), UnknownTagError),
    ],
)
def test_invalid_new_tags_are_refused_and_nothing_is_written(
    project, persisted_rows, open_project, spec, error
) -> None:
    before = persisted_rows(project)
    project = open_project(create=False)
    with pytest.raises(error):
        project.execute(CreateTag(spec))
    assert persisted_rows(project) == before


def test_duplicate_shortcut_error_names_the_holder(project) -> None:
    holder = project.tags()[0]
    with pytest.raises(DuplicateShortcutError) as caught:
        project.execute(CreateTag(TagSpec(name="新的", color="#123456", shortcut=holder.shortcut)))
    assert caught.value.params["name"] == holder.name


def test_empty_shortcuts_do_not_clash(project, reopen) -> None:
    project.execute(CreateTag(TagSpec(name="甲", color="#111111")))
    project.execute(CreateTag(TagSpec(name="乙", color="#222222", shortcut="  ")))
    project = reopen(project)
    assert tag_named(project, "甲").shortcut == tag_named(project, "乙").shortcut == ""


# UpdateTag ----------------------------------------------------------------------------


def test_update_tag_and_its_inverse(project, reopen) -> None:
    before = project.tags()
    target = before[1]
    applied = project.execute(
        UpdateTag(
            target.id,
            {"name": "民生保障", "color": "#F0F", "shortcut": "m", "description": "新说明"},
        )
    )
    project = reopen(project)
    changed = tag_named(project, "民生保障")
    assert (changed.id, changed.color, changed.shortcut, changed.description) == (
        target.id,
        "#ff00ff",
        "m",
        "新说明",
    )
    project.execute(applied.inverse)
    project = reopen(project)
    assert unversioned(project.tags()) == unversioned(before)


def test_renaming_a_tag_to_its_own_name_is_allowed(project, reopen) -> None:
    tag = project.tags()[0]
    project.execute(UpdateTag(tag.id, {"name": tag.name, "shortcut": tag.shortcut}))
    project = reopen(project)
    assert project.tags()[0] == tag


@pytest.mark.parametrize(
    ("values", "error"),
    [
        ({"name": "党建"}, DuplicateTagNameError),
        ({"name": ""}, TagNameError),
        ({"shortcut": "3"}, DuplicateShortcutError),
        ({"color": "blue"}, TagColorError),
        ({"color": "#12"}, TagColorError),
    ],
)
def test_invalid_updates_are_refused_and_nothing_is_written(
    project, persisted_rows, open_project, values, error
) -> None:
    target = project.tags()[0].id
    before = persisted_rows(project)
    project = open_project(create=False)
    with pytest.raises(error):
        project.execute(UpdateTag(target, values))
    assert persisted_rows(project) == before


def test_update_of_an_unknown_tag(project) -> None:
    with pytest.raises(UnknownTagError):
        project.execute(UpdateTag(999, {"name": "x"}))


def test_a_tag_cannot_be_its_own_parent(project) -> None:
    tag = project.tags()[0]
    with pytest.raises(TagCycleError):
        project.execute(UpdateTag(tag.id, {"parent_id": tag.id}))


def test_a_tag_cannot_move_under_its_descendant(project, persisted_rows, open_project) -> None:
    a, b, c, _ = (tag.id for tag in project.tags())
    project.execute(UpdateTag(b, {"parent_id": a}))
    project.execute(UpdateTag(c, {"parent_id": b}))
    before = persisted_rows(project)
    project = open_project(create=False)
    with pytest.raises(TagCycleError):
        project.execute(UpdateTag(a, {"parent_id": c}))
    with pytest.raises(TagCycleError):
        project.execute(UpdateTag(a, {"parent_id": b}))
    assert persisted_rows(project) == before


def test_moving_a_child_back_to_the_top_level(project, reopen) -> None:
    a, b, *_ = (tag.id for tag in project.tags())
    project.execute(UpdateTag(b, {"parent_id": a}))
    applied = project.execute(UpdateTag(b, {"parent_id": None}))
    project = reopen(project)
    assert tag_named(project, "民生").parent_id is None
    project.execute(applied.inverse)
    project = reopen(project)
    assert tag_named(project, "民生").parent_id == a


# DeleteTag and RestoreTag ---------------------------------------------------------------


def test_delete_tag_removes_its_annotations_and_frees_its_children(
    sample_project, open_project, reopen
) -> None:
    a, b, c, d = (tag.id for tag in sample_project.tags())
    sample_project.execute(UpdateTag(b, {"parent_id": a}))
    sample_project.execute(UpdateTag(c, {"parent_id": a}))
    sample_project.execute(
        CreateAnnotations(
            (
                AnnotationSpec(1, a, 46, 52, note="保留"),
                AnnotationSpec(2, a, 49, 60),
                AnnotationSpec(1, d, 125, 130),
            )
        )
    )
    project = reopen(sample_project, annotator="alice")
    tags_before = project.tags()
    annotations_before = project.annotations(1) + project.annotations(2)
    doomed = {x.id for x in annotations_before if x.tag_id == a}
    assert len(doomed) == 2

    deleted = project.execute(DeleteTag(a))
    assert deleted.changes.removed == doomed
    project = reopen(project)
    assert a not in {tag.id for tag in project.tags()}
    assert {tag.parent_id for tag in project.tags()} == {None}
    remaining = project.annotations(1) + project.annotations(2)
    assert [x.tag_id for x in remaining] == [d]

    restored = project.execute(deleted.inverse)
    assert restored.changes.added == doomed
    project = reopen(project, annotator="bob")
    assert project.tags() == tags_before
    assert project.annotations(1) + project.annotations(2) == annotations_before


def test_delete_unknown_tag(project) -> None:
    with pytest.raises(UnknownTagError):
        project.execute(DeleteTag(999))


def test_deleted_tag_name_and_shortcut_can_be_reused(project, reopen) -> None:
    tag = project.tags()[0]
    project.execute(DeleteTag(tag.id))
    project.execute(CreateTag(TagSpec(name=tag.name, color="#000000", shortcut=tag.shortcut)))
    project = reopen(project)
    reused = tag_named(project, tag.name)
    assert reused.id != tag.id  # ids are never handed out twice (AUTOINCREMENT)
    assert reused.shortcut == tag.shortcut


# MoveTag -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "index", "expected"),
    [
        (3, 0, ["城市更新", "产业发展", "民生", "党建"]),
        (0, 3, ["民生", "党建", "城市更新", "产业发展"]),
        (0, 99, ["民生", "党建", "城市更新", "产业发展"]),
        (2, -5, ["党建", "产业发展", "民生", "城市更新"]),
        (1, 1, ["产业发展", "民生", "党建", "城市更新"]),
    ],
)
def test_move_tag_and_its_inverse(project, reopen, source, index, expected) -> None:
    original = names_in_order(project)
    tag_id = project.tags()[source].id
    applied = project.execute(MoveTag(tag_id, index))
    project = reopen(project)
    assert names_in_order(project) == expected
    project.execute(applied.inverse)
    project = reopen(project)
    assert names_in_order(project) == original


def test_move_unknown_tag(project) -> None:
    with pytest.raises(UnknownTagError):
        project.execute(MoveTag(999, 0))


def test_undoing_a_move_then_a_delete_restores_the_original_order(project, reopen) -> None:
    """Undo in reverse order after move, delete, move brings back the order the user saw."""
    tags = {tag.name: tag.id for tag in project.tags()}
    undo_stack = []
    for command in (
        MoveTag(tags["城市更新"], 0),
        DeleteTag(tags["城市更新"]),
        MoveTag(tags["党建"], 0),
    ):
        undo_stack.append((names_in_order(project), project.execute(command).inverse))
    while undo_stack:
        expected, inverse = undo_stack.pop()
        project.execute(inverse)
        project = reopen(project)
        assert names_in_order(project) == expected


# Colours ----------------------------------------------------------------------------------------


def test_normalize_color() -> None:
    assert normalize_color("#AbC") == "#aabbcc"
    assert normalize_color(" #1F77B4 ") == "#1f77b4"
    with pytest.raises(TagColorError) as caught:
        normalize_color("rgb(1,2,3)")
    assert caught.value.params["color"] == "rgb(1,2,3)"


def test_next_color_skips_used_colours_and_cycles() -> None:
    assert next_color([]) == PALETTE[0]
    assert next_color([PALETTE[0].upper(), PALETTE[2]]) == PALETTE[1]
    assert next_color(list(PALETTE)) == PALETTE[0]
    assert next_color([*PALETTE, "#000000"]) == PALETTE[1]


def test_undoing_a_tag_delete_brings_back_its_trigger_words_and_decisions(tmp_path):
    from datetime import UTC, datetime

    from app.editing.history import History
    from app.editing.tag_commands import DeleteTag
    from app.importing.importer import import_text
    from app.project import Project
    from models import SuggestionDecision, TagTrigger

    project = Project.open(tmp_path / "p.fangtan", annotator="编辑")
    import_text(project, "标题\n\n记者：问题？\n\n张三：产业项目投资。\n", "a.txt")
    document = project.documents()[0]
    tag = project.tags()[0]
    with project.writing() as session:
        session.add_all(
            [TagTrigger(tag_id=tag.id, word="项目"), TagTrigger(tag_id=tag.id, word="投资")]
        )
        session.add(
            SuggestionDecision(
                document_id=document.id,
                tag_id=tag.id,
                start=10,
                end=14,
                decision="rejected",
                origin="rule",
                score=0.5,
                annotator="编辑",
                created_at=datetime(2026, 1, 2, tzinfo=UTC),
            )
        )
    history = History(project)
    history.do(DeleteTag(tag.id), "delete")
    with project.reading() as session:
        assert session.query(TagTrigger).count() == 0
        assert session.query(SuggestionDecision).count() == 0
    project.close()
    project = Project.open(tmp_path / "p.fangtan", annotator="编辑")
    History(project).undo()
    with project.reading() as session:
        assert sorted(t.word for t in session.query(TagTrigger).filter_by(tag_id=tag.id)) == [
            "投资",
            "项目",
        ]
        [decision] = session.query(SuggestionDecision).all()
        assert (decision.tag_id, decision.start, decision.end, decision.decision) == (
            tag.id,
            10,
            14,
            "rejected",
        )
        assert decision.created_at == datetime(2026, 1, 2, tzinfo=UTC)
    project.close()
