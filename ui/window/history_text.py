"""Names of undo steps: stored language-neutral, shown in the interface language.

A step is stored as its English template and arguments (JSON), so the Edit menu
reads "撤销 标注“民生”" in Chinese and "Undo Tag “民生”" in English whichever
language was active when the step was made.
"""

import json

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

CONTEXT = "History"
# Named as the command is in the menus and buttons: "Undo Edit Note" after "Edit Note…".
TAG = str(QT_TRANSLATE_NOOP("History", "Tag “%1”"))
REMOVE_TAG = str(QT_TRANSLATE_NOOP("History", "Remove Tag “%1”"))
REMOVE_ONE = str(QT_TRANSLATE_NOOP("History", "Remove 1 Annotation"))
REMOVE_MANY = str(QT_TRANSLATE_NOOP("History", "Remove %1 Annotations"))
EDIT_NOTE = str(QT_TRANSLATE_NOOP("History", "Edit Note"))
EDIT_PROPERTIES = str(QT_TRANSLATE_NOOP("History", "Edit Properties of “%1”"))
NEW_TAG = str(QT_TRANSLATE_NOOP("History", "New Tag “%1”"))
EDIT_TAG = str(QT_TRANSLATE_NOOP("History", "Edit Tag “%1”"))
DELETE_TAG = str(QT_TRANSLATE_NOOP("History", "Delete Tag “%1”"))
MOVE_TAG = str(QT_TRANSLATE_NOOP("History", "Move Tag “%1”"))
ARCHIVE_TAG = str(QT_TRANSLATE_NOOP("History", "Archive Tag “%1”"))
RESTORE_ARCHIVED_TAG = str(QT_TRANSLATE_NOOP("History", "Restore Tag “%1” from the Archive"))
TAG_HIT = str(QT_TRANSLATE_NOOP("History", "Tag 1 Search Hit “%2”"))
TAG_HITS = str(QT_TRANSLATE_NOOP("History", "Tag %1 Search Hits “%2”"))
ACCEPT_SUGGESTION = str(QT_TRANSLATE_NOOP("History", "Accept Suggestion “%1”"))
REJECT_SUGGESTION = str(QT_TRANSLATE_NOOP("History", "Reject Suggestion “%1”"))
ACCEPT_ONE = str(QT_TRANSLATE_NOOP("History", "Accept 1 Suggestion"))
ACCEPT_SUGGESTIONS = str(QT_TRANSLATE_NOOP("History", "Accept %1 Suggestions"))
EDIT_TRIGGERS = str(QT_TRANSLATE_NOOP("History", "Edit Trigger Words"))
# The names app.editing.turn_commands gives its steps (step_name), in the window and the
# command line alike.
TURN_STEPS = (
    QT_TRANSLATE_NOOP("History", "Set Speaker of Turn %1 to “%2”"),
    QT_TRANSLATE_NOOP("History", "Change Kind of Turn %1"),
    QT_TRANSLATE_NOOP("History", "Split Turn %1"),
    QT_TRANSLATE_NOOP("History", "Merge Turn %1 into the One Before"),
    QT_TRANSLATE_NOOP("History", "Rename Speaker “%1” to “%2”"),
    QT_TRANSLATE_NOOP("History", "Set Interviewees “%1”"),
    QT_TRANSLATE_NOOP("History", "Detect Turns Again"),
)
# The names app.team gives its steps, in the window and the command line alike.
ASSIGN = str(QT_TRANSLATE_NOOP("History", "Assign %1 Interviews to %2"))
ASSIGN_ONE = str(QT_TRANSLATE_NOOP("History", "Assign 1 Interview to %2"))
MARK_DONE = str(QT_TRANSLATE_NOOP("History", "Mark “%1” Done for %2"))
MARK_NOT_DONE = str(QT_TRANSLATE_NOOP("History", "Mark “%1” Not Done for %2"))
ADJUDICATE = str(QT_TRANSLATE_NOOP("History", "Adjudicate %1 Interviews (%2)"))
ADJUDICATE_ONE = str(QT_TRANSLATE_NOOP("History", "Adjudicate 1 Interview (%2)"))
ACCEPT_GOLD = str(QT_TRANSLATE_NOOP("History", "Accept into Gold in “%1”"))
REJECT_GOLD = str(QT_TRANSLATE_NOOP("History", "Reject for Gold in “%1”"))
FINISH_CURATION = str(QT_TRANSLATE_NOOP("History", "Mark Curation of “%1” Done"))
REOPEN_CURATION = str(QT_TRANSLATE_NOOP("History", "Reopen Curation of “%1”"))

ADD_TERM = str(QT_TRANSLATE_NOOP("History", "Add “%1” to the dictionary"))
ADD_TERMS = str(QT_TRANSLATE_NOOP("History", "Add %1 words to the dictionary"))
REMOVE_TERM = str(QT_TRANSLATE_NOOP("History", "Remove “%1” from the dictionary"))
REMOVE_TERMS = str(QT_TRANSLATE_NOOP("History", "Remove %1 words from the dictionary"))
ADD_STOP_WORD = str(QT_TRANSLATE_NOOP("History", "Add stop word “%1”"))
ADD_STOP_WORDS = str(QT_TRANSLATE_NOOP("History", "Add %1 stop words"))
REMOVE_STOP_WORD = str(QT_TRANSLATE_NOOP("History", "Remove stop word “%1”"))
REMOVE_STOP_WORDS = str(QT_TRANSLATE_NOOP("History", "Remove %1 stop words"))


# A step whose first argument is a count: its name when the count is one.
SINGULAR = {
    REMOVE_MANY: REMOVE_ONE,
    TAG_HITS: TAG_HIT,
    ACCEPT_SUGGESTIONS: ACCEPT_ONE,
    ASSIGN: ASSIGN_ONE,
    ADJUDICATE: ADJUDICATE_ONE,
}

# Names stored by earlier versions, and still in projects' undo history.
EARLIER = {
    "Remove tag “%1”": REMOVE_TAG,
    "Remove %1 annotations": REMOVE_MANY,
    "Edit note": EDIT_NOTE,
    "Edit properties of “%1”": EDIT_PROPERTIES,
    "New tag “%1”": NEW_TAG,
    "Edit tag “%1”": EDIT_TAG,
    "Delete tag “%1”": DELETE_TAG,
    "Move tag “%1”": MOVE_TAG,
    "Tag %1 search hits “%2”": TAG_HITS,
    "Accept suggestion “%1”": ACCEPT_SUGGESTION,
    "Reject suggestion “%1”": REJECT_SUGGESTION,
    "Accept %1 suggestions": ACCEPT_SUGGESTIONS,  # also what the command line stores
    "Edit trigger words": EDIT_TRIGGERS,
}


def step(template: str, *arguments: object) -> str:
    """What to store for a step named by ``template`` with ``%1``, ``%2``… filled in."""
    return json.dumps([template, *map(str, arguments)], ensure_ascii=False)


def shown(stored: str) -> str:
    """The stored name of a step, in the interface language."""
    try:
        template, *arguments = json.loads(stored)
    except (ValueError, TypeError):
        return stored  # a plain name (written by another program): show it as it is
    template = EARLIER.get(str(template), str(template))
    if arguments and arguments[0] == "1":
        template = SINGULAR.get(template, template)
    text = QCoreApplication.translate(CONTEXT, template)
    for number, argument in reversed(list(enumerate(arguments, start=1))):
        text = text.replace(f"%{number}", str(argument))
    return text
