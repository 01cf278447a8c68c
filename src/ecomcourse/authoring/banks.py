"""Answer banks: realistic wrong answers that must lose the points, and differently written
correct answers that must earn them. One file per answer:
``grader/banks/<chapter>/<solution grade id>/{correct,wrong}_<what>.py``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .. import paths


@dataclass(frozen=True)
class BankAnswer:
    chapter: str
    solution_id: str
    verdict: str  # correct | wrong
    name: str
    source: str

    @property
    def label(self) -> str:
        return f"{self.solution_id}/{self.verdict}_{self.name}"


def load_bank(chapter: str, root: Path = paths.BANKS) -> list[BankAnswer]:
    answers = []
    for path in sorted((root / chapter).glob("*/*.py")):
        verdict, _, name = path.stem.partition("_")
        answers.append(BankAnswer(chapter, path.parent.name, verdict, name, path.read_text(encoding="utf-8")))
    return answers


def submissions(chapter: str) -> dict[str, dict[str, BankAnswer]]:
    """Bank answers grouped into whole submissions: ``correct-1``, ``wrong-1``, ``wrong-2``, …

    Exercises are independent, so the n-th answer of one kind for every exercise can share one
    notebook; an exercise with fewer answers is simply left out of the later submissions.
    """
    grouped: dict[str, dict[str, BankAnswer]] = {}
    counters: dict[tuple[str, str], int] = {}
    for answer in load_bank(chapter):
        key = (answer.solution_id, answer.verdict)
        counters[key] = counters.get(key, 0) + 1
        grouped.setdefault(f"{answer.verdict}-{counters[key]}", {})[answer.solution_id] = answer
    return grouped
