"""What the engine runs inside a submission's kernel, between the notebook's cells: ``serve``
answers the engine's requests on a Unix socket (call an answer, read a named answer, describe
the kernel's hooks).

Nothing here is trusted: the student's code runs in the same process and may replace any of it.
It only carries the student's answers out as plain data (:func:`plain_data.dumps`); the engine
decides the grade from that data in its own process.
"""

from __future__ import annotations

import builtins
import contextlib
import io
import math
import operator
import pickle
import socket
import sys

from .plain_data import NotPlainData, dumps, receive, send

SHELL_METHODS = ("run_cell", "run_cell_async", "run_ast_nodes", "run_code", "showtraceback", "_showtraceback",
                 "showsyntaxerror", "transform_cell", "should_run_async", "set_custom_exc")
KERNEL_METHODS = ("do_execute", "execute_request", "send_response")


def _shell():  # noqa: ANN202 - IPython's InteractiveShell
    from IPython import get_ipython

    return get_ipython()


def serve(address: str) -> None:
    """Answer the engine's requests on the Unix socket at ``address`` until it says it is done."""
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as connection:
        connection.connect(address)
        while (message := receive(connection)) is not None:
            request = pickle.loads(message)  # from the engine, which runs outside the sandbox
            if request[0] == "done":
                return
            reply = REQUESTS[request[0]](*request[1:])
            try:
                data = dumps(reply)
            except NotPlainData as error:
                data = dumps({"not_plain": str(error), **{k: v for k, v in reply.items() if k in ("stdout", "stderr")}})
            send(connection, data)


def describe(name: str) -> dict:
    """Whether ``name`` is missing, a function (the engine calls it through :func:`call`), or a value."""
    namespace = _shell().user_ns
    if name not in namespace:
        return {"kind": "missing"}
    if callable(namespace[name]):
        return {"kind": "callable"}
    return {"kind": "value", "value": namespace[name]}


def call(name: str, args: tuple, kwargs: dict) -> dict:
    """The student's ``name`` called on the engine's arguments: what it returned or raised, and printed."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            reply = {"returned": _shell().user_ns[name](*args, **kwargs)}
        except Exception as error:  # noqa: BLE001 - the student's exception is part of the answer
            reply = {"raised": type(error).__name__, "message": str(error)[:500]}
    return {**reply, "stdout": out.getvalue()[-100_000:], "stderr": err.getvalue()[-100_000:]}


def hooks() -> dict:
    """The kernel's execution hooks and the identity of the functions tests rely on."""
    shell = _shell()
    return {
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


REQUESTS = {"describe": describe, "call": call, "hooks": hooks}


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
