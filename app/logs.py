"""fangtan.log in the user log folder: where the window, the command line and a failed
migration write what they did not expect, with its traceback, while the user sees a
one-line message."""

import traceback
from datetime import UTC, datetime
from pathlib import Path

import platformdirs

APP_NAME = "Fangtan"
LOG_NAME = "fangtan.log"


def log_dir() -> Path:
    return platformdirs.user_log_path(APP_NAME, appauthor=False)


def log_details(details: str) -> Path | None:
    """Append ``details`` with the time to the log; the log, or None if it cannot be written."""
    try:
        folder = log_dir()
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / LOG_NAME
        with target.open("a", encoding="utf-8") as log:
            log.write(f"{datetime.now(UTC).isoformat(timespec='seconds')}\n{details}\n")
    except OSError:
        return None
    return target


def log_failure(error: BaseException) -> Path | None:
    """Append ``error`` and its traceback to the log; the log, or None."""
    return log_details("".join(traceback.format_exception(error)))
