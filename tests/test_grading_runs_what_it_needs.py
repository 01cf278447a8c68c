"""While nbgrader grades (``NBGRADER_EXECUTION`` set), a chapter's solved notebook draws no figure
and builds no widget, and still runs clean: nothing a grade needs is skipped."""

from __future__ import annotations

import nbformat
import pytest
from nbclient import NotebookClient

from ecomcourse import paths
from ecomcourse.chapters import chapter_ids


@pytest.mark.slow
@pytest.mark.parametrize("chapter", chapter_ids())
def test_graded_run_draws_nothing_and_runs_clean(chapter, monkeypatch):
    monkeypatch.setenv("NBGRADER_EXECUTION", "autograde")
    nb = nbformat.read(paths.master_notebook(chapter), as_version=4)
    NotebookClient(nb, timeout=600, kernel_name="python3", allow_errors=True,
                   resources={"metadata": {"path": str(paths.master_notebook(chapter).parent)}}).execute()
    outputs = [(cell.source.splitlines()[0], o) for cell in nb.cells if cell.cell_type == "code" for o in cell.outputs]
    problems = [(first, o.get("ename") or o.get("text", "")[:300]) for first, o in outputs
                if o.output_type == "error" or o.get("name") == "stderr"]
    assert problems == []
    shown = {"image/png", "application/vnd.jupyter.widget-view+json"}
    drawn = [first for first, o in outputs if shown & set(o.get("data", {}))]
    assert drawn == [], "figures and widgets are for students, not for grading"
