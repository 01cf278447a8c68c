"""Chapter 4's data: the shop's own tables, calibrated to the numbers the chapter teaches
(conversion about 3.5%, spend per buyer about ¥280, repurchase about 35%, gross margin about 45%,
net margin about 18%, one ad channel below break-even, peaks with pre-sales, lower tiers growing
fastest, a funnel that narrows)."""

from __future__ import annotations

import pandas as pd
import pytest

from ecomcourse.chapters.ch04_data_analysis import data
from ecomcourse.data import load_dataset

SHOP = ["orders", "order_items", "products", "customers", "traffic_daily", "funnel_events", "ad_campaigns_daily",
        "operating_costs"]


@pytest.fixture(scope="module")
def shop() -> dict[str, pd.DataFrame]:
    return {name: load_dataset(name) for name in SHOP}


def test_chapter_4_adds_no_table_of_its_own():
    assert data.TABLES == {} and data.STREAM == 4


def _paid(shop):
    orders = shop["orders"]
    paid = orders[orders["status"] == "paid"]
    return paid.assign(date=paid["paid_at"].dt.normalize())


def test_conversion_spend_per_buyer_and_mobile_share(shop):
    paid, traffic = _paid(shop), shop["traffic_daily"]
    buyer_days = paid.groupby("date")["customer_id"].nunique().sum()
    assert 0.030 <= buyer_days / traffic["uv"].sum() <= 0.040  # about 3.5%
    assert 260 <= paid["amount"].sum() / buyer_days <= 300  # 客单价 about ¥280
    mobile = traffic.loc[traffic["device"] == "mobile", "uv"].sum() / traffic["uv"].sum()
    assert mobile > 0.85


def test_repurchase_about_35_percent(shop):
    paid = _paid(shop)
    year = paid[paid["date"].dt.year == 2025]
    days = year.groupby("customer_id")["date"].nunique()
    assert 0.30 <= (days >= 2).mean() <= 0.40


def test_margins_and_ad_returns(shop):
    paid = _paid(shop)
    net_sales = paid["amount"].sum() - paid["refund_amount"].sum()
    kept = paid.loc[paid["refund_amount"] == 0, "order_id"]
    items = shop["order_items"][shop["order_items"]["order_id"].isin(kept)].merge(shop["products"])
    cogs = (items["quantity"] * items["unit_cost"]).sum()
    gross = (net_sales - cogs) / net_sales
    net = (net_sales - cogs - shop["ad_campaigns_daily"]["spend"].sum()
           - shop["operating_costs"]["amount"].sum()) / net_sales
    assert 0.42 <= gross <= 0.48 and 0.15 <= net <= 0.21
    ads = shop["ad_campaigns_daily"].groupby("channel")[["attributed_gmv", "spend"]].sum()
    roas = ads["attributed_gmv"] / ads["spend"]
    assert (roas > 3).sum() >= 3, "the good channels return more than 3"
    assert (roas < 1 / gross).any(), "at least one channel sits below break-even"


def test_promotion_peaks_with_presale(shop):
    daily = _paid(shop).groupby("date")["amount"].sum()
    for year in (2024, 2025):
        base = daily[f"{year}-09-01":f"{year}-09-30"].mean()
        assert daily[pd.Timestamp(f"{year}-11-11")] > 3 * base
        assert daily[f"{year}-10-25":f"{year}-11-10"].mean() > 1.3 * base, "pre-sale build-up"
        assert daily[pd.Timestamp(f"{year}-06-18")] > 2 * daily[f"{year}-04-01":f"{year}-04-30"].mean()


def test_lower_tier_cities_grow_faster(shop):
    first = _paid(shop).groupby("customer_id")["date"].min().rename("first")
    new = shop["customers"].merge(first, left_on="customer_id", right_index=True)
    counts = pd.crosstab(new["city_tier"], new["first"].dt.year)
    growth = counts[2025] / counts[2024]
    assert growth["tier4_below"] > growth["tier3"] > growth["tier1"]


def test_funnel_visitors_shrink_at_each_step(shop):
    visitors = shop["funnel_events"].groupby("step")["visitor_id"].nunique()
    assert visitors["view"] > visitors["cart"] > visitors["order"] > visitors["pay"]
