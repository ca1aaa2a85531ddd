"""Splitting newspaper interview text into interviews, headings and speaker turns."""

from pathlib import Path

import pytest

from app.importing.importer import import_paths
from app.importing.layout import ParsedInterview, parse_interviews
from app.importing.reading import read_source

SERIES = "创新突破 见行动 / 谋发展·话落实·强担当"


def check_turn_offsets(interview: ParsedInterview) -> None:
    """Turns are in order, never overlap, stay inside the text and start with their label."""
    text = interview.text
    previous_end = 0
    for turn in interview.turns:
        assert previous_end <= turn.start <= turn.content_start <= turn.end <= len(text)
        previous_end = turn.end
        if turn.speaker:
            label = text[turn.start : turn.content_start]
            assert label.startswith(turn.speaker)
            assert label[len(turn.speaker)] in ":："
            assert label.rstrip()[-1] in ":："
        else:
            assert turn.content_start == turn.start
        assert text[turn.start : turn.end] == text[turn.start : turn.end].strip()


def kinds_and_speakers(interview: ParsedInterview) -> list[tuple[str, str]]:
    return [(turn.kind, turn.speaker) for turn in interview.turns]


def turn_texts(interview: ParsedInterview) -> list[str]:
    return [interview.text[turn.start : turn.end] for turn in interview.turns]


@pytest.fixture
def sample(sample_path: Path) -> list[ParsedInterview]:
    return parse_interviews(read_source(sample_path), fallback_title=sample_path.stem)


# The sample file -------------------------------------------------------------------


def test_sample_holds_two_interviews_with_their_headers(sample: list[ParsedInterview]) -> None:
    assert [
        (i.title, i.subtitle, i.interviewee, i.interviewee_role, i.reporter, i.series)
        for i in sample
    ] == [
        (
            "奋力打造实力之城品质之城幸福之城",
            "——访泊里镇党委书记刘在军",
            "刘在军",
            "泊里镇党委书记",
            "丁霞",
            SERIES,
        ),
        (
            "加快建设宜居宜业宜游的高品质街道",
            "——访薛家岛街道党工委书记王信卿",
            "王信卿",
            "薛家岛街道党工委书记",
            "丁霞",
            SERIES,
        ),
    ]


@pytest.mark.parametrize(("number", "answerer", "questions"), [(0, "刘在军", 3), (1, "王信卿", 4)])
def test_sample_turns_alternate_question_and_answer(
    sample: list[ParsedInterview], number: int, answerer: str, questions: int
) -> None:
    interview = sample[number]
    assert (
        kinds_and_speakers(interview)
        == [("heading", "")] * 3
        + [
            ("question", "记者"),
            ("answer", answerer),
        ]
        * questions
    )
    headings = turn_texts(interview)[:3]
    assert headings == [interview.title, interview.subtitle, "□本报记者 丁霞"]


def test_sample_turn_offsets_are_consistent(sample: list[ParsedInterview]) -> None:
    for interview in sample:
        check_turn_offsets(interview)
        for turn in interview.turns:
            if turn.speaker:
                assert interview.text[turn.start : turn.content_start] == turn.speaker + ":"


def test_sample_joins_paragraphs_broken_by_page_columns(sample: list[ParsedInterview]) -> None:
    first, second = sample
    assert "实施重点海域综合治理,筑牢蓝色生态屏障" in first.text
    assert "综合\n" not in first.text
    assert "一是船舶海工产业要提质升级。全力推进" in second.text
    assert "提质\n" not in second.text
    # Both joins happen inside one answer turn, not as a turn of their own.
    answer = next(t for t in first.turns if "综合治理,筑牢" in first.text[t.start : t.end])
    assert (answer.kind, answer.speaker) == ("answer", "刘在军")
    assert first.text[answer.start : answer.end].startswith("刘在军:今年,泊里镇将按照")


def test_sample_answers_keep_their_unlabelled_paragraphs(sample: list[ParsedInterview]) -> None:
    first = sample[0]
    last = first.turns[-1]
    words = first.text[last.content_start : last.end]
    assert words.startswith("泊里镇将坚持以人民为中心")
    assert "一是全面推进乡村振兴" in words
    assert words.endswith("作出新的更大贡献。")
    assert last.end == len(first.text)


def test_sample_interviews_do_not_leak_into_each_other(sample: list[ParsedInterview]) -> None:
    first, second = sample
    assert "王信卿" not in first.text
    assert "加快建设宜居宜业" not in first.text
    assert second.text.startswith(
        "加快建设宜居宜业宜游的高品质街道\n\n——访薛家岛街道党工委书记王信卿"
    )
    assert "创新突破 见行动" not in first.text  # the series is metadata, not a turn


def test_sample_import_is_persisted(sample_project, reopen) -> None:
    project = reopen(sample_project)
    documents = project.documents()
    assert [(d.title, d.interviewee, d.interviewee_role) for d in documents] == [
        ("奋力打造实力之城品质之城幸福之城", "刘在军", "泊里镇党委书记"),
        ("加快建设宜居宜业宜游的高品质街道", "王信卿", "薛家岛街道党工委书记"),
    ]
    for summary in documents:
        content = project.document(summary.id)
        assert content.meta.reporter == "丁霞"
        assert content.meta.series == SERIES
        assert content.meta.source_name == "interviews-2023-xihaian.txt"
        assert [turn.index for turn in content.turns] == list(range(len(content.turns)))
        for turn in content.turns:
            if turn.speaker:
                assert content.text[turn.start : turn.content_start] == turn.speaker + ":"


# Small layouts written inline --------------------------------------------------------

FULL_WIDTH = """专访标题

——访某某公司总经理张三

□本报记者 李四

记者：今年公司有什么新计划？

张三：我们将扩大生产，开拓市场。

记者：有什么困难吗？

张三：困难是有的，但是可以克服。
"""


def test_full_width_colons_make_turns() -> None:
    [interview] = parse_interviews(FULL_WIDTH, fallback_title="stem")
    assert (interview.title, interview.interviewee, interview.interviewee_role) == (
        "专访标题",
        "张三",
        "某某公司总经理",
    )
    assert interview.reporter == "李四"
    assert kinds_and_speakers(interview)[3:] == [
        ("question", "记者"),
        ("answer", "张三"),
        ("question", "记者"),
        ("answer", "张三"),
    ]
    check_turn_offsets(interview)
    for turn in interview.turns[3:]:
        assert interview.text[turn.start : turn.content_start] == turn.speaker + "："
    assert turn_texts(interview)[4] == "张三：我们将扩大生产，开拓市场。"


def test_text_without_speaker_labels_becomes_narration() -> None:
    text = "这是一段普通的文字，没有任何说话人。\n\n第二段文字，也没有说话人。\n"
    [interview] = parse_interviews(text, fallback_title="随笔")
    assert interview.title == "随笔"
    assert kinds_and_speakers(interview) == [("narration", ""), ("narration", "")]
    assert turn_texts(interview) == [
        "这是一段普通的文字，没有任何说话人。",
        "第二段文字，也没有说话人。",
    ]
    assert interview.interviewee == ""
    check_turn_offsets(interview)


def test_label_on_its_own_line_owns_the_following_paragraph() -> None:
    text = (
        "标题一行\n\n——访张三\n\n记者：\n你们今年的目标是什么？\n\n张三：\n目标是发展，是进步。\n"
    )
    [interview] = parse_interviews(text, fallback_title="stem")
    assert kinds_and_speakers(interview)[-2:] == [("question", "记者"), ("answer", "张三")]
    question, answer = interview.turns[-2:]
    # The words start on the line after the label: no blank line at the start of a turn's words.
    assert interview.text[question.start : question.content_start] == "记者：\n\n"
    assert interview.text[question.content_start : question.end] == "你们今年的目标是什么？"
    assert interview.text[answer.content_start : answer.end] == "目标是发展，是进步。"
    check_turn_offsets(interview)


def test_title_on_one_line_below_the_series_lines() -> None:
    text = (
        "高端访谈\n\n"
        "聚焦发展·共谋新篇\n\n"
        "把海洋经济做大做强\n\n"
        "——访海洋局局长陈明\n\n"
        "□本报记者 王芳 李强\n\n"
        "记者：今年的重点工作是什么？\n\n"
        "陈明：重点是发展海洋经济。\n"
    )
    [interview] = parse_interviews(text, fallback_title="stem")
    assert interview.title == "把海洋经济做大做强"
    assert interview.series == "高端访谈 / 聚焦发展·共谋新篇"
    assert (interview.interviewee, interview.interviewee_role) == ("陈明", "海洋局局长")
    assert interview.reporter == "王芳、李强"
    assert turn_texts(interview)[0] == "把海洋经济做大做强"


def test_without_title_or_subtitle_the_title_is_the_file_stem() -> None:
    text = (
        "记者：今年有什么打算？\n\n王五：继续努力，做好工作。\n\n记者：谢谢您。\n\n王五：不客气。\n"
    )
    [interview] = parse_interviews(text, fallback_title="2023年 王五访谈")
    assert interview.title == "2023年 王五访谈"
    assert interview.subtitle == ""
    assert interview.interviewee == "王五"  # taken from the answer labels
    assert kinds_and_speakers(interview) == [("question", "记者"), ("answer", "王五")] * 2
    check_turn_offsets(interview)


def test_import_uses_the_file_stem_as_title(project, import_source, reopen) -> None:
    text = "记者：今年有什么打算？\n\n王五：继续努力，做好工作。\n"
    import_source(project, text, name="王五 专访.txt")
    project = reopen(project)
    [summary] = project.documents()
    assert summary.title == "王五 专访"


def test_closing_unlabelled_paragraph_continues_the_answer() -> None:
    text = (
        "标题\n\n——访镇长赵六\n\n"
        "记者：今年的重点是什么？\n\n"
        "赵六：重点是发展产业。\n\n"
        "我们会继续努力，做得更好。\n"
    )
    [interview] = parse_interviews(text, fallback_title="stem")
    assert (interview.interviewee, interview.interviewee_role) == ("赵六", "镇长")
    last = interview.turns[-1]
    assert (last.kind, last.speaker) == ("answer", "赵六")
    assert interview.text[last.start : last.end] == (
        "赵六：重点是发展产业。\n\n我们会继续努力，做得更好。"
    )
    assert last.end == len(interview.text)


def test_heading_before_the_first_question_is_a_heading_turn() -> None:
    text = (
        "导语部分\n\n"
        "这是导语，介绍采访的背景。\n\n"
        "记者：第一个问题？\n\n"
        "张三：第一个回答。\n\n"
        "记者：第二个问题？\n\n"
        "张三：第二个回答。\n"
    )
    [interview] = parse_interviews(text, fallback_title="stem")
    assert interview.title == "导语部分"
    assert kinds_and_speakers(interview) == [
        ("heading", ""),
        ("narration", ""),
        ("question", "记者"),
        ("answer", "张三"),
        ("question", "记者"),
        ("answer", "张三"),
    ]


def test_section_heading_between_an_answer_and_the_next_question_is_a_heading() -> None:
    text = (
        "标题\n\n——访镇长赵六\n\n"
        "记者：今年的重点是什么？\n\n"
        "赵六：重点是发展产业。\n\n"
        "产业篇\n\n"
        "记者：产业方面怎么做？\n\n"
        "赵六：招商引资，培育龙头。\n"
    )
    [interview] = parse_interviews(text, fallback_title="stem")
    texts = turn_texts(interview)
    assert "赵六：重点是发展产业。" in texts
    heading = interview.turns[texts.index("产业篇")]
    assert (heading.kind, heading.speaker) == ("heading", "")


def test_a_line_not_ending_a_sentence_is_joined_with_the_next() -> None:
    text = (
        "标题\n\n——访张三\n\n记者：你们今年的目标\n\n是什么，有哪些具体措施？\n\n"
        "张三：目标是发展，措施很多。\n"
    )
    [interview] = parse_interviews(text, fallback_title="stem")
    assert turn_texts(interview)[-2:] == [
        "记者：你们今年的目标是什么，有哪些具体措施？",
        "张三：目标是发展，措施很多。",
    ]


def test_enumerated_paragraph_is_not_joined_to_the_previous_one() -> None:
    text = (
        "标题\n\n——访张三\n\n记者：怎么做？\n\n张三：主要有两点\n\n一是抓产业。\n\n二是抓民生。\n"
    )
    [interview] = parse_interviews(text, fallback_title="stem")
    answer = interview.turns[-1]
    assert interview.text[answer.start : answer.end] == (
        "张三：主要有两点\n\n一是抓产业。\n\n二是抓民生。"
    )


@pytest.mark.parametrize(
    "encode",
    [
        pytest.param(lambda text: text.replace("\n", "\r\n").encode("utf-8"), id="crlf"),
        pytest.param(lambda text: b"\xef\xbb\xbf" + text.encode("utf-8"), id="utf8-bom"),
        pytest.param(
            lambda text: b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"),
            id="bom-and-crlf",
        ),
        pytest.param(lambda text: text.encode("utf-16"), id="utf16-bom"),
    ],
)
def test_line_endings_and_byte_order_marks_do_not_change_the_result(
    project, write_source, reopen, encode
) -> None:
    plain = write_source("plain.txt", FULL_WIDTH)
    variant = write_source("variant.txt", encode(FULL_WIDTH))
    expected = parse_interviews(read_source(plain), fallback_title="plain")
    report = import_paths(project, [variant])
    assert report.failures == []
    project = reopen(project)
    [summary] = project.documents()
    content = project.document(summary.id)
    assert "\r" not in content.text
    assert "\ufeff" not in content.text
    assert content.text == expected[0].text
    assert content.meta.title == "专访标题"
    assert [(t.kind, t.speaker, t.start, t.content_start, t.end) for t in content.turns] == [
        (t.kind, t.speaker, t.start, t.content_start, t.end) for t in expected[0].turns
    ]


def test_series_is_inherited_by_an_interview_without_its_own() -> None:
    text = (
        "栏目名称\n\n第一篇标题\n\n——访张三\n\n记者：问题一？\n\n张三：回答一。\n\n"
        "第二篇标题\n\n——访李四\n\n记者：问题二？\n\n李四：回答二。\n"
    )
    first, second = parse_interviews(text, fallback_title="stem")
    assert (first.title, first.series) == ("第一篇标题", "栏目名称")
    assert (second.title, second.series) == ("第二篇标题", "栏目名称")
    assert (first.interviewee, second.interviewee) == ("张三", "李四")


def test_whitespace_only_text_has_no_interviews() -> None:
    assert parse_interviews("\n \n\u3000\n", fallback_title="stem") == []


def test_question_and_answer_labels() -> None:
    text = (
        "标题文字\n\n——访市长李雷\n\n"
        "问：今年的目标是什么？\n\n答：目标是发展经济。\n\n"
        "问：具体怎么做？\n\n答：招商引资。\n"
    )
    [interview] = parse_interviews(text, fallback_title="stem")
    assert (interview.interviewee, interview.interviewee_role) == ("李雷", "市长")
    assert kinds_and_speakers(interview)[2:] == [("question", "问"), ("answer", "答")] * 2
    check_turn_offsets(interview)


def test_bracketed_labels_without_colon() -> None:
    text = (
        "标题文字\n\n——访市长李雷\n\n"
        "【记者】今年的目标是什么？\n\n【李雷】目标是发展经济。\n\n"
        "【记者】具体怎么做？\n\n【李雷】招商引资。\n"
    )
    [interview] = parse_interviews(text, fallback_title="stem")
    assert kinds_and_speakers(interview)[2:] == [("question", "记者"), ("answer", "李雷")] * 2
    answer = interview.turns[3]
    assert interview.text[answer.start : answer.content_start] == "【李雷】"
    assert interview.text[answer.content_start : answer.end] == "目标是发展经济。"


def test_content_starts_after_spaces_following_the_colon() -> None:
    text = "标题\n\n——访张三\n\n记者： 你好？\n\n张三：\u3000很好。\n"
    [interview] = parse_interviews(text, fallback_title="stem")
    question, answer = interview.turns[-2:]
    assert interview.text[question.content_start : question.end] == "你好？"
    assert interview.text[answer.content_start : answer.end] == "很好。"
    assert interview.text[question.start : question.content_start] == "记者： "
