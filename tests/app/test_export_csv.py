"""CSV export: Excel-friendly UTF-8, RFC 4180 rows, formula neutralising, atomic writes."""

import csv
import re
from datetime import UTC, datetime
from pathlib import Path

import pytest

from app.editing.commands import AnnotationSpec, CreateAnnotations
from app.editing.tag_commands import CreateTag, TagSpec
from app.errors import ExportTargetError
from app.exchange import export
from app.exchange.writers.tables import ANNOTATION_COLUMNS as COLUMNS
from app.exchange.writers.tables import neutralize
from tests.support.progress import Recorder

pytestmark = pytest.mark.both_backends


def read_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as stream:
        reader = csv.reader(stream)
        header = next(reader)
        assert header == list(COLUMNS)
        return [dict(zip(header, row, strict=True)) for row in reader]


def annotate(project, *specs: AnnotationSpec) -> list[int]:
    return sorted(project.execute(CreateAnnotations(specs)).changes.added)


@pytest.fixture
def tag(sample_project):
    return sample_project.tags()[0]


def test_file_layout_bom_header_and_crlf(sample_project, tag, tmp_path: Path) -> None:
    annotate(sample_project, AnnotationSpec(1, tag.id, 46, 52), AnnotationSpec(2, tag.id, 49, 55))
    target = tmp_path / "out.csv"
    assert export(sample_project, "csv", target).rows == 2
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    assert raw[3:].startswith(",".join(COLUMNS).encode() + b"\r\n")
    assert raw.endswith(b"\r\n")
    assert re.search(rb"(?<!\r)\n", raw) is None  # no bare LF row endings
    assert raw.count(b"\r\n") == 3
    assert b"\xef\xbb\xbf" not in raw[3:]


def test_empty_project_exports_only_the_header(project, tmp_path: Path) -> None:
    target = tmp_path / "empty.csv"
    assert export(project, "csv", target).rows == 0
    assert read_rows(target) == []


def test_rows_carry_document_turn_and_annotation_fields(
    sample_project, tag, tmp_path: Path, reopen
) -> None:
    document = sample_project.document(1)
    answer = next(t for t in document.turns if t.kind == "answer")
    question = next(t for t in document.turns if t.kind == "question")
    heading = document.turns[0]
    annotate(
        sample_project,
        AnnotationSpec(1, tag.id, answer.content_start, answer.content_start + 10, note="答"),
        AnnotationSpec(1, tag.id, question.content_start + 1, question.content_start + 5),
        AnnotationSpec(1, tag.id, heading.start, heading.end),
    )
    project = reopen(sample_project)
    stored = {a.start: a for a in project.annotations(1)}
    target = tmp_path / "out.csv"
    export(project, "csv", target)
    rows = read_rows(target)
    assert [int(row["start"]) for row in rows] == sorted(stored)  # ordered by position
    by_start = {int(row["start"]): row for row in rows}

    row = by_start[answer.content_start]
    assert row["document_id"] == "1"
    assert row["document_title"] == "奋力打造实力之城品质之城幸福之城"
    assert (row["interviewee"], row["interviewee_role"]) == ("刘在军", "泊里镇党委书记")
    assert (row["speaker"], row["turn_index"]) == ("刘在军", str(answer.index))
    assert row["text"] == document.text[answer.content_start : answer.content_start + 10]
    assert (row["tag"], row["note"], row["annotator"]) == (tag.name, "答", "tester")
    annotation = stored[answer.content_start]
    assert datetime.fromisoformat(row["created_at"]) == annotation.created_at.replace(microsecond=0)
    assert datetime.fromisoformat(row["updated_at"]).tzinfo == UTC

    row = by_start[question.content_start + 1]
    assert (row["speaker"], row["turn_index"]) == ("记者", str(question.index))

    row = by_start[heading.start]
    assert (row["speaker"], row["turn_index"]) == ("", "0")
    assert row["text"] == document.meta.title


def test_span_starting_in_the_blank_line_between_turns_belongs_to_the_next_turn(
    sample_project, tag, tmp_path: Path
) -> None:
    document = sample_project.document(2)
    question = next(t for t in document.turns if t.kind == "question")
    answer = document.turns[question.index + 1]
    assert document.text[question.end : answer.start] == "\n\n"
    annotate(sample_project, AnnotationSpec(2, tag.id, question.end + 1, answer.start + 8))
    target = tmp_path / "out.csv"
    export(sample_project, "csv", target)
    [row] = read_rows(target)
    assert (row["speaker"], row["turn_index"]) == ("王信卿", str(answer.index))


def test_note_with_newlines_commas_and_quotes_round_trips(
    sample_project, tag, tmp_path: Path
) -> None:
    note = '第一行,有逗号\n第二行 "引号"，全角逗号\r\n第三行'
    annotate(sample_project, AnnotationSpec(1, tag.id, 46, 52, note=note))
    target = tmp_path / "out.csv"
    export(sample_project, "csv", target)
    [row] = read_rows(target)
    assert row["note"] == note
    assert row["text"] == "2023年是"


@pytest.mark.parametrize(
    ("note", "cell"),
    [
        ("=SUM(1)", "'=SUM(1)"),
        ("+1", "'+1"),
        ("-1", "'-1"),
        ("@x", "'@x"),
        ("\tx", "'\tx"),
        ("\r\nx", "'\r\nx"),
        ("a=1", "a=1"),
        (" =1", " =1"),
        ("'已有撇号", "'已有撇号"),
    ],
)
def test_formula_cells_are_neutralised(sample_project, tag, tmp_path: Path, note, cell) -> None:
    annotate(sample_project, AnnotationSpec(1, tag.id, 46, 52, note=note))
    target = tmp_path / "out.csv"
    export(sample_project, "csv", target)
    [row] = read_rows(target)
    assert row["note"] == cell


def test_formula_in_tag_name_and_text_is_neutralised(
    project, import_source, tmp_path: Path
) -> None:
    import_source(project, '-5度的冬天\n\n=HYPERLINK("x")，正文继续。\n', name="冬天.txt")
    project.execute(CreateTag(TagSpec(name="=cmd|' /C calc'!A0", color="#123456")))
    tag = next(t for t in project.tags() if t.name.startswith("="))
    text = project.document(1).text
    formula_at = text.index("=HYPERLINK")
    annotate(
        project,
        AnnotationSpec(1, tag.id, 0, 4),
        AnnotationSpec(1, tag.id, formula_at, formula_at + 10),
    )
    target = tmp_path / "out.csv"
    export(project, "csv", target)
    rows = read_rows(target)
    assert [row["text"] for row in rows] == ["'-5度的", "'=HYPERLINK"]
    assert {row["tag"] for row in rows} == {"'=cmd|' /C calc'!A0"}
    assert {row["document_title"] for row in rows} == {"'-5度的冬天"}


def test_neutralize_leaves_numbers_alone() -> None:
    assert neutralize(-1) == -1
    assert neutralize("") == ""
    assert neutralize("-") == "'-"


def test_export_to_a_missing_folder_fails_without_leaving_a_file(
    sample_project, tag, tmp_path: Path
) -> None:
    annotate(sample_project, AnnotationSpec(1, tag.id, 46, 52))
    target = tmp_path / "no such folder" / "out.csv"
    with pytest.raises(ExportTargetError) as caught:
        export(sample_project, "csv", target)
    assert str(target) in str(caught.value)
    assert not target.parent.exists()


def test_export_onto_a_folder_fails_and_leaves_no_partial_file(
    sample_project, tag, tmp_path: Path
) -> None:
    annotate(sample_project, AnnotationSpec(1, tag.id, 46, 52))
    target = tmp_path / "out.csv"
    target.mkdir()
    before = sorted(p.name for p in tmp_path.iterdir())
    with pytest.raises(ExportTargetError):
        export(sample_project, "csv", target)
    assert sorted(p.name for p in tmp_path.iterdir()) == before
    assert list(target.iterdir()) == []


def test_export_replaces_an_existing_file_whole(sample_project, tag, tmp_path: Path) -> None:
    target = tmp_path / "导出 结果.csv"
    target.write_text("old content\n" * 1000, encoding="utf-8")
    annotate(sample_project, AnnotationSpec(1, tag.id, 46, 52))
    assert export(sample_project, "csv", target).rows == 1
    assert "old content" not in target.read_text(encoding="utf-8-sig")
    assert len(read_rows(target)) == 1
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")] == []


def test_progress_is_reported_every_5000_rows(sample_project, tag, tmp_path: Path) -> None:
    text_length = len(sample_project.document(1).text)
    specs = tuple(
        AnnotationSpec(1, tag.id, start % (text_length - 1), start % (text_length - 1) + 1)
        for start in range(5001)
    )
    sample_project.execute(CreateAnnotations(specs))
    recorder = Recorder()
    summary = export(sample_project, "csv", tmp_path / "out.csv", progress=recorder)
    assert summary.rows == 5001
    assert recorder.seen == [(5000, 5001), (5001, 5001)]  # every 5,000 rows, and at the end
