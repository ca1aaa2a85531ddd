"""A tag's guideline reaches the window: the tags read from a project carry it."""

import pytest

from app.dto import TagInfo
from app.editing.codebook_import import ImportCodebook

pytestmark = pytest.mark.both_backends

GUIDELINE = {
    "description": "政府为改善居民生活所做的工作",
    "use_when": "讲到就业、养老、医疗、住房\n或者“15分钟生活圈”",
    "avoid_when": "只讲产值、投资的段落 <用“产业发展”>",
    "example": "新建3所养老服务中心",
}


def test_tags_read_carry_the_stored_guideline(project, reopen) -> None:
    livelihood = next(tag for tag in project.tags() if tag.name == "民生")
    project.execute(ImportCodebook((), ((livelihood.id, GUIDELINE),)))
    project = reopen(project)
    tags = {tag.id: tag for tag in project.tags()}
    stored = tags[livelihood.id]
    assert {name: getattr(stored, name) for name in GUIDELINE} == GUIDELINE
    others = [tag for tag in tags.values() if tag.id != livelihood.id]
    assert others and all((t.use_when, t.avoid_when, t.example) == ("", "", "") for t in others)


def test_a_tag_built_without_a_guideline_has_an_empty_one() -> None:
    tag = TagInfo(1, "党建", "#d62728", "3", "", None, 0)
    assert (tag.use_when, tag.avoid_when, tag.example) == ("", "", "")
