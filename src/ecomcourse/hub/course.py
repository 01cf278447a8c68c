"""Setting a class up: the course environment, the data, the instructor's nbgrader course with both
editions released to nbgrader's exchange, and each role's Jupyter and nbgrader configuration."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from nbgrader.apps import NbGraderAPI
from traitlets.config import Config

from .. import paths
from ..chapters import chapter_ids
from ..data.loader import data_folder
from ..i18n import LANGUAGES
from ..nbgrader_config import configure
from .layout import CLASS_GROUP, COURSE_ID, EDITIONS, INSTRUCTOR, PROFILE, Layout

# the same versions as the instructor's environment: the hub, nbgrader and the numbers the oracles compute
PINNED = {"jupyterhub", "nbgrader", "jupyterlab", "notebook", "nbclient", "nbconvert", "ipykernel", "numpy",
          "pandas", "pyarrow", "matplotlib", "scipy", "statsmodels"}
DEFAULT_EDITION = "zh"  # the released notebook at the top of each assignment folder
STUDENT_HIDDEN_EXTENSIONS = ("formgrader", "create-assignment", "course-list")  # nbgrader's instructor tools
COURSE_CONFIG = '''\
# nbgrader configuration of the class on JupyterHub, written once by `ecomcourse hub start`: edit freely.
from pathlib import Path

from ecomcourse.hub.course import configure_course

c = get_config()  # noqa: F821
configure_course(c, Path({root!r}))

# Late submissions (nbgrader's): c.LateSubmissionPlugin.penalty_method = "zero"
# and a due date: nbgrader db assignment add ch04_data_analysis --duedate="2027-03-01 12:00:00 Asia/Shanghai"
# Grading on submit:
# c.GradeOnSubmit.enabled = True                         # False: only the instructor grades
# c.GradeOnSubmit.not_on_submit = ["ch07_case_studies"]  # chapters graded only by the instructor
# c.GradeOnSubmit.max_graded = 0                         # graded submissions per student and chapter; 0: no limit
# c.GradeOnSubmit.max_graded_per_assignment = {{"ch05_ab_testing": 3}}
# The grading engine's limits: c.Execute.timeout (per cell), c.GradingEngine.notebook_timeout, .memory_mb
'''


def configure_course(c: Config, root: Path) -> Config:
    """The course of a class whose layout is under ``root``: the repository's configuration, plus
    nbgrader's exchange and the release with both editions (the sandbox shows a kernel none of it)."""
    layout = Layout(root)
    configure(c, layout.course, DEFAULT_EDITION)
    c.CourseDirectory.release_directory = "release"
    c.CourseDirectory.course_id = COURSE_ID
    c.Exchange.root = str(layout.exchange)
    return c


def build_environment(layout: Layout, say: Callable[[str], None]) -> None:
    """``env/``: a virtual environment with this checkout's package as a wheel and the running
    environment's versions of the packages in ``PINNED``; rebuilt only when the wheel changes."""
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation",
                        "--wheel-dir", tmp, str(paths.ROOT)], check=True)
        wheel = next(Path(tmp).glob("ecomcourse-*.whl"))
        digest = hashlib.sha256(wheel.read_bytes()).hexdigest()
        marker = layout.env / ".ecomcourse-wheel"
        if marker.is_file() and marker.read_text() == digest:
            return
        say(f"installing the course environment in {layout.env} (once; about a minute)")
        constraints = Path(tmp) / "constraints.txt"
        frozen = subprocess.run([sys.executable, "-m", "pip", "freeze", "--exclude-editable"],
                                check=True, capture_output=True, text=True).stdout.splitlines()
        constraints.write_text("\n".join(line for line in frozen if line.split("==")[0].lower() in PINNED))
        if not (layout.env / "bin" / "python").exists():
            subprocess.run([shared_interpreter(), "-m", "venv", "--upgrade-deps", str(layout.env)], check=True)
        subprocess.run([str(layout.env / "bin" / "python"), "-m", "pip", "install", "--quiet",
                        "--disable-pip-version-check", "--force-reinstall", "--no-deps", str(wheel)], check=True)
        subprocess.run([str(layout.env / "bin" / "python"), "-m", "pip", "install", "--quiet",
                        "--disable-pip-version-check", "--constraint", str(constraints), f"{wheel}[hub]"],
                       check=True)
        marker.write_text(digest)
    overrides = layout.env / "share" / "jupyter" / "lab" / "settings" / "overrides.json"
    overrides.parent.mkdir(parents=True, exist_ok=True)
    overrides.write_text(json.dumps({"@jupyterlab/apputils-extension:notification": {"fetchNews": "false"}}))
    _readable_by_all(layout.env)


def shared_interpreter() -> str:
    """A Python every account can run: this one, else the system's (a Python under root's home is closed)."""
    for candidate in (sys.executable, "/usr/bin/python3"):
        real = Path(candidate).resolve()
        if real.is_file() and all(os.stat(p).st_mode & 0o001 for p in [real, *real.parents]):
            return str(real)
    raise ValueError(f"no Python that every account may run: {sys.executable} is closed to them and "
                     "/usr/bin/python3 is missing (install Debian's python3-venv)")


def install_datasets(layout: Layout) -> None:
    """``datasets/``: the shop data every account reads, copied when the manifest changed."""
    source = data_folder()
    manifest = "manifest.json"
    if (layout.datasets / manifest).is_file() and \
            (layout.datasets / manifest).read_bytes() == (source / manifest).read_bytes():
        return
    shutil.rmtree(layout.datasets, ignore_errors=True)
    shutil.copytree(source, layout.datasets)
    _readable_by_all(layout.datasets)


def prepare_course(layout: Layout) -> None:
    """``course/``: the masters and the course's nbgrader config (kept when it exists), owned by
    the instructor and private to them; ``exchange/``: writable by every account, as nbgrader asks."""
    layout.grader.mkdir(parents=True, exist_ok=True)
    shutil.copytree(paths.SOLUTIONS, layout.course / "solutions", dirs_exist_ok=True)
    config = layout.grader / "nbgrader_config.py"
    if not config.exists():
        config.write_text(COURSE_CONFIG.format(root=str(layout.root)), encoding="utf-8")
    subprocess.run(["chown", "-R", f"{INSTRUCTOR}:{INSTRUCTOR}", str(layout.course)], check=True)
    os.chmod(layout.course, 0o700)
    layout.exchange.mkdir(exist_ok=True)
    os.chmod(layout.exchange, 0o1777)  # sticky: no account removes another's course folder


def write_role_configs(layout: Layout) -> None:
    """Every account: nbgrader's exchange, course id and the edition-picking fetch. Students:
    nbgrader's instructor extensions off. The instructor: the course, for formgrader."""
    common, student, instructor = (layout.jupyter_config(role) for role in ("common", "student", "instructor"))
    for folder in (common, student / "labconfig", instructor):
        folder.mkdir(parents=True, exist_ok=True)
    (common / "nbgrader_config.py").write_text(
        "c = get_config()  # noqa: F821\n"
        f"c.CourseDirectory.course_id = {COURSE_ID!r}\n"
        f"c.Exchange.root = {str(layout.exchange)!r}\n"
        'c.ExchangeFactory.fetch_assignment = "ecomcourse.hub.edition.EditionFetch"\n', encoding="utf-8")
    link = Path(os.path.expanduser(f"~{INSTRUCTOR}")) / COURSE_ID  # formgrader wants the course under the home
    if not link.is_symlink():
        link.symlink_to(layout.course)
        owner = os.stat(layout.course)
        os.lchown(link, owner.st_uid, owner.st_gid)
    (instructor / "nbgrader_config.py").write_text(
        "from pathlib import Path\n\nfrom ecomcourse.hub.course import configure_course\n\n"
        "c = get_config()  # noqa: F821\n"
        f"configure_course(c, Path({str(layout.root)!r}))\n"
        f"c.CourseDirectory.root = {str(link)!r}  # the course, seen from the instructor's home\n",
        encoding="utf-8")
    (student / "labconfig" / "page_config.json").write_text(json.dumps(
        {"disabledExtensions": {f"@jupyter/nbgrader:{name}": True for name in STUDENT_HIDDEN_EXTENSIONS}}, indent=1))
    (student / "jupyter_server_config.json").write_text(json.dumps(
        {"ServerApp": {"jpserver_extensions": {"nbgrader.server_extensions.formgrader": False,
                                               "nbgrader.server_extensions.course_list": False}}}, indent=1))
    _readable_by_all(layout.root / "jupyter")


def write_profile(layout: Layout) -> None:
    """Login shells of the class's accounts get the course environment, the data and their role's config."""
    PROFILE.write_text(
        f"# A class on JupyterHub (ecomcourse hub start, root {layout.root}); removed with its accounts.\n"
        f"if id -nG 2>/dev/null | tr ' ' '\\n' | grep -qx {CLASS_GROUP}; then\n"
        f'  export PATH="{layout.env}/bin:$PATH"\n'
        f'  export ECOMCOURSE_DATA="{layout.datasets}"\n'
        f'  if [ "$(id -un)" = {INSTRUCTOR} ]; then export JUPYTER_CONFIG_PATH="{layout.config_path(INSTRUCTOR)}"\n'
        f'  else export JUPYTER_CONFIG_PATH="{layout.config_path("student")}"; fi\n'
        "fi\n", encoding="utf-8")
    os.chmod(PROFILE, 0o644)


def publish(root: Path, chapters: list[str] | None = None) -> list[str]:
    """As the instructor: generate both editions with nbgrader (filling the gradebook), lay out
    ``release/<chapter>/`` with the default edition on top and every edition under ``editions/``,
    and release each chapter with nbgrader's ``release_assignment``. Returns the chapters released."""
    layout = Layout(root)
    chapters = chapters or chapter_ids()
    for lang in LANGUAGES:
        api = NbGraderAPI(config=configure(Config(), layout.course, lang))
        for chapter in chapters:
            _succeeded(api.generate_assignment(chapter, force=True, create=True), chapter)
    config = configure_course(Config(), root)
    config.ExchangeReleaseAssignment.force = True
    api = NbGraderAPI(config=config)
    for chapter in chapters:
        _lay_out_release(layout, chapter)
        _succeeded(api.release_assignment(chapter), chapter)
    return chapters


def _lay_out_release(layout: Layout, chapter: str) -> None:
    target = layout.course / "release" / chapter
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(paths.released_notebook(chapter, DEFAULT_EDITION, layout.course).parent, target)
    for lang in LANGUAGES:
        edition = target / EDITIONS / lang
        edition.mkdir(parents=True)
        shutil.copyfile(paths.released_notebook(chapter, lang, layout.course), edition / f"{chapter}.ipynb")


def _succeeded(result: dict, chapter: str) -> None:
    if not result["success"]:
        raise RuntimeError(f"{chapter}: {result.get('error', '')}\n{result.get('log', '')}")


def check_reachable(root: Path) -> None:
    """Every account must be able to pass through to ``root``'s folders (nothing is opened up for it)."""
    for parent in root.resolve().parents:
        if not os.stat(parent).st_mode & 0o001:
            raise ValueError(f"{parent} is closed to other accounts, so students could not reach {root}: "
                             "choose a root under a folder every account can enter, such as /srv")


def _readable_by_all(folder: Path) -> None:
    subprocess.run(["chmod", "-R", "a+rX,go-w", str(folder)], check=True)
