from __future__ import annotations

import os
import sys
from pathlib import Path

import pandas as pd
import pytest

from ecomcourse.authoring.banks import submissions
from ecomcourse.authoring.classroom import Classroom, fill_answers, solution_sources
from ecomcourse.chapters import chapter_ids

BROKEN_NOTEBOOK = '{"cells": [ this is not a notebook'


def graded_class(root: Path, chapter: str, lang: str, with_banks: bool) -> tuple[pd.DataFrame, str]:
    """Release ``chapter`` in ``lang`` into a course in ``root`` (outside the repository), hand in
    the solution, the blank release, a broken file and (optionally) the answer banks, autograde
    them all with plain ``nbgrader autograde``; return the gradebook scores and nbgrader's log."""
    course = Classroom(root, (chapter,), (lang,))
    blank = course.student_notebook(chapter, lang)
    course.hand_in("solved", chapter, fill_answers(blank, solution_sources(chapter)))
    course.hand_in("blank", chapter, blank)
    course.hand_in("broken", chapter, BROKEN_NOTEBOOK)
    if with_banks:
        for name, answers in submissions(chapter).items():
            sources = {solution_id: answer.source for solution_id, answer in answers.items()}
            course.hand_in(f"bank-{name}", chapter, fill_answers(blank, sources))
    result = course.autograde(chapter)
    return course.scores(chapter), result.stderr


def grade_command(course: Classroom, chapter: str, out: Path) -> list[str]:
    """``ecomcourse grade`` on the class handed in to ``course``, as the README runs it, on 2 workers."""
    return [sys.executable, "-m", "ecomcourse.cli", "grade", chapter, "--submissions",
            str(course.root / "grader" / "submitted"), "--out", str(out), "--course", str(course.root / "grader"),
            "--workers", "2"]


def slow_answer(chapter: str, solution_id: str, seconds: int) -> dict[str, str]:
    """The solution's answers, with one answer cell that first sleeps ``seconds``."""
    answers = solution_sources(chapter)
    return {**answers, solution_id: f"import time\ntime.sleep({seconds})\n" + answers[solution_id]}


@pytest.fixture(scope="session")
def chapters() -> tuple[str, ...]:
    """Every chapter, or those named in ECOMCOURSE_CHAPTERS (comma-separated) while working on one."""
    chosen = [c for c in os.environ.get("ECOMCOURSE_CHAPTERS", "").split(",") if c]
    unknown = set(chosen) - set(chapter_ids())
    if unknown:
        raise pytest.UsageError(f"ECOMCOURSE_CHAPTERS names unknown chapters: {sorted(unknown)}")
    return tuple(chosen) or chapter_ids()
