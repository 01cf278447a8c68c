"""``ecomcourse demo``: the instructor's whole job on a simulated class, headless.

Release both editions, hand in a small class built from the answer banks (plus a blank and a
broken notebook), grade it with plain ``nbgrader autograde``, export with ``nbgrader export`` and
print one row per student.
"""

from __future__ import annotations

import re
import shutil
import time
from pathlib import Path

import pandas as pd

from . import paths
from .banks import submissions
from .catalog import chapter_exercises
from .classroom import Classroom, fill_answers, solution_sources

CHAPTER = "ch04_data_analysis"


def simulated_class(chapter: str) -> list[tuple[str, str, dict[str, str] | str | None]]:
    """(student id, edition, answers by solution id — or raw text for a broken file)."""
    banks = {name: {sid: a.source for sid, a in group.items()} for name, group in submissions(chapter).items()}
    solved = solution_sources(chapter)
    half = dict(list(banks["correct-1"].items())[::2] + list(banks["wrong-1"].items())[1::2])
    return [
        ("wang_fang", "zh", solved),
        ("emma_jones", "en", solved),
        ("li_lei", "zh", banks["correct-1"]),
        ("zhang_wei", "zh", banks["wrong-1"]),
        ("chen_jing", "en", banks["wrong-2"]),
        ("liu_yang", "zh", half),
        ("zhao_min", "zh", {}),
        ("sun_hao", "zh", '{"cells": [ "this file was cut off'),
    ]


def run_demo(workspace: Path, chapter: str = CHAPTER) -> pd.DataFrame:
    if workspace.exists():
        shutil.rmtree(workspace)
    started = time.perf_counter()
    print(f"1/4 releasing {chapter} (zh, en) into {workspace}")
    course = Classroom(workspace, (chapter,), ("en", "zh"))
    print("2/4 handing in a class of 8")
    editions = {}
    for student, lang, answers in simulated_class(chapter):
        editions[student] = lang
        if isinstance(answers, str):
            course.hand_in(student, chapter, answers)
        else:
            course.hand_in(student, chapter, fill_answers(course.student_notebook(chapter, lang), answers))
    print("3/4 nbgrader autograde (one submission after another)")
    graded = course.autograde(chapter)
    print("4/4 nbgrader export")
    course.nbgrader("export", f"--to={workspace / 'grades.csv'}", check=False)
    not_graded = set(re.findall(r"for student '([^']+)'", graded.stderr))
    table = per_student_table(course.scores(chapter), editions, chapter, not_graded)
    print()
    print(table.to_string(index=False))
    print(f"\nnbgrader autograde exit code {graded.returncode}: "
          f"{len(not_graded)} submission(s) could not be graded; {time.perf_counter() - started:.0f} s in all")
    print(f"gradebook: {workspace / 'grader' / 'gradebook.db'}\nexport:    {workspace / 'grades.csv'}")
    return table


def per_student_table(scores: pd.DataFrame, editions: dict[str, str], chapter: str,
                      not_graded: set[str]) -> pd.DataFrame:
    names = {e.grade_id: e.answer for e in chapter_exercises(chapter)}
    rows = []
    for student, lang in editions.items():
        mine = scores[scores["student_id"] == student]
        failed = [names[g] for g, s, m in zip(mine["grade_id"], mine["score"], mine["max_score"]) if s < m]
        rows.append({"student": student, "edition": lang,
                     "status": "not graded (invalid notebook)" if student in not_graded else "graded",
                     "score": f"{mine['score'].sum():g} / {mine['max_score'].sum():g}",
                     "lost points on": ", ".join(failed) if len(failed) < len(names) else "everything"})
    return pd.DataFrame(rows)


def default_workspace() -> Path:
    return paths.GRADER / "demo"
