"""Where and how a submission's code runs.

``bubblewrap`` mode (Linux with ``bwrap``): the kernel sees the system read-only, the course's
private folders (solutions, gradebook, answer banks, other submissions) and the other jobs'
folders as empty, no network, its own process tree that dies with it, and one writable folder:
its own fresh working directory. ``limits`` mode (elsewhere): the same fresh directory and resource limits, nothing
more. Both modes cap memory, file size, time per cell and per notebook, and output size.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from jupyter_client.manager import AsyncKernelManager
from traitlets import Dict, List, Unicode

from .limits import Limits

JOBS_ROOT = Path(tempfile.gettempdir()) / f"ecomcourse-jobs-{os.getuid() if hasattr(os, 'getuid') else 0}"


def new_workdir() -> Path:
    """A fresh folder for one submission, under JOBS_ROOT, which the sandbox shows empty but for it."""
    JOBS_ROOT.mkdir(mode=0o700, exist_ok=True)
    return Path(tempfile.mkdtemp(prefix="job-", dir=JOBS_ROOT))


@dataclass(frozen=True)
class Sandbox:
    mode: str  # bubblewrap | limits
    hidden: tuple[str, ...] = field(default_factory=tuple)  # folders shown empty inside

    def describe(self) -> str:
        if self.mode == "bubblewrap":
            return ("bubblewrap: no network, read-only system, course folders hidden, "
                    "own process tree; plus memory, time and output limits")
        return "limits only (bubblewrap not available): memory, time and output limits, fresh folder"

    def command_prefix(self, workdir: Path, limits: Limits) -> list[str]:
        inner = [sys.executable, "-m", "ecomcourse.grading.limits", str(limits.memory_mb), "--"]
        if self.mode != "bubblewrap":
            return inner
        args = ["bwrap", "--ro-bind", "/", "/", "--dev", "/dev", "--proc", "/proc", "--tmpfs", str(JOBS_ROOT)]
        for folder in self.hidden:
            if Path(folder).is_dir():
                args += ["--tmpfs", folder]
        args += ["--bind", str(workdir), str(workdir), "--chdir", str(workdir),
                 "--unshare-net", "--unshare-pid", "--unshare-ipc", "--die-with-parent", "--new-session",
                 "--unsetenv", "JPY_PARENT_PID"]  # the parent is outside the pid namespace
        return args + ["--"] + inner


def choose_sandbox(hidden: list[Path], allow_bubblewrap: bool = True) -> Sandbox:
    """bubblewrap when it is installed and works here, else limits only."""
    if allow_bubblewrap and shutil.which("bwrap") and _bubblewrap_works():
        return Sandbox("bubblewrap", tuple(str(p.resolve()) for p in hidden))
    return Sandbox("limits")


def _bubblewrap_works() -> bool:
    probe = ["bwrap", "--ro-bind", "/", "/", "--dev", "/dev", "--proc", "/proc", "--unshare-net",
             "--unshare-pid", "--die-with-parent", "true"]
    return subprocess.run(probe, capture_output=True).returncode == 0


LAUNCHED: list[int] = []  # process groups of kernels started in this process, for clean-up


class SandboxedKernelManager(AsyncKernelManager):
    """Starts the kernel behind the sandbox's command prefix, talking over Unix sockets
    (the kernel has no network) in its working directory."""

    command_prefix = List(Unicode()).tag(config=True)
    extra_env = Dict().tag(config=True)

    def format_kernel_cmd(self, extra_arguments: list[str] | None = None) -> list[str]:
        return list(self.command_prefix) + super().format_kernel_cmd(extra_arguments)

    async def _async_pre_start_kernel(self, **kw):  # noqa: ANN003, ANN202 - jupyter_client's hook
        kw["env"] = {**os.environ, **kw.get("env", {}), **self.extra_env}
        kw["stdout"] = kw["stderr"] = subprocess.DEVNULL  # kernel logs; cell output travels over its sockets
        self.kernel_spec.interrupt_mode = "message"  # a signal to bwrap would not reach the kernel
        return await super()._async_pre_start_kernel(**kw)

    async def _async_post_start_kernel(self, **kw):  # noqa: ANN003, ANN202 - jupyter_client's hook
        LAUNCHED.append(self.provisioner.process.pid)  # a session leader: its pid is its group id
        return await super()._async_post_start_kernel(**kw)
