"""Run one sanitised submission inside its sandbox (the part that runs on a worker)."""

from __future__ import annotations

import glob
import os
import shutil
import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
from nbclient.exceptions import CellTimeoutError, DeadKernelError
from nbformat import NotebookNode
from nbgrader.preprocessors import Execute
from traitlets.config import Config

from ..data.loader import ENV_VAR
from . import cgroups
from .limits import Limits
from .sandbox import Sandbox, SandboxedKernelManager, job_uid, jobs_root, kernel_environment, new_workdir
from .trusted import TrustedChecks, TrustedReport, TrustedTest

HOME = ".home"  # the kernel's home, in its job folder


@dataclass(frozen=True)
class Job:
    student_id: str
    assignment_id: str
    notebook_id: str
    notebook_json: str
    limits: Limits
    sandbox: Sandbox
    data_folder: str
    step: type[Execute]  # the course's configured Execute step
    step_config: Config  # and its sections of the course's config
    files: dict[str, bytes] = field(default_factory=dict)  # put beside the notebook, as nbgrader does
    tests: dict[str, TrustedTest] | None = None  # by grade id, checked in the worker; None: not at all
    lang: str = "zh"  # of the trusted checks' messages


@dataclass(frozen=True)
class Execution:
    student_id: str
    assignment_id: str
    notebook_id: str
    notebook_json: str | None
    outcome: str  # ok | timeout | memory | kernel_died | error
    message: str
    trusted: TrustedReport = field(default_factory=TrustedReport)
    seconds: float = 0.0  # running the notebook, its trusted checks included


class OutputCap:
    """Mixed into the Execute step: keeps at most ``output_bytes`` of output per cell."""

    output_bytes = 1_000_000

    def output(self, outs, msg, display_id, cell_index):  # noqa: ANN001, ANN201 - nbclient's hook
        used = self.__dict__.setdefault("_bytes_per_cell", {})
        if used.get(cell_index, 0) > self.output_bytes:
            return None
        used[cell_index] = used.get(cell_index, 0) + len(str(msg.get("content", "")))
        if used[cell_index] > self.output_bytes:
            outs.append(nbformat.v4.new_output(
                "stream", name="stdout", text=f"\n[output cut: more than {self.output_bytes:,} bytes]\n"))
            return None
        return super().output(outs, msg, display_id, cell_index)


def sandboxed_executor(job: Job, workdir: Path, uid: int | None, group: cgroups.JobGroup | None) -> Execute:
    """The course's Execute step with its own config, capped output, a kernel in the sandbox, and
    the trusted check of each test cell right after the kernel ran it."""
    config = Config(job.step_config)
    manager = config.SandboxedKernelManager
    manager.command_prefix = job.sandbox.command_prefix(workdir, job.limits, Path(job.data_folder), uid,
                                                        group.procs_files() if group else [])
    manager.kernel_env = kernel_environment(workdir / HOME, Path(job.data_folder))
    manager.owner = -1 if uid is None else uid
    manager.transport = "ipc"
    manager.connection_file = str(workdir / HOME / "runtime" / "kernel.json")
    config[job.step.__name__].shutdown_kernel = "immediate"  # its outputs are in; its process group is killed next
    mixins = (OutputCap, TrustedChecks) if job.tests is not None else (OutputCap,)
    step = type(f"Sandboxed{job.step.__name__}", (*mixins, job.step), {})
    executor = step(config=config, kernel_manager_class=SandboxedKernelManager)
    executor.output_bytes = job.limits.output_bytes
    executor.trusted_tests, executor.address, executor.lang = job.tests, workdir / ".trusted.sock", job.lang
    executor.report = TrustedReport()
    return executor


def _prepare_folder(job: Job, workdir: Path, uid: int | None) -> None:
    """The submission's files and the kernel's home in ``workdir``, owned by the kernel's user."""
    for name, content in {**job.files, f"{job.notebook_id}.ipynb": job.notebook_json.encode()}.items():
        (workdir / name).parent.mkdir(parents=True, exist_ok=True)
        (workdir / name).write_bytes(content)
    home = workdir / HOME
    for sub in ("matplotlib", "ipython", "cache", "runtime"):
        (home / sub).mkdir(parents=True, exist_ok=True)
    for cached in glob.glob(str(Path.home() / ".cache" / "matplotlib" / "fontlist-*.json")):
        shutil.copy(cached, home / "matplotlib")
    if uid is not None:
        os.chmod(workdir, 0o711)  # the sandbox enters it before it becomes the kernel's user
        for folder, _, files in os.walk(workdir):
            for path in [folder, *(os.path.join(folder, f) for f in files)]:
                os.chown(path, uid, uid)


def _job_group(job: Job, name: str) -> cgroups.JobGroup | None:
    if not job.sandbox.has_groups:
        return None
    where = cgroups.hierarchy()
    if isinstance(where, str):
        return None
    return cgroups.JobGroup(where, name, job.limits.memory_mb * 1024 * 1024, job.limits.processes)


def execute(job: Job) -> Execution:
    """Execute the notebook of ``job`` in a fresh folder and return it with an outcome."""
    workdir = new_workdir(jobs_root(in_memory=job.sandbox.has_groups))
    uid = job_uid()
    timer: threading.Timer | None = None
    executor: Execute | None = None
    group: cgroups.JobGroup | None = None
    fired = threading.Event()
    started = time.perf_counter()
    try:
        group = _job_group(job, workdir.name)
        nb = nbformat.reads(job.notebook_json, as_version=4)
        _prepare_folder(job, workdir, uid)
        executor = sandboxed_executor(job, workdir, uid, group)

        def stop() -> None:
            fired.set()
            _kill_kernel(executor)

        timer = threading.Timer(job.limits.notebook_timeout, stop)
        timer.start()
        try:
            with _checks_read(job.data_folder):
                nb, _ = executor(nb, {"metadata": {"path": str(workdir)}})
            outcome, message = _outcome(nb, job.limits, group)
        except DeadKernelError:
            if fired.is_set():
                outcome, message = "timeout", f"the notebook ran longer than {job.limits.notebook_timeout} s"
            else:
                outcome, message = _died(nb, job.limits, group)
            _fail_cells_not_run(nb, message)
        except CellTimeoutError:
            outcome = "timeout"
            message = f"a cell ignored the interrupt after {executor.timeout} s and the notebook was stopped"
            _fail_cells_not_run(nb, message)
        return Execution(job.student_id, job.assignment_id, job.notebook_id, nbformat.writes(nb),
                         outcome, message, executor.report, time.perf_counter() - started)
    except Exception as error:  # noqa: BLE001 - every submission must end with an outcome
        return Execution(job.student_id, job.assignment_id, job.notebook_id, None, "error",
                         f"{type(error).__name__}: {error}")
    finally:
        if timer is not None:
            timer.cancel()
        _kill_kernel(executor)  # whatever the submission started ends with it
        if group is not None:
            group.close()
        shutil.rmtree(workdir, ignore_errors=True)


@contextmanager
def _checks_read(folder: str) -> Iterator[None]:
    """The trusted checks in this worker load the data the engine named, as the kernel does,
    wherever the worker was started (a Dask worker has its own working directory)."""
    previous = os.environ.get(ENV_VAR)
    os.environ[ENV_VAR] = folder
    try:
        yield
    finally:
        if previous is None:
            os.environ.pop(ENV_VAR, None)
        else:
            os.environ[ENV_VAR] = previous


def _kill_kernel(executor: Execute | None) -> None:
    km = getattr(executor, "km", None)
    process = getattr(getattr(km, "provisioner", None), "process", None)
    if process is not None:
        _kill_group(process.pid)


def _fail_cells_not_run(nb: NotebookNode, message: str) -> None:
    """Cells the kernel never reached score nothing: nbgrader counts a test without an error as passed."""
    for cell in nb.cells:
        if cell.cell_type == "code" and cell.get("execution_count") is None:
            cell.outputs = [nbformat.v4.new_output("error", ename="NotRun", evalue=message, traceback=[message])]


def _kill_group(pid: int) -> None:
    for kill in (lambda: os.killpg(pid, signal.SIGKILL), lambda: os.kill(pid, signal.SIGKILL)):
        try:
            kill()
        except (ProcessLookupError, PermissionError):
            pass


def _errors(nb: NotebookNode) -> list[tuple[str, str]]:
    return [(out.get("ename", ""), out.get("evalue", "")) for cell in nb.cells if cell.cell_type == "code"
            for out in cell.get("outputs", []) if out.get("output_type") == "error"]


def _outcome(nb: NotebookNode, limits: Limits, group: cgroups.JobGroup | None) -> tuple[str, str]:
    names = [name for name, _ in _errors(nb)]
    if "MemoryError" in names:
        return "memory", "a cell ran out of memory (MemoryError); the other cells were graded"
    if group is not None and group.oom_killed():
        return "memory", (f"a process of the notebook was killed: all its processes together passed the memory "
                          f"limit ({limits.memory_mb} MB); the other cells were graded")
    if "CellTimeoutError" in names:
        return "timeout", "a cell ran past the time limit per cell and was stopped; the other cells were graded"
    return "ok", ""


def _died(nb: NotebookNode, limits: Limits, group: cgroups.JobGroup | None) -> tuple[str, str]:
    names = [name for name, _ in _errors(nb)]
    if "MemoryError" in names or (group is not None and group.oom_killed()):
        return "memory", f"the kernel ran out of memory (limit {limits.memory_mb} MB) and died"
    return "kernel_died", "the kernel died while running the notebook (a crash, or the process was killed)"
