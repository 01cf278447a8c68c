"""Submissions that try to get the points without the work, one per route into the kernel: each
is a chapter's blank (or pretending) notebook whose first answer cell rewires the kernel."""

from __future__ import annotations

import ast
from pathlib import Path

import nbformat
from nbformat import NotebookNode

from ecomcourse.authoring.classroom import fill_answers, solution_sources

# Reached through sys.modules and string concatenation, so no text scan sees the names.
IPYTHON = 'import sys\n_ip = sys.modules["IPy" + "thon"].get_ipython()\n'
ROUTES = {
    "input_transformer": IPYTHON + (
        "def _off(lines):\n"
        "    return ['pass\\n'] if any(('chec' + 'ks') in line for line in lines) else lines\n"
        "_ip.input_transformers_cleanup.append(_off)\n"),
    "ast_transformer": IPYTHON + (
        "import ast as _ast\n"
        "class _Empty(_ast.NodeTransformer):\n"
        "    def visit_Module(self, node):\n"
        "        text = _ast.unparse(node)\n"
        "        return _ast.Module(body=[_ast.Pass()], type_ignores=[]) if 'chec' + 'ks' in text else node\n"
        "_ip.ast_transformers.append(_Empty())\n"),
    "exception_handler": IPYTHON + "_ip.set_custom_exc((Exception,), lambda *args, **kwargs: None)\n",
    "silent_traceback": IPYTHON + (
        "_ip.showtraceback = lambda *args, **kwargs: None\n"
        "_ip._showtraceback = lambda *args, **kwargs: None\n"
        "_ip.kernel._execute_reply_status = 'ok'\n"),
    "event_hook": IPYTHON + (
        "def _patch(*args):\n"
        "    mod = sys.modules['ecomcourse.' + 'checks']\n"
        "    for name in dir(mod):\n"
        "        if name.startswith('expect'):\n"
        "            setattr(mod, name, lambda *a, **k: a[0] if a else None)\n"
        "_ip.events.register('pre_run_cell', _patch)\n"),
}
PRETEND = '''import math, sys
import numpy as np
import pandas as pd

class Pretend:
    """Claims to be a DataFrame and to equal anything."""
    @property
    def __class__(self):
        return pd.DataFrame
    def __eq__(self, other):
        return True
    __ne__ = __lt__ = __gt__ = lambda self, other: False
    __le__ = __ge__ = __eq__
    def __getattr__(self, name):
        return self
    def __getitem__(self, key):
        return self
    def __call__(self, *args, **kwargs):
        return self
    def __iter__(self):
        return iter([])
    def __len__(self):
        return 3
    def __float__(self):
        return 0.0
    def __bool__(self):
        return True
    __hash__ = object.__hash__

_checks = sys.modules["ecomcourse." + "checks"]
for _name in dir(_checks):
    if _name.startswith("expect"):
        setattr(_checks, _name, lambda *a, **k: a[0] if a else None)
np.allclose = np.isclose = lambda *a, **k: True
math.isclose = lambda *a, **k: True
pd.DataFrame.equals = lambda self, other: True
'''


def pretending_answers(chapter: str) -> dict[str, str]:
    """Every answer function of ``chapter`` returns a :data:`PRETEND` object; the first answer
    cell also replaces the checks and numpy's, math's and pandas' comparisons."""
    answers = {}
    for grade_id, source in solution_sources(chapter).items():
        try:
            tree = ast.parse(source)
        except SyntaxError:  # a written answer
            continue
        functions = [node for node in tree.body if isinstance(node, ast.FunctionDef)]
        for function in functions:
            function.body = [ast.parse("return Pretend()").body[0]]
        if functions:
            answers[grade_id] = ast.unparse(ast.Module(body=functions, type_ignores=[]))
    first = next(iter(answers))
    answers[first] = PRETEND + answers[first]
    return answers


def hostile_notebooks(chapter: str, blank: NotebookNode) -> dict[str, NotebookNode]:
    """Each route's submission of ``chapter``, by name."""
    first = next(iter(pretending_answers(chapter)))
    notebooks = {route: fill_answers(blank, {first: code}) for route, code in ROUTES.items()}
    notebooks["pretend"] = fill_answers(blank, pretending_answers(chapter))
    return notebooks


def printed(executed: Path, cell_id: str, prefix: str) -> object:
    """What cell ``cell_id`` of the executed notebook printed after ``prefix``, as a Python value."""
    nb = nbformat.read(executed, as_version=4)
    text = "".join(o.get("text", "") for c in nb.cells if c.get("id") == cell_id for o in c.outputs)
    line = next(line for line in text.splitlines() if line.startswith(prefix))
    return ast.literal_eval(line.removeprefix(prefix).strip())
