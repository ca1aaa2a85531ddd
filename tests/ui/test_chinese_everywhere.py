"""The Chinese interface all the way: no visible text left in English, no "&" shown.

The main window is built in Chinese, each dialog is opened as the window opens it, and
every text a person sees is read: a text with Latin letters and no Chinese fails unless
it is one of the few things written the same way in Chinese (the allow-list below).
"""

import re
import shutil
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree

import pytest
from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtGui import QKeySequence, QTextDocument
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QFileDialog,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
    QWidget,
)

from app.project import Project
from tests.ui.test_language import translation_sources
from ui.dialogs.document import DocumentDialog
from ui.dialogs.import_preview import ImportDialog
from ui.dialogs.settings import SettingsDialog
from ui.window import history_text, qt_strings
from ui.window.i18n import Translations

ROOT = Path(__file__).resolve().parents[2]
TRANSLATIONS = ROOT / "resources" / "translations"
CHINESE = re.compile(r"[\u3400-\u9fff\u3000-\u303f\uff00-\uffef]")
LATIN = re.compile(r"[A-Za-z]")
NATIVE = QKeySequence.SequenceFormat.NativeText
TEXT = (
    "城市更新怎么做\n\n——访街道党工委书记王信卿\n\n张明：欢迎，谈谈城市更新。\n\n王信卿：谢谢。\n"
)

# What is rightly Latin in the Chinese interface, and why:
# names of file formats, written the same way in Chinese ("Word 文档", "导出为 CSV");
FORMAT_NAMES = {"PDF", "CSV", "XLSX", "JSONL", "BIO", "brat", "REFI-QDA", "Word"}
# the import preview's encodings, named as encodings are everywhere;
ENCODINGS = {"utf-8", "utf-16", "gb18030", "big5"}
# a language's own name in the language lists, so that its readers find it;
AUTONYMS = {"English"}
# the keyword measure, which Chinese texts also call TF-IDF;
TERMS = {"TF-IDF"}
# a tag's colour, shown as its code on the colour button;
COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
# addresses, and paths of files and folders (the file dialog's "Look in" list);
ADDRESS = re.compile(r"^(https?://\S+|/\S*|[A-Za-z]:[\\/]\S*)$")
# arrow keys drawn as arrows. Key names ("Ctrl+F") are recognised by Qt itself: see keys().
ARROWS = set("←→↑↓")


def modifier_names() -> set[str]:
    """The modifier keys as Qt names them in the interface language ("Ctrl", "⌘"…)."""
    names = set()
    for modifier in ("Ctrl", "Alt", "Shift", "Meta"):
        text = QKeySequence(f"{modifier}+A").toString(NATIVE)
        names.add(text.removesuffix("A").rstrip("+"))
    return names


def keys(text: str) -> bool:
    """Whether a text only names keys: "Ctrl+Shift+Z", "F3 / Shift+F3", "Alt+Shift+← / →"."""
    modifiers = modifier_names()
    for part in text.split(" / "):
        for token in filter(None, part.split("+")):
            if token in modifiers or token in ARROWS:
                continue
            sequence = QKeySequence.fromString(token, NATIVE)
            if sequence.count() != 1 or sequence.toString(NATIVE) != token:
                return False
    return True


def allowed(text: str) -> bool:
    text = text.strip()
    if not LATIN.search(text) or CHINESE.search(text):
        return True
    return (
        text in FORMAT_NAMES
        or text.lower() in ENCODINGS
        or text in AUTONYMS
        or text in TERMS
        or bool(COLOUR.match(text))
        or bool(ADDRESS.match(text))
        or keys(text)
    )


def without_mnemonic(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def shows_ampersand(text: str) -> bool:
    return "&" in text.replace("&&", "")


def plain(text: str) -> list[str]:
    """The lines a label shows, rich text rendered; table cells come out a line each."""
    if "<" in text:
        document = QTextDocument()
        document.setHtml(text)
        text = document.toPlainText()
    return [line for line in text.splitlines() if line.strip()]


def texts_of(widget: QWidget) -> list[tuple[str, str, bool]]:
    """(kind, text, literal) of what a visible widget shows; ``literal``: an "&" in the
    text is shown as it is instead of underlining the next letter."""
    found: list[tuple[str, str, bool]] = []
    if isinstance(widget, QLabel):
        rich = "<" in widget.text()
        found += [("label", line, rich or widget.buddy() is None) for line in plain(widget.text())]
    elif isinstance(widget, QAbstractButton):
        found.append(("button", without_mnemonic(widget.text()), False))
    elif isinstance(widget, QGroupBox):
        found.append(("group", without_mnemonic(widget.title()), False))
    elif isinstance(widget, QComboBox):
        found += [("item", widget.itemText(i), True) for i in range(widget.count())]
    elif isinstance(widget, QTabBar):
        found += [
            ("tab", without_mnemonic(widget.tabText(i)), False) for i in range(widget.count())
        ]
    elif isinstance(widget, QHeaderView):
        model = widget.model()
        if model is not None:
            found += [
                ("header", str(model.headerData(section, widget.orientation()) or ""), True)
                for section in range(widget.count())
                if not widget.isSectionHidden(section)
            ]
    elif isinstance(widget, QLineEdit):
        found.append(("placeholder", widget.placeholderText(), True))
    elif isinstance(widget, QPlainTextEdit | QTextEdit):
        found.append(("placeholder", widget.placeholderText(), True))
        if widget.isReadOnly():
            found += [("text", line, True) for line in widget.toPlainText().splitlines()]
    elif isinstance(widget, QAbstractSpinBox):
        found.append(("special value", widget.specialValueText(), True))
    if isinstance(widget, QAbstractItemView) and not isinstance(widget, QHeaderView):
        found += cells_of(widget)
    if widget.isWindow() or widget.inherits("QDockWidget"):
        found.append(("title", widget.windowTitle(), True))
    if widget.toolTip():
        found += [("tooltip", line, True) for line in plain(widget.toolTip())]
    return [(kind, text, literal) for kind, text, literal in found if text.strip()]


def cells_of(view: QAbstractItemView) -> list[tuple[str, str, bool]]:
    """What the rows of a list, table or tree show (data: titles, tags, file names)."""
    model, root = view.model(), view.rootIndex()
    if model is None or isinstance(view.window(), QFileDialog):
        return []  # the file dialog's rows are the files on disk, named by their owners
    if isinstance(view, QListView):
        columns = [view.modelColumn()]
    else:
        hidden = getattr(view, "isColumnHidden", lambda column: False)
        columns = [c for c in range(model.columnCount(root)) if not hidden(c)]
    return [
        ("cell", str(model.index(row, column, root).data() or ""), True)
        for row in range(min(model.rowCount(root), 50))
        for column in columns
    ]


def problems(top: QWidget, where: str) -> list[str]:
    widgets = [top, *top.findChildren(QWidget)]
    found = []
    for widget in widgets:
        if not widget.isVisible():
            continue
        for kind, text, literal in texts_of(widget):
            name = f"{where}: {type(widget).__name__} {widget.objectName()} {kind}"
            if not allowed(text):
                found.append(f"{name}: English {text!r}")
            if literal and shows_ampersand(text):
                found.append(f"{name}: shows “&” in {text!r}")
    return found


def menu_problems(menu: QMenu, where: str) -> list[str]:
    found = []
    for action in menu.actions():
        text = without_mnemonic(action.text())
        if text and not allowed(text):
            found.append(f"{where} ▸ {text!r}: English")
        if action.menu() is not None:
            found += menu_problems(action.menu(), f"{where} ▸ {text}")
    return found


@pytest.fixture
def chinese():
    QSettings("Fangtan", "Fangtan").setValue("language", "zh_CN")
    translations = Translations(QApplication.instance())
    translations.install("zh_CN")
    yield translations
    translations.install("en")


class Reader:
    """Reads each dialog the window would run: shows it, notes its problems, closes it."""

    def __init__(self, qtbot) -> None:
        self.qtbot = qtbot
        self.problems: list[str] = []
        self.read_dialogs: list[str] = []

    def read(self, dialog: QWidget, where: str) -> None:
        dialog.show()
        self.qtbot.waitExposed(dialog)
        self.problems += problems(dialog, where)
        formats = dialog.findChild(QComboBox, "exportFormat")
        for index in range(formats.count() if formats is not None else 0):
            formats.setCurrentIndex(index)  # each format shows its own options
            self.problems += problems(dialog, f"{where} ({formats.itemData(index)})")
        self.read_dialogs.append(where)
        dialog.close()

    def run_dialog(self, dialog: QDialog, *args) -> int:
        """Read one of the dialogs the test opens, and close it; any other still fails."""
        name = type(dialog).__name__
        if name not in READ_DIALOGS:
            raise AssertionError(f"unexpected modal dialog: {name}")
        self.read(dialog, name)
        return 0

    def file_dialog(self, mode: QFileDialog.FileMode):
        """A stand-in for QFileDialog's static functions: the dialog they build, read."""

        def shown(parent=None, caption="", folder="", filters="", *args, **kwargs):
            dialog = QFileDialog(parent, caption, folder, filters)
            dialog.setFileMode(mode)
            if mode == QFileDialog.FileMode.AnyFile:
                dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
            self.read(dialog, f"QFileDialog “{caption}”")
            return "" if mode == QFileDialog.FileMode.Directory else ("", "")

        return staticmethod(shown)

    def information(self, parent, title, text, *args, **kwargs):
        box = QMessageBox(QMessageBox.Icon.Information, title, text, QMessageBox.StandardButton.Ok)
        box.setParent(parent, box.windowFlags())
        self.read(box, f"QMessageBox “{title}”")
        return QMessageBox.StandardButton.Ok


# The dialogs the menus open (each read once, then closed unanswered).
READ_DIALOGS = frozenset(
    {
        "DocumentDialog",
        "TagDialog",
        "ExportDialog",
        "DictionaryDialog",
        "TriggersDialog",
        "ImportDialog",
    }
)


@pytest.fixture
def reader(monkeypatch, qtbot) -> Reader:
    reader = Reader(qtbot)
    mode = QFileDialog.FileMode
    monkeypatch.setattr(QDialog, "exec", lambda dialog, *args: reader.run_dialog(dialog))
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", reader.file_dialog(mode.ExistingFiles))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", reader.file_dialog(mode.ExistingFile))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", reader.file_dialog(mode.AnyFile))
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", reader.file_dialog(mode.Directory))
    monkeypatch.setattr(QMessageBox, "information", staticmethod(reader.information))
    return reader


def test_every_window_and_dialog_speaks_chinese(
    qtbot, chinese, reader, open_window, sample_project, tmp_path
):
    window = open_window(sample_project)
    for dock in window.findChildren(QWidget):
        if dock.inherits("QDockWidget"):
            dock.show()
    found = problems(window, "main window")
    for action in window.menuBar().actions():
        title = without_mnemonic(action.text())
        if not allowed(title):
            found.append(f"menu {title!r}: English")
        if action.menu() is not None:
            found += menu_problems(action.menu(), title)

    for action in (
        window.properties_action,
        window.new_tag_action,
        window.export_action,
        window.shortcuts_action,
        window.import_action,
        window.import_folder_action,
        window.import_annotations_action,
        window.new_action,
        window.open_action,
        window.word_lists.action,
    ):
        action.trigger()
    window.suggestions_panel.edit_triggers()
    reader.read(SettingsDialog("zh_CN", "tester", window, backups_keep=3), "SettingsDialog")
    interview = tmp_path / "城市更新.txt"
    interview.write_text(TEXT, encoding="utf-8")
    window.transfers.import_paths([interview])
    qtbot.waitUntil(lambda: "ImportDialog" in reader.read_dialogs, timeout=10_000)

    assert len(reader.read_dialogs) == 13, reader.read_dialogs
    found += reader.problems
    assert not found, "\n".join(found)


def test_qt_dialog_strings_come_in_chinese(chinese):
    missing = [text for text in qt_strings.supplied() if not CHINESE.search(text)]
    assert missing == []
    edit = QLineEdit("文字")
    menu = edit.createStandardContextMenu()
    texts = [without_mnemonic(action.text()) for action in menu.actions() if action.text()]
    assert "撤销" in texts[0]
    assert [text for text in texts if not allowed(text)] == []
    header = QCoreApplication.translate("QFileSystemModel", "Size")
    assert header == "大小"


def test_the_published_label_underlines_its_key(qtbot, chinese, sample_project):
    project = Project.open(sample_project)
    content = project.document(project.documents()[0].id)
    project.close()
    dialog = DocumentDialog(content)
    qtbot.addWidget(dialog)
    assert dialog.published_label.text() == "发表日期(&P)："
    assert dialog.published_label.buddy() in (dialog.date_known, dialog.date_edit)
    dialog.date_known.setChecked(True)
    assert dialog.published_label.buddy() is dialog.date_edit


def test_counts_read_naturally_in_english(qtbot):
    translations = Translations(QApplication.instance())
    translations.install("en")
    translate = QCoreApplication.translate
    assert translate("Transfers", "%n annotation(s)", "", 1) == "1 annotation"
    assert translate("Transfers", "%n document(s)", "", 2) == "2 documents"
    dialog = ImportDialog([], lambda plan, encoding, split: plan)
    qtbot.addWidget(dialog)
    assert dialog.summary.text() == "No new interviews to import"
    assert history_text.shown(history_text.step(history_text.TAG_HITS, 1, "民生")) == (
        "Tag 1 Search Hit “民生”"
    )
    assert history_text.shown(history_text.step("Edit note")) == "Edit Note"
    assert dialog.format_text("docx") == "Word document"


def test_english_plural_forms_are_complete_and_compiled(tmp_path):
    ts = TRANSLATIONS / "fangtan_en.ts"
    copy = tmp_path / ts.name
    shutil.copy(ts, copy)
    tool = Path(sys.executable).with_name
    sources = translation_sources()
    subprocess.run(
        [
            str(tool("pyside6-lupdate")),
            "-locations",
            "none",
            "-no-obsolete",
            "-pluralonly",
            *sources,
            "-ts",
            str(copy),
        ],
        capture_output=True,
        check=True,
    )
    messages = list(ElementTree.parse(copy).getroot().iter("message"))
    unfinished = [m.find("source").text for m in messages if m.find("translation").get("type")]
    assert unfinished == [], "fill in the English plural forms in " + ts.name
    compiled = tmp_path / "fresh.qm"
    subprocess.run(
        [str(tool("pyside6-lrelease")), str(ts), "-qm", str(compiled)],
        check=True,
        capture_output=True,
    )
    assert compiled.read_bytes() == (TRANSLATIONS / "fangtan_en.qm").read_bytes()
