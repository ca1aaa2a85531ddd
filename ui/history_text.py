"""Names of undo steps: stored language-neutral, shown in the interface language.

A step is stored as its English template and arguments (JSON), so the Edit menu
reads "撤销 标注“民生”" in Chinese and "Undo Tag “民生”" in English whichever
language was active when the step was made.
"""

import json

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

CONTEXT = "History"
TAG = QT_TRANSLATE_NOOP("History", "Tag “%1”")
REMOVE_TAG = QT_TRANSLATE_NOOP("History", "Remove tag “%1”")
REMOVE_MANY = QT_TRANSLATE_NOOP("History", "Remove %1 annotations")
EDIT_NOTE = QT_TRANSLATE_NOOP("History", "Edit note")
EDIT_PROPERTIES = QT_TRANSLATE_NOOP("History", "Edit properties of “%1”")
NEW_TAG = QT_TRANSLATE_NOOP("History", "New tag “%1”")
EDIT_TAG = QT_TRANSLATE_NOOP("History", "Edit tag “%1”")
DELETE_TAG = QT_TRANSLATE_NOOP("History", "Delete tag “%1”")
MOVE_TAG = QT_TRANSLATE_NOOP("History", "Move tag “%1”")
TAG_HITS = QT_TRANSLATE_NOOP("History", "Tag %1 search hits “%2”")
ACCEPT_SUGGESTION = QT_TRANSLATE_NOOP("History", "Accept suggestion “%1”")
REJECT_SUGGESTION = QT_TRANSLATE_NOOP("History", "Reject suggestion “%1”")
ACCEPT_SUGGESTIONS = QT_TRANSLATE_NOOP("History", "Accept %1 suggestions")
EDIT_TRIGGERS = QT_TRANSLATE_NOOP("History", "Edit trigger words")

ADD_TERM = QT_TRANSLATE_NOOP("History", "Add “%1” to the dictionary")
ADD_TERMS = QT_TRANSLATE_NOOP("History", "Add %1 words to the dictionary")
REMOVE_TERM = QT_TRANSLATE_NOOP("History", "Remove “%1” from the dictionary")
REMOVE_TERMS = QT_TRANSLATE_NOOP("History", "Remove %1 words from the dictionary")
ADD_STOP_WORD = QT_TRANSLATE_NOOP("History", "Add stop word “%1”")
ADD_STOP_WORDS = QT_TRANSLATE_NOOP("History", "Add %1 stop words")
REMOVE_STOP_WORD = QT_TRANSLATE_NOOP("History", "Remove stop word “%1”")
REMOVE_STOP_WORDS = QT_TRANSLATE_NOOP("History", "Remove %1 stop words")


def step(template: str, *arguments: object) -> str:
    """What to store for a step named by ``template`` with ``%1``, ``%2``… filled in."""
    return json.dumps([template, *map(str, arguments)], ensure_ascii=False)


def shown(stored: str) -> str:
    """The stored name of a step, in the interface language."""
    try:
        template, *arguments = json.loads(stored)
    except (ValueError, TypeError):
        return stored  # a plain name (written by another program): show it as it is
    text = QCoreApplication.translate(CONTEXT, str(template))
    for number, argument in reversed(list(enumerate(arguments, start=1))):
        text = text.replace(f"%{number}", str(argument))
    return text
