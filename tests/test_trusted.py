"""Grades a student cannot fake: the engine decides each test in its own process, on plain data
from the student's kernel. Per chapter, the class plain nbgrader graded (the solution, the blank
release, every answer bank) gets the same score on every cell from the engine, while a
submission for each route into the kernel (input and AST transformers, an exception handler, a
silenced traceback, an event hook, answers that pretend) earns nothing and is reported."""

from __future__ import annotations

import shutil
import socket
import struct
from pathlib import Path

import nbformat
import numpy as np
import pandas as pd
import pytest
from conftest import CHAPTERS, class_runs
from hostile import ROUTES, hostile_notebooks

from ecomcourse.authoring.classroom import Classroom, solution_sources
from ecomcourse.grading.engine import grade
from ecomcourse.grading.plain_data import MAX_BYTES, NotPlainData, dumps, loads, receive
from ecomcourse.grading.settings import overrides
from ecomcourse.grading.trusted import hook_changes, split_tests

SETTINGS = overrides(workers=1, cell_timeout=60, notebook_timeout=300)  # one worker: the browser tests run beside
TAMPERING = {"input_transformer", "ast_transformer", "event_hook", "pretend"}  # the kernel lies about a test


@pytest.mark.parametrize("value", [
    None, True, 3, -2.5, float("nan"), float("inf"), "转化率", np.str_("cart"), np.int64(4), np.float64(0.25),
    np.bool_(False), np.datetime64("2025-06-16"), [1, (2, "x")], {"a": 1, 2: [None], ("k", 1): 0.5},
    pd.Timestamp("2025-06-16 10:00"), pd.NaT,
    pd.Series([0.1, 0.2], index=pd.Index(["natural_search", "paid_ads"], name="source"), name="cr"),
    pd.DataFrame({0: [1.0, np.nan], 1: [0.5, 0.25]}, index=pd.Index(["2025-01", "2025-02"], name="cohort")),
    pd.DataFrame({"uv": [30, 20]}, index=pd.DatetimeIndex(["2025-06-16", "2025-06-17"], name="date")),
])
def test_plain_data_comes_back_as_it_left(value):
    back = loads(dumps(value))
    assert type(back) is type(value) or isinstance(value, np.str_) and type(back) is str
    if isinstance(value, (pd.DataFrame, pd.Series)):
        assert back.equals(value) and back.index.name == value.index.name
        assert list(back.columns if isinstance(back, pd.DataFrame) else [back.name]) == \
            list(value.columns if isinstance(value, pd.DataFrame) else [value.name])
    elif value is pd.NaT or value != value:
        assert back is pd.NaT or back != back
    else:
        assert back == value


class Pretender:
    @property
    def __class__(self):  # noqa: ANN204
        return pd.DataFrame

    def __eq__(self, other):  # noqa: ANN001, ANN204
        return True

    __hash__ = object.__hash__


class FrameSubclass(pd.DataFrame):
    pass


@pytest.mark.parametrize("answer", [Pretender(), FrameSubclass({"a": [1]}), (x for x in []), pd.DataFrame,
                                    pd.DataFrame({"mixed": ["a", 1]}, dtype=object), {1, 2}])
def test_what_is_not_plain_data_cannot_be_sent(answer):
    with pytest.raises(NotPlainData):
        dumps(answer)


def _message(tree: str, *tables: bytes) -> bytes:
    parts = [tree.encode(), *tables]
    return struct.pack(">I", len(parts)) + b"".join(struct.pack(">Q", len(p)) + p for p in parts)


@pytest.mark.parametrize("data", [
    _message('{"numpy": "O", "value": 1}'), _message('{"frame": 0}'), _message('{"frame": 0}', b"not arrow"),
    _message('{"eval": "1+1"}'), _message('{"dict": [[[1], 2]]}'), _message("[" * 100 + "]" * 100),
    _message("1")[:-1], _message("1") + b"x", struct.pack(">I", 2**31), b"",
    dumps(pd.DataFrame({"a": [1.0]}))[:-8],
])
def test_what_the_engine_did_not_write_is_refused(data):
    with pytest.raises(NotPlainData):
        loads(data)


def test_a_message_too_large_is_refused_before_it_is_read():
    engine, kernel = socket.socketpair()
    with engine, kernel:
        kernel.sendall(struct.pack(">Q", MAX_BYTES + 1))
        with pytest.raises(NotPlainData):
            receive(engine)


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_each_test_cell_reads_only_the_answers_of_its_notebook(chapter):
    """The trusted check takes from the kernel only the names a test cell reads but never binds:
    they must be answers (defined by solution cells), never the notebook's data, which a student
    could replace. The kernel gets the cell as released: hidden tests removed."""
    from ecomcourse import paths

    nb = nbformat.read(paths.master_notebook(chapter), as_version=4)
    answers = set()
    for source in solution_sources(chapter).values():
        try:
            answers |= _bound_names(source)
        except SyntaxError:  # a written answer
            continue
    full = {c.metadata.nbgrader["grade_id"]: c.source for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade")}
    tests = split_tests(nb, overrides())
    assert tests
    for grade_id, test in tests.items():
        assert set(test.names) <= answers, (grade_id, set(test.names) - answers)
        assert test.names, f"{grade_id} reads no answer"
        assert "HIDDEN TESTS" not in test.released and test.source == full[grade_id]
        assert [part for part, _ in test.parts].count("hidden") == 1, grade_id


def _bound_names(source: str) -> set[str]:
    import ast

    tree = ast.parse(source)
    return {node.name for node in tree.body if isinstance(node, (ast.FunctionDef, ast.ClassDef))} | \
        {target.id for node in tree.body if isinstance(node, ast.Assign) for target in node.targets
         if isinstance(target, ast.Name)}


def test_hooks_the_notebook_added_are_reported_and_the_courses_own_are_not():
    before = {"input transformer": ["IPython.core.inputtransformer2.leading_empty_lines#1"],
              "event hook": [], "functions": {"numpy.allclose": 1, "builtins.input": 5}}
    after = {"input transformer": ["IPython.core.inputtransformer2.leading_empty_lines#1", "__main__._off#9"],
             "event hook": ["post_execute: ecomcourse.notebook.setup.<locals>.<lambda>#3"],
             "functions": {"numpy.allclose": 2, "builtins.input": 6}}
    assert hook_changes(before, after) == ["input transformer: __main__._off", "replaced functions: numpy.allclose"]
    assert hook_changes(before, before) == []


def _hostile_class(course: Classroom, chapter: str) -> None:
    for route, notebook in hostile_notebooks(chapter, course.student_notebook(chapter)).items():
        course.hand_in(f"hostile-{route}", chapter, notebook)


@pytest.mark.slow
@pytest.mark.parametrize("autograded", class_runs(langs=("zh",)), indirect=True)
def test_genuine_answers_keep_their_grades_and_tampering_earns_nothing(autograded, tmp_path):
    chapter = autograded.chapter
    plain = autograded.scores[autograded.scores["student_id"] != "broken"]  # not JSON: see the hostile class
    plain = plain.set_index(["student_id", "grade_id"])["score"].sort_index()
    course = Classroom(tmp_path, (chapter,), ("zh",))
    handed_in, submitted = autograded.course.root / "grader" / "submitted", course.root / "grader" / "submitted"
    shutil.copytree(handed_in, submitted, ignore=lambda folder, _: ["broken"] if Path(folder) == handed_in else [])
    _hostile_class(course, chapter)
    run = grade([chapter], submitted, tmp_path / "engine.csv", course.root / "grader", SETTINGS, progress=False)
    rows = run.rows.set_index(["student_id", "grade_id"])
    genuine = rows.loc[plain.index, "score"].sort_index()
    assert genuine.to_dict() == plain.to_dict(), "the solution and every bank answer: as plain nbgrader grades them"
    assert set(rows.loc[["solved"], "status"]) == {"graded"}
    in_gradebook = course.scores(chapter).set_index(["student_id", "grade_id"])["score"]
    assert in_gradebook.sort_index().to_dict() == rows["score"].sort_index().to_dict(), "the gradebook agrees"
    again = grade([chapter], submitted, tmp_path / "engine.csv", course.root / "grader", SETTINGS, progress=False,
                  only_changed=True)
    assert again.skipped == len(rows.index.unique("student_id")), "nothing changed: nothing graded again"
    assert again.rows.set_index(["student_id", "grade_id"])["score"].sort_index().to_dict() == \
        rows["score"].sort_index().to_dict()

    hostile = run.rows[run.rows["student_id"].str.startswith("hostile-")]
    assert sorted(hostile["student_id"].unique()) == sorted(f"hostile-{r}" for r in [*ROUTES, "pretend"])
    assert hostile["score"].sum() == 0, hostile.groupby("student_id")["score"].sum()
    for student, found in hostile.groupby("student_id"):
        route = student.removeprefix("hostile-")
        status, message = found["status"].iloc[0], found["message"].iloc[-1]
        assert status == "tampered" if route in TAMPERING else status in ("tampered", "flagged"), (student, status)
        assert "the kernel" in message or "flagged for review" in message, (student, message)


@pytest.mark.slow
def test_plain_nbgrader_is_fooled_where_the_engine_is_not(tmp_path):
    """The same transformer submissions under plain ``nbgrader autograde``: full marks. This is
    what the engine's trusted checks are for (see the README)."""
    chapter = "ch04_data_analysis"
    course = Classroom(tmp_path, (chapter,), ("zh",))
    _hostile_class(course, chapter)
    assert course.autograde(chapter).returncode == 0
    plain = course.scores(chapter).groupby("student_id")["score"].sum()
    full = course.scores(chapter).groupby("student_id")["max_score"].sum()
    for route in ("input_transformer", "ast_transformer"):
        assert plain[f"hostile-{route}"] == full[f"hostile-{route}"] > 0, route
    run = grade([chapter], course.root / "grader" / "submitted", tmp_path / "engine.csv", course.root / "grader",
                SETTINGS, progress=False)
    assert run.rows["score"].sum() == 0
    report = (tmp_path / "engine.html").read_text(encoding="utf-8")
    assert "hostile-input_transformer" in report and "test_daily_kpis" in report
