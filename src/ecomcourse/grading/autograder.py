"""The grading engine's use of nbgrader: the course's configuration, nbgrader's own Autograde
pipeline (its configured steps, in its order), and nbgrader's gradebook.

nbgrader's ``Autograde`` runs two stages on each notebook: ``sanitize_preprocessors``, then
``autograde_preprocessors``. The engine runs the same configured steps, split around the one
``Execute`` step of the second stage: the steps before it and after it run here, in the main
process that owns the gradebook; the ``Execute`` step runs on a worker, in a sandbox.
"""

from __future__ import annotations

import os
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from functools import cached_property
from pathlib import Path

import nbformat
from nbformat import NotebookNode
from nbgrader import utils
from nbgrader.api import Gradebook, MissingEntry
from nbgrader.converters import Autograde
from nbgrader.coursedir import CourseDirectory
from nbgrader.plugins import CsvExportPlugin
from nbgrader.preprocessors import Execute, OverwriteCells
from sqlalchemy.exc import SAWarning
from traitlets.config import Config, PyFileConfigLoader
from traitlets.utils.importstring import import_item

from ..excel_csv import defuse_file
from ..nbgrader_config import put_interpreter_tools_on_path
from .settings import GradingEngine

MESSAGE_CHARS = 300  # of a failure message from the kernel, in the CSV, the report and the feedback


class GradingError(Exception):
    """The batch cannot run (unknown assignment, unreadable folder, unusable config): nothing was graded."""


class RecordChanges:
    """Mixed into the configured OverwriteCells step: notes every change to a test or read-only
    cell that it undoes (it restores them from the gradebook)."""

    changes: list[str]

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
class Steps:
    """nbgrader's Autograde stages as configured: sanitising, then autograding split at Execute."""

    sanitise: list[type]
    before_execute: list[type]
    execute: type[Execute]
    after_execute: list[type]


@dataclass(frozen=True)
class HandGrade:
    score: float | None  # None: nothing entered by hand
    needs_review: bool  # nbgrader's needs_manual_grade
    comment: str


@dataclass(frozen=True)
class Lateness:
    timestamp: datetime | None  # UTC, as nbgrader keeps it
    penalty: float


@dataclass
class Autograder:
    folder: Path  # where nbgrader_config.py is
    config: Config
    coursedir: CourseDirectory
    autograde: Autograde  # nbgrader's converter, for its configured traits
    engine: GradingEngine

    @classmethod
    def load(cls, folder: Path, settings: Config | None = None) -> Autograder:
        """The course configured by ``folder/nbgrader_config.py``, with ``settings`` merged over it."""
        put_interpreter_tools_on_path()
        if not (folder / "nbgrader_config.py").is_file():
            raise GradingError(f"{folder} has no nbgrader_config.py")
        config = PyFileConfigLoader("nbgrader_config.py", path=str(folder)).load_config()
        config.merge(settings or Config())
        coursedir = CourseDirectory(config=config)
        return cls(folder, config, coursedir, Autograde(coursedir=coursedir, config=config),
                   GradingEngine(config=config))

    @property
    def db_url(self) -> str:
        return self.coursedir.db_url

    @cached_property
    def steps(self) -> Steps:
        sanitise = [_resolved(s) for s in self.autograde.sanitize_preprocessors]
        autograde = [_resolved(s) for s in self.autograde.autograde_preprocessors]
        executes = [i for i, step in enumerate(autograde) if isinstance(step, type) and issubclass(step, Execute)]
        if len(executes) != 1:
            raise GradingError("Autograde.autograde_preprocessors must hold exactly one Execute step "
                               f"(nbgrader.preprocessors.Execute or a subclass); it holds {len(executes)}")
        i = executes[0]
        return Steps(sanitise, autograde[:i], autograde[i], autograde[i + 1:])

    @cached_property
    def execute_config(self) -> Config:
        """The sections of the course config that configure the Execute step, for the workers."""
        names = {c.__name__ for c in self.steps.execute.mro()}
        return Config({name: section for name, section in self.config.items() if name in names})

    def notebooks(self, assignment: str) -> list[str]:
        with Gradebook(self.db_url) as gb:
            try:
                return sorted(nb.name for nb in gb.find_assignment(assignment).notebooks)
            except MissingEntry:
                raise GradingError(f"unknown assignment {assignment!r}: it is not in the gradebook "
                                   f"({self.db_url}); run `nbgrader generate_assignment {assignment}` first") from None

    def resources(self, assignment: str, notebook: str, student: str) -> dict:
        """What nbgrader's converter hands its preprocessors."""
        return {"unique_key": notebook, "output_files_dir": f"{notebook}_files",
                "nbgrader": {"db_url": self.db_url, "assignment": assignment, "notebook": notebook,
                             "student": student},
                "metadata": {"name": notebook, "path": self.autograded_folder(assignment, student)}}

    def register(self, assignment: str, student: str, folder: Path) -> None:
        """As nbgrader's Autograde does first: the student (unless Autograde.create_student is
        False), then the submission with the time read from ``folder/timestamp.txt``."""
        with Gradebook(self.db_url) as gb, warnings.catch_warnings():
            warnings.simplefilter("ignore", SAWarning)  # nbgrader's own session handling, harmless
            if self.autograde.create_student:
                gb.update_or_create_student(student)
            else:
                try:
                    gb.find_student(student)
                except MissingEntry:
                    raise ValueError(f"no student with id {student!r} in the gradebook, "
                                     "and Autograde.create_student is False") from None
            try:
                timestamp = self.coursedir.get_existing_timestamp(str(folder))
            except (AttributeError, ValueError, OverflowError):  # nbgrader fails on a timestamp it cannot parse
                raise ValueError(f"{folder.name}/timestamp.txt does not hold a time nbgrader can read") from None
            if timestamp:
                gb.update_or_create_submission(assignment, student, timestamp=timestamp)
            else:
                gb.update_or_create_submission(assignment, student)

    def assignment_files(self, assignment: str, student: str, folder: Path) -> dict[str, bytes]:
        """The files nbgrader puts beside the notebooks it grades: the submission's own, then the
        source folder's (except Autograde.exclude_overwriting), notebooks excluded."""
        ignore = list(self.coursedir.ignore) + ["*.ipynb"]
        source = Path(self.coursedir.format_path(self.coursedir.source_directory, ".", assignment))
        excluded = {str(source / name) for name in self.autograde.exclude_overwriting.get(assignment, [])}
        files = {}
        for base, skip in ((folder, set()), (source, excluded)):
            for name in utils.find_all_files(str(base), ignore) if base.is_dir() else []:
                if name not in skip:
                    files[os.path.relpath(name, base)] = Path(name).read_bytes()
        return files

    def sanitise(self, nb: NotebookNode, assignment: str, notebook: str, student: str
                 ) -> tuple[NotebookNode, list[str]]:
        """nbgrader's sanitising stage, then the autograde steps before Execute; returns the
        notebook and the tampering that was undone."""
        edited = edited_cells(nb)
        changes: list[str] = []
        steps = self.steps
        nb, _ = self._run(steps.sanitise, nb, self.resources(assignment, notebook, student), changes)
        for index, cell in enumerate(nb.cells):
            cell.setdefault("id", f"restored-{index}")  # cells nbgrader puts back come without an id
        nb, _ = self._run(steps.before_execute, nb, self.resources(assignment, notebook, student), changes)
        return nb, [f"{name} (edited)" for name in edited] + changes

    def save(self, nb: NotebookNode, assignment: str, notebook: str, student: str, files: dict[str, bytes]
             ) -> NotebookNode:
        """The autograde steps after Execute (nbgrader's save the grades and the late penalty), then
        the graded notebook and its files in the autograded folder, with nbgrader's permissions."""
        nb, _ = self._run(self.steps.after_execute, nb, self.resources(assignment, notebook, student), [])
        folder = Path(self.autograded_folder(assignment, student))
        for name, content in {**files, f"{notebook}.ipynb": nbformat.writes(nb).encode()}.items():
            with replacing(folder / name, int(str(self.autograde.permissions), 8)) as temporary:
                temporary.write_bytes(content)
        return nb

    def _run(self, steps: list, nb: NotebookNode, resources: dict, changes: list[str]) -> tuple[NotebookNode, dict]:
        for step in steps:
            if isinstance(step, type) and issubclass(step, OverwriteCells):
                step = type(f"Recording{step.__name__}", (RecordChanges, step), {})(config=self.config)
                step.changes = changes
            elif isinstance(step, type):
                step = step(config=self.config)
            nb, resources = step(nb, resources)  # __call__ honours "enabled", as in nbgrader's exporter
        return nb, resources

    def save_zero(self, assignment: str, notebook: str, student: str) -> None:
        """No gradable notebook: every test scores 0, as nbgrader does for a missing file."""
        with Gradebook(self.db_url) as gb:
            submission = gb.find_submission_notebook(notebook, assignment, student)
            for grade in submission.grades:
                grade.auto_score = 0
                grade.needs_manual_grade = False
            gb.db.commit()

    def autograded_folder(self, assignment: str, student: str) -> str:
        return self.coursedir.format_path(self.coursedir.autograded_directory, student, assignment)

    def feedback_path(self, assignment: str, notebook: str, student: str) -> Path:
        folder = self.coursedir.format_path(self.coursedir.feedback_directory, student, assignment)
        return Path(folder) / f"{notebook}.html"

    def export(self, path: Path) -> None:
        """What ``nbgrader export`` writes, by the exporter the course configures (``ExportApp.plugin_class``);
        a CSV exporter's file is then defused, as student ids are folder names."""
        plugin = _resolved(self.config.ExportApp.get("plugin_class", CsvExportPlugin))
        with Gradebook(self.db_url) as gb:
            plugin(config=self.config, to=str(path.resolve())).export(gb)
        if issubclass(plugin, CsvExportPlugin):
            defuse_file(path)

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

    def lateness(self, assignments: list[str]) -> dict[tuple[str, str], Lateness]:
        """Each submission's time and late penalty, by (student, assignment)."""
        with Gradebook(self.db_url) as gb:
            return {(submission.student.id, assignment): Lateness(submission.timestamp,
                                                                  float(submission.late_submission_penalty or 0))
                    for assignment in assignments for submission in gb.assignment_submissions(assignment)}

    def max_scores(self, assignment: str, notebook: str) -> dict[str, float]:
        with Gradebook(self.db_url) as gb:
            nb = gb.find_notebook(notebook, assignment)
            return {cell.name: float(cell.max_score) for cell in nb.grade_cells}


def _resolved(step: object) -> object:
    """A configured class, instance, or import string (as nbconvert and nbgrader accept) as an object."""
    return import_item(step) if isinstance(step, str) else step


@contextmanager
def replacing(path: Path, mode: int | None = None) -> Iterator[Path]:
    """A temporary file to write, which then replaces ``path`` whole: a run killed while writing
    leaves the old file, and a read-only old file is no obstacle."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.partial")
    temporary.unlink(missing_ok=True)  # left by a killed run, maybe read-only
    try:
        yield temporary
        if mode is not None:
            os.chmod(temporary, mode)
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)


def edited_cells(nb: NotebookNode) -> list[str]:
    """Read-only cells whose source no longer matches the checksum they were released with."""
    return [cell.metadata.nbgrader["grade_id"] for cell in nb.cells
            if (utils.is_locked(cell) or utils.is_grade(cell)) and not utils.is_solution(cell)
            and "checksum" in cell.metadata.get("nbgrader", {})
            and utils.compute_checksum(cell) != cell.metadata.nbgrader["checksum"]]


def _cut(message: str) -> str:
    """A message from the kernel, at most MESSAGE_CHARS long."""
    return message if len(message) <= MESSAGE_CHARS else message[:MESSAGE_CHARS - 1] + "…"


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
            message = _cut(f"{errors[0].get('ename', '')}: {errors[0].get('evalue', '')}".strip(": "))
        rows.append((cell.metadata.nbgrader["grade_id"], "auto", float(score or 0), float(max_score), message))
    return rows
