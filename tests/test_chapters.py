"""The chapter registry agrees with everything named for a chapter: its package (metadata, data,
strings, widgets), its nbgrader source, both editions, its answer banks, its data test."""

from __future__ import annotations

import re

import nbformat
import pytest

from ecomcourse import i18n, paths
from ecomcourse.chapters import chapter, chapter_ids, chapters
from ecomcourse.data import schemas


def test_every_chapter_folder_belongs_to_a_chapter_package():
    ids = set(chapter_ids())
    folders = {"solutions": {p.name for p in paths.SOLUTIONS.iterdir() if p.is_dir()},
               "grader/banks": {p.name for p in paths.BANKS.iterdir() if p.is_dir()},
               **{f"notebooks/{lang}": {p.name for p in (paths.NOTEBOOKS / lang).iterdir() if p.is_dir()}
                  for lang in i18n.LANGUAGES}}
    for where, names in folders.items():
        assert names == ids, f"{where} has {sorted(names - ids)} without a chapter package, lacks {sorted(ids - names)}"


def test_chapters_are_numbered_in_order_once():
    numbers = [c.number for c in chapters()]
    assert numbers == sorted(set(numbers))


@pytest.mark.parametrize("chapter_id", chapter_ids())
def test_chapter_package_follows_the_conventions(chapter_id):
    c = chapter(chapter_id)
    assert set(c.title) == set(i18n.LANGUAGES) and all(c.title.values())
    assert c.min_exercises >= 1
    data = c.module("data")
    assert data.STREAM == c.number, "a chapter's random stream is its number"
    assert callable(data.make_tables) and all(name in schemas() for name in data.TABLES)
    strings = c.module("strings")
    strays = [key for key in strings.STRINGS if not key.startswith(f"{c.prefix}.")]
    assert strays == [], f"{chapter_id}'s strings must be named {c.prefix}.*"
    assert hasattr(c.module("widgets"), "__file__")
    assert (paths.ROOT / "tests" / f"test_data_{chapter_id}.py").is_file(), "each chapter tests its own data"


@pytest.mark.parametrize("chapter_id", chapter_ids())
def test_master_notebook_names_its_chapter(chapter_id):
    nb = nbformat.read(paths.master_notebook(chapter_id), as_version=4)
    assert nb.metadata["ecomcourse"]["chapter"] == chapter_id
    assert f'notebook.setup("{chapter_id}", lang="zh")' in nb.cells[0].source


def test_no_two_chapters_share_a_table_or_a_string():
    tables = [name for c in chapters() for name in c.module("data").TABLES]
    assert len(tables) == len(set(tables))
    keys = [key for c in chapters() for key in c.module("strings").STRINGS]
    assert len(keys) == len(set(keys))


def test_a_dataset_code_has_one_display_name_across_chapters():
    names: dict[str, dict[str, str]] = {}
    clashes = []
    for c in chapters():
        for code, name in c.module("strings").LABELS.items():
            if names.setdefault(code, name) != name:
                clashes.append(f"{code}: {names[code]} vs {name} ({c.id})")
    assert clashes == []


def test_every_string_key_the_code_and_notebooks_use_exists():
    """A key moved between chapters, or mistyped, is a KeyError in a student's notebook."""
    used = re.compile(r"""\bt\(\s*\\?["']([a-z][a-z0-9_]*(?:\.[a-z0-9_]+)+)\\?["']""")
    sources = [p for p in (paths.ROOT / "src" / "ecomcourse").rglob("*.py")] + \
              [paths.master_notebook(c) for c in chapter_ids()]
    missing = sorted({f"{p.relative_to(paths.ROOT)}: {key}" for p in sources
                      for key in used.findall(p.read_text(encoding="utf-8")) if key not in i18n.STRINGS})
    assert missing == []
