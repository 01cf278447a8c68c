"""What the engine runs inside a submission's kernel, between the notebook's cells.

Nothing here is trusted: the student's code runs in the same process and may replace any of it.
It only carries the student's answers out as plain data (``plain_data.encode``) and describes
the kernel's hooks; the engine decides the grade from that data in its own process.
"""

from __future__ import annotations

import builtins
import json
import math
import operator
import pickle
import sys
from pathlib import Path

from .plain_data import NotPlainData, encode

SHELL_METHODS = ("run_cell", "run_cell_async", "run_ast_nodes", "run_code", "showtraceback", "_showtraceback",
                 "showsyntaxerror", "transform_cell", "should_run_async", "set_custom_exc")
KERNEL_METHODS = ("do_execute", "execute_request", "send_response")


def _shell():  # noqa: ANN202 - IPython's InteractiveShell
    from IPython import get_ipython

    return get_ipython()


def _write(out: Path, status: dict) -> None:
    out.mkdir(parents=True, exist_ok=True)
    (out / "status.json").write_text(json.dumps(status), encoding="utf-8")


def describe(names: list[str], out: str) -> None:
    """For each name: missing, callable (the engine calls it through :func:`call`), or its value."""
    namespace, found = _shell().user_ns, {}
    for name in names:
        if name not in namespace:
            found[name] = "missing"
        elif callable(namespace[name]):
            found[name] = "callable"
        else:
            found[name] = _encoded(namespace[name], Path(out) / name)
    _write(Path(out), found)


def call(name: str, arguments: str, out: str) -> None:
    """Call the student's ``name`` with the engine's pickled arguments; send back the result."""
    args, kwargs = pickle.loads(Path(arguments).read_bytes())
    try:
        result = _shell().user_ns[name](*args, **kwargs)
    except Exception as error:  # noqa: BLE001 - the student's exception is part of the answer
        _write(Path(out), {"raised": type(error).__name__, "message": str(error)[:500]})
        return
    _write(Path(out), {"returned": _encoded(result, Path(out) / "value")})


def _encoded(value: object, folder: Path) -> str:
    try:
        encode(value, folder)
    except NotPlainData as error:
        return f"not plain data: {error}"
    return "value"


def hooks(out: str) -> None:
    """The kernel's execution hooks and the identity of the functions tests rely on."""
    shell = _shell()
    found = {
        "input transformer": [_name(f) for f in shell.input_transformers_cleanup + shell.input_transformers_post],
        "AST transformer": [_name(f) for f in shell.ast_transformers],
        "event hook": [f"{event}: {_name(f)}" for event, callbacks in shell.events.callbacks.items()
                       for f in callbacks],
        "custom exception handler": [repr(getattr(e, "__name__", e)) for e in shell.custom_exceptions],
        "IPython method": [f"{m}: {_name(getattr(shell, m, None))}" for m in SHELL_METHODS],
        "kernel method": [f"{m}: {_name(getattr(shell.kernel, m, None))}" for m in KERNEL_METHODS
                          if getattr(shell, "kernel", None) is not None],
        "sys hook": [f"excepthook: {_name(sys.excepthook)}", f"trace: {_name(sys.gettrace())}",
                     f"profile: {_name(sys.getprofile())}"],
        "functions": _guarded_functions(),
    }
    _write(Path(out), found)


def _name(obj: object) -> str:
    if obj is None:
        return "none"
    func = getattr(obj, "__func__", obj)
    return f"{getattr(func, '__module__', '?')}.{getattr(func, '__qualname__', type(func).__name__)}#{id(func)}"


def _guarded_functions() -> dict[str, int]:
    """Identity of every function of the modules and classes the test cells use."""
    import numpy as np
    import pandas as pd

    from .. import checks

    spaces = {"builtins": builtins, "math": math, "operator": operator, "numpy": np, "pandas": pd,
              "ecomcourse.checks": checks, "pandas.DataFrame": pd.DataFrame, "pandas.Series": pd.Series,
              "pandas.Index": pd.Index}
    return {f"{space}.{name}": id(value) for space, namespace in spaces.items()
            for name, value in vars(namespace).items() if callable(value)}
