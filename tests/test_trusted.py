"""Grades a student cannot fake: the engine decides each test in its own process, on plain data
from the student's kernel. Per chapter, the class plain nbgrader graded (the solution, the blank
release, every answer bank) gets the same score on every cell from the engine, while a
submission for each route into the kernel (input and AST transformers, an exception handler, a
silenced traceback, an event hook, answers that pretend) earns nothing and is reported."""

from __future__ import annotations

import builtins
import itertools
import json
import shutil
import socket
import struct
import time
from pathlib import Path

import nbformat
import numpy as np
import pandas as pd
import pyarrow as pa
import pytest
from conftest import CHAPTERS, class_runs
from hostile import ROUTES, hostile_notebooks

from ecomcourse.authoring.classroom import Classroom, solution_sources
from ecomcourse.grading import plain_data
from ecomcourse.grading.engine import grade
from ecomcourse.grading.plain_data import MAX_BYTES, NotPlainData, dumps, loads, receive
from ecomcourse.grading.settings import overrides
from ecomcourse.grading.trusted import TrustedTest, _fresh_copy, _parse, engine_prefix, hook_changes, split_tests

SETTINGS = overrides(workers=1, cell_timeout=60, notebook_timeout=300)  # one worker: the browser tests run beside
TAMPERING = {"input_transformer", "ast_transformer", "event_hook", "pretend"}  # the kernel lies about a test


@pytest.mark.parametrize("value", [
    None, True, 3, -2.5, float("nan"), float("inf"), "转化率", np.str_("cart"), np.int64(4), np.float64(0.25),
    np.bool_(False), np.datetime64("2025-06-16"), np.float64("nan"), [1, (2, "x")], pd.Timestamp("2025-06-16 10:00"),
    pd.NaT, {"a": 1, np.str_("b"): 2, 3: [None], np.int64(4): 0.5, pd.Timestamp("2025-06-16"): None},
    pd.Series([0.1, 0.2], index=pd.Index(["natural_search", "paid_ads"], name="source"), name="cr"),
    pd.DataFrame({0: [1.0, np.nan], 1: [0.5, 0.25]}, index=pd.Index(["2025-01", "2025-02"], name="cohort")),
    pd.DataFrame({"uv": [30, 20]}, index=pd.DatetimeIndex(["2025-06-16", "2025-06-17"], name="date")),
    pd.DataFrame({"channel": pd.Categorical(["app", "web", "app"]), "uv": [3, 2, 1]}),
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
                                    pd.DataFrame({"mixed": ["a", 1]}, dtype=object), {1, 2}, {("k", 1): 0.5},
                                    {2**63: 0}])
def test_what_is_not_plain_data_cannot_be_sent(answer):
    with pytest.raises(NotPlainData):
        dumps(answer)


def _message(tree: str, *tables: bytes) -> bytes:
    parts = [tree.encode(), *tables]
    return struct.pack(">I", len(parts)) + b"".join(struct.pack(">Q", len(p)) + p for p in parts)


@pytest.mark.parametrize("data", [
    _message('{"numpy": "O", "value": 1}'), _message('{"frame": 0}'), _message('{"frame": 0}', b"not arrow"),
    _message('{"eval": "1+1"}'), _message('{"dict": [[[1], 2]]}'), _message("[" * 100 + "]" * 100),
    _message('{"dict": [[{"tuple": ["k", 1]}, 0.5]]}'), _message('{"dict": [[{"dict": []}, 0]]}'),
    _message('{"dict": [[9223372036854775808, 0]]}'),
    _message('{"numpy": "<f8", "value": [1, 2]}'), _message('{"numpy": "<f8", "value": "1"}'),
    _message("1")[:-1], _message("1") + b"x", struct.pack(">I", 2**31), b"",
    dumps(pd.DataFrame({"a": [1.0]}))[:-8],
])
def test_plain_data_the_engine_did_not_write_is_refused(data):
    with pytest.raises(NotPlainData):
        loads(data)


def _stream(table: pa.Table, batch_metadata: dict | None = None, **options: object) -> bytes:
    """``table`` as pyarrow writes an Arrow IPC stream with ``options`` (``dumps`` uses none)."""
    sink = pa.BufferOutputStream()
    with pa.ipc.new_stream(sink, table.schema, options=pa.ipc.IpcWriteOptions(**options)) as writer:
        for batch in table.to_batches():
            writer.write_batch(batch, custom_metadata=batch_metadata)
    return sink.getvalue().to_pybytes()


CODECS = [codec for codec in ("zstd", "lz4") if pa.Codec.is_available(codec)]


def test_plain_data_arrow_fields_read_by_hand_are_those_pyarrow_writes():
    table = pa.Table.from_pandas(pd.DataFrame({"channel": pd.Categorical(["app", "web", "app"]), "uv": [3., 2, 1]}))
    messages = list(pa.ipc.MessageReader.open_stream(_stream(table)))
    assert [m.type for m in messages] == ["schema", "dictionary", "record batch"]
    # the schema: 1; the dictionary: 2 values in 1 array; the batch: 3 rows in 2 arrays
    assert [plain_data._message_items(memoryview(m.metadata)) for m in messages] == [1, 1 + 2 + 3, 1 + 3 + 2 * 4]
    for codec in CODECS:
        schema, *batches = pa.ipc.MessageReader.open_stream(_stream(table, compression=codec))
        assert plain_data._message_items(memoryview(schema.metadata)) == 1
        assert [m.type for m in batches] == ["dictionary", "record batch"]
        for message in batches:
            with pytest.raises(NotPlainData, match="compressed"):
                plain_data._message_items(memoryview(message.metadata))


def _frame(stream: bytes) -> bytes:
    return _message('{"frame": 0}', stream)


def _offsets_out_of_range() -> bytes:
    """Strings "a", "b" whose first now runs 2 GB past the 2 bytes there are: only a full validation sees it
    (to_pandas, without one, crashes the worker)."""
    stream, offsets = _stream(pa.table({"s": ["a", "b"]})), np.array([0, 1, 2], dtype="int32").tobytes()
    at = stream.rindex(offsets)  # in the batch's body, after its metadata
    return _frame(stream[:at] + np.array([0, 2**31 - 1, 2], dtype="int32").tobytes() + stream[at + len(offsets):])


def _compressed(codec: str) -> bytes:
    data = _frame(_stream(pa.Table.from_pandas(pd.DataFrame({"clicks": np.zeros(4_000_000)})), compression=codec))
    assert len(data) < 200_000  # 32 MB once inflated
    return data


def _with_pandas_metadata(frame: pd.DataFrame, change: callable) -> bytes:
    table = pa.Table.from_pandas(frame)
    metadata = table.schema.pandas_metadata
    change(metadata)
    return _frame(_stream(table.replace_schema_metadata({"pandas": json.dumps(metadata)})))


ATTACKS = {
    "string offsets out of range": _offsets_out_of_range,
    **{f"{codec}-compressed": lambda codec=codec: _compressed(codec) for codec in CODECS},
    "compressed the Arrow 0.17 way": lambda: _frame(_stream(pa.table({"x": [1.0]}),
                                                            {"ARROW:experimental_compression": "zstd"})),
    "a billion null cells": lambda: _frame(_stream(pa.table({"n": pa.nulls(10**9)}))),
    "a dictionary decoded per row": lambda: _frame(_stream(pa.table({"l": pa.ListArray.from_arrays(
        [0, 1000], pa.DictionaryArray.from_arrays(pa.array(np.zeros(1000, "int32")), ["x" * 10**6]))}))),
    "string views": lambda: _frame(_stream(pa.table({"s": pa.array(["x"], pa.string_view())}))),
    "column labels of 8 GB": lambda: _with_pandas_metadata(
        pd.DataFrame({"a": [1.0]}), lambda m: m["column_indexes"][0].update(numpy_type="U2000000000")),
    "a Categorical decoded per row": lambda: _with_pandas_metadata(
        pd.DataFrame({"c": pd.Categorical(["x"])}), lambda m: m["columns"][0].update(numpy_type="string[pyarrow]")),
    "a long column name": lambda: _frame(_stream(pa.table({"x" * 10**5: [1]}))),
    "a table read twice": lambda: _message('[{"frame": 0}, {"frame": 0}]', _stream(pa.table({"x": [1]}))),
    "a long date": lambda: _message(json.dumps({"timestamp": "2025-06-16T" + "1" * 10**6})),
    "a JSON tree over its cap": lambda: _message("[" + "0," * (plain_data.MAX_TREE_BYTES // 2) + "0]"),
    "too many JSON items": lambda: _message("[" + "0," * plain_data.MAX_ITEMS + "0]"),
    "too many keys": lambda: _message(json.dumps({"dict": [[i, 0] for i in range(plain_data.MAX_KEYS + 1)]})),
    "colliding int keys": lambda: _message(json.dumps({"dict": [[1 + i * (2**61 - 1), i] for i in range(50_000)]})),
    "tuple keys": lambda: _message(json.dumps({"dict": [[{"tuple": [i, -i]}, i] for i in range(50_000)]})),
}


@pytest.mark.parametrize("attack", ATTACKS.values(), ids=ATTACKS.keys())
def test_plain_data_a_hostile_kernel_forges_is_refused_quickly(attack):
    data = attack()
    start = time.perf_counter()
    with pytest.raises(NotPlainData):
        loads(data)
    assert time.perf_counter() - start < 5


def test_plain_data_tables_of_one_message_are_capped_in_bytes(monkeypatch):
    monkeypatch.setattr(plain_data, "MAX_TABLE_BYTES", 4096)
    assert loads(dumps(pd.DataFrame({"x": np.arange(100.0)}))).shape == (100, 1)
    with pytest.raises(NotPlainData):
        loads(dumps(pd.DataFrame({"x": np.arange(1000.0)})))


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


def _test_cell(source: str) -> TrustedTest:
    return _parse(source, "### BEGIN HIDDEN TESTS", "### END HIDDEN TESTS")


def test_an_oracle_on_the_engines_data_runs_once_per_worker_and_each_check_gets_its_own_copy():
    test = _test_cell("import itertools\nassert answer() == 1\n### BEGIN HIDDEN TESTS\n"
                      "_table = {'runs': next(_RUNS)}\n_rows = [_table]\nfor _r in range(2):\n    _rows.append(_r)\n"
                      "_got = answer()\n_rows.append(_got)\n### END HIDDEN TESTS")
    runs = itertools.count()
    builtins._RUNS = runs  # noqa: SLF001 - a counter the prefix can read like a builtin
    try:
        first, rest = engine_prefix(test, 1, "en")
        second, _ = engine_prefix(test, 1, "en")
    finally:
        del builtins._RUNS
    assert next(runs) == 1, "the prefix ran once"
    assert set(first) == {"itertools", "_table", "_rows", "_r"} and first is second
    namespace = {"answer": lambda: 7, **_fresh_copy(first)}
    exec(rest, namespace)  # noqa: S102
    assert namespace["_rows"] == [{"runs": 0}, 0, 1, 7], "the code after the prefix sees what the prefix made"
    assert first["_rows"] == [{"runs": 0}, 0, 1], "and the next check gets it as it was"
    assert _fresh_copy(first)["itertools"] is itertools


@pytest.mark.parametrize("hidden", [
    "_got = answer()\n_expected = 1",  # an answer first: nothing to keep
    "_expected = _visible + 1",  # a name of the visible part, which the answers may have touched
    "_expected = 1 / 0",  # fails: it must fail in every check, with its own message
    "answer.cache = {}\n_expected = 1",  # not a binding the engine can copy
])
def test_a_part_whose_opening_reads_answers_or_fails_runs_whole_every_time(hidden):
    test = _test_cell(f"_visible = answer()\n### BEGIN HIDDEN TESTS\n{hidden}\n### END HIDDEN TESTS")
    prefix, rest = engine_prefix(test, 1, "en")
    assert prefix is None
    assert rest.co_consts == compile(test.parts[1][1], "<test>", "exec").co_consts
