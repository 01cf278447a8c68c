"""Where and how a submission's code runs.

``bubblewrap`` mode (Linux with ``bwrap``) builds the kernel's file system from an allow-list:
the system's programs and libraries, the course environment (the interpreter, its packages and
this package) and the data, all read-only; the submission's own job folder, writable; a private
``/tmp`` and ``/dev/shm`` of limited size. Nothing else of the host exists inside: no checkout or
its history, no home, gradebook, exchange, other submission or hub state. It has no network, its
own process tree that dies with it, and no capabilities: an engine run as root starts the kernel as
a user of its own with no rights, an engine run as a user starts it in a new user namespace.
``limits`` mode (elsewhere): the same fresh folder, cleared environment, unprivileged user and
resource limits, without the private file system.

Both modes start the kernel with only the environment in :func:`kernel_environment`, and cap its
memory, processes, file size, time per cell and per notebook, and output; where the machine has
control groups (:mod:`cgroups`) the memory and process caps cover the whole process tree.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from jupyter_client.manager import AsyncKernelManager
from traitlets import Dict, Integer, List, Unicode

from . import cgroups
from .limits import Limits

SYSTEM = ("/usr", "/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32")
ETC = ("ld.so.cache", "ld.so.conf", "ld.so.conf.d", "alternatives", "localtime", "fonts", "mime.types")
PASSED_ENV = ("LANG", "LC_ALL", "LC_CTYPE", "TZ", "OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE")
SANDBOX_UID = 65534  # the kernel's uid as it sees itself inside a user namespace
JOB_UIDS = 1_900_000_000  # as root: each job's kernel runs as JOB_UIDS + the worker's pid, a uid nobody has
JOIN_GROUP = 'while [ "$1" != -- ]; do echo $$ > "$1" || exit 126; shift; done; shift; exec "$@"'


def jobs_root(in_memory: bool) -> Path:
    """Where job folders go: in shared memory when control groups count what a kernel writes
    there against its memory limit, else in the temporary folder."""
    base = Path("/dev/shm") if in_memory and os.access("/dev/shm", os.W_OK) else Path(tempfile.gettempdir())
    return base / f"ecomcourse-jobs-{os.getuid() if hasattr(os, 'getuid') else 0}"


def new_workdir(root: Path) -> Path:
    """A fresh folder for one submission, named after this worker (see :func:`sweep_workdirs`)."""
    root.mkdir(mode=0o711, exist_ok=True)
    return Path(tempfile.mkdtemp(prefix=f"job-{os.getpid()}-", dir=root))


def sweep_workdirs() -> None:
    """Remove the job folders of workers that died mid-job (their own clean-up never ran)."""
    for root in {jobs_root(in_memory=True), jobs_root(in_memory=False)}:
        for folder in root.glob("job-*") if root.is_dir() else []:
            if not cgroups.worker_alive(folder.name):
                shutil.rmtree(folder, ignore_errors=True)


def privileged() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0


def job_uid() -> int | None:
    """As root, the uid this worker's kernels run as (one per concurrent job); else None."""
    return JOB_UIDS + os.getpid() if privileged() else None


def package_folder() -> Path:
    """The ``ecomcourse`` package the engine runs, which the kernel must import too."""
    import ecomcourse

    return Path(ecomcourse.__file__).resolve().parent


def environment_paths() -> list[Path]:
    """The course environment a kernel needs, read-only: the interpreter's prefixes and this package."""
    found = {Path(p).resolve() for p in (sys.prefix, sys.base_prefix, sys.exec_prefix, sys.base_exec_prefix)}
    found.add(package_folder())
    return sorted(p for p in found if not any(p != q and p.is_relative_to(q) for q in found))


def _import_path() -> dict[str, str]:
    """PYTHONPATH for a package outside the environment (a checkout, editable or on PYTHONPATH)."""
    parent = package_folder().parent
    return {} if parent.is_relative_to(Path(sys.prefix).resolve()) else {"PYTHONPATH": str(parent)}


@dataclass(frozen=True)
class Sandbox:
    mode: str  # bubblewrap | limits
    groups: str  # "cgroup v1" / "cgroup v2", or why there are none

    @property
    def has_groups(self) -> bool:
        return self.groups.startswith("cgroup")

    @property
    def label(self) -> str:
        """Short, for the report: the mode and what capped the whole process tree, if anything."""
        return f"{self.mode} + {self.groups}" if self.has_groups else f"{self.mode}, per-process limits ({self.groups})"

    def describe(self) -> str:
        tree = (f"memory and processes capped for the whole process tree ({self.groups})" if self.has_groups
                else f"memory and processes capped per process only ({self.groups})")
        user = "as a user of its own with no capabilities" if privileged() else "in a user namespace, no capabilities"
        if self.mode == "bubblewrap":
            return (f"bubblewrap: only the system, the course environment and the data (read-only) and its own "
                    f"folder; no network; {user}; {tree}")
        return f"limits only (bubblewrap not available): fresh folder, cleared environment, {user}; {tree}"

    def command_prefix(self, workdir: Path, limits: Limits, data: Path, uid: int | None,
                       procs_files: list[str]) -> list[str]:
        """What the kernel's command is run behind: join the job's control group, enter the
        sandbox, drop to ``uid`` (as root) and apply the per-process limits."""
        inner = [sys.executable, "-m", "ecomcourse.grading.limits", str(limits.memory_mb), str(limits.processes)]
        inner += ([str(uid)] if uid is not None else []) + ["--"]
        join = ["/bin/sh", "-c", JOIN_GROUP, "sh", *procs_files, "--"] if procs_files else []
        if self.mode != "bubblewrap":
            return join + inner
        return join + bubblewrap_args(workdir, data, limits, uid is not None) + ["--"] + inner


def bubblewrap_args(workdir: Path, data: Path, limits: Limits, as_root: bool) -> list[str]:
    args = ["bwrap", "--die-with-parent", "--new-session", "--unshare-net", "--unshare-pid", "--unshare-ipc",
            "--unshare-uts", "--hostname", "sandbox", "--unshare-cgroup-try",
            "--unsetenv", "JPY_PARENT_PID"]  # jupyter_client's pid: the kernel's parent is outside its pid namespace
    if as_root:  # the launcher needs these two to become the job's user, which then has none
        args += ["--cap-drop", "ALL", "--cap-add", "CAP_SETUID", "--cap-add", "CAP_SETGID"]
    else:
        args += ["--unshare-user", "--uid", str(SANDBOX_UID), "--gid", str(SANDBOX_UID), "--disable-userns"]
    tmp_bytes = str(limits.disk_mb * 1024 * 1024)
    args += ["--proc", "/proc", "--dev", "/dev",
             "--perms", "1777", "--size", tmp_bytes, "--tmpfs", "/tmp",
             "--perms", "1777", "--size", tmp_bytes, "--tmpfs", "/dev/shm"]
    made: set[Path] = {Path("/tmp"), Path("/dev"), Path("/dev/shm")}
    for source, writable in [*((Path(p), False) for p in SYSTEM), *((Path("/etc") / e, False) for e in ETC),
                             *((p, False) for p in environment_paths()), (data.resolve(), False),
                             (workdir, True)]:
        if source.is_symlink() and source.parent == Path("/"):
            args += ["--symlink", os.readlink(source), str(source)]
        elif source.exists():
            args += _parents(source, made) + ["--bind" if writable else "--ro-bind", str(source), str(source)]
    return args + ["--chdir", str(workdir)]


def _parents(path: Path, made: set[Path]) -> list[str]:
    """Folders on the way to ``path``, world-traversable (bubblewrap would make them private)."""
    args = []
    for parent in reversed(path.parents[:-1]):
        if parent not in made:
            made.add(parent)
            args += ["--perms", "0755", "--dir", str(parent)]
    return args


def choose_sandbox(allow_bubblewrap: bool = True) -> Sandbox:
    """bubblewrap when it is installed and works here, else limits only; control groups where they work."""
    groups = cgroups.available()
    if allow_bubblewrap and shutil.which("bwrap") and _bubblewrap_works():
        return Sandbox("bubblewrap", groups)
    return Sandbox("limits", groups)


def _bubblewrap_works() -> bool:
    probe = ["bwrap", "--ro-bind", "/", "/", "--dev", "/dev", "--proc", "/proc", "--unshare-net",
             "--unshare-pid", "--die-with-parent", "true"]
    if not privileged():
        probe[1:1] = ["--unshare-user"]
    return subprocess.run(probe, capture_output=True).returncode == 0


def kernel_environment(home: Path, data: Path) -> dict[str, str]:
    """The kernel's whole environment: nothing of the grader's but the locale and a few settings
    numeric libraries need on this processor."""
    passed = {name: os.environ[name] for name in PASSED_ENV if name in os.environ}
    return {"LANG": "C.UTF-8", **passed, **_import_path(), "PATH": f"{Path(sys.executable).parent}:/usr/bin:/bin",
            "HOME": str(home), "USER": "student", "LOGNAME": "student",
            "MPLCONFIGDIR": str(home / "matplotlib"), "IPYTHONDIR": str(home / "ipython"),
            "XDG_CACHE_HOME": str(home / "cache"), "JUPYTER_RUNTIME_DIR": str(home / "runtime"),
            "ECOMCOURSE_DATA": str(data), "NBGRADER_EXECUTION": "autograde", "MPLBACKEND": "agg",
            "PYTHONNOUSERSITE": "1",
            "ARROW_DEFAULT_MEMORY_POOL": "system"}  # pyarrow's own allocator reserves 1 GB of the memory limit


class SandboxedKernelManager(AsyncKernelManager):
    """Starts the kernel behind the sandbox's command prefix, with only its own environment,
    talking over Unix sockets (the kernel has no network) in its working directory."""

    command_prefix = List(Unicode()).tag(config=True)
    kernel_env = Dict().tag(config=True)
    owner = Integer(-1, help="uid the kernel runs as, when it is not this process's").tag(config=True)

    def format_kernel_cmd(self, extra_arguments: list[str] | None = None) -> list[str]:
        return list(self.command_prefix) + super().format_kernel_cmd(extra_arguments)

    async def _async_pre_start_kernel(self, **kw):  # noqa: ANN003, ANN202 - jupyter_client's hook
        kw["env"] = dict(self.kernel_env)
        kw["stdout"] = kw["stderr"] = subprocess.DEVNULL  # kernel logs; cell output travels over its sockets
        self.kernel_spec.interrupt_mode = "message"  # a signal to bwrap would not reach the kernel
        cmd, kw = await super()._async_pre_start_kernel(**kw)
        kw["env"] = {k: v for k, v in kw["env"].items() if k in self.kernel_env or k.startswith("JPY_SESSION")}
        if self.owner >= 0:  # the kernel reads its connection file as the job's user
            os.chown(self.connection_file, self.owner, self.owner)
        return cmd, kw
