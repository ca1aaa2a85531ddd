"""The disagreement list on real project files: hand-made layers with every place written
out, and random layers checked against a computation straight from the definitions."""

import random
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

import pytest

from app.agreement.disagreements import Difference, Version, differences
from app.agreement.errors import TooFewAnnotatorsError, UnknownUnitError
from app.agreement.report import agreement
from app.editing.commands import AnnotationSpec, CreateAnnotations
from app.editing.history import History
from app.importing.importer import import_paths
from app.project import Project

pytestmark = pytest.mark.both_backends

INTERVIEWS = [
    "河湾社区访谈\n问：老旧小区改造进展如何？\n答：外墙和管网已经换完，电梯还在排队。\n"
    "问：停车难怎么解决？\n答：新建一个立体车库，明年春天投用。\n",
    "渔港访谈\n问：渔民转产有什么扶持？\n答：镇上办了培训班，学电商和民宿经营。\n",
]
TAGS = (1, 2, 3)
NAMES = {1: "产业发展", 2: "民生", 3: "党建"}  # the default codebook's first tags
INDUSTRY, LIVELIHOOD, PARTY = TAGS

Contents = dict[int, list[tuple[int, int]]]
Layer = list[tuple[int, int, int, int]]  # document, tag id, start, end


@dataclass(frozen=True)
class Corpus:
    path: Path
    contents: Contents  # each document's question and answer contents
    texts: dict[int, str]  # each document's text as stored

    def at(self, document: int, phrase: str, through: str | None = None) -> tuple[int, int]:
        """Where ``phrase`` begins, to where it (or ``through``, further on) ends."""
        text = self.texts[document]
        start = text.index(phrase)
        last = through or phrase
        return start, text.index(last, start) + len(last)


@pytest.fixture
def corpus(tmp_path: Path) -> Corpus:
    """A project with two interviews."""
    path = tmp_path / "team.fangtan"
    project = Project.open(path)
    sources = []
    for index, text in enumerate(INTERVIEWS):
        source = tmp_path / f"{index}.txt"
        source.write_text(text, encoding="utf-8")
        sources.append(source)
    assert import_paths(project, sources).failures == []
    documents = {document.id: project.document(document.id) for document in project.documents()}
    contents = {
        document_id: [
            (turn.content_start, turn.end)
            for turn in document.turns
            if turn.kind in ("question", "answer") and turn.content_start < turn.end
        ]
        for document_id, document in documents.items()
    }
    texts = {document_id: document.text for document_id, document in documents.items()}
    project.close()
    return Corpus(path, contents, texts)


def tag(path: Path, who: str, spans: Layer) -> None:
    project = Project.open(path, create=False, annotator=who)
    try:
        specs = tuple(AnnotationSpec(d, t, s, e, annotator=who) for d, t, s, e in spans)
        History(project).do(CreateAnnotations(specs), "tag")
    finally:
        project.close()


def listed(path: Path, **options: object) -> tuple[Difference, ...]:
    project = Project.open(path, create=False)
    try:
        return differences(project, **options)  # type: ignore[arg-type]
    finally:
        project.close()


def rows(found: tuple[Difference, ...]) -> list[tuple]:
    return [
        (d.document_id, d.tag, d.start, d.end, tuple((v.annotator, v.spans) for v in d.versions))
        for d in found
    ]


def test_turns_that_differ_with_every_version(corpus):
    path, contents, at = corpus.path, corpus.contents, corpus.at
    _question, first_answer, second_question, second_answer = contents[1]
    across = at(1, "电梯", "停车难")  # from the first answer into the next question
    car_park = at(1, "立体车库")
    tag(
        path,
        "alice",
        [
            (1, LIVELIHOOD, *at(1, "外墙和管网")),
            (1, INDUSTRY, *car_park),
            (1, INDUSTRY, *car_park),  # the same annotation twice counts once
            (2, PARTY, *at(2, "培训班")),
        ],
    )
    tag(
        path,
        "bob",
        [
            (1, LIVELIHOOD, *at(1, "外墙和管网已经换完")),  # same turn, other bounds: agreed
            (1, LIVELIHOOD, *at(1, "停车难")),
            (1, INDUSTRY, *across),
            (2, PARTY, *at(2, "培训班")),
        ],
    )
    assert first_answer == (at(1, "外墙")[0], at(1, "排队。")[1])
    assert rows(listed(path)) == [
        (1, "产业发展", *first_answer, (("alice", ()), ("bob", (across,)))),
        (1, "产业发展", *second_question, (("alice", ()), ("bob", (across,)))),
        (1, "民生", *second_question, (("alice", ()), ("bob", (at(1, "停车难"),)))),
        (1, "产业发展", *second_answer, (("alice", (car_park,)), ("bob", ()))),
    ]
    found = listed(path, tags=["民生"])
    assert [(d.title, d.tag, d.start) for d in found] == [
        ("河湾社区访谈", "民生", second_question[0])
    ]
    assert listed(path, limit=2) == listed(path)[:2]
    assert listed(path, limit=0) == ()


def test_character_places(corpus):
    path, contents, at = corpus.path, corpus.contents, corpus.at
    _question, _first_answer, second_question, _second_answer = contents[1]
    across = at(1, "电梯", "停车难")
    tag(
        path,
        "alice",
        [
            (1, LIVELIHOOD, *at(1, "外墙和")),
            (1, LIVELIHOOD, *at(1, "立体车库")),
            (2, INDUSTRY, *at(2, "镇上办了培训班")),
            (2, INDUSTRY, *at(2, "上办")),  # inside the other, ends where they differ
        ],
    )
    tag(
        path,
        "bob",
        [
            (1, LIVELIHOOD, *at(1, "管网已经")),
            (1, LIVELIHOOD, *at(1, "立体车库")),
            (1, INDUSTRY, *across),
            (2, INDUSTRY, *at(2, "镇上办")),
        ],
    )
    found = listed(path, unit="char")
    # 外墙和 (alice's) and 管网已经 (bob's) touch: one place; bob's span across two turns
    # gives one place in each, without the line break and the speaker label between.
    assert rows(found) == [
        (
            1,
            "民生",
            *at(1, "外墙和管网已经"),
            (("alice", (at(1, "外墙和"),)), ("bob", (at(1, "管网已经"),))),
        ),
        (1, "产业发展", *at(1, "电梯还在排队。"), (("alice", ()), ("bob", (across,)))),
        (1, "产业发展", second_question[0], across[1], (("alice", ()), ("bob", (across,)))),
        (
            2,
            "产业发展",
            *at(2, "了培训班"),
            (("alice", (at(2, "镇上办了培训班"),)), ("bob", ())),  # spans ending there: not in
        ),
    ]
    assert corpus.texts[1][second_question[0] : across[1]] == "停车难"
    assert [d.tag for d in listed(path, unit="char", tags=["产业发展"])] == ["产业发展"] * 3


def test_spans(corpus):
    path, at = corpus.path, corpus.at
    chain = [at(1, "外墙和"), at(1, "已经换完")]
    tag(
        path,
        "alice",
        [
            (1, INDUSTRY, *chain[0]),
            (1, INDUSTRY, *chain[1]),
            (1, LIVELIHOOD, *at(1, "立体车库")),
            (1, LIVELIHOOD, *at(1, "新建一个")),  # touches 立体车库: a group of its own
            (1, PARTY, *at(1, "老旧小区")),
            (2, PARTY, *at(2, "培训班")),
            (2, LIVELIHOOD, *at(2, "民宿经营")),
        ],
    )
    tag(
        path,
        "bob",
        [
            (1, INDUSTRY, *at(1, "和管网已")),  # joins alice's two spans into one group
            (1, LIVELIHOOD, *at(1, "立体车库", "明年")),
            (1, PARTY, *at(1, "老旧小区")),  # the same: no difference
            (2, LIVELIHOOD, *at(2, "民宿经营")),
        ],
    )
    found = listed(path, unit="span")
    assert rows(found) == [
        (
            1,
            "产业发展",
            *at(1, "外墙和管网已经换完"),
            (("alice", tuple(chain)), ("bob", (at(1, "和管网已"),))),
        ),
        (1, "民生", *at(1, "新建一个"), (("alice", (at(1, "新建一个"),)), ("bob", ()))),
        (
            1,
            "民生",
            *at(1, "立体车库", "明年"),
            (("alice", (at(1, "立体车库"),)), ("bob", (at(1, "立体车库", "明年"),))),
        ),
        (2, "党建", *at(2, "培训班"), (("alice", (at(2, "培训班"),)), ("bob", ()))),
    ]
    assert found[3].title == "渔港访谈"
    assert found[3].versions[1] == Version("bob", ())
    assert listed(path, unit="span", tags=["党建"]) == found[3:]
    assert listed(path, unit="span", limit=1) == found[:1]


def test_identical_layers_have_no_differences(corpus):
    path, at = corpus.path, corpus.at
    spans = [
        (1, INDUSTRY, *at(1, "电梯", "停车难")),
        (1, LIVELIHOOD, *at(1, "外墙和管网")),
        (2, PARTY, *at(2, "镇上办了培训班")),
    ]
    tag(path, "alice", spans)
    tag(path, "bob", list(reversed(spans)))
    for unit in ("turn", "char", "span"):
        assert listed(path, unit=unit) == ()


def test_errors_are_those_of_agreement(corpus):
    path, at = corpus.path, corpus.at
    tag(path, "alice", [(1, INDUSTRY, *at(1, "立体车库"))])
    tag(path, "bob", [(1, INDUSTRY, *at(1, "立体车库"))])
    project = Project.open(path, create=False)
    try:
        with pytest.raises(TooFewAnnotatorsError) as listing:
            differences(project, annotators=["alice"])
        with pytest.raises(TooFewAnnotatorsError) as figures:
            agreement(project, annotators=["alice"])
        with pytest.raises(UnknownUnitError, match="“word” is not a unit"):
            differences(project, unit="word")
    finally:
        project.close()
    assert str(listing.value) == str(figures.value)
    assert "only alice" in str(listing.value)


def tag_randomly(path: Path, contents: Contents, who: str, seed: int) -> Layer:
    """Annotations by ``who``, some inside turns, some across two, some repeated."""
    rnd = random.Random(seed)
    layer = []
    for document, spans in contents.items():
        low, high = spans[0][0], spans[-1][1]
        for _ in range(rnd.randint(1, 8)):
            start = rnd.randint(low, high - 1)
            end = rnd.randint(start + 1, min(high, start + 12))
            layer.append((document, rnd.choice(TAGS), start, end))
    layer += rnd.sample(layer, 2)
    tag(path, who, layer)
    return layer


def holds(layer: Layer, document: int, tag_id: int, start: int, end: int) -> bool:
    return any(d == document and t == tag_id and s < end and e > start for d, t, s, e in layer)


def brute_turns(contents: Contents, layers: list[Layer]) -> set[tuple]:
    return {
        (document, NAMES[tag_id], start, end)
        for document, turns in contents.items()
        for start, end in turns
        for tag_id in TAGS
        if len({holds(layer, document, tag_id, start, end) for layer in layers}) > 1
    }


def brute_chars(contents: Contents, layers: list[Layer]) -> set[tuple]:
    """Every differing character (document, tag, place)."""
    return {
        (document, NAMES[tag_id], place)
        for document, turns in contents.items()
        for start, end in turns
        for place in range(start, end)
        for tag_id in TAGS
        if len({holds(layer, document, tag_id, place, place + 1) for layer in layers}) > 1
    }


def brute_spans(layers: list[Layer]) -> set[tuple]:
    """Groups of overlapping annotations, joined until no two groups overlap."""
    found = set()
    for document, tag_id in {(d, t) for layer in layers for d, t, _s, _e in layer}:
        sets = [
            {(s, e) for d, t, s, e in layer if (d, t) == (document, tag_id)} for layer in layers
        ]
        groups = [{(s, e)} for s, e in set().union(*sets)]
        joined = True
        while joined:
            joined = False
            for one, other in ((a, b) for a in groups for b in groups if a is not b):
                if any(s < f and t < e for s, e in one for t, f in other):
                    one |= other
                    groups.remove(other)
                    joined = True
                    break
        for group in groups:
            if len({frozenset(spans & group) for spans in sets}) > 1:
                extent = (min(s for s, _ in group), max(e for _, e in group))
                found.add((document, NAMES[tag_id], *extent))
    return found


@pytest.mark.parametrize("seed", [1, 2, 3, 4, 5, 6])
def test_random_layers_match_the_definitions(corpus, seed):
    path, contents = corpus.path, corpus.contents
    layers = [tag_randomly(path, contents, who, seed * 10 + n) for n, who in enumerate("ab")]
    used = {NAMES[t] for layer in layers for _d, t, _s, _e in layer}
    turns, chars, spans = (listed(path, unit=unit) for unit in ("turn", "char", "span"))
    assert {(d.document_id, d.tag, d.start, d.end) for d in turns} == {
        place for place in brute_turns(contents, layers) if place[1] in used
    }
    assert len(turns) == len({(d.document_id, d.tag, d.start) for d in turns})
    assert {(d.document_id, d.tag, p) for d in chars for p in range(d.start, d.end)} == {
        char for char in brute_chars(contents, layers) if char[1] in used
    }
    assert {(d.document_id, d.tag, d.start, d.end) for d in spans} == brute_spans(layers)
    for found in (turns, chars, spans):
        keys = [(d.document_id, d.start, list(NAMES.values()).index(d.tag)) for d in found]
        assert keys == sorted(keys)
    # Character places of one tag never touch within a turn: a stretch is one place.
    ordered = sorted((d.document_id, d.tag, d.start, d.end) for d in chars)
    for first, second in pairwise(ordered):
        if first[:2] == second[:2]:
            assert first[3] < second[2] or any(second[2] == s for s, _ in contents[first[0]])
    for difference in turns + chars + spans:
        assert [v.annotator for v in difference.versions] == ["a", "b"]
        for version, layer in zip(difference.versions, layers, strict=True):
            assert version.spans == tuple(
                sorted(
                    {
                        (s, e)
                        for d, t, s, e in layer
                        if d == difference.document_id
                        and NAMES[t] == difference.tag
                        and s < difference.end
                        and e > difference.start
                    }
                )
            )
