"""A written memo graded by hand: the engine leaves it to formgrader, an instructor scores it there
(through formgrader's own server API, as its grading page does), and ``ecomcourse report`` carries
the hand-given points next to the autograded ones into the CSVs, nbgrader's export, the report and
each student's feedback; re-grading keeps them."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import urllib.request
from pathlib import Path

import pandas as pd
import pytest
from conftest import wait_until

from ecomcourse.authoring.catalogue import autograded, chapter_exercises
from ecomcourse.authoring.classroom import Classroom, fill_answers, solution_sources
from ecomcourse.grading.engine import grade, read_rows
from ecomcourse.grading.settings import overrides

# one grading run, then formgrader, then re-grading: in order, on one xdist worker
pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("hand-grading")]
CHAPTER = "ch07_case_studies"
SETTINGS = overrides(workers=2, cell_timeout=60, notebook_timeout=400, memory_mb=1536)
COMMENT = "结论清楚，但三项行动缺少负责人和日期。"


class Formgrader:
    """A Jupyter server with nbgrader's formgrader extension, run from the course's grader folder."""

    def __init__(self, course: Classroom):
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        self.token = "hand-grading-test"
        self.process = subprocess.Popen(
            [str(Path(sys.executable).parent / "jupyter"), "server", "--no-browser", f"--port={self.port}",
             f"--ServerApp.token={self.token}", "--allow-root", f"--ServerApp.root_dir={course.root}"],
            cwd=course.root / "grader", env=os.environ.copy(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        if not wait_until(lambda: self.process.poll() is not None or self._answers(), 90) \
                or self.process.poll() is not None:
            raise RuntimeError(f"the formgrader did not start (exit code {self.process.poll()})")

    def _answers(self) -> bool:
        try:
            self.get("formgrader/api/status")
        except OSError:
            return False
        return True

    def _call(self, method: str, path: str, body: dict | None = None) -> object:
        request = urllib.request.Request(f"http://127.0.0.1:{self.port}/{path}", method=method,
                                         data=None if body is None else json.dumps(body).encode(),
                                         headers={"Authorization": f"token {self.token}"})
        with urllib.request.urlopen(request, timeout=30) as response:
            return json.loads(response.read())

    def get(self, path: str) -> object:
        return self._call("GET", path)

    def put(self, path: str, body: dict) -> object:
        return self._call("PUT", path, body)

    def grade_by_hand(self, student: str, grade_id: str, score: float, comment: str) -> None:
        notebooks = self.get(f"formgrader/api/submitted_notebooks/{CHAPTER}/{CHAPTER}")
        submission = next(nb for nb in notebooks if nb["student"] == student)
        grade = next(g for g in self.get(f"formgrader/api/grades?submission_id={submission['id']}")
                     if g["name"] == grade_id)
        assert grade["needs_manual_grade"], "the memo waits for the instructor in formgrader"
        self.put(f"formgrader/api/grade/{grade['id']}", {"manual_score": score, "extra_credit": None})
        note = next(c for c in self.get(f"formgrader/api/comments?submission_id={submission['id']}")
                    if c["name"] == grade_id)
        self.put(f"formgrader/api/comment/{note['id']}", {"manual_comment": comment})

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(20)


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    root = tmp_path_factory.mktemp("hand")
    course = Classroom(root, (CHAPTER,), ("en", "zh"))
    exercises = chapter_exercises(CHAPTER)
    memo = next(e for e in exercises if e.kind == "memo")
    for lang in ("zh", "en"):
        blank = course.student_notebook(CHAPTER, lang)
        course.hand_in(f"writer_{lang}", CHAPTER, fill_answers(blank, solution_sources(CHAPTER)))
    course.hand_in("blank", CHAPTER, course.student_notebook(CHAPTER, "zh"))
    submitted, out = root / "grader" / "submitted", root / "results" / f"{CHAPTER}.csv"
    first = grade([CHAPTER], submitted, out, root / "grader", SETTINGS, progress=False,
                  say=lambda _: None)
    return dict(course=course, out=out, memo=memo, first=first.rows, submitted=submitted,
                auto_points=sum(e.points for e in autograded(exercises)))


def _row(rows: pd.DataFrame, student: str, grade_id: str) -> pd.Series:
    return rows[(rows["student_id"] == student) & (rows["grade_id"] == grade_id)].iloc[0]


def test_the_engine_leaves_a_written_memo_to_formgrader(run):
    rows, memo = run["first"], run["memo"]
    for student in ("writer_zh", "writer_en"):
        row = _row(rows, student, memo.grade_id)
        assert (row["grading"], row["score"], row["max_score"]) == ("pending", 0, memo.points)
        auto = rows[(rows["student_id"] == student) & (rows["grading"] == "auto")]
        assert auto["score"].sum() == run["auto_points"], auto[auto["score"] < auto["max_score"]]
    blank = _row(rows, "blank", memo.grade_id)
    assert (blank["grading"], blank["score"]) == ("blank", 0), "a blank memo scores 0 with nothing to review"
    wide = pd.read_csv(run["out"].with_name(f"{CHAPTER}_wide.csv"), encoding="utf-8-sig").set_index("student_id")
    assert wide.loc["writer_zh", ["auto_total", "manual_total", "pending"]].tolist() == [run["auto_points"], 0, 1]
    assert "formgrader" in run["out"].with_suffix(".html").read_text(encoding="utf-8")
    feedback = run["course"].root / "grader" / "feedback" / "writer_zh" / CHAPTER / f"{CHAPTER}.html"
    assert "待老师评分" in feedback.read_text(encoding="utf-8")


def test_hand_scores_from_formgrader_reach_every_output(run):
    course, out, memo = run["course"], run["out"], run["memo"]
    server = Formgrader(course)
    try:
        server.grade_by_hand("writer_zh", memo.grade_id, 4.5, COMMENT)
        server.grade_by_hand("writer_en", memo.grade_id, memo.points, "")
    finally:
        server.stop()
    result = subprocess.run([sys.executable, "-m", "ecomcourse.cli", "report", "--csv", str(out),
                             "--grader-dir", str(course.root / "grader")], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    rows = read_rows(out)
    zh = _row(rows, "writer_zh", memo.grade_id)
    assert (zh["grading"], zh["score"], zh["message"]) == ("manual", 4.5, COMMENT)
    wide = pd.read_csv(out.with_name(f"{CHAPTER}_wide.csv"), encoding="utf-8-sig").set_index("student_id")
    assert wide.loc["writer_zh", ["auto_total", "manual_total", "pending", "total"]].tolist() == \
        [run["auto_points"], 4.5, 0, run["auto_points"] + 4.5]
    assert wide.loc["writer_en", "total"] == run["auto_points"] + memo.points
    export = pd.read_csv(out.with_name(f"{CHAPTER}_nbgrader.csv")).set_index("student_id")
    assert export.loc["writer_zh", "score"] == run["auto_points"] + 4.5, "nbgrader's own export agrees"
    feedback = course.root / "grader" / "feedback" / "writer_zh" / CHAPTER / f"{CHAPTER}.html"
    page = feedback.read_text(encoding="utf-8")
    assert COMMENT in page and "老师已评分" in page and "待老师评分" not in page


def test_regrading_keeps_the_hand_scores(run):
    course, out, memo = run["course"], run["out"], run["memo"]
    again = grade([CHAPTER], run["submitted"], out, course.root / "grader", SETTINGS,
                  only_changed=True, progress=False, say=lambda _: None)
    assert again.skipped == 3
    assert _row(again.rows, "writer_zh", memo.grade_id)["score"] == 4.5
    full = grade([CHAPTER], run["submitted"], out, course.root / "grader", SETTINGS,
                 progress=False, say=lambda _: None)
    row = _row(full.rows, "writer_zh", memo.grade_id)
    assert row["score"] == 4.5, "re-autograding never drops what an instructor entered"
    assert row["grading"] == "pending", "nbgrader asks for a second look after re-autograding a hand-graded answer"
