"""Progress and cancellation of an export or an annotation import, told through the
``Progress`` (app.dto) that ``export`` and ``import_annotations`` take."""

from app.dto import Progress


class CancelledError(Exception):
    """Raised inside an export or import when the user cancelled it."""


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
