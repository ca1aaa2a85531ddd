"""The report as PDF (ui.dialogs.report): a page that is not blank, the Chinese text
readable back from it, and its font embedded, so it shows on a machine without Chinese
fonts."""

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from pdfminer.high_level import extract_text
from PySide6.QtGui import QFontDatabase, QImage

from app.editing.commands import AnnotationSpec, CreateAnnotations
from app.exchange.report import ReportTargetError
from app.project import Project
from ui.dialogs.report import report_font, write_pdf_report

PASSAGE = "大力推进氢能产业园区建设"


def pdftoppm() -> str:
    found = shutil.which("pdftoppm")
    if found is None:
        if os.environ.get("CI"):
            pytest.fail("pdftoppm is missing: `make test` installs it (setup/system-packages.sh)")
        pytest.skip("pdftoppm is missing: run `sh setup/system-packages.sh test-tools`")
    return found


def dark_pixels(png: Path) -> tuple[int, int]:
    """How many pixels of the image are dark, and how many there are."""
    image = QImage(str(png)).convertToFormat(QImage.Format.Format_Grayscale8)
    assert not image.isNull()
    data = bytes(image.constBits())
    line, width = image.bytesPerLine(), image.width()
    dark = sum(
        width - len(data[row * line : row * line + width].translate(None, bytes(range(128))))
        for row in range(image.height())
    )
    return dark, width * image.height()


@pytest.fixture
def coded_project(sample_project: Path):
    project = Project.open(sample_project, annotator="tester")
    document_id = project.documents()[0].id
    text = project.document(document_id).text
    start = text.index(PASSAGE)
    tags = project.tags()
    project.execute(
        CreateAnnotations(
            (
                AnnotationSpec(document_id, tags[0].id, start, start + len(PASSAGE), "园区<注>"),
                AnnotationSpec(document_id, tags[1].id, start + 2, start + 6),
            )
        )
    )
    yield project, document_id
    project.close()


def test_the_pdf_shows_and_holds_the_chinese_text(qapp, coded_project, tmp_path):
    tool = pdftoppm()
    project, document_id = coded_project
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "报告.pdf"
    write_pdf_report(project, [document_id], target)
    data = target.read_bytes()
    assert data.startswith(b"%PDF")
    assert b"/FontFile2" in data or b"/FontFile" in data  # the font is embedded
    family = report_font()
    assert family in QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)
    assert family.replace(" ", "").encode() in data  # and it is the Chinese one
    assert [path.name for path in folder.iterdir()] == ["报告.pdf"]  # no temporary file left

    subprocess.run(
        [tool, "-r", "50", "-png", "-f", "1", "-l", "1", str(target), str(tmp_path / "page")],
        check=True,
        capture_output=True,
        timeout=60,
    )
    (page,) = tmp_path.glob("page*.png")
    dark, pixels = dark_pixels(page)
    assert 500 < dark < pixels // 2, (dark, pixels)

    text = "".join(extract_text(str(target)).split())
    assert PASSAGE in text
    assert "奋力打造实力之城品质之城幸福之城" in text
    assert "园区<注>" in text  # the note, as written


def test_an_unwritable_pdf_is_one_line_and_no_file(qapp, coded_project, tmp_path):
    project, document_id = coded_project
    target = tmp_path / "missing" / "报告.pdf"
    with pytest.raises(ReportTargetError) as caught:
        write_pdf_report(project, [document_id], target)
    assert "\n" not in str(caught.value) and str(target) in str(caught.value)
    assert not target.parent.exists()
