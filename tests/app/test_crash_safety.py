"""Kill the program at random moments: the project stays sound and keeps every finished action.

A child process works on a project (through the services, or through the real
window) and logs each action once it has returned. The parent kills it with
SIGKILL after a random number of actions, then checks ``PRAGMA integrity_check``
and that the project holds exactly the logged actions — plus, possibly, the one
action that was in flight when the kill came.
"""

import os
import random
import sqlite3
import subprocess
import sys
from pathlib import Path

from app.project import Project
from app.workspace import import_sample

CHILD = Path(__file__).resolve().parents[1] / "support" / "crash_child.py"


def sample(path: Path) -> None:
    project = Project.open(path)
    import_sample(project)
    project.close()


def apply(state: dict, line: str) -> None:
    """Replay one logged action onto the expected state."""
    _, _, kind, *rest = line.split()
    if kind == "tag":
        state[rest[0]] = rest[0]
    elif kind == "note":
        state[rest[0]] = rest[1]
    elif kind == "untag" and len(rest) == 1:
        state.pop(rest[0], None)
    elif kind == "span":
        state[(int(rest[0]), int(rest[1]), rest[2])] = True
    elif kind == "untag":
        state.pop((int(rest[0]), int(rest[1]), rest[2]), None)


def stored(path: Path, window: bool) -> dict:
    connection = sqlite3.connect(path)
    try:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
        if window:
            rows = connection.execute(
                'SELECT a.start, a."end", t.shortcut FROM annotations a JOIN tags t ON t.id = a.tag_id'
            ).fetchall()
            return {(start, end, shortcut): True for start, end, shortcut in rows}
        rows = connection.execute("SELECT note FROM annotations WHERE note LIKE 'a%'").fetchall()
        return {note.split("|")[0]: note for (note,) in rows}
    finally:
        connection.close()


def torture(tmp_path: Path, kills: int, window: bool, seed: int) -> int:
    project = tmp_path / "p.fangtan"
    log_path = tmp_path / "actions.log"
    sample(project)
    rng = random.Random(seed)
    state: dict = {}
    read = 0
    finished = 0
    environment = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    for run in range(kills):
        arguments = [
            sys.executable,
            str(CHILD),
            str(project),
            str(log_path),
            str(seed * 1000 + run),
        ]
        child = subprocess.Popen(
            [*arguments, *(["--window"] if window else [])],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
            env=environment,
        )
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "ready"
        for _ in range(rng.randint(1, 12)):
            child.stdout.readline()
        child.kill()  # SIGKILL on POSIX, TerminateProcess on Windows: no chance to clean up
        child.wait()
        child.stdout.close()
        lines = log_path.read_text(encoding="utf-8").splitlines()[read:]
        read += len(lines)
        in_flight = None
        for line in lines:
            if line.startswith("done "):
                apply(state, line)
                finished += 1
                in_flight = None
            elif line.startswith("begin "):
                in_flight = line
        found = stored(project, window)
        if found != state:
            assert in_flight is not None, f"run {run}: a finished action is missing"
            apply(state, in_flight)  # the kill came after the commit but before the log
            assert found == state, f"run {run}: the project differs from the log"
    return finished


def test_killed_a_hundred_times_while_tagging_through_the_services(tmp_path):
    finished = torture(tmp_path, kills=100, window=False, seed=1)
    assert finished > 300  # the kills really came in the middle of work


def test_killed_ten_times_while_tagging_in_the_window(tmp_path):
    finished = torture(tmp_path, kills=10, window=True, seed=2)
    assert finished > 20


def test_two_programs_writing_at_once_lose_nothing(tmp_path):
    project = tmp_path / "p.fangtan"
    sample(project)
    environment = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    logs = [tmp_path / "one.log", tmp_path / "two.log"]
    children = [
        subprocess.Popen(
            [sys.executable, str(CHILD), str(project), str(log), str(seed), "--only-tag"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=environment,
        )
        for seed, log in enumerate(logs)
    ]
    for child in children:
        assert child.stdout is not None and child.stdout.readline().strip() == "ready"
    for _ in range(150):  # both write, interleaved, until each has finished 150 actions
        for child in children:
            assert child.stdout is not None and child.stdout.readline(), child.stderr.read()
    for child in children:
        child.kill()
        child.wait()
        assert child.stdout is not None and child.stderr is not None
        child.stdout.close()
        errors = child.stderr.read()
        child.stderr.close()
        assert "Error" not in errors, errors
    done = {
        line.split()[3]
        for log in logs
        for line in log.read_text(encoding="utf-8").splitlines()
        if line.startswith("done ")
    }
    found = set(stored(project, window=False))
    assert len(done) >= 300
    assert done <= found  # every finished action of either program is there
    assert len(found - done) <= 2  # at most the one in flight in each
