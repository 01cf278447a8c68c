"""The engine is nbgrader's autograde under the course's own configuration: a due date and the
"zero" late penalty, timestamps as nbgrader's collect writes them, the course's time limit per
cell, and an Autograde step the instructor added give the same export from plain ``nbgrader
autograde`` and from ``ecomcourse grade``; each student's files say what the penalty was."""

from __future__ import annotations

import subprocess

import nbformat
import pandas as pd
import pytest
from conftest import grade_command, slow_answer

from ecomcourse.authoring.classroom import Classroom, fill_answers, solution_sources

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("engine-fidelity")]  # one plain and one engine run
CHAPTER = "ch04_data_analysis"
DUE = "2026-03-01 12:00:00 Asia/Shanghai"
ON_TIME, LATE = "2026-03-01 09:30:00 Asia/Shanghai", "2026-03-02 08:00:00 Asia/Shanghai"
SLOW_SECONDS = 65  # longer than the engine's old 60 s default, inside the course's Execute.timeout (120 s)
INSTRUCTOR_CONFIG = '''
c.LateSubmissionPlugin.penalty_method = "zero"
# an Autograde step the instructor added: cells tagged "scratch" are not run when grading
from nbconvert.preprocessors import ClearMetadataPreprocessor, TagRemovePreprocessor
from nbgrader.preprocessors import (AssignLatePenalties, CheckCellMetadata, Execute, IgnorePattern,
                                    LimitOutput, SaveAutoGrades)
c.TagRemovePreprocessor.enabled = True
c.TagRemovePreprocessor.remove_cell_tags = {"scratch"}
c.Autograde.autograde_preprocessors = [TagRemovePreprocessor, Execute, IgnorePattern, ClearMetadataPreprocessor,
                                       LimitOutput, SaveAutoGrades, AssignLatePenalties, CheckCellMetadata]
'''
EXPORTED = ["raw_score", "late_submission_penalty", "score", "timestamp", "duedate"]


def with_scratch_cell(nb):
    """A solved notebook with a scratch cell, after the repurchase answer, that breaks it."""
    scratch = nbformat.v4.new_code_cell("repurchase_rate = None", metadata={"tags": ["scratch"]})
    index = next(i for i, c in enumerate(nb.cells) if c.get("id") == "repurchase_rate")
    nb.cells.insert(index + 1, scratch)
    return nb


def late_class(course: Classroom) -> None:
    answers = solution_sources(CHAPTER)
    zh, en = course.student_notebook(CHAPTER, "zh"), course.student_notebook(CHAPTER, "en")
    course.hand_in("on_time", CHAPTER, fill_answers(zh, answers), ON_TIME)
    course.hand_in("late", CHAPTER, fill_answers(zh, answers), LATE)
    course.hand_in("late_en", CHAPTER, fill_answers(en, answers), LATE)
    course.hand_in("no_timestamp", CHAPTER, fill_answers(zh, answers))
    course.hand_in("late_blank", CHAPTER, zh, LATE)
    course.hand_in("slow", CHAPTER, fill_answers(zh, slow_answer(CHAPTER, "margins", SLOW_SECONDS)), ON_TIME)
    course.hand_in("scratch", CHAPTER, with_scratch_cell(fill_answers(zh, answers)), ON_TIME)


def configured_course(root) -> Classroom:
    course = Classroom(root, (CHAPTER,), ("en", "zh"))
    config = course.root / "grader" / "nbgrader_config.py"
    config.write_text(config.read_text(encoding="utf-8") + INSTRUCTOR_CONFIG, encoding="utf-8")
    course.set_due_date(CHAPTER, DUE)
    late_class(course)
    return course


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    plain = configured_course(tmp_path_factory.mktemp("plain"))
    engine = configured_course(tmp_path_factory.mktemp("engine"))
    out = engine.root / "results" / f"{CHAPTER}.csv"
    log = engine.root / "grade.log"
    with log.open("w", encoding="utf-8") as sink:  # both wait out the slow answer: at the same time
        engine_run = subprocess.Popen(grade_command(engine, CHAPTER, out), stdout=sink, stderr=subprocess.STDOUT)
        result = plain.autograde(CHAPTER)
        engine_run.wait()
    assert result.returncode == 0, result.stderr[-2000:]
    assert engine_run.returncode == 0, log.read_text(encoding="utf-8")[-2000:]
    plain.nbgrader("export", f"--to={plain.root / 'plain.csv'}")
    exports = [pd.read_csv(path, keep_default_na=False).set_index("student_id").sort_index()
               for path in (plain.root / "plain.csv", out.with_name(f"{CHAPTER}_nbgrader.csv"))]
    return dict(plain=exports[0], engine=exports[1], course=engine, out=out)


def test_the_engine_exports_what_plain_nbgrader_exports(graded):
    plain, engine = graded["plain"], graded["engine"]
    assert engine[EXPORTED].to_dict("index") == plain[EXPORTED].to_dict("index")


def test_the_course_configuration_decides_the_grades(graded):
    plain = graded["plain"]
    assert plain.loc["on_time", "score"] == 27 and plain.loc["no_timestamp", "score"] == 27
    assert (plain.loc["late", "raw_score"], plain.loc["late", "score"]) == (27, 0), "the 'zero' late penalty"
    assert plain.loc["late", "late_submission_penalty"] == 27
    assert plain.loc["no_timestamp", "timestamp"] == "" and plain.loc["late", "timestamp"] != ""
    assert plain.loc["slow", "score"] == 27, "a slow answer cell inside the course's Execute.timeout keeps its points"
    assert plain.loc["scratch", "score"] == 27, "the instructor's TagRemovePreprocessor step ran"


def test_each_students_files_show_the_late_penalty(graded):
    course, out = graded["course"], graded["out"]
    rows = pd.read_csv(out, encoding="utf-8-sig", keep_default_na=False)
    per_student = rows.groupby("student_id").agg(score=("score", "sum"), penalty=("late_penalty", "first"),
                                                 timestamp=("timestamp", "first"))
    assert per_student.loc["late"].tolist()[:2] == [27, 27] and per_student.loc["on_time", "penalty"] == 0
    assert per_student.loc["late", "timestamp"].startswith("2026-03-02 00:00:00")
    wide = pd.read_csv(out.with_name(f"{CHAPTER}_wide.csv"), encoding="utf-8-sig").set_index("student_id")
    assert wide.loc["late", ["auto_total", "late_penalty", "total"]].tolist() == [27, 27, 0]
    assert wide.loc["on_time", "total"] == 27
    feedback = course.root / "grader" / "feedback"
    zh = (feedback / "late" / CHAPTER / f"{CHAPTER}.html").read_text(encoding="utf-8")
    en = (feedback / "late_en" / CHAPTER / f"{CHAPTER}.html").read_text(encoding="utf-8")
    assert "迟交" in zh and "得分：0 / 27" in zh
    assert "Late: handed in at 2026-03-02 00:00:00" in en and "Score: 0 / 27" in en and "迟交" not in en
    assert "迟交" not in (feedback / "on_time" / CHAPTER / f"{CHAPTER}.html").read_text(encoding="utf-8")
    report = out.with_suffix(".html").read_text(encoding="utf-8")
    assert "迟交的提交" in report and "late_en" in report.split("迟交的提交")[1]
