"""Synthetic shop data: one seed, one generator, every table; and the one loader notebooks use."""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pandas as pd

from ..chapters import chapter, chapters
from . import ads, shop, traffic
from .loader import load_dataset
from .registry import schemas

DEFAULT_SEED = 20251111

__all__ = ["DEFAULT_SEED", "generate", "load_dataset", "schemas"]


def generate(seed: int = DEFAULT_SEED, scale: float = 1.0, only: Iterable[str] | None = None
             ) -> dict[str, pd.DataFrame]:
    """Every table of the shop and the chapters, in memory, typed as :func:`load_dataset` returns them.

    ``scale`` multiplies the number of customers (and so orders, traffic and ad spend). ``only``
    names the chapters whose own tables to make (the shop's are always made); each chapter draws
    from its own stream, so its tables are the same either way.
    """
    rng = np.random.default_rng(seed)
    products = shop.make_products(rng)
    customers, first_day = shop.make_customers(rng, scale)
    orders, items = shop.make_orders(rng, customers, products, first_day)
    traffic_daily = traffic.make_traffic_daily(rng, orders)
    tables = {
        "customers": customers,
        "products": products,
        "orders": orders,
        "order_items": items,
        "traffic_daily": traffic_daily,
        "funnel_events": traffic.make_funnel_events(rng, orders, traffic_daily),
        "ad_campaigns_daily": ads.make_ad_campaigns(rng, scale),
        "operating_costs": shop.make_operating_costs(rng, orders),
    }
    # registered customers who never paid: their own stream, so every paid order stays the same
    tables["customers"], tables["orders"], tables["order_items"] = shop.add_non_buyers(
        np.random.default_rng([seed, shop.NON_BUYER_STREAM]), customers, orders, items, products)
    for c in chapters() if only is None else [chapter(c) for c in only]:
        module = c.module("data")
        tables.update(module.make_tables(np.random.default_rng([seed, module.STREAM]), scale, tables))
    return {name: schemas()[name].coerce(df) for name, df in tables.items()}
