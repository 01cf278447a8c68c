"""``ecomcourse hub start`` and ``stop``: JupyterHub (PAM logins, each user's JupyterLab run as that
user by its LocalProcessSpawner), its configurable-http-proxy, and the grading-on-submit service
that JupyterHub starts and stops with itself, all on loopback."""

from __future__ import annotations

import contextlib
import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path

import psutil

from .. import paths
from . import accounts, course
from .layout import CLASS_GROUP, INSTRUCTOR, PROFILE, Layout, student_name

PROXY = paths.ROOT / "node_modules" / ".bin" / "configurable-http-proxy"  # `make venv` installs it with npm
SERVICE = "grade-on-submit"
HUB_CONFIG = '''\
# Written by `ecomcourse hub start`; rewritten at every start.
from pathlib import Path

from ecomcourse.hub.layout import Layout

layout = Layout(Path({root!r}))
c = get_config()  # noqa: F821
c.JupyterHub.ip = "127.0.0.1"
c.JupyterHub.port = {port}
c.JupyterHub.hub_ip = "127.0.0.1"
c.JupyterHub.hub_port = {hub_port}
c.ConfigurableHTTPProxy.api_url = "http://127.0.0.1:{proxy_api_port}"
c.ConfigurableHTTPProxy.command = [{proxy!r}]
c.ConfigurableHTTPProxy.pid_file = {proxy_pid!r}
c.JupyterHub.pid_file = {hub_pid!r}
c.JupyterHub.db_url = "sqlite:///{state}/jupyterhub.sqlite"
c.JupyterHub.cookie_secret_file = "{state}/cookie_secret"
c.JupyterHub.authenticator_class = "pam"
c.LocalAuthenticator.allowed_groups = {{{group!r}}}  # add a student: useradd -m -G {group} NAME
c.Authenticator.admin_users = {{{instructor!r}}}
c.Spawner.ip = "127.0.0.1"
c.Spawner.cmd = ["{env}/bin/jupyterhub-singleuser"]
c.Spawner.default_url = "/lab"
c.Spawner.environment = {{
    "PATH": "{env}/bin:/usr/local/bin:/usr/bin:/bin",
    "ECOMCOURSE_DATA": "{datasets}",
    "JUPYTER_CONFIG_PATH": lambda spawner: layout.config_path(spawner.user.name),
}}
c.JupyterHub.services = [{{
    "name": {service!r},
    "user": {instructor!r},
    "command": ["{env}/bin/ecomcourse", "hub", "grade-on-submit", "--root", {root!r}],
    "cwd": "{grader}",
    "environment": {{"PATH": "{env}/bin:/usr/local/bin:/usr/bin:/bin", "ECOMCOURSE_DATA": "{datasets}",
                     "HOME": {instructor_home!r}, "JUPYTER_CONFIG_PATH": {instructor_config!r}}},
}}]
'''


class HubError(Exception):
    pass


def start(students: int, port: int, root: Path, say: Callable[[str], None] = print) -> dict[str, str]:
    """Set the class up and start JupyterHub; returns once it answers on 127.0.0.1:``port``.
    Returns the passwords of the accounts created now (existing accounts keep theirs)."""
    accounts.require_root()
    layout = Layout(root)
    if _hub(layout):
        raise HubError(f"a hub of {root} is already running: `ecomcourse hub stop --root {root}` first")
    if PROFILE.exists() and f"root {root})" not in PROFILE.read_text():
        raise HubError(f"another class uses this machine ({PROFILE}): stop it with --remove-demo-accounts first")
    if not PROXY.exists():
        raise HubError(f"JupyterHub's proxy is not installed ({PROXY}): run `make venv` (it runs `npm ci`)")
    _check_free(port)
    layout.root.mkdir(parents=True, exist_ok=True)
    os.chmod(layout.root, 0o755)
    course.check_reachable(layout.root)
    layout.state.mkdir(mode=0o700, exist_ok=True)
    users = [INSTRUCTOR] + [student_name(i) for i in range(1, students + 1)]
    created = {user: password for user in users if (password := accounts.ensure(user))}
    _remember(layout, users, created)
    _close_checkout(say)
    course.build_environment(layout, say)
    course.install_datasets(layout)
    course.prepare_course(layout)
    course.write_role_configs(layout)
    course.write_profile(layout)
    say("releasing every chapter, both editions, to nbgrader's exchange")
    subprocess.run([str(layout.env / "bin" / "ecomcourse"), "hub", "publish", "--root", str(layout.root)],
                   check=True, env=_instructor_env(layout), cwd="/", **accounts.as_user(INSTRUCTOR))
    _launch(layout, port)
    return created


def stop(root: Path, remove_accounts: bool = False, say: Callable[[str], None] = print) -> None:
    """Stop the hub, its proxy, every single-user server and the grading service; with
    ``remove_accounts`` also remove the class's accounts, their homes and the login profile."""
    accounts.require_root()
    layout = Layout(root)
    proxy = _running(layout, "proxy.pid", "configurable-http-proxy")
    _terminate(_hub(layout), 30)  # JupyterHub stops the servers, the service and the proxy it started
    _terminate(proxy, 10)
    users = list(passwords(root))
    for user in users:
        accounts.stop_processes(user)
    left = [p.pid for p in (_hub(layout), _running(layout, "proxy.pid", "configurable-http-proxy")) if p] \
        + [p.pid for user in users for p in accounts.processes(user)]
    if left:
        raise HubError(f"processes still running after stop: {left}")
    for pidfile in ("jupyterhub.pid", "proxy.pid"):
        (layout.state / pidfile).unlink(missing_ok=True)
    say("stopped: hub, proxy, single-user servers and grading service")
    if remove_accounts:
        for user in users:
            accounts.remove(user)
        accounts.remove_group()
        PROFILE.unlink(missing_ok=True)
        (layout.state / "accounts.json").unlink(missing_ok=True)
        say(f"removed the accounts {', '.join(users)} and their homes; the course in {layout.root} is kept")


def _close_checkout(say: Callable[[str], None]) -> None:
    """The course's checkout holds the solutions, the answer banks and their history: no class
    account may enter it (the class runs from its own environment and data)."""
    mode = os.stat(paths.ROOT).st_mode
    if mode & 0o007:
        os.chmod(paths.ROOT, mode & ~0o007)
        say(f"closed {paths.ROOT} to other accounts: it holds the solutions and the answer banks")


def _launch(layout: Layout, port: int) -> None:
    hub_port, proxy_api_port = free_port(), free_port()
    instructor_home = os.path.expanduser(f"~{INSTRUCTOR}")
    config = layout.state / "jupyterhub_config.py"
    config.write_text(HUB_CONFIG.format(
        root=str(layout.root), port=port, hub_port=hub_port, proxy_api_port=proxy_api_port, proxy=str(PROXY),
        proxy_pid=str(layout.state / "proxy.pid"), hub_pid=str(layout.state / "jupyterhub.pid"),
        state=layout.state, group=CLASS_GROUP, instructor=INSTRUCTOR, env=layout.env, datasets=layout.datasets,
        service=SERVICE, grader=layout.grader, instructor_home=instructor_home,
        instructor_config=layout.config_path(INSTRUCTOR)), encoding="utf-8")
    log = (layout.state / "jupyterhub.log").open("ab")
    hub = subprocess.Popen([sys.executable, "-m", "jupyterhub", "-f", str(config)], cwd=layout.state,
                           stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
                           env={**os.environ, "PATH": f"{Path(sys.executable).parent}:{os.environ.get('PATH', '')}"})
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        if hub.poll() is not None:
            raise HubError(f"JupyterHub exited ({hub.returncode}); its log: {layout.state / 'jupyterhub.log'}")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/hub/api", timeout=2) as answer:
                if answer.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    raise HubError(f"JupyterHub did not answer on 127.0.0.1:{port} within 90 s; see {layout.state / 'jupyterhub.log'}")


def _instructor_env(layout: Layout) -> dict[str, str]:
    return {"PATH": f"{layout.env}/bin:/usr/bin:/bin", "HOME": os.path.expanduser(f"~{INSTRUCTOR}"),
            "ECOMCOURSE_DATA": str(layout.datasets), "JUPYTER_CONFIG_PATH": layout.config_path(INSTRUCTOR),
            "LANG": "C.UTF-8"}


def _remember(layout: Layout, users: list[str], created: dict[str, str]) -> None:
    """``hub/accounts.json`` (root only): the class's accounts and the passwords given at creation."""
    path = layout.state / "accounts.json"
    known = passwords(layout.root)
    known.update({user: known.get(user, "") for user in users})
    known.update(created)
    path.write_text(json.dumps(known, indent=1))
    os.chmod(path, 0o600)


def passwords(root: Path) -> dict[str, str]:
    """The class's accounts (``hub/accounts.json``) and the passwords given when each was created."""
    path = Layout(root).state / "accounts.json"
    return json.loads(path.read_text()) if path.exists() else {}


def _running(layout: Layout, pidfile: str, command: str) -> psutil.Process | None:
    """The process named in a pid file of the hub, if it still runs ``command`` (a pid file outlives
    its process, and its id may by now belong to another one)."""
    try:
        process = psutil.Process(int((layout.state / pidfile).read_text().strip()))
        if command in " ".join(process.cmdline()) and process.status() != psutil.STATUS_ZOMBIE:
            return process
    except (OSError, ValueError, psutil.Error):
        pass
    return None


def _hub(layout: Layout) -> psutil.Process | None:
    return _running(layout, "jupyterhub.pid", str(layout.state / "jupyterhub_config.py"))


def _terminate(process: psutil.Process | None, seconds: float) -> None:
    if process is None:
        return
    with contextlib.suppress(psutil.NoSuchProcess):
        process.terminate()
        try:
            process.wait(seconds)
        except psutil.TimeoutExpired:
            process.kill()
            process.wait(seconds)


def _check_free(port: int) -> None:
    with socket.socket() as probe:
        if probe.connect_ex(("127.0.0.1", port)) == 0:
            raise HubError(f"port {port} on 127.0.0.1 is taken: choose another with --port")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]
