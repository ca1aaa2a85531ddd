"""Agreement on real project files: the units are checked against a computation straight
from their definitions, the figures against scikit-learn and krippendorff."""

import json
import math
import random
from pathlib import Path

import krippendorff
import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sklearn.metrics import cohen_kappa_score

from app.agreement.errors import NoSharedDocumentsError, TooFewAnnotatorsError, UnusedTagError
from app.agreement.report import NominalAgreement, SpanAgreement, agreement
from app.cli import main
from app.editing.commands import AnnotationSpec, CreateAnnotations
from app.editing.history import History
from app.importing.importer import import_paths
from app.project import Project
from app.statistics.errors import UnknownAnnotatorNameError
from app.team.assignments import mark

pytestmark = pytest.mark.both_backends

INTERVIEWS = [
    "城东片区访谈\n记者：许宁\n问：旧厂房怎么用？\n答：一半做创业园，一半留给社区活动。\n"
    "问：居民最关心什么？\n答：停车和菜市场，这两件事今年都要落地。\n",
    "港区访谈\n记者：唐波\n问：港口今年的目标？\n答：集装箱吞吐量再上一个台阶。\n"
    "问：党员先锋岗怎么设？\n答：每个码头班组设一个，夜班也有人值守。\n问：还有什么补充？\n"
    "答：没有了。\n",
    "乡村访谈\n记者：韩雪\n问：合作社办得怎样？\n答：去年分红比前年多了两成。\n",
]
TAGS = (1, 2, 3)


@pytest.fixture
def corpus(tmp_path: Path) -> tuple[Path, dict[int, list[tuple[int, int]]]]:
    """A project with three interviews; returns its path and each document's contents."""
    path = tmp_path / "team.fangtan"
    project = Project.open(path)
    sources = []
    for index, text in enumerate(INTERVIEWS):
        source = tmp_path / f"{index}.txt"
        source.write_text(text, encoding="utf-8")
        sources.append(source)
    assert import_paths(project, sources).failures == []
    contents = {
        document.id: [
            (turn.content_start, turn.end)
            for turn in project.document(document.id).turns
            if turn.kind in ("question", "answer") and turn.content_start < turn.end
        ]
        for document in project.documents()
    }
    project.close()
    return path, contents


def tag_randomly(path: Path, contents, who: str, seed: int, documents=(1, 2, 3)) -> list[tuple]:
    """Annotations by ``who``, some inside turns, some across two, some repeated."""
    rnd = random.Random(seed)
    specs = []
    for document in documents:
        spans = contents[document]
        low, high = spans[0][0], spans[-1][1]
        for _ in range(rnd.randint(1, 7)):
            start = rnd.randint(low, high - 1)
            end = rnd.randint(start + 1, min(high, start + 25))
            specs.append(AnnotationSpec(document, rnd.choice(TAGS), start, end, annotator=who))
    project = Project.open(path, create=False, annotator=who)
    try:
        History(project).do(CreateAnnotations(tuple(specs)), "tag")
    finally:
        project.close()
    return [(s.document_id, s.tag_id, s.start, s.end) for s in specs]


def brute_turns(contents, layers, tag, documents):
    codes = []
    for document in documents:
        for cs, ce in contents[document]:
            codes.append(
                [
                    int(
                        any(
                            d == document and t == tag and s < ce and e > cs for d, t, s, e in spans
                        )
                    )
                    for spans in layers
                ]
            )
    return np.array(codes)


def brute_chars(contents, layers, tag, documents):
    codes = []
    for document in documents:
        for cs, ce in contents[document]:
            for place in range(cs, ce):
                codes.append(
                    [
                        int(any(d == document and t == tag and s <= place < e for d, t, s, e in sp))
                        for sp in layers
                    ]
                )
    return np.array(codes)


def close(ours, reference):
    if reference is None or (isinstance(reference, float) and math.isnan(reference)):
        return ours is None
    return ours is not None and abs(ours - reference) < 1e-9


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(seed=st.integers(0, 10_000), unit=st.sampled_from(["turn", "char"]))
def test_figures_are_those_of_the_defined_units(corpus, seed, unit):
    path, contents = corpus
    copy = path.with_name(f"copy-{seed}-{unit}.fangtan")
    copy.write_bytes(path.read_bytes())
    alice = tag_randomly(copy, contents, "alice", seed)
    bob = tag_randomly(copy, contents, "bob", seed + 1, documents=(1, 2))
    project = Project.open(copy, create=False, read_only=True)
    try:
        found = agreement(project, unit=unit)
    finally:
        project.close()
    assert isinstance(found, NominalAgreement)
    assert found.annotators == ("alice", "bob") and found.documents == 2  # bob skipped 3
    brute = brute_turns if unit == "turn" else brute_chars
    names = {1: "产业发展", 2: "民生", 3: "党建"}
    pooled = []
    for tag, name in names.items():
        codes = brute(contents, [alice, bob], tag, (1, 2))
        pooled.append(codes)
        if name not in found.tags:
            continue
        figures = found.tags[name].coefficients
        assert figures.units == len(codes)
        assert close(figures.percent, float(np.mean(codes[:, 0] == codes[:, 1])))
        assert close(figures.cohen_kappa, cohen_kappa_score(codes[:, 0], codes[:, 1]))
        alpha = krippendorff.alpha(reliability_data=codes.T, level_of_measurement="nominal")
        assert close(figures.krippendorff_alpha, float(alpha) if len(set(codes.flat)) > 1 else None)
    everything = np.concatenate([pooled[list(names.values()).index(n)] for n in found.tags])
    assert found.pooled.coefficients.units == len(everything)
    assert close(
        found.pooled.coefficients.cohen_kappa, cohen_kappa_score(everything[:, 0], everything[:, 1])
    )


def test_identical_layers_agree_fully_on_every_unit(corpus):
    path, contents = corpus
    spans = tag_randomly(path, contents, "alice", 7)
    specs = tuple(AnnotationSpec(d, t, s, e, annotator="bob") for d, t, s, e in spans)
    project = Project.open(path, create=False)
    try:
        History(project).do(CreateAnnotations(specs), "copy")
        for unit in ("turn", "char"):
            found = agreement(project, unit=unit)
            assert found.pooled.coefficients.percent == 1.0
        spans_found = agreement(project, unit="span")
    finally:
        project.close()
    assert isinstance(spans_found, SpanAgreement)
    assert spans_found.pairs["alice|bob"].exact_f1 == 1.0
    assert all(tag.unitizing_alpha == 1.0 for tag in spans_found.tags.values())


def test_a_document_marked_done_without_annotations_is_compared(corpus):
    path, contents = corpus
    tag_randomly(path, contents, "alice", 3)
    tag_randomly(path, contents, "bob", 4, documents=(1,))
    project = Project.open(path, create=False)
    try:
        assert agreement(project).documents == 1
        History(project).do(mark(2, "bob", True), "done")
        assert agreement(project).documents == 2
    finally:
        project.close()


def test_what_cannot_be_compared_is_said_in_one_line(corpus, capsys):
    path, contents = corpus
    tag_randomly(path, contents, "alice", 5, documents=(1,))
    project = Project.open(path, create=False)
    try:
        with pytest.raises(TooFewAnnotatorsError):
            agreement(project)
        tag_randomly(path, contents, "bob", 6, documents=(2,))
        with pytest.raises(NoSharedDocumentsError):
            agreement(project)
        with pytest.raises(UnknownAnnotatorNameError):
            agreement(project, annotators=["alice", "zoe"])
    finally:
        project.close()
    tag_randomly(path, contents, "bob", 8, documents=(1,))
    for arguments in (["--annotators", "alice"], ["--tags", "城市更新"]):
        assert main(["agreement", str(path), *arguments]) == 1
        error = capsys.readouterr().err
        assert error.startswith("fangtan: ") and error.count("\n") == 1 and "nan" not in error
    project = Project.open(path, create=False, read_only=True)
    try:
        with pytest.raises(UnusedTagError):
            agreement(project, tags=["城市更新"])
    finally:
        project.close()


def test_the_command_line_prints_the_same_figures_as_json(corpus, capsys):
    path, contents = corpus
    tag_randomly(path, contents, "alice", 11)
    tag_randomly(path, contents, "bob", 12)
    tag_randomly(path, contents, "carol", 13)
    assert main(["agreement", str(path), "--unit", "turn", "--json"]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert payload["annotators"] == ["alice", "bob", "carol"]
    assert payload["unit"] == "turn" and payload["documents"] == 3
    first = next(iter(payload["tags"].values()))
    assert set(first) == {
        "units",
        "percent",
        "cohen_kappa",
        "pairwise_cohen_kappa",
        "fleiss_kappa",
        "krippendorff_alpha",
        "gwet_ac1",
        "warnings",
    }
    assert set(first["pairwise_cohen_kappa"]) == {"alice|bob", "alice|carol", "bob|carol"}
    assert "few_units" in first["warnings"]  # 14 turns
    assert main(["agreement", str(path), "--unit", "span", "--json"]) == 0
    spans = json.loads(capsys.readouterr().out)
    assert set(spans["pairs"]["alice|bob"]) == {"exact_f1", "overlap_f1"}
    assert main(["agreement", str(path)]) == 0
    text = capsys.readouterr().out
    assert "(pooled)" in text and "nan" not in text.lower()
