"""Fuzzing every importer: whatever the bytes, the outcome is an import or a clean FangtanError.

Random bytes under every supported extension, and real files (text in several
encodings, Word, HTML, PDF, and Fangtan's own doccano, Label Studio and REFI-QDA
exports) with bytes flipped, cut, inserted or repeated.
"""

import io
import tempfile
from pathlib import Path

import docx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

from app.editing.commands import AnnotationSpec, CreateAnnotations
from app.errors import FangtanError
from app.exchange import export, import_annotations
from app.importing.layout import parse_interviews
from app.importing.plan import plan_file
from app.importing.reading import load_source
from app.project import Project

INTERVIEW = "城市更新怎么做\n\n——访街道党工委书记王信卿\n\n□本报记者 丁霞\n\n记者：今年的重点是什么？\n\n王信卿：重点是老旧小区改造，𠮷祥如意。\n"
SUFFIXES = [".txt", ".md", ".docx", ".html", ".pdf", ".jsonl", ".json", ".qdpx", ""]
FUZZ = settings(
    max_examples=60,
    deadline=None,
    derandomize=True,  # the same cases on every run: CI never turns red by luck
    suppress_health_check=[HealthCheck.too_slow],
)


def docx_bytes() -> bytes:
    document = docx.Document()
    for paragraph in INTERVIEW.split("\n\n"):
        document.add_paragraph(paragraph)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def pdf_bytes() -> bytes:
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, pagesize=A4)
    page.setFont("STSong-Light", 12)
    y = 800
    for line in INTERVIEW.replace("𠮷", "吉").split("\n"):
        page.drawString(60, y, line)
        y -= 18
    page.save()
    return buffer.getvalue()


def html_bytes() -> bytes:
    body = "".join(f"<p>{p}</p>" for p in INTERVIEW.split("\n\n"))
    return f"<html><head><meta charset='gbk'><title>访谈</title></head><body><article>{body}</article></body></html>".encode(
        "gb18030"
    )


def exported(format_name: str) -> bytes:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        project = Project.open(root / "p.fangtan")
        from app.importing.importer import import_text

        import_text(project, INTERVIEW, "a.txt")
        document = project.documents()[0]
        project.execute(
            CreateAnnotations(
                (AnnotationSpec(document.id, project.tags()[0].id, 30, 40, note="备注"),)
            )
        )
        target = root / (
            "out" + {"jsonl": ".jsonl", "label-studio": ".json", "qdpx": ".qdpx"}[format_name]
        )
        export(project, format_name, target)
        project.close()
        return target.read_bytes()


SEEDS = {
    ".txt": INTERVIEW.encode("utf-8"),
    ".md": INTERVIEW.encode("gb18030"),
    ".docx": docx_bytes(),
    ".html": html_bytes(),
    ".pdf": pdf_bytes(),
    ".jsonl": exported("jsonl"),
    ".json": exported("label-studio"),
    ".qdpx": exported("qdpx"),
}


@st.composite
def mutated(draw, data: bytes) -> bytes:
    """``data`` with a few random edits: flips, cuts, insertions, repeats."""
    result = bytearray(data)
    for _ in range(draw(st.integers(1, 4))):
        action = draw(st.sampled_from(["flip", "cut", "insert", "repeat", "truncate"]))
        if not result:
            break
        place = draw(st.integers(0, len(result) - 1))
        if action == "flip":
            result[place] ^= draw(st.integers(1, 255))
        elif action == "cut":
            del result[place : place + draw(st.integers(1, 64))]
        elif action == "insert":
            result[place:place] = draw(st.binary(min_size=1, max_size=32))
        elif action == "repeat":
            result[place:place] = result[place : place + draw(st.integers(1, 64))]
        else:
            del result[place:]
    return bytes(result)


def import_every_way(data: bytes, suffix: str) -> None:
    """Load ``data`` as interviews and, for exchange formats, as annotations."""
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        source = root / f"输入 文件{suffix}"
        source.write_bytes(data)
        project = Project.open(root / "p.fangtan")
        try:
            try:
                loaded = load_source(source)
            except FangtanError:
                pass
            else:
                for interview in parse_interviews(loaded.text, "stem"):
                    for turn in interview.turns:
                        assert (
                            0 <= turn.start <= turn.content_start <= turn.end <= len(interview.text)
                        )
            plan = plan_file(project, source)
            assert plan.error is None or isinstance(plan.error, FangtanError)
            if suffix in (".jsonl", ".json", ".qdpx"):
                before = project.documents()
                try:
                    import_annotations(project, source)
                except FangtanError:
                    assert project.documents() == before  # a refused file changes nothing
        finally:
            project.close()


@FUZZ
@given(data=st.binary(max_size=4096), suffix=st.sampled_from(SUFFIXES))
def test_random_bytes_import_or_fail_cleanly(data, suffix):
    import_every_way(data, suffix)


@FUZZ
@given(data=st.data(), suffix=st.sampled_from(sorted(SEEDS)))
def test_damaged_real_files_import_or_fail_cleanly(data, suffix):
    import_every_way(data.draw(mutated(SEEDS[suffix])), suffix)


@FUZZ
@given(text=st.text(max_size=400))
def test_any_text_parses_into_consistent_turns(text):
    for interview in parse_interviews(text.replace("\r", "\n"), "stem"):
        rebuilt = interview.text
        for turn in interview.turns:
            assert 0 <= turn.start <= turn.content_start <= turn.end <= len(rebuilt)
