"""fangtan codebook: export to .qdc or .csv, import with a report, one undo step."""

import hashlib
import json
from pathlib import Path

import pytest
from lxml import etree

from app import cli
from app.editing.history import History
from app.project import Project

SCHEMA = Path(__file__).parents[2] / "resources" / "schemas" / "codebook-1.0.xsd"


@pytest.fixture
def made(project_path: Path) -> Path:
    """A project with the default codebook."""
    Project.open(project_path).close()
    return project_path


def run(capsys, *arguments: str) -> tuple[int, str, str]:
    code = cli.main(["codebook", *arguments])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_export_qdc_and_csv(made: Path, tmp_path: Path, capsys) -> None:
    qdc, table = tmp_path / "book.qdc", tmp_path / "book.csv"
    code, out, err = run(capsys, str(made), "--export", str(qdc))
    assert (code, err) == (cli.EXIT_OK, "")
    assert out.strip() == f"exported 4 tags to {qdc}"
    assert etree.XMLSchema(etree.parse(str(SCHEMA))).validate(etree.parse(str(qdc)))
    code, out, err = run(capsys, str(made), "--export", str(table))
    assert code == cli.EXIT_OK
    assert table.read_bytes().startswith(b"\xef\xbb\xbfname,parent,color")


def test_import_reports_created_and_matched(made: Path, tmp_path: Path, capsys) -> None:
    source = tmp_path / "in.csv"
    source.write_text("name,parent,description\n民生,,\n养老,民生,老人照护\n", encoding="utf-8")
    code, out, err = run(capsys, str(made), "--import", str(source), "--json")
    assert (code, err) == (cli.EXIT_OK, "")
    report = json.loads(out)
    assert report["created"] == ["养老"] and report["matched"] == ["民生"]
    project = Project.open(made, create=False)
    try:
        tags = {tag.name: tag for tag in project.tags()}
        assert tags["养老"].parent_id == tags["民生"].id
        assert History(project).state().undo_text is not None
        History(project).undo()
        assert "养老" not in {tag.name for tag in project.tags()}
    finally:
        project.close()


def test_import_prints_a_summary(made: Path, tmp_path: Path, capsys) -> None:
    source = tmp_path / "in.csv"
    source.write_text("name\n新的\n民生\n", encoding="utf-8")
    code, out, _ = run(capsys, str(made), "--import", str(source))
    assert code == cli.EXIT_OK
    assert out.splitlines() == [
        "imported in.csv: 1 new tag, 1 tag already in the project",
        "new tags: 新的",
    ]


def test_bad_file_is_one_line_and_changes_nothing(made: Path, tmp_path: Path, capsys) -> None:
    source = tmp_path / "in.csv"
    source.write_text("title\nx\n", encoding="utf-8")
    before = hashlib.sha256(made.read_bytes()).hexdigest()
    code, out, err = run(capsys, str(made), "--import", str(source))
    assert code == cli.EXIT_FAILED and out == ""
    assert err.count("\n") == 1 and "no name column" in err
    assert hashlib.sha256(made.read_bytes()).hexdigest() == before


def test_export_needs_a_known_extension(made: Path, tmp_path: Path, capsys) -> None:
    code, _, err = run(capsys, str(made), "--export", str(tmp_path / "book.xml"))
    assert code == cli.EXIT_FAILED and ".qdc or .csv" in err
