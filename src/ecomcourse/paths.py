"""Where the course's folders are, relative to the repository root."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DATASETS = ROOT / "datasets"
SOLUTIONS = ROOT / "solutions"
NOTEBOOKS = ROOT / "notebooks"
GRADER = ROOT / "grader"
BANKS = GRADER / "banks"
CATALOG = GRADER / "exercises.json"


def master_notebook(chapter: str) -> Path:
    return SOLUTIONS / chapter / f"{chapter}.ipynb"


def released_notebook(chapter: str, lang: str) -> Path:
    return NOTEBOOKS / lang / chapter / f"{chapter}.ipynb"
