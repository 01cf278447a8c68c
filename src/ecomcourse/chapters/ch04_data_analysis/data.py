"""Chapter 4 analyses the shop's own tables (orders, traffic, funnel, ads, costs: ``ecomcourse.data``),
which every chapter shares; it adds no table of its own."""

from __future__ import annotations

import numpy as np
import pandas as pd

from ...data.schema import Table

STREAM = 4
TABLES: dict[str, Table] = {}


def make_tables(rng: np.random.Generator, scale: float, shop: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    return {}
