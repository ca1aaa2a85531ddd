"""``fangtan search``: hits one per line or as JSON, offsets checked against ``fangtan docs``."""

import json
import shutil
from pathlib import Path

import pytest

from app import cli
from app.editing.commands import AnnotationSpec, CreateAnnotations
from app.project import Project

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


@pytest.fixture
def sample(project_path: Path, sample_path: Path, capsys) -> Path:
    assert cli.main(["import", str(project_path), str(sample_path)]) == cli.EXIT_OK
    capsys.readouterr()
    return project_path


def run(capsys, *arguments: str) -> tuple[int, str, str]:
    code = cli.main(list(arguments))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def texts_by_id(path: Path, capsys) -> dict[int, str]:
    code, out, _err = run(capsys, "docs", str(path), "--json")
    assert code == cli.EXIT_OK
    return {document["id"]: document["text"] for document in json.loads(out)}


def test_json_offsets_are_code_points_into_the_docs_text(sample: Path, capsys) -> None:
    texts = texts_by_id(sample, capsys)
    code, out, err = run(capsys, "search", str(sample), "党建", "--json")
    assert (code, err) == (cli.EXIT_OK, "")
    hits = json.loads(out)
    expected = sum(text.count("党建") for text in texts.values())
    assert 0 < len(hits) <= expected
    for hit in hits:
        text = texts[hit["document_id"]]
        assert text[hit["start"] : hit["end"]] == "党建"
        assert "党建" in hit["context"] and "\n" not in hit["context"]
        assert hit["context"] == hit["left"] + "党建" + hit["right"]
        assert (
            text[hit["start"] - len(hit["left"]) : hit["end"] + len(hit["right"])]
            == (hit["context"])
        )
        assert isinstance(hit["speaker"], str)


def test_text_output_is_one_line_per_hit(sample: Path, capsys) -> None:
    code, out, err = run(capsys, "search", str(sample), "泊里镇")
    assert (code, err) == (cli.EXIT_OK, "")
    lines = out.splitlines()
    _code, json_out, _err = run(capsys, "search", str(sample), "泊里镇", "--json")
    hits = json.loads(json_out)
    assert len(lines) == len(hits) > 1
    for line, hit in zip(lines, hits, strict=True):
        assert line.startswith(f"#{hit['document_id']}  {hit['start']}-{hit['end']}  ")
        assert "【泊里镇】" in line


def test_astral_query_and_offsets(tmp_path: Path, project_path: Path, capsys) -> None:
    source = tmp_path / "astral.txt"
    source.write_text("记者:𠮷野家好吃吗?\n王五:𠮷野家😀好吃,😀𠮷野家也好。\n", encoding="utf-8")
    assert run(capsys, "import", str(project_path), str(source))[0] == cli.EXIT_OK
    [text] = texts_by_id(project_path, capsys).values()
    _code, out, _err = run(capsys, "search", str(project_path), "😀𠮷", "--json")
    [hit] = json.loads(out)
    assert (hit["start"], hit["end"]) == (text.index("😀𠮷"), text.index("😀𠮷") + 2)
    _code, out, _err = run(capsys, "search", str(project_path), "𠮷野家", "--json")
    assert [h["start"] for h in json.loads(out)] == [
        i for i in range(len(text)) if text.startswith("𠮷野家", i)
    ]


def test_filters(sample: Path, capsys) -> None:
    project = Project.open(sample, create=False)
    try:
        tags = {tag.name: tag.id for tag in project.tags()}
        document = project.document(project.documents()[1].id)
        start = document.text.index("党建")
        project.execute(
            CreateAnnotations((AnnotationSpec(document.meta.id, tags["党建"], start, start + 2),))
        )
    finally:
        project.close()
    everything = json.loads(run(capsys, "search", str(sample), "党建", "--json")[1])
    inside = json.loads(run(capsys, "search", str(sample), "党建", "--json", "--tag", "党建")[1])
    outside = json.loads(
        run(capsys, "search", str(sample), "党建", "--json", "--tag", "党建", "--outside")[1]
    )
    assert [(h["document_id"], h["start"]) for h in inside] == [(document.meta.id, start)]
    assert len(inside) + len(outside) == len(everything)
    answers = json.loads(run(capsys, "search", str(sample), "党建", "--json", "--answers-only")[1])
    assert answers and all(h["kind"] == "answer" for h in answers)
    assert len(answers) < len(everything)
    one = json.loads(
        run(capsys, "search", str(sample), "党建", "--json", "--document", str(document.meta.id))[1]
    )
    assert one and {h["document_id"] for h in one} == {document.meta.id}


def test_no_hits_prints_nothing(sample: Path, capsys) -> None:
    assert run(capsys, "search", str(sample), "不存在的词") == (cli.EXIT_OK, "", "")
    assert run(capsys, "search", str(sample), "不存在的词", "--json") == (cli.EXIT_OK, "[]\n", "")


def test_repairs_a_project_whose_index_is_empty(tmp_path: Path, capsys) -> None:
    path = tmp_path / "frozen.fangtan"
    shutil.copyfile(FIXTURES / "schema-0003.fangtan", path)
    texts = texts_by_id(path, capsys)
    code, out, _err = run(capsys, "search", str(path), "泊里镇", "--json")
    hits = json.loads(out)
    assert code == cli.EXIT_OK and hits
    for hit in hits:
        assert texts[hit["document_id"]][hit["start"] : hit["end"]] == "泊里镇"


@pytest.mark.parametrize(
    "arguments",
    [
        ["{missing}", "党建"],
        ["{project}", ""],
        ["{project}", "   "],
        ["{project}", "党建", "--tag", "没有这个标签"],
        ["{project}", "党建", "--outside"],
        ["{project}", "党建", "--document", "999"],
        ["{folder}", "党建"],
    ],
)
def test_bad_input_is_one_line_on_stderr(
    sample: Path, tmp_path: Path, bug_log_in_tmp: Path, capsys, arguments
) -> None:
    filled = [
        argument.format(project=sample, missing=tmp_path / "none.fangtan", folder=tmp_path)
        for argument in arguments
    ]
    before = sample.read_bytes()
    code, out, err = run(capsys, "search", *filled)
    assert code != cli.EXIT_OK
    assert out == ""
    lines = err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("fangtan: "), err
    assert "Traceback" not in err
    assert not bug_log_in_tmp.exists()
    assert sample.read_bytes() == before
    assert not (tmp_path / "none.fangtan").exists()
