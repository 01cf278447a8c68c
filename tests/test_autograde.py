"""Real ``nbgrader autograde`` in a course folder outside the repository: the solution earns
full marks on every test (and its written memo awaits a grade by hand), the blank release and a
broken file earn zero without stopping the batch, and the
answer banks behave — every wrong answer loses its exercise, every alternative correct answer
earns it. Both editions, one chapter and edition per test id (``[ch04_data_analysis-zh]``)."""

from __future__ import annotations

import pytest
from conftest import class_runs

from ecomcourse.authoring.banks import submissions
from ecomcourse.authoring.catalogue import autograded as autograded_exercises
from ecomcourse.authoring.catalogue import chapter_exercises

pytestmark = pytest.mark.slow


def _by_cell(scores, student):
    rows = scores[scores["student_id"] == student]
    return dict(zip(rows["grade_id"], zip(rows["score"], rows["max_score"])))


def test_solution_gets_full_marks(autograded):
    chapter, scores, log = autograded.chapter, autograded.scores, autograded.log
    cells = _by_cell(scores, "solved")
    assert cells, log[-3000:]
    exercises = chapter_exercises(chapter)
    by_hand = {e.grade_id for e in exercises} - {e.grade_id for e in autograded_exercises(exercises)}
    assert all(score == top for grade_id, (score, top) in cells.items() if grade_id not in by_hand), cells
    solved = scores[scores["student_id"] == "solved"].set_index("grade_id")
    for grade_id in by_hand:  # a written answer is scored in formgrader, never by autograde
        assert solved.loc[grade_id, "needs_manual_grade"] and solved.loc[grade_id, "score"] == 0
    blank = scores[scores["student_id"] == "blank"].set_index("grade_id")
    assert not blank.loc[list(by_hand), "needs_manual_grade"].any(), "a blank memo scores 0 with nothing to review"


def test_blank_and_broken_get_zero_and_the_batch_goes_on(autograded):
    chapter, scores, log = autograded.chapter, autograded.scores, autograded.log
    total = sum(e.points for e in chapter_exercises(chapter))
    for student in ("blank", "broken"):
        cells = _by_cell(scores, student)
        assert sum(score for score, _ in cells.values()) == 0, (student, cells)
    assert sum(top for _, top in _by_cell(scores, "blank").values()) == total
    assert "broken" in log  # nbgrader reports it, and still grades the others


@pytest.mark.parametrize("autograded", class_runs(langs=("zh",)), indirect=True)
def test_answer_banks(autograded):
    """The banks are graded once, on the zh edition; grade cells are identical in both."""
    chapter, scores = autograded.chapter, autograded.scores
    failures = []
    exercises = {e.solution_id: e for e in autograded_exercises(chapter_exercises(chapter))}
    groups = submissions(chapter)
    for solution_id in exercises:
        verdicts = [a.verdict for g in groups.values() for a in g.values() if a.solution_id == solution_id]
        if verdicts.count("wrong") < 2 or verdicts.count("correct") < 1:
            failures.append(f"{chapter}/{solution_id}: needs ≥ 2 wrong and ≥ 1 correct answers")
    for name, answers in groups.items():
        cells = _by_cell(scores, f"bank-{name}")
        for answer in answers.values():
            score, top = cells[exercises[answer.solution_id].grade_id]
            if answer.verdict == "correct" and score != top:
                failures.append(f"{chapter}/{answer.label}: correct answer got {score}/{top}")
            if answer.verdict == "wrong" and score != 0:
                failures.append(f"{chapter}/{answer.label}: wrong answer got {score}/{top}")
    assert failures == []
