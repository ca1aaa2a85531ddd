"""Server projects from the command line: set up, upgrade, accounts, refusals, and the same
commands giving the same answers on a project file and on a server database."""

import json
import re
from pathlib import Path

import psycopg
from alembic import command
from alembic.config import Config

from app import cli
from app.editing.commands import AnnotationSpec, CreateAnnotations, SetNote
from app.editing.history import History
from app.project import Project
from app.server.admin import init_server
from models.schema import HEAD_REVISION
from models.server import ServerAddress, create_server_engine

COMMANDS_COMPARED = (
    ["docs", "--json"],
    ["search", "经济"],
    ["stats", "--json"],
    ["passages", "--tags", "民生", "--json"],
)
FORMATS = ("csv", "turns-csv", "jsonl", "conll", "brat", "xlsx")


def tag_the_sample(location: Path | str) -> None:
    """The same three annotations and a note, as the same annotator, on either backend."""
    project = Project.open(location, annotator="editor")
    try:
        history = History(project)
        tags = {tag.name: tag.id for tag in project.tags()}
        for document, tag, start, end in (
            (1, "民生", 30, 60),
            (1, "产业发展", 80, 95),
            (2, "民生", 40, 52),
        ):
            history.do(CreateAnnotations((AnnotationSpec(document, tags[tag], start, end),)), "tag")
        first = project.annotations(1)[0].id
        history.do(SetNote(first, "值得追问"), "note")
    finally:
        project.close()


def output_of(capsys, arguments: list[str]) -> str:
    assert cli.main(arguments) == 0
    return capsys.readouterr().out


def test_every_command_answers_the_same_on_a_file_and_on_a_server(
    tmp_path, server_database, sample_path, capsys
):
    file = tmp_path / "p.fangtan"
    server = server_database.url
    assert cli.main(["server", "init", server]) == 0
    for location in (str(file), server):
        assert cli.main(["import", location, str(sample_path)]) == 0
        tag_the_sample(location if location == server else file)
    capsys.readouterr()
    for arguments in COMMANDS_COMPARED:
        on_file = output_of(capsys, [arguments[0], str(file), *arguments[1:]])
        on_server = output_of(capsys, [arguments[0], server, *arguments[1:]])
        assert on_file == on_server, arguments
    for format_name in FORMATS:
        targets = [tmp_path / f"{side}.{format_name}" for side in ("file", "server")]
        for location, target in zip((str(file), server), targets, strict=True):
            assert cli.main(["export", location, "--format", format_name, "-o", str(target)]) == 0
        assert digest(targets[0]) == digest(targets[1]), format_name


# The two projects were tagged a moment apart: their timestamps differ, nothing else may.
TIMESTAMP = re.compile(rb"\d{4}-\d\d-\d\d[T ]\d\d:\d\d:\d\d(\.\d+)?(\+00:00|Z)?")


def digest(path: Path) -> object:
    """An export's content with its timestamps blanked."""
    if path.is_dir():
        return {child.name: digest(child) for child in sorted(path.iterdir())}
    if path.suffix == ".xlsx":
        from openpyxl import load_workbook

        book = load_workbook(path)
        return {
            sheet.title: [
                tuple(TIMESTAMP.sub(b"T", str(cell).encode()) for cell in row)
                for row in sheet.iter_rows(values_only=True)
            ]
            for sheet in book
        }
    return TIMESTAMP.sub(b"T", path.read_bytes())


def test_init_upgrade_and_their_refusals(server_database, capsys):
    url = server_database.url
    assert cli.main(["server", "upgrade", url]) == 1
    assert "fangtan server init" in capsys.readouterr().err
    assert cli.main(["docs", url]) == 1
    error = capsys.readouterr().err
    assert "empty database" in error and error.count("\n") == 1
    assert cli.main(["server", "init", url, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["revision"] == HEAD_REVISION
    assert cli.main(["server", "init", url]) == 1
    assert "already set up" in capsys.readouterr().err
    assert cli.main(["server", "upgrade", url]) == 0
    assert "nothing to do" in capsys.readouterr().out


def test_an_older_server_schema_waits_for_the_lead_to_upgrade(server_database, capsys):
    url = server_database.url
    engine = create_server_engine(ServerAddress.parse(url))
    config = Config()
    config.set_main_option("script_location", "models/migrations")
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0005")
    engine.dispose()
    assert cli.main(["docs", url]) == 1
    error = capsys.readouterr().err
    assert "fangtan server upgrade" in error and "0005" in error
    assert revision(url) == "0005"  # opening changed nothing
    assert cli.main(["server", "upgrade", url]) == 0
    assert f"from schema 0005 to {HEAD_REVISION}" in capsys.readouterr().out
    assert cli.main(["docs", url]) == 0


def test_a_newer_schema_and_another_programs_database_are_refused_unchanged(
    server_database, capsys
):
    url = server_database.url
    init_server(ServerAddress.parse(url))
    with psycopg.connect(url) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '0099'")
    assert cli.main(["docs", url]) == 1
    assert "newer version of Fangtan" in capsys.readouterr().err
    assert revision(url) == "0099"
    with psycopg.connect(url) as connection:
        connection.execute("DROP TABLE alembic_version")
    assert cli.main(["docs", url]) == 1
    assert "another program" in capsys.readouterr().err


def test_an_unreachable_server_or_a_missing_password_is_one_line(
    server_database, postgres_cluster, capsys, monkeypatch
):
    monkeypatch.delenv("PGPASSWORD", raising=False)
    url = server_database.url
    init_server(ServerAddress.parse(url))
    postgres_cluster.create_password_role("pw_reader", "秘密")
    address = ServerAddress.parse(url).with_user("pw_reader")
    assert cli.main(["docs", address.shown()]) == 1  # input is not a terminal: no prompt
    error = capsys.readouterr().err
    assert "asks for a password" in error and error.count("\n") == 1
    nobody = url.replace(f":{postgres_cluster.port}/", ":1/")
    assert cli.main(["docs", nobody]) == 1
    error = capsys.readouterr().err
    assert error.startswith("fangtan: Cannot connect to") and error.count("\n") == 1
    assert cli.main(["docs", "postgresql://host-only"]) == 1
    assert "names no database" in capsys.readouterr().err


def test_add_user_makes_annotators_and_leads(server_database, sample_path, capsys):
    url = server_database.url
    assert cli.main(["server", "init", url]) == 0
    assert cli.main(["server", "add-user", url, "zhou", "--role", "lead"]) == 0
    assert cli.main(["server", "add-user", url, "qian"]) == 0
    assert "qian is now an annotator" in capsys.readouterr().out
    as_lead = ServerAddress.parse(url).with_user("zhou").shown()
    as_annotator = ServerAddress.parse(url).with_user("qian").shown()
    sample = sample_path
    assert cli.main(["import", as_annotator, str(sample)]) == 1
    assert "refused" in capsys.readouterr().err
    assert cli.main(["import", as_lead, str(sample)]) == 0
    assert cli.main(["server", "add-user", url, "qian", "--ask-password"]) == 1
    assert "needs a terminal" in capsys.readouterr().err


def test_backups_of_a_server_project_are_the_servers(server_database, capsys):
    url = server_database.url
    init_server(ServerAddress.parse(url))
    assert cli.main(["backups", url]) == 1
    error = capsys.readouterr().err
    assert "pg_dump" in error and error.count("\n") == 1


def revision(url: str) -> str:
    with psycopg.connect(url) as connection:
        row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    assert row is not None
    return str(row[0])
