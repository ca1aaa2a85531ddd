"""Errors a query of the statistics and coded passages can meet, each with a one-line message
(translated in the window like those of app.errors)."""

from app.errors import QT_TRANSLATE_NOOP, FangtanError


class UnknownAnnotatorNameError(FangtanError):
    template = QT_TRANSLATE_NOOP("Errors", "There is no annotator named “{name}” in this project.")


class UnknownDocumentValueError(FangtanError):
    template = QT_TRANSLATE_NOOP(
        "Errors", "No interview in this project has the {field} “{value}”."
    )


class DateRangeError(FangtanError):
    template = QT_TRANSLATE_NOOP(
        "Errors", "The dates are the wrong way round: {start} is after {end}."
    )


class PageError(FangtanError):
    template = QT_TRANSLATE_NOOP(
        "Errors", "The {what} of a page of passages must be 0 or more (got {value})."
    )


class PassageExportFormatError(FangtanError):
    template = QT_TRANSLATE_NOOP(
        "Errors", "Cannot write coded passages to “{name}”: choose a .csv, .xlsx or .html file."
    )
