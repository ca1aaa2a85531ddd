"""The disagreement list on real project files: checked against a computation straight
from the definitions on random layers, and on hand-made cases."""

import itertools
from pathlib import Path

import pytest

from app.agreement.disagreements import Difference, differences
from app.agreement.errors import TooFewAnnotatorsError, UnknownUnitError
from app.editing.commands import AnnotationSpec, CreateAnnotations
from app.editing.history import History
from app.project import Project
from tests.app.test_agreement import TAGS, corpus, tag_randomly  # noqa: F401

NAMES = {1: "产业发展", 2: "民生", 3: "党建"}


def tag(path: Path, who: str, spans: list[tuple[int, int, int, int]]) -> None:
    project = Project.open(path, create=False, annotator=who)
    try:
        specs = tuple(AnnotationSpec(d, t, s, e, annotator=who) for d, t, s, e in spans)
        History(project).do(CreateAnnotations(specs), "tag")
    finally:
        project.close()


def brute_turns(contents, layers) -> set[tuple[int, str, int, int]]:
    found = set()
    for document, turns in contents.items():
        for start, end in turns:
            for tag_id in TAGS:
                values = {
                    any(d == document and t == tag_id and s < end and e > start for d, t, s, e in x)
                    for x in layers
                }
                if len(values) > 1:
                    found.add((document, NAMES[tag_id], start, end))
    return found


def brute_chars(contents, layers) -> set[tuple[int, str, int]]:
    """Every differing character (document, tag, place)."""
    found = set()
    for document, turns in contents.items():
        for start, end in turns:
            for place in range(start, end):
                for tag_id in TAGS:
                    values = {
                        any(d == document and t == tag_id and s <= place < e for d, t, s, e in x)
                        for x in layers
                    }
                    if len(values) > 1:
                        found.add((document, NAMES[tag_id], place))
    return found


def used(layers) -> set[str]:
    return {NAMES[t] for layer in layers for _d, t, _s, _e in layer}


@pytest.mark.parametrize("seed", [1, 2, 3, 4, 5])
def test_turns_and_characters_that_differ_are_those_of_the_definitions(corpus, seed):  # noqa: F811
    path, contents = corpus
    layers = [tag_randomly(path, contents, who, seed * 10 + n) for n, who in enumerate("ab")]
    project = Project.open(path, create=False)
    try:
        turns = differences(project, unit="turn")
        chars = differences(project, unit="char")
    finally:
        project.close()
    keep = used(layers)
    expected = {d for d in brute_turns(contents, layers) if d[1] in keep}
    assert {(d.document_id, d.tag, d.start, d.end) for d in turns} == expected
    assert len(turns) == len(expected)
    places = {(d.document_id, d.tag, p) for d in chars for p in range(d.start, d.end)}
    assert places == {c for c in brute_chars(contents, layers) if c[1] in keep}
    # Places of one tag never touch: adjacent differing characters form one place.
    ordered = sorted((d.document_id, d.tag, d.start, d.end) for d in chars)
    for first, second in itertools.pairwise(ordered):
        if first[:2] == second[:2]:
            assert first[3] <= second[2]
    for difference in turns + chars:
        by = {v.annotator: v.spans for v in difference.versions}
        assert list(by) == ["a", "b"]
        for who, layer in zip("ab", layers, strict=True):
            assert set(by[who]) == {
                (s, e)
                for d, t, s, e in layer
                if d == difference.document_id
                and NAMES[t] == difference.tag
                and s < difference.end
                and e > difference.start
            }


def test_spans(corpus):  # noqa: F811
    path, contents = corpus
    (q1, a1), (q2, _a2) = contents[1][0], contents[1][1]
    tag(
        path,
        "alice",
        [(1, 1, a1 + 1, a1 + 5), (1, 2, q2, q2 + 4), (2, 3, 40, 46), (1, 3, q1, q1 + 3)],
    )
    bob = [(1, 1, a1 + 1, a1 + 5), (1, 2, q2 + 1, q2 + 4), (1, 3, q1, q1 + 3), (2, 1, 10, 15)]
    tag(path, "bob", bob)
    project = Project.open(path, create=False)
    try:
        found = differences(project, unit="span")
        limited = differences(project, unit="span", limit=1)
        only = differences(project, unit="span", tags=["党建"])
        with pytest.raises(TooFewAnnotatorsError):
            differences(project, annotators=["alice"])
        with pytest.raises(UnknownUnitError):
            differences(project, unit="word")
    finally:
        project.close()
    # Identical spans (产业发展 and 党建 in document 1) are no difference.
    assert [(d.document_id, d.tag, d.start, d.end) for d in found] == [
        (1, "民生", q2, q2 + 4),
        (2, "产业发展", 10, 15),
        (2, "党建", 40, 46),
    ]
    shifted = found[0]
    assert shifted.title == "城东片区访谈"
    assert [(v.annotator, v.spans) for v in shifted.versions] == [
        ("alice", ((q2, q2 + 4),)),
        ("bob", ((q2 + 1, q2 + 4),)),
    ]
    silent = found[2]
    assert [(v.annotator, v.spans) for v in silent.versions] == [
        ("alice", ((40, 46),)),
        ("bob", ()),
    ]
    assert limited == found[:1]
    assert [d.tag for d in only] == ["党建"]
    assert all(isinstance(d, Difference) for d in found)


def test_identical_layers_have_no_differences(corpus):  # noqa: F811
    path, _contents = corpus
    spans = [(1, 1, 10, 20), (2, 2, 30, 45), (3, 3, 12, 18)]
    tag(path, "alice", spans)
    tag(path, "bob", spans)
    project = Project.open(path, create=False)
    try:
        for unit in ("turn", "char", "span"):
            assert differences(project, unit=unit) == ()
    finally:
        project.close()
