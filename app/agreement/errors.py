"""Why agreement cannot be computed, each in one line (translated in the window like
those of app.errors)."""

from app.errors import QT_TRANSLATE_NOOP, FangtanError


class TooFewAnnotatorsError(FangtanError):
    template = QT_TRANSLATE_NOOP(
        "Errors", "Agreement needs at least two annotators; this compares only {found}."
    )


class NoSharedDocumentsError(FangtanError):
    template = QT_TRANSLATE_NOOP(
        "Errors",
        "{names} have no interview in common: none was annotated or marked done by all of them.",
    )


class UnusedTagError(FangtanError):
    template = QT_TRANSLATE_NOOP(
        "Errors", "Nobody of {names} used the tag “{tag}” in the interviews they share."
    )


class NoTagsUsedError(FangtanError):
    template = QT_TRANSLATE_NOOP(
        "Errors", "{names} used no tag in the interviews they share: there is nothing to compare."
    )


class UnknownUnitError(FangtanError):
    template = QT_TRANSLATE_NOOP(
        "Errors", "“{unit}” is not a unit of agreement; use turn, char or span."
    )
