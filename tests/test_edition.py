"""A student picks an edition: nbgrader's own fetch, through the class's EditionFetch, brings it under
the chapter's notebook name (the hub tests do the same with real accounts; this runs anywhere)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from ecomcourse import paths
from ecomcourse.hub.layout import COURSE_ID, EDITIONS

CHAPTER = "ch04_data_analysis"
FETCH = "ecomcourse.hub.edition.EditionFetch"
pytestmark = pytest.mark.slow  # nbgrader's command line, about 8 s a run


@pytest.fixture
def exchange(tmp_path: Path) -> Path:
    """An exchange with ch04 released as the class releases it: zh on top, both under editions/."""
    released = tmp_path / "exchange" / COURSE_ID / "outbound" / CHAPTER
    for lang in ("zh", "en"):
        (released / EDITIONS / lang).mkdir(parents=True)
        edition = paths.released_notebook(CHAPTER, lang).read_bytes()
        (released / EDITIONS / lang / f"{CHAPTER}.ipynb").write_bytes(edition)
    (released / f"{CHAPTER}.ipynb").write_bytes(paths.released_notebook(CHAPTER, "zh").read_bytes())
    return tmp_path / "exchange"


def fetch(exchange: Path, home: Path, *flags: str) -> nbformat.NotebookNode:
    home.mkdir()
    subprocess.run([sys.executable, "-m", "nbgrader", "fetch_assignment", CHAPTER, f"--course={COURSE_ID}",
                    f"--Exchange.root={exchange}", f"--ExchangeFactory.fetch_assignment={FETCH}", *flags],
                   cwd=home, check=True, capture_output=True, env={**os.environ, "HOME": str(home)})
    assert sorted(p.name for p in (home / CHAPTER).iterdir()) == [f"{CHAPTER}.ipynb"]  # editions/ is gone
    return nbformat.read(home / CHAPTER / f"{CHAPTER}.ipynb", as_version=4)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_fetch_brings_the_chosen_edition_under_the_chapters_name(exchange, tmp_path, lang):
    fetched = fetch(exchange, tmp_path / "home", f"--EditionFetch.edition={lang}")
    assert fetched.metadata.ecomcourse.lang == lang
    assert fetched == nbformat.read(paths.released_notebook(CHAPTER, lang), as_version=4)


def test_ecomcourse_edition_writes_the_students_nbgrader_config(tmp_path):
    home = tmp_path / "student"
    env = {**os.environ, "HOME": str(home), "JUPYTER_CONFIG_DIR": str(home / ".jupyter")}
    ecomcourse = [sys.executable, "-m", "ecomcourse.cli"]
    home.mkdir()
    assert subprocess.run([*ecomcourse, "edition"], env=env, cwd=home, capture_output=True, text=True,
                          check=True).stdout.strip() == "zh"
    subprocess.run([*ecomcourse, "edition", "en"], env=env, cwd=home, check=True, capture_output=True)
    subprocess.run([*ecomcourse, "edition", "en"], env=env, cwd=home, check=True, capture_output=True)
    config = (home / ".jupyter" / "nbgrader_config.py").read_text()
    assert config.count("c.EditionFetch.edition") == 1 and '"en"' in config
    assert subprocess.run([*ecomcourse, "edition"], env=env, cwd=home, capture_output=True, text=True,
                          check=True).stdout.strip() == "en"
