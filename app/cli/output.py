"""What every command prints the same way."""

import io
import json
import sys


def utf8_stdout() -> None:
    """Write UTF-8 on stdout whatever the terminal's encoding (a file stream only)."""
    if isinstance(sys.stdout, io.TextIOWrapper):
        sys.stdout.reconfigure(encoding="utf-8")


def print_json(payload: object) -> None:
    """``payload`` as indented JSON on stdout, in UTF-8 whatever the terminal's encoding."""
    utf8_stdout()
    json.dump(payload, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def counted(count: int, noun: str, plural: str | None = None) -> str:
    """``count`` with ``noun`` in the singular or the plural: "1 document", "2 documents"."""
    return f"{count} {noun if count == 1 else plural or noun + 's'}"
