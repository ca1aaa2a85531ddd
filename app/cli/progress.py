"""A one-line progress bar on a terminal (stderr), for long imports and exports."""

import shutil
import sys
import time
from typing import TextIO

REDRAW_SECONDS = 0.1


class TerminalProgress:
    """Draws ``[#####-----]  45/100  name`` in place; silent when not on a terminal."""

    def __init__(self, stream: TextIO | None = None) -> None:
        self._stream = stream or sys.stderr
        self._active = self._stream.isatty()
        self._last = 0.0
        self._drawn = False

    def report(self, done: int, total: int, current: str) -> None:
        if not self._active:
            return
        now = time.monotonic()
        if done < total and now - self._last < REDRAW_SECONDS:
            return
        self._last = now
        width = shutil.get_terminal_size((80, 20)).columns
        count = f"{done}/{total}" if total else str(done)
        bar_width = max(10, min(30, width // 3))
        filled = round(bar_width * done / total) if total else 0
        line = f"[{'#' * filled}{'-' * (bar_width - filled)}]  {count}  {current}"
        self._stream.write("\r" + line[: width - 1].ljust(width - 1))
        self._stream.flush()
        self._drawn = True

    def cancelled(self) -> bool:
        return False

    def finish(self) -> None:
        """Remove the bar so that what is printed next starts on a clean line."""
        if self._drawn:
            width = shutil.get_terminal_size((80, 20)).columns
            self._stream.write("\r" + " " * (width - 1) + "\r")
            self._stream.flush()
            self._drawn = False
