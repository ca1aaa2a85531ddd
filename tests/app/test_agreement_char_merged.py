"""Agreement on a project merged from two annotators' doccano imports: each annotator
imports a doccano JSONL file into a project of their own, the lead merges both files,
and the figures on every unit are checked against values worked out by hand."""

import json
from pathlib import Path
from typing import Any

import pytest

from app.agreement.report import NominalAgreement, SpanAgreement, agreement
from app.cli import main
from app.project import Project

# Question content "你怎么上班？" is 2-8, answer content "坐地铁，一个小时。" 11-20.
DIALOGUE = "问：你怎么上班？\n答：坐地铁，一个小时。"
# No speaker labels: one narration turn, which neither turns nor characters count.
NARRATION = "我每天坐地铁上班。"
PAIR = "张三|李四"


def doccano(path: Path, records: list[tuple[str, list[list[object]]]]) -> Path:
    lines = [
        json.dumps({"text": text, "label": labels}, ensure_ascii=False) for text, labels in records
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def merged(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    layers: dict[str, list[tuple[str, list[list[object]]]]],
) -> Path:
    """The lead's project, merged from one project per annotator imported from doccano."""
    files = []
    for who, records in layers.items():
        monkeypatch.setenv("FANGTAN_ANNOTATOR", who)
        own = tmp_path / f"{who}.fangtan"
        assert main(["import", str(own), str(doccano(tmp_path / f"{who}.jsonl", records))]) == 0
        files.append(str(own))
    monkeypatch.setenv("FANGTAN_ANNOTATOR", "lead")
    lead = tmp_path / "lead.fangtan"
    Project.open(lead).close()
    assert main(["merge", str(lead), *files]) == 0
    capsys.readouterr()
    return lead


def cli_json(capsys: pytest.CaptureFixture[str], path: Path, unit: str) -> Any:
    assert main(["agreement", str(path), "--unit", unit, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_characters_of_a_merged_project_match_a_count_by_hand(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = merged(
        tmp_path,
        monkeypatch,
        capsys,
        {
            "张三": [(DIALOGUE, [[11, 14, "交通"]]), (NARRATION, [[3, 6, "交通"]])],
            "李四": [(DIALOGUE, [[11, 19, "交通"]]), (NARRATION, [[3, 6, "交通"]])],
        },
    )
    project = Project.open(path, create=False, read_only=True)
    try:
        chars = agreement(project, unit="char")
        turns = agreement(project, unit="turn")
        spans = agreement(project, unit="span")
    finally:
        project.close()
    # 15 content characters: both on 3 (坐地铁), only 李四 on 5, neither on 7.
    assert isinstance(chars, NominalAgreement)
    assert chars.annotators == ("张三", "李四") and chars.documents == 2 and chars.units == 15
    figures = chars.tags["交通"].coefficients
    assert figures.units == 15
    assert figures.percent == pytest.approx(10 / 15)
    # Chance: 3/15 × 8/15 + 12/15 × 7/15 = 7.2/15.
    assert figures.cohen_kappa == pytest.approx((10 - 7.2) / (15 - 7.2))
    assert figures.pairwise_cohen_kappa[PAIR] == pytest.approx((10 - 7.2) / (15 - 7.2))
    # Coincidences: 6 of (1, 1), 14 of (0, 0), 10 of (0, 1); 11 ones and 19 zeros of 30.
    assert figures.krippendorff_alpha == pytest.approx(1 - 29 * 10 / (2 * 11 * 19))
    assert chars.pooled.coefficients.percent == pytest.approx(10 / 15)
    # Turns: the question untagged by both, the answer tagged by both.
    assert isinstance(turns, NominalAgreement)
    assert turns.units == 2 and turns.tags["交通"].coefficients.percent == 1.0
    assert turns.tags["交通"].coefficients.cohen_kappa == pytest.approx(1.0)
    # Spans: the narration's pair matches exactly, the dialogue's only by overlap.
    assert isinstance(spans, SpanAgreement)
    assert spans.pairs[PAIR].exact_f1 == pytest.approx(0.5)
    assert spans.pairs[PAIR].overlap_f1 == pytest.approx(1.0)
    payload = cli_json(capsys, path, "char")
    assert payload["units"] == 15 and payload["tags"]["交通"]["percent"] == pytest.approx(10 / 15)


def test_a_merged_project_of_narration_only_has_no_characters_to_compare(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    bug_log_in_tmp: Path,
) -> None:
    path = merged(
        tmp_path,
        monkeypatch,
        capsys,
        {
            "张三": [(NARRATION, [[3, 6, "交通"], [6, 8, "工作"]])],
            "李四": [(NARRATION, [[3, 6, "交通"], [1, 3, "工作"]])],
        },
    )
    chars = cli_json(capsys, path, "char")
    turns = cli_json(capsys, path, "turn")
    assert chars["units"] == turns["units"] == 0
    assert chars["documents"] == 1
    for name in ("交通", "工作", None):
        figures = chars["pooled"] if name is None else chars["tags"][name]
        assert figures["units"] == 0 and figures["percent"] is None
        assert figures["cohen_kappa"] is None and "few_units" in figures["warnings"]
    spans = cli_json(capsys, path, "span")
    assert spans["pairs"][PAIR] == {"exact_f1": 0.5, "overlap_f1": 0.5}
    assert not bug_log_in_tmp.exists()
