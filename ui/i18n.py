"""Interface language: Simplified Chinese or English, switchable while running."""

from importlib import resources

from PySide6.QtCore import QLibraryInfo, QLocale, QSettings, QTranslator
from PySide6.QtWidgets import QApplication

SYSTEM = ""
LANGUAGES = {"zh_CN": "简体中文", "en": "English"}


def settings() -> QSettings:
    return QSettings("Fangtan", "Fangtan")


def resolve(choice: str) -> str:
    """The language to show for a setting ("" follows the system)."""
    if choice in LANGUAGES:
        return choice
    return "zh_CN" if QLocale.system().language() == QLocale.Language.Chinese else "en"


class Translations:
    """Holds the installed translators so they can be swapped for another language."""

    def __init__(self, app: QApplication) -> None:
        self._app = app
        self._translators: list[QTranslator] = []
        self.language = "en"

    def install(self, choice: str) -> str:
        for translator in self._translators:
            self._app.removeTranslator(translator)
        self._translators = []
        language = resolve(choice)
        self.language = language
        if language != "en":
            ours = QTranslator(self._app)
            folder = resources.files("resources") / "translations"
            if ours.load(str(folder / f"fangtan_{language}.qm")):
                self._translators.append(ours)
            qt = QTranslator(self._app)
            qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
            if qt.load(f"qtbase_{language}", qt_folder):
                self._translators.append(qt)
        for translator in self._translators:
            self._app.installTranslator(translator)
        return language
