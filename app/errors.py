"""Errors a user can meet, each with a one-line message.

Every message template is marked for translation: the window shows it through
Qt's translation tables (context "Errors"); the command line prints the English.
"""

from typing import Any, ClassVar


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 (name read by lupdate)
    """Mark ``text`` for extraction into the translation sources; returns it unchanged."""
    return text


class FangtanError(Exception):
    """Base of every error whose message is meant for the user."""

    template: ClassVar[str] = QT_TRANSLATE_NOOP("Errors", "Something went wrong.")

    def __init__(self, **params: Any) -> None:
        self.params = params
        super().__init__(self.template.format(**params))


# Opening a project ---------------------------------------------------------


class NotAProjectError(FangtanError):
    template = QT_TRANSLATE_NOOP("Errors", "{path} is not a Fangtan project (not a database).")


class ForeignDatabaseError(FangtanError):
    template = QT_TRANSLATE_NOOP(
        "Errors", "{path} is a database from another program, not a Fangtan project."
    )


class NewerProjectError(FangtanError):
    template = QT_TRANSLATE_NOOP(
        "Errors",
        "{path} was saved by a newer version of Fangtan (schema {revision}); "
        "update Fangtan to open it. The file was not changed.",
    )


class CorruptProjectError(FangtanError):
    template = QT_TRANSLATE_NOOP(
        "Errors", "{path} is damaged and cannot be opened ({detail}). The file was not changed."
    )


class ProjectIsFolderError(FangtanError):
    template = QT_TRANSLATE_NOOP("Errors", "{path} is a folder, not a Fangtan project file.")


class ProjectUnreadableError(FangtanError):
    template = QT_TRANSLATE_NOOP("Errors", "{path} cannot be read ({detail}).")


class ProjectUpgradeError(FangtanError):
    template = QT_TRANSLATE_NOOP(
        "Errors",
        "{path} could not be upgraded to this version of Fangtan ({detail}). "
        "The project was left as it was.",
    )


class BackupError(FangtanError):
    template = QT_TRANSLATE_NOOP("Errors", "The backup of {path} failed: {detail}.")


class BackupKeepError(FangtanError):
    template = QT_TRANSLATE_NOOP(
        "Errors",
        "The number of backups to keep must be a whole number from {low} to {high} (got {value}).",
    )


class ProjectReadOnlyError(FangtanError):
    template = QT_TRANSLATE_NOOP(
        "Errors", "{path} is read-only ({detail}); nothing can be changed in it."
    )


class ProjectMissingError(FangtanError):
    template = QT_TRANSLATE_NOOP("Errors", "There is no project at {path}.")


class ProjectClosedError(FangtanError):
    template = QT_TRANSLATE_NOOP("Errors", "{path} was closed; open it again to go on.")


class ProjectStorageError(FangtanError):
    template = QT_TRANSLATE_NOOP(
        "Errors", "Could not save to {path}: {detail}. Nothing was changed."
    )


# A kind of storage error (nothing can be saved there), with a message of its own.
class ProjectFolderMissingError(ProjectStorageError):
    template = QT_TRANSLATE_NOOP("Errors", "{path}: the folder {folder} does not exist.")


class ProjectFolderIsFileError(ProjectStorageError):
    template = QT_TRANSLATE_NOOP("Errors", "{path}: {folder} is a file, not a folder.")


# Tagging and the codebook -----------------------------------------------------


class InvalidSpanError(FangtanError):
    template = QT_TRANSLATE_NOOP(
        "Errors", "The passage {start}–{end} is outside the document (length {length})."
    )


class EmptySpanError(FangtanError):
    template = QT_TRANSLATE_NOOP("Errors", "Select some text, or place the cursor in a turn.")


class UnknownTagError(FangtanError):
    template = QT_TRANSLATE_NOOP("Errors", "The tag no longer exists.")


class UnknownDocumentError(FangtanError):
    template = QT_TRANSLATE_NOOP("Errors", "The document no longer exists.")


class UnknownAnnotationError(FangtanError):
    template = QT_TRANSLATE_NOOP("Errors", "The annotation no longer exists.")


class UnreadableStepError(FangtanError):
    template = QT_TRANSLATE_NOOP(
        "Errors",
        "This step of the undo history cannot be read (it was saved by another version "
        "of Fangtan), so it was dropped.",
    )


class StaleEditError(FangtanError):
    """The tag, document or annotation was changed by ``name`` since it was read."""

    template = QT_TRANSLATE_NOOP(
        "Errors",
        "Changed by {name} meanwhile; the view shows the newest version now. Nothing was changed.",
    )


class StaleEditByUnknownError(StaleEditError):
    template = QT_TRANSLATE_NOOP(
        "Errors",
        "Changed by someone else meanwhile; the view shows the newest version now. "
        "Nothing was changed.",
    )


class DocumentFieldError(FangtanError):
    template = QT_TRANSLATE_NOOP("Errors", "“{value}” is not a valid {field} for a document.")


class TagNameError(FangtanError):
    template = QT_TRANSLATE_NOOP("Errors", "A tag needs a name.")


class DuplicateTagNameError(FangtanError):
    template = QT_TRANSLATE_NOOP("Errors", "There is already a tag named “{name}”.")


class DuplicateShortcutError(FangtanError):
    template = QT_TRANSLATE_NOOP("Errors", "The shortcut {shortcut} is already used by “{name}”.")


class TagColorError(FangtanError):
    template = QT_TRANSLATE_NOOP("Errors", "“{color}” is not a colour like #1f77b4.")


class TagCycleError(FangtanError):
    template = QT_TRANSLATE_NOOP("Errors", "A tag cannot be placed under itself.")


class TagMergedIntoItselfError(FangtanError):
    template = QT_TRANSLATE_NOOP("Errors", "A tag cannot be merged into itself.")


class SplitIntoSameTagError(FangtanError):
    template = QT_TRANSLATE_NOOP(
        "Errors", "The annotations already have the tag “{name}”; choose another tag."
    )


class NothingToSplitError(FangtanError):
    template = QT_TRANSLATE_NOOP(
        "Errors", "Choose at least one annotation to move to the other tag."
    )


# Exporting ---------------------------------------------------------------------


class MixedImportError(FangtanError):
    template = QT_TRANSLATE_NOOP(
        "Errors",
        "Import interview files and annotation files (.jsonl, .json, .qdpx) separately.",
    )


class ExportTargetError(FangtanError):
    template = QT_TRANSLATE_NOOP("Errors", "Cannot write {path}: {detail}.")


# Exchange formats (app/exchange) -------------------------------------------------------


class ExportFormatError(FangtanError):
    template = QT_TRANSLATE_NOOP("Errors", "There is no export format called “{name}”.")


class ExportExtensionError(FangtanError):
    template = QT_TRANSLATE_NOOP(
        "Errors",
        "{path} ends in {extension}, the extension of {other} files, not {format}: "
        "name it {wanted} or export as {other}.",
    )


class SplitRatioError(FangtanError):
    template = QT_TRANSLATE_NOOP(
        "Errors",
        "The train/dev/test ratios must be three numbers of at least 0 that add up to 1 "
        "(got {ratios}).",
    )


class SplitColumnError(FangtanError):
    template = QT_TRANSLATE_NOOP(
        "Errors",
        "The {format} format has no column for the train/dev/test split; "
        "export the split as separate files instead.",
    )


# Importing annotations from other tools ---------------------------------------------


class AnnotationFormatUnknownError(FangtanError):
    template = QT_TRANSLATE_NOOP(
        "Errors",
        "{path}: cannot tell the annotation format; use a .jsonl (doccano), "
        ".json (Label Studio) or .qdpx (REFI-QDA) file.",
    )


class AnnotationFileError(FangtanError):
    template = QT_TRANSLATE_NOOP(
        "Errors", "{path}: not a valid {format} file ({detail}). Nothing was imported."
    )


class AnnotationOffsetError(FangtanError):
    template = QT_TRANSLATE_NOOP(
        "Errors",
        "{path}: document {number} has a passage at {start}–{end}, outside its text "
        "(length {length}). Nothing was imported.",
    )


class AnnotationTagNameError(FangtanError):
    template = QT_TRANSLATE_NOOP(
        "Errors",
        "{path}: document {number} has a passage without a tag name. Nothing was imported.",
    )


# Searching -------------------------------------------------------------------------


class EmptyQueryError(FangtanError):
    template = QT_TRANSLATE_NOOP("Errors", "Type something to search for.")


class UnknownTagNameError(FangtanError):
    template = QT_TRANSLATE_NOOP("Errors", "There is no tag named “{name}” in this project.")


class OutsideWithoutTagError(FangtanError):
    template = QT_TRANSLATE_NOOP("Errors", "--outside needs a tag: add --tag NAME.")


# Tag suggestions -------------------------------------------------------------------


class TriggerWordError(FangtanError):
    template = QT_TRANSLATE_NOOP(
        "Errors",
        "“{word}” cannot be a trigger word: use 1 to 100 characters on one line.",
    )


class DuplicateTriggerError(FangtanError):
    template = QT_TRANSLATE_NOOP("Errors", "“{word}” is already a trigger word of this tag.")


class UnknownTriggerError(FangtanError):
    template = QT_TRANSLATE_NOOP("Errors", "“{word}” is not a trigger word of this tag.")


class SuggestionDecidedError(FangtanError):
    template = QT_TRANSLATE_NOOP(
        "Errors", "The suggestion at {start}–{end} has already been accepted or rejected."
    )


class SuggestionThresholdError(FangtanError):
    template = QT_TRANSLATE_NOOP(
        "Errors", "The threshold must be a number from 0 to 1 (got {value})."
    )


class SuggestionSettingError(FangtanError):
    template = QT_TRANSLATE_NOOP("Errors", "“{value}” is not a valid value for {setting}.")


class NoSuchDocumentError(FangtanError):
    template = QT_TRANSLATE_NOOP("Errors", "There is no document {id} in this project.")


# Word lists: the user dictionary and stop words ---------------------------------


class NoWordsError(FangtanError):
    template = QT_TRANSLATE_NOOP("Errors", "Type a word first.")


class WordTooLongError(FangtanError):
    template = QT_TRANSLATE_NOOP(
        "Errors", "“{word}…” is too long for the list: a word has at most {limit} characters."
    )


class TermCharacterError(FangtanError):
    template = QT_TRANSLATE_NOOP(
        "Errors",
        "“{word}” cannot be kept as one word: segmentation always splits it at “{character}”.",
    )


class WordsAlreadyListedError(FangtanError):
    template = QT_TRANSLATE_NOOP("Errors", "Every word given is already in the list.")


class WordFileError(FangtanError):
    template = QT_TRANSLATE_NOOP("Errors", "{path}: cannot read a word list from it ({detail}).")


# Editing a document's turns -------------------------------------------------------


class UnknownTurnError(FangtanError):
    template = QT_TRANSLATE_NOOP("Errors", "The document has no turn {index}.")


class TurnKindError(FangtanError):
    template = QT_TRANSLATE_NOOP("Errors", "“{kind}” is not a kind of turn; use {valid}.")


class SpeakerNameError(FangtanError):
    template = QT_TRANSLATE_NOOP(
        "Errors", "A speaker's name must have 1 to {limit} characters on one line."
    )


class IntervieweeNamesError(FangtanError):
    template = QT_TRANSLATE_NOOP(
        "Errors", "Name at least one interviewee, in at most {limit} characters in all."
    )


class UnknownSpeakerError(FangtanError):
    template = QT_TRANSLATE_NOOP("Errors", "No turn of this document is spoken by “{name}”.")


class SplitOffsetError(FangtanError):
    template = QT_TRANSLATE_NOOP(
        "Errors",
        "Position {offset} does not split turn {index} in two: give a position between "
        "its words, after {start} and before {end}.",
    )


class MergeFirstTurnError(FangtanError):
    template = QT_TRANSLATE_NOOP(
        "Errors", "The first turn has no turn before it to be merged into."
    )


class RedetectMismatchError(FangtanError):
    template = QT_TRANSLATE_NOOP(
        "Errors",
        "The turns cannot be detected again: reading this document's text again does not "
        "give back the same text.",
    )


class TurnNumberError(FangtanError):
    template = QT_TRANSLATE_NOOP("Errors", "{what} must be a whole number (got “{value}”).")
