"""``fangtan self-check``: a round through the real window, run by the window's package.

The command line never imports the window: the check is found, like ``fangtan gui``, as
an entry point of the ``fangtan.frontends`` group.
"""

import argparse
import sys
from collections.abc import Callable
from importlib.metadata import entry_points

EXIT_FAILED = 1


def register(commands: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    check = commands.add_parser(
        "self-check",
        help="check this installation: tag a passage of the sample in the window, export it",
        description=(
            "Open the sample interviews (copied into a temporary folder) in the window, drawn "
            "offscreen, select a passage, press the tag key 1, export the annotations to CSV "
            "and read the row back; load jieba's dictionary, scikit-learn, libpq, the "
            "translations and the icon. Prints one line and exits 0 when all of it works."
        ),
    )
    check.add_argument("--show", action="store_true", help="draw the window on the display")


def handlers() -> dict[str, Callable[[argparse.Namespace], int]]:
    return {"self-check": _self_check}


def _self_check(arguments: argparse.Namespace) -> int:
    from app.cli import _no_display

    if arguments.show and _no_display():
        return _failed("--show needs a display (set DISPLAY), or leave it out to draw offscreen")
    found = entry_points(group="fangtan.frontends", name="self-check")
    if not found:
        return _failed("the window is not installed (pip install -e .)")
    try:
        check = next(iter(found)).load()
    except Exception as error:  # an installation missing part of the window
        return _failed(f"the window cannot be loaded ({type(error).__name__}: {error})")
    return int(check(show=arguments.show))


def _failed(reason: str) -> int:
    print(f"self-check failed: {reason}", file=sys.stderr)
    return EXIT_FAILED
