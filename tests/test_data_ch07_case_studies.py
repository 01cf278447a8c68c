"""Chapter 7 data: the three cases tell the deck's stories (10 M a month in month 6, farmer income
+200%, 50 M a year with 40% repurchase), and the capstone's planted truths are findable in the committed
tables: broad-match paid ads behind the September GMV drop (LMDI per day, so the shorter month is not
a cause), a clean and significant main-image test whose revenue per user passes its guardrail, and a
Double 11 plan where some SKUs need nothing and some need a lot."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from scipy import stats
from statsmodels.stats.proportion import proportions_ztest

from ecomcourse.chapters.ch07_case_studies import data as cases
from ecomcourse.chapters.ch07_case_studies.widgets import _lmdi_by_source
from ecomcourse.data import generate, load_dataset

SOURCES = ["natural_search", "paid_ads", "homepage_feed", "live_room", "social_share", "other"]


@pytest.fixture(scope="module")
def douyin() -> pd.DataFrame:
    return load_dataset("case_douyin_beauty_monthly")


@pytest.fixture(scope="module")
def channel() -> pd.DataFrame:
    return load_dataset("capstone_channel_daily")


def _monthly_gmv(douyin: pd.DataFrame) -> pd.Series:
    return douyin.groupby("month")["gmv"].sum()


def test_douyin_reaches_ten_million_in_month_six_and_plateaus(douyin):
    assert list(douyin["month"].unique()) == [f"2024-{m:02d}" for m in range(3, 12)]
    assert set(douyin["channel"]) == {"kol_seeding", "live_commerce", "koc_reviews", "short_video"}
    total = _monthly_gmv(douyin)
    assert 0.9e6 <= total.iloc[0] <= 1.1e6
    assert total[total >= 10e6].index[0] == "2024-08"
    assert total.iloc[4] < 9.5e6  # month 5 is clearly short of it
    assert total.iloc[5:].between(10e6, 13e6).all()
    assert (total.diff().dropna() > 0).all()


def test_douyin_channel_mix_moves_from_kol_to_live_and_koc(douyin):
    gmv = douyin.pivot(index="month", columns="channel", values="gmv")
    share = gmv.div(gmv.sum(axis=1), axis=0)
    leader = share.idxmax(axis=1)
    assert (leader.iloc[:2] == "kol_seeding").all()
    assert (leader.iloc[2:] == "live_commerce").all()
    assert (share["koc_reviews"].diff().dropna() > 0).all()
    assert share["koc_reviews"].iloc[-1] > 3 * share["koc_reviews"].iloc[0]
    aov = douyin["gmv"] / douyin["orders"]
    assert aov.between(90, 200).all() and (douyin["orders"] < douyin["views"]).all()


def test_pdd_income_per_household_triples():
    pdd = load_dataset("case_pdd_agri_monthly")
    assert list(pdd["month"]) == [f"2024-{m:02d}" for m in range(1, 13)]
    per_household = pdd["farmer_income_yuan"] / pdd["households"]
    growth = per_household.iloc[-1] / per_household.iloc[0] - 1
    assert 1.9 <= growth <= 2.1  # +200% within ±10 percentage points
    assert 0.50 <= pdd["grade_a_share"].iloc[0] <= 0.60 and 0.85 <= pdd["grade_a_share"].iloc[-1] <= 0.95
    assert pdd["group_order_share"].between(0.6, 0.8).all()
    assert (pdd["households"].diff().dropna() > 0).all()
    assert (pdd["farmer_income_yuan"] < pdd["gmv"]).all() and (pdd["subsidy_yuan"] < pdd["gmv"]).all()
    assert (pdd["live_sessions"].iloc[-3:].mean() > 5 * pdd["live_sessions"].iloc[:3].mean())


def test_apparel_store_fifty_million_and_forty_percent_repurchase():
    buyers = load_dataset("case_apparel_buyers")
    assert len(buyers) <= 150_000 and buyers["customer_id"].is_unique
    assert (buyers["paid_days"] >= 1).all() and (buyers["gmv"] > 0).all()
    assert 48e6 <= buyers["gmv"].sum() <= 52e6
    repeat = buyers["paid_days"] >= 2
    assert 0.38 <= repeat.mean() <= 0.42
    assert buyers.loc[repeat, "gmv"].sum() / buyers["gmv"].sum() > 0.6  # well over half
    by_segment = repeat.groupby(buyers["segment"]).mean()
    assert set(by_segment.index) == {"young_office", "student", "young_mom", "mature"}
    assert by_segment.idxmin() == "student" and by_segment.max() - by_segment.min() > 0.12


def _months(channel: pd.DataFrame) -> pd.DataFrame:
    """Per source and month (8, 9): uv, buyers, gmv and the three factors."""
    g = channel.assign(month=channel["date"].dt.month).groupby(["source", "month"])[["uv", "buyers", "gmv"]].sum()
    return g.assign(cr=g["buyers"] / g["uv"], aov=g["gmv"] / g["buyers"])


def _per_day(channel: pd.DataFrame) -> pd.DataFrame:
    """_months with uv, buyers and gmv divided by the days in the month (31, 30)."""
    m = _months(channel)
    days = m.index.get_level_values("month").map({8: 31, 9: 30}).to_numpy()
    return m.assign(**{c: m[c] / days for c in ["uv", "buyers", "gmv"]})


def _lmdi(channel: pd.DataFrame) -> pd.DataFrame:
    m = _per_day(channel)
    before, after = m.xs(8, level="month"), m.xs(9, level="month")
    weight = (after["gmv"] - before["gmv"]) / (np.log(after["gmv"]) - np.log(before["gmv"]))
    return pd.DataFrame({f: weight * np.log(after[f] / before[f]) for f in ["uv", "cr", "aov"]})


def test_the_waterfall_widget_decomposes_as_the_chapter_does(channel):
    """The widget's per-day LMDI is the chapter's: the same contributions per source and factor."""
    shown = _lmdi_by_source(channel, "2025-08", "2025-09")[["uv", "cr", "aov"]]
    pd.testing.assert_frame_equal(shown.sort_index(), _lmdi(channel).sort_index(), check_names=False)


def test_channel_days_cover_august_and_september(channel):
    assert set(channel["source"]) == set(SOURCES)
    assert channel["date"].min() == pd.Timestamp("2025-08-01") and channel["date"].max() == pd.Timestamp("2025-09-30")
    assert len(channel) == 61 * 6 and not channel.duplicated(["date", "source"]).any()
    assert (channel["buyers"] <= channel["uv"]).all()
    august = _months(channel).xs(8, level="month").sum()
    assert 0.030 <= august["buyers"] / august["uv"] <= 0.040  # the shop's 3.5%
    assert 260 <= august["gmv"] / august["buyers"] <= 300  # the shop's ¥280


def test_broad_match_raises_paid_uv_and_halves_its_conversion(channel):
    m = _months(channel)
    per_day = m[["uv"]].div(m.index.get_level_values("month").map({8: 31, 9: 30}).to_numpy(), axis=0)
    uv_ratio = per_day.xs(9, level="month")["uv"] / per_day.xs(8, level="month")["uv"]
    cr_ratio = m.xs(9, level="month")["cr"] / m.xs(8, level="month")["cr"]
    aov_ratio = m.xs(9, level="month")["aov"] / m.xs(8, level="month")["aov"]
    assert 1.3 <= uv_ratio["paid_ads"] <= 1.5 and 0.4 <= cr_ratio["paid_ads"] <= 0.6
    others = uv_ratio.index != "paid_ads"
    assert uv_ratio[others].between(0.9, 1.1).all() and cr_ratio[others].between(0.9, 1.1).all()
    assert aov_ratio.between(0.97, 1.03).all()


def test_total_uv_up_gmv_down_and_lmdi_points_at_paid_ads_conversion(channel):
    m = _per_day(channel)
    total = m.groupby(level="month")[["uv", "gmv"]].sum()
    assert total.loc[9, "uv"] > 1.05 * total.loc[8, "uv"]  # per day: visitors clearly up
    change = total.loc[9, "gmv"] / total.loc[8, "gmv"] - 1
    assert -0.13 <= change <= -0.07  # per day: a real drop, not the missing 31st
    lmdi = _lmdi(channel)
    delta = m.xs(9, level="month")["gmv"] - m.xs(8, level="month")["gmv"]
    assert np.allclose(lmdi.sum(axis=1), delta.loc[lmdi.index])  # exact, no residual
    assert lmdi.to_numpy().sum() == pytest.approx(delta.sum())
    assert lmdi.stack().idxmin() == ("paid_ads", "cr")
    assert lmdi.loc["paid_ads", "uv"] > 0
    assert lmdi.loc["paid_ads", "cr"] < 0.8 * delta.sum()  # on its own, most of the drop
    assert lmdi["aov"].abs().max() < 0.1 * abs(delta.sum())


def test_main_image_experiment_is_clean_and_significant():
    users = load_dataset("capstone_experiment_users")
    assert users["user_id"].is_unique and set(users["arm"]) == {"control", "treatment"}
    counts = users["arm"].value_counts()
    assert counts.between(28_000, 32_000).all()
    assert stats.chisquare(counts.to_numpy()).pvalue > 0.001  # no sample-ratio mismatch
    conv = users.groupby("arm")["converted"].agg(["sum", "size"])
    rate = conv["sum"] / conv["size"]
    assert 0.028 <= rate["control"] <= 0.036 and 0.033 <= rate["treatment"] <= 0.042
    _, p = proportions_ztest(conv.loc[["treatment", "control"], "sum"], conv.loc[["treatment", "control"], "size"])
    assert p < 0.01 and rate["treatment"] > rate["control"]
    assert ((users["revenue"] > 0) == (users["converted"] == 1)).all()
    assert 250 <= users.loc[users["converted"] == 1, "revenue"].mean() <= 310
    control, treatment = (users.loc[users["arm"] == arm, "revenue"] for arm in ("control", "treatment"))
    rpu = stats.ttest_ind(treatment, control, equal_var=False)
    assert rpu.pvalue < 0.01 and rpu.confidence_interval(0.95).low > -0.05 * control.mean()  # the guardrail passes


def test_sku_demand_is_the_shops_best_sellers():
    demand = load_dataset("capstone_sku_demand")
    orders, items = load_dataset("orders"), load_dataset("order_items")
    paid = orders.loc[orders["status"] == "paid", ["order_id", "paid_at"]]
    lines = items.merge(paid, on="order_id").assign(date=lambda d: d["paid_at"].dt.normalize())
    window = lines[lines["date"].between("2025-08-01", "2025-10-10")]
    sold = window.groupby("product_id")["quantity"].sum().sort_values(ascending=False)
    assert set(demand["sku_id"]) == set(sold.index[:8])
    assert demand.groupby("sku_id").size().eq(71).all()
    assert demand.groupby("sku_id")["units"].sum().to_dict() == sold.iloc[:8].to_dict()


def _plan(demand: pd.DataFrame, plan: pd.DataFrame, ddof: int) -> tuple[pd.Series, pd.Series]:
    """The notebook's plan (target = μ·21 + μ·uplift·11 + 1.645·σ·√L: the normal days 11–31 October, then
    the event 1–11 November): the share of the target to order, and stock held (on hand + on order) over the target."""
    stats_ = demand.groupby("sku_id")["units"].agg(["mean", lambda u: u.std(ddof=ddof)])
    stats_.columns = ["mean", "sd"]
    p = plan.set_index("sku_id").join(stats_)
    lead = p["lead_time_days"]
    target = p["mean"] * (21 + p["double11_uplift"] * 11) + 1.645 * p["sd"] * np.sqrt(lead)
    held = p["on_hand"] + p["on_order"]
    return (target - held).clip(lower=0) / target, held / target


def test_double11_plan_has_covered_and_short_skus():
    demand, plan = load_dataset("capstone_sku_demand"), load_dataset("capstone_sku_plan")
    products = load_dataset("products").set_index("product_id")
    assert sorted(plan["sku_id"]) == sorted(demand["sku_id"].unique())
    assert plan["lead_time_days"].between(7, 30).all() and plan["double11_uplift"].between(2.5, 5).all()
    assert plan["lead_time_days"].le(21).all(), "an order placed on 10 October arrives before the event on 1 November"
    assert (plan["unit_cost"].to_numpy() == products.loc[plan["sku_id"], "unit_cost"].to_numpy()).all()
    assert (plan[["on_hand", "on_order"]] >= 0).all().all()
    for ddof in (0, 1):  # the verdicts do not hinge on the standard deviation's convention
        to_order, held = _plan(demand, plan, ddof)
        assert (to_order == 0).sum() >= 3, "several SKUs are covered"
        assert (held > 1.7).sum() >= 2, "two SKUs hold about twice their target (overstock risk)"
        assert (to_order > 0.7).sum() >= 2, "two SKUs need large orders"


def test_small_fresh_shop_keeps_the_stories():
    tables = generate(seed=7, scale=0.05)
    assert 48e6 <= tables["case_apparel_buyers"]["gmv"].sum() <= 52e6
    assert len(tables["capstone_sku_plan"]) == 8 and tables["capstone_sku_demand"]["sku_id"].nunique() == 8
    to_order, _ = _plan(tables["capstone_sku_demand"], tables["capstone_sku_plan"], 1)
    assert (to_order == 0).sum() >= 1 and (to_order > 0.6).sum() >= 2
    lmdi = _lmdi(tables["capstone_channel_daily"])
    assert lmdi.stack().idxmin() == ("paid_ads", "cr") and lmdi.loc["paid_ads", "uv"] > 0


def test_planted_effects_are_recovered_from_a_large_sample():
    big = cases._experiment(np.random.default_rng(1), 400_000)
    rates = big.groupby("arm")["converted"].mean()
    assert rates["control"] == pytest.approx(cases.EXPERIMENT_CR["control"], rel=0.03)
    assert rates["treatment"] == pytest.approx(cases.EXPERIMENT_CR["treatment"], rel=0.03)
    buyers = cases._apparel(np.random.default_rng(1), 400_000)
    assert (buyers["paid_days"] >= 2).mean() == pytest.approx(0.40, abs=0.015)
