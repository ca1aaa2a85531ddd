"""What every reader returns, and the clean-up every extracted text gets."""

import re
from dataclasses import dataclass

from app.importing.errors import BinarySourceError
from app.importing.notes import ImportNote

PARAGRAPH_BREAK = "\n\n"
# An archive (a Word document, a REFI-QDA project) unpacks to far more than its text;
# beyond this many times the size limit of a file it is a ZIP bomb, or not an interview.
UNPACKED_FACTOR = 10

# NUL, and noncharacters that Qt treats as block boundaries; never in real text.
FORBIDDEN = re.compile("[\x00\ufdd0-\ufdef]")
# Old DOS editors end a file with Ctrl-Z.
_DOS_EOF = "\x1a"


@dataclass(frozen=True)
class Extracted:
    """Text taken out of one file, before it becomes interviews."""

    text: str
    encoding: str = ""
    title: str = ""
    warnings: tuple[ImportNote, ...] = ()


def normalize_newlines(text: str) -> str:
    return (
        text.replace("\r\n", "\n")
        .replace("\r", "\n")
        .replace("\u2028", "\n")
        .replace("\u2029", "\n")
        .replace("\x85", "\n")
    )


def finish_text(text: str, shown: str) -> str:
    """``text`` with ``\\n`` line endings and no BOM; refused if it holds NUL or noncharacters."""
    if text.startswith("\ufeff"):
        text = text[1:]
    text = normalize_newlines(text).rstrip(_DOS_EOF)
    if FORBIDDEN.search(text):
        raise BinarySourceError(path=shown, kind="contains non-text characters")
    return text


def join_paragraphs(paragraphs: list[str]) -> str:
    """Non-blank paragraphs, each stripped, separated by one blank line."""
    return PARAGRAPH_BREAK.join(p.strip() for p in paragraphs if p.strip())
