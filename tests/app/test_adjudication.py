"""Adjudication into the gold layer, read back from the project file."""

import csv
import json
import sqlite3
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import delete

from app.cli import main
from app.editing.commands import AnnotationSpec, CreateAnnotations
from app.editing.history import History
from app.importing.importer import import_paths
from app.project import Project
from app.team.adjudication import (
    FINISH_STEP,
    REJECT_STEP,
    Curation,
    Disagreement,
    SingleLayerError,
    UnknownRuleError,
    Version,
    accept,
    adjudicate,
    auto_gold,
    curation,
    curations,
    finish,
    reject,
)
from app.team.assignments import step_name
from models import Annotation

pytestmark = pytest.mark.both_backends

INTERVIEWS = [
    "河湾社区访谈\n记者：周岚\n问：今年社区最大的变化是什么？\n"
    "答：老旧小区加装了电梯，楼下还开了一家食堂，老人吃饭方便多了。\n"
    "问：还有什么打算？\n答：明年想把河边的步道修通，再办一个周末集市。\n",
    "林场访谈\n记者：钱峰\n问：防火季怎么安排？\n答：每个山头都有人轮流守着。\n",
    "茶园访谈\n记者：孔文\n问：春茶收成如何？\n答：比去年多了三成，价格也稳住了。\n",
]
GOLD_ROWS = (
    'SELECT a.document_id, a.tag_id, a.start, a."end", a.note FROM annotations a '
    "JOIN annotators n ON n.id = a.annotator_id WHERE n.name = 'gold' "
    'ORDER BY a.document_id, a.tag_id, a.start, a."end"'
)
GOLD_STATUS = (
    "SELECT s.document_id, s.status, s.done_at IS NOT NULL FROM assignments s "
    "JOIN annotators n ON n.id = s.annotator_id WHERE n.name = 'gold' ORDER BY s.document_id"
)


def query(path: Path, sql: str) -> list[tuple]:
    connection = sqlite3.connect(path)
    try:
        return connection.execute(sql).fetchall()
    finally:
        connection.close()


def everything(path: Path) -> dict[str, list[tuple]]:
    """Every annotation, annotator and assignment row of the closed file."""
    return {
        table: sorted(query(path, f"SELECT * FROM {table}"), key=repr)
        for table in ("annotations", "assignments")
    }


@pytest.fixture
def team(tmp_path: Path) -> tuple[Path, int, int]:
    """Three interviews; alice, bob and carol annotate 1, alice alone 2, alice and bob 3.

    Returns the project path and the ids of the two tags used."""
    path = tmp_path / "team.fangtan"
    project = Project.open(path, annotator="lead")
    sources = []
    for index, text in enumerate(INTERVIEWS):
        source = tmp_path / f"{index}.txt"
        source.write_text(text, encoding="utf-8")
        sources.append(source)
    assert import_paths(project, sources).failures == []
    first, second = (tag.id for tag in project.tags()[:2])
    spans = {
        "alice": [
            (1, first, 5, 10, ""),
            (1, first, 20, 30, "电梯"),
            (1, second, 40, 45, ""),
            (2, first, 3, 8, ""),
            (3, first, 3, 8, ""),
        ],
        "bob": [
            (1, first, 5, 10, "开头一句"),
            (1, first, 20, 30, ""),
            (1, second, 44, 50, ""),
            (3, first, 3, 8, "收成"),
        ],
        "carol": [
            (1, first, 5, 10, "另一条"),
            (1, first, 22, 32, ""),
            (1, second, 49, 55, ""),
            (1, first, 41, 43, ""),
        ],
    }
    for who, rows in spans.items():
        specs = tuple(
            AnnotationSpec(document, tag, start, end, note=note, annotator=who)
            for document, tag, start, end, note in rows
        )
        project.execute(CreateAnnotations(specs))
    project.close()
    return path, first, second


def opened(path: Path) -> Project:
    return Project.open(path, create=False, annotator="lead")


def test_unanimous_and_majority_agree_on_different_keys(team):
    path, first, _ = team
    project = opened(path)
    try:
        unanimous = curations(project, "unanimous")
        majority = curations(project, "majority")
    finally:
        project.close()
    assert [item.document_id for item in unanimous] == [1, 3]  # 2 has one annotator
    assert unanimous[0].annotators == ("alice", "bob", "carol")
    assert unanimous[0].agreed == ((first, 5, 10),)
    assert majority[0].agreed == ((first, 5, 10), (first, 20, 30))
    assert unanimous[1].annotators == ("alice", "bob")
    assert unanimous[1].agreed == majority[1].agreed == ((first, 3, 8),)
    assert unanimous[0].notes == {(first, 5, 10): "开头一句"}  # the first annotator's note
    assert majority[0].notes == {(first, 5, 10): "开头一句", (first, 20, 30): "电梯"}


def test_overlapping_annotations_of_one_tag_cluster_transitively(team):
    path, first, second = team
    project = opened(path)
    try:
        found = curation(project, 1, "unanimous")
        majority = curation(project, 1, "majority")
    finally:
        project.close()
    assert isinstance(found, Curation)
    assert found.disagreements == (
        Disagreement(
            1,
            found.title,
            first,
            20,
            32,
            (
                Version("alice", ((20, 30),)),
                Version("bob", ((20, 30),)),
                Version("carol", ((22, 32),)),
            ),
            (),
        ),
        Disagreement(
            1,
            found.title,
            first,
            41,
            43,
            (Version("alice", ()), Version("bob", ()), Version("carol", ((41, 43),))),
            (),
        ),
        Disagreement(
            1,
            found.title,
            second,
            40,
            55,
            (
                Version("alice", ((40, 45),)),
                Version("bob", ((44, 50),)),
                Version("carol", ((49, 55),)),
            ),
            (),
        ),
    )
    # Under majority the agreed 20-30 leaves carol's 22-32 alone in its disagreement.
    assert [(d.tag_id, d.start, d.end) for d in majority.disagreements] == [
        (first, 22, 32),
        (first, 41, 43),
        (second, 40, 55),
    ]
    assert majority.disagreements[0].versions[2] == Version("carol", ((22, 32),))


def test_adjudicating_twice_adds_nothing_and_undo_removes_exactly_it(team):
    path, first, _ = team
    before = everything(path)
    project = opened(path)
    try:
        report = adjudicate(project, "majority")
        again = adjudicate(project, "majority")
    finally:
        project.close()
    assert [(r.document_id, r.agreed, r.added, r.disagreements) for r in report.documents] == [
        (1, 2, 2, 2),  # carol's 22-32 overlaps the gold 20-30, so it counts as resolved
        (3, 1, 1, 0),
    ]
    assert (report.added, report.disagreements) == (3, 2)
    assert again.added == 0 and again.disagreements == 2
    assert query(path, GOLD_ROWS) == [
        (1, first, 5, 10, "开头一句"),
        (1, first, 20, 30, "电梯"),
        (3, first, 3, 8, "收成"),
    ]
    assert query(path, GOLD_STATUS) == [(1, "assigned", 0), (3, "assigned", 0)]
    assert query(path, "SELECT count(*) FROM history_steps") == [(1,)]  # the rerun: no step
    project = opened(path)
    try:
        History(project).undo()
    finally:
        project.close()
    assert everything(path) == before
    project = opened(path)
    try:
        History(project).redo()
    finally:
        project.close()
    assert len(query(path, GOLD_ROWS)) == 3


def test_a_gold_annotation_is_gold_whoever_runs_the_step(team):
    path, first, _ = team
    project = Project.open(path, create=False, annotator="carol")
    try:
        History(project).do(auto_gold(project, "unanimous", [1]), "gold")
        assert auto_gold(project, "unanimous", [1]).commands[0].states[0].annotator == "gold"
    finally:
        project.close()
    assert query(path, GOLD_ROWS) == [(1, first, 5, 10, "开头一句")]


def test_accepting_adjusted_boundaries_and_rejecting_are_single_steps(team):
    path, _, second = team
    project = opened(path)
    history = History(project)
    try:
        spread = curation(project, 1, "unanimous").disagreements[2]
        assert spread.tag_id == second and not spread.resolved
        history.do(accept(spread, [(41, 52)]), "accept")
        spread = curation(project, 1, "unanimous").disagreements[2]
        assert spread.resolved and [(g.start, g.end) for g in spread.gold] == [(41, 52)]
        kept = spread.gold[0].id
        history.do(accept(spread, [(41, 52), (49, 55), (40, 45)]), "accept versions")
        spread = curation(project, 1, "unanimous").disagreements[2]
        assert [(g.start, g.end) for g in spread.gold] == [(40, 45), (41, 52), (49, 55)]
        assert kept in {g.id for g in spread.gold}  # an accepted span already there stays
        history.do(reject(spread), step_name(REJECT_STEP, spread.title))
    finally:
        project.close()
    assert query(path, GOLD_ROWS) == []
    assert query(path, GOLD_STATUS) == [(1, "assigned", 0)]
    project = opened(path)
    try:
        History(project).undo()
    finally:
        project.close()
    assert [row[1:4] for row in query(path, GOLD_ROWS)] == [
        (second, 40, 45),
        (second, 41, 52),
        (second, 49, 55),
    ]


REJECTIONS = 'SELECT document_id, tag_id, start, "end" FROM gold_rejections ORDER BY id'


def test_a_rejected_place_is_kept_decided_until_accepted_again(team):
    path, _, second = team
    project = opened(path)
    history = History(project)
    try:
        spread = curation(project, 1, "unanimous").disagreements[2]
        history.do(reject(spread), step_name(REJECT_STEP, spread.title))
        spread = curation(project, 1, "unanimous").disagreements[2]
        assert spread.rejected and spread.resolved and spread.gold == ()
        place = (1, second, spread.start, spread.end)
        assert query(path, REJECTIONS) == [place]
        # Rejecting again keeps one rejection of the place.
        history.do(reject(spread), step_name(REJECT_STEP, spread.title))
        assert query(path, REJECTIONS) == [place]
        spread = curation(project, 1, "unanimous").disagreements[2]
        history.do(accept(spread, [(41, 52)]), "accept")
        spread = curation(project, 1, "unanimous").disagreements[2]
        assert not spread.rejected and [(g.start, g.end) for g in spread.gold] == [(41, 52)]
        assert query(path, REJECTIONS) == []
        history.undo()
        assert query(path, REJECTIONS) == [place]
        assert query(path, GOLD_ROWS) == []
        history.undo()
        history.undo()
        assert query(path, REJECTIONS) == []
        assert not curation(project, 1, "unanimous").disagreements[2].resolved
        history.redo()
        assert query(path, REJECTIONS) == [place]
    finally:
        project.close()
    project = opened(path)
    try:
        assert curation(project, 1, "unanimous").disagreements[2].rejected
        assert adjudicate(project, "unanimous", [1]).documents[0].disagreements == len(
            curation(project, 1, "unanimous").open
        )
    finally:
        project.close()


def test_finishing_marks_the_gold_assignment_done(team):
    path, _, _ = team
    project = opened(path)
    try:
        adjudicate(project, "unanimous", [1])
        History(project).do(finish(1), step_name(FINISH_STEP, "河湾社区访谈"))
    finally:
        project.close()
    assert query(path, GOLD_STATUS) == [(1, "done", 1)]
    project = opened(path)
    try:
        assert curation(project, 1, "unanimous").status == "done"
        adjudicate(project, "majority", [1])  # adding more keeps the curation done
    finally:
        project.close()
    assert query(path, GOLD_STATUS) == [(1, "done", 1)]
    assert len(query(path, GOLD_ROWS)) == 2


def test_explicit_annotators_and_documents(team):
    path, first, second = team
    project = opened(path)
    try:
        pair = curation(project, 1, "unanimous", ["alice", "carol"])
        with pytest.raises(SingleLayerError):
            curations(project, "unanimous", [2])
        with pytest.raises(UnknownRuleError):
            curation(project, 1, "most")
    finally:
        project.close()
    assert pair.annotators == ("alice", "carol")
    assert pair.agreed == ((first, 5, 10),)
    assert [(d.tag_id, d.start, d.end) for d in pair.disagreements] == [
        (first, 20, 32),
        (first, 41, 43),
        (second, 40, 45),
        (second, 49, 55),
    ]


def test_the_command_line_adjudicates_and_gold_exports(team, tmp_path, capsys):
    path, first, _ = team
    assert main(["adjudicate", str(path), "--rule", "unanimous"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("1 河湾社区访谈: 1 agreed, 1 gold annotation added, 3 disagreements")
    assert (
        lines[-1]
        == "2 interviews by unanimous agreement: 2 gold annotations added, 3 disagreements left"
    )
    assert main(["adjudicate", str(path), "--rule", "majority", "--documents", "1", "--json"]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert payload["added"] == 1
    assert payload["documents"] == [
        {
            "id": 1,
            "title": "河湾社区访谈",
            "annotators": ["alice", "bob", "carol"],
            "agreed": 2,
            "added": 1,
            "disagreements": 2,
        }
    ]
    target = tmp_path / "gold.csv"
    assert main(["export", str(path), "-o", str(target), "--annotators", "gold"]) == 0
    with target.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [(r["document_id"], r["start"], r["end"], r["annotator"]) for r in rows] == [
        ("1", "5", "10", "gold"),
        ("1", "20", "30", "gold"),
        ("3", "3", "8", "gold"),
    ]
    assert {r["tag"] for r in rows} == {opened_tag_name(path, first)}


def opened_tag_name(path: Path, tag_id: int) -> str:
    return str(query(path, f"SELECT name FROM tags WHERE id = {tag_id}")[0][0])


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--rule", "most"], "“most” is not a rule of adjudication; use unanimous or majority."),
        (
            ["--rule", "majority", "--annotators", "alice,dave"],
            "There is no annotator named “dave” in this project.",
        ),
        (
            ["--rule", "majority", "--annotators", "alice"],
            "Adjudication needs at least two annotators to compare; this compares only alice.",
        ),
        (
            ["--rule", "majority", "--annotators", "alice,gold"],
            "“gold” is the gold layer itself and cannot be one of the annotators compared.",
        ),
        (
            ["--rule", "majority", "--documents", "2"],
            "“林场访谈” was annotated by alice only; adjudication needs at least two annotators.",
        ),
        (["--rule", "majority", "--documents", "9"], "This project has no interview numbered 9."),
        (
            ["--rule", "majority", "--documents", "x"],
            "“x” is not a list of interview numbers like 1,2,5-9 or all.",
        ),
    ],
)
def test_bad_input_says_why_in_one_line(team, capsys, arguments, message):
    path, _, _ = team
    before = everything(path)
    assert main(["adjudicate", str(path), *arguments]) == 1
    assert capsys.readouterr().err.strip().splitlines() == [f"fangtan: {message}"]
    assert everything(path) == before


ANNOTATORS = ("alice", "bob", "carol")
spans_strategy = st.lists(
    st.tuples(
        st.sampled_from(ANNOTATORS),
        st.integers(0, 1),
        st.integers(0, 40),
        st.integers(1, 12),
    ),
    max_size=14,
)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(drawn=spans_strategy)
def test_agreed_keys_and_clusters_follow_their_definitions(team, drawn):
    path, first, second = team
    tags = (first, second)
    project = opened(path)
    try:
        with project.writing() as session:
            session.execute(delete(Annotation).where(Annotation.document_id == 1))
        specs = tuple(
            AnnotationSpec(1, tags[tag], start, start + length, annotator=who)
            for who, tag, start, length in drawn
        )
        if specs:
            project.execute(CreateAnnotations(specs))
        holders: dict[tuple[int, int, int], set[str]] = {}
        for spec in specs:
            holders.setdefault((spec.tag_id, spec.start, spec.end), set()).add(spec.annotator)
        for rule, needed in (("unanimous", 3), ("majority", 2)):
            found = curation(project, 1, rule, list(ANNOTATORS))
            agreed = {key for key, names in holders.items() if len(names) >= needed}
            assert set(found.agreed) == agreed
            clustered = [
                (d.tag_id, start, end, version.annotator)
                for d in found.disagreements
                for version in d.versions
                for start, end in version.spans
            ]
            rest = {
                (spec.tag_id, spec.start, spec.end, spec.annotator)
                for spec in specs
                if (spec.tag_id, spec.start, spec.end) not in agreed
            }
            assert sorted(clustered) == sorted(rest)
            for d in found.disagreements:
                pieces = sorted({(s, e) for v in d.versions for s, e in v.spans})
                assert (pieces[0][0], max(e for _, e in pieces)) == (d.start, d.end)
                reach = pieces[0][1]
                for start, end in pieces[1:]:
                    assert start < reach  # connected through overlaps
                    reach = max(reach, end)
            for a, b in zip(found.disagreements, found.disagreements[1:], strict=False):
                assert a.tag_id != b.tag_id or a.end <= b.start
        if len({spec.annotator for spec in specs}) >= 2:
            adjudicate(project, "majority", [1], list(ANNOTATORS))
            assert adjudicate(project, "majority", [1], list(ANNOTATORS)).added == 0
            gold = curation(project, 1, "majority", list(ANNOTATORS)).gold
            assert gold == {key for key, names in holders.items() if len(names) >= 2}
    finally:
        project.close()
