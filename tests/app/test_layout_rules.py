"""Real page layouts the importer reads (app.importing.rules), one rule or a few per test:
who speaks, who asks, several interviewees."""

from datetime import date

import pytest

from app.importing import guesses
from tests.app.layout_checks import kinds, read, spoken

# 1. A host labelled with a plain name -------------------------------------------------


def test_named_host_is_told_from_the_guest_named_in_the_headline() -> None:
    text = (
        "园艺师孔某某做客《花开四季》\n\n"
        "甘某：各位听众好，今天请到了园艺师孔某某。\n\n"
        "孔某某：谢谢甘某，大家好。\n\n"
        "甘某：阳台上种什么花最省心。\n\n"
        "孔某某：多肉和绿萝都很省心，浇水少，也不怕晒。\n"
    )
    interview = read(text)
    assert kinds(interview)[1:] == [("question", "甘某"), ("answer", "孔某某")] * 2
    assert (interview.interviewee, interview.interviewee_role) == ("孔某某", "园艺师")
    assert guesses.ASKERS_FROM_QUESTIONS not in interview.guesses


def test_named_host_is_the_one_the_guest_thanks_by_name() -> None:
    text = (
        "聊聊老街的故事\n\n"
        "柏某：今天我们一起聊聊老街。\n\n"
        "费某某：谢谢柏某老师邀请。老街有三百多年历史了。\n\n"
        "柏某：老街以前是做什么的。\n\n"
        "费某某：以前是码头，商船都在这里停靠，您知道吗？很热闹。\n"
    )
    interview = read(text)
    assert kinds(interview)[1:] == [("question", "柏某"), ("answer", "费某某")] * 2
    assert interview.interviewee == "费某某"


def test_named_host_told_by_question_marks_is_a_guess() -> None:
    text = (
        "社区食堂\n\n"
        "任某：食堂开了多久？\n\n"
        "殷某某：开了半年，每天有两百多位老人来吃饭。\n\n"
        "任某：价格贵吗？\n\n"
        "殷某某：不贵，一荤一素只要八元。\n"
    )
    interview = read(text)
    assert kinds(interview)[1:] == [("question", "任某"), ("answer", "殷某某")] * 2
    assert guesses.ASKERS_FROM_QUESTIONS in interview.guesses
    assert guesses.INTERVIEWEE_FROM_TURNS in interview.guesses


# 2. Labels on their own line, time stamp lines, roles before the name -----------------


TRANSCRIPT = (
    "在线访谈：发展数字农业\n\n"
    "2025-04-02 09:58:00\n\n"
    "主持人 宁某某：\n"
    "网友们好，今天请来了农业农村局局长严某某。\n"
    "2025-04-02 10:00:05\n"
    "农业农村局局长 严某某：\n"
    "网友们好，很高兴和大家交流。\n"
    "2025-04-02 10:01:30\n"
    "东湖日报记者：\n"
    "数字农业有哪些新进展？\n"
    "2025-04-02 10:02:45\n"
    "农业农村局局长 严某某：\n"
    "我们建了三个智慧农场。\n"
)


def test_labels_on_their_own_line_with_time_stamps_between_turns() -> None:
    interview = read(TRANSCRIPT)
    assert [t for t in spoken(interview) if t[0] != "heading"] == [
        ("question", "宁某某", "网友们好"),
        ("answer", "严某某", "网友们好"),
        ("question", "东湖日报记者", "数字农业"),
        ("answer", "严某某", "我们建了"),
    ]
    stamps = [turn.timestamp for turn in interview.turns if turn.speaker]
    assert stamps == ["", "2025-04-02 10:00:05", "2025-04-02 10:01:30", "2025-04-02 10:02:45"]
    assert (interview.interviewee, interview.interviewee_role) == ("严某某", "农业农村局局长")
    assert interview.published_on == date(2025, 4, 2)  # the date line above the turns
    answer = next(turn for turn in interview.turns if turn.speaker == "严某某")
    assert interview.text[answer.start : answer.content_start] == "农业农村局局长 严某某：\n\n"


# 3. Interviewer labels not in the list --------------------------------------------------


@pytest.mark.parametrize(
    ("team", "subject", "day", "place"),
    [
        ("采访组", "采访对象", "采访日期", "采访地点"),
        ("採訪組", "採訪對象", "採訪日期", "採訪地點"),
    ],
)
def test_oral_history_with_a_header_block(team: str, subject: str, day: str, place: str) -> None:
    text = (
        "码头旧事\n\n"
        f"{subject}：葛某某（原搬运队队员）\n"
        f"{day}：2018年6月9日\n"
        f"{place}：某某港区\n\n"
        f"{team}：您哪一年进的搬运队？\n\n"
        "葛某某：一九六二年，那年我十七岁。\n\n"
        f"{team}：活累不累？\n\n"
        "葛某某：累，一天扛两百多包。\n"
    )
    interview = read(text)
    assert interview.title == "码头旧事"
    assert (interview.interviewee, interview.interviewee_role) == ("葛某某", "原搬运队队员")
    assert interview.published_on == date(2018, 6, 9)
    assert kinds(interview)[-4:] == [("question", team), ("answer", "葛某某")] * 2
    assert [turn.kind for turn in interview.turns[1:4]] == ["narration"] * 3


@pytest.mark.parametrize("word", ["问题", "問題"])
def test_numbered_question_labels_with_unlabelled_answers(word: str) -> None:
    text = (
        "小镇的新农具\n\n——访某镇镇长邵某某\n\n"
        f"{word}1：今年推广了哪些农机？\n\n无人机和插秧机，全镇推广了六十多台。\n\n"
        f"{word}2：农民会用吗？\n\n会用，我们办了十期培训班。\n"
    )
    interview = read(text)
    assert [t for t in spoken(interview) if t[0] != "heading"] == [
        ("question", f"{word}1", "今年推广"),
        ("answer", "邵某某", "无人机和"),
        ("question", f"{word}2", "农民会用"),
        ("answer", "邵某某", "会用，我"),
    ]


def test_reporter_named_on_the_byline_asks_under_the_name() -> None:
    text = (
        "让书香飘进乡村\n\n记者 卫某某\n\n"
        "卫某某：农家书屋一年借出多少本书？\n\n"
        "房某：三千多本，孩子们借得最多。\n\n"
        "卫某某：接下来打算怎么做？\n\n"
        "房某：每个月办一次读书会。\n"
    )
    interview = read(text)
    assert interview.reporter == "卫某某"
    assert kinds(interview)[-4:] == [("question", "卫某某"), ("answer", "房某")] * 2


def test_label_seen_once_is_a_label_when_the_page_confirms_it() -> None:
    text = (
        "小巷里的修鞋铺\n\n"
        "记者：修鞋铺开了多少年？\n\n"
        "温某某：三十年了。\n\n"
        "记者：生意怎么样？\n\n"
        "温师傅：还行，街坊都来。\n"
    )
    interview = read(text)
    assert kinds(interview)[-2:] == [("question", "记者"), ("answer", "温师傅")]


# 4. Several interviewees, labels inside a paragraph ------------------------------------


def test_several_interviewees_answer_the_same_question() -> None:
    text = (
        "三位村支书谈振兴\n\n"
        "记者：村里最大的变化是什么？\n\n"
        "苗某：路修好了。\n\n"
        "景某某：水通了。\n\n"
        "记者：下一步呢？\n\n"
        "苗某：发展民宿。\n\n"
        "景某某：种果树。\n"
    )
    interview = read(text)
    assert interview.interviewee == "苗某、景某某"
    assert guesses.SEVERAL_INTERVIEWEES in interview.guesses


def test_bracketed_moderator_with_guests() -> None:
    text = (
        "圆桌：老城怎么更新\n\n"
        "【尚某】两位嘉宾好，老城更新难在哪里？\n\n"
        "【池某某】难在居民意见不一。\n\n"
        "【龚某某】难在资金。\n\n"
        "【尚某】怎么破解呢？\n\n"
        "【池某某】多开协商会。\n\n"
        "【龚某某】引入社会资本。\n"
    )
    interview = read(text)
    assert kinds(interview)[1:4] == [
        ("question", "尚某"),
        ("answer", "池某某"),
        ("answer", "龚某某"),
    ]
    assert interview.interviewee == "池某某、龚某某"


def test_confirmed_label_inside_a_paragraph_starts_a_turn() -> None:
    text = (
        "老兵的回忆\n\n"
        "记者：还记得那一天吗？\n\n"
        "黎某某：记得，那天下着大雨。\n\n"
        "说到这里，黎某某红了眼眶。蒙某某：我也记得，我们淋了一夜。\n\n"
        "记者：后来呢？\n\n"
        "蒙某某：后来天就晴了。\n"
    )
    interview = read(text)
    turns = [(turn.kind, turn.speaker) for turn in interview.turns]
    assert turns[-4:] == [
        ("narration", ""),
        ("answer", "蒙某某"),
        ("question", "记者"),
        ("answer", "蒙某某"),
    ]
    answer = interview.turns[-3]
    assert interview.text[answer.start : answer.content_start] == "蒙某某："
    assert interview.text[interview.turns[-4].end - 1] == "。"
    assert "眼眶。蒙某某：我也记得" in interview.text  # the paragraph is unchanged


def test_birth_year_in_the_interviewee_note_is_not_the_role() -> None:
    interview = read(
        "修水库的日子\n\n采访对象：郑某某（1938年生，原公社党委书记）\n\n采访日期：2020年11月3日\n\n"
        "采访组：您什么时候上的工地？\n\n郑某某：一九五八年冬天。\n"
    )
    assert (interview.interviewee, interview.interviewee_role) == ("郑某某", "原公社党委书记")
