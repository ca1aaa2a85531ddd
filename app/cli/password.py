"""A server's password on the command line: asked once on a terminal, never otherwise."""

import argparse
import getpass
import os
import sys
from collections.abc import Callable


def run_asking_password(
    handler: Callable[[argparse.Namespace], int], arguments: argparse.Namespace
) -> int:
    """Run the command; when a server asks for a password that no .pgpass file gives, ask
    for it once on the terminal (never when the input is not one) and run it again. A
    server asks before anything is read or written, so nothing is done twice."""
    from app.server.errors import ServerPasswordNeededError

    try:
        return handler(arguments)
    except ServerPasswordNeededError:
        if not sys.stdin.isatty() or os.environ.get("PGPASSWORD"):
            raise
    # libpq reads the variable at each connection; it lives in this process only.
    os.environ["PGPASSWORD"] = getpass.getpass(f"Password for {arguments.project}: ")
    return handler(arguments)
