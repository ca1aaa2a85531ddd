"""Errors of codebook files (.qdc and .csv), each with a one-line message (translated in the
window like those of app.errors)."""

from app.errors import QT_TRANSLATE_NOOP, FangtanError


class CodebookFileError(FangtanError):
    template = QT_TRANSLATE_NOOP(
        "Errors", "{path}: not a valid codebook file ({detail}). Nothing was imported."
    )


class CodebookTooLargeError(FangtanError):
    template = QT_TRANSLATE_NOOP(
        "Errors",
        "{path}: the codebook file is {size_mb} MB; files over {limit_mb} MB are not imported.",
    )


class CodebookDuplicateError(FangtanError):
    template = QT_TRANSLATE_NOOP(
        "Errors", "{path}: the tag “{name}” is listed twice. Nothing was imported."
    )


class CodebookParentError(FangtanError):
    template = QT_TRANSLATE_NOOP(
        "Errors",
        "{path}: the parent “{parent}” of “{name}” is neither in the file nor in the project. "
        "Nothing was imported.",
    )


class CodebookFormatError(FangtanError):
    template = QT_TRANSLATE_NOOP(
        "Errors", "{path}: codebooks are exchanged as .qdc or .csv files, not {suffix}."
    )


class EmptyCodebookError(FangtanError):
    template = QT_TRANSLATE_NOOP(
        "Errors", "The project has no tags: there is no codebook to export."
    )
