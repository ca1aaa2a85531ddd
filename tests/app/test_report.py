"""File ▸ Export Report…'s page (app.exchange.report): highlights at the right code
points, overlaps, escaping, footnotes in order, the summaries counted by hand, and the
file written whole or not at all."""

import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from app.editing.commands import AnnotationSpec, CreateAnnotations
from app.editing.tag_commands import CreateTag, TagSpec
from app.exchange.report import (
    ReportLabels,
    ReportTargetError,
    build_report,
    read_interviews,
    write_html_report,
)
from app.exchange.report_counts import TagCount, selection_summary
from app.exchange.report_text import contrast_with_black, light_color
from app.project import Project

INTERVIEW = """城市记忆

记者：您<还>记得老城区的样子吗？

王大爷：记得。𠮷祥巷是我长大的地方，A&B两家铺子都在。
后来拆了，我们搬到新区。

记者：现在的生活怎么样？

王大爷：挺好，就是想念老邻居。
"""
SECOND = """新区生活

记者：搬来以后习惯吗？

李阿姨：刚开始不习惯，现在喜欢这里的公园。
"""
COLORS = {"记忆": "#1f77b4", "搬迁": "#d62728", "邻里": "#2ca02c"}


def make_tags(project: Project) -> dict[str, int]:
    for name, color in COLORS.items():
        project.execute(CreateTag(TagSpec(name, color)))
    return {tag.name: tag.id for tag in project.tags() if tag.name in COLORS}


def at(text: str, passage: str) -> tuple[int, int]:
    start = text.index(passage)
    return start, start + len(passage)


@pytest.fixture
def coded(project: Project, import_source) -> tuple[Project, int, str, dict[str, int]]:
    """One interview with five annotations: two overlapping, three with notes (made in an
    order other than the text's), one by another annotator."""
    import_source(project, INTERVIEW)
    document_id = project.documents()[0].id
    text = project.document(document_id).text
    tags = make_tags(project)

    def spec(tag: str, passage: str, note: str = "", annotator: str | None = None):
        return AnnotationSpec(document_id, tags[tag], *at(text, passage), note, annotator=annotator)

    project.execute(
        CreateAnnotations(
            (
                spec("搬迁", "后来拆了，我们搬到新区", "搬迁那年"),
                spec("记忆", "祥巷是我长大的地方", "老地名 <祥巷> & 旧事"),
                spec("记忆", "老城区", "问题里的<地名>"),
                spec("邻里", "想念老邻居", annotator="other"),
                spec("搬迁", "长大的地方，A&B两家"),
            )
        )
    )
    return project, document_id, text, tags


def test_highlights_sit_at_code_points_after_an_astral_character(coded):
    project, document_id, _text, _tags = coded
    page = build_report(project, [document_id])
    blue = light_color("#1f77b4")
    assert "<b>王大爷：</b>记得。𠮷" + f'<span style="background-color:{blue};"' in page
    assert re.search(r">祥巷是我</span>", page)
    assert "<b>记者：</b>" in page  # speaker labels in bold


def test_overlaps_take_the_innermost_colour_and_underline_the_other_tag(coded):
    project, document_id, _text, _tags = coded
    page = build_report(project, [document_id])
    blue, red = light_color("#1f77b4"), light_color("#d62728")
    both = re.search(r'<span style="([^"]*)" title="记忆、搬迁">长大的地方</span>', page)
    assert both is not None
    assert f"background-color:{blue};" in both.group(1)
    assert "text-decoration: underline; text-decoration-color:#d62728;" in both.group(1)
    assert f'<span style="background-color:{red};" title="搬迁">，A&amp;B两家</span>' in page


def test_three_tags_over_a_piece_give_a_wavy_line_and_a_tie_goes_to_the_latest(
    project, import_source
):
    import_source(project, INTERVIEW)
    document_id = project.documents()[0].id
    text = project.document(document_id).text
    tags = make_tags(project)
    earlier = datetime(2024, 1, 1, tzinfo=UTC)

    def spec(tag: str, passage: str, when: datetime) -> AnnotationSpec:
        return AnnotationSpec(document_id, tags[tag], *at(text, passage), created_at=when)

    project.execute(
        CreateAnnotations(
            (
                spec("记忆", "祥巷是我长大的地方", earlier),
                spec("搬迁", "长大的地方，A&B两家", earlier),
                spec("邻里", "我长大", earlier),
                spec("邻里", "挺好", earlier),
                spec("搬迁", "挺好", earlier + timedelta(days=1)),
            )
        )
    )
    page = build_report(project, [document_id])
    three = re.search(r'<span style="([^"]*)" title="邻里、记忆、搬迁">长大</span>', page)
    assert three is not None
    assert f"background-color:{light_color('#2ca02c')};" in three.group(1)
    assert "text-decoration-style: wavy; text-decoration-color:#1f77b4;" in three.group(1)
    assert "text-underline-style: wave" in three.group(1)
    tie = re.search(r'<span style="background-color:([^;]*);[^"]*" title="搬迁、邻里">挺好', page)
    assert tie is not None and tie.group(1) == light_color("#d62728")


def test_text_and_notes_are_escaped(coded):
    project, document_id, _text, _tags = coded
    page = build_report(project, [document_id])
    assert "您&lt;还&gt;记得" in page
    assert "A&amp;B" in page
    assert "老地名 &lt;祥巷&gt; &amp; 旧事" in page
    assert "<还>" not in page and "<祥巷>" not in page and "<地名>" not in page


def test_footnotes_are_numbered_in_the_order_of_their_markers(coded):
    project, document_id, _text, _tags = coded
    page = build_report(project, [document_id])
    markers = re.findall(r'<a class="marker" href="#note-\d+-(\d+)">(\d+)</a>', page)
    assert markers == [("1", "1"), ("2", "2"), ("3", "3")]
    # Each marker follows its passage: the question's 老城区, then the two in the answer.
    assert re.search(r">老城区</span><sup><a class=\"marker\"[^>]*>1</a>", page)
    assert re.search(r">长大的地方</span><sup><a class=\"marker\"[^>]*>2</a>", page)
    assert re.search(r">后来拆了，我们搬到新区</span><sup><a class=\"marker\"[^>]*>3</a>", page)
    notes = re.findall(r'<p class="note"><a name="note-\d+-(\d+)"></a><b>\d+\.</b> (.*?)</p>', page)
    assert [number for number, _ in notes] == ["1", "2", "3"]
    assert "「老城区」" in notes[0][1] and "问题里的&lt;地名&gt;" in notes[0][1]
    assert "「祥巷是我长大的地方」" in notes[1][1] and "tester" in notes[1][1]
    assert "「后来拆了，我们搬到新区」" in notes[2][1] and "搬迁那年" in notes[2][1]


def rows(page: str, heading: str) -> list[list[str]]:
    """The cells of the summary table that follows ``heading``."""
    after = page[page.index(heading) :]
    table = after[: after.index("</table>")]
    return [
        [
            re.sub(r"<[^>]+>|&nbsp;", "", cell).strip()
            for cell in re.findall(r"<td[^>]*>(.*?)</td>", row)
        ]
        for row in re.findall(r"<tr>(.*?)</tr>", table)
        if "<td" in row
    ]


def test_the_summary_counts_characters_once_and_answer_text_only(coded):
    project, document_id, _text, tags = coded
    # Answer text: 记得。𠮷祥巷是我长大的地方，A&B两家铺子都在。\n\n后来拆了，我们搬到新区。 (38)
    # and 挺好，就是想念老邻居。 (11): 49 characters.
    interviews, used = read_interviews(project, [document_id], project.tags())
    assert [tag.name for tag in used] == ["记忆", "搬迁", "邻里"]
    assert interviews[0].summary == (
        TagCount(tags["记忆"], 2, 9 + 3, 9, 49),  # 老城区 is in a question
        TagCount(tags["搬迁"], 2, 11 + 11, 22, 49),
        TagCount(tags["邻里"], 1, 5, 5, 49),
        # 祥巷是我长大的地方 and 长大的地方，A&B两家 join into 15 characters.
        TagCount(None, 5, 15 + 11 + 3 + 5, 15 + 11 + 5, 49),
    )
    page = build_report(project, [document_id])
    assert rows(page, "Summary by tag") == [
        ["记忆", "2", "12", "18.4%"],
        ["搬迁", "2", "22", "44.9%"],
        ["邻里", "1", "5", "10.2%"],
        ["All tags", "5", "34", "63.3%"],
    ]
    assert "Answer text: 49 characters." in page


def test_only_the_chosen_annotators_layers(coded):
    project, document_id, _text, _tags = coded
    page = build_report(project, [document_id], annotators={"tester"})
    assert "想念老邻居" in page and 'title="邻里"' not in page
    assert rows(page, "Summary by tag")[-1] == ["All tags", "4", "29", "53.1%"]
    assert "Annotations of tester" in page


def test_a_selection_has_a_legend_each_interview_and_their_sum(coded, import_source):
    project, first, _text, tags = coded
    import_source(project, SECOND, name="second.txt")
    second = next(d.id for d in project.documents() if d.id != first)
    text = project.document(second).text
    project.execute(
        CreateAnnotations((AnnotationSpec(second, tags["邻里"], *at(text, "喜欢这里的公园")),))
    )
    page = build_report(project, [second, first], made_on=datetime(2025, 3, 1).date())
    assert page.index("新区生活") < page.index("城市记忆")
    assert "Interviews: 2 · Annotations of everyone · Made on 2025-03-01" in page
    legend = page[page.index("<h2>Legend</h2>") : page.index('<p class="about">Where')]
    assert [name for name in COLORS if name in legend] == ["记忆", "搬迁", "邻里"]
    assert 'style="page-break-before: always;">城市记忆</h2>' in page
    # 刚开始不习惯，现在喜欢这里的公园。 is 17 answer characters: 66 in all.
    assert rows(page, "Summary of all interviews") == [
        ["记忆", "2", "12", "13.6%"],
        ["搬迁", "2", "22", "33.3%"],
        ["邻里", "2", "12", "18.2%"],
        ["All tags", "6", "41", "57.6%"],
    ]
    summaries = [
        interview.summary for interview in read_interviews(project, [first], project.tags())[0]
    ]
    assert selection_summary(summaries, project.tags()) == summaries[0]


def test_labels_come_translated():
    labels = ReportLabels().translated(lambda text: "《" + text + "》")
    assert labels.legend == "《Legend》" and labels.interviews == "《Interviews: {count}》"


@pytest.mark.parametrize("color", ["#000080", "#1f77b4", "#ffff00", "#111111", "not a colour"])
def test_tints_keep_black_text_readable(color):
    tint = light_color(color)
    rgb = tuple(int(tint[i : i + 2], 16) for i in (1, 3, 5))
    assert contrast_with_black(rgb) >= 7.0


def test_the_page_is_written_whole_in_utf8_over_an_older_one(coded, tmp_path):
    project, document_id, _text, _tags = coded
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "报告.html"
    target.write_text("an older report", encoding="utf-8")
    write_html_report(project, [document_id], target)
    written = target.read_text(encoding="utf-8")
    assert written.startswith("<!DOCTYPE html>") and "记得。𠮷<span" in written
    assert written.count("</html>") == 1
    assert [path.name for path in folder.iterdir()] == ["报告.html"]


@pytest.mark.parametrize("where", ["missing folder", "a folder"])
def test_an_unwritable_path_is_one_line_and_leaves_no_file(coded, tmp_path, where):
    project, document_id, _text, _tags = coded
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "nowhere" / "r.html" if where == "missing folder" else folder
    with pytest.raises(ReportTargetError) as caught:
        write_html_report(project, [document_id], target)
    message = str(caught.value)
    assert "\n" not in message and str(target) in message
    assert message.startswith("Cannot write the report")
    assert list(folder.iterdir()) == []
    assert not Path(folder / "nowhere").exists()
