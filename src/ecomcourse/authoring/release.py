"""Release the student editions: nbgrader's own ``generate_assignment`` with one language kept."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from nbgrader.apps import NbGraderAPI
from traitlets.config import Config

from .. import paths
from ..i18n import LANGUAGES
from ..nbgrader_config import configure


class ReleaseError(Exception):
    pass


def release(chapters: list[str], langs: list[str], out_root: Path = paths.ROOT) -> list[Path]:
    """Generate ``notebooks/<lang>/<chapter>/<chapter>.ipynb`` under ``out_root`` for each pair.

    The gradebook nbgrader writes on the way is a throw-away one: instructors fill their own
    by running ``nbgrader generate_assignment`` in ``grader/``.
    """
    written = []
    with tempfile.TemporaryDirectory() as tmp:
        course = Path(tmp)
        shutil.copytree(paths.SOLUTIONS, course / "solutions")
        for lang in langs:
            api = NbGraderAPI(config=configure(Config(), course, lang, db_path=course / "release.db"))
            for chapter in chapters:
                result = api.generate_assignment(chapter, force=True, create=True)
                if not result["success"]:
                    raise ReleaseError(f"{chapter} ({lang}): {result['error']}\n{result['log']}")
                built = paths.released_notebook(chapter, lang, course)
                target = paths.released_notebook(chapter, lang, out_root)
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(built, target)
                written.append(target)
    return written


def parse_langs(value: str) -> list[str]:
    return list(LANGUAGES) if value == "all" else [value]
