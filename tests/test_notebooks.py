"""Notebook hygiene, the bilingual release and the structure every exercise must have."""

from __future__ import annotations

import ast
import inspect
import re

import nbformat
import pytest
from conftest import CHAPTERS
from nbclient import NotebookClient

from ecomcourse import checks, paths
from ecomcourse.authoring.catalogue import autograded, catalog_text, chapter_exercises
from ecomcourse.authoring.classroom import Classroom
from ecomcourse.authoring.normalise import is_normalised
from ecomcourse.authoring.release import release
from ecomcourse.chapters import chapter as chapter_of
from ecomcourse.nbgrader_config import TEXT_STUB

COMMITTED = sorted(paths.ROOT.glob("solutions/**/*.ipynb")) + sorted(paths.ROOT.glob("notebooks/**/*.ipynb"))


@pytest.mark.parametrize("path", COMMITTED, ids=lambda p: str(p.relative_to(paths.ROOT)))
def test_committed_notebooks_are_normalised(path):
    assert is_normalised(path), f"run `ecomcourse normalise {path.relative_to(paths.ROOT)}`"


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_released_notebooks_match_a_fresh_release(tmp_path, chapter):
    fresh = release([chapter], ["zh", "en"], out_root=tmp_path)
    for path in fresh:
        committed = paths.ROOT / path.relative_to(tmp_path)
        assert committed.read_text(encoding="utf-8") == path.read_text(encoding="utf-8"), \
            f"{committed.relative_to(paths.ROOT)} differs from a fresh release: run `make release`"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_plain_nbgrader_release_writes_the_committed_notebooks(tmp_path, lang):
    """The README's `nbgrader generate_assignment` (run from grader/) leaves git clean."""
    chapter = "ch04_data_analysis"
    course = Classroom(tmp_path, (chapter,), (lang,))
    written = course.student_notebook_path(chapter, lang).read_bytes()
    assert written == paths.released_notebook(chapter, lang).read_bytes()


def _cells(chapter, lang):
    return nbformat.read(paths.released_notebook(chapter, lang), as_version=4).cells


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_both_editions_have_the_same_code_and_grade_cells(chapter):
    zh, en = _cells(chapter, "zh"), _cells(chapter, "en")
    code = {lang: [c for c in cells if c.cell_type == "code"] for lang, cells in (("zh", zh), ("en", en))}
    assert len(code["zh"]) == len(code["en"])
    for a, b in zip(code["zh"], code["en"]):
        if a.metadata.get("ecomcourse", {}).get("setup"):
            assert a.source.replace('lang="zh"', 'lang="en"') == b.source
            continue
        assert a.source == b.source
        assert a.metadata.get("nbgrader") == b.metadata.get("nbgrader")
    assert [c.cell_type for c in zh] == [c.cell_type for c in en], "prose cells pair up"
    written = {lang: [(c.source, c.metadata["nbgrader"]) for c in cells
                      if c.cell_type == "markdown" and c.metadata.get("nbgrader", {}).get("grade")]
               for lang, cells in (("zh", zh), ("en", en))}
    assert written["zh"] == written["en"], "a written answer's released cell (and so its checksum) is shared"


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_each_edition_speaks_one_language(chapter):
    han = re.compile(r"[\u4e00-\u9fff]")
    for cell in _cells(chapter, "en"):
        if cell.cell_type == "markdown" and cell.source != TEXT_STUB:
            assert len(han.findall(cell.source)) < 0.05 * max(len(cell.source), 1), cell.source[:80]
    for cell in _cells(chapter, "zh"):
        if cell.cell_type == "markdown":
            assert han.search(cell.source), cell.source[:80]


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_first_cell_is_the_locked_setup(chapter):
    for lang in ("zh", "en"):
        first = _cells(chapter, lang)[0]
        assert first.metadata["editable"] is False and first.metadata["deletable"] is False
        assert "nbgrader" not in first.metadata, "autograde must keep each edition's language"
        assert f'lang="{lang}"' in first.source


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_exercises_have_contracts_tests_and_points(chapter):
    nb = nbformat.read(paths.master_notebook(chapter), as_version=4)
    by_id = {c.metadata.get("nbgrader", {}).get("grade_id"): c for c in nb.cells}
    exercises = chapter_exercises(chapter)
    assert len(autograded(exercises)) >= chapter_of(chapter).min_exercises
    for ex in exercises:
        if ex.kind == "memo":
            memo = by_id[ex.grade_id]
            assert memo.cell_type == "markdown" and "lang" not in memo.metadata, "one memo cell for both editions"
            assert memo.metadata["nbgrader"]["solution"] and memo.metadata["nbgrader"]["points"] > 0
            assert memo.source.startswith("### BEGIN SOLUTION") and memo.source.endswith("### END SOLUTION"), \
                "the rubric and model memo stay in the instructor version"
            continue
        test = by_id[ex.grade_id]
        assert test.source.startswith('"""'), f"{ex.grade_id} opens with a docstring"
        assert "### BEGIN HIDDEN TESTS" in test.source, f"{ex.grade_id} has hidden tests"
        assert test.metadata["nbgrader"]["points"] > 0
        assert "### BEGIN SOLUTION" in by_id[ex.solution_id].source


def test_catalog_is_up_to_date():
    assert paths.CATALOG.read_text(encoding="utf-8") == catalog_text(), "run `ecomcourse build`"


@pytest.mark.slow
@pytest.mark.parametrize("chapter", CHAPTERS)
def test_master_notebook_runs_without_errors_or_warnings(chapter):
    nb = nbformat.read(paths.master_notebook(chapter), as_version=4)
    NotebookClient(nb, timeout=600, kernel_name="python3", allow_errors=True,
                   resources={"metadata": {"path": str(paths.master_notebook(chapter).parent)}}).execute()
    problems = [(c.id, o.get("ename") or o.get("text", "")[:200]) for c in nb.cells if c.cell_type == "code"
                for o in c.outputs if o.output_type == "error" or o.get("name") == "stderr"]
    assert problems == []


def _is_literal(node: ast.expr) -> bool:
    try:
        ast.literal_eval(node)
    except ValueError:
        return False
    return True


def _only_stubs(source: str) -> bool:
    """A released answer cell holds imports, given constants, signatures, docstrings and the stub:
    nothing that gives the answer away."""
    for node in ast.parse(source).body:
        if isinstance(node, (ast.Raise, ast.Import, ast.ImportFrom)) or \
                (isinstance(node, ast.Assign) and _is_literal(node.value)):
            continue
        if not isinstance(node, ast.FunctionDef):
            return False
        body = node.body[1:] if isinstance(node.body[0], ast.Expr) else node.body
        if len(body) != 1 or not isinstance(body[0], ast.Raise):
            return False
    return True


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_released_answer_cells_give_nothing_away(chapter):
    for cell in _cells(chapter, "en"):
        if cell.metadata.get("nbgrader", {}).get("solution") and cell.cell_type == "markdown":
            assert cell.source == TEXT_STUB, f"{chapter}: a written answer's cell is released as the stub"
        elif cell.metadata.get("nbgrader", {}).get("solution"):
            assert _only_stubs(cell.source), f"{chapter}: code outside the solution region:\n{cell.source}"


def _ends_with_a_value(source: str) -> bool:
    """nbgrader reads a number a grade cell displays last as partial credit, so a test cell must not
    end on a check that returns its value."""
    returning = {name for name, f in vars(checks).items() if name.startswith("expect_")
                 and inspect.signature(f).return_annotation not in ("None", None)}
    last = ast.parse(source).body[-1]
    return (isinstance(last, ast.Expr) and isinstance(last.value, ast.Call)
            and isinstance(last.value.func, ast.Attribute) and last.value.func.attr in returning)


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_grade_cells_do_not_end_on_a_value(chapter):
    for cell in _cells(chapter, "en"):
        if cell.metadata.get("nbgrader", {}).get("grade") and cell.cell_type == "code":
            released = cell.source.split("### BEGIN HIDDEN TESTS")[0]
            assert not _ends_with_a_value(released), f"{chapter}/{cell.metadata['nbgrader']['grade_id']}"
    master = nbformat.read(paths.master_notebook(chapter), as_version=4)
    for cell in master.cells:
        if cell.metadata.get("nbgrader", {}).get("grade") and cell.cell_type == "code":
            assert not _ends_with_a_value(cell.source), f"{chapter}/{cell.metadata['nbgrader']['grade_id']}"
