"""Draw resources/icons/fangtan-256.png from fangtan.svg with Qt (`make icon`)."""

import os
import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

FOLDER = Path(__file__).resolve().parents[1] / "resources" / "icons"
SIZE = 256


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(FOLDER / "fangtan.svg"))
    if not renderer.isValid():
        print(f"{FOLDER / 'fangtan.svg'} is not a valid SVG", file=sys.stderr)
        return 1
    image = QImage(SIZE, SIZE, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    return 0 if image.save(str(FOLDER / f"fangtan-{SIZE}.png")) else 1


if __name__ == "__main__":
    sys.exit(main())
