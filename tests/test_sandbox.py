"""The sandbox by allow-list, red-teamed: a class of genuine students beside submissions that read
the course's git history, use root's powers, send the worker crashing, slow or inflating replies,
start hundreds of processes, fill memory, shared memory and disk, carry the grader's environment
off in an error message, plant a spreadsheet formula, or hide tampering behind a timeout. The
batch completes, genuine students keep full marks, attackers earn nothing, nothing is written
outside the job folders and nothing is left running.

Run as root (as CI does) the kernel runs as a uid of its own; the same attacks through the class
on JupyterHub, where the engine runs as the unprivileged instructor, are in test_hub.py.
"""

from __future__ import annotations

import glob
import hashlib
import os
import signal
import subprocess
import tempfile
import threading
from pathlib import Path

import nbformat
import pandas as pd
import psutil
import pytest
from conftest import wait_until
from hostile import printed

from ecomcourse import paths
from ecomcourse.authoring.classroom import Classroom, fill_answers, solution_sources
from ecomcourse.grading import cgroups
from ecomcourse.grading.engine import grade
from ecomcourse.grading.red_team import attack_notebook, attacks
from ecomcourse.grading.sandbox import choose_sandbox
from ecomcourse.grading.settings import overrides

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("engine-red-team")]
CHAPTER = "ch04_data_analysis"
PROCESSES, DISK_MB, MEMORY_MB = 64, 128, 1536  # the private /tmp fills before the file-size limit (256 MB)
SETTINGS = overrides(workers=2, cell_timeout=20, notebook_timeout=240, memory_mb=MEMORY_MB)
SETTINGS.GradingEngine.processes, SETTINGS.GradingEngine.disk_mb = PROCESSES, DISK_MB
SANDBOX = choose_sandbox()
BUBBLEWRAP = pytest.mark.skipif(SANDBOX.mode != "bubblewrap", reason="needs bubblewrap (apt-get install bubblewrap)")
WHOLE_TREE = pytest.mark.skipif(not SANDBOX.has_groups, reason=f"per-process limits only here: {SANDBOX.groups}")
SECRET = "ecomcourse-red-team-secret-4c1d"
ATTACKS = set(attacks("", CHAPTER, [], ""))


@pytest.fixture(scope="module")
def red_team(tmp_path_factory):
    course = Classroom(tmp_path_factory.mktemp("red-team"), (CHAPTER,), ("zh",))
    sentinel = course.root / "sentinel.txt"
    sentinel.write_text("untouched", encoding="utf-8")
    submitted = course.root / "grader" / "submitted"
    blank = course.student_notebook(CHAPTER)
    solved = fill_answers(blank, solution_sources(CHAPTER))
    private = [str(paths.ROOT / ".git"), str(paths.SOLUTIONS), str(course.root / "grader" / "gradebook.db"),
               str(submitted / "genuine_1"), str(course.root / "source"), "/home", str(sentinel.parent)]
    looping = {**solution_sources(CHAPTER), "worst_step": "while True:\n    pass"}
    tampered = nbformat.from_dict(fill_answers(blank, looping))
    next(c for c in tampered.cells if c.id == "test_margins").source = "pass"
    class_ = {"genuine_1": solved, "genuine_2": solved, "timeout_hides_tampering": tampered,
              **{name: attack_notebook(blank, CHAPTER, source)
                 for name, source in attacks(str(paths.ROOT), CHAPTER, private, str(sentinel)).items()}}
    for student, notebook in class_.items():
        course.hand_in(student, CHAPTER, notebook)
    before = {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in submitted.rglob("*") if p.is_file()}
    out = course.root / "results.csv"
    os.environ["ECOMCOURSE_RED_TEAM"] = SECRET  # the grader's environment: no kernel may see it
    try:
        run = grade([CHAPTER], submitted, out, course.root / "grader", SETTINGS, progress=False)
    finally:
        del os.environ["ECOMCOURSE_RED_TEAM"]
    return course, run, out, before, sentinel


def _printed(course: Classroom, student: str, prefix: str) -> object:
    executed = course.root / "grader" / "autograded" / student / CHAPTER / f"{CHAPTER}.ipynb"
    return printed(executed, "daily_kpis", prefix)


def _student(run, student: str) -> tuple[float, set[str], str]:
    mine = run.rows[run.rows["student_id"] == student]
    return mine["score"].sum(), set(mine["status"]), " ".join(mine["message"])


def test_the_batch_completes_genuine_students_keep_full_marks_attackers_earn_nothing(red_team):
    _, run, _, _, _ = red_team
    for student in ("genuine_1", "genuine_2"):
        assert _student(run, student)[:2] == (27, {"graded"}), student
    for student in ATTACKS:
        score, statuses, message = _student(run, student)
        assert score == 0, (student, statuses, message)
        assert len(statuses) == 1 and statuses != {""}, student


@BUBBLEWRAP
def test_no_git_history_no_course_folder_no_home_no_other_submission(red_team):
    course, _, _, _, sentinel = red_team
    assert _printed(course, "git_history", "git history read:") == []
    seen = _printed(course, "root_powers", "root powers:")
    visible = [path for path, there in seen.items() if path.startswith("/") and there is True]
    assert visible == [], "only the allow-list exists inside"
    assert seen["write outside"] != "ok" and sentinel.read_text(encoding="utf-8") == "untouched"


@BUBBLEWRAP
def test_no_capabilities_inside(red_team):
    course, _, _, _, _ = red_team
    seen = _printed(course, "root_powers", "root powers:")
    assert seen["CapEff"] == "0000000000000000"
    assert seen["uid"] != 0
    assert all(seen[name] != 0 for name in ("remount", "umount", "mount")), "mount, umount and remount fail"
    assert seen["raw socket"] == "PermissionError"


@pytest.mark.parametrize("student", ["crashing_reply", "slow_reply", "inflating_reply"])
def test_hostile_replies_fail_that_submission_only(red_team, student):
    _, run, _, _, _ = red_team
    score, statuses, message = _student(run, student)
    assert score == 0 and statuses <= {"graded", "tampered", "flagged", "error"}, (statuses, message)


def test_processes_are_capped_and_none_is_left_running(red_team):
    course, _, _, _, _ = red_team
    started = _printed(course, "process_hog", "processes started:")
    if SANDBOX.has_groups or os.geteuid() == 0:  # a group's pids.max, or the job's own uid's RLIMIT_NPROC
        assert started < PROCESSES
    assert wait_until(lambda: "sleep 600" not in subprocess.run(["ps", "-eo", "args"], capture_output=True,
                                                                 text=True).stdout, 30)


@WHOLE_TREE
def test_memory_of_all_processes_and_of_the_job_folder_is_one_limit(red_team):
    _, run, _, _, _ = red_team
    for student in ("memory_hog", "disk_hog"):
        score, statuses, message = _student(run, student)
        assert statuses == {"memory"} and f"{MEMORY_MB} MB" in message, (student, message)


@BUBBLEWRAP
def test_tmp_and_shared_memory_are_private_and_small(red_team):
    course, _, _, _, _ = red_team
    filled = _printed(course, "shared_memory_hog", "filled:")
    for folder in ("/dev/shm", "/tmp"):
        written, errno = filled[folder]
        assert errno == 28 and written <= DISK_MB, (folder, filled)  # ENOSPC at the private tmpfs' size


def test_nothing_outside_the_job_folders_changed(red_team):
    course, _, _, before, sentinel = red_team
    submitted = course.root / "grader" / "submitted"
    assert {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in submitted.rglob("*") if p.is_file()} == before
    assert sentinel.read_text(encoding="utf-8") == "untouched"
    assert not list(course.root.rglob("fill*")), "the hogs' files went with their job folders"


def test_the_graders_environment_never_reaches_a_student(red_team):
    course, run, out, _, _ = red_team
    assert "RuntimeError" in _student(run, "environment")[2], "the answer's error is reported"
    pages = [p.read_text(encoding="utf-8") for p in (course.root / "grader" / "feedback").rglob("*.html")]
    for text in [out.read_text(encoding="utf-8-sig"), *pages]:
        assert SECRET not in text


def test_a_formula_in_an_error_message_is_text_in_the_csv(red_team):
    _, run, out, _, _ = red_team
    assert "=HYPERLINK" in _student(run, "formula")[2]
    cells = pd.read_csv(out, encoding="utf-8-sig", dtype=str, keep_default_na=False).to_numpy().ravel()
    assert not [cell for cell in cells if cell.startswith(("=", "+", "@"))]
    assert any(cell.startswith("'=HYPERLINK") for cell in cells)


def test_a_timeout_keeps_the_tampering_in_the_message(red_team):
    _, run, _, _, _ = red_team
    _, statuses, message = _student(run, "timeout_hides_tampering")
    assert statuses == {"timeout"} and "test_margins" in message and "restored" in message, message


VICTIM = 'import pathlib, time\npathlib.Path("victim.marker").touch()\ntime.sleep(60)\n'


def _kill_the_victims_worker(killed: list[int], stop: threading.Event) -> None:
    """SIGSEGV to the worker grading the submission that left ``victim.marker`` in its job folder,
    as a crash in the worker would end it."""
    while not stop.wait(0.1):
        for marker in (Path(p) for p in glob.glob("/dev/shm/ecomcourse-jobs-*/job-*/victim.marker")
                       + glob.glob(f"{tempfile.gettempdir()}/ecomcourse-jobs-*/job-*/victim.marker")):
            for process in psutil.process_iter(["cmdline", "cwd"]):
                if process.info["cwd"] == str(marker.parent) and "ipykernel_launcher" in process.info["cmdline"]:
                    worker = next(p for p in process.parents() if "spawn_main" in " ".join(p.cmdline()))
                    killed.append(worker.pid)
                    worker.send_signal(signal.SIGSEGV)
                    return


def test_a_worker_that_dies_costs_only_its_submission(tmp_path):
    course = Classroom(tmp_path, (CHAPTER,), ("zh",))
    blank = course.student_notebook(CHAPTER)
    for student in ("genuine_1", "genuine_2", "genuine_3"):
        course.hand_in(student, CHAPTER, fill_answers(blank, solution_sources(CHAPTER)))
    course.hand_in("victim", CHAPTER, attack_notebook(blank, CHAPTER, VICTIM))
    killed: list[int] = []
    stop = threading.Event()
    watcher = threading.Thread(target=_kill_the_victims_worker, args=(killed, stop))
    watcher.start()
    try:
        run = grade([CHAPTER], course.root / "grader" / "submitted", tmp_path / "out.csv", course.root / "grader",
                    overrides(workers=2, cell_timeout=90, notebook_timeout=240), progress=False)
    finally:
        stop.set()
        watcher.join()
    assert killed, "the victim's worker was found and killed"
    score, statuses, message = _student(run, "victim")
    assert (score, statuses) == (0, {"error"}) and "signal 11" in message and "rest of the class" in message
    for student in ("genuine_1", "genuine_2", "genuine_3"):
        assert _student(run, student)[:2] == (27, {"graded"}), student
    assert not psutil.pid_exists(killed[0]) or psutil.Process(killed[0]).status() == psutil.STATUS_ZOMBIE
    assert wait_until(lambda: not [p for p in psutil.process_iter(["cwd"]) if "victim" in str(p.info["cwd"])], 30)
    where = cgroups.hierarchy()
    if not isinstance(where, str):
        left = [f for base in where.folders.values() for f in base.iterdir() if f.name.startswith(f"job-{killed[0]}-")]
        assert left == [], "the dead worker's control group was removed"
    assert not glob.glob(f"/dev/shm/ecomcourse-jobs-*/job-{killed[0]}-*") + glob.glob(
        f"{tempfile.gettempdir()}/ecomcourse-jobs-*/job-{killed[0]}-*"), "and its job folder"
