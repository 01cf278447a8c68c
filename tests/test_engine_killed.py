"""An engine killed mid-batch (SIGKILL: out of memory, a closed laptop) leaves no kernel running,
and running it again gives what a clean run gives: the same grades, one gradebook submission per
student, the submitted files untouched."""

from __future__ import annotations

import hashlib
import shutil
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

import pandas as pd
import psutil
import pytest
from conftest import grade_command, slow_answer, wait_until
from nbgrader.api import Gradebook

from ecomcourse.authoring.classroom import Classroom, fill_answers, solution_sources

pytestmark = pytest.mark.slow
CHAPTER = "ch04_data_analysis"
# the sleepy answer keeps a kernel busy well past the moment the first notebook is autograded (about
# 6 s on an idle machine, several times that on a loaded one), when the run is killed; the rerun and the
# clean run each wait it out once
SLEEPY_SECONDS = 40


def family(run: subprocess.Popen) -> list[psutil.Process]:
    """Every process the run started, its workers and their sandboxed kernels."""
    try:
        return psutil.Process(run.pid).children(recursive=True)
    except psutil.NoSuchProcess:
        return []


def alive(processes: list[psutil.Process]) -> list[str]:
    """Command lines of those still running (an orphan keeps its pid and start time)."""
    found = []
    for process in processes:
        try:
            if process.is_running() and process.status() != psutil.STATUS_ZOMBIE:
                found.append(" ".join(process.cmdline()))
        except psutil.NoSuchProcess:
            continue
    return found


def start_grading(course: Classroom, out: Path) -> subprocess.Popen:
    return subprocess.Popen(grade_command(course, CHAPTER, out), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def submissions_in_gradebook(course: Classroom) -> list[str]:
    with Gradebook(f"sqlite:///{course.root / 'grader' / 'gradebook.db'}") as gb:
        return sorted(s.student.id for s in gb.assignment_submissions(CHAPTER))


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads processes from /proc (Linux)")
def test_a_killed_run_leaves_no_kernel_and_a_rerun_grades_as_a_clean_one(tmp_path):
    course = Classroom(tmp_path / "killed", (CHAPTER,), ("zh",))
    answers = solution_sources(CHAPTER)
    blank = course.student_notebook(CHAPTER)
    course.hand_in("solved", CHAPTER, fill_answers(blank, answers))
    course.hand_in("blank", CHAPTER, blank)
    course.hand_in("sleepy", CHAPTER, fill_answers(blank, slow_answer(CHAPTER, "margins", SLEEPY_SECONDS)))
    clean = Classroom(tmp_path / "clean", (CHAPTER,), ("zh",))
    shutil.copytree(course.root / "grader" / "submitted", clean.root / "grader" / "submitted")
    submitted = sorted((course.root / "grader" / "submitted").rglob("*.ipynb"))
    before = [hashlib.sha256(p.read_bytes()).hexdigest() for p in submitted]

    out = course.root / "results.csv"
    run = start_grading(course, out)
    autograded = course.root / "grader" / "autograded"
    started: list[psutil.Process] = []

    def kernel_busy() -> bool:
        started.extend(p for p in family(run) if p not in started)
        return any("ipykernel" in line for line in alive(started)) and any(autograded.rglob("*.ipynb"))

    busy = wait_until(lambda: run.poll() is not None or kernel_busy(), 150)
    exited = run.poll()  # a run that ended by itself (it failed, or graded everything) was not killed mid-run
    run.send_signal(signal.SIGKILL)
    run.wait(10)
    assert busy and exited is None, f"the killed run was grading when it was killed (exit code {exited})"
    assert wait_until(lambda: not alive(started), 20), alive(started)

    rerun = start_grading(course, out)
    reference = start_grading(clean, clean.root / "results.csv")  # at the same time
    assert (rerun.wait(400), reference.wait(400)) == (0, 0)
    scores = [pd.read_csv(path, encoding="utf-8-sig").set_index(["student_id", "grade_id"])["score"].sort_index()
              for path in (out, clean.root / "results.csv")]
    assert scores[0].to_dict() == scores[1].to_dict()
    assert scores[0].groupby("student_id").sum().to_dict() == {"blank": 0, "sleepy": 27, "solved": 27}
    assert submissions_in_gradebook(course) == ["blank", "sleepy", "solved"]
    assert [hashlib.sha256(p.read_bytes()).hexdigest() for p in submitted] == before
    assert not alive(started)
    folders = [*Path("/dev/shm").glob("ecomcourse-jobs-*/job-*"),
               *Path(tempfile.gettempdir()).glob("ecomcourse-jobs-*/job-*")]
    left = [f for f in folders if any(f.name.startswith(f"job-{p.pid}-") for p in started)]
    assert left == [], "the rerun removed the job folders the killed run's workers left"
