"""``fangtan backups``: the backups File ▸ Restore from Backup lists, and how many to keep."""

import json
from pathlib import Path

import pytest

from app import cli
from app.backups import DEFAULT_KEEP, keep_count, list_backups, take_backup
from app.project import Project


@pytest.fixture
def backed_up(sample_project: Project, project_path: Path) -> Path:
    """The sample project, closed, with three backups taken on opening."""
    for _ in range(3):
        take_backup(project_path)
    sample_project.close()
    return project_path


def run(capsys, *arguments: str) -> tuple[int, str, str]:
    code = cli.main(list(arguments))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def stored_keep(path: Path) -> int:
    project = Project.open(path, create=False)
    try:
        return keep_count(project)
    finally:
        project.close()


def test_lists_each_backup_with_its_date_and_counts(backed_up: Path, capsys) -> None:
    code, out, err = run(capsys, "backups", str(backed_up))
    assert (code, err) == (cli.EXIT_OK, "")
    first, *lines = out.splitlines()
    assert first == f"keeps the newest {DEFAULT_KEEP} backups"
    backups = list_backups(backed_up)
    assert len(lines) == len(backups) == 3
    for line, backup in zip(lines, backups, strict=True):
        assert line.startswith(backup.taken_at.astimezone().strftime("%Y-%m-%d %H:%M:%S"))
        assert f" {backup.documents} documents " in line  # the sample: two interviews
        assert f" {backup.annotations} annotations " in line
        assert "on opening" in line and line.endswith(str(backup.path))


def test_json_lists_the_same_backups(backed_up: Path, capsys) -> None:
    code, out, _err = run(capsys, "backups", str(backed_up), "--json")
    assert code == cli.EXIT_OK
    payload = json.loads(out)
    assert payload["keep"] == DEFAULT_KEEP
    backups = list_backups(backed_up)
    assert [b["path"] for b in payload["backups"]] == [str(b.path) for b in backups]
    assert [b["taken_at"] for b in payload["backups"]] == [b.taken_at.isoformat() for b in backups]
    assert {(b["documents"], b["annotations"], b["kind"]) for b in payload["backups"]} == {
        (backups[0].documents, 0, "on-opening")
    }


def test_keep_is_stored_and_the_next_backup_follows_it(backed_up: Path, capsys) -> None:
    code, out, err = run(capsys, "backups", str(backed_up), "--keep", "2")
    assert (code, err) == (cli.EXIT_OK, "")
    assert out.startswith("keeping the newest 2 backups from now on\n")
    assert "note: the oldest 1 will be deleted at the next backup" in out
    assert len(list_backups(backed_up)) == 3  # nothing deleted until then
    assert stored_keep(backed_up) == 2
    take_backup(backed_up, stored_keep(backed_up))
    assert len(list_backups(backed_up)) == 2
    assert json.loads(run(capsys, "backups", str(backed_up), "--json")[1])["keep"] == 2


@pytest.mark.parametrize("wrong", ["0", "101", "ten", "2.5"])
def test_a_wrong_number_is_a_clear_error_and_changes_nothing(
    backed_up: Path, capsys, wrong: str
) -> None:
    code, out, err = run(capsys, "backups", str(backed_up), "--keep", wrong)
    assert code == cli.EXIT_FAILED and out == ""
    assert err == (
        "fangtan: The number of backups to keep must be a whole number from 1 to 100 "
        f"(got {wrong}).\n"
    )
    assert stored_keep(backed_up) == DEFAULT_KEEP


def test_a_project_without_backups_or_file(project_path: Path, tmp_path: Path, capsys) -> None:
    Project.open(project_path).close()
    code, out, _err = run(capsys, "backups", str(project_path))
    assert code == cli.EXIT_OK
    assert out.splitlines()[1] == f"no backups yet in {project_path}-backups"
    missing = tmp_path / "missing.fangtan"
    code, out, err = run(capsys, "backups", str(missing), "--keep", "3")
    assert (code, out) == (cli.EXIT_FAILED, "")
    assert "There is no project" in err and not missing.exists()
