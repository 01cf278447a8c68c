"""The grading engine on a hostile class: every bad submission gets an outcome, nothing escapes
its sandbox, the CSV and gradebook agree, re-runs are safe (grades equal to plain nbgrader's, chapter by
chapter: test_trusted.py)."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

import nbformat
import pandas as pd
import pytest
from conftest import wait_until

from ecomcourse import paths
from ecomcourse.authoring.classroom import Classroom, fill_answers, solution_sources
from ecomcourse.data import store
from ecomcourse.grading.engine import COLUMNS, STATUSES, grade
from ecomcourse.grading.sandbox import choose_sandbox
from ecomcourse.grading.settings import overrides

pytestmark = pytest.mark.slow
HOSTILE_CLASS = pytest.mark.xdist_group("engine-hostile-class")  # the tests of one grading run: one worker
CHAPTER = "ch04_data_analysis"
# generous time limits: CI runs this beside the browser tests, and only the outcomes are under test
LIMITS = dict(cell_timeout=15, notebook_timeout=240, memory_mb=1536, output_bytes=200_000)
SETTINGS = overrides(workers=2, **LIMITS)
BUBBLEWRAP = choose_sandbox().mode == "bubblewrap"


def _with_cell(nb, solution_id: str, source: str):
    """The solved notebook with one solution cell replaced."""
    return fill_answers(nb, {**solution_sources(CHAPTER), solution_id: source})


# In the last answer cell: every file the kernel can see in its folder, and every cell it has run.
SEEK_HIDDEN_TESTS = """import glob, os
_seen = []
for _path in glob.glob("**/*", recursive=True, include_hidden=True):
    try:
        _seen.append(open(_path, encoding="utf-8", errors="replace").read())
    except OSError:
        pass
_seen += get_ipython().user_ns["In"]
_needles = ("HIDDEN" + " TESTS", "fresh" + "_tables(")  # not in this cell's own text
print("hidden tests seen:", any(_n in _s for _s in _seen for _n in _needles))
"""


# After the answer: the same function, except that it never returns when the engine's trusted
# check calls it (as a loop that only hidden inputs trigger would).
LOOP_WHEN_CHECKED = """
import traceback
_answer = repurchase_rate
def repurchase_rate(*args, **kwargs):
    while any(frame.name == "serve" for frame in traceback.extract_stack()):
        pass
    return _answer(*args, **kwargs)
"""


def hostile_class(course: Classroom, sentinel: Path) -> dict[str, object]:
    blank = course.student_notebook(CHAPTER)
    solved = fill_answers(blank, solution_sources(CHAPTER))
    edited = nbformat.from_dict(solved)
    next(c for c in edited.cells if c.id == "test_margins").source = "pass"
    deleted = nbformat.from_dict(solved)
    deleted.cells = [c for c in deleted.cells if c.id != "test_rfm_tier"]
    no_cells = nbformat.from_dict(blank)
    no_cells.cells = []
    secret = paths.ROOT / "solutions" / CHAPTER / f"{CHAPTER}.ipynb"
    return {
        "solved": solved,
        "blank": blank,
        "not_json": '{"cells": [ cut off',
        "empty": "",
        "no_cells": no_cells,
        "infinite_loop": _with_cell(blank, "repurchase_rate", "while True:\n    pass"),
        "loops_when_checked": _with_cell(solved, "repurchase_rate", solution_sources(CHAPTER)["repurchase_rate"]
                                         + LOOP_WHEN_CHECKED),
        "deaf_loop": _with_cell(blank, "repurchase_rate",
                                "import signal\nsignal.signal(signal.SIGINT, signal.SIG_IGN)\nwhile True:\n    pass"),
        "kernel_crash": _with_cell(solved, "worst_step", "import os\nos._exit(3)"),
        "memory_hog": _with_cell(solved, "worst_step", "hog = bytearray(4 * 1024 ** 3)"),
        "huge_output": _with_cell(solved, "worst_step", "for _ in range(2000):\n    print('x' * 5000)\n"
                                  + solution_sources(CHAPTER)["worst_step"]),
        "seeks_hidden_tests": _with_cell(solved, "cohort_retention", SEEK_HIDDEN_TESTS
                                         + solution_sources(CHAPTER)["cohort_retention"]),
        "edited_tests": edited,
        "deleted_test": deleted,
        "monkeypatch": _with_cell(solved, "worst_step", "from ecomcourse import checks\nchecks.expect_type = "
                                  "lambda *a, **k: None\n" + solution_sources(CHAPTER)["worst_step"]),
        "reach_outside": _with_cell(solved, "worst_step", (
            "import socket, subprocess\n"
            "subprocess.Popen(['sleep', '300'])\n"
            "tried = []\n"
            f"for attempt in (lambda: open({str(secret)!r}).read(),\n"
            f"                lambda: open({str(sentinel)!r}, 'a').write('x'),\n"
            "                lambda: socket.create_connection(('1.1.1.1', 53), timeout=2)):\n"
            "    try:\n        attempt(); tried.append('ok')\n    except Exception as e:\n"
            "        tried.append(type(e).__name__)\nprint(tried)\n" + solution_sources(CHAPTER)["worst_step"])),
    }


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    course = Classroom(tmp_path_factory.mktemp("hostile"), (CHAPTER,), ("en", "zh"))
    sentinel = course.root / "sentinel.txt"
    sentinel.write_text("untouched", encoding="utf-8")
    for student, notebook in hostile_class(course, sentinel).items():
        course.hand_in(student, CHAPTER, notebook)
    course.hand_in("english_blank", CHAPTER, course.student_notebook(CHAPTER, "en"))
    wrong_name = course.root / "grader" / "submitted" / "wrong_name" / CHAPTER
    wrong_name.mkdir(parents=True)
    nbformat.write(course.student_notebook(CHAPTER), wrong_name / "作业.ipynb")
    submitted = course.root / "grader" / "submitted"
    before = {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in submitted.rglob("*.ipynb")}
    out = course.root / "results.csv"
    run = grade([CHAPTER], submitted, out, course.root / "grader", SETTINGS, progress=False)
    return course, run, out, before


def _status(run, student):
    statuses = set(run.rows.loc[run.rows["student_id"] == student, "status"])
    assert len(statuses) == 1, statuses
    return statuses.pop()


def _score(run, student):
    return run.rows.loc[run.rows["student_id"] == student, "score"].sum()


@pytest.mark.parametrize("student, status", [
    ("solved", "graded"), ("blank", "graded"), ("not_json", "invalid"), ("empty", "invalid"),
    ("no_cells", "invalid"), ("wrong_name", "missing"), ("infinite_loop", "timeout"), ("deaf_loop", "timeout"),
    ("loops_when_checked", "timeout"),
    ("kernel_crash", "kernel_died"), ("memory_hog", "memory"), ("edited_tests", "tampered"),
    ("deleted_test", "tampered"), ("monkeypatch", "flagged"), ("reach_outside", "flagged"),
])
@HOSTILE_CLASS
def test_every_submission_gets_an_outcome(graded, student, status):
    _, run, _, _ = graded
    assert _status(run, student) == status
    messages = run.rows.loc[run.rows["student_id"] == student, "message"]
    assert status == "graded" or messages.str.len().min() > 0, "a reason in plain words"


@HOSTILE_CLASS
def test_scores_of_the_hostile_class(graded):
    _, run, _, _ = graded
    assert _score(run, "solved") == 27
    assert _score(run, "edited_tests") == 27, "the restored tests grade the real answers"
    assert _score(run, "deleted_test") == 27
    for student in ("blank", "not_json", "empty", "wrong_name"):
        assert _score(run, student) == 0, student
    assert _score(run, "infinite_loop") == 25, "the looping cell is stopped, every other exercise graded"
    assert _score(run, "loops_when_checked") == 25, "a check stopped at the time limit costs that exercise only"
    assert _score(run, "deaf_loop") < 25, "a loop that ignores interrupts ends the notebook at its limit"
    assert _score(run, "kernel_crash") < 27, "tests after the crash cannot pass"
    assert _score(run, "huge_output") == 27 and _status(run, "huge_output") == "graded"


@HOSTILE_CLASS
def test_csv_contract_and_gradebook(graded):
    course, run, out, _ = graded
    assert out.read_bytes()[:3] == b"\xef\xbb\xbf"
    table = pd.read_csv(out, encoding="utf-8-sig", keep_default_na=False)
    assert list(table.columns) == COLUMNS
    assert set(table["status"]) <= set(STATUSES)
    assert set(table.loc[table["student_id"] == "empty", "grade_id"]) == {""}, "one row, empty grade id"
    gradebook = course.scores(CHAPTER).groupby("student_id")["score"].sum()
    csv_totals = table.groupby("student_id")["score"].sum()
    assert (gradebook.reindex(csv_totals.index) == csv_totals).all()


@HOSTILE_CLASS
def test_feedback_in_each_edition_without_hidden_tests(graded):
    course, _, out, _ = graded
    feedback = course.root / "grader" / "feedback"
    zh = (feedback / "blank" / CHAPTER / f"{CHAPTER}.html").read_text(encoding="utf-8")
    en = (feedback / "english_blank" / CHAPTER / f"{CHAPTER}.html").read_text(encoding="utf-8")
    assert "未通过" in zh and "failed" in en and "未通过" not in en
    hidden_code = "fresh_tables"  # only hidden tests call it
    for page in feedback.rglob("*.html"):
        assert hidden_code not in page.read_text(encoding="utf-8"), page
    report = out.with_suffix(".html").read_text(encoding="utf-8")
    assert report.count("<img") == 2 and "deaf_loop" in report
    wide = pd.read_csv(out.with_name(out.stem + "_wide.csv"), encoding="utf-8-sig")
    assert {"student_id", "total", "test_daily_kpis"} <= set(wide.columns)
    assert (out.with_name(out.stem + "_nbgrader.csv")).is_file()


@HOSTILE_CLASS
def test_nothing_escapes(graded):
    course, _, _, before = graded
    submitted = course.root / "grader" / "submitted"
    assert {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in submitted.rglob("*.ipynb")} == before
    assert store.check(paths.DATASETS) == []
    assert (paths.ROOT / "solutions" / CHAPTER / f"{CHAPTER}.ipynb").is_file()
    def leftovers() -> str:
        return subprocess.run(["ps", "-eo", "args"], capture_output=True, text=True).stdout

    # the sandbox's process tree is torn down as grade() returns; give it seconds, not the child's 300
    assert wait_until(lambda: "sleep 300" not in leftovers(), 30), "no process outlives its grading"


@HOSTILE_CLASS
@pytest.mark.skipif(not BUBBLEWRAP,
                    reason="needs bubblewrap (apt-get install bubblewrap); limits-only mode hides nothing")
def test_sandbox_hides_answers_and_blocks_network_and_writes(graded):
    course, _, _, _ = graded
    executed = nbformat.read(course.root / "grader" / "autograded" / "reach_outside" / CHAPTER / f"{CHAPTER}.ipynb", 4)
    printed = "".join(o.get("text", "") for c in executed.cells if c.get("id") == "worst_step" for o in c.outputs)
    read_secret, write_outside, network = printed.split("[", 1)[1].split("]", 1)[0].replace("'", "").split(", ")
    assert read_secret == "FileNotFoundError", "the repository's solutions are hidden"
    assert network == "OSError", "no network"
    assert write_outside in {"FileNotFoundError", "OSError", "ok"}  # not there inside, refused, or the private /tmp
    assert (course.root / "sentinel.txt").read_text(encoding="utf-8") == "untouched"


@HOSTILE_CLASS
def test_hidden_tests_never_enter_the_sandbox(graded):
    """The kernel runs the test cells as released; the hidden tests run in the engine's process."""
    course, run, _, _ = graded
    executed = nbformat.read(course.root / "grader" / "autograded" / "seeks_hidden_tests" / CHAPTER
                             / f"{CHAPTER}.ipynb", 4)
    printed = "".join(o.get("text", "") for c in executed.cells if c.cell_type == "code" for o in c.outputs)
    assert "hidden tests seen: False" in printed
    assert _score(run, "seeks_hidden_tests") == 27


def test_dask_cluster_gives_the_same_grades(tmp_path):
    from distributed import LocalCluster

    course = Classroom(tmp_path, (CHAPTER,), ("zh",))
    blank = course.student_notebook(CHAPTER)
    course.hand_in("solved", CHAPTER, fill_answers(blank, solution_sources(CHAPTER)))
    course.hand_in("blank", CHAPTER, blank)
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        run = grade([CHAPTER], course.root / "grader" / "submitted", tmp_path / "dask.csv", course.root / "grader",
                    overrides(scheduler=cluster.scheduler_address, **LIMITS), progress=False)
    totals = run.rows.groupby("student_id")["score"].sum()
    assert totals["solved"] == 27 and totals["blank"] == 0


@pytest.mark.parametrize("args, words", [
    (["no_such_chapter"], "unknown assignment"),
    ([CHAPTER, "--submissions", "/nonexistent/folder"], "cannot read"),
])
def test_batch_that_cannot_run_exits_non_zero(tmp_path, args, words):
    course = Classroom(tmp_path, (CHAPTER,), ("zh",))
    (course.root / "grader" / "submitted").mkdir(parents=True, exist_ok=True)
    argv = [sys.executable, "-m", "ecomcourse.cli", "grade", *args, "--out", str(tmp_path / "x.csv"),
            "--grader-dir", str(course.root / "grader")]
    if "--submissions" not in args:
        argv += ["--submissions", str(course.root / "grader" / "submitted")]
    result = subprocess.run(argv, capture_output=True, text=True)
    assert result.returncode == 2 and words in result.stderr
    assert not Path(tmp_path / "x.csv").exists()
