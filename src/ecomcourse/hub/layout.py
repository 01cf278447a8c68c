"""Where a class on JupyterHub keeps its parts, under one root folder (``/srv/ecomcourse`` by default).

- ``env/``: the course environment every account runs (read-only for them)
- ``datasets/``: the shop data, readable by every account (``$ECOMCOURSE_DATA``)
- ``exchange/``: nbgrader's exchange (``Exchange.root``)
- ``course/``: the instructor's nbgrader course (private to ``instructor``): ``solutions/``,
  ``notebooks/<lang>/``, ``release/`` (both editions), ``grader/`` (config, gradebook, submissions)
- ``jupyter/<role>/``: the Jupyter and nbgrader configuration of students and of the instructor
- ``hub/``: JupyterHub's own files (private to root): config, database, logs, passwords
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

COURSE_ID = "ecomcourse"
INSTRUCTOR = "instructor"
CLASS_GROUP = "ecomcourse"  # every account of the class
DEFAULT_ROOT = Path("/srv/ecomcourse")
PROFILE = Path("/etc/profile.d/ecomcourse-hub.sh")  # login shells: the environment and nbgrader's config
EDITIONS = "editions"  # inside a released assignment: editions/<lang>/<notebook>.ipynb


def student_name(number: int) -> str:
    return f"student{number:02d}"


@dataclass(frozen=True)
class Layout:
    root: Path

    @property
    def env(self) -> Path:
        return self.root / "env"

    @property
    def datasets(self) -> Path:
        return self.root / "datasets"

    @property
    def exchange(self) -> Path:
        return self.root / "exchange"

    @property
    def course(self) -> Path:
        return self.root / "course"

    @property
    def grader(self) -> Path:
        return self.course / "grader"

    @property
    def on_submit(self) -> Path:
        """The grading service's results (one CSV per assignment) and journal."""
        return self.grader / "on-submit"

    @property
    def state(self) -> Path:
        return self.root / "hub"

    def jupyter_config(self, role: str) -> Path:
        return self.root / "jupyter" / role

    def config_path(self, user: str) -> str:
        """``$JUPYTER_CONFIG_PATH`` of an account: its role's folder, then the class's common one."""
        role = "instructor" if user == INSTRUCTOR else "student"
        return f"{self.jupyter_config(role)}:{self.jupyter_config('common')}"
