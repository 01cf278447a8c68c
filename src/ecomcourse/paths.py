"""Where the course's folders are in a checkout; nbgrader's ``CourseDirectory`` lays out those it knows."""

from __future__ import annotations

from pathlib import Path

from .nbgrader_config import course_directory

ROOT = Path(__file__).resolve().parents[2]
DATASETS = ROOT / "datasets"
SOLUTIONS = ROOT / "solutions"
NOTEBOOKS = ROOT / "notebooks"
GRADER = ROOT / "grader"
BANKS = GRADER / "banks"
CATALOG = GRADER / "exercises.json"


def master_notebook(chapter: str, root: Path = ROOT) -> Path:
    """``solutions/<chapter>/<chapter>.ipynb``: nbgrader's source of the chapter."""
    coursedir = course_directory(root)
    return Path(coursedir.format_path(coursedir.source_directory, ".", chapter)) / f"{chapter}.ipynb"


def released_notebook(chapter: str, lang: str, root: Path = ROOT) -> Path:
    """``notebooks/<lang>/<chapter>/<chapter>.ipynb``: nbgrader's release of the ``lang`` edition."""
    coursedir = course_directory(root, lang)
    return Path(coursedir.format_path(coursedir.release_directory, ".", chapter)) / f"{chapter}.ipynb"


def submitted_notebook(chapter: str, student: str, root: Path = ROOT) -> Path:
    """``grader/submitted/<student>/<chapter>/<chapter>.ipynb``: where nbgrader's collect files a submission."""
    coursedir = course_directory(root)
    return Path(coursedir.format_path(coursedir.submitted_directory, student, chapter)) / f"{chapter}.ipynb"


def submitted_folder(root: Path = ROOT) -> Path:
    """``grader/submitted``: nbgrader's submitted directory, one folder per student inside."""
    coursedir = course_directory(root)
    return Path(coursedir.root) / coursedir.submitted_directory
