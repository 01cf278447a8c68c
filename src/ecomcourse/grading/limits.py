"""The limits a graded notebook runs under (:class:`Limits`), and the command that applies them to its
kernel: ``python -m ecomcourse.grading.limits MB -- CMD ...``.

The kernel of every graded submission starts through this, so a memory hog gets a MemoryError
and a runaway writer a file-size error instead of taking the machine down.
"""

from __future__ import annotations

import os
import resource
import signal
import sys
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .settings import GradingEngine

MAX_FILE_BYTES = 256 * 1024 * 1024


@dataclass(frozen=True)
class Limits:
    """What a worker enforces on one notebook (the cell limit travels in nbgrader's Execute config)."""

    notebook_timeout: int
    memory_mb: int
    output_bytes: int

    @classmethod
    def of(cls, engine: GradingEngine) -> Limits:
        return cls(engine.notebook_timeout, engine.memory_mb, engine.output_bytes)


def die_with_parent() -> None:
    """On Linux, this process is killed when its parent dies: a killed engine leaves no kernel behind."""
    if not sys.platform.startswith("linux"):
        return
    import ctypes

    pr_set_pdeathsig = 1
    parent = os.getppid()
    ctypes.CDLL(None, use_errno=True).prctl(pr_set_pdeathsig, signal.SIGKILL)
    if os.getppid() != parent:  # the parent died before the call
        os._exit(1)


def main() -> None:
    memory_mb, separator, *command = sys.argv[1:]
    assert separator == "--" and command, "usage: limits MB -- CMD ..."
    memory = int(memory_mb) * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    resource.setrlimit(resource.RLIMIT_FSIZE, (MAX_FILE_BYTES, MAX_FILE_BYTES))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    die_with_parent()
    os.execvp(command[0], command)


if __name__ == "__main__":
    main()
