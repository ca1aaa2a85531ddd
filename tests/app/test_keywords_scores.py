"""Keywords on a small hand-made corpus, checked against values computed here directly:
log-odds with an informative Dirichlet prior for a tag, TF-IDF for documents and speakers."""

import math
from collections import Counter
from pathlib import Path

import jieba
import pytest

from app.chinese.dictionary import AddStopWords
from app.chinese.keywords import CancelledError, Scope, keywords, log_odds, speakers
from app.editing.commands import AnnotationSpec, CreateAnnotations
from app.editing.history import History
from app.errors import UnknownTagError

pytestmark = pytest.mark.both_backends

# Words jieba keeps whole, separated by spaces, so this test can count them by splitting.
FRUIT = [
    "苹果 香蕉 苹果 西瓜 葡萄 苹果 香蕉 的 ，",
    "香蕉 葡萄 西瓜 西瓜 橙子 香蕉 葡萄 西瓜",
    "苹果 苹果 橙子 的 苹果 香蕉 柠檬 柠檬",
    "葡萄 葡萄 香蕉 西瓜 橙子 橙子 柠檬 苹果",
    "西瓜 香蕉 西瓜 葡萄 葡萄 柠檬 橙子 香蕉",
]
STOP = {"的", "，"}


QUESTION = "记者：摊上 卖 什么？"


def interview(title, lines):
    """A title, a question, and each line as an answer of 张三."""
    answers = "\n\n".join("张三：" + line for line in lines)
    return f"{title}\n\n{QUESTION}\n\n{answers}\n"


@pytest.fixture
def fruit(project, import_source):
    """Two interviews with a title, a question and answers; the tag 产业发展 on some whole
    answers and on the first two words of another."""
    import_source(project, interview("水果 摊 一", FRUIT), "one.txt")
    import_source(project, interview("水果 摊 二", reversed(FRUIT)), "two.txt")
    tag = next(tag for tag in project.tags() if tag.name == "产业发展")
    specs = []
    for document in project.documents():
        content = project.document(document.id)
        text = content.text
        paragraphs = [t for t in content.turns if t.end > t.content_start]
        for turn in paragraphs:
            piece = text[turn.content_start : turn.end]
            if piece.startswith("苹果 苹果") or piece.startswith("葡萄 葡萄"):
                specs.append(AnnotationSpec(document.id, tag.id, turn.content_start, turn.end))
            elif piece.startswith("西瓜 香蕉"):  # the first two words only
                specs.append(
                    AnnotationSpec(document.id, tag.id, turn.content_start, turn.content_start + 5)
                )
    project.execute(CreateAnnotations(tuple(specs)))
    return project, tag.id


def expected_counts(project, tag_id):
    """Inside and outside counts in the answers by splitting on spaces (no jieba)."""
    inside, outside = Counter(), Counter()
    for document in project.documents():
        content = project.document(document.id)
        passages = [
            (a.start, a.end) for a in project.annotations(document.id) if a.tag_id == tag_id
        ]
        for turn in content.turns:
            if turn.kind != "answer":
                continue
            position = turn.content_start
            for word in content.text[turn.content_start : turn.end].split(" "):
                start, end = position, position + len(word)
                position = end + 1
                if word in STOP or len(word) < 2:
                    continue
                if any(a <= start and end <= b for a, b in passages):
                    inside[word] += 1
                else:
                    outside[word] += 1
    return inside, outside


def monroe_z(inside, outside, word, a0=None):
    """Monroe, Colaresi and Quinn (2008), eq. 16 and 18, with a_w = a0 * corpus share."""
    n_i, n_j = sum(inside.values()), sum(outside.values())
    corpus = n_i + n_j
    a0 = corpus if a0 is None else a0
    a_w = a0 * (inside[word] + outside[word]) / corpus
    y_i, y_j = inside[word], outside[word]
    omega_i = (y_i + a_w) / (n_i + a0 - y_i - a_w)
    omega_j = (y_j + a_w) / (n_j + a0 - y_j - a_w)
    delta = math.log(omega_i) - math.log(omega_j)
    return delta / math.sqrt(1 / (y_i + a_w) + 1 / (y_j + a_w))


def test_tag_keywords_are_log_odds_z_scores(fruit):
    project, tag_id = fruit
    inside, outside = expected_counts(project, tag_id)
    assert inside and outside
    found = keywords(project, Scope("tag", tag_id=tag_id))
    assert found.method == "log-odds"
    assert found.words == sum(inside.values())
    expected = {word: monroe_z(inside, outside, word) for word in inside}
    positive = {word: z for word, z in expected.items() if z > 0}
    assert {k.word for k in found.keywords} == set(positive)
    for keyword in found.keywords:
        assert keyword.count == inside[keyword.word]
        assert keyword.other == outside[keyword.word]
        assert keyword.score == pytest.approx(positive[keyword.word], rel=1e-12)
    scores = [k.score for k in found.keywords]
    assert scores == sorted(scores, reverse=True)
    # A weaker prior (a0 = 10) gives other values, still the same formula.
    weak = keywords(project, Scope("tag", tag_id=tag_id), prior_scale=10)
    for keyword in weak.keywords:
        assert keyword.score == pytest.approx(monroe_z(inside, outside, keyword.word, 10))


def test_log_odds_of_a_tiny_table_by_hand():
    odds = log_odds({"甲": 3, "乙": 1}, {"甲": 1, "乙": 3})
    # N = 8, a0 = 8, a_甲 = a_乙 = 4; delta_甲 = log(7/5) - log(5/7); var = 1/7 + 1/5
    assert odds["甲"].delta == pytest.approx(2 * math.log(7 / 5))
    assert odds["甲"].variance == pytest.approx(1 / 7 + 1 / 5)
    assert odds["甲"].z == pytest.approx(2 * math.log(7 / 5) / math.sqrt(1 / 7 + 1 / 5))
    assert odds["乙"].z == pytest.approx(-odds["甲"].z)
    assert log_odds({}, {}) == {}


def jieba_idf():
    """jieba's IDF table read straight from its file, and its median as jieba takes it."""
    path = Path(jieba.__file__).parent / "analyse" / "idf.txt"
    table = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        word, value = line.split(" ")
        table[word] = float(value)
    return table, sorted(table.values())[len(table) // 2]


def test_document_keywords_are_tf_idf(fruit):
    project, _tag_id = fruit
    document = project.documents()[0]
    content = project.document(document.id)
    counts = Counter(
        word
        for turn in content.turns
        if turn.kind == "answer"
        for word in content.text[turn.content_start : turn.end].split(" ")
        if word not in STOP and len(word) >= 2
    )
    idf, median = jieba_idf()
    total = sum(counts.values())
    found = keywords(project, Scope("document", document_id=document.id))
    assert found.method == "tfidf"
    assert found.words == total
    assert {k.word: k.count for k in found.keywords} == dict(counts)
    for keyword in found.keywords:
        expected = counts[keyword.word] / total * idf.get(keyword.word, median)
        assert keyword.score == pytest.approx(expected, rel=1e-12)


def test_stop_words_of_the_project_are_left_out(fruit):
    project, tag_id = fruit
    document = project.documents()[0]
    assert "西瓜" in {
        k.word for k in keywords(project, Scope("document", document_id=document.id)).keywords
    }
    History(project).do(AddStopWords(("西瓜",)), "add")
    for scope in (Scope("document", document_id=document.id), Scope("tag", tag_id=tag_id)):
        words = {k.word for k in keywords(project, scope).keywords}
        assert "西瓜" not in words
        assert "的" not in words and "，" not in words


def test_speaker_keywords_in_the_project_or_one_document(sample_project):
    people = {info.name: info for info in speakers(sample_project)}
    assert people["记者"].documents == 2
    assert people["刘在军"].documents == 1

    def count(word, document_id=None):
        total = 0
        for document in sample_project.documents():
            if document_id is not None and document.id != document_id:
                continue
            content = sample_project.document(document.id)
            for turn in content.turns:
                if turn.speaker == "记者":
                    total += content.text[turn.content_start : turn.end].count(word)
        return total

    everywhere = keywords(sample_project, Scope("speaker", speaker="记者"))
    found = {k.word: k.count for k in everywhere.keywords}
    assert found["创新突破年"] == count("创新突破年") == 7
    one = keywords(sample_project, Scope("speaker", speaker="记者", document_id=1))
    found_one = {k.word: k.count for k in one.keywords}
    assert found_one["创新突破年"] == count("创新突破年", 1)
    assert found_one["创新突破年"] < 7
    assert "记者" not in found  # speaker labels are not counted


def test_a_computation_gives_up_when_cancelled(fruit):
    project, tag_id = fruit
    with pytest.raises(CancelledError):
        keywords(project, Scope("tag", tag_id=tag_id), cancelled=lambda: True)
    with pytest.raises(UnknownTagError):
        keywords(project, Scope("tag", tag_id=999))
