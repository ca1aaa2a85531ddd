"""Background work gives way to the person at the window.

Python runs one thread at a time, so a model training on the window's worker thread
would halve the speed of every click. The window calls ``user_active`` on each key
press, click and scroll; long background loops call ``give_way`` between small steps
and, while the user has been active in the last moment, sleep instead of competing.
Never call ``give_way`` inside a write transaction: the sleeper would hold the lock.
"""

import threading
import time

QUIET_S = 0.15  # how long after the last key press or click the background holds back
_NAP_S = 0.02

_active_until = 0.0


def user_active(seconds: float = QUIET_S) -> None:
    """The user just did something: background work waits ``seconds`` from now."""
    global _active_until
    _active_until = time.monotonic() + seconds


def give_way() -> None:
    """On a background thread, wait while the user is active; elsewhere return at once."""
    # By ident: threading.current_thread() on a thread Python did not start (a Qt pool's)
    # leaves a dummy Thread behind that holds on to the exception hooks of the moment.
    # When a new thread later gets the same ident, the dummy, and whatever those hooks
    # kept alive, is freed on that thread; freeing an object connected to a Qt signal
    # off the window's thread can deadlock PySide.
    if threading.get_ident() == threading.main_thread().ident:
        return
    while (remaining := _active_until - time.monotonic()) > 0:
        time.sleep(min(remaining, _NAP_S))
