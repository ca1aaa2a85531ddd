"""Cold start to a shown window with the sample project: median of 5 new processes.

Each run starts a fresh Python process that runs the command `fangtan gui PROJECT`
(app.cli.main) and reports two moments, each once the window has been shown and its
first events (layout, paint) processed: the first screen (the project as its window
left it, readable, scrollable, keys kept; shown before the storage layer is loaded)
and the window itself, open on the project. The first run after the project changed
has no first screen; the runs measured follow a clean close, as an editor's next
morning does. Run with:

    .venv/bin/python benchmarks/startup.py [--runs 5]
"""

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CHILD = """
import sys, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
import ui.launch

# While the storage layer loads behind the first screen: how long the window's thread
# goes without handling an event, probed by a 2 ms timer until the window is built.
gaps, last = [], []
probe = QTimer()
probe.setInterval(2)

def tick():
    now = time.perf_counter()
    if last:
        gaps.append(now - last[-1])
    last.append(now)

probe.timeout.connect(tick)

def first():
    print(f"FIRST {time.time():.6f}", flush=True)
    probe.start()

opening = ui.launch.Start._open

def open_window(start, error):
    probe.stop()
    if gaps:
        print(f"LONGEST {max(gaps):.6f}", flush=True)
    return opening(start, error)

ui.launch.Start._open = open_window

def shown():
    print(f"SHOWN {time.time():.6f}", flush=True)
    QApplication.instance().quit()

real = ui.launch.run
ui.launch.run = lambda project: real(project, shown, first)
from app.cli import main

sys.exit(main(["gui", sys.argv[1]]))
"""


MOMENTS = ("FIRST", "SHOWN", "LONGEST")


def sample_project(folder: Path) -> Path:
    from app.project import Project
    from app.workspace import import_sample

    path = folder / "sample.fangtan"
    project = Project.open(path)
    import_sample(project)
    project.close()
    return path


def one_start(
    project: Path, environment: dict[str, str]
) -> tuple[float | None, float, float | None]:
    started = time.time()
    result = subprocess.run(
        [sys.executable, "-c", CHILD, str(project)],
        capture_output=True,
        text=True,
        env=environment,
        timeout=60,
    )
    lines = [line.split() for line in result.stdout.splitlines()]
    moments = {line[0]: line[1] for line in lines if len(line) == 2 and line[0] in MOMENTS}
    if result.returncode != 0 or "SHOWN" not in moments:
        raise SystemExit(f"start failed: {result.stderr.strip()[-500:]}")
    first = float(moments["FIRST"]) - started if "FIRST" in moments else None
    longest = float(moments["LONGEST"]) if "LONGEST" in moments else None
    return first, float(moments["SHOWN"]) - started, longest


def report_starts(runs: list[tuple[float | None, float, float | None]]) -> None:
    firsts = [first for first, _window, _longest in runs if first is not None]
    if firsts:
        report("first screen shown", firsts)
        longest = [value for _first, _window, value in runs if value is not None]
        report("longest wait for an event on it while the rest loads", longest)
    report("window open on the project", [window for _first, window, _longest in runs])


def report(what: str, times: list[float]) -> None:
    print(f"  {what}:")
    print("    runs:   " + "  ".join(f"{value * 1000:.0f} ms" for value in times))
    print(f"    median: {statistics.median(times) * 1000:.0f} ms, max {max(times) * 1000:.0f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    arguments = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="fangtan-startup-"))
    try:
        environment = dict(os.environ)
        environment.setdefault("QT_QPA_PLATFORM", "offscreen")
        environment["XDG_CONFIG_HOME"] = str(folder / "config")
        environment["XDG_CACHE_HOME"] = str(folder / "cache")
        project = sample_project(folder)
        one_start(project, environment)  # warms the file cache, keeps the first screen
        runs = [one_start(project, environment) for _ in range(arguments.runs)]
        print(f"platform: {environment['QT_QPA_PLATFORM']}, python {sys.version.split()[0]}")
        print("cold start of `fangtan gui PROJECT`, sample project:")
        report_starts(runs)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
