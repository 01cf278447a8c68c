"""Chapter 5's experiments: a detail-page A/B test, a test with a broken split, a three-price test
and many A/A tests for the peeking lesson.

True effects (kept here, never in the students' data):

- ``ab_detail_page`` (2025-09-01 to 2025-09-14, 50/50 by user): the new detail page multiplies each
  user's purchase probability by 1.14 and each order's value by 0.97; ``pre_revenue`` (the 28 days
  before exposure) is untouched by the test and shares each user's spending propensity.
- ``ab_checkout_split`` (planned 50/50): from day 6 a tracking bug drops 4% of the treatment's users.
- ``ab_price_test``: conversion at ¥99 / ¥89 / ¥79 is 3.0% / 3.3% / 3.6%; one unit per buyer
  (20% buy two).
- ``aa_tests_daily``: 300 A/A tests, both arms converting at 3.5% for 14 days.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ...data.schema import Table, table

STREAM = 5
DETAIL_START = pd.Timestamp("2025-09-01")
TEST_DAYS = 14
DETAIL_USERS = 48_000
BASE_PURCHASE = 0.035
SHAPE = 0.1
PRE_RATE = 6.0
PURCHASE_LIFT = 1.14
ORDER_VALUE_EFFECT = 0.97
SPLIT_BUG_DAY = 6
SPLIT_BUG_LOSS = 0.07
PRICES = {"control": 99.0, "price_89": 89.0, "price_79": 79.0}
PRICE_CONVERSION = {"control": 0.030, "price_89": 0.033, "price_79": 0.036}
PRICE_USERS_PER_ARM = 12_000
AA_TESTS = 300
AA_USERS_PER_DAY = 500
AA_CONVERSION = 0.035


TABLES: dict[str, Table] = {t.name: t for t in [
    table("ab_detail_page", "详情页 A/B 测试（用户级）：每位进入实验的用户一行。",
          "Detail-page A/B test (user level): one row per user in the experiment.",
          ("user_id", "str", "用户编号（随机化单位）", "user id (the randomisation unit)"),
          ("group", "str", "分组：control 对照组（旧详情页）/ treatment 实验组（新详情页）",
           "group: control (old detail page) / treatment (new detail page)"),
          ("exposure_date", "date", "首次进入实验的日期", "date of first exposure"),
          ("visits", "int", "实验期内访问次数", "visits during the test"),
          ("converted", "int", "实验期内是否购买：1 是 / 0 否", "bought during the test: 1 yes / 0 no"),
          ("orders", "int", "实验期内支付订单数", "paid orders during the test"),
          ("revenue", "float", "实验期内支付金额（元）", "amount paid during the test (yuan)"),
          ("pre_revenue", "float", "进入实验前 28 天的支付金额（元）",
           "amount paid in the 28 days before exposure (yuan)")),
    table("ab_checkout_split", "结算页测试的每日分流人数（计划 50/50）。",
          "Checkout-page test: users assigned per day and group (planned 50/50).",
          ("date", "date", "日期", "date"),
          ("group", "str", "分组：control / treatment", "group: control / treatment"),
          ("users", "int", "当天新进入该组的用户数", "users newly assigned to the group that day")),
    table("ab_price_test", "三价格测试（用户级）：对照 ¥99，实验 ¥89 和 ¥79。",
          "Three-price test (user level): control ¥99, variants ¥89 and ¥79.",
          ("user_id", "str", "用户编号", "user id"),
          ("variant", "str", "价格组：control（¥99）、price_89、price_79",
           "variant: control (¥99), price_89, price_79"),
          ("converted", "int", "是否购买：1 是 / 0 否", "bought: 1 yes / 0 no"),
          ("revenue", "float", "支付金额（元）", "amount paid (yuan)")),
    table("aa_tests_daily", "300 个 A/A 测试的每日累计结果（两组完全相同）。",
          "300 A/A tests, cumulative results day by day (both arms identical).",
          ("test_id", "int", "测试编号", "test id"),
          ("day", "int", "第几天（1–14），数据截至当天累计", "day (1–14); numbers are cumulative to that day"),
          ("users_a", "int", "A 组累计用户数", "cumulative users in arm A"),
          ("conversions_a", "int", "A 组累计购买用户数", "cumulative converting users in arm A"),
          ("users_b", "int", "B 组累计用户数", "cumulative users in arm B"),
          ("conversions_b", "int", "B 组累计购买用户数", "cumulative converting users in arm B")),
]}


def _order_values(rng: np.random.Generator, orders: np.ndarray, taste: np.ndarray) -> np.ndarray:
    """Sum of each user's order values: log-normal orders around the user's own taste (median ¥180
    overall), so revenue is heavy-tailed and a big spender before the test is one during it."""
    revenue = np.zeros(len(orders))
    for i in np.flatnonzero(orders):
        revenue[i] = rng.lognormal(np.log(180.0 * taste[i]), 0.5, orders[i]).sum()
    return np.round(revenue, 2)


def _detail_page(rng: np.random.Generator, n: int) -> pd.DataFrame:
    treated = rng.random(n) < 0.5
    propensity = rng.gamma(SHAPE, 1 / SHAPE, n)
    taste = rng.lognormal(-0.18, 0.6, n)
    p_buy = np.clip(BASE_PURCHASE * propensity * np.where(treated, PURCHASE_LIFT, 1.0), 0, 0.9)
    converted = rng.random(n) < p_buy
    orders = np.where(converted, 1 + rng.poisson(0.25, n), 0)
    pre_orders = rng.poisson(PRE_RATE * BASE_PURCHASE * propensity)
    return pd.DataFrame({
        "user_id": [f"U{i:06d}" for i in range(1, n + 1)],
        "group": np.where(treated, "treatment", "control"),
        "exposure_date": DETAIL_START + pd.to_timedelta(rng.integers(0, TEST_DAYS, n), unit="D"),
        "visits": 1 + rng.poisson(0.8 + 0.6 * propensity + 2.0 * converted),
        "converted": converted.astype(int),
        "orders": orders,
        "revenue": _order_values(rng, orders, taste * np.where(treated, ORDER_VALUE_EFFECT, 1.0)),
        "pre_revenue": _order_values(rng, pre_orders, taste),
    })


def _checkout_split(rng: np.random.Generator, scale: float) -> pd.DataFrame:
    rows = []
    for day in range(TEST_DAYS):
        assigned = int(rng.poisson(max(100.0, 3_000 * scale)))
        treatment = int(rng.binomial(assigned, 0.5))
        control = assigned - treatment
        if day + 1 >= SPLIT_BUG_DAY:
            treatment = int(rng.binomial(treatment, 1 - SPLIT_BUG_LOSS))
        date = DETAIL_START + pd.Timedelta(days=28 + day)
        rows += [(date, "control", control), (date, "treatment", treatment)]
    return pd.DataFrame(rows, columns=["date", "group", "users"])


def _price_test(rng: np.random.Generator, per_arm: int) -> pd.DataFrame:
    frames = []
    for variant, price in PRICES.items():
        converted = rng.random(per_arm) < PRICE_CONVERSION[variant]
        units = np.where(converted, 1 + (rng.random(per_arm) < 0.2), 0)
        frames.append(pd.DataFrame({"variant": variant, "converted": converted.astype(int),
                                    "revenue": units * price}))
    users = pd.concat(frames, ignore_index=True).sample(frac=1, random_state=rng).reset_index(drop=True)
    users.insert(0, "user_id", [f"P{i:06d}" for i in range(1, len(users) + 1)])
    return users


def _aa_tests(rng: np.random.Generator, tests: int) -> pd.DataFrame:
    shape = (tests, TEST_DAYS)
    users_a = rng.poisson(AA_USERS_PER_DAY, shape)
    users_b = rng.poisson(AA_USERS_PER_DAY, shape)
    conv_a = rng.binomial(users_a, AA_CONVERSION)
    conv_b = rng.binomial(users_b, AA_CONVERSION)
    test_id, day = np.meshgrid(np.arange(1, tests + 1), np.arange(1, TEST_DAYS + 1), indexing="ij")
    return pd.DataFrame({
        "test_id": test_id.ravel(), "day": day.ravel(),
        "users_a": users_a.cumsum(axis=1).ravel(), "conversions_a": conv_a.cumsum(axis=1).ravel(),
        "users_b": users_b.cumsum(axis=1).ravel(), "conversions_b": conv_b.cumsum(axis=1).ravel(),
    })


def make_tables(rng: np.random.Generator, scale: float, shop: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    return {
        "ab_detail_page": _detail_page(rng, max(2_000, round(DETAIL_USERS * scale))),
        "ab_checkout_split": _checkout_split(rng, scale),
        "ab_price_test": _price_test(rng, max(1_000, round(PRICE_USERS_PER_ARM * scale))),
        "aa_tests_daily": _aa_tests(rng, max(40, round(AA_TESTS * scale))),
    }
