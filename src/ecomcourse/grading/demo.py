"""``ecomcourse demo``: the instructor's whole job on a simulated class, headless.

Release both editions, hand in a class of about 30 built from the answer banks (with a few
blank, broken and hostile notebooks), grade it with the course's engine in parallel, write the
report and feedback, and print one row per student.
"""

from __future__ import annotations

import random
import shutil
import time
from pathlib import Path

import pandas as pd

from .. import paths
from ..authoring.banks import submissions
from ..authoring.catalogue import chapter_exercises
from ..authoring.classroom import Classroom, fill_answers, solution_sources

CHAPTER = "ch04_data_analysis"
ZH_STUDENTS = ["wang_fang", "li_lei", "zhang_wei", "chen_jing", "liu_yang", "zhao_min", "sun_hao", "zhou_li",
               "wu_qiang", "xu_na", "hu_jun", "guo_xin", "he_ping", "gao_yan", "lin_tao", "luo_mei", "liang_yu",
               "song_jie", "zheng_hui", "xie_lan", "han_bing", "tang_wen", "feng_ying"]
EN_STUDENTS = ["emma_jones", "lucas_martin", "olivia_brown", "noah_smith", "mia_wilson", "ava_taylor", "liam_clark"]
NAMES = ZH_STUDENTS + EN_STUDENTS
BROKEN = '{"cells": [ "this file was cut off'


def simulated_class(chapter: str, size: int = len(NAMES), seed: int = 7
                    ) -> list[tuple[str, str, dict[str, str] | str]]:
    """(student id, edition, answers by solution id — or raw text for a broken file).

    Each student answers every exercise with the solution, an alternative correct answer or one
    of the banks' wrong answers, at random; a few hand in nothing, a broken file or hostile code.
    """
    rng = random.Random(seed)
    solved = solution_sources(chapter)
    choices: dict[str, list[str]] = {sid: [src] for sid, src in solved.items()}
    for group in submissions(chapter).values():
        for sid, answer in group.items():
            choices[sid].append(answer.source)
    special = {"zhao_min": {}, "sun_hao": BROKEN,
               "zhou_li": {**solved, "repurchase_rate": "while True:\n    pass"},
               "wu_qiang": {**solved, "worst_step": "hog = bytearray(8 * 1024 ** 3)"},
               "xu_na": {**solved, "worst_step": "from ecomcourse import checks\nchecks.expect_type = print\n"
                                                 + solved["worst_step"]}}
    students = []
    for name in NAMES[:size]:
        lang = "en" if name in EN_STUDENTS else "zh"
        answers = special.get(name, {sid: rng.choice(options) for sid, options in choices.items()})
        students.append((name, lang, answers))
    return students


def build_class(workspace: Path, chapter: str = CHAPTER, size: int = len(NAMES)) -> tuple[Classroom, dict[str, str]]:
    if workspace.exists():
        shutil.rmtree(workspace)
    course = Classroom(workspace, (chapter,), ("en", "zh"))
    editions = {}
    for student, lang, answers in simulated_class(chapter, size):
        editions[student] = lang
        if isinstance(answers, str):
            course.hand_in(student, chapter, answers)
        else:
            course.hand_in(student, chapter, fill_answers(course.student_notebook(chapter, lang), answers))
    return course, editions


def run_demo(workspace: Path, chapter: str = CHAPTER) -> pd.DataFrame:
    from .engine import grade

    started = time.perf_counter()
    print(f"1/3 releasing {chapter} (zh, en) into {workspace} and handing in a class of {len(NAMES)}")
    course, editions = build_class(workspace, chapter)
    print("2/3 ecomcourse grade (parallel, sandboxed)")
    out = workspace / "results.csv"
    run = grade([chapter], paths.submitted_folder(course.root), out, course.root / "grader")
    print("3/3 summary\n")
    table = per_student_table(run.rows, editions, chapter)
    print(table.to_string(index=False))
    print(f"\n{time.perf_counter() - started:.0f} s in all. Per-exercise CSV: {out}\n"
          f"report: {out.with_suffix('.html')}\nfeedback: {course.root / 'grader' / 'feedback'}\n"
          f"gradebook: {course.root / 'grader' / 'gradebook.db'} (nbgrader export: {out.stem}_nbgrader.csv)")
    return table


def per_student_table(rows: pd.DataFrame, editions: dict[str, str], chapter: str) -> pd.DataFrame:
    names = {e.grade_id: e.answer for e in chapter_exercises(chapter)}
    out = []
    for student, lang in editions.items():
        mine = rows[rows["student_id"] == student]
        lost = [names[g] for g, s, m in zip(mine["grade_id"], mine["score"], mine["max_score"]) if g and s < m]
        out.append({"student": student, "edition": lang, "status": mine["status"].iloc[0],
                    "score": f"{mine['score'].sum():g} / {mine['max_score'].sum():g}",
                    "lost points on": "everything" if len(lost) == len(names) or not mine["grade_id"].any()
                    else ", ".join(lost)})
    return pd.DataFrame(out)


def default_workspace() -> Path:
    return paths.GRADER / "demo"
