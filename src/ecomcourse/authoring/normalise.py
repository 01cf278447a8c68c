"""Committed notebooks carry no outputs, no execution counts and one fixed set of metadata."""

from __future__ import annotations

from pathlib import Path

import nbformat
from nbformat import NotebookNode

KERNELSPEC = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}
LANGUAGE_INFO = {"name": "python"}
NOTEBOOK_KEYS = ("kernelspec", "language_info", "ecomcourse")
CELL_KEYS = ("nbgrader", "lang", "ecomcourse", "deletable", "editable", "tags")


def normalise(nb: NotebookNode) -> NotebookNode:
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
        cell.metadata = NotebookNode({k: cell.metadata[k] for k in CELL_KEYS if k in cell.metadata})
    meta = {k: nb.metadata[k] for k in NOTEBOOK_KEYS if k in nb.metadata}
    meta.update(kernelspec=KERNELSPEC, language_info=LANGUAGE_INFO)
    nb.metadata = NotebookNode(meta)
    nb.nbformat, nb.nbformat_minor = 4, 5
    return nb


def dumps(nb: NotebookNode) -> str:
    return nbformat.writes(normalise(nb)) + "\n"


def normalise_file(path: Path) -> bool:
    """Normalise a notebook in place; True if it changed."""
    text = path.read_text(encoding="utf-8")
    clean = dumps(nbformat.reads(text, as_version=4))
    if clean != text:
        path.write_text(clean, encoding="utf-8")
        return True
    return False


def is_normalised(path: Path) -> bool:
    text = path.read_text(encoding="utf-8")
    return dumps(nbformat.reads(text, as_version=4)) == text
