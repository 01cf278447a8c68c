"""Every dataset the course ships: the shop's tables and each chapter's own.

A chapter data module defines ``STREAM`` (its chapter number, which seeds its own random stream so
that adding a chapter never changes another chapter's numbers), ``TABLES`` (its schema) and
``make_tables(rng, scale, shop)`` (its tables, given the shop's).
"""

from __future__ import annotations

from . import acquisition, cases, experiments, market, platforms, schema, supply_chain

CHAPTER_MODULES: tuple = (market, platforms, acquisition, experiments, supply_chain, cases)

TABLES: dict[str, schema.Table] = {
    **schema.TABLES,
    **{name: table for module in CHAPTER_MODULES for name, table in module.TABLES.items()},
}
