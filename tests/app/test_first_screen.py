"""The first screen kept for a project file: read back as it was taken, and only while the
file is exactly as it was; never a failed start, whatever the cached file holds."""

import pickle
from pathlib import Path

import pytest

from app import first_screen
from app.editing.commands import AnnotationSpec, CreateAnnotations
from app.first_screen import FirstScreen
from app.project import Project
from app.workspace import import_sample


@pytest.fixture
def sample(tmp_path: Path) -> Path:
    path = tmp_path / "样本.fangtan"
    project = Project.open(path, annotator="编辑甲")
    import_sample(project)
    document = project.documents()[0].id
    tag = project.tags()[0].id
    project.execute(CreateAnnotations((AnnotationSpec(document, tag, 3, 9, note="第一处"),)))
    project.close()
    return path


def screen_of(path: Path, annotator: str = "编辑甲") -> FirstScreen:
    project = Project.open(path, annotator=annotator)
    try:
        documents = project.documents()
        shown = documents[0].id
        annotations = project.annotations(shown)
        return FirstScreen(
            project=str(path.resolve()),
            name=project.name,
            annotator=annotator,
            documents=documents,
            tags=project.tags(),
            content=project.document(shown),
            annotations=annotations,
            listed=annotations,
        )
    finally:
        project.close()


def test_a_screen_is_read_back_as_it_was_taken(sample: Path) -> None:
    screen = screen_of(sample)
    assert screen.content is not None and screen.annotations
    assert first_screen.save(screen)
    assert first_screen.load(sample, "编辑甲") == screen


def test_a_write_to_the_project_makes_the_screen_unused(sample: Path) -> None:
    screen = screen_of(sample)
    assert first_screen.save(screen)
    project = Project.open(sample, annotator="编辑甲")
    document, tag = project.documents()[0].id, project.tags()[1].id
    project.execute(CreateAnnotations((AnnotationSpec(document, tag, 20, 24),)))
    project.close()
    assert first_screen.load(sample, "编辑甲") is None


def test_reading_the_project_keeps_the_screen(sample: Path) -> None:
    screen = screen_of(sample)
    assert first_screen.save(screen)
    project = Project.open(sample, annotator="编辑甲")
    project.documents()
    project.close()
    assert first_screen.load(sample, "编辑甲") == screen


def test_another_annotator_or_a_copy_of_the_file_gets_no_screen(
    sample: Path, tmp_path: Path
) -> None:
    assert first_screen.save(screen_of(sample))
    assert first_screen.load(sample, "编辑乙") is None
    copy = tmp_path / "copy.fangtan"
    copy.write_bytes(sample.read_bytes())
    assert first_screen.load(copy, "编辑甲") is None


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"not a pickle at all",
        pickle.dumps(("first screen", 1)),
        pickle.dumps((99, (), (), None)),
    ],
)
def test_a_damaged_or_foreign_cache_is_no_screen(sample: Path, content: bytes) -> None:
    path = first_screen.cache_path(sample)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    assert first_screen.load(sample, "编辑甲") is None


def test_a_cache_naming_other_code_is_refused_not_run(sample: Path, tmp_path: Path) -> None:
    """A cached file that would call any function (here one writing a file) is not built."""
    witness = tmp_path / "ran"

    class Payload:
        def __reduce__(self) -> tuple[object, tuple[str]]:
            return (Path.touch, (str(witness),))

    path = first_screen.cache_path(sample)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(pickle.dumps(Payload()))
    assert first_screen.load(sample, "编辑甲") is None
    assert not witness.exists()


def test_an_unwritable_cache_folder_only_means_no_screen(
    sample: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocked = tmp_path / "a file, not a folder"
    blocked.write_text("")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    assert not first_screen.save(screen_of(sample))
    assert first_screen.load(sample, "编辑甲") is None
