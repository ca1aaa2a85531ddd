"""A Progress (app.dto) for tests, like the window's task state and the command line's bar."""

from collections.abc import Callable


class Recorder:
    """Keeps every report; cancelled once ``stop_after`` reports came or ``cancel()`` says so.

    ``on_report(done, total)`` runs at each report (a test may raise from it).
    """

    def __init__(
        self,
        stop_after: int | None = None,
        cancel: Callable[[], bool] | None = None,
        on_report: Callable[[int, int], None] | None = None,
    ) -> None:
        self.stop_after = stop_after
        self.cancel = cancel
        self.on_report = on_report
        self.reports: list[tuple[int, int, str]] = []

    @property
    def seen(self) -> list[tuple[int, int]]:
        return [(done, total) for done, total, _current in self.reports]

    def report(self, done: int, total: int, current: str) -> None:
        self.reports.append((done, total, current))
        if self.on_report is not None:
            self.on_report(done, total)

    def cancelled(self) -> bool:
        if self.cancel is not None and self.cancel():
            return True
        return self.stop_after is not None and len(self.reports) >= self.stop_after
