"""What every command prints the same way."""

import json
import sys


def print_json(payload: object) -> None:
    """``payload`` as indented JSON on stdout, in UTF-8 whatever the terminal's encoding."""
    sys.stdout.reconfigure(encoding="utf-8")  # type: ignore[union-attr]
    json.dump(payload, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def counted(count: int, noun: str, plural: str | None = None) -> str:
    """``count`` with ``noun`` in the singular or the plural: "1 document", "2 documents"."""
    return f"{count} {noun if count == 1 else plural or noun + 's'}"
