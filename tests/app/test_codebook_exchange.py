"""Codebook exchange: .qdc (valid against the REFI-QDA codebook schema) and CSV, written and
read back; imports matched by name, one undo step, bad files leaving the project as it was."""

import hashlib
from collections.abc import Callable
from pathlib import Path

import pytest
from lxml import etree
from sqlalchemy import delete, select

from app.editing.codec import dumps, loads
from app.editing.history import History
from app.errors import FangtanError
from app.exchange.codebook import export_codebook, import_codebook, read_codebook
from app.exchange.codebook.entries import MAX_CODEBOOK_BYTES
from app.exchange.codebook.errors import (
    CodebookDuplicateError,
    CodebookFileError,
    CodebookFormatError,
    CodebookParentError,
    CodebookTooLargeError,
    EmptyCodebookError,
)
from app.project import Project
from models import Tag

SCHEMA = Path(__file__).parents[2] / "resources" / "schemas" / "codebook-1.0.xsd"
FIELDS = ("name", "color", "shortcut", "description", "use_when", "avoid_when", "example")


def _tags(project: Project) -> dict[str, dict[str, object]]:
    with project.reading() as session:
        rows = list(session.scalars(select(Tag).order_by(Tag.position, Tag.id)))
        names = {tag.id: tag.name for tag in rows}
        return {
            tag.name: {
                **{field: getattr(tag, field) for field in FIELDS},
                "archived": tag.archived,
                "parent": names.get(tag.parent_id) if tag.parent_id else None,
            }
            for tag in rows
        }


def _empty(project: Project) -> Project:
    with project.writing() as session:
        session.execute(delete(Tag))
    return project


@pytest.fixture
def coded(project: Project) -> Project:
    """A project whose codebook has a hierarchy, guidelines, an archived tag and odd text."""
    with project.writing() as session:
        session.execute(delete(Tag))
        top = Tag(
            name="治理",
            color="#1f77b4",
            shortcut="g",
            description="基层治理的做法。",
            use_when="谈到社区、街道的工作",
            avoid_when="只是提到政府",
            example="“网格员每天走访”",
            position=0,
        )
        session.add(top)
        session.flush()
        session.add_all(
            [
                Tag(
                    name="网格 管理",
                    color="#2ca02c",
                    shortcut="w",
                    description="=SUM(A1) 不是公式 & <标记>",
                    parent_id=top.id,
                    position=1,
                ),
                Tag(
                    name="旧标签", color="#7f7f7f", archived=True, position=2, example="多行\n例子"
                ),
            ]
        )
    return project


def test_qdc_export_is_valid_against_the_codebook_schema(coded: Project, tmp_path: Path) -> None:
    path = tmp_path / "codebook.qdc"
    export_codebook(coded, path)
    schema = etree.XMLSchema(etree.parse(str(SCHEMA)))
    document = etree.parse(str(path))
    assert schema.validate(document), schema.error_log
    root = document.getroot()
    assert root.get("origin", "").startswith("Fangtan")
    q = "{urn:QDA-XML:codebook:1.0}"
    top = root.find(f"{q}Codes/{q}Code")
    assert top is not None and top.get("name") == "治理"
    assert top.find(f"{q}Code").get("name") == "网格 管理"
    assert "Use when: 谈到社区" in top.findtext(f"{q}Description")
    archived = [code for code in root.iter(f"{q}Code") if code.get("name") == "旧标签"]
    assert archived[0].get("isCodable") == "false"


def test_qdc_guids_are_stable_and_match_the_project_export(coded: Project, tmp_path: Path) -> None:
    from app.exchange.writers.qdpx import guid

    first, second = tmp_path / "a.qdc", tmp_path / "b.qdc"
    export_codebook(coded, first)
    export_codebook(coded, second)
    assert first.read_bytes() == second.read_bytes()
    assert guid("code", "治理") in first.read_text(encoding="utf-8")


def test_empty_codebook_is_not_written_as_qdc(project: Project, tmp_path: Path) -> None:
    with pytest.raises(EmptyCodebookError):
        export_codebook(_empty(project), tmp_path / "none.qdc")
    assert not (tmp_path / "none.qdc").exists()


def test_csv_export_is_excel_safe(coded: Project, tmp_path: Path) -> None:
    path = tmp_path / "codebook.csv"
    export_codebook(coded, path)
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    text = raw.decode("utf-8-sig")
    assert text.splitlines()[0] == (
        "name,parent,color,shortcut,description,use_when,avoid_when,example,archived"
    )
    assert "'=SUM(A1)" in text
    assert "网格 管理,治理,#2ca02c,w," in text


@pytest.mark.parametrize("suffix", [".qdc", ".csv"])
def test_round_trip_into_an_empty_project(
    coded: Project, tmp_path: Path, suffix: str, reopen: Callable[..., Project]
) -> None:
    expected = _tags(coded)
    path = tmp_path / f"codebook{suffix}"
    export_codebook(coded, path)
    other = Project.open(tmp_path / "other.fangtan", annotator="tester")
    try:
        _empty(other)
        report = import_codebook(other, path)
        assert report.created == ("治理", "网格 管理", "旧标签")
        assert report.matched == ()
    finally:
        other.close()
    again = Project.open(tmp_path / "other.fangtan", create=False)
    try:
        found = _tags(again)
    finally:
        again.close()
    if suffix == ".qdc":  # shortcuts are no part of a REFI-QDA codebook
        for values in expected.values():
            values["shortcut"] = ""
    assert found == expected


def test_import_matches_existing_tags_by_name(coded: Project, tmp_path: Path) -> None:
    path = tmp_path / "in.csv"
    path.write_text(
        "name,parent,color,shortcut,description,use_when,example\n"
        "  治理 ,,#ff0000,x,另一个定义,别的,新例子\n"
        "网格  管理,,#000000,,,用于网格,\n"
        "新标签,治理,,g,新的定义,,\n"
        "孙子,新标签,#abc,,,,\n",
        encoding="utf-8",
    )
    before = _tags(coded)
    report = import_codebook(coded, path)
    assert report.matched == ("治理", "网格 管理")
    assert report.created == ("新标签", "孙子")
    assert report.filled == ("网格 管理",)
    assert report.shortcuts_dropped == ("新标签",)  # g is taken by 治理
    after = _tags(coded)
    assert after["治理"] == before["治理"]  # colour, shortcut and guideline kept
    assert after["网格 管理"]["use_when"] == "用于网格"
    assert after["网格 管理"]["color"] == "#2ca02c"
    assert after["网格 管理"]["parent"] == "治理"
    assert after["新标签"]["parent"] == "治理" and after["新标签"]["shortcut"] == ""
    assert after["孙子"]["parent"] == "新标签" and after["孙子"]["color"] == "#aabbcc"
    assert after["新标签"]["color"] not in {values["color"] for values in before.values()}


def test_children_before_parents_in_csv(project: Project, tmp_path: Path) -> None:
    path = tmp_path / "in.csv"
    path.write_text("name,parent\n子,父\n父,\n", encoding="utf-8")
    report = import_codebook(_empty(project), path)
    assert report.created == ("父", "子")
    assert _tags(project)["子"]["parent"] == "父"


def test_undo_removes_the_import_in_one_step(
    coded: Project, tmp_path: Path, reopen: Callable[..., Project]
) -> None:
    path = tmp_path / "in.csv"
    path.write_text("name,parent,use_when\n新,治理,\n网格 管理,,填上\n", encoding="utf-8")
    before = _tags(coded)
    import_codebook(coded, path)
    imported = _tags(coded)
    project = reopen(coded)
    history = History(project)
    assert history.state().undo_text is not None
    history.undo()
    assert history.state().undo_text is None  # one step only
    project = reopen(project)
    assert _tags(project) == before
    History(project).redo()
    project = reopen(project)
    assert _tags(project) == imported


def test_import_commands_survive_the_history_codec(coded: Project, tmp_path: Path) -> None:
    from app.exchange.codebook import prepare_import

    path = tmp_path / "in.csv"
    path.write_text("name,archived\n新,true\n", encoding="utf-8")
    planned = prepare_import(coded, path)
    assert planned.command is not None
    assert loads(dumps(planned.command)) == planned.command


def test_nothing_new_makes_no_undo_step(coded: Project, tmp_path: Path) -> None:
    path = tmp_path / "same.qdc"
    export_codebook(coded, path)
    report = import_codebook(coded, path)
    assert report.created == () and len(report.matched) == 3
    assert History(coded).state().undo_text is None


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


QDC_HEAD = '<?xml version="1.0"?><CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes>'
GUID = "5215cc69-b628-4e02-afb9-9beeaee55808"


@pytest.mark.parametrize(
    ("name", "content", "error"),
    [
        ("plain.qdc", "just words", CodebookFileError),
        ("root.qdc", '<Project xmlns="urn:QDA-XML:project:1.0"/>', CodebookFileError),
        ("nocodes.qdc", QDC_HEAD + "</Codes></CodeBook>", CodebookFileError),
        ("noguid.qdc", QDC_HEAD + '<Code name="a" isCodable="true"/></Codes></CodeBook>', None),
        (
            "badcolor.qdc",
            QDC_HEAD + f'<Code guid="{GUID}" name="a" isCodable="true" color="red"/>'
            "</Codes></CodeBook>",
            CodebookFileError,
        ),
        (
            "twice.qdc",
            QDC_HEAD + f'<Code guid="{GUID}" name="a" isCodable="true"/>'
            f'<Code guid="{GUID}" name=" a" isCodable="true"/></Codes></CodeBook>',
            CodebookDuplicateError,
        ),
        (
            "entity.qdc",
            '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
            '<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes>'
            f'<Code guid="{GUID}" name="&e;" isCodable="true"/></Codes></CodeBook>',
            CodebookFileError,
        ),
        ("noname.csv", "title,color\na,#fff\n", CodebookFileError),
        ("twice.csv", "name\na\n a \n", CodebookDuplicateError),
        ("parent.csv", "name,parent\na,nowhere\n", CodebookParentError),
        ("cycle.csv", "name,parent\na,b\nb,a\n", CodebookFileError),
        ("color.csv", "name,color\na,blue\n", CodebookFileError),
        ("flag.csv", "name,archived\na,maybe\n", CodebookFileError),
        ("binary.csv", b"name\n\x00\x01\x02", CodebookFileError),
        ("codebook.txt", "name\na\n", CodebookFormatError),
    ],
)
def test_bad_files_leave_the_project_unchanged(
    coded: Project,
    project_path: Path,
    tmp_path: Path,
    name: str,
    content: str | bytes,
    error: type[FangtanError] | None,
) -> None:
    path = tmp_path / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    coded.close()
    before = _digest(project_path)
    project = Project.open(project_path, create=False, annotator="tester")
    try:
        with pytest.raises(error or CodebookFileError) as raised:
            import_codebook(project, path)
        assert "\n" not in str(raised.value)
    finally:
        project.close()
    assert _digest(project_path) == before


def test_too_large_file_is_refused(coded: Project, tmp_path: Path) -> None:
    path = tmp_path / "huge.csv"
    with path.open("wb") as stream:
        stream.write(b"name\n")
        stream.truncate(MAX_CODEBOOK_BYTES + 10)
    with pytest.raises(CodebookTooLargeError):
        read_codebook(path)


def test_codebook_from_another_program_is_read(project: Project, tmp_path: Path) -> None:
    path = tmp_path / "other.qdc"
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes>'
        '<Code guid="{5215cc69-b628-4e02-afb9-9beeaee55808}" name="Topics" isCodable="false">'
        '<Code guid="{d7aa29da-519b-4946-9b90-253b6db8fd0a}" name="Economy" isCodable="true" '
        'color="#ffff00"><Description>Anything about jobs</Description></Code></Code>'
        "</Codes></CodeBook>",
        encoding="utf-8",
    )
    report = import_codebook(_empty(project), path)
    assert report.created == ("Topics", "Economy")
    tags = _tags(project)
    assert tags["Topics"]["archived"] is False  # a grouping code elsewhere, not archived
    assert tags["Economy"]["parent"] == "Topics"
    assert tags["Economy"]["color"] == "#ffff00"
    assert tags["Economy"]["description"] == "Anything about jobs"
