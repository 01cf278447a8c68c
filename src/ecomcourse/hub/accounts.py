"""The class's Unix accounts: created and removed only as root, each home private to its owner."""

from __future__ import annotations

import grp
import os
import pwd
import secrets
import subprocess
import time

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


def processes(name: str) -> list[int]:
    """Process ids owned by the account (from /proc)."""
    try:
        uid = pwd.getpwnam(name).pw_uid
    except KeyError:
        return []
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                if os.stat(f"/proc/{entry}").st_uid == uid:
                    found.append(int(entry))
            except FileNotFoundError:
                continue
    return found


def stop_processes(name: str, seconds: float = 10) -> None:
    """SIGTERM every process of the account, then SIGKILL what is left after ``seconds``."""
    for signal in ("TERM", "KILL"):
        if not processes(name):
            return
        subprocess.run(["pkill", f"-{signal}", "-u", name], check=False)
        deadline = time.monotonic() + seconds
        while processes(name) and time.monotonic() < deadline:
            time.sleep(0.1)


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
