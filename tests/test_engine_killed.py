"""An engine killed mid-batch (SIGKILL: out of memory, a closed laptop) leaves no kernel running,
and running it again gives what a clean run gives: the same grades, one gradebook submission per
student, the submitted files untouched."""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import subprocess
import sys
import uuid
from pathlib import Path

import pandas as pd
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


def marked_processes(marker: str) -> list[str]:
    """Command lines of the processes whose environment carries ``marker``."""
    found = []
    for proc in Path("/proc").iterdir():
        try:
            if marker.encode() in (proc / "environ").read_bytes():
                found.append((proc / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace"))
        except OSError:  # gone, or not ours to read
            continue
    return found


def start_grading(course: Classroom, out: Path, marker: str) -> subprocess.Popen:
    return subprocess.Popen(grade_command(course, CHAPTER, out), env={**os.environ, "ECOMCOURSE_TEST_RUN": marker},
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


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

    marker = uuid.uuid4().hex
    out = course.root / "results.csv"
    run = start_grading(course, out, marker)
    autograded = course.root / "grader" / "autograded"
    kernel_busy = wait_until(lambda: run.poll() is not None or (any("ipykernel" in p for p in marked_processes(marker))
                                                                and any(autograded.rglob("*.ipynb"))), 150)
    exited = run.poll()  # a run that ended by itself (it failed, or graded everything) was not killed mid-run
    run.send_signal(signal.SIGKILL)
    run.wait(10)
    assert kernel_busy and exited is None, f"the killed run was grading when it was killed (exit code {exited})"
    assert wait_until(lambda: not marked_processes(marker), 20), marked_processes(marker)

    rerun = start_grading(course, out, marker)
    reference = start_grading(clean, clean.root / "results.csv", uuid.uuid4().hex)  # at the same time
    assert (rerun.wait(400), reference.wait(400)) == (0, 0)
    scores = [pd.read_csv(path, encoding="utf-8-sig").set_index(["student_id", "grade_id"])["score"].sort_index()
              for path in (out, clean.root / "results.csv")]
    assert scores[0].to_dict() == scores[1].to_dict()
    assert scores[0].groupby("student_id").sum().to_dict() == {"blank": 0, "sleepy": 27, "solved": 27}
    assert submissions_in_gradebook(course) == ["blank", "sleepy", "solved"]
    assert [hashlib.sha256(p.read_bytes()).hexdigest() for p in submitted] == before
    assert not marked_processes(marker)
