"""What is worth knowing about a file that was read all the same: never an error.

Each note has a kind and values; its sentence is a template marked for translation
(context "Import"), so the window shows it in the user's language and the command
line prints the English.
"""

from dataclasses import dataclass

from app.errors import QT_TRANSLATE_NOOP

NOTE_TEMPLATES = {
    "misnamed_text": QT_TRANSLATE_NOOP(
        "Import", "named {suffix} but is plain text; it was read as text"
    ),
    "misnamed_docx": QT_TRANSLATE_NOOP(
        "Import", "named {suffix} but is a Word document; it was read as one"
    ),
    "misnamed_html": QT_TRANSLATE_NOOP(
        "Import", "named {suffix} but is a web page; it was read as one"
    ),
    "misnamed_pdf": QT_TRANSLATE_NOOP(
        "Import", "named {suffix} but is a PDF document; it was read as one"
    ),
    "charset_unknown": QT_TRANSLATE_NOOP(
        "Import",
        "declares the charset {charset}, which Fangtan does not read; "
        "its encoding was detected instead",
    ),
    "charset_mismatch": QT_TRANSLATE_NOOP(
        "Import",
        "declares the charset {charset}, but its bytes do not fit it; "
        "its encoding was detected instead",
    ),
    "pdf_unmapped": QT_TRANSLATE_NOOP(
        "Import", "{count} characters whose font gives no Unicode value were left out"
    ),
    "pdf_running_lines": QT_TRANSLATE_NOOP(
        "Import", "{count} running header, footer and page-number lines were removed"
    ),
}


@dataclass(frozen=True)
class ImportNote:
    kind: str  # a key of NOTE_TEMPLATES
    values: tuple[tuple[str, str | int], ...] = ()

    @classmethod
    def of(cls, kind: str, **values: str | int) -> "ImportNote":
        return cls(kind, tuple(sorted(values.items())))

    @property
    def template(self) -> str:
        return NOTE_TEMPLATES[self.kind]

    def text(self, template: str | None = None) -> str:
        """The sentence, from ``template`` (a translation) or the English."""
        return (template or self.template).format(**dict(self.values))

    def __str__(self) -> str:
        return self.text()
