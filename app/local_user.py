"""Who works at this machine, when nobody says: the name new annotations are recorded with."""

import getpass
import os


def default_annotator() -> str:
    """The name recorded with new annotations unless one is given: FANGTAN_ANNOTATOR when
    set (the command line's counterpart of the window's preference), else the login name."""
    named = os.environ.get("FANGTAN_ANNOTATOR", "").strip()
    if named:
        return named
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "annotator"
