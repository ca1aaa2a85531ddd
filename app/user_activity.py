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
    if threading.current_thread() is threading.main_thread():
        return
    while (remaining := _active_until - time.monotonic()) > 0:
        time.sleep(min(remaining, _NAP_S))
