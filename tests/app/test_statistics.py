"""The overview numbers (tag × document, groups, co-occurrence, coverage, progress) against
hand-worked values on two interviews, and against a brute-force count over the exported
annotation CSV and the stored turns on seeded random projects."""

import csv
import random
import tempfile
from datetime import date
from itertools import combinations
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.editing.commands import AnnotationSpec, CreateAnnotations
from app.editing.document_commands import UpdateDocument
from app.editing.tag_commands import CreateTag, TagSpec
from app.exchange import export
from app.importing.importer import import_paths
from app.project import Project
from app.statistics import overview
from app.statistics.arrays import ContentColumns, SpanColumns
from app.statistics.cooccurrence import build_cooccurrence
from app.statistics.matrix import Corpus, DocumentRef, TagRef, build_matrix
from app.statistics.progress import coding_progress
from models import Document, Turn

pytestmark = pytest.mark.both_backends

FIRST = """乡镇访谈一

——访河东镇党委书记王明

记者:今年河东镇在民生方面有哪些打算?

王明:我们要把养老服务做实,新建两个社区食堂。

记者:产业发展呢?

王明:引进三家制造企业,带动就业五百人。
"""
SECOND = """乡镇访谈二

——访山前街道党工委书记李华

记者:街道在基层治理上有什么新做法?

李华:把支部建在小区里,党员带头参加志愿服务。
"""


def two_interviews(project: Project) -> dict[str, int]:
    """Import the two interviews, describe them and tag them; returns the tag ids.

    Interview 1 (王明, undated, new), answers 45..65 and 81..98 (37 characters), tagged
    by the project's annotator: 民生 30..36 (question), 45..55, 52..72 (from the first
    answer into the second question), 产业发展 50..60 and 81..90. Interview 2 (李华,
    2023-03-15, series 访谈录, done), answer 46..66, tagged by 李编辑: 党建 29..33
    (question) and 46..66, 民生 55..61. Both come from the outlet 河东晚报.
    """
    folder = Path(tempfile.mkdtemp(prefix="fangtan-interviews-"))
    for name, text in (("1.txt", FIRST), ("2.txt", SECOND)):
        (folder / name).write_text(text, encoding="utf-8")
    report = import_paths(project, [folder / "1.txt", folder / "2.txt"])
    assert [document.id for document in report.imported] == [1, 2]
    project.execute(UpdateDocument(1, {"outlet": "河东晚报"}))
    project.execute(
        UpdateDocument(
            2,
            {
                "outlet": "河东晚报",
                "series": "访谈录",
                "published_on": date(2023, 3, 15),
                "status": "done",
            },
        )
    )
    tags = {tag.name: tag.id for tag in project.tags()}
    spans = [
        (1, "民生", 30, 36, None),
        (1, "民生", 45, 55, None),
        (1, "民生", 52, 72, None),
        (1, "产业发展", 50, 60, None),
        (1, "产业发展", 81, 90, None),
        (2, "党建", 29, 33, "李编辑"),
        (2, "党建", 46, 66, "李编辑"),
        (2, "民生", 55, 61, "李编辑"),
    ]
    project.execute(
        CreateAnnotations(
            tuple(
                AnnotationSpec(document, tags[tag], start, end, annotator=annotator)
                for document, tag, start, end, annotator in spans
            )
        )
    )
    return tags


def test_two_interviews_give_the_hand_worked_numbers(project, reopen) -> None:
    tags = two_interviews(project)
    found = overview(reopen(project))
    matrix, pairs = found.matrix, found.cooccurrence

    assert [tag.name for tag in matrix.tags] == ["产业发展", "民生", "党建", "城市更新"]
    livelihood = matrix.cell(tags["民生"], 1)
    assert (livelihood.annotations, livelihood.characters) == (3, 33)
    assert livelihood.answer_share == pytest.approx(20 / 37)
    industry = matrix.cell(tags["产业发展"], 1)
    assert (industry.annotations, industry.characters, industry.answer_characters) == (2, 19, 19)
    assert matrix.cell(tags["党建"], 2).answer_share == 1.0
    assert matrix.cell(tags["民生"], 2).answer_share == pytest.approx(0.3)
    empty = matrix.cell(tags["城市更新"], 1)
    assert (empty.annotations, empty.answer_total, empty.answer_share) == (0, 37, 0.0)

    outlet = matrix.group_cell("outlet", tags["民生"], "河东晚报")
    assert (outlet.annotations, outlet.characters, outlet.answer_characters) == (4, 39, 26)
    assert outlet.answer_share == pytest.approx(26 / 57)
    assert matrix.group_cell("interviewee", tags["民生"], "李华").annotations == 1
    assert matrix.group_cell("series", tags["党建"], "").answer_total == 37
    assert matrix.values("month") == ("", "2023-03")
    assert matrix.by_month() == {
        tags["产业发展"]: {"": 2},
        tags["民生"]: {"": 3, "2023-03": 1},
        tags["党建"]: {"2023-03": 2},
        tags["城市更新"]: {},
    }

    pair = pairs.pair(tags["民生"], tags["产业发展"])
    assert pair.key == "产业发展|民生"
    assert (pair.overlapping, pair.same_turn, pair.first_turns, pair.second_turns) == (2, 1, 2, 4)
    assert (pair.c, pair.skewed) == (pytest.approx(0.2), False)
    together = pairs.pair(tags["民生"], tags["党建"])
    assert (together.key, together.overlapping, together.same_turn) == ("民生|党建", 1, 1)
    apart = pairs.pair(tags["产业发展"], tags["党建"])
    assert (apart.overlapping, apart.same_turn, apart.c, apart.skewed) == (0, 0, 0.0, False)
    unused = pairs.pair(tags["城市更新"], tags["民生"])
    assert (unused.c, unused.skewed) == (0.0, True)  # 0 turns against 4
    assert list(pairs.pairs) == [
        (first.id, second.id) for first, second in combinations(matrix.tags, 2)
    ]

    assert (matrix.coverage[1].characters, matrix.coverage[1].answer_characters) == (42, 29)
    assert matrix.coverage[2].answer_share == 1.0
    assert (found.progress.overall.new, found.progress.overall.done) == (1, 1)
    assert found.progress.annotators["李编辑"].done == 1
    assert found.progress.annotators["tester"].new == 1


def test_an_empty_project_has_tags_but_no_numbers(project) -> None:
    found = overview(project)
    assert found.matrix.documents == ()
    assert all(not cells for cells in found.matrix.cells.values())
    assert all(pair.same_turn == 0 for pair in found.cooccurrence.pairs.values())
    assert coding_progress(project).overall.total == 0


# Seeded random projects against a brute-force count --------------------------------

KINDS = ("heading", "question", "answer", "narration", "answer", "question")
PHRASES = ["我们镇今年", "重点抓好", "社区养老", "道路建设", "招商引资", "😀𠮷", "党员志愿服务"]


def random_project(project: Project, rng: random.Random) -> None:
    """A few documents with random turns and metadata, random tags by random annotators."""
    project.execute(CreateTag(TagSpec("乡村振兴", "#336699")))
    with project.writing() as session:
        for number in range(rng.randint(2, 4)):
            pieces: list[str] = []
            turns = []
            length = 0
            for index in range(rng.randint(1, 7)):
                label = rng.choice(["", "记者:", "张书记:"])
                body = "".join(rng.choice(PHRASES) for _ in range(rng.randint(0, 4)))
                start = length + (2 if pieces else 0)
                pieces.append(label + body)
                length = start + len(label) + len(body)
                turns.append((index, rng.choice(KINDS), start, start + len(label), length))
            text = "\n\n".join(pieces) or "空"
            document = Document(
                title=f"随机访谈{number}",
                interviewee=rng.choice(["张书记", "李主任", ""]),
                outlet=rng.choice(["河东晚报", ""]),
                series=rng.choice(["访谈录", "一线", ""]),
                published_on=rng.choice([None, date(2023, rng.randint(1, 3), 9)]),
                status=rng.choice(["new", "in_progress", "done"]),
                sha256=f"{number:064d}",
                text=text,
            )
            session.add(document)
            session.flush()
            session.add_all(
                Turn(
                    document_id=document.id,
                    index=index,
                    kind=kind,
                    start=start,
                    content_start=content,
                    end=end,
                )
                for index, kind, start, content, end in turns
            )
    tag_ids = [tag.id for tag in project.tags()]
    specs = []
    for document in project.documents():
        length = len(project.document(document.id).text)
        for _ in range(rng.randint(0, 14)):
            start = rng.randrange(length)
            end = rng.randint(start + 1, min(length, start + rng.choice([2, 6, 30])))
            annotator = rng.choice(["tester", "李编辑", "王编辑"])
            specs.append(
                AnnotationSpec(document.id, rng.choice(tag_ids), start, end, annotator=annotator)
            )
    if specs:
        project.execute(CreateAnnotations(tuple(specs)))


def exported_annotations(project: Project, folder: Path) -> list[dict[str, str]]:
    target = folder / "annotations.csv"
    export(project, "csv", target)
    with target.open(encoding="utf-8-sig", newline="") as stream:
        return list(csv.DictReader(stream))


def characters(spans: list[tuple[int, int]]) -> set[int]:
    return {offset for start, end in spans for offset in range(start, end)}


def brute_force(project: Project, rows: list[dict[str, str]]) -> dict[str, object]:
    """Every number straight from the definitions: sets of characters, all pairs."""
    documents = {d.id: project.document(d.id) for d in project.documents()}
    answers = {
        key: characters([(t.content_start, t.end) for t in doc.turns if t.kind == "answer"])
        for key, doc in documents.items()
    }
    spoken = {
        key: [
            set(range(t.content_start, t.end))
            for t in doc.turns
            if t.kind in ("question", "answer")
        ]
        for key, doc in documents.items()
    }
    spans = [
        (int(r["document_id"]), r["tag"], int(r["start"]), int(r["end"]), r["annotator"])
        for r in rows
    ]
    cells = {}
    for document_id, tag in {(d, t) for d, t, _s, _e, _a in spans}:
        mine = [(s, e) for d, t, s, e, _a in spans if (d, t) == (document_id, tag)]
        covered = characters(mine)
        total = len(answers[document_id])
        share = len(covered & answers[document_id]) / total if total else 0.0
        cells[(tag, document_id)] = (len(mine), len(covered), share)
    groups = {}
    for grouping in ("interviewee", "outlet", "series", "month"):

        def value(document_id: int, grouping: str = grouping) -> str:
            meta = documents[document_id].meta
            if grouping == "month":
                return meta.published_on.strftime("%Y-%m") if meta.published_on else ""
            return getattr(meta, grouping)

        for (tag, document_id), (count, covered, _share) in cells.items():
            key = (grouping, tag, value(document_id))
            before = groups.get(key, (0, 0))
            groups[key] = (before[0] + count, before[1] + covered)
    carried: dict[str, int] = {}
    same: dict[frozenset[str], int] = {}
    for document_id, turns in spoken.items():
        for content in turns:
            tags = {
                t for d, t, s, e, _a in spans if d == document_id and content & set(range(s, e))
            }
            for tag in tags:
                carried[tag] = carried.get(tag, 0) + 1
            for pair in combinations(sorted(tags), 2):
                same[frozenset(pair)] = same.get(frozenset(pair), 0) + 1
    overlapping: dict[frozenset[str], int] = {}
    for a, b in combinations(spans, 2):
        if a[0] == b[0] and a[1] != b[1] and a[2] < b[3] and b[2] < a[3]:
            key = frozenset((a[1], b[1]))
            overlapping[key] = overlapping.get(key, 0) + 1
    coverage = {}
    for document_id in documents:
        covered = characters([(s, e) for d, _t, s, e, _a in spans if d == document_id])
        total = len(answers[document_id])
        coverage[document_id] = len(covered & answers[document_id]) / total if total else 0.0
    progress: dict[str, dict[str, int]] = {}
    for name in {a for _d, _t, _s, _e, a in spans}:
        for document_id in {d for d, _t, _s, _e, a in spans if a == name}:
            status = documents[document_id].meta.status
            progress.setdefault(name, {}).setdefault(status, 0)
            progress[name][status] += 1
    return {
        "cells": cells,
        "groups": groups,
        "carried": carried,
        "same": same,
        "overlapping": overlapping,
        "coverage": coverage,
        "progress": progress,
    }


@pytest.mark.parametrize("seed", range(6))
def test_numbers_match_a_brute_force_count(seed: int, project, reopen, tmp_path: Path) -> None:
    random_project(project, random.Random(seed))
    project = reopen(project)
    expected = brute_force(project, exported_annotations(project, tmp_path))
    found = overview(project)
    matrix, pairs = found.matrix, found.cooccurrence
    names = {tag.id: tag.name for tag in matrix.tags}

    cells = {
        (names[tag], document): (cell.annotations, cell.characters, cell.answer_share)
        for tag, documents in matrix.cells.items()
        for document, cell in documents.items()
    }
    assert cells.keys() == expected["cells"].keys()
    for key, (count, covered, share) in expected["cells"].items():
        assert cells[key][:2] == (count, covered)
        assert cells[key][2] == pytest.approx(share)
    groups = {
        (grouping, names[tag], value): (cell.annotations, cell.characters)
        for grouping, by_tag in matrix.groups.items()
        for tag, by_value in by_tag.items()
        for value, cell in by_value.items()
    }
    assert groups == expected["groups"]
    for pair in pairs.pairs.values():
        key = frozenset((pair.first.name, pair.second.name))
        assert pair.overlapping == expected["overlapping"].get(key, 0)
        assert pair.same_turn == expected["same"].get(key, 0)
        assert pair.first_turns == expected["carried"].get(pair.first.name, 0)
        assert pair.second_turns == expected["carried"].get(pair.second.name, 0)
    for document, share in expected["coverage"].items():
        assert matrix.coverage[document].answer_share == pytest.approx(share)
    progress = {
        name: {key: value for key, value in vars(counts).items() if value}
        for name, counts in found.progress.annotators.items()
        if counts.total
    }
    assert progress == expected["progress"]


# The sweeps on their own, on generated annotations ---------------------------------

spans_strategy = st.lists(
    st.tuples(st.integers(0, 40), st.integers(1, 12), st.sampled_from([1, 2, 3])),
    max_size=25,
)


@given(spans=spans_strategy, cut=st.integers(0, 50))
def test_sweeps_agree_with_all_pairs(spans: list[tuple[int, int, int]], cut: int) -> None:
    """Two turns, a question up to ``cut`` and an answer after it."""
    annotations = sorted((1, start, start + length, tag, None) for start, length, tag in spans)
    contents = [("question", 0, cut), ("answer", cut + 2, 60)]
    corpus = Corpus(
        tags=tuple(TagRef(tag, f"标签{tag}") for tag in (1, 2, 3)),
        documents=(DocumentRef(1, "访谈", "", "", "", "", "new", max(0, 58 - cut)),),
        spans=SpanColumns.of(annotations),
        contents=ContentColumns.of([(1, *c) for c in contents if c[1] < c[2]]),
    )
    matrix = build_matrix(corpus)
    pairs = build_cooccurrence(corpus)
    answer = set(range(cut + 2, 60))
    for tag in (1, 2, 3):
        covered = characters([(s, e) for _d, s, e, t, _a in annotations if t == tag])
        cell = matrix.cell(tag, 1)
        assert cell.characters == len(covered)
        assert cell.answer_characters == len(covered & answer)
    for (first, second), pair in pairs.pairs.items():
        assert pair.overlapping == sum(
            1
            for a in annotations
            for b in annotations
            if a[3] == first and b[3] == second and a[1] < b[2] and b[1] < a[2]
        )
