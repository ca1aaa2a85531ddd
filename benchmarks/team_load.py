"""A team at work on one server project: ten annotators at once, optionally through a crash.

Starts a throwaway PostgreSQL cluster on 127.0.0.1 (tests/support/postgres.py) and sets up a
server project: 20 interviews, one account per annotator (ann01, ann02, ...). One process per
annotator logs in as its role and, for ``--seconds``, tags random passages, sometimes deletes
one of its own annotations or edits one's note. An action whose ``History.do`` returned is
acknowledged: its journal keeps what it leaves behind, and its commit latency is kept.
``--kill-at SECONDS`` stops the server as a crash would (``pg_ctl stop -m immediate``) and
starts it 3 s later; a failed action is checked once the server answers again: failed before
its commit (refused: it must have left nothing), or during it (in doubt: either way).

Prints actions per second, commit latencies, what failed and how it resolved; checks against
the database, read as the admin, that no acknowledged action is lost or doubled and that each
annotator sees what the admin sees (converged). The cluster runs with fsync=off: commits reach
the operating system, which an immediate stop keeps (a power cut would not). Asserts nothing.

    .venv/bin/python benchmarks/team_load.py [--seconds 60] [--workers 10] [--kill-at 20]
"""

import argparse
import json
import multiprocessing
import random
import shutil
import sys
import tempfile
import time
import traceback
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, event

from app.dto import AnnotationInfo
from app.editing.commands import (
    AnnotationSpec,
    Command,
    CreateAnnotations,
    DeleteAnnotations,
    SetNote,
)
from app.editing.history import History
from app.errors import FangtanError
from app.importing.importer import import_text
from app.project import Project
from app.server.admin import add_user, init_server
from models.server import ServerAddress

ROOT = Path(__file__).resolve().parents[1]
OURS = (str(ROOT / "app"), str(ROOT / "models"))
sys.path.insert(0, str(ROOT))  # the tests' throwaway cluster

RESTART_AFTER = 3.0  # seconds the server stays down after --kill-at
RETRY_PAUSE = 0.1  # seconds between attempts while the server does not answer
SETTLE_LIMIT = 120.0  # seconds after the run to learn what the last failed action did
SETUP_LIMIT = 300.0  # seconds to wait for every worker to be ready, or done

PEOPLE = ("周主任", "李书记", "王站长", "陈老师", "赵经理", "孙大姐", "刘会长", "吴医生")
SUBJECTS = ("社区食堂", "养老驿站", "夜市", "老旧小区改造", "乡村图书室", "托育中心", "菜市场")
QUESTIONS = (
    "这件事最早是怎么开始的？",
    "当时遇到的最大困难是什么？",
    "居民们一开始是什么态度？",
    "经费从哪里来？",
    "有没有让您印象特别深的一件事？",
    "年轻人参与得多吗？",
    "政府部门给了哪些支持？",
    "下一步有什么打算？",
)
ANSWERS = (
    "刚开始的时候大家心里都没底，我们就挨家挨户去敲门，一户一户地问需求。",
    "最难的是找场地，街道腾出了一间旧仓库，我们自己动手刷墙、铺地面。",
    "有位八十多岁的老人每天第一个来，说这里比家里热闹。",
    "经费一部分来自街道的专项补贴，一部分靠辖区企业捐助，还有一小部分是居民自己凑的。",
    "年轻人主要在周末参与，帮老人用手机挂号、交水电费。",
    "我们每个月开一次居民议事会，大事小事都摆到桌面上商量，账目每个季度公示一次。",
    "说实话，人手一直不够，很多事情都是靠几个老党员撑着。",
    "有段时间物价涨得厉害，菜价翻了一倍，我们差点坚持不下去。",
    "后来跟附近的农场签了协议，蔬菜直接从地里送过来，成本降了不少。",
    "最让我感动的是，很多受过帮助的居民后来都成了志愿者。",
    "我们也走过弯路，一开始搞得太大太全，后来才慢慢学会量力而行。",
    "区里的民政部门每年来检查两次，提了不少很实在的意见。",
)


def interview(rng: random.Random, number: int, characters: int) -> tuple[str, str]:
    """One question-and-answer interview of about ``characters`` characters, and its title."""
    person, subject = rng.choice(PEOPLE), rng.choice(SUBJECTS)
    title = f"第{number}号访谈：{subject}"
    lines = [f"标题：{title}"]
    while sum(map(len, lines)) < characters:
        lines.append("记者：" + rng.choice(QUESTIONS))
        lines.append(person + "：" + "".join(rng.sample(ANSWERS, rng.randint(2, 5))))
    return "\n".join(lines) + "\n", title


@dataclass
class Attempt:
    """One action of an annotator: what it asks for, and what it leaves when it happens."""

    kind: str  # "create", "delete" or "note"
    document: int
    tag: int
    start: int
    end: int
    id: int | None = None
    note: str = ""  # the note it sets (a create sets none)
    old_note: str = ""
    in_doubt: bool = False

    def command(self) -> Command:
        if self.kind == "create":
            spec = AnnotationSpec(self.document, self.tag, self.start, self.end)
            return CreateAnnotations((spec,))
        assert self.id is not None
        if self.kind == "delete":
            return DeleteAnnotations((self.id,))
        return SetNote(self.id, self.note)


def where(error: BaseException) -> str:
    """An error's type, the innermost line of Fangtan's own code it came through, its text."""
    ours = [f for f in traceback.extract_tb(error.__traceback__) if f.filename.startswith(OURS)]
    place = f"{Path(ours[-1].filename).relative_to(ROOT)}:{ours[-1].lineno}" if ours else "?"
    return f"{type(error).__name__} at {place}: {error}"[:300]


class Annotator:
    """One annotator's session: its own project, its own annotations, its journal."""

    def __init__(self, name: str, url: str, seed: int, folder: Path) -> None:
        self.name = name
        self.rng = random.Random(seed)
        self.project = Project.open(url, create=False)
        self.history = History(self.project)
        self.committing = False
        event.listen(self.project.engine, "commit", self._commit_started)
        self.documents = [
            (summary.id, len(self.project.document(summary.id).text))
            for summary in self.project.documents()
        ]
        self.tags = [tag.id for tag in self.project.tags()]
        self.own: dict[int, Attempt] = {}  # live annotations made by this annotator
        self.used: set[tuple[int, int, int, int]] = set()  # never the same span and tag twice
        self.failed: Attempt | None = None
        self.numbers = 0
        self.latencies: list[float] = []
        self.outcomes, self.errors = Counter[str](), Counter[str]()
        self.unexpected: list[str] = []
        self.journal = (folder / f"{name}.jsonl").open("w", encoding="utf-8")

    def _commit_started(self, _connection: Connection) -> None:
        self.committing = True

    def choose(self) -> Attempt:
        draw = self.rng.random()
        if self.own and draw >= 0.6:
            mine = self.own[self.rng.choice(tuple(self.own))]
            if draw < 0.8:
                return replace(mine, kind="delete")
            self.numbers += 1
            note = f"{self.name} 第{self.numbers}次备注：这段话说明了居民参与的方式。"
            return replace(mine, kind="note", note=note, old_note=mine.note)
        while True:
            document, length = self.rng.choice(self.documents)
            size = self.rng.randint(4, 40)
            start = self.rng.randrange(0, length - size)
            key = (document, self.rng.choice(self.tags), start, start + size)
            if key not in self.used:
                self.used.add(key)
                return Attempt("create", *key)

    def act(self) -> None:
        attempt = self.choose()
        self.committing = False
        started = time.perf_counter()
        try:
            changes = self.history.do(attempt.command(), f"{attempt.kind} ({self.name})")
        except Exception as error:
            self.errors[type(error).__name__] += 1
            ours = isinstance(error, FangtanError)
            if not ours:  # not meant to happen: kept for the report
                self.unexpected.append(where(error))
            attempt.in_doubt = self.committing or not ours
            self.failed = attempt
            return
        self.latencies.append((time.perf_counter() - started) * 1000)
        if attempt.kind == "create":
            (attempt.id,) = changes.added
        self.happened(attempt, "acknowledged")

    def happened(self, attempt: Attempt, how: str) -> None:
        """Record an action that took effect, with the state it leaves its annotation in."""
        assert attempt.id is not None
        if attempt.kind == "delete":
            del self.own[attempt.id]
        else:
            self.own[attempt.id] = replace(attempt, kind="create", in_doubt=False)
        self.outcomes[f"{how} {attempt.kind}"] += 1
        entry = {
            "t": time.monotonic(),
            "how": how,
            "action": attempt.kind,
            "id": attempt.id,
            "exists": attempt.kind != "delete",
            "note": attempt.note if attempt.kind != "delete" else None,
            "span": [attempt.document, attempt.tag, attempt.start, attempt.end],
        }
        self.journal.write(json.dumps(entry, ensure_ascii=False) + "\n")
        self.journal.flush()

    def settle(self) -> bool:
        """Find out whether the failed action happened; False while the server does not answer."""
        attempt = self.failed
        assert attempt is not None
        try:
            applied = self._applied(attempt)
        except Exception as error:
            if not isinstance(error, FangtanError):
                self.unexpected.append(where(error))
            return False
        self.failed = None
        label = "in doubt" if attempt.in_doubt else "refused"
        self.outcomes[f"{label}, {'applied' if applied else 'not applied'}"] += 1
        if applied:
            self.happened(attempt, label)
        return True

    def _applied(self, attempt: Attempt) -> bool:
        if attempt.kind == "create":
            found = [
                annotation.id
                for annotation in self.project.annotations(attempt.document)
                if annotation.annotator == self.name
                and (annotation.tag_id, annotation.start, annotation.end)
                == (attempt.tag, attempt.start, attempt.end)
            ]
            if len(found) > 1:
                self.unexpected.append(f"{attempt} is there {len(found)} times")
            if found:
                attempt.id = found[0]
            return bool(found)
        assert attempt.id is not None
        rows = self.project.annotations_by_id([attempt.id])
        if attempt.kind == "delete":
            return not rows
        note = rows[0].note if rows else None
        if note not in (attempt.note, attempt.old_note):
            self.unexpected.append(f"annotation {attempt.id} is gone or has another's note")
        return note == attempt.note

    def run(self, seconds: float) -> float:
        started = time.monotonic()
        while time.monotonic() < started + seconds:
            if self.failed is None:
                self.act()
            elif not self.settle():
                time.sleep(RETRY_PAUSE)
        ended = time.monotonic()
        while self.failed is not None and time.monotonic() < ended + SETTLE_LIMIT:
            if not self.settle():
                time.sleep(RETRY_PAUSE)
        self.journal.close()
        return ended - started


Row = tuple[int, int, int, int, int, str, str]


def rows(project: Project) -> list[Row]:
    """Every annotation of every document that ``project`` sees, in a comparable form."""
    found: list[AnnotationInfo] = []
    for document in project.documents():
        found += project.annotations(document.id)
    return sorted(
        (a.id, a.document_id, a.tag_id, a.start, a.end, a.note, a.annotator) for a in found
    )


def worker(
    name: str, url: str, seconds: float, seed: int, out: Path, ready: Any, done: Any
) -> None:
    """One annotator's process: its summary and its reading of the project go to ``out``."""
    summary: dict[str, Any] = {"name": name}
    try:
        annotator = Annotator(name, url, seed, out)
        ready.wait(SETUP_LIMIT)
        summary["seconds"] = annotator.run(seconds)
        summary.update(
            latencies=annotator.latencies,
            outcomes=annotator.outcomes,
            errors=annotator.errors,
            unexpected=annotator.unexpected,
            unsettled=annotator.failed is not None,
        )
        (out / f"{name}.json").write_text(json.dumps(summary, ensure_ascii=False))
        done.wait(SETUP_LIMIT)  # every annotator has finished writing
        (out / f"{name}.read.json").write_text(json.dumps(rows(annotator.project)))
        annotator.project.close()
    except KeyboardInterrupt:
        return
    except BaseException:
        summary["crash"] = traceback.format_exc()
        (out / f"{name}.json").write_text(json.dumps(summary, ensure_ascii=False))
        for barrier in (ready, done):
            barrier.abort()  # the others stop waiting for this one
        raise


def set_up(url: str, names: list[str], interviews: int, characters: int, seed: int) -> int:
    """The schema, the accounts and the interviews; returns the characters imported."""
    address = ServerAddress.parse(url)
    init_server(address)
    add_user(address, "lead", "lead")
    for name in names:
        add_user(address, name, "annotator")
    lead = Project.open(address.with_user("lead"), create=False)
    rng = random.Random(seed)
    texts = [interview(rng, number, characters) for number in range(1, interviews + 1)]
    try:
        for text, title in texts:
            import_text(lead, text, title)
    finally:
        lead.close()
    return sum(len(text) for text, _title in texts)


def percentile(values: list[float], share: float) -> float:
    return values[min(len(values) - 1, int(share * len(values)))] if values else 0.0


def check(folder: Path, names: list[str], admin: list[Row]) -> Counter[str]:
    """Compare what the journals say must be there with what the database holds."""
    stored = {row[0]: row for row in admin}
    final = {entry["id"]: entry for name in names for entry in journal(folder, name)}
    figures = Counter[str]()
    for number, entry in final.items():
        row = stored.get(number)
        figures["present" if entry["exists"] else "deleted"] += 1
        if not entry["exists"]:
            figures["lost"] += row is not None  # a deletion undone
        elif row is None:
            figures["lost"] += 1
        elif (list(row[1:5]), row[5], row[6]) != (entry["span"], entry["note"], entry["annotator"]):
            figures["lost"] += 1
            figures["wrong"] += 1
    workers = set(names)
    figures["extra"] = sum(1 for row in admin if row[6] in workers and row[0] not in final)
    spans = Counter((row[6], *row[1:5]) for row in admin if row[6] in workers)
    figures["doubled"] = sum(count - 1 for count in spans.values() if count > 1)
    return figures


def journal(folder: Path, name: str) -> list[dict[str, Any]]:
    lines = (folder / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) | {"annotator": name} for line in lines]


def recovered(folder: Path, summaries: list[dict[str, Any]], restarted: float) -> list[float]:
    """How long after the restart each annotator that went on had an action acknowledged."""
    after = []
    for summary in summaries:
        times = [e["t"] for e in journal(folder, summary["name"]) if e["how"] == "acknowledged"]
        first = min((t for t in times if t > restarted), default=None)
        if first is not None and not summary["unsettled"]:
            after.append(first - restarted)
    return after


def report(folder: Path, names: list[str], admin: list[Row], restarted: float | None) -> None:
    summaries = [json.loads((folder / f"{name}.json").read_text()) for name in names]
    crashed = " ".join(s["name"] for s in summaries if "crash" in s) or "none"
    summaries = [s for s in summaries if "crash" not in s]
    latencies = sorted(value for s in summaries for value in s["latencies"])
    seconds = max((s["seconds"] for s in summaries), default=1.0)
    outcomes: Counter[str] = sum((Counter(s["outcomes"]) for s in summaries), Counter())
    errors: Counter[str] = sum((Counter(s["errors"]) for s in summaries), Counter())
    kinds = ", ".join(f"{k.split()[1]} {v}" for k, v in sorted(outcomes.items()) if "ack" in k)
    rates = "  ".join(f"{s['name']} {len(s['latencies']) / s['seconds']:.1f}" for s in summaries)
    applied, missing = outcomes["in doubt, applied"], outcomes["in doubt, not applied"]
    refused = outcomes["refused, applied"] + outcomes["refused, not applied"]
    unsettled = [s["name"] for s in summaries if s["unsettled"]]
    unexpected = [f"  {s['name']}: {line}" for s in summaries for line in s["unexpected"]]
    figures = check(folder, [s["name"] for s in summaries], admin)
    readings = [folder / f"{s['name']}.read.json" for s in summaries]
    same = sum(
        p.exists() and list(map(tuple, json.loads(p.read_text()))) == admin for p in readings
    )
    lines = [
        f"acknowledged actions: {len(latencies)} in {seconds:.1f} s = "
        f"{len(latencies) / seconds:.1f}/s ({kinds})",
        f"  per annotator (/s): {rates}",
        f"commit latency (History.do): p50 {percentile(latencies, 0.5):.1f} ms, "
        f"p95 {percentile(latencies, 0.95):.1f} ms, max {percentile(latencies, 1.0):.1f} ms",
        "errors raised by actions: " + (", ".join(f"{k} {v}" for k, v in errors.items()) or "none"),
        f"refused (failed before their commit): {refused}, applied anyway: "
        f"{outcomes['refused, applied']}",
        f"in doubt (connection lost during their commit): {applied + missing}, resolved after "
        f"reconnecting: {applied} had been applied, {missing} had not; unresolved: "
        + (" ".join(unsettled) or "none"),
        f"unexpected errors (not FangtanError) or states: {len(unexpected)}",
        *unexpected[:10],
        f"lost: {figures['lost']} ({figures['present']} annotations expected with their last "
        f"note, {figures['deleted']} deleted ones expected gone; wrong span or note: "
        f"{figures['wrong']})",
        f"doubled: {figures['doubled']}; there without an action that made them: "
        f"{figures['extra']}; in the database: {len(admin)} annotations",
        f"converged: {same}/{len(names)}; crashed: {crashed}",
    ]
    if restarted is not None:
        after = recovered(folder, summaries, restarted)
        lines.append(
            f"recovered: {len(after)}/{len(names)} workers (each acknowledged an action "
            f"{max(after, default=0):.2f} s after the restart at the latest)"
        )
    print("\n".join(lines))


def crash(cluster: Any, begun: float, at: float) -> float:
    """Stop the server as a crash would at ``at`` seconds, start it 3 s later; when it was up."""
    time.sleep(max(0.0, begun + at - time.monotonic()))
    killed = time.monotonic()
    cluster.stop_immediate()
    time.sleep(RESTART_AFTER)
    cluster.start()
    restarted = time.monotonic()
    print(
        f"  server stopped (pg_ctl stop -m immediate) at {killed - begun:.1f} s, "
        f"accepting connections again at {restarted - begun:.1f} s"
    )
    return restarted


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--workers", type=int, default=10)
    parser.add_argument("--kill-at", type=float, default=None, metavar="SECONDS")
    parser.add_argument("--interviews", type=int, default=20)
    parser.add_argument("--characters", type=int, default=3000)
    parser.add_argument("--seed", type=int, default=1)
    arguments = parser.parse_args()
    from tests.support.postgres import Cluster

    names = [f"ann{number:02d}" for number in range(1, max(10, arguments.workers) + 1)]
    working = names[: arguments.workers]
    cluster = Cluster()
    folder = Path(tempfile.mkdtemp(prefix="fangtan-team-load-"))
    context = multiprocessing.get_context("spawn")
    processes: list[multiprocessing.process.BaseProcess] = []
    try:
        cluster.start()
        with cluster.database() as database:
            started = time.perf_counter()
            size = set_up(
                database.url, names, arguments.interviews, arguments.characters, arguments.seed
            )
            admin = Project.open(database.url, create=False)
            print(
                f"server: PostgreSQL {'.'.join(map(str, cluster.version()))} on 127.0.0.1, "
                "fsync=off (commits reach the operating system, which an immediate stop keeps)"
            )
            print(
                f"set up in {time.perf_counter() - started:.1f} s: {len(names)} annotator "
                f"accounts, {len(admin.documents())} interviews ({size:,} characters)"
            )
            ready, done = context.Barrier(len(working) + 1), context.Barrier(len(working) + 1)
            address = ServerAddress.parse(database.url)
            for number, name in enumerate(working):
                url = address.with_user(name).shown()
                seed = arguments.seed * 1000 + number
                job = (name, url, arguments.seconds, seed, folder, ready, done)
                processes.append(context.Process(target=worker, args=job, name=name))
                processes[-1].start()
            ready.wait(SETUP_LIMIT)
            begun = time.monotonic()
            print(f"{len(working)} annotators at work for {arguments.seconds:.0f} s")
            restarted = None
            if arguments.kill_at is not None:
                restarted = crash(cluster, begun, arguments.kill_at)
            done.wait(arguments.seconds + SETTLE_LIMIT + SETUP_LIMIT)
            admin_rows = rows(admin)
            admin.close()
            for child in processes:
                child.join(SETUP_LIMIT)
            report(folder, working, admin_rows, restarted)
    finally:
        for child in processes:
            if child.is_alive():
                child.terminate()
            child.join(10)
        cluster.close()
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
