"""Errors of copying a project between a file and a server, each with a one-line message
(translated in the window like those of app.errors)."""

from app.errors import QT_TRANSLATE_NOOP, FangtanError


class CopySourceEmptyError(FangtanError):
    template = QT_TRANSLATE_NOOP(
        "Errors", "{path} is empty: there is no project in it to copy. Nothing was copied."
    )


class CopyTargetExistsError(FangtanError):
    template = QT_TRANSLATE_NOOP(
        "Errors",
        "{path} already exists: a project is copied into a new file only. Nothing was copied.",
    )


class CopyTargetNotEmptyError(FangtanError):
    template = QT_TRANSLATE_NOOP(
        "Errors",
        "{path} is not an empty database: a project is copied into an empty one only. "
        "Nothing was copied.",
    )


class CopyNeedsLeadError(FangtanError):
    template = QT_TRANSLATE_NOOP(
        "Errors",
        "Copying {path} needs a lead's login: an annotator does not see everyone's work. "
        "Nothing was copied.",
    )


class CopyMismatchError(FangtanError):
    template = QT_TRANSLATE_NOOP(
        "Errors",
        "The copy in {path} did not match its source ({detail}), so it was not kept.",
    )


class CopyFailedError(FangtanError):
    template = QT_TRANSLATE_NOOP(
        "Errors", "Copying the project to {path} failed ({detail}). Nothing was copied."
    )
