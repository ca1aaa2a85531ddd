"""What every command prints the same way."""

import json
import sys


def print_json(payload: object) -> None:
    """``payload`` as indented JSON on stdout, in UTF-8 whatever the terminal's encoding."""
    sys.stdout.reconfigure(encoding="utf-8")  # type: ignore[union-attr]
    json.dump(payload, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
