"""Cold start to a shown window with the sample project: median of 5 new processes.

Each run starts a fresh Python process that opens the project through the same
entry point as `fangtan gui PROJECT` and reports when the window has been shown
and its first events (layout, paint) processed. Run with:

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
from pathlib import Path
from PySide6.QtWidgets import QApplication
from ui.launch import run

def shown():
    print(f"SHOWN {time.time():.6f}", flush=True)
    QApplication.instance().quit()

sys.exit(run(Path(sys.argv[1]), shown))
"""


def sample_project(folder: Path) -> Path:
    from app.project import Project
    from app.workspace import import_sample

    path = folder / "sample.fangtan"
    project = Project.open(path)
    import_sample(project)
    project.close()
    return path


def one_start(project: Path, environment: dict[str, str]) -> float:
    started = time.time()
    result = subprocess.run(
        [sys.executable, "-c", CHILD, str(project)],
        capture_output=True,
        text=True,
        env=environment,
        timeout=60,
    )
    line = next((x for x in result.stdout.splitlines() if x.startswith("SHOWN ")), None)
    if result.returncode != 0 or line is None:
        raise SystemExit(f"start failed: {result.stderr.strip()[-500:]}")
    return float(line.split()[1]) - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    arguments = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="fangtan-startup-"))
    try:
        environment = dict(os.environ)
        environment.setdefault("QT_QPA_PLATFORM", "offscreen")
        environment["XDG_CONFIG_HOME"] = str(folder / "config")
        project = sample_project(folder)
        one_start(project, environment)  # warm the OS file cache once; not counted
        times = [one_start(project, environment) for _ in range(arguments.runs)]
        print(f"platform: {environment['QT_QPA_PLATFORM']}, python {sys.version.split()[0]}")
        print("cold start to shown window, sample project:")
        print("  runs:   " + "  ".join(f"{value * 1000:.0f} ms" for value in times))
        print(f"  median: {statistics.median(times) * 1000:.0f} ms")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
