"""Shop core: customers, products, orders with their items, and monthly operating costs.

Every buyer is a customer whose purchases follow a Poisson process: the first on the day they
were acquired, repeats at a personal rate (gamma-distributed, so a few loyal customers buy
often) until they lapse. Not every registered customer buys: :func:`add_non_buyers` adds
customers who never ordered and customers whose only orders were never paid, from a stream of
their own, so the paying customers and their orders stay as they are. Everything is vectorised,
so cost grows linearly with ``scale``.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from . import calendar

AGE_BANDS = ["18-24", "25-29", "30-34", "35-39", "40-49", "50+"]
AGE_P = [0.17, 0.24, 0.23, 0.16, 0.13, 0.07]
TIERS = ["tier1", "new_tier1", "tier2", "tier3", "tier4_below"]
TIER_P_START = np.array([0.20, 0.22, 0.22, 0.19, 0.17])
TIER_P_END = np.array([0.15, 0.19, 0.21, 0.22, 0.23])  # lower tiers grow faster
PROVINCES = {
    "tier1": ["Beijing", "Shanghai", "Guangdong"],
    "new_tier1": ["Zhejiang", "Jiangsu", "Sichuan", "Hubei", "Shaanxi", "Tianjin", "Chongqing"],
    "tier2": ["Shandong", "Fujian", "Hunan", "Anhui", "Liaoning", "Henan", "Yunnan"],
    "tier3": ["Hebei", "Jiangxi", "Guangxi", "Shanxi", "Guizhou", "Jilin", "Heilongjiang"],
    "tier4_below": ["Henan", "Hebei", "Guangxi", "Gansu", "Inner Mongolia", "Xinjiang", "Hainan"],
}
SOURCES = ["natural_search", "paid_ads", "homepage_feed", "live_room", "social_share", "other"]
NEW_SOURCE_P = [0.30, 0.26, 0.17, 0.13, 0.08, 0.06]
REPEAT_SOURCE_P = [0.40, 0.12, 0.16, 0.12, 0.12, 0.08]
PLATFORMS = ["taobao", "tmall", "jd", "pinduoduo", "douyin"]
# the shop's suppliers (chapters 6 and 7)
# supplier: (category, role, quoted lead days, actual lead mean, lead sd,
#            price index vs standard cost, defect rate, service score 1-5)
SUPPLIERS = {
    "S01": ("apparel", "primary", 14, 12.5, 1.5, 1.00, 0.012, 4.2),
    "S02": ("apparel", "backup", 10, 12.5, 3.0, 0.93, 0.035, 3.1),
    "S03": ("apparel", "backup", 14, 12.0, 1.2, 1.07, 0.006, 4.6),
    "S04": ("beauty", "primary", 20, 18.0, 2.0, 1.00, 0.008, 4.0),
    "S05": ("beauty", "backup", 15, 18.0, 3.0, 0.95, 0.010, 3.4),
    "S06": ("home", "primary", 18, 16.5, 2.5, 1.00, 0.020, 3.8),
    "S07": ("home", "backup", 18, 16.0, 1.5, 1.04, 0.009, 4.4),
    "S08": ("food", "primary", 6, 5.0, 1.0, 1.00, 0.004, 4.1),
    "S09": ("food", "backup", 4, 5.5, 1.5, 0.97, 0.015, 3.6),
    "S10": ("digital", "primary", 28, 26.0, 3.0, 1.00, 0.015, 3.9),
    "S11": ("digital", "backup", 24, 22.0, 2.0, 1.06, 0.005, 4.3),
    "S12": ("digital", "backup", 20, 28.0, 6.0, 0.90, 0.045, 2.8),
}
PLATFORM_P = [0.30, 0.24, 0.14, 0.14, 0.18]
CATEGORIES = {  # name: (share of SKUs, median list price, price spread, popularity)
    "apparel": (0.34, 169.0, 0.45, 0.36),
    "beauty": (0.20, 129.0, 0.40, 0.24),
    "home": (0.18, 109.0, 0.55, 0.16),
    "food": (0.14, 59.0, 0.35, 0.14),
    "digital": (0.14, 189.0, 0.55, 0.10),
}
N_PRODUCTS = 160
COST_RATIO = 0.515
NEW_CUSTOMERS_PER_DAY = 40.0
REPEAT_GAMMA_SHAPE, REPEAT_GAMMA_SCALE = 0.5, 4.0  # repeat purchases per year
MEAN_LIFETIME_DAYS = 520
PROMO_COHORT_LOYALTY = 0.55  # customers first won on a big promotion day come back less
SECOND_ORDER_SAME_DAY = 0.05
UNPAID_SHARE = 0.12
REFUND_SHARE = 0.07
# registered customers who are not buyers, as shares of all registered customers
NEVER_ORDERED_SHARE = 0.11
UNPAID_ONLY_SHARE = 0.03
NON_BUYER_STREAM = 1000  # their own random stream, after the chapters' (1, 2, ...)
OPEX_RATIOS = {"logistics": 0.07, "platform_fees": 0.052, "staff": 0.044, "rent_it": 0.012}


def make_products(rng: np.random.Generator) -> pd.DataFrame:
    names = list(CATEGORIES)
    shares = np.array([CATEGORIES[c][0] for c in names])
    category = rng.choice(names, size=N_PRODUCTS, p=shares / shares.sum())
    median = np.array([CATEGORIES[c][1] for c in category])
    spread = np.array([CATEGORIES[c][2] for c in category])
    price = np.round(0.94 * median * np.exp(rng.normal(0, spread)) / 10) * 10 - 1  # ends in 9
    price = np.maximum(price, 19.0)
    cost = np.round(price * COST_RATIO * np.exp(rng.normal(0, 0.08, N_PRODUCTS)), 2)
    return pd.DataFrame({
        "product_id": [f"P{i:04d}" for i in range(1, N_PRODUCTS + 1)],
        "category": category, "list_price": price, "unit_cost": cost,
    })


def _tier_probabilities(day_index: np.ndarray, n_days: int) -> np.ndarray:
    frac = (day_index / max(n_days - 1, 1))[:, None]
    p = TIER_P_START * (1 - frac) + TIER_P_END * frac
    return p / p.sum(axis=1, keepdims=True)


def _choose_rows(rng: np.random.Generator, p: np.ndarray) -> np.ndarray:
    """One category index per row of a probability matrix (vectorised inverse CDF)."""
    u = rng.random(len(p))[:, None]
    return (u > np.cumsum(p, axis=1)).sum(axis=1)


def make_customers(rng: np.random.Generator, scale: float) -> tuple[pd.DataFrame, np.ndarray]:
    """Customers who will buy, and the day index of their first purchase."""
    dates = calendar.days()
    expected = NEW_CUSTOMERS_PER_DAY * scale * calendar.day_weights(dates)
    per_day = rng.poisson(expected)
    first_day = np.repeat(np.arange(len(dates)), per_day)
    return _profiles(rng, first_day, first_number=1), first_day


def _profiles(rng: np.random.Generator, day: np.ndarray, first_number: int) -> pd.DataFrame:
    """One customer per day index (the first visit), numbered from ``first_number``."""
    dates = calendar.days()
    n = len(day)
    tier_idx = _choose_rows(rng, _tier_probabilities(day, len(dates)))
    tier = np.array(TIERS)[tier_idx]
    province = np.empty(n, dtype=object)
    for name, options in PROVINCES.items():
        mask = tier == name
        province[mask] = rng.choice(options, size=mask.sum())
    registered = dates[day] - pd.to_timedelta(
        np.where(rng.random(n) < 0.3, rng.integers(1, 120, n), 0), unit="D")
    return pd.DataFrame({
        "customer_id": [f"C{i:06d}" for i in range(first_number, first_number + n)],
        "registered_date": registered.normalize(),
        "age_band": rng.choice(AGE_BANDS, size=n, p=AGE_P),
        "gender": np.where(rng.random(n) < 0.63, "female", "male"),
        "city_tier": tier,
        "province": province,
        "device": np.where(rng.random(n) < 0.92, "mobile", "pc"),
        "acquisition_channel": rng.choice(SOURCES, size=n, p=NEW_SOURCE_P),
    })


def purchase_days(rng: np.random.Generator, first_day: np.ndarray
                  ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(customer index, day index, is first) of every paying visit: the first and the repeats."""
    dates = calendar.days()
    seasonal = calendar.day_weights(dates, growth=False)
    cum = np.concatenate([[0.0], np.cumsum(seasonal / seasonal.mean())])
    n = len(first_day)
    rate_per_day = rng.gamma(REPEAT_GAMMA_SHAPE, REPEAT_GAMMA_SCALE, n) / 365.0
    deal_seekers = calendar.is_promo_day(dates[first_day])
    rate_per_day = np.where(deal_seekers, rate_per_day * PROMO_COHORT_LOYALTY, rate_per_day)
    lifetime = rng.exponential(MEAN_LIFETIME_DAYS, n).astype(int)
    last_day = np.minimum(first_day + lifetime, len(dates) - 1)
    lo, hi = cum[first_day + 1], cum[last_day + 1]
    repeats = rng.poisson(rate_per_day * np.maximum(hi - lo, 0))
    who = np.repeat(np.arange(n), repeats)
    u = rng.uniform(lo[who], hi[who])
    repeat_day = np.clip(np.searchsorted(cum, u, side="right") - 1, 0, len(dates) - 1)
    customer = np.concatenate([np.arange(n), who])
    day = np.concatenate([first_day, repeat_day])
    is_first = np.concatenate([np.ones(n, bool), np.zeros(len(who), bool)])
    order = np.lexsort((~is_first, customer, day))
    return customer[order], day[order], is_first[order]


def _times(rng: np.random.Generator, day_dates: pd.DatetimeIndex, promo: np.ndarray) -> pd.DatetimeIndex:
    """Time of day: an evening peak; on peak days a share of orders lands just after midnight."""
    hours = np.clip(rng.normal(20.5, 3.6, len(day_dates)), 0, 23.7)
    midnight = promo & (rng.random(len(day_dates)) < 0.25)
    hours = np.where(midnight, rng.uniform(0, 1.5, len(day_dates)), hours)
    seconds = (hours * 3600).astype(int)
    return day_dates + pd.to_timedelta(seconds, unit="s")


def make_orders(rng: np.random.Generator, customers: pd.DataFrame, products: pd.DataFrame,
                first_day: np.ndarray) -> tuple[pd.DataFrame, pd.DataFrame]:
    dates = calendar.days()
    cust, day, is_first = purchase_days(rng, first_day)
    extra = rng.random(len(cust)) < SECOND_ORDER_SAME_DAY
    cust = np.concatenate([cust, cust[extra]])
    day = np.concatenate([day, day[extra]])
    is_first = np.concatenate([is_first, np.zeros(extra.sum(), bool)])
    n_paid = len(cust)
    # unpaid orders: placed and never paid, by buyers and by customers on other days
    n_unpaid = int(n_paid * UNPAID_SHARE / (1 - UNPAID_SHARE))
    unpaid_cust = rng.integers(0, len(customers), n_unpaid)
    unpaid_day = np.minimum(first_day[unpaid_cust] + rng.integers(0, 200, n_unpaid), len(dates) - 1)
    cust = np.concatenate([cust, unpaid_cust])
    day = np.concatenate([day, unpaid_day])
    is_first = np.concatenate([is_first, np.zeros(n_unpaid, bool)])
    paid = np.arange(len(cust)) < n_paid
    return _order_table(rng, customers, products, cust, day, is_first, paid, first_number=1)


def _order_table(rng: np.random.Generator, customers: pd.DataFrame, products: pd.DataFrame,
                 cust: np.ndarray, day: np.ndarray, is_first: np.ndarray, paid: np.ndarray,
                 first_number: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Orders (by time placed, numbered from ``first_number``) and their lines, for customer
    indexes ``cust`` into ``customers`` on day indexes ``day``."""
    dates = calendar.days()
    n = len(cust)
    day_dates = dates[day]
    promo_mult = calendar.promo_multiplier(day_dates)
    created = _times(rng, day_dates, promo_mult >= 3)
    paid_at = pd.Series(created + pd.to_timedelta(rng.integers(5, 900, n), unit="s"))
    paid_at[~paid] = pd.NaT
    main_device = customers["device"].to_numpy()[cust]
    device = np.where(rng.random(n) < 0.95, main_device, np.where(main_device == "mobile", "pc", "mobile"))
    acq = customers["acquisition_channel"].to_numpy()[cust]
    channel = np.where(is_first, acq, rng.choice(SOURCES, size=n, p=REPEAT_SOURCE_P))
    main_platform = rng.choice(PLATFORMS, size=len(customers), p=PLATFORM_P)[cust]
    platform = np.where(rng.random(n) < 0.85, main_platform, rng.choice(PLATFORMS, size=n, p=PLATFORM_P))

    items = _make_items(rng, n, products)
    items_amount = items.assign(v=items.quantity * items.unit_price).groupby("order_idx")["v"].sum()
    items_amount = items_amount.reindex(np.arange(n)).to_numpy()
    discount_rate = np.where(promo_mult >= 1.8, rng.uniform(0.08, 0.2, n), rng.uniform(0.0, 0.05, n))
    discount = np.round(items_amount * discount_rate, 0)
    amount = items_amount - discount
    refunded = paid & (rng.random(n) < REFUND_SHARE)

    order_sort = np.lexsort((created.asi8,))
    order_ids = np.empty(n, dtype=object)
    order_ids[order_sort] = [f"O{i:07d}" for i in range(first_number, first_number + n)]
    orders = pd.DataFrame({
        "order_id": order_ids,
        "customer_id": customers["customer_id"].to_numpy()[cust],
        "created_at": created,
        "paid_at": paid_at.to_numpy(),
        "status": np.where(paid, "paid", "unpaid"),
        "platform": platform, "channel": channel, "device": device,
        "items_amount": items_amount, "discount": discount, "amount": amount,
        "refund_amount": np.where(refunded, amount, 0.0),
    }).iloc[order_sort].reset_index(drop=True)
    items["order_id"] = order_ids[items.pop("order_idx").to_numpy()]
    items = items.sort_values(["order_id", "product_id"], kind="stable").reset_index(drop=True)
    return orders, items[["order_id", "product_id", "quantity", "unit_price"]]


def _make_items(rng: np.random.Generator, n_orders: int, products: pd.DataFrame) -> pd.DataFrame:
    lines = 1 + rng.poisson(0.45, n_orders)
    order_idx = np.repeat(np.arange(n_orders), lines)
    popularity = np.array([CATEGORIES[c][3] for c in products["category"]])
    popularity = popularity * rng.pareto(2.5, len(products)) + popularity * 0.2
    product = rng.choice(len(products), size=len(order_idx), p=popularity / popularity.sum())
    items = pd.DataFrame({"order_idx": order_idx, "product_idx": product})
    items = items.drop_duplicates()
    quantity = 1 + rng.geometric(0.75, len(items)) - 1
    return pd.DataFrame({
        "order_idx": items["order_idx"].to_numpy(),
        "product_id": products["product_id"].to_numpy()[items["product_idx"]],
        "quantity": quantity,
        "unit_price": products["list_price"].to_numpy()[items["product_idx"]],
    })


def make_operating_costs(rng: np.random.Generator, orders: pd.DataFrame) -> pd.DataFrame:
    paid = orders[orders["status"] == "paid"]
    month = paid["paid_at"].dt.strftime("%Y-%m")
    net = (paid["amount"] - paid["refund_amount"]).groupby(month).sum()
    rows = [(m, cost_type, round(value * ratio * rng.uniform(0.9, 1.1), 2))
            for m, value in net.items() for cost_type, ratio in OPEX_RATIOS.items()]
    return pd.DataFrame(rows, columns=["month", "cost_type", "amount"])


def add_non_buyers(rng: np.random.Generator, customers: pd.DataFrame, orders: pd.DataFrame,
                   items: pd.DataFrame, products: pd.DataFrame
                   ) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """Registered customers who are not buyers: some never ordered, some left only unpaid orders
    (one, sometimes a few within a month). ``rng`` is their own stream; the given rows stay as
    they are, the new customers and orders are numbered after them."""
    dates = calendar.days()
    buyer_share = 1 - NEVER_ORDERED_SHARE - UNPAID_ONLY_SHARE
    n = rng.poisson(len(customers) * (NEVER_ORDERED_SHARE + UNPAID_ONLY_SHARE) / buyer_share)
    weights = calendar.day_weights(dates)
    day = np.sort(rng.choice(len(dates), size=n, p=weights / weights.sum()))
    extra = _profiles(rng, day, first_number=len(customers) + 1)
    ordered = np.flatnonzero(rng.random(n) < UNPAID_ONLY_SHARE / (NEVER_ORDERED_SHARE + UNPAID_ONLY_SHARE))
    n_orders = 1 + rng.poisson(0.3, len(ordered))
    cust = np.repeat(ordered, n_orders)
    is_first = np.concatenate([[True], cust[1:] != cust[:-1]]) if len(cust) else np.zeros(0, bool)
    later = np.where(is_first, 0, rng.integers(1, 30, len(cust)))
    order_day = np.minimum(day[cust] + later, len(dates) - 1)
    new_orders, new_items = _order_table(rng, extra, products, cust, order_day, is_first,
                                         np.zeros(len(cust), bool), first_number=len(orders) + 1)
    orders = (pd.concat([orders, new_orders], ignore_index=True)
              .sort_values("created_at", kind="stable").reset_index(drop=True))
    return (pd.concat([customers, extra], ignore_index=True), orders,
            pd.concat([items, new_items], ignore_index=True))
