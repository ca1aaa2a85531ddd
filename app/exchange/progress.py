"""Progress and cancellation of an export or an annotation import, told through ``Progress``.

``export`` and ``import_annotations`` take a ``Progress`` (app.dto), or the same as two
callbacks: ``progress(done, total)`` and ``cancelled()``.
"""

from collections.abc import Callable

from app.dto import Progress

ProgressCallback = Callable[[int, int], None]  # (done, total)
CancelCheck = Callable[[], bool]


class CancelledError(Exception):
    """Raised inside an export or import when the user cancelled it."""


class _Callbacks:
    """A Progress made of the two callbacks."""

    def __init__(self, progress: ProgressCallback | None, cancelled: CancelCheck | None) -> None:
        self._progress = progress
        self._cancelled = cancelled

    def report(self, done: int, total: int, current: str) -> None:
        if self._progress is not None:
            self._progress(done, total)

    def cancelled(self) -> bool:
        return self._cancelled is not None and self._cancelled()


def progress_of(
    progress: Progress | ProgressCallback | None, cancelled: CancelCheck | None = None
) -> Progress | None:
    """One Progress for either form: a Progress as it is, or the two callbacks."""
    if progress is not None and not callable(progress):
        if cancelled is not None:
            raise TypeError("a Progress says itself whether the work is cancelled")
        return progress
    if progress is None and cancelled is None:
        return None
    return _Callbacks(progress, cancelled)


class Reporter:
    """Progress and cancellation for one piece of work: ``advance`` after each unit of it.

    Reports every ``every`` units (and at the end), asks about cancelling at least every
    500, and raises CancelledError when the answer is yes.
    """

    def __init__(
        self, progress: Progress | None, total: int, every: int = 1, current: str = ""
    ) -> None:
        self.progress = progress
        self.total = total
        self.every = max(1, every)
        self.current = current
        self._check_every = min(self.every, 500)
        self.done = 0
        self._reported = -1

    def check(self) -> None:
        if self.progress is not None and self.progress.cancelled():
            raise CancelledError()

    def advance(self, count: int = 1) -> None:
        before = self.done
        self.done += count
        if self.done // self._check_every != before // self._check_every:
            self.check()
        if self.done // self.every != before // self.every and self.progress is not None:
            self.progress.report(self.done, self.total, self.current)
            self._reported = self.done

    def finish(self) -> None:
        """The last report; a cancel asked for at the very end still counts."""
        self.check()
        if self.progress is not None and self._reported != self.done:
            self.progress.report(self.done, self.total, self.current)
            self._reported = self.done
