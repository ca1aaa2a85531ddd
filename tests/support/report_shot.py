"""The first page of File ▸ Export Report's PDF for the sample project, as a PNG for the
README:

    .venv/bin/python -m tests.support.report_shot --language zh_CN --out page.png

The project is the screenshot script's (the first interview tagged, with a note); the
page is rendered with pdftoppm (poppler-utils).
"""

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from tests.support.screenshots import _prepare

RESOLUTION = 80  # dots per inch of the PNG


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--language", default="zh_CN", choices=["zh_CN", "en"])
    parser.add_argument("--out", type=Path, required=True)
    options = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="fangtan-report-"))
    os.environ["XDG_CONFIG_HOME"] = str(folder / "config")
    os.environ["XDG_DATA_HOME"] = str(folder / "data")
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    path = _prepare(folder)

    from PySide6.QtWidgets import QApplication

    from app.project import Project
    from ui.dialogs.report import write_pdf_report
    from ui.window.i18n import Translations

    app = QApplication(sys.argv[:1])
    translations = Translations(app)  # kept: its translators live as long as it does
    translations.install(options.language)
    project = Project.open(path, create=False)
    try:
        pdf = folder / "report.pdf"
        write_pdf_report(project, [project.documents()[0].id], pdf)
    finally:
        project.close()
    stem = folder / "page"
    subprocess.run(
        ["pdftoppm", "-r", str(RESOLUTION), "-png", "-f", "1", "-l", "1", "-singlefile",
         str(pdf), str(stem)],
        check=True,
    )  # fmt: skip
    options.out.parent.mkdir(parents=True, exist_ok=True)
    Path(f"{stem}.png").replace(options.out)
    print(options.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
