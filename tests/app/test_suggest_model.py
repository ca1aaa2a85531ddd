"""The model: trained on this project's annotations, suggesting tags with a confidence."""

import pytest

from app.editing.commands import AnnotationSpec, CreateAnnotations
from app.editing.history import History
from app.suggestions import (
    MIN_POSITIVES,
    activity,
    pending_suggestions,
    train_project_model,
)
from app.suggestions.commands import RejectSuggestions
from app.suggestions.engine import training_examples
from app.suggestions.model import Example, train

pytestmark = pytest.mark.both_backends

LIVING = [
    "社区新建的学校让孩子上学更方便了。",
    "老人看病不用再跑远路，社区医院就在家门口。",
    "养老院增加了床位，老人住得更舒心。",
    "孩子上学和老人看病是群众最关心的事。",
    "社区医生每周上门为老人量血压。",
    "新学校开学后，孩子们有了宽敞的教室。",
    "医院开通了老人看病的绿色通道。",
]
INDUSTRY = [
    "工厂新上了两条生产线，订单排到了年底。",
    "企业扩大投资，新建的工厂明年投产。",
    "今年引进的企业带来了大量出口订单。",
    "生产线改造以后，工厂的产量翻了一番。",
    "投资十亿元的企业总部落户开发区。",
    "外贸企业的订单比去年增长三成。",
    "工厂和企业一起攻关新的生产线。",
]
OTHER = [
    "那天下着小雨，会议开到很晚。",
    "他笑着说，这些年变化真大。",
    "我们在会上交流了很多想法。",
    "采访结束时已经是傍晚了。",
    "大家都说这次座谈很有收获。",
    "他翻开笔记本，看了看日程。",
]


def interview(sentences: list[str], title: str) -> str:
    return f"{title}\n\n——访李明\n\n记者:请谈谈今年的情况。\n\n李明:" + "".join(sentences) + "\n"


def annotate_all(project, document_id: int, sentences: dict[str, int]) -> None:
    text = project.document(document_id).text
    specs = tuple(
        AnnotationSpec(document_id, tag_id, text.index(s), text.index(s) + len(s))
        for s, tag_id in sentences.items()
    )
    History(project).do(CreateAnnotations(specs), "tag")


def test_no_model_until_a_tag_has_enough_examples(project, import_source):
    ids = {tag.name: tag.id for tag in project.tags()}
    import_source(project, interview(LIVING + OTHER, "民生访谈"), "a.txt")
    annotate_all(project, 1, {s: ids["民生"] for s in LIVING[: MIN_POSITIVES - 1]})
    model, info = train_project_model(project)
    assert model is None
    assert info.trained == frozenset()
    assert info.counts[ids["民生"]][0] == MIN_POSITIVES - 1


def test_model_trains_on_annotations_and_suggests_with_confidence(project, import_source, reopen):
    ids = {tag.name: tag.id for tag in project.tags()}
    living, industry = ids["民生"], ids["产业发展"]
    import_source(project, interview(LIVING[:5] + INDUSTRY[:5] + OTHER, "第一篇"), "a.txt")
    import_source(project, interview(LIVING[5:] + INDUSTRY[5:] + OTHER[:2], "第二篇"), "b.txt")
    labels = {s: living for s in LIVING[:5]} | {s: industry for s in INDUSTRY[:5]}
    annotate_all(project, 1, labels)
    project = reopen(project)

    model, info = train_project_model(project)
    assert model is not None
    assert model.tag_ids == {living, industry}
    assert info.counts[living] == (5, 11)  # 5 annotated; 5 industry + 6 other sentences
    assert info.activity == activity(project) == 10

    [on_living, on_industry, on_other] = model.predict(
        ["老人到社区医院看病。", "工厂的生产线开工了。", "会议开到傍晚。"]
    )
    assert on_living[living] > 0.5 > on_living[industry]
    assert on_industry[industry] > 0.5 > on_industry[living]
    assert on_living[living] > on_other[living]

    found = pending_suggestions(project, [2], model=model, rules=False)
    assert found and {s.origin for s in found} == {"model"}
    by_text = {(s.text, s.tag_id): s for s in found}
    assert (LIVING[6], living) in by_text
    assert (INDUSTRY[6], industry) in by_text
    assert (LIVING[6], industry) not in by_text
    suggestion = by_text[(LIVING[6], living)]
    assert suggestion.confidence == suggestion.probability >= 0.5
    assert suggestion.reason() == f"model: {suggestion.probability:.2f}"
    # nothing is suggested for the passages already tagged
    assert not [
        s for s in pending_suggestions(project, [1], model=model, rules=False) if s.text in labels
    ]


def test_rejected_suggestions_teach_the_model_too(project, import_source):
    ids = {tag.name: tag.id for tag in project.tags()}
    living = ids["民生"]
    import_source(project, interview(LIVING + OTHER, "民生访谈"), "a.txt")
    import_source(project, interview([*LIVING[:2], "学校门口修了新路。"], "第二篇"), "b.txt")
    annotate_all(project, 1, {s: living for s in LIVING[:5]})
    before = activity(project)
    candidate = next(
        s
        for s in pending_suggestions(project, [2])
        if s.tag_id == living and s.text == "学校门口修了新路。"
    )
    assert training_examples(project)[0].count(Example(candidate.text, living, False)) == 0
    History(project).do(RejectSuggestions.of([candidate]), "reject")
    assert activity(project) == before + 1
    examples, seen = training_examples(project)
    assert seen == before + 1
    assert Example(candidate.text, living, False) in examples
    assert Example(candidate.text, living, True) not in examples


def test_model_without_enough_examples_for_a_tag_leaves_that_tag_out():
    examples = [Example(s, 1, True) for s in LIVING] + [Example(s, 1, False) for s in OTHER]
    examples += [Example(s, 2, True) for s in INDUSTRY[:2]] + [Example(s, 2, False) for s in OTHER]
    model = train(examples)
    assert model is not None and model.tag_ids == {1}
    assert model.counts == {1: (len(LIVING), len(OTHER))}
