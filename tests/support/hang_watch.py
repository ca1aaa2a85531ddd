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


def _limit(config: pytest.Config) -> float:
    try:
        value = float(config.getini("timeout") or DEFAULT_SECONDS)
    except (ValueError, TypeError):
        value = DEFAULT_SECONDS
    return (value or DEFAULT_SECONDS) + SLACK_SECONDS


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_protocol(item: pytest.Item, nextitem: pytest.Item | None) -> Iterator[None]:
    if _terminal is not None:
        faulthandler.dump_traceback_later(_limit(item.config), exit=True, file=_terminal)
    try:
        yield
    finally:
        faulthandler.cancel_dump_traceback_later()
