"""Errors of reading interview files (missing, unreadable, binary, wrong encoding, a
damaged Word file, a PDF without text...), each with a one-line message translated in
the window like those of app.errors."""

from app.errors import QT_TRANSLATE_NOOP, FangtanError


class SourceMissingError(FangtanError):
    template = QT_TRANSLATE_NOOP("Errors", "{path}: no such file.")


class SourceUnreadableError(FangtanError):
    template = QT_TRANSLATE_NOOP("Errors", "{path}: cannot be read ({detail}).")


class EmptySourceError(FangtanError):
    template = QT_TRANSLATE_NOOP("Errors", "{path}: the file is empty.")


class BinarySourceError(FangtanError):
    template = QT_TRANSLATE_NOOP(
        "Errors", "{path}: this is a binary file ({kind}), not interview text."
    )


class SourceEncodingError(FangtanError):
    template = QT_TRANSLATE_NOOP(
        "Errors",
        "{path}: the text is not valid UTF-8 (bad byte at position {position}).",
    )


class SourceTooLargeError(FangtanError):
    template = QT_TRANSLATE_NOOP(
        "Errors", "{path}: the file is {size_mb} MB; files over {limit_mb} MB are not imported."
    )


class NoTextError(FangtanError):
    template = QT_TRANSLATE_NOOP("Errors", "{path}: the file holds no text to import.")


class TruncatedSourceError(FangtanError):
    template = QT_TRANSLATE_NOOP(
        "Errors",
        "{path}: the file ends in the middle of a character ({encoding}); it was probably cut off.",
    )


class ForcedEncodingError(FangtanError):
    template = QT_TRANSLATE_NOOP(
        "Errors", "{path}: cannot be read as {encoding} (bad byte at position {position})."
    )


class UnknownEncodingError(FangtanError):
    template = QT_TRANSLATE_NOOP("Errors", "{path}: “{encoding}” is not a known text encoding.")


class UnsupportedEncodingError(FangtanError):
    template = QT_TRANSLATE_NOOP(
        "Errors",
        "{path}: the text is in none of the encodings Fangtan reads "
        "(UTF-8, UTF-16, GB18030, Big5).",
    )


class GarbledTextError(FangtanError):
    template = QT_TRANSLATE_NOOP(
        "Errors",
        "{path}: read as {encoding}, {percent}% of the text is control, private-use or "
        "unassigned characters; it is binary or in another encoding.",
    )


class NotAWordDocumentError(FangtanError):
    template = QT_TRANSLATE_NOOP("Errors", "{path}: not a Word (.docx) document but {kind}.")


class CorruptDocumentError(FangtanError):
    template = QT_TRANSLATE_NOOP(
        "Errors", "{path}: the {kind} is damaged and cannot be read ({detail})."
    )


class EncryptedDocumentError(FangtanError):
    template = QT_TRANSLATE_NOOP(
        "Errors", "{path}: the {kind} is password-protected; remove the password to import it."
    )


class DocumentTooLargeError(FangtanError):
    template = QT_TRANSLATE_NOOP(
        "Errors",
        "{path}: the document unpacks to {size_mb} MB; documents over {limit_mb} MB "
        "are not imported.",
    )


class NoTextLayerError(FangtanError):
    template = QT_TRANSLATE_NOOP(
        "Errors",
        "{path}: the PDF has no text layer (scanned?); only PDFs with text can be imported.",
    )


class UnmappedPdfTextError(FangtanError):
    template = QT_TRANSLATE_NOOP(
        "Errors",
        "{path}: the PDF's fonts do not say which characters they draw, "
        "so its text cannot be read.",
    )
