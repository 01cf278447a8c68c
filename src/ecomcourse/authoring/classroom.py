"""A throw-away nbgrader course outside the repository: release, hand in, autograde, read scores.

Everything goes through the real nbgrader command line and gradebook, exactly as an instructor
would run them; tests, the answer banks and the demo all use it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pandas as pd
from nbformat import NotebookNode
from nbgrader.api import Gradebook

from .. import paths
from ..nbgrader_config import put_interpreter_tools_on_path


class Classroom:
    """A copy of the course in ``root`` — ``solutions/`` and ``grader/nbgrader_config.py`` — with
    the chapters released in each of ``langs`` by nbgrader run from ``root/grader``, as the README
    tells instructors. The gradebook holds the last edition released (grade cells are the same)."""

    def __init__(self, root: Path, chapters: tuple[str, ...], langs: tuple[str, ...] = ("zh",)):
        self.root = Path(root)
        (self.root / "grader").mkdir(parents=True, exist_ok=True)
        for chapter in chapters:
            shutil.copytree(paths.master_notebook(chapter).parent, paths.master_notebook(chapter, self.root).parent,
                            dirs_exist_ok=True)
        shutil.copyfile(paths.GRADER / "nbgrader_config.py", self.root / "grader" / "nbgrader_config.py")
        for lang in langs:
            for chapter in chapters:
                self.nbgrader("generate_assignment", chapter, "--force", env={"ECOMCOURSE_LANG": lang})

    def nbgrader(self, *args: str, check: bool = True, env: dict[str, str] | None = None
                 ) -> subprocess.CompletedProcess:
        put_interpreter_tools_on_path()
        return subprocess.run([sys.executable, "-m", "nbgrader", *args], cwd=self.root / "grader", check=check,
                              capture_output=True, text=True, env={**os.environ, **(env or {})})

    def set_due_date(self, chapter: str, due: str) -> None:
        """Give the assignment a due date in the gradebook, e.g. ``"2026-03-01 12:00:00 Asia/Shanghai"``."""
        self.nbgrader("db", "assignment", "add", chapter, f"--duedate={due}")

    def student_notebook_path(self, chapter: str, lang: str = "zh") -> Path:
        return paths.released_notebook(chapter, lang, self.root)

    def student_notebook(self, chapter: str, lang: str = "zh") -> NotebookNode:
        return nbformat.read(self.student_notebook_path(chapter, lang), as_version=4)

    def hand_in(self, student: str, chapter: str, notebook: NotebookNode | str, timestamp: str | None = None) -> Path:
        """Place a submission (a notebook, or raw text for a broken file) in nbgrader's layout, with
        the ``timestamp.txt`` nbgrader's collect writes when a time is given."""
        path = paths.submitted_notebook(chapter, student, self.root)
        folder = path.parent
        folder.mkdir(parents=True, exist_ok=True)
        text = notebook if isinstance(notebook, str) else nbformat.writes(notebook)
        path.write_text(text, encoding="utf-8")
        if timestamp:
            (folder / "timestamp.txt").write_text(timestamp, encoding="utf-8")
        return path

    def autograde(self, chapter: str) -> subprocess.CompletedProcess:
        return self.nbgrader("autograde", chapter, "--force", check=False)

    def scores(self, chapter: str) -> pd.DataFrame:
        """One row per student × graded cell: student_id, grade_id, score, max_score, needs_manual_grade."""
        rows = []
        with Gradebook(f"sqlite:///{self.root / 'grader' / 'gradebook.db'}") as gb:
            for submission in gb.assignment_submissions(chapter):
                for notebook in submission.notebooks:
                    rows += [(submission.student.id, g.cell.name, g.score, g.max_score, g.needs_manual_grade)
                             for g in notebook.grades]
        return pd.DataFrame(rows, columns=["student_id", "grade_id", "score", "max_score", "needs_manual_grade"])


def fill_answers(notebook: NotebookNode, answers: dict[str, str]) -> NotebookNode:
    """A copy of a student notebook with the given solution cells (by grade id) replaced."""
    filled = nbformat.from_dict(notebook)
    for cell in filled.cells:
        grade_id = cell.metadata.get("nbgrader", {}).get("grade_id")
        if grade_id in answers:
            cell.source = answers[grade_id]
    return filled


def solution_sources(chapter: str) -> dict[str, str]:
    """Solution cells of the master notebook with the nbgrader markers removed."""
    nb = nbformat.read(paths.master_notebook(chapter), as_version=4)
    answers = {}
    for cell in nb.cells:
        meta = cell.metadata.get("nbgrader", {})
        if meta.get("solution"):
            lines = [line for line in cell.source.splitlines() if "### BEGIN SOLUTION" not in line
                     and "### END SOLUTION" not in line]
            answers[meta["grade_id"]] = "\n".join(lines)
    return answers
