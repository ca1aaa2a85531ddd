"""Annotations per tag per month of publication, against hand counts."""

import tempfile
from datetime import date
from pathlib import Path

import pytest

from app.editing.commands import AnnotationSpec, CreateAnnotations
from app.editing.document_commands import UpdateDocument
from app.importing.importer import import_paths
from app.project import Project
from app.statistics.timeline import frequencies_over_time, month_range
from tests.app.test_statistics import two_interviews

pytestmark = pytest.mark.both_backends

THIRD = """乡镇访谈三

——访西岭村支部书记赵强

记者:村里的路修好了吗?

赵强:修好了,还装了路灯。
"""


def three_interviews(project: Project) -> dict[str, int]:
    """The two interviews of the overview tests (1 undated: 民生 ×3, 产业发展 ×2;
    2 of 2023-03-15: 党建 ×2, 民生 ×1) and a third of 2023-05-02: 产业发展 ×2, 党建 ×1."""
    tags = two_interviews(project)
    folder = Path(tempfile.mkdtemp(prefix="fangtan-interviews-"))
    (folder / "3.txt").write_text(THIRD, encoding="utf-8")
    report = import_paths(project, [folder / "3.txt"])
    assert [document.id for document in report.imported] == [3]
    project.execute(UpdateDocument(3, {"published_on": date(2023, 5, 2)}))
    project.execute(
        CreateAnnotations(
            (
                AnnotationSpec(3, tags["产业发展"], 30, 34),
                AnnotationSpec(3, tags["产业发展"], 40, 44),
                AnnotationSpec(3, tags["党建"], 41, 45),
            )
        )
    )
    return tags


def test_counts_per_month_match_hand_counts(project, reopen) -> None:
    tags = three_interviews(project)
    timeline = frequencies_over_time(reopen(project))

    assert [tag.name for tag in timeline.tags] == ["产业发展", "民生", "党建", "城市更新"]
    assert all(tag.color.startswith("#") for tag in timeline.tags)
    assert timeline.months == ("2023-03", "2023-04", "2023-05")
    assert timeline.counts == {
        tags["产业发展"]: (0, 0, 2),
        tags["民生"]: (1, 0, 0),
        tags["党建"]: (2, 0, 1),
        tags["城市更新"]: (0, 0, 0),
    }
    assert timeline.undated == 1
    assert timeline.undated_annotations == 5
    assert timeline.total() == 6


def test_a_project_without_dates_has_no_months(project) -> None:
    two_interviews(project)
    project.execute(UpdateDocument(2, {"published_on": None}))
    timeline = frequencies_over_time(project)

    assert timeline.months == ()
    assert set(timeline.counts.values()) == {()}
    assert timeline.undated == 2
    assert timeline.undated_annotations == 8


def test_month_range_crosses_the_year() -> None:
    assert month_range("2022-11", "2023-02") == ("2022-11", "2022-12", "2023-01", "2023-02")
    assert month_range("2023-04", "2023-04") == ("2023-04",)
