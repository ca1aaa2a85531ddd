"""doccano JSONL, Label Studio, brat and CoNLL, each read back by code written here."""

import json
import re
from pathlib import Path

import pytest

from app.chinese.dictionary import add_sample_terms
from app.editing.commands import AnnotationSpec, CreateAnnotations
from app.editing.tag_commands import CreateTag, TagSpec
from app.exchange import ExportOptions, export, import_annotations

pytestmark = pytest.mark.both_backends

SENTENCE_ENDS = ("。", "！", "？")


def tag_ids(project) -> dict[str, int]:
    return {tag.name: tag.id for tag in project.tags()}


def add_document(project, tmp_path: Path, text: str, name: str = "doc.jsonl") -> int:
    """A document with exactly ``text`` (through a doccano file without labels)."""
    source = tmp_path / name
    source.write_text(json.dumps({"text": text, "label": []}) + "\n", encoding="utf-8")
    report = import_annotations(project, source)
    return report.created[0].id


def annotate(project, *specs: AnnotationSpec) -> None:
    project.execute(CreateAnnotations(specs))


# doccano and Label Studio ----------------------------------------------------------


def test_jsonl_one_document_per_line_with_code_point_offsets(project, tmp_path) -> None:
    text = "𠮷野家😀的\u2028产业升级\r\n继续。"
    document = add_document(project, tmp_path, text)
    tags = tag_ids(project)
    start = text.index("产业")
    annotate(
        project,
        AnnotationSpec(document, tags["产业发展"], start, start + 4, note="注"),
        AnnotationSpec(document, tags["民生"], 0, 3),
    )
    target = tmp_path / "out.jsonl"
    summary = export(project, "jsonl", target)
    assert (summary.documents, summary.annotations) == (1, 2)
    raw = target.read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf")
    lines = raw.decode("utf-8").split("\n")
    assert lines[-1] == ""
    [line] = lines[:-1]
    assert len(line.splitlines()) == 1  # no character any line reader breaks on
    record = json.loads(line)
    assert record["id"] == document
    assert record["text"] == text
    assert record["label"] == [[0, 3, "民生"], [start, start + 4, "产业发展"]]
    assert text[start : start + 4] == "产业升级"
    meta = record["meta"]
    assert meta["fangtan"] == 1
    assert [a["note"] for a in meta["annotations"]] == ["", "注"]
    assert {a["annotator"] for a in meta["annotations"]} == {"tester"}


def test_label_studio_task_list(project, tmp_path) -> None:
    text = "记者:问题？\n\n答:😀回答。"
    document = add_document(project, tmp_path, text)
    tags = tag_ids(project)
    start = text.index("😀")
    annotate(project, AnnotationSpec(document, tags["党建"], start, start + 3, note="一\n二"))
    target = tmp_path / "out.json"
    export(project, "label-studio", target)
    [task] = json.loads(target.read_text(encoding="utf-8"))
    assert task["data"]["text"] == text
    [annotation] = task["annotations"]
    [result] = annotation["result"]
    assert {key: result[key] for key in ("from_name", "to_name", "type")} == {
        "from_name": "label",
        "to_name": "text",
        "type": "labels",
    }
    assert result["value"] == {
        "start": start,
        "end": start + 3,
        "text": "😀回答",
        "labels": ["党建"],
    }
    assert result["meta"] == {"text": ["一\n二"]}


def test_label_studio_without_documents_is_an_empty_list(project, tmp_path) -> None:
    target = tmp_path / "empty.json"
    export(project, "label-studio", target)
    assert json.loads(target.read_text(encoding="utf-8")) == []


# brat ------------------------------------------------------------------------------


def read_brat(folder: Path, name: str) -> tuple[str, list[dict], dict[str, str]]:
    """Text, text-bound annotations and notes of one brat document, read independently."""
    text = (folder / f"{name}.txt").read_bytes().decode("utf-8")
    spans, notes = [], {}
    for line in (folder / f"{name}.ann").read_bytes().decode("utf-8").split("\n"):
        if not line:
            continue
        identifier, body, rest = line.split("\t", 2)
        if identifier.startswith("T"):
            kind, offsets = body.split(" ", 1)
            fragments = [tuple(int(v) for v in part.split(" ")) for part in offsets.split(";")]
            spans.append({"id": identifier, "type": kind, "fragments": fragments, "text": rest})
        elif identifier.startswith("#"):
            kind, target = body.split(" ")
            assert kind == "AnnotatorNotes"
            notes[target] = rest
    return text, spans, notes


def test_brat_pairs_with_fragments_notes_and_configuration(project, tmp_path) -> None:
    text = "第一行𠮷\r\n第二行\n\n城市 更新"
    document = add_document(project, tmp_path, text)
    project.execute(CreateTag(TagSpec(name="城市 更新", color="#00aa00", parent_id=1)))
    tags = tag_ids(project)
    annotate(
        project,
        AnnotationSpec(document, tags["产业发展"], 2, 9, note="跨行\n的备注\t制表"),
        AnnotationSpec(document, tags["城市 更新"], text.index("城市"), len(text)),
        AnnotationSpec(document, tags["民生"], 4, 6),  # only "\r\n": nothing to show
    )
    folder = tmp_path / "brat"
    summary = export(project, "brat", folder)
    kinds = {warning.kind: warning.count for warning in summary.warnings}
    assert kinds == {"brat_fragments": 1, "brat_blank": 1, "note_lines": 1, "label_spaces": 1}
    name = f"{document:06d}"
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        ["annotation.conf", "visual.conf", f"{name}.txt", f"{name}.ann"]
    )
    stored, spans, notes = read_brat(folder, name)
    assert stored == text
    for span in spans:
        assert span["text"] == " ".join(text[start:end] for start, end in span["fragments"])
    first, second = spans
    assert first["type"] == "产业发展"
    assert first["fragments"] == [(2, 4), (6, 9)]
    assert second["type"] == "城市_更新"
    assert notes == {"T1": "跨行 的备注 制表"}
    conf = (folder / "annotation.conf").read_text(encoding="utf-8")
    assert "[entities]\n产业发展\n\t城市_更新\n民生\n" in conf
    visual = (folder / "visual.conf").read_text(encoding="utf-8")
    assert "城市_更新\tbgColor:#00aa00\n" in visual


# CoNLL -----------------------------------------------------------------------------


def read_conll(path: Path) -> list[list[list[tuple[str, str]]]]:
    """Documents -> sentences -> (token, label), read with no help from the exporter."""
    documents: list[list[list[tuple[str, str]]]] = []
    sentence: list[tuple[str, str]] = []
    for line in path.read_text(encoding="utf-8").split("\n"):
        if line.startswith("-DOCSTART-"):
            documents.append([])
            continue
        if not line:
            if sentence:
                documents[-1].append(sentence)
            sentence = []
            continue
        token, label = line.split("\t")
        assert token and not re.search(r"\s", token)
        assert label == "O" or re.fullmatch(r"[BI]-\S+", label)
        sentence.append((token, label))
    assert sentence == []
    return documents


def chunks(text: str, sentences: list[list[tuple[str, str]]]) -> list[tuple[int, int, str]]:
    """(start, end, tag) of each B/I chunk, placed in ``text`` by matching the tokens."""
    found = []
    position = 0
    for sentence in sentences:
        current = None
        for token, label in sentence:
            at = text.index(token, position)
            assert text[position:at].strip() == ""
            position = at + len(token)
            if label.startswith("B-"):
                current = [at, position, label[2:]]
                found.append(current)
            elif label.startswith("I-"):
                assert current is not None and current[2] == label[2:]
                current[1] = position
            else:
                current = None
    assert text[position:].strip() == ""
    return [tuple(chunk) for chunk in found]


def test_conll_splits_tokens_at_span_boundaries(project, tmp_path) -> None:
    text = "泊里镇党委书记刘在军说：产业升级很重要。\n下一句话！"
    document = add_document(project, tmp_path, text)
    add_sample_terms(project)
    tags = tag_ids(project)
    inside = text.index("书记")  # inside jieba's token 党委书记
    annotate(project, AnnotationSpec(document, tags["产业发展"], inside, inside + 4))
    target = tmp_path / "out.conll"
    summary = export(project, "conll", target)
    kinds = {warning.kind: warning.count for warning in summary.warnings}
    assert kinds == {"tokens_split": 2}  # 党委书记 and 刘在军
    [sentences] = read_conll(target)
    assert chunks(text, sentences) == [(inside, inside + 4, "产业发展")]
    # 泊里镇 is in the sample project's dictionary, so it stays one token
    assert [token for token, _ in sentences[0][:5]] == ["泊里镇", "党委", "书记", "刘在", "军"]
    assert len(sentences) == 2
    assert sentences[0][-1] == ("。", "O")
    assert sentences[1][-1] == ("！", "O")


def test_conll_longest_overlapping_span_wins_and_identical_spans_merge(project, tmp_path) -> None:
    text = "城市更新和产业发展都要抓。"
    document = add_document(project, tmp_path, text)
    tags = tag_ids(project)
    annotate(
        project,
        AnnotationSpec(document, tags["城市更新"], 0, 4),
        AnnotationSpec(document, tags["城市更新"], 0, 4, annotator="另一位"),
        AnnotationSpec(document, tags["产业发展"], 2, 9),  # longest: wins
        AnnotationSpec(document, tags["民生"], 10, 12),
    )
    target = tmp_path / "out.conll"
    summary = export(project, "conll", target)
    kinds = {warning.kind: warning.count for warning in summary.warnings}
    assert kinds["overlap_dropped"] == 1
    assert kinds["identical_spans"] == 1
    [sentences] = read_conll(target)
    assert chunks(text, sentences) == [(2, 9, "产业发展"), (10, 12, "民生")]


def test_conll_never_breaks_a_sentence_inside_a_span(project, tmp_path) -> None:
    text = "第一句。第二句！第三句"
    document = add_document(project, tmp_path, text)
    annotate(project, AnnotationSpec(document, tag_ids(project)["党建"], 2, 6))
    target = tmp_path / "out.conll"
    export(project, "conll", target, ExportOptions(unit="char"))
    [sentences] = read_conll(target)
    assert ["".join(token for token, _ in sentence) for sentence in sentences] == [
        "第一句。第二句！",
        "第三句",
    ]
    assert chunks(text, sentences) == [(2, 6, "党建")]


def test_conll_characters_and_blank_spans(project, tmp_path) -> None:
    text = "a𠮷 b\u0301\r\n  \r\n😀！"
    document = add_document(project, tmp_path, text)
    tags = tag_ids(project)
    annotate(
        project,
        AnnotationSpec(document, tags["民生"], 1, 5),
        AnnotationSpec(document, tags["党建"], 7, 10),  # whitespace only
    )
    target = tmp_path / "out.conll"
    summary = export(project, "conll", target, ExportOptions(unit="char"))
    assert {w.kind: w.count for w in summary.warnings} == {"blank_spans": 1}
    [sentences] = read_conll(target)
    tokens = [token for sentence in sentences for token, _ in sentence]
    assert tokens == ["a", "𠮷", "b", "\u0301", "😀", "！"]
    assert chunks(text, sentences) == [(1, 5, "民生")]


@pytest.mark.parametrize("unit", ["token", "char"])
def test_conll_tag_names_with_spaces_use_underscores(project, tmp_path, unit) -> None:
    document = add_document(project, tmp_path, "乡村振兴战略。")
    project.execute(CreateTag(TagSpec(name="乡村 振兴", color="#112233")))
    annotate(project, AnnotationSpec(document, tag_ids(project)["乡村 振兴"], 0, 4))
    target = tmp_path / "out.conll"
    summary = export(project, "conll", target, ExportOptions(unit=unit))
    assert "label_spaces" in {w.kind for w in summary.warnings}
    [sentences] = read_conll(target)
    assert chunks("乡村振兴战略。", sentences) == [(0, 4, "乡村_振兴")]


def test_notes_can_be_left_out_of_every_format(project, tmp_path) -> None:
    import zipfile

    document = add_document(project, tmp_path, "第一句有备注。")
    annotate(project, AnnotationSpec(document, tag_ids(project)["民生"], 0, 3, note="秘密备注"))
    options = ExportOptions(include_notes=False)
    for name, target in (
        ("csv", "out.csv"),
        ("xlsx", "out.xlsx"),
        ("jsonl", "out.jsonl"),
        ("label-studio", "out.json"),
        ("brat", "brat"),
        ("qdpx", "out.qdpx"),
    ):
        path = tmp_path / target
        export(project, name, path, options)
        files = sorted(path.iterdir()) if path.is_dir() else [path]
        for file in files:
            if file.suffix in (".xlsx", ".qdpx"):
                with zipfile.ZipFile(file) as archive:
                    content = b"".join(archive.read(member) for member in archive.namelist())
            else:
                content = file.read_bytes()
            assert "秘密备注".encode() not in content, (name, file.name)
    record = json.loads((tmp_path / "out.jsonl").read_text(encoding="utf-8"))
    assert "note" not in record["meta"]["annotations"][0]
