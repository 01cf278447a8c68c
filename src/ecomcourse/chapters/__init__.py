"""The course's chapters, discovered: every sub-package of ``ecomcourse.chapters`` is one.

A chapter package ``<id>/`` holds, besides its nbgrader source ``solutions/<id>/`` and its answer
banks ``grader/banks/<id>/``:

- ``__init__.py``: ``NUMBER`` (its order, and the seed of its own random stream), ``TITLE`` (both
  languages) and ``MIN_EXERCISES`` (auto-graded exercises it must keep);
- ``data.py``: ``STREAM`` (= ``NUMBER``), ``TABLES`` (its schema) and ``make_tables(rng, scale, shop)``;
- ``strings.py``: ``STRINGS`` (keys named ``chNN.*``) and ``LABELS`` (its dataset codes' names);
- ``widgets.py``: its interactive tools.

``ecomcourse new-chapter`` writes all of these for a new chapter.
"""

from __future__ import annotations

import importlib
import pkgutil
from dataclasses import dataclass
from functools import cache
from types import ModuleType


class ChapterError(Exception):
    """A chapter name that is not one of the course's, or a chapter package that breaks the rules."""


@dataclass(frozen=True)
class Chapter:
    id: str
    number: int
    title: dict[str, str]
    min_exercises: int

    @property
    def prefix(self) -> str:
        """What the chapter's string keys start with: ``ch04`` for ``ch04_data_analysis``."""
        return f"ch{self.number:02d}"

    def module(self, name: str) -> ModuleType:
        """The chapter's ``data``, ``strings`` or ``widgets`` module."""
        return importlib.import_module(f"{__name__}.{self.id}.{name}")


@cache
def chapters() -> tuple[Chapter, ...]:
    """Every chapter, in course order."""
    found = []
    for info in pkgutil.iter_modules(__path__):
        if not info.ispkg:
            continue
        package = importlib.import_module(f"{__name__}.{info.name}")
        found.append(Chapter(info.name, package.NUMBER, dict(package.TITLE), package.MIN_EXERCISES))
    found.sort(key=lambda c: c.number)
    numbers = [c.number for c in found]
    if len(set(numbers)) != len(numbers):
        raise ChapterError(f"two chapters share a number: {[(c.id, c.number) for c in found]}")
    for c in found:
        if not c.id.startswith(c.prefix + "_"):
            raise ChapterError(f"chapter {c.id} has NUMBER = {c.number}: its id must start with {c.prefix}_")
    return tuple(found)


def chapter_ids() -> tuple[str, ...]:
    return tuple(c.id for c in chapters())


def chapter(chapter_id: str) -> Chapter:
    for c in chapters():
        if c.id == chapter_id:
            return c
    raise ChapterError(f"there is no chapter {chapter_id!r}; the chapters are: {', '.join(chapter_ids())}")


def modules(name: str) -> list[ModuleType]:
    """Every chapter's ``name`` module (``data``, ``strings``), in course order."""
    return [c.module(name) for c in chapters()]
