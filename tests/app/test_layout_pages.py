"""Real page layouts the importer reads (app.importing.rules), one rule or a few per test:
page furniture, titles, columns, notes, several interviews, names from context."""

from datetime import date

import pytest

from app.importing import guesses
from app.importing.layout import parse_interviews
from tests.app.layout_checks import kinds, read, spoken

# 5. Page furniture -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "day", "outlet"),
    [
        ("2022年03月15日09:40 | 来源：南岭晚报", date(2022, 3, 15), "南岭晚报"),
        ("15.03.2022 09:40", date(2022, 3, 15), ""),
        ("2022/3/15 09:40:12 来源：南岭网 选稿：某某", date(2022, 3, 15), "南岭网"),
        ("南岭网　2022-03-15", date(2022, 3, 15), "南岭网"),
        ("编辑：某某 | 2022-03-15 09:40 | 来源：南岭晚报", date(2022, 3, 15), "南岭晚报"),
    ],
)
def test_date_and_source_line_gives_the_date_and_outlet(line: str, day: date, outlet: str) -> None:
    text = f"街道换了新路灯\n\n{line}\n\n记者：路灯换了多少盏？\n\n倪某：一共四百盏。\n"
    interview = read(text)
    assert (interview.title, interview.published_on, interview.outlet) == (
        "街道换了新路灯",
        day,
        outlet,
    )


def test_page_furniture_is_never_the_title_nor_glued_to_a_turn() -> None:
    text = (
        "南岭网>>社会频道>>正文\n\n"
        "街道换了新路灯\n\n"
        "字号：大 中 小\n\n"
        "分享\n\n"
        "3.jpg4.jpg\n\n"
        "本篇文章820字,读完约2分钟\n\n"
        "记者：路灯换了多少盏？\n\n"
        "倪某：一共四百盏，晚上亮多了\n\n"
        "【打印】【关闭】\n"
    )
    interview = read(text)
    assert interview.title == "街道换了新路灯"
    answer = next(turn for turn in interview.turns if turn.kind == "answer")
    assert interview.text[answer.content_start : answer.end] == "一共四百盏，晚上亮多了"
    assert interview.turns[-1].kind == "narration"


def test_date_and_outlet_are_persisted(project, import_source, reopen) -> None:
    text = "街道换了新路灯\n\n2022年03月15日09:40 | 来源：南岭晚报\n\n记者：换了多少？\n\n倪某：四百盏。\n"
    import_source(project, text, name="路灯.txt")
    project = reopen(project)
    [summary] = project.documents()
    meta = project.document(summary.id).meta
    assert (meta.title, meta.outlet, meta.published_on) == (
        "街道换了新路灯",
        "南岭晚报",
        date(2022, 3, 15),
    )


# 6. Titles ---------------------------------------------------------------------------


def test_title_and_subtitle_on_one_line_are_split() -> None:
    interview = read(
        "让河水更清——访某县水利局局长包某某\n\n记者：河水变清了吗？\n\n包某某：清多了。\n"
    )
    assert (interview.title, interview.subtitle) == ("让河水更清", "——访某县水利局局长包某某")
    assert (interview.interviewee, interview.interviewee_role) == ("包某某", "某县水利局局长")


def test_headline_repeated_in_the_body_is_not_a_second_interview() -> None:
    text = (
        "让河水更清\n\n——访局长包某某\n\n记者：河水变清了吗？\n\n包某某：清多了。\n\n"
        "让河水更清\n\n——访局长包某某\n\n记者：鱼回来了吗？\n\n包某某：回来了。\n"
    )
    interview = read(text)
    assert [t for t in kinds(interview) if t[0] != "heading"] == [
        ("question", "记者"),
        ("answer", "包某某"),
    ] * 2


def test_title_from_the_file_name_is_a_guess() -> None:
    interview = read("记者：河水变清了吗？\n\n包某某：清多了。\n", stem="河水访谈")
    assert interview.title == "河水访谈"
    assert guesses.TITLE_FROM_FILE_NAME in interview.guesses


def test_text_without_labels_is_a_guess() -> None:
    interview = read("一段随笔，写的是春天。\n\n又一段，写的是夏天。\n")
    assert guesses.NO_LABELS in interview.guesses


# 7. Column joining ---------------------------------------------------------------------


def test_caption_is_not_glued_to_the_answer() -> None:
    text = (
        "新校舍\n\n记者：新校舍什么时候用？\n\n"
        "汪某：九月开学就能用\n\n图片说明：新校舍的教学楼\n\n"
        "记者：能容纳多少学生？\n\n汪某：一千二百人。\n"
    )
    interview = read(text)
    answer = interview.turns[2]
    assert interview.text[answer.content_start : answer.end] == "九月开学就能用"
    assert (interview.turns[3].kind, interview.text[interview.turns[3].start :][:4]) == (
        "narration",
        "图片说明",
    )


def test_numbered_section_heading_between_answers_is_a_heading() -> None:
    text = (
        "营商环境\n\n——访区长钟某某\n\n记者：企业办事方便了吗？\n\n钟某某：方便多了。\n\n"
        "2 做强政府服务：\n\n记者：还有什么打算？\n\n钟某某：推出一网通办。\n"
    )
    interview = read(text)
    assert ("heading", "", "2 做强") in spoken(interview)


# 8. Editor's notes and leads --------------------------------------------------------------


@pytest.mark.parametrize("opener", ["编者按：", "【编者按】", "摘要："])
def test_editor_note_is_narration_and_the_byline_after_it_names_the_reporter(opener: str) -> None:
    text = (
        "菜篮子稳了\n\n"
        f"{opener}今年全市蔬菜自给率提高到七成，市场供应充足。\n\n"
        "记者 樊某某\n\n"
        "记者：蔬菜价格稳吗？\n\n"
        "郝某：很稳，比去年还低一点。\n"
    )
    interview = read(text)
    assert (interview.title, interview.reporter) == ("菜篮子稳了", "樊某某")
    assert kinds(interview) == [
        ("heading", ""),
        ("narration", ""),
        ("narration", ""),
        ("question", "记者"),
        ("answer", "郝某"),
    ]


def test_reporter_named_in_the_lead() -> None:
    text = (
        "菜篮子稳了\n\n今年蔬菜供应充足，本报记者樊某某专访了市农业局局长郝某。\n\n"
        "记者：蔬菜价格稳吗？\n\n郝某：很稳。\n"
    )
    interview = read(text)
    assert (interview.reporter, interview.interviewee_role) == ("樊某某", "市农业局局长")


# 9. Several interviews without headers between them ---------------------------------------


def test_new_headline_after_an_answer_starts_a_new_interview() -> None:
    text = (
        "山里的养蜂人\n\n记者：一年产多少蜜？\n\n邝某：两千斤。\n\n"
        "河边的渔家乐\n\n记者：生意好吗？\n\n柯某：周末订满。\n"
    )
    first, second = parse_interviews(text, fallback_title="stem")
    assert (first.title, first.interviewee) == ("山里的养蜂人", "邝某")
    assert (second.title, second.interviewee) == ("河边的渔家乐", "柯某")
    assert second.text.startswith("河边的渔家乐")


# 10. Names from context -------------------------------------------------------------------


def test_short_form_label_resolves_to_the_name_the_host_gives() -> None:
    text = (
        "书记谈乡村振兴\n\n"
        "主持人：欢迎某县委书记芦某做客直播间。\n\n"
        "芦书记：网友们好。\n\n"
        "主持人：今年有什么新举措？\n\n"
        "芦书记：发展特色种植。\n"
    )
    interview = read(text)
    assert kinds(interview)[1:] == [("question", "主持人"), ("answer", "芦某")] * 2
    assert (interview.interviewee, interview.interviewee_role) == ("芦某", "某县委书记")


def test_role_only_label_is_the_person_the_lead_names() -> None:
    text = (
        "小城的夜市\n\n本报记者蔡某专访了某县县长阮某某。\n\n"
        "记者：夜市开了多久？\n\n县长：开了两年。\n\n记者：有多少摊位？\n\n县长：三百多个。\n"
    )
    interview = read(text)
    assert kinds(interview)[-2:] == [("question", "记者"), ("answer", "阮某某")]
    assert (interview.interviewee, interview.interviewee_role, interview.reporter) == (
        "阮某某",
        "某县县长",
        "蔡某",
    )


def test_one_character_label_is_the_person_opening_the_headline() -> None:
    text = (
        "应某某：把老茶馆开下去\n\n"
        "记者：茶馆开了几代？\n\n应：三代了。\n\n记者：客人多吗？\n\n应：周末坐满。\n"
    )
    interview = read(text)
    assert kinds(interview)[-2:] == [("question", "记者"), ("answer", "应某某")]


# Transcript notes, credits and numbered questions asked without a label -----------------


def test_recording_notes_and_credits_are_narration_and_credits_name_the_reporter() -> None:
    text = (
        "老手艺\n\n采访组：您学手艺多少年了？\n\n滕某某：五十年了。\n\n"
        "（录音中断约一分钟）\n\n采访组：现在还做吗？\n\n滕某某：还做，每天做两个。\n\n"
        "（记者 单某某）\n"
    )
    interview = read(text)
    assert [t for t in kinds(interview) if t[0] != "heading"] == [
        ("question", "采访组"),
        ("answer", "滕某某"),
        ("narration", ""),
        ("question", "采访组"),
        ("answer", "滕某某"),
        ("narration", ""),
    ]
    assert interview.reporter == "单某某"


def test_author_on_the_date_line_is_the_reporter() -> None:
    text = (
        "老手艺\n\n发布时间：2021-05-06 08:00:00 来源：某某在线 作者：单某某\n\n"
        "记者：您学手艺多少年了？\n\n滕某某：五十年了。\n"
    )
    interview = read(text)
    assert (interview.reporter, interview.outlet, interview.published_on) == (
        "单某某",
        "某某在线",
        date(2021, 5, 6),
    )


def test_numbered_questions_without_labels_answered_by_labelled_guests() -> None:
    text = (
        "两位店主谈夜经济\n\n"
        "1.夜里生意比白天好吗？\n\n柴某：好一倍。\n\n幸某某：我家也是。\n\n"
        "2.最担心什么？\n\n柴某：担心下雨。\n\n幸某某：担心停电。\n"
    )
    interview = read(text)
    assert kinds(interview)[1:4] == [("question", ""), ("answer", "柴某"), ("answer", "幸某某")]
    assert interview.interviewee == "柴某、幸某某"


def test_traditional_page_with_furniture_a_note_and_role_labels() -> None:
    text = (
        "南嶺網>>社會頻道>>正文\n\n"
        "老街換新顏\n\n"
        "2022年03月15日09:40 | 來源：南嶺晚報\n\n"
        "字號：大 中 小\n\n"
        "【編者按】老街改造完成後，居民的生活有了哪些變化？\n\n"
        "主持人 寧某某：\n老街改造花了多長時間？\n\n"
        "街道辦事處主任 嚴某某:\n用了兩年。\n\n"
        "主持人 寧某某：\n居民滿意嗎？\n\n"
        "嚴某某：\n很滿意。\n"
    )
    interview = read(text)
    assert (interview.title, interview.outlet, interview.published_on) == (
        "老街換新顏",
        "南嶺晚報",
        date(2022, 3, 15),
    )
    assert [t for t in kinds(interview) if t[0] in ("question", "answer")] == [
        ("question", "寧某某"),
        ("answer", "嚴某某"),
    ] * 2
    assert (interview.interviewee, interview.interviewee_role) == ("嚴某某", "街道辦事處主任")


# A reprint's provenance line ---------------------------------------------------------------


def test_provenance_line_of_a_reprint_fills_the_fields() -> None:
    interview = read(
        "本文来自微信公众号：江城观察（ID：jcgc001），采访：小林、阿岚，编辑：阿南，"
        "嘉宾：许某某（独立书店店主），本文首发于2021年3月5日，原文标题：《书店还能开下去吗？》\n\n"
        "江城观察：书店为什么还开着？\n\n许某某：因为我们不只卖书。\n\n"
        "江城观察：收入靠什么？\n\n许某某：一半靠咖啡。\n"
    )
    assert (interview.title, interview.outlet, interview.published_on) == (
        "书店还能开下去吗？",
        "江城观察",
        date(2021, 3, 5),
    )
    assert (interview.interviewee, interview.interviewee_role, interview.reporter) == (
        "许某某",
        "独立书店店主",
        "小林、阿岚",
    )
    assert guesses.TITLE_FROM_FILE_NAME not in interview.guesses
    assert interview.text.startswith("本文来自微信公众号")  # the line stays, as narration
    assert interview.turns[0].kind == "narration"


def test_short_question_between_an_answer_and_a_labelled_question_is_a_heading() -> None:
    interview = read(
        "加装电梯怎么破\n\n——访中心主任燕某某\n\n记者：加装了多少部？\n\n"
        "燕某某：两千多部。\n\n钱从哪里来？\n\n记者：谁来出钱？\n\n"
        "燕某某：财政补贴一半。为什么这么做？因为要让居民愿意。\n"
    )
    assert ("heading", "", "钱从哪里") in spoken(interview)
    assert spoken(interview)[-1][:2] == ("answer", "燕某某")
