"""Editors fix the turns the importer guessed: speakers, kinds, boundaries, interviewees.

Each edit is one undo step that survives reopening the project; the text and the
annotations are never touched, and bad input changes nothing.
"""

from collections.abc import Callable

import pytest

from app.dto import TurnInfo
from app.editing.commands import AnnotationSpec, Command, CreateAnnotations
from app.editing.history import History
from app.editing.turn_commands import (
    MergeTurn,
    RedetectTurns,
    RenameSpeaker,
    SetInterviewees,
    SetTurnKind,
    SetTurnSpeaker,
    SplitTurn,
    step_name,
)
from app.errors import (
    FangtanError,
    IntervieweeNamesError,
    MergeFirstTurnError,
    RedetectMismatchError,
    SpeakerNameError,
    SplitOffsetError,
    TurnKindError,
    UnknownDocumentError,
    UnknownSpeakerError,
    UnknownTurnError,
)
from app.importing.store import store_document
from app.project import Project
from app.search.engine import repair_index

pytestmark = pytest.mark.both_backends

TEXT = (
    "山海之间的新村庄\n\n"
    "——访青石村党支部书记朱海平\n\n"
    "□本报记者 林晓\n\n"
    "记者：青石村这几年变化大吗？\n\n"
    "朱海平：变化确实很大。以前村里的路一下雨就走不了，现在家家门口都是水泥路。\n\n"
    "记者：说起合作社，老党员们极为激动。朱海平：我记得第一次分红那天，全村人都来了。\n\n"
    "记者：年轻人愿意回来吗？\n\n"
    "朱海平：回来的越来越多了。村东头开了三家民宿，都是年轻人办的。 王大姐：我家的民宿就是女儿回来开的。\n"
)


def imported(project: Project, import_source: Callable[..., object]) -> tuple[int, str]:
    import_source(project, TEXT)
    document = project.documents()[0].id
    return document, project.document(document).text


def at(project: Project, document: int, phrase: str) -> TurnInfo:
    """The turn holding ``phrase``."""
    content = project.document(document)
    offset = content.text.index(phrase)
    return next(turn for turn in content.turns if turn.start <= offset < turn.end)


def annotate(project: Project, document: int, text: str) -> None:
    """One annotation across two turns, so no edit of the turns may move it."""
    tag = project.tags()[0].id
    start = text.index("水泥路")
    end = text.index("全村人")
    History(project).do(CreateAnnotations((AnnotationSpec(document, tag, start, end),)), "标注")


def words(text: str, turn: TurnInfo) -> str:
    return text[turn.content_start : turn.end]


def test_split_at_a_mid_paragraph_label_gives_that_speaker_a_turn(project, import_source, reopen):
    document, text = imported(project, import_source)
    detected = project.document(document).turns
    history = History(project)
    reporter = at(project, document, "极为激动")
    if at(project, document, "我记得").index != reporter.index:  # as an editor may have left it
        history.do(MergeTurn(document, reporter.index + 1), "合并")
    assert words(text, at(project, document, "我记得")).startswith("说起合作社")

    history.do(SplitTurn(document, reporter.index, text.index("朱海平：我记得")), "拆分")
    project = reopen(project)
    turns = project.document(document).turns
    assert [turn.index for turn in turns] == list(range(len(turns)))
    first, second = turns[reporter.index], turns[reporter.index + 1]
    assert (first.speaker, first.kind, words(text, first)) == (
        "记者",
        "question",
        "说起合作社，老党员们极为激动。",
    )
    assert (second.speaker, second.kind) == ("朱海平", "answer")  # as his other turns
    assert text[second.start : second.content_start] == "朱海平："
    assert words(text, second) == "我记得第一次分红那天，全村人都来了。"
    assert turns == detected


def test_a_new_speaker_after_a_statement_asks(project, import_source, reopen):
    document, text = imported(project, import_source)
    turn = at(project, document, "王大姐")
    History(project).do(SplitTurn(document, turn.index, text.index(" 王大姐")), "拆分")

    project = reopen(project)
    turns = project.document(document).turns
    first, second = turns[turn.index], turns[turn.index + 1]
    assert words(text, first) == "回来的越来越多了。村东头开了三家民宿，都是年轻人办的。"
    assert (first.speaker, first.kind) == ("朱海平", "answer")
    assert (second.speaker, second.kind) == ("王大姐", "question")
    assert second.start == text.index("王大姐")  # the space belongs to neither turn
    assert words(text, second) == "我家的民宿就是女儿回来开的。"
    assert second.end == len(text.rstrip())


def test_a_split_without_a_label_carries_on_the_speaker(project, import_source, reopen):
    document, text = imported(project, import_source)
    turn = at(project, document, "以前")
    History(project).do(SplitTurn(document, turn.index, text.index("以前")), "拆分")

    project = reopen(project)
    turns = project.document(document).turns
    first, second = turns[turn.index], turns[turn.index + 1]
    assert (first.speaker, first.kind, words(text, first)) == ("朱海平", "answer", "变化确实很大。")
    assert (second.speaker, second.kind, second.timestamp) == ("朱海平", "answer", "")
    assert second.start == second.content_start == text.index("以前")
    assert second.end == turn.end


def test_merging_joins_a_turn_to_the_one_before(project, import_source, reopen):
    document, text = imported(project, import_source)
    count = len(project.document(document).turns)
    answer = at(project, document, "变化确实")
    History(project).do(MergeTurn(document, answer.index), "合并")

    project = reopen(project)
    turns = project.document(document).turns
    assert [turn.index for turn in turns] == list(range(count - 1))
    merged = turns[answer.index - 1]
    assert (merged.speaker, merged.kind, merged.end) == ("记者", "question", answer.end)
    assert words(text, merged) == text[merged.content_start : answer.end]
    assert "青石村这几年变化大吗？" in words(text, merged)
    assert words(text, turns[answer.index]).startswith("说起合作社")


def test_speaker_kind_rename_and_interviewees_are_stored(project, import_source, reopen):
    document, text = imported(project, import_source)
    question = at(project, document, "青石村这几年")
    byline = at(project, document, "本报记者")
    history = History(project)
    history.do(SetTurnSpeaker(document, question.index, "  林 \n 晓 "), "说话人")
    history.do(SetTurnKind(document, byline.index, "narration"), "类型")
    history.do(SetTurnKind(document, question.index, "heading"), "类型")  # a labelled one too
    history.do(RenameSpeaker(document, "朱海平", "朱书记"), "改名")

    project = reopen(project)
    turns = project.document(document).turns
    changed = turns[question.index]
    assert (changed.speaker, changed.kind) == ("林 晓", "heading")
    assert text[changed.start : changed.content_start] == "记者："  # the label stays
    assert turns[byline.index].kind == "narration"
    assert {t.speaker for t in turns if t.kind == "answer"} == {"朱书记"}
    assert "朱海平" not in {t.speaker for t in turns}
    assert project.document(document).meta.interviewee == "朱书记"


def test_interviewees_answer_and_everyone_else_asks(project, import_source, reopen):
    document, _text = imported(project, import_source)
    changes = History(project).do(SetInterviewees(document, ("记者", " 王大姐 ", "记者")), "受访")
    assert changes.metadata == {document} and changes.document_list and changes.turns

    project = reopen(project)
    content = project.document(document)
    assert content.meta.interviewee == "记者、王大姐"
    spoken = [(t.speaker, t.kind) for t in content.turns if t.speaker]
    assert set(spoken) == {("记者", "answer"), ("朱海平", "question")}
    assert {t.kind for t in content.turns if not t.speaker} == {"heading"}


def test_detecting_again_brings_back_the_importers_turns(project, import_source, reopen):
    document, _text = imported(project, import_source)
    detected = project.document(document).turns
    history = History(project)
    history.do(MergeTurn(document, at(project, document, "变化确实").index), "合并")
    history.do(SetTurnSpeaker(document, 0, "林晓"), "说话人")
    history.do(RedetectTurns(document), "重新识别")

    project = reopen(project)
    assert project.document(document).turns == detected


def test_a_text_the_importer_would_rebuild_cannot_be_detected_again(project, reopen):
    with project.writing() as session:  # one line per turn, as kept from annotation files
        document = store_document(session, "记者：你好吗？\n朱海平：很好。", [], {"title": "短"})
    with pytest.raises(RedetectMismatchError):
        History(project).do(RedetectTurns(document), "重新识别")
    project = reopen(project)
    assert project.document(document).turns == ()
    assert History(project).state().undo_text is None


# Each edit gets the document, its text and the index of the turn holding a phrase.
Edit = Callable[[int, str, Callable[[str], int]], Command]

EDITS: list[tuple[str, Edit]] = [
    ("speaker", lambda d, t, turn: SetTurnSpeaker(d, turn("变化确实"), "朱老")),
    ("kind", lambda d, t, turn: SetTurnKind(d, 0, "narration")),
    ("split at a label", lambda d, t, turn: SplitTurn(d, turn("王大姐"), t.index("王大姐"))),
    ("split", lambda d, t, turn: SplitTurn(d, turn("以前"), t.index("以前"))),
    ("merge", lambda d, t, turn: MergeTurn(d, turn("年轻人愿意"))),
    ("rename", lambda d, t, turn: RenameSpeaker(d, "朱海平", "朱书记")),
    ("interviewees", lambda d, t, turn: SetInterviewees(d, ("朱海平", "王大姐"))),
    ("redetect", lambda d, t, turn: RedetectTurns(d)),  # after the kind set below
]


@pytest.mark.parametrize("make", [make for _, make in EDITS], ids=[name for name, _ in EDITS])
def test_each_edit_undoes_and_redoes_exactly_and_leaves_annotations(
    open_project, persisted_rows, import_source, make
):
    project = open_project()
    document, text = imported(project, import_source)
    annotate(project, document, text)
    History(project).do(SetTurnKind(document, 1, "narration"), "类型")
    before = persisted_rows(project)

    project = open_project(create=False)
    command = make(document, text, lambda phrase: at(project, document, phrase).index)
    History(project).do(command, step_name(command))
    after = persisted_rows(project)
    assert after["turns"] != before["turns"] or after["documents"] != before["documents"]
    assert after["annotations"] == before["annotations"]

    for step, expected in (("undo", before), ("redo", after), ("undo", before)):
        project = open_project(create=False)
        with project.writing() as session:
            assert repair_index(session) == 0  # the search index followed the turns
        assert getattr(History(project), step)() is not None
        rows = persisted_rows(project)
        for table in ("turns", "documents", "annotations"):
            assert rows[table] == expected[table], (step, table)


BAD: list[tuple[str, Edit, type[FangtanError]]] = [
    ("no such document", lambda d, t, turn: SetTurnKind(d + 1, 0, "answer"), UnknownDocumentError),
    ("no such turn", lambda d, t, turn: SetTurnSpeaker(d, 99, "某人"), UnknownTurnError),
    ("negative turn", lambda d, t, turn: SetTurnKind(d, -1, "answer"), UnknownTurnError),
    ("kind", lambda d, t, turn: SetTurnKind(d, 3, "comment"), TurnKindError),
    ("empty name", lambda d, t, turn: SetTurnSpeaker(d, 3, " \n "), SpeakerNameError),
    ("long name", lambda d, t, turn: SetTurnSpeaker(d, 3, "长" * 201), SpeakerNameError),
    ("empty new name", lambda d, t, turn: RenameSpeaker(d, "记者", ""), SpeakerNameError),
    ("unknown speaker", lambda d, t, turn: RenameSpeaker(d, "李四", "王五"), UnknownSpeakerError),
    ("no interviewee", lambda d, t, turn: SetInterviewees(d, ()), IntervieweeNamesError),
    ("blank interviewee", lambda d, t, turn: SetInterviewees(d, (" ",)), SpeakerNameError),
    (
        "names too long",
        lambda d, t, turn: SetInterviewees(d, ("长" * 150, "短" * 60)),
        IntervieweeNamesError,
    ),
    (
        "split in a label",
        lambda d, t, turn: SplitTurn(d, turn("青石村这"), t.index("记者：青石村") + 1),
        SplitOffsetError,
    ),
    (
        "split at the words",
        lambda d, t, turn: SplitTurn(d, turn("青石村这"), t.index("青石村这")),
        SplitOffsetError,
    ),
    (
        "split at the end",
        lambda d, t, turn: SplitTurn(d, turn("青石村这"), t.index("大吗？") + 3),
        SplitOffsetError,
    ),
    (
        "split another turn",
        lambda d, t, turn: SplitTurn(d, turn("青石村这"), t.index("变化确实")),
        SplitOffsetError,
    ),
    ("split no turn", lambda d, t, turn: SplitTurn(d, 99, 10), UnknownTurnError),
    ("merge the first", lambda d, t, turn: MergeTurn(d, 0), MergeFirstTurnError),
    ("merge no turn", lambda d, t, turn: MergeTurn(d, 99), UnknownTurnError),
    ("redetect nothing", lambda d, t, turn: RedetectTurns(d + 1), UnknownDocumentError),
]


@pytest.mark.parametrize(
    ("make", "error"),
    [(make, error) for _, make, error in BAD],
    ids=[name for name, _, _ in BAD],
)
def test_bad_input_is_refused_and_changes_nothing(
    open_project, persisted_rows, import_source, make, error
):
    project = open_project()
    document, text = imported(project, import_source)
    before = persisted_rows(project)

    project = open_project(create=False)
    command = make(document, text, lambda phrase: at(project, document, phrase).index)
    with pytest.raises(error) as raised:
        History(project).do(command, "编辑")
    assert "\n" not in str(raised.value)
    assert persisted_rows(project) == before


def test_a_split_at_the_end_of_a_label_is_refused_with_the_turns_words_span(project, import_source):
    document, _text = imported(project, import_source)
    turn = at(project, document, "青石村这")
    with pytest.raises(SplitOffsetError) as raised:
        History(project).do(SplitTurn(document, turn.index, turn.content_start), "拆分")
    assert str(raised.value) == (
        f"Position {turn.content_start} does not split turn {turn.index} in two: give a position "
        f"between its words, after {turn.content_start} and before {turn.end}."
    )
