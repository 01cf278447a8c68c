"""Every dataset the course ships: the shop's tables and each chapter's own.

A chapter's ``data`` module defines ``STREAM`` (its chapter number, which seeds its own random stream
so that adding a chapter never changes another chapter's numbers), ``TABLES`` (its schema) and
``make_tables(rng, scale, shop)`` (its tables, given the shop's and earlier chapters').
"""

from __future__ import annotations

from functools import cache

from ..chapters import modules
from . import schema


@cache
def schemas() -> dict[str, schema.Table]:
    """Every table's schema, the shop's then each chapter's. Read on first use, not on import, so a
    chapter's ``data`` module can be the first module anybody imports."""
    return {**schema.TABLES, **{name: table for module in modules("data") for name, table in module.TABLES.items()}}
