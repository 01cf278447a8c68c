"""``ecomcourse build [--check]``: everything derived from the chapters, regenerated or verified.

Each step says what its files should hold; ``build`` writes those that differ, ``--check`` lists them.
In order: the normalised master notebooks, the data (CSVs, manifest, dictionary), both student
editions (released from the masters), the exercise catalogue, the chapter tables of both READMEs.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path

import nbformat

from .. import paths
from ..chapters import chapter, chapter_ids
from .catalogue import autograded, catalog_text, chapter_exercises
from .normalise import dumps
from .release import release

README_TABLES = {"README.md": "en", "README.zh-CN.md": "zh"}
TABLE_START = "<!-- chapter table: written by `ecomcourse build` -->"
TABLE_END = "<!-- end of chapter table -->"
TABLE_HEAD = {"en": "| id | chapter | exercises |\n|---|---|---|",
              "zh": "| id | 章节 | 练习 |\n|---|---|---|"}


def normalised_masters() -> dict[Path, bytes]:
    return {paths.master_notebook(c): dumps(nbformat.read(paths.master_notebook(c), as_version=4)).encode()
            for c in chapter_ids()}


def data_files() -> dict[Path, bytes]:
    from ..data import DEFAULT_SEED, generate, store

    with tempfile.TemporaryDirectory() as tmp:
        store.write_all(generate(seed=DEFAULT_SEED), Path(tmp), seed=DEFAULT_SEED, scale=1.0)
        return {paths.DATASETS / p.name: p.read_bytes() for p in sorted(Path(tmp).iterdir())}


def editions() -> dict[Path, bytes]:
    with tempfile.TemporaryDirectory() as tmp:
        released = release(list(chapter_ids()), ["zh", "en"], out_root=Path(tmp))
        return {paths.ROOT / p.relative_to(tmp): p.read_bytes() for p in released}


def catalogue() -> dict[Path, bytes]:
    return {paths.CATALOG: catalog_text().encode()}


def chapter_row(chapter_id: str, lang: str) -> str:
    c = chapter(chapter_id)
    exercises = chapter_exercises(chapter_id)
    auto = autograded(exercises)
    points = sum(e.points for e in auto)
    by_hand = sum(e.points for e in exercises) - points
    if lang == "zh":
        status = f"{len(auto)} 道自动评分练习，共 {points:g} 分" + (f"，另有 {by_hand:g} 分人工评分" if by_hand else "")
    else:
        status = f"{len(auto)} auto-graded exercises, {points:g} points" + (f", and {by_hand:g} points graded by hand"
                                                                  if by_hand else "")
    return f"| `{c.id}` | {c.title['zh']} · {c.title['en']} | {status} |"


def readme_tables() -> dict[Path, bytes]:
    written = {}
    for name, lang in README_TABLES.items():
        path = paths.ROOT / name
        text = path.read_text(encoding="utf-8")
        start, end = text.index(TABLE_START) + len(TABLE_START), text.index(TABLE_END)
        rows = "\n".join(chapter_row(c, lang) for c in chapter_ids())
        written[path] = f"{text[:start]}\n{TABLE_HEAD[lang]}\n{rows}\n{text[end:]}".encode()
    return written


STEPS: list[tuple[str, Callable[[], dict[Path, bytes]]]] = [
    ("master notebooks", normalised_masters), ("data", data_files), ("student editions", editions),
    ("exercise catalogue", catalogue), ("README chapter tables", readme_tables),
]


def _differs(path: Path, content: bytes) -> bool:
    return not path.is_file() or path.read_bytes() != content


def build(check: bool = False, say: Callable[[str], None] = print) -> list[Path]:
    """Write (or, with ``check``, only list) every derived file that differs from what its step
    makes; the list of those files."""
    differing = []
    for name, step in STEPS:
        files = step()
        changed = [path for path, content in files.items() if _differs(path, content)]
        if not check:
            for path in changed:
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(files[path])
        differing += changed
        listed = ", ".join(str(p.relative_to(paths.ROOT)) for p in changed) or "up to date"
        mark = "✗" if changed and check else "✓"
        say(f"{mark} {name}: {'wrote ' if changed and not check else ''}{listed}")
    return differing
