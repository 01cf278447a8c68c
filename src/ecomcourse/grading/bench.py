"""``make bench``: the same class graded by serial plain ``nbgrader autograde``, by the engine with
one worker and with every core, against the execution floor (the notebooks run by nbclient, one
after another, with no grading). Prints a table and writes JSON."""

from __future__ import annotations

import contextlib
import json
import os
import platform
import shutil
import statistics
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import nbformat
from nbclient import NotebookClient

from .. import paths
from ..authoring.classroom import Classroom, fill_answers, solution_sources
from ..chapters import chapter_ids
from . import red_team
from .demo import CHAPTER, build_class
from .engine import grade, state_path
from .sandbox import choose_sandbox
from .settings import overrides

if TYPE_CHECKING:
    import psutil

TARGET_SPEEDUP = 2.0  # engine on every core vs serial plain nbgrader, on 2 cores
TARGET_OVERHEAD = 0.12  # engine on every core vs the execution floor per core
TARGET_TRUSTED_COST = 0.10  # a notebook's run with the trusted checks vs without
HUB_STUDENTS = 30
HUB_ROOT = Path("/tmp/ecomcourse-bench-hub")  # reachable by the class's accounts; its environment is reused


def _timed(action) -> tuple[float, object]:  # noqa: ANN001
    started = time.perf_counter()
    result = action()
    return time.perf_counter() - started, result


def _run_seconds(path: Path, graded: bool = True) -> float:
    """Seconds nbclient takes to run one notebook, as nbgrader runs it (``NBGRADER_EXECUTION`` set)
    or as a student does, with no grading."""
    previous = os.environ.pop("NBGRADER_EXECUTION", None)
    if graded:
        os.environ["NBGRADER_EXECUTION"] = "autograde"
    try:
        started = time.perf_counter()
        nb = nbformat.read(path, as_version=4)
        NotebookClient(nb, timeout=120, kernel_name="python3", allow_errors=True,
                       resources={"metadata": {"path": str(path.parent)}}).execute()
        return time.perf_counter() - started
    finally:
        os.environ.pop("NBGRADER_EXECUTION", None)
        if previous is not None:
            os.environ["NBGRADER_EXECUTION"] = previous


def execution_floor(notebooks: list[Path]) -> list[float]:
    """Seconds nbclient takes to run each notebook as graded, one after another, with no grading."""
    return [_run_seconds(path) for path in notebooks]


def chapter_floors(runs: int = 3) -> dict[str, dict[str, float]]:
    """Per chapter, the median seconds its solved master takes as graded and as a student runs it."""
    return {chapter: {mode: round(statistics.median(_run_seconds(paths.master_notebook(chapter), mode == "graded")
                                                    for _ in range(runs)), 2)
                      for mode in ("graded", "student")}
            for chapter in chapter_ids()}


def whole_notebook_schedule(durations: list[float], cores: int) -> float:
    """The longest-first schedule of these runs on ``cores`` workers: a notebook cannot be split,
    so 13 equal notebooks on 2 cores take 7 runs, not 6.5."""
    loads = [0.0] * cores
    for seconds in sorted(durations, reverse=True):
        loads[loads.index(min(loads))] += seconds
    return max(loads)


def trusted_cost(workspace: Path, copies: int = 4) -> dict[str, dict[str, float]]:
    """Per chapter, ``copies`` solved notebooks graded by one worker with and without the trusted
    checks: the median seconds a notebook takes each way, and what the checks add."""
    chapters = tuple(chapter_ids())
    course = Classroom(workspace / "trusted", chapters, ("zh",))
    for chapter in chapters:
        solved = fill_answers(course.student_notebook(chapter), solution_sources(chapter))
        for copy in range(copies):
            course.hand_in(f"solved-{copy}", chapter, solved)
    costs = {}
    for chapter in chapters:
        out = workspace / "trusted" / f"{chapter}.csv"
        seconds = {}
        for trusted in (True, False):
            grade([chapter], paths.submitted_folder(course.root), out, course.root / "grader",
                  overrides(workers=1, trusted_checks=trusted), progress=False, say=lambda _msg: None)
            state = json.loads(state_path(out).read_text(encoding="utf-8"))
            seconds[trusted] = statistics.median(s["seconds"]["notebook"] for s in state["submissions"].values())
        costs[chapter] = {"with": seconds[True], "without": seconds[False],
                          "cost": round(seconds[True] / seconds[False] - 1, 3)}
    return costs


class PeakMemory:
    """The highest resident memory, in MB, of a process tree sampled while open: the process
    ``root()`` gives (this one by default) and every process below it."""

    def __init__(self, root: Callable[[], psutil.Process | None] | None = None, every: float = 0.2) -> None:
        self.root, self.every, self.peak_mb, self._stop = root, every, 0.0, threading.Event()

    def __enter__(self) -> PeakMemory:
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _sample(self) -> None:
        import psutil  # the hub's extra, which `make venv` installs

        while not self._stop.wait(self.every):
            root = self.root() if self.root else psutil.Process()
            if root is None:
                continue
            total = 0
            for process in [root, *root.children(recursive=True)]:
                with contextlib.suppress(psutil.Error):
                    total += process.memory_info().rss
            self.peak_mb = max(self.peak_mb, total / 2**20)


def hostile_class(workspace: Path, genuine: int = 6) -> dict[str, dict[str, float]]:
    """The same genuine students graded alone and beside the red team's class: the batch's time and
    peak memory (every process of the engine, its workers and their kernels), and whether the
    genuine students kept their grades."""
    course = Classroom(workspace / "red-team", (CHAPTER,), ("zh",))
    blank = course.student_notebook(CHAPTER)
    solved = fill_answers(blank, solution_sources(CHAPTER))
    for student in range(genuine):
        course.hand_in(f"genuine-{student}", CHAPTER, solved)
    results = {}
    for label in ("genuine only", "with the red team"):
        if label != "genuine only":
            sentinel = workspace / "red-team" / "sentinel.txt"
            for name, source in red_team.attacks(str(paths.ROOT), CHAPTER, [str(paths.ROOT)], str(sentinel)).items():
                course.hand_in(name, CHAPTER, red_team.attack_notebook(blank, CHAPTER, source))
        with PeakMemory() as memory:
            seconds, run = _timed(lambda: grade([CHAPTER], paths.submitted_folder(course.root),
                                                workspace / "red-team.csv", course.root / "grader", overrides(),
                                                progress=False, say=lambda _msg: None))
        scores = run.rows[run.rows["student_id"].str.startswith("genuine")].groupby("student_id")["score"].sum()
        results[label] = {"submissions": int(run.rows["student_id"].nunique()), "seconds": round(seconds, 1),
                          "peak_mb": round(memory.peak_mb), "genuine_full_marks": bool((scores == 27).all())}
    return results


def _hub_bench() -> dict:
    """Grading on submit in a class on JupyterHub (needs root: it creates the class's accounts)."""
    if os.geteuid() != 0:
        print("\nclass on JupyterHub: skipped (needs root, to create the class's accounts)")
        return {"skipped": "needs root"}
    from ..hub import bench as hub_bench
    from ..hub.server import free_port

    print(f"\nclass on JupyterHub: {HUB_STUDENTS} students, {hub_bench.CHAPTER} (about 4 minutes)")
    result = hub_bench.run(HUB_ROOT, free_port(), HUB_STUDENTS)
    print(f"{'submit → feedback fetched, one submission (p50 of ' + str(hub_bench.SINGLE_RUNS) + ')':44} "
          f"{result['single_submission_p50']:8.1f} s  (goal ≤ 60 s)")
    print(f"{f'burst of {HUB_STUDENTS}: until the last feedback':44} {result['burst_last_feedback_seconds']:8.1f} s")
    print(f"{'grading service, peak memory in the burst':44} {result['service_peak_mb']:8.0f} MB")
    return result


def run_bench(workspace: Path, size: int, out: Path) -> dict:
    cores = os.cpu_count() or 1
    course, _ = build_class(workspace, CHAPTER, size)
    submitted = paths.submitted_folder(course.root)
    for path in sorted(submitted.glob(f"*/{CHAPTER}/{CHAPTER}.ipynb")):
        text = path.read_text(encoding="utf-8")
        if path.stat().st_size < 100 or "while True" in text or "bytearray(8" in text:
            shutil.rmtree(path.parents[1])  # broken, looping and hogging notebooks are demo props, not throughput
    runnable = sorted(submitted.glob(f"*/{CHAPTER}/{CHAPTER}.ipynb"))
    n = len(runnable)
    print(f"benchmark: {n} submissions of {CHAPTER}, {cores} cores, sandbox {choose_sandbox().mode}")
    t_nbgrader, _ = _timed(lambda: course.autograde(CHAPTER))
    plain = course.scores(CHAPTER).set_index(["student_id", "grade_id"])["score"].to_dict()
    results = {}
    for label, workers in (("engine, 1 worker", 1), (f"engine, {cores} workers", cores)):
        seconds, run = _timed(lambda w=workers: grade([CHAPTER], submitted, workspace / f"bench-{w}.csv",
                                                      course.root / "grader", overrides(workers=w),
                                                      progress=False, say=lambda _msg: None))
        same = run.rows.set_index(["student_id", "grade_id"])["score"].to_dict() == plain
        results[label] = (seconds, same)
    durations = execution_floor(runnable)
    t_floor, t_schedule = sum(durations), whole_notebook_schedule(durations, cores)
    rows = [("plain nbgrader autograde (serial)", t_nbgrader, True)] + \
           [(label, seconds, same) for label, (seconds, same) in results.items()] + \
           [("execution floor (nbclient, serial)", t_floor, None),
            (f"execution floor per core (÷{cores})", t_floor / cores, None),
            (f"execution floor, whole notebooks on {cores} cores", t_schedule, None)]
    fastest = results[f"engine, {cores} workers"][0]
    summary = {
        "machine": {"cores": cores, "python": platform.python_version(), "platform": platform.platform()},
        "submissions": n,
        "rows": [{"run": r, "seconds": round(s, 2), "per_notebook": round(s / n, 2), "same_grades": same}
                 for r, s, same in rows],
        "speedup_vs_nbgrader": round(t_nbgrader / fastest, 2),
        "overhead_vs_floor_per_core": round(fastest / (t_floor / cores) - 1, 3),
        "overhead_vs_whole_notebook_schedule": round(fastest / t_schedule - 1, 3),
        "targets": {"speedup_vs_nbgrader": f">= {TARGET_SPEEDUP}",
                    "overhead_vs_floor_per_core": f"<= {TARGET_OVERHEAD}"},
    }
    print(f"\n{'run':44} {'seconds':>8} {'s/notebook':>11} {'same grades':>12}")
    for r, s, same in rows:
        print(f"{r:44} {s:8.1f} {s / n:11.2f} {'' if same is None else ('yes' if same else 'NO'):>12}")
    print(f"\nspeed-up over plain nbgrader: {summary['speedup_vs_nbgrader']}× (target ≥ {TARGET_SPEEDUP}× on 2 cores)")
    print(f"above the execution floor per core: {summary['overhead_vs_floor_per_core']:+.0%} "
          f"(target ≤ +{TARGET_OVERHEAD:.0%}); above the best schedule of whole notebooks: "
          f"{summary['overhead_vs_whole_notebook_schedule']:+.0%}")
    summary["chapter_floor_seconds"] = floors = chapter_floors()
    print(f"\n{'execution floor of the solved master':44} {'graded':>8} {'as a student':>13}")
    for chapter, seconds in floors.items():
        print(f"{chapter:44} {seconds['graded']:8.2f} {seconds['student']:13.2f}")
    summary["trusted_checks"] = costs = trusted_cost(workspace)
    print(f"\n{'trusted checks: s per solved notebook':44} {'with':>8} {'without':>8} {'cost':>7}")
    for chapter, cost in costs.items():
        print(f"{chapter:44} {cost['with']:8.2f} {cost['without']:8.2f} {cost['cost']:+7.0%}")
    summary["targets"]["trusted_checks_cost"] = f"<= {TARGET_TRUSTED_COST}"
    summary["hostile_class"] = hostile = hostile_class(workspace)
    print(f"\n{'a class beside the red team (ch04)':44} {'notebooks':>9} {'seconds':>8} {'peak MB':>8} "
          f"{'genuine 27':>11}")
    for label, row in hostile.items():
        print(f"{label:44} {row['submissions']:9d} {row['seconds']:8.1f} {row['peak_mb']:8d} "
              f"{'yes' if row['genuine_full_marks'] else 'NO':>11}")
    summary["hub"] = _hub_bench()
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(summary, indent=1), encoding="utf-8")
    print(f"wrote {out}")
    return summary
