"""Import speed: 100, 1,000 and 5,000 interview files (about 10 KB of Chinese each).

For each size it prints the wall time and throughput of `import_paths` into a new
project. It then imports 1,000 files through the window's background task while
timing the window's event loop: the longest gap between ticks of a 10 ms timer
shows whether the window stays responsive. Run with:

    .venv/bin/python benchmarks/import.py [--sizes 100 1000 5000]
"""

import argparse
import os
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

SENTENCES = [
    "今年,我们将以深入贯彻落实党的二十大精神为主线,聚焦实体经济发展创新突破。",
    "大力推进氢能产业园区建设,推动总投资30亿元的汽车制造项目投产运营。",
    "高标准建设安置区和农民经济适用房,实现三个村庄年内回迁。",
    "持续推进智慧城市建设,打造具有地方特色的智能化场景应用。",
    "办好人民满意教育,完善医疗基础设施建设,提升群众获得感。",
    "加强基层党组织建设,持续提升凝聚力和战斗力。",
]
NAMES = ["王信卿", "刘在军", "张伟", "李娜", "陈明", "赵刚", "孙丽", "周平"]
PLACES = ["泊里镇", "薛家岛街道", "灵山卫街道", "隐珠街道", "长江路街道", "辛安街道"]


def interview(rng: random.Random, number: int, size: int) -> str:
    name = rng.choice(NAMES)
    place = rng.choice(PLACES)
    parts = [
        f"第{number}篇 {place}访谈\n",
        f"——访{place}党委书记{name}\n",
        "□本报记者 丁霞\n",
    ]
    length = sum(map(len, parts))
    while length < size:
        question = "记者:" + rng.choice(SENTENCES).replace("。", "?") + "\n"
        answer = name + ":" + "".join(rng.choice(SENTENCES) for _ in range(6)) + "\n"
        parts += [question, answer]
        length += len(question) + len(answer)
    return "\n".join(parts)


def make_files(folder: Path, count: int, characters: int) -> int:
    rng = random.Random(count)
    total = 0
    for number in range(count):
        data = interview(rng, number, characters).encode("utf-8")
        (folder / f"访谈 {number:05d}.txt").write_bytes(data)
        total += len(data)
    return total


def headless(sizes: list[int]) -> None:
    from app.importing.importer import import_paths
    from app.project import Project

    print("import_paths into a new project (one transaction per file):")
    for count in sizes:
        folder = Path(tempfile.mkdtemp(prefix="fangtan-import-"))
        try:
            sources = folder / "in"
            sources.mkdir()
            size = make_files(sources, count, 3_400)
            project = Project.open(folder / "p.fangtan")
            started = time.perf_counter()
            report = import_paths(project, [sources])
            elapsed = time.perf_counter() - started
            project.close()
            assert len(report.imported) == count and report.ok
            print(
                f"  {count:>5} files, {size / 1_048_576:5.1f} MB: {elapsed:6.2f} s"
                f"  ({count / elapsed:6.0f} files/s, {size / 1_048_576 / elapsed:4.1f} MB/s)"
            )
        finally:
            shutil.rmtree(folder, ignore_errors=True)


def in_window(count: int) -> None:
    from PySide6.QtCore import QElapsedTimer, QTimer
    from PySide6.QtWidgets import QApplication

    from app.project import Project
    from ui.dialogs.import_preview import ImportDialog
    from ui.main_window import MainWindow
    from ui.window.session import ProjectSession

    ImportDialog.exec = lambda _dialog: 1  # the preview: accept what was found, as a user would
    app = QApplication.instance() or QApplication(sys.argv[:1])
    folder = Path(tempfile.mkdtemp(prefix="fangtan-import-ui-"))
    try:
        sources = folder / "in"
        sources.mkdir()
        make_files(sources, count, 3_400)
        window = MainWindow(ProjectSession(Project.open(folder / "p.fangtan")))
        window.show()
        gaps: list[float] = []
        clock = QElapsedTimer()
        clock.start()
        last = [clock.elapsed()]

        def tick() -> None:
            now = clock.elapsed()
            gaps.append(now - last[0])
            last[0] = now

        timer = QTimer()
        timer.timeout.connect(tick)
        timer.start(10)
        started = time.perf_counter()
        window.transfers.import_paths([sources])
        while window.transfers.busy:
            app.processEvents()
        elapsed = time.perf_counter() - started
        timer.stop()
        gaps.sort()
        print(f"in the window, {count} files in the background: {elapsed:.2f} s;")
        print(
            f"  event loop gaps: median {gaps[len(gaps) // 2]:.0f} ms, "
            f"p99 {gaps[int(len(gaps) * 0.99)]:.0f} ms, max {gaps[-1]:.0f} ms (timer every 10 ms)"
        )
        window.session.close()
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 5000])
    parser.add_argument("--window-files", type=int, default=1000)
    arguments = parser.parse_args()
    headless(arguments.sizes)
    in_window(arguments.window_files)


if __name__ == "__main__":
    main()
