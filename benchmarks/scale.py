"""Start the window on a big project: 1,000 interviews, ~10 MB of text, 200,000 annotations,
and one 2 MB interview carrying 5,000 more.

Builds the project once (bulk inserts, as benchmarks/export.py does), then, each in a
fresh Python process:

- cold start of ``fangtan gui PROJECT``: to its first screen (benchmarks/startup.py says
  what that is) and to the window open on the project, each shown with its first events
  processed (median of several runs);
- the same start taken apart step by step (imports, opening the project file, building
  the window, showing it), with the process's resident memory after each step;
- resident memory and its peak once the window's background work has finished (word
  segmenter loaded, search index built, suggestions worked out), after opening 20
  interviews, with the 2 MB interview shown, after switching away from it and back three
  times, and after a minute more of background work.

Prints the figures; asserts nothing. Memory comes from /proc (Linux). Run with:

    .venv/bin/python benchmarks/scale.py [--runs 5] [--documents 1000] [--annotations 200000]

With ``--alone``, the same on the 2 MB interview beside the two sample interviews.
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from export import build
from large_document import add_large_interview
from startup import one_start, report_starts

from app.project import Project
from app.workspace import import_sample

STEPS = """
import json, sys, time
from pathlib import Path

def rss(field="VmRSS:"):
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field):
            return int(line.split()[1]) / 1024
    return 0.0

figures = {}
started = time.perf_counter()
def mark(name):
    global started
    now = time.perf_counter()
    figures[name] = {"ms": (now - started) * 1000, "rss_mb": rss(), "peak_mb": rss("VmHWM:")}
    started = now

mark("python itself")
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from app.project import Project
from ui.main_window import MainWindow
from ui.window.session import ProjectSession
mark("imports (PySide6, SQLAlchemy, app, ui)")
app = QApplication(sys.argv[:1])
mark("QApplication")
project = Project.open(Path(sys.argv[1]), create=False, annotator="bench")
mark("open project file")
window = MainWindow(ProjectSession(project))
mark("build window (document list, first interview, codebook)")
window.show()
app.processEvents()
mark("show and first paint")

def settle(seconds):
    QTest.qWait(seconds * 1000)  # timers that start background work fire meanwhile
    window.runner.wait()
    app.processEvents()

settle(8)
mark("8 s later: background work done (segmenter, search index, model, suggestions)")
ids = [d.id for d in project.documents()[:20]]
for document_id in ids:
    window.document_list.select_document(document_id)
    window.text_view.viewport().repaint()
mark("open 20 interviews one after another")
settle(3)
mark("3 s later: their suggestions")
large = next(d.id for d in project.documents() if d.title == "长篇访谈")
window.document_list.select_document(large)
while not window.text_view.fully_painted:
    app.processEvents()
mark("open the 2 MB interview, every highlight painted")
settle(5)
mark("5 s later: its suggestions (2 MB interview shown)")
for _ in range(3):
    window.document_list.select_document(ids[0])
    settle(2)
    window.document_list.select_document(large)
    while not window.text_view.fully_painted:
        app.processEvents()
    settle(2)
mark("away from the 2 MB interview and back, three times")
settle(60)
mark("a minute of background work later")
print("FIGURES " + json.dumps(figures), flush=True)
window.session.close()
"""


def steps(project: Path, environment: dict[str, str]) -> str:
    """Run the step-by-step start in a fresh process; what it printed."""
    result = subprocess.run(
        [sys.executable, "-c", STEPS, str(project)],
        capture_output=True,
        text=True,
        env=environment,
        timeout=600,
    )
    if result.returncode != 0:
        raise SystemExit(f"run failed: {result.stderr.strip()[-800:]}")
    return result.stdout


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--documents", type=int, default=1000)
    parser.add_argument("--annotations", type=int, default=200_000)
    parser.add_argument("--megabytes", type=float, default=10.0)
    parser.add_argument(
        "--alone",
        action="store_true",
        help="the 2 MB interview beside the sample interviews instead of the big project",
    )
    arguments = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="fangtan-scale-"))
    try:
        environment = dict(os.environ)
        environment.setdefault("QT_QPA_PLATFORM", "offscreen")
        environment["XDG_CONFIG_HOME"] = str(folder / "config")
        environment["XDG_DATA_HOME"] = str(folder / "data")
        environment["XDG_CACHE_HOME"] = str(folder / "cache")
        project = folder / "big.fangtan"
        started = time.perf_counter()
        if not arguments.alone:
            build(project, arguments.documents, arguments.annotations, arguments.megabytes)
        opened = Project.open(project, annotator="bench")
        try:
            if arguments.alone:
                import_sample(opened)
            add_large_interview(opened, 700_000, 5_000)
            documents = len(opened.documents())
        finally:
            opened.close()
        size = project.stat().st_size / 1_048_576
        print(
            f"project: {documents:,} interviews, file {size:.0f} MB "
            f"(built in {time.perf_counter() - started:.0f} s)"
        )
        one_start(project, environment)  # warms the file cache, keeps the first screen
        runs = [one_start(project, environment) for _ in range(arguments.runs)]
        print("cold start of `fangtan gui PROJECT`:")
        report_starts(runs)
        output = steps(project, environment)
        line = next(x for x in output.splitlines() if x.startswith("FIGURES "))
        print("step by step (time; resident memory after the step, and its peak so far):")
        for name, figure in json.loads(line.removeprefix("FIGURES ")).items():
            memory = f"{figure['rss_mb']:5.0f} MB  peak {figure['peak_mb']:5.0f} MB"
            print(f"  {figure['ms']:7.0f} ms  {memory}  {name}")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
