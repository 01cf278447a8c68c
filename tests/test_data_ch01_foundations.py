"""Chapter 1 data: the illustrative market reproduces the deck's figures, the platform and role
tables say what the notebook says, and the monthly operations counts agree with the shop's tables."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from ecomcourse.chapters.ch01_foundations.data import TRAITS
from ecomcourse.data import generate, load_dataset


@pytest.fixture(scope="module")
def market() -> pd.DataFrame:
    return load_dataset("market_size")


def _totals(market: pd.DataFrame) -> pd.Series:
    return market.groupby("year")["gmv"].sum()


def test_market_above_15_trillion_in_2025_with_double_digit_growth(market):
    totals = _totals(market)
    assert list(totals.index) == list(range(2016, 2026))
    assert 15e12 < totals[2025] < 17e12
    growth = totals.pct_change().dropna()
    assert (growth >= 0.10).all(), "double-digit growth every year"
    assert growth.iloc[:3].mean() > growth.iloc[-3:].mean(), "growth slows as the market matures"
    cagr = (totals[2025] / totals[2016]) ** (1 / 9) - 1
    assert 0.12 < cagr < 0.18


def test_mobile_share_rises_above_85_percent(market):
    mobile = market[market["device"] == "mobile"].groupby("year")["gmv"].sum() / _totals(market)
    assert mobile[2025] > 0.85 and mobile[2016] < 0.75
    assert mobile.is_monotonic_increasing
    per_platform = market[market["year"] == 2025].pivot_table(
        index="platform", columns="device", values="gmv", aggfunc="sum")
    share = per_platform["mobile"] / per_platform.sum(axis=1)
    # the unweighted mean of the platforms' shares differs from the true share (exercise 3's trap)
    assert abs(share.mean() - mobile[2025]) > 0.005


def test_lower_tiers_and_rural_grow_faster(market):
    by_tier = market.pivot_table(index="year", columns="city_tier", values="gmv", aggfunc="sum")
    growth = by_tier.loc[2025] / by_tier.loc[2016]
    assert growth["rural"] > growth["tier3_4"] > growth["tier1_2"]


def test_content_and_group_buying_platforms_take_share(market):
    shares = market.pivot_table(index="year", columns="platform", values="gmv", aggfunc="sum")
    shares = shares.div(shares.sum(axis=1), axis=0)
    assert shares.loc[2025, "douyin_kuaishou"] > 0.15 > shares.loc[2019, "douyin_kuaishou"]
    assert shares.loc[2025, "pinduoduo"] > 0.15 > shares.loc[2017, "pinduoduo"]
    assert shares.loc[2016, "taobao_tmall"] - shares.loc[2025, "taobao_tmall"] > 0.15
    assert shares.loc[2025, "taobao_tmall"] == shares.loc[2025].max(), "still the largest family"


def test_platform_traits_follow_the_deck():
    traits = load_dataset("platform_traits").set_index("platform")
    assert set(traits.index) == {"taobao_tmall", "douyin_kuaishou", "pinduoduo", "jd", "cross_border"}
    assert traits[TRAITS].isin(range(1, 6)).all().all()
    best = traits[TRAITS].idxmax()
    assert best["content_traffic"] == "douyin_kuaishou"
    assert best["value_pricing"] == "pinduoduo"
    assert best["overseas_reach"] == "cross_border"
    assert traits.loc["jd", "premium_trust"] == 5 and traits.loc["jd", "fast_logistics"] == 5
    assert traits.loc["taobao_tmall", "search_traffic"] == 5 and traits.loc["taobao_tmall", "brand_building"] == 5


def test_every_role_owns_a_kpi_and_every_kpi_has_one_owner():
    roles = load_dataset("role_kpis")
    assert roles["kpi"].is_unique
    assert set(roles["role"]) == {"store_operator", "promotion", "customer_service", "data_analyst", "supply_chain"}
    assert set(roles["direction"]) == {"higher", "lower"}


def test_ops_monthly_agrees_with_the_shop():
    ops = load_dataset("ops_monthly").set_index("month")
    orders, traffic = load_dataset("orders"), load_dataset("traffic_daily")
    paid = orders[orders["status"] == "paid"]
    month = paid["paid_at"].dt.strftime("%Y-%m")
    assert np.allclose(ops["gmv"], paid.groupby(month)["amount"].sum().loc[ops.index])
    assert (ops["uv"] == traffic.groupby(traffic["date"].dt.strftime("%Y-%m"))["uv"].sum().loc[ops.index]).all()
    cr = ops["buyer_days"] / ops["uv"]
    assert cr.between(0.03, 0.04).all()
    assert (ops["inquiry_buyers"] <= ops["inquiries"]).all() and (ops["good_reviews"] <= ops["reviews"]).all()
    assert (ops["shipped_48h"] <= ops["paid_orders"]).all()


def test_big_promotion_months_strain_service_and_supply():
    """The notebook's KPI report (October against September 2025) alerts service and supply chain."""
    ops = load_dataset("ops_monthly").set_index("month")
    sep, oct_ = ops.loc["2025-09"], ops.loc["2025-10"]
    assert oct_["gmv"] > 1.3 * sep["gmv"]
    assert oct_["first_response_s"] > 1.2 * sep["first_response_s"]
    assert oct_["shipped_48h"] / oct_["paid_orders"] < 0.9 * sep["shipped_48h"] / sep["paid_orders"]
    assert oct_["stockout_sku_days"] / oct_["sku_days"] > 1.5 * sep["stockout_sku_days"] / sep["sku_days"]
    error = (ops["forecast_gmv"] - ops["gmv"]).abs() / ops["gmv"]
    assert error["2025-10"] > 2 * error["2025-09"]


def test_fresh_data_differs_but_keeps_the_shape():
    fresh = generate(seed=7, scale=0.05)
    market = fresh["market_size"]
    assert len(market) == len(load_dataset("market_size"))
    assert not np.allclose(market["gmv"], load_dataset("market_size")["gmv"])
    assert len(fresh["ops_monthly"]) == 24


def test_some_customers_left_only_unpaid_orders():
    """Exercise 1's trap exists in the data: distinct customers over all orders outnumber the paying buyers,
    and about one order in eight is unpaid."""
    orders = load_dataset("orders")
    paid = orders[orders["status"] == "paid"]
    assert orders["customer_id"].nunique() > 1.02 * paid["customer_id"].nunique()
    assert 0.10 < (orders["status"] == "unpaid").mean() < 0.16


def test_september_conversion_by_day_is_below_the_month_de_duplicated():
    """Section 3: buyer-days ÷ visitor-days is near the deck's 3.5%, buyers ÷ visitors over the month is higher,
    because visitors come back on more days than buyers pay."""
    events = load_dataset("funnel_events")
    visits = events.drop_duplicates(["visitor_id", "date"])
    payments = events[events["step"] == "pay"].drop_duplicates(["visitor_id", "date"])
    by_day = len(payments) / len(visits)
    by_month = payments["visitor_id"].nunique() / events["visitor_id"].nunique()
    assert 0.03 < by_day < 0.04 and by_month > 1.4 * by_day
