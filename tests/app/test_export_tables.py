"""csv, turns-csv, docs-csv and xlsx: read back with the stdlib csv module and openpyxl."""

import csv
from pathlib import Path

import pytest
from openpyxl import load_workbook

from app.editing.commands import AnnotationSpec, CreateAnnotations
from app.editing.tag_commands import CreateTag, TagSpec
from app.errors import ExportTargetError
from app.exchange import ExportOptions, SplitOptions, export
from app.exchange.writers.tables import (
    ANNOTATION_COLUMNS,
    CHINESE_HEADERS,
    DOCUMENT_COLUMNS,
    TURN_COLUMNS,
)

pytestmark = pytest.mark.both_backends

BOM = b"\xef\xbb\xbf"


def read_csv(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    raw = path.read_bytes()
    assert raw.startswith(BOM)
    assert BOM not in raw[3:]
    with path.open(encoding="utf-8-sig", newline="") as stream:
        reader = csv.reader(stream)
        header = next(reader)
        return header, [dict(zip(header, row, strict=True)) for row in reader]


def annotate(project, *specs: AnnotationSpec) -> None:
    project.execute(CreateAnnotations(specs))


def tag_ids(project) -> dict[str, int]:
    return {tag.name: tag.id for tag in project.tags()}


def turns_of(project, document_id: int):
    return project.document(document_id).turns


def first(turns, kind: str):
    return next(turn for turn in turns if turn.kind == kind)


@pytest.fixture
def annotated(sample_project):
    """Three annotations by two annotators on the samples; returns the project."""
    tags = tag_ids(sample_project)
    answer = first(turns_of(sample_project, 1), "answer")
    question = first(turns_of(sample_project, 2), "question")
    annotate(
        sample_project,
        AnnotationSpec(
            1, tags["产业发展"], answer.content_start, answer.content_start + 8, note="要点"
        ),
        AnnotationSpec(1, tags["民生"], answer.content_start + 4, answer.content_start + 12),
        AnnotationSpec(
            2,
            tags["城市更新"],
            question.content_start,
            question.content_start + 6,
            annotator="李编辑",
        ),
    )
    return sample_project


def test_csv_keeps_the_original_columns_and_can_filter(annotated, tmp_path: Path) -> None:
    target = tmp_path / "all.csv"
    summary = export(annotated, "csv", target)
    header, rows = read_csv(target)
    assert header == list(ANNOTATION_COLUMNS)
    assert (summary.rows, summary.annotations, summary.documents) == (3, 3, 2)
    assert summary.files == [target]

    only = tmp_path / "only.csv"
    options = ExportOptions(annotators={"李编辑"}, include_notes=False)
    assert export(annotated, "csv", only, options).rows == 1
    _, rows = read_csv(only)
    assert [(row["annotator"], row["tag"]) for row in rows] == [("李编辑", "城市更新")]

    tags = tag_ids(annotated)
    no_notes = tmp_path / "no-notes.csv"
    export(
        annotated, "csv", no_notes, ExportOptions(tag_ids={tags["产业发展"]}, include_notes=False)
    )
    _, rows = read_csv(no_notes)
    assert [(row["tag"], row["note"]) for row in rows] == [("产业发展", "")]

    status = tmp_path / "status.csv"
    assert export(annotated, "csv", status, ExportOptions(statuses={"done"})).rows == 0
    assert read_csv(status)[1] == []
    assert export(annotated, "csv", status, ExportOptions(document_ids={2})).rows == 1


def test_chinese_headers_and_split_column(annotated, tmp_path: Path) -> None:
    target = tmp_path / "zh.csv"
    options = ExportOptions(headers="zh", split=SplitOptions(seed=3))
    export(annotated, "csv", target, options)
    header, rows = read_csv(target)
    assert header == [CHINESE_HEADERS[c] for c in (*ANNOTATION_COLUMNS, "split")]
    assert header[:3] == ["文档编号", "文档标题", "受访者"]
    assert {row["数据集"] for row in rows} <= {"train", "dev", "test"}


def test_turns_csv_one_row_per_turn_with_question_and_tag_flags(annotated, tmp_path: Path) -> None:
    target = tmp_path / "turns.csv"
    summary = export(annotated, "turns-csv", target)
    header, rows = read_csv(target)
    tag_names = [tag.name for tag in annotated.tags()]
    assert header == [*TURN_COLUMNS, *tag_names]
    turns1, turns2 = turns_of(annotated, 1), turns_of(annotated, 2)
    assert summary.rows == len(rows) == len(turns1) + len(turns2)

    text = annotated.document(1).text
    by_turn = {(row["document_id"], int(row["turn_index"])): row for row in rows}
    question, answer = first(turns1, "question"), first(turns1, "answer")
    row = by_turn[("1", answer.index)]
    assert (row["speaker"], row["role"]) == (answer.speaker, "answer")
    assert row["text"] == text[answer.content_start : answer.end]
    assert row["question"] == text[question.content_start : question.end]
    assert (row["产业发展"], row["民生"], row["党建"], row["城市更新"]) == ("1", "1", "0", "0")
    row = by_turn[("1", question.index)]
    assert (row["role"], row["question"], row["产业发展"]) == ("question", "", "0")
    heading = by_turn[("1", 0)]
    assert heading["role"] == "heading"
    flagged = {key for key, row in by_turn.items() if "1" in (row[n] for n in tag_names)}
    assert flagged == {("1", answer.index), ("2", first(turns2, "question").index)}


def test_an_annotation_on_a_speaker_label_only_does_not_flag_the_turn(
    sample_project, tmp_path: Path
) -> None:
    question = first(turns_of(sample_project, 1), "question")
    assert question.content_start > question.start
    annotate(
        sample_project,
        AnnotationSpec(1, tag_ids(sample_project)["党建"], question.start, question.content_start),
    )
    target = tmp_path / "turns.csv"
    export(sample_project, "turns-csv", target)
    _, rows = read_csv(target)
    assert all(row["党建"] == "0" for row in rows)


def test_docs_csv_counts_per_tag(annotated, tmp_path: Path) -> None:
    target = tmp_path / "docs.csv"
    export(annotated, "docs-csv", target)
    header, rows = read_csv(target)
    assert header[: len(DOCUMENT_COLUMNS)] == list(DOCUMENT_COLUMNS)
    one, two = rows
    assert (one["annotations"], one["产业发展"], one["民生"], one["城市更新"]) == (
        "2",
        "1",
        "1",
        "0",
    )
    assert (two["annotations"], two["城市更新"]) == ("1", "1")
    assert one["characters"] == str(len(annotated.document(1).text))
    assert one["turns"] == str(len(turns_of(annotated, 1)))
    assert one["interviewee"] == "刘在军"


def test_tag_column_named_like_a_fixed_column_is_prefixed(sample_project, tmp_path) -> None:
    sample_project.execute(CreateTag(TagSpec(name="text", color="#123456")))
    target = tmp_path / "turns.csv"
    export(sample_project, "turns-csv", target)
    header, _ = read_csv(target)
    assert header.count("text") == 1
    assert header[-1] == "tag:text"


def test_formula_like_cells_are_neutralised_in_csv_but_kept_as_text_in_xlsx(
    project, import_source, tmp_path: Path
) -> None:
    import_source(project, "=HYPERLINK(1)，正文。\n\n记者:问题？\n\n答:回答。\n")
    project.execute(CreateTag(TagSpec(name="+加号", color="#123456")))
    tag = tag_ids(project)["+加号"]
    annotate(project, AnnotationSpec(1, tag, 0, 5, note="-1\r\n第二行"))
    target = tmp_path / "out.csv"
    export(project, "csv", target)
    _, [row] = read_csv(target)
    assert (row["text"], row["tag"], row["note"]) == ("'=HYPE", "'+加号", "'-1\r\n第二行")

    book = tmp_path / "out.xlsx"
    export(project, "xlsx", book)
    sheet = load_workbook(book)["Annotations"]
    header = [cell.value for cell in sheet[1]]
    cells = dict(zip(header, sheet[2], strict=True))
    assert cells["text"].value == "=HYPE"
    assert cells["text"].data_type == "s"
    assert cells["tag"].value == "+加号"
    assert cells["note"].value == "-1\r\n第二行"


def test_xlsx_has_three_sheets_coloured_by_tag(annotated, tmp_path: Path) -> None:
    target = tmp_path / "out.xlsx"
    summary = export(annotated, "xlsx", target, ExportOptions(headers="zh"))
    assert summary.annotations == 3
    book = load_workbook(target)
    assert book.sheetnames == ["标注", "发言", "文档"]
    annotations = book["标注"]
    header = [cell.value for cell in annotations[1]]
    assert header == [CHINESE_HEADERS[c] for c in ANNOTATION_COLUMNS]
    rows = list(annotations.iter_rows(min_row=2))
    assert len(rows) == 3
    colors = {tag.name: tag.color for tag in annotated.tags()}
    tag_column = header.index("标签")
    for row in rows:
        color = colors[row[tag_column].value]
        fill = row[tag_column].fill.start_color.rgb
        assert fill.startswith("FF") and len(fill) == 8
        # a tint of the tag's colour: every channel at least as light
        for position in (1, 3, 5):
            channel = int(color[position : position + 2], 16)
            assert int(fill[position + 1 : position + 3], 16) >= channel
    turns = book["发言"]
    header = [cell.value for cell in turns[1]]
    assert header[: len(TURN_COLUMNS)] == [CHINESE_HEADERS[c] for c in TURN_COLUMNS]
    flags = header.index("产业发展")
    marked = [row for row in turns.iter_rows(min_row=2) if row[flags].value == 1]
    assert len(marked) == 1
    assert marked[0][flags].fill.fill_type == "solid"
    unmarked = next(row for row in turns.iter_rows(min_row=2) if row[flags].value == 0)
    assert unmarked[flags].fill.fill_type is None
    documents = book["文档"]
    assert documents.max_row == 3


def test_xlsx_replaces_characters_excel_cannot_hold(project, import_source, tmp_path) -> None:
    import_source(project, "正文内容。\n")
    annotate(project, AnnotationSpec(1, project.tags()[0].id, 0, 2, note="响铃\x07字符"))
    target = tmp_path / "out.xlsx"
    summary = export(project, "xlsx", target)
    assert [warning.kind for warning in summary.warnings] == ["xlsx_characters"]
    sheet = load_workbook(target)["Annotations"]
    header = [cell.value for cell in sheet[1]]
    assert sheet[2][header.index("note")].value == "响铃\ufffd字符"


def test_every_table_gets_the_split_column(annotated, tmp_path: Path) -> None:
    options = ExportOptions(split=SplitOptions(seed=1))
    for name in ("turns-csv", "docs-csv"):
        target = tmp_path / f"{name}.csv"
        export(annotated, name, target, options)
        header, rows = read_csv(target)
        assert header[-1] == "split"
        assert {row["split"] for row in rows} <= {"train", "dev", "test"}
    book = tmp_path / "out.xlsx"
    export(annotated, "xlsx", book, options)
    for sheet in load_workbook(book).worksheets:
        assert sheet.cell(1, sheet.max_column).value == "split"


def test_a_failed_xlsx_export_leaves_no_temporary_sheet_behind(
    annotated, tmp_path: Path, monkeypatch
) -> None:
    """openpyxl streams each sheet to a temporary file it names only inside its writer; the
    one function reading that (xlsx.temporary_file) must still find it."""
    from openpyxl import Workbook

    from app.exchange.writers import xlsx

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("s")
    sheet.append(["甲", 1])
    found = xlsx.temporary_file(sheet)
    assert found is not None and found.is_file(), "openpyxl changed how it streams a sheet"
    sheet.close()
    found.unlink()

    made: list[Path] = []
    real = xlsx.temporary_file

    def remember(sheet) -> Path | None:
        path = real(sheet)
        if path is not None:
            made.append(path)
        return path

    def broken(workbook, path) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(xlsx, "temporary_file", remember)
    monkeypatch.setattr(Workbook, "save", broken)
    with pytest.raises(ExportTargetError):
        export(annotated, "xlsx", tmp_path / "out.xlsx")
    assert len(made) == 3 and not any(path.exists() for path in made)
    assert list(tmp_path.glob("*.xlsx*")) == []
