"""Interface language: Simplified Chinese or English, switchable while running."""

from importlib import resources

from PySide6.QtCore import QLibraryInfo, QLocale, QSettings, QTranslator
from PySide6.QtWidgets import QApplication

from app.local_user import default_annotator

SYSTEM = ""
LANGUAGES = {"zh_CN": "简体中文", "en": "English"}


def preferred_annotator() -> str:
    """The annotator named in the preferences, else the command line's default."""
    return str(settings().value("annotator", "")) or default_annotator()


def settings() -> QSettings:
    return QSettings("Fangtan", "Fangtan")


def resolve(choice: str) -> str:
    """The language to show for a setting ("" follows the system)."""
    if choice in LANGUAGES:
        return choice
    return "zh_CN" if QLocale.system().language() == QLocale.Language.Chinese else "en"


def locale_for(language: str) -> QLocale:
    """The locale Qt's own widgets read names from: file types in the file dialog, months
    and weekdays in the calendar. English on a Chinese system keeps the system's region."""
    system = QLocale.system()
    if language == "en":
        if system.language() == QLocale.Language.Chinese:
            return QLocale(QLocale.Language.English, system.territory())
        return system
    return QLocale(language)


class Translations:
    """Holds the installed translators so they can be swapped for another language.

    Qt asks the most recently installed translator first, so ours goes in after Qt's:
    it supplies what Qt's own Chinese file lacks or words differently (ui/window/qt_strings.py).
    In English ours only holds the plural forms of the strings that count things.
    The translators belong to this object: when it goes, they are uninstalled with it.
    """

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
        QLocale.setDefault(locale_for(language))
        if language != "en":
            qt = QTranslator()
            qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
            if qt.load(f"qtbase_{language}", qt_folder):
                self._translators.append(qt)
        ours = QTranslator()
        folder = resources.files("resources") / "translations"
        if ours.load(str(folder / f"fangtan_{language}.qm")):
            self._translators.append(ours)
        for translator in self._translators:
            self._app.installTranslator(translator)
        return language
