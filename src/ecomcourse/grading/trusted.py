"""Trusted checks: each test cell's verdict decided in the engine's own process.

The kernel runs every test cell as the student has it (hidden tests removed: they never enter
the sandbox), for the student's feedback. Right after a test cell ran and passed there, the
worker runs that cell's full source from the gradebook (its visible part, then its hidden
tests) in its own process. The names the cell reads from the notebook are the student's
answers: a function is called inside the kernel on the engine's arguments and its result comes
back as plain data (:mod:`plain_data`); a value comes back the same way. The checks, numpy,
pandas and the oracle are the engine's own, so nothing the student's code did to the kernel
can change a verdict: an exercise keeps its points only when this check passes.

The worker also records the kernel's hooks before and after the notebook, and runs a few checks
that must fail ("canaries") through the kernel's normal path: signs of tampering for the report,
never the grade.
"""

from __future__ import annotations

import ast
import builtins
import contextlib
import copy
import io
import os
import pickle
import socket
import symtable
import threading
import time
import warnings
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from types import CodeType, ModuleType
from typing import TypeVar

import nbformat
from IPython.core.inputtransformer2 import TransformerManager
from nbformat import NotebookNode
from nbgrader import utils
from nbgrader.preprocessors import ClearHiddenTests
from traitlets.config import Config

from ..i18n import language, t
from .plain_data import NotPlainData, loads, receive, send

T = TypeVar("T")

GRACE_SECONDS = 30  # for a check to end once the kernel has stopped
EXIT_STUCK = 75  # a worker's exit code when a check would not end
BENIGN_HOOKS = ("IPython.", "ipykernel.", "matplotlib", "ipywidgets.", "comm.", "ipympl.", "ecomcourse.notebook.")
SWAPPED_BY_IPYKERNEL = {"builtins.input"}  # for each execution, to forward it to the frontend
SERVE = "__import__('ecomcourse.grading.probe', fromlist=['_']).serve({!r})"
CANARIES = {  # each must fail in an honest kernel
    "assert": "assert 1 == 2, 'canary'",
    "ecomcourse.checks": "from ecomcourse import checks\nchecks.expect_close(1.0, 2.0, 'canary')",
    "numpy": "import numpy as np\nassert np.allclose([1.0], [2.0]), 'canary'",
}


@dataclass(frozen=True)
class TrustedTest:
    """One test cell as the gradebook holds it."""

    source: str  # the full cell, hidden tests included
    released: str  # what the student has: hidden tests removed
    parts: tuple[tuple[str, str], ...]  # ("visible" | "hidden", Python source), in order
    names: tuple[str, ...]  # what the cell reads from the notebook: the student's answers


@dataclass(frozen=True)
class Verdict:
    passed: bool
    part: str = ""  # where it failed: "visible" (the student's tests) or "hidden"
    ename: str = ""
    evalue: str = ""


@dataclass
class TrustedReport:
    """What the worker found, sent back with the executed notebook."""

    verdicts: dict[str, Verdict] = field(default_factory=dict)
    printed: dict[str, list] = field(default_factory=dict)  # what answers printed during hidden tests
    signs: list[str] = field(default_factory=list)  # hooks and replaced functions: for the report
    lies: list[str] = field(default_factory=list)  # canaries the kernel said passed
    seconds: float = 0.0


class AnswerRaised(Exception):
    """The student's function raised, in the kernel, this exception (its name and message)."""


def split_tests(nb: NotebookNode, config: Config) -> dict[str, TrustedTest]:
    """The trusted test of every auto-graded test cell of the sanitised ``nb``; each cell is left
    as released (hidden tests removed) for the kernel."""
    delimiters = ClearHiddenTests(config=config)
    tests = {}
    for cell in nb.cells:
        if cell.cell_type == "code" and utils.is_grade(cell) and not utils.is_solution(cell):
            test = _parse(cell.source, delimiters.begin_test_delimeter, delimiters.end_test_delimeter)
            tests[cell["metadata"]["nbgrader"]["grade_id"]] = test
            cell.source = test.released
    return tests


def _parse(source: str, begin: str, end: str) -> TrustedTest:
    parts: list[tuple[str, list[str]]] = [("visible", [])]
    for line in source.split("\n"):
        if begin in line:
            parts.append(("hidden", []))
        elif end in line:
            parts.append(("visible", []))
        else:
            parts[-1][1].append(line)
    released = "\n".join(line for kind, lines in parts if kind == "visible" for line in lines)
    python = [(kind, TransformerManager().transform_cell("\n".join(lines))) for kind, lines in parts if lines]
    try:
        for _, code in python:
            compile(code, "<test>", "exec")
    except SyntaxError:  # hidden tests inside a block: checked as one piece
        python = [("hidden" if len(parts) > 1 else "visible", TransformerManager().transform_cell(source))]
    return TrustedTest(source, released, tuple(python), tuple(sorted(_free_names(python))))


def _free_names(parts: list[tuple[str, str]]) -> set[str]:
    """Names the code reads but never binds (nor are builtins): what it expects the notebook to define."""
    table = symtable.symtable("\n".join(code for _, code in parts), "<test>", "exec")
    bound = {s.get_name() for s in table.get_symbols() if s.is_assigned() or s.is_imported() or s.is_namespace()}
    read: set[str] = set()

    def walk(scope: symtable.SymbolTable) -> None:
        for symbol in scope.get_symbols():
            module_level = scope.get_type() == "module" and symbol.is_referenced()
            if module_level or symbol.is_global():
                read.add(symbol.get_name())
        for child in scope.get_children():
            walk(child)

    walk(table)
    return read - bound - set(dir(builtins))


class KernelSession:
    """One run of :func:`probe.serve` in the submission's kernel, while ``work`` (in a thread of
    the worker) sends it requests over a Unix socket; the kernel's reply ends the session."""

    def __init__(self, client, address: Path) -> None:  # noqa: ANN001 - the running Execute step
        self.client = client
        self.address = address

    def run(self, work: Callable[[Requests], T]) -> tuple[T | Exception | None, NotebookNode]:
        """What ``work`` returned (or raised; None if the kernel never connected), and the serve
        cell as executed. Every wait ends: a reply is awaited at most the cell's time limit, and a
        worker whose check is still busy :data:`GRACE_SECONDS` after the kernel stopped exits
        (:data:`EXIT_STUCK`), costing only this submission."""
        done: dict[str, object] = {}
        seconds = float(getattr(self.client, "timeout", None) or 60)
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as listener:
            listener.bind(str(self.address))
            os.chmod(self.address, 0o777)  # the kernel may run as another user
            listener.listen(1)
            listener.settimeout(0.2)
            thread = threading.Thread(target=self._serve, args=(listener, work, done, seconds), daemon=True)
            thread.start()
            try:
                cell = self.run_cell(SERVE.format(str(self.address)))
            finally:
                done["over"] = True
                connection = done.get("connection")
                if isinstance(connection, socket.socket):
                    with contextlib.suppress(OSError):
                        connection.shutdown(socket.SHUT_RDWR)  # a request still waiting: the kernel is gone
                thread.join(GRACE_SECONDS)
                if thread.is_alive():
                    os._exit(EXIT_STUCK)
                self.address.unlink(missing_ok=True)
        return done.get("result"), cell

    def _serve(self, listener: socket.socket, work: Callable[[Requests], object], done: dict,
               seconds: float) -> None:
        while "over" not in done:
            try:
                connection, _ = listener.accept()
                break
            except TimeoutError:
                continue
            except OSError:
                return
        else:
            return
        with connection:
            done["connection"] = connection
            connection.settimeout(seconds)
            try:
                done["result"] = work(Requests(connection))
            except Exception as error:  # noqa: BLE001 - the session's failure is the verdict's
                done["result"] = error
            with contextlib.suppress(OSError):
                send(connection, pickle.dumps(("done",)))

    def run_cell(self, source: str) -> NotebookNode:
        """Execute ``source`` in the kernel, outside the notebook (no history, no place in it)."""
        cell = nbformat.v4.new_code_cell(source)
        cells = self.client.nb.cells
        cells.append(cell)
        try:
            return self.client.execute_cell(cell, len(cells) - 1, store_history=False)
        finally:
            cells.pop()


class Requests:
    """The engine's side of a session: each request is pickled, each reply is plain data."""

    def __init__(self, connection: socket.socket) -> None:
        self.connection = connection
        self.printed: list | None = None  # collects what answers print while set

    def __call__(self, *request: object) -> dict:
        send(self.connection, pickle.dumps(request))  # the engine's own inputs, for the kernel
        data = receive(self.connection)
        if data is None:
            raise AssertionError(t("trusted.not_plain", name=str(request[1]), why="no answer came back"))
        reply = loads(data)
        if type(reply) is not dict:
            raise NotPlainData("not a reply the engine reads")
        if self.printed is not None:
            self.printed += [nbformat.v4.new_output("stream", name=name, text=reply[name])
                             for name in ("stdout", "stderr") if isinstance(reply.get(name), str) and reply[name]]
        return reply

    def answers(self, names: tuple[str, ...]) -> dict[str, object]:
        """The student's answers by name: functions as :class:`Answer`, values as plain data."""
        bound: dict[str, object] = {}
        for name in names:
            reply = self("describe", name)
            if reply.get("kind") == "callable":
                bound[name] = Answer(self, name)
            elif reply.get("kind") == "value":
                bound[name] = reply.get("value")
            elif "not_plain" in reply:
                bound[name] = NotPlain(name, str(reply["not_plain"]))
        return bound


class Answer:
    """A student's function: called in their kernel, returning plain data."""

    def __init__(self, requests: Requests, name: str) -> None:
        self.requests = requests
        self.name = name

    def __call__(self, *args: object, **kwargs: object) -> object:
        reply = self.requests("call", self.name, args, kwargs)
        if "raised" in reply:
            raise AnswerRaised(str(reply["raised"]), str(reply.get("message", "")))
        if "returned" not in reply:
            why = reply.get("not_plain") or "no answer came back"
            raise AssertionError(t("trusted.not_plain", name=f"{self.name}(...)", why=why))
        return reply["returned"]


class NotPlain:
    """A named answer that could not be sent as plain data: any use of it fails its test."""

    def __init__(self, name: str, why: str) -> None:
        self.message = t("trusted.not_plain", name=name, why=why)

    def __getattr__(self, attribute: str) -> object:
        raise AssertionError(self.message)


class TrustedChecks:
    """Mixed into the course's Execute step on a worker (see :func:`execute.sandboxed_executor`)."""

    trusted_tests: dict[str, TrustedTest]
    address: Path  # of the socket sessions with the kernel
    lang: str
    report: TrustedReport

    def preprocess_cell(self, cell: NotebookNode, resources: dict, index: int) -> tuple[NotebookNode, dict]:
        session = KernelSession(self, self.address)
        if index == 0:
            self.hooks_before, _ = session.run(lambda requests: requests("hooks"))
        cell, resources = super().preprocess_cell(cell, resources, index)
        grade_id = cell.metadata.get("nbgrader", {}).get("grade_id")
        if grade_id in self.trusted_tests and not _errors(cell):
            started = time.perf_counter()
            verdict, serve = session.run(lambda requests: self._check(grade_id, requests))
            if _errors(serve):  # the kernel was stopped mid-check: the test cell timed out
                with language(self.lang):
                    cell.outputs.append(_stopped(serve))
            self.report.verdicts[grade_id] = verdict if isinstance(verdict, Verdict) else Verdict(
                False, "visible", "NotChecked", t("trusted.unchecked"))
            self.report.seconds += time.perf_counter() - started
        if index == len(self.nb.cells) - 1:
            self._after_notebook(session)
        return cell, resources

    def _check(self, grade_id: str, requests: Requests) -> Verdict:
        test = self.trusted_tests[grade_id]
        printed = self.report.printed.setdefault(grade_id, [])
        with language(self.lang), _quiet():
            try:
                namespace = {"__name__": "__trusted_test__", "__builtins__": builtins, **requests.answers(test.names)}
            except Exception as error:  # noqa: BLE001 - the kernel sent no usable answer
                return Verdict(False, "visible", type(error).__name__, str(error))
            for index, (part, _) in enumerate(test.parts):
                requests.printed = printed if part == "hidden" else None
                prefix, rest = engine_prefix(test, index, self.lang)
                try:
                    if prefix is not None:
                        namespace.update(_fresh_copy(prefix))
                    exec(rest, namespace)  # noqa: S102 - the gradebook's test
                except AnswerRaised as error:
                    return Verdict(False, part, *error.args)
                except Exception as error:  # noqa: BLE001 - any exception fails the test, as in the kernel
                    return Verdict(False, part, type(error).__name__, str(error))
        return Verdict(True)

    def _after_notebook(self, session: KernelSession) -> None:
        session.run_cell("get_ipython().InteractiveTB.set_mode('Minimal')")  # quick tracebacks below
        for name, source in CANARIES.items():
            if not _errors(session.run_cell(source)):
                self.report.lies.append(name)
        after, _ = session.run(lambda requests: requests("hooks"))
        self.report.signs = hook_changes(getattr(self, "hooks_before", None), after)


PREFIXES: dict[tuple[str, int, str], tuple[dict | None, CodeType]] = {}  # this worker's, by test, part, language
IMPORTS = (ast.Import, ast.ImportFrom)


def engine_prefix(test: TrustedTest, index: int, lang: str) -> tuple[dict | None, CodeType]:
    """Part ``index`` of ``test`` as the bindings of its engine-only prefix and the code after it.

    The prefix is the part's opening statements that read nothing but modules and what they bind
    themselves, never an answer: an oracle on the engine's own data, the same for every
    submission. It runs once per worker and language; each check gets a deep copy of what it
    bound. A prefix that fails is not kept: the whole part then runs each time, as written."""
    key = (test.source, index, lang)
    if key not in PREFIXES:
        PREFIXES[key] = _run_prefix(test, index, lang)
    return PREFIXES[key]


def _run_prefix(test: TrustedTest, index: int, lang: str) -> tuple[dict | None, CodeType]:
    whole = compile(test.parts[index][1], "<test>", "exec")
    statements = ast.parse(test.parts[index][1]).body
    imports = [node for _, code in test.parts[:index] for node in ast.parse(code).body if isinstance(node, IMPORTS)]
    known = set(dir(builtins)) | {name for node in imports + statements if isinstance(node, IMPORTS)
                                  for name in _bound(node)}
    size = 0
    for node in statements:
        inside = _bound(node)
        if not isinstance(node, (*IMPORTS, ast.Assign, ast.For, ast.FunctionDef)) or _read(node) - inside - known:
            break
        known |= inside
        size += 1
    if size == 0:
        return None, whole
    namespace: dict = {"__name__": "__trusted_test__", "__builtins__": builtins}
    try:
        with language(lang), _quiet():  # with the imports of the earlier parts
            exec(compile(ast.Module(imports + statements[:size], []), "<test>", "exec"), namespace)  # noqa: S102
    except Exception:  # noqa: BLE001 - it fails again, with its message, where the whole part runs
        return None, whole
    rest = compile(ast.Module(statements[size:], []), "<test>", "exec")
    return {k: v for k, v in namespace.items() if k not in ("__name__", "__builtins__")}, rest


def _fresh_copy(bindings: dict) -> dict:
    """A deep copy (one check's mutations never reach the next), modules and functions shared."""
    return copy.deepcopy(bindings, {id(v): v for v in bindings.values() if isinstance(v, ModuleType)})


def _read(node: ast.AST) -> set[str]:
    return {n.id for n in ast.walk(node) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load)}


def _bound(node: ast.AST) -> set[str]:
    """Names a statement binds anywhere inside it: targets, loop and function variables, imports."""
    names = {n.id for n in ast.walk(node) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store)}
    names |= {a.arg for n in ast.walk(node) if isinstance(n, ast.arguments)
              for a in [*n.posonlyargs, *n.args, *n.kwonlyargs, n.vararg, n.kwarg] if a is not None}
    names |= {n.name for n in ast.walk(node) if isinstance(n, (ast.FunctionDef, ast.ClassDef))}
    names |= {(a.asname or a.name).split(".")[0] for n in ast.walk(node) if isinstance(n, IMPORTS) for a in n.names}
    return names


def hook_changes(before: object, after: object) -> list[str]:
    """What the notebook added to the kernel's hooks or replaced among the functions tests use."""
    if not (isinstance(before, dict) and isinstance(after, dict)):
        return ["the kernel did not describe its hooks"]
    signs = []
    for kind, entries in after.items():
        if kind == "functions":
            old = before.get("functions", {})
            replaced = sorted(name for name, ident in entries.items()
                              if name in old and old[name] != ident and name not in SWAPPED_BY_IPYKERNEL)
            if replaced:
                signs.append("replaced functions: " + ", ".join(replaced[:12]))
            continue
        added = [e for e in entries if e not in before.get(kind, []) and not _benign(e)]
        if added:
            signs.append(f"{kind}: " + ", ".join(e.split("#")[0] for e in added[:6]))
    return signs


def _benign(entry: str) -> bool:
    return entry.split(": ", 1)[-1].startswith(BENIGN_HOOKS)


def _errors(cell: NotebookNode) -> list:
    return [out for out in cell.get("outputs", []) if out.get("output_type") == "error"]


def _stopped(serve: NotebookNode) -> NotebookNode:
    """The error a test cell gets when its trusted check was cut off in the kernel: a time-out, as
    nbgrader reports a test cell that ran too long (the submission's status says so), never a
    sign of tampering."""
    cause = _errors(serve)[0]
    message = t("trusted.stopped", error=f"{cause.get('ename', '')}: {cause.get('evalue', '')}".strip(": "))
    return nbformat.v4.new_output("error", ename="CellTimeoutError", evalue=message,
                                  traceback=[f"CellTimeoutError: {message}"])


@contextmanager
def _quiet():  # noqa: ANN202
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()), \
            warnings.catch_warnings():
        warnings.simplefilter("ignore")
        yield


def apply(nb: NotebookNode, tests: dict[str, TrustedTest], report: TrustedReport) -> list[str]:
    """Give each test cell its full source back, with what the answers printed during its hidden
    tests (nbgrader fails a test that wrote to stderr), and fail every test the trusted check did
    not pass (its error first: nbgrader reads the first output); returns the tests that passed in
    the kernel but failed their visible part here."""
    mismatched = []
    for cell in nb.cells:
        grade_id = cell.get("metadata", {}).get("nbgrader", {}).get("grade_id")
        if grade_id not in tests or cell.cell_type != "code":
            continue
        cell.source = tests[grade_id].source
        if _errors(cell):
            continue
        cell.outputs += [nbformat.from_dict(out) for out in report.printed.get(grade_id, [])]
        verdict = report.verdicts.get(grade_id) or Verdict(False, "visible", "NotChecked", t("trusted.unchecked"))
        if not verdict.passed:
            cell.outputs.insert(0, nbformat.v4.new_output("error", ename=verdict.ename, evalue=verdict.evalue,
                                                          traceback=[f"{verdict.ename}: {verdict.evalue}"]))
            if verdict.part == "visible":
                mismatched.append(grade_id)
    return mismatched
