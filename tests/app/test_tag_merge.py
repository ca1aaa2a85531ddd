"""Merging a tag into another and splitting annotations off a tag: what is persisted, how
duplicates collapse, and that one undo gives back exactly what was there."""

import pytest
from sqlalchemy import select

from app.editing.codebook_import import ImportCodebook
from app.editing.commands import AnnotationSpec, CreateAnnotations
from app.editing.history import History
from app.editing.tag_commands import CreateTag, TagSpec
from app.editing.tag_merge import MergeTags, MoveAnnotations, SplitTag, joined_note
from app.errors import (
    FangtanError,
    NothingToSplitError,
    SplitIntoSameTagError,
    TagMergedIntoItselfError,
    UnknownAnnotationError,
    UnknownTagError,
)
from app.suggestions.commands import AddTriggerWords, CreateDecisions
from app.team.rejections import CreateRejections, RejectionSpec
from models import GoldRejection, SuggestionDecision, TagTrigger
from tests.app.row_versions import without_versions

pytestmark = pytest.mark.both_backends

TEXT = (
    "街道访谈\n\n——访某街道书记王五\n\n"
    "记者：老旧小区改造进展如何？\n\n"
    "王五：加装电梯和雨污分流都在推进，居民满意度很高。\n"
)


@pytest.fixture
def document(project, import_source) -> int:
    [imported] = import_source(project, TEXT, name="street.txt").imported
    return imported.id


def tag_id(project, name: str) -> int:
    return next(tag.id for tag in project.tags() if tag.name == name)


def state(persisted_rows, project) -> dict[str, list[tuple]]:
    """Everything undo must bring back: every table less row versions, the undo history
    and the people known to the project."""
    rows = without_versions(persisted_rows(project))
    for name in ("history_steps", "annotators"):
        rows.pop(name)
    return rows


def annotate(project, *specs: AnnotationSpec) -> list[int]:
    return sorted(project.execute(CreateAnnotations(specs)).changes.added)


def tag_rows(project, model) -> set[tuple]:
    """(tag id, document, start, end) of every decision or rejected place."""
    with project.reading() as session:
        rows = session.scalars(select(model))
        return {(row.tag_id, row.document_id, row.start, row.end) for row in rows}


def trigger_words(project, tag: int) -> set[str]:
    with project.reading() as session:
        return set(session.scalars(select(TagTrigger.word).where(TagTrigger.tag_id == tag)))


def test_joined_note_adds_a_different_note_once():
    assert joined_note("乙", "甲") == "乙 / 甲"
    assert joined_note("", "甲") == "甲"
    assert joined_note("乙", "") == "乙"
    assert joined_note("乙 / 甲", "甲") == "乙 / 甲"


def test_merge_moves_everything_and_one_undo_restores_exactly(
    project, document, open_project, persisted_rows
):
    source, target = tag_id(project, "民生"), tag_id(project, "党建")
    project.execute(
        ImportCodebook((), ((source, {"use_when": "谈到居民生活", "example": "加装电梯"}),))
    )
    project.execute(CreateTag(TagSpec("电梯", "#17becf", shortcut="8", parent_id=source)))
    child = tag_id(project, "电梯")
    a = AnnotationSpec
    annotate(
        project,
        a(document, source, 30, 34, note="甲"),  # collapses: notes joined
        a(document, target, 30, 34, note="乙"),
        a(document, source, 35, 39),  # collapses: the target's note stays
        a(document, target, 35, 39, note="丙"),
        a(document, source, 40, 44, note="丁"),  # collapses: the target takes the note
        a(document, target, 40, 44),
        a(document, source, 40, 44, note="戊", annotator="alice"),  # another annotator: moves
        a(document, source, 45, 48, note="己"),  # moves
        a(document, target, 20, 24),  # the target's own, untouched
    )
    project.execute(AddTriggerWords(source, ("电梯", "小区")))
    project.execute(AddTriggerWords(target, ("小区",)))
    project.execute(
        CreateDecisions(
            (
                (document, source, 30, 34, "rejected", "rule", 0.5, None, None, None),
                (document, source, 35, 39, "rejected", "rule", 0.5, None, None, None),
                (document, target, 35, 39, "accepted", "model", 0.9, None, None, None),
            )
        )
    )
    project.execute(
        CreateRejections(
            (
                RejectionSpec(document, source, 20, 24),
                RejectionSpec(document, source, 25, 29),
                RejectionSpec(document, target, 25, 29),
            )
        )
    )
    words = trigger_words(project, source) | trigger_words(project, target)
    assert {"电梯", "小区"} <= words
    before = state(persisted_rows, project)

    project = open_project(create=False)
    changes = History(project).do(MergeTags(source, target), "合并")
    assert changes.tags and changes.removed and changes.updated
    after = state(persisted_rows, project)
    project = open_project(create=False)
    tags = {tag.id: tag for tag in project.tags()}
    assert source not in tags
    assert tags[child].parent_id == target
    assert tags[target].usage == 6
    found = sorted(
        (x.start, x.end, x.note, x.annotator, x.tag_id) for x in project.annotations(document)
    )
    assert found == [
        (20, 24, "", "tester", target),
        (30, 34, "乙 / 甲", "tester", target),
        (35, 39, "丙", "tester", target),
        (40, 44, "丁", "tester", target),
        (40, 44, "戊", "alice", target),
        (45, 48, "己", "tester", target),
    ]
    assert trigger_words(project, target) == words
    assert trigger_words(project, source) == set()
    assert tag_rows(project, SuggestionDecision) == {
        (target, document, 30, 34),  # moved
        (target, document, 35, 39),  # the target's own: the source's collapsed into it
    }
    assert tag_rows(project, GoldRejection) == {
        (target, document, 20, 24),
        (target, document, 25, 29),
    }

    for _ in range(2):
        assert History(project).undo() is not None
        assert state(persisted_rows, project) == before
        project = open_project(create=False)
        restored = next(tag for tag in project.tags() if tag.id == source)
        assert (restored.name, restored.use_when, restored.example) == (
            "民生",
            "谈到居民生活",
            "加装电梯",
        )
        assert History(project).redo() is not None
        assert state(persisted_rows, project) == after
        project = open_project(create=False)


@pytest.mark.parametrize("depth", [1, 2], ids=["child", "grandchild"])
def test_merging_into_a_descendant_lifts_its_branch_to_the_merged_tags_place(
    project, document, open_project, persisted_rows, depth
):
    top = tag_id(project, "民生")

    def create(name: str, parent: int) -> int:
        project.execute(CreateTag(TagSpec(name, "#123456", parent_id=parent)))
        return tag_id(project, name)

    source = create("社区", top)
    branch = create("电梯", source)
    target = branch if depth == 1 else create("加装", branch)
    other = create("楼道", source)
    annotate(project, AnnotationSpec(document, source, 30, 34))
    before = state(persisted_rows, project)

    project = open_project(create=False)
    History(project).do(MergeTags(source, target), "合并")
    project = open_project(create=False)
    parents = {tag.id: tag.parent_id for tag in project.tags()}
    assert source not in parents
    assert parents[branch] == top  # the branch takes the place of the merged tag
    assert parents[other] == target
    assert parents[target] == (top if depth == 1 else branch)
    assert [x.tag_id for x in project.annotations(document)] == [target]

    History(project).undo()
    assert state(persisted_rows, project) == before


def test_split_to_a_new_tag_is_one_step_that_undoes_and_redoes(
    project, document, open_project, persisted_rows
):
    source = tag_id(project, "民生")
    first, second, third = annotate(
        project,
        AnnotationSpec(document, source, 30, 34, note="一"),
        AnnotationSpec(document, source, 35, 39),
        AnnotationSpec(document, source, 40, 44, annotator="alice"),
    )
    before = state(persisted_rows, project)

    project = open_project(create=False)
    command = SplitTag(source, (first, third), new_tag=TagSpec("电梯", "#17becf"))
    History(project).do(command, "拆分")
    after = state(persisted_rows, project)
    project = open_project(create=False)
    new = tag_id(project, "电梯")
    by_id = {x.id: x for x in project.annotations(document)}
    assert {i: by_id[i].tag_id for i in (first, second, third)} == {
        first: new,
        second: source,
        third: new,
    }
    assert (by_id[first].note, by_id[third].annotator) == ("一", "alice")

    for _ in range(2):
        History(project).undo()
        assert state(persisted_rows, project) == before
        project = open_project(create=False)
        History(project).redo()
        assert state(persisted_rows, project) == after
        project = open_project(create=False)


def test_split_to_an_existing_tag_collapses_duplicates(
    project, document, open_project, persisted_rows
):
    source, target = tag_id(project, "民生"), tag_id(project, "党建")
    first, _, _ = annotate(
        project,
        AnnotationSpec(document, source, 30, 34, note="一"),
        AnnotationSpec(document, target, 30, 34, note="二"),
        AnnotationSpec(document, source, 35, 39),
    )
    before = state(persisted_rows, project)
    project = open_project(create=False)
    History(project).do(SplitTag(source, (first,), target_id=target), "拆分")
    project = open_project(create=False)
    found = sorted((x.start, x.tag_id, x.note) for x in project.annotations(document))
    assert found == [(30, target, "二 / 一"), (35, source, "")]
    History(project).undo()
    assert state(persisted_rows, project) == before


@pytest.mark.parametrize(
    "make, error",
    [
        (lambda s, t, a: MergeTags(s, s), TagMergedIntoItselfError),
        (lambda s, t, a: MergeTags(s, 999), UnknownTagError),
        (lambda s, t, a: MergeTags(999, t), UnknownTagError),
        (lambda s, t, a: SplitTag(s, (), target_id=t), NothingToSplitError),
        (lambda s, t, a: SplitTag(s, (a,), target_id=s), SplitIntoSameTagError),
        (lambda s, t, a: SplitTag(s, (a, 999), target_id=t), UnknownAnnotationError),
        (lambda s, t, a: SplitTag(t, (a,), target_id=s), UnknownAnnotationError),
        (lambda s, t, a: SplitTag(s, (a,), new_tag=TagSpec("党建", "#000")), FangtanError),
        (lambda s, t, a: MoveAnnotations((a,), 999), UnknownTagError),
    ],
    ids=[
        "merge-into-itself",
        "unknown-target",
        "unknown-source",
        "nothing-chosen",
        "split-to-itself",
        "unknown-annotation",
        "not-of-the-tag",
        "name-taken",
        "move-to-unknown-tag",
    ],
)
def test_refused_merges_and_splits_change_nothing(
    project, document, open_project, persisted_rows, make, error
):
    source, target = tag_id(project, "民生"), tag_id(project, "党建")
    [annotation] = annotate(project, AnnotationSpec(document, source, 30, 34, note="一"))
    before = persisted_rows(project)
    project = open_project(create=False)
    with pytest.raises(error) as raised:
        History(project).do(make(source, target, annotation), "步骤")
    assert "\n" not in str(raised.value) and str(raised.value)
    assert persisted_rows(project) == before
