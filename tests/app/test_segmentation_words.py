"""Segmentation with the project's dictionary: terms take effect at once, words never split
a character, and word boundaries in a document (snap, word at, word steps)."""

import threading

import pytest

from app.chinese import segmentation
from app.chinese.dictionary import AddTerms, RemoveTerms, add_sample_terms
from app.chinese.segmentation import for_project
from app.chinese.words import DocumentWords
from app.dto import TurnInfo
from app.editing.history import History

pytestmark = pytest.mark.both_backends


def words(project, text):
    return [word for word, _start, _end in for_project(project).words(text)]


def test_a_term_added_takes_effect_without_a_restart(project):
    text = "这里建设宜居宜业宜游的高品质街道"
    before = words(project, text)
    assert "宜居宜业宜游" not in before  # jieba: 宜居/宜业/宜游
    history = History(project)
    history.do(AddTerms(("宜居宜业宜游",)), "add")
    assert "宜居宜业宜游" in words(project, text)
    history.undo()
    assert words(project, text) == before
    history.redo()
    assert "宜居宜业宜游" in words(project, text)


def test_the_seed_terms_are_kept_whole(project):
    found = words(project, "推动高质量发展，持续优化营商环境，培育“专精特新”企业")
    assert "高质量发展" in found
    assert "营商环境" in found
    assert "专精特新" in found


def test_removing_a_term_gives_back_what_jieba_knew(project):
    history = History(project)
    text = "持续优化营商环境，推动产业链延链补链强链"
    history.do(RemoveTerms(("营商环境", "延链补链强链")), "remove")
    assert words(project, text) == segmentation_without_terms(text)
    # A term that is also in jieba's own dictionary stays a word after it is removed.
    history.do(AddTerms(("产业链",)), "add")
    history.do(RemoveTerms(("产业链",)), "remove")
    assert "产业链" in words(project, text)


def segmentation_without_terms(text):
    return [word for word, _s, _e in segmentation.tokens(text) if not word.isspace()]


def test_changes_in_another_project_do_not_leak(project, tmp_path):
    from app.project import Project

    other = Project.open(tmp_path / "other.fangtan")
    try:
        History(other).do(AddTerms(("宜居宜业宜游",)), "add")
        assert "宜居宜业宜游" in words(other, "宜居宜业宜游")
        assert "宜居宜业宜游" not in words(project, "宜居宜业宜游")
    finally:
        other.close()


def test_astral_characters_and_emoji_are_never_split(project):
    text = "我们𠮷野家的发展👍🏽很好，👨‍👩‍👧家庭🇨🇳🇯🇵营商环境e\u0301"
    segmenter = for_project(project)
    tokens = segmenter.tokens(text)
    assert "".join(word for word, _s, _e in tokens) == text
    for word, start, end in tokens:
        assert text[start:end] == word
    pieces = {word for word, _s, _e in tokens}
    assert {"𠮷", "👍🏽", "👨‍👩‍👧", "🇨🇳", "🇯🇵", "营商环境", "e\u0301"} <= pieces
    spans = segmenter.word_spans(text)
    assert all(0 <= start < end <= len(text) for start, end in spans)


def test_nothing_waits_before_the_dictionary_is_loaded(project):
    segmenter = for_project(project)
    assert not segmenter.ready  # a project's segmenter loads only when asked
    assert segmenter.word_spans_now("营商环境") is None
    words_in = DocumentWords(segmenter, "营商环境将", [])
    assert words_in.word_at(1) is None
    assert words_in.snap(1, 2) == (1, 2)  # character-exact
    assert words_in.next_boundary(0) == 1
    assert words_in.previous_boundary(3) == 2
    segmenter.load()
    assert segmenter.word_spans_now("营商环境将") == [(0, 4), (4, 5)]


def test_loading_on_a_worker_does_not_block_the_calls_that_must_not_wait(project):
    segmenter = for_project(project)
    started = threading.Event()
    answers = []

    def load():
        started.set()
        segmenter.load()

    worker = threading.Thread(target=load)
    worker.start()
    started.wait()
    answers.append(segmenter.word_spans_now("营商环境将"))  # None or the words, never a wait
    worker.join()
    assert answers[0] in (None, [(0, 4), (4, 5)])
    assert segmenter.word_spans_now("营商环境将") == [(0, 4), (4, 5)]


def test_segmentations_are_cached_until_the_dictionary_changes(project):
    segmenter = for_project(project)
    text = "建设宜居宜业宜游的高品质街道"
    first = segmenter.word_spans(text)
    generation = segmenter.generation
    assert segmenter.word_spans(text) == first
    assert segmenter.generation == generation
    History(project).do(AddTerms(("宜居宜业宜游",)), "add")
    assert segmenter.word_spans(text) != first
    assert segmenter.generation > generation


TEXT = "记者:泊里镇将如何推动城市更新?\n\n刘在军:我们𠮷发展👍🏽董家口港站 建设城市。"


def document_words(project):
    first = TEXT.index("\n")
    second = TEXT.index("刘在军")
    turns = [
        TurnInfo(index=0, speaker="记者", kind="question", start=0, content_start=3, end=first),
        TurnInfo(
            index=1,
            speaker="刘在军",
            kind="answer",
            start=second,
            content_start=second + 4,
            end=len(TEXT),
        ),
    ]
    return DocumentWords(for_project(project), TEXT, turns)


def test_word_at_snap_and_steps_in_a_document(project):
    add_sample_terms(project)  # 泊里镇 and 董家口港站 are words
    found = document_words(project)
    at = TEXT.index("泊里镇")
    assert found.word_at(at + 1, wait=True) == (at, at + 3)
    assert found.word_at(TEXT.index("\n"), wait=True) is None  # whitespace
    station = TEXT.index("董家口港站")
    astral = TEXT.index("𠮷")
    # A selection from inside 发展 to inside 董家口港站 covers both words, and 𠮷 and 👍🏽 whole.
    start, end = found.snap(astral + 2, station + 2, wait=True)
    assert TEXT[start:end] == "发展👍🏽董家口港站"
    start, end = found.snap(astral, astral + 2, wait=True)
    assert TEXT[start:end] == "𠮷发展"
    # Word steps skip the space and never land inside a word or a character.
    assert found.next_boundary(station, wait=True) == station + 5
    assert found.next_boundary(station + 5, wait=True) == station + 8  # over the space: 建设
    assert found.previous_boundary(station + 6, wait=True) == station
    assert found.previous_boundary(astral + 1, wait=True) == astral
    assert found.next_boundary(len(TEXT), wait=True) == len(TEXT)
    assert found.previous_boundary(0, wait=True) == 0
