"""The class's Unix accounts: created and removed only as root, each home private to its owner."""

from __future__ import annotations

import contextlib
import grp
import os
import pwd
import secrets
import subprocess

import psutil

from .layout import CLASS_GROUP


class AccountError(Exception):
    pass


def require_root() -> None:
    if os.geteuid() != 0:
        raise AccountError("run it as root: it creates Unix accounts and runs each user's server as that user")


def exists(name: str) -> bool:
    try:
        pwd.getpwnam(name)
        return True
    except KeyError:
        return False


def ensure(name: str) -> str | None:
    """Create the account ``name`` in the class group with a private home and a new password
    (returned); an account that already exists keeps its password (None)."""
    if not _group_exists(CLASS_GROUP):
        subprocess.run(["groupadd", CLASS_GROUP], check=True)
    if exists(name):
        subprocess.run(["usermod", "-aG", CLASS_GROUP, name], check=True)
        os.chmod(pwd.getpwnam(name).pw_dir, 0o700)
        return None
    subprocess.run(["useradd", "--create-home", "--shell", "/bin/bash", "--groups", CLASS_GROUP,
                    "-K", "HOME_MODE=0700", "-K", "UMASK=077", name], check=True)
    os.chmod(pwd.getpwnam(name).pw_dir, 0o700)
    password = secrets.token_urlsafe(9)
    subprocess.run(["chpasswd"], input=f"{name}:{password}\n", text=True, check=True)
    return password


def as_user(name: str) -> dict:
    """``subprocess`` arguments that run a command as the account, with its groups."""
    groups = [g.gr_gid for g in grp.getgrall() if name in g.gr_mem]
    return {"user": name, "group": pwd.getpwnam(name).pw_gid, "extra_groups": groups, "umask": 0o077}


def processes(name: str) -> list[psutil.Process]:
    """The account's processes."""
    return [p for p in psutil.process_iter(["username"]) if p.info["username"] == name]


def stop_processes(name: str, seconds: float = 10) -> None:
    """SIGTERM every process of the account, then SIGKILL what is left after ``seconds``."""
    running = processes(name)
    for process in running:
        with contextlib.suppress(psutil.NoSuchProcess):
            process.terminate()
    _, left = psutil.wait_procs(running, timeout=seconds)
    for process in left:
        with contextlib.suppress(psutil.NoSuchProcess):
            process.kill()
    psutil.wait_procs(left, timeout=seconds)


def remove(name: str) -> None:
    """Stop the account's processes, then remove it and its home."""
    if not exists(name):
        return
    stop_processes(name)
    subprocess.run(["userdel", "--remove", name], check=True, capture_output=True)


def remove_group() -> None:
    if _group_exists(CLASS_GROUP) and not grp.getgrnam(CLASS_GROUP).gr_mem:
        subprocess.run(["groupdel", CLASS_GROUP], check=False, capture_output=True)


def _group_exists(name: str) -> bool:
    try:
        grp.getgrnam(name)
        return True
    except KeyError:
        return False
