"""The limits a graded notebook runs under (:class:`Limits`), and the launcher that applies them to its
kernel: ``python -m ecomcourse.grading.limits MB PROCESSES [UID] -- CMD ...``.

The kernel of every graded submission starts through this, inside its sandbox: as root it first
becomes ``UID`` (no groups, no capabilities, no way back: ``no_new_privs``), then caps its memory,
file size and, for a uid of its own, its processes, so a memory hog gets a MemoryError, a runaway
writer a file-size error and a fork bomb a refused fork instead of taking the machine down.
"""

from __future__ import annotations

import os
import signal
import sys
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .settings import GradingEngine

MAX_FILE_BYTES = 256 * 1024 * 1024
PR_SET_PDEATHSIG = 1
PR_SET_NO_NEW_PRIVS = 38


@dataclass(frozen=True)
class Limits:
    """What a worker enforces on one notebook (the cell limit travels in nbgrader's Execute config)."""

    notebook_timeout: int
    memory_mb: int
    output_bytes: int
    processes: int
    disk_mb: int

    @classmethod
    def of(cls, engine: GradingEngine) -> Limits:
        return cls(engine.notebook_timeout, engine.memory_mb, engine.output_bytes, engine.processes, engine.disk_mb)


def _prctl(option: int, value: int) -> None:
    import ctypes

    ctypes.CDLL(None, use_errno=True).prctl(option, value, 0, 0, 0)


def die_with_parent() -> None:
    """On Linux, this process is killed when its parent dies: a killed engine leaves no kernel behind."""
    if not sys.platform.startswith("linux"):
        return
    parent = os.getppid()
    _prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:  # the parent died before the call
        os._exit(1)


def become(uid: int) -> None:
    """Become ``uid`` for good: no supplementary groups, no capabilities, no setuid programs."""
    os.setgroups([])
    os.setresgid(uid, uid, uid)
    os.setresuid(uid, uid, uid)
    _prctl(PR_SET_NO_NEW_PRIVS, 1)


def main() -> None:
    import resource

    memory_mb, processes, *rest = sys.argv[1:]
    separator = rest.index("--")
    uid, command = rest[:separator], rest[separator + 1:]
    assert command, "usage: limits MB PROCESSES [UID] -- CMD ..."
    if uid:
        become(int(uid[0]))
        resource.setrlimit(resource.RLIMIT_NPROC, (int(processes), int(processes)))  # counted per uid
    memory = int(memory_mb) * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    resource.setrlimit(resource.RLIMIT_FSIZE, (MAX_FILE_BYTES, MAX_FILE_BYTES))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    die_with_parent()
    os.execvp(command[0], command)


if __name__ == "__main__":
    main()
