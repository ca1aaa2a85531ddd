"""Export options and guarantees: split, progress, cancel, errors, nothing left half-written."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from app.dto import DOCUMENT_FIELDS
from app.errors import (
    ExportFormatError,
    ExportTargetError,
    SplitColumnError,
    SplitRatioError,
)
from app.exchange import FORMATS, ExportOptions, SplitOptions, export, import_annotations
from app.exchange.writers.corpus import DocumentRecord, split_documents
from app.project import Project
from tests.support.progress import Recorder

pytestmark = pytest.mark.both_backends


def documents_file(path: Path, texts: list[str]) -> Path:
    path.write_text(
        "".join(json.dumps({"text": text, "label": [[0, 1, "民生"]]}) + "\n" for text in texts),
        encoding="utf-8",
    )
    return path


@pytest.fixture
def corpus_project(project, tmp_path: Path):
    """Twenty small documents with one annotation each."""
    texts = [f"第{number}篇访谈。记者:问{number}？" for number in range(20)]
    import_annotations(project, documents_file(tmp_path / "docs.jsonl", texts))
    return project


def splits_of(path: Path) -> dict[str, str]:
    return {
        record["text"]: record["meta"]["split"]
        for record in map(json.loads, path.read_text(encoding="utf-8").splitlines())
    }


def record(document_id: int, digest: str) -> DocumentRecord:
    from datetime import UTC, datetime

    metadata = dict.fromkeys(DOCUMENT_FIELDS, "") | {"published_on": None, "status": "new"}
    return DocumentRecord(id=document_id, sha256=digest, imported_at=datetime.now(UTC), **metadata)


def test_split_counts_follow_the_ratios_exactly() -> None:
    documents = [record(i, f"{i:064x}") for i in range(1, 11)]
    parts = split_documents(documents, SplitOptions(seed=1))
    assert sorted(parts.values()).count("train") == 8
    assert list(parts.values()).count("dev") == 1
    assert list(parts.values()).count("test") == 1
    parts = split_documents(documents[:7], SplitOptions(seed=1, ratios=(0.5, 0.5, 0)))
    assert (
        sorted(parts.values()) == ["dev"] * 3 + ["train"] * 4
        or sorted(parts.values()) == ["dev"] * 4 + ["train"] * 3
    )


def test_same_seed_and_documents_give_the_same_split_in_any_project(
    corpus_project, tmp_path: Path
) -> None:
    options = ExportOptions(split=SplitOptions(seed=42))
    first = tmp_path / "first.jsonl"
    export(corpus_project, "jsonl", first, options)
    again = tmp_path / "again.jsonl"
    export(corpus_project, "jsonl", again, options)
    assert first.read_bytes() == again.read_bytes()

    # The same texts imported in reverse order into another project (other ids).
    other = Project.open(tmp_path / "other.fangtan", annotator="x")
    try:
        texts = list(splits_of(first))
        import_annotations(other, documents_file(tmp_path / "reversed.jsonl", texts[::-1]))
        elsewhere = tmp_path / "elsewhere.jsonl"
        export(other, "jsonl", elsewhere, options)
    finally:
        other.close()
    assert splits_of(elsewhere) == splits_of(first)
    assert sorted(splits_of(first).values()).count("train") == 16

    different = tmp_path / "different.jsonl"
    export(corpus_project, "jsonl", different, ExportOptions(split=SplitOptions(seed=43)))
    assert splits_of(different) != splits_of(first)


def test_split_as_separate_files(corpus_project, tmp_path: Path) -> None:
    folder = tmp_path / "parts"
    options = ExportOptions(split=SplitOptions(seed=5, separate_files=True))
    summary = export(corpus_project, "jsonl", folder, options)
    assert [path.name for path in summary.files] == ["train.jsonl", "dev.jsonl", "test.jsonl"]
    counts = [len((folder / name).read_text(encoding="utf-8").splitlines()) for name in
              ("train.jsonl", "dev.jsonl", "test.jsonl")]  # fmt: skip
    assert counts == [16, 2, 2]
    assert summary.documents == 20
    record_ = json.loads((folder / "train.jsonl").read_text(encoding="utf-8").splitlines()[0])
    assert "split" not in record_["meta"]

    brat = tmp_path / "brat"
    export(corpus_project, "brat", brat, options)
    assert sorted(p.name for p in brat.iterdir()) == ["dev", "test", "train"]
    assert len(list((brat / "train").glob("*.ann"))) == 16

    conll = tmp_path / "conll"
    export(corpus_project, "conll", conll, options)
    assert sorted(p.name for p in conll.iterdir()) == ["dev.conll", "test.conll", "train.conll"]


@pytest.mark.parametrize("name", ["brat", "conll"])
def test_formats_without_a_split_column_say_so(corpus_project, tmp_path, name) -> None:
    assert not FORMATS[name].split_column
    with pytest.raises(SplitColumnError):
        export(corpus_project, name, tmp_path / "out", ExportOptions(split=SplitOptions()))
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(
    "ratios", [(0.5, 0.5, 0.5), (1.2, -0.1, -0.1), (1.0, 0.0), (0.8, 0.1, float("nan"))]
)
def test_bad_ratios_are_refused(ratios) -> None:
    with pytest.raises(SplitRatioError):
        SplitOptions(ratios=ratios)


def test_unknown_format(project, tmp_path) -> None:
    with pytest.raises(ExportFormatError) as caught:
        export(project, "docx", tmp_path / "x.docx")
    assert "docx" in str(caught.value)


def test_progress_reaches_the_total_and_cancel_leaves_nothing(
    corpus_project, tmp_path: Path
) -> None:
    for name, fmt in FORMATS.items():
        recorder = Recorder()
        target = tmp_path / f"out-{name}{fmt.extension}"
        summary = export(corpus_project, name, target, progress=recorder)
        seen = recorder.seen
        assert not summary.cancelled
        assert seen and seen[-1][0] == seen[-1][1] > 0, name
        assert [d for d, _ in seen] == sorted(d for d, _ in seen)

        calls = []

        def cancel_on_second(calls=calls) -> bool:  # after the first document, or at the end
            calls.append(1)
            return len(calls) >= 2

        cancelled_target = tmp_path / "cancelled" / f"c-{name}{fmt.extension}"
        cancelled_target.parent.mkdir(exist_ok=True)
        summary = export(
            corpus_project, name, cancelled_target, progress=Recorder(cancel=cancel_on_second)
        )
        assert summary.cancelled, name
        assert summary.files == []
        assert list(cancelled_target.parent.iterdir()) == [], name


def test_cancel_before_start_keeps_an_existing_file(corpus_project, tmp_path: Path) -> None:
    target = tmp_path / "keep.jsonl"
    target.write_text("old", encoding="utf-8")
    summary = export(corpus_project, "jsonl", target, progress=Recorder(stop_after=0))
    assert summary.cancelled
    assert target.read_text(encoding="utf-8") == "old"


def test_split_files_into_a_missing_parent_fail_cleanly(corpus_project, tmp_path: Path) -> None:
    target = tmp_path / "missing" / "parts"
    options = ExportOptions(split=SplitOptions(separate_files=True))
    with pytest.raises(ExportTargetError) as caught:
        export(corpus_project, "csv", target, options)
    assert str(target) in str(caught.value)
    assert not (tmp_path / "missing").exists()


def test_a_failure_midway_removes_the_folder_it_created(corpus_project, tmp_path: Path) -> None:
    folder = tmp_path / "brat"

    def fail_halfway(done: int, total: int) -> None:
        if done >= 10:
            raise OSError(28, "No space left on device")

    with pytest.raises(ExportTargetError) as caught:
        export(corpus_project, "brat", folder, progress=Recorder(on_report=fail_halfway))
    assert "No space left on device" in str(caught.value)
    assert not folder.exists()
    left = sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith("p.fangtan"))
    assert left == ["docs.jsonl"]


def test_jieba_is_loaded_only_when_tokens_are_needed(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "import app.exchange, app.chinese.segmentation\n"
        "assert 'jieba' not in sys.modules, 'loaded at import'\n"
        "from app.chinese.segmentation import tokens\n"
        "found = tokens('泊里镇党委书记𠮷 x')\n"
        "assert ''.join(w for w, s, e in found) == '泊里镇党委书记𠮷 x'\n"
        "assert all(e > s for w, s, e in found)\n"
        "assert 'jieba' in sys.modules\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path
    )
    assert result.returncode == 0, result.stderr
    assert "Building prefix dict" not in result.stderr
