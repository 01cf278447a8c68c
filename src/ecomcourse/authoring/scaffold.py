"""``ecomcourse new-chapter``: a chapter that builds and passes its own tests before any content
is written — its package (metadata, one table, strings, a widget), its bilingual master notebook
(the read-only setup cell, a figure, the widget, one exercise with visible and hidden tests), an
answer bank and a data test. ``ecomcourse build`` then derives the rest."""

from __future__ import annotations

import re
from pathlib import Path
from string import Template

import nbformat
from nbformat import NotebookNode
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from .. import paths
from ..chapters import chapters
from .normalise import dumps

CHAPTER_ID = re.compile(r"ch(\d\d)_[a-z][a-z0-9_]*")
TEMPLATES = Path(__file__).parent / "chapter_template"


class ScaffoldError(Exception):
    pass


def chapter_number(chapter_id: str) -> int:
    match = CHAPTER_ID.fullmatch(chapter_id)
    if not match:
        raise ScaffoldError(f"a chapter id is chNN_name in lower case, e.g. ch08_live_selling, not {chapter_id!r}")
    return int(match.group(1))


def new_chapter(chapter_id: str, title_zh: str, title_en: str, root: Path = paths.ROOT) -> list[Path]:
    """Write the new chapter's files under ``root``; refuses a taken id or number, and never overwrites."""
    number = chapter_number(chapter_id)
    for c in chapters():
        if c.number == number or c.id == chapter_id:
            raise ScaffoldError(f"chapter {c.id} already has number {c.number}")
    values = {"id": chapter_id, "number": number, "prefix": f"ch{number:02d}", "title_zh": title_zh,
              "title_en": title_en, "table": f"{chapter_id}_daily"}
    files = {root / "src" / "ecomcourse" / "chapters" / chapter_id / name: _fill(template, values)
             for name, template in (("__init__.py", "package.py"), ("data.py", "data.py"),
                                    ("strings.py", "strings.py"), ("widgets.py", "widgets.py"))}
    files[root / "tests" / f"test_data_{chapter_id}.py"] = _fill("test_data.py", values)
    bank = root / "grader" / "banks" / chapter_id / "conversion_rate"
    for verdict in ("correct_numpy", "wrong_mean_of_daily_rates", "wrong_percent"):
        files[bank / f"{verdict}.py"] = _fill(f"bank_{verdict}.py", values)
    files[root / "solutions" / chapter_id / f"{chapter_id}.ipynb"] = dumps(master_notebook(values))
    taken = [path for path in files if path.exists()]
    if taken:
        raise ScaffoldError(f"these files exist already; nothing was written: {', '.join(map(str, taken))}")
    for path, text in files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return list(files)


def _fill(template: str, values: dict) -> str:
    return Template((TEMPLATES / f"{template}.tmpl").read_text(encoding="utf-8")).substitute(values)


def _prose(cell_id: str, zh: str, en: str) -> list[NotebookNode]:
    return [new_markdown_cell(zh, id=f"{cell_id}-zh", metadata={"lang": "zh"}),
            new_markdown_cell(en, id=f"{cell_id}-en", metadata={"lang": "en"})]


def master_notebook(values: dict) -> NotebookNode:
    """The nbgrader source: each prose cell in both languages, code shared, one graded exercise."""
    cells = [new_code_cell(_fill("setup_cell.py", values).strip(), id="setup",
                           metadata={"deletable": False, "editable": False, "ecomcourse": {"setup": True}})]
    cells += _prose("title", _fill("title_zh.md", values).strip(), _fill("title_en.md", values).strip())
    cells.append(new_code_cell(_fill("load_cell.py", values).strip(), id="load"))
    cells += _prose("example", _fill("example_zh.md", values).strip(), _fill("example_en.md", values).strip())
    cells.append(new_code_cell(_fill("figure_cell.py", values).strip(), id="figure"))
    cells.append(new_code_cell(_fill("widget_cell.py", values).strip(), id="widget"))
    cells += _prose("exercise", _fill("exercise_zh.md", values).strip(), _fill("exercise_en.md", values).strip())
    cells.append(new_code_cell(_fill("solution_cell.py", values).strip(), id="conversion-rate", metadata={
        "ecomcourse": {"answer": "conversion_rate", "kind": "function",
                       "asks": {"zh": "统计期的支付转化率：买家数之和 ÷ 访客数之和",
                                "en": "the period's conversion rate: total buyers ÷ total visitors"}},
        "nbgrader": {"grade": False, "grade_id": "conversion_rate", "locked": False, "schema_version": 3,
                     "solution": True, "task": False}}))
    cells.append(new_code_cell(_fill("test_cell.py", values).strip(), id="test-conversion-rate", metadata={
        "deletable": False, "editable": False,
        "nbgrader": {"grade": True, "grade_id": "test_conversion_rate", "locked": True, "points": 2,
                     "schema_version": 3, "solution": False, "task": False}}))
    nb = new_notebook(cells=cells, metadata={"ecomcourse": {"chapter": values["id"]}})
    return nbformat.from_dict(nb)
