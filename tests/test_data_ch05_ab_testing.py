"""Chapter 5's experiments: the committed data tells the stories the notebook tells, and the
generator's recorded true effects are what a large sample recovers."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from scipy import stats
from statsmodels.stats.proportion import proportions_ztest

from ecomcourse.chapters.ch05_ab_testing import data as experiments
from ecomcourse.data import load_dataset


@pytest.fixture(scope="module")
def detail() -> pd.DataFrame:
    return load_dataset("ab_detail_page")


def _by_group(users: pd.DataFrame, column: str, group: str) -> pd.Series:
    return users.loc[users["group"] == group, column]


def test_detail_page_split_is_healthy_and_conversion_lift_is_significant(detail):
    counts = detail["group"].value_counts()
    assert stats.chisquare(counts.to_numpy()).pvalue > 0.05
    conv = detail.groupby("group")["converted"].agg(["sum", "size"])
    _, p = proportions_ztest(conv.loc[["treatment", "control"], "sum"], conv.loc[["treatment", "control"], "size"])
    rates = conv["sum"] / conv["size"]
    assert 0.03 < rates["control"] < 0.04  # the deck's 3.5% conversion
    assert p < 0.01 and rates["treatment"] > rates["control"]


def test_revenue_is_heavy_tailed_and_its_lift_not_significant(detail):
    revenue = detail["revenue"].sort_values(ascending=False)
    assert revenue.head(len(revenue) // 100).sum() / revenue.sum() > 0.5
    welch = stats.ttest_ind(_by_group(detail, "revenue", "treatment"), _by_group(detail, "revenue", "control"),
                            equal_var=False)
    assert welch.statistic > 0 and welch.pvalue > 0.05


def test_pre_period_revenue_makes_cuped_worth_it(detail):
    rho = np.corrcoef(detail["pre_revenue"], detail["revenue"])[0, 1]
    assert 0.3 < rho < 0.6  # variance cut of roughly 10-35%


def test_checkout_split_breaks_from_day_six():
    split = load_dataset("ab_checkout_split").pivot(index="date", columns="group", values="users")
    first, rest = split.iloc[: experiments.SPLIT_BUG_DAY - 1], split.iloc[experiments.SPLIT_BUG_DAY - 1:]
    assert stats.chisquare(first.sum().to_numpy()).pvalue > 0.05
    assert stats.chisquare(split.sum().to_numpy()).pvalue < 0.001
    assert (rest["treatment"] / rest.sum(axis=1)).max() < 0.5


def test_price_test_lower_price_converts_more_but_not_more_revenue_at_79():
    prices = load_dataset("ab_price_test")
    by = prices.groupby("variant").agg(cr=("converted", "mean"), rpu=("revenue", "mean"))
    assert by.loc["price_79", "cr"] > by.loc["control", "cr"] and by.loc["price_89", "cr"] > by.loc["control", "cr"]
    assert by.loc["price_79", "rpu"] < by.loc["control", "rpu"]
    paid = prices[prices["converted"] == 1]
    unit_price = paid["variant"].map(experiments.PRICES)
    assert set((paid["revenue"] / unit_price).round(6)) <= {1.0, 2.0}


def test_aa_tests_false_alarms_near_alpha_at_the_end_and_far_above_when_peeking():
    aa = load_dataset("aa_tests_daily")
    pooled = (aa["conversions_a"] + aa["conversions_b"]) / (aa["users_a"] + aa["users_b"])
    se = np.sqrt(pooled * (1 - pooled) * (1 / aa["users_a"] + 1 / aa["users_b"]))
    z = (aa["conversions_b"] / aa["users_b"] - aa["conversions_a"] / aa["users_a"]) / se
    aa = aa.assign(sig=2 * stats.norm.sf(np.abs(z)) < 0.05)
    final = aa[aa["day"] == aa["day"].max()]["sig"].mean()
    ever = aa.groupby("test_id")["sig"].any().mean()
    assert 0.02 < final < 0.08
    assert ever > 2.5 * final
    assert (aa.groupby("test_id")["users_a"].apply(lambda s: s.is_monotonic_increasing)).all()


def test_true_effects_are_recovered_from_a_large_sample():
    big = experiments._detail_page(np.random.default_rng(1), 400_000)
    rates = big.groupby("group")["converted"].mean()
    assert rates["treatment"] / rates["control"] == pytest.approx(experiments.PURCHASE_LIFT, rel=0.05)
    vpo = big.groupby("group")[["revenue", "orders"]].sum()
    ratio = (vpo["revenue"] / vpo["orders"])
    assert ratio["treatment"] / ratio["control"] == pytest.approx(experiments.ORDER_VALUE_EFFECT, rel=0.03)
