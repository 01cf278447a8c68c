"""Traffic and the purchase path: daily UV/PV by source and device, and a month of funnel events.

Visitors are derived from the buyers: UV = buyers / conversion rate of the source and device
(with noise), so the shop's conversion and the orders table always agree.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from . import calendar
from .shop import SOURCES

SOURCE_CR = {"natural_search": 0.044, "paid_ads": 0.032, "homepage_feed": 0.023,
             "live_room": 0.064, "social_share": 0.048, "other": 0.021}
PC_CR_FACTOR = 1.25
PAGES_PER_VISIT = {"mobile": 3.1, "pc": 4.6}
FUNNEL_MONTH = "2025-09"
# non-buyers: P(cart), P(order | cart); every buyer reaches pay
CART_P, ORDER_GIVEN_CART_P = 0.072, 0.24


def paid_buyers_by_day(orders: pd.DataFrame) -> pd.DataFrame:
    """Distinct paying customers per date, source (channel) and device."""
    paid = orders[orders["status"] == "paid"]
    return (paid.assign(date=paid["paid_at"].dt.normalize())
            .groupby(["date", "channel", "device"], observed=True)["customer_id"].nunique()
            .rename("buyers").reset_index().rename(columns={"channel": "source"}))


def make_traffic_daily(rng: np.random.Generator, orders: pd.DataFrame) -> pd.DataFrame:
    grid = pd.MultiIndex.from_product([calendar.days(), SOURCES, ["mobile", "pc"]],
                                      names=["date", "source", "device"]).to_frame(index=False)
    buyers = paid_buyers_by_day(orders)
    grid = grid.merge(buyers, on=["date", "source", "device"], how="left").fillna({"buyers": 0})
    cr = grid["source"].map(SOURCE_CR).to_numpy() * np.where(grid["device"] == "pc", PC_CR_FACTOR, 1.0)
    smoothed = grid.groupby(["source", "device"])["buyers"].transform(
        lambda b: b.rolling(7, center=True, min_periods=1).mean())
    expected = (0.5 * grid["buyers"] + 0.5 * smoothed).to_numpy() / cr
    uv = np.maximum(np.round(expected * rng.lognormal(0, 0.06, len(grid))), grid["buyers"]).astype(int)
    pages = grid["device"].map(PAGES_PER_VISIT).to_numpy()
    pv = np.maximum(uv, np.round(uv * pages * rng.lognormal(0, 0.05, len(grid)))).astype(int)
    return grid.assign(uv=uv, pv=pv)[["date", "source", "device", "uv", "pv"]]


def make_funnel_events(rng: np.random.Generator, orders: pd.DataFrame,
                       traffic: pd.DataFrame) -> pd.DataFrame:
    """Visitor-day steps for one month; the paying visitors are that month's real buyers."""
    month = traffic[traffic["date"].dt.strftime("%Y-%m") == FUNNEL_MONTH]
    paid = orders[(orders["status"] == "paid") & (orders["paid_at"].dt.strftime("%Y-%m") == FUNNEL_MONTH)]
    buyers = (paid.assign(date=paid["paid_at"].dt.normalize())
              .drop_duplicates(["date", "customer_id"])[["date", "customer_id", "channel", "device"]])
    buyer_visits = pd.DataFrame({
        "visitor_id": "V" + buyers["customer_id"].str[1:].to_numpy(),
        "date": buyers["date"].to_numpy(), "source": buyers["channel"].to_numpy(),
        "device": buyers["device"].to_numpy(), "depth": 3})
    slots = month.assign(n=lambda d: d["uv"]).loc[lambda d: d["n"] > 0]
    n_visits = int(slots["n"].sum()) - len(buyer_visits)
    rows = slots.loc[slots.index.repeat(slots["n"])].reset_index(drop=True)
    rows = rows.iloc[rng.permutation(len(rows))[:n_visits]]
    pool = max(int(n_visits * 0.62), 1)  # visitors come back on other days
    visitor = rng.integers(0, pool, n_visits)
    carted = rng.random(n_visits) < CART_P
    ordered = carted & (rng.random(n_visits) < ORDER_GIVEN_CART_P)
    other_visits = pd.DataFrame({
        "visitor_id": [f"A{v:07d}" for v in visitor],
        "date": rows["date"].to_numpy(), "source": rows["source"].to_numpy(),
        "device": rows["device"].to_numpy(), "depth": carted.astype(int) + ordered.astype(int)})
    visits = pd.concat([buyer_visits, other_visits], ignore_index=True)
    visits = visits.drop_duplicates(["visitor_id", "date"])
    steps = ["view", "cart", "order", "pay"]
    events = visits.loc[visits.index.repeat(visits["depth"] + 1)].copy()
    events["step"] = np.array(steps)[events.groupby(level=0).cumcount().to_numpy()]
    events = events.sort_values(["date", "visitor_id"], kind="stable")
    return events[["visitor_id", "date", "source", "device", "step"]].reset_index(drop=True)
