"""A test stuck in code that holds the interpreter's lock (a C call that never returns)
stops pytest-timeout too, which needs that lock to act: such a run would hang until the
machine gives up, saying nothing. The interpreter's own fault handler runs on a thread
of its own that needs no lock: it prints every thread's stack and ends the run."""

import faulthandler
import os
import sys
from collections.abc import Iterator
from typing import TextIO

import pytest

SLACK_SECONDS = 60  # beyond pytest-timeout's limit, which acts first on an ordinary hang
DEFAULT_SECONDS = 300

_terminal: TextIO | None = None


@pytest.hookimpl(trylast=True)
def pytest_configure(config: pytest.Config) -> None:
    global _terminal
    _terminal = os.fdopen(os.dup(sys.stderr.fileno()), "w")


def _limit(item: pytest.Item) -> float:
    """pytest-timeout's limit for ``item`` (its marker, the command line, the ini file),
    and some slack."""
    marker = item.get_closest_marker("timeout")
    given = (
        (marker.args[0] if marker.args else marker.kwargs.get("timeout"))
        if marker is not None
        else item.config.getoption("timeout", None) or item.config.getini("timeout")
    )
    try:
        value = float(given or DEFAULT_SECONDS)
    except (ValueError, TypeError):
        value = DEFAULT_SECONDS
    return (value or DEFAULT_SECONDS) + SLACK_SECONDS


def pytest_enter_pdb(config: pytest.Config) -> None:
    """A debugging session takes its time."""
    faulthandler.cancel_dump_traceback_later()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_protocol(item: pytest.Item, nextitem: pytest.Item | None) -> Iterator[None]:
    if _terminal is not None:
        faulthandler.dump_traceback_later(_limit(item), exit=True, file=_terminal)
    try:
        yield
    finally:
        faulthandler.cancel_dump_traceback_later()
