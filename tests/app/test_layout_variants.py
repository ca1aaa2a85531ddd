"""The interview layouts editors actually receive, beyond the sample's 记者:/name form."""

import pytest

from app.importing.in_place import turns_in_place
from app.importing.layout import parse_interviews


def turns(text, **options):
    [interview] = parse_interviews(text, fallback_title="stem", **options)
    for turn in interview.turns:  # offsets are consistent with the rebuilt text
        assert 0 <= turn.start <= turn.content_start <= turn.end <= len(interview.text)
    return interview, [
        (turn.kind, turn.speaker, interview.text[turn.content_start : turn.end])
        for turn in interview.turns
        if turn.kind != "heading"
    ]


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        ("问：", "答："),
        ("问:", "答:"),
        ("问： ", "答： "),
        ("Q: ", "A: "),
        ("Q：", "A："),
        ("【问】", "【答】"),
    ],
)
def test_question_and_answer_labels(question, answer):
    text = f"标题\n\n{question}今年的重点是什么？\n\n{answer}重点是产业。\n\n{question}还有呢？\n\n{answer}还有民生。\n"
    _, found = turns(text)
    assert [(kind, words) for kind, _, words in found] == [
        ("question", "今年的重点是什么？"),
        ("answer", "重点是产业。"),
        ("question", "还有呢？"),
        ("answer", "还有民生。"),
    ]


def test_host_labelled_as_such_asks():
    text = "对话\n\n主持人：欢迎您。请谈谈城市更新？\n\n王信卿：城市更新是重点。\n\n主持人：怎么做？\n\n王信卿：分三步走。\n"
    interview, found = turns(text)
    assert [(kind, who) for kind, who, _ in found] == [
        ("question", "主持人"),
        ("answer", "王信卿"),
        ("question", "主持人"),
        ("answer", "王信卿"),
    ]
    assert interview.interviewee == "王信卿"


def test_named_host_is_recognised_by_asking():
    text = "城市更新怎么做\n\n张明：欢迎。请谈谈城市更新？\n\n王信卿：谢谢。城市更新是重点。\n\n张明：具体怎么做？\n\n王信卿：分三步走。\n"
    interview, found = turns(text)
    assert [(kind, who) for kind, who, _ in found] == [
        ("question", "张明"),
        ("answer", "王信卿"),
        ("question", "张明"),
        ("answer", "王信卿"),
    ]
    assert interview.interviewee == "王信卿"


def test_named_host_on_a_host_line():
    text = "圆桌\n\n主持人：李华\n\n李华：各位好。\n\n王五：大家好。\n\n李华：说说产业。\n\n王五：产业很好。\n"
    interview, found = turns(text)
    assert [(kind, who) for kind, who, _ in found if who] == [
        ("question", "李华"),
        ("answer", "王五"),
        ("question", "李华"),
        ("answer", "王五"),
    ]
    assert (interview.title, interview.series) == ("圆桌", "")


HOST_LINES = [
    "主持人：张明",
    "主持人:张明",
    "主持人 张明",
    "主持人：张明（本报记者）",
    "【主持人】张明",
    "主持人：本报记者 张明",
]


def headings(interview):
    return [
        interview.text[turn.start : turn.end] for turn in interview.turns if turn.kind == "heading"
    ]


@pytest.mark.parametrize("host_line", HOST_LINES)
@pytest.mark.parametrize(
    "header",
    [
        "对话城市更新\n——访某区住建局局长李四\n{host}\n",
        "对话城市更新\n\n——访某区住建局局长李四\n\n□本报记者 丁霞\n\n{host}\n\n",
        "对话城市更新\n\n{host}\n\n——访某区住建局局长李四\n\n",
        "对话城市更新\n{host}\n",
    ],
    ids=["after-subtitle", "after-byline", "above-subtitle", "no-subtitle"],
)
def test_host_line_in_the_header_names_the_host(header, host_line):
    text = header.format(host=host_line) + "张明：第一个问题是什么？\n李四：回答……\n"
    interview, found = turns(text)
    assert (interview.title, interview.series) == ("对话城市更新", "")
    assert host_line in headings(interview)  # kept in the text, as a header line
    assert found == [
        ("question", "张明", "第一个问题是什么？"),
        ("answer", "李四", "回答……"),
    ]
    assert interview.interviewee == "李四"


def test_host_line_between_title_and_subtitle_leaves_the_series_alone():
    text = (
        "高端访谈\n\n对话城市更新\n\n主持人：张明\n\n——访某区住建局局长李四\n\n"
        "张明：第一个问题？\n\n李四：第一个回答。\n\n张明：第二个问题？\n\n李四：第二个回答。\n"
    )
    interview, found = turns(text)
    assert (interview.title, interview.series) == ("对话城市更新", "高端访谈")
    assert (interview.interviewee, interview.interviewee_role) == ("李四", "某区住建局局长")
    assert headings(interview) == ["对话城市更新", "主持人：张明", "——访某区住建局局长李四"]
    assert [(kind, who) for kind, who, _ in found] == [
        ("question", "张明"),
        ("answer", "李四"),
    ] * 2


def test_named_host_whose_questions_are_labelled_host():
    text = (
        "对话城市更新\n\n主持人：张明（本报记者）\n\n主持人：今年的重点是什么？\n\n"
        "李四：重点是旧改。\n\n主持人：明年呢？\n\n李四：继续推进。\n"
    )
    interview, found = turns(text)
    assert interview.title == "对话城市更新"
    assert headings(interview) == ["对话城市更新", "主持人：张明（本报记者）"]
    assert [(kind, who) for kind, who, _ in found] == [
        ("question", "主持人"),
        ("answer", "李四"),
    ] * 2


def test_host_line_naming_two_hosts():
    text = (
        "圆桌\n\n主持人：张明、李华\n\n张明：各位好，先谈产业？\n\n王五：产业很好。\n\n"
        "李华：民生呢？\n\n王五：民生也好。\n"
    )
    interview, found = turns(text)
    assert interview.title == "圆桌"
    assert [(kind, who) for kind, who, _ in found] == [
        ("question", "张明"),
        ("answer", "王五"),
        ("question", "李华"),
        ("answer", "王五"),
    ]


@pytest.mark.parametrize("question", ["请谈谈城市更新？", "请谈谈……？", "请问"])
def test_host_label_carrying_a_question_stays_a_question_turn(question):
    text = (
        f"对话城市更新\n\n——访某区住建局局长李四\n\n主持人：{question}\n\n"
        "李四：城市更新是重点。\n\n主持人：谢谢\n\n李四：不客气。\n"
    )
    interview, found = turns(text)
    assert interview.title == "对话城市更新"
    assert found == [
        ("question", "主持人", question),
        ("answer", "李四", "城市更新是重点。"),
        ("question", "主持人", "谢谢"),  # between turns: a question, not a host line
        ("answer", "李四", "不客气。"),
    ]


def test_short_forms_of_the_interviewee_are_the_same_speaker():
    text = (
        "标题\n\n——访薛家岛街道党工委书记王信卿\n\n记者：第一个问题？\n\n王信卿：第一个回答。\n\n"
        "记者：第二个问题？\n\n王：第二个回答。\n\n记者：第三？\n\n王书记：第三个回答。\n"
    )
    interview, found = turns(text)
    assert {who for kind, who, _ in found if kind == "answer"} == {"王信卿"}
    assert (interview.interviewee, interview.interviewee_role) == ("王信卿", "薛家岛街道党工委书记")
    assert "王：第二个回答。" in interview.text  # the text keeps what was written


def test_traditional_characters():
    text = "標題\n\n——訪某局局長陳大文\n\n□本報記者 李明\n\n記者：問題一？\n\n陳大文：回答一。\n\n記者：問題二？\n\n陳大文：回答二。\n"
    interview, found = turns(text)
    assert [(kind, who) for kind, who, _ in found] == [
        ("question", "記者"),
        ("answer", "陳大文"),
        ("question", "記者"),
        ("answer", "陳大文"),
    ]
    assert (interview.interviewee, interview.interviewee_role, interview.reporter) == (
        "陳大文",
        "某局局長",
        "李明",
    )


def test_full_width_indentation_and_no_blank_lines():
    text = "标题\n\u3000\u3000记者：问题一？\n\u3000\u3000张三：回答一。\n\u3000\u3000记者：问题二？\n\u3000\u3000张三：回答二。\n"
    interview, found = turns(text)
    assert [(kind, who, words) for kind, who, words in found][:2] == [
        ("question", "记者", "问题一？"),
        ("answer", "张三", "回答一。"),
    ]
    assert "\u3000" not in interview.text


def test_numbered_questions_without_labels():
    text = "标题\n\n——访某镇镇长李四\n\n1.今年的目标是什么？\n\n目标是发展。\n\n还要惠民。\n\n2.明年呢？\n\n明年继续。\n"
    _, found = turns(text)
    assert found == [
        ("question", "", "1.今年的目标是什么？"),
        ("answer", "李四", "目标是发展。\n\n还要惠民。"),
        ("question", "", "2.明年呢？"),
        ("answer", "李四", "明年继续。"),
    ]


def test_chinese_numbered_questions_with_a_reporter():
    text = "标题\n\n□本报记者 丁霞\n\n一、如何看待产业？\n\n产业很重要。\n\n二、民生呢？\n\n民生也重要。\n"
    _, found = turns(text)
    assert [(kind, who) for kind, who, _ in found] == [
        ("question", "记者"),
        ("answer", ""),
        ("question", "记者"),
        ("answer", ""),
    ]


def test_bracketed_labels():
    text = (
        "标题\n\n【记者】问题一？\n\n【张三】回答一。\n\n［记者］问题二？\n\n［张三］：回答二。\n"
    )
    _, found = turns(text)
    assert found == [
        ("question", "记者", "问题一？"),
        ("answer", "张三", "回答一。"),
        ("question", "记者", "问题二？"),
        ("answer", "张三", "回答二。"),
    ]


def test_transcript_time_stamps_are_kept():
    text = "访谈录音整理\n\n[00:00:05] 主持人：欢迎。\n\n[00:00:12] 张三：谢谢。\n\n(00:12:31) 主持人：第二个问题？\n\n00:13:02 张三：回答。\n"
    interview, found = turns(text)
    assert [turn.timestamp for turn in interview.turns if turn.kind != "heading"] == [
        "00:00:05",
        "00:00:12",
        "00:12:31",
        "00:13:02",
    ]
    assert [(kind, who, words) for kind, who, words in found] == [
        ("question", "主持人", "欢迎。"),
        ("answer", "张三", "谢谢。"),
        ("question", "主持人", "第二个问题？"),
        ("answer", "张三", "回答。"),
    ]
    assert "[00:00:05] 主持人：欢迎。" in interview.text


def test_plain_article_is_one_narration_turn_per_paragraph():
    text = "一篇普通文章的标题\n\n第一段正文，没有说话人。\n\n第二段正文，也没有。\n"
    _, found = turns(text)
    assert found == [
        ("narration", "", "第一段正文，没有说话人。"),
        ("narration", "", "第二段正文，也没有。"),
    ]


def test_heading_after_the_byline_is_kept_not_dropped():
    text = "标题\n\n——访某镇镇长李四\n\n□本报记者 丁霞\n\n编者按\n\n记者：问题？\n\n李四：回答。\n"
    interview, _ = turns(text)
    assert "编者按" in interview.text


def test_one_interview_per_file_keeps_later_headers_in_the_text():
    text = (
        "第一篇标题\n\n——访甲\n\n记者：问？\n\n甲：答。\n\n"
        "第二篇标题\n\n——访乙\n\n记者：问？\n\n乙：答。\n"
    )
    assert len(parse_interviews(text, "stem")) == 2
    [whole] = parse_interviews(text, "stem", split=False)
    assert whole.title == "第一篇标题"
    assert "第二篇标题" in whole.text and "乙：答。" in whole.text


def test_no_line_of_the_file_is_lost():
    text = (
        "栏目\n\n标题一\n标题二\n\n——访某镇镇长李四\n\n□本报记者 丁霞\n\n一、产业篇\n\n"
        "记者：问题？\n\n李四：回答。\n\n谢谢！\n\n记者：再问？\n\n李四：再答。\n"
    )
    [interview] = parse_interviews(text, "stem")
    for line in text.split("\n"):
        if line.strip() and line not in ("栏目", "标题一", "标题二"):
            assert line.strip() in interview.text
    assert interview.series == "栏目"
    assert interview.title == "标题一标题二"


def test_turns_in_place_host_line_is_narration_and_the_host_asks():
    text = "对话城市更新\n主持人：张明\n张明：第一个问题？\n李四：第一个回答。\n张明：再问一句。\n李四：再答。"
    found = turns_in_place(text)
    assert [(t.kind, t.speaker, text[t.start : t.end]) for t in found[:2]] == [
        ("narration", "", "对话城市更新"),
        ("narration", "", "主持人：张明"),
    ]
    assert [(t.kind, t.speaker) for t in found[2:]] == [
        ("question", "张明"),
        ("answer", "李四"),
    ] * 2


def test_turns_in_place_never_changes_offsets():
    text = "标题\n\n记者：问题一？\n\n[00:01:02] 王：回答一。\n补充。\n\n记者：问题二？\n\n王信卿：回答二。"
    found = turns_in_place(text)
    assert [(t.kind, t.speaker, t.timestamp) for t in found] == [
        ("narration", "", ""),
        ("question", "记者", ""),
        ("answer", "王信卿", "00:01:02"),
        ("question", "记者", ""),
        ("answer", "王信卿", ""),
    ]
    assert text[found[2].content_start : found[2].end] == "回答一。\n补充。"
