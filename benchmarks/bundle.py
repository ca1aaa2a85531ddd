"""The standalone folder: its size, what weighs most in it, and how long its executable
takes to start (``fangtan --version``, cold processes) beside the venv's. Build it first
with ``make bundle``. Prints the figures; asserts nothing. Run with:

    .venv/bin/python benchmarks/bundle.py [--runs 5] [--folder dist/fangtan]
"""

import argparse
import statistics
import subprocess
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def size_mb(path: Path) -> float:
    files = [path] if path.is_file() else [p for p in path.rglob("*") if p.is_file()]
    return sum(p.lstat().st_size for p in files) / 1_048_576


def start_times(command: list[str], runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True)
        times.append(time.perf_counter() - started)
    return times


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--folder", type=Path, default=ROOT / "dist" / "fangtan")
    options = parser.parse_args()
    folder = options.folder
    executable = folder / "fangtan"
    if not executable.exists():
        raise SystemExit(f"no bundle at {folder}: build it with `make bundle`")
    print(f"standalone folder: {size_mb(folder):.0f} MB")
    internal = folder / "_internal"
    parts = sorted(internal.iterdir() if internal.is_dir() else [], key=size_mb, reverse=True)
    for part in parts[:8]:
        print(f"  {part.name}: {size_mb(part):.1f} MB")
    for name, command in (
        ("bundle", [str(executable), "--version"]),
        ("venv", [str(ROOT / ".venv" / "bin" / "fangtan"), "--version"]),
    ):
        times = start_times(command, options.runs)
        print(
            f"{name} `fangtan --version`: median {statistics.median(times):.2f} s, "
            f"min {min(times):.2f} s, max {max(times):.2f} s (n={len(times)})"
        )


if __name__ == "__main__":
    main()
