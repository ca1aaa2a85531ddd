"""How long `fangtan gui` takes, as a new process, until its first window is on an X
screen: the standalone folder's executable beside the venv's. Each start opens the default
project of a fresh user folder (the sample interviews); the first start of each creates
it and is not counted, and every start ends with SIGTERM, which closes the window as the
user would, so the next one has the project's first screen. Needs Xvfb and libX11 (the
window is mapped on a virtual screen started here). Prints the figures; asserts nothing:

    .venv/bin/python benchmarks/window_start.py [--runs 5] [--folder dist/fangtan]
"""

import argparse
import ctypes
import ctypes.util
import os
import select
import shutil
import signal
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SUBSTRUCTURE_NOTIFY = 1 << 19
MAP_NOTIFY = 19
TIMEOUT_S = 60


class MapEvent(ctypes.Structure):
    _fields_ = [
        ("type", ctypes.c_int),
        ("serial", ctypes.c_ulong),
        ("send_event", ctypes.c_int),
        ("display", ctypes.c_void_p),
        ("event", ctypes.c_ulong),
        ("window", ctypes.c_ulong),
        ("override_redirect", ctypes.c_int),
    ]


class Event(ctypes.Union):
    _fields_ = [("type", ctypes.c_int), ("map", MapEvent), ("pad", ctypes.c_long * 24)]


class Screen:
    """An Xvfb screen, and a connection that hears each top-level window being mapped."""

    def __init__(self) -> None:
        if shutil.which("Xvfb") is None:
            raise SystemExit("Xvfb is missing: apt-get install xvfb")
        name = ctypes.util.find_library("X11")
        if name is None:
            raise SystemExit("libX11 is missing: apt-get install libx11-6")
        self.x11 = ctypes.CDLL(name)
        self.x11.XOpenDisplay.restype = ctypes.c_void_p
        self.x11.XOpenDisplay.argtypes = [ctypes.c_char_p]
        self.x11.XDefaultRootWindow.restype = ctypes.c_ulong
        self.x11.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
        self.x11.XSelectInput.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_long]
        self.x11.XPending.argtypes = [ctypes.c_void_p]
        self.x11.XNextEvent.argtypes = [ctypes.c_void_p, ctypes.POINTER(Event)]
        self.x11.XConnectionNumber.argtypes = [ctypes.c_void_p]
        self.number = 90 + os.getpid() % 100
        self.server = subprocess.Popen(
            ["Xvfb", f":{self.number}", "-screen", "0", "1366x768x24", "-nolisten", "tcp"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 10
        self.display = None
        while self.display is None and time.monotonic() < deadline:
            self.display = self.x11.XOpenDisplay(f":{self.number}".encode())
            if self.display is None:
                time.sleep(0.05)
        if self.display is None:
            raise SystemExit("Xvfb did not start")
        root = self.x11.XDefaultRootWindow(self.display)
        self.x11.XSelectInput(self.display, root, SUBSTRUCTURE_NOTIFY)
        self.fd = self.x11.XConnectionNumber(self.display)

    def forget(self) -> None:
        """Drop what was heard so far (the windows of the start before)."""
        event = Event()
        while self.x11.XPending(self.display):
            self.x11.XNextEvent(self.display, ctypes.byref(event))

    def wait_for_window(self, deadline: float) -> float | None:
        """The moment the next top-level window (not a menu or tooltip) is mapped."""
        event = Event()
        while time.monotonic() < deadline:
            while self.x11.XPending(self.display):
                self.x11.XNextEvent(self.display, ctypes.byref(event))
                if event.type == MAP_NOTIFY and not event.map.override_redirect:
                    return time.perf_counter()
            select.select([self.fd], [], [], 0.05)
        return None

    def close(self) -> None:
        self.server.terminate()
        self.server.wait()


def start_times(screen: Screen, command: list[str], runs: int) -> tuple[list[float], list[float]]:
    """Per start: to the first window (the first screen), and to the next one (the window
    on the open project, which replaces it)."""
    home = Path(tempfile.mkdtemp(prefix="fangtan-start-"))
    environment = {
        "PATH": "/usr/bin:/bin",
        "HOME": str(home),
        "DISPLAY": f":{screen.number}",
        "LANG": "C.UTF-8",
        "FANGTAN_ANNOTATOR": "editor",
    }
    times, windows = [], []
    try:
        for run in range(runs + 1):
            screen.forget()
            started = time.perf_counter()
            process = subprocess.Popen(
                command, env=environment, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
            )
            shown = screen.wait_for_window(time.monotonic() + TIMEOUT_S)
            opened = screen.wait_for_window(time.monotonic() + 5)
            time.sleep(1)  # the rest of the start, before the window is closed
            process.send_signal(signal.SIGTERM)
            process.wait(timeout=TIMEOUT_S)
            if shown is None:
                raise SystemExit(f"{command[0]} showed no window")
            if run:  # the first start creates the project
                times.append(shown - started)
                if opened is not None:
                    windows.append(opened - started)
    finally:
        shutil.rmtree(home, ignore_errors=True)
    return times, windows


def figures(times: list[float]) -> str:
    if not times:
        return "none"
    return (
        f"median {statistics.median(times):.2f} s, min {min(times):.2f} s, "
        f"max {max(times):.2f} s (n={len(times)})"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--folder", type=Path, default=ROOT / "dist" / "fangtan")
    options = parser.parse_args()
    executable = options.folder / "fangtan"
    if not executable.exists():
        raise SystemExit(f"no bundle at {options.folder}: build it with `make bundle`")
    screen = Screen()
    try:
        for name, command in (
            ("bundle", [str(executable), "gui"]),
            ("venv", [str(ROOT / ".venv" / "bin" / "fangtan"), "gui"]),
        ):
            times, windows = start_times(screen, command, options.runs)
            print(f"{name} `fangtan gui`, to the first screen on screen: {figures(times)}")
            print(f"{name} `fangtan gui`, to the window on the project: {figures(windows)}")
    finally:
        screen.close()


if __name__ == "__main__":
    main()
