"""The class benchmarks: the same class graded by serial plain ``nbgrader autograde`` and by the
engine, against the execution floor (the notebooks run by nbclient, one after another, with no
grading); what the trusted checks cost; a class beside the red team."""

from __future__ import annotations

import json
import os
import shutil
import statistics
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

from .. import paths
from ..authoring.classroom import Classroom, fill_answers, solution_sources
from ..chapters import chapter_ids
from ..grading import red_team
from ..grading.demo import CHAPTER, build_class
from ..grading.engine import grade, state_path
from ..grading.settings import overrides
from .memory import PeakMemory


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




def class_grading(workspace: Path, size: int) -> dict:
    """The demo class of ``size`` without its props (broken, looping and hogging notebooks):
    serial plain nbgrader, plain nbgrader on one notebook, the engine with one worker and with
    every core, and the execution floor; grades compared with plain nbgrader's."""
    cores = os.cpu_count() or 1
    course, _ = build_class(workspace, CHAPTER, size)
    submitted = paths.submitted_folder(course.root)
    for path in sorted(submitted.glob(f"*/{CHAPTER}/{CHAPTER}.ipynb")):
        text = path.read_text(encoding="utf-8")
        if path.stat().st_size < 100 or "while True" in text or "bytearray(8" in text:
            shutil.rmtree(path.parents[1])
    runnable = sorted(submitted.glob(f"*/{CHAPTER}/{CHAPTER}.ipynb"))
    one = runnable[0].parents[1].name
    t_single = statistics.median(_timed(lambda: course.nbgrader("autograde", CHAPTER, "--student", one, "--force",
                                                                check=False))[0] for _ in range(3))
    t_nbgrader, _ = _timed(lambda: course.autograde(CHAPTER))
    plain = course.scores(CHAPTER).set_index(["student_id", "grade_id"])["score"].to_dict()
    runs = {}
    for workers in (1, cores):
        seconds, run = _timed(lambda w=workers: grade([CHAPTER], submitted, workspace / f"bench-{w}.csv",
                                                      course.root / "grader", overrides(workers=w),
                                                      progress=False, say=lambda _msg: None))
        same = run.rows.set_index(["student_id", "grade_id"])["score"].to_dict() == plain
        state = json.loads(state_path(workspace / f"bench-{workers}.csv").read_text(encoding="utf-8"))
        runs[workers] = {"seconds": seconds, "same_grades": same,
                         "notebook_seconds": [s["seconds"] for s in state["submissions"].values()]}
    durations = execution_floor(runnable)
    return {"cores": cores, "submissions": len(runnable), "plain_serial": t_nbgrader, "plain_one_notebook": t_single,
            "engine": runs, "floor": durations}
