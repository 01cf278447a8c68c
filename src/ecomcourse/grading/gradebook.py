"""The grading engine's use of nbgrader: the course's config, sanitising a submission with
nbgrader's own preprocessors, and saving grades into nbgrader's gradebook.

Only the main process touches the gradebook; workers only execute notebooks.
"""

from __future__ import annotations

import json
import subprocess
import sys
import warnings
from dataclasses import dataclass
from pathlib import Path

import nbformat
from nbformat import NotebookNode
from nbgrader import utils
from nbgrader.api import Gradebook, MissingEntry
from nbgrader.coursedir import CourseDirectory
from nbgrader.preprocessors import (
    AssignLatePenalties,
    CheckCellMetadata,
    ClearOutput,
    DeduplicateIds,
    OverwriteCells,
    OverwriteKernelspec,
    SaveAutoGrades,
)
from sqlalchemy.exc import SAWarning
from traitlets.config import Config, PyFileConfigLoader

from .. import paths
from ..nbgrader_course import put_interpreter_tools_on_path


class GradingError(Exception):
    """The batch cannot run (unknown assignment, unreadable folder): nothing was graded."""


class TamperRecorder(OverwriteCells):
    """nbgrader's OverwriteCells (restores test and locked cells from the gradebook), noting
    every change it had to undo."""

    def preprocess(self, nb: NotebookNode, resources: dict) -> tuple[NotebookNode, dict]:
        self.changes: list[str] = []
        return super().preprocess(nb, resources)

    def report_change(self, name: str, attr: str, old: object, new: object) -> None:
        if attr != "checksum":  # hidden tests always differ from the released cell; see edited_cells
            self.changes.append(f"{name} ({attr})")

    def add_missing_grade_cells(self, nb: NotebookNode, resources: dict) -> tuple[NotebookNode, dict]:
        present = {c.metadata.get("nbgrader", {}).get("grade_id") for c in nb.cells}
        nb, resources = super().add_missing_grade_cells(nb, resources)
        restored = {c.metadata.get("nbgrader", {}).get("grade_id") for c in nb.cells} - present
        self.changes += [f"{name} (deleted)" for name in sorted(n for n in restored if n)]
        return nb, resources


@dataclass(frozen=True)
class HandGrade:
    score: float | None  # None: nothing entered by hand
    needs_review: bool  # nbgrader's needs_manual_grade
    comment: str


@dataclass
class Course:
    folder: Path  # where nbgrader_config.py is
    config: Config
    coursedir: CourseDirectory

    @classmethod
    def load(cls, folder: Path) -> Course:
        put_interpreter_tools_on_path()
        if not (folder / "nbgrader_config.py").is_file():
            raise GradingError(f"{folder} has no nbgrader_config.py")
        config = PyFileConfigLoader("nbgrader_config.py", path=str(folder)).load_config()
        return cls(folder, config, CourseDirectory(config=config))

    @property
    def db_url(self) -> str:
        return self.coursedir.db_url

    def notebooks(self, assignment: str) -> list[str]:
        with Gradebook(self.db_url) as gb:
            try:
                return sorted(nb.name for nb in gb.find_assignment(assignment).notebooks)
            except MissingEntry:
                raise GradingError(f"unknown assignment {assignment!r}: it is not in the gradebook "
                                   f"({self.db_url}); run `nbgrader generate_assignment {assignment}` first") from None

    def private_folders(self) -> list[Path]:
        """Folders a submission must not see: answers, gradebook, other students' work."""
        root = Path(self.coursedir.root)
        folders = [root / self.coursedir.source_directory, root / self.coursedir.submitted_directory,
                   root / self.coursedir.autograded_directory, root / self.coursedir.feedback_directory,
                   self.folder, paths.SOLUTIONS, paths.GRADER]  # the package's own repository too
        db = self.db_url.removeprefix("sqlite:///")
        if db != self.db_url:
            folders.append(Path(db).parent)
        return folders

    def config_json(self) -> str:
        keep = {k: dict(v) for k, v in self.config.items() if k in ("IgnorePattern", "LimitOutput", "Execute")}
        return json.dumps(keep, default=str)

    def resources(self, assignment: str, notebook: str, student: str) -> dict:
        return {"nbgrader": {"db_url": self.db_url, "assignment": assignment, "notebook": notebook,
                             "student": student}, "metadata": {}}

    def register(self, assignment: str, student: str) -> None:
        with Gradebook(self.db_url) as gb, warnings.catch_warnings():
            warnings.simplefilter("ignore", SAWarning)  # nbgrader's own session handling, harmless
            gb.update_or_create_student(student)
            gb.update_or_create_submission(assignment, student)

    def sanitise(self, nb: NotebookNode, assignment: str, notebook: str, student: str
                 ) -> tuple[NotebookNode, list[str]]:
        """nbgrader's sanitising steps; returns the notebook and the tampering that was undone."""
        edited = edited_cells(nb)
        resources = self.resources(assignment, notebook, student)
        recorder = TamperRecorder(config=self.config, add_missing_cells=True)
        for step in (ClearOutput(config=self.config), DeduplicateIds(config=self.config),
                     OverwriteKernelspec(config=self.config), recorder, CheckCellMetadata(config=self.config)):
            nb, resources = step(nb, resources)
        for index, cell in enumerate(nb.cells):
            cell.setdefault("id", f"restored-{index}")  # cells nbgrader puts back come without an id
        return nb, [f"{name} (edited)" for name in edited] + recorder.changes

    def save(self, nb: NotebookNode, assignment: str, notebook: str, student: str) -> None:
        resources = self.resources(assignment, notebook, student)
        for step in (SaveAutoGrades(config=self.config), AssignLatePenalties(config=self.config)):
            nb, resources = step(nb, resources)
        path = Path(self.coursedir.format_path(self.coursedir.autograded_directory, student, assignment))
        path.mkdir(parents=True, exist_ok=True)
        (path / f"{notebook}.ipynb").write_text(nbformat.writes(nb), encoding="utf-8")

    def save_zero(self, assignment: str, notebook: str, student: str) -> None:
        """No gradable notebook: every test scores 0, as nbgrader does for a missing file."""
        with Gradebook(self.db_url) as gb:
            submission = gb.find_submission_notebook(notebook, assignment, student)
            for grade in submission.grades:
                grade.auto_score = 0
                grade.needs_manual_grade = False
            gb.db.commit()

    def feedback_path(self, assignment: str, notebook: str, student: str) -> Path:
        folder = self.coursedir.format_path(self.coursedir.feedback_directory, student, assignment)
        return Path(folder) / f"{notebook}.html"

    def export(self, path: Path) -> None:
        """nbgrader's own total export (``nbgrader export``)."""
        subprocess.run([sys.executable, "-m", "nbgrader", "export", f"--to={path}"], cwd=self.folder,
                       check=True, capture_output=True)

    def hand_grades(self, assignments: list[str]) -> dict[tuple[str, str, str], HandGrade]:
        """What instructors entered in formgrader, by (student, assignment, grade id)."""
        found = {}
        with Gradebook(self.db_url) as gb:
            for assignment in assignments:
                for submission in gb.assignment_submissions(assignment):
                    for notebook in submission.notebooks:
                        comments = {c.name: c.comment or "" for c in notebook.comments}
                        for grade in notebook.grades:
                            found[(submission.student.id, assignment, grade.name)] = HandGrade(
                                score=None if grade.manual_score is None and not grade.extra_credit
                                else float(grade.score),
                                needs_review=bool(grade.needs_manual_grade), comment=comments.get(grade.name, ""))
        return found

    def max_scores(self, assignment: str, notebook: str) -> dict[str, float]:
        with Gradebook(self.db_url) as gb:
            nb = gb.find_notebook(notebook, assignment)
            return {cell.name: float(cell.max_score) for cell in nb.grade_cells}


def edited_cells(nb: NotebookNode) -> list[str]:
    """Read-only cells whose source no longer matches the checksum they were released with."""
    return [cell.metadata.nbgrader["grade_id"] for cell in nb.cells
            if (utils.is_locked(cell) or utils.is_grade(cell)) and not utils.is_solution(cell)
            and "checksum" in cell.metadata.get("nbgrader", {})
            and utils.compute_checksum(cell) != cell.metadata.nbgrader["checksum"]]


def cell_results(nb: NotebookNode) -> list[tuple[str, str, float, float, str]]:
    """(grade id, grading, score, max score, failure message) for every grade cell; grading is
    ``auto`` for a test cell, and for a written answer ``pending`` (an instructor scores it in
    formgrader) or ``blank`` (left as released: nbgrader scores it 0)."""
    rows = []
    for cell in nb.cells:
        if not utils.is_grade(cell):
            continue
        score, max_score = utils.determine_grade(cell)
        if utils.is_solution(cell) or cell.cell_type != "code":
            grading = "blank" if score is not None else "pending"
            rows.append((cell.metadata.nbgrader["grade_id"], grading, float(score or 0), float(max_score), ""))
            continue
        errors = [out for out in cell.get("outputs", []) if out.get("output_type") == "error"]
        message = ""
        if errors:
            message = f"{errors[0].get('ename', '')}: {errors[0].get('evalue', '')}".strip(": ")
        rows.append((cell.metadata.nbgrader["grade_id"], "auto", float(score or 0), float(max_score), message))
    return rows
