"""Each annotator's work in the overview: done, in progress, assigned, untouched."""

import pytest

from app.statistics import overview
from app.statistics.progress import WorkCounts
from app.team.assignments import assign, mark
from tests.app.test_statistics import two_interviews

pytestmark = pytest.mark.both_backends


def work(project) -> dict[str, tuple[int, int, int, int]]:
    return {
        name: (counts.done, counts.in_progress, counts.assigned, counts.untouched)
        for name, counts in overview(project).progress.work.items()
    }


def test_each_annotators_documents_by_how_far_they_are(project, reopen) -> None:
    two_interviews(project)
    project = reopen(project)
    assert work(project) == {"tester": (0, 1, 0, 1), "李编辑": (0, 1, 0, 1)}
    project.execute(assign((1, 2), ("李编辑", "赵编辑")))
    project.execute(mark(2, "李编辑", done=True))
    project.execute(mark(1, "tester", done=True))
    project = reopen(project)
    assert work(project) == {
        "tester": (1, 0, 0, 1),
        "李编辑": (1, 0, 1, 0),
        "赵编辑": (0, 0, 2, 0),
    }
    counts = overview(project).progress.work
    assert all(value.total == 2 for value in counts.values())


def test_nobody_has_work_in_an_empty_project(project) -> None:
    assert overview(project).progress.work == {}
    assert WorkCounts().total == 0
