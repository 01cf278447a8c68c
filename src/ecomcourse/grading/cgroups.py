"""Limits on a submission's whole process tree: one control group per graded notebook.

A group caps the memory of every process the kernel starts together (tmpfs and shared memory
included: the kernel charges their pages to the writer's group) and the number of processes and
threads. cgroup v2 where its ``memory`` and ``pids`` controllers are enabled at the root, else the
v1 ``memory`` and ``pids`` hierarchies; either needs the right to create groups (root, usually).
Where neither works, :func:`available` says why and the per-process limits are all that apply.

Written by hand: the cgroup interface is a few files, and the libraries for it know only v1.
"""

from __future__ import annotations

import os
import signal
import time
from dataclasses import dataclass
from functools import cache
from pathlib import Path

ROOT = Path("/sys/fs/cgroup")
PARENT = "ecomcourse-jobs"
CONTROLLERS = ("memory", "pids")


@dataclass(frozen=True)
class Hierarchy:
    version: int
    folders: dict[str, Path]  # controller -> where this process's groups go


def _v2() -> Hierarchy | None:
    enabled = ROOT / "cgroup.subtree_control"
    if not enabled.is_file() or not set(CONTROLLERS) <= set(enabled.read_text().split()):
        return None
    return Hierarchy(2, {name: ROOT / PARENT for name in CONTROLLERS})


def _v1() -> Hierarchy | None:
    own = dict(line.split(":", 2)[1:] for line in Path("/proc/self/cgroup").read_text().splitlines())
    folders = {}
    for name in CONTROLLERS:
        mount = ROOT / name
        if not (mount / "cgroup.procs").is_file() or name not in own:
            return None
        folders[name] = mount / own[name].strip().lstrip("/") / PARENT
    return Hierarchy(1, folders)


@cache
def hierarchy() -> Hierarchy | str:
    """Where job groups can be made, or why they cannot."""
    if not Path("/proc/self/cgroup").is_file():
        return "no control groups on this system"
    found = _v2() or _v1()
    if found is None:
        return "no cgroup memory and pids controllers here"
    try:
        for folder in found.folders.values():
            folder.mkdir(exist_ok=True)
            if found.version == 2:
                (folder / "cgroup.subtree_control").write_text(" ".join(f"+{c}" for c in CONTROLLERS))
            if not os.access(folder, os.W_OK | os.X_OK):  # made by another user (root) before
                raise PermissionError(13, "permission denied")
    except OSError as error:
        return f"cannot create control groups ({error.strerror})"
    return found


def available() -> str:
    """Which kind of job groups work here ("cgroup v1", "cgroup v2"), or why none do, for the report."""
    found = hierarchy()
    return found if isinstance(found, str) else f"cgroup v{found.version}"


def worker_alive(job: str) -> bool:
    """Whether the worker of job ``job-<pid>-...`` (a job folder's or group's name) still runs."""
    try:
        os.kill(int(job.split("-")[1]), 0)
    except (IndexError, ValueError, ProcessLookupError):
        return False
    except PermissionError:  # another user's worker
        return True
    return True


def sweep() -> None:
    """Empty and remove the groups of workers that died mid-job; groups of live workers, another
    batch's among them, are left alone."""
    where = hierarchy()
    if isinstance(where, str):
        return
    for folder in {f for base in where.folders.values() for f in base.iterdir() if f.is_dir()}:
        if not worker_alive(folder.name):
            _empty_and_remove(folder)


def _empty_and_remove(folder: Path, seconds: float = 5.0) -> None:
    deadline = time.monotonic() + seconds
    while folder.is_dir():
        for pid in (int(p) for p in (folder / "cgroup.procs").read_text().split()):
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        try:
            folder.rmdir()
        except FileNotFoundError:
            return
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.02)


class JobGroup:
    """The control group of one graded notebook: created with its limits, joined by the kernel's
    launcher before anything runs (see :meth:`procs_files`), emptied and removed at the end."""

    def __init__(self, where: Hierarchy, name: str, memory_bytes: int, max_tasks: int) -> None:
        self.where = where
        self.folders = {c: folder / name for c, folder in where.folders.items()}
        for folder in set(self.folders.values()):
            folder.mkdir()
        memory = self.folders["memory"]
        if where.version == 2:
            (memory / "memory.max").write_text(str(memory_bytes))
            (memory / "memory.swap.max").write_text("0")
        else:
            (memory / "memory.limit_in_bytes").write_text(str(memory_bytes))
            swap = memory / "memory.memsw.limit_in_bytes"
            if swap.is_file():
                swap.write_text(str(memory_bytes))
        (self.folders["pids"] / "pids.max").write_text(str(max_tasks))

    def procs_files(self) -> list[str]:
        """The files a process writes its pid to, to join the group (its children follow)."""
        return sorted({str(folder / "cgroup.procs") for folder in self.folders.values()})

    def oom_killed(self) -> bool:
        """Whether the kernel killed a process of this group for want of memory."""
        events = "memory.events" if self.where.version == 2 else "memory.oom_control"
        text = (self.folders["memory"] / events).read_text()
        counts = dict(line.split() for line in text.splitlines() if len(line.split()) == 2)
        return int(counts.get("oom_kill", 0)) > 0

    def close(self) -> None:
        """Kill every process left in the group and remove it."""
        for folder in set(self.folders.values()):
            _empty_and_remove(folder)
