"""The exercise catalogue: every graded exercise of every chapter, read from the master notebooks."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path

import nbformat

from .. import paths
from ..chapters import chapter_ids


@dataclass(frozen=True)
class Exercise:
    grade_id: str  # the test cell that scores it
    solution_id: str  # the cell the student writes in
    chapter: str
    points: float
    answer: str  # the function or variable the tests call; the written answer's name for a memo
    kind: str  # function | variable | memo (written, graded by hand in formgrader)
    asks_zh: str
    asks_en: str


def chapter_exercises(chapter: str, notebook: Path | None = None) -> list[Exercise]:
    nb = nbformat.read(notebook or paths.master_notebook(chapter), as_version=4)
    tests = {c.metadata["nbgrader"]["grade_id"]: c for c in nb.cells
             if c.metadata.get("nbgrader", {}).get("grade") and c.cell_type == "code"}
    exercises = []
    for cell in nb.cells:
        answer = cell.metadata.get("ecomcourse", {})
        if "answer" not in answer:
            continue
        solution_id = cell.metadata["nbgrader"]["grade_id"]
        scored_by = cell if answer["kind"] == "memo" else tests[f"test_{solution_id}"]
        exercises.append(Exercise(
            grade_id=scored_by.metadata["nbgrader"]["grade_id"], solution_id=solution_id, chapter=chapter,
            points=float(scored_by.metadata["nbgrader"]["points"]), answer=answer["answer"], kind=answer["kind"],
            asks_zh=answer["asks"]["zh"], asks_en=answer["asks"]["en"]))
    return exercises


def autograded(exercises: list[Exercise]) -> list[Exercise]:
    """The exercises hidden tests score (a memo is scored by hand)."""
    return [e for e in exercises if e.kind != "memo"]


def catalog_text() -> str:
    """``grader/exercises.json``: every chapter's exercises, in course order."""
    exercises = [asdict(e) for chapter in chapter_ids() for e in chapter_exercises(chapter)]
    return json.dumps(exercises, indent=1, ensure_ascii=False) + "\n"
