"""Which turns keywords come from: the answers by default, questions or narration when
asked, and never the title, the subtitle or any other heading."""

import pytest
from sqlalchemy import update

from app.chinese.dictionary import ensure_word_lists, stop_words_in
from app.chinese.keywords import TURN_CHOICES, Scope, countable, keywords
from app.chinese.segmentation import for_project
from app.editing.commands import AnnotationSpec, CreateAnnotations
from app.project import Project
from models import Turn

pytestmark = pytest.mark.both_backends

INTERVIEW = """城市出行更便捷

——访市交通运输局局长李明

□本报记者 王芳

春节前夕，本报记者走进会议室，听取城市交通工作汇报。

记者：今年地铁建设有哪些安排？

李明：今年我们将新开三条公交线路，优化换乘站点。
"""
TITLE = "城市出行更便捷"
SUBTITLE = "——访市交通运输局局长李明"
BYLINE = "□本报记者 王芳"
NARRATION = "春节前夕，本报记者走进会议室，听取城市交通工作汇报。"
QUESTION = "今年地铁建设有哪些安排？"
ANSWER = "今年我们将新开三条公交线路，优化换乘站点。"


def words_of(project: Project, text: str) -> list[str]:
    """The words keywords count in ``text`` (jieba with the project's terms, no stop words)."""
    ensure_word_lists(project)
    with project.reading() as session:
        stop_words = stop_words_in(session)
    segmenter = for_project(project)
    segmenter.load()
    return [word for word, _s, _e in segmenter.words(text) if countable(word, stop_words)]


def word_set(project: Project, text: str) -> set[str]:
    return set(words_of(project, text))


@pytest.fixture
def interview(project: Project, import_source) -> tuple[Project, int]:
    import_source(project, INTERVIEW, "interview.txt")
    document = project.documents()[0]
    content = project.document(document.id)
    assert (content.meta.title, content.meta.subtitle) == (TITLE, SUBTITLE)
    kinds = [turn.kind for turn in content.turns]
    assert kinds == ["heading", "heading", "heading", "narration", "question", "answer"]
    return project, document.id


def found(project: Project, scope: Scope) -> set[str]:
    return {keyword.word for keyword in keywords(project, scope).keywords}


def test_heading_words_are_never_keywords(interview: tuple[Project, int]) -> None:
    project, document_id = interview
    heading_only = (
        word_set(project, TITLE + SUBTITLE + BYLINE)
        - word_set(project, ANSWER)
        - word_set(project, QUESTION)
        - word_set(project, NARRATION)
    )
    assert heading_only  # the subtitle has words of its own (访市, 局局长…)
    for turns in TURN_CHOICES:
        words = found(project, Scope("document", document_id=document_id, turns=turns))
        assert words  # something is counted each time
        assert not words & heading_only, turns
        assert "访市" not in words and "局局长" not in words


def test_answers_by_default_then_questions_then_narration(
    interview: tuple[Project, int],
) -> None:
    project, document_id = interview
    answer = word_set(project, ANSWER) - word_set(project, QUESTION + NARRATION)
    question = word_set(project, QUESTION) - word_set(project, ANSWER + NARRATION)
    narration = word_set(project, NARRATION) - word_set(project, ANSWER + QUESTION)
    assert answer and question and narration
    default = found(project, Scope("document", document_id=document_id))
    assert default == found(project, Scope("document", document_id=document_id, turns="answers"))
    assert answer <= default
    assert not default & (question | narration)
    dialogue = found(project, Scope("document", document_id=document_id, turns="dialogue"))
    assert answer | question <= dialogue
    assert not dialogue & narration
    everything = found(project, Scope("document", document_id=document_id, turns="all"))
    assert answer | question | narration <= everything


def test_a_turn_repeating_the_subtitle_is_left_out_whatever_its_kind(
    interview: tuple[Project, int],
) -> None:
    project, document_id = interview
    with project.writing() as session:  # as an import that missed the subtitle would leave it
        session.execute(
            update(Turn)
            .where(Turn.document_id == document_id, Turn.index == 1)
            .values(kind="narration")
        )
    subtitle_only = word_set(project, SUBTITLE) - word_set(project, NARRATION + QUESTION + ANSWER)
    words = found(project, Scope("document", document_id=document_id, turns="all"))
    assert not words & subtitle_only


def test_tag_keywords_leave_headings_out_of_the_passages(interview: tuple[Project, int]) -> None:
    project, document_id = interview
    text = project.document(document_id).text
    tag = project.tags()[0]
    whole = AnnotationSpec(document_id, tag.id, 0, len(text))  # a passage over everything
    project.execute(CreateAnnotations((whole,)))
    heading_only = word_set(project, TITLE + SUBTITLE + BYLINE) - word_set(
        project, ANSWER + QUESTION + NARRATION
    )
    for turns in TURN_CHOICES:
        result = keywords(project, Scope("tag", tag_id=tag.id, turns=turns))
        assert result.words > 0
        assert not {keyword.word for keyword in result.keywords} & heading_only
    answers = keywords(project, Scope("tag", tag_id=tag.id))
    assert answers.words == len(words_of(project, ANSWER))


def test_a_speaker_keeps_all_of_their_turns(interview: tuple[Project, int]) -> None:
    project, _document_id = interview
    reporter = found(project, Scope("speaker", speaker="记者"))  # questions only
    assert reporter == word_set(project, QUESTION)
    assert found(project, Scope("speaker", speaker="记者", turns="answers")) == reporter
