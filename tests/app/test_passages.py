"""Coded passages: each filter, paging, the turn around each passage, bad queries."""

from datetime import date

import pytest

from app.editing.commands import AnnotationSpec, CreateAnnotations, SetNote
from app.editing.document_commands import UpdateDocument
from app.errors import DocumentFieldError, TurnKindError, UnknownTagNameError
from app.statistics.errors import (
    DateRangeError,
    PageError,
    UnknownAnnotatorNameError,
    UnknownDocumentValueError,
)
from app.statistics.passages import (
    FilterValues,
    PassageQuery,
    count_passages,
    filter_values,
    passages,
)
from tests.app.test_statistics import two_interviews

pytestmark = pytest.mark.both_backends


@pytest.fixture
def coded(project, reopen):
    """The two interviews of test_statistics, reopened from the file."""
    two_interviews(project)
    return reopen(project)


def spans(project, **filters) -> list[tuple[int, str, int, int]]:
    return [
        (row.document_id, row.tag, row.start, row.end)
        for row in passages(project, PassageQuery(**filters))
    ]


def test_a_tag_lists_its_passages_by_document_and_position(coded) -> None:
    assert spans(coded, tags=("民生",)) == [
        (1, "民生", 30, 36),
        (1, "民生", 45, 55),
        (1, "民生", 52, 72),
        (2, "民生", 55, 61),
    ]
    assert len(spans(coded)) == 8
    assert spans(coded, tags=("党建", "产业发展")) == [
        (1, "产业发展", 50, 60),
        (1, "产业发展", 81, 90),
        (2, "党建", 29, 33),
        (2, "党建", 46, 66),
    ]


def test_each_passage_comes_with_its_turn_and_what_the_editor_noted(coded) -> None:
    first_answer = next(row for row in passages(coded, PassageQuery()) if row.start == 45)
    coded.execute(SetNote(first_answer.annotation_id, "养老"))
    row = passages(coded, PassageQuery(tags=("民生",), limit=1, offset=1))[0]
    assert (row.document_title, row.text, row.annotator, row.note) == (
        "乡镇访谈一",
        "我们要把养老服务做实",
        "tester",
        "养老",
    )
    assert (row.turn_index, row.speaker, row.kind) == (3, "王明", "answer")
    assert row.context == "我们要把养老服务做实,新建两个社区食堂。"
    assert row.context_start == 45
    crossing = passages(coded, PassageQuery(tags=("民生",)))[2]
    assert crossing.text.startswith("务做实") and crossing.context.startswith("我们要把")


def test_a_passage_starting_between_turns_has_no_turn(coded) -> None:
    tags = {tag.name: tag.id for tag in coded.tags()}
    coded.execute(CreateAnnotations((AnnotationSpec(1, tags["城市更新"], 66, 72),)))
    (row,) = passages(coded, PassageQuery(tags=("城市更新",)))
    assert (row.turn_index, row.kind, row.speaker, row.context) == (None, "", "", "")
    assert spans(coded, tags=("城市更新",), kind="question") == []


def test_all_tags_keeps_passages_in_turns_carrying_every_tag(coded) -> None:
    assert spans(coded, tags=("民生", "产业发展"), all_tags=True) == [
        (1, "民生", 45, 55),
        (1, "产业发展", 50, 60),
        (1, "民生", 52, 72),
    ]
    assert spans(coded, tags=("民生", "党建"), all_tags=True) == [
        (2, "党建", 46, 66),
        (2, "民生", 55, 61),
    ]
    assert spans(coded, tags=("民生", "党建", "产业发展"), all_tags=True) == []


def test_the_kind_is_that_of_the_turn_holding_the_start(coded) -> None:
    assert spans(coded, tags=("民生",), kind="question") == [(1, "民生", 30, 36)]
    assert spans(coded, kind="answer", tags=("党建",)) == [(2, "党建", 46, 66)]


def test_people_publication_and_status_filters(coded) -> None:
    second = [(2, "党建", 29, 33), (2, "党建", 46, 66), (2, "民生", 55, 61)]
    assert spans(coded, annotator="李编辑") == second
    assert spans(coded, interviewee="李华") == second
    assert spans(coded, series="访谈录") == second
    assert spans(coded, status="done") == second
    assert len(spans(coded, outlet="河东晚报")) == 8
    assert spans(coded, published_from=date(2023, 3, 1), published_to=date(2023, 3, 31)) == second
    assert spans(coded, published_from=date(2023, 3, 16)) == []
    assert spans(coded, published_to=date(2023, 3, 15), tags=("民生",)) == [(2, "民生", 55, 61)]
    assert spans(coded, interviewee="王明", tags=("产业发展",), kind="answer") == [
        (1, "产业发展", 50, 60),
        (1, "产业发展", 81, 90),
    ]


def test_an_interviewee_among_several_and_chosen_interviews(coded, reopen) -> None:
    second = [(2, "党建", 29, 33), (2, "党建", 46, 66), (2, "民生", 55, 61)]
    coded.execute(UpdateDocument(2, {"interviewee": "王明、李华"}))
    coded = reopen(coded)
    assert spans(coded, interviewee="李华") == second
    assert len(spans(coded, interviewee="王明")) == 8
    coded.execute(UpdateDocument(2, {"interviewee": "张王明、李华、赵六"}))
    coded = reopen(coded)
    assert spans(coded, interviewee="李华") == second
    assert spans(coded, interviewee="王明") == spans(coded, documents=(1,))
    assert spans(coded, documents=(2,)) == second
    assert spans(coded, documents=(1, 2)) == spans(coded)
    assert spans(coded, documents=(99,)) == []


def test_text_contains(coded) -> None:
    assert spans(coded, contains="养老") == [(1, "民生", 45, 55)]
    assert spans(coded, contains="%") == []


def test_pages_follow_each_other_and_count_all(coded) -> None:
    everything = spans(coded)
    pages = [spans(coded, limit=3, offset=offset) for offset in (0, 3, 6, 9)]
    assert [len(page) for page in pages] == [3, 3, 2, 0]
    assert [row for page in pages for row in page] == everything
    assert spans(coded, limit=0) == []
    assert count_passages(coded, PassageQuery(limit=1)) == 8
    assert count_passages(coded, PassageQuery(tags=("民生", "产业发展"), all_tags=True)) == 3


@pytest.mark.parametrize(
    ("query", "error", "message"),
    [
        (PassageQuery(tags=("民生", "环保")), UnknownTagNameError, "no tag named “环保”"),
        (PassageQuery(annotator="赵编辑"), UnknownAnnotatorNameError, "annotator named “赵编辑”"),
        (PassageQuery(interviewee="钱书记"), UnknownDocumentValueError, "interviewee “钱书记”"),
        (PassageQuery(outlet="晨报"), UnknownDocumentValueError, "outlet “晨报”"),
        (PassageQuery(kind="speech"), TurnKindError, "“speech” is not a kind of turn"),
        (PassageQuery(status="finished"), DocumentFieldError, "“finished” is not a valid status"),
        (
            PassageQuery(published_from=date(2023, 4, 1), published_to=date(2023, 3, 1)),
            DateRangeError,
            "2023-04-01 is after 2023-03-01",
        ),
        (PassageQuery(limit=-1), PageError, "size of a page"),
        (PassageQuery(offset=-5), PageError, "offset of a page"),
    ],
)
def test_a_bad_query_says_what_is_wrong_in_one_line(coded, query, error, message) -> None:
    with pytest.raises(error) as raised:
        passages(coded, query)
    assert message in str(raised.value)
    assert "\n" not in str(raised.value)


def test_the_passages_are_written_as_an_excel_safe_csv(coded, tmp_path):
    import csv

    from app.errors import ExportTargetError
    from app.statistics.passages_export import export_passages

    target = tmp_path / "passages.csv"
    query = PassageQuery(limit=1)  # the page size is not what is written
    written = export_passages(coded, query, target)
    found = passages(coded, PassageQuery())
    assert written == len(found) > 1
    with target.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [(int(r["start"]), int(r["end"]), r["tag"]) for r in rows] == [
        (p.start, p.end, p.tag) for p in found
    ]
    assert target.read_bytes().startswith(b"\xef\xbb\xbf")
    with pytest.raises(ExportTargetError):
        export_passages(coded, query, tmp_path / "missing" / "passages.csv")
    assert not (tmp_path / "missing").exists()


def test_the_outlets_and_series_offered_are_those_of_the_interviews(coded) -> None:
    assert filter_values(coded) == FilterValues(outlets=("河东晚报",), series=("访谈录",))
