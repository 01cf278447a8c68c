"""How a student picks an edition. Each released assignment holds the default edition at the top
and every edition under ``editions/<lang>/``; nbgrader's fetch, through this class (configured as
``ExchangeFactory.fetch_assignment``), puts the student's edition on top and drops the rest. The
notebook's name stays the chapter's, so nbgrader's submit, the gradebook and formgrader are as
usual; the engine reads the edition from the notebook and writes the feedback in its language."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

from jupyter_core.paths import jupyter_config_dir
from nbgrader.exchange.default import ExchangeFetchAssignment
from traitlets import Enum, default

from ..i18n import LANGUAGES
from .layout import EDITIONS

SETTING = re.compile(r"^c\.EditionFetch\.edition = .*$", re.MULTILINE)


class EditionFetch(ExchangeFetchAssignment):
    edition = Enum(LANGUAGES, help="The edition fetched: zh or en (`ecomcourse edition en` sets it)").tag(config=True)

    @default("edition")
    def _edition_default(self) -> str:
        lang = os.environ.get("ECOMCOURSE_LANG", "zh")
        return lang if lang in LANGUAGES else "zh"

    def copy_files(self) -> None:
        super().copy_files()
        editions = Path(self.dest_path) / EDITIONS
        for notebook in (editions / self.edition).glob("*.ipynb"):
            shutil.copyfile(notebook, Path(self.dest_path) / notebook.name)
        shutil.rmtree(editions, ignore_errors=True)
        self.log.info("Edition: %s", self.edition)


def choose(lang: str) -> Path:
    """Record the student's edition in their own nbgrader configuration (``~/.jupyter``)."""
    if lang not in LANGUAGES:
        raise ValueError(f"the edition must be one of {', '.join(LANGUAGES)}, not {lang!r}")
    config = Path(jupyter_config_dir()) / "nbgrader_config.py"
    config.parent.mkdir(parents=True, exist_ok=True)
    text = config.read_text(encoding="utf-8") if config.exists() else "c = get_config()  # noqa: F821\n"
    line = f'c.EditionFetch.edition = "{lang}"'
    text = SETTING.sub(line, text) if SETTING.search(text) else text.rstrip("\n") + f"\n{line}\n"
    config.write_text(text, encoding="utf-8")
    return config


def chosen() -> str:
    """The edition the student's next fetch brings, as nbgrader's configuration decides it."""
    from nbgrader.apps import NbGrader

    app = NbGrader()
    app.load_config_file()
    return EditionFetch(config=app.config).edition
