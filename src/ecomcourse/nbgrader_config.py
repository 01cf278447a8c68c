"""The course as nbgrader sees it: folder layout, the language-selecting and normalising
preprocessors, grading limits.

``grader/nbgrader_config.py`` calls :func:`configure`, so plain ``nbgrader`` commands run from
``grader/`` work on this repository; the release and the tests call it on other folders.
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

from nbformat import NotebookNode
from nbgrader.coursedir import CourseDirectory
from nbgrader.preprocessors import NbGraderPreprocessor
from traitlets import Unicode
from traitlets.config import Config

from .authoring.normalise import normalise
from .i18n import LANGUAGES

CODE_STUB = "# YOUR CODE HERE · 在这里写代码\nraise NotImplementedError()"
TEXT_STUB = "YOUR ANSWER HERE · 在这里写答案"  # one stub for both editions: nbgrader spots a blank answer by checksum
SETUP_CALL = re.compile(r'lang="(zh|en)"')


class SelectLanguage(NbGraderPreprocessor):
    """Keep the cells of one language: prose cells carry ``metadata.lang``; the read-only setup
    cell (``metadata.ecomcourse.setup``) gets the edition's language.

    The setup cell is locked in the notebook UI (``editable``/``deletable`` false) but carries no
    nbgrader metadata: autograde would otherwise overwrite it with the gradebook's edition, and
    one gradebook must grade both editions with feedback in each student's language.
    """

    lang = Unicode("zh", help="Language of the edition: zh or en").tag(config=True)

    def preprocess(self, nb: NotebookNode, resources: dict) -> tuple[NotebookNode, dict]:
        if self.lang not in LANGUAGES:
            raise ValueError(f"SelectLanguage.lang must be one of {LANGUAGES}, not {self.lang!r}")
        nb.cells = [cell for cell in nb.cells if cell.metadata.get("lang", self.lang) == self.lang]
        for cell in nb.cells:
            cell.metadata.pop("lang", None)
            if cell.metadata.get("ecomcourse", {}).get("setup"):
                cell.source = SETUP_CALL.sub(f'lang="{self.lang}"', cell.source)
        nb.metadata.setdefault("ecomcourse", {})["lang"] = self.lang
        return nb, resources


class Normalise(NbGraderPreprocessor):
    """The release's last step: the committed form of a notebook (no outputs, fixed metadata), so
    that plain ``nbgrader generate_assignment`` writes exactly what ``ecomcourse release`` does."""

    def preprocess(self, nb: NotebookNode, resources: dict) -> tuple[NotebookNode, dict]:
        return normalise(nb), resources


def put_interpreter_tools_on_path() -> None:
    """nbgrader runs ``alembic`` from PATH; make it the one installed beside this Python."""
    tools = str(Path(sys.executable).parent)
    if tools not in os.environ.get("PATH", "").split(os.pathsep):
        os.environ["PATH"] = tools + os.pathsep + os.environ.get("PATH", "")


def configure(c: Config, root: Path, lang: str | None = None, db_path: Path | None = None) -> Config:
    """Point nbgrader at the course in ``root`` and release the ``lang`` edition
    (default: $ECOMCOURSE_LANG or zh). Grading limits: nbgrader's ``Execute.timeout`` per cell;
    the engine's own are ``GradingEngine`` traits, set in ``grader/nbgrader_config.py``."""
    from nbgrader.converters import GenerateAssignment

    put_interpreter_tools_on_path()
    lang = lang or os.environ.get("ECOMCOURSE_LANG", "zh")
    c.CourseDirectory.root = str(root)
    c.CourseDirectory.source_directory = "solutions"
    c.CourseDirectory.release_directory = f"notebooks/{lang}"
    c.CourseDirectory.submitted_directory = "grader/submitted"
    c.CourseDirectory.autograded_directory = "grader/autograded"
    c.CourseDirectory.feedback_directory = "grader/feedback"
    c.CourseDirectory.db_url = f"sqlite:///{db_path or root / 'grader' / 'gradebook.db'}"
    c.CourseDirectory.ignore = [".ipynb_checkpoints", "*.pyc", "__pycache__", "feedback", ".*"]
    nbgrader_steps = GenerateAssignment.class_traits()["preprocessors"].default()
    c.GenerateAssignment.preprocessors = [SelectLanguage, *nbgrader_steps, Normalise]
    c.SelectLanguage.lang = lang
    c.ClearSolutions.code_stub = {"python": CODE_STUB}
    c.ClearSolutions.text_stub = TEXT_STUB
    c.ClearSolutions.enforce_metadata = True
    c.OverwriteCells.add_missing_cells = True  # a deleted test cell is put back and graded, not skipped
    c.Execute.timeout = 120
    c.Execute.interrupt_on_timeout = True
    c.LimitOutput.max_lines = 300
    return c


def course_directory(root: Path, lang: str = "zh") -> CourseDirectory:
    """nbgrader's ``CourseDirectory`` of the course in ``root`` with the ``lang`` edition released:
    every folder layout comes from its ``format_path``."""
    return CourseDirectory(config=configure(Config(), root, lang))
