from __future__ import annotations

import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pytest

from ecomcourse.authoring.banks import submissions
from ecomcourse.authoring.classroom import Classroom, fill_answers, solution_sources
from ecomcourse.chapters import chapter_ids

BROKEN_NOTEBOOK = '{"cells": [ this is not a notebook'
CHAPTERS = chapter_ids()  # parametrize per chapter: `pytest -k <chapter id>` tests just it
LANGS = ("zh", "en")


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config, items):
    """On an xdist worker under ``--dist loadgroup``, put each ``xdist_group`` in the test's node id,
    which is how the worker tells the scheduler its group. pytest-xdist 3.8 still writes the old
    ``_nodeid`` field, which pytest 9.2 no longer reads, so the groups are silently dropped and a
    group's module fixture is built on both workers (pytest-dev/pytest-xdist#1386). A no-op where
    xdist's own suffix took effect."""
    if not getattr(config.option, "loadgroup", False):
        return
    try:
        from _pytest.nodeid import coerce_node_id  # pytest >= 9.2, where the node id became structured
    except ImportError:
        return
    for item in items:
        groups = sorted({str(mark.args[0] if mark.args else mark.kwargs.get("name", "default"))
                         for mark in item.iter_markers("xdist_group")})
        if groups and "@" not in item.nodeid:
            item._id = coerce_node_id(f"{item.nodeid}@{'_'.join(groups)}")


def wait_until(condition: Callable[[], object], seconds: float, every: float = 0.1) -> bool:
    """Whether ``condition()`` holds within ``seconds``, checked every ``every`` seconds: a test waits
    for what it needs, never for a fixed time."""
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() >= deadline:
            return bool(condition())
        time.sleep(every)
    return True


@dataclass(frozen=True)
class GradedClass:
    """A course where plain ``nbgrader autograde`` graded one chapter's class in one edition."""

    course: Classroom
    chapter: str
    lang: str
    scores: pd.DataFrame  # the gradebook's scores right after autograde
    log: str  # nbgrader's stderr


def graded_class(root: Path, chapter: str, lang: str, with_banks: bool) -> GradedClass:
    """Release ``chapter`` in ``lang`` into a course in ``root`` (outside the repository), hand in
    the solution, the blank release, a broken file and (optionally) the answer banks, autograde
    them all with plain ``nbgrader autograde``."""
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
    return GradedClass(course, chapter, lang, course.scores(chapter), result.stderr)


def class_runs(langs: tuple[str, ...] = LANGS, chapters: tuple[str, ...] = CHAPTERS) -> list:
    """Parameters of the ``autograded`` fixture, one per chapter and edition, with ids such as
    ``ch04_data_analysis-zh``. The tests of one run share an xdist group, so ``--dist loadgroup``
    grades each class once, and different chapters on different workers."""
    return [pytest.param((chapter, lang), id=f"{chapter}-{lang}", marks=pytest.mark.xdist_group(f"{chapter}-{lang}"))
            for chapter in chapters for lang in langs]


@pytest.fixture(scope="session", params=class_runs())
def autograded(request, tmp_path_factory) -> GradedClass:
    """One chapter's class in one edition, autograded by plain nbgrader once per session. The answer
    banks are handed in on the zh edition only (grade cells are identical in both). Shared by the
    autograde tests and the engine's equal-to-plain-nbgrader test (``indirect`` parametrization
    with a value from :func:`class_runs` reuses the same run)."""
    chapter, lang = request.param
    root = tmp_path_factory.mktemp(f"course-{lang}-{chapter}")
    return graded_class(root, chapter, lang, with_banks=(lang == "zh"))


def grade_command(course: Classroom, chapter: str, out: Path) -> list[str]:
    """``ecomcourse grade`` on the class handed in to ``course``, as the README runs it, on 2 workers."""
    return [sys.executable, "-m", "ecomcourse.cli", "grade", chapter, "--submissions",
            str(course.root / "grader" / "submitted"), "--out", str(out), "--grader-dir", str(course.root / "grader"),
            "--workers", "2"]


def slow_answer(chapter: str, solution_id: str, seconds: int) -> dict[str, str]:
    """The solution's answers, with one answer cell that first sleeps ``seconds``."""
    answers = solution_sources(chapter)
    return {**answers, solution_id: f"import time\ntime.sleep({seconds})\n" + answers[solution_id]}
