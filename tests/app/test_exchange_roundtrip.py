"""Round trips: export -> new project -> import -> export gives the same bytes, and every
format holds exactly the stored spans (property test over awkward texts and overlaps)."""

import csv
import io
import json
import re
import shutil
import tempfile
import zipfile
from collections import Counter
from pathlib import Path
from xml.etree import ElementTree

import pytest
import xmlschema
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from app.editing.commands import AnnotationSpec, CreateAnnotations
from app.editing.tag_commands import CreateTag, TagSpec
from app.exchange import FORMATS, export, import_annotations
from app.project import Project

pytestmark = pytest.mark.both_backends

SCHEMA = xmlschema.XMLSchema(
    Path(__file__).resolve().parents[1] / "fixtures" / "refi-qda" / "Project-mrt2019.xsd"
)
NS = {"q": "urn:QDA-XML:project:1.0"}
IMPORTABLE = {"jsonl": ".jsonl", "label-studio": ".json", "qdpx": ".qdpx"}
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


@pytest.fixture(scope="module")
def template(tmp_path_factory) -> Path:
    """An empty project file (default codebook), copied for each project a test needs."""
    path = tmp_path_factory.mktemp("template") / "template.fangtan"
    Project.open(path, annotator="tester").close()
    return path


def new_project(template: Path, path: Path, annotator: str = "tester") -> Project:
    shutil.copy(template, path)
    return Project.open(path, create=False, annotator=annotator)


def add_documents(project: Project, folder: Path, records: list[dict]) -> list[int]:
    source = folder / "documents.jsonl"
    source.write_text(
        "".join(json.dumps({"label": [], **record}) + "\n" for record in records),
        encoding="utf-8",
    )
    return [document.id for document in import_annotations(project, source).created]


def round_trip(template: Path, project: Project, folder: Path, name: str) -> tuple[Path, Path]:
    """Export ``name`` and csv, import into a new project, export both again; the four paths."""
    extension = IMPORTABLE[name]
    first, second = folder / name / "first", folder / name / "second"
    first.mkdir(parents=True)
    second.mkdir(parents=True)
    export(project, name, first / f"out{extension}")
    export(project, "csv", first / "out.csv")
    other = new_project(template, folder / name / "other.fangtan", annotator="someone else")
    try:
        report = import_annotations(other, first / f"out{extension}")
        assert report.duplicates_skipped == 0
        export(other, name, second / f"out{extension}")
        export(other, "csv", second / "out.csv")
    finally:
        other.close()
    return first, second


@pytest.mark.parametrize("name", sorted(IMPORTABLE))
def test_a_project_round_trips_byte_for_byte(template, tmp_path: Path, name: str) -> None:
    project = new_project(template, tmp_path / "p.fangtan")
    try:
        meta = {
            "fangtan": 1,
            "title": "专访：城市更新",
            "interviewee": "王信卿",
            "outlet": "西海岸报",
            "published_on": "2023-03-01",
            "source_url": "https://example.org/a",
            "status": "done",
            "turns": [["记者", "question", 0, 3, 9], ["王信卿", "answer", 11, 15, 33, "00:01"]],
        }
        text = "记者:怎么干？😀\r\n\r\n王信卿:𠮷祥\u0301的城市更新，=继续干。\n第二段。"
        first_id, second_id = add_documents(
            project, tmp_path, [{"id": 3, "text": text, "meta": meta}, {"text": "另一篇。"}]
        )
        project.execute(CreateTag(TagSpec(name="子 标签", color="#abcdef", parent_id=2)))
        tags = {tag.name: tag.id for tag in project.tags()}
        project.execute(
            CreateAnnotations(
                (
                    AnnotationSpec(first_id, tags["城市更新"], 15, 25, note="多行\r\n备注\t="),
                    AnnotationSpec(first_id, tags["子 标签"], 15, 25, annotator="李编辑"),
                    AnnotationSpec(first_id, tags["民生"], 20, 33, annotator="李编辑"),
                    AnnotationSpec(first_id, tags["民生"], 20, 33),
                    AnnotationSpec(second_id, tags["党建"], 0, 3),
                )
            )
        )
        first, second = round_trip(template, project, tmp_path, name)
    finally:
        project.close()
    extension = IMPORTABLE[name]
    assert (first / f"out{extension}").read_bytes() == (second / f"out{extension}").read_bytes()
    assert (first / "out.csv").read_bytes() == (second / "out.csv").read_bytes()
    assert first_id == 3


# Property: every format holds exactly the stored spans ---------------------------------

PIECES = st.one_of(
    st.sampled_from(
        [
            *("𠮷", "😀", "👍🏽", "e\u0301", "a\u0301\u0302", "\r\n", "\n", "\r\n\r\n"),
            *("\u3000", "\u2028", "\x85", "。", "！", "？", "：", ":", "，", " ", "\t"),
            *("记者:", "答:"),
        ]
    ),
    st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF),
    st.sampled_from(list("abcxyz019=+-@,\"'“”&<>")),
)
TEXTS = st.lists(PIECES, min_size=1, max_size=40).map("".join).filter(lambda t: t.strip())
NOTES = st.sampled_from(["", "备注", "多行\r\n备注", "=SUM(1)", "tab\there", "<&>"])
TAG_NAMES = ["产业发展", "民生", "党建", "城市更新"]


def is_line_break(character: str) -> bool:
    return len(f"a{character}b".splitlines()) == 2


@st.composite
def documents(draw: st.DrawFn) -> tuple[str, list[tuple[int, int, str, str, str]]]:
    text = draw(TEXTS)
    spans = []
    for _ in range(draw(st.integers(0, 6))):
        start = draw(st.integers(0, len(text) - 1))
        end = draw(st.integers(start + 1, min(len(text), start + 12)))
        spans.append(
            (
                start,
                end,
                draw(st.sampled_from(TAG_NAMES)),
                draw(NOTES),
                draw(st.sampled_from(["tester", "李编辑"])),
            )
        )
    return text, spans


def read_conll_chunks(path: Path, texts: list[str]) -> list[list[tuple[int, int, str]]]:
    """Chunks per document, placing each token in its text; blank lines end chunks."""
    documents_: list[list[tuple[int, int, str]]] = []
    position, current, text = 0, None, ""
    for line in path.read_text(encoding="utf-8").split("\n"):
        if line.startswith("-DOCSTART-"):
            if documents_:
                assert texts[len(documents_) - 1][position:].strip() == ""
            documents_.append([])
            text, position, current = texts[len(documents_) - 1], 0, None
            continue
        if not line:
            current = None
            continue
        token, label = line.split("\t")
        at = text.index(token, position)
        assert text[position:at].strip() == ""
        position = at + len(token)
        if label.startswith("B-"):
            current = [at, position, label[2:]]
            documents_[-1].append(current)
        elif label.startswith("I-"):
            assert current is not None and current[2] == label[2:]
            current[1] = position
        else:
            assert label == "O"
            current = None
    return [[tuple(chunk) for chunk in chunks] for chunks in documents_]


def expected_bio(text: str, stored: list) -> tuple[list[tuple[int, int, str]], Counter]:
    """The documented rule, written again: identical spans once, then longest, earliest, oldest."""
    counts: Counter = Counter()
    unique, seen = [], set()
    for annotation in sorted(stored, key=lambda a: a.id):
        key = (annotation.start, annotation.end, annotation.tag_id)
        if key in seen:
            counts["identical_spans"] += 1
        else:
            seen.add(key)
            unique.append(annotation)
    chosen = []
    for annotation in sorted(unique, key=lambda a: (a.start - a.end, a.start, a.id)):
        if any(a.start < annotation.end and annotation.start < a.end for a in chosen):
            counts["overlap_dropped"] += 1
        else:
            chosen.append(annotation)
    names = {i + 1: name for i, name in enumerate(TAG_NAMES)}
    chunks = []
    for annotation in sorted(chosen, key=lambda a: a.start):
        visible = [i for i in range(annotation.start, annotation.end) if not text[i].isspace()]
        if visible:
            chunks.append((visible[0], visible[-1] + 1, names[annotation.tag_id]))
        else:
            counts["blank_spans"] += 1
    return chunks, counts


def check_exports(folder: Path, text: str, stored: list, tag_names: dict[int, str]) -> None:
    triples = sorted((a.start, a.end, tag_names[a.tag_id]) for a in stored)

    with (folder / "csv.csv").open(encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.DictReader(stream))
    assert (folder / "csv.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    assert sorted((int(r["start"]), int(r["end"]), r["tag"]) for r in rows) == triples
    for row in rows:
        span = text[int(row["start"]) : int(row["end"])]
        assert row["text"] == ("'" + span if span.startswith(FORMULA_STARTS) else span)

    sheet = load_workbook(folder / "xlsx.xlsx")["Annotations"]
    header = [cell.value for cell in sheet[1]]
    found = []
    for cells in sheet.iter_rows(min_row=2, values_only=True):
        row = dict(zip(header, cells, strict=True))
        assert row["text"] == text[row["start"] : row["end"]]
        found.append((row["start"], row["end"], row["tag"]))
    assert sorted(found) == triples

    [line] = (folder / "jsonl.jsonl").read_text(encoding="utf-8").split("\n")[:-1]
    record = json.loads(line)
    assert record["text"] == text
    assert sorted(tuple(label) for label in record["label"]) == triples

    [task] = json.loads((folder / "label-studio.json").read_text(encoding="utf-8"))
    assert task["data"]["text"] == text
    results = [r["value"] for a in task["annotations"] for r in a["result"]]
    for value in results:
        assert value["text"] == text[value["start"] : value["end"]]
    assert sorted((v["start"], v["end"], v["labels"][0]) for v in results) == triples

    brat = folder / "brat"
    assert (brat / "000001.txt").read_bytes() == text.encode("utf-8")
    shown = []
    for line in (brat / "000001.ann").read_bytes().decode("utf-8").split("\n"):
        if line.startswith("T"):
            _, body, covered = line.split("\t", 2)
            kind, offsets = body.split(" ", 1)
            pieces = [tuple(map(int, part.split(" "))) for part in offsets.split(";")]
            assert covered == " ".join(text[s:e] for s, e in pieces)
            shown.append((pieces, kind))
    expected = []
    for start, end, name in triples:
        pieces, run = [], None
        for i in range(start, end):
            if is_line_break(text[i]):
                run = None
            elif run is None:
                run = [i, i + 1]
                pieces.append(run)
            else:
                run[1] = i + 1
        if pieces:
            expected.append(([tuple(p) for p in pieces], name))
    assert sorted(shown) == sorted(expected)

    archive = zipfile.ZipFile(folder / "qdpx.qdpx")
    qde = archive.read("project.qde").decode("utf-8")
    SCHEMA.validate(qde)
    root = ElementTree.fromstring(qde)
    codes = {c.get("guid"): c.get("name") for c in root.iter(f"{{{NS['q']}}}Code")}
    [source] = root.findall("q:Sources/q:TextSource", NS)
    member = "sources/" + source.get("plainTextPath").removeprefix("internal://")
    assert archive.read(member) == text.encode("utf-8")
    selections = sorted(
        (
            int(s.get("startPosition")),
            int(s.get("endPosition")),
            codes[s.find("q:Coding/q:CodeRef", NS).get("targetGUID")],
        )
        for s in source.iterfind("q:PlainTextSelection", NS)
    )
    assert selections == triples


@settings(
    max_examples=30,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(document=documents())
def test_every_format_holds_the_stored_spans_and_round_trips(template, document) -> None:
    text, spans = document
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        project = new_project(template, folder / "p.fangtan")
        try:
            [document_id] = add_documents(project, folder, [{"text": text}])
            tags = {tag.name: tag.id for tag in project.tags()}
            if spans:
                project.execute(
                    CreateAnnotations(
                        tuple(
                            AnnotationSpec(document_id, tags[tag], start, end, note, annotator=who)
                            for start, end, tag, note, who in spans
                        )
                    )
                )
            stored = project.annotations(document_id)
            assert project.document(document_id).text == text
            out = folder / "out"
            out.mkdir()
            conll_summary = None
            for format_name, fmt in FORMATS.items():
                target = out / (format_name + fmt.extension)
                summary = export(project, format_name, target)
                assert summary.annotations == len(spans), format_name
                if format_name == "conll":
                    conll_summary = summary
            tag_names = {tag_id: tag_name for tag_name, tag_id in tags.items()}
            check_exports(out, text, stored, tag_names)

            [chunks] = read_conll_chunks(out / "conll.conll", [text])
            expected, counts = expected_bio(text, stored)
            assert chunks == expected
            found = {w.kind: w.count for w in conll_summary.warnings if w.kind in counts}
            assert found == {kind: count for kind, count in counts.items() if count}

            for format_name in IMPORTABLE:
                first, second = round_trip(template, project, folder, format_name)
                extension = IMPORTABLE[format_name]
                assert (first / f"out{extension}").read_bytes() == (
                    second / f"out{extension}"
                ).read_bytes(), format_name
                assert (first / "out.csv").read_bytes() == (second / "out.csv").read_bytes()
        finally:
            project.close()


def test_csv_of_an_empty_round_trip_matches(template, tmp_path: Path) -> None:
    project = new_project(template, tmp_path / "p.fangtan")
    try:
        for name in IMPORTABLE:
            first, second = round_trip(template, project, tmp_path, name)
            assert (first / "out.csv").read_bytes() == (second / "out.csv").read_bytes()
            data = io.BytesIO((first / "out.csv").read_bytes())
            assert data.read(3) == b"\xef\xbb\xbf"
    finally:
        project.close()


def test_imported_texts_keep_carriage_returns(template, tmp_path: Path) -> None:
    project = new_project(template, tmp_path / "p.fangtan")
    try:
        [document_id] = add_documents(project, tmp_path, [{"text": "一\r\n二\r三"}])
        assert project.document(document_id).text == "一\r\n二\r三"
        assert re.search("\r", project.document(document_id).text)
    finally:
        project.close()
