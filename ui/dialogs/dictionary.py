"""Tools ▸ Word Lists…: the project's user dictionary and stop words.

Dictionary terms are words the segmenter keeps whole (place names, programme names);
stop words are left out of keyword lists. Words can be added (several at once,
separated by spaces, commas or 、), removed, or imported from a text file with one word
a line. Every change is one undoable step, and a new term takes effect at once.
"""

from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.chinese.dictionary import (
    AddStopWords,
    AddTerms,
    RemoveStopWords,
    RemoveTerms,
    check_stop_words,
    check_terms,
    read_word_file,
    split_words,
    word_lists,
)
from app.editing.commands import Command
from app.errors import FangtanError, WordsAlreadyListedError
from ui.window import history_text
from ui.window.context import PanelContext
from ui.window.errors import error_text
from ui.window.session import ProjectSession


class WordListPage(QWidget):
    """One list: the words, a box to add some, and buttons to remove or import."""

    add_requested = Signal(list)  # words typed, checked
    remove_requested = Signal(list)  # words selected
    import_requested = Signal()

    def __init__(self, name: str, check, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self._check = check
        self._words: tuple[str, ...] = ()
        self.filter = QLineEdit()
        self.filter.setObjectName("filter")
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self._show)
        self.list = QListWidget()
        self.list.setObjectName("words")
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list.itemSelectionChanged.connect(self._enable)
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #c62828")
        self.entry = QLineEdit()
        self.entry.setObjectName("entry")
        self.entry.returnPressed.connect(self._add)
        self.entry.textChanged.connect(lambda _text: self.message.clear())
        self.add_button = QPushButton()
        self.add_button.setObjectName("add")
        self.add_button.clicked.connect(self._add)
        self.remove_button = QPushButton()
        self.remove_button.setObjectName("remove")
        self.remove_button.clicked.connect(self._remove)
        self.import_button = QPushButton()
        self.import_button.setObjectName("import")
        self.import_button.clicked.connect(self.import_requested.emit)
        self.count = QLabel()
        self.explanation = QLabel()
        self.explanation.setWordWrap(True)

        adding = QHBoxLayout()
        adding.addWidget(self.entry, 1)
        adding.addWidget(self.add_button)
        buttons = QHBoxLayout()
        buttons.addWidget(self.count, 1)
        buttons.addWidget(self.remove_button)
        buttons.addWidget(self.import_button)
        column = QVBoxLayout(self)
        column.addWidget(self.explanation)
        column.addWidget(self.filter)
        column.addWidget(self.list, 1)
        column.addLayout(buttons)
        column.addLayout(adding)
        column.addWidget(self.message)
        self._enable()

    def set_words(self, words: tuple[str, ...]) -> None:
        self._words = words
        self._show()

    def words(self) -> tuple[str, ...]:
        return self._words

    def _show(self) -> None:
        needle = self.filter.text().strip()
        self.list.clear()
        self.list.addItems([word for word in self._words if needle in word])
        self.count.setText(self.tr("%n word(s)", "", len(self._words)))
        self._enable()

    def _enable(self) -> None:
        self.remove_button.setEnabled(bool(self.list.selectedItems()))

    def show_error(self, error: FangtanError) -> None:
        self.message.setText(error_text(error))

    def _add(self) -> None:
        try:
            words = self._check(split_words(self.entry.text()))
            new = [word for word in words if word not in set(self._words)]
            if not new:
                raise WordsAlreadyListedError()
        except FangtanError as error:
            self.show_error(error)
            return
        self.add_requested.emit(new)

    def _remove(self) -> None:
        chosen = [item.text() for item in self.list.selectedItems()]
        if chosen:
            self.remove_requested.emit(chosen)


class DictionaryDialog(QDialog):
    """The two word lists of the project, each change an undoable step."""

    def __init__(self, session: ProjectSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dictionaryDialog")
        self._session = session
        self.terms = WordListPage("terms", check_terms)
        self.stop_words = WordListPage("stopWords", check_stop_words)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.terms, "")
        self.tabs.addTab(self.stop_words, "")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        column = QVBoxLayout(self)
        column.addWidget(self.tabs, 1)
        column.addWidget(self.buttons)
        self.terms.add_requested.connect(self.add_terms)
        self.terms.remove_requested.connect(self.remove_terms)
        self.terms.import_requested.connect(lambda: self.choose_file(self.terms))
        self.stop_words.add_requested.connect(self.add_stop_words)
        self.stop_words.remove_requested.connect(self.remove_stop_words)
        self.stop_words.import_requested.connect(lambda: self.choose_file(self.stop_words))
        session.changed.connect(self._on_changes)
        self.resize(520, 560)
        self._retranslate()
        self.reload()

    def _on_changes(self, _changes: object, _origin: str) -> None:
        self.reload()

    def reload(self) -> None:
        try:
            lists = word_lists(self._session.project)
        except FangtanError as error:
            self.terms.show_error(error)
            return
        self.terms.set_words(lists.terms)
        self.stop_words.set_words(lists.stop_words)

    # Changes, each one undoable step

    def _run(self, page: WordListPage, command: Command, description: str) -> bool:
        page.message.clear()
        if self._session.run(command, description) is None:
            return False
        page.entry.clear()
        self.reload()
        return True

    def add_terms(self, words: list[str]) -> bool:
        one, many = history_text.ADD_TERM, history_text.ADD_TERMS
        return self._run(self.terms, AddTerms(tuple(words)), _describe(words, one, many))

    def remove_terms(self, words: list[str]) -> bool:
        one, many = history_text.REMOVE_TERM, history_text.REMOVE_TERMS
        return self._run(self.terms, RemoveTerms(tuple(words)), _describe(words, one, many))

    def add_stop_words(self, words: list[str]) -> bool:
        one, many = history_text.ADD_STOP_WORD, history_text.ADD_STOP_WORDS
        return self._run(self.stop_words, AddStopWords(tuple(words)), _describe(words, one, many))

    def remove_stop_words(self, words: list[str]) -> bool:
        one, many = history_text.REMOVE_STOP_WORD, history_text.REMOVE_STOP_WORDS
        command = RemoveStopWords(tuple(words))
        return self._run(self.stop_words, command, _describe(words, one, many))

    # Importing a file

    def choose_file(self, page: WordListPage) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import Words"), "", self.tr("Text files (*.txt);;All files (*)")
        )
        if path:
            self.import_file(page, Path(path))

    def import_file(self, page: WordListPage, path: Path) -> bool:
        """Add the words of ``path`` (one a line) to ``page``'s list as one step."""
        check = check_terms if page is self.terms else check_stop_words
        try:
            words = check(read_word_file(path))
        except FangtanError as error:
            page.show_error(error)
            return False
        new = [word for word in words if word not in set(page.words())]
        if not new:
            page.show_error(WordsAlreadyListedError())
            return False
        if page is self.terms:
            return self.add_terms(new)
        return self.add_stop_words(new)

    # Language

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Word Lists"))
        self.tabs.setTabText(0, self.tr("Dictionary"))
        self.tabs.setTabText(1, self.tr("Stop Words"))
        self.terms.explanation.setText(
            self.tr(
                "Words that word selection, keywords and CoNLL export keep whole: place "
                "names, programme names. A new word takes effect at once."
            )
        )
        self.stop_words.explanation.setText(
            self.tr("Words and punctuation left out of keyword lists.")
        )
        for page in (self.terms, self.stop_words):
            page.filter.setPlaceholderText(self.tr("Filter"))
            page.entry.setPlaceholderText(self.tr("New words, separated by spaces or commas"))
            page.add_button.setText(self.tr("&Add"))
            page.remove_button.setText(self.tr("&Remove"))
            page.import_button.setText(self.tr("&Import from File…"))
            page._show()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)


def _describe(words: list[str], one: str, many: str) -> str:
    if len(words) == 1:
        return history_text.step(one, words[0])
    return history_text.step(many, len(words))


class WordListsMenu(QObject):
    """Puts Tools ▸ Word Lists… in the window and keeps its text in the interface language."""

    def __init__(self, context: PanelContext) -> None:
        super().__init__(context.window)
        self._context = context
        self._window = context.window
        self.menu = context.tools_menu
        self.action = QAction(self)
        self.action.setObjectName("wordListsAction")
        self.action.triggered.connect(self.open_dialog)
        self.menu.addAction(self.action)
        self._window.installEventFilter(self)
        self._retranslate()

    def open_dialog(self) -> None:
        dialog = DictionaryDialog(self._context.session, self._window)
        dialog.exec()
        dialog.deleteLater()

    def _retranslate(self) -> None:
        self.action.setText(self.tr("&Word Lists…"))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._window and event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        return False


def install(context: PanelContext) -> WordListsMenu:
    """Add Tools ▸ Word Lists… to the window."""
    return WordListsMenu(context)
