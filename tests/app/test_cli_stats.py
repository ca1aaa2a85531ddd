"""``fangtan stats`` and ``fangtan passages``: the JSON shape, the plain tables, errors."""

import argparse
import json
import sys
from pathlib import Path

import pytest

from app.cli import stats
from app.errors import FangtanError
from tests.app.test_statistics import two_interviews


def parser() -> argparse.ArgumentParser:
    built = argparse.ArgumentParser(prog="fangtan")
    stats.register(built.add_subparsers(dest="command"))
    return built


def run(capsys, *arguments: str) -> tuple[int, str, str]:
    """Run a subcommand as the ``fangtan`` command does: an error is one line on stderr."""
    parsed = parser().parse_args(list(arguments))
    try:
        code = stats.handlers()[parsed.command](parsed)
    except FangtanError as error:
        print(f"fangtan: {error}", file=sys.stderr)
        code = 1
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def coded(project, project_path: Path) -> Path:
    two_interviews(project)
    project.close()
    return project_path


def test_stats_json_has_every_number(coded: Path, capsys) -> None:
    code, out, err = run(capsys, "stats", str(coded), "--json")
    assert (code, err) == (0, "")
    payload = json.loads(out)
    assert payload["tags"] == ["产业发展", "民生", "党建", "城市更新"]
    assert [document["id"] for document in payload["documents"]] == [1, 2]
    assert payload["documents"][1]["title"] == "乡镇访谈二"
    cell = payload["tag_document"]["民生"]["1"]
    assert (cell["annotations"], cell["characters"]) == (3, 33)
    assert cell["answer_share"] == pytest.approx(20 / 37)
    assert payload["tag_document"]["城市更新"] == {}
    assert payload["cooccurrence"]["产业发展|民生"] == {
        "overlapping": 2,
        "same_turn": 1,
        "c": pytest.approx(0.2),
        "skewed": False,
    }
    assert len(payload["cooccurrence"]) == 6
    assert payload["tag_turns"] == {"产业发展": 2, "民生": 4, "党建": 2, "城市更新": 0}
    assert payload["coverage"]["2"]["answer_share"] == 1.0
    assert payload["groups"]["outlet"]["民生"]["河东晚报"]["annotations"] == 4
    assert payload["progress"]["overall"] == {"new": 1, "in_progress": 0, "done": 1}
    assert payload["progress"]["annotators"]["李编辑"] == {"new": 0, "in_progress": 0, "done": 1}
    assert payload["progress"]["work"]["李编辑"] == {
        "done": 0,
        "in_progress": 1,
        "assigned": 0,
        "untouched": 1,
    }
    assert payload["by_month"]["民生"] == {"": 3, "2023-03": 1}


def test_stats_prints_tables(coded: Path, capsys) -> None:
    code, out, _err = run(capsys, "stats", str(coded))
    assert code == 0
    lines = out.splitlines()
    header = next(line for line in lines if "interview" in line and "民生" in line)
    assert header.split() == ["interview", "产业发展", "民生", "党建", "城市更新"]
    assert next(line for line in lines if "#1 乡镇访谈一" in line).split()[-4:] == [
        "2",
        "3",
        "0",
        "0",
    ]
    assert next(line for line in lines if line.strip().startswith("total")).split() == [
        "total",
        "2",
        "4",
        "2",
        "0",
    ]
    assert any(line.split()[:6] == ["产业发展", "|", "民生", "2", "1", "0.20"] for line in lines)
    assert not any("产业发展 | 党建" in line for line in lines)  # nothing shared
    assert "Progress: 1 done, 0 in progress, 1 new (all interviews)" in lines
    assert (
        "  李编辑's own work: 0 done, 1 in progress, 0 assigned and not begun, 1 untouched" in lines
    )

    code, out, _err = run(capsys, "stats", str(coded), "--by", "month")
    assert code == 0
    rows = {line.split()[0]: line.split()[1:] for line in out.splitlines()[2:4]}
    assert rows == {"(none)": ["2", "3", "0", "0"], "2023-03": ["0", "1", "2", "0"]}


def test_passages_json_and_plain(coded: Path, capsys) -> None:
    code, out, err = run(
        capsys, "passages", str(coded), "--tags", "民生", "--kind", "answer", "--json"
    )
    assert (code, err) == (0, "")
    rows = json.loads(out)
    assert [(row["document_id"], row["start"], row["end"]) for row in rows] == [
        (1, 45, 55),
        (1, 52, 72),
        (2, 55, 61),
    ]
    assert rows[0]["tag"] == "民生" and rows[0]["annotator"] == "tester"
    assert rows[0]["text"] == "我们要把养老服务做实"
    assert rows[0]["context"] == "我们要把养老服务做实,新建两个社区食堂。"

    code, out, _err = run(
        capsys, "passages", str(coded), "--tags", "民生,党建", "--all-tags", "--limit", "1"
    )
    assert code == 0
    assert out.splitlines() == [
        "#2  46-66  党建  李编辑  李华 (answer)",
        "    【把支部建在小区里,党员带头参加志愿服务。】",
        "(1 passage shown; --offset 1 for more)",
    ]
    code, out, _err = run(capsys, "passages", str(coded), "--contains", "养老")
    assert out.splitlines()[1] == "    【我们要把养老服务做实】,新建两个社区食堂。"
    code, out, _err = run(
        capsys, "passages", str(coded), "--interviewee", "李华", "--from", "2024-01-01"
    )
    assert (code, out) == (0, "no passages match\n")
    code, out, _err = run(capsys, "passages", str(coded), "--documents", "2", "--json")
    assert {row["document_id"] for row in json.loads(out)} == {2}
    assert len(json.loads(out)) == 3


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--tags", "民生,环保"], "fangtan: There is no tag named “环保” in this project.\n"),
        (
            ["--annotator", "赵编辑"],
            "fangtan: There is no annotator named “赵编辑” in this project.\n",
        ),
        (
            ["--interviewee", "钱书记"],
            "fangtan: No interview in this project has the interviewee “钱书记”.\n",
        ),
        (
            ["--documents", "1,x"],
            "fangtan: --documents needs interview ids separated by commas, not “1,x”.\n",
        ),
        (["--all-tags"], "fangtan: --all-tags needs the tags: add --tags NAME,NAME.\n"),
        (
            ["--from", "2023-13-01"],
            "fangtan: “2023-13-01” is not a date; write it like 2023-05-01.\n",
        ),
        (
            ["--limit", "-2"],
            "fangtan: The size of a page of passages must be 0 or more (got -2).\n",
        ),
    ],
)
def test_passages_errors_are_one_line(coded: Path, capsys, arguments, message) -> None:
    assert run(capsys, "passages", str(coded), *arguments) == (1, "", message)


def test_a_missing_project_is_refused_and_not_created(tmp_path: Path, capsys) -> None:
    missing = tmp_path / "none.fangtan"
    code, out, err = run(capsys, "stats", str(missing))
    assert (code, out) == (1, "")
    assert err.startswith("fangtan: ") and err.count("\n") == 1
    assert not missing.exists()


def test_a_wrong_kind_is_a_usage_error(coded: Path, capsys) -> None:
    with pytest.raises(SystemExit) as stopped:
        parser().parse_args(["passages", str(coded), "--kind", "heading"])
    assert stopped.value.code == 2
    assert "invalid choice" in capsys.readouterr().err
