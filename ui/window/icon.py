"""The application's icon: resources/icons/fangtan.svg, with a 256-pixel PNG of it."""

from importlib import resources

from PySide6.QtGui import QIcon

ICON_NAME = "fangtan"


def icon_files() -> tuple[str, str]:
    """The SVG and the PNG rendered from it (setup/render_icon.py)."""
    folder = resources.files("resources") / "icons"
    return str(folder / f"{ICON_NAME}.svg"), str(folder / f"{ICON_NAME}-256.png")


def application_icon() -> QIcon:
    """The window icon; the PNG serves where Qt's SVG plugin is missing."""
    icon = QIcon()
    for path in icon_files():
        icon.addFile(path)
    return icon
