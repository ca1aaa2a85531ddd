"""`fangtan` with no argument: a project in the user data folder, with the sample on first run."""

import os

from app.locations import default_project_path
from app.workspace import open_default_project


def test_first_run_creates_the_sample_project_once(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    path = default_project_path()
    assert str(path).startswith(str(tmp_path))
    assert not path.exists()

    project = open_default_project("编辑")
    try:
        documents = project.documents()
        assert [d.interviewee for d in documents] == ["刘在军", "王信卿"]
        assert [tag.name for tag in project.tags()] == ["产业发展", "民生", "党建", "城市更新"]
        assert project.annotator == "编辑"
    finally:
        project.close()
    assert path.exists()
    assert not any(name.endswith(".creating") for name in os.listdir(path.parent))

    again = open_default_project()
    try:
        assert len(again.documents()) == 2
    finally:
        again.close()


def test_interrupted_first_run_leaves_no_half_project(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    path = default_project_path()
    path.parent.mkdir(parents=True)
    leftover = path.with_name(path.name + ".creating")
    leftover.write_bytes(b"half written")
    project = open_default_project()
    try:
        assert len(project.documents()) == 2
    finally:
        project.close()
    assert not leftover.exists()
